"""Hypothesis strategies shared by the whole test suite (the ONLY place strategies live).

Import with ``from strategies import articles, corpora`` (``tests/`` is on ``sys.path`` through pytest's
``pythonpath`` setting).  Profiles (``default``/``long``) are set in ``tests/conftest.py``.

Each part of the project appends its own section below, headed like the ones here::

    # == <topic> (<issue or module>) ==========================================

Keep strategies deterministic in shape (no I/O, no global state) and typed (``mypy --strict`` runs on tests).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from yixian_corpus import (
    Article,
    Block,
    BlockKind,
    Caption,
    Corpus,
    DateValue,
    Edit,
    Mention,
    MentionKind,
    Paragraph,
    Quantity,
    Section,
    Source,
    TimeValue,
)
from yixian_corpus._model import MentionValue

# == text (foundation) =================================================================================================

CJK_MIN, CJK_MAX = 0x4E00, 0x9FA5
"""The CJK Unified Ideographs block (the characters of running Chinese text)."""

FULL_WIDTH_PUNCTUATION = "，。、；：？！“”‘’（）《》——…"
HALF_WIDTH_PUNCTUATION = ",.;:?!()"


def cjk_chars() -> st.SearchStrategy[str]:
    """Single Chinese characters."""
    return st.characters(min_codepoint=CJK_MIN, max_codepoint=CJK_MAX)


def cjk_text(min_size: int = 1, max_size: int = 30) -> st.SearchStrategy[str]:
    """Runs of Chinese characters only (no punctuation, no whitespace)."""
    return st.text(cjk_chars(), min_size=min_size, max_size=max_size)


def clean_line(min_size: int = 1, max_size: int = 60) -> st.SearchStrategy[str]:
    """One line of clean Chinese prose: Chinese characters, full-width punctuation and digits, no newline.

    The line never starts or ends with whitespace and holds no half-width punctuation between Chinese
    characters, so it is the kind of text the cleaner should return unchanged.
    """
    alphabet = st.one_of(
        cjk_chars(),
        cjk_chars(),
        cjk_chars(),
        st.sampled_from(FULL_WIDTH_PUNCTUATION),
        st.sampled_from("0123456789"),
    )
    return st.text(alphabet, min_size=min_size, max_size=max_size)


def dirty_texts(max_pieces: int = 80) -> st.SearchStrategy[str]:
    """Raw-like text for the cleaner's properties, built from the pieces the seeds are made of."""
    piece = st.one_of(
        _plain_han(1, 8),
        st.sampled_from([*sorted(_SHIFT_CHARS), "医院", "要求", "需要", "遥远"]),
        st.sampled_from(FULL_WIDTH_PUNCTUATION + HALF_WIDTH_PUNCTUATION + '"'),
        st.sampled_from(["0", "12", "3.5", "1,234", "6:30", "31.8%", "COVID-19", "APP", "and"]),
        st.sampled_from([" ", "\n", "\n\n", "\n\n\n\n", "# ", "## ", "# 2\n", "\u3000", "\t", "\r\n"]),
        st.characters(),
    )
    return st.lists(piece, max_size=max_pieces).map("".join)


_SHIFT_CHARS = set("袁遥尧野冶曰噎浴院渊冤耶爷要")


