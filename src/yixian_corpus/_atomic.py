"""Atomic writing: every export is written to a temporary file beside its target, then renamed.

A reader never sees a half-written export: the data goes to a hidden temporary
file in the target's own directory (so the final rename stays on one file
system), is flushed and ``fsync``-ed, and only then takes the target's name with
:func:`os.replace` (or :func:`os.link` when overwriting is not allowed, so a file
that appears meanwhile is not clobbered either).  If anything fails on the way
the temporary file is removed and an existing target is left as it was.

Errors are typed: an existing target without ``overwrite=True`` raises
:class:`~yixian_corpus.OverwriteError`; a missing directory, a missing
permission or a full disk raise :class:`~yixian_corpus.WriteError`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, overload

from .exceptions import OverwriteError, WriteError, YixianError

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["atomic_directory", "atomic_path", "atomic_write"]

_TEMP_ATTEMPTS = 100
# errno values with which os.link says "this file system cannot make hard links".
_NO_HARD_LINKS = frozenset(
    {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.EINVAL, errno.ENOSYS}
)


def _describe(error: OSError) -> str:
    return error.strerror or str(error)


def _check_target(target: Path, *, overwrite: bool) -> None:
    if target.is_dir():
        msg = f"{target}: is a directory, not a file"
        raise WriteError(msg)
    if target.exists() and not overwrite:
        msg = f"{target}: file exists (pass overwrite=True to replace it)"
        raise OverwriteError(msg)
    parent = target.parent
    if not parent.is_dir():
        msg = f"{target}: directory {parent} does not exist"
        raise WriteError(msg)


def _create_temp(target: Path, suffix: str = ".tmp") -> Path:
    """Create an empty, private-named file beside ``target`` with the usual (umask) permissions."""
    for _ in range(_TEMP_ATTEMPTS):
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(4)}{suffix}")
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as error:
            msg = f"{target}: cannot write in {target.parent}: {_describe(error)}"
            raise WriteError(msg) from None
        os.close(fd)
        return candidate
    msg = f"{target}: cannot create a temporary file in {target.parent}"  # pragma: no cover - 100 collisions
    raise WriteError(msg)  # pragma: no cover


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_directory(directory: Path) -> None:
    """Make a rename durable (best effort: not every platform can open a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse
        pass
    finally:
        os.close(fd)


def _commit(temp: Path, target: Path, *, overwrite: bool) -> None:
    """Give ``temp`` the name ``target``; refuse to replace an existing target unless ``overwrite``."""
    if overwrite:
        with contextlib.suppress(OSError):
            temp.chmod(stat.S_IMODE(target.stat().st_mode))
        temp.replace(target)
        return
    link = getattr(os, "link", None)
    if link is None:  # pragma: no cover - platforms without hard links
        _replace_if_absent(temp, target)
        return
    try:
        link(temp, target)
    except FileExistsError:
        msg = f"{target}: file exists (pass overwrite=True to replace it)"
        raise OverwriteError(msg) from None
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        _replace_if_absent(temp, target)
        return
    temp.unlink()


def _replace_if_absent(temp: Path, target: Path) -> None:
    """Rename for file systems without hard links: check, then rename (a small race remains)."""
    if target.exists():
        msg = f"{target}: file exists (pass overwrite=True to replace it)"
        raise OverwriteError(msg)
    temp.replace(target)


@contextlib.contextmanager
def _typed_errors(target: Path) -> Iterator[None]:
    """Report an OS or encoding failure while writing ``target`` as a :class:`WriteError`."""
    try:
        yield
    except YixianError:
        raise
    except OSError as error:
        msg = f"{target}: cannot write: {_describe(error)}"
        raise WriteError(msg) from error
    except UnicodeEncodeError as error:
        msg = f"{target}: cannot encode {error.object[error.start : error.end]!r} as {error.encoding}"
        raise WriteError(msg) from error


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, overwrite: bool = False, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends without error it becomes ``path``.

    For writers that want a file name rather than an open file (SQLite,
    Parquet).  The temporary file exists (empty) when the block starts.

    Args:
        path: The final file.
        overwrite: Replace ``path`` if it exists.
        suffix: The temporary file's suffix.

    Raises:
        OverwriteError: ``path`` exists and ``overwrite`` is false.
        WriteError: The directory is missing or not writable, or writing failed.

    Example:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
        >>> with atomic_path(target) as temp:
        ...     _ = temp.write_text("done", encoding="utf-8")
        >>> target.read_text(encoding="utf-8")
        'done'
    """
    target = Path(path)
    _check_target(target, overwrite=overwrite)
    temp = _create_temp(target, suffix)
    try:
        with _typed_errors(target):
            yield temp
            _fsync_path(temp)
            _commit(temp, target, overwrite=overwrite)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    _fsync_directory(target.parent)


@overload
def atomic_write(
    path: str | os.PathLike[str], *, overwrite: bool = ..., binary: Literal[False] = ..., newline: str | None = ...
) -> contextlib.AbstractContextManager[IO[str]]: ...
@overload
def atomic_write(
    path: str | os.PathLike[str], *, overwrite: bool = ..., binary: Literal[True], newline: str | None = ...
) -> contextlib.AbstractContextManager[IO[bytes]]: ...
def atomic_write(
    path: str | os.PathLike[str], *, overwrite: bool = False, binary: bool = False, newline: str | None = ""
) -> contextlib.AbstractContextManager[IO[str]] | contextlib.AbstractContextManager[IO[bytes]]:
    r"""Open a temporary file beside ``path`` for writing; on success it replaces ``path`` atomically.

    Text mode writes UTF-8 with ``newline=""`` by default, so ``"\n"`` is
    written as is on every platform.

    Args:
        path: The final file.
        overwrite: Replace ``path`` if it exists.
        binary: Open in binary mode instead of UTF-8 text.
        newline: Passed to :func:`open` in text mode.

    Raises:
        OverwriteError: ``path`` exists and ``overwrite`` is false.
        WriteError: The directory is missing or not writable, or writing failed.

    Example:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
        >>> with atomic_write(target) as handle:
        ...     _ = handle.write("一线\n")
        >>> target.read_text(encoding="utf-8")
        '一线\n'
    """
    opened: contextlib.AbstractContextManager[IO[Any]] = _atomic_open(
        path, overwrite=overwrite, binary=binary, newline=newline
    )
    return opened


@contextlib.contextmanager
def _atomic_open(
    path: str | os.PathLike[str], *, overwrite: bool, binary: bool, newline: str | None
) -> Iterator[IO[Any]]:
    with atomic_path(path, overwrite=overwrite) as temp:
        handle: IO[str] | IO[bytes] = temp.open("wb") if binary else temp.open("w", encoding="utf-8", newline=newline)
        with handle:
            yield handle
            handle.flush()


def _is_replaceable_export(directory: Path, allowed_suffixes: frozenset[str]) -> bool:
    return all(entry.is_file() and entry.suffix in allowed_suffixes for entry in directory.iterdir())


def _check_directory_target(target: Path, *, overwrite: bool, allowed_suffixes: frozenset[str]) -> None:
    if target.exists() and not target.is_dir():
        msg = f"{target}: exists and is not a directory"
        raise WriteError(msg)
    if target.is_dir() and any(target.iterdir()):
        if not overwrite:
            msg = f"{target}: directory exists and is not empty (pass overwrite=True to replace it)"
            raise OverwriteError(msg)
        if not _is_replaceable_export(target, allowed_suffixes):
            kinds = ", ".join(sorted(allowed_suffixes)) or "nothing"
            msg = f"{target}: directory holds files other than an export ({kinds}); refusing to replace it"
            raise OverwriteError(msg)
    if not target.parent.is_dir():
        msg = f"{target}: directory {target.parent} does not exist"
        raise WriteError(msg)


def _swap_in(temp: Path, target: Path) -> Path | None:
    """Rename ``temp`` to ``target``; an existing ``target`` is moved aside first and its new name returned."""
    old: Path | None = None
    if target.is_dir():
        old = target.with_name(f".{target.name}.{secrets.token_hex(4)}.old")
        target.rename(old)
    try:
        temp.rename(target)
    except OSError:
        if old is not None:
            old.rename(target)
        raise
    return old


@contextlib.contextmanager
def atomic_directory(
    path: str | os.PathLike[str], *, overwrite: bool = False, allowed_suffixes: frozenset[str] = frozenset()
) -> Iterator[Path]:
    """Yield a temporary directory beside ``path``; on success it becomes ``path``.

    An existing empty directory is filled without ``overwrite``.  With
    ``overwrite=True`` an existing directory is replaced only if it holds
    nothing but files with ``allowed_suffixes`` (an earlier export), so a
    mistyped path can never wipe unrelated files.

    Raises:
        OverwriteError: ``path`` exists, is not empty, and ``overwrite`` is false
            (or it holds files an export did not write).
        WriteError: The parent directory is missing or not writable, or ``path`` is a file.
    """
    target = Path(path)
    _check_directory_target(target, overwrite=overwrite, allowed_suffixes=allowed_suffixes)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmpdir")
    try:
        temp.mkdir()
    except OSError as error:
        msg = f"{target}: cannot write in {target.parent}: {_describe(error)}"
        raise WriteError(msg) from None
    old: Path | None = None
    try:
        with _typed_errors(target):
            yield temp
            for entry in temp.iterdir():
                _fsync_path(entry)
            old = _swap_in(temp, target)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    _fsync_directory(target.parent)
