"""Persons by their tokens and their shapes.

Han names (a surname and a given name, however the segmenter cut them), transliterated names of other
peoples, nicknames (老马, 小李, 何律师, “秀英姐”), a surname with an honorific (许女士, 刘某), and names called
at the start of speech.  Names read where a cue leads one to expect them (after a title, in a list) are
the job of ``slots``; titles that of ``roles``.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections import Counter

import regex

from yixian_corpus._model import MentionKind

from .doc import Doc
from .lexicon import (
    AMBIGUOUS_SURNAMES,
    BOUNDARY_TAGS,
    COMMON_WORD_FREQ,
    COMPOUND_SURNAMES,
    FUNCTION_CHARS,
    HAN,
    KNOWN_WORD_FREQ,
    MAX_PERSON_TOKEN,
    MIN_NAME,
    NEGATIONS,
    NICK_TITLES,
    NUMERAL_CHARS,
    RARE_FREQ,
    RE_LOC_SUFFIX,
    RE_ORG_SUFFIX,
    RE_ORG_SUFFIX_END,
    RE_ROLE,
    ROLE_WORDS,
    SPEECH_VERBS,
    SURNAMES,
    alt,
    occurrences,
)
from .person_names import (
    KIN_ALTERNATION,
    KIN_WORDS,
    NON_NAME_CHARS,
    PLACE_END_CHARS,
    RE_DOTTED_NAME,
    RE_KIN_WORD,
    RE_TRANSLIT_NAME,
    SURNAME_FUNCTION_CHARS,
    in_byline,
    is_name_body,
)
from .slots import RE_COUNT_AFTER_NAMES, SLOT_STOPS, common_non_name, coordinated_names, name_in_slot, verb_across

__all__ = ["persons", "translit_persons"]

# -- person cues and transliterated names ------------------------------------------------------------------------------
_RE_RIGHT_CUE = regex.compile(
    alt(ROLE_WORDS)
    + rf"|(?:还|也|又|笑着|常|就|则|曾|都|再次|立即|连忙)?(?:{SPEECH_VERBS})|同志|等人|是一名|(?:曾|也|就|正|一直)?是"
    + r"|带领|主动|的(?:妻子|丈夫|爱人|儿子|女儿|父亲|母亲)"
)
_RE_STRONG_RIGHT_CUE = regex.compile(
    alt(ROLE_WORDS)
    + rf"|(?:还|也|又|笑着|常|就|则|曾|都|再次|立即|连忙)?(?:{SPEECH_VERBS})|同志"
    + r"|(?:是|任|担任)(?:一名|一位)?[^，。；！？、“”\n]{0,12}?(?:"
    + alt(ROLE_WORDS)
    + r")(?:[，。；！？、]|$)"
)
_RE_STRONG_LEFT_CUE = regex.compile(
    "(?:" + alt(ROLE_WORDS) + r"|名叫|老兵|战士|同事|队员|志愿者|居民|村民|老人|患者|家属|妻子|丈夫|爱人)$"
)
_RE_LEFT_CUE = regex.compile("(?:" + alt(ROLE_WORDS) + r"|、|和|与|及|同事|队员|党员|记者|老人|居民|村民|叫|名叫)$")

_NAME_FOLLOWERS = frozenset("任是在说和与的等为从到将把被对向也都还就又却便已正带")

_NAME_BOUNDARIES = frozenset("和与、，。；") | _NAME_FOLLOWERS
_RE_SPEECH_RIGHT = regex.compile(rf"(?:还|也|又|笑着)?(?:{SPEECH_VERBS})")


def _short_translit_name(doc: Doc, start: int, end: int) -> bool:
    """``民警旦增``, ``次仁法官``: a two-syllable Tibetan or Mongolian name, one unknown word next to a title."""
    name = doc.text[start:end]
    return (
        (doc.token_end(start) == end or (start in doc.index_at and doc.text[end : end + 1] in _NAME_BOUNDARIES))
        and (start == 0 or doc.text[start - 1] not in SURNAMES or start in doc.role_ends())  # not 郑|美玲
        and (not doc.known(name) or (doc.tag(name) or "").startswith("nr") or doc.jb.freq[name] < RARE_FREQ)
        and name[0] not in SURNAMES
        and (
            start in doc.role_ends()
            or any(role_start == end for role_start, _ in doc.role_spans())
            or _RE_SPEECH_RIGHT.match(doc.text, end) is not None  # 洛桑说, 扎西告诉记者
        )
    )


_RE_CLAUSE_START = regex.compile(r"(?:^|[，。；：！？、“”（\n\s])$")


def translit_persons(doc: Doc) -> None:  # noqa: C901, PLR0912 - one decision list per candidate
    """Names without a Han surname (阿尔斯楞, 买买提·艾力, 扎西次仁), written in transliteration characters.

    A run of such characters is a name when a title or speech verb is next to it, or when it opens a
    clause and a verb follows; a run that starts with a Han surname must be longer than a Han name.
    """
    text = doc.text
    names: set[str] = set()
    ends: set[int] = set()
    matches = sorted(
        [*RE_DOTTED_NAME.finditer(text), *RE_TRANSLIT_NAME.finditer(text)], key=lambda m: (m.start(), -m.end())
    )
    role_starts = sorted(start for start, _ in doc.role_spans())
    for match in matches:
        start, end = match.span()
        i = bisect.bisect_right(role_starts, start)
        if i < len(role_starts) and role_starts[i] < end:
            end = role_starts[i]  # 次仁|法官: a title starts inside the run (法 is also a syllable)
        name = text[start:end]
        dotted = "·" in name
        short = len(name) < 3 and not dotted  # noqa: PLR2004 - a length or count threshold of the rule
        if short and not _short_translit_name(doc, start, end):
            continue
        if not dotted and (name[0] in SURNAMES or name[:2] in COMPOUND_SURNAMES) and len(name) < 4:  # noqa: PLR2004 - a length or count threshold of the rule
            continue
        if not doc.free(start, end) or doc.in_slogan(start, end):
            continue
        if not short and (doc.tag(name) in {"ns", "nt", "nz"} or doc.jb.freq.get(name, 0) >= KNOWN_WORD_FREQ):
            continue  # a short name passed a stricter test above (洛桑说: a place name used as a name)
        if RE_LOC_SUFFIX.match(text, end) or RE_ORG_SUFFIX.match(text, end) or RE_KIN_WORD.match(text, end):
            continue  # 阿依古丽姐: a nickname, found with its kin word below
        inside = not dotted and (
            start not in doc.index_at
            or (end < len(text) and end not in doc.index_at and text[end] not in _NAME_FOLLOWERS)
        )
        if inside and not _RE_STRONG_LEFT_CUE.search(text, max(0, start - 6), start):
            continue  # inside a word the segmenter made, without a title before it
        cue = (
            dotted  # the middle dot marks a name
            or bool(_RE_STRONG_LEFT_CUE.search(text, max(0, start - 6), start))
            or bool(_RE_STRONG_RIGHT_CUE.match(text, end))
        )
        if not cue and len(name) >= 4 and text[end : end + 1] in _NAME_FOLLOWERS:  # noqa: PLR2004
            cue = True  # 的次仁多吉是…: a long transliterated name before a copula or a preposition
        if not cue and text[start - 1 : start] == "的" and RE_ORG_SUFFIX_END.search(text, max(0, start - 9), start - 1):
            cue = True  # 塔城市司法局的古丽米拉: a member of an organisation
        if not cue and len(name) >= 4 and text[end : end + 1] in {"（", "("}:  # noqa: PLR2004
            cue = _RE_CLAUSE_START.search(text, max(0, start - 1), start) is not None  # 名单：罗布次仁（…）
        if not cue and _RE_CLAUSE_START.search(text, max(0, start - 1), start):
            follower = text[end : end + 1]
            cue = (
                follower in _NAME_FOLLOWERS
                or bool(_RE_RIGHT_CUE.match(text, end))
                or (
                    len(name) >= 4 and HAN.match(follower) is not None  # noqa: PLR2004 - a length or count threshold of the rule
                )
                or (text[end + 1 : end + 2] in {"着", "了"} and doc.tag(follower) == "v")  # 赛力克握着…
            )
        if cue:
            names.add(name)
            ends.add(end)
        elif text[start - 1 : start] in _COORDINATORS and start - 1 in ends:
            names.add(name)  # 扎西顿珠和次仁卓玛: coordinated with a name just found
            ends.add(end)
    if not names:
        return
    for start, end, name in occurrences(text, names):
        if doc.free(start, end) and RE_KIN_WORD.match(text, end) is None:  # not inside “乌日娜姐”
            doc.add(MentionKind.PERSON, start, end, name)


# -- Han names, nicknames, honorifics and called names -----------------------------------------------------------------
_COORDINATORS = frozenset("和与、及")


_ASPECT_MARKERS = frozenset(["着", "了", "过", "道", "在", "到"])
_PARTICLE_TAGS = frozenset(["y", "e", "o", "u", "uj", "ul", "uz", "ug", "ud", "uv"])


def _single_verb(doc: Doc, char: str) -> bool:
    """Whether ``char`` is a frequent one-character verb or a follower of names (说, 吃, 会, 守)."""
    return (
        char in _NAME_FOLLOWERS
        or char in "会能"
        or (doc.tag(char) == "v" and doc.jb.freq.get(char, 0) >= COMMON_WORD_FREQ)
    )


def _verb_with_aspect(doc: Doc, char: str, following: str) -> bool:
    """Whether ``char`` is a one-character verb with an aspect marker after it (笑|着, 说|道)."""
    return following in _ASPECT_MARKERS and doc.tag(char) == "v" and doc.jb.freq.get(char, 0) >= COMMON_WORD_FREQ


_PERSON_STARTERS = SURNAMES | {c[0] for c in COMPOUND_SURNAMES} | {"老", "小"}
"""First characters of a possible person mention (surnames, compound surnames, 老/小)."""


_NICK_TITLE_SET = frozenset(NICK_TITLES)

_RARE_NAME_FREQ = 100


def persons(doc: Doc) -> None:  # noqa: C901, PLR0912, PLR0915 - one pass over the tokens, a few cases
    text = doc.text
    found: list[tuple[int, int, str | None]] = []  # start, end, value hint (None: full name)
    tokens = doc.tokens
    n = len(tokens)
    starters = _PERSON_STARTERS
    for i in itertools.compress(itertools.count(), map(starters.__contains__, map(operator.itemgetter(0), tokens))):
        if len(tokens[i]) > MAX_PERSON_TOKEN:
            continue
        token = tokens[i]
        first_char = token[:1]
        if first_char in "老小" and len(token) == MIN_NAME + 1 and token[2] in SLOT_STOPS and not doc.known(token[:2]):
            token = token[:2]  # 老滕|是: the segmenter glued the copula to the nickname
        if first_char not in SURNAMES and first_char not in "老小" and token[:2] not in COMPOUND_SURNAMES:
            continue
        start = doc.starts[i]
        if doc.taken[start]:
            continue
        compound = token[:2] in COMPOUND_SURNAMES
        surname_len = 2 if compound else 1
        if (
            len(token) == surname_len + 3
            and not doc.known(token)
            and start in doc.role_ends()
            and doc.tag(token[-1]) in {"v", "d", "p"}
            and doc.jb.freq.get(token[-1], 0) >= COMMON_WORD_FREQ
        ):
            token = token[:-1]  # 网格员|梁秋红笑|着: a name after a title, glued to the verb after it
        after_next = tokens[i + 2] if i + 2 < n else ""
        if len(token) == surname_len + 1 and _verb_with_aspect(doc, token[-1], tokens[i + 1] if i + 1 < n else ""):
            continue  # 小|韦笑|着: a surname glued to the verb after it (小韦 is found below)
        # (A) the segmenter made one word of surname + given name
        if surname_len + 1 <= len(token) <= surname_len + 2 and is_name_body(token):
            nxt = tokens[i + 1] if i + 1 < n else ""
            if len(token) == surname_len + 1 and len(nxt) == MIN_NAME and _verb_with_aspect(doc, nxt[1], after_next):
                token += nxt[0]  # 龙华|英笑|着 → 龙华英
            plausible = not doc.known(token) or (
                (doc.tag(token) or "").startswith("nr") and doc.jb.freq[token] < 1000  # noqa: PLR2004 - a length or count threshold of the rule
            )
            if len(token) == surname_len + 1 and plausible:
                glued_to_verb = (
                    start in doc.role_ends()
                    and len(nxt) in {2, 3}
                    and nxt[0] not in NUMERAL_CHARS
                    and (not doc.known(nxt) or nxt[1] == "说")
                    and _single_verb(doc, nxt[1])
                )  # 书记冼伟|明说, 民警韦小|勇吃住: a name after a title, its last character glued to a verb
                if (
                    len(nxt) >= MIN_NAME
                    and is_name_body(nxt[0])
                    and (
                        (
                            not doc.known(token)
                            and len(nxt) == MIN_NAME
                            and doc.jb.freq.get(nxt, 0) < 50  # noqa: PLR2004
                            and nxt[1] in _NAME_FOLLOWERS
                        )
                        or glued_to_verb
                    )
                ):
                    token += nxt[0]  # 王锦|林任 → 王锦林
                elif (
                    len(nxt) == 1
                    and first_char not in "老小"
                    and is_name_body(nxt)
                    and nxt not in _NAME_FOLLOWERS
                    and not doc.known(token + nxt)
                    and not _verb_with_aspect(doc, nxt, after_next)
                    and doc.tag(nxt) not in _PARTICLE_TAGS  # not 姜茶|啦
                ):
                    token += nxt  # 李俊|杰 → 李俊杰 (not 王刚|笑|着)
            elif (
                len(token) == surname_len + 2
                and len(nxt) == 1
                and doc.jb.freq.get(token[-1] + nxt[0], 0) >= 100  # noqa: PLR2004 - a length or count threshold of the rule
                and doc.tag(token[-1] + nxt[0]) in {"d", "c", "p", "ad", "v"}
            ):
                token = token[:-1]  # 吕昂顿|时 → 吕昂
            if (
                len(token) == surname_len + 2
                and start + len(token) not in doc.index_at
                and verb_across(doc, start + len(token))
            ):
                token = token[:-1]  # 汤圆|送到: the last character opens a verb
            if len(token) == surname_len + 2 and token[surname_len - 1] == token[surname_len]:
                continue  # 蒙蒙亮, 常常: a reduplicated word, not a surname and a given name
            end = start + len(token)
            right = text[end : end + 4]
            if first_char in "老小" and not compound:
                if (
                    len(token) == MIN_NAME
                    and token[1] in SURNAMES
                    and not doc.known(token)
                    and RE_LOC_SUFFIX.match(text, end) is None
                ):
                    found.append((start, end, "nick"))
                continue
            if RE_LOC_SUFFIX.match(right) or RE_ORG_SUFFIX.match(right) or not doc.free(start, end):
                continue
            if (
                len(token) == surname_len + 2
                and doc.jb.freq.get(token[: surname_len + 1], 0) >= COMMON_WORD_FREQ
                and not (doc.tag(token[: surname_len + 1]) or "").startswith("nr")
            ):
                continue  # 任务|后: a word and a character, not a name
            if doc.known(token):
                tag = doc.tag(token) or ""
                rare_name = (
                    len(token) == surname_len + 2 and tag.startswith("nr") and doc.jb.freq[token] < _RARE_NAME_FREQ
                )
                common = not tag.startswith("nr") and doc.jb.freq[token] >= COMMON_WORD_FREQ  # 母亲, not 刘小军
                if (
                    tag in {"n", "vn", "v"}
                    and RE_ROLE.match(text, end)
                    and not _RE_LEFT_CUE.search(text, max(0, start - 6), start)
                ):
                    continue  # 普法|志愿者, 禁毒|民警: a word that qualifies the title after it
                if tag not in BOUNDARY_TAGS and not common and (rare_name or _has_cue(doc, start, end, strong=True)):
                    found.append((start, end, None))  # 刘小军 (a rare dictionary name), not 解答 (a verb)
                continue
            if token[surname_len] in NON_NAME_CHARS:
                continue  # 黄码, 高速: a surname character and a character that is no given name
            following = tokens[i + 1] if end == doc.starts[i + 1 if i + 1 < n else 0] else ""
            if (
                len(token) == surname_len + 1
                and following
                and (
                    (doc.jb.freq.get(following, 0) >= RARE_FREQ and doc.tag(following) in {"n", "vn"})
                    or doc.tag(following) in _PARTICLE_TAGS - {"uj"}  # 姜茶|啦
                )
                and not RE_ROLE.match(following)
                and not _has_cue(doc, start, end, strong=True)
            ):
                continue  # 卫健|部门, 冷链|货车, 戴好|口罩: a word before a noun, not a name
            if first_char not in AMBIGUOUS_SURNAMES or _has_cue(
                doc, start, end, strong=first_char in SURNAME_FUNCTION_CHARS
            ):
                found.append((start, end, None))
            continue
        # (B) a surname on its own, then a nickname title or a given name
        if len(token) == surname_len and (first_char in SURNAMES or compound) and i + 1 < n:
            nxt = tokens[i + 1]
            nxt_start = doc.starts[i + 1]
            if nxt in _NICK_TITLE_SET:
                prev = text[start - 1 : start]
                if (
                    prev
                    and HAN.match(prev)
                    and prev not in "，。、：“的是给找向和与叫位对了"
                    and not _RE_STRONG_LEFT_CUE.search(text, max(0, start - 6), start)
                    and not (i > 0 and doc.tag(tokens[i - 1]) in {"v", "p"})  # 转告|何|律师: after a verb
                ):
                    continue
                end = nxt_start + len(nxt)
                if doc.free(start, end):
                    found.append((start, end, "nick"))
                continue
            if (
                first_char in AMBIGUOUS_SURNAMES
                and not compound
                and not _RE_STRONG_LEFT_CUE.search(text, max(0, start - 6), start)
            ):
                continue
            if doc.taken[nxt_start] or not is_name_body(nxt):
                continue
            given = nxt
            count = RE_COUNT_AFTER_NAMES.search(nxt)
            if count is not None and 1 <= count.start() <= MIN_NAME and not doc.known(nxt):
                given = nxt[: count.start()]  # 亓官|明三人: the segmenter glued the count after the name
            if (
                len(given) == 1
                and i + 2 < n
                and len(tokens[i + 2]) == 1
                and is_name_body(tokens[i + 2])
                and tokens[i + 2] not in FUNCTION_CHARS
            ):
                candidate_end = nxt_start + 2
                if _has_cue(doc, start, candidate_end):
                    given = text[nxt_start:candidate_end]
            if len(given) > 2:  # noqa: PLR2004 - a length or count threshold of the rule
                continue
            end = nxt_start + len(given)
            given_freq = doc.jb.freq.get(given, 0)
            rare = (given_freq < 50 and doc.tag(given) in {None, "nr", "ns", "nz", "nrt", "nrfg"}) or (  # noqa: PLR2004 - a length or count threshold of the rule
                given_freq < COMMON_WORD_FREQ and doc.tag(given) in {"nr", "nrfg"}
            )
            if (
                (
                    rare
                    or _has_cue(doc, start, end, strong=doc.jb.freq.get(given, 0) >= 50)  # noqa: PLR2004 - a length or count threshold of the rule
                    or _coordinated_with_name(doc, i + 2 if given == nxt else -1)
                    or (given != nxt and RE_COUNT_AFTER_NAMES.match(text, end) is not None)  # 亓官|明三人
                )
                and doc.free(start, end)
                and RE_LOC_SUFFIX.match(text, end) is None
                and RE_ORG_SUFFIX.match(text, end) is None
            ):
                found.append((start, end, None))
        # (C) 老吕 / 小郑 split by the segmenter
        if token in {"老", "小"} and i + 1 < n and tokens[i + 1][:1] in SURNAMES:
            nxt = tokens[i + 1]
            end = doc.starts[i + 1] + 1
            follower = text[end : end + 1]
            after = tokens[i + 2] if i + 2 < n else ""
            glued_verb = len(nxt) == MIN_NAME and _verb_with_aspect(doc, nxt[1], after)
            alone = (len(nxt) == 1 or (len(nxt) == MIN_NAME and nxt[1] in _COORDINATORS | SLOT_STOPS)) and (
                not follower
                or not HAN.match(follower)
                or follower in SLOT_STOPS  # 小|李|还在, 小|蒋是
                or (len(nxt) == 1 and len(after) >= MIN_NAME and doc.tag(after) in {"d", "p", "c", "t"})  # 老|逯|今年
            )
            if (glued_verb or alone) and doc.free(start, end):
                found.append((start, end, "nick"))  # 老|郑和|小|刘|一直: 老郑, 小刘; 小|韦笑|着: 小韦
    found.extend(_glued_to_title(doc))
    found.extend(_given_before_title(doc))
    found.extend(_kin_nicknames(doc))
    found.extend(_called_names(doc))
    found.extend(_honorific_names(doc))
    # a three-character candidate that starts with a confirmed two-character name ends too late (姚俊|会),
    # and a two-character one that is the start of a repeated three-character name ends too early (王爱|林)
    seen = Counter(text[s:e] for s, e, hint in found if hint is None)
    short_names = {name for name in seen if len(name) == 2}  # noqa: PLR2004 - a length or count threshold of the rule
    long_names = {name for name, count in seen.items() if len(name) == 3 and count >= 2}  # noqa: PLR2004 - a length or count threshold of the rule
    adjusted = []
    for s, e, hint in found:
        if hint is None and e - s == 3 and text[s : s + 2] in short_names and seen[text[s:e]] == 1:  # noqa: PLR2004 - a length or count threshold of the rule
            e = s + 2  # noqa: PLW2901 - the adjusted span
        elif hint is None and e - s == 2 and text[s : s + 3] in long_names:  # noqa: PLR2004 - a length or count threshold of the rule
            e = s + 3  # noqa: PLW2901 - the adjusted span
        adjusted.append((s, e, hint))
    found = adjusted
    covered = bytearray(len(text))
    for s, e, _ in found:
        covered[s:e] = b"\x01" * (e - s)
    # propagate full names to every other occurrence
    full_names = {text[s:e] for s, e, hint in found if hint is None}
    if full_names:
        for s, e, _ in occurrences(text, full_names):
            if doc.free(s, e) and not any(covered[s:e]) and RE_KIN_WORD.match(text, e) is None:
                found.append((s, e, None))
                covered[s:e] = b"\x01" * (e - s)
    full_names |= {  # Han names found after a title, before this pass (民警马宏福)
        m.text
        for m in doc.mentions
        if m.kind is MentionKind.PERSON
        and MIN_NAME <= len(m.text) <= MAX_PERSON_TOKEN
        and (m.text[0] in SURNAMES or m.text[:2] in COMPOUND_SURNAMES)
        and m.text[0] not in "老小"
    }
    # given names followed by a title (宇峰局长) when the full name is in the text
    givens = {}
    for name in full_names:
        given = name[2:] if name[:2] in COMPOUND_SURNAMES else name[1:]
        if len(given) >= 2:  # noqa: PLR2004 - a length or count threshold of the rule
            givens[given] = name
    if givens:
        role_starts = {start for start, _ in doc.role_spans()}
        for s, e, given in occurrences(text, givens):
            called = text[s - 1 : s] == "“" and text[e : e + 1] in {"，", "！", "？"}  # “建华，…”
            kin = RE_KIN_WORD.match(text, e)  # 秀英姐: a given name and a kin word
            if kin is not None and text[s - 1 : s] != givens[given][0] and doc.free(s, kin.end()):
                if not any(covered[s : kin.end()]):
                    found.append((s, kin.end(), "nick"))
                continue
            if (e not in role_starts and not called) or text[s - 1 : s] == givens[given][0]:
                continue
            if not doc.free(s, e) or any(covered[s:e]):
                continue
            found.append((s, e, "given"))
    found.extend(_familiar_nicknames(doc, full_names, covered))
    found.sort(key=lambda f: (f[0], -f[1]))  # at one start the longer name wins (沙马拉毅, not 沙马拉)
    last_end = -1
    for start, end, _hint in found:
        if start < last_end or not doc.free(start, end) or text[end - 1] in PLACE_END_CHARS:
            continue  # 鲁掌镇, 林溪镇: a surname character opening a place name; 马背上
        if in_byline(text, start, end) or _RE_CAPTION_PLACE.fullmatch(text, max(0, start - 1), end + 1):
            continue  # （记者 周婷）: metadata, not text; （左二）: a place in a photo
        doc.add(MentionKind.PERSON, start, end, None)
        last_end = end
    coordinated_names(doc)


_RE_KIN_NICKNAME = regex.compile(rf"(?<=“)(?P<name>(?P<stem>\p{{Han}}{{1,4}}?)(?:{KIN_ALTERNATION}))(?=”|[，！？,!?])")


def _kin_nicknames(doc: Doc) -> list[tuple[int, int, str | None]]:
    """``“秀英姐”``, ``“沙妹”``, ``“旺堆哥，…”``: a name and a kin word, quoted as a nickname or called in speech.

    The stem must be no common word, no people and no kin word itself (``“警察叔叔”``, ``“哈尼阿哥”``,
    ``“大姐”`` are no names).
    """
    text = doc.text
    found: list[tuple[int, int, str | None]] = []
    for match in _RE_KIN_NICKNAME.finditer(text):
        stem = match.group("stem")
        start, end = match.span("name")
        if (
            stem in KIN_WORDS
            or stem == "阿"  # 阿姨, 阿婆: kin words
            or stem[-1] == text[end - 1]  # 哥哥, 叔叔
            or stem[-1] in _KIN_CHARS  # “守门三姐妹”: sisters, not a name and a kin word
            or not NUMERAL_CHARS.isdisjoint(stem)  # “三姐妹”, “二哥”: a count or a rank
            or not _FUNCTION_FREE.fullmatch(stem)
            or (len(stem) > 1 and doc.known(stem) and common_non_name(doc, stem))
            or (len(stem) > 1 and doc.known(stem + "族"))  # “哈尼阿哥”: a people, not a person
        ):
            continue
        if doc.free(start, end):
            found.append((start, end, "nick"))
    return found


_RE_CALLED = regex.compile(r"(?<=“)[^，！？。“”\n]{2,6}(?=[，！？])")
_RE_SURNAME_TITLE = regex.compile(rf"(?:{alt(COMPOUND_SURNAMES)}|[{''.join(sorted(SURNAMES))}])(?:{alt(NICK_TITLES)})")


_RE_FAMILIAR_COMPOUND = regex.compile(rf"[老小](?:{alt(COMPOUND_SURNAMES)})")


def _called_names(doc: Doc) -> list[tuple[int, int, str | None]]:
    """``“巴雅尔，…”``, ``“马所，…”``: a name called at the start of speech, read like a name after a title."""
    found: list[tuple[int, int, str | None]] = []
    for match in _RE_CALLED.finditer(doc.text):
        start, end = match.span()
        if not doc.free(start, end):
            continue
        if _RE_SURNAME_TITLE.fullmatch(match.group()) or _RE_FAMILIAR_COMPOUND.fullmatch(match.group()):
            found.append((start, end, "nick"))  # 马所, 王法官, 小慕容
        elif (
            name_in_slot(doc, start) == end
            and not doc.known(match.group())
            and _RE_KIN_ADDRESS.fullmatch(match.group()) is None  # “阿妈拉，…”: a kin word and a particle
            and (end - start > MIN_NAME or match.group()[0] in SURNAMES)  # not 阿帕, 阿佳: kin words
        ):
            found.append((start, end, None))
    return found


_KIN_CHARS = frozenset("哥姐叔婶妹姨嫂")
_RE_KIN_ADDRESS = regex.compile(
    r"(?:阿|老)?(?:妈|爸|爹|娘|婆|公|爷|奶|伯|舅|嬷)(?:妈|爸|爹|娘|婆|公|爷|奶|伯|舅|嬷)?(?:啦|拉|呀|哎|啊)?"
)
"""Kin words called in speech, with a particle or the Tibetan honorific 啦 (``阿妈拉``, ``阿爸``, ``奶奶呀``)."""


_FUNCTION_FREE = regex.compile(r"[^" + "".join(sorted(FUNCTION_CHARS | NEGATIONS)) + r"大老小]+")
_RE_HONORIFIC = regex.compile(r"(?:女士|先生|某某|某)(?![些种个项类一地处时])")


def _honorific_names(doc: Doc) -> list[tuple[int, int, str | None]]:
    """``许女士``, ``李先生``, ``刘某``, ``姬某某``: a surname and an honorific or the anonymising 某."""
    text = doc.text
    found: list[tuple[int, int, str | None]] = []
    for match in _RE_HONORIFIC.finditer(text):
        start = match.start() - 1
        surname = text[start - 1 : start + 1] if text[start - 1 : start + 1] in COMPOUND_SURNAMES else text[start]
        start = match.start() - len(surname)
        if start < 0 or (surname not in SURNAMES and surname not in COMPOUND_SURNAMES):
            continue
        if start > 0 and HAN.match(text[start - 1]) and text[start - 1] not in _HONORIFIC_LEFT:
            i = doc.index_at.get(start)
            if i is None or (doc.tag(doc.tokens[i - 1]) or "") not in _HONORIFIC_LEFT_TAGS:
                continue  # inside a word (请|各位先生), not after one
        if doc.free(start, match.end()):
            found.append((start, match.end(), "nick"))
    return found


_HONORIFIC_LEFT = frozenset("的是和与及、给向对把被让叫人")
_HONORIFIC_LEFT_TAGS = frozenset(["v", "p", "c", "uj", "n", "vn", "t", "m", "f", "r"])


_RE_CAPTION_PLACE = regex.compile(r"[（(][左右前后中][一二三四五六七八九]?[）)]")


def _familiar_nicknames(doc: Doc, full_names: set[str], covered: bytearray) -> list[tuple[int, int, str | None]]:
    """``老马``, ``小李``: a dictionary word that is also 老/小 + the surname of a person the text names in full."""
    words = {prefix + name[0] for name in full_names if name[:2] not in COMPOUND_SURNAMES for prefix in "老小"}
    found: list[tuple[int, int, str | None]] = []
    for i, token in enumerate(doc.tokens):
        if len(token) != MIN_NAME or token[0] not in "老小" or token[1] not in SURNAMES or not doc.known(token):
            continue
        start = doc.starts[i]
        called = doc.text[start - 1 : start] == "“" and doc.text[start + 2 : start + 3] in {"，", "！", "？"}
        speaking = _RE_SPEECH_RIGHT.match(doc.text, start + MIN_NAME) is not None  # 对…的小马说
        rare = doc.jb.freq[token] < RARE_FREQ and not (doc.tag(token) or "").startswith("n")  # 老周 (tagged t)
        if token in words or called or speaking or rare:  # 老马 of 马宏福, or “小马，…”: called in speech
            end = start + MIN_NAME
            if doc.free(start, end) and not any(covered[start:end]) and RE_LOC_SUFFIX.match(doc.text, end) is None:
                found.append((start, end, "nick"))
    return found


def _glued_to_title(doc: Doc) -> list[tuple[int, int, str | None]]:
    """Names the segmenter glued to a title or its last character before them.

    ``网格|员马晓燕`` → 马晓燕; ``网格|长孟|长江`` → 孟长江 (the name is cut across two words);
    ``辅警周|海涛`` → 周海涛.
    """
    text = doc.text
    found: list[tuple[int, int, str | None]] = []
    for role_start, end in doc.role_spans():
        if text[end : end + 2] in COMPOUND_SURNAMES and is_name_body(text[end + 2 : end + 4]):
            name_end = end + 4  # 书记|沙|马拉|毅: a two-character family name and a two-character given name
            if name_end not in doc.index_at and name_end < len(text) and end + 3 in doc.index_at:
                name_end = end + 3  # 民警|上官|敏|挨家挨户: the fourth character opens a word
            elif _single_verb(doc, text[end + 3 : end + 4]):
                name_end = end + 3  # 法官|慕容|静说: the fourth character is a verb of its own
            if (
                len(text[end:name_end]) >= 3  # noqa: PLR2004 - a compound surname and a given name
                and not RE_ROLE.match(text, end + 2)
                and doc.free(end, name_end)
            ):
                found.append((end, name_end, None))
            continue
        if end in doc.index_at or end >= len(text) or text[end] not in SURNAMES:
            continue
        i = bisect.bisect_right(doc.starts, end) - 1
        if doc.starts[i] < role_start:
            continue  # the title is inside a longer word
        name_end = doc.starts[i] + len(doc.tokens[i])
        if name_end - end == 1 and i + 1 < len(doc.tokens) and len(doc.tokens[i + 1]) <= MIN_NAME:
            name_end += len(doc.tokens[i + 1])  # 长孟|长江
        name = text[end:name_end]
        if MIN_NAME <= len(name) <= MAX_PERSON_TOKEN - 1 and is_name_body(name) and doc.free(end, name_end):
            found.append((end, name_end, None))
    return found


def _given_before_title(doc: Doc) -> list[tuple[int, int, str | None]]:
    """A given name the dictionary knows as one (志强, 秀英) opening a clause before a title: ``志强主任说``."""
    text = doc.text
    found: list[tuple[int, int, str | None]] = []
    for start, end in doc.role_spans():
        if text[start:end] not in _NICK_TITLE_SET:
            continue
        i = doc.index_at.get(start - MIN_NAME)
        if i is None or doc.starts[i] + len(doc.tokens[i]) != start:
            continue
        given = doc.tokens[i]
        if (
            doc.tag(given) not in {"nr", "nrfg"}
            or doc.jb.freq.get(given, 0) >= RARE_FREQ
            or given[0] in SURNAMES
            or not _RE_CLAUSE_START.search(text, max(0, start - MIN_NAME - 1), start - MIN_NAME)
            or not doc.free(start - MIN_NAME, start)
        ):
            continue
        found.append((start - MIN_NAME, start, "given"))
    return found


def _coordinated_with_name(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is 和/与/、 followed by a token that looks like a full Han name (乔保卫和邱秉晖)."""
    if not 0 < i < len(doc.tokens) - 1 or doc.tokens[i] not in {"和", "与", "、", "及"}:
        return False
    name = doc.tokens[i + 1]
    return (
        name[:1] in SURNAMES
        and name[:1] not in AMBIGUOUS_SURNAMES
        and len(name) in {2, 3}
        and not doc.known(name)
        and is_name_body(name)
    )


def _has_cue(doc: Doc, start: int, end: int, *, strong: bool = False) -> bool:
    """Whether the text around ``start:end`` says it is a person (a title, a speech verb, ...)."""
    text = doc.text
    if (_RE_STRONG_RIGHT_CUE if strong else _RE_RIGHT_CUE).match(text, end):
        return True
    left = text[max(0, start - 6) : start]
    if (_RE_STRONG_LEFT_CUE if strong else _RE_LEFT_CUE).search(left):
        return True
    if text[start - 1 : start] == "的" and start - 1 in doc.org_ends:
        return True  # 商水县司法局的暴庆林: a member of an organisation
    if text[start - 1 : start] == "“" and text[end : end + 1] in {"，", "！", "？"}:
        return True  # “建华，…”: a name called at the start of speech
    if text[start - 1 : start] == "像" and text.startswith(("那样", "一样"), end):
        return (doc.tag(text[start:end]) or "").startswith("nr")  # 像白求恩那样: an exemplary figure
    return not strong and start in doc.org_ends
