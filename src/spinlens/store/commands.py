"""`spinlens ingest` and `spinlens report`: fill the corpus store and print an outlet's profile."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from spinlens.options import build_analyzer, layers_option, model_option, outlet_option, published_option

DB_HELP = "SQLite file or postgresql:// URL (default: $SPINLENS_DB, else ./spinlens.db)."


def open_store(db: str | None):
    # imported here so that `spinlens --help` does not pay for SQLAlchemy and Alembic
    from spinlens.store.database import Store, StoreError

    try:
        return Store(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


def _progress(total: int, enabled: bool):
    def wrap(results) -> Iterator:
        if not enabled:
            yield from results
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TextColumn("ETA"), TimeRemainingColumn())
        with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("ingest", total=total)
            for result in results:
                yield result
                progress.advance(task)

    return wrap


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@outlet_option
@published_option
@click.option("--db", help=DB_HELP)
@click.option("--reanalyze", is_flag=True, help="Re-analyse stored articles that an older model analysed.")
@click.option("--batch-size", type=click.IntRange(1, 512), default=16, show_default=True)
@click.option(
    "--max-bytes", type=click.IntRange(1), default=5_000_000, show_default=True, help="Refuse inputs larger than this."
)
@layers_option
@model_option
def ingest_command(paths, outlet, published, db, reanalyze, batch_size, max_bytes, layers, model_dir) -> None:
    """Analyse articles and store them; articles already stored are skipped, so a stopped run resumes."""
    from spinlens.inputs.readers import read_inputs
    from spinlens.store.ingest import IngestStats, ingest, plan

    store = open_store(db)
    analyzer = build_analyzer(layers, model_dir=model_dir, batch_size=batch_size)
    inputs = read_inputs(paths, max_bytes=max_bytes)
    todo = plan(store, inputs, analyzer=analyzer, outlet=outlet, published=published, reanalyze=reanalyze)
    from spinlens.store.database import StoreError

    for error in todo.failed:
        click.echo(f"spinlens: {error.source}: {error.message}", err=True)
    stats = IngestStats(skipped=todo.skipped)
    progress = _progress(len(todo.pending), sys.stderr.isatty() and len(todo.pending) > 1)
    try:
        ingest(store, analyzer, todo.pending, batch_size=batch_size, stats=stats, progress=progress)
    except KeyboardInterrupt:
        click.echo(
            f"spinlens: interrupted after storing {stats.stored + stats.reanalysed} articles; "
            "run the same command again to resume",
            err=True,
        )
        sys.exit(130)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    for error in stats.failed:
        click.echo(f"spinlens: {error.source}: {error.message}", err=True)
    failed = len(todo.failed) + len(stats.failed)
    click.echo(
        f"stored {stats.stored}, re-analysed {stats.reanalysed}, already stored {stats.skipped}, failed {failed} "
        f"({store.display})",
        err=True,
    )
    sys.exit(1 if failed else 0)


@click.command("report")
@click.option("--outlet", required=True, help="The outlet to profile, as stored.")
@click.option("--db", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--charts",
    "chart_dir",
    type=click.Path(file_okay=False),
    help="Write the technique-distribution and per-month charts into this folder.",
)
@click.option("--chart-format", type=click.Choice(["png", "svg"]), default="png", show_default=True)
def report_command(outlet, db, fmt, chart_dir, chart_format) -> None:
    """Print an outlet's profile: per technique, spans per 1,000 words and share of articles, overall and monthly."""
    from spinlens.store.profile import outlets, profile

    store = open_store(db)
    result = profile(store, outlet)
    if result is None:
        known = ", ".join(o["outlet"] for o in outlets(store)[:10]) or "none"
        raise click.ClickException(f"no articles from outlet {outlet!r} in {store.display} (outlets: {known})")
    if fmt == "json":
        click.echo(json.dumps(result, indent=2))
    else:
        _print_profile(result)
    if chart_dir:
        from spinlens.store.charts import distribution_chart, trend_chart

        folder = Path(chart_dir)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for name, draw in (("techniques", distribution_chart), ("trend", trend_chart)):
                path = folder / f"{name}.{chart_format}"
                path.write_bytes(draw(result, chart_format))
                click.echo(f"wrote {path}", err=True)
        except OSError as exc:
            raise click.ClickException(f"cannot write charts to {folder}: {exc.strerror}") from None


def _print_profile(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    dates = f"{result['first_published']} to {result['last_published']}" if result["first_published"] else "undated"
    console.print(
        f"[bold]{_plain(result['outlet'])}[/bold]: {result['articles']} articles, {result['words']:,} words ({dates})",
        highlight=False,
    )
    table = Table("technique", "spans", "per 1,000 words", "share of articles", title="Overall")
    for row in result["techniques"]:
        table.add_row(
            row["label"], str(row["spans"]), f"{row['per_1000_words']:.2f}", f"{row['share_of_articles']:.0%}"
        )
    console.print(table)
    if result["months"]:
        leaders = [r["technique"] for r in result["techniques"] if r["spans"]][:5]
        monthly = Table("month", "articles", *[_label(result, t) for t in leaders], title="Per month (per 1,000 words)")
        for month in result["months"]:
            rates = {r["technique"]: r["per_1000_words"] for r in month["techniques"]}
            monthly.add_row(month["month"], str(month["articles"]), *[f"{rates[t]:.2f}" for t in leaders])
        console.print(monthly)
    if result["entities"]:
        people = Table("entity", "type", "labels", "mentions", "articles", title="Entities, the most labelled first")
        for entity in result["entities"]:
            people.add_row(
                _plain(entity["text"]),
                _plain(entity["type"] or ""),
                str(entity["labels"]),
                str(entity["mentions"]),
                str(entity["articles"]),
            )
        console.print(people)


def _label(result: dict, technique: str) -> str:
    return next(r["label"] for r in result["techniques"] if r["technique"] == technique)


def _plain(value: str) -> str:
    from rich.markup import escape

    return escape(value)
