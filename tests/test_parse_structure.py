"""The body: heading levels, run-in headings, page-marker traps, measures, kinds, closing."""

from __future__ import annotations

from typing import Any

import pytest

import lawgov
from lawgov import SectionKind
from lawgov._parse.header import Line
from lawgov._parse.structure import classify_heading, section_kind, split_measures

TITLE = "某局2021年法治政府建设年度报告"


def _parse(body: str) -> lawgov.Report:
    return lawgov.parse_text(f"{TITLE}\n{body}")


def _tree(sections: tuple[lawgov.Section, ...]) -> list[Any]:
    """Sections as (title, measure count, children) for compact expectations."""
    return [(s.title, len(s.measures), _tree(s.subsections)) for s in sections]


def _lines(*texts: str) -> list[Line]:
    return [Line(number=number, text=text) for number, text in enumerate(texts, start=1)]


@pytest.mark.parametrize(
    ("line", "level", "printed", "rest"),
    [
        ("一、推进法治政府建设工作", 1, 1, "推进法治政府建设工作"),
        ("十二、其他", 1, 12, "其他"),
        ("三．其他事项", 1, 3, "其他事项"),
        ("四.下一步计划", 1, 4, "下一步计划"),
        ("（一）加强组织领导", 2, 1, "加强组织领导"),
        ("(三)严格规范公正文明执法", 2, 3, "严格规范公正文明执法"),
        ("1.完善推进机制。县政府…", 3, 1, "完善推进机制。县政府…"),
        ("2、抓好领导干部学法", 3, 2, "抓好领导干部学法"),
        ("3．强化监督", 3, 3, "强化监督"),
        ("（1）精简审批事项", 4, 1, "精简审批事项"),
        ("(2)推行告知承诺制", 4, 2, "推行告知承诺制"),
        # The opening bracket left out: the closing one still marks the level.
        ("二）规范执法", 2, 2, "规范执法"),
        ("3）推行告知承诺制", 4, 3, "推行告知承诺制"),
    ],
)
def test_heading_markers(line: str, level: int, printed: int, rest: str) -> None:
    heading = classify_heading(line)
    assert heading is not None
    assert (heading.level, heading.printed, heading.rest) == (level, printed, rest)


@pytest.mark.parametrize(
    "line",
    [
        "2026.04.20",  # a date, not a 1. heading
        "12.5%的企业完成整改。",  # a decimal
        "2021年，我局坚持依法行政。",
        "一是加强学习。",  # a measure, not a heading
        "第一，加强学习。",
        "一体推进法治建设。",
    ],
)
def test_not_headings(line: str) -> None:
    assert classify_heading(line) is None


def test_four_levels_nest_and_run_in_headings_split_at_the_first_full_stop() -> None:
    report = _parse(
        "一、主要举措和成效\n"
        "（一）加强领导。全年研究5次。\n"
        "1.完善机制。内容一。\n"
        "（1）细则一\n"
        "（2）细则二。内容二。\n"
        "2.健全体系\n"
        "（二）规范执法\n"
    )
    assert _tree(report.sections) == [
        (
            "主要举措和成效",
            0,
            [
                (
                    "加强领导",
                    0,
                    [("完善机制", 0, [("细则一", 0, []), ("细则二", 0, [])]), ("健全体系", 0, [])],
                ),
                ("规范执法", 0, []),
            ],
        )
    ]
    leadership = report.sections[0].subsections[0]
    assert leadership.paragraphs == ("全年研究5次。",)
    assert leadership.subsections[0].paragraphs == ("内容一。",)
    assert leadership.subsections[0].subsections[1].paragraphs == ("内容二。",)


def test_headings_without_their_opening_bracket_nest_as_bracketed_ones() -> None:
    report = _parse(
        "一、主要工作\n一）健全制度。一是完善规则。二是加强培训。\n1）细化清单\n"
        "二）规范执法。全年办理案件12件。\n二、存在问题\n一）队伍不足。"
    )
    assert _tree(report.sections) == [
        ("主要工作", 0, [("健全制度", 2, [("细化清单", 0, [])]), ("规范执法", 0, [])]),
        ("存在问题", 0, [("队伍不足", 0, [])]),
    ]


def test_skipped_levels_nest_directly_and_numbers_are_renumbered() -> None:
    report = _parse(
        "一、主要举措和成效\n1、完善机制\n2、健全体系\n"
        "二、存在的不足\n（1）问题一\n（3）问题二\n（3）问题三\n"
    )
    first, second = report.sections
    assert [(s.number, s.title) for s in first.subsections] == [(1, "完善机制"), (2, "健全体系")]
    assert [(s.number, s.title) for s in second.subsections] == [
        (1, "问题一"),
        (2, "问题二"),
        (3, "问题三"),
    ]


