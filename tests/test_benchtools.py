"""The measurements `make bench` shares between its scripts (`scripts/benchtools.py`)."""

from __future__ import annotations

import sys

from tests_support import load_script

benchtools = load_script("benchtools")


def test_peak_rss_is_the_commands_own_not_the_callers():
    ballast = bytearray(400 * 1024 * 1024)  # the bench has loaded its models: a caller far larger than the command
    ballast[::4096] = b"x" * len(ballast[::4096])  # touch every page so it counts as resident
    small = benchtools.peak_rss_mb([sys.executable, "-c", "pass"])
    grown = benchtools.peak_rss_mb(
        [sys.executable, "-c", "b = bytearray(200 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"]
    )
    assert small < 100
    assert 200 < grown < 300
