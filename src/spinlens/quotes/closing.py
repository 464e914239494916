"""The words the parser hangs on a reported clause that are not what was reported (`not_reported`): a
remark of the writer's, a reaction or an occasion, what someone else said, when and citing whom it was said;
and the closing participles and conjuncts that do go on reporting the speaker. Both `attribution` and
`content` ask these questions, so they sit below both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spinlens.quotes.cues import ALL_CUES, CLAUSE_CUES, EVIDENCE_CUES, EVIDENCE_NOUNS
from spinlens.quotes.marks import Range
from spinlens.quotes.speakers import ORGANISATION_ROLES
from spinlens.quotes.syntax import (
    FINITE_TAGS,
    RELATIVE_TAGS,
    SUBJECT_DEPS,
    comma_before,
    has_subject,
    is_as,
    is_circumstance,
    is_cue_preposition,
    is_infinitive,
    is_occasion,
    is_participle_after_comma,
    is_tensed,
    is_that_clause,
    is_when,
    lemma,
    names_people,
    tokens_range,
    trimmed_subtree,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
OBJECT_DEPS = frozenset({"dobj", "prep", "xcomp", "ccomp", "oprd", "attr", "dative", "pcomp", "advcl"})
# what a cue takes as its own words, but a preposition, which may say only where or when
OWN_OBJECT_DEPS = OBJECT_DEPS - {"prep"}
TOPIC_PREPOSITIONS = frozenset({"about", "of", "over", "regarding", "concerning"})
# Verbs that report more of what the speaker before them said, as a participle closing it ("..., saying",
# "..., questioning whether ...") or a verb the parser joins to it ("said ... and praised the defenders")
_CLOSING_PARTICIPLES = frozenset(
    {
        "say", "add", "claim", "argue", "insist", "note", "explain", "tell", "warn", "accuse", "urge", "cite",
        "deny", "vow", "pledge", "repeat", "echo", "call", "dismiss", "reject", "describe", "condemn", "denounce",
        "blame", "criticize", "criticise", "stress", "emphasize", "emphasise", "reiterate", "reaffirm", "underline",
        "underscore", "assert", "acknowledge", "admit", "complain", "allege", "maintain", "threaten", "promise",
        "point", "demand", "question", "dispute", "praise", "laud", "commend", "hail", "slam", "blast", "decry",
        "lambast", "lambaste", "mock", "brand", "label", "dub", "defend", "express", "predict", "recall", "announce",
        "endorse", "propose", "recommend", "estimate", "portray", "tout",
    }
)  # fmt: skip
# Verbs by which someone comes before those they then speak to: "said Clinton approached her and said ..." is
# Clinton's word
_COMING_TO = frozenset({"approach", "arrive", "confront", "contact", "greet", "meet", "phone", "visit"})
# Cues whose content is what the speaker commits to doing: "vowed to continue the war"
PLEDGES = frozenset({"vow", "pledge", "promise", "threaten"})
# What a statement provokes, and how, in a participle closing it ("..., prompting outrage", "..., drawing
# criticism from rights groups"): the writer's account of how it was taken
_PROVOKING = frozenset(
    {"prompt", "spark", "trigger", "provoke", "draw", "fuel", "stoke", "ignite", "raise", "earn", "attract", "elicit"}
)
_REACTIONS = frozenset(
    """outrage criticism backlash condemnation protest anger fury controversy ridicule applause cheer rebuke
    derision concern alarm speculation uproar furor furore scorn mockery laughter question accusation
    complaint""".split()  # noqa: SIM905
)
# Nouns by which a writer comments on what was just reported ("..., a claim Hezbollah denied", '... as "hate
# marches," a phrase critics called inflammatory')
_REMARK_NOUNS = frozenset(
    {
        "claim", "allegation", "assertion", "accusation", "charge", "figure", "number", "estimate", "account",
        "phrase", "term", "label", "description", "characterization", "characterisation", "remark", "comment",
        "excuse", "explanation", "finding", "conclusion", "assessment", "myth", "falsehood", "narrative", "theory",
        "trope",
    }
)  # fmt: skip
# Verbs by which others judge words false: a clause of one on a noun after what was said makes the noun a remark
# of the writer's, whatever the noun (", a link scientists have repeatedly debunked")
_VERDICTS = frozenset({"debunk", "refute", "disprove", "discredit", "dispute", "deny", "reject", "contest"})
NAMING_CUES = frozenset({"call", "label", "brand", "dub", "term"})


def is_according_to(token: Token) -> bool:
    return token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"


# The parts of speech of a noun phrase that names someone: "the Russian military", "Gowdy's office"
_NAME_PARTS = frozenset({"DET", "NOUN", "PROPN", "ADJ", "PART", "NUM"})


def remark_cue_taken_for_a_plural(cue: Token) -> bool:
    """Whether a present-tense cue closing a remark of the writer's is read as a plural noun, with its subject
    for the noun's modifiers: "..., a claim the Russian military rejects" (as if "rejects" were the claim's
    apposition, "the Russian military rejects")."""
    remark = cue.head
    return (
        cue.tag_ == "NNS"
        and cue.dep_ in {"appos", "acl"}  # (or a clause on the remark, which a noun is not)
        and lemma(cue) in ALL_CUES  # the noun's lemma is the verb's: "rejects" -> "reject"
        and cue.left_edge.i < cue.i
        and cue.right_edge.i == cue.i
        # and the "modifiers" name the speaker alone, not as a clause's subject would go ("a claim that Gowdy's
        # office strongly disputes", which the parser reads as a clause with a plural for its verb)
        and all(t.pos_ in _NAME_PARTS for t in cue.doc[cue.left_edge.i : cue.i])
        and cue.i + 1 < len(cue.doc)
        and cue.nbor().is_punct
        # (the blank line closing a paragraph belongs to its last sentence)
        and all(t.is_space for t in cue.doc[cue.nbor().i + 1 : cue.sent.end])
        and remark.lemma_ in _REMARK_NOUNS
        and remark.left_edge.dep_ == "det"
        and comma_before(remark) is not None
    )


def ends_sentence(verb: Token) -> bool:
    """Whether a cue of saying has at most a word or two after it in its sentence (whatever white space ends a
    paragraph: spaCy gives the line break to the sentence before it)."""
    after = verb.doc[verb.right_edge.i + 1 : verb.sent.end]
    return lemma(verb) in CLAUSE_CUES and sum(not t.is_space for t in after) <= 1


def is_conjunct_without_and(token: Token) -> bool:
    """Whether the parser joins the token to the noun before it as a conjunct with no "and" or "or": an
    apposition to it, as "..., the highest figure since 2006, the U.N. humanitarian office, OCHA, said" reads."""
    return (
        token.dep_ == "conj"
        and token.pos_ in {"NOUN", "PROPN"}
        and not any(c.dep_ in {"cc", "preconj"} for c in token.head.children)
    )


def participle_tag(verb: Token) -> tuple[Span, Range | None, bool] | None:
    """Speaker and content of a tag set off by commas that the parser took for a participle on an apposition
    to the clause's last noun, with a remark of the writer's after it: "Reform UK holds a nine-point lead
    over Labour, a YouGov poll for The Times showed on Monday, the party's largest lead so far" (as if "a
    poll shown on Monday")."""
    if verb.dep_ != "acl" or verb.tag_ not in FINITE_TAGS | {"VBN"} or lemma(verb) not in CLAUSE_CUES:
        return None
    if any(c.dep_ in OWN_OBJECT_DEPS or is_cue_preposition(verb, c) for c in verb.children):
        return None
    if remark_taken_for_a_name(verb) is not None:
        # ", a move rights groups denounced as cruel": they denounce the move
        return None
    if verb.tag_ == "VBN" and not all(c.is_punct or is_when(c) for c in verb.children):
        # the tagger may read "the agency reported on Monday" as a participle too; "the suspect reported
        # missing" and "chemicals found in refrigerants" are ones
        return None
    if verb.tag_ == "VBN" and not _could_speak(verb.head):
        # "..., a plan announced earlier this year": a participle on a thing that is done, not a source, is
        # its passive, however it closes the sentence
        return None
    doc, speaker = verb.doc, verb.head
    comma = speaker.left_edge.i - 1
    after = verb.right_edge.i + 1
    if not (speaker.dep_ in {"appos", "attr"} or is_conjunct_without_and(speaker)) or comma <= verb.sent.start:
        return None
    if doc[comma].text != "," or after >= verb.sent.end or doc[after].text not in {",", ".", ";"}:
        return None
    return trimmed_subtree(speaker, verb), tokens_range(list(doc[verb.sent.start : comma])), False


