"""Direct quotes found by their quotation marks.

Direct quotes are the text between double quote marks (curly or straight, « » and „ “ too), marks included,
or between single ones as the British press quotes. A quote left open at the end of a paragraph continues
when the next paragraph opens with a quote mark, the newspaper convention for a quote spanning paragraphs;
otherwise it ends with its paragraph. Single quotes inside a double-quoted passage stay part of it (nested
quotes), and curly double quotes nest. Pasted copy that mixes the curly and straight styles, or opens a
paragraph with a closing mark, is read as its writer meant it; a straight mark after a word and before a
space closes, and opens nothing. In a transcript quoted over paragraphs, a mark before a speaker's label in
capitals opens that speaker's turn, not a quote.
"""

from __future__ import annotations

import re

Range = tuple[int, int]

# Quotation marks and what closes each; '' and `` are typewriter double quotes, as archives of the New York
# Times print them (''It doesn't add up,'' he said).
_OPENING = {"“": "”", "«": "»", "„": "“", '"': '"', "''": "''", "``": "''"}
# The other double style's closing mark, which closes a quote its own never does
_MIXED_CLOSERS = {"“": '"', '"': "”"}
_SINGLE_OPENERS = "'‘"
_SINGLE_CLOSERS = "'’"
_ELISION = re.compile(r"(?:em|til|cause|bout|n|tis|twas|\d\ds?)\b", re.IGNORECASE)
# A speaker's label in capitals heading a transcript's turn: "WALLACE: ", "JAKE TAPPER: "
_TURN_LABEL = re.compile(r"[A-Z][A-Z.'’-]+(?:[^\S\n]+[A-Z][A-Z.'’-]*){0,3}:[^\S\n]")


def direct_quotes(text: str) -> list[Range]:
    """Spans of quoted passages, marks included, outermost only: in double quotation marks, or in single
    ones as the British press quotes ('We have to take tough decisions,' he said)."""
    found: list[Range] = []
    i, n = 0, len(text)
    while i < n:
        # a stray closer, or an opener in the German style ("”"), opens nothing here
        opener = _opening_at(text, i)
        if opener is not None and opens_a_turn(text, i, opener):
            i += len(opener)
            continue
        end = _close(text, i, opener) if opener is not None else _single_close(text, i)
        if end is not None:
            found.append((i, end))
            i = end
        else:
            i += 1
    return found


def _opening_at(text: str, i: int) -> str | None:
    """The quotation mark that could open a quote at i: one character, or two (``, ''); also a curly closing
    mark that opens a paragraph before a word, as web copy mistypes it ('”Mr. Trump embodies ...” ― Sonya
    Herridge'), which opens as the curly opening mark does."""
    if text[i] == "”" and (i == 0 or text[i - 1] == "\n") and text[i + 1 : i + 2].isalnum():
        return "“"
    pair = text[i : i + 2]
    mark = pair if pair in _OPENING else text[i] if text[i] in _OPENING else None
    if mark is not None and _OPENING[mark] == mark and _closes_only(text, i, mark):
        return None
    return mark


def _closes_only(text: str, i: int, mark: str) -> bool:
    """Whether a mark that both opens and closes (straight or typewriter) stands where only a closing one
    does: right after a word or its punctuation and before a space, as in '..., taking too long," said Tanya
    Badger', where an opening one would start a quote at the tag when the one it closes opened on a line
    before."""
    after = i + len(mark)
    return i > 0 and not text[i - 1].isspace() and (after == len(text) or text[after].isspace())


