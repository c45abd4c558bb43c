"""Validation: one row per rule in ``lawgov.RULES``, every problem listed with its full path.

Objects built in code are checked at construction, each against its own fields, so a problem's
path is relative to the object that refused it. A whole tree checked at once (what the loaders
do) lists every problem with its path from the report root.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import pickle
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import lawgov
from lawgov import (
    Agency,
    ChangeKind,
    Citation,
    DelegatedPower,
    Disclosure,
    DocumentNumber,
    LawgovError,
    Measure,
    Metric,
    PowerChange,
    Problem,
    Qualifier,
    Report,
    Section,
    ValidationError,
)
from lawgov._model import tree_problems
from lawgov._model.rules import unchecked

SHANGHAI = "Asia/Shanghai"
NEXT_YEAR = pendulum.now(SHANGHAI).year + 1


def report(**kw: Any) -> Report:
    fields: dict[str, Any] = {"title": "报告", "issuer": Agency(name="区科技局"), "year": 2020}
    fields.update(kw)
    return Report(**fields)


def measure(number: int = 1, **kw: Any) -> Measure:
    fields: dict[str, Any] = {"number": number, "title": "标题", "text": "标题，正文。"}
    fields.update(kw)
    return Measure(**fields)


def section(number: int = 1, **kw: Any) -> Section:
    return Section(number=number, title="主要举措和成效", **kw)


def metric(value: Any = Decimal(1), unit: str = "项", **kw: Any) -> Metric:
    fields: dict[str, Any] = {"value": value, "unit": unit, "text": f"{value}{unit}"}
    fields.update(kw)
    return Metric(**fields)


def change(count: Any = 1) -> PowerChange:
    return PowerChange(kind=ChangeKind.CANCELLED, count=count)


def _nested_sections(depth: int) -> Section:
    """``depth`` sections, each the only subsection of the one above."""
    built = section()
    for _ in range(depth - 1):
        built = section(subsections=[built])
    return built


def _nested_section_data(depth: int) -> list[dict[str, Any]]:
    built: dict[str, Any] = {"number": 1, "title": "深"}
    for _ in range(depth - 1):
        built = {"number": 1, "title": "深", "subsections": [built]}
    return [built]


# One row per rule: (rule, a builder that breaks only it, the path of the problem).
# The loader-only rules (missing_field, unknown_field) are checked through lawgov.from_dict.
CONSTRUCTION_CASES: list[tuple[str, Callable[[], object], str]] = [
    ("type", lambda: metric(value=1.5), "value"),
    ("empty_text", lambda: Agency(name="  "), "name"),
    ("unwritable_character", lambda: Agency(name="区科技局\x01"), "name"),
    ("numbering", lambda: section(measures=[measure(1), measure(3)]), "measures[1].number"),
    ("year_range", lambda: report(year=1948), "year"),
    (
        "naive_datetime",
        lambda: report(published=pendulum.naive(2021, 2, 26, 16, 14)),
        "published",
    ),
    (
        "published_before_year",
        lambda: report(published=pendulum.datetime(2019, 12, 31, 23, 59, tz=SHANGHAI)),
        "published",
    ),
    ("non_finite", lambda: metric(value=Decimal("NaN")), "value"),
    ("negative_value", lambda: metric(value=Decimal(-3)), "value"),
    ("percentage_range", lambda: metric(value=Decimal("100.5"), unit="%"), "value"),
    ("count_range", lambda: DelegatedPower(count=0), "count"),
    (
        "changes_exceed_count",
        lambda: DelegatedPower(count=2, changes=[change(2), change(1)]),
        "changes",
    ),
    (
        "document_number",
        lambda: DocumentNumber(issuer_code="JFB", year=2017, serial=16),
        "issuer_code",
    ),
    ("empty_citation", Citation, ""),
    ("nesting_depth", lambda: _nested_sections(33), ""),
    ("decimal_range", lambda: metric(value=Decimal("1E+1000")), "value"),
    ("integer_range", lambda: change(count=2**53), "count"),
    ("text_size", lambda: report(preamble=["法" * 2_000_001]), "preamble[0]"),
]
LOADING_RULES = {"missing_field", "unknown_field"}


def test_every_rule_has_a_case_and_a_description() -> None:
    covered = {rule for rule, _, _ in CONSTRUCTION_CASES} | LOADING_RULES
    assert covered == set(lawgov.RULES)
    assert all(text.strip() for text in lawgov.RULES.values())


@pytest.mark.parametrize(
    ("rule", "build", "path"), CONSTRUCTION_CASES, ids=[c[0] for c in CONSTRUCTION_CASES]
)
def test_each_rule_is_enforced_at_construction(
    rule: str, build: Callable[[], object], path: str
) -> None:
    with pytest.raises(ValidationError) as info:
        build()
    error = info.value
    assert [(p.rule, p.path) for p in error.problems] == [(rule, path)]
    assert error.path == path
    assert error.message
    assert error.message in str(error)


def _report_dict(**kw: Any) -> dict[str, Any]:
    return lawgov.to_dict(report(**kw))


def test_missing_field_when_loading() -> None:
    data = _report_dict()
    del data["issuer"]
    with pytest.raises(ValidationError) as info:
        lawgov.from_dict(data)
    assert ("missing_field", "issuer") in {(p.rule, p.path) for p in info.value.problems}


def test_unknown_field_when_loading() -> None:
    data = _report_dict(sections=[section(measures=[measure()])])
    data["sections"][0]["measures"][0]["colour"] = "red"
    with pytest.raises(ValidationError) as info:
        lawgov.from_dict(data)
    problems = [(p.rule, p.path) for p in info.value.problems]
    assert problems == [("unknown_field", "sections[0].measures[0].colour")]


# --- what each rule accepts (the edges of the table) ------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        lambda: report(year=1949),
        lambda: report(year=NEXT_YEAR),
        lambda: report(published=pendulum.datetime(2020, 1, 1, 0, 0, tz=SHANGHAI)),
        # The same instant written in UTC is the same valid publication time.
        lambda: report(published=pendulum.datetime(2019, 12, 31, 16, 0, tz="UTC")),
        lambda: report(views=0),
        lambda: metric(value=Decimal(0)),
        lambda: metric(value=Decimal(100), unit="%"),
        lambda: metric(value=Decimal(250), unit="%", qualifier=Qualifier.INCREASE),
        lambda: metric(value=Decimal(120), unit="%", qualifier=Qualifier.DECREASE),
        lambda: metric(value=Decimal("1E+3")),
        lambda: DelegatedPower(count=3, changes=[change(1), change(2)]),
        lambda: DocumentNumber(issuer_code="津政办发", year=None, serial=1),
        lambda: Disclosure(written=pendulum.date(2021, 2, 26)),
        lambda: Citation(title="行政许可法"),
        lambda: Citation(document_number=DocumentNumber.parse("江府〔2017〕16号")),
        lambda: section(measures=[measure(1, submeasures=[measure(1), measure(2)]), measure(2)]),
    ],
)
def test_boundary_values_are_accepted(build: Callable[[], object]) -> None:
    assert build() is not None


@pytest.mark.parametrize(
    ("build", "rule", "path"),
    [
        (lambda: report(year=NEXT_YEAR + 1), "year_range", "year"),
        (lambda: report(year="2020"), "type", "year"),
        (lambda: report(year=True), "type", "year"),
        (lambda: report(title=None), "type", "title"),
        (lambda: report(issuer="区科技局"), "type", "issuer"),
        (lambda: report(published="2021-02-26"), "type", "published"),
        # A naive standard-library datetime names no instant (an aware one is converted).
        (lambda: report(published=dt.datetime(2021, 2, 26)), "naive_datetime", "published"),
        (lambda: report(views=-1), "negative_value", "views"),
        (lambda: report(views=1.0), "type", "views"),
        (lambda: report(preamble="一段话"), "type", "preamble"),
        (lambda: report(preamble=None), "type", "preamble"),
        (lambda: report(preamble=["正文", ""]), "empty_text", "preamble[1]"),
        (lambda: report(sections=[{"number": 1}]), "type", "sections[0]"),
        (lambda: report(sections=[section(2)]), "numbering", "sections[0].number"),
        (lambda: metric(value="1.5"), "type", "value"),
        (lambda: metric(value=True), "type", "value"),
        (lambda: metric(value=Decimal("Infinity")), "non_finite", "value"),
        (lambda: metric(value=Decimal("-Infinity")), "non_finite", "value"),
        (lambda: metric(value=Decimal("sNaN")), "non_finite", "value"),
        (
            lambda: metric(value=Decimal(-5), unit="%", qualifier=Qualifier.DECREASE),
            "negative_value",
            "value",
        ),
        (
            lambda: metric(value=Decimal(101), unit="%", qualifier=Qualifier.AT_LEAST),
            "percentage_range",
            "value",
        ),
        (lambda: metric(qualifier="exact"), "type", "qualifier"),
        (lambda: metric(unit=""), "empty_text", "unit"),
        (lambda: metric(text=" "), "empty_text", "text"),
        (lambda: metric(name=""), "empty_text", "name"),
        (lambda: section(kind="other"), "type", "kind"),
        (lambda: section(number=1.0), "type", "number"),
        (
            lambda: section(subsections=[section(1), section(1)]),
            "numbering",
            "subsections[1].number",
        ),
        (
            lambda: measure(submeasures=[measure(2)]),
            "numbering",
            "submeasures[0].number",
        ),
        (lambda: measure(title=""), "empty_text", "title"),
        (lambda: PowerChange(kind=ChangeKind.TRANSFERRED, count=0), "count_range", "count"),
        (lambda: PowerChange(kind="transferred", count=1), "type", "kind"),
        (lambda: DelegatedPower(count=2.0), "type", "count"),
        (lambda: DelegatedPower(changes=[1]), "type", "changes[0]"),
        (lambda: DelegatedPower(basis="江府〔2017〕16号"), "type", "basis"),
        (
            lambda: DocumentNumber(issuer_code="江府", year=2017, serial=0),
            "document_number",
            "serial",
        ),
        (lambda: DocumentNumber(issuer_code="江府", year=1900, serial=1), "year_range", "year"),
        (
            lambda: DocumentNumber(issuer_code="", year=2017, serial=1),
            "document_number",
            "issuer_code",
        ),
        (
            lambda: DocumentNumber(issuer_code="江门市人民政府办公室", year=2017, serial=1),
            "document_number",
            "issuer_code",
        ),
        (lambda: DocumentNumber(issuer_code="江府", year=2017, serial="16"), "type", "serial"),
        (lambda: Citation(title=""), "empty_text", "title"),
        (lambda: Disclosure(written=pendulum.datetime(2021, 1, 1)), "type", "written"),
        (lambda: Disclosure(written="2021-01-01"), "type", "written"),
        (lambda: Disclosure(written=pendulum.date(1900, 1, 1)), "year_range", "written"),
    ],
)
def test_more_ways_to_break_a_rule(build: Callable[[], object], rule: str, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        build()
    assert [(p.rule, p.path) for p in info.value.problems] == [(rule, path)]


# --- every problem, with full paths -----------------------------------------------------------


def test_construction_lists_every_problem_of_one_object() -> None:
    with pytest.raises(ValidationError) as info:
        Report(
            title="",
            issuer=Agency(name="区科技局"),
            year=1900,
            published=pendulum.naive(2021, 2, 26),
            views=-1,
            sections=[section(2)],
        )
    assert [(p.rule, p.path) for p in info.value.problems] == [
        ("empty_text", "title"),
        ("year_range", "year"),
        ("naive_datetime", "published"),
        ("negative_value", "views"),
        ("numbering", "sections[0].number"),
    ]
    assert str(info.value).startswith("5 validation problems:\n")


def _broken_tree() -> Report:
    """A report with problems at several depths, built without checks as a loader does."""
    with unchecked():
        good = section(1)
        return report(
            year=1900,
            published=pendulum.naive(2021, 2, 26, 16, 14),
            sections=[
                good,
                section(3),  # numbering: the second section is numbered 3 (the third is right)
                section(
                    3,
                    measures=[
                        measure(
                            1,
                            metrics=[metric(), metric(value=Decimal(-1))],
                            submeasures=[measure(1, title=" ")],
                        )
                    ],
                    delegated_powers=[DelegatedPower(count=23, changes=[change(20), change(4)])],
                    citations=[Citation(), Citation(title="行政许可法")],
                ),
            ],
        )


def test_a_tree_reports_every_problem_with_its_full_path() -> None:
    problems = tree_problems(_broken_tree())
    # Each object's own problems first, then its children's in field order.
    assert [(p.path, p.rule) for p in problems] == [
        ("year", "year_range"),
        ("published", "naive_datetime"),
        ("sections[1].number", "numbering"),
        ("sections[2].measures[0].submeasures[0].title", "empty_text"),
        ("sections[2].measures[0].metrics[1].value", "negative_value"),
        ("sections[2].delegated_powers[0].changes", "changes_exceed_count"),
        ("sections[2].citations[0]", "empty_citation"),
    ]


def test_the_broken_golden_problems_come_out_of_one_load() -> None:
    """The issue's 'done when': every deliberate break is listed in one ValidationError."""
    good = report(
        published=pendulum.datetime(2021, 2, 26, 16, 14, tz=SHANGHAI),
        sections=[
            section(1, measures=[measure(1, metrics=[metric(), metric(Decimal(5))])]),
            section(2, delegated_powers=[DelegatedPower(count=23, changes=[change(3)])]),
        ],
    )
    data = lawgov.to_dict(good)
    data["year"] = 1900
    data["published"] = "2021-02-26T16:14:00"
    data["sections"][0]["measures"][0]["metrics"][1]["value"] = "-5"
    data["sections"][1]["number"] = 3
    data["sections"][1]["delegated_powers"][0]["changes"][0]["count"] = 24
    with pytest.raises(ValidationError) as info:
        lawgov.from_dict(data)
    found = {(p.path, p.rule) for p in info.value.problems}
    assert found == {
        ("year", "year_range"),
        ("published", "naive_datetime"),
        ("sections[0].measures[0].metrics[1].value", "negative_value"),
        ("sections[1].number", "numbering"),
        ("sections[1].delegated_powers[0].changes", "changes_exceed_count"),
    }


