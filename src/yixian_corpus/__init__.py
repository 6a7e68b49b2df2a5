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

from ._clean import CleanResult, clean_text
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
    MissingExtraError,
    OverwriteError,
    PatternError,
    SchemaVersionError,
    SearchTimeoutError,
    SpanError,
    UnknownArticleError,
    UnknownKindError,
    WriteError,
    YixianError,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "Caption",
    "CleanResult",
    "Corpus",
    "CorpusFileError",
    "DateValue",
    "Edit",
    "EmptyQueryError",
    "Mention",
    "MentionKind",
    "MissingExtraError",
    "OverwriteError",
    "Paragraph",
    "PatternError",
    "Quantity",
    "SchemaVersionError",
    "SearchTimeoutError",
    "Section",
    "Source",
    "SpanError",
    "TimeValue",
    "UnknownArticleError",
    "UnknownKindError",
    "WriteError",
    "YixianError",
    "__version__",
    "clean_text",
    "load",
]
