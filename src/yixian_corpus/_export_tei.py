"""The TEI P5 export: one ``teiCorpus`` file with a ``TEI`` document per article.

Each article gets a ``teiHeader`` (``titleStmt`` with title and authors,
``publicationStmt``, and a ``sourceDesc`` naming the outlet and the seed file)
and a ``body``: the title and subtitle as ``head``, one ``div type="section"``
per section with its ``head``, ``p`` paragraphs and ``figure``/``figDesc``
captions, in reading order.  Mentions are inline elements: ``persName``,
``orgName``, ``placeName``, ``date @when``, ``time @when``, ``measure
@quantity @unit``, ``q``, ``title``, ``roleName`` (canonical names in
``@key``; a quotation's speaker is not written, since TEI's ``@who`` points
to an element id and the corpus has no person register).

Mentions that nest are nested; a mention that *crosses* another one (starts
inside it and ends outside) cannot be expressed in XML and is left out (the
first of the two, in text order, is kept).  Characters that XML 1.0 forbids
(C0 controls other than tab and newline, lone surrogates, U+FFFE/U+FFFF) are
written as U+FFFD, and XML parsers read a carriage return back as a line feed.
The XML is built with :mod:`xml.etree.ElementTree`.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from ._atomic import atomic_write
from ._model import BlockKind, DateValue, Mention, MentionKind, Quantity, TimeValue

if TYPE_CHECKING:
    import os
    from decimal import Decimal
    from xml.etree.ElementTree import Element

    from ._corpus import Corpus
    from ._model import Article

__all__ = ["TEI_NAMESPACE", "to_tei"]

TEI_NAMESPACE = "http://www.tei-c.org/ns/1.0"
_XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_ISO_TIME = re.compile(r"\d{2}:\d{2}")
_TAGS = {
    MentionKind.PERSON: "persName",
    MentionKind.ORGANIZATION: "orgName",
    MentionKind.LOCATION: "placeName",
    MentionKind.DATE: "date",
    MentionKind.TIME: "time",
    MentionKind.QUANTITY: "measure",
    MentionKind.QUOTE: "q",
    MentionKind.WORK: "title",
    MentionKind.ROLE: "roleName",
}
# Elements whose content is running text: the indenter never adds whitespace inside them.
_STRUCTURE = {"teiCorpus", "TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "sourceDesc", "bibl"}
_STRUCTURE |= {"profileDesc", "textClass", "keywords", "settingDesc", "setting", "text", "body", "div", "figure"}
_STRUCTURE |= {"availability", "notesStmt"}


def _safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _tag(name: str) -> str:
    # Tags stay unqualified and the root element declares the TEI namespace as the default
    # (ElementTree's default_namespace option refuses unqualified attribute names).
    return name


def _sub(parent: Element, name: str, text: str | None = None, **attributes: str) -> Element:
    from xml.etree.ElementTree import SubElement  # noqa: PLC0415

    element = SubElement(parent, _tag(name), {key: _safe(value) for key, value in attributes.items()})
    if text is not None:
        element.text = _safe(text)
    return element


@attrs.define
class _Node:
    mention: Mention
    children: list[_Node] = attrs.field(factory=list)


def _nest(mentions: list[Mention]) -> list[_Node]:
    """Mentions as a forest of non-crossing spans (crossing ones dropped)."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        while stack and stack[-1].mention.end <= mention.start:
            stack.pop()
        if stack and stack[-1].mention.end < mention.end:
            continue  # crosses the enclosing mention: not expressible in XML
        node = _Node(mention)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def _mention_attributes(mention: Mention) -> dict[str, str]:
    value = mention.value
    if isinstance(value, str):
        return {} if mention.kind is MentionKind.QUOTE else {"key": value}
    if isinstance(value, DateValue):
        return {"when": value.iso} if _ISO_DATE.fullmatch(value.iso) else {}
    if isinstance(value, TimeValue):
        return {"when": f"{value.iso}:00"} if value.iso and _ISO_TIME.fullmatch(value.iso) else {}
    if isinstance(value, Quantity):
        attributes = {"quantity": _decimal(value.number)} if value.number.is_finite() else {}
        if value.unit:
            attributes["unit"] = value.unit
        if value.approximate:
            attributes["type"] = "approximate"
        return attributes
    return {}


def _decimal(number: Decimal) -> str:
    return format(number, "f")


