"""`make bench` (batch section): throughput, scaling, Ray overhead and memory of `spinlens batch`.

Everything runs on a corpus generated here from sentences we wrote (no research data is needed or used):

- the single-process `Analyzer` (techniques layer alone) on one core: the per-core baseline;
- the local engine with 1 worker on 1 core and 2 workers on 2 cores: articles/s, scaling efficiency, and
  the ratio to the baseline per core (target >= 0.85);
- the Ray engine on a local 2-CPU cluster against the local engine with 2 workers: the overhead ratio;
- peak RSS per worker on a small and a large JSON Lines input (the `sentences` layer only, so that the
  large one streams through in minutes; the model adds the same constant to every worker whatever the input).

Wall-clock timings are end to end (process start to summary), best of interleaved repeats; the machine is
shared, so CPU time (which other people's jobs do not inflate) is reported beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from benchtools import host

SPINLENS = [sys.executable, "-m", "spinlens", "batch"]

# Written for this benchmark: news-like sentences from every side, some plain, some loaded.
SENTENCES = [
    "The city council approved the new budget on Tuesday after a long debate.",
    "Opposition members called the plan a reckless gamble with taxpayers' money.",
    "The minister said the reform would cut waiting times by a third within two years.",
    "Critics argue that the figures were chosen to flatter the government.",
    "Only a fool would believe that these so-called experts have our interests at heart.",
    "Every patriot knows that our borders must be defended at any cost.",
    "Union leaders warned that thousands of jobs could be lost if the factory closes.",
    "The company said it remained committed to the region and its workers.",
    "Environmental groups described the decision as a betrayal of future generations.",
    "Farmers say the new rules will drive small producers out of business.",
    "The report found no evidence that the policy had reduced crime.",
    "Wake up: the same elites who lied to you before are lying to you again.",
    "Rainfall last month was close to the seasonal average, the weather service said.",
    "Supporters of the bill gathered outside parliament holding banners and flags.",
    "The senator accused her rivals of playing politics with people's lives.",
    "Analysts expect inflation to ease slowly over the coming year.",
    "This is a disaster, a total disaster, and everyone knows it.",
    "Local residents said they had not been consulted about the new road.",
    "The court will hear the case again in the spring.",
    "Activists on the left and the right both claimed victory after the vote.",
    "Hospitals are at breaking point, doctors say, and the government is doing nothing.",
    "The governor praised the volunteers who helped clear the flooded streets.",
    "Some economists believe the tax cut will pay for itself; others strongly disagree.",
    "Either we stand together now, or we lose everything we have built.",
    "The police said the protest had been largely peaceful.",
    "Investors reacted calmly to the central bank's announcement.",
    "Teachers' unions demanded smaller classes and better pay.",
    "The mayor dismissed the criticism as fake news spread by bitter opponents.",
    "Scientists cautioned that the study was small and needed to be repeated.",
    "Our brave soldiers deserve better than the cowards who sent them there.",
]


def write_corpus(path: Path, count: int, sentences_per_article: int = 22, seed: int = 5) -> int:
    """JSON Lines of generated articles (title line, empty line, body); returns the file's size in bytes."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            body = " ".join(rng.choice(SENTENCES) for _ in range(sentences_per_article))
            title = rng.choice(SENTENCES).rstrip(".")
            out.write(json.dumps({"id": f"g{i}", "title": title, "text": f"{title}\n\n{body}", "outlet": "Gen"}) + "\n")
    return path.stat().st_size


def write_sized_corpus(path: Path, target_bytes: int) -> int:
    """Append generated articles until the file reaches `target_bytes` (streamed: memory stays flat)."""
    rng = random.Random(11)
    size = 0
    i = 0
    with open(path, "w", encoding="utf-8") as out:
        while size < target_bytes:
            body = " ".join(rng.choice(SENTENCES) for _ in range(22))
            line = json.dumps({"id": f"m{i}", "text": body}) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            i += 1
    return size


