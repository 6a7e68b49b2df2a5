"""Automatic mention extraction for unseen Chinese news text of the corpus' genre.

:func:`extract_mentions` finds the nine kinds of mention of the annotation
guidelines (``docs/annotation-guidelines.md``) with rules over a plain
:func:`jieba.lcut` segmentation (no part-of-speech HMM, which is several times
slower): organisation and place suffix grammar, common Chinese *surnames*
(general knowledge, never this corpus' names), title and speech cues, and
patterns for dates, times, quantities, quotations and titles of works.

jieba is imported on the first call only, never by ``import yixian_corpus``.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, NamedTuple

import regex

from ._model import DateValue, Mention, MentionKind, Quantity, TimeValue
from ._segment import _Jieba

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["extract_mentions"]


def _words(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of ``text`` (keeps long word lists readable)."""
    return tuple(text.split())


# -- word lists (general knowledge of Chinese; nothing here is taken from the corpus) ---------------------------------

_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常"
    "温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿焦俞左柳甘祝包宁符舒阮柯纪梅童凌毕裴霍涂苗谷盛曲翁"
    "冉骆蓝靳管柴蒙鲍喻祁蒲滕屈饶解牟艾尤穆卓吉缪简项芦麦褚娄窦戚岑景费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞"
    "姬栾隋巫寇桑郎甄丛仲虞敖巩佘池麻苑迟邝谈匡鞠荆冀郁胥栗燕楚鄢谌奚粟冼蔺闻厉仝郜阚帅屠朴禹漆卿狄晋扈"
    "晁芮阙邸雍辜裘亓邰赫杭况逯茹诸慕亢嵇湛揭檀郦时洪赖季辛游刁宫仇廉畅华车房边花乐封农于向纳盘岩普海兰玄计冶应南云母乜敏木郗俸仉厍暴訾眭关刀沙玉索"
)
"""Common Han surnames."""

_AMBIGUOUS_SURNAMES = frozenset(
    "时万常高明文成安平全宁甘包单关向和于国应信都那由利公战富初相来南原门支计华车房边花乐封纳盘岩普海兰"
    "云母木敏沙玉索暴刀冶"
)
"""Surnames that are also frequent words; they need a cue to start a name."""

_COMPOUND_SURNAMES = frozenset(
    (
        *_words("欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 长孙 宇文 司徒"),
        # Yi family names (general knowledge), written before a two-character given name: 沙马拉毅, 吉克曲布
        *_words("沙马 吉克 阿鲁 曲比 海来 吉木 阿苦 俄底 勒格 巫其 瓦扎 沙玛 阿约 吉伍 俄木"),
    )
)
_PERSON_STARTERS = _SURNAMES | {c[0] for c in _COMPOUND_SURNAMES} | {"老", "小"}
"""First characters of a possible person mention (surnames, compound surnames, 老/小)."""

_NEGATIONS = frozenset("不没别未勿")
_QUALIFIER_TAGS = frozenset(["a", "b", "d", "v", "vn"])
_NAME_FOLLOWERS = frozenset("任是在说和与的等为从到将把被对向也都还就又却便已正带")
_PLACE_END_CHARS = frozenset("区市县省村镇乡路街巷屯寨上下里旁")
_NON_NAME_CHARS = frozenset("码区市县省村镇乡路街巷门口线号牌卡站点灯车场所院局科股处厅部")
"""Characters that do not end a two-character Chinese name (黄码, 高速 … are words, not persons)."""

_TRANSLIT_CHARS = (
    "阿艾爱昂敖奥巴拜班宝贝毕别宾波布才查朝琴楚次措达旦丹德迪蒂丁顿多朵额鄂恩尔法夫弗甫嘎噶盖甘戈格根贡古哈海罕汗"
    "赫呼吉加贾卡喀凯坎柯克肯库拉莱兰朗勒蕾力丽莉里琳玲罗洛玛买麦曼蒙米密敏莫穆木那纳娜乃尼妮努诺帕普其奇琪"
    "钦琼曲热仁日茹萨塞赛桑色森沙莎什斯苏索塔泰坦特提图吐托娃娅瓦旺乌吾西希锡夏香逊雅亚央耶依伊音尤玉扎札珍珠卓宗"
    "楞孜金杰姆增嘉美敦洪让云泽则培欧江合堆边毅吾平降荪白孟绒呷郎卜"
)
"""Characters typical of transliterated Mongolian, Uyghur, Kazakh and Tibetan names (阿尔斯楞, 扎西次仁)."""
_TRANSLIT_UNIT = rf"(?:阿不都|阿不|孟和|[{_TRANSLIT_CHARS}])"
"""One transliterated syllable; 不 and 都 only in 阿不(都) (Abdu-, Abli-), where they are no function words."""
_RE_TRANSLIT_NAME = regex.compile(
    rf"(?<![{_TRANSLIT_CHARS}·]){_TRANSLIT_UNIT}{{2,6}}(?:·(?:{_TRANSLIT_UNIT}|[山汉]){{2,6}})?"
    rf"(?![{_TRANSLIT_CHARS}·])"
)
_DOTTED_NAME_CHARS = "".join(sorted(set(_TRANSLIT_CHARS) | set(_SURNAMES) | set("山汉明平提地")))
_RE_DOTTED_NAME = regex.compile(
    rf"(?<![{_DOTTED_NAME_CHARS}·])(?:阿不都|阿不|[{_DOTTED_NAME_CHARS}]){{2,6}}·"
    rf"(?:阿不都|阿不|[{_DOTTED_NAME_CHARS}]){{2,6}}(?![{_DOTTED_NAME_CHARS}·])"
)
"""A name written with a middle dot (叶尔兰·努尔兰, 买买提明·吐尔地): the dot marks it, whatever its syllables."""
_RE_CLAUSE_START = regex.compile(r"(?:^|[，。；：！？、“”（\n\s])$")
_FUNCTION_CHARS = frozenset(
    "的了是在与和及或并也都还又就这那其该此各每全本我你他她它们之等着过对向从由把被将让给为于很再更最已把啊吗呢吧"
)
_SURNAME_FUNCTION_CHARS = _SURNAMES & _FUNCTION_CHARS

_ROLE_WORDS = _words(
    "党组书记 党委书记 党委副书记 党总支书记 党支部书记 支部书记 驻村第一书记 第一书记 副书记 书记 党组成员 "
    "党委委员 委员 副局长 "
    "局长 副科长 科长 副股长 股长 副所长 所长 副院长 院长 副庭长 庭长 主任律师 副主任 主任 "
    "副检察长 检察长 检察官助理 检察官 法官助理 法官 执业律师 实习律师 律师 民警 辅警 干警 "
    "警官 法警 监狱长 副监狱长 监区长 副监区长 大队长 副大队长 支队长 中队长 教导员 指导员 "
    "队长 副队长 政委 副政委 组长 副组长 联络员 负责人 网格长 网格员 公证员 人民调解员 调解员 "
    "全科医师 医师 医生 护士长 护士 法律顾问 老党员 党员 合伙人 干部 副处长 处长 副厅长 厅长 "
    "副部长 部长 站长 社工 书记员 审判员 副主席 主席 政治部主任 科员 专干 同志 共产党员 党员干部 "
    "警察 人民警察 监狱警察 医务工作者 志愿者 党员志愿者 在职党员 老兵 村支书 村主任 村长 嘎查长 楼长 "
    "妇女主任 村医 值班律师 交警 特警 教导员 所长助理 执行法官 执行员 专职网格员 兼职网格员 主任公证员 "
    "乡村医生 专职人民调解员 老民警 退役军人 会长 副会长 监区长"
)

_POST_ROLES = frozenset(
    w
    for w in _ROLE_WORDS
    if w
    not in {
        "律师",
        "执业律师",
        "实习律师",
        "民警",
        "辅警",
        "干警",
        "警官",
        "法警",
        "党员",
        "老党员",
        "干部",
        "同志",
        "社工",
    }
)
"""Titles that name a post (accepted right after an organization); the rest are professions/group nouns."""

_NICK_TITLES = _words(
    "检察官 法官 律师 警官 局长 所长 庭长 院长 科长 股长 处长 主任 书记 队长 站长 检察长 "
    "监狱长 老师 医生 阿姨 大姐 大哥 师傅 阿婆 大爷 大妈 总 检 哥 姐 叔 婶 妹"
)
_NICK_TITLE_TUPLE = tuple(_NICK_TITLES)
_NICK_TITLE_SET = frozenset(_NICK_TITLES)
_NICK_TITLES_LONGEST_FIRST = tuple(sorted(_NICK_TITLES, key=len, reverse=True))

_SPEECH_VERBS = "说|表示|介绍|告诉|回忆|坦言|感慨|感叹|笑称|称|叮嘱|喊道|问道|说道|强调|指出|常说|提到|讲|问|喊|道"

_ORG_SUFFIXES = _words(
    "中级人民法院 高级人民法院 人民法院 法院 中院 人民检察院 检察院 检察分院 公安局 公安分局 "
    "公安厅 公安处 交警大队 交警支队 交管支队 刑警大队 派出所 看守所 拘留所 司法局 司法厅 "
    "司法所 公证处 律师事务所 律所 律师协会 法律援助中心 公共法律服务中心 调解委员会 仲裁委员会 "
    "居民委员会 村民委员会 委员会 卫生院 "
    "政法委 纪委 监委 组织部 宣传部 统战部 政治部 监狱管理局 戒毒管理局 强制隔离戒毒所 "
    "戒毒康复所 戒毒所 监狱 监区 管理局 大队 支队 中队 党总支 党支部 党委 党组 人民政府 政府 办事处 "
    "指挥部 管委会 居委会 村委会 疾控中心 卫健委 红十字会 人民医院 医院 中心 工作室 突击队 先锋队 "
    "服务队 工作站 协会 公司 集团 办公室 住院部 妇联 总工会 团委 分局 公安 党中央 省委 市委 区委 县委 旗委 盟委 "
    "检察部 厅 局 委 处 科 股 庭"
)

_SINGLE_ORG_SUFFIX_BLOCK = regex.compile(r"长|里|面|势|限|外|内|部|属|的|领导|机关|干警|民警|系统")

_LOC_SUFFIXES = _words(
    "特别行政区 自治区 自治州 自治县 自治旗 民族乡 街道 社区 居民区 小区 苏木 嘎查 收费站 大道 大街 高速东 "
    "高速西 家园 花园 公寓 新村 胡同 公路口岸 铁路口岸 口岸 国际机场 机场 火车站 高铁站 东站 西站 南站 北站 "
    "服务区 景区 "
    "省 市 区 县 旗 盟 州 镇 乡 村 路 街 巷 港"
)

_GENERIC_PLACES = frozenset(
    _words(
        "社区 小区 城区 辖区 市区 全市 全区 全县 全省 全国 全盟 全旗 全镇 全乡 全村 各地 本市 "
        "我市 该市 该区 该县 城市 超市 都市 农村 乡村 城乡 疫区 景区 园区 监区 封控区 管控区 "
        "防范区 隔离区 管理区 分区 牧区 山区 库区 老区 城镇 乡镇 村镇 街道 道路 马路 公路 高速 "
        "本村 该村 邻村 行政村 自然村 县城 市县 省市 省区 地区 街区 片区 商区 住宅区 居民区 "
        "生活区 办公区 病区 服务区 示范区 开发区 新区 厂区 矿区 校区 小区门 回村 进村 出村 村口 "
        "村里 全社区 各社区 各小区 各村 各乡镇 各街道 城关 外省 本省 该省 外市 一路 沿路 一街 "
        "上街 下乡 返乡 家乡 故乡 异乡 城里 市里 区里 县里 镇里 乡里 口岸城市 省市区 区县 旗县 "
        "苏木镇 嘎查村 社区村 街巷 大街小巷 大道理 专区 灾区 战区 自治区 自治州 自治县 特别行政区 "
        "当地 本地 外地 各省 各市 各区 各县 该镇 该乡 全州 我省 我区 我县 我州"
    )
)

_PART_OF_DAY = "凌晨|清晨|早晨|早上|一大早|一早|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|夜里|深夜|半夜|午夜"
_RE_DAY_BEFORE = regex.compile(r"(?:今天|昨天|明天|当天|次日|第二天|每天|这天|那天|当日|翌日)$")
_PM_PARTS = frozenset(["下午", "傍晚", "晚上", "晚间", "夜间", "夜里", "深夜", "半夜", "午夜", "晚", "夜"])

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

_MEASURE_UNITS = frozenset(
    _words(
        "平方公里 平方米 公里 千米 厘米 毫米 米 千克 公斤 吨 斤 克 摄氏度 ℃ 度 % ％ ‰ "
        "万元 亿元 元 小时 分钟 秒钟 秒 个月 个星期 星期 周 天 日 夜 日夜 年 岁 公顷 亩 倍 步 万步 个工作日 工作日"
    )
)
_COUNT_UNITS = _words(
    "人次 户次 车次 架次 名 人 个 位 户 家 条 篇 件 起 次 场 份 批 辆 台 套 箱 瓶 "
    "只 双 册 本 张 袋 顿 轮 组 支 所 座 栋 幢 间 层 项 类 种 成 趟 遍 期 口 路 "
    "包 盒 桶 副 顶 把 床 片 块 道 声 封 笔 宗 例 处 万份 万人 万户"
)

_FESTIVALS_SPRING = {
    2010: (2, 14),
    2011: (2, 3),
    2012: (1, 23),
    2013: (2, 10),
    2014: (1, 31),
    2015: (2, 19),
    2016: (2, 8),
    2017: (1, 28),
    2018: (2, 16),
    2019: (2, 5),
    2020: (1, 25),
    2021: (2, 12),
    2022: (2, 1),
    2023: (1, 22),
    2024: (2, 10),
    2025: (1, 29),
    2026: (2, 17),
    2027: (2, 6),
    2028: (1, 26),
    2029: (2, 13),
    2030: (2, 3),
}
"""The first day of the lunar year (春节, 大年初一) by Gregorian year, 2010–2030 (calendar facts)."""
_DUANWU = {
    2018: "06-18",
    2019: "06-07",
    2020: "06-25",
    2021: "06-14",
    2022: "06-03",
    2023: "06-22",
    2024: "06-10",
    2025: "05-31",
    2026: "06-19",
    2027: "06-09",
    2028: "05-28",
}
_ZHONGQIU = {
    2018: "09-24",
    2019: "09-13",
    2020: "10-01",
    2021: "09-21",
    2022: "09-10",
    2023: "09-29",
    2024: "09-17",
    2025: "10-06",
    2026: "09-25",
    2027: "09-15",
    2028: "10-03",
}


def _alt(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _occurrences(text: str, words: Iterable[str]) -> list[tuple[int, int, str]]:
    """Where ``words`` occur in ``text``, leftmost and then longest first, without overlaps.

    The same matches as ``regex.finditer(_alt(words), text)``, without compiling a pattern for each
    text's own names (compiling cost more than the search itself).
    """
    hits = []
    for word in set(words):
        if not word:
            continue
        at = text.find(word)
        while at >= 0:
            hits.append((at, -len(word), word))
            at = text.find(word, at + 1)
    hits.sort()
    found: list[tuple[int, int, str]] = []
    last_end = 0
    for start, negative_length, word in hits:
        if start >= last_end:
            last_end = start - negative_length
            found.append((start, last_end, word))
    return found


# -- compiled patterns ------------------------------------------------------------------------------------------------
_CN_NUM = "[零〇一二两三四五六七八九十百千万亿]"
_RE_WORK_BOOK = regex.compile(r"《([^《》\n]{1,80})》")
_RE_QUOTE = regex.compile(r"“([^“”\n]{0,800})(”|(?=\n)|$)")
_RE_QUOTED_WORK_SUFFIX = regex.compile(r"(?:工作法|工作机制|经验|模式|行动)$")
_RE_AFTER_QUOTE_WORK = regex.compile(r"工作法|工作机制")
_RE_AFTER_QUOTE_WORK_HEAD = regex.compile(
    r"(?:微信公众号|公众号|专栏|栏目|专题|平台|热线|小程序|节目|品牌|专项行动|行动|活动|工程|APP|App|抖音号|视频号|网站)"
)
_RE_QUOTED_ORG = regex.compile(r"(?:工作室|先锋队|突击队|服务队|志愿队|工作站|服务站|小分队|服务团)$")
_RE_SPEECH_BEFORE = regex.compile(rf"(?:[：:]|(?:{_SPEECH_VERBS})[：:，,]?)\s*$")
_RE_SPEECH_AFTER = regex.compile(rf"^[^，。！？；“”\n]{{0,16}}?(?:{_SPEECH_VERBS})")
_RE_FINAL_PUNCT = regex.compile(r"[。！？!?…]")

_RE_DATE = regex.compile(
    r"(?<![\d.])(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号]|(?P<part>份|上旬|中旬|下旬|初|底|末)?(?![\d个]))"
    r"|(?<![\d.])(?P<yo>\d{4})年(?![\d月代度])"
    r"|(?P<fest>除夕|大年三十|大年初[一二三四五六七八九十]|正月初[一二三四五六七八九十]|正月十五|元宵节|元旦|国庆节|端午节|中秋节|春节)"
)
_RE_VAGUE_PERIOD = regex.compile(r"春节(?:期间|假期|长假|休假|前后|前夕)|节假日期间|正月(?![初十廿一二三四五六七八九])")
_RE_CLOCK = regex.compile(
    rf"(?P<pod>{_PART_OF_DAY}|晚|早|晨|夜)?(?<![\d.])(?P<h>\d{{1,2}}|[零〇一二两三四五六七八九十]{{1,3}})(?P<sep>[时点])"
    r"(?:(?P<min>\d{1,2}|[零〇一二三四五六七八九十]{1,3})分|(?P<half>半))?(?P<ap>许|多|左右|前后)?"
)
_RE_CLOCK_RANGE_AFTER = regex.compile(r"(?:至|到|—|－|-|～|~)\s*\d{1,2}[点时]")
_RE_CLOCK_RANGE_BEFORE = regex.compile(r"\d{1,2}[点时](?:至|到|—|－|-|～|~)\s*$")
_RE_HHMM = regex.compile(r"(?<![\d.:])(?<!\d：)(?P<h>[01]?\d|2[0-4])[:：](?P<min>[0-5]\d)(?![\d:：])")
_RE_POD_BEFORE = regex.compile(rf"(?:{_PART_OF_DAY})$")
_RE_POD = regex.compile(rf"(?:{_PART_OF_DAY})(?:时分)?(?!好)")
_RE_QTY = regex.compile(
    r"(?P<neg>零下)?(?P<pre>将近|大约|近|约|逾|上|数)?"
    rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|{_CN_NUM}+(?:几)?|[十百千万]|几十|几百|几千|几万)(?P<mult>[万千百亿](?![元人份户]?\d))?"
    r"(?P<post>余|多|几)?\s?"
    rf"(?P<unit>{_alt(['个小时', '个月', '个星期', '个日夜', '个多小时', '个多月', *_MEASURE_UNITS, *_COUNT_UNITS])})"
    r"(?P<post2>余|多)?(?P<tail>左右|以上|许)?"
)
_RE_BARE_NUMBER = regex.compile(
    r"(?<![\d.，,\p{Latin}])(?P<num>\d+(?:\.\d+)?)(?P<tail>左右|以上)?(?=[，。、；！？）\s]|$)"
)
# Plain alternations of literal words: the standard library's engine scans these about three times faster.
_RE_ROLE = re.compile(_alt(_ROLE_WORDS) + r"(?!会|员会)")
_RE_ORG_SUFFIX = re.compile(_alt(_ORG_SUFFIXES))
_RE_LOC_SUFFIX = re.compile(_alt(_LOC_SUFFIXES))
_RE_LOC_SUFFIX_END = regex.compile("(?:" + _alt(_LOC_SUFFIXES) + ")$")
_RE_ORG_SUFFIX_END = regex.compile("(?:" + _alt(_ORG_SUFFIXES) + ")$")
_RE_SPEAKER_VERB_AFTER_PRONOUN = regex.compile(rf"^(?:还|也|又|笑着|常|就|则|曾|都)?(?:{_SPEECH_VERBS})")

