"""What names look like, for the two modules that read persons (``slots`` and ``persons``).

The syllables of transliterated names and the patterns of such names (with a middle dot or without),
the body of a Han name (no function words), the characters that end a place or a word rather than a
name, the kin words that may follow a name (乌日娜姐), and bylines (``（记者 周婷）``), whose names are
metadata, not text.
"""

from __future__ import annotations

import regex

from .lexicon import FUNCTION_CHARS, HAN, SURNAMES, TRANSLIT_CHARS, alt, words

__all__ = [
    "KIN_ALTERNATION",
    "KIN_WORDS",
    "NON_NAME_CHARS",
    "PLACE_END_CHARS",
    "RE_DOTTED_NAME",
    "RE_KIN_WORD",
    "RE_TRANSLIT_NAME",
    "SURNAME_FUNCTION_CHARS",
    "TRANSLIT_UNIT",
    "in_byline",
    "is_name_body",
]

TRANSLIT_UNIT = rf"(?:阿不都|阿不|阿卜杜|孟和|苏和|[{TRANSLIT_CHARS}])"
"""One transliterated syllable; 不 and 都 only in 阿不(都) (Abdu-, Abli-), where they are no function words."""
RE_TRANSLIT_NAME = regex.compile(
    rf"(?<![{TRANSLIT_CHARS}·]){TRANSLIT_UNIT}{{2,6}}(?:·(?:{TRANSLIT_UNIT}|[山汉]){{2,6}})?"
    rf"(?![{TRANSLIT_CHARS}·])"
)
_DOTTED_NAME_CHARS = "".join(sorted(set(TRANSLIT_CHARS) | set(SURNAMES) | set("山汉明平提地")))
RE_DOTTED_NAME = regex.compile(
    rf"(?<![{_DOTTED_NAME_CHARS}·])(?:阿不都|阿布都|阿不|[{_DOTTED_NAME_CHARS}]){{2,6}}·"
    rf"(?:阿不都|阿布都|阿不|[{_DOTTED_NAME_CHARS}]){{2,6}}(?![{_DOTTED_NAME_CHARS}·])"
)
"""A name written with a middle dot (叶尔兰·努尔兰, 买买提明·吐尔地): the dot marks it, whatever its syllables."""


SURNAME_FUNCTION_CHARS = SURNAMES & FUNCTION_CHARS


def is_name_body(word: str) -> bool:
    """Han characters without a function word, but for a surname that is one too (于海波, 向东)."""
    body = word[1:] if word[:1] in SURNAME_FUNCTION_CHARS and len(word) > 1 else word
    return HAN.fullmatch(word) is not None and FUNCTION_CHARS.isdisjoint(body)


PLACE_END_CHARS = frozenset("区市县省村镇乡路街巷屯寨上下里旁")
NON_NAME_CHARS = frozenset("码区市县省村镇乡路街巷门口线号牌卡站点灯车场所院局科股处厅部")
"""Characters that do not end a two-character Chinese name (黄码, 高速 … are words, not persons)."""


KIN_WORDS = words("大哥 大姐 阿姨 大叔 大妈 大爷 大婶 阿哥 阿姐 阿妹 哥 姐 叔 婶 妹 姨 嫂")
KIN_ALTERNATION = alt(sorted(KIN_WORDS, key=len, reverse=True))
RE_KIN_WORD = regex.compile(KIN_ALTERNATION + r"(?![哥姐叔婶妹姨嫂们夫])")


_RE_BYLINE_OPEN = regex.compile(r"[（(][^（）()\n]{0,24}$")
_RE_BYLINE_CLOSE = regex.compile(r"^[^（）()\n]{0,24}[）)]")
_RE_BYLINE_WORD = regex.compile(r"记者|通讯员|实习生|见习|摄影|摄|供图|特约")


_RE_CREDIT_AFTER = regex.compile(r"[ \u3000]?(?:摄影|摄|供图)[ \u3000]*(?:$|\n|[）)])")
_RE_CREDIT_BEFORE = regex.compile(
    r"(?:^|(?<=[\n。！？ \u3000]))(?:图|文|摄影|摄|图片|视频)[ \u3000]*[/／｜|][ \u3000]*$"
)


def in_byline(text: str, start: int, end: int) -> bool:
    """Whether ``start:end`` is a name in a byline or a photo credit.

    ``（记者 周婷）``, ``（通讯员 朴美兰 摄）``, a caption's ``…车辆。杨茂林 摄`` at the end of a line, and
    ``图/陈晨``: metadata, not text.
    """
    if _RE_CREDIT_AFTER.match(text, end) or _RE_CREDIT_BEFORE.search(text, max(0, start - 6), start):
        return True
    opening = _RE_BYLINE_OPEN.search(text, max(0, start - 24), start)
    closing = _RE_BYLINE_CLOSE.match(text[end : end + 25])
    if opening is None or closing is None:
        return False
    inside = text[opening.start() : end + closing.end()]
    return _RE_BYLINE_WORD.search(inside) is not None
