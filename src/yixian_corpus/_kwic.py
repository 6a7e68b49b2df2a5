"""Terminal display width for keyword-in-context lines.

A Chinese character takes two columns of a terminal, a Latin letter one, a
combining mark none.  :func:`display_width` counts columns the way terminals
do (``unicodedata.east_asian_width`` ``W`` and ``F`` are two columns wide,
ambiguous ``A`` characters one), and the helpers pad or cut strings to an
exact number of columns, so that a column of hits lines up.

Example:
    >>> display_width("疫情ab")
    6
    >>> fit_left("防控疫情", 6)
    '控疫情'
    >>> fit_right("疫情防控", 5) + "|"
    '疫情 |'
"""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["char_width", "display_width", "fit_left", "fit_right", "pad_right", "visible"]

_WIDE = frozenset(("W", "F"))


@functools.lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    r"""The number of terminal columns one character takes: 0, 1 or 2.

    Example:
        >>> [char_width(c) for c in "中a，,\u0301"]
        [2, 1, 2, 1, 0]
    """
    if unicodedata.combining(char) or unicodedata.category(char) in {"Mn", "Me", "Cf"}:
        return 0
    if unicodedata.category(char) == "Cc":
        return 0
    return 2 if unicodedata.east_asian_width(char) in _WIDE else 1


def display_width(text: str) -> int:
    """The number of terminal columns ``text`` takes (see :func:`char_width`)."""
    if text.isascii():
        return sum(1 for c in text if c.isprintable())
    return sum(map(char_width, text))


def visible(text: str) -> str:
    """``text`` with line breaks and tabs shown as ``↵`` and ``→`` (so a hit stays on one line)."""
    if "\n" not in text and "\t" not in text and "\r" not in text:
        return text
    return text.replace("\r\n", "↵").replace("\n", "↵").replace("\r", "↵").replace("\t", "→")


def fit_left(text: str, width: int) -> str:
    """``text`` right-aligned in exactly ``width`` columns: cut at its start, padded with spaces on the left.

    A wide character that would only half fit is replaced by a space.
    """
    used = 0
    cut = len(text)
    for index in range(len(text) - 1, -1, -1):
        size = char_width(text[index])
        if used + size > width:
            break
        used += size
        cut = index
    return " " * (width - used) + text[cut:]


def fit_right(text: str, width: int, *, pad: bool = True) -> str:
    """``text`` left-aligned in ``width`` columns: cut at its end, padded with spaces on the right if ``pad``."""
    used = 0
    cut = 0
    for index, char in enumerate(text):
        size = char_width(char)
        if used + size > width:
            break
        used += size
        cut = index + 1
    return text[:cut] + " " * (width - used) if pad else text[:cut]


def pad_right(text: str, width: int) -> str:
    """``text`` padded with spaces to at least ``width`` columns (never cut)."""
    return text + " " * max(0, width - display_width(text))
