"""The page header: dates, 来源/views lines, disclosure layouts, chrome, titles, year and issuer."""

from __future__ import annotations

import re

import pendulum
import pytest

import lawgov
from lawgov._model.docnumber import CLOSE_BRACKETS, OPEN_BRACKETS
from lawgov._parse.header import (
    Line,
    is_chrome,
    parse_datetime,
    read_header,
    scripted,
)
from lawgov._parse.identity import report_issuer, report_year


def _lines(text: str) -> list[Line]:
    return [
        Line(number=number, text=raw.strip())
        for number, raw in enumerate(text.splitlines(), start=1)
        if raw.strip()
    ]


def _china(*parts: int) -> pendulum.DateTime:
    return pendulum.datetime(*parts, tz="Asia/Shanghai")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-02-26 16:14", _china(2021, 2, 26, 16, 14)),
        ("2021-02-26", _china(2021, 2, 26)),
        ("2021-02-26 16:14:09", _china(2021, 2, 26, 16, 14, 9)),
        ("2021/02/26 16:14:09", _china(2021, 2, 26, 16, 14, 9)),
        ("2021年02月26日", _china(2021, 2, 26)),
        ("2021年2月6日", _china(2021, 2, 6)),
        ("2021-2-6 9:05", _china(2021, 2, 6, 9, 5)),
        ("2021.02.26", _china(2021, 2, 26)),
        ("2021-02-30", None),  # no such day
        ("2021-13-01", None),
        ("-", None),
        ("", None),
    ],
)
def test_dates_are_china_time(text: str, expected: pendulum.DateTime | None) -> None:
    got = parse_datetime(text)
    assert got == expected
    if got is not None:
        assert got.timezone_name == "Asia/Shanghai"


@pytest.mark.parametrize(
    "line",
    [
        "首页 > 政务公开 > 法定主动公开内容 > 法治政府建设年度报告",
        "当前位置：首页 > 信息公开",
        "您的位置：首页>>政务公开>>规划计划",
        "今天是2026年1月1日 星期四",
        "【字体：大 中 小】",
        "字号：[ 大 中 小 ] 打印 关闭",
        "【打印本页】 【关闭窗口】",
        "- 3 -",
        "—12—",
        "第3页 共9页",
    ],
)
def test_chrome_lines(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "区科技局2020年法治政府建设年度报告",
        "一、推进法治政府建设工作",
        "二是加强疫情防控科研攻关。在疫情期间，我局积极组织企业申报。",
        "关闭违规企业3家。",
        "市委、市政府：",
    ],
)
def test_content_is_not_chrome(line: str) -> None:
    assert not is_chrome(line)


@pytest.mark.parametrize(
    ("line", "source", "published", "views"),
    [
        (
            "文章来源：本网 更新时间：2021-02-26 16:14 浏览数：-",
            "本网",
            _china(2021, 2, 26, 16, 14),
            None,
        ),
        ("发布日期：2022-02-25 来源：岚川市司法局", "岚川市司法局", _china(2022, 2, 25), None),
        (
            "信息来源：县司法局　发布时间：2023-01-05 09:30:00　浏览次数：128",
            "县司法局",
            _china(2023, 1, 5, 9, 30),
            128,
        ),
        ("来源：市政府办 时间：2022年3月1日 点击数：", "市政府办", _china(2022, 3, 1), None),
        ("来自：区政府网 日期：2022/03/01 点击数：1,024", "区政府网", _china(2022, 3, 1), 1024),
        ("发布时间：2021-02-26 字号：大 中 小 打印", None, _china(2021, 2, 26), None),
    ],
)
def test_metadata_lines(
    line: str, source: str | None, published: pendulum.DateTime, views: int | None
) -> None:
    header = read_header(_lines(f"区科技局2020年法治政府建设年度报告\n{line}\n正文第一段。"))
    assert (header.source, header.published, header.views) == (source, published, views)
    assert [line.text for line in header.body] == ["正文第一段。"]


def test_published_prefers_publication_over_written_date() -> None:
    text = (
        "[ 成文日期 ] 2023-02-20 [ 发布日期 ] 2023-02-24\n"
        "某县人民政府关于2022年度法治政府建设情况的报告\n正文。"
    )
    header = read_header(_lines(text))
    assert header.published == _china(2023, 2, 24)
    assert header.disclosure is not None
    assert header.disclosure.written == pendulum.date(2023, 2, 20)