_HAN_OR_DIGITS = regex.compile(r"[\p{Han}\d]+")
_HAN = regex.compile(r"\p{Han}+")
_DETERMINERS = frozenset("全各该本我此每其这那")
_STOP_TOKENS = frozenset(
    _words(
        "所在 居住地 居住 辖区 联点 附近 当地 属地 临时 基层 上级 下级 各级 有关 相关 主管 "
        "职能 下属 所属 驻地 全体 两级 三级 多个 各个"
    )
)
_GENERIC_TAILS = (
    "超市",
    "城市",
    "都市",
    "门市",
    "集市",
    "夜市",
    "股市",
    "上市",
    "新区",
    "景区",
    "园区",
    "城区",
    "市区",
    "辖区",
)
_PLACE_BEFORE = regex.compile(
    r"(?:在|到|赴|从|由|返|回|往|至|于|来自|前往|赶赴|奔赴|驰援|支援|援助|途经|经过|离开|抵达)$"
)
_PLACE_AFTER = regex.compile(r"籍|人民|——|—|地区|等地|返")
_GENERIC_ORGS = frozenset(["党委政府", "人民政府", "地方政府", "党组织", "基层党组织", "党政机关", "政法机关"])
_BARE_ORGS = frozenset(
    _words(
        "监狱管理局 戒毒管理局 司法厅 公安厅 政法委 红十字会 党中央 省委 市委 区委 县委 旗委 盟委 "
        "公共法律服务中心 法律援助中心"
    )
)
_DEPARTMENT_SUFFIXES = frozenset("科股处室庭")
_FUNCTIONAL_UNIT_SUFFIXES = frozenset(
    ["支队", "大队", "中队", "管理局", "工作站", "服务站", "强制隔离戒毒所", "戒毒所", "监狱", "服务中心"]
)
_FUNCTIONAL_TAGS = frozenset(["n", "vn", "nz", "j", "b"])
_RE_POLICE_BLOCK = regex.compile(r"机关|民警|干警|部门|系统|工作|人员|战线|队伍|力量|干部")
_DETERMINER_PLACES = frozenset(w for w in _GENERIC_PLACES if w[0] in "全各该本我此每其这那外当")
_NAME_TAGS = frozenset(["n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "b", "j", "s"])
_MISTAGGED_PLACES = frozenset(
    _words(
        "扎堆 卡口 新兵连 上岗 中华 我国 中国 中华人民共和国 东方 中央 南方 北方 西方 东部 西部 "
        "东西 平原 外国 爱国 英雄 朝廷 太阳 哥哥 海洋 湖泊 大桥 高原 上市 美丽 建国 江湖 王国 开国 共和国 "
        "大都 阿哥 庆典 京城 城镇 长大 入口 出口 锦旗 红旗 国旗 党旗 团旗 队旗 彩旗"
    )
)
"""General words jieba's dictionary tags as place names (its frequent ``ns`` words that are no names)."""

_RE_CLAUSE_SPLIT = regex.compile(r"[，。；！？\n]")
_RE_COPULA = regex.compile(r"是|任|担任|作为|系|身为")
_RE_COPULA_BEFORE_ROLE = regex.compile(r"(?:是|作为|担任|身为|身兼|兼任|任|为)[^，。；！？、“”\n]{0,10}$")
_RE_ROLE_END = regex.compile(r"[，。；、！？和与）]|$|的(?!\p{Han}{0,3}(?:工作|任务|职责))")
_RE_SENTENCE_SPLIT_AFTER = regex.compile(r"[。！？\n“]")
_RE_SENTENCE_SPLIT_BEFORE = regex.compile(r"[。！？\n”，,]")
_RE_VERB_AFTER = regex.compile(_SPEECH_VERBS + "|常说|这样|名言|座右铭|口头禅")

_MYRIAD = 10_000
_SHORT_QUOTE = 4
"""Quoted text shorter than this (and without sentence punctuation) is a scare quote, not speech."""
_MIN_NAME = 2
_ADMIN_CHARS = frozenset("省市区县旗盟镇乡村委")
_COMMON_NAME_PART_FREQ = 500
"""A dictionary word at least this frequent is not the proper-name part of an organisation or place."""
_COMMON_WORD_FREQ = 1000
_COMMON_PLACE_PART_FREQ = 1500
"""Place names are often ordinary words (解放社区, 铸造小区), so the bar is higher for them."""
_RARE_FREQ = 100
_RARE_NAME_FREQ = 20
_KNOWN_WORD_FREQ = 20
"""A dictionary word at least this frequent that merely ends like a place (党旗, 坐镇) is not a place."""
"""A dictionary word rarer than this is taken as a name part whatever its (unreliable) tag."""
_MAX_NAME = 30
_MAX_PERSON_TOKEN = 4
_PLACE_HEADS = frozenset(["街道", "社区", "小区", "嘎查", "苏木"])
_CHAIN_HEADS = _PLACE_HEADS | frozenset(["自治区", "自治州", "自治县", "自治旗", "民族乡"])
"""A dictionary word at least this frequent is a common word, not the start of a name."""

_MORPHEME_TAGS = frozenset(["zg", "ng", "n", "ns", "nr", "b", "s"])
_NUMERAL_CHARS = frozenset("一二三四五六七八九十百千万两零〇几数多余半")
_FUNCTION_TAGS = frozenset(
    ["p", "c", "u", "uj", "ul", "uz", "ug", "ud", "uv", "d", "r", "rr", "rz", "q", "f", "y", "e", "o", "ad"]
)
_BOUNDARY_TAGS = frozenset(_words("p c u uj ul uz ug ud uv d r rr rz v vd ad f q y e o m a l i"))


# -- number parsing ---------------------------------------------------------------------------------------------------
def _cn_number(text: str) -> Decimal | None:
    """Parse a Chinese numeral (``二十三``, ``两``, ``十几``, ``一千二百``); None if it is not one."""
    text = text.replace("几", "")
    if not text:
        return None
    total = 0
    section = 0
    digit = -1
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char] if digit < 0 else digit * 10 + _CN_DIGITS[char]
        elif char in _CN_UNITS:
            unit = _CN_UNITS[char]
            value = 1 if digit < 0 else digit
            if unit >= _MYRIAD:
                section = (section + value) * unit if digit >= 0 or section else unit
                total += section
                section = 0
            else:
                section += value * unit
            digit = -1
        else:
            return None
    if digit >= 0:
        section += digit
    return Decimal(total + section)


def _number(text: str) -> Decimal | None:
    text = text.replace(",", "")
    if text and text[0].isdigit():
        try:
            return Decimal(text)
        except InvalidOperation:
            return None
    return _cn_number(text)


def _normal(number: Decimal) -> Decimal:
    """``Decimal('13000.0')`` → ``Decimal('13000')``; ``Decimal('31.80')`` → ``Decimal('31.8')``."""
    if number == number.to_integral_value():
        return Decimal(int(number))
    return number.normalize()


# -- the extractor ----------------------------------------------------------------------------------------------------
class _Found(NamedTuple):
    """A mention while the extractor works (cheaper than :class:`Mention`; same field names)."""

    kind: MentionKind
    text: str
    start: int
    end: int
    value: Any


class _Doc:
    """One text, its segmentation, and the mentions found so far."""

    def __init__(self, text: str, year: int | None) -> None:
        self.text = text
        self.year = year
        self.jb = _Jieba.get()
        tokens: list[str] = self.jb.lcut(text)
        ends = list(itertools.accumulate(map(len, tokens)))
        if not ends or ends[-1] != len(text):  # pragma: no cover - jieba keeps every character
            tokens = list(text)
            ends = list(range(1, len(text) + 1))
        self.tokens = tokens
        self.starts: list[int] = [0, *ends[:-1]]
        self.index_at: dict[int, int] = dict(zip(self.starts, range(len(tokens)), strict=True))
        self.token_tags: list[str | None] = list(map(self.jb.tags.get, tokens))
        self.taken = bytearray(len(text))
        self.mentions: list[_Found] = []
        self.slogan_mask = bytearray(len(text))
        self.org_ends: set[int] = set()
        self.quotes: list[tuple[int, int, int, int]] = []  # content start, end, mark start, mark end
        self._role_spans: list[tuple[int, int]] | None = None
        self._role_ends: set[int] | None = None

    def role_spans(self) -> list[tuple[int, int]]:
        """Every match of a title word in the text (computed once: persons and roles both need them)."""
        if self._role_spans is None:
            self._role_spans = [m.span() for m in _RE_ROLE.finditer(self.text)]
        return self._role_spans

    def role_ends(self) -> set[int]:
        """The ends of :meth:`role_spans` (computed once)."""
        if self._role_ends is None:
            self._role_ends = {end for _, end in self.role_spans()}
        return self._role_ends

    # -- bookkeeping --
    def free(self, start: int, end: int) -> bool:
        return 0 <= start < end <= len(self.text) and not any(self.taken[start:end])

    def add(self, kind: MentionKind, start: int, end: int, value: Any, *, take: bool = True) -> _Found:
        mention = _Found(kind, self.text[start:end], start, end, value)
        self.mentions.append(mention)
        if kind is MentionKind.ORGANIZATION:
            self.org_ends.add(end)
        if take:
            self.taken[start:end] = b"\x01" * (end - start)
        return mention

    def known(self, word: str) -> bool:
        """Whether ``word`` is a dictionary word (jieba's table also holds every prefix, with count 0)."""
        return self.jb.freq.get(word, 0) > 0

    def tag(self, word: str) -> str | None:
        return self.jb.tags.get(word)

    def token_end(self, start: int) -> int | None:
        i = self.index_at.get(start)
        return None if i is None else start + len(self.tokens[i])

    def in_slogan(self, start: int, end: int) -> bool:
        """Whether ``start:end`` lies inside a quoted slogan or name (not direct speech)."""
        return all(self.slogan_mask[start:end]) and end > start

    def add_slogan(self, start: int, end: int) -> None:
        self.slogan_mask[start:end] = b"\x01" * (end - start)


def extract_mentions(text: str, *, year: int | None = None) -> list[Mention]:
    """Find persons, organizations, places, dates, times, quantities, quotes, works and roles in ``text``.

    The rules follow the annotation guidelines of the bundled corpus and are meant
    for unseen text of the same genre (Chinese news on political-legal work).
    Offsets index ``text``; ``article_id`` is None.

    Args:
        text: Any text (plain Chinese prose works best; lines are paragraphs).
        year: The year to give dates written without one (``2月2日``); their
            :class:`~yixian_corpus.DateValue` then has ``year_inferred=True``. A year
            written earlier in the text (``2020年1月…``) takes precedence. Without
            either, such dates get the ISO form without a year (``--02-02``).

    Returns:
        The mentions sorted by offset (quotes may contain other mentions; nothing
        else overlaps).

    Raises:
        TypeError: ``text`` is not a string.

    Example:
        >>> from yixian_corpus import extract_mentions
        >>> for m in extract_mentions("3月5日，河源市司法局局长钟海涛带领20余名干警赶到现场。", year=2020):
        ...     print(m.kind.value, m.text)
        date 3月5日
        organization 河源市司法局
        role 局长
        person 钟海涛
        quantity 20余名
    """
    if not isinstance(text, str):
        msg = f"extract_mentions() needs a str, not {type(text).__name__}"
        raise TypeError(msg)
    if not text.strip():
        return []
    doc = _Doc(text, year)
    _works_and_quotes(doc)
    _dates(doc)
    _times(doc)
    _quantities(doc)
    _translit_persons(doc)
    _organizations(doc)
    _locations(doc)
    _persons(doc)
    _roles(doc)
    _resolve(doc)
    found = sorted(doc.mentions, key=lambda m: (m.start, -m.end, m.kind.value))
    return [Mention(m.kind, m.text, m.start, m.end, m.value) for m in found]


# -- works, quotes, quoted names ---------------------------------------------------------------------------------------
def _works_and_quotes(doc: _Doc) -> None:  # noqa: C901, PLR0912 - one decision list per quoted span
    text = doc.text
    for match in _RE_WORK_BOOK.finditer(text):
        start, end = match.span(1)
        if match.group(1).strip() and doc.free(start, end):
            doc.add(MentionKind.WORK, start, end, _strip_marks(match.group(1)))
    unclassified: list[tuple[int, int]] = []
    for match in _RE_QUOTE.finditer(text):
        start, end = match.span(1)
        content = match.group(1)
        mark_start, mark_end = match.start(), match.end()
        if not content.strip():
            continue
        if match.group(2) != "”" and _unclosed_with_saying(doc, match):
            continue
        after = text[mark_end : mark_end + 8]
        if match.group(2) == "”":
            head = _RE_AFTER_QUOTE_WORK.match(after)
            if head and len(content) <= 40:  # noqa: PLR2004 - a length or count threshold of the rule
                doc.add(MentionKind.WORK, mark_start, mark_end + head.end(), content + head.group())
                continue
            if _RE_AFTER_QUOTE_WORK_HEAD.match(after) and len(content) <= 20 and not _RE_FINAL_PUNCT.search(content):  # noqa: PLR2004 - a length or count threshold of the rule
                doc.add(MentionKind.WORK, start, end, content)
                continue
        if len(content) <= 15 and _RE_QUOTED_WORK_SUFFIX.search(content) and not _RE_FINAL_PUNCT.search(content):  # noqa: PLR2004 - a length or count threshold of the rule
            doc.add(MentionKind.WORK, start, end, content)
            continue
        if len(content) <= 20 and _RE_QUOTED_ORG.search(content):  # noqa: PLR2004 - a length or count threshold of the rule
            doc.add(MentionKind.ORGANIZATION, start, end, content)
            continue
        if _is_quoted_title(text, content, mark_start, mark_end):
            doc.add(MentionKind.WORK, start, end, content)
            continue
        before = text[max(0, mark_start - 12) : mark_start]
        scare = len(content) < _SHORT_QUOTE or (
            match.group(2) == "”"
            and _HAN_OR_DIGITS.match(text, mark_end) is not None
            and not _RE_SPEECH_AFTER.match(text, mark_end)
            and not _RE_SAYING_AFTER.match(text, mark_end)
            and not (len(content) >= _LONG_THOUGHT and "，" in content and text[mark_end] not in "的地")
        )
        if scare and not _RE_FINAL_PUNCT.search(content):
            doc.add_slogan(start, end)
            continue
        speech = (
            bool(_RE_SPEECH_BEFORE.search(before))
            or bool(_RE_SPEECH_AFTER.match(text[mark_end : mark_end + 20]) and len(content) >= 4)  # noqa: PLR2004 - a length or count threshold of the rule
            or (len(content) >= 4 and bool(_RE_FINAL_PUNCT.search(content[-2:] if content else "")))  # noqa: PLR2004 - a length or count threshold of the rule
            or (len(content) >= 8 and bool(_RE_FINAL_PUNCT.search(content)))  # noqa: PLR2004 - a length or count threshold of the rule
            or (len(content) >= _LONG_SPEECH and "，" in content)
            or (bool(doc.quotes) and doc.quotes[-1][3] == mark_start)  # “…”“…”: one more line of the same scene
        )
        if speech:
            doc.quotes.append((start, end, mark_start, mark_end))
        else:
            doc.add_slogan(start, end)
            unclassified.append((start, end))
    # a quoted name introduced once as a column or account is that work wherever it is quoted again
    titles = {m.value for m in doc.mentions if m.kind is MentionKind.WORK}
    for start, end in unclassified:
        if text[start:end] in titles and doc.free(start, end):
            doc.add(MentionKind.WORK, start, end, text[start:end])


_RE_TITLE_HEAD_BEFORE = regex.compile(r"(?:平台|公众号|栏目|专栏|热线|小程序|账号|节目)$")
_RE_TITLE_LIST_AFTER = regex.compile(
    r"(?:“[^“”\n]{1,12}”)*(?:等)?(?:媒体|网络|新媒体|宣传)?(?:平台|公众号|栏目|专栏|账号|小程序)"
)
_RE_SAYING_AFTER = regex.compile(r"这(?:句|段|番|些)")
"""``“…”这句…名言``: the text goes on to attribute the quoted words."""
_LONG_THOUGHT = 20
"""Quoted text this long with a comma is speech or thought even with narration right after it (slogans are short)."""
_RE_INNER_SAYING = regex.compile(r"‘([^‘’“”\n]{4,200})’")


def _unclosed_with_saying(doc: _Doc, match: regex.Match[str]) -> bool:
    """An opening “ never closed, with a ‘…’ saying inside: the words before it and the saying are two quotes.

    The narration after the saying (``这是…常说的``) is not quoted.  Returns whether the quote was handled.
    """
    content_start = match.start(1)
    inner = _RE_INNER_SAYING.search(doc.text, content_start, match.end(1))
    if inner is None:
        return False
    head_end = inner.start()
    if head_end > content_start and _RE_FINAL_PUNCT.search(doc.text[head_end - 1 : head_end]):
        doc.quotes.append((content_start, head_end, match.start(), head_end))
    doc.quotes.append((inner.start(1), inner.end(1), inner.start(), inner.end()))
    return True


_LONG_SPEECH = 15
"""Quoted text this long with a comma is speech even without a speech verb (slogans are shorter)."""


def _strip_marks(title: str) -> str:
    """A work's value: its title without quotation marks (网格员战“疫”备查手册 → 网格员战疫备查手册)."""
    return title.translate(_QUOTE_MARKS)


_QUOTE_MARKS = str.maketrans("", "", "“”‘’\"'")


def _is_quoted_title(text: str, content: str, mark_start: int, mark_end: int) -> bool:
    """A quoted name of a platform, account or column: “东河普法”“法润东河”等平台, 平台“法润东河”."""
    if len(content) > 12 or _RE_FINAL_PUNCT.search(content) or "，" in content:  # noqa: PLR2004 - a length or count threshold of the rule
        return False
    return bool(_RE_TITLE_HEAD_BEFORE.search(text, max(0, mark_start - 4), mark_start)) or bool(
        _RE_TITLE_LIST_AFTER.match(text, mark_end)
    )


# -- dates and times ---------------------------------------------------------------------------------------------------
def _dates(doc: _Doc) -> None:
    text = doc.text
    current_year = doc.year
    explicit_year: int | None = None
    for match in _RE_DATE.finditer(text):
        start, end = match.span()
        if not doc.free(start, end) or doc.in_slogan(start, end):
            continue
        if match.group("yo"):
            year = int(match.group("yo"))
            if 1900 <= year <= 2100:  # noqa: PLR2004 - a length or count threshold of the rule
                explicit_year = year
                doc.add(MentionKind.DATE, start, end, DateValue(str(year)))
            continue
        if match.group("fest"):
            value = _festival(match.group("fest"), explicit_year or current_year, inferred=explicit_year is None)
            if match.group("fest") == "春节" and _RE_VAGUE_PERIOD.match(text, start):
                continue
            doc.add(MentionKind.DATE, start, end, value)
            continue
        month = int(match.group("m"))
        day = int(match.group("d")) if match.group("d") else None
        if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):  # noqa: PLR2004 - a length or count threshold of the rule
            continue
        if (
            day is None
            and not match.group("part")
            and text[end : end + 1]
            not in {"", "至", "到", "，", "、", "起", "以", "的", "中", "前", "后", "开", "内", "里", "。"}
        ):
            continue
        if match.group("y"):
            explicit_year = int(match.group("y"))
            year_value: int | None = explicit_year
            inferred = False
        else:
            year_value = explicit_year or current_year
            inferred = year_value is not None
        stamp = f"{month:02d}" if day is None else f"{month:02d}-{day:02d}"
        iso = f"{year_value}-{stamp}" if year_value is not None else f"--{stamp}"
        doc.add(MentionKind.DATE, start, end, DateValue(iso, inferred))


