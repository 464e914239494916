"""Who speaks a direct quote found by its quote marks that no cue's clause took: a signature or a "Name:"
before it, a tag after it ("..., she said"), a cue opening it ('said "..."'), "as X put it", the quote before
it that it continues, and headed lines and transcript turns. Reported speech, found from its cues, is apart.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from spinlens.parsing import doc_text
from spinlens.quotes.attribution import NAMED_SPEAKERS, OPENING_QUOTES, caught_saying, cue_of, speaker_of
from spinlens.quotes.closing import OWN_OBJECT_DEPS
from spinlens.quotes.cues import AUDIENCE_CUES, CLAUSE_CUES, OUTCRIES, TAG_CUES
from spinlens.quotes.marks import Range, last_quoted_char, opens_a_turn, paragraph_before
from spinlens.quotes.speakers import PERSON_ROLES
from spinlens.quotes.syntax import (
    CLOSING_QUOTES,
    RELATIVE_TAGS,
    SUBJECT_DEPS,
    Found,
    after_dateline_words,
    inside_any,
    is_as,
    is_participle_after_comma,
    lemma,
    span_range,
    strip,
    trimmed_subtree,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs whose object in quote marks is the words said ('said "absolutely not"'); "threaten" or "show" take
# things ('would threaten "national security"')
WORDING_CUES = frozenset({"say", "reply", "answer", "write", "tweet", "declare", "ask"}) | OUTCRIES
# A quote's tag may name its speaker at length ("Hans Kluge, WHO regional director for Europe, said"), not
# a clause's length.
_LONGEST_TAG_SPEAKER = 16
FIRST_SECOND_PERSON = frozenset({"i", "we", "you"})
# A name of up to five capitalised words: the signature after a dash, or the speaker before a colon. Spaces
# within a line may be no-break ones, as web copy has them ('...?”\xa0― Jacklyn Ashley').
_SPACE = r"[^\S\r\n]"
_CAPITALISED = r"[A-Z][\w.'’-]*"
_NAME_PARTICLES = "of|de|van|von|al|bin"
_NAME = rf"{_CAPITALISED}(?:{_SPACE}+(?:{_CAPITALISED}|{_NAME_PARTICLES})){{0,4}}"
# A full stop after a word of four letters or more with a lower-case letter in it ends a sentence
_ENDS_A_SENTENCE = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*(?<=[A-Za-z]{4})\.$")
_SIGNATURE = re.compile(rf"{_SPACE}*(?P<cue>[―—–]|--){_SPACE}*(?P<speaker>{_NAME})")
_POSSESSIVE = re.compile(r"\w['’]s\b")
_HEADER = re.compile(rf"{_SPACE}*(?P<speaker>{_NAME}){_SPACE}*(?P<cue>:){_SPACE}*")
# whom or what a headline's speaker speaks to or about: "Clinton to Planned Parenthood: ...", "Obama on climate
# change: ..."
_ADDRESSEE = rf"(?:to|on|To|On){_SPACE}+[^:\n\"“”]{{1,60}}?"
_INTRODUCER = re.compile(rf"(?<![\w'’])(?P<speaker>{_NAME}){_SPACE}*(?P<cue>:){_SPACE}*$")
# at a line's start, with whom the speaker addresses: 'Sen. Lindsey Graham to committee Democrats: "This is ..."'
_ADDRESSING_INTRODUCER = re.compile(
    rf"^{_SPACE}*(?P<speaker>{_NAME}){_SPACE}+(?P<addressee>{_ADDRESSEE})(?P<cue>:){_SPACE}*$", re.MULTILINE
)
_IN_OWN_WORDS = re.compile(
    rf"\b[Ii]n{_SPACE}+(?P<speaker>his|her|their|its){_SPACE}+(?:own{_SPACE}+)?(?P<cue>words){_SPACE}*:{_SPACE}*$"
)
_LONGEST_TITLE = 5  # words of a show's or a paper's name in quote marks
_SENTENCE_END = re.compile(r"[.!?][\"”’]*\s")
_LONGEST_INTRODUCTION = 80  # characters before a quote in which a name and colon may introduce it
# a headline's speaker may hold a role in lower case: "UN chief Guterres: ...", "Fed's Powell: ..."
_ROLE_WORDS = "|".join(sorted(role for role in PERSON_ROLES if role.isalpha()))
# What heads a headline as its source with no name: a poll's or a report's findings ("Poll: Clinton leads in
# Ohio", "Mueller report: No further indictments") and those who speak as a group ("Insiders: Trump will
# rebound"), as "according to a poll" and "officials said" have them speak in the body.
SOURCE_HEADS = frozenset(
    {
        "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "documents", "records",
        "emails", "data", "audit", "memo", "newspaper", "sources", "insiders", "officials", "experts", "analysts",
        "historians", "economists", "scientists", "researchers", "witnesses", "investigators", "prosecutors",
        "police", "lawyers", "doctors", "critics", "aides", "allies", "advisers",
    }
)  # fmt: skip
_SOURCE_HEAD_WORDS = "|".join(sorted(SOURCE_HEADS))
_HEADED_NAME = (
    rf"{_CAPITALISED}(?:{_SPACE}+(?:{_CAPITALISED}|{_NAME_PARTICLES}|{_ROLE_WORDS}|{_SOURCE_HEAD_WORDS})){{0,4}}"
)
# (a transcript quoted over paragraphs opens each turn with a quote mark: '"WALLACE: ...')
_TURN_MARKS = '"“'
_STAGE_DIRECTION = re.compile(r"\W*[(\[][^\n]*[)\]]\W*")
_HEADED_LINE = re.compile(
    rf"^{_SPACE}*(?P<mark>[{_TURN_MARKS}])?(?P<speaker>{_HEADED_NAME})(?:{_SPACE}+(?P<addressee>{_ADDRESSEE}))?"
    rf"(?P<cue>:){_SPACE}+(?P<content>[^\n]+)",
    re.MULTILINE,
)
# "Hillary Clinton: 1,769" is a tally, not words: a headed line says something in a few words at least.
MIN_HEADED_WORDS = 3
# Kinds of piece an outlet heads its own lines with, which NER may take in with its name: "Xinhua
# Commentary:", "SCOOP:", "Undercover Video:" head the writer's words, not a speaker's; so do a fact
# check's "Claim:" and "Verdict:", and "INTERVIEW:" opening a quote of the one interviewed.
RUBRICS = frozenset(
    {
        "commentary", "opinion", "editorial", "analysis", "explainer", "exclusive", "scoop", "column", "op-ed",
        "update", "factbox", "video", "breaking", "live", "podcast", "correction", "verdict", "claim", "rating",
        "context", "background", "summary", "note", "interview", "investigation", "profile", "review", "obituary",
        "watch", "photos",
    }
)  # fmt: skip
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
RUBRIC_OPENING = re.compile(rf"([A-Za-z-]+):{_SPACE}+")


def headed_lines(doc: Doc, quotes: list[Range], found: list[Found], headline_end: int) -> list[Found]:
    """Lines headed by a person or an organisation and a colon, as headlines attribute what follows
    ("Sanders: Clinton needs to get away from personality stuff", also with whom or what it is said to or
    about: "Clinton to Planned Parenthood: ...", "Obama on climate change: ...") and transcripts their
    speakers. The name must be one NER finds ("Correction:", "The Latest:" and "Still to come:" head no one's
    words), or a poll, a report or a group heading the headline (`SOURCE_HEADS`: "Poll: Clinton leads in
    Ohio"); a line that is one quote is the quotes' own case ('Jane Doe: “…”').

    A headline in title case, which ends at `headline_end`, is all capitalised runs to NER: there the name
    must be one it finds in the body too ("Sore Loser: Stacey Abrams Ends Challenges", "Madagascar Outbreak:
    It Is ‘Inevitable’ ..." are no one's words)."""
    text = doc_text(doc)
    lines = list(_HEADED_LINE.finditer(text))
    turns = _turn_takers(lines)
    headed = []
    for line in lines:
        if line.group("mark") and not opens_a_turn(text, line.start("mark"), line.group("mark")):
            continue
        speaker, content = line.span("speaker"), strip(text, line.start("content"), line.end("content"))
        if content is None or any(q[0] <= content[0] and content[1] <= q[1] for q in quotes):
            continue
        if len(_WORDS.findall(text, content[0], content[1])) < MIN_HEADED_WORDS:
            continue
        if _is_rubric(text, speaker) or _heads_an_aim(doc, line):
            continue
        named = _names_someone(doc, speaker, headline_end if speaker[0] < headline_end else 0)
        if not (
            named
            or _named_after_a_role(doc, speaker)
            or line.group("speaker") in turns
            or _a_source_heads_the_text(text, speaker)
        ):
            continue
        # a quote no one is found to say across the line keeps it; a report with no speaker inside a line
        # ("... had to go back and say we have new information") does not
        if any(
            f.content[0] < content[1] and content[0] < f.content[1] and f.speaker is None and f.direct for f in found
        ):
            continue
        if line.group("mark") and text[content[1] - 1] in CLOSING_QUOTES:
            content = (content[0], content[1] - 1)  # the last turn's mark closes the transcript
        if text[content[1] - 1] == ".":
            content = (content[0], content[1] - 1)  # the line's full stop ends the sentence, not the words
        headed.append(Found(content, speaker, line.span("cue"), direct=False))
    return headed


def _a_source_heads_the_text(text: str, speaker: Range) -> bool:
    """Whether the head opening the text, its headline's, is a poll, a report or a group by its last
    word (`SOURCE_HEADS`). Further down, "Sources:" or "Documents:" list the writer's references."""
    words = text[speaker[0] : speaker[1]].lower().split()
    return not text[: speaker[0]].strip() and words[-1] in SOURCE_HEADS and words[-2:] != ["special", "report"]


def _heads_an_aim(doc: Doc, line: re.Match[str]) -> bool:
    """Whether the "to" after a line's head opens a verb, not whom it addresses: "Limited Tools to Fight
    Terrorism: ..." heads a section, whatever NER makes of "Limited Tools"."""
    if line.groupdict().get("addressee") is None:
        return False
    words = doc.char_span(*line.span("addressee"), alignment_mode="expand")
    return words is not None and len(words) > 1 and words[0].lower_ == "to" and words[1].tag_ == "VB"


def _turn_takers(lines: list[re.Match[str]]) -> set[str]:
    """The labels in capitals heading lines of a transcript, which names its speakers so ("TAPPER:", "JAKE
    TAPPER:", "DB:"): NER rarely finds a name in capitals, or initials, but no outlet heads its own lines
    with one label twice, as a transcript's speakers take turns. A label counts with the others that end in
    the same word; once one takes turns, every label in capitals heads a turn (the last speaker may have one
    only)."""
    labels = [line.group("speaker") for line in lines if line.group("speaker").isupper()]
    last_words = Counter(label.split()[-1] for label in labels)
    return set(labels) if any(n > 1 for n in last_words.values()) else set()


def after_the_head(found: Found, headed: list[Found]) -> Found:
    """The quote, its content starting after the head of the headed line it lies in: in "Xinhua: US tariffs
    hurt global recovery, experts say" the experts say no "Xinhua:"."""
    start, end = found.content
    for line in headed:
        if line.speaker is not None and line.speaker[0] <= start < line.content[0] < end <= line.content[1]:
            return replace(found, content=(line.content[0], end))
    return found


def _is_rubric(text: str, speaker: Range) -> bool:
    words = text[speaker[0] : speaker[1]].split()
    # (an interview's "Q:" and "A:" mark the question and the answer, whoever gives them)
    return words[-1].lower() in RUBRICS or words in (["Q"], ["A"])


def _named_after_a_role(doc: Doc, speaker: Range) -> bool:
    """Whether a headed line's speaker is a role in lower case and the name NER finds after it: "UN chief
    Guterres"."""
    words = doc_text(doc)[speaker[0] : speaker[1]].split()
    return any(word in PERSON_ROLES for word in words[:-1]) and any(
        entity.label_ == "PERSON" and entity.end_char == speaker[1] and entity.start_char > speaker[0]
        for entity in doc.ents
    )


def _names_someone(doc: Doc, speaker: Range, from_char: int = 0) -> bool:
    """Whether NER names a person or an organisation with these words, here or elsewhere in the text from
    `from_char` on: at the head of a line the small model often misses a name ("Merkel: Europe must ...")
    that the body names in full ("Chancellor Angela Merkel said")."""
    name = doc_text(doc)[speaker[0] : speaker[1]]
    for entity in doc.ents:
        if entity.label_ not in NAMED_SPEAKERS or entity.start_char < from_char:
            continue
        if (entity.start_char, entity.end_char) == speaker or entity.text == name:
            return True
        if entity.label_ == "PERSON" and entity.text.endswith(" " + name):
            return True
    return False


def put_it(doc: Doc, quote: Range) -> tuple[Range, Range] | None:
    """The speaker and cue of "as X put it" or "X put it:" next to the quote, in the sentence that holds
    the quote's start or the one that ends just before it."""
    span = doc.char_span(quote[0], quote[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    opening = span[0]
    sentences = [opening.sent] + ([doc[opening.i - 1].sent] if opening.i > 0 else [])
    for token in (t for sentence in sentences for t in sentence):
        if token.lemma_ != "put" or quote[0] <= token.idx < quote[1]:
            continue
        it = [c for c in token.children if c.dep_ == "dobj" and c.lower_ == "it"]
        subjects = [c for c in token.children if c.dep_ == "nsubj" and c.lower_ not in FIRST_SECOND_PERSON]
        if it and subjects:
            speaker = span_range(after_dateline_words(subjects[0], token))
            if speaker is not None:
                return speaker, (token.idx, it[0].idx + len(it[0].text))
    return None


def tagged(doc: Doc, quote: Range) -> tuple[Range, Range] | None:
    """The speaker and cue of the tag right after a quote that the parser did not tie to it: '"Where is the
    OSCE?" she asked.' (the question mark ends a sentence, so "she asked" reports nothing of its own), '"Is
    this fair?" asked Otto Weber.' Right after a quote, a shout or a whisper is speech too."""
    span = doc.char_span(quote[0], quote[1], alignment_mode="expand")
    first = next((t for t in doc[span.end :] if not t.is_space), None) if span is not None else None
    text = doc_text(doc)
    if first is None or text[quote[1] : first.idx].strip() or last_quoted_char(text, quote) not in ",?!":
        # a quote that ends in no stop is a phrase of the sentence ('the "so-called experts" said'), and one
        # that ends in a full stop ends its sentence ('"Every degree matters." Her colleagues agreed.')
        return None
    # "asked Otto", "she asked", "the officer shouted": the verb opens the tag, or its subject does
    verb = first
    while lemma(verb) not in TAG_CUES and verb.head.i > verb.i:
        verb = verb.head
    # '"This is a witch hunt," Trump posted on Truth Social': the tagger may read the cue as a participle on its
    # speaker, which the parser hangs on the quote's clause; but a quote within a sentence may be a title, and
    # a participle after it what was done with the thing it names ('the "Permanent Instruction of the Alta
    # Vendita," a secret document written in the early 19th Century')
    named = verb
    if lemma(named) not in TAG_CUES and span is not None and span.start == span.sent.start:
        verb = next((c for c in named.children if c.dep_ == "acl" and lemma(c) in TAG_CUES and c.i > named.i), named)
    # a sentence the tag splits: a quote that opens it and ends on a comma ('"Look," Trump said, "..."'; not a
    # question before a reply, '"...?" Kavanaugh responded, "..."', nor a title, 'On "State of the Union,"
    # Paul added, "..."')
    split = last_quoted_char(text, quote) == "," and span is not None and span.start == span.sent.start
    # '"...," added Zelensky.': a tag that opens on its verb names the speaker after it, whom the parser may read
    # as the verb's object
    named_after = _named_after(verb, first) if span is not None and first.sent.start >= span.start else None
    # an object makes the verb a clause of its own ('"Stop!" the officer shouted the order'), unless it is
    # whom the words were for ('"But why?" she asked him', '"No," he told reporters'); where or how they were
    # said is no object either ('"Yes," she said in a statement'), nor is when ('"...," Quina Jones said as she
    # marched through the city', '"No comment," the spokesman said when reached by phone'), nor what they did
    # next ('"Every day of delay costs lives," Kuleba told reporters, urging allies to ...'); the quote's own
    # clause, which the parser may hang on a verb that is no cue ('"They are selling our forest," the
    # protester shouted'), is none; a "yes" is one ('... and "our own struggling citizens," Melanie said yes')
    if (quoted := _quoted_as_saying(verb)) is not None:
        # '"...," Araghchi was quoted as saying': who is quoted, and the cue up to "saying"
        subject, saying = quoted
        return span_range(trimmed_subtree(subject, verb)), (verb.idx, saying.idx + len(saying.text))
    objects = [
        c
        for c in verb.children
        if c.dep_ in OWN_OBJECT_DEPS | {"intj"}
        and c.i > verb.i
        and not is_participle_after_comma(c)
        and not (c.dep_ == "advcl" and any(_subordinates(m) for m in c.children))
        # nor is the quote going on after the tag ('"Look," Trump said, "nobody has done more ..."')
        and not (split and _resumes_the_quote(c, verb))
        # nor where it was said, whose preposition the tagger reads as an adjective ("chanted outside parliament")
        and not (c.dep_ == "dobj" and c.left_edge.tag_ == "JJ" and c.left_edge.lower_ in _PLACE_PREPOSITIONS)
        and c != named_after
    ]
    if lemma(verb) in AUDIENCE_CUES:
        objects = [c for c in objects if c.dep_ not in {"dobj", "dative"}]
    # (the parser may give the verb a subject among the quote's words too: '"... Full panic mode," said Leslie
    # Wimes')
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i >= first.i] if verb is named else [named]
    if named_after is not None:
        subjects = [named_after]
    if lemma(verb) not in TAG_CUES or objects or verb.i - first.i > _tag_reach(subjects, first, verb):
        return None
    if not subjects:
        return None
    if subjects[0].lower_ == "you":
        # the writer's aside to the reader ('worse than "sins of the flesh," you know?') tags no one's words
        return None
    # the parser may hang the quote itself on the speaker's name: the speaker is the tag's words alone
    subject = trimmed_subtree(subjects[0], verb)
    end = trimmed_subtree(subjects[-1], verb).end if len(subjects) > 1 else subject.end
    speaker = span_range(doc[max(subject.start, first.i + (named_after is not None)) : end])
    if speaker is None:
        return None
    # ("she has said", "Trump shot back"; not the quote's own words the parser hangs on the verb: '"Is this
    # fair?" asked Otto Weber')
    start, end = cue_of(verb)
    return speaker, (max(start, first.idx), end)


def _named_after(verb: Token, first: Token) -> Token | None:
    """The head of the speaker's name right after a verb that opens a tag, where the parser reads the name
    as the verb's object ('"...," added Zelensky.') or the verb as a word of the name ('"Game over," tweeted
    Cruz spokesman Rick Tyler.'); None where the verb has a subject or does not open the tag."""
    if verb.i != first.i or verb.tag_ not in {"VBD", "VBZ"}:
        return None
    if verb.dep_ == "amod":
        noun = verb.head
        while noun.dep_ == "compound" and noun.head.i > noun.i:
            noun = noun.head
        return noun if noun.i > verb.i and noun.pos_ == "PROPN" else None
    # (a subject among the quote's words is the parser's misreading: '"... #Berlin," tweeted a user from Munich')
    if any(c.dep_ in SUBJECT_DEPS and c.i > verb.i for c in verb.children):
        return None
    # (not a pronoun: "told him" names whom the words were for)
    return next(
        (c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1 and c.tag_ != "PRP"), None
    )


# Prepositions of place that the tagger may read as adjectives before their noun
_PLACE_PREPOSITIONS = frozenset({"outside", "inside"})


def _resumes_the_quote(clause: Token, tag: Token) -> bool:
    """Whether a clause after a tag is the quote before the tag going on, opened after the tag's comma (the
    parser may hang the opening mark on the tag)."""
    doc = tag.doc
    opening = clause.left_edge.i - (clause.left_edge.text not in OPENING_QUOTES)
    return tag.i < opening - 1 and doc[opening].text in OPENING_QUOTES and doc[opening - 1].text == ","


def _subordinates(word: Token) -> bool:
    """Whether a word opens an adverbial clause: "as", "after", or "when" and "where" as the parser hangs them
    ("when reached by phone")."""
    return word.dep_ == "mark" or (word.dep_ == "advmod" and word.tag_ == "WRB")


def _quoted_as_saying(verb: Token) -> tuple[Token, Token] | None:
    """Who "was quoted as saying" or "is heard saying" in a tag with nothing said after it, and the "saying",
    or None."""
    if verb.lemma_ == "quote":
        if any(c.dep_ in OWN_OBJECT_DEPS and c.i > verb.i for c in verb.children):
            return None
        saying = [
            p
            for c in verb.children
            if is_as(c)
            for p in c.children
            if p.dep_ == "pcomp" and lemma(p) in CLAUSE_CUES and not list(p.children)
        ]
    else:
        # (where and when it was heard are nothing said: "is heard saying on camera after tossing a drink")
        saying = [
            c
            for c in verb.children
            if caught_saying(c) and lemma(c) in CLAUSE_CUES and not any(o.dep_ in OWN_OBJECT_DEPS for o in c.children)
        ]
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
    return (subjects[0], saying[0]) if saying and subjects else None


def _tag_reach(subjects: list[Token], first: Token, verb: Token) -> int:
    """How far after a quote its tag's verb may come: three words ("said Otto Weber"), or past a speaker
    whose description opens the tag and ends at the verb ('"...," Hans Kluge, WHO regional director for
    Europe, said')."""
    # (the parser may split the description into two subjects: "Scott's niece, Marcia Price (D-Newport News),")
    if subjects and subjects[0].left_edge.i <= first.i <= subjects[0].i and verb.i - subjects[-1].right_edge.i <= 2:
        # counting words, not the marks of a description ("(D-Newport News)", "state Del.")
        return _LONGEST_TAG_SPEAKER + sum(t.is_punct for t in first.doc[first.i : verb.i])
    return 3


def signed_by(text: str, quote: Range) -> tuple[Range, Range] | None:
    """(speaker, cue) of a quote signed with a dash after it ("…” ― Jane Doe") or a name and colon before it
    ("Jane Doe: “…”"), the layout of letters, tweets and interview transcripts."""
    after = _SIGNATURE.match(text, quote[1])
    # (a possessive there names a work, not its signer: '“Hope And Fury”—John Smith’s Churchill Book')
    if after is not None and not _POSSESSIVE.search(after.group("speaker")):
        start, end = after.span("speaker")
        if _ENDS_A_SENTENCE.search(after.group("speaker")):
            # "― Karen Bobadilla.": the full stop ends the line; an abbreviation's stays ("― John Smith Jr.")
            end -= 1
        return (start, end), after.span("cue")
    line_start = text.rfind("\n", 0, quote[0]) + 1
    before = _HEADER.fullmatch(text, line_start, quote[0])
    if before is not None and not _is_rubric(text, before.span("speaker")):
        return before.span("speaker"), before.span("cue")
    return None


# "Said Ellis: “...”", "Said Comey, "..."", "Said Dorothy Poynter, who grew up with Ali, “...”": the cue before
# its speaker, opening a sentence, with the speaker's description up to the comma or colon before the quote
_SAID_FIRST = re.compile(
    rf"(?:^|(?<=[.!?])|(?<=[.!?][\"”’])){_SPACE}*(?P<cue>Said){_SPACE}+(?P<speaker>{_NAME}(?:,[^\n\"“”]{{1,120}}?)?)"
    rf"{_SPACE}*[,:]{_SPACE}*$",
    re.MULTILINE,
)
_LONGEST_SAID_FIRST = 200  # characters before a quote: "Said", a name and a description of up to 120


def said_first(text: str, quote: Range) -> tuple[Range, Range] | None:
    """(speaker, cue) of a quote that "Said" and its speaker open, in that order ("Said Ellis: “...”"), which the
    parser reads as a name "Said Ellis", a root with the quote its clause's, or anything but a cue and its
    subject."""
    line_start = text.rfind("\n", 0, quote[0]) + 1
    start = max(line_start, quote[0] - _LONGEST_SAID_FIRST)
    before = _SAID_FIRST.search(text, start, quote[0])
    return (before.span("speaker"), before.span("cue")) if before is not None else None


def introduced(doc: Doc, quote: Range) -> tuple[Range, Range] | None:
    """(speaker, cue) of a quote that a name NER knows introduces with a colon in mid-line, as live blogs and
    round-ups do ("Pollsters agree - Carl Bialik: “One of the biggest lessons ...”"); at a line's start it is
    `signed_by`'s case, unless the name comes with whom it addresses ('Lindsey Graham to committee Democrats:
    "..."')."""
    text = doc_text(doc)
    start = max(text.rfind("\n", 0, quote[0]) + 1, quote[0] - _LONGEST_INTRODUCTION)
    if (own := _IN_OWN_WORDS.search(text, start, quote[0])) is not None:
        # 'In his words: "There was no good option."': whoever "his" is
        return own.span("speaker"), own.span("cue")
    for introducer in (_INTRODUCER, _ADDRESSING_INTRODUCER):
        before = introducer.search(text, start, quote[0])
        if (
            before is not None
            and _names_someone(doc, before.span("speaker"))
            and not _is_rubric(text, before.span("speaker"))
            and not _heads_an_aim(doc, before)
        ):
            return before.span("speaker"), before.span("cue")
    return None


def opened(doc: Doc, quote: Range) -> tuple[Range, Range] | None:
    """(speaker, cue) of a cue of wording right before a quote that the parser did not tie to it: 'Trump said,
    "When people come back from war ... But a lot of people can't handle it."', where it reads the quote's first
    verb as punctuation; 'shouting "Allahu Akbar."' Without a comma or a colon between them the quote must close
    the clause: in 'declare "ex-cathedra" that ...' it says how."""
    opening = doc.char_span(quote[0], quote[0] + 1, alignment_mode="expand")
    closing = doc.char_span(quote[1] - 1, quote[1], alignment_mode="expand")
    if opening is None or closing is None or opening.start < 2:
        return None
    punctuated = doc[opening.start - 1].text in {",", ":"}
    verb = doc[opening.start - 2] if punctuated else doc[opening.start - 1]
    if verb.dep_ in {"dobj", "dative"} and verb.head.i == verb.i - 1 and lemma(verb.head) in AUDIENCE_CUES:
        # the cue is before whom the question was put to: 'asked her, "..."'
        verb = verb.head
    # (an outcry's quote is what was cried, wherever the clause goes on: 'chanted "Free Palestine" outside the
    # embassy', 'shouted "Shame!" as the minister left')
    if (
        not punctuated
        and closing.end < len(doc)
        and not doc[closing.end].is_punct
        and lemma(verb) not in OUTCRIES
        and last_quoted_char(doc_text(doc), quote) not in "!?"
    ):
        return None
    if (
        lemma(verb) not in WORDING_CUES
        or verb.pos_ != "VERB"
        # an imperative speaks to the reader: "Say, 'Hola' to Trump's razor wire"
        or (verb.tag_ == "VB" and not any(c.dep_ == "aux" for c in verb.children))
        or any(
            c.dep_ in OWN_OBJECT_DEPS | {"ccomp"}
            and c.i < opening.start
            # (but whom a question was put to: 'before asking her, "..."')
            and not (lemma(verb) in AUDIENCE_CUES and c.dep_ in {"dobj", "dative"} and c.tag_ in {"PRP", "NNP"})
            for c in verb.children
        )
        # who "was asked" is not who asks: 'Blumenthal was asked, "..."'
        or any(c.dep_ == "auxpass" for c in verb.children)
    ):
        return None
    if verb.tag_ == "VBG" and any(c.tag_ in RELATIVE_TAGS for c in verb.head.children):
        # the parser may hang the participle on a relative clause set off in the sentence ("looping the streets
        # around the stadium - where the Panthers played the Vikings - while chanting, '...'"): whose words
        # they are is not its subject's
        return None
    speaker = speaker_of(verb)
    if speaker is None or speaker.start > verb.i:
        return None
    return span_range(speaker), cue_of(verb)


def continued_from(text: str, quote: Range, quotes: list[Range], results: list[Found]) -> Found | None:
    """The attribution a quote with no cue of its own carries on: in '"The science is clear," said Otto. "Every
    degree matters."' both quotes are Otto's. It is the nearest attribution before the quote in its
    paragraph, with no other quote between them (but a show's name closing the tag) and a stop or a comma just
    before this one, so that scare quotes inside a sentence ('the so-called "experts"') stay apart."""
    before = [found for found in results if found.speaker is not None and found.content[1] <= quote[0]]
    if not before:
        return None
    previous = max(before, key=lambda found: found.content[1])
    gap = text[previous.content[1] : quote[0]]
    # (a nickname in the speaker's name is no quote between: 'state Del. Marcia "Cia" Price ... shouted')
    between = [
        q for q in quotes if previous.content[1] <= q[0] and q[1] <= quote[0] and not inside_any(q, [previous.speaker])
    ]
    if "\n" in gap or (between and (len(between) > 1 or not _title_closing_the_tag(text, previous, between[0], quote))):
        return None
    stripped = gap.rstrip().rstrip("".join(CLOSING_QUOTES)) if between else gap.rstrip()
    if stripped and stripped[-1] not in ".,;:!?":
        return None
    # '"...," said Jean-Marc Dupont, a farmer who said he had driven four hours. "Our children ..."': the
    # nearest attribution may be one within the speaker's description; the quote goes on the speaker's
    inner = previous.speaker
    holding = [s for f in before if (s := f.speaker) and inner and s != inner and inside_any(inner, [s])]
    return replace(previous, speaker=holding[0]) if holding else previous


def _title_closing_the_tag(text: str, tag: Found, title: Range, quote: Range) -> bool:
    """Whether the one quote between a tag and the quote after it is a short name closing the tag's sentence,
    of where it was said ('Flynn said on Fox News's “Fox and Friends.” “I mean, ...”'): the speech goes on past
    it. Not a scare quote in a list ('the bloviations of a "shock jock," "an entertainer,"'), nor after a sentence
    of the writer's ('Rally goers shouted “Let's go Hamas.” After the rally, Zakkout wrote: “...”')."""
    if tag.cue is None or title[0] < tag.cue[1] or len(text[title[0] : title[1]].split()) > _LONGEST_TITLE:
        return False
    after = text[title[1] : quote[0]].strip()
    closes = last_quoted_char(text, title) in ".!?" or after == "."
    return closes and after in {"", "."} and not _SENTENCE_END.search(text, tag.cue[1], title[0])


def goes_on_a_turn(text: str, quote: Range, results: list[Found]) -> Found | None:
    """The transcript's turn a quote opening the next paragraph goes on with: a turn its mark left open
    continues there, by the convention for a quote spanning paragraphs ('"PENCE: Well, look, ...', then
    '"But the truth is ...'); a stage direction in brackets is no one's ('"(CROSSTALK.)')."""
    if (quote[0] > 0 and text[quote[0] - 1] != "\n") or _STAGE_DIRECTION.fullmatch(text, quote[0], quote[1]):
        return None
    start = paragraph_before(text, quote[0])
    if start is None or text[start] not in _TURN_MARKS or not opens_a_turn(text, start, text[start]):
        return None
    return next((f for f in results if f.speaker is not None and f.speaker[0] == start + 1), None)


def leads_its_line(text: str, quote: Range, results: list[Found]) -> Found | None:
    """The attribution whose speaker opens the line right after a quote that opens it and a colon, as
    headlines give a quote first: in "'I'm not going anywhere': Starmer vows to fight on" the quote is
    Starmer's."""
    if quote[0] > 0 and text[quote[0] - 1] != "\n":
        return None
    colon = re.match(rf"{_SPACE}*:{_SPACE}*", text[quote[1] :])
    if colon is None:
        return None
    opens = quote[1] + colon.end()
    return next((f for f in results if f.speaker is not None and f.speaker[0] == opens), None)


def follows_a_quoted_paragraph(text: str, quote: Range, results: list[Found]) -> Found | None:
    """The attribution a paragraph that is one quote goes on from, where the paragraph before ends on a quote
    and its tag ('“...,” Carter said.' and then '“The United States will remain ...”'): a new speaker would
    be named, so the words are the same speaker's. Not past a sentence of the writer's after the tag, nor
    past a report of speech."""
    line_start = text.rfind("\n", 0, quote[0]) + 1
    line_end = text.find("\n", quote[1])
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start : quote[0]].strip() or text[quote[1] : line_end].strip():
        return None
    start = paragraph_before(text, line_start)
    if start is None:
        return None
    end = start + len(text[start:line_start].rstrip())
    inside = [f for f in results if start <= f.content[0] and f.content[1] <= end]
    if not inside:
        return None
    last = max(inside, key=_reach)
    if not last.direct or last.speaker is None or _SENTENCE_END.search(text, _reach(last), end):
        return None
    return last


def _reach(found: Found) -> int:
    """Where an attribution ends: its content, speaker or cue, whichever comes last."""
    return max(r[1] for r in (found.content, found.speaker, found.cue) if r is not None)
