"""yixian-corpus: Chinese news reports on front-line (一线) COVID-19 work by political-legal organs.

The bundled corpus is read with :func:`load`; the cleaner that built it is
:func:`clean_text`, reusable on any text of the same kind.

Example:
    >>> import yixian_corpus
    >>> corpus = yixian_corpus.load()
    >>> article = corpus["003-2-wang-ailin"]
    >>> article.authors
    ('王丹',)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._corpus import Corpus
from ._load import load
from ._model import (
    Article,
    Block,
    BlockKind,
    Caption,
    DateValue,
    Edit,
    Mention,
    MentionKind,
    Paragraph,
    Quantity,
    Section,
    Source,
    TimeValue,
)
from .exceptions import (
    CorpusFileError,
    EmptyQueryError,
    ExportOptionError,
    ExtractorOptionError,
    MissingExtraError,
    OverwriteError,
    PatternError,
    SchemaVersionError,
    SearchOptionError,
    SearchTimeoutError,
    SpanError,
    UnknownArticleError,
    UnknownKindError,
    WriteError,
    YixianError,
)

if TYPE_CHECKING:
    from ._clean import CleanBlock, CleanResult, clean_text
    from ._entities import Entity
    from ._export_sqlite import fts_query
    from ._extract import extract_mentions
    from ._filter import filter_corpus
    from ._read import read
    from ._search import Hit, Hits, search
    from ._stats import ArticleStats, Stats

__version__ = "0.1.0"

# The layers over the model (search, filters, statistics, export, extraction) are imported on first
# use, so that ``import yixian_corpus`` and ``load()`` cost little more than reading the data.
_LAZY = {
    "ArticleStats": "._stats",
    "CleanBlock": "._clean",
    "CleanResult": "._clean",
    "clean_text": "._clean",
    "Entity": "._entities",
    "Hit": "._search",
    "Hits": "._search",
    "Stats": "._stats",
    "extract_mentions": "._extract",
    "filter_corpus": "._filter",
    "fts_query": "._export_sqlite",
    "read": "._read",
    "search": "._search",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    import importlib  # noqa: PLC0415 - only when a lazy name is first used

    value = getattr(importlib.import_module(module_name, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "Article",
    "ArticleStats",
    "Block",
    "BlockKind",
    "Caption",
    "CleanBlock",
    "CleanResult",
    "Corpus",
    "CorpusFileError",
    "DateValue",
    "Edit",
    "EmptyQueryError",
    "Entity",
    "ExportOptionError",
    "ExtractorOptionError",
    "Hit",
    "Hits",
    "Mention",
    "MentionKind",
    "MissingExtraError",
    "OverwriteError",
    "Paragraph",
    "PatternError",
    "Quantity",
    "SchemaVersionError",
    "SearchOptionError",
    "SearchTimeoutError",
    "Section",
    "Source",
    "SpanError",
    "Stats",
    "TimeValue",
    "UnknownArticleError",
    "UnknownKindError",
    "WriteError",
    "YixianError",
    "__version__",
    "clean_text",
    "extract_mentions",
    "filter_corpus",
    "fts_query",
    "load",
    "read",
    "search",
]
