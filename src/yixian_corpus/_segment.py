"""The extractor's segmentation: jieba's dictionary and tags, loaded on first use, and a faster segmenter.

:class:`_Jieba` loads a private ``jieba.Tokenizer`` (and jieba's part-of-speech table) once, on the first
call of :func:`yixian_corpus.extract_mentions`; ``import yixian_corpus`` never imports jieba.
:class:`_Segmenter` gives exactly the tokens of ``jieba.lcut(text, HMM=True)``, faster.
"""

from __future__ import annotations

import math
import threading
from typing import Any

__all__: list[str] = []


class _Jieba:
    """jieba's tokenizer, word frequencies and dictionary tags, loaded on first use."""

    _lock = threading.Lock()
    _loaded: _Jieba | None = None

    def __init__(self) -> None:
        import logging  # noqa: PLC0415 - only needed with jieba

        import jieba  # noqa: PLC0415 - heavy: imported on first use, never by import yixian_corpus
        import jieba.posseg  # noqa: PLC0415 - only its dictionary tag table is used, never its HMM tagger

        jieba.setLogLevel(logging.WARNING)
        self.tokenizer: Any = jieba.Tokenizer()
        self.tokenizer.initialize()
        self.lcut = _Segmenter(self.tokenizer, jieba).lcut
        self.freq: dict[str, int] = self.tokenizer.FREQ
        tags: dict[str, str] = jieba.posseg.dt.word_tag_tab
        if not tags:  # pragma: no cover - depends on jieba internals
            jieba.posseg.dt.load_word_tag(jieba.posseg.dt.tokenizer.get_dict_file())
            tags = jieba.posseg.dt.word_tag_tab
        self.tags = tags

    @classmethod
    def get(cls) -> _Jieba:
        if cls._loaded is None:
            with cls._lock:
                if cls._loaded is None:
                    cls._loaded = cls()
        return cls._loaded


_PREFIX = 1.0
"""The cached entry of a dictionary prefix that is no word (a log-probability is never positive)."""


class _Segmenter:
    """``tokenizer.lcut(text, HMM=True)`` as loops that build lists, without jieba's nested generators.

    The steps are jieba's own (``Tokenizer.cut``, ``get_DAG``, ``calc`` and ``__cut_DAG``): split the
    text into runs of Han characters and the rest, find the most probable route of dictionary words
    through each run, and hand runs of single characters that are not a dictionary word to the HMM
    (``jieba.finalseg``). The route search walks the run once from the right, computing each
    position's candidate words as it goes instead of building the whole word graph first, and caches
    each word's log-probability; the arithmetic is the same expression in the same order and a tie
    goes to the longer word as in jieba, so the tokens are the same (``tests/test_extract.py`` checks
    it, also as a property on arbitrary text).
    """

    def __init__(self, tokenizer: Any, jieba: Any) -> None:
        from jieba import finalseg  # noqa: PLC0415 - part of jieba, imported with it

        self.re_han = jieba.re_han_default
        self.re_skip = jieba.re_skip_default
        self.freq: dict[str, int] = tokenizer.FREQ
        self.logtotal = math.log(tokenizer.total)
        self.entries: dict[str, float] = {}
        self.hmm_cut = finalseg.cut

    def entry(self, fragment: str) -> float | None:
        """A dictionary entry's log-probability, ``_PREFIX`` for a prefix that is no word, None if absent.

        Entries are cached (at most one per dictionary entry), so a route step is one lookup.
        """
        count = self.freq.get(fragment)
        if count is None:
            return None
        value = self.entries[fragment] = math.log(count) - self.logtotal if count else _PREFIX
        return value

    def best_route(self, block: str) -> list[int]:
        """For each position of ``block``, the end of the word the most probable route takes there."""
        cached = self.entries.get
        n = len(block)
        score = [0.0] * (n + 1)
        ends = [0] * (n + 1)
        for k in range(n - 1, -1, -1):
            best = -math.inf
            best_end = -1
            i = k
            fragment = block[k]
            value = cached(fragment)
            if value is None:
                value = self.entry(fragment)
            while value is not None:
                if value <= 0.0:  # a word (a prefix's entry is _PREFIX, above every log-probability)
                    value += score[i + 1]
                    if value >= best:  # the larger end wins a tie, as in jieba's max over (score, end)
                        best = value
                        best_end = i
                i += 1
                if i >= n:
                    break
                fragment = block[k : i + 1]
                value = cached(fragment)
                if value is None:
                    value = self.entry(fragment)
            if best_end < 0:  # no dictionary word starts here: the character alone, counted once (log 1 = 0)
                best_end = k
                best = -self.logtotal + score[k + 1]
            score[k] = best
            ends[k] = best_end + 1
        return ends

    def flush(self, buf: str, out: list[str]) -> None:
        """Single characters between words: one is a token; a run is the HMM's unless it is a word."""
        if len(buf) == 1:
            out.append(buf)
        elif not self.freq.get(buf):
            out.extend(self.hmm_cut(buf))
        else:
            out.extend(buf)

    def lcut(self, text: str) -> list[str]:
        """The tokens of ``text``, as ``jieba.lcut(text, HMM=True)`` gives them."""
        out: list[str] = []
        for block in self.re_han.split(text):
            if not block:
                continue
            if not self.re_han.match(block):
                for part in self.re_skip.split(block):
                    if self.re_skip.match(part):
                        out.append(part)
                    else:
                        out.extend(part)
                continue
            route = self.best_route(block)
            x = 0
            buf = ""
            n = len(block)
            while x < n:
                y = route[x]
                if y - x == 1:
                    buf += block[x]
                else:
                    if buf:
                        self.flush(buf, out)
                        buf = ""
                    out.append(block[x:y])
                x = y
            if buf:
                self.flush(buf, out)
        return out
