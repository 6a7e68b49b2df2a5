"""The SQLite export: relational tables plus a full-text index that works for 1- and 2-character queries.

SQLite's ``trigram`` tokenizer finds nothing for queries shorter than three
characters, and its ``unicode61`` tokenizer keeps a run of Chinese characters
as one token, so neither can find ``疫`` or ``防控`` inside ``疫情防控``.  This
export therefore indexes every line of text (table ``blocks``) in an FTS5 table
``blocks_fts`` whose one column holds the line *split into characters*
(``疫 情 防 控``), tokenized by ``unicode61``: each character is a token, and a
query is a phrase of characters (``"防 控"``), which :func:`fts_query` builds.
That works for queries of any length on any SQLite with FTS5 (3.9+).

``unicode61`` ignores punctuation and case, so the index narrows the lines to
candidates; add ``instr(blocks.text, ?) > 0`` to keep exact matches only::

    SELECT b.article_id, b.kind, b.text
    FROM blocks_fts JOIN blocks AS b ON b.id = blocks_fts.rowid
    WHERE blocks_fts MATCH '"防 控"' AND instr(b.text, '防控') > 0;

The index is contentless (``content=''``): it stores no second copy of the text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._serialize import FORMAT_NAME, SCHEMA_VERSION
from .exceptions import WriteError

if TYPE_CHECKING:
    import os
    import sqlite3

    from ._corpus import Corpus

__all__ = ["SCHEMA_SQL", "fts_query", "to_sqlite"]

SCHEMA_SQL = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE sources (
    name TEXT PRIMARY KEY,
    publication TEXT,
    provider TEXT,
    editor TEXT,
    breadcrumb TEXT,
    raw TEXT NOT NULL
);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    subtitle TEXT,
    authors TEXT NOT NULL,          -- JSON array of names: use json_each(articles.authors)
    source TEXT NOT NULL REFERENCES sources(name),
    region TEXT,
    organs TEXT NOT NULL,           -- JSON array
    date TEXT,
    period TEXT,
    text TEXT NOT NULL
);
CREATE TABLE blocks (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,             -- title, subtitle, heading, paragraph, caption
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    heading TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    section_id INTEGER NOT NULL REFERENCES sections(id),
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE captions (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    section_id INTEGER REFERENCES sections(id),
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    section_id INTEGER REFERENCES sections(id),
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    value_type TEXT,                -- name, quantity, date, time or NULL
    value TEXT,
    unit TEXT,
    approximate INTEGER,
    year_inferred INTEGER,
    part_of_day TEXT
);
CREATE TABLE edits (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    rule TEXT NOT NULL,
    start INTEGER NOT NULL,         -- offsets into sources.raw
    end INTEGER NOT NULL,
    old TEXT NOT NULL,
    new TEXT NOT NULL
);
CREATE INDEX mentions_kind_value ON mentions(kind, value);
CREATE INDEX mentions_article ON mentions(article_id, start);
CREATE INDEX paragraphs_article ON paragraphs(article_id, position);
CREATE VIRTUAL TABLE blocks_fts USING fts5(chars, tokenize = 'unicode61', content = '');
"""
"""The tables of the SQLite export (offsets ``start``/``end`` index ``articles.text``)."""


def fts_query(text: str) -> str:
    """The FTS5 ``MATCH`` expression that finds ``text`` in the export's ``blocks_fts`` table.

    The characters of ``text`` become one phrase (whitespace and NUL are
    dropped, double quotes are doubled), so one- and two-character queries work.

    Example:
        >>> fts_query("防控")
        '"防 控"'
        >>> fts_query("疫")
        '"疫"'
    """
    # NUL cannot stand inside an SQL string literal, and FTS5 treats it as a separator anyway.
    characters = [c.replace('"', '""') for c in text if not c.isspace() and c != "\x00"]
    return '"' + " ".join(characters) + '"'


def _split_characters(text: str) -> str:
    return " ".join(text)


