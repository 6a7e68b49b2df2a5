"""The core commands of the command line (``list``, ``show``, ``clean``), run as a user runs them.

Every test starts ``python -m yixian_corpus`` in a subprocess (the ``run_cli`` fixture), so locale,
encoding, exit status and closed-pipe behaviour are those a user sees.  What the commands print is
checked against the public Python API: the command line is a thin face over it.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

import yixian_corpus
from yixian_corpus._cli import main

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    RunCli = Callable[..., subprocess.CompletedProcess[str]]

# Eight lines of the 001 seed: text from a Founder PDF whose punctuation came out shifted (袁 for ，,
# 遥 for 。, 野/冶 for “/”, 尧 for 、), broken mid-sentence by the page columns.
SHIFTED_001 = (
    "构建野一套体系冶袁确保战野疫冶有序遥面对来势汹汹的疫\n"
    "情袁青山区司法局结合司法行政工作实际袁积极响应上级党\n"
    "委尧政府的各项决策部署袁迅速成立了由党组书记尧局长殷\n"
    "伟杰为组长的疫情防控领导小组袁下设野一办五组冶袁建立了\n"
    "宣传尧保障尧排查尧防控和应急等各小组联防联控工作机制袁\n"
    "全体干部职工停止春节休假袁24小时通讯联系保持畅通袁\n"
    "以野战斗冶状态做好疫情防控工作袁动员全局上下密集部署尧\n"
    "建立防线尧细化方案尧扛起责任袁党组成员全部带班坐镇值\n"
    "班值守野第一线冶遥\n"
)
SHIFTED_CHARS = set("袁遥尧野冶曰噎浴院渊冤耶爷要")

# Clean text that happens to contain the shifted characters as real words: must come back unchanged.
CLEAN_WITH_LOOKALIKES = "袁某到医院看望患者，要求大家做好防护。\n需要遥远的野外救援时，他们随叫随到。\n"


def _one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """Assert ``result`` failed like a well-behaved command (status 2, one stderr line); return that line."""
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("yixian-corpus")
    return lines[0]


def _c_locale_env(*, strict: bool = True, **extra: str) -> dict[str, str]:
    """A bare environment with the C locale and no PYTHONIOENCODING.

    With ``strict`` (the default) Python's UTF-8 mode and locale coercion are switched off too, so
    Python's own default for stdout is ASCII and only the command's own UTF-8 set-up makes Chinese
    output possible.  Without it, this is what a user's ``LANG=C`` shell gives.  Coverage's variables
    are kept so that the subprocesses are still measured.
    """
    env = {key: value for key, value in os.environ.items() if key.startswith("COVERAGE")}
    env.update(PATH=os.environ.get("PATH", "/usr/bin:/bin"), LANG="C", LC_ALL="C")
    if strict:
        env.update(PYTHONCOERCECLOCALE="0", PYTHONUTF8="0")
    env.update(extra)
    return env


# -- list ------------------------------------------------------------------------------------------------------------
def test_list_prints_every_id_and_title_in_corpus_order(run_cli: RunCli, corpus: yixian_corpus.Corpus) -> None:
    result = run_cli("list")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == list(corpus.ids)
    for line, article in zip(lines, corpus, strict=True):
        assert line.endswith(article.title)


def test_list_json_matches_the_api(run_cli: RunCli, corpus: yixian_corpus.Corpus) -> None:
    result = run_cli("list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [row["id"] for row in rows] == list(corpus.ids)
    for row, article in zip(rows, corpus, strict=True):
        assert row["title"] == article.title
        assert row["subtitle"] == article.subtitle
        assert row["authors"] == list(article.authors)
        assert row["source"] == article.source.name
        assert row["chars"] == len(article.text)


def test_list_has_the_seven_articles(run_cli: RunCli) -> None:
    ids = [line.split()[0] for line in run_cli("list").stdout.splitlines()]
    assert ids == list(yixian_corpus.load().ids)  # the ids themselves are pinned in test_build


# -- show ------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("article_id", yixian_corpus.load().ids)
def test_show_prints_title_headings_paragraphs_and_captions(
    run_cli: RunCli, corpus: yixian_corpus.Corpus, article_id: str
) -> None:
    article = corpus[article_id]
    result = run_cli("show", article_id)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == article.title
    if article.subtitle:
        assert lines[1] == article.subtitle
    for section in article.sections:
        if section.heading is not None:
            assert f"## {section.heading}" in lines
        for paragraph in section.paragraphs:
            assert paragraph.text in lines
    for caption in article.captions:
        assert f"[图] {caption.text}" in lines
    for author in article.authors:
        assert author in result.stdout


def test_show_json_matches_the_api(run_cli: RunCli, corpus: yixian_corpus.Corpus) -> None:
    article = corpus["004-zhangjiajie"]
    data = json.loads(run_cli("show", "004-zhangjiajie", "--json").stdout)
    assert data["id"] == article.id
    assert data["title"] == article.title
    assert data["text"] == article.text
    assert data["authors"] == list(article.authors)
    assert [s["heading"] for s in data["sections"]] == [s.heading for s in article.sections]
    assert [s["paragraphs"] for s in data["sections"]] == [[p.text for p in s.paragraphs] for s in article.sections]
    assert data["captions"] == [c.text for c in article.captions]


def test_show_unknown_id_is_one_line_suggesting_close_ids(run_cli: RunCli) -> None:
    result = run_cli("show", "001-qingshn")
    line = _one_line_error(result)
    assert "001-qingshn" in line
    assert "001-qingshan" in line
    assert result.stdout == ""


def test_show_unknown_id_far_from_everything_is_still_one_line(run_cli: RunCli) -> None:
    line = _one_line_error(run_cli("show", "no such article at all"))
    assert "no such article at all" in line


# -- UTF-8 whatever the locale ---------------------------------------------------------------------------------------
def test_show_under_the_c_locale_prints_utf8(run_cli: RunCli, corpus: yixian_corpus.Corpus) -> None:
    result = run_cli("show", "001-qingshan", env=_c_locale_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == corpus["001-qingshan"].title


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_clean_prints_utf8_even_when_told_otherwise(run_cli: RunCli, encoding: str) -> None:
    result = run_cli("clean", "-", input=CLEAN_WITH_LOOKALIKES, env=_c_locale_env(PYTHONIOENCODING=encoding))
    assert result.returncode == 0, result.stderr
    assert result.stdout == CLEAN_WITH_LOOKALIKES


def test_errors_under_the_c_locale_keep_their_chinese(run_cli: RunCli) -> None:
    line = _one_line_error(run_cli("show", "党员", env=_c_locale_env(strict=False)))
    assert "党员" in line


# -- closed pipes ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("args", [("list",), ("show", "002-nei-mongol"), ("clean", "-")], ids=["list", "show", "clean"])
def test_a_reader_that_has_gone_ends_the_command_quietly(args: tuple[str, ...], tmp_path: Path) -> None:
    """The reading end is closed before the command writes anything: its first flush meets EPIPE."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    process = subprocess.Popen(
        [sys.executable, "-m", "yixian_corpus", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=env,
    )
    assert process.stdout is not None
    process.stdout.close()
    _, stderr = process.communicate(input=SHIFTED_001.encode("utf-8"), timeout=60)
    assert stderr.decode("utf-8", errors="replace") == ""
    assert process.returncode == 0


