"""Lint of the curated mention layer (corpus/annotations) as built into the package."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from typing import TYPE_CHECKING

import pytest

from yixian_corpus import Corpus, DateValue, MentionKind, Quantity, TimeValue
from yixian_corpus._serialize import value_from_data

if TYPE_CHECKING:
    from pathlib import Path

LAYERS = ("", "first", "second")


def test_every_article_is_annotated_with_every_kind_somewhere(corpus: Corpus) -> None:
    for article in corpus:
        assert article.mentions, article.id
    kinds = {m.kind for m in corpus.mentions()}
    assert kinds == set(MentionKind)


def test_spans_point_at_their_text_and_are_sorted(corpus: Corpus) -> None:
    for article in corpus:
        for mention in article.mentions:
            assert article.text[mention.start : mention.end] == mention.text
            assert mention.text.strip() == mention.text
            assert "\n" not in mention.text
            assert mention.article_id == article.id
        assert list(article.mentions) == sorted(article.mentions, key=lambda m: (m.start, m.end, m.kind.value))


def test_no_duplicates_and_no_overlaps_outside_quotes(corpus: Corpus) -> None:
    for article in corpus:
        spans = Counter((m.start, m.end) for m in article.mentions)
        assert max(spans.values()) == 1, article.id
        quotes = [m for m in article.mentions if m.kind is MentionKind.QUOTE]
        others = [m for m in article.mentions if m.kind is not MentionKind.QUOTE]
        for a, b in itertools.pairwise(others):
            assert a.end <= b.start, (article.id, a, b)
        for a, b in itertools.pairwise(quotes):
            assert a.end <= b.start, (article.id, a, b)


def test_no_person_inside_a_location_or_organization(corpus: Corpus) -> None:
    for article in corpus:
        places = [m for m in article.mentions if m.kind in {MentionKind.LOCATION, MentionKind.ORGANIZATION}]
        for person in article.mentions_of("person"):
            assert not any(p.start <= person.start and person.end <= p.end for p in places), person


def test_values_have_the_type_of_their_kind(corpus: Corpus) -> None:
    expected = {
        MentionKind.DATE: DateValue,
        MentionKind.TIME: TimeValue,
        MentionKind.QUANTITY: Quantity,
    }
    for mention in corpus.mentions():
        wanted = expected.get(mention.kind)
        if wanted is not None:
            assert isinstance(mention.value, wanted), mention
        elif mention.kind is MentionKind.QUOTE:
            assert mention.value is None or isinstance(mention.value, str)
        else:
            assert isinstance(mention.value, str), mention
            assert mention.value


def test_every_person_alias_resolves_to_a_name_written_in_the_article(corpus: Corpus) -> None:
    for article in corpus:
        written = {m.text for m in article.mentions_of("person")}
        for person in article.mentions_of("person"):
            assert person.value in written, (article.id, person)


def test_dates_carry_the_year_of_the_article(corpus: Corpus) -> None:
    for article in corpus:
        for mention in article.mentions_of("date"):
            assert isinstance(mention.value, DateValue)
            assert article.year is not None
            assert mention.value.iso.startswith(str(article.year)), mention


@pytest.mark.parametrize("layer", LAYERS)
def test_annotation_files_are_well_formed(repo_root: Path, corpus: Corpus, layer: str) -> None:
    folder = repo_root / "corpus" / "annotations" / layer
    files = sorted(folder.glob("*.jsonl"))
    assert [f.stem for f in files] == list(corpus.ids)
    for path in files:
        text = corpus[path.stem].text
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            assert list(item) == ["kind", "start", "end", "text", "value"]
            assert text[item["start"] : item["end"]] == item["text"]
            MentionKind.parse(item["kind"])
            value_from_data(item["value"])


def test_the_gold_layer_is_what_the_package_ships(repo_root: Path, corpus: Corpus) -> None:
    for article in corpus:
        path = repo_root / "corpus" / "annotations" / f"{article.id}.jsonl"
        assert len(path.read_text(encoding="utf-8").splitlines()) == len(article.mentions)
