"""Published pages: ``lawgov.parse_html`` on fixture pages, decoding, extraction, chrome, safety.

The fixture pages in ``tests/fixtures/html`` are built by ``tests/fixtures/html/_build.py`` from the
project's own report texts, one content-system pattern each; each page must parse to its
``.expected.json`` (the report fixtures' format) as published, and again re-encoded as UTF-8 and as
GB18030 bytes whatever the page declares.
"""

from __future__ import annotations

import json
import time
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lawgov
from lawgov._formats.json import MAX_INPUT_BYTES
from lawgov._parse.html_decode import declared_encoding, decode_page
from lawgov._parse.html_page import Page, iso_date, read_page, strip_site_name

PAGES = Path(__file__).resolve().parent / "fixtures" / "html"
NAMES = sorted(path.name.removesuffix(".html") for path in PAGES.glob("*.html"))

# Text that appears only in the pages' chrome, scripts, styles, frames, templates and comments.
CHROME = (
    "无障碍",
    "适老化",
    "长者模式",
    "今天是",
    "简体版",
    "搜索",
    "请输入关键字",
    "首页",
    "当前位置",
    "分享到",
    "请点击右上角",
    "字号",
    "打印本页",
    "关闭窗口",
    "我要纠错",
    "主办单位",
    "承办单位",
    "网站标识码",
    "备案号",
    "公网安备",
    "联系我们",
    "版权所有",
    "欢迎访问本网站",
    "年度报告样式",
    "您的浏览器不支持脚本",
    "本框架内容为广告",
    "模板中的示例段落",
    "本页由内容管理系统生成",
    "相关文章",
    "部门动态",
)


def _key(text: str) -> str:
    return "".join(
        char
        for char in unicodedata.normalize("NFKC", text)
        if not unicodedata.category(char).startswith(("P", "Z"))
    )


def _sections(sections: Any) -> list[dict[str, Any]]:
    return [
        {
            "number": s.number,
            "title": _key(s.title),
            "measures": len(s.measures),
            "subsections": _sections(s.subsections),
        }
        for s in sections
    ]


def _expected_sections(sections: Any) -> list[dict[str, Any]]:
    return [
        {
            "number": s["number"],
            "title": _key(s["title"]),
            "measures": s["measures"],
            "subsections": _expected_sections(s["subsections"]),
        }
        for s in sections
    ]


def _expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PAGES / f"{name}.expected.json").read_text("utf-8"))
    return data


def _forms(name: str) -> dict[str, bytes | str]:
    published = (PAGES / f"{name}.html").read_bytes()
    text = decode_page(published)
    return {
        "published bytes": published,
        "utf-8 bytes": text.encode("utf-8"),
        "gb18030 bytes": text.encode("gb18030"),
        "str": text,
    }


def _check(report: lawgov.Report, expected: dict[str, Any]) -> None:
    assert _key(report.title) == _key(expected["title"])
    assert report.year == expected["year"]
    assert report.issuer.name == expected["issuer"]
    published = report.published.date().isoformat() if report.published else None
    assert published == expected["published"]
    assert _sections(report.sections) == _expected_sections(expected["sections"])
    metrics = {(m.value, m.unit) for m in report.iter_metrics()}
    assert metrics == {(Decimal(m["value"]), m["unit"]) for m in expected["metrics"]}
    laws = [c.title for c in report.iter_citations() if c.title is not None]
    width = [unicodedata.normalize("NFKC", t) for t in dict.fromkeys(laws)]
    assert list(dict.fromkeys(width)) == [
        unicodedata.normalize("NFKC", t) for t in expected["laws"]
    ]
    numbers = [
        (c.document_number.issuer_code, c.document_number.year, c.document_number.serial)
        for c in report.iter_citations()
        if c.document_number is not None
    ]
    assert list(dict.fromkeys(numbers)) == [
        (n["issuer_code"], n["year"], n["serial"]) for n in expected["document_numbers"]
    ]
    powers = [
        {
            "name": p.name,
            "count": p.count,
            "grantor": p.grantor.name if p.grantor else None,
            "grantee": p.grantee.name if p.grantee else None,
            "transferred": p.transferred,
        }
        for p in report.iter_delegated_powers()
    ]
    assert powers == expected["delegated_powers"]


