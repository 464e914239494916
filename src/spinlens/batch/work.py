"""What every batch worker does, whatever the engine: units in, records and failures out.

Both engines call `analyse` with an `Analyzer` built once per worker process (or Ray actor), so the
records they produce for the same inputs are the same.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from spinlens.batch.output import Failure
from spinlens.batch.sources import Unit, resolve, unit_id
from spinlens.inputs.document import InputError
from spinlens.pipeline import Analyzer


@dataclass(frozen=True)
class Options:
    """The analysis options of a batch (what `Analyzer` takes), picklable to ship to workers."""

    layers: tuple[str, ...] | None = None
    threshold: float | None = None
    strict: bool = False
    model_dir: str | None = None
    batch_size: int = 16
    max_bytes: int = 5_000_000

    def analyzer(self) -> Analyzer:
        return Analyzer(
            list(self.layers) if self.layers is not None else None,
            threshold=self.threshold,
            strict=self.strict,
            model_dir=self.model_dir,
            batch_size=self.batch_size,
        )

    def describe(self) -> dict[str, Any]:
        return {
            "layers": list(self.layers) if self.layers is not None else None,
            "threshold": self.threshold,
            "strict": self.strict,
            "model_dir": os.path.abspath(self.model_dir) if self.model_dir else None,
            "max_bytes": self.max_bytes,
        }


def analyse(analyzer: Analyzer, units: list[Unit]) -> list[dict[str, Any] | Failure]:
    """Analyse units; one result per unit, in order: its record (as `Analysis.to_dict()`) or its failure."""
    docs = [resolve(unit) for unit in units]
    # An article's record never depends on what shares its batch (the models run each window, and each
    # article's sentences, as passes of their own), so it is the same whichever engine, part or worker it
    # lands in. `run` yields exactly one result per input, in order, so each result pairs with its unit.
    return [
        Failure(unit_id(unit), result.source, result.message) if isinstance(result, InputError) else result.to_dict()
        for unit, result in zip(units, analyzer.run(docs), strict=True)
    ]
