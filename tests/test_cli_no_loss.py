"""No silent loss in batches: clashes, output folders inside the input, temporaries, links.

Subprocesses for signals and file names that are not UTF-8, each with a timeout.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import lawgov
from lawgov._formats import atomic as _atomic
from lawgov.cli import cli

TIMEOUT = 60
REPORT = lawgov.Report(
    title="江海区测试局2020年法治政府建设年度报告",
    issuer=lawgov.Agency(name="江海区测试局"),
    year=2020,
)
TEXT = "江海区测试局2020年法治政府建设年度报告\n一、主要举措和成效\n一是推进依法行政。\n"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def _dead_pid() -> int:
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid += 1


@pytest.mark.parametrize("force", [False, True])
def test_two_inputs_with_one_output_both_fail(tmp_path: Path, *, force: bool) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    lawgov.write(REPORT, folder / "x.json")
    lawgov.write(REPORT, folder / "x.xml")
    out = tmp_path / "out"
    result = run("convert", folder, out, "--to", "xml", "-j", "1", *(["--force"] if force else []))
    assert result.exit_code == 1
    assert "converted 0, failed 2" in result.stderr
    assert result.stderr.count("would also be written from") == 2
    assert not (out / "x.xml").exists()


def test_texts_differing_in_the_case_of_their_suffix_clash(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "y.txt").write_text(TEXT, encoding="utf-8")
    (folder / "y.TXT").write_text(TEXT, encoding="utf-8")
    result = run("parse", folder, "-o", tmp_path / "out", "-j", "1")
    assert result.exit_code == 1
    assert "parsed 0, failed 2" in result.stderr
    assert "y.TXT" in result.stderr


def test_an_output_folder_inside_the_input_tree_is_not_walked(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    lawgov.write(REPORT, folder / "a.json")
    out = folder / "converted"
    for _ in range(2):
        result = run("convert", folder, out, "-j", "1")
        assert result.exit_code == 0, result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["a.xml"]


def test_a_rerun_removes_stale_temporaries_of_dead_runs_only(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    lawgov.write(REPORT, folder / "a.json")
    lawgov.write(REPORT, folder / "b.json")
    out = tmp_path / "out"
    out.mkdir()
    stale = out / f".a.xml.lawgov-{_dead_pid()}-k3j2.part"
    live = out / f".a.xml.lawgov-{os.getpid()}-k3j2.part"
    foreign = out / ".a.xml.k3j2.part"  # not named as lawgov names its own
    for path in (stale, live, foreign):
        path.write_bytes(b"<half")
    assert run("convert", folder, out, "-j", "1").exit_code == 0
    assert not stale.exists()
    assert live.exists()
    assert foreign.exists()
    single = tmp_path / "single"
    single.mkdir()
    stale = single / f".r.xml.lawgov-{_dead_pid()}-aaaa.part"
    stale.write_bytes(b"<half")
    assert run("convert", folder / "a.json", single / "r.xml").exit_code == 0
    assert not stale.exists()
    stale = single / f".m.csv.lawgov-{_dead_pid()}-bbbb.part"
    stale.write_bytes(b"report,")
    assert run("metrics", folder, "-o", single / "m.csv").exit_code == 0
    assert not stale.exists()


def test_sigterm_in_a_single_file_command_leaves_no_temporary(tmp_path: Path) -> None:
    source = tmp_path / "report.json"
    lawgov.write(REPORT, source)
    out = tmp_path / "out"
    out.mkdir()
    # The output is written, then the process waits inside the atomic write: its temporary
    # file exists when SIGTERM comes.
    code = (
        "import sys, time, contextlib\n"
        "from lawgov.cli import _files\n"
        "real = _files.atomic_open\n"
        "@contextlib.contextmanager\n"
        "def slow(*args, **kwargs):\n"
        "    with real(*args, **kwargs) as handle:\n"
        "        yield handle\n"
        "        handle.flush()\n"
        "        print('writing', flush=True)\n"
        "        time.sleep(600)\n"
        "_files.atomic_open = slow\n"
        "from lawgov.cli import cli\n"
        "cli(sys.argv[1:])\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, "convert", str(source), str(out / "report.xml")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == "writing\n"
        assert [p.name for p in out.iterdir() if p.name.endswith(".part")]
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=TIMEOUT)
    finally:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        process.wait(timeout=TIMEOUT)
    assert process.returncode != 0
    assert list(out.iterdir()) == []


def test_a_failed_output_write_names_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "report.json"
    lawgov.write(REPORT, source)
    target = tmp_path / "out.xml"

    def refused(path: Path, directory: Path, file_mode: int | None) -> tuple[int, Path]:
        temp = directory / f"{_atomic._temp_prefix(path)}x{_atomic._TEMP_SUFFIX}"
        raise PermissionError(13, "Permission denied", str(temp))

    monkeypatch.setattr(_atomic, "_create_temp", refused)
    result = run("convert", source, target)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{target}: Permission denied")
    assert ".part" not in result.stderr


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_validate_json_keeps_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = b"\xc9\xcf\xba\xa3.json"  # 上海 in GBK
    Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), name))).write_text("{}", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lawgov", "validate", str(tmp_path), "--format", "json"],
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    record = json.loads(result.stdout.splitlines()[0])
    assert os.fsencode(record["file"]).endswith(name)
    assert "\ufffd" not in record["file"]


def test_file_links_out_of_the_input_tree_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    lawgov.write(REPORT, outside / "z.json")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    lawgov.write(REPORT, folder / "sub" / "a.json")
    (folder / "z.json").symlink_to(outside / "z.json")
    (folder / "a-link.json").symlink_to(folder / "sub" / "a.json")
    out = tmp_path / "out"
    result = run("convert", folder, out, "-j", "1")
    assert result.exit_code == 0, result.stderr
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.xml"))
    assert written == ["a-link.xml", "sub/a.xml"]
