"""The content a cue reports (`content_of`): its clause or object, with what the parser hangs on it that is
not reported cut away and what it broke off put back. The longest rule of all, kept apart from `reported`,
which finds the cues and decides whose words each one reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spinlens.parsing import doc_text, past_quote_marks, second_object_hung_on_the_noun
from spinlens.quotes.attribution import (
    OPENING_QUOTES,
    agent_in_object,
    charge_on_the_agent,
    colon_after,
    comma_between_words,
    named_by,
    participle_subject,
    speaker_conjunct,
    subject_of_an_aside,
    subject_told_of,
    summary_taken_for_a_subject,
    tag_before,
)
from spinlens.quotes.closing import (
    CLAUSE_DEPS,
    NAMING_CUES,
    OBJECT_DEPS,
    PLEDGES,
    TOPIC_PREPOSITIONS,
    citation_before,
    clauses_on_the_time,
    closing_reports,
    is_absolute,
    is_according_to,
    is_citation_after,
    is_conceded,
    is_depictive,
    is_reaction,
    is_remark,
    is_remark_taken_for_a_clause,
    is_remark_taken_for_a_verb,
    not_reported,
    remark_taken_for_a_name,
    reports_what_the_noun_did,
    shows_evidence,
    subject_after_a_comma,
    tag_taken_for_a_clause,
    when_said,
    with_comma,
    writers_after_the_tag,
)
from spinlens.quotes.cues import (
    ADDRESSEE_CUES,
    ALL_CUES,
    ASPECT_CUES,
    AUDIENCE_CUES,
    CLAUSE_CUES,
    CUE_PREPOSITIONS,
    EVIDENCE_CUES,
    FINDING_CUES,
    GROUND_CUES,
    OBJECT_CUES,
    QUESTION_CUES,
    STANCE_CUES,
    THREAT_CUES,
)
from spinlens.quotes.direct import WORDING_CUES
from spinlens.quotes.exclusions import defends_ground, endangers, is_as_said, is_time_taken_for_a_clause
from spinlens.quotes.marks import Range, direct_quotes, last_quoted_char
from spinlens.quotes.syntax import (
    CLOSING_QUOTES,
    DASHES,
    QUOTE_MARKS,
    RELATIVE_TAGS,
    SUBJECT_DEPS,
    comma_before,
    has_subject,
    is_as,
    is_circumstance,
    is_cue_preposition,
    is_finite,
    is_infinitive,
    is_occasion,
    is_participle_after_comma,
    is_that_clause,
    is_when,
    lemma,
    made_clear,
    names_people,
    object_after_quote,
    story_start,
    strip,
    tokens_range,
    trimmed_subtree,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Cues whose "as" says what they say their object is: "described them as slanders"
_AS_CUES = frozenset({"describe", "portray", "refer"})
# Cues whose object is a wrong, never a person: a name after one is the subject of a clause the parser broke
# off ("She alleges Kavanaugh and a friend of his ... cornered her"; "alleging defamation" is an object)
_WRONGS_CHARGED = frozenset({"allege"})
# Prepositions of a deadline, which a pledge's object carries with it ("promised 50,000 more nurses by 2030")
_DEADLINES = frozenset({"within", "by"})
_TIME_NOUNS = frozenset({"day", "week", "month", "year", "night", "morning", "afternoon", "evening", "time", "moment"})
# Cues through a preposition whose object may be taken "as" something ("referred to him as a traitor")
_TAKEN_AS = frozenset({"refer", "point"})


def _is_verb_joined_without_and(token: Token, clause: Token) -> bool:
    """Whether the parser hangs on the cue, as a clause of circumstance, a verb that goes on right after a
    comma from the clause it reports, sharing its subject: "says strike kills four, wounds 27"."""
    doc = token.doc
    comma = clause.right_edge.i if doc[clause.right_edge.i].text == "," else clause.right_edge.i + 1
    return (
        token.dep_ == "advcl"
        and token.tag_ in {"VBD", "VBZ"}
        and token.left_edge.i == token.i == comma + 1
        and doc[comma].text == ","
        and not any(c.dep_ in SUBJECT_DEPS | {"mark", "aux", "auxpass"} for c in token.children)
    )


def block_quote(text: str, position: int) -> Range | None:
    """The paragraph after `position`, set apart as what a cue closing the line before introduces: in no quote
    marks, or in one quote that fills it; None where it has a quote with a tag of its own ('“...,” CNN
    said.'), whose speaker is that tag's, or quoted words amid the writer's own."""
    start = len(text) - len(text[position:].lstrip())
    end = text.find("\n", start)
    paragraph = strip(text, start, len(text) if end < 0 else end)
    if paragraph is None:
        return None
    words = text[paragraph[0] : paragraph[1]]
    if not any(c.isalpha() for c in words):
        # a list's number on a line of its own ("... nine concrete steps:" over "1.")
        return None
    quoted = direct_quotes(words)
    if quoted and (quoted[0][0] != 0 or len(words[quoted[0][1] :].strip(" .")) > 0):
        return None
    return paragraph


def _quoted_sentence(text: str) -> int | None:
    """Where a quoted sentence that opens `text` ends, when the text goes on after it with another sentence:
    not a quoted word or phrase the sentence goes on from ('Note: "independent" is replaced ...'), nor the
    first of a list of them ('described: "arrogant," "jealous," ...')."""
    quoted = direct_quotes(text)
    if not quoted or quoted[0][0] != 0 or last_quoted_char(text, quoted[0]) not in ".!?":
        return None
    after = text[quoted[0][1] :].lstrip()
    return quoted[0][1] if after[:1].isupper() else None


def _quote_then_an_act(doc: Doc, start: int, end: int) -> int | None:
    """Where a quote opening the text from `start` to `end` ends, when the sentence goes on after it with
    what the speaker did next: 'Patel responded: "I know comedy," and called the organizers wrong'. Not where
    more words follow the "and": 'said: "Prices" and wages "have risen"', 'and "we will not surrender"'."""
    text = doc_text(doc)
    quoted = direct_quotes(text[start:end])
    if not quoted or quoted[0][0] != 0:
        return None
    closing = start + quoted[0][1]
    rest = doc.char_span(closing, end, alignment_mode="expand")
    if rest is None:
        return None
    after = [t for t in rest if t.idx >= closing and not t.is_space and t.text != ","][:3]
    if len(after) < 2 or after[0].lower_ not in {"and", "but"}:
        return None
    act = after[2] if after[1].lower_ == "then" and len(after) > 2 else after[1]
    return closing if act.pos_ == "VERB" and act.tag_ in {"VBD", "VBZ", "VBG"} else None


def content_of(verb: Token, after_only: bool = False) -> tuple[Range | None, bool]:
    """The cue's content, and whether it is the cue's object rather than a clause; with `after_only`, not
    a clause before the cue."""
    doc = verb.doc
    if (cited := _clause_after_the_citation(verb)) is not None:
        return tokens_range([t for t in cited.subtree if t not in not_reported(cited)]), False
    if (made := made_clear(verb)) is not None:
        clause = made[1]
        return tokens_range([t for t in clause.subtree if t not in not_reported(clause)]), False
    # and where the parser hangs that clause on the "citing", the citing reports only what it cites
    reported_by_the_cue = _clause_after_the_citation(verb.head) if verb.dep_ == "advcl" else None
    remark = remark_taken_for_a_name(verb)
    if (
        remark is not None
        and verb.lemma_ not in NAMING_CUES
        and not reports_what_the_noun_did(verb)
        and not _reports_a_clause_of_its_own(verb)
    ):
        # (what a cue of naming reports is the name it gives: "a textbook case", below; and a clause with a
        # subject of its own is what was said of the noun: "..., a charge the ministry said it would
        # investigate")
        return tokens_range(list(doc[named_by(remark).left_edge.i : remark.i + 1])), True
    colon = colon_after(verb)
    if colon is not None:
        start = colon.idx + 1
        text = doc_text(doc)
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        belief_or_question = lemma(verb) in STANCE_CUES | QUESTION_CUES
        if not text[start:end].strip():
            # "The governor added:" closing its line: what was said is the paragraph after, a block quote
            return (None if belief_or_question else block_quote(text, end)), False
        if belief_or_question or text[start:end].lstrip()[:1] not in OPENING_QUOTES:
            # "Every honest observer knows the truth: the West wanted this war." What is known is that sentence;
            # a statement after a colon may run on over the paragraph in quote marks, but a belief, a question
            # or words without them do not ("they'll tell you: graduates can't write. Is it any wonder?")
            end = min(end, colon.sent.end_char)
        opened = strip(text, start, end)
        if opened is not None and (quoted := _quoted_sentence(text[opened[0] : end])) is not None:
            # 'boasted: "We will make them pay." Tory MP Mark Francois said ...': a quoted sentence the colon
            # opens ends with its closing mark, though the parser runs the sentence on past it
            end = opened[0] + quoted
        elif opened is not None and (closing := _quote_then_an_act(doc, opened[0], end)) is not None:
            end = closing
        return strip(text, start, end), False
    # a clause before the verb is content only for verbs of saying ("The plan will fail, he said"); before
    # "defended" or "condemned" it is the parser joining the previous clause ("X knows it: we defend ..."),
    # and so it is before a cue that names something ('..., a move Dupont called "a declaration of war"')
    fronted = (
        lemma(verb) in CLAUSE_CUES
        and not after_only
        and not any(c.dep_ == "oprd" for c in verb.children)
        # "Groups accused Israel of collective punishment, a charge Israeli officials deny": what is denied is
        # the noun before the cue, which the parser makes its object
        and not any(c.dep_ == "dobj" and c.i < verb.i for c in verb.children)
        # nor where it is the noun the parser took for part of the subject ("..., a deal critics call a
        # textbook case")
        and remark is None
    )
    # nor is a clause in no quote marks where the cue has an object of its own after it, not whom the words were
    # for: in "Russia says it downed 41 drones, Kyiv reports strikes on refinery" Kyiv reports the strikes (a
    # quote before its tag stays: the parser may hang a word after it on the cue)
    own_object = verb.lemma_ not in AUDIENCE_CUES and any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children)
    clauses = [
        c
        for c in verb.children
        if c.dep_ in CLAUSE_DEPS
        and (
            c.i > verb.i
            or (
                fronted
                and participle_subject(verb, c) is None
                and not (own_object and not any(t.is_quote for t in doc[max(c.left_edge.i - 1, 0) : verb.i]))
            )
        )
        and not (c.dep_ == "xcomp" and verb.lemma_ in ASPECT_CUES)
        and not (c.i > verb.i and (is_absolute(c) or is_depictive(c)))
        # "..., the WHO said, days after the RSF seized the city": a circumstance after the tag and a comma,
        # which the parser may make the cue's clause, is the writer's
        and not (c.i > verb.i and is_circumstance(c) and doc[c.left_edge.i - 1].text == ",")
        and not _is_modifier_taken_for_a_clause(verb, c)
        and c != reported_by_the_cue
    ]
    # a clause before the cue across a semicolon or a colon is the parser joining the sentence's other half
    # ("Democrats argue X; Republicans counter that Y", "There is no evidence of fraud: three recounts
    # confirmed Biden's win"); across a comma it may be the first half of what was said ('"X," he said, "and
    # Y"')
    clauses = [
        c for c in clauses if c.i > verb.i or not any(t.text in {";", ":"} for t in doc[c.right_edge.i : verb.i])
    ]
    if any(c.i < verb.i for c in clauses):
        # after a closing tag, a dash opens the writer's remark: "... for every 800 doses, critics say - a
        # figure the study's authors dispute"
        clauses = [c for c in clauses if c.i < verb.i or doc[c.left_edge.i - 1].text not in DASHES]
    # '"...," said Stefan Rahmstorf, who has warned the risk is "greatly underestimated"': the parser may hang
    # what the relative clause on the speaker reports on the cue; it is no part of what the cue reports
    relatives = [
        r.i for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i > verb.i for r in c.children if r.dep_ == "relcl"
    ]
    clauses = [c for c in clauses if not (c.i > verb.i and any(r < c.left_edge.i for r in relatives))]
    clauses = [c for c in clauses if not _is_relative_taken_for_a_clause(verb, c)]
    # '"...," said epidemiologist John Smith': nor is the speaker the tagger reads as a verb, nor the clause the
    # parser makes the speaker the subject of ('"...," said Maria Lopez, who ... yet voted for the mayor')
    speaking = object_after_quote(verb)
    clauses = [c for c in clauses if speaking is None or (c != speaking and c not in speaking.ancestors)]
    # "A spokesman, asked whether ..., said only that ...": the parser may hang the cue after a participle set
    # off on its speaker on the participle; what the cue says is not what was asked
    clauses = [c for c in clauses if subject_of_an_aside(c) is None]
    # "The Israeli military says Hamas uses hospitals, a charge the group denies": the parser may make the
    # writer's remark the clause the cue reports, with what was said a clause of the remark's before it
    clauses = [
        reported
        for c in clauses
        for reported in (
            [f for f in c.children if f.dep_ == "ccomp" and f.i < c.i]
            if c.i > verb.i and is_remark_taken_for_a_clause(c)
            else [c]
        )
    ]
    # "as Eric Garner said before he died": a clause of time the parser takes for what was said; what was said
    # is the that-clause it may hang on it ("said before the talks began that Kyiv would not cede land")
    clauses = [
        reported
        for c in clauses
        for reported in (
            [f for f in c.children if f.dep_ == "ccomp" and is_that_clause(f)] if is_time_taken_for_a_clause(c) else [c]
        )
    ]
    # or a second clause of the cue's, after what was said ("said he would freeze rents, a pledge landlords
    # have called ruinous"; "promised 50,000 more nurses, a pledge critics dismissed as fantasy" has no other;
    # "said prices would fall, remarks which angered unions", the remark read as a verb)
    clauses = [
        c
        for c in clauses
        if not (
            c.i > verb.i
            and c is not clauses[0]
            and (remark_taken_for_a_name(c) is not None or is_remark_taken_for_a_verb(c) or is_reaction(c))
        )
    ]
    if not clauses and lemma(verb) in CLAUSE_CUES:
        clauses = clauses_on_the_time(verb)
    if clauses:
        objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"} and verb.i < c.i < clauses[0].i]
        # "called on Chief Justice John Roberts to investigate": whom the cue's preposition names
        objects += [
            o
            for c in verb.children
            if is_cue_preposition(verb, c) and verb.i < c.i < clauses[0].i
            for o in c.children
            if o.dep_ == "pobj"
        ]
        if objects and all(c.dep_ == "xcomp" for c in clauses):
            # "urged the council to act": who is urged belongs to what is urged; "urged Japan to correct its
            # remarks, saying they were interference" goes on with more words of the speaker's
            cut = {t for c in clauses for t in not_reported(c)}
            # nor is a clause closing it that reports words of its own ("urged Washington to press Damascus on
            # the killings in March, which a government inquiry blamed on ...")
            cut |= closing_reports(clauses)
            return tokens_range([t for h in objects + clauses for t in h.subtree if t not in cut]), False
        if (
            objects
            and verb.lemma_ in OBJECT_CUES
            and _comma_between(objects[-1], clauses[0])
            and clauses[0].left_edge.lower_ != "that"
        ):
            # "promised 50,000 more nurses, a pledge critics dismissed as fantasy": the parser hangs the
            # remark after the comma on the cue, but what was promised is its object; "denounced suggestions
            # by X, that they would deport ..." is one content; and what the object is called goes with it
            # ('called the move "tyranny in disguise," drawing a rebuke from the ministry, which wrote: "..."')
            named = [c for c in verb.children if c.dep_ == "oprd" and objects[-1].i < c.i < clauses[0].i]
            return _subtree_range(objects + named), True
        # "had been asked to preserve the files by the committee": who asked, which the parser hangs on what was
        # asked, is no part of it
        agent = agent_in_object(verb)
        by_agent = set(agent.head.subtree) if agent is not None else set()
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and _relative_subject_before(verb, clauses)):
            # "a package which she said would fix the economy": the clause's subject is the relative pronoun
            # before the speaker; the content is what follows the cue (the parser may take the clause for a
            # participle's: "a decision that opposition politicians said was made to protect trade ties")
            return tokens_range([t for c in clauses for t in c.subtree if t.i > verb.i and t not in by_agent]), False
        cut = {t for c in clauses for t in not_reported(c)} | when_said(verb, clauses[0])
        cut |= citation_before(verb, clauses[0]) | by_agent
        if all(c.pos_ in {"NOUN", "PROPN"} for c in clauses):
            # "declared the mpox outbreak in Africa a public health emergency": the parser may make the noun a
            # clause and what it was declared the cue's object
            clauses = clauses + [c for c in verb.children if c.dep_ == "dobj" and c.i > clauses[-1].i]
        # "Ukraine says Russian strike kills four, wounds 27": a headline's second verb, joined without an
        # "and", which the parser hangs on the cue
        clauses += [c for c in verb.children if _is_verb_joined_without_and(c, clauses[-1])]
        words = [t for c in clauses for t in c.subtree if t not in cut]
        if (told_of := _hearsay_subject(verb, clauses)) is not None:
            # "Putin is said to be furious" says that Putin is: what is said runs from whom it is said of, over
            # the cue, as a tag inside what was said does ("The plan, he said, will fail")
            return tokens_range([*told_of.subtree, *words]), False
        if (summary := summary_taken_for_a_subject(verb)) is not None:
            speaker = set(speaker_conjunct(summary).subtree)
            words += [t for t in summary.subtree if t not in speaker]
        later = next((c for c in clauses if c.i > verb.i), None)
        lost = _with_lost_subject(verb, clauses[0])
        if later is not None and later.i != clauses[0].i:
            lost += _with_lost_subject(verb, later)
        return tokens_range(_one_side(verb, lost + words, later, bool(lost))), False
    if lemma(verb) in CLAUSE_CUES and (subject := _clause_subject_taken_for_the_cues(verb)) is not None:
        # "Residents of Cicero say immigration agents arrested 23 people in dawn raids": the parser may read
        # the clause's verb as a participle on its subject and make that subject the cue's second; what was
        # said runs from it to the sentence's end
        return tokens_range([t for c in verb.children if c.i >= subject.i for t in c.subtree]), False
    if lemma(verb) in CLAUSE_CUES and (comma := _clause_taken_for_a_first_subject(verb)) is not None:
        # 'An autopsy found injuries "consistent with assault," pathologist Bernard Midia told reporters': the
        # parser may read the clause before the tag as a noun phrase, "an autopsy found injuries", and make it
        # a first subject of the cue
        return tokens_range(list(doc[verb.sent.start : comma])), False
    if lemma(verb) in CLAUSE_CUES:
        # 'insisted the main conclusions "still hold"': a quote mark may lead the parser to make the clause's
        # subject the cue's object and its verb a relative clause of it, one with no subject of its own
        subjects = [
            c
            for c in verb.children
            if c.dep_ == "dobj"
            and c.i > verb.i
            and any(
                _is_clause_taken_for_a_relative(d)
                # (after a cue whose object may be what it reports, a participle there is one: 'denied the
                # claims "made by the opposition"')
                or (verb.lemma_ not in OBJECT_CUES and _is_clause_taken_for_a_participle(d))
                for d in c.children
            )
        ]
        if verb.lemma_ in ADDRESSEE_CUES:
            # 'told reporters the admiral "acted within his authority"': the subject comes after whom she told
            subjects = [s for s in subjects if any(c.dep_ in {"dobj", "dative"} and c.i < s.i for c in verb.children)]
        if subjects:
            return _subtree_range(subjects), False
    if lemma(verb) in CLAUSE_CUES:
        # "told a press briefing that Washington was playing with fire": the parser may hang the that-clause
        # on the audience as a relative clause; after "tell" or "warn" it is what was said. "Told reporters
        # outside the courthouse that her client would appeal", "said in a statement that the strikes hit
        # only military targets": or on a place or an occasion after the cue, but not on a time ("said on the
        # day that he died")
        heads = [c for c in verb.children if c.dep_ in {"dobj", "dative"}] if verb.lemma_ in ADDRESSEE_CUES else []
        occasions = [
            o
            for c in verb.children
            # (not a topic: in "asked about Israel's claim that Hamas used the hospital" the clause is the claim's)
            if c.dep_ == "prep" and c.i > verb.i and c.lower_ not in TOPIC_PREPOSITIONS
            for o in c.children
            if o.dep_ == "pobj" and o.lemma_ not in _TIME_NOUNS and o.ent_type_ not in {"DATE", "TIME"}
        ]
        # or on the occasion's apposition ("said in a post on X, formerly Twitter, that ..."), or on whom it was
        # addressed to ("wrote in a letter to the secretary that ...")
        heads += occasions + [a for o in occasions for a in o.children if a.dep_ == "appos"]
        heads += [
            a
            for o in occasions
            for c in o.children
            if c.dep_ == "prep" and c.lower_ == "to"
            for a in c.children
            if a.dep_ == "pobj"
        ]
        said = [r for c in heads for r in c.children if r.dep_ in {"relcl", "acl"} and is_that_clause(r)]
        if said:
            cut = not_reported(said[0])
            return tokens_range([t for t in said[0].subtree if t not in cut]), False
    if (
        lemma(verb) in WORDING_CUES
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].text in OPENING_QUOTES
        and not any(c.dep_ == "auxpass" for c in verb.children)
    ):
        # 'He said "no" to the deal', 'said "about $55 billion," a figure no one could verify': quoted words
        # that are no clause, which the parser makes the cue's object, are what was said; a remark on them is not
        # (nor is a time or a place in quote marks, nor what "is declared" so)
        said = [
            c
            for c in verb.children
            if c.dep_ in {"dobj", "attr", "oprd", "intj"} and c.left_edge.i in {verb.i + 1, verb.i + 2}
        ]
        cut = {t for c in said for t in not_reported(c)}
        if said:
            return tokens_range([t for c in said for t in c.subtree if t not in cut]), False
    if (
        verb.dep_ == "parataxis"
        and verb.head.i != verb.i
        and not any(c.tag_ == "WP" or c.dep_ == "oprd" for c in verb.children)
    ):
        # "The plan, he said, will fail": the content is the clause the cue interrupts, less the speaker's next
        # act ("..., the ministry said, mocking the voyage"); "Ukraine war casualties: what the numbers say"
        # says what, not that, and "His nonprofit group, called the Virginia Conservation Legacy Fund, will
        # still own the property" what the group is called
        goes_on = [
            t for c in verb.head.children if tag_before(c) == verb or writers_after_the_tag(verb, c) for t in c.subtree
        ]
        return tokens_range(words_outside(verb.head.subtree, [*verb.subtree, *goes_on])), False
    if (subject := tag_taken_for_a_clause(verb) or _tag_on_a_dateline(verb)) is not None:
        # "Voters are angry, a YouGov poll found last week": the content is the sentence before the tag
        return tokens_range(words_outside(doc[verb.sent.start : subject.left_edge.i], [])), False
    if is_as_said(verb):
        # "As Putin has stressed, Russia did not start this war": the content is the rest of the sentence, less
        # the writer's own frame ("Now we learn that the company never tested it, as an executive admitted")
        scope = _within_writers_frame(verb) or list(verb.sent)
        words = words_outside(scope, verb.subtree)
        comma = next((t.i for t in verb.doc[verb.i + 1 : verb.sent.end] if t.text == ","), None)
        if comma is not None and all(t.is_punct or t.pos_ in {"CCONJ", "ADV"} for t in words if t.i < verb.i):
            # "But as Moynihan once said, everyone is entitled ...": a connective opening the sentence joins it
            # to the one before; what was said follows the clause's comma (the parser may hang words after it
            # on the cue: "Yet, as Mr. Bown observed, in the early days of a Trump administration ...")
            words = words_outside([t for t in scope if t.i > comma], [])
        return tokens_range(words), False
    if (reported := _reported_by_its_agent(verb)) is not None:
        # "The registration issue was first reported by The Washington Post": what a medium reported, as
        # PolNeAR's annotators read it, is the passive's subject
        return _subtree_range([reported]), True
    if verb.lemma_ in QUESTION_CUES:
        # "Asked about Trump's declaration that it had been a bomb, Clinton said ...": what the question was about
        topics = [o for c in verb.children if is_cue_preposition(verb, c) for o in c.children if o.dep_ == "pobj"]
        if topics:
            return _subtree_range(topics), True
    if verb.lemma_ in EVIDENCE_CUES and not shows_evidence(verb):
        return None, False
    if verb.lemma_ in GROUND_CUES and defends_ground(verb):
        return None, False
    if verb.lemma_ in THREAT_CUES and endangers(verb):
        return None, False
    if verb.lemma_ in OBJECT_CUES or (
        verb.lemma_ in FINDING_CUES and shows_evidence(verb) and not _finds_its_way(verb)
    ):
        # "denied the allegations, calling them fake news": a participle that is a cue of its own reports
        # more words, not what was denied, nor is "cited the science to conclude ..." (but "vowed on Sunday to
        # continue the war", which the parser may hang the same way, is what was vowed); "slams US meddling
        # as Taiwan holds drills": a clause with its own subject after "as" or "while" says when, not what, and
        # one after "though" is the writer's aside ("defended Fauci's record, though some acknowledged mistakes")
        objects = [
            c
            for c in verb.children
            if (c.dep_ in OBJECT_DEPS or _is_name_given(verb, c))
            # "..., a charge Israeli officials deny": a noun object before the cue
            and (c.i > verb.i or (c.dep_ == "dobj" and c.pos_ == "NOUN"))
            and not (c.dep_ == "advcl" and (_is_cue_of_its_own(verb, c) or is_circumstance(c) or is_conceded(c)))
            # nor is what the speaker did meanwhile: "called for the release of the video, marching through the
            # streets" (but a list goes on with what is blamed: "blamed the MEK for killing three colonels,
            # bombing U.S. companies and killing Iranians"; and a photo shows someone doing something)
            and not (
                c.dep_ == "advcl"
                and is_participle_after_comma(c)
                and not any(j.dep_ == "conj" for j in c.children)
                and verb.lemma_ not in EVIDENCE_CUES
            )
            and not is_when(c)
            and not is_occasion(c)
            and not is_absolute(c)
            and not (verb.lemma_ in _WRONGS_CHARGED and c.pos_ == "PROPN")
            and c != reported_by_the_cue
        ]
        if (charge := charge_on_the_agent(verb)) is not None:
            objects = [charge, *objects]
        by = next((c for c in verb.children if c.dep_ == "agent" and c.i > verb.i), None)
        if by is not None and any(o.i < by.i for o in objects):
            # "has been called a charlatan by fellow physicians for promoting quack cures": what was said comes
            # before who said it, and what comes after is the writer's account of why
            objects = [o for o in objects if o.i < by.i]
        if objects:
            # "accused India on Monday of involvement in the killing": the parser may hang the "of" on the day
            objects += [
                p
                for c in verb.children
                if c.dep_ == "prep" and c.i > verb.i and is_when(c)
                for o in c.children
                if o.dep_ == "pobj"
                for p in o.children
                if p.dep_ == "prep" and p.lower_ == "of"
            ]
        if any(o.dep_ != "dative" for o in objects) and verb.lemma_ not in NAMING_CUES:
            # "promise us the end of snow": whom it is promised to is no part of what is promised (but in
            # "branded him a communist", which the parser reads so too, he is who is named)
            objects = [o for o in objects if o.dep_ != "dative"]
        if any(c.dep_ == "dobj" and c.tag_ in RELATIVE_TAGS and c.i < verb.i for c in verb.children):
            # "a claim of misconduct, which the judge denied to investigators": what was denied is what the
            # relative pronoun stands for, not to whom (but "who she accused of lying" says of what)
            objects = [o for o in objects if not (o.dep_ == "dative" or (o.dep_ == "prep" and o.lower_ == "to"))]
        # "accused of union busting, an allegation it denies": the remark after the comma is the writer's
        objects = [o for o in objects if o is objects[0] or not (is_remark(o) and doc[o.left_edge.i - 1].text == ",")]
        if (
            # (what one describes or refers to a thing as is what they say of it: "which he described as
            # 'unimaginable accusations'")
            (not objects or (verb.lemma_ not in NAMING_CUES | _AS_CUES and all(is_as(o) for o in objects)))
            and verb.dep_ == "relcl"
            and is_remark(verb.head)
            and has_subject(verb)
        ):
            # "..., an allegation it denies": what is denied is the noun the clause is on, not the quote mark
            # the parser may hang on it ('insisted the border "is secure," a claim Republicans have mocked'),
            # nor what it is taken for (", a claim the group rejected as lies")
            start = verb.head.left_edge.i
            while doc[start].is_punct:
                start += 1
            return tokens_range(list(doc[start : verb.left_edge.i])), True
        if (
            not objects
            and any(c.dep_ == "agent" for c in verb.children)
            and verb.lemma_ not in QUESTION_CUES | GROUND_CUES | THREAT_CUES | {"question"}
        ):
            # "The attack was condemned by the European Union": what was condemned is the passive's subject, a
            # thing named ("which", "she" or "This" say nothing of it; one who is questioned or threatened, and a
            # border defended, are no words)
            subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
            objects = [c for c in subjects[-1:] if _is_thing_named(c, list(c.subtree))]
            subject = subjects[-1] if subjects else None
            if (
                not objects
                and subject is not None
                and any(a.dep_ in {"acl", "relcl"} and comma_before(a) is not None for a in subject.children)
                and _is_thing_named(subject, words := list(trimmed_subtree(subject)))
            ):
                # less an aside set off by commas on it: "The claims, first reported by The Telegraph, have been
                # denied by Downing Street"
                return tokens_range(words), True
        if verb.lemma_ in CUE_PREPOSITIONS:
            # "called for restraint": the cue holds "for" (`cue_of`), the content is what is called for
            own = [o for c in objects if is_cue_preposition(verb, c) for o in c.children if o.dep_ != "punct"]
            # with what they are to do, which the parser hangs on the cue: "appealed for witnesses to come forward"
            own += [
                c
                for c in verb.children
                if c.dep_ in {"advcl", "xcomp"}
                and own
                and c.left_edge.i == own[-1].right_edge.i + 1
                and c.left_edge.tag_ == "TO"
            ]
            # and what the speaker takes it for: "referred to Rubio as "a bright, charismatic leader"", "pointed
            # to China as the regional enforcer"
            own += [
                c
                for c in verb.children
                if verb.lemma_ in _TAKEN_AS and is_as(c) and own and c.i == own[-1].right_edge.i + 1
            ]
            objects = own if verb.lemma_ != "call" else own + [c for c in objects if not is_cue_preposition(verb, c)]
        if objects and verb.lemma_ in PLEDGES:
            # "vows elections within four years", "promised 50,000 more nurses by 2030": the deadline is pledged too
            objects += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _DEADLINES and c.i > objects[-1].i]
        if objects:
            # the parser may hang the clause on the object instead ("slams US meddling as Taiwan holds drills")
            cut = {
                t for o in objects for c in o.children if c.dep_ == "advcl" and is_circumstance(c) for t in c.subtree
            }
            # nor is a remark of the writer's closing it ('described them as "hate marches," a phrase critics
            # called inflammatory')
            cut |= {t for o in objects for t in not_reported(o)}
            # nor a clause closing it that reports words of its own, with the comma before it: in "denied the
            # accusations, which he described as slanders", what was denied is the accusations, and in "blamed
            # Pakistan for the attack near Pahalgam, which Islamabad denies" Pakistan is blamed for the attack
            cut |= closing_reports(objects)
            # nor one anywhere in it that has a source of its own: "pointed to what she called the "criminal"
            # shelling of Belgorod, where, according to the regional governor, two civilians were killed"
            cut |= {
                t
                for o in objects
                for c in o.subtree
                if c.dep_ == "relcl"
                and c.right_edge.i == o.right_edge.i
                and any(is_according_to(p) for p in c.children if p.dep_ == "prep")
                for t in with_comma(c)
            }
            # nor where the words were given, which the parser may hang on the object's end ("blasted the
            # decision on Truth Social") or, right after its closing mark, on a quoted name given ('dismissed the
            # letter as "a false flag" on X')
            cut |= {
                t
                for o in objects
                for c in o.subtree
                if c.i > o.i
                and c.right_edge.i == o.right_edge.i
                and (c.head.i == o.i or doc[c.i - 1].text in CLOSING_QUOTES)
                and is_occasion(c)
                for t in c.subtree
            }
            if (agent := agent_in_object(verb)) is not None:
                cut |= set(agent.head.subtree)
            words = [t for o in objects for t in o.subtree if t not in cut]
            if verb.lemma_ in NAMING_CUES and (name := second_object_hung_on_the_noun(verb)) is not None:
                # 'Trump, who has called Chair Jerome Powell "a numbskull"': the parser hangs what Powell was
                # called on Trump
                end = name.right_edge.i + 1
                words += doc[verb.right_edge.i + 1 : end + (end < len(doc) and doc[end].is_quote)]
            words += _what_it_stands_for(verb, words)
            return tokens_range(words), True
    return None, False


