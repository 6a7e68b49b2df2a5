"""The values of mentions, resolved once every rule has run.

Each person's full name, the fullest name the text gives each organisation and place, and the speaker of
each quote.
"""

from __future__ import annotations

import bisect
from collections import Counter

import regex

from yixian_corpus._model import MentionKind

from .doc import Doc, Found
from .lexicon import (
    COMPOUND_SURNAMES,
    NICK_TITLES,
    RE_LOC_SUFFIX_END,
    RE_ORG_SUFFIX_END,
    RE_SPEECH_BEFORE,
    RE_TRANSLIT_RUN,
    SPEECH_VERBS,
    SURNAMES,
)

__all__ = ["resolve"]


# -- resolution --------------------------------------------------------------------------------------------------------
def resolve(doc: Doc) -> None:
    """Give every person its canonical full name, and every quote its speaker."""
    persons = sorted((m for m in doc.mentions if m.kind is MentionKind.PERSON), key=lambda m: m.start)
    resolver = _NameResolver([m for m in persons if _looks_full(m.text)])
    canonical = {m.start: resolver.canonical(m) for m in persons}
    doc.mentions = [m._replace(value=canonical[m.start]) if m.kind is MentionKind.PERSON else m for m in doc.mentions]
    _canonical_places(doc)
    persons = sorted((m for m in doc.mentions if m.kind is MentionKind.PERSON), key=lambda m: m.start)
    starts = [p.start for p in persons]
    ends = [p.end for p in persons]
    for start, end, mark_start, mark_end in doc.quotes:
        line_start = doc.text.rfind("\n", 0, mark_start) + 1
        line_end = doc.text.find("\n", mark_end)
        lo = bisect.bisect_left(starts, min(mark_start - 60, line_start))
        hi = bisect.bisect_right(starts, max(mark_end + 60, line_end if line_end >= 0 else len(doc.text)))
        before = bisect.bisect_right(ends, mark_start)
        last = _name_of(persons[before - 1]) if before else None
        speaker = _speaker(doc, persons[lo:hi], mark_start, mark_end, last)
        if mark_start in doc.issued:
            speaker = _issuer(doc, mark_start) or speaker
        called = [p for p in persons[lo:hi] if p.start == start and doc.text[p.end : p.end + 1] in {"，", "！", "？"}]
        if called and speaker == _name_of(called[0]):
            speaker = None  # “小敏，…”: the person called at the start is spoken to
        doc.add(MentionKind.QUOTE, start, end, speaker, take=False)


def _issuer(doc: Doc, mark_start: int) -> str | None:
    """The organisation named last before a quote it issued, in the same sentence (its canonical name)."""
    sentence_start = max(doc.text.rfind(mark, 0, mark_start) for mark in "。！？\n") + 1
    issuers = [
        m
        for m in doc.mentions
        if m.kind is MentionKind.ORGANIZATION and sentence_start <= m.start and m.end <= mark_start
    ]
    return max(issuers, key=lambda m: m.start).value if issuers else None


# -- the fullest names of organisations and places ---------------------------------------------------------------------
_RE_PLACE_UNIT = regex.compile(
    r"\p{Han}{1,8}?(?:特别行政区|自治区|自治州|自治县|自治旗|民族乡|地区|街道|社区|省|市|盟|州|县|区|旗|镇|乡|村)"
    r"(?![省市盟州县区旗])"  # 钦州|市: the unit is the last of the suffix characters
)


def _place_units(name: str) -> list[str]:
    """The administrative units a name opens with: ``包头市东河区司法局`` → ``包头市``, ``东河区``."""
    units = []
    at = 0
    while (match := _RE_PLACE_UNIT.match(name, at)) is not None:
        units.append(match.group())
        at = match.end()
    return units


def _fuller_parents(organizations: list[str]) -> dict[str, str]:
    """The written organisations by each tail that names a unit: ``东河区司法局`` → ``包头市东河区司法局``."""
    tails: dict[str, str] = {}
    for fuller in organizations:  # longest first: the fullest name wins
        for i in range(1, len(fuller) - 2):
            tail = fuller[i:]
            if RE_ORG_SUFFIX_END.search(tail):
                tails.setdefault(tail, fuller)
    return tails


def _fuller_parent(value: str, tails: dict[str, str]) -> str | None:
    """``东河区司法局党组`` → ``包头市东河区司法局党组`` when ``包头市东河区司法局`` is written."""
    for size in range(len(value) - 1, 2, -1):
        fuller = tails.get(value[:size])
        if fuller is not None:
            return fuller + value[size:]
    return None


def _fullest_chains(counts: Counter[tuple[MentionKind, str]]) -> dict[str, str]:
    """Each unit or chain of units → the longest chain the text writes ending with it, as a place or in a name."""
    fullest: dict[str, str] = {}
    chains = [value for k, value in counts if k is MentionKind.LOCATION] + [
        "".join(_place_units(value)) for k, value in counts if k is MentionKind.ORGANIZATION
    ]
    for chain in sorted(set(chains), key=lambda c: (-len(c), c)):
        units = _place_units(chain)
        if "".join(units) == chain:
            for i in range(len(units)):
                fullest.setdefault("".join(units[i:]), chain)
    return fullest


