"""What every training loop here shares: the learning-rate schedule and one optimisation step.

Needs the `train` extra (torch); imported only by the `train` commands and training scripts.
"""

from __future__ import annotations

from typing import Any


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
