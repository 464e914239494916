"""Quotes from a spaCy parse: direct quotes found by their quote marks (`marks`), reported speech by its
cue verbs (`cues`), and which speaker and cue each quote takes.

Reported speech hangs on a cue: a verb of saying, thinking or finding ("said", "told", "warned", "found")
with its subject as the speaker and its clausal complement as the content ("X said that ..."); "according
to X"; "X accused Y of ..." (the complements are the content); and "X said: ..." (the rest of the
paragraph). When a cue's content is mostly a direct quote ("'We will not give up,' Kerry said"), the quote
takes that cue and speaker, unless the cue stands inside the quote: that is the speaker's own words. A
direct quote with no cue of its own carries on the attribution just before it in its paragraph ('"...,"
said Otto. "..."'); any other with no cue near it is kept, speaker unknown, unless it is a short phrase in
quote marks: those are titles, terms or scare quotes far more often than speech.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spinlens.headlines import in_title_case
from spinlens.parsing import doc_text
from spinlens.quotes.attribution import OPENING_QUOTES
from spinlens.quotes.cues import TAG_CUES
from spinlens.quotes.direct import (
    after_the_head,
    continued_from,
    follows_a_quoted_paragraph,
    goes_on_a_turn,
    headed_lines,
    introduced,
    leads_its_line,
    opened,
    put_it,
    said_first,
    signed_by,
    tagged,
)
from spinlens.quotes.marks import Range, direct_quotes, last_quoted_char
from spinlens.quotes.reported import from_cue, worded
from spinlens.quotes.syntax import FINITE_TAGS, SUBJECT_DEPS, Found, inside_any, lemma, story_start

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Words that only link an object to what is said of it: "of", "as", "the"
_LINKING_POS = frozenset({"ADP", "DET", "PUNCT", "SCONJ", "PART", "CCONJ", "SPACE"})
# A direct quote without a cue is kept only from this many words on: shorter ones are mostly titles,
# terms or scare quotes.
MIN_UNATTRIBUTED_WORDS = 6


def extract(doc: Doc, headline: str | None = None) -> list[Found]:
    """What `doc` quotes; `headline` is its opening title when that is in title case (`spinlens.headlines`)."""
    text = doc_text(doc)
    quotes = direct_quotes(text)
    reported = _outermost_objects(text, [found for token in doc for found in from_cue(token)])
    reported = [beside for found in reported if (beside := _beside_others(doc, found, reported)) is not None]
    reported = [found for found in reported if not _describes_a_speaker(doc, found, reported)]
    results: list[Found] = []
    taken: set[Range] = set()
    for found in reported:
        if found.cue is not None and any(
            inside_any(found.cue, [q]) and not inside_any(found.content, [q]) for q in quotes
        ):
            # a cue among a quote's words with its content outside them ('Wait, it gets better: "The committee
            # never asked ..."'): the parser ran the sentence across the quote mark
            continue
        if _speaker_in_a_tagged_quote(doc, found, quotes):
            continue
        quote = _mostly_quote(found.content, quotes) or _quote_before_the_writers_clause(doc, found, quotes)
        if quote is not None:
            found = _name_taken_into_the_quote(text, found, quote) or found
        if quote is not None and found.cue is not None and found.cue[0] < quote[1] and quote[0] < found.cue[1]:
            # speech reported within the quote ('"The minister told me he would resign," Smith said'), or
            # opening it ('he was "told from the moment ..."'): its cue is the quoted speaker's words, so it is
            # neither the quote's cue nor an attribution of its own
            continue
        if quote is not None and _quoted_within(doc, found, quote):
            quote = None
        if quote is not None:
            if quote in taken:
                continue
            taken.add(quote)
            # "Said Ellis: “...”": the parser finds the cue, but seldom its speaker after it
            speaker, cue = said_first(text, quote) or (found.speaker, found.cue)
            results.append(Found(quote, speaker, cue, direct=True))
        else:
            content = _whole_quotes(_after_dateline(doc, found.content), quotes)
            results.append(replace(found, content=content))
    headed = headed_lines(doc, quotes, results, len(headline) if headline else 0)
    results = [after_the_head(found, headed) for found in results] + headed
    for quote in quotes:
        if quote in taken or inside_any(quote, [f.content for f in results]):
            continue
        signed = (
            signed_by(text, quote)
            or said_first(text, quote)
            or put_it(doc, quote)
            or tagged(doc, quote)
            or introduced(doc, quote)
            or opened(doc, quote)
        )
        if signed is not None:
            results.append(Found(quote, signed[0], signed[1], direct=True))
        elif (
            continued := continued_from(text, quote, quotes, results)
            or goes_on_a_turn(text, quote, results)
            # (a short one is a subheading in quote marks as often: "'All Bets Are Off.'")
            or (
                follows_a_quoted_paragraph(text, quote, results)
                if _words(text, quote) >= MIN_UNATTRIBUTED_WORDS
                else None
            )
        ) is not None:
            results.append(Found(quote, continued.speaker, None, direct=True))
        elif (leading := leads_its_line(text, quote, results)) is not None:
            results.append(Found(quote, leading.speaker, None, direct=True))
        elif _words(text, quote) >= MIN_UNATTRIBUTED_WORDS and not _a_title(doc, quote):
            results.append(Found(quote, None, None, direct=True))
    return sorted(results, key=lambda f: (f.content, f.cue or (0, 0)))


def _words(text: str, quote: Range) -> int:
    return len(text[quote[0] : quote[1]].split())


# capitalised common words that make a quote in title case a title, not words capitalised as names are
MIN_TITLE_CASED = 2


def _a_title(doc: Doc, quote: Range) -> bool:
    """Whether a quote no one is found to say is a title in title case: a book's, a report's or an article's
    ("The Greatest Comeback: How Richard Nixon Rose From Defeat to Create the New Majority"). A title
    capitalises common words, function words or words the text writes in lower case elsewhere, where speech
    capitalises names only ("I am the Nuncio to the United States") or shouts in capitals."""
    span = doc.char_span(quote[0], quote[1], alignment_mode="expand")
    words = [t for t in span or () if t.is_alpha]
    quoted = doc_text(doc)[quote[0] : quote[1]]
    if not words or quoted.isupper() or not in_title_case([t.text for t in words]):
        return False
    lower_case = {t.lower_ for t in doc if t.is_lower and not (quote[0] <= t.idx < quote[1])}
    common = [
        t
        for t in words[1:]
        if t.text[0].isupper()
        and t.text != "I"
        and not t.ent_type_
        and doc[t.i - 1].text != ":"
        and (t.is_stop or t.lower_ in lower_case)
    ]
    return len(common) >= MIN_TITLE_CASED


def _speaker_in_a_tagged_quote(doc: Doc, found: Found, quotes: list[Range]) -> bool:
    """Whether the parser took a word of a quote for the subject of the cue right after it: in '"... #Berlin,"
    tweeted a user from Munich' the user tweeted the quote, and "Berlin" reported nothing. (A speaker quoted as
    named elsewhere speaks: 'reported that "Jane Doe, a senior backbencher," has written ...'. A participle
    after a quoted title is left as it was: in 'attacked the ruling on "Meet the Press," calling it ...' the
    words are the sentence's subject's, and dropping the report would lose them with the wrong speaker.)"""
    speaker, cue = found.speaker, found.cue
    if speaker is None or cue is None:
        return False
    text = doc_text(doc)
    if not any(
        inside_any(speaker, [quote])
        and quote[1] <= cue[0]
        and not text[quote[1] : cue[0]].strip()
        and last_quoted_char(text, quote) in ",?!"
        for quote in quotes
    ):
        return False
    # (the parse is looked up only for the few reports that get this far)
    verb = doc.char_span(*cue, alignment_mode="expand")
    return verb is not None and len(verb) > 0 and verb[0].tag_ != "VBG"


def _beside_others(doc: Doc, found: Found, reported: list[Found]) -> Found | None:
    """An "according to" content without the attributions that close within it: in "Troops advanced, the army
    said, as the assault cost 150,000 soldiers, according to Western estimates", the estimates are about the
    losses, and what the army said is the army's. An attribution whose cue comes first ("the army said that
    ...") is left whole: what follows its cue may be what the "according to" source reports it said. None
    where no clause is left: in '"...," Ushakov told reporters, according to the Interfax news agency' the
    agency reports the quote, which is Ushakov's, and "reporters" is no claim."""
    text = doc_text(doc)
    if found.cue is None or not text[found.cue[0] : found.cue[1]].lower().startswith("according"):
        return found
    start, end = found.content
    # (a poll cited within it is the same source's finding: "Clinton has bounced back in the polls and is
    # now leading Trump, according to a new nationwide poll")
    others = [
        o
        for o in reported
        if o is not found
        and o.cue is not None
        and start <= o.cue[0] < o.cue[1] <= end
        and o.content[1] <= o.cue[0]
        and text[o.cue[0] : o.cue[1]].lower() != "in"
    ]
    if not others:
        return found
    # each other attribution as one stretch, from the first to the last of its content, cue and speaker
    taken = sorted(
        (min(r[0] for r in parts), max(r[1] for r in parts))
        for parts in ([r for r in (o.content, o.cue, o.speaker) if r is not None] for o in others)
    )
    pieces, at = [], start
    for taken_start, taken_end in taken:
        pieces.append((at, min(taken_start, end)))
        at = max(at, taken_end)
    pieces.append((at, end))
    words = [r for piece in pieces if (r := worded(text, _unpunctuated(text, piece))) is not None]
    if not words:
        return found
    clauses = [r for r in words if (span := doc.char_span(*r, alignment_mode="expand")) and _has_verb(span)]
    if not clauses:
        return None
    return replace(found, content=max(clauses, key=lambda r: len(text[r[0] : r[1]].split())))


