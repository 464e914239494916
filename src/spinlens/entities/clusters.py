"""Named-entity mentions from spaCy's NER, clustered into entities.

"US Secretary of State John Kerry", "John Kerry", "Kerry" and "Kerry's" are one person: a mention joins an
entity when its name words are a subset of the entity's fullest name (a person also by surname alone), or
when it is the initials of an organisation's name ("FBI"). Of several entities a short mention fits
("Clinton" with both Hillary and Bill Clinton in the text), it joins the one mentioned last before it, as a
reader would resolve it; if none came before, the first one after it. A bare surname goes to a person of
that name before an organisation named after them ("Trump" and "Trump University"), and one that NER did not
see as a name is still the person's mention ("The corrupt Blake", after "Senator John Blake").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from spacy.tokens import Span

from spinlens.datelines import dateline_place
from spinlens.headlines import in_title_case
from spinlens.parsing import doc_text, is_platform_x

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# spaCy's OntoNotes labels, mapped to the four kinds the record names.
TYPES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish")
# Nouns that say the name after their "of" is a place
_SETTLEMENTS = frozenset(
    {
        "village", "town", "city", "hamlet", "suburb", "neighborhood", "neighbourhood", "settlement", "port",
        "island", "province", "region", "district", "county", "municipality", "governorate", "oblast",
        "prefecture", "state", "territory", "enclave", "outskirts",
    }
)  # fmt: skip
_DROPPED_WORDS = {"the", "'s", "’s", "'", "’"}
# The last words of a body's name, by which NER's find is one even in lower case ("the health ministry")
_BODIES = frozenset(
    {
        "ministry", "department", "court", "commission", "committee", "council", "agency", "office", "institute",
        "assembly", "party", "union", "bureau", "service", "authority", "police", "parliament", "senate",
    }
)  # fmt: skip
# The last words of an institution's name, by which a name NER typed a person or a place is a body's ("the
# Wad al-Noura Resistance Committee", "the Secret Service"), and for a person's the head word before a
# preposition ("the John Paul II Institute for Studies on Marriage"); not "Union" ("Soviet Union") or "Office" ("Oval
# Office"), and "Center" only for a person's ("the Brennan Center"; "Rockefeller Center" is a place)
_INSTITUTIONS = frozenset(
    {
        "Ministry", "Department", "Agency", "Commission", "Committee", "Council", "Institute", "Party", "Service",
        "Authority", "Police", "Foundation", "Association", "Federation", "Court",
    }
)  # fmt: skip
_VENUES = frozenset({"Center", "Centre"})
# Platforms people post on, which the small NER types a person as often as not ("a post on Twitter")
_PLATFORMS = frozenset(
    {"X", "Twitter", "Facebook", "Instagram", "TikTok", "Telegram", "YouTube", "Truth Social", "Bluesky", "Weibo"}
)
# Words no name ends on: NER stopping on them stopped short
_DANGLING = frozenset({"of", "for", "the", "and", "de"})
# Words no name ends on either, where NER stopped on a place's preposition: "the Vaccine Education Center at"
# Children's Hospital
_TRAILING = frozenset({"at", "in", "on", "to", "with", "by", "from"})
# Names that start after such a word are no part of the name before it: "Gathering of" Iranians, "Review
# for" September
_NOT_CONTINUING = frozenset({"PERSON", "NORP", "DATE", "TIME"})
_TITLES = {
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "senator", "prof",
    "admiral", "rear", "colonel", "col", "lt", "sgt", "brig", "maj", "capt", "cmdr", "adm", "cpl", "pvt",
}  # fmt: skip
# A department's word in a minister's title ("Energy Secretary Ed Miliband", "Israeli Defense Minister")
_PORTFOLIOS = frozenset(
    {
        "Energy", "Defense", "Defence", "Foreign", "Home", "Health", "Treasury", "Interior", "Justice", "Education",
        "Transport", "Environment", "Trade", "Commerce", "Labor", "Labour", "Agriculture", "Finance", "Culture",
        "Homeland Security",
    }
)  # fmt: skip
_MINISTERS = frozenset({"secretary", "secretaries", "minister", "ministers"})
# Titles only a person bears
_PERSONAL_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr"})
# and offices, which NER may leave out of the name after them ("Chancellor Olaf Scholz")
_PERSON_TITLES = frozenset(
    {"Chancellor", "President", "Senator", "Sen", "Rep", "Gov", "Governor", "Mayor", "Minister", "Secretary",
     "Pope", "King", "Queen", "Prince", "Princess", "Judge", "Ambassador", "Spokesperson", "Spokesman",
     "Spokeswoman"}
)  # fmt: skip
# Job words NER takes into a person's name when they open a sentence in capitals ("Spokesperson Mao Ning
# told ..."); unlike a title ("Dr.", "President"), they are no part of the name.
_ROLES = {
    "spokesperson", "spokesman", "spokeswoman", "minister", "secretary", "ambassador", "chairman", "chairwoman",
    "director", "analyst", "lawmaker", "commander", "correspondent", "reporter", "activist", "candidate",
    "superintendent", "officer", "officers", "campaigner", "economist", "lawyer", "journalist", "researcher",
    "historian", "columnist", "strategist", "pollster", "organiser", "organizer", "adviser", "advisor", "aide",
    "blogger", "critic", "chef", "billionaire", "filmmaker", "actor", "actress", "author", "novelist", "rapper",
    "comedian", "businessman", "businesswoman", "philanthropist", "entrepreneur", "constable",
}  # fmt: skip
# Job words that stand before a person's name in lower case: "opposition leader María Corina Machado"
_ROLES_BEFORE_NAMES = frozenset(_ROLES | {"leader", "president", "senator", "governor", "mayor", "judge"})
# Jobs a body's name stands before, which name no one themselves: "Dallas Mavericks owner", "Tesla founder"
_JOBS_AFTER_NAMES = frozenset(
    _ROLES_BEFORE_NAMES | {"owner", "founder", "boss", "chief", "executive", "ceo", "star", "coach"}
)
_SPACED_DASHES = frozenset({"-", "--", "–", "—"})
_QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})
_WORD = re.compile(r"\w+(?:[.'’-]\w+)*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")
# The lower-case particles of family names: "Erik ten Hag", "Ursula von der Leyen", "Mohammed bin Salman".
_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "du", "da", "di", "dos", "ten", "ter", "bin", "ibn", "al", "le", "la"}
)
_DIGIT = re.compile(r"\d")
_LINK = re.compile(r"https?://|www\.|pic\.twitter\.com/")
_VERSE = re.compile(r"\d+[:.]\d+")
# A match's score, which NER may run into the team before it ("beat Manchester United 3-2")
_SCORE = re.compile(r"\s\d+\s?[-–]\s?\d+$")
# An amount NER took for a name: "£110bn", where the currency sign split off, or "52.2C."; not "3M"
_AMOUNT = re.compile(r"\d[\d.,]*\s?(?:bn|tn|[mk]|million|billion|trillion|[CF])?\.?")
# A measurement NER sometimes tags as a name ("the 1.5C threshold" as an organisation): a number with a
# decimal part or a degree or percent sign, and at most a unit's letter or two after it.
_MEASUREMENT = re.compile(r"\d+(?:[.,]\d+)?\s*[°%][^\W\d_]?|\d+[.,]\d+\s*[^\W\d_]{0,2}")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    type: str
    words: tuple[str, ...]
    # the named owner of a body written in lower case ("china" for "China's coast guard")
    owner: str | None = None


@dataclass
class Cluster:
    type: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def name(self) -> str:
        # the fullest name: most words, then as the text writes it (a dateline's capitals are its style: "ST.
        # LOUIS" is "St. Louis"), then the earliest
        return max(self.mentions, key=lambda m: (len(m.words), not m.text.isupper(), -m.start)).text

    @property
    def words(self) -> set[str]:
        return {w for m in self.mentions for w in m.words}


def name_words(text: str) -> tuple[str, ...]:
    words = [_POSSESSIVE.sub("", w.lower()) for w in _WORD.findall(text)]
    return tuple(w for w in words if w not in _DROPPED_WORDS and w.rstrip(".") not in _TITLES)


def mentions(doc: Doc) -> list[Mention]:
    text = doc_text(doc)
    found = []
    widened: list[tuple[int, int]] = []
    storms = _storm_names(doc)
    for ent in (part for named in doc.ents for part in _between_breaks(named)):
        kind = TYPES.get(ent.label_)
        if kind is None:
            continue
        if kind == "person" and _LINK.match(ent.text):
            continue  # a link names no one
        if ent.text in storms:
            continue  # "Hurricane Melissa", which NER may take for a woman, is no one
        if kind == "place" and ent[-1].tag_ == "JJ" and ent.text.endswith(_DEMONYM_ENDINGS):
            # "Ukrainian officials", "South Korean": NER may type a people's adjective as a place ("Vatican
            # officials", also an adjective there, stays one)
            kind = "group"
        if kind != "person" and ent.start > 0 and ent.doc[ent.start - 1].text.rstrip(".") in _PERSONAL_TITLES:
            kind = "person"  # "Mr Miliband", which NER may type an organisation; not "DR Congo"
        if (kind == "organisation" and _after_an_age(ent)) or (
            kind in {"organisation", "place"} and _after_a_role(ent)
        ):
            # "killed 27-year-old Marcus Hill", "opposition leader María Corina Machado", which NER may type an
            # organisation, and "The Conservative leader, Kemi Badenoch," a place
            kind = "person"
        if kind in {"organisation", "place"} and _after_a_title(ent):
            kind = "person"  # "Chancellor Olaf Scholz", which NER may type an organisation or a place
        span = _trim(ent, person=kind == "person")
        if span is None or _MEASUREMENT.fullmatch(span.text) or _ends_an_office(span):
            continue
        if (kind == "place" and span[-1].text in _INSTITUTIONS) or (
            kind == "person" and (span[-1].text in _INSTITUTIONS | _VENUES or span.root.text in _INSTITUTIONS)
        ):
            kind = "organisation"
        if span.text in _PLATFORMS or (len(span) == 1 and is_platform_x(span[0])):
            kind = "organisation"
        if kind == "person" and (span[0].like_url or _DIGIT.search(span[0].text)):
            # "KENS5", "U2" (of "U2’s Bono"), "MI6", "Kath.net": a station, a band, an agency or a site
            kind = "organisation"
        if (joined := _joined_place(span)) is not None:
            kind, span = "place", joined
        if _named_as_a_place(span):
            # "the villages of Aita al-Shaab and Kfar Kila", "the city of Lyon": the small NER takes an
            # unfamiliar place name for a person or a body as often as not
            kind = "place"
        if (body := _without_borders(span)) is not None:
            # "Doctors Without Borders", of which NER finds "Borders" or a person "Without Borders"
            kind, span = "organisation", body
        if kind == "person":
            whole = _with_cut_surname(_with_particle_surname(span))
            if whole.end > span.end:
                widened.append((whole.start_char, whole.end_char))
            span = whole
        place = dateline_place(text, span.start_char)
        if place is not None and place[0] <= span.start_char and span.end_char <= place[1]:
            kind = "place"  # "JERUSALEM —": NER types a word in capitals as an organisation as often as not
            span = _whole_place(doc, place, span)
        start, end = span.start_char, span.end_char
        if len(span) == 1 and is_platform_x(span[0]):
            end -= 1  # not its full stop
        words = name_words(text[start:end])
        # two words of a dateline's place that NER found apart ("ST", "LOUIS") are one mention of it
        if words and not (found and (found[-1].start, found[-1].end) == (start, end)):
            found.append(Mention(start, end, text[start:end], kind, words, _owner(span)))
    # a name widened over a particle may now hold what NER took for a name of its own ("Leyen")
    return as_named_elsewhere(_outside(found, widened), text)


def _without_borders(span: Span) -> Span | None:
    """The whole name of a body named "X Without Y" or "X Sans Y" ("Doctors Without Borders", "Reporters Sans
    Frontières"), where the span holds its last words."""
    doc = span.doc
    without = span.start if span[0].text in _WITHOUT else span.start - 1
    if without < 1 or doc[without].text not in _WITHOUT or span.end <= without + 1:
        return None
    first = doc[without - 1]
    return doc[without - 1 : span.end] if first.is_title and first.is_alpha else None


_WITHOUT = frozenset({"Without", "Sans"})


def _storm_names(doc: Doc) -> set[str]:
    """The names the text gives storms: "Melissa" in "Hurricane Melissa" (and so in "Melissa made landfall")."""
    return {
        doc[t.i + 1].text
        for t in doc
        if t.text in _STORMS and t.i + 1 < len(doc) and doc[t.i + 1].is_title and doc[t.i + 1].is_alpha
    }


_STORMS = frozenset({"Hurricane", "Typhoon", "Cyclone", "Storm"})


def _between_breaks(ent: Span) -> list[Span]:
    """The names NER ran together across a dash with a space on each side, which no name holds (its own hyphen
    has none: "Ben-Ghiat"): a dateline and the name after it ("NEW DELHI - Police", "ROME - Bernie Sanders"),
    or a name and the word after it ("Robert Barr - won"); or across a lone quote mark ('Carlson "Putin's').
    A part with no capital names nothing, nor does one word after a dash, which a sentence's start
    capitalises ("NEW DELHI - Police detained ..."), or after a quote mark with a name before it."""
    doc, parts, start = ent.doc, [], ent.start
    marks = [t for t in ent if t.text in _QUOTE_MARKS]
    for token in ent[1:-1]:
        spaced_dash = token.text in _SPACED_DASHES and doc[token.i - 1].whitespace_ and token.whitespace_
        # 'called Carlson "Putin's useful idiot"': NER may run a name on into a quote it opens; a quote
        # inside a name closes there too ('Dwayne "The Rock" Johnson')
        if spaced_dash or (token.text in _QUOTE_MARKS and len(marks) == 1):
            parts.append(Span(doc, start, token.i, label=ent.label))
            start = token.i + 1
    if not parts:
        return [ent]
    parts.append(Span(doc, start, ent.end, label=ent.label))
    named: list[Span] = []
    for part in parts:
        # one word after a break opens a sentence ("NEW DELHI - Police") or a quoted phrase ('Trump's "Make
        # America ...'), unless nothing before it names anyone ('the "Medicare for all" document')
        dashed = part.start > ent.start and doc[part.start - 1].text in _SPACED_DASHES
        if any(t.is_alpha and not t.is_lower for t in part) and (len(part) > 1 or not (dashed or named)):
            named.append(part)
    return named


def _after_a_role(ent: Span) -> bool:
    """Whether a full name comes right after a job word in lower case: "opposition leader María Corina Machado"
    (a body's name takes an article, "the opposition party"; after a role, a name is its holder's), or is set
    off by commas after one: "Tinubu's spokesman, Bayo Onanuga, said"."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.text == "," and ent.start > 1 and ent.end < len(doc) and doc[ent.end].is_punct:
        before = doc[ent.start - 2]
    return (
        before is not None
        and before.is_lower
        and before.tag_ == "NN"
        and before.lower_ in _ROLES_BEFORE_NAMES
        and _is_a_holders_name(ent)
    )


def _after_a_title(ent: Span) -> bool:
    """Whether a full name comes right after a title only a person bears: "Chancellor Olaf Scholz", "President
    Joe Biden"; not a name that modifies a plural or a job after it ("President Biden administration
    officials")."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.text.rstrip(".") in _PERSON_TITLES and _is_a_holders_name(ent)


def _is_a_holders_name(ent: Span) -> bool:
    """Whether a name after a job or a title is its holder's: a full name in title case, its particles and
    hyphens aside ("Leen de Vries", "Al-Fateh Qurashi"), modifying no plural or job after it ("Chicago
    Teachers Union members", "billionaire Dallas Mavericks owner" name no one)."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return (
        len(ent) >= 2
        and ent[0].is_title
        and ent[-1].is_title
        and all(t.is_title or t.lower_ in _PARTICLES or t.text == "-" for t in ent)
        and not (after is not None and (after.tag_ in {"NNS", "NNPS"} or after.lower_ in _JOBS_AFTER_NAMES))
    )


def _after_an_age(ent: Span) -> bool:
    """Whether a name comes right after an age with no article or owner before it: "shooting 26-year-old
    Botham Jean", where "the 55-year-old Honeywell" or "a 29-year-old Berlin" is a place or a firm, whose
    age tells someone else's."""
    doc, start = ent.doc, ent.start
    if start < 5 or [t.lower_ for t in doc[start - 4 : start]] not in (
        ["-", "year", "-", "old"],
        ["-", "years", "-", "old"],
    ):
        return False
    number = doc[start - 5]
    return number.like_num and (number.i == 0 or doc[number.i - 1].tag_ not in {"DT", "PRP$", "POS"})


def _named_as_a_place(span: Span) -> bool:
    """Whether the text says the name is a settlement's or a region's: "the town of X", "the villages of X
    and Y"; not "the State of the Union", nor a name the parser joins to one ("his home state of Florida and
    Gov. John Kasich")."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    head = span.root
    if head.dep_ == "conj" and before not in {"and", "or", ","}:
        return False
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    of = head.head
    return head.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in _SETTLEMENTS and before != "the"


# The small words between hyphens in a place's name: "Mar-a-Lago", "Stoke-on-Trent", "Saint-Germain-en-Laye";
# not "to" ("a Washington-to-English translation")
_PLACE_JOINERS = frozenset({"a", "on", "upon", "under", "by", "in", "en", "sur", "de", "la", "le", "du", "y"})


def _joined_place(span: Span) -> Span | None:
    """The place whose name joins words with a small one between hyphens ("Mar-a-Lago", "Stoke-on-Trent"),
    where NER found only its first word; None where the name goes on no such way ("Biden-Harris")."""
    doc, end = span.doc, span.end
    while (
        end + 3 < len(doc)
        and not doc[end - 1].whitespace_
        and [t.text for t in (doc[end], doc[end + 2])] == ["-", "-"]
        and not any(t.whitespace_ for t in doc[end : end + 3])
        and doc[end + 1].text in _PLACE_JOINERS
        and doc[end + 3].text[:1].isupper()
    ):
        end += 4
    return doc[span.start : end] if end > span.end else None


def _whole_place(doc: Doc, place: tuple[int, int], span: Span) -> Span:
    """The dateline's place, where NER found one word of it ("SAO PAULO, Oct 31 (AP)"); but "BEIJING/TOKYO" is
    two places, and a longer run of capitals is more likely a heading ("IOWA POLLS NOT NECESSARILY WRONG -")."""
    words = doc_text(doc)[place[0] : place[1]]
    if "/" in words or len(words.split()) > 3:
        return span
    return doc.char_span(*place, alignment_mode="expand") or span


def _outside(found: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """The mentions that lie inside none of the spans (but their own)."""
    return [m for m in found if not any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in spans)]


def as_named_elsewhere(found: list[Mention], text: str) -> list[Mention]:
    """Each mention widened to a longer name NER finds elsewhere in the text, where the text goes on with
    it: NER reads "rule by the Law and Justice party" as the person "Law" and, a sentence later, "Law and
    Justice took 35.4 percent" as the organisation."""
    names = sorted({(m.text, m.type) for m in found}, key=lambda n: (-len(n[0]), n))
    widened, grown = [], []
    for mention in found:
        longer = next(
            (
                (name, kind)
                for name, kind in names
                if len(name) > len(mention.text)
                and name.startswith(mention.text)
                and not name[len(mention.text)].isalnum()
                and not name.split()[-1][0].islower()  # "Sodom and" is NER stopping short, not a name
                and text.startswith(name, mention.start)
            ),
            None,
        )
        if longer is not None:
            name, kind = longer
            mention = Mention(mention.start, mention.start + len(name), name, kind, name_words(name))
            grown.append((mention.start, mention.end))
        widened.append(mention)
    # a widened mention may now cover one NER found beside it ("Justice" after "Law and")
    return _outside(widened, grown)


def _with_particle_surname(span: Span) -> Span:
    """A person's name with the family name NER cut at its particle: it reads "Erik ten Hag" as "Erik" and
    "Ursula von der Leyen" as "Ursula von der" (and "Leyen" as a place)."""
    doc, end = span.doc, span.end
    while end > span.start and doc[end - 1].lower_ in _PARTICLES:
        end -= 1
    particles = end
    while particles < len(doc) and doc[particles].lower_ in _PARTICLES and doc[particles].text.islower():
        particles += 1
    if particles == end or particles >= len(doc) or not _capitalised_name(doc[particles]):
        return span
    return doc[span.start : particles + 1]


def _with_cut_surname(span: Span) -> Span:
    """A person's name with the family name NER left out though the parser joins the name to it: NER reads
    "Maria Corina Machado" as "Maria Corina", and "Governor Oleksandr Prokudin" as two persons, "Oleksandr"
    and "Prokudin".

    One word at most, in a sentence not in title case, and only where the name ends with it: in "Kamala Harris
    Kirsten Gillibrand" or "Roger Stone Check Amazon" the parser runs two names, or a name and a heading, into
    one. Never after "the": "the Clinton Regime" and "the Obama Pentagon" are no one's names."""
    doc, end = span.doc, span.end
    if (
        end + 1 < len(doc)
        and (span.start == 0 or doc[span.start - 1].lower_ != "the")
        and (doc[end].ent_iob_ == "O" or _lone_person_word(doc[end]))
        and _capitalised_name(doc[end])
        and not doc[end].is_upper
        and not _capitalised_name(doc[end + 1])
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
        and doc[end - 1].whitespace_ == " "
        and not in_title_case([t.text for t in span.sent])
    ):
        return doc[span.start : end + 1]
    return span


def _lone_person_word(token: Token) -> bool:
    """Whether a word is a person's name all by itself to NER."""
    doc = token.doc
    return (
        token.ent_iob_ == "B"
        and token.ent_type_ == "PERSON"
        and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")
    )


def _capitalised_name(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[0].isupper()


_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


def _ends_an_office(span: Span) -> bool:
    """Whether the span is the "State" of "Secretary of State", the "Energy" of "Energy Secretary" or the
    "Supreme" of Iran's "Supreme Leader", which NER reads as an organisation: the office is the person's title,
    and names no body apart from them."""
    doc = span.doc
    if span.text in _PORTFOLIOS and span.end < len(doc) and doc[span.end].lower_ in _MINISTERS:
        return True
    if span.text == "Supreme" and span.end < len(doc) and doc[span.end].lower_ == "leader":
        return True
    return (
        span.text == "State"
        and span.start >= 2
        and doc[span.start - 1].lower_ == "of"
        and doc[span.start - 2].lower_ in {"secretary", "secretaries"}
    )


def _trim(ent: Span, person: bool = False) -> Span | None:
    """Without a leading article (or, for a person, a job word) and a trailing possessive, punctuation or score,
    which NER sometimes includes; None for an amount ("£110bn").

    None for a span across a line break: no name runs from one paragraph into the next, but NER reads a
    title-case headline and the first word under it as one ("The Cowards of Velmora Have Shown Their True
    Face\n\nOnce").
    """
    if any(token.is_space and "\n" in token.text for token in ent):
        return None
    start, end = ent.start, ent.end
    while start < end and (
        ent.doc[start].lower_ == "the"
        # "a World Health Organization doctor", "this Leviathan Church"; not "A Tribe Called Quest"
        or ent.doc[start].text in {"a", "an", "this", "that", "these", "those"}
        or ent.doc[start].is_punct
        # "Billionaire  Donald Trump": the second of two spaces is a token of its own
        or ent.doc[start].is_space
        or (person and ent.doc[start].lower_ in _ROLES)
        # "Telling Jeb Bush to leave ...", "Abandoning Kyiv now ...": a sentence opening on a verb in "-ing",
        # capitalised there, which NER runs into the name after it
        or (ent.doc[start].tag_ == "VBG" and ent.doc[start].is_sent_start and start + 1 < end)
    ):
        start += 1
    opened = next((t.i for t in ent.doc[start:end] if t.text == "("), None)
    if opened is not None and not any(t.text == ")" for t in ent.doc[opened:end]):
        end = opened  # "World Health Organization (WHO": NER stopped inside the bracket the name opens
    if person:
        # "Francis’s C9", "Trump’s POLICIES": NER ran a name on into what the person owns, which is no name of
        # theirs (and seldom a person: "Hobbes’s Leviathan", "Valentine’s Day"); the owner is the person
        end = next((t.i for t in ent.doc[start:end] if t.lower_ in _POSSESSIVES), end)
        # no one's name goes on into a number or a link: "Ted Cruz—35" and "Trump - 60 percent" are a tally
        # after a name, "Chris Ferrara • 2 hours ago" a comment's time. A verse ("John 4:6") stays as NER read
        # it: cut to "John", it would join whichever John the text names.
        odd = next((t for t in ent.doc[start + 1 : end] if t.like_url or _DIGIT.search(t.text)), None)
        if odd is not None and not (odd.i == start + 1 and _VERSE.match(odd.text)):
            end = odd.i
    while end > start and (
        ent.doc[end - 1].lower_ in _POSSESSIVES
        or ent.doc[end - 1].is_punct
        # a word of its own: the end of "Moon Jae-in" stays
        or (end - 1 > start and ent.doc[end - 1].text in _TRAILING and bool(ent.doc[end - 2].whitespace_))
    ):
        end -= 1
    end = _past_dangling_words(ent.doc, start, end, extend=not person)
    score = _SCORE.search(ent.doc[start:end].text) if end > start else None
    if score is not None:
        stop = ent.doc[start].idx + score.start()
        while end > start and ent.doc[end - 1].idx >= stop:
            end -= 1
    if end <= start or _AMOUNT.fullmatch(ent.doc[start:end].text):
        return None
    return ent.doc[start:end]


def _past_dangling_words(doc: Doc, start: int, end: int, extend: bool) -> int:
    """Where a name ends that NER stopped on "of", "for" or "the": for a body or a place, after the capitalised
    words that follow it ("Democratic Republic of the" Congo, "International Commission for" Lutheran-Catholic
    Dialogue), up to a person, a people or a date NER names; without such words, and for a person, before the
    dangling ones ("Border Security Force of" Kurds, "Pope Benedict the" Catholic faithful)."""
    if end <= start or doc[end - 1].lower_ not in _DANGLING:
        return end
    following = end
    while extend and following < len(doc) and _continues_name(doc, following):
        following += 1
    if following > end:
        return following
    while end > start and doc[end - 1].lower_ in _DANGLING:
        end -= 1
    return end


def _continues_name(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.text == "-":  # "Lutheran-Catholic"
        return not doc[i - 1].whitespace_ and i + 1 < len(doc) and _capitalised_name(doc[i + 1])
    return _capitalised_name(token) and not (token.ent_iob_ == "B" and token.ent_type_ in _NOT_CONTINUING)


# What tells a son from his father of the same name; a bare surname still goes to the one named last
_GENERATIONS = frozenset({"jr", "sr"})


def _fits(mention: Mention, cluster: Cluster) -> bool:
    words = set(mention.words)
    if mention.type != cluster.type:
        # NER often tags a lone surname as an organisation or a place; a person of that surname wins
        # (a first word only when NER took the name for an organisation: as a place, "Charlotte" is the city)
        first = mention.type == "organisation"
        return (
            cluster.type == "person"
            and len(words) == 1
            and (_surname_of(mention.words[0], cluster, first) or (first and _persons_initials(mention, cluster)))
        ) or _party_named_without_the_word(mention, cluster)
    if cluster.type == "person" and len(words) > 1 and words & _GENERATIONS != cluster.words & _GENERATIONS:
        return False  # "Donald Trump" is not "Donald Trump Jr.", nor "Duncan Hunter" his father "Duncan Hunter Sr."
    if words <= cluster.words:
        if cluster.type == "place":
            return not _another_place(mention.words, cluster)
        if mention.owner is not None and _anothers_body(mention.owner, mention.words, cluster):
            return False
        return not (cluster.type == "organisation" and _named_after(mention.words, cluster))
    if cluster.type == "person":
        return len(words) == 1 and (_surname_of(mention.words[0], cluster) or _persons_initials(mention, cluster))
    if cluster.type in {"organisation", "place"} and len(mention.words) == 1:
        acronym = mention.words[0].replace(".", "")
        return any(_initials(m.words) == acronym for m in cluster.mentions if len(m.words) > 1)
    return False


def _party_named_without_the_word(mention: Mention, cluster: Cluster) -> bool:
    """Whether a name of two words or more is a party's named without "party" or "movement", which NER
    types as a person once the word is gone: "Georgian Dream" after "the ruling Georgian Dream party"."""
    return (
        cluster.type == "organisation"
        and len(mention.words) > 1
        and any(m.words[-1] in _PARTY_WORDS and m.words[:-1] == mention.words for m in cluster.mentions)
    )


_PARTY_WORDS = frozenset({"party", "movement"})


# Bodies named after someone or something else, whose name opens theirs: the "Amazon Labor Union" is not
# Amazon, nor the "Clinton Foundation" the Clintons' ("Harvard University" is Harvard, "Labour Party" Labour)
_NAMED_AFTER = frozenset(
    {"union", "foundation", "institute", "museum", "hospital", "library", "school", "fund", "trust", "prize"}
)


# Words that make a place's name the name of another place: "South Korea" is not Korea, "New Mexico" not Mexico,
# and the "South China Sea" is not China
_OTHER_PLACE_WORDS = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "new", "upper",
        "lower", "sea",
    }
)  # fmt: skip


def _words_beside(words: tuple[str, ...], cluster: Cluster) -> list[set[str]]:
    """For each of the cluster's names that holds all of `words`, its other words."""
    return [set(m.words) - set(words) for m in cluster.mentions if set(words) <= set(m.words)]


def _another_place(words: tuple[str, ...], cluster: Cluster) -> bool:
    """Whether every longer name of the place that holds `words` names another place by one of its extra words."""
    return all(extra & _OTHER_PLACE_WORDS for extra in _words_beside(words, cluster))


def _owner(span: Span) -> str | None:
    """The named owner of a body written in lower case: "China" of "China's coast guard"."""
    doc, start = span.doc, span.start
    if not span[0].is_lower or start < 2 or doc[start - 1].tag_ != "POS" or doc[start - 2].pos_ != "PROPN":
        return None
    return doc[start - 2].lower_


def _anothers_body(owner: str, words: tuple[str, ...], cluster: Cluster) -> bool:
    """Whether every name of the body that holds `words` names another owner than `owner`: "China's coast
    guard" is not the "Philippine Coast Guard", where "Russia's defence ministry" is the "Russian Defence
    Ministry" (the two words open alike) and "Iran's foreign ministry" the "Foreign Ministry"."""
    stem = owner[:4]
    return all(extra and not any(word.startswith(stem) for word in extra) for extra in _words_beside(words, cluster))


def _named_after(words: tuple[str, ...], cluster: Cluster) -> bool:
    """Whether the cluster's only names holding `words` are bodies named after them."""
    holding = [m.words for m in cluster.mentions if set(words) <= set(m.words)]
    return all(len(h) > len(words) and h[: len(words)] == words and h[-1] in _NAMED_AFTER for h in holding)


def _surname_of(word: str, cluster: Cluster, first: bool = False) -> bool:
    """Whether `word` ends one of the person's names or, with `first`, opens a two-word one: Chinese, Korean
    and Vietnamese names put the family name first ("Wang Lin" ... "Wang said")."""
    word = _without_article(word)
    return any(
        _without_article(m.words[-1]) == word or (first and len(m.words) == 2 and m.words[0] == word)
        for m in cluster.mentions
    )


def _without_article(word: str) -> str:
    """An Arabic surname without its article, which copy often drops on second mention: "Abdel Fattah
    al-Burhan" ... "Burhan said"."""
    return _ARABIC_ARTICLE.sub("", word)


_ARABIC_ARTICLE = re.compile(r"^(?:al|el)-(?=\w)")


def _persons_initials(mention: Mention, cluster: Cluster) -> bool:
    """Whether a word in capitals is the initials of a person's name of three words or more: "MBS" for
    Mohammed bin Salman, "AOC" for Alexandria Ocasio-Cortez, "MLK" for Martin Luther King Jr. (NER may take them
    for organisations)."""
    if len(mention.text) < 3 or not mention.text.isupper():
        return False
    return any(
        "".join(part[0] for word in m.words if word not in _GENERATIONS for part in word.split("-") if part)
        == mention.words[0]
        for m in cluster.mentions
        if sum(len(w.split("-")) for w in m.words if w not in _GENERATIONS) >= 3
    )


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w not in {"of", "and", "for"})


