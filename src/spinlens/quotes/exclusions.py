"""What a cue verb reports that is not a quote: a supposed, demanded, proposed or hypothetical clause, the
writer's aside ("it is fair to say"), a participle saying what is said of a noun ("a gunman thought to be
...", which the parser may take for the verb), "as the minister said" with no words of its own, no one or
anyone of a kind speaking, a request for anonymity, and the senses of cue verbs that say no words ("threatens
Europe", "called a snap election"). `reported` and `content` ask these before they take any words as reported.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from spinlens.parsing import doc_text, second_object_hung_on_the_noun
from spinlens.quotes.attribution import OPENING_QUOTES
from spinlens.quotes.closing import CLAUSE_DEPS, NAMING_CUES, OWN_OBJECT_DEPS
from spinlens.quotes.cues import (
    ADDRESSEE_CUES,
    AUDIENCE_NOUNS,
    CLAUSE_CUES,
    COMBATANT_NOUNS,
    EVIDENCE_CUES,
    FORCES,
    GROUND_NOUNS,
    SAYING_NOUNS,
)
from spinlens.quotes.speakers import PERSON_ROLES
from spinlens.quotes.syntax import (
    CLAUSE_PREPOSITIONS,
    CLOSING_QUOTES,
    PEOPLE,
    SUBJECT_DEPS,
    has_subject,
    is_as,
    is_cue_preposition,
    is_infinitive,
    is_tensed,
    lemma,
    names_people,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# What a source asks not to be: "asked not to be named", "... identified" (`asks_anonymity`)
_UNNAMED = frozenset({"name", "identify"})
_ENDANGERED_TYPES = frozenset({"GPE", "LOC", "NORP", "ORG", "PERSON", "FAC"})
# What "call" convenes rather than names
_CONVENED = frozenset(
    {"election", "vote", "referendum", "strike", "meeting", "session", "summit", "recess", "halt", "ceasefire",
     "truce", "conference", "hearing", "poll"}
)  # fmt: skip
# What the writer judges it to be to say something: "it is fair to say", "it is important to note"
_ASIDE_JUDGEMENTS = frozenset(
    {"fair", "safe", "important", "necessary", "reasonable", "accurate", "true", "easy", "hard", "difficult",
     "interesting", "useful", "fitting", "crucial", "essential", "vital", "worth"}
)  # fmt: skip
_NO_ONE = frozenset({"nobody", "no one", "none", "no-one"})
ANYONE = _NO_ONE | {"everyone", "everybody", "anyone", "anybody", "someone", "somebody"}
# "Every patriot knows", "No serious economist believes", "Any honest observer thinks": everyone or no one of
# a kind, the writer's bandwagon, not a source. "All", "most" and "many" stay: "all 27 member states think"
# names who holds the view.
_ANY_OF_A_KIND = frozenset({"every", "any", "no"})


def tells_how_it_was_made(verb: Token) -> bool:
    """Whether a cue is a participle on a noun whose only clause is the means: "calculated using ...",
    "found using ..." ("estimated at 10,000" is a figure put on it)."""
    clauses = [c for c in verb.children if c.dep_ in {"xcomp", "advcl", "ccomp"}]
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and len(clauses) == 1
        and clauses[0].tag_ == "VBG"
        and not has_subject(clauses[0])
    )


def notes_no_words(note: Token) -> bool:
    """Whether "note" is no report: the writer's order to the reader ("Note that date; ...", "Note the claims
    ..."), a footnote's ("notes 336 and 351") or fame ("was already noted at the time for his habits"); "noted
    the rule", "noted that ..." report."""
    if note.tag_ == "VB" and (note.i == note.sent.start or note.doc[note.i - 1].is_punct):
        return True
    if any(c.dep_ == "auxpass" for c in note.children) and not any(c.dep_ in CLAUSE_DEPS for c in note.children):
        return True
    return any(c.dep_ == "dobj" and c.like_num for c in note.children)


def is_phone_number(word: str) -> bool:
    return any(ch.isdigit() for ch in word) and not any(ch.isalpha() for ch in word)


def heads_its_line(token: Token) -> bool:
    text = doc_text(token.doc)
    return not text[text.rfind("\n", 0, token.idx) + 1 : token.idx].strip()


# Whom one dismisses from a post: a person's role, people, or "the head of ...", "staff"
_DISMISSIBLE = PERSON_ROLES | PEOPLE | {"head", "staff"}
# What a court or a prosecutor dismisses: "dismissed the charges", "the lawsuit was dismissed"
_CASES = frozenset(
    {"charge", "case", "lawsuit", "suit", "indictment", "count", "complaint", "appeal", "petition", "motion"}
)


