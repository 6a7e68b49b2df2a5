"""Organisations, by the suffix grammar and its exceptions.

``…司法局``, ``…派出所``: the name before a suffix; the units named right after an organisation
(``…公安局城北派出所``); the bodies set up against the epidemic (``…疫情防控指挥部``).
"""

from __future__ import annotations

import bisect

import regex

from yixian_corpus._model import MentionKind

from .doc import Doc, merge_span, token_start_before
from .lexicon import (
    ADMIN_CHARS,
    COMMON_WORD_FREQ,
    DETERMINERS,
    FUNCTION_CHARS,
    GENERIC_PLACES,
    HAN,
    MIN_NAME,
    RE_ORG_SUFFIX,
    RE_ROLE,
    RE_TRANSLIT_RUN,
    alt,
    words,
)
from .names import ORDINARY_NAME_HEADS, extend_left, free_of_function_words, ordinary_place_name

__all__ = ["organizations"]

_RE_PARTY_ROLE = regex.compile(r"党(?:支部|总支|委|组)(?:书记|副书记|委员|成员)")
_WEAK_ORG_SUFFIXES = frozenset(
    ["中心", "办公室", "大队", "支队", "中队", "监区", "分局", "医院", "公司", "集团", "协会", "政府"]
)


_RE_EPIDEMIC_BODY = regex.compile(
    r"(?:应对)?(?:新型冠状病毒(?:感染的?)?肺炎|新冠肺炎|新冠病毒(?:感染)?|新型冠状病毒)?(?:防控|联防联控|防疫)?"
    r"(?:疫情)?(?:防控|联防联控|防疫)?(?:工作|应急)?(?:指挥部|领导小组)(?:办公室)?"
)
"""The bodies every place set up against the epidemic, named by the disease and the task (…疫情防控工作指挥部)."""


_RE_EPIDEMIC_TASK = regex.compile(r"应对|新型|新冠|疫情|防控|联防|防疫")


_RE_TASK_GROUP = regex.compile(r"\p{Han}{2,10}?组(?![成织建合])")
_TASK_GROUP_TAGS = frozenset(["n", "vn", "nz", "j"])


def _task_group_end(doc: Doc, end: int) -> int:
    """``…指挥部社会管控社会治理组``: a group of a named body is its department, named by what it does."""
    match = _RE_TASK_GROUP.match(doc.text, end)
    i = doc.index_at.get(end)
    if (
        match is None
        or i is None
        or doc.tag(doc.tokens[i]) not in _TASK_GROUP_TAGS
        or not FUNCTION_CHARS.isdisjoint(match.group())
        or not doc.free(end, match.end())
    ):
        return end
    return match.end()


_BARE_ORGS = frozenset(
    words(
        "监狱管理局 戒毒管理局 司法厅 公安厅 政法委 红十字会 党中央 省委 市委 区委 县委 旗委 盟委 "
        "公共法律服务中心 法律援助中心"
    )
)


def _epidemic_bodies(doc: Doc) -> None:
    """``青山区新型冠状病毒感染肺炎防控工作指挥部``: a place (or its level) + the disease + the task + the body."""
    text = doc.text
    for match in _RE_EPIDEMIC_BODY.finditer(text):
        start, end = match.span()
        if end - start <= len("领导小组") or start not in doc.index_at or not doc.free(start, end):
            continue
        first = extend_left(doc, start, limit=0, named=True)
        before = doc.index_at[start] - 1
        if first == start and before >= 0 and doc.tokens[before] in _BARE_ORGS and not doc.taken[start - 1]:
            first = extend_left(doc, doc.starts[before], limit=0, named=True)  # 区委|疫情防控指挥部
        if first == start and text[start - 1 : start] in ADMIN_CHARS and start - 1 in doc.index_at:
            first = start - 1  # 县应对…领导小组: the body of "the county"
        if end < len(text) and end not in doc.index_at:
            continue
        if first < start:
            end = _task_group_end(doc, end)
            doc.add(MentionKind.ORGANIZATION, first, end, text[first:end])
        elif _RE_EPIDEMIC_TASK.match(text, start):
            doc.taken[start:end] = b"\x01" * (end - start)  # 疫情防控领导小组: a task group of no named body


_FIRM_SUFFIXES = frozenset(["律师事务所", "律所", "公证处"])
_COMMITTEE_SUFFIXES = frozenset(["居民委员会", "村民委员会", "居委会", "村委会"])


def _firm_name_start(doc: Doc, suffix_start: int, first: int) -> int:
    """A law firm's or notary's name: the two characters before its suffix, whatever they are (树人, 楚韵)."""
    start = suffix_start - MIN_NAME
    name = doc.text[start:suffix_start]
    if start < 0 or start not in doc.index_at or HAN.fullmatch(name) is None or not FUNCTION_CHARS.isdisjoint(name):
        return first
    if not doc.free(start, suffix_start) or RE_ROLE.search(name):
        return first
    return min(first, extend_left(doc, start, limit=0, places_only=True, named=True))


