"""Corpus ⇄ plain JSON-able data, one format for the bundled data and for exports.

The document is ``{"format": "yixian-corpus", "schema_version": N, "sources":
{name: {...}}, "articles": [...]}``.  Spans are stored as offsets only; texts
of paragraphs and sections are slices of the article text, so they cannot
drift.  :func:`corpus_from_data` checks everything it reads and raises
:class:`~yixian_corpus.CorpusFileError` naming what is wrong.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from ._corpus import Corpus
from ._model import (
    Article,
    Block,
    BlockKind,
    Caption,
    DateValue,
    Edit,
    Mention,
    MentionKind,
    MentionValue,
    Paragraph,
    Quantity,
    Section,
    Source,
    TimeValue,
    _mentions_within,
)
from .exceptions import CorpusFileError, SchemaVersionError, UnknownKindError

__all__ = [
    "FORMAT_NAME",
    "JSONL_LAYOUT",
    "SCHEMA_VERSION",
    "article_from_data",
    "article_to_data",
    "corpus_from_data",
    "corpus_to_data",
    "jsonl_header_to_data",
    "source_to_data",
    "value_from_data",
    "value_to_data",
]

FORMAT_NAME = "yixian-corpus"
SCHEMA_VERSION = 1
JSONL_LAYOUT = "jsonl"
"""The ``layout`` of a JSON Lines export: line 1 is a header (format, version, sources), then one article per line."""


# -- values -------------------------------------------------------------------
def value_to_data(value: MentionValue) -> Any:
    """A mention value as JSON-able data."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, Quantity):
        return {"type": "quantity", "number": str(value.number), "unit": value.unit, "approximate": value.approximate}
    if isinstance(value, DateValue):
        return {"type": "date", "iso": value.iso, "year_inferred": value.year_inferred}
    if isinstance(value, TimeValue):
        return {
            "type": "time",
            "iso": value.iso,
            "part_of_day": value.part_of_day,
            "approximate": value.approximate,
        }
    msg = f"cannot serialize mention value {value!r}"
    raise TypeError(msg)


def value_from_data(data: Any) -> MentionValue:
    """The inverse of :func:`value_to_data`; raises ``ValueError`` on bad data."""
    if data is None or isinstance(data, str):
        return data
    if not isinstance(data, dict):
        msg = f"a mention value must be null, a string or an object, not {type(data).__name__}"
        raise ValueError(msg)  # noqa: TRY004 - reported as a file error by the caller
    kind = data.get("type")
    if kind == "quantity":
        try:
            number = Decimal(_need(data, "number", str))
        except InvalidOperation:
            msg = f"bad quantity number {data.get('number')!r}"
            raise ValueError(msg) from None
        return Quantity(number, _opt(data, "unit", str), bool(_need(data, "approximate", bool)))
    if kind == "date":
        return DateValue(_need(data, "iso", str), bool(_need(data, "year_inferred", bool)))
    if kind == "time":
        return TimeValue(_opt(data, "iso", str), _opt(data, "part_of_day", str), bool(_need(data, "approximate", bool)))
    msg = f"unknown mention value type {kind!r}"
    raise ValueError(msg)


def _need(data: dict[str, Any], key: str, typ: type) -> Any:
    if key not in data:
        msg = f"missing field {key!r}"
        raise ValueError(msg)
    value = data[key]
    if not isinstance(value, typ) or (typ is int and isinstance(value, bool)):
        msg = f"field {key!r} must be {typ.__name__}, not {type(value).__name__}"
        raise ValueError(msg)
    return value


def _opt(data: dict[str, Any], key: str, typ: type) -> Any:
    value = data.get(key)
    if value is None:
        return None
    return _need(data, key, typ)


# -- writing ------------------------------------------------------------------
def source_to_data(source: Source) -> dict[str, Any]:
    """A source as JSON-able data (raw text included)."""
    return {
        "name": source.name,
        "publication": source.publication,
        "provider": source.provider,
        "editor": source.editor,
        "breadcrumb": source.breadcrumb,
        "raw": source.raw,
    }