def cluster(found: list[Mention]) -> list[Cluster]:
    """Entities in order of first mention, each with its mentions in text order."""
    clusters: list[Cluster] = []
    # fuller names first, so that "Kerry" before "John Kerry" still finds him
    for mention in sorted(one_type_per_name(found), key=lambda m: (-len(m.words), m.start)):
        candidates = [c for c in clusters if _fits(mention, c)]
        if len(mention.words) == 1 and any(c.type == "person" for c in candidates):
            # a bare surname is the person, not an organisation named after them ("Trump University")
            candidates = [
                c for c in candidates if c.type == "person" or any(m.words == mention.words for m in c.mentions)
            ]
        if not candidates:
            clusters.append(Cluster(mention.type, [mention]))
            continue
        _nearest(mention, candidates).mentions.append(mention)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
    named = [c for c in clusters if not all(m.text.islower() for m in c.mentions) or _named_in_lower_case(c)]
    return sorted(named, key=lambda c: c.mentions[0].start)


def _named_in_lower_case(cluster: Cluster) -> bool:
    """Whether an entity never written with a capital still names one: a body ("the health ministry", "the
    state department"), a people ("seminarians", "republicans") or a handle. Else it is a word NER guessed at:
    "hegemonic anxiety" as an organisation, "n't" as a place, "marijuana" as a person, "democratic" as a
    people."""
    if any(m.text.startswith("@") for m in cluster.mentions):
        return True  # a handle ("@radleybalko") names its holder
    if cluster.type == "organisation":
        words = cluster.mentions[-1].words
        return bool(words) and words[-1] in _BODIES
    return cluster.type == "group" and all(m.text.endswith("s") for m in cluster.mentions)


