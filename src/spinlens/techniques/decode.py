"""From per-token probabilities to character spans, and from character spans back to tokens."""

from __future__ import annotations

import numpy as np


def token_runs(
    text: str, offsets: np.ndarray, p_span: np.ndarray, p_begin: np.ndarray, threshold: float
) -> list[tuple[int, int]]:
    """Maximal runs of tokens whose in-fragment probability reaches the threshold, as [first, last) pairs.

    A run is cut where a token is more likely to begin a fragment than to continue one, and at line breaks:
    annotated fragments do not cross paragraphs, so a run that does is two fragments.
    """
    inside = p_span >= threshold
    runs: list[tuple[int, int]] = []
    first = -1
    for i in range(len(p_span)):
        if not inside[i]:
            if first >= 0:
                runs.append((first, i))
                first = -1
            continue
        if first >= 0:
            breaks_line = "\n" in text[offsets[i - 1][1] : offsets[i][0]]
            begins = p_begin[i] > p_span[i] - p_begin[i]
            if breaks_line or begins:
                runs.append((first, i))
                first = -1
        if first < 0:
            first = i
    if first >= 0:
        runs.append((first, len(p_span)))
    return runs


def char_range(text: str, offsets: np.ndarray, first: int, last: int) -> tuple[int, int]:
    """Character span of tokens [first, last), widened to whole words.

    The tagger may stop inside a word split into wordpieces; a highlight that cuts a word is neither what
    annotators mark nor what a reader expects.
    """
    start = int(offsets[first][0])
    end = int(offsets[last - 1][1])
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


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