def test_numbering_that_continues_across_parents_restarts_under_each() -> None:
    report = _parse(
        "一、主要举措和成效\n（一）加强领导\n1.完善机制\n2.健全体系\n（二）规范执法\n3.落实制度\n4.强化监督\n"
    )
    second = report.sections[0].subsections[1]
    assert [(s.number, s.title) for s in second.subsections] == [(1, "落实制度"), (2, "强化监督")]


def test_heading_marker_alone_takes_the_next_line_as_title() -> None:
    report = _parse("一、\n主要举措和成效\n（一）\n加强领导\n正文。\n")
    assert _tree(report.sections) == [("主要举措和成效", 0, [("加强领导", 0, [])])]


def test_heading_title_printed_over_two_lines_is_joined() -> None:
    report = _parse(
        "一、2021年推进法治政府建设的\n主要举措和成效\n正文。\n二、存在的不足和原因\n正文。\n"
    )
    assert [s.title for s in report.sections] == [
        "2021年推进法治政府建设的主要举措和成效",
        "存在的不足和原因",
    ]
    assert report.sections[0].paragraphs == ("正文。",)


@pytest.mark.parametrize(
    ("body", "titles", "paragraphs"),
    [
        # a lone page marker between paragraphs
        ("一、主要工作\n第一段。\n2、\n第二段。\n", [], ("第一段。", "第二段。")),
        # a page marker before a heading
        ("1、 一、主要工作\n第一段。\n", [], ("第一段。",)),
        # a page marker before a run-on sentence: not a heading, marker dropped
        (
            "一、主要工作\n第一段。\n2、 全年共开展培训，参加人数众多，大家学习热情高涨，"
            "取得了良好的效果，受到了一致好评，值得继续坚持下去。\n",
            [],
            (
                "第一段。",
                "全年共开展培训，参加人数众多，大家学习热情高涨，取得了良好的效果，"
                "受到了一致好评，值得继续坚持下去。",
            ),
        ),
        # a page marker whose number does not continue the numbering
        ("一、主要工作\n第一段。\n5、 统筹推进各项工作\n", [], ("第一段。", "统筹推进各项工作")),
        # a date that looks like a 1. heading
        ("一、主要工作\n第一段。\n2026.04.20\n", [], ("第一段。", "2026.04.20")),
        # a real heading after the trap still counts
        ("一、主要工作\n2、\n1.完善机制\n", ["完善机制"], ()),
    ],
)
def test_page_marker_traps(body: str, titles: list[str], paragraphs: tuple[str, ...]) -> None:
    result = lawgov.parse(f"{TITLE}\n{body}")
    section = result.report.sections[0]
    assert section.title == "主要工作"
    assert [s.title for s in section.subsections] == titles
    assert section.paragraphs == paragraphs


def test_body_page_markers_count_on_from_the_header_marker() -> None:
    # The title carries the site's 1、, so the body's first 2、 is the next page marker (the
    # report's level-3 headings use N.), not a second item.
    text = (
        "1、某局2021年法治政府建设年度报告\n一、主要工作\n1.完善机制。全年召开会议6次。\n"
        "2、规范执法行为。全年办理案件87件。\n2.加强普法。开展活动12场。\n"
    )
    section = lawgov.parse_text(text).sections[0]
    assert [s.title for s in section.subsections] == ["完善机制", "加强普法"]
    assert section.subsections[0].paragraphs == (
        "全年召开会议6次。",
        "规范执法行为。全年办理案件87件。",
    )


def test_a_header_page_marker_leaves_n_enumerated_items_alone() -> None:
    # Items printed 1、 2、 are headings even when the title's 1、 came before them.
    text = (
        "1、某局2021年法治政府建设年度报告\n一、主要工作\n1、完善机制\n正文。\n"
        "2、规范执法\n正文。\n"
    )
    section = lawgov.parse_text(text).sections[0]
    assert [s.title for s in section.subsections] == ["完善机制", "规范执法"]


