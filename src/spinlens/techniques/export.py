"""A trained technique network as the package ships it: the ONNX graph, the span head in numpy, int8."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from spinlens.modelfiles import drop_nan_guards


def export(net, Exported, base: Path, out: Path) -> None:
    """Write `out`/model.onnx (the encoder with the BIO head: logits and hidden states), span_head.npz (the
    span classifier's weights, which `model` runs in numpy) and the base's tokenizer."""
    import torch

    graph = Exported(net).eval()
    ids = torch.ones((2, 16), dtype=torch.int64)
    mask = torch.ones((2, 16), dtype=torch.int64)
    with torch.no_grad():
        torch.onnx.export(
            graph,
            (ids, mask),
            str(out / "model.onnx"),
            input_names=["input_ids", "attention_mask"],
            output_names=["bio_logits", "hidden"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "length"},
                "attention_mask": {0: "batch", 1: "length"},
                "bio_logits": {0: "batch", 1: "length"},
                "hidden": {0: "batch", 1: "length"},
            },
            opset_version=17,
            dynamo=False,
        )
    drop_nan_guards(out / "model.onnx")
    head = {
        "w1": net.span1.weight.detach().float().numpy().T.copy(),
        "b1": net.span1.bias.detach().float().numpy(),
        "w2": net.span2.weight.detach().float().numpy().T.copy(),
        "b2": net.span2.bias.detach().float().numpy(),
    }
    np.savez(out / "span_head.npz", **head)
    shutil.copyfile(base / "tokenizer.json", out / "tokenizer.json")


def quantize(src: Path, dst: Path) -> None:
    """int8 weights, per output channel, except the feed-forward down-projections.

    Those read GELU outputs, whose outliers per-tensor int8 activations clip: keeping these six MatMuls in
    fp32 recovers the quality that full int8 loses, for a few percent of speed and ~10 MB.
    """
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    graph = onnx.load(str(src), load_external_data=False).graph
    keep = [n.name for n in graph.node if n.op_type == "MatMul" and _is_ffn_down_projection(n.name)]
    quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8, per_channel=True, nodes_to_exclude=keep)


def _is_ffn_down_projection(node: str) -> bool:
    return node.endswith("/output/dense/MatMul") and "/attention/" not in node