def _has_verb(span: Span) -> bool:
    return any(t.pos_ in {"VERB", "AUX"} for t in span)


def _unpunctuated(text: str, span: Range) -> Range:
    start, end = span
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _after_dateline(doc: Doc, content: Range) -> Range:
    """The content without the dateline it starts with ("KYIV, 3 March 2025 — Troops advanced, X said")."""
    start = story_start(doc, content[0])
    return (start, content[1]) if start is not None and start < content[1] else content


def _describes_a_speaker(doc: Doc, found: Found, reported: list[Found]) -> bool:
    """Whether an attribution with no speaker is a participle or an infinitive within another's speaker: in
    "According to Jane Doe, writing for the Tribune:" it says who Jane Doe is, and what follows is hers (a
    tensed verb there is the other speaker running on too far: "a group of teachers called for a strike, and
    the union said ...")."""
    if found.speaker is not None or found.cue is None:
        return False
    cue = doc.char_span(*found.cue, alignment_mode="expand")
    return (
        cue is not None
        and cue[0].tag_ not in FINITE_TAGS | {"MD"}
        and inside_any(found.cue, [other.speaker for other in reported if other.speaker is not None])
    )


def _outermost_objects(text: str, reported: list[Found]) -> list[Found]:
    """Drops an attribution whose content is a verb's object and whose cue stands inside another's content.

    In "The senator knows it: our leaders are defending the deal", "are defending the deal" is what the
    senator knows, not a second attribution. A cue with a clause after it still counts inside
    another one's content ("he said she had denied that it happened"). On PolNeAR dev this lifts source
    precision from 0.807 to 0.826 and loses no recall. A speaker opening what a source is cited for keeps
    their cue: in 'The government denounced the award as "a shameful act," according to a statement' the
    government denounced it. So does one within a block quote ("Reuters reports:" over "Hungarian leader
    Viktor Orban called on Sunday for a global alliance against migration ..."): what a source reports is
    others' words as often as its own.
    """
    containing = [
        other for other in reported if not (other.cue is not None and "\n" in text[other.cue[1] : other.content[0]])
    ]
    return [
        found
        for found in reported
        if not (
            found.by_object
            and found.cue is not None
            and inside_any(
                found.cue,
                [other.content for other in containing if other is not found and not _opens(text, found, other)],
            )
        )
    ]


