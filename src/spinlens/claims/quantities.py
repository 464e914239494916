"""Numbers in a claim, with their unit and what they count: "127 people were killed" → 127, counts
"people killed"; "$3 billion" → 3000000000 USD; "50 percent" → 50 percent; "two weeks" → 2 week.

A small English grammar rather than a library: quantulum3, the maintained extractor of this kind, took 1.3 s
a sentence on its first five sentences here, and its unit classifier fails to load with current scikit-learn.
Numbers are digits (with thousands separators and decimals) or number words up to the billions; a scale word, a
currency, a percent sign or a unit may follow; otherwise the words that follow say what is counted, plus
a passive participle when the text reports an event ("were killed", "injured").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from spinlens.headlines import in_title_case

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12,
    "half a": 0.5, "a hundred": 100, "a thousand": 1000, "a million": 1e6, "a billion": 1e9,
}  # fmt: skip
_SCALES = {
    "hundred": 100, "thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
    "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}  # fmt: skip
_CURRENCY_SIGNS = {
    "$": "USD", "US$": "USD", "C$": "CAD", "A$": "AUD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL",
    "NT$": "TWD",
    "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR", "Rs": "INR",
}  # fmt: skip
# ISO codes written before an amount, as wires and financial pages do ("CHF 3 million", "INR 500 crore")
_CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "CNY", "CHF", "INR", "RUB", "CAD", "AUD")
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
    "yen": "JPY", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "rupee": "INR",
    "rupees": "INR", "yuan": "CNY", "shekel": "ILS", "shekels": "ILS",
    "u.s. dollars": "USD", "us dollars": "USD", "u.s. dollar": "USD", "us dollar": "USD",
    "canadian dollars": "CAD", "australian dollars": "AUD", "hong kong dollars": "HKD",
}  # fmt: skip
_UNITS = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pc": "percent", "pct": "percent",
    "percentage points": "percentage points", "percentage point": "percentage points",
    "percentage-point": "percentage points", "basis points": "basis points", "basis point": "basis points",
    "basis-point": "basis points", "bps": "basis points",
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute", "hour": "hour",
    "hours": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century",
    # an age: "a 23-year-old man", "she was 23 years old", "an 18-month-old boy"
    "year-old": "year old", "years old": "year old", "year old": "year old", "month-old": "month old",
    "months old": "month old", "week-old": "week old", "weeks old": "week old",
    "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km", "mile": "mile",
    "miles": "mile", "metre": "m", "metres": "m", "meter": "m", "meters": "m", "feet": "foot", "foot": "foot",
    "mm": "mm", "millimetre": "mm", "millimetres": "mm", "millimeter": "mm", "millimeters": "mm",
    "cm": "cm", "centimetre": "cm", "centimetres": "cm", "centimeter": "cm", "centimeters": "cm",
    "inch": "inch", "inches": "inch", "km/h": "km/h", "kph": "km/h", "mph": "mph",
    "square kilometres": "km²", "square kilometers": "km²", "sq km": "km²", "km2": "km²", "km²": "km²",
    "square miles": "square mile", "square mile": "square mile",
    "litre": "litre", "litres": "litre", "liter": "litre", "liters": "litre", "gallon": "gallon",
    "gallons": "gallon",
    "kg": "kg", "kilogram": "kg", "kilograms": "kg", "ton": "tonne", "tons": "tonne", "tonne": "tonne",
    "tonnes": "tonne", "pound weight": "lb", "acres": "acre", "acre": "acre", "hectares": "hectare",
    "barrels": "barrel", "barrel": "barrel", "degrees": "degree", "degree": "degree", "fold": "times",
    "times": "times",
    "°c": "degree Celsius", "°f": "degree Fahrenheit",
    "degrees celsius": "degree Celsius", "degrees centigrade": "degree Celsius",
    "degrees fahrenheit": "degree Fahrenheit",
}  # fmt: skip
# Temperatures written as a capital on the number ("1.5C", "104F"); "5c" is five cents.
_TEMPERATURE_LETTERS = {"C": "degree Celsius", "F": "degree Fahrenheit"}
# Words that end what a number counts: function words, auxiliaries, and words that start a new clause.
_STOP = set(
    """a an the of in on at to for from by with as and or but nor so than then that which who whom whose this these
    those it its their his her our your my we they he she i you is are was were be been being have has had do
    does did will would shall should can could may might must not no per more less most least about around over
    under up down out into onto off since until during before after while when where why how what all each
    every both some any many much few several such only just also even still yet very too last next ago now already
    overnight today yesterday tonight tomorrow daily weekly monthly annually yearly apiece alone including
    excluding among amongst amid amidst against between within without across through throughout toward towards
    despite beyond upon via unlike except""".split()  # noqa: SIM905 - a word list reads better as prose
)
# ... and verbs of saying, whose subject a bare number is: "Of the 12 jurors, 5 said ...", "a mother of three
# told reporters"
_STOP |= {"said", "says", "say", "told", "tells", "wrote"}
# A parent's count of children, which goes without saying: "a mother of four sheltering in a school" counts no
# sheltering ("a father of two young sons" still counts the sons, and "the parents of two Americans killed" the
# Americans)
_PARENT_OF = re.compile(r"\b(?:mother|father|parent|grandmother|grandfather|grandparent)s?\s+of\s+$", re.IGNORECASE)
# Verbs of a figure's change, which a number's subject may take ("the number of suspects under 15 tripled")
_CHANGES = frozenset(
    """doubled tripled quadrupled halved rose fell dropped jumped climbed surged soared plunged slumped grew
    declined increased decreased""".split()  # noqa: SIM905 - a word list reads better as prose
)
# Comparatives an amount measures the difference of: "$2.5 trillion richer" counts nothing richer
_COMPARATIVES = frozenset(
    """richer poorer higher lower larger smaller bigger greater cheaper dearer older younger longer shorter
    taller wider deeper faster slower heavier lighter better worse""".split()  # noqa: SIM905
)
# Verbs that a count is the subject of without saying what it counts: "400 aid trucks remained stuck" counts
# trucks and "three remained" counts nothing named, where "127 people killed" reports the event counted.
_STATES = frozenset(
    "remain remains remained seem seems seemed appear appears appeared lived waited existed".split()  # noqa: SIM905
)
_AUXILIARIES = r"(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been|been|being|got|get|have|has|had)\s+)"
# Participles that do not end in -ed; a list, since "children", "women" and "citizen" end in -en too.
_IRREGULAR_PARTICIPLES = {
    "hurt", "shot", "hit", "held", "taken", "slain", "stricken", "left", "driven", "thrown", "beaten", "born",
    "caught", "sold", "lost", "spent", "built", "cut", "put", "sent", "paid", "given", "seen", "found", "known",
    "stolen", "broken", "chosen", "written", "fallen", "forgotten", "hidden", "frozen", "spoken", "eaten",
    "shaken", "risen", "bitten", "proven", "ridden", "sworn", "torn", "worn", "fled", "bled", "fed", "led",
    "kept", "dug", "won", "struck", "stuck", "sunk", "swept", "laid", "made", "brought", "bought", "fought",
    "taught", "thought", "told", "done", "gone", "grown", "flown", "shown", "withdrawn", "drawn",
}  # fmt: skip

_NUMBER_WORD = "|".join(sorted((re.escape(w) for w in _SMALL), key=len, reverse=True))
_WORD_NUMBER = (
    rf"(?:(?:{_NUMBER_WORD})(?:[\s-]+(?:and\s+)?(?:{_NUMBER_WORD}|hundred|thousand|million|billion|trillion))*)"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SIGN = rf"(?P<sign>(?-i:US|C|A|NZ|HK|NT|S|R)?\$|[€£¥₽₹]|(?-i:Rs)\.?|(?-i:{'|'.join(_CURRENCY_CODES)})(?=\s?\d))"
_SCALE = (
    r"(?:[\s-]*(?P<scale>hundred|thousand|million|mln|billion|bn|bln|trillion|tn|lakhs?|crores?)\b|(?P<short>[mb]n?)\b)"
)
_UNIT = "|".join(sorted((re.escape(u) for u in list(_UNITS) + list(_CURRENCY_WORDS)), key=len, reverse=True))
# What may follow a number: a letter only as a scale ("£1.5billion", "$3bn"), "pc", a temperature or a unit
# written on it ("5km"), and no further digits.
_NUMBER_END = (
    r"(?!(?![mb]n?\b|(?:thousand|million|mln|billion|bln|trillion|tn)\b|pc\b|(?-i:[CF])\b|(?:km|kg|mm|cm|mph|kph)\b)"
    r"[\w/]|[.,]\d)"
)
# A temperature's scale may follow a space where the other scale stands in brackets beside it ("44 C (111 F)",
# "111 F (44 C)"), which no grade or name does
_SPACED_SCALE = r"\s(?=(?-i:C\s*\(\s*-?[\d.,]+\s?F|F\s*\(\s*-?[\d.,]+\s?C|[CF]\)))"
_FIGURE = (
    rf"(?:{_SIGN}\s?)?(?P<number>{_DIGITS}|{_WORD_NUMBER})(?P<half>½|\s+and\s+a\s+half\b)?{_NUMBER_END}"
    rf"(?:\s?[-–]\s?(?P<high>{_DIGITS}){_NUMBER_END})?(?:{_SCALE})?"
    rf"(?:(?:{_SPACED_SCALE})?(?P<letter>(?-i:[CF]))\b|(?:\s*|-)(?:(?:more|fewer)\s+)?(?P<unit>{_UNIT})(?!\w))?"
)
_QUANTITY = re.compile(rf"(?<![\w.,$€£¥₽₹/-]){_FIGURE}", re.IGNORECASE)
# The top of a range that repeats the unit ("5.25%-5.50%", "$10-$12"): after a hyphen, `_QUANTITY` reads
# no figure, lest "COVID-19" or "F-35" count.
_DASHED_TOP = re.compile(rf"\s?[-–]\s?{_FIGURE}", re.IGNORECASE)
# A word, with the initials of an abbreviation ("U.S.", "China-U.S."), or a model's name ("three AK-47 rifles",
# "two F-16s"); a quotation mark after a word closes a quote
_WORD = re.compile(
    r"\s+([A-Z][A-Za-z]*-\d+[A-Za-z]*(?![\w-])|[A-Za-z](?:[A-Za-z'-]*[A-Za-z])?(?:(?<![A-Za-z]{2})(?:\.[A-Za-z])+\.)?)"
)
# A word a number is joined to ("a 114-page ruling"), unless the number is only rough ("40-odd") or the
# first part of an ordinal ("fifty-first")
_HYPHENED = re.compile(r"-([a-z]+)\b(?![-'’])")
_ROUGHLY = frozenset({"odd", "plus", "something", "ish", "fold"})
_ORDINAL_TAIL = re.compile(r"-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b", re.IGNORECASE)
# Shares of a whole, read as percent of it: "two-thirds of voters", "half of the budget", "one in five
# children", "3 out of 4 doctors".
_PARTS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5,
}  # fmt: skip
# "a third of voters", "half of Americans"; "half" needs no "of" before a determiner ("half the population",
# not the idiom "half the time")
_FRACTION = re.compile(
    r"(?<![\w-])(?:(?P<count>a|one|two|three|four)[\s-]+(?P<part>halves|half|thirds?|quarters?|fourths?|fifths?)"
    r"(?=\s+of\b)|(?P<half>half)(?=\s+of\b|\s+(?:the|its|their|his|her|our)\s+(?!time\b)[a-z]))",
    re.IGNORECASE,
)
# hyphened, a fraction needs no "of": "a two-thirds majority", "three-quarters said no"
_HYPHENED_FRACTION = re.compile(
    r"(?<![\w-])(?P<count>one|two|three|four)-(?P<part>halves|half|thirds?|quarters?|fourths?|fifths?)(?![\w-])",
    re.IGNORECASE,
)
_RATIO = re.compile(
    rf"(?<![\w.,-])(?P<part>\d+|{_NUMBER_WORD})\s+(?:in|out\s+of)\s+(?P<whole>{_DIGITS}|{_NUMBER_WORD})(?![\w.,])",
    re.IGNORECASE,
)
# "half of them", "10 percent of us": the pronoun says nothing more of what the share is of
_PRONOUN_WHOLES = frozenset({"them", "us"})
_OF_WHAT = re.compile(r"\s+(?:of\s+)?(?:the\s+|all\s+|its\s+|their\s+)?([A-Za-z][A-Za-z'-]*)")
# "242 of its soldiers", "two of New York City's largest hospitals": a part of a known whole counts what the
# whole is made of
_PARTITIVE = re.compile(
    # an owner's first: "five of Ukraine's", "two of the country's"; not where a number counts the whole
    # ("three of the Fed's 12 voting members", as "three of the 12 members", count no "Fed's")
    r"\s+of\s+(?:(?:the\s+[\w-]+|(?:the\s+)?(?-i:(?:[A-Z][\w.-]*[ \t]+){0,3}[A-Z][\w.-]*))['’]s"
    r"|the(?!\s+\S+['’]s\s+\d)|its|their|his|her|our|your|these|those)"
    r"(?=\s+[A-Za-z])",
    re.IGNORECASE,
)
# Endings of proper adjectives: "Republican", "Syrian", "Korean", "Chinese", "British", "Israeli", "French",
# "Democratic", "Catholic";
# not a bare "-an", which also ends Iran, Sudan and Pakistan.
_PROPER_ADJECTIVE_ENDINGS = ("ian", "can", "ean", "ese", "ish", "i", "ch", "ic")
_PARTISAN_ENDINGS = ("crat", "ist", "ive")  # "Democrats", "Socialists", "Conservatives"
_SINGULAR_AUXILIARY = re.compile(r"\s+(?:was|is|has)\b")
_PERFECT = re.compile(r"\s+(?:have|has|had)\s+(?!been\b)")
_PASSIVE = re.compile(rf"\s+{_AUXILIARIES}?(?:(?:also|reportedly|allegedly)\s+)?([a-z]+ed|[a-z]+en|[a-z]+)\b")


@dataclass(frozen=True)
class FoundQuantity:
    start: int
    end: int
    value: float
    unit: str | None
    counts: str | None
    high: float | None = None  # the top of a range ("10-15 people")
    bound: str | None = None  # "lower", "upper" or "approximate": how the words before it bound the number

    @property
    def normalized(self) -> str:
        number = "-".join(_plain(v) for v in (self.value, self.high) if v is not None)
        return " ".join(part for part in (number, self.unit, self.counts) if part)


def _scaled(value: float, scale: float) -> float:
    """`value` times a scale, in decimal: in binary floating point 33.2 × 1e9 is 33200000000.000004, which
    would print as 3.32e+10."""
    return float(Decimal(repr(value)) * Decimal(int(scale)))


def _plain(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:g}"


def word_number(words: str) -> float | None:
    """The value of an English number in words ("two hundred and fifty thousand" → 250000)."""
    total, current = 0.0, 0.0
    tokens = re.findall(r"half a|a dozen|a hundred|a thousand|a million|a billion|[a-z]+", words.lower())
    for token in tokens:
        if token == "and":
            continue
        if token == "dozen":
            current = (current or 1) * 12  # "two dozen" is 24
        elif token in _SMALL:
            current += _SMALL[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in _SCALES:
            total += (current or 1) * _SCALES[token]  # "half a million" is 500,000
            current = 0.0
        else:
            return None
    return total + current


def _value(number: str) -> float | None:
    if number[0].isdigit():
        return float(number.replace(",", ""))
    return word_number(number)


def _is_participle(word: str) -> bool:
    return word.endswith("ed") or word in _IRREGULAR_PARTICIPLES


# Nouns that end like an adverb: "3 family members", "two NATO allies", "a rally", "the supply".
_LY_NOUNS = frozenset({"family", "ally", "rally", "supply", "assembly", "monopoly", "anomaly", "bully", "italy"})


def _is_adverb(word: str) -> bool:
    return (word.endswith("ly") and word not in _LY_NOUNS) or word in _ADVERBS_OF_PLACE


# Adverbs that say where or how a figure holds: "$2.98 nationwide", "600 overall"
_ADVERBS_OF_PLACE = frozenset({"nationwide", "worldwide", "statewide", "countrywide", "overall", "abroad", "overseas"})


# Plurals that modify the noun after them ("2,000 news outlets", "10,000 sports fans", "$5bn arms deals"), and
# diseases named in -s ("1,274 measles cases"): the counted phrase goes on past them.
_PLURAL_MODIFIERS = frozenset(
    {"news", "sports", "arms", "sales", "savings", "goods", "customs", "earnings"}
    | {"measles", "mumps", "rabies", "diabetes", "herpes"}
)
_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "personnel", "cattle", "feet"})
# Nouns in -men that are no plural of a -man ("fishermen", "gunmen", "policemen" are)
_SINGULARS_IN_MEN = frozenset(
    {"specimen", "abdomen", "regimen", "acumen", "omen", "stamen", "hymen", "semen", "albumen", "bitumen", "amen"}
)


def _is_plural_noun(word: str) -> bool:
    """Whether a word ends the counted phrase as its plural head ("22,000 new Border Patrol agents"): only a
    word in lower case without a hyphen, since a capitalised one may be a name ("five Dallas police
    officers", "the Los Angeles Times") and a hyphenated one a modifier ("four plain-clothes officers"); or
    a people ("Americans", "Israelis")."""
    if word in _IRREGULAR_PLURALS:
        return True
    if (
        word[:1].isupper()
        and word[1:].islower()
        and word.endswith("s")
        # not "Minneapolis", "Illinois", "Chris" or "Olympics", which end so too
        and not word.endswith(("is", "ics"))
        and word[:-1].endswith(_PROPER_ADJECTIVE_ENDINGS + _PARTISAN_ENDINGS)
    ):
        # a people, or a party's members: "43 million Americans hold ...", "five Democrats joining ..."
        return True
    if not word.islower() or "-" in word or word in _PLURAL_MODIFIERS:
        return False
    if word.endswith("men") and word not in _SINGULARS_IN_MEN:
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))


_MORE = frozenset({"more", "fewer"})


def _word_on_line(text: str, position: int) -> re.Match[str] | None:
    """The word after `position`, if no line break comes first: a line's last figure counts nothing on the
    next ("... in 2017\nShockingly, ...")."""
    match = _WORD.match(text, position)
    return None if match is None or "\n" in text[position : match.start(1)] else match


def _plural_end(text: str, position: int, most: int, *, lowercase: bool = False) -> int | None:
    """Where a plural noun ends that comes within `most` words of `position`, on the same line, past no stop
    word (and, with `lowercase`, past no capitalised one); None when none does."""
    for _ in range(most):
        match = _word_on_line(text, position)
        if not match or match.group(1).lower() in _STOP:
            return None
        if lowercase and not match.group(1).islower():
            return None
        if _is_plural_noun(match.group(1)):
            return match.end()
        position = match.end()
    return None


def _counted(text: str, end: int) -> tuple[str | None, int]:
    """What the number just before `end` counts, and where that phrase ends: up to the first plural noun
    ("5,000 people live there" counts people), in at most three words, or four when the fourth is that noun.
    In a title-case headline a capital says nothing of a name: "1,500 Migrants Cross Channel" counts migrants."""
    words: list[str] = []
    hyphened = _HYPHENED.match(text, end)
    if hyphened and hyphened.group(1) not in _STOP | _ROUGHLY and not hyphened.group(1).endswith("ed"):
        # "a 114-page ruling", "the 12-member panel": the number counts the word it is joined to ("six-pointed"
        # is no count of points)
        return hyphened.group(1), hyphened.end()
    partitive = _PARTITIVE.match(text, end)
    position = partitive.end() if partitive else end
    for _ in range(4):
        match = _word_on_line(text, position)
        if not words and match and match.group(1) in _MORE and (plural := _plural_end(text, match.end(), 3)):
            # "two more Patriot batteries", "5,000 fewer jobs"; not "300 more than planned", "14 more ready".
            # The phrase runs to that noun whatever its words are: "three more unarmed men were killed" does
            # not stop at "unarmed" as if it reported the event.
            words = [match.group(1), *text[match.end() : plural].split()]
            position = plural
            break
        if (
            match
            and match.group(1).lower() in {"and", "or"}
            and 0 < len(words) <= 2
            and not words[-1].lower().endswith("s")  # "Ten Commandments and ...": a head already
            and not _is_participle(words[-1].lower())
            and (after := _WORD.match(text, match.end())) is not None
            and word_number(after.group(1).lower()) is None  # "... election and two crucial contests"
            and (plural := _plural_end(text, match.end(), 3)) is not None
        ):
            # "12 thermal and hydro power plants": two modifiers of one plural
            words += [match.group(1), *text[match.end() : plural].split()]
            position = plural
            break
        if not match or match.group(1).lower() in _STOP:
            break
        if not partitive and word_number(match.group(1).lower()) is not None:
            # "a record 906,000 two years earlier": another number starts, with its own count ("four of the
            # eight people" counts them)
            break
        if len(words) == 3 and not _is_plural_noun(match.group(1)):
            break
        if _is_adverb(match.group(1).lower()) and (words or not _plural_end(text, match.end(), 3)):
            # "1.4 billion Chinese people firmly support": how they act is not what is counted, nor is where a
            # price holds ("averaged $2.98 nationwide on Monday"); "800 likely voters" counts voters
            break
        if not words and match.group(1).endswith("ed") and _object_follows(text, match.end()):
            break  # "a crowd of 60,272 watched the match": the number is the verb's subject, and counts nothing
        if not words and match.group(1).lower() in _CHANGES:
            break  # "suspects under 15 tripled": how a figure moved is nothing counted
        if not words and match.group(1).lower() in _COMPARATIVES and not _plural_end(text, match.end(), 2):
            break  # "$2.5 trillion richer" counts nothing, where "two older sisters" counts sisters
        if match.group(1).lower() in _STATES:
            break
        words.append(match.group(1))
        position = match.end()
        # "127 people were killed": an event reported after the noun
        if len(words) > 1 and _is_participle(words[-1].lower()):
            if _object_follows(text, position):
                # "two audits found no evidence": a verb of the sentence, which the count is the subject of
                words.pop()
                position = match.start()
            break
        if _is_plural_noun(words[-1]):
            break
        if len(words) == 1 and _headline_plural(words[0]) and _in_title_case_line(text, end):
            event = _WORD.match(text, position)
            if event and event.group(1)[0].isupper() and _is_participle(event.group(1).lower()):
                # "Two DREAMERs Caught", "6 Soldiers Died": the event, as "127 people were killed" reports it
                words.append(event.group(1))
                position = event.end()
            return " ".join(words), position
    if not words:
        return None, end
    if len(words) == 3 and not _is_plural_noun(words[-1]):
        # three words with no plural head ("$120 million Series C round led by ..."): a participle after them
        # describes that phrase, and reports no event of what is counted
        return " ".join(words), position
    passive = _PASSIVE.match(text, position)
    if passive and _SINGULAR_AUXILIARY.match(passive.group(0)) and _is_plural_noun(words[-1]):
        # "The poll of 1,446 adults was conducted Nov. 17-20": a plural is not the subject of "was"
        return " ".join(words), position
    if passive and _is_participle(passive.group(1)) and passive.group(1) not in _STOP | _STATES:
        perfect = _PERFECT.match(passive.group(0)) is not None
        active = passive.group(1) == passive.group(0).strip() or perfect
        if active and (
            _object_follows(text, passive.end()) or _bare_object_follows(text, passive.end(), participle=perfect)
        ):
            # "two audits found no evidence", "31,079 people have made the journey", "thousands of Americans
            # have reported serious side effects", "99 million vaccinated people found small increases": a verb
            # with its object
            return " ".join(words), position
        words.append(passive.group(1))
        position = passive.end()
    return " ".join(words), position


def _headline_plural(word: str) -> bool:
    """Whether a capitalised word right after a number in a headline reads as its plural head: "Migrants",
    "People"; not a name such as "Los" (Angeles) or "Dallas" (police officers)."""
    return len(word) > 3 and not word.lower().endswith(("as", "os")) and _is_plural_noun(word.lower())


def _in_title_case_line(text: str, position: int) -> bool:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return in_title_case(text[start : end if end >= 0 else len(text)].split())


# An object opens on an article, a possessive, a figure or a quantifier before one ("have introduced more than
# 40 bills")
_OBJECT_OPENING = re.compile(
    r"\s+(?:(?:no|the|a|an|its|their|his|her|our|any|\d|(?:more|fewer|less)\s+than|at\s+least|nearly|almost|roughly|approximately)\b|[$€£¥]\d)",
    re.IGNORECASE,
)


def _bare_object_follows(text: str, position: int, *, participle: bool = True) -> bool:
    """Whether an object with no article opens at `position`: after "have reported", "serious side effects",
    "heart problems", "homes" or a name ("have visited Xinjiang") is one; "in the attack", "overnight", a day
    ("have died Sunday") or the next line's first word is none, and "have died in the attack" reports the
    event. With no "have" before the verb, a word in -ing or -ed is no object's either: "11 children found
    living in a compound", "4,051 pledged delegates allocated based on results" describe those counted."""
    word = _WORD.match(text, position)
    if word is None or word.group(1).lower() in _STOP:
        return False
    found = word.group(1)
    if not participle and found.endswith(("ing", "ed")):
        return False
    return (
        _looks_adjectival(found)
        or _is_plural_noun(found)
        # "have reported heart problems": a noun before the plural it qualifies
        or (found.islower() and not found.endswith(("ing", "ed")) and _plural_end(text, word.end(), 1) is not None)
        # a day or month follows a verb as when it happened, not as what it acted on
        or (found[0].isupper() and found.lower() not in _CALENDAR_WORDS and "\n" not in text[position : word.start(1)])
    )


def _object_follows(text: str, position: int) -> bool:
    """Whether an object opens at `position`: after "audits found" it makes "found" the sentence's verb."""
    return _OBJECT_OPENING.match(text, position) is not None


def _shares(text: str) -> tuple[list[FoundQuantity], list[tuple[int, int]]]:
    """Fractions and ratios of a whole, as percent of what follows them ("two-thirds of voters" → 66.7
    percent of voters), and the ranges they and figures of speech like "one in a million" take."""
    found: list[FoundQuantity] = []
    taken: list[tuple[int, int]] = []
    for match in _FRACTION.finditer(text):
        found.append(_share(text, match.start(), match.end(), _fraction(match)))
    for match in _HYPHENED_FRACTION.finditer(text):
        if all(q.start != match.start() for q in found):
            # with no "of", the share is of nothing named: "a two-thirds majority"
            share = float(f"{_fraction(match) * 100:.3g}")
            found.append(FoundQuantity(match.start(), match.end(), share, "percent", None))
    for match in _RATIO.finditer(text):
        part, whole = _value(match.group("part")), _value(match.group("whole"))
        if not part or not whole or part > whole:  # "3 in 2 sets" is no share
            continue
        if part / whole < 0.001 and not match.group("whole")[0].isdigit():
            # "a one in a million chance" is a figure of speech; "1 in 100,000 doses" is a rate
            taken.append(match.span())
        else:
            found.append(_share(text, match.start(), match.end(), part / whole))
    return found, taken + [(q.start, q.end) for q in found]


# Magnitudes with no number: "hundreds of roads", "tens of thousands of people". The plural says at least two
# of them, a floor a fact-checker can hold a figure against.
_MAGNITUDES = {"dozens": 12, "tens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
_MAGNITUDE = re.compile(
    r"(?<![\w-])(?:(?P<times>tens|hundreds)\s+of\s+)?(?P<unit>dozens|hundreds|thousands|millions|billions)\s+of"
    r"(?=\s+[A-Za-z])(?!\s+(?:dozens|hundreds|thousands|millions|billions)\b)",
    re.IGNORECASE,
)


def _magnitudes(text: str) -> list[FoundQuantity]:
    found = []
    for match in _MAGNITUDE.finditer(text):
        times = _MAGNITUDES[match.group("times").lower()] if match.group("times") else 1
        value = 2 * times * _MAGNITUDES[match.group("unit").lower()]
        word = _WORD.match(text, match.end())
        unit_word = word.group(1).lower() if word else ""
        # "billions of dollars" is an amount of money, "thousands of years" a time, as "2 billion dollars" is
        unit = _CURRENCY_WORDS.get(unit_word) or _UNITS.get(unit_word)
        if unit_word in {"pound", "pounds"} and _is_weight(text, word.end()):
            unit = "lb"
        if word and unit:
            found.append(FoundQuantity(match.start(), word.end(), value, unit, None, bound="lower"))
        else:
            counts, end = _counted(text, match.end())
            if counts and counts.split()[0].lower() in _PRONOUN_WHOLES:  # "millions of them fled"
                counts, end = None, match.end() - len(" of")
            found.append(FoundQuantity(match.start(), end, value, None, counts, bound="lower"))
    return found


def _overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in ranges)


def _plural_follows(text: str, end: int) -> bool:
    word = _WORD.match(text, end)
    if not word:
        return False
    noun = word.group(1).lower()
    plural = noun.endswith("s") and not noun.endswith("ss") and noun not in _STOP
    return plural or noun in {"people", "children", "men", "women"}


def _fraction(match: re.Match) -> float:
    if match.groupdict().get("half"):
        return 0.5
    count = 1 if match.group("count").lower() in {"a", "one"} else _SMALL[match.group("count").lower()]
    return count / _PARTS[match.group("part").lower()]


def _share(text: str, start: int, end: int, share: float) -> FoundQuantity:
    # what it is a share of, read as a percentage's is ("half of the enclave's population"), else the next word
    # ("one in five children", "half of all voters")
    counts, counted_end = _percent_of(text, end)
    if counts is None:
        counts, counted_end = _percent_of(text, end, _HALF_OF)
    if counts is None:
        of = _OF_WHAT.match(text, end)
        if of and of.group(1).lower() not in _STOP | _PRONOUN_WHOLES and not of.group(1).endswith(("'s", "’s")):
            counts, counted_end = f"of {of.group(1)}", of.end()
            # "1 in 800 vaccinated people": after a word that reads as an adjective, the whole goes on to its
            # plural noun
            adjectival = (
                _looks_adjectival(of.group(1)) or of.group(1).endswith("ed") or _is_proper_adjective(of.group(1))
            )
            if adjectival and (plural := _plural_end(text, of.end(), 2, lowercase=True)):
                counts, counted_end = "of " + " ".join([of.group(1), *text[of.end() : plural].split()]), plural
    # three significant digits: two-thirds is 66.7 percent, one in 100,000 is 0.001
    return FoundQuantity(start, counted_end, float(f"{share * 100:.3g}"), "percent", counts)


# A time of day says when, not how many: "at 3 a.m." read as a count of 3, "3:30 p.m." as 3 and "30 p", and
# "ten-twenty-four p.m." as 34.
_CLOCK = re.compile(
    rf"(?<![\w.:$€£¥₽₹])(?:(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?|{_WORD_NUMBER})\s?(?:[ap]\.m\.?|[ap]m\b|o['’]clock\b)"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:]))",
    re.IGNORECASE,
)


