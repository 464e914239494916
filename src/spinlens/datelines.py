"""Wire-style datelines: the place in capitals (and sometimes a date and an agency) that opens a story's
first paragraph before a dash: "KYIV, 3 March 2025 —", "WASHINGTON, March 14, 2025 (Reuters) -", "NEW YORK —".

A dateline says where and when the story was filed; it is nobody's words and no sentence's subject. The
claims layer reads its date when the article comes without one, and the quotes layer keeps it out of what
a source is reported to have said ("KYIV — Troops retook two villages, the General Staff said").
"""

from __future__ import annotations

import re

_MONTH = r"[A-Z][a-z]+\.?"
_DATE = rf"\d{{1,2}}[ \t]+{_MONTH}[ \t]+\d{{4}}|{_MONTH}[ \t]+\d{{1,2}},?[ \t]+\d{{4}}"
DATELINE = re.compile(
    # the place: words in capitals, at least two letters to the first ("NEW YORK", "ST. LOUIS")
    r"^[ \t]*[A-Z][A-Z.'’-]*[A-Z.](?:[ \t]+[A-Z][A-Z.'’-]*)*"
    # a region in ordinary case ("KYIV, Ukraine,"), tried only when no date follows the place directly
    r"(?:,[ \t]*[A-Z][\w.'’ -]*?)??"
    rf"(?:,[ \t]*(?P<date>{_DATE}))?"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?"
    # an em or en dash, a double hyphen, or a hyphen with a space before it ("(Reuters) -", "LONDON -")
    r"(?:[—–]|--|(?<=[ \t)])-)[ \t]*",
    re.MULTILINE,
)
REACH = 1000  # characters: a dateline opens the story, under its title and byline


def dateline_date_words(text: str) -> str | None:
    """The words of a dateline's date near the start of the text ("3 March 2025"), if one has a date."""
    for match in DATELINE.finditer(text, 0, REACH):
        if match.group("date"):
            return match.group("date")
    return None


def end_of_dateline(text: str, position: int) -> int | None:
    """Where the story's words start, when `position` lies within a dateline near the start of the text."""
    if position >= REACH:
        return None
    line = text.rfind("\n", 0, position) + 1
    match = DATELINE.match(text, line)
    return match.end() if match and match.end() > position else None
