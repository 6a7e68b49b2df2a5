"""The learned part of the extractor: a linear-chain CRF over characters (the ``[crf]`` extra).

``extract_mentions(text, model="crf")`` runs the rules first and then this tagger, and keeps the persons it
finds where the rules found nothing. The model (``data/mentions.crfsuite``) is trained by
:mod:`yixian_corpus._train` on the development sentence sets only (``tests/data/dev_*.jsonl``): never on the
sealed evaluation sets, and never on the curated layer of the bundled articles, which stays a held-out test.

The tagger labels persons, organizations, places and roles (``B-``/``I-`` + ``P``/``G``/``L``/``R``): learning
the other kinds as competitors sharpens the person boundaries. Only its persons are used.

Each character's features are general: the characters and character pairs around it, jieba's word
boundaries, dictionary tag and frequency band of the word it is in, whether it is a common surname, a
transliteration syllable or next to a title word, and how typical it is of given names among the person
names of jieba's own dictionary. No feature lists this corpus' words.
"""

from __future__ import annotations

import bisect
import collections
import functools
import itertools
import math
import re
import threading
from importlib import resources
from typing import TYPE_CHECKING, Any

from ._model import MentionKind
from ._rules.lexicon import (
    COMMON_WORD_FREQ,
    COMPOUND_SURNAMES,
    HAN,
    KNOWN_WORD_FREQ,
    RE_LOC_SUFFIX,
    RE_ORG_SUFFIX,
    SURNAMES,
    TRANSLIT_CHARS,
)
from ._rules.person_names import PLACE_END_CHARS, RE_KIN_WORD, in_byline
from .exceptions import MissingExtraError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ._rules.doc import Doc

__all__ = [
    "LABEL_CODES",
    "MODEL_FILE",
    "chunks",
    "crf_persons",
    "features",
    "gold_labels",
    "require_crfsuite",
    "spans_of",
]

MODEL_FILE = "mentions.crfsuite"
"""The bundled model, in the package's ``data`` directory."""

LABEL_CODES = {
    MentionKind.PERSON: "P",
    MentionKind.ORGANIZATION: "G",
    MentionKind.LOCATION: "L",
    MentionKind.ROLE: "R",
}
"""The kinds the tagger learns, and their label letters (``B-P``, ``I-P``, …)."""

_MAX_PERSON = 16
"""The longest span the tagger may add as a person (a transliterated name with its dots)."""

_NO_DOTS = str.maketrans("", "", "·•‧・")
"""The middle dots of transliterated names (叶尔兰·努尔兰), removed before checking a name is Han."""


def require_crfsuite() -> Any:
    """Import :mod:`pycrfsuite`, or raise :class:`MissingExtraError` saying which extra to install."""
    try:
        import pycrfsuite  # noqa: PLC0415 - optional: imported only when the learned tagger is used
    except ImportError:
        msg = "the CRF tagger needs python-crfsuite; install it with: pip install yixian-corpus[crf]"
        raise MissingExtraError(msg) from None
    return pycrfsuite


# -- features -------------------------------------------------------------------------------------------------------
class _GivenNameTable:
    """How typical each character is of given names, measured on jieba's dictionary (built once)."""

    _lock = threading.Lock()
    _table: dict[str, str] | None = None

    @classmethod
    def get(cls, tags: dict[str, str], freq: dict[str, int]) -> dict[str, str]:
        if cls._table is None:
            with cls._lock:
                if cls._table is None:
                    cls._table = cls._build(tags, freq)
        return cls._table

    @staticmethod
    def _build(tags: dict[str, str], freq: dict[str, int]) -> dict[str, str]:
        # Given-name characters of the three-character person names (tag nr) that open with a common surname,
        # against every character's share of the dictionary's word frequencies: a log ratio, in whole bands.
        given: collections.Counter[str] = collections.Counter()
        for word, tag in tags.items():
            if tag == "nr" and len(word) == 3 and word[0] in SURNAMES:  # noqa: PLR2004 - surname + two characters
                given.update(word[1:])
        overall: collections.Counter[str] = collections.Counter()
        for word, count in freq.items():
            if count:
                for char in word:
                    overall[char] += count
        given_total = sum(given.values()) or 1
        overall_total = sum(overall.values()) or 1
        return {
            char: str(max(-2, min(6, int(math.log((count / given_total) / ((overall[char] + 1) / overall_total))))))
            for char, count in given.items()
        }


