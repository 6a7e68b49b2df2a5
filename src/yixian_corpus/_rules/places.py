"""Places, by the suffix grammar, the dictionary and cue words.

The suffix grammar (``…市``, ``…镇``, ``…社区``) and dictionary place names, the administrative chain
(``…镇新灶村那坡屯``), places named after a cue word, highways and their exits, checkpoints and stations,
and the short forms of places written with their suffix elsewhere in the text.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from typing import TYPE_CHECKING

import regex

from yixian_corpus._model import MentionKind

from .doc import Doc, Found, merge_span, token_start_before
from .lexicon import (
    ADMIN_CHARS,
    BOUNDARY_TAGS,
    COMMON_NAME_PART_FREQ,
    DETERMINERS,
    FUNCTION_CHARS,
    FUNCTION_TAGS,
    GENERIC_PLACES,
    HAN,
    KNOWN_WORD_FREQ,
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
    RE_TRANSLIT_RUN,
    STOP_TOKENS,
    SURNAMES,
    TRANSLIT_CHARS,
    alt,
    occurrences,
    words,
)
from .names import (
    ORDINARY_NAME_HEADS,
    PLACE_OBJECT_VERBS,
    RE_ORDINARY_NAME_LEFT,
    extend_left,
    free_of_function_words,
    ordinary_place_name,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["locations"]

# -- places by suffix and by dictionary --------------------------------------------------------------------------------
_STRONG_LOC_SUFFIXES = frozenset(
    [
        "街道",
        "社区",
        "小区",
        "苏木",
        "嘎查",
        "村",
        "镇",
        "乡",
        "路",
        "街",
        "大道",
        "大街",
        "家园",
        "花园",
        "公寓",
        "新村",
    ]
)

_QUALIFIER_TAGS = frozenset(["a", "b", "d", "v", "vn"])

_GENERIC_TAILS = (
    "超市",
    "城市",
    "都市",
    "门市",
    "集市",
    "夜市",
    "股市",
    "上市",
    "新区",
    "景区",
    "园区",
    "城区",
    "市区",
    "辖区",
)
_PLACE_BEFORE = regex.compile(
    r"(?:在|到|赴|从|由|返|回|往|至|于|来自|前往|赶赴|奔赴|驰援|支援|援助|途经|经过|离开|抵达|沿着|来到|到了|【)$"
)
_PLACE_AFTER = regex.compile(r"籍|人民|——|—|地区|等地|返|警方")

_DETERMINER_PLACES = frozenset(w for w in GENERIC_PLACES if w[0] in "全各该本我此每其这那外当")
_MISTAGGED_PLACES = frozenset(
    words(
        "扎堆 卡口 新兵连 上岗 中华 我国 中国 中华人民共和国 东方 中央 南方 北方 西方 东部 西部 "
        "东西 平原 外国 爱国 英雄 朝廷 太阳 哥哥 海洋 湖泊 大桥 高原 上市 美丽 建国 江湖 王国 开国 共和国 "
        "大都 阿哥 庆典 京城 城镇 长大 入口 出口 锦旗 红旗 国旗 党旗 团旗 队旗 彩旗"
    )
)
"""General words jieba's dictionary tags as place names (its frequent ``ns`` words that are no names)."""


