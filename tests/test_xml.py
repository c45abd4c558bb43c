"""The XML format: document shape, XSD, None vs empty, strict loading, hostile input."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import lawgov
from lawgov._formats import convert as _convert
from lawgov._formats import json as _json
from lawgov._formats import xml as _xml
from lawgov._model import rules
from lawgov.testing import reports

NS = "urn:lawgov:report:1"


def _report() -> lawgov.Report:
    return lawgov.Report(
        title="区科技局2020年法治政府建设年度报告",
        issuer=lawgov.Agency(name="区科技局"),
        year=2020,
        published=pendulum.datetime(2021, 2, 26, 16, 14, tz="Asia/Shanghai"),
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
                        text="一是扶持企业608家，投入1500万元。",
                        metrics=(
                            lawgov.Metric(value=Decimal("608"), unit="家", text="608家"),
                            lawgov.Metric(value=Decimal("1.50E+3"), unit="万元", text="1500万元"),
                        ),
                        citations=(
                            lawgov.Citation(
                                title="中华人民共和国行政许可法",
                                document_number=lawgov.DocumentNumber(
                                    issuer_code="江府", year=None, serial=16
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )


def _xml_text() -> str:
    return lawgov.to_xml(_report()).decode("utf-8")


def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.fromstring(lawgov.xml_schema()))


def test_document_shape() -> None:
    data = lawgov.to_xml(_report())
    assert data.startswith(
        b"<?xml version='1.0' encoding='UTF-8'?>\n<report xmlns=\"" + NS.encode()
    )
    root = etree.fromstring(data)
    assert root.tag == f"{{{NS}}}report"
    assert root.get("version") == "1.0"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-CN"
    names = [etree.QName(child).localname for child in root]
    assert names == ["title", "issuer", "year", "published", "preamble", "sections"]
    ns = {"r": NS}
    assert root.findtext("r:published", namespaces=ns) == "2021-02-26T16:14:00+08:00"
    assert root.xpath("//r:metric/r:value/text()", namespaces=ns) == ["608", "1.50E+3"]
    assert root.xpath("//r:preamble/r:p/text()", namespaces=ns) == [
        "2020年，区科技局坚持依法行政。"
    ]
    # A None year inside the document number is an absent element.
    assert root.xpath("//r:document-number/*", namespaces=ns)[1].tag == f"{{{NS}}}serial"
    assert "区科技局" in data.decode("utf-8")  # Chinese as characters, not references


def test_output_is_deterministic_valid_and_round_trips() -> None:
    report = _report()
    data = lawgov.to_xml(report)
    assert lawgov.to_xml(report) == data
    assert _schema().validate(etree.fromstring(data))
    back = lawgov.from_xml(data)
    assert back == report
    assert lawgov.to_xml(back) == data


def test_json_to_xml_to_json_is_byte_identical() -> None:
    text = lawgov.to_json(_report())
    assert lawgov.to_json(lawgov.from_xml(lawgov.to_xml(lawgov.from_json(text)))) == text


def test_none_and_empty_text_stay_distinct() -> None:
    # The model refuses empty text, so the distinction is checked at the format level.
    ns = {"r": NS}
    data = lawgov.to_xml(attrs.evolve(_report(), source="本网"))
    root = etree.fromstring(data)
    assert root.find("r:source", ns).text == "本网"
    assert root.find("r:url", ns) is None
    empty = data.replace("<source>本网</source>".encode(), b"<source></source>")
    with pytest.raises(lawgov.ValidationError) as caught:
        lawgov.from_xml(empty)
    assert [(p.path, p.rule) for p in caught.value.problems] == [("source", "empty_text")]


def test_awkward_text_survives() -> None:
    notes = ("a & b < c > d", "行一\r\n行二\n", "  前后空格  ", "]]> 与 \"' 和 \t")
    report = attrs.evolve(_report(), notes=notes)
    assert lawgov.from_xml(lawgov.to_xml(report)).notes == notes


def test_text_xml_cannot_carry_is_refused_by_the_model_and_by_the_writer() -> None:
    with pytest.raises(lawgov.ValidationError, match="U\\+0007"):
        attrs.evolve(_report(), notes=("bell \x07",))
    with rules.unchecked():
        unwritable = attrs.evolve(_report(), notes=("bell \x07",))
    with pytest.raises(lawgov.FormatError, match="XML"):
        lawgov.to_xml(unwritable)


@pytest.mark.parametrize(
    "text", ["a & b < c > d", "行一\r\n行二\n", "&amp;\r", "\t]]>\"'", "\u3000全角", "plain"]
)
def test_escape_writes_what_lxml_writes(text: str) -> None:
    element = etree.Element("t")
    element.text = text
    assert f"<t>{_xml.escape(text)}</t>".encode() == etree.tostring(element, encoding="UTF-8")


@pytest.mark.parametrize(
    "char", [*map(chr, [*range(9), 11, 12, *range(14, 32)]), "\ufffe", "\uffff"]
)
def test_each_character_xml_cannot_carry_is_named_by_the_writer(char: str) -> None:
    with rules.unchecked():
        unwritable = attrs.evolve(_report(), notes=("好", f"a&b{char}", "\x01"))
    with pytest.raises(lawgov.FormatError, match=f"U\\+{ord(char):04X} is not allowed"):
        lawgov.to_xml(unwritable)


def test_a_lone_surrogate_is_refused_by_the_writer() -> None:
    with rules.unchecked():
        unwritable = attrs.evolve(_report(), notes=("\ud800",))
    with pytest.raises(lawgov.FormatError, match="lone surrogate"):
        lawgov.to_xml(unwritable)


def test_str_input_with_its_own_declaration_works() -> None:
    text = _xml_text()
    assert text.startswith("<?xml version='1.0' encoding='UTF-8'?>")
    assert lawgov.from_xml(text) == _report()
    double_quoted = text.replace("'1.0' encoding='UTF-8'", '"1.0" encoding="utf-8"', 1)
    assert lawgov.from_xml(double_quoted) == _report()


def test_comments_are_ignored() -> None:
    text = _xml_text().replace("<title>区科技局", "<!-- 注释 --><title>区科技局", 1)
    assert lawgov.from_xml(text) == _report()


def _problems(text: str) -> list[tuple[str, str]]:
    with pytest.raises(lawgov.ValidationError) as caught:
        lawgov.from_xml(text)
    return [(p.path, p.rule) for p in caught.value.problems]


def test_bad_values_are_validation_errors_with_paths() -> None:
    text = (
        _xml_text()
        .replace("<year>2020</year>", "<year>二〇二〇</year>")
        .replace("<value>608</value>", "<value>-608</value>")
        .replace("<qualifier>exact</qualifier>", "<qualifier>exactly</qualifier>", 1)
        .replace("<number>1</number>", "<number>2</number>", 1)
    )
    # In document order: by field order of the model, whichever check found the problem.
    assert _problems(text) == [
        ("year", "type"),
        ("sections[0].number", "numbering"),
        ("sections[0].measures[0].metrics[0].value", "negative_value"),
        ("sections[0].measures[0].metrics[0].qualifier", "type"),
    ]


def test_unknown_and_repeated_elements_are_problems() -> None:
    text = (
        _xml_text()
        .replace("<title>主要举措和成效</title>", "<title>主要举措和成效</title><foo>1</foo>")
        .replace("<unit>家</unit>", "<unit>家</unit><unit>家</unit>")
    )
    # Unknown fields come after the known fields of their object.
    assert _problems(text) == [
        ("sections[0].measures[0].metrics[0].unit", "type"),
        ("sections[0].foo", "unknown_field"),
    ]


def test_missing_required_element_is_reported() -> None:
    text = _xml_text().replace("<unit>家</unit>", "")
    assert _problems(text) == [("sections[0].measures[0].metrics[0].unit", "missing_field")]


def test_structure_only_the_xsd_refuses_is_a_format_error() -> None:
    # Elements out of order: every value is fine, the document is not.
    text = _xml_text().replace(
        "<unit>家</unit>\n              <text>608家</text>",
        "<text>608家</text>\n              <unit>家</unit>",
    )
    with pytest.raises(lawgov.FormatError, match="line"):
        lawgov.from_xml(text)


def test_newer_minor_version_is_read_and_unknown_elements_ignored() -> None:
    text = (
        _xml_text()
        .replace('version="1.0"', 'version="1.3"')
        .replace("<title>主要举措和成效</title>", "<title>主要举措和成效</title><page>3</page>")
    )
    assert lawgov.from_xml(text) == _report()


@pytest.mark.parametrize("version", ["2.0", "0.1", "x"])
def test_other_versions_are_refused(version: str) -> None:
    with pytest.raises(lawgov.FormatError, match="version"):
        lawgov.from_xml(_xml_text().replace('version="1.0"', f'version="{version}"'))


def test_missing_version_is_refused() -> None:
    with pytest.raises(lawgov.FormatError, match="version"):
        lawgov.from_xml(_xml_text().replace(' version="1.0"', ""))


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<report xmlns="urn:lawgov:report:1" version="1.0"><title>&lol9;</title></report>"""

