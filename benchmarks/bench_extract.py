"""Throughput of ``extract_mentions`` against a plain ``jieba.posseg`` tagger on the same ~1 MB input.

Goal (issue 4): ``extract_mentions`` at least 5x the characters per second of ``jieba.posseg.lcut`` (the
part-of-speech tagger with its HMM, ~20-60 K characters/s), measured in this run on the same text.  The
table also shows ``extract_mentions(model="crf")`` (the rules plus the learned person tagger; needs the
``[crf]`` extra), plain ``jieba.lcut`` (the segmentation the extractor runs on), and the one-off cost of
the first call (loading jieba's dictionary).

The input is ~1 MB of UTF-8 made by recombining the sentences of the raw seeds (``corpus/raw``, split after
。！？) in a seeded random order, in paragraphs of five sentences.  Benchmarks report; they never assert.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from _report import median, table, verdict

if TYPE_CHECKING:
    from collections.abc import Callable

RAW = Path(__file__).resolve().parents[1] / "corpus" / "raw"
TARGET_BYTES = 1_000_000
GOAL_RATIO = 5.0
SEED = 4
REPEAT = 5


def make_input() -> str:
    """~1 MB of genre text: the seeds' sentences recombined, five to a paragraph."""
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt")))
    sentences = [s.strip() for s in re.split(r"(?<=[。！？])", text.replace("\n", "")) if len(s.strip()) > 4]  # noqa: PLR2004
    rng = random.Random(SEED)  # noqa: S311 - a reproducible shuffle, not cryptography
    paragraphs: list[str] = []
    size = 0
    while size < TARGET_BYTES:
        paragraph = "".join(rng.choice(sentences) for _ in range(5))
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 1
    return "\n".join(paragraphs)


def cpu_seconds(function: Callable[[], object]) -> float:
    """CPU seconds of one call (process time: steadier than wall time on a busy machine)."""
    start = time.process_time()
    function()
    return time.process_time() - start


def first_call_seconds() -> float:
    """Seconds of the first ``extract_mentions`` call in a fresh interpreter (jieba's dictionary load)."""
    code = (
        "import time, yixian_corpus; t = time.perf_counter(); yixian_corpus.extract_mentions('张三说');"
        "print(time.perf_counter() - t)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout.strip())


def main() -> None:
    """Measure and print the table."""
    import jieba  # noqa: PLC0415
    import jieba.posseg  # noqa: PLC0415

    import yixian_corpus  # noqa: PLC0415

    text = make_input()
    chars = len(text)
    yixian_corpus.extract_mentions("3月5日，河源市司法局局长钟海涛带领20余名干警赶到现场。")  # loads jieba
    jieba.posseg.lcut("预热")
    yixian_corpus.extract_mentions("民警钟海涛", model="crf")  # loads the CRF model
    runs: dict[str, list[float]] = {"ours": [], "crf": [], "posseg": [], "lcut": []}
    for _ in range(REPEAT):  # interleaved, so that load on the machine hits all alike
        runs["ours"].append(cpu_seconds(lambda: yixian_corpus.extract_mentions(text, year=2020)))
        runs["crf"].append(cpu_seconds(lambda: yixian_corpus.extract_mentions(text, year=2020, model="crf")))
        runs["posseg"].append(cpu_seconds(lambda: jieba.posseg.lcut(text)))
        runs["lcut"].append(cpu_seconds(lambda: jieba.lcut(text)))
    ours, crf, posseg, lcut = (median(runs[name]) for name in ("ours", "crf", "posseg", "lcut"))
    found = len(yixian_corpus.extract_mentions(text, year=2020))
    cold = first_call_seconds()
    ratio = posseg / ours
    rows = [
        ["extract_mentions", f"{ours:.2f}", f"{chars / ours / 1000:,.0f}", f"{ratio:.1f}x"],
        ['extract_mentions(model="crf")', f"{crf:.2f}", f"{chars / crf / 1000:,.0f}", f"{posseg / crf:.1f}x"],
        ["jieba.posseg.lcut (baseline)", f"{posseg:.2f}", f"{chars / posseg / 1000:,.0f}", "1.0x"],
        ["jieba.lcut (segmentation only)", f"{lcut:.2f}", f"{chars / lcut / 1000:,.0f}", f"{posseg / lcut:.1f}x"],
    ]
    print(
        f"input: {len(text.encode('utf-8')):,} bytes UTF-8, {chars:,} characters, "
        f"{text.count(chr(10)) + 1:,} paragraphs; {found:,} mentions found"
    )
    print(table(["", "CPU seconds (median)", "K chars/s", "vs posseg"], rows))
    print(f"first call in a fresh interpreter (jieba dictionary load): {cold:.2f} s")
    from yixian_corpus._segment import _Jieba  # noqa: PLC0415 - the extractor's private segmenter

    same = _Jieba.get().lcut(text) == jieba.lcut(text, HMM=True)
    print(f"the extractor's segmenter gives jieba.lcut's tokens on this input: {'yes' if same else 'NO'}")
    met = verdict(ratio >= GOAL_RATIO)
    print(f"goal: extract_mentions >= {GOAL_RATIO:.0f}x jieba.posseg throughput: {ratio:.1f}x, {met}")
    met_crf = verdict(posseg / crf >= GOAL_RATIO)
    print(f'the same goal for extract_mentions(model="crf"): {posseg / crf:.1f}x, {met_crf}')


if __name__ == "__main__":
    main()
