"""`make bench`, techniques section: quality and speed of the bundled technique model.

Quality: SemEval-2020 Task 11 metrics on PTC dev (SI, TC, full task), per technique, and decoding ablations.
Speed: end-to-end tokens/s of `spinlens analyze` (reading the dev articles to writing JSON Lines), the raw
onnxruntime forward throughput on the very same windows, their ratio (the pipeline's own overhead), and the
peak RSS of the CLI process. Timings are repeated and the median is reported: this machine is noisy.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from benchtools import host, make_command, peak_rss_mb

from spinlens.inputs.readers import read_inputs
from spinlens.pipeline import Analyzer
from spinlens.render import WRITERS
from spinlens.semeval.formats import read_articles, read_labels
from spinlens.semeval.metrics import score_full, score_si, score_tc
from spinlens.techniques.evaluate import best_si, detected, grid_candidates, label_gold, predict, score
from spinlens.techniques.model import load_model
from spinlens.techniques.windows import encode, windows

REPEATS = 3


def quality(ptc: Path) -> tuple[dict, list[str]]:
    model = load_model()
    texts = read_articles(ptc / "dev" / "articles")
    gold = read_labels(ptc / "dev" / "labels.tsv")
    tokens = predict(model, texts)
    result = score(model, texts, tokens, gold)
    lines = overlaps(model, texts, tokens, gold) + cross_tuned(model, texts, tokens, gold)
    return result, lines + ablations(model, texts, tokens, gold)


def overlaps(model, texts: dict[str, str], tokens: dict, gold) -> list[str]:
    """Where SI's errors are: how many highlights overlap no gold fragment at all (precision lost to
    passages nobody marked), how many gold fragments no highlight touches (recall lost to passages the
    model does not see), and how many only partly (boundaries)."""
    import numpy as np

    predicted = {a: {(s.start, s.end) for s in model.detect(texts[a], tokens[a])} for a in texts}
    marked: dict[str, set[tuple[int, int]]] = {a: set() for a in texts}
    for lab in gold:
        marked[lab.article_id].add((lab.start, lab.end))

    def coverage(spans: dict[str, set], by: dict[str, set]) -> list[int]:
        """[none, part, whole]: spans by how much of their characters the spans of `by` cover."""
        counts = [0, 0, 0]
        for a, own in spans.items():
            covered = np.zeros(len(texts[a]), dtype=bool)
            for start, end in by[a]:
                covered[start:end] = True
            for start, end in own:
                share = covered[start:end].mean()
                counts[0 if share == 0 else 2 if share == 1 else 1] += 1
        return counts

    lines = [
        "#### Where the span errors are",
        "",
        "Distinct spans at the shipped decoding (a span with two techniques counts once), by how much of each "
        "the other side covers.",
        "",
        "| spans | count | overlapping nothing | partly covered | wholly covered |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, counts in (
        ("highlights, by gold fragments", coverage(predicted, marked)),
        ("gold fragments, by highlights", coverage(marked, predicted)),
    ):
        total = sum(counts)
        cells = " | ".join(f"{n} ({n / total:.0%})" for n in counts)
        lines.append(f"| {name} | {total} | {cells} |")
    return [*lines, ""]


def cross_tuned(model, texts: dict[str, str], tokens: dict, gold) -> list[str]:
    """How much of the SI figure is decoding tuned on the very articles it is scored on: each half of dev
    (alternate articles) decoded with the threshold, gap and verifier cut-off that score best on the other
    half, then the halves scored together."""
    ids = sorted(texts)
    halves = (ids[0::2], ids[1::2])
    shipped = (model.gap, model.verify, model.peak)
    predicted, chosen = [], []
    try:
        for tune_on, score_on in (halves, halves[::-1]):
            on = set(tune_on)
            half_gold = [g for g in gold if g.article_id in on]
            _, best = best_si(model, half_gold, grid_candidates(model, texts, {a: tokens[a] for a in tune_on}))
            chosen.append(
                f"threshold {best['threshold']}, gap {best['gap']}, verifier {best['verify']}, peak {best['peak']}"
            )
            model.gap, model.verify, model.peak = int(best["gap"]), best["verify"], best["peak"]
            predicted += detected(model, texts, {a: tokens[a] for a in score_on}, best["threshold"])
    finally:
        model.gap, model.verify, model.peak = shipped
    rows = (
        ("shipped, tuned on all of dev", detected(model, texts, tokens, model.threshold)),
        ("each half with settings tuned on the other", predicted),
    )
    return [
        "#### Decoding tuned on other articles",
        "",
        "The shipped decoding settings were tuned on all of dev. Here they are tuned on alternate articles of "
        f"dev instead (best on the first half: {chosen[0]}; on the second: {chosen[1]}), and each half is "
        "decoded with the settings tuned on the other:",
        "",
        "| decoding | SI F1 | full F1 |",
        "|---|---:|---:|",
        *(
            f"| {name} | {score_si(gold, p).overall.f1:.4f} | {score_full(gold, p).overall.f1:.4f} |"
            for name, p in rows
        ),
        "",
    ]


def ablations(model, texts: dict[str, str], tokens: dict, gold) -> list[str]:
    """What each decoding choice buys, measured by switching it off on the bundled model."""
    from spinlens.semeval.formats import Label
    from spinlens.techniques import decode

    ids = sorted(texts)

    # the same tokens read from windows placed elsewhere: how much of SI is the windows' placement
    shipped_spec = model.spec
    model.spec = replace(shipped_spec, overlap=2 * shipped_spec.overlap)
    try:
        moved = predict(model, texts)
    finally:
        model.spec = shipped_spec

    def run(
        threshold=None,
        second=None,
        gap=None,
        widen=True,
        sentences=None,
        verify=None,
        peak=None,
        trim=True,
        read=tokens,
    ):
        saved = (model.second_label, model.gap, model.verify, model.peak, decode.char_range, decode.split_sentences)
        edges = (model.trim_first, model.trim_last)
        if not trim:
            model.trim_first = model.trim_last = frozenset()
        if second is not None:
            model.second_label = second
        if gap is not None:
            model.gap = gap
        if verify is not None:
            model.verify = verify
        if peak is not None:
            model.peak = peak
        if not widen:
            decode.char_range = lambda text, offsets, first, last: (int(offsets[first][0]), int(offsets[last - 1][1]))
        if sentences is not None:  # where runs may not be joined across
            decode.split_sentences = sentences
        try:
            # candidates and select, not detect: a row changes one setting, and detect moves the peak with
            # a threshold it is given, as `--threshold` does
            pred = [
                Label(a, s.technique, s.start, s.end)
                for a in ids
                for s in model.select(model.candidates(texts[a], read[a], threshold))
            ]
        finally:
            model.second_label, model.gap, model.verify, model.peak, decode.char_range, decode.split_sentences = saved
            model.trim_first, model.trim_last = edges
        return score_si(gold, pred).overall.f1, score_full(gold, pred).overall.f1

    rows = [("bundled model, tuned decoding", run())]
    rows.append(("threshold 0.5 instead of tuned", run(threshold=0.5)))
    rows.append(("no verifier: every run above the threshold kept", run(verify=0.0)))
    rows.append(("no peak: runs kept however faint their surest token", run(peak=0.0)))
    rows.append(
        (
            "no peak, and the best threshold, gap and verifier without one",
            _best_without_peak(model, texts, tokens, gold),
        )
    )
    rows.append(("no joining of runs across small gaps", run(gap=0)))
    rows.append(("no second technique per fragment", run(second=1.01)))
    rows.append(("no widening of spans to whole words", run(widen=False)))

    def paragraphs(text: str) -> list[tuple[int, int]]:
        return [m.span() for m in re.finditer(r"[^\n]+", text)]

    rows.append(("runs may cross sentence ends, not line breaks", run(sentences=paragraphs)))
    rows.append(("runs may cross sentence ends and line breaks", run(sentences=lambda text: [(0, len(text))])))
    rows.append(("no trimming of the words fragments do not begin or end with", run(trim=False)))
    overlaps = f"{2 * shipped_spec.overlap} tokens instead of {shipped_spec.overlap}"
    rows.append((f"windows overlapping by {overlaps} (same decoding)", run(read=moved)))
    lines = [
        "#### Ablations (same model, one choice switched off)",
        "",
        "| variant | SI F1 | full F1 |",
        "|---|---:|---:|",
    ]
    lines += [f"| {name} | {si:.4f} | {full:.4f} |" for name, (si, full) in rows]
    lines += ["", "| TC variant | micro-F1 |", "|---|---:|"]
    for name, predicted in (
        ("bundled model", label_gold(model, texts, tokens, gold)),
        ("a span given twice gets the top technique twice", _tc_each_span_once(model, texts, tokens, gold)),
        (
            "article features (`spanfeatures`) zeroed at inference, a model trained with them",
            _tc_without_features(model, texts, tokens, gold),
        ),
        ("without the cross-fitted calibration", _tc_without_calibration(model, texts, tokens, gold)),
        ("each span encoded alone, without its article context", _tc_without_context(model, texts, gold)),
    ):
        lines.append(f"| {name} | {score_tc(gold, predicted).overall.f1:.4f} |")
    return lines


def _best_without_peak(model, texts: dict[str, str], tokens: dict, gold) -> tuple[float, float]:
    """(SI, full) with no peak, at the threshold, gap and verifier that score best without one: what the
    peak adds over the decoding that would be tuned without it."""
    shipped = (model.gap, model.verify, model.peak)
    try:
        _, best = best_si(model, gold, grid_candidates(model, texts, tokens), peaks=(0.0,))
        model.gap, model.verify, model.peak = int(best["gap"]), best["verify"], 0.0
        pred = detected(model, texts, tokens, best["threshold"])
    finally:
        model.gap, model.verify, model.peak = shipped
    return score_si(gold, pred).overall.f1, score_full(gold, pred).overall.f1


def _tc_each_span_once(model, texts, tokens, gold):
    """TC with every copy of a span labelled on its own, so each gets the likeliest technique."""
    from spinlens.semeval.formats import Label

    out = []
    for lab in gold:
        ((technique, _),) = model.label_tokens(texts[lab.article_id], tokens[lab.article_id], [(lab.start, lab.end)])
        out.append(Label(lab.article_id, technique, lab.start, lab.end))
    return out


def _tc_without_calibration(model, texts, tokens, gold):
    saved = model.span_head.cal_w
    model.span_head.cal_w = None
    try:
        return label_gold(model, texts, tokens, gold)
    finally:
        model.span_head.cal_w = saved


def _tc_without_features(model, texts, tokens, gold):
    import numpy as np

    from spinlens.semeval.formats import Label
    from spinlens.techniques import decode
    from spinlens.techniques.model import SpanHead

    out = []
    for lab in gold:
        toks = tokens[lab.article_id]
        span = decode.token_range(toks.encoded.offsets, lab.start, lab.end)
        zeros = np.zeros((1, len(model.manifest["span_features"])), dtype=np.float32)
        probs, _ = model.span_head(SpanHead.features(toks.hidden, [span], zeros))
        out.append(Label(lab.article_id, model.labels[int(probs[0].argmax())], lab.start, lab.end))
    return out


def _tc_without_context(model, texts, gold):
    from spinlens.semeval.formats import Label

    out = []
    for lab in gold:
        ((technique, _),) = model.label_spans(texts[lab.article_id][lab.start : lab.end], [(0, lab.end - lab.start)])
        out.append(Label(lab.article_id, technique, lab.start, lab.end))
    return out


def speed(ptc: Path) -> dict:
    articles = ptc / "dev" / "articles"
    model = load_model()
    texts = [p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt"))]
    encoded = encode(model.tokenizer, texts)
    n_tokens = int(sum(len(e) for e in encoded))

    # raw forward on exactly the windows the pipeline builds, run as it runs them (a pass each, one per core)
    pieces = [e.ids[start:end] for e in encoded for start, end in windows(len(e), model.spec)]
    raw_times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        for _ in model.forward_windows(pieces):
            pass
        raw_times.append(time.perf_counter() - started)

    analyzer = Analyzer(["techniques"])
    e2e_times = []
    for _ in range(REPEATS):
        sink = io.StringIO()
        started = time.perf_counter()
        results = analyzer.run(read_inputs([str(articles)]))
        WRITERS["jsonl"]((r for r in results if not hasattr(r, "message")), sink)
        e2e_times.append(time.perf_counter() - started)

    command = [sys.executable, "-m", "spinlens", "analyze", str(articles), "--layers", "techniques"]
    command += ["--format", "jsonl", "--out", os.devnull]
    cli_times, rss = [], []
    for _ in range(REPEATS):
        started = time.perf_counter()
        rss.append(peak_rss_mb(command))
        cli_times.append(time.perf_counter() - started)
    raw, e2e, cli = statistics.median(raw_times), statistics.median(e2e_times), statistics.median(cli_times)
    return {
        "articles": len(texts),
        "tokens": n_tokens,
        "windows": len(pieces),
        "window_tokens": int(sum(len(piece) + 2 for piece in pieces)),
        "raw_tokens_per_s": n_tokens / raw,
        "e2e_tokens_per_s": n_tokens / e2e,
        "ratio": raw / e2e,
        "cli_tokens_per_s": n_tokens / cli,
        "cli_seconds": cli,
        "peak_rss_mb": max(rss),
        "model": model.manifest["files"]["onnx"],
    }


def render(result: dict, analysis: list[str], speeds: dict, command: str) -> str:
    s = result["summary"]
    lines = [
        "# Benchmarks",
        "",
        "`make bench` writes this file; each section says the command that made it.",
        "",
        "## Techniques",
        "",
        f"Made by `{command}` on {time.strftime('%Y-%m-%d')} ({host()}). Timings are the median of {REPEATS} runs.",
        "",
        "### Technique model on PTC dev (SemEval-2020 Task 11 metrics)",
        "",
        "| metric | precision | recall | F1 | target |",
        "|---|---:|---:|---:|---|",
        f"| SI (span identification) | {s['si_p']:.4f} | {s['si_r']:.4f} | {s['si_f1']:.4f} | ≥ 0.47 |",
        f"| TC (technique of gold spans, micro) | | | {s['tc_f1']:.4f} | ≥ 0.62 |",
        f"| full task (span + technique) | {s['full_p']:.4f} | {s['full_r']:.4f} | {s['full_f1']:.4f} | aim ≥ 0.28 |",
        "",
        "#### Per technique",
        "",
        "| technique | gold spans | TC F1 | full-task F1 |",
        "|---|---:|---:|---:|",
    ]
    for name, row in result["per_technique"].items():
        lines.append(f"| {name} | {row['gold']} | {row['tc_f1']:.4f} | {row['full_f1']:.4f} |")
    lines += ["", *analysis, ""]
    lines += [
        "### Speed, techniques layer only",
        "",
        f"{speeds['articles']} PTC dev articles, {speeds['tokens']:,} wordpiece tokens "
        f"({speeds['windows']} windows, {speeds['window_tokens']:,} tokens with overlap and [CLS]/[SEP]); "
        f"model file `{speeds['model']}`.",
        "",
        "| measure | value | target |",
        "|---|---:|---|",
        f"| raw onnxruntime forward, same windows | {speeds['raw_tokens_per_s']:,.0f} tokens/s | |",
        f"| end to end in process (read files → analyse → write JSON Lines) | "
        f"{speeds['e2e_tokens_per_s']:,.0f} tokens/s | ≥ 8,000 |",
        f"| end to end ÷ raw forward | {speeds['ratio']:.2f} | ≥ 0.8 |",
        f"| `spinlens analyze DIR` CLI, process start and model load included | "
        f"{speeds['cli_tokens_per_s']:,.0f} tokens/s ({speeds['cli_seconds']:.1f} s) | |",
        f"| peak RSS of the CLI process | {speeds['peak_rss_mb']:,.0f} MB | ≤ 1,024 MB |",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="../shared/data", help="folder holding ptc/")
    parser.add_argument("--out", default="benchmarks/techniques.md")
    args = parser.parse_args()
    ptc = Path(args.data) / "ptc"
    if not (ptc / "dev" / "labels.tsv").is_file():
        sys.exit(f"bench: no PTC dev data at {ptc}")
    result, analysis = quality(ptc)
    print(json.dumps(result["summary"]), file=sys.stderr)
    speeds = speed(ptc)
    print(json.dumps(speeds), file=sys.stderr)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(render(result, analysis, speeds, make_command(args.out)), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
