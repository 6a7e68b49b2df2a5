"""The proper-name part of organisation and place names, shared by the organisation and place rules.

``extend_left`` walks left from a suffix (局, 镇, 社区, …) over the tokens that can belong to the name;
``ordinary_place_name`` takes an ordinary word as a place's name when the context is a place slot.
"""

from __future__ import annotations

import regex

from yixian_corpus._segment import _Jieba

from .doc import Doc
from .lexicon import (
    ADMIN_CHARS,
    AMBIGUOUS_SURNAMES,
    BOUNDARY_TAGS,
    COMMON_NAME_PART_FREQ,
    COMMON_WORD_FREQ,
    DETERMINERS,
    FUNCTION_CHARS,
    FUNCTION_TAGS,
    GENERIC_PLACES,
    HAN,
    HAN_OR_DIGITS,
    MAX_PERSON_TOKEN,
    MIN_NAME,
    NEGATIONS,
    NUMERAL_CHARS,
    PLACE_HEADS,
    PREPOSITIONS,
    RARE_FREQ,
    RE_LOC_SUFFIX,
    RE_LOC_SUFFIX_END,
    RE_ORG_SUFFIX,
    RE_ROLE,
    STOP_TOKENS,
    SURNAMES,
    words,
)

__all__ = [
    "ORDINARY_NAME_HEADS",
    "PLACE_OBJECT_VERBS",
    "RE_ORDINARY_NAME_LEFT",
    "extend_left",
    "free_of_function_words",
    "ordinary_place_name",
]

# -- walking left from a suffix ----------------------------------------------------------------------------------------
_FUNCTIONAL_TAGS = frozenset(["n", "vn", "nz", "j", "b"])

_MAX_NAME = 30

_CHAIN_HEADS = PLACE_HEADS | frozenset(["自治区", "自治州", "自治县", "自治旗", "民族乡"])