def _fill(connection: sqlite3.Connection, corpus: Corpus) -> None:
    from ._export import _mention_record, _section_index  # noqa: PLC0415 - keeps fts_query's import light

    cursor = connection.cursor()
    cursor.executescript(SCHEMA_SQL)
    cursor.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("format", FORMAT_NAME), ("schema_version", str(SCHEMA_VERSION)), ("fts", "blocks_fts: chars, unicode61")],
    )
    seen_sources: set[str] = set()
    block_id = section_id = paragraph_id = caption_id = mention_id = edit_id = 0
    for position, article in enumerate(corpus):
        source = article.source
        if source.name not in seen_sources:
            seen_sources.add(source.name)
            cursor.execute(
                "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?)",
                (source.name, source.publication, source.provider, source.editor, source.breadcrumb, source.raw),
            )
        cursor.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                position,
                article.title,
                article.subtitle,
                json.dumps(list(article.authors), ensure_ascii=False),
                source.name,
                article.region,
                json.dumps(list(article.organs), ensure_ascii=False),
                article.date,
                article.period,
                article.text,
            ),
        )
        for index, block in enumerate(article.blocks):
            block_id += 1
            text = block.text
            cursor.execute(
                "INSERT INTO blocks VALUES (?, ?, ?, ?, ?, ?, ?)",
                (block_id, article.id, index, block.kind.value, block.start, block.end, text),
            )
            cursor.execute("INSERT INTO blocks_fts (rowid, chars) VALUES (?, ?)", (block_id, _split_characters(text)))
        first_section = section_id + 1
        for index, section in enumerate(article.sections):
            section_id += 1
            cursor.execute(
                "INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?, ?)",
                (section_id, article.id, index, section.heading, section.start, section.end, section.text),
            )
        paragraph_position = 0
        for index, section in enumerate(article.sections):
            for paragraph in section.paragraphs:
                paragraph_id += 1
                cursor.execute(
                    "INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        paragraph_id,
                        article.id,
                        first_section + index,
                        paragraph_position,
                        paragraph.start,
                        paragraph.end,
                        paragraph.text,
                    ),
                )
                paragraph_position += 1
        for index, caption in enumerate(article.captions):
            caption_id += 1
            owner = _section_index(article, caption.start)
            cursor.execute(
                "INSERT INTO captions VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    caption_id,
                    article.id,
                    None if owner is None else first_section + owner,
                    index,
                    caption.start,
                    caption.end,
                    caption.text,
                ),
            )
        for mention in article.mentions:
            mention_id += 1
            record: dict[str, Any] = _mention_record(article, mention)
            owner = record["section"]
            cursor.execute(
                "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    mention_id,
                    article.id,
                    None if owner is None else first_section + owner,
                    record["kind"],
                    record["text"],
                    record["start"],
                    record["end"],
                    record["value_type"],
                    record["value"],
                    record["unit"],
                    record["approximate"],
                    record["year_inferred"],
                    record["part_of_day"],
                ),
            )
        for index, edit in enumerate(article.edits):
            edit_id += 1
            cursor.execute(
                "INSERT INTO edits VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (edit_id, article.id, index, edit.rule, edit.start, edit.end, edit.old, edit.new),
            )


def to_sqlite(corpus: Corpus, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write the corpus as an SQLite database with a full-text index (see :data:`SCHEMA_SQL`).

    Tables: ``meta``, ``sources``, ``articles``, ``blocks`` (every line of every
    article), ``sections``, ``paragraphs``, ``captions``, ``mentions``,
    ``edits``, and the full-text index ``blocks_fts`` (query it with
    :func:`fts_query`; see the module documentation for why it is built so).

    Args:
        corpus: The corpus (or a filtered part of it).
        path: The database file to write.
        overwrite: Replace ``path`` if it exists.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.

    Raises:
        OverwriteError: ``path`` exists and ``overwrite`` is false.
        WriteError: The file cannot be written.

    Example:
        >>> import sqlite3, tempfile, pathlib, yixian_corpus
        >>> from yixian_corpus import fts_query
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "corpus.db"
        >>> _ = yixian_corpus.load().to_sqlite(path)
        >>> db = sqlite3.connect(path)
        >>> db.execute("SELECT count(*) FROM articles").fetchone()
        (7,)
        >>> rows = db.execute(
        ...     "SELECT b.article_id FROM blocks_fts JOIN blocks AS b ON b.id = blocks_fts.rowid "
        ...     "WHERE blocks_fts MATCH ? AND instr(b.text, ?) > 0",
        ...     (fts_query("律师"), "律师"),
        ... ).fetchall()
        >>> "002-nei-mongol" in {article_id for (article_id,) in rows}
        True
        >>> db.close()
    """
    import sqlite3  # noqa: PLC0415 - imported on use

    from ._atomic import atomic_path  # noqa: PLC0415

    with atomic_path(path, overwrite=overwrite, suffix=".tmp.db") as temp:
        try:
            connection = sqlite3.connect(temp)
        except sqlite3.Error as error:  # pragma: no cover - the temporary file was just created
            msg = f"{path}: cannot create the database: {error}"
            raise WriteError(msg) from error
        try:
            with connection:
                _fill(connection, corpus)
        except sqlite3.Error as error:
            msg = f"{path}: cannot write the database: {error}"
            raise WriteError(msg) from error
        finally:
            connection.close()
    return Path(path)
