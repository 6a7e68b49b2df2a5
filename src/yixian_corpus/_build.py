"""Development-time build: ``corpus/`` (raw seeds, layout hints, annotations) → the packaged data.

Run ``python -m yixian_corpus._build`` from a checkout (``--check`` compares
instead of writing).  Runtime code never imports this module.

The build does, per source file:

1. read the layout hints (``corpus/layout/<stem>.toml``): which raw lines are
   photo captions, reading-order moves, article boundaries and editorial
   metadata (region, organs, period) — only what no rule can know;
2. clean the raw text with :func:`~yixian_corpus.clean_text`, captions
   excluded from the running text and cleaned on their own;
3. apply the structure rules, which hold for any report of this genre:
   web boilerplate (breadcrumb, ``（…供稿）``, ``[责任编辑：…]``) and bylines
   (``（王丹）`` after the last sentence, ``（肖玥）`` on its own line,
   ``<outlet>见习记者`` + name) become metadata; the first heading is the
   title, a following ``——…`` line (or a ``…纪实``/``…小记`` kicker) the
   subtitle; adjacent short heading lines are one heading;
4. attach the curated mentions (``corpus/annotations/<article-id>.jsonl``),
   checking every span against the text;
5. write ``data/corpus.json`` and ``data/MANIFEST.json`` (SHA-256 of the
   data and of each raw source).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import regex

from ._clean import clean_text
from ._corpus import Corpus
from ._edits import apply_edits
from ._model import (
    Article,
    Block,
    BlockKind,
    Caption,
    Edit,
    Mention,
    MentionKind,
    Paragraph,
    Section,
    Source,
    _mentions_within,
)
from ._serialize import corpus_to_data, value_from_data
from .exceptions import YixianError

if sys.version_info >= (3, 11):  # pragma: no cover - version dependent
    import tomllib
else:  # pragma: no cover - version dependent
    import tomli as tomllib

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["Agreement", "BuildError", "agreement", "build", "main", "rebase", "render", "write"]


class BuildError(YixianError):
    """The editorial sources are inconsistent (a layout hint matches nothing, a span is off, …)."""


# -- structure rules (generic for the genre) --------------------------------------------
_BREADCRUMB = regex.compile(r"^首页\s*(?:[>＞»›]\s*)+.*$")
_PROVIDER = regex.compile(r"^[（(]\s*(?P<who>[^（()）]{2,30}?)\s*供稿\s*[)）]$")
_EDITOR = regex.compile(r"^[\[【［]?\s*(?:责任编辑|责编)\s*[:：]\s*(?P<who>[^\]】］]{2,12}?)\s*[\]】］]?$")
_NAMES = r"\p{Han}{2,4}(?:[、， ]\p{Han}{2,4})*"
_CREDIT_LINE = regex.compile(rf"^[（(](?P<names>{_NAMES})[)）]$")
_CREDIT_TAIL = regex.compile(rf"(?<=[。！？…”’」』])\s*[（(](?P<names>{_NAMES})[)）]$")
_REPORTER = regex.compile(rf"^(?P<outlet>.*?)\s*(?P<role>见习记者|特约记者|通讯员|记者)\s*(?P<names>{_NAMES})?$")
_NAME_LINE = regex.compile(rf"^(?P<names>{_NAMES})$")
_KICKER = regex.compile(r"(?:纪实|小记|侧记|纪事|综述|掠影|速写|素描)$")
_SHORT_HEADING = 12
_CAPTION_MARK = regex.compile(r"^[▲△▼▽◆◇■□●○↑]\s*")


def _split_names(names: str) -> tuple[str, ...]:
    return tuple(n for n in regex.split(r"[、， ]", names) if n)


class _Line(NamedTuple):
    """A block of the clean text on its way into an article."""

    kind: BlockKind
    start: int  # clean offsets
    end: int
    raw_start: int
    raw_end: int
    text: str


class _Layout(NamedTuple):
    source: str
    captions: tuple[str, ...]
    moves: tuple[dict[str, str], ...]
    articles: tuple[dict[str, Any], ...]


def _read_layout(path: Path) -> _Layout:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        msg = f"{path}: {error}"
        raise BuildError(msg) from None
    articles = tuple(data.get("article", ()))
    if not articles:
        msg = f"{path}: no [[article]] table"
        raise BuildError(msg)
    return _Layout(
        source=str(data.get("source", path.stem + ".txt")),
        captions=tuple(data.get("captions", ())),
        moves=tuple(data.get("move", ())),
        articles=articles,
    )


def _caption_spans(raw: str, prefixes: Sequence[str], where: str) -> list[tuple[int, int]]:
    spans = []
    for prefix in prefixes:
        found = [m.start() for m in regex.finditer(r"(?m)^[ \t\u3000]*" + regex.escape(prefix), raw)]
        if len(found) != 1:
            msg = f"{where}: caption {prefix!r} matches {len(found)} raw lines, not 1"
            raise BuildError(msg)
        start = found[0]
        while raw[start] in " \t\u3000":
            start += 1
        end = raw.find("\n", start)
        end = len(raw) if end < 0 else end
        spans.append((start, end))
    return sorted(spans)


def _find(lines: Sequence[_Line], prefix: str, where: str) -> int:
    hits = [i for i, line in enumerate(lines) if line.text.startswith(prefix)]
    if len(hits) != 1:
        msg = f"{where}: {prefix!r} matches {len(hits)} blocks, not 1"
        raise BuildError(msg)
    return hits[0]


class _SourceBuild:
    """Everything the build learns about one raw source file."""

    def __init__(self, name: str, raw: str, layout: _Layout, where: str) -> None:
        self.name = name
        self.raw = raw
        self.layout = layout
        self.where = where
        self.caption_spans = _caption_spans(raw, layout.captions, where)
        self.result = clean_text(raw, exclude=self.caption_spans)
        self.removed: list[tuple[int, int, str]] = []  # raw spans turned into metadata, with their rule
        self.extra_edits: list[Edit] = []
        self.metadata: dict[str, str] = {}

    # -- lines ---------------------------------------------------------------------------
    def lines(self) -> list[_Line]:
        result = self.result
        lines = []
        for block in result.blocks:
            if block.start == block.end:
                continue
            raw_start, raw_end = result.raw_span(block.start, block.end)
            kind = BlockKind.HEADING if block.heading else BlockKind.PARAGRAPH
            lines.append(_Line(kind, block.start, block.end, raw_start, raw_end, result.text[block.start : block.end]))
        return lines

    def remove(self, line: _Line, rule: str) -> None:
        self.removed.append((line.raw_start, line.raw_end, rule))

    def captions_after(self) -> dict[int, list[_Line]]:
        """Caption lines keyed by the clean offset where they were lifted out of the text."""
        placed: dict[int, list[_Line]] = {}
        shift = 0
        for edit in self.result.edits:
            clean_at = edit.start + shift
            shift += len(edit.new) - (edit.end - edit.start)
            if edit.rule != "exclude":
                continue
            own = clean_text(self.raw[edit.start : edit.end])
            text = own.text
            for sub in own.edits:
                self.extra_edits.append(Edit(sub.rule, sub.start + edit.start, sub.end + edit.start, sub.old, sub.new))
            if marker := _CAPTION_MARK.match(text):
                # "▲" points at the photo: layout, not text.  (The caption starts the raw span,
                # so the marker's raw offsets are the clean ones shifted by the span start.)
                raw_at = edit.start + own.raw_offset(0)
                self.extra_edits.append(Edit("caption-marker", raw_at, raw_at + marker.end(), marker.group(), ""))
                text = text[marker.end() :]
            line = _Line(BlockKind.CAPTION, -1, -1, edit.start, edit.end, text)
            placed.setdefault(clean_at, []).append(line)
        return placed


def _apply_moves(lines: list[_Line], moves: Iterable[dict[str, str]], where: str) -> list[_Line]:
    for move in moves:
        first = _find(lines, move["first"], where)
        last = _find(lines, move["last"], where) if "last" in move else len(lines) - 1
        if last < first:
            msg = f"{where}: move {move!r} has its last block before its first"
            raise BuildError(msg)
        chunk = lines[first : last + 1]
        rest = lines[:first] + lines[last + 1 :]
        if "before" in move:
            at = _find(rest, move["before"], where)
        elif "after" in move:
            at = _find(rest, move["after"], where) + 1
        else:
            msg = f"{where}: move {move!r} needs 'before' or 'after'"
            raise BuildError(msg)
        lines = rest[:at] + chunk + rest[at:]
    return lines


def _strip_boilerplate(build: _SourceBuild, lines: list[_Line]) -> list[_Line]:
    kept = []
    for line in lines:
        if _BREADCRUMB.match(line.text):
            build.metadata["breadcrumb"] = line.text
            build.remove(line, "boilerplate")
        elif match := _PROVIDER.match(line.text):
            build.metadata["provider"] = match["who"]
            build.remove(line, "boilerplate")
        elif match := _EDITOR.match(line.text):
            build.metadata["editor"] = match["who"].strip()
            build.remove(line, "boilerplate")
        else:
            kept.append(line)
    return kept


class _ArticleParts(NamedTuple):
    title: _Line
    subtitle: _Line | None
    authors: tuple[str, ...]
    publication: str | None
    body: list[_Line]


def _front_matter(build: _SourceBuild, lines: list[_Line], spec: dict[str, Any]) -> _ArticleParts:  # noqa: C901
    where = f"{build.where} article {spec.get('id')!r}"
    if not lines or lines[0].kind is not BlockKind.HEADING:
        msg = f"{where}: the first block is not a heading, so it cannot be the title"
        raise BuildError(msg)
    title, rest = lines[0], lines[1:]
    subtitle = None
    if rest and rest[0].kind is BlockKind.HEADING:
        wanted = spec.get("subtitle")
        candidate = rest[0]
        if (
            (wanted and candidate.text.startswith(wanted))
            or candidate.text.startswith("—")
            or _KICKER.search(candidate.text)
        ):
            subtitle, rest = candidate, rest[1:]
    authors: list[str] = []
    publication = None
    if rest and (match := _REPORTER.match(rest[0].text)) and rest[0].kind is BlockKind.HEADING:
        names = match["names"]
        consumed = 1
        if not names and len(rest) > 1 and (name_line := _NAME_LINE.match(rest[1].text)):
            names = name_line["names"]
            consumed = 2
        if names:
            authors.extend(_split_names(names))
            publication = match["outlet"] or None
            for line in rest[:consumed]:
                build.remove(line, "byline")
            rest = rest[consumed:]
    body = []
    for i, line in enumerate(rest):
        if match := _CREDIT_LINE.match(line.text):
            authors.extend(_split_names(match["names"]))
            build.remove(line, "byline")
            continue
        is_last_text = all(other.kind is BlockKind.CAPTION for other in rest[i + 1 :])
        if is_last_text and line.kind is BlockKind.PARAGRAPH and (match := _CREDIT_TAIL.search(line.text)):
            authors.extend(_split_names(match["names"]))
            cut = match.start()
            raw_start, raw_end = build.result.raw_span(line.start + cut, line.end)
            build.removed.append((raw_start, raw_end, "byline"))
            new_raw_end = build.result.raw_span(line.start, line.start + cut)[1]
            line = line._replace(end=line.start + cut, raw_end=new_raw_end, text=line.text[:cut])  # noqa: PLW2901
        body.append(line)
    return _ArticleParts(title, subtitle, tuple(dict.fromkeys(authors)), publication, body)


def _join_headings(build: _SourceBuild, body: list[_Line]) -> list[_Line]:
    """Adjacent short heading lines (a heading set on two lines) become one heading."""
    joined: list[_Line] = []
    for line in body:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind is BlockKind.HEADING
            and line.kind is BlockKind.HEADING
            and len(previous.text) <= _SHORT_HEADING
            and len(line.text) <= _SHORT_HEADING
            and " " not in previous.text
            and previous.end < line.start
        ):
            gap_start, gap_end = previous.raw_end, line.raw_start
            build.extra_edits.append(Edit("heading-join", gap_start, gap_end, build.raw[gap_start:gap_end], " "))
            joined[-1] = previous._replace(end=line.end, raw_end=line.raw_end, text=previous.text + " " + line.text)
            continue
        joined.append(line)
    return joined


def _place_captions(body: list[_Line], captions: dict[int, list[_Line]]) -> list[_Line]:
    """Put each caption where it stood: after the block it interrupted, or before the block it preceded."""
    if not captions:
        return body
    placed: list[_Line] = []
    for line in body:
        placed.extend(c for at, lines in captions.items() if at == line.start for c in lines)
        placed.append(line)
        placed.extend(c for at, lines in captions.items() if line.start < at <= line.end for c in lines)
    return placed


def _assemble(spec: dict[str, Any], parts: _ArticleParts, source: Source, mentions_dir: Path | None) -> Article:
    article_id = str(spec["id"])
    ordered: list[tuple[BlockKind, _Line]] = [(BlockKind.TITLE, parts.title)]
    if parts.subtitle is not None:
        ordered.append((BlockKind.SUBTITLE, parts.subtitle))
    ordered.extend((line.kind, line) for line in parts.body)
    texts = []
    blocks_spans: list[tuple[BlockKind, int, int, _Line]] = []
    offset = 0
    for kind, line in ordered:
        texts.append(line.text)
        blocks_spans.append((kind, offset, offset + len(line.text), line))
        offset += len(line.text) + 1
    text = "\n".join(texts)
    blocks = tuple(Block(kind, s, e, text, line.raw_start, line.raw_end) for kind, s, e, line in blocks_spans)
    mentions = () if mentions_dir is None else _read_mentions(mentions_dir / f"{article_id}.jsonl", article_id, text)
    sections: list[Section] = []
    current: dict[str, Any] | None = None

    def close() -> None:
        if current is not None:
            start, end = current["start"], current["end"]
            sections.append(
                Section(
                    current["heading"],
                    start,
                    end,
                    tuple(current["paragraphs"]),
                    tuple(current["captions"]),
                    _mentions_within(mentions, start, end),
                    text,
                )
            )

    for block in blocks[1 + (parts.subtitle is not None) :]:
        if block.kind is BlockKind.HEADING:
            close()
            current = {"heading": block.text, "start": block.start, "end": block.end, "paragraphs": [], "captions": []}
            continue
        if current is None:
            current = {"heading": None, "start": block.start, "end": block.end, "paragraphs": [], "captions": []}
        current["end"] = block.end
        if block.kind is BlockKind.CAPTION:
            current["captions"].append(Caption(block.start, block.end, text))
        else:
            current["paragraphs"].append(Paragraph(block.start, block.end, text))
    close()
    captions = tuple(Caption(b.start, b.end, text) for b in blocks if b.kind is BlockKind.CAPTION)
    return Article(
        id=article_id,
        title=parts.title.text,
        subtitle=parts.subtitle.text if parts.subtitle else None,
        authors=parts.authors,
        source=source,
        text=text,
        blocks=blocks,
        sections=tuple(sections),
        captions=captions,
        mentions=mentions,
        edits=(),
        region=spec.get("region"),
        organs=tuple(spec.get("organs", ())),
        date=spec.get("date"),
        period=spec.get("period"),
    )


def _read_mentions(path: Path, article_id: str, text: str) -> tuple[Mention, ...]:
    if not path.exists():
        return ()
    mentions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            item = json.loads(line)
            kind = MentionKind.parse(item["kind"])
            start, end, surface = int(item["start"]), int(item["end"]), str(item["text"])
            value = value_from_data(item.get("value"))
        except (ValueError, KeyError, TypeError, YixianError) as error:
            msg = f"{where}: {error}"
            raise BuildError(msg) from None
        if text[start:end] != surface:
            msg = f"{where}: {surface!r} is not at {start}:{end} of {article_id} (found {text[start:end]!r})"
            raise BuildError(msg)
        mentions.append(Mention(kind, surface, start, end, value, article_id))
    mentions.sort(key=lambda m: (m.start, m.end, m.kind.value))
    return tuple(mentions)


def _final_edits(build: _SourceBuild) -> list[Edit]:
    """Cleaning edits, minus those inside removed spans, plus the structural ones, in raw order."""
    removed = sorted(build.removed)
    edits = [
        e
        for e in build.result.edits
        if e.rule != "exclude" and not any(s <= e.start and e.end <= t for s, t, _ in removed)
    ]
    edits.extend(Edit(rule, s, t, build.raw[s:t], "") for s, t, rule in removed)
    edits.extend(build.extra_edits)
    edits.extend(Edit("exclude", s, t, build.raw[s:t], "") for s, t in build.caption_spans)
    return sorted(edits, key=lambda e: (e.start, e.end, e.rule))


def _build_source(path: Path, layout_dir: Path, mentions_dir: Path | None) -> list[Article]:
    name = path.name
    where = f"layout {name}"
    layout_path = layout_dir / (path.stem + ".toml")
    if not layout_path.exists():
        msg = f"no layout file {layout_path} for {name}"
        raise BuildError(msg)
    layout = _read_layout(layout_path)
    raw = path.read_bytes().decode("utf-8")
    build = _SourceBuild(name, raw, layout, where)
    captions = build.captions_after()
    lines = _strip_boilerplate(build, build.lines())
    lines = _apply_moves(lines, layout.moves, where)
    starts = [0] + [_find(lines, str(spec["start"]), where) for spec in layout.articles[1:]]
    if starts != sorted(starts):
        msg = f"{where}: article starts are out of order"
        raise BuildError(msg)
    chunks = [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=False)]
    parts_list = []
    for spec, chunk in zip(layout.articles, chunks, strict=False):
        parts = _front_matter(build, chunk, spec)
        body = _join_headings(build, parts.body)
        parts_list.append(parts._replace(body=_place_captions(body, captions)))
    source = Source(
        name=name,
        raw=raw,
        publication=next((p.publication for p in parts_list if p.publication), None),
        provider=build.metadata.get("provider"),
        editor=build.metadata.get("editor"),
        breadcrumb=build.metadata.get("breadcrumb"),
    )
    articles = [
        _assemble(spec, parts, source, mentions_dir) for spec, parts in zip(layout.articles, parts_list, strict=True)
    ]
    edits = _final_edits(build)
    bounds = [min(b.raw_start for b in a.blocks if b.raw_start is not None) for a in articles]
    bounds[0] = 0
    bounds.append(len(raw) + 1)
    finished = []
    for k, article in enumerate(articles):
        mine = tuple(e for e in edits if bounds[k] <= e.start < bounds[k + 1])
        finished.append(_replace_edits(article, mine))
    _verify(build, finished, edits)
    return finished


def _replace_edits(article: Article, edits: tuple[Edit, ...]) -> Article:
    import attrs  # noqa: PLC0415 - build-time only

    return attrs.evolve(article, edits=edits)


def _verify(build: _SourceBuild, articles: list[Article], edits: list[Edit]) -> None:
    """Every block's text is its raw span with the edits inside it applied (captions: their own edits)."""
    for article in articles:
        for block in article.blocks:
            if block.raw_start is None or block.raw_end is None:  # pragma: no cover - the build sets both
                msg = f"{build.where}: block {block.text[:20]!r} has no raw span"
                raise BuildError(msg)
            inside = [
                e
                for e in edits
                if block.raw_start <= e.start
                and e.end <= block.raw_end
                and not (e.rule == "exclude" and (e.start, e.end) == (block.raw_start, block.raw_end))
            ]
            lifted = [(e.start, e.end) for e in inside if e.rule == "exclude"]
            inside = [
                e for e in inside if e.rule == "exclude" or not any(s <= e.start and e.end <= t for s, t in lifted)
            ]
            rebuilt = apply_edits(build.raw[block.raw_start : block.raw_end], _shifted(inside, -block.raw_start))
            if rebuilt != block.text:
                msg = f"{build.where}: block {block.text[:20]!r} does not rebuild from its raw span ({rebuilt[:40]!r})"
                raise BuildError(msg)


