"""The bigram index (``yixian_corpus._index``) and when search uses it."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategies import search_corpora, search_queries
from yixian_corpus import Corpus, search
from yixian_corpus import _index as index_module
from yixian_corpus import _search as search_module
from yixian_corpus._index import BigramIndex

if TYPE_CHECKING:
    from collections.abc import Sequence


def scan(texts: list[str], query: str) -> list[tuple[int, int]]:
    """(text number, offset) of every non-overlapping match, the plain way."""
    found = []
    for number, text in enumerate(texts):
        at = text.find(query)
        while at >= 0:
            found.append((number, at))
            at = text.find(query, at + len(query))
    return found


def located(index: BigramIndex, positions: Sequence[int]) -> list[tuple[int, int]]:
    return [index.locate(p) for p in positions]


@given(
    st.lists(st.text(st.sampled_from("哈疫情防控a\n"), max_size=40), max_size=5),
    st.text(st.sampled_from("哈疫情防控a\n"), min_size=2, max_size=8),
)
def test_find_is_the_scan(texts: list[str], query: str) -> None:
    index = BigramIndex(texts)
    assert located(index, index.find(query)) == scan(texts, query)


@given(
    st.lists(st.text(st.sampled_from("哈疫情a"), max_size=30), min_size=1, max_size=5),
    st.text(st.sampled_from("哈疫情a"), min_size=2, max_size=5),
    st.data(),
)
def test_find_in_a_range_of_texts(texts: list[str], query: str, data: st.DataObject) -> None:
    first = data.draw(st.integers(0, len(texts)))
    stop = data.draw(st.integers(first, len(texts)))
    index = BigramIndex(texts)
    expected = [(n, at) for n, at in scan(texts, query) if first <= n < stop]
    assert located(index, index.find(query, first, stop)) == expected


@given(search_corpora(), search_queries(1, 8))
def test_indexed_search_is_the_scan(corpus: Corpus, query: str) -> None:
    for options in ({}, {"ignore_case": True}, {"normalize": False}):
        indexed = search(corpus, query, index=True, **options)  # type: ignore[arg-type]
        scanned = search(corpus, query, index=False, **options)  # type: ignore[arg-type]
        assert [(h.article.id, h.start, h.end) for h in indexed] == [(h.article.id, h.start, h.end) for h in scanned]
        assert list(indexed) == list(scanned)


@given(search_corpora(min_size=2), search_queries(1, 8), st.data())
def test_indexed_search_with_options_is_the_scan(corpus: Corpus, query: str, data: st.DataObject) -> None:
    article = data.draw(st.lists(st.sampled_from(corpus.ids), min_size=1, unique=True))
    limit = data.draw(st.one_of(st.none(), st.integers(0, 4)))
    kind = data.draw(st.sampled_from([None, "person", "role"]))
    options = {"article": article, "limit": limit, "kind": kind}
    indexed = search(corpus, query, index=True, **options)  # type: ignore[arg-type]
    scanned = search(corpus, query, index=False, **options)  # type: ignore[arg-type]
    assert list(indexed) == list(scanned)
    assert list(indexed[1:]) == list(scanned[1:])


def test_the_index_answers_without_reading_the_text() -> None:
    index = BigramIndex(["抗击疫情", "疫情防控疫情", "", "哈哈哈哈哈"])
    assert list(index.find("疫情")) == [2, 5, 9]
    assert located(index, index.find("疫情防控")) == [(1, 0)]
    assert located(index, index.find("哈哈")) == [(3, 0), (3, 2)]
    assert located(index, index.find("哈哈哈")) == [(3, 0)]
    assert list(index.find("没有")) == []
    assert list(index.find("疫情", 2, 4)) == []
    assert list(index.find("疫情", 1, 1)) == []
    assert list(index.texts_with("疫")) == [0, 1]
    assert list(index.texts_with("哈")) == [3]
    assert list(index.texts_with("无")) == []
    assert index.size == 4 + 1 + 6 + 1 + 0 + 1 + 5 + 1
    assert index.base(3) == 13
    assert repr(index) == "<BigramIndex texts=4 bigrams=7 chars=19>"
    with pytest.raises(ValueError, match="two or more characters"):
        index.find("疫")


def test_index_is_built_automatically_for_large_corpora_on_a_repeated_search(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = Corpus(list(corpus))  # a fresh corpus object: fresh caches
    size = sum(len(a.text) for a in corpus)
    monkeypatch.setattr(search_module, "AUTO_INDEX_MIN_CHARS", size + 1)
    for _ in range(5):
        search(corpus, "疫情")
    assert not any(key.startswith("search.index") for key in corpus._cache)

    corpus = Corpus(list(corpus))
    monkeypatch.setattr(search_module, "AUTO_INDEX_MIN_CHARS", size)
    for _ in range(search_module.AUTO_INDEX_AFTER - 1):
        search(corpus, "疫情")
    assert "search.index.fold0" not in corpus._cache
    search(corpus, "疫情")
    assert "search.index.fold0" in corpus._cache
    search(corpus, "疫情", index=False)
    search(corpus, "疫情", normalize=False)  # another folding mode counts on its own
    assert "search.index.exact" not in corpus._cache


def test_regular_expressions_never_use_the_index(corpus: Corpus) -> None:
    corpus = Corpus(list(corpus))
    search(corpus, "疫.", regex=True, index=True)
    assert not any(key.startswith("search.index") for key in corpus._cache)


def test_bundled_corpus_indexed_equals_scanned(corpus: Corpus) -> None:
    text = "".join(a.text for a in corpus)
    for start in range(0, len(text) - 8, 97):
        for size in (1, 2, 3, 4, 8):
            query = text[start : start + size]
            indexed = corpus.search(query, index=True)
            scanned = corpus.search(query, index=False)
            assert [(h.article.id, h.start) for h in indexed] == [(h.article.id, h.start) for h in scanned]


@given(
    st.lists(st.text(st.sampled_from("哈疫情防控a\n"), max_size=60), max_size=5),
    st.text(st.sampled_from("哈疫情防控a\n"), min_size=2, max_size=6),
    st.data(),
)
def test_packed_postings_answer_like_plain_ones(texts: list[str], query: str, data: st.DataObject) -> None:
    # Blocks of 8 offsets instead of 65,536, so that small texts have long, packed postings.
    with (
        patch.object(index_module, "_BLOCK_BITS", 3),
        patch.object(index_module, "_LOW_MASK", 7),
        patch.object(index_module, "_worth_packing", lambda count, _: count > 1),
    ):
        index = BigramIndex(texts)
        first = data.draw(st.integers(0, len(texts)))
        stop = data.draw(st.integers(first, len(texts)))
        expected = [(n, at) for n, at in scan(texts, query) if first <= n < stop]
        assert located(index, index.find(query, first, stop)) == expected
        for posting in index._postings.values():
            if isinstance(posting, index_module._Packed):
                plain = list(posting.decode(0, index.size))
                assert plain == sorted(plain)
                assert all(p in posting for p in plain)
                assert not any(p in posting for p in range(index.size + 20) if p not in set(plain))


def test_a_large_index_packs_its_long_postings() -> None:
    rng = random.Random(5)  # noqa: S311 - reproducible test data
    texts = ["".join(rng.choice("疫情防控党员") for _ in range(rng.randint(1000, 40_000))) for _ in range(12)]
    index = BigramIndex(texts)
    assert any(isinstance(p, index_module._Packed) for p in index._postings.values())
    for query in ("疫情", "防控党", "党员疫情", "情情", "疫情防控党员疫", "控控控"):
        for first, stop in ((0, 12), (3, 7), (11, 12)):
            expected = [(n, at) for n, at in scan(texts, query) if first <= n < stop]
            assert located(index, index.find(query, first, stop)) == expected
