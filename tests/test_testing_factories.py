"""The make_* factories: realistic valid defaults, overrides that keep objects valid, conveniences,
and check=False for objects that break rules on purpose; assert_reports_equal's message."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest

import lawgov
from lawgov import testing
from lawgov._model import tree_problems

FACTORIES: list[tuple[Callable[..., Any], type]] = [
    (testing.make_report, lawgov.Report),
    (testing.make_section, lawgov.Section),
    (testing.make_measure, lawgov.Measure),
    (testing.make_metric, lawgov.Metric),
    (testing.make_delegated_power, lawgov.DelegatedPower),
    (testing.make_citation, lawgov.Citation),
    (testing.make_document_number, lawgov.DocumentNumber),
]


@pytest.mark.parametrize(("factory", "cls"), FACTORIES)
def test_defaults_are_valid_objects_of_the_right_class(
    factory: Callable[..., Any], cls: type
) -> None:
    made = factory()
    assert type(made) is cls
    assert tree_problems(made) == []


def test_the_default_report_is_realistic_and_survives_the_formats() -> None:
    report = testing.make_report()
    assert report.title == "江海区科学技术局2020年法治政府建设年度报告"
    assert [s.kind for s in report.sections] == [
        lawgov.SectionKind.MEASURES_AND_RESULTS,
        lawgov.SectionKind.SHORTCOMINGS,
        lawgov.SectionKind.LEADERSHIP_DUTIES,
        lawgov.SectionKind.NEXT_YEAR_PLAN,
    ]
    power = next(report.iter_delegated_powers())
    assert (power.count, power.remaining) == (23, 20)
    # Every default metric is stated in the text that holds it.
    for measure in report.iter_measures():
        for metric in measure.metrics:
            assert metric.text in measure.text
    assert lawgov.from_dict(lawgov.to_dict(report)) == report


@pytest.mark.parametrize("year", [1949, 2016, 2024])
def test_derived_defaults_follow_the_overridden_year(year: int) -> None:
    report = testing.make_report(year=year, issuer="蓬江区司法局")
    assert report.issuer == lawgov.Agency(name="蓬江区司法局")
    assert report.title == f"蓬江区司法局{year}年法治政府建设年度报告"
    assert report.published == pendulum.datetime(year + 1, 2, 26, 16, 14, tz="Asia/Shanghai")


def test_explicit_overrides_win_over_derived_defaults() -> None:
    report = testing.make_report(title="自定标题", published=None, sections=[])
    assert (report.title, report.published, report.sections) == ("自定标题", None, ())


@pytest.mark.parametrize(
    ("overrides", "value", "text"),
    [
        ({"value": "3.6", "unit": "亿元"}, Decimal("3.6"), "3.6亿元"),
        ({"value": 12, "unit": "项"}, Decimal("12"), "12项"),
        ({"value": Decimal("99.50"), "unit": "%"}, Decimal("99.50"), "99.50%"),
        ({"value": "20", "unit": "次", "text": "20余次"}, Decimal("20"), "20余次"),
    ],
)
def test_metric_values_may_be_written_as_strings_and_text_follows(
    overrides: dict[str, Any], value: Decimal, text: str
) -> None:
    metric = testing.make_metric(**overrides)
    assert metric.value == value
    assert str(metric.value) == str(value)
    assert metric.text == text


def test_document_numbers_and_agencies_may_be_given_as_text() -> None:
    citation = testing.make_citation(document_number="国办发〔2019〕28号")
    assert citation.document_number == lawgov.DocumentNumber(
        issuer_code="国办发", year=2019, serial=28
    )
    power = testing.make_delegated_power(grantor="江门市人民政府", changes=[])
    assert power.grantor == lawgov.Agency(name="江门市人民政府")
    assert power.remaining == 23


def test_measure_text_states_overridden_metrics() -> None:
    metric = testing.make_metric(value=450, unit="万元")
    measure = testing.make_measure(title="优化科技服务", metrics=[metric])
    assert measure.text == "优化科技服务，全年召开专题会议450万元。"
    assert testing.make_measure(metrics=()).text == "强化组织领导，压实法治建设责任。"


@pytest.mark.parametrize(
    ("factory", "overrides", "rule"),
    [
        (testing.make_report, {"year": 1800}, "year_range"),
        (testing.make_metric, {"value": -1}, "negative_value"),
        (testing.make_metric, {"value": "150", "unit": "%"}, "percentage_range"),
        (testing.make_delegated_power, {"count": 2}, "changes_exceed_count"),
        (testing.make_citation, {"title": None}, "empty_citation"),
        (testing.make_document_number, {"serial": 0}, "document_number"),
        (testing.make_section, {"title": " "}, "empty_text"),
        (
            testing.make_measure,
            {"number": 1, "submeasures": [testing.make_measure(number=2)]},
            "numbering",
        ),
    ],
)
def test_rule_breaking_overrides_raise_unless_checks_are_off(
    factory: Callable[..., Any], overrides: dict[str, Any], rule: str
) -> None:
    with pytest.raises(lawgov.ValidationError) as caught:
        factory(**overrides)
    assert {p.rule for p in caught.value.problems} == {rule}
    # check=False builds the object anyway, for tests of code that must handle bad reports.
    broken = factory(check=False, **overrides)
    assert {p.rule for p in tree_problems(broken)} == {rule}


def test_invalid_report_built_on_purpose_is_refused_by_the_loader() -> None:
    broken = testing.make_report(year=1948, check=False)
    with pytest.raises(lawgov.ValidationError) as caught:
        lawgov.from_dict(lawgov.to_dict(broken))
    assert [(p.path, p.rule) for p in caught.value.problems] == [("year", "year_range")]


def test_a_malformed_decimal_string_is_a_type_problem() -> None:
    with pytest.raises(lawgov.ValidationError) as caught:
        testing.make_metric(value="三")
    assert [(p.path, p.rule) for p in caught.value.problems] == [("value", "type")]


def test_assert_reports_equal_passes_on_equal_reports() -> None:
    testing.assert_reports_equal(testing.make_report(), testing.make_report())


def test_assert_reports_equal_names_every_differing_path() -> None:
    left = testing.make_report()
    section = left.sections[0]
    metric = section.measures[1].metrics[0]
    right = attrs.evolve(
        left,
        year=2021,
        title=left.title,
        published=left.published,
        sections=(
            attrs.evolve(
                section,
                measures=(
                    section.measures[0],
                    attrs.evolve(section.measures[1], metrics=(attrs.evolve(metric, value=98),)),
                ),
            ),
            *left.sections[1:],
        ),
    )
    with pytest.raises(AssertionError) as caught:
        testing.assert_reports_equal(left, right)
    assert str(caught.value).splitlines() == [
        "Reports differ at 2 paths (left -> right):",
        "  year: 2020 -> 2021",
        "  sections[0].measures[1].metrics[0].value: 100 -> 98",
    ]


def test_assert_reports_equal_limits_long_messages() -> None:
    left = testing.make_report(preamble=[f"第{i}段。" for i in range(1, 80)])
    right = testing.make_report(preamble=[f"第{i}段！" for i in range(1, 80)])
    with pytest.raises(AssertionError) as caught:
        testing.assert_reports_equal(left, right, limit=5)
    lines = str(caught.value).splitlines()
    assert lines[0] == "Reports differ at 79 paths (left -> right):"
    assert lines[1] == "  preamble[0]: '第1段。' -> '第1段！'"
    assert lines[-1] == "  ... and 74 more"
    assert len(lines) == 7
