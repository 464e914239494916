from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spinlens.semeval.formats import Label, read_labels
from spinlens.semeval.metrics import Scores, merge_spans, score_full, score_si, score_tc
from spinlens.techniques.definitions import NAMES

PTC = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ptc"

A, B, C = NAMES[0], NAMES[1], NAMES[2]


def lab(start: int, end: int, technique: str = A, article: str = "1") -> Label:
    return Label(article, technique, start, end)


def assert_scores(s: Scores, precision: float, recall: float, f1: float) -> None:
    assert (s.precision, s.recall, s.f1) == pytest.approx((precision, recall, f1))


# --- merging


def test_merge_joins_overlapping_and_contained_spans() -> None:
    assert merge_spans([(20, 30), (0, 6), (4, 10), (5, 8), (25, 26)]) == [(0, 10), (20, 30)]


def test_merge_keeps_touching_spans_apart() -> None:
    # they share no character: [0, 5) and [5, 9)
    assert merge_spans([(5, 9), (0, 5)]) == [(0, 5), (5, 9)]


def test_merge_of_duplicates_is_one_span() -> None:
    assert merge_spans([(3, 7), (3, 7)]) == [(3, 7)]


# --- SI


def test_si_partial_overlap_by_hand() -> None:
    # pred [5,25) overlaps gold [0,10) by 5 and gold [20,40) by 5; pred [100,110) overlaps nothing
    # P = (5/20 + 5/20 + 0) / 2 = 0.25; R = (5/10 + 5/20) / 2 = 0.375; F1 = 2·0.25·0.375 / 0.625 = 0.3
    report = score_si([lab(0, 10), lab(20, 40)], [lab(5, 25), lab(100, 110)])
    assert_scores(report.overall, 0.25, 0.375, 0.3)
    assert (report.overall.n_pred, report.overall.n_gold) == (2, 2)
    assert report.per_technique == {}


def test_si_merges_each_side_before_counting() -> None:
    # unmerged, the two predictions would count twice; merged they are one span equal to the gold one
    report = score_si([lab(0, 10)], [lab(0, 6), lab(4, 10, B)])
    assert_scores(report.overall, 1.0, 1.0, 1.0)
    assert report.overall.n_pred == 1


def test_si_merges_gold_too() -> None:
    # gold [0,6) ∪ [4,10) = [0,10); pred [0,5): P = 5/5 = 1, R = 5/10 = 0.5
    report = score_si([lab(0, 6), lab(4, 10)], [lab(0, 5)])
    assert_scores(report.overall, 1.0, 0.5, 2 / 3)
    assert report.overall.n_gold == 1


def test_si_ignores_technique() -> None:
    assert_scores(score_si([lab(0, 10, A)], [lab(0, 10, B)]).overall, 1.0, 1.0, 1.0)


def test_si_does_not_match_across_articles() -> None:
    report = score_si([lab(0, 10, article="1")], [lab(0, 10, article="2")])
    assert_scores(report.overall, 0.0, 0.0, 0.0)


def test_si_one_prediction_over_several_gold_spans() -> None:
    # pred [0,30) covers gold [0,10) and [20,30) fully: P = (10+10)/30, R = (1 + 1)/2
    assert_scores(score_si([lab(0, 10), lab(20, 30)], [lab(0, 30)]).overall, 2 / 3, 1.0, 0.8)


@pytest.mark.parametrize("score", [score_si, score_full, score_tc])
def test_empty_sides_score_zero(score) -> None:
    no_pred = score([lab(0, 10)], []).overall
    assert no_pred == Scores(0.0, 0.0, 0.0, 0, 1)
    no_gold = score([], [lab(0, 10)]).overall
    assert no_gold == Scores(0.0, 0.0, 0.0, 1, 0)
    assert score([], []).overall == Scores(0.0, 0.0, 0.0, 0, 0)


# --- full task


def test_full_gives_credit_only_to_the_same_technique() -> None:
    assert_scores(score_full([lab(0, 10, A)], [lab(0, 10, B)]).overall, 0.0, 0.0, 0.0)


def test_full_per_technique_by_hand() -> None:
    # gold: A [0,10), B [5,15) (different techniques are not merged); pred: A [0,5), B [20,30), C [0,10)
    report = score_full([lab(0, 10, A), lab(5, 15, B)], [lab(0, 5, A), lab(20, 30, B), lab(0, 10, C)])
    # only A earns credit: P = (5/5) / 3 preds, R = (5/10) / 2 gold
    assert_scores(report.overall, 1 / 3, 0.25, 2 * (1 / 3) * 0.25 / (1 / 3 + 0.25))
    assert (report.overall.n_pred, report.overall.n_gold) == (3, 2)
    assert_scores(report.per_technique[A], 1.0, 0.5, 2 / 3)
    assert report.per_technique[B] == Scores(0.0, 0.0, 0.0, 1, 1)
    assert report.per_technique[C] == Scores(0.0, 0.0, 0.0, 1, 0)


