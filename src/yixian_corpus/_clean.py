r"""The cleaner: repair → normalize → reflow, reusable on any text, recording every edit.

:func:`clean_text` runs named rules in a fixed order.  Each rule changes only
characters of the raw text, so every change is one :class:`~yixian_corpus.Edit`
in raw offsets, and :class:`CleanResult` can map any clean offset back to the
raw text.

The rules, in order:

``newline``
    ``\r\n`` and ``\r`` become ``\n``.
``markup``
    Markdown heading markers (``#``, ``##`` …) at the start of a line, and the
    section numbers that follow them or stand alone after them, are removed;
    the heading level and number are kept as block structure
    (:attr:`CleanResult.blocks`).
``punct-shift``
    Repairs text from Founder (方正) typeset PDFs whose full-width punctuation
    came out one GB2312 row too high (``袁`` for ``，``, ``遥`` for ``。``, ``野``/``冶``
    for ``“``/``”`` …).  The rule first decides whether the document has the
    defect at all (the shifted characters must outnumber real punctuation),
    then decides every occurrence in context: quote and bracket characters
    only in pairs, dashes and ellipses only in runs, and never where the
    character forms a common word with its neighbour (医院, 要求, 遥远, 野外, …).
    Text without the defect is never touched.
``width``
    Half-width ``, : ; ! ? ( )`` next to Chinese text become full-width;
    between ASCII letters or digits (``1,234``, ``6:30``, ``f(x)``) they stay.
``reflow``
    Lines broken inside a sentence (by page columns or page breaks) are
    rejoined; a line break stays where a paragraph ends (sentence-final
    punctuation) or after a heading-like line (short, no sentence punctuation
    inside, or with a heading separator such as ``：``, ``——`` or a space).
    Blank lines are dropped: the clean text has one block per line.
``quotes``
    ASCII ``"…"`` pairs around Chinese text become ``“…”``.
``space``
    Spaces between Chinese characters, between Chinese and digits, and next
    to full-width punctuation are removed in running text; in headings one
    space between two phrases is kept.  Spaces between Chinese and Latin words
    (``思路 and 方向``) and after a line-initial time or number label
    (``6:30 起床``) stay.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from typing import TYPE_CHECKING, NamedTuple

import attrs
import regex

from ._edits import Replacement, Rewriter
from ._model import Edit
from .exceptions import SpanError, YixianError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator


__all__ = ["RULES", "CleanBlock", "CleanResult", "clean_text", "is_heading_like"]

RULES = ("exclude", "newline", "markup", "punct-shift", "width", "reflow", "quotes", "space")
"""The names of the cleaning rules, in the order they run."""

# -- character classes --------------------------------------------------------------
_HAN = r"\p{Han}"
_CJK_PUNCT = "，。、；：！？“”‘’（）《》〈〉【】「」『』〔〕—…·～￥"
_CJK = f"[{_HAN}{_CJK_PUNCT}\u3000-\u303f\uff01-\uff60]"
_SPACE = " \t\u3000\u00a0\u2002\u2003\u2009\u202f"
_TERMINAL = "。！？!?…"
_CLOSERS = "”’）)」』》】]〉〕\"'"
_CONTINUATION_END = "，、；：,;:（(“‘《【〈「『—"
_SENTENCE_INSIDE = "，、；,;"
_HEADING_SEPARATORS = ("：", ":", "——", "·", "•", "|", "｜")

_IS_CJK = regex.compile(_CJK)
_IS_HAN = regex.compile(_HAN)


class CleanBlock(NamedTuple):
    """One line of the clean text, with what the cleaner could tell about it.

    Attributes:
        start: Start offset in the clean text.
        end: End offset in the clean text.
        heading: True when the line looks like a heading (or was marked as one).
        level: The markdown heading level (1 for ``#``) when the raw line had a marker, else None.
        number: A section number that stood next to the marker (``# 2``), else None.
    """

    start: int
    end: int
    heading: bool
    level: int | None
    number: str | None


@attrs.frozen
class CleanResult:
    r"""What :func:`clean_text` returns.

    Attributes:
        raw: The input text.
        text: The clean text, one block (paragraph or heading) per line.
        edits: Every change, in raw offsets, sorted; applying them to ``raw`` gives ``text``.
        blocks: The lines of ``text`` with heading information.

    Example:
        >>> result = clean_text("疫情防控,人人有责 !\n\n第二段")
        >>> result.text
        '疫情防控，人人有责！\n第二段'
        >>> [(e.rule, e.old, e.new) for e in result.edits]
        [('width', ',', '，'), ('space', ' ', ''), ('width', '!', '！'), ('reflow', '\n\n', '\n')]
        >>> result.raw_span(5, 9)
        (5, 9)
    """

    raw: str = attrs.field(repr=False)
    text: str
    edits: tuple[Edit, ...] = attrs.field(repr=False)
    blocks: tuple[CleanBlock, ...] = attrs.field(repr=False)
    _clean_starts: list[int] = attrs.field(repr=False, eq=False)
    _clean_ends: list[int] = attrs.field(repr=False, eq=False)

    def raw_offset(self, offset: int) -> int:
        """Map an offset of :attr:`text` to the raw text (the start of the raw material it came from).

        Raises:
            ValueError: ``offset`` is outside the clean text.
        """
        if not 0 <= offset <= len(self.text):
            msg = f"offset {offset} is outside the clean text (length {len(self.text)})"
            raise ValueError(msg)
        i = bisect_right(self._clean_starts, offset) - 1
        if i < 0:
            return offset
        edit = self.edits[i]
        if offset < self._clean_ends[i]:
            return edit.start
        return offset - self._clean_ends[i] + edit.end

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of :attr:`text` to the raw span it was made from."""
        if not 0 <= start <= end <= len(self.text):
            msg = f"span {start}:{end} is outside the clean text (length {len(self.text)})"
            raise ValueError(msg)
        raw_start = self.raw_offset(start)
        if end == start:
            return raw_start, raw_start
        # The end maps from the last character's position, so a deletion right after the span is excluded.
        last = end - 1
        i = bisect_right(self._clean_starts, last) - 1
        raw_end = self.edits[i].end if i >= 0 and last < self._clean_ends[i] else self.raw_offset(last) + 1
        return raw_start, raw_end

    def edits_by_rule(self) -> dict[str, int]:
        """How many edits each rule made."""
        counts: dict[str, int] = {}
        for edit in self.edits:
            counts[edit.rule] = counts.get(edit.rule, 0) + 1
        return counts


# -- rule: exclude ---------------------------------------------------------------------
def _rule_exclude(raw: str, spans: Iterable[tuple[int, int]]) -> list[Replacement]:
    checked: list[Replacement] = []
    position = 0
    for span in sorted(spans):
        start, end = span
        typed: tuple[object, object] = (start, end)
        if not all(isinstance(v, int) for v in typed) or not position <= start <= end <= len(raw):
            msg = f"exclude span {span!r} is outside the text or overlaps another (text length {len(raw)})"
            raise SpanError(msg)
        checked.append(Replacement(start, end, "", "exclude"))
        position = end
    return checked


# -- rule: newline ---------------------------------------------------------------------
_CR = regex.compile(r"\r\n?")


def _rule_newline(text: str) -> Iterator[Replacement]:
    for match in _CR.finditer(text):
        yield Replacement(match.start(), match.end(), "\n", "newline")


# -- rule: markup ----------------------------------------------------------------------
_MARKER_LINE = regex.compile(
    r"^[ \t\u3000]*(?P<marks>#{1,6})(?=[ \t\u3000]|$)"  # a heading marker: #, ## … and a space
    r"(?:[ \t\u3000]+#{1,6}(?=[ \t\u3000]|$))*"  # repeated markers
    r"(?:[ \t\u3000]+(?P<num>\d{1,3}(?:\.\d{1,3})*\.?)(?=[ \t\u3000]|$))?"  # a section number: 1, 2.1, 3.
    r"[ \t\u3000]*",
    regex.MULTILINE,
)


def _rule_markup(text: str, headings: dict[int, tuple[int, str | None]]) -> Iterator[Replacement]:
    """Remove heading markers; remember (level, number) by the raw line start of the content."""
    pending_number: str | None = None
    for match in _MARKER_LINE.finditer(text):
        end = match.end()
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        number = match.group("num")
        if end == line_end:
            # A marker line with nothing else: "# 2" — the number belongs to the next heading.
            pending_number = number or pending_number
            yield Replacement(match.start(), end, "", "markup")
            continue
        headings[end] = (len(match.group("marks")), number or pending_number)
        pending_number = None
        yield Replacement(match.start(), end, "", "markup")


# -- rule: punct-shift -----------------------------------------------------------------
_SHIFT_TABLE = {
    "袁": "，",
    "遥": "。",
    "尧": "、",
    "野": "“",
    "冶": "”",
    "曰": "；",
    "噎": "…",
    "浴": "！",
    "院": "：",
    "渊": "（",
    "冤": "）",
    "耶": "‘",
    "爷": "’",
    "要": "—",
}
_SHIFTED = regex.compile("[" + "".join(_SHIFT_TABLE) + "]")
# Common words in which a shifted character is itself (general vocabulary, not this corpus).
_WORDS_AFTER = {  # char + next char
    "遥": set("远控感望测相遥想祝不"),
    "尧": set("舜帝都"),
    "野": set("外生心蛮草菜兽营战餐花猪鸭马性趣史"),
    "冶": set("金炼铸"),
    "浴": set("室场池血缸巾袍衣足霸液"),
    "院": set("长子士校落内外区方党办领里墙门系所部线务"),
    "渊": set("源博"),
    "冤": set("枉案屈家情魂狱仇"),
    "耶": set("稣路"),
    "爷": set("爷们俩"),
    "噎": set("住得着"),
}
_WORDS_BEFORE = {  # previous char + char
    "遥": set("逍路"),
    "尧": set("唐帝"),
    "野": set("田视原分朝撒越荒山旷郊狂粗村"),
    "冶": set("陶妖"),
    "浴": set("沐洗淋海光入"),
    "院": set("医法学察住出入病书剧寺议务究计庭大养老利儿生合容影戏宅后前小场科术"),
    "渊": set("深"),
    "冤": set("伸鸣喊含申"),
    "爷": set("大老姥少太倒爷"),
    "噎": set("哽因"),
    "曰": set("子诗书或名曰"),
}
_SURNAME_CUE = regex.compile(r"袁(?:某|\p{Han}{1,2}(?:说|表示|介绍|指出|告诉|同志|先生|女士))")
_PAIRS = {"野": ("冶", 400), "耶": ("爷", 80), "渊": ("冤", 40)}
_CLOSES = {close for close, _ in _PAIRS.values()}


def _has_shift_defect(text: str) -> bool:
    shifted = text.count("袁") + text.count("遥") + text.count("尧")
    real = sum(text.count(c) for c in "，。、,")
    # Defective text has shifted commas *and* full stops, and (almost) no real punctuation.
    return shifted >= 3 and shifted > 2 * real and "遥" in text  # noqa: PLR2004 - more than a name or two


def _is_word(text: str, i: int) -> bool:
    char = text[i]
    after = _WORDS_AFTER.get(char)
    if after and i + 1 < len(text) and text[i + 1] in after:
        return True
    before = _WORDS_BEFORE.get(char)
    return bool(before and i > 0 and text[i - 1] in before)


def _next_visible(text: str, i: int) -> str:
    j = i + 1
    while j < len(text) and text[j] in _SPACE + "\n":
        j += 1
    return text[j] if j < len(text) else "\n"


def _rule_punct_shift(text: str) -> Iterator[Replacement]:  # noqa: C901, PLR0912 - one decision per mark kind
    if not _has_shift_defect(text):
        return
    positions = [m.start() for m in _SHIFTED.finditer(text)]
    decided: dict[int, str] = {}
    # Pairs first: an opener takes the nearest following closer, with no other opener in between.
    for opener, (closer, reach) in _PAIRS.items():
        open_at: int | None = None
        for i in positions:
            char = text[i]
            if char == opener:
                open_at = i
            elif char == closer and open_at is not None and i - open_at <= reach:
                decided[open_at] = _SHIFT_TABLE[opener]
                decided[i] = _SHIFT_TABLE[closer]
                open_at = None
    for index, i in enumerate(positions):
        if i in decided:
            continue
        char = text[i]
        if char in {"要", "噎"}:
            # Dashes and ellipses come in runs of two or more.
            run_start = i
            while run_start > 0 and text[run_start - 1] == char:
                run_start -= 1
            run_end = i
            while run_end < len(text) and text[run_end] == char:
                run_end += 1
            if run_end - run_start >= 2 and not _is_word(text, run_start):  # noqa: PLR2004 - a pair at least
                decided[i] = _SHIFT_TABLE[char]
            continue
        if char in _PAIRS or char in _CLOSES or _is_word(text, i):
            continue  # unpaired quote/bracket characters, or real words, stay
        if char == "袁" and _SURNAME_CUE.match(text, i):
            continue
        if char == "院":
            after = _next_visible(text, i)
            previous = text[i - 1] if i else ""
            if after not in "野“耶\n" and previous not in "说道示出调绍绝答问":
                continue
        decided[i] = _SHIFT_TABLE[char]
        del index
    # A defect shows itself by marks that sit where punctuation belongs: when most of the comma,
    # full-stop and enumeration characters read as words, the document does not have it.
    main = [i for i in positions if text[i] in "袁遥尧"]
    if 2 * sum(1 for i in main if i in decided) < len(main):
        return
    for i in sorted(decided):
        yield Replacement(i, i + 1, decided[i], "punct-shift")


# -- rule: width -----------------------------------------------------------------------
_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_WS = f"[{_SPACE}\\n]*"
# What makes a mark Chinese: Chinese text nearby, not counting the marks this rule itself changes
# (so a second run decides the same way), which are skipped over together with spaces.
_FOLDED = "，：；！？（）"
# Quotation marks are looked through, not taken as Chinese: the quotes rule turns ASCII "…" into “…” after
# this rule, so a mark must be decided the same way before and after it (`"一",` and `“一”,` alike).
_QUOTE_MARKS = "\"'“”‘’"
_CONTEXT = (
    f"[{_HAN}{''.join(c for c in _CJK_PUNCT if c not in _FOLDED and c not in _QUOTE_MARKS)}\u3000-\u303f"
    "\uff02-\uff07\uff0a\uff0b\uff0d-\uff19\uff1c-\uff1e\uff20-\uff60]"
)
_MARKS = f"[{_SPACE}\\n,:;!?，：；！？{_QUOTE_MARKS}]*"
# A mark is Chinese when the nearest visible character on either side is Chinese; an opening
# bracket only when it opens Chinese text, a closing one only when it closes it.
_HALF_PUNCT = regex.compile(
    rf"(?<={_CONTEXT}{_MARKS})[,:;!?]|[,:;!?](?={_MARKS}{_CONTEXT})"
    rf"|(?<={_CONTEXT}{_WS}[0-9.%％‰]+{_MARKS})[,:;!?](?![0-9])"
    rf"|\((?=[{_SPACE}\n(（{_QUOTE_MARKS}]*{_CONTEXT})|(?<={_CONTEXT}[{_SPACE}\n)）{_QUOTE_MARKS}]*)\)"
)
_ASCII_ALNUM = regex.compile(r"[A-Za-z0-9]")


def _rule_width(text: str) -> Iterator[Replacement]:
    full = _FULL
    for match in _HALF_PUNCT.finditer(text):
        i = match.start()
        yield Replacement(i, i + 1, full[match.group()], "width")


# -- block shape -------------------------------------------------------------------------
_SHAPE = str.maketrans(
    {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）", '"': "“", **dict.fromkeys(_SPACE, "")}
)


def _is_complete(line: str) -> bool:
    """True when a paragraph ends here: sentence-final punctuation, or a closing credit such as ``。（王丹）``."""
    stripped = line[-48:]
    for space in _SPACE:
        stripped = stripped.replace(space, "")
    if not stripped:
        return not line[:-48].strip(_SPACE) or _is_complete(line[:-48])
    last = stripped[-1]
    if last in _TERMINAL:
        return True
    if last in _BRACKET_PAIRS:
        opener = _BRACKET_PAIRS[last]
        k = stripped.rfind(opener)
        if k >= 0 and len(stripped) - k <= 24:  # noqa: PLR2004 - a short credit: (王丹), （内蒙古司法厅供稿）
            before = stripped[:k] if k else line[: len(line) - 48].rstrip(_SPACE) if len(line) > 48 else ""  # noqa: PLR2004
            if not before or _is_complete(before):
                return True
    if last in _CLOSERS:
        i = len(stripped) - 1
        while i >= 0 and stripped[i] in _CLOSERS:
            i -= 1
        return i >= 0 and stripped[i] in _TERMINAL
    return False


_BRACKET_PAIRS = {"）": "（", ")": "(", "]": "[", "】": "【", "］": "［"}
_PARTICLE_END = set("的地得把被将和与及或向对从在于以而并且但")


def is_heading_like(line: str) -> bool:
    """True for a line that reads like a title or heading rather than a broken sentence.

    A heading has no sentence-final punctuation inside, does not end with a
    comma-like mark, and is either free of commas or built with a heading
    separator (``：``, ``——``, ``·`` or a space between phrases), and is short.

    Example:
        >>> is_heading_like("抗疫不缺位 党员身份亮出来")
        True
        >>> is_heading_like("公安：疫情不退，警察不退")
        True
        >>> is_heading_like("在这场战“疫”中，全市法院干警把")
        False
    """
    if len(line) > 240:  # noqa: PLR2004 - too long for a heading even with many spaces
        return False
    shape = line.translate(_SHAPE)
    if not shape or len(shape) > 60:  # noqa: PLR2004 - headings are short
        return False
    if any(c in _TERMINAL for c in shape[:-1]) or shape[-1] in "，、；：" or shape[-1] in _TERMINAL:
        return False
    if shape[-1] in _PARTICLE_END:
        return False  # a phrase does not end with 的, 把, 和 …: the sentence goes on
    separated = _PHRASE_SPACE.search(line) is not None or any(sep in shape for sep in _HEADING_SEPARATORS)
    if not any(c in "，、；" for c in shape):
        return separated or shape.startswith("—") or len(shape) <= 20  # noqa: PLR2004 - a plain heading is short
    return separated and len(shape) <= 40  # noqa: PLR2004


_PHRASE_SPACE = regex.compile(rf"[\p{{Han}}”’》）][{_SPACE}]+[\p{{Han}}“‘《（]")


# -- rule: reflow ----------------------------------------------------------------------
_BREAK = regex.compile(r"[ \t\u3000\u00a0\u2002\u2003\u2009\u202f]*\n[\s]*")
_EDGE_START = regex.compile(r"^\s+")
_EDGE_END = regex.compile(r"\s+$")


def _rule_reflow(text: str) -> Iterator[Replacement]:
    lead = _EDGE_START.match(text)
    if lead:
        yield Replacement(0, lead.end(), "", "reflow")
    if lead and lead.end() == len(text):
        return
    paragraph_start = lead.end() if lead else 0
    tail = _EDGE_END.search(text)
    tail_start = tail.start() if tail else len(text)
    for match in _BREAK.finditer(text, paragraph_start, tail_start):
        paragraph = text[paragraph_start : match.start()]
        if _is_complete(paragraph) or is_heading_like(paragraph):
            yield Replacement(match.start(), match.end(), "\n", "reflow")
            paragraph_start = match.end()
            continue
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        glue = " " if _ASCII_ALNUM.match(before) and _ASCII_ALNUM.match(after) else ""
        yield Replacement(match.start(), match.end(), glue, "reflow")
    if tail and tail.start() < len(text) and tail.start() >= paragraph_start:
        yield Replacement(tail.start(), len(text), "", "reflow")


# -- rule: quotes ----------------------------------------------------------------------
def _rule_quotes(text: str) -> Iterator[Replacement]:
    position = 0
    while position <= len(text):
        line_end = text.find("\n", position)
        line_end = len(text) if line_end < 0 else line_end
        line = text[position:line_end]
        count = line.count('"')
        if count and count % 2 == 0:
            marks = [position + k for k, c in enumerate(line) if c == '"']
            pairs = list(zip(marks[::2], marks[1::2], strict=False))
            if all(_IS_HAN.search(text, a + 1, b) for a, b in pairs):
                for a, b in pairs:
                    yield Replacement(a, a + 1, "“", "quotes")
                    yield Replacement(b, b + 1, "”", "quotes")
        position = line_end + 1


# -- rule: space -----------------------------------------------------------------------
_SPACES = regex.compile(f"[{_SPACE}]+")
_LABEL = regex.compile(r"\d{1,2}[:：]\d{2}|\d{1,3}[.、．]?")
_NO_SPACE_PUNCT = set("，。、；：！？")


def _rule_space(text: str) -> Iterator[Replacement]:
    line_start = 0
    heading_cache: dict[int, bool] = {}
    for match in _SPACES.finditer(text):
        start, end = match.start(), match.end()
        line_start = text.rfind("\n", 0, start) + 1
        if start == line_start:
            continue  # leading space of the text's first line is handled by reflow; nothing else reaches here
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if end == line_end:
            continue
        left, right = text[start - 1], text[end]
        left_cjk, right_cjk = _IS_CJK.match(left) is not None, _IS_CJK.match(right) is not None
        left_digit, right_digit = left.isascii() and left.isdigit(), right.isascii() and right.isdigit()
        chinese_gap = (left_cjk and right_cjk) or (left_cjk and right_digit) or (left_digit and right_cjk)
        if not chinese_gap and left not in _CJK_PUNCT and right not in _CJK_PUNCT:
            continue
        if left_digit and right_cjk and _LABEL.fullmatch(text, line_start, start):
            continue  # "6:30 起床": a time or number label keeps its space
        if line_start not in heading_cache:
            heading_cache[line_start] = is_heading_like(text[line_start:line_end])
        if (
            heading_cache[line_start]
            and left not in _NO_SPACE_PUNCT
            and right not in _NO_SPACE_PUNCT
            and not left_digit
            and not right_digit
        ):
            yield Replacement(start, end, " ", "space")
        else:
            yield Replacement(start, end, "", "space")


# -- the cleaner -------------------------------------------------------------------------
def clean_text(raw: str, *, exclude: Iterable[tuple[int, int]] = ()) -> CleanResult:
    r"""Clean ``raw`` text: repair extraction defects, normalize punctuation and spacing, reflow lines.

    Authors' own wording (typos included) is never changed; only extraction
    artefacts are.  Every change is recorded as an :class:`~yixian_corpus.Edit`.

    Args:
        raw: Any text (a ``str``).
        exclude: Raw ``(start, end)`` spans that are not running text (photo
            captions, boilerplate lines).  They are removed first (rule
            ``exclude``), so the text around them is rejoined as if they were
            not there; clean them on their own if you need their text.

    Returns:
        The clean text with its edits, blocks and a clean→raw offset map.

    Raises:
        YixianError: ``raw`` is not a ``str``.
        SpanError: An ``exclude`` span is outside ``raw`` or overlaps another.

    Example:
        >>> clean_text("从雨雪交融的冬末袁 走入万物待发\n\n的初春遥 随着3月 24日袁执勤人员撤回遥").text
        '从雨雪交融的冬末，走入万物待发的初春。随着3月24日，执勤人员撤回。'
    """
    if not isinstance(raw, str):
        msg = f"clean_text() needs a str, not {type(raw).__name__}"
        raise YixianError(msg)
    # A large input makes hundreds of thousands of small, acyclic objects; pausing the cyclic
    # garbage collector keeps the cleaner linear in the input size (reference counting still frees).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _clean(raw, exclude)
    finally:
        if collecting:
            gc.enable()


def _clean(raw: str, exclude: Iterable[tuple[int, int]]) -> CleanResult:
    rewriter = Rewriter(raw)
    rewriter.apply(_rule_exclude(raw, exclude))
    rewriter.apply(_rule_newline(rewriter.text))
    headings: dict[int, tuple[int, str | None]] = {}
    markup = list(_rule_markup(rewriter.text, headings))
    headings_by_raw = {rewriter.to_original(k, k)[0]: v for k, v in headings.items()}
    rewriter.apply(markup)
    rewriter.apply(_rule_punct_shift(rewriter.text))
    rewriter.apply(_rule_width(rewriter.text))
    rewriter.apply(list(_rule_reflow(rewriter.text)))
    rewriter.apply(_rule_quotes(rewriter.text))
    rewriter.apply(_rule_space(rewriter.text))
    edits = rewriter.edits()
    text = rewriter.text
    clean_starts: list[int] = []
    clean_ends: list[int] = []
    shift = 0
    for edit in edits:
        clean_start = edit.start + shift
        clean_starts.append(clean_start)
        clean_ends.append(clean_start + len(edit.new))
        shift += len(edit.new) - (edit.end - edit.start)
    result = CleanResult(raw, text, edits, (), clean_starts, clean_ends)
    return attrs.evolve(result, blocks=tuple(_blocks(result, headings_by_raw)))


def _blocks(result: CleanResult, headings_by_raw: dict[int, tuple[int, str | None]]) -> Iterator[CleanBlock]:
    text = result.text
    if not text:
        return
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        marked = headings_by_raw.get(result.raw_offset(start)) if line else None
        level, number = marked or (None, None)
        heading = bool(line) and (marked is not None or (not _is_complete(line) and is_heading_like(line)))
        yield CleanBlock(start, end, heading, level, number)
        start = end + 1