def _plain_han(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    return st.text(cjk_chars().filter(lambda c: c not in _SHIFT_CHARS), min_size=min_size, max_size=max_size)


@st.composite
def _clean_paragraph(draw: st.DrawFn) -> str:
    sentences = []
    for _ in range(draw(st.integers(1, 3))):
        clauses = draw(st.lists(_plain_han(1, 12), min_size=1, max_size=4))
        end = draw(st.sampled_from("。！？"))
        sentences.append("，".join(clauses) + end)
    return "".join(sentences)


@st.composite
def clean_texts(draw: st.DrawFn) -> str:
    """Text that is already clean: headings and complete paragraphs, one per line."""
    from yixian_corpus._clean import is_heading_like  # noqa: PLC0415 - the definition of a heading line

    heading = st.builds(
        lambda a, b: f"{a} {b}" if b else a, _plain_han(2, 10), st.one_of(st.just(""), _plain_han(2, 10))
    ).filter(is_heading_like)
    blocks = draw(st.lists(st.one_of(_clean_paragraph(), heading), min_size=1, max_size=6))
    return "\n".join(blocks)


# == model: small valid Articles and Corpora (foundation) ==============================================================

ARTICLE_IDS = st.from_regex(r"\A[0-9]{3}(-[1-9])?-[a-z]{2,8}\Z", fullmatch=True)
"""Article ids in the corpus scheme: ``NNN-slug`` or ``NNN-N-slug``."""


def mention_values(kind: MentionKind, text: str) -> st.SearchStrategy[MentionValue]:
    """A plausible normalized value for a mention of ``kind`` covering ``text``."""
    if kind in {MentionKind.PERSON, MentionKind.ORGANIZATION, MentionKind.LOCATION, MentionKind.ROLE}:
        return st.sampled_from([None, text])
    if kind is MentionKind.QUANTITY:
        return st.builds(
            Quantity,
            st.integers(0, 10**9).map(Decimal),
            st.one_of(st.none(), cjk_text(1, 2)),
            st.booleans(),
        )
    if kind is MentionKind.DATE:
        return st.builds(
            DateValue,
            st.dates().map(lambda d: d.isoformat()),
            st.booleans(),
        )
    if kind is MentionKind.TIME:
        return st.builds(
            TimeValue,
            st.one_of(st.none(), st.times().map(lambda t: t.strftime("%H:%M"))),
            st.one_of(st.none(), cjk_text(2, 3)),
            st.booleans(),
        )
    return st.none()


def _layout(lines: list[tuple[BlockKind, str]]) -> tuple[str, list[tuple[BlockKind, int, int]]]:
    """The article text of ``lines`` (one block per line, joined by ``"\n"``) and each block's span in it."""
    text = "\n".join(line for _, line in lines)
    spans: list[tuple[BlockKind, int, int]] = []
    offset = 0
    for kind, line in lines:
        spans.append((kind, offset, offset + len(line)))
        offset += len(line) + 1
    return text, spans


def _section(
    heading: str | None, own: list[tuple[BlockKind, int, int]], mentions: tuple[Mention, ...], text: str
) -> Section:
    """The :class:`~yixian_corpus.Section` of the blocks ``own`` (its heading's block included, if any)."""
    start, end = own[0][1], own[-1][2]
    return Section(
        heading,
        start,
        end,
        tuple(Paragraph(s, e, text) for k, s, e in own if k is BlockKind.PARAGRAPH),
        tuple(Caption(s, e, text) for k, s, e in own if k is BlockKind.CAPTION),
        tuple(m for m in mentions if start <= m.start and m.end <= end),
        text,
    )


@st.composite
def articles(  # noqa: PLR0913 - keyword-only knobs of one strategy
    draw: st.DrawFn,
    *,
    article_id: str | None = None,
    source: Source | None = None,
    max_sections: int = 3,
    max_paragraphs: int = 3,
    with_mentions: bool = True,
) -> Article:
    """A small, valid :class:`~yixian_corpus.Article` obeying the one-offset-space rule.

    ``article.text`` is title, optional subtitle, then per section an optional heading, its paragraphs and
    its captions, one block per line joined by ``"\\n"``.  Every span indexes into that text; mentions lie
    inside paragraphs and are sorted as the loader sorts them.
    """
    lines: list[tuple[BlockKind, str]] = [(BlockKind.TITLE, draw(clean_line(2, 20)))]
    subtitle = draw(st.one_of(st.none(), clean_line(2, 20)))
    if subtitle is not None:
        lines.append((BlockKind.SUBTITLE, subtitle))
    section_plan: list[tuple[str | None, list[str], list[str]]] = []
    for index in range(draw(st.integers(1, max_sections))):
        heading = draw(st.one_of(st.none(), clean_line(2, 12))) if index else None
        paragraphs = draw(st.lists(clean_line(1, 60), min_size=1, max_size=max_paragraphs))
        captions = draw(st.lists(clean_line(2, 20), max_size=1))
        section_plan.append((heading, paragraphs, captions))
        if heading is not None:
            lines.append((BlockKind.HEADING, heading))
        lines.extend((BlockKind.PARAGRAPH, p) for p in paragraphs)
        lines.extend((BlockKind.CAPTION, c) for c in captions)

    text, spans = _layout(lines)
    blocks = tuple(Block(kind, start, end, text) for kind, start, end in spans)

    the_id = article_id if article_id is not None else draw(ARTICLE_IDS)
    mentions: list[Mention] = []
    if with_mentions:
        paragraph_spans = [(s, e) for k, s, e in spans if k is BlockKind.PARAGRAPH and e > s]
        for _ in range(draw(st.integers(0, 4))):
            p_start, p_end = draw(st.sampled_from(paragraph_spans))
            start = draw(st.integers(p_start, p_end - 1))
            end = draw(st.integers(start + 1, min(p_end, start + 8)))
            mention_kind = draw(st.sampled_from(list(MentionKind)))
            surface = text[start:end]
            value = draw(mention_values(mention_kind, surface))
            mentions.append(Mention(mention_kind, surface, start, end, value, the_id))
    mentions.sort(key=lambda m: (m.start, m.end, m.kind.value))
    mention_tuple = tuple(mentions)

    sections: list[Section] = []
    cursor = 1 + (subtitle is not None)  # index into spans of the first block after title/subtitle
    for heading, paragraphs, captions in section_plan:
        count = (heading is not None) + len(paragraphs) + len(captions)
        sections.append(_section(heading, spans[cursor : cursor + count], mention_tuple, text))
        cursor += count
    if source is None:
        source = Source(name=f"{the_id}.txt", raw=text)
    return Article(
        id=the_id,
        title=lines[0][1],
        subtitle=subtitle,
        authors=tuple(draw(st.lists(cjk_text(2, 3), max_size=2))),
        source=source,
        text=text,
        blocks=blocks,
        sections=tuple(sections),
        captions=tuple(Caption(s, e, text) for k, s, e in spans if k is BlockKind.CAPTION),
        mentions=mention_tuple,
        edits=(),
        region=draw(st.one_of(st.none(), cjk_text(2, 6))),
        organs=tuple(draw(st.lists(st.sampled_from(["justice", "court", "procuratorate", "police"]), max_size=2))),
        date=None,
        period=draw(st.one_of(st.none(), st.just("2020-01/2020-03"))),
    )


@st.composite
def corpora(draw: st.DrawFn, *, min_size: int = 0, max_size: int = 4) -> Corpus:
    """A :class:`~yixian_corpus.Corpus` of small valid articles with distinct ids (one source per article)."""
    ids = draw(st.lists(ARTICLE_IDS, min_size=min_size, max_size=max_size, unique=True))
    return Corpus([draw(articles(article_id=article_id)) for article_id in ids])


# == export: corpora with every feature the exports carry (issue 6, _export*/_read) ==================================

EXPORT_ODD_CHARACTERS = (
    " ",
    "\t",
    "\r",
    "\u3000",
    "\u2028",
    "\x85",
    "\x0b",
    "\x00",
    "\ufeff",
    "😷",
    "<",
    "&",
    ">",
    '"',
    "'",
    "\\",
    ",",
    "é",
    "A",
    "7",
)
"""Characters that trip up writers: line separators other than ``\\n``, XML specials, controls, astral."""


def export_lines(min_size: int = 1, max_size: int = 24) -> st.SearchStrategy[str]:
    """One line (no ``\\n``) of mostly Chinese text sprinkled with :data:`EXPORT_ODD_CHARACTERS`."""
    alphabet = st.one_of(
        cjk_chars(),
        cjk_chars(),
        st.sampled_from(FULL_WIDTH_PUNCTUATION + "。！？"),
        st.sampled_from(EXPORT_ODD_CHARACTERS),
    )
    return st.text(alphabet, min_size=min_size, max_size=max_size)


def export_values(kind: MentionKind) -> st.SearchStrategy[MentionValue]:
    """A value of the type a ``kind`` mention carries, with awkward numbers, partial dates and vague times."""
    if kind is MentionKind.QUANTITY:
        numbers = st.one_of(
            st.integers(-(10**12), 10**12).map(Decimal),
            st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**6), max_value=10**6, places=3),
            st.sampled_from([Decimal("1.3E+4"), Decimal("0.5"), Decimal("-0")]),
        )
        return st.one_of(
            st.none(), st.builds(Quantity, numbers, st.one_of(st.none(), export_lines(1, 3)), st.booleans())
        )
    if kind is MentionKind.DATE:
        iso = st.one_of(
            st.dates().map(lambda d: d.isoformat()),
            st.sampled_from(["2020", "2020-02", "2021-07"]),
        )
        return st.one_of(st.none(), st.builds(DateValue, iso, st.booleans()))
    if kind is MentionKind.TIME:
        return st.one_of(
            st.none(),
            st.builds(
                TimeValue,
                st.one_of(st.none(), st.times().map(lambda t: t.strftime("%H:%M"))),
                st.one_of(st.none(), st.sampled_from(["凌晨", "深夜", "春节期间"])),
                st.booleans(),
            ),
        )
    return st.one_of(st.none(), export_lines(1, 8))