def dismisses_someone_or_a_case(verb: Token) -> bool:
    """Whether "dismiss" sends someone from their post or a case out of court, and says no words ("dismissed
    the charges as politically motivated" does, where the parser may hang the "as" on an adjective)."""
    if any(
        is_as(c) or (c.dep_ == "advcl" and c.left_edge.lower_ == "as" and not has_subject(c)) for c in verb.children
    ):
        return False
    return any(
        (c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lemma_.lower() in _DISMISSIBLE))
        or (c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _CASES and not _is_accusation(c))
        for c in verb.children
    )


def _is_accusation(charge: Token) -> bool:
    """Whether a "charge" is someone's accusation, not a court's: "Clinton's charges about his stance"."""
    return charge.lemma_.lower() == "charge" and any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "about") for c in charge.children
    )


def defends_ground(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.lemma_.lower() in COMBATANT_NOUNS:
            return True
        # not the place's entity type: the small NER types "Farrakhan" a place and "Bakhmut" an organisation
        if child.dep_ == "dobj" and child.lemma_.lower() in GROUND_NOUNS:
            return True
    return False


# Verbs whose that-clause in the bare form is what someone is to do: "demanded that the government tell
# parliament ..."
_DEMANDS = frozenset({"demand", "insist", "urge", "ask", "require", "request", "recommend", "propose", "suggest"})


def is_demanded(verb: Token) -> bool:
    """Whether a cue is in the subjunctive of a demand, as "must" would put it: "demanded that the government
    tell parliament how many jets were lost" reports no telling."""
    return (
        verb.tag_ == "VB"
        and verb.dep_ == "ccomp"
        and verb.head.lemma_ in _DEMANDS
        and has_subject(verb)
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    )


def is_hypothetical(verb: Token) -> bool:
    """Whether a cue lies in a condition, words supposed rather than said: "If Muslims sincerely condemn jihad
    terror, ...", "If he had said: 'Viganò lied,' he would have ...", "if a jury of her peers finds she did
    something wrong". Not where "if" asks whether ("asked if the Saudis had informed him"), compares ("as if,
    he told doctors, he had walked through a wall") or concedes ("even if she cannot bring herself to say
    ..."), nor for an aside of the writer's or a tag within the condition ("If, as I've suggested, ...")."""
    if verb.dep_ == "parataxis" or any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return False
    clause = verb
    while clause.dep_ != "advcl":
        # (what is reported in the condition, and who a relative clause there describes, are not supposed:
        # "if the children belong to the illegals who say they are their parents")
        if clause.dep_ in {"ccomp", "relcl", "ROOT"} or clause.head.i == clause.i:
            return False
        clause = clause.head
    marks = {c.lower_ for c in clause.children if c.dep_ in {"mark", "advmod"} and c.i < clause.i}
    return bool(marks & _CONDITIONS) and not marks & {"as", "even"} and lemma(clause.head) not in _WHETHER_VERBS


# Verbs whose "if" asks whether: "asked if ...", "won't say if ...", "no one can know if ..."
_WHETHER_VERBS = frozenset({"ask", "say", "know", "wonder", "see", "check", "tell", "decide", "determine", "question"})


def is_writers_aside(verb: Token) -> bool:
    """Whether an infinitive cue is the writer's own aside: "It is fair to say that ...", "It is important to
    note that ...", "It's time to say it plainly: ..." ("it" is no one; "It was quick to deny ..." may be a
    company's denial, and stays)."""
    if not is_infinitive(verb):
        return False
    head = verb.head
    clause = head if head.lemma_ == "be" else head.head
    if clause.lemma_ != "be" or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in clause.children):
        return False
    return head.lower_ == "time" or any(c.dep_ == "acomp" and c.lower_ in _ASIDE_JUDGEMENTS for c in clause.children)


def is_that_said(verb: Token) -> bool:
    """Whether the cue is the writer's "That said, ..." opening a sentence, which concedes ("nevertheless"), and
    whose "That" is no one (the parser makes it the subject and the sentence after the comma what was said)."""
    doc = verb.doc
    if verb.lower_ != "said" or verb.i == 0 or verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ",":
        return False
    that = doc[verb.i - 1]
    opening = [t for t in doc[verb.sent.start : that.i] if not (t.is_punct or t.is_space or t.lower_ in {"but", "and"})]
    return that.lower_ == "that" and that.dep_ == "nsubj" and not opening