def _is_modifier_taken_for_a_clause(verb: Token, clause: Token) -> bool:
    """Whether the parser took a participle before the cue's object for a clause of the cue's, with the noun
    its object: in "accused neighboring Eritrea of preparing for war" Eritrea is accused, of what "of" says."""
    return (
        clause.dep_ == "xcomp"
        and clause.tag_ == "VBG"
        and clause.i == verb.i + 1
        and any(o.dep_ == "dobj" and o.left_edge.i == clause.i + 1 for o in clause.children)
        and any(p.dep_ == "prep" and p.lower_ in {"of", "for"} and p.i > clause.right_edge.i for p in verb.children)
    )


def _one_side(verb: Token, words: list[Token], later: Token | None, lost_subject: bool) -> list[Token]:
    """What a cue reports, where the parser gives it clauses on both sides: one run of words, never over
    its own tag (quoted words aside, whose marks say where they run, and "what he believes was ground level").
    Set off by a comma, what follows the tag is the speaker's next act or the writer's ("Investigators have
    exhumed 440 bodies, the governor said Friday, many of them showing signs of torture"); right after the
    cue, a clause with a subject of its own is what was said, and what comes before it the writer's ("Some
    experts say there is no threat, however, others have warned the outbreak will spread")."""
    doc = verb.doc
    before = [t for t in words if t.i < verb.i]
    after = [t for t in words if t.i > verb.i and not t.is_punct]
    quoted = any(t.is_quote or t.text in QUOTE_MARKS for t in verb.sent)
    if later is None or not before or not after or quoted or before[0].tag_ in RELATIVE_TAGS:
        return words
    if any(t.text == "," for t in doc[verb.i + 1 : after[0].i]):
        # (but "the pollution had become so bad, Mr. Obama noted, that ..." is one thing said, around its tag)
        return words if after[0].lower_ == "that" else before
    said = has_subject(later) or lost_subject or after[0].lower_ == "that"
    return [t for t in words if t.i > verb.i] if said else before


