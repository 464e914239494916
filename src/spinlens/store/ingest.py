"""Ingesting: analyse what is not stored yet and store it, one article per transaction.

Each article is committed on its own as soon as it is analysed, and the content hash is unique, so a run
stopped at any point (crash, Ctrl-C) leaves only whole articles behind, and running it again picks up
exactly the ones still missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spinlens.inputs.document import Document, InputError, with_defaults
from spinlens.pipeline import Analyzer
from spinlens.record import Analysis
from spinlens.store.database import Store, Unstorable, content_hash, model_version


@dataclass
class IngestStats:
    stored: int = 0
    reanalysed: int = 0
    skipped: int = 0
    failed: list[InputError] = field(default_factory=list)


@dataclass(frozen=True)
class Plan:
    """What an ingest will do, known before any model runs: the documents to analyse and how many to skip."""

    pending: list[Document]
    skipped: int
    failed: list[InputError]


def plan(
    store: Store,
    inputs: Iterable[Document | InputError],
    *,
    analyzer: Analyzer,
    outlet: str | None = None,
    published: str | None = None,
    reanalyze: bool = False,
) -> Plan:
    """Sort inputs into those to analyse and those already stored (by the current models, with `reanalyze`).

    The same text given twice in one run is analysed once.
    """
    documents: list[Document] = []
    failed: list[InputError] = []
    for item in inputs:
        if isinstance(item, InputError):
            failed.append(item)
        elif (empty := item.empty()) is not None:
            failed.append(empty)
        else:
            documents.append(with_defaults(item, outlet=outlet, published=published))
    stored = store.stored_versions(content_hash(d.text) for d in documents)
    # Only --reanalyze needs the current models' versions; loading them to skip everything would be wasted time.
    current = model_version({"models": [m.model_dump() for m in analyzer.models()]}) if reanalyze else None
    pending: list[Document] = []
    seen: set[str] = set()
    skipped = 0
    for document in documents:
        digest = content_hash(document.text)
        version = stored.get(digest)
        if digest in seen or (version is not None and not (reanalyze and version != current)):
            skipped += 1
        else:
            pending.append(document)
        seen.add(digest)
    return Plan(pending, skipped, failed)


def ingest(
    store: Store,
    analyzer: Analyzer,
    documents: list[Document],
    *,
    batch_size: int | None = None,
    stats: IngestStats | None = None,
    progress: Callable[[Iterator], Iterator] = iter,
) -> IngestStats:
    """Analyse and store `documents`, updating `stats` as each one is committed."""
    stats = stats or IngestStats()
    for result in progress(analyzer.run(documents, batch_size=batch_size)):
        if isinstance(result, Analysis):
            try:
                saved = store.save(result)
            except Unstorable as exc:
                stats.failed.append(InputError(result.article.source or result.article.id or "<text>", str(exc)))
                continue
            if saved.created:
                stats.stored += 1
            else:
                stats.reanalysed += 1
        else:
            stats.failed.append(result)
    return stats