# The conjunctions of a clause that supposes a time or a condition rather than reports: "before many women
# know they are pregnant", "if you believe the polls"
_CONDITIONS = frozenset({"if", "unless"})
_SUPPOSING_MARKS = frozenset({"before", "until", "till", "once", "when", "whenever"}) | _CONDITIONS


def is_supposed(verb: Token) -> bool:
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SUPPOSING_MARKS for c in verb.children)


# Verbs that describe their subject by what others say of it, in a participle after it: "a man believed to be
# the shooter", "the minister, said to be furious"
_SAID_OF = frozenset(
    {"believe", "think", "say", "report", "claim", "expect", "know", "consider", "rumor", "rumour", "allege",
     "suspect", "understand", "estimate", "fear", "presume", "reckon"}
)  # fmt: skip


def is_participle_taken_for_the_verb(verb: Token) -> bool:
    """Whether the cue is a participle on the noun before it that the parser took for a verb, with the real verb
    then a clause with no subject: in "A gunman thought to be in his twenties opened fire", "The minister, said
    to be furious, was not available" and "Police said the man, believed to be the shooter, was arrested" the
    gunman, the minister and the man are what is said of, and no one is named saying it ("He claimed to be a
    doctor, and was arrested" claims)."""
    if lemma(verb) not in _SAID_OF or verb.tag_ not in {"VBD", "VBN"} or verb.i + 1 >= len(verb.doc):
        return False
    infinitive = next((c for c in verb.children if c.dep_ == "xcomp" and c.left_edge.i == verb.i + 1), None)
    if infinitive is None or verb.nbor().lower_ != "to":
        return False
    set_off = verb.i > 0 and verb.doc[verb.i - 1].text == ","
    # (a clause joined by "and" shares the subject: "He claimed to be a doctor, and was arrested"; one joined by
    # nothing does not)
    joined = [c for c in verb.children if c.dep_ == "conj"] if not any(d.dep_ == "cc" for d in verb.children) else []
    stranded = [c for c in verb.children if c.dep_ == "ccomp"] + joined
    if verb.dep_ == "advcl" and set_off:
        stranded.append(verb.head)
    return any(c.i > infinitive.right_edge.i and not has_subject(c) and is_tensed(c) for c in stranded)


# Pronouns for the whole of what someone says, or none of it: "Everything Trump says is a lie"
_ALL_OR_NOTHING = frozenset({"everything", "anything", "nothing", "something"})


def judges_what_is_said(verb: Token) -> bool:
    """Whether the cue tells of someone's words only for the writer to judge them: in "Everything Trump says is
    a lie" and "Nothing the government says can be trusted" the clause after the cue has no subject of its own
    and says what the words are, as the parser takes "Everything Trump" for the cue's subject or hangs the cue
    on "Nothing". No one is quoted saying "is a lie". The pronoun must open the sentence there, for after it
    the clause may be what was said: in "... a strong streak - something his aides argue is possible" they
    argue that it is."""
    if verb.dep_ == "relcl":
        opening = next((t for t in verb.sent if not (t.is_punct or t.is_space)), None)
        pronoun = verb.head if verb.head == opening else None
    else:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        pronoun = subject.left_edge if subject is not None else None
    if pronoun is None or pronoun.lower_ not in _ALL_OR_NOTHING:
        return False
    return any(c.dep_ == "ccomp" and not has_subject(c) and is_tensed(c) for c in verb.children)


def is_proposed(verb: Token) -> bool:
    """Whether the verb is what "let's" proposes ("Let's talk about JFK")."""
    return any(
        c.dep_ == "nsubj" and c.lower_ in {"'s", "’s"} and c.i > 0 and c.nbor(-1).lower_ == "let" for c in verb.children
    )


def said_by_me(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ == "i" for c in verb.children)


def endangers(verb: Token) -> bool:
    """Whether "threaten" means "endanger": its one object a named place, body or people (also one NER gives
    another type or none: "Turkey has threatened Manbij"), a pronoun, or what someone owns ("threatens
    Europe", "threatens our safety", "threaten Hungary's sovereignty"), and no "with" saying what with."""
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return len(objects) == 1 and (
        objects[0].ent_type_ in _ENDANGERED_TYPES
        or objects[0].tag_ in {"PRP", "NNP"}
        or any(c.dep_ == "poss" for c in objects[0].children)
    )