def with_unrecognised_surnames(clusters: list[Cluster], doc: Doc) -> list[Cluster]:
    """The clusters, each person with the mentions by family name alone that NER missed: having found
    "Senator John Blake", the small model may see no name in "The corrupt Blake has taken millions" or
    "Blake's office"; having found "Andrés Manuel López Obrador", it reads '..." López Obrador told' as a work
    of art. Capitalised proper nouns outside every name NER found of the four kinds are taken when they end
    the longer name of one person of the text (one word of a name of two or more, two of a name of three or
    more), and are no part of a longer name themselves ("Blake Street")."""
    text = doc_text(doc)
    for size in (1, 2):
        surnames: dict[tuple[str, ...], list[Cluster]] = {}
        for c in clusters:
            if c.type == "person":
                for words in {m.words[-size:] for m in c.mentions if len(m.words) > size}:
                    surnames.setdefault(words, []).append(c)
        for start in range(len(doc) - size + 1):
            words = doc[start : start + size]
            key = tuple(t.lower_ for t in words)
            owners = surnames.get(key)
            if (
                owners is None
                or len(owners) > 1
                or not _outside_names(words)
                # a lone family name opening a sentence may be tagged a common noun ("Zelenskyy thanked ...")
                or not all(_capitalised_name(t) or (size == 1 and _sentence_initial_noun(t)) for t in words)
                or _in_longer_name(words)
            ):
                continue
            owners[0].mentions.append(
                Mention(words.start_char, words.end_char, text[words.start_char : words.end_char], "person", key)
            )
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
    return clusters