def article_to_data(article: Article) -> dict[str, Any]:
    """An article as JSON-able data; the source is referred to by name."""
    return {
        "id": article.id,
        "title": article.title,
        "subtitle": article.subtitle,
        "authors": list(article.authors),
        "source": article.source.name,
        "region": article.region,
        "organs": list(article.organs),
        "date": article.date,
        "period": article.period,
        "text": article.text,
        "blocks": [[b.kind.value, b.start, b.end, b.raw_start, b.raw_end] for b in article.blocks],
        "sections": [
            {
                "heading": s.heading,
                "start": s.start,
                "end": s.end,
                "paragraphs": [[p.start, p.end] for p in s.paragraphs],
                "captions": [[c.start, c.end] for c in s.captions],
            }
            for s in article.sections
        ],
        "captions": [[c.start, c.end] for c in article.captions],
        "mentions": [
            {"kind": m.kind.value, "start": m.start, "end": m.end, "text": m.text, "value": value_to_data(m.value)}
            # The reader sorts mentions this way, so write them so: export -> read -> export is byte-identical.
            for m in sorted(article.mentions, key=lambda m: (m.start, m.end, m.kind.value))
        ],
        "edits": [[e.rule, e.start, e.end, e.old, e.new] for e in article.edits],
    }


def _sources_to_data(corpus: Corpus) -> dict[str, Any]:
    sources: dict[str, Any] = {}
    for article in corpus:
        sources.setdefault(article.source.name, source_to_data(article.source))
    return sources


def corpus_to_data(corpus: Corpus) -> dict[str, Any]:
    """The whole corpus as one JSON-able document."""
    return {
        "format": FORMAT_NAME,
        "schema_version": SCHEMA_VERSION,
        "sources": _sources_to_data(corpus),
        "articles": [article_to_data(a) for a in corpus],
    }


def jsonl_header_to_data(corpus: Corpus) -> dict[str, Any]:
    """The first line of a JSON Lines export: the document fields of :func:`corpus_to_data` but the articles.

    Each following line is one :func:`article_to_data` object.
    """
    return {
        "format": FORMAT_NAME,
        "schema_version": SCHEMA_VERSION,
        "layout": JSONL_LAYOUT,
        "sources": _sources_to_data(corpus),
    }


