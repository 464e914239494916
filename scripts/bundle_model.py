"""Copy a trained model's manifest and the files it names into the package, replacing the bundled one.

python scripts/bundle_model.py runs/techniques-v2 techniques
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

PACKAGE_MODELS = Path(__file__).resolve().parent.parent / "src" / "spinlens" / "models"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model_dir", type=Path, help="a folder written by `spinlens train ...`")
    parser.add_argument("name", help="the model's folder name under src/spinlens/models/")
    args = parser.parse_args()
    manifest = json.loads((args.model_dir / "manifest.json").read_text(encoding="utf-8"))
    target = PACKAGE_MODELS / args.name
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in ["manifest.json", *manifest["files"].values()]:
        shutil.copyfile(args.model_dir / name, target / name)
    size = sum(p.stat().st_size for p in target.iterdir()) / 1e6
    print(f"bundled {args.model_dir} as {target} ({size:.1f} MB)")


if __name__ == "__main__":
    main()
