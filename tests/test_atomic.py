"""The atomic writer: all or nothing, never a silent overwrite, typed errors."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

from yixian_corpus import OverwriteError, WriteError
from yixian_corpus._atomic import atomic_directory, atomic_path, atomic_write


class BoomError(RuntimeError):
    """The failure injected in the middle of a write."""


def _entries(directory: Path) -> list[str]:
    return sorted(entry.name for entry in directory.iterdir())


def _write(target: Path, text: str, *, overwrite: bool = False, fail: bool = False, rival: str | None = None) -> None:
    """Write ``text`` atomically; ``fail`` raises mid-write, ``rival`` makes another file appear meanwhile."""
    with atomic_write(target, overwrite=overwrite) as handle:
        handle.write(text)
        handle.flush()
        if rival is not None:
            target.write_text(rival, encoding="utf-8")
        if fail:
            raise BoomError


def test_writes_text_as_utf8_with_newlines_kept(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with atomic_write(target) as handle:
        handle.write("一线\n第二行\r\n")
    assert target.read_bytes() == "一线\n第二行\r\n".encode()
    assert _entries(tmp_path) == ["out.txt"]


def test_binary_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    with atomic_write(target, binary=True) as handle:
        handle.write(b"\x00\xff")
    assert target.read_bytes() == b"\x00\xff"


def test_refuses_to_overwrite_without_permission(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(OverwriteError, match="overwrite=True") as info, atomic_write(target) as handle:
        handle.write("new")
    assert isinstance(info.value, FileExistsError)
    assert target.read_text(encoding="utf-8") == "old"
    assert _entries(tmp_path) == ["out.txt"]


def test_overwrites_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with atomic_write(target, overwrite=True) as handle:
        handle.write("new")
    assert target.read_text(encoding="utf-8") == "new"
    assert _entries(tmp_path) == ["out.txt"]


def test_a_file_that_appears_during_the_write_is_not_clobbered(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with pytest.raises(OverwriteError):
        _write(target, "mine", rival="someone else's")
    assert target.read_text(encoding="utf-8") == "someone else's"
    assert _entries(tmp_path) == ["out.txt"]


def test_failure_mid_write_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with pytest.raises(BoomError):
        _write(target, "half of the" * 1000, fail=True)
    assert _entries(tmp_path) == []


def test_failure_mid_overwrite_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(BoomError):
        _write(target, "new, but not finished", overwrite=True, fail=True)
    assert target.read_text(encoding="utf-8") == "old"
    assert _entries(tmp_path) == ["out.txt"]


def test_failing_rename_is_a_write_error_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_replace(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(WriteError, match="No space left"), atomic_write(target, overwrite=True) as handle:
        handle.write("new")
    assert target.read_text(encoding="utf-8") == "old"
    assert _entries(tmp_path) == ["out.txt"]


def test_missing_directory_is_a_write_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="does not exist") as info, atomic_write(tmp_path / "no" / "out.txt") as h:
        h.write("x")
    assert isinstance(info.value, OSError)


def test_a_directory_as_target_is_a_write_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="is a directory"), atomic_write(tmp_path) as handle:
        handle.write("x")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX permissions and a non-root user")
def test_no_permission_is_a_write_error(tmp_path: Path) -> None:  # pragma: no cover - CI runs as root
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(WriteError, match="cannot write"), atomic_write(locked / "out.txt") as handle:
        handle.write("x")


def test_unwritable_directory_is_a_write_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulates a read-only directory (the suite may run as root, who can write anywhere)."""
    real_open = os.open

    def refusing_open(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refusing_open)
    with pytest.raises(WriteError, match="Permission denied"), atomic_write(tmp_path / "out.txt") as handle:
        handle.write("x")
    assert _entries(tmp_path) == []


def test_unencodable_text_is_a_write_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="cannot encode"), atomic_write(tmp_path / "out.txt") as handle:
        handle.write("lone surrogate \ud800")
    assert _entries(tmp_path) == []


def test_atomic_path_gives_a_name_in_the_same_directory(tmp_path: Path) -> None:
    target = tmp_path / "db.sqlite"
    with atomic_path(target, suffix=".tmp.db") as temp:
        assert temp.parent == tmp_path
        assert temp.exists()
        assert not target.exists()
        temp.write_bytes(b"data")
    assert target.read_bytes() == b"data"
    assert _entries(tmp_path) == ["db.sqlite"]


