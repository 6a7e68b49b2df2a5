"""Generate the inter-reading agreement table of the annotation guidelines page.

Compares the two independent readings of every article (``corpus/annotations/first`` and
``corpus/annotations/second`` in the repository) with :func:`yixian_corpus._build.agreement` and writes
``docs/_generated/agreement.md``.  ``conf.py`` runs it when a Sphinx builder starts.
"""

from __future__ import annotations

from pathlib import Path

from yixian_corpus._build import agreement

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "docs" / "_generated"


def agreement_report(corpus_dir: Path = ROOT / "corpus") -> str:
    """The agreement table as a MyST markdown fragment."""
    rows = agreement(corpus_dir)
    header = ("article", "first reading", "second reading", "same kind and span", "F1", "same value", "gold")
    lines = [
        "| " + " | ".join(header) + " | gold differs from both |",
        "| :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines.extend(
        f"| `{row.article_id}` | {row.first} | {row.second} | {row.matched} | {row.f1:.3f} | "
        f"{row.same_value} | {row.gold} | {row.gold_changed} |"
        for row in rows
    )
    first = sum(r.first for r in rows)
    second = sum(r.second for r in rows)
    matched = sum(r.matched for r in rows)
    f1 = 2 * matched / (first + second) if first + second else 1.0
    lines.append(
        f"| **all** | {first} | {second} | {matched} | {f1:.3f} | {sum(r.same_value for r in rows)} | "
        f"{sum(r.gold for r in rows)} | {sum(r.gold_changed for r in rows)} |"
    )
    return "\n".join(lines) + "\n"


def write(outdir: Path = GENERATED) -> Path:
    """Write ``agreement.md`` into ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    path = outdir / "agreement.md"
    path.write_text(agreement_report(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write())  # noqa: T201 - a script
