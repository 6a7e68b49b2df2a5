"""Shared test configuration: Hypothesis profiles, the ``property`` marker, and fixtures.

The tests run against the *installed* ``yixian_corpus`` (``--import-mode=importlib``; ``./src`` is never on
``sys.path``).  Hypothesis strategies live in ``tests/strategies.py`` (import them with
``from strategies import ...``; ``tests/`` is on ``sys.path`` through pytest's ``pythonpath`` setting).

Hypothesis profiles, chosen by the ``HYPOTHESIS_PROFILE`` environment variable:

* ``default`` (also when the variable is unset): 50 examples per test, no deadline; what ``nox -s tests`` runs.
* ``long``: 2000 examples per test; what ``nox -s property`` runs on the tests marked ``property``.

Every Hypothesis test is marked ``property`` automatically, so ``pytest -m property`` selects them all.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import hypothesis
import pytest

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    import yixian_corpus

REPO_ROOT = Path(__file__).resolve().parents[1]
"""The repository (or unpacked sdist) the tests belong to."""

hypothesis.settings.register_profile("default", max_examples=50, deadline=None)
hypothesis.settings.register_profile(
    "long",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[hypothesis.HealthCheck.too_slow],
)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or "default")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every Hypothesis test ``property`` (so ``-m property`` needs no hand-kept list)."""
    for item in items:
        function = getattr(item, "function", None)
        if getattr(function, "is_hypothesis_test", False):
            item.add_marker(pytest.mark.property)


def pytest_report_header() -> list[str]:
    """Say which package and profile the run tests: the installed one, never ./src by accident."""
    try:
        import yixian_corpus  # noqa: PLC0415 - only for the header
    except ImportError as error:  # let the tests report it, not an internal error of pytest
        return [f"yixian_corpus: NOT IMPORTABLE ({error})"]
    return [
        f"yixian_corpus {yixian_corpus.__version__} from {Path(yixian_corpus.__file__).parent}",
        f"hypothesis profile: {hypothesis.settings().max_examples} examples per test",
    ]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root (holds ``corpus/``, ``pyproject.toml``, ...)."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def corpus() -> yixian_corpus.Corpus:
    """The bundled corpus, loaded once per test session."""
    import yixian_corpus  # noqa: PLC0415 - a failing load should fail the tests that need it, not collection

    return yixian_corpus.load()


@pytest.fixture
def run_cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``python -m yixian_corpus ARGS`` in a subprocess and return the finished process.

    Keyword arguments: ``input`` (str or bytes for standard input), ``env`` (a mapping that REPLACES the
    environment when given; PYTHONPATH is always dropped so the installed package is the one run),
    ``timeout`` (seconds, default 60).  ``stdout``/``stderr`` are decoded as UTF-8 with replacement.
    The working directory is an empty temporary directory.
    """

    def run(
        *args: str,
        input: str | bytes | None = None,  # noqa: A002 - mirrors subprocess.run
        env: Mapping[str, str] | None = None,
        timeout: float = 60,
    ) -> subprocess.CompletedProcess[str]:
        environment = dict(os.environ if env is None else env)
        environment.pop("PYTHONPATH", None)
        data = input.encode("utf-8") if isinstance(input, str) else input
        done = subprocess.run(
            [sys.executable, "-m", "yixian_corpus", *args],
            input=data,
            stdin=None if data is not None else subprocess.DEVNULL,
            capture_output=True,
            env=environment,
            cwd=tmp_path,
            timeout=timeout,
            check=False,
        )
        return subprocess.CompletedProcess(
            done.args,
            done.returncode,
            done.stdout.decode("utf-8", errors="replace"),
            done.stderr.decode("utf-8", errors="replace"),
        )

    return run