def test_there_are_fixture_pages() -> None:
    assert len(NAMES) >= 10
    for name in NAMES:
        assert (PAGES / f"{name}.expected.json").is_file(), name
        assert (PAGES / f"{name}.body.txt").is_file(), name


@pytest.mark.parametrize("form", ["published bytes", "utf-8 bytes", "gb18030 bytes", "str"])
@pytest.mark.parametrize("name", NAMES)
def test_fixture_page_parses_to_its_expected_report(name: str, form: str) -> None:
    page = _forms(name)[form]
    _check(lawgov.parse_html(page, source=f"{name}.html"), _expected(name))


@pytest.mark.parametrize("name", NAMES)
def test_chrome_scripts_and_comments_never_become_text(name: str) -> None:
    result = lawgov.parse_html_result((PAGES / f"{name}.html").read_bytes())
    rendered = result.page.to_text()
    leaked = [word for word in CHROME if word in rendered or word in result.text]
    assert leaked == []


@pytest.mark.parametrize("name", NAMES)
def test_body_is_the_article_paragraphs(name: str) -> None:
    page = read_page((PAGES / f"{name}.html").read_bytes())
    expected = (PAGES / f"{name}.body.txt").read_text("utf-8").splitlines()
    title = _key(_expected(name)["title"])
    assert [_key(line) for line in page.body if _key(line) != title] == [
        _key(line) for line in expected if line.strip()
    ]


# --- decoding -------------------------------------------------------------------------------

_TEXT = "岚山县司法局2023年法治政府建设年度报告。全面推进依法行政，镕铸法治精神。"


def _page(head: str, body: str = _TEXT) -> str:
    return f"<html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


_DECODING = [
    ("utf-8 declared", _page('<meta charset="utf-8">').encode("utf-8")),
    ("utf-8 undeclared", _page("").encode("utf-8")),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + _page("").encode("utf-8")),
    ("utf-16 with BOM", _page("").encode("utf-16")),
    ("gbk meta charset", _page('<meta charset="gbk">').encode("gbk")),
    ("gbk undeclared", _page("").encode("gbk")),
    # 镕 is in GBK but not in GB2312: a GB2312 label is read as GB18030, as browsers do.
    (
        "gb2312 declared, GBK bytes",
        _page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode("gbk"),
    ),
    ("gb18030 declared", _page("<meta charset='GB18030'>").encode("gb18030")),
    ("xml declaration", ('<?xml version="1.0" encoding="gbk"?>' + _page("")).encode("gbk")),
    ("declared utf-8, GBK bytes", _page('<meta charset="utf-8">').encode("gbk")),
    ("declared gbk, UTF-8 bytes", _page('<meta charset="gbk">').encode("utf-8")),
    ("declared latin-1, GBK bytes", _page('<meta charset="iso-8859-1">').encode("gbk")),
    ("declared unknown, UTF-8 bytes", _page('<meta charset="x-nonsense">').encode("utf-8")),
]


@pytest.mark.parametrize(("case", "data"), _DECODING, ids=[case for case, _ in _DECODING])
def test_decoding(case: str, data: bytes) -> None:
    text = decode_page(data)
    assert _TEXT in text
    assert "\ufeff" not in text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<meta charset="gb2312">', "gb18030"),
        (b"<meta charset=GBK>", "gb18030"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=x-gbk">', "gb18030"),
        (b'<?xml version="1.0" encoding="UTF-8"?>', "utf-8"),
        (b"<meta charset='big5'>", "big5"),
        (b"<meta charset='no-such'>", None),
        (b"<p>no declaration</p>", None),
    ],
)
def test_declared_encoding(data: bytes, expected: str | None) -> None:
    assert declared_encoding(data) == expected


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,
        b"\x89PNG\r\n\x1a\n" + bytes(range(128, 256)) * 20,
        "岚山县司法局".encode().decode("latin-1").encode("utf-16-le")[:-1] + b"\xff" * 9,
    ],
    ids=["all bytes", "png", "odd utf-16"],
)
def test_undecodable_bytes_are_a_parse_error(data: bytes) -> None:
    with pytest.raises(lawgov.ParseError, match="decode"):
        lawgov.parse_html(data)