def test_a_valid_tree_has_no_problems() -> None:
    with unchecked():
        tree = report(sections=[section(1, measures=[measure(1)]), section(2)])
    assert tree_problems(tree) == []


def test_construction_paths_rebase_to_full_paths() -> None:
    with pytest.raises(ValidationError) as info:
        metric(value=Decimal(-1))
    rebased = info.value.under("sections[2].measures[0].metrics[1]")
    assert rebased.path == "sections[2].measures[0].metrics[1].value"
    assert rebased.problems[0].rule == "negative_value"


@pytest.mark.parametrize(
    ("prefix", "path", "expected"),
    [
        ("sections[0]", "title", "sections[0].title"),
        ("sections[0]", "", "sections[0]"),
        ("sections[0].measures", "[2].number", "sections[0].measures[2].number"),
        ("", "year", "year"),
        ("", "", ""),
    ],
)
def test_problem_under(prefix: str, path: str, expected: str) -> None:
    problem = Problem(path=path, message="m", rule="type")
    moved = problem.under(prefix)
    assert moved.path == expected
    assert (moved.message, moved.rule) == ("m", "type")
    assert problem.path == path


def test_problem_str_shows_path_and_message() -> None:
    assert str(Problem(path="year", message="year 1900 is outside", rule="year_range")) == (
        "year: year 1900 is outside"
    )
    assert str(Problem(path="", message="whole report", rule="type")) == "whole report"


