"""Average the weights of technique models trained from the same base (a "model soup"), then score it on dev.

    python scripts/soup_techniques.py runs/soup runs/distil runs/distil210

An experiment outside `make bench` (it needs the `train` extra). Averaging the weights of networks fine-tuned
from one base can give an ensemble's gain at one network's cost (Wortsman et al., ICML 2022), which matters
here: an ensemble of two students would halve the technique layer's speed. The encoder, BIO head, span head
and calibration are each averaged; then `train.finish` quantises the result, tunes decoding on dev and writes
both variants' dev scores into the soup's manifest, exactly as a training run does. The README's model card
reports what it gave ("What each choice bought").
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import numpy as np
import onnx
from onnx import numpy_helper

from spinlens.techniques.train import TrainConfig, finish


def average_graphs(runs: list[Path], out: Path) -> None:
    models = [onnx.load(str(run / "model.onnx")) for run in runs]
    names = [[weight.name for weight in m.graph.initializer] for m in models]
    if any(n != names[0] for n in names):
        raise SystemExit(f"{runs}: the graphs differ; only runs of one network from one base can be averaged")
    soup = models[0]
    for index, weight in enumerate(soup.graph.initializer):
        arrays = [numpy_helper.to_array(m.graph.initializer[index]) for m in models]
        if arrays[0].dtype.kind == "f":
            mean = np.mean(arrays, axis=0).astype(arrays[0].dtype)
            weight.CopyFrom(numpy_helper.from_array(mean, weight.name))
    onnx.save(soup, str(out / "model.onnx"))


def average_heads(runs: list[Path], out: Path) -> None:
    heads = [dict(np.load(run / "span_head.npz")) for run in runs]
    if any(head.keys() != heads[0].keys() for head in heads):
        raise SystemExit(f"{runs}: the span heads differ (trained with and without calibration?)")
    np.savez(out / "span_head.npz", **{key: np.mean([h[key] for h in heads], axis=0) for key in heads[0]})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="the folder to write the averaged model to")
    parser.add_argument("runs", type=Path, nargs="+", help="`spinlens train techniques` output folders")
    parser.add_argument("--data", default="../shared/data/ptc", help="PTC, whose dev split scores the soup")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    average_graphs(args.runs, args.out)
    average_heads(args.runs, args.out)
    shutil.copyfile(args.runs[0] / "tokenizer.json", args.out / "tokenizer.json")
    # the first run's labels, window, span features and edge words; `finish` re-tunes the decoding on dev
    manifest = json.loads((args.runs[0] / "manifest.json").read_text())
    manifest.pop("metrics", None)
    manifest["training"]["soup_of"] = [run.name for run in args.runs]
    finish(args.out, manifest, TrainConfig(data=args.data, out=str(args.out)))
    print(json.dumps(json.loads((args.out / "manifest.json").read_text())["metrics"]["dev"], indent=1))


if __name__ == "__main__":
    main()
