"""Which Name_Calling and Loaded_Language spans the text pins on which entity.

A label is attached only where the syntax says explicitly that it describes the entity; otherwise it stays
unattached (a label on the wrong party would be worse than none). With `root` the span's syntactic head:

- the root is inside a mention: "crooked Hillary Clinton" as one span (with no verb outside the name's
  phrase: 'urging Britain to "stop ..."');
- the root modifies a mention (amod, compound, nmod, appos...): "crooked" in "crooked Hillary Clinton";
- a mention modifies the root as a compound: "Nusra terrorists";
- the root is an apposition of a mention, or a mention of it: "Assad, a brutal dictator";
- the root is the predicate of "be" whose subject is a mention: "Clinton is a liar";
- the root is listed after such a description: "Brask, the foreign minister and a notorious liar",
  "Clinton is a liar and a crook";
- the root is what a verb of naming calls a mention: "described Pakistan as a rogue state", "called Clinton
  a liar", "branded Putin a war criminal", "Pakistan was described as a rogue state";
- else, a word inside the span describes one mention only: "bumbling" in "the bumbling FBI has dismissed
  jihad", "a treasonous judge" in "Watson, a treasonous judge, wants power" (also where the span begins
  after the name: "Watson, [a treasonous judge, wants power]"); not a word that places or dates it
  ("former", "Western").

A label on "Obama's disastrous policy" describes the policy, whose head is not a mention, so it stays off
Obama. A span that is only a name ("Deep State") pins nothing on the entity it names.

The label is the span's words, except where a word inside a longer span describes the name: there it is the
phrase that does ("the bumbling FBI", "Watson, a treasonous judge"), since the model's spans often run on into
the rest of the clause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from spinlens.parsing import second_object_hung_on_the_noun
from spinlens.record import TechniqueSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

LABEL_TECHNIQUES = frozenset({"Name_Calling,Labeling", "Loaded_Language"})
_OPENING_MARKS = frozenset({"“", "‘"})
_CLOSING_MARKS = frozenset({"”", "’"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "appos", "acl", "npadvmod", "nummod", "advmod"})
_PREDICATE_DEPS = frozenset({"attr", "acomp"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# tokens from a listed description back to the first one, at most ("a liar, a cheat and a crook")
_SHORT_LIST = 8
# Verbs that name their object something: "described X as Y", "called X Y", "branded X Y", "sees X as Y"
_NAMING_VERBS = frozenset(
    {
        "call", "describe", "brand", "label", "dub", "term", "denounce", "condemn", "portray", "paint", "depict",
        "characterize", "characterise", "decry", "deride", "slam", "refer", "cast", "tag", "smear", "dismiss",
        "mock", "ridicule", "hail", "praise", "blast", "lambast", "lambaste", "nickname", "regard", "view",
        "consider", "see", "declare",
    }
)  # fmt: skip
# Adjectives that say when or where a name is, or which one, not what it is like
_NEUTRAL_ADJECTIVES = frozenset(
    {
        "former", "late", "then", "new", "current", "incoming", "outgoing", "acting", "continental", "northern",
        "southern", "eastern", "western", "central", "top", "senior", "chief", "fellow", "other", "same", "own",
        "whole", "entire", "first", "last", "next", "previous", "early", "young", "old", "federal", "national",
        "local", "regional", "international", "official", "political", "economic",
    }
)  # fmt: skip


class Attached(NamedTuple):
    cluster: int
    # the label's words: the whole span, or inside a longer one the phrase that describes the name
    start: int
    end: int


def attach(doc: Doc, mention_cluster: dict[int, int], span: TechniqueSpan) -> Attached | None:
    """The cluster the span describes, given which cluster each mention token belongs to, and the words of the
    span that say it; None if unclear."""
    if span.technique not in LABEL_TECHNIQUES:
        return None
    tokens = _without_edge_marks(doc.char_span(span.start, span.end, alignment_mode="expand"))
    if tokens is None:
        return None
    if all(t.i in mention_cluster or t.is_punct or t.lower_ in {"the", "'s", "’s"} for t in tokens):
        # the span is the name itself ("Deep State", "Tories"): it pins no word on it that the name lacks
        return None
    root = tokens.root
    whole = (span.start, span.end)
    if root.i in mention_cluster and (named_thing := _names_another(root, mention_cluster)) is not None:
        # 'called voter ID laws "Jim Crow 2.0"': a name a verb of naming gives another pins nothing on its owner
        return Attached(named_thing, *whole) if named_thing >= 0 else None
    if root.i in mention_cluster and not _goes_on_past_the_name(tokens, mention_cluster) and _heads(root, tokens):
        return Attached(mention_cluster[root.i], *whole)
    if (naming := _naming_clause_before(root)) is not None:
        named = _named_by_verb(root, mention_cluster, naming)
        return Attached(named, *whole) if named is not None else None
    if root.dep_ in _MODIFIER_DEPS and root.head.i in mention_cluster:
        return Attached(mention_cluster[root.head.i], *whole)
    for child in root.children:
        if child.dep_ in {"compound", "appos"} and child.i in mention_cluster:
            return Attached(mention_cluster[child.i], *whole)
    first = _first_conjunct(root)
    if first.dep_ in _MODIFIER_DEPS and first.head.i in mention_cluster:
        return Attached(mention_cluster[first.head.i], *whole)
    if first.dep_ in _PREDICATE_DEPS and first.head.lemma_ == "be":
        subject = _subject_cluster(first.head, mention_cluster)
        return Attached(subject, *whole) if subject is not None else None
    named = _named_by_verb(first, mention_cluster)
    if named is not None:
        # 'described Portland [as "war-ravaged," a claim local leaders ridicule]': what the verb names it,
        # not the writer's remark the span runs on into
        words = _without_edge_marks(tokens.doc[tokens.start : min(first.right_edge.i + 1, tokens.end)])
        if words is None or first.right_edge.i + 1 >= tokens.end:
            return Attached(named, *whole)
        words = _balanced(words)
        return Attached(named, words.start_char, words.end_char)
    described = _described_within(tokens, mention_cluster)
    if described is None:
        return None
    cluster, begin, stop = described
    # a span that runs on past the description ("Zelensky, [the illegitimate president of the Kiev regime,
    # has again begged ...]") pins only the description on the name
    words = _without_edge_marks(doc[max(begin, tokens.start) : min(stop, tokens.end)])
    if words is None:
        return Attached(cluster, *whole)
    words = _balanced(words)
    return Attached(cluster, words.start_char, words.end_char)


def _names_another(name: Token, mention_cluster: dict[int, int]) -> int | None:
    """For a name that a verb of naming gives its object ('called voter ID laws "Jim Crow 2.0"'), the
    object's cluster, or -1 where the object is no entity; None where the name is no such second object, or
    names a pronoun ("called her Crooked Hillary": whom "her" is, the name says)."""
    verb = name.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _NAMING_VERBS or name.dep_ not in {"oprd", "npadvmod", "dobj"}:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < name.i and c.pos_ != "PRON"]
    if not objects or mention_cluster.get(objects[0].i) == mention_cluster[name.i]:
        return None
    return mention_cluster.get(objects[0].i, -1)


def _goes_on_past_the_name(tokens: Span, mention_cluster: dict[int, int]) -> bool:
    """Whether a span headed by a name that heads a verbless sentence has words after it: the headline
    "Starmer under fire as Labour MPs revolt" says what befell him, where "crooked Hillary Clinton" labels
    her ("a Democrat who pals around with Farrakhan" does too, the name no sentence's head)."""
    root = tokens.root
    return root.dep_ == "ROOT" and any(t.i > root.i and t.i not in mention_cluster and not t.is_punct for t in tokens)


def _heads(name: Token, tokens: Span) -> bool:
    """Whether no verb in the span lies outside the name's phrase: 'urging Britain to "stop anti-China
    political manipulation"' tells Britain what to do, and the parser hangs "to stop ..." on "urging", not on
    Britain ("Hezbollah as 'an armed-resistance movement'" still names it so)."""
    return not any(t.pos_ == "VERB" and not name.left_edge.i <= t.i <= name.right_edge.i for t in tokens)


def _without_edge_marks(tokens: Span | None) -> Span | None:
    """The span without the marks at its ends, None if nothing else: a closing quotation mark the parser
    reads as a sentence of its own ('called the Democrats "the party of pedophiles."') would be the root."""
    if tokens is None:
        return None
    start, end = tokens.start, tokens.end
    while start < end and tokens.doc[start].is_punct:
        start += 1
    while end > start and tokens.doc[end - 1].is_punct:
        end -= 1
    return tokens.doc[start:end] if end > start else None


def _naming_clause_before(word: Token) -> Token | None:
    """The relative clause with a verb of naming whose second object an apposition is: 'Trump, who has called
    Powell "a numbskull"' calls Powell so, not Trump."""
    if word.dep_ != "appos":
        return None
    clauses = [
        c
        for c in word.head.children
        if c.pos_ == "VERB" and c.lemma_.lower() in _NAMING_VERBS and second_object_hung_on_the_noun(c) == word
    ]
    return clauses[0] if clauses else None


def _named_by_verb(word: Token, mention_cluster: dict[int, int], verb: Token | None = None) -> int | None:
    """The cluster of the one entity a verb of naming calls `word` (or the "as" before it), if any: the verb's
    object before the word, its passive subject, whom it refers to ("referred to Biden as a puppet"), or the
    name its relative clause hangs on. `verb` is the verb of naming where the parser hangs the word elsewhere."""
    if verb is None:
        verb = _verb_naming(word)
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in _NAMING_VERBS:
        return None
    named = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.i < word.i]
    named += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
    if verb.dep_ == "relcl" and any(_is_relative_object(c) for c in named + list(verb.children)):
        named.append(verb.head)  # "Bolsonaro, whom critics call 'the Trump of the Tropics'"
    clusters = {mention_cluster[n.i] for n in named if n.i in mention_cluster}
    return clusters.pop() if len(clusters) == 1 else None


