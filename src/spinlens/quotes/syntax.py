"""Dependency-parse helpers every part of quote extraction shares: a cue's lemma, whether a verb has a
subject, a phrase's subtree trimmed to what names it, commas before a word, "when" phrases, the character
range of tokens; and `Found`, what each part finds. The modules above it use these without importing each
other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spinlens.datelines import REACH as DATELINE_REACH
from spinlens.datelines import end_of_dateline
from spinlens.parsing import doc_text
from spinlens.quotes.cues import CUE_PREPOSITIONS, RETORT_VERBS, SAYING_NOUNS
from spinlens.quotes.marks import Range
from spinlens.quotes.media import is_medium
from spinlens.quotes.speakers import PERSON_ROLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# What holds written words, which "read" reports: "the statement read", "the caption reads"
_WRITTEN_WORDS = SAYING_NOUNS | {"caption", "inscription", "slogan", "plaque", "graffiti", "passage", "line", "entry"}
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
CLOSING_QUOTES = frozenset({'"', "”", "''", "’"})
QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``"})
# People who speak in "cops claiming ...", "protesters chanting ...", beside the roles of `PERSON_ROLES`
PEOPLE = frozenset(
    {"cop", "police", "protester", "protestor", "demonstrator", "critic", "expert", "supporter", "resident",
     "witness", "voter", "people", "man", "woman", "scientist", "doctor", "lawyer", "parent", "student"}
)  # fmt: skip
# What an unnamed source was, to know what they say: "people briefed on the talks", "an official involved in them"
_KNOWING = frozenset({"brief", "involve", "inform", "acquaint"})
# Participles whose agent made what speaks: "a survey conducted by WBUR", "figures released by the ministry"
_AUTHORING = frozenset(
    {
        "compile", "publish", "release", "issue", "conduct", "produce", "file", "prepare", "write", "author",
        "present", "commission", "sponsor", "carry", "make", "post", "submit", "draft", "sign", "send",
    }
)  # fmt: skip
_CIRCUMSTANCE_MARKS = frozenset({"as", "while", "when", "after", "before", "because", "since", "although", "though"})
_SPEAKER_CUT_DEPS = frozenset({"relcl", "acl", "punct", "cc"})
# Adverbs that open a speaker's phrase but qualify the sentence; not "only" or "not", which change who spoke
_SENTENCE_ADVERBS = frozenset({"even", "also", "now", "meanwhile"})


@dataclass(frozen=True)
class Found:
    content: Range
    speaker: Range | None
    cue: Range | None
    direct: bool
    by_object: bool = False  # the content is the cue's object ("defended the decision"), not a clause


def story_start(doc: Doc, position: int) -> int | None:
    """Where the story's words start, when `position` lies within its dateline: one in capitals
    (`spinlens.datelines`), or a place in ordinary case opening a line near the start, before a dash and a
    capital ("Tehran — Iran's foreign ministry spokesman ...", "Dallas, TX — The police ..."). Written so, a
    place looks like any name ("Mehmet Oz — Ivy League-trained surgeon ..."), so it must be one NER takes for
    a place."""
    text = doc_text(doc)
    start = end_of_dateline(text, position)
    if start is not None or position >= DATELINE_REACH:
        return start
    line = text.rfind("\n", 0, position) + 1
    first = next((t for t in doc if t.idx >= line and not t.is_space), None)
    if first is None or first.ent_type_ not in {"GPE", "LOC"} or first.ent_iob_ != "B":
        return None
    i = first.i + 1
    while i < len(doc) and doc[i].ent_iob_ == "I":
        i += 1
    if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].pos_ == "PROPN":  # "Dallas, TX —"
        i += 2
    if i + 1 >= len(doc) or doc[i].text not in DASHES | {"--"}:
        return None
    story = doc[i + 1]
    return story.idx if story.text[:1].isupper() and story.idx > position else None


def inside_any(span: Range, others: Iterable[Range]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in others)


def ends_its_sentence(last: Token) -> bool:
    """Whether nothing but punctuation follows `last` in its sentence, where the blank line closing a
    paragraph counts as none: the sentence holds it."""
    return all(t.is_punct or t.is_space for t in last.doc[last.i + 1 : last.sent.end])


def lemma(token: Token) -> str:
    """The token's lemma as a cue: "hope" for the "hopes", "hoped" and "hoping" that `en_core_web_sm`
    lemmatises as "hop"; "retort" for a verb that "back" makes one ("shot back", "fired back"); "say" for
    words read out or made clear; and "continue" for "went on" into a quote."""
    if token.lemma_ == "hop" and token.lower_.startswith(("hope", "hoping")):
        return "hope"
    if token.lemma_ in RETORT_VERBS and back(token) is not None:
        return "retort"
    if token.lemma_ == "read" and _reads_out_words(token):
        return "say"
    if token.lemma_ == "make" and made_clear(token) is not None:
        return "say"
    if token.lemma_ == "go" and _goes_on_into_a_quote(token):
        return "continue"
    return token.lemma_


def _goes_on_into_a_quote(go: Token) -> bool:
    """Whether "went on" opens a quote after a colon, as "continued" does: 'She went on: "It makes no
    sense."' (without quote marks, what goes on may be anything: "The talks went on: the delegates met
    again")."""
    doc = go.doc
    return (
        any(c.dep_ == "prt" and c.lower_ == "on" and c.i == go.i + 1 for c in go.children)
        and go.i + 3 < len(doc)
        and doc[go.i + 2].text == ":"
        and doc[go.i + 3].is_quote
    )


