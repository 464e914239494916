"""The `sentences` component: splits the article into sentences that later layers score.

Language-agnostic on purpose (line breaks and end punctuation): layers that need linguistic sentence
boundaries bring their own parser, but every layer scores the same sentence list, so `sentences` in the
record has one set of ranges whatever layers run.
"""

from __future__ import annotations

import re

from spinlens.pipeline import PipelineConfig, register
from spinlens.record import Analysis, ModelInfo, Sentence

# A sentence ends at a line break, or at . ! ? (and closing quotes/brackets) followed by white space.
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


class SentenceSplitter:
    name = "sentences"

    def __init__(self, config: PipelineConfig) -> None:
        pass

    def models(self) -> list[ModelInfo]:
        return []

    def __call__(self, batch: list[Analysis]) -> None:
        for record in batch:
            record.sentences = [Sentence(start=s, end=e, score=0.0) for s, e in split_sentences(record.article.text)]


@register("sentences")
def make_sentences(config: PipelineConfig) -> SentenceSplitter:
    return SentenceSplitter(config)