# -- reading ------------------------------------------------------------------
def check_header(data: Any, path: str | None = None) -> None:
    """Raise unless ``data`` is a document header this version can read."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        msg = f'not a {FORMAT_NAME} document (no "format": "{FORMAT_NAME}" field)'
        raise CorpusFileError(msg, path=path, line=1 if path else None)
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        msg = f"bad schema_version {version!r}"
        raise CorpusFileError(msg, path=path, line=1 if path else None)
    if version > SCHEMA_VERSION:
        msg = (
            f"schema_version {version} is newer than this library understands ({SCHEMA_VERSION}); "
            "upgrade yixian-corpus to read it"
        )
        raise SchemaVersionError(msg, path=path, line=1 if path else None)


def source_from_data(data: Any) -> Source:
    """Read one source; raises ``ValueError`` on bad data."""
    if not isinstance(data, dict):
        msg = "a source must be an object"
        raise ValueError(msg)  # noqa: TRY004 - reported as a file error by the caller
    return Source(
        name=_need(data, "name", str),
        raw=_need(data, "raw", str),
        publication=_opt(data, "publication", str),
        provider=_opt(data, "provider", str),
        editor=_opt(data, "editor", str),
        breadcrumb=_opt(data, "breadcrumb", str),
    )


def _span(value: Any, length: int, what: str) -> tuple[int, int]:
    if (
        not isinstance(value, list)
        or len(value) != 2  # noqa: PLR2004 - a span is a pair
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        msg = f"{what} must be a [start, end] pair of integers, not {value!r}"
        raise ValueError(msg)
    start, end = value
    _check_span(start, end, length, what)
    return start, end


def _check_span(start: int, end: int, length: int, what: str) -> None:
    if not 0 <= start <= end <= length:
        msg = f"{what} span {start}:{end} is outside the article text (length {length})"
        raise ValueError(msg)


def article_from_data(data: Any, sources: dict[str, Source]) -> Article:  # noqa: C901, PLR0912, PLR0915 - one flat reader
    """Read one article; raises ``ValueError`` (with a precise message) on bad data."""
    if not isinstance(data, dict):
        msg = "an article must be an object"
        raise ValueError(msg)  # noqa: TRY004 - reported as a file error by the caller
    article_id = _need(data, "id", str)
    text = _need(data, "text", str)
    length = len(text)
    source_name = _need(data, "source", str)
    if source_name not in sources:
        msg = f"article {article_id!r} names unknown source {source_name!r}"
        raise ValueError(msg)
    blocks = []
    for item in _need(data, "blocks", list):
        if not isinstance(item, list) or len(item) != 5:  # noqa: PLR2004 - kind, start, end, raw_start, raw_end
            msg = f"a block must be [kind, start, end, raw_start, raw_end], not {item!r}"
            raise ValueError(msg)
        kind, start, end, raw_start, raw_end = item
        if not all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in (raw_start, raw_end)):
            msg = f"a block's raw span must be integers or null, not {item!r}"
            raise ValueError(msg)
        try:
            block_kind = BlockKind(kind)
        except ValueError:
            msg = f"unknown block kind {kind!r}"
            raise ValueError(msg) from None
        _span([start, end], length, "block")
        blocks.append(Block(block_kind, start, end, text, raw_start, raw_end))
    mentions = []
    for item in _need(data, "mentions", list):
        if not isinstance(item, dict):
            msg = "a mention must be an object"
            raise ValueError(msg)  # noqa: TRY004 - reported as a file error by the caller
        start, end = _need(item, "start", int), _need(item, "end", int)
        _check_span(start, end, length, "mention")
        surface = _need(item, "text", str)
        if text[start:end] != surface:
            msg = f"mention text {surface!r} does not match the article text at {start}:{end} ({text[start:end]!r})"
            raise ValueError(msg)
        try:
            kind = MentionKind.parse(_need(item, "kind", str))
        except UnknownKindError as error:
            raise ValueError(str(error)) from None
        mentions.append(Mention(kind, surface, start, end, value_from_data(item.get("value")), article_id))
    mentions.sort(key=lambda m: (m.start, m.end, m.kind.value))
    mention_tuple = tuple(mentions)
    sections = []
    for item in _need(data, "sections", list):
        if not isinstance(item, dict):
            msg = "a section must be an object"
            raise ValueError(msg)  # noqa: TRY004 - reported as a file error by the caller
        start, end = _need(item, "start", int), _need(item, "end", int)
        _check_span(start, end, length, "section")
        paragraphs = tuple(Paragraph(*_span(p, length, "paragraph"), text) for p in _need(item, "paragraphs", list))
        captions = tuple(Caption(*_span(c, length, "caption"), text) for c in item.get("captions", []))
        sections.append(
            Section(
                _opt(item, "heading", str),
                start,
                end,
                paragraphs,
                captions,
                _mentions_within(mention_tuple, start, end),
                text,
            )
        )
    captions = tuple(Caption(*_span(c, length, "caption"), text) for c in _need(data, "captions", list))
    edits = []
    for item in _need(data, "edits", list):
        if (
            not isinstance(item, list)
            or len(item) != 5  # noqa: PLR2004 - rule, start, end, old, new
            or not isinstance(item[0], str)
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in item[1:3])
            or not all(isinstance(v, str) for v in item[3:])
        ):
            msg = f"an edit must be [rule, start, end, old, new], not {item!r}"
            raise ValueError(msg)
        edits.append(Edit(*item))
    authors = _need(data, "authors", list)
    organs = _need(data, "organs", list)
    if not all(isinstance(a, str) for a in authors) or not all(isinstance(o, str) for o in organs):
        msg = "authors and organs must be lists of strings"
        raise ValueError(msg)
    return Article(
        id=article_id,
        title=_need(data, "title", str),
        subtitle=_opt(data, "subtitle", str),
        authors=tuple(authors),
        source=sources[source_name],
        text=text,
        blocks=tuple(blocks),
        sections=tuple(sections),
        captions=captions,
        mentions=mention_tuple,
        edits=tuple(edits),
        region=_opt(data, "region", str),
        organs=tuple(organs),
        date=_opt(data, "date", str),
        period=_opt(data, "period", str),
    )


def corpus_from_data(data: Any, path: str | None = None) -> Corpus:
    """Read a whole document written by :func:`corpus_to_data`.

    Raises:
        CorpusFileError: The data is not a valid corpus document.
        SchemaVersionError: The document is from a newer format version.
    """
    check_header(data, path)
    try:
        raw_sources = _need(data, "sources", dict)
        sources = {name: source_from_data(item) for name, item in raw_sources.items()}
        articles = [article_from_data(item, sources) for item in _need(data, "articles", list)]
        return Corpus(articles)
    except (ValueError, TypeError) as error:
        raise CorpusFileError(str(error), path=path) from None