def made_clear(make: Token) -> tuple[Token, Token] | None:
    """The "clear" (or "case") and the that-clause of "made (it) clear that ...", "made the case (or point)
    that ...", which say that: "Emanuel also made clear that he has not considered resigning"."""
    if make.lemma_ != "make":
        return None
    for word in make.children:
        if word.dep_ in {"oprd", "ccomp", "acomp", "xcomp"} and word.lower_ in {"clear", "plain"}:
            # (the parser hangs the clause on "made", or on "clear" where "it" is its subject)
            clauses = [*make.children, *word.children]
        elif word.dep_ == "dobj" and word.lower_ in {"case", "point", "argument"}:
            clauses = list(word.children)
        else:
            continue
        said = next((c for c in clauses if c.dep_ in {"ccomp", "csubj", "advcl", "acl"} and is_that_clause(c)), None)
        if said is not None and word.i < said.i:
            return word, said
    return None


def _reads_out_words(verb: Token) -> bool:
    """Whether "read" has written words for subject, and so says what they say: '"We will not be
    intimidated," the statement read', 'a banner that read "No to war"'; "She read the letter" does not. After
    the quote the parser makes the words read its object: '"...," read the statement'."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl" and all(s.tag_ in RELATIVE_TAGS for s in subjects):
        subjects = [verb.head]
    if not subjects and (inverted := object_after_quote(verb)) is not None:
        subjects = [inverted]
    return any(s.lemma_.lower() in _WRITTEN_WORDS for s in subjects)


def back(verb: Token) -> Token | None:
    """The "back" right after the verb, a particle or, as the parser often has it, an adverb."""
    return next((c for c in verb.children if c.lower_ == "back" and c.i == verb.i + 1), None)


def is_occasion(phrase: Token) -> bool:
    """Whether a phrase on the cue says where the words were given, not what they were about: "denied the
    accusations in a statement to the court", "slammed the plan at a news conference", "blasted the decision
    on Truth Social"."""
    if phrase.dep_ == "prep" and phrase.lower_ == "on":
        # what something is blamed on is no medium, wherever the parser hangs it ("blamed the riots on social
        # media")
        blamed = "blame" in {phrase.head.lemma_, phrase.head.head.lemma_}
        return not blamed and any(o.dep_ == "pobj" and is_medium(o) for o in phrase.children)
    return (
        phrase.dep_ == "prep"
        and phrase.lower_ in {"in", "at", "during"}
        and any(
            o.dep_ == "pobj"
            and o.lemma_.lower() in _OCCASIONS
            # one named as such: not "in order to ...", nor a headline's "accused in letter of ..."
            and any(c.dep_ in {"det", "poss"} for c in o.children)
            for o in phrase.children
        )
    )


_OCCASIONS = SAYING_NOUNS | {"conference", "briefing", "hearing", "rally", "summit", "meeting", "debate"}


def is_as(phrase: Token) -> bool:
    """Whether a cue's phrase says what it takes its object for: "rejected as lies"."""
    return phrase.dep_ == "prep" and phrase.lower_ == "as"