def _festival(name: str, year: int | None, *, inferred: bool) -> DateValue | None:
    if year is None:
        return None
    spring = _FESTIVALS_SPRING.get(year)
    fixed = {"元旦": "01-01", "国庆节": "10-01"}
    if name in fixed:
        return DateValue(f"{year}-{fixed[name]}", inferred)
    if name == "端午节":
        return DateValue(f"{year}-{_DUANWU[year]}", inferred) if year in _DUANWU else None
    if name == "中秋节":
        return DateValue(f"{year}-{_ZHONGQIU[year]}", inferred) if year in _ZHONGQIU else None
    if spring is None:
        return None
    import datetime as dt  # noqa: PLC0415 - festivals are rare

    base = dt.date(year, *spring)
    offset = 0
    if name in {"除夕", "大年三十"}:
        offset = -1
    elif name in {"元宵节", "正月十五"}:
        offset = 14
    elif name.startswith(("大年初", "正月初")):
        number = _cn_number(name[3:])
        offset = int(number) - 1 if number is not None else 0
    return DateValue((base + dt.timedelta(days=offset)).isoformat(), inferred)


def _hour(pod: str | None, hour: int) -> int:
    if pod in _PM_PARTS and hour < 12:  # noqa: PLR2004 - a length or count threshold of the rule
        return 0 if pod in {"半夜", "午夜"} and hour == 12 else hour + 12  # noqa: PLR2004 - a length or count threshold of the rule
    if pod in _PM_PARTS | {"凌晨"} and hour == 12:  # noqa: PLR2004 - a length or count threshold of the rule
        return 0
    if pod == "中午" and hour < 6:  # noqa: PLR2004 - a length or count threshold of the rule
        return hour + 12
    return hour


def _times(doc: _Doc) -> None:  # noqa: C901, PLR0912 - clock times, HH:MM, periods, parts of the day
    text = doc.text
    for match in _RE_CLOCK.finditer(text):
        start, end = match.span()
        h_text, pod = match.group("h"), match.group("pod")
        chinese = not h_text[0].isdigit()
        midnight = h_text in {"零", "〇"}  # 零时, 零点
        if chinese and not (pod or match.group("min") or match.group("ap") == "许" or midnight):
            continue
        in_range = bool(
            _RE_CLOCK_RANGE_AFTER.match(text, end) or _RE_CLOCK_RANGE_BEFORE.search(text, max(0, start - 8), start)
        )  # 0点至4点: a time range
        if (
            match.group("sep") == "点"
            and not pod
            and not match.group("min")
            and not match.group("half")
            and not match.group("ap")
            and not in_range
            and not midnight
        ):
            continue
        if text[end : end + 1] in {"间", "期", "代", "候", "刻", "光"} or text[start - 1 : start] == "第":
            continue
        hour_number = _number(h_text)
        minute = 30 if match.group("half") else 0
        if match.group("min"):
            minute_number = _number(match.group("min"))
            minute = int(minute_number) if minute_number is not None else -1
        if hour_number is None or not 0 <= hour_number <= 24 or not 0 <= minute < 60:  # noqa: PLR2004 - a length or count threshold of the rule
            continue
        if not doc.free(start, end):
            continue
        hour = _hour(pod, int(hour_number)) % 24
        approx = match.group("ap") in {"许", "多", "左右", "前后"}
        doc.add(MentionKind.TIME, start, end, TimeValue(f"{hour:02d}:{minute:02d}", pod, approx))
    for match in _RE_HHMM.finditer(text):
        start, end = match.span()
        before = _RE_POD_BEFORE.search(text, max(0, start - 3), start)
        pod = None
        if before is not None:
            pod, start = before.group(), before.start()
        if doc.free(start, end) and (match.group("h") != "24" or match.group("min") == "00"):
            hour = _hour(pod, int(match.group("h"))) % 24  # 24:00 is midnight, 00:00
            doc.add(MentionKind.TIME, start, end, TimeValue(f"{hour:02d}:{match.group('min')}", pod))
    for match in _RE_VAGUE_PERIOD.finditer(text):
        start, end = match.span()
        if doc.free(start, end):
            doc.add(MentionKind.TIME, start, end, TimeValue(None, match.group()))
    for match in _RE_POD.finditer(text):
        start, end = match.span()
        if (
            start not in doc.index_at
            and _HAN.match(text, start - 1)
            and not _RE_DAY_BEFORE.search(text, max(0, start - 3), start)
        ):
            continue  # 黑夜里: inside a word (but 今天上午, 次日一早 are times)
        if doc.free(start, end):
            doc.add(MentionKind.TIME, start, end, TimeValue(None, match.group().removesuffix("时分")))
    # 8月4日晚 / 除夕夜: a one-character part of the day right after a date
    for mention in [m for m in doc.mentions if m.kind is MentionKind.DATE]:
        char = text[mention.end : mention.end + 1]
        following = text[mention.end + 1 : mention.end + 2]
        if (
            char in {"晚", "晨", "夜"}
            and following not in {"上", "间", "饭", "会", "餐", "报", "点", "班", "自", "霞"}
            and doc.free(mention.end, mention.end + 1)
        ):
            doc.add(MentionKind.TIME, mention.end, mention.end + 1, TimeValue(None, char))


# -- quantities --------------------------------------------------------------------------------------------------------
def _is_name_noun(doc: _Doc, start: int) -> bool:
    """Whether the token before ``start`` is a noun or a name (石门|二路), not a verb (兵分|三路)."""
    return doc.tag(doc.tokens[doc.index_at[start] - 1]) in {"n", "ns", "nr", "nz", "nrt", None}


_PLAIN_COUNT_UNITS = frozenset(_words("个 名 位 人 户 家 次 天 年 月 日 批 支 组 处 项 件 条"))
_RE_NUMBER_PLACE = regex.compile(r"\p{Han}?[省市区县旗镇乡村屯庄寨营堡铺沟]")


def _quantities(doc: _Doc) -> None:  # noqa: C901, PLR0912, PLR0915 - one decision list per number
    text = doc.text
    for match in _RE_QTY.finditer(text):
        start, end = match.span()
        if text[start - 1 : start] == "第" or text[end : end + 1] in {"号", "届"}:
            continue
        if text[start - 1 : start].isdigit():
            continue
        num_text, unit = match.group("num"), match.group("unit")
        if not num_text[0].isdigit() and unit not in _PLAIN_COUNT_UNITS and _RE_NUMBER_PLACE.match(text, end):
            continue  # 九台区, 三台县, 三道营村: a place named by a number and a classifier
        if unit.endswith("步") and _HAN.match(text, end):
            continue  # 七步洗手法: a step in a method's name, not a count of steps walked
        if unit == "组" and text[start - 1 : start] in {"村", "队"}:
            continue  # 付畈村三组: a village's group, a unit of the place
        if unit == "路" and not num_text[0].isdigit() and doc.index_at.get(start) and _is_name_noun(doc, start):
            continue  # 石门二路, 中山一路: a road's number
        pre = match.group("pre") or ""
        post_many = False
        if pre == "上" and not (num_text in {"万", "千", "百", "亿"} or match.group("mult")):
            start += 1
            pre = ""
        if pre == "数" and num_text not in {"十", "百", "千", "万"}:
            start += 1
            pre = ""
        if (
            num_text == "一"
            and unit not in _MEASURE_UNITS | {"个小时", "个月", "个星期", "个日夜"}
            and not match.group("mult")
        ):
            continue
        if num_text in {"一", "万", "千", "百", "十"} and unit == "个" and text[end : end + 1] == "个":
            continue  # 一个个
        number = _number(num_text if num_text not in {"几十", "几百", "几千", "几万"} else num_text[1:])
        if number is None:
            continue
        if match.group("mult"):
            number *= _CN_UNITS[match.group("mult")]
        if match.group("neg"):
            number = -number
        if num_text in {"万", "千", "百"} and not (pre or match.group("post") or match.group("post2")):
            continue  # 万家灯火, 百家饭: idioms, not amounts
        if unit.startswith("个多"):
            unit = unit[2:]
            post_many = True
        elif unit.startswith("个") and len(unit) > 1:
            unit = unit[1:]
        if unit[:1] in {"万", "亿"} and len(unit) > 1:  # 320余万元 → 3200000 元
            number *= _CN_UNITS[unit[0]]
            unit = unit[1:]
        approx = bool(
            pre in {"近", "约", "逾", "将近", "大约", "上", "数"}
            or match.group("post")
            or match.group("post2")
            or match.group("tail")
            or post_many
            or "几" in num_text
        )
        if not doc.free(start, end) or doc.in_slogan(start, end):
            continue
        doc.add(MentionKind.QUANTITY, start, end, Quantity(_normal(number), unit, approx))
    for match in _RE_BARE_NUMBER.finditer(text):
        start, end = match.span()
        if text[start - 1 : start] in {"第", "号", "："} or not doc.free(start, end) or doc.in_slogan(start, end):
            continue
        number = _number(match.group("num"))
        if number is None:
            continue
        doc.add(MentionKind.QUANTITY, start, end, Quantity(_normal(number), None, bool(match.group("tail"))))


# -- organizations and places ----------------------------------------------------------------------------------------
def _extend_left(  # noqa: C901, PLR0912, PLR0913 - one decision list per token; keyword-only knobs
    doc: _Doc,
    start: int,
    *,
    limit: int,
    places_only: bool = False,
    named: bool = False,
    joined: bool = False,
    functional: bool = False,
    adjacent_names: bool = False,
) -> int:
    """Walk tokens left from ``start`` while they can belong to a name; return the new start.

    Place tokens (dictionary places, words ending in a place suffix) and organisation
    tokens chain freely; other tokens form the proper-name part (``明秋`` in
    ``明秋律师事务所``), at most ``limit`` characters of them, and only when the head
    has no name yet (``named`` False).  Rare words (a low count in jieba's dictionary)
    are taken as name parts whatever their tag; frequent ones end the name.  With
    ``joined``, ``与``/``和`` may join two parts of a department name (``普法与依法治理股``); with
    ``functional``, frequent nouns name what a unit does (``边境|管理|支队``, ``市场|监督|管理局``).
    A surname-initial unknown word right before the head names it (``鲁掌|镇``) for places, and for
    organisations with ``adjacent_names`` (``麻垌|司法所``).
    """
    i = doc.index_at.get(start)
    if i is None:
        return start
    name_chars = 0
    first = start
    while i > 0:
        token = doc.tokens[i - 1]
        tok_start = doc.starts[i - 1]
        if not (_HAN.fullmatch(token) if places_only else _HAN_OR_DIGITS.fullmatch(token)) or doc.taken[tok_start]:
            break
        if _glued_preposition(doc, i - 1):
            first = tok_start + 1  # 由林溪|派出所, 由威|县公安局: a preposition glued to the name
            break
        if _split_district(doc, i - 1):
            named = True  # 陵|城区: a district whose first character the segmenter split from a generic word
            first = doc.starts[i - 2]
            i -= 2
            continue
        if token in _STOP_TOKENS or (token in _GENERIC_PLACES and token not in _CHAIN_HEADS):
            break
        if len(token) <= _MIN_NAME and token[0] in _DETERMINERS and not _na_name(doc, token):
            break
        tag = doc.tag(token)
        freq = doc.jb.freq.get(token, 0)
        placeish = (
            (tag == "ns" and len(token) >= _MIN_NAME)
            or (len(token) >= _MIN_NAME and _RE_LOC_SUFFIX_END.search(token) is not None and tag not in _BOUNDARY_TAGS)
            or (doc.tokens[i] in _ADMIN_CHARS and (_place_stem(token, tag) or _after_place(doc, i - 1)))  # 平果|市
        )
        orgish = tag == "nt" or (len(token) >= _MIN_NAME + 1 and _RE_ORG_SUFFIX.search(token[-3:]) is not None)
        if placeish or orgish:
            named = named or not (_RE_LOC_SUFFIX.fullmatch(token) or _RE_ORG_SUFFIX.fullmatch(token))
        elif (
            token in _ADMIN_CHARS
            or _is_ethnic_name(token)
            or (token in _SCHOOL_LINKS and i >= 2 and doc.tokens[i - 2].endswith(_SCHOOL_HEADS))  # noqa: PLR2004
        ):
            pass  # 首都医科大学|附属|…医院: a university's hospital
        elif joined and token in {"与", "和"} and name_chars:
            name_chars += 1
        elif (
            named
            and _unknown_name_part(token, tag)
            and (doc.starts[i + 1 : i + 2] == [start] or doc.tokens[i][-1:] in "旗县市区盟州")
        ):
            pass  # 科右|前旗|法院, 锦官|新城|小区: an unknown word that opens the one place word before the head
        elif named or not (
            (functional and tag in _FUNCTIONAL_TAGS and _FUNCTION_CHARS.isdisjoint(token))
            or _name_part(
                token,
                tag,
                freq,
                places_only=places_only,
                lenient=joined,
                adjacent=first == start and (places_only or adjacent_names),
            )
        ):
            break
        else:
            name_chars += len(token)
            if name_chars > limit:
                break
        first = tok_start
        i -= 1
        if start - first > _MAX_NAME:
            break
    return first


_PREPOSITIONS = frozenset("由在到从向对被把将给于往距离")


def _glued_preposition(doc: _Doc, i: int) -> bool:
    """Whether token ``i`` is a preposition the segmenter glued to the start of a name (由林溪, 由威|县)."""
    token = doc.tokens[i]
    rest = token[1:]
    return (
        token[0] in _PREPOSITIONS
        and doc.tag(token) is None
        and _FUNCTION_CHARS.isdisjoint(rest)
        and (len(rest) in {2, 3} or (len(rest) == 1 and doc.tokens[i + 1][:1] in _ADMIN_CHARS))
    )


def _na_name(doc: _Doc, token: str) -> bool:
    """An unknown word opening with 那 that is a name, not a demonstrative (那坡, not 那个)."""
    return not doc.known(token) and _RE_NA_NAME.match(token) is not None


def _place_stem(token: str, tag: str | None) -> bool:
    """Whether ``token`` can name the administrative unit written right after it (平果|市, 威|县)."""
    return (
        _MIN_NAME <= len(token) <= _MAX_PERSON_TOKEN
        and _HAN.fullmatch(token) is not None
        and _FUNCTION_CHARS.isdisjoint(token)
        and tag not in _BOUNDARY_TAGS
        and token not in _GENERIC_PLACES
    )


def _split_district(doc: _Doc, i: int) -> bool:
    """Whether tokens ``i-1, i`` are a district the segmenter split as one character + a generic word (陵|城区).

    Only right after a place (德州市|陵|城区): the generic word's last character is then the unit.
    """
    token = doc.tokens[i]
    if i < 2 or len(token) != _MIN_NAME or token not in _GENERIC_PLACES or token[-1] not in "区县市旗":  # noqa: PLR2004
        return False
    char, before = doc.tokens[i - 1], doc.tokens[i - 2]
    if len(char) == _MIN_NAME:  # 进驻|观山|湖区: a two-character name part after a verb of going or a place
        return (
            doc.tag(char) in {"n", "ns", "nz", "nr", None}
            and _HAN.fullmatch(char) is not None
            and _FUNCTION_CHARS.isdisjoint(char)
            and not doc.taken[doc.starts[i - 1]]
            and (doc.tag(before) in {"ns", "v"} or _RE_LOC_SUFFIX_END.search(before) is not None)
        )
    return (
        len(char) == 1
        and _HAN.fullmatch(char) is not None
        and char not in _FUNCTION_CHARS
        and not doc.taken[doc.starts[i - 1]]
        and (doc.tag(before) == "ns" or _RE_LOC_SUFFIX_END.search(before) is not None)
    )


def _after_place(doc: _Doc, i: int) -> bool:
    """Whether token ``i`` is a two-character word right after a place (滨州市|沾化|区: a district's name)."""
    token = doc.tokens[i]
    return (
        i > 0
        and len(token) == _MIN_NAME
        and _HAN.fullmatch(token) is not None
        and _FUNCTION_CHARS.isdisjoint(token)
        and (doc.tag(doc.tokens[i - 1]) == "ns" or _RE_LOC_SUFFIX_END.search(doc.tokens[i - 1]) is not None)
    )


def _unknown_name_part(token: str, tag: str | None) -> bool:
    """An unknown word (no dictionary tag) of two or three characters that is no person's name."""
    return (
        tag is None
        and len(token) in {2, 3}
        and _HAN.fullmatch(token) is not None
        and _FUNCTION_CHARS.isdisjoint(token)
        and token[0] not in _SURNAMES
        and token[0] not in _NEGATIONS
    )


def _is_ethnic_name(token: str) -> bool:
    """``哈尼族``, ``彝族``: the peoples named in an autonomous unit (宁洱哈尼族彝族自治县) are part of its name."""
    return (
        len(token) >= _MIN_NAME and (token[-1] == "族" or token.endswith("族乡")) and _HAN.fullmatch(token) is not None
    )


_SCHOOL_HEADS = ("大学", "学院")
_SCHOOL_LINKS = frozenset(["附属"])


def jb_common_head(token: str) -> bool:
    """Whether ``token`` starts with a frequent function word or adverb (积极|响应, 迅速|…)."""
    jb = _Jieba.get()
    head = token[:2]
    return jb.freq.get(head, 0) >= _COMMON_WORD_FREQ and jb.tags.get(head) in _BOUNDARY_TAGS


def _name_part(  # noqa: C901, PLR0911, PLR0913 - one decision list, each case returns; keyword-only knobs
    token: str, tag: str | None, freq: int, *, places_only: bool, lenient: bool = False, adjacent: bool = False
) -> bool:
    """Whether a token can be the proper-name part of an organisation or place name.

    ``lenient`` is for department names, which are made of ordinary words (刑事庭, 行政复议与应诉科);
    ``adjacent`` says the token stands right before the head (鲁掌|镇 names the town, not a person).
    """
    if places_only and len(token) == 1 and tag in _MORPHEME_TAGS and token not in _FUNCTION_CHARS:
        return True  # 德政|园|小区, 杨家|寨|村: one-character parts of place names
    if places_only and tag == "m" and not _NUMERAL_CHARS.intersection(token):
        return True  # 许家|坊|乡: jieba tags some name parts as numerals
    if len(token) > _MIN_NAME and jb_common_head(token):
        return False  # 积极响应: a compound that starts with a common adverb or verb
    if tag is None:
        if len(token) in {2, 3} and token[0] in _SURNAMES and token[0] not in _AMBIGUOUS_SURNAMES and not adjacent:
            return False  # 王勇 (a person the segmenter found), not part of 王勇积极响应市委
        if token[0] in _NEGATIONS:
            return False  # 别出|小区: "don't leave"
        return _free_of_function_words(token)  # 那坡|镇, 都江|镇
    if lenient:
        return tag not in _FUNCTION_TAGS and _FUNCTION_CHARS.isdisjoint(token)
    if tag in _BOUNDARY_TAGS and not (tag in {"d", "m", "a"} and freq < _RARE_FREQ) and not token.startswith("第"):
        return False  # verbs, prepositions, adverbs, …: never inside a name (a rare "adverb" may be a name: 永定)
    if token.startswith("第") or freq < _RARE_FREQ:
        return not (len(token) == 1 and token in _FUNCTION_CHARS)
    if tag in {"ns", "nt", "nz", "nr", "nrt", "nrfg"}:
        return True
    if places_only:
        return freq < _COMMON_PLACE_PART_FREQ
    return freq < _COMMON_NAME_PART_FREQ


def _merge_span(spans: list[tuple[int, int]], start: int, end: int) -> None:
    """Append ``(start, end)``, merging it with the last span when they touch or overlap."""
    if spans and start <= spans[-1][1]:
        spans[-1] = (min(spans[-1][0], start), max(spans[-1][1], end))
    else:
        spans.append((start, end))


_RE_PARTY_ROLE = regex.compile(r"党(?:支部|总支|委|组)(?:书记|副书记|委员|成员)")
_WEAK_ORG_SUFFIXES = frozenset(
    ["中心", "办公室", "大队", "支队", "中队", "监区", "分局", "医院", "公司", "集团", "协会", "政府"]
)


