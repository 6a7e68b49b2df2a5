"""Filtering a corpus (``yixian_corpus._filter``)."""

from __future__ import annotations

import pytest
from hypothesis import given

from strategies import search_corpora
from yixian_corpus import (
    Article,
    Block,
    Corpus,
    MentionKind,
    Paragraph,
    SearchOptionError,
    Section,
    Source,
    UnknownArticleError,
    UnknownKindError,
    filter_corpus,
)


def ids(corpus: Corpus) -> list[str]:
    return list(corpus.ids)


@given(search_corpora(max_size=5))
def test_each_criterion_keeps_exactly_the_matching_articles(corpus: Corpus) -> None:
    assert ids(filter_corpus(corpus, region="包头")) == [a.id for a in corpus if a.region and "包头" in a.region]
    assert ids(filter_corpus(corpus, organ="court")) == [a.id for a in corpus if "court" in a.organs]
    assert ids(filter_corpus(corpus, organ=["court", "police"])) == [
        a.id for a in corpus if {"court", "police"} & set(a.organs)
    ]
    assert ids(filter_corpus(corpus, author="王丹")) == [a.id for a in corpus if "王丹" in a.authors]
    assert ids(filter_corpus(corpus, kind="role")) == [
        a.id for a in corpus if any(m.kind is MentionKind.ROLE for m in a.mentions)
    ]
    assert ids(filter_corpus(corpus, value="曹宇峰")) == [
        a.id for a in corpus if any(m.key == "曹宇峰" for m in a.mentions)
    ]
    assert ids(filter_corpus(corpus, kind="person", value="王勇")) == [
        a.id for a in corpus if any(m.kind is MentionKind.PERSON and m.key == "王勇" for m in a.mentions)
    ]
    assert ids(filter_corpus(corpus, lambda a: "疫" in a.text)) == [a.id for a in corpus if "疫" in a.text]
    assert filter_corpus(corpus) == corpus


@given(search_corpora(max_size=5))
def test_filters_compose_and_give_real_corpora(corpus: Corpus) -> None:
    both = filter_corpus(corpus, organ="court", author="王丹")
    assert both == filter_corpus(filter_corpus(corpus, organ="court"), author="王丹")
    assert both == corpus.filter(organ="court").filter(author="王丹")
    assert isinstance(both, Corpus)
    for article in both:
        assert article is corpus[article.id]
    assert both.search("疫", index=False) == [h for h in corpus.search("疫") if h.article.id in both]


@given(search_corpora(max_size=5))
def test_year_and_period_overlap_the_article_period(corpus: Corpus) -> None:
    def years(article: Article) -> set[int]:
        stamp = article.period or article.date
        if stamp is None:
            return set()
        first, last = stamp.split("/")[0], stamp.split("/")[-1]
        return set(range(int(first[:4]), int(last[:4]) + 1))

    assert ids(filter_corpus(corpus, year=2020)) == [a.id for a in corpus if 2020 in years(a)]
    assert ids(filter_corpus(corpus, year=[2019, 2021])) == [a.id for a in corpus if 2021 in years(a)]
    assert ids(filter_corpus(corpus, year=range(2020, 2022))) == [a.id for a in corpus if years(a)]
    assert ids(filter_corpus(corpus, year="2021")) == ids(filter_corpus(corpus, year=2021))
    assert ids(filter_corpus(corpus, period="2020")) == ids(filter_corpus(corpus, year=2020))


def test_period_boundaries() -> None:
    article = _article("001-x", period="2020-01/2020-03")
    corpus = Corpus([article, _article("002-y", date="2021-07-15"), _article("003-z")])
    assert ids(filter_corpus(corpus, period="2020-03")) == ["001-x"]
    assert ids(filter_corpus(corpus, period="2020-04")) == []
    assert ids(filter_corpus(corpus, period="2019-12-31/2020-01-01")) == ["001-x"]
    assert ids(filter_corpus(corpus, period="2021-07-15")) == ["002-y"]
    assert ids(filter_corpus(corpus, period="2021-07-16")) == []
    assert ids(filter_corpus(corpus, year=2021)) == ["002-y"]
    assert ids(filter_corpus(corpus, ids=["003-z", "001-x"])) == ["001-x", "003-z"]
    assert ids(filter_corpus(corpus, ids="002-y")) == ["002-y"]
    assert ids(filter_corpus(corpus, source="002-y.txt")) == ["002-y"]


def test_bad_criteria_raise_typed_errors() -> None:
    corpus = Corpus([_article("001-x")])
    with pytest.raises(UnknownArticleError, match="did you mean '001-x'"):
        filter_corpus(corpus, ids=["001-y"])
    with pytest.raises(UnknownKindError):
        filter_corpus(corpus, kind="people")
    with pytest.raises(SearchOptionError, match="year must be an integer"):
        filter_corpus(corpus, year="last year")
    with pytest.raises(SearchOptionError, match="year must be an integer"):
        filter_corpus(corpus, year=True)
    with pytest.raises(SearchOptionError, match="not an ISO 8601 date"):
        filter_corpus(corpus, period="spring 2020")
    with pytest.raises(SearchOptionError, match="not an ISO 8601 date or interval"):
        filter_corpus(corpus, period="2020/2021/2022")
    with pytest.raises(SearchOptionError, match="period must be"):
        filter_corpus(corpus, period=2020)  # type: ignore[arg-type]
    with pytest.raises(SearchOptionError, match="region must be a string"):
        filter_corpus(corpus, region=5)  # type: ignore[arg-type]
    with pytest.raises(SearchOptionError, match="predicate must be callable"):
        filter_corpus(corpus, "001-x")  # type: ignore[arg-type]


def test_bundled_corpus_filter(corpus: Corpus) -> None:
    three = corpus.filter(ids=["003-1-wang-yong", "003-2-wang-ailin", "003-3-li-junjie"])
    assert len(three) == 3
    assert three.ids == ("003-1-wang-yong", "003-2-wang-ailin", "003-3-li-junjie")
    assert corpus.filter(author="王丹").ids == ("003-2-wang-ailin",)
    assert corpus.filter(source="003_e9c37a2e9fe1fcde.txt") == three
    assert len(corpus.filter(lambda a: "党员" in a.text).search("党员")) == len(corpus.search("党员"))
    assert three.stats().articles == 3


def _article(article_id: str, *, period: str | None = None, date: str | None = None) -> Article:
    text = "标题\n正文。"
    section = Section(None, 3, 6, (Paragraph(3, 6, text),), (), (), text)
    blocks = (Block("title", 0, 2, text), Block("paragraph", 3, 6, text))
    source = Source(f"{article_id}.txt", text)
    return Article(article_id, "标题", None, (), source, text, blocks, (section,), period=period, date=date)