EXTERNAL_ENTITY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE report [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<report xmlns="urn:lawgov:report:1" version="1.0"><title>&xxe;</title></report>"""

EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE report SYSTEM "http://example.com/report.dtd">
<report xmlns="urn:lawgov:report:1" version="1.0"/>"""

HOSTILE = [
    (BILLION_LAUGHS, "DOCTYPE"),
    (EXTERNAL_ENTITY, "DOCTYPE"),
    (EXTERNAL_DTD, "DOCTYPE"),
    ("", "well-formed"),
    ("<report", "well-formed"),
    ("not xml", "well-formed"),
    ('<report xmlns="urn:lawgov:report:1" version="1.0"><title>x</titel></report>', "well-formed"),
    ('<report xmlns="urn:lawgov:report:1" version="1.0">&undefined;</report>', "well-formed"),
    ('<doc xmlns="urn:lawgov:report:1" version="1.0"/>', "<report> root"),
    ('<report version="1.0"/>', "in no namespace"),
    ('<report xmlns="urn:lawgov:report:2" version="1.0"/>', "urn:lawgov:report:2"),
    ('<?xml version="1.0" encoding="GBK"?><report/>', "encoding 'GBK'"),
]


@pytest.mark.parametrize(("text", "message"), HOSTILE)
def test_hostile_and_malformed_input_is_a_format_error(text: str, message: str) -> None:
    with pytest.raises(lawgov.FormatError, match=message):
        lawgov.from_xml(text)
    with pytest.raises(lawgov.FormatError, match=message):
        lawgov.from_xml(text.encode("utf-8"))


def test_external_entity_is_not_resolved_even_past_the_byte_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The parser itself must hold too, should the DOCTYPE pre-check ever be bypassed.
    monkeypatch.setattr(_xml, "_REFUSED", ())
    with pytest.raises(lawgov.LawgovError) as caught:
        lawgov.from_xml(EXTERNAL_ENTITY)
    assert "root:" not in str(caught.value)
    with pytest.raises(lawgov.FormatError, match="DTD"):
        lawgov.from_xml(BILLION_LAUGHS)


def test_wrong_encodings_are_refused() -> None:
    text = _xml_text()
    with pytest.raises(lawgov.FormatError, match="UTF-16"):
        lawgov.from_xml(text.replace("UTF-8", "UTF-16").encode("utf-16"))
    undeclared_gbk = text.replace("<?xml version='1.0' encoding='UTF-8'?>", "").encode("gb18030")
    with pytest.raises(lawgov.FormatError, match="well-formed"):
        lawgov.from_xml(undeclared_gbk)


def test_input_size_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    data = lawgov.to_xml(_report())
    monkeypatch.setattr(_xml, "MAX_INPUT_BYTES", len(data) - 1)
    with pytest.raises(lawgov.FormatError, match="exceeds"):
        lawgov.from_xml(data)


def test_deep_nesting_is_refused() -> None:
    deep = "<sections><section><number>1</number><title>深</title>" * 300
    deep += "</section></sections>" * 300
    text = f'<report xmlns="{NS}" version="1.0"><title>t</title>{deep}</report>'
    with pytest.raises(lawgov.FormatError):
        lawgov.from_xml(text)


def test_max_input_is_shared_with_json() -> None:
    assert _xml.MAX_INPUT_BYTES == _json.MAX_INPUT_BYTES == 32 * 1024 * 1024


def test_threads_read_alike() -> None:
    from concurrent.futures import ThreadPoolExecutor

    good = lawgov.to_xml(_report())
    bad = _xml_text().replace("<year>2020</year>", "<year>x</year>").encode()

    def load(data: bytes) -> str:
        try:
            return "ok" if lawgov.from_xml(data) == _report() else "wrong"
        except lawgov.ValidationError as error:
            return error.problems[0].path

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(load, [good, bad] * 20))
    assert results == ["ok", "year"] * 20


