"""The automatic extractor: contract, hard cases of the guidelines, and properties on any text."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategies import any_unicode_texts, extract_texts
from yixian_corpus import (
    DateValue,
    Mention,
    MentionKind,
    Quantity,
    TimeValue,
    YixianError,
    extract_mentions,
)

if TYPE_CHECKING:
    from pathlib import Path

VALUE_TYPES: dict[MentionKind, type | tuple[type, ...]] = {
    MentionKind.PERSON: str,
    MentionKind.ORGANIZATION: str,
    MentionKind.LOCATION: str,
    MentionKind.ROLE: str,
    MentionKind.WORK: str,
    MentionKind.DATE: (DateValue, type(None)),
    MentionKind.TIME: TimeValue,
    MentionKind.QUANTITY: Quantity,
    MentionKind.QUOTE: (str, type(None)),
}


def found(text: str, year: int | None = 2020) -> set[tuple[str, str, object]]:
    return {(m.kind.value, m.text, m.value) for m in extract_mentions(text, year=year)}


def texts_of(text: str, kind: str) -> list[str]:
    """The texts of the mentions of one kind, in order."""
    return [m.text for m in extract_mentions(text, year=2020) if m.kind.value == kind]


def check_invariants(text: str, mentions: list[Mention]) -> None:
    assert mentions == sorted(mentions, key=lambda m: (m.start, -m.end, m.kind.value))
    plain = [m for m in mentions if m.kind is not MentionKind.QUOTE]
    for m in mentions:
        assert isinstance(m.kind, MentionKind)
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.article_id is None
        assert isinstance(m.value, VALUE_TYPES[m.kind]), m
    for left, right in itertools.pairwise(plain):
        assert left.end <= right.start, (left, right)


# -- contract ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["", " ", "\n\n", "\t \u3000"])
def test_empty_or_blank_text_gives_no_mentions(text: str) -> None:
    assert extract_mentions(text) == []


def test_non_string_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="needs a str"):
        extract_mentions(b"\xe5\xbc\xa0")  # type: ignore[arg-type]


def test_import_does_not_load_jieba() -> None:
    code = "import sys, yixian_corpus; yixian_corpus.load(); print('jieba' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_offsets_index_the_given_text() -> None:
    text = "前言。\n3月5日，河源市司法局局长钟海涛带领20余名干警赶到现场。"
    mentions = extract_mentions(text, year=2020)
    check_invariants(text, mentions)
    assert [m.kind.value for m in mentions] == ["date", "organization", "role", "person", "quantity"]


# -- the hard cases of the guidelines ----------------------------------------------------------------------------------
def test_name_and_title_are_two_adjacent_mentions() -> None:
    text = "东阳市司法局党组书记、局长邬建林带队检查。"
    assert found(text) >= {
        ("organization", "东阳市司法局", "东阳市司法局"),
        ("role", "党组书记", "党组书记"),
        ("role", "局长", "局长"),
        ("person", "邬建林", "邬建林"),
    }


def test_nicknames_resolve_to_the_full_name() -> None:
    text = "57岁的邵国栋是一名老兵。大家都叫他老邵，老邵却说：“我还能干！”"
    result = found(text)
    assert ("person", "老邵", "邵国栋") in result
    assert ("quote", "我还能干！", "邵国栋") in result


def test_surname_and_title_used_as_a_name() -> None:
    text = "法官钱慧芳每天值守。居民说：“钱法官，你放心。”"
    assert ("person", "钱法官", "钱慧芳") in found(text)


def test_organisation_is_one_maximal_mention_with_no_place_inside() -> None:
    mentions = extract_mentions("他是嘉兴市南湖区人民法院的干警。")
    assert [(m.kind.value, m.text) for m in mentions] == [("organization", "嘉兴市南湖区人民法院")]


def test_village_and_community_are_locations() -> None:
    result = found("志愿者来到峡口镇杨柳村和解放社区。")
    assert ("location", "峡口镇杨柳村", "峡口镇杨柳村") in result
    assert not any(kind == "person" for kind, _, _ in result)


@pytest.mark.parametrize(
    ("text", "number", "unit", "approximate"),
    [
        ("受众达1.3万人。", "13000", "人", False),
        ("近百名干警参加。", "100", "名", True),
        ("发送信息2万余条。", "20000", "条", True),
        ("坚守50多天。", "50", "天", True),
        ("发布信息千余条。", "1000", "条", True),
        ("分成两个小组。", "2", "个", False),
        ("气温零下30摄氏度。", "-30", "摄氏度", False),
        ("增长31.8%。", "31.8", "%", False),
        ("值勤3000多个小时。", "3000", "小时", True),
        ("帮企业挽回损失320余万元。", "3200000", "元", True),  # 万 in the unit multiplies
        ("微信步数常常超过3万步。", "30000", "步", False),
        ("立案后7个工作日内开庭。", "7", "工作日", False),
    ],
)
def test_quantities(text: str, number: str, unit: str, approximate: bool) -> None:  # noqa: FBT001
    quantities = [m.value for m in extract_mentions(text) if m.kind is MentionKind.QUANTITY]
    assert quantities == [Quantity(Decimal(number), unit, approximate)]


def test_indefinite_one_is_not_a_quantity() -> None:
    assert not [m for m in extract_mentions("一名党员，一个人，一辆车。") if m.kind is MentionKind.QUANTITY]


def test_dates_get_the_year_from_the_argument_or_from_the_text() -> None:
    result = found("2月2日晚上10点40分，除夕清晨，7月底。", year=2020)
    assert ("date", "2月2日", DateValue("2020-02-02", year_inferred=True)) in result
    assert ("time", "晚上10点40分", TimeValue("22:40", "晚上")) in result
    assert ("date", "除夕", DateValue("2020-01-24", year_inferred=True)) in result
    assert ("time", "清晨", TimeValue(None, "清晨")) in result
    assert ("date", "7月底", DateValue("2020-07", year_inferred=True)) in result
    assert ("date", "3月1日", DateValue("2021-03-01", year_inferred=True)) in found("2021年2月1日和3月1日", year=None)
    assert ("date", "3月1日", DateValue("--03-01")) in found("3月1日", year=None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("凌晨3时许", TimeValue("03:00", "凌晨", approximate=True)),
        ("6:30", TimeValue("06:30")),
        ("早上7点半", TimeValue("07:30", "早上")),
        ("深夜22时30分", TimeValue("22:30", "深夜")),
        ("春节期间", TimeValue(None, "春节期间")),
    ],
)
def test_times(text: str, value: TimeValue) -> None:
    assert [m.value for m in extract_mentions(text + "，出发。")] == [value]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("8月3日晚8点，民警出发了。", "晚8点", TimeValue("20:00", "晚", approximate=False)),  # one-character part
        ("1月30日晚8时许，交警接到报警。", "晚8时许", TimeValue("20:00", "晚", approximate=True)),
        ("6月1日零时起实行临时管控。", "零时", TimeValue("00:00", None, approximate=False)),  # midnight
        ("执勤安排：8:00—16:00 民警值守。", "8:00", TimeValue("08:00", None, approximate=False)),  # after a label
        ("夜班16:00—24:00 由辅警值守。", "24:00", TimeValue("00:00", None, approximate=False)),
        ("值班表：0点至4点民警值守。", "4点", TimeValue("04:00", None, approximate=False)),  # a range of hours
        ("晚上11点半整理完台账。", "晚上11点半", TimeValue("23:30", "晚上", approximate=False)),  # 整理 is no 整
    ],
)
def test_more_clock_times(text: str, span: str, value: TimeValue) -> None:
    assert ("time", span, value) in found(text)


def test_an_hour_without_a_range_or_a_part_of_day_is_no_time() -> None:
    assert not texts_of("他一点也不累，三点水旁的字。", "time")


def test_greeting_is_not_a_time() -> None:
    assert not [m for m in extract_mentions("“老师晚上好，我到了。”") if m.kind is MentionKind.TIME]


def test_works_in_book_marks_and_named_methods() -> None:
    result = found("印发《关于加强社区矫正的通知》，推广“三查三清”工作法，开设“平安金华”栏目。")
    assert ("work", "关于加强社区矫正的通知", "关于加强社区矫正的通知") in result
    assert ("work", "“三查三清”工作法", "三查三清工作法") in result
    assert ("work", "平安金华", "平安金华") in result


def test_direct_speech_is_a_quote_and_a_slogan_is_not() -> None:
    text = "他们践行“不忘初心，牢记使命”的誓言。检察官鲍志远说：“疫情就是命令，我们必须上！”"
    quotes = [m for m in extract_mentions(text) if m.kind is MentionKind.QUOTE]
    assert [(q.text, q.value) for q in quotes] == [("疫情就是命令，我们必须上！", "鲍志远")]


# -- names without a Han surname, ordinary-word names, and other hard cases --------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("村民额尔敦巴雅尔说，今年雪大。", "额尔敦巴雅尔"),  # a speech verb after a Mongolian name
        ("记者见到了教导员吐尔洪·买买提。", "吐尔洪·买买提"),  # a title before a Uyghur name with its dot
        ("达瓦次仁和同事们连夜赶到山口。", "达瓦次仁"),  # a Tibetan name opening the sentence
    ],
)
def test_names_without_a_han_surname(text: str, name: str) -> None:
    assert ("person", name, name) in found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("调解员胡建国说，矛盾已经化解。", "胡建国"),  # a surname that was missing from the list
        ("赵建设是东城派出所的民警。", "赵建设"),  # surname + common word, with a copula and a title
        ("沈国庆和邓丽萍一起值守。", "沈国庆"),  # coordinated with another full name
        ("教导员常新华带队出发。", "常新华"),  # an ambiguous surname after a title
        ("居民们都认识居民吕大爷。", "吕大爷"),  # surname + nickname title after 居民
    ],
)
def test_han_names_made_of_common_words(text: str, name: str) -> None:
    assert ("person", name, name) in found(text)


def test_a_surname_character_and_a_non_name_character_are_no_person() -> None:
    assert not any(kind == "person" for kind, _, _ in found("居民们出示黄码后被劝返。"))


def test_community_names_made_of_ordinary_words() -> None:
    result = found("民警赶到向阳社区，又去了红星小区。")
    assert ("location", "向阳社区", "向阳社区") in result
    assert ("location", "红星小区", "红星小区") in result
    assert ("location", "漳州市前进村", "漳州市前进村") in found("他在漳州市前进村值守。")


def test_a_verb_before_a_place_head_is_no_name() -> None:
    assert not any(kind == "location" for kind, _, _ in found("志愿者帮助居民整理小区环境，消杀小区楼道。"))


def test_split_place_names_are_joined() -> None:
    station = "长沙东高速公路收费站"
    assert ("location", station, station) in found(f"工作组来到{station}检查。")
    assert ("location", "兰州市滨河路", "兰州市滨河路") in found("民警在兰州市滨河路上设卡。")
    assert ("location", "东李庄村", "东李庄村") in found("大家到、东李庄村会合。")
    assert ("organization", "达州市律师协会", "达州市律师协会") in found("达州市律师协会组织律师参与服务。")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("网格员马晓红逐户登记。", "马晓红"),  # the segmenter glued the name to the title's last character
        ("网格长孟长城挨家挨户送药。", "孟长城"),  # ... and cut the name across two words (长孟|长城)
        ("在广州打工的刘小军回到了家乡。", "刘小军"),  # a rare name in jieba's dictionary, without a cue
        ("扎西顿珠和次仁卓玛一起巡逻。", "次仁卓玛"),  # a transliterated name coordinated with another
        ("网格员乌云其其格已经连续工作了15天。", "乌云其其格"),
        ("干警才让多杰把物资送到了牧民家中。", "才让多杰"),
    ],
)
def test_names_the_segmenter_cuts_or_glues(text: str, name: str) -> None:
    assert ("person", name, name) in found(text)


def test_old_and_young_nicknames_before_a_conjunction_or_an_adverb() -> None:
    result = found("小区门口，老郑和小刘一直守到深夜。")  # 老|郑和|小|刘|一直
    assert {("person", "老郑", "老郑"), ("person", "小刘", "小刘")} <= result


def test_a_common_verb_after_a_cue_is_no_person() -> None:
    assert not any(kind == "person" for kind, _, _ in found("律师每天为居民解答法律问题。"))


@pytest.mark.parametrize(
    ("text", "role"), [("嘎查长乌力吉主动把羊群赶回棚圈。", "嘎查长"), ("楼长王秀英每天为老人送菜。", "楼长")]
)
def test_village_and_building_titles(text: str, role: str) -> None:
    assert ("role", role, role) in found(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("民警带队在天山镇各个路口巡查。", "天山镇"),  # 天|山镇: a town name cut by the segmenter
        ("阿荣旗巴彦托海镇的牧民都已接种。", "阿荣旗巴彦托海镇"),  # 巴彦|托海镇
        ("在渝北区龙溪街道，志愿者搭起了帐篷。", "渝北区龙溪街道"),  # an unknown name between two places
        ("春节期间他一直坚守在宝力根苏木。", "宝力根苏木"),  # a transliterated sumu name, cut in three
        ("律师为东城区和平里街道的居民答疑。", "东城区和平里街道"),  # 和平|里|街道
        ("交警在沪昆高速醴陵收费站查获一辆货车。", "沪昆高速醴陵收费站"),  # the highway belongs to the station
        ("车辆经过杭瑞高速九江西收费站时被拦下。", "杭瑞高速九江西收费站"),
        ("郑州东站出站口设置了测温点。", "郑州东站"),  # a station named after its city
        ("他回到老家河南周口。", "河南周口"),  # a province and a city the dictionary lacks
        ("干部们下沉到幸福社区、建设小区协助防控。", "建设小区"),  # an ordinary word in a list of places
        ("志愿者来到胜利路卡点帮忙。", "胜利路"),  # 胜利|路卡|点: the road head glued to 卡点
        ("民警走访了胜利路沿线的商户。", "胜利路"),  # an ordinary word before 路 and road geography after it
        ("事故发生在建设路和人民路交叉口。", "建设路"),  # a road the dictionary holds as one word
        ("辅警在安吉县递铺街道双流村村口值守。", "安吉县递铺街道双流村"),  # 双流|村村|口: 村 + 村口
        ("民警在318国道检查站查获一辆货车。", "318国道检查站"),  # a numbered road and its checkpoint
        ("他在经济技术开发区上班。", "经济技术开发区"),  # a zone by its official name
        ("志愿者在人民路社区实验小学检测点维持秩序。", "人民路社区实验小学检测点"),  # a point named by its place
        ("卡点设在邕武公路和宾阳县交界处。", "邕武公路"),  # a highway named by its two ends
        ("车队沿着沪昆公路一路向西。", "沪昆公路"),  # 沪|昆|公路: two one-character abbreviations
        # administrative chains read by their units, wherever the segmenter cuts them
        ("民警走到百色市那坡县城厢镇那坪村弄平屯，挨家劝说。", "百色市那坡县城厢镇那坪村弄平屯"),
        ("宜春市袁州区彬江镇付畈村三组的老党员自发值守。", "宜春市袁州区彬江镇付畈村三组"),
        ("在长春市双阳区鹿乡镇三道营村，干部连续排查。", "长春市双阳区鹿乡镇三道营村"),
        ("他赶到银川市兴庆区丽景街道掌政村报到。", "银川市兴庆区丽景街道掌政村"),
        ("他在泾源县香水镇米岗村守了整整50天。", "泾源县香水镇米岗村"),
        ("他赶到塔什米里克乡阿亚克村，与村干部一起核查。", "塔什米里克乡阿亚克村"),  # a transliterated name
        ("律师连夜赶到盐井纳西民族乡。", "盐井纳西民族乡"),
        # ports, stations, airports, highway points and checkpoints named by a place
        ("民警驻守在霍尔果斯口岸。", "霍尔果斯口岸"),
        ("志愿者在拉萨火车站出站口值守。", "拉萨火车站"),
        ("律师在厦门北高铁站出站口提供咨询。", "厦门北高铁站"),
        ("旅客从哈尔滨太平国际机场出站。", "哈尔滨太平国际机场"),
        ("检查点设在京港澳高速衡阳北出口的匝道上。", "京港澳高速衡阳北出口"),
        ("交警在沪昆高速贵阳东互通值守。", "沪昆高速贵阳东互通"),
        ("车辆在G60沪昆高速衢州西收费站排队。", "G60沪昆高速衢州西收费站"),
        ("辅警驻守在5号防控点。", "5号防控点"),  # a numbered point
        ("他们负责城区北出口6号防控点的排查。", "城区北出口6号防控点"),
        ("检察官在阿拉山口口岸3号卡口查验。", "阿拉山口口岸3号卡口"),  # a numbered barrier
        ("志愿者在北碚区天生街道天生路社区核酸采样点维持秩序。", "北碚区天生街道天生路社区核酸采样点"),
        ("林口县林口镇西门外防控点迎来了第一批返乡人员。", "林口县林口镇西门外防控点"),
        ("西宁市城北区第二集中隔离点内，干部负责登记。", "西宁市城北区第二集中隔离点"),
        ("在合肥市高新技术产业开发区创新大道上，一辆货车被拦下。", "合肥市高新技术产业开发区创新大道"),
        ("民警每天在演乐胡同巡查。", "演乐胡同"),
        ("网格员还在锦官新城小区门口登记。", "锦官新城小区"),  # an unknown word before a place word
    ],
)
def test_place_span_boundaries(text: str, place: str) -> None:
    assert ("location", place, place) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "村里新修了一条柏油路。",
        "这条商业街很热闹。",
        "他走出了一条新路。",
        "回家路上他遇到了老同学。",
        "村村口都有人值守。",
    ],
)
def test_kinds_of_road_are_no_places(text: str) -> None:
    assert not any(kind == "location" for kind, _, _ in found(text))


@pytest.mark.parametrize(
    "text",
    [
        "村民们盼着修好公路。",  # a verb before 公路
        "乡村公路两旁种满了树。",  # a kind of road
        "干部职工参与到隔离点和居住小区的值守中。",  # 居住小区: a kind of place, one dictionary word
        "“走，咱们找个没人的地方，别出小区了。”",  # 别出小区: "don't leave the estate"
        "他从没去过镇上的大型超市。",  # a dictionary "place" made of a qualifier and a common noun
        "老人想晒会儿太阳。",  # a common word the dictionary tags as a place
    ],
)
def test_generic_and_mistagged_places_are_no_places(text: str) -> None:
    assert not any(kind == "location" for kind, _, _ in found(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("辅警们守在弄岗镇附近的边境线上。", "弄岗镇"),  # 弄|岗|镇: the segmenter glued the name's start to 在
        ("在海拔4000米的歇马镇卡口，干警轮班值守。", "歇马镇"),
        ("律师深入进学街道各社区宣讲。", "进学街道"),
        ("审判员在远大都市小区门口支起登记台。", "远大都市小区"),
        ("民警仍守在绥芬河公路口岸。", "绥芬河公路口岸"),
        ("公安分局在银川河东国际机场设了卡口。", "银川河东国际机场"),
        ("西双版纳州勐腊县磨憨口岸，法官们仍在值守。", "西双版纳州勐腊县磨憨口岸"),  # a port ends the chain
        ("民警赶到托克扎克镇阿亚格曼干村劝导。", "托克扎克镇阿亚格曼干村"),
        ("干部进驻三亚湾维景酒店隔离点，为隔离人员服务。", "三亚湾维景酒店隔离点"),  # a hotel used as one
        ("交警在漳州北出口查验车辆。", "漳州北出口"),  # a highway exit named after its city
        ("辅警在S21高速富蕴出口查验时发现一辆货车。", "S21高速富蕴出口"),  # a highway by its number alone
        ("检察官一进南门河市场就扯开了嗓子。", "南门河市场"),
        ("他带着辅警守在三江大桥，一天劝返外地车辆。", "三江大桥"),
        ("除夕那天，他主动请缨守在了湖东大堤检查站。", "湖东大堤检查站"),
        ("他又下沉到科右中旗巴彦呼舒镇的红光社区。", "科右中旗巴彦呼舒镇"),  # an unknown word before 中旗
    ],
)
def test_places_after_a_word_that_puts_them_in_a_place_slot(text: str, place: str) -> None:
    assert ("location", place, place) in found(text) or any(
        kind == "location" and t == place for kind, t, _ in found(text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "他从没去过镇上的大型超市。",
        "大家都在打扫小区。",  # a verb, not a name
        "志愿者来到老旧小区。",  # a qualifier
        "他们在这个小区住了十年。",  # a determiner
        "老人托人捎来一面锦旗。",  # 锦旗 is a banner
        "罪犯已在封闭执勤区坚守56天。",  # a kind of area
        "他在镇上的建材市场买了菜。",  # a kind of market
        "民警阿卜杜热合曼和村医阿依古丽每天入户。",  # 村医 is a title, not a village
    ],
)
def test_no_place_from_a_cue_and_a_common_word(text: str) -> None:
    assert not texts_of(text, "location")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("王警官赶到红旗村卡口值守。", "红旗村"),  # the barrier of a place is no name of its own
        ("龙里服务区两处防控点每天有人值守。", "龙里服务区"),  # a count stops a checkpoint name
        ("志愿者在幸福村村民家中登记。", "幸福村"),  # 村民 is a word, not a unit
    ],
)
def test_units_and_points_stop_where_the_name_stops(text: str, place: str) -> None:
    assert texts_of(text, "location") == [place]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("宁洱哈尼族彝族自治县公安局介绍了情况。", "宁洱哈尼族彝族自治县公安局"),  # the peoples of an autonomous unit
        ("博州边境管理支队民警逐车查验。", "博州边境管理支队"),  # a unit named by what it does
        ("芙蓉区市场监督管理局联合设立了检测点。", "芙蓉区市场监督管理局"),
        ("所长在麻垌司法所接待群众。", "麻垌司法所"),  # a surname-initial unknown word names the office
        ("景区入口由林溪派出所民警值守。", "林溪派出所"),  # 由林溪: a preposition glued to the name
        ("平果市新安镇人民政府发布通告。", "平果市新安镇人民政府"),  # 平果|市: the name of the unit after it
        ("科右前旗人民法院法官和同事守岁。", "科右前旗人民法院"),
    ],
)
def test_organisation_names_the_segmenter_cuts(text: str, name: str) -> None:
    assert ("organization", name, name) in found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("民警旦增和同事连续执勤11个小时。", "旦增"),  # two syllables, an unknown word after a title
        ("零时起，民警旦增和辅警周海涛在卡点值守。", "旦增"),  # 旦|增和辅|警周: cut by the segmenter
        ("民警旦增在卡点值守。", "旦增"),  # 旦|增在
        ("支队民警努尔兰·哈山逐车查验。", "努尔兰·哈山"),
        ("乡民警阿不都热合曼·吐尔逊成了“播音员”。", "阿不都热合曼·吐尔逊"),  # 阿不都: Abdu-
        ("公安局政委阿不力米提说。", "阿不力米提"),
        ("民警扎西泽仁仍每天进沟巡查。", "扎西泽仁"),
        ("社区的网格员梁秋红笑着说。", "梁秋红"),  # glued to the verb after it
        ("律师黄嘉豪放弃休假。", "黄嘉豪"),  # 豪|放弃 is no reason to cut the name
        ("村里的人民调解员农美珍把调解室搬到了村口。", "农美珍"),  # a Zhuang surname
    ],
)
def test_names_of_many_peoples_after_a_title(text: str, name: str) -> None:
    assert ("person", name, name) in found(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("乡党委书记吉克阿木带领村干部逐户排查。", ["吉克阿木"]),  # a Yi family name of two characters
        ("县司法局干部叶尔江·努尔兰用哈萨克语宣讲。", ["叶尔江·努尔兰"]),  # a dotted name opening with a surname
        ("巴特尔、乌云其其格、张建军被评为先进个人。", ["巴特尔", "乌云其其格", "张建军"]),  # listed with a name
        ("“都记住了。”小覃笑着说。", ["小覃"]),  # 小|覃笑|着
        ("村党支部书记龙建英笑着说。", ["龙建英"]),  # 龙建|英笑|着
        ("检察官于洪波在卡点吃了一碗泡面。", ["于洪波"]),  # 于 is a surname and a preposition
        ("民警纳建军在卡口劝返了三辆车。", ["纳建军"]),
        ("民警孙立新、辅警周海涛值守到凌晨。", ["孙立新", "周海涛"]),  # 辅警周|海涛: a title glued to a surname
    ],
)
def test_more_names_of_many_peoples(text: str, names: list[str]) -> None:
    assert [t for kind, t, _ in sorted(found(text), key=lambda x: text.find(x[1])) if kind == "person"] == names


@pytest.mark.parametrize(
    "text",
    [
        "本报讯（记者 王丽娟）3月2日，县法院开展普法宣传。",  # a byline is metadata
        "图为民警在卡口查验（通讯员 刘春燕 摄）。",
        "我们第一时间向武汉捐款。",  # 向 is a preposition here
        "马背上的法官走进了牧区。",  # 马背上 is no name
    ],
)
def test_no_person_in_bylines_or_common_words(text: str) -> None:
    assert not texts_of(text, "person")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("商水县司法局的暴庆林还在帮着卸货。", ["暴庆林"]),  # a member of an organisation, a rare surname
        ("塔城市司法局的古丽米拉每天要打60多个电话。", ["古丽米拉"]),
        ("民警邓建华值守到深夜。“建华，你腿不好，换我上！”", ["邓建华", "建华"]),  # a given name called
        ("“小马，你放心。”", ["小马"]),
        ("表扬名单：罗布次仁（公安局）、德吉央宗（法院）、尼玛顿珠（司法局）。", ["罗布次仁", "德吉央宗", "尼玛顿珠"]),
        ("党委书记冼伟明说：“疫情就是命令。”", ["冼伟明"]),  # 冼伟|明说
        ("民警韦小勇吃住在村里。", ["韦小勇"]),  # 韦小|勇吃
        ("书记员汤晓一起走访了小区。", ["汤晓"]),  # 一起 is no part of the name
        ("乡党委书记沙马拉毅带领村干部排查。", ["沙马拉毅"]),  # the longer name wins
    ],
)
def test_names_after_an_organisation_in_speech_and_in_lists(text: str, names: list[str]) -> None:
    assert [t for kind, t, _ in sorted(found(text), key=lambda x: text.find(x[1])) if kind == "person"] == names


@pytest.mark.parametrize("text", ["爱人和婆婆看到她脸色憔悴。", "有的干警和爱人同上阵。"])
def test_a_conjunction_is_no_surname(text: str) -> None:
    assert not texts_of(text, "person")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("县司法局龙潭司法所所长李正华和调解员一起上门。", "县司法局龙潭司法所"),  # a unit named after its parent
        ("潍坊市公安局交警支队高速二大队辅警在服务区值守。", "潍坊市公安局交警支队高速二大队"),
        ("晋中强制隔离戒毒所三大队大队长已连续值守。", "晋中强制隔离戒毒所三大队"),
        ("普洱市人民法院驻孟连法官工作站的干警已驻守了一个月。", "普洱市人民法院驻孟连法官工作站"),
        ("宁波市公安局北仑分局指挥中心的接警量翻了一倍。", "宁波市公安局北仑分局指挥中心"),
    ],
)
def test_units_named_after_their_parent_are_one_organisation(text: str, name: str) -> None:
    assert ("organization", name, name) in found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("江西树人律师事务所律师为居民答疑。", "江西树人律师事务所"),  # a firm's name is any word (树|人)
        ("是湖南楚韵律师事务所的律师。", "湖南楚韵律师事务所"),  # 楚|韵律|师: the name cut by the segmenter
        ("前郭县公安局乌兰派出所民警在卡点值班。", "前郭县公安局乌兰派出所"),  # 前|郭|县公安局
        ("德州市陵城区人民法院发布了普法短视频。", "德州市陵城区人民法院"),  # a district's name after its city
        ("和田县人民法院奥依托格拉克人民法庭庭长进村调解。", "和田县人民法院奥依托格拉克人民法庭"),
        ("南山街道公共法律服务工作站律师接受咨询。", "南山街道公共法律服务工作站"),  # a unit named by its work
    ],
)
def test_organisation_names_cut_in_odd_places(text: str, name: str) -> None:
    assert ("organization", name, name) in found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("贺州市八步区公安分局信都派出所民警在卡点值守。", "贺州市八步区公安分局信都派出所"),  # 都 in a name
        ("呼兰区人民检察院第一检察部副主任介绍了情况。", "呼兰区人民检察院第一检察部"),
        ("竹山县人民法院执行局干警连夜出发。", "竹山县人民法院执行局"),
        ("瑞丽市公安局巡特警大队特警在这里值守。", "瑞丽市公安局巡特警大队"),
        ("田阳区那坡镇司法所所长一边发口罩一边宣讲。", "田阳区那坡镇司法所"),  # 那 opens a town's name
        ("法官与丈夫、县公安局民警都奔赴一线。", "县公安局"),  # 县公安局: one dictionary word
    ],
)
def test_more_units_and_short_forms_of_organisations(text: str, name: str) -> None:
    assert ("organization", name, name) in found(text)


def test_a_verb_glued_to_a_unit_suffix_is_no_unit() -> None:
    orgs = texts_of("冀东监狱地处唐山市曹妃甸区。", "organization")
    assert orgs == ["冀东监狱"]


def test_a_verb_between_an_organisation_and_a_unit_ends_it() -> None:
    orgs = texts_of("县公安局组织派出所民警进村宣传。", "organization")
    assert "县公安局组织派出所" not in orgs


def test_short_forms_of_names_of_other_peoples_resolve_to_the_full_name() -> None:
    text = (
        "司法所所长努尔兰·哈力木别克带队走访。“多跑一趟路，就少一分风险。”努尔兰说。"
        "法官次仁多吉在卡点值守，次仁法官说不累。"
    )
    values = {(t, v) for kind, t, v in found(text) if kind == "person"}
    assert ("努尔兰", "努尔兰·哈力木别克") in values
    assert ("次仁", "次仁多吉") in values


def test_a_step_in_a_method_name_is_no_quantity() -> None:
    assert not texts_of("医生讲解了七步洗手法。", "quantity")


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("王建军是锡林浩特市公安局的一名辅警，春节一直坚守。", ["辅警"]),  # a copula, an organisation, the title
        ("卓玛说，她是拉萨市城关区人民法院的法官助理。", ["法官助理"]),  # a pronoun for a named person
        ("作为一名共产党员、一名监狱警察、一名医生，他从未退缩。", ["共产党员", "监狱警察", "医生"]),
    ],
)
def test_titles_predicated_across_an_organisation_or_a_list(text: str, roles: list[str]) -> None:
    assert [t for kind, t, _ in sorted(found(text), key=lambda x: text.find(x[1])) if kind == "role"] == roles


def test_a_copula_without_a_person_predicates_no_title() -> None:
    assert not texts_of("这里是锡林浩特市公安局的办公楼。", "role")


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("昌都市卡若区律师协会会长在卡点值守。", "昌都市卡若区律师协会", "organization"),
        ("乌恰镇卫生院院长连夜排查。", "乌恰镇卫生院", "organization"),
        ("东山街道幸福社区居民委员会主任介绍了情况。", "东山街道幸福社区居民委员会", "organization"),
        ("主任介绍，金华园社区共有居民4200人。", "金华园社区", "location"),  # a place opening a clause
        ("他在迎水桥镇沙坡头村守了一个月。", "迎水桥镇沙坡头村", "location"),  # 沙坡|头村: 坡 inside the name
        ("检察官深入禾尼乡然日卡村送口罩。", "禾尼乡然日卡村", "location"),  # 禾尼乡然|日卡村
        ("检察官在都江镇怎雷村设立巡回审判点。", "都江镇怎雷村", "location"),  # 都 opens a place name
    ],
)
def test_round_seven_names(text: str, name: str, kind: str) -> None:
    assert (kind, name, name) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "他驻村第一书记当了三年。",  # 驻村 is a verb, not a village
        "今天小区门口来了一个卖菜的。",  # 今天 is no name
        "工作组重点排查社区矫正人员。",  # a verb phrase before 社区
    ],
)
def test_no_place_from_a_verb_or_a_time_word(text: str) -> None:
    assert not texts_of(text, "location")


@pytest.mark.parametrize(
    ("year", "festival", "iso"),
    [
        (2027, "除夕", "2027-02-05"),
        (2027, "元宵节", "2027-02-20"),
        (2013, "大年初一", "2013-02-10"),
        (1980, "春节", "1980-02-16"),
        (2003, "正月初五", "2003-02-05"),
        (2008, "端午节", "2008-06-08"),
        (2008, "中秋节", "2008-09-14"),
        (2029, "端午节", "2029-06-16"),
        (2050, "中秋节", "2050-09-30"),
        (2050, "除夕", "2050-01-22"),
    ],
)
def test_festival_dates_cover_1980_to_2050(year: int, festival: str, iso: str) -> None:
    assert ("date", festival, DateValue(iso, year_inferred=True)) in found(f"{festival}那天他在值守。", year=year)


@pytest.mark.parametrize("year", [1979, 2051])
def test_a_lunar_festival_outside_the_table_gets_no_value_but_a_fixed_one_does(year: int) -> None:
    mentions = found("春节和元旦他都在值守。", year=year)
    assert ("date", "春节", None) in mentions
    assert ("date", "元旦", DateValue(f"{year}-01-01", year_inferred=True)) in mentions


def test_old_surname_nickname_that_is_also_a_word() -> None:
    text = "民警马宏福是村民口中的老马。"
    assert ("person", "老马", "马宏福") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "泸水市六库镇、鲁掌镇的边境一线有人驻守。",  # 鲁掌镇 is a town, not a person 鲁掌
        "在长春市九台区其塔木镇，干部连续排查。",  # 九台 is no quantity
        "上海市静安区石门二路街道的居民配合排查。",  # 二路 is a road's number
    ],
)
def test_places_are_not_persons_or_quantities(text: str) -> None:
    kinds = {kind for kind, _, _ in found(text)}
    assert "person" not in kinds
    assert "quantity" not in kinds


def test_values_are_the_fullest_names_the_text_writes() -> None:
    text = (
        "钦州市钦南区司法局组织干部下沉到钦南区各社区。钦南区司法局党组要求，干部每天到北海市司法局报到前，"
        "先去北海的卡口值守。"
    )
    values = {(kind, t): v for kind, t, v in found(text)}
    assert values["location", "钦南区"] == "钦州市钦南区"  # a district written in full inside an organisation
    assert values["organization", "钦南区司法局党组"] == "钦州市钦南区司法局党组"  # its parent written in full
    assert values["location", "北海"] == "北海市"  # a short form and its unit


def test_a_place_written_in_an_organisation_name_is_a_place_without_its_suffix() -> None:
    text = "宾阳县法院干警与宾阳公安一起守好宾阳进出的通道。"
    assert ("location", "宾阳", "宾阳县") in found(text)


@pytest.mark.parametrize(
    "name",
    [
        "青秀区新型冠状病毒感染肺炎防控工作指挥部",
        "南宁市新冠肺炎疫情防控指挥部办公室",
        "县应对新型冠状病毒感染肺炎疫情工作领导小组",
        "钦州市防控疫情指挥部医疗救治组",  # a group of a named body is its department
    ],
)
def test_epidemic_command_bodies_are_one_organisation(name: str) -> None:
    assert ("organization", name, name) in found(f"他受到{name}表彰。")


def test_a_task_group_of_no_named_body_is_no_organisation() -> None:
    assert not found("单位成立了疫情防控领导小组，指挥部要求严防死守。")
    assert ("organization", "区委疫情防控指挥部", "区委疫情防控指挥部") in found("区委疫情防控指挥部要求严防死守。")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("幸福村设立检查站后，车辆减少了。", "幸福村"),
        ("海淀区3个检测点已开放。", "海淀区"),
        ("朝阳区各检测点已开放。", "朝阳区"),
    ],
)
def test_a_verb_or_a_count_is_no_checkpoint_name(text: str, place: str) -> None:
    assert texts_of(text, "location") == [place]


def test_given_name_before_a_title_without_a_full_name() -> None:
    result = found("志强主任每天都要打电话。")
    assert {("person", "志强", "志强"), ("role", "主任", "主任")} <= result


@pytest.mark.parametrize(
    "name",
    ["成都市武侯区人民医院", "郑州市第六人民医院", "首都医科大学附属北京地坛医院"],  # 人民|医院, 第六, 附属
)
def test_hospital_names(name: str) -> None:
    assert ("organization", name, name) in found(f"患者被送到{name}治疗。")


def test_quoted_sayings_and_thoughts() -> None:
    saying = "人无信不立，业无信不兴，这个道理我们每个人都要记住"
    assert ("quote", saying, None) in found(f"“{saying}”这句话常被他提起。")
    # an opening mark never closed, with a ‘…’ saying inside: two quotes, the narration after them is not quoted
    result = found("“这件事必须办好。‘群众的事无小事，一件一件抓落实。’这是他经常挂在嘴边的话")
    assert {(k, t) for k, t, _ in result if k == "quote"} == {
        ("quote", "这件事必须办好。"),
        ("quote", "群众的事无小事，一件一件抓落实。"),
    }
    # a long quoted label before 的 stays a slogan
    assert not found("他们提出“坚持就是胜利，团结就是力量，大家再加一把劲就一定能过关”的口号。")


# -- properties --------------------------------------------------------------------------------------------------------
@given(any_unicode_texts())
def test_any_unicode_gives_valid_mentions_or_a_library_error(text: str) -> None:
    try:
        mentions = extract_mentions(text, year=2020)
    except YixianError:  # pragma: no cover - allowed by the contract, never seen
        return
    check_invariants(text, mentions)


@given(extract_texts())
def test_genre_like_text_gives_valid_mentions(text: str) -> None:
    check_invariants(text, extract_mentions(text))


@given(extract_texts())
def test_extraction_is_deterministic(text: str) -> None:
    assert extract_mentions(text, year=2021) == extract_mentions(text, year=2021)


def _reference_lcut(text: str) -> list[str]:
    import jieba  # noqa: PLC0415 - the reference segmentation

    return list(jieba.lcut(text, HMM=True))


def test_the_faster_segmenter_segments_exactly_like_jieba(repo_root: Path) -> None:
    from yixian_corpus import load  # noqa: PLC0415
    from yixian_corpus._segment import _Jieba  # noqa: PLC0415 - the extractor's private tokenizer

    texts = [article.text for article in load()]
    texts += [
        json.loads(line)["text"]
        for path in sorted((repo_root / "tests" / "data").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    texts += ["志愿者在人民路社区实验小学检测点维持秩序，昆仑路上车辆很多。", "abc 123 ＡＢＣ——“好”", "a"]
    texts += [" 前后 空格\t", "\n\n第二段\r\n", "Ｇ６０沪昆高速３号卡口", "ab·cd 买买提·吐尔逊", ""]
    fast = _Jieba.get().lcut
    for text in texts:
        assert fast(text) == _reference_lcut(text)


@given(st.one_of(any_unicode_texts(), extract_texts()))
def test_the_faster_segmenter_agrees_with_jieba_on_any_text(text: str) -> None:
    from yixian_corpus._segment import _Jieba  # noqa: PLC0415 - the extractor's private tokenizer

    assert _Jieba.get().lcut(text) == _reference_lcut(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("司法所所长甘露明到村里走访。", "甘露明"),  # the segmenter cuts 甘|露明, 明|到
        ("民警钱立平和同事一起值守。", "钱立平"),  # 钱立|平和: the name ends before 和
        ("民警孙浩收到通知后赶到现场。", "孙浩"),  # 收 starts the verb 收到
        ("民警王刚守在路口。", "王刚"),  # 守 is a verb of its own
        ("网格员小朱和志愿者上门测温。", "小朱"),  # glued to the title: 员小朱
        ("辅警吉克阿支在卡点登记过往车辆。", "吉克阿支"),  # a Yi family name
        ("法官索南达杰每天骑马巡回办案。", "索南达杰"),  # 才/让-like syllables that are also words
        ("民警巴图孟和驾车赶到。", "巴图孟和"),  # 孟和 is one syllable of the name, not 和
        ("书记员拉毛措连续加班。", "拉毛措"),  # unknown to the dictionary, before an adjective
        ("民警艾力·司马义和妻子一起值守。", "艾力·司马义"),  # dotted, a surname character after the dot
        ("检察官宓晓红正在核对案卷。", "宓晓红"),  # a rare surname
        ("执行法官尚志强正在核对名单。", "尚志强"),  # a surname that is also a word (尚未), after a title
    ],
)
def test_a_name_right_after_a_title_ends_where_a_name_can_end(text: str, name: str) -> None:
    persons = texts_of(text, "person")
    assert persons == [name]
    assert any(kind == "role" for kind, _, _ in found(text))


@pytest.mark.parametrize(
    "text",
    [
        "民警深入各村宣传。",  # a verb after the title
        "民警和群众一起值守。",  # 和 + a common noun
        "人民警察坚守岗位。",  # the title inside a longer word
        "调解委员会总结出经验。",  # 委员 inside 委员会
        "志愿者上门测温。",  # ordinary words, no name characters
        "干警们主动请缨。",  # a plural title
    ],
)
def test_no_name_after_a_title_without_one(text: str) -> None:
    assert not texts_of(text, "person")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("民警崔志浩和朴美玲沿着江边巡逻。", ["崔志浩", "朴美玲"]),  # the segmenter joins 浩和朴
        ("民警索南达杰、更登尼玛、拉毛卓玛三人守在检查站。", ["索南达杰", "更登尼玛", "拉毛卓玛"]),
        ("网格员乌云其木格和片警常浩一起上门测温。", ["乌云其木格", "常浩"]),
        ("网格员鄂明月就骑着电动车出门了。", ["鄂明月"]),  # a word (明月) as a given name after a title
    ],
)
def test_names_listed_after_a_titled_name(text: str, names: list[str]) -> None:
    mentions = extract_mentions(text)
    assert [m.text for m in mentions if m.kind is MentionKind.PERSON] == names


def test_no_name_listed_from_a_common_word() -> None:
    text = "民警王振华和同事、驻村工作队员、哈萨克族群众一起值守。"
    assert [m.text for m in extract_mentions(text) if m.kind is MentionKind.PERSON] == ["王振华"]


@pytest.mark.parametrize(
    ("text", "nickname", "value"),
    [
        ("村里人都喊她“秀英姐”。民警杨秀英笑了。", "秀英姐", "杨秀英"),  # a given name and a kin word
        ("“红梅姐，药送到了吗？”民警刘红梅应了一声。", "红梅姐", "刘红梅"),  # called at the start of speech
        ("群众都叫她“沙妹”。辅警沙阿呷说。", "沙妹", "沙阿呷"),  # the first syllable of a name
        ("派出所的“石哥”石银坤带着队员巡逻。", "石哥", "石银坤"),
        ("出院那天，许女士特意给派出所送来锦旗。", "许女士", "许女士"),  # an honorific
        ("违法行为人普某某被依法训诫。", "普某某", "普某某"),  # an anonymised name
    ],
)
def test_kin_word_nicknames_honorifics_and_anonymised_names(text: str, nickname: str, value: str) -> None:
    assert ("person", nickname, value) in found(text)


@pytest.mark.parametrize(
    "text", ["“警察叔叔，谢谢你！”", "“大姐，快回家吧！”", "某些人不戴口罩。", "战“疫”一线的“哈尼阿哥”。"]
)
def test_no_nickname_from_a_generic_kin_word(text: str) -> None:
    assert not texts_of(text, "person")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("欧阳晓岚是青秀区人民法院的法官。", "欧阳晓岚"),  # a compound surname opening a clause (欧阳 is also a place)
        ("皇甫立新，平川区司法局局长。", "皇甫立新"),
        ("竹核司法所的吉克阿依用彝语一遍遍劝说。", "吉克阿依"),  # after an organisation + 的, before 用
        ("赛汉塔拉镇的那仁格日勒主动把越野车借给派出所。", "那仁格日勒"),  # after a place + 的, before 主动
    ],
)
def test_names_opening_a_clause_or_after_a_unit_and_de(text: str, name: str) -> None:
    assert texts_of(text, "person") == [name]


@pytest.mark.parametrize("text", ["他在团结社区的卡口连续值守了36小时。", "白云镇的集市开放了。"])
def test_no_person_after_a_unit_and_de_without_a_name(text: str) -> None:
    assert not texts_of(text, "person")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("法院院长冉从军到金龙社区检查。", "冉从军"),  # 从 in a given name the dictionary reads as a name
        ("驻村第一书记苏和巴特尔一听，蹬上靴子就走。", "苏和巴特尔"),  # 苏和 is one syllable
        ("民警阿卜杜热合曼和村医一起入户。", "阿卜杜热合曼"),
    ],
)
def test_names_with_function_characters_after_a_title(text: str, name: str) -> None:
    assert texts_of(text, "person") == [name]


def test_a_kinship_term_before_a_speech_verb_is_no_person() -> None:
    assert not [t for kind, t, _ in found("法警宓晓东在视频里对母亲说。") if t == "母亲"]


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("建国书记是同心县预旺镇南塬村的村支书。", "location", "同心县预旺镇南塬村"),  # two parts found apart
        ("青海省果洛州玛沁县公安局的民警连夜出发。", "organization", "青海省果洛州玛沁县公安局"),  # place + org
        ("饺子送到了新华路128号一位独居老人家中。", "location", "新华路128号"),  # an address
        ("蒙自市文澜街道驻村第一书记杨光明说。", "location", "蒙自市文澜街道"),  # 驻村 opens the title
        ("物资送进了演丰镇隔离观察点。", "location", "演丰镇隔离观察点"),  # a checkpoint named by its place
        ("他登记了巴彦木仁苏木乌兰布和嘎查的牧民。", "location", "巴彦木仁苏木乌兰布和嘎查"),  # 和 in a gacha's name
    ],
)
def test_places_joined_and_bounded(text: str, kind: str, name: str) -> None:
    assert [t for k, t, _ in found(text) if k == kind] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("小蒋是姑苏分局的辅警。", "小蒋"),  # 小|蒋是: the segmenter glued the surname to the copula
        ("凌晨1点，小李还在整理登记表。", "小李"),
        ("要像白求恩那样毫不利己。", "白求恩"),  # an exemplary figure
    ],
)
def test_short_forms_and_exemplary_figures(text: str, name: str) -> None:
    assert texts_of(text, "person") == [name]


@pytest.mark.parametrize("text", ["3小时在路上。", "老马上就到。", "像家人一样照顾他。"])
def test_no_short_form_from_ordinary_words(text: str) -> None:
    assert not texts_of(text, "person")


@pytest.mark.parametrize(
    ("text", "kind", "span", "value"),
    [
        ("5月1日至5日，他在值班。", "date", "5日", DateValue("2029-05-05", year_inferred=True)),  # a range's end
        ("三八妇女节这天，她在值班。", "date", "三八妇女节", DateValue("2029-03-08", year_inferred=True)),
        ("国庆节期间，他在值班。", "time", "国庆节期间", TimeValue(None, "国庆节期间")),  # a period
        ("他守了一个多小时。", "quantity", "一个多小时", Quantity(Decimal(1), "小时", approximate=True)),
        ("他们检查了162艘渔船。", "quantity", "162艘", Quantity(Decimal(162), "艘", approximate=False)),
    ],
)
def test_more_dates_periods_and_counts(text: str, kind: str, span: str, value: object) -> None:
    assert (kind, span, value) in found(text, year=2029)


def test_every_day_is_no_count() -> None:
    assert not texts_of("他记下了每一天的数据。", "quantity")


def test_a_title_in_apposition_to_a_person() -> None:
    mentions = found("皇甫立新，白银市平川区司法局共和司法所副所长。")
    assert ("role", "副所长", "副所长") in mentions
    assert ("person", "皇甫立新", "皇甫立新") in mentions


def test_the_party_name_opens_an_organisation() -> None:
    assert ("organization", "中共汕头市委政法委", "中共汕头市委政法委") in found("中共汕头市委政法委印发通知。")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“大家别急，物资马上到。”说这话的是司法所所长鲍玉清。", "鲍玉清"),  # 说这话的是 X
        ("“师傅，请出示健康码。”货车司机在卡口对民警龚雪峰说。", None),  # the person named is spoken to
        ("所长艾尔肯·吐尔逊赶到卡口。“分成两组值守。”艾尔肯一边分组一边说。", "艾尔肯·吐尔逊"),  # full name
        ("司法所的马小敏一路小跑。“小敏，体温枪没电了！”", None),  # the person called is not the speaker
        ("“路还远着呢。”五道箐乡党委书记沙马拉毅带领村干部出发了。", "沙马拉毅"),  # 道 in 五道箐 is no verb
    ],
)
def test_quote_speakers(text: str, speaker: str | None) -> None:
    quotes = [m for m in extract_mentions(text) if m.kind is MentionKind.QUOTE]
    assert [q.value for q in quotes][:1] == [speaker]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("检察长厍志刚总会在7点准时到岗。", "厍志刚"),  # 刚 ends the name, not "just"
        ("驻村第一书记慕容志刚，到岗后挨家挨户登记。", "慕容志刚"),
        ("社区党委书记冼伟明说：“疫情就是命令。”", "冼伟明"),  # 明说 is the segmenter's word
        ("律师慕容雪一条条给他解释。", "慕容雪"),  # a one-character given name after a compound surname
        ("检察官端木思雨一天要接十几个电话。", "端木思雨"),
        ("“巴雅尔，把登记本拿来。”", "巴雅尔"),  # called at the start of speech
        ("“孔繁森能在阿里扎根，我也能。”", "孔繁森"),  # a rare dictionary name
    ],
)
def test_more_names_after_titles_and_in_speech(text: str, name: str) -> None:
    assert name in texts_of(text, "person")


@pytest.mark.parametrize("text", ["“阿帕，您今天体温正常。”", "“阿姨，您慢点。”", "“师傅，请出示健康码。”"])
def test_a_kin_word_called_in_speech_is_no_person(text: str) -> None:
    assert not texts_of(text, "person")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("元宵节这天，大庆市让胡路区人民检察院的干警上岗了。", "大庆市让胡路区人民检察院"),  # 让 is no verb here
        ("漳州市龙海区公安局浮宫派出所的民警赶到。", "漳州市龙海区公安局浮宫派出所"),
        ("韩德明是沧州市运河区南陈屯乡司法所的调解员。", "沧州市运河区南陈屯乡司法所"),
    ],
)
def test_an_organisation_whose_lower_unit_a_rule_cut(text: str, name: str) -> None:
    assert texts_of(text, "organization") == [name]


def test_two_places_joined_by_de_stay_two() -> None:
    places = [m.text for m in extract_mentions("他来到乌兰浩特市的和平街道。") if m.kind is MentionKind.LOCATION]
    assert places == ["乌兰浩特市", "和平街道"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("王磊是商州区人民检察院最年轻的检察官，今年刚满25岁。", "检察官"),  # an adjective before the title
        ("禚秀娟既是调解员，又是楼栋长。", "楼栋长"),
    ],
)
def test_predicated_titles(text: str, role: str) -> None:
    assert ("role", role, role) in found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("鄂温克族老人阿荣一起在镇口清点车辆。", "阿荣"),  # a noun for people before a name
        ("今天和扎西次仁一起到色尼区走访。", "扎西次仁"),  # 和 … 一起
        ("赛力克握着民警的手说了很久。", "赛力克"),  # a verb with an aspect marker after a clause-opening name
        ("公安局党委副书记、政委线永生带队夜查。", "线永生"),  # a rare surname that is also a word
    ],
)
def test_names_after_nouns_for_people_and_companions(text: str, name: str) -> None:
    assert name in texts_of(text, "person")


@pytest.mark.parametrize("text", ["一位老人托人捎来锦旗。", "一位老人拉着民警的手。", "妻子和女儿都在等他。"])
def test_no_name_after_a_noun_for_people_without_one(text: str) -> None:
    assert not texts_of(text, "person")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("今天一起到那曲市色尼区那么切乡。", "那曲市色尼区那么切乡"),  # 那 opens the city's name
        ("宣传册走进解放乡火普村。", "解放乡火普村"),  # 解放 is a verb and the township's name
        ("跑遍了锡林郭勒盟东乌珠穆沁旗满都宝力格镇额仁高毕嘎查。", "锡林郭勒盟东乌珠穆沁旗满都宝力格镇额仁高毕嘎查"),
        ("民警沿着图们江巡逻。", "图们江"),  # a place after 沿着
    ],
)
def test_places_that_open_with_a_word_the_rules_cut(text: str, place: str) -> None:
    assert texts_of(text, "location") == [place]


def test_a_generic_village_is_no_place() -> None:
    assert not texts_of("他带队在山村间往返了200多公里。", "location")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("嘎查达敖特根巴雅尔在村口值守。", "敖特根巴雅尔"),  # the title ends in a transliteration character
        ("所长阿说木呷带着2名翻译进村。", "阿说木呷"),  # a Yi name: 阿 + any syllable, 呷 is no verb here
        ("“阿依古丽姐，今天的核酸检测几点开始？”", "阿依古丽姐"),  # a kin nickname, not the bare name
        ("“小慕容，你歇会儿。”", "小慕容"),  # 小 + a compound surname
        ("局长隗志强说，截至4月已办结。", "隗志强"),
        ("检察官杨秀珍、段思远、字学文组成服务队。", "字学文"),  # a Bai and Yi surname in a list
    ],
)
def test_round_eleven_names(text: str, name: str) -> None:
    assert name in texts_of(text, "person")


@pytest.mark.parametrize(
    "text",
    ["民警杨丽娟（左二）在检查站。", "拦下一辆未报备的冷链货车。", "提醒群众戴好口罩。"],
)
def test_no_person_from_a_caption_position_or_a_word_before_a_noun(text: str) -> None:
    assert texts_of(text, "person") in ([], ["杨丽娟"])


@pytest.mark.parametrize(
    ("text", "kind", "span"),
    [
        ("早上6:30起床，7点到东关街道卡点换岗。", "time", "7点"),  # an Arabic hour on its own before 到
        ("早上6:30起床，7点到东关街道卡点换岗。", "location", "东关街道"),  # not 点到东关街道
        ("民警在和阳镇郝桥村入户。", "location", "和阳镇郝桥村"),  # 和 opens the name after 在
        ("司法局联合和兴路街道组织宣传。", "location", "和兴路街道"),
        ("须知贴在了向上街道长安社区。", "location", "向上街道长安社区"),  # a place never opens with its unit
        ("5名女民警驻守派镇卡点。", "location", "派镇"),  # 驻守 is a verb, 派镇 the town
        ("民警守在南湖公园测温点。", "location", "南湖公园测温点"),
        ("【日喀则】吉隆县公安局民警连夜出发。", "location", "日喀则"),  # a dateline
    ],
)
def test_round_eleven_places_and_clocks(text: str, kind: str, span: str) -> None:
    assert span in texts_of(text, kind)


@pytest.mark.parametrize("text", ["会议提出了3点要求。", "王刚和李明到了村里。"])
def test_no_clock_from_a_count_and_no_place_from_a_conjunction(text: str) -> None:
    assert not texts_of(text, "time")
    assert not texts_of(text, "location")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("民警乌日娜守在卡点，牧民们都叫她“乌日娜姐”。", "乌日娜姐"),  # the nickname, not the name inside it
        ("他给独居的莫奶奶送去了降压药。", "莫奶奶"),  # a surname and a kin word
        ("老滕是龙沙区的网格员。", "老滕"),  # 老滕|是: the copula glued to the nickname
    ],
)
def test_round_twelve_names(text: str, name: str) -> None:
    assert name in texts_of(text, "person")


@pytest.mark.parametrize(
    "text",
    ["网格员和民警一起，把汤圆送到了隔离户。", "“德叔，又来给我们送姜茶啦！”", "6:30，天刚蒙蒙亮，干警就出发了。"],
)
def test_no_person_from_food_or_a_reduplicated_word(text: str) -> None:
    assert not [name for name in texts_of(text, "person") if name != "德叔"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("蕉城区司法局发出“全员取消休假，2月7日前全部下沉一线”的通知。", "蕉城区司法局"),  # issued words
        ("所长欧阳晓岚逐一打去电话，叮嘱他们“不出门、不聚集”。", "欧阳晓岚"),  # 叮嘱 + whom + the words
    ],
)
def test_written_words_issued_or_urged_are_quotes(text: str, speaker: str) -> None:
    quotes = [m for m in extract_mentions(text) if m.kind is MentionKind.QUOTE]
    assert [q.value for q in quotes] == [speaker]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("城关派出所民警欧阳敏挨家挨户走访。", "欧阳敏"),  # a compound surname, one character, then a word
        ("所长巴桑多吉常挂在嘴边一句话。", "巴桑多吉"),  # 常|挂: an adverb the segmenter glued to the verb
        ("民警多吉和辅警洛松拉姆每天要巡逻两趟。", "洛松拉姆"),  # 辅|警洛松: the title glued to the name
        ("辅警洛松措姆每天守在卡口。", "洛松措姆"),
        ("“往哪边走？”辅警阿牛木呷问。", "阿牛木呷"),  # a verb of speech that ends the sentence
        ("法官慕容静说，案件已经审结。", "慕容静"),  # 慕容|静说: the verb glued to the name
        ("民警王建军和叶尔兰·别克在口岸执勤。", "叶尔兰·别克"),  # 和 opens no dotted name
        ("所长阿布都热合曼·吐尔逊说。", "阿布都热合曼·吐尔逊"),  # 阿布都: a name's first syllables
    ],
)
def test_round_fourteen_names(text: str, name: str) -> None:
    assert name in texts_of(text, "person")


@pytest.mark.parametrize(
    "text",
    [
        "民警在路口逐一查验车辆。张建新 摄",  # a photo credit is metadata
        "社区干部上门登记。图/李晓",
        "她们被群众称为“调解两姐妹”。",  # a count and kin words: no name
        "“阿爷拉，快进屋暖和暖和。”",  # a kin word and the honorific 拉, called in speech
        "由普法志愿者王芳讲解法律知识。",  # 普法 qualifies the title (王芳 is the person)
    ],
)
def test_round_fourteen_non_names(text: str) -> None:
    assert texts_of(text, "person") in ([], ["王芳"])


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("城关街道司法所所长王明带队走访。", "organization", "城关街道司法所"),  # 城关|街道: a name before a head
        ("人民路派出所民警王明在路口执勤。", "organization", "人民路派出所"),  # a road names the unit
        ("辅警在哈密站蹲守了一夜。", "location", "哈密站"),  # the dictionary tags 哈密 as a person
        ("家住长宁路88弄的老人行动不便。", "location", "长宁路88弄"),  # a lane number is a house number
        ("调解员刚到柳树湾村，就被村民围住了。", "location", "柳树湾村"),  # 刚到: an adverb and a verb
    ],
)
def test_round_fourteen_places(text: str, kind: str, name: str) -> None:
    assert texts_of(text, kind) == [name]


def test_standing_is_no_station() -> None:
    assert texts_of("他在哈密站着等车。", "location") == []


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("司法所的卞小军、隋海燕、亓官明三人组成服务队。", "person", "亓官明"),  # a rare compound surname
        ("渝中区解放碑派出所民警王明在路口执勤。", "organization", "渝中区解放碑派出所"),  # 解放碑: a name
        ("在G214国道多拉山检查站，民警查验车辆。", "location", "G214国道多拉山检查站"),
        ("在京昆高速雅安东出口、G5雅西服务区设立查验点。", "location", "G5雅西服务区"),  # the code opens it
        ("警力驻守绥芬河公路口岸和绥芬河站。", "location", "绥芬河站"),  # a dictionary place and 站
    ],
)
def test_round_fourteen_more(text: str, kind: str, name: str) -> None:
    assert name in texts_of(text, kind)
