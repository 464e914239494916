"""Batch inputs as one ordered stream of work units, cheap to produce and small to ship to a worker.

A unit is a `Document` or `InputError` (JSON Lines, Parquet, text files, directories: reading them costs
next to nothing) or a `RawPage` (a WARC response, whose HTML extraction is the expensive part and so
happens in the worker). The order is fixed by the inputs alone, which is what lets a batch resume: unit n of
a rerun is unit n of the first run.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from spinlens.inputs.document import Document, InputError
from spinlens.inputs.readers import DEFAULT_MAX_BYTES, read_html_bytes, read_inputs, read_jsonl_stream

_JSONL = (".jsonl", ".ndjson")
_COMPRESSED = (".gz", ".zst")
_WARC = (".warc", ".warc.gz")
_METADATA = ("id", "title", "url", "outlet", "published", "author")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_PARQUET_BATCH = 256


@dataclass
class RawPage:
    """An HTML page still to be extracted, by whichever worker analyses it."""

    html: bytes
    source: str
    id: str
    url: str | None


Unit = Document | InputError | RawPage


def resolve(unit: Unit) -> Document | InputError:
    """The unit as the pipeline takes it; WARC pages are extracted here, in the worker."""
    if not isinstance(unit, RawPage):
        return unit
    doc = read_html_bytes(unit.html, unit.source, unit.id)
    if isinstance(doc, Document) and unit.url:
        # the crawl's target URI is where the page really was; a <link rel=canonical> may say otherwise
        doc.url = unit.url
    return doc


def unit_id(unit: Unit) -> str | None:
    return None if isinstance(unit, InputError) else unit.id


def kind(path: str) -> str:
    """How `spinlens batch` reads a path: jsonl, jsonl.gz, jsonl.zst, parquet, warc, or files (text/HTML/dirs)."""
    name = path.lower()
    if os.path.isdir(path):
        return "files"
    if name.endswith(_WARC):
        return "warc"
    if name.endswith(".parquet"):
        return "parquet"
    for suffix in _JSONL:
        if name.endswith(suffix):
            return "jsonl"  # read here rather than by read_inputs, so progress follows the file position
        for compression in _COMPRESSED:
            if name.endswith(suffix + compression):
                return "jsonl" + compression
    return "files"


def input_bytes(paths: Sequence[str]) -> int:
    """Total size on disk of the inputs (directories walked), for the progress bar's ETA."""
    total = 0
    for given in paths:
        path = Path(given)
        try:
            if path.is_dir():
                for root, _, files in os.walk(path):
                    total += sum(_size(os.path.join(root, name)) for name in files)
            else:
                total += _size(given)
        except OSError:
            continue
    return total


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def iter_units(paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[tuple[Unit, int]]:
    """Yield (unit, input bytes read so far) for every article of every input, in a fixed order."""
    done = 0
    for given in paths:
        how = kind(given)
        if how == "files":
            for doc in read_inputs([given], max_bytes=max_bytes):
                yield doc, done
            done += input_bytes([given])
            continue
        try:
            with open(given, "rb") as raw:
                for unit in _read(how, raw, given, max_bytes):
                    yield unit, done + _tell(raw)
        except OSError as error:
            yield InputError(given, (error.strerror or str(error)).lower()), done
        done += _size(given)


def _tell(stream: BinaryIO) -> int:
    try:
        return stream.tell()
    except (OSError, ValueError):
        return 0


def _read(how: str, raw: BinaryIO, source: str, max_bytes: int) -> Iterator[Unit]:
    if how == "parquet":
        yield from _read_parquet(raw, source, max_bytes)
    elif how == "warc":
        yield from _read_warc(raw, source, max_bytes)
    else:
        yield from _read_jsonl_file(how, raw, source, max_bytes)


def _stem(source: str) -> str:
    name = os.path.basename(source)
    for suffix in (".gz", ".zst", ".jsonl", ".ndjson", ".parquet", ".warc"):
        name = name.removesuffix(suffix)
    return name


def _read_jsonl_file(how: str, raw: BinaryIO, source: str, max_bytes: int) -> Iterator[Unit]:
    if how == "jsonl.zst":
        import zstandard

        stream: BinaryIO = io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw))  # type: ignore[arg-type]
    elif how == "jsonl.gz":
        stream = gzip.GzipFile(fileobj=raw)  # type: ignore[assignment]
    else:
        stream = raw
    lines = read_jsonl_stream(stream, source, _stem(source), max_bytes=max_bytes)
    last = 0
    try:
        for unit in lines:
            last = _line_number(unit.source, last)
            yield unit
    except (EOFError, OSError, zlib.error) as error:
        # a truncated or corrupt archive: what came before the damage is kept, the rest is named
        yield InputError(source, f"corrupt {how.split('.')[-1]} data after line {last}: {_one_line(error)}")
    except Exception as error:
        if type(error).__module__.startswith("zstandard"):
            yield InputError(source, f"corrupt zst data after line {last}: {_one_line(error)}")
        else:
            raise


