"""The typed, immutable objects of the corpus: articles and their parts.

Every span in this module is a ``(start, end)`` pair of offsets into one
string, the owning article's :attr:`Article.text`.  The child objects keep a
reference to that string (not a copy), so ``span.text`` is always exactly
``article.text[span.start:span.end]``.

This module knows nothing of search, export, extraction or the command line.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING, TypeAlias, Union

import attrs

from .exceptions import UnknownKindError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "Caption",
    "DateValue",
    "Edit",
    "Mention",
    "MentionKind",
    "MentionValue",
    "Paragraph",
    "Quantity",
    "Section",
    "Source",
    "TimeValue",
]


class MentionKind(str, enum.Enum):
    """The nine kinds of mention in the annotation layer.

    A ``MentionKind`` is a :class:`str`, so ``MentionKind.PERSON == "person"``.

    Example:
        >>> MentionKind("person") is MentionKind.PERSON
        True
        >>> MentionKind.parse("ORG")
        <MentionKind.ORGANIZATION: 'organization'>
    """

    PERSON = "person"
    ORGANIZATION = "organization"
    LOCATION = "location"
    DATE = "date"
    TIME = "time"
    QUANTITY = "quantity"
    QUOTE = "quote"
    WORK = "work"
    ROLE = "role"

    def __str__(self) -> str:
        return self.value

    @classmethod
    def parse(cls, value: str | MentionKind) -> MentionKind:
        """Return the kind named by ``value`` (case-insensitive; ``org``, ``loc``, ``per`` accepted).

        Raises:
            UnknownKindError: ``value`` names no kind.
        """
        if isinstance(value, MentionKind):
            return value
        key = str(value).strip().lower()
        key = _KIND_ALIASES.get(key, key)
        try:
            return cls(key)
        except ValueError:
            names = ", ".join(kind.value for kind in cls)
            msg = f"unknown mention kind {value!r}; expected one of: {names}"
            raise UnknownKindError(msg) from None


_KIND_ALIASES = {
    "per": "person",
    "org": "organization",
    "organisation": "organization",
    "loc": "location",
    "place": "location",
    "qty": "quantity",
}


class BlockKind(str, enum.Enum):
    """What one line of :attr:`Article.text` is."""

    TITLE = "title"
    SUBTITLE = "subtitle"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    CAPTION = "caption"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Quantity:
    """The normalized value of a quantity mention.

    Attributes:
        number: The number, exactly (``1.3万`` is ``Decimal("13000")``).
        unit: The unit or measure word (``人``, ``个``, ``平方公里``), or None.
        approximate: True for approximate amounts (``近百``, ``2万余``, ``50多``).

    Example:
        >>> Quantity(Decimal("13000"), "人")
        Quantity(number=Decimal('13000'), unit='人', approximate=False)
    """

    number: Decimal
    unit: str | None = None
    approximate: bool = False


@attrs.frozen
class DateValue:
    """The normalized value of a date mention.

    Attributes:
        iso: An ISO 8601 date or partial date (``2020-02-02``, ``2020-02``, ``2021-07``).
        year_inferred: True when the text gave no year and it was taken from the article's period.
    """

    iso: str
    year_inferred: bool = False


@attrs.frozen
class TimeValue:
    """The normalized value of a time mention.

    Attributes:
        iso: ``HH:MM`` when the text gives a clock time, else None.
        part_of_day: A vague time (``凌晨``, ``深夜``, ``春节期间``) as written, else None.
        approximate: True for ``许``/``多``/``左右`` style times.
    """

    iso: str | None = None
    part_of_day: str | None = None
    approximate: bool = False


MentionValue: TypeAlias = Union[str, Quantity, DateValue, TimeValue, None]  # noqa: UP007 - a runtime alias on 3.10
"""What :attr:`Mention.value` may hold: a canonical name, a structured value, or None."""


@attrs.frozen
class Edit:
    """One change the cleaner made, in the offsets of the raw source text.

    Applying every edit of a :class:`~yixian_corpus.CleanResult` to its raw text
    (replace ``raw[start:end]`` by ``new``) gives the clean text.

    Attributes:
        rule: The name of the rule that made the change (``punct-shift``, ``reflow``, …).
        start: Start offset in the raw text.
        end: End offset in the raw text.
        old: The raw text that was replaced (``raw[start:end]``).
        new: What replaced it (empty for a deletion).
    """

    rule: str
    start: int
    end: int
    old: str
    new: str

    def __repr__(self) -> str:
        return f"Edit({self.rule!r}, {self.start}:{self.end}, {self.old!r} -> {self.new!r})"


@attrs.frozen
class Source:
    """Where an article comes from.

    Attributes:
        name: The seed file name, e.g. ``001_e322b7ad07317845.txt``.
        raw: The verbatim raw text of the whole file (shared by articles from one file).
        publication: The outlet that printed the article, where known.
        provider: Who supplied the text (``供稿``), where known.
        editor: The responsible editor (``责任编辑``), where known.
        breadcrumb: The web page's navigation trail, where the scrape kept one.
    """

    name: str
    raw: str = attrs.field(repr=False)
    publication: str | None = None
    provider: str | None = None
    editor: str | None = None
    breadcrumb: str | None = None


def _to_kind(value: str | MentionKind) -> MentionKind:
    return MentionKind.parse(value)


@attrs.frozen
class Mention:
    """A span of :attr:`Article.text` that names a person, place, date, ….

    Attributes:
        kind: What the mention is.
        text: The covered text, exactly ``article.text[start:end]``.
        start: Start offset.
        end: End offset.
        value: The normalized value (canonical name, :class:`Quantity`, …) or None.
        article_id: The id of the article the mention belongs to (None for text
            passed to :func:`~yixian_corpus.extract_mentions`).
    """

    kind: MentionKind = attrs.field(converter=_to_kind)
    text: str
    start: int
    end: int
    value: MentionValue = None
    article_id: str | None = None

    def __repr__(self) -> str:
        value = "" if self.value is None else f" value={self.value!r}"
        return f"<Mention {self.kind.value} {self.text!r} {self.start}:{self.end}{value}>"

    @property
    def key(self) -> str:
        """The canonical key used to group mentions of one entity (value if it is a name, else text)."""
        return self.value if isinstance(self.value, str) else self.text


def _mentions_within(mentions: Iterable[Mention], start: int, end: int) -> tuple[Mention, ...]:
    return tuple(m for m in mentions if start <= m.start and m.end <= end)


@attrs.frozen
class Block:
    """One line of :attr:`Article.text`: a title, subtitle, heading, paragraph or caption.

    Attributes:
        kind: What the line is.
        start: Start offset in :attr:`Article.text`.
        end: End offset.
        raw_start: Where the material of the line begins in :attr:`Source.raw` (None if unknown).
        raw_end: Where it ends in :attr:`Source.raw` (None if unknown).
    """

    kind: BlockKind = attrs.field(converter=BlockKind)
    start: int
    end: int
    _doc: str = attrs.field(repr=False, eq=False)
    raw_start: int | None = None
    raw_end: int | None = None

    @property
    def text(self) -> str:
        """The block's text."""
        return self._doc[self.start : self.end]


