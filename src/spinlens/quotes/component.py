"""The `quotes` pipeline component: direct and reported speech, speakers resolved to the record's entities.

It runs after the `entities` layer and reads its entities from the record: each quote's `speaker_entity`
points into them, and each entity gets its `quotes_by` and `quotes_about`. With that layer off, quotes keep
their speaker spans and `speaker_entity` stays null.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spinlens.headlines import title_case_headline
from spinlens.parsing import ParsedLayer, shared_parser
from spinlens.pipeline import PipelineConfig, register
from spinlens.quotes.extract import Range, extract
from spinlens.quotes.speakers import Resolved, resolve
from spinlens.record import Analysis, Quote, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc


class QuoteFinder(ParsedLayer):
    name = "quotes"

    def annotate(self, doc: Doc, record: Analysis) -> None:
        record.quotes = find_quotes(doc, record)
        link_entities(record)


def find_quotes(doc: Doc, record: Analysis) -> list[Quote]:
    text = record.article.text

    def span(r: Range | None) -> TextSpan | None:
        return None if r is None else TextSpan(start=r[0], end=r[1], text=text[r[0] : r[1]])

    quotes = []
    earlier: list[Resolved] = []
    for found in extract(doc, title_case_headline(text, record.article.title)):
        speaker = span(found.speaker)
        entity = resolve(doc, found.speaker, record.entities, found.content, earlier) if found.speaker else None
        if found.speaker is not None:
            earlier.append(Resolved(found.speaker, entity, found.content))
        quotes.append(
            Quote(
                content=span(found.content),
                speaker=speaker,
                cue=span(found.cue),
                direct=found.direct,
                speaker_entity=entity,
            )
        )
    return quotes


def link_entities(record: Analysis) -> None:
    """Each entity's quotes: those it speaks, and others' quotes whose content mentions it."""
    for entity in record.entities:
        entity.quotes_by, entity.quotes_about = [], []
    for index, quote in enumerate(record.quotes):
        if quote.speaker_entity is not None:
            record.entities[quote.speaker_entity].quotes_by.append(index)
        content = quote.content
        for number, entity in enumerate(record.entities):
            if number == quote.speaker_entity:
                continue
            if any(content.start <= m.start and m.end <= content.end for m in entity.mentions):
                entity.quotes_about.append(index)


@register("quotes")
def make_quotes(config: PipelineConfig) -> QuoteFinder:
    return QuoteFinder(shared_parser(config))
