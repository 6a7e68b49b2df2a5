r"""Search: every match of a query in the corpus, located, with keyword in context.

:func:`search` (also :meth:`Corpus.search <yixian_corpus.Corpus.search>`)
returns :class:`Hits`, a sequence of :class:`Hit` in corpus order.  Every hit
is a span of its article's :attr:`~yixian_corpus.Article.text`, so
``hit.article.text[hit.start:hit.end] == hit.text``.

How matching works
------------------
* **Width folding.**  By default (``normalize=True``) query and text are
  compared after folding each character with Unicode NFKC, and curly quotes to
  straight ones: ``,`` finds ``，``, ``2020`` finds ``２０２０``, ``(`` finds
  ``（``, ``"`` finds ``“`` and ``”``.  Offsets always point at the real
  characters of ``article.text``.  A match that would begin or end inside the
  folded form of one character (one ``.`` of ``…``, which folds to ``...``)
  is not reported.  ``normalize=False`` compares exactly.
* **Literal queries** are found left to right without overlap, like
  ``str.count``.  ``ignore_case=True`` also folds case.
* **Regular expressions** (``regex=True``) use the :mod:`regex` module
  (``\p{Han}`` and the like work) on the same folded text; the pattern's own
  non-ASCII literal characters are folded too, so ``，`` in a pattern still
  matches.  Escapes such as ``\uFF0C`` name characters of the folded text, so
  they only find full-width forms with ``normalize=False``.  A pattern that runs
  longer than ``timeout`` seconds stops with
  :class:`~yixian_corpus.SearchTimeoutError`.  Empty matches are skipped.
* **Mentions.**  ``kind="person"`` keeps matches that lie entirely inside a
  mention of that kind; ``value="曹宇峰"`` (or a :class:`~yixian_corpus.Mention`
  as the query) keeps matches inside mentions of that entity whatever its
  surface form (by :attr:`Mention.key <yixian_corpus.Mention.key>`).  With no
  query text, each such mention is itself a hit.
* **Context.**  ``hit.left`` and ``hit.right`` hold up to ``context``
  characters on each side of the match, and stop at the line boundary: a hit
  in a heading never shows the paragraph under it, and a paragraph's first
  hit has no left context.

When the index is used
----------------------
Literal search scans each article with ``str.find``, which is fastest for
small corpora.  For large ones a :class:`~yixian_corpus._index.BigramIndex`
makes search sub-linear, with identical results.  ``index=True`` builds it (once
per corpus object and folding mode) and uses it; ``index=False`` never does;
the default ``index=None`` uses an index that is already built, and builds one
on the :data:`AUTO_INDEX_AFTER`-th literal search of a corpus of at least
:data:`AUTO_INDEX_MIN_CHARS` characters, so one-off searches never pay for it.
Regular expressions always scan.

Example:
    >>> from yixian_corpus._search import search, _demo_corpus
    >>> corpus = _demo_corpus()
    >>> hits = search(corpus, "疫情", context=4)
    >>> len(hits)
    3
    >>> hits[0]
    <Hit demo 0:2 '[疫情]防控一线'>
    >>> print(hits.kwic(width=6))
    demo  -           [疫情]防控一
    demo  一线    抗击[疫情]，人人
    demo  一线  有责（[疫情]）
"""

from __future__ import annotations

import bisect
import functools
import json
import re
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final, overload

import attrs

from ._kwic import display_width, fit_left, fit_right, pad_right, visible
from ._model import Article, DateValue, Mention, MentionKind, MentionValue, Quantity, Section, TimeValue
from .exceptions import EmptyQueryError, PatternError, SearchOptionError, SearchTimeoutError, UnknownArticleError

if TYPE_CHECKING:
    from ._corpus import Corpus
    from ._index import BigramIndex

__all__ = ["AUTO_INDEX_AFTER", "AUTO_INDEX_MIN_CHARS", "Hit", "Hits", "fold", "mention_has_value", "search"]

AUTO_INDEX_MIN_CHARS: Final = 1_000_000
"""Corpora of at least this many characters get an index automatically (see :data:`AUTO_INDEX_AFTER`)."""

AUTO_INDEX_AFTER: Final = 3
"""With ``index=None``, the index of a large corpus is built on this literal search of it (1 = the first)."""

_QUOTES: Final = {"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'"}

