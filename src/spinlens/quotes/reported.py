"""Reported speech found from its cue (`from_cue`): "X said ...", tags closing the sentence ("..., warned
the IMF"), "according to X", "per X", "in the words of X", a poll's finding ("Smith leads in the latest
poll"), claims owned by their speaker ("Trump's claim that ..."), and cues a headline's tagger takes for nouns.
Each takes its speaker from `attribution` and its content from `content`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spinlens.parsing import doc_text
from spinlens.quotes.attribution import OPENING_QUOTES, cue_of, is_tag_taken_for_a_noun, speaker_of, stopped_short
from spinlens.quotes.closing import (
    CLAUSE_DEPS,
    ends_sentence,
    is_according_to,
    is_conjunct_without_and,
    is_noun_taken_for_a_verb,
    not_reported,
    participle_tag,
    remark_cue_taken_for_a_plural,
    remark_taken_for_a_name,
)
from spinlens.quotes.content import block_quote, content_of, words_outside
from spinlens.quotes.cues import (
    ALL_CUES,
    CLAUSE_CUES,
    EVIDENCE_CUES,
    EVIDENCE_NOUNS,
    FINDING_CUES,
    FORCE_CUES,
    GROWTH_CUES,
    OTHER_SENSE_PARTICLES,
    QUESTION_CUES,
    SAYING_NOUNS,
    STANCE_CUES,
)
from spinlens.quotes.direct import FIRST_SECOND_PERSON, RUBRIC_OPENING, RUBRICS
from spinlens.quotes.exclusions import (
    ANYONE,
    adds_to_something,
    asks_anonymity,
    calls_in,
    convenes,
    dismisses_someone_or_a_case,
    heads_its_line,
    is_anyone_of_a_kind,
    is_asked_about,
    is_demanded,
    is_force,
    is_hypothetical,
    is_known_as,
    is_no_one,
    is_participle_taken_for_the_verb,
    is_phone_number,
    is_proposed,
    is_question,
    is_supposed,
    is_that_said,
    is_writers_aside,
    judges_what_is_said,
    names_a_thing,
    notes_no_words,
    promises_to_be_something,
    said_by_me,
    tells_how_it_was_made,
)
from spinlens.quotes.marks import Range
from spinlens.quotes.speakers import PERSON_ROLES
from spinlens.quotes.syntax import (
    CLOSING_QUOTES,
    DASHES,
    FINITE_TAGS,
    QUOTE_MARKS,
    RELATIVE_TAGS,
    SUBJECT_DEPS,
    Found,
    after_dateline_words,
    comma_ending_at,
    ends_its_sentence,
    has_subject,
    is_circumstance,
    is_participle_after_comma,
    is_spaced_dash,
    is_that_clause,
    lemma,
    names_people,
    span_range,
    strip,
    tokens_range,
    trimmed_subtree,
    word_range,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Nouns of words in "-s" that a headline's tagger reads as its verb, after the cue it takes for a noun: "Kremlin
# rejects claims ...", "... rejects calls for ..."
_HEADLINE_OBJECTS = frozenset({"calls", "claims", "reports"})
_OBLIGATIONS = frozenset({"must", "should", "ought"})
_QUALIFIED_CLAUSE_DEPS = frozenset({"advcl", "relcl"})
# Nouns for words said whose owner's possessive is their speaker: "Trump's claim that ...", "his warning that ..."
_OWNED_CLAIMS = frozenset(
    {
        "claim", "allegation", "assertion", "contention", "insistence", "argument", "warning", "promise",
        "pledge", "vow", "suggestion", "prediction", "boast", "statement", "denial", "admission",
    }
)  # fmt: skip
_REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves", "ourselves", "myself", "yourself"})
# Adverbs by which the writer links a sentence to the story before it; a quote mark before them would make
# them the speaker's, but a clause reported before its cue opens on no mark
_CONNECTIVES = frozenset(
    {"meanwhile", "however", "separately", "moreover", "furthermore", "additionally", "elsewhere", "nevertheless",
     "nonetheless"}
)  # fmt: skip
# What "according to" names with no article when it says how a thing went, not who said it: "proceeding
# according to plan" ("according to the plan" may cite a document, '"...," according to the plan')
_AS_PLANNED = frozenset({"plan", "schedule", "script", "protocol", "tradition", "custom", "design"})
# What "in" cites as the source of the clause it hangs on, as "according to" would: "In a CBS poll released
# Monday, Smith led Jones by 8 points", "Jones trails in the latest polls"
_POLLS = frozenset({"poll", "survey", "polling"})
# Words that leave the polls after their "of" the source: "in the RealClearPolitics average of New Hampshire
# polls", "in one of the first post-debate polls", "in most of the surveys"
_SHARES_OF_POLLS = frozenset(
    {"average", "aggregate", "one", "most", "all", "each", "several", "many", "some", "series", "majority"}
)
# Verbs of taking part in a poll, not of what it found: "Thousands took part in the survey", "voted in an
# online poll"
_TAKING_PART = frozenset({"take", "participate", "vote", "respond", "enroll", "include"})
# A verb's children that begin another clause than its own
_OTHER_CLAUSE_DEPS = frozenset({"conj", "advcl", "parataxis", "ccomp", "xcomp"})


def _statement_put_out(verb: Token) -> Found | None:
    """A statement put out closing its line with a colon ("The governor issued the following statement:", "Smith
    made the following comment:", "The ministry released a statement:"): the paragraph after it, a block quote,
    is the subject's words, as after a cue of saying that closes its line ("The governor added:"). Verbs that
    are cues themselves ("posted this tweet:") are theirs."""
    if verb.pos_ != "VERB" or lemma(verb) in ALL_CUES:
        return None
    statement = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in SAYING_NOUNS), None)
    if statement is None:
        return None
    doc = verb.doc
    colon = verb.right_edge
    while colon.is_space and colon.i > verb.i:
        colon = doc[colon.i - 1]
    if colon.text != ":" or colon.i < statement.i or any(t.is_punct for t in doc[statement.i + 1 : colon.i]):
        return None
    text = doc_text(doc)
    line_end = _line_closed_by(text, colon)
    if line_end is None:
        return None
    speaker = speaker_of(verb)
    content = block_quote(text, line_end)
    if speaker is None or content is None:
        return None
    return Found(content, span_range(speaker), (verb.idx, statement.idx + len(statement.text)), direct=False)


def _owned_claim(noun: Token) -> Found | None:
    """A claim its owner's possessive names, with what is claimed in a that-clause on it: in "Politifact
    seized on Trump's claim that there have been thousands of shootings" Trump claims there have been; "his
    warning that the deal would collapse" is his. "The claim that vaccines cause autism" names no one."""
    if noun.pos_ != "NOUN" or noun.lemma_ not in _OWNED_CLAIMS or not noun.is_lower:
        # (a headline in title case is parsed as a run of names: "Dem Congressman Corrects ADL Claim That ...")
        return None
    owners = [c for c in noun.children if c.dep_ == "poss" and c.i < noun.i]
    clauses = [
        c
        for c in noun.children
        if c.dep_ in {"acl", "ccomp"}
        and c.left_edge.i == noun.i + 1
        # (or with an "it" or "there" for subject: "claim that there have been thousands of shootings")
        and (is_that_clause(c) or (c.left_edge.lower_ == "that" and any(t.dep_ == "expl" for t in c.children)))
    ]
    if not owners or not clauses:
        return None
    speaker = tokens_range([t for t in owners[0].subtree if t.dep_ != "case"])
    # (what closes the clause may be the owner's critic's: "rejected Pakistan's claims that it had shot down six
    # jets, calling them baseless")
    cut = not_reported(clauses[0])
    content = tokens_range([t for t in clauses[0].subtree if t not in cut])
    if speaker is None or content is None:
        return None
    return Found(content, speaker, word_range(noun), direct=False)


def _cue_taken_for_a_noun(noun: Token) -> Found | None:
    """A headline's "X rejects calls for Y", which the parser reads as "X rejects" (a plural noun) calling for Y:
    X is the speaker, "rejects" the cue and "calls for Y" what is rejected; so "Kremlin rejects claims Russia
    plans to attack NATO" and "Kremlin dismisses reports Putin is ill", where the cue may keep its tag."""
    if noun.lower_ not in _HEADLINE_OBJECTS or noun.tag_ != "VBZ":
        return None
    subjects = [c for c in noun.children if c.dep_ == "nsubj" and c.i == noun.i - 1 and c.tag_ in {"NNS", "VBZ"}]
    if not subjects or subjects[0].left_edge.i == subjects[0].i:
        return None
    cue = subjects[0]
    if lemma(cue) not in ALL_CUES:  # the noun's lemma is the verb's: "rejects" -> "reject"
        return None
    speaker = tokens_range([t for t in cue.subtree if t.i < cue.i])
    content = tokens_range([t for t in noun.subtree if t.i >= noun.i])
    if speaker is None or content is None:
        return None
    return Found(content, speaker, word_range(cue), direct=False, by_object=True)


def _remark_taken_by_a_plural(cue: Token) -> Found | None:
    """The remark a present-tense cue read as a plural noun closes ("..., a claim the Russian military
    rejects"): the words before the cue speak, and the remark is what they reject."""
    if not remark_cue_taken_for_a_plural(cue):
        return None
    speaker = tokens_range(list(cue.doc[cue.left_edge.i : cue.i]))
    remark = tokens_range(list(cue.doc[cue.head.left_edge.i : cue.head.i + 1]))
    if speaker is None or remark is None:
        return None
    return Found(remark, speaker, word_range(cue), direct=False, by_object=True)


def _clause_cue_taken_for_a_plural(cue: Token) -> Found | None:
    """A present-tense cue after a bare name that the tagger reads as a plural noun, the name its modifier:
    "Trump predicts that the war will end soon", or its head ("Trump charges that ...", read as the
    sentence's head with "charges" its object, and the that-clause hung on either). With no other verb but
    the one in its that-clause, the sentence's cue is the "noun", and the name before it speaks
    ("Intelligence reports that ..." too)."""
    if cue.tag_ != "NNS" or lemma(cue) not in CLAUSE_CUES or cue.i + 1 >= cue.sent.end:
        return None
    that, root = cue.nbor(), cue.sent.root
    if that.lower_ != "that" or that.dep_ != "mark" or that.head.head not in {cue, root}:
        return None
    if not (cue == root or (cue.head == root and root.i == cue.i - 1)):
        return None
    # (after "But" or "And" opening the sentence)
    names = [t for t in cue.sent if t.i < cue.i and not (t.i == cue.sent.start and t.dep_ == "cc")]
    if not names or not all(t.is_title and t.pos_ != "DET" for t in names):
        return None
    speaker = tokens_range(names)
    content = tokens_range(list(that.head.subtree))
    if speaker is None or content is None:
        return None
    return Found(content, speaker, word_range(cue), direct=False)


def from_cue(token: Token) -> list[Found]:
    if is_according_to(token):
        return _according_to(token, token.nbor())
    if _is_per_source(token):
        return _according_to(token, token)
    if (in_the_words := _in_the_words_of(token)) is not None:
        return [in_the_words]
    if (poll := _in_a_poll(token)) is not None:
        return poll
    # a cue the tagger took for a noun, or a noun that is one
    taken = (
        _cue_taken_for_a_noun(token)
        or _clause_cue_taken_for_a_plural(token)
        or _evidence_tag_taken_for_a_noun(token)
        or _remark_taken_by_a_plural(token)
        or _owned_claim(token)
        or _statement_put_out(token)
    )
    if taken is not None:
        return [taken]
    if not (token.pos_ in {"VERB", "AUX"} or is_tag_taken_for_a_noun(token)) or lemma(token) not in ALL_CUES:
        return []
    if is_noun_taken_for_a_verb(token):
        # "..., a finding Israel's mission rejected as ...": a noun, whatever the tagger makes of it
        return []
    if token.lower_ in RUBRICS and token.i + 1 < len(token.doc) and token.nbor().text == ":" and heads_its_line(token):
        # a fact check's "CLAIM: Noise from wind turbines causes cancer" heads the claim it checks; no one is
        # reported claiming it
        return []
    stopped = stopped_short(token)
    speaker = speaker_of(stopped or token)
    shared = _shared_subject(token) if speaker is None else None
    speaker = speaker or shared
    if (speaker is None and token.tag_ == "VB" and token.dep_ == "ROOT") or is_proposed(token):
        # an imperative speaks to the reader ("Ask yourself: who benefits?", "Don't blame Bush"), and so does the
        # writer's "Let's say that I'm right"; no one is quoted
        return []
    if (
        any(c.dep_ == "aux" and c.lower_ in _OBLIGATIONS for c in token.children) and not said_by_me(token)
    ) or is_demanded(token):
        # "the government must explain why ...", "it should be noted that ...": what someone ought to say, or
        # the writer's aside, is no report of words said; "I must say that ..." says it
        return []
    if (
        is_writers_aside(token)
        or is_hypothetical(token)
        or is_that_said(token)
        or is_known_as(token)
        or promises_to_be_something(token)
        or is_participle_taken_for_the_verb(token)
        or judges_what_is_said(token)
    ):
        return []
    if lemma(token) == "call" and (
        names_a_thing(token)
        or convenes(token)
        or any(c.dep_ in {"dobj", "oprd"} and is_phone_number(c.text) for c in token.children)
        or calls_in(token)
    ):
        # "swollen lymph nodes, called buboes" names; "called a snap election" convenes; "called 911" and "called
        # into a radio program" telephone ('called the ruling "a correct one"' does not, nor 'called the AR-15 "a
        # weapon of war"')
        return []
    if token.dep_ == "pcomp" and token.head.lower_ == "without":
        # "she wrote, without citing evidence", "left without saying a word": what was not said
        return []
    if speaker is None and tells_how_it_was_made(token):
        # "VDAWDI, calculated using ... employment figures, rose": how a figure was worked out, not a report
        return []
    if lemma(token) == "dismiss" and dismisses_someone_or_a_case(token):
        # "Zelensky dismissed his chief of staff": a firing, not a verdict ("dismissed Trump as a clown" is one);
        # "prosecutors dismissed the charge": a case ended
        return []
    if lemma(token) == "note" and notes_no_words(token):
        return []
    if lemma(token) in FINDING_CUES and _finds_oneself(token):
        # "found himself embroiled in controversy": where someone ended up, not what anyone found
        return []
    if (
        lemma(token) == "mention"
        and token.i > 1
        and [t.lower_ for t in token.doc[token.i - 2 : token.i]] == ["not", "to"]
    ):
        # "..., not to mention the privacy of its users": the writer's "and also", no one's words
        return []
    if lemma(token) == "refer" and any(c.dep_ == "dobj" for c in token.children):
        # "referred Fauci to the Justice Department" sends a case on; "referred to him as ..." speaks
        return []
    if (
        lemma(token) == "hail"
        and any(c.dep_ == "prep" and c.lower_ == "from" for c in token.children)
        and not any(c.dep_ in {"dobj", "nsubjpass"} for c in token.children)
    ):
        # "Gonzalez hails from McAllen, Texas": where someone comes from, not praise ("hailed the deal from
        # the summit" praises it)
        return []
    if lemma(token) == "deny" and any(c.dep_ == "dobj" and c.lemma_.lower() in _GRANTED for c in token.children):
        # "decided to deny the CIA's request", "was denied bail": a refusal to grant, not a denial of words
        return []
    if lemma(token) != "retort" and any(c.dep_ == "prt" and c.lower_ in OTHER_SENSE_PARTICLES for c in token.children):
        # "called off the strike", "called up reservists", "showed up": another verb, no speech
        return []
    if lemma(token) in FORCE_CUES and speaker is not None and is_force(speaker.root):
        return []
    if lemma(token) in GROWTH_CUES and adds_to_something(token):
        return []
    if lemma(token) in QUESTION_CUES and asks_anonymity(token):
        # "a senior official, who asked not to be named, said ...": the terms of the interview, not what was said
        return []
    if lemma(token) in STANCE_CUES and (
        speaker is None
        or speaker.text.lower() in FIRST_SECOND_PERSON | ANYONE
        or is_anyone_of_a_kind(speaker)
        or is_question(token.sent)
        or is_supposed(token)
    ):
        return []
    if speaker is not None and is_no_one(speaker):
        # "Nobody seriously disputes this", "No one can say ...": the writer's claim that no words were given,
        # not a report of any
        return []
    if is_question(token.sent) and is_asked_about(token):
        # "When will parents say enough is enough?", "Could we possibly say that ...?": a question about words
        # someone might say, not a report of them ("But has he called for changing ...?" asks about words
        # said, and PolNeAR marks it)
        return []
    tag = (
        _inverted_tag(token)
        or _stranded_tag(token)
        or _relative_tag(token)
        or participle_tag(token)
        or _speaker_hung_in_the_quote(token)
    )
    if tag is not None:
        speaker, span, by_object = tag
    else:
        span, by_object = content_of(token, after_only=shared is not None)
    text = doc_text(token.doc)
    content = worded(text, _with_stranded_object(token.doc, span))
    if content is not None:
        content = _past_the_programme(token.doc, _without_connective(token.doc, content))
    if content is None or (by_object and text[content[0] : content[1]].lower() in _REFLEXIVES):
        # "Israel defends itself": an act, not words
        return []
    speaker_range = _with_closing_mark(text, worded(text, span_range(speaker)))
    return [Found(content, speaker_range, cue_of(token), direct=False, by_object=by_object)]


def _finds_oneself(find: Token) -> bool:
    """Whether "find" takes a reflexive, past an adverb: "now finds herself struggling"."""
    after = next((t for t in find.doc[find.i + 1 : find.sent.end] if t.pos_ != "ADV"), None)
    return after is not None and after.lower_ in _REFLEXIVES


def _evidence_tag_taken_for_a_noun(show: Token) -> Found | None:
    """A closing "X data show" that the parser made a noun phrase on the clause before it, as if it said
    when: "Gun sales jumped 12 percent in October, FBI background-check data show"."""
    if show.pos_ != "NOUN" or show.dep_ != "npadvmod" or show.lemma_ not in EVIDENCE_CUES:
        return None
    doc = show.doc
    comma = show.left_edge.i - 1
    source = doc[show.i - 1] if show.i > 0 else show
    if (
        show.head.i >= show.i
        or source.dep_ != "compound"
        or source.tag_ != "NNS"
        or comma <= show.sent.start
        or doc[comma].text != ","
        or not ends_its_sentence(show)
    ):
        return None
    speaker = tokens_range(list(doc[show.left_edge.i : show.i]))
    content = tokens_range(list(doc[show.sent.start : comma]))
    if speaker is None or content is None:
        return None
    return Found(content, speaker, word_range(show), direct=False)


def _inverted_tag(verb: Token) -> tuple[Span, Range | None, bool] | None:
    """Speaker and content of a tag that closes the sentence with its subject after the cue, as the British
    press writes: "Inflation will stay high for years, warned the IMF on Tuesday", "The plan will fail,
    warns the minister". The parser makes the cue a conjunct of the clause it reports and the speaker its
    subject or object; an object must be a name or a role ("..., vows Defence Minister"): "He won the race,
    claimed the title" quotes no title."""
    head = verb.head
    if not _closes_sentence(verb, {"conj"}) or verb.doc[verb.i - 1].text != ",":
        return None
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
        return None
    nouns = [
        c
        for c in verb.children
        if c.left_edge.i == verb.i + 1
        and (
            c.dep_ == "nsubj"
            or (
                c.dep_ in {"dobj", "attr"}
                and (c.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or c.lemma_.lower() in PERSON_ROLES)
            )
        )
    ]
    if not nouns:
        return None
    said = [t for t in head.subtree if t.i < verb.i - 1]
    return trimmed_subtree(nouns[0], verb), tokens_range(said), False


def _closes_sentence(verb: Token, deps: set[str]) -> bool:
    """Whether a cue closes its sentence as a tag after what it reports: hung by one of `deps` on a verb
    before it, with nothing of its own before it, no clause of its own after it ("..., after Ms. Feinstein,
    ranking Democrat on the committee, said she received a letter") and at most a word or two after its
    phrase."""
    return (
        verb.dep_ in deps
        and verb.head.i < verb.i
        and not any(c.i < verb.i or c.dep_ in CLAUSE_DEPS for c in verb.children)
        and ends_sentence(verb)
    )


def _stranded_tag(verb: Token) -> tuple[Span, Range | None, bool] | None:
    """Speaker and content of a closing tag whose speaker the parser hung on the reported clause's last noun,
    as its apposition, leaving the cue with no subject: a conjunct or an adverbial clause ("... are nothing
    but naked hegemony, Chinese Foreign Ministry spokesperson Mao Ning said on Thursday."), or the root with
    the clause its complement ("... killing five civilians, including a child, the head of the Donetsk
    People's Republic, Denis Pushilin, said."). The speaker is the outermost apposition that ends the clause,
    set off by a comma, with a name in it."""
    head = _reported_before(verb)
    if head is None or verb.tag_ not in FINITE_TAGS:
        return None  # "..., veterans of Bush's White House, asking them to draft a speech": no tag
    doc = verb.doc
    last = doc[verb.i - 2] if doc[verb.i - 1].text == "," else doc[verb.i - 1]
    speaker = None
    token = last
    # (the parser may hang the comma before the cue on the apposition)
    while token.i != head.i and last.i <= token.right_edge.i < verb.i:
        comma = token.left_edge.i - 1
        if (token.dep_ == "appos" or is_conjunct_without_and(token)) and (
            doc[comma].text == "," and comma > head.left_edge.i
        ):
            speaker = token
        token = token.head
    if speaker is None or not any(t.pos_ == "PROPN" for t in speaker.subtree):
        return None
    described = _speaker_taken_for_an_object(verb)
    if described is not None and speaker.head.i == described.i:
        # '"It is over," the agency's chief, John Smith, said': the description the name stands beside speaks
        # too, though the parser made it an object of the quoted clause
        speaker = described
    said = [t for t in head.subtree if t.i < speaker.left_edge.i - 1]
    # the parser may hang a closing quote mark on the name after it
    first = next(t for t in speaker.subtree if not t.is_punct)
    return doc[first.i : last.i + 1], tokens_range(said), False


def _relative_tag(verb: Token) -> tuple[Span, Range | None, bool] | None:
    """Speaker and content of a closing tag the parser took for a relative clause with no relative pronoun
    on the clause's last noun: '... is "the lie of the century" fabricated by anti-China forces, a
    spokesperson for the regional government said on Friday' (as if "the lie that a spokesperson said")."""
    if verb.dep_ != "relcl" or verb.tag_ not in FINITE_TAGS:
        return None
    if not (ends_sentence(verb) or (lemma(verb) in CLAUSE_CUES and _remark_closes(verb))):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) != 1 or any(c.tag_ in RELATIVE_TAGS for c in verb.subtree):
        return None
    if remark_taken_for_a_name(verb) is not None:
        # "..., a claim Ukraine's General Staff swiftly denied": the subject is the writer's remark on the
        # clause, with the speaker on it
        return None
    doc, speaker = verb.doc, subjects[0]
    comma = speaker.left_edge.i - 1
    if comma <= verb.sent.start or doc[comma].text != "," or speaker.left_edge.i != verb.left_edge.i:
        return None
    return trimmed_subtree(speaker, verb), tokens_range(list(doc[verb.sent.start : comma])), False