def _clause_subject_taken_for_the_cues(verb: Token) -> Token | None:
    """The reported clause's subject where the parser made it a second subject of the cue, after it, and the
    clause's verb a participle on it with an object of its own ("say immigration agents arrested 23 people")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    after = [c for c in subjects if c.i > verb.i]
    if len(after) != 1 or not any(c.i < verb.i for c in subjects):
        return None
    subject = after[0]
    verbs = [
        c
        for c in subject.children
        if c.dep_ == "acl"
        and c.i > subject.i
        and c.tag_ in {"VBD", "VBN"}
        and any(o.dep_ == "dobj" for o in c.children)
    ]
    return subject if verbs and not comma_between_words(subject, verbs[0]) else None


def _clause_taken_for_a_first_subject(verb: Token) -> int | None:
    """Where the comma stands that ends a first subject of the cue which is the reported clause taken for a
    noun phrase, its verb a participle on its subject ("An autopsy found injuries ..., pathologist Bernard
    Midia told reporters"), or None. The phrase opens the sentence; the cue's subject follows the comma."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) != 2:
        return None
    first, second = subjects
    doc = verb.doc
    # (the parser may hang the comma on the first)
    end = first.right_edge.i
    while end > first.i and doc[end].is_punct:
        end -= 1
    between = doc[end + 1 : second.left_edge.i]
    if first.left_edge.i != verb.sent.start or not all(t.is_punct for t in between):
        return None
    if not any(t.text == "," for t in between):
        return None
    if not any(t.tag_ in {"VBD", "VBN"} and t.dep_ in {"amod", "acl"} for t in first.subtree):
        return None
    return end + 1