def find_quantities(text: str, skip: Iterable[tuple[int, int]] = ()) -> list[FoundQuantity]:
    """Quantities in text, in text order; `skip` holds ranges already read as something else (dates)."""
    skipped = list(skip) + [m.span() for m in _CLOCK.finditer(text)]
    shares, taken = _shares(text)
    vague = [q for q in _magnitudes(text) if not _overlaps(q.start, q.end, taken)]
    taken += [(q.start, q.end) for q in vague]
    found = [q for q in shares + vague if not _overlaps(q.start, q.end, skipped)]
    matches = [m for m in _QUANTITY.finditer(text) if not _overlaps(*m.span(), skipped + taken)]
    read = [_read(text, match) for match in matches]
    joined: set[int] = set()  # the upper ends of ranges, read with their lower end
    reach = 0  # where the last range with a dashed top ends: its top ("2%–3%") is no figure of its own
    for i, quantity in enumerate(read):
        if quantity is None or i in joined or quantity.start < reach:
            continue
        if quantity.unit is not None and quantity.high is None and quantity.end == matches[i].end():
            quantity = _with_dashed_top(text, quantity)
            reach = quantity.end if quantity.high is not None else reach
        after = read[i + 1] if i + 1 < len(read) else None
        if after is not None and (pair := _PAIR.fullmatch(text, matches[i].end(), after.start)):
            quantity = _paired(text, quantity, after, matches[i], matches[i + 1], pair.group(1).lower())
            if quantity.high is not None and quantity.end == after.end:
                joined.add(i + 1)
        found.append(_as_age(text, quantity) or quantity)
    return sorted((replace(q, bound=q.bound or _bound(text, q)) for q in found), key=lambda q: q.start)


