"""The suffix table: every reader, writer and the command line name formats by it alike."""

from __future__ import annotations

from pathlib import Path

import pytest

import lawgov
from lawgov._formats.suffixes import CORPUS_FORMATS, REPORT_FORMATS, suffix_of
from lawgov.testing import make_report


def test_the_tables() -> None:
    assert dict(REPORT_FORMATS) == {".json": "json", ".xml": "xml"}
    assert dict(CORPUS_FORMATS) == {".jsonl": "jsonl", ".xml": "collection"}
    with pytest.raises(TypeError):
        REPORT_FORMATS[".txt"] = "json"  # type: ignore[index]


@pytest.mark.parametrize(
    ("path", "suffix"),
    [("r.json", ".json"), ("R.XML", ".xml"), ("a/b.JsonL", ".jsonl"), ("noext", ""), (".json", "")],
)
def test_suffix_of(path: str, suffix: str) -> None:
    assert suffix_of(path) == suffix
    assert suffix_of(Path(path)) == suffix


@pytest.mark.parametrize("name", ["R.JSON", "r.Xml"])
def test_read_and_write_take_the_suffix_in_any_case(tmp_path: Path, name: str) -> None:
    report = make_report()
    lawgov.write(report, tmp_path / name)
    assert lawgov.read(tmp_path / name) == report


@pytest.mark.parametrize("name", ["r.jsonl", "r.txt", "r"])
def test_read_refuses_other_suffixes(tmp_path: Path, name: str) -> None:
    with pytest.raises(lawgov.FormatError, match=r"\.json or \.xml"):
        lawgov.write(make_report(), tmp_path / name)
