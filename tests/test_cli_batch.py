"""Batches: directories and globs, mirrored trees, workers, summaries, resuming and Ctrl-C."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import lawgov
import lawgov.samples
from lawgov import Agency, Measure, Metric, Report, Section
from lawgov.cli import cli

SAMPLE = "jianghai-kjj-2020"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def make_report(index: int) -> Report:
    """A small valid report that differs by ``index``."""
    return Report(
        title=f"示例{index}局{2001 + index % 20}年法治政府建设年度报告",
        issuer=Agency(name=f"示例{index}局"),
        year=2001 + index % 20,
        sections=[
            Section(
                number=1,
                title="主要举措和成效",
                measures=[
                    Measure(
                        number=1,
                        title="加强学法",
                        text=f"加强学法，全年学法{index}次。",
                        metrics=[Metric(value=Decimal(index), unit="次", text=f"{index}次")],
                    )
                ],
            )
        ],
    )


def make_corpus(root: Path, count: int, *, folders: int = 3) -> list[Path]:
    """``count`` JSON reports spread over nested folders; returns their paths."""
    paths = []
    for index in range(count):
        folder = root / f"f{index % folders}" / ("deep" if index % 2 else "")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"r{index:04d}.json"
        path.write_text(lawgov.to_json(make_report(index)), encoding="utf-8")
        paths.append(path)
    return paths


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def hidden(root: Path) -> list[Path]:
    return list(root.rglob(".*"))


def test_a_directory_is_mirrored(tmp_path: Path) -> None:
    paths = make_corpus(tmp_path / "in", 9)
    (tmp_path / "in" / "README.md").write_text("not a report", encoding="utf-8")
    (tmp_path / "in" / ".hidden.json").write_text("{", encoding="utf-8")
    result = run("convert", tmp_path / "in", tmp_path / "out", "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "converted 9, failed 0, skipped 0\n"
    outputs = tree(tmp_path / "out")
    expected = {str(p.relative_to(tmp_path / "in").with_suffix(".xml")) for p in paths}
    assert set(outputs) == expected
    for path in paths:
        relative = path.relative_to(tmp_path / "in").with_suffix(".xml")
        assert lawgov.from_xml(outputs[str(relative)]) == lawgov.from_json(path.read_bytes())


def test_bad_files_fail_alone(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", 6)
    inputs_before = tree(tmp_path / "in")
    bad = tmp_path / "in" / "f0" / "bad.json"
    bad.write_text('{"format": "lawgov-report", "version": "1.0", "title": ""}', encoding="utf-8")
    broken = tmp_path / "in" / "broken.xml"
    broken.write_text("<report xmlns='urn:lawgov:report:1'><title>", encoding="utf-8")
    result = run("convert", tmp_path / "in", tmp_path / "out", "-j", "2")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == "converted 6, failed 2, skipped 0"
    assert any(line.startswith(f"{bad}: ") for line in lines)
    assert any(line.startswith(f"{broken}: ") for line in lines)
    assert not (tmp_path / "out" / "f0" / "bad.xml").exists()
    assert not (tmp_path / "out" / "broken.json").exists()
    assert hidden(tmp_path / "out") == []
    # Inputs are never modified.
    assert {
        k: v for k, v in tree(tmp_path / "in").items() if "bad" not in k and "broken" not in k
    } == (inputs_before)


def test_a_rerun_skips_what_exists_and_force_rewrites(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", 5)
    assert run("convert", tmp_path / "in", tmp_path / "out", "-j", "1").exit_code == 0
    first = tree(tmp_path / "out")
    victim = tmp_path / "out" / "f0" / "r0000.xml"
    victim.write_text("edited by hand", encoding="utf-8")
    result = run("convert", tmp_path / "in", tmp_path / "out", "-j", "1")
    assert result.exit_code == 0
    assert result.stderr == "converted 0, failed 0, skipped 5\n"
    assert victim.read_text(encoding="utf-8") == "edited by hand"
    result = run("convert", tmp_path / "in", tmp_path / "out", "--force", "-j", "1")
    assert result.stderr == "converted 5, failed 0, skipped 0\n"
    assert tree(tmp_path / "out") == first


def test_a_glob_mirrors_below_its_fixed_part(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", 6)
    result = run("convert", str(tmp_path / "in" / "**" / "*.json"), tmp_path / "out", "--to", "xml")
    assert result.exit_code == 0, result.stderr
    assert "f1/deep/r0001.xml" in tree(tmp_path / "out")
    assert len(tree(tmp_path / "out")) == 6


def test_workers_give_the_same_outputs_as_one_process(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", 40)
    assert run("convert", tmp_path / "in", tmp_path / "one", "-j", "1").exit_code == 0
    assert run("convert", tmp_path / "in", tmp_path / "two", "-j", "2").exit_code == 0
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert len(tree(tmp_path / "two")) == 40
    serial = run("metrics", tmp_path / "in", "-j", "1")
    parallel = run("metrics", tmp_path / "in", "-j", "2")
    assert serial.exit_code == parallel.exit_code == 0
    assert parallel.stdout == serial.stdout
    assert len(parallel.stdout.splitlines()) == 1 + 40


def test_an_output_that_is_an_input_is_refused_even_with_force(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", 3)
    before = tree(tmp_path / "in")
    result = run("convert", tmp_path / "in", tmp_path / "in", "--to", "json", "--force")
    assert result.exit_code == 1
    assert "is an input file" in result.stderr
    assert result.stderr.splitlines()[-1] == "converted 0, failed 3, skipped 0"
    assert tree(tmp_path / "in") == before


def test_missing_arguments_fail_but_the_rest_runs(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", 2)
    result = run("convert", tmp_path / "in", tmp_path / "nothing", tmp_path / "out")
    assert result.exit_code == 1
    assert f"{tmp_path / 'nothing'}: no such file" in result.stderr
    assert result.stderr.splitlines()[-1] == "converted 2, failed 1, skipped 0"


def test_several_inputs_need_an_output_directory(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    result = run("parse", tmp_path / "a.txt", tmp_path / "b.txt")
    assert result.exit_code == 2
    assert "parse: -o DIR" in result.stderr


def test_parse_a_folder_of_texts_in_mixed_encodings(tmp_path: Path) -> None:
    text = lawgov.samples.text(SAMPLE)
    usable = text.encode("gbk", errors="ignore").decode("gbk")
    encodings = ["utf-8", "gbk", "utf-16", "gb18030"]
    for encoding in encodings:
        folder = tmp_path / "in" / encoding
        folder.mkdir(parents=True)
        (folder / "report.txt").write_bytes(usable.encode(encoding))
    (tmp_path / "in" / "junk.txt").write_bytes(b"\xff\xfe\x00" * 3 + b"\x00")
    result = run("parse", tmp_path / "in", "-o", tmp_path / "out", "--to", "xml", "-j", "2")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "parsed 4, failed 1, skipped 0"
    expected = lawgov.parse_text(usable)
    for encoding in encodings:
        out = tmp_path / "out" / encoding / "report.xml"
        assert lawgov.from_xml(out.read_bytes()) == expected


def test_a_corpus_of_a_thousand_files(tmp_path: Path) -> None:
    started = time.monotonic()
    make_corpus(tmp_path / "corpus", 1000, folders=10)
    result = run("convert", tmp_path / "corpus", tmp_path / "xml", "-j", "2")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "converted 1000, failed 0, skipped 0\n"
    result = run("validate", tmp_path / "xml", "-j", "2")
    assert result.exit_code == 0
    assert result.stderr == "valid 1000, invalid 0\n"
    result = run("metrics", tmp_path / "xml", "-o", tmp_path / "metrics.csv")
    assert result.exit_code == 0
    rows = (tmp_path / "metrics.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + 1000
    assert rows[1].startswith(f"{tmp_path / 'xml' / 'f0' / 'r0000.xml'},示例0局2001年")
    assert time.monotonic() - started < 60


# --- interrupting ----------------------------------------------------------------------------


def _interrupt_midway(tmp_path: Path, jobs: int, signum: int) -> subprocess.CompletedProcess[str]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # The bundled sample is a full-size report: slow enough to interrupt midway.
    data = lawgov.to_json(lawgov.samples.load(SAMPLE)).encode("utf-8")
    for index in range(3000):
        (corpus / f"r{index:04d}.json").write_bytes(data)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "lawgov", "convert", str(corpus), str(out), "-j", str(jobs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if out.exists() and sum(1 for _ in out.glob("*.xml")) >= 20:
                break
            time.sleep(0.05)
        process.send_signal(signum)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.mark.parametrize(
    ("jobs", "signum"), [(1, signal.SIGINT), (2, signal.SIGINT), (1, signal.SIGTERM)]
)
def test_interrupting_a_batch_leaves_only_complete_outputs(
    tmp_path: Path, jobs: int, signum: int
) -> None:
    done = _interrupt_midway(tmp_path, jobs, signum)
    assert done.returncode == 130, done.stderr
    last = done.stderr.splitlines()[-1]
    assert last.startswith("interrupted: converted ")
    outputs = sorted((tmp_path / "out").iterdir())
    assert 20 <= len(outputs) < 3000  # stopped midway
    assert [p for p in outputs if p.name.startswith(".") or p.suffix != ".xml"] == []
    expected = lawgov.samples.load(SAMPLE)
    for path in outputs:
        assert lawgov.from_xml(path.read_bytes()) == expected
    converted = int(last.split("converted ")[1].split(",")[0])
    assert converted == len(outputs)


# --- terminals -------------------------------------------------------------------------------


def _run_on_terminal(args: list[str]) -> tuple[int, str]:
    """Run lawgov with stdout and stderr on a pseudo-terminal; returns the status and the screen."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "lawgov", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env={**os.environ, "TERM": "xterm", "COLUMNS": "100"},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process exits
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return process.wait(timeout=60), b"".join(chunks).decode("utf-8", errors="replace")


def test_a_terminal_gets_a_progress_bar_and_colours(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", 40)
    status, screen = _run_on_terminal(["convert", str(tmp_path / "in"), str(tmp_path / "out")])
    assert status == 0
    assert "Converted  [" in screen
    assert "100%" in screen
    assert screen.rstrip().endswith("converted 40, failed 0, skipped 0")
    status, screen = _run_on_terminal(["show", str(tmp_path / "out" / "f0" / "r0000.xml")])
    assert status == 0
    assert "\x1b[1m" in screen  # bold headings
    assert "\x1b[33m" in screen  # yellow metrics
