"""Group mentions into entities: one canonical key, its count and its surface forms.

Used by :meth:`Corpus.entities <yixian_corpus.Corpus.entities>`; works on any
iterable of mentions (the curated layer or the output of
:func:`~yixian_corpus.extract_mentions`).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import attrs

from ._model import Mention, MentionKind

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ._corpus import Corpus

__all__ = ["Entity", "corpus_entities", "group_mentions"]


@attrs.frozen
class Entity:
    """The mentions of one kind that share a canonical key.

    The key is the mention's value when that is a name (a person's full name, an
    organisation's canonical name, a quote's speaker), else its text; so ``宇峰``,
    ``曹宇峰`` and ``宇峰局长``-style aliases of one person are one entity.

    Attributes:
        kind: The kind of the mentions.
        key: The canonical key.
        count: How many mentions.
        forms: The distinct surface texts, most frequent first (ties in order of appearance).
        articles: The ids of the articles the mentions are in, in first-seen order.
        mentions: The mentions themselves, in the order given.

    Example:
        >>> from yixian_corpus import Mention
        >>> from yixian_corpus._entities import group_mentions
        >>> group_mentions([Mention("person", "老吕", 0, 2, "吕文秀"), Mention("person", "吕文秀", 5, 8, "吕文秀")])
        [Entity(kind=<MentionKind.PERSON: 'person'>, key='吕文秀', count=2, forms=('老吕', '吕文秀'), articles=())]
    """

    kind: MentionKind
    key: str
    count: int
    forms: tuple[str, ...]
    articles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = attrs.field(default=(), repr=False)


def group_mentions(mentions: Iterable[Mention], kind: MentionKind | str | None = None) -> list[Entity]:
    """Group ``mentions`` (optionally of one kind only) into entities, most mentioned first.

    Ties are broken by kind and key, so the order is stable.

    Raises:
        UnknownKindError: ``kind`` names no :class:`~yixian_corpus.MentionKind`.
    """
    wanted = None if kind is None else MentionKind.parse(kind)
    groups: dict[tuple[MentionKind, str], list[Mention]] = {}
    for mention in mentions:
        if wanted is None or mention.kind is wanted:
            groups.setdefault((mention.kind, mention.key), []).append(mention)
    entities = []
    for (entity_kind, key), members in groups.items():
        forms = Counter(m.text for m in members)
        ordered_forms = tuple(sorted(forms, key=lambda form: -forms[form]))  # ties: first seen first
        articles = tuple(dict.fromkeys(m.article_id for m in members if m.article_id is not None))
        entities.append(Entity(entity_kind, key, len(members), ordered_forms, articles, tuple(members)))
    entities.sort(key=lambda e: (-e.count, e.kind.value, e.key))
    return entities


def corpus_entities(corpus: Corpus, kind: MentionKind | str | None = None) -> list[Entity]:
    """The entities of the curated mentions of ``corpus``; see :func:`group_mentions`."""
    return group_mentions(corpus.mentions(), kind)
