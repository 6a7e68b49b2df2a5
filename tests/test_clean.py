"""Tests of the cleaner (``yixian_corpus._clean``): each rule, the seeds, and its properties."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import yixian_corpus
from strategies import clean_texts, dirty_texts
from yixian_corpus import CleanResult, SpanError, YixianError, clean_text
from yixian_corpus._clean import is_heading_like
from yixian_corpus._edits import apply_edits

if TYPE_CHECKING:
    from pathlib import Path


def rules(result: CleanResult) -> Counter[str]:
    return Counter(edit.rule for edit in result.edits)


# -- width ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("疫情防控,人人有责", "疫情防控，人人有责"),
        ("他说:好", "他说：好"),
        ("法院:308人", "法院：308人"),
        ("真好!", "真好！"),
        ("是吗?", "是吗？"),
        ("一是;二是", "一是；二是"),
        ("实录(二)", "实录（二）"),
        ("重任 ,每天", "重任，每天"),
        ("1,234", "1,234"),
        ("6:30 起床。", "6:30 起床。"),
        ("f(x) = y", "f(x) = y"),
        ("COVID-19, SARS", "COVID-19, SARS"),
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("(肖玥)", "（肖玥）"),
    ],
)
def test_width_folds_only_next_to_chinese(raw: str, clean: str) -> None:
    assert clean_text(raw).text == clean


# -- space ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("发送信息 252 篇。", "发送信息252篇。"),
        ("受众达 1.3 万人。", "受众达1.3万人。"),
        ("李维军 2月13日的日记。", "李维军2月13日的日记。"),
        ("冬末， 走入初春。", "冬末，走入初春。"),
        ("思路 and 方向。", "思路 and 方向。"),
        ("6:30 起床，做早餐。", "6:30 起床，做早餐。"),
        ("抗疫不缺位 党员身份亮出来", "抗疫不缺位 党员身份亮出来"),
        ("为人民站岗\u3000为生命护航", "为人民站岗 为生命护航"),
        ("他们  坚守 在一线。", "他们坚守在一线。"),
    ],
)
def test_stray_spaces_go_but_meaningful_ones_stay(raw: str, clean: str) -> None:
    assert clean_text(raw).text == clean


# -- reflow --------------------------------------------------------------------------------
def test_a_sentence_broken_by_a_page_break_is_rejoined() -> None:
    raw = "重点对《传染病防治法》和疫情防控的\n\n相关法律法规进行重点宣传。\n\n下一段。"
    assert clean_text(raw).text == "重点对《传染病防治法》和疫情防控的相关法律法规进行重点宣传。\n下一段。"


def test_column_lines_are_rejoined_and_paragraphs_kept() -> None:
    raw = (
        "从雨雪交融的冬末， 走入万物待发\n\n的初春。 随着3月\n24日的到来。\n\n"
        "创新工作法\n亮剑阻击战\n\n疫情防控期间，工作开展。"
    )
    result = clean_text(raw)
    assert result.text.split("\n") == [
        "从雨雪交融的冬末，走入万物待发的初春。随着3月24日的到来。",
        "创新工作法",
        "亮剑阻击战",
        "疫情防控期间，工作开展。",
    ]
    assert [b.heading for b in result.blocks] == [False, True, True, False]


def test_a_short_fragment_with_a_comma_is_not_a_heading() -> None:
    raw = "在这场战“疫”中,全市法院干警把\n\n疫情防控作为试金石。"
    assert clean_text(raw).text == "在这场战“疫”中，全市法院干警把疫情防控作为试金石。"


def test_a_credit_line_ends_a_paragraph() -> None:
    assert clean_text("没有过不去的坎。” (王丹)\n\n## 下一篇").text == "没有过不去的坎。”（王丹）\n下一篇"


def test_latin_words_split_over_lines_keep_a_space() -> None:
    assert clean_text("我们说，使用 COVID\nvaccine 的人，\n很多。").text == "我们说，使用 COVID vaccine 的人，很多。"


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("抗疫不缺位 党员身份亮出来", True),
        ("乌海——用行动践行誓言", True),
        ("公安：疫情不退，警察不退", True),
        ("——记呼和浩特市政法委基层社会治理科科长王勇", True),
        ("全区司法行政系统抗疫实录（二）", True),
        ("在这场战“疫”中，全市法院干警把", False),
        ("主动报名参加执勤任务时的吕昂就已经做好了要吃", False),
        ("吕昂仅是青山区的社区防疫一线上一个个“女战士”的", False),
        ("这是一句话。", False),
        ("", False),
    ],
)
def test_heading_shape(line: str, heading: bool) -> None:  # noqa: FBT001 - a pytest parameter
    assert is_heading_like(line) is heading


# -- markup --------------------------------------------------------------------------------
def test_markdown_heading_markers_and_numbers_become_structure() -> None:
    result = clean_text("# 1 抗疫不缺位\n\n正文。\n\n# 2\n\n## 宣传不停步\n\n正文二。")
    assert result.text == "抗疫不缺位\n正文。\n宣传不停步\n正文二。"
    headings = [(result.text[b.start : b.end], b.level, b.number) for b in result.blocks if b.heading]
    assert headings == [("抗疫不缺位", 1, "1"), ("宣传不停步", 2, "2")]
    assert rules(result)["markup"] == 3


def test_a_hashtag_is_not_markup() -> None:
    assert clean_text("#抗疫# 我们在行动。").text == "#抗疫# 我们在行动。"


# -- punct-shift ---------------------------------------------------------------------------
SHIFTED = (
    "要要要包头市青山区司法局抗击疫情工作纪实\n\n"
    "从雨雪交融的冬末袁 走入万物待发的初春遥 他说院野我是一名耶老兵爷袁应急处突有经验浴冶"
    "局里要求大家做好防护尧 需要时送往医院曰大家噎噎渊肖玥冤"
)


def test_the_founder_punctuation_shift_is_repaired() -> None:
    result = clean_text(SHIFTED)
    assert result.text == (
        "———包头市青山区司法局抗击疫情工作纪实\n"
        "从雨雪交融的冬末，走入万物待发的初春。他说：“我是一名‘老兵’，应急处突有经验！”"
        "局里要求大家做好防护、需要时送往医院；大家……（肖玥）"
    )
    assert {e.old for e in result.edits if e.rule == "punct-shift"} == set("要袁遥院野耶爷浴冶尧曰噎渊冤")


@pytest.mark.parametrize(
    "text",
    [
        "袁隆平说，我们要求医院加强管理。遥远的野外，田野里的野生动物。",
        "他冤枉了我，这份要求很重要。",
        "大爷，您需要什么？",
        "袁世凯、袁隆平、袁某",
    ],
)
def test_text_without_the_defect_is_untouched(text: str) -> None:
    assert clean_text(text).text == text


def test_real_words_survive_inside_a_defective_document() -> None:
    text = clean_text("他走进医院袁要求见院长遥野外很冷袁遥远的地方尧需要支援遥袁某说袁好遥").text
    assert text == "他走进医院，要求见院长。野外很冷，遥远的地方、需要支援。袁某说，好。"


def test_seed_001_repair_counts(repo_root: Path) -> None:
    raw = (repo_root / "corpus" / "raw" / "001_e322b7ad07317845.txt").read_text(encoding="utf-8")
    result = clean_text(raw)
    repaired = Counter(e.old for e in result.edits if e.rule == "punct-shift")
    assert repaired == {
        "袁": 146,
        "遥": 45,
        "尧": 45,
        "野": 38,
        "冶": 38,
        "曰": 6,
        "噎": 6,
        "要": 3,
        "浴": 2,
        "耶": 1,
        "爷": 1,
        "渊": 1,
        "冤": 1,
        "院": 1,
    }
    # every shifted mark is gone; what is left are real words
    left = Counter(c for c in result.text if c in "袁遥尧野冶曰噎浴院渊冤耶爷要")
    assert left == {"要": 9, "院": 1}
    assert "医院" in result.text
    for word in ("要求", "需要", "只要", "想要"):
        assert word in result.text


def test_other_seeds_have_no_shift_repair(repo_root: Path) -> None:
    for path in sorted((repo_root / "corpus" / "raw").glob("*.txt")):
        if path.name.startswith("001"):
            continue
        assert rules(clean_text(path.read_text(encoding="utf-8")))["punct-shift"] == 0, path.name


# -- exclude, offsets, errors ----------------------------------------------------------------
def test_excluded_spans_are_lifted_out_and_the_text_rejoined() -> None:
    raw = "居住小区或\n\n图：民警在值守。\n\n社区的执勤工作。"
    start = raw.index("图")
    result = clean_text(raw, exclude=[(start, raw.index("。") + 1)])
    assert result.text == "居住小区或社区的执勤工作。"
    assert [e.rule for e in result.edits if e.rule == "exclude"] == ["exclude"]


@pytest.mark.parametrize("spans", [[(5, 2)], [(0, 100)], [(0, 3), (2, 4)], [(-1, 2)]])
def test_bad_exclude_spans_raise_span_error(spans: list[tuple[int, int]]) -> None:
    with pytest.raises(SpanError):
        clean_text("一二三四五六", exclude=spans)


def test_a_non_string_is_a_library_error() -> None:
    with pytest.raises(YixianError):
        clean_text(b"bytes")  # type: ignore[arg-type]


def test_offsets_map_back_to_raw() -> None:
    raw = "  受众达 1.3 万人,增长 31.8%!"
    result = clean_text(raw)
    assert result.text == "受众达1.3万人，增长31.8%！"
    start = result.text.index("1.3")
    assert result.raw_span(start, start + 3) == (raw.index("1.3"), raw.index("1.3") + 3)
    comma = result.text.index("，")
    assert raw[slice(*result.raw_span(comma, comma + 1))] == ","
    assert result.raw_offset(len(result.text)) == len(raw)
    with pytest.raises(ValueError, match="outside"):
        result.raw_offset(len(result.text) + 1)
    with pytest.raises(ValueError, match="outside"):
        result.raw_span(3, 2)


def test_edits_by_rule_counts() -> None:
    assert clean_text("甲,乙,丙 !").edits_by_rule() == {"width": 3, "space": 1}


def test_the_public_name_is_the_module_function() -> None:
    assert yixian_corpus.clean_text is clean_text


# -- properties ------------------------------------------------------------------------------
def check_consistent(raw: str, result: CleanResult) -> None:
    assert result.raw == raw
    assert apply_edits(raw, result.edits) == result.text
    for edit in result.edits:
        assert raw[edit.start : edit.end] == edit.old
    # every character that no edit touched maps back to the same raw character
    for i, char in enumerate(result.text):
        start, end = result.raw_span(i, i + 1)
        assert 0 <= start <= end <= len(raw)
        if end - start == 1 and raw[start] == char:
            continue
        assert any(e.start <= start and end <= e.end for e in result.edits)


@given(dirty_texts())
@example(SHIFTED)
@example("# \n#")
@example("a\r\nb\rc")
@example('"一",')  # width decides before quotes turns "…" into “…”: the same decision both times
@example('("中文")')
def test_cleaning_is_consistent_and_idempotent(raw: str) -> None:
    result = clean_text(raw)
    check_consistent(raw, result)
    again = clean_text(result.text)
    assert again.text == result.text
    assert again.edits == ()


@given(st.text())
def test_arbitrary_unicode_never_raises(raw: str) -> None:
    result = clean_text(raw)
    check_consistent(raw, result)
    assert clean_text(result.text).text == result.text


@given(clean_texts())
def test_clean_text_comes_back_unchanged(text: str) -> None:
    result = clean_text(text)
    assert result.text == text
    assert result.edits == ()
