"""Reading numbers as Chinese reports write them: one way for the whole package.

This module owns the conversion of numerals to values: Arabic digits (ASCII or full width, with
decimals and thousands separators), Chinese numerals (一, 两, 十二, 一百零五, 三千, 一万二,
二〇二〇) and mixtures (``1.5万``). Headings, enumerations (``一是``), metrics and
document numbers all read their numbers through it, so that ``十二`` means 12 everywhere.

The Chinese reader is a small exact parser rather than a call into cn2an: it is linear, never
raises, refuses malformed numerals instead of guessing, and returns `Decimal`.
Its agreement with cn2an is checked by the tests.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Final

from lawgov._model.limits import MAX_DECIMAL_EXPONENT, MAX_DECIMAL_LENGTH

__all__ = [
    "CHINESE_NUMERAL_CHARS",
    "ENUMERATOR",
    "YEAR_DIGITS",
    "chinese_number",
    "chinese_ordinal",
    "ordinal",
    "plain_decimal",
    "year_number",
]

_DIGITS: Final[dict[str, int]] = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    # Financial forms (大写), seen in amounts.
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
_SMALL_UNITS: Final[dict[str, int]] = {
    "十": 10,
    "拾": 10,
    "百": 100,
    "佰": 100,
    "千": 1000,
    "仟": 1000,
}
_BIG_UNITS: Final[dict[str, int]] = {"万": 10_000, "亿": 100_000_000}

#: The characters that make up a Chinese numeral (digits, 十百千, 万亿).
CHINESE_NUMERAL_CHARS: Final[str] = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)

#: The Chinese digits a year is written in, one for each place (二〇二一年, 二○二一年, 二零二一年).
YEAR_DIGITS: Final[str] = "〇○零一二三四五六七八九"
_YEAR_TABLE: Final = str.maketrans(YEAR_DIGITS, "".join(str(_DIGITS[char]) for char in YEAR_DIGITS))

#: An ``N是`` enumeration marker (一是 … 九十九是); group ``numeral`` holds the number. The
#: look-behind keeps ``十一是`` from also matching as ``一是`` and ``第一是`` from matching at all;
#: where a marker may stand (paragraph start, after 。；：) is the structure parser's concern.
ENUMERATOR: Final[re.Pattern[str]] = re.compile(
    r"(?<![零〇一二两三四五六七八九十百第])"
    r"(?P<numeral>[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])是"
)

_ARABIC = re.compile(
    r"(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<frac>[0-9]+))?(?P<big>[万亿]?)"
)
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_APPROXIMATE_SUFFIX = ("余", "多")
_ORDINAL_STRIP = "（）()〔〕【】[]［］ \t\u3000"
_ORDINAL_TRAILING = "、.．，,：:是)）"
_WRITTEN_DIGITS = "零一二三四五六七八九"
_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}  # ① .. ⑳


def chinese_number(text: str) -> Decimal | None:
    """Read a number written in Arabic digits, Chinese numerals, or a mixture.

    Chinese decimals are read too (``九十八点五`` → 98.5). A trailing 余 or 多 (``二十余``) is
    dropped: the caller decides what approximation means.
    A magnitude word is applied (``1.5万`` → 15000): callers that keep magnitude words in a
    unit (metrics) split them off first.

    Args:
        text: The numeral alone, e.g. ``"十二"``, ``"两"``, ``"1,386"``, ``"3.6"``, ``"一万二"``.

    Returns:
        The exact value, or None when ``text`` is not a well-formed number.
    """
    if not isinstance(text, str):
        return None
    text = text.strip()
    while text.endswith(_APPROXIMATE_SUFFIX):
        text = text[:-1]
    if not text:
        return None
    if text[0] in "0123456789０１２３４５６７８９":
        return _arabic(text.translate(_FULL_WIDTH))
    return _chinese(text)


def _arabic(text: str) -> Decimal | None:
    match = _ARABIC.fullmatch(text)
    if match is None:
        return None
    digits = match["int"].replace(",", "")
    if match["frac"]:
        digits = f"{digits}.{match['frac']}"
    try:
        value = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        return None
    if match["big"]:
        value *= _BIG_UNITS[match["big"]]
    return value


def _chinese(text: str) -> Decimal | None:
    if "点" in text:
        # 九十八点五: a whole part, then the decimals digit by digit
        whole, _, decimals = text.partition("点")
        if not decimals or any(ch not in _DIGITS or ch == "两" for ch in decimals):
            return None
        integer = Decimal(0) if whole in ("零", "〇") else _chinese(whole) if whole else None
        if integer is None or integer != integer.to_integral_value():
            return None
        fraction = "".join(str(_DIGITS[ch]) for ch in decimals)
        return integer + Decimal(f"0.{fraction}")
    if any(ch not in CHINESE_NUMERAL_CHARS for ch in text):
        return None
    # Digit by digit (二〇二〇): only digits, at least two, no 两 (never used positionally).
    if len(text) > 1 and all(ch in _DIGITS for ch in text):
        if "两" in text:
            return None
        return Decimal("".join(str(_DIGITS[ch]) for ch in text))
    return _chinese_positional(text)


def _chinese_positional(text: str) -> Decimal | None:
    total = 0  # everything up to the last 亿, already scaled
    block = 0  # the current 万-block (below 亿), already scaled
    section = 0  # the current four-digit section (below 万)
    digit: int | None = None  # a digit waiting for its unit
    zero_seen = False  # a 零 stands between the last unit and what follows
    last_small = 10_000  # small units must fall within a section (千 > 百 > 十)
    last_big = 10**12  # big units must fall too (亿 before 万)
    previous_unit = 0  # the unit just before a trailing digit (一万二 → 12000)
    for ch in text:
        if ch in _DIGITS:
            value = _DIGITS[ch]
            if value == 0:
                zero_seen = True
                continue
            if digit is not None:
                return None  # two digits in a row: not a positional numeral
            digit = value
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if unit >= last_small:
                return None
            if digit is None:
                # a bare 十 opens a numeral (十二) or follows 零 (一千零十); 百/千 need a digit,
                # so 百家 or 千方百计 are not numbers
                if unit != 10 or not (zero_seen or (total, block, section) == (0, 0, 0)):
                    return None
                digit = 1
            section += digit * unit
            digit = None
            zero_seen = False
            last_small = unit
            previous_unit = unit
        else:
            unit = _BIG_UNITS[ch]
            if unit >= last_big or (digit is None and section == 0):
                return None
            if unit == 100_000_000:
                total = (total + block + section + (digit or 0)) * unit
                block = 0
            else:
                block = (section + (digit or 0)) * unit
            section = 0
            digit = None
            zero_seen = False
            last_small = 10_000
            last_big = unit
            previous_unit = unit
    if digit is not None and previous_unit > 10 and len(text) > 1 and text[-2] not in _DIGITS:
        # A trailing digit right after a unit abbreviates the next place down: 一万二 = 12000,
        # 三百五 = 350 (after 十 the next place is the ones, so 二十五 is ordinary).
        digit *= previous_unit // 10
    return Decimal(total + block + section + (digit or 0))


def ordinal(marker: str) -> int | None:
    """Read the number of a heading or enumeration marker.

    Accepts the marker with or without its brackets and trailing punctuation: ``"一"``,
    ``"一、"``, ``"（三）"``, ``"(3)"``, ``"3."``, ``"十二"``, ``"二是"``, ``"第三"``, ``"③"``.

    Args:
        marker: The marker as printed.

    Returns:
        The ordinal (at least 1), or None when ``marker`` is not a positive whole number.
    """
    if not isinstance(marker, str):
        return None
    text = marker.strip(_ORDINAL_STRIP)
    text = text.rstrip(_ORDINAL_TRAILING).strip(_ORDINAL_STRIP)
    if text.startswith("第"):
        text = text[1:]
    if len(text) == 1 and text in _CIRCLED:
        return _CIRCLED[text]
    if not text or text.endswith(_APPROXIMATE_SUFFIX):
        return None
    value = chinese_number(text)
    if value is None or value != value.to_integral_value() or value < 1:
        return None
    if "." in text or "．" in text:
        return None
    return int(value)


def chinese_ordinal(number: int) -> str:
    """Write an ordinal as headings and markers print it: the reverse of `ordinal` below 100.

    ``1`` → 一, ``10`` → 十, ``12`` → 十二, ``20`` → 二十, ``99`` → 九十九. Other numbers (0,
    negatives, 100 and beyond) are written in plain digits, which headings also use.

    Args:
        number: The ordinal.

    Returns:
        The numeral, without brackets or punctuation.
    """
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _WRITTEN_DIGITS[tens] + "十")
    return head + (_WRITTEN_DIGITS[ones] if ones else "")


def year_number(text: str) -> int:
    """A year written digit by digit, in Arabic or in Chinese digits (``2021``, ``二〇二一``).

    Raises:
        ValueError: ``text`` holds something else than the digits of `YEAR_DIGITS` or decimal
            digits (the callers have matched it against a year pattern first).
    """
    return int(text.translate(_YEAR_TABLE))


# Plain digits up to this many characters (any metric value within the decimal limits fits);
# beyond, the exponent form, so that a base value scaled by a long run of magnitude words
# (万万万…元) never makes the output grow faster than its input.
_PLAIN_LENGTH: Final = MAX_DECIMAL_EXPONENT + MAX_DECIMAL_LENGTH + 1


def plain_decimal(value: Decimal, *, trim: bool = False) -> str:
    """Write a decimal in plain digits (``1.5E+7`` → ``15000000``), for people and spreadsheets.

    Args:
        value: The decimal.
        trim: Drop the zeros after the point of a whole number (``1500.0`` → ``1500``).

    Returns:
        The digits; ``str(value)`` for a value that is not finite, or whose plain form would be
        longer than any metric value within the decimal limits.
    """
    if not value.is_finite():
        return str(value)
    if trim and value == value.to_integral_value():
        value = value.normalize()
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    length = len(digits) + abs(exponent) + 2
    return format(value, "f") if length <= _PLAIN_LENGTH else str(value)
