"""The generated XSD: shipped as generated, valid for what lawgov writes, and in agreement with the
JSON Schema on valid and invalid documents."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import lawgov
from lawgov._formats import xml as _xml
from lawgov._formats.convert import field_specs
from lawgov._formats.xsd import render_xsd
from lawgov._model import limits
from lawgov.testing import invalid_reports, reports

ROOT = Path(__file__).resolve().parents[1]
NS = "{" + _xml.NAMESPACE + "}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_XSD = etree.XMLSchema(etree.fromstring(lawgov.xml_schema()))
# Patterns only, no format checking: the XSD checks the same patterns and no more (a calendar
# date such as 2021-02-30 is refused by lawgov itself, in both formats).
_JSON_SCHEMA = jsonschema.Draft202012Validator(lawgov.json_schema())


def test_shipped_xsd_equals_the_generated_one() -> None:
    shipped = (ROOT / "src" / "lawgov" / "schemas" / "report.xsd").read_text("utf-8")
    assert shipped == render_xsd()
    assert lawgov.xml_schema() == render_xsd().encode("utf-8")


@pytest.mark.parametrize(
    "path",
    [
        *sorted((ROOT / "tests" / "golden").glob("*.xml")),
        *(ROOT / "src/lawgov/samples").glob("*.json"),
    ],
    ids=lambda path: path.name,
)
def test_golden_files_and_samples_are_valid(path: Path) -> None:
    report = lawgov.read(path)
    document = path.read_bytes() if path.suffix == ".xml" else lawgov.to_xml(report)
    assert _XSD.validate(etree.fromstring(document)), _XSD.error_log.last_error
    assert _JSON_SCHEMA.is_valid(lawgov.to_dict(report))


# --- the XML form of any JSON-shaped document -------------------------------------------------
#
# to_xml writes only valid reports; an invalid document (a dict from invalid_reports) is put into
# XML here, by the format's own rules (xml.element_name, xml.item_name, None as no element), with
# lxml rather than lawgov's writer. On valid reports the result must be to_xml's very bytes.


def _text(value: object) -> str:
    # A scalar as element text: a string as it is, a number as JSON writes it.
    return value if isinstance(value, str) else str(value)


def _fill(element: Any, cls: type | None, data: dict[str, Any]) -> None:
    specs = {spec.name: spec for spec in field_specs(cls)} if cls is not None else {}
    for key, value in data.items():
        spec = specs.get(key)
        if spec is None:
            # An unknown member gets its element whatever its value (None included): its
            # presence is what is wrong, and no element would leave nothing to refuse.
            child = etree.SubElement(element, NS + _xml.element_name(key))
            if value is not None:
                child.text = _text(value)
            continue
        if value is None or value == []:
            continue  # None or an empty tuple: no element
        child = etree.SubElement(element, NS + _xml.element_name(key))
        target = spec.target if spec.kind == "model" else None
        if spec.many and type(value) is list:
            for item in value:
                _put(etree.SubElement(child, NS + _xml.item_name(key)), target, item)
        else:
            _put(child, target, value)


def _put(element: Any, cls: type | None, value: object) -> None:
    if value is None:
        return  # an item that is None: an empty element
    if type(value) is dict:
        _fill(element, cls, value)
    elif type(value) is list:
        raise AssertionError(f"no XML form for a list here: {value!r}")
    else:
        element.text = _text(value)


def _xml_form(data: dict[str, Any]) -> bytes:
    """The lawgov XML document of JSON-shaped data; ValueError if XML cannot hold a text."""
    root = etree.Element(NS + "report", nsmap={None: _xml.NAMESPACE})
    root.set("version", data["version"])
    root.set(XML_LANG, "zh-CN")
    body = {key: value for key, value in data.items() if key not in ("format", "version")}
    _fill(root, lawgov.Report, body)
    document: bytes = etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    return document


# What the reader takes as an integer (the XSD's Integer pattern, after xs:integer's whitespace
# collapse); any other text is not an integer, whatever it looks like.
_INTEGER_TEXT = re.compile(_xml.INTEGER_PATTERN)


def _as_read(cls: type | None, data: dict[str, Any]) -> dict[str, Any]:
    """The JSON-shaped document the XML form of ``data`` stands for.

    What XML cannot say is lost, and nothing else:

    * element text carries no JSON type: ``7`` for a title is the text "7", the string "2020"
      for a year is the integer 2020;
    * XML has no null: a field that is None has no element, so it stands for None where the
      field may be None (even where JSON requires the member) and for an absent member
      elsewhere (its default, or a missing required field);
    * an empty element is the empty text and the object without fields alike.
    """
    specs = field_specs(cls) if cls is not None else ()
    read: dict[str, Any] = {spec.name: None for spec in specs if spec.optional and spec.required}
    by_name = {spec.name: spec for spec in specs}
    for key, value in data.items():
        spec = by_name.get(key)
        if spec is None:
            read[key] = value  # an unknown member, refused by both schemas whatever it holds
        elif value is None:
            if spec.optional:
                read[key] = None
        elif spec.many and type(value) is list:
            read[key] = [_read_value(spec.kind, spec.target, item) for item in value]
        else:
            read[key] = _read_value(spec.kind, spec.target, value)
    return read


def _read_value(kind: str, target: Any, value: object) -> object:
    if value is None or value == {} or (kind == "model" and value == ""):
        return {} if kind == "model" else ""  # an empty element (an item that is None too)
    if type(value) is dict:
        return _as_read(target if kind == "model" else None, value)
    if kind == "int" and type(value) is int:
        return value
    text = _text(value)
    if kind == "int" and _INTEGER_TEXT.fullmatch(text.strip(" \t\n\r")):
        return int(text)
    return text


# The rules the schemas state (types, shape and limits); the other rules are lawgov's alone, and
# both schemas accept a document that breaks only one of them.
_SCHEMA_RULES = frozenset(
    {
        "type",
        "missing_field",
        "unknown_field",
        "naive_datetime",
        "non_finite",
        "decimal_range",
        "integer_range",
        "text_size",
    }
)
# Where the JSON document and its XML form are not the same document (see _as_read).
_TYPED_ONLY_IN_JSON = frozenset({"type", "missing_field"})


def _valid_documents() -> st.SearchStrategy[tuple[dict[str, Any], str | None]]:
    return reports(max_depth=2, max_sections=2, max_measures=2).map(
        lambda report: (lawgov.to_dict(report), None)
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_valid_documents(), invalid_reports()))
def test_the_xsd_and_the_json_schema_accept_and_refuse_alike(
    case: tuple[dict[str, Any], str | None],
) -> None:
    data, rule = case
    json_valid = _JSON_SCHEMA.is_valid(data)
    assert json_valid == (rule not in _SCHEMA_RULES), rule
    if rule == "unwritable_character":
        # XML 1.0 cannot carry the character (a C0 control, U+FFFE, U+FFFF), so the document has
        # no XML form at all: lxml refuses it as to_xml does. JSON writes it as an escape, and
        # the JSON Schema (which does not look inside texts) accepts it; lawgov refuses it.
        with pytest.raises(ValueError, match="XML compatible"):
            _xml_form(data)
        return
    document = _xml_form(data)
    if rule is None:
        assert document == lawgov.to_xml(lawgov.from_dict(data))
    xsd_valid = _XSD.validate(etree.fromstring(document))
    read = _as_read(lawgov.Report, data)
    if rule not in _TYPED_ONLY_IN_JSON:
        assert read == data  # the XML form stands for this very document
    # The XSD judges what the XML form stands for exactly as the JSON Schema judges it.
    assert xsd_valid == _JSON_SCHEMA.is_valid(read), (rule, _XSD.error_log.last_error)


# Odd values for any field, at and beyond every limit and pattern the schemas state.
_ODD_SCALARS = (
    None,
    "",
    " 7 ",
    "x" * 101,
    0,
    -1,
    1.5,
    "01",
    "0" * 18 + "1",
    limits.MAX_INTEGER,
    limits.MAX_INTEGER + 1,
    -limits.MAX_INTEGER,
    -limits.MAX_INTEGER - 1,
    "9" * limits.MAX_DECIMAL_LENGTH,
    "9" * (limits.MAX_DECIMAL_LENGTH + 1),
    "1E+999",
    "-1.50E-999",
    "1E+1000",
    "1e5",
    "1.",
    "-0",
    ".5",
    "NaN",
    "2021-02-26",
    "2021-2-26",
    "2021-02-26T16:14:00+08:00",
    "2021-02-26T16:14:00.123456Z",
    "2021-02-26T16:14:00",
    "2021-02-26 16:14:00+08:00",
    "exact",
    "EXACT",
    "other",
    "granted",
    "reclaimed",
)


def _objects(cls: type, data: dict[str, Any]) -> list[tuple[type, dict[str, Any]]]:
    found = [(cls, data)]
    for spec in field_specs(cls):
        value = data.get(spec.name)
        if spec.kind != "model" or value is None:
            continue
        for item in value if spec.many else [value]:
            found += _objects(spec.target, item)
    return found


@st.composite
def _mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid report's document with one field of one object deleted or set to an odd value."""
    data = lawgov.to_dict(draw(reports(max_depth=2, max_sections=2, max_measures=2)))
    body = {key: value for key, value in data.items() if key not in ("format", "version")}
    cls, node = draw(st.sampled_from(_objects(lawgov.Report, body)))
    spec = draw(st.sampled_from(field_specs(cls)))
    # A list or an object only where the field holds one: elsewhere XML would show it as the
    # empty text (an empty object) or not at all, which no JSON value stands for.
    odd: list[object] = list(_ODD_SCALARS)
    if spec.many:
        odd += [[], [None], ["x"], [{}], [1]]
    if spec.kind == "model":
        odd += [{}, {"name": "x"}]
    if draw(st.booleans()):
        node.pop(spec.name, None)
    else:
        node[spec.name] = draw(st.sampled_from(odd))
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated_documents())
def test_the_schemas_agree_on_odd_values_anywhere(data: dict[str, Any]) -> None:
    document = _xml_form(data)
    read = _as_read(lawgov.Report, data)
    assert _XSD.validate(etree.fromstring(document)) == _JSON_SCHEMA.is_valid(read), (
        _XSD.error_log.last_error
    )


def test_what_only_json_can_say_wrongly() -> None:
    # The two cases _as_read stands for: a JSON type an element's text does not carry, and a
    # required member that XML writes as no element when None.
    data = lawgov.to_dict(
        lawgov.Report(
            title="标题",
            issuer=lawgov.Agency(name="区科技局"),
            year=2020,
            citations=(
                lawgov.Citation(
                    document_number=lawgov.DocumentNumber(issuer_code="江府", year=None, serial=1)
                ),
            ),
        )
    )
    typed = {**data, "year": "2020"}
    assert not _JSON_SCHEMA.is_valid(typed)
    assert _xml_form(typed) == _xml_form(data)
    number = data["citations"][0]["document_number"]
    del number["year"]
    assert not _JSON_SCHEMA.is_valid(data)
    assert _XSD.validate(etree.fromstring(_xml_form(data)))
    assert lawgov.from_xml(_xml_form(data)).citations[0].document_number is not None
