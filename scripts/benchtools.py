"""What more than one `make bench` script measures the same way."""

from __future__ import annotations

import subprocess
import sys

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
