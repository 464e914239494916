"""Who speaks and by which words: a cue verb's speaker (`speaker_of`), its subject with the parser's mistakes
mended (headlines' clipped passives, appositions, subjects taken into relative clauses, ...), and the words
of its cue (`cue_of`). Reported speech and quotes found by their marks both attribute through it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spinlens.quotes.closing import (
    CLAUSE_DEPS,
    OBJECT_DEPS,
    is_closing_participle,
    is_reporting_conjunct,
    outer_cue,
    remark_taken_for_a_name,
    subject_after_the_remark,
    with_its_subject,
)
from spinlens.quotes.cues import ALL_CUES, CLAUSE_CUES, EVIDENCE_CUES, QUESTION_CUES, SAYING_NOUNS
from spinlens.quotes.marks import Range
from spinlens.quotes.syntax import (
    CLAUSE_PREPOSITIONS,
    CLOSING_QUOTES,
    DASHES,
    FINITE_TAGS,
    RELATIVE_TAGS,
    SUBJECT_DEPS,
    after_dateline_words,
    back,
    comma_before,
    ends_its_sentence,
    has_subject,
    is_cue_preposition,
    is_infinitive,
    is_participle_after_comma,
    lemma,
    made_clear,
    names_people,
    object_after_quote,
    story_start,
    trimmed_subtree,
)
from spinlens.sentences import TITLES

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Cues of writing in a medium, which no one's name is the object of ("Trump posted on Truth Social")
_POSTING_CUES = frozenset({"post", "tweet", "write"})
# Verbs that send words to the people who are their object: "emailed supporters saying ..."
_MESSAGING_VERBS = frozenset({"email", "e-mail", "text", "message", "write", "phone", "call", "cable", "wire"})
# Passives of hearsay, which name who speaks in the infinitive after them: "is said to have told"
_HEARSAY = frozenset({"say", "report", "rumour", "rumor", "allege", "claim", "believe", "think", "understand"})
OPENING_QUOTES = frozenset({'"', "“", "``", "‘"})
# The preposition of what a cue charges or credits its object with: "accused X of ...", "praised X for ..."
_CHARGE_PREPOSITIONS = {
    "accuse": "of", "criticise": "for", "criticize": "for", "blame": "for", "condemn": "for", "praise": "for",
    "slam": "for", "lambast": "for", "lambaste": "for", "denounce": "for", "hail": "for", "laud": "for",
    "commend": "for",
}  # fmt: skip
# Wrongs one is accused of in a word: "accused by the UN of genocide"
_WRONGS = frozenset(
    {"genocide", "corruption", "fraud", "racism", "treason", "terrorism", "torture", "negligence", "misconduct",
     "incitement", "espionage", "bias", "hypocrisy", "antisemitism", "collusion", "interference", "aggression",
     "censorship", "discrimination", "harassment", "abuse", "theft", "bribery", "perjury", "sabotage", "complicity"}
)  # fmt: skip
# What is done to words someone else put out: who vetoes a resolution or reads a letter does not speak in it
_DONE_TO_ANOTHERS_WORDS = frozenset(
    {
        "veto", "reject", "block", "oppose", "defeat", "dismiss", "ignore", "receive", "read", "obtain", "review",
        "see", "overturn", "condemn", "denounce", "criticize", "criticise", "slam", "ban", "delete", "remove",
        "leak", "challenge", "quash", "withdraw", "retract", "cite", "quote", "suppress", "censor", "flag", "hide",
        "restrict", "throttle", "silence", "mock",
    }
)  # fmt: skip
# Verbs that say the words were not given; the cue keeps them ("declined to say", "failed to mention")
_REFUSALS = frozenset({"refuse", "decline", "fail"})
NAMED_SPEAKERS = frozenset({"PERSON", "ORG"})


def is_tag_taken_for_a_noun(token: Token) -> bool:
    """Whether the parser made a closing tag's cue a noun, with the clause it reports hung on it: "show" ("More
    than 1,300 people crossed the Channel on Saturday, Home Office data show"), or any cue in its "-s" form
    that ends the sentence ("About 1.4 million federal workers are working without pay, the Office of
    Personnel Management estimates")."""
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "ROOT"
        and (
            token.lemma_ in EVIDENCE_CUES
            or (token.tag_ == "NNS" and token.lemma_ in CLAUSE_CUES and ends_its_sentence(token))
        )
        and any(c.dep_ == "ccomp" and c.i < token.i for c in token.children)
    )


def named_by(remark: Token) -> Token:
    """The subject the parser made of the remark noun and the speaker after it (through a possessive: "a
    proposal teachers' unions have denounced as ...")."""
    while remark.dep_ in {"compound", "amod", "poss"}:
        remark = remark.head
    return remark


def charge_on_the_agent(verb: Token) -> Token | None:
    """The preposition of what a passive cue charges or credits someone with, where the parser hangs it on the
    agent: "was accused by rights groups of stifling dissent", "was criticised by unions for the cuts". A name's
    own word stays in it ("by the Center for American Progress")."""
    preposition = _CHARGE_PREPOSITIONS.get(verb.lemma_)
    if preposition is None:
        return None
    charges = [
        p
        for agent in verb.children
        if agent.dep_ == "agent"
        for o in agent.children
        if o.dep_ == "pobj"
        for p in o.subtree
        if p.dep_ == "prep" and p.lower_ == preposition and p.i > o.i and p.ent_iob_ != "I" and _is_charge(p)
    ]
    # (the last: "by the head of the agency of lying")
    return charges[-1] if charges else None


