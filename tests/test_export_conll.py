"""CoNLL (character-level BIO) and brat standoff exports, read back by independent little readers."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import yixian_corpus
from strategies import export_corpora
from yixian_corpus import (
    Article,
    Block,
    BlockKind,
    Mention,
    MentionKind,
    OverwriteError,
    Paragraph,
    Quantity,
    Section,
    Source,
    UnknownKindError,
    WriteError,
)
from yixian_corpus._export_conll import BRAT_TYPES, CONLL_LABELS, DEFAULT_CONLL_KINDS

if TYPE_CHECKING:
    from pathlib import Path

    from yixian_corpus import Corpus

_TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


def _read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents -> sentences -> (char, tag), the way a CoNLL reader sees the file."""
    documents: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-"):
            assert line == "-DOCSTART-\tO"
            documents.append([])
            continue
        if not line:
            if sentence:
                documents[-1].append(sentence)
                sentence = []
            continue
        char, tag = line.split("\t")
        assert len(char) == 1
        assert not char.isspace()
        assert re.fullmatch(r"O|[BI]-[A-Z]+", tag)
        sentence.append((char, tag))
    assert not sentence  # the file ends with a blank line
    return documents


def _spans(tags: list[str]) -> list[tuple[str, int, int]]:
    spans = []
    for index, tag in enumerate(tags):
        if tag.startswith("B-"):
            spans.append((tag[2:], index, index + 1))
        elif tag.startswith("I-"):
            label, start, _ = spans[-1]
            assert label == tag[2:]  # an I- always continues the span before it
            spans[-1] = (label, start, index + 1)
    return spans


def _article(text: str, spans: list[tuple[MentionKind, int, int]]) -> Article:
    lines = text.split("\n")
    blocks = []
    offset = 0
    for line in lines:
        blocks.append(Block(BlockKind.PARAGRAPH, offset, offset + len(line), text))
        offset += len(line) + 1
    mentions = tuple(Mention(kind, text[s:e], s, e, None, "t") for kind, s, e in sorted(spans, key=lambda x: x[1]))
    paragraphs = tuple(Paragraph(b.start, b.end, text) for b in blocks)
    section = Section(None, 0, len(text), paragraphs, (), mentions, text)
    return Article("t-1", lines[0], None, (), Source("t.txt", text), text, tuple(blocks), (section,), (), mentions)


def test_sentences_tags_and_documents(tmp_path: Path) -> None:
    text = "张家界市法院308名干警出发。王爱林说：“我必须上！”好。\n第二 行"
    article = _article(
        text,
        [
            (MentionKind.LOCATION, 0, 4),
            (MentionKind.ORGANIZATION, 0, 6),  # longer: wins over the location inside it
            (MentionKind.QUANTITY, 6, 10),
            (MentionKind.PERSON, 15, 18),
            (MentionKind.QUOTE, 20, 27),  # quotes are left out by default
        ],
    )
    path = yixian_corpus.Corpus([article]).to_conll(tmp_path / "t.conll")
    (document,) = _read_conll(path)
    sentences = ["".join(c for c, _ in s) for s in document]
    assert sentences == ["张家界市法院308名干警出发。", "王爱林说：“我必须上！”", "好。", "第二行"]
    tags = [t for s in document for _, t in s]
    chars = "".join(c for s in document for c, _ in s)
    found = [(label, chars[s:e]) for label, s, e in _spans(tags)]
    assert found == [("ORG", "张家界市法院"), ("QUANTITY", "308名"), ("PER", "王爱林")]


def test_quotes_can_be_chosen_and_are_never_split(tmp_path: Path) -> None:
    text = "他说：“第一句。第二句！”然后。"
    article = _article(text, [(MentionKind.QUOTE, 3, 13), (MentionKind.PERSON, 0, 1)])
    path = yixian_corpus.Corpus([article]).to_conll(tmp_path / "q.conll", kinds=["quote"])
    (document,) = _read_conll(path)
    assert ["".join(c for c, _ in s) for s in document] == ["他说：“第一句。第二句！”", "然后。"]
    assert _spans([t for _, t in document[0]]) == [("QUOTE", 3, 13)]
    with pytest.raises(UnknownKindError):
        yixian_corpus.Corpus([article]).to_conll(tmp_path / "bad.conll", kinds=["spaceship"])
    assert not (tmp_path / "bad.conll").exists()


def test_bundled_corpus_conll(corpus: Corpus, tmp_path: Path) -> None:
    documents = _read_conll(corpus.to_conll(tmp_path / "c.conll"))
    assert len(documents) == len(corpus)
    for document, article in zip(documents, corpus, strict=True):
        chars = "".join(c for s in document for c, _ in s)
        assert chars == "".join(c for c in article.text if not c.isspace())
        for sentence in document[:-1]:
            assert sentence  # no empty sentences
        labels = {t[2:] for s in document for _, t in s if t != "O"}
        assert labels <= {CONLL_LABELS[k] for k in DEFAULT_CONLL_KINDS}


