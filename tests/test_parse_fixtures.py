"""The report fixtures: each ``NAME.txt`` parses to what ``NAME.expected.json`` states.

They live in ``tests/fixtures`` (fictional reports in the styles of real published ones; the
folder's README gives the expected-file format).

The comparison rules are the fixtures README's: titles without punctuation, spacing or width
differences; metrics as distinct (value, unit) pairs, and their names (when the fixture states
them) never wrong; laws in order of first appearance,
width-insensitive; the section tree with measure counts; the cited document numbers; the
delegated powers.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import lawgov

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _fixture_names() -> list[str]:
    return sorted(path.name.removesuffix(".txt") for path in FIXTURES.glob("*.txt"))


def _all_fixture_names() -> list[str]:
    return _fixture_names()


def _width(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _title_key(text: str) -> str:
    return "".join(
        char for char in _width(text) if not unicodedata.category(char).startswith(("P", "Z"))
    )


def _first_appearances(items: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(items))


def _sections(sections: Iterable[lawgov.Section]) -> list[dict[str, Any]]:
    return [
        {
            "number": section.number,
            "title": _title_key(section.title),
            "measures": len(section.measures),
            "subsections": _sections(section.subsections),
        }
        for section in sections
    ]


def _expected_sections(sections: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "number": section["number"],
            "title": _title_key(section["title"]),
            "measures": section["measures"],
            "subsections": _expected_sections(section["subsections"]),
        }
        for section in sections
    ]


def _document_numbers(report: lawgov.Report) -> Iterator[lawgov.DocumentNumber]:
    for citation in report.iter_citations():
        if citation.document_number is not None:
            yield citation.document_number


def _load(name: str) -> tuple[str, dict[str, Any], lawgov.Report]:
    folder = FIXTURES
    text = (folder / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((folder / f"{name}.expected.json").read_text(encoding="utf-8"))
    return text, expected, lawgov.parse_text(text, source=f"{name}.txt")


@pytest.mark.parametrize("name", _all_fixture_names())
def test_header(name: str) -> None:
    _, expected, report = _load(name)
    assert _title_key(report.title) == _title_key(expected["title"])
    assert report.year == expected["year"]
    assert report.issuer.name == expected["issuer"]
    published = report.published.date().isoformat() if report.published else None
    assert published == expected["published"]


@pytest.mark.parametrize("name", _all_fixture_names())
def test_sections(name: str) -> None:
    _, expected, report = _load(name)
    assert _sections(report.sections) == _expected_sections(expected["sections"])


@pytest.mark.parametrize("name", _all_fixture_names())
def test_metrics(name: str) -> None:
    text, expected, report = _load(name)
    got = {(metric.value, metric.unit) for metric in report.iter_metrics()}
    assert got == {(Decimal(item["value"]), item["unit"]) for item in expected["metrics"]}
    clean = lawgov.clean_text(text)
    for metric in report.iter_metrics():
        assert metric.text in clean, f"{metric.text!r} is not a substring of the text"


def metric_name_scores(expected: dict[str, Any], report: lawgov.Report) -> tuple[int, int, int]:
    """(right, wrong, missed) metric names against a fixture's hand-written ``name`` entries.

    Only entries that carry a ``name`` key are scored (null: the text does not say, so any name
    is wrong), matched by value, unit and text (width and spaces ignored).
    """

    def key(value: Any, unit: str, text: str) -> tuple[Decimal, str, str]:
        return Decimal(value), unit, _width(text).replace(" ", "")

    stated: dict[tuple[Decimal, str, str], set[str | None]] = {}
    for item in expected["metrics"]:
        if "name" in item:
            stated.setdefault(key(item["value"], item["unit"], item["text"]), set()).add(
                item["name"]
            )
    found: dict[tuple[Decimal, str, str], set[str | None]] = {}
    for metric in report.iter_metrics():
        found.setdefault(key(metric.value, metric.unit, metric.text), set()).add(metric.name)
    right = wrong = missed = 0
    for where, names in found.items():
        for named in names - {None}:
            if where in stated:
                right, wrong = (right + 1, wrong) if named in stated[where] else (right, wrong + 1)
    for where, names in stated.items():
        missed += len((names - {None}) - found.get(where, set()))
    return right, wrong, missed


@pytest.mark.parametrize("name", _all_fixture_names())
def test_metric_names_are_never_wrong(name: str) -> None:
    # Precision 1.0: a metric named where the fixture states its name has that name.
    _, expected, report = _load(name)
    wrong = [
        (metric.text, metric.name)
        for metric in report.iter_metrics()
        if metric.name is not None and metric_name_scores(expected, _only(report, metric))[1]
    ]
    assert wrong == []


def _only(report: lawgov.Report, metric: lawgov.Metric) -> lawgov.Report:
    return attrs.evolve(report, sections=(), metrics=(metric,))


@pytest.mark.parametrize("name", _all_fixture_names())
def test_laws(name: str) -> None:
    _, expected, report = _load(name)
    titles = [c.title for c in report.iter_citations() if c.title is not None]
    assert _first_appearances(map(_width, titles)) == [_width(t) for t in expected["laws"]]


@pytest.mark.parametrize("name", _all_fixture_names())
def test_document_numbers(name: str) -> None:
    _, expected, report = _load(name)
    got = _first_appearances(
        (number.issuer_code, number.year, number.serial) for number in _document_numbers(report)
    )
    assert got == [
        (item["issuer_code"], item["year"], item["serial"]) for item in expected["document_numbers"]
    ]


@pytest.mark.parametrize("name", _all_fixture_names())
def test_delegated_powers(name: str) -> None:
    _, expected, report = _load(name)
    got = [
        {
            "name": power.name,
            "count": power.count,
            "grantor": power.grantor.name if power.grantor else None,
            "grantee": power.grantee.name if power.grantee else None,
            "transferred": power.transferred,
        }
        for power in report.iter_delegated_powers()
    ]
    assert got == expected["delegated_powers"]


def test_the_report_is_not_the_fixtures_own_disclosure_number() -> None:
    # The county fixture's own 发文字号 (柘政报〔2023〕4号) is metadata, not a citation.
    name = "b-county-government-2022"
    if name not in _fixture_names():
        pytest.fail(f"fixture {name} is missing from {FIXTURES}")
    _, _, report = _load(name)
    assert report.disclosure is not None
    assert report.disclosure.document_number == lawgov.DocumentNumber(
        issuer_code="柘政报", year=2023, serial=4
    )
    assert all(n.issuer_code != "柘政报" for n in _document_numbers(report))


def test_every_own_fixture_has_its_expected_file() -> None:
    names = _fixture_names()
    assert len(names) >= 40, f"fixtures are missing from {FIXTURES}"
    for name in names:
        assert (FIXTURES / f"{name}.expected.json").is_file(), name


def _traditional(text: str) -> str:
    import opencc

    converted: str = opencc.OpenCC("s2t").convert(text)
    return converted


_ASCII_FOLD = str.maketrans(dict(zip("，：；（）！？", ",:;()!?", strict=True)))
_NOISE = {
    "traditional script": _traditional,
    "ASCII-folded punctuation": lambda text: text.translate(_ASCII_FOLD),
    "CRLF line ends": lambda text: text.replace("\n", "\r\n"),
    "indented paragraphs": lambda text: "\n".join(
        f"\u3000\u3000{line}" if line else line for line in text.split("\n")
    ),
    "blank lines between paragraphs": lambda text: text.replace("\n", "\n\n"),
}


def _outline(report: lawgov.Report) -> tuple[Any, ...]:
    return (
        report.title,
        report.year,
        report.issuer,
        report.published,
        report.preamble,
        report.closing,
        _sections(report.sections),
    )


@pytest.mark.parametrize("noise", sorted(_NOISE))
@pytest.mark.parametrize("name", _all_fixture_names())
def test_copy_noise_leaves_header_and_structure_unchanged(name: str, noise: str) -> None:
    text, _, report = _load(name)
    noisy = lawgov.parse_text(_NOISE[noise](text), source=f"{name}.txt")
    assert _outline(noisy) == _outline(report)
