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
    import os
    from collections.abc import Callable, Iterable, Iterator
    from pathlib import Path

    from ._entities import Entity
    from ._search import Hits
    from ._stats import Stats

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
        if isinstance(key, int):
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

    def entities(self, kind: MentionKind | str | None = None) -> list[Entity]:
        """The curated mentions grouped under canonical keys (aliases resolved), most mentioned first.

        See :class:`~yixian_corpus.Entity`.

        Raises:
            UnknownKindError: ``kind`` names no :class:`~yixian_corpus.MentionKind`.
        """
        from ._entities import corpus_entities  # noqa: PLC0415 - layer imported on use

        return corpus_entities(self, kind)

    def filter(self, predicate: Callable[[Article], bool] | None = None, /, **criteria: Any) -> Corpus:
        """Return a new corpus of the articles that match; see :func:`yixian_corpus.filter_corpus`."""
        from ._filter import filter_corpus  # noqa: PLC0415 - layer imported on use

        return filter_corpus(self, predicate, **criteria)

    def search(self, query: str | Mention | None = None, **options: Any) -> Hits:
        """Find ``query`` in every article; see :func:`yixian_corpus.search` for the options.

        Example:
            >>> import yixian_corpus
            >>> hits = yixian_corpus.load().search("党员", context=5)
            >>> hits[0].text
            '党员'
        """
        from ._search import search  # noqa: PLC0415 - layer imported on use

        return search(self, query, **options)

    def stats(self) -> Stats:
        """Counts of articles, sections, paragraphs, characters and mentions; see :class:`~yixian_corpus.Stats`."""
        from ._stats import corpus_stats  # noqa: PLC0415 - layer imported on use

        return corpus_stats(self)

    # -- export (yixian_corpus._export*; each writer is atomic and refuses to overwrite) ------------
    def to_json(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write the whole model as one JSON document; see :func:`yixian_corpus.read` to load it back.

        Raises:
            OverwriteError: ``path`` exists and ``overwrite`` is false.
            WriteError: The directory is missing or not writable.
        """
        from ._export import to_json  # noqa: PLC0415 - layer imported on use

        return to_json(self, path, overwrite=overwrite)

    def to_jsonl(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write JSON Lines: a header line (format, schema_version, sources), then one article per line.

        Raises:
            OverwriteError: ``path`` exists and ``overwrite`` is false.
            WriteError: The directory is missing or not writable.
        """
        from ._export import to_jsonl  # noqa: PLC0415 - layer imported on use

        return to_jsonl(self, path, overwrite=overwrite)

    def to_csv(
        self, path: str | os.PathLike[str], *, level: str = "mention", bom: bool = False, overwrite: bool = False
    ) -> Path:
        """Write one table (``mention``, ``paragraph``, ``section`` or ``article`` rows) as CSV.

        ``bom=True`` starts the file with a UTF-8 byte-order mark so that Excel shows the Chinese text.

        Raises:
            ExportOptionError: Unknown ``level``.
            OverwriteError: ``path`` exists and ``overwrite`` is false.
            WriteError: The directory is missing or not writable.
        """
        from ._export import to_csv  # noqa: PLC0415 - layer imported on use

        return to_csv(self, path, level=level, bom=bom, overwrite=overwrite)

    def to_sqlite(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write an SQLite database with tables and a full-text index for 1- and 2-character queries.

        See :func:`yixian_corpus.fts_query` and the SQLite how-to.

        Raises:
            OverwriteError: ``path`` exists and ``overwrite`` is false.
            WriteError: The database cannot be written.
        """
        from ._export_sqlite import to_sqlite  # noqa: PLC0415 - layer imported on use

        return to_sqlite(self, path, overwrite=overwrite)

    def to_tei(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write TEI P5 XML: a ``teiCorpus`` with one ``TEI`` per article, mentions inline.

        Raises:
            OverwriteError: ``path`` exists and ``overwrite`` is false.
            WriteError: The directory is missing or not writable.
        """
        from ._export_tei import to_tei  # noqa: PLC0415 - layer imported on use

        return to_tei(self, path, overwrite=overwrite)

    def to_conll(
        self,
        path: str | os.PathLike[str],
        *,
        kinds: Iterable[MentionKind | str] | None = None,
        overwrite: bool = False,
    ) -> Path:
        """Write character-level BIO tags, one character per line (default kinds: all but ``quote``).

        Raises:
            UnknownKindError: ``kinds`` names an unknown kind.
            OverwriteError: ``path`` exists and ``overwrite`` is false.
            WriteError: The directory is missing or not writable.
        """
        from ._export_conll import to_conll  # noqa: PLC0415 - layer imported on use

        return to_conll(self, path, kinds=kinds, overwrite=overwrite)

    def to_brat(self, directory: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write a brat standoff directory: ``ID.txt`` and ``ID.ann`` per article, and ``annotation.conf``.

        Raises:
            OverwriteError: ``directory`` holds files and ``overwrite`` is false.
            WriteError: The parent directory is missing or not writable.
        """
        from ._export_conll import to_brat  # noqa: PLC0415 - layer imported on use

        return to_brat(self, directory, overwrite=overwrite)

    def to_records(self, level: str = "mention") -> list[dict[str, Any]]:
        """One table as plain dicts: a row per ``mention``, ``paragraph``, ``section`` or ``article``.

        Raises:
            ExportOptionError: Unknown ``level``.
        """
        from ._export import to_records  # noqa: PLC0415 - layer imported on use

        return to_records(self, level)

    def to_pandas(self, level: str = "mention") -> Any:
        """One table of :meth:`to_records` as a ``pandas.DataFrame`` (extra ``yixian-corpus[pandas]``).

        Raises:
            MissingExtraError: pandas is not installed.
            ExportOptionError: Unknown ``level``.
        """
        from ._export import to_pandas  # noqa: PLC0415 - layer imported on use

        return to_pandas(self, level)

    def to_parquet(self, path: str | os.PathLike[str], *, level: str = "mention", overwrite: bool = False) -> Path:
        """Write one table of :meth:`to_records` as Parquet (extra ``yixian-corpus[parquet]``).

        Raises:
            MissingExtraError: pyarrow is not installed.
            ExportOptionError: Unknown ``level``.
            OverwriteError: ``path`` exists and ``overwrite`` is false.
        """
        from ._export import to_parquet  # noqa: PLC0415 - layer imported on use

        return to_parquet(self, path, level=level, overwrite=overwrite)
