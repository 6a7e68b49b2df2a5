"""Exports of a :class:`~yixian_corpus.Corpus`: JSON, JSON Lines, tables (records, CSV, pandas, Parquet).

The XML, SQLite and annotation-tool formats live in their own modules
(``_export_tei``, ``_export_sqlite``, ``_export_conll``); :func:`export` is the
one door to all of them, used by the ``Corpus.to_*`` methods and the CLI.

Every file is written atomically (see :mod:`yixian_corpus._atomic`) and an
existing file is replaced only with ``overwrite=True``.
"""

from __future__ import annotations

import csv
import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._atomic import atomic_path, atomic_write
from ._serialize import article_to_data, corpus_to_data, jsonl_header_to_data
from .exceptions import ExportOptionError, MissingExtraError

if TYPE_CHECKING:
    import os
    from collections.abc import Iterator

    from ._corpus import Corpus
    from ._model import Article, Mention

__all__ = [
    "FORMATS",
    "LEVELS",
    "export",
    "to_csv",
    "to_json",
    "to_jsonl",
    "to_pandas",
    "to_parquet",
    "to_records",
]

FORMATS = ("json", "jsonl", "csv", "sqlite", "tei", "conll", "brat", "parquet")
"""The formats :func:`export` (and ``yixian-corpus export --format``) can write."""

# Column name -> type ("str", "int", "bool", "list") for each table level, in column order.
_COLUMNS: dict[str, dict[str, str]] = {
    "article": {
        "article_id": "str",
        "title": "str",
        "subtitle": "str",
        "authors": "list",
        "source": "str",
        "publication": "str",
        "provider": "str",
        "editor": "str",
        "region": "str",
        "organs": "list",
        "date": "str",
        "period": "str",
        "sections": "int",
        "paragraphs": "int",
        "captions": "int",
        "mentions": "int",
        "chars": "int",
        "text": "str",
    },
    "section": {
        "article_id": "str",
        "section": "int",
        "heading": "str",
        "start": "int",
        "end": "int",
        "paragraphs": "int",
        "captions": "int",
        "mentions": "int",
        "text": "str",
    },
    "paragraph": {
        "article_id": "str",
        "section": "int",
        "paragraph": "int",
        "heading": "str",
        "start": "int",
        "end": "int",
        "text": "str",
    },
    "mention": {
        "article_id": "str",
        "section": "int",
        "kind": "str",
        "text": "str",
        "start": "int",
        "end": "int",
        "value_type": "str",
        "value": "str",
        "unit": "str",
        "approximate": "bool",
        "year_inferred": "bool",
        "part_of_day": "str",
    },
}

LEVELS = tuple(_COLUMNS)
"""The table levels of :func:`to_records`, :func:`to_csv`, :func:`to_pandas` and :func:`to_parquet`."""


def _check_level(level: str) -> dict[str, str]:
    try:
        return _COLUMNS[level]
    except (KeyError, TypeError):
        msg = f"unknown level {level!r}; expected one of: {', '.join(LEVELS)}"
        raise ExportOptionError(msg) from None


# -- JSON -------------------------------------------------------------------------------
def _json_lines(data: dict[str, Any]) -> Iterator[str]:
    """A JSON document with one member of each top-level object or array per line (C-encoder fast, diffable)."""
    dump = functools.partial(json.dumps, ensure_ascii=False)
    yield "{"
    for position, (key, value) in enumerate(data.items()):
        yield ("\n" if position == 0 else ",\n") + f"{dump(key)}: "
        if isinstance(value, dict) and value:
            yield "{\n" + ",\n".join(f"{dump(k)}: {dump(v)}" for k, v in value.items()) + "\n}"
        elif isinstance(value, list) and value:
            yield "[\n" + ",\n".join(dump(item) for item in value) + "\n]"
        else:
            yield dump(value)
    yield "\n}\n"


