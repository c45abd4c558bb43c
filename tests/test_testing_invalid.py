"""invalid_reports(): each case breaks exactly its one rule, and together they cover every rule."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import Phase, find, given, settings

import lawgov
from lawgov import testing


def _rules_raised(data: dict[str, Any]) -> list[str]:
    with pytest.raises(lawgov.ValidationError) as caught:
        lawgov.from_dict(data)
    return [problem.rule for problem in caught.value.problems]


@pytest.mark.parametrize("rule", testing.INVALID_RULES)
def test_each_case_breaks_its_rule_and_no_other(rule: str) -> None:
    @settings(max_examples=25)
    @given(testing.invalid_reports(rules=[rule]))
    def check(pair: tuple[dict[str, Any], str]) -> None:
        data, named = pair
        assert named == rule
        raised = _rules_raised(data)
        assert raised, "at least one problem"
        assert set(raised) == {rule}

    check()


# A text_size case holds a text of two million characters, which Hypothesis warns it shows.
@pytest.mark.filterwarnings("ignore:Generating overly large repr")
@pytest.mark.parametrize("rule", testing.INVALID_RULES)
def test_the_unrestricted_strategy_generates_every_rule(rule: str) -> None:
    found = find(
        testing.invalid_reports(max_depth=1, max_sections=1, max_measures=1),
        lambda pair: pair[1] == rule,
        settings=settings(max_examples=2000, database=None, phases=[Phase.generate]),
    )
    assert found[1] == rule


def test_the_cases_cover_every_rule() -> None:
    assert set(testing.INVALID_RULES) == set(lawgov.RULES)


def test_non_finite_decimal_strings_break_non_finite_in_documents_and_in_code() -> None:
    for text in ("NaN", "Infinity", "-Infinity"):
        data = lawgov.to_dict(testing.make_report(metrics=[testing.make_metric()]))
        data["metrics"][0]["value"] = text
        assert _rules_raised(data) == ["non_finite"]
    with pytest.raises(lawgov.ValidationError) as caught:
        testing.make_metric(value=Decimal("NaN"))
    assert [p.rule for p in caught.value.problems] == ["non_finite"]


@given(testing.invalid_reports(text="ascii"))
def test_the_data_is_a_report_document_apart_from_its_one_fault(
    pair: tuple[dict[str, Any], str],
) -> None:
    data, rule = pair
    # Still a lawgov document: the loader reaches the rules instead of refusing the format.
    assert data["format"] == "lawgov-report"
    assert rule in lawgov.RULES
    with pytest.raises(lawgov.ValidationError):
        lawgov.from_dict(data)


def test_problems_point_at_the_broken_spot() -> None:
    @settings(max_examples=20)
    @given(testing.invalid_reports(rules=["numbering"]))
    def check(pair: tuple[dict[str, Any], str]) -> None:
        data, _ = pair
        with pytest.raises(lawgov.ValidationError) as caught:
            lawgov.from_dict(data)
        for problem in caught.value.problems:
            assert problem.path.endswith(".number") or problem.path.endswith("].number")
            node: Any = data
            for part in problem.path.replace("[", ".").replace("]", "").split("."):
                node = node[int(part)] if part.isdigit() else node[part]
            assert type(node) is int

    check()


@pytest.mark.parametrize("rules", [[], ["no_such_rule"], ["numbering", "colour"]])
def test_unknown_or_empty_rule_selections_are_refused(rules: list[str]) -> None:
    with pytest.raises(ValueError, match="rules must be"):
        testing.invalid_reports(rules=rules)
