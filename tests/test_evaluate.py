"""The unseen evaluation set (lint) and the evaluation machinery of ``python -m yixian_corpus._evaluate``."""

from __future__ import annotations

import itertools
import json
import re
from typing import TYPE_CHECKING

import pytest

from yixian_corpus import CorpusFileError, DateValue, Mention, MentionKind, Quantity, TimeValue
from yixian_corpus._evaluate import GoldText, Score, load_gold_file, main, posseg_baseline, render_table, score
from yixian_corpus._serialize import value_from_data, value_to_data

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

VALUE_TYPES: dict[str, tuple[type, ...]] = {
    "person": (str,),
    "organization": (str,),
    "location": (str,),
    "role": (str,),
    "work": (str,),
    "quote": (str, type(None)),
    "date": (DateValue,),
    "time": (TimeValue,),
    "quantity": (Quantity,),
}


def unseen_files(repo_root: Path) -> list[Path]:
    files = sorted((repo_root / "tests" / "data").glob("unseen_*.jsonl"))
    assert files, "the unseen evaluation set is missing"
    return files


def dev_files(repo_root: Path) -> list[Path]:
    files = sorted((repo_root / "tests" / "data").glob("dev_*.jsonl"))
    assert files, "the development set is missing"
    return files


# -- lint of the unseen set and of the development set -----------------------------------------------------------------
def lint_gold_files(paths: list[Path]) -> int:
    """Check every line of the gold files by the annotation guidelines; return the number of texts."""
    texts = 0
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{number}"
            data = json.loads(line)
            assert set(data) <= {"text", "year", "mentions"}, where
            text = data["text"]
            assert isinstance(text, str), where
            assert text.strip() == text, where
            assert "\n" not in text, where
            seen: set[tuple[str, int, int]] = set()
            plain: list[tuple[int, int]] = []
            for item in data["mentions"]:
                assert set(item) == {"kind", "start", "end", "text", "value"}, where
                kind = MentionKind(item["kind"]).value
                start, end = item["start"], item["end"]
                assert 0 <= start < end <= len(text), where
                assert text[start:end] == item["text"], (where, item)
                assert item["text"].strip() == item["text"], (where, item)
                key = (kind, start, end)
                assert key not in seen, (where, "duplicate", item)
                seen.add(key)
                value = value_from_data(item["value"])
                assert isinstance(value, VALUE_TYPES[kind]), (where, item)
                assert value_to_data(value) == item["value"], (where, "value does not round-trip", item)
                if kind != "quote":
                    plain.append((start, end))
                if kind == "person":
                    assert not any(
                        m["kind"] == "location" and m["start"] <= start and end <= m["end"] for m in data["mentions"]
                    ), (where, "person inside a place", item)
            plain.sort()
            for (_, end_a), (start_b, _) in itertools.pairwise(plain):
                assert end_a <= start_b, (where, "overlapping mentions outside a quote")
            texts += 1
    return texts


def test_unseen_set_is_well_formed(repo_root: Path) -> None:
    # each unseen set is a sealed batch written before one round of rules: big enough to measure, small enough
    # to annotate with care
    for path in unseen_files(repo_root):
        assert 60 <= lint_gold_files([path]) <= 100, path.name


def test_dev_set_is_well_formed(repo_root: Path) -> None:
    # the rules are tuned on this set (never on the unseen one), so it is checked by the same lint
    assert lint_gold_files(dev_files(repo_root)) >= 40


@pytest.mark.parametrize("name", ["dev_2023.jsonl", "dev_2024.jsonl"])
def test_each_dev_set_is_well_formed(repo_root: Path, name: str) -> None:
    # both rounds' development sets are present and pass the lint on their own
    path = repo_root / "tests" / "data" / name
    assert path in dev_files(repo_root)
    assert lint_gold_files([path]) >= 40


GOLD_SETS = pytest.mark.parametrize("files", [dev_files, unseen_files], ids=["dev", "unseen"])

_RE_NUMBERED_BARRIER = re.compile(r"(?:\d+|[一二三四五六七八九十]+)号(?:卡口|卡点)$")
_CHECKPOINT_HEADS = ("检查站", "检测点", "监测点", "防控点", "采样点", "检查点", "隔离点")


