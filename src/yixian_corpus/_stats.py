r"""Statistics of a corpus: counts of articles, sections, paragraphs, characters and mentions.

:func:`corpus_stats` (also :meth:`Corpus.stats <yixian_corpus.Corpus.stats>`)
returns a frozen :class:`Stats`: ``print()`` it for a table, call
:meth:`Stats.to_dict` for JSON-able data.

Characters are counted in :attr:`Article.text <yixian_corpus.Article.text>`
without its line breaks (the text of the title, subtitle, headings,
paragraphs and captions); Han characters are those of the Unicode script Han
(``\p{Han}``: Chinese characters, not punctuation or digits).

Example:
    >>> from yixian_corpus._search import _demo_corpus
    >>> stats = corpus_stats(_demo_corpus())
    >>> stats.articles, stats.characters, stats.han_characters
    (1, 33, 28)
    >>> stats.mentions["person"]
    2
    >>> stats.top_entities["person"]
    (('张三', 2),)
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any

import attrs

from ._kwic import display_width, pad_right
from ._model import Article, MentionKind
from .exceptions import SearchOptionError

if TYPE_CHECKING:
    from ._corpus import Corpus

__all__ = ["ArticleStats", "Stats", "corpus_stats"]

TOP: int = 10
"""How many most frequent entities per kind :func:`corpus_stats` keeps by default."""


def _kind_counts() -> dict[str, int]:
    return {kind.value: 0 for kind in MentionKind}


@attrs.frozen
class ArticleStats:
    """The counts of one article (a row of :attr:`Stats.rows`).

    Attributes:
        id: The article id.
        title: The article title.
        sections: Number of sections (an untitled lead counts).
        paragraphs: Number of paragraphs.
        captions: Number of photo captions.
        characters: Characters of the text, line breaks excluded.
        han_characters: Han (Chinese) characters of the text.
        mentions: Mentions per kind (every kind present, zeros included).
    """

    id: str
    title: str
    sections: int
    paragraphs: int
    captions: int
    characters: int
    han_characters: int
    mentions: dict[str, int] = attrs.field(eq=True, hash=False)

    @property
    def mention_count(self) -> int:
        """All mentions of the article."""
        return sum(self.mentions.values())

    def to_dict(self) -> dict[str, Any]:
        """The row as JSON-able data."""
        return {
            "id": self.id,
            "title": self.title,
            "sections": self.sections,
            "paragraphs": self.paragraphs,
            "captions": self.captions,
            "characters": self.characters,
            "han_characters": self.han_characters,
            "mentions": dict(self.mentions),
        }


@attrs.frozen
class Stats:
    """Counts over a whole corpus, with one row per article.

    Attributes:
        articles: Number of articles.
        sections: Number of sections.
        paragraphs: Number of paragraphs.
        captions: Number of photo captions.
        characters: Characters of all texts, line breaks excluded.
        han_characters: Han (Chinese) characters of all texts.
        mentions: Mentions per kind, every kind present (zeros included), in :class:`~yixian_corpus.MentionKind` order.
        top_entities: Per kind, the most frequent entities (by
            :attr:`Mention.key <yixian_corpus.Mention.key>`) as ``(key, count)`` pairs,
            most frequent first (ties in order of first appearance).
        rows: One :class:`ArticleStats` per article, in corpus order.
    """

    articles: int
    sections: int
    paragraphs: int
    captions: int
    characters: int
    han_characters: int
    mentions: dict[str, int] = attrs.field(hash=False)
    top_entities: dict[str, tuple[tuple[str, int], ...]] = attrs.field(hash=False)
    rows: tuple[ArticleStats, ...] = attrs.field(hash=False)

    @property
    def mention_count(self) -> int:
        """All mentions of the corpus."""
        return sum(self.mentions.values())

    def to_dict(self) -> dict[str, Any]:
        """The statistics as JSON-able data (``json.dumps`` works on it)."""
        return {
            "articles": self.articles,
            "sections": self.sections,
            "paragraphs": self.paragraphs,
            "captions": self.captions,
            "characters": self.characters,
            "han_characters": self.han_characters,
            "mentions": dict(self.mentions),
            "top_entities": {kind: [[key, count] for key, count in pairs] for kind, pairs in self.top_entities.items()},
            "rows": [row.to_dict() for row in self.rows],
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as a JSON document (UTF-8 characters kept, indented)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def __str__(self) -> str:
        lines = [
            f"articles     {self.articles}",
            f"sections     {self.sections}",
            f"paragraphs   {self.paragraphs}",
            f"captions     {self.captions}",
            f"characters   {self.characters} ({self.han_characters} Han)",
            f"mentions     {self.mention_count}",
        ]
        lines.extend(f"  {kind:<13}{count}" for kind, count in self.mentions.items())
        if any(self.top_entities.values()):
            lines.append("")
            lines.append("most frequent entities")
            for kind, pairs in self.top_entities.items():
                if pairs:
                    lines.append(f"  {kind:<13}" + "、".join(f"{key} {count}" for key, count in pairs))
        lines.append("")
        lines.extend(_table(self.rows))
        return "\n".join(lines)


def _table(rows: tuple[ArticleStats, ...]) -> list[str]:
    header = ["id", "sections", "paragraphs", "captions", "chars", "han", "mentions", "title"]
    cells = [
        [
            row.id,
            str(row.sections),
            str(row.paragraphs),
            str(row.captions),
            str(row.characters),
            str(row.han_characters),
            str(row.mention_count),
            row.title,
        ]
        for row in rows
    ]
    widths = [max([display_width(header[i])] + [display_width(c[i]) for c in cells]) for i in range(len(header) - 1)]

    def line(values: list[str]) -> str:
        first = pad_right(values[0], widths[0])
        numbers = [" " * (widths[i] - display_width(values[i])) + values[i] for i in range(1, len(values) - 1)]
        return "  ".join([first, *numbers, values[-1]])

    return [line(header)] + [line(c) for c in cells]


def _han_count(text: str) -> int:
    import regex  # noqa: PLC0415 - statistics only

    return len(regex.findall(r"\p{Han}", text))


def _article_stats(article: Article) -> ArticleStats:
    mentions = _kind_counts()
    for mention in article.mentions:
        mentions[mention.kind.value] += 1
    text = article.text
    return ArticleStats(
        id=article.id,
        title=article.title,
        sections=len(article.sections),
        paragraphs=sum(len(s.paragraphs) for s in article.sections),
        captions=len(article.captions),
        characters=len(text) - text.count("\n"),
        han_characters=_han_count(text),
        mentions=mentions,
    )


def _check_top(top: object) -> None:
    if not isinstance(top, int) or isinstance(top, bool) or top < 0:
        msg = f"top must be a non-negative integer, not {top!r}"
        raise SearchOptionError(msg)


def corpus_stats(corpus: Corpus, *, top: int = TOP) -> Stats:
    """Count the articles, sections, paragraphs, characters and mentions of ``corpus``.

    Args:
        corpus: The corpus to describe.
        top: How many most frequent entities to keep per kind.

    Returns:
        A frozen :class:`Stats`.

    Raises:
        SearchOptionError: ``top`` is not a non-negative integer.
    """
    _check_top(top)
    rows = tuple(_article_stats(a) for a in corpus)
    mentions = _kind_counts()
    counters: dict[str, Counter[str]] = {kind.value: Counter() for kind in MentionKind}
    for article in corpus:
        for mention in article.mentions:
            mentions[mention.kind.value] += 1
            counters[mention.kind.value][mention.key] += 1
    return Stats(
        articles=len(rows),
        sections=sum(r.sections for r in rows),
        paragraphs=sum(r.paragraphs for r in rows),
        captions=sum(r.captions for r in rows),
        characters=sum(r.characters for r in rows),
        han_characters=sum(r.han_characters for r in rows),
        mentions=mentions,
        top_entities={kind: tuple(counter.most_common(top)) for kind, counter in counters.items()},
        rows=rows,
    )
