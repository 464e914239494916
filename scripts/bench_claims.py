"""`make bench` (claims section): quality and speed of the check-worthiness model and the claims layer,
written to benchmarks/claims.md.

Quality: F1 of the Yes class on the checkworthy dev file (the CheckThat! lab's metric), for the bundled model
at its shipped threshold (tuned on a slice of train.tsv held out from training, never on dev), next to a
TF-IDF + logistic-regression floor fitted on train.tsv and given the same kind of threshold.
Speed: the claims layer on the PTC dev articles (sentences scored per second, articles per second, and the
share of its time spent in the model and in normalising numbers and dates). Timings are medians of repeats.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from benchtools import host, make_command

from spinlens.claims.data import f1_yes, read_checkworthy
from spinlens.claims.dates import find_dates
from spinlens.claims.model import load_model
from spinlens.claims.quantities import find_quantities
from spinlens.claims.train import TrainConfig, _split_for_tuning, best_threshold
from spinlens.sentences import split_sentences

REPEATS = 3


def quality(data: Path) -> dict:
    model = load_model()
    dev = read_checkworthy(data / "dev.tsv")
    gold = [r.checkworthy for r in dev]
    probs = model.score([r.text for r in dev])
    rows = {
        f"bundled model, threshold {model.threshold:.2f} (tuned on held-out train)": f1_yes(
            gold, list(probs >= model.threshold)
        ),
        "bundled model, threshold 0.50": f1_yes(gold, list(probs >= 0.5)),
    }
    rows.update(floor(data, dev))
    return {"rows": rows, "manifest": model.manifest, "dev": len(dev), "dev_yes": sum(gold)}


def floor(data: Path, dev) -> dict:
    """TF-IDF (word 1-2 grams) + logistic regression: the baseline the model has to beat clearly."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    defaults = TrainConfig(data=str(data), out="")
    train, held_out = _split_for_tuning(read_checkworthy(data / "train.tsv"), defaults.tune_share, defaults.seed)
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    features = vectorizer.fit_transform([r.text for r in train])
    classifier = LogisticRegression(max_iter=2000, C=4.0).fit(features, [r.checkworthy for r in train])
    tuned = best_threshold(
        [r.checkworthy for r in held_out],
        classifier.predict_proba(vectorizer.transform([r.text for r in held_out]))[:, 1],
    )
    probs = classifier.predict_proba(vectorizer.transform([r.text for r in dev]))[:, 1]
    gold = [r.checkworthy for r in dev]
    return {
        "TF-IDF + logistic regression floor, threshold 0.50": f1_yes(gold, list(probs >= 0.5)),
        f"TF-IDF + logistic regression floor, threshold {tuned:.2f} (tuned on held-out train)": f1_yes(
            gold, list(probs >= tuned)
        ),
    }


def speed(ptc: Path) -> dict:
    """The claims layer's work on the PTC dev articles, split into model scoring and normalisation."""
    model = load_model()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ptc / "dev" / "articles").glob("*.txt"))]
    per_article = [[text[s:e] for s, e in split_sentences(text)] for text in texts]
    sentences = [sentence for article in per_article for sentence in article]
    model.score(sentences[:64])  # warm-up: the first run allocates
    score_times, norm_times = [], []
    for _ in range(REPEATS):
        started = time.perf_counter()
        # each article's sentences on their own, as the layer scores them
        probs = np.concatenate([model.score(article) for article in per_article])
        score_times.append(time.perf_counter() - started)
        claims = [s for s, p in zip(sentences, probs, strict=True) if p >= model.threshold]
        started = time.perf_counter()
        n_dates = n_quantities = 0
        for claim in claims:
            dates = find_dates(claim, None)
            n_dates += len(dates)
            n_quantities += len(find_quantities(claim, skip=[(d.start, d.end) for d in dates]))
        norm_times.append(time.perf_counter() - started)
    score, norm = statistics.median(score_times), statistics.median(norm_times)
    return {
        "articles": len(texts),
        "sentences": len(sentences),
        "claims": len(claims),
        "dates": n_dates,
        "quantities": n_quantities,
        "score_s": score,
        "norm_s": norm,
        "sentences_per_s": len(sentences) / score,
        "articles_per_s": len(texts) / (score + norm),
        "model": model.manifest["files"]["onnx"],
    }


def render(result: dict, speeds: dict | None, command: str) -> str:
    manifest = result["manifest"]
    lines = [
        "## Claims",
        "",
        f"Made by `{command}` on {time.strftime('%Y-%m-%d')} ({host()}). Timings are the median of {REPEATS} "
        f"runs; the machine's load average was {os.getloadavg()[0]:.1f} when they ended "
        "(other work shares its two cores).",
        "",
        f"### Check-worthiness on checkworthy dev ({result['dev']} sentences, {result['dev_yes']} Yes)",
        "",
        f"Model `{manifest['name']}` {manifest['version']}, file `{manifest['files']['onnx']}`. "
        "Metric: F1 of the Yes class (CheckThat! 2024 Task 1). Target: F1 ≥ 0.92, clearly above the floor.",
        "",
        "| system | precision | recall | F1 (Yes) |",
        "|---|---:|---:|---:|",
    ]
    lines += [
        f"| {name} | {r['precision']:.4f} | {r['recall']:.4f} | {r['f1']:.4f} |" for name, r in result["rows"].items()
    ]
    dev_metrics = manifest.get("metrics", {}).get("dev", {})
    if dev_metrics:
        lines += ["", "Measured at training time, fp32 against int8 weights (each at its own tuned threshold):", ""]
        lines += [f"- `{name}`: F1 {r['f1']:.4f} (threshold {r['threshold']:.2f})" for name, r in dev_metrics.items()]
    if speeds:
        total = speeds["score_s"] + speeds["norm_s"]
        lines += [
            "",
            "### Speed of the claims layer on PTC dev articles",
            "",
            f"{speeds['articles']} articles, {speeds['sentences']:,} sentences, {speeds['claims']:,} claims at the "
            f"shipped threshold, with {speeds['quantities']:,} quantities and {speeds['dates']:,} dates "
            "(PTC articles carry no publication date, so relative dates stay unresolved there).",
            "",
            "| measure | value |",
            "|---|---:|",
            "| sentences scored per second (int8, one core, each article's sentences on their own as the layer "
            f"scores them) | {speeds['sentences_per_s']:,.0f} |",
            f"| articles per second, claims layer alone | {speeds['articles_per_s']:.1f} |",
            f"| share of the layer's time in the model | {speeds['score_s'] / total:.0%} |",
            f"| share of the layer's time normalising numbers and dates | {speeds['norm_s'] / total:.0%} |",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="../shared/data", help="folder holding checkworthy/ and ptc/")
    parser.add_argument("--out", default="benchmarks/claims.md")
    args = parser.parse_args()
    checkworthy = Path(args.data) / "checkworthy"
    if not (checkworthy / "dev.tsv").is_file():
        sys.exit(f"bench: no checkworthy data at {checkworthy}")
    result = quality(checkworthy)
    print(json.dumps(result["rows"]), file=sys.stderr)
    ptc = Path(args.data) / "ptc"
    speeds = speed(ptc) if (ptc / "dev" / "articles").is_dir() else None
    print(json.dumps(speeds), file=sys.stderr)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(render(result, speeds, make_command(args.out)), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