# --- the fast reader agrees with the rules -------------------------------------------------

# Texts at the edges of the types and rules; None empties the element.
_EDGES = st.sampled_from(
    [
        None,
        " ",
        "\u3000",
        "x",
        "%",
        "江府",
        "0",
        "-0",
        "-1",
        "1",
        " 2 ",
        "1948",
        "2020",
        "9999",
        "9007199254740992",
        "100",
        "100.0",
        "101",
        "1E+3",
        "1E-2",
        "0.00000001",
        "increase",
        "exact",
        "2019-12-31T23:59:59+08:00",
        "2020-01-01T00:30:00+09:00",
        "2020-02-30T00:00:00+08:00",
        "1948-12-31",
        "2020-06-01",
        "a\tb",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(max_depth=2), st.data())
def test_fast_reader_accepts_exactly_what_the_slow_reader_accepts(
    report: lawgov.Report, data: st.DataObject
) -> None:
    root = etree.fromstring(lawgov.to_xml(report))
    leaves = [element for element in root.iter() if len(element) == 0]
    changes = data.draw(st.integers(0, 3))
    for _ in range(changes):
        data.draw(st.sampled_from(leaves)).text = data.draw(_EDGES)
    if not _xml._xsd().validate(root):
        return  # the fast reader only ever sees XSD-valid trees
    _convert._refresh_max_year()
    try:
        fast = _xml._read_report(root, 0)
    except _xml._GAVE_UP:
        fast = None
    if not changes:
        # What the writer wrote, the fast reader reads (the slow one would too, only slowly).
        assert fast == report
    problems: list[lawgov.Problem] = []
    body = _xml._slow_object(lawgov.Report, root, "", problems, False)
    problems = _convert.merge_problems(problems, _convert.collect(body, lenient=False))
    if fast is not None:
        assert problems == [], "the fast reader accepted what the rules refuse"
        assert lawgov.from_dict({"format": "lawgov-report", "version": "1.0", **body}) == fast
    loaded: lawgov.Report | None
    try:
        loaded = lawgov.from_xml(etree.tostring(root))
    except lawgov.ValidationError:
        loaded = None
    assert (loaded is None) == bool(problems)
    if fast is not None:
        assert loaded == fast


def test_fast_reader_reads_what_the_writer_writes() -> None:
    root = etree.fromstring(lawgov.to_xml(_report()))
    assert _xml._read_report(root, 0) == _report()
