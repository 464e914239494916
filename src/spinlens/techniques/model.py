"""Inference for the technique model: ONNX encoder + BIO head on onnxruntime, span head and decoding in numpy.

The exported graph maps windows of wordpieces to two per-token outputs: BIO logits (is the token in a
persuasive fragment, and does it begin one) and the encoder's hidden states. A small span head (two dense
layers, in numpy) reads the hidden states pooled over a run of tokens, with what the whole article says of
its words (`spanfeatures`), and gives the technique probabilities and a verifier's probability that the run
is a fragment at all; it serves both span detection (the `techniques` layer) and `label-spans` (SemEval TC).
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

from spinlens.modelfiles import ModelError, cpu_session, read_manifest, sha256
from spinlens.record import ModelInfo
from spinlens.techniques import decode
from spinlens.techniques.spanfeatures import NAMES as FEATURE_NAMES
from spinlens.techniques.spanfeatures import SpanFeatures
from spinlens.techniques.windows import (
    Encoded,
    Specials,
    WindowSpec,
    encode,
    load_tokenizer,
    owner_window,
    pack,
    windows,
)

# Bump when the manifest or the graph's inputs/outputs change meaning; a model of another format is refused.
MODEL_FORMAT = 3
# The span head reads a fragment as five vectors: the mean and the max of its tokens' states, its first and
# last token's (where a fragment's boundary words carry its technique: "so-called", "?"), and the mean over
# the fragment and this many tokens either side of it (the sentence it stands in). `train` pools the same.
SPAN_POOLS = ("mean", "max", "first", "last", "context")
SPAN_CONTEXT = 16
BUNDLED_DIR = Path(__file__).resolve().parent.parent / "models" / "techniques"


@dataclass
class TokenPredictions:
    """Per-token outputs for one article, each token predicted from its best window."""

    encoded: Encoded
    p_span: np.ndarray  # [n] probability the token is inside a fragment (B or I)
    hidden: np.ndarray  # [n, H] encoder states, for the span classifier


@dataclass
class Candidate:
    """A run of tokens that may be a fragment: its character span and what the span head says of it."""

    start: int
    end: int
    probs: np.ndarray  # [14] technique probabilities
    verified: float  # the verifier's probability that it is a fragment
    peak: float  # the highest fragment probability of its tokens


@dataclass
class SpanPrediction:
    start: int
    end: int
    technique: str
    score: float


def _softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    x = x - x.max(axis=axis, keepdims=True)
    e = np.exp(x)
    return e / e.sum(axis=axis, keepdims=True)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def _log_softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=-1, keepdims=True)
    return x - np.log(np.exp(x).sum(axis=-1, keepdims=True))


def _gelu(x: np.ndarray) -> np.ndarray:
    # tanh approximation: the training head uses the same, so numpy and torch agree
    return 0.5 * x * (1.0 + np.tanh(0.7978845608028654 * (x + 0.044715 * x**3)))


@functools.cache
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


def _one_blas_thread() -> AbstractContextManager[object]:
    return _blas().limit(limits=1, user_api="blas")


def pool_span(hidden: np.ndarray, first: int, last: int) -> np.ndarray:
    """The `SPAN_POOLS` of tokens [first, last) of an article's states [n, H], concatenated."""
    span = hidden[first:last]
    context = hidden[max(0, first - SPAN_CONTEXT) : last + SPAN_CONTEXT]
    return np.concatenate([span.mean(0), span.max(0), span[0], span[-1], context.mean(0)])


