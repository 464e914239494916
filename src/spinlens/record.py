"""The analysis record: the one typed, versioned structure every layer reads and adds to.

In JSON its top-level keys are ``schema_version``, ``article``, ``techniques``, ``sentences``, ``score``,
``warnings`` and ``models``. Other tools parse these names, so they are a public contract: rename nothing
without bumping ``SCHEMA_VERSION``'s major number. Later layers (claims, quotes, entities) add their own
top-level keys next to these.

Every span offset is a Python string offset into ``article.text``, end exclusive, so that
``article.text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.4"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Article(_Record):
    """The text analysed and what is known about where it came from."""

    id: str | None = Field(
        None, description="The input's id: a JSON Lines id, the digits of article<ID>.txt, or the file stem."
    )
    title: str | None = Field(
        None, description="The title; when it came from the text's first line it stays part of `text`."
    )
    text: str = Field(description="The exact text analysed. All offsets index this string.")
    outlet: str | None = Field(None, description="The outlet or site that published the article.")
    url: str | None = None
    published: str | None = Field(None, description="Publication date as given by the input (ISO 8601 when known).")
    author: str | None = None
    language: str | None = Field(None, description="ISO 639-1 code detected from the text.")
    source: str | None = Field(None, description="Where the input was read from: a path, `<stdin>`, or `path:line`.")


class TechniqueSpan(_Record):
    """A fragment that uses a persuasion technique."""

    start: int = Field(ge=0, description="Start offset into article.text.")
    end: int = Field(ge=0, description="End offset into article.text (exclusive).")
    text: str = Field(description="article.text[start:end].")
    technique: str = Field(description="One of the 14 PTC technique classes, spelled as in the corpus.")
    score: float = Field(ge=0.0, le=1.0, description="The model's confidence in this technique for this span.")


class TextSpan(_Record):
    """A piece of article.text: a quote's content, speaker or cue, an entity's mention."""

    start: int = Field(ge=0, description="Start offset into article.text.")
    end: int = Field(ge=0, description="End offset into article.text (exclusive).")
    text: str = Field(description="article.text[start:end].")


class Quote(_Record):
    """Someone's words, quoted directly or reported ("X said that ...", "according to X")."""

    content: TextSpan = Field(description="What was said; a direct quote's span includes its quote marks.")
    speaker: TextSpan | None = Field(None, description="Who said it, as the text names them; null when unnamed.")
    cue: TextSpan | None = Field(None, description='The words that mark it as speech: "said", "according to", ":".')
    direct: bool = Field(description="True for words in quote marks, false for reported speech.")
    speaker_entity: int | None = Field(
        None,
        description="Index into `entities` of the speaker, when the text names them (pronouns and descriptions "
        "like 'the minister' resolved to the nearest fitting named entity); null when unresolved.",
    )


class EntityLabel(_Record):
    """What a Name_Calling or Loaded_Language span pins on an entity: the technique span's words, or, where the
    span runs on past its description of the entity, that description ("the bumbling FBI" in "the bumbling FBI
    has dismissed ...")."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    technique: str


class Entity(_Record):
    """A named person, organisation, place or group, with every mention the text makes of it."""

    name: str = Field(description="Its fullest name in the text.")
    type: str = Field(description="`person`, `organisation`, `place` or `group`.")
    mentions: list[TextSpan] = Field(default_factory=list)
    labels: list[EntityLabel] = Field(default_factory=list)
    quotes_by: list[int] = Field(default_factory=list, description="Indices into `quotes` of its quotes.")
    quotes_about: list[int] = Field(
        default_factory=list, description="Indices into `quotes` of others' quotes that mention it."
    )


class Quantity(_Record):
    """A number in a claim, normalised: its value, its unit, and what it counts."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(description='article.text[start:end], e.g. "127 people were killed" or "$3 billion".')
    value: float = Field(description="The number, scale words applied: $3 billion is 3000000000.")
    high: float | None = Field(
        None, description='The top of a range: "10-15 people" has value 10 and high 15; null for a single number.'
    )
    unit: str | None = Field(None, description="`percent`, an ISO 4217 currency code, a time or measure unit.")
    bound: str | None = Field(
        None,
        description='How the words before the number bound it: `lower` ("at least 33", "more than 2.4 million"), '
        '`upper` ("up to 300", "fewer than 10"), `approximate` ("about 40", "nearly half"); null when stated '
        "as it is.",
    )
    counts: str | None = Field(None, description='What is counted, e.g. "people killed"; null for units.')
    normalized: str = Field(description='Value, unit and what it counts, e.g. "127 people killed", "3000000000 USD".')