DISCLOSURE_LAYOUTS = {
    "brackets on one line": (
        "[ 索引号 ] 11511234MB1A23456K/2023-00017 [ 主题分类 ] 综合政务\n"
        "[ 发文字号 ] 柘政报〔2023〕4号 [ 发布机构 ] 柘阳县人民政府\n"
        "[ 成文日期 ] 2023-02-20 [ 发布日期 ] 2023-02-24"
    ),
    "table rows": (
        "| 索引号: | 11511234MB1A23456K/2023-00017 | 主题分类: | 综合政务 |\n"
        "| 发文字号: | 柘政报〔2023〕4号 | 发布机构: | 柘阳县人民政府 |\n"
        "| 成文日期: | 2023-02-20 | 发布日期: | 2023-02-24 |"
    ),
    "spaced labels": (
        "索 引 号：11511234MB1A23456K/2023-00017\n主题分类：综合政务\n"
        "发文字号：柘政报〔2023〕4号\n发布机构：柘阳县人民政府\n"
        "成文日期：2023年02月20日\n发布日期：2023年02月24日"
    ),
    "labels above values": (
        "索引号\n11511234MB1A23456K/2023-00017\n主题分类\n综合政务\n"
        "发文字号\n柘政报〔2023〕4号\n发布机构\n柘阳县人民政府\n"
        "成文日期\n2023-02-20\n发布日期\n2023-02-24"
    ),
}


@pytest.mark.parametrize("layout", sorted(DISCLOSURE_LAYOUTS))
def test_disclosure_layouts(layout: str) -> None:
    text = (
        f"{DISCLOSURE_LAYOUTS[layout]}\n柘阳县人民政府关于2022年度法治政府建设情况的报告\n"
        "宁川市人民政府：\n正文。"
    )
    header = read_header(_lines(text))
    assert header.disclosure == lawgov.Disclosure(
        index_number="11511234MB1A23456K/2023-00017",
        document_number=lawgov.DocumentNumber(issuer_code="柘政报", year=2023, serial=4),
        publisher=lawgov.Agency(name="柘阳县人民政府"),
        written=pendulum.date(2023, 2, 20),
        topic="综合政务",
    )
    assert header.published == _china(2023, 2, 24)
    assert header.title == "柘阳县人民政府关于2022年度法治政府建设情况的报告"
    assert [line.text for line in header.body] == ["宁川市人民政府：", "正文。"]


def test_empty_disclosure_values_are_none_and_bad_document_numbers_are_dropped() -> None:
    text = (
        "[ 索引号 ] [ 发文字号 ] 无 [ 发布机构 ] - [ 有效性 ] 有效\n"
        "某局2021年法治政府建设年度报告\n正文。"
    )
    header = read_header(_lines(text))
    assert header.disclosure == lawgov.Disclosure(validity="有效")
    text = "发文字号：第3期\n某局2021年法治政府建设年度报告\n正文。"
    header = read_header(_lines(text))
    assert header.disclosure == lawgov.Disclosure()


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # printed twice, around the metadata line
        (
            "区科技局2020年法治政府建设年度报告\n来源：本网\n区科技局2020年法治政府建设年度报告\n正文。",
            "区科技局2020年法治政府建设年度报告",
        ),
        # split over two lines, then repeated split the same way
        (
            "柘阳县人民政府关于2022年度\n法治政府建设情况的报告\n来源：本网\n柘阳县人民政府关于2022年度\n"
            "法治政府建设情况的报告\n正文。",
            "柘阳县人民政府关于2022年度法治政府建设情况的报告",
        ),
        # agency on its own line
        (
            "柘阳县人民政府\n关于2022年度法治政府建设工作情况的报告\n正文。",
            "柘阳县人民政府关于2022年度法治政府建设工作情况的报告",
        ),
        # a 标题 row in the disclosure block, the title printed again below it
        (
            "索引号：123\n标　　题：某县司法局2021年法治政府建设年度报告\n发布日期：2022-02-01\n"
            "某县司法局2021年法治政府建设年度报告\n正文。",
            "某县司法局2021年法治政府建设年度报告",
        ),
        (
            "[ 名称 ] 某县司法局2021年法治政府建设年度报告 [ 发布日期 ] 2022-02-01\n正文。",
            "某县司法局2021年法治政府建设年度报告",
        ),
        # a site name above the report's title
        (
            "江海区人民政府门户网站\n首页 > 政务公开\n区科技局2020年法治政府建设年度报告\n正文。",
            "区科技局2020年法治政府建设年度报告",
        ),
        # after a breadcrumb and a 今天是 line
        (
            "今天是2023年3月1日\n首页 > 政务公开\n某局2022年度法治政府建设工作报告\n正文。",
            "某局2022年度法治政府建设工作报告",
        ),
    ],
)
def test_titles(text: str, title: str) -> None:
    header = read_header(_lines(text))
    assert header.title == title
    assert [line.text for line in header.body] == ["正文。"]


