"""Finding quantitative facts (metrics) in report text: ``23项``, ``1500万元``, ``二十余次``.

This module owns what counts as a metric and how its value, unit, qualifier and source text are
read (conventions, "Facts"). A metric is a number followed by a unit; the rules that keep
lookalikes out are, in order of application:

* Protected text: nothing inside a ``《》`` title, a quoted name (``“”``, ``""``, ``「」``,
  ``『』``) or a document number (``江府〔2017〕16号``) is a metric.
* Units: only the units of `UNITS` (years, months, days of the month, hours of the clock,
  levels such as 级 and 届 are deliberately absent, so ``2020年``, ``2月25日`` and ``十九届`` never
  match). The longest unit wins (人次 over 人, 个百分点 over 个). A unit glued to a following
  character that makes it another word (部门, 座谈, 五家渠) is not a unit.
* Ordinals: a number right after 第 or 前 (``第3位``, ``前三名``) is a rank, not a count; so
  is each number of a list that 第 opened (``第十二、十三条``, ``第3、4项``).
* Arabic numbers must not continue an identifier or formula (``MB1A``, ``1+6+3``, ``2023-00017``).
* Chinese numerals are accepted conservatively, because they also build words: the value must
  be at least 2 unless a magnitude word follows (``一次性``, ``一把手``, ``一批`` are words, and
  a lone ``一`` + unit is more often an article than a count; ``一万人次`` is a count); a lone
  ``二`` is refused too (a count of two is ``两`` before a measure word, so ``二次供水``,
  ``二期`` are ordinals); the numeral must start with a digit or
  十 (``百家``, ``千方百计`` are words) and must not follow a character that makes it a name or a
  vague amount (``国十条``, ``数十次``, ``前三名``); it must not be followed by another numeral
  (``两个一百年``, ``三会一课``); ``N个`` before an abstract word is a heading or slogan
  (``四个方面``, ``三个统一``); it must not stand against its unit with a space; some units are
  refused after a one-character numeral because they build place names (``五台山``,
  ``三门峡``; ``三千册`` is a count); and a short list of
  fixed political slogans (``八项规定``, ``三项制度`` …) is excluded.

Qualifiers follow the conventions: a word attached after the number (余/多 → approximately,
以上 → at least, 以内/以下 → at most, 左右 → approximately) or a word earlier in the same clause
with no other number between (至少 … at least, 约 … approximately, 累计 → cumulative, 增长 …
increase, 比…多 … increase, 压缩/精简 … decrease, 增幅/降幅 … the size of a change). Short
words (约, 近, 超, 逾, and the upper bounds 不足, 不到, 少于) count only right before the number
(or before 了/达/为/有/达到, or 占…的 for a share: ``约占总数的30%``), because they also start
ordinary words (近年来, 约谈, 存在不足). A change verb followed by 至/到/为 (``压缩至``,
``下降到``, ``降低差错率至``, ``精简后``) states the level reached, so the value is exact.
Numbers listed side by side share a change word and a dangling unit end (``分别增长12%和8%``,
``3个、2个百分点``). An increase or decrease wins over an attached bound (``同比增长20%以上`` is an
increase). A range (``3-5天``, ``三至五次``) is one metric: the upper bound, at most, with the
whole range as its text; so is a range with a unit at both ends (``5%-10%``, ``10万-20万元``).
Chinese decimals (``九十八点五``) and ``百分之百`` are numbers; two digits side by side
(``三五次``, ``七八个``) are a vague "three or five" and no metric.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from typing import Final

import attrs

from lawgov._errors import ValidationError
from lawgov._model import Metric, Qualifier
from lawgov._model.numerals import chinese_number
from lawgov._parse.citations import protected_spans
from lawgov._parse.metric_names import name_metrics

__all__ = ["UNITS", "find_metric_spans", "find_metrics"]

#: The units a metric may carry, without magnitude words (万, 亿, 千 combine with any of them).
#: Order does not matter here: the pattern tries longer units first.
UNITS: Final[tuple[str, ...]] = (
    "个百分点",
    "百分点",
    "个工作日",
    "工作日",
    "个月",
    "人次",
    "件次",
    "条次",
    "篇次",
    "场次",
    "户次",
    "家次",
    "批次",
    "期次",
    "轮次",
    "车次",
    "小时",
    "分钟",
    "学时",
    "课时",
    "平方公里",
    "平方米",
    "立方米",
    "公斤",
    "公里",
    "公顷",
    "%",
    "％",
    "个",
    "次",
    "项",
    "件",
    "家",
    "名",
    "场",
    "期",
    "份",
    "条",
    "处",
    "所",
    "部",
    "轮",
    "人",
    "户",
    "天",
    "卷",
    "篇",
    "批",
    "台",
    "套",
    "座",
    "位",
    "宗",
    "起",
    "例",
    "本",
    "册",
    "张",
    "支",
    "组",
    "笔",
    "辆",
    "门",
    "节",
    "类",
    "种",
    "倍",
    "元",
    "亩",
    "吨",
    "米",
)

# Units that Chinese numerals do not take: they build place names (五台山, 三门峡, 七台河) and
# fixed words far more often than counts.
_CHINESE_EXCLUDED_UNITS: Final[frozenset[str]] = frozenset(
    {"台", "门", "座", "米", "本", "节", "例", "元", "亩", "吨", "宗", "册", "张", "笔", "辆"}
)

# A unit followed by one of these characters is the start of another word: 部门, 座谈, 项目,
# 场所, 条例, 人员, 名单, 期间, 所属, 台账, 处理, 家庭, 五家渠, 一次性 ...
_NOT_UNIT_BEFORE: Final[dict[str, str]] = {
    "部": "门分署委长队",
    "座": "谈",
    "家": "庭属长乡园渠",
    "次": "性要日序数",
    "场": "所地景馆合",
    "处": "理置罚分室长",
    "条": "例件款理",
    "所": "属需有在以得谓长",
    "期": "间限满刊末初",
    "项": "目",
    "名": "单称义誉录",
    "人": "民员才大",
    "台": "账",
    "份": "额子",
    "户": "籍口",
    "天": "然气津",
    "个": "体案",
    "位": "于置",
    "起": "草诉来",
    "本": "级市区县局单部着",
    "组": "织成建",
    "门": "户槛诊类",
    "节": "约点能日",
    "类": "似型",
    "种": "植类子",
    "支": "持付出部",
    "米": "粮",
    "元": "旦",
}

# Fixed political slogans written with a numeral and a unit; they name programmes, not counts.
# After N个 written in Chinese numerals, these words make a heading or a slogan, not a count.
_ABSTRACT_AFTER = re.compile(
    r"方面|层面|维度|原则|坚持|到位|统一|必须|务必|转变|结合|意识|自信|全面|维护|确立|区分|"
    r"代表|责任|大局|最严|更加|一律|不变|毫不"
)

_SLOGANS: Final[tuple[str, ...]] = (
    "八项规定",
    "三项制度",
    "四个意识",
    "四个自信",
    "四个全面",
    "四个最严",
    "两个维护",
    "两个确立",
    "两个责任",
    "两个大局",
    "两个毫不动摇",
    "两个结合",
    "三个代表",
    "三个务必",
    "三个区分开来",
    "三个转变",
    "五个一",
    "四项监督",
    "三个规定",
)

_DIGIT_NUMBER = (
    r"[0-9０-９]{1,3}(?:,[0-9]{3})+(?:[.．][0-9０-９]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?"
)
_CHINESE_NUMBER = (
    r"[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*(?:点[零〇一二三四五六七八九]+)?"
    # 零点五个百分点: a decimal below one opens with 零, not with a digit
    r"|[零〇]点[零〇一二三四五六七八九]+"
)
_UNIT_ALTERNATION = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))

_METRIC = re.compile(
    rf"""
    (?:
        (?:(?<=[%％万亿][-—–～~])|(?<![0-9０-９A-Za-z.．,_/+\-:#＋×*=]))(?P<digits>{_DIGIT_NUMBER})
      | (?<![零〇一二两三四五六七八九十百千万亿])(?P<chinese>{_CHINESE_NUMBER})
      | 百分之(?P<percent>{_DIGIT_NUMBER}|{_CHINESE_NUMBER}|百)
    )
    (?:
        [ ]?(?P<sep>[-—–～~]|至|到)[ ]?(?P<upper>{_DIGIT_NUMBER}|{_CHINESE_NUMBER})
    )?
    (?P<space>[ \u00a0\u3000]?)
    (?P<approx1>[余多])?
    (?P<magnitude>[万亿千])?
    (?P<approx2>[余多])?
    (?:(?<=[万亿千余多])[ \u00a0\u3000])?  # PDF copies space a magnitude from its unit too
    (?P<unit>{_UNIT_ALTERNATION})?
    (?P<after>及?以上|及?以下|以内|左右)?
    """,
    re.VERBOSE,
)

# Clause boundaries for qualifier words: a qualifier must be in the same clause as its number.
_CLAUSE_BREAK = re.compile(r"[，。；：！？,;!?\n]")
_PREFIX_WORDS: Final[dict[str, Qualifier]] = {
    "不超过": Qualifier.AT_MOST,
    "不多于": Qualifier.AT_MOST,
    "不高于": Qualifier.AT_MOST,
    "至多": Qualifier.AT_MOST,
    "最多": Qualifier.AT_MOST,
    "至少": Qualifier.AT_LEAST,
    "不少于": Qualifier.AT_LEAST,
    "不低于": Qualifier.AT_LEAST,
    "超过": Qualifier.AT_LEAST,
    "多于": Qualifier.AT_LEAST,
    "大约": Qualifier.APPROXIMATELY,
    "约为": Qualifier.APPROXIMATELY,
    "将近": Qualifier.APPROXIMATELY,
    "接近": Qualifier.APPROXIMATELY,
    "累计": Qualifier.CUMULATIVE,
    "累积": Qualifier.CUMULATIVE,
    "同比增长": Qualifier.INCREASE,
    "同比增加": Qualifier.INCREASE,
    "同比提高": Qualifier.INCREASE,
    "同比上升": Qualifier.INCREASE,
    "增长": Qualifier.INCREASE,
    "增加": Qualifier.INCREASE,
    "提高": Qualifier.INCREASE,
    "提升": Qualifier.INCREASE,
    "上升": Qualifier.INCREASE,
    # the size of a change: 增幅达15%, 降幅为20%
    "增幅": Qualifier.INCREASE,
    "涨幅": Qualifier.INCREASE,
    "降幅": Qualifier.DECREASE,
    "减幅": Qualifier.DECREASE,
    "同比下降": Qualifier.DECREASE,
    "同比减少": Qualifier.DECREASE,
    "同比降低": Qualifier.DECREASE,
    "下降": Qualifier.DECREASE,
    "减少": Qualifier.DECREASE,
    "降低": Qualifier.DECREASE,
    # cutting a time or a burden: 压缩50%, 精简申请材料120份 (压缩至/精简后 state levels)
    "压缩": Qualifier.DECREASE,
    "压减": Qualifier.DECREASE,
    "缩短": Qualifier.DECREASE,
    "精简": Qualifier.DECREASE,
}
_PREFIX_PATTERN = re.compile(
    "|".join(re.escape(w) for w in sorted(_PREFIX_WORDS, key=len, reverse=True))
)
# Short qualifiers, honoured only right before the number (allowing 了/达/为/有 between).
_ADJACENT_WORDS: Final[dict[str, Qualifier]] = {
    "不足": Qualifier.AT_MOST,
    "不到": Qualifier.AT_MOST,
    "少于": Qualifier.AT_MOST,
    "低于": Qualifier.AT_MOST,
    "约": Qualifier.APPROXIMATELY,
    "近": Qualifier.APPROXIMATELY,
    "超": Qualifier.AT_LEAST,
    "逾": Qualifier.AT_LEAST,
}
# The character must not close another word: 签约/预约/节约, 最近/附近, 赶超 are not qualifiers.
_ADJACENT_PATTERN = re.compile(
    r"(?P<word>(?<![签预节制合履违特邀公条集缔])约|(?<![最附临靠亲])近|(?<!赶)超|逾"
    # 不足5人, 少于3次: an upper bound, but only right before the number (存在不足, 做不到位);
    # 不少于/不低于 are lower bounds, read from the longer words
    r"|不足|不到|(?<!不)少于|(?<!不)低于)"
    # 约占总数的30%: a share is stated after 占 … 的, the number still follows its qualifier
    r"(?:[了达为有]|达到|占[^0-9０-９]{0,12}?的?)?[ \u3000]?$"
)
_AFTER_WORDS: Final[dict[str, Qualifier]] = {
    "以上": Qualifier.AT_LEAST,
    "以内": Qualifier.AT_MOST,
    "以下": Qualifier.AT_MOST,
    "左右": Qualifier.APPROXIMATELY,
}
_CHANGES = (Qualifier.INCREASE, Qualifier.DECREASE)
_LEVEL_LATER = re.compile(r"(?<!截)至|后")
# 比上年多12件, 较去年少5件: a comparison states the change.
_COMPARED = re.compile(
    r"(?:比(?![例重率])|较)[^0-9０-９]{0,12}?(?<![至不最较])(?P<direction>[多少])出?了?[ \u3000]?$"
)
# What stands between two numbers listed side by side: 12%和8%, 3个、2个百分点.
_LIST_SEPARATORS = frozenset({"、", "和", "及", "与"})
_DANGLING = "个万亿千"
_RANGE_SEPARATORS = frozenset({"-", "—", "–", "～", "~", "至", "到"})
_ORDINAL_BEFORE = "第前"
# 第/前 make ranks, 国十条/新十条 names, 数十/几十 vague amounts (dozens, not ten).
_NAME_BEFORE = "第前国新老周初数几上成"
_CHINESE_DIGIT_CHARS = "零〇一二两三四五六七八九十"
_ARABIC_DIGITS = "0123456789０１２３４５６７８９"
_VAGUE_DURATION = re.compile(r"[多余](?:月|小时|星期|礼拜|周|工作日)")
# A list of numbers opened by 第, up to the separator before the next one: 第3、4项, 第12、13、14条.
_ORDINAL_LIST = re.compile(
    r"第[0-9０-９零〇一二两三四五六七八九十百千]+(?:、[0-9０-９零〇一二两三四五六七八九十百千]+)*[、和及]$"
)
# How far back a qualifier word may stand; clauses are short, and a bound keeps the scan linear.
_LOOKBACK = 40


def find_metrics(text: str) -> list[Metric]:
    """Find every metric stated in a piece of clean text, in order.

    Args:
        text: One paragraph or one measure's text, cleaned
            ([`lawgov.clean_text`][lawgov.clean_text]).

    Returns:
        The metrics in order of appearance, not deduplicated (the caller keeps one of each per
        holder). Never raises on any string.
    """
    return [metric for metric, _, _ in find_metric_spans(text)]


def find_metric_spans(text: str) -> list[tuple[Metric, int, int]]:
    """Find every metric with the span of its source text (``text[start:end] == metric.text``).

    Args:
        text: One paragraph or one measure's text, cleaned.

    Returns:
        ``(metric, start, end)`` triples in order of appearance.
    """
    if not isinstance(text, str) or not text:
        return []
    protected = protected_spans(text)
    found: list[tuple[Metric, int, int]] = []
    last_end = 0
    for match in _METRIC.finditer(text):
        start = match.start()
        if _inside(protected, start):
            continue
        metric_span = _read(text, match, last_end)
        if metric_span is None:
            continue
        if found and _is_range(text, found[-1], metric_span):
            metric_span = _range(text, found.pop(), metric_span)
        elif found and text[found[-1][2] : metric_span[1]] in _LIST_SEPARATORS:
            found[-1], metric_span = _listed(found[-1], metric_span)
        found.append(metric_span)
        last_end = metric_span[2]
    return name_metrics(text, found)


def _is_range(text: str, low: tuple[Metric, int, int], high: tuple[Metric, int, int]) -> bool:
    # 5%-10%, 10万-20万元: both ends carry a unit; the lower one may drop the unit after its
    # magnitude word
    return (
        text[low[2] : high[1]] in _RANGE_SEPARATORS
        and high[0].unit.startswith(low[0].unit)
        and low[0].value < high[0].value
    )


def _listed(
    first: tuple[Metric, int, int], second: tuple[Metric, int, int]
) -> tuple[tuple[Metric, int, int], tuple[Metric, int, int]]:
    """Two numbers listed side by side share what is written once for both.

    ``分别下降3个、2个百分点``, ``10万、20万元``: a first unit that cannot stand alone (a bare
    个 or magnitude word) is the end of the second's unit, left out; ``5家、10家次`` are two
    units. ``分别增长12%和8%``: the change word before the first applies to the second too.
    """
    low, high = first[0], second[0]
    if low.unit[-1] in _DANGLING and high.unit != low.unit and high.unit.startswith(low.unit):
        first = (attrs.evolve(low, unit=high.unit), first[1], first[2])
    if low.qualifier in _CHANGES and high.qualifier is Qualifier.EXACT:
        second = (attrs.evolve(high, qualifier=low.qualifier), second[1], second[2])
    return first, second


def _range(
    text: str, low: tuple[Metric, int, int], high: tuple[Metric, int, int]
) -> tuple[Metric, int, int]:
    qualifier = low[0].qualifier if low[0].qualifier in _CHANGES else Qualifier.AT_MOST
    metric = attrs.evolve(high[0], text=text[low[1] : high[2]], qualifier=qualifier)
    return metric, low[1], high[2]


def _inside(spans: list[tuple[int, int]], index: int) -> bool:
    # spans are sorted and disjoint: the candidate is the last one starting at or before index
    position = bisect.bisect_right(spans, index, key=_span_start) - 1
    return position >= 0 and spans[position][0] <= index < spans[position][1]


def _span_start(span: tuple[int, int]) -> int:
    return span[0]


def _read(text: str, match: re.Match[str], last_end: int) -> tuple[Metric, int, int] | None:
    chinese = match["chinese"]
    number = match["digits"] or chinese or match["percent"]
    magnitude = match["magnitude"] or ""
    unit = match["unit"]
    upper = match["upper"]
    if match["percent"] is not None:
        if unit is not None or magnitude or upper is not None:
            return None
        unit = "%"
    elif chinese is not None and upper is None and chinese[-1] in "万亿" and not magnitude:
        # 三万人次: the magnitude word belongs to the unit, as with 3万人次.
        number, magnitude = chinese[:-1], chinese[-1]
        if not number:
            return None
    if unit is None and not (magnitude in ("万", "亿") and match["digits"] is not None):
        return None
    is_chinese = chinese is not None or (upper is not None and upper[0] not in _ARABIC_DIGITS)
    if magnitude == "千" and is_chinese:
        return None  # 千 inside a Chinese numeral is a digit place (三千人), never a magnitude
    # The source text runs to the unit (or the number, or the magnitude word), never over an
    # attached 以上/以内 (conventions: ``text`` keeps only an attached 余).
    if match["percent"] is not None:
        end = match.end("percent")
    elif match["unit"] is not None:
        end = match.end("unit")
    else:
        end = max(match.end("magnitude"), match.end("approx2"))
    if unit is not None and match["percent"] is None and match["after"] is None:
        # (a unit followed by 以上/以内 is a unit: 3所以上 is not 所以)
        follow = text[end : end + 1]
        if follow and follow in _NOT_UNIT_BEFORE.get(unit, ""):
            return None
        if unit == "个" and _VAGUE_DURATION.match(text, end):
            return None  # 1个多月, 3个余小时: a vague duration, not a count of 个
    start = match.start()
    before = text[max(0, start - 1) : start]
    if before and before in (_NAME_BEFORE if is_chinese else _ORDINAL_BEFORE):
        return None
    if before == " " and text[max(0, start - 2) : start - 1] in ("第", "前"):
        return None
    if unit == "次" and before == "届":
        return None  # 十二届八次全会: a session's ordinal, not a count of meetings
    if before in "、和及" and _ORDINAL_LIST.search(text, max(0, start - _LOOKBACK), start):
        return None  # 第十二、十三条, 第3、4项: a list that 第 opened is a list of ordinals
    if is_chinese and not _chinese_ok(text, match, unit if not magnitude else None, end):
        return None
    # 百分之百: the one bare 百 that is a number
    value = Decimal(100) if number == "百" else chinese_number(upper or number)
    low = chinese_number(number) if upper is not None else None
    if value is None or (upper is not None and (low is None or low >= value)):
        return None
    if is_chinese and value < 2 and not magnitude and unit != "倍" and number[0] not in "零〇":
        # 一次性, 一批: 一 before a unit is a word (but 一万人次, 一倍, 零点五个百分点 are counts)
        return None
    full_unit = "%" if unit in ("%", "％") else magnitude + (unit or "")
    qualifier = _qualifier(text, match, start, last_end)
    if upper is not None and qualifier not in _CHANGES:
        qualifier = Qualifier.AT_MOST
    try:
        metric = Metric(value=value, unit=full_unit, text=text[start:end], qualifier=qualifier)
    except ValidationError:
        return None  # e.g. a rate above 100% stated as a level: not a well-formed fact
    return metric, start, end


def _chinese_ok(text: str, match: re.Match[str], unit: str | None, end: int) -> bool:
    # ``unit`` is None when a magnitude word leads the unit (三千万元): no place name looks so.
    if match["space"]:
        return False
    if unit is not None and unit in _CHINESE_EXCLUDED_UNITS and len(match["chinese"] or "") < 2:
        return False  # 五台山, 三门峡 (but 三千册, 五百本, 三十亩 are counts)
    if text[end : end + 1] and text[end] in _CHINESE_DIGIT_CHARS:
        return False  # 两个一百年, 三会一课: numerals chained into a slogan
    chinese = match["chinese"] or ""  # absent when only a range's upper bound is Chinese
    if len(chinese) > 1 and all(ch in _CHINESE_DIGIT_CHARS[:-1] for ch in chinese):
        return False  # 三五次, 七八个: two digits side by side are a vague "three or five"
    if chinese == "二" and match["upper"] is None:
        return False  # a count of two is 两 before a measure word; 二次, 二期 are ordinals
    if unit == "个" and _ABSTRACT_AFTER.match(text, end):
        return False  # 四个方面, 三个统一, 两个确立: headings and slogans, not counts
    start = match.start()
    return not any(text.startswith(slogan, start) for slogan in _SLOGANS)


def _qualifier(text: str, match: re.Match[str], start: int, last_end: int) -> Qualifier:
    attached = Qualifier.EXACT
    if match["approx1"] or match["approx2"]:
        attached = Qualifier.APPROXIMATELY
    if match["after"]:
        attached = _AFTER_WORDS[match["after"].removeprefix("及")]
    before = _prefix_qualifier(text, start, last_end)
    if before in _CHANGES or attached is Qualifier.EXACT:
        return before
    return attached


def _prefix_qualifier(text: str, start: int, last_end: int) -> Qualifier:
    # The clause before the number, cut at the previous metric: "no other number between".
    begin = max(last_end, start - _LOOKBACK)
    for brk in _CLAUSE_BREAK.finditer(text, begin, start):
        begin = brk.end()
    prefix = text[begin:start]
    if not prefix:
        return Qualifier.EXACT
    adjacent = _ADJACENT_PATTERN.search(prefix)
    if adjacent is not None:
        return _ADJACENT_WORDS[adjacent["word"]]
    compared = _COMPARED.search(prefix)
    if compared is not None:
        return Qualifier.INCREASE if compared["direction"] == "多" else Qualifier.DECREASE
    last: re.Match[str] | None = None
    for word in _PREFIX_PATTERN.finditer(prefix):
        last = word
    if last is None:
        return Qualifier.EXACT
    if any(ch.isdigit() for ch in prefix[last.end() :]):
        return Qualifier.EXACT
    if _states_level(last.group(), prefix[last.end() :]):
        return Qualifier.EXACT  # 下降至5%, 提高到95%: the level reached, not the change
    return _PREFIX_WORDS[last.group()]


def _states_level(word: str, rest: str) -> bool:
    """Whether a change word followed by ``rest`` names the level reached, not the change."""
    if _PREFIX_WORDS[word] not in _CHANGES or word.endswith("幅") or rest[:1] in ("幅", "率"):
        return False  # 增幅为15%, 增长幅度为15%: the size of the change
    # 提高到95%, 下降为2%, and 至/后 later on (降低差错率至2%, 精简后保留); 截至 is a date
    return rest[:1] in ("至", "到", "为") or _LEVEL_LATER.search(rest) is not None