def test_damaged_gbk_page_decodes_with_the_damage_marked() -> None:
    data = _page("<meta charset=gbk>", _TEXT * 5).encode("gbk")
    cut = data.index("推进".encode("gbk")) + 1
    text = decode_page(data[:cut] + data[cut + 1 :])
    assert _TEXT in text
    assert "\ufffd" in text


# --- extraction -----------------------------------------------------------------------------


def _read(name: str) -> Page:
    return read_page((PAGES / f"{name}.html").read_bytes())


def test_standard_metadata() -> None:
    page = _read("meta-present-zoom")
    assert page.meta["ArticleTitle"] == "云岫区人民政府2023年法治政府建设年度报告"
    assert page.meta["PubDate"] == "2024-02-06 09:30"
    assert page.meta["ContentSource"] == "云岫区人民政府办公室"
    assert page.meta["SiteName"] == "云岫区人民政府"
    assert page.meta["ColumnName"] == "法治政府建设"
    assert page.url == page.meta["Url"]
    assert page.method == "cms"
    assert page.byline == ("发布日期：2024-02-06　来源：云岫区人民政府办公室　浏览次数：1024",)


def test_no_metadata() -> None:
    page = _read("meta-absent-gbk")
    assert page.meta == {}
    assert page.title == "青禾县生态环境分局2022年度法治政府建设工作报告"


_DISCLOSURE = {
    "disclosure-table-gb2312": [
        ("索引号", "11430000MB1E23456Y/2026-00012"),
        ("发布机构", "湖泽省自然资源厅"),
        ("成文日期", "2026-02-06"),
        ("发布日期", "2026-02-09"),
        ("主题分类", "国土资源、能源"),
        ("发文字号", ""),
    ],
    "disclosure-list-bom": [
        ("索引号", "11330800MB1234567X/2025-00012"),
        ("发文字号", ""),
        ("发布机构", "桐江市发展和改革委员会"),
        ("成文日期", "2025-01-20"),
        ("发布日期", "2025-01-23"),
        ("主题分类", "法治政府"),
        ("有效性", "有效"),
    ],
    "disclosure-dl-undeclared": [
        ("索引号", "11330822MB1A23456K/2023-00008"),
        ("发文字号", ""),
        ("发布机构", "柘溪县林业局"),
        ("成文日期", "2023年3月6日"),
        ("发布日期", "2023年3月9日"),
        ("主题分类", "农业、林业"),
    ],
}


@pytest.mark.parametrize("name", sorted(_DISCLOSURE))
def test_disclosure_block(name: str) -> None:
    page = _read(name)
    assert list(page.disclosure) == _DISCLOSURE[name]
    text = page.to_text()
    assert "发布机构：" in text
    # Rendered once, as labelled lines, and never left in the body.
    assert not any(line.startswith(("索引号", "索 引 号")) for line in page.body)


def test_to_text_shape() -> None:
    page = _read("disclosure-table-gb2312")
    lines = page.to_text().splitlines()
    assert lines[0] == "湖泽省自然资源厅2025年度法治政府建设情况报告"
    assert lines[1:6] == [
        "索引号：11430000MB1E23456Y/2026-00012",
        "发布机构：湖泽省自然资源厅",
        "成文日期：2026-02-06",
        "发布日期：2026-02-09",
        "主题分类：国土资源、能源",
    ]
    assert lines[6].startswith("2025年是")


