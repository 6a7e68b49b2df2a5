"""The name slot: a name read by its characters where a cue leads one to expect one.

After a title (民警王刚在…, 所长冉从军到…), after an organisation or place and 的 (竹核司法所的吉克阿依用…),
after a noun for people (老人阿荣), between 和 and 一起 (和扎西次仁一起), where a clause opens with a
compound surname (欧阳晓岚是…), and next to a person found in a list (民警索南达杰、更登尼玛): the name runs
from the cue to the first place a name can end, whatever the segmenter made of its characters.
``name_in_slot`` is that reading; ``titled_names`` and ``member_names`` are the rules built on it.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import regex

from yixian_corpus._model import MentionKind

from .doc import Doc
from .lexicon import (
    COMMON_WORD_FREQ,
    COMPOUND_SURNAMES,
    HAN,
    KNOWN_WORD_FREQ,
    MIN_NAME,
    NEGATIONS,
    NUMERAL_CHARS,
    RARE_FREQ,
    RE_LOC_SUFFIX,
    RE_ORG_SUFFIX,
    RE_ROLE,
    SPEECH_VERBS,
    SURNAMES,
    TRANSLIT_CHARS,
    WORD_SURNAMES,
    alt,
    occurrences,
)
from .person_names import (
    NON_NAME_CHARS,
    PLACE_END_CHARS,
    RE_DOTTED_NAME,
    RE_KIN_WORD,
    RE_TRANSLIT_NAME,
    TRANSLIT_UNIT,
    in_byline,
    is_name_body,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "RE_COUNT_AFTER_NAMES",
    "SLOT_STOPS",
    "common_non_name",
    "coordinated_names",
    "member_names",
    "name_in_slot",
    "titled_names",
    "verb_across",
]

# -- the name slot after a title --------------------------------------------------------------------------------------
SLOT_STOPS = frozenset(
    "，。；：！？、“”（）在和与及到从向对把被将给为的等也都还就又却便已正每说是带跟同随一仍再先曾刚均亦用"
)
"""Characters that end a name written right after a title (民警王刚在…, 所长冉从军到…, 网格员小朱和…)."""
_SLOT_STOP_TAGS = frozenset(["v", "vd", "vn", "d", "p", "c", "r", "rr", "rz", "m", "t", "f", "ad", "uj", "ul", "uz"])
_MAX_TRANSLIT_SLOT = 6
RE_COUNT_AFTER_NAMES = regex.compile(r"[两二三四五六七八九十\d]+[人名位]")
_NOT_TITLES_BEFORE_NAMES = frozenset(["同志", "党员"])


_RE_SPOKE_AFTER = regex.compile(r"[说问喊讲答](?:道)?[。，：:！？”]")


def _slot_boundary(doc: Doc, end: int) -> bool:
    """Whether a name after a title can end at ``end``: a stop character, a title, or a common word follows."""
    text = doc.text
    if end >= len(text) or text[end] in SLOT_STOPS or not HAN.match(text[end]):
        return True
    if RE_ROLE.match(text, end) or RE_COUNT_AFTER_NAMES.match(text, end):
        return True  # 民警王刚辅警…, 拉毛卓玛三人
    if _RE_SPOKE_AFTER.match(text, end):
        return True  # 辅警阿说木呷|问。: a verb of speech that ends the sentence
    i = doc.index_at.get(end)
    if i is None:
        return False
    token = doc.tokens[i]
    tag, freq = doc.tag(token), doc.jb.freq.get(token, 0)
    return (tag in _SLOT_STOP_TAGS and freq >= RARE_FREQ) or (tag == "a" and freq >= COMMON_WORD_FREQ)  # 连续


def common_non_name(doc: Doc, word: str) -> bool:
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


def verb_across(doc: Doc, end: int) -> bool:
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
    if not common_non_name(doc, given):
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
            or not (is_name_body(given) or _name_token(doc, start + surname, end))
        ):
            continue  # a function character in a given name only where the segmenter reads a name (冉|从军)
        one_word = (
            doc.token_end(start) == end
            or _name_token(doc, start + surname, end)
            or (doc.token_end(start) == start + surname and doc.token_end(start + surname) == end)
        )  # 韦志刚, 韦|志刚, 慕容|志刚
        if (given[-1] in SLOT_STOPS and not one_word) or given[-1] in PLACE_END_CHARS or given[0] in NON_NAME_CHARS:
            continue
        if length == surname + 2 and (_glued_verb_char(doc, end - 1) or verb_across(doc, end)):
            continue  # 王刚|守|在, 孙浩|收到: the third character is (the start of) a verb
        if (
            common_non_name(doc, name)
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
_RE_DOT_AHEAD = regex.compile(r"[^\P{Han}和与及]{2,8}·")
"""The first part of a dotted name: Han characters up to the dot, but no 和/与/及 (民警张晓军|和|叶尔兰·别克)."""


def _name_like_token(doc: Doc, token: str) -> bool:
    """A token a transliterated name can be made of: unknown, one transliteration character, or a rare name."""
    return (
        not doc.known(token)
        or (len(token) == 1 and token in TRANSLIT_CHARS)
        or (doc.tag(token) in _NAME_TOKEN_TAGS and doc.jb.freq.get(token, 0) < COMMON_WORD_FREQ)
    )


def _translit_syllable(doc: Doc, at: int) -> bool:
    """Whether ``at`` holds a one-character word that is a syllable of transliterated names (木|呷, 才|让)."""
    return doc.token_end(at) == at + 1 and doc.text[at] in TRANSLIT_CHARS and doc.text[at] not in SLOT_STOPS


def _run_to_boundary(doc: Doc, start: int) -> int | None:
    """The first end, two to six characters after ``start``, where a name can end; None if a word is in the way."""
    text = doc.text
    for end in range(start + MIN_NAME, min(len(text), start + _MAX_TRANSLIT_SLOT) + 1):
        yi = text[start] == "阿" and end - 1 == start + 1 and text[start + 1] in SLOT_STOPS  # 阿说木呷, 阿的木呷
        if not HAN.fullmatch(text, start, end) or (text[end - 1] in SLOT_STOPS and not yi):
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
    dotted = RE_DOTTED_NAME.match(text, start)
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
    head = None
    if i is None and start in doc.role_ends():  # 辅|警洛松|曲珍: the title's last character glued to the name
        i = bisect.bisect_right(doc.starts, start) - 1
        head = doc.text[start : doc.starts[i] + len(doc.tokens[i])]
    if i is None or j is None or i >= j:
        return False
    tokens = doc.tokens[i:j] if head is None else [head, *doc.tokens[i + 1 : j]]
    if any(_glued_verb_word_at(doc, at) for at in doc.starts[i + 1 : j] if at >= start + MIN_NAME):
        return False  # 次旺多吉|常挂: the name stops before the verb (not in a name's first two: 更|登加)
    unknown = any(len(token) > 1 and not doc.known(token) for token in tokens)
    if not all(_name_like_token(doc, token) or (unknown and len(token) == 1) for token in tokens):
        return False  # one character the segmenter cut off an unknown name may be a word (更|登加)
    name = doc.text[start:end]
    translit = sum(char in TRANSLIT_CHARS for char in name)
    return (
        translit > 0
        and not name.endswith("族")  # 哈萨克族: a people, not a person
        and (name[-1] not in NON_NAME_CHARS or name[-1] == "门")  # 卡口, 收费站: a place word (朝鲁门 is a name)
        and (2 * translit >= len(name) or any(not doc.known(token) for token in doc.tokens[i:j]))
    )  # not 上门|测温, 驻村


_RE_TRANSLIT_RUN_AT = regex.compile(rf"{TRANSLIT_UNIT}{{2,6}}")


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
    boundary = (
        _slot_boundary(doc, end)
        or doc.text[end : end + 1] in SLOT_STOPS
        or _plain_word_at(doc, end)
        or _glued_verb_word_at(doc, end)
    )
    return end if boundary else None


def _glued_verb_word_at(doc: Doc, start: int) -> bool:
    """Whether an unknown word the segmenter glued starts at ``start`` with a common adverb or verb (常|挂).

    ``次旺多吉常挂在嘴边``: the name ends where such a character opens the next word; a syllable of a
    transliterated name is never read so.
    """
    i = doc.index_at.get(start)
    if i is None:
        return False
    token = doc.tokens[i]
    first = token[0]
    return (
        len(token) > 1
        and not doc.known(token)
        and first not in TRANSLIT_CHARS
        and doc.tag(first) in {"d", "v", "p"}
        and doc.jb.freq.get(first, 0) >= COMMON_WORD_FREQ
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
    return name_in_slot(doc, start)


def name_in_slot(doc: Doc, start: int) -> int | None:  # noqa: PLR0911 - each case returns
    """The end of a name at ``start``, where the text leads one to expect a name (after a title, in a list)."""
    text = doc.text
    if start >= len(text) or RE_ROLE.match(text, start):
        return None
    first = text[start]
    if (first in SLOT_STOPS and first != "和") or first in NEGATIONS or first in NUMERAL_CHARS or first == "们":
        return None
    if first in "老小" and text[start + 1 : start + 2] in SURNAMES:
        return start + MIN_NAME if _slot_boundary(doc, start + MIN_NAME) else None  # 网格员小朱和…
    if _RE_DOT_AHEAD.match(text, start) or RE_DOTTED_NAME.match(text, start):
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
        end = name_in_slot(doc, start)
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
    return [m.start() for m in _RE_COMPANION.finditer(text) if name_in_slot(doc, m.start()) == m.end()]


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
        if end is not None and end - start > MIN_NAME and _RE_SPOKE_AFTER.match(text, end - 1):
            end -= 1  # 法官慕容|静说，: the segmenter glued the verb of speech to the name
        if end is None or not doc.free(start, end) or doc.in_slogan(start, end):
            continue
        if start in person_nouns and _verb_like(doc, start, end):
            continue  # 老人托人, 老人拉着: a noun for people is a weaker cue than a title; a verb follows it
        doc.add(MentionKind.PERSON, start, end, None)
        if text[start] not in "老小":
            names.add(text[start:end])
    for start, end, _name in occurrences(text, names):
        if doc.free(start, end) and RE_KIN_WORD.match(text, end) is None:  # not inside “乌日娜姐”
            doc.add(MentionKind.PERSON, start, end, None)
    if names:
        coordinated_names(doc)  # 民警索南达杰、更登尼玛、拉毛卓玛: the list, before other rules cut into it


# -- names in a list with a person found -------------------------------------------------------------------------------
_LIST_SEPARATORS = frozenset("、和与及")
_RE_ASIDE = regex.compile(r"[（(][^（）()\n]{1,30}[）)]")
_RE_LIST_END = regex.compile(r"[、和与及，,。；;！？\s）)（(]|等|被|两|三|四|分别|均|都|$")


def coordinated_names(doc: Doc) -> None:
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
                if doc.free(start, end) and not in_byline(text, start, end):
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
        match = RE_DOTTED_NAME.match(text, end + 1) or RE_TRANSLIT_NAME.match(text, end + 1)
        if match is not None and _RE_LIST_END.match(text, match.end()):
            yield match.span()
        elif (name_end := _han_name_token_end(doc, end + 1)) is not None and _RE_LIST_END.match(text, name_end):
            yield end + 1, name_end
        elif (name_end := name_in_slot(doc, end + 1)) is not None:
            yield end + 1, name_end  # 崔成浩和朴|美兰沿着, 索南才让、更登加、: read like a name after a title
    if start > 0 and text[start - 1] in _LIST_SEPARATORS:
        before = _name_before_separator(text, start - 1)
        if before is not None:
            yield before


def _name_before_separator(text: str, separator: int) -> tuple[int, int] | None:
    """A dotted or transliterated name ending right before the list separator at ``separator``, or None."""
    window = max(0, separator - 13)
    for match in (
        *RE_DOTTED_NAME.finditer(text, window, separator),
        *RE_TRANSLIT_NAME.finditer(text, window, separator),
    ):
        if match.end() != separator:
            continue
        first: int = match.start()
        if text[first - 2 : first] == "的和":
            return first - 1, separator  # 公安局的和丽萍、木建华: after 的, 和 is a surname
        if first == 0 or not HAN.match(text[first - 1]) or text[first - 1] in _LIST_SEPARATORS:
            return first, separator
    return None


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
        and is_name_body(token)
        and (not doc.known(token) or (tag.startswith("nr") and doc.jb.freq[token] < COMMON_WORD_FREQ))
        and token[-1] not in PLACE_END_CHARS
    ):
        return start + len(token)
    return None