def extend_left(  # noqa: C901, PLR0912, PLR0913 - one decision list per token; keyword-only knobs
    doc: Doc,
    start: int,
    *,
    limit: int,
    places_only: bool = False,
    named: bool = False,
    joined: bool = False,
    functional: bool = False,
    adjacent_names: bool = False,
) -> int:
    """Walk tokens left from ``start`` while they can belong to a name; return the new start.

    Place tokens (dictionary places, words ending in a place suffix) and organisation
    tokens chain freely; other tokens form the proper-name part (``明秋`` in
    ``明秋律师事务所``), at most ``limit`` characters of them, and only when the head
    has no name yet (``named`` False).  Rare words (a low count in jieba's dictionary)
    are taken as name parts whatever their tag; frequent ones end the name.  With
    ``joined``, ``与``/``和`` may join two parts of a department name (``普法与依法治理股``); with
    ``functional``, frequent nouns name what a unit does (``边境|管理|支队``, ``市场|监督|管理局``).
    A surname-initial unknown word right before the head names it (``鲁掌|镇``) for places, and for
    organisations with ``adjacent_names`` (``麻垌|司法所``).
    """
    i = doc.index_at.get(start)
    if i is None:
        return start
    name_chars = 0
    first = start
    while i > 0:
        token = doc.tokens[i - 1]
        tok_start = doc.starts[i - 1]
        if not (HAN.fullmatch(token) if places_only else HAN_OR_DIGITS.fullmatch(token)) or doc.taken[tok_start]:
            break
        if _glued_preposition(doc, i - 1):
            first = tok_start + 1  # 由林溪|派出所, 由威|县公安局: a preposition glued to the name
            break
        if _split_district(doc, i - 1):
            named = True  # 陵|城区: a district whose first character the segmenter split from a generic word
            first = doc.starts[i - 2]
            i -= 2
            continue
        if (
            token in _ROAD_SUFFIXES
            and i >= 2  # noqa: PLR2004
            and _road_name_word(doc, i - 2)
            and not doc.taken[doc.starts[i - 2]]
        ):
            named = True  # 人民|路|派出所, 青年|路|街道: a road names the unit, whatever word names the road
            first = doc.starts[i - 2]
            i -= 2
            continue
        generic_name = doc.tag(token) == "ns" and doc.tokens[i] in _CHAIN_HEADS  # 城关|街道: a name before a head
        if token in STOP_TOKENS or (token in GENERIC_PLACES and token not in _CHAIN_HEADS and not generic_name):
            break
        if len(token) <= MIN_NAME and token[0] in DETERMINERS and not _na_name(doc, token):
            break
        tag = doc.tag(token)
        freq = doc.jb.freq.get(token, 0)
        placeish = (
            (tag == "ns" and len(token) >= MIN_NAME)
            or (len(token) >= MIN_NAME and RE_LOC_SUFFIX_END.search(token) is not None and tag not in BOUNDARY_TAGS)
            or (doc.tokens[i] in ADMIN_CHARS and (_place_stem(token, tag) or _after_place(doc, i - 1)))  # 平果|市
        )
        orgish = tag == "nt" or (len(token) >= MIN_NAME + 1 and RE_ORG_SUFFIX.search(token[-3:]) is not None)
        if placeish or orgish:
            named = named or not (RE_LOC_SUFFIX.fullmatch(token) or RE_ORG_SUFFIX.fullmatch(token))
        elif (
            token in ADMIN_CHARS
            or _is_ethnic_name(token)
            or (token in _SCHOOL_LINKS and i >= 2 and doc.tokens[i - 2].endswith(_SCHOOL_HEADS))  # noqa: PLR2004
        ):
            pass  # 首都医科大学|附属|…医院: a university's hospital
        elif joined and token in {"与", "和"} and name_chars:
            name_chars += 1
        elif (
            named
            and _unknown_name_part(token, tag)
            and not _glued_function_pair(token)
            and (doc.starts[i + 1 : i + 2] == [start] or doc.tokens[i][-1:] in "旗县市区盟州")
        ):
            pass  # 科右|前旗|法院, 锦官|新城|小区: an unknown word that opens the one place word before the head
        elif named or not (
            (functional and tag in _FUNCTIONAL_TAGS and FUNCTION_CHARS.isdisjoint(token))
            or _name_part(
                token,
                tag,
                freq,
                places_only=places_only,
                lenient=joined,
                adjacent=(first == start or doc.tokens[i] in _CHAIN_HEADS) and (places_only or adjacent_names),
            )
        ):
            break
        else:
            name_chars += len(token)
            if name_chars > limit:
                break
        first = tok_start
        i -= 1
        if start - first > _MAX_NAME:
            break
    return first


_ROAD_SUFFIXES = frozenset("路街巷")
_ROAD_WORD_TAGS = frozenset(["n", "ns", "nz", "nr", "nrt", "a", "an", "vn", "j", "t"])


def _road_name_word(doc: Doc, i: int) -> bool:
    """Whether token ``i`` can name a road (人民, 丰产, 中山): a Han noun or adjective with no function word."""
    token = doc.tokens[i]
    return (
        MIN_NAME <= len(token) <= 3  # noqa: PLR2004
        and HAN.fullmatch(token) is not None
        and FUNCTION_CHARS.isdisjoint(token)
        and (doc.tag(token) in _ROAD_WORD_TAGS or not doc.known(token))
        and token not in GENERIC_PLACES
    )