@pytest.mark.parametrize(
    ("body", "title", "paragraphs"),
    [
        # the short remainder of a wrapped heading
        ("三、党政主要负责人履行推进法治建设第一责任人\n职责情况\n正文。", None, ("正文。",)),
        # a title that stops on a connective, or a line that opens with one
        ("一、2023年推进法治政府建设的主要举措\n和成效\n正文。", None, ("正文。",)),
        ("一、关于推进法治政府建设的\n主要举措与成效\n正文。", None, ("正文。",)),
        # a body line under a complete title, though it ends like a title
        ("一、加强组织领导\n局党组高度重视法治建设工作\n正文。", "加强组织领导", None),
        ("一、加强组织领导\n压实法治建设第一责任人职责\n正文。", "加强组织领导", None),
        ("一、加强组织领导\n全年开展普法工作\n正文。", "加强组织领导", None),
        ("一、存在的问题\n执法力量不足的问题\n正文。", "存在的问题", None),
    ],
)
def test_a_heading_over_two_lines_and_a_short_body_line(
    body: str, title: str | None, paragraphs: tuple[str, ...] | None
) -> None:
    section = _parse(body).sections[0]
    lines = body.split("\n")
    if title is None:
        # joined: the first two lines are the title
        assert section.title == lines[0][2:] + lines[1]
        assert section.paragraphs == paragraphs
    else:
        assert section.title == title
        assert section.paragraphs == (lines[1], "正文。")


def test_page_marker_before_a_measure_is_dropped() -> None:
    result = lawgov.parse(f"{TITLE}\n一、主要工作\n1、 一是加强学习。\n2、 二是完善制度。\n")
    section = result.report.sections[0]
    assert [m.text for m in section.measures] == ["加强学习。", "完善制度。"]
    assert sum("page marker" in w.message for w in result.warnings) == 2


# --- measures ------------------------------------------------------------------------------


def _measures(*texts: str) -> tuple[list[str], list[Any]]:
    paragraphs, measures, _ = split_measures(_lines(*texts))

    def shape(nodes: Any) -> list[Any]:
        return [(n.title, n.text, shape(n.submeasures)) for n in nodes]

    return paragraphs, shape(measures)


def test_paragraph_initial_and_inline_items_form_one_list() -> None:
    paragraphs, measures = _measures(
        "一是健全机制。内容甲。二是抓实学法，全年6次。", "三是纳入考核。"
    )
    assert paragraphs == []
    assert measures == [
        ("健全机制", "健全机制。内容甲。", []),
        ("抓实学法", "抓实学法，全年6次。", []),
        ("纳入考核", "纳入考核。", []),
    ]


def test_inline_list_after_a_lead_in_keeps_the_lead_in_as_a_paragraph() -> None:
    paragraphs, measures = _measures(
        "仍有差距：一是能力不强；二是力量薄弱。", "究其原因，投入不足。"
    )
    assert paragraphs == ["仍有差距：", "究其原因，投入不足。"]
    assert measures == [("能力不强", "能力不强；", []), ("力量薄弱", "力量薄弱。", [])]


@pytest.mark.parametrize("boundary", ["。", "；", "：", "！", "？"])
def test_inline_markers_stand_after_a_clause_end(boundary: str) -> None:
    paragraphs, measures = _measures(f"措施如下{boundary}一是甲{boundary}二是乙。")
    assert paragraphs == [f"措施如下{boundary}"]
    assert [text for _, text, _ in measures] == [f"甲{boundary}", "乙。"]


@pytest.mark.parametrize(
    ("text", "paragraphs", "texts"),
    [
        # a run after a comma that counts on from 一是
        (
            "在依法决策方面，一是集体决策；二是法律顾问。",
            ["在依法决策方面，"],
            ["集体决策；", "法律顾问。"],
        ),
        # items separated by a comma
        ("一是人员不足，二是能力不强。", [], ["人员不足，", "能力不强。"]),
        ("措施：一是甲；二是乙，三是丙。", ["措施："], ["甲；", "乙，", "丙。"]),
    ],
)
def test_markers_after_a_comma_within_a_run(
    text: str, paragraphs: list[str], texts: list[str]
) -> None:
    got_paragraphs, measures = _measures(text)
    assert got_paragraphs == paragraphs
    assert [measure_text for _, measure_text, _ in measures] == texts


@pytest.mark.parametrize(
    "text",
    [
        "全年共召开会议，一是其中最重要的。",  # a lone 一是 after a comma: no run
        "工作有二：甲项完成，三是乙项。",  # a number that goes on from no item
        "坚持统一是原则，二是乙。",  # 一是 inside a word
        "做法是：第一是甲。",  # 第一是 is an ordinal
        "我们认为一是必要的，二是可行的。",  # after a plain character, not a clause end
        "一是",  # a marker with nothing after it
    ],
)
def test_not_measure_markers(text: str) -> None:
    paragraphs, measures = _measures(text)
    assert measures == []
    assert paragraphs == [text]


def test_a_restart_inside_a_measure_is_its_sub_list_within_the_paragraph() -> None:
    paragraphs, measures = _measures(
        "一是统计。内容。",
        "二是服务企业。线上实施。一是通知企业。二是登记合同。",
        "三是金融服务。",
    )
    assert paragraphs == []
    assert measures == [
        ("统计", "统计。内容。", []),
        (
            "服务企业",
            "服务企业。线上实施。",
            [("通知企业", "通知企业。", []), ("登记合同", "登记合同。", [])],
        ),
        ("金融服务", "金融服务。", []),
    ]