# The words before a number that make it a bound or an estimate: "at least 33 people" were killed, so the
# figure is a floor a fact-checker must not read as the count.
_BOUNDS = (
    (
        "lower",
        r"at\s+least|more\s+than|over|above|upwards\s+of|in\s+excess\s+of|(?:no|not)\s+(?:fewer|less)\s+than"
        r"|(?:just|well)\s+(?:over|above)",
    ),
    (
        "upper",
        r"up\s+to|fewer\s+than|less\s+than|under|below|(?:no|not)\s+more\s+than|as\s+(?:many|much)\s+as|at\s+most"
        r"|(?:just|well)\s+(?:under|below)",
    ),
    ("approximate", r"about|around|nearly|almost|roughly|approximately|some|an\s+estimated|close\s+to|circa|approx\."),
)
_BOUND = re.compile(
    "(?:" + "|".join(f"(?P<{name}>(?<![\\w-])(?:{words}))" for name, words in _BOUNDS) + r")\s+$", re.IGNORECASE
)


# "rose to", "ticked up to", "our way up to $15": a change's end, not a ceiling; "$84 billion over 10
# years": a stretch of time, not a floor
_CHANGE_BEFORE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|increas(?:e|es|ed|ing)|gr(?:ow|ows|ew|own|owing)"
    r"|go(?:es|ing)?|went|tick(?:s|ed)|mov(?:e|es|ed|ing)|soar(?:s|ed|ing)?|surg(?:e|es|ed|ing)|rais(?:e|es|ed|ing)"
    r"|push(?:es|ed|ing)?|add(?:s|ed|ing)?|way)\s+$",
    re.IGNORECASE,
)
# "over five years" is when, unless a word before it makes it how long: "for over twenty years", "in over a
# decade"
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})
_SPAN_BEFORE = re.compile(r"\b(?:for|in|after|of|than|took|lasted|spent|spanning)\s+$", re.IGNORECASE)
_AMOUNT_BEFORE = re.compile(r"(?:\d|\b(?:million|billion|trillion|percent|dollars|pounds|euros))\s+$", re.IGNORECASE)


