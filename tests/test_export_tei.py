"""The TEI P5 export: well-formed (parsed by expat), complete header, text and inline mentions intact."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET
from xml.parsers import expat

import pytest
from hypothesis import HealthCheck, given, settings

import yixian_corpus
from strategies import export_corpora
from yixian_corpus import (
    Article,
    Block,
    BlockKind,
    DateValue,
    Mention,
    MentionKind,
    OverwriteError,
    Paragraph,
    Quantity,
    Section,
    Source,
    TimeValue,
)
from yixian_corpus._export_tei import _TAGS, _nest
from yixian_corpus._model import MentionValue

if TYPE_CHECKING:
    from pathlib import Path

    from yixian_corpus import Corpus

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _parse(path: Path) -> ET.Element:
    parser = expat.ParserCreate()  # a validating-for-well-formedness parser, independent of ElementTree's builder
    parser.Parse(path.read_bytes(), True)  # noqa: FBT003 - expat's own signature
    return ET.parse(path).getroot()  # noqa: S314 - our own output, parsed to check it


def _text(element: ET.Element) -> str:
    return "".join(element.itertext())


def _expected(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text).replace("\r", "\n")  # XML parsers normalise CR to LF


def test_bundled_corpus_is_well_formed_tei(corpus: Corpus, tmp_path: Path) -> None:
    root = _parse(corpus.to_tei(tmp_path / "c.xml"))
    assert root.tag == "{http://www.tei-c.org/ns/1.0}teiCorpus"
    documents = root.findall("tei:TEI", NS)
    assert [d.get(XML_ID) for d in documents] == [f"a-{i}" for i in corpus.ids]
    for document, article in zip(documents, corpus, strict=True):
        title_stmt = document.find("tei:teiHeader/tei:fileDesc/tei:titleStmt", NS)
        assert title_stmt is not None
        assert _text(title_stmt.find("tei:title[@type='main']", NS)) == article.title  # type: ignore[arg-type]
        assert [_text(a) for a in title_stmt.findall("tei:author", NS)] == list(article.authors)
        seed = document.find("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl/tei:idno[@type='seed']", NS)
        assert seed is not None
        assert seed.text == article.source.name
        body = document.find("tei:text/tei:body", NS)
        assert body is not None
        assert _text(body.find("tei:head[@type='main']", NS)) == article.title  # type: ignore[arg-type]
        divs = body.findall("tei:div", NS)
        assert len(divs) == len(article.sections)
        for div, section in zip(divs, article.sections, strict=True):
            assert [_text(p) for p in div.findall("tei:p", NS)] == [p.text for p in section.paragraphs]
            heads = div.findall("tei:head", NS)
            assert [_text(h) for h in heads] == ([section.heading] if section.heading is not None else [])
            assert [_text(f) for f in div.findall("tei:figure/tei:figDesc", NS)] == [c.text for c in section.captions]


def test_outlet_and_web_metadata_are_in_the_source_description(corpus: Corpus, tmp_path: Path) -> None:
    root = _parse(
        yixian_corpus.Corpus([corpus["002-nei-mongol"], corpus["004-zhangjiajie"]]).to_tei(tmp_path / "c.xml")
    )
    bibls = root.findall("tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl", NS)
    assert bibls[0].findtext("tei:distributor", namespaces=NS) == "内蒙古司法厅"
    assert bibls[0].findtext("tei:editor", namespaces=NS) == corpus["002-nei-mongol"].source.editor
    assert bibls[1].findtext("tei:publisher", namespaces=NS) == "法制周报·新湖南"
    assert len(root.findall("tei:TEI", NS)) == 2


def _article_with_mentions() -> Article:
    text = "王爱林庭长说：“今天8月4日凌晨1时许，308名干警到了张家界市。”\n《防疫普法》"
    line = text.index("\n")
    spans: list[tuple[MentionKind, int, int, MentionValue]] = [
        (MentionKind.PERSON, 0, 3, "王爱林"),
        (MentionKind.ROLE, 3, 5, "庭长"),
        (MentionKind.QUOTE, 7, line, "王爱林"),
        (MentionKind.DATE, 10, 14, DateValue("2021-08-04", year_inferred=True)),
        (MentionKind.TIME, 14, 19, TimeValue("01:00", "凌晨", approximate=True)),
        (MentionKind.QUANTITY, 20, 24, Quantity(Decimal(308), "名")),
        (MentionKind.LOCATION, 28, 32, "张家界市"),
        (MentionKind.ORGANIZATION, 30, 34, None),  # crosses the location: cannot nest, dropped
        (MentionKind.WORK, line + 1, len(text), None),
    ]
    mentions = tuple(Mention(k, text[s:e], s, e, v, "x") for k, s, e, v in spans)
    blocks = (Block(BlockKind.PARAGRAPH, 0, line, text), Block(BlockKind.PARAGRAPH, line + 1, len(text), text))
    paragraphs = tuple(Paragraph(b.start, b.end, text) for b in blocks)
    section = Section(None, 0, len(text), paragraphs, (), mentions, text)
    return Article("x", "标题", None, (), Source("x.txt", text), text, blocks, (section,), (), mentions)


def test_inline_mentions_nest_and_carry_values(tmp_path: Path) -> None:
    article = _article_with_mentions()
    root = _parse(yixian_corpus.Corpus([article]).to_tei(tmp_path / "m.xml"))
    first, second = root.findall(".//tei:div/tei:p", NS)
    assert _text(first) == article.text.split("\n")[0]
    assert first.find("tei:persName", NS).get("key") == "王爱林"  # type: ignore[union-attr]
    assert _text(first.find("tei:roleName", NS)) == "庭长"  # type: ignore[arg-type]
    quote = first.find("tei:q", NS)
    assert quote is not None
    assert quote.find("tei:date", NS).get("when") == "2021-08-04"  # type: ignore[union-attr]
    assert quote.find("tei:time", NS).get("when") == "01:00:00"  # type: ignore[union-attr]
    measure = quote.find("tei:measure", NS)
    assert measure is not None
    assert (measure.get("quantity"), measure.get("unit"), measure.text) == ("308", "名", "308名")
    assert _text(quote.find("tei:placeName", NS)) == "张家界市"  # type: ignore[arg-type]
    assert first.find(".//tei:orgName", NS) is None  # the crossing span was left out
    assert _text(second.find("tei:title", NS)) == "《防疫普法》"  # type: ignore[arg-type]


def test_nest_drops_only_crossing_spans() -> None:
    article = _article_with_mentions()
    roots = _nest(list(article.mentions))
    kinds = [node.mention.kind for node in roots]
    assert MentionKind.ORGANIZATION not in kinds
    assert set(_TAGS) == set(MentionKind)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(export_corpora())
def test_generated_corpora_give_well_formed_xml_with_the_text_intact(tmp_path: Path, corpus: Corpus) -> None:
    root = _parse(corpus.to_tei(tmp_path / "c.xml", overwrite=True))
    documents = root.findall("tei:TEI", NS)
    assert len(documents) == len(corpus)
    for document, article in zip(documents, corpus, strict=True):
        paragraphs = document.findall("tei:text/tei:body/tei:div/tei:p", NS)
        assert [_text(p) for p in paragraphs] == [_expected(p.text) for p in article.paragraphs]
        captions = document.findall("tei:text/tei:body/tei:div/tei:figure/tei:figDesc", NS)
        assert [_text(c) for c in captions] == [_expected(c.text) for c in article.captions]
        for element in document.iter():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag in {"persName", "orgName", "placeName", "measure", "q", "roleName", "time"}:
                assert _text(element)  # every inline element wraps some text


def test_refuses_to_overwrite(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "c.xml"
    path.write_text("keep", encoding="utf-8")
    with pytest.raises(OverwriteError):
        corpus.to_tei(path)
    assert path.read_text(encoding="utf-8") == "keep"


def test_empty_corpus_is_still_well_formed(tmp_path: Path) -> None:
    root = _parse(yixian_corpus.Corpus().to_tei(tmp_path / "e.xml"))
    assert root.findall("tei:TEI", NS) == []