def _canonical_places(doc: Doc) -> None:  # noqa: C901 - three kinds of fuller name
    """Give organisations and places the fullest name the text uses for them.

    ``东河区司法局`` → ``包头市东河区司法局`` when the text also writes the latter, and a department of it
    likewise (``东河区司法局党组`` → ``包头市东河区司法局党组``); a place → the longest chain of units the
    text writes ending with it, as a place or opening an organisation (``东河区`` → ``包头市东河区`` from
    ``包头市东河区司法局``), and a short form → its unit (``乌海`` → ``乌海市``).
    """
    longest: dict[tuple[MentionKind, str], str] = {}
    counts = Counter((m.kind, m.value) for m in doc.mentions if isinstance(m.value, str))
    for kind in (MentionKind.ORGANIZATION, MentionKind.LOCATION):
        values = {value for k, value in counts if k is kind}
        # among names of one length the most written wins (a set's order changes from run to run)
        for value in sorted(values, key=lambda v: (-counts[kind, v], v)):
            for i in range(1, len(value) - 1):
                tail = value[i:]
                if tail in values and len(value) > len(longest.get((kind, tail), "")):
                    longest[kind, tail] = value
    organizations = sorted({value for k, value in counts if k is MentionKind.ORGANIZATION}, key=lambda v: (-len(v), v))
    tails = _fuller_parents(organizations)
    for value in organizations:  # a department of a parent written more fully elsewhere
        if (MentionKind.ORGANIZATION, value) not in longest:
            fuller = _fuller_parent(value, tails)
            if fuller is not None:
                longest[MentionKind.ORGANIZATION, value] = fuller
    fullest = _fullest_chains(counts)
    for value in {value for k, value in counts if k is MentionKind.LOCATION}:
        if (MentionKind.LOCATION, value) in longest:
            continue
        target = fullest.get(value)
        if target is None and RE_LOC_SUFFIX_END.search(value) is None:
            target = next((fullest[value + s] for s in "市县区盟旗省州" if value + s in fullest), None)
        if target is not None and len(target) > len(value):
            longest[MentionKind.LOCATION, value] = target
    if longest:
        doc.mentions = [
            m._replace(value=longest.get((m.kind, m.value), m.value)) if isinstance(m.value, str) else m
            for m in doc.mentions
        ]


# -- the full names of persons -----------------------------------------------------------------------------------------
_NICK_TITLE_TUPLE = tuple(NICK_TITLES)


def _looks_full(name: str) -> bool:
    if "·" in name or (len(name) >= 4 and RE_TRANSLIT_RUN.fullmatch(name) and name[:1] not in SURNAMES):  # noqa: PLR2004
        return True  # 努尔兰·哈力木别克, 次仁多吉: names of other peoples, shortened to a part of them
    if name[:2] in COMPOUND_SURNAMES:
        return 3 <= len(name) <= 4  # noqa: PLR2004 - a length or count threshold of the rule
    return name[:1] in SURNAMES and 2 <= len(name) <= 3 and not name.endswith(_NICK_TITLE_TUPLE)  # noqa: PLR2004 - a length or count threshold of the rule


_NICK_TITLES_LONGEST_FIRST = tuple(sorted(NICK_TITLES, key=len, reverse=True))


class _NameResolver:
    """Find the full name a short form refers to: the nearest fitting full name before it, else a unique one."""

    def __init__(self, full: list[Found]) -> None:
        self.names = {f.text for f in full}
        self.by_key: dict[str, list[Found]] = {}
        for f in full:
            surname = f.text[:2] if f.text[:2] in COMPOUND_SURNAMES else f.text[:1]
            keys = {("s", surname), ("g", f.text[len(surname) :]), ("g", f.text[1:])}
            if "·" in f.text:  # 努尔兰 for 努尔兰·哈力木别克: the first part of a dotted name
                keys.add(("g", f.text.split("·")[0]))
            elif len(f.text) == 4 and f.text[:1] not in SURNAMES and f.text[:2] not in COMPOUND_SURNAMES:  # noqa: PLR2004
                keys |= {("g", f.text[:2]), ("g", f.text[2:])}  # 次仁 or 多吉 for 次仁多吉
            for key in keys:
                self.by_key.setdefault("".join(key), []).append(f)

    def canonical(self, mention: Found) -> str:
        name = mention.text
        dotted = [f for f in self.by_key.get("g" + name, []) if f.text.startswith(name + "·")]
        if name in self.names and not dotted:
            return name
        if dotted:
            fits = dotted  # 艾尔肯 for 艾尔肯·吐尔逊, also when 艾尔肯 alone looks like a full name
        elif name[:1] in "老小" and len(name) == 2:  # noqa: PLR2004 - a length or count threshold of the rule
            fits = self.by_key.get("s" + name[1], []) or self.by_key.get("g" + name, [])  # 小敏 for 马小敏
        elif name.endswith(_NICK_TITLE_TUPLE):
            stem = next(name[: -len(t)] for t in _NICK_TITLES_LONGEST_FIRST if name.endswith(t))
            fits = self.by_key.get("s" + stem, []) or self.by_key.get("g" + stem, [])  # 王姐, 秀英姐
        else:
            fits = self.by_key.get("g" + name, [])
        if not fits:
            return name
        ends = [f.end for f in fits]
        i = bisect.bisect_right(ends, mention.start)
        if i:
            return fits[i - 1].text
        names = {f.text for f in fits}
        return names.pop() if len(names) == 1 else name


