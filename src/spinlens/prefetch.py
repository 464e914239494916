"""Work on a batch's records started early, on a thread of its own, and picked up when a layer runs.

The machine spinlens is sized for has two cores, and the costly parts of the pipeline leave one idle
when they run one after another: spaCy's parse and the check-worthiness model each use one core, and
between batches the technique model waits for the rest. Run side by side they keep both cores busy.
So a layer whose costly part needs only what earlier layers have already written (the text for the
technique model and the parse, the sentences for check-worthiness) starts it in its `prepare` hook,
and its `__call__` waits for the result.

Each `Prefetcher` runs its work on one thread (a model or a spaCy pipeline is then never used by two
threads at once, even when the web server analyses on several) and keeps the results of its last few
jobs (a job is one batch), so memory stays bounded by a few batches.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cached_property
from typing import Generic, TypeVar

from spinlens.record import Analysis

T = TypeVar("T")
# (id(record), text): the record itself is held beside its key, so that its id cannot be reused meanwhile
Key = tuple[int, str]


class Prefetcher(Generic[T]):
    """Per-record results of `work`, a function from a list of records to one result per record.

    When `work` raises on a batch, it is run again one record at a time, so that one record that
    breaks it gets its own exception (raised again by `results`) and the others their results.
    """

    # the batch being finished, the one read ahead (`Analyzer.run`), and room for a web request beside them
    KEEP_JOBS = 4

    def __init__(self, work: Callable[[list[Analysis]], Sequence[T]], *, name: str) -> None:
        self._work = work
        self._name = name
        self._lock = threading.Lock()
        self._job_count = 0
        # key -> (record, its job, its place in the job, the job's number)
        self._jobs: dict[Key, tuple[Analysis, Future[list[T | BaseException]], int, int]] = {}

    @cached_property
    def _thread(self) -> ThreadPoolExecutor:
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"spinlens-{self._name}")

    def start(self, batch: list[Analysis]) -> None:
        """Begin the work on the records of `batch` that have none started yet."""
        self._started(batch)

    def results(self, batch: list[Analysis]) -> list[T]:
        """The result for each record, waiting for work in progress and starting what was never started."""
        found = []
        for job, place in self._started(batch):
            result = job.result()[place]
            if isinstance(result, BaseException):
                raise result
            found.append(result)
        return found

    def _started(self, batch: list[Analysis]) -> list[tuple[Future[list[T | BaseException]], int]]:
        keys = [(id(record), record.article.text) for record in batch]
        with self._lock:
            missing = [(key, record) for key, record in zip(keys, batch, strict=True) if key not in self._jobs]
            if missing:
                self._job_count += 1
                job = self._thread.submit(self._run, [record for _, record in missing])
                for place, (key, record) in enumerate(missing):
                    self._jobs[key] = (record, job, place, self._job_count)
            found = [self._jobs[key] for key in keys]
            oldest, asked = self._job_count - self.KEEP_JOBS + 1, set(keys)
            for key in [k for k, entry in self._jobs.items() if entry[3] < oldest and k not in asked]:
                del self._jobs[key]
            return [(job, place) for _, job, place, _ in found]

    def _run(self, records: list[Analysis]) -> list[T | BaseException]:
        try:
            return list(self._work(records))
        except Exception:
            if len(records) == 1:
                raise
        outcomes: list[T | BaseException] = []
        for record in records:
            try:
                outcomes.extend(self._work([record]))
            except Exception as exc:
                outcomes.append(exc)
        return outcomes
