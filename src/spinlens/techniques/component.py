"""The `techniques` pipeline component: technique spans, sentence scores and the article score."""

from __future__ import annotations

import numpy as np

from spinlens.pipeline import PipelineConfig, register
from spinlens.prefetch import Prefetcher
from spinlens.record import Analysis, ModelInfo, TechniqueSpan
from spinlens.techniques.model import TechniqueModel, TokenPredictions, load_model


class TechniqueTagger:
    name = "techniques"

    def __init__(self, config: PipelineConfig) -> None:
        self.model_dir = config.model_dir
        self.threshold = config.threshold
        self._model: TechniqueModel | None = None
        # the model's passes need only the text: they start as soon as a batch is read (spinlens.prefetch)
        self._tokens: Prefetcher[TokenPredictions] = Prefetcher(self._predict, name="techniques")

    @property
    def model(self) -> TechniqueModel:
        # loaded on first use, so `spinlens --help` and the other layers never wait for it
        if self._model is None:
            self._model = load_model(self.model_dir)
        return self._model

    def models(self) -> list[ModelInfo]:
        return [self.model.info]

    def prepare(self, batch: list[Analysis]) -> None:
        self._tokens.start(batch)

    def __call__(self, batch: list[Analysis]) -> None:
        for record, tokens in zip(batch, self._tokens.results(batch), strict=True):
            self._annotate(record, tokens)

    def _predict(self, batch: list[Analysis]) -> list[TokenPredictions]:
        return self.model.predict_tokens([record.article.text for record in batch])

    def _annotate(self, record: Analysis, tokens: TokenPredictions) -> None:
        text = record.article.text
        spans = self.model.detect(text, tokens, self.threshold)
        record.techniques = [
            TechniqueSpan(
                start=s.start, end=s.end, text=text[s.start : s.end], technique=s.technique, score=round(s.score, 4)
            )
            for s in sorted(spans, key=lambda s: (s.start, s.end, s.technique))
        ]
        # sentence scores and the article score read the sentences the `sentences` layer split
        starts = tokens.encoded.offsets[:, 0] if len(tokens.encoded) else np.zeros(0, dtype=np.int64)
        flagged_chars = 0
        for sentence in record.sentences:
            inside = (starts >= sentence.start) & (starts < sentence.end)
            sentence.score = round(min(float(tokens.p_span[inside].max()), 1.0), 4) if inside.any() else 0.0
            if any(s.start < sentence.end and s.end > sentence.start for s in spans):
                flagged_chars += sentence.end - sentence.start
        total = sum(s.end - s.start for s in record.sentences) or 1
        record.score = round(flagged_chars / total, 4)


@register("techniques")
def make_techniques(config: PipelineConfig) -> TechniqueTagger:
    return TechniqueTagger(config)
