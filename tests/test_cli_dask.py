"""The Dask example of docs/cluster.md runs locally and converts and summarises correctly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import lawgov
import lawgov.samples

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dask_corpus.py"


@pytest.mark.parametrize("scheduler", ["threads", "processes"])
def test_dask_example_converts_and_summarises(scheduler: str) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), "--scheduler", scheduler],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    # 40 generated reports and one broken copy, which fails alone with its path and problem.
    assert lines[0] == "converted 40, failed 1"
    assert lines[1].startswith("  batch0/broken.json: Report.year: year 1800 is outside 1949..")
    # Each sample report states 1500万元 (15,000,000 元) and 23 + 3 + 20 项.
    assert "total 元: 600000000" in lines
    assert "total 项: 1840" in lines
    assert lines[-1] == "wrote 40 reports into 2 XML collection(s)"


def test_dask_example_on_given_folders(tmp_path: Path) -> None:
    sample = lawgov.samples.load("jianghai-kjj-2020")
    source = tmp_path / "in" / "sub"
    source.mkdir(parents=True)
    lawgov.write(sample, source / "a.json")
    lawgov.write_reports([sample] * 5, tmp_path / "corpus.jsonl")
    out = tmp_path / "out"
    command = [sys.executable, str(EXAMPLE), str(tmp_path / "in"), str(out)]
    command += ["--jsonl", str(tmp_path / "*.jsonl"), "--scheduler", "sync"]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "converted 1, failed 0"
    assert lawgov.read(out / "sub" / "a.xml") == sample
    collections = sorted((out / "collections").glob("*.xml"))
    assert [r for path in collections for r in lawgov.iter_reports(path)] == [sample] * 5