def _shifted(edits: Iterable[Edit], by: int) -> list[Edit]:
    return [Edit(e.rule, e.start + by, e.end + by, e.old, e.new) for e in edits]


# -- public entry points ---------------------------------------------------------------
def build(corpus_dir: Path, *, mentions: bool = True) -> Corpus:
    """Build the corpus from an editorial ``corpus/`` directory (``mentions=False``: text only).

    Raises:
        BuildError: A layout hint or an annotation does not fit the text.
    """
    raw_dir = corpus_dir / "raw"
    sources = sorted(raw_dir.glob("*.txt"))
    if not sources:
        msg = f"no raw sources in {raw_dir}"
        raise BuildError(msg)
    articles: list[Article] = []
    for path in sources:
        articles.extend(_build_source(path, corpus_dir / "layout", corpus_dir / "annotations" if mentions else None))
    return Corpus(articles)


ANNOTATION_LAYERS = ("", "first", "second")
"""The annotation folders under ``corpus/annotations``: the gold layer and the two independent readings."""


def rebase(corpus_dir: Path, old_data: Path) -> list[str]:
    """Move every annotation's offsets from the texts in ``old_data`` to the texts a rebuild makes.

    For a cleaning change that shifts text (a paragraph split, a repaired mark): mentions in unchanged
    stretches move with them; a mention whose own characters changed is reported, not guessed.

    Returns:
        One line per annotation file rewritten, then one per mention that needs a human look.
    """
    import difflib  # noqa: PLC0415 - build-time only

    old = {a["id"]: a["text"] for a in json.loads(old_data.read_text(encoding="utf-8"))["articles"]}
    report: list[str] = []
    for article in build(corpus_dir, mentions=False):
        before = old.get(article.id)
        if before is None or before == article.text:
            continue
        matcher = difflib.SequenceMatcher(None, before, article.text, autojunk=False)
        equal = [(i1, i2, j1) for tag, i1, i2, j1, _ in matcher.get_opcodes() if tag == "equal"]
        for layer in ANNOTATION_LAYERS:
            path = corpus_dir / "annotations" / layer / f"{article.id}.jsonl"
            if not path.exists():
                continue
            lines = []
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                item = json.loads(line)
                moved = next(
                    (j1 + item["start"] - i1 for i1, i2, j1 in equal if i1 <= item["start"] and item["end"] <= i2),
                    None,
                )
                if moved is None:
                    report.append(f"{path}:{number}: {item['text']!r} changed; fix it by hand")
                else:
                    item["end"] = moved + item["end"] - item["start"]
                    item["start"] = moved
                lines.append(json.dumps(item, ensure_ascii=False))
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            report.insert(0, f"rebased {path}")
    return report