def test_a_paragraph_initial_measure_keeps_following_unmarked_paragraphs() -> None:
    paragraphs, measures = _measures("一是加强学习。", "组织专题学习3次。", "二是完善制度。")
    assert paragraphs == []
    assert measures == [
        ("加强学习", "加强学习。\n组织专题学习3次。", []),
        ("完善制度", "完善制度。", []),
    ]


def test_an_inline_measure_ends_with_its_paragraph() -> None:
    paragraphs, measures = _measures("措施：一是甲；二是乙。", "补充说明。")
    assert paragraphs == ["措施：", "补充说明。"]
    assert [text for _, text, _ in measures] == ["甲；", "乙。"]


def test_two_separate_lists_are_numbered_on() -> None:
    report = _parse("一、主要工作\n原因：一是甲；二是乙。\n措施：一是丙；二是丁。\n")
    measures = report.sections[0].measures
    assert [(m.number, m.title) for m in measures] == [(1, "甲"), (2, "乙"), (3, "丙"), (4, "丁")]
    assert report.sections[0].paragraphs == ("原因：", "措施：")


def test_measure_title_stops_at_the_first_clause_mark() -> None:
    _, measures = _measures("一是加强领导：成立小组。二是，落实责任。")
    assert [title for title, _, _ in measures] == ["加强领导", "落实责任"]


def test_ten_and_more_items() -> None:
    items = "".join(f"{n}是措施{n}。" for n in "一二三四五六七八九十")
    _, measures = _measures(items + "十一是措施十一。")
    assert len(measures) == 11
    assert measures[-1][0] == "措施十一"


# --- kinds ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "after", "kind"),
    [
        ("2021年推进法治政府建设的主要举措和成效", False, SectionKind.MEASURES_AND_RESULTS),
        ("主要工作", False, SectionKind.MEASURES_AND_RESULTS),
        ("存在的不足和原因", False, SectionKind.SHORTCOMINGS),
        ("存在的问题", False, SectionKind.SHORTCOMINGS),
        ("党政主要负责人履行推进法治建设第一责任人职责情况", False, SectionKind.LEADERSHIP_DUTIES),
        ("下一步计划", False, SectionKind.NEXT_YEAR_PLAN),
        ("下一年度推进法治政府建设的主要安排", False, SectionKind.NEXT_YEAR_PLAN),
        ("2022年工作安排", False, SectionKind.NEXT_YEAR_PLAN),
        ("明年工作打算", False, SectionKind.NEXT_YEAR_PLAN),
        ("2021年工作安排", False, SectionKind.MEASURES_AND_RESULTS),  # the report's own year
        ("其他需要报告的情况", False, SectionKind.OTHER),
        ("加强推进科技防疫工作", False, SectionKind.MEASURES_AND_RESULTS),
        ("加强推进科技防疫工作", True, SectionKind.OTHER),
        ("存在问题及下一步工作计划", False, SectionKind.SHORTCOMINGS),  # first keyword wins
    ],
)
def test_section_kinds(title: str, after: bool, kind: SectionKind) -> None:
    assert section_kind(title, 2021, after_prescribed=after) == kind


def test_subsections_take_their_parents_kind_and_fallback_follows_order() -> None:
    report = _parse("一、推进法治建设\n（一）存在问题的整改\n二、存在的不足\n三、加强队伍建设\n")
    kinds = [s.kind for s in report.iter_sections()]
    assert kinds == [
        SectionKind.MEASURES_AND_RESULTS,
        SectionKind.MEASURES_AND_RESULTS,
        SectionKind.SHORTCOMINGS,
        SectionKind.OTHER,
    ]


# --- preamble and closing ------------------------------------------------------------------


def test_preamble_and_signature_block() -> None:
    report = _parse(
        "市委、市政府：\n2021年，我局依法行政。现将有关情况报告如下：\n"
        "一、主要工作\n正文。\n特此报告。\n某市某局\n2022年1月5日\n"
    )
    assert report.preamble == ("市委、市政府：", "2021年，我局依法行政。现将有关情况报告如下：")
    assert report.closing == ("特此报告。", "某市某局", "2022年1月5日")
    assert report.sections[0].paragraphs == ("正文。",)


def test_signature_gives_the_issuer_when_the_title_has_none() -> None:
    report = lawgov.parse_text(
        "关于2022年度法治政府建设情况的报告\n一、主要工作\n正文。\n某县人民政府\n2023年2月20日\n"
    )
    assert report.issuer == lawgov.Agency(name="某县人民政府")
    assert report.closing == ("某县人民政府", "2023年2月20日")


