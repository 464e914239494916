"""Which entity a quote's speaker is: named in the speaker span, or the nearest fitting one it refers back to.

- A speaker span that contains a mention of an entity is that entity ("Secretary Kerry"); with several,
  the one its head word names ("Foreign Ministry spokeswoman Maria Zakharova" is Zakharova). A person or
  organisation named only in a modifier is who the speaker speaks for ("a spokesman for the Pentagon"); a
  place or a group is not ("a senior US official" is no more the US than "Israeli officials" are Israelis),
  nor is one that opens a hyphenated modifier ("the Hamas-run health ministry", "Iran-backed rebels"), nor
  a person whose family, friend or lawyer speaks ("Kavanaugh's friend", "Trump's lawyers"), nor one a
  relative clause on the speaker names ("the co-founder of SCOTUSblog who has appeared before the Supreme
  Court"). An owned body is itself, not its owner ("Jacob Zuma's new MK party" is MK).
- "who" opening a relative clause on a description beside a name is that name ("Rachel Reeves, the woman
  who promised ..."; "Ernst Roets, a lobbyist for Afrikaner groups, who has warned ...", where a singular
  verb says the clause is not on the plural the parser hangs it on).
- "he" / "she" is the nearest person mentioned before it; "it" the nearest organisation; "they" the nearest
  organisation or group (but "they" under a plural no entity names is that plural: no one); each within the
  few sentences before the quote, as a reader would look back. An
  earlier quote's speaker counts as a mention of whom it resolved to ("the ministry said ... it added"), and
  someone named only in what another speaker said is not who a pronoun after it is ("Judge Jackson said the
  defendant, Richard Moss, had lied. She also ordered ..." is the judge); nor is the one a relative clause
  is about ("Merrick Garland, who he says lied to Congress"). A fitting speaker no entity names ("Military
  spokesman Lieutenant Colonel Nadav Shoshani", whom NER missed; "the Israeli military") is who a pronoun
  after it is, and so the pronoun stays unresolved rather than taking someone else; so is a thing that spoke
  for "it" ("Lord Darzi's independent investigation found ... It said ..." is the investigation).
- A definite role description ("the spokesperson", "the department") is whoever the text last introduced in
  that role ("Foreign Ministry spokesperson Wang Wenbin", "the Justice Department"), or no one if that was
  an unnamed one a few sentences back ("A House official said ..."); a role never introduced is the nearest
  person, or organisation, mentioned before it within a few more sentences. A plural one ("the authors") is
  no single entity.
- "who" / "which" opening a relative clause is the entity named by the noun the clause hangs on.
- Anything else ("a source", "officials", "I", a name NER missed) stays unresolved: never invented.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, NamedTuple

from spinlens.datelines import dateline_span
from spinlens.parsing import doc_text
from spinlens.quotes.cues import ADDRESSEE_CUES, ALL_CUES
from spinlens.quotes.media import is_medium
from spinlens.record import Entity, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Range = tuple[int, int]


class Resolved(NamedTuple):
    """An earlier quote with a speaker: where the speaker and the words are, and whose they are, if known."""

    speaker: Range
    entity: int | None
    content: Range


_PRONOUN_TYPES = {
    "he": {"person"},
    "she": {"person"},
    "it": {"organisation"},
    "they": {"organisation", "group"},
    # "according to her", "was told by them"
    "him": {"person"},
    "her": {"person"},
    "them": {"organisation", "group"},
    # 'In his words: "..."'
    "his": {"person"},
    "their": {"organisation", "group"},
    "its": {"organisation"},
}
PERSON_ROLES = frozenset(
    [
        "minister",
        "president",
        "senator",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "governor",
        "candidate",
        "nominee",
        "secretary",
        "official",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "leader",
        "ambassador",
        "envoy",
        "diplomat",
        "mayor",
        "congressman",
        "congresswoman",
        "representative",
        "lawmaker",
        "judge",
        "prosecutor",
        "attorney",
        "lawyer",
        "general",
        "commander",
        "chief",
        "premier",
        "chancellor",
        "king",
        "queen",
        "prince",
        "pope",
        "author",
        "writer",
        "reporter",
        "journalist",
        "economist",
        "analyst",
        "professor",
        "doctor",
        "businessman",
        "billionaire",
        "actor",
        "actress",
        "singer",
        "host",
        "manager",
        "aide",
        "adviser",
        "advisor",
        "campaigner",
        "activist",
    ]
)
ORGANISATION_ROLES = frozenset(
    [
        "campaign",
        "group",
        "organization",
        "organisation",
        "company",
        "firm",
        "ministry",
        "department",
        "agency",
        "government",
        "committee",
        "party",
        "administration",
        "network",
        "newspaper",
        "paper",
        "outlet",
        "station",
        "channel",
        "council",
        "court",
        "army",
        "military",
        "police",
        "union",
        "coalition",
        "commission",
        "board",
        "bank",
        "office",
        "foundation",
        "institute",
        "university",
    ]
)
# Forces named by two words, the second of which alone may be a person ("a guard") or no body ("force")
_NAMED_FORCES = frozenset({("coast", "guard"), ("national", "guard"), ("border", "guard"), ("air", "force")})
# People whose words are their own even beside the name of the person they are close to
ASSOCIATE_NOUNS = frozenset(
    {
        "mother", "father", "parent", "son", "daughter", "child", "wife", "husband", "brother", "sister",
        "cousin", "family", "relative", "niece", "nephew", "uncle", "aunt", "grandmother", "grandfather",
        "stepmother", "stepfather", "widow", "fiancé", "fiancée", "boyfriend", "girlfriend", "friend",
        "classmate", "neighbor", "neighbour", "colleague", "lawyer", "attorney", "aide", "adviser", "advisor",
        "partner", "associate", "mum", "mom", "dad", "accuser", "opponent", "challenger", "rival", "biographer",
    }
)  # fmt: skip
# Words that make a description a person's: "Military spokesman ...", "Her neighbour, a retired sailor"
_PERSON_WORDS = PERSON_ROLES | ASSOCIATE_NOUNS
# Who belong to someone's side, and so speak beside, not for, the person named
_FOLLOWERS = frozenset({"supporter", "member", "follower", "loyalist", "voter", "fan", "backer", "donor", "staffer"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Who speaks for an entity named only in a modifier ("a spokesman for the Pentagon", "the UN human rights
# office"); "a senior US official" or "Israeli officials" are not the country or the people.
_SPEAKING_TYPES = frozenset({"person", "organisation"})
_HYPHENATED_MODIFIER = re.compile(r"-[a-z]")
# A lawmaker's party and place, in brackets after the name: "(D-Newport News)", "(R-Tex.)"
_PARTY_AND_PLACE = re.compile(r"\([DRI]-")
# Words that say what any news organisation is: "the media outlet" may be NBC News
_ANY_MEDIA = frozenset({"news", "media", "propaganda"})
# How far back a pronoun, then a role description, may look for its entity, in sentences.
PRONOUN_REACH = 3
ROLE_REACH = 6


def resolve(
    doc: Doc, speaker: Range, entities: list[Entity], content: Range, earlier: Sequence[Resolved] = ()
) -> int | None:
    """The speaker's entity; mentions inside the quote's own content are not candidates for a pronoun.

    `earlier` holds the quotes before this one that resolved: each speaker's span, entity and content. A
    pronoun refers back to a speaker as to a name ("..., the ministry said in a statement. '...,' it added."),
    and not to others named in the speaker's words.
    """
    span = doc.char_span(*speaker, alignment_mode="expand")
    if span is None or len(span) == 0:
        return _named(speaker, entities, doc_text(doc))
    head = span.root
    # "the head of the Donetsk People's Republic, Denis Pushilin": a name in apposition that ends the span is
    # who the description is, wherever the parser hangs it
    beside = [
        t.idx for t in span if t.dep_ == "appos" and all(w.is_punct for w in span.doc[t.right_edge.i + 1 : span.end])
    ]
    # "Jacob Zuma's new MK party": a name the head word is a kind of comes before its owner's (also one the
    # tagger takes for an adjective: "Ukraine's SBU security service")
    owned = any(t.dep_ == "poss" for t in head.children)
    kinds = [
        t.idx
        for t in head.children
        if owned and ((t.dep_ == "compound" and t.pos_ == "PROPN") or (t.dep_ == "amod" and t.ent_type_ == "ORG"))
    ]
    # "Amnesty International UK": a body's branch in a country is the body, not the country
    branch = [
        t.idx
        for t in head.children
        if t.dep_ == "compound" and any(entity.type == "organisation" and _names(entity, t.idx) for entity in entities)
    ]
    if not any(entity.type == "place" and _names(entity, head.idx) for entity in entities):
        branch = []
    # "the co-founder of SCOTUSblog who has appeared before the Supreme Court": whom a relative clause on
    # the speaker names is not the speaker
    relative = min((t.left_edge.idx for t in span if t.dep_ == "relcl" and t.left_edge.i > span.start), default=None)
    own = (speaker[0], relative) if relative is not None else speaker
    heads = (*branch, head.idx, *beside, *kinds)
    if head.tag_ in {"NN", "NNP"} and any(entity.type == "group" and _names(entity, head.idx) for entity in entities):
        # "The committee's top Democrat, Rep. Robert Garcia": the one named beside a member of a group (but
        # "Republicans on Capitol Hill, including ... Devin Nunes" are the group)
        heads = (*branch, *beside, head.idx, *kinds)
    named = _named(own, entities, doc_text(doc), heads)
    if named is not None and _named_only_in_its_description(head, entities[named], entities):
        return None
    if named is not None and (
        _names(entities[named], head.idx)
        or (entities[named].type in _SPEAKING_TYPES and not _is_associate(head, entities[named], speaker))
    ):
        return named
    words = [t.lower_ for t in span if not t.is_punct]
    if len(words) == 1 and words[0] in _RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        # "journalist Seymour Hersh, who cited a single source": the noun the clause hangs on
        antecedent = head.head.head
        if antecedent.tag_ == "NNS" and _is_singular(head.head):
            # "Ernst Roets, a lobbyist for Afrikaner groups, who has long warned ...": a verb in the singular
            # is not the plural's that the parser hangs the clause on, but the description's it lies in
            described = antecedent
            while described.dep_ in {"pobj", "prep"}:
                described = described.head
            antecedent = described if described.dep_ == "appos" else antecedent
        if (
            antecedent.dep_ == "appos"
            and antecedent.tag_ != "NNS"
            and not any(_names(entity, antecedent.idx) for entity in entities)
        ):
            # "Rachel Reeves, the woman who promised no tax rises": the name the description stands beside;
            # not for a plural, which the parser may hang on a name before it ("to Senator Feinstein, 65
            # women who said ...")
            antecedent = antecedent.head
        return next((i for i, entity in enumerate(entities) if _names(entity, antecedent.idx)), None)
    if len(words) == 1 and words[0] in _PRONOUN_TYPES:
        # "Merrick Garland, who he says lied to Congress": whoever "he" is, he is not Garland ("a letter from
        # Father Ramsey in which he denounced ..." may well be Ramsey's)
        # (the relative word may hang on the clause it reports: "the Cartel de los Soles, which it says Maduro
        # leads"; but "in which" opens no clause about the noun: "a letter from Father Ramsey in which he ...")
        relative = head.head.dep_ == "relcl" and any(
            t.tag_ in {"WP", "WDT", "WRB"} and t.i < head.i and t.dep_ != "pobj" for t in head.head.subtree
        )
        antecedent = head.head.head.idx if relative else -1
        skip = {i for i, entity in enumerate(entities) if _names(entity, antecedent)}
        skip |= _named_beside(head, entities, content)
        subject = None if relative else _subject_above(head)
        if subject is not None:
            # the subject's entity, though NER may make China a place and Xinhua, named nearer, an
            # organisation: a state is an "it" that speaks
            types = _PRONOUN_TYPES[words[0]]
            fits = types | {"place"} if "organisation" in types else types
            named = [i for i, entity in enumerate(entities) if _names(entity, subject.idx)]
            if named and entities[named[0]].type in fits:
                return named[0]
            if (
                not named
                and words[0] == "they"
                and _is_plural_description(subject)
                and not content[0] <= subject.idx < content[1]
            ):
                # "thousands of protesters denounced a trade deal they say will ruin them": they are the
                # protesters, whom no entity names, not the European Union named before (a subject in the
                # quote itself is the parser hanging the tag on it)
                return None
        return _nearest_before(
            doc, span, entities, _PRONOUN_TYPES[words[0]], PRONOUN_REACH, content, earlier, skip=skip
        )
    # a plural description is several people or bodies, never the one named last ("The authors, led by ...")
    if (
        span[0].lower_ in {"the", "this", "that"}
        and not _is_plural_description(head)
        and not any(t.pos_ == "PROPN" for t in span)
    ):
        role = head.lemma_.lower()
        types = {"person"} if role in PERSON_ROLES else {"organisation"} if role in ORGANISATION_ROLES else None
        if types is not None:
            # "this pope" may set one apart from the pope the text introduced
            introduced = _introduced(doc, span, entities, types, head, content) if span[0].lower_ == "the" else None
            if introduced is not None:
                _, holder = introduced
                return holder
            if named is not None and types == {"organisation"}:
                # "the Israeli military" says whose body it is, and no entity is that body: not the
                # organisation named last ("Al Jazeera"). A person is another matter: "the Democratic
                # nominee" is most often the Democrat named last.
                return None
            # "the federal highway police" is no "electoral court" named before it, and neither "the fire
            # brigades union" nor "the band leader" is anyone whose name lacks the kind they are
            kinds = [
                c.lemma_.lower()
                for c in head.children
                if c.dep_ == "compound" and c.is_lower and c.is_alpha and c.lower_ not in _ANY_MEDIA
            ]
            others = {
                i
                for i, entity in enumerate(entities)
                if _another_body(entity, role)
                or not all(kind in entity.name.lower() for kind in kinds)
                or _not_named_as(entity, role)
            }
            return _nearest_before(doc, span, entities, types, ROLE_REACH, content, earlier, skip=others)
    return None


# Role words that name the same kind of body
_SAME_BODIES = (
    {"company", "firm"},
    {"organization", "organisation", "group"},
    {"army", "military"},
    {"government", "administration"},
    {"agency", "office"},
)


def _named_only_in_its_description(head: Token, entity: Entity, entities: list[Entity]) -> bool:
    """Whether the entity is named only in the description after a name NER missed, or in its owner before
    it: "GLAAD, the LGBTQ advocacy group, said" is GLAAD, no entity, and not "LGBTQ"."""
    # (an acronym the tagger may take for a plural: "GLAAD")
    is_name = head.pos_ == "PROPN" or (head.is_upper and head.is_alpha and len(head) > 1)
    if not is_name or any(_names(other, head.idx) for other in entities):
        return False
    # a description, not a name beside it ("Maury County Director of Schools, Chris Marczak"); or whose it is
    # ("Klaus Schwab's World Economic Forum" is the forum's words, not Schwab's)
    described = [t for a in head.children if a.dep_ == "appos" and a.i > head.i and a.pos_ == "NOUN" for t in a.subtree]
    described += [t for p in head.children if p.dep_ == "poss" for t in p.subtree]
    return any(_names(entity, t.idx) for t in described) and not any(
        _names(entity, t.idx) for t in head.subtree if t not in described
    )


def _another_body(entity: Entity, role: str) -> bool:
    """Whether an organisation's name is headed by the role word of another kind of body than `role`: "the
    police" is not the "Supreme Court", though it may be the "NYPD" or the "Metropolitan Police"; "the union"
    is not the "Department of Environmental Protection"."""
    words = entity.name.lower().split()
    # the head of "Department of Environmental Protection" or "Commission on Presidential Debates"
    head = next((words[i - 1] for i, word in enumerate(words) if i > 0 and word in _NAME_PREPOSITIONS), words[-1])
    if entity.type != "organisation" or head not in ORGANISATION_ROLES or head == role:
        return False
    return not any(head in same and role in same for same in _SAME_BODIES)


_NAME_PREPOSITIONS = frozenset({"of", "for", "on"})


def _not_named_as(entity: Entity, role: str) -> bool:
    """Whether a government, a court or an army cannot be the organisation, whose name does not say it is
    one. NER marks no country's government as an organisation, so the one named last before "the government"
    is a party, a militia or a firm ("Sudan's government ... the Rapid Support Forces ... the government would
    ask"), unless its name says it governs ("the Trump Administration"); and before "the court", most often
    a party to the case ("Apple Daily ... The court found"); and before "the army", the militia fighting it
    ("Sudan's paramilitary Rapid Support Forces said they had captured the army's last base, a claim the army
    denied"); and before "the ministry", any body that is none."""
    names = next((kinds for kinds in _NAMED_KINDS if role in kinds), None)
    return names is not None and not names & set(entity.name.lower().split())


# Bodies that are named for what they are
_NAMED_KINDS = (
    frozenset({"government", "administration"}),
    frozenset({"court", "tribunal"}),
    # "Israel Defense Forces", "Sudanese Armed Forces", "Pakistan Army", and the IDF by its initials
    frozenset({"army", "military", "armed", "defense", "defence", "idf"}),
    # a ministry is named one ("the Interior Ministry", "the Ministry of Defence"): "the interior ministry"
    # after "wrapped in an EU flag" is no EU
    frozenset({"ministry"}),
)


def _introduced(
    doc: Doc, span: Span, entities: list[Entity], types: set[str], head: Token, content: Range
) -> tuple[int, int | None] | None:
    """Where the text last introduced the role a definite description names, and whom it introduced, or
    None if it never did.

    "The spokesperson" is "Foreign Ministry spokesperson Wang Wenbin", even with another person named in
    between, as a reader takes it. The description must say what the introduction said: "the inspector
    general" is not "Attorney General Loretta Lynch", "the Republican nominee" not "Democratic nominee Tim
    Kaine", "the president" not "Vice President Joe Biden".

    "The official" just after "A House official close to the probe said ..." is no one named; but once a
    fitting name has come since ("A union representing flight attendants endorsed Clinton. The Association
    of Flight Attendants called ..."), or the unnamed one is a few sentences back, the role falls to the
    nearest name, as it did before.
    """
    wanted = _role_words(head)

    def fits(word: Token) -> bool:
        words = _role_words(word)
        return words[0] == wanted[0] and wanted[1] <= words[1] and wanted[2] == words[2]

    horizon = _horizon(doc, span, content, ROLE_REACH)
    found: dict[int, int | None] = {
        word.i: None
        for word in doc[: span.start]
        if word.idx >= horizon and fits(word) and any(c.lower_ in {"a", "an"} for c in word.children)
    }
    mentioned_since: list[int] = []
    for index, entity in enumerate(entities):
        if entity.type not in types:
            continue
        for mention in entity.mentions:
            words = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            # a name that is only the role word ("Bank executives", which NER takes for a bank) names no one
            if words is None or words.end > span.start or words.text.lower() == wanted[0]:
                continue
            found.update((t.i, index) for t in _described_by(words) if fits(t))
            if not content[0] <= mention.start < content[1]:
                mentioned_since.append(words.start)
    if not found:
        return None
    last = max(found.items())
    if last[1] is None and any(start > last[0] for start in mentioned_since):
        return None
    return last


# Words that make a role another one: "Vice President", "deputy minister", "former president"
_RANKS = frozenset({"vice", "deputy", "assistant", "associate", "acting", "former", "lieutenant", "under"})


def _role_words(word: Token) -> tuple[str, frozenset[str], frozenset[str]]:
    """A role word's lemma, the words that qualify it (compounds: "inspector" general; proper adjectives:
    "Republican" nominee), and its ranks."""
    modifiers = [c for c in word.children if c.dep_ in {"compound", "amod"}]
    qualifiers = {c.lemma_.lower() for c in modifiers if c.dep_ == "compound" or c.text[0].isupper()}
    ranks = {c.lower_ for c in modifiers} & _RANKS
    return word.lemma_.lower(), frozenset(qualifiers - ranks), frozenset(ranks)


def _is_singular(verb: Token) -> bool:
    """Whether a verb is in the third person singular, on itself or its auxiliary ("has warned", "says")."""
    return verb.tag_ == "VBZ" or any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBZ" for c in verb.children)


def _described_by(words: Span) -> list[Token]:
    """The words that name a mention's role: its head word ("Dallas Police Department"), and the words it is
    a compound, apposition, name or predicate of ("Foreign Ministry spokesperson Wang Wenbin", "Xu Guixiang,
    a spokesperson for the regional government", "a group called Democratize SSMU", "Franken was a
    senator", "Ambassador to the United Nations Vitaly Churkin")."""
    root = words.root
    described = [root, *(c for c in root.children if c.dep_ in {"compound", "appos"})]
    if root.dep_ in {"compound", "appos"}:
        described.append(root.head)
    elif root.dep_ == "oprd" and root.head.dep_ == "acl":
        described.append(root.head.head)
    elif root.dep_ == "nsubj" and root.head.lemma_ == "be":
        described.extend(c for c in root.head.children if c.dep_ == "attr")
    elif root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.pos_ in {"NOUN", "PROPN"}:
        # "Russian Ambassador to the United Nations Vitaly Churkin": the parser runs the body into the name
        described.append(root.head.head)
    return described


def _is_associate(head: Token, person: Entity, speaker: Range) -> bool:
    """Whether the speaker is someone close to a person named in a possessive or a preposition, not that
    person: "Kavanaugh's friend", "lawyers for Assange", "a mum from Doncaster" (which the small NER types a
    person), or in an adjective's phrase, whoever it describes: "a source familiar with Machado's travel",
    "a person close to Trump". "Trump's tweets" are still Trump's words, and "his lawyer, Ronald Daigle" is
    Daigle."""
    if person.type != "person":
        return False
    role = head.lemma_.lower()
    # several people are never the one person named in their description ("lawmakers from Imran Khan's
    # party", "officials in Trump's campaign"), nor are his followers
    several = head.tag_ == "NNS" and role in PERSON_ROLES
    deps = {"poss", "prep", "amod"} if role in ASSOCIATE_NOUNS or role in _FOLLOWERS or several else {"amod"}
    doc = head.doc
    for mention in person.mentions:
        if not (speaker[0] < mention.end and mention.start < speaker[1]):
            continue
        word = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if word is None:
            continue
        if any(c.dep_ == "nummod" and c.i < word.start for c in word.root.children):
            # "mother of three Jennifer Walsh": the parser makes the name the object of "of three"
            continue
        token = word.root
        while token.head.i != head.i and token.head.i != token.i:
            token = token.head
        # (one given as an example is one of them: "Democratic senators like Robert Menendez", "media members
        # such as Bob Woodward")
        if token.head.i == head.i and token.dep_ in deps and token.lower_ not in {"like", "as"}:
            return True
    return False


def _named_beside(pronoun: Token, entities: list[Entity], content: Range) -> set[int]:
    """The entities the pronoun's clause addresses: whom it tells ("he told Trump"), or to whom, or with whom,
    it speaks, on the cue or on the occasion ("In a letter to Ursula von der Leyen, he wrote ...", "in an
    interview with Fox, she said ...") are not who speaks."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return set()
    verb = pronoun.head
    heads = [verb, *(o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj")]
    addressed = [c for c in verb.children if c.dep_ in {"dobj", "dative"} and verb.lemma_ in ADDRESSEE_CUES]
    addressed += [
        o
        for h in heads
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in {"to", "with"}
        for o in c.children
        if o.dep_ == "pobj"
    ]
    # (not who a clause on them names: "In a letter to Bishop Scapolo that Cruz gave to the AP, he said" is Cruz)
    clauses = {t for a in addressed for c in a.children if c.dep_ in {"relcl", "acl"} for t in c.subtree}
    words = [
        t
        for a in addressed
        for t in a.subtree
        if t.dep_ != "poss" and t not in clauses and not (content[0] <= t.idx < content[1])
    ]
    return {i for i, entity in enumerate(entities) for t in words if _names(entity, t.idx)}


def _subject_above(pronoun: Token) -> Token | None:
    """The subject of the clause the pronoun's clause hangs on, before it in the sentence: in "China lodged
    stern representations over what it called a provocation" "it" is China. Not out of a relative clause: in
    "has anything in his hands, which he said were at his side" he is no one the clause the relative hangs on
    names; nor a pair ("Tanya and Jason Badger said they told ...": they are no one entity)."""
    for verb in pronoun.ancestors:
        if verb.dep_ == "relcl" and any(t.tag_ in {"WDT", "WP", "WP$"} for t in verb.subtree):
            return None
        # of two subjects, the one beside the verb: the parser may make a dateline the first ("NAIROBI —
        # Thousands of students marched ... to protest a model that they say ...")
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < pronoun.i][-1:]
        if subjects:
            return None if {"cc", "conj"} <= {c.dep_ for c in subjects[0].children} else subjects[0]
    return None


def _is_plural_description(head: Token) -> bool:
    """Whether a phrase is a plural common noun ("protesters", "thousands of protesters"); "the police" is
    tagged plural too, but is the force named before."""
    return head.tag_ == "NNS" and head.lower_ != head.lemma_.lower()


def _names(entity: Entity, char: int) -> bool:
    return any(m.start <= char < m.end for m in entity.mentions)


def _named(speaker: Range, entities: list[Entity], text: str, heads: tuple[int, ...] = ()) -> int | None:
    """The entity named in the speaker span: the one that names its head word or a name in apposition to it
    (at the characters `heads`, in that order), else the longest mention, and of equals the later, which
    heads an English noun phrase. A name that opens a hyphenated modifier is not who speaks: "the Hamas-run
    health ministry" is not Hamas, nor are "Iran-backed rebels" Iran; nor is a lawmaker's party and place ("Marcia
    Price (D-Newport News)")."""
    best, best_key = None, None
    for index, entity in enumerate(entities):
        for mention in entity.mentions:
            if _HYPHENATED_MODIFIER.match(text, mention.end) or _PARTY_AND_PLACE.match(text, max(mention.start - 1, 0)):
                continue
            overlap = min(speaker[1], mention.end) - max(speaker[0], mention.start)
            rank = next((i for i, char in enumerate(heads) if mention.start <= char < mention.end), len(heads))
            key = (rank, -overlap, -mention.end)
            if overlap > 0 and (best_key is None or key < best_key):
                best, best_key = index, key
    return best


def _nearest_before(
    doc: Doc,
    span: Span,
    entities: list[Entity],
    types: set[str],
    reach: int,
    content: Range,
    earlier: Sequence[Resolved] = (),
    skip: Collection[int] = (),
) -> int | None:
    horizon = _horizon(doc, span, content, reach)
    dateline = dateline_span(doc_text(doc)) or (0, 0)
    reported = [r for r in earlier if _speaker_types(doc, r, entities) & types]
    candidates = [
        ((mention.start, mention.end), index)
        for index, entity in enumerate(entities)
        if entity.type in types and index not in skip
        for mention in entity.mentions
        if not _describes_a_noun(doc, mention)
        and not any(
            r.content[0] <= mention.start and mention.end <= r.content[1] and r.entity != index for r in reported
        )
        and not _told_by_another(doc, mention, entities, types)
        and not _is_medium_named(doc, mention)
        # "BERLIN (Reuters) - ..., the interior ministry said": the agency that filed the story is not whom a
        # role or a pronoun in it stands for
        and not dateline[0] <= mention.start < dateline[1]
    ]
    # a pronoun speaker adds no one: following a chain of "he said" past the reach spreads a wrong first link.
    # A speaker no entity names still counts, as no one: "he" after "Military spokesman Lieutenant Colonel
    # Nadav Shoshani told reporters ..." is that spokesman, whom NER missed, and not a village he named.
    # and a thing that speaks is not whose it is: "It said ..." after "Lord Darzi's investigation found ..."
    # is the investigation, no entity
    speakers: list[tuple[Range, int | None]] = [
        (r.speaker, r.entity if r.entity is None or entities[r.entity].type in types else None)
        for r in reported
        if not _is_pronoun(doc, r.speaker) and r.entity not in skip and not _owns_a_claim(doc, r.speaker)
    ]
    best, best_end = None, -1
    for (start, end), index in [*candidates, *speakers]:
        inside_quote = content[0] <= start and end <= content[1]
        if horizon <= start and end <= span.start_char and end > best_end and not inside_quote:
            best, best_end = index, end
    return best


def _mention_root(doc: Doc, mention: TextSpan) -> Token | None:
    words = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return words.root if words is not None and len(words) > 0 else None


def _is_medium_named(doc: Doc, mention: TextSpan) -> bool:
    """Whether the mention is a medium something went out on ("posted video of the incident on X"), which no
    pronoun or role after it refers to."""
    root = _mention_root(doc, mention)
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in {"on", "via"} and is_medium(root)


def _told_by_another(doc: Doc, mention: TextSpan, entities: list[Entity], types: set[str]) -> bool:
    """Whether the mention is whom a named speaker of the same kind told something, or where they said it: in
    '"...," Johnson told Fox News's Maria Bartiromo. He went on to claim ...' he who goes on is the teller, not
    the one told, and in "WikiLeaks said on Twitter that ... It later tweeted ..." it is WikiLeaks."""
    told = _mention_root(doc, mention)
    if told is None:
        return False
    if told.dep_ in {"dobj", "dative"} and told.head.lemma_ in ADDRESSEE_CUES:
        verb = told.head
    elif told.dep_ == "pobj" and told.head.lower_ in {"on", "via"} and told.head.head.lemma_ in ALL_CUES:
        verb = told.head.head
    else:
        return False
    return any(
        entity.type in types and _names(entity, subject.idx)
        for subject in verb.children
        if subject.dep_ == "nsubj"
        for entity in entities
    )


def _speaker_types(doc: Doc, earlier: Resolved, entities: list[Entity]) -> set[str]:
    """What an earlier speaker is: its entity's type, else what its words say ("Military spokesman Lieutenant
    Colonel Nadav Shoshani" is a person, "the Israeli military" an organisation), else unknown ("a source")."""
    words = doc.char_span(*earlier.speaker, alignment_mode="expand")
    if earlier.entity is not None:
        entity = entities[earlier.entity]
        if words is not None and len(words) > 0 and _is_thing_of(words.root, entity):
            # "Lord Darzi's independent investigation found ...": what speaks is a thing, which "it" refers to,
            # and "he" may still be its owner ("Keith Ellison's campaign told them he wanted ...")
            return {"organisation", entity.type}
        return {entity.type}
    if words is None or len(words) == 0:
        return set()
    if len(words) == 1 and words[0].lower_ in _PRONOUN_TYPES:
        return _PRONOUN_TYPES[words[0].lower_]
    head = words.root
    if head.tag_ in {"NNS", "NNPS"}:
        return set()
    named_force = any(
        (c.lower_, head.lemma_.lower()) in _NAMED_FORCES for c in head.children if c.dep_ in {"compound", "amod"}
    )
    if head.lemma_.lower() in ORGANISATION_ROLES or named_force:
        return {"organisation"}  # "Israel's prime minister's office", whoever it serves; "China's coast guard"
    if any(t.lemma_.lower() in _PERSON_WORDS for t in words):
        return {"person"}  # "Military spokesman ...", "Her neighbour, a retired sailor"
    return set()


def _is_thing_of(head: Token, entity: Entity) -> bool:
    """Whether a speaker's head is a thing belonging to a person its words name: "Lord Darzi's independent
    investigation" is no person, though it resolves to Darzi."""
    return (
        entity.type == "person"
        and head.tag_ == "NN"
        and head.lemma_.lower() not in PERSON_ROLES
        and not _names(entity, head.idx)
    )


def _owns_a_claim(doc: Doc, speaker: Range) -> bool:
    """Whether the speaker is the possessive owner of a claim ("Ms. Ford's claim that ..."), named in passing
    and no subject a pronoun after it takes up: in "Friedman ... concluded that Ms. Ford's claim that ... is
    credible. The reason, he wrote, ..." he is Friedman."""
    span = doc.char_span(*speaker, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ == "poss"


def _is_pronoun(doc: Doc, speaker: Range) -> bool:
    words = doc.char_span(*speaker, alignment_mode="expand")
    return words is None or (len(words) == 1 and words[0].lower_ in _PRONOUN_TYPES.keys() | _RELATIVE_PRONOUNS)


def _describes_a_noun(doc: Doc, mention: TextSpan) -> bool:
    """Whether a people is named only as an adjective: "a Sudanese man" is no Sudanese that "they" refers to."""
    root = _mention_root(doc, mention)
    return root is not None and root.dep_ == "amod"


def _horizon(doc: Doc, span: Span, content: Range, reach: int) -> int:
    """The first character a reader looks back to, `reach` sentences before the quote."""
    sentences = list(doc.sents)
    # the reach counts back from where the quote or its speaker starts, whichever is first: a quote of four
    # sentences before "he added" does not use up the sentences a reader looks back over
    first = min(span.start_char, content[0])
    current = next((i for i, s in enumerate(sentences) if s.start_char <= first < s.end_char), 0)
    return sentences[max(0, current - reach)].start_char