def _is_charge(preposition: Token) -> bool:
    """Whether a preposition after an agent can say what they charge: "for" always, "of" with an act or a
    wrong ("of lying", "of war crimes", "of genocide"), not with what the agent is part of ("by the head of
    the agency", "by members of parliament")."""
    return preposition.lower_ != "of" or any(
        c.dep_ == "pcomp"
        or c.tag_ == "VBG"
        or (
            c.dep_ == "pobj"
            and (c.tag_ == "NNS" or c.lemma_ in _WRONGS)
            and not any(d.dep_ in {"det", "poss"} for d in c.children)
        )
        for c in preposition.children
    )


def subject_told_of(passive: Token) -> Token | None:
    """Whom a passive of hearsay is told of, its subject ("Erdogan was reported ..."), or None."""
    if passive.lemma_ not in _HEARSAY:
        return None
    return next((c for c in passive.children if c.dep_ == "nsubjpass"), None)


def tag_before(participle: Token) -> Token | None:
    """The cue set off by commas before a participle that is a cue too, where the parser hangs both on the
    clause they close: "... brought to Ashdod, the foreign ministry said, mocking the voyage as a 'selfie
    yacht'". The participle is the tag's speaker's next act, not what was said; a participle that is no cue
    is no act of the speaker's ("..., officials said, killing 12")."""
    if not (is_participle_after_comma(participle) and lemma(participle) in ALL_CUES and not has_subject(participle)):
        return None
    comma = comma_before(participle)
    tags = [
        c
        for c in participle.head.children
        if c.dep_ == "parataxis" and lemma(c) in ALL_CUES and c.right_edge.i in {comma, comma - 1}
    ]
    return tags[0] if tags else None


def colon_after(verb: Token) -> Token | None:
    """The colon right after the cue or its object: "said:", "told reporters:"; further on, only after the
    cue's own phrases of where, when and to whom ("posted on Truth Social on Friday:")."""
    doc = verb.doc
    i = verb.i + 1
    limit = min(len(doc), verb.i + 9)
    while i < limit:
        token = doc[i]
        if token.text == ":":
            if i <= verb.i + 5:
                return token
            # and only before words on the same line: "described the conversation with the Influential Roman:"
            # over a block quote keeps its object
            said = i + 1 < len(doc) and "\n" not in token.whitespace_ and not doc[i + 1].is_space
            own = {t.i for c in verb.children if c.dep_ in {"prep", "dobj", "dative", "npadvmod"} for t in c.subtree}
            return token if said and all(j in own for j in range(verb.i + 1, i)) else None
        # a bar ends a headline ("White House endorses court ruling | Bangkok Post: news")
        if token.is_punct or token.text == "|" or token.is_sent_start or token.pos_ == "VERB":
            return None
        i += 1
    return None


# The word that follows a cue whose subject is its object in a headline's clipped passive: "Home Office
# accused of cruelty", "Minister urged to resign", "Trump slammed over remarks". "Warned of" and "called
# for" say something, so they are not here.
_CLIPPED_PASSIVES = {
    "accuse": {"of", "over"},
    "blame": {"for", "over"},
    "urge": {"to"},
    "tell": {"to"},
    "order": {"to"},
    "slam": {"for", "over"},
    "criticise": {"for", "over"},
    "criticize": {"for", "over"},
    "praise": {"for", "over"},
    "condemn": {"for", "over"},
}


def _is_participle_on_its_subject(verb: Token) -> bool:
    """Whether a past form is a participle set off by a comma right after the name the parser makes its
    subject: in "Mayor Brandon Johnson, asked about the shootings, said ..." Johnson was asked, by someone
    unnamed (a comma never parts a verb from its subject)."""
    # only a verb whose participle says what was done to the subject ("said" after "Allegra Lawrence-Hardy,
    # Abrams' campaign chair," is hers, the parser making the apposition the subject), and with no object
    # ("Juan Carlos Cruz, told the press ..." tells)
    if verb.lemma_ not in _CLIPPED_PASSIVES.keys() | QUESTION_CUES or not _is_bare_past(verb):
        return False
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    if len(subjects) != 1 or verb.doc[verb.i - 1].text != ",":
        return False
    subject = subjects[0]
    # the name ends right before the comma, with nothing on it after the name ("Scott's relatives, including
    # his wife, said" speak)
    return subject.i == verb.i - 2 and all(c.i < subject.i or c.is_punct for c in subject.children)


def subject_of_an_aside(verb: Token) -> Token | None:
    """The speaker of a cue after a participle on them that the parser took for the sentence's verb: in
    "Peskov, asked about the report, said ..." it hangs "said" on "asked", or "asked" on "said" as a clause
    of its own, and gives "asked" the subject."""
    if verb.i < 1 or verb.doc[verb.i - 1].text != ",":
        return None
    asides = [verb.head] if verb.dep_ in {"dep", "ccomp", "conj", "parataxis"} else []
    asides += [c for c in verb.children if c.dep_ == "advcl"]
    for aside in asides:
        if aside.i < verb.i and _is_participle_on_its_subject(aside):
            return next(c for c in aside.children if c.dep_ in SUBJECT_DEPS and c.i < aside.i)
    return None


def _is_clipped_passive(verb: Token) -> bool:
    """Whether a cue is a passive with its "was" clipped, as headlines write it: its subject was spoken of,
    and whoever spoke is unnamed."""
    after = _CLIPPED_PASSIVES.get(verb.lemma_)
    return (
        after is not None
        and _is_bare_past(verb)
        # "the ones Our Lord condemned for ...", "Sanders, who urged to investigate ...": active, however odd
        and verb.dep_ != "relcl"
        and not any(c.dep_ == "nsubj" and c.tag_ in {"PRP", "WP", "WDT"} for c in verb.children)
        and verb.i + 1 < len(verb.doc)
        and verb.nbor().lower_ in after
    )