# --- the error itself -------------------------------------------------------------------------


def test_validation_error_is_a_lawgov_error_and_a_value_error() -> None:
    assert issubclass(ValidationError, LawgovError)
    assert issubclass(ValidationError, ValueError)
    with pytest.raises(ValueError, match="year 1900 is outside 1949"):
        report(year=1900)


def test_validation_error_carries_its_source() -> None:
    error = ValidationError(
        [Problem(path="year", message="bad", rule="year_range")], source="a.json"
    )
    assert str(error) == "a.json: 1 validation problem:\n  year: bad"
    assert error.source == "a.json"
    assert error.under("x").source == "a.json"
    empty = ValidationError([])
    assert (str(empty), empty.path, empty.message) == ("0 validation problems", "", "")


def test_messages_say_what_was_expected_and_what_came() -> None:
    with pytest.raises(ValidationError) as info:
        report(year="2020")
    assert info.value.message == "expected an integer, got str"
    with pytest.raises(ValidationError) as info:
        metric(value=1.5)
    assert info.value.message == "expected an exact Decimal, got float"


def test_no_half_built_object_survives_a_failed_construction() -> None:
    marker = "半成品标记"
    with pytest.raises(ValidationError):
        Metric(value=Decimal(-1), unit="项", text=marker)
    gc.collect()
    survivors = [o for o in gc.get_objects() if type(o) is Metric and o.text == marker]
    assert survivors == []


