"""lawgov.assess: article 24 of 厅字〔2019〕28号 checked on reports, the corpus summary and chart.

The rules are table-driven below; the bundled sample and the fixtures are assessed as a whole.
"""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal
from pathlib import Path

import attrs
import pendulum
import pytest
from click.testing import CliRunner
from lxml import etree

import lawgov
import lawgov.samples
from lawgov import Agency, CheckStatus, Report, Section, SectionKind
from lawgov.cli import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PASSED, FAILED, UNKNOWN = CheckStatus.PASSED, CheckStatus.FAILED, CheckStatus.UNKNOWN
UTC = pendulum.UTC
CHINA = pendulum.FixedTimezone(8 * 3600)

_FIVE_PARTS = (
    Section(number=1, title="主要举措和成效", kind=SectionKind.MEASURES_AND_RESULTS),
    Section(number=2, title="存在的不足和原因", kind=SectionKind.SHORTCOMINGS),
    Section(number=3, title="主要负责人履行第一责任人职责情况", kind=SectionKind.LEADERSHIP_DUTIES),
    Section(number=4, title="2024年工作计划", kind=SectionKind.NEXT_YEAR_PLAN),
    Section(number=5, title="其他需要报告的情况", kind=SectionKind.OTHER),
)


def _report(
    *,
    published: pendulum.DateTime | None = None,
    sections: tuple[Section, ...] = _FIVE_PARTS,
    issuer: str = "某县司法局",
) -> Report:
    return Report(
        title=f"{issuer}2023年法治政府建设年度报告",
        issuer=Agency(name=issuer),
        year=2023,
        published=published,
        sections=sections,
    )


def _statuses(report: Report) -> dict[str, CheckStatus]:
    return {check.rule: check.status for check in lawgov.assess(report).checks}


def test_every_rule_is_checked_once_in_order_and_documented() -> None:
    assessment = lawgov.assess(_report())
    assert [check.rule for check in assessment.checks] == list(lawgov.ASSESSMENT_RULES)
    assert all(lawgov.ASSESSMENT_RULES[rule] for rule in lawgov.ASSESSMENT_RULES)
    docs = (Path(__file__).resolve().parent.parent / "docs" / "assess.md").read_text("utf-8")
    for rule in lawgov.ASSESSMENT_RULES:
        assert f"`{rule}`" in docs, f"docs/assess.md does not document {rule}"


def test_a_complete_report_passes_with_evidence() -> None:
    assessment = lawgov.assess(_report(published=pendulum.datetime(2024, 3, 1, tz=CHINA)))
    assert assessment.passed
    assert assessment.check("part_shortcomings").evidence == ("sections[1]: 存在的不足和原因",)
    assert assessment.check("part_other_matters").evidence == ("sections[4]: 其他需要报告的情况",)
    assert assessment.check("published_by_april_1").evidence == (
        "published 2024-03-01",
        "deadline 2024-04-01",
    )
    with pytest.raises(KeyError):
        assessment.check("no_such_rule")


@pytest.mark.parametrize(
    ("published", "status"),
    [
        (pendulum.datetime(2024, 4, 1, 23, 59, tz=CHINA), PASSED),  # 1 April itself is on time
        (pendulum.datetime(2024, 4, 2, 0, 0, tz=CHINA), FAILED),
        (pendulum.datetime(2024, 3, 31, 16, 30, tz=UTC), PASSED),  # 1 April 00:30 in China
        (pendulum.datetime(2024, 4, 1, 16, 30, tz=UTC), FAILED),  # 2 April 00:30 in China
        (pendulum.datetime(2023, 12, 28, tz=CHINA), PASSED),  # early is not late
        (None, UNKNOWN),
    ],
)
def test_published_by_1_april_of_the_next_year(
    published: pendulum.DateTime | None, status: CheckStatus
) -> None:
    check = lawgov.assess(_report(published=published)).check("published_by_april_1")
    assert check.status is status
    if status is FAILED:
        assert check.reason == "1 days late"
    if status is UNKNOWN:
        assert check.evidence == ()


