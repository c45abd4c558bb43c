"""The Han character classes: one definition, and the widths that differ on purpose."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lawgov
from lawgov._model.han import (
    HAN,
    HAN_BASIC,
    HAN_BMP,
    HAN_SPAN,
    is_basic_han,
    is_bmp_han,
    is_han,
)


@pytest.mark.parametrize(
    ("char", "han", "bmp", "basic", "span"),
    [
        ("法", True, True, True, True),
        ("一", True, True, True, True),
        ("\u9fff", True, True, True, True),
        ("㐀", True, True, False, True),  # U+3400, Extension A
        (
            "䷀",
            False,
            False,
            False,
            True,
        ),  # U+4DC0, a hexagram symbol, not Han
        ("\uf900", True, False, False, False),  # a compatibility ideograph
        ("\U00020000", True, False, False, False),  # Extension B
        ("\U0003134f", True, False, False, False),  # the end of Extension G
        ("。", False, False, False, False),
        ("a", False, False, False, False),
        ("ア", False, False, False, False),
    ],
)
def test_widths(char: str, han: bool, bmp: bool, basic: bool, span: bool) -> None:
    assert is_han(char) is han
    assert is_bmp_han(char) is bmp
    assert is_basic_han(char) is basic
    assert (re.fullmatch(f"[{HAN}]", char) is not None) is han
    assert (re.fullmatch(f"[{HAN_BMP}]", char) is not None) is bmp
    assert (re.fullmatch(f"[{HAN_BASIC}]", char) is not None) is basic
    assert (re.fullmatch(f"[{HAN_SPAN}]", char) is not None) is span


def test_empty_is_no_han() -> None:
    assert not is_han("")
    assert not is_bmp_han("")
    assert not is_basic_han("")


@given(st.characters())
def test_functions_agree_with_classes(char: str) -> None:
    assert is_han(char) is (re.fullmatch(f"[{HAN}]", char) is not None)
    assert is_bmp_han(char) is (re.fullmatch(f"[{HAN_BMP}]", char) is not None)
    assert is_basic_han(char) is (re.fullmatch(f"[{HAN_BASIC}]", char) is not None)
    # the widths nest: basic ⊂ BMP ⊂ all
    assert not is_basic_han(char) or is_bmp_han(char)
    assert not is_bmp_han(char) or is_han(char)


def test_no_module_restates_a_han_range() -> None:
    # The ranges live in lawgov._model.han; a pattern names the width it uses.
    src = Path(lawgov.__file__).parent
    restated = re.compile(r"\\u(?:4e00|9fff|9fa5|3400|4dbf)|[\u4e00][-][\u9fa5\u9fff]", re.I)
    offenders = [
        str(path.relative_to(src))
        for path in sorted(src.rglob("*.py"))
        if path.name != "han.py" and restated.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
