"""A character bigram and unigram inverted index that makes literal search sub-linear.

The index is built over a sequence of texts (the searcher passes the article
texts in the form it matches against, e.g. width-folded).  Every text gets a
*base* in one global offset space; consecutive texts are one offset apart, so
no bigram ever spans two texts.

* Bigram postings: for every two-character string, the sorted global offsets
  where it starts.  Every offset of the corpus is in exactly one posting.  A
  posting is an ``array`` of 4-byte integers (8-byte only past 4 G
  characters), or, when it is long (16 or more offsets per block of 65,536
  characters on average), :class:`_Packed`: the low 16 bits of each offset in
  a 2-byte array, plus where each block begins.  Most offsets belong to long
  postings, so the index takes between 2 and 4 bytes per character (3.6 on
  the 20 MB benchmark corpus: 1.3 times its UTF-8 size).
* Unigram postings: for every character, the texts that contain it (built on
  the first one-character query).

A query of two or more characters is found from the postings of bigrams that
cover it (at query offsets 0, 2, 4, … and ``len - 2``) by intersecting them,
rarest first; no text is read at query time, and the answer is exactly what a
left-to-right, non-overlapping scan finds (:meth:`BigramIndex.find`).  A
one-character query scans only the texts that contain the character.

Example:
    >>> index = BigramIndex(["抗击疫情", "疫情防控疫情"])
    >>> list(index.find("疫情"))
    [2, 5, 9]
    >>> [index.locate(p) for p in index.find("疫情")]
    [(0, 2), (1, 0), (1, 4)]
"""

from __future__ import annotations

import bisect
import operator
from array import array
from collections import defaultdict
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["BigramIndex"]

_SMALL = 1 << 32
_BLOCK_BITS = 16
_LOW_MASK = (1 << _BLOCK_BITS) - 1


def _has_border(query: str) -> bool:
    """True if a proper prefix of ``query`` is also a suffix (so two matches may overlap)."""
    return any(query[:k] == query[-k:] for k in range(1, len(query)))


class _Packed:
    """A long posting in about 2 bytes per offset.

    ``lows`` holds the low 16 bits of every offset, in order; the offsets of
    block ``k`` (those with ``offset >> 16 == k``) are ``lows[starts[k]:starts[k + 1]]``.
    """

    __slots__ = ("lows", "starts", "typecode")

    def __init__(self, positions: array[int], blocks: int) -> None:
        self.typecode = positions.typecode
        self.lows = array("H", map(_LOW_MASK.__and__, positions))
        find = bisect.bisect_left
        self.starts = array("I", (find(positions, k << _BLOCK_BITS) for k in range(blocks + 1)))

    def __len__(self) -> int:
        return len(self.lows)

    def decode(self, low: int, high: int) -> array[int]:
        """The offsets ``p`` with ``low <= p < high``, in order."""
        found = array(self.typecode)
        if high <= low:
            return found
        lows, starts = self.lows, self.starts
        last_block = len(starts) - 2
        first = low >> _BLOCK_BITS
        for block in range(first, min(last_block, (high - 1) >> _BLOCK_BITS) + 1):
            begin, end = starts[block], starts[block + 1]
            if begin == end:
                continue
            base = block << _BLOCK_BITS
            if block == first:
                begin = bisect.bisect_left(lows, low - base, begin, end)
            if high - base <= _LOW_MASK:
                end = bisect.bisect_left(lows, high - base, begin, end)
            found.extend(map(base.__add__, lows[begin:end]))
        return found

    def keep(self, candidates: Sequence[int], delta: int) -> array[int]:
        """The candidates ``c`` (in order) with ``c + delta`` in the posting."""
        lows, starts, find = self.lows, self.starts, bisect.bisect_left
        blocks = len(starts) - 1
        kept = array(self.typecode)
        for candidate in candidates:
            position = candidate + delta
            block = position >> _BLOCK_BITS
            if block < blocks:
                low = position & _LOW_MASK
                end = starts[block + 1]
                at = find(lows, low, starts[block], end)
                if at < end and lows[at] == low:
                    kept.append(candidate)
        return kept

    def __contains__(self, position: int) -> bool:
        block = position >> _BLOCK_BITS
        if block >= len(self.starts) - 1:
            return False
        begin, end = self.starts[block], self.starts[block + 1]
        low = position & _LOW_MASK
        at = bisect.bisect_left(self.lows, low, begin, end)
        return at < end and self.lows[at] == low


_Posting = Union["array[int]", _Packed]


def _worth_packing(count: int, blocks: int) -> bool:
    """Pack postings of 16 or more offsets per block on average: most offsets, few (slower to probe) postings."""
    return count >= 16 * blocks


def _decode(posting: _Posting, low: int, high: int) -> Sequence[int]:
    """The offsets of ``posting`` in ``[low, high)``."""
    if isinstance(posting, _Packed):
        return posting.decode(low, high)
    return posting[bisect.bisect_left(posting, low) : bisect.bisect_left(posting, high)]


def _contains(posting: array[int], position: int) -> bool:
    at = bisect.bisect_left(posting, position)
    return at < len(posting) and posting[at] == position