def _close(text: str, start: int, opener: str) -> int | None:
    """End (exclusive) of the quote `opener` opens at `start`, or None when it never closes sensibly. One that
    its own mark never closes in its paragraph closes at the first closing mark of the other double style
    after a word, as pasted copy mixes them ('"Oz has a huge bully pulpit,” said ...', '“Immunity deals
    should not be a requirement," Chaffetz said')."""
    closer = _OPENING[opener]
    mixed = _MIXED_CLOSERS.get(opener)
    depth = 1
    i = start + len(opener)
    other = None
    while i < len(text):
        char = text[i]
        if char == "\n":
            if other is not None:
                return other
            # a paragraph break: the quote goes on only if the next paragraph reopens it
            j = i
            while j < len(text) and text[j].isspace():
                j += 1
            if text.startswith(opener, j) and not opens_a_turn(text, j, opener):
                i = j + len(opener)
                continue
            return i if i - start > len(opener) else None
        if other is None and depth == 1 and char == mixed and not text[i - 1].isspace():
            other = i + 1
        if opener != closer and text.startswith(opener, i):
            depth += 1
            i += len(opener)
            continue
        if text.startswith(closer, i):
            depth -= 1
            if depth == 0:
                return i + len(closer)
            i += len(closer)
            continue
        i += 1
    return other


def opens_a_turn(text: str, i: int, opener: str) -> bool:
    """Whether the mark at i opens a transcript's turn, not a quote: a paragraph that a speaker's label in
    capitals heads, within a transcript quoted over paragraphs, which opens each with a mark it leaves open
    and names whose turn it is ('"WALLACE: Let's start ...', then '"PENCE: Well, look, ...'). The mark must
    leave its paragraph open, or the paragraph before must be one left open (the last turn's mark closes the
    whole). The label says whose words the paragraph holds, and a quote running on from the paragraph before
    ends there."""
    if (i > 0 and text[i - 1] != "\n") or not _TURN_LABEL.match(text, i + len(opener)):
        return False
    if _left_open(text, i, opener):
        return True
    start = paragraph_before(text, i)
    before = _opening_at(text, start) if start is not None else None
    return before is not None and _left_open(text, start, before)


def paragraph_before(text: str, i: int) -> int | None:
    """Where the paragraph before the one starting at i starts, past the blank lines between them; None at
    the text's start."""
    end = i
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text.rfind("\n", 0, end) + 1 if end > 0 else None


def _left_open(text: str, start: int, opener: str) -> bool:
    """Whether the mark opening the paragraph at `start` is left open at the paragraph's end."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    closer = _OPENING[opener]
    depth = 1
    j = start + len(opener)
    while j < end:
        if opener != closer and text.startswith(opener, j):
            depth += 1
            j += len(opener)
        elif text.startswith(closer, j):
            depth -= 1
            if depth == 0:
                return False
            j += len(closer)
        else:
            j += 1
    return True


def _single_opens(text: str, i: int) -> bool:
    """Whether a single quotation mark opens a quote at i: at a word's start, and no elision ("'90s", "rock
    'n' roll", "'em")."""
    if text[i] not in _SINGLE_OPENERS or (i > 0 and not (text[i - 1].isspace() or text[i - 1] in '([{“"—–-/')):
        return False
    following = text[i + 1 : i + 2]
    return bool(following) and (following.isalnum() or following in "£$€¥₹…") and not _ELISION.match(text, i + 1)


def _single_close(text: str, start: int) -> int | None:
    """End (exclusive) of the single-quoted passage opening at `start`, or None. It closes in its paragraph,
    at a mark after a word and before no letter: not the apostrophes of "won't" and "Starmer's". A mark after a
    plural and before a lowercase word may be the possessive of "the workers' union": it closes the quote
    only if no other mark does before the next quote opens."""
    if not _single_opens(text, start):
        return None
    paragraph_end = text.find("\n", start)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    possessive = None
    for i in range(start + 2, paragraph_end):
        if text[i] in _SINGLE_CLOSERS and not text[i - 1].isspace() and not text[i + 1 : i + 2].isalnum():
            if not (text[i - 1] in "sS" and text[i + 1 : i + 3][:1] == " " and text[i + 2 : i + 3].islower()):
                return i + 1
            possessive = possessive or i + 1
        elif possessive is not None and _single_opens(text, i):
            break
    return possessive


def last_quoted_char(text: str, quote: Range) -> str:
    """The quote's last character before its closing mark, whether that is one character or two ('')."""
    end = quote[1]
    while end > quote[0] and text[end - 1] in "\"'”»“`’":
        end -= 1
    return text[end - 1 : end]
