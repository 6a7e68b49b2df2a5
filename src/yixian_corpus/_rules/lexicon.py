"""Word lists, thresholds and compiled patterns that several rule modules share.

General knowledge of Chinese (surnames, titles, the suffixes of organisation and place names, function
words, jieba's tags); nothing here is taken from the corpus.  A list or pattern that one module alone
uses lives in that module.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "ADMIN_CHARS",
    "AMBIGUOUS_SURNAMES",
    "BOUNDARY_TAGS",
    "COMMON_NAME_PART_FREQ",
    "COMMON_WORD_FREQ",
    "COMPOUND_SURNAMES",
    "DETERMINERS",
    "FUNCTION_CHARS",
    "FUNCTION_TAGS",
    "GENERIC_PLACES",
    "HAN",
    "HAN_OR_DIGITS",
    "KNOWN_WORD_FREQ",
    "MAX_PERSON_TOKEN",
    "MIN_NAME",
    "NEGATIONS",
    "NICK_TITLES",
    "NUMERAL_CHARS",
    "PLACE_HEADS",
    "PREPOSITIONS",
    "RARE_FREQ",
    "RE_LOC_SUFFIX",
    "RE_LOC_SUFFIX_END",
    "RE_ORG_SUFFIX",
    "RE_ORG_SUFFIX_END",
    "RE_ROLE",
    "RE_SPEECH_BEFORE",
    "RE_TRANSLIT_RUN",
    "ROLE_WORDS",
    "SPEECH_VERBS",
    "STOP_TOKENS",
    "SURNAMES",
    "TRANSLIT_CHARS",
    "WORD_SURNAMES",
    "alt",
    "occurrences",
    "words",
]


def words(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of ``text`` (keeps long word lists readable)."""
    return tuple(text.split())


# -- word lists (general knowledge of Chinese; nothing here is taken from the corpus) ----------------------------------
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常"
    "温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿焦俞左柳甘祝包宁符舒阮柯纪梅童凌毕裴霍涂苗谷盛曲翁"
    "冉骆蓝靳管柴蒙鲍喻祁蒲滕屈饶解牟艾尤穆卓吉缪简项芦麦褚娄窦戚岑景费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞"
    "姬栾隋巫寇桑郎甄丛仲虞敖巩佘池麻苑迟邝谈匡鞠荆冀郁胥栗燕楚鄢谌奚粟冼蔺闻厉仝郜阚帅屠朴禹漆卿狄晋扈"
    "晁芮阙邸雍辜裘亓邰赫杭况逯茹诸慕亢嵇湛揭檀郦时洪赖季辛游刁宫仇廉畅华车房边花乐封农于向纳盘岩普海兰玄计冶应南云母乜敏木郗俸仉厍暴訾眭关刀沙玉索"
    # rarer surnames of the 百家姓 and modern registers that are no common words (逄, 宓, 沐, 禚 …)
    "逄宓沐荀濮邴糜昝禚蒯储郇骞植贝寿惠戎束宿咸苍莘贡宰璩郏浦宦慎戈庾暨衡弘禄殳沃蔚夔融毋丰巢竺桓钮幸笪拓隗"
)
"""Common Han surnames."""

AMBIGUOUS_SURNAMES = frozenset(
    "时万常高明文成安平全宁甘包单关向和于国应信都那由利公战富初相来南原门支计华车房边花乐封纳盘岩普海兰"
    "云母木敏沙玉索暴刀冶惠寿丰幸宿慎束贝戈"
)
"""Surnames that are also frequent words; they need a cue to start a name."""

WORD_SURNAMES = frozenset(
    "尚鄂伏蹇薄汝衣练宣商班仰伊祖怀劳扶堵连习鱼容居步满隆师勾养须权盖阳古代路达秋司印双党荣井线字"
)
"""Surnames that are common words or parts of words (尚, 党, 司, 路): read as a surname only right after a title."""

