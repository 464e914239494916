"""Command-line inputs (files, directories, `-` for stdin) as a lazy stream of documents.

Each input yields `Document`s or one-line `InputError`s, in input order; a bad input never stops the
others, and nothing here raises for a user's mistake.
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO

import trafilatura

from spinlens.inputs.decoding import NotText, decode_text
from spinlens.inputs.document import Document, InputError

DEFAULT_MAX_BYTES = 5_000_000
STDIN_SOURCE = "<stdin>"


class Format(Enum):
    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"


# Only these are taken from a directory; a file named explicitly is read whatever its extension.
SUFFIX_FORMATS: dict[str, Format] = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
}

_KNOWN_SUFFIXES = ", ".join(SUFFIX_FORMATS)
_SNIFF_BYTES = 4096
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body")
# Propaganda Techniques Corpus files are named article<ID>.txt; the ID is what its labels refer to.
_PTC_NAME = re.compile(r"article(\d+)\.txt")
# PTC layout: the first line is the title when an empty line follows it.
_TITLE_LINE = re.compile(r"([^\r\n]*)\r?\n\r?\n")
_JSONL_METADATA = ("id", "title", "url", "outlet", "published", "author")
_SKIP_CHUNK = 1 << 16
_URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_OS_MESSAGES = {
    errno.ENOENT: "no such file or directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOTDIR: "not a directory",
}


@dataclass(frozen=True)
class _Origin:
    """Where documents come from: how errors name it and what ids its documents get."""

    source: str
    doc_id: str
    stem: str  # JSON Lines ids default to <stem>:<line>
    noun: str  # "file" or "stdin", for the size-limit message


def document_id(path: Path) -> str:
    """The id of the article in `path`: the digits of a PTC `article<ID>.txt`, else the file stem."""
    match = _PTC_NAME.fullmatch(path.name)
    return match.group(1) if match else path.stem


def read_inputs(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[Document | InputError]:
    """Yield a `Document` or an `InputError` per article, lazily and in input order.

    `-` reads stdin (`stdin`, or else `sys.stdin.buffer`) and sniffs its format. A directory is walked
    recursively in sorted order, skipping hidden entries and unknown extensions. `max_bytes` caps each
    file, or each line of a JSON Lines file.
    """
    for given in paths:
        if given == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes)
        else:
            yield from _read_path(given, max_bytes)


def _read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[Document | InputError]:
    origin = _Origin(source=STDIN_SOURCE, doc_id="stdin", stem="stdin", noun="stdin")
    try:
        yield from _read_stream(stream, origin, None, max_bytes)
    except OSError as error:
        yield InputError(origin.source, _os_message(error))


def _read_path(given: str, max_bytes: int) -> Iterator[Document | InputError]:
    path = Path(given)
    try:
        is_dir = stat.S_ISDIR(path.stat().st_mode)
    except OSError as error:
        if error.errno == errno.ENOENT and _URL.match(given):
            # a link pasted for a file: spinlens runs offline, and the reason should say so
            yield InputError(
                given, "no such file; spinlens fetches nothing from the network: save the page and give its file"
            )
        else:
            yield InputError(given, _os_message(error))
        return
    if is_dir:
        found = False
        for result in _walk(path, given, max_bytes, set()):
            found = True
            yield result
        if not found:
            # Said, not skipped: a mistyped folder, or one of .docx or .pdf files, would otherwise end the run
            # with no output and no reason.
            yield InputError(given, f"no files to read in this directory (it reads {_KNOWN_SUFFIXES})")
    else:
        yield from _read_file(path, given, SUFFIX_FORMATS.get(path.suffix.lower()), max_bytes)


def _walk(directory: Path, source: str, max_bytes: int, seen: set[tuple[int, int]]) -> Iterator[Document | InputError]:
    try:
        info = directory.stat()
        # A symlink back up the tree would otherwise be walked forever.
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield InputError(source, _os_message(error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        entry_path = Path(entry.path)
        entry_source = os.path.join(source, entry.name)
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError as error:
            yield InputError(entry_source, _os_message(error))
            continue
        if is_dir:
            yield from _walk(entry_path, entry_source, max_bytes, seen)
        elif is_file and (fmt := SUFFIX_FORMATS.get(entry_path.suffix.lower())):
            yield from _read_file(entry_path, entry_source, fmt, max_bytes)


def _read_file(path: Path, source: str, fmt: Format | None, max_bytes: int) -> Iterator[Document | InputError]:
    origin = _Origin(source=source, doc_id=document_id(path), stem=path.stem, noun="file")
    try:
        with path.open("rb") as stream:
            yield from _read_stream(stream, origin, fmt, max_bytes)
    except OSError as error:
        yield InputError(source, _os_message(error))


def _read_stream(
    stream: BinaryIO, origin: _Origin, fmt: Format | None, max_bytes: int
) -> Iterator[Document | InputError]:
    prefix = b""
    if fmt is None:
        prefix = stream.read(_SNIFF_BYTES)
        fmt = _sniff(prefix)
    if fmt is Format.JSONL:
        lines = io.BufferedReader(_Prefixed(prefix, stream)) if prefix else stream
        yield from _read_jsonl(lines, origin, max_bytes)
        return
    size = _regular_file_size(stream)
    if size is not None and size > max_bytes:
        yield InputError(origin.source, _too_big(origin.noun, size, max_bytes))
        return
    data = prefix
    if len(data) <= max_bytes:
        # One byte past the limit tells a pipe that is too long from one that fits exactly.
        data += stream.read(max_bytes + 1 - len(data))
    if len(data) > max_bytes:
        yield InputError(origin.source, _too_big(origin.noun, None, max_bytes))
        return
    yield _parse(data, origin, fmt)


def _sniff(prefix: bytes) -> Format:
    head = prefix.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{"):
        return Format.JSONL
    lowered = head.lower()
    if head.startswith(b"<") and any(marker in lowered for marker in _HTML_MARKERS):
        return Format.HTML
    return Format.TEXT


def _parse(data: bytes, origin: _Origin, fmt: Format) -> Document | InputError:
    try:
        text, encoding = decode_text(data)
    except NotText as error:
        return InputError(origin.source, str(error))
    if not text.strip():
        return InputError(origin.source, "empty or whitespace-only text")
    warnings = [] if encoding == "utf-8" else [("encoding", f"decoded as {encoding}")]
    if fmt is Format.HTML:
        return _html_document(text, origin, warnings)
    return Document(text=text, id=origin.doc_id, title=plain_text_title(text), source=origin.source, warnings=warnings)


def plain_text_title(text: str) -> str | None:
    """A plain text's title: its first line, when an empty line follows it."""
    match = _TITLE_LINE.match(text)
    return (match.group(1).strip() or None) if match else None