def test_new_files_get_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with atomic_write(target) as handle:
        handle.write("x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


# -- directories -------------------------------------------------------------------------------------------------------
def test_directory_is_created_whole(tmp_path: Path) -> None:
    target = tmp_path / "brat"
    with atomic_directory(target) as temp:
        (temp / "a.txt").write_text("a", encoding="utf-8")
    assert _entries(target) == ["a.txt"]
    assert _entries(tmp_path) == ["brat"]


def test_an_empty_directory_is_filled(tmp_path: Path) -> None:
    target = tmp_path / "brat"
    target.mkdir()
    with atomic_directory(target) as temp:
        (temp / "a.txt").write_text("a", encoding="utf-8")
    assert _entries(target) == ["a.txt"]


def test_directory_failure_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "brat"

    def fill_then_fail() -> None:
        with atomic_directory(target) as temp:
            (temp / "a.txt").write_text("a", encoding="utf-8")
            raise BoomError

    with pytest.raises(BoomError):
        fill_then_fail()
    assert _entries(tmp_path) == []


def test_directory_overwrite_rules(tmp_path: Path) -> None:
    target = tmp_path / "brat"
    target.mkdir()
    (target / "old.txt").write_text("old", encoding="utf-8")
    with pytest.raises(OverwriteError, match="not empty"), atomic_directory(target) as temp:
        (temp / "a.txt").write_text("a", encoding="utf-8")
    assert _entries(target) == ["old.txt"]

    with atomic_directory(target, overwrite=True, allowed_suffixes=frozenset({".txt"})) as temp:
        (temp / "a.txt").write_text("a", encoding="utf-8")
    assert _entries(target) == ["a.txt"]
    assert _entries(tmp_path) == ["brat"]


def test_directory_with_foreign_files_is_never_replaced(tmp_path: Path) -> None:
    target = tmp_path / "home"
    target.mkdir()
    (target / "thesis.docx").write_bytes(b"precious")
    with (
        pytest.raises(OverwriteError, match="other than an export"),
        atomic_directory(target, overwrite=True, allowed_suffixes=frozenset({".txt"})) as temp,
    ):
        (temp / "a.txt").write_text("a", encoding="utf-8")
    assert (target / "thesis.docx").read_bytes() == b"precious"


def test_directory_target_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(WriteError, match="not a directory"), atomic_directory(target):
        pass
    with pytest.raises(WriteError, match="does not exist"), atomic_directory(tmp_path / "no" / "dir"):
        pass


def test_file_systems_without_hard_links_still_refuse_to_overwrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_args: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "out.txt"
    _write(target, "first")
    assert target.read_text(encoding="utf-8") == "first"
    with pytest.raises(OverwriteError):
        _write(target, "second", rival=None, overwrite=False)
    assert target.read_text(encoding="utf-8") == "first"
    assert _entries(tmp_path) == ["out.txt"]


def test_other_link_errors_are_write_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_link(*_args: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "link", broken_link)
    with pytest.raises(WriteError, match="Input/output error"):
        _write(tmp_path / "out.txt", "x")
    assert _entries(tmp_path) == []


def test_unencodable_text_in_a_directory_is_a_write_error(tmp_path: Path) -> None:
    def write_surrogate() -> None:
        with atomic_directory(tmp_path / "d") as temp:
            (temp / "a.txt").write_text("lone surrogate \ud800", encoding="utf-8")

    with pytest.raises(WriteError, match="cannot encode"):
        write_surrogate()
    assert _entries(tmp_path) == []


def test_a_failed_directory_swap_puts_the_old_export_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "brat"
    target.mkdir()
    (target / "old.txt").write_text("old", encoding="utf-8")
    real_rename = Path.rename

    def rename(self: Path, new: Path) -> Path:
        if self.name.endswith(".tmpdir"):
            raise OSError(5, "Input/output error")
        return real_rename(self, new)

    monkeypatch.setattr(Path, "rename", rename)

    def replace_export() -> None:
        with atomic_directory(target, overwrite=True, allowed_suffixes=frozenset({".txt"})) as temp:
            (temp / "new.txt").write_text("new", encoding="utf-8")

    with pytest.raises(WriteError, match="Input/output error"):
        replace_export()
    assert _entries(target) == ["old.txt"]
    assert _entries(tmp_path) == ["brat"]