def _could_speak(phrase: Token) -> bool:
    """Whether a noun phrase names someone or something that can report: a person, a body or a place by name,
    a role ("the agency") or evidence ("a poll for The Times")."""
    return phrase.lemma_.lower() in ORGANISATION_ROLES | EVIDENCE_NOUNS or any(
        names_people(t) or t.ent_type_ == "GPE" for t in phrase.subtree
    )


def writers_after_the_tag(tag: Token, word: Token) -> bool:
    """Whether a phrase right after a closing tag is the writer's, which the parser hangs on the reported
    clause: a summing up it takes for a second object ("Iran hanged a man on Wednesday, the agency reported,
    the latest in a wave of executions") or a circumstance ("The death toll rose to 49, Prime Minister Andrew
    Holness said, as crews struggled to reach ...")."""
    if not (tag.head.i < tag.i and word.left_edge.i == tag.right_edge.i + 1 and tag.doc[tag.right_edge.i].text == ","):
        return False
    if word.tag_ in {"JJR", "JJS"} and not has_subject(word):
        # a comparison: "A gallon of gasoline averaged $2.98 on Monday, AAA said, about 10 cents cheaper than a
        # month ago"
        return True
    if word.dep_ == "advcl":
        # (a reason is the speaker's: "..., Graham said, since the vast majority of them accept ...")
        return is_circumstance(word) and any(c.dep_ == "mark" and c.lower_ in {"as", "while"} for c in word.children)
    if word.dep_ == "prep" and word.lower_ in {"as", "amid"}:
        # "..., three people familiar with the matter said, as talks on ending the war stall", where the
        # parser takes "as" for a preposition and "stall" for a noun; "amid growing tensions"
        return True
    if word.dep_ == "prep" and word.lower_ in {"before", "after"} and any(c.dep_ == "npadvmod" for c in word.children):
        # how long before or after what the writer sets beside it: "..., South Korea's military said, days
        # before a summit between ..."
        return True
    return (
        word.dep_ in {"dobj", "attr"}
        and word.pos_ in {"NOUN", "PROPN", "ADJ"}
        and any(c.dep_ == word.dep_ and c.i < tag.i for c in tag.head.children)
    )