class SpanHead:
    """Checks and names a fragment from its pooled hidden states (`pool_span`) and its `spanfeatures`:
    technique probabilities, and the verifier's probability that it is a fragment at all."""

    def __init__(self, path: Path) -> None:
        with np.load(path) as weights:
            self.w1, self.b1 = weights["w1"], weights["b1"]
            self.w2, self.b2 = weights["w2"], weights["b2"]
            # re-weighs the technique log-probabilities with the article features (see train.cross_fit);
            # absent from a model trained without calibration folds
            self.cal_w = weights.get("cal_w")
            self.cal_b = weights.get("cal_b")
        self.width = (self.w1.shape[0] - len(FEATURE_NAMES)) // len(SPAN_POOLS)  # the encoder's

    @staticmethod
    def features(hidden: np.ndarray, ranges: Sequence[tuple[int, int]], extra: np.ndarray) -> np.ndarray:
        pooled = np.stack([pool_span(hidden, first, last) for first, last in ranges])
        return np.concatenate([pooled, extra], axis=1)

    def __call__(self, features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(technique probabilities [k, 14], fragment probabilities [k])."""
        # one BLAS thread: these products are small, and OpenBLAS's idle threads spin for a while after
        # each one, which burned a whole core between the passes of the article after (see README: speed)
        with _one_blas_thread():
            logits = _gelu(features @ self.w1 + self.b1) @ self.w2 + self.b2
            techniques = logits[:, :-1]
            if self.cal_w is not None:
                n_extra = self.cal_w.shape[0] - techniques.shape[1]
                calibrate = np.concatenate([_log_softmax(techniques), features[:, -n_extra:]], axis=1)
                techniques = calibrate @ self.cal_w + self.cal_b
        return _softmax(techniques), _sigmoid(logits[:, -1])


class TechniqueModel:
    def __init__(self, model_dir: str | Path | None = None, *, threads: int | None = None) -> None:
        self.dir = Path(model_dir) if model_dir else BUNDLED_DIR
        self.manifest = read_manifest(self.dir, MODEL_FORMAT, "technique")
        files = self.manifest["files"]
        self.labels: list[str] = list(self.manifest["labels"])
        self.spec = WindowSpec(**self.manifest["window"])
        decoding = self.manifest["decode"]
        self.threshold: float = float(decoding["threshold"])
        self.second_label: float = float(decoding["second_label"])
        self.gap: int = int(decoding["gap"])
        self.verify: float = float(decoding["verify"])
        # a manifest written before runs needed a peak keeps them all
        self.peak: float = float(decoding.get("peak", 0.0))
        self.trim_first = frozenset(decoding["trim_first"])
        self.trim_last = frozenset(decoding["trim_last"])
        if tuple(self.manifest["span_features"]) != FEATURE_NAMES:
            raise ModelError(
                f"{self.dir}: the model's span features {self.manifest['span_features']} are not the ones this "
                f"version of spinlens computes {list(FEATURE_NAMES)}"
            )
        self.onnx_path = self.dir / files["onnx"]
        self.tokenizer = load_tokenizer(self.dir / files["tokenizer"])
        self.specials = Specials.of(self.tokenizer)
        self.span_head = SpanHead(self.dir / files["span_head"])
        # `threads` passes at once, each on one onnxruntime thread (see `forward_windows`)
        self.parallel_passes = threads or len(os.sched_getaffinity(0))
        self.session = cpu_session(self.onnx_path, 1)

    @functools.cached_property
    def info(self) -> ModelInfo:
        return ModelInfo(name=self.manifest["name"], version=self.manifest["version"], sha256=sha256(self.onnx_path))

    # -- forward -----------------------------------------------------------------------------------------

    def forward(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Raw graph outputs for a batch of windows: (bio_logits [B,T,3], hidden [B,T,H])."""
        bio, hidden = self.session.run(
            ["bio_logits", "hidden"], {"input_ids": input_ids, "attention_mask": attention_mask}
        )
        return bio, hidden

    def forward_windows(self, pieces: Sequence[np.ndarray]) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """(bio_logits [T,3], hidden [T,H]) of each window of wordpieces, [CLS] and [SEP] included, in order.

        Each window is a forward pass of its own, one pass per core at a time, each on one onnxruntime
        thread. Two single-thread passes side by side computed 11.4k tokens/s on this project's 2-core
        machine where one two-thread pass over a batch computed 7.0k. A pass of its own also makes a
        window's outputs independent of everything else: int8 dynamic quantisation scales activations per
        pass, so sharing a batch would make an article's spans depend on its neighbours in the input.
        """

        def one(piece: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            bio, hidden = self.forward(*pack([piece], self.specials))
            return bio[0], hidden[0]

        return self._passes.map(one, pieces)

    @functools.cached_property
    def _passes(self) -> ThreadPoolExecutor:
        return ThreadPoolExecutor(max_workers=self.parallel_passes, thread_name_prefix="spinlens-windows")

    def predict_tokens(self, texts: Sequence[str]) -> list[TokenPredictions]:
        return self.predict_encoded(encode(self.tokenizer, texts))

    def predict_encoded(self, encoded: Sequence[Encoded]) -> list[TokenPredictions]:
        """Each token predicted from the window where it sits furthest from an edge (`owner_window`)."""
        spans = [windows(len(enc), self.spec) if len(enc) else [] for enc in encoded]
        outputs = self.forward_windows(
            [enc.ids[start:end] for enc, own in zip(encoded, spans, strict=True) for start, end in own]
        )
        width = self.span_head.width
        predictions = []
        for enc, own in zip(encoded, spans, strict=True):
            n = len(enc)
            bio = np.zeros((n, 3), dtype=np.float32)
            hidden = np.zeros((n, width), dtype=np.float32)
            owner = owner_window(n, own)
            for index, (start, _) in enumerate(own):
                window_bio, window_hidden = next(outputs)
                take = np.flatnonzero(owner == index)
                bio[take] = window_bio[take - start + 1]  # +1: [CLS] comes first
                hidden[take] = window_hidden[take - start + 1]
            probs = _softmax(bio)  # columns: O, B, I
            predictions.append(TokenPredictions(enc, probs[:, 1] + probs[:, 2], hidden))
        return predictions

    # -- tasks -------------------------------------------------------------------------------------------

    def classify(
        self, text: str, tokens: TokenPredictions, ranges: Sequence[tuple[int, int]]
    ) -> tuple[np.ndarray, np.ndarray]:
        """(technique probabilities [k, 14], fragment probabilities [k]) for token ranges of one article."""
        if not ranges:
            return np.zeros((0, len(self.labels)), dtype=np.float32), np.zeros(0, dtype=np.float32)
        extra = SpanFeatures(text, tokens.encoded)(ranges)
        return self.span_head(SpanHead.features(tokens.hidden, ranges, extra))

    def detect(self, text: str, tokens: TokenPredictions, threshold: float | None = None) -> list[SpanPrediction]:
        """Fragments and their techniques in one article, from its token predictions.

        A threshold other than the tuned one moves the peak by as much: a reader who lowers it to see more
        must see more, and a tuned peak above every token of a guarded text would show nothing however low
        the threshold went.
        """
        peak = None if threshold is None else min(1.0, max(threshold, self.peak + threshold - self.threshold))
        return self.select(self.candidates(text, tokens, threshold), peak)

    def candidates(self, text: str, tokens: TokenPredictions, threshold: float | None = None) -> list[Candidate]:
        """Runs of tokens whose fragment probability reaches the threshold, trimmed of the words fragments do
        not begin or end with, checked and named by the span head, each with its peak probability."""
        cut = self.threshold if threshold is None else threshold
        offsets = tokens.encoded.offsets
        found = decode.token_runs(text, offsets, tokens.p_span, cut, self.gap)
        found = decode.trim_runs(text, offsets, found, self.trim_first, self.trim_last)
        if not found:
            return []
        probs, verified = self.classify(text, tokens, found)
        return [
            Candidate(
                *decode.char_range(text, offsets, first, last), p, confidence, float(tokens.p_span[first:last].max())
            )
            for (first, last), p, confidence in zip(found, probs, verified.tolist(), strict=True)
        ]

    def select(self, candidates: Sequence[Candidate], peak: float | None = None) -> list[SpanPrediction]:
        """The candidates the verifier gives at least `verify` and whose peak reaches `peak` (the tuned one
        unless given), with their likeliest technique, and the second likeliest where it reaches
        `second_label`. A span's score is the verifier's probability times the technique's.

        The peak makes decoding a hysteresis: a run grows over tokens the tagger merely leans towards (the
        threshold) but stands only where it is sure of one (the peak). Faint runs are mostly passages nobody
        marked; the fragments it is sure of reach further than their surest words.
        """
        least_peak = self.peak if peak is None else peak
        spans: list[SpanPrediction] = []
        for c in candidates:
            if c.verified < self.verify or c.peak < least_peak:
                continue
            order = np.argsort(-c.probs)
            spans.append(SpanPrediction(c.start, c.end, self.labels[order[0]], c.verified * float(c.probs[order[0]])))
            # fragments often carry two techniques at once (a slur that is also loaded language)
            if c.probs[order[1]] >= self.second_label:
                second = self.labels[order[1]]
                spans.append(SpanPrediction(c.start, c.end, second, c.verified * float(c.probs[order[1]])))
        return spans

    def label_spans(self, text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[str, float]]:
        """The most likely technique of each given character span (SemEval TC)."""
        if not spans:
            return []
        (tokens,) = self.predict_tokens([text])
        return self.label_tokens(text, tokens, spans)

    def label_tokens(
        self, text: str, tokens: TokenPredictions, spans: Sequence[tuple[int, int]]
    ) -> list[tuple[str, float]]:
        """`label_spans` on an article already through the model.

        A span given n times carries n techniques (PTC labels a fragment once per technique): its first
        occurrence gets the likeliest technique, the next the second likeliest, and so on.
        """
        ranges = [decode.token_range(tokens.encoded.offsets, start, end) for start, end in spans]
        probs, _ = self.classify(text, tokens, ranges)
        seen: Counter[tuple[int, int]] = Counter()
        labelled = []
        for span, p in zip(spans, probs, strict=True):
            rank = min(seen[span], len(p) - 1)
            seen[span] += 1
            best = int(np.argsort(-p)[rank])
            labelled.append((self.labels[best], float(p[best])))
        return labelled


@functools.cache
def _load_cached(model_dir: str | None) -> TechniqueModel:
    return TechniqueModel(model_dir)


def load_model(model_dir: str | None = None) -> TechniqueModel:
    """The technique model, loaded once per process (the bundled one unless `model_dir` is given)."""
    return _load_cached(str(Path(model_dir).resolve()) if model_dir else None)