def _is_bare_past(verb: Token) -> bool:
    """Whether a verb is a past form with no auxiliary and no object of its own, as a participle is."""
    return verb.tag_ in {"VBD", "VBN"} and not any(
        c.dep_ in {"aux", "auxpass", "dobj", "dative"} for c in verb.children
    )


def _compound_subject(verb: Token) -> bool:
    """Whether the parser takes the subject before a cue for nouns on it: evidence before "show", or a name
    before a cue in the present or past."""
    if verb.i == 0 or verb.doc[verb.i - 1].dep_ != "compound":
        return False
    before = verb.doc[verb.i - 1]
    # (the tagger may read "Trump" or "Starmer" as a common noun; not "the only program on the list questions
    # whether ...", where it runs the subject into "questions")
    name = before.pos_ == "PROPN" or before.ent_type_ in NAMED_SPEAKERS or before.is_title
    return verb.lemma_ in EVIDENCE_CUES or (verb.tag_ in {"VBZ", "VBD"} and before.head == verb and name)


def speaker_of(verb: Token) -> Span | None:
    if _is_clipped_passive(verb) or _is_participle_on_its_subject(verb):
        return None
    if _is_main_verb_taken_for_a_relative(verb):
        return trimmed_subtree(verb.head, verb)
    if (remark := remark_taken_for_a_name(verb)) is not None:
        if remark.dep_ == "nsubj" and (speaker := subject_after_the_remark(verb, remark)) is not None:
            return trimmed_subtree(speaker, verb)
        return verb.doc[remark.i + 1 : min(named_by(remark).right_edge.i + 1, verb.i)]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.pos_ == "NOUN" and verb.lemma_ not in EVIDENCE_CUES and is_tag_taken_for_a_noun(verb):
        # "..., the candidate's former doctor maintains": the parser hangs the speaker's words on the cue it
        # took for a noun, as its subject, its possessor or its own modifiers
        words = [c for c in verb.children if c.i < verb.i and c.dep_ not in {"ccomp", "punct"}]
        return verb.doc[words[0].left_edge.i : verb.i] if words else None
    before = [c for c in subjects if c.i < verb.i]
    # of two subjects the parser gives a cue, the one just before it: "64,000 registrations have been
    # challenged, most of them in majority-Black counties, a Guardian analysis found"; one after it is the
    # reported clause's ("Mr Salama said Mbandaka's location raised ...")
    ends = [c for c in before if _ends_another_subject(c, before)]
    after = [c for c in subjects if c.i > verb.i] or _name_left_after_a_closing_cue(verb)
    if len(after) > 1 and all(t.text == "-" or not t.is_punct for t in verb.doc[after[0].i : after[-1].i]):
        # "said co-author Dr. Rong Xu": the parser may split a hyphened word into subjects of their own, and
        # leave the word after the hyphen outside them ("said the co-founder of SCOTUSblog")
        end = trimmed_subtree(after[-1], verb).end
        while end < len(verb.doc) and verb.doc[end - 1].text == "-" and not verb.doc[end - 1].whitespace_:
            end = trimmed_subtree(verb.doc[end], verb).end
        return verb.doc[after[0].left_edge.i : end]
    if (summary := summary_taken_for_a_subject(verb)) is not None:
        return trimmed_subtree(speaker_conjunct(summary), verb)
    for child in [*(c for c in reversed(before) if c not in ends), *ends, *after]:
        if speaker := _subject_phrase(child, verb):
            described = [c for c in ends if _describes(c, child) or _names_the_last_noun(c, speaker)]
            if described:
                return verb.doc[speaker.start : trimmed_subtree(described[0], verb).end]
            return speaker
    if not subjects and (subject := _subject_taken_into_a_relative(verb)) is not None:
        return trimmed_subtree(subject, verb)
    if not subjects and (speaker := _subject_of_participle_before(verb)):
        return speaker
    if not subjects and (named := _subject_taken_for_an_apposition(verb)) is not None:
        return trimmed_subtree(named, verb)
    if not subjects and (named := _subject_taken_for_a_prepositions_object(verb)) is not None:
        return trimmed_subtree(named, verb)
    if not subjects and (speaking := object_after_quote(verb)) is not None:
        return trimmed_subtree(speaking, verb)
    if not subjects and (asked := subject_of_an_aside(verb)) is not None:
        return trimmed_subtree(asked, verb)
    if not subjects and _compound_subject(verb):
        # "..., Virginia court records show", "..., Home Office data show": the parser takes the evidence for
        # nouns on "show", and a name for one on a present or past cue ("President Trump predicts that ...")
        doc, first = verb.doc, verb.i - 1
        while first > 0 and doc[first - 1].dep_ == "compound" and first <= doc[first - 1].head.i <= verb.i:
            first -= 1
        return doc[doc[first].left_edge.i : verb.i]
    for child in verb.children:
        if child.dep_ == "agent":  # "it was reported by X"
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                speaker = trimmed_subtree(objects[0])
                if (charge := charge_on_the_agent(verb)) is not None:
                    return speaker.doc[speaker.start : charge.i]
                return speaker
    if (agent := agent_in_object(verb)) is not None:
        return trimmed_subtree(agent)
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ in {"quote", "cite"}:
        # "Basem Naim was quoted by Reuters as saying ...", "The Guardian cited two sources as saying ...": who
        # is quoted, not who quotes
        quoting = verb.head.head
        # the object of an active verb, else the subject of "quote" (the subject of an active "cite" cites)
        subjects = SUBJECT_DEPS if quoting.lemma_ == "quote" else {"nsubjpass"}
        quoted = [c for c in quoting.children if c.dep_ == "dobj"] or [
            c for c in quoting.children if c.dep_ in subjects
        ]
        if quoted:
            return trimmed_subtree(quoted[0])
    if verb.dep_ == "advcl" and (
        verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.i < verb.head.i and not has_subject(verb))
    ):
        # "Asked whether he would resign, the minister replied ...": the minister was asked, by someone unnamed
        # (the tagger may take the participle opening the sentence for a past tense)
        return None
    if (
        verb.dep_ == "acl"
        and (
            verb.tag_ == "VBD"
            or (
                verb.tag_ == "VBN"
                and (
                    any(c.dep_ in {"ccomp", "dobj"} or is_cue_preposition(verb, c) for c in verb.children)
                    or colon_after(verb) is not None
                )
            )
        )
        and (root := _root_noun_of(verb.head)) is not None
    ):
        # "Ukraine's foreign minister, Dmytro Kuleba, called on ...": the parser, finding no verb for the
        # sentence, made the noun its root and the cue a clause on it; the noun is the cue's subject. So it is
        # where the tagger took the verb for a participle, one that reports a clause, an object or what a colon
        # opens: "Eli Lilly, which controls a third of the market, announced in March that ...", "Dr. Tanya
        # Haj-Hassan, a doctor who volunteered at Al-Aqsa Hospital, posted on Instagram: ..."; or a cue on
        # the object of the root's preposition: "Families of the hostages called on the government to ..."
        return trimmed_subtree(root, verb)
    if (
        verb.dep_ == "acl"
        and verb.lemma_ in _POSTING_CUES
        and verb.head.pos_ == "PROPN"
        and verb.head.left_edge.i == verb.sent.start
        and verb.i == verb.head.i + 1
    ):
        # 'Trump posted on Truth Social: "..."': the parser read the name and the cue as one noun phrase, a
        # Trump who was posted
        return trimmed_subtree(verb.head, verb)
    if verb.dep_ == "conj" and any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        # "Guyger took a life, and ... she is being portrayed as the victim", "arrived late and was asked
        # whether ...": the subject of a verb in the passive, its own or the one it shares, is who is portrayed
        # or asked; with no agent, who portrays or asks goes unnamed
        return None
    if verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in verb.children):
        # "Höcke, whom a court has allowed to be called a fascist": the subject lets him be called so; who
        # calls him so is unnamed
        return None
    if verb.dep_ in {"advcl", "xcomp", "conj", "acl"} and verb.head.i != verb.i:
        # "..., saying that ...", "X arrived and said ...": the subject of the verb it hangs on; "X were
        # quick to dismiss ...": of the verb the adjective hangs on
        head = verb.head.head if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" else verb.head
        if (is_closing_participle(verb) or is_reporting_conjunct(verb)) and (outer := outer_cue(verb.head)):
            head = with_its_subject(outer)
            while head.lemma_ in EVIDENCE_CUES and (further := outer_cue(head)) is not None:
                # "said the sentence showed that no one is above the law and warned ...": what shows
                # something says nothing more; who said it showed does
                head = further
            if verb.dep_ == "conj" and head.lemma_ in ALL_CUES and (outer_speaker := speaker_of(head)) is not None:
                # a conjunct speaks as the outer cue's speaker, also where the parser gives that cue two
                # subjects ("The European Union's foreign policy chief Kaja Kallas said ... and called on ...")
                return outer_speaker
        elif (tag := tag_before(verb)) is not None:
            head = tag
        elif (
            head.dep_ == "relcl"
            and any(c.dep_ == "nsubj" and c.lower_ in {"that", "which"} for c in head.children)
            and is_participle_after_comma(verb)
        ):
            # "A judge blocked a law that would allow arrests, calling it unconstitutional": a participle
            # closing the sentence is its main clause's, not a thing's that a relative clause is about ("a
            # member who resigned, citing ..." is the member's)
            head = _clause_of(head.head)
        elif is_participle_after_comma(verb) and _is_subordinate_about_a_thing(clause := with_its_subject(head)):
            # "People marched on Saturday, a year after a canopy collapse killed 16 people, demanding early
            # elections": the parser hangs the participle on the subordinate clause, whose subject does not speak
            # (also on its second verb: "a year after a canopy collapsed and killed 16 people")
            head = _clause_of(clause.head)
        if verb.dep_ == "conj" and is_participle_after_comma(head) and not has_subject(head):
            # "struck down the scheme, calling it unconstitutional and ordering the bank to ...": who calls
            # it so orders
            return speaker_of(head)
        while verb.dep_ == "advcl" and head.dep_ == "xcomp" and not has_subject(head):
            # "The board voted to close the school, citing falling enrollment": who voted cites
            head = head.head
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":
            # "Students marched ... and killed ..., demanding early elections", as the parser may join a
            # clause: who does the verb with no subject of its own does the verb it is joined to (not for an
            # infinitive of purpose, which may be anyone's: "He ... to talk about ...")
            head = with_its_subject(head)
        if verb.tag_ == "VBG" and _subject_quoted(head, verb):
            # '"Marx does not even mention that ...," citing church teaching': who the quote is about is not
            # who cites; whoever said the quote is, if a tag names them: 'emailed supporters saying: "The
            # struggle continues" and vowing to ...', where the parser joins the participle to the quote's verb
            said = head.head
            return speaker_of(said) if head.dep_ == "ccomp" and lemma(said) in ALL_CUES else None
        for child in head.children:
            if child.dep_ == "nsubj" and (speaker := _subject_phrase(child)):
                return speaker
        if (
            verb.dep_ == "advcl"
            and is_participle_after_comma(verb)
            and lemma(head) in ALL_CUES
            and (named := object_after_quote(head)) is not None
        ):
            # '"...," continued the shooter's neighbor, adding that ...': whom a tag after a quote names, as the
            # parser's object of its cue, goes on
            return trimmed_subtree(named, head)
        if (
            verb.dep_ == "conj"
            and lemma(head) in ALL_CUES
            and not any(c.dep_ == "auxpass" for c in head.children)
            and (shared := speaker_of(head)) is not None
        ):
            # "Pope Leo XIV, in his first Christmas message, called for peace ... and urged ...": a cue joined to
            # an active one with no subject of its own, which the parser may take for a participle on the
            # sentence's noun, shares that cue's speaker (not a passive's agent: "the tyrant that would not be
            # ruled by God and declared ..." is the tyrant's, as the parser has it)
            return shared
        if verb.dep_ == "xcomp" and is_infinitive(verb) and (told_of := subject_told_of(head)) is not None:
            # "Erdogan was reported to have told aides ...", "The minister is said to have warned ...": whom
            # hearsay is told of speaks in its infinitive ("she will be tempted to believe", "were not
            # authorised to speak" report no words)
            return trimmed_subtree(told_of)
        if caught_saying(verb):
            # "the executive can be heard boasting that ...": one heard or filmed saying it
            return next((trimmed_subtree(c) for c in head.children if c.dep_ == "nsubjpass"), None)
        if (verb.dep_ == "advcl" and is_participle_after_comma(verb)) or _active_after_a_passive(verb):
            # "Zohran Mamdani was sworn in as mayor, promising to freeze rents", "Yermak has not been charged
            # and has denied wrongdoing": one a passive is done to, a person or a body, goes on to speak
            for child in head.children:
                if child.dep_ == "nsubjpass" and (child.tag_ == "PRP" or names_people(child)):
                    return trimmed_subtree(child)
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            if head.lemma_.lower() in SAYING_NOUNS:
                return _saying_noun(head)
            if (
                head.dep_ == "dobj"
                and lemma(head.head) in _MESSAGING_VERBS
                and (has_subject(head.head) or head.head.tag_ == "VBG")
            ):
                # "The mayor emailed supporters saying: ...": the participle tells what the message said, which
                # its sender says, not the people it went to (where the verb has no subject, the parser made
                # the writer its object: '"...," wrote a man calling himself ...')
                return speaker_of(head.head)
            if names_people(head):
                return trimmed_subtree(head)  # "in response to cops claiming ...", "Acosta claiming ..."
            with_ = head.head
            if head.dep_ == "pobj" and with_.lower_ == "with" and with_.i > 0 and head.doc[with_.i - 1].text == ",":
                # "..., with charities warning that pensioners could die": what "with" opens after a comma
                # speaks, whatever kind of speaker it names (not "providing children with an education
                # emphasizing liberty")
                return trimmed_subtree(head)
    if (
        verb.dep_ == "pcomp"
        and verb.head.lower_ in {"by", "before", "after"}
        and verb.head.head.pos_ in {"VERB", "AUX"}
        # "... before being asked if the shooter was pinned down": whoever asks is unnamed
        and not any(c.dep_ == "auxpass" for c in verb.children)
    ):
        # "Loesch sparked controversy by claiming that ...": the subject of what was done so; '"...," Cruz
        # replied, before adding that ...': of what was done before it; and one a passive was done to after
        # they spoke ("Silverman was booed by Sanders supporters after telling holdouts that ...")
        done = verb.head.head
        if verb.head.lower_ != "by" and lemma(done) in ALL_CUES:
            # '"...," Facebook said, before accusing us of ...': whoever spoke first, of whatever kind
            return speaker_of(done)
        while done.dep_ == "conj" and not has_subject(done):
            done = done.head  # "was booed and shouted down after telling ..."
        deps = {"nsubj"} if verb.head.lower_ == "by" else {"nsubj", "nsubjpass"}
        for child in done.children:
            if child.dep_ in deps and (child.tag_ == "PRP" or names_people(child)):
                return trimmed_subtree(child)
    return None