# --- never anything but a ValidationError -----------------------------------------------------

_JUNK = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats()
    | st.decimals()
    | st.text(max_size=5)
    | st.binary(max_size=3)
    | st.lists(st.integers(), max_size=2)
    | st.dictionaries(st.text(max_size=2), st.integers(), max_size=2)
    | st.datetimes(timezones=st.none() | st.just(dt.timezone.utc))
    | st.sampled_from(
        [
            pendulum.datetime(9999, 12, 31, 23, 59, tz="UTC"),
            pendulum.datetime(1, 1, 1, tz=pendulum.fixed_timezone(14 * 3600)),
            pendulum.naive(2020, 1, 1),
            pendulum.date(2020, 1, 1),
            Agency(name="区科技局"),
            Qualifier.EXACT,
            (Decimal("NaN"),),
        ]
    )
)

_MODEL_CLASSES = [
    Agency,
    Citation,
    DelegatedPower,
    Disclosure,
    DocumentNumber,
    Measure,
    Metric,
    PowerChange,
    Report,
    Section,
]


@given(data=st.data(), cls=st.sampled_from(_MODEL_CLASSES))
def test_junk_fields_raise_only_validation_errors(data: st.DataObject, cls: type) -> None:
    fields = {field.name: data.draw(_JUNK, label=field.name) for field in attrs.fields(cls)}
    problems: tuple[Problem, ...] = ()
    try:
        built = cls(**fields)
    except ValidationError as error:
        problems = error.problems
        assert problems
    else:
        assert tree_problems(built) == []
    assert all(p.rule in lawgov.RULES for p in problems)