def _bound(text: str, quantity: FoundQuantity) -> str | None:
    match = _BOUND.search(text, max(0, quantity.start - 24), quantity.start)
    if match is None:
        return None
    words = match.group(match.lastgroup).lower()
    before = text[max(0, match.start() - 24) : match.start()]
    if words.split()[0] == "up" and _CHANGE_BEFORE.search(before):
        return None
    if words == "over" and (
        _AMOUNT_BEFORE.search(before) or (quantity.unit in _TIME_UNITS and not _SPAN_BEFORE.search(before))
    ):
        return None
    if words.split()[-1] in {"above", "below"} and _AMOUNT_BEFORE.search(before):
        return None  # "32 percent below 2005 levels": the point a difference is measured from
    return match.lastgroup


def _with_dashed_top(text: str, low: FoundQuantity) -> FoundQuantity:
    """The range "5.25%-5.50%" or "$10-$12" from its low end, or the low end alone."""
    match = _DASHED_TOP.match(text, low.end)
    top = _read(text, match) if match else None
    if top is None or top.unit != low.unit or top.high is not None or top.value <= low.value:
        return low
    return FoundQuantity(low.start, top.end, low.value, low.unit, top.counts or low.counts, top.value)


# "between 1.5 and 2 per cent", "from 3.0 to 3.4 per cent": the first number takes the second's unit
_PAIR = re.compile(r"\s+(and|to)\s+")
# the most a range's top may be its bottom's multiple
_WIDEST_RANGE = 100
# ("between the ages of 18 and 29" is a range of ages)
_PAIR_OPENING = re.compile(r"\b(between(?:\s+the\s+ages\s+of)?|from|range\s+of)\s+$", re.IGNORECASE)