def test_a_last_short_line_without_agency_word_stays_in_the_section() -> None:
    report = _parse("一、主要工作\n正文。\n二、其他需要报告的情况\n无\n")
    assert report.closing == ()
    assert report.sections[1].paragraphs == ("无",)


def test_text_without_headings_is_all_preamble() -> None:
    report = _parse("2021年，我局依法行政，办理案件12件。\n全年培训3次。\n")
    assert report.sections == ()
    assert report.preamble == ("2021年，我局依法行政，办理案件12件。", "全年培训3次。")
    assert {m.text for m in report.metrics} == {"12件", "3次"}


def test_facts_attach_to_the_innermost_holder_once() -> None:
    report = _parse(
        "全年培训3次。\n"
        "一、主要工作\n"
        "依据《行政处罚法》办理案件12件，其中简易程序12件，办理案件12件。\n"
        "一是审查文件27件，依据《行政处罚法》；二是开展培训3次。\n"
    )
    section = report.sections[0]
    assert [m.text for m in report.metrics] == ["3次"]
    # Identical metrics once per holder; a name tells two equal numbers apart.
    assert [(m.text, m.name) for m in section.metrics] == [("12件", "案件"), ("12件", None)]
    assert [c.title for c in section.citations] == ["行政处罚法"]
    assert [m.text for m in section.measures[0].metrics] == ["27件"]
    assert [c.title for c in section.measures[0].citations] == ["行政处罚法"]
    assert [m.text for m in section.measures[1].metrics] == ["3次"]


def test_endless_restarts_nest_no_deeper_than_three_lists() -> None:
    report = _parse("一、主要工作\n" + "开始：一是甲。" + "一是甲。" * 3000)

    def depth(measures: tuple[lawgov.Measure, ...]) -> int:
        return 1 + max((depth(m.submeasures) for m in measures), default=0) if measures else 0

    assert depth(report.sections[0].measures) == 3
    assert sum(1 for _ in report.iter_measures()) == 3001


def test_a_line_of_page_markers_is_peeled_at_most_twice() -> None:
    result = lawgov.parse(f"{TITLE}\n一、主要工作\n" + "1、 " * 2000 + "正文。\n")
    assert sum("page marker" in w.message for w in result.warnings) <= 3
    assert result.report.sections[0].title == "主要工作"


@pytest.mark.parametrize(
    ("tail", "closing", "issuer"),
    [
        (
            "中共某县委员会\n某县人民政府\n2023年2月20日",
            ("中共某县委员会", "某县人民政府", "2023年2月20日"),
            "中共某县委员会",
        ),
        ("某县司法局\n二〇二三年二月二十日", ("某县司法局", "二〇二三年二月二十日"), "某县司法局"),
        ("二〇二三年二月二十日", ("二〇二三年二月二十日",), "某县人民政府"),
        ("特此报告。\n某县司法局", ("特此报告。", "某县司法局"), "某县司法局"),
    ],
)
def test_signature_blocks(tail: str, closing: tuple[str, ...], issuer: str) -> None:
    report = lawgov.parse_text(
        "关于2022年度法治政府建设情况的报告\n来源：某县人民政府\n一、主要工作\n正文。\n" + tail
    )
    assert report.closing == closing
    assert report.issuer == lawgov.Agency(name=issuer)
    assert report.sections[0].paragraphs == ("正文。",)


def test_a_sharing_site_copy_with_page_markers_everywhere() -> None:
    text = (
        "1、区科技局2020年法治政府建设年度报告\n"
        "来源：本网 发布时间：2021-02-26\n"
        "根据有关要求，现将情况汇报如下：\n"
        "一、推进法治政府建设工作\n"
        "（一）加强组织领导\n"
        "一是落实制度。全年学习3次。\n"
        "2、二是落实学法制度。\n"
        "3、（二）健全决策机制\n"
        "一是推进民主决策，2026.04.20前完成。\n"
        "4、\n"
        "二是建立程序。\n"
        "二、下一步计划\n"
        "一是加强培训；二是加强宣传。\n"
    )
    report = lawgov.parse_text(text)
    assert report.title == "区科技局2020年法治政府建设年度报告"
    assert report.issuer == lawgov.Agency(name="区科技局")
    assert _tree(report.sections) == [
        ("推进法治政府建设工作", 0, [("加强组织领导", 2, []), ("健全决策机制", 2, [])]),
        ("下一步计划", 2, []),
    ]
    decisions = report.sections[0].subsections[1]
    assert [m.text for m in decisions.measures] == [
        "推进民主决策，2026.04.20前完成。",
        "建立程序。",
    ]


# --- styles found by writing reports the parser had not seen ------------------------------