def _what_it_stands_for(verb: Token, words: list[Token]) -> list[Token]:
    """The infinitive an "it" the cue names stands for, where the parser hangs it elsewhere: 'called it
    "deeply unfair" for trans athletes to compete in girls' sports'."""
    if not any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children):
        return []
    doc = verb.doc
    after = past_quote_marks(doc, max(t.i for t in words) + 1)
    if after == len(doc) or doc[after].lower_ != "for" or doc[after].dep_ != "mark":
        return []
    clause = doc[after].head
    if verb.left_edge.i <= clause.i <= verb.right_edge.i or not is_infinitive(clause):
        return []
    return list(doc[after : clause.right_edge.i + 1])


def _is_relative_taken_for_a_clause(verb: Token, clause: Token) -> bool:
    """Whether a clause after the cue is a relative clause on a preposition's noun, which the parser hung on
    the cue: "reported revenue ..., ahead of the $94.4 billion analysts had expected". A reported clause never
    follows a preposition; one opened by a wh-word can ("of what he believes was ...")."""
    first = clause.left_edge
    return (
        clause.dep_ == "ccomp"
        and clause.i > verb.i
        and first.i > 0
        and first.doc[first.i - 1].dep_ == "prep"
        and first.tag_ not in RELATIVE_TAGS
        and not first.is_punct
    )