@st.composite
def export_sources(draw: st.DrawFn, *, name: str | None = None) -> Source:
    """A :class:`~yixian_corpus.Source` with raw text (newlines included) and optional metadata."""
    raw = draw(st.lists(export_lines(0, 30), min_size=1, max_size=4).map("\n".join))
    optional = st.one_of(st.none(), export_lines(1, 10))
    return Source(
        name=name if name is not None else draw(st.from_regex(r"\A00[0-9]_[0-9a-f]{16}\.txt\Z", fullmatch=True)),
        raw=raw,
        publication=draw(optional),
        provider=draw(optional),
        editor=draw(optional),
        breadcrumb=draw(optional),
    )


@st.composite
def export_articles(draw: st.DrawFn, *, article_id: str, source: Source) -> Article:
    """An :class:`~yixian_corpus.Article` with everything an export must carry.

    Lines hold odd characters; captions stand between paragraphs; mentions (of every kind, with values of
    every type) may fall in any block, nest or cross; edits point into the source's raw text.
    """
    plan: list[tuple[BlockKind, str, int | None]] = [(BlockKind.TITLE, draw(export_lines()), None)]
    subtitle = draw(st.one_of(st.none(), export_lines()))
    if subtitle is not None:
        plan.append((BlockKind.SUBTITLE, subtitle, None))
    headings: list[str | None] = []
    for index in range(draw(st.integers(1, 3))):
        heading = draw(st.one_of(st.none(), export_lines(1, 12)))
        headings.append(heading)
        if heading is not None:
            plan.append((BlockKind.HEADING, heading, index))
        body = [(BlockKind.PARAGRAPH, p) for p in draw(st.lists(export_lines(1, 40), min_size=1, max_size=3))]
        for caption in draw(st.lists(export_lines(1, 12), max_size=2)):
            body.insert(draw(st.integers(0, len(body))), (BlockKind.CAPTION, caption))
        plan.extend((kind, line, index) for kind, line in body)

    text, spans = _layout([(kind, line) for kind, line, _ in plan])
    placed = [(kind, start, end, owner) for (kind, start, end), (_, _, owner) in zip(spans, plan, strict=True)]

    mentions = []
    for _ in range(draw(st.integers(0, 6))):
        _, b_start, b_end, _ = draw(st.sampled_from(placed))
        start = draw(st.integers(b_start, b_end - 1))
        end = draw(st.integers(start + 1, b_end))
        mention_kind = draw(st.sampled_from(list(MentionKind)))
        value = draw(export_values(mention_kind))
        mentions.append(Mention(mention_kind, text[start:end], start, end, value, article_id))
    mentions.sort(key=lambda m: (m.start, m.end, m.kind.value))
    mention_tuple = tuple(mentions)

    sections = []
    for index, heading in enumerate(headings):
        own = [(k, s, e) for k, s, e, owner in placed if owner == index]
        sections.append(_section(heading, own, mention_tuple, text))

    edits = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, len(source.raw)))
        end = draw(st.integers(start, min(len(source.raw), start + 5)))
        rule = draw(st.sampled_from(["punct-shift", "fullwidth", "reflow", "space", "markup"]))
        edits.append(Edit(rule, start, end, source.raw[start:end], draw(export_lines(0, 2))))
    edits.sort(key=lambda e: (e.start, e.end))

    return Article(
        id=article_id,
        title=plan[0][1],
        subtitle=subtitle,
        authors=tuple(draw(st.lists(export_lines(1, 4), max_size=2))),
        source=source,
        text=text,
        blocks=tuple(
            Block(kind, start, end, text, *draw(st.sampled_from([(None, None), (0, len(source.raw))])))
            for kind, start, end, _ in placed
        ),
        sections=tuple(sections),
        captions=tuple(Caption(s, e, text) for k, s, e, _ in placed if k is BlockKind.CAPTION),
        mentions=mention_tuple,
        edits=tuple(edits),
        region=draw(st.one_of(st.none(), export_lines(1, 8))),
        organs=tuple(draw(st.lists(st.sampled_from(["justice", "court", "procuratorate", "police"]), max_size=2))),
        date=draw(st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))),
        period=draw(st.one_of(st.none(), st.sampled_from(["2020-01/2020-03", "2021-07/2021-08"]))),
    )