def _speaker_hung_in_the_quote(verb: Token) -> tuple[Span, Range | None, bool] | None:
    """Speaker and content of a tag with no subject, whose speaker the parser hung on the quote's last noun
    as an apposition: '"Every night, they cross my land," one rancher, who asked that his name not be used,
    told me' (as if the land were the rancher)."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    doc = verb.doc
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i):
        for named in (t for t in clause.subtree if t.dep_ == "appos"):
            # (the parser may hang the closing mark on the apposition too)
            mark = next((t.i for t in named.subtree if t.text not in CLOSING_QUOTES), named.i) - 1
            if mark > clause.left_edge.i and doc[mark].text in CLOSING_QUOTES and doc[mark - 1].text in {",", "?", "!"}:
                return trimmed_subtree(named, verb), tokens_range(list(doc[clause.left_edge.i : mark + 1])), False
    return None


def _remark_closes(verb: Token) -> bool:
    """Whether all that follows a tag in its sentence is the writer's remark on the clause before it, a noun
    phrase after a comma that the parser hangs on that clause: "..., Finance Minister Bezalel Smotrich
    announced, a move he said would bury the idea of a Palestinian state" (the parser may hang the comma on
    the tag)."""
    doc = verb.doc
    comma = max(t.i for t in verb.subtree if not t.is_punct) + 1
    if comma + 1 >= verb.sent.end or doc[comma].text != ",":
        return False
    remark = next((t for t in doc[comma + 1 : verb.sent.end] if t.left_edge.i == comma + 1 and t.dep_ == "appos"), None)
    return remark is not None and remark.head.i < verb.left_edge.i and ends_its_sentence(remark.right_edge)


def _reported_before(verb: Token) -> Token | None:
    """The clause a cue with no subject of its own closes the sentence after, or None."""
    if _closes_sentence(verb, {"conj", "advcl"}):
        return verb.head
    if verb.dep_ != "ROOT" or not ends_sentence(verb):
        return None
    before = [c for c in verb.children if c.i < verb.i and c.dep_ != "punct"]
    if len(before) != 1 or before[0].dep_ != "ccomp":
        return None
    return before[0]


def _with_stranded_object(doc: Doc, span: Range | None) -> Range | None:
    """The content with the rest of its sentence when it ends on a preposition without its object: the
    parser sometimes hangs a headline's last words on the cue, or makes them a sentence of their own
    ("Drugmaker says weight-loss pill cut heart attacks by" | "a fifth")."""
    if span is None:
        return None
    last = doc.char_span(span[0], span[1], alignment_mode="expand")
    if last is None or len(last) == 0:
        return span
    preposition = last[-1]
    if preposition.dep_ != "prep" or any(c.dep_ == "pobj" for c in preposition.children):
        return span
    if preposition.i + 1 < len(doc) and doc[preposition.i + 1].is_punct:
        # '"This is the moment we have been waiting for," said ...': a clause may end on its preposition
        return span
    # to the end of the sentence as the text stops it: the parser may have broken off the stranded words
    rest = []
    for token in doc[preposition.i + 1 :]:
        if token.text in {".", "?", "!"} or "\n" in token.text:
            break
        rest.append(token)
    end = tokens_range(rest)
    return span if end is None else (span[0], end[1])


def worded(text: str, span: Range | None) -> Range | None:
    """The span without the white space around it (a subtree may end on a paragraph break); None when it
    holds no word. A span never crosses a paragraph: `parsing.load_spacy` ends a sentence at each line break."""
    if span is None or not any(c.isalnum() for c in text[span[0] : span[1]]):
        return None
    start, end = span
    # a tag set inside what was said ("..., he said later, his affair wouldn't ...") leaves its comma behind
    while text[start] in ",;" or text[start].isspace():
        start += 1
    return strip(text, start, end)


def _with_closing_mark(text: str, span: Range | None) -> Range | None:
    """The span with the quote mark that closes one it opened: 'The so-called "experts"', not '... "experts'
    (also past the comma the mark closes over: 'The book, "Original Sin,"')."""
    if span is None or span[1] >= len(text):
        return span
    words = text[span[0] : span[1]]
    if not (words.count('"') % 2 == 1 or words.count("“") > words.count("”")):
        return span
    if text[span[1]] in {'"', "”"}:
        return span[0], span[1] + 1
    if text[span[1] : span[1] + 2] in {',"', ",”"}:
        return span[0], span[1] + 2
    return span


def _without_connective(doc: Doc, content: Range) -> Range:
    """The content without the adverb and comma that open its sentence and tie it to the writer's story, not
    to what was said: "Meanwhile, Russian strikes on Kyiv killed six people, the mayor said"; or without the
    kind of piece that heads it ("Exclusive: U.S. weighs new sanctions, sources say")."""
    words = doc.char_span(content[0], content[1], alignment_mode="expand")
    first = words[0] if words else None
    if (
        first is not None
        and first.idx == content[0]
        and first.i == first.sent.start
        and first.lower_ in _CONNECTIVES
        and first.dep_ == "advmod"
        and first.i + 2 < len(doc)
        and doc[first.i + 1].text == ","
        and doc[first.i + 2].idx < content[1]
    ):
        return doc[first.i + 2].idx, content[1]
    rubric = RUBRIC_OPENING.match(doc_text(doc), content[0], content[1])
    if rubric is not None and rubric.group(1).lower() in RUBRICS and rubric.end() < content[1]:
        # the outlet's "Exclusive:" heading a headline is no part of what the sources say
        return rubric.end(), content[1]
    return content


def _past_the_programme(doc: Doc, content: Range) -> Range:
    """The content past the programme it was said on, which the parser may read as a clause of the cue's with
    the that-clause on it, where the title holds a verb: 'told NBC's "Meet the Press" that ...', 'said on CBS's
    "Face the Nation" on Sunday that ...'. Before the "that" stand only names and the title in quote marks."""
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    that = next((w for w in span[:12] if w.lower_ == "that" and w.dep_ == "mark"), None) if span else None
    if span is None or that is None:
        return content
    # (the content may open inside the title, past its opening mark)
    inside = span.start > 0 and doc[span.start - 1].text in OPENING_QUOTES
    title: list[Token] = []
    for word in doc[span.start : that.i]:
        if word.text in QUOTE_MARKS:
            inside = not inside
        elif inside:
            title.append(word)
        elif not (word.pos_ == "PROPN" or word.tag_ == "POS" or word.ent_type_ == "DATE" or word.lower_ == "on"):
            return content
    if inside or not title or not title[0].is_title:
        return content
    return that.idx, content[1]


