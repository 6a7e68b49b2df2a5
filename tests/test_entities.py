"""Corpus.entities / group_mentions: mentions grouped under canonical keys."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given

from strategies import corpora
from yixian_corpus import Corpus, Entity, Mention, MentionKind, Quantity, UnknownKindError
from yixian_corpus._entities import group_mentions


def test_aliases_group_under_the_canonical_name() -> None:
    mentions = [
        Mention("person", "曹宇峰", 0, 3, "曹宇峰", "a"),
        Mention("person", "宇峰", 10, 12, "曹宇峰", "a"),
        Mention("person", "曹宇峰", 20, 23, "曹宇峰", "b"),
        Mention("person", "张志明", 30, 33, "张志明", "b"),
        Mention("quantity", "3名", 40, 42, Quantity(3, "名"), "b"),  # type: ignore[arg-type]
    ]
    people = group_mentions(mentions, "person")
    assert [(e.key, e.count, e.forms, e.articles) for e in people] == [
        ("曹宇峰", 3, ("曹宇峰", "宇峰"), ("a", "b")),
        ("张志明", 1, ("张志明",), ("b",)),
    ]
    assert all(isinstance(e, Entity) for e in people)
    quantities = group_mentions(mentions, MentionKind.QUANTITY)
    assert [(e.key, e.count) for e in quantities] == [("3名", 1)]


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(UnknownKindError):
        Corpus().entities("people")


def test_empty_corpus_has_no_entities() -> None:
    assert Corpus().entities("person") == []


@given(corpora())
def test_entities_partition_the_mentions(corpus: Corpus) -> None:
    for kind in [None, *MentionKind]:
        entities = corpus.entities(kind)
        mentions = corpus.mentions(kind)
        assert sum(e.count for e in entities) == len(mentions)
        assert [e.count for e in entities] == sorted((e.count for e in entities), reverse=True)
        assert len({(e.kind, e.key) for e in entities}) == len(entities)
        for entity in entities:
            assert all(m.key == entity.key and m.kind is entity.kind for m in entity.mentions)
            forms = Counter(m.text for m in entity.mentions)
            assert set(entity.forms) == set(forms)
            assert [forms[f] for f in entity.forms] == sorted(forms.values(), reverse=True)


def test_bundled_corpus_entities(corpus: Corpus) -> None:
    people = corpus.entities("person")
    assert sum(e.count for e in people) == len(corpus.mentions("person"))
    with pytest.raises(AttributeError):
        people[0].count = 0  # type: ignore[misc]
