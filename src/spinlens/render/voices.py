"""The quotes and entities sections of the terminal and HTML reports: who is quoted saying what, and which
labels the text pins on whom."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from rich import box
from rich.console import RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from spinlens.record import Analysis, Entity, Quote
from spinlens.render._spans import one_line, q_class, technique

_DIM = Style(dim=True)
_BOLD = Style(bold=True)
UNKNOWN_SPEAKER = "(speaker not named)"


def speaker_of(record: Analysis, quote: Quote) -> str:
    """The speaker as the text names them, and the entity that resolves to when it says more."""
    said = one_line(quote.speaker.text) if quote.speaker else UNKNOWN_SPEAKER
    if quote.speaker_entity is None:
        return said
    name = record.entities[quote.speaker_entity].name
    return said if one_line(name) == said else f"{said} → {one_line(name)}"


def labels_of(entity: Entity) -> str:
    return ", ".join(f'"{one_line(label.text)}" ({technique(label.technique).label})' for label in entity.labels)


def text_sections(record: Analysis, plain: bool, safe: Callable[[str], str]) -> list[RenderableType]:
    sections: list[RenderableType] = []
    if record.quotes:
        quotes = Text("Quotes", style=_BOLD)
        for number, quote in enumerate(record.quotes, start=1):
            kind = "direct" if quote.direct else "reported"
            cue = f" [{one_line(quote.cue.text)}]" if quote.cue else ""
            quotes.append("\n")
            quotes.append_text(
                Text.assemble(
                    (f"Q{number} ", _BOLD),
                    (safe(speaker_of(record, quote)), _BOLD),
                    (safe(cue), _DIM),
                    f" ({kind}): ",
                    safe(one_line(quote.content.text)),
                )
            )
        sections.append(quotes)
    if record.entities:
        table = Table(box=box.ASCII if plain else box.SIMPLE_HEAD, title="Entities", title_justify="left")
        for column in ("Entity", "Type", "Mentions", "Quotes by", "Quoted about", "Labels"):
            table.add_column(column, justify="right" if column in {"Mentions", "Quotes by", "Quoted about"} else None)
        for entity in record.entities:
            table.add_row(
                safe(one_line(entity.name)),
                entity.type,
                str(len(entity.mentions)),
                _numbers(entity.quotes_by),
                _numbers(entity.quotes_about),
                safe(labels_of(entity)),
            )
        sections.append(table)
    return sections


def _numbers(quotes: list[int]) -> str:
    return " ".join(f"Q{i + 1}" for i in quotes)


def html_sections(record: Analysis, anchor: str) -> str:
    parts = []
    if record.quotes:
        items = []
        for number, quote in enumerate(record.quotes, start=1):
            kind = "direct" if quote.direct else "reported"
            cue = f' <span class="note">[{escape(one_line(quote.cue.text))}]</span>' if quote.cue else ""
            items.append(
                f'<li id="{anchor}-q{number}"><strong>{escape(speaker_of(record, quote))}</strong>{cue} '
                f"({kind}): <q{q_class(quote.content.text)}>{escape(quote.content.text)}</q></li>\n"
            )
        parts.append(f'<section class="quotes">\n<h3>Quotes</h3>\n<ol>\n{"".join(items)}</ol>\n</section>\n')
    if record.entities:
        rows = "".join(
            f"<tr><td>{escape(entity.name)}</td><td>{escape(entity.type)}</td>"
            f'<td class="num">{len(entity.mentions)}</td><td>{_links(entity.quotes_by, anchor)}</td>'
            f"<td>{_links(entity.quotes_about, anchor)}</td><td>{escape(labels_of(entity))}</td></tr>\n"
            for entity in record.entities
        )
        parts.append(
            '<table class="entities">\n<caption class="note">Entities: who is named, how often, their quotes, '
            "and the labels the text pins on them</caption>\n"
            '<thead><tr><th scope="col">Entity</th><th scope="col">Type</th><th scope="col" class="num">Mentions'
            '</th><th scope="col">Quotes by</th><th scope="col">Quoted about</th><th scope="col">Labels</th>'
            f"</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n"
        )
    return "".join(parts)


def _links(quotes: list[int], anchor: str) -> str:
    return " ".join(f'<a href="#{anchor}-q{i + 1}">Q{i + 1}</a>' for i in quotes)