@pytest.mark.parametrize(
    ("title", "publisher", "signature", "source", "issuer"),
    [
        ("区科技局2020年法治政府建设年度报告", None, None, None, "区科技局"),
        ("柘阳县人民政府关于2022年度法治政府建设情况的报告", None, None, None, "柘阳县人民政府"),
        ("岚川市司法局2021年度法治政府建设工作情况报告", None, None, None, "岚川市司法局"),
        ("关于2022年度法治政府建设情况的报告", "某县人民政府", "某县政府", None, "某县人民政府"),
        ("关于2022年度法治政府建设情况的报告", None, "某县人民政府", None, "某县人民政府"),
        # a publishing office that is not the reporting agency: the signature
        (
            "2024年度法治政府建设情况报告",
            "梧岭区人民政府办公室",
            "南屏街道办事处",
            None,
            "南屏街道办事处",
        ),
        ("法治政府建设年度报告", None, None, "县司法局", "县司法局"),
        ("关于某区2021年法治政府建设工作情况的报告", None, None, None, "某区"),
        ("某局二〇二一年法治政府建设年度报告", None, None, None, "某局"),
        ("法治政府建设年度报告", None, None, "本网", None),
        (None, None, None, None, None),
    ],
)
def test_issuer(
    title: str | None,
    publisher: str | None,
    signature: str | None,
    source: str | None,
    issuer: str | None,
) -> None:
    assert report_issuer(title, publisher=publisher, signature=signature, source=source) == issuer


@pytest.mark.parametrize(
    ("title", "texts", "published", "year"),
    [
        ("区科技局2020年法治政府建设年度报告", [], _china(2021, 2, 26), 2020),
        ("某县2022年度法治政府建设情况报告", [], None, 2022),
        # a title year after the publication year is not taken; the text's is
        ("某县2030年度法治政府建设情况报告", ["2021年，我县…"], _china(2022, 1, 5), 2021),
        ("法治政府建设年度报告", ["今年以来", "2021年，我局…"], None, 2021),
        ("法治政府建设年度报告", [], _china(2022, 3, 1), 2021),
        ("某局二〇二一年法治政府建设年度报告", [], None, 2021),
        ("法治政府建设年度报告", ["二○二二年，我局…"], None, 2022),
        ("法治政府建设年度报告", [], _china(2022, 11, 1), 2022),
        ("法治政府建设年度报告", ["共1800年历史"], None, None),
        (None, [], None, None),
    ],
)
def test_year(
    title: str | None, texts: list[str], published: pendulum.DateTime | None, year: int | None
) -> None:
    assert report_year(title, texts, published) == year


def test_header_never_reads_metadata_below_the_body_start() -> None:
    text = (
        "某局2021年法治政府建设年度报告\n正文第一段。\n"
        "来源：资金来源于财政拨款\n发布时间：2021-01-01\n正文第二段。"
    )
    header = read_header(_lines(text))
    assert header.source is None
    assert header.published is None
    assert [line.text for line in header.body] == [
        "正文第一段。",
        "来源：资金来源于财政拨款",
        "发布时间：2021-01-01",
        "正文第二段。",
    ]


def test_parse_text_header_end_to_end() -> None:
    text = (
        "首页 > 政务公开 > 法治政府建设\n"
        "某某县司法局2022年法治政府建设年度报告\n"
        "信息来源：某某县司法局 发布时间：2023-03-01 10:00 浏览次数：56\n"
        "某某县司法局2022年法治政府建设年度报告\n"
        "2022年，我局坚持依法行政。\n"
        "一、主要举措和成效\n"
        "全年办理案件12件。\n"
    )
    report = lawgov.parse_text(text, url="https://example.gov.cn/a.html")
    assert report.title == "某某县司法局2022年法治政府建设年度报告"
    assert report.issuer == lawgov.Agency(name="某某县司法局")
    assert report.year == 2022
    assert report.published == _china(2023, 3, 1, 10, 0)
    assert (report.source, report.views, report.url) == (
        "某某县司法局",
        56,
        "https://example.gov.cn/a.html",
    )
    assert report.preamble == ("2022年，我局坚持依法行政。",)


def test_a_publication_date_before_the_titled_year_is_dropped_with_a_warning() -> None:
    text = "某局2022年法治政府建设年度报告\n发布时间：2021-12-01\n一、主要工作\n正文。"
    result = lawgov.parse(text)
    assert result.report.year == 2022
    assert result.report.published is None
    assert any("precedes" in warning.message for warning in result.warnings)


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("", 1, "got no text"),
        ("\n\n   \n", 1, "got no text"),
        ("首页 > 政务公开 > 工作动态\n来源：本网", 1, "only page metadata"),
        ("一些文字。\n另一些文字。", 1, "法治政府建设 report"),
        ("依法行政的一些文字。\n另一些文字。", 1, "year reported on"),
    ],
)
def test_parse_errors_name_the_line_and_what_was_expected(
    text: str, line: int, expected: str
) -> None:
    with pytest.raises(lawgov.ParseError, match=expected) as caught:
        lawgov.parse_text(text, source="page.txt")
    assert caught.value.line == line
    assert caught.value.source == "page.txt"