# -- the speakers of quotes --------------------------------------------------------------------------------------------
_RE_SENTENCE_SPLIT_AFTER = regex.compile(r"[。！？\n“]")
_RE_SENTENCE_SPLIT_BEFORE = regex.compile(r"[。！？\n”，,]")
_RE_VERB_AFTER = regex.compile(SPEECH_VERBS + "|常说|这样|名言|座右铭|口头禅")
_RE_SAID_BY = regex.compile(r"(?:说(?:这|那)?(?:句|番|些)?话的|说这话时|说这些话时|说话的)")
_SPEAKER_WINDOW = 60


def _speech_verb_after(doc: Doc, start: int, clause: str) -> regex.Match[str] | None:
    """The first verb of speech in ``clause`` (which starts at ``start``) that is a word, not part of one."""
    for verb in _RE_VERB_AFTER.finditer(clause):
        at = start + verb.start()
        if len(verb.group()) > 1 or (at in doc.index_at and doc.token_end(at) == at + 1):
            return verb  # 说, 问 on their own; not 道 in 五道箐乡
    return None


def _speaker(  # noqa: C901, PLR0911 - cues in order of strength, each returns
    doc: Doc, persons: list[Found], mark_start: int, mark_end: int, last_before: str | None
) -> str | None:
    """The speaker of the quote between ``mark_start`` and ``mark_end``, or None.

    ``persons`` are the person mentions near the quote; ``last_before`` names the last person before it.
    """
    text = doc.text
    after = text[mark_end : mark_end + _SPEAKER_WINDOW]
    clause_after = _RE_SENTENCE_SPLIT_AFTER.split(after)[0]
    if _RE_SAID_BY.match(clause_after):  # “…”说这话的是…X, 说这话时，…X
        following = [p for p in persons if mark_end <= p.start < mark_end + len(clause_after)]
        if following:
            return _name_of(following[0])
    verb = _speech_verb_after(doc, mark_end, clause_after)
    if verb is not None:
        before_verb = [p for p in persons if mark_end <= p.start < mark_end + verb.start()]
        speakers = [p for p in before_verb if not _addressed(text, p)]
        if speakers:
            return _name_of(speakers[0])
        if before_verb:
            return None  # 对民警龚雪峰说: the person named is spoken to, the speaker is not named
        if "他" in clause_after[: verb.start()] or "她" in clause_after[: verb.start()]:
            return last_before
    starting = [p for p in persons if p.start == mark_end]
    if starting:
        return _name_of(starting[0])
    before = text[max(0, mark_start - 40) : mark_start]
    stripped = before.rstrip("：:，, ")
    clause_before = _RE_SENTENCE_SPLIT_BEFORE.split(stripped)[-1]
    if RE_SPEECH_BEFORE.search(before):
        offset = mark_start - len(before) + len(stripped) - len(clause_before)
        inside = [p for p in persons if offset <= p.start < mark_start]
        if inside:
            return _name_of(inside[-1])
        if clause_before.lstrip()[:1] in {"他", "她"}:
            return last_before
        return None  # said by someone the text does not name (女儿在电话里问他：)
    if verb is not None:
        return None
    # no speech cue at all: the person the paragraph is about, before the quote or else after it
    line_start = text.rfind("\n", 0, mark_start) + 1
    line_end = text.find("\n", mark_end)
    line_end = len(text) if line_end < 0 else line_end
    before_in_line = [p for p in persons if line_start <= p.start and p.end <= mark_start]
    if before_in_line:
        return _name_of(before_in_line[-1])
    after_in_line = [p for p in persons if mark_end <= p.start < line_end]
    return _name_of(after_in_line[0]) if after_in_line else None


_RE_ADDRESS_BEFORE = regex.compile(r"(?:对|向|跟|给|朝|冲|拉着|握着|拉住|握住)[^，。！？“”\n]{0,12}$")


def _addressed(text: str, person: Found) -> bool:
    """Whether ``person`` is spoken to (对民警X说, 拉着X的手说), not speaking."""
    clause_start = max(text.rfind(mark, 0, person.start) for mark in "，。！？”\n") + 1
    return _RE_ADDRESS_BEFORE.search(text, clause_start, person.start) is not None or text.startswith(
        "的手", person.end
    )


def _name_of(person: Found) -> str:
    return person.value if isinstance(person.value, str) else person.text
