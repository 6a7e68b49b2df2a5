"""Roles (titles): next to a person, chained by 、 to such a title, or a post right after an organisation.

A title elsewhere is a role where a copula leads to it (他是锡林浩特市公安局的一名辅警).
"""

from __future__ import annotations

import regex

from yixian_corpus._model import MentionKind

from .doc import Doc
from .lexicon import ROLE_WORDS

__all__ = ["roles"]

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
