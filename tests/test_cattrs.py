"""lawgov objects inside an application's own attrs classes, moved with cattrs."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given

import lawgov
import lawgov.samples
from lawgov import testing


@attrs.frozen
class Finding:
    """An application's record that holds lawgov objects."""

    note: str
    metric: lawgov.Metric
    report: lawgov.Report
    citations: tuple[lawgov.Citation, ...] = ()


def _finding() -> Finding:
    report = lawgov.samples.load("jianghai-kjj-2020")
    return Finding(
        note="贷款风险准备金",
        metric=lawgov.Metric(value=Decimal("1500"), unit="万元", text="1500万元"),
        report=report,
        citations=tuple(report.iter_citations())[:2],
    )


def test_a_record_round_trips_in_lawgovs_json_shape() -> None:
    converter = lawgov.cattrs_converter()
    finding = _finding()
    data = converter.unstructure(finding)
    assert data["report"] == lawgov.to_dict(finding.report)
    assert data["metric"] == {
        "value": "1500",
        "unit": "万元",
        "text": "1500万元",
        "name": None,
        "qualifier": "exact",
    }
    assert converter.structure(data, Finding) == finding


def test_register_on_an_existing_converter_returns_it() -> None:
    converter = cattrs.Converter()
    assert lawgov.register_cattrs_hooks(converter) is converter
    metric = lawgov.Metric(value=Decimal("3.6"), unit="亿元", text="3.6亿元")
    assert converter.structure(converter.unstructure(metric), lawgov.Metric) == metric


@pytest.mark.parametrize(
    ("field", "value", "path", "rule"),
    [
        ("value", 3.7, "value", "type"),  # stock cattrs would take a float
        ("value", "-3", "value", "negative_value"),
        ("unit", None, "unit", "type"),  # stock cattrs would make it 'None'
        ("unit", " ", "unit", "empty_text"),
        ("qualifier", "EXACT", "qualifier", "type"),
        ("extra", 1, "extra", "unknown_field"),
    ],
)
def test_bad_parts_are_refused_with_lawgovs_rules(
    field: str, value: object, path: str, rule: str
) -> None:
    converter = lawgov.cattrs_converter()
    data: dict[str, Any] = converter.unstructure(
        lawgov.Metric(value=Decimal("1"), unit="次", text="1次")
    )
    data[field] = value
    with pytest.raises(lawgov.ValidationError) as caught:
        converter.structure(data, lawgov.Metric)
    assert [(p.path, p.rule) for p in caught.value.problems] == [(path, rule)]


def test_a_bad_report_inside_a_record_lists_every_problem() -> None:
    converter = lawgov.cattrs_converter()
    data = converter.unstructure(_finding())
    data["report"]["year"] = 1800
    data["report"]["sections"][1]["measures"][0]["metrics"][0]["value"] = "-1"
    with pytest.raises(cattrs.ClassValidationError) as caught:
        converter.structure(data, Finding)
    (error,) = caught.value.exceptions
    assert isinstance(error, lawgov.ValidationError)
    assert [p.path for p in error.problems] == [
        "year",
        "sections[1].measures[0].metrics[0].value",
    ]


@given(testing.sections(max_depth=2))
def test_any_valid_section_round_trips(section: lawgov.Section) -> None:
    converter = lawgov.cattrs_converter()
    assert converter.structure(converter.unstructure(section), lawgov.Section) == section


@given(testing.reports(max_depth=2, max_sections=3))
def test_any_valid_report_round_trips_like_to_dict(report: lawgov.Report) -> None:
    converter = lawgov.cattrs_converter()
    data = converter.unstructure(report)
    assert data == lawgov.to_dict(report)
    assert converter.structure(data, lawgov.Report) == report
