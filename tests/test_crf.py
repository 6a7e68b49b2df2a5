"""The learned tagger (``extract_mentions(model="crf")``): what it adds, its model, its training, its errors."""

from __future__ import annotations

import itertools
import subprocess
import sys
from importlib import resources
from typing import TYPE_CHECKING

import pytest
from hypothesis import given

from strategies import any_unicode_texts, extract_texts
from yixian_corpus import (
    ExtractorOptionError,
    MentionKind,
    MissingExtraError,
    YixianError,
    extract_mentions,
)
from yixian_corpus._crf import MODEL_FILE, _mend, _ordinary_words, chunks, features, gold_labels, spans_of
from yixian_corpus._evaluate import load_gold_file
from yixian_corpus._rules.doc import Doc
from yixian_corpus._train import main as train_main
from yixian_corpus._train import train

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    RunCli = Callable[..., subprocess.CompletedProcess[str]]

P = MentionKind.PERSON


def persons(text: str, model: str) -> list[str]:
    return [m.text for m in extract_mentions(text, model=model) if m.kind is P]


# -- what the tagger adds ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("司法所里只剩下笪文静一个人，她还在整理台账。", "笪文静"),  # a rare surname, no cue
        ("检察官庹明轩说，案件已经依法起诉。", "庹明轩"),  # a rare surname after a title
        ("禚海波把电话打给了女儿。", "禚海波"),  # opening the sentence
        ("隔离点的门口，晓雯一站就是六个小时。", "晓雯"),  # a given name alone
        ("“阿依，快把口罩拿来！”巴合提别克喊道。", "阿依"),  # a name called in speech
    ],
)
def test_the_tagger_finds_persons_the_rules_miss(text: str, name: str) -> None:
    assert name not in persons(text, "rules")
    assert name in persons(text, "crf")


@pytest.mark.parametrize(
    "text",
    [
        "依然是扎堆就餐，他当即从医院赶回。",  # a common word (扎堆) is no name
        "这是体现责任担当的试金石和磨刀石。",  # a span cutting a word (金石 in 试金石)
        "他耄耋之年的老母亲住进了医院。",  # 老 + a kin noun is no name
        "“千兵有头，万兵有将”，大家都这么说。",  # not inside a quoted slogan
    ],
)
def test_ordinary_words_are_not_added(text: str) -> None:
    added = set(persons(text, "crf")) - set(persons(text, "rules"))
    assert not added, added


@pytest.mark.parametrize(
    ("text", "span", "ordinary"),
    [
        ("让党徽在一线闪光。", "让党徽", True),  # a common verb, then a word
        ("依然是扎堆就餐。", "扎堆", True),  # one common word
        ("这是试金石。", "金石", True),  # cutting through a word
        ("他的老母亲住院了。", "老母亲", True),  # 老 + a common word
        ("嘎查里的老人其木格说。", "其木格", False),  # 其 opens a Mongolian name
        ("检察长才让多杰带着检察官。", "才让多杰", False),  # 才 opens a Tibetan name
        ("“老鲍调解室”开门了。", "老鲍", False),  # 老 + a surname
    ],
)
def test_ordinary_words_filter(text: str, span: str, ordinary: bool) -> None:  # noqa: FBT001
    start = text.index(span)
    assert _ordinary_words(Doc(text, 2020), start, start + len(span)) is ordinary


def test_the_rules_persons_are_kept() -> None:
    text = "3月5日，河源市司法局局长钟海涛带领20余名干警赶到现场，笪文静也在。"
    rules = {(m.start, m.end) for m in extract_mentions(text) if m.kind is P}
    crf = {(m.start, m.end) for m in extract_mentions(text, model="crf") if m.kind is P}
    assert rules < crf


def test_added_persons_get_canonical_values_like_any_person() -> None:
    text = "检察官庹明轩说，案件已经依法起诉。庹明轩还说，要依法办事。"
    found = [m for m in extract_mentions(text, model="crf") if m.kind is P]
    assert [m.value for m in found] == ["庹明轩", "庹明轩"]


def test_cli_extract_with_the_model(run_cli: RunCli) -> None:
    done = run_cli("extract", "-", "--model", "crf", "--kind", "person", input="禚海波把电话打给了女儿。")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\t")[:5] == ["0", "3", "person", "禚海波", "禚海波\n"]


# -- errors ------------------------------------------------------------------------------------------------------------
def test_an_unknown_model_is_a_typed_error() -> None:
    with pytest.raises(ExtractorOptionError, match="unknown extractor model 'bert'"):
        extract_mentions("民警钟海涛", model="bert")
    assert issubclass(ExtractorOptionError, YixianError)
    assert issubclass(ExtractorOptionError, ValueError)


def test_without_python_crfsuite_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pycrfsuite", None)  # import pycrfsuite now raises ImportError
    with pytest.raises(MissingExtraError, match=r"pip install yixian-corpus\[crf\]"):
        extract_mentions("民警钟海涛", model="crf")
    with pytest.raises(MissingExtraError):
        train([], "never-written.crfsuite")
    assert extract_mentions("民警钟海涛")  # the rules need no extra


def test_cli_reports_a_missing_extra_in_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    # run_cli works in tmp_path, which `python -m` puts first on sys.path: this module shadows the real one
    (tmp_path / "pycrfsuite.py").write_text("raise ImportError('blocked for the test')\n", encoding="utf-8")
    done = run_cli("extract", "-", "--model", "crf", input="民警钟海涛")
    assert done.returncode != 0
    assert done.stderr.count("\n") == 1
    assert "yixian-corpus[crf]" in done.stderr


