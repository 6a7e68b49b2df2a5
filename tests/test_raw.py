"""The raw seeds in ``corpus/raw/`` are kept byte for byte: their SHA-256 sums match ``corpus/SHA256SUMS``."""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path

_LINE = re.compile(r"(?P<digest>[0-9a-f]{64})  (?P<name>[^/\s]+\.txt)")


def _manifest(repo_root: Path) -> dict[str, str]:
    entries: dict[str, str] = {}
    text = (repo_root / "corpus" / "SHA256SUMS").read_text(encoding="ascii")
    for number, line in enumerate(text.splitlines(), start=1):
        match = _LINE.fullmatch(line)
        assert match, f"SHA256SUMS line {number} is not '<sha256>  <name>.txt': {line!r}"
        assert match["name"] not in entries, f"{match['name']} is listed twice"
        entries[match["name"]] = match["digest"]
    return entries


def test_manifest_lists_the_five_seeds(repo_root: Path) -> None:
    names = sorted(_manifest(repo_root))
    assert len(names) == 5
    assert [name[:4] for name in names] == ["000_", "001_", "002_", "003_", "004_"]


def test_manifest_lists_exactly_the_files_in_raw(repo_root: Path) -> None:
    on_disk = sorted(p.name for p in (repo_root / "corpus" / "raw").iterdir() if p.is_file())
    assert on_disk == sorted(_manifest(repo_root))


@pytest.mark.parametrize("prefix", ["000_", "001_", "002_", "003_", "004_"])
def test_seed_matches_its_checksum(repo_root: Path, prefix: str) -> None:
    manifest = _manifest(repo_root)
    (name,) = [n for n in manifest if n.startswith(prefix)]
    data = (repo_root / "corpus" / "raw" / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == manifest[name]
    data.decode("utf-8")  # the seeds are UTF-8 text (strict: raises on any bad byte)