def is_finite(verb: Token) -> bool:
    """Whether the verb is finite itself or through its auxiliary ("would stop", "has been")."""
    return verb.tag_ in FINITE_TAGS or any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS | {"MD"} for c in verb.children)


def is_tensed(verb: Token) -> bool:
    """Whether the verb is finite (`is_finite`), also through a passive's auxiliary ("were arrested")."""
    return is_finite(verb) or any(c.dep_ == "auxpass" and c.tag_ in FINITE_TAGS for c in verb.children)


def is_that_clause(clause: Token) -> bool:
    """Whether a clause the parser hung on a noun opens with "that" and has a subject of its own: "that the
    strikes hit ...", 'that negotiating with Washington was "neither wise nor honourable"', not the relative
    clause "that was released on Monday"."""
    return clause.left_edge.lower_ == "that" and any(
        t.dep_ in SUBJECT_DEPS | {"csubj", "csubjpass"} and t.lower_ != "that" for t in clause.children
    )


def is_participle_after_comma(verb: Token) -> bool:
    """Whether a verb is a participle the parser hangs on the clause before it, after a comma: "..., saying",
    also where a quote closes after the comma ('... was "stolen," repeating ...'), and as a complement of a
    verb like "trying" ("... are trying to revive militarism, the editorial said, warning ...")."""
    return verb.dep_ in {"advcl", "xcomp"} and verb.tag_ == "VBG" and comma_before(verb) is not None


def comma_before(token: Token) -> int | None:
    """Where the comma before the token's phrase stands, past the quote marks that close after it ('...
    "stolen," repeating'), if one does."""
    return comma_ending_at(token.doc, token.left_edge.i - 1)


def comma_ending_at(doc: Doc, i: int) -> int | None:
    """Where the comma stands that token `i` is, or that the quote marks ending at it close after."""
    while i > 0 and doc[i].text in CLOSING_QUOTES:
        i -= 1
    return i if i >= 0 and doc[i].text == "," else None


def is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def is_circumstance(clause: Token) -> bool:
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return bool(marks & _CIRCUMSTANCE_MARKS) and has_subject(clause)


DASHES = frozenset({"-", "–", "—"})


def object_after_quote(verb: Token) -> Token | None:
    """The speaker of a tag after a quote that the parser made the cue's object: '"...," claimed one viral
    post shared 40,000 times'; or a verb of the cue's, with the speaker's name its object, where the tagger
    reads the role before the name as a verb: '"...," said epidemiologist John Smith'; or the subject of a
    clause the parser hangs on the cue, reading a verb later in the tag as what was said: '"...," said Maria
    Lopez, who chaired the committee yet voted for the mayor' (the name, set off by a comma, is the speaker)."""
    doc = verb.doc
    # (past a space the tokenizer keeps as a word: '...,”\xa0added Zelensky')
    before = [t for t in doc[max(0, verb.i - 3) : verb.i] if not t.is_space]
    if len(before) < 2 or before[-1].text not in CLOSING_QUOTES or before[-2].text not in {",", "?", "!"}:
        return None
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    named = next((c for c in verb.children if c.left_edge.i == verb.i + 1 and _names_after_quote(c)), None)
    if named is not None or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return named
    return next(
        (
            s
            for c in verb.children
            if c.dep_ == "ccomp" and c.i > verb.i
            for s in c.children
            if s.dep_ == "nsubj" and s.left_edge.i == verb.i + 1 and s.i + 1 < len(doc) and doc[s.i + 1].text == ","
        ),
        None,
    )


def _names_after_quote(token: Token) -> bool:
    """Whether a word after a quote's cue opens who said it: an object of the cue's, or a role the tagger reads
    as a verb with the name right after it its object ("said epidemiologist John Smith")."""
    if token.dep_ == "dobj":
        return True
    return (
        token.dep_ == "xcomp"
        and token.tag_ == "VB"
        and token.is_lower
        and not any(c.dep_ == "aux" for c in token.children)
        and any(c.dep_ == "dobj" and c.left_edge.i == token.i + 1 and c.ent_type_ == "PERSON" for c in token.children)
    )


CLAUSE_PREPOSITIONS = frozenset({"after", "before", "since", "until"})


