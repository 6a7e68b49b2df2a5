"""Corpus statistics (``yixian_corpus._stats``)."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import given

from strategies import corpora, search_corpora
from yixian_corpus import ArticleStats, Corpus, MentionKind, SearchOptionError, Stats
from yixian_corpus._search import _demo_corpus
from yixian_corpus._stats import corpus_stats


@given(search_corpora(min_size=0))
def test_counts_are_the_sums_of_the_parts(corpus: Corpus) -> None:
    stats = corpus.stats()
    assert isinstance(stats, Stats)
    assert stats.articles == len(corpus)
    assert stats.sections == sum(len(a.sections) for a in corpus)
    assert stats.paragraphs == sum(len(a.paragraphs) for a in corpus)
    assert stats.captions == sum(len(a.captions) for a in corpus)
    assert stats.characters == sum(len(a.text.replace("\n", "")) for a in corpus)
    assert stats.han_characters == sum(1 for a in corpus for c in a.text if "\u4e00" <= c <= "\u9fff")
    assert list(stats.mentions) == [kind.value for kind in MentionKind]
    assert stats.mentions == {k.value: sum(len(a.mentions_of(k)) for a in corpus) for k in MentionKind}
    assert stats.mention_count == sum(len(a.mentions) for a in corpus)
    assert [row.id for row in stats.rows] == list(corpus.ids)
    for row, article in zip(stats.rows, corpus, strict=True):
        assert isinstance(row, ArticleStats)
        assert row.title == article.title
        assert row.paragraphs == len(article.paragraphs)
        assert row.mention_count == len(article.mentions)
    for field in ("sections", "paragraphs", "captions", "characters", "han_characters"):
        assert getattr(stats, field) == sum(getattr(row, field) for row in stats.rows)


@given(search_corpora())
def test_top_entities_are_counted_by_key(corpus: Corpus) -> None:
    stats = corpus_stats(corpus, top=2)
    for kind in MentionKind:
        counts = Counter(m.key for m in corpus.mentions(kind))
        pairs = stats.top_entities[kind.value]
        assert len(pairs) == min(2, len(counts))
        assert [count for _, count in pairs] == sorted((c for c in counts.values()), reverse=True)[:2]
        for key, count in pairs:
            assert counts[key] == count


@given(corpora())
def test_stats_are_json_able_and_printable(corpus: Corpus) -> None:
    stats = corpus.stats()
    data = stats.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert json.loads(stats.to_json()) == data
    assert data["articles"] == len(corpus)
    assert [row["id"] for row in data["rows"]] == list(corpus.ids)
    text = str(stats)
    assert text.splitlines()[0] == f"articles     {len(corpus)}"
    for article in corpus:
        assert any(line.startswith(article.id) and line.endswith(article.title) for line in text.splitlines())


def test_stats_table_lines_up() -> None:
    stats = _demo_corpus().stats()
    text = str(stats)
    assert "characters   33 (28 Han)" in text
    assert "  person       2" in text
    assert "  person       张三 2" in text
    header, row = text.splitlines()[-2:]
    assert header.split() == ["id", "sections", "paragraphs", "captions", "chars", "han", "mentions", "title"]
    assert row.split() == ["demo", "1", "2", "0", "33", "28", "3", "疫情防控一线"]
    assert header.index("mentions") + len("mentions") == row.index("3  疫") + 1


def test_bad_top_raises() -> None:
    with pytest.raises(SearchOptionError, match="top must be a non-negative integer"):
        corpus_stats(Corpus(), top=-1)
    assert corpus_stats(Corpus(), top=0).top_entities["person"] == ()


def test_bundled_corpus_stats(corpus: Corpus) -> None:
    stats = corpus.stats()
    assert stats.articles == 7
    assert stats.rows[0].id == "000-donghe"
    assert stats.characters > stats.han_characters > 10_000
    assert stats.captions == 4
    assert stats.sections >= 7
    assert json.loads(stats.to_json())["articles"] == 7
