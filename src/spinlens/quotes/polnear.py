"""Reading PolNeAR attributions (Newell, Margolin and Ruths, LREC 2018): brat standoff files.

Each `attributions/<article>_<annotator>.ann` annotates `text/<article>.txt`; a few articles were annotated
twice, and each annotation file counts as one document when scoring, so no annotator's work is dropped.
Text-bound lines look like `T1<TAB>Source 201 220<TAB>O’Malley’s campaign`; a discontinuous span
(`start end;start end`) counts as its fragments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

Range = tuple[int, int]
_TEXT_BOUND = re.compile(r"T\d+\t")


@dataclass
class Annotated:
    id: str  # the annotation file's stem
    text: str
    spans: dict[str, list[Range]] = field(default_factory=dict)  # Source, Cue, Content -> fragments


def read_split(folder: str | Path) -> list[Annotated]:
    folder = Path(folder)
    documents = []
    for ann in sorted((folder / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        text_path = folder / "text" / f"{article}.txt"
        if not text_path.is_file():
            raise ValueError(f"{ann}: no text file {text_path.name}")
        text = text_path.read_text(encoding="utf-8")
        documents.append(Annotated(ann.stem, text, _spans(ann)))
    return documents


def _spans(ann: Path) -> dict[str, list[Range]]:
    spans: dict[str, list[Range]] = {}
    for number, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
        # other annotation kinds, and the rest of a span's text when it holds a line break
        if not _TEXT_BOUND.match(line):
            continue
        try:
            _, info, _ = line.split("\t", 2)
            kind, _, offsets = info.partition(" ")
            for fragment in offsets.split(";"):
                start, end = fragment.split()
                spans.setdefault(kind, []).append((int(start), int(end)))
        except ValueError:
            raise ValueError(f"{ann}:{number}: not a brat text-bound line") from None
    return spans