def _admin_glued_start(doc: Doc, first: int) -> int:
    """``前|郭|县公安局``: a county or city name the segmenter cut off the unit glued to its suffix."""
    text = doc.text
    if text[first : first + 1] not in {"县", "市", "区", "旗"} or first in doc.org_ends:
        return first
    for size in (2, 3):
        start = first - size
        name = text[start:first]
        if (
            start >= 0
            and start in doc.index_at
            and HAN.fullmatch(name) is not None
            and FUNCTION_CHARS.isdisjoint(name)
            and doc.free(start, first)
            and doc.jb.freq.get(name, 0) < COMMON_WORD_FREQ
            and (start == 0 or HAN.match(text, start - 1) is None)
        ):
            return start
    return first


def _role_glued_after(doc: Doc, end: int) -> bool:
    """Whether the word containing ``end`` goes on with a title only (``事务所律师``: 事务所 + 律师)."""
    i = bisect.bisect_right(doc.starts, end) - 1
    token_end = doc.starts[i] + len(doc.tokens[i])
    return RE_ROLE.fullmatch(doc.text, end, token_end) is not None


_SINGLE_ORG_SUFFIX_BLOCK = regex.compile(r"长|里|面|势|限|外|内|部|属|的|领导|机关|干警|民警|系统")

_GENERIC_ORGS = frozenset(["党委政府", "人民政府", "地方政府", "党组织", "基层党组织", "党政机关", "政法机关"])

_DEPARTMENT_SUFFIXES = frozenset("科股处室庭")
_FUNCTIONAL_UNIT_SUFFIXES = frozenset(
    ["支队", "大队", "中队", "管理局", "工作站", "服务站", "强制隔离戒毒所", "戒毒所", "监狱", "服务中心"]
)

_RE_POLICE_BLOCK = regex.compile(r"机关|民警|干警|部门|系统|工作|人员|战线|队伍|力量|干部")


def organizations(doc: Doc) -> None:  # noqa: C901, PLR0912, PLR0915 - suffix grammar and its exceptions
    _epidemic_bodies(doc)
    text = doc.text
    spans: list[tuple[int, int]] = []
    for match in RE_ORG_SUFFIX.finditer(text):
        start, end = match.span()
        suffix = match.group()
        if _RE_PARTY_ROLE.match(text, start):
            continue
        if (
            end < len(text)
            and end not in doc.index_at
            and text[end : end + 2] != suffix + "长"
            and not _role_glued_after(doc, end)
        ):
            continue  # inside a word, unless it is 科|科长 (the segmenter's 科科长) or 事务所|律师 glued
        single = len(suffix) == 1
        if single and _SINGLE_ORG_SUFFIX_BLOCK.match(text, end):
            continue
        if suffix in _WEAK_ORG_SUFFIXES and text[end : end + 1] in {"长", "里", "的"}:
            continue
        if single and text[end : end + 2] != suffix + "长":
            pair = text[max(0, end - 2) : end]
            if doc.known(pair) and doc.tag(pair) != "nt" and pair[0] not in "省市区县旗盟镇乡村党":
                continue  # 格局, 大局, 场所, 家庭: a common word that ends like an organisation
        if suffix == "公安" and _RE_POLICE_BLOCK.match(text, end):
            continue  # 公安机关, 公安民警: the police in general, not one force
        if start not in doc.index_at:
            tok_start = token_start_before(doc, start)
            word = text[tok_start:end]
            after_org = bool(spans) and spans[-1][1] == tok_start  # 交管支队|指挥中心: a unit of the one before
            after_place = tok_start > 0 and doc.tag(text[token_start_before(doc, tok_start - 1) : tok_start]) == "ns"
            if (
                doc.known(word)
                and doc.tag(word) not in {"nt", "ns", "nz"}
                and not RE_ORG_SUFFIX.fullmatch(word)
                and not (word[0] in "省市区县旗盟州" and RE_ORG_SUFFIX.fullmatch(word[1:]))  # 县公安局
                and not after_org
                and not after_place  # 榆林市|律师协会: a place names the body
            ):
                continue
            if any(c in FUNCTION_CHARS for c in word[: len(word) - len(suffix)]):
                continue
            start = tok_start
        if not doc.free(start, end):
            continue
        named = len(text[start:end]) > len(suffix) and not RE_ORG_SUFFIX.fullmatch(text[start:end])
        first = extend_left(
            doc,
            start,
            limit=8,
            named=named,
            joined=suffix in _DEPARTMENT_SUFFIXES,
            functional=suffix in _FUNCTIONAL_UNIT_SUFFIXES,
            adjacent_names=len(suffix) >= MIN_NAME and suffix not in _WEAK_ORG_SUFFIXES,
        )
        if suffix in _FIRM_SUFFIXES and match.start() - first < MIN_NAME:
            first = _firm_name_start(doc, match.start(), first)  # 青海|树|人|律师事务所: a firm's name is any word
        first = _admin_glued_start(doc, first)  # 前|郭|县公安局: the county's name before the unit glued to it
        if suffix in _COMMITTEE_SUFFIXES and text[first:start] in ORDINARY_NAME_HEADS:
            named_at = ordinary_place_name(doc, first)  # 幸福|社区|居民委员会: the community named by a word
            if named_at < first:
                first = extend_left(doc, named_at, limit=0, places_only=True, named=True)
        prefix = text[first:start]
        chained = bool(spans) and first <= spans[-1][1]
        touching = bool(spans) and spans[-1][1] == start
        if not prefix and not named and not touching:
            if suffix in _BARE_ORGS and text[start - 1 : start] not in DETERMINERS and text[start - 1 : start] != "级":
                spans.append((start, end))
            continue
        if single and len(prefix) < 2 and not touching and not named:  # noqa: PLR2004 - a length or count threshold of the rule
            continue
        if prefix and prefix in GENERIC_PLACES and not touching:
            continue
        if len(prefix) == 1 and prefix not in "省市区县旗盟州" and not touching and not named:
            continue  # 局党总支, 院党委: a part of an unnamed organisation
        if touching or chained:
            merge_span(spans, first, end)
        else:
            spans.append((first, end))
    for start, end in _with_subunits(doc, spans):
        if text[start - 2 : start] == "中共" and doc.free(start - 2, start):
            start -= 2  # noqa: PLW2901 - 中共|汕头市委政法委: the party's name opens the organisation
        if doc.free(start, end) and not doc.in_slogan(start, end) and text[start:end] not in _GENERIC_ORGS:
            doc.add(MentionKind.ORGANIZATION, start, end, text[start:end])


