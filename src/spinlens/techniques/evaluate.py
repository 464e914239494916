"""Scoring a technique model on PTC-format data through the real inference path (ONNX, decoding)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from spinlens.semeval.formats import Label
from spinlens.semeval.metrics import score_full, score_si, score_tc
from spinlens.techniques.model import Candidate, TechniqueModel, TokenPredictions


def predict(model: TechniqueModel, texts: dict[str, str]) -> dict[str, TokenPredictions]:
    """Each article's token predictions, by article id."""
    ids = sorted(texts)
    return dict(zip(ids, model.predict_tokens([texts[i] for i in ids]), strict=True))


def detected(
    model: TechniqueModel, texts: dict[str, str], tokens: dict[str, TokenPredictions], threshold: float
) -> list[Label]:
    """The spans the model finds at `threshold` in the articles of `tokens`, as SemEval labels."""
    return _selected(model, {a: model.candidates(texts[a], toks, threshold) for a, toks in tokens.items()})


def _selected(model: TechniqueModel, candidates: dict[str, list[Candidate]]) -> list[Label]:
    return [Label(a, s.technique, s.start, s.end) for a, found in candidates.items() for s in model.select(found)]


def label_gold(
    model: TechniqueModel, texts: dict[str, str], tokens: dict[str, TokenPredictions], gold: list[Label]
) -> list[Label]:
    """The model's technique for each gold span (SemEval TC), a span given twice getting two."""
    by_article: dict[str, list[Label]] = {}
    for lab in gold:
        by_article.setdefault(lab.article_id, []).append(lab)
    predicted = []
    for article_id, labels in by_article.items():
        spans = [(lab.start, lab.end) for lab in labels]
        for (start, end), (technique, _) in zip(
            spans, model.label_tokens(texts[article_id], tokens[article_id], spans), strict=True
        ):
            predicted.append(Label(article_id, technique, start, end))
    return predicted


# The decoding grid `tune` searches for the best SI F1 on dev. A peak of 0 keeps every run (no hysteresis).
GAPS = (0, 2, 4, 6, 8, 10, 12)
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
VERIFY = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
PEAKS = (0.0, 0.4, 0.5, 0.6, 0.7)


def grid_candidates(
    model: TechniqueModel, texts: dict[str, str], tokens: dict[str, TokenPredictions]
) -> Callable[[float, int], dict[str, list[Candidate]]]:
    """`best_si`'s `candidates_at` for the articles of `tokens`: their candidates at a threshold and gap
    (which it sets on the model)."""

    def at(threshold: float, gap: int) -> dict[str, list[Candidate]]:
        model.gap = gap
        return {a: model.candidates(texts[a], toks, threshold) for a, toks in tokens.items()}

    return at


def best_si(
    model: TechniqueModel,
    gold: list[Label],
    candidates_at: Callable[[float, int], dict[str, list[Candidate]]],
    peaks: Sequence[float] = PEAKS,
) -> tuple[float, dict[str, float]]:
    """(SI F1, {threshold, gap, verify, peak}) at the best point of the decoding grid, where
    `candidates_at(threshold, gap)` gives each article's candidates and `model.select` keeps those its
    verifier and peak pass. The model's `verify` and `peak` are left as they were."""
    kept = (model.verify, model.peak)
    best = (-1.0, 0.5, 0, 0.0, 0.0)  # ties go to the higher setting, as tuples compare
    try:
        for gap in GAPS:
            for threshold in THRESHOLDS:
                candidates = candidates_at(threshold, gap)
                for peak in peaks:
                    if 0 < peak <= threshold:
                        continue  # every run already peaks at its threshold: the same point as no peak
                    for verify in VERIFY:
                        model.verify, model.peak = verify, peak
                        f1 = score_si(gold, _selected(model, candidates)).overall.f1
                        best = max(best, (f1, threshold, gap, verify, peak))
    finally:
        model.verify, model.peak = kept
    f1, threshold, gap, verify, peak = best
    return f1, {"threshold": threshold, "gap": gap, "verify": verify, "peak": peak}


def tune(
    model_dir: Path,
    texts: dict[str, str],
    gold: list[Label],
    threshold: float | None = None,
    second_label: float | None = None,
) -> dict[str, float]:
    """Pick the decoding settings that maximise SI F1 (threshold, gap, verify, peak) and full-task F1
    (second label)."""
    model = TechniqueModel(model_dir)
    tokens = predict(model, texts)
    if threshold is None:
        _, settings = best_si(model, gold, grid_candidates(model, texts, tokens))
        threshold = settings["threshold"]
        model.gap, model.verify, model.peak = int(settings["gap"]), settings["verify"], settings["peak"]
    if second_label is None:
        scores = []
        for candidate in (0.2, 0.3, 0.4, 0.5, 1.01):
            model.second_label = candidate
            scores.append((score_full(gold, detected(model, texts, tokens, threshold)).overall.f1, candidate))
        second_label = max(scores)[1]
    return {
        "threshold": threshold,
        "second_label": second_label,
        "gap": model.gap,
        "verify": model.verify,
        "peak": model.peak,
    }


def evaluate(model_dir: Path, texts: dict[str, str], gold: list[Label]) -> dict[str, Any]:
    model = TechniqueModel(model_dir)
    return score(model, texts, predict(model, texts), gold)


def score(
    model: TechniqueModel, texts: dict[str, str], tokens: dict[str, TokenPredictions], gold: list[Label]
) -> dict[str, Any]:
    """SI, TC and full-task scores, overall and per technique, of articles already through the model."""
    predicted = detected(model, texts, tokens, model.threshold)
    si = score_si(gold, predicted)
    full = score_full(gold, predicted)
    tc = score_tc(gold, label_gold(model, texts, tokens, gold))
    summary = {
        "si_p": si.overall.precision,
        "si_r": si.overall.recall,
        "si_f1": si.overall.f1,
        "tc_f1": tc.overall.f1,
        "full_p": full.overall.precision,
        "full_r": full.overall.recall,
        "full_f1": full.overall.f1,
    }
    per_technique = {
        name: {
            "gold": tc.per_technique[name].n_gold if name in tc.per_technique else 0,
            "tc_f1": round(tc.per_technique[name].f1, 4) if name in tc.per_technique else 0.0,
            "full_f1": round(full.per_technique[name].f1, 4) if name in full.per_technique else 0.0,
        }
        for name in model.labels
    }
    return {"summary": {k: round(v, 4) for k, v in summary.items()}, "per_technique": per_technique}
