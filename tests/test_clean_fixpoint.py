"""Cleaning reaches a fixed point, and repairs mojibake a run at a time.

* Stacked remnants (8 pinyin annotations on one character, ``span>`` after ``span>``, ``&amp;``
  nested five deep) are all removed in one call: cleaning again changes nothing, and parsing the
  cleaned text gives the same report.
* A run of UTF-8 read as GBK is repaired whole or left whole, never half.
"""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import lawgov
from lawgov import clean, clean_text

_TITLE = "区科技局2020年法治政府建设年度报告\n一、加强组织领导\n"

STACKED = {
    "pinyin": ("建设" + "(shè)" * 8 + "工作", "建设工作"),
    "full-width pinyin": ("建设" + "（shè）" * 8 + "工作", "建设工作"),
    "tag remnants": ("法治" + "span>" * 8 + "政府", "法治政府"),
    "mixed remnants": ("法治" + "span>p>div>" * 4 + "政府", "法治政府"),
    "entity nest": ("法治&amp;amp;amp;amp;amp;nbsp;政府", "法治 政府"),
    "amp nest": ("A&amp;amp;amp;amp;amp;amp;B", "A&B"),
    "escaped tags": ("法治&amp;lt;span&amp;gt;政府", "法治政府"),
}


@pytest.mark.parametrize("name", sorted(STACKED))
def test_stacked_remnants_are_removed_in_one_call(name: str) -> None:
    raw, expected = STACKED[name]
    assert clean_text(raw) == expected
    assert clean(raw).text == expected


@pytest.mark.parametrize("name", sorted(STACKED))
def test_cleaning_first_changes_no_report_on_stacks(name: str) -> None:
    raw = _TITLE + STACKED[name][0] * 3 + "。"
    assert lawgov.parse_text(clean_text(raw)) == lawgov.parse_text(raw)


@pytest.mark.parametrize("depth", [1, 6, 7, 20, 200])
def test_any_depth_of_stacking_reaches_the_fixed_point(depth: int) -> None:
    for unit in ("(shè)", "span>", "（shè）"):
        raw = "建设" + unit * depth + "工作"
        assert clean_text(raw) == "建设工作"
    assert clean_text("A&" + "amp;" * depth + "B") == "A&B"


# Fragments that stack or interact: each may make another removable in a later round.
_PIECES = [
    "(shè)",
    "（shè）",
    "(",
    ")",
    "span>",
    "p>",
    "</span>",
    "<span",
    ">",
    "&amp;",
    "amp;",
    "nbsp;",
    "&",
    "lt;",
    "gt;",
    "?",
    "\ufffd",
    " ",
    "\u3000",
    "\t",
    ",",
    "，",
    '"',
    "“",
    "設",
    "建",
    "法治",
    "一",
    "是",
    "\n",
    "www.a.cn",
    "鈽呮硶",
    "娉曟不",
]
stacks = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@given(stacks)
@example("建设" + "(shè)" * 8)
@example("法" + "span>" * 8)
@example("&amp;amp;amp;amp;amp;")
def test_cleaning_is_idempotent_on_stacks(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    assert clean(text).text == once


# --- mojibake: a run repaired whole or left whole --------------------------------------------


def test_an_unrepairable_run_is_left_as_it_was() -> None:
    # ★ is no Chinese: the run cannot be repaired, and no part of it is read on its own.
    garbled = "★法治★".encode().decode("gbk")
    result = clean(garbled * 40)
    assert not [change for change in result.changes if change.kind == "damage"]
    assert result.damaged == ()


@pytest.mark.parametrize(
    "original",
    ["法治政府建设年度报告", "推进法治政府建设，执法检查36次。", "全面推进依法行政工作"],
)
def test_a_run_with_unreadable_bytes_is_repaired_whole(original: str) -> None:
    # GBK could not read some byte pairs (U+FFFD): their characters are lost, the rest is
    # repaired; nothing of the garbled run is left behind.
    garbled = original.encode().decode("gbk", errors="replace")
    repaired = clean_text(garbled * 3)
    assert set(repaired) <= set(original)
    assert repaired.count(original[:4]) == 3


# --- long texts: a block of lines at a time ---------------------------------------------------

_SAMPLE = lawgov.samples.text("jianghai-kjj-2020")


@given(st.lists(st.one_of(stacks, st.sampled_from(_SAMPLE.splitlines())), max_size=12))
@example(["法治\r", "\n政府\r\n", "建设" + "(shè)" * 8 + "\n"])
def test_cleaning_block_by_block_is_cleaning_at_once(pieces: list[str]) -> None:
    # clean_text() cleans a long text a block of lines at a time; with tiny blocks, every line
    # is one, and the result is still that of the whole text cleaned at once.
    text = "".join(pieces)
    whole = clean(text).text
    with mock.patch.object(lawgov._parse.clean, "_BLOCK", 3):
        assert clean_text(text) == whole


def test_a_long_text_is_cleaned_in_blocks_and_parses_the_same() -> None:
    title, _, body = _SAMPLE.partition("\n")
    text = title + "\n" + body * 40
    assert len(text) > 2 * lawgov._parse.clean._BLOCK
    assert clean_text(text) == clean(text).text
    assert lawgov.parse_text(text) == lawgov.parse_text(clean_text(text))