def _is_clause_taken_for_a_relative(word: Token) -> bool:
    """Whether the parser made a finite verb with no subject a relative clause of the noun before it, which is
    that subject: a relative clause has its subject, the relative pronoun or another ("the conclusions they
    drew"), or a relative adverb ("collusion where there is none"). Two subjects tell the same: in "said any
    deal that rewards aggression would be rejected" the parser read "rewards" as a noun, and made it and
    "that" both subjects of the clause's verb."""
    if word.dep_ != "relcl" or word.i < word.head.i or not is_finite(word):
        return False
    subjects = [c for c in word.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) > 1:
        return True
    return not subjects and not any(
        t.tag_ in RELATIVE_TAGS or t.dep_ == "expl" for t in word.doc[word.head.i + 1 : word.i]
    )


def _is_clause_taken_for_a_participle(word: Token) -> bool:
    """Whether the parser made the verb of a clause a participle on its subject, one a quote mark opens
    before ('the admiral "acted within his authority"')."""
    if word.dep_ != "acl" or word.tag_ not in {"VBD", "VBN"} or word.i < word.head.i + 2:
        return False
    opened = word.doc[word.i - 1].text in OPENING_QUOTES and word.i - 2 >= word.head.left_edge.i
    return opened and not any(c.dep_ in SUBJECT_DEPS for c in word.children)


