"""The command line tells the truth: corpora record by record, one suffix rule, plain messages."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import lawgov
import lawgov.samples
from lawgov.cli import _show, cli

SAMPLE = lawgov.samples.load("jianghai-kjj-2020")
TEXT = lawgov.samples.path("jianghai-kjj-2020", "txt")


def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A JSON Lines corpus of four records, the second and fourth invalid."""
    good = lawgov.to_dict(SAMPLE)
    bad_year = {**good, "year": 1800}
    bad_title = {**good, "title": ""}
    path = tmp_path / "mixed.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in (good, bad_year, good, bad_title)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_convert_reports_every_bad_record_with_its_line(tmp_path: Path, mixed: Path) -> None:
    out = tmp_path / "out.xml"
    result = run("convert", mixed, out)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{mixed}:2: year: year 1800 is outside 1949..")
    assert lines[1] == f"{mixed}:4: title: must not be empty"
    assert lines[2] == "2 invalid records; nothing written"
    assert not out.exists()


def test_convert_skip_invalid_writes_the_good_records(tmp_path: Path, mixed: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run("convert", mixed, out, "--skip-invalid")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "2 invalid records; left out"
    assert list(lawgov.iter_reports(out)) == [SAMPLE, SAMPLE]


def test_validate_counts_records(mixed: Path, tmp_path: Path) -> None:
    single = tmp_path / "one.json"
    lawgov.write(SAMPLE, single)
    result = run("validate", mixed, single)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "valid 3, invalid 2"
    as_json = run("validate", mixed, "--format", "json", "-q")
    record = json.loads(as_json.stdout.splitlines()[0])
    assert [p["line"] for p in record["problems"]] == [2, 4]


@pytest.mark.parametrize(
    "args",
    [
        ("metrics", "{json}", "-o", "{tmp}/m.xlsx"),
        ("metrics", "{json}", "-o", "{tmp}/m.json"),
        ("metrics", "{json}", "-o", "{tmp}/m.csv", "--format", "jsonl"),
        ("parse", str(TEXT), "-o", "{tmp}/out.txt"),
        ("parse", str(TEXT), "-o", "{tmp}/out.yaml", "--to", "json"),
        ("convert", "{json}", "{tmp}/out.yaml", "--to", "xml"),
        ("metrics", "{json}", "--format", "jsonl", "--excel"),
    ],
)
def test_a_suffix_a_command_cannot_write_is_a_usage_error(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    source = tmp_path / "in" / "report.json"
    source.parent.mkdir()
    lawgov.write(SAMPLE, source)
    out = tmp_path / "out"
    out.mkdir()
    result = run(*(a.format(json=source, tmp=out) for a in args))
    assert result.exit_code == 2
    assert list(out.iterdir()) == []


def test_an_unknown_encoding_is_a_usage_error() -> None:
    result = run("parse", TEXT, "--encoding", "nosuch")
    assert result.exit_code == 2
    assert "unknown encoding 'nosuch'" in result.stderr


def test_binary_input_is_called_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20)
    result = run("parse", path)
    assert result.exit_code == 1
    assert "binary data, not a text file" in result.stderr
    assert "real encoding" not in result.stderr


def test_missing_inputs_have_one_wording(tmp_path: Path) -> None:
    missing = tmp_path / "nothere.json"
    wording = f"{missing}: no such file, directory or matching file"
    for args in (("validate", missing), ("convert", missing, tmp_path / "x.xml")):
        result = run(*args)
        assert result.exit_code == 1
        assert result.stderr.splitlines()[0] == wording
    assert run("parse", tmp_path / "nothere.txt").stderr.startswith(f"{tmp_path}/nothere.txt: no")


def test_a_missing_format_field_is_not_called_none(tmp_path: Path) -> None:
    data = lawgov.to_dict(SAMPLE)
    del data["format"]
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("validate", path)
    assert "None" not in result.stderr
    assert "got no format field" in result.stderr


def test_metrics_json_lines_are_typed(tmp_path: Path) -> None:
    source = tmp_path / "r.json"
    lawgov.write(SAMPLE, source)
    result = run("metrics", source, "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows
    assert all(row["year"] == 2020 for row in rows)
    assert all(isinstance(row["value"], str) for row in rows)  # exact decimals, as lawgov JSON
    assert any(row["name"] is None for row in rows)
    assert result.stderr == f"metrics {len(rows)} from 1 report, failed 0\n"


def test_metrics_excel_csv_has_a_bom(tmp_path: Path) -> None:
    source = tmp_path / "r.json"
    lawgov.write(SAMPLE, source)
    out = tmp_path / "m.csv"
    assert run("metrics", source, "-o", out, "--excel").exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfreport,title,")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0]["issuer"] == "区科技局"


def test_show_wraps_to_the_terminal_width(tmp_path: Path) -> None:
    source = tmp_path / "r.json"
    lawgov.write(SAMPLE, source)
    result = run("show", source, "--full", "--no-color", env={"COLUMNS": "60", "LINES": "24"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(_show._width(line) for line in lines) <= 60
    # A wrapped line continues under its tree guide, not at the left margin.
    guides = [line for line in lines if re.match(r"^[│ ]+[^│ ├└]", line)]
    assert guides
    wide = run("show", source, "--full", "--no-color", env={"COLUMNS": "400"})
    assert len(wide.stdout.splitlines()) < len(lines)


def test_show_pages_on_a_terminal_unless_no_pager(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "r.json"
    lawgov.write(SAMPLE, source)
    paged: list[str] = []
    monkeypatch.setattr(_show, "_stdout_is_terminal", lambda: True)
    monkeypatch.setattr(_show.click, "echo_via_pager", lambda text, color=None: paged.append(text))
    small = {"COLUMNS": "80", "LINES": "10"}
    result = run("show", source, env=small)
    assert result.exit_code == 0
    assert len(paged) == 1
    assert "区科技局" in paged[0]
    assert result.stdout == ""
    assert run("show", source, "--no-pager", env=small).stdout.count("\n") > 10
    assert len(paged) == 1


def test_wrap_keeps_styles_off_the_guides() -> None:
    line = "├── \x1b[33m" + "很" * 30 + "\x1b[0m"
    pieces = _show._wrap(line, "│   ", 30)
    assert len(pieces) > 1
    assert all(_show._width(piece) <= 30 for piece in pieces)
    assert all(piece.startswith("│   \x1b[33m") for piece in pieces[1:])


@pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a pseudo-terminal")
def test_the_progress_bar_shows_counts_and_failures(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    source = tmp_path / "in"
    source.mkdir()
    for index in range(3):
        lawgov.write(SAMPLE, source / f"r{index}.json")
    (source / "bad.json").write_text("{", encoding="utf-8")
    main, terminal = os.openpty()
    command = [sys.executable, "-m", "lawgov", "convert", str(source), str(tmp_path / "out"), "-j1"]
    done = subprocess.run(
        command, stderr=terminal, stdout=subprocess.DEVNULL, timeout=120, check=False
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    text = shown.decode("utf-8", "replace")
    assert done.returncode == 1
    assert "4/4" in text
    assert "failed 1" in text


def test_a_failed_write_names_the_users_output_not_the_temporary_file(tmp_path: Path) -> None:
    source = tmp_path / "r.json"
    lawgov.write(SAMPLE, source)
    for args, output in (
        (("metrics", source, "-o"), source / "m.csv"),
        (("convert", source), source / "out.jsonl"),
    ):
        result = run(*args, output)
        assert result.exit_code == 1
        assert result.stderr.splitlines()[0] == f"{output}: Not a directory"


def test_parse_reads_files_through_read_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, str | None]] = []
    real = lawgov.read_text

    def spy(path: str, *, encoding: str | None = None) -> str:
        calls.append((str(path), encoding))
        return real(path, encoding=encoding)

    monkeypatch.setattr(lawgov, "read_text", spy)
    source = tmp_path / "gbk.txt"
    source.write_bytes(lawgov.samples.text("jianghai-kjj-2020").encode("gb18030"))
    result = run("parse", source, "--encoding", "gb18030")
    assert result.exit_code == 0
    assert calls == [(str(source), "gb18030")]
    assert json.loads(result.stdout)["year"] == 2020
