"""Filtering: a new :class:`~yixian_corpus.Corpus` of the articles that match.

:func:`filter_corpus` (also :meth:`Corpus.filter <yixian_corpus.Corpus.filter>`)
keeps the articles that satisfy *every* criterion given; a criterion given a
list or tuple is satisfied by *any* of its values.  The result is a real
corpus (same article objects, corpus order kept), so search, statistics,
export and further filters work on it.

Example:
    >>> from yixian_corpus._search import _demo_corpus
    >>> corpus = _demo_corpus()
    >>> len(filter_corpus(corpus, kind="person", value="张三"))
    1
    >>> len(filter_corpus(corpus, lambda a: "口罩" in a.text))
    0
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ._model import Article, DateValue, MentionKind, MentionValue, Quantity, TimeValue
from ._search import mention_has_value
from .exceptions import SearchOptionError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from ._corpus import Corpus

__all__ = ["filter_corpus"]

_PARTIAL_DATE = re.compile(r"\A(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")


def _many(value: object) -> tuple[object, ...]:
    if isinstance(value, (list, tuple, set, frozenset, range)):
        return tuple(value)
    return (value,)


def _strings(name: str, value: str | Iterable[str]) -> tuple[str, ...]:
    values = _many(value)
    for item in values:
        if not isinstance(item, str):
            msg = f"{name} must be a string or a list of strings, not {item!r}"
            raise SearchOptionError(msg)
    return tuple(str(v) for v in values)


def _bounds(stamp: str, what: str) -> tuple[str, str]:
    """The first and last day of an ISO date, partial date (``2020``, ``2020-02``) or interval (``a/b``)."""
    parts = stamp.split("/")
    if len(parts) > 2:  # noqa: PLR2004 - start/end
        msg = f"{what} {stamp!r} is not an ISO 8601 date or interval"
        raise SearchOptionError(msg)
    low = _day_bounds(parts[0], what)[0]
    high = _day_bounds(parts[-1], what)[1]
    return low, high


def _day_bounds(stamp: str, what: str) -> tuple[str, str]:
    match = _PARTIAL_DATE.match(stamp.strip())
    if match is None:
        msg = f"{what} {stamp!r} is not an ISO 8601 date like 2020, 2020-02 or 2020-02-03"
        raise SearchOptionError(msg)
    year, month, day = match.groups()
    if month is None:
        return f"{year}-01-01", f"{year}-12-31"
    if day is None:
        return f"{year}-{month}-01", f"{year}-{month}-31"
    return f"{year}-{month}-{day}", f"{year}-{month}-{day}"


def _article_bounds(article: Article) -> tuple[str, str] | None:
    stamp = article.period or article.date
    if not stamp:
        return None
    try:
        return _bounds(stamp, "period")
    except SearchOptionError:
        return None


def _years(value: int | str | Iterable[int | str]) -> tuple[int, ...]:
    years = []
    for item in _many(value):
        if isinstance(item, int) and not isinstance(item, bool):
            years.append(item)
        elif isinstance(item, str) and item.strip().isdigit():
            years.append(int(item))
        else:
            msg = f"year must be an integer (or a list or range of them), not {item!r}"
            raise SearchOptionError(msg)
    return tuple(years)


def _has_mention(article: Article, kind: MentionKind | None, values: tuple[MentionValue, ...] | None) -> bool:
    for mention in article.mentions:
        if kind is not None and mention.kind is not kind:
            continue
        if values is None or any(mention_has_value(mention, v) for v in values):
            return True
    return False


def filter_corpus(  # noqa: C901, PLR0913 - one keyword per criterion, each a short test
    corpus: Corpus,
    predicate: Callable[[Article], bool] | None = None,
    /,
    *,
    ids: str | Iterable[str] | None = None,
    region: str | Iterable[str] | None = None,
    organ: str | Iterable[str] | None = None,
    year: int | str | Iterable[int | str] | None = None,
    period: str | None = None,
    author: str | Iterable[str] | None = None,
    source: str | Iterable[str] | None = None,
    kind: MentionKind | str | None = None,
    value: str | Quantity | DateValue | TimeValue | list[str | Quantity | DateValue | TimeValue] | None = None,
) -> Corpus:
    """A new corpus of the articles of ``corpus`` that meet every criterion given.

    Args:
        corpus: The corpus to filter.
        predicate: Any function of an :class:`~yixian_corpus.Article` returning true to keep it.
        ids: Keep these article ids (unknown ids raise).
        region: Keep articles whose :attr:`~yixian_corpus.Article.region` contains this text (``"包头"``).
        organ: Keep articles about this organ (an entry of :attr:`~yixian_corpus.Article.organs`).
        year: Keep articles whose period (or date) includes this year, or one of these years.
        period: Keep articles whose period (or date) overlaps this ISO 8601 date or interval
            (``"2020-02"``, ``"2020-01/2020-03"``).
        author: Keep articles by this author.
        source: Keep articles from this seed file (:attr:`Source.name <yixian_corpus.Source.name>`).
        kind: Keep articles that have a mention of this kind.
        value: Keep articles that have a mention of this entity (by
            :attr:`Mention.key <yixian_corpus.Mention.key>`, surface text or structured value),
            of kind ``kind`` if given.

    Returns:
        A new :class:`~yixian_corpus.Corpus`, in the original order.

    Raises:
        UnknownArticleError: An id in ``ids`` is not in the corpus.
        UnknownKindError: ``kind`` names no mention kind.
        SearchOptionError: A year or period is not a valid date, or a criterion has the wrong type.
    """
    from ._corpus import Corpus  # noqa: PLC0415 - the model module imports this one lazily

    tests: list[Callable[[Article], bool]] = []
    if predicate is not None:
        if not callable(predicate):
            msg = f"the predicate must be callable, not {type(predicate).__name__}"
            raise SearchOptionError(msg)
        tests.append(predicate)
    if ids is not None:
        wanted_ids = set(_strings("ids", ids))
        for article_id in wanted_ids:
            corpus[article_id]  # raises UnknownArticleError with suggestions
        tests.append(lambda a: a.id in wanted_ids)
    if region is not None:
        regions = _strings("region", region)
        tests.append(lambda a: a.region is not None and any(r in a.region for r in regions))
    if organ is not None:
        organs = set(_strings("organ", organ))
        tests.append(lambda a: not organs.isdisjoint(a.organs))
    if author is not None:
        authors = set(_strings("author", author))
        tests.append(lambda a: not authors.isdisjoint(a.authors))
    if source is not None:
        sources = set(_strings("source", source))
        tests.append(lambda a: a.source.name in sources)
    if year is not None:
        spans = [(f"{y:04d}-01-01", f"{y:04d}-12-31") for y in _years(year)]
        tests.append(lambda a: _overlaps(_article_bounds(a), spans))
    if period is not None:
        if not isinstance(period, str):
            msg = f"period must be an ISO 8601 date or interval string, not {period!r}"
            raise SearchOptionError(msg)
        wanted_span = [_bounds(period, "period")]
        tests.append(lambda a: _overlaps(_article_bounds(a), wanted_span))
    if kind is not None or value is not None:
        wanted_kind = None if kind is None else MentionKind.parse(kind)
        values = None if value is None else (tuple(value) if isinstance(value, list) else (value,))
        tests.append(lambda a: _has_mention(a, wanted_kind, values))
    return Corpus(a for a in corpus if all(test(a) for test in tests))


def _overlaps(bounds: tuple[str, str] | None, spans: list[tuple[str, str]]) -> bool:
    if bounds is None:
        return False
    low, high = bounds
    return any(low <= span_high and span_low <= high for span_low, span_high in spans)
