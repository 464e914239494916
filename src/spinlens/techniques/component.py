"""The `techniques` pipeline component: technique spans, sentence scores and the article score."""

from __future__ import annotations

import re

import numpy as np

from spinlens.pipeline import PipelineConfig, register
from spinlens.record import Analysis, ModelInfo, Sentence, TechniqueSpan
from spinlens.techniques.model import TechniqueModel, TokenPredictions, load_model

# A sentence ends at a line break, or at . ! ? (and closing quotes/brackets) followed by white space.
# Language-agnostic on purpose: the claims layer brings a linguistic splitter where it needs one.
_SENTENCE_END = re.compile(r"\n+|(?<=[.!?])[\"'”’)\]]*\s+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character ranges of the sentences in text, white space trimmed, none empty."""
    ranges = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        ranges.append((start, match.start() if match.group().startswith("\n") else match.end()))
        start = match.end()
    ranges.append((start, len(text)))
    trimmed = []
    for s, e in ranges:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


class TechniqueTagger:
    name = "techniques"

    def __init__(self, config: PipelineConfig) -> None:
        self.model_dir = config.model_dir
        self.threshold = config.threshold
        self.batch_size = config.batch_size
        self._model: TechniqueModel | None = None

    @property
    def model(self) -> TechniqueModel:
        # loaded on first use, so `spinlens --help` and the other layers never wait for it
        if self._model is None:
            self._model = load_model(self.model_dir)
        return self._model

    def models(self) -> list[ModelInfo]:
        return [self.model.info]

    def __call__(self, batch: list[Analysis]) -> None:
        texts = [record.article.text for record in batch]
        predictions = self.model.predict_tokens(texts, batch_size=self.batch_size)
        for record, tokens in zip(batch, predictions, strict=True):
            self._annotate(record, tokens)

    def _annotate(self, record: Analysis, tokens: TokenPredictions) -> None:
        text = record.article.text
        spans = self.model.detect(text, tokens, self.threshold)
        record.techniques = [
            TechniqueSpan(
                start=s.start, end=s.end, text=text[s.start : s.end], technique=s.technique, score=round(s.score, 4)
            )
            for s in sorted(spans, key=lambda s: (s.start, s.end, s.technique))
        ]
        starts = tokens.encoded.offsets[:, 0] if len(tokens.encoded) else np.zeros(0, dtype=np.int64)
        flagged_chars = 0
        sentences = []
        ranges = split_sentences(text)
        for start, end in ranges:
            inside = (starts >= start) & (starts < end)
            score = float(tokens.p_span[inside].max()) if inside.any() else 0.0
            sentences.append(Sentence(start=start, end=end, score=round(min(score, 1.0), 4)))
            if any(s.start < end and s.end > start for s in spans):
                flagged_chars += end - start
        record.sentences = sentences
        total = sum(e - s for s, e in ranges) or 1
        record.score = round(flagged_chars / total, 4)


@register("techniques")
def make_techniques(config: PipelineConfig) -> TechniqueTagger:
    return TechniqueTagger(config)