def _root_noun_of(noun: Token) -> Token | None:
    """The noun the parser made the sentence's root, if `noun` is it or the object of its preposition; or,
    where a dateline's place opens the sentence, the noun hung on it as its apposition ("TEL AVIV — Israel's defence
    minister, Israel Katz, posted on X that ...")."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        noun = noun.head.head
    if noun.dep_ == "appos":
        # the place may hang on the sentence's verb too ("DAMASCUS — Syria's interim president, Ahmed
        # al-Sharaa, pledged ..., after a monitoring group reported ...")
        story = story_start(noun.doc, noun.head.idx)
        return noun if story is not None and noun.head.idx < story <= noun.left_edge.idx else None
    return noun if noun.dep_ == "ROOT" and noun.pos_ in {"NOUN", "PROPN"} else None


def _active_after_a_passive(verb: Token) -> bool:
    """Whether a cue joined to a passive is active itself, and so shares its subject as its speaker: "was
    arrested and denied wrongdoing", "has not been charged and has denied wrongdoing"."""
    return (
        verb.dep_ == "conj"
        and not any(c.dep_ == "auxpass" for c in verb.children)
        and (verb.tag_ in FINITE_TAGS or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children))
        and any(c.dep_ == "auxpass" for c in verb.head.children)
    )


