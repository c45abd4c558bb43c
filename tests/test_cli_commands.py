"""The ``lawgov`` commands on single files: output, errors, exit codes and the no-data-loss rules.

Run in-process with click's runner (stdout and stderr kept apart); the entry points themselves
(console script, ``python -m lawgov``, shell completion) are run as subprocesses.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pendulum
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from lxml import etree

import lawgov
import lawgov.samples
import lawgov.testing
from lawgov import Report, write_reports
from lawgov.cli import cli

SAMPLE = "jianghai-kjj-2020"


def run(*args: str | Path, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], input=stdin, catch_exceptions=False)


@pytest.fixture(scope="module")
def sample() -> Report:
    return lawgov.samples.load(SAMPLE)


@pytest.fixture(scope="module")
def sample_text() -> str:
    return lawgov.samples.text(SAMPLE)


@pytest.fixture
def sample_json(tmp_path: Path, sample: Report) -> Path:
    path = tmp_path / "report.json"
    path.write_text(lawgov.to_json(sample), encoding="utf-8")
    return path


@pytest.fixture
def invalid_json(tmp_path: Path, sample: Report) -> Path:
    data = lawgov.to_dict(sample)
    data["year"] = 1800
    data["sections"][1]["measures"][0]["number"] = 7
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --- parse ---------------------------------------------------------------------------------


def test_parse_prints_json_on_stdout(tmp_path: Path, sample_text: str) -> None:
    source = tmp_path / "r.txt"
    source.write_text(sample_text, encoding="utf-8")
    result = run("parse", source)
    assert result.exit_code == 0, result.stderr
    # The seed's one damaged span is the parser's one warning: counted on stderr.
    assert result.stderr == f"{source}: 1 warning (--verbose shows them)\n"
    assert lawgov.from_json(result.stdout_bytes) == lawgov.parse_text(sample_text)


@pytest.mark.parametrize(
    ("suffix", "load"), [(".json", lawgov.from_json), (".xml", lawgov.from_xml)]
)
def test_parse_writes_the_format_of_the_suffix(
    tmp_path: Path, sample_text: str, suffix: str, load: object
) -> None:
    source = tmp_path / "r.txt"
    source.write_text(sample_text, encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    result = run("parse", source, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert callable(load)
    assert load(out.read_bytes()) == lawgov.parse_text(sample_text)


def test_parse_reads_stdin_and_writes_xml_with_to(sample_text: str) -> None:
    result = run("parse", "-", "--to", "xml", stdin=sample_text.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    assert lawgov.from_xml(result.stdout_bytes) == lawgov.parse_text(sample_text)


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-16-le", "utf-8-sig"])
def test_parse_detects_legacy_and_utf16_encodings(
    tmp_path: Path, sample_text: str, encoding: str
) -> None:
    source = tmp_path / "r.txt"
    # The sample is traditional script with pinyin and a damaged run; GBK lacks a few of its
    # characters, so the encodable part is used.
    text = sample_text.encode(encoding, errors="ignore").decode(encoding)
    source.write_bytes(text.encode(encoding))
    result = run("parse", source)
    assert result.exit_code == 0, result.stderr
    assert lawgov.from_json(result.stdout_bytes) == lawgov.parse_text(text.removeprefix("\ufeff"))


def test_parse_with_a_wrong_encoding_fails_cleanly(tmp_path: Path, sample_text: str) -> None:
    source = tmp_path / "r.txt"
    source.write_text(sample_text, encoding="utf-8")
    out = tmp_path / "out.json"
    result = run("parse", source, "--encoding", "gbk", "-o", out)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{source}: ")
    assert "--encoding" in result.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [source]


def test_parse_of_text_that_is_no_report(tmp_path: Path) -> None:
    source = tmp_path / "r.txt"
    source.write_text("你好\n", encoding="utf-8")
    result = run("parse", source, "-o", tmp_path / "out.json")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{source}: ")
    assert not (tmp_path / "out.json").exists()


def test_parse_never_overwrites_without_force(tmp_path: Path, sample_text: str) -> None:
    source = tmp_path / "r.txt"
    source.write_text(sample_text, encoding="utf-8")
    out = tmp_path / "out.json"
    out.write_text("keep me", encoding="utf-8")
    result = run("parse", source, "-o", out)
    assert result.exit_code == 1
    assert result.stderr == f"{out}: output exists (use --force / force=True to overwrite)\n"
    assert out.read_text(encoding="utf-8") == "keep me"
    result = run("parse", source, "-o", out, "--force")
    assert result.exit_code == 0
    assert lawgov.from_json(out.read_bytes()).year == 2020


def test_parse_refuses_to_write_over_its_input(tmp_path: Path, sample_text: str) -> None:
    source = tmp_path / "r.json"
    source.write_text(sample_text, encoding="utf-8")
    result = run("parse", source, "-o", source, "--force")
    assert result.exit_code == 2
    assert source.read_text(encoding="utf-8") == sample_text


# --- convert -------------------------------------------------------------------------------


def test_convert_json_to_xml_and_back(tmp_path: Path, sample_json: Path, sample: Report) -> None:
    before = sample_json.read_bytes()
    xml, back = tmp_path / "r.xml", tmp_path / "back.json"
    assert run("convert", sample_json, xml).exit_code == 0
    assert lawgov.from_xml(xml.read_bytes()) == sample
    assert run("convert", xml, back).exit_code == 0
    assert back.read_bytes() == before  # lossless, byte for byte
    assert sample_json.read_bytes() == before  # the input is untouched


def test_convert_stdin_to_stdout(sample_json: Path, sample: Report) -> None:
    result = run("convert", "-", "-", stdin=sample_json.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.startswith(b"<?xml")  # no --to: the other format
    assert lawgov.from_xml(result.stdout_bytes) == sample
    result = run("convert", "-", "-", "--to", "json", stdin=result.stdout_bytes)
    assert lawgov.from_json(result.stdout_bytes) == sample


def test_convert_needs_a_known_output_format(tmp_path: Path, sample_json: Path) -> None:
    result = run("convert", sample_json, tmp_path / "out.yaml")
    assert result.exit_code == 2
    assert "convert writes .json, .xml or .jsonl, not .yaml" in result.stderr
    assert run("convert", sample_json, tmp_path / "out.yaml", "--to", "xml").exit_code == 2
    assert not (tmp_path / "out.yaml").exists()


def test_convert_of_invalid_input_reports_every_problem(tmp_path: Path, invalid_json: Path) -> None:
    out = tmp_path / "out.xml"
    result = run("convert", invalid_json, out)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{invalid_json}: year: year 1800 is outside 1949..{_next_year()}",
        f"{invalid_json}: sections[1].measures[0].number: "
        "expected 1 (numbering runs 1..n at each level), got 7",
    ]
    assert not out.exists()


def _next_year() -> int:
    return pendulum.now("Asia/Shanghai").year + 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "JSON"),
        (b'{"a": 1, "a": 2}', "duplicate"),
        (b"<report/>", "namespace"),
        (b"", ""),
    ],
)
def test_convert_of_malformed_input(tmp_path: Path, content: bytes, message: str) -> None:
    source = tmp_path / ("in.xml" if content.startswith(b"<") else "in.json")
    source.write_bytes(content)
    out = tmp_path / "out.xml"
    result = run("convert", source, out, "--to", "json")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{source}: ")
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not out.exists()


def test_convert_of_text_points_to_parse(tmp_path: Path) -> None:
    source = tmp_path / "r.txt"
    source.write_text("区科技局2020年法治政府建设年度报告", encoding="utf-8")
    result = run("convert", source, tmp_path / "r.json")
    assert result.exit_code == 2
    assert "lawgov parse" in result.stderr


def test_convert_missing_input(tmp_path: Path) -> None:
    result = run("convert", tmp_path / "nothing.json", tmp_path / "out.xml")
    assert result.exit_code == 1
    assert "nothing.json" in result.stderr


def test_convert_a_corpus_between_json_lines_and_a_collection(tmp_path: Path) -> None:
    reports = [lawgov.samples.load(SAMPLE)] * 3
    jsonl = tmp_path / "c.jsonl"
    write_reports(reports, jsonl)
    xml, back = tmp_path / "c.xml", tmp_path / "back.jsonl"
    assert run("convert", jsonl, xml).exit_code == 0
    assert list(lawgov.iter_reports(xml)) == reports
    assert run("convert", xml, back).exit_code == 0
    assert back.read_bytes() == jsonl.read_bytes()
    result = run("convert", xml, tmp_path / "one.json")
    assert result.exit_code == 2
    assert ".jsonl" in result.stderr


# --- validate ------------------------------------------------------------------------------


def test_validate_valid_files(tmp_path: Path, sample_json: Path) -> None:
    xml = tmp_path / "r.xml"
    run("convert", sample_json, xml)
    result = run("validate", sample_json, xml)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "valid 2, invalid 0\n"


def test_validate_prints_every_problem(sample_json: Path, invalid_json: Path) -> None:
    result = run("validate", sample_json, invalid_json, "-q")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{invalid_json}: year: ")
    assert lines[1].startswith(f"{invalid_json}: sections[1].measures[0].number: ")
    assert len(lines) == 2


def test_validate_as_json(sample_json: Path, invalid_json: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    result = run("validate", "--format", "json", sample_json, invalid_json, missing)
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    by_file = {record["file"]: record for record in records}
    assert by_file[str(sample_json)] == {"file": str(sample_json), "valid": True, "problems": []}
    bad = by_file[str(invalid_json)]
    assert not bad["valid"]
    assert [(p["path"], p["rule"]) for p in bad["problems"]] == [
        ("year", "year_range"),
        ("sections[1].measures[0].number", "numbering"),
    ]
    assert by_file[str(missing)]["valid"] is False
    assert result.stderr == "valid 1, invalid 2\n"


def test_validate_a_corpus_names_the_bad_lines(tmp_path: Path, sample: Report) -> None:
    good = json.dumps(lawgov.to_dict(sample), ensure_ascii=False)
    bad = json.dumps(dict(lawgov.to_dict(sample), year=1800), ensure_ascii=False)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(f"{good}\n{bad}\n{good}\n", encoding="utf-8")
    result = run("validate", corpus, "-q")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{corpus}:2: year: year 1800 is outside 1949..{_next_year()}"
    ]


# --- show ----------------------------------------------------------------------------------


def test_show_draws_a_tree(sample_json: Path, sample: Report) -> None:
    result = run("show", sample_json)
    assert result.exit_code == 0
    out = result.stdout
    assert out.splitlines()[0] == sample.title
    assert "\x1b[" not in out  # not a terminal: no colours
    for section in sample.sections:
        assert section.title in out
    assert "├── 一、推进法治政府建设工作" in out
    assert "1500万元  (1500 万元 = 15000000 元)" in out
    assert "cites 《中国共产党章程》" in out
    assert "江门市科技局 → 区科技局" in out
    assert out.splitlines()[-1].endswith("10 metrics, 17 citations")


def test_show_colours_on_request_and_full_text(sample_json: Path, sample: Report) -> None:
    # Wide enough that no line wraps (show wraps to the terminal's width).
    result = CliRunner().invoke(
        cli, ["show", str(sample_json), "--color", "--full"], env={"COLUMNS": "2000"}
    )
    assert "\x1b[" in result.stdout
    assert sample.sections[0].subsections[0].measures[0].text in result.stdout


def test_show_parses_text(tmp_path: Path, sample_text: str) -> None:
    source = tmp_path / "r.txt"
    source.write_text(sample_text, encoding="utf-8")
    result = run("show", source)
    assert result.exit_code == 0
    assert result.stdout.startswith("区科技局2020年法治政府建设年度报告\n")


def test_show_an_invalid_file(invalid_json: Path) -> None:
    result = run("show", invalid_json)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{invalid_json}: year:" in result.stderr


# --- metrics -------------------------------------------------------------------------------


def test_metrics_as_csv(sample_json: Path, sample: Report) -> None:
    result = run("metrics", sample_json)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [
        "report",
        "title",
        "issuer",
        "year",
        "section",
        "name",
        "value",
        "unit",
        "base_value",
        "base_unit",
        "qualifier",
        "text",
    ]
    assert len(rows) == len(list(sample.iter_metrics()))
    assert [row["text"] for row in rows] == [m.text for m in sample.iter_metrics()]
    money = next(row for row in rows if row["text"] == "1500万元")
    assert money["section"] == "二/四是"
    assert (money["value"], money["unit"]) == ("1500", "万元")
    assert (money["base_value"], money["base_unit"]) == ("15000000", "元")
    assert money["report"] == str(sample_json)
    assert money["issuer"] == "区科技局"
    assert money["year"] == "2020"
    first = rows[0]
    assert (first["section"], first["qualifier"]) == ("一/（一）/二是", "at_least")
    assert result.stderr == "metrics 10 from 1 report, failed 0\n"


def test_metrics_to_json_lines_across_a_folder(
    tmp_path: Path, sample_json: Path, invalid_json: Path, sample: Report, sample_text: str
) -> None:
    (tmp_path / "scraped.txt").write_text(sample_text, encoding="utf-8")
    write_reports([sample, sample], tmp_path / "corpus.jsonl")
    out = tmp_path / "out" / "metrics.jsonl"
    out.parent.mkdir()
    result = run("metrics", tmp_path, "-o", out)
    assert result.exit_code == 1  # bad.json
    assert result.stderr.startswith(f"{invalid_json}: year:")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    reports = {row["report"] for row in rows}
    assert reports == {
        f"{tmp_path / 'corpus.jsonl'}:1",
        f"{tmp_path / 'corpus.jsonl'}:2",
        str(sample_json),
        str(tmp_path / "scraped.txt"),
    }
    assert len(rows) == 4 * len(list(sample.iter_metrics()))


def test_metrics_output_is_atomic_and_guarded(tmp_path: Path, sample_json: Path) -> None:
    out = tmp_path / "m.csv"
    out.write_text("old", encoding="utf-8")
    result = run("metrics", sample_json, "-o", out)
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "old"
    assert run("metrics", sample_json, "-o", out, "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("report,title,")
    assert run("metrics", sample_json, "-o", sample_json, "--force").exit_code == 2


# --- schema --------------------------------------------------------------------------------


def test_schema_json() -> None:
    result = run("schema", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == lawgov.json_schema()


def test_schema_xsd(tmp_path: Path) -> None:
    out = tmp_path / "lawgov.xsd"
    assert run("schema", "xsd", "-o", out).exit_code == 0
    root = etree.fromstring(out.read_bytes())
    assert root.tag == "{http://www.w3.org/2001/XMLSchema}schema"
    assert run("schema", "xsd", "-o", out).exit_code == 1
    assert run("schema", "yaml").exit_code == 2


# --- the application -----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["parse", "convert", "validate", "show", "metrics", "schema"])
def test_every_command_has_help_with_examples(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"lawgov {command} " in result.stdout


@pytest.mark.parametrize(
    "args",
    [["nonsense"], ["convert"], ["parse", "--to", "yaml", "x.txt"], ["validate", "--jobs", "0"]],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Usage:" in result.stderr


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert lawgov.__version__ in result.stdout


def _lawgov_script() -> list[str]:
    script = Path(sys.executable).with_name("lawgov")
    return [str(script)] if script.exists() else [sys.executable, "-m", "lawgov"]


def test_python_dash_m_and_the_console_script(sample_json: Path, sample: Report) -> None:
    for command in ([sys.executable, "-m", "lawgov"], _lawgov_script()):
        done = subprocess.run(
            [*command, "convert", str(sample_json), "-"],
            capture_output=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert lawgov.from_xml(done.stdout) == sample


def test_usage_error_exit_code_from_a_real_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lawgov", "convert"], capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 2
    assert done.stdout == b""
    assert b"Missing argument" in done.stderr


def test_shell_completion_script() -> None:
    env = dict(os.environ, _LAWGOV_COMPLETE="bash_source")
    done = subprocess.run(
        _lawgov_script(), capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert done.returncode == 0
    assert "_lawgov_completion" in done.stdout
    env = dict(
        os.environ, _LAWGOV_COMPLETE="bash_complete", COMP_WORDS="lawgov con", COMP_CWORD="1"
    )
    done = subprocess.run(
        _lawgov_script(), capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert "convert" in done.stdout


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(report=lawgov.testing.reports())
def test_any_report_survives_the_command_line(tmp_path: Path, report: Report) -> None:
    data = lawgov.to_json(report).encode("utf-8")
    xml = run("convert", "-", "-", stdin=data)
    assert xml.exit_code == 0, xml.stderr
    back = run("convert", "-", "-", "--to", "json", stdin=xml.stdout_bytes)
    assert back.stdout_bytes == data
    path = tmp_path / "r.json"
    path.write_bytes(data)
    rows = list(csv.DictReader(io.StringIO(run("metrics", path, "-q").stdout)))
    assert [row["text"] for row in rows] == [m.text for m in report.iter_metrics()]
    shown = run("show", path)
    assert shown.exit_code == 0
    assert shown.stdout.startswith(report.title)
    assert run("validate", path, "-q").exit_code == 0


def test_validate_and_metrics_read_xml_collections(tmp_path: Path, sample: Report) -> None:
    corpus = tmp_path / "c.xml"
    write_reports([sample, sample], corpus)
    text = corpus.read_text(encoding="utf-8")
    second = text.index("<year>2020</year>", text.index("<year>2020</year>") + 1)
    corpus.write_text(text[:second] + "<year>1800</year>" + text[second + 17 :], encoding="utf-8")
    result = run("validate", corpus, "-q")
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    record_line = text[:second].count("\n") + 1
    assert line.startswith(f"{corpus}:")
    assert ": year: year 1800 is outside 1949.." in line
    assert int(line.split(":")[1]) < record_line  # the line where the <report> record starts
    result = run("metrics", corpus, "-q")
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(list(sample.iter_metrics()))
    assert rows[0]["report"].startswith(f"{corpus}:")


def test_inputs_beyond_the_size_limit_are_refused(
    sample_json: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("lawgov.cli._files.MAX_INPUT_BYTES", 1000)
    result = run("convert", sample_json, tmp_path / "out.xml")
    assert result.exit_code == 1
    assert result.stderr == f"{sample_json}: input exceeds 1000 bytes\n"
    assert not (tmp_path / "out.xml").exists()


@pytest.mark.parametrize(("first", "second"), [("c.jsonl", "c.xml"), ("c.xml", "c.jsonl")])
def test_a_corpus_streams_through_stdin_and_stdout(
    tmp_path: Path, sample: Report, first: str, second: str
) -> None:
    # Larger than the sniffed head, so the stream must continue past it.
    reports = [attrs.evolve(sample, title=f"{sample.title}{i}") for i in range(12)]
    write_reports(reports, tmp_path / first)
    result = run("convert", "-", "-", stdin=(tmp_path / first).read_bytes())
    assert result.exit_code == 0, result.stderr
    (tmp_path / second).write_bytes(result.stdout_bytes)
    assert list(lawgov.iter_reports(tmp_path / second)) == reports


def test_the_entry_point_without_click_explains_the_extra() -> None:
    script = "import sys; sys.modules['click'] = None\nfrom lawgov.__main__ import main\nmain()\n"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 1
    assert "pip install 'lawgov[cli]'" in done.stderr
    assert "Traceback" not in done.stderr
