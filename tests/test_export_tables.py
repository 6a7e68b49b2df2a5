"""Table exports: to_records (plain dicts), CSV (csv module, optional BOM), pandas and Parquet (optional extras)."""

from __future__ import annotations

import csv
import io
import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings

import yixian_corpus
from strategies import export_corpora
from yixian_corpus import ExportOptionError, MissingExtraError, OverwriteError
from yixian_corpus._export import _COLUMNS, LEVELS, _csv_cell

if TYPE_CHECKING:
    from pathlib import Path

    from yixian_corpus import Corpus

_TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=25)


# -- records ----------------------------------------------------------------------------------------------------------
def test_record_counts_match_the_model(corpus: Corpus) -> None:
    assert len(corpus.to_records("article")) == len(corpus)
    assert len(corpus.to_records("section")) == sum(len(a.sections) for a in corpus)
    assert len(corpus.to_records("paragraph")) == sum(len(a.paragraphs) for a in corpus)
    assert len(corpus.to_records("mention")) == len(corpus.mentions())
    assert corpus.to_records() == corpus.to_records("mention")


def test_records_are_plain_and_point_into_the_text(corpus: Corpus) -> None:
    for record in corpus.to_records("paragraph"):
        article = corpus[record["article_id"]]
        assert article.text[record["start"] : record["end"]] == record["text"]
        assert article.sections[record["section"]].heading == record["heading"]
    article_rows = corpus.to_records("article")
    assert article_rows[0]["article_id"] == "000-donghe"
    assert article_rows[-1]["publication"] == "法制周报·新湖南"
    assert all(type(v) in {str, int, bool, list, type(None)} for row in article_rows for v in row.values())


@given(export_corpora())
def test_mention_records_carry_every_value_type(corpus: Corpus) -> None:
    rows = corpus.to_records("mention")
    mentions = [m for a in corpus for m in a.mentions]
    assert len(rows) == len(mentions)
    for row, mention in zip(rows, mentions, strict=True):
        article = corpus[row["article_id"]]
        assert article.text[row["start"] : row["end"]] == row["text"] == mention.text
        value = mention.value
        if value is None:
            assert row["value_type"] is None
        elif isinstance(value, str):
            assert (row["value_type"], row["value"]) == ("name", value)
        elif isinstance(value, yixian_corpus.Quantity):
            assert Decimal(row["value"]) == value.number
            assert (row["unit"], row["approximate"]) == (value.unit, value.approximate)
        elif isinstance(value, yixian_corpus.DateValue):
            assert (row["value"], row["year_inferred"]) == (value.iso, value.year_inferred)
        else:
            assert (row["value"], row["part_of_day"]) == (value.iso, value.part_of_day)


def test_every_row_of_a_level_has_the_same_keys(corpus: Corpus) -> None:
    for level in LEVELS:
        rows = corpus.to_records(level)
        assert len({tuple(row) for row in rows}) <= 1


def test_unknown_level(corpus: Corpus, tmp_path: Path) -> None:
    with pytest.raises(ExportOptionError, match="unknown level 'word'"):
        corpus.to_records("word")
    with pytest.raises(ExportOptionError):
        corpus.to_csv(tmp_path / "x.csv", level="word")
    assert not (tmp_path / "x.csv").exists()


# -- CSV --------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("level", LEVELS)
def test_csv_reads_back_with_the_csv_module(corpus: Corpus, tmp_path: Path, level: str) -> None:
    path = corpus.to_csv(tmp_path / f"{level}.csv", level=level)
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    records = corpus.to_records(level)
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        assert row == {key: _csv_cell(value) for key, value in record.items()}


def test_csv_with_bom_opens_as_utf8_sig(corpus: Corpus, tmp_path: Path) -> None:
    path = corpus.to_csv(tmp_path / "a.csv", level="article", bom=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfarticle_id,")
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[1]["title"] == corpus["001-qingshan"].title
    assert rows[0]["authors"] == "肖玥"


@_TMP
@given(export_corpora())
def test_csv_survives_odd_characters(tmp_path: Path, corpus: Corpus) -> None:
    path = corpus.to_csv(tmp_path / "m.csv", level="paragraph", overwrite=True)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["text"] for r in rows] == [r["text"] for r in corpus.to_records("paragraph")]


def test_csv_of_a_filtered_corpus_and_overwrite(corpus: Corpus, tmp_path: Path) -> None:
    part = yixian_corpus.Corpus([corpus["002-nei-mongol"]])
    path = part.to_csv(tmp_path / "s.csv", level="section")
    with path.open(encoding="utf-8", newline="") as handle:
        assert {row["article_id"] for row in csv.DictReader(handle)} == {"002-nei-mongol"}
    with pytest.raises(OverwriteError):
        corpus.to_csv(path, level="section")
    corpus.to_csv(path, level="section", overwrite=True)
    with path.open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == sum(len(a.sections) for a in corpus)


# -- pandas / Parquet ----------------------------------------------------------------------------------------------
def _hide(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    for module in modules:
        monkeypatch.setitem(sys.modules, module, None)  # makes `import module` raise ImportError


def test_pandas_missing_names_the_extra(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    _hide(monkeypatch, "pandas")
    with pytest.raises(MissingExtraError, match=r"pip install yixian-corpus\[pandas\]") as info:
        corpus.to_pandas()
    assert isinstance(info.value, ImportError)


def test_parquet_missing_names_the_extra(corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _hide(monkeypatch, "pyarrow", "pyarrow.parquet")
    with pytest.raises(MissingExtraError, match=r"pip install yixian-corpus\[parquet\]"):
        corpus.to_parquet(tmp_path / "m.parquet")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("level", LEVELS)
def test_to_pandas(corpus: Corpus, level: str) -> None:
    pandas = pytest.importorskip("pandas")
    frame = corpus.to_pandas(level)
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(_COLUMNS[level])
    assert len(frame) == len(corpus.to_records(level))


def test_to_pandas_of_an_empty_corpus_keeps_the_columns() -> None:
    pytest.importorskip("pandas")
    frame = yixian_corpus.Corpus().to_pandas("mention")
    assert len(frame) == 0
    assert "value_type" in frame.columns


@pytest.mark.parametrize("level", LEVELS)
def test_parquet_reads_back_with_pyarrow(corpus: Corpus, tmp_path: Path, level: str) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    path = corpus.to_parquet(tmp_path / f"{level}.parquet", level=level)
    table = parquet.read_table(path)
    assert table.to_pylist() == corpus.to_records(level)


@_TMP
@given(export_corpora())
def test_parquet_round_trips_generated_mentions(tmp_path: Path, corpus: Corpus) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    path = corpus.to_parquet(tmp_path / "m.parquet", overwrite=True)
    rows: list[dict[str, Any]] = parquet.read_table(path).to_pylist()
    assert rows == corpus.to_records("mention")


def test_parquet_refuses_to_overwrite(corpus: Corpus, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "m.parquet"
    path.write_bytes(b"keep")
    with pytest.raises(OverwriteError):
        corpus.to_parquet(path)
    assert path.read_bytes() == b"keep"