def test_byline_is_built_from_metadata_when_none_is_printed() -> None:
    html = (
        "<html><head><meta name='PubDate' content='2024/3/5 10:00'>"
        "<meta name='ContentSource' content='栖霞镇人民政府'></head><body><div id='zoom'>"
        "<p>2023年，栖霞镇坚持依法行政，全面推进法治政府建设，取得明显成效。</p></div></body></html>"
    )
    page = read_page(html)
    assert page.to_text().splitlines()[0] == "来源：栖霞镇人民政府　发布时间：2024-03-05"


def test_a_distant_date_line_is_not_the_byline() -> None:
    html = (
        "<html><head><meta name='PubDate' content='2024-03-05'></head><body>"
        "<div class='left'><ul><li>发布时间：2020-01-01 栖霞镇召开会议</li></ul></div>"
        "<div class='right'><div class='a'></div><div class='b'></div><div class='c'></div>"
        "<div class='d'></div><div class='e'></div><div class='f'></div><div class='g'></div>"
        "<div id='zoom'><p>2023年，栖霞镇坚持依法行政，全面推进法治政府建设，取得明显成效。</p>"
        "</div></div></body></html>"
    )
    page = read_page(html)
    assert page.byline == ()
    assert "发布时间：2024-03-05" in page.to_text()


def test_two_titles_take_the_article_heading() -> None:
    page = _read("two-titles-density")
    assert page.headings[0] == "临溪区人民政府"
    assert page.title == "临溪区教育局关于2022年度法治政府建设情况的报告"
    assert page.method == "density"


def test_title_only_in_title_element() -> None:
    result = lawgov.parse_html_result((PAGES / "title-only-in-title.html").read_bytes())
    assert result.page.headings == ()
    assert result.report.title == "松浦市住房和城乡建设局2023年度法治政府建设工作报告"
    assert result.provenance["title"] == "page metadata"
    assert result.provenance["published"] == "page metadata"


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        (
            "江海区科技局2020年法治政府建设年度报告_江海区人民政府网站",
            None,
            "江海区科技局2020年法治政府建设年度报告",
        ),
        (
            "岚山县2021年法治政府建设年度报告-岚山县政府门户",
            None,
            "岚山县2021年法治政府建设年度报告",
        ),
        (
            "栖霞镇2022年法治政府建设工作报告 | 栖霞镇人民政府",
            None,
            "栖霞镇2022年法治政府建设工作报告",
        ),
        ("报告——岚山县司法局", "岚山县司法局", "报告"),
        ("岚山县司法局2023年法治政府建设年度报告", None, "岚山县司法局2023年法治政府建设年度报告"),
        (
            "江海区落实《法治政府建设实施纲要（2021—2025年）》情况报告",
            None,
            "江海区落实《法治政府建设实施纲要（2021—2025年）》情况报告",
        ),
        (
            "栖霞镇2023年法治政府建设年度报告_通知公告_栖霞镇人民政府",
            None,
            "栖霞镇2023年法治政府建设年度报告_通知公告",
        ),
        (
            "岚山县2022年法治政府建设报告-法治政府建设",
            None,
            "岚山县2022年法治政府建设报告-法治政府建设",
        ),
    ],
)
def test_site_name_is_stripped_from_the_title(title: str, site: str | None, expected: str) -> None:
    assert strip_site_name(title, site) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-02-06 09:30", "2024-02-06"),
        ("2023年3月9日", "2023-03-09"),
        ("2024/3/5", "2024-03-05"),
        ("2024-13-40", None),
        ("2024年2月30日", None),  # a real calendar date, as the text parser reads dates
        ("2024.2.29", "2024-02-29"),
        ("无", None),
    ],
)
def test_iso_date(text: str, expected: str | None) -> None:
    assert iso_date(text) == expected


