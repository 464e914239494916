"""What more than one `make bench` script measures the same way."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

# Runs the command as its own child and prints that child's peak RSS in KB.
_PROBE = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_rss_mb(command: list[str]) -> float:
    """The peak RSS of running `command`, in MB.

    Not read from this process's RUSAGE_CHILDREN: Python starts a child with vfork, and Linux carries the
    high-water mark of the memory a process had before exec over to what it runs, so a child of a bench that
    has loaded models would report the bench's own RSS whenever that is larger. A small Python process in
    between starts the command instead, and reports its child's peak.
    """
    done = subprocess.run([sys.executable, "-c", _PROBE, *command], check=True, capture_output=True, text=True)
    return int(done.stdout.split()[-1]) / 1024


def make_command(out: str | Path) -> str:
    """The `make bench` line that writes a section to `out`: BENCH_DIR names a folder other than benchmarks/."""
    folder = Path(out).parent
    return "make bench" if folder == Path("benchmarks") else f"make bench BENCH_DIR={folder}"


def host() -> str:
    """The machine a figure was measured on: architecture, CPU model, cores, int8 instructions and Python.

    Named in every bench header because the same code reads up to three times faster on one host than on
    another, and because the int8 models' scores differ by a few tenths of a point between CPUs with and
    without VNNI (onnxruntime's AVX2 int8 kernel sums in 16 bits and can saturate; VNNI sums in 32).
    """
    model, flags = "unknown CPU", set()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "model name" and model == "unknown CPU":
                model = value.strip()
            elif key.strip() == "flags" and not flags:
                flags = set(value.split())
    if "avx512_vnni" in flags or "avx_vnni" in flags:
        int8 = "int8 with VNNI"
    elif "avx512f" in flags:
        int8 = "AVX-512 without VNNI"
    elif "avx2" in flags:
        int8 = "AVX2 without VNNI"
    else:
        int8 = "int8 instructions not read"
    return f"{platform.machine()}, {model}, {os.cpu_count()} cores, {int8}, Python {platform.python_version()}"