def test_a_report_naming_no_agency_is_kept_with_a_placeholder_and_a_warning() -> None:
    result = lawgov.parse("法治政府建设年度报告\n2021年，开展了工作。")
    assert result.report.issuer.name == "（未署名机关）"
    assert result.provenance["issuer"] == "derived"
    assert any("no agency named" in warning.message for warning in result.warnings)


def test_non_text_input_is_a_parse_error() -> None:
    with pytest.raises(lawgov.ParseError, match="str"):
        lawgov.parse_text(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"报告$", "區科技局2020年法治政府建設年度報告"),
        (r"[的与]$", "堅持與"),
        (r"^发布时间\s*[:：]", "發佈時間：2021-02-26"),
        (r"^发布时间\s*[:：]", "发布时间：2021-02-26"),
    ],
)
def test_scripted_patterns_match_either_script(pattern: str, text: str) -> None:
    assert re.search(scripted(pattern), text) is not None


def test_traditional_header_labels() -> None:
    text = (
        "區科技局2020年法治政府建設年度報告\n"
        "文章來源：本網 更新時間：2021-02-26 16:14 瀏覽數：-\n正文。"
    )
    header = read_header(_lines(text))
    assert (header.source, header.published) == ("本網", _china(2021, 2, 26, 16, 14))


def test_page_footer_below_the_signature_is_dropped() -> None:
    result = lawgov.parse(
        "某局2021年法治政府建设年度报告\n一、主要工作\n正文。\n某局\n2022年1月5日\n"
        "（责任编辑：张三）\n上一篇：关于印发某某办法的通知\n下一篇：无\n来源：本网\n"
    )
    assert result.report.closing == ("某局", "2022年1月5日")
    assert result.report.sections[0].paragraphs == ("正文。",)
    assert sum("page footer" in w.message for w in result.warnings) == 2


# --- styles found by writing reports the parser had not seen ------------------------------

_BODY = "一、主要举措和成效\n一是召开会议5次。\n"
_TITLE = "青澜市民政局2022年法治政府建设年度报告"


@pytest.mark.parametrize(
    ("header", "published", "source"),
    [
        # a date with no label, metadata after it
        (
            f"{_TITLE}\n2023-02-15 10:20　来源：青澜市民政局",
            _china(2023, 2, 15, 10, 20),
            "青澜市民政局",
        ),
        # an agency byline and a date
        (f"{_TITLE}\n青澜市民政局　2023年02月15日", _china(2023, 2, 15), None),
        # a date alone on its line
        (f"{_TITLE}\n2023/02/15", _china(2023, 2, 15), None),
        # a date printed after the 来源 value, without its own label
        (f"{_TITLE}\n来源：青澜市民政局　　2023年2月15日", _china(2023, 2, 15), "青澜市民政局"),
    ],
)
def test_unlabelled_dates_in_the_header(
    header: str, published: pendulum.DateTime, source: str | None
) -> None:
    report = lawgov.parse_text(f"{header}\n{_BODY}")
    assert report.published == published
    assert report.source == source
    assert report.preamble == ()


def test_a_dated_body_sentence_is_not_a_header_date() -> None:
    report = lawgov.parse_text(f"{_TITLE}\n2023年2月15日，局党组召开会议。\n{_BODY}")
    assert report.published is None
    assert report.preamble == ("2023年2月15日，局党组召开会议。",)


@pytest.mark.parametrize(
    "block",
    [
        "| 索引号 | 123/2023-01 | 主题分类 | 综合政务 |\n"
        "| 发布机构 | 青澜市民政局 | 发布日期 | 2023-02-15 |",
        "索引号\t123/2023-01\t主题分类\t综合政务\n发布机构\t青澜市民政局\t发布日期\t2023-02-15",
        "索引号 123/2023-01  主题分类 综合政务\n发布机构 青澜市民政局  发布日期 2023-02-15",
    ],
)
def test_table_rows_without_colons(block: str) -> None:
    report = lawgov.parse_text(f"{block}\n{_TITLE}\n{_BODY}")
    assert report.title == _TITLE
    assert report.disclosure is not None
    assert report.disclosure.index_number == "123/2023-01"
    assert report.disclosure.topic == "综合政务"
    assert report.disclosure.publisher == lawgov.Agency(name="青澜市民政局")
    assert report.published == _china(2023, 2, 15)


