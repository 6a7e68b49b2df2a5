"""Speed of ``Corpus.search``: on the bundled corpus against a bare ``str.find`` loop, and with the index.

Goals (issue 5), each a ratio or size measured in this run:

1. Bundled corpus: ``search`` returning located ``Hits`` at most 3x a plain Python ``str.find`` loop that
   returns ``(start, end)`` tuples, for 2-, 3- and 4-character queries, a name and a rare word.  ``Hits``
   are lazy (a ``Hit`` object is made when it is looked at), so the table also shows search plus making
   every ``Hit`` (``list(hits)``).
2. A 20 MB (UTF-8) synthetic corpus made by recombining the sentences of the raw seeds (``corpus/raw``
   split after 。！？): index build <= 3 s; index memory (tracemalloc) <= 2x the text size; median query
   <= 1 ms and >= 10x faster than the scan for 2-4-character queries.

Benchmarks report; they never assert.
"""

from __future__ import annotations

import gc
import random
import re
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import yixian_corpus
from _report import table, time_call, verdict
from yixian_corpus import Article, Block, Corpus, Paragraph, Section, Source
from yixian_corpus._index import BigramIndex
from yixian_corpus._search import _fold_mode

RAW = Path(__file__).resolve().parents[1] / "corpus" / "raw"
BUNDLED_QUERIES = {
    "2 chars": "疫情",
    "3 chars": "司法局",
    "4 chars": "疫情防控",
    "name": "曹宇峰",
    "rare word": "门卫",
}
GOAL_BUNDLED_RATIO = 3.0
ROUNDS = 15
SYNTHETIC_BYTES = 20_000_000
GOAL_BUILD_SECONDS = 3.0
GOAL_MEMORY_RATIO = 2.0
GOAL_QUERY_SECONDS = 0.001
GOAL_SPEEDUP = 10.0
QUERIES_PER_LENGTH = 20
BUILD_REPEAT = 3
SEED = 5


def find_loop(texts: list[str], query: str) -> list[tuple[int, int]]:
    """The baseline: every non-overlapping match as ``(start, end)``, with ``str.find``."""
    found: list[tuple[int, int]] = []
    size = len(query)
    for text in texts:
        at = text.find(query)
        while at >= 0:
            found.append((at, at + size))
            at = text.find(query, at + size)
    return found


def best(function: object, repeat: int, number: int) -> float:
    """Best time of ``repeat`` runs of ``number`` calls, per call."""
    assert callable(function)  # noqa: S101 - a benchmark's own sanity check

    def many() -> None:
        for _ in range(number):
            function()

    return min(time_call(many, repeat=repeat)) / number


def bundled() -> None:
    """Goal 1: the bundled corpus against the str.find loop."""
    corpus = yixian_corpus.load()
    texts = [a.text for a in corpus]
    rows = []
    worst = 0.0
    for label, query in BUNDLED_QUERIES.items():
        corpus.search(query)  # warm the per-corpus caches (folded texts)
        # Interleaved rounds, best of each: a burst of load on the machine hits all three alike.
        base = hits = made = float("inf")
        for _ in range(ROUNDS):
            base = min(base, best(lambda q=query: find_loop(texts, q), 1, 100))
            hits = min(hits, best(lambda q=query: corpus.search(q), 1, 100))
            made = min(made, best(lambda q=query: list(corpus.search(q)), 1, 100))
        count = len(corpus.search(query))
        assert count == len(find_loop(texts, query))  # noqa: S101 - same answers, or the ratio means nothing
        worst = max(worst, hits / base)
        rows.append(
            [
                f"{label} {query}",
                str(count),
                f"{base * 1e6:.1f}",
                f"{hits * 1e6:.1f}",
                f"{hits / base:.2f}",
                f"{made * 1e6:.1f}",
                f"{made / base:.2f}",
            ]
        )
    print(
        f"bundled corpus: search vs a str.find loop returning (start, end) "
        f"(best of {ROUNDS} interleaved rounds; microseconds per query)"
    )
    print(table(["query", "hits", "find loop", "search", "x find", "+ make Hits", "x find"], rows))
    print(
        f"goal: search <= {GOAL_BUNDLED_RATIO:g}x the find loop; worst {worst:.2f}x: "
        f"{verdict(worst <= GOAL_BUNDLED_RATIO)}"
    )
    made_worst = max(float(row[-1]) for row in rows)
    print(f"      (search + making every Hit: worst {made_worst:.2f}x: {verdict(made_worst <= GOAL_BUNDLED_RATIO)})")