def is_absolute(phrase: Token) -> bool:
    """Whether a phrase on the cue is an absolute one, something else doing something beside the words:
    '"We will not be silenced," Wanjiru told Reuters, her eyes streaming from the gas', "rejected the
    criticism, with press secretary Karoline Leavitt calling it a lie" (not "said prices are rising")."""
    if phrase.dep_ == "prep" and phrase.lower_ == "with":
        return bool(_absolute_participles(phrase))
    return (
        phrase.tag_ == "VBG"
        and has_subject(phrase)
        and not any(c.dep_ in {"aux", "auxpass"} for c in phrase.children)
        and phrase.left_edge.i > 0
        and phrase.doc[phrase.left_edge.i - 1].text == ","
    )


def is_depictive(phrase: Token) -> bool:
    """Whether a past participle set off by a comma after the cue tells how the speaker stood as they spoke,
    which the parser may take for the cue's clause: '"...," Milei told cheering supporters, flanked by his
    sister'. After what was said, it may tell of what was spoken about ("scientists think the rock may be 4
    billion years old, formed just after ...")."""
    return (
        phrase.tag_ == "VBN"
        and not has_subject(phrase)
        and not any(c.dep_ in {"aux", "auxpass", "mark"} for c in phrase.children)
        and comma_before(phrase) is not None
        and not any(c.dep_ in CLAUSE_DEPS and phrase.head.i < c.i < phrase.i for c in phrase.head.children)
    )


def _absolute_participles(with_: Token) -> list[Token]:
    """The participles that make a "with" phrase an absolute one, with their subjects: "with press secretary
    Karoline Leavitt calling it a lie", or, after a comma, a participle the parser hangs on its noun ("...,
    with survivors describing mass killings")."""
    participles = [c for c in with_.children if c.dep_ in {"pcomp", "pobj"} and c.tag_ == "VBG" and has_subject(c)]
    if comma_before(with_) is not None:
        participles += [
            a for c in with_.children if c.dep_ == "pobj" for a in c.children if a.dep_ == "acl" and a.tag_ == "VBG"
        ]
    return participles


def _reports_on_its_own(clause: Token) -> bool:
    """Whether a relative clause set off by a comma is a cue with a speaker of its own: "..., which he called
    a witch hunt" (not "..., which were published in May", nor "..., who said ...", whose speaker is the noun)."""
    return (
        clause.dep_ == "relcl"
        and lemma(clause) in ALL_CUES
        and clause.left_edge.i > 0
        and clause.doc[clause.left_edge.i - 1].text == ","
        and any(c.dep_ == "nsubj" and c.tag_ not in RELATIVE_TAGS for c in clause.children)
    )


def closing_reports(heads: list[Token]) -> set[Token]:
    """The words, comma included, of each relative clause closing one of `heads` that reports words of its own
    ("..., which Islamabad denies")."""
    return {
        t
        for head in heads
        for c in head.subtree
        if c.right_edge.i == head.right_edge.i and _reports_on_its_own(c)
        for t in with_comma(c)
    }


def with_comma(clause: Token) -> list[Token]:
    """The clause's words and the comma before them."""
    return [clause.doc[clause.left_edge.i - 1], *clause.subtree]


def remark_taken_for_a_name(verb: Token) -> Token | None:
    """The remark noun the parser made part of the cue's subject: in "He referred Fauci to prosecutors, a charge
    Fauci denies" the subject is read as "a charge Fauci", and what came before the comma as what he denies.
    Fauci denies "a charge"."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if verb.dep_ == "acl" and verb.tag_ in {"VBD", "VBN"} and verb.head.i < verb.i:
        # or the phrase the parser hangs the cue on, as a clause: ", a decision animal welfare groups condemned
        # as cruel"
        subjects.append(verb.head)
    for subject in subjects:
        first = subject.left_edge
        if first.dep_ != "det" or first.i == 0 or doc[first.i - 1].text != ",":
            continue
        if subject.lemma_ in _REMARK_NOUNS and subject_after_the_remark(verb, subject) is not None:
            # or a subject of its own, the speaker the next: ", a claim residents dispute"
            return subject
        # the noun after the article; the parser may hang it on a compound of the speaker's ("a move rights
        # groups say"), or take it for an adjective ("an excuse Israeli officials dismissed as a lie")
        remark = doc[first.i + 1]
        taken = remark.dep_ == "compound" or (remark.dep_ == "amod" and remark.pos_ == "NOUN")
        if taken and remark.i < subject.i and _is_remark_noun(verb, remark, subject):
            return remark
    return None


def subject_after_the_remark(verb: Token, remark: Token) -> Token | None:
    """The cue's subject right after a remark noun the parser made a subject of the cue's too, or an
    apposition of the remark's ("..., a claim Ukraine's General Staff swiftly denied")."""
    return next(
        (c for c in verb.children if c.dep_ == "nsubj" and c.left_edge.i == remark.right_edge.i + 1),
        next((c for c in remark.children if c.dep_ == "appos" and c.left_edge.i == remark.i + 1), None),
    )


def _is_remark_noun(verb: Token, noun: Token, subject: Token) -> bool:
    """Whether a noun opening a remark is what a cue reports: "a charge Fauci denies"; before a cue of naming
    any noun is what is named, where those who name it are a name or a plural ("a deal critics call a textbook
    case of debt-trap diplomacy"; not "the band leader called ...")."""
    return noun.lemma_ in _REMARK_NOUNS or (
        (verb.lemma_ in NAMING_CUES or _names_as(verb) or reports_what_the_noun_did(verb))
        and noun.pos_ == "NOUN"
        and subject.tag_ in {"NNS", "NNP", "NNPS"}
    )


