"""The analysis pipeline: a registry of components, each adding its layer to the analysis record.

A component is built once per `Analyzer` (so a model loads once) and called on batches of records. It reads
the record and adds to it; it never calls another component. Components are registered by name, spaCy
style, so later layers plug in without this module knowing about them::

    @register("claims", after=("techniques",))
    def make_claims(config: PipelineConfig) -> Component: ...
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol, TypeVar

from spinlens.inputs.document import Document, InputError
from spinlens.record import Analysis, Article, ModelInfo

T = TypeVar("T")


class RejectedInput(Exception):
    """A component refuses some articles of a batch (e.g. non-English text under --strict).

    It raises this after it has processed the rest of the batch; `reasons` maps the refused records'
    positions in the batch to one-line reasons. Later components only see the records it kept.
    """

    def __init__(self, reasons: dict[int, str]) -> None:
        super().__init__("; ".join(reasons.values()))
        self.reasons = reasons


class Component(Protocol):
    """A pipeline layer.

    It may also have `prepare(batch)`, to start its costly part in the background (`spinlens.prefetch`),
    and `prepare_after`, the names of the layers whose output that part reads. The `Analyzer` calls
    `prepare` on each batch as soon as those layers have run (at once when it names none), before the
    layer's own turn comes.
    """

    name: str

    def models(self) -> list[ModelInfo]: ...

    def __call__(self, batch: list[Analysis]) -> None: ...


@dataclass
class PipelineConfig:
    """Options every component may read; a component ignores what it does not use."""

    threshold: float | None = None
    strict: bool = False
    model_dir: str | None = None
    batch_size: int = 16
    extra: dict[str, Any] = field(default_factory=dict)


Factory = Callable[[PipelineConfig], Component]


@dataclass(frozen=True)
class _Entry:
    factory: Factory
    default: bool
    # layers whose output this one cannot do without: asking for it runs them too
    requires: tuple[str, ...] = ()


_REGISTRY: dict[str, _Entry] = {}
# Modules whose import registers the built-in components, in pipeline order.
_BUILTIN_MODULES = (
    "spinlens.language",
    "spinlens.sentences",
    "spinlens.techniques.component",
    # entities before quotes (speakers resolve to entities), both before claims (claims read quotes' speakers)
    "spinlens.entities.component",
    "spinlens.quotes.component",
    "spinlens.claims.component",
)


def register(name: str, *, default: bool = True, requires: tuple[str, ...] = ()) -> Callable[[Factory], Factory]:
    def decorator(factory: Factory) -> Factory:
        _REGISTRY[name] = _Entry(factory, default, requires)
        return factory

    return decorator


def available_layers() -> list[str]:
    _load_builtins()
    return list(_REGISTRY)


def default_layers() -> list[str]:
    _load_builtins()
    return [name for name, entry in _REGISTRY.items() if entry.default]


def _load_builtins() -> None:
    for module in _BUILTIN_MODULES:
        importlib.import_module(module)
    # pipeline order is _BUILTIN_MODULES order even when a caller imported a component module first
    rank = {module: i for i, module in enumerate(_BUILTIN_MODULES)}
    ordered = sorted(_REGISTRY.items(), key=lambda item: rank.get(item[1].factory.__module__, len(rank)))
    _REGISTRY.clear()
    _REGISTRY.update(ordered)


def _record_for(doc: Document) -> Analysis:
    article = Article(
        id=doc.id,
        title=doc.title,
        text=doc.text,
        outlet=doc.outlet,
        url=doc.url,
        published=doc.published,
        author=doc.author,
        source=doc.source,
    )
    record = Analysis(article=article)
    for code, message in doc.warnings:
        record.warn("input", code, message)
    return record


def as_document(item: str | Document | dict[str, Any], **meta: Any) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(text=item, **meta)
    if isinstance(item, dict):
        known = {k: v for k, v in item.items() if k in Document.__dataclass_fields__ and k != "warnings"}
        if not isinstance(known.get("text"), str):
            raise TypeError("a dict input needs a string 'text'")
        return Document(**known)
    raise TypeError(f"cannot analyse a {type(item).__name__}: give a str, a Document or a dict with 'text'")


def _documents(items: Iterable[str | Document | dict[str, Any] | InputError]) -> Iterator[Document | InputError]:
    for number, item in enumerate(items, start=1):
        if isinstance(item, Document | InputError):
            yield item
            continue
        try:
            yield as_document(item)
        except TypeError as exc:
            yield InputError(f"item {number}", str(exc))


@dataclass
class _Batch:
    """A batch on its way through the pipeline: every input's result in input order, and the records
    still being analysed."""

    results: list[Analysis | InputError]
    live: list[Analysis]
    to_prepare: list[Any] = field(default_factory=list)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class Analyzer:
    """Loads the pipeline's models once and analyses articles with them.

    >>> analyzer = Analyzer()
    >>> for analysis in analyzer.analyze_many(texts, batch_size=16): ...
    """

    def __init__(
        self,
        layers: Iterable[str] | None = None,
        *,
        threshold: float | None = None,
        strict: bool = False,
        model_dir: str | None = None,
        batch_size: int = 16,
    ) -> None:
        _load_builtins()
        names = list(layers) if layers is not None else default_layers()
        unknown = [n for n in names if n not in _REGISTRY]
        if unknown:
            raise ValueError(f"unknown layer(s) {', '.join(unknown)}; available: {', '.join(_REGISTRY)}")
        if strict and "language" not in names:
            names.append("language")  # refusing non-English text needs its language, whichever layers were named
        # "--layers claims" alone must not give no claims for want of the sentences they are made of
        wanted = list(names)
        while wanted:
            required = [name for name in _REGISTRY[wanted.pop()].requires if name not in names]
            names += required
            wanted += required
        self.config = PipelineConfig(threshold=threshold, strict=strict, model_dir=model_dir, batch_size=batch_size)
        # registry order is pipeline order, whatever order the caller named the layers in
        self.components: list[Component] = [_REGISTRY[name].factory(self.config) for name in _REGISTRY if name in names]

    @property
    def layers(self) -> list[str]:
        return [c.name for c in self.components]

    def models(self) -> list[ModelInfo]:
        # layers that share a model (entities and quotes share one spaCy parse) list it once
        found = {(m.name, m.version, m.sha256): m for c in self.components for m in c.models()}
        return list(found.values())

    def analyze(self, text: str | Document, **meta: Any) -> Analysis:
        result = next(self.run([as_document(text, **meta)]))
        if isinstance(result, InputError):
            raise ValueError(result.message)
        return result

    def analyze_many(
        self, items: Iterable[str | Document | dict[str, Any]], batch_size: int | None = None
    ) -> Iterator[Analysis]:
        """Analyse items lazily, yielding records in input order; raises on an item that fails."""
        for result in self.run(items, batch_size=batch_size):
            if isinstance(result, InputError):
                raise ValueError(str(result))
            yield result

    def run(
        self, docs: Iterable[str | Document | dict[str, Any] | InputError], batch_size: int | None = None
    ) -> Iterator[Analysis | InputError]:
        """Like `analyze_many`, but failures come back in place as `InputError`s instead of raising: an input
        that failed to read, an empty text, or an item that is no text at all ("item 3: cannot analyse a int").

        It reads one batch ahead and starts that batch's background work (the parse) before finishing the
        current one, so the cores stay busy across batch boundaries.
        """
        size = max(1, batch_size or self.config.batch_size)
        ahead: _Batch | None = None
        for chunk in _chunks(_documents(docs), size):
            started = self._start(chunk)
            if ahead is not None:
                yield from self._finish(ahead)
            ahead = started
        if ahead is not None:
            yield from self._finish(ahead)

    def _start(self, docs: list[Document | InputError]) -> _Batch:
        results: list[Analysis | InputError] = []
        for doc in docs:
            if isinstance(doc, InputError):
                results.append(doc)
            else:
                results.append(doc.empty() or _record_for(doc))
        models = self.models()
        batch = _Batch(results, [r for r in results if isinstance(r, Analysis)])
        for record in batch.live:
            record.models = list(models)
        batch.to_prepare = [c for c in self.components if hasattr(c, "prepare")]
        if batch.live:
            batch.to_prepare = self._prepare(batch.to_prepare, set(), batch.live)
        return batch

    def _finish(self, batch: _Batch) -> list[Analysis | InputError]:
        results, live, to_prepare = batch.results, batch.live, batch.to_prepare
        done: set[str] = set()
        for component in self.components:
            if not live:
                break
            if component in to_prepare:  # its own turn has come: it does the work itself
                to_prepare.remove(component)
            to_prepare = self._prepare(to_prepare, done, live)
            reasons = self._call(component, live)
            done.add(component.name)
            for position, reason in reasons.items():
                record = live[position]
                results[next(i for i, r in enumerate(results) if r is record)] = InputError(_name(record), reason)
            live = [r for i, r in enumerate(live) if i not in reasons]
        return results

    def _prepare(self, waiting: list[Any], done: set[str], batch: list[Analysis]) -> list[Any]:
        """Calls `prepare` on the waiting components whose inputs are ready; returns those still waiting."""
        present = {c.name for c in self.components}
        still = []
        for component in waiting:
            needs = [name for name in getattr(component, "prepare_after", ()) if name in present]
            if all(name in done for name in needs):
                component.prepare(batch)
            else:
                still.append(component)
        return still

    @staticmethod
    def _call(component: Component, batch: list[Analysis]) -> dict[int, str]:
        """Run a component on a batch; returns the records it refused or failed on, with reasons.

        A component that fails on a batch is retried one record at a time, so that one article that
        breaks it costs only that article.
        """
        try:
            component(batch)
            return {}
        except RejectedInput as rejected:
            return rejected.reasons
        except Exception as exc:  # a bug, not the input's fault: keep the others, name the culprit
            if len(batch) == 1:
                return {0: _failure(component, exc)}
        reasons: dict[int, str] = {}
        for position, record in enumerate(batch):
            try:
                component([record])
            except RejectedInput as rejected:
                reasons[position] = rejected.reasons[0]
            except Exception as exc:
                reasons[position] = _failure(component, exc)
        return reasons


def _failure(component: Component, exc: Exception) -> str:
    return f"the {component.name} layer failed: {type(exc).__name__}: {exc}"


def _name(record: Analysis) -> str:
    return record.article.source or record.article.id or "<text>"


_default: Analyzer | None = None


def analyze(text: str, **meta: Any) -> Analysis:
    """Analyse one text with the default pipeline, loading the bundled models on first use."""
    global _default
    if _default is None:
        _default = Analyzer()
    return _default.analyze(text, **meta)
