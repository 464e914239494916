"""The `entities` pipeline component: entities with their mentions, and the labels pinned on them.

It reads the technique spans already on the record (the `techniques` layer runs first) to find labels; with
that layer off, entities come without labels. The `quotes` layer, which runs after it, fills in each
entity's `quotes_by` and `quotes_about`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spinlens.entities.clusters import (
    cluster,
    mentions,
    with_unrecognised_acronyms,
    with_unrecognised_surnames,
    without_headline_names,
)
from spinlens.entities.labels import attach
from spinlens.headlines import title_case_headline
from spinlens.parsing import ParsedLayer, shared_parser
from spinlens.pipeline import PipelineConfig, register
from spinlens.record import Analysis, Entity, EntityLabel, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc


class EntityFinder(ParsedLayer):
    name = "entities"

    def annotate(self, doc: Doc, record: Analysis) -> None:
        record.entities = find_entities(doc, record)


def find_entities(doc: Doc, record: Analysis) -> list[Entity]:
    text = record.article.text
    headline = title_case_headline(text, record.article.title)
    clusters = with_unrecognised_surnames(without_headline_names(cluster(mentions(doc)), headline), doc)
    clusters = with_unrecognised_acronyms(clusters, doc)
    token_cluster: dict[int, int] = {}
    for index, c in enumerate(clusters):
        for m in c.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            for token in span or ():
                token_cluster[token.i] = index
    labels: list[list[EntityLabel]] = [[] for _ in clusters]
    for span in record.techniques:
        attached = attach(doc, token_cluster, span)
        if attached is not None:
            start, end = attached.start, attached.end
            labels[attached.cluster].append(
                EntityLabel(start=start, end=end, text=text[start:end], technique=span.technique)
            )
    return [
        Entity(
            name=c.name,
            type=c.type,
            mentions=[TextSpan(start=m.start, end=m.end, text=text[m.start : m.end]) for m in c.mentions],
            labels=found,
        )
        for c, found in zip(clusters, labels, strict=True)
    ]


@register("entities")
def make_entities(config: PipelineConfig) -> EntityFinder:
    return EntityFinder(shared_parser(config))
