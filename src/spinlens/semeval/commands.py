"""Command-line tools for SemEval-2020 Task 11 files: ``spinlens eval`` and ``spinlens label-spans``."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Protocol

import click
from rich.console import Console
from rich.table import Table

from spinlens.semeval.formats import UNLABELLED, Label, read_articles, read_numbered_labels, write_labels
from spinlens.semeval.metrics import SCORERS, Report


class SpanLabeller(Protocol):
    def label_spans(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[str, float]]: ...


class BadInput(click.ClickException):
    """A file the user gave cannot be used: one line on stderr and exit status 2, like a usage error."""

    exit_code = 2


def load_labeller() -> SpanLabeller:
    """The model behind ``label-spans``; tests replace this function to inject a fake."""
    # imported here so that eval, and the CLI's start-up, never pay for loading the model code
    from spinlens.modelfiles import ModelError
    from spinlens.techniques.model import load_model

    try:
        return load_model()
    except ModelError as exc:
        raise click.ClickException(str(exc)) from None


def _read_labels(path: Path) -> list[tuple[int, Label]]:
    try:
        return read_numbered_labels(path)
    except OSError as exc:
        raise BadInput(f"{path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise BadInput(str(exc)) from None


def _require_techniques(path: Path, labels: list[tuple[int, Label]], task: str) -> None:
    for lineno, label in labels:
        if label.technique == UNLABELLED:
            raise BadInput(f"{path}:{lineno}: the {task} task needs a technique on every label, not {UNLABELLED!r}")


def _print_text(task: str, report: Report) -> None:
    console = Console(file=sys.stdout, highlight=False)
    o = report.overall
    console.print(
        f"{task.upper()}  P {o.precision:.4f}  R {o.recall:.4f}  F1 {o.f1:.4f}  (predicted {o.n_pred}, gold {o.n_gold})"
    )
    if not report.per_technique:
        return
    table = Table("Technique", "P", "R", "F1", "Pred", "Gold")
    for name, s in report.per_technique.items():
        table.add_row(name, f"{s.precision:.4f}", f"{s.recall:.4f}", f"{s.f1:.4f}", str(s.n_pred), str(s.n_gold))
    console.print(table)


@click.command("eval")
@click.option("--task", type=click.Choice(sorted(SCORERS)), required=True, help="Which SemEval metric.")
@click.option("--gold", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Gold labels.")
@click.option("--pred", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Predictions.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def eval_command(task: str, gold: Path, pred: Path, output_format: str) -> None:
    """Score predicted SemEval-2020 Task 11 labels against gold ones (ID, TECHNIQUE, START, END lines).

    si ignores techniques; full scores spans and techniques; tc scores techniques on the gold spans.
    """
    gold_labels = _read_labels(gold)
    pred_labels = _read_labels(pred)
    if task != "si":
        _require_techniques(gold, gold_labels, task)
        _require_techniques(pred, pred_labels, task)
    report = SCORERS[task]([label for _, label in gold_labels], [label for _, label in pred_labels])
    if output_format == "json":
        payload = {
            "task": task,
            "overall": asdict(report.overall),
            "per_technique": {name: asdict(s) for name, s in report.per_technique.items()},
        }
        click.echo(json.dumps(payload, indent=2))
    else:
        _print_text(task, report)


def _batches(items: list[int], size: int, key: Callable[[int], object]) -> Iterator[list[int]]:
    """Batches of about `size` items; a batch never ends between two items of the same key, since the
    model gives the copies of a span distinct techniques only when it sees them together."""
    batch: list[int] = []
    for item in items:
        if len(batch) >= size and key(item) != key(batch[-1]):
            yield batch
            batch = []
        batch.append(item)
    if batch:
        yield batch


@click.command("label-spans")
@click.option(
    "--articles",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Directory of article<ID>.txt files.",
)
@click.option(
    "--spans",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Spans to label: ID<TAB>?<TAB>START<TAB>END lines (any technique given is replaced).",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Output file (default: stdout).")
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Most spans passed to the model in one call.",
)
def label_spans_command(articles: Path, spans: Path, out: Path | None, batch_size: int) -> None:
    """Predict the technique of each given span and write the labels back in input order.

    Lines naming an unknown article or a span outside its article are reported on stderr and left out of the
    output; the others are still labelled, and the exit status is 1.
    """
    numbered = _read_labels(spans)
    try:
        texts = read_articles(articles)
    except ValueError as exc:
        raise BadInput(str(exc)) from None

    # indices into `numbered` of the good lines, per article, so that results go back in input order
    todo: dict[str, list[int]] = defaultdict(list)
    bad = 0
    for index, (lineno, label) in enumerate(numbered):
        text = texts.get(label.article_id)
        if text is None:
            click.echo(f"{spans}:{lineno}: unknown article id {label.article_id}", err=True)
            bad += 1
        elif label.end > len(text):
            click.echo(
                f"{spans}:{lineno}: span {label.start}-{label.end} is outside article {label.article_id} "
                f"({len(text)} characters)",
                err=True,
            )
            bad += 1
        else:
            todo[label.article_id].append(index)

    techniques: dict[int, str] = {}
    if todo:
        model = load_labeller()
        for article_id, indices in todo.items():
            for batch in _batches(indices, batch_size, key=lambda i: (numbered[i][1].start, numbered[i][1].end)):
                batch_spans = [(numbered[i][1].start, numbered[i][1].end) for i in batch]
                predictions = model.label_spans(texts[article_id], batch_spans)
                for i, (technique, _score) in zip(batch, predictions, strict=True):
                    techniques[i] = technique

    labelled = [
        Label(label.article_id, techniques[i], label.start, label.end)
        for i, (_, label) in enumerate(numbered)
        if i in techniques
    ]
    if out is None:
        write_labels(labelled, sys.stdout)
    else:
        try:
            with open(out, "w", encoding="utf-8", newline="") as f:
                write_labels(labelled, f)
        except OSError as exc:
            raise BadInput(f"{out}: {exc.strerror or exc}") from None
    if bad:
        click.echo(f"{bad} of {len(numbered)} spans could not be labelled", err=True)
        click.get_current_context().exit(1)