_SUBUNITS = words(
    "派出所 司法所 检察室 检察部 执行局 人民法庭 法庭 法官工作站 工作站 指挥中心 中心 分局 交警支队 交警大队 "
    "刑警大队 特警支队 特警大队 巡特警大队 交管支队 大队 中队 支队 监区 分监区 科 股 庭 室 处 门诊 住院部"
)
_RE_SUBUNIT_AFTER = regex.compile(r"(?P<gap>[\p{Han}\d]{0,8}?)(?P<unit>" + alt(_SUBUNITS) + r")(?![长员])")
_NAME_FUNCTION_CHARS = FUNCTION_CHARS - {"都", "那"}
"""Function characters that are no name part even inside a name (都 and 那 open or end many place names)."""
_GAP_STOP_TAGS = frozenset(["v", "vd", "p", "c", "r", "rr", "rz", "u", "uj", "ul", "uz", "ug", "ud", "uv", "y", "e"])


def _with_subunits(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An organisation and the unit of it named right after (``县公安局|城北|派出所``, ``戒毒所|二|大队``).

    The unit's own name may be any nouns, numbers or unknown words (``磨憨边境``, ``高速一``, ``驻磨憨``);
    a verb, a function word, a title or punctuation between them ends the organisation.
    """
    text = doc.text
    out: list[tuple[int, int]] = []
    for start, found_end in sorted(spans):
        if out and start < out[-1][1]:
            continue  # swallowed by the unit of the organisation before it
        end = found_end
        while (match := _RE_SUBUNIT_AFTER.match(text, end)) is not None and _unit_gap(doc, match):
            end = match.end()
        out.append((start, end))
    return out


def _unit_gap(doc: Doc, match: regex.Match[str]) -> bool:
    """Whether the words between an organisation and a unit name the unit (no verb, title or function word)."""
    gap = match.group("gap").removeprefix("驻")  # 驻磨憨: "stationed at", part of the unit's name
    start = match.end("gap") - len(gap)
    unit_end = match.end()
    if len(gap) >= MIN_NAME + 1 and RE_TRANSLIT_RUN.fullmatch(gap) and doc.free(match.start(), unit_end):
        return True  # 法院|奥依托格拉克|人民法庭: a transliterated name, whatever words the segmenter made of it
    unit_start = match.start("unit")
    host = bisect.bisect_right(doc.starts, unit_start) - 1
    if (
        not free_of_function_words(gap, inner=_NAME_FUNCTION_CHARS)
        or RE_ROLE.search(gap)
        or not doc.free(match.start(), unit_end)
        or (unit_end < len(doc.text) and unit_end not in doc.index_at and len(match.group("unit")) == 1)
        or (
            doc.starts[host] < unit_start
            and doc.known(doc.tokens[host])
            and doc.tag(doc.tokens[host]) not in {"n", "nt", "nz", "ns"}
        )  # 监狱|地处: a word that ends like a unit
    ):
        return False
    i = bisect.bisect_right(doc.starts, start) - 1
    while i < len(doc.tokens) and doc.starts[i] < match.end("gap"):
        token_end = doc.starts[i] + len(doc.tokens[i])
        inside = doc.starts[i] >= start and token_end <= match.end("gap")
        if inside and len(doc.tokens[i]) > 1 and doc.tag(doc.tokens[i]) in _GAP_STOP_TAGS:
            return False  # a verb or function word; one character tagged so is mostly a name part (磨|憨, 东盛|涌)
        i += 1
    return True