# Verbs by which someone is caught in the act of saying something: "was heard saying", "was filmed telling"
_CAUGHT = frozenset({"hear", "overhear", "see", "catch", "film", "record", "tape", "videotape", "capture", "show"})


def caught_saying(verb: Token) -> bool:
    """Whether a cue says what someone was heard, seen or recorded saying: "was heard saying", "was caught on
    camera telling"."""
    return (
        verb.dep_ in {"xcomp", "advcl"}
        and verb.tag_ == "VBG"
        and verb.head.lemma_ in _CAUGHT
        and any(c.dep_ == "auxpass" for c in verb.head.children)
    )


def _subject_quoted(clause: Token, verb: Token) -> bool:
    """Whether the clause's subject stands inside the quote that closes right before the verb's phrase (past
    a comma, an "and" or a "but")."""
    doc, closing = verb.doc, verb.left_edge.i - 1
    if closing >= 0 and doc[closing].lower_ in {"and", "but"}:
        closing -= 1
    if closing >= 0 and doc[closing].text == ",":
        closing -= 1
    if closing < 0 or doc[closing].text not in CLOSING_QUOTES:
        return False
    opening = next((t.i for t in reversed(doc[: closing - 1]) if t.text in OPENING_QUOTES), None)
    return opening is not None and any(c.dep_ in SUBJECT_DEPS and opening < c.i < closing for c in clause.children)