def _clarified_rule_breaches(text: str, mentions: list[Mention]) -> list[str]:
    """Mentions that break the rules clarified in the guidelines (checkpoints, barriers, 驻村第一书记)."""
    breaches = []
    for m in mentions:
        if m.kind is MentionKind.LOCATION and text.startswith(_CHECKPOINT_HEADS, m.end):
            breaches.append(f"checkpoint cut from its place: {m.text}")
        if (
            m.kind is MentionKind.LOCATION
            and m.text.endswith(("卡口", "卡点"))
            and not _RE_NUMBERED_BARRIER.search(m.text)
        ):
            breaches.append(f"barrier word inside a place: {m.text}")
        if m.kind is MentionKind.ROLE and m.text == "第一书记" and text[m.start - 2 : m.start] == "驻村":
            breaches.append(f"驻村 cut from its title: {m.text}")
    return breaches


def test_the_clarified_rule_check_finds_each_breach() -> None:
    text = "他在红旗村防控点和幸福村卡口值守，驻村第一书记在3号卡口。"
    bad = [
        Mention(MentionKind.LOCATION, "红旗村", 2, 5, "红旗村"),
        Mention(MentionKind.LOCATION, "幸福村卡口", 9, 14, "幸福村卡口"),
        Mention(MentionKind.ROLE, "第一书记", 19, 23, "第一书记"),
        Mention(MentionKind.LOCATION, "3号卡口", 24, 28, "3号卡口"),
    ]
    assert [b.split(":")[0] for b in _clarified_rule_breaches(text, bad)] == [
        "checkpoint cut from its place",
        "barrier word inside a place",
        "驻村 cut from its title",
    ]


@GOLD_SETS
def test_gold_sets_follow_the_clarified_rules(repo_root: Path, files: Callable[[Path], list[Path]]) -> None:
    for path in files(repo_root):
        for item in load_gold_file(path):
            assert not _clarified_rule_breaches(item.text, list(item.mentions)), item.name


def test_the_curated_layer_follows_the_clarified_rules() -> None:
    import yixian_corpus  # noqa: PLC0415

    for article in yixian_corpus.load():
        assert not _clarified_rule_breaches(article.text, list(article.mentions)), article.id


@GOLD_SETS
def test_gold_set_covers_every_kind(repo_root: Path, files: Callable[[Path], list[Path]]) -> None:
    kinds = {m.kind for path in files(repo_root) for item in load_gold_file(path) for m in item.mentions}
    assert kinds == set(MentionKind)


@GOLD_SETS
def test_gold_set_shares_no_person_with_the_corpus(repo_root: Path, files: Callable[[Path], list[Path]]) -> None:
    import yixian_corpus  # noqa: PLC0415

    names = {m.text for a in yixian_corpus.load() for m in a.mentions if m.kind is MentionKind.PERSON}
    raw = "".join(p.read_text(encoding="utf-8") for p in (repo_root / "corpus" / "raw").glob("*.txt"))
    for path in files(repo_root):
        for item in load_gold_file(path):
            for m in item.mentions:
                if m.kind is MentionKind.PERSON and len(m.text) >= 2:
                    assert m.text not in names, (item.name, m.text)
                    assert m.text not in raw, (item.name, m.text)


# -- reading gold files ------------------------------------------------------------------------------------------------
def test_load_gold_file_reports_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "unseen_bad.jsonl"
    good = {"text": "张三说", "mentions": [{"kind": "person", "start": 0, "end": 2, "text": "张三", "value": "张三"}]}
    bad = {"text": "李四说", "mentions": [{"kind": "person", "start": 0, "end": 2, "text": "张三", "value": "张三"}]}
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n" + json.dumps(bad, ensure_ascii=False) + "\n", "utf-8")
    with pytest.raises(CorpusFileError, match=r"unseen_bad\.jsonl:2: .*'张三'"):
        load_gold_file(path)


@pytest.mark.parametrize(
    "line",
    [
        "not json",
        '{"mentions": []}',
        '{"text": "x", "year": "2020", "mentions": []}',
        '{"text": "ab", "mentions": [{"kind": "nope", "start": 0, "end": 1, "text": "a"}]}',
        '{"text": "ab", "mentions": [{"kind": "person", "start": 1, "end": 9, "text": "b"}]}',
        '{"text": "ab", "mentions": [{"kind": "quantity", "start": 0, "end": 1, "text": "a", "value": {"type": "x"}}]}',
    ],
)
def test_load_gold_file_rejects_bad_lines(tmp_path: Path, line: str) -> None:
    path = tmp_path / "unseen_x.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(CorpusFileError):
        load_gold_file(path)