def test_long_run_in_digit_items_are_sections() -> None:
    # 1. items whose first sentence runs long are items, not page markers before a paragraph.
    body = (
        "一、主要举措和成效\n"
        "1.强化组织领导，局党组把法治政府建设纳入年度重点工作，全年召开党组会议专题研究法治工作5次。\n"
        "2、规范行政执法，全年办理行政处罚案件286件，全部做到程序合法、事实清楚、证据确凿、适用法律正确。\n"
        "3.加强普法，开展活动18场。\n"
    )
    section = _parse(body).sections[0]
    assert [(s.number, s.title) for s in section.subsections] == [
        (
            1,
            "强化组织领导，局党组把法治政府建设纳入年度重点工作，全年召开党组会议专题研究法治工作5次",
        ),
        (
            2,
            "规范行政执法，全年办理行政处罚案件286件，全部做到程序合法、事实清楚、证据确凿、适用法律正确",
        ),
        (3, "加强普法，开展活动18场"),
    ]
    assert section.paragraphs == ()


@pytest.mark.parametrize(
    "line",
    [
        # a spaced marker before a long sentence: a page marker
        "1、 全年办理行政处罚案件286件，全部做到程序合法、事实清楚、证据确凿、适用法律正确，"
        "未发生行政败诉案件，行政机关负责人出庭应诉率保持在较高水平。",
        # a marker before a year: a page marker
        "1、2021年，县政府召开全县行政执法工作推进会，部署执法规范化建设，提出明确要求，"
        "各部门主要负责人参加会议并作交流发言。",
    ],
)
def test_page_markers_before_long_paragraphs_stay_paragraphs(line: str) -> None:
    section = _parse(f"一、主要举措和成效\n{line}\n").sections[0]
    assert section.subsections == ()
    assert len(section.paragraphs) == 1


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("今后工作打算", SectionKind.NEXT_YEAR_PLAN),
        ("下阶段工作思路", SectionKind.NEXT_YEAR_PLAN),
        ("下一阶段工作安排", SectionKind.NEXT_YEAR_PLAN),
        ("下步工作计划", SectionKind.NEXT_YEAR_PLAN),
        ("存在的问题和下步打算", SectionKind.SHORTCOMINGS),
    ],
)
def test_more_plan_words(title: str, kind: SectionKind) -> None:
    assert section_kind(title, 2022, after_prescribed=False) is kind


@pytest.mark.parametrize(
    ("tail", "closing"),
    [
        ("某局\n2022年1月\n", ("某局", "2022年1月")),
        ("某局　2022年1月10日\n", ("某局　2022年1月10日",)),
        (
            "某局\n2022年1月10日\n附件：某局行政执法事项清单\n",
            ("某局", "2022年1月10日", "附件：某局行政执法事项清单"),
        ),
        (
            "某局\n2022年1月10日\n（联系人：张三，电话：0571-12345678）\n",
            ("某局", "2022年1月10日", "（联系人：张三，电话：0571-12345678）"),
        ),
    ],
)
def test_more_signature_layouts(tail: str, closing: tuple[str, ...]) -> None:
    report = _parse(f"一、主要工作\n第一段。\n{tail}")
    assert report.closing == closing
    assert report.sections[0].paragraphs == ("第一段。",)


def test_an_attachment_line_without_a_signature_stays_in_the_body() -> None:
    report = _parse("一、主要工作\n第一段。\n附件：某局行政执法事项清单\n")
    assert report.closing == ()
    assert report.sections[0].paragraphs == ("第一段。", "附件：某局行政执法事项清单")


def test_the_agency_of_a_one_line_signature_is_the_issuer_fallback() -> None:
    report = lawgov.parse_text(
        "2021年法治政府建设年度报告\n一、主要工作\n第一段。\n青澜市民政局　2022年1月10日\n"
    )
    assert report.issuer == lawgov.Agency(name="青澜市民政局")


@pytest.mark.parametrize(
    "line",
    [
        "一、二季度，全县共办理案件20件。",
        "1、2月份，全县共办理案件20件。",
        "一、二级预警响应及时。",
    ],
)
def test_two_numbers_joined_by_a_comma_mark_are_not_a_heading(line: str) -> None:
    assert classify_heading(line) is None
    report = _parse(f"一、主要工作\n{line}\n")
    assert [s.title for s in report.sections] == ["主要工作"]
    assert report.sections[0].paragraphs == (line,)


