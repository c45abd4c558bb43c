"""lawgov.tables: the rows of the four fact tables, and every export read back by a real reader.

pandas and pyarrow (the ``tables`` extra, part of ``dev``) read what lawgov wrote: CSV with
``pandas.read_csv``, Parquet with ``pandas.read_parquet`` and ``pyarrow.parquet``; the types
(exact decimals, zoned timestamps, nullable integers) must come back intact.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pendulum
import pytest
from click.testing import CliRunner

import lawgov
import lawgov.samples
from lawgov import (
    Agency,
    ChangeKind,
    Citation,
    DelegatedPower,
    DocumentNumber,
    Measure,
    Metric,
    PowerChange,
    Qualifier,
    Report,
    Section,
    SectionKind,
)
from lawgov import tables as t
from lawgov.cli import cli

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

DOCS = Path(__file__).resolve().parent.parent / "docs" / "tables.md"
CHINA = pendulum.FixedTimezone(8 * 3600)


def _report(title: str = "某区测试局2023年法治政府建设年度报告") -> Report:
    """A small report with a fact of every kind at every depth (fictional)."""
    return Report(
        title=title,
        issuer=Agency(name="某区测试局"),
        year=2023,
        published=pendulum.datetime(2024, 3, 1, 9, 30, tz=CHINA),
        url="https://example.invalid/report",
        metrics=[Metric(value=Decimal("4.27"), unit="万户", text="4.27万户", name="市场主体")],
        sections=[
            Section(
                number=1,
                title="主要举措和成效",
                kind=SectionKind.MEASURES_AND_RESULTS,
                paragraphs=["第一段。"],
                metrics=[Metric(value=Decimal("1500"), unit="万元", text="1500万元")],
                citations=[Citation(title="中华人民共和国行政许可法")],
                measures=[
                    Measure(
                        number=1,
                        title="一是",
                        text="一是",
                        metrics=[
                            Metric(
                                value=Decimal("20"),
                                unit="次",
                                text="20余次",
                                qualifier=Qualifier.APPROXIMATELY,
                            )
                        ],
                        submeasures=[
                            Measure(
                                number=1,
                                title="子",
                                text="子",
                                citations=[
                                    Citation(
                                        document_number=DocumentNumber(
                                            issuer_code="某府办", year=None, serial=3
                                        )
                                    )
                                ],
                            )
                        ],
                    )
                ],
                subsections=[
                    Section(
                        number=1,
                        title="承接权力",
                        delegated_powers=[
                            DelegatedPower(
                                grantor=Agency(name="某市测试局"),
                                grantee=Agency(name="某区测试局"),
                                count=23,
                                basis=Citation(
                                    title="关于赋权的通知",
                                    document_number=DocumentNumber(
                                        issuer_code="某府", year=2017, serial=16
                                    ),
                                ),
                                changes=[
                                    PowerChange(
                                        kind=ChangeKind.TRANSFERRED,
                                        count=3,
                                        recipient=Agency(name="某区行政审批局"),
                                    ),
                                    PowerChange(kind=ChangeKind.CANCELLED, count=1),
                                ],
                            )
                        ],
                    )
                ],
            ),
            Section(number=2, title="存在的不足", kind=SectionKind.SHORTCOMINGS),
        ],
    )


def _resolve(report: Report, path: str) -> Any:
    """The object at a validation-style path (``sections[0].measures[1].metrics[0]``)."""
    node: Any = report
    for name, index in re.findall(r"(\w+)\[(\d+)\]", path):
        node = getattr(node, name)[int(index)]
    return node


@pytest.fixture(scope="module")
def report() -> Report:
    return _report()


@pytest.fixture(scope="module")
def sample() -> Report:
    return lawgov.samples.load("jianghai-kjj-2020")


# --- rows -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "facts"),
    [
        ("metrics", Report.iter_metrics),
        ("citations", Report.iter_citations),
        ("powers", Report.iter_delegated_powers),
        ("sections", Report.iter_sections),
    ],
)
@pytest.mark.parametrize("which", ["report", "sample"])
def test_every_fact_has_one_row_in_document_order_and_its_path_finds_it(
    table: t.TableName, facts: Any, which: str, request: pytest.FixtureRequest
) -> None:
    report: Report = request.getfixturevalue(which)
    rows = list(t.rows(table, report))
    assert [_resolve(report, row["path"]) for row in rows] == list(facts(report))
    assert rows, "the fixture has facts of every kind"
    for row in rows:
        assert list(row) == [column.name for column in t.SCHEMAS[table]]


def test_metric_rows_carry_identity_section_and_exact_values(report: Report) -> None:
    rows = list(t.metric_rows(report))
    first, second, third = rows
    assert first["path"] == "metrics[0]"
    assert (first["section"], first["kind"], first["name"]) == (None, None, "市场主体")
    assert (first["value"], first["base_value"], first["base_unit"]) == (
        Decimal("4.27"),
        Decimal("42700"),
        "户",
    )
    assert second["section"] == "sections[0]"
    assert second["kind"] == "measures_and_results"
    assert third["path"] == "sections[0].measures[0].metrics[0]"
    assert third["qualifier"] == "approximately"
    assert first["title"] == report.title
    assert first["issuer"] == "某区测试局"
    assert first["year"] == 2023
    assert first["published"] == report.published
    assert first["url"] == report.url


def test_power_rows_give_changes_and_what_remains(report: Report) -> None:
    (row,) = t.power_rows(report)
    assert row["path"] == "sections[0].subsections[0].delegated_powers[0]"
    assert row["section"] == "sections[0].subsections[0]"
    assert (row["count"], row["moved"], row["cancelled"], row["reclaimed"]) == (23, 3, 1, 0)
    assert (row["transferred"], row["remaining"]) == (4, 19)
    assert row["recipients"] == "某区行政审批局"
    assert row["changes"] == "transferred 3 to 某区行政审批局; cancelled 1"
    assert row["basis_document_number"] == "某府〔2017〕16号"
    assert row["basis_title"] == "关于赋权的通知"
    assert (row["grantor"], row["grantee"], row["mode"]) == (
        "某市测试局",
        "某区测试局",
        "delegated",
    )


def test_citation_rows_split_the_document_number(report: Report) -> None:
    law, number = t.citation_rows(report)
    assert law["citation_title"] == "中华人民共和国行政许可法"
    assert law["document_number"] is None
    assert number["path"] == "sections[0].measures[0].submeasures[0].citations[0]"
    assert number["citation_title"] is None
    assert (number["issuer_code"], number["document_year"], number["serial"]) == ("某府办", None, 3)


def test_section_rows_count_their_own_facts(report: Report) -> None:
    top, sub, second = t.section_rows(report)
    assert (top["depth"], sub["depth"], second["depth"]) == (1, 2, 1)
    assert top["measures"] == 2  # a measure and its sub-measure
    assert (top["metrics"], top["citations"], top["subsections"]) == (2, 2, 1)
    assert (top["paragraphs"], top["delegated_powers"]) == (1, 0)
    assert sub["delegated_powers"] == 1
    assert second["kind"] == "shortcomings"
    assert second["section_title"] == "存在的不足"


def test_many_reports_are_numbered_and_read_lazily(report: Report) -> None:
    def reports() -> Iterator[Report]:
        yield report
        yield _report("第二份报告")
        raise AssertionError("read past what was asked for")

    rows = t.section_rows(reports())
    taken = [next(rows) for _ in range(4)]  # three from the first report, one from the second
    assert [row["report"] for row in taken] == [0, 0, 0, 1]
    assert taken[3]["title"] == "第二份报告"


def test_refuses_unknown_tables_and_non_reports(report: Report) -> None:
    with pytest.raises(t.TableError, match="unknown table 'facts'"):
        t.rows("facts", report)  # type: ignore[arg-type]
    with pytest.raises(t.TableError, match=r"expected lawgov\.Report"):
        list(t.metric_rows([report, "not a report"]))  # type: ignore[list-item]
    assert issubclass(t.TableError, lawgov.LawgovError)
    assert issubclass(t.TableError, ValueError)


# --- CSV and JSON Lines -----------------------------------------------------------------------


def test_csv_reads_back_with_pandas_as_exact_text(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "metrics.csv"
    assert t.write_csv("metrics", report, path) == 3
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(frame.columns) == [c.name for c in t.SCHEMAS["metrics"]]
    assert list(frame["value"]) == ["4.27", "1500", "20"]
    assert list(frame["base_value"]) == ["42700", "15000000", "20"]
    assert frame["published"][0] == "2024-03-01T09:30:00+08:00"
    assert list(frame["section"]) == ["", "sections[0]", "sections[0]"]
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_excel_csv_starts_with_a_byte_order_mark(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "powers.csv"
    t.write_csv("powers", report, path, excel=True)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfreport,title,")
    assert b"\r\n" in data
    frame = pd.read_csv(path, encoding="utf-8-sig")
    assert frame.columns[0] == "report"
    assert int(frame["remaining"][0]) == 19


def test_csv_to_a_handle(report: Report) -> None:
    buffer = io.StringIO(newline="")
    t.write_csv("citations", report, buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert rows[1]["document_number"] == "某府办〔〕3号"
    assert rows[1]["document_year"] == ""


def test_jsonl_numbers_decimal_strings_and_nulls(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "metrics.jsonl"
    assert t.write("metrics", report, path) == 3
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    first = records[0]
    assert first["report"] == 0
    assert first["year"] == 2023
    assert first["value"] == "4.27"
    assert first["section"] is None
    assert first["published"] == "2024-03-01T09:30:00+08:00"
    (power,) = (json.loads(line) for line in _jsonl(t.power_rows, report))
    assert power["count"] == 23
    assert power["name"] is None


def _jsonl(rows: Any, report: Report) -> list[str]:
    buffer = io.StringIO()
    t.write_jsonl("powers", report, buffer)
    return buffer.getvalue().splitlines()


def test_write_refuses_unknown_suffixes(report: Report, tmp_path: Path) -> None:
    with pytest.raises(t.TableError, match=r"unknown table format '\.xlsx'"):
        t.write("metrics", report, tmp_path / "metrics.xlsx")
    assert not (tmp_path / "metrics.xlsx").exists()


# --- Arrow, Parquet, pandas -------------------------------------------------------------------


def test_arrow_schema_types_and_descriptions() -> None:
    schema = t.arrow_schema("metrics")
    assert schema.field("value").type == pa.decimal128(38, 6)
    assert schema.field("published").type == pa.timestamp("us", tz="+08:00")
    assert schema.field("year").type == pa.int64()
    assert not schema.field("text").nullable
    assert (
        schema.field("name").metadata[b"description"].decode()
        == "What is counted, when the report says so."
    )
    assert t.arrow_schema("metrics", decimals="string").field("value").type == pa.string()


def test_parquet_reads_back_with_pyarrow_and_pandas_types_intact(
    report: Report, sample: Report, tmp_path: Path
) -> None:
    path = tmp_path / "metrics.parquet"
    assert t.write_parquet("metrics", [report, sample], path) == 3 + len(
        list(sample.iter_metrics())
    )
    read = pq.read_table(path)
    assert read.schema.equals(t.arrow_schema("metrics"), check_metadata=False)
    assert read.equals(t.to_arrow("metrics", [report, sample]))

    frame = pd.read_parquet(path)
    assert frame["value"][0] == Decimal("4.27")
    assert isinstance(frame["value"][0], Decimal)
    assert frame["base_value"][1] == Decimal("15000000")
    published = frame["published"][0]
    assert published.tzinfo is not None
    assert published.to_pydatetime() == report.published
    assert str(published.tz) == "UTC+08:00"
    assert frame["name"][0] == "市场主体"
    assert pd.isna(frame["name"][1])
    assert frame["report"].tolist()[-1] == 1


def test_parquet_powers_integers_stay_integers(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "citations.parquet"
    t.write("citations", report, path)
    frame = pd.read_parquet(path, dtype_backend="numpy_nullable")
    assert str(frame["document_year"].dtype) == "Int64"
    assert pd.isna(frame["document_year"][1])
    assert frame["serial"][1] == 3


def test_to_pandas_types(report: Report) -> None:
    frame = t.to_pandas("citations", report)
    assert str(frame["document_year"].dtype) == "Int64"  # nulls do not turn integers into floats
    assert str(frame["published"].dtype) == "datetime64[us, UTC+08:00]"
    frame = t.to_pandas("metrics", report, decimals="string")
    assert frame["value"].tolist() == ["4.27", "1500", "20"]


def test_a_decimal_that_does_not_fit_is_refused_not_rounded(tmp_path: Path) -> None:
    fine = Report(
        title="报告",
        issuer=Agency(name="某局"),
        year=2023,
        metrics=[Metric(value=Decimal("0.1234567"), unit="%", text="0.1234567%")],
    )
    with pytest.raises(t.TableError, match=r"metrics\[0\]: value 0.1234567 does not fit"):
        t.to_arrow("metrics", fine)
    path = tmp_path / "m.parquet"
    t.write_parquet("metrics", fine, path, decimals="string")
    assert pq.read_table(path).column("value").to_pylist() == ["0.1234567"]


def test_an_empty_input_gives_an_empty_typed_table(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    assert t.write_parquet("powers", [], path) == 0
    read = pq.read_table(path)
    assert read.num_rows == 0
    assert read.schema.field("count").type == pa.int64()


# --- the documentation ------------------------------------------------------------------------


@pytest.mark.parametrize("table", t.TABLES)
def test_the_docs_list_every_column_with_its_type(table: t.TableName) -> None:
    text = DOCS.read_text(encoding="utf-8")
    part = text.split(f"### {table}\n", 1)[1].split("\n### ", 1)[0]
    documented = re.findall(r"^\| `(\w+)` \| (\w+) \|", part, flags=re.MULTILINE)
    own = [(c.name, c.type) for c in t.SCHEMAS[table] if c.name not in _IDENTITY]
    assert documented == own
    identity = text.split("### Every table\n", 1)[1].split("\n### ", 1)[0]
    assert re.findall(r"^\| `(\w+)` \| (\w+) \|", identity, flags=re.MULTILINE) == [
        (c.name, c.type) for c in t.SCHEMAS["metrics"] if c.name in _IDENTITY
    ]


_IDENTITY = {"report", "title", "issuer", "year", "published", "url", "path"}


# --- the command line -------------------------------------------------------------------------


def _run(*args: str | Path) -> Any:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_cli_table_writes_parquet_from_text_and_json(tmp_path: Path, sample: Report) -> None:
    text = lawgov.samples.path("jianghai-kjj-2020", "txt")
    out = tmp_path / "out" / "powers.parquet"
    result = _run("table", "powers", text, lawgov.samples.path("jianghai-kjj-2020"), "-o", out)
    assert result.exit_code == 0, result.output
    assert "powers 2 from 2 reports, failed 0" in result.stderr
    frame = pd.read_parquet(out)
    assert frame["remaining"].tolist() == [20, 20]
    assert frame["count"].tolist() == [23, 23]


def test_cli_table_csv_on_stdout_and_failures(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = _run(
        "table",
        "sections",
        lawgov.samples.path("jianghai-kjj-2020"),
        bad,
        tmp_path / "nothing.json",
    )
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["path"] for row in rows][:2] == ["sections[0]", "sections[0].subsections[0]"]
    assert "bad.json" in result.stderr
    assert "failed 2" in result.stderr


def test_cli_table_refuses_unknown_suffixes_and_tables(tmp_path: Path) -> None:
    sample = lawgov.samples.path("jianghai-kjj-2020")
    result = _run("table", "metrics", sample, "-o", tmp_path / "x.xlsx")
    assert result.exit_code == 2
    assert "unknown table format" in result.stderr
    assert _run("table", "facts", sample).exit_code == 2


def test_cli_table_never_overwrites_without_force(tmp_path: Path) -> None:
    sample = lawgov.samples.path("jianghai-kjj-2020")
    out = tmp_path / "m.jsonl"
    out.write_text("keep", encoding="utf-8")
    assert _run("table", "metrics", sample, "-o", out).exit_code == 1
    assert out.read_text(encoding="utf-8") == "keep"
    assert _run("table", "metrics", sample, "-o", out, "--force").exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["unit"] == "次"
