"""Output writers. Each streams over an iterable of records and writes one format to a text stream.

Every writer is called as ``writer(records, out)``; ``write_text`` also takes ``color=`` and ``width=``.
"""

from __future__ import annotations

from collections.abc import Callable

from spinlens.render.data import write_json, write_jsonl, write_semeval
from spinlens.render.html import write_html
from spinlens.render.text import write_text

# Keyed by the name a user passes to `--format`. `...` rather than a protocol so a caller may pass the
# text report's options without a type checker rejecting the other writers.
WRITERS: dict[str, Callable[..., None]] = {
    "text": write_text,
    "json": write_json,
    "jsonl": write_jsonl,
    "html": write_html,
    "semeval": write_semeval,
}

__all__ = ["WRITERS", "write_html", "write_json", "write_jsonl", "write_semeval", "write_text"]
