"""spinlens as a spaCy pipeline component: `nlp.add_pipe("spinlens")`.

It analyses `doc.text` with a spinlens `Analyzer` and puts what it found on the Doc, aligned to the Doc's
tokens (a span that starts or ends inside a token is widened to whole tokens):

- `doc.spans["spinlens_techniques"]`: technique spans, `label_` the technique, scores in the group's
  `attrs["scores"]` (in span order, as spaCy's own span categorizer stores them);
- `doc.spans["spinlens_claims"]`: check-worthy sentences, when the claims layer is installed and on;
- `doc.spans["spinlens_quotes"]`: quote contents, `label_` "direct" or "reported", each with
  `span._.spinlens_speaker` and `span._.spinlens_cue` (Spans, or None), and `span._.spinlens_speaker_entity`
  (the entity's name, or None);
- `doc._.spinlens`: the whole analysis record.

The component brings its own models, so it works after any pipeline, even a blank `spacy.blank("en")`. With
the entities or quotes layer on, spinlens parses the text with its own `en_core_web_sm` whatever the host
pipeline did: the layers' output must not depend on which parser the host happens to run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from spinlens.pipeline import Analyzer
from spinlens.record import Analysis

TECHNIQUES_KEY = "spinlens_techniques"
CLAIMS_KEY = "spinlens_claims"
QUOTES_KEY = "spinlens_quotes"

for _name in ("spinlens_speaker", "spinlens_cue", "spinlens_speaker_entity"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Doc.has_extension("spinlens"):
    Doc.set_extension("spinlens", default=None)


class SpinlensPipe:
    def __init__(self, name: str, layers: list[str] | None, threshold: float | None, batch_size: int) -> None:
        self.name = name
        self.batch_size = batch_size
        self.analyzer = Analyzer(layers, threshold=threshold, batch_size=batch_size)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, stream: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        size = batch_size or self.batch_size
        docs = iter(stream)
        while batch := list(islice(docs, size)):
            # an empty text has nothing to analyse, and the Analyzer refuses it; its Doc gets empty groups
            texts = [doc.text for doc in batch if doc.text.strip()]
            analyses = iter(self.analyzer.analyze_many(texts, batch_size=size))
            for doc in batch:
                annotate(doc, next(analyses) if doc.text.strip() else None)
                yield doc


def annotate(doc: Doc, analysis: Analysis | None) -> None:
    doc._.spinlens = analysis
    techniques, claims, quotes = SpanGroup(doc, name=TECHNIQUES_KEY), SpanGroup(doc, name=CLAIMS_KEY), []
    technique_scores: list[float] = []
    claim_scores: list[float] = []
    if analysis is not None:
        for t in analysis.techniques:
            span = _span(doc, t.start, t.end, t.technique)
            if span is not None:
                techniques.append(span)
                technique_scores.append(t.score)
        for c in getattr(analysis, "claims", None) or []:
            span = _span(doc, c.start, c.end, "claim")
            if span is not None:
                claims.append(span)
                claim_scores.append(c.score)
        for q in analysis.quotes:
            span = _span(doc, q.content.start, q.content.end, "direct" if q.direct else "reported")
            if span is None:
                continue
            span._.spinlens_speaker = q.speaker and _span(doc, q.speaker.start, q.speaker.end, "speaker")
            span._.spinlens_cue = q.cue and _span(doc, q.cue.start, q.cue.end, "cue")
            if q.speaker_entity is not None:
                span._.spinlens_speaker_entity = analysis.entities[q.speaker_entity].name
            quotes.append(span)
    techniques.attrs["scores"] = technique_scores
    claims.attrs["scores"] = claim_scores
    doc.spans[TECHNIQUES_KEY] = techniques
    doc.spans[CLAIMS_KEY] = claims
    doc.spans[QUOTES_KEY] = quotes


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


@Language.factory(
    "spinlens",
    default_config={"layers": None, "threshold": None, "batch_size": 16},
    assigns=["doc.spans", "doc._.spinlens"],
)
def make_spinlens_pipe(
    nlp: Language, name: str, layers: list[str] | None, threshold: float | None, batch_size: int
) -> SpinlensPipe:
    return SpinlensPipe(name, layers, threshold, batch_size)