@pytest.mark.parametrize("line", ["一、2022年工作情况", "二、三大攻坚战", "一、二〇二二年工作情况"])
def test_headings_that_open_with_a_number_are_headings(line: str) -> None:
    assert classify_heading(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        # a salutation or a lead-in after a page marker
        "3、宁川市人民政府：",
        "1、根据有关要求，现将我局法治政府建设工作情况汇报如下：",
        # a body sentence after a page marker: a sentence opener, a year, figures in its lead
        "1、全年开展行政执法案卷评查2次，评查案卷160卷。",
        "1、2023年，区政府在市委、市政府的坚强领导下全面推进依法行政。",
        "1、同时，加强执法监督。",
        "1、开展案卷评查2次，评查案卷160卷。",
    ],
)
def test_page_markers_before_body_sentences(line: str) -> None:
    section = _parse(f"一、主要工作\n{line}\n").sections[0]
    assert section.subsections == ()
    assert section.paragraphs == (line.partition("、")[2],)


@pytest.mark.parametrize(
    "line",
    ["1.开展案卷评查。评查案卷160卷。", "1.召开会议5次", "1.自觉接受人大监督，办理建议126件。"],
)
def test_items_with_figures_after_their_lead_are_headings(line: str) -> None:
    section = _parse(f"一、主要工作\n{line}\n").sections[0]
    assert len(section.subsections) == 1


# --- page markers that count on, and lists after a lead-in --------------------------------


def test_a_page_marker_that_fits_only_across_parents_is_dropped() -> None:
    # Page markers 2、 and 3、 were dropped; 4、 would continue 1.-3. across parents, but it
    # goes on from the page markers instead.
    report = _parse(
        "一、主要工作\n2、（一）加强执法\n1.开展检查\n2.规范程序\n3.强化监督\n"
        "3、\n（二）推进普法\n4、深入开展“谁执法谁普法”。全年开展活动26场次。\n"
    )
    first, second = report.sections[0].subsections
    assert [s.title for s in first.subsections] == ["开展检查", "规范程序", "强化监督"]
    assert second.subsections == ()
    assert second.paragraphs == ("深入开展“谁执法谁普法”。全年开展活动26场次。",)


def test_a_page_marker_in_another_form_than_the_headings_is_dropped() -> None:
    # The headings use 1.; a 4、 going on from page marker 3、 is a page marker even where
    # a fourth heading would fit.
    report = _parse(
        "一、主要工作\n1.开展检查\n2.规范程序\n3、 二是完善制度。\n3.强化监督\n"
        "4、依法化解矛盾纠纷。全年调解纠纷37件。\n"
    )
    section = report.sections[0]
    assert [s.title for s in section.subsections] == ["开展检查", "规范程序", "强化监督"]
    assert section.subsections[2].paragraphs == ("依法化解矛盾纠纷。全年调解纠纷37件。",)


@pytest.mark.parametrize(
    "body",
    [
        # continuing numbering across parents, with no page markers seen: headings
        "一、主要工作\n（一）加强执法\n1、开展检查\n2、规范程序\n（二）推进普法\n3、深入开展普法\n",
        # N、 headings that fit under their parent, after a page marker: headings
        "一、主要工作\n2、（一）加强执法\n1、开展检查\n2、规范程序\n3、深入开展普法\n",
    ],
)
def test_enumerated_headings_are_kept_when_they_fit(body: str) -> None:
    report = _parse(body)
    digits = [s.title for sub in report.sections[0].subsections for s in sub.subsections]
    assert digits[-1] == "深入开展普法"


def test_a_lead_in_to_next_steps_starts_a_new_list_of_the_section() -> None:
    paragraphs, measures = _measures(
        "一是法治意识不强。",
        "部分干部重结果轻程序。",
        "二是执法力量薄弱。",
        "下一步，我镇将重点做好以下工作：",
        "一是加强宣传。",
        "二是规范执法，重点抓好：",
        "一是轮训；",
        "二是全过程记录；",
        "三是案卷评查。",
        "三是深化治理。",
    )
    assert paragraphs == ["下一步，我镇将重点做好以下工作："]
    assert [(title, len(subs)) for title, _, subs in measures] == [
        ("法治意识不强", 0),
        ("执法力量薄弱", 0),
        ("加强宣传", 0),
        ("规范执法", 3),
        ("深化治理", 0),
    ]


def test_an_unmarked_lead_in_without_next_steps_stays_in_its_measure() -> None:
    _, measures = _measures("二是加强队伍建设。", "具体措施如下：", "一是轮训；", "二是考核。")
    assert [(title, len(subs)) for title, _, subs in measures] == [("加强队伍建设", 2)]


