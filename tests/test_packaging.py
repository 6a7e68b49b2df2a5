"""The wheel carries the built corpus: build it, look inside, and load the corpus from it alone."""

from __future__ import annotations

import email.parser
import json
import os
import subprocess
import sys
import zipfile
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow

PACKAGE = "yixian_corpus"
HEAVY_MODULES = ("jieba", "pandas", "pyarrow", "sqlite3", "xml", "numpy")


@pytest.fixture(scope="module")
def wheel(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from the repository by pip (a PEP 517 build, in isolation, like any installer's)."""
    outdir = tmp_path_factory.mktemp("wheelhouse")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(outdir), str(repo_root)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = outdir.glob("yixian_corpus-*.whl")
    return built


@pytest.fixture(scope="module")
def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.fixture(scope="module")
def unpacked(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel unzipped into its own directory: exactly the files an installer would put in site-packages."""
    target = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


def _metadata(wheel: Path, names: set[str]) -> email.message.Message:
    (path,) = [n for n in names if n.endswith(".dist-info/METADATA")]
    with zipfile.ZipFile(wheel) as archive:
        return email.parser.Parser().parsestr(archive.read(path).decode("utf-8"))


def test_wheel_contains_the_data_the_manifest_and_the_type_marker(wheel_names: set[str], repo_root: Path) -> None:
    assert f"{PACKAGE}/data/corpus.json" in wheel_names
    assert f"{PACKAGE}/data/MANIFEST.json" in wheel_names
    assert f"{PACKAGE}/py.typed" in wheel_names
    source_data = repo_root / "src" / PACKAGE / "data"
    for path in source_data.iterdir():
        if path.is_file() and path.name != ".gitkeep":
            assert f"{PACKAGE}/data/{path.name}" in wheel_names


def test_wheel_contains_every_module_and_nothing_from_outside_the_package(
    wheel_names: set[str], repo_root: Path
) -> None:
    source = repo_root / "src" / PACKAGE
    modules = {f"{PACKAGE}/{p.relative_to(source).as_posix()}" for p in source.rglob("*.py")}  # with subpackages
    assert modules <= wheel_names
    outside = sorted(n for n in wheel_names if not n.startswith((f"{PACKAGE}/", "yixian_corpus-")))
    assert outside == []
    assert not [n for n in wheel_names if "__pycache__" in n or n.endswith(".pyc")]


def test_wheel_data_matches_the_repository_byte_for_byte(wheel: Path, repo_root: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        for name in ("corpus.json", "MANIFEST.json"):
            assert archive.read(f"{PACKAGE}/data/{name}") == (repo_root / "src" / PACKAGE / "data" / name).read_bytes()


def test_wheel_metadata(wheel: Path, wheel_names: set[str]) -> None:
    metadata = _metadata(wheel, wheel_names)
    assert metadata["Name"] == "yixian-corpus"
    assert metadata["Requires-Python"] == ">=3.10"
    requirements = " ".join(metadata.get_all("Requires-Dist") or [])
    for dependency in ("attrs", "regex", "jieba"):
        assert dependency in requirements
    assert metadata["License-Expression"] == "MIT"
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in wheel_names)
    assert "yixian-corpus" in (metadata.get_payload() or "")  # the README is the long description
    (entry_points,) = [n for n in wheel_names if n.endswith(".dist-info/entry_points.txt")]
    with zipfile.ZipFile(wheel) as archive:
        assert "yixian-corpus = yixian_corpus._cli:main" in archive.read(entry_points).decode("utf-8")


def _run_from(unpacked: Path, code: str) -> str:
    """Run ``code`` in a fresh interpreter that sees the unpacked wheel first and never the repository's src.

    Coverage's variables are dropped: this interpreter runs the wheel's copy, which is not what the suite
    measures (and coverage itself would import sqlite3, which the light-import check forbids).
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH" and not key.startswith("COVERAGE")}
    prelude = f"import sys; sys.path.insert(0, {str(unpacked)!r}); "
    done = subprocess.run(
        [sys.executable, "-I", "-c", prelude + code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=unpacked,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_unpacked_wheel_loads_the_whole_corpus(unpacked: Path) -> None:
    code = (
        "import json, yixian_corpus; "
        "corpus = yixian_corpus.load(); "
        "print(json.dumps({'file': yixian_corpus.__file__, 'ids': list(corpus.ids), "
        f"'heavy': sorted(m for m in {HEAVY_MODULES!r} if m in sys.modules)}}))"
    )
    result = json.loads(_run_from(unpacked, code))
    assert result["file"].startswith(str(unpacked))
    assert len(result["ids"]) == 7
    assert result["ids"][0] == "000-donghe"
    assert result["heavy"] == []  # import + load() stay light


def test_the_unpacked_wheel_runs_the_command_line(unpacked: Path) -> None:
    code = "from yixian_corpus._cli import main; sys.exit(main(['list']))"
    lines = _run_from(unpacked, code).splitlines()
    assert len(lines) == 7
    assert lines[1].startswith("001-qingshan")
