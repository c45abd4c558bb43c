"""The suffix table: every reader, writer and the command line name formats by it alike."""

from __future__ import annotations

from pathlib import Path

import pytest

import lawgov
from lawgov._analysis.tables_export import format_of
from lawgov._formats.suffixes import CORPUS_FORMATS, REPORT_FORMATS, TABLE_FORMATS, suffix_of
from lawgov.testing import make_report


def test_the_tables() -> None:
    assert dict(REPORT_FORMATS) == {".json": "json", ".xml": "xml"}
    assert dict(CORPUS_FORMATS) == {".jsonl": "jsonl", ".xml": "collection"}
    assert dict(TABLE_FORMATS) == {".csv": "csv", ".jsonl": "jsonl", ".parquet": "parquet"}
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


@pytest.mark.parametrize("suffix", sorted(TABLE_FORMATS))
def test_table_writers_and_the_metrics_command_take_the_table_suffixes(suffix: str) -> None:
    from lawgov.cli._metrics import _SUFFIX_FORMATS

    assert format_of(f"rows{suffix.upper()}") == TABLE_FORMATS[suffix]
    if suffix != ".parquet":  # metrics writes text tables only
        assert _SUFFIX_FORMATS[suffix] == TABLE_FORMATS[suffix]
    assert set(_SUFFIX_FORMATS) <= set(TABLE_FORMATS)