@st.composite
def export_corpora(draw: st.DrawFn, *, min_size: int = 0, max_size: int = 3) -> Corpus:
    """A :class:`~yixian_corpus.Corpus` of :func:`export_articles`; articles may share one source file."""
    names = draw(
        st.lists(st.from_regex(r"\A00[0-9]_[0-9a-f]{4}\.txt\Z", fullmatch=True), min_size=1, max_size=2, unique=True)
    )
    sources = [draw(export_sources(name=name)) for name in names]
    ids = draw(st.lists(ARTICLE_IDS, min_size=min_size, max_size=max_size, unique=True))
    return Corpus([draw(export_articles(article_id=i, source=draw(st.sampled_from(sources)))) for i in ids])


# == search: small-alphabet corpora and queries that hit often (issue 5, _search/_index/_filter/_stats) ================

SEARCH_ALPHABET = "疫情防控一线党员哈，,。.…()（）２2Aaａ“”\"'℃"
"""Characters for search tests: few enough that random queries match, with width variants of each other
(，/, ２/2 ａ/a （/( “/"), characters that fold to several (… to ..., ℃ to °C) and a self-overlapping one (哈)."""

SEARCH_NAMES = ("曹宇峰", "宇峰局长", "王勇", "张三")
"""Surface forms for person mentions; the first two are the same entity (value 曹宇峰)."""


