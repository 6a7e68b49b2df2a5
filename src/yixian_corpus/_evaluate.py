"""Score :func:`~yixian_corpus.extract_mentions` against curated mentions, beside a jieba.posseg baseline.

Run it as a module (``nox -s evaluate`` does)::

    python -m yixian_corpus._evaluate docs/extractor-evaluation.inc

It scores two gold sets: the curated layer of the bundled corpus
(``article.mentions``; said so when it is still empty) and the hand-written
unseen sentences (``tests/data/unseen_*.jsonl``, one JSON object a line:
``{"text", "year", "mentions": [{"kind", "start", "end", "text", "value"}]}``).
For each set and kind it prints precision, recall and F1 for exact spans and for
overlapping spans, of the extractor, of the extractor with its CRF tagger
(``model="crf"``, exact spans; needs the ``[crf]`` extra) and of a plain ``jieba.posseg`` baseline
(``nr`` person, ``ns`` location, ``nt`` organization, ``t`` date/time, ``m``
quantity), and how often the extractor's normalized value is right on exact
matches.  The markdown table goes to the path given and to standard output.

This module is development tooling: the package never imports it.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ._extract import extract_mentions
from ._model import Mention, MentionKind
from ._serialize import value_from_data
from .exceptions import CorpusFileError, UnknownKindError, YixianError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

__all__ = [
    "GoldText",
    "Score",
    "crf_system",
    "evaluate",
    "load_gold_file",
    "main",
    "posseg_baseline",
    "render_table",
    "score",
]

KINDS = tuple(MentionKind)
BASELINE_TAGS = {
    "nr": MentionKind.PERSON,
    "ns": MentionKind.LOCATION,
    "nt": MentionKind.ORGANIZATION,
    "m": MentionKind.QUANTITY,
}


@attrs.frozen
class GoldText:
    """One gold-annotated text: a corpus article or an unseen sentence.

    Attributes:
        name: Where it comes from (``000-donghe``, ``unseen_2022.jsonl:3``).
        text: The text the offsets index.
        year: The year dates without one are given (the article's period).
        mentions: The gold mentions.
    """

    name: str
    text: str
    year: int | None
    mentions: tuple[Mention, ...]


@attrs.frozen
class Score:
    """Counts for one kind: gold, predicted, exact and overlapping true positives, right values."""

    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap_gold: int = 0
    overlap_predicted: int = 0
    value_right: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other), strict=True)))

    @staticmethod
    def _prf(tp_p: int, tp_r: int, predicted: int, gold: int) -> tuple[float, float, float]:
        precision = tp_p / predicted if predicted else 0.0
        recall = tp_r / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    @property
    def exact_prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1 of exact span matches."""
        return self._prf(self.exact, self.exact, self.predicted, self.gold)

    @property
    def overlap_prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1 when any overlap of same-kind spans counts."""
        return self._prf(self.overlap_predicted, self.overlap_gold, self.predicted, self.gold)


def load_gold_file(path: str | Path) -> list[GoldText]:
    """Read an unseen-set JSONL file.

    Raises:
        CorpusFileError: The file cannot be read, or a line is not a valid annotated text
            (the message names the line).
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusFileError(str(error), path=str(path)) from None
    texts = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            texts.append(_gold_from_data(json.loads(line), f"{path.name}:{number}"))
        except (ValueError, TypeError, KeyError) as error:
            raise CorpusFileError(str(error), path=str(path), line=number) from None
    return texts


def _gold_from_data(data: Any, name: str) -> GoldText:
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        msg = 'each line must be an object with a "text" string'
        raise ValueError(msg)  # noqa: TRY004 - reported as a file error by the caller
    text: str = data["text"]
    year = data.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        msg = f"bad year {year!r}"
        raise ValueError(msg)
    mentions = []
    for item in data.get("mentions", []):
        if not isinstance(item, dict):
            msg = "a mention must be an object"
            raise ValueError(msg)  # noqa: TRY004 - reported as a file error
        start, end, surface = item["start"], item["end"], item["text"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            msg = f"bad span {start!r}:{end!r}"
            raise ValueError(msg)
        if text[start:end] != surface:
            msg = f"mention text {surface!r} is not the text at {start}:{end} ({text[start:end]!r})"
            raise ValueError(msg)
        try:
            kind = MentionKind.parse(item["kind"])
        except UnknownKindError as error:
            raise ValueError(str(error)) from None
        mentions.append(Mention(kind, surface, start, end, value_from_data(item.get("value"))))
    return GoldText(name, text, year, tuple(mentions))


def corpus_gold() -> list[GoldText]:
    """The bundled corpus' articles as gold texts (their curated mentions; maybe none yet)."""
    from ._load import load  # noqa: PLC0415

    return [GoldText(a.id, a.text, a.year, a.mentions) for a in load()]


# -- systems ----------------------------------------------------------------------------------------------------------
def extractor_system(item: GoldText) -> list[Mention]:
    """The library's extractor."""
    return extract_mentions(item.text, year=item.year)


def crf_system(item: GoldText) -> list[Mention]:
    """The library's extractor with its CRF tagger (``model="crf"``; needs the ``[crf]`` extra)."""
    return extract_mentions(item.text, year=item.year, model="crf")


def posseg_baseline(item: GoldText) -> list[Mention]:
    """Plain jieba.posseg: nr → person, ns → location, nt → organization, t → date/time, m → quantity."""
    import jieba.posseg  # noqa: PLC0415 - the baseline needs it

    mentions = []
    offset = 0
    for pair in jieba.posseg.lcut(item.text):
        word, flag = pair.word, pair.flag
        start, offset = offset, offset + len(word)
        kind = BASELINE_TAGS.get(flag)
        if flag == "t":
            kind = MentionKind.DATE if any(c in word for c in "年月日号节夕初") else MentionKind.TIME
        if kind is not None and word.strip():
            mentions.append(Mention(kind, word, start, offset))
    return mentions


# -- scoring ----------------------------------------------------------------------------------------------------------
def score(gold: Iterable[Mention], predicted: Iterable[Mention], *, values: bool = True) -> dict[MentionKind, Score]:
    """Per-kind counts of ``predicted`` against ``gold`` (spans of one text)."""
    result: dict[MentionKind, Score] = {}
    gold_list, pred_list = list(gold), list(predicted)
    for kind in KINDS:
        g = [m for m in gold_list if m.kind is kind]
        p = [m for m in pred_list if m.kind is kind]
        gold_spans = {(m.start, m.end): m for m in g}
        exact = [m for m in p if (m.start, m.end) in gold_spans]
        value_right = sum(1 for m in exact if values and m.value == gold_spans[m.start, m.end].value)
        overlap_gold = sum(1 for gm in g if any(pm.start < gm.end and gm.start < pm.end for pm in p))
        overlap_pred = sum(1 for pm in p if any(pm.start < gm.end and gm.start < pm.end for gm in g))
        result[kind] = Score(len(g), len(p), len(exact), overlap_gold, overlap_pred, value_right)
    return result


def evaluate(
    items: Sequence[GoldText], system: Callable[[GoldText], list[Mention]], *, values: bool = True
) -> tuple[dict[MentionKind, Score], float]:
    """Run ``system`` on every item; return the summed per-kind scores and the seconds it took."""
    totals = {kind: Score() for kind in KINDS}
    started = time.perf_counter()
    predictions = [system(item) for item in items]
    elapsed = time.perf_counter() - started
    for item, predicted in zip(items, predictions, strict=True):
        for kind, value in score(item.mentions, predicted, values=values).items():
            totals[kind] += value
    return totals, elapsed


def _fmt(prf: tuple[float, float, float]) -> str:
    return " / ".join(f"{x:.2f}" for x in prf)


def render_table(
    title: str,
    ours: dict[MentionKind, Score],
    baseline: dict[MentionKind, Score],
    learned: dict[MentionKind, Score] | None = None,
) -> str:
    """One markdown table: a row per kind, P / R / F1 of the systems, exact and overlap.

    ``learned`` (optional) adds the exact scores of the extractor with its CRF tagger (``model="crf"``).
    """
    crf_head, crf_rule = (" with CRF exact P / R / F1 |", "---|") if learned is not None else ("", "")
    lines = [
        f"### {title}",
        "",
        (
            "| kind | gold | extractor exact P / R / F1 | extractor overlap P / R / F1 | values right |"
            f"{crf_head} posseg exact P / R / F1 | posseg overlap P / R / F1 |"
        ),
        f"|---|---:|---|---|---:|{crf_rule}---|---|",
    ]
    total_ours, total_base, total_learned = Score(), Score(), Score()
    for kind in KINDS:
        o, b = ours[kind], baseline[kind]
        total_ours += o
        total_base += b
        base_exact = _fmt(b.exact_prf) if kind in _BASELINE_KINDS else "—"
        base_overlap = _fmt(b.overlap_prf) if kind in _BASELINE_KINDS else "—"
        values = f"{o.value_right}/{o.exact}" if o.exact else "—"
        crf_cell = ""
        if learned is not None:
            total_learned += learned[kind]
            crf_cell = f" {_fmt(learned[kind].exact_prf)} |"
        lines.append(
            f"| {kind.value} | {o.gold} | {_fmt(o.exact_prf)} | {_fmt(o.overlap_prf)} | {values} |{crf_cell}"
            f" {base_exact} | {base_overlap} |"
        )
    crf_total = f" {_fmt(total_learned.exact_prf)} |" if learned is not None else ""
    lines.append(
        f"| **all** | {total_ours.gold} | {_fmt(total_ours.exact_prf)} | {_fmt(total_ours.overlap_prf)} |"
        f" {total_ours.value_right}/{total_ours.exact} |{crf_total}"
        f" {_fmt(total_base.exact_prf)} | {_fmt(total_base.overlap_prf)} |"
    )
    return "\n".join(lines) + "\n"


_BASELINE_KINDS = frozenset(
    [
        MentionKind.PERSON,
        MentionKind.LOCATION,
        MentionKind.ORGANIZATION,
        MentionKind.DATE,
        MentionKind.TIME,
        MentionKind.QUANTITY,
    ]
)


def report(unseen_paths: Sequence[str | Path]) -> str:
    """The whole markdown report: the gold layer (or a note that it is empty) and the unseen set."""
    parts = []
    corpus = corpus_gold()
    gold_count = sum(len(item.mentions) for item in corpus)
    if gold_count == 0:
        parts.append(
            "### Bundled corpus (curated layer)\n\n"
            f"The bundled corpus ({len(corpus)} articles) has no curated mentions yet, so there is nothing to "
            "score against; this table appears once the gold annotations are built into the package.\n"
        )
    else:
        annotated = [item for item in corpus if item.mentions]
        ours, _ = evaluate(annotated, extractor_system)
        learned, _ = evaluate(annotated, crf_system)
        base, _ = evaluate(annotated, posseg_baseline, values=False)
        parts.append(
            render_table(
                f"Bundled corpus (curated layer: {len(annotated)} articles, {gold_count} mentions)",
                ours,
                base,
                learned,
            )
        )
    sets = [(Path(path).name, load_gold_file(path)) for path in unseen_paths]
    sets = [(name, items) for name, items in sets if items]
    if len(sets) > 1:  # each sealed set on its own (each was scored once, in its own round), then all together
        sets.append((", ".join(name for name, _ in sets), [item for _, items in sets for item in items]))
    for name, items in sets:
        ours, _ = evaluate(items, extractor_system)
        learned, _ = evaluate(items, crf_system)
        base, _ = evaluate(items, posseg_baseline, values=False)
        parts.append(render_table(f"Unseen sentences ({name}: {len(items)} texts)", ours, base, learned))
    if not sets:
        parts.append("### Unseen sentences\n\nNo unseen set was given.\n")
    return "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m yixian_corpus._evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("output", help="where to write the markdown tables (e.g. docs/extractor-evaluation.inc)")
    parser.add_argument(
        "--unseen",
        action="append",
        default=None,
        help="an unseen-set JSONL file or glob (repeatable; default tests/data/unseen_*.jsonl)",
    )
    args = parser.parse_args(argv)
    patterns = args.unseen or ["tests/data/unseen_*.jsonl"]
    paths = sorted({p for pattern in patterns for p in (glob.glob(pattern) or [pattern])})  # noqa: PTH207 - patterns may be absolute
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    try:
        text = report(paths)
        Path(args.output).write_text(text, encoding="utf-8")
    except (YixianError, OSError) as error:
        sys.stderr.write(f"evaluate: error: {error}\n")
        return 2
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
