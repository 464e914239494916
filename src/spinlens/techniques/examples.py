"""Training data for the technique model: windows of PTC articles with their targets (BIO tags, techniques
of each token, fragments with their span features) and, given a teacher, its probabilities."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from spinlens.semeval.formats import Label, read_article, read_articles, read_labels
from spinlens.semeval.metrics import merge_spans
from spinlens.techniques import decode
from spinlens.techniques.definitions import NAMES
from spinlens.techniques.spanfeatures import SpanFeatures
from spinlens.techniques.windows import Encoded, WindowSpec, encode, windows


@dataclass
class Example:
    ids: np.ndarray
    bio: np.ndarray  # [n] 0=O 1=B 2=I
    tech: np.ndarray  # [n, 14] multi-hot
    spans: list[tuple[int, int, int]]  # (first, last, technique) token ranges within the window
    features: np.ndarray  # [len(spans), len(FEATURE_NAMES)]
    article: SpanFeatures  # features of any token range of the window's article, for the verifier's runs
    offset: int  # the window's first token in the article
    soft: np.ndarray | None = None  # [n] the teacher's probability that the token is in a fragment
    soft_spans: np.ndarray | None = None  # [len(spans), 14] the teacher's technique probabilities of each span
    gold: bool = True  # False for unlabelled news: only the teacher's probabilities are targets


@dataclass
class Taught:
    """What a teacher model says of one training article."""

    tokens: np.ndarray  # [n] the probability that each of the student's tokens is in a fragment
    techniques: dict[tuple[int, int], np.ndarray]  # [14] technique probabilities of each gold fragment, by span


def _token_mask(offsets: np.ndarray, start: int, end: int) -> np.ndarray:
    return (offsets[:, 0] < end) & (offsets[:, 1] > start)


def token_hits(enc: Encoded, lab: Label) -> np.ndarray:
    return np.nonzero(_token_mask(enc.offsets, lab.start, lab.end))[0]


def token_targets(enc: Encoded, labels: list[Label]) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int, int]]]:
    n = len(enc)
    bio = np.zeros(n, dtype=np.int64)
    tech = np.zeros((n, len(NAMES)), dtype=np.float32)
    for start, end in merge_spans((lab.start, lab.end) for lab in labels):
        hits = np.nonzero(_token_mask(enc.offsets, start, end))[0]
        if len(hits):
            bio[hits] = 2
            bio[hits[0]] = 1
    spans = []
    for lab in labels:
        hits = token_hits(enc, lab)
        if len(hits):
            t = NAMES.index(lab.technique)
            tech[hits, t] = 1.0
            spans.append((int(hits[0]), int(hits[-1]) + 1, t))
    return bio, tech, spans


def build_examples(
    texts: dict[str, str],
    labels: list[Label],
    tokenizer,
    spec: WindowSpec,
    taught: dict[str, Taught] | None = None,
    unlabelled: frozenset[str] = frozenset(),
) -> list[Example]:
    """Training windows of each article; those of the `unlabelled` ids carry no gold targets."""
    by_article: dict[str, list[Label]] = {}
    for lab in labels:
        by_article.setdefault(lab.article_id, []).append(lab)
    ids = sorted(texts)
    examples = []
    for article_id, enc in zip(ids, encode(tokenizer, [texts[i] for i in ids]), strict=True):
        bio, tech, spans = token_targets(enc, by_article.get(article_id, []))
        article = SpanFeatures(texts[article_id], enc)
        features = article([(f, la) for f, la, _ in spans])
        teacher = taught[article_id] if taught is not None else None
        if teacher is not None:  # aligned with `spans`, which keeps the labels that cover a token
            said = [
                teacher.techniques[lab.start, lab.end]
                for lab in by_article.get(article_id, [])
                if len(token_hits(enc, lab))
            ]
            soft_spans = np.stack(said) if said else np.zeros((0, len(NAMES)), dtype=np.float32)
        for start, end in windows(len(enc), spec):
            keep = [i for i, (f, la, _) in enumerate(spans) if f >= start and la <= end]
            inside = [(spans[i][0] - start, spans[i][1] - start, spans[i][2]) for i in keep]
            examples.append(
                Example(
                    enc.ids[start:end],
                    bio[start:end],
                    tech[start:end],
                    inside,
                    features[keep],
                    article,
                    start,
                    None if teacher is None else teacher.tokens[start:end],
                    None if teacher is None else soft_spans[keep],
                    article_id not in unlabelled,
                )
            )
    return examples


def teacher_targets(teacher: str | Path, texts: dict[str, str], labels: list[Label], tokenizer) -> dict[str, Taught]:
    """What the teacher model says of each article: the probability that each of the student's tokens is in
    a fragment, and the technique probabilities of each gold fragment, read in its article as at inference.

    Teacher and student may tokenise differently (MPNet's vocabulary is not MiniLM's), so the teacher's
    token probabilities are spread over their characters and each student token takes the mean over its own.
    """
    from spinlens.techniques.model import TechniqueModel

    model = TechniqueModel(teacher)
    fragments: dict[str, set[tuple[int, int]]] = {}
    for lab in labels:
        fragments.setdefault(lab.article_id, set()).add((lab.start, lab.end))
    ids = sorted(texts)
    taught = {}
    for first in range(0, len(ids), 16):  # a few articles at a time: the teacher's hidden states are large
        chunk = ids[first : first + 16]
        predicted = model.predict_tokens([texts[i] for i in chunk])
        students = encode(tokenizer, [texts[i] for i in chunk])
        for article_id, tokens, student in zip(chunk, predicted, students, strict=True):
            chars = np.zeros(len(texts[article_id]) + 1, dtype=np.float64)
            for (start, end), p in zip(tokens.encoded.offsets.tolist(), tokens.p_span.tolist(), strict=True):
                chars[start:end] = p
            sums = np.concatenate([[0.0], np.cumsum(chars)])
            starts, ends = student.offsets[:, 0], np.maximum(student.offsets[:, 1], student.offsets[:, 0] + 1)
            spans = sorted(fragments.get(article_id, set())) if len(tokens.encoded) else []
            ranges = [decode.token_range(tokens.encoded.offsets, start, end) for start, end in spans]
            probs, _ = model.classify(texts[article_id], tokens, ranges)
            taught[article_id] = Taught(
                ((sums[ends] - sums[starts]) / (ends - starts)).astype(np.float32),
                dict(zip(spans, probs.astype(np.float32), strict=True)),
            )
    return taught


def edge_words(texts: dict[str, str], labels: list[Label]) -> tuple[list[str], list[str]]:
    """The words fragments do not begin with, and those they do not end with (`decode.trim_runs`).

    A word qualifies when it is frequent (0.2% of the articles' words or more, so function words and
    punctuation, not a topic's nouns) and fewer than 1% of its occurrences inside fragments are the
    fragment's first (last) word. On PTC train, of 1,562 commas inside fragments none begins or ends one; of
    3,056 "the", 602 begin a fragment and one ends it, so "the" is trimmed from ends only.
    """
    everywhere: Counter[str] = Counter()
    for text in texts.values():
        everywhere.update(word.lower() for word in decode.WORD.findall(text))
    inside: Counter[str] = Counter()
    first: Counter[str] = Counter()
    last: Counter[str] = Counter()
    for lab in labels:
        words = [word.lower() for word in decode.WORD.findall(texts[lab.article_id][lab.start : lab.end])]
        if words:
            inside.update(words)
            first[words[0]] += 1
            last[words[-1]] += 1
    frequent = 0.002 * sum(everywhere.values())
    common = [word for word in inside if everywhere[word] >= frequent]
    return (
        sorted(word for word in common if first[word] < 0.01 * inside[word]),
        sorted(word for word in common if last[word] < 0.01 * inside[word]),
    )


def load_split(data: Path, split: str) -> tuple[dict[str, str], list[Label]]:
    return read_articles(data / split / "articles"), read_labels(data / split / "labels.tsv")


def load_unlabelled(folder: str | Path, limit: int | None = None) -> dict[str, str]:
    """Plain-text articles of `folder` by "unlabelled/<file stem>"; with `limit`, that many spread evenly over
    the sorted names, so that a folder named by outlet gives each outlet its share."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(f"{folder}: not a directory")
    paths = sorted(path for path in folder.glob("*.txt") if path.is_file())
    if not paths:
        raise ValueError(f"{folder}: no .txt files")
    if limit is not None and limit < len(paths):
        paths = [paths[i * len(paths) // limit] for i in range(limit)]
    return {f"unlabelled/{path.stem}": read_article(path) for path in paths}