_RE_EPIDEMIC_BODY = regex.compile(
    r"(?:应对)?(?:新型冠状病毒(?:感染的?)?肺炎|新冠肺炎|新冠病毒(?:感染)?|新型冠状病毒)?(?:防控|联防联控|防疫)?"
    r"(?:疫情)?(?:防控|联防联控|防疫)?(?:工作|应急)?(?:指挥部|领导小组)(?:办公室)?"
)
"""The bodies every place set up against the epidemic, named by the disease and the task (…疫情防控工作指挥部)."""


_RE_EPIDEMIC_TASK = regex.compile(r"应对|新型|新冠|疫情|防控|联防|防疫")


_RE_TASK_GROUP = regex.compile(r"\p{Han}{2,10}?组(?![成织建合])")
_TASK_GROUP_TAGS = frozenset(["n", "vn", "nz", "j"])


def _task_group_end(doc: _Doc, end: int) -> int:
    """``…指挥部社会管控社会治理组``: a group of a named body is its department, named by what it does."""
    match = _RE_TASK_GROUP.match(doc.text, end)
    i = doc.index_at.get(end)
    if (
        match is None
        or i is None
        or doc.tag(doc.tokens[i]) not in _TASK_GROUP_TAGS
        or not _FUNCTION_CHARS.isdisjoint(match.group())
        or not doc.free(end, match.end())
    ):
        return end
    return match.end()


def _epidemic_bodies(doc: _Doc) -> None:
    """``青山区新型冠状病毒感染肺炎防控工作指挥部``: a place (or its level) + the disease + the task + the body."""
    text = doc.text
    for match in _RE_EPIDEMIC_BODY.finditer(text):
        start, end = match.span()
        if end - start <= len("领导小组") or start not in doc.index_at or not doc.free(start, end):
            continue
        first = _extend_left(doc, start, limit=0, named=True)
        before = doc.index_at[start] - 1
        if first == start and before >= 0 and doc.tokens[before] in _BARE_ORGS and not doc.taken[start - 1]:
            first = _extend_left(doc, doc.starts[before], limit=0, named=True)  # 区委|疫情防控指挥部
        if first == start and text[start - 1 : start] in _ADMIN_CHARS and start - 1 in doc.index_at:
            first = start - 1  # 县应对…领导小组: the body of "the county"
        if end < len(text) and end not in doc.index_at:
            continue
        if first < start:
            end = _task_group_end(doc, end)
            doc.add(MentionKind.ORGANIZATION, first, end, text[first:end])
        elif _RE_EPIDEMIC_TASK.match(text, start):
            doc.taken[start:end] = b"\x01" * (end - start)  # 疫情防控领导小组: a task group of no named body


_FIRM_SUFFIXES = frozenset(["律师事务所", "律所", "公证处"])
_COMMITTEE_SUFFIXES = frozenset(["居民委员会", "村民委员会", "居委会", "村委会"])


def _firm_name_start(doc: _Doc, suffix_start: int, first: int) -> int:
    """A law firm's or notary's name: the two characters before its suffix, whatever they are (树人, 楚韵)."""
    start = suffix_start - _MIN_NAME
    name = doc.text[start:suffix_start]
    if start < 0 or start not in doc.index_at or _HAN.fullmatch(name) is None or not _FUNCTION_CHARS.isdisjoint(name):
        return first
    if not doc.free(start, suffix_start) or _RE_ROLE.search(name):
        return first
    return min(first, _extend_left(doc, start, limit=0, places_only=True, named=True))


def _admin_glued_start(doc: _Doc, first: int) -> int:
    """``前|郭|县公安局``: a county or city name the segmenter cut off the unit glued to its suffix."""
    text = doc.text
    if text[first : first + 1] not in {"县", "市", "区", "旗"} or first in doc.org_ends:
        return first
    for size in (2, 3):
        start = first - size
        name = text[start:first]
        if (
            start >= 0
            and start in doc.index_at
            and _HAN.fullmatch(name) is not None
            and _FUNCTION_CHARS.isdisjoint(name)
            and doc.free(start, first)
            and doc.jb.freq.get(name, 0) < _COMMON_WORD_FREQ
            and (start == 0 or _HAN.match(text, start - 1) is None)
        ):
            return start
    return first


def _role_glued_after(doc: _Doc, end: int) -> bool:
    """Whether the word containing ``end`` goes on with a title only (``事务所律师``: 事务所 + 律师)."""
    i = bisect.bisect_right(doc.starts, end) - 1
    token_end = doc.starts[i] + len(doc.tokens[i])
    return _RE_ROLE.fullmatch(doc.text, end, token_end) is not None


def _organizations(doc: _Doc) -> None:  # noqa: C901, PLR0912, PLR0915 - suffix grammar and its exceptions
    _epidemic_bodies(doc)
    text = doc.text
    spans: list[tuple[int, int]] = []
    for match in _RE_ORG_SUFFIX.finditer(text):
        start, end = match.span()
        suffix = match.group()
        if _RE_PARTY_ROLE.match(text, start):
            continue
        if (
            end < len(text)
            and end not in doc.index_at
            and text[end : end + 2] != suffix + "长"
            and not _role_glued_after(doc, end)
        ):
            continue  # inside a word, unless it is 科|科长 (the segmenter's 科科长) or 事务所|律师 glued
        single = len(suffix) == 1
        if single and _SINGLE_ORG_SUFFIX_BLOCK.match(text, end):
            continue
        if suffix in _WEAK_ORG_SUFFIXES and text[end : end + 1] in {"长", "里", "的"}:
            continue
        if single and text[end : end + 2] != suffix + "长":
            pair = text[max(0, end - 2) : end]
            if doc.known(pair) and doc.tag(pair) != "nt" and pair[0] not in "省市区县旗盟镇乡村党":
                continue  # 格局, 大局, 场所, 家庭: a common word that ends like an organisation
        if suffix == "公安" and _RE_POLICE_BLOCK.match(text, end):
            continue  # 公安机关, 公安民警: the police in general, not one force
        if start not in doc.index_at:
            tok_start = _token_start_before(doc, start)
            word = text[tok_start:end]
            after_org = bool(spans) and spans[-1][1] == tok_start  # 交管支队|指挥中心: a unit of the one before
            after_place = tok_start > 0 and doc.tag(text[_token_start_before(doc, tok_start - 1) : tok_start]) == "ns"
            if (
                doc.known(word)
                and doc.tag(word) not in {"nt", "ns", "nz"}
                and not _RE_ORG_SUFFIX.fullmatch(word)
                and not (word[0] in "省市区县旗盟州" and _RE_ORG_SUFFIX.fullmatch(word[1:]))  # 县公安局
                and not after_org
                and not after_place  # 榆林市|律师协会: a place names the body
            ):
                continue
            if any(c in _FUNCTION_CHARS for c in word[: len(word) - len(suffix)]):
                continue
            start = tok_start
        if not doc.free(start, end):
            continue
        named = len(text[start:end]) > len(suffix) and not _RE_ORG_SUFFIX.fullmatch(text[start:end])
        first = _extend_left(
            doc,
            start,
            limit=8,
            named=named,
            joined=suffix in _DEPARTMENT_SUFFIXES,
            functional=suffix in _FUNCTIONAL_UNIT_SUFFIXES,
            adjacent_names=len(suffix) >= _MIN_NAME and suffix not in _WEAK_ORG_SUFFIXES,
        )
        if suffix in _FIRM_SUFFIXES and match.start() - first < _MIN_NAME:
            first = _firm_name_start(doc, match.start(), first)  # 青海|树|人|律师事务所: a firm's name is any word
        first = _admin_glued_start(doc, first)  # 前|郭|县公安局: the county's name before the unit glued to it
        if suffix in _COMMITTEE_SUFFIXES and text[first:start] in _ORDINARY_NAME_HEADS:
            named_at = _ordinary_place_name(doc, first)  # 幸福|社区|居民委员会: the community named by a word
            if named_at < first:
                first = _extend_left(doc, named_at, limit=0, places_only=True, named=True)
        prefix = text[first:start]
        chained = bool(spans) and first <= spans[-1][1]
        touching = bool(spans) and spans[-1][1] == start
        if not prefix and not named and not touching:
            if suffix in _BARE_ORGS and text[start - 1 : start] not in _DETERMINERS and text[start - 1 : start] != "级":
                spans.append((start, end))
            continue
        if single and len(prefix) < 2 and not touching and not named:  # noqa: PLR2004 - a length or count threshold of the rule
            continue
        if prefix and prefix in _GENERIC_PLACES and not touching:
            continue
        if len(prefix) == 1 and prefix not in "省市区县旗盟州" and not touching and not named:
            continue  # 局党总支, 院党委: a part of an unnamed organisation
        if touching or chained:
            _merge_span(spans, first, end)
        else:
            spans.append((first, end))
    for start, end in _with_subunits(doc, spans):
        if doc.free(start, end) and not doc.in_slogan(start, end) and text[start:end] not in _GENERIC_ORGS:
            doc.add(MentionKind.ORGANIZATION, start, end, text[start:end])


_SUBUNITS = _words(
    "派出所 司法所 检察室 检察部 执行局 人民法庭 法庭 法官工作站 工作站 指挥中心 中心 分局 交警支队 交警大队 "
    "刑警大队 特警支队 特警大队 巡特警大队 交管支队 大队 中队 支队 监区 分监区 科 股 庭 室 处 门诊 住院部"
)
_RE_SUBUNIT_AFTER = regex.compile(r"(?P<gap>[\p{Han}\d]{0,8}?)(?P<unit>" + _alt(_SUBUNITS) + r")(?![长员])")
_NAME_FUNCTION_CHARS = _FUNCTION_CHARS - {"都", "那"}
"""Function characters that are no name part even inside a name (都 and 那 open or end many place names)."""
_GAP_STOP_TAGS = frozenset(["v", "vd", "p", "c", "r", "rr", "rz", "u", "uj", "ul", "uz", "ug", "ud", "uv", "y", "e"])


