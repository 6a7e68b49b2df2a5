"""The ``search`` and ``stats`` commands of the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from yixian_corpus._kwic import display_width
from yixian_corpus._search import _demo_corpus
from yixian_corpus._serialize import corpus_to_data

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def test_search_prints_aligned_kwic_lines(run_cli: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    done = run_cli("search", "党员")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert len(lines) > 20
    assert "\x1b" not in done.stdout
    assert lines[0].startswith("000-donghe ")
    assert all("[党员]" in line for line in lines)
    assert len({display_width(line[: line.index("[党员]")]) for line in lines}) == 1
    assert any(line.startswith("004-zhangjiajie ") for line in lines)


def test_search_json_is_one_object_per_hit(run_cli: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    done = run_cli("search", "曹宇峰", "--json", "--context", "3")
    assert done.returncode == 0, done.stderr
    hits = [json.loads(line) for line in done.stdout.splitlines()]
    assert hits
    for hit in hits:
        assert hit["article"] == "000-donghe"
        assert hit["text"] == "曹宇峰"
        assert len(hit["left"]) <= 3
        assert set(hit) >= {"article", "section", "start", "end", "text", "left", "right"}


def test_search_options(run_cli: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    done = run_cli("search", "疫情", "--limit", "3", "--article", "002-nei-mongol", "-C", "4")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 3
    assert all(line.startswith("002-nei-mongol  ") for line in lines)
    done = run_cli("search", "-E", r"\d+名", "--limit", "2", "--json")
    assert done.returncode == 0, done.stderr
    assert all(json.loads(line)["text"].endswith("名") for line in done.stdout.splitlines())
    assert run_cli("search", ",", "--limit", "1").stdout.count("[，]") == 1
    assert run_cli("search", ",", "--exact", "--limit", "1").returncode == 1


def test_search_exit_status_is_like_grep(run_cli: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    none = run_cli("search", "没有这个词语")
    assert (none.returncode, none.stdout, none.stderr) == (1, "", "")
    for args, message in (
        (("search", "(", "--regex"), "bad regular expression '(': missing ) at position 1"),
        (("search", ""), "empty query"),
        (("search", "疫情", "--kind", "people"), "unknown mention kind 'people'"),
        (("search", "疫情", "--article", "000-dongh"), "no article with id '000-dongh'; did you mean '000-donghe'"),
        (("search", "疫情", "--context", "-2"), "expected a number >= 0"),
        (("search", "疫情", "--limit", "x"), "expected a whole number"),
        (("search", "疫情", "--timeout", "0"), "timeout must be a positive number"),
        (("search", "疫情", "--input", "no-such-file.json"), "no-such-file.json"),
    ):
        done = run_cli(*args)
        assert done.returncode == 2, (args, done.stderr)
        assert done.stdout == ""
        assert len(done.stderr.splitlines()) == 1, done.stderr
        assert message in done.stderr
        assert "Traceback" not in done.stderr


def test_a_catastrophic_pattern_is_an_error_not_a_hang(
    run_cli: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    done = run_cli("search", "-E", r"(\p{Han}|\p{Han}\p{Han})+$", "--timeout", "0.3", timeout=60)
    assert done.returncode == 2
    assert "ran longer than 0.3 s" in done.stderr


def test_search_works_under_lang_c(run_cli: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIOENCODING", "PYTHONUTF8"))}
    env["LANG"] = "C"
    env["LC_ALL"] = "C"
    done = run_cli("search", "党员", "--limit", "2", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("[党员]") == 2


def test_search_survives_a_closed_pipe() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    with subprocess.Popen(
        [sys.executable, "-m", "yixian_corpus", "search", "-E", r"\p{Han}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        errors = process.stderr.read()
        status = process.wait(timeout=60)
    assert first.decode("utf-8").startswith("000-donghe")
    assert status == 0
    assert errors == b""


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_matches_are_highlighted_only_on_a_terminal() -> None:
    import pty  # noqa: PLC0415 - POSIX only

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "yixian_corpus", "search", "曹宇峰", "--limit", "1"],
            stdout=follower,
            stderr=subprocess.PIPE,
            env=env,
            timeout=60,
            check=False,
        )
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
    finally:
        os.close(leader)
    assert done.returncode == 0
    text = output.decode("utf-8")
    assert "\x1b[1;31m曹宇峰\x1b[0m" in text
    assert "[曹宇峰]" not in text


def test_search_and_stats_of_a_corpus_file(
    run_cli: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    path = tmp_path / "demo.json"
    path.write_text(json.dumps(corpus_to_data(_demo_corpus()), ensure_ascii=False), encoding="utf-8")
    done = run_cli("search", "--kind", "person", "--value", "张三", "--input", str(path), "--json")
    assert done.returncode == 0, done.stderr
    hits = [json.loads(line) for line in done.stdout.splitlines()]
    assert [h["text"] for h in hits] == ["张三", "张局长"]
    assert hits[1]["mention"]["value"] == "张三"
    done = run_cli("stats", "--input", str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["mentions"]["person"] == 2


def test_stats(run_cli: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    done = run_cli("stats")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("articles     7\n")
    assert "003-2-wang-ailin" in done.stdout
    data = json.loads(run_cli("stats", "--json").stdout)
    assert data["articles"] == 7
    assert len(data["rows"]) == 7
