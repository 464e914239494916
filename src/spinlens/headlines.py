"""A headline in title case ("Obama Judge Rules To Upend Georgia Election"), where every word is capitalised
and NER reads each capitalised run as a name: wrongly about three times in four on PTC.

The entities layer keeps no person or organisation named only there, and the quotes layer no headed line
("Sore Loser: Stacey Abrams Ends Challenges ...") whose head the body never names.
"""

from __future__ import annotations

# Of the headline's words of four letters or more, the share that must be capitalised: "a", "of" and "to" are
# often in lower case even in title case, and a word or two more may be.
_CAPITALISED_SHARE = 0.8


def title_case_headline(text: str, title: str | None) -> str | None:
    """The article's title when the text opens with it and it is written in title case or capitals, else None."""
    if not title or not text.startswith(title) or not in_title_case(title.split()):
        return None
    return title


def in_title_case(words: list[str]) -> bool:
    """Whether the words are written in title case or capitals."""
    long = [w for w in words if len(w) > 3 and w[0].isalpha()]
    return bool(long) and sum(w[0].isupper() for w in long) >= _CAPITALISED_SHARE * len(long)
