"""Reading a corpus back from a JSON or JSON Lines export: :func:`read`.

Both layouts hold the document of :mod:`yixian_corpus._serialize`; the reader
tells them apart by their first line.  Everything is checked, and a file that
is not a corpus this version can read raises
:class:`~yixian_corpus.CorpusFileError` naming the file, the line and the
problem (:class:`~yixian_corpus.SchemaVersionError` for a newer format).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._corpus import Corpus
from ._serialize import JSONL_LAYOUT, article_from_data, check_header, source_from_data
from .exceptions import CorpusFileError

if TYPE_CHECKING:
    import os
    from collections.abc import Callable

    from ._model import Article, Source

__all__ = ["read"]

# What a malformed value can make the checked readers raise, beside their own ValueError.
_DATA_ERRORS = (ValueError, TypeError, KeyError, AttributeError)
_WHITESPACE = re.compile(r"[ \t\n\r]*")


def read(path: str | os.PathLike[str]) -> Corpus:
    """Read a corpus written by :meth:`Corpus.to_json <yixian_corpus.Corpus.to_json>` or ``to_jsonl``.

    The layout (one JSON document, or JSON Lines with a header line) is
    detected from the content.  ``read`` followed by the same export gives the
    same bytes.

    Args:
        path: The exported file.

    Returns:
        The corpus, with the same articles, sections, mentions and edits.

    Raises:
        CorpusFileError: The file is missing, not UTF-8, not JSON, or not a valid
            corpus; the message names the file and line.
        SchemaVersionError: The file was written by a newer version of the format.

    Example:
        >>> import tempfile, pathlib, yixian_corpus
        >>> corpus = yixian_corpus.Corpus([yixian_corpus.load()["000-donghe"]])
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "donghe.jsonl"
        >>> _ = corpus.to_jsonl(path)
        >>> yixian_corpus.read(path) == corpus
        True
    """
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        msg = "no such file"
        raise CorpusFileError(msg, path=name) from None
    except IsADirectoryError:
        msg = "is a directory, not a corpus file"
        raise CorpusFileError(msg, path=name) from None
    except OSError as error:
        raise CorpusFileError(error.strerror or str(error), path=name) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        msg = f"not UTF-8 text (bad byte at offset {error.start})"
        raise CorpusFileError(msg, path=name, line=raw.count(b"\n", 0, error.start) + 1) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        msg = "empty file, not a corpus"
        raise CorpusFileError(msg, path=name, line=1)
    first_line, _, rest = text.partition("\n")
    try:
        first = json.loads(first_line)
    except ValueError:
        return _read_document(text, name)
    if rest.strip() or (isinstance(first, dict) and first.get("layout") == JSONL_LAYOUT):
        return _read_lines(first, rest, name)
    return _read_document(text, name)


# -- JSON Lines ------------------------------------------------------------------
def _read_lines(header: Any, rest: str, name: str) -> Corpus:
    check_header(header, name)
    if header.get("layout") != JSONL_LAYOUT:
        msg = f'the header line has no "layout": "{JSONL_LAYOUT}" field (is this a JSON document with extra lines?)'
        raise CorpusFileError(msg, path=name, line=1)
    sources = _sources(header.get("sources"), name, lambda _key: 1)
    articles: list[Article] = []
    seen: set[str] = set()
    for number, line in enumerate(rest.split("\n"), start=2):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            msg = f"invalid JSON: {error.msg} (column {error.colno})"
            raise CorpusFileError(msg, path=name, line=number) from None
        articles.append(_article(item, sources, seen, name, functools.partial(int, number)))
    return Corpus(articles)


# -- one JSON document -------------------------------------------------------------
def _read_document(text: str, name: str) -> Corpus:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        msg = f"invalid JSON: {error.msg} (column {error.colno})"
        raise CorpusFileError(msg, path=name, line=error.lineno) from None
    check_header(data, name)
    offsets = _LazyOffsets(text)
    sources = _sources(data.get("sources"), name, lambda key: offsets.line("sources", key))
    items = data.get("articles")
    if not isinstance(items, list):
        msg = 'the document has no "articles" list'
        raise CorpusFileError(msg, path=name, line=offsets.line("articles"))
    seen: set[str] = set()
    articles = [
        _article(item, sources, seen, name, functools.partial(offsets.line, "articles", i))
        for i, item in enumerate(items)
    ]
    return Corpus(articles)


# -- shared ------------------------------------------------------------------------
def _sources(data: Any, name: str, line_of: Callable[[Any], int]) -> dict[str, Source]:
    if not isinstance(data, dict):
        msg = 'missing "sources" object'
        raise CorpusFileError(msg, path=name, line=line_of(None))
    sources = {}
    for key, item in data.items():
        try:
            source = source_from_data(item)
        except _DATA_ERRORS as error:
            msg = f"source {key!r}: {error}"
            raise CorpusFileError(msg, path=name, line=line_of(key)) from None
        if source.name != key:
            msg = f"source {key!r} has the name {source.name!r}"
            raise CorpusFileError(msg, path=name, line=line_of(key))
        sources[key] = source
    return sources


def _article(item: Any, sources: dict[str, Source], seen: set[str], name: str, line: Callable[[], int]) -> Article:
    """Read one article; ``line`` gives its line number, computed only when there is an error to report."""
    label = f"article {item['id']!r}: " if isinstance(item, dict) and isinstance(item.get("id"), str) else ""
    try:
        article = article_from_data(item, sources)
    except _DATA_ERRORS as error:
        msg = f"{label}{error}"
        raise CorpusFileError(msg, path=name, line=line()) from None
    if article.id in seen:
        msg = f"duplicate article id {article.id!r}"
        raise CorpusFileError(msg, path=name, line=line())
    seen.add(article.id)
    return article


class _LazyOffsets:
    """Line numbers of the top-level members of a JSON document, found only when an error needs one."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._children: dict[str, tuple[int, dict[Any, int]]] | None = None

    def line(self, key: str, child: Any = None) -> int:
        if self._children is None:
            try:
                self._children = _top_level_offsets(self._text)
            except (ValueError, IndexError):  # pragma: no cover - json.loads accepted the text
                self._children = {}
        start, children = self._children.get(key, (0, {}))
        offset = children.get(child, start) if child is not None else start
        return self._text.count("\n", 0, offset) + 1


