"""Persons and roles.

Han names (a surname and a given name, however the segmenter cut them), transliterated names of other
peoples, nicknames (老马, 小李, 何律师), names in lists and bylines, and titles next to a person or right
after an organisation.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections import Counter
from typing import TYPE_CHECKING

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
    TRANSLIT_CHARS,
    WORD_SURNAMES,
    alt,
    occurrences,
    words,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["member_names", "persons", "roles", "titled_names", "translit_persons"]

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


_TRANSLIT_UNIT = rf"(?:阿不都|阿不|阿卜杜|孟和|苏和|[{TRANSLIT_CHARS}])"
"""One transliterated syllable; 不 and 都 only in 阿不(都) (Abdu-, Abli-), where they are no function words."""
_RE_TRANSLIT_NAME = regex.compile(
    rf"(?<![{TRANSLIT_CHARS}·]){_TRANSLIT_UNIT}{{2,6}}(?:·(?:{_TRANSLIT_UNIT}|[山汉]){{2,6}})?"
    rf"(?![{TRANSLIT_CHARS}·])"
)
_DOTTED_NAME_CHARS = "".join(sorted(set(TRANSLIT_CHARS) | set(SURNAMES) | set("山汉明平提地")))
_RE_DOTTED_NAME = regex.compile(
    rf"(?<![{_DOTTED_NAME_CHARS}·])(?:阿不都|阿不|[{_DOTTED_NAME_CHARS}]){{2,6}}·"
    rf"(?:阿不都|阿不|[{_DOTTED_NAME_CHARS}]){{2,6}}(?![{_DOTTED_NAME_CHARS}·])"
)
"""A name written with a middle dot (叶尔兰·努尔兰, 买买提明·吐尔地): the dot marks it, whatever its syllables."""
_RE_CLAUSE_START = regex.compile(r"(?:^|[，。；：！？、“”（\n\s])$")


# -- the name slot after a title --------------------------------------------------------------------------------------
_SLOT_STOPS = frozenset(
    "，。；：！？、“”（）在和与及到从向对把被将给为的等也都还就又却便已正每说是带跟同随一仍再先曾刚均亦用"
)
"""Characters that end a name written right after a title (民警王刚在…, 所长冉从军到…, 网格员小朱和…)."""
_SLOT_STOP_TAGS = frozenset(["v", "vd", "vn", "d", "p", "c", "r", "rr", "rz", "m", "t", "f", "ad", "uj", "ul", "uz"])
_MAX_TRANSLIT_SLOT = 6
_RE_COUNT_AFTER_NAMES = regex.compile(r"[两二三四五六七八九十\d]+[人名位]")
_NOT_TITLES_BEFORE_NAMES = frozenset(["同志", "党员"])


def _slot_boundary(doc: Doc, end: int) -> bool:
    """Whether a name after a title can end at ``end``: a stop character, a title, or a common word follows."""
    text = doc.text
    if end >= len(text) or text[end] in _SLOT_STOPS or not HAN.match(text[end]):
        return True
    if RE_ROLE.match(text, end) or _RE_COUNT_AFTER_NAMES.match(text, end):
        return True  # 民警王刚辅警…, 拉毛卓玛三人
    i = doc.index_at.get(end)
    if i is None:
        return False
    token = doc.tokens[i]
    tag, freq = doc.tag(token), doc.jb.freq.get(token, 0)
    return (tag in _SLOT_STOP_TAGS and freq >= RARE_FREQ) or (tag == "a" and freq >= COMMON_WORD_FREQ)  # 连续


def _common_non_name(doc: Doc, word: str) -> bool:
    """A dictionary word that is no name (群众, 深入, 辅警), unlike 小兵 or 立军."""
    tag = doc.tag(word) or ""
    return doc.jb.freq.get(word, 0) >= RARE_FREQ and not tag.startswith("nr")


def _glued_verb_char(doc: Doc, start: int) -> bool:
    """Whether the character at ``start`` is a one-character word of its own, a frequent verb (守, 骑)."""
    i = doc.index_at.get(start)
    return (
        i is not None
        and len(doc.tokens[i]) == 1
        and doc.tag(doc.tokens[i]) in {"v", "vd"}
        and doc.jb.freq.get(doc.tokens[i], 0) >= COMMON_WORD_FREQ
    )


def _verb_across(doc: Doc, end: int) -> bool:
    """Whether a verb token runs across ``end`` (孙浩|收到: 收 belongs to the verb, not the name)."""
    i = bisect.bisect_right(doc.starts, end - 1) - 1
    token = doc.tokens[i]
    return (
        doc.starts[i] + len(token) > end
        and doc.tag(token) in {"v", "vd", "d"}
        and doc.jb.freq.get(token, 0) >= RARE_FREQ
        and doc.text[end] not in "说道讲"  # 冼伟|明说: the name's last character glued to a verb of speech
    )


_WORD_TAGS = frozenset(["v", "vd", "vn", "d", "p", "c", "r", "m", "f", "a", "ad", "l", "i", "q"])


def _word_for_given(doc: Doc, surname: str, given: str) -> bool:
    """Whether ``given`` is a common word that cannot be a given name here (after 和, any common word)."""
    if not _common_non_name(doc, given):
        return False
    return surname == "和" or doc.tag(given) in _WORD_TAGS


def _name_token(doc: Doc, start: int, end: int) -> bool:
    """Whether ``start:end`` is one token the dictionary tags as a name (从军, 向东 as given names)."""
    i = doc.index_at.get(start)
    return (
        i is not None and doc.starts[i] + len(doc.tokens[i]) == end and (doc.tag(doc.tokens[i]) or "").startswith("nr")
    )


def _han_slot_name(doc: Doc, start: int) -> int | None:
    """The end of a Han name (surname first) written at ``start`` right after a title, or None."""
    text = doc.text
    surname = 2 if text[start : start + 2] in COMPOUND_SURNAMES else 1
    if surname == 1 and text[start] not in SURNAMES and text[start] not in WORD_SURNAMES and text[start] != "和":
        return None
    for length in (surname + 2, surname + 1):
        end = start + length
        name = text[start:end]
        given = name[surname:]
        if (
            len(name) < length
            or not HAN.fullmatch(name)
            or not (_is_name_body(given) or _name_token(doc, start + surname, end))
        ):
            continue  # a function character in a given name only where the segmenter reads a name (冉|从军)
        one_word = (
            doc.token_end(start) == end
            or _name_token(doc, start + surname, end)
            or (doc.token_end(start) == start + surname and doc.token_end(start + surname) == end)
        )  # 韦志刚, 韦|志刚, 慕容|志刚
        if (given[-1] in _SLOT_STOPS and not one_word) or given[-1] in _PLACE_END_CHARS or given[0] in _NON_NAME_CHARS:
            continue
        if length == surname + 2 and (_glued_verb_char(doc, end - 1) or _verb_across(doc, end)):
            continue  # 王刚|守|在, 孙浩|收到: the third character is (the start of) a verb
        if (
            _common_non_name(doc, name)
            or (doc.jb.freq.get(name, 0) >= KNOWN_WORD_FREQ and not (doc.tag(name) or "").startswith("nr"))  # 马甲
            or RE_ROLE.match(text, start + surname)
            or _word_for_given(doc, name[0], given)
        ):
            continue  # 民警高度重视, 民警和辅警, 民警和群众 (but 鄂|明月, 尚|立新: words as given names)
        boundary = _slot_boundary(doc, end) or (one_word and _plain_word_at(doc, end))  # 厍志刚|总会
        if boundary and not RE_LOC_SUFFIX.match(text, end) and not RE_ORG_SUFFIX.match(text, end):
            return end
    return None


_NAME_TOKEN_TAGS = frozenset(["nr", "nrt", "nrfg", "ns", "nz", "j"])
_RE_DOT_AHEAD = regex.compile(r"\p{Han}{2,8}·")


def _name_like_token(doc: Doc, token: str) -> bool:
    """A token a transliterated name can be made of: unknown, one transliteration character, or a rare name."""
    return (
        not doc.known(token)
        or (len(token) == 1 and token in TRANSLIT_CHARS)
        or (doc.tag(token) in _NAME_TOKEN_TAGS and doc.jb.freq.get(token, 0) < COMMON_WORD_FREQ)
    )


def _translit_syllable(doc: Doc, at: int) -> bool:
    """Whether ``at`` holds a one-character word that is a syllable of transliterated names (木|呷, 才|让)."""
    return doc.token_end(at) == at + 1 and doc.text[at] in TRANSLIT_CHARS and doc.text[at] not in _SLOT_STOPS


def _run_to_boundary(doc: Doc, start: int) -> int | None:
    """The first end, two to six characters after ``start``, where a name can end; None if a word is in the way."""
    text = doc.text
    for end in range(start + MIN_NAME, min(len(text), start + _MAX_TRANSLIT_SLOT) + 1):
        yi = text[start] == "阿" and end - 1 == start + 1 and text[start + 1] in _SLOT_STOPS  # 阿说木呷, 阿的木呷
        if not HAN.fullmatch(text, start, end) or (text[end - 1] in _SLOT_STOPS and not yi):
            return None
        if yi:
            continue
        if _slot_boundary(doc, end) and not _translit_syllable(doc, end):
            return end
    return None


def _translit_slot_name(doc: Doc, start: int) -> int | None:
    """The end of a name of another people (拉毛措, 乌云其木格, 艾力·司马义) right after a title, or None.

    The name runs to the first place a name can end, two to six characters on (each side of a middle
    dot), through tokens that are no common words: unknown to the dictionary, single transliteration
    characters, or rare names and places.
    """
    text = doc.text
    dotted = _RE_DOTTED_NAME.match(text, start)
    if dotted is not None:
        return dotted.end()
    dot = _RE_DOT_AHEAD.match(text, start)
    if dot is not None:
        end = _run_to_boundary(doc, dot.end())
        return end if end is not None and _name_like_span(doc, start, dot.end() - 1) else None
    i = doc.index_at.get(start)
    if i is not None and len(doc.tokens[i]) > 1 and not _name_like_token(doc, doc.tokens[i]):
        return None  # the first word is a common one (民警|深入): no name, whatever follows
    end = _run_to_boundary(doc, start)
    if end is None or not _name_like_span(doc, start, end):
        return None
    if RE_LOC_SUFFIX.match(text, end) or RE_ORG_SUFFIX.match(text, end):
        return None
    return end


def _name_like_span(doc: Doc, start: int, end: int) -> bool:
    """Whether ``start:end`` is whole tokens, each of them one a transliterated name can be made of."""
    i, j = doc.index_at.get(start), doc.index_at.get(end, len(doc.tokens) if end == len(doc.text) else None)
    if j is None:  # the name ends inside a word the segmenter made of unknown characters (拉|毛卓玛三人)
        last = bisect.bisect_right(doc.starts, end - 1) - 1
        j = last + 1 if not doc.known(doc.tokens[last]) else None
    if i is None or j is None:
        return False
    tokens = doc.tokens[i:j]
    unknown = any(len(token) > 1 and not doc.known(token) for token in tokens)
    if not all(_name_like_token(doc, token) or (unknown and len(token) == 1) for token in tokens):
        return False  # one character the segmenter cut off an unknown name may be a word (更|登加)
    name = doc.text[start:end]
    translit = sum(char in TRANSLIT_CHARS for char in name)
    return (
        translit > 0
        and not name.endswith("族")  # 哈萨克族: a people, not a person
        and (name[-1] not in _NON_NAME_CHARS or name[-1] == "门")  # 卡口, 收费站: a place word (朝鲁门 is a name)
        and (2 * translit >= len(name) or any(not doc.known(token) for token in doc.tokens[i:j]))
    )  # not 上门|测温, 驻村


_RE_TRANSLIT_RUN_AT = regex.compile(rf"{_TRANSLIT_UNIT}{{2,6}}")


def _translit_run_end(doc: Doc, start: int) -> int | None:
    """The end of a run of transliteration characters at ``start`` that ends where a name can end."""
    run = _RE_TRANSLIT_RUN_AT.match(doc.text, start)  # no look-behind: the title may end in such a character
    if run is None or "·" in run.group():
        return None
    end = run.end()
    if end - start == MIN_NAME + 1 and _glued_verb_char(doc, end - 1):
        end -= 1  # 孟力|拉|着: the last of three characters is a verb of its own
    if end - start <= MIN_NAME:
        return None
    return (
        end if _slot_boundary(doc, end) or doc.text[end : end + 1] in _SLOT_STOPS or _plain_word_at(doc, end) else None
    )


def _plain_word_at(doc: Doc, start: int) -> bool:
    """Whether a dictionary word that is no name starts at ``start`` (驾车, 妻子)."""
    i = doc.index_at.get(start)
    if i is None:
        return False
    token = doc.tokens[i]
    return len(token) > 1 and doc.tag(token) not in _NAME_TOKEN_TAGS and doc.jb.freq.get(token, 0) >= RARE_FREQ


def _slot_name_end(doc: Doc, role_start: int, start: int) -> int | None:
    """The end of the name written at ``start``, right after the title at ``role_start``, or None."""
    if start not in doc.index_at:
        i = bisect.bisect_right(doc.starts, start) - 1
        if doc.starts[i] <= role_start and doc.known(doc.tokens[i]):
            return None  # the title is inside a longer word (人民警察, 委员会), not glued to a name (辅警沙|阿)
    return _name_in_slot(doc, start)


def _name_in_slot(doc: Doc, start: int) -> int | None:  # noqa: PLR0911 - each case returns
    """The end of a name at ``start``, where the text leads one to expect a name (after a title, in a list)."""
    text = doc.text
    if start >= len(text) or RE_ROLE.match(text, start):
        return None
    first = text[start]
    if (first in _SLOT_STOPS and first != "和") or first in NEGATIONS or first in NUMERAL_CHARS or first == "们":
        return None
    if first in "老小" and text[start + 1 : start + 2] in SURNAMES:
        return start + MIN_NAME if _slot_boundary(doc, start + MIN_NAME) else None  # 网格员小朱和…
    if _RE_DOT_AHEAD.match(text, start) or _RE_DOTTED_NAME.match(text, start):
        return _translit_slot_name(doc, start)  # 民警艾力·司马义和…
    end = _han_slot_name(doc, start)
    run_end = _translit_run_end(doc, start)
    if run_end is not None and (end is None or run_end > end):
        return run_end  # 民警巴图孟和与…, 法官索南才让每天…
    if end is None and first not in SURNAMES:
        return _translit_slot_name(doc, start)
    return end


_RE_CLAUSE_COMPOUND_SURNAME = regex.compile(r"(?:^|(?<=[，。；：！？、“\n]))(?:" + alt(COMPOUND_SURNAMES) + ")")


def _clause_compound_surnames(doc: Doc) -> list[int]:
    """Where a clause opens with a compound surname (欧阳, 皇甫, 吉克): a name as strong as one after a title."""
    return [match.start() for match in _RE_CLAUSE_COMPOUND_SURNAME.finditer(doc.text)]


_RE_MEMBER_CUE = regex.compile(
    rf"(?:{SPEECH_VERBS})|(?:曾|也|就|正|一直)?是|主动|带领|带着|一起|用|把|将|和|与|正在|已经|连续|每天|\p{{Han}}[着了]"
)


def member_names(doc: Doc) -> None:
    """``竹核司法所的吉克阿依用彝语…``, ``赛汉塔拉镇的那仁格日勒主动…``: a name after an organisation or place + 的.

    Read like a name after a title, when the name is followed by something only a person does (a verb of
    speech, 是, 主动, 一起, a verb with 着/了) - the place + 的 alone is a weak cue (镇的卡点).
    """
    text = doc.text
    units = {m.end for m in doc.mentions if m.kind in {MentionKind.ORGANIZATION, MentionKind.LOCATION}}
    for unit_end in sorted(units):
        start = unit_end + 1
        if text[unit_end:start] != "的" or not doc.free(start, start + MIN_NAME):
            continue
        end = _name_in_slot(doc, start)
        if end is None or not doc.free(start, end) or doc.in_slogan(start, end):
            continue
        cue = _RE_MEMBER_CUE.match(text, end)
        if cue is None or (cue.group()[-1] in "着了" and doc.tag(cue.group()[0]) != "v"):
            continue
        doc.add(MentionKind.PERSON, start, end, None)


_RE_PERSON_NOUN = regex.compile(
    r"(?:老人|老阿妈|女孩|男孩|小伙|小伙子|姑娘|牧民|村民|居民|司机|妻子|丈夫|爱人|儿子|女儿|同事|患者|老兵|名叫)"
    r"(?=\p{Han})"
)
"""Nouns for people that are no titles but, like a title, are often followed by the person's name."""
_RE_COMPANION = regex.compile(r"(?<=[和与跟同])\p{Han}{2,6}?(?=一起|一道|并肩)")