def test_attachments_are_absolute_and_named() -> None:
    page = _read("attachment-notice")
    assert [(a.name, a.url) for a in page.attachments] == [
        (
            "岚山县司法局2023年法治政府建设年度报告.pdf",
            "https://www.lanshan.gov.cn/zwgk/fzzf/files/2023fzzfbg.pdf",
        ),
        (
            "岚山县司法局2023年法治政府建设年度报告（OFD版）",
            "https://www.lanshan.gov.cn/zwgk/fzzf/files/2023fzzfbg.ofd",
        ),
    ]


def test_attachments_resolve_against_the_url_argument() -> None:
    html = (
        "<html><body><div id='zoom'><p>2023年，江海区司法局全面推进法治政府建设，成效明显。</p>"
        "<a href='../files/report.docx'>报告全文</a><a href='/a.xlsx'>统计表</a>"
        "<a href='/news/1.html'>新闻</a><a href='javascript:void(0)'>x.pdf</a></div></body></html>"
    )
    page = read_page(html, url="https://www.jianghai.gov.cn/zwgk/2024/t1.html")
    assert [a.url for a in page.attachments] == [
        "https://www.jianghai.gov.cn/zwgk/files/report.docx",
        "https://www.jianghai.gov.cn/a.xlsx",
    ]


def test_attachment_notice_warns_and_lists_them() -> None:
    result = lawgov.parse_html_result((PAGES / "attachment-notice.html").read_bytes())
    notes = [w.message for w in result.warnings if w.stage == "page"]
    assert len(notes) == 1
    assert "attachment" in notes[0]
    assert "2023fzzfbg.pdf" in notes[0]
    assert "2023fzzfbg.ofd" in notes[0]
    assert len(result.attachments) == 2


def test_notice_that_is_no_report_names_its_attachments() -> None:
    html = (
        "<html><head><title>通知公告</title></head><body><div id='zoom'><p>详见附件。</p>"
        "<p><a href='http://www.qixia.gov.cn/f/report.pdf'>年度报告</a></p></div></body></html>"
    )
    with pytest.raises(lawgov.ParseError, match=r"attachment.*report\.pdf"):
        lawgov.parse_html(html)


def test_provenance_and_url() -> None:
    url = "https://example.gov.cn/a.html"
    result = lawgov.parse_html_result((PAGES / "meta-present-zoom.html").read_bytes(), url=url)
    assert result.report.url == url
    assert result.provenance["url"] == "argument"
    assert result.provenance["title"] == "page metadata"
    assert result.provenance["published"] == "source line"
    plain = lawgov.parse_html((PAGES / "meta-present-zoom.html").read_bytes())
    assert plain.url == "https://www.yunxiu.gov.cn/zwgk/fzzf/202402/t20240206_1001.html"


def test_issuer_provenance() -> None:
    result = lawgov.parse_html_result((PAGES / "meta-present-zoom.html").read_bytes())
    assert result.provenance["issuer"] == "title line"
    assert result.provenance["year"] == "title line"


def test_printed_date_that_contradicts_the_metadata_is_kept_with_a_warning() -> None:
    html = (
        "<html><head><meta name='PubDate' content='2024-05-01'></head><body>"
        "<h1>岚山县司法局2023年法治政府建设年度报告</h1>"
        "<p>发布时间：2024-02-01　来源：岚山县司法局</p><div id='zoom'>"
        "<p>2023年，岚山县司法局坚持依法行政，全面推进法治政府建设，成效明显。</p></div>"
        "</body></html>"
    )
    result = lawgov.parse_html_result(html)
    assert result.report.published is not None
    assert result.report.published.to_date_string() == "2024-02-01"
    assert result.provenance["published"] == "source line"
    assert any("2024-05-01" in w.message for w in result.warnings if w.stage == "page")


def test_page_title_wins_over_a_body_line_taken_as_title() -> None:
    html = (
        "<html><head><meta name='ArticleTitle' content='栖霞镇2022年法治政府建设工作报告'></head>"
        "<body><div id='zoom'><p>栖霞镇人民政府</p><p>2022年，栖霞镇坚持依法行政，全面推进法治政府"
        "建设，成效明显。</p></div></body></html>"
    )
    result = lawgov.parse_html_result(html)
    assert result.report.title == "栖霞镇2022年法治政府建设工作报告"
    assert result.provenance["title"] == "page metadata"


