"""A complete test module for a project that consumes lawgov reports.

Copy it into your own test suite: with ``pip install 'lawgov[testing]'`` the fixtures
(``lawgov_sample_report``, ``lawgov_report_factory``) come from lawgov's pytest plugin, with
nothing to configure. ``total_funding`` and ``load_document`` stand for your own code under test.

Run it with ``pytest examples/test_with_lawgov.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import lawgov
from lawgov.testing import (
    assert_reports_equal,
    invalid_reports,
    make_measure,
    make_metric,
    make_section,
    reports,
)

# --- the code under test: stand-ins for your own functions ------------------------------------


def total_funding(report: lawgov.Report) -> Decimal:
    """All money the report states, in 元 (1500万元 counts as 15000000)."""
    return sum((m.base_value for m in report.iter_metrics() if m.base_unit == "元"), Decimal(0))


def load_document(data: dict[str, Any]) -> lawgov.Report | str:
    """Load a report document, or say in one line why it was refused."""
    try:
        return lawgov.from_dict(data)
    except lawgov.ValidationError as error:
        return f"refused: {', '.join(sorted({p.rule for p in error.problems}))}"


# --- the tests ---------------------------------------------------------------------------------


def test_the_real_sample_states_its_funding(lawgov_sample_report: lawgov.Report) -> None:
    assert total_funding(lawgov_sample_report) == Decimal("15000000")


def test_funding_adds_metrics_from_every_level(
    lawgov_report_factory: Callable[..., lawgov.Report],
) -> None:
    # The factory gives a valid, realistic report; override only what the test is about.
    measure = make_measure(metrics=[make_metric(value="3.6", unit="亿元")])
    report = lawgov_report_factory(
        metrics=[make_metric(value=450, unit="万元")],
        sections=[make_section(measures=[measure])],
    )
    assert total_funding(report) == Decimal("364500000")


@settings(max_examples=50, deadline=None)
@given(reports())
def test_funding_is_never_negative(report: lawgov.Report) -> None:
    assert total_funding(report) >= 0


@settings(max_examples=50, deadline=None)
@given(reports(text="ascii", max_depth=2))
def test_my_storage_keeps_reports_intact(report: lawgov.Report) -> None:
    stored = lawgov.to_json(report)  # stand-in for writing to your database
    assert_reports_equal(lawgov.from_json(stored), report)


@settings(max_examples=50, deadline=None)
@given(invalid_reports())
def test_bad_documents_are_refused_with_their_rule(pair: tuple[dict[str, Any], str]) -> None:
    data, rule = pair
    assert load_document(data) == f"refused: {rule}"


def test_a_failed_comparison_names_the_paths_that_differ() -> None:
    this_year = lawgov.samples.load("jianghai-kjj-2020")
    next_year = attrs.evolve(this_year, year=2021, views=120)
    with pytest.raises(AssertionError) as failure:
        assert_reports_equal(this_year, next_year)
    assert str(failure.value).splitlines() == [
        "Reports differ at 2 paths (left -> right):",
        "  year: 2020 -> 2021",
        "  views: None -> 120",
    ]


def test_two_years_compared_with_diff() -> None:
    this_year = lawgov.samples.load("jianghai-kjj-2020")
    next_year = attrs.evolve(this_year, year=2021)
    assert [(d.path, d.left, d.right) for d in lawgov.diff(this_year, next_year)] == [
        ("year", 2020, 2021)
    ]
