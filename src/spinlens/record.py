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

SCHEMA_VERSION = "1.0"


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


class Sentence(_Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    score: float = Field(ge=0.0, le=1.0, description="Probability that the sentence contains a persuasion technique.")


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
    warnings: list[Warning] = Field(default_factory=list)
    models: list[ModelInfo] = Field(default_factory=list)

    @model_validator(mode="after")
    def _offsets_index_the_text(self) -> Analysis:
        text = self.article.text
        for span in self.techniques:
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