def _html_document(markup: str, origin: _Origin, warnings: list[tuple[str, str]]) -> Document | InputError:
    try:
        # Reader comments are not the article, so they stay out of what gets analysed.
        page = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
    except Exception as error:  # lxml and trafilatura fail in many ways on broken markup; skip just this page
        return InputError(origin.source, f"could not parse HTML: {_one_line(str(error))}")
    if page is None or not (page.text or "").strip():
        return InputError(origin.source, "HTML page has no article text")
    return Document(
        text=page.text,
        id=origin.doc_id,
        title=page.title or None,
        url=page.url or None,
        outlet=page.sitename or None,
        published=page.date or None,
        author=page.author or None,
        source=origin.source,
        warnings=warnings,
    )


def _read_jsonl(stream: BinaryIO, origin: _Origin, max_bytes: int) -> Iterator[Document | InputError]:
    lineno = 0
    # Reading line by line, each capped just past the limit, keeps memory flat however big the file.
    while line := stream.readline(max_bytes + 1):
        lineno += 1
        content = line.removesuffix(b"\n")
        if len(content) > max_bytes:
            size = len(line) + _skip_rest_of_line(stream)
            yield InputError(f"{origin.source}:{lineno}", _too_big("line", size, max_bytes))
        elif (result := _jsonl_record(content, lineno, origin)) is not None:
            yield result


