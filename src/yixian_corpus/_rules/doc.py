"""The extractor's state for one text, and span helpers the rule modules share.

``Doc`` holds the text, its segmentation and the mentions found so far; ``Found`` is a mention while the
extractor works.
"""

from __future__ import annotations

import bisect
import itertools
from typing import Any, NamedTuple

from yixian_corpus._model import MentionKind
from yixian_corpus._segment import _Jieba

from .lexicon import RE_ROLE

__all__ = ["Doc", "Found", "merge_span", "token_start_before"]


class Found(NamedTuple):
    """A mention while the extractor works (cheaper than :class:`Mention`; same field names)."""

    kind: MentionKind
    text: str
    start: int
    end: int
    value: Any


class Doc:
    """One text, its segmentation, and the mentions found so far."""

    def __init__(self, text: str, year: int | None) -> None:
        self.text = text
        self.year = year
        self.jb = _Jieba.get()
        tokens: list[str] = self.jb.lcut(text)
        ends = list(itertools.accumulate(map(len, tokens)))
        if not ends or ends[-1] != len(text):  # pragma: no cover - jieba keeps every character
            tokens = list(text)
            ends = list(range(1, len(text) + 1))
        self.tokens = tokens
        self.starts: list[int] = [0, *ends[:-1]]
        self.index_at: dict[int, int] = dict(zip(self.starts, range(len(tokens)), strict=True))
        self.token_tags: list[str | None] = list(map(self.jb.tags.get, tokens))
        self.taken = bytearray(len(text))
        self.mentions: list[Found] = []
        self.slogan_mask = bytearray(len(text))
        self.org_ends: set[int] = set()
        self.quotes: list[tuple[int, int, int, int]] = []  # content start, end, mark start, mark end
        self.issued: set[int] = set()  # mark starts of quotes that are written words an organisation issued
        self._role_spans: list[tuple[int, int]] | None = None
        self._role_ends: set[int] | None = None

    def role_spans(self) -> list[tuple[int, int]]:
        """Every match of a title word in the text (computed once: persons and roles both need them)."""
        if self._role_spans is None:
            self._role_spans = [m.span() for m in RE_ROLE.finditer(self.text)]
        return self._role_spans

    def role_ends(self) -> set[int]:
        """The ends of :meth:`role_spans` (computed once)."""
        if self._role_ends is None:
            self._role_ends = {end for _, end in self.role_spans()}
        return self._role_ends

    # -- bookkeeping --
    def free(self, start: int, end: int) -> bool:
        return 0 <= start < end <= len(self.text) and not any(self.taken[start:end])

    def add(self, kind: MentionKind, start: int, end: int, value: Any, *, take: bool = True) -> Found:
        mention = Found(kind, self.text[start:end], start, end, value)
        self.mentions.append(mention)
        if kind is MentionKind.ORGANIZATION:
            self.org_ends.add(end)
        if take:
            self.taken[start:end] = b"\x01" * (end - start)
        return mention

    def known(self, word: str) -> bool:
        """Whether ``word`` is a dictionary word (jieba's table also holds every prefix, with count 0)."""
        return self.jb.freq.get(word, 0) > 0

    def tag(self, word: str) -> str | None:
        return self.jb.tags.get(word)

    def token_end(self, start: int) -> int | None:
        i = self.index_at.get(start)
        return None if i is None else start + len(self.tokens[i])

    def in_slogan(self, start: int, end: int) -> bool:
        """Whether ``start:end`` lies inside a quoted slogan or name (not direct speech)."""
        return all(self.slogan_mask[start:end]) and end > start

    def add_slogan(self, start: int, end: int) -> None:
        self.slogan_mask[start:end] = b"\x01" * (end - start)


def merge_span(spans: list[tuple[int, int]], start: int, end: int) -> None:
    """Append ``(start, end)``, merging it with the last span when they touch or overlap."""
    if spans and start <= spans[-1][1]:
        spans[-1] = (min(spans[-1][0], start), max(spans[-1][1], end))
    else:
        spans.append((start, end))


def token_start_before(doc: Doc, offset: int) -> int:
    i = bisect.bisect_right(doc.starts, offset) - 1
    return doc.starts[max(i, 0)]