class Agreement(NamedTuple):
    """How two independent readings of one article's mentions compare."""

    article_id: str
    first: int
    second: int
    matched: int  # same kind and span
    same_value: int  # of the matched, with equal values
    gold: int
    gold_changed: int  # gold mentions that neither reading had exactly (kind, span, value)

    @property
    def f1(self) -> float:
        """Span-and-kind F1 of one reading against the other (symmetric)."""
        total = self.first + self.second
        return 2 * self.matched / total if total else 1.0


def _layer(path: Path) -> dict[tuple[str, int, int], Any]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {(i["kind"], i["start"], i["end"]): i["value"] for i in items}


def agreement(corpus_dir: Path) -> list[Agreement]:
    """Compare the two independent readings (``annotations/first``, ``annotations/second``) per article."""
    rows = []
    folder = corpus_dir / "annotations"
    for gold_path in sorted(folder.glob("*.jsonl")):
        first_path, second_path = folder / "first" / gold_path.name, folder / "second" / gold_path.name
        if not (first_path.exists() and second_path.exists()):
            continue
        first, second, gold = _layer(first_path), _layer(second_path), _layer(gold_path)
        matched = first.keys() & second.keys()
        changed = sum(
            1 for key, value in gold.items() if first.get(key, ...) != value and second.get(key, ...) != value
        )
        rows.append(
            Agreement(
                gold_path.stem,
                len(first),
                len(second),
                len(matched),
                sum(1 for key in matched if first[key] == second[key]),
                len(gold),
                changed,
            )
        )
    return rows