def _paired(
    text: str, first: FoundQuantity, second: FoundQuantity, first_match: re.Match, second_match: re.Match, word: str
) -> FoundQuantity:
    """A range ("between 1.5 and 2 per cent" → 1.5-2 percent), or a change whose start gets the end's unit
    ("from 3.0 to 3.4 per cent" → 3 percent, then 3.4 percent, found on its own)."""
    opening = _PAIR_OPENING.search(text, max(0, first.start - 24), first.start)
    if first.high is not None or first.unit not in {None, second.unit}:
        return first
    if opening is None and not (word == "to" and first.unit is None and not first_match.group("sign")):
        return first
    value = first.value
    if not (first_match.group("scale") or first_match.group("short")):
        scaled = _scaled(
            value, _SCALES.get((second_match.group("scale") or second_match.group("short") or "").lower(), 1)
        )
        # "1.5 to 2 million" shares the scale; "500,000 to 3 million" has its own, but "2014 to $557 million"
        # is no range
        if scaled < second.value:
            value = scaled
        elif value * _WIDEST_RANGE < second.value:
            return first
    if opening is None:
        # "30 to 40 people", "five to eight years": a range; "won 3 to 1" is a score
        if second.high is not None or value >= second.value:
            return first
        return FoundQuantity(first.start, second.end, value, second.unit, second.counts, second.value)
    opens = opening.group(1).lower()
    if (opens.startswith("between") and word == "and") or opens.startswith("range"):
        if second.high is not None or value >= second.value:
            return first
        return FoundQuantity(first.start, second.end, value, second.unit, second.counts, second.value)
    if opens == "from" and word == "to":
        return FoundQuantity(first.start, first_match.end(), value, second.unit, None)
    return first


