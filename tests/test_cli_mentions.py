"""The ``mentions``, ``entities`` and ``extract`` commands of the CLI."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess
    from collections.abc import Callable
    from pathlib import Path

    import yixian_corpus


def test_extract_stdin_tsv(run_cli: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    done = run_cli("extract", "-", "--year", "2020", input="3月5日，河源市司法局局长钟海涛带领20余名干警赶到现场。")
    assert done.returncode == 0, done.stderr
    rows = [line.split("\t") for line in done.stdout.splitlines()]
    assert rows[0] == ["0", "4", "date", "3月5日", '{"iso":"2020-03-05","year_inferred":true}']
    assert ["13", "16", "person", "钟海涛", "钟海涛"] in rows
    assert rows[-1][2:4] == ["quantity", "20余名"]


def test_extract_file_json_and_kind(run_cli: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path) -> None:
    text_file = tmp_path / "in.txt"
    text_file.write_text("凌晨3时许，晚上10点40分。", encoding="utf-8")
    done = run_cli("extract", str(text_file), "--json", "--kind", "time")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [d["value"]["iso"] for d in data] == ["03:00", "22:40"]
    assert all(d["kind"] == "time" for d in data)


def test_extract_errors_are_one_line(run_cli: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    missing = run_cli("extract", "no-such-file.txt")
    assert missing.returncode == 2
    assert missing.stderr.startswith("yixian-corpus: error:")
    assert missing.stderr.count("\n") == 1
    binary = run_cli("extract", "-", input=b"\xff\xfe\x00bad")
    assert binary.returncode == 2
    assert "not UTF-8" in binary.stderr
    bad_year = run_cli("extract", "-", "--year", "twenty", input="x")
    assert bad_year.returncode == 2
    assert "year" in bad_year.stderr
    bad_kind = run_cli("extract", "-", "--kind", "people", input="x")
    assert bad_kind.returncode == 2
    assert "unknown mention kind" in bad_kind.stderr


def test_extract_empty_input_prints_nothing(run_cli: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    done = run_cli("extract", "-", input="")
    assert (done.returncode, done.stdout) == (0, "")
    done = run_cli("extract", "-", "--json", input="")
    assert json.loads(done.stdout) == []


def test_mentions_matches_the_api(
    run_cli: Callable[..., subprocess.CompletedProcess[str]], corpus: yixian_corpus.Corpus
) -> None:
    done = run_cli("mentions", "--kind", "person", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    expected = corpus.mentions("person")
    assert [(d["article"], d["start"], d["end"], d["text"]) for d in data] == [
        (m.article_id, m.start, m.end, m.text) for m in expected
    ]
    article = corpus.ids[0]
    tsv = run_cli("mentions", "--article", article)
    assert tsv.returncode == 0
    lines = tsv.stdout.splitlines()
    assert len(lines) == len(corpus[article].mentions)
    assert all(line.split("\t")[0] == article for line in lines)


def test_mentions_errors(run_cli: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    assert run_cli("mentions", "--kind", "people").returncode == 2
    unknown = run_cli("mentions", "--article", "no-such-id")
    assert unknown.returncode == 2
    assert "no article" in unknown.stderr


def test_entities_matches_the_api(
    run_cli: Callable[..., subprocess.CompletedProcess[str]], corpus: yixian_corpus.Corpus
) -> None:
    done = run_cli("entities", "--kind", "person", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [(d["key"], d["count"], d["forms"]) for d in data] == [
        (e.key, e.count, list(e.forms)) for e in corpus.entities("person")
    ]
    tsv = run_cli("entities", "--kind", "org")
    assert tsv.returncode == 0
    assert len(tsv.stdout.splitlines()) == len(corpus.entities("organization"))
    assert run_cli("entities").returncode == 2