COMPOUND_SURNAMES = frozenset(
    (
        *words("欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 长孙 宇文 司徒"),
        *words("端木 钟离 轩辕 公羊 呼延 澹台 拓跋 闻人 南宫 司空 宗政 濮阳 淳于 申屠 赫连 万俟"),
        # the rarer ones of the 百家姓 that are no common words (not 东门, 百里, 第五)
        *words("亓官 司寇 仉督 子车 颛孙 巫马 公西 漆雕 乐正 壤驷 公良 夹谷 宰父 谷梁 段干 东郭 羊舌 微生"),
        *words("梁丘 左丘 公冶 太叔 闾丘 公伯"),
        # Yi family names (general knowledge), written before a two-character given name: 沙马拉毅, 吉克曲布
        *words("沙马 吉克 阿鲁 曲比 海来 吉木 阿苦 俄底 勒格 巫其 瓦扎 沙玛 阿约 吉伍 俄木"),
    )
)

NEGATIONS = frozenset("不没别未勿")

TRANSLIT_CHARS = (
    "阿艾爱昂敖奥巴拜班宝贝毕别宾波布才查朝琴楚次措达旦丹德迪蒂丁顿多朵额鄂恩尔法夫弗甫嘎噶盖甘戈格根贡古哈海罕汗"
    "赫呼吉加贾卡喀凯坎柯克肯库拉莱兰朗勒蕾力丽莉里琳玲罗洛玛买麦曼蒙米密敏莫穆木那纳娜乃尼妮努诺帕普其奇琪"
    "钦琼曲热仁日茹萨塞赛桑色森沙莎什斯苏索塔泰坦特提图吐托娃娅瓦旺乌吾西希锡夏香逊雅亚央耶依伊音尤玉扎札珍珠卓宗"
    "楞孜金杰姆增嘉美敦洪让云泽则培欧江合堆边毅吾平降荪白孟绒呷郎卜南乐保"
)
"""Characters typical of transliterated Mongolian, Uyghur, Kazakh and Tibetan names (阿尔斯楞, 扎西次仁)."""

FUNCTION_CHARS = frozenset(
    "的了是在与和及或并也都还又就这那其该此各每全本我你他她它们之等着过对向从由把被将让给为于很再更最已把啊吗呢吧"
)

ROLE_WORDS = words(
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
    "乡村医生 专职人民调解员 老民警 退役军人 会长 副会长 监区长 "
    "片警 户籍民警 巡警 刑警 狱警 协警 镇长 副镇长 乡长 副乡长 县长 副县长 区长 副区长 旗长 副旗长 "
    "驻村干部 驻村工作队员 工作队员 信息员 安全员 驾驶员 民兵 律师助理 司法助理员 嘎查达 楼栋长 心理咨询师 宣讲员"
)

NICK_TITLES = words(
    "检察官 法官 律师 警官 局长 所长 庭长 院长 科长 股长 处长 主任 书记 队长 站长 检察长 "
    "监狱长 老师 医生 阿姨 大姐 大哥 大叔 大婶 师傅 阿婆 大爷 大妈 奶奶 爷爷 婆婆 大娘 总 检 所 哥 姐 叔 婶 妹 姨 嫂"
)

SPEECH_VERBS = "说|表示|介绍|告诉|回忆|坦言|感慨|感叹|笑称|称|叮嘱|喊道|问道|说道|强调|指出|常说|提到|讲|问|喊|道"

