"""The shared converter, the schemas and files: dicts, json_schema, xml_schema, read/write."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import lawgov
from lawgov._errors import Problem
from lawgov._formats import convert as _convert
from lawgov._formats import schemas as _schemas
from lawgov._formats import xml as _xml
from lawgov._model import rules
from lawgov.testing import reports

XS = "{http://www.w3.org/2001/XMLSchema}"


def _report() -> lawgov.Report:
    return lawgov.Report(
        title="区科技局2020年法治政府建设年度报告",
        issuer=lawgov.Agency(name="区科技局"),
        year=2020,
        published=pendulum.datetime(2021, 2, 26, 16, 14, tz="Asia/Shanghai"),
        sections=(
            lawgov.Section(
                number=1,
                title="主要举措和成效",
                measures=(
                    lawgov.Measure(
                        number=1,
                        title="一是",
                        text="一是投入1500万元。",
                        metrics=(
                            lawgov.Metric(value=Decimal("1500"), unit="万元", text="1500万元"),
                        ),
                    ),
                ),
            ),
        ),
    )


# --- to_dict / from_dict -------------------------------------------------------------------


def test_dict_round_trip() -> None:
    data = lawgov.to_dict(_report())
    assert data["format"] == "lawgov-report"
    assert data["sections"][0]["measures"][0]["metrics"][0]["value"] == "1500"
    assert lawgov.from_dict(data) == _report()
    assert json.loads(json.dumps(data)) == data  # JSON-ready: only JSON types


@pytest.mark.parametrize("data", [None, [], "report", 3])
def test_from_dict_wants_an_object(data: object) -> None:
    with pytest.raises(lawgov.FormatError, match="expected an object at the root"):
        lawgov.from_dict(data)


def test_from_dict_refuses_python_values_json_cannot_hold() -> None:
    data = lawgov.to_dict(_report())
    data["preamble"] = ("元组",)
    data["sections"][0]["measures"][0]["metrics"][0]["value"] = Decimal("1500")
    with pytest.raises(lawgov.ValidationError) as caught:
        lawgov.from_dict(data, source="memory")
    assert [str(p) for p in caught.value.problems] == [
        "preamble: expected an array, got tuple",
        "sections[0].measures[0].metrics[0].value: expected a decimal string such as "
        '"1500" or "99.6", got Decimal',
    ]
    assert caught.value.source == "memory"


def test_problems_below_a_reported_path_are_not_repeated() -> None:
    first = [Problem(path="sections[0]", message="expected an object, got string", rule="type")]
    then = [
        Problem(path="sections[0]", message="expected Section, got str", rule="type"),
        Problem(path="sections[0].number", message="x", rule="numbering"),
        Problem(path="sections[1].number", message="y", rule="numbering"),
        Problem(path="sections[01]", message="z", rule="type"),
    ]
    assert _convert.merge_problems(first, then) == [first[0], then[3], then[2]]


def test_problems_come_in_document_order() -> None:
    paths = ["notes[0]", "sections[1].title", "year", "sections[0].zzz", "sections[0].number", ""]
    problems = [Problem(path=path, message="m", rule="type") for path in paths]
    ordered = [p.path for p in _convert.merge_problems(problems, [])]
    assert ordered == [
        "",
        "year",
        "sections[0].number",
        "sections[0].zzz",
        "sections[1].title",
        "notes[0]",
    ]


SCALARS = [
    (_convert.parse_decimal, "1500", Decimal("1500")),
    (_convert.parse_decimal, "99.60", Decimal("99.60")),
    (_convert.parse_decimal, "1E+3", Decimal("1E+3")),
    (_convert.parse_decimal, "-0.5", Decimal("-0.5")),
    (_convert.parse_decimal, "01", None),
    (_convert.parse_decimal, "1.", None),
    (_convert.parse_decimal, ".5", None),
    (_convert.parse_decimal, "1e3", None),
    (_convert.parse_decimal, "Infinity", None),
    (_convert.parse_decimal, "1" * 101, None),
    (_convert.parse_iso_date, "2021-02-28", pendulum.date(2021, 2, 28)),
    (_convert.parse_iso_date, "2021-02-29", None),
    (_convert.parse_iso_date, "2021-2-28", None),
    (
        _convert.parse_iso_datetime,
        "2021-02-26T16:14:00+08:00",
        pendulum.datetime(2021, 2, 26, 8, 14),
    ),
    (_convert.parse_iso_datetime, "2021-02-26T08:14:00Z", pendulum.datetime(2021, 2, 26, 8, 14)),
    (_convert.parse_iso_datetime, "2021-02-26T16:14:00.5+08:00", None),  # checked below
    (_convert.parse_iso_datetime, "2021-02-26T16:14+08:00", None),
    (_convert.parse_iso_datetime, "2021-02-26T16:14:00+24:00", None),
    (_convert.parse_iso_datetime, "2021-02-26 16:14:00+08:00", None),
]


@pytest.mark.parametrize(("parse", "text", "expected"), SCALARS)
def test_scalar_parsers(parse: Any, text: str, expected: object) -> None:
    result = parse(text)
    if text.endswith(".5+08:00"):
        assert result.microsecond == 500_000
        assert result.utcoffset().total_seconds() == 8 * 3600
    else:
        assert result == expected
        if isinstance(expected, Decimal):
            assert str(result) == text  # exact digits and exponent kept


def test_offsets_are_kept() -> None:
    parsed = _convert.parse_iso_datetime("2021-02-26T16:14:00-05:30")
    assert parsed is not None
    assert parsed.isoformat() == "2021-02-26T16:14:00-05:30"
    naive = _convert.parse_iso_datetime("2021-02-26T16:14:00")
    assert naive is not None
    assert naive.tzinfo is None


# --- JSON Schema -------------------------------------------------------------------------------


def test_shipped_json_schema_equals_the_generated_one() -> None:
    shipped = (Path(lawgov.__file__).parent / "schemas" / "report.schema.json").read_text("utf-8")
    assert shipped == _schemas.render_json_schema()
    assert lawgov.json_schema() == _schemas.generate_json_schema()


def test_json_schema_covers_every_model_field() -> None:
    schema = lawgov.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for cls in _convert.model_classes():
        node = schema if cls is lawgov.Report else schema["$defs"][cls.__name__]
        fields = [field.name for field in attrs.fields(cls)]
        assert [name for name in node["properties"] if name not in ("format", "version")] == fields


def test_json_schema_accepts_what_lawgov_writes_and_refuses_coercible_values() -> None:
    validator = jsonschema.Draft202012Validator(
        lawgov.json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    doc = json.loads(lawgov.to_json(_report()))
    validator.validate(doc)
    doc["sections"][0]["measures"][0]["metrics"][0]["value"] = 1500
    doc["year"] = "2020"
    doc["extra"] = 1
    assert len(list(validator.iter_errors(doc))) == 3


def test_json_schema_is_a_fresh_dict() -> None:
    lawgov.json_schema()["title"] = "changed"
    assert lawgov.json_schema()["title"] == "lawgov report"


# --- XSD ---------------------------------------------------------------------------------------


def test_xsd_declares_every_model_field_in_order() -> None:
    root = etree.fromstring(lawgov.xml_schema())
    types = {node.get("name"): node for node in root.iter(f"{XS}complexType")}
    for cls in _convert.model_classes():
        declared = [el.get("name") for el in types[cls.__name__].iter(f"{XS}element")]
        specs = _convert.field_specs(cls)
        assert declared == [_xml.element_name(spec.name) for spec in specs], cls.__name__
        for spec, element in zip(specs, types[cls.__name__].iter(f"{XS}element"), strict=True):
            optional = element.get("minOccurs") == "0"
            assert optional == (spec.optional or spec.many or not spec.required), spec.name


def test_xsd_enumerations_match_the_enums() -> None:
    root = etree.fromstring(lawgov.xml_schema())
    for enum_cls in (lawgov.SectionKind, lawgov.Qualifier, lawgov.PowerMode, lawgov.ChangeKind):
        node = root.find(f"{XS}simpleType[@name='{enum_cls.__name__}']")
        assert node is not None
        values = [item.get("value") for item in node.iter(f"{XS}enumeration")]
        assert values == [member.value for member in enum_cls]


# --- files -------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".xml", ".JSON"])
def test_write_then_read(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"report{suffix}"
    lawgov.write(_report(), path)
    assert lawgov.read(path) == _report()
    with pytest.raises(lawgov.OutputExistsError):  # the policy of write_reports and --force
        lawgov.write(_report(), path)
    lawgov.write(attrs.evolve(_report(), year=2021, published=None), str(path), force=True)
    assert lawgov.read(str(path)).year == 2021
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_written_files_are_the_format_functions_output(tmp_path: Path) -> None:
    lawgov.write(_report(), tmp_path / "r.json")
    lawgov.write(_report(), tmp_path / "r.xml")
    assert (tmp_path / "r.json").read_text("utf-8") == lawgov.to_json(_report())
    assert (tmp_path / "r.xml").read_bytes() == lawgov.to_xml(_report())


def test_file_errors_carry_the_path(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": "lawgov-report", "version": "1.0", "title": 1}', "utf-8")
    with pytest.raises(lawgov.ValidationError) as caught:
        lawgov.read(path)
    assert caught.value.source == str(path)
    bad = tmp_path / "broken.xml"
    bad.write_text("<report", "utf-8")
    with pytest.raises(lawgov.FormatError) as refused:
        lawgov.read(bad)
    assert refused.value.source == str(bad)
    assert str(refused.value).startswith(str(bad))


def test_unknown_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(lawgov.FormatError, match=r"\.json or \.xml"):
        lawgov.write(_report(), tmp_path / "report.yaml")
    with pytest.raises(lawgov.FormatError, match=r"\.json or \.xml"):
        lawgov.read(tmp_path / "report.txt")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "report.xml"
    lawgov.write(_report(), path)
    before = path.read_bytes()
    with rules.unchecked():  # a report the XML writer refuses half way
        unwritable = attrs.evolve(_report(), notes=("\x00",))
    with pytest.raises(lawgov.FormatError) as caught:
        lawgov.write(unwritable, path, force=True)
    assert caught.value.source == str(path)
    assert path.read_bytes() == before


# --- the fast pass agrees with the rules ---------------------------------------------------------


def test_fast_pass_checks_every_rule() -> None:
    # A rule added to lawgov.RULES must be checked by the fast pass too (see _convert._RULE_LINES).
    assert set(lawgov.RULES) == _convert.FAST_RULES


def _leaf_paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_leaf_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_leaf_paths(value, (*prefix, index)))
    if prefix:
        found.append(prefix)
    return found


# Values at the edges of the rules: blank text, years around the range, negative and zero counts,
# percentages over 100, naive and early datetimes, numbers out of order.
_EDGES = st.sampled_from(
    [
        "",
        " ",
        "\u3000",
        "x",
        "%",
        "江府",
        "abc",
        0,
        1,
        2,
        -1,
        1948,
        1949,
        2019,
        2020,
        9999,
        None,
        "0",
        "-0",
        "-1",
        "100",
        "100.0",
        "101",
        "1E+3",
        "increase",
        "decrease",
        "exact",
        "2019-12-31T23:59:59+08:00",
        "2020-01-01T00:00:00+08:00",
        "2020-01-01T00:30:00+09:00",
        "2020-01-01T00:00:00",
        "1948-12-31",
        "2020-06-01",
        [],
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(max_depth=2), st.data())
def test_fast_pass_accepts_exactly_what_the_rules_accept(
    report: lawgov.Report, data: st.DataObject
) -> None:
    body = lawgov.to_dict(report)
    del body["format"], body["version"]
    paths = _leaf_paths(body)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        target: Any = body
        try:
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = data.draw(_EDGES)
        except (KeyError, IndexError, TypeError):
            continue
    problems = _convert.collect(body, lenient=False)
    try:
        fast = _convert._STRUCTURE["Report"](body, 0)
    except (_convert._InvalidError, TypeError, ValueError, ArithmeticError):
        fast = None
    if fast is not None:
        assert problems == [], "the fast pass accepted what the rules refuse"
        assert lawgov.to_dict(fast) == lawgov.to_dict(lawgov.from_dict(lawgov.to_dict(fast)))
    loaded: lawgov.Report | None
    try:
        loaded = lawgov.from_dict({"format": "lawgov-report", "version": "1.0", **body})
    except lawgov.ValidationError:
        loaded = None
    assert (loaded is None) == bool(problems)
    if fast is not None:
        assert loaded == fast


# --- member_bound: the duplicate-name count behind the orjson and msgspec readers --------------


@pytest.mark.parametrize(
    ("text", "root_texts", "bound"),
    [
        ('{"a": 1, "b": {"c": 2}}', [], 3),  # one colon per member name
        ('{"a" : 1, "b"\n:\n2}', [], 2),  # whitespace around colons changes nothing
        ('{"a": "x:y", "b": {"c": "1:2:3"}}', ["x:y"], 5),  # root colons out, deeper ones in
        # A root colon written as an escape is not in the count: \u003a (either case) gives up.
        ('{"a": "x\\u003ay", "b": 1}', ["x:y"], None),
        ('{"a": "x\\u003Ay", "b": 1}', ["x:y"], None),
        # Escapes that spell no colon change no count, with root colons as well.
        ('{"a": "x:y\\n", "b": 1}', ["x:y\n"], 2),
        ('{"a": "16:14", "b": {"c": "\\"q\\""}}', ["16:14"], 3),
        ('{"a": "x\\n", "b": 1}', ["x\n"], 2),  # a backslash, but no root colon to count out
        ('{"a": ["p:q", "r"], "b": null}', [["p:q", "r"], None], 2),
    ],
)
def test_member_bound(text: str, root_texts: list[object], bound: int | None) -> None:
    assert _convert.member_bound(text, root_texts) == bound
    assert _convert.member_bound(text.encode(), root_texts) == bound
