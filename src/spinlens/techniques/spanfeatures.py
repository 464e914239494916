"""What the span classifier knows of a fragment beyond its pooled encoder states: where else in the article
its words stand, and how long it is.

Repetition is the one technique that no window can see: its fragments repeat a message made elsewhere in the
article, often thousands of tokens away, and PTC's annotators mark the later occurrences, not the first (on
the train split 62% of fragments whose words occurred earlier in the article are Repetition, against 3% of
the others). A window's states cannot tell an echo from a first statement; counting the fragment's
wordpieces elsewhere in the whole article can. The same code computes the features for training and
inference, from wordpiece ids and offsets alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from spinlens.techniques.windows import Encoded, joined

NAMES = ("occurred_before", "log_occurrences_before", "log_occurrences_after", "log_length")


class SpanFeatures:
    """The features of token ranges [first, last) of one article: `SpanFeatures(text, encoded)(ranges)`."""

    def __init__(self, text: str, encoded: Encoded) -> None:
        self.text, self.encoded = text, encoded

    def __call__(self, ranges: Sequence[tuple[int, int]]) -> np.ndarray:
        features = np.zeros((len(ranges), len(NAMES)), dtype=np.float32)
        for row, (first, last) in enumerate(ranges):
            before, after = _occurrences(self.text, self.encoded, first, last)
            features[row] = (before > 0, np.log1p(before), np.log1p(after), np.log1p(last - first))
        return features


def _occurrences(text: str, encoded: Encoded, first: int, last: int) -> tuple[int, int]:
    """How often the range's words (edge punctuation stripped) stand as whole words before and after it."""
    # punctuation at a fragment's edges is not part of its message
    word = [i for i in range(first, last) if any(c.isalnum() for c in text[slice(*encoded.offsets[i])])]
    if not word:
        return 0, 0
    first, last = word[0], word[-1] + 1
    ids, k = encoded.ids, last - first
    pattern = ids[first:last]
    candidates = np.flatnonzero(ids[: len(ids) - k + 1] == pattern[0])
    before = after = 0
    for at in candidates:
        at = int(at)
        if at == first or not np.array_equal(ids[at : at + k], pattern):
            continue
        if joined(text, encoded.offsets, at - 1) or joined(text, encoded.offsets, at + k - 1):
            continue  # a match inside a longer word: "war" in "warfare"
        if at + k <= first:
            before += 1
        elif at >= last:
            after += 1
    return before, after