def _reported_by_its_agent(verb: Token) -> Token | None:
    """The subject of "was reported by X" with no clause of its own: a thing named, not a pronoun ("which was
    first reported by The Associated Press") nor a phrase with an aside in it."""
    if not (
        verb.lemma_ == "report"
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ == "agent" for c in verb.children)
        and not any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children)
    ):
        return None
    return next(
        (c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i and _is_thing_named(c, list(c.subtree))),
        None,
    )


def _is_thing_named(subject: Token, words: list[Token]) -> bool:
    """Whether a passive's subject, in these words, names what was done to it: a noun phrase with no aside or
    relative in it ("which", "she" or "This" say nothing of it)."""
    return subject.pos_ in {"NOUN", "PROPN"} and not any(t.is_punct or t.tag_ in RELATIVE_TAGS for t in words)


def _reports_a_clause_of_its_own(verb: Token) -> bool:
    """Whether a cue reports a clause after it with a subject of its own: "said it would investigate"."""
    return lemma(verb) in CLAUSE_CUES and any(
        c.dep_ == "ccomp" and c.i > verb.i and has_subject(c) for c in verb.children
    )


def _is_name_given(verb: Token, word: Token) -> bool:
    """Whether the parser made the name a cue gives its object a measure of the verb: 'called it "a great day
    for America"' hangs "day" on "called" as it would "Tuesday"."""
    return (
        word.dep_ == "npadvmod"
        and verb.lemma_ in NAMING_CUES
        and word.ent_type_ not in {"DATE", "TIME"}
        and any(c.dep_ == "dobj" and c.i < word.i for c in verb.children)
    )


