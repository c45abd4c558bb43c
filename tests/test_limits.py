"""One set of limits: what lawgov accepts it can write, and what it writes it reads back.

Each limit is held at construction, by every reader (msgspec, orjson, the standard library,
XML) and by every writer, and the shipped schemas say the same.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import lawgov
from lawgov._formats import json as _json
from lawgov._formats import msgspec as _msgspec
from lawgov._model import rules
from lawgov._model.numerals import plain_decimal
from lawgov.cli._rows import metric_rows

NS = "urn:lawgov:report:1"
# The limits, as documented (test_the_limits_are_the_documented_ones ties them to the code).
MAX_DEPTH = 32
MAX_DECIMAL_LENGTH = 100
MAX_TEXT_LENGTH = 2_000_000


def test_the_limits_are_the_documented_ones() -> None:
    from lawgov._model import limits

    assert limits.MAX_DEPTH == MAX_DEPTH
    assert limits.MAX_DECIMAL_LENGTH == MAX_DECIMAL_LENGTH
    assert limits.MAX_DECIMAL_EXPONENT == 999
    assert limits.MAX_TEXT_LENGTH == MAX_TEXT_LENGTH
    assert limits.MAX_INTEGER == 2**53 - 1
    assert limits.MAX_DOCUMENT_BYTES == 32 * 1024 * 1024


def _report(**fields: Any) -> lawgov.Report:
    base: dict[str, Any] = {"title": "江海区测试局2020年法治政府建设年度报告", "year": 2020}
    base["issuer"] = lawgov.Agency(name="江海区测试局")
    base.update(fields)
    return lawgov.Report(**base)


def _document(value: str) -> dict[str, Any]:
    metric = lawgov.Metric(value=Decimal(1500), unit="万元", text="1500万元")
    data = lawgov.to_dict(_report(metrics=[metric]))
    data["metrics"][0]["value"] = value
    return data


def _readers(data: dict[str, Any]) -> dict[str, Any]:
    """The same document through every way in: from_dict, from_json (bytes, text), from_xml."""
    text = json.dumps(data, ensure_ascii=False)
    return {
        "dict": lambda: lawgov.from_dict(data),
        "json-bytes": lambda: lawgov.from_json(text.encode("utf-8")),
        "json-text": lambda: lawgov.from_json(text),
    }


def _as_xml(value: str) -> bytes:
    good = lawgov.to_xml(
        _report(metrics=[lawgov.Metric(value=Decimal(1500), unit="万元", text="1500万元")])
    )
    return good.replace(b"<value>1500</value>", f"<value>{value}</value>".encode())


HUGE_EXPONENTS = ["1E+1000000000000000000", "1E+999999999999999999", "1E+1000", "1E-1000"]


@pytest.mark.parametrize("value", HUGE_EXPONENTS)
@pytest.mark.parametrize("fast", [True, False], ids=["msgspec", "stdlib"])
def test_a_huge_exponent_is_a_decimal_range_problem_in_every_reader(
    value: str, monkeypatch: pytest.MonkeyPatch, *, fast: bool
) -> None:
    if not fast:
        monkeypatch.setattr(_msgspec, "_msgspec", None)
        monkeypatch.setattr(_json, "_orjson", None)
    readers = _readers(_document(value))
    readers["xml"] = lambda: lawgov.from_xml(_as_xml(value))
    for name, read in readers.items():
        with pytest.raises(lawgov.ValidationError) as caught:
            read()
        assert [p.rule for p in caught.value.problems] == ["decimal_range"], name
        assert caught.value.path == "metrics[0].value"


def test_base_value_of_every_accepted_value_is_computable() -> None:
    # Beyond the limit the metric does not exist; at the limit base_value works and is short.
    with pytest.raises(lawgov.ValidationError):
        lawgov.Metric(value=Decimal("1E+999999999999999999"), unit="万元", text="x")
    top = lawgov.Metric(value=Decimal("9.9E+999"), unit="万亿元", text="x")
    assert top.base_value == Decimal("9.9E+1011")
    assert top.base_unit == "元"


def test_schemas_state_the_decimal_limits() -> None:
    schema = lawgov.json_schema()["$defs"]["Metric"]["properties"]["value"]
    pattern = re.compile(schema["pattern"])
    assert schema["maxLength"] == MAX_DECIMAL_LENGTH
    assert pattern.search("1E+999")
    assert pattern.search("1.5E-7")
    assert not pattern.search("1E+1000")
    assert not pattern.search("1E+1000000000000000000")
    xsd = etree.XMLSchema(etree.fromstring(lawgov.xml_schema()))
    assert xsd.validate(etree.fromstring(_as_xml("1E+999")))
    assert not xsd.validate(etree.fromstring(_as_xml("1E+1000000000000000000")))


def test_schemas_state_the_integer_and_text_limits() -> None:
    defs = lawgov.json_schema()["$defs"]
    assert defs["DelegatedPower"]["properties"]["count"]["maximum"] == 2**53 - 1
    assert defs["DelegatedPower"]["properties"]["count"]["minimum"] == -(2**53 - 1)
    assert defs["Agency"]["properties"]["name"]["maxLength"] == MAX_TEXT_LENGTH
    xsd = etree.XMLSchema(etree.fromstring(lawgov.xml_schema()))
    document = lawgov.to_xml(_report(views=7))
    assert xsd.validate(etree.fromstring(document))
    too_big = document.replace(b"<views>7</views>", b"<views>9007199254740992</views>")
    assert not xsd.validate(etree.fromstring(too_big))


def test_plain_output_is_bounded_for_every_accepted_value() -> None:
    # A base value scaled by a long run of magnitude words would have thousands of digits.
    metric = lawgov.Metric(value=Decimal("1E+999"), unit="亿" * 300 + "元", text="x")
    row = next(metric_rows(_report(metrics=[metric]), "r.json"))
    assert len(row["value"]) <= 1100
    assert len(row["base_value"]) <= 1100
    assert Decimal(row["base_value"]) == metric.base_value
    assert plain_decimal(Decimal("1.5E+7")) == "15000000"
    assert plain_decimal(Decimal("1E-8")) == "0.00000001"


def test_a_unit_of_many_magnitude_words_is_split_in_linear_time() -> None:
    metric = lawgov.Metric(value=Decimal(1), unit="万" * 200_000 + "元", text="x")
    assert metric.base_unit == "元"
    assert metric.base_value == Decimal("1E+800000")


# --- depth ------------------------------------------------------------------------------------


def _nested(depth: int) -> lawgov.Section:
    section = lawgov.Section(number=1, title="深")
    for _ in range(depth - 1):
        section = lawgov.Section(number=1, title="深", subsections=[section])
    return section


def test_construction_refuses_nesting_beyond_the_depth_limit() -> None:
    with pytest.raises(lawgov.ValidationError) as caught:
        _nested(MAX_DEPTH + 1)
    assert [p.rule for p in caught.value.problems] == ["nesting_depth"]
    # A measure counts as a level too, as the readers count it.
    measure = lawgov.Measure(number=1, title="一", text="一")
    measure = lawgov.Measure(number=1, title="一", text="一", submeasures=[measure])
    section = lawgov.Section(number=1, title="深", measures=[measure])
    for _ in range(MAX_DEPTH - 3):
        section = lawgov.Section(number=1, title="深", subsections=[section])
    with pytest.raises(lawgov.ValidationError, match="nest 33 levels"):
        lawgov.Section(number=1, title="深", subsections=[section])


def test_the_deepest_report_allowed_is_written_and_read_back() -> None:
    report = _report(sections=[_nested(MAX_DEPTH)])
    assert lawgov.from_json(lawgov.to_json(report)) == report
    assert lawgov.from_xml(lawgov.to_xml(report)) == report
    assert hash(report) == hash(lawgov.from_dict(lawgov.to_dict(report)))
    assert len(list(report.iter_sections())) == MAX_DEPTH


# --- integers and texts -------------------------------------------------------------------------


@pytest.mark.parametrize("views", [10**16, -(10**16), 2**53])
def test_integers_beyond_i_json_are_refused_by_dict_and_xml_readers(views: int) -> None:
    data = lawgov.to_dict(_report(views=1))
    data["views"] = views
    with pytest.raises(lawgov.ValidationError) as caught:
        lawgov.from_dict(data)
    assert [p.rule for p in caught.value.problems] == ["integer_range"]
    document = lawgov.to_xml(_report(views=1)).replace(
        b"<views>1</views>", f"<views>{views}</views>".encode()
    )
    with pytest.raises(lawgov.ValidationError) as caught:
        lawgov.from_xml(document)
    assert [p.rule for p in caught.value.problems] == ["integer_range"]


def test_an_integer_too_long_to_print_is_still_a_validation_problem() -> None:
    data = lawgov.to_dict(_report())
    data["year"] = 10**5000
    with pytest.raises(lawgov.ValidationError) as caught:
        lawgov.from_dict(data)
    assert caught.value.problems[0].rule == "integer_range"


def test_a_text_longer_than_one_xml_text_node_is_refused_at_construction() -> None:
    # 3.4 million CJK characters are 10.2 MB of UTF-8: libxml2 keeps at most 10,000,000 bytes
    # in one text node, so such a paragraph was written to XML and then refused.
    with pytest.raises(lawgov.ValidationError) as caught:
        _report(preamble=["法" * 3_400_000])
    assert [p.rule for p in caught.value.problems] == ["text_size"]
    longest = _report(preamble=["\U00020000" * MAX_TEXT_LENGTH])
    assert lawgov.from_xml(lawgov.to_xml(longest)) == longest


def test_readers_refuse_texts_beyond_the_limit() -> None:
    data = lawgov.to_dict(_report())
    data["preamble"] = ["法" * (MAX_TEXT_LENGTH + 1)]
    with pytest.raises(lawgov.ValidationError) as caught:
        lawgov.from_json(json.dumps(data, ensure_ascii=False))
    assert [p.rule for p in caught.value.problems] == ["text_size"]


# --- document size -----------------------------------------------------------------------------


def _oversized() -> lawgov.Report:
    # Six paragraphs of 2,000,000 CJK characters: valid, but 36 MB in either format.
    return _report(preamble=[("法治" * 1_000_000)[:MAX_TEXT_LENGTH]] * 6)


def test_writers_refuse_what_readers_refuse(tmp_path: Path) -> None:
    report = _oversized()
    with pytest.raises(lawgov.FormatError, match="more than the 33554432 bytes"):
        lawgov.to_json(report)
    with pytest.raises(lawgov.FormatError, match="more than the 33554432 bytes"):
        lawgov.to_xml(report)
    for name in ("big.json", "big.xml"):
        with pytest.raises(lawgov.FormatError) as caught:
            lawgov.write(report, tmp_path / name)
        assert caught.value.source == str(tmp_path / name)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(lawgov.FormatError):
        lawgov.write_reports([report], tmp_path / "big.jsonl")
    assert list(tmp_path.iterdir()) == []


def test_the_stdlib_writer_refuses_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_json, "_orjson", None)
    with pytest.raises(lawgov.FormatError, match="more than the 33554432 bytes"):
        lawgov.to_json(_oversized())


def test_unchecked_objects_beyond_the_limits_are_not_written() -> None:
    with rules.unchecked():
        report = _report(views=2**60)
    with pytest.raises(lawgov.FormatError):
        lawgov.to_json(report)
