"""The :class:`Corpus`: an immutable, ordered collection of articles.

The search, filter, statistics and export methods are thin doors into their
own modules, imported on first use, so that ``import yixian_corpus`` stays
cheap and the model stays free of those layers.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any, overload

from ._model import Article, Mention, MentionKind
from .exceptions import UnknownArticleError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = ["Corpus"]


class Corpus:
    """An immutable, ordered collection of :class:`~yixian_corpus.Article` objects.

    Iteration yields articles in corpus order; ``corpus[article_id]`` looks one
    up by id.

    Example:
        >>> import yixian_corpus
        >>> corpus = yixian_corpus.load()
        >>> len(corpus)
        7
        >>> corpus["001-qingshan"].title
        '攻坚克难守初心 坚守“疫”线筑壁垒'
    """

    __slots__ = ("_articles", "_by_id", "_cache")

    def __init__(self, articles: Iterable[Article] = ()) -> None:
        self._articles: tuple[Article, ...] = tuple(articles)
        self._by_id: dict[str, Article] = {}
        for article in self._articles:
            if article.id in self._by_id:
                msg = f"duplicate article id {article.id!r}"
                raise ValueError(msg)
            self._by_id[article.id] = article
        self._cache: dict[str, Any] = {}

    # -- the collection -----------------------------------------------------
    def __len__(self) -> int:
        return len(self._articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self._articles)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Article):
            return self._by_id.get(item.id) is item
        return item in self._by_id

    @overload
    def __getitem__(self, key: str) -> Article: ...
    @overload
    def __getitem__(self, key: int) -> Article: ...
    def __getitem__(self, key: str | int) -> Article:
        """Return the article with id ``key`` (or at position ``key`` for an int).

        Raises:
            UnknownArticleError: No article has that id (a ``KeyError``; the
                message suggests the closest ids).
        """
        if isinstance(key, int) and not isinstance(key, bool):
            return self._articles[key]
        try:
            return self._by_id[key]
        except (KeyError, TypeError):
            suggestions = tuple(difflib.get_close_matches(str(key), list(self._by_id), n=3, cutoff=0.4))
            raise UnknownArticleError(str(key), suggestions) from None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Corpus):
            return NotImplemented
        return self._articles == other._articles

    def __hash__(self) -> int:
        return hash(self._articles)

    def __repr__(self) -> str:
        return f"<Corpus articles={len(self._articles)} chars={sum(len(a.text) for a in self._articles)}>"

    @property
    def articles(self) -> tuple[Article, ...]:
        """The articles in corpus order."""
        return self._articles

    @property
    def ids(self) -> tuple[str, ...]:
        """The article ids in corpus order."""
        return tuple(self._by_id)

    def get(self, article_id: str, default: Article | None = None) -> Article | None:
        """Return the article with id ``article_id``, or ``default``."""
        return self._by_id.get(article_id, default)

    # -- mentions -----------------------------------------------------------
    def mentions(self, kind: MentionKind | str | None = None) -> list[Mention]:
        """Every curated mention in corpus order, optionally of one kind.

        Raises:
            UnknownKindError: ``kind`` names no :class:`~yixian_corpus.MentionKind`.
        """
        wanted = None if kind is None else MentionKind.parse(kind)
        return [m for a in self._articles for m in a.mentions if wanted is None or m.kind is wanted]

    def filter(self, predicate: Callable[[Article], bool] | None = None, /, **criteria: Any) -> Corpus:
        """Return a new corpus of the articles that match; see :func:`yixian_corpus.filter_corpus`."""
        from ._filter import filter_corpus  # noqa: PLC0415 - layer imported on use

        return filter_corpus(self, predicate, **criteria)

    def search(self, query: Any, **options: Any) -> Any:
        """Find ``query`` in every article; see :func:`yixian_corpus.search` for the options."""
        from ._search import search  # noqa: PLC0415 - layer imported on use

        return search(self, query, **options)

    def stats(self) -> Any:
        """Counts of articles, sections, paragraphs, characters and mentions; see :class:`~yixian_corpus.Stats`."""
        from ._stats import corpus_stats  # noqa: PLC0415 - layer imported on use

        return corpus_stats(self)
