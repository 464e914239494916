"""Tokenising whole articles and cutting them into overlapping model windows.

Shared by training and inference so that both see exactly the same windows. Articles are tokenised once,
whole, with character offsets into the original string; windows then cover every token (no truncation),
overlapping so that each token is predicted from a window where it has context on both sides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer


@dataclass(frozen=True)
class Specials:
    """The ids a window is framed and padded with: [CLS] [SEP] [PAD] for BERT, <s> </s> <pad> for MPNet."""

    cls: int = 101
    sep: int = 102
    pad: int = 0

    @classmethod
    def of(cls, tokenizer: Tokenizer) -> Specials:
        first, last = tokenizer.encode("", add_special_tokens=True).ids
        pad = next(i for i in map(tokenizer.token_to_id, ("<pad>", "[PAD]")) if i is not None)
        return cls(first, last, pad)


BERT = Specials()


@dataclass(frozen=True)
class WindowSpec:
    size: int = 256  # tokens per window, [CLS] and [SEP] included
    overlap: int = 32  # tokens shared by consecutive windows

    @property
    def body(self) -> int:
        return self.size - 2

    @property
    def stride(self) -> int:
        return self.body - self.overlap


@dataclass
class Encoded:
    """One article's wordpieces: ids and (start, end) character offsets into the article text."""

    ids: np.ndarray  # int64 [n]
    offsets: np.ndarray  # int64 [n, 2]

    def __len__(self) -> int:
        return len(self.ids)


def load_tokenizer(path: str | Path) -> Tokenizer:
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def encode(tokenizer: Tokenizer, texts: Sequence[str]) -> list[Encoded]:
    encodings = tokenizer.encode_batch(list(texts), add_special_tokens=False)
    return [
        Encoded(
            np.asarray(e.ids, dtype=np.int64),
            np.asarray(e.offsets, dtype=np.int64).reshape(-1, 2),
        )
        for e in encodings
    ]


def joined(text: str, offsets: np.ndarray, i: int) -> bool:
    """Whether tokens i and i + 1 are pieces of one word (no space between two alphanumeric characters)."""
    if i < 0 or i + 1 >= len(offsets):
        return False
    end, start = int(offsets[i][1]), int(offsets[i + 1][0])
    return end == start and text[end - 1].isalnum() and text[start].isalnum()


def windows(n_tokens: int, spec: WindowSpec) -> list[tuple[int, int]]:
    """(start, end) token ranges of the windows covering n_tokens, `spec.stride` apart; the last one is
    pushed back to end with the article, so that every window but an article's only one is full length.

    A last window cut short instead would save about 9% of the computation on PTC articles, but its
    tokens would lose their left context: it cost 0.5 SI F1 points on PTC dev.
    """
    if n_tokens <= spec.body:
        return [(0, n_tokens)]
    starts = [*range(0, n_tokens - spec.body, spec.stride), n_tokens - spec.body]
    return [(start, start + spec.body) for start in starts]


def owner_window(n_tokens: int, spans: list[tuple[int, int]]) -> np.ndarray:
    """For each token, the index of the window where it sits furthest from an edge.

    Predictions near a window's edge lack context, so each token takes its prediction from the window
    that gives it the most context on its nearer side.
    """
    positions = np.arange(n_tokens)
    best = np.zeros(n_tokens, dtype=np.int64)
    best_margin = np.full(n_tokens, -1, dtype=np.int64)
    for index, (start, end) in enumerate(spans):
        inside = (positions >= start) & (positions < end)
        margin = np.minimum(positions - start, end - 1 - positions)
        better = inside & (margin > best_margin)
        best[better] = index
        best_margin[better] = margin[better]
    return best


def pack(pieces: Sequence[np.ndarray], specials: Specials = BERT) -> tuple[np.ndarray, np.ndarray]:
    """[CLS] piece [SEP] for each piece, padded to the longest: (input_ids, attention_mask)."""
    length = max(len(p) for p in pieces) + 2
    ids = np.full((len(pieces), length), specials.pad, dtype=np.int64)
    mask = np.zeros((len(pieces), length), dtype=np.int64)
    for row, piece in enumerate(pieces):
        ids[row, 0] = specials.cls
        ids[row, 1 : len(piece) + 1] = piece
        ids[row, len(piece) + 1] = specials.sep
        mask[row, : len(piece) + 2] = 1
    return ids, mask