def test_a_missing_part_fails_only_when_every_section_is_classified() -> None:
    def numbered(sections: tuple[Section, ...]) -> tuple[Section, ...]:
        return tuple(attrs.evolve(s, number=n) for n, s in enumerate(sections, start=1))

    four = numbered(_FIVE_PARTS[:2] + _FIVE_PARTS[3:])
    assert _statuses(_report(sections=four))["part_leadership_duties"] is FAILED
    unclassified = Section(number=3, title="深化改革创新", kind=SectionKind.OTHER)
    with_unknown = numbered((*four[:2], unclassified, *four[2:]))
    check = lawgov.assess(_report(sections=with_unknown)).check("part_leadership_duties")
    assert check.status is UNKNOWN
    assert check.evidence == ("sections[2]",)


def test_no_sections_decides_no_part() -> None:
    statuses = _statuses(_report(sections=()))
    assert {rule: s for rule, s in statuses.items() if rule.startswith("part_")} == {
        rule: UNKNOWN for rule in lawgov.ASSESSMENT_RULES if rule.startswith("part_")
    }


def test_merged_parts_pass_on_the_title() -> None:
    merged = (
        Section(number=1, title="主要举措和成效", kind=SectionKind.MEASURES_AND_RESULTS),
        Section(number=2, title="存在的问题及下一步工作计划", kind=SectionKind.SHORTCOMINGS),
    )
    check = lawgov.assess(_report(sections=merged)).check("part_next_year_plan")
    assert check.status is PASSED
    assert check.evidence == ("sections[1]: 存在的问题及下一步工作计划 (title)",)


def test_subsections_are_evidence_once_through_their_parent() -> None:
    parent = Section(
        number=1,
        title="主要举措和成效",
        kind=SectionKind.MEASURES_AND_RESULTS,
        subsections=(Section(number=1, title="加强领导", kind=SectionKind.MEASURES_AND_RESULTS),),
    )
    check = lawgov.assess(_report(sections=(parent,))).check("part_measures_and_results")
    assert check.evidence == ("sections[0]: 主要举措和成效",)


@pytest.mark.parametrize(
    ("issuer", "level"),
    [
        ("司法部", "部"),
        ("国家税务总局", "部"),
        ("湖泽省自然资源厅", "省"),
        ("某某自治区司法厅", "省"),
        ("江门市科技局", "市"),
        ("松浦市住房和城乡建设局", "市"),  # 城乡 is no township
        ("青禾县生态环境分局", "县"),
        ("区科技局", "区"),
        ("区市场监管局", "区"),  # 市场 is no city
        ("石湾镇人民政府", "镇"),
        ("梧岭区南屏街道办事处", "街道"),
        ("市场监管局", None),
        ("某开发区管委会", None),
    ],
)
def test_issuer_levels(issuer: str, level: str | None) -> None:
    assert lawgov.issuer_level(issuer) == level


def test_the_sample() -> None:
    assessment = lawgov.assess(lawgov.samples.load("jianghai-kjj-2020"))
    assert assessment.level == "区"
    statuses = {check.rule: check.status for check in assessment.checks}
    assert statuses == {
        "published_by_april_1": PASSED,  # 2021-02-26
        "part_measures_and_results": PASSED,
        "part_shortcomings": FAILED,  # the sample has none: 一, 二, 三 are work, 四 the plan
        "part_leadership_duties": FAILED,
        "part_next_year_plan": PASSED,
        "part_other_matters": FAILED,
    }
    assert assessment.check("part_next_year_plan").evidence == ("sections[3]: 下一步计划",)


def _fixture_assessments() -> list[lawgov.Assessment]:
    return [
        lawgov.assess(lawgov.parse_text(path.read_text(encoding="utf-8")))
        for path in sorted(FIXTURES.glob("*.txt"))
    ]


def test_the_fixtures() -> None:
    assessments = _fixture_assessments()
    assert len(assessments) >= 39
    by_issuer = {a.issuer: a for a in assessments}
    ecology = by_issuer["青禾县生态环境分局"]
    assert [c.status for c in ecology.checks] == [PASSED] * 5 + [FAILED]
    # The unnumbered town report has no sections: nothing about its parts can be decided.
    town = by_issuer["石门镇人民政府"]
    assert [c.status for c in town.checks][1:] == [UNKNOWN] * 5
    # Every fixture that prints a date was published in time; one that prints none is unknown.
    for a in assessments:
        expected = UNKNOWN if a.published is None else PASSED
        assert a.check("published_by_april_1").status is expected, a.issuer
    assert sum(a.published is not None for a in assessments) >= 39


