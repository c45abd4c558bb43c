"""The JSON writer's fast path (lawgov._formats.encode) against the standard library writer."""

from __future__ import annotations

import linecache

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import lawgov
import lawgov.samples
from lawgov._formats import convert as _convert
from lawgov._formats import encode as _encode
from lawgov._formats import json as _json
from lawgov._model import rules
from lawgov.testing import reports

pytest.importorskip("orjson")


def _standard(report: lawgov.Report) -> bytes:
    saved = _json._orjson
    _json._orjson = None
    try:
        return lawgov.to_json(report).encode("utf-8")
    finally:
        _json._orjson = saved


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_generated_encoder_writes_the_standard_bytes(report: lawgov.Report) -> None:
    fast = _json.to_json_bytes(report)
    assert fast == _standard(report)
    assert lawgov.to_json(report).encode("utf-8") == fast


@pytest.mark.parametrize("name", lawgov.samples.names())
def test_samples_are_written_byte_identically(name: str) -> None:
    report = lawgov.samples.load(name)
    assert _json.to_json_bytes(report) == _standard(report)


def test_only_the_classes_that_nest_have_functions() -> None:
    source = _encode.source()
    assert [line.split("(")[0] for line in source.splitlines() if line.startswith("def ")] == [
        "def u_Report",
        "def u_Section",
        "def u_Measure",
    ]
    # Every field of every class is written, and only the report has the header.
    for cls in _convert.model_classes():
        for spec in _convert.field_specs(cls):
            assert f"{spec.name!r}:" in source
    assert source.count("'format':") == 1


def test_generated_source_is_in_linecache_for_tracebacks() -> None:
    lawgov.to_json(lawgov.samples.load(lawgov.samples.names()[0]))
    lines = linecache.getlines(_encode._FILENAME)
    assert lines[0].startswith("def u_Report(o):")


def test_what_i_json_cannot_carry_is_a_format_error_from_the_bytes_too() -> None:
    report = lawgov.samples.load(lawgov.samples.names()[0])
    with rules.unchecked():
        unwritable = attrs.evolve(report, notes=("\ud800",))
    with pytest.raises(lawgov.FormatError, match="I-JSON"):
        _json.to_json_bytes(unwritable)
    # The model refuses such an integer now (integer_range); the writer still refuses one
    # built without checks.
    with rules.unchecked():
        too_big = attrs.evolve(report, views=2**60)
    with pytest.raises(lawgov.FormatError, match="I-JSON"):
        _json.to_json_bytes(too_big)


def test_not_a_report_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="lawgov Report"):
        _json.to_json_bytes("report")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="lawgov Report"):
        lawgov.to_json("report")  # type: ignore[arg-type]