def _opens(text: str, found: Found, sourcing: Found) -> bool:
    """Whether `found`'s speaker opens what an "according to" or "per" attribution cites its source for."""
    if sourcing.cue is None or not text[sourcing.cue[0] : sourcing.cue[1]].lower().startswith(("according", "per")):
        return False
    return found.speaker is not None and found.speaker[0] == sourcing.content[0]


def _whole_quotes(content: Range, quotes: list[Range]) -> Range:
    """The content widened to the ends of the quotes it cuts: in 'denied the report, calling it "absurd and
    baseless."' the parse ends the content before the closing mark."""
    start, end = content
    for quote_start, quote_end in quotes:
        if start < quote_start < end < quote_end:
            end = quote_end
        if quote_start < start < quote_end < end:
            start = quote_start
    return start, end


def _name_taken_into_the_quote(text: str, found: Found, quote: Range) -> Found | None:
    """The quote and its tag's whole speaker, where the parser reads the first words of a name after the quote
    as a verb and makes them what was said, with the quote for its first words: '"We have no choice," Just
    Stop Oil spokesperson Hannah Hunt said', '"...," Stop the War Coalition convenor Lindsey German said'."""
    if found.speaker is None or not quote[0] <= found.content[0] < quote[1] < found.content[1] <= found.speaker[0]:
        return None
    # what was said opens the quote (the parse may leave the opening mark out), which closes on a comma, and
    # runs up to the speaker
    if text[quote[0] : found.content[0]].strip("\"“'‘") or text[quote[1] - 2] != ",":
        return None
    if text[found.content[1] : found.speaker[0]].strip():
        return None
    name = text[quote[1] : found.content[1]]
    if not all(word.replace("'", "").replace("-", "").isalnum() for word in name.split()):
        return None
    start = quote[1] + len(name) - len(name.lstrip())
    return replace(found, content=quote, speaker=(start, found.speaker[1]))