def promises_to_be_something(verb: Token) -> bool:
    """Whether "promises (or threatens) to be" says what a thing looks likely to be, not what anyone pledged:
    "at what promises to be a closely watched hearing", "The debate promised to be a crucial moment", "what
    threatens to be a catastrophic compromise"; a person pledges ("He promised to be neutral", "She promised
    to be a president for all Americans")."""
    if verb.lemma_ not in {"promise", "threaten"} or any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return False
    be = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ == "be"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if be is None or subject is None or not any(c.dep_ == "attr" and c.pos_ == "NOUN" for c in be.children):
        return False
    thing = subject.tag_ != "PRP" and not names_people(subject) and subject.lemma_.lower() not in PEOPLE
    return thing or subject.lower_ in {"what", "which", "it", "this", "that"}


def asks_anonymity(verb: Token) -> bool:
    """Whether what is asked is "not to be named" or "identified", or "to remain anonymous", or "that her
    surname not be used" ("asked the court to name the informant" asks something else)."""
    return not any(c.dep_ in {"dobj", "dative"} for c in verb.children) and any(
        (
            c.dep_ == "xcomp"
            and (
                (c.lemma_ in _UNNAMED and any(a.dep_ == "auxpass" for a in c.children))
                or any(a.lower_ == "anonymous" for a in c.children)
            )
        )
        or (c.dep_ == "ccomp" and _withholds_the_name(c))
        for c in verb.children
    )


def _withholds_the_name(clause: Token) -> bool:
    """Whether a clause asks that a name not be given: "that her surname not be used", "that he not be
    identified", "that her last name be withheld"."""
    withheld = any(a.dep_ == "neg" for a in clause.children) or clause.lemma_ in {"withhold", "conceal"}
    passive = any(a.dep_ == "auxpass" for a in clause.children)
    named = clause.lemma_ in _UNNAMED or any(
        s.dep_ == "nsubjpass" and s.lemma_.lower() in {"name", "surname", "identity"} for s in clause.children
    )
    return withheld and passive and named


def adds_to_something(verb: Token) -> bool:
    """Whether "add" means "increase": a "to" right after it, adverbs aside ("adding further to concerns"),
    whose object is no person, pronoun, audience or saying ("added to reporters", "added to her remarks"),
    and no words reported before it ('"We will win," she added to applause')."""
    if any(c.dep_ in CLAUSE_DEPS | {"parataxis"} and c.i < verb.i for c in verb.children):
        return False
    to = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i), None)
    if to is None or to.lower_ != "to" or any(t.pos_ != "ADV" for t in verb.doc[verb.i + 1 : to.i]):
        return False
    objects = [c for c in to.children if c.dep_ == "pobj"]
    return bool(objects) and not any(
        o.tag_ == "PRP" or o.ent_type_ in {"PERSON", "ORG", "NORP"} or o.lemma_.lower() in AUDIENCE_NOUNS | SAYING_NOUNS
        for o in objects
    )


def is_no_one(speaker: Span) -> bool:
    """Whether the speaker is no one: "Nobody", "No one", "No sane person", "None of the experts", "Not one
    Democrat", "Not a single economist"."""
    if speaker.text.lower() in _NO_ONE or _determined_by(speaker, {"no"}) or speaker.root.lower_ == "none":
        return True
    # (the parser may hang the "not" on the verb, outside the phrase)
    negated = speaker.start > 0 and speaker.doc[speaker.start - 1].lower_ == "not"
    words = [t.lower_ for t in speaker]
    if words[0] == "not":
        negated, words = True, words[1:]
    return negated and (words[:1] == ["one"] or words[:2] == ["a", "single"])


def is_anyone_of_a_kind(speaker: Span) -> bool:
    return _determined_by(speaker, _ANY_OF_A_KIND)


def _determined_by(speaker: Span, determiners: Collection[str]) -> bool:
    return any(child.dep_ == "det" and child.lower_ in determiners for child in speaker.root.children)


def is_question(sentence: Span) -> bool:
    words = [t for t in sentence if not t.is_space and t.text not in CLOSING_QUOTES | {"'", ")"}]
    return bool(words) and words[-1].text == "?"


