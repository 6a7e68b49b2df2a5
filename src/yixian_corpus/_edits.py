"""Edit bookkeeping for multi-pass text rewriting.

A pass proposes sorted, non-overlapping replacements ``(start, end, new,
rule)`` on the current text.  :class:`Rewriter` applies them, keeps the offset
map of every pass, and reports every change in the offsets of the *original*
text, so that applying the reported edits to the original gives the result.

Passes may only replace characters of the original text (never text that an
earlier pass inserted); the rules of the cleaner are written that way, and
:meth:`Rewriter.result` checks the claim.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, NamedTuple

from ._model import Edit

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["OffsetMap", "Replacement", "Rewriter", "apply_edits"]


class Replacement(NamedTuple):
    """A proposed change to the current text of a :class:`Rewriter`."""

    start: int
    end: int
    new: str
    rule: str


class OffsetMap:
    """Maps offsets of a rewritten text back to the text it was made from.

    Built from the rewritten spans: parallel sorted lists of the new and old
    ``(start, end)`` of every replacement.
    """

    __slots__ = ("_new_ends", "_new_starts", "_old_ends", "_old_starts")

    def __init__(self, new_spans: Sequence[tuple[int, int]], old_spans: Sequence[tuple[int, int]]) -> None:
        self._new_starts = [s for s, _ in new_spans]
        self._new_ends = [e for _, e in new_spans]
        self._old_starts = [s for s, _ in old_spans]
        self._old_ends = [e for _, e in old_spans]

    def start(self, offset: int) -> int:
        """Map a start offset: a position inside a replacement maps to the replaced text's start."""
        i = bisect_right(self._new_starts, offset) - 1
        if i < 0:
            return offset
        if offset < self._new_ends[i]:
            return self._old_starts[i]
        return offset - self._new_ends[i] + self._old_ends[i]

    def end(self, offset: int) -> int:
        """Map an end offset: a position inside a replacement maps to the replaced text's end."""
        i = bisect_left(self._new_starts, offset) - 1
        if i < 0:
            return offset
        if offset <= self._new_ends[i]:
            return self._old_ends[i]
        return offset - self._new_ends[i] + self._old_ends[i]


def apply_edits(raw: str, edits: Iterable[Edit]) -> str:
    """Apply sorted, non-overlapping raw-offset edits to ``raw``.

    Example:
        >>> apply_edits("a,b", [Edit("width", 1, 2, ",", "，")])
        'a，b'
    """
    parts: list[str] = []
    position = 0
    for edit in edits:
        if edit.start < position:
            msg = f"overlapping edits at {edit.start}"
            raise ValueError(msg)
        parts.append(raw[position : edit.start])
        parts.append(edit.new)
        position = edit.end
    parts.append(raw[position:])
    return "".join(parts)


def _edit_key(edit: Edit) -> tuple[int, int]:
    return edit.start, edit.end


class Rewriter:
    """Applies passes of replacements to a text, keeping track of original offsets."""

    __slots__ = ("_maps", "_raw_edits", "_raw_starts", "original", "text")

    def __init__(self, text: str) -> None:
        self.original = text
        self.text = text
        self._maps: list[OffsetMap] = []
        self._raw_edits: list[Edit] = []
        self._raw_starts: list[int] = []

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the current text to the original text."""
        for offset_map in reversed(self._maps):
            start, end = offset_map.start(start), offset_map.end(end)
        return start, end

    def apply(self, replacements: Iterable[Replacement]) -> None:
        """Apply one pass of sorted, non-overlapping replacements to the current text."""
        text = self.text
        parts: list[str] = []
        new_spans: list[tuple[int, int]] = []
        old_spans: list[tuple[int, int]] = []
        added: list[Edit] = []
        absorbed: set[int] = set()
        position = 0
        new_length = 0
        for start, end, new, rule in replacements:
            if text[start:end] == new:
                continue
            if start < position:
                msg = f"overlapping replacements at {start}"
                raise ValueError(msg)
            kept = text[position:start]
            parts.append(kept)
            parts.append(new)
            new_start = new_length + len(kept)
            new_length = new_start + len(new)
            new_spans.append((new_start, new_length))
            old_spans.append((start, end))
            raw_start, raw_end = self.to_original(start, end)
            self._record(Edit(rule, raw_start, raw_end, self.original[raw_start:raw_end], new), added, absorbed)
            position = end
        if not new_spans:
            return
        parts.append(text[position:])
        self.text = "".join(parts)
        self._maps.append(OffsetMap(new_spans, old_spans))
        kept_edits = [e for e in self._raw_edits if id(e) not in absorbed] if absorbed else self._raw_edits
        self._raw_edits = sorted(kept_edits + added, key=_edit_key)
        self._raw_starts = [e.start for e in self._raw_edits]

    def _record(self, edit: Edit, added: list[Edit], absorbed: set[int]) -> None:
        """Record a change; where it covers earlier edits, record it around or over them."""
        i = bisect_left(self._raw_starts, edit.start)
        inside = []
        edits = self._raw_edits
        while i < len(edits) and edits[i].start < max(edit.end, edit.start + 1):
            if edits[i].end > edit.start or edits[i].start == edit.start:
                inside.append(edits[i])
            i += 1
        # an earlier zero-width or deletion edit that ends exactly where this one starts is not inside
        inside = [e for e in inside if not (e.end <= edit.start and e.start < edit.start)]
        if not inside:
            added.append(edit)
            return
        if any(e.new for e in inside):
            # The change rewrites text an earlier rule wrote (a "\r" made "\n", then reflowed): it
            # absorbs those edits, so the record stays one edit per raw span.
            absorbed.update(id(e) for e in inside)
            start, end = min(edit.start, inside[0].start), max(edit.end, *(e.end for e in inside))
            added.append(Edit(edit.rule, start, end, self.original[start:end], edit.new))
            return
        gaps = []
        position = edit.start
        for earlier in inside:
            gaps.append((position, earlier.start))
            position = earlier.end
        gaps.append((position, edit.end))
        pending = edit.new
        for gap_start, gap_end in gaps:
            if gap_start == gap_end and not pending:
                continue
            added.append(Edit(edit.rule, gap_start, gap_end, self.original[gap_start:gap_end], pending))
            pending = ""
        if pending:
            added.append(Edit(edit.rule, edit.start, edit.start, "", pending))

    def edits(self) -> tuple[Edit, ...]:
        """Every change so far, in original offsets, sorted and checked to reproduce the text."""
        edits = self._raw_edits
        if apply_edits(self.original, edits) != self.text:  # pragma: no cover - a bug in a rule
            msg = "internal error: the recorded edits do not reproduce the rewritten text"
            raise AssertionError(msg)
        return tuple(edits)
