"""Reading and writing the file formats of SemEval-2020 Task 11 (the Propaganda Techniques Corpus).

Label files have one label a line: ``ID<TAB>TECHNIQUE<TAB>START<TAB>END``, character offsets into the article
text, END exclusive. The TC input form writes ``?`` for the technique, and the SI form leaves the column out
(``ID<TAB>START<TAB>END``); both are read as technique ``?``.

Articles are ``article<ID>.txt`` files. They are read the way the corpus offsets were computed: UTF-8 decoded,
newlines kept, and a byte-order mark kept as the character U+FEFF. Checked on the PTC train set: two
articles start with a BOM, and with ``utf-8-sig`` (which drops it) their labels land one character early,
mid-word, while with plain ``utf-8`` they fall on word boundaries. The corpus has no ``\\r``, so the newline
mode makes no difference on it; Python's default (universal newlines) is kept so that a checkout converted to
CRLF still lines up with the offsets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from spinlens.techniques.definitions import NAMES

UNLABELLED = "?"

_KNOWN = frozenset(NAMES) | {UNLABELLED}


@dataclass(frozen=True, slots=True)
class Label:
    article_id: str
    technique: str  # one of NAMES, or UNLABELLED
    start: int
    end: int  # exclusive

    def __post_init__(self) -> None:
        # an empty span would divide by zero in the span metrics, so it is refused where it is made
        if not 0 <= self.start < self.end:
            raise ValueError(f"span {self.start}-{self.end} is empty or negative (need 0 <= START < END)")


def _parse_offset(field: str, name: str) -> int:
    try:
        return int(field)
    except ValueError:
        raise ValueError(f"{name} is not an integer: {field!r}") from None


def _parse_line(line: str) -> Label:
    fields = line.split("\t")
    if len(fields) == 4:
        article_id, technique, start, end = fields
    # a technique in the second of three fields means END is missing, not the SI form
    elif len(fields) == 3 and fields[1] not in _KNOWN:
        article_id, start, end = fields
        technique = UNLABELLED
    else:
        raise ValueError(
            f"expected 4 tab-separated fields (ID, TECHNIQUE, START, END) or 3 (ID, START, END), got {len(fields)}"
        )
    if not article_id or article_id != article_id.strip():
        raise ValueError(f"bad article id {article_id!r}")
    if technique not in _KNOWN:
        raise ValueError(f"unknown technique {technique!r}")
    return Label(article_id, technique, _parse_offset(start, "START"), _parse_offset(end, "END"))


def read_numbered_labels(path: str | Path) -> list[tuple[int, Label]]:
    """Labels with their 1-based line numbers, so that callers can name the line of a label they reject."""
    labels: list[tuple[int, Label]] = []
    try:
        with open(path, encoding="utf-8") as f:
            for lineno, raw in enumerate(f, start=1):
                line = raw.rstrip("\r\n")
                if not line.strip():
                    continue
                try:
                    labels.append((lineno, _parse_line(line)))
                except ValueError as exc:
                    raise ValueError(f"{path}:{lineno}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return labels


def read_labels(path: str | Path) -> list[Label]:
    """Blank lines are skipped; any other malformed line raises ``ValueError("path:lineno: why")``."""
    return [label for _, label in read_numbered_labels(path)]


def write_labels(labels: Iterable[Label], stream: TextIO) -> None:
    for label in labels:
        stream.write(f"{label.article_id}\t{label.technique}\t{label.start}\t{label.end}\n")


def read_article(path: str | Path) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def read_articles(directory: str | Path) -> dict[str, str]:
    """Map article id to text for every ``article<ID>.txt`` in ``directory``; other files are ignored."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ValueError(f"{directory}: not a directory")
    articles = {
        path.stem.removeprefix("article"): read_article(path)
        for path in sorted(directory.glob("article?*.txt"))
        if path.is_file()
    }
    if not articles:
        raise ValueError(f"{directory}: no article<ID>.txt files")
    return articles
