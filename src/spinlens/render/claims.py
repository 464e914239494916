"""The claims section of the terminal and HTML reports: check-worthy sentences, their numbers and dates made
explicit, and who said them when they sit in a quote."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from rich.console import RenderableType
from rich.style import Style
from rich.text import Text

from spinlens.record import Analysis, Claim, TextSpan
from spinlens.render._spans import one_line
from spinlens.render.voices import speaker_of

_DIM = Style(dim=True)
_BOLD = Style(bold=True)


def date_shown(value: str | None, period: str | None, published: bool) -> str:
    """A date's resolved value, or why it has none."""
    if value:
        return value
    if period == "fiscal year":
        return "unresolved (fiscal years start in different months)"
    if period == "season":
        return "unresolved (a winter spans two years)"
    return "unresolved" if published else "unresolved (no publication date)"


def said_by(record: Analysis, speaker: TextSpan) -> str:
    """A claim's speaker as the text names them, and the entity their quote resolves to ("She → Maria
    Zakharova"), as the quotes section shows them."""
    for quote in record.quotes:
        if quote.speaker is not None and (quote.speaker.start, quote.speaker.end) == (speaker.start, speaker.end):
            return speaker_of(record, quote)
    return one_line(speaker.text)


# "at least 33 people" shows as "≥ 33 people": a floor, a ceiling or an estimate, not the count itself
BOUND_SIGNS = {"lower": "≥ ", "upper": "≤ ", "approximate": "≈ "}


def values_of(claim: Claim, published: bool) -> list[str]:
    """One line per kind of value: the normalised numbers, then the dates as ISO dates or intervals."""
    lines = []
    if claim.quantities:
        lines.append(
            "numbers: " + " · ".join(BOUND_SIGNS.get(q.bound or "", "") + q.normalized for q in claim.quantities)
        )
    if claim.dates:
        dates = (f'"{one_line(d.text)}" → {date_shown(d.value, d.period, published)}' for d in claim.dates)
        lines.append("dates: " + " · ".join(dates))
    return lines


def text_sections(record: Analysis, plain: bool, safe: Callable[[str], str]) -> list[RenderableType]:
    if not record.claims:
        return []
    section = Text("Claims", style=_BOLD)
    section.append(" (sentences that assert something checkable, with their check-worthiness)", style=_DIM)
    for number, claim in enumerate(record.claims, start=1):
        said = f" said by {said_by(record, claim.speaker)}" if claim.speaker else ""
        section.append("\n")
        section.append_text(
            Text.assemble(
                (f"C{number} ", _BOLD),
                (f"{claim.score:.2f}", _DIM),
                " ",
                safe(one_line(claim.text)),
                (safe(said), _BOLD),
            )
        )
        for line in values_of(claim, bool(record.article.published)):
            section.append("\n    ")
            section.append(safe(line), style=_DIM)
    return [section]


def html_sections(record: Analysis, anchor: str) -> str:
    if not record.claims:
        return ""
    items = []
    for number, claim in enumerate(record.claims, start=1):
        said = f" <strong>said by {escape(said_by(record, claim.speaker))}</strong>" if claim.speaker else ""
        values = "".join(
            f'<br><span class="note">{escape(line)}</span>' for line in values_of(claim, bool(record.article.published))
        )
        items.append(
            f'<li id="{anchor}-c{number}"><span class="note">{claim.score:.2f}</span> '
            f"{escape(claim.text)}{said}{values}</li>\n"
        )
    return (
        '<section class="claims">\n<h3>Claims</h3>\n<p class="note">Sentences that assert something checkable, '
        f"with their check-worthiness; numbers and dates made explicit.</p>\n<ol>\n{''.join(items)}</ol>\n</section>\n"
    )
