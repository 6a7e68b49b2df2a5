"""Filter the corpus, export the selection in several formats, and read the JSON Lines export back.

Run: python examples/02_filter_and_export.py   (writes its files into the current directory)
"""

# ruff: noqa: T201, INP001 - an example script prints its results; examples/ is not a package

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path
from xml.etree import ElementTree as ET

import yixian_corpus
from yixian_corpus import fts_query


def main() -> None:
    """Keep the reports about courts and prisons, write them out, and check what was written."""
    corpus = yixian_corpus.load()
    selection = corpus.filter(organ=["court", "prison"])
    print("selected:", ", ".join(selection.ids))

    out = Path("export")
    out.mkdir(exist_ok=True)
    selection.to_jsonl(out / "selection.jsonl", overwrite=True)
    selection.to_csv(out / "paragraphs.csv", level="paragraph", bom=True, overwrite=True)
    selection.to_sqlite(out / "selection.db", overwrite=True)
    selection.to_tei(out / "selection.xml", overwrite=True)
    selection.to_conll(out / "selection.conll", overwrite=True)
    selection.to_brat(out / "brat", overwrite=True)
    print("wrote:", ", ".join(sorted(p.name for p in out.iterdir())))

    again = yixian_corpus.read(out / "selection.jsonl")
    print("JSON Lines reads back identical:", again == selection)

    with (out / "paragraphs.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    print(f"CSV: {len(rows)} paragraph rows, columns {', '.join(rows[0])}")

    with sqlite3.connect(out / "selection.db") as db:
        for query in ["狱", "监狱", "法官"]:
            (count,) = db.execute(
                "SELECT count(*) FROM blocks_fts JOIN blocks AS b ON b.id = blocks_fts.rowid "
                "WHERE blocks_fts MATCH ? AND instr(b.text, ?) > 0",
                (fts_query(query), query),
            ).fetchone()
            print(f"SQLite full-text {query}: {count} lines")

    tei = ET.parse(out / "selection.xml").getroot()  # noqa: S314 - our own file
    namespace = {"tei": "http://www.tei-c.org/ns/1.0"}
    names = [element.text for element in tei.iterfind(".//tei:body//tei:persName", namespace)]
    print(f"TEI: {len(tei.findall('tei:TEI', namespace))} documents, {len(names)} persName elements")

    documents = (out / "selection.conll").read_text(encoding="utf-8").count("-DOCSTART-")
    print(f"CoNLL: {documents} documents; brat: {len(list((out / 'brat').glob('*.ann')))} .ann files")

    try:
        selection.to_jsonl(out / "selection.jsonl")
    except yixian_corpus.OverwriteError as error:
        print("refused:", type(error).__name__)


if __name__ == "__main__":
    main()
