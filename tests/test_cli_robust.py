"""The command line on hostile and unlucky inputs: bounded output, usage errors, odd file names.

Subprocesses where the process itself matters (encodings of the real stdout, signals); every
one has a timeout, so nothing here can hang the suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import lawgov
from lawgov.cli import cli

TIMEOUT = 60


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def lawgov_process(
    *args: str | bytes | Path, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    command = [
        sys.executable,
        "-m",
        "lawgov",
        *(os.fsencode(a) if isinstance(a, Path) else a for a in args),
    ]
    return subprocess.run(command, capture_output=True, timeout=TIMEOUT, cwd=cwd, check=False)


def _report(**fields: object) -> lawgov.Report:
    return lawgov.Report(
        title="江海区测试局2020年法治政府建设年度报告",
        issuer=lawgov.Agency(name="江海区测试局"),
        year=2020,
        **fields,  # type: ignore[arg-type]
    )


def _with_value(tmp_path: Path, value: str) -> Path:
    metric = lawgov.Metric(value=Decimal(1), unit="万元", text="1万元")
    data = lawgov.to_dict(_report(metrics=[metric]))
    data["metrics"][0]["value"] = value
    path = tmp_path / "report.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["show", "metrics", "validate"])
@pytest.mark.parametrize("value", ["1E+1000000000000000000", "1E+999999999"])
def test_a_huge_exponent_is_an_invalid_input_not_a_crash_or_a_billion_digits(
    tmp_path: Path, command: str, value: str
) -> None:
    result = run(command, _with_value(tmp_path, value))
    assert result.exit_code == 1
    assert "metrics[0].value" in result.stderr
    assert "exponent" in result.stderr
    assert len(result.stdout) < 10_000


@pytest.mark.parametrize("codec", ["rot13", "base64", "hex", "zlib", "undefined", "no-such-codec"])
def test_a_non_text_encoding_is_a_usage_error(tmp_path: Path, codec: str) -> None:
    text = tmp_path / "report.txt"
    text.write_text("江海区测试局2020年法治政府建设年度报告\n", encoding="utf-8")
    for command in (["parse", text], ["metrics", text]):
        result = run(*command, "--encoding", codec)
        assert result.exit_code == 2, result.output
        assert "--encoding" in result.stderr
        assert codec in result.stderr


def test_a_text_encoding_is_still_accepted(tmp_path: Path) -> None:
    text = tmp_path / "report.txt"
    text.write_bytes("江海区测试局2020年法治政府建设年度报告\n".encode("gb18030"))
    assert run("parse", text, "--encoding", "gb18030").exit_code == 0


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_metrics_keeps_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    metric = lawgov.Metric(value=Decimal(3), unit="项", text="3项")
    name = b"\xc9\xcf\xba\xa3.json"  # 上海 in GBK
    (Path(os.fsdecode(tmp_path)) / os.fsdecode(name)).write_text(
        lawgov.to_json(_report(metrics=[metric])), encoding="utf-8"
    )
    result = lawgov_process("metrics", tmp_path)
    assert result.returncode == 0, result.stderr
    assert name in result.stdout  # the file's own bytes, recoverable
    out = tmp_path / "rows.csv"
    result = lawgov_process("metrics", tmp_path, "-o", out)
    assert result.returncode == 0, result.stderr
    assert name in out.read_bytes()


def test_convert_refuses_to_write_what_validate_would_refuse(tmp_path: Path) -> None:
    # A valid 24 MB XML whose JSON (each line break written as \n) would be 36 MB.
    paragraph = "a\n" * 1_000_000
    report = _report(preamble=[paragraph] * 12)
    source = tmp_path / "big.xml"
    lawgov.write(report, source)
    assert source.stat().st_size < 32 * 1024 * 1024
    result = run("convert", source, tmp_path / "big.json")
    assert result.exit_code == 1
    assert "cannot write the report as JSON" in result.stderr
    assert "more than the 33554432 bytes lawgov reads" in result.stderr
    assert list(tmp_path.iterdir()) == [source]
