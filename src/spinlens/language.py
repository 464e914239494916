"""The `language` component: detects the article's language, since the bundled models read English only."""

from __future__ import annotations

from spinlens.pipeline import PipelineConfig, RejectedInput, register
from spinlens.record import Analysis, ModelInfo

# langid is unreliable on a few words, so short texts are assumed to be what the models expect
_MIN_CHARS = 40
_SAMPLE_CHARS = 5000


class LanguageDetector:
    name = "language"

    def __init__(self, config: PipelineConfig) -> None:
        self.strict = config.strict

    def models(self) -> list[ModelInfo]:
        return []

    def _classify(self, text: str) -> str:
        import py3langid  # its model loads on first import: only pay for it when a text needs it

        language, _ = py3langid.classify(text[:_SAMPLE_CHARS])
        return str(language)

    def __call__(self, batch: list[Analysis]) -> None:
        refused: dict[int, str] = {}
        for position, record in enumerate(batch):
            text = record.article.text
            if not any(char.isalpha() for char in text):
                # "🔥🔥🔥 💯": whatever the model marks there, it read no words
                self._flag(record, position, refused, "no_words", "the text has no words, only numbers or symbols")
                continue
            if len(text.strip()) < _MIN_CHARS:
                continue
            language = self._classify(text)
            record.article.language = language
            if language != "en":
                message = f"text looks like '{language}', not English: the models were trained on English news"
                self._flag(record, position, refused, "non_english", message)
        if refused:
            raise RejectedInput(refused)

    def _flag(self, record: Analysis, position: int, refused: dict[int, str], code: str, message: str) -> None:
        if self.strict:
            refused[position] = message + " (refused under --strict)"
        else:
            record.warn(self.name, code, message)


@register("language")
def make_language(config: PipelineConfig) -> LanguageDetector:
    return LanguageDetector(config)
