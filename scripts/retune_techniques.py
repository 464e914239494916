"""Tune a trained technique model's decoding on PTC dev again, as `spinlens train` does, and rewrite its manifest.

For a change to decoding alone (a new setting in `evaluate.best_si`'s grid): the network stays as it is, the
manifest gets the settings the grid now picks and the dev scores of its model file at them. The fp32 file's
scores stay those measured at training time (the package ships only the file its manifest names).

python scripts/retune_techniques.py src/spinlens/models/techniques --data ../shared/data/ptc
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from spinlens.modelfiles import write_manifest
from spinlens.techniques.evaluate import evaluate, tune
from spinlens.techniques.examples import load_split


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model_dir", type=Path, help="a folder written by `spinlens train techniques`")
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ptc"), help="PTC, whose dev split tunes it")
    args = parser.parse_args()
    texts, gold = load_split(args.data, "dev")
    path = args.model_dir / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    before = dict(manifest["decode"])
    tuned = tune(args.model_dir, texts, gold)
    manifest["decode"] = {**tuned, **{key: value for key, value in before.items() if key not in tuned}}
    write_manifest(args.model_dir, manifest, manifest["files"])
    result = evaluate(args.model_dir, texts, gold)
    metrics = manifest["metrics"]
    metrics["dev"][manifest["files"]["onnx"]] = result["summary"]
    metrics["chosen"] = manifest["files"]["onnx"]
    metrics["dev_per_technique"] = result["per_technique"]
    write_manifest(args.model_dir, manifest, manifest["files"])
    changed = {key: (before.get(key), value) for key, value in manifest["decode"].items() if before.get(key) != value}
    print(f"{args.model_dir}: decoding {changed or 'unchanged'}; dev {json.dumps(result['summary'])}")


if __name__ == "__main__":
    main()