def _with_subunits(doc: _Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An organisation and the unit of it named right after (``县公安局|城北|派出所``, ``戒毒所|二|大队``).

    The unit's own name may be any nouns, numbers or unknown words (``磨憨边境``, ``高速一``, ``驻磨憨``);
    a verb, a function word, a title or punctuation between them ends the organisation.
    """
    text = doc.text
    out: list[tuple[int, int]] = []
    for start, found_end in sorted(spans):
        if out and start < out[-1][1]:
            continue  # swallowed by the unit of the organisation before it
        end = found_end
        while (match := _RE_SUBUNIT_AFTER.match(text, end)) is not None and _unit_gap(doc, match):
            end = match.end()
        out.append((start, end))
    return out


def _unit_gap(doc: _Doc, match: regex.Match[str]) -> bool:
    """Whether the words between an organisation and a unit name the unit (no verb, title or function word)."""
    gap = match.group("gap").removeprefix("驻")  # 驻磨憨: "stationed at", part of the unit's name
    start = match.end("gap") - len(gap)
    unit_end = match.end()
    if len(gap) >= _MIN_NAME + 1 and _RE_TRANSLIT_RUN.fullmatch(gap) and doc.free(match.start(), unit_end):
        return True  # 法院|奥依托格拉克|人民法庭: a transliterated name, whatever words the segmenter made of it
    unit_start = match.start("unit")
    host = bisect.bisect_right(doc.starts, unit_start) - 1
    if (
        not _free_of_function_words(gap, inner=_NAME_FUNCTION_CHARS)
        or _RE_ROLE.search(gap)
        or not doc.free(match.start(), unit_end)
        or (unit_end < len(doc.text) and unit_end not in doc.index_at and len(match.group("unit")) == 1)
        or (
            doc.starts[host] < unit_start
            and doc.known(doc.tokens[host])
            and doc.tag(doc.tokens[host]) not in {"n", "nt", "nz", "ns"}
        )  # 监狱|地处: a word that ends like a unit
    ):
        return False
    i = bisect.bisect_right(doc.starts, start) - 1
    while i < len(doc.tokens) and doc.starts[i] < match.end("gap"):
        token_end = doc.starts[i] + len(doc.tokens[i])
        inside = doc.starts[i] >= start and token_end <= match.end("gap")
        if inside and len(doc.tokens[i]) > 1 and doc.tag(doc.tokens[i]) in _GAP_STOP_TAGS:
            return False  # a verb or function word; one character tagged so is mostly a name part (磨|憨, 东盛|涌)
        i += 1
    return True


def _token_start_before(doc: _Doc, offset: int) -> int:
    i = bisect.bisect_right(doc.starts, offset) - 1
    return doc.starts[max(i, 0)]


_STRONG_LOC_SUFFIXES = frozenset(
    [
        "街道",
        "社区",
        "小区",
        "苏木",
        "嘎查",
        "村",
        "镇",
        "乡",
        "路",
        "街",
        "大道",
        "大街",
        "家园",
        "花园",
        "公寓",
        "新村",
    ]
)


def _locations(doc: _Doc) -> None:  # noqa: C901, PLR0912, PLR0915 - suffix grammar, then dictionary places
    text = doc.text
    spans: list[tuple[int, int]] = []
    for match in _RE_LOC_SUFFIX.finditer(text):
        start, end = match.span()
        suffix = match.group()
        if end < len(text) and end not in doc.index_at and not _glued_head(doc, start, suffix):
            continue  # inside a longer word: 市场, 区域, 村民
        if len(suffix) == 1 and _RE_ROLE.match(text, start):
            continue  # 村医, 镇长: the head opens a title
        tok_start = start if start in doc.index_at else _token_start_before(doc, start)
        word = text[tok_start:end]
        if not doc.free(tok_start, end) or word in _DETERMINER_PLACES or word in _MISTAGGED_PLACES:
            continue
        if (
            doc.jb.freq.get(word, 0) >= _KNOWN_WORD_FREQ
            and len(word) > len(suffix)
            and doc.tag(word) not in {"ns", "nr", "nrt", "nz", None}
            and not _dictionary_road(doc, word, suffix)
        ):
            continue  # a common word that ends like a place (城市, 超市, 坐镇, 党旗, 返乡)
        tail = next((t for t in _GENERIC_TAILS if word.endswith(t)), "")
        if len(tail) > len(suffix) and (doc.tag(word) != "ns" or doc.tag(word[: -len(suffix) - 1]) in _QUALIFIER_TAGS):
            continue  # 超市, 大型超市 (a dictionary "place" made of a qualifier and a common noun), not 东城区
        if word[: -len(suffix)] in _PLACE_OBJECT_VERBS:
            continue  # 居住小区, 住宅小区: a kind of place the dictionary holds as one word
        named = len(word) > len(suffix) and word not in _GENERIC_PLACES
        if named and suffix in _TOWN_SUFFIXES and (len(word) == len(suffix) + 1 or not doc.known(word)):
            named = False  # 天|山镇, 巴彦|托海镇: the segmenter cut the town's name; its first part is to the left
        limit = 6 if suffix in _STRONG_LOC_SUFFIXES else 4
        first = _extend_left(doc, tok_start, limit=limit, places_only=True, named=named)
        first = _adjust_place_start(doc, first, tok_start, end, suffix)
        if first == tok_start and tok_start in doc.index_at:
            first = _cut_place_name(doc, tok_start, cut=not named and len(word) == len(suffix) + 1)
        if first == tok_start and word in _MONGOLIAN_HEADS:
            first = _translit_place_name(doc, tok_start)
        elif first < tok_start and _RE_TRANSLIT_RUN.fullmatch(text, first, tok_start) and first - 1 not in doc.org_ends:
            first = _translit_place_name(doc, first)  # 塔什|米|里克|乡: a transliterated name cut anywhere
        name = text[first:end]
        if len(name) <= len(suffix) or name in _GENERIC_PLACES or name[0] in _DETERMINERS:
            continue
        if suffix == "区" and doc.tag(name[:-1]) in {"v", "vn"} and first in doc.index_at:
            continue  # 执勤|区: an activity and a generic area, not a name
        if len(suffix) == 1 and suffix in "路街巷港村区旗" and len(name) < 3 and doc.tag(name) != "ns":  # noqa: PLR2004 - a length or count threshold of the rule
            continue
        _merge_span(spans, first, end)
    # 207国道, G210国道, 国道318线, 经济技术开发区
    spans.extend(road.span() for road in _RE_NUMBERED_ROAD.finditer(text) if doc.free(*road.span()))
    spans.extend(_highways(doc))
    spans.extend(_cued_places(doc))
    spans.extend(_numbered_points(doc))  # 5号防控点, 城区北出口6号防控点
    spans.extend(_highway_points(doc))
    spans.sort()
    # dictionary place names without a suffix (武汉, 湖北)
    for i in itertools.compress(itertools.count(), map(operator.eq, doc.token_tags, itertools.repeat("ns"))):
        token = doc.tokens[i]
        if (
            len(token) < _MIN_NAME
            or token in _GENERIC_PLACES
            or token in _MISTAGGED_PLACES
            or token.endswith(_GENERIC_TAILS)  # 大型超市
        ):
            continue
        if (
            i > 0
            and len(doc.tokens[i - 1]) == 1
            and doc.tokens[i - 1] in _SURNAMES
            and doc.tag(doc.tokens[i - 1]) not in _FUNCTION_TAGS
        ):
            continue  # 马 + 桂兰: a person the segmenter split (not 向 + 武汉, "towards Wuhan")
        start = doc.starts[i]
        if i > 0 and doc.tokens[i - 1][-1] in _SURNAMES and start - 1 in doc.role_ends():
            continue  # 网格|长孟|长江: a name after a title (网格长孟长江), glued by the segmenter
        end = start + len(token)
        line_start = start == 0 or text[start - 1] == "\n"
        if doc.jb.freq.get(token, 0) < 2000 and not (  # noqa: PLR2004 - a length or count threshold of the rule
            _PLACE_BEFORE.search(text, max(0, start - 4), start)
            or _PLACE_AFTER.match(text, end)
            or line_start
            or (spans and spans[-1][1] == start)
        ):
            continue
        spans.append((start, end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        _merge_span(merged, start, end)
    role_starts_by_end = {end: start for start, end in doc.role_spans()}
    for found_start, found_end in merged:
        start = _chain_start(doc, _after_role(found_start, found_end, role_starts_by_end), found_end)
        if found_end - start < _MIN_NAME:
            continue
        last_unit_end = _last_unit_end(text, start, found_end)  # 托克扎克镇|阿亚: a unit inside the span
        chain_end = _chain_end(doc, found_end)
        if last_unit_end != found_end:
            chain_end = max(chain_end, _chain_end(doc, last_unit_end))
        end = _place_end(doc, start, chain_end)
        if doc.free(start, end) and not doc.in_slogan(start, end):
            doc.add(MentionKind.LOCATION, start, end, text[start:end])
    _short_place_names(doc)


# -- the administrative chain ------------------------------------------------------------------------------------------
_LEVELS: dict[str, int] = {
    **dict.fromkeys(_words("省 自治区 特别行政区"), 1),
    **dict.fromkeys(_words("州 盟 地区 自治州"), 2),
    "市": 2,  # a prefecture city; a county-level city (靖西市) is allowed below another 市 by _LEVEL_BELOW
    **dict.fromkeys(_words("县 区 旗 自治县 自治旗"), 3),
    **dict.fromkeys(_words("镇 乡 街道 苏木 民族乡"), 4),
    **dict.fromkeys(_words("村 社区 嘎查 居民区"), 5),
    **dict.fromkeys(_words("小区 组 屯 寨 庄 坪 湾 沟 坡 岭 营 堡 铺 垌 坝"), 6),
    **dict.fromkeys(_words("口岸 公路口岸 铁路口岸 国际机场 机场 火车站 高铁站 服务区 景区 市场 码头"), 7),
}
"""Administrative (and below them, settlement) units by their level, highest first."""
_RE_CHAIN_UNIT = regex.compile(
    r"(?P<name>[\p{Han}]{1,6}?|[\d一二三四五六七八九十]{1,3})(?P<suffix>" + _alt(_LEVELS) + r")"
)
_UNIT_SUFFIX_END = regex.compile("(?:" + _alt(_LEVELS) + ")$")
_RE_UNIT_START = regex.compile(_alt(_LEVELS))
_LONGEST_UNIT = max(map(len, _LEVELS))
_RE_NA_NAME = regex.compile(r"[那都][^个些里儿边种样是有在会要没不]")
"""那 opens many southern place names (那坡屯, 那良镇: Zhuang *na*, a rice field), unlike 那个, 那些."""


def _free_of_function_words(name: str, *, inner: frozenset[str] = _FUNCTION_CHARS) -> bool:
    """Whether ``name`` holds no function word (of ``inner`` after its first character); 那 or 都 may open it.

    ``那坡``, ``都江`` are names; ``那个``, ``都是`` are not.
    """
    return inner.isdisjoint(name[1:]) and (name[:1] not in _FUNCTION_CHARS or _RE_NA_NAME.match(name) is not None)


_NUMBERED_UNITS = frozenset(["组"])
_RE_UNIT_NUMBER = regex.compile(r"[\d一二三四五六七八九十]+")
_SETTLEMENT_LEVEL = 6
_UNIT_WORD_FREQ = 100


def _level(place: str) -> int | None:
    match = _UNIT_SUFFIX_END.search(place)
    return None if match is None else _LEVELS[match.group()]


def _chain_end(doc: _Doc, end: int) -> int:
    """Extend a place over the lower units written right after it (…镇|新灶村|那坡屯, …村|三组).

    The segmenter cuts such names anywhere (镇付|畈|村, 镇米|岗|村守), so the units are read by their
    suffixes: a name of one to five characters (digits only for 组) and a unit of a lower level than
    the one before, where the unit's character does not open a common word (村民, 组长, 市场).
    A place found without its unit (漕河 before 镇) takes the unit first.
    """
    text = doc.text
    level = _level(text[max(0, end - _LONGEST_UNIT) : end])
    if level is None:
        unit = _UNIT_SUFFIX_END.search(text, end, end + 1) and text[end]
        if not unit or not _unit_stands(doc, end, end + 1) or not doc.free(end, end + 1):
            return end
        level, end = _LEVELS[unit], end + 1  # 漕河|镇付: the town's unit glued to the next name
    while (match := _RE_CHAIN_UNIT.match(text, end)) is not None:
        name, suffix = match.group("name"), match.group("suffix")
        unit_end = match.end()
        longer = _RE_UNIT_START.match(text, unit_end)
        if (
            longer is not None
            and level < _LEVELS[longer.group()]
            and (_LEVELS[suffix] == _SETTLEMENT_LEVEL or len(name) == 1)
            and _unit_stands(doc, longer.start(), longer.end())
        ):
            name, suffix, unit_end = name + suffix, longer.group(), longer.end()  # 三道营|村, 鹿乡|镇: in the name
        elif (village := _village_after_settlement(text, unit_end, suffix, level)) is not None:
            name = name + suffix + village.group("name")  # 沙坡|头村: 坡 inside a village's name
            suffix, unit_end = village.group("suffix"), village.end()
        unit_level = _LEVELS[suffix]
        if (
            (unit_level <= level and not (suffix == "市" and level == _LEVELS["市"]))
            or not doc.free(end, unit_end)
            or not _free_of_function_words(name)
            or name[0] in _LEVELS
            or (_RE_UNIT_NUMBER.fullmatch(name) is not None) != (suffix in _NUMBERED_UNITS)
            or (len(name) == 1 and unit_level < _SETTLEMENT_LEVEL - 1)
            or not _unit_stands(doc, unit_end - len(suffix), unit_end)
            or _RE_ROLE.match(text, unit_end - len(suffix))
            or (suffix not in _NUMBERED_UNITS and doc.tag(name + suffix) in _BOUNDARY_TAGS)  # 驻村: a verb
            or (len(name) == 1 and doc.tag(name) == "v")
        ):
            break
        level, end = unit_level, unit_end
    return end


def _after_role(start: int, end: int, role_starts_by_end: dict[int, int]) -> int:
    """Where a place starts that a title ends inside (局|长沙|马拉且: 局长 + 沙马拉且, not 长沙)."""
    for position in range(start + 1, min(end, start + 3)):
        role_start = role_starts_by_end.get(position)
        if role_start is not None and role_start < start:
            return position
    return start


def _last_unit_end(text: str, start: int, end: int) -> int:
    """The end of the last administrative unit inside ``start:end`` (托克扎克镇|阿亚: after 镇), or ``end``."""
    for position in range(end - 1, start, -1):
        if _level(text[max(start, position - _LONGEST_UNIT) : position]) is not None:
            return position
    return end


def _village_after_settlement(text: str, end: int, suffix: str, level: int) -> regex.Match[str] | None:
    """A village unit one character after a settlement suffix (沙坡|头村), which then belongs to its name."""
    if _LEVELS[suffix] != _SETTLEMENT_LEVEL:
        return None
    village = _RE_CHAIN_UNIT.match(text, end)
    if village is None or len(village.group("name")) != 1:
        return None
    return village if level < _LEVELS[village.group("suffix")] < _SETTLEMENT_LEVEL else None


def _unit_stands(doc: _Doc, start: int, end: int) -> bool:
    """Whether the unit at ``start:end`` ends the name rather than opening a common word (村民, 区域)."""
    word = doc.text[start : end + 1]
    return len(word) == end - start or doc.jb.freq.get(word, 0) < _UNIT_WORD_FREQ or word in _LEVELS


def _chain_start(doc: _Doc, start: int, end: int) -> int:
    """``九台|区其塔木镇``: a place that opens with a unit character belongs to the name before it."""
    text = doc.text
    if text[start] not in _ADMIN_CHARS or end - start <= 1:
        return start
    i = doc.index_at.get(start)
    if not i:
        return start
    token = doc.tokens[i - 1]
    if not _plain_name_token(doc, token, doc.starts[i - 1]) or doc.tag(token) in _BOUNDARY_TAGS - {"m"}:
        return start
    return _extend_left(doc, doc.starts[i - 1], limit=0, places_only=True, named=True)


_CUED_HEADS = _words(
    "镇 乡 村 社区 小区 街道 口岸 公路口岸 铁路口岸 航空口岸 苏木 嘎查 屯 寨 居民区 花园 家园 "
    "国际机场 机场 火车站 高铁站 路 街 大道 胡同 酒店集中隔离点 酒店隔离点 宾馆隔离点 "
    "市场 码头 大桥 检查站 收费站"
)
_KIND_NAMED_HEADS = frozenset(["市场", "码头", "大桥"])
"""Heads often named by a kind rather than a name (建材市场, 货运码头): a common word is no name."""
_LONG_NAME_HEADS = frozenset(["酒店集中隔离点", "酒店隔离点", "宾馆隔离点"])
"""Heads whose names are long (维也纳国际|酒店集中隔离点): the name may run to eight characters."""
_CUED_BARRIERS = ("卡点", "卡口", "检查站", "检测点", "监测点", "防控点", "采样点", "检查点", "隔离点")
_RE_CUED_HEAD = regex.compile(_alt(_CUED_HEADS))
_CLAUSE_CUES = frozenset("，。；：、（")
_PLACE_CUES = frozenset("在到于赴往至进入了的守驻经从由抵") | _CLAUSE_CUES
_CUED_STOP_TAGS = frozenset(
    ["v", "vd", "vn", "vq", "vg", "p", "c", "r", "d", "a", "ad", "u", "uj", "ul", "q", "f", "t", "l", "i"]
)


def _cued_places(doc: _Doc) -> Iterator[tuple[int, int]]:
    """A place named right after a word that puts it in a place slot: ``守在|弄岛镇``, ``的|歇武镇``, ``深入|进学街道``.

    The segmenter often glues a town's or estate's first character to the word before it (弄|岛,
    进|学); between a cue (``在``, ``到``, ``进``, ``的``, …) and the head, two to five characters
    with no function word, verb or qualifier are the name, whatever words the segmenter made.
    """
    text = doc.text
    for match in _RE_CUED_HEAD.finditer(text):
        head_start, end = match.span()
        if (
            end < len(text)
            and end not in doc.index_at
            and not text.startswith(_CUED_BARRIERS, end)
            and _chain_end(doc, end) == end
        ):
            continue  # inside a word (镇上), unless it goes on with a checkpoint (吉隆|镇卡点) or a unit (乡然|日卡村)
        i = bisect.bisect_right(doc.starts, head_start) - 1
        if doc.starts[i] < head_start and doc.jb.freq.get(doc.tokens[i], 0) >= _KNOWN_WORD_FREQ:
            continue  # 返乡, 城镇: the head ends a common word
        for size in range(_MIN_NAME, 9 if match.group() in _LONG_NAME_HEADS else 6):
            start = head_start - size
            if start < 1 or text[start - 1] not in _PLACE_CUES:
                continue
            name = text[start:head_start]
            if match.group() in _KIND_NAMED_HEADS and _common_word(doc, name):
                break  # 的建材市场: a kind of market, not its name
            if _cued_name(doc, start, head_start, strict=text[start - 1] in _CLAUSE_CUES):
                yield start, end
            break


def _common_word(doc: _Doc, word: str) -> bool:
    """Whether ``word`` is a frequent dictionary word that is no name (建材, 货运; not 三江)."""
    return doc.jb.freq.get(word, 0) >= _RARE_FREQ and doc.tag(word) not in {"ns", "nz", "nr", "nrt"}


def _counted_name(doc: _Doc, start: int, name: str) -> bool:
    """Whether a name starts with a numeral that is no place word's (三个 is a count, 三亚 a city)."""
    if name[0] not in _NUMERAL_CHARS:
        return False
    i = doc.index_at.get(start)
    return i is None or doc.tag(doc.tokens[i]) != "ns"


def _cued_name(doc: _Doc, start: int, end: int, *, strict: bool = False) -> bool:
    """Whether ``start:end`` can be the name of a place after a cue (no function word, verb or qualifier).

    After punctuation (``strict``) rather than a word of place, no word of the name may be a verb or a
    qualifier however rare (``，重点排查社区``).
    """
    name = doc.text[start:end]
    if (
        _HAN.fullmatch(name) is None
        or not _free_of_function_words(name, inner=frozenset())  # the words inside are checked below
        or name[0] in _DETERMINERS
        or _counted_name(doc, start, name)
        or name[0] in _NEGATIONS
        or name in _GENERIC_PLACES
        or name in _PLACE_OBJECT_VERBS
        or name in _STOP_TOKENS
        or name in _ROAD_QUALIFIERS
        or _RE_ROLE.search(name)
        or _RE_ORG_SUFFIX.search(name)
        or not doc.free(start, end)
    ):
        return False
    i = bisect.bisect_right(doc.starts, start) - 1
    while i < len(doc.tokens) and doc.starts[i] < end:
        token = doc.tokens[i]
        inside = doc.starts[i] >= start and doc.starts[i] + len(token) <= end
        if inside and (
            (
                len(token) > 1
                and doc.tag(token) in _CUED_STOP_TAGS
                and (strict or doc.jb.freq.get(token, 0) >= _RARE_FREQ)
            )
            or (len(token) == 1 and token in _FUNCTION_CHARS and doc.starts[i] > start)
            or token in _GENERIC_PLACES
            or token in _STOP_TOKENS
            or _is_count(doc, i)
        ):
            return False  # 在|打扫|小区, 的|老旧|小区, 到|辖区|…, 在|这|个: a verb, qualifier, generic place, count
        i += 1
    return True


_HIGHWAY_HEADS = frozenset(["公路", "高速公路"])
_HIGHWAY_NAME_TAGS = frozenset([None, "ns", "nr", "nrt", "nz", "j"])


def _highways(doc: _Doc) -> Iterator[tuple[int, int]]:
    """``张慈公路``, ``沪|昆|公路``: a highway named by its two ends, a short name the dictionary lacks.

    The name is one or two tokens of two to four characters before 公路 that the dictionary does not
    hold as common words (unknown words, place or name tags, one-character abbreviations), so
    ``修好公路`` and ``乡村公路`` stay generic.
    """
    for i in itertools.compress(itertools.count(), map(_HIGHWAY_HEADS.__contains__, doc.tokens)):
        end = doc.starts[i] + len(doc.tokens[i])
        first = doc.starts[i]
        for j in range(i - 1, max(i - 3, -1), -1):
            token = doc.tokens[j]
            if (
                _HAN.fullmatch(token) is None
                or doc.taken[doc.starts[j]]
                or not _FUNCTION_CHARS.isdisjoint(token)
                or token in _GENERIC_PLACES
                or token in _STOP_TOKENS
                or doc.tag(token) not in _HIGHWAY_NAME_TAGS
                or (len(token) > 1 and doc.jb.freq.get(token, 0) >= _COMMON_NAME_PART_FREQ)
                or doc.starts[i] - doc.starts[j] > _MAX_PERSON_TOKEN
            ):
                break
            first = doc.starts[j]
        if _MIN_NAME <= doc.starts[i] - first <= _MAX_PERSON_TOKEN and _free_outside_slogans(doc, first, end):
            yield first, end


def _free_outside_slogans(doc: _Doc, start: int, end: int) -> bool:
    """Whether ``start:end`` is free and not inside a quoted slogan."""
    return doc.free(start, end) and not doc.in_slogan(start, end)


_RE_EXIT_BEFORE = regex.compile(r"(?:出口|入口|路口|道口)$")
_EXIT_NAME_TAGS = frozenset(["n", "ns", "nz", "f", "s", "j", None])


def _numbered_points(doc: _Doc) -> Iterator[tuple[int, int]]:
    """A checkpoint with a number (``5号防控点``), with the exit or crossing it stands at (``城区北出口``)."""
    text = doc.text
    for match in _RE_NUMBERED_POINT.finditer(text):
        start, end = match.span()
        if not doc.free(start, end):
            continue
        exit_word = _RE_EXIT_BEFORE.search(text, max(0, start - 2), start)
        if exit_word is not None:
            for size in range(5, 0, -1):
                first = exit_word.start() - size
                if first >= 0 and _exit_description(doc, first, exit_word.start()):
                    start = first
                    break
        yield start, end


def _exit_description(doc: _Doc, start: int, end: int) -> bool:
    """Whether ``start:end`` describes an exit by nouns and directions (``城区北``), from a token boundary."""
    i = doc.index_at.get(start)
    if i is None or not doc.free(start, end) or not _FUNCTION_CHARS.isdisjoint(doc.text[start:end]):
        return False
    while i < len(doc.tokens) and doc.starts[i] < end:
        if doc.tag(doc.tokens[i]) not in _EXIT_NAME_TAGS or doc.tokens[i][0] in _DETERMINERS:
            return False
        i += 1
    return True


_RE_HIGHWAY_POINT = regex.compile(r"高速(?:公路)?(?P<place>\p{Han}{2,5}?)(?:收费站|出口|入口|互通|服务区)")
_RE_ROAD_NUMBER_ONLY = regex.compile(r"[GS]\d{1,4}$")
_RE_ROAD_NUMBER_BEFORE = regex.compile(r"[GS]\d{1,4}$")


def _at_word_start(doc: _Doc, offset: int) -> bool:
    """Whether a word starts at ``offset``, also after a preposition the segmenter glued to it (在|京…: 在京)."""
    return offset in doc.index_at or (offset - 1 in doc.index_at and doc.text[offset - 1] in _PREPOSITIONS)


def _highway_points(doc: _Doc) -> Iterator[tuple[int, int]]:
    """``京港澳高速衡阳北出口``, ``G60沪昆高速衢州西收费站``: a highway and the place of its exit or station.

    The highway's name is two to four characters before 高速 that start a word (the segmenter may
    glue a preposition to it: 在京|港澳); a road number before it belongs to the name.
    """
    text = doc.text
    for match in _RE_HIGHWAY_POINT.finditer(text):
        place, end = match.group("place"), match.end()
        if not _FUNCTION_CHARS.isdisjoint(place) or place in _GENERIC_PLACES or place[0] in _DETERMINERS:
            continue
        bare = _RE_ROAD_NUMBER_ONLY.search(text, max(0, match.start() - 5), match.start())
        if bare is not None and _free_outside_slogans(doc, bare.start(), end):
            yield bare.start(), end  # S21高速富蕴出口: a highway by its number alone
            continue
        for size in (4, 3, 2):
            start = match.start() - size
            road = text[start : match.start()]
            if (
                start < 0
                or _HAN.fullmatch(road) is None
                or not _FUNCTION_CHARS.isdisjoint(road)
                or road in _GENERIC_PLACES
                or road[0] in _DETERMINERS
                or not _at_word_start(doc, start)
            ):
                continue
            number = _RE_ROAD_NUMBER_BEFORE.search(text, max(0, start - 5), start)
            start = number.start() if number is not None else start
            if _free_outside_slogans(doc, start, end):
                yield start, end
            break


_RE_STATION_AFTER = regex.compile(
    r"[东南西北]?(?:火车|高铁|汽车|客运)?[东南西北]?站(?![长点台内外前口务])|(?:火车|高铁|汽车|客运)站"
)
_PROVINCES = frozenset(
    _words(
        "河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 "
        "甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆"
    )
)
"""Provinces and regions written without their suffix (general knowledge): a city name often follows."""


_RE_NUMBERED_ROAD = regex.compile(
    r"(?<![\d\p{Latin}])(?:[GS]?\d{1,4}(?:国道|省道|县道)|(?:国道|省道|县道)[GS]?\d{1,4}线?)(?![\d\p{Latin}])"
    r"|(?:经济技术|高新技术产业|高新技术)开发区"
)
"""Numbered roads, and zones written by their official name (a place, unlike a bare 开发区)."""
_CHECKPOINT_WORDS = ("检查站", "检测点", "监测点", "防控点", "采样点", "检查点", "隔离点")
"""A checkpoint right after a place is named by it (``207国道检查站``); 卡点 and 卡口 stay out of the name."""


_CHECKPOINT_MODIFIERS = frozenset(_words("健康 核酸 体温 疫情 防疫 集中 临时"))
_CHECKPOINT_NAME_TAGS = frozenset(["n", "vn", "nz", "ns", "nt", "j", "s", "m", "b", "f", None])
_BARRIER_WORDS = frozenset(["卡口", "卡点"])
_RE_CHECKPOINT_AFTER = regex.compile(
    r"(?P<desc>[\p{Han}\d]{0,8}?)(?P<head>" + "|".join([*_CHECKPOINT_WORDS, *_BARRIER_WORDS]) + ")"
)
_RE_NUMBER_SIGN_BEFORE = regex.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})号$")
_RE_NUMBERED_POINT = regex.compile(
    r"(?<![\d号])(?:\d{1,3}|[一二三四五六七八九十]{1,3})号(?:" + "|".join(_CHECKPOINT_WORDS) + r"|卡口|卡点|执勤点)"
)


_RE_COUNT_TOKEN = regex.compile(r"[\d一二两三四五六七八九十百几多]+(?P<classifier>[个处名家座条道所间批只])?")


def _is_count(doc: _Doc, i: int) -> bool:
    """Whether token ``i`` is a count (``两处``, ``3|个``), not a number in a name (``十一|学校``, ``3|号``)."""
    match = _RE_COUNT_TOKEN.fullmatch(doc.tokens[i])
    if match is None:
        return False
    if match.group("classifier"):
        return True
    after = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else ""
    return doc.tag(after) == "q" or after[:1] in "个处名家座条道所间批只"