_NO_MENTION: Final = None


# -- folding -----------------------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=65536)
def _fold_char(char: str, casefold: bool) -> str:  # noqa: FBT001 - cached helper
    folded = _QUOTES.get(char) or unicodedata.normalize("NFKC", char)
    if casefold:
        folded = unicodedata.normalize("NFKC", folded.casefold())
    return folded


def fold(text: str, *, ignore_case: bool = False) -> str:
    """``text`` with each character folded as search compares it (NFKC, straight quotes, optionally case).

    Example:
        >>> fold("（２０２０年）“疫”")
        '(2020年)"疫"'
        >>> fold("COVID", ignore_case=True)
        'covid'
    """
    return "".join(_fold_char(c, ignore_case) for c in text)


@attrs.frozen
class _FoldedText:
    """One article text as search matches it, and the map back to the real offsets.

    ``flat`` folds only the characters whose folded form is one character long,
    so its offsets are the real ones; a query with none of the characters that
    longer folded forms produce matches ``flat`` exactly where it matches the
    full fold, :attr:`text`.  ``long_forms`` are the (character, folded form)
    pairs that ``flat`` keeps as they are.  ``expand_real[i]`` is the real
    offset of the i-th character whose folded form is longer, ``expand_at[i]``
    where that form starts in :attr:`text`, ``expand_len[i]`` its length.
    """

    flat: str
    long_forms: tuple[tuple[str, str], ...] = ()
    expand_real: tuple[int, ...] = ()
    expand_at: tuple[int, ...] = ()
    expand_len: tuple[int, ...] = ()

    @property
    def text(self) -> str:
        """The full fold (made on demand: only rare queries and regular expressions need it)."""
        full = self.flat
        for char, value in self.long_forms:
            full = full.replace(char, value)
        return full

    def real(self, offset: int) -> int | None:
        """The real offset of folded ``offset``, or None if it falls inside one character's folded form."""
        if not self.expand_at:
            return offset
        index = bisect.bisect_right(self.expand_at, offset) - 1
        if index < 0:
            return offset
        at, length, real = self.expand_at[index], self.expand_len[index], self.expand_real[index]
        if offset == at:
            return real
        if offset < at + length:
            return None
        return real + 1 + (offset - at - length)


class _FullTexts(Sequence[str]):
    """The full folds of some articles, each made when it is asked for."""

    __slots__ = ("_folded",)

    def __init__(self, folded: Sequence[_FoldedText]) -> None:
        self._folded = folded

    def __len__(self) -> int:
        return len(self._folded)

    @overload
    def __getitem__(self, item: int) -> str: ...
    @overload
    def __getitem__(self, item: slice) -> Sequence[str]: ...
    def __getitem__(self, item: int | slice) -> str | Sequence[str]:
        if isinstance(item, slice):
            return _FullTexts(self._folded[item])
        return self._folded[item].text


@attrs.frozen
class _FoldMode:
    """What the search of one folding mode needs for a corpus: the folded texts and their alphabet."""

    texts: tuple[_FoldedText, ...]
    special: frozenset[str]  # made or changed by folding: a query with none of these matches the real text
    expanded: frozenset[str]  # made by folds longer than one character: a query with none matches ``flat``


@functools.lru_cache(maxsize=2)
def _foldable(casefold: bool) -> Any:  # noqa: FBT001 - cached helper
    """A compiled pattern for every character that folding may change (a superset; checked per character)."""
    import regex  # noqa: PLC0415 - only searches need it

    quotes = "".join(_QUOTES)
    cased = r"\p{Changes_When_Casefolded}" if casefold else ""
    return regex.compile(rf"[\p{{NFKC_Quick_Check=No}}{cased}{quotes}]")


