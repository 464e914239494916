"""The local engine: N worker processes on this machine, each loading the models once.

The main process reads the inputs into parts of `part_size` units and hands each part to a worker, never
more than two parts per worker at a time (back-pressure: memory stays flat however large the input). The
worker analyses the part and writes it itself (see `spinlens.batch.output`), so results never travel back
through the main process. A part's name is its position in the input stream, so a rerun finds the parts
already written and skips them, with any number of workers.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from spinlens.batch.output import Failure, OutputFolder, PartResult, write_part
from spinlens.batch.progress import Progress
from spinlens.batch.sources import Unit, iter_units
from spinlens.batch.work import Options, analyse
from spinlens.pipeline import Analyzer

DEFAULT_PART_SIZE = 256
# how often an orphaned worker checks that its parent is still alive
_WATCHDOG_SECONDS = 1.0


class WorkerDied(RuntimeError):
    """A worker process was killed (out of memory, by a signal); the parts written so far stay valid."""


class WorkerFailed(RuntimeError):
    """A worker could not build its pipeline (a missing or damaged model, say): no part can be analysed."""


def part_name(index: int) -> str:
    return f"part-{index:06d}"


def parts(units: Iterator[tuple[Unit, int]], size: int) -> Iterator[tuple[str, list[Unit], int]]:
    """(name, units, input bytes read) for consecutive runs of `size` units."""
    batch: list[Unit] = []
    index = 0
    position = 0
    for unit, position in units:
        batch.append(unit)
        if len(batch) == size:
            yield part_name(index), batch, position
            index += 1
            batch = []
    if batch:
        yield part_name(index), batch, position


def run_local(
    paths: list[str],
    folder: OutputFolder,
    options: Options,
    *,
    workers: int,
    part_size: int = DEFAULT_PART_SIZE,
    done: dict[str, PartResult],
    progress: Progress,
) -> dict[str, PartResult]:
    """Analyse every part not in `done`; returns the results of all parts, those of earlier runs included."""
    results = dict(done)
    context = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
    counter = context.Value("i", 0)
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(options, counter, workers)
    )
    pending: dict[Future[PartResult], tuple[str, int]] = {}

    def collect(futures) -> None:
        for future in futures:
            name, position = pending.pop(future)
            try:
                result = future.result()
            except BrokenProcessPool:
                raise WorkerDied("a worker process died (out of memory or killed)") from None
            except WorkerFailed:
                raise
            except Exception as exc:  # a bug outside what Analyzer.run contains: stop, with its name
                raise WorkerFailed(f"a worker failed on {name}: {type(exc).__name__}: {exc}") from None
            folder.mark_done(result)
            results[result.part] = result
            progress.advance(result.articles, result.failures, position)

    try:
        for name, units, position in parts(iter_units(paths, max_bytes=options.max_bytes), part_size):
            if name in done:
                progress.skip(done[name].articles, done[name].failures, position)
                continue
            while len(pending) >= 2 * workers:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                collect(finished)
            pending[pool.submit(_analyse_part, name, units, str(folder.path), folder.fmt)] = (name, position)
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            collect(finished)
    except KeyboardInterrupt:
        # stop now, not after the parts in hand: a part cut short never appears, and is done again on resume
        for child in multiprocessing.active_children():
            child.terminate()
        raise
    finally:
        pool.shutdown(wait=not pending, cancel_futures=True)
    return results


_analyzer: Analyzer | None = None
_startup_error: str | None = None


def _start_worker(options: Options, counter, workers: int) -> None:
    global _analyzer, _startup_error
    # Ctrl-C is the main process's to handle; a worker interrupted mid-write would only print a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with counter.get_lock():
        index = counter.value
        counter.value += 1
    cpus = sorted(os.sched_getaffinity(0))
    # each worker gets its own share of the cores, so the model's thread pools never fight over one core
    share = cpus[index % workers :: workers] if workers <= len(cpus) else [cpus[index % len(cpus)]]
    os.sched_setaffinity(0, share)
    _watch_parent(os.getppid())
    try:
        analyzer = options.analyzer()
        analyzer.models()  # load the models now, not inside the first part's timing
        _analyzer = analyzer
    except Exception as exc:  # told to the main process with the first part, not as a worker traceback
        _startup_error = f"a worker could not load the pipeline: {type(exc).__name__}: {exc}"


def _watch_parent(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_WATCHDOG_SECONDS)
        os._exit(1)  # the batch was killed: its rerun will redo this worker's part

    threading.Thread(target=watch, daemon=True, name="spinlens-parent-watch").start()


def _analyse_part(name: str, units: list[Unit], out: str, fmt: str) -> PartResult:
    if _analyzer is None:
        raise WorkerFailed(_startup_error or "a worker started without its pipeline")
    results = analyse(_analyzer, units)
    records = [r for r in results if not isinstance(r, Failure)]
    failures = [r for r in results if isinstance(r, Failure)]
    return write_part(Path(out), name, fmt, records, failures)