def _checkpoint_end(doc: _Doc, end: int) -> int | None:
    """The end of a checkpoint named after the place ending at ``end`` (``十一学校检测点``), or None.

    Up to eight characters of noun or number words may name the point after the place
    (``镇|西门外|防控点``, ``区|第二集中|隔离点``); verbs, determiners and counts stop it
    (``…村设立检查站``, ``…县3个检测点``, ``…服务区两处防控点`` are no names).  The words are read by
    characters, since the segmenter glues the point to what follows (``采样|点前``).
    """
    text = doc.text
    match = _RE_CHECKPOINT_AFTER.match(text, end)
    if match is None or not doc.free(end, match.end()):
        return None
    head_start = match.start("head")
    if match.group("head") in _BARRIER_WORDS and not _RE_NUMBER_SIGN_BEFORE.search(text, end, head_start):
        return None  # 红旗村卡口: the barrier of the place is no name of its own; 口岸3号卡口 is
    description = match.group("desc")
    if description and (
        description[0] in _DETERMINERS or not _FUNCTION_CHARS.isdisjoint(description) or _RE_ROLE.search(description)
    ):
        return None
    i = doc.index_at.get(end)
    while i is not None and i < len(doc.tokens) and doc.starts[i] + len(doc.tokens[i]) <= head_start:
        token = doc.tokens[i]
        token_end = doc.starts[i] + len(token)
        if _is_count(doc, i) or (token not in _CHECKPOINT_MODIFIERS and doc.tag(token) not in _CHECKPOINT_NAME_TAGS):
            return None
        i = doc.index_at.get(token_end)
    return match.end()


_RE_EXIT_AFTER = regex.compile(r"[东南西北](?:出口|入口|收费站|服务区|互通)")


def _place_end(doc: _Doc, start: int, end: int) -> int:
    """Correct the end of a place name where the segmenter glued or split its last part."""
    text = doc.text
    checkpoint = _checkpoint_end(doc, end)
    if checkpoint is not None:
        return checkpoint  # 207国道|检查站, 文明路社区|十一|学校|检测点: a checkpoint named by its place
    if text.startswith(_ROAD_SPLITS, end) and doc.token_end(end) == end + 2 and text[end - 1] != "路":
        return end + 1  # 昆仑|路上: the segmenter glued the road suffix to a locative
    station = _RE_STATION_AFTER.match(text, end) or _RE_EXIT_AFTER.match(text, end)
    if station and (station.end() == len(text) or station.end() in doc.index_at) and doc.free(end, station.end()):
        return station.end()  # 郑州|东站, 广州|北出口: a station or a highway exit named after its city
    if text[start:end] in _PROVINCES:
        return _city_after_province(doc, end)  # 河南|周口: a province and a city the dictionary lacks
    return end


def _city_after_province(doc: _Doc, end: int) -> int:
    """The end of ``河南周口``: a rare two-character noun right after a province is its city."""
    i = doc.index_at.get(end)
    if i is None:
        return end
    token = doc.tokens[i]
    after = end + len(token)
    if (
        len(token) != _MIN_NAME
        or _HAN.fullmatch(token) is None
        or doc.taken[end]
        or not _FUNCTION_CHARS.isdisjoint(token)
        or token in _GENERIC_PLACES
        or doc.jb.freq.get(token, 0) >= _RARE_FREQ
        or doc.tag(token) not in {"n", "ns", "nr", "nz", None}
        or _RE_LOC_SUFFIX.match(doc.text, after)
        or _RE_ORG_SUFFIX.match(doc.text, after)
        or not doc.free(end, after)
    ):
        return end
    return after


def _adjust_place_start(doc: _Doc, first: int, tok_start: int, end: int, suffix: str) -> int:
    """Correct the start of a place name found by its suffix where the segmenter or ordinary words mislead."""
    text = doc.text
    if text[first:tok_start] in _PLACE_OBJECT_VERBS:
        first = tok_start  # 消杀|小区: a verb and its object
    if suffix in _ORDINARY_NAME_HEADS and end - first - len(suffix) <= 1:
        first = _ordinary_place_name(doc, first, road=suffix == "路" and _RE_ROAD_AFTER.match(text, end) is not None)
    elif suffix == "收费站" or text.startswith("高速", first):
        first = _station_name(doc, first)
    elif text[tok_start] in _ADMIN_CHARS and end - tok_start > 2 and first == tok_start:  # noqa: PLR2004 - a length or count threshold of the rule
        first = _station_name(doc, first)  # 同仁|市隆务镇: the segmenter glued the suffix to the next name
    if suffix in _VILLAGE_HEADS:
        first = _village_prefix(doc, first)
    if suffix in _STATION_SUFFIXES:
        first = _highway_prefix(doc, first)
    elif first == tok_start and suffix in _PLACE_HEADS and text[first - 1 : first] == "里":
        first = _li_name(doc, first)
    return first


_TOWN_SUFFIXES = frozenset("镇乡")
_GLUED_HEADS = {"路": frozenset(["路卡"]), "街": frozenset(["街卡"]), "村": frozenset(["村村"])}
"""Words the segmenter makes of a place head and the next word: 胜利|路卡|点 (路 + 卡点), 双流|村村|口 (村 + 村口)."""
_ROAD_QUALIFIERS = frozenset(_words("商业 步行 柏油 沥青 水泥 石子 高速 十字 出口 冤枉 一条 盘山 下坡 回头 林荫 乡村"))
"""Words that say what kind of road or street it is (商业街, 柏油路), not which one."""


def _glued_head(doc: _Doc, start: int, suffix: str) -> bool:
    """Whether the place head at ``start`` opens a word the segmenter glued to what follows (胜利|路卡|点)."""
    heads = _GLUED_HEADS.get(suffix)
    if heads is None:
        return False
    i = doc.index_at.get(start)
    if i is None or doc.tokens[i] not in heads:
        return False
    after = start + len(doc.tokens[i])
    return suffix != "村" or doc.text[after : after + 1] == "口"


def _dictionary_road(doc: _Doc, word: str, suffix: str) -> bool:
    """A road the dictionary holds as a word, named by an ordinary word (建设路, 学院路), not a kind of road."""
    stem = word[: -len(suffix)]
    return (
        suffix in {"路", "街"}
        and len(stem) >= _MIN_NAME
        and doc.tag(word) in {"n", "nt"}
        and doc.known(stem)
        and stem not in _ROAD_QUALIFIERS
        and _HAN.fullmatch(stem) is not None
        and not _NUMERAL_CHARS.intersection(stem[:1])
    )


_STATION_SUFFIXES = frozenset(["收费站", "高速东", "高速西"])
_RE_HIGHWAY_BEFORE = regex.compile(r"高速(?:公路)?(\p{Han}?)$")


_MONGOLIAN_HEADS = frozenset(["苏木", "嘎查"])
_RE_TRANSLIT_BEFORE = regex.compile(rf"[{_TRANSLIT_CHARS}]{{2,6}}$")
_RE_TRANSLIT_RUN = regex.compile(rf"[{_TRANSLIT_CHARS}]+")


def _translit_place_name(doc: _Doc, tok_start: int) -> int:
    """``宝力|根|苏木``: a sumu or gacha name is a transliteration, whatever words the segmenter cut it into."""
    match = _RE_TRANSLIT_BEFORE.search(doc.text, max(0, tok_start - 6), tok_start)
    if match is not None and match.start() > 0 and doc.text[match.start() - 1] == "·":
        return tok_start  # the end of a person's name (买买提·吐尔逊), not a place
    if match is None:
        return tok_start
    for start in range(match.start(), tok_start - 1):
        if start in doc.index_at and doc.free(start, tok_start):
            return start
    return tok_start


_CUT_NAME_STOP_TAGS = _BOUNDARY_TAGS - {"q", "a", "ad", "l", "i"}


def _cut_place_name(doc: _Doc, tok_start: int, *, cut: bool) -> int:
    """A name part the segmenter split off, before a town cut in two (天|山镇) or between places (渝北区|龙溪|街道)."""
    i = doc.index_at[tok_start]
    if i < 1:
        return tok_start
    token = doc.tokens[i - 1]
    start = doc.starts[i - 1]
    if (
        len(token) > _MIN_NAME + 1
        or (len(token) == 1 and not cut)
        or _HAN.fullmatch(token) is None
        or doc.taken[start]
        or not _FUNCTION_CHARS.isdisjoint(token)
        or token in _GENERIC_PLACES
        or token in _STOP_TOKENS
        or doc.tag(token) in _CUT_NAME_STOP_TAGS
        or (doc.known(token) and not cut)
    ):
        return tok_start
    if not cut and (i < 2 or _RE_LOC_SUFFIX_END.search(doc.tokens[i - 2]) is None):  # noqa: PLR2004
        return tok_start
    return _extend_left(doc, start, limit=0, places_only=True, named=True)


def _highway_prefix(doc: _Doc, first: int) -> int:
    """The highway before a toll station (沪昆高速醴陵收费站, 杭瑞高速九|江西收费站): ``X高速`` + the station name."""
    text = doc.text
    match = _RE_HIGHWAY_BEFORE.search(text, max(0, first - 5), first)
    if match is None or (match.group(1) and match.group(1) in _FUNCTION_CHARS):
        return first
    head = match.start()
    for size in (2, 3):
        start = head - size
        i = doc.index_at.get(start)
        if i is None or start < 0 or doc.taken[start] or _HAN.fullmatch(text, start, head) is None:
            continue
        if not _FUNCTION_CHARS.isdisjoint(text[start:head]):
            break
        before = text[start - 1 : start]
        if i == 0 or not _HAN.match(before) or doc.tag(doc.tokens[i - 1]) in _BOUNDARY_TAGS:
            return start
    return first


def _li_name(doc: _Doc, first: int) -> int:
    """``和平|里|街道``: 里 ends many place names (和平里, 三里屯); the word before it is the name."""
    i = doc.index_at.get(first - 1)
    if not i:
        return first
    token = doc.tokens[i - 1]
    if (
        len(token) < _MIN_NAME
        or _HAN.fullmatch(token) is None
        or token in _GENERIC_PLACES
        or token in _STOP_TOKENS
        or doc.taken[doc.starts[i - 1]]
        or doc.tag(token) not in {"nz", "ns", "nr", "n", None}
    ):
        return first
    return _extend_left(doc, doc.starts[i - 1], limit=0, places_only=True, named=True)


def _village_prefix(doc: _Doc, first: int) -> int:
    """``、前桃花村``: a one-character position word (前, 东, 大, …) opens many village names."""
    if (
        doc.text[first - 1 : first] in _VILLAGE_PREFIXES
        and first - 1 in doc.index_at
        and _RE_ORDINARY_NAME_LEFT.search(doc.text, max(0, first - 3), first - 1)
    ):
        return first - 1
    return first


_VILLAGE_HEADS = frozenset(["村", "社区", "庄", "屯", "寨"])
_VILLAGE_PREFIXES = frozenset("前后东西南北上下大小新老")
_ORDINARY_NAME_HEADS = frozenset(["社区", "小区", "村", "乡", "路", "大道", "街", "胡同"])
"""Heads whose names are often ordinary words (解放社区, 铸造小区, 前进村)."""
_PLACE_OBJECT_VERBS = frozenset(
    _words(
        "整理 排查 进入 走进 深入 走访 封闭 封控 管控 消杀 清理 打扫 巡查 巡逻 服务 守护 回到 返回 离开 "
        "包联 联系 下沉 对接 覆盖 居住 所在 管理 治理 包保 规划 值守 入驻 进驻 驻守 联防 各个 整个 全部 所有 "
        "部分 周边 附近 本地 外地 当地 城市 农村 城镇 老旧 新建 封闭式 开放式 无物业 重点 目标 高风险 中风险 低风险 "
        "住宅 居民 商品房 安置"
    )
)
"""Words that govern or qualify a place head (整理小区, 封控小区, 老旧小区) and are not its name."""
_RE_ORDINARY_NAME_LEFT = regex.compile(r"(?:^|[，。、；：“（\s]|了|和|与|及|或|其中)$")
_RE_PLACE_LIST_BEFORE = regex.compile(r"(?:社区|小区|村|路|街)、$")
_RE_ORDINARY_NAME_STRONG_LEFT = regex.compile(r"(?:的|到|在|于)$")
_ORDINARY_LEFT_TAGS = frozenset(["r", "v", "uj", "ul", "c", "d"])


_RE_ROAD_AFTER = regex.compile(r"沿线|两侧|两旁|交叉口|交汇处|十字路口|路口|口|段|卡点|卡口|与|和")


def _ordinary_place_name(doc: _Doc, first: int, *, road: bool = False) -> int:
    """Take an ordinary word before 社区/小区/村/路 as its name when the context is a place slot.

    ``得知民主社区`` and ``下辖的铸造小区`` are names; ``整理小区`` (a verb and its object) is not.
    ``road`` says a road head is followed by a word of road geography (``胜利路沿线``), a place slot too.
    """
    text = doc.text
    i = doc.index_at.get(first)
    if i is None or i == 0:
        return first
    token = doc.tokens[i - 1]
    w_start = doc.starts[i - 1]
    if len(token) == 1 and first - w_start == 1 and i >= 2 and doc.tag(token) in _MORPHEME_TAGS:  # noqa: PLR2004
        i -= 1  # 互助|路|社区: a one-character part before the head
        token = doc.tokens[i - 1] + token
        w_start = doc.starts[i - 1]
    if (
        not 2 <= len(token) <= 3  # noqa: PLR2004 - a length or count threshold of the rule
        or _HAN.fullmatch(token) is None
        or doc.taken[w_start]
        or token in _PLACE_OBJECT_VERBS
        or token in _GENERIC_PLACES
        or token in _STOP_TOKENS
        or token[0] in _DETERMINERS
        or token[0] in _NUMERAL_CHARS
        or token[0] in _NEGATIONS
        or not _FUNCTION_CHARS.isdisjoint(token)
        or doc.tag(doc.tokens[i - 1]) in _FUNCTION_TAGS - {"d"}
        or _RE_ROLE.fullmatch(token)
        or doc.tag(doc.tokens[i - 1]) == "t"
    ):
        return first
    strong = (
        road
        or _RE_ORDINARY_NAME_STRONG_LEFT.search(text, max(0, w_start - 2), w_start) is not None
        or _RE_PLACE_LIST_BEFORE.search(text, max(0, w_start - 3), w_start) is not None  # 幸福社区、建设小区
        or (i >= 2 and doc.tag(doc.tokens[i - 2]) == "p")  # noqa: PLR2004 - a length or count threshold of the rule
        or w_start in doc.org_ends
        or _RE_LOC_SUFFIX_END.search(text, max(0, w_start - 4), w_start) is not None
    )
    weak = _RE_ORDINARY_NAME_LEFT.search(text, max(0, w_start - 2), w_start) is not None or (
        i >= 2 and doc.tag(doc.tokens[i - 2]) in _ORDINARY_LEFT_TAGS  # noqa: PLR2004 - a length or count threshold of the rule
    )
    verb = (doc.tag(doc.tokens[i - 1]) or "").startswith("v")
    if not (strong or (weak and not verb)):
        return first
    return _extend_left(doc, w_start, limit=0, places_only=True, named=True)


def _plain_name_token(doc: _Doc, token: str, start: int) -> bool:
    """Whether ``token`` (at ``start``) can name a place: two to four free Han characters, plain words."""
    return (
        _MIN_NAME <= len(token) <= _MAX_PERSON_TOKEN
        and _HAN.fullmatch(token) is not None
        and not doc.taken[start]
        and _FUNCTION_CHARS.isdisjoint(token)
        and token not in _GENERIC_PLACES
        and token not in _STOP_TOKENS
        and token[0] not in _DETERMINERS
    )


def _station_name(doc: _Doc, first: int) -> int:
    """The name before a road or station span the segmenter split off (岳阳北|高速公路收费站, 张家界|高速…)."""
    i = doc.index_at.get(first)
    if not i:
        return first
    token = doc.tokens[i - 1]
    if token in {"东", "南", "西", "北"} and i >= 2 and doc.tag(doc.tokens[i - 2]) == "ns":  # noqa: PLR2004
        i -= 1  # 长沙|东|高速…: a direction word after the place name
        token = doc.tokens[i - 1] + token
    tag = doc.tag(token)
    if not _plain_name_token(doc, token, doc.starts[i - 1]):
        return first
    direction = token[-1] in "东南西北" and doc.tag(token[:-1]) == "ns"
    if not direction and (
        tag not in {None, "ns", "nr", "nz", "nrt"} or doc.jb.freq.get(token, 0) >= _COMMON_NAME_PART_FREQ
    ):
        return first
    return _extend_left(doc, doc.starts[i - 1], limit=0, places_only=True, named=True)


_ROAD_SPLITS = ("路上", "路口", "路边", "路旁", "路段", "街上", "街头", "街口")


def _suffixed_places(doc: _Doc) -> dict[str, str]:
    """The places written with an administrative suffix, as places or opening an organisation, by their stems."""
    stems: dict[str, str] = {}
    for m in doc.mentions:
        place = m.text
        if m.kind is MentionKind.ORGANIZATION:
            i = doc.index_at.get(m.start)  # 桑植县|法院: the place that names an organisation
            place = doc.tokens[i] if i is not None and doc.tag(doc.tokens[i]) in {"ns", "nr", None} else ""
            if m.start + len(place) >= m.end:
                continue
        elif m.kind is not MentionKind.LOCATION:
            continue
        if place[-1:] in "省市县区旗盟" and len(place) >= _MIN_NAME + 1:
            stem = place[:-1]
            if stem[-1:] not in "省市县区旗盟州" and stem not in _GENERIC_PLACES and _HAN.fullmatch(stem):
                stems.setdefault(stem, place)
    return stems


def _short_place_names(doc: _Doc) -> None:
    """A place named with its suffix elsewhere in the text is a place without it too (张家界市 → 张家界)."""
    text = doc.text
    stems = _suffixed_places(doc)
    if not stems:
        return
    for start, end, stem in _occurrences(text, stems):
        follower = text[end : end + 1]
        if follower in "省市县区旗盟" or not doc.free(start, end) or doc.in_slogan(start, end):
            continue
        if start not in doc.index_at or (end < len(text) and end not in doc.index_at):
            continue  # inside a longer word
        doc.add(MentionKind.LOCATION, start, end, stems[stem])


# -- persons and roles ------------------------------------------------------------------------------------------------
_RE_RIGHT_CUE = regex.compile(
    _alt(_ROLE_WORDS)
    + rf"|(?:还|也|又|笑着|常|就|则|曾|都|再次|立即|连忙)?(?:{_SPEECH_VERBS})|同志|等人|是一名|是|带领|主动"
    + r"|的(?:妻子|丈夫|爱人|儿子|女儿|父亲|母亲)"
)
_RE_STRONG_RIGHT_CUE = regex.compile(
    _alt(_ROLE_WORDS)
    + rf"|(?:还|也|又|笑着|常|就|则|曾|都|再次|立即|连忙)?(?:{_SPEECH_VERBS})|同志"
    + r"|(?:是|任|担任)(?:一名|一位)?[^，。；！？、“”\n]{0,12}?(?:"
    + _alt(_ROLE_WORDS)
    + r")(?:[，。；！？、]|$)"
)
_RE_STRONG_LEFT_CUE = regex.compile(
    "(?:" + _alt(_ROLE_WORDS) + r"|名叫|老兵|战士|同事|队员|志愿者|居民|村民|老人|患者|家属|妻子|丈夫|爱人)$"
)
_RE_LEFT_CUE = regex.compile("(?:" + _alt(_ROLE_WORDS) + r"|、|和|与|及|同事|队员|党员|记者|老人|居民|村民|叫|名叫)$")


_NAME_BOUNDARIES = frozenset("和与、，。；") | _NAME_FOLLOWERS
_RE_SPEECH_RIGHT = regex.compile(rf"(?:还|也|又|笑着)?(?:{_SPEECH_VERBS})")


def _short_translit_name(doc: _Doc, start: int, end: int) -> bool:
    """``民警旦增``, ``次仁法官``: a two-syllable Tibetan or Mongolian name, one unknown word next to a title."""
    name = doc.text[start:end]
    return (
        (doc.token_end(start) == end or (start in doc.index_at and doc.text[end : end + 1] in _NAME_BOUNDARIES))
        and (start == 0 or doc.text[start - 1] not in _SURNAMES or start in doc.role_ends())  # not 郑|美玲
        and (not doc.known(name) or (doc.tag(name) or "").startswith("nr") or doc.jb.freq[name] < _RARE_FREQ)
        and name[0] not in _SURNAMES
        and (
            start in doc.role_ends()
            or any(role_start == end for role_start, _ in doc.role_spans())
            or _RE_SPEECH_RIGHT.match(doc.text, end) is not None  # 洛桑说, 扎西告诉记者
        )
    )


