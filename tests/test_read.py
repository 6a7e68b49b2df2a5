"""read(): JSON and JSON Lines exports come back identical; bad files raise typed errors naming file and line."""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import yixian_corpus
from strategies import export_corpora
from yixian_corpus import CorpusFileError, SchemaVersionError, read
from yixian_corpus import _serialize as serialize

if TYPE_CHECKING:
    from pathlib import Path

    from yixian_corpus import Corpus

_TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


def _bytes_after_round_trip(corpus: Corpus, directory: Path, fmt: str) -> tuple[bytes, bytes]:
    first = directory / f"first.{fmt}"
    second = directory / f"second.{fmt}"
    getattr(corpus, f"to_{fmt}")(first, overwrite=True)
    getattr(read(first), f"to_{fmt}")(second, overwrite=True)
    return first.read_bytes(), second.read_bytes()


@_TMP
@given(export_corpora())
def test_generated_corpora_round_trip_byte_identical(tmp_path: Path, corpus: Corpus) -> None:
    for fmt in ("json", "jsonl"):
        first, second = _bytes_after_round_trip(corpus, tmp_path, fmt)
        assert first == second
        assert read(tmp_path / f"first.{fmt}") == corpus


def _write_indented(corpus: Corpus, path: Path, indent: int | None = 2) -> str:
    """The corpus document as another tool would write it (any JSON layout must read)."""
    text = json.dumps(serialize.corpus_to_data(corpus), ensure_ascii=False, indent=indent)
    path.write_text(text, encoding="utf-8")
    return text


@_TMP
@given(export_corpora(max_size=2), st.sampled_from([None, 0, 1, 2]))
def test_any_json_layout_reads_back(tmp_path: Path, corpus: Corpus, indent: int | None) -> None:
    path = tmp_path / "corpus.json"
    _write_indented(corpus, path, indent)
    assert read(path) == corpus


def test_json_export_has_one_article_per_line(corpus: Corpus, tmp_path: Path) -> None:
    lines = corpus.to_json(tmp_path / "c.json").read_text(encoding="utf-8").split("\n")
    articles = [json.loads(line.rstrip(",")) for line in lines if line.startswith('{"id": ')]
    assert [a["id"] for a in articles] == list(corpus.ids)
    assert json.loads("\n".join(lines)) == serialize.corpus_to_data(corpus)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_bundled_corpus_round_trips_byte_identical(corpus: Corpus, tmp_path: Path, fmt: str) -> None:
    first, second = _bytes_after_round_trip(corpus, tmp_path, fmt)
    assert first == second
    again = read(tmp_path / f"first.{fmt}")
    assert again == corpus
    assert [a.source.raw for a in again] == [a.source.raw for a in corpus]
    assert again.mentions() == corpus.mentions()


def test_filtered_corpus_round_trips(corpus: Corpus, tmp_path: Path) -> None:
    part = yixian_corpus.Corpus([corpus["003-2-wang-ailin"], corpus["004-zhangjiajie"]])
    part.to_jsonl(tmp_path / "part.jsonl")
    again = read(tmp_path / "part.jsonl")
    assert again.ids == ("003-2-wang-ailin", "004-zhangjiajie")
    assert again == part


def test_the_bundled_data_file_itself_is_readable(corpus: Corpus) -> None:
    with resources.as_file(resources.files("yixian_corpus") / "data" / "corpus.json") as path:
        assert read(path) == corpus