def test_load_gold_file_missing_is_a_corpus_file_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusFileError):
        load_gold_file(tmp_path / "missing.jsonl")


# -- scoring -----------------------------------------------------------------------------------------------------------
def test_score_counts_exact_overlap_and_values() -> None:
    gold = [
        Mention("person", "张三", 0, 2, "张三"),
        Mention("organization", "东城区法院", 3, 8, "东城区法院"),
        Mention("quantity", "3名", 9, 11, Quantity(3, "名")),  # type: ignore[arg-type]
    ]
    predicted = [
        Mention("person", "张三", 0, 2, "张三丰"),
        Mention("organization", "城区法院", 4, 8, "城区法院"),
        Mention("location", "东城区", 3, 6, "东城区"),
    ]
    result = score(gold, predicted)
    assert result[MentionKind.PERSON] == Score(1, 1, 1, 1, 1, 0)
    assert result[MentionKind.ORGANIZATION] == Score(1, 1, 0, 1, 1, 0)
    assert result[MentionKind.LOCATION] == Score(0, 1, 0, 0, 0, 0)
    assert result[MentionKind.QUANTITY] == Score(1, 0, 0, 0, 0, 0)
    total = sum(result.values(), Score())
    assert total.exact_prf == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert total.overlap_prf == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert Score().exact_prf == (0.0, 0.0, 0.0)


def test_render_table_has_a_row_per_kind_and_a_total() -> None:
    scores = {kind: Score(2, 2, 1, 2, 2, 1) for kind in MentionKind}
    table = render_table("T", scores, scores)
    rows = [line for line in table.splitlines() if line.startswith("| ")]
    assert len(rows) == len(MentionKind) + 2  # header + kinds + total
    assert "| person | 2 | 0.50 / 0.50 / 0.50 | 1.00 / 1.00 / 1.00 | 1/1 |" in table
    assert "| quote | 2 |" in table
    assert "| — | — |" in table


def test_render_table_adds_the_crf_column_when_given() -> None:
    scores = {kind: Score(2, 2, 1, 2, 2, 1) for kind in MentionKind}
    learned = {kind: Score(2, 2, 2, 2, 2, 2) for kind in MentionKind}
    table = render_table("T", scores, scores, learned)
    header = next(line for line in table.splitlines() if line.startswith("| kind"))
    assert "with CRF exact P / R / F1" in header
    assert "| person | 2 | 0.50 / 0.50 / 0.50 | 1.00 / 1.00 / 1.00 | 1/1 | 1.00 / 1.00 / 1.00 |" in table
    widths = {line.count("|") for line in table.splitlines() if line.startswith("|")}
    assert len(widths) == 1  # every row has the header's columns
    assert "with CRF" not in render_table("T", scores, scores)


def test_posseg_baseline_maps_tags_to_kinds() -> None:
    item = GoldText("x", "张三在北京工作了3年。", 2020, ())
    kinds = {(m.kind, m.text) for m in posseg_baseline(item)}
    assert (MentionKind.LOCATION, "北京") in kinds
    assert all(item.text[m.start : m.end] == m.text for m in posseg_baseline(item))


def test_main_writes_and_prints_the_report(repo_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "table.inc"
    status = main([str(out), "--unseen", str(unseen_files(repo_root)[0])])
    assert status == 0
    text = out.read_text(encoding="utf-8")
    assert text == capsys.readouterr().out
    assert "Unseen sentences" in text
    assert "| person |" in text
    assert "Bundled corpus" in text


def test_each_unseen_set_gets_its_own_table_and_all_one_more(
    repo_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = unseen_files(repo_root)
    assert len(files) >= 2
    out = tmp_path / "table.inc"
    assert main([str(out), *(arg for path in files for arg in ("--unseen", str(path)))]) == 0
    capsys.readouterr()
    titles = [line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("### Unseen")]
    assert len(titles) == len(files) + 1
    assert all(path.name in titles[i] for i, path in enumerate(files))
    assert all(path.name in titles[-1] for path in files)


def test_main_reports_a_bad_file_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "unseen_bad.jsonl"
    bad.write_text("{", encoding="utf-8")
    assert main([str(tmp_path / "out.inc"), "--unseen", str(bad)]) == 2
    assert capsys.readouterr().err.startswith("evaluate: error: ")
