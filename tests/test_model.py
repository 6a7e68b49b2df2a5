"""The typed model: one offset space per article, immutability, useful reprs."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from yixian_corpus import (
    Article,
    BlockKind,
    Corpus,
    Mention,
    MentionKind,
    Quantity,
    UnknownKindError,
)


def test_every_span_indexes_the_article_text(corpus: Corpus) -> None:
    for article in corpus:
        lines = article.text.split("\n")
        assert [b.text for b in article.blocks] == lines
        assert article.blocks[0].kind is BlockKind.TITLE
        assert article.blocks[0].text == article.title
        if article.subtitle is not None:
            assert article.blocks[1].kind is BlockKind.SUBTITLE
            assert article.blocks[1].text == article.subtitle
        for section in article.sections:
            assert section.text == article.text[section.start : section.end]
            if section.heading is not None:
                assert section.text.split("\n")[0] == section.heading
            for paragraph in section.paragraphs:
                assert section.start <= paragraph.start <= paragraph.end <= section.end
                assert "\n" not in paragraph.text
                assert paragraph.text in lines
            for mention in section.mentions:
                assert section.start <= mention.start <= mention.end <= section.end
        assert [c.text for c in article.captions] == [b.text for b in article.blocks if b.kind is BlockKind.CAPTION]


def test_sections_tile_the_body_in_order(corpus: Corpus) -> None:
    for article in corpus:
        body = [b for b in article.blocks if b.kind not in {BlockKind.TITLE, BlockKind.SUBTITLE}]
        assert article.sections[0].start == body[0].start
        assert article.sections[-1].end == body[-1].end
        for before, after in zip(article.sections, article.sections[1:], strict=False):
            assert before.end + 1 == after.start


def test_objects_are_frozen(corpus: Corpus) -> None:
    article = corpus["000-donghe"]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.title = "x"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.sections[0].paragraphs[0].start = 3  # type: ignore[misc]


def test_reprs_are_short_and_useful(corpus: Corpus) -> None:
    article = corpus["001-qingshan"]
    assert repr(article).startswith("<Article '001-qingshan' '攻坚克难守初心")
    assert len(repr(article)) < 120
    assert repr(article.sections[1]).startswith("<Section '创新工作法 亮剑阻击战'")
    assert repr(article.sections[1].paragraphs[0]).startswith("<Paragraph ")
    assert repr(corpus).startswith("<Corpus articles=7 chars=")
    mention = article.mentions[0]
    assert repr(mention).startswith(f"<Mention {mention.kind.value} {mention.text!r}")


def test_section_at_and_paragraphs(corpus: Corpus) -> None:
    article = corpus["004-zhangjiajie"]
    assert article.section_at(0) is None  # the title
    court = article.sections[1]
    assert article.section_at(court.start + 1) is court
    assert len(article.paragraphs) == sum(len(s.paragraphs) for s in article.sections)


def test_mention_kind_parsing() -> None:
    assert MentionKind.parse("ORG") is MentionKind.ORGANIZATION
    assert MentionKind.parse(MentionKind.TIME) is MentionKind.TIME
    assert str(MentionKind.PERSON) == "person"
    assert isinstance(MentionKind.PERSON, str)
    assert MentionKind.PERSON.value == "person"
    with pytest.raises(UnknownKindError, match="expected one of"):
        MentionKind.parse("animal")


def test_mention_key_and_kind_filter(corpus: Corpus) -> None:
    article = corpus["000-donghe"]
    people = article.mentions_of("person")
    assert people
    assert all(m.kind is MentionKind.PERSON for m in people)
    nickname = next(m for m in people if m.text == "宇峰")
    assert nickname.key == "曹宇峰"
    quantity = Mention("quantity", "1.3万人", 0, 5, Quantity(Decimal(13000), "人"))
    assert quantity.key == "1.3万人"
    assert isinstance(article, Article)
