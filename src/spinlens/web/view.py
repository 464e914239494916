"""What an article page shows, built from an analysis record as a plain dict.

Stored records are read as dicts, not `Analysis` objects, so that a record written by an older or newer
spinlens still shows; layers other than techniques (claims, quotes, entities, ...) are found by looking at
the record's keys, and shown when present.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from spinlens.record import TechniqueSpan
from spinlens.render._spans import has_own_marks, ordered, technique
from spinlens.render.claims import BOUND_SIGNS, date_shown
from spinlens.render.html import css_class, evidence_list, marked_text

CORE_KEYS = {"schema_version", "article", "techniques", "sentences", "score", "warnings", "models"}
# Known layers come first, in this order; any other list-valued layer follows under its own name.
PANEL_ORDER = ("claims", "quotes", "entities")
_HIDDEN_FIELDS = {"start", "end", "text"}


@dataclass(frozen=True)
class LegendRow:
    technique: str
    label: str
    css: str
    definition: str
    count: int
    mean_score: float


@dataclass(frozen=True)
class Item:
    text: str
    fields: list[tuple[str, str]]
    weight: tuple[int, int] = (0, 0)

    @property
    def own_marks(self) -> bool:
        return has_own_marks(self.text)


@dataclass(frozen=True)
class Panel:
    key: str
    title: str
    items: list[Item]


@dataclass(frozen=True)
class ArticleView:
    title: str
    meta: list[tuple[str, str]]
    url: str | None
    warnings: list[dict[str, Any]]
    legend: list[LegendRow]
    marked_text: Markup
    evidence: Markup
    panels: list[Panel]
    score: float
    span_count: int


def article_view(record: dict[str, Any], anchor: str = "a1") -> ArticleView:
    article = record.get("article") or {}
    text = article.get("text") or ""
    spans = ordered([TechniqueSpan.model_validate(s) for s in record.get("techniques") or []])
    legend = _legend(spans)
    meta = [
        (name, str(article.get(key)))
        for name, key in (
            ("outlet", "outlet"),
            ("published", "published"),
            ("author", "author"),
            ("id", "id"),
            ("source", "source"),
            ("language", "language"),
        )
        if article.get(key)
    ]
    models = ", ".join(f"{m.get('name')} {m.get('version')}" for m in record.get("models") or [])
    if models:
        meta.append(("model", models))
    url = article.get("url")
    return ArticleView(
        title=article.get("title") or (f"Article {article['id']}" if article.get("id") else None) or "Untitled article",
        meta=meta,
        url=url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None,
        warnings=[w for w in record.get("warnings") or [] if isinstance(w, dict)],
        legend=legend,
        # Both helpers escape every piece of article text they emit (see render/html.py).
        marked_text=Markup(marked_text(text, spans, anchor)),
        evidence=Markup(evidence_list(spans, anchor)),
        panels=panels(record, text),
        score=float(record.get("score") or 0.0),
        span_count=len(spans),
    )


def _legend(spans: list[TechniqueSpan]) -> list[LegendRow]:
    scores: dict[str, list[float]] = {}
    for span in spans:
        scores.setdefault(span.technique, []).append(span.score)
    rows = []
    for name, values in scores.items():
        info = technique(name)
        rows.append(
            LegendRow(name, info.label, css_class(name), info.definition, len(values), sum(values) / len(values))
        )
    return sorted(rows, key=lambda r: (-r.count, r.label))


def panels(record: dict[str, Any], text: str) -> list[Panel]:
    keys = [k for k in PANEL_ORDER if k in record] + sorted(
        k for k in record if k not in CORE_KEYS and k not in PANEL_ORDER
    )
    entity_list = record.get("entities") if isinstance(record.get("entities"), list) else []
    found = []
    for key in keys:
        value = record[key]
        if not isinstance(value, list):
            continue
        if key == "claims":
            quotes = record.get("quotes") if isinstance(record.get("quotes"), list) else []
            article = record.get("article") if isinstance(record.get("article"), dict) else {}
            published = bool(article.get("published"))
            items = [_claim(v, quotes, entity_list, published) for v in value if isinstance(v, dict)]
        elif key == "quotes":
            items = [_quote(v, entity_list) for v in value if isinstance(v, dict)]
        elif key == "entities":
            items = [_entity(v) for v in value if isinstance(v, dict)]
            # the most labelled and most mentioned first: who the article pins labels on
            items.sort(key=lambda item: (-item.weight[0], -item.weight[1]))
        else:
            items = [_item(v, text) for v in value]
        found.append(Panel(key, key.replace("_", " ").capitalize(), items))
    return found


def _span_text(value: Any) -> str | None:
    return value.get("text") if isinstance(value, dict) and isinstance(value.get("text"), str) else None


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _claim(claim: dict[str, Any], quotes: list[Any], entity_list: list[Any], published: bool) -> Item:
    fields = [("check-worthiness", _scalar(claim.get("score")))]
    for quantity in claim.get("quantities") or []:
        if isinstance(quantity, dict):
            shown = str(quantity.get("normalized") or quantity.get("value"))
            fields.append((f"“{quantity.get('text')}”", BOUND_SIGNS.get(str(quantity.get("bound")), "") + shown))
    for when in claim.get("dates") or []:
        if isinstance(when, dict):
            shown = date_shown(_str_or_none(when.get("value")), _str_or_none(when.get("period")), published)
            fields.append((f"“{when.get('text')}”", shown))
    if speaker := _span_text(claim.get("speaker")):
        fields.append(("speaker", speaker))
        quote = _quote_said_by(quotes, claim["speaker"])
        if quote is not None:
            fields += [f for f in _who(quote, entity_list) if f[1] != speaker]
    return Item(str(claim.get("text") or ""), fields)


def _quote_said_by(quotes: list[Any], speaker: dict[str, Any]) -> dict[str, Any] | None:
    """The quote whose speaker span is this one: the quote a claim sits in."""
    where = (speaker.get("start"), speaker.get("end"))
    for quote in quotes:
        said = quote.get("speaker") if isinstance(quote, dict) else None
        if isinstance(said, dict) and (said.get("start"), said.get("end")) == where:
            return quote
    return None


def _quote(quote: dict[str, Any], entity_list: list[Any]) -> Item:
    fields = [("speaker", _span_text(quote.get("speaker")) or "not named")]
    fields += _who(quote, entity_list)
    if cue := _span_text(quote.get("cue")):
        fields.append(("cue", cue))
    fields.append(("kind", "direct quote" if quote.get("direct") else "reported speech"))
    return Item(_span_text(quote.get("content")) or "", fields)


def _who(quote: dict[str, Any], entity_list: list[Any]) -> list[tuple[str, str]]:
    """The entity a quote's speaker resolves to, as a field, if any."""
    index = quote.get("speaker_entity")
    if isinstance(index, int) and 0 <= index < len(entity_list) and isinstance(entity_list[index], dict):
        return [("who", str(entity_list[index].get("name")))]
    return []


