"""Exports for sequence labelling and annotation tools: character-level CoNLL (BIO) and brat standoff.

CoNLL
    One character per line, ``CHAR<TAB>TAG`` with BIO tags (``B-PER``,
    ``I-PER``, ``O``, …); whitespace characters are left out.  Sentences end
    after ``。！？`` (with any closing quotes or brackets that follow) and at
    the end of every line of the article (title, heading, paragraph,
    caption); a blank line separates sentences.  Each article starts with the
    line ``-DOCSTART-<TAB>O`` and a blank line; articles come in corpus order.
    A sentence is never split inside an exported mention.

    BIO cannot nest, so one layer is chosen: by default every kind but
    ``quote`` (quotations contain the other mentions); where kept mentions
    overlap the longer one wins (then the earlier one).

brat
    One ``ID.txt`` (exactly ``article.text``) and ``ID.ann`` per article,
    plus ``annotation.conf``.  Every mention is a ``T`` line with character
    offsets into the ``.txt`` (a mention that crosses a line break becomes a
    discontinuous span, one fragment per line); normalized values that differ
    from the mention's text (canonical names, dates, numbers) are
    ``AnnotatorNotes``.  brat allows overlaps, so all kinds are kept.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ._atomic import atomic_directory, atomic_write
from ._model import DateValue, MentionKind, Quantity, TimeValue

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Iterator

    from ._corpus import Corpus
    from ._model import Article, Mention

__all__ = [
    "BRAT_TYPES",
    "CONLL_LABELS",
    "DEFAULT_CONLL_KINDS",
    "brat_annotations",
    "conll_lines",
    "to_brat",
    "to_conll",
]

CONLL_LABELS = {
    MentionKind.PERSON: "PER",
    MentionKind.ORGANIZATION: "ORG",
    MentionKind.LOCATION: "LOC",
    MentionKind.DATE: "DATE",
    MentionKind.TIME: "TIME",
    MentionKind.QUANTITY: "QUANTITY",
    MentionKind.QUOTE: "QUOTE",
    MentionKind.WORK: "WORK",
    MentionKind.ROLE: "ROLE",
}
"""The BIO label of each mention kind."""

DEFAULT_CONLL_KINDS = tuple(kind for kind in MentionKind if kind is not MentionKind.QUOTE)
"""The kinds :func:`to_conll` exports unless told otherwise: all but quotations."""

BRAT_TYPES = {kind: kind.value.capitalize() for kind in MentionKind}
"""The brat entity type of each mention kind (``Person``, ``Organization``, …)."""

_SENTENCE_END = frozenset("。！？")
_CLOSING = frozenset("”’」』）》)\"'")
_BRAT_SUFFIXES = frozenset({".txt", ".ann", ".conf"})
# Tabs and everything str.splitlines() breaks at: replaced by a space in the .ann text field.
_LINE_BREAKING = re.compile("[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


# -- CoNLL ---------------------------------------------------------------------------------
def _choose(mentions: Iterable[Mention], kinds: frozenset[MentionKind]) -> list[Mention]:
    """Non-overlapping mentions of ``kinds``: longer first, then earlier."""
    taken: list[Mention] = []
    occupied: set[int] = set()
    candidates = [m for m in mentions if m.kind in kinds and m.end > m.start]
    for mention in sorted(candidates, key=lambda m: (m.start - m.end, m.start)):
        span = range(mention.start, mention.end)
        if occupied.isdisjoint(span):
            occupied.update(span)
            taken.append(mention)
    return sorted(taken, key=lambda m: m.start)


def _tags(article: Article, kinds: frozenset[MentionKind]) -> list[str]:
    """The tag of every character; whitespace (never written) is ``O``, so ``B-`` marks the first written one."""
    text = article.text
    tags = ["O"] * len(text)
    for mention in _choose(article.mentions, kinds):
        label = CONLL_LABELS[mention.kind]
        written = [offset for offset in range(mention.start, mention.end) if not text[offset].isspace()]
        for index, offset in enumerate(written):
            tags[offset] = f"{'I' if index else 'B'}-{label}"
    return tags


def _continues_mention(text: str, tags: list[str], position: int, end: int) -> bool:
    """Whether the next written character at or after ``position`` (before ``end``) is inside a mention."""
    while position < end and text[position].isspace():
        position += 1
    return position < end and tags[position].startswith("I-")


def _sentences(article: Article, tags: list[str]) -> Iterator[list[int]]:
    """Offsets of the non-space characters of each sentence."""
    text = article.text
    for block in article.blocks:
        sentence: list[int] = []
        position = block.start
        while position < block.end:
            char = text[position]
            if not char.isspace():
                sentence.append(position)
            position += 1
            if char in _SENTENCE_END:
                while position < block.end and (text[position] in _SENTENCE_END or text[position] in _CLOSING):
                    sentence.append(position)
                    position += 1
                if sentence and not _continues_mention(text, tags, position, block.end):
                    yield sentence
                    sentence = []
        if sentence:
            yield sentence


def _parse_kinds(kinds: Iterable[MentionKind | str] | None) -> frozenset[MentionKind]:
    if kinds is None:
        return frozenset(DEFAULT_CONLL_KINDS)
    if isinstance(kinds, str):
        kinds = [kinds]
    return frozenset(MentionKind.parse(kind) for kind in kinds)


def conll_lines(corpus: Corpus, *, kinds: Iterable[MentionKind | str] | None = None) -> Iterator[str]:
    r"""The lines of the CoNLL export (without line ends), as :func:`to_conll` writes them.

    Example:
        >>> import yixian_corpus
        >>> lines = list(conll_lines(yixian_corpus.load()))
        >>> lines[0]
        '-DOCSTART-\tO'
    """
    wanted = _parse_kinds(kinds)
    for article in corpus:
        yield "-DOCSTART-\tO"
        yield ""
        tags = _tags(article, wanted)
        for sentence in _sentences(article, tags):
            for offset in sentence:
                yield f"{article.text[offset]}\t{tags[offset]}"
            yield ""


def to_conll(
    corpus: Corpus,
    path: str | os.PathLike[str],
    *,
    kinds: Iterable[MentionKind | str] | None = None,
    overwrite: bool = False,
) -> Path:
    """Write character-level BIO tags in CoNLL columns (see the module documentation).

    Args:
        corpus: The corpus (or a filtered part of it).
        path: The file to write.
        kinds: The mention kinds to tag (default: all but ``quote``).
        overwrite: Replace ``path`` if it exists.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.

    Raises:
        UnknownKindError: ``kinds`` names an unknown kind.
    """
    lines = conll_lines(corpus, kinds=kinds)
    with atomic_write(path, overwrite=overwrite) as handle:
        for line in lines:
            handle.write(line)
            handle.write("\n")
    return Path(path)


# -- brat ----------------------------------------------------------------------------------------
def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    fragments = []
    position = start
    for piece in text[start:end].split("\n"):
        if piece:
            fragments.append((position, position + len(piece)))
        position += len(piece) + 1
    return fragments


def _note(mention: Mention) -> str | None:
    value = mention.value
    if isinstance(value, str):
        note = value
    elif isinstance(value, Quantity):
        note = (
            f"{value.number}"
            + (f" {value.unit}" if value.unit else "")
            + (" (approximate)" if value.approximate else "")
        )
    elif isinstance(value, DateValue):
        note = value.iso + (" (year inferred)" if value.year_inferred else "")
    elif isinstance(value, TimeValue):
        parts = [p for p in (value.iso, value.part_of_day) if p]
        note = " ".join(parts) + (" (approximate)" if value.approximate else "")
    else:
        return None
    note = re.sub(r"\s", " ", note).strip()
    return note if note and note != mention.text else None


def brat_annotations(article: Article) -> str:
    r"""The ``.ann`` standoff of one article.

    Example:
        >>> import yixian_corpus
        >>> first = brat_annotations(yixian_corpus.load()["000-donghe"]).splitlines()[0]
        >>> first.startswith("T1\t")
        True
    """
    lines = []
    number = 0
    for mention in article.mentions:
        fragments = _fragments(article.text, mention.start, mention.end)
        if not fragments:
            continue
        number += 1
        spans = ";".join(f"{start} {end}" for start, end in fragments)
        surface = " ".join(article.text[start:end] for start, end in fragments)
        surface = _LINE_BREAKING.sub(" ", surface)
        lines.append(f"T{number}\t{BRAT_TYPES[mention.kind]} {spans}\t{surface}\n")
        note = _note(mention)
        if note is not None:
            lines.append(f"#{number}\tAnnotatorNotes T{number}\t{note}\n")
    return "".join(lines)


def _file_stems(corpus: Corpus) -> list[str]:
    stems: list[str] = []
    used: set[str] = set()
    for index, article in enumerate(corpus):
        stem = re.sub(r"[^\w.-]", "_", article.id).lstrip(".") or f"article-{index}"
        if stem.lower() in used or stem.lower() == "annotation":
            stem = f"{stem}-{index}"
        used.add(stem.lower())
        stems.append(stem)
    return stems


def _annotation_conf() -> str:
    entities = "\n".join(BRAT_TYPES[kind] for kind in MentionKind)
    return f"[entities]\n{entities}\n\n[relations]\n\n[events]\n\n[attributes]\n"


def to_brat(corpus: Corpus, directory: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write a brat standoff directory: ``ID.txt`` + ``ID.ann`` per article and ``annotation.conf``.

    The directory is written atomically (built beside the target, then
    renamed).  An existing empty directory is filled; an existing export is
    replaced only with ``overwrite=True``, and never a directory holding
    other files.  Article ids become file names (characters other than
    letters, digits, ``.``, ``-`` and ``_`` as ``_``).

    Args:
        corpus: The corpus (or a filtered part of it).
        directory: The directory to write.
        overwrite: Replace an earlier export in ``directory``.

    Returns:
        ``directory`` as a :class:`~pathlib.Path`.
    """
    target = Path(directory)
    stems = _file_stems(corpus)
    # The temporary directory is private until it is renamed, so its files need no atomic writes of their own.
    with atomic_directory(target, overwrite=overwrite, allowed_suffixes=_BRAT_SUFFIXES) as temp:
        (temp / "annotation.conf").write_text(_annotation_conf(), encoding="utf-8", newline="")
        for stem, article in zip(stems, corpus, strict=True):
            (temp / f"{stem}.txt").write_text(article.text, encoding="utf-8", newline="")
            (temp / f"{stem}.ann").write_text(brat_annotations(article), encoding="utf-8", newline="")
    return target