def with_unrecognised_acronyms(clusters: list[Cluster], doc: Doc) -> list[Cluster]:
    """The clusters, each organisation with the mentions by its initials that NER missed: having found the
    "Rapid Support Forces", the small model sees no name in "The RSF denied the accusation". A word in
    capitals of three letters or more, outside every name NER found and beside no other name, is taken when
    it spells the initials of one organisation's name (two letters are too often something else: "US")."""
    owners: dict[str, list[Cluster]] = {}
    for c in clusters:
        if c.type == "organisation":
            for acronym in {_initials(m.words) for m in c.mentions if len(m.words) > 2}:
                owners.setdefault(acronym, []).append(c)
    for token in doc:
        found = owners.get(token.lower_) if len(token) >= 3 and token.is_upper and token.is_alpha else None
        word = doc[token.i : token.i + 1]
        if found is None or len(found) > 1 or not _outside_names(word) or _in_longer_name(word):
            continue
        found[0].mentions.append(
            Mention(token.idx, token.idx + len(token), token.text, "organisation", (token.lower_,))
        )
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
    return clusters


def _outside_names(words: Span) -> bool:
    """Whether NER gave the words no name of the four kinds: none at all, or a name of another kind that is
    just these words, as when it reads a lone "Cole" as a product, or that runs on from them into lower-case
    words, as when it reads "Murthy told The Associated Press" as a work of art; but a date is one ("in May",
    with Theresa May named)."""
    if all(t.ent_iob_ == "O" for t in words):
        return True
    doc = words.doc
    opens = words[0].ent_iob_ == "B" and all(t.ent_iob_ == "I" for t in words[1:])
    after = doc[words.end] if words.end < len(doc) else None
    return (
        opens
        and (after is None or after.ent_iob_ != "I" or after.is_lower)
        and words[0].ent_type_ not in TYPES
        and words[0].ent_type_ not in {"DATE", "TIME"}
    )