@_TMP
@given(export_corpora())
def test_generated_conll_keeps_every_character_and_mention(tmp_path: Path, corpus: Corpus) -> None:
    documents = _read_conll(corpus.to_conll(tmp_path / "g.conll", overwrite=True))
    assert len(documents) == len(corpus)
    for document, article in zip(documents, corpus, strict=True):
        chars = "".join(c for s in document for c, _ in s)
        assert chars == "".join(c for c in article.text if not c.isspace())
        tags = [t for s in document for _, t in s]
        _spans(tags)  # well-formed BIO across sentence breaks too
        for sentence in document:
            assert not sentence[0][1].startswith("I-")  # a sentence never starts inside a mention


# -- brat ------------------------------------------------------------------------------------------------------------
def _read_ann(path: Path) -> tuple[list[tuple[str, str, list[tuple[int, int]], str]], dict[str, str]]:
    entities = []
    notes = {}
    lines = path.read_bytes().decode("utf-8").split("\n")
    assert lines.pop() == ""
    for line in lines:
        assert not any(len(piece) > 0 for piece in line.splitlines()[1:])  # no other line breaks inside a line
        if line.startswith("T"):
            ident, middle, surface = line.split("\t")
            kind, spans = middle.split(" ", 1)
            fragments = [(int(a), int(b)) for a, b in (f.split(" ") for f in spans.split(";"))]
            entities.append((ident, kind, fragments, surface))
        else:
            ident, middle, note = line.split("\t")
            assert ident.startswith("#")
            label, target = middle.split(" ")
            assert label == "AnnotatorNotes"
            notes[target] = note
    return entities, notes


def test_brat_offsets_match_the_txt(corpus: Corpus, tmp_path: Path) -> None:
    directory = corpus.to_brat(tmp_path / "brat")
    names = sorted(p.name for p in directory.iterdir())
    assert names == sorted(["annotation.conf", *(f"{i}.txt" for i in corpus.ids), *(f"{i}.ann" for i in corpus.ids)])
    conf = (directory / "annotation.conf").read_text(encoding="utf-8")
    assert all(t in conf for t in BRAT_TYPES.values())
    for article in corpus:
        text = (directory / f"{article.id}.txt").read_bytes().decode("utf-8")
        assert text == article.text
        entities, _ = _read_ann(directory / f"{article.id}.ann")
        assert len(entities) == len(article.mentions)
        for (_, kind, fragments, surface), mention in zip(entities, article.mentions, strict=True):
            assert kind == BRAT_TYPES[mention.kind]
            assert " ".join(text[a:b] for a, b in fragments) == surface


def test_brat_values_become_notes_and_line_breaks_fragments(tmp_path: Path) -> None:
    text = "共308名干警\n到岗"
    article = _article(text, [(MentionKind.QUANTITY, 1, 5), (MentionKind.QUOTE, 3, 10)])
    mentions = (
        Mention(MentionKind.QUANTITY, "308名", 1, 5, Quantity(Decimal(308), "名", approximate=True), "t-1"),
        article.mentions[1],
    )
    article = attrs.evolve(article, mentions=mentions)
    directory = yixian_corpus.Corpus([article]).to_brat(tmp_path / "b")
    entities, notes = _read_ann(directory / "t-1.ann")
    assert entities[0] == ("T1", "Quantity", [(1, 5)], "308名")
    assert notes["T1"] == "308 名 (approximate)"
    assert entities[1] == ("T2", "Quote", [(3, 7), (8, 10)], "8名干警 到岗")


@_TMP
@given(export_corpora())
def test_generated_brat_offsets_match(tmp_path: Path, corpus: Corpus) -> None:
    directory = corpus.to_brat(tmp_path / "brat", overwrite=True)
    for article in corpus:
        text = (directory / f"{article.id}.txt").read_bytes().decode("utf-8")
        assert text == article.text
        entities, _ = _read_ann(directory / f"{article.id}.ann")
        for _, _, fragments, surface in entities:
            pieces = [text[a:b] for a, b in fragments]
            assert all(pieces)
            assert all("\n" not in p for p in pieces)
            assert re.sub("[\t\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", " ", " ".join(pieces)) == surface


def test_brat_directory_rules(corpus: Corpus, tmp_path: Path) -> None:
    part = yixian_corpus.Corpus([corpus["003-1-wang-yong"]])
    directory = part.to_brat(tmp_path / "b")
    with pytest.raises(OverwriteError):
        corpus.to_brat(directory)
    corpus.to_brat(directory, overwrite=True)
    assert len(list(directory.glob("*.txt"))) == len(corpus)
    (directory / "notes.docx").write_bytes(b"mine")
    with pytest.raises(OverwriteError, match="other than an export"):
        corpus.to_brat(directory, overwrite=True)
    with pytest.raises(WriteError):
        corpus.to_brat(tmp_path / "missing" / "b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b"]