def _translit_persons(doc: _Doc) -> None:  # noqa: C901, PLR0912 - one decision list per candidate
    """Names without a Han surname (阿尔斯楞, 买买提·艾力, 扎西次仁), written in transliteration characters.

    A run of such characters is a name when a title or speech verb is next to it, or when it opens a
    clause and a verb follows; a run that starts with a Han surname must be longer than a Han name.
    """
    text = doc.text
    names: set[str] = set()
    ends: set[int] = set()
    matches = sorted(
        [*_RE_DOTTED_NAME.finditer(text), *_RE_TRANSLIT_NAME.finditer(text)], key=lambda m: (m.start(), -m.end())
    )
    role_starts = sorted(start for start, _ in doc.role_spans())
    for match in matches:
        start, end = match.span()
        i = bisect.bisect_right(role_starts, start)
        if i < len(role_starts) and role_starts[i] < end:
            end = role_starts[i]  # 次仁|法官: a title starts inside the run (法 is also a syllable)
        name = text[start:end]
        dotted = "·" in name
        short = len(name) < 3 and not dotted  # noqa: PLR2004 - a length or count threshold of the rule
        if short and not _short_translit_name(doc, start, end):
            continue
        if not dotted and (name[0] in _SURNAMES or name[:2] in _COMPOUND_SURNAMES) and len(name) < 4:  # noqa: PLR2004 - a length or count threshold of the rule
            continue
        if not doc.free(start, end) or doc.in_slogan(start, end):
            continue
        if not short and (doc.tag(name) in {"ns", "nt", "nz"} or doc.jb.freq.get(name, 0) >= _KNOWN_WORD_FREQ):
            continue  # a short name passed a stricter test above (洛桑说: a place name used as a name)
        if _RE_LOC_SUFFIX.match(text, end) or _RE_ORG_SUFFIX.match(text, end):
            continue
        inside = not dotted and (
            start not in doc.index_at
            or (end < len(text) and end not in doc.index_at and text[end] not in _NAME_FOLLOWERS)
        )
        if inside and not _RE_STRONG_LEFT_CUE.search(text, max(0, start - 6), start):
            continue  # inside a word the segmenter made, without a title before it
        cue = (
            dotted  # the middle dot marks a name
            or bool(_RE_STRONG_LEFT_CUE.search(text, max(0, start - 6), start))
            or bool(_RE_STRONG_RIGHT_CUE.match(text, end))
        )
        if not cue and len(name) >= 4 and text[end : end + 1] in _NAME_FOLLOWERS:  # noqa: PLR2004
            cue = True  # 的次仁多吉是…: a long transliterated name before a copula or a preposition
        if (
            not cue
            and text[start - 1 : start] == "的"
            and _RE_ORG_SUFFIX_END.search(text, max(0, start - 9), start - 1)
        ):
            cue = True  # 塔城市司法局的古丽米拉: a member of an organisation
        if not cue and len(name) >= 4 and text[end : end + 1] in {"（", "("}:  # noqa: PLR2004
            cue = _RE_CLAUSE_START.search(text, max(0, start - 1), start) is not None  # 名单：罗布次仁（…）
        if not cue and _RE_CLAUSE_START.search(text, max(0, start - 1), start):
            follower = text[end : end + 1]
            cue = (
                follower in _NAME_FOLLOWERS
                or bool(_RE_RIGHT_CUE.match(text, end))
                or (
                    len(name) >= 4 and _HAN.match(follower) is not None  # noqa: PLR2004 - a length or count threshold of the rule
                )
            )
        if cue:
            names.add(name)
            ends.add(end)
        elif text[start - 1 : start] in _COORDINATORS and start - 1 in ends:
            names.add(name)  # 扎西顿珠和次仁卓玛: coordinated with a name just found
            ends.add(end)
    if not names:
        return
    for start, end, name in _occurrences(text, names):
        if doc.free(start, end):
            doc.add(MentionKind.PERSON, start, end, name)


_COORDINATORS = frozenset("和与、及")


_ASPECT_MARKERS = frozenset(["着", "了", "过", "道", "在", "到"])


def _single_verb(doc: _Doc, char: str) -> bool:
    """Whether ``char`` is a frequent one-character verb or a follower of names (说, 吃, 会, 守)."""
    return (
        char in _NAME_FOLLOWERS
        or char in "会能"
        or (doc.tag(char) == "v" and doc.jb.freq.get(char, 0) >= _COMMON_WORD_FREQ)
    )


def _verb_with_aspect(doc: _Doc, char: str, following: str) -> bool:
    """Whether ``char`` is a one-character verb with an aspect marker after it (笑|着, 说|道)."""
    return following in _ASPECT_MARKERS and doc.tag(char) == "v" and doc.jb.freq.get(char, 0) >= _COMMON_WORD_FREQ


def _is_name_body(word: str) -> bool:
    """Han characters without a function word, but for a surname that is one too (于海波, 向东)."""
    body = word[1:] if word[:1] in _SURNAME_FUNCTION_CHARS and len(word) > 1 else word
    return _HAN.fullmatch(word) is not None and _FUNCTION_CHARS.isdisjoint(body)


def _persons(doc: _Doc) -> None:  # noqa: C901, PLR0912, PLR0915 - one pass over the tokens, a few cases
    text = doc.text
    found: list[tuple[int, int, str | None]] = []  # start, end, value hint (None: full name)
    tokens = doc.tokens
    n = len(tokens)
    starters = _PERSON_STARTERS
    for i in itertools.compress(itertools.count(), map(starters.__contains__, map(operator.itemgetter(0), tokens))):
        if len(tokens[i]) > _MAX_PERSON_TOKEN:
            continue
        token = tokens[i]
        first_char = token[:1]
        if first_char not in _SURNAMES and first_char not in "老小" and token[:2] not in _COMPOUND_SURNAMES:
            continue
        start = doc.starts[i]
        if doc.taken[start]:
            continue
        compound = token[:2] in _COMPOUND_SURNAMES
        surname_len = 2 if compound else 1
        if (
            len(token) == surname_len + 3
            and not doc.known(token)
            and start in doc.role_ends()
            and doc.tag(token[-1]) in {"v", "d", "p"}
            and doc.jb.freq.get(token[-1], 0) >= _COMMON_WORD_FREQ
        ):
            token = token[:-1]  # 网格员|梁秋红笑|着: a name after a title, glued to the verb after it
        after_next = tokens[i + 2] if i + 2 < n else ""
        if len(token) == surname_len + 1 and _verb_with_aspect(doc, token[-1], tokens[i + 1] if i + 1 < n else ""):
            continue  # 小|韦笑|着: a surname glued to the verb after it (小韦 is found below)
        # (A) the segmenter made one word of surname + given name
        if surname_len + 1 <= len(token) <= surname_len + 2 and _is_name_body(token):
            nxt = tokens[i + 1] if i + 1 < n else ""
            if len(token) == surname_len + 1 and len(nxt) == _MIN_NAME and _verb_with_aspect(doc, nxt[1], after_next):
                token += nxt[0]  # 龙华|英笑|着 → 龙华英
            plausible = not doc.known(token) or (
                (doc.tag(token) or "").startswith("nr") and doc.jb.freq[token] < 1000  # noqa: PLR2004 - a length or count threshold of the rule
            )
            if len(token) == surname_len + 1 and plausible:
                glued_to_verb = (
                    start in doc.role_ends()
                    and len(nxt) in {2, 3}
                    and nxt[0] not in _NUMERAL_CHARS
                    and (not doc.known(nxt) or nxt[1] == "说")
                    and _single_verb(doc, nxt[1])
                )  # 书记冼伟|明说, 民警韦小|勇吃住: a name after a title, its last character glued to a verb
                if (
                    len(nxt) >= _MIN_NAME
                    and _is_name_body(nxt[0])
                    and (
                        (
                            not doc.known(token)
                            and len(nxt) == _MIN_NAME
                            and doc.jb.freq.get(nxt, 0) < 50  # noqa: PLR2004
                            and nxt[1] in _NAME_FOLLOWERS
                        )
                        or glued_to_verb
                    )
                ):
                    token += nxt[0]  # 王锦|林任 → 王锦林
                elif (
                    len(nxt) == 1
                    and first_char not in "老小"
                    and _is_name_body(nxt)
                    and nxt not in _NAME_FOLLOWERS
                    and not doc.known(token + nxt)
                    and not _verb_with_aspect(doc, nxt, after_next)
                ):
                    token += nxt  # 李俊|杰 → 李俊杰 (not 王刚|笑|着)
            elif (
                len(token) == surname_len + 2
                and len(nxt) == 1
                and doc.jb.freq.get(token[-1] + nxt[0], 0) >= 100  # noqa: PLR2004 - a length or count threshold of the rule
                and doc.tag(token[-1] + nxt[0]) in {"d", "c", "p", "ad", "v"}
            ):
                token = token[:-1]  # 吕昂顿|时 → 吕昂
            end = start + len(token)
            right = text[end : end + 4]
            if first_char in "老小" and not compound:
                if (
                    len(token) == _MIN_NAME
                    and token[1] in _SURNAMES
                    and not doc.known(token)
                    and _RE_LOC_SUFFIX.match(right) is None
                ):
                    found.append((start, end, "nick"))
                continue
            if _RE_LOC_SUFFIX.match(right) or _RE_ORG_SUFFIX.match(right) or not doc.free(start, end):
                continue
            if (
                len(token) == surname_len + 2
                and doc.jb.freq.get(token[: surname_len + 1], 0) >= _COMMON_WORD_FREQ
                and not (doc.tag(token[: surname_len + 1]) or "").startswith("nr")
            ):
                continue  # 任务|后: a word and a character, not a name
            if doc.known(token):
                tag = doc.tag(token) or ""
                rare_name = (
                    len(token) == surname_len + 2 and tag.startswith("nr") and doc.jb.freq[token] < _RARE_NAME_FREQ
                )
                if tag not in _BOUNDARY_TAGS and (rare_name or _has_cue(doc, start, end, strong=True)):
                    found.append((start, end, None))  # 刘小军 (a rare dictionary name), not 解答 (a verb)
                continue
            if token[surname_len] in _NON_NAME_CHARS:
                continue  # 黄码, 高速: a surname character and a character that is no given name
            following = tokens[i + 1] if end == doc.starts[i + 1 if i + 1 < n else 0] else ""
            if (
                len(token) == surname_len + 1
                and following
                and doc.jb.freq.get(following, 0) >= _COMMON_WORD_FREQ
                and doc.tag(following) in {"n", "vn"}
                and not _RE_ROLE.match(following)
            ):
                continue  # 卫健|部门: a clipped noun, not a name
            if first_char not in _AMBIGUOUS_SURNAMES or _has_cue(
                doc, start, end, strong=first_char in _SURNAME_FUNCTION_CHARS
            ):
                found.append((start, end, None))
            continue
        # (B) a surname on its own, then a nickname title or a given name
        if len(token) == surname_len and (first_char in _SURNAMES or compound) and i + 1 < n:
            nxt = tokens[i + 1]
            nxt_start = doc.starts[i + 1]
            if nxt in _NICK_TITLE_SET:
                prev = text[start - 1 : start]
                if (
                    prev
                    and _HAN.match(prev)
                    and prev not in "，。、：“的是给找向和与叫位对了"
                    and not _RE_STRONG_LEFT_CUE.search(text, max(0, start - 6), start)
                    and not (i > 0 and doc.tag(tokens[i - 1]) in {"v", "p"})  # 转告|何|律师: after a verb
                ):
                    continue
                end = nxt_start + len(nxt)
                if doc.free(start, end):
                    found.append((start, end, "nick"))
                continue
            if (
                first_char in _AMBIGUOUS_SURNAMES
                and not compound
                and not _RE_STRONG_LEFT_CUE.search(text, max(0, start - 6), start)
            ):
                continue
            if doc.taken[nxt_start] or not _is_name_body(nxt):
                continue
            given = nxt
            if (
                len(given) == 1
                and i + 2 < n
                and len(tokens[i + 2]) == 1
                and _is_name_body(tokens[i + 2])
                and tokens[i + 2] not in _FUNCTION_CHARS
            ):
                candidate_end = nxt_start + 2
                if _has_cue(doc, start, candidate_end):
                    given = text[nxt_start:candidate_end]
            if len(given) > 2:  # noqa: PLR2004 - a length or count threshold of the rule
                continue
            end = nxt_start + len(given)
            given_freq = doc.jb.freq.get(given, 0)
            rare = (given_freq < 50 and doc.tag(given) in {None, "nr", "ns", "nz", "nrt", "nrfg"}) or (  # noqa: PLR2004 - a length or count threshold of the rule
                given_freq < _COMMON_WORD_FREQ and doc.tag(given) in {"nr", "nrfg"}
            )
            if (
                (
                    rare
                    or _has_cue(doc, start, end, strong=doc.jb.freq.get(given, 0) >= 50)  # noqa: PLR2004 - a length or count threshold of the rule
                    or _coordinated_with_name(doc, i + 2 if given == nxt else -1)
                )
                and doc.free(start, end)
                and _RE_LOC_SUFFIX.match(text, end) is None
                and _RE_ORG_SUFFIX.match(text, end) is None
            ):
                found.append((start, end, None))
        # (C) 老吕 / 小郑 split by the segmenter
        if token in {"老", "小"} and i + 1 < n and tokens[i + 1][:1] in _SURNAMES:
            nxt = tokens[i + 1]
            end = doc.starts[i + 1] + 1
            follower = text[end : end + 1]
            after = tokens[i + 2] if i + 2 < n else ""
            glued_verb = len(nxt) == _MIN_NAME and _verb_with_aspect(doc, nxt[1], after)
            alone = (len(nxt) == 1 or (len(nxt) == _MIN_NAME and nxt[1] in _COORDINATORS)) and (
                not follower
                or not _HAN.match(follower)
                or follower in "却也又就说是和在的"
                or (len(nxt) == 1 and len(after) >= _MIN_NAME and doc.tag(after) in {"d", "p", "c"})
            )
            if (glued_verb or alone) and doc.free(start, end):
                found.append((start, end, "nick"))  # 老|郑和|小|刘|一直: 老郑, 小刘; 小|韦笑|着: 小韦
    found.extend(_glued_to_title(doc))
    found.extend(_given_before_title(doc))
    # a three-character candidate that starts with a confirmed two-character name ends too late (姚俊|会),
    # and a two-character one that is the start of a repeated three-character name ends too early (王爱|林)
    seen = Counter(text[s:e] for s, e, hint in found if hint is None)
    short_names = {name for name in seen if len(name) == 2}  # noqa: PLR2004 - a length or count threshold of the rule
    long_names = {name for name, count in seen.items() if len(name) == 3 and count >= 2}  # noqa: PLR2004 - a length or count threshold of the rule
    adjusted = []
    for s, e, hint in found:
        if hint is None and e - s == 3 and text[s : s + 2] in short_names and seen[text[s:e]] == 1:  # noqa: PLR2004 - a length or count threshold of the rule
            e = s + 2  # noqa: PLW2901 - the adjusted span
        elif hint is None and e - s == 2 and text[s : s + 3] in long_names:  # noqa: PLR2004 - a length or count threshold of the rule
            e = s + 3  # noqa: PLW2901 - the adjusted span
        adjusted.append((s, e, hint))
    found = adjusted
    covered = bytearray(len(text))
    for s, e, _ in found:
        covered[s:e] = b"\x01" * (e - s)
    # propagate full names to every other occurrence
    full_names = {text[s:e] for s, e, hint in found if hint is None}
    if full_names:
        for s, e, _ in _occurrences(text, full_names):
            if doc.free(s, e) and not any(covered[s:e]):
                found.append((s, e, None))
                covered[s:e] = b"\x01" * (e - s)
    # given names followed by a title (宇峰局长) when the full name is in the text
    givens = {}
    for name in full_names:
        given = name[2:] if name[:2] in _COMPOUND_SURNAMES else name[1:]
        if len(given) >= 2:  # noqa: PLR2004 - a length or count threshold of the rule
            givens[given] = name
    if givens:
        role_starts = {start for start, _ in doc.role_spans()}
        for s, e, given in _occurrences(text, givens):
            called = text[s - 1 : s] == "“" and text[e : e + 1] in {"，", "！", "？"}  # “建华，…”
            if (e not in role_starts and not called) or text[s - 1 : s] == givens[given][0]:
                continue
            if not doc.free(s, e) or any(covered[s:e]):
                continue
            found.append((s, e, "given"))
    found.extend(_familiar_nicknames(doc, full_names, covered))
    found.sort(key=lambda f: (f[0], -f[1]))  # at one start the longer name wins (沙马拉毅, not 沙马拉)
    last_end = -1
    for start, end, _hint in found:
        if start < last_end or not doc.free(start, end) or text[end - 1] in _PLACE_END_CHARS:
            continue  # 鲁掌镇, 林溪镇: a surname character opening a place name; 马背上
        if _in_byline(text, start, end):
            continue  # （记者 周婷）: metadata, not text
        doc.add(MentionKind.PERSON, start, end, None)
        last_end = end
    _coordinated_names(doc)


def _familiar_nicknames(doc: _Doc, full_names: set[str], covered: bytearray) -> list[tuple[int, int, str | None]]:
    """``老马``, ``小李``: a dictionary word that is also 老/小 + the surname of a person the text names in full."""
    words = {prefix + name[0] for name in full_names if name[:2] not in _COMPOUND_SURNAMES for prefix in "老小"}
    found: list[tuple[int, int, str | None]] = []
    for i, token in enumerate(doc.tokens):
        if len(token) != _MIN_NAME or token[0] not in "老小" or token[1] not in _SURNAMES or not doc.known(token):
            continue
        start = doc.starts[i]
        called = doc.text[start - 1 : start] == "“" and doc.text[start + 2 : start + 3] in {"，", "！", "？"}
        if token in words or called:  # 老马 of 马宏福, or “小马，…”: a name called at the start of speech
            end = start + _MIN_NAME
            if doc.free(start, end) and not any(covered[start:end]) and _RE_LOC_SUFFIX.match(doc.text, end) is None:
                found.append((start, end, "nick"))
    return found


_RE_BYLINE_OPEN = regex.compile(r"[（(][^（）()\n]{0,24}$")
_RE_BYLINE_CLOSE = regex.compile(r"^[^（）()\n]{0,24}[）)]")
_RE_BYLINE_WORD = regex.compile(r"记者|通讯员|实习生|见习|摄影|摄|供图|特约")


def _in_byline(text: str, start: int, end: int) -> bool:
    """Whether ``start:end`` is a name in a byline (``（记者 周婷）``, ``（通讯员 朴美兰 摄）``)."""
    opening = _RE_BYLINE_OPEN.search(text, max(0, start - 24), start)
    closing = _RE_BYLINE_CLOSE.match(text[end : end + 25])
    if opening is None or closing is None:
        return False
    inside = text[opening.start() : end + closing.end()]
    return _RE_BYLINE_WORD.search(inside) is not None


_LIST_SEPARATORS = frozenset("、和与及")
_RE_ASIDE = regex.compile(r"[（(][^（）()\n]{1,30}[）)]")
_RE_LIST_END = regex.compile(r"[、和与及，,。；;！？\s）)（(]|等|被|两|三|四|分别|均|都|$")


def _coordinated_names(doc: _Doc) -> None:
    """``哈斯巴根、乌云其木格、刘建军``: names of other peoples listed with a person found are persons too.

    An item next to a person across ``、``/``和``/``与``/``及`` is a person when it is a name written in
    transliteration characters (or with a middle dot) and the list goes on or ends after it.
    """
    text = doc.text
    for _ in range(8):  # a list grows one item per pass, from the names found outward
        added = False
        persons = [m for m in doc.mentions if m.kind is MentionKind.PERSON]
        for m in persons:
            for start, end in _list_neighbours(doc, m.start, m.end):
                if doc.free(start, end) and not _in_byline(text, start, end):
                    doc.add(MentionKind.PERSON, start, end, None)
                    added = True
        if not added:
            return


