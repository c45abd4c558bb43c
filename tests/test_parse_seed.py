"""The seed: the scraped page parses to exactly the hand-written golden report.

The seed is the bundled sample, read by path and through :mod:`lawgov.samples`;
both must give ``tests.golden.seed_report``.
On a difference the failure names every differing field by its path, not just "not equal".
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import lawgov
import lawgov.samples


def _load_golden() -> ModuleType:
    # By path (as tests/test_golden.py does), whatever pytest puts on sys.path.
    location = Path(__file__).parent / "golden" / "seed_report.py"
    spec = importlib.util.spec_from_file_location("lawgov_golden_seed_report", location)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


seed_report = _load_golden()
BUNDLED = Path(lawgov.samples.__file__).parent / f"{seed_report.NAME}.txt"


def _seed() -> str:
    if not SEED.is_file():
        pytest.fail(f"the seed is missing: expected it at {SEED}")
    return SEED.read_text(encoding="utf-8")


SEED = Path(lawgov.samples.__file__).parent / "jianghai-kjj-2020.txt"


def _differences(got: object, expected: object, path: str = "report") -> Iterator[str]:
    if type(got) is not type(expected):
        yield f"{path}: got a {type(got).__name__}, expected a {type(expected).__name__}"
    elif attrs.has(type(got)):
        for field in attrs.fields(type(got)):
            yield from _differences(
                getattr(got, field.name), getattr(expected, field.name), f"{path}.{field.name}"
            )
    elif isinstance(got, tuple) and isinstance(expected, tuple):
        if len(got) != len(expected):
            yield f"{path}: got {len(got)} items, expected {len(expected)}"
        for index, (left, right) in enumerate(zip(got, expected, strict=False)):
            yield from _differences(left, right, f"{path}[{index}]")
    elif got != expected:
        yield f"{path}: got {got!r}, expected {expected!r}"


def _assert_golden(report: lawgov.Report) -> None:
    differences = list(_differences(report, seed_report.build()))
    assert differences == [], "\n".join(differences)
    assert report == seed_report.build()


def test_shared_seed_parses_to_the_golden_report() -> None:
    _assert_golden(lawgov.parse_text(_seed()))


def test_bundled_copy_of_the_seed_parses_to_the_golden_report() -> None:
    _assert_golden(lawgov.parse_text(BUNDLED.read_text(encoding="utf-8")))


def test_parsing_the_cleaned_seed_gives_the_same_report() -> None:
    raw = _seed()
    assert lawgov.parse_text(lawgov.clean_text(raw)) == lawgov.parse_text(raw)


def test_parse_result_keeps_the_cleaned_text_and_reports_the_damage() -> None:
    result = lawgov.parse(_seed())
    assert result.report == seed_report.build()
    assert result.text == lawgov.clean_text(_seed())
    assert result.cleaning.text == result.text
    # The mojibake run ??萍季? is removed by the cleaner and surfaces as a warning.
    assert any(w.stage == "clean" and "??萍季?" in w.message for w in result.warnings)


def test_url_is_recorded_and_source_names_the_file_in_errors() -> None:
    url = "https://www.example.gov.cn/kjj/2021/0226.html"
    report = lawgov.parse_text(_seed(), url=url)
    assert report.url == url
    with pytest.raises(lawgov.ParseError, match=r"^seed\.txt: "):
        lawgov.parse_text("", source="seed.txt")


def test_keep_script_reads_the_same_structure_in_traditional_script() -> None:
    simplified = lawgov.parse_text(_seed())
    traditional = lawgov.parse_text(_seed(), keep_script=True)
    assert traditional.title == "區科技局2020年法治政府建設年度報告"
    assert traditional.issuer == lawgov.Agency(name="區科技局")
    assert (traditional.year, traditional.published) == (simplified.year, simplified.published)
    assert traditional.source == "本網"

    def shape(report: lawgov.Report) -> list[tuple[int, lawgov.SectionKind, int, int]]:
        return [
            (s.number, s.kind, len(s.paragraphs), sum(1 for _ in s.iter_measures()))
            for s in report.iter_sections()
        ]

    assert shape(traditional) == shape(simplified)
