"""A first search: load the bundled corpus and print every hit of a word with its context.

Run: python examples/01_first_search.py
"""

# ruff: noqa: T201, INP001 - an example script prints its results; examples/ is not a package

from __future__ import annotations

import yixian_corpus


def main() -> None:
    """Search the corpus for 一线 (the front line) and print aligned keyword-in-context lines."""
    corpus = yixian_corpus.load()
    print(f"{len(corpus)} articles, {sum(len(a.paragraphs) for a in corpus)} paragraphs")

    hits = corpus.search("一线")
    print(f"一线: {len(hits)} hits in {len({hit.article.id for hit in hits})} articles\n")
    width = max(len(hit.article.id) for hit in hits)
    for hit in hits[:8]:
        print(f"{hit.article.id:<{width}}  {hit.kwic(12)}")

    first = hits[0]
    where = first.heading or "the untitled lead section"
    print(f"\nfirst hit: {first.article.id} {first.start}:{first.end}, in {where}")
    if first.article.text[first.start : first.end] != "一线":  # a hit's offsets index its article's text
        raise SystemExit(1)


if __name__ == "__main__":
    main()
