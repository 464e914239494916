"""Score technique models of one tokenizer alone and as an ensemble on PTC dev, each at its best decoding.

    python scripts/ensemble_techniques.py runs/unl420 runs/unl420s13 runs/unl14 runs/unl13

An experiment outside `make bench`. SemEval-2020's best span taggers ensembled several seeds; here an
ensemble of k students costs k times the technique layer's time, so the question is what it would buy.
The ensemble averages the members' per-token fragment probabilities, joins and trims runs as the first
member's decoding does, and averages the members' span heads (technique and verifier probabilities) on
those runs. Every model, alone or together, gets its best point of the grid that `train` tunes decoding
on (`evaluate.best_si`), so the comparison is fair, and dev-tuned for all of them alike. The README's model
card reports what it gave ("What each choice bought").
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from spinlens.semeval.formats import Label, read_articles, read_labels
from spinlens.semeval.metrics import score_full
from spinlens.techniques import decode
from spinlens.techniques.evaluate import best_si, predict
from spinlens.techniques.model import Candidate, TechniqueModel, TokenPredictions


class Ensemble:
    """The members' token predictions on the same articles, decoded together."""

    def __init__(
        self, models: list[TechniqueModel], tokens: list[dict[str, TokenPredictions]], texts: dict[str, str]
    ) -> None:
        self.models, self.tokens, self.texts = models, tokens, texts
        for model, own in zip(models[1:], tokens[1:], strict=True):
            if any(not np.array_equal(own[i].encoded.ids, tokens[0][i].encoded.ids) for i in texts):
                raise SystemExit(f"{model.dir}: its tokenizer differs from {models[0].dir}'s; members must share one")

    def candidates(self, article: str, threshold: float, gap: int) -> list[Candidate]:
        first, text = self.models[0], self.texts[article]
        offsets = self.tokens[0][article].encoded.offsets
        p_span = np.mean([tokens[article].p_span for tokens in self.tokens], axis=0)
        runs = decode.token_runs(text, offsets, p_span, threshold, gap)
        runs = decode.trim_runs(text, offsets, runs, first.trim_first, first.trim_last)
        if not runs:
            return []
        heads = [
            model.classify(text, tokens[article], runs) for model, tokens in zip(self.models, self.tokens, strict=True)
        ]
        probs = np.mean([techniques for techniques, _ in heads], axis=0)
        verified = np.mean([fragment for _, fragment in heads], axis=0)
        return [
            Candidate(*decode.char_range(text, offsets, start, end), p, float(v), float(p_span[start:end].max()))
            for (start, end), p, v in zip(runs, probs, verified, strict=True)
        ]

    def score(self, gold: list[Label]) -> dict[str, float]:
        """SI F1 at the best decoding point, and the full-task F1 there (second technique as the first
        member's manifest sets it)."""
        first = self.models[0]

        def candidates_at(threshold: float, gap: int) -> dict[str, list[Candidate]]:
            return {article: self.candidates(article, threshold, gap) for article in sorted(self.texts)}

        si, best = best_si(first, gold, candidates_at)
        first.verify, first.peak = best["verify"], best["peak"]
        predicted = [
            Label(article, span.technique, span.start, span.end)
            for article, found in candidates_at(best["threshold"], int(best["gap"])).items()
            for span in first.select(found)
        ]
        full = score_full(gold, predicted).overall.f1
        return {"si_f1": si, "full_f1": full, **best}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("runs", type=Path, nargs="+", help="`spinlens train techniques` output folders")
    parser.add_argument(
        "--data", type=Path, default=Path("../shared/data/ptc"), help="PTC, whose dev split scores them"
    )
    args = parser.parse_args()
    texts = read_articles(args.data / "dev" / "articles")
    gold = read_labels(args.data / "dev" / "labels.tsv")
    models = [TechniqueModel(run) for run in args.runs]
    tokens = [predict(model, texts) for model in models]
    print("| model | SI F1 | full F1 | threshold | gap | verify | peak |\n|---|---:|---:|---:|---:|---:|---:|")
    rows = [(run.name, Ensemble([m], [t], texts)) for run, m, t in zip(args.runs, models, tokens, strict=True)]
    if len(models) > 1:
        rows.append((" + ".join(run.name for run in args.runs), Ensemble(models, tokens, texts)))
    for name, ensemble in rows:
        s = ensemble.score(gold)
        settings = " | ".join(str(s[key]) for key in ("threshold", "gap", "verify", "peak"))
        print(f"| {name} | {s['si_f1']:.4f} | {s['full_f1']:.4f} | {settings} |")


if __name__ == "__main__":
    main()