def _hearsay_subject(verb: Token, clauses: list[Token]) -> Token | None:
    """The subject of a passive of hearsay with an infinitive, whom what is said is about ("Putin is said to be
    furious", "Zelensky is said to have rejected the plan"), or None. Where the infinitive reports a clause, its
    subject is its speaker, and what it reports the content ("Erdogan was reported to have told aides ...")."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    infinitive = len(clauses) == 1 and clauses[0].dep_ == "xcomp" and clauses[0].i > verb.i
    if not (passive and infinitive and is_infinitive(clauses[0])) or lemma(clauses[0]) in CLAUSE_CUES:
        return None
    told_of = subject_told_of(verb)
    return told_of if told_of is not None and told_of.i < verb.i else None


def _with_lost_subject(verb: Token, clause: Token) -> list[Token]:
    """The words between the cue and a finite clause after it that has no subject, which are that subject
    though the parser hangs them on the cue: "said wait times for organs in China were as short as two
    weeks" reads "wait times" as a measure of saying and "for organs" as its preposition."""
    if (
        clause.i < verb.i
        or clause.dep_ != "ccomp"
        or not is_finite(clause)
        or any(c.dep_ in SUBJECT_DEPS | {"expl"} for c in clause.children)
        or clause.left_edge.lower_ == "that"
    ):
        return []
    between = list(verb.doc[verb.i + 1 : clause.left_edge.i])
    objects = [t for t in between if t.dep_ in {"dobj", "dative"} and t.head.i == verb.i]
    addressed = verb.lemma_ in ADDRESSEE_CUES and bool(objects)
    if addressed and (len(objects) > 1 or objects[0].dep_ == "dative"):
        # "They told you masks would stop the virus": whom the cue addresses, then the subject
        between = [t for t in between if t.i > objects[0].right_edge.i]
    elif addressed and (verb.lemma_ == "tell" or names_people(objects[0]) or objects[0].pos_ == "PRON"):
        # "told the committee her client wishes": the one object is whom the cue addresses; but "warned the
        # changes would worsen shortages" warns no changes
        return []
    # "wrote on Telegram that debris from a downed drone had fallen": the parser may take the "that" for the
    # subject's determiner; what was said starts with it, not with where it was said
    that = [t for t in between[1:] if t.lower_ == "that" and t.dep_ == "det"]
    between = between[between.index(that[-1]) :] if that else between
    if not any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in between):
        return []
    if any(t.is_punct for t in between) and not _sets_off_a_contrast(between):
        return []
    return between


