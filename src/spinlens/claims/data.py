"""Reading the check-worthiness data: ClaimBuster / CheckThat! sentences labelled Yes or No."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Labelled:
    id: str
    text: str
    checkworthy: bool


def read_checkworthy(path: str | Path) -> list[Labelled]:
    """Rows of a `Sentence_id<TAB>Text<TAB>class_label` file with a header line."""
    path = Path(path)
    with path.open(newline="", encoding="utf-8") as f:
        # the sentences carry their own quote marks: reading them as CSV quoting would swallow them
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or len(rows[0]) < 3:
        raise ValueError(f"{path}: expected a header line Sentence_id<TAB>Text<TAB>class_label")
    found = []
    for number, row in enumerate(rows[1:], 2):
        if len(row) != 3 or row[2] not in {"Yes", "No"}:
            raise ValueError(f"{path}:{number}: expected ID<TAB>TEXT<TAB>Yes|No")
        found.append(Labelled(row[0], row[1], row[2] == "Yes"))
    return found


def f1_yes(gold: list[bool], predicted: list[bool]) -> dict[str, float]:
    """Precision, recall and F1 of the Yes class: the CheckThat! lab's metric."""
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    fp = sum(p and not g for g, p in zip(gold, predicted, strict=True))
    fn = sum(g and not p for g, p in zip(gold, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}