def _mostly_quote(content: Range, quotes: list[Range]) -> Range | None:
    """The direct quote that covers most of `content`, if any covers at least half of it."""
    best, best_overlap = None, 0
    for quote in quotes:
        overlap = min(content[1], quote[1]) - max(content[0], quote[0])
        if overlap > best_overlap:
            best, best_overlap = quote, overlap
    if best is not None and best_overlap * 2 >= content[1] - content[0]:
        return best
    return None


# "and" or "but" after a quote's closing mark, and what it joins in the words after it
_JOINED_AFTER = re.compile(r"[^\S\n]*,?[^\S\n]*(?:and|but)[^\S\n]+(?P<next>\S+)")


def _quote_before_the_writers_clause(doc: Doc, found: Found, quotes: list[Range]) -> Range | None:
    """The direct quote that opens what was reported, when the writer goes on after it with a clause of their own
    that the parser joined to the quote's: in 'The senator said: "I voted against the war," but in fact the
    senator voted for it twice' the words after the quote are the writer's. Not another quote or "that" clause
    after the conjunction ('said "..." and that unemployment is falling' reports both), nor a verb without a
    subject of its own ('talked about "cutting red tape" and making sure it stays cut'). A tag after it reports
    all that goes before it: '"We are ready," and the storm hit two hours later, the mayor said'."""
    content = found.content
    quote = next((q for q in quotes if q[0] == content[0] and q[1] < content[1]), None)
    if quote is None or found.cue is None or found.cue[0] > content[0]:
        return None
    text = doc_text(doc)
    joined = _JOINED_AFTER.match(text, quote[1])
    if joined is None or joined.end() > content[1]:
        return None
    if joined.group("next")[0] in OPENING_QUOTES or joined.group("next").lower() == "that":
        return None
    after = doc.char_span(joined.start("next"), content[1], alignment_mode="expand")
    if after is None:
        return None
    # (not `after.root`: the sentence's full stop, hung on the cue, may stand outside the clause as well)
    verb = next((t for t in after if t.head not in after and not t.is_punct and not t.is_space), None)
    return quote if verb is not None and any(c.dep_ in SUBJECT_DEPS and c in after for c in verb.children) else None