def _verb_naming(word: Token) -> Token | None:
    """The verb whose second object `word` is, or the "as" phrase after it."""
    if word.lower_ == "as" and word.dep_ == "prep":
        return word.head
    if word.dep_ == "pobj" and word.head.lower_ == "as" and word.head.dep_ == "prep":
        return word.head.head
    if word.dep_ in {"oprd", "dobj"}:
        return word.head  # a second object: "branded Putin a war criminal"
    return None


def _is_relative_object(word: Token) -> bool:
    """A relative pronoun standing for what the clause names: "whom critics call ...", "who was branded ..."."""
    return word.lower_ in {"whom", "who", "which", "that"} and word.dep_ in {"dobj", "nsubjpass"}


def _first_conjunct(word: Token) -> Token:
    """The first of the descriptions a word is listed with: "liar" in "Brask, the foreign minister and a
    notorious liar" and "crook" in "Clinton is a liar and a crook" say what the first one says of the name.

    Only a list of a few words: down a long one ("... the Church, neither the abuse of children, nor any use
    of ..., nor the sin of sodomy") a misparse of its first item would pin every item on the name.
    """
    first = word
    while first.dep_ == "conj" and first.pos_ in {"NOUN", "ADJ"} and first.head.pos_ in {"NOUN", "ADJ"}:
        first = first.head
    return first if word.i - first.i <= _SHORT_LIST else word