def names_people(noun: Token) -> bool:
    return (
        noun.ent_type_ in {"PERSON", "ORG", "NORP"}
        or noun.lemma_.lower() in PERSON_ROLES
        or noun.lemma_.lower() in PEOPLE
    )


def after_dateline_words(head: Token, verb: Token | None = None) -> Span | None:
    """The subject's phrase without the dateline the parser may have taken into it, None when nothing is left:
    "WASHINGTON -- President Obama" is President Obama; in "BEIJING, June 3 (Xinhua) -- Spokesperson Wang Lin
    slammed ...", the dateline is a subject of its own and the speaker is the other one."""
    subject = trimmed_subtree(head, verb)
    story = story_start(subject.doc, subject.start_char)
    if story is None:
        return subject
    words = [t for t in subject if t.idx >= story]
    if not words:
        return None
    rest = subject.doc[words[0].i : subject.end]
    # "PORT SUDAN (Reuters) - Sudan's paramilitary Rapid Support Forces on Sunday denied ...": the speaker
    # hangs on the dateline's place as its apposition, so the phrase is trimmed as the speaker's own
    tops = [t for t in rest if not rest.start <= t.head.i < rest.end]
    if len(tops) == 1 and tops[0].dep_ == "appos" and tops[0].head.i < rest.start:
        trimmed = trimmed_subtree(tops[0], verb)
        return subject.doc[max(trimmed.start, rest.start) : trimmed.end]
    return rest


def is_spaced_dash(token: Token) -> bool:
    """A dash with a space on each side, which sets off an aside ("- hardly a right-wing outfit -"), not the
    hyphen of "right-wing"."""
    spaced_before = token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    return token.text in DASHES and bool(token.whitespace_) and spaced_before


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def is_cue_preposition(verb: Token, token: Token) -> bool:
    # one before the cue is an aside of the writer's: "Maduro, for his part, called the operation ..."; what
    # is pointed out "to" someone is said to them ("as God pointed out to Noah")
    return (
        # "called on allies to increase pressure": the parser may take the preposition for a particle, with
        # its object all the same
        (token.dep_ == "prep" or (token.dep_ == "prt" and any(c.dep_ == "pobj" for c in token.children)))
        and token.i > verb.i
        and token.lower_ in CUE_PREPOSITIONS.get(verb.lemma_, ())
        and not is_when(token)
        and not _is_on_the_record(token)
        and not (verb.lemma_ == "point" and any(c.dep_ == "prt" for c in verb.children))
        # one after what a cue of naming names is the name's ('called the plan "a cruel hoax on working
        # Americans"'), not a call on them
        and not any(c.dep_ == "oprd" and c.i < token.i for c in verb.children)
    )


def _is_on_the_record(preposition: Token) -> bool:
    """Whether a preposition says how words are given, not what they are about: "declined to comment on the
    record" (not "commented on the record of his predecessor")."""
    return any(
        o.dep_ == "pobj" and o.lemma_ == "record" and [c.lower_ for c in o.children] == ["the"]
        for o in preposition.children
    )


def is_when(token: Token) -> bool:
    """Whether a phrase says when: a preposition with a date ("on Friday", "in March": "called on Friday for
    calm" calls for calm) or one that says only when (`_WHEN_PREPOSITIONS`), or a bare noun phrase ("Polling
    by YouGov last week found ...")."""
    if token.dep_ == "npadvmod":
        return token.ent_type_ in {"DATE", "TIME"}
    if token.dep_ == "prep" and token.lower_ in _WHEN_PREPOSITIONS:
        return True
    return token.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in token.children)


# Prepositions that say only when, whatever their object: "proposed during Nixon's term", "when questioned
# after the debate"
_WHEN_PREPOSITIONS = CLAUSE_PREPOSITIONS | {"during"}


