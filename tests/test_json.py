"""The JSON format: document shape, determinism, strict loading, version rule, I-JSON limits."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lawgov
from lawgov import testing
from lawgov._formats import json as _json
from lawgov._formats import msgspec as _msgspec
from lawgov._model import rules


def _report() -> lawgov.Report:
    return lawgov.Report(
        title="区科技局2020年法治政府建设年度报告",
        issuer=lawgov.Agency(name="区科技局"),
        year=2020,
        published=pendulum.datetime(2021, 2, 26, 16, 14, tz="Asia/Shanghai"),
        source="本网",
        disclosure=lawgov.Disclosure(written=pendulum.date(2021, 2, 20)),
        preamble=("2020年，区科技局坚持依法行政。",),
        sections=(
            lawgov.Section(
                number=1,
                title="主要举措和成效",
                kind=lawgov.SectionKind.MEASURES_AND_RESULTS,
                measures=(
                    lawgov.Measure(
                        number=1,
                        title="一是扶持企业",
                        text="一是扶持企业，共608家，投入1500万元，占比99.60%。",
                        metrics=(
                            lawgov.Metric(value=Decimal("608"), unit="家", text="608家"),
                            lawgov.Metric(value=Decimal("1500"), unit="万元", text="1500万元"),
                            lawgov.Metric(value=Decimal("99.60"), unit="%", text="99.60%"),
                        ),
                    ),
                ),
                delegated_powers=(
                    lawgov.DelegatedPower(
                        count=23,
                        mode=lawgov.PowerMode.DELEGATED_AND_ENTRUSTED,
                        basis=lawgov.Citation(
                            document_number=lawgov.DocumentNumber.parse("江府〔2017〕16号")
                        ),
                        changes=(
                            lawgov.PowerChange(
                                kind=lawgov.ChangeKind.TRANSFERRED,
                                count=3,
                                recipient=lawgov.Agency(name="区市场监管局"),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )


def _doc() -> dict[str, Any]:
    return lawgov.to_dict(_report())


def _load(doc: dict[str, Any]) -> lawgov.Report:
    return lawgov.from_json(json.dumps(doc, ensure_ascii=False))


def _problems(doc: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(lawgov.ValidationError) as caught:
        _load(doc)
    return [(p.path, p.rule) for p in caught.value.problems]


# --- writing ---------------------------------------------------------------------------------


def test_document_starts_with_format_and_version_then_fields_in_model_order() -> None:
    doc = json.loads(lawgov.to_json(_report()))
    names = [field.name for field in attrs.fields(lawgov.Report)]
    assert list(doc) == ["format", "version", *names]
    assert doc["format"] == "lawgov-report"
    assert doc["version"] == lawgov.FORMAT_VERSION == "1.0"
    metric = doc["sections"][0]["measures"][0]["metrics"][0]
    assert list(metric) == [field.name for field in attrs.fields(lawgov.Metric)]


def test_values_are_written_in_their_documented_forms() -> None:
    text = lawgov.to_json(_report())
    doc = json.loads(text)
    assert doc["published"] == "2021-02-26T16:14:00+08:00"
    assert doc["disclosure"]["written"] == "2021-02-20"
    assert doc["url"] is None  # every field present, None as null
    assert doc["disclosure"]["topic"] is None
    metrics = doc["sections"][0]["measures"][0]["metrics"]
    assert [m["value"] for m in metrics] == ["608", "1500", "99.60"]  # exact digits, as strings
    assert metrics[0]["qualifier"] == "exact"
    assert doc["sections"][0]["kind"] == "measures_and_results"
    assert doc["sections"][0]["paragraphs"] == []
    assert "区科技局" in text  # Chinese unescaped
    assert text.startswith('{\n  "format": "lawgov-report",\n  "version": "1.0",\n')
    assert text.endswith("}\n")


def test_output_is_deterministic_and_round_trips() -> None:
    report = _report()
    first = lawgov.to_json(report)
    assert lawgov.to_json(lawgov.from_json(first)) == first
    assert lawgov.from_json(first) == report
    assert lawgov.from_json(first.encode("utf-8")) == report


def test_stdlib_and_orjson_writers_give_identical_text(monkeypatch: pytest.MonkeyPatch) -> None:
    report = attrs.evolve(_report(), notes=('控制字符\t、\r、\x7f、\u2028 与 "引号" \\ </p>',))
    fast = lawgov.to_json(report)
    monkeypatch.setattr(_json, "_orjson", None)
    assert lawgov.to_json(report) == fast


@pytest.mark.parametrize("orjson", [True, False])
def test_writing_refuses_what_i_json_cannot_carry(
    monkeypatch: pytest.MonkeyPatch, *, orjson: bool
) -> None:
    if not orjson:
        monkeypatch.setattr(_json, "_orjson", None)
    # An integer beyond I-JSON's range is refused at construction (integer_range); one built
    # without checks is still refused by the writer.
    with pytest.raises(lawgov.ValidationError) as caught:
        attrs.evolve(_report(), views=2**60)
    assert caught.value.problems[0].rule == "integer_range"
    with rules.unchecked(), pytest.raises(lawgov.FormatError):
        lawgov.to_json(attrs.evolve(_report(), views=2**60))
    # A valid report holds no lone surrogate (unwritable_character); one built without checks
    # is still refused by the writer.
    with pytest.raises(lawgov.ValidationError):
        attrs.evolve(_report(), notes=("\ud800",))
    with rules.unchecked():
        unwritable = attrs.evolve(_report(), notes=("\ud800",))
    with pytest.raises(lawgov.FormatError):
        lawgov.to_json(unwritable)


def test_writing_something_else_than_a_report_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        lawgov.to_json({"title": "x"})  # type: ignore[arg-type]


# --- strict loading ----------------------------------------------------------------------------


def _set(doc: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return doc


_METRIC = ("sections", 0, "measures", 0, "metrics", 0)

# The coercions cattrs' default hooks perform silently; each must be refused with its path.
COERCIONS = [
    (("title",), None, "title"),
    (("title",), 3, "title"),
    (("year",), "2020", "year"),
    (("year",), 2020.0, "year"),
    (("year",), True, "year"),
    (("views",), 3.7, "views"),
    (("source",), 1, "source"),
    (("preamble",), "ab", "preamble"),
    (("preamble",), [1], "preamble[0]"),
    (("sections", 0, "number"), "1", "sections[0].number"),
    (("sections", 0, "kind"), "measures", "sections[0].kind"),
    (("sections", 0, "paragraphs"), None, "sections[0].paragraphs"),
    ((*_METRIC, "value"), 608, "sections[0].measures[0].metrics[0].value"),
    ((*_METRIC, "value"), 608.0, "sections[0].measures[0].metrics[0].value"),
    ((*_METRIC, "value"), "6.08e2", "sections[0].measures[0].metrics[0].value"),
    ((*_METRIC, "value"), " 608", "sections[0].measures[0].metrics[0].value"),
    ((*_METRIC, "qualifier"), "EXACT", "sections[0].measures[0].metrics[0].qualifier"),
    (("published",), "2021-02-26 16:14", "published"),
    (("published",), 1614327240, "published"),
    (("disclosure", "written"), "2021-02-30", "disclosure.written"),
    (("issuer",), "区科技局", "issuer"),
    (("issuer",), {"name": None}, "issuer.name"),
]


@pytest.mark.parametrize(("path", "value", "where"), COERCIONS)
def test_no_coercion(path: tuple[Any, ...], value: Any, where: str) -> None:
    problems = _problems(_set(_doc(), path, value))
    assert problems == [(where, "type")]


def test_unknown_fields_are_problems_with_their_path() -> None:
    doc = _doc()
    doc["sections"][0]["foo"] = 1
    doc["sections"][0]["measures"][0]["metrics"][1]["bar"] = None
    with pytest.raises(lawgov.ValidationError) as caught:
        _load(doc)
    # Unknown fields come after the known fields of their object (document order).
    assert [str(p) for p in caught.value.problems] == [
        "sections[0].measures[0].metrics[1].bar: unknown field",
        "sections[0].foo: unknown field",
    ]


def test_missing_required_field_is_reported() -> None:
    doc = _doc()
    del doc["sections"][0]["title"]
    assert _problems(doc) == [("sections[0].title", "missing_field")]


def test_missing_optional_fields_take_their_defaults() -> None:
    doc = _doc()
    del doc["url"], doc["notes"], doc["sections"][0]["kind"]
    report = _load(doc)
    assert report.url is None
    assert report.notes == ()
    assert report.sections[0].kind is lawgov.SectionKind.OTHER


def test_every_problem_of_a_broken_report_is_listed_with_its_path() -> None:
    doc = _doc()
    doc["year"] = 1900  # bad year
    doc["published"] = "2021-02-26T16:14:00"  # naive
    doc["sections"][0]["number"] = 2  # broken numbering
    metrics = doc["sections"][0]["measures"][0]["metrics"]
    metrics[1]["value"] = "-1500"  # negative metric
    metrics[2]["value"] = 99.6  # a float where an exact decimal belongs
    doc["sections"][0]["delegated_powers"][0]["changes"][0]["count"] = 30  # more than 23
    doc["sections"][0]["measures"][0]["title"] = " "
    with pytest.raises(lawgov.ValidationError) as caught:
        _load(doc)
    found = {(p.path, p.rule) for p in caught.value.problems}
    assert found == {
        ("year", "year_range"),
        ("published", "naive_datetime"),
        ("sections[0].number", "numbering"),
        ("sections[0].measures[0].title", "empty_text"),
        ("sections[0].measures[0].metrics[1].value", "negative_value"),
        ("sections[0].measures[0].metrics[2].value", "type"),
        ("sections[0].delegated_powers[0].changes", "changes_exceed_count"),
    }
    assert len(caught.value.problems) == len(found)


def test_errors_carry_the_source() -> None:
    doc = _set(_doc(), ("year",), "x")
    with pytest.raises(lawgov.ValidationError) as caught:
        lawgov.from_json(json.dumps(doc), source="a.json")
    assert caught.value.source == "a.json"
    assert str(caught.value).startswith("a.json: 1 validation problem")
    with pytest.raises(lawgov.FormatError) as bad:
        lawgov.from_json("{", source="b.json")
    assert bad.value.source == "b.json"


# --- versions ----------------------------------------------------------------------------------


def test_newer_minor_version_is_read_and_unknown_fields_ignored() -> None:
    doc = _doc()
    doc["version"] = "1.7"
    doc["language"] = "zh-CN"
    doc["sections"][0]["measures"][0]["metrics"][0]["source_page"] = 3
    assert _load(doc) == _report()


def test_newer_minor_version_still_checks_known_fields() -> None:
    doc = _set(_doc(), ("year",), "2020")
    doc["version"] = "1.1"
    assert _problems(doc) == [("year", "type")]


@pytest.mark.parametrize("version", ["2.0", "0.9", "1", "1.0.0", 1.0, None, "v1.0"])
def test_other_versions_are_refused(version: object) -> None:
    doc = _set(_doc(), ("version",), version)
    with pytest.raises(lawgov.FormatError, match="version"):
        _load(doc)


@pytest.mark.parametrize("name", ["lawgov", None, "LAWGOV-REPORT"])
def test_a_document_of_another_format_is_refused(name: object) -> None:
    with pytest.raises(lawgov.FormatError, match="lawgov report"):
        _load(_set(_doc(), ("format",), name))


# --- malformed input and I-JSON --------------------------------------------------------------

MALFORMED = [
    ("", "expected JSON"),
    ("{", "expected JSON"),
    ("[]", "expected an object at the root, got array"),
    ("null", "expected an object at the root, got null"),
    ('{"format": "lawgov-report", "format": "lawgov-report"}', "duplicate member name 'format'"),
    ('{"a": NaN}', "NaN"),
    ('{"a": Infinity}', "Infinity"),
    ('{"a": -Infinity}', "Infinity"),
    ('{"a": "\\ud800"}', "lone surrogate"),
    ('{"a": ["\\udc00x"]}', "lone surrogate"),
    ('{"a": 9007199254740993}', "outside"),
    ('{"a": ' + "9" * 5000 + "}", "outside"),
    ('{"a": 1e999}', "out of range"),
    ('{"a": 1' + "0" * 500 + ".0}", "out of range"),
    ("[" * 100_000 + "]" * 100_000, "nesting"),
]


@pytest.mark.parametrize(("text", "message"), MALFORMED)
def test_malformed_input_is_a_format_error(text: str, message: str) -> None:
    with pytest.raises(lawgov.FormatError, match=message):
        lawgov.from_json(text)


def test_a_surrogate_pair_escape_is_fine() -> None:
    doc = _set(_doc(), ("notes",), ["😀"])
    text = json.dumps(doc, ensure_ascii=True)
    assert "\\ud83d\\ude00" in text
    assert lawgov.from_json(text).notes == ("😀",)


def test_bytes_must_be_utf8() -> None:
    text = lawgov.to_json(_report())
    with pytest.raises(lawgov.FormatError, match="UTF-8"):
        lawgov.from_json(text.encode("gb18030"))
    with pytest.raises(lawgov.FormatError, match="UTF-8"):
        lawgov.from_json(text.encode("utf-16"))
    assert lawgov.from_json(b"\xef\xbb\xbf" + text.encode()) == _report()


def test_input_size_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    text = lawgov.to_json(_report())
    monkeypatch.setattr(_json, "MAX_INPUT_BYTES", len(text.encode()) - 1)
    with pytest.raises(lawgov.FormatError, match="exceeds"):
        lawgov.from_json(text.encode())
    with pytest.raises(lawgov.FormatError, match="exceeds"):
        lawgov.from_json(" " * len(text.encode()))


def test_wrong_input_type_is_a_format_error() -> None:
    with pytest.raises(lawgov.FormatError, match="str or bytes"):
        lawgov.from_json(123)  # type: ignore[arg-type]


def test_sections_nest_at_most_max_depth() -> None:
    section: dict[str, Any] = {"number": 1, "title": "深"}
    for _ in range(40):
        section = {"number": 1, "title": "深", "subsections": [section]}
    doc = _doc()
    doc["sections"] = [section]
    # The model's nesting_depth rule, read as any other rule: a ValidationError with its path.
    with pytest.raises(lawgov.ValidationError, match="nesting deeper than 32") as caught:
        _load(doc)
    assert [p.rule for p in caught.value.problems] == ["nesting_depth"]
    assert caught.value.path == "sections[0]" + ".subsections[0]" * 32


# --- the msgspec, orjson and standard library readers agree ----------------------------------


@pytest.fixture(params=["msgspec", "orjson", "stdlib"])
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    # Each reader is what from_json uses when the packages after it are not installed.
    if request.param != "msgspec":
        monkeypatch.setattr(_msgspec, "_msgspec", None)
    if request.param == "stdlib":
        monkeypatch.setattr(_json, "_orjson", None)
    return str(request.param)


def test_duplicate_member_deep_inside_is_refused(reader: str) -> None:
    text = lawgov.to_json(_report()).replace('"unit": "家",', '"unit": "家",\n"unit": "家",', 1)
    with pytest.raises(lawgov.FormatError, match="duplicate member name 'unit'"):
        lawgov.from_json(text)
    with pytest.raises(lawgov.FormatError, match="duplicate member name 'unit'"):
        lawgov.from_json(text.encode())


@pytest.mark.parametrize(
    "edit",
    [
        # A space before one colon and a repeated name: the counts of '":' balance, of ':' not.
        lambda text: text.replace('"unit": "家",', '"unit" : "家",\n"unit": "家",', 1),
        # A repeated name and a root text whose colon is written as an escape.
        lambda text: text.replace('"source": "本网"', '"source": "本网\\u003a"').replace(
            '"unit": "家",', '"unit": "家",\n"unit": "家",', 1
        ),
    ],
)
def test_a_repeated_member_is_refused_however_the_colons_are_written(
    reader: str, edit: Any
) -> None:
    text = edit(lawgov.to_json(_report()))
    with pytest.raises(lawgov.FormatError, match="duplicate member name 'unit'"):
        lawgov.from_json(text)
    with pytest.raises(lawgov.FormatError, match="duplicate member name 'unit'"):
        lawgov.from_json(text.encode())


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text.replace('": ', '" : '),  # space before the colons
        lambda text: text.replace('"本网"', '"本网\\": 转载"'),  # a quote and colon in a string
        lambda text: json.dumps(json.loads(text), ensure_ascii=True),  # escapes, other layout
        lambda text: json.dumps(dict(reversed(json.loads(text).items()))),  # another order
    ],
)
def test_unusual_but_valid_layouts_load_alike(reader: str, edit: Any) -> None:
    text = edit(lawgov.to_json(_report()))
    report = lawgov.from_json(text)
    assert lawgov.from_json(text.encode()) == report
    assert report.sections == _report().sections


def test_i_json_refusals_hold_on_both_readers(reader: str) -> None:
    for text, message in MALFORMED:
        with pytest.raises(lawgov.FormatError, match=message):
            lawgov.from_json(text)


def test_integers_beyond_i_json_inside_a_document(reader: str) -> None:
    text = lawgov.to_json(_report()).replace('"year": 2020', '"year": 9007199254740993')
    with pytest.raises(lawgov.FormatError, match="outside"):
        lawgov.from_json(text)


# --- the msgspec fast path and the strict path agree (differential) ---------------------------


@contextlib.contextmanager
def _without_msgspec() -> Iterator[None]:
    # A context manager, not the monkeypatch fixture: Hypothesis runs many examples per test.
    saved = _msgspec._msgspec
    _msgspec._msgspec = None
    try:
        yield
    finally:
        _msgspec._msgspec = saved


def _outcome(text: str) -> tuple[str, Any]:
    """What from_json makes of ``text``: the report, or the error with everything it says."""
    try:
        return "report", lawgov.from_json(text)
    except lawgov.ValidationError as error:
        return "invalid", [(p.path, p.message, p.rule) for p in error.problems]
    except lawgov.FormatError as error:
        return "malformed", str(error)


def _colons_below_the_root(data: Any, depth: int = 0) -> int:
    """The ``:`` inside strings of nested objects (the fast path only counts out the root's)."""
    if isinstance(data, str):
        return data.count(":") if depth > 1 else 0
    if isinstance(data, dict):
        return sum(_colons_below_the_root(value, depth + 1) for value in data.values())
    if isinstance(data, list):
        return sum(_colons_below_the_root(item, depth) for item in data)
    return 0


@settings(max_examples=150, deadline=None)
@given(st.one_of(testing.reports(), testing.reports(text="ascii")))
def test_msgspec_path_reads_valid_documents_as_the_strict_path_does(
    report: lawgov.Report,
) -> None:
    assert _msgspec.available()
    text = lawgov.to_json(report)
    fast = _msgspec.load(text)
    # Only colons inside deeper strings (or escapes beside colons in the report's own) make the
    # path step aside, to the strict path.
    if _colons_below_the_root(json.loads(text)) == 0 and "\\" not in text:
        assert fast is not None
    assert fast is None or fast == report
    assert _msgspec.load(text.encode()) == fast
    with _without_msgspec():
        strict = _outcome(text)
    assert _outcome(text) == strict == ("report", report)


@settings(max_examples=300, deadline=None)
@given(st.one_of(testing.invalid_reports(), testing.invalid_reports(text="ascii")))
def test_msgspec_path_refuses_what_the_strict_path_refuses(case: tuple[Any, str]) -> None:
    data, _ = case
    text = json.dumps(data, ensure_ascii=False)
    assert _msgspec.load(text) is None
    with _without_msgspec():
        strict = _outcome(text)
    assert strict[0] != "report"
    assert _outcome(text) == strict


@settings(max_examples=150, deadline=None)
@given(testing.reports(max_measures=2), st.data())
def test_a_repeated_member_anywhere_is_refused_by_every_reader(
    report: lawgov.Report, data: st.DataObject
) -> None:
    # One member per line: repeating any line that holds a whole scalar member repeats a name.
    lines = lawgov.to_json(report).splitlines(keepends=True)
    scalar = [i for i, line in enumerate(lines) if re.match(r'\s*"\w+": [^\[{]', line)]
    index = data.draw(st.sampled_from(scalar))
    repeated = lines[index] if lines[index].endswith(",\n") else lines[index][:-1] + ",\n"
    text = "".join([*lines[:index], repeated, *lines[index:]])
    assert _msgspec.load(text) is None
    kind, message = _outcome(text)
    assert kind == "malformed"
    assert "duplicate member name" in message
    with _without_msgspec():
        assert _outcome(text) == (kind, message)


def test_an_escaped_quotation_mark_keeps_the_orjson_reader_counting() -> None:
    # The publication time puts colons in a root text; an escape that spells no colon (\")
    # leaves the count exact, so the orjson reader decides the document without a third parse.
    report = _report()
    assert report.published is not None
    quoted = attrs.evolve(report, title=report.title + '"引号"')
    text = lawgov.to_json(quoted)
    assert '\\"' in text
    assert _msgspec.load(text) is None  # msgspec leaves every escape to the next reader
    assert _json._load_orjson(text, None) == quoted
    repeated = text.replace('"unit": "家",', '"unit": "家",\n"unit": "家",', 1)
    assert _json._load_orjson(repeated, None) is None
    with pytest.raises(lawgov.FormatError, match="duplicate member name 'unit'"):
        lawgov.from_json(repeated)


@pytest.mark.parametrize(
    "edit",
    [
        # A colon-carrying root string, a plain root string and a duplicate: the counts balance
        # only if the root strings' colons were counted out wrongly.
        lambda text: text.replace('"source": "本网"', '"source": "本网:"').replace(
            '"unit": "家",', '"unit": "家",\n"unit": "家",', 1
        ),
        lambda text: text.replace('"title": "一是扶持企业"', '"title": "一是:扶持企业"').replace(
            '"unit": "家",', '"unit": "家",\n"unit": "家",', 1
        ),
    ],
)
def test_colons_in_strings_never_hide_a_repeated_member(edit: Any) -> None:
    text = edit(lawgov.to_json(_report()))
    assert _msgspec.load(text) is None
    with pytest.raises(lawgov.FormatError, match="duplicate member name 'unit'"):
        lawgov.from_json(text)


def test_msgspec_path_steps_aside_for_documents_it_does_not_decide() -> None:
    text = lawgov.to_json(_report())
    assert _msgspec.load(text) == _report()
    doc = _doc()
    del doc["sections"][0]["measures"][0]["metrics"][0]["name"]  # an omitted optional member
    omitted = json.dumps(doc, ensure_ascii=False)
    newer = text.replace('"version": "1.0"', '"version": "1.1"')
    deep = text.replace('"title": "一是扶持企业"', '"title": "一是:扶持企业"')
    tiny = text.replace('"99.60"', '"0.00000001"')  # plain, but not str(Decimal)'s spelling
    for other in (omitted, newer, deep, tiny):
        assert _msgspec.load(other) is None
        assert lawgov.from_json(other).title == _report().title


def test_msgspec_path_leaves_an_unknown_member_below_the_root_to_the_strict_path() -> None:
    # msgspec ignores unknown members of the twins it fills; the member count gives them away.
    doc = _doc()
    doc["sections"][0]["measures"][0]["metrics"][0]["extra"] = "1"
    text = json.dumps(doc, ensure_ascii=False)
    assert _msgspec.load(text) is None
    assert _problems(doc) == [("sections[0].measures[0].metrics[0].extra", "unknown_field")]


def test_msgspec_path_gives_model_objects_throughout() -> None:
    report = _msgspec.load(lawgov.to_json(_report()))
    assert report is not None
    kinds = {type(node) for node in (*report.iter_measures(), *report.iter_metrics())}
    assert kinds == {lawgov.Measure, lawgov.Metric}
    assert all(type(metric.value) is Decimal for metric in report.iter_metrics())


@pytest.mark.parametrize("escape", ["\\u0001", "\\b", "\\f", "\\u001f", "\\ufffe"])
def test_an_escaped_unwritable_character_is_a_rule_problem_for_every_reader(escape: str) -> None:
    text = lawgov.to_json(_report()).replace('"一是扶持企业"', f'"一是扶持{escape}企业"', 1)
    assert _msgspec.load(text) is None
    with pytest.raises(lawgov.ValidationError) as caught:
        lawgov.from_json(text)
    assert [(p.path, p.rule) for p in caught.value.problems] == [
        ("sections[0].measures[0].title", "unwritable_character")
    ]
    with _without_msgspec():
        assert _outcome(text) == _outcome(text.encode())
        assert _outcome(text)[0] != "report"


def test_a_written_out_noncharacter_is_refused_by_every_reader() -> None:
    text = lawgov.to_json(_report()).replace('"一是扶持企业"', '"一是扶持\ufffe企业"', 1)
    assert _msgspec.load(text) is None
    assert _msgspec.load(text.encode()) is None
    for data in (text, text.encode()):
        with pytest.raises(lawgov.ValidationError, match="U\\+FFFE"):
            lawgov.from_json(data)


def test_escapes_of_writable_characters_still_load() -> None:
    text = lawgov.to_json(_report()).replace('"一是扶持企业"', '"一是扶持\\t\\"企业\\u4e00"', 1)
    assert lawgov.from_json(text).sections[0].measures[0].title == '一是扶持\t"企业一'


def test_the_public_bytes_writer_and_input_bound() -> None:
    report = _report()
    assert lawgov.to_json_bytes(report) == lawgov.to_json(report).encode("utf-8")
    assert lawgov.MAX_INPUT_BYTES == _json.MAX_INPUT_BYTES
    with pytest.raises(lawgov.FormatError, match="exceeds"):
        lawgov.from_json(b" " * (lawgov.MAX_INPUT_BYTES + 1))
    with pytest.raises(TypeError):
        lawgov.to_json_bytes("report")  # type: ignore[arg-type]
