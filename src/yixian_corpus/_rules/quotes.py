"""Titles of works and quotations.

``《…》`` titles, quoted names of methods, columns and accounts, quoted names of teams (organisations),
and quotations: speech and thought, told from scare quotes and slogans.
"""

from __future__ import annotations

import regex

from yixian_corpus._model import MentionKind

from .doc import Doc
from .lexicon import HAN_OR_DIGITS, RE_SPEECH_BEFORE, SPEECH_VERBS

__all__ = ["works_and_quotes"]

_RE_WORK_BOOK = regex.compile(r"《([^《》\n]{1,80})》")
_RE_QUOTE = regex.compile(r"“([^“”\n]{0,800})(”|(?=\n)|$)")
_RE_QUOTED_WORK_SUFFIX = regex.compile(r"(?:工作法|工作机制|经验|模式|行动)$")
_RE_AFTER_QUOTE_WORK = regex.compile(r"工作法|工作机制")
_RE_AFTER_QUOTE_WORK_HEAD = regex.compile(
    r"(?:微信公众号|公众号|专栏|栏目|专题|平台|热线|小程序|节目|品牌|专项行动|行动|活动|工程|APP|App|抖音号|视频号|网站)"
)
_RE_QUOTED_ORG = regex.compile(r"(?:工作室|先锋队|突击队|服务队|志愿队|工作站|服务站|小分队|服务团)$")

_RE_SPEECH_AFTER = regex.compile(rf"^[^，。！？；“”\n]{{0,16}}?(?:{SPEECH_VERBS})")
_RE_FINAL_PUNCT = regex.compile(r"[。！？!?…]")

_SHORT_QUOTE = 4
"""Quoted text shorter than this (and without sentence punctuation) is a scare quote, not speech."""


def works_and_quotes(doc: Doc) -> None:  # noqa: C901, PLR0912 - one decision list per quoted span
    text = doc.text
    for match in _RE_WORK_BOOK.finditer(text):
        start, end = match.span(1)
        if match.group(1).strip() and doc.free(start, end):
            doc.add(MentionKind.WORK, start, end, _strip_marks(match.group(1)))
    unclassified: list[tuple[int, int]] = []
    for match in _RE_QUOTE.finditer(text):
        start, end = match.span(1)
        content = match.group(1)
        mark_start, mark_end = match.start(), match.end()
        if not content.strip():
            continue
        if match.group(2) != "”" and _unclosed_with_saying(doc, match):
            continue
        after = text[mark_end : mark_end + 8]
        if match.group(2) == "”":
            head = _RE_AFTER_QUOTE_WORK.match(after)
            if head and len(content) <= 40:  # noqa: PLR2004 - a length or count threshold of the rule
                doc.add(MentionKind.WORK, mark_start, mark_end + head.end(), content + head.group())
                continue
            if _RE_AFTER_QUOTE_WORK_HEAD.match(after) and len(content) <= 20 and not _RE_FINAL_PUNCT.search(content):  # noqa: PLR2004 - a length or count threshold of the rule
                doc.add(MentionKind.WORK, start, end, content)
                continue
        if len(content) <= 15 and _RE_QUOTED_WORK_SUFFIX.search(content) and not _RE_FINAL_PUNCT.search(content):  # noqa: PLR2004 - a length or count threshold of the rule
            doc.add(MentionKind.WORK, start, end, content)
            continue
        if len(content) <= 20 and _RE_QUOTED_ORG.search(content):  # noqa: PLR2004 - a length or count threshold of the rule
            doc.add(MentionKind.ORGANIZATION, start, end, content)
            continue
        if _is_quoted_title(text, content, mark_start, mark_end):
            doc.add(MentionKind.WORK, start, end, content)
            continue
        before = text[max(0, mark_start - 12) : mark_start]
        issued = (
            len(content) >= _SHORT_QUOTE
            and _RE_ISSUED_BEFORE.search(text, max(0, mark_start - 16), mark_start) is not None
            and _RE_APPEAL_AFTER.match(text, mark_end) is not None
        )  # 司法局发出“…”的倡议: written words an organisation issued
        if issued:
            doc.issued.add(mark_start)
        scare = not issued and (
            len(content) < _SHORT_QUOTE
            or (
                match.group(2) == "”"
                and HAN_OR_DIGITS.match(text, mark_end) is not None
                and not _RE_SPEECH_AFTER.match(text, mark_end)
                and not _RE_SAYING_AFTER.match(text, mark_end)
                and not (len(content) >= _LONG_THOUGHT and "，" in content and text[mark_end] not in "的地")
            )
        )
        if scare and not _RE_FINAL_PUNCT.search(content):
            doc.add_slogan(start, end)
            continue
        speech = (
            issued
            or bool(_RE_URGE_BEFORE.search(before))  # 叮嘱他们“…”
            or bool(RE_SPEECH_BEFORE.search(before))
            or bool(_RE_SPEECH_AFTER.match(text[mark_end : mark_end + 20]) and len(content) >= 4)  # noqa: PLR2004 - a length or count threshold of the rule
            or (len(content) >= 4 and bool(_RE_FINAL_PUNCT.search(content[-2:] if content else "")))  # noqa: PLR2004 - a length or count threshold of the rule
            or (len(content) >= 8 and bool(_RE_FINAL_PUNCT.search(content)))  # noqa: PLR2004 - a length or count threshold of the rule
            or (len(content) >= _LONG_SPEECH and "，" in content)
            or (bool(doc.quotes) and doc.quotes[-1][3] == mark_start)  # “…”“…”: one more line of the same scene
        )
        if speech:
            doc.quotes.append((start, end, mark_start, mark_end))
        else:
            doc.add_slogan(start, end)
            unclassified.append((start, end))
    # a quoted name introduced once as a column or account is that work wherever it is quoted again
    titles = {m.value for m in doc.mentions if m.kind is MentionKind.WORK}
    for start, end in unclassified:
        if text[start:end] in titles and doc.free(start, end):
            doc.add(MentionKind.WORK, start, end, text[start:end])