# What is granted or refused, which "deny" refuses rather than gainsays
_GRANTED = frozenset(
    {"request", "application", "permit", "permission", "visa", "entry", "access", "bail", "petition", "motion",
     "licence", "license", "asylum", "parole", "process", "appeal", "service", "benefit", "funding"}
)  # fmt: skip


def _shared_subject(verb: Token) -> Span | None:
    """The subject a headline's cue shares with the verb before it: in "Fed holds rates steady, signals
    two cuts in 2025" the parser makes the first clause what "signals" reports, with no subject of its own
    (and in 'Maduro calls US strikes "murder," vows to resist', where a quote mark closes after the comma)."""
    if verb.tag_ != "VBZ" or verb.i == 0 or comma_ending_at(verb.doc, verb.i - 1) is None:
        return None
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and c.tag_ == "VBZ"]
    subjects = [s for c in before[:1] for s in c.children if s.dep_ == "nsubj" and s.i < c.i]
    return after_dateline_words(subjects[0], verb) if subjects else None


def _speaker_taken_for_an_object(verb: Token) -> Token | None:
    """The speaker of a tag after a quote that the parser made an object of the quoted clause: in '"It is
    over," the agency's chief, John Smith, said' the chief is what "it is"; nothing but the closing quote
    mark and a comma stand between the clause's words and the speaker's, and only a comma after them."""
    doc = verb.doc
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i):
        for noun in (c for c in clause.children if c.dep_ in {"attr", "dobj"} and c.i > clause.i):
            closing = noun.left_edge.i - 1
            if (
                closing > 0
                and doc[closing].text in CLOSING_QUOTES
                and doc[closing - 1].text == ","
                and all(t.is_punct for t in doc[noun.right_edge.i + 1 : verb.i])
                and noun.pos_ in {"NOUN", "PROPN"}
            ):
                return noun
    return None


