"""Numbers, dates, times and quantities.

Chinese and Arabic numerals, dates and festivals (with the year they fall in), clock times and parts
of the day, and amounts with their units.
"""

from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation

import regex

from yixian_corpus._model import DateValue, MentionKind, Quantity, TimeValue

from .doc import Doc
from .lexicon import HAN, alt, words

__all__ = ["dates", "quantities", "times"]

# -- number parsing ----------------------------------------------------------------------------------------------------
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

_MYRIAD = 10_000


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


# -- dates and times ---------------------------------------------------------------------------------------------------
_RE_DATE = regex.compile(
    r"(?<![\d.])(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号]|(?P<part>份|上旬|中旬|下旬|初|底|末)?(?![\d个]))"
    r"|(?<![\d.])(?P<yo>\d{4})年(?![\d月代度])"
    r"|(?P<fest>除夕|大年三十|大年初[一二三四五六七八九十]|正月初[一二三四五六七八九十]|正月十五|元宵节|元旦|国庆节|端午节|中秋节|春节"
    r"|三八妇女节|三八节|妇女节|五一劳动节|劳动节|六一儿童节|儿童节|建党节|八一建军节|建军节|教师节|植树节)"
)
_RE_VAGUE_PERIOD = regex.compile(
    r"春节(?:期间|假期|长假|休假|前后|前夕)|(?:国庆|国庆节|元旦|五一|劳动节|端午|端午节|中秋|中秋节|清明|清明节)"
    r"(?:期间|假期|长假|小长假|休假)|节假日期间|正月(?![初十廿一二三四五六七八九])"
)
_RE_DAY_AFTER_RANGE = regex.compile(r"(?:至|到|—|－|-|～|~)(?P<d>\d{1,2})[日号]")
"""``5月1日至5日``: the second day of a range takes the month of the first."""
_FIXED_FESTIVALS = {
    **dict.fromkeys(["元旦"], "01-01"),
    **dict.fromkeys(["三八妇女节", "三八节", "妇女节"], "03-08"),
    **dict.fromkeys(["植树节"], "03-12"),
    **dict.fromkeys(["五一劳动节", "劳动节"], "05-01"),
    **dict.fromkeys(["六一儿童节", "儿童节"], "06-01"),
    **dict.fromkeys(["建党节"], "07-01"),
    **dict.fromkeys(["八一建军节", "建军节"], "08-01"),
    **dict.fromkeys(["教师节"], "09-10"),
    **dict.fromkeys(["国庆节"], "10-01"),
}
"""Festivals on a fixed day of the Gregorian calendar."""


def dates(doc: Doc) -> None:
    text = doc.text
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
            if not _RE_VAGUE_PERIOD.match(text, start):  # 春节期间, 国庆节期间: a period, a time
                value = _festival(match.group("fest"), explicit_year or doc.year, inferred=explicit_year is None)
                doc.add(MentionKind.DATE, start, end, value)
            continue
        explicit_year = _month_date(doc, match, explicit_year)


def _month_date(doc: Doc, match: regex.Match[str], explicit_year: int | None) -> int | None:
    """Add the date ``match`` writes with a month (and a day); return the year later dates take."""
    text = doc.text
    start, end = match.span()
    month = int(match.group("m"))
    day = int(match.group("d")) if match.group("d") else None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):  # noqa: PLR2004 - a length or count threshold of the rule
        return explicit_year
    if (
        day is None
        and not match.group("part")
        and text[end : end + 1]
        not in {"", "至", "到", "，", "、", "起", "以", "的", "中", "前", "后", "开", "内", "里", "。"}
    ):
        return explicit_year
    if match.group("y"):
        explicit_year = int(match.group("y"))
        year_value: int | None = explicit_year
        inferred = False
    else:
        year_value = explicit_year or doc.year
        inferred = year_value is not None
    stamp = f"{month:02d}" if day is None else f"{month:02d}-{day:02d}"
    iso = f"{year_value}-{stamp}" if year_value is not None else f"--{stamp}"
    doc.add(MentionKind.DATE, start, end, DateValue(iso, inferred))
    if day is not None:
        _range_end(doc, end, iso[: -len(stamp)] + f"{month:02d}", inferred=inferred)
    return explicit_year


def _range_end(doc: Doc, end: int, month_iso: str, *, inferred: bool) -> None:
    """``5月1日至5日``: the day after the range word is a date in the same month."""
    match = _RE_DAY_AFTER_RANGE.match(doc.text, end)
    if match is None or not 1 <= int(match.group("d")) <= 31:  # noqa: PLR2004 - days of a month
        return
    start = match.start("d")
    if doc.free(start, match.end()):
        doc.add(MentionKind.DATE, start, match.end(), DateValue(f"{month_iso}-{int(match.group('d')):02d}", inferred))