def _is_main_verb_taken_for_a_relative(verb: Token) -> bool:
    """Whether the parser, finding no verb for the sentence, made its noun the root and the cue the relative
    clause before it: in "The Family Research Council, which the SPLC lists as a hate group, called the
    designation ..." the council calls, not "the SPLC lists"."""
    doc = verb.doc
    return (
        verb.dep_ == "relcl"
        and verb.tag_ == "VBD"
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ in {"NOUN", "PROPN"}
        and verb.i > 0
        and doc[verb.i - 1].text == ","
        and any(c.dep_ == "nsubj" and c.tag_ in RELATIVE_TAGS for c in verb.children)
    )


def agent_in_object(verb: Token) -> Token | None:
    """Who spoke in a passive cue when the parser hung the "by" phrase on what was said: 'were branded
    "domestic terrorists" by the Justice Department', "was described as reckless by the opposition leader".
    Only a phrase that closes the object and names someone: "accused of winning by fraud" names no one."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children):
        return None
    for said in verb.children:
        if said.i < verb.i or said.dep_ not in OBJECT_DEPS:
            continue
        for by in said.subtree:
            agents = [c for c in by.children if c.dep_ == "pobj"]
            if (
                by.lower_ == "by"
                and by.dep_ == "prep"
                and said in (by.head, by.head.head)
                and by.right_edge.i == said.right_edge.i
                # "agreed to stop the war games, a key demand by Kim": Kim demanded, in a remark on the object
                and not any(t.text in {",", ";", ":"} for t in verb.doc[verb.i : by.i])
                and agents
                and names_people(agents[0])
            ):
                return agents[0]
    return None


def _subject_taken_into_a_relative(verb: Token) -> Token | None:
    """The cue's subject where the parser read a relative clause on it as the clause the cue reports, and
    made the subject that clause's: in "The Office for Budget Responsibility, whose forecasts were published
    an hour early, said ..." the office speaks. The clause then has two subjects before its verb, the second
    a relative word's after a comma, and a comma closes it before the cue."""
    doc = verb.doc
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.right_edge.i + 2 != verb.i or doc[verb.i - 1].text != ",":
            continue
        subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.i < clause.i]
        if len(subjects) != 2:
            continue
        first, second = subjects
        relative = second.left_edge
        if (
            first.left_edge.i == verb.sent.start
            and relative.tag_ in RELATIVE_TAGS
            and doc[relative.i - 1].text == ","
            and all(t.text == "," for t in doc[first.right_edge.i + 1 : relative.i])
        ):
            return first
    return None


def _subject_of_participle_before(verb: Token) -> Span | None:
    """The subject the parser hangs on a participle set between it and an active cue by commas: "Chief
    Justice John Roberts, writing for the majority, said ..."; not on a circumstance ("As Trump was heading
    to Singapore, an agent reported ...")."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None
    for clause in verb.children:
        if (subject := participle_subject(verb, clause)) is not None and (
            speaker := after_dateline_words(subject, clause)
        ):
            return speaker
    return None


def summary_taken_for_a_subject(verb: Token) -> Token | None:
    """The noun summing up a reported clause that the parser takes, with the speaker after it as a second
    conjunct, for the cue's subject: "... 264 times in October, the highest figure since 2006, the U.N.
    humanitarian office, OCHA, said". A list with no "and" is no list of speakers."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if any(c.dep_ in CLAUSE_DEPS and c.i > verb.i for c in verb.children):
        return None  # "While X is common, the watchdog group, FACT, says Y": Y is what is said
    for subject in verb.children:
        if (
            subject.dep_ == "nsubj"
            and clause is not None
            and clause.i < subject.i < verb.i
            and subject.pos_ == "NOUN"
            and not any(c.dep_ in {"cc", "preconj"} for c in subject.children)
            and (speaker := speaker_conjunct(subject)) is not subject
            and comma_between_words(subject, speaker)
        ):
            return subject
    return None


def speaker_conjunct(subject: Token) -> Token:
    """The conjunct after the subject, or the subject itself where it has none."""
    return next((c for c in subject.children if c.dep_ == "conj" and c.i > subject.i), subject)


def comma_between_words(before: Token, after: Token) -> bool:
    """Whether a comma stands between the word `before` and the phrase of `after` (where `_comma_between`
    looks past the whole phrase of `before`, which may hold `after`)."""
    return any(t.text == "," for t in before.doc[before.i + 1 : after.left_edge.i])


