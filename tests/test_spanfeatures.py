"""The span classifier's article features: where else a fragment's words stand, on texts we wrote."""

from __future__ import annotations

import numpy as np
import pytest

from spinlens.techniques.model import BUNDLED_DIR
from spinlens.techniques.spanfeatures import NAMES, SpanFeatures
from spinlens.techniques.windows import encode, load_tokenizer

TEXT = (
    "They call it a special operation. Critics say the special operation is a war.\n"
    "The warfare goes on, and the Special Operation, officials insist, is going to plan. A war is a war."
)


@pytest.fixture(scope="module")
def tokenizer():
    return load_tokenizer(BUNDLED_DIR / "tokenizer.json")


def _features(tokenizer, text: str, start: int, end: int) -> dict[str, float]:
    (encoded,) = encode(tokenizer, [text])
    hits = np.flatnonzero((encoded.offsets[:, 0] < end) & (encoded.offsets[:, 1] > start))
    (row,) = SpanFeatures(text, encoded)([(int(hits[0]), int(hits[-1]) + 1)])
    return dict(zip(NAMES, row.tolist(), strict=True))


def _nth(text: str, phrase: str, n: int) -> tuple[int, int]:
    start = -1
    for _ in range(n):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def test_first_occurrence_looks_ahead_later_ones_look_back(tokenizer):
    first = _features(tokenizer, TEXT, *_nth(TEXT, "special operation", 1))
    second = _features(tokenizer, TEXT, *_nth(TEXT, "special operation", 2))
    assert first["occurred_before"] == 0 and first["log_occurrences_after"] == pytest.approx(np.log1p(2))
    assert second["occurred_before"] == 1 and second["log_occurrences_before"] == pytest.approx(np.log1p(1))
    assert second["log_occurrences_after"] == pytest.approx(np.log1p(1))  # case differs: the model is uncased


def test_matches_are_whole_words(tokenizer):
    # "war" stands three times more as a word, and once inside "warfare", which does not count
    first_war = _features(tokenizer, TEXT, *_nth(TEXT, "war.", 1))
    assert first_war["occurred_before"] == 0
    assert first_war["log_occurrences_after"] == pytest.approx(np.log1p(2))


def test_edge_punctuation_is_not_part_of_the_message(tokenizer):
    quoted = 'He said "special operation" again.'
    text = TEXT + "\n" + quoted
    start = len(TEXT) + 1 + quoted.index('"')
    features = _features(tokenizer, text, start, start + len('"special operation"'))
    assert features["occurred_before"] == 1
    assert features["log_occurrences_before"] == pytest.approx(np.log1p(3))


def test_length_and_a_span_of_punctuation_alone(tokenizer):
    text = "Enough -- enough!"
    features = _features(tokenizer, text, 7, 9)
    assert features["occurred_before"] == 0 and features["log_occurrences_after"] == 0
    assert features["log_length"] == pytest.approx(np.log1p(2))