def search_lines(min_size: int = 1, max_size: int = 30) -> st.SearchStrategy[str]:
    """One line of :data:`SEARCH_ALPHABET` text (no line break)."""
    return st.text(st.sampled_from(SEARCH_ALPHABET), min_size=min_size, max_size=max_size)


def search_queries(min_size: int = 1, max_size: int = 8) -> st.SearchStrategy[str]:
    """Literal queries over the search alphabet, sometimes with a line break or a name."""
    alphabet = st.one_of(st.sampled_from(SEARCH_ALPHABET), st.just("\n"))
    return st.one_of(st.text(alphabet, min_size=min_size, max_size=max_size), st.sampled_from(SEARCH_NAMES))


@st.composite
def search_articles(draw: st.DrawFn, *, article_id: str) -> Article:  # noqa: C901 - builds one whole article
    """A valid article of :data:`SEARCH_ALPHABET` text with names in it and person/role mentions on them.

    Layout: title, optional subtitle, then one to three sections (the first untitled), each of paragraphs
    and at most one caption, one block per line.  Names from :data:`SEARCH_NAMES` are put into paragraphs;
    each name occurrence may carry a person mention (value ``曹宇峰`` for both of its forms), and ``局长``
    inside ``宇峰局长`` may carry a role mention.
    """
    lines: list[tuple[BlockKind, str]] = [(BlockKind.TITLE, draw(search_lines(1, 12)))]
    subtitle = draw(st.one_of(st.none(), search_lines(1, 12)))
    if subtitle is not None:
        lines.append((BlockKind.SUBTITLE, subtitle))
    plan: list[tuple[str | None, int, int]] = []  # heading, paragraphs, captions
    for index in range(draw(st.integers(1, 3))):
        heading = draw(st.one_of(st.none(), search_lines(1, 8))) if index else None
        paragraphs = draw(st.integers(1, 3))
        captions = draw(st.integers(0, 1))
        if heading is not None:
            lines.append((BlockKind.HEADING, heading))
        for _ in range(paragraphs):
            pieces = draw(st.lists(st.one_of(search_lines(0, 12), st.sampled_from(SEARCH_NAMES)), min_size=1))
            lines.append((BlockKind.PARAGRAPH, "".join(pieces) or "。"))
        lines.extend((BlockKind.CAPTION, draw(search_lines(1, 10))) for _ in range(captions))
        plan.append((heading, paragraphs, captions))
    text, spans = _layout(lines)

    mentions: list[Mention] = []
    for kind, start, end in spans:
        if kind is not BlockKind.PARAGRAPH:
            continue
        for name in SEARCH_NAMES:
            at = text.find(name, start, end)
            while at >= 0:
                if draw(st.booleans()):
                    value = "曹宇峰" if name in {"曹宇峰", "宇峰局长"} else name
                    mentions.append(Mention(MentionKind.PERSON, name, at, at + len(name), value, article_id))
                if name == "宇峰局长" and draw(st.booleans()):
                    mentions.append(Mention(MentionKind.ROLE, "局长", at + 2, at + 4, "局长", article_id))
                at = text.find(name, at + len(name), end)
    mentions.sort(key=lambda m: (m.start, m.end, m.kind.value))
    mention_tuple = tuple(mentions)

    sections: list[Section] = []
    cursor = 1 + (subtitle is not None)
    for heading, paragraphs, captions in plan:
        own = spans[cursor : cursor + (heading is not None) + paragraphs + captions]
        cursor += len(own)
        sections.append(_section(heading, own, mention_tuple, text))
    return Article(
        id=article_id,
        title=lines[0][1],
        subtitle=subtitle,
        authors=tuple(draw(st.lists(st.sampled_from(["王丹", "肖玥", "李明"]), max_size=2, unique=True))),
        source=Source(name=f"{article_id}.txt", raw=text),
        text=text,
        blocks=tuple(Block(kind, start, end, text) for kind, start, end in spans),
        sections=tuple(sections),
        captions=tuple(Caption(s, e, text) for k, s, e in spans if k is BlockKind.CAPTION),
        mentions=mention_tuple,
        region=draw(st.sampled_from([None, "内蒙古自治区包头市", "湖南省张家界市"])),
        organs=tuple(draw(st.lists(st.sampled_from(["justice", "court", "police"]), max_size=2, unique=True))),
        date=draw(st.sampled_from([None, "2020-03-01", "2021-07-15"])),
        period=draw(st.sampled_from([None, "2020-01/2020-03", "2021-07"])),
    )


