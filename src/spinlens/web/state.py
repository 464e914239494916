"""What the app's requests share: settings, the store and the analysis pool."""

from __future__ import annotations

from dataclasses import dataclass

from spinlens.store.database import Store
from spinlens.web.analysis import AnalysisPool


@dataclass(frozen=True)
class Settings:
    db: str | None = None
    max_body_bytes: int = 2_000_000
    workers: int = 2
    queue: int = 6
    timeout: float = 30.0


@dataclass
class State:
    settings: Settings
    store: Store
    pool: AnalysisPool