def locations(doc: Doc) -> None:  # noqa: C901, PLR0912, PLR0915 - suffix grammar, then dictionary places
    text = doc.text
    spans: list[tuple[int, int]] = []
    for match in RE_LOC_SUFFIX.finditer(text):
        start, end = match.span()
        suffix = match.group()
        if end < len(text) and end not in doc.index_at and not _glued_head(doc, start, suffix):
            continue  # inside a longer word: 市场, 区域, 村民
        if len(suffix) == 1 and RE_ROLE.match(text, start):
            continue  # 村医, 镇长: the head opens a title
        tok_start = start if start in doc.index_at else token_start_before(doc, start)
        if RE_ROLE.match(text, tok_start):
            continue  # 驻村|第一书记: the word opens a title
        word = text[tok_start:end]
        if not doc.free(tok_start, end) or word in _DETERMINER_PLACES or word in _MISTAGGED_PLACES:
            continue
        if (
            doc.jb.freq.get(word, 0) >= KNOWN_WORD_FREQ
            and len(word) > len(suffix)
            and doc.tag(word) not in {"ns", "nr", "nrt", "nz", None}
            and not _dictionary_road(doc, word, suffix)
        ):
            continue  # a common word that ends like a place (城市, 超市, 坐镇, 党旗, 返乡)
        tail = next((t for t in _GENERIC_TAILS if word.endswith(t)), "")
        if len(tail) > len(suffix) and (doc.tag(word) != "ns" or doc.tag(word[: -len(suffix) - 1]) in _QUALIFIER_TAGS):
            continue  # 超市, 大型超市 (a dictionary "place" made of a qualifier and a common noun), not 东城区
        if word[: -len(suffix)] in PLACE_OBJECT_VERBS:
            continue  # 居住小区, 住宅小区: a kind of place the dictionary holds as one word
        named = len(word) > len(suffix) and word not in GENERIC_PLACES
        if named and suffix in _TOWN_SUFFIXES and (len(word) == len(suffix) + 1 or not doc.known(word)):
            named = False  # 天|山镇, 巴彦|托海镇: the segmenter cut the town's name; its first part is to the left
        limit = 6 if suffix in _STRONG_LOC_SUFFIXES else 4
        first = extend_left(doc, tok_start, limit=limit, places_only=True, named=named)
        first = _adjust_place_start(doc, first, tok_start, end, suffix)
        if first == tok_start and tok_start in doc.index_at:
            first = _cut_place_name(doc, tok_start, cut=not named and len(word) == len(suffix) + 1)
        if first == tok_start and word in _MONGOLIAN_HEADS:
            first = _translit_place_name(doc, tok_start)
        elif first < tok_start and RE_TRANSLIT_RUN.fullmatch(text, first, tok_start) and first - 1 not in doc.org_ends:
            first = _translit_place_name(doc, first)  # 塔什|米|里克|乡: a transliterated name cut anywhere
        name = text[first:end]
        if len(name) <= len(suffix) or name in GENERIC_PLACES or name[0] in DETERMINERS:
            continue
        if suffix == "区" and doc.tag(name[:-1]) in {"v", "vn"} and first in doc.index_at:
            continue  # 执勤|区: an activity and a generic area, not a name
        if len(suffix) == 1 and suffix in "路街巷港村区旗" and len(name) < 3 and doc.tag(name) != "ns":  # noqa: PLR2004 - a length or count threshold of the rule
            continue
        merge_span(spans, first, end)
    # 207国道, G210国道, 国道318线, 经济技术开发区
    spans.extend(road.span() for road in _RE_NUMBERED_ROAD.finditer(text) if doc.free(*road.span()))
    spans.extend(_highways(doc))
    spans.extend(_cued_places(doc))
    spans.extend(_numbered_points(doc))  # 5号防控点, 城区北出口6号防控点
    spans.extend(_highway_points(doc))
    spans.extend(_named_stations(doc))
    spans.sort()
    # dictionary place names without a suffix (武汉, 湖北)
    for i in itertools.compress(itertools.count(), map(operator.eq, doc.token_tags, itertools.repeat("ns"))):
        token = doc.tokens[i]
        if (
            len(token) < MIN_NAME
            or token in GENERIC_PLACES
            or token in _MISTAGGED_PLACES
            or token.endswith(_GENERIC_TAILS)  # 大型超市
        ):
            continue
        if (
            i > 0
            and len(doc.tokens[i - 1]) == 1
            and doc.tokens[i - 1] in SURNAMES
            and doc.tag(doc.tokens[i - 1]) not in FUNCTION_TAGS
        ):
            continue  # 马 + 桂兰: a person the segmenter split (not 向 + 武汉, "towards Wuhan")
        start = doc.starts[i]
        if i > 0 and doc.tokens[i - 1][-1] in SURNAMES and start - 1 in doc.role_ends():
            continue  # 网格|长孟|长江: a name after a title (网格长孟长江), glued by the segmenter
        end = start + len(token)
        line_start = start == 0 or text[start - 1] == "\n"
        if doc.jb.freq.get(token, 0) < 2000 and not (  # noqa: PLR2004 - a length or count threshold of the rule
            _PLACE_BEFORE.search(text, max(0, start - 4), start)
            or _PLACE_AFTER.match(text, end)
            or line_start
            or (spans and spans[-1][1] == start)
        ):
            continue
        spans.append((start, end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        merge_span(merged, start, end)
    role_starts_by_end = {end: start for start, end in doc.role_spans()}
    for found_start, found_end in merged:
        start = _chain_start(doc, _after_role(found_start, found_end, role_starts_by_end), found_end)
        start = _name_before_unit(doc, start)
        start = _he_prefix(doc, start)
        if found_end - start < MIN_NAME:
            continue
        last_unit_end = _last_unit_end(text, start, found_end)  # 托克扎克镇|阿亚: a unit inside the span
        chain_end = _chain_end(doc, found_end)
        if last_unit_end != found_end:
            chain_end = max(chain_end, _chain_end(doc, last_unit_end))
        end = _place_end(doc, start, chain_end)
        code = _RE_ROAD_CODE_BEFORE.search(text, max(0, start - 5), start)
        if code is not None and doc.free(code.start(), start):
            start = code.start()  # G60|雪峰山服务区: the highway's code opens the name
        if doc.free(start, end) and not doc.in_slogan(start, end):
            doc.add(MentionKind.LOCATION, start, end, text[start:end])
    _join_adjacent_units(doc)
    _short_place_names(doc)


_RE_ROAD_CODE_BEFORE = regex.compile(r"(?<![\p{Latin}\d])[GS]\d{1,4}$")
_STATION_NAME_TAGS = frozenset([None, "ns", "nr", "nrt", "nz"])
_RE_STANDING = regex.compile(r"[着了起住岗满成上定]|出来")


def _named_stations(doc: Doc) -> Iterator[tuple[int, int]]:
    """``在延吉|站|出站口``, ``在格尔木|站|蹲守``: a name and the one-character 站 after a place cue.

    The dictionary tags many cities as person names (延吉, 格尔木), so the place cue before the name and the
    station after it say what it is; 站 as a verb (站着, 站岗, 站出来) is none.
    """
    text = doc.text
    for i, token in enumerate(doc.tokens[:-1]):
        if doc.tokens[i + 1] != "站" or not MIN_NAME <= len(token) <= 4 or HAN.fullmatch(token) is None:  # noqa: PLR2004
            continue
        start = doc.starts[i]
        end = start + len(token) + 1
        if (
            doc.tag(token) in _STATION_NAME_TAGS
            and FUNCTION_CHARS.isdisjoint(token)
            and (doc.tag(token) == "ns" or _PLACE_BEFORE.search(text, max(0, start - 4), start))
            and not _RE_STANDING.match(text, end)
            and doc.free(start, end)
        ):
            yield start, end


_UNIT_NAME_TAGS = frozenset([None, "ns", "nr", "nrt", "nz", "n", "j", "v", "vn", "b"])


def _name_before_unit(doc: Doc, start: int) -> int:
    """A place cannot open with its unit (``市色尼区``, ``乡火普村``): take the word before as the unit's name.

    The chain rules stopped before a name that looks like a function word or a verb (那曲, 解放); the
    word is taken when it is one to three Han characters the dictionary does not tag as a function word.
    """
    text = doc.text
    if start == 0 or _RE_UNIT_START.match(text, start) is None:
        return start
    i = doc.index_at.get(start)
    if i is None or i == 0:
        return start
    word = doc.tokens[i - 1]
    before = start - len(word)
    if (
        1 <= len(word) <= 3  # noqa: PLR2004 - the length of a unit's name
        and HAN.fullmatch(word) is not None
        and (doc.tag(word) in _UNIT_NAME_TAGS or len(word) == MIN_NAME)
        and (free_of_function_words(word) or len(word) == MIN_NAME)  # 向上|街道, 和兴|路: a name all the same
        and word not in GENERIC_PLACES
        and not RE_ROLE.search(word)
        and doc.free(before, start)
    ):
        return before
    return start


def _he_prefix(doc: Doc, start: int) -> int:
    """``在和阳镇``, ``联合和兴路街道``: 和 after a place cue or a verb opens the name; it is no conjunction there."""
    text = doc.text
    if start < MIN_NAME or text[start - 1] != "和" or not doc.free(start - 1, start):
        return start
    i = doc.index_at.get(start - 1)
    before = doc.tokens[i - 1] if i else ""
    if text[start - 2] in _PLACE_CUES - _CLAUSE_CUES or doc.tag(before) in {"v", "vd", "vn"}:
        return start - 1
    return start


_JOINING_LEVEL = 5


def _join_adjacent_units(doc: Doc) -> None:
    """A place ending in an administrative unit joins the place or organisation written right after it.

    One name written as one unit is one mention (``同心县|预旺镇南塬村``, ``果洛州|玛沁县公安局``): the
    rules that found the two parts stopped where the segmenter or the dictionary cut the chain.
    """
    kinds = {MentionKind.LOCATION, MentionKind.ORGANIZATION}
    by_start = {m.start: m for m in doc.mentions if m.kind in kinds}
    dropped: set[int] = set()
    for start in sorted(by_start):
        m = by_start.get(start)
        while m is not None and m.kind is MentionKind.LOCATION:
            level = _level(m.text)
            if level is None or level > _JOINING_LEVEL:
                break
            after = by_start.get(m.end) or _after_cut_unit(doc, m.end, level, by_start)
            if after is None:
                break
            if after.kind is MentionKind.LOCATION and (_level(after.text) or 0) < level:
                break  # 云南|昆明市 joins, 昆明市|滇池 does not: no unit, or a higher one, after a lower one
            name = doc.text[m.start : after.end]
            doc.taken[m.end : after.start] = b"\x01" * (after.start - m.end)
            dropped |= {id(m), id(after)}
            del by_start[after.start]
            m = by_start[start] = Found(after.kind, name, m.start, after.end, name)
    if dropped:
        found_before = {id(m) for m in doc.mentions}
        doc.mentions = [m for m in doc.mentions if id(m) not in dropped] + [
            m for m in by_start.values() if id(m) not in found_before
        ]  # the joined mentions are the ones this pass made


_GAP_STOPS = frozenset("和与及或并同跟的之在到从向往至、，。；")


def _after_cut_unit(doc: Doc, end: int, level: int, by_start: dict[int, Found]) -> Found | None:
    """The mention after a one- or two-character gap that starts the next unit's name.

    ``大庆市|让|胡路区人民检察院``, ``漳州市|龙|海区公安局``: a rule cut the lower unit's first characters
    off (read as a verb or a word of their own); they and the rest of the unit are one name.
    """
    for gap in (1, 2):
        after = by_start.get(end + gap)
        if after is None:
            continue
        between = doc.text[end : end + gap]
        unit = _RE_CHAIN_UNIT.match(between + after.text)
        if (
            HAN.fullmatch(between)
            and _GAP_STOPS.isdisjoint(between)
            and doc.free(end, end + gap)
            and unit is not None
            and len(unit.group("name")) <= _LONGEST_GAP_NAME
            and _LEVELS[unit.group("suffix")] > level
        ):
            return after
    return None


_LONGEST_GAP_NAME = 6


# -- the administrative chain ------------------------------------------------------------------------------------------
_LEVELS: dict[str, int] = {
    **dict.fromkeys(words("省 自治区 特别行政区"), 1),
    **dict.fromkeys(words("州 盟 地区 自治州"), 2),
    "市": 2,  # a prefecture city; a county-level city (靖西市) is allowed below another 市 by _chain_end
    **dict.fromkeys(words("县 区 旗 自治县 自治旗"), 3),
    **dict.fromkeys(words("镇 乡 街道 苏木 民族乡"), 4),
    **dict.fromkeys(words("村 社区 嘎查 居民区"), 5),
    **dict.fromkeys(words("小区 组 屯 寨 庄 坪 湾 沟 坡 岭 营 堡 铺 垌 坝"), 6),
    **dict.fromkeys(words("口岸 公路口岸 铁路口岸 国际机场 机场 火车站 高铁站 服务区 景区 市场 码头"), 7),
}
"""Administrative (and below them, settlement) units by their level, highest first."""
_RE_CHAIN_UNIT = regex.compile(
    r"(?P<name>[\p{Han}]{1,6}?|[\d一二三四五六七八九十]{1,3})(?P<suffix>" + alt(_LEVELS) + r")"
)
_UNIT_SUFFIX_END = regex.compile("(?:" + alt(_LEVELS) + ")$")
_RE_UNIT_START = regex.compile(alt(_LEVELS))
_LONGEST_UNIT = max(map(len, _LEVELS))

_NUMBERED_UNITS = frozenset(["组"])
_RE_COUNTED_NAME = regex.compile(r"[一二两三四五六七八九十几\d]+[处个座家所片]")
_RE_UNIT_NUMBER = regex.compile(r"[\d一二三四五六七八九十]+")
_SETTLEMENT_LEVEL = 6
_UNIT_WORD_FREQ = 100


def _level(place: str) -> int | None:
    match = _UNIT_SUFFIX_END.search(place)
    return None if match is None else _LEVELS[match.group()]


def _chain_end(doc: Doc, end: int) -> int:
    """Extend a place over the lower units written right after it (…镇|新灶村|那坡屯, …村|三组).

    The segmenter cuts such names anywhere (镇付|畈|村, 镇米|岗|村守), so the units are read by their
    suffixes: a name of one to five characters (digits only for 组) and a unit of a lower level than
    the one before, where the unit's character does not open a common word (村民, 组长, 市场).
    A place found without its unit (漕河 before 镇) takes the unit first.
    """
    text = doc.text
    level = _level(text[max(0, end - _LONGEST_UNIT) : end])
    if level is None:
        unit = _UNIT_SUFFIX_END.search(text, end, end + 1) and text[end]
        if not unit or not _unit_stands(doc, end, end + 1) or not doc.free(end, end + 1):
            return end
        level, end = _LEVELS[unit], end + 1  # 漕河|镇付: the town's unit glued to the next name
    while (match := _RE_CHAIN_UNIT.match(text, end)) is not None:
        name, suffix = match.group("name"), match.group("suffix")
        unit_end = match.end()
        longer = _RE_UNIT_START.match(text, unit_end)
        if (
            longer is not None
            and level < _LEVELS[longer.group()]
            and (_LEVELS[suffix] == _SETTLEMENT_LEVEL or len(name) == 1)
            and _unit_stands(doc, longer.start(), longer.end())
        ):
            name, suffix, unit_end = name + suffix, longer.group(), longer.end()  # 三道营|村, 鹿乡|镇: in the name
        elif (village := _village_after_settlement(text, unit_end, suffix, level)) is not None:
            name = name + suffix + village.group("name")  # 沙坡|头村: 坡 inside a village's name
            suffix, unit_end = village.group("suffix"), village.end()
        unit_level = _LEVELS[suffix]
        if (
            (unit_level <= level and not (suffix == "市" and level == _LEVELS["市"]))
            or not doc.free(end, unit_end)
            or not free_of_function_words(name)
            or name[0] in _LEVELS
            or (_RE_UNIT_NUMBER.fullmatch(name) is not None) != (suffix in _NUMBERED_UNITS)
            or _RE_COUNTED_NAME.match(name) is not None  # …街道|一处封控小区: a count, not a name
            or (len(name) == 1 and unit_level < _SETTLEMENT_LEVEL - 1)
            or not _unit_stands(doc, unit_end - len(suffix), unit_end)
            or RE_ROLE.match(text, unit_end - len(suffix))
            or (suffix not in _NUMBERED_UNITS and doc.tag(name + suffix) in BOUNDARY_TAGS)  # 驻村: a verb
            or (len(name) == 1 and doc.tag(name) == "v")
        ):
            break
        level, end = unit_level, unit_end
    return end


def _after_role(start: int, end: int, role_starts_by_end: dict[int, int]) -> int:
    """Where a place starts that a title ends inside (局|长沙|马拉且: 局长 + 沙马拉且, not 长沙)."""
    for position in range(start + 1, min(end, start + 3)):
        role_start = role_starts_by_end.get(position)
        if role_start is not None and role_start < start:
            return position
    return start


def _last_unit_end(text: str, start: int, end: int) -> int:
    """The end of the last administrative unit inside ``start:end`` (托克扎克镇|阿亚: after 镇), or ``end``."""
    for position in range(end - 1, start, -1):
        if _level(text[max(start, position - _LONGEST_UNIT) : position]) is not None:
            return position
    return end


def _village_after_settlement(text: str, end: int, suffix: str, level: int) -> regex.Match[str] | None:
    """A village unit one character after a settlement suffix (沙坡|头村), which then belongs to its name."""
    if _LEVELS[suffix] != _SETTLEMENT_LEVEL:
        return None
    village = _RE_CHAIN_UNIT.match(text, end)
    if village is None or len(village.group("name")) != 1:
        return None
    return village if level < _LEVELS[village.group("suffix")] < _SETTLEMENT_LEVEL else None


def _unit_stands(doc: Doc, start: int, end: int) -> bool:
    """Whether the unit at ``start:end`` ends the name rather than opening a common word (村民, 区域)."""
    word = doc.text[start : end + 1]
    return len(word) == end - start or doc.jb.freq.get(word, 0) < _UNIT_WORD_FREQ or word in _LEVELS


def _chain_start(doc: Doc, start: int, end: int) -> int:
    """``九台|区其塔木镇``: a place that opens with a unit character belongs to the name before it."""
    text = doc.text
    if text[start] not in ADMIN_CHARS or end - start <= 1:
        return start
    i = doc.index_at.get(start)
    if not i:
        return start
    token = doc.tokens[i - 1]
    if not _plain_name_token(doc, token, doc.starts[i - 1]) or doc.tag(token) in BOUNDARY_TAGS - {"m"}:
        return start
    return extend_left(doc, doc.starts[i - 1], limit=0, places_only=True, named=True)


# -- places named after a cue word -------------------------------------------------------------------------------------
_CUED_HEADS = words(
    "镇 乡 村 社区 小区 街道 口岸 公路口岸 铁路口岸 航空口岸 苏木 嘎查 屯 寨 居民区 花园 家园 "
    "国际机场 机场 火车站 高铁站 路 街 大道 胡同 酒店集中隔离点 酒店隔离点 宾馆隔离点 "
    "市场 码头 大桥 检查站 收费站 广场 公园 渔港 港区"
)
_KIND_NAMED_HEADS = frozenset(["市场", "码头", "大桥", "广场", "公园", "渔港"])
"""Heads often named by a kind rather than a name (建材市场, 货运码头): a common word is no name."""
_LONG_NAME_HEADS = frozenset(["酒店集中隔离点", "酒店隔离点", "宾馆隔离点"])
"""Heads whose names are long (维也纳国际|酒店集中隔离点): the name may run to eight characters."""
_CHECKPOINT_WORDS = ("检查站", "检测点", "监测点", "防控点", "采样点", "检查点", "隔离点", "观察点", "留观点", "测温点")
"""A checkpoint right after a place is named by it (``207国道检查站``); 卡点 and 卡口 stay out of the name."""
_CUED_BARRIERS = ("卡点", "卡口", *_CHECKPOINT_WORDS)
_RE_CUED_HEAD = regex.compile(alt(_CUED_HEADS))
_CLAUSE_CUES = frozenset("，。；：、（")
_PLACE_CUES = frozenset("在到于赴往至进入了的守驻经从由抵") | _CLAUSE_CUES
_CUED_STOP_TAGS = frozenset(
    ["v", "vd", "vn", "vq", "vg", "p", "c", "r", "d", "a", "ad", "u", "uj", "ul", "q", "f", "t", "l", "i"]
)


def _cued_places(doc: Doc) -> Iterator[tuple[int, int]]:
    """A place named right after a word that puts it in a place slot: ``守在|弄岛镇``, ``的|歇武镇``, ``深入|进学街道``.

    The segmenter often glues a town's or estate's first character to the word before it (弄|岛,
    进|学); between a cue (``在``, ``到``, ``进``, ``的``, …) and the head, two to five characters
    with no function word, verb or qualifier are the name, whatever words the segmenter made.
    """
    text = doc.text
    for match in _RE_CUED_HEAD.finditer(text):
        head_start, end = match.span()
        if (
            end < len(text)
            and end not in doc.index_at
            and not text.startswith(_CUED_BARRIERS, end)
            and _chain_end(doc, end) == end
        ):
            continue  # inside a word (镇上), unless it goes on with a checkpoint (吉隆|镇卡点) or a unit (乡然|日卡村)
        i = bisect.bisect_right(doc.starts, head_start) - 1
        if doc.starts[i] < head_start and doc.jb.freq.get(doc.tokens[i], 0) >= KNOWN_WORD_FREQ:
            continue  # 返乡, 城镇: the head ends a common word
        for size in range(MIN_NAME, 9 if match.group() in _LONG_NAME_HEADS else 6):
            start = head_start - size
            if start < 1 or text[start - 1] not in _PLACE_CUES:
                continue
            name = text[start:head_start]
            if match.group() in _KIND_NAMED_HEADS and _common_word(doc, name):
                break  # 的建材市场: a kind of market, not its name
            if _cued_name(doc, start, head_start, strict=text[start - 1] in _CLAUSE_CUES):
                if head_start - start > 1 and _verb_word(doc, text[start - 1 : start + 1]):
                    start += 1  # 驻守|派镇: the cue and the name's first character make a verb (驻守)
                yield start, end
            break


def _verb_word(doc: Doc, word: str) -> bool:
    """Whether ``word`` is a dictionary verb (驻守, 来到)."""
    return doc.known(word) and doc.tag(word) in {"v", "vd", "vn"}


def _common_word(doc: Doc, word: str) -> bool:
    """Whether ``word`` is a frequent dictionary word that is no name (建材, 货运; not 三江)."""
    return doc.jb.freq.get(word, 0) >= RARE_FREQ and doc.tag(word) not in {"ns", "nz", "nr", "nrt"}


def _counted_name(doc: Doc, start: int, name: str) -> bool:
    """Whether a name starts with a numeral that is no place word's (三个 is a count, 三亚 a city)."""
    if name[0] not in NUMERAL_CHARS:
        return False
    i = doc.index_at.get(start)
    return i is None or doc.tag(doc.tokens[i]) != "ns"


def _cued_name(doc: Doc, start: int, end: int, *, strict: bool = False) -> bool:
    """Whether ``start:end`` can be the name of a place after a cue (no function word, verb or qualifier).

    After punctuation (``strict``) rather than a word of place, no word of the name may be a verb or a
    qualifier however rare (``，重点排查社区``).
    """
    name = doc.text[start:end]
    if (
        HAN.fullmatch(name) is None
        or not free_of_function_words(name, inner=frozenset())  # the words inside are checked below
        or name[0] in DETERMINERS
        or _counted_name(doc, start, name)
        or name[0] in NEGATIONS
        or name in GENERIC_PLACES
        or name in PLACE_OBJECT_VERBS
        or name in STOP_TOKENS
        or name in _ROAD_QUALIFIERS
        or RE_ROLE.search(name)
        or RE_ORG_SUFFIX.search(name)
        or not doc.free(start, end)
    ):
        return False
    i = bisect.bisect_right(doc.starts, start) - 1
    while i < len(doc.tokens) and doc.starts[i] < end:
        token = doc.tokens[i]
        inside = doc.starts[i] >= start and doc.starts[i] + len(token) <= end
        if inside and (
            (
                len(token) > 1
                and doc.tag(token) in _CUED_STOP_TAGS
                and (strict or doc.jb.freq.get(token, 0) >= RARE_FREQ)
            )
            or (len(token) == 1 and token in FUNCTION_CHARS and doc.starts[i] > start)
            or token in GENERIC_PLACES
            or token in STOP_TOKENS
            or _is_count(doc, i)
        ):
            return False  # 在|打扫|小区, 的|老旧|小区, 到|辖区|…, 在|这|个: a verb, qualifier, generic place, count
        i += 1
    return True


# -- highways, exits, checkpoints and stations -------------------------------------------------------------------------
_HIGHWAY_HEADS = frozenset(["公路", "高速公路"])
_HIGHWAY_NAME_TAGS = frozenset([None, "ns", "nr", "nrt", "nz", "j"])


def _highways(doc: Doc) -> Iterator[tuple[int, int]]:
    """``张慈公路``, ``沪|昆|公路``: a highway named by its two ends, a short name the dictionary lacks.

    The name is one or two tokens of two to four characters before 公路 that the dictionary does not
    hold as common words (unknown words, place or name tags, one-character abbreviations), so
    ``修好公路`` and ``乡村公路`` stay generic.
    """
    for i in itertools.compress(itertools.count(), map(_HIGHWAY_HEADS.__contains__, doc.tokens)):
        end = doc.starts[i] + len(doc.tokens[i])
        first = doc.starts[i]
        for j in range(i - 1, max(i - 3, -1), -1):
            token = doc.tokens[j]
            if (
                HAN.fullmatch(token) is None
                or doc.taken[doc.starts[j]]
                or not FUNCTION_CHARS.isdisjoint(token)
                or token in GENERIC_PLACES
                or token in STOP_TOKENS
                or doc.tag(token) not in _HIGHWAY_NAME_TAGS
                or (len(token) > 1 and doc.jb.freq.get(token, 0) >= COMMON_NAME_PART_FREQ)
                or doc.starts[i] - doc.starts[j] > MAX_PERSON_TOKEN
            ):
                break
            first = doc.starts[j]
        if MIN_NAME <= doc.starts[i] - first <= MAX_PERSON_TOKEN and _free_outside_slogans(doc, first, end):
            yield first, end


def _free_outside_slogans(doc: Doc, start: int, end: int) -> bool:
    """Whether ``start:end`` is free and not inside a quoted slogan."""
    return doc.free(start, end) and not doc.in_slogan(start, end)


_RE_EXIT_BEFORE = regex.compile(r"(?:出口|入口|路口|道口)$")
_EXIT_NAME_TAGS = frozenset(["n", "ns", "nz", "f", "s", "j", None])


def _numbered_points(doc: Doc) -> Iterator[tuple[int, int]]:
    """A checkpoint with a number (``5号防控点``), with the exit or crossing it stands at (``城区北出口``)."""
    text = doc.text
    for match in _RE_NUMBERED_POINT.finditer(text):
        start, end = match.span()
        if not doc.free(start, end):
            continue
        exit_word = _RE_EXIT_BEFORE.search(text, max(0, start - 2), start)
        if exit_word is not None:
            for size in range(5, 0, -1):
                first = exit_word.start() - size
                if first >= 0 and _exit_description(doc, first, exit_word.start()):
                    start = first
                    break
        yield start, end


def _exit_description(doc: Doc, start: int, end: int) -> bool:
    """Whether ``start:end`` describes an exit by nouns and directions (``城区北``), from a token boundary."""
    i = doc.index_at.get(start)
    if i is None or not doc.free(start, end) or not FUNCTION_CHARS.isdisjoint(doc.text[start:end]):
        return False
    while i < len(doc.tokens) and doc.starts[i] < end:
        if doc.tag(doc.tokens[i]) not in _EXIT_NAME_TAGS or doc.tokens[i][0] in DETERMINERS:
            return False
        i += 1
    return True


_RE_HIGHWAY_POINT = regex.compile(r"高速(?:公路)?(?P<place>\p{Han}{2,5}?)(?:收费站|出口|入口|互通|服务区)")
_RE_ROAD_NUMBER_ONLY = regex.compile(r"[GS]\d{1,4}$")
_RE_ROAD_NUMBER_BEFORE = regex.compile(r"[GS]\d{1,4}$")


def _at_word_start(doc: Doc, offset: int) -> bool:
    """Whether a word starts at ``offset``, also after a preposition the segmenter glued to it (在|京…: 在京)."""
    return offset in doc.index_at or (offset - 1 in doc.index_at and doc.text[offset - 1] in PREPOSITIONS)


def _highway_points(doc: Doc) -> Iterator[tuple[int, int]]:
    """``京港澳高速衡阳北出口``, ``G60沪昆高速衢州西收费站``: a highway and the place of its exit or station.

    The highway's name is two to four characters before 高速 that start a word (the segmenter may
    glue a preposition to it: 在京|港澳); a road number before it belongs to the name.
    """
    text = doc.text
    for match in _RE_HIGHWAY_POINT.finditer(text):
        place, end = match.group("place"), match.end()
        if not FUNCTION_CHARS.isdisjoint(place) or place in GENERIC_PLACES or place[0] in DETERMINERS:
            continue
        bare = _RE_ROAD_NUMBER_ONLY.search(text, max(0, match.start() - 5), match.start())
        if bare is not None and _free_outside_slogans(doc, bare.start(), end):
            yield bare.start(), end  # S21高速富蕴出口: a highway by its number alone
            continue
        for size in (4, 3, 2):
            start = match.start() - size
            road = text[start : match.start()]
            if (
                start < 0
                or HAN.fullmatch(road) is None
                or not FUNCTION_CHARS.isdisjoint(road)
                or road in GENERIC_PLACES
                or road[0] in DETERMINERS
                or not _at_word_start(doc, start)
            ):
                continue
            number = _RE_ROAD_NUMBER_BEFORE.search(text, max(0, start - 5), start)
            start = number.start() if number is not None else start
            if _free_outside_slogans(doc, start, end):
                yield start, end
            break


_RE_STATION_AFTER = regex.compile(
    r"[东南西北]?(?:火车|高铁|汽车|客运)?[东南西北]?站(?![长点台内外前口务])|(?:火车|高铁|汽车|客运)站"
)
_PROVINCES = frozenset(
    words(
        "河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 "
        "甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆"
    )
)
"""Provinces and regions written without their suffix (general knowledge): a city name often follows."""


_RE_NUMBERED_ROAD = regex.compile(
    r"(?<![\d\p{Latin}])(?:[GS]?\d{1,4}(?:国道|省道|县道)|(?:国道|省道|县道)[GS]?\d{1,4}线?)(?![\d\p{Latin}])"
    r"|(?:经济技术|高新技术产业|高新技术)开发区"
)
"""Numbered roads, and zones written by their official name (a place, unlike a bare 开发区)."""


_CHECKPOINT_MODIFIERS = frozenset(words("健康 核酸 体温 疫情 防疫 集中 临时 隔离"))
_CHECKPOINT_NAME_TAGS = frozenset(["n", "vn", "nz", "ns", "nt", "nr", "nrt", "j", "s", "m", "b", "f", None])
_BARRIER_WORDS = frozenset(["卡口", "卡点"])
_RE_CHECKPOINT_AFTER = regex.compile(
    r"(?P<desc>[\p{Han}\d]{0,8}?)(?P<head>" + "|".join([*_CHECKPOINT_WORDS, *_BARRIER_WORDS]) + ")"
)
_RE_NUMBER_SIGN_BEFORE = regex.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})号$")
_RE_NUMBERED_POINT = regex.compile(
    r"(?<![\d号])(?:\d{1,3}|[一二三四五六七八九十]{1,3})号(?:" + "|".join(_CHECKPOINT_WORDS) + r"|卡口|卡点|执勤点)"
)