def test_label_and_value_in_separate_table_rows() -> None:
    block = "| 索引号 |\n| 123/2023-01 |\n| 发布日期 |\n| 2023-02-15 |"
    report = lawgov.parse_text(f"{block}\n{_TITLE}\n{_BODY}")
    assert report.disclosure is not None
    assert report.disclosure.index_number == "123/2023-01"
    assert report.published == _china(2023, 2, 15)


@pytest.mark.parametrize(
    "header",
    [
        # the disclosure block's date, then a 发布时间 line with the time
        f"[ 发布日期 ] 2023-02-15\n{_TITLE}\n发布时间：2023/02/15 09:15:32",
        # the disclosure block's date, then an unlabelled date with the time
        f"[ 发布日期 ] 2023-02-15\n{_TITLE}\n2023-02-15 09:15:32 来源：青澜市民政局",
    ],
)
def test_published_is_as_precise_as_the_page_prints_it(header: str) -> None:
    report = lawgov.parse_text(f"{header}\n{_BODY}")
    assert report.published == _china(2023, 2, 15, 9, 15, 32)


def test_a_time_on_another_day_does_not_replace_the_publication_date() -> None:
    header = f"[ 发布日期 ] 2023-02-15\n{_TITLE}\n更新时间：2023-03-01 09:15"
    assert lawgov.parse_text(f"{header}\n{_BODY}").published == _china(2023, 2, 15)


@pytest.mark.parametrize(
    ("header", "title"),
    [
        # three lines: agency, 关于…建设, …的报告
        (
            "青澜市民政局\n关于2022年度法治政府建设\n工作情况的报告",
            "青澜市民政局关于2022年度法治政府建设工作情况的报告",
        ),
        # a site name above a complete title is not its first half
        (f"青澜市民政局门户网站\n{_TITLE}", _TITLE),
        # a site name, the disclosure block, then a title over three lines
        (
            "青澜市人民政府门户网站\n发布日期：2023-02-15\n青澜市民政局\n关于2022年度法治政府建设\n"
            "工作情况的报告",
            "青澜市民政局关于2022年度法治政府建设工作情况的报告",
        ),
        # printed twice on one line
        (f"{_TITLE}　{_TITLE}", _TITLE),
        (f"{_TITLE} {_TITLE}", _TITLE),
    ],
)
def test_title_layouts(header: str, title: str) -> None:
    report = lawgov.parse_text(f"{header}\n{_BODY}")
    assert report.title == title
    assert report.issuer == lawgov.Agency(name="青澜市民政局")
    assert report.preamble == ()


@pytest.mark.parametrize(
    "line",
    [
        "主办单位：青澜市人民政府办公室　网站标识码：3301000099",
        "浙ICP备05012345号",
        "版权所有：青澜市民政局",
        "Copyright © 2023 青澜市民政局",
    ],
)
def test_site_footer_lines_are_chrome(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line", ["主办全市法治培训班3期。", "技术支持力度不断加大", "承办单位确定后开展评审。"]
)
def test_sentences_starting_with_footer_words_are_content(line: str) -> None:
    assert not is_chrome(line)


def test_site_footer_below_the_signature_does_not_hide_it() -> None:
    body = (
        f"{_BODY}青澜市民政局\n2023年2月10日\n主办单位：青澜市人民政府办公室\n浙ICP备05012345号\n"
    )
    report = lawgov.parse_text(f"{_TITLE}\n{body}")
    assert report.closing == ("青澜市民政局", "2023年2月10日")
    assert report.sections[0].measures[0].text == "召开会议5次。"


@pytest.mark.parametrize(
    "line",
    [
        "首页 / 政务公开 / 通知公告",
        "首页-信息公开-法治政府",
        "首页 → 政务公开 → 法治政府建设",
        "信息公开 >> 法定主动公开内容",
        "字号：T|T",
        "字号：A+ A A-",
        "扫一扫在手机上查看当前页面",
        "简体版 | 繁體版 | 无障碍",
        "【加入收藏】",
        "登录 | 注册",
        "分享到：微信 微博 QQ空间",
        # the site's template date without 今天是
        "2025年1月15日 星期三",
        "2024-03-27 周三",
    ],
)
def test_more_chrome_styles(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "大力推进政务公开",
        "打印机采购3台。",
        "注册社会组织85家",
        "登录系统办理业务",
        "一是推进“放管服”改革，政务服务事项网上可办率达到100%。",
    ],
)
def test_sentences_with_chrome_words_are_content(line: str) -> None:
    assert not is_chrome(line)


