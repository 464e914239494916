"""Model inference off the event loop: a bounded worker pool with a per-request timeout.

The pool holds `workers` threads (onnxruntime releases the GIL while it computes) and admits at most
`workers + queue` analyses at once; past that a request is refused at once with 503 and Retry-After
instead of queueing without bound. A slot is freed only when its analysis really ends, so a request that
timed out still counts until its thread is done: memory and CPU stay bounded whatever clients do.
"""

from __future__ import annotations

import asyncio
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from spinlens.inputs.document import Document, InputError
from spinlens.inputs.readers import read_inputs
from spinlens.pipeline import Analyzer
from spinlens.record import Analysis
from spinlens.web.errors import ApiError

T = TypeVar("T")
RETRY_AFTER_SECONDS = 2


class AnalysisPool:
    def __init__(self, analyzer: Analyzer, *, workers: int, queue: int, timeout: float) -> None:
        self.analyzer = analyzer
        self.timeout = timeout
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="spinlens-analyse")
        self._slots = threading.BoundedSemaphore(workers + queue)

    async def submit(self, work: Callable[[], T]) -> T:
        if not self._slots.acquire(blocking=False):
            raise ApiError(
                503,
                "the server is busy analysing other articles; retry shortly",
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
        future: Future[T] = self._executor.submit(work)
        future.add_done_callback(lambda _: self._slots.release())
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except TimeoutError:
            raise ApiError(504, f"the analysis took longer than {self.timeout:g} s and was abandoned") from None

    async def analyze(self, document: Document) -> Analysis:
        result = await self.submit(lambda: next(self.analyzer.run([document])))
        if isinstance(result, InputError):
            raise ApiError(422, result.message)
        return result

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def read_upload(data: bytes, name: str, max_bytes: int) -> Document | InputError:
    """The document in an uploaded or posted file, read exactly as `spinlens analyze` reads a file.

    A `.txt`/`.html`/`.htm` name picks the format; anything else is sniffed. Only the first article of
    a JSON Lines upload is taken.
    """
    suffix = Path(name).suffix.lower()
    suffix = suffix if suffix in (".txt", ".html", ".htm") else ""
    with tempfile.TemporaryDirectory(prefix="spinlens-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        result = next(read_inputs([str(path)], max_bytes=max_bytes), None)
    if result is None:
        return InputError(name, "no article in the upload")
    if isinstance(result, InputError):
        return InputError(name, result.message)
    result.source = name
    if result.id == "upload":
        result.id = None
    return result
