"""`yixian-corpus export`: every format from the command line, one-line errors, exit status 2 on bad input."""

from __future__ import annotations

import csv
import os
import sqlite3
from typing import TYPE_CHECKING

import pytest

import yixian_corpus
from yixian_corpus._cli import main
from yixian_corpus._export import FORMATS

if TYPE_CHECKING:
    import subprocess
    from collections.abc import Callable
    from pathlib import Path

    from yixian_corpus import Corpus

    RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "parquet"])
def test_every_format_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    out = tmp_path / f"corpus.{fmt}"
    assert main(["export", "--format", fmt, str(out)]) == 0
    assert out.exists()
    assert capsys.readouterr().out == f"wrote 7 articles to {out} ({fmt})\n"


def test_parquet_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "p.parquet"
    assert main(["export", "-f", "parquet", str(out), "--level", "paragraph"]) == 0
    assert parquet.read_table(out).num_rows == len(yixian_corpus.load().to_records("paragraph"))
    capsys.readouterr()


def test_selected_articles_and_round_trip(run_cli: RunCli, tmp_path: Path, corpus: Corpus) -> None:
    out = tmp_path / "two.jsonl"
    done = run_cli("export", "--format", "jsonl", str(out), "--article", "004-zhangjiajie", "--article", "000-donghe")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"wrote 2 articles to {out} (jsonl)\n"
    again = yixian_corpus.read(out)
    assert again.ids == ("004-zhangjiajie", "000-donghe")
    assert again["000-donghe"] == corpus["000-donghe"]

    db = tmp_path / "two.db"
    done = run_cli("export", "-f", "sqlite", str(db), "--input", str(out))
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone() == (2,)


def test_csv_level_and_bom(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    done = run_cli("export", "-f", "csv", str(out), "--level", "article", "--bom")
    assert done.returncode == 0, done.stderr
    text = out.read_bytes().decode("utf-8-sig")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(text.splitlines()))
    assert [r["article_id"] for r in rows] == list(yixian_corpus.load().ids)


def test_refuses_to_overwrite_then_overwrites(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "c.json"
    out.write_text("keep", encoding="utf-8")
    done = run_cli("export", "-f", "json", str(out))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "file exists" in done.stderr
    assert "Traceback" not in done.stderr
    assert out.read_text(encoding="utf-8") == "keep"
    assert run_cli("export", "-f", "json", str(out), "--overwrite").returncode == 0
    assert len(yixian_corpus.read(out)) == 7


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "json", "{tmp}/missing/c.json"], "does not exist"),
        (["-f", "json", "{tmp}/c.json", "--article", "no-such-id"], "no article with id 'no-such-id'"),
        (["-f", "tei", "{tmp}/c.xml", "--level", "article"], "does not take level"),
        (["-f", "yaml", "{tmp}/c.yaml"], "invalid choice"),
        (["-f", "json", "{tmp}/c.json", "--input", "{tmp}/nothing.jsonl"], "no such file"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run_cli: RunCli, tmp_path: Path, args: list[str], message: str) -> None:
    done = run_cli("export", *(a.format(tmp=tmp_path) for a in args))
    assert done.returncode == 2
    assert message in done.stderr
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_works_under_the_c_locale(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "c.conll"
    env = {**os.environ, "LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": ""}
    done = run_cli("export", "-f", "conll", str(out), env=env)
    assert done.returncode == 0, done.stderr
    assert "疫" in out.read_text(encoding="utf-8")