@pytest.mark.parametrize(
    "byline",
    ["青澜市民政局\n2023年2月15日", "（2023年2月15日）", "青澜市民政局\n（2023年2月15日）"],
)
def test_a_byline_under_the_title_is_not_content(byline: str) -> None:
    report = lawgov.parse_text(f"{_TITLE}\n{byline}\n{_BODY}")
    assert report.published == _china(2023, 2, 15)
    assert report.preamble == ()


def test_a_signature_right_under_the_title_stays_the_closing() -> None:
    report = lawgov.parse_text(f"{_TITLE}\n青澜市民政局\n2023年2月15日\n")
    assert report.published is None
    assert report.closing == ("青澜市民政局", "2023年2月15日")


def test_times_printed_with_hour_and_minute_words() -> None:
    assert parse_datetime("2023年02月15日 10时20分") == _china(2023, 2, 15, 10, 20)


@pytest.mark.parametrize(
    ("title", "issuer"),
    [
        ("青澜市民政局法治政府建设2022年度报告", "青澜市民政局"),
        ("2022年度青澜市民政局法治政府建设年度报告", "青澜市民政局"),
        ("2022年青澜市民政局法治政府建设情况报告", "青澜市民政局"),
        ("关于青澜市民政局2022年度法治政府建设情况的报告", "青澜市民政局"),
        # agencies named with the genre's words are kept whole
        ("青澜市政府法制办公室2017年依法行政工作报告", "青澜市政府法制办公室"),
        (
            "中共青澜市委全面依法治市委员会办公室2022年法治建设工作报告",
            "中共青澜市委全面依法治市委员会办公室",
        ),
    ],
)
def test_issuer_wherever_the_title_puts_the_year(title: str, issuer: str) -> None:
    assert report_issuer(title) == issuer


def test_a_title_with_the_year_first_and_no_agency_has_no_issuer_from_it() -> None:
    assert report_issuer("2022年法治政府建设年度报告") is None
    assert report_issuer("2022年度工作情况报告") is None


@pytest.mark.parametrize(
    "header",
    [f"1、\n{_TITLE}\n发布时间：2023-02-15", f"{_TITLE}\n2、\n发布时间：2023-02-15"],
)
def test_a_lone_page_marker_does_not_end_the_header(header: str) -> None:
    report = lawgov.parse_text(f"{header}\n{_BODY}")
    assert report.title == _TITLE
    assert report.published == _china(2023, 2, 15)
    assert report.preamble == ()


@pytest.mark.parametrize(
    ("header", "title"),
    [
        # no year in the title: a site name above it is still not its first half
        ("青澜市人民政府\n青澜市民政局法治政府建设年度报告", "青澜市民政局法治政府建设年度报告"),
        # the agency alone on the line above a yearless title is its first half
        ("青澜市民政局\n法治政府建设年度报告", "青澜市民政局法治政府建设年度报告"),
        # a subtitle under the title
        (
            "青澜市民政局法治政府建设年度报告\n（2022年度）",
            "青澜市民政局法治政府建设年度报告（2022年度）",
        ),
        (
            "青澜市民政局法治政府建设工作报告\n——2022年度",
            "青澜市民政局法治政府建设工作报告——2022年度",
        ),
    ],
)
def test_titles_without_a_year(header: str, title: str) -> None:
    report = lawgov.parse_text(f"{header}\n发布时间：2023-02-15\n{_BODY}")
    assert report.title == title
    assert report.issuer == lawgov.Agency(name="青澜市民政局")
    assert report.year == 2022
    assert report.preamble == ()


@pytest.mark.parametrize(
    ("title", "issuer"),
    [
        ("青澜市民政局法治政府建设年度报告", "青澜市民政局"),
        ("青澜市政府法制办公室依法行政工作报告", "青澜市政府法制办公室"),
        ("青澜市民政局法治政府建设暨依法行政工作报告", "青澜市民政局"),
        ("关于法治政府建设工作情况的报告", None),
    ],
)
def test_issuer_of_a_yearless_title(title: str, issuer: str | None) -> None:
    assert report_issuer(title) == issuer


def test_a_lone_heading_marker_under_the_title_is_not_a_subtitle() -> None:
    report = lawgov.parse_text(f"{_TITLE}\n（一）\n加强领导\n正文。\n")
    assert report.title == _TITLE
    assert [s.title for s in report.sections] == ["加强领导"]