def trimmed_subtree(head: Token, verb: Token | None = None) -> Span:
    """The head's phrase without relative clauses and trailing punctuation: "Kerry, who ..., said" -> Kerry.

    With the cue `verb`, only the words on the head's side of it: the parser may hang a phrase from the end of
    the sentence on the subject ("The ministry claimed that ..., a figure that could not be verified").
    """
    # "said Nancy Pelosi, the former House speaker, on Tuesday": the parser may hang when it was said on her,
    # and after the cue where ("wrote one commentator on X.")
    cut = {
        t.i
        for c in head.children
        if (c.dep_ in _SPEAKER_CUT_DEPS and not _names_its_author(c) and not _says_how_they_know(c))
        or is_when(c)
        or _is_own_aside(c)
        or (verb is not None and is_occasion(c) and (head.i > verb.i or comma_before(c) is not None))
        for t in c.subtree
    }
    # (what a kept participle ends with, set off by a comma, is on the speaker, not on the matter: "one Republican
    # involved in the planning, who spoke on the condition of anonymity")
    cut |= {
        t.i
        for c in head.children
        if _says_how_they_know(c)
        for r in c.subtree
        if r.dep_ == "relcl" and comma_before(r) is not None
        for t in r.subtree
    }
    # "Supreme Court justices across the ideological spectrum on Wednesday questioned ...": or on a
    # preposition's object in the phrase, where it ends it (not in a relative clause or an apposition: "who
    # has covered the crisis for decades", "a close aide in 2012")
    cut |= {
        t.i
        for c in head.subtree
        if c.i != head.i and is_when(c) and c.right_edge.i == head.right_edge.i and _hangs_by_prepositions(c, head)
        for t in c.subtree
    }
    doc = head.doc
    # 'Pat King, one of the organisers, who has previously said that "..."': a relative clause with a quote
    # of its own, on a word inside the phrase, is no part of who speaks. Other such clauses stay, as PolNeAR's
    # sources keep them ("Sara Henderson, executive director for Common Cause Georgia, which filed the suit").
    cut |= {
        t.i
        for r in head.subtree
        if r.dep_ == "relcl" and r.head.i != head.i and any(w.text in QUOTE_MARKS for w in r.subtree)
        for t in r.subtree
    }
    words = [t.i for t in head.subtree if t.i not in cut and (verb is None or (t.i < verb.i) == (head.i < verb.i))]
    start, end = min(words), max(words) + 1
    # a name is never cut: the parser may split "Itamar Ben-Gvir" into subjects of their own
    while start > 0 and _inside_name(doc[start]) and (verb is None or (start - 1 < verb.i) == (head.i < verb.i)):
        start -= 1
    while end < len(doc) and _inside_name(doc[end]) and (verb is None or (end < verb.i) == (head.i < verb.i)):
        end += 1
    # "The minister — speaking hours after the vote — said": a participle set off by a dash is what the speaker
    # did, not who they are, wherever the parser hangs it ("Mehmet Oz — Ivy League surgeon — said" is who, and
    # so are those "— including ... —"; a hyphen sets nothing off: "jihad-supporting", "law-abiding")
    dash = next(
        (
            t.i
            for t in doc[head.i + 1 : end - 1]
            if (t.text in {"—", "–"} or is_spaced_dash(t))
            and doc[t.i + 1].tag_ == "VBG"
            and doc[t.i + 1].lower_ != "including"
        ),
        None,
    )
    end = dash if dash is not None else end
    # (nor the line break the parser hangs on a phrase closing its paragraph: "..., according to the U.N.")
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    # nor the closing mark of the quote before it, which the parser may hang on a first word in lower case
    # ('"... after the game," coach Joe Kennedy said')
    while end - 1 > start and doc[start].tag_ in {"''", ","}:
        start += 1
    # "Even Sen. Joe Manchin now admits ...": an adverb of the sentence's is no part of who speaks
    while end - 1 > start and doc[start].dep_ == "advmod" and doc[start].lower_ in _SENTENCE_ADVERBS:
        start += 1
    if doc[start:end].text.count("(") > doc[start:end].text.count(")"):
        # "The U.N. humanitarian office (OCHA)", "Sen. Ted Cruz (R-Tex.)": a bracket the phrase opened, it closes
        close = next((t.i for t in doc[end : end + 2] if t.text == ")"), None)
        if close is not None and all(t.is_punct for t in doc[end:close]):
            end = close + 1
    return doc[start:end]


def _hangs_by_prepositions(phrase: Token, head: Token) -> bool:
    """Whether a phrase hangs on `head` through prepositions and their objects alone, and not on it."""
    word = phrase.head
    if word.i == head.i:
        return False
    while word.i != head.i:
        if word.dep_ not in {"pobj", "prep"} or word.head.i == word.i:
            return False
        word = word.head
    return True