def test_published_from_disclosure_when_the_text_has_none() -> None:
    html = (
        "<html><body><table><tr><td>索 引 号</td><td>001/2024-1</td><td>发布机构</td>"
        "<td>岚山县司法局</td></tr><tr><td>发布日期</td><td>2024年2月1日</td></tr></table>"
        "<h1>岚山县司法局2023年法治政府建设年度报告</h1><div class='article-content'>"
        "<p>2023年，岚山县司法局坚持依法行政，全面推进法治政府建设，取得明显成效。</p></div>"
        "</body></html>"
    )
    result = lawgov.parse_html_result(html)
    assert result.report.published is not None
    assert result.report.published.to_date_string() == "2024-02-01"


def test_result_is_a_parse_result() -> None:
    result = lawgov.parse_html_result((PAGES / "meta-absent-gbk.html").read_bytes())
    assert isinstance(result, lawgov.ParseResult)
    assert result.text.startswith("青禾县生态环境分局2022年度法治政府建设工作报告")


# --- hostile pages --------------------------------------------------------------------------

_REPORT_P = "<p>2023年，岚山县司法局坚持依法行政，全面推进法治政府建设。</p>"
_TITLE_H1 = "<h1>岚山县司法局2023年法治政府建设年度报告</h1>"


def _timed(run: Callable[[], object], limit: float) -> object:
    started = time.perf_counter()
    try:
        outcome: object = run()
    except lawgov.LawgovError as error:
        outcome = error
    assert time.perf_counter() - started < limit
    return outcome


def test_internal_entities_are_not_expanded() -> None:
    bomb = "".join(f'<!ENTITY e{i} "&e{i - 1};&e{i - 1};&e{i - 1};">' for i in range(1, 12))
    html = (
        f'<!DOCTYPE x [<!ENTITY e0 "炸弹炸弹">{bomb}]><html><body>{_TITLE_H1}'
        f'<div id="zoom">{_REPORT_P}<p>&e11;</p></div></body></html>'
    )
    outcome = _timed(lambda: lawgov.parse_html_result(html), 10)
    assert isinstance(outcome, lawgov.HtmlParseResult)
    assert "炸弹" not in outcome.text


def test_external_entities_and_dtds_are_never_loaded() -> None:
    # A file of the repository whose text the page does not hold: it must never be read in.
    secret = (PAGES / "attachment-notice.body.txt").resolve()
    html = (
        f'<!DOCTYPE html SYSTEM "{secret.as_uri()}" [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        f"<html><body>{_TITLE_H1}<div id='zoom'>{_REPORT_P}<p>&x;</p></div></body></html>"
    )
    result = lawgov.parse_html_result(html)
    assert "督察工作规定" not in result.text
    assert "督察工作规定" not in result.page.to_text()


def test_deep_nesting_is_bounded() -> None:
    html = "<html><body>" + "<div>" * 100_000 + _TITLE_H1 + _REPORT_P + "</div>" * 100_000
    outcome = _timed(lambda: lawgov.parse_html(html), 10)
    assert isinstance(outcome, lawgov.Report | lawgov.LawgovError)