def _names_as(verb: Token) -> bool:
    """Whether a cue says what it takes its object for: "condemned as cruel", "denounced as a land grab"."""
    return any(is_as(c) and c.i > verb.i for c in verb.children)


def reports_what_the_noun_did(verb: Token) -> bool:
    """Whether a cue reports a clause with no subject of its own, whose subject is the noun before the
    speaker: "..., a decision critics say was dictated by Moscow" (critics say the decision was dictated), "...,
    a move business groups warned would choke growth" (where the parser takes the clause for a complement)."""
    return lemma(verb) in CLAUSE_CUES and any(
        c.dep_ in {"ccomp", "xcomp"} and c.i > verb.i and not has_subject(c) and is_tensed(c) for c in verb.children
    )


def is_remark_taken_for_a_clause(clause: Token) -> bool:
    """Whether a clause is the writer's remark, set off by a comma: the remark noun itself (", a claim his
    family rejected") or a verb the parser made it the object of (", a charge the group denies"), also where
    the tagger takes the verb for a plural (", a claim Hamas rejects")."""
    doc = clause.doc
    # (or its first subject: ", a claim residents dispute", read as two subjects; or a modifier: ", a charge
    # Israel rejects", with the verb read as a plural noun, or the first part of its name)
    nouns = [c for c in clause.children if c.dep_ in {"dobj", "nsubj", "amod", "compound"} and c.i < clause.i]
    # (or the first part of that name where the parser chains it: "a charge" a compound of "Israel", itself one
    # of "rejects")
    nouns += [n for c in nouns if c.dep_ == "compound" for n in c.lefts if n.dep_ == "compound"]
    if clause.pos_ == "NOUN":
        nouns.append(clause)
    return any(c.lemma_ in _REMARK_NOUNS and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == "," for c in nouns)


def is_remark(noun: Token) -> bool:
    """Whether the noun is the writer's remark on words, with a clause on it ("a claim Hezbollah denied"),
    also where the tagger reads it as a verb and the parser hangs the clause on it as what it reports ("a
    finding Israel's mission rejected as ...") or as a relative clause ("a finding Ingraham did not address")."""
    if noun.tag_ == "VBG" and is_noun_taken_for_a_verb(noun):
        return noun.lower_ in _REMARK_NOUNS and any(c.dep_ in {"ccomp", "relcl"} for c in noun.children)
    clauses = [
        c
        for c in noun.children
        if c.dep_ in {"relcl", "acl"}
        or remark_cue_taken_for_a_plural(c)
        # a plural the tagger reads as a verb, the clause as what it reports: "allegations the group rejected"
        or (noun.tag_ == "VBZ" and c.dep_ == "ccomp" and has_subject(c))
    ]
    # (a noun of any other kind only in apposition, the writer's: "a restraining order, which a judge denied" is
    # what was asked for)
    judged = noun.dep_ == "appos" and noun.pos_ == "NOUN" and any(c.lemma_ in _VERDICTS for c in clauses)
    return bool(clauses) and (noun.lemma_ in _REMARK_NOUNS or judged)


def is_remark_taken_for_a_verb(token: Token) -> bool:
    """Whether a remark noun in "-s" the tagger reads as a verb closes what was said, with a relative clause on
    it: ", remarks that drew sharp rebukes" (a verb takes no relative clause)."""
    return token.tag_ == "VBZ" and is_remark(token) and comma_before(token) is not None


def is_noun_taken_for_a_verb(token: Token) -> bool:
    """Whether a word the tagger reads as a verb is a noun: one in "-ing" with an article ("a finding"), or
    one in "-s" that the parser makes a subject ("And calls for help have gone unanswered") or that has an
    adjective or a plural determiner right before it, which no verb in "-s" agrees with ("as Democratic calls
    for his resignation mount", "These calls for more troops have come")."""
    if token.tag_ == "VBG":
        return any(c.dep_ == "det" and c.lower_ in {"a", "an", "the"} for c in token.children)
    if token.tag_ != "VBZ" or token.i == 0:
        return False
    # (right before it: the parser may run a whole subject into a noun phrase on a verb, "the only program on the
    # list questions whether ...")
    before = token.doc[token.i - 1]
    modified = before.head == token and (before.dep_ == "amod" or before.lower_ in _PLURAL_DETERMINERS)
    if any(c.dep_ in _VERBS_OWN and c != before for c in token.children):
        # an object or a clause of its own keeps it a verb, whatever the parser runs into it: "the encyclical
        # rejects the theory", read as "the encyclical rejects" with an adjective
        return False
    return token.dep_ in _NOUN_SLOTS or modified


# Where a noun goes, not a verb (not an object: the parser may hang a sentence's verb on a noun before it as
# one, "the only program on the list questions whether ...")
_NOUN_SLOTS = frozenset({"nsubj", "nsubjpass"})
_PLURAL_DETERMINERS = frozenset({"these", "those"})
# What a verb takes and a noun does not
_VERBS_OWN = frozenset({"nsubj", "dobj", "dative", "ccomp", "xcomp", "attr", "oprd"})