def _name_left_after_a_closing_cue(verb: Token) -> list[Token]:
    """The name closing a headline's tag that the parser leaves unattached ("dep") where the blank line after
    the headline runs on into a dateline: "Tehran Will Not Bow to Zionist Blackmail, Says Araghchi"."""
    if verb.dep_ != "ROOT" or not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return []
    return [
        c
        for c in verb.children
        if c.dep_ == "dep"
        and c.i == verb.i + 1
        and c.pos_ == "PROPN"
        and c.right_edge.i + 1 >= verb.sent.end - 1
        # a title alone is no one: '... said Sgt.' with the name on the next line
        and c.text.rstrip(".") not in TITLES
    ]


def _subject_taken_for_an_apposition(verb: Token) -> Token | None:
    """The speaker the parser hangs, as an apposition, on the last noun of the phrase the sentence opens with:
    "In the village of Turmus Ayya, Ayed Abu Awwad, 54, said ..." reads as a village called both, and
    "Troubled by the protests in Ohio, Senator Tom Baker, ..., said ..." as a state called so."""
    doc = verb.doc
    last = verb.i - 1
    while last >= 0 and doc[last].is_punct:
        last -= 1
    if last < 0:
        return None
    named = doc[last]
    while named.dep_ == "appos" and named.head.dep_ in {"appos", "conj"}:
        named = named.head
    place = named.head
    # (or as a second noun, joined to it by the comma alone: "... in Ohio, Senator Tom Baker, ..., said")
    joined = named.dep_ == "conj" and not any(c.dep_ == "cc" for c in place.children)
    if not (named.dep_ == "appos" or joined) or place.dep_ != "pobj" or named.pos_ not in {"PROPN", "NOUN"}:
        return None
    if not comma_between_words(place, named):
        return None
    opening = place
    # (through the phrases of a participle too, its agent among them: "Troubled by the protests in ...")
    while opening.dep_ in {"pobj", "prep", "agent"} and opening.head.i != verb.i:
        opening = opening.head
    # (or a participle with no subject: "Troubled by the protests in Ohio, Senator Tom Baker, ..., said")
    participle = opening.dep_ == "advcl" and opening.tag_ in {"VBN", "VBG"} and not has_subject(opening)
    if not (opening.dep_ == "prep" or participle) or opening.head.i != verb.i or opening.left_edge.i != verb.sent.start:
        return None
    return named


def _subject_taken_for_a_prepositions_object(verb: Token) -> Token | None:
    """The speaker of a clause opened by "after", "before", "since" or "until" that the parser read as the
    preposition's object, with the cue a clause of its own: in "His comments came after Trump, in an
    interview with Politico, accused Kyiv of ..." Trump accused. Only a name, and only with nothing between
    it and the cue but commas and phrases of where or how."""
    if verb.dep_ != "advcl" or verb.tag_ not in {"VBD", "VBN"}:
        return None
    doc = verb.doc
    for opening in verb.head.children:
        if opening.dep_ != "prep" or opening.lower_ not in CLAUSE_PREPOSITIONS or opening.i > verb.i:
            continue
        named = next((c for c in opening.children if c.dep_ == "pobj"), None)
        if named is None or named.pos_ != "PROPN" or named.right_edge.i >= verb.i:
            continue
        between = doc[named.right_edge.i + 1 : verb.i]
        phrases = {t.i for c in verb.head.children if c.dep_ == "prep" and c.i > named.i for t in c.subtree}
        if any(t.text != "," and t.i not in phrases for t in between):
            continue
        return named
    return None


def participle_subject(verb: Token, clause: Token) -> Token | None:
    """The subject of a clause before the cue that is a participle set off by commas on the cue's own subject,
    which the parser took for the participle's. "Mayor Brandon Johnson, asked about the shootings on Monday,
    said ..." may be parsed as fronted content, "Johnson asked about ...", but a comma never parts a verb
    from its subject."""
    if clause.i > verb.i or clause.tag_ not in {"VBG", "VBN", "VBD"} or any(c.dep_ == "mark" for c in clause.children):
        return None
    if clause.dep_ == "advcl" and clause.tag_ == "VBD":
        return None
    # taken for fronted content, only right before the cue ("..., said"): the participle has no other place;
    # the comma is the participle's or the cue's
    if clause.dep_ == "ccomp" and not (
        clause.right_edge.i in {verb.i - 2, verb.i - 1} and verb.doc[verb.i - 1].text == ","
    ):
        return None
    if clause.dep_ not in {"advcl", "ccomp"}:
        return None
    doc = verb.doc
    if doc[clause.i - 1].text != ",":
        return None
    # the subject's words end at the comma, which the parser may hang on them ("Iran's foreign minister Abbas
    # Araghchi, writing in the Financial Times, argued ...")
    return next(
        (s for s in clause.children if s.dep_ == "nsubj" and _last_word(s).i == clause.i - 2),
        None,
    )


def _last_word(head: Token) -> Token:
    """The last token of the head's phrase that is no punctuation."""
    return next(t for t in reversed(list(head.subtree)) if not t.is_punct or t.i == head.i)


def _clause_of(word: Token) -> Token:
    """The verb of the clause a word is in."""
    while word.pos_ not in {"VERB", "AUX"} and word.head.i != word.i:
        word = word.head
    return word


