"""The README tells the truth: its figures and table match the bundled corpus, and its example runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path

    import yixian_corpus


@pytest.fixture(scope="module")
def readme(repo_root: Path) -> str:
    return (repo_root / "README.md").read_text(encoding="utf-8")


def _number(text: str, label: str) -> int:
    match = re.search(r"\*\*([\d,]+) " + re.escape(label) + r"\*\*", text)
    assert match, f"README states no '**N {label}**'"
    return int(match[1].replace(",", ""))


def test_readme_figures_are_those_of_the_corpus(readme: str, corpus: yixian_corpus.Corpus) -> None:
    assert _number(readme, "articles") == len(corpus)
    assert _number(readme, "source files") == len({a.source.name for a in corpus})
    assert _number(readme, "characters") == sum(len(a.text) for a in corpus)
    assert _number(readme, "sections") == sum(len(a.sections) for a in corpus)
    assert _number(readme, "paragraphs") == sum(len(a.paragraphs) for a in corpus)
    assert _number(readme, "photo captions") == sum(len(a.captions) for a in corpus)


def test_readme_table_lists_every_article_with_its_title_and_source(readme: str, corpus: yixian_corpus.Corpus) -> None:
    rows = re.findall(r"^\| `([^`]+)` \| (.+?) \| `([^`]+)` \|", readme, flags=re.MULTILINE)
    assert [row[0] for row in rows] == list(corpus.ids)
    for article_id, title, source in rows:
        article = corpus[article_id]
        assert article.title == title
        assert article.source.name == source


def test_readme_python_example_runs(readme: str, tmp_path: Path, corpus: yixian_corpus.Corpus) -> None:
    (code,) = re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", errors="replace")
    output = done.stdout.decode("utf-8")
    assert output.startswith(corpus["004-zhangjiajie"].title)
    assert "[图]" in output
    assert len(output.splitlines()) >= 10


def test_readme_quick_start_commands(readme: str) -> None:
    assert "python -m pip install . && yixian-corpus search 党员" in readme
    assert "python -m pip install nox && python -m nox" in readme
