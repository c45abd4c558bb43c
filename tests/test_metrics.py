"""Finding metrics in clean text: units, Chinese numerals, qualifiers, and the lookalikes."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import cn2an
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import lawgov
import lawgov.samples
from lawgov import Metric, Qualifier
from lawgov._model import tree_problems
from lawgov._parse.metrics import UNITS, find_metric_spans, find_metrics

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = Path(lawgov.samples.__file__).parent / "jianghai-kjj-2020.txt"
REFERENCE = [
    "a-district-science-2021",
    "b-county-government-2022",
    "g-citations-justice-bureau-2021",
]

EXACT = Qualifier.EXACT


def _found(text: str) -> list[tuple[str, str, str, Qualifier]]:
    return [(str(m.value), m.unit, m.text, m.qualifier) for m in find_metrics(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # units by frequency, each with its exact source text
        ("开展检查42次", [("42", "次", "42次", EXACT)]),
        ("合格率99.6%", [("99.6", "%", "99.6%", EXACT)]),
        ("合格率为100％", [("100", "%", "100％", EXACT)]),
        ("保留事项246项", [("246", "项", "246项", EXACT)]),
        ("审核决定96件", [("96", "件", "96件", EXACT)]),
        ("惠及企业63家", [("63", "家", "63家", EXACT)]),
        ("参考人数1386人", [("1386", "人", "1386人", EXACT)]),
        ("参考人数1,386人", [("1386", "人", "1,386人", EXACT)]),
        ("选派律师5名", [("5", "名", "5名", EXACT)]),
        ("开展宣传活动11场", [("11", "场", "11场", EXACT)]),
        ("举办讲座3场次", [("3", "场次", "3场次", EXACT)]),
        ("培训干部1200人次", [("1200", "人次", "1200人次", EXACT)]),
        ("编印简报12期", [("12", "期", "12期", EXACT)]),
        ("出具意见书9份", [("9", "份", "9份", EXACT)]),
        ("修复记录57条", [("57", "条", "57条", EXACT)]),
        ("发放资金450万元", [("450", "万元", "450万元", EXACT)]),
        ("成交额3.6亿元", [("3.6", "亿元", "3.6亿元", EXACT)]),
        ("受理投诉30件次", [("30", "件次", "30件次", EXACT)]),
        ("设立服务点8处", [("8", "处", "8处", EXACT)]),
        ("走访学校4所", [("4", "所", "4所", EXACT)]),
        ("制定文件2部", [("2", "部", "2部", EXACT)]),
        ("开展评查3轮", [("3", "轮", "3轮", EXACT)]),
        ("帮扶困难群众15户", [("15", "户", "15户", EXACT)]),
        ("提高2.5个百分点", [("2.5", "个百分点", "2.5个百分点", Qualifier.INCREASE)]),
        ("压缩至1天以内", [("1", "天", "1天", Qualifier.AT_MOST)]),
        ("抽查案卷310卷", [("310", "卷", "310卷", EXACT)]),
        ("发表文章6篇", [("6", "篇", "6篇", EXACT)]),
        ("分3批次推进", [("3", "批次", "3批次", EXACT)]),
        ("开展执法培训3轮次", [("3", "轮次", "3轮次", EXACT)]),
        ("服务4.27万户", [("4.27", "万户", "4.27万户", EXACT)]),
        ("接待群众3万人次", [("3", "万人次", "3万人次", EXACT)]),
        ("办理2.1万件", [("2.1", "万件", "2.1万件", EXACT)]),
        ("办结时限3个工作日", [("3", "个工作日", "3个工作日", EXACT)]),
        # a space between number and unit in PDF-derived copies: the text keeps it
        ("全年集中学法18 次", [("18", "次", "18 次", EXACT)]),
        # Chinese numerals
        ("召开专题会议三次", [("3", "次", "三次", EXACT)]),
        ("梳理事项十二项", [("12", "项", "十二项", EXACT)]),
        ("开展培训二十余次", [("20", "次", "二十余次", Qualifier.APPROXIMATELY)]),
        ("组织考试两轮", [("2", "轮", "两轮", EXACT)]),
        ("接待群众三万人次", [("3", "万人次", "三万人次", EXACT)]),
        ("培训三千人", [("3000", "人", "三千人", EXACT)]),
        ("投入资金三千万元", [("3000", "万元", "三千万元", EXACT)]),
        ("成交额三亿元", [("3", "亿元", "三亿元", EXACT)]),
        ("服务群众一万人次", [("1", "万人次", "一万人次", EXACT)]),
        ("举办百分之九十", [("90", "%", "百分之九十", EXACT)]),
        # qualifiers attached after the number
        ("开展活动20余次", [("20", "次", "20余次", Qualifier.APPROXIMATELY)]),
        ("开展活动20多次", [("20", "次", "20多次", Qualifier.APPROXIMATELY)]),
        ("覆盖企业100家以上", [("100", "家", "100家", Qualifier.AT_LEAST)]),
        ("控制在5天以下", [("5", "天", "5天", Qualifier.AT_MOST)]),
        ("培训500人左右", [("500", "人", "500人", Qualifier.APPROXIMATELY)]),
        ("新建学校3所以上", [("3", "所", "3所", Qualifier.AT_LEAST)]),
        ("服务1.5万余人", [("1.5", "万人", "1.5万余人", Qualifier.APPROXIMATELY)]),
        # qualifiers before the number, in the same clause
        ("每月至少进行1次法治专题学习", [("1", "次", "1次", Qualifier.AT_LEAST)]),
        ("不少于4次", [("4", "次", "4次", Qualifier.AT_LEAST)]),
        ("超过300人参加", [("300", "人", "300人", Qualifier.AT_LEAST)]),
        ("参训人员逾2000人", [("2000", "人", "2000人", Qualifier.AT_LEAST)]),
        ("不超过5个工作日", [("5", "个工作日", "5个工作日", Qualifier.AT_MOST)]),
        ("约300人参加", [("300", "人", "300人", Qualifier.APPROXIMATELY)]),
        ("惠及近5000户", [("5000", "户", "5000户", Qualifier.APPROXIMATELY)]),
        ("累计修复企业信用记录57条", [("57", "条", "57条", Qualifier.CUMULATIVE)]),
        ("案件同比增长15%", [("15", "%", "15%", Qualifier.INCREASE)]),
        ("案件同比增长150%", [("150", "%", "150%", Qualifier.INCREASE)]),
        ("较上年增加12件", [("12", "件", "12件", Qualifier.INCREASE)]),
        ("投诉同比下降8.5%", [("8.5", "%", "8.5%", Qualifier.DECREASE)]),
        ("案件减少3件", [("3", "件", "3件", Qualifier.DECREASE)]),
        ("同比增长20%以上", [("20", "%", "20%", Qualifier.INCREASE)]),
        # a change verb with 至/到 states the level reached
        ("办理时限压缩到5天", [("5", "天", "5天", EXACT)]),
        ("差错率下降至2%", [("2", "%", "2%", EXACT)]),
        # a qualifier in another clause, or with another number between, does not count
        ("近年来，培训300人", [("300", "人", "300人", EXACT)]),
        ("约谈企业3家", [("3", "家", "3家", EXACT)]),
        ("签约3家律师事务所", [("3", "家", "3家", EXACT)]),
        ("最近3次检查", [("3", "次", "3次", EXACT)]),
        (
            "累计办理案件30件、调解纠纷12件",
            [("30", "件", "30件", Qualifier.CUMULATIVE), ("12", "件", "12件", EXACT)],
        ),
        ("由30天减至15天", [("30", "天", "30天", EXACT), ("15", "天", "15天", EXACT)]),
        # ranges: one metric, the upper bound, at most
        ("办结时限3-5个工作日", [("5", "个工作日", "3-5个工作日", Qualifier.AT_MOST)]),
        ("开展三至五次", [("5", "次", "三至五次", Qualifier.AT_MOST)]),
        ("降低5%-10%", [("10", "%", "5%-10%", Qualifier.DECREASE)]),
        ("投入10万—20万元", [("20", "万元", "10万—20万元", Qualifier.AT_MOST)]),
        # several in order, not deduplicated
        (
            "新增7家企业，撤销11家企业，又新增7家",
            [("7", "家", "7家", EXACT), ("11", "家", "11家", EXACT), ("7", "家", "7家", EXACT)],
        ),
        ("设立1500万元准备金", [("1500", "万元", "1500万元", EXACT)]),
        ("覆盖率达到百分之百", [("100", "%", "百分之百", EXACT)]),
        ("满意度百分之九十八点五", [("98.5", "%", "百分之九十八点五", EXACT)]),
        ("同比增长三点五个百分点", [("3.5", "个百分点", "三点五个百分点", Qualifier.INCREASE)]),
        # a Chinese decimal below one opens with 零 (never read as the 五 after 点)
        ("同比下降零点五个百分点", [("0.5", "个百分点", "零点五个百分点", Qualifier.DECREASE)]),
        ("提高〇点八个百分点", [("0.8", "个百分点", "〇点八个百分点", Qualifier.INCREASE)]),
        ("收到意见建议20条次", [("20", "条次", "20条次", EXACT)]),
        ("刊发稿件35篇次", [("35", "篇次", "35篇次", EXACT)]),
        # 约/近 before a share stated with 占…的
        ("约占全区企业总数的35%", [("35", "%", "35%", Qualifier.APPROXIMATELY)]),
        ("签约占比30%", [("30", "%", "30%", EXACT)]),
        ("约有500人参加", [("500", "人", "500人", Qualifier.APPROXIMATELY)]),
        ("建立3个多元化解中心", [("3", "个", "3个", EXACT)]),
        # spaces from PDF copies: after a qualifier, before a unit, after a magnitude word
        ("培训1.2万 人次", [("1.2", "万人次", "1.2万 人次", EXACT)]),
        ("培训超 300人次", [("300", "人次", "300人次", Qualifier.AT_LEAST)]),
        ("投入约 1.2亿元", [("1.2", "亿元", "1.2亿元", Qualifier.APPROXIMATELY)]),
        ("开展18\u3000次", [("18", "次", "18\u3000次", EXACT)]),
        # upper bounds right before the number; 不少于/不低于 stay lower bounds
        ("专职人员不足5人", [("5", "人", "5人", Qualifier.AT_MOST)]),
        ("纠错率不到10%", [("10", "%", "10%", Qualifier.AT_MOST)]),
        ("少于3次", [("3", "次", "3次", Qualifier.AT_MOST)]),
        ("不低于95%", [("95", "%", "95%", Qualifier.AT_LEAST)]),
        ("存在不足，整改问题12个", [("12", "个", "12个", EXACT)]),
        # 及以上 / 及以下 are attached bounds too
        ("满意率达到90%及以上", [("90", "%", "90%", Qualifier.AT_LEAST)]),
        ("控制在5人及以下", [("5", "人", "5人", Qualifier.AT_MOST)]),
        # the size of a change (增幅, 降幅), even with 为/达 after it
        ("增幅达15%", [("15", "%", "15%", Qualifier.INCREASE)]),
        ("同比降幅为20%", [("20", "%", "20%", Qualifier.DECREASE)]),
        ("同比增长幅度为12%", [("12", "%", "12%", Qualifier.INCREASE)]),
        # 至 later in the clause still states the level reached; 截至 is a date
        ("降低差错率至2%", [("2", "%", "2%", EXACT)]),
        ("累计为320件", [("320", "件", "320件", Qualifier.CUMULATIVE)]),
        # cutting a time or a burden is a decrease, unless 至/后 state the level reached
        ("审批时间平均压缩60%", [("60", "%", "60%", Qualifier.DECREASE)]),
        ("精简申请材料120份", [("120", "份", "120份", Qualifier.DECREASE)]),
        ("精简后保留事项246项", [("246", "项", "246项", EXACT)]),
        ("压缩审批时限至10个工作日", [("10", "个工作日", "10个工作日", EXACT)]),
        ("压缩至5个工作日以内", [("5", "个工作日", "5个工作日", Qualifier.AT_MOST)]),
        # a comparison with 多/少 states the change
        ("比上年多12件", [("12", "件", "12件", Qualifier.INCREASE)]),
        ("较去年同期少了15件", [("15", "件", "15件", Qualifier.DECREASE)]),
        ("比例达到30%", [("30", "%", "30%", EXACT)]),
        ("较少出现问题3次", [("3", "次", "3次", EXACT)]),
        ("同比增长了一倍", [("1", "倍", "一倍", Qualifier.INCREASE)]),
        # numbers listed side by side share a change word and the end of a unit
        (
            "同比分别增长12%和8%",
            [("12", "%", "12%", Qualifier.INCREASE), ("8", "%", "8%", Qualifier.INCREASE)],
        ),
        (
            "分别下降3个、2个百分点",
            [
                ("3", "个百分点", "3个", Qualifier.DECREASE),
                ("2", "个百分点", "2个百分点", Qualifier.DECREASE),
            ],
        ),
        ("分别为1万和2万元", [("1", "万元", "1万", EXACT), ("2", "万元", "2万元", EXACT)]),
        ("检查企业5家、10家次", [("5", "家", "5家", EXACT), ("10", "家次", "10家次", EXACT)]),
        (
            "增长12%，其中案件15件、许可8件",
            [
                ("12", "%", "12%", Qualifier.INCREASE),
                ("15", "件", "15件", EXACT),
                ("8", "件", "8件", EXACT),
            ],
        ),
        # units refused after a single Chinese digit (五台山) are counts after a longer numeral
        ("编印手册三千余册", [("3000", "册", "三千余册", Qualifier.APPROXIMATELY)]),
        ("发放宣传册五百本", [("500", "本", "五百本", EXACT)]),
        ("配备执法车辆二十辆", [("20", "辆", "二十辆", EXACT)]),
    ],
)
def test_metrics(text: str, expected: list[tuple[str, str, str, Qualifier]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # years, year ranges, dates and times
        "2020年，区科技局",
        "《法治政府建设实施纲要》（2021—2025年）",
        "2021—2025年",
        "在2月25日举办",
        "更新时间：2021-02-26 16:14",
        "2023年2月20日",
        "2026.04.20",
        # ordinals and ranks
        "位列全市第3位",
        "第一责任人",
        "第3名",
        "排名前3位",
        "排名前三名",
        "十九届二中、三中、四中全会精神",
        "党的二十大精神",
        # slogans and plan names
        "增强四个意识",
        "落实中央八项规定精神",
        "全面推行行政执法三项制度",
        "推进十四五规划",
        "深入开展八五普法",
        "构建1+6+3工作体系",
        "实现两个一百年奋斗目标",
        "落实三会一课制度",
        # words built with 一 and a unit
        "一次性告知",
        "一站式服务",
        "一把手",
        "一批典型案例",
        "一项项落实",
        "县、乡两级执法机关",
        # N是 enumerators
        "一是健全机制。二是抓实学法。",
        # inside titles, quotes and document numbers
        "学习《在庆祝改革开放40周年大会上重要讲话》",
        "申报“科技助力经济2020”省重点专项",
        '申报"科技助力经济2020"省重点专项',
        "落实行政执法“三项制度”",
        "印发（江府〔2017〕16号）",
        "岚司发[2021]3号",
        # identifiers and places
        "索引号：11511234MB1A23456K/2023-00017",
        "三门峡市",
        "五台山",
        "七台河市",
        "五家渠市",
        "国十条",
        "组织3部门联合检查",
        "召开座谈会",
        "建立台账",
        "12345热线",
        "5G基站",
        # headings and vague amounts
        "从六个方面推进",
        "坚持三个统一",
        "开展数十次",
        "推进二次供水改造",
        # 个 counting a time unit after 多/余 is a vague duration
        "历时1个多月",
        # two digits side by side are a vague "three or five", not 35
        "开展三五次",
        # a list of numbers that 第 opened is a list of ordinals
        "依据第十二、十三条",
        "落实第3、4项",
        "第12、13和14条规定",
        "发现七八个问题",
        "一点一滴",
        "严格落实三个规定",
        # a unit alone or a number alone
        "共有个别问题",
        "完成率120%",
    ],
)
def test_not_metrics(text: str) -> None:
    assert find_metrics(text) == []


def test_spans_give_the_source_text() -> None:
    text = "全年开展活动20余次，覆盖企业100家以上，发放资金450万元。"
    spans = find_metric_spans(text)
    assert [text[start:end] for _, start, end in spans] == ["20余次", "100家", "450万元"]
    assert all(text[start:end] == metric.text for metric, start, end in spans)


def test_magnitude_word_stays_in_the_unit() -> None:
    (metric,) = find_metrics("设立1500万元科技信贷风险准备金")
    assert (metric.value, metric.unit) == (Decimal(1500), "万元")
    assert metric.base_value == Decimal(15_000_000)
    assert metric.base_unit == "元"


@pytest.mark.parametrize("name", REFERENCE)
def test_fixture_metrics(name: str) -> None:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text("utf-8"))
    found = {
        (str(m.value), m.unit)
        for line in lawgov.clean_text(text).splitlines()
        for m in find_metrics(line)
    }
    assert found == {(m["value"], m["unit"]) for m in expected["metrics"]}


@pytest.mark.parametrize("name", REFERENCE)
def test_fixture_metric_texts_are_substrings(name: str) -> None:
    text = lawgov.clean_text((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text("utf-8"))
    texts = {m.text for line in text.splitlines() for m in find_metrics(line)}
    assert texts == {m["text"] for m in expected["metrics"]}


def test_seed_metrics() -> None:
    raw = SEED.read_text(encoding="utf-8")
    found = [
        (str(m.value), m.unit, m.qualifier)
        for line in lawgov.clean_text(raw).splitlines()
        for m in find_metrics(line)
    ]
    assert found == [
        ("1", "次", Qualifier.AT_LEAST),
        ("7", "家", EXACT),
        ("11", "家", EXACT),
        ("608", "家", EXACT),
        ("96", "家", EXACT),
        ("1500", "万元", EXACT),
        ("122", "个", EXACT),
        ("23", "项", EXACT),
        ("23", "项", EXACT),
        ("23", "项", EXACT),
        ("3", "项", EXACT),
        ("20", "项", EXACT),
    ]


_ALPHABET = st.sampled_from(
    list(
        "0123456789.,-—~至余多万亿千百十一二两三四五六七八九零"
        "个次项件家人%％第前“”《》〔〕（）()号以上下内约超累计增长下降，。；、 \n"
    )
)


@given(st.text())
def test_never_crash_on_any_text(text: str) -> None:
    for metric, start, end in find_metric_spans(text):
        assert isinstance(metric, Metric)
        assert text[start:end] == metric.text
        assert tree_problems(metric) == []


@given(st.text(_ALPHABET, max_size=60))
def test_only_valid_metrics_on_numeric_soup(text: str) -> None:
    previous_end = 0
    for metric, start, end in find_metric_spans(text):
        assert text[start:end] == metric.text
        assert start >= previous_end
        previous_end = end
        assert metric.value >= 0
        assert metric.unit.strip()
        assert (
            metric.unit != "%"
            or metric.value <= 100
            or metric.qualifier
            in (
                Qualifier.INCREASE,
                Qualifier.DECREASE,
            )
        )


def test_linear_time_on_long_text() -> None:
    import time

    paragraph = "全年开展活动20余次，覆盖企业100家以上，《纲要（2021—2025年）》“四个意识”2020年。"
    text = paragraph * 2000
    started = time.perf_counter()
    found = find_metrics(text)
    elapsed = time.perf_counter() - started
    assert len(found) == 4000
    assert elapsed < 2.0


_SAFE_UNITS = [unit for unit in UNITS if unit not in ("%", "％")]


@given(
    value=st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False),
    unit=st.sampled_from(_SAFE_UNITS),
    magnitude=st.sampled_from(["", "万", "亿"]),
    bound=st.sampled_from(["", "以上", "以内", "左右"]),
)
def test_any_number_and_unit_is_read_back(
    value: Decimal, unit: str, magnitude: str, bound: str
) -> None:
    printed = f"{value}{magnitude}{unit}"
    (metric,) = find_metrics(f"全年完成{printed}{bound}，效果良好。")
    assert (metric.value, metric.unit, metric.text) == (value, magnitude + unit, printed)
    expected = {
        "": EXACT,
        "以上": Qualifier.AT_LEAST,
        "以内": Qualifier.AT_MOST,
        "左右": Qualifier.APPROXIMATELY,
    }
    assert metric.qualifier is expected[bound]


@given(value=st.decimals(min_value=0, max_value=100, places=1, allow_nan=False))
def test_any_percentage_is_read_back(value: Decimal) -> None:
    (metric,) = find_metrics(f"满意率{value}%。")
    assert (metric.value, metric.unit, metric.text) == (value, "%", f"{value}%")


@example(value=10_000, unit="次")
@example(value=20_000, unit="次")
@example(value=12_000, unit="人次")
@given(
    value=st.integers(min_value=3, max_value=99_999),
    unit=st.sampled_from(
        ["次", "项", "件", "家", "名", "场", "人次", "期", "份", "条", "轮", "个"]
    ),
)
def test_any_chinese_count_is_read_back(value: int, unit: str) -> None:
    printed = f"{cn2an.an2cn(value)}{unit}"
    (metric,) = find_metrics(f"全年开展{printed}，效果良好。")
    # a round 万 keeps its magnitude word in the unit (三万次 → 3 万次), like 3万次
    assert (metric.base_value, metric.base_unit, metric.text) == (Decimal(value), unit, printed)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("供水35.6万立方米，", "35.6", "万立方米"),
        ("节水3560立方米。", "3560", "立方米"),
        ("收缴20公斤。", "20", "公斤"),
    ],
)
def test_volume_and_weight_units(text: str, value: str, unit: str) -> None:
    (metric,) = find_metrics(text)
    assert (metric.value, metric.unit) == (Decimal(value), unit)


OWN_FIXTURES = Path(__file__).resolve().parent / "fixtures"
AT_LEAST, AT_MOST = Qualifier.AT_LEAST, Qualifier.AT_MOST
APPROX, CUMULATIVE = Qualifier.APPROXIMATELY, Qualifier.CUMULATIVE
INCREASE, DECREASE = Qualifier.INCREASE, Qualifier.DECREASE


@pytest.mark.parametrize(
    ("name", "qualified"),
    [
        (
            "x-metrics-city-taxation-2024",
            [
                ("1.2 个百分点", INCREASE),
                ("86.5 万元", APPROX),
                ("15.6%", INCREASE),
                ("3.5%", DECREASE),
                ("260 余条", APPROX),
                ("20 万人次", AT_LEAST),
                ("900 人", APPROX),
                ("2 次", AT_LEAST),
                ("5 个", AT_LEAST),
                ("40 学时", AT_LEAST),
                ("3 小时", AT_MOST),
            ],
        ),
        (
            "x-metrics-town-government-2021",
            [
                ("四十余条", APPROX),
                ("三百六十余人次", APPROX),
                ("两个百分点", INCREASE),
                ("五千份", APPROX),
                ("两千余人次", APPROX),
                ("四次", AT_LEAST),
                ("五名", AT_LEAST),
            ],
        ),
        (
            "x-metrics-province-natural-resources-2025",
            [
                ("3个工作日", AT_MOST),
                ("6.4%", INCREASE),
                ("187件", DECREASE),
                ("1.6个百分点", DECREASE),
                ("120万人次", AT_LEAST),
                ("1.3万余人", APPROX),
                ("2000人次", AT_LEAST),
                ("5%", AT_MOST),
            ],
        ),
    ],
)
def test_fixture_qualifiers(name: str, qualified: list[tuple[str, Qualifier]]) -> None:
    # Every other metric of these reports is exact: 由A减至B, 达到, 截至, 共 state plain facts.
    report = lawgov.parse_text((OWN_FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    found = [(m.text, m.qualifier) for m in report.iter_metrics() if m.qualifier is not EXACT]
    assert found == qualified
