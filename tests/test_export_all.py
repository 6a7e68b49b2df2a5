"""What every writer promises: filtered corpora, the one `export` door, refusal to overwrite, all-or-nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from yixian_corpus import ExportOptionError, OverwriteError, WriteError, _atomic
from yixian_corpus._export import FORMATS, export

if TYPE_CHECKING:
    from pathlib import Path

    from yixian_corpus import Corpus

SUFFIX = {"brat": "", "tei": ".xml", "sqlite": ".db"}


def _target(tmp_path: Path, fmt: str) -> Path:
    return tmp_path / f"out{SUFFIX.get(fmt, '.' + fmt)}"


def _skip_missing_extra(fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")


def _snapshot(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    return {path.name: path.read_bytes()}


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_filtered_corpus_exports_only_its_articles(corpus: Corpus, tmp_path: Path, fmt: str) -> None:
    _skip_missing_extra(fmt)
    court = corpus.filter(organ="court")
    assert court.ids == ("003-2-wang-ailin", "004-zhangjiajie")
    path = export(court, fmt, _target(tmp_path, fmt))
    blob = b"".join(_snapshot(path).values())
    if fmt == "brat":
        assert sorted(p.stem for p in path.glob("*.txt")) == list(court.ids)
    elif fmt in {"json", "jsonl", "tei", "sqlite"}:
        assert "忠诚守".encode() in blob  # text of 003-2
        assert "不辱使命".encode() not in blob  # title of 000-donghe, not about courts
    elif fmt == "conll":
        assert blob.count(b"-DOCSTART-") == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_writer_refuses_to_overwrite(corpus: Corpus, tmp_path: Path, fmt: str) -> None:
    _skip_missing_extra(fmt)
    path = export(corpus.filter(ids=["003-3-li-junjie"]), fmt, _target(tmp_path, fmt))
    before = _snapshot(path)
    with pytest.raises(OverwriteError):
        export(corpus, fmt, path)
    assert _snapshot(path) == before
    export(corpus, fmt, path, overwrite=True)
    assert _snapshot(path) != before
    assert len(list(tmp_path.iterdir())) == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_writer_is_all_or_nothing(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """A failure at the last moment (the flush to disk) leaves the old export as it was, and no debris."""
    _skip_missing_extra(fmt)
    path = export(corpus.filter(ids=["003-3-li-junjie"]), fmt, _target(tmp_path, fmt))
    before = _snapshot(path)

    def failing_fsync(_path: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(_atomic, "_fsync_path", failing_fsync)
    with pytest.raises(WriteError, match="Input/output error"):
        export(corpus, fmt, path, overwrite=True)
    assert _snapshot(path) == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_writer_needs_an_existing_directory(corpus: Corpus, tmp_path: Path, fmt: str) -> None:
    _skip_missing_extra(fmt)
    with pytest.raises(WriteError, match="does not exist"):
        export(corpus, fmt, _target(tmp_path / "missing", fmt))
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_and_options(corpus: Corpus, tmp_path: Path) -> None:
    with pytest.raises(ExportOptionError, match="unknown export format 'yaml'"):
        export(corpus, "yaml", tmp_path / "x.yaml")
    with pytest.raises(ExportOptionError, match="does not take bom"):
        export(corpus, "json", tmp_path / "x.json", bom=True)
    assert list(tmp_path.iterdir()) == []