@pytest.mark.slow
def test_clean_into_head_of_a_large_input_has_no_traceback(repo_root: Path, tmp_path: Path) -> None:
    """``yixian-corpus clean big.txt | head -1`` with far more output than a pipe buffer holds."""
    big = tmp_path / "big.txt"
    seed = "".join(p.read_text(encoding="utf-8") for p in sorted((repo_root / "corpus" / "raw").glob("*.txt")))
    big.write_text(seed * 10, encoding="utf-8")  # ~420 kB of Chinese
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    script = f'"{sys.executable}" -m yixian_corpus clean "{big}" | head -1; echo "status=${{PIPESTATUS[0]}}"'
    done = subprocess.run(
        ["bash", "-c", script],  # noqa: S607 - bash from PATH, as a user's shell
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    stdout = done.stdout.decode("utf-8")
    stderr = done.stderr.decode("utf-8", errors="replace")
    assert stderr == ""
    lines = stdout.splitlines()
    assert len(lines) == 2
    assert lines[-1] == "status=0"


# -- clean -----------------------------------------------------------------------------------------------------------
def test_clean_repairs_the_001_punctuation_shift_in_a_file(run_cli: RunCli, tmp_path: Path) -> None:
    source = tmp_path / "001-page.txt"
    source.write_text(SHIFTED_001, encoding="utf-8")
    result = run_cli("clean", str(source))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    text = result.stdout
    assert text.startswith("构建“一套体系”，确保战“疫”有序。面对来势汹汹的疫情，青山区司法局")
    assert "局长殷伟杰为组长" in text  # the column break inside the name is rejoined
    assert "下设“一办五组”，建立了宣传、保障、排查、防控和应急等各小组" in text
    assert text.rstrip("\n").endswith("班值守“第一线”。")
    assert not SHIFTED_CHARS & set(text)
    api_text = yixian_corpus.clean_text(SHIFTED_001).text
    assert text == api_text + ("\n" if api_text and not api_text.endswith("\n") else "")


def test_clean_reads_standard_input(run_cli: RunCli, tmp_path: Path) -> None:
    source = tmp_path / "001-page.txt"
    source.write_text(SHIFTED_001, encoding="utf-8")
    from_stdin = run_cli("clean", "-", input=SHIFTED_001)
    from_file = run_cli("clean", str(source))
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert from_stdin.stdout == from_file.stdout


def test_clean_leaves_real_words_made_of_shifted_characters_alone(run_cli: RunCli) -> None:
    result = run_cli("clean", "-", input=CLEAN_WITH_LOOKALIKES)
    assert result.returncode == 0, result.stderr
    assert result.stdout == CLEAN_WITH_LOOKALIKES


def test_clean_edits_lists_the_punct_shift_repairs(run_cli: RunCli) -> None:
    result = run_cli("clean", "-", "--edits", input=SHIFTED_001)
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows
    assert all(len(row) == 5 for row in rows)
    rules = {row[2] for row in rows}
    assert "punct-shift" in rules
    expected = yixian_corpus.clean_text(SHIFTED_001).edits
    assert [(int(row[0]), int(row[1]), row[2]) for row in rows] == [(e.start, e.end, e.rule) for e in expected]


def test_clean_json_is_the_api_result(run_cli: RunCli) -> None:
    data = json.loads(run_cli("clean", "-", "--json", input=SHIFTED_001).stdout)
    expected = yixian_corpus.clean_text(SHIFTED_001)
    assert data["text"] == expected.text
    assert [(e["rule"], e["start"], e["end"], e["old"], e["new"]) for e in data["edits"]] == [
        (e.rule, e.start, e.end, e.old, e.new) for e in expected.edits
    ]


def test_clean_of_bad_utf8_file_is_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    bad = tmp_path / "gbk.txt"
    bad.write_bytes("疫情防控".encode("gbk"))
    line = _one_line_error(run_cli("clean", str(bad)))
    assert "UTF-8" in line
    assert "gbk.txt" in line


def test_clean_of_bad_utf8_on_stdin_is_one_line(run_cli: RunCli) -> None:
    line = _one_line_error(run_cli("clean", "-", input=b"ok \xff\xfe\xfd"))
    assert "UTF-8" in line


def test_clean_of_a_missing_file_is_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    line = _one_line_error(run_cli("clean", str(tmp_path / "missing.txt")))
    assert "missing.txt" in line


def test_clean_of_a_directory_is_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    _one_line_error(run_cli("clean", str(tmp_path)))


def test_clean_of_empty_input_prints_nothing(run_cli: RunCli) -> None:
    result = run_cli("clean", "-", input="")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


# -- the parser ------------------------------------------------------------------------------------------------------
def test_no_command_is_a_one_line_usage_error(run_cli: RunCli) -> None:
    _one_line_error(run_cli())


def test_unknown_command_is_a_one_line_usage_error(run_cli: RunCli) -> None:
    line = _one_line_error(run_cli("frobnicate"))
    assert "frobnicate" in line


def test_version_and_help(run_cli: RunCli) -> None:
    version = run_cli("--version")
    assert version.returncode == 0
    assert version.stdout.strip() == f"yixian-corpus {yixian_corpus.__version__}"
    helped = run_cli("--help")
    assert helped.returncode == 0
    for command in ("list", "show", "clean"):
        assert command in helped.stdout


# -- in process (the same commands through main(), so coverage sees the command-line code) ---------------------------
def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_main_list_and_show(capsys: pytest.CaptureFixture[str], corpus: yixian_corpus.Corpus) -> None:
    assert main(["list"]) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()] == list(corpus.ids)
    assert main(["list", "--json"]) == 0
    assert [row["id"] for row in json.loads(capsys.readouterr().out)] == list(corpus.ids)
    assert main(["show", "004-zhangjiajie"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(corpus["004-zhangjiajie"].title + "\n")
    assert "[图] " in out
    assert main(["show", "001-qingshan", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == corpus["001-qingshan"].text


def test_main_unknown_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "001-qingshn"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "001-qingshan" in captured.err


def test_main_clean_file_stdin_edits_json(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    expected = yixian_corpus.clean_text(SHIFTED_001)
    source = tmp_path / "page.txt"
    source.write_text(SHIFTED_001, encoding="utf-8")
    assert main(["clean", str(source)]) == 0
    assert capsys.readouterr().out.rstrip("\n") == expected.text.rstrip("\n")
    _stdin(monkeypatch, SHIFTED_001.encode("utf-8"))
    assert main(["clean", "-", "--edits"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(expected.edits)
    _stdin(monkeypatch, SHIFTED_001.encode("utf-8"))
    assert main(["clean", "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == expected.text


def test_main_clean_bad_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _stdin(monkeypatch, b"\xff\xfe bad")
    assert main(["clean", "-"]) == 2
    assert "UTF-8" in capsys.readouterr().err
    assert main(["clean", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err


def test_main_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([])
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2
    assert capsys.readouterr().err.count("\n") == 2
