"""The built corpus: no drift from the editorial sources, and a careful reading of every article pinned."""

from __future__ import annotations

import hashlib
import json
import shutil
from importlib import resources
from typing import TYPE_CHECKING

import pytest

from yixian_corpus import BlockKind, Corpus
from yixian_corpus._build import BuildError, build, main, render
from yixian_corpus._edits import apply_edits

if TYPE_CHECKING:
    from pathlib import Path


# -- drift ---------------------------------------------------------------------------------
def test_a_rebuild_from_corpus_matches_the_packaged_data(repo_root: Path) -> None:
    rebuilt = render(build(repo_root / "corpus"))
    data = resources.files("yixian_corpus").joinpath("data")
    for name, content in rebuilt.items():
        assert data.joinpath(name).read_bytes() == content, f"{name} is stale: run python -m yixian_corpus._build"


def test_the_manifest_pins_data_and_sources(repo_root: Path) -> None:
    data = resources.files("yixian_corpus").joinpath("data")
    manifest = json.loads(data.joinpath("MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["corpus.json"] == hashlib.sha256(data.joinpath("corpus.json").read_bytes()).hexdigest()
    for name, digest in manifest["sources"].items():
        assert hashlib.sha256((repo_root / "corpus" / "raw" / name).read_bytes()).hexdigest() == digest
    assert manifest["articles"] == 7


def test_check_mode_reports_stale_data(repo_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--corpus", str(repo_root / "corpus"), "--out", str(tmp_path), "--check"]) == 1
    assert "out of date" in capsys.readouterr().err
    assert main(["--corpus", str(repo_root / "corpus"), "--out", str(tmp_path)]) == 0
    assert main(["--corpus", str(repo_root / "corpus"), "--out", str(tmp_path), "--check"]) == 0


@pytest.fixture
def corpus_copy(repo_root: Path, tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(repo_root / "corpus", target)
    return target


def test_a_caption_hint_that_matches_nothing_fails_the_build(corpus_copy: Path) -> None:
    layout = corpus_copy / "layout" / "004_c74bf73a044046bc.toml"
    layout.write_text(layout.read_text(encoding="utf-8").replace("永定公安分局组织警力", "不存在的图片说明"), "utf-8")
    with pytest.raises(BuildError, match="matches 0 raw lines"):
        build(corpus_copy)


def test_a_move_hint_that_matches_nothing_fails_the_build(corpus_copy: Path) -> None:
    layout = corpus_copy / "layout" / "001_e322b7ad07317845.toml"
    layout.write_text(layout.read_text(encoding="utf-8").replace("高高的个子", "矮矮的个子"), "utf-8")
    with pytest.raises(BuildError, match="matches 0 blocks"):
        build(corpus_copy)


def test_a_misplaced_annotation_fails_the_build(corpus_copy: Path) -> None:
    path = corpus_copy / "annotations" / "000-donghe.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["start"] += 1
    first["end"] += 1
    path.write_text("\n".join([json.dumps(first, ensure_ascii=False), *lines[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(BuildError, match="is not at"):
        build(corpus_copy)


def test_a_missing_layout_fails_the_build(corpus_copy: Path) -> None:
    (corpus_copy / "layout" / "002_ae4069609f3e551b.toml").unlink()
    with pytest.raises(BuildError, match="no layout file"):
        build(corpus_copy)


# -- every block is explained by its raw span and the edits ------------------------------------
def test_every_block_rebuilds_from_raw_and_edits(corpus: Corpus) -> None:
    for article in corpus:
        for block in article.blocks:
            assert block.raw_start is not None
            assert block.raw_end is not None
            inside = [e for e in article.edits if block.raw_start <= e.start and e.end <= block.raw_end]
            if block.kind is BlockKind.CAPTION:
                inside = [e for e in inside if e.rule != "exclude"]
            else:
                lifted = [(e.start, e.end) for e in inside if e.rule == "exclude"]
                inside = [
                    e for e in inside if e.rule == "exclude" or not any(s <= e.start and e.end <= t for s, t in lifted)
                ]
            shifted = [
                type(e)(e.rule, e.start - block.raw_start, e.end - block.raw_start, e.old, e.new) for e in inside
            ]
            assert apply_edits(article.source.raw[block.raw_start : block.raw_end], shifted) == block.text


def test_edits_quote_the_raw_text(corpus: Corpus) -> None:
    for article in corpus:
        for edit in article.edits:
            assert article.source.raw[edit.start : edit.end] == edit.old


# -- a careful reading, pinned ---------------------------------------------------------------
def headings(corpus: Corpus, article_id: str) -> list[str | None]:
    return [s.heading for s in corpus[article_id].sections]


def test_000_donghe(corpus: Corpus) -> None:
    article = corpus["000-donghe"]
    assert article.title == "不辱使命勇担当 只争朝夕战疫情"
    assert article.subtitle == "包头市东河区司法局疫情防控工作纪实"
    assert article.authors == ("肖玥",)
    # section 1 comes after the title and the lead, as a reader expects
    assert headings(corpus, "000-donghe") == [
        None,
        "抗疫不缺位 党员身份亮出来",
        "宣传不停步 职能职责扛起来",
        "防控不松懈 前沿阵地守下来",
    ]
    assert article.sections[0].paragraphs[0].text.startswith("疫情发生后，包头市东河区司法局充分发挥")
    # the sentence split by a page break is one paragraph
    assert (
        "重点对《中华人民共和国传染病防治法》《中华人民共和国突发事件应对法》《突发公共卫生事件应急条例》"
        "和疫情防控的相关法律法规进行重点宣传，" in article.text
    )
    assert "受众达1.3万人，“东河普法”关注人数对比春节期间增长31.8%。" in article.text
    assert "6:30 起床，和爱人一起做早餐、收拾家，为孩子安排老师布置的家庭作业。" in article.text
    assert "有了思路 and 方向。" in article.text  # the author's wording stays
    assert article.text.endswith("也是他们用实际行动践初心、表决心、亮真心的最好诠释。")
    assert "#" not in article.text
    assert "肖玥" not in article.text


def test_001_qingshan(corpus: Corpus) -> None:
    article = corpus["001-qingshan"]
    assert article.title == "攻坚克难守初心 坚守“疫”线筑壁垒"
    assert article.subtitle == "———包头市青山区司法局抗击疫情工作纪实"
    assert article.authors == ("肖玥",)
    assert headings(corpus, "001-qingshan") == [
        None,
        "创新工作法 亮剑阻击战",
        "巾帼展风采 柔肩担重任",
        "老兵铸军魂 “疫”线显担当",
    ]
    lead = article.sections[0].paragraphs[0].text
    assert lead == (
        "从雨雪交融的冬末，走入万物待发的初春。随着3月24日20时包头市青山区司法局最后一班执勤人员的顺利撤回，"
        "该局坚守疫情一线防控工作圆满画上了句号。"
    )
    # the 巾帼 body, printed after the byline in the raw text, is back under its heading
    jinguo = article.sections[2]
    assert jinguo.paragraphs[0].text.startswith(
        "高高的个子，消瘦的身材，齐肩的短发，这是我们与吕昂初次见面时她的样子。"
    )
    assert jinguo.paragraphs[-1].text.endswith("成为青山区防疫路上一道亮丽的风景线。")
    assert "却遭到了父亲的拒绝：“疫情还没有结束，你还不能离开岗位，如果还能坚持，就别请假。”" in article.text
    assert "“若有战，召必至，战必胜！”“我是一名‘老兵’，应急处突有经验，疫情当前我责无旁贷！”" in article.text
    assert "牢固树立“疫情就是命令，防控就是责任”的宗旨，运用“1234”工作法全力出击，共战疫情。" in article.text
    assert "进行指定医院观察" in article.text
    assert "当好这个排头兵。”\n57岁的吕文秀有着36年的党龄和23年的军龄，" in article.text
    assert not set(article.text) & set("袁遥尧野冶曰噎浴渊冤耶爷")


def test_002_nei_mongol(corpus: Corpus) -> None:
    article = corpus["002-nei-mongol"]
    assert article.title == "全区司法行政系统抗疫实录（二）"
    assert article.subtitle is None
    assert article.authors == ()
    assert article.source.provider == "内蒙古司法厅"
    assert article.source.editor == "姚亚兵"
    assert article.source.breadcrumb == "首页 > > 正文"
    assert headings(corpus, "002-nei-mongol") == [
        None,
        "乌海——用行动践行誓言",
        "鄂尔多斯——共同守护一座城",
        "锡林郭勒——与严寒对抗·向疫情宣战",
        "乌兰察布——党旗飘扬在一线",
        "监狱系统——阻击病毒听指挥·奋战疫情勇担当",
        "戒毒系统——守土尽责·义无反顾",
        "律师行业——“零距离”的温暖",
    ]
    assert "供稿" not in article.text
    assert "责任编辑" not in article.text
    assert "首页" not in article.text
    assert "连日来的高强度工作让她的的心肌缺血症状愈发明显。" in article.text  # the author's typo stays


def test_003_three_articles(corpus: Corpus) -> None:
    first, second, third = (corpus[i] for i in ("003-1-wang-yong", "003-2-wang-ailin", "003-3-li-junjie"))
    assert all(a.source.name == "003_e9c37a2e9fe1fcde.txt" for a in (first, second, third))
    assert (first.title, first.subtitle, first.authors) == (
        "勇担使命战疫线 冲锋在前显担当",
        "——记呼和浩特市政法委基层社会治理科科长王勇",
        (),
    )
    assert (second.title, second.subtitle, second.authors) == (
        "法官变“门卫” 忠诚守“疫”线",
        "——通辽市科尔沁区人民法院法官王爱林防疫工作小记",
        ("王丹",),
    )
    assert (third.title, third.subtitle, third.authors) == (
        "“小医生”发挥大作用",
        "——伊金霍洛监狱医院民警李俊杰“抗疫”小记",
        ("马银伟",),
    )
    assert "“王法官，你放心，我绝对不出小区，我就是睡不着，心里有点烦躁，就想和你们说会话……”凌晨时分" in second.text
    assert second.text.endswith("没有越不过的山，心手相牵，没有过不去的坎。”")
    assert "于是他一边为该同事口服感冒药和抗病毒药物，" in third.text
    assert "同事的体温为37.5℃，该同事1月26日去过陕西省神木县大柳塔镇的大型超市。" in third.text
    assert [len(a.sections) for a in (first, second, third)] == [1, 1, 1]


def test_004_zhangjiajie(corpus: Corpus) -> None:
    article = corpus["004-zhangjiajie"]
    assert article.title == "为人民站岗 为生命护航"
    assert article.subtitle == "——张家界战“疫”的政法担当"
    assert article.authors == ("蒋文娟",)
    assert article.source.publication == "法制周报·新湖南"
    assert headings(corpus, "004-zhangjiajie") == [
        None,
        "法院：308人奔赴战“疫”一线",
        "检察：让党徽、检徽在每个岗位闪耀",
        "公安：疫情不退，警察不退",
        "司法行政：筑起疫情防控“红色阵线”",
    ]
    assert [c.text for c in article.captions] == [
        "8月4日，慈利法院值守干警在辖区德政园小区核查居民“两码”。",
        "8月4日，永定区人民检察院干警紧急支援官黎坪街道双峡村的第3轮核酸检测工作。",
        "永定公安分局组织警力全方位保障核酸检测有序进行。",
        "武陵源区司法局干警为过往人员进行健康登记、查验“健康码”“行程码”，严把卡点出入关。",
    ]
    justice = article.sections[-1]
    assert len(justice.captions) == 3
    # the paragraph the captions split is one paragraph again, and no caption is inside a paragraph
    assert "积极参与到隔离点和居住小区或社区的疫情防控执勤值守等工作。" in justice.paragraphs[1].text
    for paragraph in article.paragraphs:
        for caption in article.captions:
            assert not (paragraph.start <= caption.start < paragraph.end)
    assert "在这场战“疫”中，全市法院干警把疫情防控作为践行初心使命" in article.text
    assert "记者" not in article.text


def test_metadata(corpus: Corpus) -> None:
    assert corpus.ids == (
        "000-donghe",
        "001-qingshan",
        "002-nei-mongol",
        "003-1-wang-yong",
        "003-2-wang-ailin",
        "003-3-li-junjie",
        "004-zhangjiajie",
    )
    assert {a.year for a in corpus} == {2020, 2021}
    assert corpus["004-zhangjiajie"].region == "湖南省张家界市"
    assert corpus["003-2-wang-ailin"].organs == ("court",)


# -- annotation tooling -------------------------------------------------------------------------
def test_agreement_compares_the_two_readings(repo_root: Path, corpus: Corpus) -> None:
    from yixian_corpus._build import agreement  # noqa: PLC0415

    rows = agreement(repo_root / "corpus")
    assert [r.article_id for r in rows] == list(corpus.ids)
    for row in rows:
        assert 0 <= row.matched <= min(row.first, row.second)
        assert row.same_value <= row.matched
        assert 0.0 <= row.f1 <= 1.0
        assert row.gold == len(corpus[row.article_id].mentions)


def test_rebase_moves_annotations_after_a_text_change(corpus_copy: Path, corpus: Corpus) -> None:
    from yixian_corpus._build import rebase  # noqa: PLC0415
    from yixian_corpus._serialize import corpus_to_data  # noqa: PLC0415

    # Pretend the old text of 000 had one more character at the front, and the annotations matched it.
    data = corpus_to_data(corpus)
    article = next(a for a in data["articles"] if a["id"] == "000-donghe")
    article["text"] = "※" + article["text"]
    old = corpus_copy / "old.json"
    old.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    gold = corpus_copy / "annotations" / "000-donghe.jsonl"
    original = gold.read_text(encoding="utf-8")
    shifted = []
    for line in original.splitlines():
        item = json.loads(line)
        item["start"] += 1
        item["end"] += 1
        shifted.append(json.dumps(item, ensure_ascii=False))
    gold.write_text("\n".join(shifted) + "\n", encoding="utf-8")
    report = rebase(corpus_copy, old)
    assert any(line.startswith("rebased") and line.endswith("000-donghe.jsonl") for line in report)
    assert gold.read_text(encoding="utf-8") == original
    build(corpus_copy)  # the rebased annotations fit the text again