def _fold_article(text: str, casefold: bool) -> tuple[_FoldedText, set[str], set[str]]:  # noqa: FBT001
    """The folded article text, the characters that folding made or changed, and those that expansions made."""
    table: dict[str, str] = {}
    for char in set(_foldable(casefold).findall(text)):
        folded = _fold_char(char, casefold)
        if folded != char:
            table[char] = folded
    if not table:
        return _FoldedText(text), set(), set()
    special = {c for value in table.values() for c in value} | set(table)
    flat = text
    for char, value in table.items():  # str.replace is far faster than str.translate on CJK text
        if len(value) == 1:
            flat = flat.replace(char, value)
    long_forms = {char: value for char, value in table.items() if len(value) != 1}
    if not long_forms:
        return _FoldedText(flat), special, set()
    expanded = {c for value in long_forms.values() for c in value}
    real: list[int] = []
    at: list[int] = []
    lengths: list[int] = []
    shift = 0
    for match in re.finditer("|".join(map(re.escape, long_forms)), flat):
        offset = match.start()
        size = len(long_forms[match.group()])
        real.append(offset)
        at.append(offset + shift)
        lengths.append(size)
        shift += size - 1
    result = _FoldedText(flat, tuple(long_forms.items()), tuple(real), tuple(at), tuple(lengths))
    return result, special, expanded


def _fold_mode(corpus: Corpus, casefold: bool) -> _FoldMode:  # noqa: FBT001
    key = f"search.fold.{int(casefold)}"
    cache = corpus._cache  # noqa: SLF001 - the corpus keeps per-layer caches for exactly this
    mode: _FoldMode | None = cache.get(key)
    if mode is None:
        texts = []
        special: set[str] = set()
        expanded: set[str] = set()
        for article in corpus:
            folded, made, long_made = _fold_article(article.text, casefold)
            texts.append(folded)
            special |= made
            expanded |= long_made
        mode = _FoldMode(tuple(texts), frozenset(special), frozenset(expanded))
        cache[key] = mode
    return mode


# -- hits --------------------------------------------------------------------------------------------------------------
@attrs.frozen(repr=False)
class Hit:
    """One match: a span of an article's text with its keyword-in-context.

    A hit stores where it is; its text, context and section are read from the
    article when you ask for them.

    Attributes:
        article: The article the match is in.
        start: Start offset in ``article.text``.
        end: End offset in ``article.text``.
        context: The most characters of context :attr:`left` and :attr:`right` show.
        mention: The mention that contains the match when the search asked for a
            mention kind or value, else None.

    Example:
        >>> from yixian_corpus._search import search, _demo_corpus
        >>> hit = search(_demo_corpus(), "一线")[0]
        >>> hit.text, hit.left, hit.right, hit.section
        ('一线', '疫情防控', '', None)
        >>> hit.kwic(width=6)
        '情防控[一线]'
    """

    article: Article
    start: int
    end: int
    context: int = 20
    mention: Mention | None = None

    def __repr__(self) -> str:
        return f"<Hit {self.article.id} {self.start}:{self.end} {self.left + '[' + self.text + ']' + self.right!r}>"

    @property
    def text(self) -> str:
        """The matched text, exactly ``article.text[start:end]``."""
        return self.article.text[self.start : self.end]

    @property
    def left(self) -> str:
        """Up to :attr:`context` characters before the match, not crossing a line break."""
        if not self.context:
            return ""
        text, start = self.article.text, self.start
        line_start = text.rfind("\n", 0, start) + 1
        return text[max(line_start, start - self.context) : start]

    @property
    def right(self) -> str:
        """Up to :attr:`context` characters after the match, not crossing a line break."""
        if not self.context:
            return ""
        text, end = self.article.text, self.end
        line_end = text.find("\n", end, end + self.context)
        return text[end : end + self.context if line_end < 0 else line_end]

    @property
    def section(self) -> Section | None:
        """The section that contains the match's start, or None in the title or subtitle.

        A match that starts on the line break after a section belongs to that section.
        """
        sections = self.article.sections
        at = bisect.bisect_right([s.start for s in sections], self.start) - 1
        return sections[at] if at >= 0 and self.start <= sections[at].end else None

    @property
    def heading(self) -> str | None:
        """The heading of the hit's section (None in the title, subtitle or an untitled section)."""
        section = self.section
        return None if section is None else section.heading

    def kwic(self, width: int = 20, *, mark: tuple[str, str] = ("[", "]")) -> str:
        """The hit as one keyword-in-context line, aligned by display width.

        The left context is right-aligned in ``width`` terminal columns (cut at its
        start, padded with spaces), the right context cut to ``width`` columns, so
        the matches of many hits start in the same column.  Chinese characters
        count two columns.

        Args:
            width: Columns for each side's context.
            mark: Strings put around the match (ANSI codes work too).
        """
        right = fit_right(self.right, width, pad=False)
        return f"{fit_left(self.left, width)}{mark[0]}{visible(self.text)}{mark[1]}{right}"

    def to_dict(self) -> dict[str, Any]:
        """The hit as JSON-able data (the article by id, the section by heading)."""
        data: dict[str, Any] = {
            "article": self.article.id,
            "section": self.heading,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "left": self.left,
            "right": self.right,
        }
        if self.mention is not None:
            from ._serialize import value_to_data  # noqa: PLC0415 - only for mention hits

            data["mention"] = {
                "kind": self.mention.kind.value,
                "text": self.mention.text,
                "start": self.mention.start,
                "end": self.mention.end,
                "value": value_to_data(self.mention.value),
            }
        return data


