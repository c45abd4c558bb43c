"""Round trips over generated reports: lossless in both formats, byte-identical across them."""

from __future__ import annotations

import json

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import lawgov
import lawgov.samples
from lawgov._formats import json as _json
from lawgov.testing import reports

# Text the XML format can carry: no surrogates, no C0 controls but tab, newline and return.
_XML_TEXT = st.text(
    st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters=[chr(c) for c in range(32) if chr(c) not in "\t\n\r"]
        + ["\ufffe", "\uffff"],
    ),
    min_size=1,
).filter(str.strip)

_SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_VALIDATOR = jsonschema.Draft202012Validator(
    lawgov.json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
_XSD = etree.XMLSchema(etree.fromstring(lawgov.xml_schema()))


@_SETTINGS
@given(reports())
def test_model_json_model(report: lawgov.Report) -> None:
    text = lawgov.to_json(report)
    back = lawgov.from_json(text)
    assert back == report
    assert lawgov.to_json(back) == text


@_SETTINGS
@given(reports())
def test_model_xml_model(report: lawgov.Report) -> None:
    data = lawgov.to_xml(report)
    back = lawgov.from_xml(data)
    assert back == report
    assert lawgov.to_xml(back) == data


@_SETTINGS
@given(reports(text="ascii"))
def test_model_dict_model(report: lawgov.Report) -> None:
    assert lawgov.from_dict(lawgov.to_dict(report)) == report


@_SETTINGS
@given(reports())
def test_json_xml_json_is_byte_identical(report: lawgov.Report) -> None:
    text = lawgov.to_json(report)
    assert lawgov.to_json(lawgov.from_xml(lawgov.to_xml(lawgov.from_json(text)))) == text


@_SETTINGS
@given(reports())
def test_everything_written_validates_against_the_shipped_schemas(report: lawgov.Report) -> None:
    _VALIDATOR.validate(json.loads(lawgov.to_json(report)))
    assert _XSD.validate(etree.fromstring(lawgov.to_xml(report))), _XSD.error_log


@_SETTINGS
@given(reports(text="ascii"), st.lists(_XML_TEXT, max_size=3))
def test_any_xml_compatible_text_survives_both_formats(
    report: lawgov.Report, notes: list[str]
) -> None:
    report = attrs.evolve(report, notes=tuple(notes))
    assert lawgov.from_json(lawgov.to_json(report)).notes == tuple(notes)
    assert lawgov.from_xml(lawgov.to_xml(report)).notes == tuple(notes)


@_SETTINGS
@given(reports())
def test_orjson_and_stdlib_writers_agree(report: lawgov.Report) -> None:
    fast = lawgov.to_json(report)
    saved = _json._orjson
    _json._orjson = None
    try:
        assert lawgov.to_json(report) == fast
    finally:
        _json._orjson = saved


@pytest.mark.parametrize("seed_format", ["json", "xml"])
def test_deeply_nested_report_round_trips(seed_format: str) -> None:
    section = lawgov.Section(number=1, title="深")
    measure = lawgov.Measure(number=1, title="措施", text="措施。")
    for _ in range(30):
        section = lawgov.Section(number=1, title="深", subsections=(section,))
        measure = lawgov.Measure(number=1, title="措施", text="措施。", submeasures=(measure,))
    report = lawgov.Report(
        title="报告",
        issuer=lawgov.Agency(name="局"),
        year=2020,
        sections=(attrs.evolve(section, measures=(measure,)),),
    )
    if seed_format == "json":
        assert lawgov.from_json(lawgov.to_json(report)) == report
    else:
        assert lawgov.from_xml(lawgov.to_xml(report)) == report


@pytest.mark.parametrize("name", lawgov.samples.names())
def test_bundled_samples_round_trip_byte_identically(name: str) -> None:
    text = lawgov.samples.path(name, "json").read_text("utf-8")
    report = lawgov.from_json(text)
    assert lawgov.to_json(report) == text
    data = lawgov.to_xml(report)
    assert lawgov.from_xml(data) == report
    assert lawgov.to_json(lawgov.from_xml(data)) == text
    assert lawgov.to_xml(lawgov.from_xml(data)) == data


# --- the limits: whatever the model accepts is written and read back; anything else is refused --

_ANY_DECIMAL = st.builds(
    lambda digits, exponent: digits.scaleb(exponent),
    st.decimals(min_value=0, max_value=10**40, allow_nan=False, allow_infinity=False),
    st.integers(-1200, 1200),
)
_ANY_INTEGER = st.one_of(
    st.integers(),
    st.integers(-(2**53) - 3, -(2**53) + 3),
    st.integers(2**53 - 3, 2**53 + 3),
)


def _edge_report(value: object, views: object, depth: int) -> lawgov.Report:
    section = lawgov.Section(number=1, title="深")
    for _ in range(depth - 1):
        section = lawgov.Section(number=1, title="深", subsections=(section,))
    metric = lawgov.Metric(value=value, unit="万元", text="若干万元")  # type: ignore[arg-type]
    return lawgov.Report(
        title="报告",
        issuer=lawgov.Agency(name="局"),
        year=2020,
        views=views,  # type: ignore[arg-type]
        metrics=(metric,),
        sections=(section,),
    )


def _built(value: object, views: object, depth: int) -> lawgov.Report | set[str]:
    """The report, or the rules it breaks."""
    try:
        return _edge_report(value, views, depth)
    except lawgov.ValidationError as error:
        return {p.rule for p in error.problems}


@_SETTINGS
@given(value=_ANY_DECIMAL, views=_ANY_INTEGER, depth=st.integers(28, 36))
def test_whatever_the_model_accepts_at_its_limits_is_written_and_read_back_equal(
    value: object, views: object, depth: int
) -> None:
    built = _built(value, views, depth)
    if not isinstance(built, lawgov.Report):
        assert built <= {"decimal_range", "integer_range", "nesting_depth", "negative_value"}
        return
    report = built
    assert lawgov.from_json(lawgov.to_json(report)) == report
    assert lawgov.from_xml(lawgov.to_xml(report)) == report
    assert lawgov.from_dict(lawgov.to_dict(report)) == report
    _VALIDATOR.validate(json.loads(lawgov.to_json(report)))
    assert _XSD.validate(etree.fromstring(lawgov.to_xml(report)))
    assert len(str(report.metrics[0].base_value)) <= 100  # computable and short


@_SETTINGS
@given(
    value=st.text(alphabet="0123456789.E+-", min_size=1, max_size=40),
    views=_ANY_INTEGER,
    depth=st.integers(28, 36),
)
def test_any_document_at_the_limits_gives_a_report_or_a_lawgov_error(
    value: str, views: int, depth: int
) -> None:
    data = lawgov.to_dict(_edge_report(1, 1, 1))
    data["metrics"][0]["value"] = value
    data["views"] = views
    chain: dict[str, object] = {"number": 1, "title": "深"}
    for _ in range(depth - 1):
        chain = {"number": 1, "title": "深", "subsections": [chain]}
    data["sections"] = [chain]
    text = json.dumps(data, ensure_ascii=False)
    for read in (lambda: lawgov.from_dict(data), lambda: lawgov.from_json(text)):
        try:
            report = read()
        except lawgov.LawgovError:
            continue
        # Accepted: then it is within every limit, and written and read back equal.
        assert lawgov.from_xml(lawgov.to_xml(report)) == report
