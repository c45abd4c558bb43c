"""Streams: one bad record never ends a stream when the caller asks to go on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import lawgov
from lawgov._formats.corpus import iter_entries


def _report(title: str) -> lawgov.Report:
    return lawgov.Report(title=title, issuer=lawgov.Agency(name="局"), year=2020)


def _corpus(tmp_path: Path, suffix: str) -> Path:
    path = tmp_path / f"corpus{suffix}"
    lawgov.write_reports([_report("一"), _report("二"), _report("三")], path)
    if suffix == ".jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        bad = json.loads(lines[1])
        bad["year"] = 1800
        lines[1] = json.dumps(bad, ensure_ascii=False)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        data = path.read_bytes()
        first = data.index(b"<year>2020</year>")
        second = data.index(b"<year>2020</year>", first + 1)
        path.write_bytes(data[:second] + b"<year>1800</year>" + data[second + 17 :])
    return path


@pytest.mark.parametrize("suffix", [".jsonl", ".xml"])
def test_raise_ends_the_stream_at_the_bad_record(tmp_path: Path, suffix: str) -> None:
    stream = lawgov.iter_reports(_corpus(tmp_path, suffix))
    assert next(stream).title == "一"
    with pytest.raises(lawgov.ValidationError):
        next(stream)


@pytest.mark.parametrize("suffix", [".jsonl", ".xml"])
def test_skip_goes_on_past_a_bad_record(tmp_path: Path, suffix: str) -> None:
    titles = [r.title for r in lawgov.iter_reports(_corpus(tmp_path, suffix), errors="skip")]
    assert titles == ["一", "三"]


@pytest.mark.parametrize("suffix", [".jsonl", ".xml"])
def test_collect_yields_the_error_with_its_record_line(tmp_path: Path, suffix: str) -> None:
    path = _corpus(tmp_path, suffix)
    entries = list(lawgov.iter_reports(path, errors="collect"))
    assert [type(e) for e in entries] == [lawgov.Report, lawgov.ValidationError, lawgov.Report]
    error = entries[1]
    assert isinstance(error, lawgov.ValidationError)
    assert error.problems[0].rule == "year_range"
    assert error.source is not None
    assert error.source.startswith(f"{path}:")
    line = int(error.source.rsplit(":", 1)[1])
    assert line == 2 if suffix == ".jsonl" else line > 2


def test_an_unknown_choice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="errors must be"):
        list(lawgov.iter_reports(_corpus(tmp_path, ".jsonl"), errors="ignore"))  # type: ignore[call-overload]


def _collection_with_a_giant_text(tmp_path: Path) -> Path:
    # A record whose title is 10.5 MB: beyond libxml2's text-node limit, a fault in the markup
    # after which the parser cannot go on. lawgov never writes one (text_size); others might.
    path = tmp_path / "giant.xml"
    lawgov.write_reports([_report("一"), _report("二"), _report("三")], path)
    data = path.read_bytes()
    giant = ("法" * 3_500_000).encode("utf-8")
    old = "<title>二</title>".encode()
    at = data.index(old)
    path.write_bytes(data[:at] + b"<title>" + giant + b"</title>" + data[at + len(old) :])
    return path


def test_a_fault_in_the_markup_does_not_end_a_collection(tmp_path: Path) -> None:
    path = _collection_with_a_giant_text(tmp_path)
    entries = list(lawgov.iter_reports(path, errors="collect"))
    assert [e.title for e in entries if isinstance(e, lawgov.Report)] == ["一", "三"]
    errors = [e for e in entries if isinstance(e, lawgov.LawgovError)]
    assert len(errors) == 1
    assert isinstance(errors[0], lawgov.FormatError)
    assert [r.title for r in lawgov.iter_reports(path, errors="skip")] == ["一", "三"]
    # The line numbers of records after the restart are those of the file.
    lines = path.read_bytes().split(b"\n")
    third = next(i for i, line in enumerate(lines, 1) if "<title>三</title>".encode() in line)
    entries = list(iter_entries(path))
    assert entries[-1][0] < third <= entries[-1][0] + 3
