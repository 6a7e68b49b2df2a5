"""The error hierarchy: one base class, typed subclasses that are also the built-ins callers expect."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from hypothesis import given
from hypothesis import strategies as st

import yixian_corpus
from strategies import corpora
from yixian_corpus import Article, Block, BlockKind, Corpus, Paragraph, Section, Source, exceptions
from yixian_corpus._serialize import corpus_from_data

# The built-in each error also is, so that existing `except` clauses keep working.
BUILTIN_BASES: dict[type[Exception], type[Exception]] = {
    exceptions.UnknownArticleError: KeyError,
    exceptions.UnknownKindError: ValueError,
    exceptions.PatternError: ValueError,
    exceptions.EmptyQueryError: ValueError,
    exceptions.SearchTimeoutError: TimeoutError,
    exceptions.CorpusFileError: ValueError,
    exceptions.SchemaVersionError: exceptions.CorpusFileError,
    exceptions.OverwriteError: FileExistsError,
    exceptions.WriteError: OSError,
    exceptions.MissingExtraError: ImportError,
}


def _exception_classes_of_the_package() -> dict[str, type[BaseException]]:
    """Every exception class defined in any module of the installed package."""
    found: dict[str, type[BaseException]] = {}
    modules = [yixian_corpus] + [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(yixian_corpus.__path__, prefix="yixian_corpus.")
        if info.name != "yixian_corpus.__main__"
    ]
    for module in modules:
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__.startswith("yixian_corpus")
            ):
                found[f"{value.__module__}.{name}"] = value
    return found


def test_every_exception_class_of_the_package_derives_from_yixian_error() -> None:
    classes = _exception_classes_of_the_package()
    assert len(classes) >= len(exceptions.__all__)
    strays = sorted(name for name, cls in classes.items() if not issubclass(cls, exceptions.YixianError))
    assert strays == []


@pytest.mark.parametrize("name", exceptions.__all__)
def test_every_error_is_exported_at_the_top_level(name: str) -> None:
    cls = getattr(exceptions, name)
    assert issubclass(cls, exceptions.YixianError)
    assert getattr(yixian_corpus, name) is cls
    assert name in yixian_corpus.__all__
    assert cls.__doc__, f"{name} has no docstring"


@pytest.mark.parametrize(("cls", "builtin"), list(BUILTIN_BASES.items()), ids=lambda v: getattr(v, "__name__", ""))
def test_errors_are_also_the_builtin_callers_expect(cls: type[Exception], builtin: type[Exception]) -> None:
    assert issubclass(cls, builtin)


def test_yixian_error_is_an_exception_not_a_base_exception_escape() -> None:
    assert issubclass(exceptions.YixianError, Exception)


def _small_corpus() -> Corpus:
    text = "标题\n正文。"
    source = Source("s.txt", raw=text)
    return Corpus(
        Article(
            id=article_id,
            title="标题",
            subtitle=None,
            authors=(),
            source=source,
            text=text,
            blocks=(Block(BlockKind.TITLE, 0, 2, text), Block(BlockKind.PARAGRAPH, 3, 6, text)),
            sections=(Section(None, 3, 6, (Paragraph(3, 6, text),), (), (), text),),
        )
        for article_id in ["000-donghe", "001-qingshan", "003-1-wang-yong", "003-2-wang-ailin"]
    )


def test_unknown_article_is_a_key_error_with_the_closest_ids() -> None:
    corpus = _small_corpus()
    with pytest.raises(KeyError) as caught:
        corpus["001-qingshn"]
    error = caught.value
    assert isinstance(error, exceptions.UnknownArticleError)
    assert isinstance(error, exceptions.YixianError)
    assert error.article_id == "001-qingshn"
    assert error.suggestions[0] == "001-qingshan"
    assert "001-qingshan" in str(error)
    assert "\n" not in str(error)


def test_unknown_article_suggestions_are_ranked_and_bounded() -> None:
    with pytest.raises(exceptions.UnknownArticleError) as caught:
        _small_corpus()["003-wang"]
    error = caught.value
    assert 1 <= len(error.suggestions) <= 3
    assert set(error.suggestions[:2]) == {"003-1-wang-yong", "003-2-wang-ailin"}  # best first


def test_unknown_article_without_anything_close_says_so_plainly() -> None:
    with pytest.raises(exceptions.UnknownArticleError) as caught:
        _small_corpus()["zzzzzzzzzzzzzzzz"]
    error = caught.value
    assert error.suggestions == ()
    assert str(error) == "no article with id 'zzzzzzzzzzzzzzzz'"


def test_corpus_get_returns_none_instead_of_raising() -> None:
    assert _small_corpus().get("nope") is None


@given(corpora(min_size=1), st.text(max_size=20))
def test_any_unknown_key_raises_unknown_article_error(corpus: Corpus, key: str) -> None:
    if key in corpus.ids:
        assert corpus[key].id == key
        return
    with pytest.raises(exceptions.UnknownArticleError) as caught:
        corpus[key]
    assert all(s in corpus.ids for s in caught.value.suggestions)


def test_corpus_file_error_names_file_and_line() -> None:
    error = exceptions.CorpusFileError("bad span", path="x.jsonl", line=3)
    assert str(error) == "x.jsonl:3: bad span"
    assert (error.path, error.line) == ("x.jsonl", 3)
    assert str(exceptions.CorpusFileError("bad", path="x.json")) == "x.json: bad"
    assert str(exceptions.CorpusFileError("bad")) == "bad"


def test_corrupt_corpus_data_raises_corpus_file_error_not_a_bare_builtin() -> None:
    with pytest.raises(exceptions.CorpusFileError, match="format"):
        corpus_from_data({"articles": []}, path="x.json")
    with pytest.raises(exceptions.SchemaVersionError, match="newer"):
        corpus_from_data({"format": "yixian-corpus", "schema_version": 99}, path="x.json")
    with pytest.raises(exceptions.CorpusFileError):
        corpus_from_data({"format": "yixian-corpus", "schema_version": 1, "sources": {}, "articles": [{"id": 1}]})


def test_unknown_mention_kind_lists_the_kinds() -> None:
    with pytest.raises(exceptions.UnknownKindError, match="person") as caught:
        yixian_corpus.MentionKind.parse("persons")
    assert isinstance(caught.value, ValueError)
