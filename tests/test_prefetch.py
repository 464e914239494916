"""Background work started early (`spinlens.prefetch`) and the order in which the Analyzer starts it."""

from __future__ import annotations

import threading

import pytest

from spinlens.pipeline import Analyzer
from spinlens.prefetch import Prefetcher
from spinlens.record import Analysis, Article, ModelInfo


def records(*texts: str) -> list[Analysis]:
    return [Analysis(article=Article(text=text)) for text in texts]


def test_work_started_early_is_done_once_and_read_in_order():
    calls: list[list[str]] = []

    def upper(batch: list[Analysis]) -> list[str]:
        calls.append([r.article.text for r in batch])
        return [r.article.text.upper() for r in batch]

    prefetch = Prefetcher(upper, name="test")
    batch = records("a", "b", "c")
    prefetch.start(batch)
    assert prefetch.results(batch) == ["A", "B", "C"]
    assert prefetch.results(batch[1:]) == ["B", "C"]  # a layer's retry one record at a time reuses them
    assert calls == [["a", "b", "c"]]


def test_work_runs_off_the_calling_thread():
    seen: list[str] = []

    def where(batch: list[Analysis]) -> list[None]:
        seen.append(threading.current_thread().name)
        return [None] * len(batch)

    Prefetcher(where, name="probe").results(records("x"))
    assert seen == ["spinlens-probe_0"]


def test_one_record_that_breaks_the_work_fails_alone():
    def picky(batch: list[Analysis]) -> list[int]:
        if any(r.article.text == "bad" for r in batch):
            raise ValueError("cannot read 'bad'")
        return [len(r.article.text) for r in batch]

    prefetch = Prefetcher(picky, name="test")
    good, bad, other = batch = records("good", "bad", "other")
    prefetch.start(batch)
    assert prefetch.results([good, other]) == [4, 5]
    with pytest.raises(ValueError, match="cannot read 'bad'"):
        prefetch.results([bad])


def test_only_the_last_few_jobs_are_kept():
    calls = []

    def count(batch: list[Analysis]) -> list[int]:
        calls.append(len(batch))
        return [1] * len(batch)

    prefetch = Prefetcher(count, name="test")
    first = records("first")
    prefetch.results(first)
    for i in range(Prefetcher.KEEP_JOBS):
        prefetch.results(records(f"later {i}"))
    prefetch.results(first)  # pushed out by newer jobs: computed again
    assert len(calls) == Prefetcher.KEEP_JOBS + 2


class Probe:
    """A layer that logs when it is prepared and called."""

    def __init__(self, name: str, log: list[str], after: tuple[str, ...] = (), prepares: bool = True) -> None:
        self.name, self.log, self.prepare_after = name, log, after
        if prepares:
            self.prepare = lambda batch: log.append(f"prepare {name} {batch[0].article.text}")

    def models(self) -> list[ModelInfo]:
        return []

    def __call__(self, batch: list[Analysis]) -> None:
        self.log.append(f"call {self.name} {batch[0].article.text}")


def test_layers_are_prepared_once_their_inputs_exist_and_the_next_batch_early():
    log: list[str] = []
    analyzer = Analyzer([])
    analyzer.components = [
        Probe("sentences", log, prepares=False),
        Probe("parse", log),
        Probe("claims", log, after=("sentences",)),
    ]
    list(analyzer.analyze_many(["one", "two"], batch_size=1))
    assert log == [
        "prepare parse one",
        "prepare parse two",  # read one batch ahead: its background work starts before "one" is finished
        "call sentences one",
        "prepare claims one",  # its input, the sentences, now exists
        "call parse one",
        "call claims one",
        "call sentences two",
        "prepare claims two",
        "call parse two",
        "call claims two",
    ]
