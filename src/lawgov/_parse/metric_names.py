"""What a metric counts (`lawgov.Metric.name`), read from the words around it.

This module owns the naming rule. It is conservative by design: no name is better than a wrong
one, so a name is given only when the text states the counted thing in one of three plain
patterns, and the name ends in a head noun that fits the unit (people for 名/人次, cases and
documents for 件, bodies for 家/户, events for 次/期/场, a rate for %).

1. **After the unit**: ``608家企业``, ``对3家超计划取水单位依法…``, ``9个市场监管所中有…``. The
   noun phrase right after the unit, up to a head noun, when what follows it ends the phrase
   (punctuation, or a verb or particle from a short list such as 参加, 开展, 中, 的).
2. **Before the number**: ``受理行政复议案件35件``, ``培训执法人员1200人次``, ``罚没款312.5万元``,
   ``在校学生8.47万名``. The words of the clause before the number (and its qualifier: 约, 超过,
   不少于, 共…), after the clause's first object-taking verb (受理, 办理, 培训, 召开 …); with no
   such verb, the whole clause when it is short and starts the sentence or follows 其中 / 全年.
3. **A rate**: ``调解成功率达98.4%``, ``优秀率较上年提高6.5个百分点``: the word ending in 率 (or
   权重, 占比) before a percentage.

Refused, among others: a clause whose object is a topic rather than the counted thing
(``研究法治工作6次``: 工作 is no event), names containing 等 or 的 (``酒类流通备案等事项``,
``部门的行政许可事项``), names longer than `MAX_NAME` characters, and anything across
punctuation, digits or another metric.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from lawgov._model import Metric
from lawgov._model.han import HAN_BASIC

__all__ = ["MAX_NAME", "metric_name", "name_metrics"]

#: A name is at most this many characters; longer runs are clauses, not names.
MAX_NAME: Final = 10
#: A clause without a verb is a name only when this short (在校学生, 政协委员提案).
MAX_CLAUSE_NAME: Final = 8
#: A rate or duration phrase may be longer (道路运输经营许可审批时限).
MAX_PHRASE_NAME: Final = 12

_PEOPLE: Final = (
    "人员", "干部", "职工", "群众", "学生", "教师", "顾问", "副校长", "明白人", "队员",
    "嫌疑人", "负责人", "受众", "人口", "师生", "校长", "民警", "纳税人",
)  # fmt: skip
_CASES: Final = (
    "案件", "文件", "事项", "投诉", "举报", "纠纷", "申请", "诉求", "提案", "建议", "许可",
    "认定", "争议", "办件", "工单", "证照", "业务", "警情", "线索", "规章", "信息",
)  # fmt: skip
_BODIES: Final = ("企业", "机构", "门店", "单位", "主体", "组织", "对象", "纳税人", "学校")
_ITEMS: Final = (
    "事项", "任务", "职权", "决策", "制度", "审批", "许可", "评价", "清单", "材料", "项目",
    "业务", "处罚", "检查",
)  # fmt: skip
_PLACES: Final = (
    "部门",
    "项目",
    "问题",
    "乡镇",
    "村",
    "社区",
    "所",
    "派出所",
    "市场监管所",
)
_EVENTS: Final = (
    "会议", "培训", "讲座", "活动", "检查", "评查", "行动", "大讲堂", "学堂", "学法", "听证",
    "庭审", "轮训", "考试", "学习", "巡查", "法治课", "培训班", "自查", "执法",
)  # fmt: skip
_GATHERINGS: Final = ("活动", "会议", "讲座", "庭审")
_MONEY: Final = ("款", "金额", "投资", "损失", "税款", "款项")
_TIME: Final = ("时间", "时限", "时长")
_RATE: Final = ("率", "权重", "占比")

# The head nouns a name may end in, by base unit (magnitude words stripped: 万人次 → 人次).
_HEADS: Final[dict[str, tuple[str, ...]]] = {
    "名": _PEOPLE,
    "人": _PEOPLE,
    "人次": _PEOPLE,
    "件": (*_CASES, "审查"),
    "件次": (*_CASES, "审查"),
    "起": _CASES,
    "宗": _CASES,
    "项": _ITEMS + _CASES,
    "家": _BODIES,
    "户": _BODIES,
    "户次": _BODIES,
    "所": ("学校", "中小学", "示范校", "机构"),
    "个": (*_PLACES, "事项", "证明事项"),
    "条": ("信息", "意见", "条款", "措施", "解读"),
    "份": (
        "合同",
        "协议",
        "报告",
        "意见书",
        "资料",
        "文件",
        "文章",
        "公告",
        "责任书",
        "汇编",
        "要点",
        "案卷",
    ),
    "篇": ("文章", "稿件"),
    "部": ("规章", "草案", "基准", "短视频"),
    "卷": ("案卷",),
    "册": ("手册", "汇编"),
    "处": ("点位", "隐患", "驿站", "阵地", "行医点"),
    "支": ("队伍",),
    "张": ("证照",),
    "次": _EVENTS,
    "期": _EVENTS,
    "场": _EVENTS,
    "场次": _EVENTS,
    "轮": _EVENTS,
    "元": _MONEY,
    "天": _TIME,
    "小时": _TIME,
    "分钟": _TIME,
    "个工作日": _TIME,
    "工作日": _TIME,
    "%": _RATE,
    "个百分点": _RATE,
    "百分点": _RATE,
}

# Verbs that take the counted thing as their object: the name is what follows the first of them.
_VERBS: Final = (
    "受理", "办理", "清理", "审查", "审核", "检查", "查处", "培训", "发放", "印发", "刊发",
    "调解", "调处", "办结", "新增", "新设", "公示", "公开", "评查", "抽查", "抽检", "聘请",
    "配备", "完成", "出动", "作出", "制发", "制定", "起草", "保留", "取消", "处理", "走访",
    "举办", "开展", "召开", "组织", "审批", "排查", "化解", "移送", "归集", "发布", "编印",
    "制作", "推送", "覆盖", "惠及", "服务", "现有", "辖", "明确", "分解", "细化", "修订",
    "审定", "审阅", "签订", "提出", "出具", "接收", "接报", "转办", "破获", "抓获", "压减",
    "划转", "整合", "组建", "建成", "培育", "纠正", "涉及", "挽回", "审议", "提交", "承接",
    "梳理", "参加", "主持", "督促退还", "集体研究", "研究", "拘留", "进驻", "形成", "发现并整改",
    "发现", "督促整改", "整改", "整治", "解决", "取缔", "清退", "适用", "查出", "应诉", "设立",
    "评估", "带头讲授", "带头讲", "讲授", "下放", "委托", "赋予", "坚持", "带头", "实施",
)  # fmt: skip
# Verbs after which another verb continues the same predicate (主持召开, 组织开展, 带头讲).
_LIGHT_VERBS: Final = frozenset({"组织", "主持", "开展", "坚持", "带头", "清理", "研究"})
# Conjunctions that join two verbs of one predicate (下放和委托, 审查并出具).
_CONJUNCTIONS: Final = ("和", "及", "与", "并")
# Names too generic to say anything: refused alone.
_BARE: Final = frozenset({"事项"})
# Heads whose whole phrase is the name: verbs inside it are part of it (调解成功率, 办税时间).
_WHOLE: Final = frozenset(_RATE + _TIME)
# Words a name never starts with: scope and quantity words whose inclusion readers disagree on.
_NOT_FIRST: Final = ("各", "新登记", "登记")
# Words no name contains: a frequency, a list, a possessive.
_NOT_INSIDE: Final = ("等", "的", "每")
# A clause whose object begins with a recipient names where things went, not what they are.
_RECIPIENTS: Final = ("公安机关", "司法机关", "检察机关")
# Intent words before a target rate (力争…率保持在98%).
_INTENTS: Final = ("力争", "确保")
# Words between a name and its number that do not belong to either (longest first when matched).
_CONNECTORS: Final = (
    "较上年提高", "较上年提升", "较上年减少", "较上年增加", "不少于", "不低于", "不超过",
    "达到", "保持在", "保持", "提高到", "提高至", "控制在", "均为", "共计", "合计", "累计",
    "超过", "约", "近", "逾", "超", "达", "为", "共", "仅", "约有", "由",
)  # fmt: skip
# Leading words of a clause that are not part of a name.
_LEADS: Final = (
    "全年", "年内", "其中", "全区", "全县", "全市", "全镇", "全省", "全局", "全厅", "依法",
    "线上线下", "另", "我区", "我县", "我市", "我镇", "我局", "我省",
)  # fmt: skip
# What may follow a name found after its unit: the phrase has ended.
_AFTER_ENDS: Final = (
    "参加", "开展", "实现", "实行", "进行", "中", "被", "已", "均", "全部", "纳入", "划",
    "调整", "委托", "因", "配备", "未", "聘请", "依法", "集中", "实施", "提出", "签订",
    "申报", "全部",
)  # fmt: skip

# Verbs between a starting level and the level reached (由20天压减至5天).
_REACHED: Final = frozenset(
    f"{verb}{to}"
    for verb in (
        "减",
        "压减",
        "压缩",
        "精简",
        "降",
        "降低",
        "减少",
        "缩短",
        "提高",
        "增",
        "增加",
        "提升",
    )
    for to in ("至", "到", "为")
)
_NAME_CHAR = re.compile(f'[{HAN_BASIC}“”"（）()、]')
_QUOTES = str.maketrans("", "", '“”"')
_VERB = re.compile("|".join(sorted(_VERBS, key=len, reverse=True)))
_CONNECTOR = re.compile("(?:" + "|".join(sorted(_CONNECTORS, key=len, reverse=True)) + r")\s*$")
_SENTENCE_START = frozenset("，。；：,.;:!?！？\n")


def _heads(metric: Metric) -> tuple[str, ...]:
    return _HEADS.get(metric.base_unit, ())


def _ends_in_head(name: str, heads: Sequence[str]) -> bool:
    return any(name.endswith(head) for head in heads)


def _acceptable(name: str, metric: Metric, heads: Sequence[str], limit: int = MAX_NAME) -> bool:
    if not (0 < len(name) <= limit and _ends_in_head(name, heads)):
        return False
    if any(word in name for word in _NOT_INSIDE) or name.startswith(_NOT_FIRST):
        return False
    if name[0] in "、（(" or name in _BARE:
        return False
    # An event done by people (干部旁听庭审, 顾问列席会议) names who took part, not the event
    # (but 执法人员轮训 is the event itself); people described by an event (参与现场活动群众)
    # are a clause, not a name.
    if heads is _EVENTS:
        for person in _PEOPLE:
            at = name.find(person)
            if at >= 0 and name[at + len(person) :] not in _EVENTS:
                return False
    if heads is _PEOPLE:
        return not any(event in name for event in _GATHERINGS)
    return True


def _inner_verb(name: str) -> bool:
    """Whether a verb stands inside ``name`` (not as its final, nominal head: 执法培训)."""
    return any(match.end() < len(name) for match in _VERB.finditer(name))


def _strip_leads(name: str, words: Sequence[str]) -> str:
    stripped = True
    while stripped:
        stripped = False
        for word in words:
            if name.startswith(word) and len(name) > len(word):
                name, stripped = name[len(word) :], True
    return name


def _after(text: str, end: int, metric: Metric, heads: Sequence[str]) -> str | None:
    """Rule 1: the noun phrase right after the unit (``608家企业``)."""
    run = ""
    for char in text[end : end + MAX_NAME + 1]:
        if not _NAME_CHAR.match(char) or char in "、（）()":
            break
        run += char
    # The longest prefix that ends in a head and is followed by the end of the phrase.
    for length in range(len(run), 0, -1):
        name = run[:length]
        rest = text[end + length :]
        if not _ends_in_head(name, heads):
            continue
        if rest[:1] in _SENTENCE_START or not rest or rest.startswith(_AFTER_ENDS):
            cleaned = name.translate(_QUOTES)
            if "的" in cleaned:
                # 7家质量较好的企业: a described thing is named by the noun after the description
                cleaned = cleaned.rsplit("的", 1)[1]
            return cleaned if _acceptable(cleaned, metric, heads) else None
        return None
    return None


def _clause_before(text: str, start: int, previous_end: int) -> tuple[str, bool]:
    """The words right before a number, and whether they start a clause.

    A clause starts after punctuation, or after a 、 that follows the previous metric (``刑事案件
    1137起、行政案件3725起``); a 、 inside a phrase (``普法进企业、进市场活动``) starts nothing.
    """
    before = text[:start].rstrip()
    match = _CONNECTOR.search(before)
    if match is not None:
        before = before[: match.start()].rstrip()
    index = len(before)
    while index > 0 and _NAME_CHAR.match(before[index - 1]) and before[index - 1] != "、":
        index -= 1
    if index == 0 or before[index - 1] in _SENTENCE_START:
        return before[index:], True
    listed = before[index - 1] == "、" and before[: index - 1].rstrip() == text[:previous_end]
    return before[index:], listed


def _before(
    text: str, start: int, previous_end: int, metric: Metric, heads: Sequence[str]
) -> str | None:
    """Rules 2 and 3: the object of the clause before the number, or the rate word."""
    clause, bounded = _clause_before(text, start, previous_end)
    if clause.count("“") != clause.count("”"):
        return None  # the clause began inside a quotation (“双随机、一公开”…): not all of it
    clause = clause.translate(_QUOTES)
    if not clause:
        return None
    if heads in (_RATE, _TIME):
        # A rate or a duration is named by its whole phrase: verbs inside belong to it.
        if not bounded:
            return None
        name = _strip_leads(clause, _LEADS + _INTENTS)
        return name if _acceptable(name, metric, heads, MAX_PHRASE_NAME) else None
    verb = _VERB.search(clause)
    if verb is None:
        if not bounded:
            return None
        name = _strip_leads(clause, _LEADS)
        return name if _acceptable(name, metric, heads, MAX_CLAUSE_NAME) else None
    if verb.group() == "查处" and clause[: verb.start()].endswith("立案"):
        # 立案查处违法案件: cases filed and investigated; the verbs describe the cases.
        name = clause[verb.start() - 2 :]
        return name if _acceptable(name, metric, heads) else None
    rest = clause[verb.end() :]
    current = verb.group()
    while True:
        joined = rest[1:] if rest.startswith(_CONJUNCTIONS) else None
        if joined is not None and (chained := _VERB.match(joined)) is not None:
            current, rest = chained.group(), joined[chained.end() :]
        elif current in _LIGHT_VERBS and (chained := _VERB.match(rest)) is not None:
            current, rest = chained.group(), rest[chained.end() :]
        else:
            break
    if rest.startswith(_RECIPIENTS):
        return None
    name = _strip_leads(rest, _LEADS)
    if name != rest and (chained := _VERB.match(name)) is not None:
        name = name[chained.end() :]  # 委托我局实施…事项: the recipient stands between two verbs
    if _inner_verb(name):
        return None  # two predicates (审议重大事项 after 提交): which one counts is not plain
    return name if _acceptable(name, metric, heads) else None


def metric_name(
    text: str, start: int, end: int, metric: Metric, *, previous_end: int = -1
) -> str | None:
    """What ``metric`` (found at ``text[start:end]``) counts, or None when the text does not say.

    Args:
        text: The clean text the metric was found in.
        start: Where its source text begins.
        end: Where it ends.
        metric: The metric (its unit decides which head nouns fit).
        previous_end: Where the metric before it in the same text ends (-1 for none).
    """
    heads = _heads(metric)
    if not heads:
        return None
    if heads is not _RATE:
        after = _after(text, end, metric, heads)
        if after is not None:
            return after
    return _before(text, start, previous_end, metric, heads)


def name_metrics(text: str, found: list[tuple[Metric, int, int]]) -> list[tuple[Metric, int, int]]:
    """The metrics found in ``text``, each with its name when the text states it.

    A metric that already has a name keeps it. The spans are unchanged.
    """
    named: list[tuple[Metric, int, int]] = []
    previous: tuple[Metric, int, int] | None = None
    for found_metric, start, end in found:
        metric = found_metric
        if metric.name is None:
            name = metric_name(
                text, start, end, metric, previous_end=previous[2] if previous else -1
            )
            if name is None and previous is not None:
                name = _reached(text, previous, metric, start)
            if name is not None:
                metric = attrs.evolve(metric, name=name)
        previous = (metric, start, end)
        named.append(previous)
    return named


def _reached(
    text: str, previous: tuple[Metric, int, int], metric: Metric, start: int
) -> str | None:
    """``由45天减至12天``: the level reached has the name of the level it started from."""
    before, _, end = previous
    if before.name is None or before.base_unit != metric.base_unit:
        return None
    return before.name if text[end:start].strip() in _REACHED else None