def render(corpus: Corpus) -> dict[str, bytes]:
    """The files of the data directory, by name."""
    data = (json.dumps(corpus_to_data(corpus), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    sources = {}
    for article in corpus:
        sources[article.source.name] = hashlib.sha256(article.source.raw.encode("utf-8")).hexdigest()
    manifest = {
        "corpus.json": hashlib.sha256(data).hexdigest(),
        "sources": sources,
        "articles": len(corpus),
    }
    return {"corpus.json": data, "MANIFEST.json": (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode()}


def write(corpus: Corpus, out_dir: Path) -> None:
    """Write the data files into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, content in render(corpus).items():
        tmp = out_dir / (name + ".tmp")
        tmp.write_bytes(content)
        tmp.replace(out_dir / name)


def main(argv: Sequence[str] | None = None) -> int:
    """Build (or with ``--check`` verify) the packaged data from ``corpus/``."""
    parser = argparse.ArgumentParser(prog="python -m yixian_corpus._build", description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"), help="the editorial corpus directory")
    parser.add_argument("--out", type=Path, default=Path("src/yixian_corpus/data"), help="the data directory")
    parser.add_argument("--check", action="store_true", help="fail if the data directory differs from a rebuild")
    parser.add_argument(
        "--rebase", type=Path, metavar="OLD_JSON", help="move annotation offsets from an older corpus.json first"
    )
    args = parser.parse_args(argv)
    try:
        if args.rebase is not None:
            for line in rebase(args.corpus, args.rebase):
                sys.stdout.write(line + "\n")
        corpus = build(args.corpus)
    except BuildError as error:
        sys.stderr.write(f"build failed: {error}\n")
        return 1
    if args.check:
        stale = [
            name
            for name, content in render(corpus).items()
            if not (args.out / name).exists() or (args.out / name).read_bytes() != content
        ]
        if stale:
            sys.stderr.write("data is out of date: " + ", ".join(stale) + " (run python -m yixian_corpus._build)\n")
            return 1
        sys.stdout.write("data is up to date\n")
        return 0
    write(corpus, args.out)
    sys.stdout.write(f"wrote {len(corpus)} articles to {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
