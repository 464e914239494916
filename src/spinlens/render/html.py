"""The HTML report: one self-contained page (inline CSS, no script, nothing fetched) for all articles.

Everything that comes from an article is escaped, since fact-checkers open reports on hostile pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from html import escape
from importlib.resources import files
from typing import TextIO
from urllib.parse import urlsplit

from spinlens.record import Analysis, TechniqueSpan
from spinlens.render import claims
from spinlens.render._spans import (
    UNKNOWN_COLOUR,
    Segment,
    display_title,
    ordered,
    q_class,
    segments,
    summarise,
    technique,
)
from spinlens.render.voices import html_sections
from spinlens.techniques.definitions import BY_NAME, TECHNIQUES

_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")

_POLICY = "default-src 'none'; style-src 'unsafe-inline'"

_INTRO = (
    "Highlighted passages use one of the 14 persuasion techniques of the SemEval-2020 Task 11 corpus. "
    "Scores are the model's confidence, not a verdict: spinlens names techniques; it does not judge "
    "whether a claim is true or which side is right. Hover a highlight for its definition, or follow its "
    "number."
)


def write_html(records: Iterable[Analysis], out: TextIO) -> None:
    out.write(_page_head())
    count = 0
    for count, record in enumerate(records, start=1):
        out.write(_article(record, f"a{count}"))
        out.flush()
    if not count:
        out.write('<p class="note">No articles were analysed.</p>\n')
    out.write("</main>\n</body>\n</html>\n")


def css_class(name: str) -> str:
    # Technique names hold commas, which CSS selectors can't take unescaped; a slug keeps the rules plain.
    if name not in BY_NAME:
        return "t-other"
    return "t-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@cache
def _style() -> str:
    base = files("spinlens.render").joinpath("report.css").read_text(encoding="utf-8")
    colours = [f".{css_class(t.name)} {{ background-color: {t.colour}; }}" for t in TECHNIQUES]
    colours.append(f".t-other {{ background-color: {UNKNOWN_COLOUR}; }}")
    return base + "\n".join(colours) + "\n"


def _page_head() -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # Forbids scripts and remote loads even if something unescaped ever slipped through.
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n'
        "<title>spinlens report</title>\n"
        f"<style>\n{_style()}</style>\n</head>\n<body>\n<main>\n"
        f'<h1>spinlens report</h1>\n<p class="intro">{escape(_INTRO)}</p>\n'
    )


def _article(record: Analysis, anchor: str) -> str:
    spans = ordered(record.techniques)
    language = record.article.language
    lang = f' lang="{escape(language)}"' if language and _LANGUAGE_TAG.fullmatch(language) else ""
    parts = [
        f'<article class="analysis" id="{anchor}">\n<header>\n<h2>{escape(display_title(record))}</h2>\n',
        _meta(record),
        "</header>\n",
    ]
    if record.warnings:
        items = "".join(
            f"<li><strong>Warning</strong> ({escape(w.layer)}, <code>{escape(w.code)}</code>): "
            f"{escape(w.message)}</li>\n"
            for w in record.warnings
        )
        parts.append(f'<ul class="warnings">\n{items}</ul>\n')
    parts.append(_legend(record))
    parts.append(f'<div class="text"{lang}>{marked_text(record.article.text, spans, anchor)}</div>\n')
    parts.append(evidence_list(spans, anchor))
    parts.append(claims.html_sections(record, anchor))
    parts.append(html_sections(record, anchor))
    parts.append("</article>\n")
    return "".join(parts)


def _meta(record: Analysis) -> str:
    article = record.article
    facts: list[tuple[str, str]] = [
        ("id", escape(article.id or "")),
        ("outlet", escape(article.outlet or "")),
        ("author", escape(article.author or "")),
        ("published", escape(article.published or "")),
        ("url", _link(article.url or "")),
        ("source", escape(article.source or "")),
        ("language", escape(article.language or "")),
        ("persuasion score", f"{record.score:.2f}"),
        ("model", escape(", ".join(f"{m.name} {m.version}" for m in record.models) or "none recorded")),
    ]
    items = "".join(f"<div><dt>{name}</dt><dd>{value}</dd></div>\n" for name, value in facts if value)
    note = '<p class="note">Persuasion score: the share of the text in sentences that use a technique.</p>\n'
    return f'<dl class="meta">\n{items}</dl>\n{note}'


def _link(url: str) -> str:
    # Only web links become clickable: a `javascript:` or `data:` URL from an article stays inert text.
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:  # e.g. an unbalanced "[" in the host; still worth showing as text
        scheme = ""
    if scheme in ("http", "https"):
        return f'<a href="{escape(url)}" rel="noopener noreferrer nofollow">{escape(url)}</a>'
    return escape(url)


def _legend(record: Analysis) -> str:
    rows = summarise(record)
    if not rows:
        return '<p class="note">No persuasion techniques found.</p>\n'
    body = "".join(
        f'<tr><td><span class="swatch {css_class(row.technique.name)}"></span>'
        f"{escape(row.technique.label)}</td>"
        f'<td class="num">{row.count}</td><td class="num">{row.mean_score:.2f}</td></tr>\n'
        for row in rows
    )
    return (
        '<table class="legend">\n<caption class="note">Techniques found: colour key. Underlined text is '
        "covered by more than one technique; the shortest span's colour shows there.</caption>\n"
        '<thead><tr><th scope="col">Technique</th><th scope="col" class="num">Count</th>'
        '<th scope="col" class="num">Mean score</th></tr></thead>\n'
        f"<tbody>\n{body}</tbody>\n</table>\n"
    )


def marked_text(text: str, spans: Sequence[TechniqueSpan], anchor: str) -> str:
    """Escaped text with one `<mark>` per span, split wherever spans cross so the elements nest properly.

    Each piece of text gets the stack of spans covering it, outermost first. Moving to the next piece closes
    marks down to the longest prefix the two stacks share and opens the rest, so a span that crosses another
    is closed and reopened as a second element carrying the same data attributes.
    """
    ending: dict[int, list[int]] = {}
    for index, span in enumerate(spans):
        ending.setdefault(span.end, []).append(index)
    parts: list[str] = []
    stack: list[int] = []
    # The final empty segment closes what is still open and places the references of spans ending there.
    for segment in [*segments(text, spans), Segment(len(text), len(text), ())]:
        keep = 0
        while keep < min(len(stack), len(segment.active)) and stack[keep] == segment.active[keep]:
            keep += 1
        parts.extend("</mark>" for _ in stack[keep:])
        del stack[keep:]
        # The number after each span is how a reader without hover (a phone) finds its definition.
        parts.extend(_reference(index + 1, anchor) for index in ending.get(segment.start, ()))
        for index in segment.active[keep:]:
            parts.append(_open_mark(spans[index], index + 1))
            stack.append(index)
        parts.append(escape(text[segment.start : segment.end]))
    return "".join(parts)


def _describe(span: TechniqueSpan) -> str:
    info = technique(span.technique)
    definition = f": {info.definition}" if info.definition else ""
    return f"{info.label} (score {span.score:.2f}){definition}"


def _open_mark(span: TechniqueSpan, number: int) -> str:
    return (
        f'<mark class="{css_class(span.technique)}" data-technique="{escape(span.technique)}" '
        f'data-start="{span.start}" data-end="{span.end}" data-score="{span.score:.3f}" data-ref="{number}" '
        f'title="{escape(_describe(span))}">'
    )


def _reference(number: int, anchor: str) -> str:
    return f'<sup class="ref" id="{anchor}-r{number}"><a href="#{anchor}-e{number}">{number}</a></sup>'


def evidence_list(spans: Sequence[TechniqueSpan], anchor: str) -> str:
    if not spans:
        return ""
    items = []
    for number, span in enumerate(spans, start=1):
        info = technique(span.technique)
        definition = f': <span class="def">{escape(info.definition)}</span>' if info.definition else ""
        items.append(
            f'<li id="{anchor}-e{number}"><q{q_class(span.text, css_class(span.technique))}>{escape(span.text)}</q> — '
            f"<strong>{escape(info.label)}</strong> (score {span.score:.2f}){definition} "
            f'<a class="back" href="#{anchor}-r{number}" aria-label="back to passage {number}">↩</a></li>\n'
        )
    return f'<section class="evidence">\n<h3>Evidence</h3>\n<ol>\n{"".join(items)}</ol>\n</section>\n'