def _is_own_aside(phrase: Token) -> bool:
    """Whether a phrase set off after the speaker's name is the writer's aside on them: "Robert F. Kennedy
    Jr., to his credit, has promised ...", "Maduro, for his part, said ..."."""
    return (
        phrase.dep_ == "prep"
        and phrase.lower_ in {"to", "for", "in", "by"}  # not "including his wife", who speaks too
        and phrase.i > phrase.head.i
        and phrase.doc[phrase.i - 1].text == ","
        and any(o.dep_ == "pobj" and any(p.tag_ == "PRP$" for p in o.children) for o in phrase.children)
    )


def _names_its_author(clause: Token) -> bool:
    """Whether a participle right after the speaker's head names who made it: "data compiled by Mapping
    Police Violence", "a report published by Amnesty International" are that body's words. Who obtained,
    quoted or hired it did not say them ("emails obtained by NBC News", "a source quoted by The New
    Yorker"), nor does a name deep in a description ("posted by a man who claims he served Paddock")."""
    return (
        clause.dep_ == "acl"
        and clause.tag_ == "VBN"
        and clause.i == clause.head.i + 1
        and clause.lemma_ in _AUTHORING
        and any(
            c.dep_ == "agent" and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)
            for c in clause.children
        )
    )


def _says_how_they_know(clause: Token) -> bool:
    """Whether a participle right after an unnamed speaker says how they came to know: "two people briefed on
    the assessment", "one Republican involved in the planning" are who speaks, as PolNeAR's sources have them
    ("a man arrested at the scene" did something)."""
    return (
        clause.dep_ == "acl"
        and clause.tag_ in {"VBN", "VBD"}  # (the tagger may read it as a past: "Officials briefed on ...")
        and clause.i == clause.head.i + 1
        and clause.lemma_ in _KNOWING
        and clause.head.ent_type_ not in {"PERSON", "ORG", "GPE"}
        and any(c.dep_ == "prep" for c in clause.children)
    )


def _inside_name(token: Token) -> bool:
    """Whether the token continues a person's or an organisation's name, and not across a comma: the
    small model runs some names into the next words ("a report by Politico, Democratic party insiders"), or
    into an adverb of the verb ("the defence ministry later said")."""
    return (
        token.ent_iob_ == "I"
        and token.ent_type_ in {"PERSON", "ORG"}
        and token.text != ","
        and not (token.is_lower and token.pos_ == "ADV")
    )


# Marks that close what was said rather than the sentence around it: a quotation's end, a share's sign
# ("rose by 80%"), which spaCy counts as punctuation too.
_CLOSING_MARKS = frozenset({"”", '"', "»", "''", "%"})
_BRACKETS = {")": "(", "]": "["}


def tokens_range(tokens: list[Token]) -> Range | None:
    tokens = sorted((t for t in tokens if not t.is_space), key=lambda t: t.i)
    # what was said ends on no punctuation but a closing mark, nor on a conjunction the parser hangs on it
    # whose conjunct is another act ('calling it "distorted and false" and accusing ...'), which goes whole
    # ("rather than", "as well as")
    while tokens and (
        (tokens[-1].is_punct and not _closes_what_was_said(tokens[-1], tokens)) or tokens[-1].dep_ == "cc"
    ):
        last, tokens = tokens[-1], tokens[:-1]
        if last.dep_ == "cc":
            tokens = tokens[: len(tokens) - _opens_a_conjunction([t.lower_ for t in tokens[-2:]])]
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def _opens_a_conjunction(words: list[str]) -> int:
    """How many of the last words open a conjunction of two words or three ("rather than", "as well as")."""
    if words[-1:] == ["rather"]:
        return 1
    return 2 if words == ["as", "well"] else 0


def _closes_what_was_said(mark: Token, tokens: list[Token]) -> bool:
    """Whether a last mark belongs to the words said: a closing quotation mark or "%", or a bracket that
    closes one opened among them ("passed 52-48 (with two abstentions)")."""
    if mark.text in _CLOSING_MARKS:
        return True
    opening = _BRACKETS.get(mark.text)
    return opening is not None and any(t.text == opening for t in tokens)


def strip(text: str, start: int, end: int) -> Range | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def word_range(word: Token) -> Range:
    return word.idx, word.idx + len(word.text)


def span_range(span: Span | None) -> Range | None:
    if span is None:
        return None
    return span.start_char, span.end_char
