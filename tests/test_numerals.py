"""Reading numerals: Chinese and Arabic numbers, heading ordinals, ``N是`` enumerators."""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

import lawgov
from lawgov._model.numerals import (
    ENUMERATOR,
    YEAR_DIGITS,
    chinese_number,
    chinese_ordinal,
    ordinal,
    plain_decimal,
    year_number,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", "1"),
        ("两", "2"),
        ("十", "10"),
        ("十二", "12"),
        ("二十", "20"),
        ("二十余", "20"),
        ("三十多", "30"),
        ("一百零五", "105"),
        ("两百", "200"),
        ("三千", "3000"),
        ("一千零十", "1010"),
        ("一千二百五", "1250"),
        ("三百五", "350"),
        ("一万二", "12000"),
        ("十万", "100000"),
        ("一亿零五万", "100050000"),
        ("二〇二〇", "2020"),
        ("零", "0"),
        ("叁拾", "30"),
        ("23", "23"),
        ("1,386", "1386"),
        ("3.6", "3.6"),
        ("３６", "36"),
        ("1.5万", "15000"),
        ("4.27万", "42700"),
        (" 18 ", "18"),
        # Chinese decimals
        ("九十八点五", "98.5"),
        ("零点五", "0.5"),
        ("一百点零五", "100.05"),
    ],
)
def test_chinese_number_reads(text: str, value: str) -> None:
    assert chinese_number(text) == Decimal(value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "余",
        "百家",  # 百 and 千 need a digit before them: these are words
        "千方百计",
        "十十",
        "万",
        "万一",
        "一二三四五六七八九十",
        "两二",
        "二两",
        "1,38",
        "3.",
        ".5",
        "十四五规划",
        "abc",
        "一是",
        "点五",  # a decimal needs its whole part
        "十点",  # ... and its decimals
        "三点两",  # 两 is never a decimal digit
        "1点5",
    ],
)
def test_chinese_number_refuses(text: str) -> None:
    assert chinese_number(text) is None


@pytest.mark.parametrize(
    ("marker", "number"),
    [
        ("一", 1),
        ("一、", 1),
        ("十二", 12),
        ("二十三", 23),
        ("（三）", 3),
        ("(三)", 3),
        ("3", 3),
        ("3.", 3),
        ("3．", 3),
        ("3、", 3),
        ("（1）", 1),
        ("(12)", 12),
        ("二是", 2),
        ("十一是", 11),
        ("第三", 3),
        ("③", 3),
    ],
)
def test_ordinal(marker: str, number: int) -> None:
    assert ordinal(marker) == number


@pytest.mark.parametrize("marker", ["", "0", "零", "1.5", "三余", "（）", "甲", "-1"])
def test_ordinal_refuses(marker: str) -> None:
    assert ordinal(marker) is None


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        ("一是健全机制。二是抓实学法。", ["一", "二"]),
        ("九是…十是…十一是…二十是…二十一是", ["九", "十", "十一", "二十", "二十一"]),
        ("第一是关键", []),
        ("十二是", ["十二"]),
        # the pattern only rules out a numeral or 第 before the marker; where a marker may stand
        # (paragraph start, after 。；：) is the structure parser's rule
        ("唯一是", ["一"]),
    ],
)
def test_enumerator(text: str, markers: list[str]) -> None:
    assert [m["numeral"] for m in ENUMERATOR.finditer(text)] == markers


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_number_agrees_with_cn2an(n: int) -> None:
    assert chinese_number(cn2an.an2cn(n)) == n


@given(st.integers(min_value=0, max_value=10**9))
def test_arabic_numbers_round_trip(n: int) -> None:
    assert chinese_number(str(n)) == n
    assert chinese_number(f"{n:,}") == n


@given(st.text())
def test_never_raises(text: str) -> None:
    value = chinese_number(text)
    assert value is None or value.is_finite()
    number = ordinal(text)
    assert number is None or number >= 1
    for match in ENUMERATOR.finditer(text):
        assert ordinal(match["numeral"]) is not None


@pytest.mark.parametrize(
    ("number", "numeral"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (12, "十二"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        # beyond the numerals headings use: plain digits, never a crash
        (100, "100"),
        (1234, "1234"),
        (0, "0"),
        (-3, "-3"),
    ],
)
def test_chinese_ordinal_writes(number: int, numeral: str) -> None:
    assert chinese_ordinal(number) == numeral


@given(st.integers(min_value=1, max_value=99))
def test_chinese_ordinal_reads_back(n: int) -> None:
    written = chinese_ordinal(n)
    assert ordinal(written) == n
    assert ordinal(f"{written}、") == n
    assert ordinal(f"（{written}）") == n
    assert written == cn2an.an2cn(n)
    assert [m["numeral"] for m in ENUMERATOR.finditer(f"{written}是")] == [written]


@pytest.mark.parametrize(
    ("number", "depth", "printed", "compact"),
    [
        (1, 1, "一、", "一"),
        (12, 1, "十二、", "十二"),
        (3, 2, "（三）", "（三）"),
        (4, 3, "4.", "4"),
        (5, 4, "（5）", "（5）"),
        (6, 9, "（6）", "（6）"),  # deeper levels repeat the last marker
        (2, 0, "二、", "二"),  # a depth below 1 counts as 1
        (100, 1, "100、", "100"),
    ],
)
def test_heading_marker(number: int, depth: int, printed: str, compact: str) -> None:
    assert lawgov.heading_marker(number, depth) == printed
    assert lawgov.heading_marker(number, depth, compact=True) == compact


def test_measure_marker() -> None:
    assert lawgov.measure_marker(1) == "一是"
    assert lawgov.measure_marker(21) == "二十一是"


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=4))
def test_heading_markers_read_back(number: int, depth: int) -> None:
    assert ordinal(lawgov.heading_marker(number, depth)) == number
    assert ordinal(lawgov.measure_marker(number)) == number


@pytest.mark.parametrize(
    ("text", "year"),
    [("2021", 2021), ("二〇二一", 2021), ("二○二一", 2021), ("二零二一", 2021), ("一九四九", 1949)],
)
def test_year_number(text: str, year: int) -> None:
    assert year_number(text) == year


@given(st.integers(1949, 2099))
def test_year_number_agrees_with_chinese_number(n: int) -> None:
    # A year's Chinese digits, place by place, read as chinese_number reads them.
    written = "".join(YEAR_DIGITS[[0, 3, 4, 5, 6, 7, 8, 9, 10, 11][int(d)]] for d in str(n))
    assert year_number(written) == n == chinese_number(written)


@pytest.mark.parametrize(
    ("value", "trim", "printed"),
    [
        ("1.5E+7", False, "15000000"),
        ("1500.0", False, "1500.0"),
        ("1500.0", True, "1500"),
        ("1.5E+3", True, "1500"),
        ("99.60", True, "99.60"),
        ("0.00000001", False, "0.00000001"),
        ("1E-8", False, "0.00000001"),
        ("NaN", False, "NaN"),
        ("1E+5000", False, "1E+5000"),  # beyond every metric value: the exponent form
        ("1E+5000", True, "1E+5000"),
    ],
)
def test_plain_decimal(value: str, trim: bool, printed: str) -> None:
    assert plain_decimal(Decimal(value), trim=trim) == printed


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=0, max_value=10**12))
def test_plain_decimal_keeps_the_value(value: Decimal) -> None:
    for trim in (False, True):
        assert Decimal(plain_decimal(value, trim=trim)) == value