def test_a_list_goes_on_from_its_last_printed_number() -> None:
    # The second list (一是 again) counts from its own items, not the holder's total.
    _, measures = _measures(
        "原因：一是甲；二是乙。",
        "措施：",
        "一是丙。",
        "二是丁，包括：",
        "一是子一；",
        "二是子二；",
        "三是子三。",
        "三是戊。",
    )
    assert [(title, len(subs)) for title, _, subs in measures] == [
        ("甲", 0),
        ("乙", 0),
        ("丙", 0),
        ("丁", 3),
        ("戊", 0),
    ]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("存在的困难和短板", SectionKind.SHORTCOMINGS),
        ("存在的短板弱项", SectionKind.SHORTCOMINGS),
        ("2023年重点工作", SectionKind.NEXT_YEAR_PLAN),
        ("下一步重点任务", SectionKind.NEXT_YEAR_PLAN),
        ("2022年重点工作完成情况", SectionKind.MEASURES_AND_RESULTS),  # the report's own year
    ],
)
def test_shortcoming_and_plan_synonyms(title: str, kind: SectionKind) -> None:
    assert section_kind(title, 2022, after_prescribed=False) is kind


@pytest.mark.parametrize(
    "line",
    [
        "（一）加强组织领导：一是成立领导小组；二是制定工作要点。",
        "1.加强组织领导:一是成立领导小组;二是制定工作要点。",
    ],
)
def test_a_run_in_heading_ends_before_the_list_its_colon_introduces(line: str) -> None:
    report = _parse(f"一、主要工作\n{line}\n")
    (section,) = report.sections[0].subsections
    assert section.title == "加强组织领导"
    assert [m.title for m in section.measures] == ["成立领导小组", "制定工作要点"]


def test_a_run_in_heading_with_a_full_stop_before_its_list_ends_there() -> None:
    report = _parse(
        "一、主要工作\n（一）加强组织领导。主要做了以下工作：一是成立领导小组；二是制定要点。\n"
    )
    (section,) = report.sections[0].subsections
    assert section.title == "加强组织领导"
    assert section.paragraphs == ("主要做了以下工作：",)
    assert len(section.measures) == 2


@pytest.mark.parametrize(
    ("cut", "rest"),
    [
        ("1.开展执法检查。全年共办理", "2、行政复议案件45件。"),
        (
            "全年共办理行政复议案件145件，纠错率11.1%，行政机关负责人出庭应诉率100%，较上年同期相比提高了",
            "2、10个百分点。",
        ),
        ("全年共办理行政复议案件45件，", "2、纠错率11.1%。"),
    ],
)
def test_a_page_marker_after_a_page_break_mid_sentence_is_dropped(cut: str, rest: str) -> None:
    # Each marker would fit the numbering (after 1.), so only the cut tells it apart.
    report = _parse(f"一、主要工作\n（一）规范执法\n1.开展检查\n{cut}\n{rest}\n")
    headings = [s.title for s in report.iter_sections()]
    assert headings[-1] != rest[2:].rstrip("。")
    assert rest[2:] in [p for s in report.iter_sections() for p in s.paragraphs]


def test_a_heading_after_a_closed_or_short_line_is_kept() -> None:
    report = _parse(
        "一、主要工作\n（一）规范执法\n坚持和发展新时代枫桥经验\n1、推进调解\n2、推进普法\n"
    )
    (section,) = report.sections[0].subsections
    assert [s.title for s in section.subsections] == ["推进调解", "推进普法"]


def test_a_colon_that_ends_a_heading_line_is_not_part_of_its_title() -> None:
    report = _parse("一、主要举措\n（一）加强组织领导：\n一是成立小组；\n二是召开会议。\n")
    section = report.sections[0].subsections[0]
    assert section.title == "加强组织领导"
    assert len(section.measures) == 2


@pytest.mark.parametrize("date", ["2024.03.08", "2024.3.8", "2024-03-08", "2024/3/8"])
def test_a_date_in_digits_under_an_agency_line_closes_the_report(date: str) -> None:
    # The title names no agency: the signature is the only place that does.
    text = (
        "2023年度法治政府建设情况报告\n发布时间：2024-03-09\n"
        "一、主要工作\n第一段。\n\n青川县林业局\n" + date + "\n"
    )
    report = lawgov.parse_text(text)
    assert report.closing == ("青川县林业局", date)
    assert report.issuer.name == "青川县林业局"
    assert report.sections[0].paragraphs == ("第一段。",)


@pytest.mark.parametrize(
    "body",
    [
        # alone, a dotted date is a sharing site's stamp, not a signature
        "一、主要工作\n第一段。\n2026.04.20\n",
        # under a sentence, too
        "一、主要工作\n全年办理案件87件。\n2026-04-20\n",
        # mixed separators are no date
        "一、主要工作\n第一段。\n青川县林业局\n2026.04/20\n",
    ],
)
def test_a_date_in_digits_alone_is_no_signature(body: str) -> None:
    report = lawgov.parse_text(f"{TITLE}\n{body}")
    assert report.closing == ()