_LUNAR_FESTIVALS = """
    1980 0216 0617 0923  1981 0205 0606 0912  1982 0125 0625 1001  1983 0213 0615 0921
    1984 0202 0604 0910  1985 0220 0622 0929  1986 0209 0611 0918  1987 0129 0531 1007
    1988 0217 0618 0925  1989 0206 0608 0914  1990 0127 0528 1003  1991 0215 0616 0922
    1992 0204 0605 0911  1993 0123 0624 0930  1994 0210 0613 0920  1995 0131 0602 0909
    1996 0219 0620 0927  1997 0207 0609 0916  1998 0128 0530 1005  1999 0216 0618 0924
    2000 0205 0606 0912  2001 0124 0625 1001  2002 0212 0615 0921  2003 0201 0604 0911
    2004 0122 0622 0928  2005 0209 0611 0918  2006 0129 0531 1006  2007 0218 0619 0925
    2008 0207 0608 0914  2009 0126 0528 1003  2010 0214 0616 0922  2011 0203 0606 0912
    2012 0123 0623 0930  2013 0210 0612 0919  2014 0131 0602 0908  2015 0219 0620 0927
    2016 0208 0609 0915  2017 0128 0530 1004  2018 0216 0618 0924  2019 0205 0607 0913
    2020 0125 0625 1001  2021 0212 0614 0921  2022 0201 0603 0910  2023 0122 0622 0929
    2024 0210 0610 0917  2025 0129 0531 1006  2026 0217 0619 0925  2027 0206 0609 0915
    2028 0126 0528 1003  2029 0213 0616 0922  2030 0203 0605 0912  2031 0123 0624 1001
    2032 0211 0612 0919  2033 0131 0601 0908  2034 0219 0620 0927  2035 0208 0610 0916
    2036 0128 0530 1004  2037 0215 0618 0924  2038 0204 0607 0913  2039 0124 0527 1002
    2040 0212 0614 0920  2041 0201 0603 0910  2042 0122 0622 0928  2043 0210 0611 0917
    2044 0130 0531 1005  2045 0217 0619 0925  2046 0206 0608 0915  2047 0126 0529 1004
    2048 0214 0615 0922  2049 0202 0604 0911  2050 0123 0623 0930
"""
"""Calendar facts, 1980–2050: each year, then the Gregorian month and day (MMDD) of the first day of the lunar
year (春节, 大年初一), of 端午节 (fifth day of the fifth month) and of 中秋节 (15th of the eighth month)."""


_RE_LUNAR_ROW = regex.compile(r"(\d{4}) (\d\d)(\d\d) (\d\d)(\d\d) (\d\d)(\d\d)")


@functools.cache
def _lunar_festivals() -> dict[int, tuple[str, str, str]]:
    """``{year: (spring, duanwu, zhongqiu)}`` as ``MM-DD`` strings, parsed once from the table above."""
    return {
        int(year): (f"{m1}-{d1}", f"{m2}-{d2}", f"{m3}-{d3}")
        for year, m1, d1, m2, d2, m3, d3 in _RE_LUNAR_ROW.findall(_LUNAR_FESTIVALS)
    }


def _festival(name: str, year: int | None, *, inferred: bool) -> DateValue | None:
    """The date of a festival in ``year`` (None without a year, or a lunar festival outside the table)."""
    if year is None:
        return None
    if name in _FIXED_FESTIVALS:
        return DateValue(f"{year}-{_FIXED_FESTIVALS[name]}", inferred)
    lunar = _lunar_festivals().get(year)
    if lunar is None:
        return None
    spring, duanwu, zhongqiu = lunar
    if name == "端午节":
        return DateValue(f"{year}-{duanwu}", inferred)
    if name == "中秋节":
        return DateValue(f"{year}-{zhongqiu}", inferred)
    import datetime as dt  # noqa: PLC0415 - festivals are rare

    base = dt.date.fromisoformat(f"{year}-{spring}")
    offset = 0
    if name in {"除夕", "大年三十"}:
        offset = -1
    elif name in {"元宵节", "正月十五"}:
        offset = 14
    elif name.startswith(("大年初", "正月初")):
        number = _cn_number(name[3:])
        offset = int(number) - 1 if number is not None else 0
    return DateValue((base + dt.timedelta(days=offset)).isoformat(), inferred)


_PM_PARTS = frozenset(["下午", "傍晚", "晚上", "晚间", "夜间", "夜里", "深夜", "半夜", "午夜", "晚", "夜"])


def _hour(pod: str | None, hour: int) -> int:
    if pod in _PM_PARTS and hour < 12:  # noqa: PLR2004 - a length or count threshold of the rule
        return 0 if pod in {"半夜", "午夜"} and hour == 12 else hour + 12  # noqa: PLR2004 - a length or count threshold of the rule
    if pod in _PM_PARTS | {"凌晨"} and hour == 12:  # noqa: PLR2004 - a length or count threshold of the rule
        return 0
    if pod == "中午" and hour < 6:  # noqa: PLR2004 - a length or count threshold of the rule
        return hour + 12
    return hour