_Row = tuple[int, int, int, "Mention | None"]
"""A hit before it is made: article number, start, end, containing mention."""


class _PostingRows(Sequence[_Row]):
    """Rows read lazily from index postings: global offsets of equal-length matches."""

    __slots__ = ("_index", "_length", "_positions")

    def __init__(self, positions: Sequence[int], length: int, index: BigramIndex) -> None:
        self._positions = positions
        self._length = length
        self._index = index

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, item: int) -> _Row: ...
    @overload
    def __getitem__(self, item: slice) -> Sequence[_Row]: ...
    def __getitem__(self, item: int | slice) -> _Row | Sequence[_Row]:
        if isinstance(item, slice):
            return _PostingRows(self._positions[item], self._length, self._index)
        number, start = self._index.locate(self._positions[item])
        return (number, start, start + self._length, None)

    def __iter__(self) -> Iterator[_Row]:
        locate, length = self._index.locate, self._length
        for position in self._positions:
            number, start = locate(position)
            yield (number, start, start + length, None)


class Hits(Sequence[Hit]):
    """The hits of one search, in corpus order: a read-only sequence of :class:`Hit`.

    Hits are made when you look at them, so a search with many matches is cheap
    until you iterate over it.  ``len()``, indexing, slicing (which gives
    ``Hits``), iteration, ``kwic()``, ``print()`` and ``to_dicts()`` work.

    Attributes:
        query: What was searched for (the query text, a pattern, or a description of the mention searched).
        context: The number of context characters on each side.
    """

    __slots__ = ("_articles", "_rows", "context", "query")

    def __init__(
        self, articles: Sequence[Article], rows: Sequence[_Row], *, query: str = "", context: int = 20
    ) -> None:
        self._articles = articles
        self._rows = rows
        self.query = query
        self.context = context

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, item: int) -> Hit: ...
    @overload
    def __getitem__(self, item: slice) -> Hits: ...
    def __getitem__(self, item: int | slice) -> Hit | Hits:
        if isinstance(item, slice):
            return Hits(self._articles, self._rows[item], query=self.query, context=self.context)
        return self._make(self._rows[item])

    def __iter__(self) -> Iterator[Hit]:
        articles, context = self._articles, self.context
        for number, start, end, mention in self._rows:
            yield Hit(articles[number], start, end, context, mention)

    def __bool__(self) -> bool:
        return len(self._rows) > 0

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Hits):
            return list(self) == list(other)
        if isinstance(other, (list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a sequence compared by content

    def __repr__(self) -> str:
        return f"<Hits {len(self)} for {self.query!r}>"

    def __str__(self) -> str:
        return self.kwic()

    def _make(self, row: _Row) -> Hit:
        number, start, end, mention = row
        return Hit(self._articles[number], start, end, self.context, mention)

    @property
    def articles(self) -> tuple[str, ...]:
        """The ids of the articles that have hits, in corpus order."""
        seen: dict[str, None] = {}
        for number, *_ in self._rows:
            seen.setdefault(self._articles[number].id, None)
        return tuple(seen)

    def counts(self) -> dict[str, int]:
        """The number of hits per article id, in corpus order."""
        counts: dict[str, int] = {}
        for number, *_ in self._rows:
            article_id = self._articles[number].id
            counts[article_id] = counts.get(article_id, 0) + 1
        return counts

    def kwic(
        self, width: int = 20, *, mark: tuple[str, str] = ("[", "]"), label: bool = True, label_width: int = 16
    ) -> str:
        """A concordance: one aligned keyword-in-context line per hit.

        Each line is the article id and the section heading (``-`` for the title
        or an untitled section, cut to ``label_width`` columns), then
        :meth:`Hit.kwic`.  All columns are aligned by display width.

        Args:
            width: Columns for each side's context.
            mark: Strings put around each match.
            label: Start each line with the article id and section heading.
            label_width: The most columns a heading may take.
        """
        hits = list(self)
        if not label:
            return "\n".join(hit.kwic(width, mark=mark) for hit in hits)
        ids = [hit.article.id for hit in hits]
        headings = [_heading_label(hit, label_width) for hit in hits]
        id_width = max(map(display_width, ids), default=0)
        heading_width = max(map(display_width, headings), default=0)
        return "\n".join(
            f"{pad_right(article_id, id_width)}  {pad_right(heading, heading_width)}  {hit.kwic(width, mark=mark)}"
            for article_id, heading, hit in zip(ids, headings, hits, strict=True)
        )

    def to_dicts(self) -> list[dict[str, Any]]:
        """Every hit as JSON-able data (see :meth:`Hit.to_dict`)."""
        return [hit.to_dict() for hit in self]

    def to_jsonl(self) -> str:
        """The hits as JSON Lines text: one object per hit, each line ending in a newline."""
        return "".join(json.dumps(hit.to_dict(), ensure_ascii=False) + "\n" for hit in self)


def _heading_label(hit: Hit, width: int) -> str:
    heading = hit.heading
    if heading is None:
        return "-"
    if display_width(heading) <= width:
        return heading
    return fit_right(heading, width - 1).rstrip() + "…"


# -- the search --------------------------------------------------------------------------------------------------------
def _check_int(name: str, value: object, minimum: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        msg = f"{name} must be an integer, not {type(value).__name__}"
        raise SearchOptionError(msg)
    if value < minimum:
        msg = f"{name} must be at least {minimum}, not {value}"
        raise SearchOptionError(msg)
    return value


def _check_timeout(timeout: object) -> None:
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0:
        msg = f"timeout must be a positive number of seconds, not {timeout!r}"
        raise SearchOptionError(msg)


def _article_numbers(corpus: Corpus, article: str | Article | Iterable[str | Article] | None) -> list[int]:
    if article is None:
        return list(range(len(corpus)))
    wanted = [article] if isinstance(article, (str, Article)) else list(article)
    positions = {a.id: number for number, a in enumerate(corpus)}
    numbers = set()
    for item in wanted:
        article_id = item.id if isinstance(item, Article) else item
        if article_id not in positions:
            corpus[article_id]  # raises UnknownArticleError with suggestions
            raise UnknownArticleError(str(article_id))  # pragma: no cover - the line above raises
        numbers.add(positions[article_id])
    return sorted(numbers)


def mention_has_value(mention: Mention, value: MentionValue) -> bool:
    """True if ``mention`` is of the entity ``value``: a name (its key or surface text) or a structured value."""
    if isinstance(value, str):
        return value in {mention.key, mention.text}
    return mention.value == value


def _restriction(
    corpus: Corpus, numbers: list[int], kind: MentionKind | None, value: MentionValue, *, any_value: bool
) -> dict[int, list[Mention]]:
    """Per article number, the mentions that matches must lie in (sorted by start)."""
    spans: dict[int, list[Mention]] = {}
    articles = corpus.articles
    for number in numbers:
        kept = [
            m
            for m in articles[number].mentions
            if (kind is None or m.kind is kind) and (any_value or mention_has_value(m, value))
        ]
        if kept:
            kept.sort(key=lambda m: (m.start, -m.end))
            spans[number] = kept
    return spans


def _restrict(rows: Iterable[_Row], spans: dict[int, list[Mention]]) -> Iterator[_Row]:
    """The rows that lie inside one of ``spans``' mentions, each with the innermost such mention."""
    current = -1
    starts: list[int] = []
    mentions: list[Mention] = []
    reach: list[int] = []
    for number, start, end, _ in rows:
        if number != current:
            current = number
            mentions = spans.get(number, [])
            starts = [m.start for m in mentions]
            reach = []
            longest = -1
            for m in mentions:
                longest = max(longest, m.end)
                reach.append(longest)
        at = bisect.bisect_right(starts, start) - 1
        if at < 0 or reach[at] < end:
            continue
        while at >= 0:
            mention = mentions[at]
            if mention.end >= end:
                yield (number, start, end, mention)
                break
            at -= 1


def _scan_literal(
    texts: Sequence[str], numbers: Iterable[int], query: str, limit: int | None
) -> list[tuple[int, int, int, None]]:
    rows: list[tuple[int, int, int, None]] = []
    append = rows.append
    size = len(query)
    for number in numbers:
        text = texts[number]
        find = text.find
        at = find(query)
        while at >= 0:
            append((number, at, at + size, None))
            at = find(query, at + size)
        if limit is not None and len(rows) >= limit:
            del rows[limit:]
            break
    return rows


def _remap(rows: Iterable[_Row], texts: tuple[_FoldedText, ...]) -> Iterator[_Row]:
    """Folded offsets to real ones, dropping matches that cut one character's folded form."""
    for number, start, end, mention in rows:
        folded = texts[number]
        if not folded.expand_at:
            yield (number, start, end, mention)
            continue
        real_start, real_end = folded.real(start), folded.real(end)
        if real_start is not None and real_end is not None:
            yield (number, real_start, real_end, mention)


def _compile(pattern: str, *, normalize: bool, ignore_case: bool) -> Any:
    import regex  # noqa: PLC0415 - only regular-expression searches need it

    source = _fold_pattern(pattern) if normalize else pattern
    flags = regex.IGNORECASE | regex.FULLCASE if ignore_case else 0
    try:
        return regex.compile(source, flags)
    except regex.error as error:
        position = getattr(error, "pos", None)
        where = f" at position {position}" if position is not None else ""
        msg = f"bad regular expression {pattern!r}: {getattr(error, 'msg', error)}{where}"
        raise PatternError(msg) from None
    except (ValueError, OverflowError, RecursionError) as error:
        msg = f"bad regular expression {pattern!r}: {error}"
        raise PatternError(msg) from None


def _fold_pattern(pattern: str) -> str:
    """Fold the non-ASCII literal characters of a pattern (escaping what folding makes special)."""
    if pattern.isascii():
        return pattern
    import regex  # noqa: PLC0415

    out: list[str] = []
    escaped = False
    for char in pattern:
        folded = char if char.isascii() else _fold_char(char, False)  # noqa: FBT003
        if escaped:
            out.append(regex.escape(folded) if folded != char else "\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        else:
            out.append(regex.escape(folded) if folded != char else char)
    if escaped:
        out.append("\\")
    return "".join(out)


def _scan_regex(  # noqa: PLR0913 - one loop, many knobs
    compiled: Any, texts: Sequence[str], numbers: Iterable[int], *, limit: int | None, timeout: float, pattern: str
) -> list[tuple[int, int, int, None]]:
    rows: list[tuple[int, int, int, None]] = []
    deadline = time.monotonic() + timeout
    try:
        for number in numbers:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError  # noqa: TRY301 - handled just below with the others
            for match in compiled.finditer(texts[number], timeout=remaining):
                start, end = match.span()
                if start != end:
                    rows.append((number, start, end, None))
                    if limit is not None and len(rows) >= limit:
                        return rows
    except TimeoutError:
        msg = f"regular expression {pattern!r} ran longer than {timeout:g} s; simplify it or raise timeout="
        raise SearchTimeoutError(msg) from None
    return rows


def _use_index(corpus: Corpus, index: bool | None, mode_key: str) -> bool:  # noqa: FBT001 - mirrors index=
    if index is not None:
        return index
    cache = corpus._cache  # noqa: SLF001
    if f"search.index.{mode_key}" in cache:
        return True
    size: int | None = cache.get("search.chars")
    if size is None:
        size = cache["search.chars"] = sum(len(a.text) for a in corpus)
    if size < AUTO_INDEX_MIN_CHARS:
        return False
    count: int = cache.get(f"search.count.{mode_key}", 0) + 1
    cache[f"search.count.{mode_key}"] = count
    return count >= AUTO_INDEX_AFTER


def _get_index(corpus: Corpus, mode_key: str, texts: Sequence[str]) -> BigramIndex:
    cache = corpus._cache  # noqa: SLF001
    built: BigramIndex | None = cache.get(f"search.index.{mode_key}")
    if built is None:
        from ._index import BigramIndex  # noqa: PLC0415 - built on demand

        built = BigramIndex(texts)
        cache[f"search.index.{mode_key}"] = built
    return built


def _indexed_literal(built: BigramIndex, query: str, numbers: list[int], limit: int | None) -> Sequence[_Row]:
    """Literal matches from the index, in the index's texts' offsets (article numbers are text numbers)."""
    if len(query) == 1:
        wanted = set(numbers)
        candidates = [n for n in built.texts_with(query) if n in wanted]
        return _scan_literal(built.texts, candidates, query, limit)
    first, stop = numbers[0], numbers[-1] + 1
    positions = built.find(query, first, stop)
    if len(numbers) != stop - first:
        wanted = set(numbers)
        positions = [p for p in positions if built.locate(p)[0] in wanted]
    if limit is not None:
        positions = positions[:limit]
    return _PostingRows(positions, len(query), built)


def search(  # noqa: C901, PLR0912, PLR0913, PLR0915 - the one entry point of search, with all its options
    corpus: Corpus,
    query: str | Mention | None = None,
    *,
    regex: bool = False,
    kind: MentionKind | str | None = None,
    value: str | Quantity | DateValue | TimeValue | None = None,
    article: str | Article | Iterable[str | Article] | None = None,
    context: int = 20,
    limit: int | None = None,
    normalize: bool = True,
    ignore_case: bool = False,
    timeout: float = 1.0,
    index: bool | None = None,
) -> Hits:
    r"""Find ``query`` in every article of ``corpus``; the hits come in corpus order.

    Args:
        corpus: Where to search.
        query: The text to find; a regular expression with ``regex=True``; or a
            :class:`~yixian_corpus.Mention`, to find every mention of its entity
            (same kind and :attr:`~yixian_corpus.Mention.key`).  May be None when
            ``kind`` or ``value`` says what to find.
        regex: Treat ``query`` as a regular expression (:mod:`regex` syntax).
        kind: Keep only matches that lie inside a mention of this kind.
        value: Keep only matches inside mentions of this entity: a canonical
            name (compared with :attr:`Mention.key <yixian_corpus.Mention.key>`
            and the surface text) or a structured value such as a
            :class:`~yixian_corpus.Quantity`.
        article: Search only this article (an id or an :class:`~yixian_corpus.Article`) or these articles.
        context: Characters of context on each side (stopping at line breaks).
        limit: Stop after this many hits.
        normalize: Fold width variants (NFKC) and curly quotes before comparing.
        ignore_case: Fold case too.
        timeout: Seconds a regular expression may run in all before
            :class:`~yixian_corpus.SearchTimeoutError`.
        index: Use the bigram index (True), never (False), or decide (None; see the module notes).

    Returns:
        The hits, a sequence of :class:`Hit`.

    Raises:
        EmptyQueryError: There is nothing to search for (empty query and no kind or value).
        PatternError: ``regex=True`` and the pattern does not compile; the message says why and where.
        SearchTimeoutError: The regular expression ran longer than ``timeout``.
        UnknownKindError: ``kind`` names no mention kind.
        UnknownArticleError: ``article`` names an article the corpus lacks.
        SearchOptionError: ``context``, ``limit`` or ``timeout`` is out of range.

    Example:
        >>> from yixian_corpus._search import _demo_corpus
        >>> corpus = _demo_corpus()
        >>> [hit.text for hit in search(corpus, "(疫情)")]
        ['（疫情）']
        >>> [hit.text for hit in search(corpus, r"\p{Han}{2}防控", regex=True)]
        ['疫情防控']
        >>> [(hit.text, hit.mention.value) for hit in search(corpus, value="张三", kind="person")]
        [('张三', '张三'), ('张局长', '张三')]
    """
    context = _check_int("context", context, 0)
    if limit is not None:
        limit = _check_int("limit", limit, 0)
    _check_timeout(timeout)
    wanted_kind = None if kind is None else MentionKind.parse(kind)
    any_value = True
    if isinstance(query, Mention):
        wanted_kind = wanted_kind or query.kind
        value = query.key if isinstance(query.value, str) or query.value is None else query.value
        any_value = False
        query = None
    elif value is not None:
        any_value = False
    if query is not None and not isinstance(query, str):
        msg = f"query must be a str or a Mention, not {type(query).__name__}"
        raise TypeError(msg)
    if not query:
        if wanted_kind is None and any_value:
            msg = "empty query: give the text to search for (or a mention kind or value)"
            raise EmptyQueryError(msg)
        query = None
    numbers = _article_numbers(corpus, article)
    articles = corpus.articles
    description = query if query is not None else f"{wanted_kind or 'mention'} {value!r}".replace(" None", "")
    restricted = wanted_kind is not None or not any_value
    spans = _restriction(corpus, numbers, wanted_kind, value, any_value=any_value) if restricted else {}
    if restricted:
        numbers = [n for n in numbers if n in spans]
    if limit == 0 or not numbers:
        return Hits(articles, [], query=description, context=context)

    rows: Sequence[_Row]
    if query is None:
        rows = [(n, m.start, m.end, m) for n in numbers for m in spans[n]]
        rows.sort(key=lambda row: (row[0], row[1], row[2]))
        return Hits(articles, rows[:limit] if limit is not None else rows, query=description, context=context)

    scan_limit = None if restricted else limit
    folded: tuple[_FoldedText, ...] | None = None
    if regex:
        compiled = _compile(query, normalize=normalize, ignore_case=ignore_case)
        if normalize:
            mode = _fold_mode(corpus, casefold=False)
            texts: Sequence[str] = _FullTexts(mode.texts)
            if mode.expanded:  # offsets need remapping, and unaligned matches are dropped after the scan
                folded, scan_limit = mode.texts, None
        else:
            texts = [a.text for a in articles]
        found: Iterable[_Row] = _scan_regex(compiled, texts, numbers, limit=scan_limit, timeout=timeout, pattern=query)
    else:
        # Which texts to match in: the real ones when folding cannot matter for this query, the
        # length-preserving fold when no multi-character fold can, else the full fold (then remapped).
        if normalize:
            mode = _fold_mode(corpus, casefold=ignore_case)
            needle = fold(query, ignore_case=ignore_case)
            mode_key = f"fold{int(ignore_case)}"
            if mode.special.isdisjoint(needle):
                texts = [a.text for a in articles]
            elif mode.expanded.isdisjoint(needle):
                texts = [f.flat for f in mode.texts]
            else:
                # Unaligned matches are dropped after the scan, so the scan cannot stop at the limit.
                texts, folded, index, scan_limit = _FullTexts(mode.texts), mode.texts, False, None
        else:
            needle, mode_key, texts = query, "exact", [a.text for a in articles]
        if folded is None and _use_index(corpus, index, mode_key):
            flat = [f.flat for f in mode.texts] if normalize else texts
            found = _indexed_literal(_get_index(corpus, mode_key, flat), needle, numbers, scan_limit)
            if isinstance(found, _PostingRows) and not restricted:
                return Hits(articles, found, query=query, context=context)
        else:
            found = _scan_literal(texts, numbers, needle, scan_limit)
    if folded is not None:
        found = _remap(found, folded)
    if restricted:
        found = _restrict(found, spans)
    result = list(found) if limit is None else [row for _, row in zip(range(limit), found, strict=False)]
    return Hits(articles, result, query=query, context=context)


def _demo_corpus() -> Corpus:
    """A two-article corpus for the examples in this module's docstrings."""
    from ._corpus import Corpus  # noqa: PLC0415 - examples only
    from ._model import Block, Paragraph, Source  # noqa: PLC0415 - examples only

    lines = ["疫情防控一线", "一线", "抗击疫情，人人有责（疫情）", "张三局长说：张局长来了。"]
    text = "\n".join(lines)
    spans, offset = [], 0
    for line in lines:
        spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    kinds = ["title", "heading", "paragraph", "paragraph"]
    blocks = tuple(Block(k, s, e, text) for k, (s, e) in zip(kinds, spans, strict=True))
    paragraphs = tuple(Paragraph(s, e, text) for s, e in spans[2:])
    mentions = (
        Mention("person", "张三", spans[3][0], spans[3][0] + 2, "张三", "demo"),
        Mention("role", "局长", spans[3][0] + 2, spans[3][0] + 4, None, "demo"),
        Mention("person", "张局长", spans[3][0] + 6, spans[3][0] + 9, "张三", "demo"),
    )
    section = Section("一线", spans[1][0], spans[3][1], paragraphs, (), mentions, text)
    source = Source("demo.txt", text)
    article = Article("demo", lines[0], None, (), source, text, blocks, (section,), (), mentions)
    return Corpus([article])