def _verb_like(doc: Doc, start: int, end: int) -> bool:
    """Whether ``start:end`` opens with a verb or an adverb, ends with an aspect marker, or is a common word."""
    i = doc.index_at.get(start)
    first = doc.tokens[i] if i is not None else ""
    return (
        doc.text[end - 1] in "着了过"
        or (doc.tag(first) in _SLOT_STOP_TAGS and doc.known(first))
        or doc.jb.freq.get(doc.text[start:end], 0) >= RARE_FREQ  # 托人: a word the dictionary mis-tags as a name
    )


def _companions(doc: Doc) -> list[int]:
    """``和扎西次仁一起``: the starts of names between 和/与/跟/同 and 一起 that read as a name."""
    text = doc.text
    if "一起" not in text and "一道" not in text and "并肩" not in text:
        return []  # most texts: skip the pattern's look-behind at every position
    return [m.start() for m in _RE_COMPANION.finditer(text) if _name_in_slot(doc, m.start()) == m.end()]


def titled_names(doc: Doc) -> None:
    """Names written right after a title: ``民警王刚在``, ``所长冉从军到``, ``辅警沙阿呷在``, ``网格员小朱和``.

    A title directly before a name is the strongest cue the genre has, so the name is read from the
    characters after the title up to the first place a name can end (a stop character such as 在/和/说,
    punctuation, another title, a common verb or adverb), whatever the segmenter made of them: a Han name
    is a surname and one or two more characters (the longer reading unless its last character is a verb
    of its own), ``老``/``小`` + surname is a nickname, other names run two to six characters.
    """
    text = doc.text
    names: set[str] = set()
    slots = [
        (role_start, start)
        for role_start, start in doc.role_spans()
        if text[role_start:start] not in _NOT_TITLES_BEFORE_NAMES
    ]
    slots += [(start, start) for start in _clause_compound_surnames(doc)]  # 欧阳晓岚是…
    person_nouns = {match.end() for match in _RE_PERSON_NOUN.finditer(text)}
    slots += [(start, start) for start in sorted(person_nouns)]  # 老人阿荣, 妻子玉香
    slots += [(start, start) for start in _companions(doc)]  # 和扎西次仁一起
    for role_start, start in slots:
        if not doc.free(start, start + MIN_NAME):
            continue
        end = _slot_name_end(doc, role_start, start)
        if end is None or not doc.free(start, end) or doc.in_slogan(start, end):
            continue
        if start in person_nouns and _verb_like(doc, start, end):
            continue  # 老人托人, 老人拉着: a noun for people is a weaker cue than a title; a verb follows it
        doc.add(MentionKind.PERSON, start, end, None)
        if text[start] not in "老小":
            names.add(text[start:end])
    for start, end, _name in occurrences(text, names):
        if doc.free(start, end) and _RE_KIN_WORD.match(text, end) is None:  # not inside “乌日娜姐”
            doc.add(MentionKind.PERSON, start, end, None)
    if names:
        _coordinated_names(doc)  # 民警索南达杰、更登尼玛、拉毛卓玛: the list, before other rules cut into it