_RE_COUNT_TOKEN = regex.compile(r"[\d一二两三四五六七八九十百几多]+(?P<classifier>[个处名家座条道所间批只])?")


def _is_count(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a count (``两处``, ``3|个``), not a number in a name (``十一|学校``, ``3|号``)."""
    match = _RE_COUNT_TOKEN.fullmatch(doc.tokens[i])
    if match is None:
        return False
    if match.group("classifier"):
        return True
    after = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else ""
    return doc.tag(after) == "q" or after[:1] in "个处名家座条道所间批只"


def _checkpoint_end(doc: Doc, end: int) -> int | None:
    """The end of a checkpoint named after the place ending at ``end`` (``十一学校检测点``), or None.

    Up to eight characters of noun or number words may name the point after the place
    (``镇|西门外|防控点``, ``区|第二集中|隔离点``); verbs, determiners and counts stop it
    (``…村设立检查站``, ``…县3个检测点``, ``…服务区两处防控点`` are no names).  The words are read by
    characters, since the segmenter glues the point to what follows (``采样|点前``).
    """
    text = doc.text
    match = _RE_CHECKPOINT_AFTER.match(text, end)
    if match is None or not doc.free(end, match.end()):
        return None
    head_start = match.start("head")
    if match.group("head") in _BARRIER_WORDS and not _RE_NUMBER_SIGN_BEFORE.search(text, end, head_start):
        return None  # 红旗村卡口: the barrier of the place is no name of its own; 口岸3号卡口 is
    description = match.group("desc")
    if description and (
        description[0] in DETERMINERS or not FUNCTION_CHARS.isdisjoint(description) or RE_ROLE.search(description)
    ):
        return None
    i = doc.index_at.get(end)
    while i is not None and i < len(doc.tokens) and doc.starts[i] + len(doc.tokens[i]) <= head_start:
        token = doc.tokens[i]
        token_end = doc.starts[i] + len(token)
        if _is_count(doc, i) or (token not in _CHECKPOINT_MODIFIERS and doc.tag(token) not in _CHECKPOINT_NAME_TAGS):
            return None
        i = doc.index_at.get(token_end)
    return match.end()


# -- where a place name ends and starts --------------------------------------------------------------------------------
_RE_EXIT_AFTER = regex.compile(r"[东南西北](?:出口|入口|收费站|服务区|互通)")


def _place_end(doc: Doc, start: int, end: int) -> int:
    """Correct the end of a place name where the segmenter glued or split its last part."""
    text = doc.text
    checkpoint = _checkpoint_end(doc, end)
    if checkpoint is not None:
        return checkpoint  # 207国道|检查站, 文明路社区|十一|学校|检测点: a checkpoint named by its place
    if text.startswith(_ROAD_SPLITS, end) and doc.token_end(end) == end + 2 and text[end - 1] != "路":
        return end + 1  # 昆仑|路上: the segmenter glued the road suffix to a locative
    station = _RE_STATION_AFTER.match(text, end) or _RE_EXIT_AFTER.match(text, end)
    if station and (station.end() == len(text) or station.end() in doc.index_at) and doc.free(end, station.end()):
        return _checkpoint_end(doc, station.end()) or station.end()  # 郑州|东站, 广州|北出口(|防控点)
    if text[start:end] in _PROVINCES:
        return _city_after_province(doc, end)  # 河南|周口: a province and a city the dictionary lacks
    number = _RE_HOUSE_NUMBER.match(text, end)
    if number is not None and text[start:end].endswith(_STREET_SUFFIXES) and doc.free(end, number.end()):
        return number.end()  # 新华路|128号: an address is one place (a numbered barrier stays out)
    return end


_STREET_SUFFIXES = ("路", "街", "巷", "大道", "大街", "胡同", "弄")
_RE_HOUSE_NUMBER = regex.compile(r"\d{1,5}(?:号(?:院)?|弄)(?![卡楼栋]|\d)")


def _city_after_province(doc: Doc, end: int) -> int:
    """The end of ``河南周口``: a rare two-character noun right after a province is its city."""
    i = doc.index_at.get(end)
    if i is None:
        return end
    token = doc.tokens[i]
    after = end + len(token)
    if (
        len(token) != MIN_NAME
        or HAN.fullmatch(token) is None
        or doc.taken[end]
        or not FUNCTION_CHARS.isdisjoint(token)
        or token in GENERIC_PLACES
        or doc.jb.freq.get(token, 0) >= RARE_FREQ
        or doc.tag(token) not in {"n", "ns", "nr", "nz", None}
        or RE_LOC_SUFFIX.match(doc.text, after)
        or RE_ORG_SUFFIX.match(doc.text, after)
        or not doc.free(end, after)
    ):
        return end
    return after


def _adjust_place_start(doc: Doc, first: int, tok_start: int, end: int, suffix: str) -> int:
    """Correct the start of a place name found by its suffix where the segmenter or ordinary words mislead."""
    text = doc.text
    if text[first:tok_start] in PLACE_OBJECT_VERBS:
        first = tok_start  # 消杀|小区: a verb and its object
    if suffix in ORDINARY_NAME_HEADS and end - first - len(suffix) <= 1:
        first = ordinary_place_name(doc, first, road=suffix == "路" and _RE_ROAD_AFTER.match(text, end) is not None)
    elif suffix == "收费站" or text.startswith("高速", first):
        first = _station_name(doc, first)
    elif text[tok_start] in ADMIN_CHARS and end - tok_start > 2 and first == tok_start:  # noqa: PLR2004 - a length or count threshold of the rule
        first = _station_name(doc, first)  # 同仁|市隆务镇: the segmenter glued the suffix to the next name
    if suffix in _VILLAGE_HEADS:
        first = _village_prefix(doc, first)
    if suffix in _STATION_SUFFIXES:
        first = _highway_prefix(doc, first)
    elif first == tok_start and suffix in PLACE_HEADS and text[first - 1 : first] == "里":
        first = _li_name(doc, first)
    return first


_TOWN_SUFFIXES = frozenset("镇乡")
_GLUED_HEADS = {"路": frozenset(["路卡"]), "街": frozenset(["街卡"]), "村": frozenset(["村村"])}
"""Words the segmenter makes of a place head and the next word: 胜利|路卡|点 (路 + 卡点), 双流|村村|口 (村 + 村口)."""
_ROAD_QUALIFIERS = frozenset(words("商业 步行 柏油 沥青 水泥 石子 高速 十字 出口 冤枉 一条 盘山 下坡 回头 林荫 乡村"))
"""Words that say what kind of road or street it is (商业街, 柏油路), not which one."""


def _glued_head(doc: Doc, start: int, suffix: str) -> bool:
    """Whether the place head at ``start`` opens a word the segmenter glued to what follows (胜利|路卡|点)."""
    heads = _GLUED_HEADS.get(suffix)
    if heads is None:
        return False
    i = doc.index_at.get(start)
    if i is None or doc.tokens[i] not in heads:
        return False
    after = start + len(doc.tokens[i])
    return suffix != "村" or doc.text[after : after + 1] == "口"


def _dictionary_road(doc: Doc, word: str, suffix: str) -> bool:
    """A road the dictionary holds as a word, named by an ordinary word (建设路, 学院路), not a kind of road."""
    stem = word[: -len(suffix)]
    return (
        suffix in {"路", "街"}
        and len(stem) >= MIN_NAME
        and doc.tag(word) in {"n", "nt"}
        and doc.known(stem)
        and stem not in _ROAD_QUALIFIERS
        and HAN.fullmatch(stem) is not None
        and not NUMERAL_CHARS.intersection(stem[:1])
    )


_STATION_SUFFIXES = frozenset(["收费站", "高速东", "高速西"])
_RE_HIGHWAY_BEFORE = regex.compile(r"高速(?:公路)?(\p{Han}?)$")


_MONGOLIAN_HEADS = frozenset(["苏木", "嘎查"])
_RE_TRANSLIT_BEFORE = regex.compile(rf"[{TRANSLIT_CHARS}和]{{2,6}}$")  # 和 as in 乌兰布和


def _translit_place_name(doc: Doc, tok_start: int) -> int:
    """``宝力|根|苏木``: a sumu or gacha name is a transliteration, whatever words the segmenter cut it into."""
    match = _RE_TRANSLIT_BEFORE.search(doc.text, max(0, tok_start - 6), tok_start)
    if match is not None and match.start() > 0 and doc.text[match.start() - 1] == "·":
        return tok_start  # the end of a person's name (买买提·吐尔逊), not a place
    if match is None:
        return tok_start
    for start in range(match.start(), tok_start - 1):
        if start in doc.index_at and doc.free(start, tok_start):
            return start
    return tok_start


_CUT_NAME_STOP_TAGS = BOUNDARY_TAGS - {"q", "a", "ad", "l", "i"}


def _cut_place_name(doc: Doc, tok_start: int, *, cut: bool) -> int:
    """A name part the segmenter split off, before a town cut in two (天|山镇) or between places (渝北区|龙溪|街道)."""
    i = doc.index_at[tok_start]
    if i < 1:
        return tok_start
    token = doc.tokens[i - 1]
    start = doc.starts[i - 1]
    if (
        len(token) > MIN_NAME + 1
        or (len(token) == 1 and not cut)
        or HAN.fullmatch(token) is None
        or doc.taken[start]
        or not FUNCTION_CHARS.isdisjoint(token)
        or token in GENERIC_PLACES
        or token in STOP_TOKENS
        or doc.tag(token) in _CUT_NAME_STOP_TAGS
        or (doc.known(token) and not cut)
    ):
        return tok_start
    if not cut and (i < 2 or RE_LOC_SUFFIX_END.search(doc.tokens[i - 2]) is None):  # noqa: PLR2004
        return tok_start
    return extend_left(doc, start, limit=0, places_only=True, named=True)


def _highway_prefix(doc: Doc, first: int) -> int:
    """The highway before a toll station (沪昆高速醴陵收费站, 杭瑞高速九|江西收费站): ``X高速`` + the station name."""
    text = doc.text
    match = _RE_HIGHWAY_BEFORE.search(text, max(0, first - 5), first)
    if match is None or (match.group(1) and match.group(1) in FUNCTION_CHARS):
        return first
    head = match.start()
    for size in (2, 3):
        start = head - size
        i = doc.index_at.get(start)
        if i is None or start < 0 or doc.taken[start] or HAN.fullmatch(text, start, head) is None:
            continue
        if not FUNCTION_CHARS.isdisjoint(text[start:head]):
            break
        before = text[start - 1 : start]
        if i == 0 or not HAN.match(before) or doc.tag(doc.tokens[i - 1]) in BOUNDARY_TAGS:
            return start
    return first


def _li_name(doc: Doc, first: int) -> int:
    """``和平|里|街道``: 里 ends many place names (和平里, 三里屯); the word before it is the name."""
    i = doc.index_at.get(first - 1)
    if not i:
        return first
    token = doc.tokens[i - 1]
    if (
        len(token) < MIN_NAME
        or HAN.fullmatch(token) is None
        or token in GENERIC_PLACES
        or token in STOP_TOKENS
        or doc.taken[doc.starts[i - 1]]
        or doc.tag(token) not in {"nz", "ns", "nr", "n", None}
    ):
        return first
    return extend_left(doc, doc.starts[i - 1], limit=0, places_only=True, named=True)


def _village_prefix(doc: Doc, first: int) -> int:
    """``、前桃花村``: a one-character position word (前, 东, 大, …) opens many village names."""
    if (
        doc.text[first - 1 : first] in _VILLAGE_PREFIXES
        and first - 1 in doc.index_at
        and RE_ORDINARY_NAME_LEFT.search(doc.text, max(0, first - 3), first - 1)
    ):
        return first - 1
    return first


_VILLAGE_HEADS = frozenset(["村", "社区", "庄", "屯", "寨"])
_VILLAGE_PREFIXES = frozenset("前后东西南北上下大小新老")

_RE_ROAD_AFTER = regex.compile(r"沿线|两侧|两旁|交叉口|交汇处|十字路口|路口|口|段|卡点|卡口|与|和")


def _plain_name_token(doc: Doc, token: str, start: int) -> bool:
    """Whether ``token`` (at ``start``) can name a place: two to four free Han characters, plain words."""
    return (
        MIN_NAME <= len(token) <= MAX_PERSON_TOKEN
        and HAN.fullmatch(token) is not None
        and not doc.taken[start]
        and FUNCTION_CHARS.isdisjoint(token)
        and token not in GENERIC_PLACES
        and token not in STOP_TOKENS
        and token[0] not in DETERMINERS
    )


def _station_name(doc: Doc, first: int) -> int:
    """The name before a road or station span the segmenter split off (岳阳北|高速公路收费站, 张家界|高速…)."""
    i = doc.index_at.get(first)
    if not i:
        return first
    token = doc.tokens[i - 1]
    if token in {"东", "南", "西", "北"} and i >= 2 and doc.tag(doc.tokens[i - 2]) == "ns":  # noqa: PLR2004
        i -= 1  # 长沙|东|高速…: a direction word after the place name
        token = doc.tokens[i - 1] + token
    tag = doc.tag(token)
    if not _plain_name_token(doc, token, doc.starts[i - 1]):
        return first
    direction = token[-1] in "东南西北" and doc.tag(token[:-1]) == "ns"
    if not direction and (
        tag not in {None, "ns", "nr", "nz", "nrt"} or doc.jb.freq.get(token, 0) >= COMMON_NAME_PART_FREQ
    ):
        return first
    return extend_left(doc, doc.starts[i - 1], limit=0, places_only=True, named=True)


_ROAD_SPLITS = ("路上", "路口", "路边", "路旁", "路段", "街上", "街头", "街口")


def _suffixed_places(doc: Doc) -> dict[str, str]:
    """The places written with an administrative suffix, as places or opening an organisation, by their stems."""
    stems: dict[str, str] = {}
    for m in doc.mentions:
        place = m.text
        if m.kind is MentionKind.ORGANIZATION:
            i = doc.index_at.get(m.start)  # 桑植县|法院: the place that names an organisation
            place = doc.tokens[i] if i is not None and doc.tag(doc.tokens[i]) in {"ns", "nr", None} else ""
            if m.start + len(place) >= m.end:
                continue
        elif m.kind is not MentionKind.LOCATION:
            continue
        if place[-1:] in "省市县区旗盟" and len(place) >= MIN_NAME + 1:
            stem = place[:-1]
            if stem[-1:] not in "省市县区旗盟州" and stem not in GENERIC_PLACES and HAN.fullmatch(stem):
                stems.setdefault(stem, place)
    return stems


def _short_place_names(doc: Doc) -> None:
    """A place named with its suffix elsewhere in the text is a place without it too (张家界市 → 张家界)."""
    text = doc.text
    stems = _suffixed_places(doc)
    if not stems:
        return
    for start, end, stem in occurrences(text, stems):
        follower = text[end : end + 1]
        if follower in "省市县区旗盟" or not doc.free(start, end) or doc.in_slogan(start, end):
            continue
        if start not in doc.index_at or (end < len(text) and end not in doc.index_at):
            continue  # inside a longer word
        doc.add(MentionKind.LOCATION, start, end, stems[stem])
