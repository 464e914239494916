"""The Ray engine: Ray Data reads the inputs, an actor pool analyses them, and a datasink writes the parts.

    read_datasource(InputSource)          one read task per input path, the same units as the local engine
      .map_batches(AnalyseBatch, ...)     a pool of actors, each building its `Analyzer` (models) once
      .write_datasink(PartSink)           each write task writes a part and its failures, atomically

It runs on an existing cluster (`address`) or on a local one started for the batch. The records are those
of the local engine for the same inputs, since both read with `spinlens.batch.sources` and analyse with
`spinlens.batch.work`; only how articles are grouped into part files differs. Needs `spinlens[ray]`.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import pickle
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
from ray.data import Datasink, Datasource
from ray.data.block import BlockAccessor, BlockMetadata
from ray.data.datasource import ReadTask

from spinlens.batch.output import Failure, OutputFolder, PartResult, write_part
from spinlens.batch.progress import Progress
from spinlens.batch.sources import iter_units
from spinlens.batch.work import Options, analyse

_ROWS_PER_BLOCK = 64


def _read_units(index: int, path: str, cwd: str, max_bytes: int) -> Iterator[pa.Table]:
    rows: dict[str, list[Any]] = {"input": [], "seq": [], "unit": []}
    # paths are read as the user gave them, from the driver's folder, so that every record's `source`
    # is what the local engine writes; on a cluster that folder must be on storage every node shares
    with contextlib.chdir(cwd):
        for seq, (unit, _) in enumerate(iter_units([path], max_bytes=max_bytes)):
            rows["input"].append(index)
            rows["seq"].append(seq)
            rows["unit"].append(pickle.dumps(unit))
            if len(rows["seq"]) == _ROWS_PER_BLOCK:
                yield pa.table(rows)
                rows = {name: [] for name in rows}
    if rows["seq"]:
        yield pa.table(rows)


class InputSource(Datasource):
    """The batch inputs as rows of (input, seq, pickled unit), read by the same code as the local engine."""

    def __init__(self, paths: list[str], max_bytes: int) -> None:
        self.paths = paths
        self.max_bytes = max_bytes
        self.cwd = os.getcwd()

    def estimate_inmemory_data_size(self) -> int | None:
        return None

    def get_read_tasks(self, parallelism: int, per_task_row_limit: int | None = None, data_context=None):
        return [
            ReadTask(
                functools.partial(_read_units, index, path, self.cwd, self.max_bytes),
                BlockMetadata(num_rows=None, size_bytes=None, exec_stats=None, input_files=(path,)),
                per_task_row_limit=per_task_row_limit,
            )
            for index, path in enumerate(self.paths)
        ]


class AnalyseBatch:
    """The map_batches callable: one per actor, so the models load once per actor."""

    def __init__(self, options: Options) -> None:
        self.analyzer = options.analyzer()
        self.analyzer.models()

    def __call__(self, batch: pa.Table) -> pa.Table:
        units = [pickle.loads(blob) for blob in batch.column("unit").to_pylist()]
        results = analyse(self.analyzer, units)
        return pa.table(
            {
                "input": batch.column("input"),
                "seq": batch.column("seq"),
                "record": [None if isinstance(r, Failure) else json.dumps(r, ensure_ascii=False) for r in results],
                "failure": [r.to_json() if isinstance(r, Failure) else None for r in results],
            }
        )


class PartSink(Datasink):
    """Writes each write task's rows as one part (see `spinlens.batch.output`), in input order within it."""

    def __init__(self, out: str, fmt: str) -> None:
        self.out = out
        self.fmt = fmt
        self.results: list[PartResult] = []

    def write(self, blocks, ctx) -> PartResult:
        rows = sorted(
            (row for block in blocks for row in BlockAccessor.for_block(block).to_arrow().to_pylist()),
            key=lambda row: (row["input"], row["seq"]),
        )
        records = [json.loads(row["record"]) for row in rows if row["record"] is not None]
        failures = [Failure(**json.loads(row["failure"])) for row in rows if row["failure"] is not None]
        name = f"part-ray-{ctx.task_idx:05d}-{uuid.uuid4().hex[:8]}"
        return write_part(Path(self.out), name, self.fmt, records, failures)

    def on_write_complete(self, write_result) -> None:
        self.results = [r for r in write_result.write_returns if r is not None]


def run_ray(
    paths: list[str],
    folder: OutputFolder,
    options: Options,
    *,
    workers: int | None,
    address: str | None,
    progress: Progress,
    show: bool = False,
) -> dict[str, PartResult]:
    import ray

    # Ray narrates every stage at INFO; the batch's own progress and summary say what a user needs
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.WARNING)
    try:
        if address:
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
        else:
            # "local": a cluster of our own, even where `ray start` left an address behind for ray.init to find
            ray.init(
                address="local",
                num_cpus=workers,
                include_dashboard=False,
                log_to_driver=False,
                logging_level=logging.WARNING,
            )
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = f"the Ray cluster at {address}" if address else "a local Ray cluster"
        raise RuntimeError(f"could not start or reach {where}: {str(exc).splitlines()[0]}") from None
    sink = PartSink(str(folder.path.resolve()), folder.fmt)
    try:
        _execute(ray, paths, options, workers, show, sink)
    except ray.exceptions.RayError as exc:  # an actor that cannot load the models, a node lost mid-run
        raise RuntimeError(f"the Ray batch failed: {str(exc).strip().splitlines()[-1]}") from None
    finally:
        ray.shutdown()
    for result in sink.results:
        folder.mark_done(result)
        progress.advance(result.articles, result.failures, 0)
    return {result.part: result for result in sink.results}


def _execute(ray, paths: list[str], options: Options, workers: int | None, show: bool, sink: PartSink) -> None:
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = show
    actors = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    (
        # reading and writing are light next to the model: they get no CPU of their own, or the
        # actors, one per CPU, would leave none for them and the pipeline would stall
        ray.data.read_datasource(InputSource(paths, options.max_bytes), num_cpus=0)
        .map_batches(
            AnalyseBatch,
            fn_constructor_args=(options,),
            batch_format="pyarrow",
            batch_size=options.batch_size,
            compute=ray.data.ActorPoolStrategy(size=actors),
            num_cpus=1,
        )
        .write_datasink(sink, ray_remote_args={"num_cpus": 0})
    )
