"""Inference for the check-worthiness model: a sentence classifier exported to ONNX, run by onnxruntime.

The graph maps a batch of sentences (wordpieces, at most `max_tokens` each with [CLS] and [SEP]) to one logit
per sentence: the encoder's states mean-pooled, then a linear layer. The sentences given go through together,
sorted by length so that padding costs little.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from spinlens.modelfiles import cpu_session, read_manifest, sha256
from spinlens.record import ModelInfo
from spinlens.techniques.windows import encode, load_tokenizer, pack

# Bump when the manifest or the graph's inputs/outputs change meaning; a model of another format is refused.
MODEL_FORMAT = 1
BUNDLED_DIR = Path(__file__).resolve().parent.parent / "models" / "checkworthy"


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


class CheckworthyModel:
    # One onnxruntime thread: on sentences a second one gained nothing here, and the claims layer scores
    # on a thread of its own beside the other models (spinlens.prefetch), so the core is better spent there.
    def __init__(self, model_dir: str | Path | None = None, *, threads: int | None = 1) -> None:
        self.dir = Path(model_dir) if model_dir else BUNDLED_DIR
        self.manifest = read_manifest(self.dir, MODEL_FORMAT, "check-worthiness")
        files = self.manifest["files"]
        self.max_tokens: int = int(self.manifest["max_tokens"])
        self.threshold: float = float(self.manifest["threshold"])
        self.onnx_path = self.dir / files["onnx"]
        self.tokenizer = load_tokenizer(self.dir / files["tokenizer"])
        self.session = cpu_session(self.onnx_path, threads)

    @functools.cached_property
    def info(self) -> ModelInfo:
        return ModelInfo(name=self.manifest["name"], version=self.manifest["version"], sha256=sha256(self.onnx_path))

    def forward(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        (logits,) = self.session.run(["logits"], {"input_ids": input_ids, "attention_mask": attention_mask})
        return logits

    def score(self, sentences: Sequence[str], batch_size: int = 4) -> np.ndarray:
        """Probability that each sentence holds a check-worthy factual claim, in input order.

        Small batches of sentences of about the same length: an article's sentences padded to its longest
        one cost 1.6 times as much.
        """
        if not sentences:
            return np.zeros(0, dtype=np.float32)
        body = self.max_tokens - 2
        # a sentence longer than the model's input is judged on its beginning, where the claim is stated
        pieces = [e.ids[:body] for e in encode(self.tokenizer, sentences)]
        order = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
        probs = np.zeros(len(pieces), dtype=np.float32)
        for first in range(0, len(order), batch_size):
            chunk = order[first : first + batch_size]
            ids, mask = pack([pieces[i] for i in chunk])
            probs[chunk] = sigmoid(self.forward(ids, mask).astype(np.float32))
        return probs


@functools.cache
def _load_cached(model_dir: str | None) -> CheckworthyModel:
    return CheckworthyModel(model_dir)


def load_model(model_dir: str | None = None) -> CheckworthyModel:
    """The check-worthiness model, loaded once per process (the bundled one unless `model_dir` is given)."""
    return _load_cached(str(Path(model_dir).resolve()) if model_dir else None)