# -- the model and its training --------------------------------------------------------------------------------------
@pytest.mark.slow
def test_the_bundled_model_is_what_the_development_sets_train(repo_root: Path, tmp_path: Path) -> None:
    files = sorted((repo_root / "tests" / "data").glob("dev_*.jsonl"))
    assert files
    items = [item for path in files for item in load_gold_file(path)]
    model = train(items, tmp_path / "model.crfsuite")
    bundled = resources.files("yixian_corpus").joinpath("data").joinpath(MODEL_FILE).read_bytes()
    assert model.read_bytes() == bundled, "retrain with `nox -s train` after changing the features or the sets"


def test_training_refuses_sealed_sets_and_empty_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "model.crfsuite"
    assert train_main([str(out), "tests/data/unseen_2034.jsonl"]) == 2
    assert "refusing to train on sealed" in capsys.readouterr().err
    empty = tmp_path / "dev_empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert train_main([str(out), str(empty)]) == 2
    assert capsys.readouterr().err == "train: error: no gold texts to train on\n"
    assert not out.exists()


def test_training_writes_a_model_the_tagger_reads(tmp_path: Path) -> None:
    import pycrfsuite  # noqa: PLC0415 - the extra, installed for the tests

    from yixian_corpus._evaluate import GoldText  # noqa: PLC0415

    text = "民警钟海涛和辅警笪文静在路口执勤。"
    mentions = tuple(m for m in extract_mentions(text, model="crf") if m.kind is not MentionKind.QUOTE)
    path = train([GoldText("t", text, 2020, mentions)] * 3, tmp_path / "tiny.crfsuite")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    labels = tagger.tag(features(Doc(text, 2020)))
    assert len(labels) == len(text)
    assert set(labels) <= {"O", "B-P", "I-P", "B-G", "I-G", "B-L", "I-L", "B-R", "I-R"}


# -- the pieces ------------------------------------------------------------------------------------------------------
def test_gold_labels_and_spans_of_are_inverse() -> None:
    mentions = [(P, 2, 5), (MentionKind.ROLE, 0, 2), (MentionKind.DATE, 6, 8), (P, 3, 4)]
    labels = gold_labels(9, mentions)
    assert labels == ["B-R", "I-R", "B-P", "I-P", "I-P", "O", "O", "O", "O"]  # dates are not learned; no overlaps
    assert spans_of(labels, "P") == [(2, 5)]
    assert spans_of(labels, "R") == [(0, 2)]
    assert spans_of(["I-P", "B-P", "B-P", "I-P"], "P") == [(1, 2), (2, 4)]  # an I- without its B- is no span


@pytest.mark.parametrize(
    ("text", "tagged", "mended"),
    [
        ("玉龙县公安局的和建国值班。", "建国", "和建国"),  # after 的, 和 is a surname
        ("。和秀英今年52岁。", "秀英", "和秀英"),  # and at a sentence start
        ("他和建国一起去。", "建国", "建国"),  # elsewhere it is a conjunction
        ("辅警李振东守在路口。", "李振东守", "李振东"),  # a common verb glued to a three-character name
        ("辅警李振东在路口。", "李振东", "李振东"),
    ],
)
def test_mend_fixes_two_boundaries(text: str, tagged: str, mended: str) -> None:
    start = text.index(tagged)
    new_start, new_end = _mend(Doc(text, 2020), (start, start + len(tagged)))
    assert text[new_start:new_end] == mended


def test_long_lines_are_tagged_in_pieces_after_sentences() -> None:
    sentence = "民警钟海涛在路口执勤，一守就是十四个小时。"
    text = sentence * 60 + "\n\n" + "短句。"
    pieces = chunks(Doc(text, 2020))
    assert all(end - start <= 500 for start, end in pieces)
    assert all(text[end - 1] == "。" for start, end in pieces)
    joined = "".join(text[start:end] for start, end in pieces)
    assert joined == text.replace("\n", "")


def test_a_piece_has_the_features_of_the_same_text_on_its_own() -> None:
    text = "民警钟海涛在路口执勤。\n辅警笪文静送来了热水。"
    doc = Doc(text, 2020)
    for start, end in chunks(doc):
        assert features(doc, start, end) == features(Doc(text[start:end], 2020))


# -- properties --------------------------------------------------------------------------------------------------------
def _check(text: str) -> None:
    mentions = extract_mentions(text, year=2020, model="crf")
    assert mentions == sorted(mentions, key=lambda m: (m.start, -m.end, m.kind.value))
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
    plain = [m for m in mentions if m.kind is not MentionKind.QUOTE]
    for left, right in itertools.pairwise(plain):
        assert left.end <= right.start, (left, right)
    rules = {(m.start, m.end) for m in extract_mentions(text, year=2020) if m.kind is P}
    assert rules <= {(m.start, m.end) for m in mentions if m.kind is P}


@given(extract_texts())
def test_genre_like_text_gives_valid_mentions_and_keeps_the_rules_persons(text: str) -> None:
    _check(text)


@given(any_unicode_texts())
def test_any_unicode_gives_valid_mentions_or_a_library_error(text: str) -> None:
    try:
        _check(text)
    except YixianError:  # pragma: no cover - allowed by the contract, never seen
        return


def test_the_rules_never_import_python_crfsuite(run_cli: RunCli) -> None:
    done = run_cli("extract", "-", input="民警钟海涛在路口执勤。")
    assert done.returncode == 0
    code = "import sys, yixian_corpus; yixian_corpus.extract_mentions('民警钟海涛'); print('pycrfsuite' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


def test_the_cli_offers_exactly_the_extractor_models() -> None:
    import argparse  # noqa: PLC0415

    from yixian_corpus._cli import build_parser  # noqa: PLC0415
    from yixian_corpus._extract import MODELS  # noqa: PLC0415

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    model = next(a for a in sub.choices["extract"]._actions if a.dest == "model")
    assert tuple(model.choices or ()) == MODELS
