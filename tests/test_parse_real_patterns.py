"""Rules for reports as actually published: no refusal for want of a header field, a genre
gate for texts that are not reports, and where each header field was read (provenance).

All texts are invented (agencies, places and people); only the layouts follow real pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import lawgov
from lawgov._parse import genre, identity, opening
from lawgov.cli import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures"
_BODY = "一、主要举措\n（一）加强组织领导\n召开专题会议3次，研究法治政府建设工作。\n"


@pytest.mark.parametrize(
    ("first", "issuer"),
    [
        ("2022年，在区委、区政府的坚强领导下，蒲川街道深入学习贯彻习近平法治思想。", "蒲川街道"),
        (
            "2023年，在市委的领导下，在市司法局的指导下，璞阳市气象局全面推进依法行政。",
            "璞阳市气象局",
        ),
        ("根据上级要求，区财政局认真梳理2025年度法治政府建设工作。", "区财政局"),
        ("2024年，芦湾街坚持以习近平法治思想为指导。", "芦湾街"),
        ("2019年，雁汀县全面贯彻法治政府建设部署。", "雁汀县"),
        ("2021年，原国土测绘部深入学习贯彻法治思想。", "原国土测绘部"),
        ("2021年，璞阳经济技术开发区坚持依法行政。", "璞阳经济技术开发区"),
        ("2025年，中村乡法治政府建设工作在市委的领导下稳步推进。", "中村乡"),
        ("现将县人民政府2022年度法治政府建设情况报告如下。", "县人民政府"),
        ("2024年是关键之年，也是青禾街道的重要之年。青禾街道始终坚持依法行政。", "青禾街道"),
    ],
)
def test_the_opening_sentence_names_the_issuer(first: str, issuer: str) -> None:
    result = lawgov.parse(f"{first}\n{_BODY}")
    assert result.report.issuer.name == issuer
    assert result.provenance["issuer"] == "opening sentence"
    assert result.provenance["title"] == "derived"
    assert result.report.title == f"{issuer}{result.report.year}年法治政府建设情况报告"
    assert any("derived" in warning.message for warning in result.warnings)


def test_first_person_openings_name_no_agency() -> None:
    assert opening.opening_agency(["2022年，我镇坚持依法行政。"]) is None
    assert opening.opening_agency(["同时我局将法治培训纳入学习内容。"]) is None
    found = opening.guess_agency(["2022年，我镇坚持依法行政。", "推动法治建设在柘湾镇落地生根。"])
    assert found is not None
    assert (found.name, found.where) == ("柘湾镇", "body")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("市委、市政府：", True),
        ("中共雁汀县委、雁汀县人民政府：", True),
        ("市委全面依法治市委员会：", True),
        ("现将有关情况报告如下：", False),
        ("一、主要举措：", False),
    ],
)
def test_salutations_name_recipients(line: str, expected: bool) -> None:
    assert opening.is_salutation(line) is expected


def test_a_salutation_is_never_the_issuer() -> None:
    report = lawgov.parse_text(f"市委、市政府：\n2025年，苇塘镇坚持依法行政。\n{_BODY}")
    assert report.issuer.name == "苇塘镇"


@pytest.mark.parametrize(
    "text",
    [
        "【政策解读】关于《雁汀县人民政府关于2023年度法治政府建设情况的报告》的政策解读\n正文。",
        "璞阳市人民政府关于印发《璞阳市法治政府建设示范创建实施方案》的通知\n各区县：现印发。",
        "东岭区财政局2022年政府信息公开工作年度报告\n一、总体情况\n依法公开信息。",
        "雁汀县人民政府工作规则\n第一章 总则\n依法行政。",
        "县政府党组召开会议审议2019年度法治政府建设情况报告\n会议指出，要依法行政。",
        "6月25日，雁汀县组织召开法治政府建设年度报告评议会。\n会议要求依法行政。",
        "县长在全县法治政府建设工作会议上的讲话同志们：今天召开会议。\n",
        "近日，青澜市人大常委会副主任带队调研柘阳区2020年度法治政府建设情况。\n调研组座谈。\n",
        "某县2023年度工作总结\n2023年，全县经济平稳增长。\n",
        # no title; the opening says it reports on disclosure work
        "根据《中华人民共和国政府信息公开条例》，柘阳区人民政府认真做好政务公开工作，"
        "现就2020年政务公开年度工作情况报告如下：\n一、总体情况\n全年公开依法行政信息56条。\n",
    ],
)
def test_texts_that_are_not_reports_are_refused(text: str) -> None:
    with pytest.raises(lawgov.ParseError, match="法治政府建设 report"):
        lawgov.parse_text(text)


def test_a_notice_that_issues_a_report_is_not_refused() -> None:
    title = "雁汀县人民政府办公室关于印发《雁汀县2022年度法治政府建设情况报告》的通知"
    assert genre.not_a_report(title, ["2022年，县政府坚持依法行政。"]) is None


def test_a_title_that_is_not_the_genres_is_warned() -> None:
    assert genre.weak_genre("工作报告") is True
    assert genre.weak_genre("雁汀县2022年法治政府建设年度报告") is False


def test_provenance_of_a_printed_header() -> None:
    text = (
        "[ 发布机构 ] 东岭区司法局 [ 发布日期 ] 2023-02-10\n"
        "东岭区司法局2022年法治政府建设年度报告\n来源：东岭区司法局\n" + _BODY
    )
    result = lawgov.parse(text, url="https://example.invalid/a.html")
    assert dict(result.provenance) == {
        "title": "title line",
        "year": "title line",
        "issuer": "title line",
        "published": "disclosure block",
        "source": "source line",
        "url": "page metadata",
    }
    assert lawgov.parse(f"东岭区司法局2022年法治政府建设年度报告\n{_BODY}").provenance == {
        "title": "title line",
        "year": "title line",
        "issuer": "title line",
    }


def test_the_year_without_a_printed_year_is_derived_with_a_warning() -> None:
    result = lawgov.parse(f"东岭区司法局法治政府建设年度报告\n发布时间：2023-02-10\n{_BODY}")
    assert result.report.year == 2022
    assert result.provenance["year"] == "derived"
    assert any("derived from the publication date" in w.message for w in result.warnings)


@pytest.mark.parametrize(
    ("header", "title"),
    [
        (
            "无障碍浏览 |\n适老版\n| 设为首页| 加入收藏| 个人中心",
            "东岭区司法局2022年法治政府建设年度报告",
        ),
        ("EN\nhttps://www.example.invalid/", "东岭区司法局2022年法治政府建设年度报告"),
        ("首页\n>政府信息公开>法治政府建设", "东岭区司法局2022年法治政府建设年度报告"),
        (
            "头部-岚江省司法厅\n搜索位置 标题 正文\n匹配度 排序",
            "东岭区司法局2022年法治政府建设年度报告",
        ),
        (
            "璞阳市人民政府 2019年12月3日星期二\n政府信息公开",
            "东岭区司法局2022年法治政府建设年度报告",
        ),
    ],
)
def test_chrome_above_the_title_is_dropped(header: str, title: str) -> None:
    report = lawgov.parse_text(f"{header}\n{title}\n{_BODY}")
    assert report.title == title
    assert report.issuer.name == "东岭区司法局"


def test_a_view_counter_run_into_the_text_is_not_a_count() -> None:
    report = lawgov.parse_text(
        "东岭区司法局2022年法治政府建设年度报告\n访问次数:2022年，东岭区司法局坚持依法行政。\n"
        + _BODY
    )
    assert report.views is None
    assert report.preamble[0] == "2022年，东岭区司法局坚持依法行政。"


def test_session_ordinals_are_not_metrics() -> None:
    report = lawgov.parse_text(
        "东岭区司法局2022年法治政府建设年度报告\n一、主要举措\n"
        "深入学习区委十二届八次全会精神，召开会议3次。\n"
    )
    assert [(str(m.value), m.unit) for m in report.sections[0].metrics] == [("3", "次")]


def test_the_reports_own_number_and_delivery_note_are_metadata() -> None:
    report = lawgov.parse_text(
        "雁汀县人民政府关于2023年度法治政府建设情况的报告\n（雁政字〔2024〕7号）\n签发人：周明远\n"
        "（2024年3月12日在雁汀县人民代表大会常务委员会会议上）\n" + _BODY
    )
    assert report.title == "雁汀县人民政府关于2023年度法治政府建设情况的报告"
    assert report.year == 2023
    assert report.disclosure is not None
    assert str(report.disclosure.document_number) == "雁政字〔2024〕7号"
    assert not list(report.iter_citations())


def test_cli_parse_shows_warnings_by_verbosity(tmp_path: Path) -> None:
    source = tmp_path / "r.txt"
    source.write_text(f"2022年，蒲川街道坚持依法行政。\n{_BODY}", encoding="utf-8")
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["parse", str(source), *args])
        assert result.exit_code == 0, result.output
        return result.stderr

    counted = run("-o", str(tmp_path / "a.json"))
    verbose = run("-o", str(tmp_path / "b.json"), "--verbose")
    quiet = run("-o", str(tmp_path / "c.json"), "--quiet")
    other = tmp_path / "s.txt"
    other.write_text(f"东岭区司法局2022年法治政府建设年度报告\n{_BODY}", encoding="utf-8")
    batch = runner.invoke(cli, ["parse", str(source), str(other), "-o", str(tmp_path / "out")])
    assert "r.txt: 1 warning" in counted
    assert "r.txt: warning: header: no title printed" in verbose
    assert "warning" not in quiet
    assert "r.txt: 1 warning" in batch.stderr
    assert "s.txt" not in batch.stderr


def test_a_grant_with_no_grantor_named_is_the_issuers() -> None:
    from lawgov._parse.powers import find_delegated_powers

    issuer = lawgov.Agency(name="雁汀县人民政府")
    (power,) = find_delegated_powers("全面落实赋予柘湾镇的35项县级行政执法权限。", issuer=issuer)
    assert (power.grantor, power.grantee, power.count) == (
        issuer,
        lawgov.Agency(name="柘湾镇"),
        35,
    )


@pytest.mark.parametrize(
    "title",
    [
        "东岭区司法局2022年法治政府建设工作总结及2023年工作要点",
        "雁汀县人民政府关于2022年法治政府建设情况的报告（提请县人大常委会审议）",
        "璞阳市气象局2022年度法治政府建设考核情况报告",
    ],
)
def test_report_titles_that_name_other_genres_pass_the_gate(title: str) -> None:
    assert genre.not_a_report(title, ["2022年，坚持依法行政。"]) is None


def test_a_year_inside_a_cited_title_or_closing_a_range_is_not_the_year() -> None:
    report = lawgov.parse_text(
        "根据《法治政府建设实施纲要（2021—2025年）》要求，区财政局认真总结2022年度工作。\n" + _BODY
    )
    assert report.year == 2022
    assert report.issuer.name == "区财政局"


def test_a_text_that_declares_itself_a_plan_is_refused() -> None:
    with pytest.raises(lawgov.ParseError, match="方案"):
        lawgov.parse_text("为推进依法行政，结合本区实际，制定本方案。\n一、总体要求\n依法行政。\n")


def test_a_source_that_is_not_an_agency_does_not_name_the_issuer() -> None:
    result = lawgov.parse(
        "2023年法治政府建设情况报告\n来源：网友投稿\n五年来，依法行政成效显著。\n" + _BODY
    )
    assert result.report.issuer.name == "（未署名机关）"
    assert result.provenance["issuer"] == "derived"


@pytest.mark.parametrize(
    "title",
    [
        "法治政府建设报告制度实证研究——以2016年度12份省级政府报告为例",
        "岚江省法治政府建设指标体系",
    ],
)
def test_studies_and_indicator_systems_are_not_reports(title: str) -> None:
    assert genre.not_a_report(title, ["2016年，各省依法行政。"]) is not None


@pytest.mark.parametrize("verb", ["发布", "印发", "公布"])
def test_a_headline_verb_after_the_agency_is_not_in_the_issuer(verb: str) -> None:
    result = lawgov.parse(f"蓝岭部{verb}2023年法治政府建设年度报告\n{_BODY}")
    assert str(result.report.issuer.name) == "蓝岭部"


def test_a_site_name_and_domain_before_a_traditional_date_label_keeps_the_date() -> None:
    text = (
        "青澜縣水務局2025年度法治政府建設工作報告\n"
        "青澜縣人民政府門戶網站 www.qinglan.com.cn 發布時間:2025-12-20 10:30\n"
        f"{_BODY}"
    )
    published = lawgov.parse(text).report.published
    assert published is not None
    assert published.date().isoformat() == "2025-12-20"


@pytest.mark.parametrize("counter", ["点击数: 人次", "点击数:次", "浏览次数： 人"])
def test_an_empty_source_and_an_unfilled_counter_keep_the_date(counter: str) -> None:
    text = (
        "雁汀县民政局2020年度法治政府建设情况报告\n"
        f"来源:       发布日期:2021-03-26     {counter}\n"
        f"{_BODY}"
    )
    report = lawgov.parse(text).report
    assert report.published is not None
    assert report.published.date().isoformat() == "2021-03-26"
    assert report.source is None


@pytest.mark.parametrize(
    ("line", "views", "source"),
    [
        ("2026-01-20 17:01  |  青澜市水务局", None, "青澜市水务局"),
        ("  • 2026-01-20 17:01", None, None),
        ("2026-01-20　1325", 1325, None),
    ],
)
def test_an_unlabelled_date_line_gives_the_date(
    line: str, views: int | None, source: str | None
) -> None:
    for text in (
        f"市水务局2025年度法治政府建设情况报告\n{line}\n{_BODY}",
        # above the title too: a date line is metadata wherever the header prints it
        f"{line}\n市水务局2025年度法治政府建设情况报告\n{_BODY}",
    ):
        result = lawgov.parse(text)
        assert result.report.published is not None
        assert result.report.published.to_date_string() == "2026-01-20"
        assert result.report.views == views
        assert result.report.source == source
        assert result.report.issuer.name == "市水务局"


def test_a_site_date_with_its_weekday_above_the_title_is_still_chrome() -> None:
    text = f"柘阳县人民政府 2019年12月3日星期二\n柘阳县2023年度法治政府建设情况报告\n{_BODY}"
    assert lawgov.parse(text).report.published is None


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("发布日期2026-01-27", "published", "2026-01-27"),
        ("索引号zyxsmx/2026-00001", "index_number", "zyxsmx/2026-00001"),
        ("发布机构柘阳县石门乡人民政府", "publisher", "柘阳县石门乡人民政府"),
        ("时效性有效", "validity", "有效"),
    ],
)
def test_a_label_glued_to_its_value_is_read(line: str, field: str, value: str) -> None:
    from lawgov._parse import header

    assert header._meta_pairs(line) == [(field, value)]


@pytest.mark.parametrize(
    "line",
    [
        "发布日期后，各单位抓好落实",  # a date label before no date
        "发布机构改革后，我局职能调整，现将情况报告如下。",  # a sentence
        "来源于群众的意见建议",  # a two-character label never runs into its value
    ],
)
def test_a_line_that_only_starts_like_a_label_is_no_metadata(line: str) -> None:
    from lawgov._parse import header

    assert header._meta_pairs(line) is None


def test_the_glued_disclosure_block_of_a_town_page() -> None:
    text = (FIXTURES / "r-glued-labels-town-2025.txt").read_text(encoding="utf-8")
    result = lawgov.parse(text)
    disclosure = result.report.disclosure
    assert disclosure is not None
    assert disclosure.index_number == "zyxsmx/2026-00001"
    assert disclosure.publisher is not None
    assert disclosure.publisher.name == "柘阳县石门乡人民政府"
    assert result.provenance["published"] == "disclosure block"


def test_an_office_speaking_of_itself_is_named_by_its_own_documents() -> None:
    text = (FIXTURES / "r-first-person-office-department-2023.txt").read_text(encoding="utf-8")
    result = lawgov.parse(text)
    assert result.report.issuer.name == "青澜市生态环境局"
    assert result.provenance["issuer"] == "body"
    assert any("guessed" in warning.message for warning in result.warnings)


@pytest.mark.parametrize(
    "text",
    [
        # documents of another body, cited but not issued
        "2023年，我局认真学习《青澜市司法局关于加强行政执法的意见》。",
        # the party committee's office is not the reporting office
        "2023年，我委印发《市委全面依法治市委员会办公室2023年工作要点》。",
        # no first person at all
        "2023年，印发《青澜市生态环境局2023年度重大行政决策事项目录》。",
    ],
)
def test_an_office_is_not_guessed_from_documents_it_did_not_issue(text: str) -> None:
    assert opening.guess_agency([text]) is None


def test_a_party_or_government_organ_is_never_a_guessed_place() -> None:
    lines = ["2024年，我局在市委市政府的正确领导下，围绕我市水利改革发展目标任务推进依法行政。"]
    assert opening.guess_agency(lines) is None
    result = lawgov.parse(f"{lines[0]}\n{_BODY}")
    assert result.report.issuer.name == "（未署名机关）"
    assert result.provenance["issuer"] == "derived"


def test_an_agency_printed_where_the_title_stands_is_the_issuer_not_the_title() -> None:
    text = (FIXTURES / "r-agency-heading-department-2020.txt").read_text(encoding="utf-8")
    result = lawgov.parse(text)
    assert result.report.issuer.name == "江海区人力资源和社会保障局"
    assert result.provenance["issuer"] == "page heading"
    assert result.provenance["title"] == "derived"
    assert any("heads the page" in warning.message for warning in result.warnings)


def test_an_agency_heading_gives_way_to_a_genre_title_below_it() -> None:
    text = (
        "江海区人力资源和社会保障局\n来源：本网 发布时间：2021-03-22\n区政府：\n"
        f"2020年法治政府建设年度报告\n{_BODY}"
    )
    result = lawgov.parse(text)
    assert result.report.title == "2020年法治政府建设年度报告"
    assert result.report.issuer.name == "江海区人力资源和社会保障局"
    assert result.provenance["issuer"] == "page heading"
    assert any("above the title" in warning.message for warning in result.warnings)


@pytest.mark.parametrize(
    ("banner", "opening_line", "issuer"),
    [
        ("柘阳县司法局", "2023年，我局坚持依法行政。", "柘阳县司法局"),
        ("柘阳县人民政府", "2023年，我县坚持依法行政。", "柘阳县人民政府"),
        # the site's name, not the reporting office
        ("柘阳县人民政府", "2023年，我局坚持依法行政。", "（未署名机关）"),
    ],
)
def test_an_agency_above_the_title_must_fit_the_first_person(
    banner: str, opening_line: str, issuer: str
) -> None:
    text = f"{banner}\n来源：本网\n2023年度法治政府建设工作报告\n{opening_line}\n{_BODY}"
    assert lawgov.parse(text).report.issuer.name == issuer


def test_a_breadcrumb_year_is_the_last_resort_for_the_year() -> None:
    text = (FIXTURES / "r-breadcrumb-year-street-2021.txt").read_text(encoding="utf-8")
    result = lawgov.parse(text)
    assert result.report.year == 2021
    assert result.provenance["year"] == "derived"
    assert any("breadcrumb" in warning.message for warning in result.warnings)
    # a year the text prints comes first
    printed = text.replace("截至目前", "2020年")
    assert lawgov.parse(printed).report.year == 2020


@pytest.mark.parametrize(
    "line",
    [
        "更换或升级浏览器以获得最佳体验。",
        "当前浏览器版本过低，可能会有安全风险且无法正常显示。建议您升级或使用其他浏览器。",
        "若您当前使用的浏览器为QQ浏览器或者360浏览器仍出现该提示，请切换至极速模式。",
    ],
)
def test_an_old_browser_notice_is_chrome(line: str) -> None:
    from lawgov._parse import header

    assert header.is_chrome(line)


def test_a_publishing_note_names_the_title() -> None:
    text = (FIXTURES / "r-publishing-note-department-2025.txt").read_text(encoding="utf-8")
    result = lawgov.parse(text)
    assert result.report.title == "青澜市文化和旅游局2025年度法治政府建设情况报告"
    assert result.report.issuer.name == "青澜市文化和旅游局"
    assert result.provenance["title"] == "opening sentence"


def test_an_adverbial_clause_is_never_the_subject() -> None:
    found = opening.opening_agency(
        ["根据按照中共青澜市委全面依法治市委员会办公室要求，市文化旅游局全面推进依法行政。"]
    )
    assert found is not None
    assert found.name == "市文化旅游局"


@pytest.mark.parametrize(
    "text",
    [
        # 政府信息公开工作年度报告, however the title or the opening words it
        "文化和旅游部政府信息公开工作2021年度报告\n根据条例要求编制本报告。\n一、总体情况\n依法行政。",
        "雁汀县政法局信息公开年度工作报告说明\n依法公开信息。\n一、总体情况\n依法行政。",
        "本报告依据《中华人民共和国政府信息公开条例》要求编制。\n一、总体情况\n依法行政。",
        "现将我局2016年政府信息公开工作情况报告如下：\n一、工作概况\n依法行政。",
        "工作年度报告\n报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况组成。\n"
        "一、总体情况\n依法行政。",
        # a government work report to the people's congress
        "政府工作报告——在柘湾镇第六届人民代表大会第七次会议上\n各位代表：\n依法行政。",
        # a court's report
        "青澜市中级人民法院\n主任、副主任、各位委员：\n现将2023年行政审判工作情况报告如下，促进依法行政。",
        # another document's title above its text, under a weak or missing title
        "发文日期2021年12月21日\n施行日期2021年12月21日\n厅直各单位：\n"
        "关于进一步深化交通运输法治政府部门建设的实施意见\n为推进依法行政，结合实际。",
        "柘阳县人民政府办公室\n关于印发柘阳县2020年度法治政府建设\n工作安排的通知\n现印发给你们。",
        # a notice to subordinate bodies
        "各乡镇人民政府，县政府各部门：\n现将2016年各项目标任务分解下达，依法行政。",
        # a news relay and an article
        "水利部网站\n本站讯 近日，海川部发布2021年法治政府建设年度报告。\n依法行政。",
        "一、背景概述\n本文将对2024年度县法治建设工作计划进行解析与展望。\n依法行政。",
        "青澜网讯（记者 柘山）据海川部官网消息，海川部印发《关于推进法治建设的意见》。",
        "海川晚报讯 3月3日上午，青澜省召开依法治省新闻发布会。",
        "海川部副部长 柘山\n（2019年6月25日）\n同志们：\n这次会议研究依法行政工作。",
        # a plan that says what it is in its second line
        "近日，省委办公厅印发《青澜省防灾能力建设行动方案》，内容如下。\n"
        "为建立高效科学的防治体系，依法治理，制定本方案。",
    ],
)
def test_neighbours_of_the_genre_are_refused(text: str) -> None:
    with pytest.raises(lawgov.ParseError, match="another kind of text"):
        lawgov.parse(text)


@pytest.mark.parametrize(
    "text",
    [
        # a salutation to the bodies above the issuer, and 信息公开 mentioned below the opening
        f"县委、县政府：\n2023年，柘湾镇坚持依法行政。\n{_BODY}按时发布政府信息公开工作年度报告。",
        # a report that names its next year's plan below the first heading
        f"柘阳县司法局2023年法治政府建设工作报告\n{_BODY}二、2024年工作计划\n继续依法行政。",
        # a report delivered to the people's congress standing committee
        f"主任、副主任、各位委员：\n2023年，柘阳县人民政府坚持依法行政。\n{_BODY}",
    ],
)
def test_reports_near_the_neighbours_are_kept(text: str) -> None:
    report = lawgov.parse_text(text)
    assert report.year == 2023


def test_a_column_label_before_the_date_on_one_line_leaves_the_date_read() -> None:
    text = (
        "青澜市民政局2022年度法治政府建设情况报告\n栏目：政策文件　发布时间：2023-01-12\n"
        "2022年，青澜市民政局坚持依法行政。\n" + _BODY
    )
    report = lawgov.parse(text).report
    assert report.published is not None
    assert report.published.date().isoformat() == "2023-01-12"
    assert "栏目" not in "".join(report.preamble)


def test_a_file_name_above_a_title_run_into_the_opening_is_chrome() -> None:
    text = (
        "柘阳街道2020年法治政府建设工作情况.docx\n"
        "柘阳街道 2020 年法治政府建设工作情况报告 2020 年，在区委、区政府的正确领导下，"
        "柘阳街道坚持依法行政，全年开展法治培训 3 次。\n" + _BODY
    )
    report = lawgov.parse(text).report
    assert report.title.replace(" ", "") == "柘阳街道2020年法治政府建设工作情况报告"
    assert report.issuer.name == "柘阳街道"
    assert report.preamble[0].startswith("2020 年，在区委")


_UNTITLED = (
    "一、工作开展情况\n（一）深入学习法治思想\n"
    "一是乡党委坚持将法治思想列入《2022年度理论学习中心组学习计划》，集中学习6次。"
    "二是健全学法用法机制，领导干部法治考试合格率达100%。\n"
)


def test_no_year_printed_the_page_address_gives_it() -> None:
    url = "http://www.example.gov.cn/zwgk/fzzfjsndbg/202301/t20230111_4821.html"
    result = lawgov.parse(_UNTITLED, url=url)
    assert result.report.year == 2022
    assert result.provenance["year"] == "url"
    assert any("page address" in warning.message for warning in result.warnings)


def test_no_year_printed_nor_an_address_a_cited_documents_year_is_the_last_resort() -> None:
    result = lawgov.parse(_UNTITLED)
    assert result.report.year == 2022
    assert any("a document the text cites" in warning.message for warning in result.warnings)


def test_a_cited_span_of_years_gives_no_year() -> None:
    with pytest.raises(lawgov.ParseError, match="year reported on"):
        lawgov.parse("一、主要工作\n落实《法治政府建设实施纲要（2021—2025年）》，推进依法行政。\n")


def test_a_party_committee_in_the_body_is_not_the_issuer() -> None:
    result = lawgov.parse(_UNTITLED)
    assert result.report.issuer.name != "乡党委"
    assert result.provenance["issuer"] == "derived"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://a.gov.cn/x/202301/t20230111_1.html", "2023-01-11"),
        ("http://a.gov.cn/html/2022-09/12/content_1.htm", "2022-09-12"),
        ("http://a.gov.cn/page/2015/0306/1.shtml", "2015-03-06"),
        ("http://a.gov.cn/art/2021/3/5/art_1.html", "2021-03-05"),
        ("http://a.gov.cn/zwgk/202104/abc.shtml", "2021-04-01"),
        ("http://a.gov.cn/x/t20231399_1.html", None),  # no such date
        ("http://a.gov.cn/x/index.html?d=20230111", None),
        (None, None),
    ],
)
def test_dates_in_page_addresses(url: str | None, expected: str | None) -> None:
    found = identity.url_date(url)
    assert (None if found is None else found.isoformat()) == expected


def _header(text: str) -> tuple[lawgov.ParseResult, lawgov.Report]:
    result = lawgov.parse(text)
    return result, result.report


def test_a_date_line_with_the_sites_name_after_it_is_the_pages_date() -> None:
    _, report = _header(
        "青澜省2024年度法治政府建设情况报告\n\n2025-04-27 10:14 青澜省人民政府网\n\n"
        "2024年，青澜省坚持依法行政。\n" + _BODY
    )
    assert report.published is not None
    assert report.published.date().isoformat() == "2025-04-27"
    assert report.preamble == ("2024年，青澜省坚持依法行政。",)


def test_the_reports_own_number_in_brackets_before_the_title_is_metadata() -> None:
    _, report = _header(
        "- 索引号: qlsrmzf/2026-00095\n- 发文机关: 青澜市人民政府办公室\n- 发布时间: 2026-02-24\n"
        "- 标题: [青政发〔2026〕7号]青澜市人民政府关于2025年法治政府建设情况的报告\n"
        "[青政发〔2026〕7号]青澜市人民政府关于2025年法治政府建设情况的报告\n市委：\n"
        "2025年，市政府坚持依法行政。\n" + _BODY
    )
    assert report.title == "青澜市人民政府关于2025年法治政府建设情况的报告"
    assert report.issuer.name == "青澜市人民政府"
    assert report.disclosure is not None
    assert report.disclosure.document_number == lawgov.DocumentNumber.parse("青政发〔2026〕7号")
    assert report.citations == ()  # the own number is no citation


def test_a_disclosure_block_of_bare_values_between_the_title_and_its_repeat() -> None:
    _, report = _header(
        "无障碍阅读 关怀版 返回首页\n政府信息公开\n青澜市柘阳区2023年度法治政府建设情况报告\n"
        "11370112004203454A/2024-6548321\n区司法局\n2024-03-08\n\n"
        "青澜市柘阳区2023年度法治政府建设情况报告\n\n字号:\n\n打印整页 打印内容 分享\n\n"
        "2023年，柘阳区坚持依法行政。现将全年工作情况报告如下。\n" + _BODY
    )
    assert report.issuer.name == "青澜市柘阳区"
    assert report.published is not None
    assert report.published.date().isoformat() == "2024-03-08"
    assert report.disclosure is not None
    assert report.disclosure.index_number == "11370112004203454A/2024-6548321"
    assert report.disclosure.publisher == lawgov.Agency(name="区司法局")
    assert report.preamble == ("2023年，柘阳区坚持依法行政。现将全年工作情况报告如下。",)


def test_a_copy_that_lost_its_line_breaks() -> None:
    _, report = _header(
        "中共苇塘镇委员会苇塘镇人民政府关于报送2024年度法治政府建设的报告 "
        "中共青澜市委、青澜市人民政府: 2024年,在市委市政府的坚强领导下,苇塘镇扎实开展法治政府建设。"
        "现将苇塘镇2024年度法治政府建设工作情况汇报如下: 一、主要措施和成效 "
        "(一)强化组织引领,夯实法治根基。召开专题会议3次。 (二)规范执法。全年办理案件12件。 "
        "二、存在问题 人员不足。\n"
    )
    assert report.title == "中共苇塘镇委员会苇塘镇人民政府关于报送2024年度法治政府建设的报告"
    assert report.year == 2024
    assert [(s.number, s.title) for s in report.sections][:1] == [(1, "主要措施和成效")]
    assert [s.title for s in report.sections[0].subsections] == [
        "强化组织引领，夯实法治根基",
        "规范执法",
    ]
    assert report.preamble[:1] == ("中共青澜市委、青澜市人民政府：",)  # the recipients
    assert report.preamble[1].startswith("2024年，在市委市政府")


def test_a_title_printed_twice_on_one_line_before_a_table_bar() -> None:
    _, report = _header(
        "青澜市柳岸镇2024年法治政府建设年度报告 青澜市柳岸镇2024年法治政府建设年度报告 |\n"
        "中共青澜市委、青澜市人民政府：\n2024年柳岸镇坚持依法行政。\n" + _BODY
    )
    assert report.title == "青澜市柳岸镇2024年法治政府建设年度报告"


def test_a_space_separated_disclosure_table_with_less_common_labels() -> None:
    _, report = _header(
        "信息索引号 001008001003040/2025-20657 文件编号\n责任部门 苇塘镇 公开形式 主动公开\n"
        "责任科室 苇塘镇 公开范围 面向社会\n成文日期 2025-03-21 公开时限 长期公开\n\n"
        "苇塘镇法治政府建设年度报告(2024年度)\n\n"
        "来源:党政   发布时间: 2025-03-21 09:39 浏览次数:\n\n"
        "2024年，苇塘镇在镇委、镇政府的正确领导下坚持依法行政。\n" + _BODY
    )
    assert report.title == "苇塘镇法治政府建设年度报告（2024年度）"
    assert report.disclosure is not None
    assert report.disclosure.index_number == "001008001003040/2025-20657"
    assert report.published is not None
    assert report.published.date().isoformat() == "2025-03-21"


def test_a_slogan_and_a_menu_word_above_a_complete_title_are_chrome() -> None:
    _, report = _header(
        "专注分享国内外新闻资讯\nMenu\n\n2018年青澜市法治政府建设情况的报告\n\n"
        "根据《法治政府建设实施纲要（2015—2020年）》等要求，现将2018年青澜市法治政府建设情况的报告"
        "公开如下：\n" + _BODY
    )
    assert report.title == "2018年青澜市法治政府建设情况的报告"
    assert report.issuer.name == "青澜市"


def test_an_agency_line_above_a_title_that_continues_it_is_still_joined() -> None:
    _, report = _header(
        "柘阳县人民政府\n关于2022年度法治政府建设情况的报告\n2022年，全县坚持依法行政。\n" + _BODY
    )
    assert report.title == "柘阳县人民政府关于2022年度法治政府建设情况的报告"


@pytest.mark.parametrize(
    "first",
    [
        "2023年，青澜省委、省政府坚持以习近平新时代中国特色社会主义思想为指导，推进法治政府建设。",
        "2018年是开局之年。一年来，在党中央坚强领导下，青澜省委、省政府坚持依法行政。",
    ],
)
def test_a_party_committee_and_its_government_opening_the_report(first: str) -> None:
    result, report = _header(f"{first}\n{_BODY}")
    assert report.issuer.name == "青澜省委、省政府"
    assert result.provenance["issuer"] == "opening sentence"


def test_the_pair_in_a_later_paragraph_is_not_the_issuer() -> None:
    _, report = _header(
        "2023年，我局坚持依法行政。\n一、主要工作\n青澜市委、市政府高度重视法治政府建设。\n"
    )
    assert report.issuer.name != "青澜市委、市政府"


def test_a_breadcrumb_in_traditional_script_is_chrome_and_names_no_other_genre() -> None:
    from lawgov._parse import header

    crumb = "您當前的位置：首頁> 政務公開> 政府信息公開目錄> 法治政府建設年度報告 > 2021年度"
    assert header.is_chrome(crumb)
    assert genre.not_a_report(crumb, ["2021年，柘湾街道坚持依法行政。"]) is None


def test_an_agency_under_a_title_that_names_none_is_the_issuer() -> None:
    text = (FIXTURES / "r-byline-department-2023.txt").read_text(encoding="utf-8")
    result = lawgov.parse(text)
    assert result.report.title == "2023年度法治政府建设工作报告"
    assert result.report.issuer.name == "柘阳县民政局"
    assert result.provenance["issuer"] == "page heading"
    assert any("byline" in warning.message for warning in result.warnings)
    # the byline is no paragraph of the preamble
    assert result.report.preamble[0].startswith("2023年，我局")


@pytest.mark.parametrize(
    "text",
    [
        # with its date under it
        f"2023年法治政府建设工作报告\n柘阳县民政局\n2024年1月10日\n2023年，我局坚持依法行政。\n{_BODY}",
        # right under the title
        f"2023年法治政府建设工作报告\n柘阳县民政局\n2023年，我局坚持依法行政。\n{_BODY}",
    ],
)
def test_a_byline_names_the_issuer_with_or_without_its_date(text: str) -> None:
    assert lawgov.parse_text(text).issuer.name == "柘阳县民政局"


def test_a_title_that_names_its_agency_wins_over_the_byline() -> None:
    text = f"柘阳县民政局2023年法治政府建设工作报告\n柘阳县\n2023年，我局坚持依法行政。\n{_BODY}"
    assert lawgov.parse_text(text).issuer.name == "柘阳县民政局"


@pytest.mark.parametrize(
    ("meta", "opening_line", "issuer"),
    [
        # the office that runs the site does not report for a 我局
        ("[ 发布机构 ] 柘阳县人民政府办公室 [ 发布日期 ] 2024-01-10", "我局", "（未署名机关）"),
        ("来源：柘阳县政府办 发布时间：2024-01-10", "我局", "（未署名机关）"),
        # labels that fit the first person name the issuer
        ("[ 发布机构 ] 柘阳县民政局 [ 发布日期 ] 2024-01-10", "我局", "柘阳县民政局"),
        ("[ 发布机构 ] 柘阳县石门镇人民政府", "我镇", "柘阳县石门镇人民政府"),
        ("[ 发布机构 ] 青澜经济开发区管理委员会", "我区", "青澜经济开发区管理委员会"),
    ],
)
def test_a_label_names_the_issuer_only_when_it_fits_the_first_person(
    meta: str, opening_line: str, issuer: str
) -> None:
    text = f"{meta}\n2023年度法治政府建设工作报告\n2023年，{opening_line}坚持依法行政。\n{_BODY}"
    assert lawgov.parse_text(text).issuer.name == issuer


@pytest.mark.parametrize(
    ("first", "issuer"),
    [
        (
            "2021年，在市委的坚强领导下，我局深入学习贯彻法治思想。青澜市交通运输局被评为先进单位。",
            "青澜市交通运输局",
        ),
        ("2022年，柘阳区市场监管局荣获省级法治示范单位称号。", "柘阳区市场监管局"),
        # another kind of body honoured in a 我县 report is not the issuer
        (
            "2021年，在市委的坚强领导下，我县深入学习贯彻法治思想。县司法局被评为先进单位。",
            "（未署名机关）",
        ),
    ],
)
def test_a_first_person_report_names_itself_where_it_is_honoured(first: str, issuer: str) -> None:
    assert lawgov.parse(f"{first}\n{_BODY}").report.issuer.name == issuer


@pytest.mark.parametrize(
    ("first", "issuer"),
    [
        # a year leading the clause without a comma; the 现将 formula late in a long sentence
        (
            "2022年全岭县自然资源局在县委、县政府的正确领导下，按照《全岭县法治政府建设实施方案》"
            "的要求，围绕自然资源管理中心工作，全面推进落实法治政府建设任务，努力提高依法行政水平，"
            "有力维护了自然资源领域社会稳定，现将全岭县自然资源局2022年法治政府建设情况报告如下：",
            "全岭县自然资源局",
        ),
        # 在市委… is a circumstance, not an agency named 在市委
        (
            "2023年，在市委、市政府的正确领导下，在市委全面依法治市委员会办公室具体指导下，"
            "青澜市体育局坚持以习近平法治思想为指导。",
            "青澜市体育局",
        ),
        # a framing clause about the year before the subject
        (
            "2022年是开局之年，也是青澜开启新征程的重要一年，青澜市体育局坚持以习近平法治思想为指导。",
            "青澜市体育局",
        ),
        # a street's party working committee and its office
        (
            "2022年，在区委、区政府的正确领导下，柘石街党工委、办事处高举习近平法治思想旗帜。",
            "柘石街党工委、办事处",
        ),
        # the speaker is the most frequent first person (我局), not the district it mentions once
        (
            "根据江岸市和我区有关工作部署和要求，我局积极开展法治政府建设。现将我局2022年法治建设"
            "情况报告如下：\n一是完善制度。制定《江岸市柘阳区统计局2022年度“双随机”抽查计划》，我局全年检查12次。",
            "江岸市柘阳区统计局",
        ),
    ],
    ids=["year-led-clause", "circumstance-clause", "framing-clause", "street-committee", "speaker"],
)
def test_opening_subjects_of_real_layouts(first: str, issuer: str) -> None:
    assert lawgov.parse(f"{first}\n{_BODY}").report.issuer.name == issuer


def test_an_opening_that_announces_the_report_is_no_salutation() -> None:
    report = lawgov.parse(
        "2021年，青澜市商务局扎实推进法治政府建设各项工作，现将我局法治政府建设情况报告如下：\n"
        + _BODY
    ).report
    assert report.issuer.name == "青澜市商务局"


def test_the_reports_own_number_after_the_title_is_metadata() -> None:
    report = lawgov.parse(
        "青澜县自然资源局2025年度法治政府建设工作报告（青自然资字〔2025〕79号）\n县委、县人民政府：\n"
        "2025年，我局坚持依法行政。\n" + _BODY
    ).report
    assert report.title == "青澜县自然资源局2025年度法治政府建设工作报告"
    assert report.disclosure is not None
    assert str(report.disclosure.document_number) == "青自然资字〔2025〕79号"
    assert report.citations == ()


def test_a_bulleted_block_of_bare_values_above_the_title() -> None:
    report = lawgov.parse(
        "您当前的位置：首页 >法定主动公开内容 >其他法定信息 >法治政府建设年度报告\n\n"
        "  • 11500224009351624E/2020-00573\n  • 法制\n  • 工作报告\n  • 柘阳区石门镇\n"
        "  • 2020-05-07\n  • 2020-05-07\n\n石门镇2019年法治政府建设工作报告\n\n"
        "中共青澜市柘阳区石门镇委员会\n\n2019年法治政府建设工作报告\n\n"
        "根据区委有关文件精神，石门镇积极开展法治政府建设。\n" + _BODY
    ).report
    assert report.title == "石门镇2019年法治政府建设工作报告"
    assert report.disclosure is not None
    assert report.disclosure.index_number == "11500224009351624E/2020-00573"


@pytest.mark.parametrize(
    ("label_line", "published"),
    [
        ("稿件来源:自治区人民政府办公厅 作者: 发布时间: 2023-04-02 | 打印 |", "2023-04-02"),
        ("信息提供日期 : 2022-01-07 22:26来源 : 柘阳区委(区政府)办公室", "2022-01-07"),
    ],
)
def test_less_common_date_and_source_labels(label_line: str, published: str) -> None:
    report = lawgov.parse(
        f"青澜自治区2022年度法治政府建设工作报告\n\n{label_line}\n\n"
        "2022年，青澜自治区坚持依法行政。\n" + _BODY
    ).report
    assert report.published is not None
    assert report.published.date().isoformat() == published


def test_metadata_printed_after_the_title_on_its_line() -> None:
    report = lawgov.parse(
        "柘阳区档案局2023年度法治政府建设情况报告 信息来源: 发布时间:2024-01-02\n\n"
        "2023年，在区委、区政府的正确领导下，柘阳区档案局以习近平法治思想为指导。\n" + _BODY
    ).report
    assert report.title == "柘阳区档案局2023年度法治政府建设情况报告"
    assert report.published is not None
    assert report.published.date().isoformat() == "2024-01-02"


@pytest.mark.parametrize(
    ("first", "issuer"),
    [
        (
            "2024年，在市委、市政府的坚强领导下，青湾新区（以下简称“新区”）始终坚持依法行政。",
            "青湾新区",
        ),
        # the place guessed for 我区 is neither a slogan's words nor cut inside 中共
        (
            "2020年，在区委的正确领导下，我区坚持全面依法治区，推进法治政府建设。"
            "中共青澜市柘阳区委高度重视，柘阳区全年召开常务会议12次。",
            "青澜市柘阳区",
        ),
    ],
    ids=["short-form-in-brackets", "guessed-place"],
)
def test_more_opening_subjects(first: str, issuer: str) -> None:
    assert lawgov.parse(f"{first}\n{_BODY}").report.issuer.name == issuer


def test_a_documents_first_words_are_no_office() -> None:
    report = lawgov.parse(
        "2021年，我局坚持依法行政。印发《关于开展局机关法治培训的通知》，全年培训3次。\n" + _BODY
    ).report
    assert report.issuer.name == "（未署名机关）"


def test_a_title_inside_a_table_row() -> None:
    report = lawgov.parse(
        "| 青澜市柘阳区柘新街道2025年度法治政府建设情况报告 |\n"
        "2025年，在区委、区政府的正确领导下，柘新街道深入贯彻法治思想。\n" + _BODY
    ).report
    assert report.title == "青澜市柘阳区柘新街道2025年度法治政府建设情况报告"
    assert report.issuer.name == "青澜市柘阳区柘新街道"