def _named_by_another(noun: Token) -> bool:
    """Whether a clause on the noun is a cue of naming with a subject of its own: "a decision Greenpeace
    called a betrayal"."""
    return noun.pos_ == "NOUN" and any(
        c.dep_ in {"relcl", "acl"}
        and c.lemma_ in NAMING_CUES
        and any(s.dep_ == "nsubj" and s.tag_ not in RELATIVE_TAGS for s in c.children)
        for c in noun.children
    )


def not_reported(clause: Token) -> set[Token]:
    """The words closing a reported clause that the parser hangs on it but that are not what was reported,
    with the comma before them: a remark of the writer's ("The IDF said 300 rockets had been fired from
    Lebanon, a claim Hezbollah denied"), what someone else said meanwhile ("Netanyahu vowed to crush
    Hamas, while Abbas called for a ceasefire") or where the writer had the report from ("Ushakov told
    reporters the plan was unconstructive, according to the Interfax news agency")."""
    cut: set[Token] = set()
    doc = clause.doc
    # from the end, so that what closes the clause closes it once what comes after it is cut: "has told allies
    # that he is "not worried", according to three people ..., even as strategists warn of heavy losses"
    for token in reversed(list(clause.subtree)):
        if token.dep_ == "conj" and (
            is_reporting_conjunct(token)
            or _repeats_the_outer_perfect(token)
            or _withholds_evidence(token)
            or _past_after_an_infinitive(token)
        ):
            # with the "and" or "but" before it, and a comma before that
            joining = [c for c in token.head.children if c.dep_ == "cc" and c.i == token.left_edge.i - 1]
            cut.update([*token.subtree, *joining])
            if joining and doc[joining[0].i - 1].text == ",":
                cut.add(doc[joining[0].i - 1])
            continue
        # (which the parser may take for a second object: "says Hamas uses hospitals, a charge Hamas denies", or
        # for when it was done: "said it struck 40 targets, a figure Hamas has disputed"; or, read as a verb, for a
        # second verb: "argued that Europe was failing, remarks that drew rebukes"; or, a singular one read as a verb,
        # for a circumstance: "estimated that encounters fell by half, a finding Ingraham did not address")
        remark = (
            (token.dep_ in {"appos", "dobj", "npadvmod", "advcl"} and is_remark(token))
            or (token.dep_ == "conj" and is_remark_taken_for_a_verb(token))
            or is_reaction(token)
        )
        # or the occasion the speaker said it on: 'urged leaders to "choose the path of dialogue," speaking to a
        # crowd of 150,000', "said that Europe must wake up to the threat, in a televised address"
        remark |= _is_occasion_participle(token) or is_occasion(token)
        # or a noun for what was done, which another names ("approved new drilling, a decision Greenpeace called
        # a betrayal"), also where the parser takes it for when it was done
        remark |= token.dep_ in {"appos", "npadvmod"} and _named_by_another(token)
        # or where the tagger reads its verb as a plural noun and the parser hangs it on the clause as a
        # circumstance or a second verb (", a charge Israel rejects"; not a remark noun of its own, which is a
        # list's: ", crimes against children, weapons charges and DUI")
        remark |= (
            token.dep_ in {"advcl", "conj"}
            and token.lemma_ not in _REMARK_NOUNS
            and is_remark_taken_for_a_clause(token)
        )
        # or where the parser runs the noun into its speakers and hangs the cue on them (", a decision animal
        # welfare groups condemned as cruel")
        remark |= token.dep_ == "appos" and any(
            c.dep_ == "acl" and remark_taken_for_a_name(c) is not None for c in token.children
        )
        another_report = (
            token.dep_ == "advcl"
            and ((lemma(token) in ALL_CUES and is_circumstance(token)) or is_closing_participle(token))
        ) or (token.dep_ == "prep" and is_according_to(token))
        # or the writer's note that the speaker gave no proof: "..., without providing evidence"
        another_report |= token.lower_ == "without" and any(
            c.dep_ == "pcomp" and _gives_evidence(c) for c in token.children
        )
        # or a concession closing it: "claimed that paying no income taxes was smart, although he again refused to
        # pledge ..." (but "even though" argues with what was said: "said McConnell's trip was more important than
        # Clinton's, even though it received less attention")
        remark |= token.dep_ == "advcl" and is_conceded(token)
        # or others' words beside it: "said it captured the city, with witnesses describing mass killings"
        another_report |= (
            token.dep_ == "prep"
            and token.lower_ == "with"
            and any(lemma(p) in ALL_CUES for p in _absolute_participles(token))
        )
        # or the closing tag of the whole sentence: "Most voters say prices are too high, a new poll found",
        # also where the parser makes its cue a participle on its subject ("..., a poll found on Tuesday") or
        # joins it as a second verb ("Ministers were warned that ..., a leaked memo seen by the Guardian shows")
        another_report |= (token.dep_ in {"ccomp", "conj"} and tag_taken_for_a_clause(token) is not None) or any(
            c.dep_ == "acl" and participle_tag(c) is not None for c in token.children
        )
        # or a relative clause that reports on what was said with a speaker of its own: "Russia says Ukraine
        # shelled the plant, which Kyiv denies" (a pronoun for that speaker mostly stands for the outer one, and
        # what it says goes on with what was said: "said he had erred in taking the photos, which he said he
        # wanted to show only to his family")
        another_report |= _reports_on_its_own(token) and not any(
            c.dep_ == "nsubj" and c.tag_ == "PRP" for c in token.children
        )
        if not (remark or another_report):
            continue
        if sum(t not in cut for t in doc[token.right_edge.i + 1 : clause.right_edge.i + 1]) > 1:
            continue  # it closes the clause where at most one word after it is left
        # the comma may stand inside a quote that closes before them ('... "refused every proposal," while ...')
        comma = comma_before(token)
        if comma is None and doc[token.left_edge.i].text == ",":
            # the parser may hang the comma on them
            comma = token.left_edge.i
        if comma is not None and comma > 0:
            cut.update(token.subtree)
            if comma == token.left_edge.i - 1:
                cut.add(doc[comma])
    return cut


