"""Non-regular files (FIFOs, devices) are refused or skipped, never waited on or read forever.

Every check that would hang before runs in a subprocess with a timeout, so a regression fails
the test instead of hanging the suite.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import lawgov

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")

TIMEOUT = 30


def _python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def _lawgov(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lawgov", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
        check=False,
    )


_REFUSED = """
import sys, lawgov
try:
    {call}
except lawgov.FormatError as error:
    print("refused:", error)
"""


@pytest.mark.parametrize("suffix", [".json", ".xml"])
def test_read_refuses_a_fifo(tmp_path: Path, suffix: str) -> None:
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    result = _python(_REFUSED.format(call="lawgov.read(sys.argv[1])"), str(fifo))
    assert "refused:" in result.stdout, result.stderr
    assert "not a regular file" in result.stdout


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_iter_reports_refuses_a_link_to_a_device(tmp_path: Path) -> None:
    link = tmp_path / "zero.jsonl"
    link.symlink_to("/dev/zero")
    result = _python(_REFUSED.format(call="list(lawgov.iter_reports(sys.argv[1]))"), str(link))
    assert "refused:" in result.stdout, result.stderr
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    result = _python(_REFUSED.format(call="list(lawgov.iter_reports(sys.argv[1]))"), str(fifo))
    assert "refused:" in result.stdout, result.stderr


@pytest.mark.parametrize("command", ["convert", "validate"])
def test_a_fifo_in_a_batch_folder_is_skipped_with_a_message(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    report = lawgov.Report(title="报告", issuer=lawgov.Agency(name="局"), year=2020)
    lawgov.write(report, folder / "a.json")
    os.mkfifo(folder / "b.json")
    args: list[str | Path] = [command, folder]
    if command == "convert":
        args.append(tmp_path / "out")
    result = _lawgov(*args, "-j", "1")
    assert "b.json: skipped: not a regular file" in result.stderr
    if command == "convert":
        assert result.returncode == 0, result.stderr
        assert (tmp_path / "out" / "a.xml").exists()
        assert "converted 1, failed 0, skipped 1" in result.stderr
    else:
        assert result.returncode == 1


def test_single_file_commands_refuse_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = _lawgov("parse", fifo)
    assert result.returncode == 1
    assert "not a regular file" in result.stderr


def test_a_second_signal_interrupts_a_batch_stuck_on_a_slow_worker(tmp_path: Path) -> None:
    # A worker stuck in a file (simulated by a stopped process): the first SIGTERM asks the
    # batch to finish its files; the second must end it.
    folder = tmp_path / "in"
    folder.mkdir()
    report = lawgov.Report(title="报告", issuer=lawgov.Agency(name="局"), year=2020)
    for index in range(40):
        lawgov.write(report, folder / f"r{index:02d}.json")
    code = (
        "import sys, time\n"
        "from lawgov.cli import _tasks\n"
        "original = _tasks._run_task\n"
        "def slow(job, task):\n"
        "    time.sleep(600)\n"
        "    return original(job, task)\n"
        "_tasks._run_task = slow\n"
        "from lawgov.cli import _batch\n"
        "_batch._run_task = slow\n"
        "from lawgov.cli import cli\n"
        "cli(sys.argv[1:])\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, "convert", str(folder), str(tmp_path / "out"), "-j", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the workers are killed with it below
    )
    try:
        time.sleep(3)
        process.send_signal(signal.SIGTERM)
        time.sleep(1)
        assert process.poll() is None  # still waiting for its workers
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=TIMEOUT)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=TIMEOUT)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr
