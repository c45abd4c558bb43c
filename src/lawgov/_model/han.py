"""What a Han character is: the ranges of Chinese characters, named once for the whole package.

Each constant is the body of a regex character class (``f"[{HAN}]"``), so that a pattern can
add its own punctuation (``f"[{HAN_BASIC}（）()]"``). Three widths are in use, on purpose:

* `HAN`, every Han ideograph Unicode encodes: the cleaner's (a rare character in a name must not
  split a word or hide damage).
* `HAN_BMP`, the unified ideographs of the Basic Multilingual Plane (Extension A and the basic
  block): what counting and decoding use, where a few rare characters change nothing.
* `HAN_BASIC`, the basic block alone (U+4E00–U+9FFF, all of GB 2312 and GBK's hanzi): what the
  parser's name and subject patterns use, so that symbols and compatibility forms never extend
  a name.

`HAN_SPAN` is the single span U+3400–U+9FFF that the document-number grammar has always used:
Extension A through the basic block, with the 64 Yijing hexagram symbols (U+4DC0–U+4DFF) that
lie between them. It stays as it is so that every issuer code valid before stays valid.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["HAN", "HAN_BASIC", "HAN_BMP", "HAN_SPAN", "is_basic_han", "is_bmp_han", "is_han"]

#: The basic block of CJK Unified Ideographs (U+4E00–U+9FFF).
HAN_BASIC: Final = "\u4e00-\u9fff"
#: Extension A and the basic block, without the hexagram symbols between them.
HAN_BMP: Final = "\u3400-\u4dbf" + HAN_BASIC
#: Every Han ideograph: Extension A, the basic block, the compatibility ideographs and the
#: supplementary planes' extensions B to H.
HAN: Final = HAN_BMP + "\uf900-\ufaff\U00020000-\U0003134f"
#: U+3400–U+9FFF in one span (hexagram symbols included): the document-number grammar's class.
HAN_SPAN: Final = "\u3400-\u9fff"

_IS_HAN = re.compile(f"[{HAN}]")


def is_han(char: str) -> bool:
    """Whether ``char`` (one character; only the first is looked at) is a Han ideograph."""
    return bool(char) and _IS_HAN.match(char) is not None


def is_basic_han(char: str) -> bool:
    """Whether ``char`` (one character) lies in the basic block, U+4E00–U+9FFF."""
    return "\u4e00" <= char <= "\u9fff"


def is_bmp_han(char: str) -> bool:
    """Whether ``char`` (one character) lies in Extension A or the basic block (`HAN_BMP`)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"
