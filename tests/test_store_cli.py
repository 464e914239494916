"""`spinlens ingest` and `spinlens report` from the command line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from spinlens.cli import main
from tests_support import write_corpus, write_feed


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus")


def test_ingest_is_idempotent_and_report_prints_the_profile(tmp_path, db_url, corpus):
    first = run("ingest", str(corpus), "--outlet", "Harbour News", "--db", db_url)
    assert first.exit_code == 1  # the binary file fails, the rest is stored
    assert "binary" in first.stderr and "stored 4, re-analysed 0, already stored 0, failed 1" in first.stderr
    again = run("ingest", str(corpus), "--outlet", "Harbour News", "--db", db_url)
    assert "stored 0, re-analysed 0, already stored 4, failed 1" in again.stderr

    report = run("report", "--outlet", "Harbour News", "--db", db_url)
    assert report.exit_code == 0 and "Harbour News: 4 articles" in report.stdout and "per 1,000 words" in report.stdout
    data = json.loads(run("report", "--outlet", "Harbour News", "--db", db_url, "--format", "json").stdout)
    assert data["articles"] == 4 and len(data["techniques"]) == 14
    assert [m["month"] for m in data["months"]] == ["2024-01", "2024-02"]


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_report_writes_charts(tmp_path, fmt):
    db = str(tmp_path / "s.db")
    run("ingest", str(write_feed(tmp_path / "coast.jsonl", "Coast Times")), "--db", db)
    charts = tmp_path / "charts"
    result = run("report", "--outlet", "Coast Times", "--db", db, "--charts", str(charts), "--chart-format", fmt)
    assert result.exit_code == 0, result.output
    for name in ("techniques", "trend"):
        data = (charts / f"{name}.{fmt}").read_bytes()
        assert data.startswith(b"\x89PNG") if fmt == "png" else b"<svg" in data[:500]


def test_unknown_outlet_and_bad_database_are_one_line_errors(tmp_path):
    db = str(tmp_path / "s.db")
    missing = run("report", "--outlet", "Nobody", "--db", db)
    assert missing.exit_code == 1 and "no articles from outlet 'Nobody'" in missing.stderr
    bad = run("ingest", "x.txt", "--db", str(tmp_path / "no" / "such" / "dir.db"))
    assert bad.exit_code == 1 and "does not exist" in bad.stderr and "Traceback" not in bad.stderr


def test_db_defaults_to_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SPINLENS_DB", str(tmp_path / "env.db"))
    run("ingest", str(write_feed(tmp_path / "coast.jsonl", "Coast Times")))
    assert (tmp_path / "env.db").is_file()


@pytest.mark.slow
def test_ctrl_c_loses_nothing_and_the_same_command_resumes(tmp_path):
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"a{i:02}.txt").write_text(
            f"Report {i}\n\nThe council met for the {i}th time this year. Members argued about the ferry budget.\n",
            encoding="utf-8",
        )
    db = tmp_path / "s.db"
    command = [sys.executable, "-m", "spinlens", "ingest", str(folder), "--db", str(db), "--batch-size", "1"]

    def stored() -> int:
        try:
            with sqlite3.connect(db) as connection:
                return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            return 0

    # A real Ctrl-C: SIGINT with its default handler (a background shell would have it ignored).
    process = subprocess.Popen(
        command, stderr=subprocess.PIPE, text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)
    )
    deadline = time.monotonic() + 120
    while stored() < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130 and "run the same command again to resume" in err
    assert "Traceback" not in err
    before = stored()
    assert 3 <= before < 40
    resumed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert f"stored {40 - before}, re-analysed 0, already stored {before}, failed 0" in resumed.stderr
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*), count(DISTINCT content_hash) FROM articles").fetchone() == (40, 40)
