"""JSON and JSON Lines exports: real characters, a schema version, valid against the shipped JSON Schema."""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings

import yixian_corpus
from strategies import export_corpora
from yixian_corpus import OverwriteError, WriteError
from yixian_corpus import _serialize as serialize

if TYPE_CHECKING:
    from pathlib import Path

    from yixian_corpus import Corpus

jsonschema = pytest.importorskip("jsonschema")


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads((resources.files("yixian_corpus") / "data" / "corpus.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _validate_jsonl(validator: Any, path: Path) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    validator.validate(json.loads(lines[0]))
    article_validator = validator.evolve(schema={"$ref": "#/$defs/article", "$defs": validator.schema["$defs"]})
    for line in lines[1:-1]:
        article_validator.validate(json.loads(line))


def test_bundled_json_export_is_valid_and_readable(corpus: Corpus, tmp_path: Path, validator: Any) -> None:
    path = corpus.to_json(tmp_path / "corpus.json")
    text = path.read_text(encoding="utf-8")
    assert "\\u" not in text  # real characters, no escapes
    assert "东河区司法局" in text
    data = json.loads(text)
    assert data["format"] == "yixian-corpus"
    assert data["schema_version"] == serialize.SCHEMA_VERSION
    validator.validate(data)


def test_bundled_jsonl_export_is_one_article_per_line(corpus: Corpus, tmp_path: Path, validator: Any) -> None:
    path = corpus.to_jsonl(tmp_path / "corpus.jsonl")
    lines = path.read_text(encoding="utf-8").split("\n")
    assert len(lines) == len(corpus) + 2  # header, articles, final empty string
    header = json.loads(lines[0])
    assert header == {
        "format": "yixian-corpus",
        "schema_version": serialize.SCHEMA_VERSION,
        "layout": "jsonl",
        "sources": header["sources"],
    }
    assert sorted(header["sources"]) == sorted({a.source.name for a in corpus})
    assert [json.loads(line)["id"] for line in lines[1:-1]] == list(corpus.ids)
    _validate_jsonl(validator, path)


def test_the_bundled_data_file_is_valid_against_the_schema(validator: Any) -> None:
    data = json.loads((resources.files("yixian_corpus") / "data" / "corpus.json").read_text("utf-8"))
    validator.validate(data)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(export_corpora())
def test_generated_exports_are_valid_against_the_schema(tmp_path: Path, validator: Any, corpus: Corpus) -> None:
    validator.validate(json.loads(corpus.to_json(tmp_path / "c.json", overwrite=True).read_text("utf-8")))
    _validate_jsonl(validator, corpus.to_jsonl(tmp_path / "c.jsonl", overwrite=True))


def test_schema_rejects_what_the_reader_rejects(validator: Any, corpus: Corpus) -> None:
    data = serialize.corpus_to_data(yixian_corpus.Corpus([corpus["003-3-li-junjie"]]))
    data["schema_version"] = 2
    assert not validator.is_valid(data)
    data["schema_version"] = 1
    data["articles"][0]["mentions"] = [{"kind": "spaceship", "start": 0, "end": 1, "text": "x"}]
    assert not validator.is_valid(data)


def test_filtered_export_carries_only_its_sources(corpus: Corpus, tmp_path: Path) -> None:
    part = yixian_corpus.Corpus([corpus["004-zhangjiajie"]])
    data = json.loads(part.to_json(tmp_path / "part.json").read_text("utf-8"))
    assert list(data["sources"]) == ["004_c74bf73a044046bc.txt"]
    assert [a["id"] for a in data["articles"]] == ["004-zhangjiajie"]


def test_empty_corpus_exports_and_reads(tmp_path: Path) -> None:
    empty = yixian_corpus.Corpus()
    for name in ("e.json", "e.jsonl"):
        path = getattr(empty, "to_" + name.split(".")[1])(tmp_path / name)
        assert len(yixian_corpus.read(path)) == 0


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_refuses_to_overwrite(corpus: Corpus, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"c.{fmt}"
    path.write_text("keep me", encoding="utf-8")
    with pytest.raises(OverwriteError):
        getattr(corpus, f"to_{fmt}")(path)
    assert path.read_text(encoding="utf-8") == "keep me"
    getattr(corpus, f"to_{fmt}")(path, overwrite=True)
    assert yixian_corpus.read(path) == corpus


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_missing_directory(corpus: Corpus, tmp_path: Path, fmt: str) -> None:
    with pytest.raises(WriteError, match="does not exist"):
        getattr(corpus, f"to_{fmt}")(tmp_path / "missing" / f"c.{fmt}")


def test_failure_in_the_middle_of_a_jsonl_export_leaves_the_old_file(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.jsonl"
    corpus.to_jsonl(path)
    before = path.read_bytes()
    calls = []
    real = serialize.article_to_data

    def failing(article: Any) -> Any:
        calls.append(article.id)
        if len(calls) == 3:
            msg = "disk on fire"
            raise RuntimeError(msg)
        return real(article)

    monkeypatch.setattr("yixian_corpus._export.article_to_data", failing)
    with pytest.raises(RuntimeError, match="disk on fire"):
        corpus.to_jsonl(path, overwrite=True)
    assert len(calls) == 3
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl"]