def _is_occasion_participle(participle: Token) -> bool:
    """Whether a participle closing what was said tells where the speaker said it, the writer's words:
    "..., speaking to a crowd of 150,000", "..., speaking at a rally in Ohio", "..., addressing the UN"."""
    return (
        participle.dep_ == "advcl"
        and participle.tag_ == "VBG"
        and participle.lemma_ in {"speak", "address"}
        and not has_subject(participle)
        and all(
            c.dep_ in {"prep", "punct", "npadvmod", "advmod"} or (c.dep_ == "dobj" and participle.lemma_ == "address")
            for c in participle.children
        )
        and not any(c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS for c in participle.children)
    )


def is_reaction(participle: Token) -> bool:
    """Whether a participle closing what was said tells how others took it, the writer's words: "said the tax
    would rise, prompting outrage from unions", "..., drawing criticism", also where the parser hangs it on the
    cue ('told senators that the schedule "has never been tested," drawing sharp rebukes'). What an event
    brought about may be part of the report ("said the rains fell, triggering landslides"), so only a reaction
    counts."""
    return (
        participle.dep_ in {"advcl", "xcomp"}
        and participle.tag_ == "VBG"
        and participle.lemma_ in _PROVOKING
        and not has_subject(participle)
        and any(c.dep_ == "dobj" and c.lemma_.lower() in _REACTIONS for c in participle.children)
    )


def clauses_on_the_time(verb: Token) -> list[Token]:
    """The that-clause a cue reports, which the parser may hang on the time the cue took: "Scientists have
    warned for decades that the planet is heating up", also as a relative clause on "the time", as if it said
    which time ("Officials said at the time that the attack was carried out by militants", "Israel admitted
    for the first time that it had killed the aid workers")."""
    return [
        clause
        for when in verb.children
        if when.i > verb.i and (is_when(when) or _is_the_time(when)) and not is_cue_preposition(verb, when)
        for time in when.children
        if time.dep_ == "pobj"
        for clause in time.children
        # (not a relative clause that "that" is a part of: "asked about the 50,000 hours that officers have
        # logged")
        if (
            clause.dep_ == "acl"
            or (
                clause.dep_ == "relcl"
                and clause.left_edge.dep_ in {"advmod", "mark"}
                and clause.left_edge.i == time.i + 1
            )
        )
        and is_that_clause(clause)
    ]


def _is_the_time(phrase: Token) -> bool:
    """Whether a phrase is "at the time" or "for the (first) time" ("during the time that he served" is a
    time)."""
    return (
        phrase.dep_ == "prep"
        and phrase.lower_ in {"at", "for"}
        and any(
            c.dep_ == "pobj" and c.lower_ == "time" and [d.lower_ for d in c.children if d.dep_ == "det"] == ["the"]
            for c in phrase.children
        )
    )


def tag_taken_for_a_clause(verb: Token) -> Token | None:
    """The subject of a tag after a comma, with nothing said of its own, that the parser made a second
    clause joined to what it tags ("Voters are angry, a YouGov poll found last week") or one on it, when
    the words between hang on the tag ("The RSF captured El Fasher, ..., after an 18-month siege, the group
    said on Sunday"); None for a clause of its own: "..., and the minister said so", where "and" stands
    before the subject, not the comma; "..., as the minister said"."""
    subject = subject_after_a_comma(verb)
    if verb.head.i >= verb.i or subject is None:
        return None
    if verb.dep_ == "conj":
        # (a phrase before the subject is the clause's, hung on the cue: "Putin is ready to meet Zelensky, but
        # only in Moscow, Kremlin aide Yuri Ushakov said on Wednesday")
        tagged = not any(
            c.dep_ in {"cc", "dobj", "ccomp", "xcomp", "advcl", "prep", "agent"}
            and not (c.dep_ == "prep" and (is_when(c) or c.right_edge.i < subject.left_edge.i))
            for c in verb.children
        )
    else:
        after = [c for c in verb.children if c.i > verb.i and not c.is_punct]
        tagged = (
            # or a second clause of the cue before it ("Most voters say prices are too high, a Reuters/Ipsos
            # poll found"), but not one with words of its own before its subject ("... that when prices rise,
            # consumers complain")
            (
                verb.dep_ == "advcl"
                or (verb.dep_ == "ccomp" and all(c.i >= subject.i or c.is_punct for c in verb.children))
            )
            and ends_sentence(verb)
            and not any(c.dep_ in {"mark", "neg"} or c.tag_ == "WRB" for c in verb.children)
            and all(c.dep_ in {"prep", "npadvmod"} and not is_cue_preposition(verb, c) for c in after)
        )
    return subject if tagged else None