def test_less_common_labels() -> None:
    header = (
        "信息名称：青澜市民政局2022年法治政府建设年度报告\n文件编号：\n所属机构：青澜市民政局\n"
        "发文日期：2023-02-10\n公开方式：主动公开\n"
        f"{_TITLE}\n发稿时间：2023-02-15 来源：青澜市民政局 | 浏览：35"
    )
    report = lawgov.parse_text(f"{header}\n{_BODY}")
    assert report.title == _TITLE
    assert report.published == _china(2023, 2, 15)
    assert report.views == 35
    assert report.disclosure is not None
    assert report.disclosure.publisher == lawgov.Agency(name="青澜市民政局")
    assert report.disclosure.written == pendulum.date(2023, 2, 10)
    assert report.preamble == ()


@pytest.mark.parametrize("line", ["作者 张三", "审核 通过后公布"])
def test_a_short_label_needs_more_than_a_space(line: str) -> None:
    report = lawgov.parse_text(f"{_TITLE}\n{line}\n{_BODY}")
    assert report.preamble == (line,)


@pytest.mark.parametrize(
    "header",
    [
        "1、青澜市人民政府门户网站\n青澜市民政局\n2、关于2022年度法治政府建设\n工作情况的报告",
        "青澜市人民政府门户网站\n1、青澜市民政局\n关于2022年度法治政府建设\n2、工作情况的报告",
        "1、青澜市民政局\n2022年法治政府建设工作情况的报告",
    ],
)
def test_page_markers_inside_a_title_printed_over_lines(header: str) -> None:
    report = lawgov.parse_text(f"{header}\n发布时间：2023-02-15\n{_BODY}")
    assert report.title.startswith("青澜市民政局")
    assert report.title.endswith("工作情况的报告")
    assert report.issuer == lawgov.Agency(name="青澜市民政局")
    assert report.published == _china(2023, 2, 15)


def test_a_page_marker_before_a_value_printed_under_its_label() -> None:
    report = lawgov.parse_text(f"{_TITLE}\n发布日期\n2、2023-02-15\n{_BODY}")
    assert report.published == _china(2023, 2, 15)
    assert report.preamble == ()


def test_a_page_marker_is_never_the_issuer() -> None:
    report = lawgov.parse_text(
        "1、2023年度法治政府建设情况报告\n正文。\n石门镇人民政府\n2024年1月8日\n"
    )
    assert report.title == "2023年度法治政府建设情况报告"
    assert report.issuer == lawgov.Agency(name="石门镇人民政府")


@pytest.mark.parametrize(
    "header",
    [
        f"1、1、{_TITLE}\n2、发布时间：2023-02-15",
        f"{_TITLE}\n1、2023-02-15 来源：青澜市民政局",
        f"{_TITLE}\n1、 2、 发布时间：2023-02-15",
    ],
)
def test_page_markers_before_header_lines(header: str) -> None:
    report = lawgov.parse_text(f"{header}\n{_BODY}")
    assert report.title == _TITLE
    assert report.issuer == lawgov.Agency(name="青澜市民政局")
    assert report.published == _china(2023, 2, 15)
    assert report.preamble == ()


def test_marked_chrome_in_the_body_is_dropped() -> None:
    report = lawgov.parse_text(f"{_TITLE}\n{_BODY}5、【打印本页】【关闭窗口】\n")
    assert report.sections[0].measures[0].text == "召开会议5次。"


def test_bracketed_labels_run_together_on_one_line() -> None:
    # 【label】value【label】… with no space between a value and the next label; empty values
    block = (
        "【索引号】【发文字号】【发布机构】青澜市民政局【发布日期】2023-02-15【主题分类】【有效性】"
    )
    report = lawgov.parse_text(f"{block}\n{_TITLE}\n{_BODY}")
    assert report.disclosure is not None
    assert report.disclosure.index_number is None
    assert report.disclosure.publisher == lawgov.Agency(name="青澜市民政局")
    assert report.published == _china(2023, 2, 15)


def test_a_view_count_under_its_label_is_not_a_page_number() -> None:
    header = f"{_TITLE}\n发布时间：2023-02-15 16:42\n浏览次数：\n356"
    report = lawgov.parse_text(f"{header}\n{_BODY}")
    assert report.views == 356
    assert report.published == _china(2023, 2, 15, 16, 42)


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("1、区科技局2020年法治政府建设年度报告\n来源：区科技局\n正文。", 1),
        ("1、区科技局2020年法治政府建设年度报告\n2、来源：区科技局\n正文。", 2),
        ("区科技局2020年法治政府建设年度报告\n来源：区科技局\n正文。", None),
    ],
)
def test_the_headers_last_page_marker(text: str, marker: int | None) -> None:
    assert read_header(_lines(text)).page_marker == marker


