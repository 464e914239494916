"""Wire-style datelines: the place in capitals (and sometimes a date and an agency) that opens a story's
first paragraph before a dash: "KYIV, 3 March 2025 —", "WASHINGTON, March 14, 2025 (Reuters) -", "NEW YORK —",
a press release's "BOSTON, March 3, 2025 /PRNewswire/ --", an Indian wire's "NEW DELHI, Nov 6 (PTI)", with
no dash, or Reuters' "Nov 28 (Reuters) -", with no place.

A dateline says where and when the story was filed; it is nobody's words and no sentence's subject. The
claims layer reads its date when the article comes without one (or else the date a byline ends on: "By Ellen
Park, 28 July 2023"), the quotes layer keeps it out of what a
source is reported to have said ("KYIV — Troops retook two villages, the General Staff said"), and the
entities layer knows its place for a place, whatever type NER gives a word in capitals.
"""

from __future__ import annotations

import re

_MONTH = r"[A-Z][a-z]+\.?"
_DATE = rf"\d{{1,2}}[ \t]+{_MONTH}[ \t]+\d{{4}}|{_MONTH}[ \t]+\d{{1,2}},?[ \t]+\d{{4}}"
_DAY = rf"\d{{1,2}}[ \t]+{_MONTH}|{_MONTH}[ \t]+\d{{1,2}}"
_CAPITAL = "A-ZÀ-ÖØ-Þ"  # with the accented ones: "BRASÍLIA", "SÃO PAULO", "BOGOTÁ"
_DATELINE = re.compile(
    # the place: words in capitals, at least two letters to the first ("NEW YORK", "ST. LOUIS"), or two places
    # filed from ("BEIJING/TOKYO")
    rf"^[ \t]*(?:(?P<place>[{_CAPITAL}][{_CAPITAL}.'’-]*[{_CAPITAL}.](?:(?:[ \t]+|/)[{_CAPITAL}][{_CAPITAL}.'’-]*)*"
    # or a place in ordinary case, when the agency and the dash follow it at once ("Ankara (AA) -", "Berlin
    # (dpa) -"): bare, "Tehran —" reads like any name before a dash ("Mehmet Oz — Ivy League-trained ...")
    rf"|[{_CAPITAL}][^\W\d_A-Z]+(?:[ \t]+[{_CAPITAL}][^\W\d_A-Z]+)?"
    r"(?=[ \t]*\([A-Za-z][\w .'’]{1,30}\)[ \t]*(?:[—–]|--|-)))"
    # a region in ordinary case ("KYIV, Ukraine,"), tried only when no date follows the place directly
    r"(?:,[ \t]*[A-Z][\w.'’ -]*?)??"
    # a date, with its year or without ("Sept 21", which says no more than the publication date)
    rf"(?:,[ \t]*(?:(?P<date>{_DATE})|{_DAY}))?"
    # or no place, only the date before the agency, as Reuters dates a story filed from no one city ("Nov 28
    # (Reuters) -")
    rf"|(?:(?P<placeless_date>{_DATE})|{_DAY})(?=[ \t]*\([A-Za-z]))"
    # the agency: "(Reuters)", or a press release's wire ("/PRNewswire/"); then an em or en dash, a double
    # hyphen, or a hyphen with a space before it ("(Reuters) -", "LONDON -"). Indian wires put no dash after
    # their name: "NEW DELHI, Nov 6 (PTI) Prime Minister ..."
    r"[ \t]*(?:\((?:PTI|IANS|ANI|UNI)\)[ \t]+(?=[A-Z])"
    r"|(?:(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)[ \t]*)?(?:[—–]|--|(?<=[ \t)])-)[ \t]*)",
    re.MULTILINE,
)
REACH = 1000  # characters: a dateline opens the story, under its title and byline
# A byline that ends on a date: "By Ellen Park, 28 July 2023", "By Maya Johnson | Oct 12, 2022"
_BYLINE = re.compile(rf"^[ \t]*By[ \t]+[^\n]{{1,120}}?\b(?P<date>{_DATE})[ \t]*$", re.MULTILINE)


def dateline_date_words(text: str) -> str | None:
    """The words of the dateline's date ("3 March 2025"), if the text has a dateline with a date."""
    match = _dateline(text)
    return (match.group("date") or match.group("placeless_date")) if match else None


def byline_date_words(text: str) -> str | None:
    """The words of the date a byline near the start ends on ("28 July 2023"), if there is one."""
    match = _BYLINE.search(text, 0, REACH)
    return match.group("date") if match else None


def dateline_span(text: str) -> tuple[int, int] | None:
    """The start and end of the story's dateline, if it has one."""
    match = _dateline(text)
    return match.span() if match else None


def end_of_dateline(text: str, position: int) -> int | None:
    """Where the story's words start, when `position` lies within the dateline."""
    match = _dateline(text)
    return match.end() if match and match.start() <= position < match.end() else None


def dateline_place(text: str, position: int) -> tuple[int, int] | None:
    """The start and end of the dateline's place, when `position` lies within the dateline."""
    match = _dateline(text)
    if match is None or match.group("place") is None or not match.start() <= position < match.end():
        return None
    return match.span("place")


def _dateline(text: str) -> re.Match[str] | None:
    # a story has one dateline: the first line that reads as one, near the start
    return _DATELINE.search(text, 0, REACH)
