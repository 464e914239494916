"""What every training loop here shares: the device, the learning-rate schedule and one optimisation step.

Its functions need the `train` extra (torch), which each imports when called, so that the CLI can offer
`--device` without it.
"""

from __future__ import annotations

from typing import Any

DEVICES = ("auto", "cpu", "cuda")


def training_device(name: str = "auto") -> Any:
    """The torch device to train on: "auto" takes a CUDA GPU when torch sees one, else the CPU.

    Asking for "cuda" where torch sees none is an error rather than a silent fall back to the CPU: a run
    meant for minutes on a GPU would take an hour or more there.
    """
    import torch

    if name not in DEVICES:
        raise ValueError(f"device {name!r}: expected one of {', '.join(DEVICES)}")
    if name == "auto":
        name = "cuda" if torch.cuda.is_available() else "cpu"
    elif name == "cuda" and not torch.cuda.is_available():
        raise ValueError(f"device cuda: torch {torch.__version__} sees no CUDA GPU here")
    return torch.device(name)


def device_name(device: Any) -> str:
    """What a manifest records of the device a model was trained on: "cpu", or "cuda (NVIDIA H200)"."""
    import torch

    return f"cuda ({torch.cuda.get_device_name(device)})" if device.type == "cuda" else device.type


def warmup_then_linear_decay(optimizer: Any, total: int, warmup: int) -> Any:
    """A LambdaLR rising linearly over `warmup` steps, then falling linearly to 0 at step `total`."""
    import torch

    return torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup)))
    )


def optimise(net: Any, optimizer: Any, scheduler: Any, loss: Any) -> None:
    """One step on `loss`, its gradients clipped to norm 1 (fine-tuning a pre-trained encoder at these
    learning rates spikes without it)."""
    import torch

    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
    optimizer.step()
    scheduler.step()