@pytest.mark.parametrize(
    ("preamble", "issuer"),
    [
        (("2024年，南屏街道办事处在区委、区政府的正确领导下，推进依法行政。",), "南屏街道办事处"),
        # after a sentence on the place, and after a salutation
        (("区委：", "南屏街道位于区东部。2024年，南屏街道办事处坚持依法行政。"), "南屏街道办事处"),
        (
            ("2023年以来，青澜市梧岭区市场监督管理局深入学习贯彻习近平法治思想。",),
            "青澜市梧岭区市场监督管理局",
        ),
        # 我局, 全市…: no name
        (("2023年，我局坚持以习近平法治思想为指导。",), None),
        (("今年以来，全市各级各部门认真落实。",), None),
    ],
)
def test_issuer_from_the_preamble_when_nothing_else_names_it(
    preamble: tuple[str, ...], issuer: str | None
) -> None:
    title = "2024年度法治政府建设情况报告"
    assert report_issuer(title, source="本站", preamble=preamble) == issuer


def test_the_preamble_names_the_issuer_only_as_a_last_resort() -> None:
    preamble = ("2024年，南屏街道办事处在区委领导下推进依法行政。",)
    assert report_issuer("某局2024年法治政府建设年度报告", preamble=preamble) == "某局"
    assert (
        report_issuer("2024年度法治政府建设情况报告", signature="北关镇人民政府", preamble=preamble)
        == "北关镇人民政府"
    )


def test_a_metadata_table_below_the_body_gives_the_publication_date() -> None:
    text = (
        "柘林县司法局2023年度法治政府建设工作报告\n正文第一段。\n"
        "索引号：113/2024-1\n来源：柘林县司法局\n发布日期：2024-03-27\n"
    )
    header = read_header(_lines(text))
    assert header.published == pendulum.datetime(2024, 3, 27, tz="Asia/Shanghai")
    assert header.source == "柘林县司法局"
    assert [line.text for line in header.body] == ["正文第一段。"]


def test_the_headers_date_wins_over_a_footer_date() -> None:
    text = "某局2023年法治政府建设年度报告\n发布日期：2024-02-01\n正文。\n发布日期：2024-03-27\n"
    header = read_header(_lines(text))
    assert header.published == pendulum.datetime(2024, 2, 1, tz="Asia/Shanghai")


@pytest.mark.parametrize(
    ("top", "title"),
    [
        # A title printed only below the salutation, over two lines and over three.
        (
            "县委、县政府：\n青川县林业局关于2023年度法治政府建设\n情况的报告",
            "青川县林业局关于2023年度法治政府建设情况的报告",
        ),
        (
            "区委全面依法治区委员会办公室：\n青川区商务局\n关于2023年度法治政府建设\n工作情况的报告",
            "青川区商务局关于2023年度法治政府建设工作情况的报告",
        ),
        # On one line, as before.
        (
            "县委、县政府：\n青川县林业局2023年法治政府建设年度报告",
            "青川县林业局2023年法治政府建设年度报告",
        ),
    ],
)
def test_a_title_printed_only_below_the_salutation(top: str, title: str) -> None:
    text = (
        "发布时间：2024-03-09\n"
        + top
        + "\n2023年，局坚持依法行政。现将有关情况报告如下：\n一、主要举措和成效\n一是健全制度。\n"
    )
    report = lawgov.parse_text(text)
    assert report.title == title
    assert report.issuer.name == title.partition("关于")[0].partition("2023")[0]
    assert report.year == 2023
    # The title's lines are not body text.
    assert all("情况的报告" not in p and "年度报告" not in p for p in report.preamble)


@pytest.mark.parametrize("pair", range(len(OPEN_BRACKETS)))
def test_an_own_document_number_line_takes_the_grammars_brackets(pair: int) -> None:
    from lawgov._parse.header import _OWN_NUMBER

    line = f"（某交发{OPEN_BRACKETS[pair]}2019{CLOSE_BRACKETS[pair]}31号）"
    match = _OWN_NUMBER.match(line)
    assert match is not None
    assert match["number"] == line[1:-1]
    assert _OWN_NUMBER.match("某交发<2019>31号") is None


def test_the_keyword_script_table_agrees_with_the_cleaners() -> None:
    # Text kept in traditional script is read two ways: the header, structure and identity rules
    # through `scripted` patterns (this small table, built at import), the fact finders through
    # the cleaner's OpenCC shadow. Each traditional form here is one the cleaner simplifies to
    # the same character, so both ways read a keyword alike.
    from lawgov._parse import clean
    from lawgov._parse.header import _TRADITIONAL

    table = clean._one_for_one()[1]
    assert {trad: table.get(ord(trad)) for trad in _TRADITIONAL.values()} == {
        trad: simp for simp, trad in _TRADITIONAL.items()
    }