def to_json(corpus: Corpus, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    r"""Write the whole corpus as one JSON document (the format of the bundled data).

    UTF-8 with real characters (no ``\uXXXX`` escapes), ``"schema_version"``
    at the top; see ``yixian_corpus/data/corpus.schema.json``.  Each source and
    each article is on a line of its own, so the file diffs well and an error
    is reported at the line of its article.  Read it back with
    :func:`yixian_corpus.read`.

    Args:
        corpus: The corpus (or a filtered part of it).
        path: The file to write.
        overwrite: Replace ``path`` if it exists.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.
    """
    with atomic_write(path, overwrite=overwrite) as handle:
        handle.writelines(_json_lines(corpus_to_data(corpus)))
    return Path(path)


def to_jsonl(corpus: Corpus, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write the corpus as JSON Lines: a header line, then one article per line.

    Line 1 holds ``format``, ``schema_version``, ``"layout": "jsonl"`` and the
    ``sources``; every further line is one article object of the JSON
    document.  Read it back with :func:`yixian_corpus.read`.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.
    """
    with atomic_write(path, overwrite=overwrite) as handle:
        handle.write(json.dumps(jsonl_header_to_data(corpus), ensure_ascii=False))
        handle.write("\n")
        for article in corpus:
            handle.write(json.dumps(article_to_data(article), ensure_ascii=False))
            handle.write("\n")
    return Path(path)


# -- records ------------------------------------------------------------------------------
def _section_index(article: Article, offset: int) -> int | None:
    for index, section in enumerate(article.sections):
        if section.start <= offset < section.end or offset == section.start == section.end:
            return index
    return None


def _mention_record(article: Article, mention: Mention) -> dict[str, Any]:
    from ._model import DateValue, Quantity, TimeValue  # noqa: PLC0415 - cheap, keeps the header light

    value = mention.value
    record: dict[str, Any] = {
        "article_id": article.id,
        "section": _section_index(article, mention.start),
        "kind": mention.kind.value,
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "value_type": None,
        "value": None,
        "unit": None,
        "approximate": None,
        "year_inferred": None,
        "part_of_day": None,
    }
    if isinstance(value, str):
        record.update(value_type="name", value=value)
    elif isinstance(value, Quantity):
        record.update(value_type="quantity", value=str(value.number), unit=value.unit, approximate=value.approximate)
    elif isinstance(value, DateValue):
        record.update(value_type="date", value=value.iso, year_inferred=value.year_inferred)
    elif isinstance(value, TimeValue):
        record.update(value_type="time", value=value.iso, part_of_day=value.part_of_day, approximate=value.approximate)
    return record


def _records(corpus: Corpus, level: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for article in corpus:
        if level == "article":
            records.append(
                {
                    "article_id": article.id,
                    "title": article.title,
                    "subtitle": article.subtitle,
                    "authors": list(article.authors),
                    "source": article.source.name,
                    "publication": article.source.publication,
                    "provider": article.source.provider,
                    "editor": article.source.editor,
                    "region": article.region,
                    "organs": list(article.organs),
                    "date": article.date,
                    "period": article.period,
                    "sections": len(article.sections),
                    "paragraphs": len(article.paragraphs),
                    "captions": len(article.captions),
                    "mentions": len(article.mentions),
                    "chars": len(article.text),
                    "text": article.text,
                }
            )
        elif level == "section":
            records.extend(
                {
                    "article_id": article.id,
                    "section": index,
                    "heading": section.heading,
                    "start": section.start,
                    "end": section.end,
                    "paragraphs": len(section.paragraphs),
                    "captions": len(section.captions),
                    "mentions": len(section.mentions),
                    "text": section.text,
                }
                for index, section in enumerate(article.sections)
            )
        elif level == "paragraph":
            number = 0
            for index, section in enumerate(article.sections):
                for paragraph in section.paragraphs:
                    records.append(
                        {
                            "article_id": article.id,
                            "section": index,
                            "paragraph": number,
                            "heading": section.heading,
                            "start": paragraph.start,
                            "end": paragraph.end,
                            "text": paragraph.text,
                        }
                    )
                    number += 1
        else:
            records.extend(_mention_record(article, m) for m in article.mentions)
    return records


def to_records(corpus: Corpus, level: str = "mention") -> list[dict[str, Any]]:
    """The corpus as a table of plain dicts, one per mention, paragraph, section or article.

    Every dict of a level has the same keys in the same order (the columns of
    :func:`to_csv` and :func:`to_pandas`).  ``section`` and ``paragraph`` are
    0-based positions in the article; offsets index ``article.text``.  A
    mention's ``value`` is its canonical name, ISO date or time, or the exact
    number of a quantity as a string; ``value_type`` says which.

    Args:
        corpus: The corpus.
        level: ``"mention"``, ``"paragraph"``, ``"section"`` or ``"article"``.

    Raises:
        ExportOptionError: ``level`` is not one of those.
    """
    _check_level(level)
    return _records(corpus, level)


# -- CSV --------------------------------------------------------------------------------------
def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


def to_csv(
    corpus: Corpus,
    path: str | os.PathLike[str],
    *,
    level: str = "mention",
    bom: bool = False,
    overwrite: bool = False,
) -> Path:
    """Write one table of :func:`to_records` as CSV (RFC 4180, UTF-8, a header row).

    Empty cells mean None; booleans are ``true``/``false``; lists (authors,
    organs) are joined with ``"; "``.

    Args:
        corpus: The corpus.
        path: The file to write.
        level: ``"mention"``, ``"paragraph"``, ``"section"`` or ``"article"``.
        bom: Start with a UTF-8 byte-order mark, so that Excel reads the Chinese text correctly.
        overwrite: Replace ``path`` if it exists.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.
    """
    columns = _check_level(level)
    records = _records(corpus, level)
    with atomic_write(path, overwrite=overwrite) as handle:
        if bom:
            handle.write("\ufeff")
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows([_csv_cell(record[column]) for column in columns] for record in records)
    return Path(path)


# -- pandas / Parquet ------------------------------------------------------------------------------
def _require(module: str, extra: str) -> Any:
    import importlib  # noqa: PLC0415

    try:
        return importlib.import_module(module)
    except ImportError:
        msg = f"{module} is not installed; install it with: pip install yixian-corpus[{extra}]"
        raise MissingExtraError(msg) from None


def to_pandas(corpus: Corpus, level: str = "mention") -> Any:
    """One table of :func:`to_records` as a :class:`pandas.DataFrame` (needs the ``[pandas]`` extra).

    Integer and boolean columns use pandas' nullable dtypes (``Int64``, ``boolean``): a missing value is
    ``<NA>`` and the column keeps its type.

    Raises:
        MissingExtraError: pandas is not installed.
        ExportOptionError: ``level`` is unknown.
    """
    columns = _check_level(level)
    pandas = _require("pandas", "pandas")
    frame = pandas.DataFrame.from_records(_records(corpus, level), columns=list(columns))
    # Nullable dtypes, so that a column with a missing value (a mention in the title has no section) stays integer.
    nullable = {"int": "Int64", "bool": "boolean"}
    return frame.astype({name: nullable[kind] for name, kind in columns.items() if kind in nullable})


def _arrow_schema(pyarrow: Any, columns: dict[str, str]) -> Any:
    types = {
        "str": pyarrow.string(),
        "int": pyarrow.int64(),
        "bool": pyarrow.bool_(),
        "list": pyarrow.list_(pyarrow.string()),
    }
    return pyarrow.schema([(name, types[kind]) for name, kind in columns.items()])


def to_parquet(
    corpus: Corpus, path: str | os.PathLike[str], *, level: str = "mention", overwrite: bool = False
) -> Path:
    """Write one table of :func:`to_records` as Parquet (needs the ``[parquet]`` extra, i.e. pyarrow).

    Columns are typed (strings, 64-bit integers, booleans, lists of strings)
    and nullable, the same for every corpus, even an empty one.

    Raises:
        MissingExtraError: pyarrow is not installed.
        ExportOptionError: ``level`` is unknown.
    """
    columns = _check_level(level)
    pyarrow = _require("pyarrow", "parquet")
    parquet = _require("pyarrow.parquet", "parquet")
    table = pyarrow.Table.from_pylist(_records(corpus, level), schema=_arrow_schema(pyarrow, columns))
    with atomic_path(path, overwrite=overwrite) as temp:
        parquet.write_table(table, str(temp))
    return Path(path)


# -- the one door ------------------------------------------------------------------------------------
def export(corpus: Corpus, fmt: str, path: str | os.PathLike[str], **options: Any) -> Path:
    """Write ``corpus`` in format ``fmt`` (one of :data:`FORMATS`) to ``path``.

    ``options`` are those of the format's writer (``overwrite``, ``level``,
    ``bom``, …).

    Raises:
        ExportOptionError: Unknown format, or an option the format does not take.
    """
    import importlib  # noqa: PLC0415

    writers = {
        "json": ("_export", "to_json"),
        "jsonl": ("_export", "to_jsonl"),
        "csv": ("_export", "to_csv"),
        "parquet": ("_export", "to_parquet"),
        "sqlite": ("_export_sqlite", "to_sqlite"),
        "tei": ("_export_tei", "to_tei"),
        "conll": ("_export_conll", "to_conll"),
        "brat": ("_export_conll", "to_brat"),
    }
    try:
        module, function = writers[fmt]
    except (KeyError, TypeError):
        msg = f"unknown export format {fmt!r}; expected one of: {', '.join(FORMATS)}"
        raise ExportOptionError(msg) from None
    writer = getattr(importlib.import_module(f"{__package__}.{module}"), function)
    import inspect  # noqa: PLC0415

    accepted = set(inspect.signature(writer).parameters) - {"corpus", "path", "directory"}
    unknown = sorted(set(options) - accepted)
    if unknown:
        msg = f"the {fmt} export does not take {', '.join(unknown)} (it takes: {', '.join(sorted(accepted))})"
        raise ExportOptionError(msg)
    result: Path = writer(corpus, path, **options)
    return result
