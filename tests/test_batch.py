"""`spinlens batch`: every input format, the output folder, errors and exit codes, resuming after a kill,
and the Ray engine against the local one. Every fixture is written here, by us."""

from __future__ import annotations

import gzip
import io
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from spinlens.batch.arrow import analysis_schema, to_table
from spinlens.batch.output import read_failures, read_records
from spinlens.cli import main
from spinlens.record import Analysis, Article, Sentence, TechniqueSpan

SPINLENS = [sys.executable, "-m", "spinlens"]
# No model for the format tests: they are about reading and writing, and stay fast
LIGHT = ["--layers", "sentences", "--workers", "1"]

ARTICLES = [
    "The council voted on Tuesday to widen the bridge. Work starts in spring and ends next year.",
    "Only a traitor would back this deal! Every decent citizen knows the truth about these crooks.",
    "Critics on the left and the right called the budget a disaster. The minister said it was fair.",
    "Café owners in Zürich say the new rules are “a death sentence”. The city says nothing changed.",
    "Wake up, people: the same elites who lied to you before are lying again, and again, and again.",
    "Rainfall was close to the seasonal average, the weather service said in its monthly summary.",
]


def _jsonl_lines(count: int) -> list[bytes]:
    return [
        json.dumps({"id": f"n{i}", "text": ARTICLES[i % len(ARTICLES)] + f" ({i})", "outlet": "Example Daily"}).encode()
        for i in range(count)
    ]


def _html(title: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in body.split(". "))
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{paragraphs}{paragraphs}</article></body></html>"
    ).encode()


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        pages = [
            ("https://example.org/news/bridge", "200 OK", "text/html; charset=utf-8", _html("Bridge", ARTICLES[0])),
            ("https://example.org/old", "301 Moved Permanently", "text/html", b""),
            ("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
            ("https://example.org/news/deal", "200 OK", "text/html", _html("Deal", ARTICLES[1])),
            (
                "https://example.org/empty",
                "200 OK",
                "text/html",
                b"<html><head><title>Empty</title></head><body></body></html>",
            ),
        ]
        for url, status, content_type, body in pages:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)


def _batch(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["batch", *args])
    return result.exit_code, result.output


def test_arrow_schema_round_trips_a_record() -> None:
    text = "They are nothing but reckless traitors. Rain tomorrow."
    record = Analysis(
        article=Article(id="x", text=text, outlet="Example", source="x.txt"),
        techniques=[TechniqueSpan(start=18, end=38, text=text[18:38], technique="Name_Calling,Labeling", score=0.9)],
        sentences=[Sentence(start=0, end=39, score=0.9), Sentence(start=40, end=54, score=0.1)],
        score=0.73,
    )
    record.warn("language", "non_english", "a warning")
    table = to_table([record.to_dict()])
    assert table.schema == analysis_schema()
    assert set(analysis_schema().names) == set(Analysis.model_fields)
    assert Analysis.model_validate(table.to_pylist()[0]) == record