def chunks(doc: Doc) -> list[tuple[int, int]]:
    """The pieces of ``doc.text`` the tagger labels one at a time: lines, long lines cut after sentences.

    Tagging a piece at a time keeps memory flat on long texts; the model was trained on sentences.
    Pieces start and end on token boundaries (jieba keeps punctuation and line breaks as tokens).
    """
    pieces: list[tuple[int, int]] = []
    for line in _RE_LINE.finditer(doc.text):
        start, end = line.span()
        while end - start > _PIECE:
            cut = _sentence_end_before(doc, start, start + _PIECE)
            pieces.append((start, cut))
            start = cut
        pieces.append((start, end))
    return pieces


_PIECE = 500
"""The longest piece tagged at once, in characters (cut after a sentence, else at a token boundary)."""

_RE_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = frozenset("。！？；!?;")


def _sentence_end_before(doc: Doc, start: int, limit: int) -> int:
    """The last token boundary after a sentence end in ``start:limit``, else the last token boundary there."""
    first = bisect.bisect_right(doc.starts, start)
    last = bisect.bisect_right(doc.starts, limit) - 1
    boundary = None
    for i in range(last, first - 1, -1):
        if doc.starts[i] <= start:
            break
        if boundary is None:
            boundary = doc.starts[i]
        if doc.text[doc.starts[i] - 1] in _SENTENCE_END:
            return doc.starts[i]
    return boundary if boundary is not None else limit


def features(doc: Doc, start: int = 0, end: int | None = None) -> list[tuple[str, ...]]:
    """One list of feature strings per character of ``doc.text[start:end]`` (columns built whole, for speed).

    The piece is read on its own: characters outside it count as the text's edge, as in training.
    """
    end = len(doc.text) if end is None else end
    text = doc.text[start:end]
    n = len(text)
    position = [""] * n
    tag = [""] * n
    length = [""] * n
    band = [""] * n
    freq = doc.jb.freq
    first = bisect.bisect_right(doc.starts, start) - 1
    last = bisect.bisect_left(doc.starts, end)
    for token, token_start, token_tag in zip(
        doc.tokens[first:last], doc.starts[first:last], doc.token_tags[first:last], strict=True
    ):
        lo, hi = max(token_start, start) - start, min(token_start + len(token), end) - start
        size = len(token)
        count = freq.get(token, 0)
        token_band = str(int(math.log10(count)) + 1) if count > 0 else "0"
        word_tag = token_tag or "-"
        marks = ["S"] if size == 1 else ["B", *["M"] * (size - 2), "E"]
        position[lo:hi] = marks[lo + start - token_start : hi + start - token_start]
        tag[lo:hi] = [word_tag] * (hi - lo)
        length[lo:hi] = [str(min(size, 5))] * (hi - lo)
        band[lo:hi] = [token_band] * (hi - lo)
    role_end = bytearray(n + 1)
    role_start = bytearray(n + 4)
    roles = doc.role_spans()  # in text order: only the titles inside the piece are looked at
    for role_start_at, role_end_at in itertools.takewhile(
        lambda span: span[0] < end, itertools.islice(roles, bisect.bisect_left(roles, (start, -1)), None)
    ):
        if role_end_at <= end:
            role_end[role_end_at - start] = 1
            role_start[role_start_at - start] = 1
    chars = ["<s>", "<s>", *text, "</s>", "</s>"]
    c_2, c_1, c0, c1, c2 = chars[:-4], chars[1:-3], chars[2:-2], chars[3:-1], chars[4:]
    tags = ["<s>", *tag, "</s>"]
    given = _GivenNameTable.get(doc.jb.tags, freq)
    g = [given.get(c, "n") for c in chars[1:-1]]
    columns = [
        ["c0=" + c for c in c0],
        ["c-1=" + c for c in c_1],
        ["c+1=" + c for c in c1],
        ["c-2=" + c for c in c_2],
        ["c+2=" + c for c in c2],
        ["b-1=" + a + b for a, b in zip(c_1, c0, strict=True)],
        ["b+1=" + a + b for a, b in zip(c0, c1, strict=True)],
        ["b-2=" + a + b for a, b in zip(c_2, c_1, strict=True)],
        ["b+2=" + a + b for a, b in zip(c1, c2, strict=True)],
        ["pos=" + p for p in position],
        ["tag=" + t for t in tag],
        ["pt=" + p + t for p, t in zip(position, tag, strict=True)],
        ["tlen=" + x for x in length],
        ["tf=" + x for x in band],
        ["tag-1=" + t for t in tags[:-2]],
        ["tag+1=" + t for t in tags[2:]],
        ["sur=1" if c in SURNAMES else "sur=0" for c in c0],
        ["sur-1=1" if c in SURNAMES else "sur-1=0" for c in c_1],
        ["csur=1" if a + b in COMPOUND_SURNAMES else "csur=0" for a, b in zip(c0, c1, strict=True)],
        ["tr=1" if c in TRANSLIT_CHARS else "tr=0" for c in c0],
        ["roleE=1" if x else "roleE=0" for x in role_end[:n]],
        [
            "roleS=1" if a or b or c else "roleS=0"
            for a, b, c in zip(role_start[1 : n + 1], role_start[2 : n + 2], role_start[3 : n + 3], strict=True)
        ],
        ["roleS1=1" if x else "roleS1=0" for x in role_start[1 : n + 1]],
        ["gn0=" + x for x in g[1:-1]],
        ["gn-1=" + x for x in g[:-2]],
        ["gn+1=" + x for x in g[2:]],
        ["gn01=" + a + b for a, b in itertools.pairwise(g[1:])],
        ["gn-10=" + a + b for a, b in itertools.pairwise(g[:-1])],
    ]
    return list(zip(*columns, strict=True))  # tuples: crfsuite takes any sequence of strings per item


