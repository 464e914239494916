from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
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


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> Iterator[str]:
    """A fresh, empty store database: a SQLite file, and a PostgreSQL database when a server is configured.

    SPINLENS_TEST_POSTGRES names a server the tests may create databases on (.ci/run starts one); each
    test gets its own database, dropped afterwards.
    """
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    server = os.environ.get("SPINLENS_TEST_POSTGRES")
    if not server:
        pytest.skip("no PostgreSQL server configured: set SPINLENS_TEST_POSTGRES=postgresql://user:pw@host/db")
    import psycopg

    name = f"spinlens_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        # An autovacuum worker on the new database can't be ended by a non-superuser: wait for it to finish.
        for _ in range(20):
            try:
                with psycopg.connect(server, autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                break
            except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
                time.sleep(0.5)


@pytest.fixture(scope="session")
def tiny_base(tmp_path_factory) -> Path:
    """A two-layer, 32-wide BERT with MiniLM's vocabulary: trains in seconds, exercises every code path."""
    pytest.importorskip("transformers")
    import shutil

    from transformers import BertConfig, BertModel

    from spinlens.modelfiles import base_model_dir

    path = tmp_path_factory.mktemp("tiny-base")
    config = BertConfig(
        vocab_size=30522,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=512,
    )
    BertModel(config).save_pretrained(path)
    shutil.copyfile(base_model_dir(None) / "tokenizer.json", path / "tokenizer.json")
    return path