def _quoted_within(doc: Doc, found: Found, quote: Range) -> bool:
    """Whether the quote is only a part of what was said, whose verb lies outside it: in 'warned that "Taiwan
    independence" means war' the words quoted are the clause's subject, and what was said is that it means
    war. Not when the parse ran what was said over its own cue into another quote ('"I love Larry," he
    said, but "when it comes to energy ..."'), nor when a colon sets the quote apart ('the impact it would
    have on women: "Parallel to our union's progress ..."'), nor when the verb only opens the span ('The four
    "loopholes" he cited are "the ability to ..."', whose subject the parse leaves out)."""
    start, end = found.content
    cue_inside = found.cue is not None and start <= found.cue[0] < end
    if cue_inside or doc_text(doc)[start : quote[0]].rstrip().endswith(":"):
        return False
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None or len(words) == 0:
        return False
    root = words.root
    if found.by_object and (
        any(t.idx < quote[0] and t.pos_ not in _LINKING_POS for t in words)
        or (root.pos_ not in _LINKING_POS and not quote[0] <= root.idx < quote[1])
        # 'blamed "remnants of the former regime" for starting the violence': a phrase after the quote that
        # the parser hangs on the cue
        or any(t.idx >= quote[1] and not t.is_punct and not start <= t.head.idx < end for t in words)
    ):
        # 'called the case "a rigged witch hunt"': what was called so is part of what was said ("accused of
        # 'betraying pensioners'", 'described as a "snippy tone"' are the quote), and so are quoted words on a
        # noun outside the quote ('called for a "neutral, transparent" investigation')
        return True
    # 'urged China to "cease its military pressure"': who is urged, before the quote, is part of what is urged
    # (and so is the verb, where it too is the writer's: 'ordered the opinion pages to defend "personal
    # liberties and free markets"')
    urging = {t.head.i for t in words if t.dep_ == "xcomp" and t.idx < quote[1]}
    if any(t.idx < quote[0] and t.dep_ in {"dobj", "dative"} and t.head.i in urging for t in words):
        return True
    if lemma(root) in TAG_CUES and quote[1] <= root.idx:
        # '"We are starving," the message said': the verb after the quote tags it as someone's words
        return False
    # 'said he was "appalled"': the parser makes the adjective the clause's head, with its subject and verb
    # outside the quote; or the noun, also one it reads as a foreign word ('wrote that Guterres was "persona
    # non grata"')
    stated = root.pos_ in {"ADJ", "NOUN", "X"} and any(c.dep_ in SUBJECT_DEPS for c in root.children)
    if not (root.pos_ in {"VERB", "AUX"} or stated) or start >= root.idx:
        return False
    # 'insists that critical race theory "is not taught in K-12 schools"': the quote holds the verb, but
    # what it is said of is the writer's words, in whole or in part ('said critics' "sad, miserable
    # existence will be crushed"': whose existence)
    # (the parser may hang the subject on the auxiliary right before the quote: "the government was ‘copying
    # ...’", "it was essentially “grasping ...”")
    verbs = [
        root,
        *(
            c
            for c in root.children
            if c.dep_ in {"aux", "auxpass"}
            and c.idx < quote[0]
            and all(t.pos_ in {"ADV", "PUNCT"} or t.idx >= quote[0] for t in doc[c.i + 1 : root.i])
        ),
    ]
    subject_before = any(
        c.dep_ in SUBJECT_DEPS and c.tag_ not in {"WDT", "WP"} and start <= c.left_edge.idx < quote[0]
        for verb in verbs
        for c in verb.children
    )
    return subject_before or not quote[0] <= root.idx < quote[1]