# --- strict loading ---------------------------------------------------------------------------


def _loadable() -> dict[str, Any]:
    good = report(
        sections=[section(1, measures=[measure(1, metrics=[metric(Decimal("1.5"), "万元")])])]
    )
    return lawgov.to_dict(good)


def _set(data: dict[str, Any], path: tuple[str | int, ...], value: object) -> None:
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value


METRIC = ("sections", 0, "measures", 0, "metrics", 0)


@pytest.mark.parametrize(
    ("where", "value", "path"),
    [
        # Each of these is a silent coercion in stock cattrs; lawgov refuses them all.
        (("title",), None, "title"),
        (("title",), 5, "title"),
        (("year",), 3.7, "year"),
        (("year",), True, "year"),
        (("year",), "2020", "year"),
        (("preamble",), "ab", "preamble"),
        (("issuer",), "区科技局", "issuer"),
        (("sections", 0, "number"), 1.0, "sections[0].number"),
        ((*METRIC, "value"), 1.5, "sections[0].measures[0].metrics[0].value"),
        ((*METRIC, "value"), "1.5万", "sections[0].measures[0].metrics[0].value"),
        ((*METRIC, "qualifier"), "roughly", "sections[0].measures[0].metrics[0].qualifier"),
    ],
)
def test_loading_refuses_every_coercion(
    where: tuple[str | int, ...], value: object, path: str
) -> None:
    data = _loadable()
    _set(data, where, value)
    with pytest.raises(ValidationError) as info:
        lawgov.from_dict(data)
    assert [(p.path, p.rule) for p in info.value.problems] == [(path, "type")]


def test_loading_lists_type_and_rule_problems_together() -> None:
    data = _loadable()
    data["title"] = None
    data["year"] = 1900
    _set(data, (*METRIC, "value"), "-1")
    _set(data, ("sections", 0, "measures", 0, "number"), 2)
    with pytest.raises(ValidationError) as info:
        lawgov.from_dict(data)
    assert {(p.path, p.rule) for p in info.value.problems} == {
        ("title", "type"),
        ("year", "year_range"),
        ("sections[0].measures[0].metrics[0].value", "negative_value"),
        ("sections[0].measures[0].number", "numbering"),
    }