# "zero" in a set phrase names a target, a place or a policy, not a count: "net zero", "ground zero",
# "patient zero", "zero tolerance", "a zero-sum game", "zero hour"
_ZERO_BEFORE = re.compile(r"\b(?:net|ground|patient)[\s-]+$", re.IGNORECASE)
_ZERO_AFTER = re.compile(r"[\s-]+(?:tolerance|sum|hour)\b", re.IGNORECASE)


def _read(text: str, match: re.Match) -> FoundQuantity | None:
    """The quantity one match of `_QUANTITY` holds, or None when it is no amount."""
    start, end = match.span()
    number = match.group("number")
    value = _value(number)
    # "one" alone is mostly a pronoun ("one of them"), not a count
    if value is None or (number.lower() in {"one", "a"} and not (match.group("unit") or match.group("half"))):
        return None
    if number.lower() == "zero" and (
        _ZERO_BEFORE.search(text, max(0, start - 12), start) or _ZERO_AFTER.match(text, end)
    ):
        return None
    if match.group("half"):
        value += 0.5  # "eight and a half years", "2½ years"
    if _names_a_model(text, match) or _ORDINAL_TAIL.match(text, end):
        return None  # ... or "the fifty-first state": an ordinal, which counts nothing
    if not number[0].isdigit() and _KIND_OF_ARRANGEMENT.match(text, match.end("number")):
        return None
    scale = (match.group("scale") or match.group("short") or "").lower()
    if match.group("short") and not match.group("sign") and not _plural_follows(text, end):
        # "5m" or "3bn" is a money shorthand after a currency sign and a count before a plural ("1.2m
        # people"); elsewhere it may be metres ("a 5m wall")
        return None
    high = float(match.group("high").replace(",", "")) if match.group("high") else None
    if high is not None and high <= value:
        # "won 2-1", "ruled 5-4", "24-7": a score, a vote or an idiom, not a range of amounts
        return None
    if scale:
        value = _scaled(value, _SCALES[scale])
        high = _scaled(high, _SCALES[scale]) if high is not None else None
    unit_word = (match.group("unit") or "").lower()
    sign = (match.group("sign") or "").rstrip(".")
    unit = _CURRENCY_SIGNS.get(sign, sign if sign in _CURRENCY_CODES else None)
    if unit_word in {"pound", "pounds"} and _is_weight(text, end):
        unit = "lb"
    unit = unit or _CURRENCY_WORDS.get(unit_word) or _UNITS.get(unit_word)
    unit = unit or _TEMPERATURE_LETTERS.get(match.group("letter") or "")
    if _is_age_beside_a_name(text, match, value):
        return FoundQuantity(start, end, value, "year old", None)
    counts = None
    if not (match.group("unit") or match.group("letter")):
        counts, counted_end = _counted(text, end)
        if (
            counts
            and match.group("sign")
            and (
                _is_participle(counts.split()[0].lower())
                or _PERFECT.search(text, end, counted_end)
                or (" " not in counts and counts.endswith("ing"))
            )
        ):
            # "$61 billion approved by Congress": an amount of money does not count what was done with it, nor
            # what it does ("spent $300 million helping to elect", "$100 million remaining"); in "the $33.2
            # billion analysts had expected" it is the object of a clause, whose subject it counts not
            counts = None
        elif counts and _counts_nothing(text, start, counts):
            counts = None
        else:
            end = counted_end
    elif unit == "percent":
        counts = _percent_of(text, end)[0]
    return FoundQuantity(start, end, value, unit, counts, high)