_PART_OF_DAY = "凌晨|清晨|早晨|早上|一大早|一早|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|夜里|深夜|半夜|午夜"
_RE_DAY_BEFORE = regex.compile(r"(?:今天|昨天|明天|当天|次日|第二天|每天|这天|那天|当日|翌日)$")

_RE_CLOCK = regex.compile(
    rf"(?P<pod>{_PART_OF_DAY}|晚|早|晨|夜)?(?<![\d.])(?P<h>\d{{1,2}}|[零〇一二两三四五六七八九十]{{1,3}})(?P<sep>[时点])"
    r"(?:(?P<min>\d{1,2}|[零〇一二三四五六七八九十]{1,3})分|(?P<half>半))?(?P<ap>许|多|左右|前后)?"
)
_RE_BARE_CLOCK_AFTER = regex.compile(r"(?:[到前后起整钟]|开始|出发|准时|左右)")
"""After an Arabic hour with 点 and nothing else (``7点到``, ``8点前``), a word of time: a clock, not a count."""
_RE_CLOCK_RANGE_AFTER = regex.compile(r"(?:至|到|—|－|-|～|~)\s*\d{1,2}[点时]")
_RE_CLOCK_RANGE_BEFORE = regex.compile(r"\d{1,2}[点时](?:至|到|—|－|-|～|~)\s*$")
_RE_HHMM = regex.compile(r"(?<![\d.:])(?<!\d：)(?P<h>[01]?\d|2[0-4])[:：](?P<min>[0-5]\d)(?![\d:：])")
_RE_POD_BEFORE = regex.compile(rf"(?:{_PART_OF_DAY})$")
_RE_POD = regex.compile(rf"(?:{_PART_OF_DAY})(?:时分)?(?!好)")


def times(doc: Doc) -> None:  # noqa: C901, PLR0912 - clock times, HH:MM, periods, parts of the day
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
            and (chinese or _RE_BARE_CLOCK_AFTER.match(text, end) is None)  # 7点到东关街道: a clock on its own
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
            and HAN.match(text, start - 1)
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
def _is_name_noun(doc: Doc, start: int) -> bool:
    """Whether the token before ``start`` is a noun or a name (石门|二路), not a verb (兵分|三路)."""
    return doc.tag(doc.tokens[doc.index_at[start] - 1]) in {"n", "ns", "nr", "nz", "nrt", None}


_PLAIN_COUNT_UNITS = frozenset(words("个 名 位 人 户 家 次 天 年 月 日 批 支 组 处 项 件 条"))
_RE_NUMBER_PLACE = regex.compile(r"\p{Han}?[省市区县旗镇乡村屯庄寨营堡铺沟]")

_MEASURE_UNITS = frozenset(
    words(
        "平方公里 平方米 公里 千米 厘米 毫米 米 千克 公斤 吨 斤 克 摄氏度 ℃ 度 % ％ ‰ "
        "万元 亿元 元 小时 分钟 秒钟 秒 个月 个星期 星期 周 天 日 夜 日夜 年 岁 公顷 亩 倍 步 万步 个工作日 工作日"
    )
)
_COUNT_UNITS = words(
    "人次 户次 车次 架次 名 人 个 位 户 家 条 篇 件 起 次 场 份 批 辆 台 套 箱 瓶 "
    "只 双 册 本 张 袋 顿 轮 组 支 所 座 栋 幢 间 层 项 类 种 成 趟 遍 期 口 路 "
    "包 盒 桶 副 顶 把 床 片 块 道 声 封 笔 宗 例 处 艘 页 对 万份 万人 万户"
)

_CN_NUM = "[零〇一二两三四五六七八九十百千万亿]"

_RE_QTY = regex.compile(
    r"(?P<neg>零下)?(?P<pre>将近|大约|近|约|逾|上|数)?"
    rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|{_CN_NUM}+(?:几)?|[十百千万]|几十|几百|几千|几万)(?P<mult>[万千百亿](?![元人份户]?\d))?"
    r"(?P<post>余|多|几)?\s?"
    rf"(?P<unit>{alt(['个小时', '个月', '个星期', '个日夜', '个多小时', '个多月', *_MEASURE_UNITS, *_COUNT_UNITS])})"
    r"(?P<post2>余|多)?(?P<tail>左右|以上|许)?"
)
_RE_BARE_NUMBER = regex.compile(
    r"(?<![\d.，,\p{Latin}])(?P<num>\d+(?:\.\d+)?)(?P<tail>左右|以上)?(?=[，。、；！？）\s]|$)"
)


def quantities(doc: Doc) -> None:  # noqa: C901, PLR0912, PLR0915 - one decision list per number
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
        if unit.endswith("步") and HAN.match(text, end):
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
            and unit not in _MEASURE_UNITS | {"个小时", "个月", "个星期", "个日夜", "个多小时", "个多月"}
            and not match.group("mult")
        ):
            continue
        if num_text == "一" and text[start - 1 : start] == "每":
            continue  # 每一天: "every", not a count
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
