"""Automatic mention extraction for unseen Chinese news text of the corpus' genre.

:func:`extract_mentions` finds the nine kinds of mention of the annotation
guidelines (``docs/annotation-guidelines.md``) with rules over a plain
:func:`jieba.lcut` segmentation (no part-of-speech HMM, which is several times
slower): organisation and place suffix grammar, common Chinese *surnames*
(general knowledge, never this corpus' names), title and speech cues, and
patterns for dates, times, quantities, quotations and titles of works.

jieba is imported on the first call only, never by ``import yixian_corpus``.

The rules live in the private subpackage ``yixian_corpus._rules`` (one module per job);
this module runs them in order.
"""

from __future__ import annotations

from ._crf import crf_persons, require_crfsuite
from ._model import Mention
from ._rules.doc import Doc
from ._rules.numbers import dates, quantities, times
from ._rules.organizations import organizations
from ._rules.persons import persons, translit_persons
from ._rules.places import locations
from ._rules.quotes import works_and_quotes
from ._rules.roles import roles
from ._rules.slots import member_names, titled_names
from ._rules.values import resolve
from .exceptions import ExtractorOptionError

__all__ = ["MODELS", "extract_mentions"]


MODELS = ("rules", "crf")
"""The values of ``extract_mentions(model=...)``."""


def extract_mentions(text: str, *, year: int | None = None, model: str = "rules") -> list[Mention]:
    """Find persons, organizations, places, dates, times, quantities, quotes, works and roles in ``text``.

    The rules follow the annotation guidelines of the bundled corpus and are meant
    for unseen text of the same genre (Chinese news on political-legal work).
    Offsets index ``text``; ``article_id`` is None.

    Args:
        text: Any text (plain Chinese prose works best; lines are paragraphs).
        year: The year to give dates written without one (``2月2日``); their
            :class:`~yixian_corpus.DateValue` then has ``year_inferred=True``. A year
            written earlier in the text (``2020年1月…``) takes precedence. Without
            either, such dates get the ISO form without a year (``--02-02``).
        model: ``"rules"`` (the default: rules only, no extra needed) or ``"crf"``: the rules, then a
            bundled CRF tagger that adds the persons the rules missed (needs ``pip install
            yixian-corpus[crf]``; higher person recall on unseen text, about half the speed; see
            :doc:`/extractor-evaluation`).

    Returns:
        The mentions sorted by offset (quotes may contain other mentions; nothing
        else overlaps).

    Raises:
        TypeError: ``text`` is not a string.
        ExtractorOptionError: ``model`` is not one of ``"rules"`` and ``"crf"``.
        MissingExtraError: ``model="crf"`` without python-crfsuite installed.

    Example:
        >>> from yixian_corpus import extract_mentions
        >>> for m in extract_mentions("3月5日，河源市司法局局长钟海涛带领20余名干警赶到现场。", year=2020):
        ...     print(m.kind.value, m.text)
        date 3月5日
        organization 河源市司法局
        role 局长
        person 钟海涛
        quantity 20余名
    """
    if not isinstance(text, str):
        msg = f"extract_mentions() needs a str, not {type(text).__name__}"
        raise TypeError(msg)
    if model not in MODELS:
        msg = f"unknown extractor model {model!r}; choose one of: {', '.join(MODELS)}"
        raise ExtractorOptionError(msg)
    if model == "crf":
        require_crfsuite()
    if not text.strip():
        return []
    doc = Doc(text, year)
    works_and_quotes(doc)
    dates(doc)
    times(doc)
    quantities(doc)
    titled_names(doc)
    translit_persons(doc)
    organizations(doc)
    locations(doc)
    member_names(doc)
    persons(doc)
    if model == "crf":
        crf_persons(doc)
    roles(doc)
    resolve(doc)
    found = sorted(doc.mentions, key=lambda m: (m.start, -m.end, m.kind.value))
    return [Mention(m.kind, m.text, m.start, m.end, m.value) for m in found]