def _counts_nothing(text: str, start: int, counts: str) -> bool:
    """Whether the words after a bare number, read as what it counts, are none of it: a parent's children go
    without saying ("a mother of four sheltering in a school"), and a lone participle in "-ing" is what those
    counted do ("children under five accounting for", "12 abstaining") or a noun that a date's day or year
    stands on ("the Oct. 1 shooting")."""
    if _PARENT_OF.search(text, max(0, start - 40), start) and not any(_is_plural_noun(w) for w in counts.split()):
        return True
    return " " not in counts and counts.islower() and counts.endswith("ing")


# The words that give an age, or ages, before the number: "aged 45 and older", "ages 16 to 24", "at age 73",
# "under the age of 16", "aged between 57 and 70", and the second of two in "aged 21 and 24"
_AGE_BEFORE = re.compile(r"\b[Aa]ge[sd]?\s+(?:of\s+|between\s+|\d+\s+(?:and|or)\s+)?$")
_AGE_FIGURES = re.compile(r"\d+(?:\s*[-–]\s*\d+|\s+(?:to|and)\s+\d+)?")


def _as_age(text: str, quantity: FoundQuantity) -> FoundQuantity | None:
    """A bare figure, or a range of them, as the age its words give ("aged 21", "ages 18 to 29"), or None."""
    figures = _AGE_FIGURES.match(text, quantity.start)
    if (
        figures is None
        or quantity.unit is not None
        or max(quantity.value, quantity.high or 0) >= 120
        or _AGE_BEFORE.search(text, max(0, quantity.start - 20), quantity.start) is None
    ):
        return None
    # what follows an age is who has it, or what they did ("voters between the ages of 30 and 44 backed
    # him"), not what the figure counts
    return replace(quantity, end=min(quantity.end, figures.end()), unit="year old", counts=None)


# "the two-state solution", "two-way talks", "a one-party state", "a two-tier system": the name of a kind of
# arrangement, which counts nothing to check ("a 28-point plan" and "a two-year sentence" do)
_KIND_OF_ARRANGEMENT = re.compile(r"-(?:state\s+solution|way|party\s+(?:system|state|rule)|tier(?:ed)?|track)\b", re.I)


# An age set off by commas after a name, as news copy gives it: "Eric Joering, 39, died", "Trig, 6, who has
# Down syndrome", "Mona Lamberson, 59, of North Philadelphia"; not "Sept, 26, 2014"
_NAME_AND_COMMA = re.compile(r"(?<![\w.])[A-Z][a-z'’-]+,\s$")
_AGE_CLOSES = re.compile(r",(?!\s*\d)|\s+(?:and|of|from|who|whose)\b")


def _is_age_beside_a_name(text: str, match: re.Match[str], value: float) -> bool:
    start, end = match.span()
    return (
        match.group("number").isdigit()
        and value < 120
        and not (match.group("unit") or match.group("sign") or match.group("high") or match.group("letter"))
        and _NAME_AND_COMMA.search(text, max(0, start - 40), start) is not None
        and _AGE_CLOSES.match(text, end) is not None
    )


# The word before a number that, with it, makes a name, inside running text ("the S&P 500", "a Boeing 737",
# "Article 5", "Chapter 11", "the iPhone 16", "900-page Project 2025"): capitalised (or a brand's "iPhone")
# after "the" or a lowercase word or figure. At a sentence's start ("Nearly 500
# died") and in title-case headlines ("Police Arrest 12") the capital says nothing; a day or month is a date's.
_NAME_BEFORE = re.compile(r"(?:^|\s)(?:[Tt]he|[a-z\d][\w,'’-]*)\s+(?P<word>[a-z]?[A-Z][\w&.-]*)\s$")
_SCORE_FOLLOWS = re.compile(r"\s+to\s+\d")
# Words a number names one of, in any case: "type 2 diabetes", "phase 3", "stage 4 cancer", "level 3 lockdown"
_NUMBERED_KIND = re.compile(r"\b(?:type|phase|stage|category|level|grade|tier|article|chapter|section)\s$", re.I)
# ... and, capitalised, the laws, measures and union locals a number names: "Senate Bill 4", "Title 42
# expired", "Resolution 2334", "Proposition 8", "Teamsters Local 294" ("the bill 4 times" counts)
_NUMBERED_NAME = re.compile(r"\b(?:Bill|Resolution|Proposition|Prop\.|Title|Amendment|Measure|Order|Local)\s$")
_CALENDAR_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split()  # noqa: SIM905
)


# A capitalised word, or "of" after one, right before a number word, inside a sentence on one line: "World War
# Two", "Group of Seven"
_NAME_WORD_BEFORE = re.compile(r"[a-z,] +(?:[A-Z][\w'’-]* +)*[A-Z][\w'’-]* +(?:of +)?$")


def _names_a_model(text: str, match: re.Match) -> bool:
    """Whether a bare number is part of a name, as an index, a model, a law or a chapter is."""
    if any(match.group(g) for g in ("sign", "scale", "short", "unit", "letter", "high")):
        return False
    number = match.group("number")
    if number[0].isdigit() and any(
        kind.search(text, max(0, match.start() - 20), match.start()) for kind in (_NUMBERED_KIND, _NUMBERED_NAME)
    ):
        return True  # "type 2 diabetes", "a Phase 3 trial", "Category 5 storms": whatever follows
    if (
        not number[0].isdigit()
        and number[0].isupper()
        and _NAME_WORD_BEFORE.search(text, max(0, match.start() - 60), match.start())
    ):
        # "since World War Two", "the Apollo Eleven crew", "the Group of Seven": a capital inside a sentence
        # names, unless the line is a title-case headline ("Police Arrest Two Suspects")
        return not _in_title_case_line(text, match.start())
    if not number[0].isdigit() or "." in number or _plural_follows(text, match.end()):
        # a plural after it makes it a count again, as in "sent Kyiv 31 tanks"; "4.3 points" is one too
        return False
    if _SCORE_FOLLOWS.match(text, match.end()):
        return False  # "Clinton would beat Trump 46 to 40 percent"
    before = _NAME_BEFORE.search(text, max(0, match.start() - 60), match.start())
    if before is None:
        return False
    word = before.group("word").lower().rstrip(".")
    return word not in _STOP and word not in _CALENDAR_WORDS and not word.endswith(("'s", "’s"))