def test_every_input_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _jsonl_lines(5)
    (tmp_path / "plain.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress(b"\n".join(lines[:3]) + b"\n"))
    import zstandard

    (tmp_path / "feed.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(b"\n".join(lines[:2]) + b"\n"))
    table = pa.table(
        {
            "text": [ARTICLES[2], ARTICLES[3], None],
            "id": ["p1", None, "p3"],
            "published": pa.array([None, "2026-03-01", None], pa.string()),
            "views": [10, 20, 30],  # an unknown column is ignored
        }
    )
    pq.write_table(table, tmp_path / "table.parquet")
    _warc(tmp_path / "crawl.warc.gz")
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "a.txt").write_text("Headline\n\n" + ARTICLES[4], encoding="utf-8")
    (tree / "sub" / "b.html").write_bytes(_html("Weather", ARTICLES[5]))

    inputs = ["plain.jsonl", "feed.jsonl.gz", "feed.jsonl.zst", "table.parquet", "crawl.warc.gz", "tree"]
    monkeypatch.chdir(tmp_path)
    code, output = _batch(*inputs, "--out", "out", *LIGHT)
    assert code == 1, output  # the null Parquet text and the page without article text
    records = list(read_records("out"))
    sources = [r["article"]["source"] for r in records]
    assert sources[:5] == [f"plain.jsonl:{i}" for i in range(1, 6)]
    assert sources[5:10] == [
        "feed.jsonl.gz:1",
        "feed.jsonl.gz:2",
        "feed.jsonl.gz:3",
        "feed.jsonl.zst:1",
        "feed.jsonl.zst:2",
    ]
    assert sources[10:12] == ["table.parquet:1", "table.parquet:2"]
    by_source = {r["article"]["source"]: r["article"] for r in records}
    assert by_source["table.parquet:1"]["id"] == "p1"
    assert by_source["table.parquet:2"]["id"] == "table:2"
    assert by_source["table.parquet:2"]["published"] == "2026-03-01"
    warc = [r["article"] for r in records if r["article"]["source"].startswith("crawl.warc.gz@")]
    assert [a["url"] for a in warc] == ["https://example.org/news/bridge", "https://example.org/news/deal"]
    assert all("bridge" in a["text"] or "deal" in a["text"] for a in warc)
    assert sources[-2:] == [os.path.join("tree", "a.txt"), os.path.join("tree", "sub", "b.html")]
    assert by_source[os.path.join("tree", "a.txt")]["title"] == "Headline"
    assert len(records) == 5 + 3 + 2 + 2 + 2 + 2
    failures = read_failures("out")
    assert [(f["input"], f["reason"]) for f in failures] == [
        ("table.parquet:3", "'text' is null"),
        (failures[1]["input"], "HTML page has no article text"),
    ]
    assert failures[1]["input"].startswith("crawl.warc.gz@")
    for record in records:  # offsets index the exact text, whatever the input format
        text = record["article"]["text"]
        assert all(0 <= s["start"] < s["end"] <= len(text) for s in record["sentences"])


def test_jsonl_output_and_pandas_duckdb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("in.jsonl").write_bytes(b"\n".join(_jsonl_lines(7)) + b"\n")
    assert _batch("in.jsonl", "--out", "pq", *LIGHT, "--part-size", "3")[0] == 0
    assert _batch("in.jsonl", "--out", "js", "--format", "jsonl", *LIGHT, "--part-size", "3")[0] == 0
    assert sorted(p.name for p in Path("pq/articles").iterdir()) == [f"part-00000{i}.parquet" for i in range(3)]
    assert list(read_records("pq")) == list(read_records("js"))
    import duckdb
    import pandas as pd

    frame = pd.read_parquet("pq/articles")
    assert list(frame.columns) == analysis_schema().names and len(frame) == 7
    ids = duckdb.sql("select article.id as id from read_parquet('pq/articles/*.parquet') order by id").fetchall()
    assert [row[0] for row in ids] == sorted(f"n{i}" for i in range(7))
    counts = duckdb.sql("select count(*) from read_json('js/articles/*.jsonl')").fetchall()
    assert counts == [(7,)]
    manifest = json.loads(Path("pq/_spinlens/manifest.json").read_text())
    assert manifest["complete"] and manifest["articles"] == 7 and manifest["failures"] == 0


def test_errors_file_and_exit_codes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    good = _jsonl_lines(2)
    Path("mixed.jsonl").write_bytes(b"\n".join([good[0], b"{not json", b'{"text": 3}', good[1]]) + b"\n")
    Path("bad.jsonl").write_bytes(b'{"id": "e1", "text": "  "}\n')
    Path("broken.jsonl.gz").write_bytes(gzip.compress(b"\n".join(good) + b"\n")[:-4])  # a cut-off download

    code, output = _batch("mixed.jsonl", "--out", "mixed", *LIGHT)
    assert code == 1
    assert "2 articles, 2 failed" in output
    assert read_failures("mixed") == [
        {
            "id": None,
            "input": "mixed.jsonl:2",
            "reason": "invalid JSON: expecting property name enclosed in double quotes at column 2",
        },
        {"id": None, "input": "mixed.jsonl:3", "reason": "'text' must be a string, not a number"},
    ]
    code, output = _batch("bad.jsonl", "--out", "bad", *LIGHT)
    assert code == 2 and read_failures("bad")[0]["input"] == "bad.jsonl:1"

    code, output = _batch("broken.jsonl.gz", "--out", "broken", *LIGHT)
    assert code == 1, output
    assert [r["article"]["id"] for r in read_records("broken")] == ["n0", "n1"]
    assert read_failures("broken")[0]["reason"].startswith("corrupt gz data after line 2")

    code, output = _batch("missing.jsonl", "--out", "missing", *LIGHT)
    assert code == 2 and "no such file" in read_failures("missing")[0]["reason"]

    # usage errors: one line, exit 2, nothing written
    assert _batch("mixed.jsonl", "--out", "x", "--address", "127.0.0.1:6379")[0] == 2
    code, output = _batch("mixed.jsonl", "--out", "y", "--layers", "nonsense")
    assert code == 2 and "unknown layer(s) nonsense" in output
    Path("a-file").write_text("")
    code, output = _batch("mixed.jsonl", "--out", "a-file")
    assert code == 2 and "is a file" in output
    code, output = _batch("bad.jsonl", "--out", "mixed", *LIGHT)  # another batch's folder
    assert code == 2 and "holds a batch of other inputs or options" in output
    assert "Traceback" not in output


def test_rerun_of_a_finished_batch_redoes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("in.jsonl").write_bytes(b"\n".join(_jsonl_lines(5)) + b"\n")
    assert _batch("in.jsonl", "--out", "out", *LIGHT, "--part-size", "2")[0] == 0
    before = {p.name: p.stat().st_mtime_ns for p in Path("out/articles").iterdir()}
    code, output = _batch("in.jsonl", "--out", "out", *LIGHT, "--part-size", "2")
    assert code == 0 and "5 articles, 0 failed, 5 from an earlier run" in output
    assert {p.name: p.stat().st_mtime_ns for p in Path("out/articles").iterdir()} == before


def _corpus(path: Path, count: int) -> None:
    lines = _jsonl_lines(count)
    lines[7] = b'{"id": "broken", "text": 7}'  # a failure must also be resumed exactly once
    path.write_bytes(b"\n".join(lines) + b"\n")


@pytest.mark.slow
def test_resume_after_kill_matches_an_uninterrupted_run(tmp_path: Path) -> None:
    _corpus(tmp_path / "in.jsonl", 120)
    args = ["batch", "in.jsonl", "--layers", "sentences,techniques", "--workers", "2", "--part-size", "4"]
    subprocess.run([*SPINLENS, *args, "--out", "whole"], cwd=tmp_path, check=False, capture_output=True)

    # kill -9 the whole process group (the batch and its workers) once some parts are written: a power cut
    batch = subprocess.Popen(
        [*SPINLENS, *args, "--out", "cut"], cwd=tmp_path, start_new_session=True, stderr=subprocess.PIPE
    )
    done_log = tmp_path / "cut" / "_spinlens" / "done.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if done_log.is_file() and len(done_log.read_text().splitlines()) >= 3:
            break
        assert batch.poll() is None, "the batch finished before it could be killed: give it more work"
        time.sleep(0.05)
    os.killpg(batch.pid, signal.SIGKILL)
    batch.wait()
    written = len(list((tmp_path / "cut" / "articles").glob("part-*")))
    assert 3 <= written < 30, "the kill must land mid-run"

    rerun = subprocess.run([*SPINLENS, *args, "--out", "cut"], cwd=tmp_path, capture_output=True, text=True)
    assert rerun.returncode == 1, rerun.stderr
    assert "from an earlier run" in rerun.stderr
    whole, cut = list(read_records(tmp_path / "whole")), list(read_records(tmp_path / "cut"))
    assert len(cut) == 119 and len({r["article"]["id"] for r in cut}) == 119
    assert cut == whole
    assert read_failures(tmp_path / "cut") == read_failures(tmp_path / "whole")
    assert sorted(p.name for p in (tmp_path / "cut" / "articles").iterdir()) == sorted(
        p.name for p in (tmp_path / "whole" / "articles").iterdir()
    )
    assert not list((tmp_path / "cut").rglob("*.tmp"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_ray_cluster_gives_the_records_of_the_local_engine(tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="the Ray engine needs the ray extra: pip install 'spinlens[ray]'")
    _corpus(tmp_path / "in.jsonl", 24)
    _warc(tmp_path / "crawl.warc.gz")
    args = ["batch", "in.jsonl", "crawl.warc.gz", "--layers", "sentences,techniques", "--workers", "2"]
    local = subprocess.run([*SPINLENS, *args, "--out", "local"], cwd=tmp_path, capture_output=True, text=True)
    assert local.returncode == 1, local.stderr

    port = _free_port()
    ray_bin = Path(sys.executable).parent / "ray"
    # `ray start` turns token authentication on; the cluster and its client share a token made for this test
    env = {**os.environ, "RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32)}
    head = subprocess.Popen(
        [str(ray_bin), "start", "--head", "--block", "--node-ip-address=127.0.0.1", f"--port={port}",
         "--num-cpus=2", "--include-dashboard=false", "--disable-usage-stats"],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        address = f"127.0.0.1:{port}"
        on_ray = subprocess.run(
            [*SPINLENS, *args, "--engine", "ray", "--address", address, "--out", "ray"],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
    finally:
        # --block ties the cluster to this process: stopping it stops what it started, and nothing else
        head.send_signal(signal.SIGTERM)
        try:
            head.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(head.pid, signal.SIGKILL)
    assert on_ray.returncode == 1, on_ray.stderr

    def key(record: dict) -> str:
        return record["article"]["source"]

    local_records = sorted(read_records(tmp_path / "local"), key=key)
    ray_records = sorted(read_records(tmp_path / "ray"), key=key)
    assert len(local_records) == 25
    assert ray_records == local_records

    def failures(folder: str) -> list[dict]:
        return sorted(read_failures(tmp_path / folder), key=lambda failure: failure["input"])

    assert failures("ray") == failures("local")