def subject_after_a_comma(verb: Token) -> Token | None:
    """The one subject before a cue of saying, set off by a comma from the words before it, as a closing tag's
    is ("..., the group said"), or None."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if lemma(verb) not in CLAUSE_CUES or len(subjects) != 1 or subjects[0].left_edge.i == 0:
        return None
    return subjects[0] if verb.doc[subjects[0].left_edge.i - 1].text == "," else None


def is_closing_participle(verb: Token) -> bool:
    """Whether a cue is a participle after a comma that closes a reported clause, which the parser hangs on
    it though it reports more words of the outer speaker: "Garland has denied that the department targeted
    parents, saying it was responding to threats"."""
    return is_participle_after_comma(verb) and _goes_on_for_the_outer_speaker(verb)


def is_reporting_conjunct(verb: Token) -> bool:
    """Whether a cue joined by "and" or "but" to the end of a reported clause is the outer speaker's next act
    of speech, which the parser hangs on the clause: "Hayes said the officers had been placed on leave and
    urged residents to ...", "Coutinho admitted that bills could rise but insisted ...", also in the
    clause's own past tense: "said she regretted her remarks and promised ...", "said the party was not in
    crisis and urged ..." (as PolNeAR marks them: 14 times in 17 on its train split); but not after a verb
    by which the clause's subject came before those it then speaks to ("said the police arrived and warned
    residents ...")."""
    if not (verb.dep_ == "conj" and verb.tag_ == "VBD") or verb.head.lemma_ in _COMING_TO:
        return False
    if any(t.dep_ == "preconj" and t.i < verb.i for t in verb.head.subtree):
        return False  # "... is not only not forbidden, but even demanded": the second half of what was said
    outer = outer_cue(verb.head)
    # a past tense after a present or a modal cannot share their subject, even where the clause reports words
    # itself: "Kallas said the bloc "strongly condemns" the move and called on Israel to reverse it", "Peskov
    # warned that Russia would respond and said any confiscation would be illegal"
    mismatched = verb.head.tag_ in {"VBZ", "VBP"} or any(c.tag_ == "MD" for c in verb.head.children)
    return outer is not None and _is_past(outer) and _goes_on_for_the_outer_speaker(verb, mismatched)


def _is_past(verb: Token) -> bool:
    """Whether a verb is in the past or the present perfect: "warned", "has warned"."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(_perfect(verb)))


def _withholds_evidence(verb: Token) -> bool:
    """Whether a conjunct of a reported clause, with no subject of its own, is the writer's note that the
    outer speaker gave no proof: "Hegseth said the boat was operated by a terrorist group but offered no
    evidence", "... but did not provide any details" (a clause conceding it is `is_conceded`)."""
    if verb.dep_ != "conj" or has_subject(verb) or outer_cue(verb.head) is None:
        return False
    negated = any(c.dep_ == "neg" for c in verb.children)
    return _gives_evidence(verb) and (
        negated or any(d.lower_ == "no" for c in verb.children if c.dep_ == "dobj" for d in c.children)
    )


def is_conceded(clause: Token) -> bool:
    """Whether a clause concedes something to what was said, which is the writer's aside: "..., though it has
    not released evidence", "..., although he again refused to pledge ..." ("even though" is the speaker's)."""
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in _CONCEDING]
    return bool(marks) and (marks[0].i == 0 or clause.doc[marks[0].i - 1].lower_ != "even")


def _gives_evidence(verb: Token) -> bool:
    return verb.lemma_ in _GIVING and any(c.dep_ == "dobj" and c.lemma_.lower() in _PROOF for c in verb.children)


_GIVING = frozenset({"offer", "provide", "give", "present", "cite", "produce", "share", "supply", "release", "publish"})
_CONCEDING = frozenset({"though", "although"})
_PROOF = frozenset({"evidence", "proof", "detail", "specific", "information", "explanation", "source", "documentation"})


def _repeats_the_outer_perfect(verb: Token) -> bool:
    """Whether a conjunct of a reported clause, with no subject of its own, repeats the outer cue's "has" or
    "have" where the clause has none, and so is the outer speaker's next act: "Kennedy has said the shot is
    effective but has also promoted cod liver oil" ("has said inflation has peaked and has started to fall"
    is all said)."""
    clause = verb.head
    outer = outer_cue(clause)
    if verb.dep_ != "conj" or has_subject(verb) or outer is None or outer.i > clause.i or not has_subject(clause):
        return False
    if lemma(outer) not in ALL_CUES:
        return False  # "said clergy had witnessed him being fondled but had not intervened": no act of speech
    return bool(_perfect(verb) & _perfect(outer)) and not _perfect(clause)


def _past_after_an_infinitive(verb: Token) -> bool:
    """Whether a past-tense conjunct, with no subject of its own, of what a cue's infinitive reports is the
    speaker's next act, which no "to" can take: "vowed to retake every inch of occupied land and thanked
    allies for ..." (not a verb whose past is its plain form, which the tagger may take either way: "vowed to
    cut taxes and put ...")."""
    clause = verb.head
    return (
        verb.tag_ == "VBD"
        and verb.lower_ != verb.lemma_.lower()
        and not has_subject(verb)
        and clause.dep_ == "xcomp"
        and clause.tag_ == "VB"
        and is_infinitive(clause)
        # (the infinitive of a cue: in "used a separate computer to manage classified information and never
        # used ..." both verbs are the writer's)
        and (outer := outer_cue(clause)) is not None
        and lemma(outer) in ALL_CUES
    )


def _perfect(verb: Token) -> set[str]:
    """The verb's "has", "have" or "had"."""
    return {c.lower_ for c in verb.children if c.dep_ == "aux" and c.lemma_ == "have"}