@st.composite
def search_corpora(draw: st.DrawFn, *, min_size: int = 1, max_size: int = 4) -> Corpus:
    """A :class:`~yixian_corpus.Corpus` of :func:`search_articles` with distinct ids."""
    ids = draw(st.lists(ARTICLE_IDS, min_size=min_size, max_size=max_size, unique=True))
    return Corpus([draw(search_articles(article_id=article_id)) for article_id in ids])


# == extraction: genre-like and hostile texts for the extractor (issue 4, _extract/_entities/_evaluate) ================

EXTRACT_FRAGMENTS = (
    "张",
    "王",
    "欧阳",
    "老",
    "小",
    "局长",
    "法官",
    "民警",
    "同志",
    "司法局",
    "人民法院",
    "派出所",
    "律师事务所",
    "市",
    "区",
    "县",
    "街道",
    "社区",
    "村",
    "嘎查",
    "苏木",
    "1月",
    "12日",
    "除夕",
    "凌晨",
    "3时许",
    "10点40分",
    "6:30",
    "近",
    "余",
    "多",
    "1.3万",
    "两",
    "名",
    "个",
    "人次",
    "%",
    "零下",
    "摄氏度",
    "“",
    "”",
    "《",
    "》",
    "工作法",
    "说：",
    "，",
    "。",
    "、",
    "！",
    "\n",
    " ",
    "第",
    "二",
    "十",
    "百",
    "千",
    "万",
    "年",
    "春节期间",
)
"""Pieces of the genre's surface: surnames, titles, suffixes, numbers, dates, quote and title marks."""


def extract_texts(max_pieces: int = 40) -> st.SearchStrategy[str]:
    """Texts glued from genre fragments and random Chinese characters (dense in rule triggers)."""
    piece = st.one_of(st.sampled_from(EXTRACT_FRAGMENTS), cjk_text(1, 3), st.integers(0, 99999).map(str))
    return st.lists(piece, max_size=max_pieces).map("".join)


def any_unicode_texts(max_size: int = 80) -> st.SearchStrategy[str]:
    """Arbitrary Unicode (controls, surrogate-free astral characters, combining marks, …)."""
    return st.text(st.characters(exclude_categories=["Cs"]), max_size=max_size)