def _ends_another_subject(subject: Token, subjects: list[Token]) -> bool:
    """Whether a second subject the parser found is only the end of the first: the object of a clause on it
    ("A neighbor who heard the gunfire said"), a name after a dash ("an email obtained by the USA TODAY
    NETWORK – Florida shows"), or a participle's ("Churkin, spurning requests from officials, asserted")."""
    if len(subjects) < 2 or subject.i == min(s.i for s in subjects):
        return False
    first = subject.left_edge
    if first.tag_ in {"VBG", "VBN"}:
        return True
    doc = subject.doc
    i = first.i - 1
    while i > 0 and doc[i].text in DASHES and doc[i].whitespace_:
        i -= 1
    if doc[i] in subjects and doc[i].tag_ in {"WP", "WDT"}:
        return False  # "Garland, who he says lied to Congress": the relative pronoun is what is said of
    if any(_describes(subject, other) for other in subjects):
        return True
    return not doc[i].is_punct and any(doc[i] in other.subtree for other in subjects if other.i < subject.i)


def _names_the_last_noun(subject: Token, speaker: Span) -> bool:
    """Whether a second subject is a name right after the first one's phrase, which the parser cut off its
    last noun: "Economists at the consultancy Equilibra warned"."""
    return subject.pos_ == "PROPN" and subject.left_edge.i == speaker.end


def _describes(subject: Token, name: Token) -> bool:
    """Whether a subject is a description set between commas after a name, which the parser took for a
    second subject: "COGAT, the Israeli military body that oversees aid, said"; or a part of those the first
    subject names: "Demonstrators, most of them in their 20s, said"."""
    doc = subject.doc
    # the parser may hang the closing comma on the description itself
    closing = subject.right_edge.i + (doc[subject.right_edge.i].text != ",")
    if not (
        name.right_edge.i + 2 == subject.left_edge.i
        and doc[name.right_edge.i + 1].text == ","
        and closing < len(doc)
        and doc[closing].text == ","
    ):
        return False
    if any(c.lower_ == "of" and any(o.lower_ == "them" for o in c.children) for c in subject.children):
        return True
    return name.pos_ == "PROPN" and subject.pos_ == "NOUN" and subject.left_edge.lower_ in {"the", "a", "an"}


def _subject_phrase(subject: Token, verb: Token | None = None) -> Span | None:
    """The subject's phrase past any dateline, with the name it describes where the parser cut that off."""
    speaker = after_dateline_words(subject, verb)
    if speaker and (name := _name_taken_for_a_modifier(subject)) is not None and (named := after_dateline_words(name)):
        return speaker.doc[named.start : speaker.end]
    return speaker


def _name_taken_for_a_modifier(subject: Token) -> Token | None:
    """The name a subject describes, where the parser made the name a phrase of the cue's: in "COGAT, the
    Israeli military body that coordinates aid, said" it may read "COGAT" as one of time or measure."""
    return next(
        (
            c
            for c in subject.head.children
            if c.dep_ == "npadvmod"
            and c.pos_ == "PROPN"
            and c.ent_type_ not in {"DATE", "TIME"}
            and _describes(subject, c)
        ),
        None,
    )


def _saying_noun(noun: Token) -> Span:
    """Who speaks in "a statement saying ...": whoever released or sent it ("CNN released a statement
    saying ..."), else the statement itself ("despite a 2015 letter from ICE saying ...", "Washington vetoed
    three resolutions calling for a ceasefire")."""
    if noun.dep_ == "dobj" and noun.head.lemma_ not in _DONE_TO_ANOTHERS_WORDS:
        for child in noun.head.children:
            if child.dep_ == "nsubj":
                return trimmed_subtree(child)
        if noun.head.dep_ in {"xcomp", "advcl"} and (giver := speaker_of(noun.head)) is not None:
            # "Putin spent 30 minutes giving a history lecture claiming ...": who gave it
            return giver
    return trimmed_subtree(noun)


def _is_subordinate_about_a_thing(clause: Token) -> bool:
    """Whether a clause is a subordinate one ("after", "as", "when") whose subject is a thing: a singular
    common noun that names no people ("a canopy collapse", not "organizers of the event", who may act)."""
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    return (
        clause.dep_ == "advcl"
        and clause.head.i != clause.i
        and any(c.dep_ == "mark" for c in clause.children)
        and len(subjects) == 1
        and subjects[0].tag_ == "NN"
        and not names_people(subjects[0])
    )


def cue_of(verb: Token) -> Range:
    words = [verb]
    # not an auxiliary before the subject, as a question puts it: "Has he called for ...?" has "called for"
    subjects = [c.i for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    opens = subjects[-1] if subjects else -1
    words += [c for c in verb.children if c.dep_ in {"aux", "auxpass", "neg"} and opens < c.i < verb.i]
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _REFUSALS and verb.head.i < verb.i:
        # "the CDC refuses to admit they were wrong": without "refuses", the cue would read as if the CDC
        # had admitted it
        words += [verb.head] + [c for c in verb.head.children if c.dep_ in {"aux", "neg"} and c.i < verb.head.i]
    stopped = stopped_short(verb)
    if stopped is not None:
        # "stopped short of calling for an inquiry": nor did they call for one
        words += [stopped, verb.head.head, verb.head]
    words += [c for c in verb.children if c.dep_ == "prt"]
    if (made := made_clear(verb)) is not None:
        words += list(verb.doc[verb.i + 1 : made[0].i + 1])  # "made it clear", "made the case"
    if lemma(verb) == "retort" and verb.lemma_ != "retort":
        words += [back(verb)]  # "shot back"
    words += [c for c in verb.children if is_cue_preposition(verb, c)]
    start = min(w.idx for w in words)
    end = max(w.idx + len(w.text) for w in words)
    return start, end


def stopped_short(verb: Token) -> Token | None:
    """The "stopped" of "stopped short of calling for ...", whose subject is the cue's, if the cue has one."""
    of, short = verb.head, verb.head.head
    if verb.dep_ == "pcomp" and of.lower_ == "of" and short.lower_ == "short" and short.head.lemma_ == "stop":
        return short.head
    return None