def test_utf8_bom_is_accepted(tmp_path: Path, corpus: Corpus) -> None:
    path = tmp_path / "c.json"
    corpus.to_json(path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert read(path) == corpus


# -- bad input --------------------------------------------------------------------------------------------------------
@pytest.fixture
def small(corpus: Corpus) -> Corpus:
    return yixian_corpus.Corpus([corpus["003-3-li-junjie"], corpus["003-2-wang-ailin"]])


def _error(path: Path) -> CorpusFileError:
    with pytest.raises(CorpusFileError) as info:
        read(path)
    return info.value


def test_missing_file(tmp_path: Path) -> None:
    error = _error(tmp_path / "nope.json")
    assert "nope.json" in str(error)
    assert "no such file" in str(error)


def test_directory_is_not_a_corpus(tmp_path: Path) -> None:
    assert "is a directory" in str(_error(tmp_path))


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_text("  \n", encoding="utf-8")
    error = _error(path)
    assert (error.path, error.line) == (str(path), 1)
    assert "empty" in str(error)


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gbk.json"
    path.write_bytes(b'{\n"format": "yixian-corpus",\n"x": "' + "疫情".encode("gbk") + b'"}')
    error = _error(path)
    assert error.line == 3
    assert "not UTF-8" in str(error)


def test_invalid_json_names_line_and_problem(tmp_path: Path, small: Corpus) -> None:
    path = tmp_path / "c.json"
    small.to_json(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[5] = lines[5] + "}}"
    path.write_text("\n".join(lines), encoding="utf-8")
    error = _error(path)
    assert error.line == 6
    assert f"{path}:6: invalid JSON" in str(error)


def test_foreign_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "package.json"
    path.write_text(json.dumps({"name": "left-pad", "version": "1.0.0"}, indent=2), encoding="utf-8")
    error = _error(path)
    assert error.line == 1
    assert "not a yixian-corpus document" in str(error)


def test_foreign_jsonl_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tweets.jsonl"
    path.write_text('{"id": 1, "text": "疫情"}\n{"id": 2, "text": "防控"}\n', encoding="utf-8")
    error = _error(path)
    assert error.line == 1
    assert "not a yixian-corpus document" in str(error)


@pytest.mark.parametrize("name", ["c.json", "c.jsonl"])
def test_newer_schema_version_is_refused(tmp_path: Path, small: Corpus, name: str) -> None:
    path = tmp_path / name
    getattr(small, "to_" + name.split(".")[1])(path)
    text = path.read_text(encoding="utf-8").replace('"schema_version": 1', '"schema_version": 99', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SchemaVersionError, match="newer") as info:
        read(path)
    assert info.value.line == 1
    assert str(path) in str(info.value)


def test_jsonl_error_names_the_article_line(tmp_path: Path, small: Corpus) -> None:
    path = tmp_path / "c.jsonl"
    small.to_jsonl(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    article = json.loads(lines[2])
    article["blocks"][0][2] = 10**9
    lines[2] = json.dumps(article, ensure_ascii=False)
    path.write_text("\n".join(lines), encoding="utf-8")
    error = _error(path)
    assert error.line == 3
    assert "'003-2-wang-ailin'" in str(error)
    assert "outside the article text" in str(error)


def test_jsonl_broken_line(tmp_path: Path, small: Corpus) -> None:
    path = tmp_path / "c.jsonl"
    small.to_jsonl(path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "half a line\n')
    error = _error(path)
    assert error.line == 4
    assert "invalid JSON" in str(error)


def test_json_document_error_names_the_article_line(tmp_path: Path, small: Corpus) -> None:
    path = tmp_path / "c.json"
    data = serialize.corpus_to_data(small)
    data["articles"][1]["mentions"] = [{"kind": "person", "start": 0, "end": 2, "text": "不对", "value": None}]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    error = _error(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    articles_at = lines.index('  "articles": [')
    starts = [i for i, line in enumerate(lines, start=1) if line == "    {" and i > articles_at]
    assert error.line == starts[1]
    assert "'003-2-wang-ailin'" in str(error)
    assert "does not match the article text" in str(error)


def test_mention_text_mismatch_and_unknown_kind(tmp_path: Path, small: Corpus) -> None:
    path = tmp_path / "c.jsonl"
    small.to_jsonl(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    article = json.loads(lines[1])
    article["mentions"] = [{"kind": "spaceship", "start": 0, "end": 1, "text": article["text"][0], "value": None}]
    lines[1] = json.dumps(article, ensure_ascii=False)
    path.write_text("\n".join(lines), encoding="utf-8")
    error = _error(path)
    assert error.line == 2
    assert "spaceship" in str(error)


def test_duplicate_article_id(tmp_path: Path, small: Corpus) -> None:
    path = tmp_path / "c.jsonl"
    small.to_jsonl(path)
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    error = _error(path)
    assert error.line == 4
    assert "duplicate article id" in str(error)


def test_unknown_source(tmp_path: Path, small: Corpus) -> None:
    path = tmp_path / "c.json"
    small.to_json(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["sources"] = {}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert "unknown source" in str(_error(path))


def test_bad_source_entry_names_its_line(tmp_path: Path, small: Corpus) -> None:
    path = tmp_path / "c.json"
    data = serialize.corpus_to_data(small)
    name = next(iter(data["sources"]))
    del data["sources"][name]["raw"]
    text = json.dumps(data, ensure_ascii=False, indent=2)
    path.write_text(text, encoding="utf-8")
    error = _error(path)
    assert error.line == text.split("\n").index(f'    "{name}": {{') + 1
    assert "'raw'" in str(error)


def test_jsonl_without_layout_is_refused(tmp_path: Path, small: Corpus) -> None:
    path = tmp_path / "c.jsonl"
    small.to_jsonl(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    header = json.loads(lines[0])
    del header["layout"]
    lines[0] = json.dumps(header, ensure_ascii=False)
    path.write_text("\n".join(lines), encoding="utf-8")
    error = _error(path)
    assert error.line == 1
    assert "layout" in str(error)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=100)
@given(data=st.data())
def test_damaged_exports_raise_only_corpus_file_errors(tmp_path: Path, corpus: Corpus, data: st.DataObject) -> None:
    """Random damage to a real export: either it still reads, or a CorpusFileError names file and line."""
    fmt = data.draw(st.sampled_from(["json", "jsonl"]))
    path = tmp_path / f"c.{fmt}"
    small = yixian_corpus.Corpus([corpus["003-3-li-junjie"]])
    getattr(small, f"to_{fmt}")(path, overwrite=True)
    raw = bytearray(path.read_bytes())
    for _ in range(data.draw(st.integers(1, 3))):
        position = data.draw(st.integers(0, len(raw) - 1))
        raw[position] = data.draw(st.sampled_from(b'{}[]",:0123456789 \nxn-'))
    path.write_bytes(bytes(raw))
    problem: CorpusFileError | None = None
    try:
        read(path)
    except CorpusFileError as error:
        problem = error
    if problem is not None:
        assert problem.path == str(path)
        assert problem.line is not None
        assert 1 <= problem.line <= raw.count(b"\n") + 1


def test_error_in_our_json_layout_names_the_article_line(tmp_path: Path, small: Corpus) -> None:
    path = small.to_json(tmp_path / "c.json")
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith('{"id": "003-2-wang-ailin"'))
    article = json.loads(lines[number].rstrip(","))
    article["sections"][0]["paragraphs"][0] = [5, 2]
    lines[number] = json.dumps(article, ensure_ascii=False) + ("," if lines[number].endswith(",") else "")
    path.write_text("\n".join(lines), encoding="utf-8")
    error = _error(path)
    assert error.line == number + 1
    assert "paragraph span 5:2" in str(error)