def _is_per_source(per: Token) -> bool:
    """Whether "per" says whose word it is, as "according to" does, set off at the sentence's start or after
    a comma: "Per Kremlin spokesman Dmitry Peskov, the move would be ...", "..., per a statement from the
    ministry" (not "$5 per day", "per capita" or "as per")."""
    if per.lower_ != "per" or per.dep_ != "prep":
        return False
    if not _set_off(per):
        return False
    source = next((c for c in per.children if c.dep_ == "pobj"), None)
    return source is not None and (
        source.ent_type_ in {"PERSON", "ORG"}
        or source.lemma_.lower() in SAYING_NOUNS | EVIDENCE_NOUNS
        or names_people(source)
    )


def _set_off(phrase: Token) -> bool:
    """Whether a phrase opens its sentence or follows a comma, as a source's does ("Per Kremlin spokesman ...",
    "..., in the words of one diplomat, ...")."""
    return phrase.i == phrase.sent.start or phrase.doc[phrase.i - 1].text == ","


def _in_the_words_of(in_: Token) -> Found | None:
    """The words an "in the words of" phrase, set off at the sentence's start or after a comma, gives its
    source: those after it ("Mrs. Clinton was, in the words of a senior adviser, 'the torchbearer' of his
    legacy": the torchbearer; the sentence before it is the writer's frame), or a quote closing right before
    it ('she doesn't like "surprises," in the words of one top staffer, and ...')."""
    doc = in_.doc
    if in_.lower_ != "in" or in_.dep_ != "prep":
        return None
    after_quote = in_.i >= 2 and doc[in_.i - 1].text in CLOSING_QUOTES and doc[in_.i - 2].text == ","
    if not (_set_off(in_) or after_quote):
        return None
    words = next((c for c in in_.children if c.dep_ == "pobj" and c.lower_ == "words"), None)
    if words is None or [c.lower_ for c in words.children if c.dep_ == "det"] != ["the"]:
        return None
    of = next((c for c in words.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    source = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if of is None or source is None:
        return None
    # the source ends at the phrase's comma, where the parser may run it on into the words after it, or with
    # the sentence ('"dead," in the words of one diplomat.')
    comma = next((t for t in doc[source.i : in_.sent.end] if t.text == ","), None)
    end = comma.i if comma is not None else source.right_edge.i + 1
    speaker = tokens_range(list(doc[source.left_edge.i : end]))
    content = None
    if after_quote:
        # (not the "But" tying the sentence to the one before)
        start = in_.sent.start + (doc[in_.sent.start].dep_ == "cc")
        content = tokens_range(list(doc[start : in_.i]))
        content = _without_connective(doc, content) if content is not None else None
    elif comma is not None:
        # across the phrase where it parts a subject from its verb, as "according to" does ("The plan, in the
        # words of the minister, is a game-changer")
        parted = next((c for c in in_.head.children if c.i < in_.i and _parted_subject(c, in_)), None)
        start = parted.left_edge.i if parted is not None else comma.i + 1
        content = tokens_range(list(doc[start : in_.sent.end]))
    if speaker is None or content is None:
        return None
    return Found(content, speaker, (in_.idx, of.idx + len(of.text)), direct=False)


def _in_a_poll(in_: Token) -> list[Found] | None:
    """What an "in" phrase naming a poll reports as the poll's finding, which PolNeAR attributes to the poll as
    it does "according to a poll": the clause after it where it opens the clause ("In the latest CBS poll, Smith
    leads Jones by 8 points"), or the clause it closes ("Smith is ahead in the polls"). None where the phrase
    is not of the kind ("The questions in the survey were biased", "Thousands took part in the survey")."""
    verb = _poll_finding(in_)
    if verb is None:
        return None
    if in_.i < verb.i:
        return _according_to(in_, in_)
    doc = in_.doc
    source = trimmed_subtree(next(c for c in in_.children if c.dep_ == "pobj"))
    # (an apposition after the poll is the writer's: "in the latest poll, a collapse driven by ...")
    end = next((t.i for t in source if t.text == ","), source.end)
    # the clause the phrase closes, from its first word or the semicolon before it ("...; Obama rocketed in the
    # polls"), with what follows the phrase in the clause's own run ("Smith leads Jones in the poll by 8
    # points"), up to the next clause or punctuation
    start = max([t.i + 1 for t in doc[in_.sent.start : verb.i] if t.text in {";", ":"}] + [verb.left_edge.i])
    # (not the "But" tying it to the sentence before, nor the "though" tying it to its main clause)
    while start < in_.i and doc[start].dep_ in {"cc", "mark"}:
        start += 1
    others = {t for c in verb.children if c.dep_ in _OTHER_CLAUSE_DEPS for t in c.subtree}
    last = in_.right_edge.i
    while last < verb.right_edge.i:
        word = doc[last + 1]
        # (a hyphen within a word goes on: "by a three-percentage-point margin")
        if (word.is_punct and (word.text != "-" or doc[last].whitespace_)) or word in others:
            break
        if word.dep_ == "cc" and word.head == verb:
            break
        last += 1
    stop = last if last > in_.right_edge.i else in_.i - 1
    content = tokens_range(list(doc[start : stop + 1]))
    if content is None or source.start >= end:
        return None
    return [Found(content, span_range(doc[source.start : end]), word_range(in_), direct=False)]


def _poll_finding(in_: Token) -> Token | None:
    """The verb of the clause whose finding the "in" phrase cites a poll for, if it does."""
    if in_.lower_ != "in" or in_.dep_ != "prep":
        return None
    verb = in_.head
    while verb.dep_ == "xcomp":  # ("Smith continues to lead in the polls")
        verb = verb.head
    if (
        verb.pos_ not in {"VERB", "AUX"}
        or verb.dep_ not in {"ROOT", "advcl"}
        # (an imperative or a participle is no finding: "Do well enough in polls to ...", "his worst showing
        # in the survey")
        or not has_subject(verb)
        or lemma(in_.head) in _TAKING_PART
        # (a cue after it reports what the poll found as its subject's words: "Voters said in a poll that ...")
        or (verb.i < in_.i and lemma(in_.head) in ALL_CUES)
    ):
        return None
    source = next((c for c in in_.children if c.dep_ == "pobj"), None)
    if source is not None and source.lemma_.lower() in _SHARES_OF_POLLS:
        of = next((c for c in source.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        source = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return verb if source is not None and source.lemma_.lower() in _POLLS else None


def _according_to(according: Token, to: Token) -> list[Found]:
    """What an "according to" phrase (or a "per" of the kind: `according` and `to` are then one word)
    attributes, and to whom."""
    doc = according.doc
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects or (objects[0].lower_ in _AS_PLANNED and not list(objects[0].children)):
        return []
    if (introduced := _introducing(according, to)) is not None:
        return introduced
    speaker = trimmed_subtree(objects[0])
    phrase = set(according.subtree) | set(to.subtree)
    comma = next((t for t in to.subtree if t.i > to.i and t.text == ","), None)
    if (
        comma is not None
        and according.i == according.sent.start
        and (comma.nbor().dep_ == "conj" or _is_lost_subject(objects[0], comma, according))
    ):
        # "According to a statement from the Kremlin, Putin and Xi discussed ...": opening the sentence, the
        # phrase ends at its comma where the parser joined the subject after it to its object ("According to
        # John Smith, a professor at Yale, ..." goes on past it), or made it an apposition to the object
        # because a quote mark stands before the verb ('According to spokesperson Mao Ning, the United States
        # "has no moral standing"')
        speaker = doc[objects[0].left_edge.i : comma.i]
        phrase = {t for t in phrase if t.i <= comma.i}
    # what the phrase qualifies: the clause it hangs on ("Troops advanced, X said, as the assault went on,
    # according to Y": the assault), or the whole sentence when it hangs on the main verb
    head = according.head if according.head.i != according.i else according
    later: set[Token] = set()
    if (
        head.dep_ == "advcl"
        and head.head.i < according.i < min(t.i for t in head.subtree if t not in phrase)
        and according.i > according.sent.start
        and doc[according.i - 1].text == ","
    ):
        # "26,000 people have fled, according to the IOM, many of them walking 70 km": set off by commas, the
        # phrase qualifies the clause before it, though the parser hangs it on the circumstance after it
        later = set(head.subtree) - phrase
        head = head.head
    elif _closes_a_circumstance(according, head):
        # "Six airlines have suspended flights since the FAA warned of a hazard, according to the aviation
        # authority": closing the sentence, the phrase qualifies all of it, though the parser hangs it on the
        # circumstance before it (unless a tag gives the rest to another: "Troops retook two villages, the
        # army said, as the assault cost ..., according to Western estimates")
        head = head.head
    clause = head.subtree if head.dep_ in _QUALIFIED_CLAUSE_DEPS else according.sent
    # a clause joined after the phrase to the one it follows is another claim: "Homicides fell 13%, according
    # to the police, but that is still more than New York" (the police did not make the comparison); opening
    # the sentence, the phrase covers it all ("According to police, officers saw Scott ... and they ordered")
    last = max(t.i for t in phrase)
    joined = later | {
        t
        for c in head.children
        if c.dep_ == "conj" and head.i < according.i and c.left_edge.i > last and has_subject(c)
        for t in _with_conjunction(c)
    }
    # and so is a circumstance after it: "has cut 20,000 jobs, according to a Reuters tally, as Musk's team
    # pushes to shrink ..." (the tally counted the jobs), or the writer's participle ("Prices rose 4%,
    # according to the bureau, marking the fastest pace in years")
    joined |= {
        t
        for c in head.children
        if c.dep_ == "advcl"
        and head.i < according.i
        and c.left_edge.i > last
        and (is_circumstance(c) or is_participle_after_comma(c))
        for t in c.subtree
    }
    rest = words_outside(clause, phrase | joined)
    # what a colon before the phrase opens is the writer's lead-in: "But ask the Venezuelans who fled: nearly
    # 8 million since 2014, according to the U.N."; not a semicolon's two halves ("X; Y, according to a
    # speech" qualifies both), nor a colon after the phrase ("According to X, the Latin reads: ...")
    opens = max((t.i for t in doc[according.sent.start : according.i] if t.text == ":"), default=-1)
    before = [t for t in rest if opens < t.i < according.i]
    after = [t for t in rest if t.i > last]
    if last + 1 < len(doc) and doc[last + 1].text in DASHES:
        # "According to the Bureau of Labor Statistics - hardly a right-wing outfit - food costs ...": an aside
        # set off by dashes after the source is the writer's
        closing = next((t for t in doc[last + 2 : according.sent.end] if is_spaced_dash(t)), None)
        after = [t for t in after if t.i > closing.i] if closing is not None else after
    # the content is the longer run of the clause on either side of the "according to" phrase, or both where
    # the phrase parts the clause's subject from its verb ("The implication, according to the Sanders aide,
    # is ..."), across the phrase, as a content is one run of the text (not a relative pronoun: "who,
    # according to legend, nearly set the Earth on fire" says no "who")
    side = before if len(before) >= len(after) else after
    if (
        before
        and after
        and head.i > last
        and objects[0].tag_ not in RELATIVE_TAGS  # ("..., according to which Benedict would ...")
        and any(_parted_subject(c, according) for c in head.children)
    ):
        side = before + after
    content = tokens_range(side)
    if content is None:
        return []
    content = _without_connective(doc, content)
    cue = (according.idx, to.idx + len(to.text))
    return [Found(content, span_range(speaker), cue, direct=False)]


def _introducing(according: Token, to: Token) -> list[Found] | None:
    """What an "according to" phrase that is a line of its own, closed by a colon, attributes ("According to
    the state auditor:", "According to Jane Doe, writing for the Tribune:"): the paragraph after it, as a cue
    of saying closing its line introduces one, or nothing where that paragraph is no block quote (it has
    quoted words amid the writer's own); None for a phrase of another shape, and for a clause before the
    colon ("According to the Tribune, officials are reviewing the permits:"), which is what the source is cited
    for."""
    doc = according.doc
    if according.i != according.sent.start:
        return None
    colon = next((t for t in doc[to.i + 1 : according.sent.end] if t.text == ":" or "\n" in t.text), None)
    if colon is None or colon.text != ":" or colon.i == to.i + 1:
        return None
    source = doc[to.i + 1 : colon.i]
    if any(t.tag_ in FINITE_TAGS or t.dep_ in SUBJECT_DEPS for t in source):
        return None
    text = doc_text(doc)
    line_end = _line_closed_by(text, colon)
    if line_end is None:
        return None
    content = block_quote(text, line_end)
    if content is None:
        return []
    return [Found(content, span_range(source), (according.idx, to.idx + len(to.text)), direct=False)]


def _line_closed_by(text: str, colon: Token) -> int | None:
    """Where the line that `colon` closes ends; None where words follow it on its line."""
    line_end = text.find("\n", colon.idx)
    return None if line_end < 0 or text[colon.idx + 1 : line_end].strip() else line_end


def _parted_subject(subject: Token, according: Token) -> bool:
    """Whether the token is a subject that the "according to" phrase right after it, set off by commas,
    parts from its verb."""
    doc = according.doc
    # (the parser may hang the comma on the subject)
    end = subject.right_edge.i - (doc[subject.right_edge.i].text == ",")
    return (
        subject.dep_ in SUBJECT_DEPS
        and subject.tag_ not in RELATIVE_TAGS
        and end + 2 == according.i
        and doc[according.i - 1].text == ","
    )


def _closes_a_circumstance(according: Token, head: Token) -> bool:
    """Whether the "according to" phrase closes its sentence after a comma, hung on a circumstance ("since
    ...", "as ...") of a main clause that no tag attributes."""
    doc = according.doc
    main = head.head
    return (
        head.dep_ == "advcl"
        and is_circumstance(head)
        and head.i < according.i
        and doc[according.i - 1].text == ","
        and ends_its_sentence(according.right_edge)
        and main.dep_ == "ROOT"
        and not any(c.dep_ == "parataxis" for c in main.children)
    )


def _is_lost_subject(object_: Token, comma: Token, according: Token) -> bool:
    """Whether an apposition of the "according to" phrase's object after its comma is in truth the subject of
    the verb the phrase hangs on, the two parted by nothing but quote marks."""
    verb = according.head
    return (
        verb.pos_ in ("VERB", "AUX")
        and not has_subject(verb)
        and any(
            c.dep_ == "appos"
            and c.left_edge.i == comma.i + 1
            and c.right_edge.i < verb.i
            and all(t.is_quote for t in c.doc[c.right_edge.i + 1 : verb.i])
            for c in object_.children
        )
    )


def _with_conjunction(conjunct: Token) -> list[Token]:
    """A conjunct's words, with the "and" or "but" and the comma that join it."""
    doc = conjunct.doc
    start = conjunct.left_edge.i
    while start > 0 and (doc[start - 1].dep_ == "cc" or doc[start - 1].is_punct):
        start -= 1
    return list(doc[start : conjunct.right_edge.i + 1])
