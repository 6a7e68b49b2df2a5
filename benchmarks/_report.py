"""Small helpers shared by the benchmark scripts: timing and a plain-text table.

Each ``bench_*.py`` measures its subject and a baseline in the same run, on the same machine, and prints
ratios: absolute times differ between machines, ratios much less.  Benchmarks report; they never assert.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path


def time_call(function: Callable[[], object], *, repeat: int) -> list[float]:
    """Wall-clock seconds of ``repeat`` calls of ``function``."""
    times: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def time_subprocesses(codes: dict[str, str], *, repeat: int, cwd: Path) -> dict[str, list[float]]:
    """Wall-clock seconds of ``python -c CODE`` for each code, runs interleaved so drift hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in codes}
    for code in codes.values():  # one warm-up each: fills the OS file cache, compiles .pyc files
        subprocess.run([sys.executable, "-c", code], cwd=cwd, check=True, capture_output=True)
    for _ in range(repeat):
        for name, code in codes.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], cwd=cwd, check=True, capture_output=True)
            times[name].append(time.perf_counter() - start)
    return times


def median(values: Sequence[float]) -> float:
    """The median."""
    return statistics.median(values)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table: first column left-aligned, the others right-aligned."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        first, *rest = cells
        return "  ".join(
            [str(first).ljust(widths[0])] + [str(c).rjust(w) for c, w in zip(rest, widths[1:], strict=True)]
        )

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def verdict(met: bool) -> str:  # noqa: FBT001 - one flag in, one word out
    """How a goal is reported."""
    return "met" if met else "NOT met"