def _line_number(source: str | None, last: int) -> int:
    number = (source or "").rsplit(":", 1)[-1]
    return int(number) if number.isdigit() else last


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def _read_parquet(raw: BinaryIO, source: str, max_bytes: int) -> Iterator[Unit]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(raw)
    except (pa.ArrowException, OSError) as error:
        yield InputError(source, f"not a readable Parquet file: {_one_line(error)}")
        return
    names = set(table.schema_arrow.names)
    if "text" not in names:
        yield InputError(source, "no 'text' column (Parquet inputs need one, of strings)")
        return
    columns = ["text", *(name for name in _METADATA if name in names)]
    stem = _stem(source)
    row = 0
    for batch in table.iter_batches(batch_size=_PARQUET_BATCH, columns=columns):
        for record in batch.to_pylist():
            row += 1
            yield _parquet_document(record, f"{source}:{row}", f"{stem}:{row}", max_bytes)


def _parquet_document(record: dict[str, Any], source: str, default_id: str, max_bytes: int) -> Document | InputError:
    text = record.get("text")
    if not isinstance(text, str):
        return InputError(source, "'text' is null" if text is None else f"'text' must be a string, not {type(text)}")
    if not text.strip():
        return InputError(source, "empty or whitespace-only text")
    if len(text.encode("utf-8")) > max_bytes:
        return InputError(source, f"text is over the {max_bytes:,} bytes limit (--max-bytes)")
    meta = {name: _scalar(record.get(name)) for name in _METADATA}
    return Document(
        text=text,
        id=meta["id"] or default_id,
        title=meta["title"],
        url=meta["url"],
        outlet=meta["outlet"],
        published=meta["published"],
        author=meta["author"],
        source=source,
    )


def _scalar(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip() or None


def _read_warc(raw: BinaryIO, source: str, max_bytes: int) -> Iterator[Unit]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = ArchiveIterator(raw)
    try:
        for record in records:
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode()
            content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
            # redirects, errors and images are part of any crawl, not articles: nothing to report
            if status != "200" or content_type not in _HTML_TYPES:
                continue
            body = record.content_stream().read(max_bytes + 1)
            # asked only after the body is read: asking first reads past the record, body and all
            where = f"{source}@{records.get_record_offset()}"
            record_id = (record.rec_headers.get_header("WARC-Record-ID") or where).strip("<>")
            url = record.rec_headers.get_header("WARC-Target-URI")
            if len(body) > max_bytes:
                yield InputError(where, f"page is over the {max_bytes:,} bytes limit (--max-bytes)")
                continue
            yield RawPage(html=body, source=where, id=record_id.removeprefix("urn:uuid:"), url=url)
    except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as error:
        yield InputError(source, f"not a readable WARC file: {_one_line(error)}")
