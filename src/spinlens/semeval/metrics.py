"""The official metrics of SemEval-2020 Task 11, as /work/shared/data/README.md states them.

SI and the full task score spans by character overlap. Spans are first merged on each side (gold and
predicted separately), per article for SI and per article and technique for the full task, where spans that
share at least one character become one; touching spans (one ends where the next starts) stay apart, as in the
official scorer. Then, with |s| the length of a span,

    P = Σ_pred Σ_gold |p∩g| / |p|  ÷  #pred        R = Σ_pred Σ_gold |p∩g| / |g|  ÷  #gold

summed over all articles (in the full task only pairs of the same technique count), and F1 = 2PR / (P + R).
Per-technique scores use the same sums restricted to one technique.

TC scores technique labels on given spans. Labels are grouped by (article, start, end); within a group the
predicted and gold techniques are matched as multisets, which is what the official scorer's alignment of
multi-label spans amounts to: a span with gold {A, A, B} and predictions {A, B, C} earns 2 correct labels.
Micro P = correct ÷ #pred and R = correct ÷ #gold (equal, and equal to accuracy, when the predictions are
exactly one per gold label); a prediction on a span that has no gold label is simply wrong.

Empty sides are defined, not errors: P is 0 without predictions, R is 0 without gold, F1 is 0 when P + R is 0.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spinlens.semeval.formats import Label
from spinlens.techniques.definitions import NAMES

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    n_pred: int  # spans after merging for SI and full, labels for TC
    n_gold: int


@dataclass(frozen=True, slots=True)
class Report:
    overall: Scores
    per_technique: dict[str, Scores]  # empty for SI, which ignores techniques


def _scores(p_sum: float, n_pred: int, r_sum: float, n_gold: int) -> Scores:
    precision = p_sum / n_pred if n_pred else 0.0
    recall = r_sum / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, n_pred, n_gold)


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sorted, disjoint spans; spans sharing a character are joined into their union."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _overlap_sums(pred: Sequence[Span], gold: Sequence[Span]) -> tuple[float, float]:
    """Σ |p∩g|/|p| and Σ |p∩g|/|g| over all pairs, for sorted disjoint spans on each side.

    A two-pointer sweep visits each overlapping pair once: whichever span ends first cannot overlap anything
    further along the other side.
    """
    p_sum = r_sum = 0.0
    i = j = 0
    while i < len(pred) and j < len(gold):
        (ps, pe), (gs, ge) = pred[i], gold[j]
        overlap = min(pe, ge) - max(ps, gs)
        if overlap > 0:
            p_sum += overlap / (pe - ps)
            r_sum += overlap / (ge - gs)
        if pe <= ge:
            i += 1
        else:
            j += 1
    return p_sum, r_sum


def score_spans(gold: Mapping[str, Iterable[Span]], pred: Mapping[str, Iterable[Span]]) -> Scores:
    """The SI measure on any spans, keyed by document: spans merged per document and side, then overlap sums.

    For span tasks other than techniques (quote contents, quote sources) measured the SemEval way.
    """
    gold_merged = {doc: merge_spans(spans) for doc, spans in gold.items()}
    p_total = r_total = 0.0
    n_pred = 0
    for doc, spans in pred.items():
        merged = merge_spans(spans)
        n_pred += len(merged)
        p_sum, r_sum = _overlap_sums(merged, gold_merged.get(doc, []))
        p_total += p_sum
        r_total += r_sum
    return _scores(p_total, n_pred, r_total, sum(len(s) for s in gold_merged.values()))


def _group_spans(labels: Iterable[Label], by_technique: bool) -> dict[tuple[str, str], list[Span]]:
    groups: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for label in labels:
        groups[label.article_id, label.technique if by_technique else ""].append((label.start, label.end))
    return {key: merge_spans(spans) for key, spans in groups.items()}


def _technique_order(techniques: Iterable[str]) -> list[str]:
    # all 14 classes always appear, so reports have the same keys whatever the data
    return [*NAMES, *sorted(set(techniques) - set(NAMES))]


def _span_report(gold: Iterable[Label], pred: Iterable[Label], by_technique: bool) -> Report:
    gold_groups = _group_spans(gold, by_technique)
    pred_groups = _group_spans(pred, by_technique)
    p_sums: Counter[str] = Counter()
    r_sums: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for key, spans in gold_groups.items():
        n_gold[key[1]] += len(spans)
    for key, spans in pred_groups.items():
        n_pred[key[1]] += len(spans)
        p_sum, r_sum = _overlap_sums(spans, gold_groups.get(key, []))
        p_sums[key[1]] += p_sum
        r_sums[key[1]] += r_sum
    overall = _scores(sum(p_sums.values()), n_pred.total(), sum(r_sums.values()), n_gold.total())
    if not by_technique:
        return Report(overall, {})
    per_technique = {
        t: _scores(p_sums[t], n_pred[t], r_sums[t], n_gold[t]) for t in _technique_order([*n_gold, *n_pred])
    }
    return Report(overall, per_technique)


def score_si(gold: Iterable[Label], pred: Iterable[Label]) -> Report:
    """Span identification: techniques are ignored."""
    return _span_report(gold, pred, by_technique=False)


def score_full(gold: Iterable[Label], pred: Iterable[Label]) -> Report:
    """Spans and techniques: a predicted span earns credit only against gold spans of its own technique."""
    return _span_report(gold, pred, by_technique=True)


def score_tc(gold: Iterable[Label], pred: Iterable[Label]) -> Report:
    """Technique classification on given spans, matched per (article, start, end) as multisets."""
    gold_by_span: dict[tuple[str, int, int], Counter[str]] = defaultdict(Counter)
    pred_by_span: dict[tuple[str, int, int], Counter[str]] = defaultdict(Counter)
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for label in gold:
        gold_by_span[label.article_id, label.start, label.end][label.technique] += 1
        n_gold[label.technique] += 1
    for label in pred:
        pred_by_span[label.article_id, label.start, label.end][label.technique] += 1
        n_pred[label.technique] += 1
    correct: Counter[str] = Counter()
    for key, predicted in pred_by_span.items():
        correct.update(predicted & gold_by_span.get(key, Counter()))
    overall = _scores(correct.total(), n_pred.total(), correct.total(), n_gold.total())
    per_technique = {
        t: _scores(correct[t], n_pred[t], correct[t], n_gold[t]) for t in _technique_order([*n_gold, *n_pred])
    }
    return Report(overall, per_technique)


SCORERS = {"si": score_si, "tc": score_tc, "full": score_full}