def _skip(text: str, index: int) -> int:
    match = _WHITESPACE.match(text, index)
    return match.end() if match else index


def _top_level_offsets(text: str) -> dict[str, tuple[int, dict[Any, int]]]:
    """For each top-level key: the offset of its value and of each element or member of that value."""
    decoder = json.JSONDecoder()
    result: dict[str, tuple[int, dict[Any, int]]] = {}
    index = _skip(text, 0)
    if text[index] != "{":
        return result
    index = _skip(text, index + 1)
    while text[index] != "}":
        key, index = decoder.raw_decode(text, index)
        index = _skip(text, _skip(text, index) + 1)  # past the colon
        start = index
        children: dict[Any, int] = {}
        if text[index] in "[{":
            closing = "]" if text[index] == "[" else "}"
            index = _skip(text, index + 1)
            position = 0
            while text[index] != closing:
                child_key: Any = position
                if closing == "}":
                    child_key, index = decoder.raw_decode(text, index)
                    index = _skip(text, _skip(text, index) + 1)
                children[child_key] = index
                _, index = decoder.raw_decode(text, index)
                index = _skip(text, index)
                if text[index] == ",":
                    index = _skip(text, index + 1)
                position += 1
            index += 1
        else:
            _, index = decoder.raw_decode(text, index)
        result[key] = (start, children)
        index = _skip(text, index)
        if text[index] == ",":
            index = _skip(text, index + 1)
    return result
