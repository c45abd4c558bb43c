"""Corpora: JSON Lines and XML collections, read and written as streams."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import lawgov
import lawgov.samples
import lawgov.testing
from lawgov import (
    Agency,
    FormatError,
    Measure,
    Metric,
    Report,
    Section,
    ValidationError,
    iter_reports,
    write_reports,
)
from lawgov._formats.corpus import COLLECTION_TAG, is_collection, iter_entries


def small_report(index: int) -> Report:
    """A small valid report that differs by ``index`` (title, issuer, year, figures)."""
    return Report(
        title=f"示例{index}局{2001 + index % 20}年法治政府建设年度报告",
        issuer=Agency(name=f"示例{index}局"),
        year=2001 + index % 20,
        preamble=["现将有关情况报告如下：\n第二行"],  # a newline inside text: still one JSONL line
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


@pytest.fixture(params=["corpus.jsonl", "corpus.xml"])
def corpus_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return tmp_path / str(request.param)


def test_round_trip(corpus_path: Path) -> None:
    reports = [small_report(i) for i in range(5)] + [lawgov.samples.load("jianghai-kjj-2020")]
    assert write_reports(reports, corpus_path) == len(reports)
    assert list(iter_reports(corpus_path)) == reports


def test_jsonl_has_one_compact_report_per_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    write_reports((small_report(i) for i in range(3)), path)
    lines = path.read_bytes().splitlines()
    assert len(lines) == 3
    assert [lawgov.from_json(line) for line in lines] == [small_report(i) for i in range(3)]


def test_collection_is_a_collection_of_report_elements(tmp_path: Path) -> None:
    path = tmp_path / "c.xml"
    write_reports([small_report(1), small_report(2)], path)
    data = path.read_bytes()
    assert is_collection(data)
    assert not is_collection(lawgov.to_xml(small_report(1)))
    assert COLLECTION_TAG == "{urn:lawgov:report:1}collection"
    assert data.count(b"<report ") == 2


def test_empty_corpus(corpus_path: Path) -> None:
    assert write_reports([], corpus_path) == 0
    assert list(iter_reports(corpus_path)) == []


def test_reading_is_lazy_and_names_the_bad_record(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    good = lawgov.to_dict(small_report(1))
    bad = dict(good, year=1800)
    lines = [json.dumps(good, ensure_ascii=False), "", json.dumps(bad, ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stream = iter_reports(path)
    assert next(stream) == small_report(1)  # read before the bad record is reached
    with pytest.raises(ValidationError) as info:
        next(stream)
    assert info.value.source == f"{path}:3"
    assert info.value.problems[0].path == "year"


def test_entries_go_on_past_bad_records(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    first = lawgov.to_json(small_report(1)).replace("\n", "")
    path.write_text(f"{first}\nnot json\n{first}\n", encoding="utf-8")
    entries = list(iter_entries(path))
    assert [line for line, _ in entries] == [1, 2, 3]
    assert isinstance(entries[1][1], FormatError)
    assert entries[0][1] == entries[2][1] == small_report(1)


def test_collection_record_errors_carry_their_line(tmp_path: Path) -> None:
    path = tmp_path / "c.xml"
    write_reports([small_report(1), small_report(2)], path)
    text = path.read_text(encoding="utf-8").replace("<year>2003</year>", "<year>1800</year>")
    path.write_text(text, encoding="utf-8")
    entries = list(iter_entries(path))
    assert entries[0][1] == small_report(1)
    error = entries[1][1]
    assert isinstance(error, ValidationError)
    assert error.source == f"{path}:{entries[1][0]}"
    assert entries[1][0] > entries[0][0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<report xmlns='urn:lawgov:report:1'/>", "expected a <collection>"),
        (b"<collection xmlns='other'/>", "expected a <collection>"),
        (b"<collection xmlns='urn:lawgov:report:1'><report>", "not well-formed"),
        (b"<collection xmlns='urn:lawgov:report:1'><other/></collection>", "expected a <report>"),
        (
            b"<?xml version='1.0'?><!DOCTYPE c [<!ENTITY e 'x'>]>"
            b"<collection xmlns='urn:lawgov:report:1'/>",
            "DTD",
        ),
    ],
)
def test_bad_collections_are_format_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "c.xml"
    path.write_bytes(content)
    with pytest.raises(FormatError, match=message):
        list(iter_reports(path))


def test_a_corpus_needs_a_corpus_suffix(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match=r"\.jsonl"):
        write_reports([small_report(1)], tmp_path / "c.json")
    with pytest.raises(FormatError, match=r"\.jsonl"):
        list(iter_reports(tmp_path / "c.csv"))


def test_writing_is_atomic(corpus_path: Path) -> None:
    def failing() -> Iterator[Report]:
        yield small_report(1)
        raise RuntimeError("source broke")

    with pytest.raises(RuntimeError):
        write_reports(failing(), corpus_path)
    assert list(corpus_path.parent.iterdir()) == []
    write_reports([small_report(1)], corpus_path)
    with pytest.raises(FileExistsError):
        write_reports([small_report(2)], corpus_path)
    write_reports([small_report(2)], corpus_path, force=True)
    assert list(iter_reports(corpus_path)) == [small_report(2)]


def test_format_overrides_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "c.data"
    write_reports([small_report(1)], path, format="jsonl")
    assert lawgov.from_json(path.read_bytes()) == small_report(1)


_READ_AND_REPORT_PEAK = """
import resource, sys
import lawgov
count = sum(1 for _ in lawgov.iter_reports(sys.argv[1]))
print(count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_kib_while_reading(path: Path) -> tuple[int, int]:
    # A fresh process, so the peak is this reading's alone (libxml2's memory included, which
    # tracemalloc cannot see).
    done = subprocess.run(
        [sys.executable, "-c", _READ_AND_REPORT_PEAK, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    count, peak = done.stdout.split()
    return int(count), int(peak)


def _padded(index: int) -> Report:
    # 40 KB of text per report: a corpus that accumulated its records would grow by 40 MB.
    return attrs.evolve(small_report(index % 3), closing=["法治政府建设" * 2000 + str(index)])


@pytest.mark.parametrize("suffix", [".jsonl", ".xml"])
def test_memory_stays_flat_however_long_the_corpus(tmp_path: Path, suffix: str) -> None:
    short, long = tmp_path / f"short{suffix}", tmp_path / f"long{suffix}"
    write_reports((_padded(i) for i in range(20)), short)
    write_reports((_padded(i) for i in range(1000)), long)
    short_count, short_peak = _peak_kib_while_reading(short)
    long_count, long_peak = _peak_kib_while_reading(long)
    assert (short_count, long_count) == (20, 1000)
    # Fifty times the reports (40 MB more text), at most a few MB more peak memory.
    assert long_peak - short_peak < 8 * 1024


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(report=lawgov.testing.reports())
def test_any_report_round_trips_through_both_corpus_formats(tmp_path: Path, report: Report) -> None:
    for name in ("c.jsonl", "c.xml"):
        write_reports([report, report], tmp_path / name, force=True)
        assert list(iter_reports(tmp_path / name)) == [report, report]


def test_an_oversized_record_is_refused_without_reading_it_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.jsonl"
    small = json.dumps(lawgov.to_dict(small_report(1)), ensure_ascii=False)
    big = json.dumps(lawgov.to_dict(attrs.evolve(small_report(2), closing=["长" * 5000])))
    path.write_text(f"{small}\n{big}\n{small}\n", encoding="utf-8")
    monkeypatch.setattr("lawgov._formats.json.MAX_INPUT_BYTES", len(small.encode()) + 10)
    entries = list(iter_entries(path))
    assert [line for line, _ in entries] == [1, 2, 3]
    assert entries[0][1] == entries[2][1] == small_report(1)
    error = entries[1][1]
    assert isinstance(error, FormatError)
    assert error.source == f"{path}:2"
    assert "exceeds" in str(error)