def _append_text(element: Element, last: Element | None, text: str) -> None:
    if not text:
        return
    text = _safe(text)
    if last is None:
        element.text = (element.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _fill(element: Element, text: str, start: int, end: int, nodes: list[_Node]) -> None:
    position = start
    last: Element | None = None
    for node in nodes:
        mention = node.mention
        _append_text(element, last, text[position : mention.start])
        child = _sub(element, _TAGS[mention.kind], **_mention_attributes(mention))
        _fill(child, text, mention.start, mention.end, node.children)
        last = child
        position = mention.end
    _append_text(element, last, text[position:end])


@attrs.frozen
class _Text:
    """An article's text with its mentions sorted by start, for finding the mentions of each block quickly."""

    text: str
    mentions: list[Mention]
    starts: list[int]

    @classmethod
    def of(cls, article: Article) -> _Text:
        mentions = sorted((m for m in article.mentions if m.start < m.end), key=lambda m: m.start)
        return cls(article.text, mentions, [m.start for m in mentions])

    def inside(self, start: int, end: int) -> list[Mention]:
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        return [m for m in self.mentions[first:last] if m.end <= end]


def _inline(parent: Element, name: str, text: _Text, start: int, end: int, **attributes: str) -> Element:
    element = _sub(parent, name, **attributes)
    _fill(element, text.text, start, end, _nest(text.inside(start, end)))
    return element


def _header(parent: Element, article: Article) -> None:  # noqa: C901, PLR0912 - one optional field after another
    header = _sub(parent, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    title_stmt = _sub(file_desc, "titleStmt")
    _sub(title_stmt, "title", article.title, type="main")
    if article.subtitle:
        _sub(title_stmt, "title", article.subtitle, type="sub")
    for author in article.authors:
        _sub(title_stmt, "author", author)
    publication = _sub(file_desc, "publicationStmt")
    _sub(publication, "publisher", "yixian-corpus")
    _sub(publication, "idno", article.id, type="yixian-corpus")
    availability = _sub(publication, "availability")
    _sub(availability, "p", "Cleaned and annotated by yixian-corpus from the source named in sourceDesc.")
    source_desc = _sub(file_desc, "sourceDesc")
    bibl = _sub(source_desc, "bibl")
    _sub(bibl, "title", article.title)
    for author in article.authors:
        _sub(bibl, "author", author)
    source = article.source
    if source.publication:
        _sub(bibl, "publisher", source.publication)
    if source.provider:
        _sub(bibl, "distributor", source.provider)
    if source.editor:
        _sub(bibl, "editor", source.editor, role="responsible")
    if article.date:
        _sub(bibl, "date", article.date, **({"when": article.date} if _ISO_DATE.fullmatch(article.date) else {}))
    _sub(bibl, "idno", source.name, type="seed")
    if source.breadcrumb:
        _sub(bibl, "note", source.breadcrumb, type="breadcrumb")
    if article.region or article.organs or article.period:
        profile = _sub(header, "profileDesc")
        if article.region or article.period:
            setting = _sub(_sub(profile, "settingDesc"), "setting")
            if article.region:
                _sub(setting, "placeName", article.region)
            if article.period:
                _sub(setting, "date", article.period, type="period")
        if article.organs:
            keywords = _sub(_sub(profile, "textClass"), "keywords", scheme="#organs")
            for organ in article.organs:
                _sub(keywords, "term", organ)


def _article(parent: Element, article: Article) -> None:
    tei = _sub(parent, "TEI", **{f"{{{_XML_NAMESPACE}}}id": _xml_id(article.id)})
    _header(tei, article)
    body = _sub(_sub(tei, "text"), "body")
    text = _Text.of(article)
    divisions: dict[int, Element] = {}
    for block in article.blocks:
        if block.kind is BlockKind.TITLE:
            _inline(body, "head", text, block.start, block.end, type="main")
            continue
        if block.kind is BlockKind.SUBTITLE:
            _inline(body, "head", text, block.start, block.end, type="sub")
            continue
        index = next((i for i, s in enumerate(article.sections) if s.start <= block.start and block.end <= s.end), None)
        container = body
        if index is not None:
            if index not in divisions:
                divisions[index] = _sub(body, "div", type="section", n=str(index + 1))
            container = divisions[index]
        if block.kind is BlockKind.HEADING:
            _inline(container, "head", text, block.start, block.end)
        elif block.kind is BlockKind.CAPTION:
            _inline(_sub(container, "figure"), "figDesc", text, block.start, block.end)
        else:
            _inline(container, "p", text, block.start, block.end)


def _xml_id(article_id: str) -> str:
    """An ``xml:id`` (an NCName) for an article id: ``a-`` prefix, other characters as ``_``."""
    return "a-" + re.sub(r"[^\w.-]", "_", article_id)


def _indent(element: Element, level: int = 0) -> None:
    """Indent the structural elements only, never inside running text."""
    if element.tag not in _STRUCTURE or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    if not (element.text or "").strip():
        element.text = inner
    for child in element:
        _indent(child, level + 1)
        if not (child.tail or "").strip():
            child.tail = inner
    element[-1].tail = "\n" + "  " * level


def _corpus_header(parent: Element, corpus: Corpus) -> None:
    header = _sub(parent, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", "yixian-corpus export")
    publication = _sub(file_desc, "publicationStmt")
    _sub(publication, "publisher", "yixian-corpus")
    source_desc = _sub(file_desc, "sourceDesc")
    names = list(dict.fromkeys(article.source.name for article in corpus))
    if names:
        for name in names:
            _sub(_sub(source_desc, "bibl"), "idno", name, type="seed")
    else:
        _sub(source_desc, "p", "An empty selection of the corpus.")


def to_tei(corpus: Corpus, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write the corpus as TEI P5 XML (a ``teiCorpus`` with one ``TEI`` per article).

    See the module documentation for the element mapping.

    Args:
        corpus: The corpus (or a filtered part of it).
        path: The ``.xml`` file to write.
        overwrite: Replace ``path`` if it exists.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.

    Example:
        >>> import tempfile, pathlib, yixian_corpus
        >>> from xml.etree import ElementTree
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "corpus.xml"
        >>> _ = yixian_corpus.load().to_tei(path)
        >>> root = ElementTree.parse(path).getroot()
        >>> len(root.findall("{http://www.tei-c.org/ns/1.0}TEI"))
        7
    """
    from xml.etree.ElementTree import Element, tostring  # noqa: PLC0415 - imported on use

    root = Element(_tag("teiCorpus"), {"xmlns": TEI_NAMESPACE})
    _corpus_header(root, corpus)
    for article in corpus:
        _article(root, article)
    _indent(root)
    xml = tostring(root, encoding="unicode")
    with atomic_write(path, overwrite=overwrite) as handle:
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        handle.write(xml)
        handle.write("\n")
    return Path(path)