def _sets_off_a_contrast(words: list[Token]) -> bool:
    """Whether the only punctuation in a subject is the pair of commas around a "not ..." that closes it:
    "said technical problems with a contractor's system, not manipulation, were to blame"."""
    commas = [t for t in words if t.is_punct]
    return (
        len(commas) == 2
        and all(t.text == "," for t in commas)
        and commas[1].i == words[-1].i
        and commas[0].i + 1 < commas[1].i
        and words[0].doc[commas[0].i + 1].lower_ == "not"
    )


def _tag_on_a_dateline(verb: Token) -> Token | None:
    """The subject of a closing tag whose sentence opens the story, when the parser hung what was said on the
    dateline's place as a relative clause and the place on the tag ("GAZA CITY — At least 27 people were killed
    overnight, the health ministry said"), leaving the cue no clause."""
    subject = subject_after_a_comma(verb)
    if verb.head.i != verb.i or subject is None:
        return None
    for place in verb.children:
        if place.i > subject.i or place.left_edge.i != verb.sent.start:
            continue
        story = story_start(verb.doc, place.left_edge.idx)
        if story is not None and any(t.pos_ == "VERB" and t.idx >= story for t in place.subtree):
            return subject
    return None


def _within_writers_frame(verb: Token) -> list[Token] | None:
    """The words of the clause the writer frames in the first person ("we learn that ...", "I know ...") and
    the verb lies in, without its "that"."""
    root = verb.sent.root
    if not any(c.dep_ == "nsubj" and c.lower_ in {"we", "i"} for c in root.children):
        return None
    framed = [c for c in root.children if c.dep_ == "ccomp" and c.left_edge.i <= verb.i <= c.right_edge.i]
    if not framed:
        return None
    return [t for t in framed[0].subtree if not (t.dep_ == "mark" and t.head == framed[0] and t.lower_ == "that")]


def words_outside(scope: Iterable[Token], taken: Iterable[Token]) -> list[Token]:
    """The tokens of `scope` that are not in `taken`, without punctuation or white space: what a cue's clause
    or an "according to" phrase leaves of the clause around it. A "%" is a word here ("rose 4%")."""
    skipped = set(taken)
    return [t for t in scope if t not in skipped and not (t.is_punct and t.text != "%") and not t.is_space]


def _comma_between(before: Token, after: Token) -> bool:
    """Whether a comma stands between the phrase of `before` and the phrase of `after`."""
    doc = before.doc
    return any(t.text == "," for t in doc[before.right_edge.i + 1 : after.left_edge.i])


def _finds_its_way(verb: Token) -> bool:
    """Whether "find" is the idiom of arriving: "another document has found its way into the public domain"."""
    return any(c.dep_ == "dobj" and c.lower_ == "way" for c in verb.children)


def _is_cue_of_its_own(verb: Token, clause: Token) -> bool:
    """Whether a clause after a cue is another cue, not the infinitive a cue of commitment takes: "vowed to
    continue the war" ("continue" is a cue too: "he continued: ...")."""
    return lemma(clause) in ALL_CUES and not (verb.lemma_ in PLEDGES and is_infinitive(clause))


def _relative_subject_before(verb: Token, clauses: list[Token]) -> bool:
    """Whether a clause the cue reports has for subject a relative pronoun before the cue ("a decision that
    critics said was made ...")."""
    return any(
        c.dep_ in SUBJECT_DEPS and (c.tag_ in RELATIVE_TAGS or c.lower_ == "that") and c.i < verb.i
        for clause in clauses
        for c in clause.children
    )


def _clause_after_the_citation(verb: Token) -> Token | None:
    """The that-clause the parser hangs on a "citing ..." set off by commas right after the cue, which is what
    the cue reports: "The Times reported, citing two officials, that the plan had been shelved"."""
    doc = verb.doc
    return next(
        (
            clause
            for c in verb.children
            if c.dep_ == "advcl" and is_citation_after(verb, c)
            for clause in c.children
            if clause.dep_ == "ccomp" and is_that_clause(clause) and doc[clause.left_edge.i - 1].text == ","
        ),
        None,
    )


def _subtree_range(heads: list[Token]) -> Range | None:
    return tokens_range([t for head in heads for t in head.subtree])