def run_batch(args: list[str], out: Path, cpus: set[int] | None = None, env: dict | None = None) -> dict:
    """Run `spinlens batch`, sampling the RSS of its processes; returns the manifest's summary and peaks."""
    shutil.rmtree(out, ignore_errors=True)

    def pin() -> None:
        if cpus is not None:
            os.sched_setaffinity(0, cpus)

    load = os.getloadavg()[0]
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    process = psutil.Popen(
        [*SPINLENS, *args, "--out", str(out)],
        preexec_fn=pin,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    main_peak = 0
    worker_peaks: dict[int, int] = {}
    while process.poll() is None:
        try:
            main_peak = max(main_peak, process.memory_info().rss)
            for child in process.children(recursive=True):
                try:
                    worker_peaks[child.pid] = max(worker_peaks.get(child.pid, 0), child.memory_info().rss)
                except psutil.Error:
                    continue
        except psutil.Error:
            pass
        time.sleep(0.1)
    wall = time.monotonic() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # the batch and every worker it reaped: what the run cost in CPU, whoever else shared the cores
    cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    stderr = process.stderr.read().decode() if process.stderr else ""
    if process.returncode not in (0, 1):
        raise SystemExit(f"spinlens batch {' '.join(args)} failed ({process.returncode}):\n{stderr[-3000:]}")
    manifest = json.loads((out / "_spinlens" / "manifest.json").read_text())
    # the spawn helper process (resource tracker) is tiny; workers are the processes that loaded models
    workers = sorted(worker_peaks.values(), reverse=True)
    return {
        "wall": wall,
        "cpu": cpu,
        "load": load,
        "articles": manifest["articles"],
        "failures": manifest["failures"],
        "rate": manifest["articles"] / wall,
        "main_rss": main_peak,
        "worker_rss": workers,
    }


ANALYZER_BASELINE = """
import json, os, sys, time
os.sched_setaffinity(0, {0})
from spinlens.inputs.readers import read_inputs
from spinlens.pipeline import Analyzer
analyzer = Analyzer(["techniques"], model_dir=sys.argv[2] or None)
docs = list(read_inputs([sys.argv[1]]))
list(analyzer.run(docs[:4]))  # load the model and warm up, outside the timing
started, cpu = time.monotonic(), time.process_time()
count = sum(1 for _ in analyzer.run(docs))
elapsed, cpu = time.monotonic() - started, time.process_time() - cpu
print(json.dumps({"articles": count, "seconds": elapsed, "cpu": cpu, "load": os.getloadavg()[0]}))
"""


def analyzer_baseline(corpus: Path, model: str | None) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", ANALYZER_BASELINE, str(corpus), model or ""], capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["rate"] = result["articles"] / result["seconds"]
    return result


def model_name(model: str | None) -> str:
    from spinlens.modelfiles import MANIFEST
    from spinlens.techniques.model import BUNDLED_DIR

    folder = Path(model) if model else BUNDLED_DIR
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return f"{manifest['name']} {manifest['version']} ({'--model ' + model if model else 'bundled'})"


def mb(value: int) -> str:
    return f"{value / 1e6:,.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="unused: this section generates its own corpus")
    parser.add_argument("--out", default="benchmarks/batch.md")
    parser.add_argument("--articles", type=int, default=240, help="articles in the throughput corpus")
    parser.add_argument("--small-mb", type=float, default=10)
    parser.add_argument("--large-mb", type=float, default=1000)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--model", help="technique model folder (default: the bundled one)")
    parser.add_argument("--full-articles", type=int, default=60, help="articles for the all-layers run")
    parser.add_argument("--skip-ray", action="store_true")
    options = parser.parse_args()

    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        raise SystemExit("the batch bench needs 2 cores")
    work = Path(tempfile.mkdtemp(prefix="spinlens-bench-batch-"))
    try:
        corpus = work / "corpus.jsonl"
        corpus_bytes = write_corpus(corpus, options.articles)
        chars = corpus_bytes / options.articles
        # parts of 16 let both workers share a corpus this small; at scale the default (256) does the same
        layers = ["--layers", "techniques", "--part-size", "16", *(["--model", options.model] if options.model else [])]

        # what every run pays before its first article: interpreter, spawning workers, loading the model
        first = corpus.read_text(encoding="utf-8").split("\n", 2)
        (work / "first.jsonl").write_text(first[0] + "\n" + first[1] + "\n")
        startup1 = run_batch([str(work / "first.jsonl"), *layers, "--workers", "1"], work / "s1", cpus={cpus[0]})
        startup2 = run_batch(
            [str(work / "first.jsonl"), *layers, "--part-size", "1", "--workers", "2"],
            work / "s2",
            cpus=set(cpus[:2]),
        )
        # interleaved repeats, best wall time kept: the cores are shared with other people's jobs
        runs: dict[str, list[dict]] = {"baseline": [], "one": [], "two": []}
        for _ in range(options.repeats):
            runs["baseline"].append(analyzer_baseline(corpus, options.model))
            runs["one"].append(run_batch([str(corpus), *layers, "--workers", "1"], work / "one", cpus={cpus[0]}))
            runs["two"].append(run_batch([str(corpus), *layers, "--workers", "2"], work / "two", cpus=set(cpus[:2])))
        baseline = max(runs["baseline"], key=lambda r: r["rate"])
        one = max(runs["one"], key=lambda r: r["rate"])
        two = max(runs["two"], key=lambda r: r["rate"])
        # the whole default pipeline (every layer), 1 worker on 1 core: what sizing a real run starts from
        model = ["--model", options.model] if options.model else []
        full_startup = run_batch([str(work / "first.jsonl"), "--workers", "1", *model], work / "fs", cpus={cpus[0]})
        subset = work / "subset.jsonl"
        subset.write_text("".join(corpus.read_text(encoding="utf-8").splitlines(True)[: options.full_articles]))
        full = run_batch([str(subset), "--workers", "1", "--part-size", "16", *model], work / "full", cpus={cpus[0]})
        full["steady"] = full["articles"] / max(full["wall"] - full_startup["wall"], 1e-9)
        ray = None
        if not options.skip_ray:
            env = {**os.environ, "RAY_DISABLE_USAGE_STATS": "1"}
            ray = run_batch(
                [str(corpus), *layers, "--workers", "2", "--engine", "ray"], work / "ray", cpus=set(cpus[:2]), env=env
            )

        small = work / "small.jsonl"
        small_bytes = write_sized_corpus(small, int(options.small_mb * 1e6))
        small_run = run_batch([str(small), "--layers", "sentences", "--workers", "2"], work / "small-out")
        small.unlink()
        large = work / "large.jsonl"
        large_bytes = write_sized_corpus(large, int(options.large_mb * 1e6))
        large_run = run_batch([str(large), "--layers", "sentences", "--workers", "2"], work / "large-out")
        large.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    one["steady"] = one["articles"] / max(one["wall"] - startup1["wall"], 1e-9)
    two["steady"] = two["articles"] / max(two["wall"] - startup2["wall"], 1e-9)
    # CPU seconds per article, start-up CPU taken out: what the work costs whatever else ran on the cores
    one["per_cpu"] = one["articles"] / max(one["cpu"] - startup1["cpu"], 1e-9)
    two["per_cpu"] = two["articles"] / max(two["cpu"] - startup2["cpu"], 1e-9)
    baseline["per_cpu"] = baseline["articles"] / baseline["cpu"]
    scaling = two["steady"] / (2 * one["steady"])
    per_core = (two["steady"] / 2) / baseline["rate"]
    loads = [r["load"] for group in runs.values() for r in group]
    lines = [
        "## Batch analysis (`spinlens batch`)",
        "",
        f"Made by `python scripts/bench_batch.py --out {options.out}` on {host()}, "
        f"{time.strftime('%Y-%m-%d')}. The corpus is "
        f"generated from sentences written for the bench: {options.articles} articles of about {chars:,.0f} bytes "
        f"of JSON each. Each run is repeated {options.repeats} times, interleaved, and the fastest kept. The "
        f"1-minute load average, which counts the bench's own processes, was {min(loads):.1f} to {max(loads):.1f} "
        f"during these runs on {len(cpus)} cores; work from anyone else would inflate the wall-clock rates, not "
        "the CPU-time columns.",
        "",
        f"Technique model: {model_name(options.model)}.",
        "",
        "### Throughput and scaling (techniques layer alone)",
        "",
        "| run | cores | wall | articles/s end to end | articles/s after start-up | per core | articles per CPU-s |",
        "|---|---:|---:|---:|---:|---:|---:|",
        f"| single-process `Analyzer` (model loaded, warm) | 1 | {baseline['seconds']:.1f} s | "
        f"| {baseline['rate']:.2f} | {baseline['rate']:.2f} | {baseline['per_cpu']:.2f} |",
        f"| local engine, 1 worker | 1 | {one['wall']:.1f} s | {one['rate']:.2f} | {one['steady']:.2f} "
        f"| {one['steady']:.2f} | {one['per_cpu']:.2f} |",
        f"| local engine, 2 workers | 2 | {two['wall']:.1f} s | {two['rate']:.2f} | {two['steady']:.2f} "
        f"| {two['steady'] / 2:.2f} | {two['per_cpu']:.2f} |",
    ]
    if ray is not None:
        lines.append(
            f"| Ray engine, local 2-CPU cluster, 2 actors | 2 | {ray['wall']:.1f} s | {ray['rate']:.2f} | | | |"
        )
    lines.append(
        f"| local engine, 1 worker, **all default layers** ({full['articles']} articles) | 1 | {full['wall']:.1f} s "
        f"| {full['rate']:.2f} | {full['steady']:.2f} | {full['steady']:.2f} | |"
    )
    lines += [
        "",
        f"Start-up (interpreter, spawning workers, loading the model: `spinlens batch` on two articles): "
        f'{startup1["wall"]:.1f} s with 1 worker, {startup2["wall"]:.1f} s with 2; "after start-up" rates '
        "subtract it from the wall time, and its CPU time from the CPU time.",
        "",
        f"- Scaling efficiency, 1 to 2 workers, wall clock after start-up: **{scaling:.2f}** (2-worker rate / "
        f"twice the 1-worker rate); in CPU time: {two['per_cpu'] / one['per_cpu']:.2f} (articles per CPU-second, "
        "2 workers / 1 worker).",
        f"- Local engine per core vs the single-process `Analyzer`, wall clock after start-up: **{per_core:.2f}x**"
        f" (target >= 0.85{': met' if per_core >= 0.85 else ': NOT met'}); 1 worker on 1 core: "
        f"{one['steady'] / baseline['rate']:.2f}x; in CPU time, 2 workers: "
        f"{two['per_cpu'] / baseline['per_cpu']:.2f}x, 1 worker: {one['per_cpu'] / baseline['per_cpu']:.2f}x.",
    ]
    if ray is not None:
        overhead = two["wall"] and ray["wall"] / two["wall"]
        lines.append(
            f"- Ray overhead vs the local engine (wall time, same corpus, 2 CPUs): **{overhead:.2f}x** "
            f"({ray['wall']:.1f} s vs {two['wall']:.1f} s; Ray's includes starting the local cluster)."
        )
    lines += [
        "",
        f"Articles per core-hour measured here (1 worker on 1 core, after start-up): "
        f"**{one['steady'] * 3600:,.0f}** with the techniques layer alone, **{full['steady'] * 3600:,.0f}** with "
        f"every default layer, on articles of about {chars:,.0f} bytes (see docs/scaling.md).",
    ]
    ratio = max(large_run["worker_rss"][:2]) / max(small_run["worker_rss"][:2])
    lines += [
        "",
        "### Memory: peak RSS on a small and a large JSON Lines input (2 workers, `sentences` layer)",
        "",
        "| input | articles | main process | worker 1 | worker 2 | wall |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for size, run in ((small_bytes, small_run), (large_bytes, large_run)):
        w = run["worker_rss"] + [0, 0]
        rss = f"{mb(run['main_rss'])} | {mb(w[0])} | {mb(w[1])}"
        lines.append(f"| {mb(size)} | {run['articles']:,} | {rss} | {run['wall']:.0f} s |")
    lines += [
        "",
        f"- Peak worker RSS, large / small input: **{ratio:.2f}x** (target <= 1.5)"
        + (" - met." if ratio <= 1.5 else " - NOT met."),
        "- The large input streams through the `sentences` layer only: running the technique model over a GB of",
        "  text would take hours here (see the throughput above). The model adds a constant to each worker's RSS",
        "  (it is loaded once, whatever the input size), so the ratio with it is closer still to 1.",
        "",
    ]
    Path(options.out).parent.mkdir(parents=True, exist_ok=True)
    Path(options.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
