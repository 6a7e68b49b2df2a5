"""Run every ``bench_*.py`` in this folder, one fresh interpreter each, and print their tables.

Usage: ``python benchmarks/run.py [NAME ...]`` where NAME selects ``bench_NAME.py`` (default: all).
``nox -s benchmarks`` runs it against the installed package.  Benchmarks print goals and whether they
were met; a missed goal is reported, not failed.  The exit status is 0 when every benchmark ran, 1 when
one crashed or a NAME matched no file.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    """Run the selected benchmarks; return the exit status."""
    scripts = sorted(HERE.glob("bench_*.py"))
    if argv:
        wanted = {f"bench_{name.removeprefix('bench_').removesuffix('.py')}.py" for name in argv}
        unknown = sorted(wanted - {s.name for s in scripts})
        if unknown:
            print(f"no such benchmark: {', '.join(unknown)}", file=sys.stderr)
            return 1
        scripts = [s for s in scripts if s.name in wanted]
    crashed: list[str] = []
    for script in scripts:
        print(f"\n=== {script.name} ===", flush=True)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, str(script)], cwd=HERE, check=False)
        print(f"({script.name}: {time.perf_counter() - start:.1f} s)", flush=True)
        if done.returncode != 0:
            crashed.append(f"{script.name} (exit {done.returncode})")
    print()
    if crashed:
        print(f"benchmarks that crashed: {', '.join(crashed)}", file=sys.stderr)
        return 1
    print(f"{len(scripts)} benchmarks ran")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