def test_unknown_fields_are_ignored_only_in_a_newer_minor_version() -> None:
    data = _loadable()
    _set(data, (*METRIC, "confidence"), "high")
    with pytest.raises(ValidationError) as info:
        lawgov.from_dict(data)
    assert [(p.path, p.rule) for p in info.value.problems] == [
        ("sections[0].measures[0].metrics[0].confidence", "unknown_field")
    ]
    major, minor = lawgov.FORMAT_VERSION.split(".")
    data["version"] = f"{major}.{int(minor) + 1}"
    assert lawgov.from_dict(data) == lawgov.from_dict(_loadable())
    data["version"] = f"{int(major) + 1}.0"
    with pytest.raises(lawgov.FormatError):
        lawgov.from_dict(data)


# --- the documentation states the rules as they are -------------------------------------------

DOCS = Path(__file__).resolve().parent.parent / "docs" / "validation.md"
_DOC_ROW = re.compile(r"^\| `(?P<rule>\w+)` \| (?P<requires>[^|]+) \| `(?P<example>[^`]+)` \|$")


def _documented_rules() -> dict[str, tuple[str, str]]:
    rows = {}
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        if match := _DOC_ROW.match(line):
            rows[match["rule"]] = (match["requires"].strip(), match["example"])
    return rows


def test_every_rule_is_documented_with_what_it_requires() -> None:
    rows = _documented_rules()
    assert list(rows) == list(lawgov.RULES)
    for rule, (requires, _) in rows.items():
        assert requires.startswith(lawgov.RULES[rule])


def _normalise(message: str) -> str:
    # The documented year bound is the one of the year the docs were written in.
    return message.replace(f"..{NEXT_YEAR}", "..2027")


@pytest.mark.parametrize(
    ("rule", "build", "path"), CONSTRUCTION_CASES, ids=[c[0] for c in CONSTRUCTION_CASES]
)
def test_documented_example_messages_are_real(
    rule: str, build: Callable[[], object], path: str
) -> None:
    with pytest.raises(ValidationError) as info:
        build()
    example = _documented_rules()[rule][1]
    assert example.endswith(_normalise(str(info.value.problems[0])))


def test_documented_loading_messages_are_real() -> None:
    data = _loadable()
    del data["issuer"]
    data["sections"][0]["colour"] = "red"
    with pytest.raises(ValidationError) as info:
        lawgov.from_dict(data)
    found = {p.rule: str(p) for p in info.value.problems}
    rows = _documented_rules()
    assert found == {rule: rows[rule][1] for rule in ("missing_field", "unknown_field")}


def test_documented_exception_tree_is_the_errors_module_docstring() -> None:
    from lawgov import _errors

    tree = (_errors.__doc__ or "").split("::\n\n", 1)[1].strip("\n")
    documented = [line.strip() for line in tree.splitlines()]
    text = DOCS.read_text(encoding="utf-8")
    block = text.split("```text\nLawgovError", 1)[1].split("```", 1)[0]
    assert ["LawgovError" + block.splitlines()[0], *block.splitlines()[1:]] == documented


def test_a_subclass_of_a_model_class_is_checked_like_its_base() -> None:
    @attrs.frozen(kw_only=True)
    class CodedAgency(Agency):
        code: str = "440704"

    assert CodedAgency(name="区科技局").code == "440704"
    with pytest.raises(ValidationError) as info:
        CodedAgency(name="")
    assert [(p.path, p.rule) for p in info.value.problems] == [("name", "empty_text")]
    with unchecked():
        tree = report(issuer=CodedAgency(name=" "))
    assert [(p.path, p.rule) for p in tree_problems(tree)] == [("issuer.name", "empty_text")]


def test_a_validation_error_survives_pickling() -> None:
    # Worker processes (multiprocessing, dask) send errors back pickled.
    error = ValidationError(
        [
            Problem(path="year", message="year 1900 is outside 1949..2027", rule="year_range"),
            Problem(path="sections[0].number", message="expected 1, got 2", rule="numbering"),
        ],
        source="report.json",
    )
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is ValidationError
    assert again.problems == error.problems
    assert again.source == "report.json"
    assert str(again) == str(error)


# --- loading enforces every rule, whichever pass decides ----------------------------------------