def test_summary_counts_shares_and_lower_medians() -> None:
    on_time = _report(published=pendulum.datetime(2024, 2, 1, tz=CHINA), issuer="甲县司法局")
    late = _report(published=pendulum.datetime(2024, 5, 1, tz=CHINA), issuer="乙县司法局")
    undated = _report(sections=(), issuer="丙市司法局")
    rows = lawgov.summarize_assessments(lawgov.assess(r) for r in (on_time, late, undated))
    assert [row["group"] for row in rows] == ["all", "市", "县"]
    everything, city, county = rows
    assert everything["reports"] == 3
    assert everything["published_by_april_1_share"] == Decimal("0.5000")
    assert everything["published_by_april_1_unknown"] == 1
    assert everything["part_shortcomings_share"] == Decimal("1.0000")
    assert everything["part_shortcomings_unknown"] == 1
    assert everything["median_published"] == datetime.date(2024, 2, 1)  # lower of two
    assert everything["median_days"] == 31
    assert city["published_by_april_1_share"] is None
    assert county["reports"] == 2


def test_the_chart_is_a_self_contained_svg() -> None:
    assessments = _fixture_assessments()
    svg = lawgov.assessment_chart_svg(assessments)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(svg.encode("utf-8"), parser)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    rects = root.findall(".//{http://www.w3.org/2000/svg}rect")
    assert len(rects) > 20
    assert "script" not in svg
    assert "href" not in svg
    assert f"{len(assessments)} reports" in svg
    duties = sum(a.check("part_leadership_duties").status is PASSED for a in assessments)
    assert f"(3) leaders' duties: {duties} passed" in "".join(root.itertext())


def test_the_chart_of_nothing() -> None:
    svg = lawgov.assessment_chart_svg([])
    assert "no publication dates" in svg
    etree.fromstring(svg.encode("utf-8"))


# --- the command line -------------------------------------------------------------------------


def _run(*args: str | Path) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_cli_assess_writes_rows_summary_and_chart(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    out, summary, chart = tmp_path / "a.csv", tmp_path / "s.parquet", tmp_path / "c.svg"
    inputs = [*sorted(FIXTURES.glob("*.txt")), lawgov.samples.path("jianghai-kjj-2020")]
    result = _run("assess", *inputs, "-o", out, "--summary", summary, "--chart", chart)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == len(inputs)
    assert rows[-1]["part_shortcomings"] == "failed"
    assert rows[-1]["part_next_year_plan_evidence"] == "sections[3]: 下一步计划"
    frame = pd.read_parquet(summary)
    assert frame["group"][0] == "all"
    assert frame["reports"][0] == len(inputs)
    assert isinstance(frame["part_leadership_duties_share"][0], Decimal)
    assert isinstance(frame["median_published"][0], datetime.date)
    assert chart.read_text(encoding="utf-8").startswith("<svg")


def test_cli_assess_summary_on_stderr() -> None:
    result = _run("assess", lawgov.samples.path("jianghai-kjj-2020"), "--summary", "-")
    assert result.exit_code == 0  # type: ignore[attr-defined]
    assert result.stdout.startswith("report,title,")  # type: ignore[attr-defined]
    assert "all    1        100%" in result.stderr  # type: ignore[attr-defined]
    assert "区     1" in result.stderr  # type: ignore[attr-defined]


def test_cli_assess_chart_as_a_page(tmp_path: Path) -> None:
    chart = tmp_path / "chart.html"
    result = _run("assess", lawgov.samples.path("jianghai-kjj-2020"), "--chart", chart)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    page = chart.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page
    assert "<script" not in page
    assert "http" not in page.replace("http://www.w3.org/2000/svg", "")


@pytest.mark.parametrize(
    "args",
    [["-o", "a.xlsx"], ["--chart", "chart.png"], ["--summary", "summary.txt"]],
)
def test_cli_assess_usage_errors(args: list[str], tmp_path: Path) -> None:
    result = _run("assess", lawgov.samples.path("jianghai-kjj-2020"), *args)
    assert result.exit_code == 2  # type: ignore[attr-defined]
