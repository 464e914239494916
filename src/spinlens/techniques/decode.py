"""From per-token probabilities to character spans, and from character spans back to tokens."""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection

import numpy as np

from spinlens.sentences import split_sentences
from spinlens.techniques.windows import joined

# What counts as one word when edge words are learned (`examples.edge_words`) and trimmed (`trim_runs`): a run
# of letters and digits, or one other non-space character. The tokenizer splits punctuation the same way.
WORD = re.compile(r"\w+|[^\w\s]")


def token_runs(text: str, offsets: np.ndarray, p_span: np.ndarray, threshold: float, gap: int) -> list[tuple[int, int]]:
    """Runs of tokens whose in-fragment probability reaches the threshold, as [first, last) pairs.

    The tagger's probabilities dip inside long fragments, which would cut one fragment into several, so runs
    separated by at most `gap` tokens are joined, but never across a line break or a sentence's end: 96% of
    PTC's fragments stay within a sentence, and a highlight that does reads as one passage with one technique.
    Keeping joins within sentences changes SI and full-task F1 on PTC dev by under 0.1 points.
    """
    inside = np.flatnonzero(p_span >= threshold)
    starts = [start for start, _ in split_sentences(text)]
    runs: list[tuple[int, int]] = []
    for i in inside:
        i = int(i)
        if (
            runs
            and i - runs[-1][1] <= gap
            and not _new_sentence(starts, int(offsets[runs[-1][1] - 1][1]), int(offsets[i][0]))
        ):
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def _new_sentence(starts: list[int], after: int, before: int) -> bool:
    """Whether a sentence starts between character `after` and character `before` (inclusive)."""
    at = bisect.bisect_right(starts, after)
    return at < len(starts) and starts[at] <= before


def trim_runs(
    text: str, offsets: np.ndarray, runs: list[tuple[int, int]], first: Collection[str], last: Collection[str]
) -> list[tuple[int, int]]:
    """Runs without the words that annotated fragments (almost) never begin with (`first`) or end with
    (`last`), lowercased: a highlight reading "Cowards of", or a lone "the", is neither what annotators mark nor
    what a reader expects. A run left with nothing is dropped."""
    trimmed = []
    for start, end in runs:
        while start < end and _word(text, offsets, start) in first:
            start += 1
        while start < end and _word(text, offsets, end - 1) in last:
            end -= 1
        if start < end:
            trimmed.append((start, end))
    return trimmed


def _word(text: str, offsets: np.ndarray, i: int) -> str | None:
    """Token i's text, lowercased, when it is a whole word; None for a piece of a longer one."""
    if joined(text, offsets, i - 1) or joined(text, offsets, i):
        return None
    return text[int(offsets[i][0]) : int(offsets[i][1])].lower()


def char_range(text: str, offsets: np.ndarray, first: int, last: int) -> tuple[int, int]:
    """Character span of tokens [first, last), widened to whole words.

    The tagger may stop inside a word split into wordpieces; a highlight that cuts a word is neither what
    annotators mark nor what a reader expects.
    """
    start = int(offsets[first][0])
    end = int(offsets[last - 1][1])
    word = _word_around(text, start)
    if word is not None:
        start = min(start, word[0])
    word = _word_around(text, end - 1)
    if word is not None:
        end = max(end, word[1])
    return _balanced_quotes(text, start, end)


def _balanced_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """The span with its double quotation marks paired where the mark it lacks is next to it: a highlight
    that opens a quotation takes its close, with the stop or comma before it that annotators leave out
    ('“true American heroes.”', not '“true American heroes'), and one that closes a quotation takes the
    opening mark right before it. An opening mark it cannot pair that opens it is dropped ('black', not
    '“black')."""
    opens, closes = _quote_marks(text, start, end)
    if closes > opens and start > 0 and _is_opening(text, start - 1):
        start -= 1
    elif opens > closes:
        after = _CLOSE_AFTER.match(text, end)
        if after:
            end = after.end()
        elif _is_opening(text, start) and start + 1 < end:
            start += 1
    return start, end


_CLOSE_AFTER = re.compile(r'[.,;:!?]?["”]')


def _quote_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """How many double quotation marks in text[start:end] open a quotation, and how many close one."""
    marks = [i for i in range(start, end) if text[i] in '"“”']
    opens = sum(_is_opening(text, i) for i in marks)
    return opens, len(marks) - opens


def _is_opening(text: str, i: int) -> bool:
    """Whether the mark at i opens a quotation: a curly one says so, a straight one opens one when it starts
    the text or follows a space, a bracket or a dash."""
    if text[i] == "“":
        return True
    return text[i] == '"' and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-")


# A word as a reader sees it: letters and digits, joined by hyphens and by the dots of abbreviations
# ("so-called", "anti-China", "U.S.-based"), and a figure with its sign and thousands ("$1,200", "52%"), so
# that no highlight starts or ends inside one.
_READ_WORD = re.compile(r"[$€£]?\w+(?:(?:-|\.-?|(?<=\d),(?=\d))\w+)*%?")
_WORD_REACH = 64  # characters looked at on either side; no word runs longer


def _word_around(text: str, i: int) -> tuple[int, int] | None:
    """The span of the word character i is in, or None when it is in none (a space, a quote mark)."""
    for match in _READ_WORD.finditer(text, max(0, i - _WORD_REACH), min(len(text), i + _WORD_REACH)):
        if match.start() > i:
            break
        if i < match.end():
            return match.span()
    return None


def token_range(offsets: np.ndarray, start: int, end: int) -> tuple[int, int]:
    """Tokens [first, last) overlapping the character span; the nearest token for a span between tokens."""
    if len(offsets) == 0:
        raise ValueError("the text has no tokens")
    overlap = (offsets[:, 0] < end) & (offsets[:, 1] > start)
    hits = np.nonzero(overlap)[0]
    if len(hits):
        return int(hits[0]), int(hits[-1]) + 1
    nearest = int(np.argmin(np.abs(offsets[:, 0] - start)))
    return nearest, nearest + 1
