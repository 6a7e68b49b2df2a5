"""Cold start: a fresh interpreter that imports yixian_corpus and loads the corpus.

Goal (issue 3): ``python -c "import yixian_corpus; yixian_corpus.load()"`` takes at most 1.5 times as
long as ``python -c "import json, attrs, regex"`` (the libraries the loader stands on), median of runs
interleaved in the same session.  Extra rows put the figure in context: bare interpreter start-up, the
import alone, and parsing the data file with :mod:`json`.
"""

from __future__ import annotations

import sys
import tempfile
from importlib import resources
from pathlib import Path

from _report import median, table, time_subprocesses, verdict

REPEAT = 15
GOAL = 1.5


def main() -> int:
    """Measure and print the table."""
    data_file = resources.files("yixian_corpus").joinpath("data").joinpath("corpus.json")
    codes = {
        "baseline: import json, attrs, regex": "import json, attrs, regex",
        "python -c pass": "pass",
        "import yixian_corpus": "import yixian_corpus",
        "import yixian_corpus; load()": "import yixian_corpus; yixian_corpus.load()",
        "baseline + json.loads(corpus.json)": (
            f"import json, attrs, regex; json.loads(open({str(data_file)!r}, encoding='utf-8').read())"
        ),
    }
    with tempfile.TemporaryDirectory() as cwd:
        times = time_subprocesses(codes, repeat=REPEAT, cwd=Path(cwd))
    baseline = median(times["baseline: import json, attrs, regex"])
    rows = [
        [name, f"{median(samples) * 1000:.1f}", f"{median(samples) / baseline:.2f}"] for name, samples in times.items()
    ]
    ratio = median(times["import yixian_corpus; load()"]) / baseline
    print(f"cold start, median of {REPEAT} runs each (python {sys.version.split()[0]})")
    print(table(["python -c ...", "ms", "ratio"], rows))
    print(f"goal: import + load() <= {GOAL}x baseline; measured {ratio:.2f}x: {verdict(ratio <= GOAL)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
