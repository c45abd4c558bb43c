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
