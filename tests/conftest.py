from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
# The research data sits beside the repository on the developers' and CI's machines, never inside it.
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def ptc_dir() -> Path:
    path = SHARED_DATA / "ptc"
    if not (path / "dev" / "labels.tsv").is_file():
        pytest.skip(f"the Propaganda Techniques Corpus is not at {path} (see the README's Data section)")
    return path


@pytest.fixture(scope="session")
def analyzer():
    from spinlens import Analyzer

    return Analyzer()
