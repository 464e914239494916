"""Command-line options that several commands share, and the Analyzer they build from them."""

from __future__ import annotations

from typing import Any

import click


def _split_layers(_ctx: click.Context, _param: click.Parameter, value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [name.strip() for name in value.split(",") if name.strip()]


layers_option = click.option(
    "--layers", callback=_split_layers, help="Comma-separated pipeline layers to run (default: all)."
)
model_option = click.option(
    "--model",
    "model_dir",
    type=click.Path(file_okay=False, exists=True),
    help="A technique model folder (default: the bundled model).",
)


outlet_option = click.option("--outlet", help="Outlet of the articles whose input names none.")


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


published_option = click.option(
    "--published",
    metavar="YYYY-MM-DD",
    callback=_iso_date,
    help="Publication date of the articles whose input gives none, against which 'last Thursday' resolves.",
)


def build_analyzer(layers: list[str] | None, **options: Any):  # -> spinlens.pipeline.Analyzer
    """The Analyzer for a command's options; an unknown layer is a usage error, not a traceback."""
    from spinlens.pipeline import Analyzer

    try:
        return Analyzer(layers, **options)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