class DateValue(_Record):
    """A time in a claim, resolved against the article's publication date."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(description='article.text[start:end], e.g. "on Monday" -> "Monday", "last week".')
    value: str | None = Field(
        None,
        description="ISO 8601: a date (`2016-10-18`) or, for a span of days, week, month, year, decade, span of "
        "years or a period up to publication, an interval (`2016-10-24/2016-10-30`); null when it cannot be resolved "
        "(a relative date in an article without a publication date, a fiscal year, whose first month differs "
        "between organisations, or a winter, which spans two years).",
    )
    period: str | None = Field(
        None,
        description="`day`, `days` (a span of them), `weekend`, `week`, `month`, `quarter`, `half` (of a year), "
        "`season`, `year`, `decade` or `fiscal year`.",
    )


class Claim(_Record):
    """A sentence that asserts something checkable: its check-worthiness score above the model's threshold."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(description="article.text[start:end]: the sentence.")
    score: float = Field(ge=0.0, le=1.0, description="Check-worthiness: probability of a checkable factual claim.")
    quantities: list[Quantity] = Field(default_factory=list)
    dates: list[DateValue] = Field(default_factory=list)
    speaker: TextSpan | None = Field(None, description="The speaker of the quote the claim sits in; null otherwise.")


class Sentence(_Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    score: float = Field(ge=0.0, le=1.0, description="Probability that the sentence contains a persuasion technique.")
    checkworthiness: float | None = Field(
        None, ge=0.0, le=1.0, description="Probability that the sentence holds a checkable factual claim."
    )


class Warning(_Record):
    layer: str = Field(description="The pipeline component or input stage that raised it.")
    code: str = Field(description="A stable machine-readable code, e.g. `non_english`.")
    message: str


class ModelInfo(_Record):
    name: str
    version: str
    sha256: str = Field(description="sha256 of the model's weights file.")


class Analysis(_Record):
    """What spinlens found in one article."""

    schema_version: str = SCHEMA_VERSION
    article: Article
    techniques: list[TechniqueSpan] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    score: float = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="Article-level persuasion score: the share of the article's characters in sentences "
        "that use a technique.",
    )
    claims: list[Claim] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    models: list[ModelInfo] = Field(default_factory=list)

    @model_validator(mode="after")
    def _offsets_index_the_text(self) -> Analysis:
        text = self.article.text
        quote_spans = [s for q in self.quotes for s in (q.content, q.speaker, q.cue) if s is not None]
        entity_spans = [s for e in self.entities for s in (*e.mentions, *e.labels)]
        claim_spans = [s for c in self.claims for s in (c, *c.quantities, *c.dates, c.speaker) if s is not None]
        for span in (*self.techniques, *quote_spans, *entity_spans, *claim_spans):
            if not (0 <= span.start <= span.end <= len(text)) or text[span.start : span.end] != span.text:
                raise ValueError(f"span {span.start}:{span.end} does not index article.text")
        return self

    def warn(self, layer: str, code: str, message: str) -> None:
        self.warnings.append(Warning(layer=layer, code=code, message=message))

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(indent=indent)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def json_schema() -> dict[str, Any]:
    schema = Analysis.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"spinlens analysis record {SCHEMA_VERSION}"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2)
