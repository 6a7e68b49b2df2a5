"""Development tasks for yixian-corpus.

``nox`` (no arguments) runs what CI runs: lint, typecheck, tests, docs, examples
and build.  ``nox -s NAME`` runs one session; ``nox -l`` lists them all.

Every session makes its own virtual environment and installs everything it
needs from PyPI, so a machine with nothing but Python and pip can run them.
The tests, docs, examples and benchmarks use the project installed into that
environment (a real, non-editable install), never ``./src``.  Tool versions
come from the ``[dependency-groups]`` of ``pyproject.toml``.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"  # nox.project.dependency_groups
nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = False
nox.options.error_on_external_run = True
nox.options.sessions = ["lint", "typecheck", "tests", "docs", "examples", "build"]

ROOT = Path(__file__).resolve().parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
PACKAGE = "yixian_corpus"
ALL_EXTRAS = ",".join(sorted(PYPROJECT["project"].get("optional-dependencies", {})))

EXAMPLE_TIMEOUT = 300  # seconds for one example script


def _group(*names: str) -> tuple[str, ...]:
    """The requirements of the named ``[dependency-groups]`` of pyproject.toml."""
    return nox.project.dependency_groups(PYPROJECT, *names)


def _install_project(session: nox.Session, *groups: str, extras: str = "") -> None:
    """Install the project itself (built as a wheel, not editable), optional extras, and the named groups."""
    session.install(f".[{extras}]" if extras else ".", *_group(*groups))


# -- checks that CI runs -----------------------------------------------------------------------------------------------
@nox.session
def lint(session: nox.Session) -> None:
    """Ruff: the lint rules and the formatting check (fix locally with ``ruff check --fix`` and ``ruff format``)."""
    session.install(*_group("lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", "--diff", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Type-check src, tests, noxfile.py, benchmarks and the docs scripts with mypy --strict (paths: pyproject.toml)."""
    _install_project(session, "typecheck", "docs")
    session.run("mypy", "--strict", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite against the installed package, with branch coverage (slow tests included).

    The optional extras (pandas, pyarrow) are installed too, so their code paths are tested, not skipped.
    """
    _install_project(session, "tests", extras=ALL_EXTRAS)
    session.run(
        "pytest",
        f"--cov={PACKAGE}",
        "--cov-report=term-missing",
        *session.posargs,
        env={"HYPOTHESIS_PROFILE": "default"},
    )


@nox.session(name="property")
def property_tests(session: nox.Session) -> None:
    """Every Hypothesis property test under the "long" profile (thousands of examples each)."""
    _install_project(session, "tests", extras=ALL_EXTRAS)
    session.run("pytest", "-m", "property", *session.posargs, env={"HYPOTHESIS_PROFILE": "long"})


@nox.session
def docs(session: nox.Session) -> None:
    """Build the HTML docs with warnings as errors (-n -W), then run every example in them (doctest).

    The ``[crf]`` extra is installed so that the examples of ``extract_mentions(model="crf")`` run too.
    """
    _install_project(session, "docs", extras="crf")
    build_dir = ROOT / "docs" / "_build"
    if build_dir.exists():
        shutil.rmtree(build_dir)
    common = ["-n", "-W", "--keep-going", "-E", "-q"]
    session.run("sphinx-build", *common, "-b", "html", "docs", str(build_dir / "html"))
    session.run("sphinx-build", *common, "-b", "doctest", "docs", str(build_dir / "doctest"))
    session.log(f"HTML docs: {build_dir / 'html' / 'index.html'}")


@nox.session
def examples(session: nox.Session) -> None:
    """Run every ``examples/*.py`` with the installed package; each must exit 0.

    An example ``examples/NN_name.py`` with a sibling ``examples/NN_name.out`` must print exactly that
    file's text on standard output.  Each example runs in its own empty temporary directory, so files it
    writes never land in the repository.
    """
    scripts = sorted((ROOT / "examples").glob("*.py"))
    if not scripts:
        session.error("no examples/*.py found")
    _install_project(session)
    python = Path(session.bin) / ("python.exe" if sys.platform == "win32" else "python")
    failures: list[str] = []
    for script in scripts:
        workdir = Path(session.create_tmp()) / script.stem
        if workdir.exists():
            shutil.rmtree(workdir)
        workdir.mkdir(parents=True)
        session.log(f"example {script.name}")
        failure = _run_example(python, script, workdir)
        if failure:
            session.warn(f"{script.name}: {failure}")
            failures.append(script.name)
    if failures:
        session.error(f"{len(failures)} of {len(scripts)} examples failed: {', '.join(failures)}")
    session.log(f"all {len(scripts)} examples ran")


def _run_example(python: Path, script: Path, workdir: Path) -> str | None:
    """Run one example; return why it failed, or None."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONHASHSEED": "0"}
    try:
        done = subprocess.run(  # noqa: S603 - the session's own interpreter running a repository script
            [str(python), str(script)],
            cwd=workdir,
            env=env,
            capture_output=True,
            timeout=EXAMPLE_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"timed out after {EXAMPLE_TIMEOUT} s"
    stdout = done.stdout.decode("utf-8", errors="replace")
    stderr = done.stderr.decode("utf-8", errors="replace")
    if done.returncode != 0:
        return f"exit status {done.returncode}\n{stderr}"
    expected_file = script.with_suffix(".out")
    if expected_file.exists():
        expected = expected_file.read_text(encoding="utf-8")
        if stdout != expected:
            diff = difflib.unified_diff(
                expected.splitlines(keepends=True),
                stdout.splitlines(keepends=True),
                fromfile=expected_file.name,
                tofile=f"{script.name} stdout",
            )
            return "output differs from the .out file:\n" + "".join(diff)
    return None


@nox.session
def build(session: nox.Session) -> None:
    """Build the sdist and, from it, the wheel; check both with twine and the wheel's contents by name."""
    session.install(*_group("build"))
    outdir = Path(session.create_tmp()) / "dist"
    if outdir.exists():
        shutil.rmtree(outdir)
    session.run("python", "-m", "build", "--outdir", str(outdir), ".")
    artifacts = sorted(str(p) for p in outdir.iterdir())
    session.run("twine", "check", "--strict", *artifacts)
    wheels = sorted(outdir.glob("*.whl"))
    if len(wheels) != 1:
        session.error(f"expected one wheel in {outdir}, found {len(wheels)}")
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = set(wheel.namelist())
    data_dir = ROOT / "src" / PACKAGE / "data"
    required = {f"{PACKAGE}/py.typed", f"{PACKAGE}/data/corpus.json", f"{PACKAGE}/data/mentions.crfsuite"}
    required |= {
        f"{PACKAGE}/data/{p.relative_to(data_dir).as_posix()}"
        for p in data_dir.rglob("*")
        if p.is_file() and p.name != ".gitkeep"
    }
    missing = sorted(required - names)
    if missing:
        session.error(f"{wheels[0].name} lacks: {', '.join(missing)}")
    session.log(f"{wheels[0].name}: {len(names)} files, including {', '.join(sorted(required))}")
    _check_sdist(session, outdir)


def _check_sdist(session: nox.Session, outdir: Path) -> None:
    """The sdist holds what rebuilding and testing need (sources, seeds, tests, docs) and no build debris."""
    (sdist,) = outdir.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    required = {"pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md", "noxfile.py", "corpus/SHA256SUMS"}
    required |= {p.relative_to(ROOT).as_posix() for p in (ROOT / "corpus" / "raw").glob("*.txt")}
    required |= {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").glob("*.py")}
    required |= {"docs/conf.py", f"src/{PACKAGE}/data/corpus.json"}
    missing = sorted(required - names)
    debris = sorted(
        n for n in names if n.startswith((".nox/", "docs/_build/", "docs/_generated/")) or "__pycache__" in n
    )
    if missing or debris:
        session.error(f"{sdist.name}: missing {missing or 'nothing'}; should not contain {debris or 'anything'}")
    session.log(f"{sdist.name}: {len(names)} files, sources, seeds, tests and docs included")


# -- on demand ---------------------------------------------------------------------------------------------------------
@nox.session
def benchmarks(session: nox.Session) -> None:
    """Run every ``benchmarks/bench_*.py`` against the installed package and print their tables."""
    _install_project(session, extras="crf")
    session.run("python", str(ROOT / "benchmarks" / "run.py"), *session.posargs)


# Sessions added by other parts of the project (for example `evaluate`) go below this line.


@nox.session
def evaluate(session: nox.Session) -> None:
    """Score ``extract_mentions`` against the curated layer and the unseen sentences, beside ``jieba.posseg``.

    Prints the markdown tables and writes them to ``docs/extractor-evaluation-table.inc``, which the docs page
    ``docs/extractor-evaluation.md`` includes.  Extra arguments go to ``python -m yixian_corpus._evaluate``.
    """
    _install_project(session, extras="crf")
    session.run(
        "python",
        "-m",
        "yixian_corpus._evaluate",
        str(ROOT / "docs" / "extractor-evaluation-table.inc"),
        "--unseen",
        str(ROOT / "tests" / "data" / "unseen_*.jsonl"),
        *session.posargs,
    )


@nox.session
def train(session: nox.Session) -> None:
    """Retrain the extractor's CRF tagger on the development sets (never the sealed ``unseen_*`` sets).

    Writes ``src/yixian_corpus/data/mentions.crfsuite``; training is deterministic, and a test checks that the
    bundled model is what these files give.
    """
    _install_project(session, extras="crf")
    session.run(
        "python",
        "-m",
        "yixian_corpus._train",
        str(ROOT / "src" / PACKAGE / "data" / "mentions.crfsuite"),
        *sorted(str(path) for path in (ROOT / "tests" / "data").glob("dev_*.jsonl")),
    )