def test_page_near_the_size_limit_is_bounded() -> None:
    filler = "<li><a href='/x'>导航</a></li>" * (20_000_000 // 28)
    html = (
        f"<html><body><ul class='nav'>{filler}</ul>{_TITLE_H1}"
        f"<div id='zoom'>{_REPORT_P}</div></body></html>"
    )
    assert 19_000_000 < len(html) < MAX_INPUT_BYTES
    outcome = _timed(lambda: lawgov.parse_html(html), 60)
    assert isinstance(outcome, lawgov.Report)
    assert outcome.issuer.name == "岚山县司法局"


def test_page_beyond_the_size_limit_is_refused() -> None:
    html = "<html><body>" + " " * (32 * 1024 * 1024) + "</body></html>"
    with pytest.raises(lawgov.ParseError, match="exceeds"):
        lawgov.parse_html(html)


@pytest.mark.parametrize(
    "page",
    [
        "",
        "   ",
        b"",
        "<html><head><script>var a='岚山县司法局2023年法治政府建设年度报告';</script></head>",
        "<script>document.write('2023年法治政府建设年度报告')</script>",
        "<html><body><iframe>岚山县司法局2023年法治政府建设年度报告</iframe></body></html>",
        "<html><body><template>岚山县司法局2023年法治政府建设年度报告</template></body></html>",
        "<html><body><!-- 岚山县司法局2023年法治政府建设年度报告 --></body></html>",
        "just some text",
        '{"title": "json"}',
        "\x00\x00\x00",
    ],
)
def test_pages_without_report_text_are_a_parse_error(page: str | bytes) -> None:
    with pytest.raises(lawgov.ParseError):
        lawgov.parse_html(page)


@pytest.mark.parametrize("page", [None, 12, ["<html>"]])
def test_a_page_that_is_not_text_or_bytes_is_a_parse_error(page: object) -> None:
    with pytest.raises(lawgov.ParseError, match="str or bytes"):
        lawgov.parse_html(page)  # type: ignore[arg-type]


def test_bytearray_is_read_as_bytes() -> None:
    data = bytearray((PAGES / "meta-absent-gbk.html").read_bytes())
    assert lawgov.parse_html(data).issuer.name == "青禾县生态环境分局"  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_report_or_a_lawgov_error(data: bytes) -> None:
    try:
        result = lawgov.parse_html(data)
    except lawgov.LawgovError:
        return
    assert isinstance(result, lawgov.Report)


_FRAGMENTS = st.sampled_from(
    [
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<br>",
        "<table><tr><td>",
        "</td></tr></table>",
        "<ul><li>",
        "索 引 号：",
        "发布日期：2024-01-02",
        "<a href='x.pdf'>",
        "</a>",
        "<script>",
        "<!--",
        "-->",
        "&nbsp;",
        "&#xD800;",
        "<meta name='PubDate' content='2024-13-99'>",
        "<meta charset='gbk'>",
        "<base href='::'>",
        "<title>",
        "岚山县司法局2023年法治政府建设年度报告",
        "一、主要举措",
        "一是加强学习。",
        "<h1>",
        "\x00",
        "\ud800",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=20)), max_size=40))
def test_any_markup_gives_a_report_or_a_lawgov_error(parts: list[str]) -> None:
    try:
        result = lawgov.parse_html("".join(parts))
    except lawgov.LawgovError:
        return
    assert isinstance(result, lawgov.Report)


_PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "nested divs": lambda n: "<div>" * n + _TITLE_H1 + _REPORT_P + "</div>" * n,
    "nested tables": lambda n: "<table><tr><td>" * min(n, 250) + _REPORT_P * n,
    "many small tables": lambda n: "<table><tr><td>索引号</td><td>1</td></tr></table>" * n,
    "many links": lambda n: "<a href='/a.pdf'>附件</a>" * n + _TITLE_H1 + _REPORT_P,
    "many paragraphs": lambda n: _TITLE_H1 + _REPORT_P * n,
    "one long line": lambda n: _TITLE_H1 + "<p>" + "法治" * (50 * n) + "</p>",
    "many named containers": lambda n: (_TITLE_H1 + "<div class='content'>" + _REPORT_P) * n,
}


@pytest.mark.parametrize("name", sorted(_PATHOLOGICAL))
def test_linear_time_on_pathological_pages(name: str, growth: Callable[..., float]) -> None:
    build = _PATHOLOGICAL[name]

    def run(n: int) -> object:
        try:
            return read_page(f"<html><body>{build(n)}</body></html>").to_text()
        except lawgov.LawgovError as error:
            return error

    assert growth(run, 100, 800) < 32
