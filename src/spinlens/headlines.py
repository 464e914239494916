"""A headline in title case ("Obama Judge Rules To Upend Georgia Election"), where every word is capitalised
and NER reads each capitalised run as a name: wrongly about three times in four on PTC.

The entities layer keeps no person or organisation named only there, and the quotes layer no headed line
("Sore Loser: Stacey Abrams Ends Challenges ...") whose head the body never names. The parser reads such a
headline in sentence case (`sentence_cased`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Of the headline's words of four letters or more, the share that must be capitalised: "a", "of" and "to" are
# often in lower case even in title case, and a word or two more may be.
_CAPITALISED_SHARE = 0.8
# A capitalised word: ASCII only, so that lowering it keeps the text's length and every offset
_CAPITALISED = re.compile(r"\b[A-Z][a-z]*\b")
_LOWER_CASE = re.compile(r"\b[a-z]+\b")
# What a capital after it may owe to the start of a sentence or of a quote, not to a name; closing quote marks
# are looked past ('... it.” The')
_SENTENCE_OPENERS = frozenset(".!?:;\n\"“'‘")
_CLOSING_MARKS = " ”’"


def title_case_headline(text: str, title: str | None) -> str | None:
    """The article's title when the text opens with it and it is written in title case or capitals, else None."""
    if not title or not text.startswith(title) or not in_title_case(title.split()):
        return None
    return title


def in_title_case(words: list[str]) -> bool:
    """Whether the words are written in title case or capitals."""
    long = [w for w in words if len(w) > 3 and w[0].isalpha()]
    return bool(long) and sum(w[0].isupper() for w in long) >= _CAPITALISED_SHARE * len(long)


def sentence_cased(text: str, title: str | None, is_common: Callable[[str], bool]) -> str:
    """`text` with its title-case headline in sentence case, for the parser; the same length, so every offset
    into it indexes `text` too.

    Read in title case, "Glenn Beck Says Trump, ‘Alt Right’ Pose A Threat To Democracy" is a run of names
    with no verb, and its quote is lost. Only a common word loses its capital: one `is_common` knows (the
    parser's function words, verbs and adverbs: "To", "Says", "Finally") or one the body writes in lower case
    ("Threat"), unless the body also writes it capitalised inside a sentence (a name: "Trump",
    "Will"); and none that opens the headline, follows a colon or opens a quote does. Any other word the body
    never uses may be a name ("Cardinal Burke To Michael Matt: ..."), and words in capitals ("DNC") are as
    likely to be: they stay as they are.
    """
    headline = title_case_headline(text, title)
    if headline is None:
        return text
    body = text[len(headline) :]
    lowered = set(_LOWER_CASE.findall(body))
    names = {
        m.group()
        for m in _CAPITALISED.finditer(body)
        if not _opens_a_sentence(body, m.start()) or m.group().lower() not in lowered
    }

    def cased(match: re.Match[str]) -> str:
        word = match.group()
        common = word.lower() in lowered or is_common(word)
        if not common or word in names or _opens_a_sentence(headline, match.start()):
            return word
        return word.lower()

    return _CAPITALISED.sub(cased, headline) + body


def _opens_a_sentence(text: str, position: int) -> bool:
    # (stepping back, not slicing: the body's every capitalised word asks)
    while position > 0 and text[position - 1] in _CLOSING_MARKS:
        position -= 1
    return position == 0 or text[position - 1] in _SENTENCE_OPENERS