def _rich() -> dict[str, Any]:
    """A valid document that exercises every class, so that each rule has something to break."""
    number = DocumentNumber.parse("江府〔2017〕16号")
    good = report(
        published=pendulum.datetime(2021, 2, 26, 16, 14, tz=SHANGHAI),
        views=10,
        disclosure=Disclosure(
            document_number=DocumentNumber.parse("江海科〔2021〕3号"),
            written=pendulum.date(2021, 2, 20),
        ),
        sections=[
            section(
                1,
                measures=[measure(1, metrics=[metric(Decimal(50), "%")])],
                citations=[Citation(title="行政许可法", document_number=number)],
                delegated_powers=[
                    DelegatedPower(
                        count=23, basis=Citation(document_number=number), changes=[change(3)]
                    )
                ],
            )
        ],
    )
    return lawgov.to_dict(good)


SECTION = ("sections", 0)
POWER = (*SECTION, "delegated_powers", 0)
CITED = (*SECTION, "citations", 0)

_METRIC_VALUE = "sections[0].measures[0].metrics[0].value"

LOADING_CASES: list[tuple[str, tuple[str | int, ...], object, str]] = [
    ("empty_text", ("title",), " ", "title"),
    ("empty_text", ("issuer", "name"), "", "issuer.name"),
    ("unwritable_character", ("title",), "报告\x0c", "title"),
    ("unwritable_character", ("issuer", "name"), "区\ufffe科技局", "issuer.name"),
    (
        "unwritable_character",
        (*SECTION, "measures", 0, "text"),
        "\x00",
        "sections[0].measures[0].text",
    ),
    ("numbering", (*SECTION, "number"), 2, "sections[0].number"),
    ("numbering", (*SECTION, "measures", 0, "number"), 0, "sections[0].measures[0].number"),
    ("year_range", ("year",), 1948, "year"),
    ("non_finite", (*SECTION, "measures", 0, "metrics", 0, "value"), "NaN", _METRIC_VALUE),
    ("non_finite", (*SECTION, "measures", 0, "metrics", 0, "value"), "-Infinity", _METRIC_VALUE),
    ("year_range", ("disclosure", "written"), "1800-01-01", "disclosure.written"),
    (
        "year_range",
        (*CITED, "document_number", "year"),
        1900,
        "sections[0].citations[0].document_number.year",
    ),
    ("naive_datetime", ("published",), "2021-02-26T16:14:00", "published"),
    ("published_before_year", ("published",), "2019-12-31T23:59:00+08:00", "published"),
    (
        "negative_value",
        (*SECTION, "measures", 0, "metrics", 0, "value"),
        "-1",
        "sections[0].measures[0].metrics[0].value",
    ),
    ("negative_value", ("views",), -1, "views"),
    (
        "percentage_range",
        (*SECTION, "measures", 0, "metrics", 0, "value"),
        "150",
        "sections[0].measures[0].metrics[0].value",
    ),
    ("count_range", (*POWER, "count"), 0, "sections[0].delegated_powers[0].count"),
    (
        "count_range",
        (*POWER, "changes", 0, "count"),
        0,
        "sections[0].delegated_powers[0].changes[0].count",
    ),
    (
        "changes_exceed_count",
        (*POWER, "changes", 0, "count"),
        24,
        "sections[0].delegated_powers[0].changes",
    ),
    (
        "document_number",
        (*CITED, "document_number", "issuer_code"),
        "JF",
        "sections[0].citations[0].document_number.issuer_code",
    ),
    (
        "document_number",
        (*POWER, "basis", "document_number", "serial"),
        0,
        "sections[0].delegated_powers[0].basis.document_number.serial",
    ),
    ("empty_citation", (*CITED, "title"), None, ""),
    (
        "nesting_depth",
        (*SECTION, "subsections"),
        _nested_section_data(32),
        "sections[0]" + ".subsections[0]" * 32,
    ),
    ("decimal_range", (*SECTION, "measures", 0, "metrics", 0, "value"), "1E+1000", _METRIC_VALUE),
    (
        "decimal_range",
        (*SECTION, "measures", 0, "metrics", 0, "value"),
        "1E+1000000000000000000",
        _METRIC_VALUE,
    ),
    ("decimal_range", (*SECTION, "measures", 0, "metrics", 0, "value"), "1" * 101, _METRIC_VALUE),
    ("integer_range", ("views",), 10**16, "views"),
    ("integer_range", (*POWER, "count"), 2**53, "sections[0].delegated_powers[0].count"),
    ("text_size", ("preamble",), ["法" * 2_000_001], "preamble[0]"),
]