def _sentence_initial_noun(token: Token) -> bool:
    """A capitalised word opening a sentence that the tagger read as a common noun: "Zelenskyy thanked
    Poland", where a surname it does not know looks like any capitalised first word."""
    return token.is_sent_start and token.pos_ == "NOUN" and token.text[0].isupper()


def _in_longer_name(words: Span) -> bool:
    doc = words.doc
    neighbours = [doc[i] for i in (words.start - 1, words.end) if 0 <= i < len(doc)]
    return any(_capitalised_name(n) for n in neighbours)


def without_headline_names(clusters: list[Cluster], headline: str | None) -> list[Cluster]:
    """The clusters, less the people and organisations named only in `headline`, the text's first line when
    it is written in title case or capitals (`spinlens.headlines`), else None.

    NER reads every capitalised run of such a headline as a name: in 150 PTC articles, about three in four
    names found only in their headlines were no names ("Obama Judge Rules To Upend Georgia Election", "Legacy
    Crumbles"). On 150 others and PTC dev, this drops 64, of which 2 were right ("Gary Wills", "Border Patrol
    Agents") and a few more held a name run into headline words ("Archbishop Viganò Speaks"). Places and
    groups ("Texas", "Dems") stay: those were mostly right.
    """
    if headline is None:
        return clusters
    kept = []
    for c in clusters:
        body = [m for m in c.mentions if m.start >= len(headline)]
        if body:
            # "Stocks Slide as Fed Signals Higher-for-Longer Rates": the name is only what the body also calls it
            named = {w for m in body for w in m.words}
            c = replace(c, mentions=[t for m in c.mentions if (t := _as_named(m, named, len(headline)))])
        if c.type in {"place", "group"} or body:
            kept.append(c)
    return kept