def _entity(entity: dict[str, Any]) -> Item:
    mentions = entity.get("mentions") if isinstance(entity.get("mentions"), list) else []
    labels = [label for label in entity.get("labels") or [] if isinstance(label, dict)]
    fields = [("type", str(entity.get("type") or "")), ("mentions", str(len(mentions)))]
    for label in labels:
        fields.append((technique(str(label.get("technique"))).label, str(label.get("text"))))
    return Item(str(entity.get("name") or ""), fields, weight=(len(labels), len(mentions)))


def _item(value: Any, text: str) -> Item:
    if not isinstance(value, dict):
        return Item(_scalar(value), [])
    shown = value.get("text")
    start, end = value.get("start"), value.get("end")
    if (
        not isinstance(shown, str)
        and isinstance(start, int)
        and isinstance(end, int)
        and 0 <= start <= end <= len(text)
    ):
        shown = text[start:end]
    fields: list[tuple[str, str]] = []
    for key, field in value.items():
        if key in _HIDDEN_FIELDS:
            continue
        if isinstance(field, dict):
            inner = field.get("text") if isinstance(field.get("text"), str) else None
            if inner is not None:
                fields.append((key, inner))
            else:
                fields.extend((f"{key} {k}", _scalar(v)) for k, v in field.items() if not isinstance(v, dict | list))
        elif isinstance(field, list):
            fields.append((key, ", ".join(_scalar(v.get("text") if isinstance(v, dict) else v) for v in field)))
        elif field is not None:
            fields.append((key.replace("_", " "), _scalar(field)))
    return Item(shown if isinstance(shown, str) else "", fields)


def _scalar(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value)
