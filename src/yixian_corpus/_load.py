"""Loading the bundled corpus: one JSON file read with :mod:`importlib.resources`, cached."""

from __future__ import annotations

import functools
import json
from importlib import resources

from ._corpus import Corpus
from ._serialize import corpus_from_data

__all__ = ["DATA_FILE", "load"]

DATA_FILE = "corpus.json"
"""The name of the built corpus inside the package's ``data`` directory."""


@functools.cache
def load() -> Corpus:
    """Return the bundled corpus (read once, then cached; never imports jieba).

    Returns:
        The seven cleaned, structured and annotated articles.

    Example:
        >>> import yixian_corpus
        >>> corpus = yixian_corpus.load()
        >>> corpus.ids[:2]
        ('000-donghe', '001-qingshan')
        >>> yixian_corpus.load() is corpus
        True
    """
    data_text = resources.files(__package__).joinpath("data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return corpus_from_data(json.loads(data_text), path=f"{__package__}/data/{DATA_FILE}")
