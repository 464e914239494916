"""Times in a claim, resolved to ISO dates against the article's publication date.

Finding the expressions is a small English grammar (weekdays, month and day, years after a preposition,
relative words and periods); resolving them is dateparser's job, with the publication date as its
relative base and a preference for the past (news reports what happened), or for the future in a clause
that speaks of it ("the talks will resume in March"). A day comes out as
`2016-10-18`; a week, month or year as an ISO interval `2016-10-24/2016-10-30`. A relative expression in
an article without a publication date stays unresolved (`value` null) rather than being resolved against
today, and so does a fiscal year, whose first month depends on who keeps the books. The cases it gets wrong
are listed in docs/claims.md.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from spinlens.datelines import byline_date_words, dateline_date_words

_MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:tember|t?\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# words after a weekday that make it part of a name, a newspaper's, a show's or a rite's ("Night" only before
# another capital, since a title-case headline writes "Protests Erupt on Saturday Night")
_NAMED_AFTER_A_WEEKDAY = r"(?:(?:Times|Telegraph|Express|Mirror|Post|Herald|Independent|Sun|Mass)\b|Night\s+[A-Z])"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"  # 2100: the end of the century that climate projections run to
# "fall" only after a word that makes it a noun: "prices will fall 2025 percent" names no autumn
_AFTER_FALL = ("in", "the", "of", "by", "since", "until", "during", "this", "last", "next", "early", "late")
_FALL = "|".join(rf"(?<={word}\s)" for word in _AFTER_FALL)
_SEASONS = rf"(?:spring|summer|autumn|winter|(?:{_FALL})fall)"
_UNIT_WORD = r"(?:day|week|month|year|decade)"
_UNIT = rf"{_UNIT_WORD}s?"
_SINGULAR_UNIT = rf"{_UNIT_WORD}(?!s)"
_COUNT = r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"
_DAY_OF_MONTH = rf"(?:{_MONTHS}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTHS})"

_NOT_PLURALS = r"(?:was|has|is|does|as|its|his|this|thus|plus|less|unless|versus|whereas)"
_PREPOSITION = (
    r"(?:in|since|by|until|till|during|from|before|after|through|of|early|late|mid|end|since\s+at\s+least"
    r"|as\s+(?:early|late|recently|far\s+back)\s+as)[\s-]+"
)
# Each pattern's `d` group is the date; text around it only decides that it is one.
_PATTERNS = [
    # Tuesday 18 October (2016) / Tuesday, October 18(, 2016)
    rf"(?P<d>{_WEEKDAYS},?\s+(?:{_DAY}\s+{_MONTHS}|{_MONTHS}\s+{_DAY})(?:,?\s+{_YEAR})?)",
    # a span of days: November 17-20(, 2025) / 17-20 November (2025)
    rf"(?P<d>{_MONTHS}\s+{_DAY}\s*[-\u2013]\s*{_DAY}(?:,?\s+{_YEAR})?)(?!\d)",
    rf"(?P<d>{_DAY}\s*[-\u2013]\s*{_DAY}\s+(?:of\s+)?{_MONTHS}(?:,?\s+{_YEAR})?)",
    # 18 October 2016 / October 18, 2016 / 18 October / October 18
    rf"(?P<d>{_DAY}\s+(?:of\s+)?{_MONTHS}(?:,?\s+{_YEAR})?)",
    rf"(?P<d>{_MONTHS}\s+{_DAY}(?:,?\s+{_YEAR})?)(?!\d)",
    # October 2016
    rf"(?P<d>{_MONTHS},?\s+{_YEAR})",
    # ISO dates and 10/18/2016
    r"(?P<d>(?:19|20)\d\d-[01]\d-[0-3]\d)",
    r"(?P<d>[01]?\d/[0-3]?\d/(?:19|20)\d\d)",
    # last Friday, next Monday, this Sunday, (on) Monday
    # (not in a name: "the Sunday Times", "Saturday Night Live", "Sunday Mass", "the Mail on Sunday")
    rf"(?<!(?-i:\bMail on ))(?P<d>(?:(?:last|next|this|past)\s+)?{_WEEKDAYS})(?!\s+(?-i:{_NAMED_AFTER_A_WEEKDAY}))",
    r"(?P<d>the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow)",
    r"(?P<d>(?:last|this|next|past)\s+(?:week|month|year|decade))",
    rf"(?P<d>{_COUNT}\s+{_UNIT}\s+ago)",
    # the weekend, last weekend, this weekend: a Saturday and Sunday
    r"(?P<d>(?:the|this|last|next|past)\s+weekend)",
    # the next two weeks, the coming year, within three months: a period that starts at publication
    # ("within three months of his arrest" counts from the arrest: not found)
    rf"(?P<d>(?:the\s+(?:next|coming)|within)\s+(?:{_COUNT}\s+{_UNIT}|{_SINGULAR_UNIT}))(?!\s+(?:of|after|from)\b)",
    # the past two weeks, the last 10 years: a period that ends at publication
    rf"(?P<d>the\s+(?:past|last)\s+(?:{_COUNT}\s+)?{_UNIT}|(?:past|last)\s+decade)",
    # between 2030 and 2050, from 2010 to 2020, 2014-2016, 2022-23: a span of years, one interval
    rf"(?:between|from)\s+(?P<d>{_YEAR}\s+(?:and|to|through|until|till)\s+{_YEAR})(?!\d|,\d)",
    rf"(?P<d>{_YEAR}\s*[-\u2013\u2014]\s*(?:{_YEAR}|\d\d))(?!\d|,\d)",
    # fiscal year 2022, fiscal 2022, FY2022, FY 22, financial year 2020-21: found, so that the year is not read
    # as a count, but left unresolved
    rf"(?P<d>(?:(?:(?:fiscal|financial)\s+year\s+|FY\s?)(?:{_YEAR}|\d\d)|fiscal\s+{_YEAR})"
    rf"(?:[-/\u2013]\d\d(?:\d\d)?)?)(?!\d|,\d)",
    # the 2026 fiscal year, the 2025-26 financial year: unresolved like the fiscal years above
    rf"(?P<d>{_YEAR}(?:[-/\u2013]\d\d(?:\d\d)?)?\s+(?:fiscal|financial)\s+year)",
    # the 2024 election, a 2019 study: a year before a noun, not a count of it. A count this large takes a
    # comma in news copy ("the 2,000 protesters"), so a bare 19xx or 20xx after a determiner is a year
    rf"(?:the|a|its|their|his|her|our|my|your|whose|this|that)\s+(?P<d>{_YEAR})(?=\s+[A-Za-z])",
    # the 1990s, the 2020s: a decade ("the 1800s" and "the 1900s" more often mean a century: left out)
    r"(?P<d>(?:1[89]|20)[1-9]0s)",
    # parts of a year: Q3 2023, the third quarter of 2023, the first half of 2024, H1 2024, spring 2025
    rf"(?P<d>Q[1-4]\s*{_YEAR}|(?:first|second|third|fourth)\s+quarter\s+(?:of\s+)?{_YEAR})(?!\d|,\d)",
    rf"(?P<d>(?:first|second)\s+half\s+(?:of\s+)?{_YEAR}|H[12]\s*{_YEAR})(?!\d|,\d)",
    rf"(?P<d>{_SEASONS}\s+(?:of\s+)?{_YEAR})(?!\d|,\d)",
    # the first half of the year, the third quarter of last year, last summer, this spring: the same parts
    # of the year of publication, or of the year before or after it
    r"(?P<d>(?:first|second|third|fourth)\s+(?:quarter|half)\s+of\s+(?:the|this|last|next)\s+year)",
    r"(?P<d>(?:last|this|next|past)\s+(?:spring|summer|autumn|fall|winter))",
    # last September, this March, next May: the month of that name before, in or after the month of
    # publication; the month takes a capital, since "this may" is a verb's
    rf"(?P<d>(?:last|this|next|past)\s+(?-i:{_MONTHS}))(?!\s*\d)",
    # from Nov. 3 to Nov. 10, between 28 December and 3 January, from June 2 to 5(, 2015): a span of days
    rf"(?:between|from)\s+(?P<d>{_DAY_OF_MONTH}\s+(?:and|to|through|until|till)\s+(?:{_DAY_OF_MONTH}|{_DAY})"
    rf"(?:,?\s+{_YEAR})?)(?!\d|,\d)",
    # between March and June 2023, from March to June 2023: a span of months, one interval
    rf"(?:between|from)\s+(?P<d>{_MONTHS}\s+(?:and|to|through|until|till)\s+{_MONTHS},?\s+{_YEAR})(?!\d|,\d)",
    # between March and June, from March to June: the same, in the year the last month resolves to, as a bare
    # month does; capitalised, as "may" is a verb's
    rf"(?:between|from)\s+(?P<d>(?-i:{_MONTHS})\s+(?:and|to|through|until|till)\s+(?-i:{_MONTHS}))(?!,?\s*\d)",
    # the year 2000, calendar year 2022
    rf"(?:the|calendar)\s+year\s+(?P<d>{_YEAR})(?!\d|,\d)",
    # in October, since 2010, by 2030: a bare month or year only counts after a preposition
    rf"{_PREPOSITION}(?P<d>{_MONTHS})(?!\s*\d)",
    # "well into 2024", "throughout 2014" too; not a month, whose year the tense decides and "into" hides
    # ("heading into July")
    rf"(?:{_PREPOSITION}|(?:into|throughout|beyond)\s+)(?P<d>{_YEAR})(?!\d|,\d)",
    # a forecast for 2025, plans for 2030; "for 2000 years" counts years, so no plural may follow (a verb or a
    # word in -s that is none may: "the forecast for 2023 was trimmed")
    rf"for\s+(?P<d>{_YEAR})(?!\d|,\d|\s+(?!{_NOT_PLURALS}\b)[a-z]+s\b)",
    # up 60 per cent on 2021, compared with 2019, over 2022: a year compared against, where no noun follows
    # to make it a count ("spent it on 2000 laptops")
    rf"(?:on|over|with|versus|vs\.?)\s+(?P<d>{_YEAR})(?!\d|,\d|\s+[a-z])",
]
_DATES = [re.compile(rf"\b{p}\b", re.IGNORECASE) for p in _PATTERNS]
# the years of a list after its first, "..., 2020 and 2021" (not "in 2019 and 2000 soldiers", a count)
_LISTED_YEARS = re.compile(rf"(?:,\s*{_YEAR})*,?\s+(?:and|or)\s+{_YEAR}\b(?!,\d|\s+[a-z]+s\b)")
# a capitalised month or weekday is a date; `may`, `march`, `sun` in lower case are words
_NEEDS_CAPITAL = re.compile(rf"^(?:{_MONTHS}|{_WEEKDAYS})$")
_ANY_CASE = re.compile(rf"^(?:{_MONTHS}|{_WEEKDAYS})$", re.IGNORECASE)
_LOWER_CASE_MONTH = re.compile(r"\b(?:may|march)\b")
_NUMBER_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3, "several": 3,
}  # fmt: skip
# the two ends of a span of years, found by the patterns above
_YEARS = re.compile(rf"({_YEAR})\D+({_YEAR}|\d\d)")
# the two ends of a span of days that names its months ("Nov. 3 to Nov. 10", "28 December and 3 January"), the
# second month left out where it is the first's ("June 2 to 5, 2015")
_DAYS_BETWEEN = re.compile(
    rf"(?P<first>{_DAY_OF_MONTH})\s+\w+\s+(?:(?P<last>{_DAY_OF_MONTH})|(?P<day>{_DAY}))(?:,?\s+(?P<year>{_YEAR}))?",
    re.IGNORECASE,
)
_MONTH_OF = re.compile(_MONTHS, re.IGNORECASE)
# the month, first and last day and year of a span of days
_DAY_SPAN = re.compile(
    rf"(?:(?P<month>{_MONTHS})\s+(?P<first>\d+)\D*?[-\u2013]\s*(?P<last>\d+)\w*"
    rf"|(?P<first2>\d+)\D*?[-\u2013]\s*(?P<last2>\d+)\w*\s+(?:of\s+)?(?P<month2>{_MONTHS}))(?:,?\s+(?P<year>{_YEAR}))?",
    re.IGNORECASE,
)
_WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_BARE_WEEKDAY = re.compile(rf"(?:this\s+)?({_WEEKDAYS})", re.IGNORECASE)
# a fiscal year's months depend on who keeps the books (October in the US government, April in the UK's)
_DECADE = re.compile(r"(?:1[89]|20)[1-9]0s")
_FISCAL = re.compile(r"(?:fiscal\b|financial\s+year\b|FY).*|\S+\s+(?:fiscal|financial)\s+year", re.IGNORECASE)
# words that put a clause in the future: a date in it is the next of its name, not the last
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|(?:is|are|was|were)\s+(?:due|set|scheduled|expected|going)\s+(?:to|for)|plans?\s+to"
    r"|due\s+to\s+be|(?:is|are)\s+due|(?:takes?|comes?\s+into)\s+effect|takes?\s+office|comes?\s+into\s+force|expires?|(?:is|are)\s+to\s+be)\b"
    r"|'ll\b",
    re.IGNORECASE,
)
# "would", the future of a past report: a month or a date after it is the next ("said the convention would
# be in July"), but a weekday may have passed by the time the report is published ("said they would light
# landmarks on Monday night"), so a weekday is left to the preference for the past
_WOULD = re.compile(r"\bwould\b(?!-|\s+have\b)", re.IGNORECASE)
_WEEKDAY = re.compile(_WEEKDAYS, re.IGNORECASE)
_WEEKEND = re.compile(r"(the|this|last|next|past)\s+weekend", re.I)
# The months of each part of a year. Seasons are the northern hemisphere's meteorological ones; winter, which
# spans two years and is named after either, stays unresolved.
_PARTS = {
    "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12), "first quarter": (1, 3), "second quarter": (4, 6),
    "third quarter": (7, 9), "fourth quarter": (10, 12), "first half": (1, 6), "second half": (7, 12),
    "h1": (1, 6), "h2": (7, 12), "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
}  # fmt: skip
_PART_OF_YEAR = re.compile(
    rf"(?P<part>Q[1-4]|H[12]|(?:first|second|third|fourth)\s+(?P<unit>quarter|half)|(?P<season>spring|summer|autumn|fall|winter))"
    rf"\s*(?:of\s+)?(?P<year>{_YEAR})",
    re.IGNORECASE,
)
_RELATIVE_PART = re.compile(
    r"(?P<part>(?:first|second|third|fourth)\s+(?P<unit>quarter|half))\s+of\s+(?P<year>the|this|last|next)\s+year"
    r"|(?P<which>last|this|next|past)\s+(?P<season>spring|summer|autumn|fall|winter)",
    re.IGNORECASE,
)
# "March and June 2023", or with no year, "March and June"
_MONTH_SPAN = re.compile(rf"(?P<first>{_MONTHS})\s+\w+\s+(?P<last>{_MONTHS})(?:,?\s+(?P<year>{_YEAR}))?", re.IGNORECASE)
_MONTH_NUMBERS = {calendar.month_abbr[i].lower(): i for i in range(1, 13)}
_RELATIVE_MONTH = re.compile(rf"(?P<which>last|this|next|past)\s+(?P<month>{_MONTHS})", re.IGNORECASE)
# "the next two weeks", "the coming year", "within three months": a stretch of time that starts at publication
_AHEAD = re.compile(rf"(?:the\s+(?:next|coming)|within)\s+(?:({_COUNT})\s+)?({_UNIT})", re.I)
# "the past two weeks", "the last year", "the past decade": a stretch of time that ends at publication
_PERIOD = re.compile(rf"(?:the\s+(?:past|last)\s+(?:({_COUNT})\s+)?({_UNIT})|(?:past|last)\s+(decade))", re.I)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    value: str | None  # ISO date, or ISO interval start/end
    period: str | None  # day, week, month, year, decade or fiscal year


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _interval(day: dt.date, period: str) -> str:
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return f"{_iso(monday)}/{_iso(monday + dt.timedelta(days=6))}"
    if period == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return f"{_iso(day.replace(day=1))}/{_iso(day.replace(day=last))}"
    if period == "year":
        return f"{day.year}-01-01/{day.year}-12-31"
    return _iso(day)


def _span(expression: str) -> tuple[int, int] | None:
    """The first and last year of a span of years ("2014-2016", "2022-23"), or None if it is no span."""
    years = _YEARS.fullmatch(expression)
    if not years:
        return None
    first, last = int(years.group(1)), years.group(2)
    end = int(last) if len(last) == 4 else first - first % 100 + int(last)
    if len(last) == 2 and first % 100 == 99 and end < first:  # "1999-00"
        end += 100
    return (first, end) if end > first else None


def _day_span(expression: str) -> tuple[int, int, str, str | None] | None:
    """The first and last day, the month and the year (if given) of a span of days ("Nov. 17-20", "3–5 March
    2025"), or None if it is no span."""
    days = _DAY_SPAN.fullmatch(expression)
    if not days:
        return None
    first, last = days.group("first") or days.group("first2"), days.group("last") or days.group("last2")
    return int(first), int(last), days.group("month") or days.group("month2"), days.group("year")


def _days_between(between: re.Match, published: dt.date | None, future: bool) -> str | None:
    """The interval from one day to another: the last day resolves as a date alone does, and the first falls
    in its year, or the year before where its month comes later in the calendar ("28 December and 3 January")."""
    year = f", {between.group('year')}" if between.group("year") else ""
    last, _ = _resolve(_last_of(between) + year, published, future)
    first, _ = _resolve(between.group("first") + year, published, future)
    if last is None or first is None:
        return None
    end, start = dt.date.fromisoformat(last), dt.date.fromisoformat(first)
    year_of_start = end.year if (start.month, start.day) <= (end.month, end.day) else end.year - 1
    if start.month == 2 and start.day == 29 and not calendar.isleap(year_of_start):
        return None
    return f"{_iso(start.replace(year=year_of_start))}/{last}"


def _last_of(between: re.Match) -> str:
    """The last day of a span of days, with the first's month where it leaves its own out ("June 2 to 5")."""
    if between.group("last"):
        return between.group("last")
    return f"{_MONTH_OF.search(between.group('first')).group()} {between.group('day')}"


def _backwards(between: re.Match) -> bool:
    """Whether a span of days within one month runs backwards ("from Oct. 9 to Oct. 2"): no span, but two
    dates."""
    first, last = between.group("first"), _last_of(between)
    months = [_MONTH_OF.search(end).group()[:3].lower() for end in (first, last)]
    days = [int(re.search(r"\d+", end).group()) for end in (first, last)]
    return months[0] == months[1] and days[0] >= days[1]


def _weekday_of(expression: str) -> int | None:
    """0-6 for a bare weekday ("Thursday", "this Thursday"), None for anything else ("last Thursday")."""
    bare = _BARE_WEEKDAY.fullmatch(expression)
    return _WEEKDAY_NAMES.index(bare.group(1).lower()) if bare else None


def _amount(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS[re.sub(r"\s+", " ", word)]


def _minus(day: dt.date, count: int, unit: str) -> dt.date:
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return day - dt.timedelta(days=count)
    if unit == "week":
        return day - dt.timedelta(weeks=count)
    months = count * {"month": 1, "year": 12, "decade": 120}[unit]
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@functools.lru_cache(maxsize=256)  # one per publication date and tense; bounded for long-running servers
def _parser(base: dt.datetime | None, future: bool = False):  # -> dateparser.date.DateDataParser
    from dateparser.date import DateDataParser

    settings = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=settings)


def publication_date(published: str | None) -> dt.date | None:
    """The publication day from the record's `published` (ISO 8601, or anything dateparser reads)."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        pass
    parsed = _parser(None).get_date_data(published).date_obj
    return parsed.date() if parsed else None


def filing_date(text: str) -> tuple[dt.date, str] | None:
    """For an article that comes without `published`, the date of a dateline near the start of the text, or
    else of a byline there, with which of the two it is."""
    for where, words in (("dateline", dateline_date_words(text)), ("byline", byline_date_words(text))):
        date = publication_date(words) if words else None
        if date is not None:
            return date, where
    return None


def _resolve(expression: str, published: dt.date | None, future: bool = False) -> tuple[str | None, str | None]:
    if _FISCAL.fullmatch(expression):
        return None, "fiscal year"
    if _DECADE.fullmatch(expression):
        return f"{expression[:4]}-01-01/{int(expression[:4]) + 9}-12-31", "decade"
    years = _span(expression)
    if years:
        return f"{years[0]}-01-01/{years[1]}-12-31", "year"
    months = _months_of(expression)
    if months:
        return months
    span = _MONTH_SPAN.fullmatch(expression)
    if span:  # with no year: `_months_of` took those with one
        last, _ = _resolve(span.group("last"), published, future)
        if last is None:
            return None, "month"
        first, end = _MONTH_NUMBERS[span.group("first")[:3].lower()], int(last[5:7])
        year = int(last[:4]) if first <= end else int(last[:4]) - 1  # "between November and February"
        return f"{year}-{first:02d}-01/{last.split('/')[1]}", "month"
    between = _DAYS_BETWEEN.fullmatch(expression)
    if between:
        return _days_between(between, published, future), "days"
    days = _day_span(expression)
    if days:
        first, last, month, year = days
        value, _ = _resolve(f"{month} {first}" + (f", {year}" if year else ""), published, future)
        if value is None:
            return None, "days"
        start = dt.date.fromisoformat(value)
        if last > calendar.monthrange(start.year, start.month)[1]:
            return None, "days"
        return f"{value}/{_iso(start.replace(day=last))}", "days"
    relative = _RELATIVE_PART.fullmatch(expression)
    if relative:
        return _relative_part(relative, published)
    month = _RELATIVE_MONTH.fullmatch(expression)
    if month:
        return _relative_month(month, published), "month"
    weekend = _WEEKEND.fullmatch(expression)
    if weekend:
        if published is None:
            return None, "weekend"
        return _weekend(published, weekend.group(1).lower(), future), "weekend"
    ahead = _AHEAD.fullmatch(expression)
    if ahead:
        unit = ahead.group(2).lower().rstrip("s")
        # in a story of the past, "released the next day" or "within a year" counts from the events told
        if published is None or not (future or "coming" in expression.lower()):
            return None, unit
        until = _minus(published, -_amount(ahead.group(1) or "one"), unit)
        return f"{_iso(published)}/{_iso(until)}", unit
    period = _PERIOD.fullmatch(expression)
    if period:
        unit = (period.group(2) or period.group(3)).lower().rstrip("s")
        if published is None:
            return None, unit
        since = _minus(published, _amount(period.group(1) or "one"), unit)
        return f"{_iso(since)}/{_iso(published)}", unit
    if published is None and not re.search(_YEAR, expression):
        # without a publication date, "on Monday" or "18 October" has no year to anchor to
        return None, None
    if published and _weekday_of(expression) == published.weekday():
        # news names the day itself by its weekday: "said on Thursday" in Thursday's paper is that day
        return _iso(published), "day"
    base = dt.datetime.combine(published, dt.time()) if published else None
    found = _parser(base, future).get_date_data(expression.replace("the day before", "day before"))
    if found.date_obj is None:
        return None, None
    day, period = found.date_obj.date(), found.period or "day"
    return (_iso(day) if period == "day" else _interval(day, period)), period


def _months_of(expression: str) -> tuple[str | None, str] | None:
    """The interval and period of a part of a year ("Q3 2023", "the first half of 2024", "spring 2025") or a
    span of months ("March and June 2023"), or None for any other expression."""
    span = _MONTH_SPAN.fullmatch(expression)
    if span and span.group("year"):
        first, last = (_MONTH_NUMBERS[span.group(g)[:3].lower()] for g in ("first", "last"))
        return (_months(int(span.group("year")), first, last) if first < last else None), "month"
    part = _PART_OF_YEAR.fullmatch(expression)
    if part is None:
        return None
    words = re.sub(r"\s+", " ", part.group("part").lower())
    period = "season" if part.group("season") else (part.group("unit") or {"q": "quarter", "h": "half"}[words[0]])
    if words not in _PARTS:  # winter
        return None, period
    return _months(int(part.group("year")), *_PARTS[words]), period


def _relative_part(part: re.Match[str], published: dt.date | None) -> tuple[str | None, str]:
    """A part of the year of publication or of the one before or after it ("the first half of last year"),
    or the season last, this or next of its name ("last summer" is the latest summer over by publication)."""
    if part.group("season"):
        season, which = part.group("season").lower(), part.group("which").lower()
        if published is None or season == "winter":
            return None, "season"
        first, last = _PARTS[season]
        year = published.year
        if which in {"last", "past"} and published.month <= last:
            year -= 1
        elif which == "next" and published.month >= first:
            year += 1
        return _months(year, first, last), "season"
    period = part.group("unit").lower()
    if published is None:
        return None, period
    year = published.year + {"last": -1, "next": 1}.get(part.group("year").lower(), 0)
    return _months(year, *_PARTS[re.sub(r"\s+", " ", part.group("part").lower())]), period


def _relative_month(month: re.Match[str], published: dt.date | None) -> str | None:
    """ "last September" is the latest September before the month of publication, "next May" the first May
    after it, "this March" the March of the year of publication."""
    if published is None:
        return None
    number, which = _MONTH_NUMBERS[month.group("month")[:3].lower()], month.group("which").lower()
    year = published.year
    if which in {"last", "past"} and number >= published.month:
        year -= 1
    elif which == "next" and number <= published.month:
        year += 1
    return _months(year, number, number)


def _months(year: int, first: int, last: int) -> str:
    return f"{year}-{first:02d}-01/{year}-{last:02d}-{calendar.monthrange(year, last)[1]:02d}"


def _weekend(published: dt.date, which: str, future: bool) -> str:
    """The Saturday and Sunday meant. "Last weekend" is the one past; "next weekend" the one to come; "the" or
    "this weekend" the one past, unless the clause speaks of the future or, for "this weekend", the paper
    comes out from Tuesday to Friday, when a weekend past would be "last weekend". A weekend under way on
    publication is "this" or "the" weekend."""
    on_weekend = published.weekday() >= 5
    saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)  # under way, or just past
    if which in {"last", "past"}:
        return _days(saturday - dt.timedelta(days=7) if on_weekend else saturday)
    ahead = which == "next" or future or (which == "this" and 1 <= published.weekday() <= 4)
    if ahead and (not on_weekend or which == "next"):
        saturday += dt.timedelta(days=7)
    return _days(saturday)


def _days(saturday: dt.date) -> str:
    return f"{_iso(saturday)}/{_iso(saturday + dt.timedelta(days=1))}"


def _in_future(text: str, start: int, end: int) -> bool:
    """Whether the clause before a date speaks of the future ("the talks will resume in March"): its words
    since the last punctuation mark hold "will", "is due to", "plans to" and the like, or "would" before a
    date that is no weekday, and the date does not follow "since"."""
    clause = re.split(r"[,;:.!?]", text[max(0, start - 80) : start])[-1]
    future = _FUTURE.search(clause) or (_WOULD.search(clause) and not _WEEKDAY.search(text, start, end))
    return bool(future) and not re.search(r"\bsince\s+$", clause, re.IGNORECASE)


def find_dates(text: str, published: dt.date | None) -> list[FoundDate]:
    """Date expressions in text with their resolved values, in text order; the longest wins an overlap."""
    candidates = []
    for pattern in _DATES:
        for match in pattern.finditer(text):
            expression = match.group("d")
            if _ANY_CASE.match(expression) and not _NEEDS_CAPITAL.match(expression):
                continue
            if _LOWER_CASE_MONTH.search(expression) and not re.search(_YEAR, expression):
                continue  # "Covid-19 may have escaped": without a year a day's number before "may" is no date
            if _YEARS.fullmatch(expression) and not _span(expression):  # "2020-2010" is no span of time
                continue
            if (days := _day_span(expression)) is not None and days[1] <= days[0]:
                continue
            if (between := _DAYS_BETWEEN.fullmatch(expression)) is not None and _backwards(between):
                continue
            candidates.append((match.start("d"), match.end("d")))
    # "in 2023 and 2024", "in 2019, 2020 or 2021": the years listed after a year that is a date are dates too,
    # though no preposition stands before them
    for start, end in list(candidates):
        if re.fullmatch(_YEAR, text[start:end]) and (listed := _LISTED_YEARS.match(text, end)):
            candidates += [(end + year.start(), end + year.end()) for year in re.finditer(_YEAR, listed.group())]
    found: list[FoundDate] = []
    taken_until = -1
    for start, end in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if start < taken_until:
            continue
        value, period = _resolve(text[start:end], published, _in_future(text, start, end))
        found.append(FoundDate(start, end, value, period))
        taken_until = end
    return found