def _glued_preposition(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a preposition the segmenter glued to the start of a name (由林溪, 由威|县)."""
    token = doc.tokens[i]
    rest = token[1:]
    return (
        token[0] in PREPOSITIONS
        and doc.tag(token) is None
        and FUNCTION_CHARS.isdisjoint(rest)
        and (len(rest) in {2, 3} or (len(rest) == 1 and doc.tokens[i + 1][:1] in ADMIN_CHARS))
    )


def _na_name(doc: Doc, token: str) -> bool:
    """An unknown word opening with 那 that is a name, not a demonstrative (那坡, not 那个)."""
    return not doc.known(token) and _RE_NA_NAME.match(token) is not None


def _place_stem(token: str, tag: str | None) -> bool:
    """Whether ``token`` can name the administrative unit written right after it (平果|市, 威|县)."""
    return (
        MIN_NAME <= len(token) <= MAX_PERSON_TOKEN
        and HAN.fullmatch(token) is not None
        and FUNCTION_CHARS.isdisjoint(token)
        and tag not in BOUNDARY_TAGS
        and token not in GENERIC_PLACES
    )


def _split_district(doc: Doc, i: int) -> bool:
    """Whether tokens ``i-1, i`` are a district the segmenter split as one character + a generic word (陵|城区).

    Only right after a place (德州市|陵|城区): the generic word's last character is then the unit.
    """
    token = doc.tokens[i]
    if i < 2 or len(token) != MIN_NAME or token not in GENERIC_PLACES or token[-1] not in "区县市旗":  # noqa: PLR2004
        return False
    char, before = doc.tokens[i - 1], doc.tokens[i - 2]
    if len(char) == MIN_NAME:  # 进驻|观山|湖区: a two-character name part after a verb of going or a place
        return (
            doc.tag(char) in {"n", "ns", "nz", "nr", None}
            and HAN.fullmatch(char) is not None
            and FUNCTION_CHARS.isdisjoint(char)
            and not doc.taken[doc.starts[i - 1]]
            and (doc.tag(before) in {"ns", "v"} or RE_LOC_SUFFIX_END.search(before) is not None)
        )
    return (
        len(char) == 1
        and HAN.fullmatch(char) is not None
        and char not in FUNCTION_CHARS
        and not doc.taken[doc.starts[i - 1]]
        and (doc.tag(before) == "ns" or RE_LOC_SUFFIX_END.search(before) is not None)
    )


def _after_place(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a two-character word right after a place (滨州市|沾化|区: a district's name)."""
    token = doc.tokens[i]
    return (
        i > 0
        and len(token) == MIN_NAME
        and HAN.fullmatch(token) is not None
        and FUNCTION_CHARS.isdisjoint(token)
        and (doc.tag(doc.tokens[i - 1]) == "ns" or RE_LOC_SUFFIX_END.search(doc.tokens[i - 1]) is not None)
    )


def _unknown_name_part(token: str, tag: str | None) -> bool:
    """An unknown word (no dictionary tag) of two or three characters that is no person's name."""
    return (
        tag is None
        and len(token) in {2, 3}
        and HAN.fullmatch(token) is not None
        and FUNCTION_CHARS.isdisjoint(token)
        and token[0] not in SURNAMES
        and token[0] not in NEGATIONS
    )


def _is_ethnic_name(token: str) -> bool:
    """``哈尼族``, ``彝族``: the peoples named in an autonomous unit (宁洱哈尼族彝族自治县) are part of its name."""
    return len(token) >= MIN_NAME and (token[-1] == "族" or token.endswith("族乡")) and HAN.fullmatch(token) is not None


_SCHOOL_HEADS = ("大学", "学院")
_SCHOOL_LINKS = frozenset(["附属"])


def _jb_common_head(token: str) -> bool:
    """Whether ``token`` starts with a frequent function word or adverb (积极|响应, 迅速|…)."""
    jb = _Jieba.get()
    head = token[:2]
    return jb.freq.get(head, 0) >= COMMON_WORD_FREQ and jb.tags.get(head) in BOUNDARY_TAGS


_COMMON_PLACE_PART_FREQ = 1500
"""Place names are often ordinary words (解放社区, 铸造小区), so the bar is higher for them."""

_MORPHEME_TAGS = frozenset(["zg", "ng", "n", "ns", "nr", "b", "s"])


def _name_part(  # noqa: C901, PLR0911, PLR0913 - one decision list, each case returns; keyword-only knobs
    token: str, tag: str | None, freq: int, *, places_only: bool, lenient: bool = False, adjacent: bool = False
) -> bool:
    """Whether a token can be the proper-name part of an organisation or place name.

    ``lenient`` is for department names, which are made of ordinary words (刑事庭, 行政复议与应诉科);
    ``adjacent`` says the token stands right before the head (鲁掌|镇 names the town, not a person).
    """
    if places_only and len(token) == 1 and tag in _MORPHEME_TAGS and token not in FUNCTION_CHARS:
        return True  # 德政|园|小区, 杨家|寨|村: one-character parts of place names
    if places_only and tag == "m" and not NUMERAL_CHARS.intersection(token):
        return True  # 许家|坊|乡: jieba tags some name parts as numerals
    if len(token) > MIN_NAME and _jb_common_head(token) and tag not in {"ns", "nz", "nt"}:
        return False  # 积极响应: a compound that starts with a common adverb or verb (解放碑 is a name)
    if tag is None:
        if _glued_function_pair(token):
            return False  # 刚到|鲁朗镇: an adverb and a verb the segmenter glued
        if len(token) in {2, 3} and token[0] in SURNAMES and token[0] not in AMBIGUOUS_SURNAMES and not adjacent:
            return False  # 王勇 (a person the segmenter found), not part of 王勇积极响应市委
        if token[0] in NEGATIONS:
            return False  # 别出|小区: "don't leave"
        return free_of_function_words(token)  # 那坡|镇, 都江|镇
    if lenient:
        return tag not in FUNCTION_TAGS and FUNCTION_CHARS.isdisjoint(token)
    if tag in BOUNDARY_TAGS and not (tag in {"d", "m", "a"} and freq < RARE_FREQ) and not token.startswith("第"):
        return False  # verbs, prepositions, adverbs, …: never inside a name (a rare "adverb" may be a name: 永定)
    if token.startswith("第") or freq < RARE_FREQ:
        return not (len(token) == 1 and token in FUNCTION_CHARS)
    if tag in {"ns", "nt", "nz", "nr", "nrt", "nrfg"}:
        return True
    if places_only:
        return freq < _COMMON_PLACE_PART_FREQ
    return freq < COMMON_NAME_PART_FREQ


def _glued_function_pair(token: str) -> bool:
    """Two glued characters that are no name: function words (刚到), or a verb and a preposition (巡到)."""
    return len(token) == MIN_NAME and (all(map(_common_function_char, token)) or token[1] in PREPOSITIONS)


def _common_function_char(char: str) -> bool:
    """Whether ``char`` is a common one-character adverb, verb, preposition or conjunction (刚, 到, 就)."""
    jb = _Jieba.get()
    return jb.tags.get(char) in {"d", "v", "p", "c"} and jb.freq.get(char, 0) >= COMMON_WORD_FREQ


_RE_NA_NAME = regex.compile(r"[那都][^个些里儿边种样是有在会要没不]")
"""那 opens many southern place names (那坡屯, 那良镇: Zhuang *na*, a rice field), unlike 那个, 那些."""


def free_of_function_words(name: str, *, inner: frozenset[str] = FUNCTION_CHARS) -> bool:
    """Whether ``name`` holds no function word (of ``inner`` after its first character); 那 or 都 may open it.

    ``那坡``, ``都江`` are names; ``那个``, ``都是`` are not.
    """
    return inner.isdisjoint(name[1:]) and (name[:1] not in FUNCTION_CHARS or _RE_NA_NAME.match(name) is not None)


# -- ordinary words as place names -------------------------------------------------------------------------------------
ORDINARY_NAME_HEADS = frozenset(["社区", "小区", "村", "乡", "路", "大道", "街", "胡同"])
"""Heads whose names are often ordinary words (解放社区, 铸造小区, 前进村)."""
PLACE_OBJECT_VERBS = frozenset(
    words(
        "整理 排查 进入 走进 深入 走访 封闭 封控 管控 消杀 清理 打扫 巡查 巡逻 服务 守护 回到 返回 离开 "
        "包联 联系 下沉 对接 覆盖 居住 所在 管理 治理 包保 规划 值守 入驻 进驻 驻守 联防 各个 整个 全部 所有 "
        "部分 周边 附近 本地 外地 当地 城市 农村 城镇 老旧 新建 封闭式 开放式 无物业 重点 目标 高风险 中风险 低风险 "
        "住宅 居民 商品房 安置"
    )
)
"""Words that govern or qualify a place head (整理小区, 封控小区, 老旧小区) and are not its name."""
RE_ORDINARY_NAME_LEFT = regex.compile(r"(?:^|[，。、；：“（\s]|了|和|与|及|或|其中)$")
_RE_PLACE_LIST_BEFORE = regex.compile(r"(?:社区|小区|村|路|街)、$")
_RE_ORDINARY_NAME_STRONG_LEFT = regex.compile(r"(?:的|到|在|于)$")
_ORDINARY_LEFT_TAGS = frozenset(["r", "v", "uj", "ul", "c", "d"])


def ordinary_place_name(doc: Doc, first: int, *, road: bool = False) -> int:
    """Take an ordinary word before 社区/小区/村/路 as its name when the context is a place slot.

    ``得知民主社区`` and ``下辖的铸造小区`` are names; ``整理小区`` (a verb and its object) is not.
    ``road`` says a road head is followed by a word of road geography (``胜利路沿线``), a place slot too.
    """
    text = doc.text
    i = doc.index_at.get(first)
    if i is None or i == 0:
        return first
    token = doc.tokens[i - 1]
    w_start = doc.starts[i - 1]
    if len(token) == 1 and first - w_start == 1 and i >= 2 and doc.tag(token) in _MORPHEME_TAGS:  # noqa: PLR2004
        i -= 1  # 互助|路|社区: a one-character part before the head
        token = doc.tokens[i - 1] + token
        w_start = doc.starts[i - 1]
    if (
        not 2 <= len(token) <= 3  # noqa: PLR2004 - a length or count threshold of the rule
        or HAN.fullmatch(token) is None
        or doc.taken[w_start]
        or token in PLACE_OBJECT_VERBS
        or token in GENERIC_PLACES
        or token in STOP_TOKENS
        or token[0] in DETERMINERS
        or token[0] in NUMERAL_CHARS
        or token[0] in NEGATIONS
        or not FUNCTION_CHARS.isdisjoint(token)
        or doc.tag(doc.tokens[i - 1]) in FUNCTION_TAGS - {"d"}
        or RE_ROLE.fullmatch(token)
        or doc.tag(doc.tokens[i - 1]) == "t"
    ):
        return first
    strong = (
        road
        or _RE_ORDINARY_NAME_STRONG_LEFT.search(text, max(0, w_start - 2), w_start) is not None
        or _RE_PLACE_LIST_BEFORE.search(text, max(0, w_start - 3), w_start) is not None  # 幸福社区、建设小区
        or (i >= 2 and doc.tag(doc.tokens[i - 2]) == "p")  # noqa: PLR2004 - a length or count threshold of the rule
        or w_start in doc.org_ends
        or RE_LOC_SUFFIX_END.search(text, max(0, w_start - 4), w_start) is not None
    )
    weak = RE_ORDINARY_NAME_LEFT.search(text, max(0, w_start - 2), w_start) is not None or (
        i >= 2 and doc.tag(doc.tokens[i - 2]) in _ORDINARY_LEFT_TAGS  # noqa: PLR2004 - a length or count threshold of the rule
    )
    verb = (doc.tag(doc.tokens[i - 1]) or "").startswith("v")
    if not (strong or (weak and not verb)):
        return first
    return extend_left(doc, w_start, limit=0, places_only=True, named=True)
