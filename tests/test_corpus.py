"""The Corpus collection and load(): lookup, errors, caching, import cost."""

from __future__ import annotations

import subprocess
import sys

import pytest

import yixian_corpus
from yixian_corpus import Corpus, MentionKind, UnknownArticleError, UnknownKindError


def test_load_is_cached_and_ordered() -> None:
    corpus = yixian_corpus.load()
    assert yixian_corpus.load() is corpus
    assert len(corpus) == 7
    assert [a.id for a in corpus] == list(corpus.ids)
    assert corpus[0] is corpus["000-donghe"]
    assert "001-qingshan" in corpus
    assert corpus["001-qingshan"] in corpus
    assert "nope" not in corpus
    assert corpus.get("nope") is None


def test_unknown_ids_suggest_close_ones(corpus: Corpus) -> None:
    with pytest.raises(UnknownArticleError) as info:
        corpus["001-qingshang"]
    assert isinstance(info.value, KeyError)
    assert info.value.suggestions[0] == "001-qingshan"
    assert "did you mean '001-qingshan'" in str(info.value)
    with pytest.raises(KeyError):
        corpus["zzzzzzzzzzzzzz"]


def test_duplicate_ids_are_refused(corpus: Corpus) -> None:
    article = corpus["000-donghe"]
    with pytest.raises(ValueError, match="duplicate"):
        Corpus([article, article])


def test_mentions_by_kind(corpus: Corpus) -> None:
    people = corpus.mentions("person")
    assert people
    assert all(m.kind is MentionKind.PERSON for m in people)
    assert len(corpus.mentions()) == sum(len(a.mentions) for a in corpus)
    with pytest.raises(UnknownKindError):
        corpus.mentions("animal")


def test_equality(corpus: Corpus) -> None:
    assert Corpus(corpus) == corpus
    assert hash(Corpus(corpus)) == hash(corpus)
    assert Corpus([]) != corpus


def test_import_and_load_never_import_jieba_or_extras() -> None:
    code = (
        "import sys, yixian_corpus; yixian_corpus.load(); "
        "bad = [m for m in ('jieba', 'pandas', 'pyarrow', 'sqlite3', 'xml.etree.ElementTree') if m in sys.modules]; "
        "print(bad)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