def _skip_rest_of_line(stream: BinaryIO) -> int:
    skipped = 0
    while chunk := stream.readline(_SKIP_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _jsonl_record(content: bytes, lineno: int, origin: _Origin) -> Document | InputError | None:
    """The document on one JSON Lines line, an error, or None for a blank line."""
    source = f"{origin.source}:{lineno}"
    try:
        # JSON text is UTF-8 by definition (RFC 8259); a BOM can only precede the first line.
        line = content.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError:
        return InputError(source, "not valid UTF-8 (JSON Lines must be UTF-8)")
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return InputError(source, f"invalid JSON: {_json_error(error)}")
    except (ValueError, RecursionError) as error:  # an integer too long to convert, nesting too deep
        return InputError(source, f"invalid JSON: {_one_line(str(error))}")
    if not isinstance(record, dict):
        return InputError(source, f"expected a JSON object, got {_json_type(record)}")
    text = record.get("text")
    if text is None:
        return InputError(source, "missing 'text' (a string is required)")
    if not isinstance(text, str):
        return InputError(source, f"'text' must be a string, not {_json_type(text)}")
    if not text.strip():
        return InputError(source, "empty or whitespace-only text")
    warnings: list[tuple[str, str]] = []
    meta = {key: _metadata_value(key, record.get(key), warnings) for key in _JSONL_METADATA}
    return Document(
        text=text,
        id=meta["id"] or f"{origin.stem}:{lineno}",
        title=meta["title"],
        url=meta["url"],
        outlet=meta["outlet"],
        published=meta["published"],
        author=meta["author"],
        source=source,
        warnings=warnings,
    )


def _json_error(error: json.JSONDecodeError) -> str:
    reason = error.msg[:1].lower() + error.msg[1:]
    # Some messages already end in "at" ("Unterminated string starting at").
    where = "column" if reason.endswith(" at") else "at column"
    return f"{reason} {where} {error.colno}"


def _metadata_value(key: str, value: Any, warnings: list[tuple[str, str]]) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float):
        # json.dumps spells scalars the way the file did: 7 -> "7", true -> "true".
        return json.dumps(value)
    warnings.append(("ignored-field", f"ignored '{key}': expected a string, got {_json_type(value)}"))
    return None


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "null"


def _regular_file_size(stream: BinaryIO) -> int | None:
    """The size of a regular file (stdin redirected from one too); None for pipes and in-memory streams."""
    try:
        info = os.fstat(stream.fileno())
    except (OSError, ValueError):  # io.UnsupportedOperation is both
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _too_big(noun: str, size: int | None, limit: int) -> str:
    if size is None:
        return f"{noun} is over the {_human_size(limit, limit)} limit (--max-bytes)"
    shown, shown_limit = _human_size(size, limit), _human_size(limit, limit)
    if shown == shown_limit:
        # Rounding hid the difference; exact counts show which side of the limit it is on.
        shown, shown_limit = f"{size:,} bytes", f"{limit:,} bytes"
    return f"{noun} is {shown}, over the {shown_limit} limit (--max-bytes)"


def _human_size(size: int, limit: int) -> str:
    """`size` in the unit that suits `limit`, so the size and the limit read alike."""
    for unit, scale in (("MB", 1_000_000), ("KB", 1_000)):
        if limit >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def _os_message(error: OSError) -> str:
    if error.errno in _OS_MESSAGES:
        return _OS_MESSAGES[error.errno]
    return _one_line((error.strerror or str(error)).lower())


def _one_line(message: str) -> str:
    return " ".join(message.split()) or "unknown error"


class _Prefixed(io.RawIOBase):
    """A stream that replays bytes already read for sniffing, then continues with the rest."""

    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._prefix = prefix
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:
        if self._prefix:
            data, self._prefix = self._prefix[: len(buffer)], self._prefix[len(buffer) :]
        else:
            data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_jsonl_stream(
    stream: BinaryIO, source: str, stem: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | InputError]:
    """JSON Lines from an open binary stream (e.g. a decompressed file), exactly as `read_inputs` reads them:
    sources are `source:line` and ids default to `stem:line`."""
    return _read_jsonl(stream, _Origin(source=source, doc_id=stem, stem=stem, noun="file"), max_bytes)


def read_html_bytes(data: bytes, source: str, doc_id: str) -> Document | InputError:
    """One HTML page held in memory (e.g. a WARC response body), read as `read_inputs` reads an HTML file."""
    return _parse(data, _Origin(source=source, doc_id=doc_id, stem=doc_id, noun="page"), Format.HTML)
