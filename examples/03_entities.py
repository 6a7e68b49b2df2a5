"""Entities: the curated mentions grouped by canonical name, and their normalized values.

Run: python examples/03_entities.py
"""

# ruff: noqa: T201, INP001 - an example script prints its results; examples/ is not a package

from __future__ import annotations

import unicodedata
from collections import Counter
from decimal import Decimal

import yixian_corpus
from yixian_corpus import DateValue, MentionKind, Quantity


def _pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal columns (a Chinese character takes two)."""
    columns = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - columns, 0)


def main() -> None:
    """Print the most mentioned people and places, some dates and the quantities of one article."""
    corpus = yixian_corpus.load()
    kinds = Counter(m.kind.value for m in corpus.mentions())
    print("mentions:", ", ".join(f"{kind} {kinds[kind.value]}" for kind in MentionKind))

    for kind in (MentionKind.PERSON, MentionKind.LOCATION):
        print(f"\nmost mentioned {kind.value}s:")
        for entity in corpus.entities(kind)[:5]:
            forms = "、".join(entity.forms)
            print(f"  {_pad(entity.key, 14)} {entity.count:>2}  as {forms}  in {', '.join(entity.articles)}")

    article = corpus["004-zhangjiajie"]
    print(f"\ndates in {article.id}:")
    for mention in article.mentions_of("date")[:4]:
        value = mention.value
        if not isinstance(value, DateValue):
            continue
        inferred = " (year from the article's period)" if value.year_inferred else ""
        print(f"  {mention.text} -> {value.iso}{inferred}")

    people = sum(
        (
            m.value.number
            for m in article.mentions_of("quantity")
            if isinstance(m.value, Quantity) and m.value.unit in {"人", "名"}
        ),
        Decimal(0),
    )
    print(f"\npeople counted in {article.id} (quantities in 人/名): {people}")


if __name__ == "__main__":
    main()
