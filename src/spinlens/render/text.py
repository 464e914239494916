"""The terminal report: the article with technique spans highlighted, a summary table and the evidence."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from itertools import pairwise
from typing import TextIO

from rich import box
from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

from spinlens.record import Analysis, TechniqueSpan
from spinlens.render import claims
from spinlens.render._spans import (
    display_title,
    one_line,
    ordered,
    segments,
    summarise,
    technique,
)
from spinlens.render.voices import text_sections
from spinlens.techniques.definitions import Technique

_WARNING = Style(color="yellow")
_DIM = Style(dim=True)
_BOLD = Style(bold=True)


def write_text(
    records: Iterable[Analysis], out: TextIO, *, color: bool | None = None, width: int | None = None
) -> None:
    """Write one report per record; `color=None` colours only when `out` is a terminal."""
    console = _console(out, color, width)
    # Without colour the highlights would vanish, so spans get bracket markers instead.
    plain = console.color_system is None or console.no_color
    for index, record in enumerate(records):
        if index:
            console.print()
        _report(console, record, plain)
        out.flush()


def _console(out: TextIO, color: bool | None, width: int | None) -> Console:
    make = partial(Console, file=out, width=width, highlight=False, emoji=False)
    if not color:
        return make(force_terminal=color)
    # An explicit request for colour beats NO_COLOR and a TERM=dumb guess (e.g. CI logs that render ANSI).
    console = make(force_terminal=True, no_color=False)
    if console.color_system is None:
        console = make(force_terminal=True, no_color=False, color_system="standard")
    return console


# Article text is untrusted: an escape sequence in it could rewrite the reader's terminal. Each control
# character becomes one visible stand-in (U+2400 block), so every offset into the text stays valid.
# Rich itself drops carriage returns, so CRLF text needs no stand-in for them.
_CONTROLS = {
    **{code: 0x2400 + code for code in range(0x20) if chr(code) not in "\n\t\r"},
    0x7F: 0x2421,
    **{code: 0xFFFD for code in range(0x80, 0xA0)},
}


def _safe(text: str) -> str:
    return text.translate(_CONTROLS)


def _report(console: Console, record: Analysis, plain: bool) -> None:
    spans = ordered(record.techniques)
    _header(console, record, plain)
    for warning in record.warnings:
        prefix = "WARNING" if plain else "⚠ warning"
        line = f"{prefix} ({warning.layer}, {warning.code}): {warning.message}"
        console.print(Text(_safe(line), style=_WARNING))
    console.print()
    text = _safe(record.article.text)
    console.print(_plain_body(text, spans) if plain else _coloured_body(text, spans))
    console.print()
    if not spans:
        console.print(Text("No persuasion techniques found.", style=_DIM))
    else:
        console.print(_table(record, plain))
        console.print(_legend(record, plain))
        console.print()
        for number, span in enumerate(spans, start=1):
            console.print(_evidence(number, span, plain))
    for section in (*claims.text_sections(record, plain, _safe), *text_sections(record, plain, _safe)):
        console.print()
        console.print(section)


def _header(console: Console, record: Analysis, plain: bool) -> None:
    article = record.article
    console.rule(Text(_safe(display_title(record)), style=_BOLD), characters="=" if plain else "─")
    facts = [
        ("id", article.id),
        ("outlet", article.outlet),
        ("author", article.author),
        ("published", article.published),
        ("url", article.url),
        ("source", article.source),
        ("language", article.language),
    ]
    console.print(Text(_safe("  ·  ".join(f"{name}: {value}" for name, value in facts if value))))
    console.print(
        Text.assemble(
            ("persuasion score: ", _BOLD),
            f"{record.score:.2f}",
            (" (share of the text in sentences that use a technique)", _DIM),
        )
    )
    models = ", ".join(f"{m.name} {m.version}" for m in record.models) or "none recorded"
    console.print(Text.assemble(("model: ", _BOLD), _safe(models)))


def _swatch(info: Technique, underline: bool = False) -> Style:
    # Black on the technique's light background: the palette was chosen to stay readable that way.
    return Style(color="black", bgcolor=info.colour, underline=underline)


def _span_style(span: TechniqueSpan, underline: bool = False) -> Style:
    return _swatch(technique(span.technique), underline)


def _coloured_body(text: str, spans: Sequence[TechniqueSpan]) -> Text:
    body = Text()
    for segment in segments(text, spans):
        piece = text[segment.start : segment.end]
        if not segment.active:
            body.append(piece)
            continue
        winner = spans[segment.active[-1]]
        body.append(piece, _span_style(winner, underline=len(segment.active) > 1))
    return body


def _plain_body(text: str, spans: Sequence[TechniqueSpan]) -> Text:
    """`[[span]]n` around each span, n being its evidence number; closers come before openers. A passage
    with several techniques gets one pair of markers, `[[span]]1,2`, rather than brackets nested in place."""
    numbers: dict[tuple[int, int], list[str]] = {}
    for number, span in enumerate(spans, start=1):
        numbers.setdefault((span.start, span.end), []).append(str(number))
    closing: dict[int, list[tuple[int, int]]] = {}
    opening: dict[int, list[tuple[int, int]]] = {}
    for start, end in numbers:
        opening.setdefault(start, []).append((start, end))
        closing.setdefault(end, []).append((start, end))
    parts: list[str] = []
    cuts = sorted({0, len(text), *closing, *opening})
    for position, following in pairwise([*cuts, len(text)]):
        # Inner spans (later starts) close first so nested markers read like brackets.
        for start, end in sorted(closing.get(position, ()), key=lambda passage: -passage[0]):
            if start < position:
                parts.append("]]" + ",".join(numbers[start, end]))
        for start, end in opening.get(position, ()):
            # An empty span still gets its marker so that every evidence number appears in the text.
            parts.append("[[" if end > position else "[[]]" + ",".join(numbers[start, end]))
        parts.append(text[position:following])
    return Text("".join(parts))


def _table(record: Analysis, plain: bool) -> Table:
    table = Table(box=box.ASCII if plain else box.SIMPLE_HEAD, title="Techniques found", title_justify="left")
    table.add_column("Technique")
    table.add_column("Count", justify="right")
    table.add_column("Mean score", justify="right")
    for row in summarise(record):
        label = Text(row.technique.label) if plain else Text(f" {row.technique.label} ", _swatch(row.technique))
        table.add_row(label, str(row.count), f"{row.mean_score:.2f}")
    return table


def _legend(record: Analysis, plain: bool) -> Text:
    if plain:
        return Text(
            "Legend: [[text]]n marks a passage that uses a technique; n is its number in the evidence below, "
            "[[text]]1,2 a passage with two. Markers may nest or cross where passages overlap.",
            style=_DIM,
        )
    legend = Text()
    legend.append("Legend: ", _BOLD)
    for row in summarise(record):
        legend.append(f" {row.technique.label} ", _swatch(row.technique))
        legend.append(" ")
    legend.append(
        "\nEach highlight's colour names its technique. Underlined text is covered by several techniques; "
        "the shortest span's colour shows there.",
        style=_DIM,
    )
    return legend


def _evidence(number: int, span: TechniqueSpan, plain: bool) -> Text:
    info = technique(span.technique)
    quoted = _safe(one_line(span.text))
    definition = f": {info.definition}" if info.definition else ""
    return Text.assemble(
        (f"[{number}] ", _BOLD),
        '"',
        (quoted, Style() if plain else _span_style(span)),
        '" — ',
        (info.label, _BOLD),
        f" (score {span.score:.2f})",
        (definition, _DIM),
    )