@attrs.frozen(repr=False)
class _Span:
    """A stretch of :attr:`Article.text` (the base of paragraphs and captions)."""

    start: int
    end: int
    _doc: str = attrs.field(eq=False)

    @property
    def text(self) -> str:
        """The covered text, exactly ``article.text[start:end]``."""
        return self._doc[self.start : self.end]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.start}:{self.end} {_preview(self.text)}>"


@attrs.frozen(repr=False)
class Paragraph(_Span):
    """A paragraph of running text.

    Attributes:
        start: Start offset in :attr:`Article.text`.
        end: End offset.
    """


@attrs.frozen(repr=False)
class Caption(_Span):
    """A photo caption: its own block, never inside a paragraph.

    Attributes:
        start: Start offset in :attr:`Article.text`.
        end: End offset.
    """


@attrs.frozen(repr=False)
class Section:
    """A titled part of an article, or its untitled lead (``heading is None``).

    Attributes:
        heading: The section heading, or None for an untitled lead or body.
        start: Start offset in :attr:`Article.text` (of the heading if there is one).
        end: End offset (of the last paragraph or caption).
        paragraphs: The section's paragraphs, in order.
        captions: Captions that stand inside the section.
        mentions: Mentions inside the section (heading included).
    """

    heading: str | None
    start: int
    end: int
    paragraphs: tuple[Paragraph, ...]
    captions: tuple[Caption, ...] = ()
    mentions: tuple[Mention, ...] = ()
    _doc: str = attrs.field(default="", eq=False)

    @property
    def text(self) -> str:
        """The section's text (heading, paragraphs and captions, one per line)."""
        return self._doc[self.start : self.end]

    def __repr__(self) -> str:
        heading = "(untitled)" if self.heading is None else repr(self.heading)
        return f"<Section {heading} {self.start}:{self.end} paragraphs={len(self.paragraphs)}>"


