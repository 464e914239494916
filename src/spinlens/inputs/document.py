"""What the readers hand to the pipeline: a document to analyse, or a one-line reason it can't be."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass
class Document:
    """One article as read, before analysis. `text` is exactly what will be analysed."""

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    source: str | None = None
    # (code, message) pairs noticed while reading, copied into the record's warnings
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def empty(self) -> InputError | None:
        """The error for a text with nothing to analyse (a `Document` made in code, not by a reader)."""
        if self.text.strip():
            return None
        return InputError(self.source or self.id or "<text>", "empty or whitespace-only text")


@dataclass
class InputError:
    """An input that could not be read; `source` names it and `message` says why, in one line."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def with_defaults(document: Document, **meta: str | None) -> Document:
    """The document with `meta` (an outlet, a publication date) filled in where its input named none: a
    command line's `--outlet` does not overwrite the outlet a JSON Lines line gives."""
    return replace(document, **{key: getattr(document, key) or value for key, value in meta.items()})