def is_asked_about(verb: Token) -> bool:
    """Whether a modal comes before the verb's subject, as a question about what might be said puts it."""
    subjects = [c.i for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return bool(subjects) and any(c.dep_ == "aux" and c.tag_ == "MD" and c.i < subjects[0] for c in verb.children)


def is_as_said(verb: Token) -> bool:
    """Whether the cue heads an "as" clause with its speaker and no words of its own ("as the minister said",
    "as she told reporters", "as first reported by Axios"); "as he announced his resignation", "as aid groups
    warn of massacres" or "as expected" report nothing."""
    children = list(verb.children)
    own_objects = {"dobj", "dative", "ccomp", "xcomp", "attr", "oprd"}
    if verb.lemma_ in ADDRESSEE_CUES:
        own_objects -= {"dobj", "dative"}  # whom she told is no content
    return (
        verb.dep_ == "advcl"
        and lemma(verb) in CLAUSE_CUES
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
        and (has_subject(verb) or _is_said_by_its_agent(verb))
        and not any(
            (c.dep_ in own_objects and not is_time_taken_for_a_clause(c)) or is_cue_preposition(verb, c)
            for c in children
        )
    )


def is_known_as(verb: Token) -> bool:
    """Whether the cue is a passive of naming in an "as" clause: "Grandpa Joe, as he is affectionately known
    by his grandchildren", "the Oppo Bloc, as it was called" say what someone is called, and report nothing."""
    return (
        lemma(verb) in NAMING_CUES | {"know"}
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )


def _is_said_by_its_agent(verb: Token) -> bool:
    """Whether an "as" clause with no subject names its speaker as a passive's agent, on the verb of the clause
    it frames: "As first reported by Axios, the White House is considering ..."; not evidence ("as shown by his
    statements"), nor on a noun ("the redacted version as reported by Fox News")."""
    return (
        verb.tag_ == "VBN"
        and verb.lemma_ not in EVIDENCE_CUES
        and verb.head.pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "agent" for c in verb.children)
    )


def is_time_taken_for_a_clause(clause: Token) -> bool:
    """Whether a clause the parser hangs on a cue as what was said says when: "as Eric Garner said before he
    died"."""
    # (opening the clause: not "am told that after the trip to Chile his support has dried up", nor a quoted
    # question, '"Since when does truth ... depend on your political party?"')
    opening = clause.left_edge
    return (
        clause.dep_ == "ccomp"
        and opening.dep_ == "mark"
        and opening.head == clause
        and opening.lower_ in CLAUSE_PREPOSITIONS
        and clause.doc[opening.i - 1].text not in OPENING_QUOTES
    )


def calls_in(call: Token) -> bool:
    """Whether "call" telephones into a programme or a line ("she called into Tom Joyner's radio program",
    "calls into the VA hotline"), with nothing it is called; "calling into question" is one's words."""
    return not any(c.dep_ in {"dobj", "oprd", "ccomp"} for c in call.children) and any(
        c.dep_ == "prep" and c.lower_ == "into" and not any(o.lower_ == "question" for o in c.children)
        for c in call.children
    )


def convenes(call: Token) -> bool:
    """Whether "call" convenes something, with nothing it is called: "called a snap election", "called a
    strike", "refused to call a vote" (but "called the vote a sham")."""
    objects = [c for c in call.children if c.dep_ in OWN_OBJECT_DEPS]
    return (
        len(objects) == 1
        and objects[0].dep_ == "dobj"
        and objects[0].lemma_.lower() in _CONVENED
        and second_object_hung_on_the_noun(call) is None
    )


def names_a_thing(verb: Token) -> bool:
    """Whether a participle names what it hangs on ("lymph nodes, called buboes"), with no one calling it so
    ("methods that critics have called authoritarian") and nothing called ("..., called the leaks a
    scoop")."""
    deps = {c.dep_ for c in verb.children}
    # (a root noun leaves the participle the sentence's verb)
    participle = verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ != "ROOT"
    # or one the parser joins to the verb before it at a comma, as if a second verb of the sentence: "... in
    # the mid-17th century, called the Maunder Minimum"
    joined = verb.dep_ in {"conj", "dep", "advcl"} and verb.i > 0 and verb.doc[verb.i - 1].text == ","
    return (participle or joined) and "oprd" in deps and not deps & {"nsubj", "dobj", "aux"}


def is_force(noun: Token) -> bool:
    """Whether a subject strikes rather than speaks: "the explosion", "Hurricane Milton" (not "the fire chief",
    whose head is a person)."""
    return noun.lemma_.lower() in FORCES or (
        noun.pos_ == "PROPN" and any(c.dep_ == "compound" and c.lemma_.lower() in FORCES for c in noun.children)
    )
