"""The scripts in ``examples/`` run and print what they promise.

Every script is run as a user would run it (a fresh interpreter, ``python examples/NAME.py``),
except pytest files and the dask example, which its owner runs in its own test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOT_HERE = {"dask_corpus.py"}
SCRIPTS = sorted(
    path
    for path in EXAMPLES.glob("*.py")
    if not path.name.startswith("test_") and path.name not in NOT_HERE
)

# What each script must print: the lines that show it did its job.
KEY_OUTPUT = {
    "build_report.py": [
        "1500万元: 1500 万元 -> 15000000 元 (exact)",
        "4.27万户: 4.27 万户 -> 42700 户 (approximately)",
        "江门市科技局 -> 区科技局: 23 delegated_and_entrusted, 3 moved on, 20 remaining",
        "  《中华人民共和国民法典》\n  江府〔2017〕16号\n",
        "  1: 加强学法用法\n  2: 优化营商环境\n  1: 落实减税降费\n",
        "evolve refused: year: year 1900 is outside 1949..",
    ],
    "validation_errors.py": [
        "a negative metric: 1 problem(s)",
        "a report header: 3 problem(s)",
        "a broken JSON document: 6 problem(s)",
        "  sections[0].measures[0].metrics[0].value  [negative_value]",
        "  sections[0].delegated_powers[0].changes  [changes_exceed_count]",
        "  sections[0].measures[0].colour  [unknown_field]",
        "  sections[0].number  [numbering]",
        "  published  [naive_datetime]",
        "  year  [year_range]",
        "a LawgovError: True\na ValueError: True",
    ],
    "tables_to_parquet.py": [
        "powers: 2 rows",
        "sections[2].delegated_powers[0]: 23 handed down, 20 remain",
        "parquet rows read back: 20 of 20",
        "value is exact: True",
        "published keeps its zone: 2021-02-26T16:14:00+08:00",
        "csv: 江门市科技局 -> 区科技局, remaining 20",
    ],
    "assess_corpus.py": [
        "区科技局 (区), 2020:",
        "  published_by_april_1: passed (published 2021-02-26)",
        "  part_shortcomings: failed (no section of this kind, and every section is classified)",
        "  part_next_year_plan: passed (sections[3]: 下一步计划)",
        "all: 4 reports, on time 0.6667, with leaders' duties 0.7500, median published 2024-02-20",
        "chart: an SVG of",
    ],
    "report_page.py": [  # --- report page (issue 15 §4)
        "metric marks in the text: 10",
        "power marks in the text: 1",
        "warnings listed: 1",
        "fetches nothing: True",
    ],
    "convert_json_xml.py": [
        "JSON -> report equal: True",
        "XML -> report equal: True",
        "JSON -> XML -> JSON identical bytes: True",
        "XML -> JSON -> XML identical bytes: True",
        "refused: FormatError\nrefused: FormatError",
    ],
}


def run(script: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONUTF8": "1"}
    return subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        cwd=cwd,
        env=env,
    )


def test_the_promised_examples_exist() -> None:
    # Another example may be added without an entry above: it must still run and print.
    assert set(KEY_OUTPUT) <= {path.name for path in SCRIPTS}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_example_runs_and_prints_its_key_output(script: Path, tmp_path: Path) -> None:
    # Run from an empty directory: examples must not depend on the working directory.
    result = run(script, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip()
    for expected in KEY_OUTPUT.get(script.name, []):
        assert expected in result.stdout, f"{script.name} did not print {expected!r}"


def test_convert_json_xml_converts_files(tmp_path: Path) -> None:
    import lawgov
    import lawgov.samples

    report = lawgov.samples.load("jianghai-kjj-2020")
    source = tmp_path / "report.json"
    source.write_text(lawgov.to_json(report), encoding="utf-8")
    script = EXAMPLES / "convert_json_xml.py"

    result = run(script, str(source), str(tmp_path / "report.xml"))
    assert result.returncode == 0, result.stderr
    assert lawgov.from_xml((tmp_path / "report.xml").read_bytes()) == report

    result = run(script, str(tmp_path / "report.xml"), str(tmp_path / "again.json"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "again.json").read_text(encoding="utf-8") == source.read_text(
        encoding="utf-8"
    )
    assert json.loads(source.read_text(encoding="utf-8"))["title"] == report.title


def test_convert_json_xml_refuses_other_suffixes(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text("x", encoding="utf-8")
    result = run(EXAMPLES / "convert_json_xml.py", str(tmp_path / "report.txt"), "out.xml")
    assert result.returncode != 0
    assert "expected a .json or .xml file" in result.stderr


def test_the_model_guide_code_runs() -> None:
    # The guide's Python blocks run in order in one namespace, as a reader would type them.
    guide = (EXAMPLES.parent / "docs" / "model.md").read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in guide.split("```python\n")[1:]]
    assert len(blocks) >= 3
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "docs/model.md", "exec"), namespace)
    power = namespace["power"]
    assert getattr(power, "remaining", None) == 20
