"""`make bench` (web section): the HTTP API, the corpus store and search, written to benchmarks/web.md.

- `POST /api/analyze` on PTC dev articles of about 750 words against a real `spinlens serve` on 127.0.0.1:
  median latency with one client, then 16 concurrent clients each sending a bounded number of requests
  (503 with Retry-After is the server's deliberate back-pressure; anything else but 200 is an error), and
  the server's peak RSS (VmHWM).
- `spinlens ingest` of the PTC train+dev articles into SQLite and into PostgreSQL (articles/s), then search
  and outlet-profile latency over each store through the API.

Only 127.0.0.1 is ever contacted. PostgreSQL comes from --postgres or $SPINLENS_TEST_POSTGRES (a server on
which a scratch database is created and dropped); without one that part is reported as not measured.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
from benchtools import host

SPINLENS = [sys.executable, "-m", "spinlens"]
MODEL: list[str] = []  # `--model DIR` for the spinlens commands when the bench is given one
ONE_CLIENT_REQUESTS = 30
CLIENTS = 16
REQUESTS_PER_CLIENT = 6
SEARCHES = ["government", "president", "war", "police", "election", "media", "immigration", "church"]
REPEATS = 5


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`spinlens serve` in a child process on 127.0.0.1."""

    def __init__(self, db: str, *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [*SPINLENS, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--db", db, *MODEL, *extra],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/healthz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"spinlens serve did not start: {self.process.stderr.read()}")

    def peak_rss_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def articles_near(ptc: Path, words: int, count: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ptc / "dev" / "articles").glob("article*.txt"))]
    return sorted(texts, key=lambda t: abs(len(t.split()) - words))[:count]


def analyze_latency(server: Server, texts: list[str]) -> list[str]:
    with httpx.Client(base_url=server.url, timeout=60) as client:
        for text in texts[:3]:  # warm-up
            client.post("/api/analyze", json={"text": text}).raise_for_status()
        times = []
        for i in range(ONE_CLIENT_REQUESTS):
            started = time.perf_counter()
            client.post("/api/analyze", json={"text": texts[i % len(texts)]}).raise_for_status()
            times.append(time.perf_counter() - started)
    times.sort()
    words = statistics.mean(len(t.split()) for t in texts)
    return [
        f"- one client, {ONE_CLIENT_REQUESTS} requests, articles of {words:.0f} words on average: median "
        f"**{ms(statistics.median(times))}**, p90 {ms(times[int(0.9 * len(times)) - 1])}, "
        f"fastest {ms(times[0])} (target: median ≤ 300 ms)",
        f"- server RSS after the one-client run: {server.rss_mb():.0f} MB",
    ]


def in_process(texts: list[str], layers: list[str] | None) -> str:
    """The same analyses without HTTP, in this process: what the API adds on top of the pipeline."""
    from spinlens.pipeline import Analyzer

    analyzer = Analyzer(layers, model_dir=MODEL[1] if MODEL else None)
    for text in texts[:3]:
        analyzer.analyze(text)
    times = []
    for i in range(ONE_CLIENT_REQUESTS):
        started = time.perf_counter()
        analyzer.analyze(texts[i % len(texts)]).to_json()
        times.append(time.perf_counter() - started)
    return (
        f"- the same articles analysed in-process, no HTTP (`Analyzer.analyze` + JSON): median "
        f"{ms(statistics.median(times))}: the pipeline's own time, which the API cannot go below"
    )


