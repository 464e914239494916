"""Batch progress on stderr: articles, failures, rate, and an ETA from the share of input bytes read."""

from __future__ import annotations

import time
from typing import Any


class Progress:
    """Counts what is done; draws a rich progress bar when `show` (stderr is a terminal)."""

    def __init__(self, total_bytes: int, *, show: bool) -> None:
        self.articles = 0
        self.failures = 0
        self.skipped = 0
        self.started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None
        if show:
            from rich.console import Console
            from rich.progress import BarColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            self._bar = Bar(
                TextColumn("batch"),
                BarColumn(),
                TextColumn("{task.fields[counts]}"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._task = self._bar.add_task("batch", total=max(total_bytes, 1), counts="")
            self._bar.start()

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    def skip(self, articles: int, failures: int, position: int) -> None:
        """A part finished by an earlier run: counted in the totals, not in this run's rate."""
        self.skipped += articles + failures
        self._count(articles, failures, position)

    def advance(self, articles: int, failures: int, position: int) -> None:
        self._count(articles, failures, position)

    def _count(self, articles: int, failures: int, position: int) -> None:
        self.articles += articles
        self.failures += failures
        if self._bar is not None:
            rate = (self.articles + self.failures - self.skipped) / max(self.seconds, 1e-9)
            counts = f"{self.articles:,} articles, {self.failures:,} failed, {rate:.1f}/s"
            # parts finish out of order: the bar follows the furthest input position seen
            completed = max(position, self._bar.tasks[0].completed)
            self._bar.update(self._task, completed=completed, counts=counts)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def summary(self) -> dict[str, Any]:
        analysed = self.articles + self.failures - self.skipped
        seconds = self.seconds
        return {
            "articles": self.articles,
            "failures": self.failures,
            "resumed_from_earlier_runs": self.skipped,
            "seconds": round(seconds, 2),
            "articles_per_second": round(analysed / seconds, 2) if seconds > 0 else 0.0,
        }
