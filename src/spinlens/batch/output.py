"""The batch output folder: part files written atomically, an errors file and a manifest.

Layout of `--out DIR`::

    DIR/articles/part-000000.parquet  one row per article (or part-000000.jsonl: one record a line)
    DIR/errors.jsonl            one line per failed input: {"id", "input", "reason"}
    DIR/_spinlens/manifest.json what was asked (inputs, options) and, once finished, the totals
    DIR/_spinlens/done.jsonl    one line per completed part: what a rerun skips
    DIR/_spinlens/errors-*.jsonl each part's failures, joined into errors.jsonl at the end

A part is complete exactly when its file exists: it is written under a temporary name, flushed to disk and
renamed, so a kill or power cut leaves either the whole part or none of it. `DIR/articles` holds nothing
else, so pandas, Arrow and DuckDB read it as one data set.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ARTICLES = "articles"
STATE = "_spinlens"
MANIFEST = "manifest.json"
DONE_LOG = "done.jsonl"
ERRORS = "errors.jsonl"
FORMATS = ("parquet", "jsonl")


class OutputError(Exception):
    """The output folder cannot be used for this batch; the message says why in one line."""


@dataclass
class Failure:
    id: str | None
    input: str
    reason: str

    def to_json(self) -> str:
        return json.dumps({"id": self.id, "input": self.input, "reason": self.reason}, ensure_ascii=False)


@dataclass
class PartResult:
    part: str
    articles: int
    failures: int


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _atomic_write(path: Path, write) -> None:
    """Write through `write(tmp_path)`, then move the result into place in one step."""
    # unique per writer: a worker orphaned by a killed run may still be finishing the same part
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(tmp)
        with open(tmp, "rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(path.parent)


def write_part(out: Path, name: str, fmt: str, records: list[dict[str, Any]], failures: list[Failure]) -> PartResult:
    """Write one part's articles and failures; the articles file, renamed last, marks the part complete."""
    errors_text = "".join(f.to_json() + "\n" for f in failures)
    _atomic_write(out / STATE / f"errors-{name}.jsonl", lambda tmp: tmp.write_text(errors_text, encoding="utf-8"))
    if fmt == "parquet":
        import pyarrow.parquet as pq

        from spinlens.batch.arrow import to_table

        table = to_table(records)
        _atomic_write(out / ARTICLES / f"{name}.parquet", lambda tmp: pq.write_table(table, tmp, compression="zstd"))
    else:
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        _atomic_write(out / ARTICLES / f"{name}.jsonl", lambda tmp: tmp.write_text(lines, encoding="utf-8"))
    return PartResult(name, len(records), len(failures))


class OutputFolder:
    """The state of one batch's output folder, for starting, resuming and finishing it."""

    def __init__(self, path: str | Path, fmt: str) -> None:
        self.path = Path(path)
        self.fmt = fmt
        self.state = self.path / STATE
        self.articles = self.path / ARTICLES

    def open(self, request: dict[str, Any]) -> dict[str, PartResult]:
        """Start or resume the batch described by `request`; returns the parts already complete."""
        if self.path.exists() and not self.path.is_dir():
            raise OutputError(f"--out {self.path} is a file; batch output is a folder")
        manifest_path = self.state / MANIFEST
        if manifest_path.is_file():
            try:
                previous = json.loads(manifest_path.read_text(encoding="utf-8"))
            except json.JSONDecodeError:
                previous = {}
            if previous.get("request") != request:
                raise OutputError(
                    f"--out {self.path} holds a batch of other inputs or options; use another folder or remove it"
                )
        elif self.path.is_dir() and any(not p.name.startswith(".") for p in self.path.iterdir()):
            raise OutputError(f"--out {self.path} exists and is not a spinlens batch folder")
        self.state.mkdir(parents=True, exist_ok=True)
        self.articles.mkdir(exist_ok=True)
        for torn in [*self.path.glob(".*.tmp"), *self.articles.glob(".*.tmp"), *self.state.glob(".*.tmp")]:
            torn.unlink(missing_ok=True)  # left by a run killed mid-write; never renamed, so never counted
        if not manifest_path.is_file():
            self._write_manifest({"request": request, "complete": False})
        return self.completed()

    def completed(self) -> dict[str, PartResult]:
        done: dict[str, PartResult] = {}
        log = self.state / DONE_LOG
        if not log.is_file():
            return done
        for line in log.read_text(encoding="utf-8").splitlines():
            try:
                entry = PartResult(**json.loads(line))
            except (json.JSONDecodeError, TypeError):
                continue  # a line torn by a crash: its part is simply done again
            if (self.articles / f"{entry.part}.{self.fmt}").is_file():
                done[entry.part] = entry
        return done

    def clear_parts(self) -> None:
        for stale in [*self.articles.glob("part-*"), *self.state.glob("errors-*"), self.state / DONE_LOG]:
            stale.unlink(missing_ok=True)

    def mark_done(self, result: PartResult) -> None:
        line = json.dumps(result.__dict__) + "\n"
        with open(self.state / DONE_LOG, "a", encoding="utf-8") as log:
            log.write(line)
            log.flush()
            os.fsync(log.fileno())

    def finish(self, request: dict[str, Any], parts: Iterable[str], summary: dict[str, Any]) -> None:
        """Join the parts' failures into errors.jsonl, in part order, and record the totals."""
        names = sorted(parts)

        def join(tmp: Path) -> None:
            with open(tmp, "w", encoding="utf-8") as errors:
                for name in names:
                    part_errors = self.state / f"errors-{name}.jsonl"
                    if part_errors.is_file():
                        errors.write(part_errors.read_text(encoding="utf-8"))

        _atomic_write(self.path / ERRORS, join)
        self._write_manifest({"request": request, "complete": True, "parts": names, **summary})

    def _write_manifest(self, content: dict[str, Any]) -> None:
        text = json.dumps(content, indent=2, ensure_ascii=False) + "\n"
        _atomic_write(self.state / MANIFEST, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Every record in a batch output folder, part by part (for tests, benches and quick looks)."""
    folder = Path(path) / ARTICLES
    for part in sorted(folder.glob("part-*")):
        if part.suffix == ".parquet":
            import pyarrow.parquet as pq

            yield from pq.read_table(part).to_pylist()
        elif part.suffix == ".jsonl":
            with open(part, encoding="utf-8") as stream:
                yield from (json.loads(line) for line in stream)


def read_failures(path: str | Path) -> list[dict[str, Any]]:
    errors = Path(path) / ERRORS
    if not errors.is_file():
        return []
    return [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
