"""A tiny check-worthiness training run through export, int8, reload and scoring: the model's life cycle in seconds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from spinlens.claims.model import CheckworthyModel
from spinlens.claims.train import TrainConfig, best_threshold, train
from spinlens.modelfiles import ModelError

pytestmark = pytest.mark.slow

CLAIMS = [
    "Unemployment fell to {n} percent last year.",
    "The city spent {n} million dollars on the harbour.",
    "We created {n} thousand jobs in four years.",
]
OTHER = [
    "Thank you all for coming tonight.",
    "I think we should talk about {w}.",
    "Let me answer that question.",
]


def _write(path: Path, n: int) -> None:
    lines = ["Sentence_id\tText\tclass_label"]
    for i in range(n):
        lines.append(f"{i}\t{CLAIMS[i % 3].format(n=i + 2)}\tYes")
        lines.append(f"{1000 + i}\t{OTHER[i % 3].format(w='the future')}\tNo")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def trained(tmp_path_factory, tiny_base) -> tuple[Path, dict]:
    data = tmp_path_factory.mktemp("checkworthy")
    _write(data / "train.tsv", 30)
    _write(data / "dev.tsv", 6)
    out = tmp_path_factory.mktemp("model")
    manifest = train(
        TrainConfig(
            data=str(data), out=str(out), base=str(tiny_base), max_steps=6, batch_size=8, tune_share=0.2, layers=1
        ),
        log=lambda _: None,
    )
    return out, manifest


def test_training_writes_a_complete_manifest(trained):
    out, manifest = trained
    assert manifest["files"]["onnx"] in {"model.onnx", "model.int8.onnx"}
    assert not (set(p.name for p in out.glob("*.onnx")) - {manifest["files"]["onnx"]})
    for name, digest in manifest["sha256"].items():
        assert (out / name).is_file() and len(digest) == 64
    assert 0 < manifest["threshold"] < 1
    assert manifest["max_tokens"] == 64
    assert set(manifest["metrics"]["dev"][manifest["metrics"]["chosen"]]) >= {"f1", "precision", "recall"}
    assert manifest["training"]["sentences"] == 48  # 60 rows less the 20% held out for the threshold
    assert manifest["training"]["settings"]["layers"] == 1
    import torch

    assert manifest["training"]["settings"]["device"].startswith("cuda" if torch.cuda.is_available() else "cpu")


def test_only_the_first_layers_of_the_base_are_kept(trained):
    import onnx

    out, manifest = trained
    graph = onnx.load(str(out / manifest["files"]["onnx"])).graph
    layers = {node.name.split("/layer.")[1].split("/")[0] for node in graph.node if "/layer." in node.name}
    assert layers == {"0"}  # the tiny base has two


def test_exported_model_reloads_and_scores_in_input_order(trained):
    model = CheckworthyModel(trained[0])
    sentences = ["Short.", "The city spent 40 million dollars. " * 30, "", "Let me answer that question."]
    probs = model.score(sentences, batch_size=2)
    assert probs.shape == (4,) and ((probs >= 0) & (probs <= 1)).all()
    # sorting by length inside must not shuffle the answers; int8 activations are scaled per batch, so
    # other batch-mates move a score a little, never more
    again = model.score(sentences[::-1], batch_size=3)[::-1]
    assert np.allclose(probs, again, atol=5e-3)
    assert model.info.name == "spinlens-checkworthy-minilm"


def test_a_model_of_another_format_is_refused_clearly(trained, tmp_path):
    out, manifest = trained
    copy = tmp_path / "model"
    shutil.copytree(out, copy)
    (copy / "manifest.json").write_text(json.dumps({**manifest, "format": 999}))
    with pytest.raises(ModelError, match="format 999"):
        CheckworthyModel(copy)


def test_threshold_is_tuned_for_f1_of_yes():
    gold = [True, True, False, False]
    assert 0.3 < best_threshold(gold, np.array([0.9, 0.4, 0.3, 0.1])) <= 0.4
    assert best_threshold([], np.array([])) == 0.5
