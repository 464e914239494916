"""The `claims` pipeline component: a check-worthiness score on every sentence; the sentences above the model's
threshold become claims, with their quantities and dates normalised and, inside a quote, its speaker.

It reads what earlier layers left on the record (`sentences`, and `quotes` when that layer ran) and never
calls them.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from spinlens.claims.dates import filing_date, find_dates, publication_date
from spinlens.claims.model import CheckworthyModel, load_model
from spinlens.claims.quantities import find_quantities
from spinlens.datelines import end_of_dateline
from spinlens.pipeline import PipelineConfig, register
from spinlens.prefetch import Prefetcher
from spinlens.record import Analysis, Claim, DateValue, ModelInfo, Quantity, Sentence, TextSpan

# Past this a "sentence" is a splitter failure (a table, text without punctuation): the model sees only its
# first 62 wordpieces, so calling it a claim would be a guess.
MAX_SENTENCE_CHARS = 1000


class ClaimFinder:
    name = "claims"
    # scoring reads only the sentences, so it runs beside the technique and parse work
    prepare_after = ("sentences",)

    def __init__(self, config: PipelineConfig) -> None:
        self._model: CheckworthyModel | None = None
        self._scores: Prefetcher[np.ndarray] = Prefetcher(self._score, name="claims")

    @property
    def model(self) -> CheckworthyModel:
        # loaded on first use, so `spinlens --help` and the other layers never wait for it
        if self._model is None:
            self._model = load_model()
        return self._model

    def models(self) -> list[ModelInfo]:
        return [self.model.info]

    def prepare(self, batch: list[Analysis]) -> None:
        self._scores.start(batch)

    def __call__(self, batch: list[Analysis]) -> None:
        cut = self.model.threshold
        for record, scores in zip(batch, self._scores.results(batch), strict=True):
            self._annotate(record, record.sentences, [float(p) for p in scores], cut)

    def _score(self, batch: list[Analysis]) -> list[np.ndarray]:
        # each article's sentences are scored on their own: int8 dynamic quantisation scales activations
        # per forward pass, so batching articles together would make scores depend on the neighbours
        return [self.model.score([record.article.text[s.start : s.end] for s in record.sentences]) for record in batch]

    def _annotate(self, record: Analysis, sentences: list[Sentence], scores: list[float], cut: float) -> None:
        published = publication_date(record.article.published)
        if published is None and record.article.published:
            # an unreadable date must not pass for a missing one: the user gave it and expects it used
            record.warn(
                self.name,
                "unreadable_published",
                f"the publication date {record.article.published!r} is not a date: relative dates are not "
                "resolved against it",
            )
        filed = filing_date(record.article.text) if published is None else None
        if filed is not None:
            published, where = filed
            record.warn(
                self.name,
                f"{where}_date",
                f"no publication date given: relative dates resolved against the {where}'s {published}",
            )
        too_long = failed = 0
        claims = []
        for sentence, score in zip(sentences, scores, strict=True):
            sentence.checkworthiness = round(score, 4)
            if score < cut:
                continue
            if sentence.end - sentence.start > MAX_SENTENCE_CHARS:
                too_long += 1
                continue
            # a wire dateline opening the sentence says where and when the story was filed, which is no claim
            start = end_of_dateline(record.article.text, sentence.start) or sentence.start
            if start >= sentence.end:
                start = sentence.start
            claim = Claim(
                start=start,
                end=sentence.end,
                text=record.article.text[start : sentence.end],
                score=round(score, 4),
                speaker=_speaker(record, start, sentence.end),
            )
            try:
                claim.dates, claim.quantities = _values(claim, published)
            except Exception:  # a bug on odd text must not cost the article its claims
                failed += 1
            claims.append(claim)
        record.claims = claims
        if failed:
            record.warn(self.name, "normalisation_failed", f"{failed} claim(s) kept without quantities and dates")
        if too_long:
            record.warn(
                self.name,
                "long_sentence",
                f"{too_long} sentence(s) over {MAX_SENTENCE_CHARS} characters scored but not made claims: "
                "the text's sentences could not be split (a table, or no punctuation)",
            )


def _values(claim: Claim, published: dt.date | None) -> tuple[list[DateValue], list[Quantity]]:
    """The claim's dates and quantities; numbers inside a date ("18 October 2016") are not quantities."""
    offset, sentence = claim.start, claim.text
    found_dates = find_dates(sentence, published)
    dates = [
        DateValue(
            start=offset + d.start, end=offset + d.end, text=sentence[d.start : d.end], value=d.value, period=d.period
        )
        for d in found_dates
    ]
    quantities = [
        Quantity(
            start=offset + q.start,
            end=offset + q.end,
            text=sentence[q.start : q.end],
            value=q.value,
            high=q.high,
            unit=q.unit,
            bound=q.bound,
            counts=q.counts,
            normalized=q.normalized,
        )
        for q in find_quantities(sentence, skip=[(d.start, d.end) for d in found_dates])
    ]
    return dates, quantities


def _speaker(record: Analysis, start: int, end: int) -> TextSpan | None:
    """The speaker of the quote that holds most of the claim: half of the shorter of the two at least, and a
    quarter of the claim's words that are not the attribution itself.

    A short quote inside a long sentence does not make the sentence its speaker's: in "The Senate approved
    the aid, ending a standoff that Democrats blamed on the speaker", the claim is not the Democrats'. A long
    description of the speaker ("said Douglas Holtz-Eakin, an economist who ...") is no part of what is said.
    """
    best, best_overlap = None, 0
    for quote in record.quotes:
        overlap = _overlap(start, end, quote.content)
        said = end - start - _overlap(start, end, quote.speaker) - _overlap(start, end, quote.cue)
        if (
            overlap * 2 >= min(end - start, quote.content.end - quote.content.start)
            and overlap * 4 >= said
            and overlap > best_overlap
        ):
            best, best_overlap = quote, overlap
    if best is None or best.speaker is None:
        return None
    return best.speaker.model_copy()


def _overlap(start: int, end: int, span: TextSpan | None) -> int:
    return max(0, min(end, span.end) - max(start, span.start)) if span is not None else 0


@register("claims", requires=("sentences",))
def make_claims(config: PipelineConfig) -> ClaimFinder:
    return ClaimFinder(config)
