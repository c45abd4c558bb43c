"""lawgov.samples: the bundled reports, their raw texts and the errors for unknown names."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lawgov
import lawgov.samples

SEED = "jianghai-kjj-2020"


def test_names_lists_the_seed() -> None:
    assert lawgov.samples.names() == (SEED,)


def test_samples_is_reachable_after_import_lawgov() -> None:
    assert lawgov.samples.load(SEED) == lawgov.samples.load(SEED)


def test_load_gives_the_reviewed_report() -> None:
    report = lawgov.samples.load(SEED)
    assert isinstance(report, lawgov.Report)
    assert report.title == "区科技局2020年法治政府建设年度报告"
    assert report.issuer == lawgov.Agency(name="区科技局")
    assert [power.remaining for power in report.iter_delegated_powers()] == [20]


def test_load_reads_the_bundled_json_document() -> None:
    document = lawgov.samples.path(SEED).read_bytes()
    assert lawgov.from_json(document) == lawgov.samples.load(SEED)
    assert lawgov.to_json(lawgov.samples.load(SEED)).encode("utf-8") == document


def test_text_is_the_raw_scraped_page_byte_for_byte() -> None:
    raw = lawgov.samples.path(SEED, "txt").read_bytes()
    # The published copy, pinned: an editor that "fixes" the noise would break the parser demos.
    assert len(raw) == 12252
    assert hashlib.sha256(raw).hexdigest() == (
        "84250603dd6d345f1429d52049eb6488de998b907bcaa2bfd5cfe9b486b4163c"
    )
    assert lawgov.samples.text(SEED) == raw.decode("utf-8")


def test_text_keeps_the_noise_the_report_cleans() -> None:
    raw = lawgov.samples.text(SEED)
    report = lawgov.samples.load(SEED)
    assert raw.startswith("區(qū)科技局2020年法治政府建設(shè)年度報(bào)告\n")
    assert "??萍季?/span>" in raw
    assert "區(qū)" not in report.title
    assert report.sections[0].title == "推进法治政府建设工作"
    assert "一,、推進(jìn)法治政府建設(shè)工作" in raw


@pytest.mark.parametrize(
    "name", ["", "jianghai", "JIANGHAI-KJJ-2020", "../samples/jianghai-kjj-2020", "__init__"]
)
def test_unknown_name_is_a_lookup_error_listing_the_samples(name: str) -> None:
    for reader in (lawgov.samples.load, lawgov.samples.text, lawgov.samples.path):
        with pytest.raises(lawgov.samples.SampleNotFoundError) as caught:
            reader(name)
        assert isinstance(caught.value, lawgov.LawgovError)
        assert isinstance(caught.value, LookupError)
        assert f"available: {SEED}" in str(caught.value)


def test_non_string_name_is_refused_as_unknown() -> None:
    with pytest.raises(lawgov.samples.SampleNotFoundError):
        lawgov.samples.load(None)  # type: ignore[arg-type]


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(lawgov.samples.SampleNotFoundError, match="kind 'xml'"):
        lawgov.samples.path(SEED, "xml")  # type: ignore[arg-type]


def test_every_sample_has_both_files() -> None:
    for name in lawgov.samples.names():
        assert lawgov.samples.path(name, "json").is_file()
        assert lawgov.samples.path(name, "txt").is_file()


@given(st.text(max_size=40))
def test_any_other_name_is_a_sample_not_found_error(name: str) -> None:
    if name in lawgov.samples.names():
        assert lawgov.samples.load(name).title
        return
    for reader in (lawgov.samples.load, lawgov.samples.text, lawgov.samples.path):
        with pytest.raises(lawgov.samples.SampleNotFoundError):
            reader(name)