class BigramIndex:
    """An inverted index of character bigrams (positions) and unigrams (texts) over some texts.

    Args:
        texts: The texts to index, in order; the index refers to them by position.
    """

    __slots__ = ("_bases", "_chars", "_postings", "_typecode", "texts")

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts: tuple[str, ...] = tuple(texts)
        total = sum(len(t) + 1 for t in self.texts)
        self._typecode = "I" if total < _SMALL else "Q"
        typecode = self._typecode
        growing: defaultdict[str, array[int]] = defaultdict(lambda: array(typecode))
        bases = array(typecode)
        base = 0
        for text in self.texts:
            bases.append(base)
            for offset, bigram in enumerate(map(operator.add, text, text[1:]), base):
                growing[bigram].append(offset)
            base += len(text) + 1
        bases.append(base)
        self._bases = bases
        # Long postings are packed to ~2 bytes per offset; short ones are copied, which drops the
        # spare room growing arrays keep.
        blocks = (base >> _BLOCK_BITS) + 1
        self._postings: dict[str, _Posting] = {
            bigram: _Packed(posting, blocks) if _worth_packing(len(posting), blocks) else posting[:]
            for bigram, posting in growing.items()
        }
        self._chars: dict[str, array[int]] | None = None

    def __repr__(self) -> str:
        return f"<BigramIndex texts={len(self.texts)} bigrams={len(self._postings)} chars={self._bases[-1]}>"

    @property
    def size(self) -> int:
        """The number of characters indexed (separators included)."""
        return int(self._bases[-1])

    def base(self, text_number: int) -> int:
        """The global offset of the first character of text ``text_number``."""
        return int(self._bases[text_number])

    def locate(self, position: int) -> tuple[int, int]:
        """The text number and the offset inside that text of a global ``position``."""
        number = bisect.bisect_right(self._bases, position) - 1
        return number, position - self._bases[number]

    def texts_with(self, char: str) -> Sequence[int]:
        """The numbers of the texts that contain ``char``, in order (the unigram postings).

        The unigram postings are built on the first call (one pass over the texts).
        """
        if self._chars is None:
            chars: defaultdict[str, array[int]] = defaultdict(lambda: array("I"))
            for number, text in enumerate(self.texts):
                for present in set(text):
                    chars[present].append(number)
            self._chars = dict(chars)
        return self._chars.get(char, ())

    def find(self, query: str, first: int = 0, stop: int | None = None) -> Sequence[int]:
        """Global start offsets of the non-overlapping matches of ``query`` in texts ``first`` to ``stop``.

        The result is what scanning each text from left to right with
        ``str.find`` (restarting after each match) returns, in text order.  It
        may be a posting of the index itself: do not modify it.

        Raises:
            ValueError: ``query`` is shorter than two characters (use :meth:`texts_with`).
        """
        if len(query) < 2:  # noqa: PLR2004 - bigrams
            msg = "the bigram index answers queries of two or more characters"
            raise ValueError(msg)
        stop = len(self.texts) if stop is None else stop
        if first >= stop:
            return ()
        size = len(query)
        offsets = sorted({*range(0, size - 1, 2), size - 2})
        postings: list[tuple[_Posting, int]] = []
        for offset in offsets:
            posting = self._postings.get(query[offset : offset + 2])
            if posting is None:
                return ()
            postings.append((posting, offset))
        postings.sort(key=lambda item: len(item[0]))
        low, high = self._bases[first], self._bases[stop]
        rarest, shift = postings[0]
        if isinstance(rarest, array) and low == 0 and stop == len(self.texts):
            selected: Sequence[int] = rarest
        else:
            selected = _decode(rarest, low + shift, high + shift)
        if len(postings) == 1:
            starts: Sequence[int] = selected
        else:
            # Candidates stay in the coordinates of the rarest bigram until the end (no negative offsets).
            survivors = self._intersect(selected, [(posting, offset - shift) for posting, offset in postings[1:]])
            starts = array(self._typecode, map(shift.__rsub__, survivors)) if shift else survivors
        if _has_border(query):
            starts = self._non_overlapping(starts, size)
        return starts

    def _intersect(self, candidates: Sequence[int], others: list[tuple[_Posting, int]]) -> Sequence[int]:
        """The candidates ``c`` such that ``c + delta`` is in each ``(posting, delta)`` of ``others``."""
        for posting, delta in others:
            if not candidates:
                break
            if len(candidates) * 16 < len(posting):
                # Few candidates, a long posting: look each one up by binary search.
                if isinstance(posting, _Packed):
                    candidates = posting.keep(candidates, delta)
                else:
                    candidates = array(self._typecode, (c for c in candidates if _contains(posting, c + delta)))
            else:
                # Comparable sizes: a set, and C-level iteration only.
                whole = posting.decode(0, self.size + 1) if isinstance(posting, _Packed) else posting
                present = set(whole)
                shifted = filter(present.__contains__, map(delta.__add__, candidates))
                candidates = array(self._typecode, map(delta.__rsub__, shifted))
        return candidates

    def _non_overlapping(self, starts: Sequence[int], size: int) -> Sequence[int]:
        kept = array(self._typecode)
        free = -1
        for start in starts:
            if start >= free:
                kept.append(start)
                free = start + size
        return kept