def translit_persons(doc: Doc) -> None:  # noqa: C901, PLR0912 - one decision list per candidate
    """Names without a Han surname (阿尔斯楞, 买买提·艾力, 扎西次仁), written in transliteration characters.

    A run of such characters is a name when a title or speech verb is next to it, or when it opens a
    clause and a verb follows; a run that starts with a Han surname must be longer than a Han name.
    """
    text = doc.text
    names: set[str] = set()
    ends: set[int] = set()
    matches = sorted(
        [*_RE_DOTTED_NAME.finditer(text), *_RE_TRANSLIT_NAME.finditer(text)], key=lambda m: (m.start(), -m.end())
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
        if RE_LOC_SUFFIX.match(text, end) or RE_ORG_SUFFIX.match(text, end) or _RE_KIN_WORD.match(text, end):
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
        if doc.free(start, end) and _RE_KIN_WORD.match(text, end) is None:  # not inside “乌日娜姐”
            doc.add(MentionKind.PERSON, start, end, name)


# -- Han names, nicknames, lists and bylines ---------------------------------------------------------------------------
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


_SURNAME_FUNCTION_CHARS = SURNAMES & FUNCTION_CHARS


def _is_name_body(word: str) -> bool:
    """Han characters without a function word, but for a surname that is one too (于海波, 向东)."""
    body = word[1:] if word[:1] in _SURNAME_FUNCTION_CHARS and len(word) > 1 else word
    return HAN.fullmatch(word) is not None and FUNCTION_CHARS.isdisjoint(body)


_PERSON_STARTERS = SURNAMES | {c[0] for c in COMPOUND_SURNAMES} | {"老", "小"}
"""First characters of a possible person mention (surnames, compound surnames, 老/小)."""

_PLACE_END_CHARS = frozenset("区市县省村镇乡路街巷屯寨上下里旁")
_NON_NAME_CHARS = frozenset("码区市县省村镇乡路街巷门口线号牌卡站点灯车场所院局科股处厅部")
"""Characters that do not end a two-character Chinese name (黄码, 高速 … are words, not persons)."""

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
        if first_char in "老小" and len(token) == MIN_NAME + 1 and token[2] in _SLOT_STOPS and not doc.known(token[:2]):
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
        if surname_len + 1 <= len(token) <= surname_len + 2 and _is_name_body(token):
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
                    and _is_name_body(nxt[0])
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
                    and _is_name_body(nxt)
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
                and _verb_across(doc, start + len(token))
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
                if tag not in BOUNDARY_TAGS and not common and (rare_name or _has_cue(doc, start, end, strong=True)):
                    found.append((start, end, None))  # 刘小军 (a rare dictionary name), not 解答 (a verb)
                continue
            if token[surname_len] in _NON_NAME_CHARS:
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
                doc, start, end, strong=first_char in _SURNAME_FUNCTION_CHARS
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
            if doc.taken[nxt_start] or not _is_name_body(nxt):
                continue
            given = nxt
            if (
                len(given) == 1
                and i + 2 < n
                and len(tokens[i + 2]) == 1
                and _is_name_body(tokens[i + 2])
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
            alone = (len(nxt) == 1 or (len(nxt) == MIN_NAME and nxt[1] in _COORDINATORS | _SLOT_STOPS)) and (
                not follower
                or not HAN.match(follower)
                or follower in _SLOT_STOPS  # 小|李|还在, 小|蒋是
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
            if doc.free(s, e) and not any(covered[s:e]) and _RE_KIN_WORD.match(text, e) is None:
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
            kin = _RE_KIN_WORD.match(text, e)  # 秀英姐: a given name and a kin word
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
        if start < last_end or not doc.free(start, end) or text[end - 1] in _PLACE_END_CHARS:
            continue  # 鲁掌镇, 林溪镇: a surname character opening a place name; 马背上
        if _in_byline(text, start, end) or _RE_CAPTION_PLACE.fullmatch(text, max(0, start - 1), end + 1):
            continue  # （记者 周婷）: metadata, not text; （左二）: a place in a photo
        doc.add(MentionKind.PERSON, start, end, None)
        last_end = end
    _coordinated_names(doc)


_KIN_WORDS = words("大哥 大姐 阿姨 大叔 大妈 大爷 大婶 阿哥 阿姐 阿妹 哥 姐 叔 婶 妹 姨 嫂")
_KIN_ALTERNATION = alt(sorted(_KIN_WORDS, key=len, reverse=True))
_RE_KIN_WORD = regex.compile(_KIN_ALTERNATION + r"(?![哥姐叔婶妹姨嫂们夫])")
_RE_KIN_NICKNAME = regex.compile(rf"(?<=“)(?P<name>(?P<stem>\p{{Han}}{{1,4}}?)(?:{_KIN_ALTERNATION}))(?=”|[，！？,!?])")


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
            stem in _KIN_WORDS
            or stem == "阿"  # 阿姨, 阿婆: kin words
            or stem[-1] == text[end - 1]  # 哥哥, 叔叔
            or not _FUNCTION_FREE.fullmatch(stem)
            or (len(stem) > 1 and doc.known(stem) and _common_non_name(doc, stem))
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
            _name_in_slot(doc, start) == end
            and not doc.known(match.group())
            and (end - start > MIN_NAME or match.group()[0] in SURNAMES)  # not 阿帕, 阿佳: kin words
        ):
            found.append((start, end, None))
    return found


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


_RE_BYLINE_OPEN = regex.compile(r"[（(][^（）()\n]{0,24}$")
_RE_BYLINE_CLOSE = regex.compile(r"^[^（）()\n]{0,24}[）)]")
_RE_BYLINE_WORD = regex.compile(r"记者|通讯员|实习生|见习|摄影|摄|供图|特约")


def _in_byline(text: str, start: int, end: int) -> bool:
    """Whether ``start:end`` is a name in a byline (``（记者 周婷）``, ``（通讯员 朴美兰 摄）``)."""
    opening = _RE_BYLINE_OPEN.search(text, max(0, start - 24), start)
    closing = _RE_BYLINE_CLOSE.match(text[end : end + 25])
    if opening is None or closing is None:
        return False
    inside = text[opening.start() : end + closing.end()]
    return _RE_BYLINE_WORD.search(inside) is not None


_LIST_SEPARATORS = frozenset("、和与及")
_RE_ASIDE = regex.compile(r"[（(][^（）()\n]{1,30}[）)]")
_RE_LIST_END = regex.compile(r"[、和与及，,。；;！？\s）)（(]|等|被|两|三|四|分别|均|都|$")


def _coordinated_names(doc: Doc) -> None:
    """``哈斯巴根、乌云其木格、刘建军``: names of other peoples listed with a person found are persons too.

    An item next to a person across ``、``/``和``/``与``/``及`` is a person when it is a name written in
    transliteration characters (or with a middle dot) and the list goes on or ends after it.
    """
    text = doc.text
    for _ in range(8):  # a list grows one item per pass, from the names found outward
        added = False
        persons = [m for m in doc.mentions if m.kind is MentionKind.PERSON]
        for m in persons:
            for start, end in _list_neighbours(doc, m.start, m.end):
                if doc.free(start, end) and not _in_byline(text, start, end):
                    doc.add(MentionKind.PERSON, start, end, None)
                    added = True
        if not added:
            return


def _list_neighbours(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The names right before and after ``start:end`` in a list (transliterated, dotted, or Han in one word)."""
    text = doc.text
    aside = _RE_ASIDE.match(text, end)  # 罗布次仁（日喀则市公安局）、德吉央宗: a unit in brackets after a name
    if aside is not None:
        end = aside.end()
    if text[end : end + 1] in _LIST_SEPARATORS:
        match = _RE_DOTTED_NAME.match(text, end + 1) or _RE_TRANSLIT_NAME.match(text, end + 1)
        if match is not None and _RE_LIST_END.match(text, match.end()):
            yield match.span()
        elif (name_end := _han_name_token_end(doc, end + 1)) is not None and _RE_LIST_END.match(text, name_end):
            yield end + 1, name_end
        elif (name_end := _name_in_slot(doc, end + 1)) is not None:
            yield end + 1, name_end  # 崔成浩和朴|美兰沿着, 索南才让、更登加、: read like a name after a title
    if start > 0 and text[start - 1] in _LIST_SEPARATORS:
        window = max(0, start - 14)
        for match in (
            *_RE_DOTTED_NAME.finditer(text, window, start - 1),
            *_RE_TRANSLIT_NAME.finditer(text, window, start - 1),
        ):
            if match.end() == start - 1 and (match.start() == 0 or not HAN.match(text[match.start() - 1])):
                yield match.span()
                break
            if match.end() == start - 1 and text[match.start() - 1] in _LIST_SEPARATORS:
                yield match.span()
                break


def _han_name_token_end(doc: Doc, start: int) -> int | None:
    """The end of a Han name the segmenter made one word of at ``start`` (王振宇), or None."""
    i = doc.index_at.get(start)
    if i is None:
        return None
    token = doc.tokens[i]
    surname = 2 if token[:2] in COMPOUND_SURNAMES else 1
    tag = doc.tag(token) or ""
    if (
        surname + 1 <= len(token) <= surname + 2
        and (token[:1] in SURNAMES or surname == 2)  # noqa: PLR2004
        and _is_name_body(token)
        and (not doc.known(token) or (tag.startswith("nr") and doc.jb.freq[token] < COMMON_WORD_FREQ))
        and token[-1] not in _PLACE_END_CHARS
    ):
        return start + len(token)
    return None


def _glued_to_title(doc: Doc) -> list[tuple[int, int, str | None]]:
    """Names the segmenter glued to a title or its last character before them.

    ``网格|员马晓燕`` → 马晓燕; ``网格|长孟|长江`` → 孟长江 (the name is cut across two words);
    ``辅警周|海涛`` → 周海涛.
    """
    text = doc.text
    found: list[tuple[int, int, str | None]] = []
    for role_start, end in doc.role_spans():
        if text[end : end + 2] in COMPOUND_SURNAMES and _is_name_body(text[end + 2 : end + 4]):
            name_end = end + 4  # 书记|沙|马拉|毅: a two-character family name and a two-character given name
            if len(text[end:name_end]) == 4 and not RE_ROLE.match(text, end + 2) and doc.free(end, name_end):  # noqa: PLR2004
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
        if MIN_NAME <= len(name) <= MAX_PERSON_TOKEN - 1 and _is_name_body(name) and doc.free(end, name_end):
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
        and _is_name_body(name)
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


# -- roles -------------------------------------------------------------------------------------------------------------
_POST_ROLES = frozenset(
    w
    for w in ROLE_WORDS
    if w
    not in {
        "律师",
        "执业律师",
        "实习律师",
        "民警",
        "辅警",
        "干警",
        "警官",
        "法警",
        "党员",
        "老党员",
        "干部",
        "同志",
        "社工",
    }
)
"""Titles that name a post (accepted right after an organization); the rest are professions/group nouns."""

_RE_COPULA_BEFORE_ROLE = regex.compile(r"(?:是|作为|担任|身为|身兼|兼任|任|为)[^，。；！？、“”\n]{0,10}$")
_RE_ROLE_END = regex.compile(r"[，。；、！？和与）]|$|的(?!\p{Han}{0,3}(?:工作|任务|职责))")


def roles(doc: Doc) -> None:  # noqa: C901 - direct cues, then chains
    """Titles next to a person (or chained to such a title by 、), or a post right after an organisation."""
    text = doc.text
    persons = {m.start for m in doc.mentions if m.kind is MentionKind.PERSON}
    person_ends = {m.end for m in doc.mentions if m.kind is MentionKind.PERSON}
    units = {m.end: m.start for m in doc.mentions if m.kind in {MentionKind.ORGANIZATION, MentionKind.LOCATION}}
    candidates = [(start, end) for start, end in doc.role_spans() if doc.free(start, end)]
    by_start = {c[0]: c for c in candidates}
    by_end = {c[1]: c for c in candidates}
    accepted: set[tuple[int, int]] = set()
    for start, end in candidates:
        word = text[start:end]
        if end in persons or (text[end : end + 1] == "的" and end + 1 in persons):
            ok = word != "同志"
        elif start in person_ends:
            ok = word != "党员"
        elif start in doc.org_ends:
            ok = word in _POST_ROLES and (
                text[end : end + 1] in {"的", "、"}
                or _predicated(text, start)
                or _apposition(text, start, end, person_ends)
            )
        else:
            ok = (
                _RE_COPULA_BEFORE_ROLE.search(text, max(0, start - 12), start) is not None
                or _copula_over_unit(text, start, units, person_ends)
            ) and _RE_ROLE_END.match(text, end) is not None
        if ok:
            accepted.add((start, end))
    stack = list(accepted)
    while stack:  # 党组书记、局长曹宇峰: titles chained by 、 to an accepted one
        start, end = stack.pop()
        neighbours = [
            by_end[start - len(joiner)]
            for joiner in _ROLE_JOINERS
            if text[start - len(joiner) : start] == joiner and start - len(joiner) in by_end
        ]
        neighbours += [
            by_start[end + len(j)] for j in _ROLE_JOINERS if text.startswith(j, end) and end + len(j) in by_start
        ]
        for neighbour in neighbours:
            if neighbour not in accepted:
                accepted.add(neighbour)
                stack.append(neighbour)
    for start, end in sorted(accepted):
        if doc.free(start, end):
            doc.add(MentionKind.ROLE, start, end, text[start:end])


_ROLE_JOINERS = ("、", "和", "、一名", "、一位", "，一名")
_RE_COUNT_BEFORE_ROLE = regex.compile(r"(?:的?(?:一名|一位|名|位)?(?:最年轻|最年长|年轻|资深|专职|兼职)?的?)$")
_RE_COPULA_END = regex.compile(r"(?:是|作为|担任|身为|系)(?:一名|一位)?$")

_RE_CLAUSE_SPLIT = regex.compile(r"[，。；！？\n]")


def _copula_over_unit(text: str, start: int, units: dict[int, int], person_ends: set[int]) -> bool:
    """``他是锡林浩特市公安局的一名辅警``: a person or pronoun, a copula, an organisation or place, the title.

    ``units`` maps the end of each organisation and place mention to its start.
    """
    count = _RE_COUNT_BEFORE_ROLE.search(text, max(0, start - 8), start)
    unit_start = units.get(count.start() if count is not None else start)
    if unit_start is None:
        return False
    copula = _RE_COPULA_END.search(text, max(0, unit_start - 4), unit_start)
    if copula is None:
        return False
    clause_start = max(0, copula.start() - 30)
    clause = _RE_CLAUSE_SPLIT.split(text[clause_start : copula.start()])[-1]
    offset = copula.start() - len(clause)
    named_before = any(e <= copula.start() for e in person_ends)  # a pronoun must refer to a named person
    return (named_before and any(c in clause for c in "他她我")) or any(
        offset < e <= copula.start() for e in person_ends
    )


_RE_COPULA = regex.compile(r"是|任|担任|作为|系|身为")


def _apposition(text: str, start: int, end: int, person_ends: set[int]) -> bool:
    """``牛丽娟，…司法所所长。``: the clause before the title opens right after a person and a comma."""
    clause_start = max(text.rfind(mark, max(0, start - 40), start) for mark in "，。；！？\n")
    return (
        clause_start >= 0
        and text[clause_start] == "，"
        and clause_start in person_ends
        and text[end : end + 1] in {"。", "，", "；", ""}
    )


def _predicated(text: str, start: int) -> bool:
    clause = _RE_CLAUSE_SPLIT.split(text[max(0, start - 40) : start])[-1]
    return _RE_COPULA.search(clause) is not None