# -- labels ---------------------------------------------------------------------------------------------------------
def gold_labels(length: int, mentions: Iterable[tuple[MentionKind, int, int]]) -> list[str]:
    """BIO labels for training: the learned kinds, first come first served where spans overlap."""
    labels = ["O"] * length
    for kind, start, end in sorted(mentions, key=lambda m: (m[1], -m[2])):
        code = LABEL_CODES.get(kind)
        if code is None or any(label != "O" for label in labels[start:end]):
            continue
        labels[start:end] = ["B-" + code, *["I-" + code] * (end - start - 1)]
    return labels


def spans_of(labels: Sequence[str], code: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans labelled ``B-code I-code*`` (an ``I-`` without its ``B-`` is ignored)."""
    found: list[tuple[int, int]] = []
    start: int | None = None
    for i, label in enumerate([*labels, "O"]):
        if start is not None and label != "I-" + code:
            found.append((start, i))
            start = None
        if label == "B-" + code:
            start = i
    return found


# -- tagging --------------------------------------------------------------------------------------------------------
class _Tagger:
    """One ``pycrfsuite.Tagger`` per thread over the bundled model's bytes (read once)."""

    _lock = threading.Lock()
    _model: bytes | None = None
    _local = threading.local()

    @classmethod
    def tag(cls, rows: list[tuple[str, ...]]) -> list[str]:
        tagger = getattr(cls._local, "tagger", None)
        if tagger is None:
            pycrfsuite = require_crfsuite()
            if cls._model is None:
                with cls._lock:
                    if cls._model is None:
                        cls._model = resources.files(__package__).joinpath("data").joinpath(MODEL_FILE).read_bytes()
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(cls._model)
            cls._local.tagger = tagger
        labels: list[str] = tagger.tag(rows)
        return labels


def crf_persons(doc: Doc) -> None:
    """Add the persons the CRF finds where no rule found anything (run after the person rules).

    A span is kept when it is free (no mention, no title word in it), two or more Han characters or a dotted
    name, outside quoted slogans, not a bare kin word, not ending like a place, not in a byline, and not
    ordinary vocabulary (see :func:`_ordinary_words`). Where the rules found part of a name (卓玛 in 拉毛卓玛),
    the rules' span stands: letting the tagger's longer span replace it swallowed verbs next to names
    (吕昂谨遵, 让曹军) more often than it mended a name.
    """
    text = doc.text
    roles = bytearray(len(text))
    for start, end in doc.role_spans():
        roles[start:end] = b"\x01" * (end - start)
    found = [
        (piece_start + start, piece_start + end)
        for piece_start, piece_end in chunks(doc)
        for start, end in spans_of(_Tagger.tag(features(doc, piece_start, piece_end)), LABEL_CODES[MentionKind.PERSON])
    ]
    for start, end in map(functools.partial(_mend, doc), found):
        name = text[start:end]
        if not 2 <= len(name) <= _MAX_PERSON or HAN.fullmatch(name.translate(_NO_DOTS)) is None:  # noqa: PLR2004
            continue
        if not doc.free(start, end) or any(roles[start:end]) or doc.in_slogan(start, end):
            continue
        if name[-1] in PLACE_END_CHARS or RE_KIN_WORD.fullmatch(name) is not None or in_byline(text, start, end):
            continue
        if RE_LOC_SUFFIX.match(text, end) or RE_ORG_SUFFIX.match(text, end):
            continue  # 乌兰|嘎查, 巴图|派出所: the name of a place or body
        if not _ordinary_words(doc, start, end):
            doc.add(MentionKind.PERSON, start, end, None)


def _mend(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """The tagger's span with two boundaries the rules know better.

    ``的和丽萍``, ``。和正祥``: after 的 or at a sentence start, 和 is a surname (Naxi), not a conjunction, and
    opens the name. ``王振东守|在``: a common one-character verb the segmenter glued to a name of three
    characters is cut off.
    """
    text = doc.text
    start, end = span
    if text[start - 1 : start] == "和" and (start == 1 or text[start - 2] in "的。！？；\n“"):
        start -= 1
    last = text[end - 1]
    if (
        end - start == 4  # noqa: PLR2004 - a surname, a given name of two, and the glued verb
        and text[start] in SURNAMES
        and not doc.known(text[start:end])
        and doc.tag(last) in {"v", "d", "p"}
        and doc.jb.freq.get(last, 0) >= COMMON_WORD_FREQ
        and (end in doc.index_at or end == len(text))
    ):
        end -= 1
    return start, end


_NAME_TAGS = frozenset(["nr", "nrt", "nrfg"])
_FUNCTION_TAGS = frozenset(["v", "p", "d", "c", "r", "u", "uj", "ul"])
"""jieba's dictionary tags of person names."""


def _ordinary_words(doc: Doc, start: int, end: int) -> bool:
    """Whether ``start:end`` is ordinary vocabulary rather than a name.

    That is: it cuts through a dictionary word (金石 in 试金石); or it opens with a common one-character verb
    or function word that is no surname, then one word (让|党旗); or it is one dictionary word not tagged as
    a name that is common enough to be known (扎堆, 轮班); or 老/小 before such a word (老母亲), where a
    familiar name has a surname (老鲍, 小冼).
    """
    freq = doc.jb.freq
    first = doc.index_at.get(start)
    last = doc.index_at.get(end)
    if first is None:  # the span opens inside a token
        i = bisect.bisect_right(doc.starts, start) - 1
        if freq.get(doc.tokens[i], 0) > 0:
            return True
    if last is None and end < len(doc.text):  # the span closes inside a token
        i = bisect.bisect_right(doc.starts, end) - 1
        if freq.get(doc.tokens[i], 0) > 0:
            return True
    if first is not None and doc.text[start] not in SURNAMES:
        opener, rest = doc.tokens[first], doc.text[start + 1 : end]
        if (
            len(opener) == 1
            and doc.tag(opener) in _FUNCTION_TAGS
            and doc.jb.freq.get(opener, 0) >= COMMON_WORD_FREQ
            and freq.get(rest, 0) > 0
            and doc.jb.tags.get(rest) not in _NAME_TAGS
            and not any(char in TRANSLIT_CHARS for char in rest)
        ):
            return True  # 让|党旗: a verb or function word, then a word (not 才|让多杰, 其|木格: syllables)
    word = doc.text[start + 1 : end] if doc.text[start] in "老小" else doc.text[start:end]
    tag = doc.jb.tags.get(word)
    return freq.get(word, 0) >= KNOWN_WORD_FREQ and tag not in _NAME_TAGS
