"""Cleaning: each rule as a table of inputs and outputs, the seed end to end, the fixtures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import lawgov
from lawgov import CleanResult, DamagedSpan, ParseError, TextChange, clean, clean_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The three reference fixtures (styles described in fixtures/README.md).
REFERENCE = (
    "a-district-science-2021",
    "b-county-government-2022",
    "g-citations-justice-bureau-2021",
)
SEED = Path(lawgov.samples.__file__).parent / "jianghai-kjj-2020.txt"
REFERENCE_TEXTS = [
    FIXTURES / f"{name}.txt"
    for name in (
        "a-district-science-2021",
        "b-county-government-2022",
        "g-citations-justice-bureau-2021",
    )
]


def t2s(text: str) -> str:
    import opencc

    return str(opencc.OpenCC("t2s").convert(text))


# --- pinyin annotations ---------------------------------------------------------------------

PINYIN = [
    # capitals, a space before the parenthesis, a word annotated as a whole
    ("區(Qū)域", "区域"),
    ("區 (qū)域", "区域"),
    ("區域(qūyù)", "区域"),
    ("行政(xíng zhèng)", "行政"),
    ("區(qū)科技局", "区科技局"),
    ("報(bào)告", "报告"),
    ("建設(shè)", "建设"),
    ("區(qu)", "区"),  # toneless reading
    ("區（qū）", "区"),  # full-width parentheses
    ("綠(lü)化", "绿化"),
    ("綠(lv)化", "绿化"),  # v for ü, as typed on keyboards
    ("區(ou)", "区"),  # another reading of 區 (a heteronym)
    ("各市(區(qū))人民政府", "各市（区）人民政府"),  # annotation inside real parentheses
    ("重(zhòng)要", "重要"),
    ("區(qu1)", "区"),  # a tone number
    ("區(qu\u0304)", "区"),  # a combining macron instead of a precomposed ū
]


@pytest.mark.parametrize(("raw", "expected"), PINYIN)
def test_pinyin_annotations_go(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


# Parentheses that are not a reading of the character before them are real and survive (in full
# width, because they sit in Chinese context).
REAL_PARENTHESES = [
    ("目录(第二批)", "目录（第二批）"),
    ("各市(区)人民政府", "各市（区）人民政府"),
    ("纲要(2015—2020年)", "纲要（2015—2020年）"),
    ("(一)加强组织领导", "（一）加强组织领导"),
    ("《通知》(高新组通〔2019〕24号)", "《通知》（高新组通〔2019〕24号）"),
    ("党组(黨委)工作规则", "党组（党委）工作规则"),
    ("区(dang)科技局", "区（dang）科技局"),  # latin, but not a reading of 区
    ("世界贸易组织(WTO)", "世界贸易组织（WTO）"),  # upper case: an abbreviation, not pinyin
    ("区(QU)", "区（QU）"),
    ("（第二批）", "（第二批）"),
]


@pytest.mark.parametrize(("raw", "expected"), REAL_PARENTHESES)
def test_real_parentheses_survive(raw: str, expected: str) -> None:
    result = clean(raw)
    assert result.text == expected
    assert not [c for c in result.changes if c.kind == "pinyin"]


# --- script ---------------------------------------------------------------------------------

SCRIPT = [
    ("國家", "国家"),
    ("法治政府建設", "法治政府建设"),
    ("之後", "之后"),  # in GB2312, but never simplified usage
    ("乾淨", "干净"),  # 乾 converts inside a traditional run
    # On a traditional line, clauses whose characters are all in GB2312 convert too
    ("開展工作，於是，徵收，瞭解", "开展工作，于是，征收，了解"),
    ("於是\n開展", "於是\n开展"),  # ... but only on that line
    # Simplified text that OpenCC t2s would alter stays as it is.
    ("乾隆", "乾隆"),
    ("乾坤", "乾坤"),
    ("著名", "著名"),
    ("於姓", "於姓"),
    ("法治政府建设", "法治政府建设"),
]


@pytest.mark.parametrize(("raw", "expected"), SCRIPT)
def test_script(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("國家", "國家"),
        ("區(qū)科技局", "區科技局"),
        ("法治政府建設(shè)", "法治政府建設"),
        ("乾淨", "乾淨"),
    ],
)
def test_keep_script_keeps_traditional(raw: str, expected: str) -> None:
    assert clean_text(raw, keep_script=True) == expected
    assert not [c for c in clean(raw, keep_script=True).changes if c.kind == "script"]


# --- punctuation ----------------------------------------------------------------------------

PUNCTUATION = [
    # stray and doubled commas
    ("有组织,、有步骤", "有组织、有步骤"),
    ("地推进,。", "地推进。"),
    ("领导,,推进", "领导，推进"),
    ("一,、推进法治政府建设", "一、推进法治政府建设"),
    ("(一),加强学习", "（一）加强学习"),  # a comma after a heading marker
    ("（二），，规范决策", "（二）规范决策"),
    ("依据(一),(二)项", "依据（一），（二）项"),  # not at a line start: a real comma
    ("依法办事,;结合", "依法办事；结合"),
    ("如下,:", "如下："),
    # a comma right after a stop is as stray as one before it
    ("研究;,部署", "研究；部署"),
    ("提出要求。,下一步", "提出要求。下一步"),
    ("手册、,资料", "手册、资料"),
    ("a;,b", "a;,b"),  # not Chinese context
    ("领导，，推进", "领导，推进"),
    # ASCII marks in Chinese context
    ("根据有关要求,现将", "根据有关要求，现将"),
    ("汇报如下:", "汇报如下："),
    ("条例》;深入", "条例》；深入"),
    ("难道不是吗!", "难道不是吗！"),
    ("为什么?因为", "为什么？因为"),
    ("增长3.6%,位居", "增长3.6%，位居"),
    ("同比增长5%;", "同比增长5%；"),
    ("Hello,世界", "Hello，世界"),
    ("登录www.gov.cn,查询", "登录www.gov.cn，查询"),
    # ASCII stays outside Chinese context and inside numbers, times and URLs
    ("更新时间:2021-02-26 16:14 浏览数:-", "更新时间：2021-02-26 16:14 浏览数：-"),
    ("2021/02/26 16:14:05", "2021/02/26 16:14:05"),
    ("投入1,500万元", "投入1,500万元"),
    ("技术合同成交额3.6亿元", "技术合同成交额3.6亿元"),
    ("1:1000比例尺", "1:1000比例尺"),
    ("见http://www.gov.cn/a?id=1,2", "见http://www.gov.cn/a?id=1,2"),
    ("访问gov.cn/a?b=1,查询", "访问gov.cn/a?b=1，查询"),  # a bare domain is a URL too
    ("见zj.gov.cn/art/2021/art_1.html;", "见zj.gov.cn/art/2021/art_1.html；"),
    ("a, b; c: d!", "a, b; c: d!"),
    ("what? ok", "what? ok"),
    ("合格率100%", "合格率100%"),
    ("合格率100％", "合格率100%"),
    # parentheses pair by context
    ("(一)加强", "（一）加强"),
    ("(1)精简审批事项", "（1）精简审批事项"),
    ("(江府〔2017〕16号)", "（江府〔2017〕16号）"),
    ("纲要(2021—2025年)》", "纲要（2021—2025年）》"),
    ("岚法办发(2020)4号", "岚法办发（2020）4号"),
    ("各县(市、区)", "各县（市、区）"),
    ("(一）加强", "（一）加强"),  # half a pair already full width
    ("Windows(XP) only", "Windows(XP) only"),
    ("f(x) = 1", "f(x) = 1"),
    # quotes
    ('实施“一企一策"帮扶', "实施“一企一策”帮扶"),
    ('树立"四个意识”', "树立“四个意识”"),
    ('开展"三项制度"工作', "开展“三项制度”工作"),
    ('He said "hi" to me', 'He said "hi" to me'),
    # curly quotes printed the wrong way round pair up
    ("开展“放管服“改革", "开展“放管服”改革"),
    ("开展”放管服”改革", "开展“放管服”改革"),
    ("开展”放管服“改革", "开展“放管服”改革"),
    ('开展"放管服“改革', "开展“放管服”改革"),
    ("“一是”和“二是", "“一是”和“二是"),  # an unclosed quote stays
    ("“甲”“乙”", "“甲”“乙”"),
    ("“科技助力经济2020”省重点专项", "“科技助力经济2020”省重点专项"),
]


@pytest.mark.parametrize(("raw", "expected"), PUNCTUATION)
def test_punctuation(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


# --- markup ---------------------------------------------------------------------------------

MARKUP = [
    ('<span style="font-size:16px">法治</span>政府', "法治政府"),
    ("<p class=MsoNormal>段落</p>", "段落"),
    ("法治/span>政府", "法治政府"),
    ("建设<br/>工作", "建设工作"),
    ("建设<o:p></o:p>工作", "建设工作"),
    ("建设<!-- 注释 -->工作", "建设工作"),
    ("法治&nbsp;政府", "法治 政府"),
    ("A&amp;B", "A&B"),
    ("报告&#12290;", "报告。"),
    ("报告&#x3002;", "报告。"),
    ("双重&amp;nbsp;转义", "双重 转义"),
    ("&lt;span&gt;测试", "测试"),
    ("x < y and y > z", "x < y and y > z"),
    ("《关于印发<目录(2021年)>的通知》", "《关于印发<目录（2021年）>的通知》"),
    ("a=1&b=2", "a=1&b=2"),
    ("&unknown;", "&unknown;"),
    ("甲&nbsp乙", "甲 乙"),  # a bare &nbsp, as broken pages print it
    ("<!DOCTYPE html>正文", "正文"),
    # tag remnants that lost "</" too, after Chinese text or at a line start
    ("法治span>政府", "法治政府"),
    ("p>正文", "正文"),
    ("正文\nfont>标题", "正文\n标题"),
    ("x>p> y", "x>p> y"),  # ASCII context: not a remnant
    ("<st1:chsdate>2021</st1:chsdate>年", "2021年"),  # Office tags with a digit in the prefix
    ("<![if !supportLists]>1.<![endif]>健全机制", "1.健全机制"),  # Word's conditional comments
    ("[if !supportLists]一、[endif]主要工作", "一、主要工作"),  # ... their bare brackets
    ("<!--[if gte mso 9]><xml></xml><![endif]-->一、主要工作", "一、主要工作"),
    ("[if]和[endif]", "[if]和"),  # an [endif] alone is always Word's
    ("法治nbsp;政府", "法治政府"),  # an entity that lost its "&"
    # A tag across a line break goes line by line: removing it whole would join two lines.
    ('<span\nclass="x">正文', "\n正文"),
    ('<span\n style="a" lang=zh>正文', "\n正文"),
]


@pytest.mark.parametrize(("raw", "expected"), MARKUP)
def test_markup(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_an_entity_never_breaks_a_line() -> None:
    assert clean_text("甲乙&#10;丙丁&#13;戊己") == "甲乙 丙丁 戊己"


# --- damage ---------------------------------------------------------------------------------

DAMAGE = [
    # (raw, clean text, damaged runs)
    ("制度,??萍季?/span>法治", "制度，法治", ["??萍季?"]),
    ("制度??法治", "制度法治", ["??"]),
    ("萍?季?法治", "萍法治", ["?季?"]),
    ("主要负责人黎?同志", "主要负责人黎同志", ["?"]),  # a lost character
    ("，?萍季", "，萍季", ["?"]),  # a question mark cannot open a clause
    ("?萍季", "萍季", ["?"]),
    ("测\ufffd试", "测试", ["\ufffd"]),
    ("\ufffd\ufffd", "", ["\ufffd\ufffd"]),
    ("测&#65533;试", "测试", ["&#65533;"]),  # reported as it stood in the original
    ("测\ud800试", "测试", ["\ud800"]),  # a lone surrogate (bytes decoded with surrogateescape)
    ("问题??", "问题", ["??"]),
    ("办理案件12件?,同比", "办理案件12件，同比", ["?"]),  # no question mark before a comma
    ("办理案件12?件", "办理案件12件", ["?"]),  # between a number and its unit
    ("是否达到12?请说明", "是否达到12？请说明", []),  # ... unless a question ends there
    ("标题锟斤拷锟斤拷正文", "标题正文", ["锟斤拷锟斤拷"]),  # U+FFFD's bytes read as GBK
    ("烫烫烫烫正文", "正文", ["烫烫烫烫"]),  # uninitialised memory read as GBK
    # legitimate question marks and ASCII text are not damage
    ("为什么?因为", "为什么？因为", []),
    ("是否存在问题?", "是否存在问题？", []),
    ("是吗?对吗?", "是吗？对吗？", []),
    ("如何做好工作?一是", "如何做好工作？一是", []),
    ("what?? really?", "what?? really?", []),
    ("http://www.gov.cn/index.html?id=3", "http://www.gov.cn/index.html?id=3", []),
]


@pytest.mark.parametrize(("raw", "expected", "runs"), DAMAGE)
def test_damage(raw: str, expected: str, runs: list[str]) -> None:
    result = clean(raw)
    assert result.text == expected
    assert [span.text for span in result.damaged] == runs
    for span in result.damaged:
        assert raw[span.start : span.end] == span.text
        assert any(c.kind == "damage" and c.start == span.start for c in result.changes)


# --- UTF-8 read as GBK ----------------------------------------------------------------------


def garbled(text: str) -> str:
    """``text`` saved as UTF-8 and read as GBK, unreadable byte pairs shown as '?'."""
    return text.encode("utf-8").decode("gbk", errors="replace").replace("\ufffd", "?")


MOJIBAKE = [
    # (clean text around a garbled run, what was garbled, what comes back, lost runs reported)
    ("推进{}工作", "依法行政", "依法行政", []),
    ("推进{}工作", "法治政府建设", "法治政府建", ["娉曟不鏀垮簻寤鸿??"]),  # 设 lost to '??'
    ("，{}", "各项工作取得新进展", "各项工作取得新进", ["鍚勯」宸ヤ綔鍙栧緱鏂拌繘灞?"]),
    ("，{}", "开展送法下乡活动36次，发放资料500份。", "展法下乡活动36次，发放资料500份", None),
    ("{}", "《中华人民共和国行政处罚法》", "《中华人民共和国行政处罚法", None),
    ("{}", "发布时间：2023年2月15日", "发布时间2023 2 15", None),  # lost 年月 never join digits
]


@pytest.mark.parametrize(("context", "original", "expected", "runs"), MOJIBAKE)
def test_utf8_read_as_gbk_is_repaired(
    context: str, original: str, expected: str, runs: list[str] | None
) -> None:
    raw = context.format(garbled(original))
    result = clean(raw)
    assert result.text == context.format(expected)
    if runs is not None:
        assert [span.text for span in result.damaged] == runs
    assert all(raw[c.start : c.end] == c.original for c in result.changes)


@pytest.mark.parametrize(
    "text",
    [
        "錄音錄像全程記錄",  # traditional characters whose GBK bytes look like UTF-8 leads
        "鸿雁传书，寤寐思服",  # rare simplified characters, read as they stand
        "娉婷袅娜",
        "簻",
    ],
)
def test_real_text_is_not_taken_for_utf8_read_as_gbk(text: str) -> None:
    assert clean_text(text, keep_script=True) == text


def test_a_whole_report_read_as_gbk_is_repaired() -> None:
    source = FIXTURES / "a-district-science-2021.txt"
    text = clean_text(source.read_text(encoding="utf-8"))
    repaired = clean_text(garbled(text))
    # Each line comes back but for the characters whose bytes were lost (about one in eight),
    # in order; a lost character between digits leaves a space.
    for before, after in zip(text.split("\n"), repaired.split("\n"), strict=True):
        remaining = iter(before)
        assert all(char in remaining for char in after.replace(" ", ""))
    assert len(repaired) >= 0.8 * len(text)


# --- spelling -------------------------------------------------------------------------------

SPELLING = [
    ("推进法制政府建设", "推进法治政府建设"),
    ("習近平法制思想", "习近平法治思想"),
    ("全面依法制国", "全面依法治国"),
    # 法制 is a word of its own outside the fixed phrases
    ("重大执法决定法制审核", "重大执法决定法制审核"),
    ("加强法制宣传教育", "加强法制宣传教育"),
    ("依法制定", "依法制定"),
    ("依法制国家标准", "依法制国家标准"),
    ("落实领导干部学法制度", "落实领导干部学法制度"),
]


@pytest.mark.parametrize(("raw", "expected"), SPELLING)
def test_spelling(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected
    assert clean_text(raw, keep_script=True) == expected.replace(
        "习", "習" if "習" in raw else "习"
    )


# --- whitespace and lines -------------------------------------------------------------------

WHITESPACE = [
    ("法 治 政 府", "法治政府"),
    ("法 治 政 府 建设", "法治政府 建设"),
    ("法  治  政  府", "法治政府"),
    ("索 引 号：11511234", "索引号：11511234"),
    ("日 期：2021-02-26", "日期：2021-02-26"),
    ("来  源:本网", "来源：本网"),
    ("张 三、李 四", "张 三、李 四"),  # two single characters: not known to be letter-spaced
    ("本网 更新时间", "本网 更新时间"),  # words apart, not letter-spaced
    ("科技局\u3000更新时间", "科技局\u3000更新时间"),
    ("全年 18 次", "全年 18 次"),  # a number's spaces stay (see docs/cleaning.md)
    ("一 是全年", "一是全年"),  # an enumerator split by PDF spacing
    ("学法。三\u3000是审查", "学法。三是审查"),
    ("统一 是指", "统一 是指"),  # not an enumerator: not at a line or sentence start
    ("长长的一段文字" * 20 + "，统一 是指", "长长的一段文字" * 20 + "，统一 是指"),
    ("建设 。", "建设。"),
    ("（ 一 ）", "（一）"),
    ("建设, 推进", "建设，推进"),  # full-width marks carry their own spacing
    ("2、 全年共开展培训", "2、 全年共开展培训"),  # a page marker: the parser needs the space
    ("来源： 本网", "来源： 本网"),
    ("建设 ,推进", "建设，推进"),
    ("法治  \n政府\t\n", "法治\n政府\n"),
    ("甲\r\n乙\r丙", "甲\n乙\n丙"),
    ("甲\u00a0乙", "甲 乙"),
    ("\ufeff法治\u200b政府", "法治政府"),
    ("\u3000\u3000一、总体情况", "\u3000\u3000一、总体情况"),  # indentation is kept
]


@pytest.mark.parametrize(("raw", "expected"), WHITESPACE)
def test_whitespace(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


# --- the result record ----------------------------------------------------------------------


def test_changes_are_located_in_the_original_text() -> None:
    raw = "區(qū)科技局,,推進(jìn)"
    result = clean(raw)
    assert result.text == "区科技局，推进"
    assert result.changes[:2] == (
        TextChange(kind="script", start=0, end=1, original="區", replacement="区"),
        TextChange(kind="pinyin", start=1, end=5, original="(qū)", replacement=""),
    )
    kinds = {c.kind for c in result.changes}
    assert kinds == {"script", "pinyin", "punctuation"}
    for change in result.changes:
        assert raw[change.start : change.end] == change.original
    assert [c.start for c in result.changes] == sorted(c.start for c in result.changes)


def test_documented_example() -> None:
    # The example at the top of docs/cleaning.md.
    result = clean("各市(區(qū))人民政府,,制度,??萍季?/span>法治")
    assert result.text == "各市（区）人民政府，制度，法治"
    assert result.damaged == (DamagedSpan(start=18, end=23, text="??萍季?"),)
    assert result.changes[0] == TextChange(
        kind="punctuation", start=2, end=3, original="(", replacement="（"
    )


def test_clean_text_is_clean_text() -> None:
    raw = SEED.read_text(encoding="utf-8")
    assert clean_text(raw) == clean(raw).text


def test_clean_text_passes_through_clean_text() -> None:
    result = clean("法治政府建设年度报告")
    assert result == CleanResult(text="法治政府建设年度报告", changes=(), damaged=())


def test_results_are_frozen() -> None:
    span = DamagedSpan(start=0, end=1, text="?")
    with pytest.raises(AttributeError):
        span.start = 2  # type: ignore[misc]


@pytest.mark.parametrize("bad", [None, b"bytes", 3, ["list"]])
def test_a_non_string_is_a_parse_error(bad: object) -> None:
    with pytest.raises(ParseError):
        clean(bad)  # type: ignore[arg-type]
    with pytest.raises(lawgov.LawgovError):
        clean_text(bad)  # type: ignore[arg-type]


def test_public_names() -> None:
    for name in ("clean", "clean_text", "CleanResult", "TextChange", "DamagedSpan"):
        assert name in lawgov.__all__
        assert getattr(lawgov, name) is not None


# --- the seed end to end ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> tuple[str, CleanResult]:
    raw = SEED.read_text(encoding="utf-8")
    return raw, clean(raw)


def test_seed_loses_every_annotation(seed: tuple[str, CleanResult]) -> None:
    _, result = seed
    assert re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)", result.text) is None
    assert "/span>" not in result.text
    assert "?" not in result.text
    assert "??" not in result.text
    assert ",," not in result.text
    assert ",、" not in result.text


def test_seed_is_simplified(seed: tuple[str, CleanResult]) -> None:
    _, result = seed
    assert t2s(result.text) == result.text
    assert "國" not in result.text
    assert "中国共产党" in result.text


@pytest.mark.parametrize(
    "line",
    [
        "区科技局2020年法治政府建设年度报告",
        "文章来源：本网 更新时间：2021-02-26 16:14 浏览数：-",
        "根据有关要求，现将科技局法治政府建设工作情况汇报如下：",
        "一、推进法治政府建设工作",
        "（一）加强组织领导，推进法治政府建设进程",
        "（二）健全重大行政决策机制，严格决策制定程序",
        "二、加强推进科技防疫工作",
        "三、落实行政审批事项和管理职权目录",
        "四、下一步计划",
    ],
)
def test_seed_lines(seed: tuple[str, CleanResult], line: str) -> None:
    _, result = seed
    assert line in result.text.split("\n")


@pytest.mark.parametrize(
    "fragment",
    [
        "各市（区）人民政府",
        "一是落实法治政府建设第一责任人制度，法治政府建设领导小组",
        "有组织、有步骤地推进。",
        "《关于做好党组（党委）工作规则规范性报备的通知》（高新组通〔2019〕24号）",
        "职权目录（第二批）〉的通知》（江府〔2017〕16号）",
        "实施“一企一策”帮扶",
        "牢固树立“四个意识”，",
        "设立1500万元科技信贷风险准备金",
    ],
)
def test_seed_fragments(seed: tuple[str, CleanResult], fragment: str) -> None:
    _, result = seed
    assert fragment in result.text


def test_seed_reports_its_damage(seed: tuple[str, CleanResult]) -> None:
    raw, result = seed
    assert [span.text for span in result.damaged] == ["??萍季?"]
    span = result.damaged[0]
    assert raw[span.start : span.end] == "??萍季?"
    assert raw[span.start - 3 : span.end + 6] == "制度,??萍季?/span>"


def test_seed_keeps_its_lines(seed: tuple[str, CleanResult]) -> None:
    raw, result = seed
    assert result.text.count("\n") == raw.count("\n")


def test_seed_is_idempotent(seed: tuple[str, CleanResult]) -> None:
    _, result = seed
    again = clean(result.text)
    assert again.text == result.text
    assert again.changes == ()


# --- the fixtures: clean simplified text ------------------------------------------------------

_WIDE = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}


@pytest.mark.parametrize("path", REFERENCE_TEXTS, ids=lambda p: p.stem)
def test_fixtures_change_only_punctuation_width(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    result = clean(raw)
    assert result.damaged == ()
    for change in result.changes:
        assert change.kind == "punctuation"
        assert _WIDE[change.original] == change.replacement
    assert result.text.count("\n") == raw.count("\n")
    assert clean_text(result.text) == result.text


def test_full_width_fixture_passes_through_unchanged() -> None:
    raw = (FIXTURES / "a-district-science-2021.txt").read_text(encoding="utf-8")
    assert clean(raw).changes == ()


def test_a_megabyte_runs() -> None:
    # Pathological shapes for regular expressions: each must finish (linear time), not hang.
    for text in ('<b x="' * 20_000, "?中" * 50_000, "(" * 100_000, "法 " * 50_000, "<!--" * 25_000):
        assert isinstance(clean_text(text), str)
    raw = SEED.read_text(encoding="utf-8") * 170
    assert len(raw) > 1_000_000
    assert clean_text(raw).count("\n") == raw.count("\n")


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1b", "\x1f", "\ufffe", "\uffff"])
def test_characters_no_format_can_carry_are_removed(char: str) -> None:
    assert lawgov.clean_text(f"法治{char}政府") == "法治政府"