def test_full_merges_per_technique() -> None:
    # the two A predictions merge into [0,10); the B one stays a separate span
    report = score_full([lab(0, 10, A)], [lab(0, 6, A), lab(4, 10, A), lab(4, 10, B)])
    assert report.per_technique[A] == Scores(1.0, 1.0, 1.0, 1, 1)
    assert_scores(report.overall, 0.5, 1.0, 2 / 3)


def test_reports_list_every_technique() -> None:
    assert list(score_full([], []).per_technique) == list(NAMES)
    assert list(score_tc([], []).per_technique) == list(NAMES)


# --- TC


def test_tc_micro_by_hand() -> None:
    gold = [lab(0, 10, A), lab(20, 30, B), lab(40, 50, C)]
    pred = [lab(0, 10, A), lab(20, 30, A), lab(40, 50, C)]
    report = score_tc(gold, pred)
    assert_scores(report.overall, 2 / 3, 2 / 3, 2 / 3)
    # A: predicted twice, right once, gold once
    assert_scores(report.per_technique[A], 0.5, 1.0, 2 / 3)
    assert report.per_technique[B] == Scores(0.0, 0.0, 0.0, 0, 1)
    assert report.per_technique[C] == Scores(1.0, 1.0, 1.0, 1, 1)


def test_tc_multi_label_span_matches_as_multiset() -> None:
    gold = [lab(0, 10, A), lab(0, 10, B)]
    # order within the span does not matter
    assert_scores(score_tc(gold, [lab(0, 10, B), lab(0, 10, A)]).overall, 1.0, 1.0, 1.0)
    # one A matches the gold A; the second A has nothing left to match
    report = score_tc(gold, [lab(0, 10, A), lab(0, 10, A)])
    assert_scores(report.overall, 0.5, 0.5, 0.5)
    assert_scores(report.per_technique[A], 0.5, 1.0, 2 / 3)
    assert report.per_technique[B] == Scores(0.0, 0.0, 0.0, 0, 1)


def test_tc_needs_the_exact_span() -> None:
    # a prediction on a span without gold is wrong; offsets must match exactly, and the article too
    gold = [lab(0, 10, A)]
    assert_scores(score_tc(gold, [lab(0, 9, A)]).overall, 0.0, 0.0, 0.0)
    assert_scores(score_tc(gold, [lab(0, 10, A, article="2")]).overall, 0.0, 0.0, 0.0)
    assert_scores(score_tc(gold, [lab(0, 10, A), lab(30, 40, A)]).overall, 0.5, 1.0, 2 / 3)


# --- against the definition, character by character


def reference_span_scores(gold: list[Label], pred: list[Label], by_technique: bool) -> tuple[float, float]:
    """The README's formula with characters as index sets, merging by repeated set union."""

    def merged(labels: list[Label]) -> dict[tuple[str, str], list[set[int]]]:
        groups: dict[tuple[str, str], list[set[int]]] = {}
        for label in labels:
            key = (label.article_id, label.technique if by_technique else "")
            span = set(range(label.start, label.end))
            spans = groups.setdefault(key, [])
            overlapping = [s for s in spans if s & span]
            for s in overlapping:
                spans.remove(s)
                span |= s
            spans.append(span)
        return groups

    g, p = merged(gold), merged(pred)
    n_pred = sum(len(v) for v in p.values())
    n_gold = sum(len(v) for v in g.values())
    p_sum = sum(len(ps & gs) / len(ps) for k, v in p.items() for ps in v for gs in g.get(k, []))
    r_sum = sum(len(ps & gs) / len(gs) for k, v in p.items() for ps in v for gs in g.get(k, []))
    return (p_sum / n_pred if n_pred else 0.0, r_sum / n_gold if n_gold else 0.0)


labels_strategy = st.lists(
    st.builds(
        lambda article, technique, start, length: Label(article, technique, start, start + length),
        st.sampled_from(["1", "2"]),
        st.sampled_from([A, B]),
        st.integers(0, 60),
        st.integers(1, 20),
    ),
    max_size=12,
)


@given(labels_strategy, labels_strategy)
def test_span_metrics_agree_with_character_sets(gold: list[Label], pred: list[Label]) -> None:
    for score, by_technique in ((score_si, False), (score_full, True)):
        overall = score(gold, pred).overall
        expected = reference_span_scores(gold, pred, by_technique)
        assert (overall.precision, overall.recall) == pytest.approx(expected)
        assert 0.0 <= overall.f1 <= 1.0


@given(labels_strategy, labels_strategy)
def test_swapping_sides_swaps_precision_and_recall(gold: list[Label], pred: list[Label]) -> None:
    for score in (score_si, score_full, score_tc):
        forward, backward = score(gold, pred).overall, score(pred, gold).overall
        assert (forward.precision, forward.recall) == pytest.approx((backward.recall, backward.precision))


# --- the real dev set


@pytest.mark.skipif(
    not (PTC / "dev" / "labels.tsv").is_file(),
    reason="PTC data not found at ../shared/data/ptc (copyrighted, kept out of the repository)",
)
def test_dev_gold_against_itself_scores_one() -> None:
    gold = read_labels(PTC / "dev" / "labels.tsv")
    assert len(gold) > 1000
    for score in (score_si, score_full, score_tc):
        assert score(gold, gold).overall.f1 == 1.0
