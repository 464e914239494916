"""What several test modules share: small corpora for the store and web tests, written for them (never
research data), and a way to import the scripts in `scripts/`."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

ARTICLES = {
    "harbour.txt": "Harbour wall repaired\n\nThe harbour reopened on Monday after repairs to the sea wall.",
    "budget.txt": "A disgrace\n\nThese reckless bureaucrats are wasting every cent. The budget is a total disgrace!",
}
FEED = [
    {"id": "f1", "text": "Nitrate levels in three rivers fell this year.", "published": "2024-01-09"},
    {"id": "f2", "text": "Only a fool would trust the new ferry plan.", "published": "2024-02-11"},
]


def write_corpus(folder: Path) -> Path:
    """Two text files, a dated JSON Lines feed without outlets, and one binary file."""
    folder.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "feed.jsonl").write_text("".join(json.dumps(item) + "\n" for item in FEED), encoding="utf-8")
    (folder / "photo.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def write_feed(path: Path, outlet: str) -> Path:
    """The feed's articles, each naming `outlet`."""
    path.write_text("".join(json.dumps(dict(item, outlet=outlet)) + "\n" for item in FEED), encoding="utf-8")
    return path


def load_script(name: str) -> ModuleType:
    """The module `scripts/<name>.py`: `scripts/` is not a package."""
    spec = importlib.util.spec_from_file_location(name, Path(__file__).parents[1] / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