def concurrent(server: Server, texts: list[str]) -> list[str]:
    statuses: dict[int, int] = {}
    latencies: list[float] = []
    lock = threading.Lock()

    def client_loop(index: int) -> None:
        with httpx.Client(base_url=server.url, timeout=120) as client:
            for i in range(REQUESTS_PER_CLIENT):  # bounded: each client stops after its share
                started = time.perf_counter()
                try:
                    response = client.post("/api/analyze", json={"text": texts[(index + i) % len(texts)]})
                    status = response.status_code
                except httpx.TransportError:
                    status = -1
                elapsed = time.perf_counter() - started
                with lock:
                    statuses[status] = statuses.get(status, 0) + 1
                    if status == 200:
                        latencies.append(elapsed)
                if status == 503:
                    time.sleep(float(response.headers.get("retry-after", "1")))

    started = time.perf_counter()
    threads = [threading.Thread(target=client_loop, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    errors = sum(n for status, n in statuses.items() if status not in (200, 503))
    latencies.sort()
    return [
        f"- {CLIENTS} concurrent clients × {REQUESTS_PER_CLIENT} requests in {wall:.1f} s: "
        + ", ".join(f"{n} × {status if status > 0 else 'connection error'}" for status, n in sorted(statuses.items()))
        + f"; errors other than back-pressure (503): **{errors}**",
        f"- answered requests: median {ms(statistics.median(latencies))}, max {ms(latencies[-1])}; "
        f"{len(latencies) / wall:.2f} articles/s"
        if latencies
        else "- no request was answered",
        f"- server peak RSS (VmHWM, whole life, model loading included): **{server.peak_rss_mb():.0f} MB**",
    ]


def ingest(ptc: Path, db: str, label: str) -> list[str]:
    command = [*SPINLENS, "ingest", str(ptc / "train" / "articles"), str(ptc / "dev" / "articles")]
    command += ["--outlet", "PTC", "--db", db, *MODEL]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    summary = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "(no output)"
    stored = int(summary.split("stored ")[1].split(",")[0]) if summary.startswith("stored ") else 0
    again_started = time.perf_counter()
    again = subprocess.run(command, capture_output=True, text=True)
    again_elapsed = time.perf_counter() - again_started
    return [
        f"- {label}: `{summary}` in {elapsed:.0f} s: **{stored / elapsed:.2f} articles/s** (model loading included)",
        f"- {label}, the same command again (every article already stored): "
        f"`{again.stderr.strip().splitlines()[-1]}` in {again_elapsed:.1f} s",
    ]


def query_latency(server: Server, label: str) -> list[str]:
    with httpx.Client(base_url=server.url, timeout=60) as client:

        def timed(path: str, **params) -> float:
            best = []
            for _ in range(REPEATS):
                started = time.perf_counter()
                client.get(path, params=params).raise_for_status()
                best.append(time.perf_counter() - started)
            return statistics.median(best)

        searches = [timed("/api/articles", q=q) for q in SEARCHES]
        filtered = [timed("/api/articles", q=q, technique="Loaded_Language", min_score=0.3, limit=50) for q in SEARCHES]
        listing = timed("/api/articles", outlet="PTC", offset=400)
        profile = timed("/api/outlets/PTC")
        page = timed("/outlets/PTC")
        total = client.get("/api/articles", params={"q": "government"}).json()["total"]
    return [
        f"- {label}: full-text search, {len(SEARCHES)} one-word queries (e.g. `government`: {total} hits), "
        f"median of {REPEATS} each: median **{ms(statistics.median(searches))}**, slowest {ms(max(searches))}",
        f"- {label}: search + technique + score filters: median {ms(statistics.median(filtered))}, "
        f"slowest {ms(max(filtered))}; a deep page (offset 400): {ms(listing)}",
        f"- {label}: outlet profile `GET /api/outlets/PTC` (all 14 techniques, per month, entities): "
        f"**{ms(profile)}**; the outlet page with it: {ms(page)} (target: ≤ 200 ms each)",
    ]


def postgres_database(server_url: str | None):
    if not server_url:
        return None, None
    import psycopg

    name = f"spinlens_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        # An autovacuum worker on the scratch database can't be ended by a non-superuser: wait for it.
        for _ in range(20):
            try:
                with psycopg.connect(server_url, autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
                time.sleep(0.5)

    return server_url.rsplit("/", 1)[0] + "/" + name, drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--postgres", default=os.environ.get("SPINLENS_TEST_POSTGRES"))
    parser.add_argument("--model", help="A technique model folder (default: the bundled model).")
    args = parser.parse_args()
    if args.model:
        MODEL[:] = ["--model", args.model]
    from spinlens.pipeline import Analyzer

    models = ", ".join(f"{m.name} {m.version}" for m in Analyzer(model_dir=args.model).models())
    ptc = args.data / "ptc"
    lines = [
        "## Web: HTTP API, corpus store and search",
        "",
        f"`python scripts/bench_web.py --data ../shared/data --out {args.out}` "
        f"({host()}; "
        f"1-minute load average at start {os.getloadavg()[0]:.1f}, the benches before this one included). "
        f"Models: {models}" + (f" (technique model from `{args.model}`)." if args.model else "."),
        "",
    ]
    texts = articles_near(ptc, 750, 10)
    ingested, queries, analyses = [], [], []
    with tempfile.TemporaryDirectory(prefix="spinlens-bench-") as folder:
        sqlite_db = str(Path(folder) / "bench.db")
        ingested += ingest(ptc, sqlite_db, "SQLite")
        pg_db, drop = postgres_database(args.postgres)
        try:
            if pg_db:
                ingested += ingest(ptc, pg_db, "PostgreSQL")
                server = Server(pg_db)
                try:
                    queries += query_latency(server, "PostgreSQL")
                finally:
                    server.stop()
            else:
                ingested.append("- PostgreSQL: not measured (no server: set SPINLENS_TEST_POSTGRES or --postgres)")
        finally:
            if drop:
                drop()
        server = Server(sqlite_db)
        try:
            queries[:0] = query_latency(server, "SQLite")
            analyses += ["### `POST /api/analyze` (default pipeline; 2 workers, queue of 6)", ""]
            analyses += analyze_latency(server, texts)
            analyses.append(in_process(texts, None))
            analyses += concurrent(server, texts)
        finally:
            server.stop()
        server = Server(sqlite_db, "--layers", "language,sentences,techniques")
        try:
            analyses += [
                "",
                "### `POST /api/analyze`, technique layer only (`serve --layers language,sentences,techniques`)",
            ]
            analyses += ["", *analyze_latency(server, texts)]
            analyses.append(in_process(texts, ["language", "sentences", "techniques"]))
        finally:
            server.stop()
    lines += ["### Ingest (PTC train + dev: 446 articles, default pipeline)", "", *ingested, ""]
    lines += ["### Search and outlet profile over the ingested corpus (through the API)", "", *queries, ""]
    lines += analyses
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