_RE_ISSUED_BEFORE = regex.compile(r"(?:发出|提出|发布|发起|下发|印发|作出)[^，。；“”\n]{0,10}$")
_RE_APPEAL_AFTER = regex.compile(r"的?(?:倡议书|倡议|通知|号召|承诺书|公开信)")
_RE_URGE_BEFORE = regex.compile(r"(?:叮嘱|嘱咐|提醒|号召|要求)[^，。；“”\n]{0,4}$")
_RE_TITLE_HEAD_BEFORE = regex.compile(r"(?:平台|公众号|栏目|专栏|热线|小程序|账号|节目)$")
_RE_TITLE_LIST_AFTER = regex.compile(
    r"(?:“[^“”\n]{1,12}”)*(?:等)?(?:媒体|网络|新媒体|宣传)?(?:平台|公众号|栏目|专栏|账号|小程序)"
)
_RE_SAYING_AFTER = regex.compile(r"这(?:句|段|番|些)")
"""``“…”这句…名言``: the text goes on to attribute the quoted words."""
_LONG_THOUGHT = 20
"""Quoted text this long with a comma is speech or thought even with narration right after it (slogans are short)."""
_RE_INNER_SAYING = regex.compile(r"‘([^‘’“”\n]{4,200})’")


def _unclosed_with_saying(doc: Doc, match: regex.Match[str]) -> bool:
    """An opening “ never closed, with a ‘…’ saying inside: the words before it and the saying are two quotes.

    The narration after the saying (``这是…常说的``) is not quoted.  Returns whether the quote was handled.
    """
    content_start = match.start(1)
    inner = _RE_INNER_SAYING.search(doc.text, content_start, match.end(1))
    if inner is None:
        return False
    head_end = inner.start()
    if head_end > content_start and _RE_FINAL_PUNCT.search(doc.text[head_end - 1 : head_end]):
        doc.quotes.append((content_start, head_end, match.start(), head_end))
    doc.quotes.append((inner.start(1), inner.end(1), inner.start(), inner.end()))
    return True


_LONG_SPEECH = 15
"""Quoted text this long with a comma is speech even without a speech verb (slogans are shorter)."""


def _strip_marks(title: str) -> str:
    """A work's value: its title without quotation marks (网格员战“疫”备查手册 → 网格员战疫备查手册)."""
    return title.translate(_QUOTE_MARKS)


_QUOTE_MARKS = str.maketrans("", "", "“”‘’\"'")


def _is_quoted_title(text: str, content: str, mark_start: int, mark_end: int) -> bool:
    """A quoted name of a platform, account or column: “东河普法”“法润东河”等平台, 平台“法润东河”."""
    if len(content) > 12 or _RE_FINAL_PUNCT.search(content) or "，" in content:  # noqa: PLR2004 - a length or count threshold of the rule
        return False
    return bool(_RE_TITLE_HEAD_BEFORE.search(text, max(0, mark_start - 4), mark_start)) or bool(
        _RE_TITLE_LIST_AFTER.match(text, mark_end)
    )