def sentences() -> list[str]:
    """The sentences of the raw seeds (split after 。！？, line breaks removed)."""
    raw = "".join(p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt")))
    parts = re.split(r"(?<=[。！？])", raw)
    return [s for s in (re.sub(r"\s+", "", p) for p in parts) if len(s) >= 4]  # noqa: PLR2004


def make_article(number: int, title: str, paragraphs: list[str]) -> Article:
    """A valid article: a title line, then one untitled section of paragraphs."""
    lines = [title, *paragraphs]
    text = "\n".join(lines)
    spans = []
    offset = 0
    for line in lines:
        spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    blocks = tuple(Block("title" if i == 0 else "paragraph", s, e, text) for i, (s, e) in enumerate(spans))
    section = Section(None, spans[1][0], spans[-1][1], tuple(Paragraph(s, e, text) for s, e in spans[1:]), (), (), text)
    article_id = f"{number:05d}-synthetic"
    return Article(article_id, title, None, (), Source(f"{article_id}.txt", ""), text, blocks, (section,))


def synthetic(size: int) -> tuple[Corpus, int]:
    """A corpus of about ``size`` UTF-8 bytes of recombined seed sentences, and its exact UTF-8 size."""
    pool = sentences()
    rng = random.Random(SEED)  # noqa: S311 - reproducible data, not secrets
    articles: list[Article] = []
    total = 0
    while total < size:
        paragraphs = ["".join(rng.choices(pool, k=rng.randint(2, 6))) for _ in range(rng.randint(5, 15))]
        article = make_article(len(articles), rng.choice(pool)[:20], paragraphs)
        articles.append(article)
        total += len(article.text.encode("utf-8"))
    return Corpus(articles), total


def sample_queries(corpus: Corpus, length: int, count: int) -> list[str]:
    """``count`` distinct substrings of ``length`` Han characters taken from the corpus at random."""
    rng = random.Random(SEED + length)  # noqa: S311 - reproducible data, not secrets
    texts = [a.text for a in corpus]
    found: list[str] = []
    while len(found) < count:
        text = rng.choice(texts)
        at = rng.randrange(len(text) - length)
        query = text[at : at + length]
        if all("\u4e00" <= c <= "\u9fff" for c in query) and query not in found:
            found.append(query)
    return found


def time_build(corpus: Corpus) -> tuple[float, float]:
    """Seconds to fold the texts (shared with the scan) and to build the index (best of BUILD_REPEAT).

    Each build is on a fresh corpus object, so with fresh caches.
    """
    fold_seconds = index_seconds = float("inf")
    for _ in range(BUILD_REPEAT):
        fresh = Corpus(list(corpus))
        gc.collect()
        start = time.perf_counter()
        _fold_mode(fresh, casefold=False)
        fold_seconds = min(fold_seconds, time.perf_counter() - start)
        start = time.perf_counter()
        fresh.search("疫情", index=True)
        index_seconds = min(index_seconds, time.perf_counter() - start)
        del fresh
    return fold_seconds, index_seconds


def index_memory(corpus: Corpus) -> tuple[int, int]:
    """Bytes of the index alone (tracemalloc, which slows the build, so not timed) and of the folded texts."""
    mode = _fold_mode(corpus, casefold=False)
    flat = [f.flat for f in mode.texts]
    gc.collect()
    tracemalloc.start()
    index = BigramIndex(flat)
    memory, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del index
    folded = sum(sys.getsizeof(f.flat) for f, a in zip(mode.texts, corpus, strict=True) if f.flat is not a.text)
    return memory, folded


def large() -> None:
    """Goal 2: the index on a 20 MB synthetic corpus."""
    corpus, utf8 = synthetic(SYNTHETIC_BYTES)
    chars = sum(len(a.text) for a in corpus)
    in_memory = sum(sys.getsizeof(a.text) for a in corpus)
    print(
        f"\nsynthetic corpus: {len(corpus)} articles, {chars:,} characters, {utf8 / 1e6:.1f} MB UTF-8, "
        f"{in_memory / 1e6:.1f} MB as Python str"
    )

    fold_seconds, index_seconds = time_build(corpus)
    build_seconds = fold_seconds + index_seconds
    memory, folded_copies = index_memory(corpus)

    rows = []
    medians: dict[int, tuple[float, float]] = {}
    all_indexed: list[float] = []
    all_ratios: list[float] = []
    worst = ("", 0, float("inf"))
    for length in (2, 3, 4):
        indexed_times = []
        scan_times = []
        for query in sample_queries(corpus, length, QUERIES_PER_LENGTH):
            hits = corpus.search(query, index=True)
            scanned = corpus.search(query, index=False)
            assert len(hits) == len(scanned)  # noqa: S101 - same answers, or the ratio means nothing
            indexed = best(lambda q=query: corpus.search(q, index=True), 3, 20)
            scan = best(lambda q=query: corpus.search(q, index=False), 3, 1)
            indexed_times.append(indexed)
            scan_times.append(scan)
            all_ratios.append(scan / indexed)
            if scan / indexed < worst[2]:
                worst = (query, len(hits), scan / indexed)
        all_indexed.extend(indexed_times)
        medians[length] = (statistics.median(indexed_times), statistics.median(scan_times))
        rows.append(
            [
                f"{length}-char queries ({QUERIES_PER_LENGTH})",
                f"{medians[length][0] * 1e3:.3f}",
                f"{medians[length][1] * 1e3:.2f}",
                f"{medians[length][1] / medians[length][0]:.0f}",
            ]
        )
    print(table(["query set", "indexed ms (median)", "scan ms (median)", "speedup"], rows))
    median_query = statistics.median(all_indexed)
    median_speedup = statistics.median(all_ratios)
    print(
        f"goal: index build <= {GOAL_BUILD_SECONDS:g} s; measured {build_seconds:.2f} s "
        f"(folding {fold_seconds:.2f} s + index {index_seconds:.2f} s): {verdict(build_seconds <= GOAL_BUILD_SECONDS)}"
    )
    print(
        f"goal: index memory <= {GOAL_MEMORY_RATIO:g}x the text size; measured {memory / 1e6:.1f} MB = "
        f"{memory / utf8:.2f}x the UTF-8 size ({memory / in_memory:.2f}x the Python str size): "
        f"{verdict(memory <= GOAL_MEMORY_RATIO * utf8)}"
    )
    print(f"      (the width-folded texts, shared with the scan, take another {folded_copies / 1e6:.1f} MB)")
    print(
        f"goal: median query <= {GOAL_QUERY_SECONDS * 1e3:g} ms; measured {median_query * 1e3:.3f} ms: "
        f"{verdict(median_query <= GOAL_QUERY_SECONDS)}"
    )
    print(
        f"goal: >= {GOAL_SPEEDUP:g}x faster than the scan; median speedup {median_speedup:.0f}x "
        f"(worst {worst[2]:.1f}x, {worst[0]}: {worst[1]:,} hits): {verdict(median_speedup >= GOAL_SPEEDUP)}"
    )


def main() -> int:
    """Measure and print the tables."""
    bundled()
    large()
    return 0


if __name__ == "__main__":
    sys.exit(main())
