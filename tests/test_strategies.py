"""The shared strategies make what they promise: valid articles that survive the corpus format."""

from __future__ import annotations

from hypothesis import given

from strategies import articles, corpora
from yixian_corpus import Article, BlockKind, Corpus
from yixian_corpus._serialize import corpus_from_data, corpus_to_data


@given(articles())
def test_articles_obey_the_one_offset_space(article: Article) -> None:
    lines = article.text.split("\n")
    assert [b.text for b in article.blocks] == lines
    assert article.blocks[0].kind is BlockKind.TITLE
    assert article.title == lines[0]
    for mention in article.mentions:
        assert article.text[mention.start : mention.end] == mention.text
    for section in article.sections:
        assert section.text == article.text[section.start : section.end]
        assert all(section.start <= p.start <= p.end <= section.end for p in section.paragraphs)
    assert [m.start for m in article.mentions] == sorted(m.start for m in article.mentions)


@given(corpora())
def test_corpora_round_trip_through_the_corpus_format(corpus: Corpus) -> None:
    again = corpus_from_data(corpus_to_data(corpus))
    assert again == corpus
    assert corpus_to_data(again) == corpus_to_data(corpus)
