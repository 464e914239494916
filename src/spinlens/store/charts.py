"""Outlet profile charts (PNG or SVG) drawn with matplotlib, for `spinlens report` and the web page."""

from __future__ import annotations

import io
from typing import Any, Literal

from matplotlib import patheffects
from matplotlib.figure import Figure

from spinlens.techniques.definitions import BY_NAME

Format = Literal["png", "svg"]
_OTHER = "#e0e0e0"


def _save(figure: Figure, fmt: Format) -> bytes:
    buffer = io.BytesIO()
    # No metadata: an SVG or PNG should not carry the machine's software versions or a timestamp.
    figure.savefig(buffer, format=fmt, bbox_inches="tight", dpi=110, metadata={"Date": None} if fmt == "svg" else {})
    return buffer.getvalue()


def distribution_chart(profile: dict[str, Any], fmt: Format = "svg") -> bytes:
    """Horizontal bars: spans per 1,000 words for each technique, in the techniques' report colours."""
    rows = [r for r in profile["techniques"] if r["spans"]] or profile["techniques"]
    rows = list(reversed(rows))
    figure = Figure(figsize=(7.5, 0.38 * len(rows) + 1.2))
    axes = figure.subplots()
    colours = [BY_NAME[r["technique"]].colour if r["technique"] in BY_NAME else _OTHER for r in rows]
    axes.barh([r["label"] for r in rows], [r["per_1000_words"] for r in rows], color=colours, edgecolor="#555555")
    axes.set_xlabel("spans per 1,000 words")
    noun = "article" if profile["articles"] == 1 else "articles"
    axes.set_title(f"{profile['outlet']}: techniques in {profile['articles']} {noun}", fontsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    return _save(figure, fmt)


def trend_chart(profile: dict[str, Any], fmt: Format = "svg", top: int = 5) -> bytes:
    """Lines: spans per 1,000 words per month for the outlet's most used techniques."""
    months = profile["months"]
    figure = Figure(figsize=(7.5, 3.8))
    axes = figure.subplots()
    if not months:
        axes.text(0.5, 0.5, "No dated articles", ha="center", va="center", transform=axes.transAxes)
        axes.set_axis_off()
        return _save(figure, fmt)
    leaders = [r["technique"] for r in profile["techniques"] if r["spans"]][:top]
    labels = [m["month"] for m in months]
    for name in leaders:
        values = [next(r["per_1000_words"] for r in m["techniques"] if r["technique"] == name) for m in months]
        colour = BY_NAME[name].colour if name in BY_NAME else _OTHER
        label = BY_NAME[name].label if name in BY_NAME else name
        # The technique colours are pale highlight colours; a dark casing keeps each line visible on white.
        casing = [patheffects.withStroke(linewidth=4.5, foreground="#444444")]
        axes.plot(
            labels,
            values,
            marker="o",
            color=colour,
            label=label,
            linewidth=2.5,
            markeredgecolor="#333333",
            path_effects=casing,
        )
    axes.set_ylabel("spans per 1,000 words")
    axes.set_title(f"{profile['outlet']}: per month", fontsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(axis="x", labelrotation=45)
    if leaders:
        axes.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    return _save(figure, fmt)