def _as_named(mention: Mention, named: set[str], headline_end: int) -> Mention | None:
    """A headline's mention cut to its longest run of words the body also names, or None if it has none."""
    if mention.start >= headline_end or len(mention.words) < 2 or set(mention.words) <= named:
        return mention  # a one-word name joined its entity on its own ("US" beside "U.S.")
    best: list[re.Match] = []
    run: list[re.Match] = []
    for word in _WORD.finditer(mention.text):
        lower = _POSSESSIVE.sub("", word.group().lower())
        if lower in named or (lower.rstrip(".") in _TITLES and not run):
            run.append(word)
            if sum(name_words(w.group()) != () for w in run) > sum(name_words(w.group()) != () for w in best):
                best = list(run)
        else:
            run = []
    if not best:
        return None
    start, end = mention.start + best[0].start(), mention.start + best[-1].end()
    if possessive := _POSSESSIVE.search(best[-1].group()):
        end -= len(possessive.group())  # "Obama’s Treason": the name is "Obama"
    text = mention.text[start - mention.start : end - mention.start]
    return replace(mention, start=start, end=end, text=text, words=name_words(text))


def one_type_per_name(found: list[Mention]) -> list[Mention]:
    """The mentions, each name with the type NER gives it most often (on a tie, at its first mention).

    NER may type one name differently from one sentence to the next ("the government of Velmora" a place,
    "arm Velmora" a person); the same name in one article is the same entity, not two.
    """
    types: dict[tuple[str, ...], Counter[str]] = {}
    for mention in sorted(found, key=lambda m: m.start):  # a Counter's ties go to the type it saw first
        types.setdefault(mention.words, Counter())[mention.type] += 1
    return [replace(m, type=types[m.words].most_common(1)[0][0]) for m in found]


def _nearest(mention: Mention, candidates: list[Cluster]) -> Cluster:
    def key(c: Cluster) -> tuple[int, int]:
        before = [m.start for m in c.mentions if m.start < mention.start]
        if before:
            return (0, mention.start - max(before))
        return (1, min(m.start for m in c.mentions) - mention.start)

    return min(candidates, key=key)
