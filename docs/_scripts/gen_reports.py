"""Generate the report pages that the docs include, from the installed ``yixian_corpus``.

``conf.py`` runs :func:`write_all` when a Sphinx builder starts, so the pages always describe the package
being documented.  Output goes to ``docs/_generated/`` (not committed; rebuilt every time).  Run this file
directly to write them without Sphinx: ``python docs/_scripts/gen_reports.py``.

``edit_report.md``
    What cleaning did: the number of edits per cleaning rule in each source file.  Articles cut from the
    same source (the three of ``003``) share its raw text, so their edits are counted once per source:
    edits are told apart by ``(start, end, rule)`` in raw offsets.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

import yixian_corpus

GENERATED = Path(__file__).resolve().parents[1] / "_generated"


def edit_counts(corpus: yixian_corpus.Corpus) -> dict[str, Counter[str]]:
    """Edits per rule for each source name, each raw edit counted once per source."""
    seen: dict[str, set[tuple[int, int, str]]] = defaultdict(set)
    for article in corpus:
        seen[article.source.name].update((e.start, e.end, e.rule) for e in article.edits)
    return {source: Counter(rule for _, _, rule in edits) for source, edits in seen.items()}


def _rule_order(rules: set[str]) -> list[str]:
    """The cleaner's rules in the order they run, then any other rule (build-time rules) by name."""
    pipeline = [rule for rule in getattr(yixian_corpus._clean, "RULES", ()) if rule in rules]  # noqa: SLF001
    return pipeline + sorted(rules - set(pipeline))


def edit_report(corpus: yixian_corpus.Corpus) -> str:
    """The edit report as a MyST markdown fragment: one table, a legend and the totals."""
    counts = edit_counts(corpus)
    sources = sorted(counts)
    articles_of: dict[str, list[str]] = defaultdict(list)
    for article in corpus:
        articles_of[article.source.name].append(article.id)
    rules = _rule_order({rule for counter in counts.values() for rule in counter})
    labels = [source.split("_", 1)[0] for source in sources]

    lines = [
        "| rule | " + " | ".join(f"`{label}`" for label in labels) + " | all |",
        "| :--- | " + " | ".join("---:" for _ in labels) + " | ---: |",
    ]
    for rule in rules:
        cells = [str(counts[source][rule]) if counts[source][rule] else "·" for source in sources]
        total = sum(counts[source][rule] for source in sources)
        lines.append(f"| `{rule}` | " + " | ".join(cells) + f" | {total} |")
    totals = [sum(counts[source].values()) for source in sources]
    lines.append("| **all** | " + " | ".join(f"**{t}**" for t in totals) + f" | **{sum(totals)}** |")
    lines.append("")
    lines.append("Sources (columns):")
    lines.append("")
    for label, source in zip(labels, sources, strict=True):
        ids = ", ".join(f"`{article_id}`" for article_id in articles_of[source])
        raw = next(a.source.raw for a in corpus if a.source.name == source)
        lines.append(f"- `{label}`: `{source}` ({len(raw):,} raw characters) → {ids}")
    lines.append("")
    return "\n".join(lines)


def _write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` unless the file already holds it (keeps Sphinx from rebuilding for nothing)."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def write_all(outdir: Path = GENERATED) -> list[Path]:
    """Write every generated report page into ``outdir``; return the pages that changed."""
    corpus = yixian_corpus.load()
    pages = {outdir / "edit_report.md": edit_report(corpus)}
    return [path for path, text in pages.items() if _write_if_changed(path, text)]


if __name__ == "__main__":
    for changed in write_all():
        sys.stdout.write(f"wrote {changed}\n")