@attrs.frozen(repr=False)
class Article:
    """One news report, cleaned and structured.

    ``text`` is the canonical text: title, subtitle, headings, paragraphs and
    captions in reading order, one per line.  Every span of the article (block,
    section, paragraph, caption, mention, search hit) indexes into it.

    Attributes:
        id: A stable, readable slug such as ``001-qingshan``.
        title: The headline.
        subtitle: The subtitle (``——…`` line, kicker or deck), or None.
        authors: The bylined authors, in order (may be empty).
        source: Provenance: seed file name, raw text, outlet, provider, editor.
        text: The canonical text.
        blocks: Every line of ``text`` with what it is.
        sections: The sections in order; an untitled lead comes first.
        captions: All photo captions, in reading order.
        mentions: The curated mentions, sorted by offset.
        edits: The changes from the raw text that concern this article, in raw order.
        region: Where the reported work took place (province, city, district).
        organs: The political-legal organs the article is about (``justice``, ``court``, …).
        date: The publication date (ISO 8601) where known, else None.
        period: The period the reported work covers (ISO 8601 interval, e.g. ``2020-01/2020-03``).
    """

    id: str
    title: str
    subtitle: str | None
    authors: tuple[str, ...]
    source: Source
    text: str
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    captions: tuple[Caption, ...] = ()
    mentions: tuple[Mention, ...] = ()
    edits: tuple[Edit, ...] = ()
    region: str | None = None
    organs: tuple[str, ...] = ()
    date: str | None = None
    period: str | None = None

    def __repr__(self) -> str:
        return f"<Article {self.id!r} {self.title!r} sections={len(self.sections)} chars={len(self.text)}>"

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every paragraph of every section, in order."""
        return tuple(p for section in self.sections for p in section.paragraphs)

    @property
    def year(self) -> int | None:
        """The first year of the period (or of the date), or None."""
        stamp = self.period or self.date
        return int(stamp[:4]) if stamp else None

    def section_at(self, offset: int) -> Section | None:
        """The section that contains ``offset`` of :attr:`text` (None for title/subtitle)."""
        for section in self.sections:
            if section.start <= offset < section.end or (offset == section.end == section.start):
                return section
        return None

    def mentions_of(self, kind: MentionKind | str | None = None) -> tuple[Mention, ...]:
        """The article's mentions, optionally of one kind only."""
        if kind is None:
            return self.mentions
        wanted = MentionKind.parse(kind)
        return tuple(m for m in self.mentions if m.kind is wanted)


def _preview(text: str, width: int = 16) -> str:
    return repr(text if len(text) <= width else text[:width] + "…")
