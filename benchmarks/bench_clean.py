"""Throughput of the cleaner, ``yixian_corpus.clean_text``, on large raw input.

Goal (issue 3): at least 2 M characters/s on ~10 MB made by repeating the raw seeds (``corpus/raw``),
and linear in size: the time per character at 10 MB close to that at 1 MB.  Baseline in the same run: one
``str.translate`` pass over the same text (the cheapest whole-text rewrite Python has).
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import yixian_corpus
from _report import table, time_call, verdict

RAW = Path(__file__).resolve().parents[1] / "corpus" / "raw"
GOAL_CHARS_PER_SECOND = 2_000_000
LINEARITY_TOLERANCE = 1.5  # time per character at 10 MB may be at most this times that at 1 MB
SIZES = {"1 MB": 1_000_000, "10 MB": 10_000_000}
REPEAT = {"1 MB": 3, "10 MB": 2}

# Half-width punctuation to full-width: what a naive whole-text pass would do.
TRANSLATION = str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"})


def make_input(seed: str, size: int) -> str:
    """``seed`` repeated until the text has at least ``size`` characters."""
    return seed * (size // len(seed) + 1)


def main() -> int:
    """Measure and print the table."""
    seed = "".join(p.read_text(encoding="utf-8") + "\n\n" for p in sorted(RAW.glob("*.txt")))
    rows: list[list[str]] = []
    per_char: dict[str, float] = {}
    rate_10mb = 0.0
    for label, size in SIZES.items():
        text = make_input(seed, size)
        clean = min(time_call(functools.partial(yixian_corpus.clean_text, text), repeat=REPEAT[label]))
        base = min(time_call(functools.partial(text.translate, TRANSLATION), repeat=REPEAT[label]))
        rate = len(text) / clean
        per_char[label] = clean / len(text)
        if label == "10 MB":
            rate_10mb = rate
        rows.append(
            [
                f"clean_text, {label}",
                f"{len(text):,}",
                f"{clean:.3f}",
                f"{rate / 1e6:.2f}",
                f"{clean / base:.1f}",
            ]
        )
        rows.append(
            [f"str.translate, {label}", f"{len(text):,}", f"{base:.3f}", f"{len(text) / base / 1e6:.1f}", "1.0"]
        )
    linearity = per_char["10 MB"] / per_char["1 MB"]
    print("clean_text throughput (best of runs; input = the raw seeds repeated)")
    print(table(["case", "chars", "seconds", "M chars/s", "x translate"], rows))
    print(
        f"goal: >= {GOAL_CHARS_PER_SECOND / 1e6:.0f} M chars/s at 10 MB; measured {rate_10mb / 1e6:.2f}: "
        f"{verdict(rate_10mb >= GOAL_CHARS_PER_SECOND)}"
    )
    print(
        f"goal: linear (time per char at 10 MB / at 1 MB <= {LINEARITY_TOLERANCE}); measured {linearity:.2f}: "
        f"{verdict(linearity <= LINEARITY_TOLERANCE)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