_ORG_SUFFIXES = words(
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

_LOC_SUFFIXES = words(
    "特别行政区 自治区 自治州 自治县 自治旗 民族乡 街道 社区 居民区 小区 苏木 嘎查 收费站 大道 大街 高速东 "
    "高速西 家园 花园 公寓 新村 胡同 公路口岸 铁路口岸 口岸 国际机场 机场 火车站 高铁站 东站 西站 南站 北站 "
    "服务区 景区 步行街 "
    "省 市 区 县 旗 盟 州 镇 乡 村 路 街 巷 港"
)

GENERIC_PLACES = frozenset(
    words(
        "社区 小区 城区 辖区 市区 全市 全区 全县 全省 全国 全盟 全旗 全镇 全乡 全村 各地 本市 "
        "我市 该市 该区 该县 城市 超市 都市 农村 乡村 城乡 疫区 景区 园区 监区 封控区 管控区 "
        "防范区 隔离区 管理区 分区 牧区 山区 库区 老区 城镇 乡镇 村镇 街道 道路 马路 公路 高速 山村 留观区 "
        "本村 该村 邻村 行政村 自然村 县城 市县 省市 省区 地区 街区 片区 商区 住宅区 居民区 "
        "生活区 办公区 病区 服务区 示范区 开发区 新区 厂区 矿区 校区 小区门 回村 进村 出村 村口 "
        "村里 全社区 各社区 各小区 各村 各乡镇 各街道 城关 外省 本省 该省 外市 一路 沿路 一街 "
        "上街 下乡 返乡 家乡 故乡 异乡 城里 市里 区里 县里 镇里 乡里 口岸城市 省市区 区县 旗县 "
        "苏木镇 嘎查村 社区村 街巷 大街小巷 大道理 专区 灾区 战区 自治区 自治州 自治县 特别行政区 "
        "当地 本地 外地 各省 各市 各区 各县 该镇 该乡 全州 我省 我区 我县 我州"
    )
)

DETERMINERS = frozenset("全各该本我此每其这那")
STOP_TOKENS = frozenset(
    words(
        "所在 居住地 居住 辖区 联点 附近 当地 属地 临时 基层 上级 下级 各级 有关 相关 主管 "
        "职能 下属 所属 驻地 全体 两级 三级 多个 各个"
    )
)
PREPOSITIONS = frozenset("由在到从向对被把将给于往距离")
ADMIN_CHARS = frozenset("省市区县旗盟镇乡村委")
PLACE_HEADS = frozenset(["街道", "社区", "小区", "嘎查", "苏木"])
NUMERAL_CHARS = frozenset("一二三四五六七八九十百千万两零〇几数多余半")
FUNCTION_TAGS = frozenset(
    ["p", "c", "u", "uj", "ul", "uz", "ug", "ud", "uv", "d", "r", "rr", "rz", "q", "f", "y", "e", "o", "ad"]
)
BOUNDARY_TAGS = frozenset(words("p c u uj ul uz ug ud uv d r rr rz v vd ad f q y e o m a l i"))

# -- thresholds --------------------------------------------------------------------------------------------------------
MIN_NAME = 2
MAX_PERSON_TOKEN = 4

COMMON_NAME_PART_FREQ = 500
"""A dictionary word at least this frequent is not the proper-name part of an organisation or place."""

COMMON_WORD_FREQ = 1000
"""A dictionary word at least this frequent is a common word, not the start of a name."""

RARE_FREQ = 100
"""A dictionary word rarer than this is taken as a name part whatever its (unreliable) tag."""

KNOWN_WORD_FREQ = 20
"""A dictionary word at least this frequent that merely ends like a place (党旗, 坐镇) is not a place."""


def alt(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def occurrences(text: str, words: Iterable[str]) -> list[tuple[int, int, str]]:
    """Where ``words`` occur in ``text``, leftmost and then longest first, without overlaps.

    The same matches as ``regex.finditer(alt(words), text)``, without compiling a pattern for each
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


# -- compiled patterns -------------------------------------------------------------------------------------------------
RE_SPEECH_BEFORE = regex.compile(rf"(?:[：:]|(?:{SPEECH_VERBS})[：:，,]?)\s*$")

# Plain alternations of literal words: the standard library's engine scans these about three times faster.
RE_ROLE = re.compile(alt(ROLE_WORDS) + r"(?!会|员会)")
RE_ORG_SUFFIX = re.compile(alt(_ORG_SUFFIXES))
RE_LOC_SUFFIX = re.compile(alt(_LOC_SUFFIXES))
RE_LOC_SUFFIX_END = regex.compile("(?:" + alt(_LOC_SUFFIXES) + ")$")
RE_ORG_SUFFIX_END = regex.compile("(?:" + alt(_ORG_SUFFIXES) + ")$")

HAN_OR_DIGITS = regex.compile(r"[\p{Han}\d]+")
HAN = regex.compile(r"\p{Han}+")
RE_TRANSLIT_RUN = regex.compile(rf"[{TRANSLIT_CHARS}]+")