def _described_within(tokens: Span, mention_cluster: dict[int, int]) -> tuple[int, int, int] | None:
    """The one entity that a word inside a longer span describes directly, with the token range of the
    phrase that says it: "corrupt" in "The corrupt Blake has taken millions" ("The corrupt Blake"), "a
    reckless warmonger" in "Blake, a reckless warmonger, wants war" ("Blake, a reckless warmonger")."""
    inside = range(tokens.start, tokens.end)
    described = {
        mention_cluster[t.i]: (_name_with_modifiers(t), (child.right_edge if child.i > t.i else t).i + 1)
        for t in tokens
        if t.i in mention_cluster
        for child in t.children
        if child.i in inside and child.i not in mention_cluster and _describes(child)
    }
    # the span may begin after the name, with its apposition: "Mayorkas, [the most incompetent secretary in
    # history, insists the border is secure]"
    described |= {
        mention_cluster[t.head.i]: (t.left_edge.i, t.right_edge.i + 1)
        for t in tokens
        if t.dep_ == "appos" and t.head.i in mention_cluster and t.head.i not in inside and _describes(t)
    }
    if len(described) != 1:
        return None
    ((cluster, (first, last)),) = described.items()
    return cluster, first, last


def _name_with_modifiers(name: Token) -> int:
    """Where the phrase of a name and the words before it that modify it begins: "the bumbling FBI"."""
    before = [c.left_edge.i for c in name.lefts if c.dep_ in _MODIFIER_DEPS | {"det", "poss", "punct"}]
    return min([name.i, *before])


def _balanced(words: Span) -> Span:
    """The words, with the quotation mark right after them that closes one they open ('the “powerful
    Jews”', 'The real "Mr. Conservative"'), also past the comma or full stop the American style sets inside
    it ('as "war-ravaged,"')."""
    opening = sum(t.text in _OPENING_MARKS for t in words) - sum(t.text in _CLOSING_MARKS for t in words)
    straight = sum(t.text == '"' for t in words) % 2
    doc = words.doc
    end = words.end + 1 if words.end + 1 < len(doc) and doc[words.end].text in {",", "."} else words.end
    following = doc[end].text if end < len(doc) else ""
    if (opening > 0 and following in _CLOSING_MARKS) or (straight and following == '"'):
        return doc[words.start : end + 1]
    return words


def _describes(child: Token) -> bool:
    """Whether a word hanging on a mention says what it is like: an adjective ("bumbling FBI"), or an
    apposition that has one ("Watson, a treasonous kritarch"); not an adjective that places or dates it
    ("former", "continental", "Western")."""
    # the tagger may read a noun as an adjective there ("Bragg, a Soros-funded radical")
    if child.dep_ == "appos" and child.pos_ in {"NOUN", "ADJ"}:
        return any(_describes(c) for c in child.children if c.dep_ == "amod")
    return (
        child.dep_ == "amod"
        and child.pos_ in {"ADJ", "VERB"}
        and not child.text[0].isupper()
        and child.lower_ not in _NEUTRAL_ADJECTIVES
    )


def _subject_cluster(verb: Token, mention_cluster: dict[int, int]) -> int | None:
    for child in verb.children:
        # the subject's head word, e.g. "Clinton" in "Hillary Clinton", is one of the mention's tokens
        if child.dep_ in _SUBJECT_DEPS and child.i in mention_cluster:
            return mention_cluster[child.i]
    return None
