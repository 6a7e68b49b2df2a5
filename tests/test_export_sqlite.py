"""The SQLite export: complete tables, and full-text search that finds 1- and 2-character Chinese queries."""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import yixian_corpus
from strategies import export_corpora
from yixian_corpus import OverwriteError, WriteError, _export_sqlite, fts_query

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from yixian_corpus import Corpus

FIND = """
SELECT b.article_id, b.start + instr(b.text, :q) - 1 AS offset
FROM blocks_fts JOIN blocks AS b ON b.id = blocks_fts.rowid
WHERE blocks_fts MATCH :match AND instr(b.text, :q) > 0
ORDER BY b.id
"""


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    path = tmp_path_factory.mktemp("sqlite") / "corpus.db"
    yixian_corpus.load().to_sqlite(path)
    connection = sqlite3.connect(path)
    yield connection
    connection.close()


def _lines_with(corpus: Corpus, query: str) -> list[str]:
    return [a.id for a in corpus for b in a.blocks if query in b.text]


def test_the_trigram_tokenizer_really_misses_short_queries() -> None:
    """Why the export does not use trigram: on this SQLite, 1- and 2-character queries find nothing."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'trigram')")
    db.execute("INSERT INTO t VALUES ('疫情防控一线')")
    assert db.execute("SELECT count(*) FROM t WHERE t MATCH '疫情防'").fetchone() == (1,)
    assert db.execute("SELECT count(*) FROM t WHERE t MATCH '疫情'").fetchone() == (0,)


def test_tables_hold_the_whole_model(database: sqlite3.Connection, corpus: Corpus) -> None:
    def count(table: str) -> int:
        (n,) = database.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608 - fixed names
        return int(n)

    assert count("articles") == len(corpus)
    assert count("sources") == len({a.source.name for a in corpus})
    assert count("blocks") == sum(len(a.blocks) for a in corpus)
    assert count("sections") == sum(len(a.sections) for a in corpus)
    assert count("paragraphs") == sum(len(a.paragraphs) for a in corpus)
    assert count("captions") == sum(len(a.captions) for a in corpus)
    assert count("mentions") == len(corpus.mentions())
    assert count("edits") == sum(len(a.edits) for a in corpus)
    meta = dict(database.execute("SELECT key, value FROM meta"))
    assert meta["format"] == "yixian-corpus"


def test_rows_point_into_the_article_text(database: sqlite3.Connection, corpus: Corpus) -> None:
    rows = database.execute(
        "SELECT p.article_id, p.start, p.end, p.text, s.heading FROM paragraphs AS p "
        "JOIN sections AS s ON s.id = p.section_id ORDER BY p.id"
    ).fetchall()
    expected = [(a.id, p.start, p.end, p.text, s.heading) for a in corpus for s in a.sections for p in s.paragraphs]
    assert rows == expected
    (authors,) = database.execute("SELECT authors FROM articles WHERE id = '003-2-wang-ailin'").fetchone()
    assert json.loads(authors) == ["王丹"]
    names = database.execute(
        "SELECT a.id FROM articles AS a, json_each(a.authors) AS j WHERE j.value = '肖玥' ORDER BY a.position"
    ).fetchall()
    assert names == [("000-donghe",), ("001-qingshan",)]


@pytest.mark.parametrize("query", ["疫", "律", "防控", "法院", "司法局", "一线", "王爱林"])
def test_full_text_search_finds_short_queries(database: sqlite3.Connection, corpus: Corpus, query: str) -> None:
    rows = database.execute(FIND, {"q": query, "match": fts_query(query)}).fetchall()
    assert rows
    assert [article_id for article_id, _ in rows] == _lines_with(corpus, query)
    for article_id, offset in rows:
        assert corpus[article_id].text[offset : offset + len(query)] == query


def test_full_text_candidates_without_instr_are_a_superset(database: sqlite3.Connection, corpus: Corpus) -> None:
    (candidates,) = database.execute(
        "SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH ?", (fts_query("防控"),)
    ).fetchone()
    assert candidates >= len(_lines_with(corpus, "防控"))


def test_fts_query_escapes_quotes() -> None:
    assert fts_query('a"b') == '"a "" b"'
    assert fts_query("疫 情") == '"疫 情"'


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=25)
@given(export_corpora(min_size=1), st.data())
def test_generated_corpora_search_exactly(tmp_path: Path, corpus: Corpus, data: st.DataObject) -> None:
    path = corpus.to_sqlite(tmp_path / "c.db", overwrite=True)
    article = data.draw(st.sampled_from(list(corpus)))
    block = data.draw(st.sampled_from(article.blocks))
    start = data.draw(st.integers(block.start, block.end - 1))
    query = article.text[start : start + data.draw(st.integers(1, 2))]
    if "\n" in query or not any(c.isalnum() for c in query):
        return
    with sqlite3.connect(path) as db:
        rows = db.execute(FIND, {"q": query, "match": fts_query(query)}).fetchall()
        assert db.execute("SELECT text FROM articles ORDER BY position").fetchall() == [(a.text,) for a in corpus]
    assert sorted({a for a, _ in rows}) == sorted(set(_lines_with(corpus, query)))


def test_filtered_corpus_and_overwrite(corpus: Corpus, tmp_path: Path) -> None:
    path = yixian_corpus.Corpus([corpus["004-zhangjiajie"]]).to_sqlite(tmp_path / "c.db")
    with pytest.raises(OverwriteError):
        corpus.to_sqlite(path)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT id FROM articles").fetchall() == [("004-zhangjiajie",)]
    corpus.to_sqlite(path, overwrite=True)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (len(corpus),)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.db"]


def test_database_error_mid_write_leaves_nothing(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_export_sqlite, "SCHEMA_SQL", _export_sqlite.SCHEMA_SQL + "\nCREATE TABLE articles (x);")
    with pytest.raises(WriteError, match="cannot write the database"):
        corpus.to_sqlite(tmp_path / "c.db")
    assert list(tmp_path.iterdir()) == []