# "27,000 pounds of fentanyl" weighs; "5 million pounds of funding" is money
_POUNDS_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?([A-Za-z][A-Za-z'’-]*)")
_MONEY_NOUNS = frozenset(
    """aid assets bonuses cash contracts cuts damage debt debts donations funding funds grants investment
    investments loans losses money public revenue savings spending subsidies support taxpayers taxpayers'
    taxpayers’ compensation profits""".split()  # noqa: SIM905 - a word list reads better as prose
)


def _is_weight(text: str, end: int) -> bool:
    of = _POUNDS_OF.match(text, end)
    return bool(of) and of.group(1).lower() not in _MONEY_NOUNS


# a name in initials ("U.S.") is read whole, and as a modifier like a proper adjective ("of U.S. electricity")
_INITIALS = r"(?:[A-Z]\.){2,}"
_ECONOMY_MEASURES = re.compile(r"gross\s+(?:domestic|national)\s+(?:product|income)\b", re.IGNORECASE)
_PERCENT_OF = re.compile(
    rf"\s+of\s+(?:(?:all\s+)?(?:the|its|their|his|her|our|your)\s+|all\s+)?({_INITIALS}|[A-Za-z][A-Za-z'’-]*)"
)
# "half the global population": "half" takes its whole without "of"
_HALF_OF = re.compile(rf"\s+(?:the|its|their|his|her|our|your)\s+({_INITIALS}|[A-Za-z][A-Za-z'’-]*)")


_ADJECTIVE_ENDINGS = ("al", "ive", "ble", "ic", "ous", "ful", "ent", "ant", "ary", "ing", "ed", "ish", "less")
_ADJECTIVES = frozenset(
    {
        "young", "old", "new", "black", "white", "likely", "small", "large", "big", "top", "rich", "poor", "low",
        "high", "foreign", "key", "eligible", "female", "male", "elderly", "older", "younger", "adult", "senior",
    }
)  # fmt: skip


def _is_proper_adjective(word: str) -> bool:
    """Whether a word reads as a people's or a party's adjective: "French", "Republican"."""
    return word[0].isupper() and word.endswith(_PROPER_ADJECTIVE_ENDINGS)


def _looks_adjectival(word: str) -> bool:
    """Whether a lowercase word reads as an adjective before its noun: "registered", "likely", "front-page"."""
    if not word.islower() or word in _STOP:
        return False
    return "-" in word or word in _ADJECTIVES or word.endswith(_ADJECTIVE_ENDINGS)


# Adverbs, without -ly, that may close a clause after its noun ("68 percent of delegates thereafter")
_CLOSING_ADVERBS = frozenset({"thereafter", "afterwards", "afterward", "instead", "again", "overall", "together"})
# What may close a share's whole: punctuation, the rival's share ("52% of the vote to 47% for Jones",
# "50.9% of the valid votes to Bolsonaro's 49.1%"), or the verb "be" or "have" of a sentence the share is the
# subject of ("half of his medical advice is unsubstantiated")
_PHRASE_END = re.compile(
    r"\s*(?:[,;:.)]|$)|\s+(?:to|against|versus|vs\.?)\s+(?:[A-Z][\w'’]*\s+)?\d[\d.,]*\s*(?:%|percent\b|per\s+cent\b)"
    r"|\s+(?:is|are|was|were|has|have|had)\b"
)


def _percent_of(text: str, end: int, whole: re.Pattern[str] = _PERCENT_OF) -> tuple[str | None, int]:
    """What a percentage just before `end` is of ("of voters"), or None, and where those words end.

    "40 percent of the region's rice harvest": the owner is not what the share is of. "45% of Republican
    voters": a proper adjective takes its noun. "5 percent of New York": a name goes on while its words are
    capitalised (after a bare name, "Ukraine remains", a lowercase word is a verb).
    """
    of = whole.match(text, end)
    if not of or of.group(1).lower() in _STOP | _PRONOUN_WHOLES:
        return None, end
    first = of.group(1)
    if (named := _ECONOMY_MEASURES.match(text, of.start(1))) is not None:
        # "3.5% of gross domestic product": three words, none of them plural, that name one whole
        return "of " + " ".join(named.group(0).split()), named.end()
    owner = first.endswith(("'s", "’s"))
    adjective = _is_proper_adjective(first) or re.fullmatch(_INITIALS, first) is not None
    name = first[0].isupper() and not owner
    words, position = [first], of.end()
    # "two-thirds of young people", "40 percent of eligible voters": the phrase goes on to its plural noun when
    # one follows within two words. Only after a word that reads as an adjective: after a noun, a word in -s is
    # more often a verb ("a third of the electorate remains undecided")
    if (adjective or _looks_adjectival(first)) and (plural := _plural_end(text, position, 2, lowercase=True)):
        return "of " + " ".join([first, *text[position:plural].split()]), plural
    # a word right after it that closes the phrase is its noun, not a verb: "50.9% of the valid votes,", "52% of
    # the popular vote."
    last = _WORD.match(text, position)
    if (
        first.islower()
        and not _is_plural_noun(first)
        and last
        and last.group(1).islower()
        and last.group(1) not in _STOP
        and not _is_adverb(last.group(1))
        and last.group(1) not in _CLOSING_ADVERBS
        and not _is_participle(last.group(1))
        and "\n" not in last.group(0)
        and _PHRASE_END.match(text, last.end())
    ):
        return f"of {first} {last.group(1)}", last.end()
    for _ in range(2 if owner or name else 0):
        word = _WORD.match(text, position)
        if not word or word.group(1).lower() in _STOP or _is_participle(word.group(1).lower()):
            break
        lower = word.group(1).islower()
        if lower and not (owner or adjective):
            break
        words.append(word.group(1))
        position = word.end()
        if lower and (adjective or _is_plural_noun(word.group(1))):
            break  # "Syrian refugees", not "Syrian refugees returned"; "his union's workers", not "... support"
    if owner and len(words) == 1:
        # "a third of Gaza's 2.1 million people": the owner alone is no whole, and what the number after it
        # counts is a quantity of its own
        return None, end
    return "of " + " ".join(words), position
