"""`spinlens batch`: analyse whole crawls into a Parquet or JSON Lines folder, locally or on Ray.

Exit codes: 0 when every input was analysed, 1 when some failed (listed in DIR/errors.jsonl), 2 when all
failed, on usage errors, or when the batch could not finish (rerun the same command to resume it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from spinlens import __version__
from spinlens.batch.output import FORMATS, OutputError, OutputFolder, PartResult
from spinlens.batch.progress import Progress
from spinlens.batch.sources import input_bytes
from spinlens.batch.work import Options
from spinlens.options import layers_option, model_option


def _fingerprint(path: str) -> dict[str, Any]:
    """What identifies an input for resuming: a changed file makes the old parts meaningless."""
    target = Path(path)
    try:
        if target.is_dir():
            files = [Path(root) / name for root, _, names in os.walk(target) for name in names]
            stats = [f.stat() for f in files]
            return {
                "path": os.path.abspath(path),
                "files": len(stats),
                "size": sum(s.st_size for s in stats),
                "mtime_ns": max((s.st_mtime_ns for s in stats), default=0),
            }
        info = target.stat()
        return {"path": os.path.abspath(path), "size": info.st_size, "mtime_ns": info.st_mtime_ns}
    except OSError:
        return {"path": os.path.abspath(path), "missing": True}


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    "-o",
    required=True,
    type=click.Path(file_okay=False),
    help="Output folder: part files, errors.jsonl and a manifest (rerun into it to resume).",
)
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="parquet", show_default=True)
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option(
    "--workers",
    "-j",
    type=click.IntRange(1),
    help="Worker processes (local; default: the cores this process may use) or Ray actors (default: cluster CPUs).",
)
@click.option("--address", help="Ray cluster address (e.g. 10.0.0.5:6379); default: start a local one.")
@layers_option
@click.option(
    "--part-size",
    type=click.IntRange(1),
    default=256,
    show_default=True,
    help="Articles per part file (local engine): the unit of resuming.",
)
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), help="Fragment probability threshold.")
@click.option("--batch-size", type=click.IntRange(1, 512), default=16, show_default=True)
@click.option("--max-bytes", type=click.IntRange(1), default=5_000_000, show_default=True)
@click.option("--strict", is_flag=True, help="Refuse non-English text, or text with no words, instead of warning.")
@model_option
def batch_command(
    inputs, out, fmt, engine, workers, address, layers, part_size, threshold, batch_size, max_bytes, strict, model_dir
) -> None:
    """Analyse many articles: JSON Lines (.jsonl, .jsonl.gz, .jsonl.zst), Parquet (a `text` column), WARC
    (.warc, .warc.gz: HTML responses) and text/HTML files or folders of them.

    Each article becomes one row (Parquet) or line (JSON Lines) of OUT's part files; each failed input one
    line of OUT/errors.jsonl. Interrupted (Ctrl-C, kill, power cut)? Run the same command again: it
    skips the parts already written.
    """
    from spinlens.pipeline import available_layers

    if address and engine != "ray":
        raise click.UsageError("--address needs --engine ray")
    options = Options(
        layers=tuple(layers) if layers is not None else None,
        threshold=threshold,
        strict=strict,
        model_dir=model_dir,
        batch_size=batch_size,
        max_bytes=max_bytes,
    )
    unknown = [name for name in options.layers or () if name not in available_layers()]
    if unknown:
        raise click.UsageError(f"unknown layer(s) {', '.join(unknown)}; available: {', '.join(available_layers())}")
    request = {
        "spinlens": __version__,
        "inputs": [_fingerprint(path) for path in inputs],
        "options": options.describe(),
        "format": fmt,
        "engine": engine,
        "part_size": part_size if engine == "local" else None,
    }
    folder = OutputFolder(out, fmt)
    try:
        done = folder.open(request)
    except OutputError as exc:
        raise click.UsageError(str(exc)) from None
    # Ray draws its own per-stage progress bars; two bars at once would garble the terminal
    progress = Progress(input_bytes(inputs), show=sys.stderr.isatty() and engine == "local")
    try:
        results = _run(engine, list(inputs), folder, options, workers, address, part_size, done, progress)
    except KeyboardInterrupt:
        progress.close()
        click.echo(f"spinlens: interrupted; run the same command again to resume into {out}", err=True)
        sys.exit(130)
    except RuntimeError as exc:  # a worker died or could not load the models, or Ray is out of reach
        progress.close()
        click.echo(f"spinlens: {' '.join(str(exc).split())}", err=True)
        click.echo(f"spinlens: the parts written so far are kept; rerun the same command to resume ({out})", err=True)
        sys.exit(2)
    progress.close()
    summary = progress.summary()
    folder.finish(request, results, summary)
    rate = f"{summary['articles_per_second']:,.1f} articles/s"
    resumed = f", {summary['resumed_from_earlier_runs']:,} from an earlier run" if progress.skipped else ""
    click.echo(
        f"spinlens: {summary['articles']:,} articles, {summary['failures']:,} failed{resumed}, "
        f"in {summary['seconds']:,.1f} s ({rate}) -> {out}",
        err=True,
    )
    if summary["failures"]:
        click.echo(f"spinlens: failures are listed in {Path(out) / 'errors.jsonl'}", err=True)
    if summary["failures"] and not summary["articles"]:
        sys.exit(2)
    sys.exit(1 if summary["failures"] else 0)


def _run(engine, inputs, folder, options, workers, address, part_size, done, progress) -> dict[str, PartResult]:
    if engine == "ray":
        try:
            from spinlens.batch.ray_engine import run_ray
        except ImportError:
            raise click.UsageError("--engine ray needs Ray: pip install 'spinlens[ray]'") from None
        # Ray groups articles into parts as its blocks fall, so no two runs share part names: a Ray batch
        # does not resume, it starts over
        folder.clear_parts()
        return run_ray(
            inputs, folder, options, workers=workers, address=address, progress=progress, show=sys.stderr.isatty()
        )
    from spinlens.batch.local import run_local

    return run_local(
        inputs,
        folder,
        options,
        workers=workers or len(os.sched_getaffinity(0)),
        part_size=part_size,
        done=done,
        progress=progress,
    )
