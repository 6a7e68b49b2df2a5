"""Every error the library raises on purpose derives from :class:`YixianError`.

Catch :class:`YixianError` to handle anything the library reports; catch a
subclass to handle one situation.  Several subclasses also derive from the
built-in exception a caller would naturally expect (``KeyError`` for an unknown
id, ``ValueError`` for a bad pattern, ``FileExistsError`` for a refused
overwrite), so existing ``except`` clauses keep working.

Example:
    >>> import yixian_corpus
    >>> try:
    ...     yixian_corpus.load()["no-such-article"]
    ... except yixian_corpus.UnknownArticleError as error:
    ...     print(type(error).__name__, isinstance(error, KeyError))
    UnknownArticleError True
"""

from __future__ import annotations

__all__ = [
    "CorpusFileError",
    "EmptyQueryError",
    "ExportOptionError",
    "ExtractorOptionError",
    "MissingExtraError",
    "OverwriteError",
    "PatternError",
    "SchemaVersionError",
    "SearchOptionError",
    "SearchTimeoutError",
    "SpanError",
    "UnknownArticleError",
    "UnknownKindError",
    "WriteError",
    "YixianError",
]


class YixianError(Exception):
    """Base class of every error raised by :mod:`yixian_corpus`."""


class UnknownArticleError(YixianError, KeyError):
    """An article id that the corpus does not contain.

    Attributes:
        article_id: The id that was asked for.
        suggestions: The closest existing ids, best first (may be empty).
    """

    def __init__(self, article_id: str, suggestions: tuple[str, ...] = ()) -> None:
        self.article_id = article_id
        self.suggestions = tuple(suggestions)
        super().__init__(article_id)

    def __str__(self) -> str:
        message = f"no article with id {self.article_id!r}"
        if self.suggestions:
            message += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        return message


class UnknownKindError(YixianError, ValueError):
    """A mention kind that is not one of :class:`~yixian_corpus.MentionKind`."""


class SpanError(YixianError, ValueError):
    """A ``(start, end)`` span that is outside its text or overlaps another."""


class PatternError(YixianError, ValueError):
    """A search pattern that cannot be compiled (the message says why)."""


class EmptyQueryError(YixianError, ValueError):
    """A search query that is empty."""


class SearchTimeoutError(YixianError, TimeoutError):
    """A regular-expression search that ran past its time limit."""


class SearchOptionError(YixianError, ValueError):
    """A search, filter or statistics option that is out of range (a negative limit, a bad year, ...)."""


class CorpusFileError(YixianError, ValueError):
    """A file that is not a corpus this library can read.

    Attributes:
        path: The file, when known.
        line: The 1-based line number where the problem is, when known.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(where + message)


class SchemaVersionError(CorpusFileError):
    """A corpus file written by a newer, unknown version of the format."""


class OverwriteError(YixianError, FileExistsError):
    """A writer refused to replace an existing file (pass ``overwrite=True``)."""


class WriteError(YixianError, OSError):
    """A writer could not write its output (missing directory, no permission, …)."""


class ExportOptionError(YixianError, ValueError):
    """An export option that is not valid: an unknown format, table level or mention kind."""


class ExtractorOptionError(YixianError, ValueError):
    """An extractor option that is not valid: an unknown model, or no text to train the tagger on."""


class MissingExtraError(YixianError, ImportError):
    """An optional dependency is not installed; the message names the extra."""
