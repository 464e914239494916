"""Machine-readable writers: JSON, JSON Lines and the SemEval-2020 Task 11 span format."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from typing import TextIO

from spinlens.record import Analysis


def write_json(records: Iterable[Analysis], out: TextIO) -> None:
    """One record as one indented object; any other count as an array, so one article stays easy to `jq`."""
    iterator = iter(records)
    first = next(iterator, None)
    if first is None:
        out.write("[]\n")
        return
    second = next(iterator, None)
    if second is None:
        out.write(first.to_json(indent=2) + "\n")
        return
    out.write("[\n")
    for index, record in enumerate(chain((first, second), iterator)):
        if index:
            out.write(",\n")
        # JSON strings escape their newlines, so re-indenting whole lines cannot alter a value.
        out.write("\n".join("  " + line for line in record.to_json(indent=2).splitlines()))
        out.flush()
    out.write("\n]\n")


def write_jsonl(records: Iterable[Analysis], out: TextIO) -> None:
    for record in records:
        out.write(record.to_json() + "\n")
        # Flushed per record so a consumer on a pipe sees each article as soon as it is analysed.
        out.flush()


def write_semeval(records: Iterable[Analysis], out: TextIO) -> None:
    """`ID<TAB>TECHNIQUE<TAB>START<TAB>END` per span, the layout the task's scorer reads."""
    for record in records:
        article_id = record.article.id
        # A made-up id would be scored against the wrong gold article without any error, so refuse instead.
        if not article_id or any(c.isspace() for c in article_id):
            source = record.article.source or "<text>"
            raise ValueError(f"{source}: SemEval output needs an article id without whitespace, got {article_id!r}")
        for span in sorted(record.techniques, key=lambda s: (s.start, s.end, s.technique)):
            out.write(f"{article_id}\t{span.technique}\t{span.start}\t{span.end}\n")
        out.flush()
