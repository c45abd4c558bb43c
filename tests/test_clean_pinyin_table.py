"""The cleaner reads pypinyin's character table itself: the same readings as pypinyin gives."""

from __future__ import annotations

import random
import unicodedata

import pytest

from lawgov._parse import clean

pypinyin = pytest.importorskip("pypinyin")


def _pypinyin_readings(char: str) -> frozenset[str]:
    # What lawgov asked pypinyin before it read the table itself.
    readings: set[str] = set()
    for style in (pypinyin.Style.TONE, pypinyin.Style.NORMAL):
        for reading in pypinyin.pinyin(char, style=style, heteronym=True)[0]:
            readings.add(unicodedata.normalize("NFC", reading))
            readings.add(clean._toneless(reading))
    readings.discard(char)
    return frozenset(readings)


def test_the_table_gives_pypinyins_readings_up_to_its_normal_style() -> None:
    table = clean._pinyin_table()
    assert len(table) > 20_000
    chars = [chr(int(key)) for key in random.Random(12).sample(sorted(table), 3000)]
    chars += list("区域叶绿女略嗯呣")
    for char in chars:
        ours = clean._readings(char)
        theirs = _pypinyin_readings(char)
        assert ours <= theirs, char
        # The NORMAL forms pypinyin adds (lv for 绿) are covered by the toneless match.
        assert {clean._toneless(reading) for reading in theirs} <= ours | {
            clean._toneless(reading) for reading in ours
        }, char
        for reading in theirs:
            assert clean._is_reading(char, reading), (char, reading)


def test_a_character_without_a_reading_has_none() -> None:
    assert clean._readings("A") == frozenset()
    assert not clean._is_reading("。", "ju")


def test_traditional_characters_are_those_the_whole_tables_give() -> None:
    texts = [
        "区科技局2020年法治政府建设年度报告，扶持企业608家。",
        "區域規劃與發展，然後於是徵收瞭解。",
        "𠀀㐀丟並乾坤",
    ]
    for text in texts:
        assert clean._traditional_of(text) == clean._traditional() & set(text), text
    assert not clean._traditional_of("区科技局")
    assert "後" in clean._traditional_of("然後")  # in GB2312, but simplified text never uses it
