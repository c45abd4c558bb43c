"""Static typing: mypy accepts ``tests/typing/pass_*.py`` and rejects ``fail_*.py`` as marked.

In a ``fail_*.py`` file, a comment line ``# E: <message>`` says that mypy must report that
error on the next line (a comment of its own, so that formatting never moves it away); the test
demands exactly those errors, on exactly those lines, and nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mypy import api as mypy_api

HERE = Path(__file__).parent / "typing"
CASES = sorted(HERE.glob("*.py"))
_EXPECTED = re.compile(r"^\s*#\s*E:\s*(?P<message>.+?)\s*$")
_REPORTED = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): error: (?P<message>.+?)(?:  \[[\w-]+\])?$")


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[int, str]]]:
    """Run mypy --strict once over every case; errors by file name."""
    cache = tmp_path_factory.mktemp("mypy-cache")
    stdout, stderr, _ = mypy_api.run(
        ["--strict", "--no-error-summary", "--cache-dir", str(cache), *map(str, CASES)]
    )
    assert not stderr, stderr
    errors: dict[str, set[tuple[int, str]]] = {case.name: set() for case in CASES}
    for line in stdout.splitlines():
        match = _REPORTED.match(line)
        assert match, f"unexpected mypy output: {line}"
        errors[Path(match["file"]).name].add((int(match["line"]), match["message"]))
    return errors


def _expected(case: Path) -> set[tuple[int, str]]:
    lines = case.read_text(encoding="utf-8").splitlines()
    return {
        (number + 1, match["message"])
        for number, line in enumerate(lines, start=1)
        if (match := _EXPECTED.match(line))
    }


def test_there_are_cases_of_both_kinds() -> None:
    assert any(case.name.startswith("pass_") for case in CASES)
    assert any(case.name.startswith("fail_") for case in CASES)
    assert all(case.name.startswith(("pass_", "fail_")) for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.stem)
def test_mypy_reports_exactly_the_marked_errors(
    case: Path, mypy_errors: dict[str, set[tuple[int, str]]]
) -> None:
    expected = _expected(case)
    if case.name.startswith("pass_"):
        assert expected == set()
    else:
        assert expected, f"{case.name} marks no expected error"
    assert mypy_errors[case.name] == expected