def test_the_rich_document_is_valid() -> None:
    assert lawgov.from_dict(_rich()).sections[0].delegated_powers[0].remaining == 20


@pytest.mark.parametrize(
    ("rule", "where", "value", "path"), LOADING_CASES, ids=[f"{c[0]}:{c[3]}" for c in LOADING_CASES]
)
def test_loading_enforces_each_rule(
    rule: str, where: tuple[str | int, ...], value: object, path: str
) -> None:
    data = _rich()
    _set(data, where, value)
    if rule == "empty_citation":  # a citation with neither part: drop the number as well
        _set(data, (*CITED, "document_number"), None)
        path = "sections[0].citations[0]"
    with pytest.raises(ValidationError) as info:
        lawgov.from_dict(data)
    assert [(p.rule, p.path) for p in info.value.problems] == [(rule, path)]


def test_loading_cases_cover_every_rule_but_type_and_field_presence() -> None:
    covered = {rule for rule, _, _, _ in LOADING_CASES}
    assert covered == set(lawgov.RULES) - {"type", "missing_field", "unknown_field"}


@pytest.mark.parametrize("value", ["sNaN", "nan", "inf", "1e999999999"])
def test_other_spellings_of_non_finite_values_are_type_problems(value: str) -> None:
    # Only str() of a Decimal is a decimal string; these are not, so they are type problems.
    data = _rich()
    _set(data, (*SECTION, "measures", 0, "metrics", 0, "value"), value)
    with pytest.raises(ValidationError) as info:
        lawgov.from_dict(data)
    assert [(p.rule, p.path) for p in info.value.problems] == [
        ("type", "sections[0].measures[0].metrics[0].value")
    ]


@pytest.mark.parametrize("via", ["dict", "json", "xml"])
def test_no_half_built_report_survives_a_failed_load(via: str) -> None:
    # The loader's second pass builds the tree unchecked to find every problem; none of it
    # may outlive the call, not even through the fast pass's shared exception's traceback.
    marker = "半成品报告"
    data = _rich()
    data["title"] = marker
    _set(data, (*SECTION, "measures", 0, "metrics", 0, "value"), "-1")
    if via == "dict":
        load: Callable[[], object] = lambda: lawgov.from_dict(data)  # noqa: E731
    elif via == "json":
        text = json.dumps(data, ensure_ascii=False)
        load = lambda: lawgov.from_json(text)  # noqa: E731
    else:
        good = lawgov.from_dict(_rich())
        xml = lawgov.to_xml(attrs.evolve(good, title=marker))
        assert b"<value>50</value>" in xml
        xml = xml.replace(b"<value>50</value>", b"<value>-1</value>", 1)
        load = lambda: lawgov.from_xml(xml)  # noqa: E731
    with pytest.raises(ValidationError) as info:
        load()
    assert info.value.problems
    del info
    gc.collect()
    assert [o for o in gc.get_objects() if type(o) is Report and o.title == marker] == []


@pytest.mark.parametrize("unit", ["%", "％"])
def test_a_share_over_100_percent_is_refused_in_either_width(unit: str) -> None:
    with pytest.raises(ValidationError) as info:
        Metric(value=Decimal("120"), unit=unit, text=f"120{unit}")
    assert [p.rule for p in info.value.problems] == ["percentage_range"]
    data = _rich()
    metric = (*SECTION, "measures", 0, "metrics", 0)
    _set(data, (*metric, "value"), "120")
    _set(data, (*metric, "unit"), unit)
    with pytest.raises(ValidationError) as info:
        lawgov.from_json(json.dumps(data, ensure_ascii=False))
    assert [p.rule for p in info.value.problems] == ["percentage_range"]


def test_a_unit_of_the_wrong_type_is_a_type_problem_not_a_crash() -> None:
    data = _rich()
    _set(data, (*SECTION, "measures", 0, "metrics", 0, "unit"), [])
    with pytest.raises(ValidationError) as info:
        lawgov.from_dict(data)
    assert [(p.rule, p.path) for p in info.value.problems] == [
        ("type", "sections[0].measures[0].metrics[0].unit")
    ]