def _list_neighbours(doc: _Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The names right before and after ``start:end`` in a list (transliterated, dotted, or Han in one word)."""
    text = doc.text
    aside = _RE_ASIDE.match(text, end)  # 罗布次仁（日喀则市公安局）、德吉央宗: a unit in brackets after a name
    if aside is not None:
        end = aside.end()
    if text[end : end + 1] in _LIST_SEPARATORS:
        match = _RE_DOTTED_NAME.match(text, end + 1) or _RE_TRANSLIT_NAME.match(text, end + 1)
        if match is not None and _RE_LIST_END.match(text, match.end()):
            yield match.span()
        elif (name_end := _han_name_token_end(doc, end + 1)) is not None and _RE_LIST_END.match(text, name_end):
            yield end + 1, name_end
    if start > 0 and text[start - 1] in _LIST_SEPARATORS:
        window = max(0, start - 14)
        for match in (
            *_RE_DOTTED_NAME.finditer(text, window, start - 1),
            *_RE_TRANSLIT_NAME.finditer(text, window, start - 1),
        ):
            if match.end() == start - 1 and (match.start() == 0 or not _HAN.match(text[match.start() - 1])):
                yield match.span()
                break
            if match.end() == start - 1 and text[match.start() - 1] in _LIST_SEPARATORS:
                yield match.span()
                break


def _han_name_token_end(doc: _Doc, start: int) -> int | None:
    """The end of a Han name the segmenter made one word of at ``start`` (王振宇), or None."""
    i = doc.index_at.get(start)
    if i is None:
        return None
    token = doc.tokens[i]
    surname = 2 if token[:2] in _COMPOUND_SURNAMES else 1
    tag = doc.tag(token) or ""
    if (
        surname + 1 <= len(token) <= surname + 2
        and (token[:1] in _SURNAMES or surname == 2)  # noqa: PLR2004
        and _is_name_body(token)
        and (not doc.known(token) or (tag.startswith("nr") and doc.jb.freq[token] < _COMMON_WORD_FREQ))
        and token[-1] not in _PLACE_END_CHARS
    ):
        return start + len(token)
    return None


def _glued_to_title(doc: _Doc) -> list[tuple[int, int, str | None]]:
    """Names the segmenter glued to a title or its last character before them.

    ``网格|员马晓燕`` → 马晓燕; ``网格|长孟|长江`` → 孟长江 (the name is cut across two words);
    ``辅警周|海涛`` → 周海涛.
    """
    text = doc.text
    found: list[tuple[int, int, str | None]] = []
    for role_start, end in doc.role_spans():
        if text[end : end + 2] in _COMPOUND_SURNAMES and _is_name_body(text[end + 2 : end + 4]):
            name_end = end + 4  # 书记|沙|马拉|毅: a two-character family name and a two-character given name
            if len(text[end:name_end]) == 4 and not _RE_ROLE.match(text, end + 2) and doc.free(end, name_end):  # noqa: PLR2004
                found.append((end, name_end, None))
            continue
        if end in doc.index_at or end >= len(text) or text[end] not in _SURNAMES:
            continue
        i = bisect.bisect_right(doc.starts, end) - 1
        if doc.starts[i] < role_start:
            continue  # the title is inside a longer word
        name_end = doc.starts[i] + len(doc.tokens[i])
        if name_end - end == 1 and i + 1 < len(doc.tokens) and len(doc.tokens[i + 1]) <= _MIN_NAME:
            name_end += len(doc.tokens[i + 1])  # 长孟|长江
        name = text[end:name_end]
        if _MIN_NAME <= len(name) <= _MAX_PERSON_TOKEN - 1 and _is_name_body(name) and doc.free(end, name_end):
            found.append((end, name_end, None))
    return found


def _given_before_title(doc: _Doc) -> list[tuple[int, int, str | None]]:
    """A given name the dictionary knows as one (志强, 秀英) opening a clause before a title: ``志强主任说``."""
    text = doc.text
    found: list[tuple[int, int, str | None]] = []
    for start, end in doc.role_spans():
        if text[start:end] not in _NICK_TITLE_SET:
            continue
        i = doc.index_at.get(start - _MIN_NAME)
        if i is None or doc.starts[i] + len(doc.tokens[i]) != start:
            continue
        given = doc.tokens[i]
        if (
            doc.tag(given) not in {"nr", "nrfg"}
            or doc.jb.freq.get(given, 0) >= _RARE_FREQ
            or given[0] in _SURNAMES
            or not _RE_CLAUSE_START.search(text, max(0, start - _MIN_NAME - 1), start - _MIN_NAME)
            or not doc.free(start - _MIN_NAME, start)
        ):
            continue
        found.append((start - _MIN_NAME, start, "given"))
    return found


def _coordinated_with_name(doc: _Doc, i: int) -> bool:
    """Whether token ``i`` is 和/与/、 followed by a token that looks like a full Han name (乔保卫和邱秉晖)."""
    if not 0 < i < len(doc.tokens) - 1 or doc.tokens[i] not in {"和", "与", "、", "及"}:
        return False
    name = doc.tokens[i + 1]
    return (
        name[:1] in _SURNAMES
        and name[:1] not in _AMBIGUOUS_SURNAMES
        and len(name) in {2, 3}
        and not doc.known(name)
        and _is_name_body(name)
    )


def _has_cue(doc: _Doc, start: int, end: int, *, strong: bool = False) -> bool:
    """Whether the text around ``start:end`` says it is a person (a title, a speech verb, ...)."""
    text = doc.text
    if (_RE_STRONG_RIGHT_CUE if strong else _RE_RIGHT_CUE).match(text, end):
        return True
    left = text[max(0, start - 6) : start]
    if (_RE_STRONG_LEFT_CUE if strong else _RE_LEFT_CUE).search(left):
        return True
    if text[start - 1 : start] == "的" and start - 1 in doc.org_ends:
        return True  # 商水县司法局的暴庆林: a member of an organisation
    if text[start - 1 : start] == "“" and text[end : end + 1] in {"，", "！", "？"}:
        return True  # “建华，…”: a name called at the start of speech
    return not strong and start in doc.org_ends


def _roles(doc: _Doc) -> None:  # noqa: C901 - direct cues, then chains
    """Titles next to a person (or chained to such a title by 、), or a post right after an organisation."""
    text = doc.text
    persons = {m.start for m in doc.mentions if m.kind is MentionKind.PERSON}
    person_ends = {m.end for m in doc.mentions if m.kind is MentionKind.PERSON}
    units = {m.end: m.start for m in doc.mentions if m.kind in {MentionKind.ORGANIZATION, MentionKind.LOCATION}}
    candidates = [(start, end) for start, end in doc.role_spans() if doc.free(start, end)]
    by_start = {c[0]: c for c in candidates}
    by_end = {c[1]: c for c in candidates}
    accepted: set[tuple[int, int]] = set()
    for start, end in candidates:
        word = text[start:end]
        if end in persons or (text[end : end + 1] == "的" and end + 1 in persons):
            ok = word != "同志"
        elif start in person_ends:
            ok = word != "党员"
        elif start in doc.org_ends:
            ok = word in _POST_ROLES and (text[end : end + 1] in {"的", "、"} or _predicated(text, start))
        else:
            ok = (
                _RE_COPULA_BEFORE_ROLE.search(text, max(0, start - 12), start) is not None
                or _copula_over_unit(text, start, units, person_ends)
            ) and _RE_ROLE_END.match(text, end) is not None
        if ok:
            accepted.add((start, end))
    stack = list(accepted)
    while stack:  # 党组书记、局长曹宇峰: titles chained by 、 to an accepted one
        start, end = stack.pop()
        neighbours = [
            by_end[start - len(joiner)]
            for joiner in _ROLE_JOINERS
            if text[start - len(joiner) : start] == joiner and start - len(joiner) in by_end
        ]
        neighbours += [
            by_start[end + len(j)] for j in _ROLE_JOINERS if text.startswith(j, end) and end + len(j) in by_start
        ]
        for neighbour in neighbours:
            if neighbour not in accepted:
                accepted.add(neighbour)
                stack.append(neighbour)
    for start, end in sorted(accepted):
        if doc.free(start, end):
            doc.add(MentionKind.ROLE, start, end, text[start:end])


_ROLE_JOINERS = ("、", "和", "、一名", "、一位", "，一名")
_RE_COUNT_BEFORE_ROLE = regex.compile(r"的?(?:一名|一位|名|位)?$")
_RE_COPULA_END = regex.compile(r"(?:是|作为|担任|身为|系)(?:一名|一位)?$")


def _copula_over_unit(text: str, start: int, units: dict[int, int], person_ends: set[int]) -> bool:
    """``他是锡林浩特市公安局的一名辅警``: a person or pronoun, a copula, an organisation or place, the title.

    ``units`` maps the end of each organisation and place mention to its start.
    """
    count = _RE_COUNT_BEFORE_ROLE.search(text, max(0, start - 4), start)
    unit_start = units.get(count.start() if count is not None else start)
    if unit_start is None:
        return False
    copula = _RE_COPULA_END.search(text, max(0, unit_start - 4), unit_start)
    if copula is None:
        return False
    clause_start = max(0, copula.start() - 30)
    clause = _RE_CLAUSE_SPLIT.split(text[clause_start : copula.start()])[-1]
    offset = copula.start() - len(clause)
    named_before = any(e <= copula.start() for e in person_ends)  # a pronoun must refer to a named person
    return (named_before and any(c in clause for c in "他她我")) or any(
        offset < e <= copula.start() for e in person_ends
    )


def _predicated(text: str, start: int) -> bool:
    clause = _RE_CLAUSE_SPLIT.split(text[max(0, start - 40) : start])[-1]
    return _RE_COPULA.search(clause) is not None


# -- values -----------------------------------------------------------------------------------------------------------
def _resolve(doc: _Doc) -> None:
    """Give every person its canonical full name, and every quote its speaker."""
    persons = sorted((m for m in doc.mentions if m.kind is MentionKind.PERSON), key=lambda m: m.start)
    resolver = _NameResolver([m for m in persons if _looks_full(m.text)])
    canonical = {m.start: resolver.canonical(m) for m in persons}
    doc.mentions = [m._replace(value=canonical[m.start]) if m.kind is MentionKind.PERSON else m for m in doc.mentions]
    _canonical_places(doc)
    persons = sorted((m for m in doc.mentions if m.kind is MentionKind.PERSON), key=lambda m: m.start)
    starts = [p.start for p in persons]
    ends = [p.end for p in persons]
    for start, end, mark_start, mark_end in doc.quotes:
        line_start = doc.text.rfind("\n", 0, mark_start) + 1
        line_end = doc.text.find("\n", mark_end)
        lo = bisect.bisect_left(starts, min(mark_start - 60, line_start))
        hi = bisect.bisect_right(starts, max(mark_end + 60, line_end if line_end >= 0 else len(doc.text)))
        before = bisect.bisect_right(ends, mark_start)
        last = _name_of(persons[before - 1]) if before else None
        speaker = _speaker(doc.text, persons[lo:hi], mark_start, mark_end, last)
        doc.add(MentionKind.QUOTE, start, end, speaker, take=False)


_RE_PLACE_UNIT = regex.compile(
    r"\p{Han}{1,8}?(?:特别行政区|自治区|自治州|自治县|自治旗|民族乡|地区|街道|社区|省|市|盟|州|县|区|旗|镇|乡|村)"
    r"(?![省市盟州县区旗])"  # 钦州|市: the unit is the last of the suffix characters
)


def _place_units(name: str) -> list[str]:
    """The administrative units a name opens with: ``包头市东河区司法局`` → ``包头市``, ``东河区``."""
    units = []
    at = 0
    while (match := _RE_PLACE_UNIT.match(name, at)) is not None:
        units.append(match.group())
        at = match.end()
    return units


def _fuller_parents(organizations: list[str]) -> dict[str, str]:
    """The written organisations by each tail that names a unit: ``东河区司法局`` → ``包头市东河区司法局``."""
    tails: dict[str, str] = {}
    for fuller in organizations:  # longest first: the fullest name wins
        for i in range(1, len(fuller) - 2):
            tail = fuller[i:]
            if _RE_ORG_SUFFIX_END.search(tail):
                tails.setdefault(tail, fuller)
    return tails


def _fuller_parent(value: str, tails: dict[str, str]) -> str | None:
    """``东河区司法局党组`` → ``包头市东河区司法局党组`` when ``包头市东河区司法局`` is written."""
    for size in range(len(value) - 1, 2, -1):
        fuller = tails.get(value[:size])
        if fuller is not None:
            return fuller + value[size:]
    return None


def _fullest_chains(counts: Counter[tuple[MentionKind, str]]) -> dict[str, str]:
    """Each unit or chain of units → the longest chain the text writes ending with it, as a place or in a name."""
    fullest: dict[str, str] = {}
    chains = [value for k, value in counts if k is MentionKind.LOCATION] + [
        "".join(_place_units(value)) for k, value in counts if k is MentionKind.ORGANIZATION
    ]
    for chain in sorted(set(chains), key=lambda c: (-len(c), c)):
        units = _place_units(chain)
        if "".join(units) == chain:
            for i in range(len(units)):
                fullest.setdefault("".join(units[i:]), chain)
    return fullest


def _canonical_places(doc: _Doc) -> None:  # noqa: C901 - three kinds of fuller name
    """Give organisations and places the fullest name the text uses for them.

    ``东河区司法局`` → ``包头市东河区司法局`` when the text also writes the latter, and a department of it
    likewise (``东河区司法局党组`` → ``包头市东河区司法局党组``); a place → the longest chain of units the
    text writes ending with it, as a place or opening an organisation (``东河区`` → ``包头市东河区`` from
    ``包头市东河区司法局``), and a short form → its unit (``乌海`` → ``乌海市``).
    """
    longest: dict[tuple[MentionKind, str], str] = {}
    counts = Counter((m.kind, m.value) for m in doc.mentions if isinstance(m.value, str))
    for kind in (MentionKind.ORGANIZATION, MentionKind.LOCATION):
        values = {value for k, value in counts if k is kind}
        # among names of one length the most written wins (a set's order changes from run to run)
        for value in sorted(values, key=lambda v: (-counts[kind, v], v)):
            for i in range(1, len(value) - 1):
                tail = value[i:]
                if tail in values and len(value) > len(longest.get((kind, tail), "")):
                    longest[kind, tail] = value
    organizations = sorted({value for k, value in counts if k is MentionKind.ORGANIZATION}, key=lambda v: (-len(v), v))
    tails = _fuller_parents(organizations)
    for value in organizations:  # a department of a parent written more fully elsewhere
        if (MentionKind.ORGANIZATION, value) not in longest:
            fuller = _fuller_parent(value, tails)
            if fuller is not None:
                longest[MentionKind.ORGANIZATION, value] = fuller
    fullest = _fullest_chains(counts)
    for value in {value for k, value in counts if k is MentionKind.LOCATION}:
        if (MentionKind.LOCATION, value) in longest:
            continue
        target = fullest.get(value)
        if target is None and _RE_LOC_SUFFIX_END.search(value) is None:
            target = next((fullest[value + s] for s in "市县区盟旗省州" if value + s in fullest), None)
        if target is not None and len(target) > len(value):
            longest[MentionKind.LOCATION, value] = target
    if longest:
        doc.mentions = [
            m._replace(value=longest.get((m.kind, m.value), m.value)) if isinstance(m.value, str) else m
            for m in doc.mentions
        ]


def _looks_full(name: str) -> bool:
    if "·" in name or (len(name) >= 4 and _RE_TRANSLIT_RUN.fullmatch(name) and name[:1] not in _SURNAMES):  # noqa: PLR2004
        return True  # 努尔兰·哈力木别克, 次仁多吉: names of other peoples, shortened to a part of them
    if name[:2] in _COMPOUND_SURNAMES:
        return 3 <= len(name) <= 4  # noqa: PLR2004 - a length or count threshold of the rule
    return name[:1] in _SURNAMES and 2 <= len(name) <= 3 and not name.endswith(_NICK_TITLE_TUPLE)  # noqa: PLR2004 - a length or count threshold of the rule


class _NameResolver:
    """Find the full name a short form refers to: the nearest fitting full name before it, else a unique one."""

    def __init__(self, full: list[_Found]) -> None:
        self.names = {f.text for f in full}
        self.by_key: dict[str, list[_Found]] = {}
        for f in full:
            surname = f.text[:2] if f.text[:2] in _COMPOUND_SURNAMES else f.text[:1]
            keys = {("s", surname), ("g", f.text[len(surname) :]), ("g", f.text[1:])}
            if "·" in f.text:  # 努尔兰 for 努尔兰·哈力木别克: the first part of a dotted name
                keys.add(("g", f.text.split("·")[0]))
            elif len(f.text) == 4 and f.text[:1] not in _SURNAMES and f.text[:2] not in _COMPOUND_SURNAMES:  # noqa: PLR2004
                keys |= {("g", f.text[:2]), ("g", f.text[2:])}  # 次仁 or 多吉 for 次仁多吉
            for key in keys:
                self.by_key.setdefault("".join(key), []).append(f)

    def canonical(self, mention: _Found) -> str:
        name = mention.text
        if name in self.names:
            return name
        if name[:1] in "老小" and len(name) == 2:  # noqa: PLR2004 - a length or count threshold of the rule
            fits = self.by_key.get("s" + name[1], [])
        elif name.endswith(_NICK_TITLE_TUPLE):
            stem = next(name[: -len(t)] for t in _NICK_TITLES_LONGEST_FIRST if name.endswith(t))
            fits = self.by_key.get("s" + stem, [])
        else:
            fits = self.by_key.get("g" + name, [])
        if not fits:
            return name
        ends = [f.end for f in fits]
        i = bisect.bisect_right(ends, mention.start)
        if i:
            return fits[i - 1].text
        names = {f.text for f in fits}
        return names.pop() if len(names) == 1 else name


def _speaker(  # noqa: C901, PLR0911 - cues in order of strength, each returns
    text: str, persons: list[_Found], mark_start: int, mark_end: int, last_before: str | None
) -> str | None:
    """The speaker of the quote between ``mark_start`` and ``mark_end``, or None.

    ``persons`` are the person mentions near the quote; ``last_before`` names the last person before it.
    """
    after = text[mark_end : mark_end + 40]
    clause_after = _RE_SENTENCE_SPLIT_AFTER.split(after)[0]
    verb = _RE_VERB_AFTER.search(clause_after)
    if verb is not None:
        for p in persons:
            if mark_end <= p.start < mark_end + verb.start():
                return _name_of(p)
        if "他" in clause_after[: verb.start()] or "她" in clause_after[: verb.start()]:
            return last_before
    starting = [p for p in persons if p.start == mark_end]
    if starting:
        return _name_of(starting[0])
    before = text[max(0, mark_start - 40) : mark_start]
    stripped = before.rstrip("：:，, ")
    clause_before = _RE_SENTENCE_SPLIT_BEFORE.split(stripped)[-1]
    if _RE_SPEECH_BEFORE.search(before):
        offset = mark_start - len(before) + len(stripped) - len(clause_before)
        inside = [p for p in persons if offset <= p.start < mark_start]
        if inside:
            return _name_of(inside[-1])
        if clause_before.lstrip()[:1] in {"他", "她"}:
            return last_before
        return None  # said by someone the text does not name (女儿在电话里问他：)
    if verb is not None:
        return None
    # no speech cue at all: the person the paragraph is about, before the quote or else after it
    line_start = text.rfind("\n", 0, mark_start) + 1
    line_end = text.find("\n", mark_end)
    line_end = len(text) if line_end < 0 else line_end
    before_in_line = [p for p in persons if line_start <= p.start and p.end <= mark_start]
    if before_in_line:
        return _name_of(before_in_line[-1])
    after_in_line = [p for p in persons if mark_end <= p.start < line_end]
    return _name_of(after_in_line[0]) if after_in_line else None


def _name_of(person: _Found) -> str:
    return person.value if isinstance(person.value, str) else person.text