def _goes_on_for_the_outer_speaker(verb: Token, whatever_the_clause: bool = False) -> bool:
    """What a closing participle and a reporting conjunct share: a verb of speech with no subject, on a
    reported clause that reports no speech itself (`whatever_the_clause`: or that does), after the outer cue
    and its speaker."""
    clause, outer = verb.head, outer_cue(verb.head)
    return (
        lemma(verb) in _CLOSING_PARTICIPLES
        and not has_subject(verb)
        and outer is not None
        # "Court documents say Patel lied about his travel, saying ...": Patel's words, about his own act of
        # speech; but "officers had shown maximum restraint" is no speech, nor is what the speaker urges ("urged
        # Muslim nations to speak with one voice, telling a summit ...")
        and (
            whatever_the_clause
            or lemma(clause) not in ALL_CUES | {"lie"}
            or (clause.lemma_ in EVIDENCE_CUES and not shows_evidence(clause))
            or (clause.dep_ == "xcomp" and is_infinitive(clause))
            # nor is a clause with no one to speak it, as the parser reads a noun ("disputed that reporting in
            # comments to The Daily Beast, saying ...")
            or (clause.dep_ == "ccomp" and clause.tag_ == "VBG" and not has_subject(clause))
            # nor is an appeal to a court ("said it would appeal, calling the ruling ..."; "appealed for calm" is)
            or (clause.lemma_ == "appeal" and not any(is_cue_preposition(clause, c) for c in clause.children))
        )
        # the outer cue comes first and has a speaker: not "..., saying ..., a source said", nor "it was
        # reported that ...,"
        and outer.i < clause.i
        and lemma(outer) in ALL_CUES
        and any(c.dep_ == "nsubj" and c.lower_ != "it" for c in with_its_subject(outer).children)
    )


def shows_evidence(verb: Token) -> bool:
    """Whether "show" or "find" has a source of evidence for subject ("a poll shows ...", "an audit found no
    evidence of fraud"), and so reports."""
    return any(c.dep_ in SUBJECT_DEPS and c.lemma_.lower() in EVIDENCE_NOUNS for c in verb.children)


def outer_cue(clause: Token) -> Token | None:
    """The verb a reported clause is the content of, as the parser hangs it: on the verb itself, or as a
    that-clause on its audience or occasion ("told reporters that ...", "said in a statement that ..."), or
    through the cue's preposition ("accused Israel of violating the truce")."""
    # ("urged Japan to correct its remarks": the infinitive of a cue of urging is what is urged)
    if clause.dep_ == "ccomp" or (clause.dep_ == "xcomp" and clause.i > clause.head.i):
        return clause.head
    if clause.dep_ == "advcl" and clause.i > clause.head.i and clause.head.lemma_ in PLEDGES and is_infinitive(clause):
        # 'vowed on Tuesday to "flood the zone"': the quote mark may lead the parser to take what is vowed for
        # a clause of purpose
        return clause.head
    if clause.dep_ == "conj" and clause.head.dep_ == "ccomp" and not has_subject(clause):
        # "said it was committed to returning the bodies but needed heavy equipment": a second verb of the
        # reported clause, sharing its subject, is reported by the same cue
        return clause.head.head
    preposition = clause.head
    if clause.dep_ == "pcomp" and preposition.dep_ == "prep" and lemma(preposition.head) in ALL_CUES:
        return preposition.head if preposition.i > preposition.head.i else None
    if clause.dep_ not in {"acl", "relcl"} or not is_that_clause(clause):
        return None
    noun = clause.head
    if noun.dep_ in {"dobj", "dative"}:
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        return noun.head.head
    return None


def with_its_subject(verb: Token) -> Token:
    """The verb, or the one it is joined to that has the subject they share: "China summoned the ambassador
    and demanded that ..." ("demanded" has no subject of its own)."""
    while verb.dep_ == "conj" and not has_subject(verb) and verb.head.i != verb.i:
        verb = verb.head
    return verb


def when_said(verb: Token, clause: Token) -> set[Token]:
    """When the cue was said, which the parser hangs on the reported clause when it stands between them:
    "Hamas said on Monday it had informed the mediators" was said on Monday."""
    subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    return {
        t
        for c in clause.children
        if is_when(c) and c.left_edge.i == verb.i + 1 and subjects and c.i < subjects[0].i
        for t in c.subtree
    }


def citation_before(verb: Token, clause: Token) -> set[Token]:
    """The "citing ..." set off by commas between the cue and the clause it reports, which the parser may hang
    on the clause: "Reuters reported, citing sources, that the deal was close" reported that the deal was
    close, and cited sources (a quote of its own)."""
    doc = verb.doc
    cut: set[Token] = set()
    for c in clause.children:
        if is_citation_after(verb, c) and c.i < clause.i:
            cut.update(c.subtree)
            if doc[c.right_edge.i + 1].text == ",":
                cut.add(doc[c.right_edge.i + 1])
    return cut


def is_citation_after(verb: Token, participle: Token) -> bool:
    """Whether the participle is a "citing" right after the cue, or its when ("reported Thursday, citing"), and
    a comma."""
    if lemma(participle) not in {"cite", "quote"} or participle.tag_ != "VBG":
        return False
    comma = participle.left_edge.i - 1
    when = {t.i for c in verb.children if c.i > verb.i and is_when(c) for t in c.subtree}
    return comma > verb.i and verb.doc[comma].text == "," and all(i in when for i in range(verb.i + 1, comma))
