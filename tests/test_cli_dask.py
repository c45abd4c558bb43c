"""The Dask example of docs/cluster.md runs locally and converts and summarises correctly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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
    assert lines[1].startswith("  batch0/broken.json: year: year 1800 is outside 1949..")
    # Each sample report states 1500万元 (15,000,000 元) and 23 + 3 + 20 项.
    assert "total 元: 600000000" in lines
    assert "total 项: 1840" in lines


def test_dask_example_on_given_folders(tmp_path: Path) -> None:
    import lawgov
    import lawgov.samples

    source = tmp_path / "in" / "sub"
    source.mkdir(parents=True)
    lawgov.write(lawgov.samples.load("jianghai-kjj-2020"), source / "a.json")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), str(tmp_path / "in"), str(out), "--scheduler", "sync"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "converted 1, failed 0\n"
    assert lawgov.read(out / "sub" / "a.xml") == lawgov.samples.load("jianghai-kjj-2020")
