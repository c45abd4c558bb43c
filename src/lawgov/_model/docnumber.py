"""The grammar of document numbers (发文字号, GB/T 9704 §7.2.5), shared by model and parser.

A document number is an issuer code, the full year in brackets, a serial and 号:
``江府〔2017〕16号``. Published copies use other brackets (``﹝﹞``, ``()``, ``（）``, ``[]``,
``［］``, ``【】``) and sometimes drop the year (``〔〕33号``); all of them are read, and
`format_document_number` writes the canonical ``〔〕`` form.
"""

from __future__ import annotations

import re

from lawgov._model.han import HAN_SPAN

__all__ = [
    "CLOSE_BRACKETS",
    "DOCUMENT_NUMBER",
    "ISSUER_CODE",
    "MAX_CODE_LENGTH",
    "MAX_SERIAL_DIGITS",
    "OPEN_BRACKETS",
    "format_document_number",
]

#: The brackets a year is printed in (GB/T 9704 〔〕 and the variants published copies use);
#: the parser's citation finder reads the same ones.
OPEN_BRACKETS = "〔﹝(（[［【"
CLOSE_BRACKETS = "〕﹞)）]］】"
#: An issuer code is at most this many characters long.
MAX_CODE_LENGTH = 8
#: A serial is written in at most this many digits.
MAX_SERIAL_DIGITS = 6

#: An issuer code: one to eight CJK characters (江府, 津政办发, 国办发, 厅字).
ISSUER_CODE = re.compile(f"[{HAN_SPAN}]{{1,{MAX_CODE_LENGTH}}}")

# No two whitespace runs are adjacent (``\s*(?:X\s*)?``, not ``\s*X?\s*``): otherwise a long run of
# spaces is split every possible way before a mismatch is admitted, which is quadratic.
#: A whole document number; ``code``, ``year`` (may be absent) and ``serial`` are groups.
DOCUMENT_NUMBER = re.compile(
    rf"(?P<code>[{HAN_SPAN}]{{1,{MAX_CODE_LENGTH}}})\s*[{re.escape(OPEN_BRACKETS)}]\s*(?:(?P<year>\d{{4}})\s*)?"
    rf"[{re.escape(CLOSE_BRACKETS)}]\s*(?:第\s*)?(?P<serial>\d{{1,{MAX_SERIAL_DIGITS}}})\s*号"
)


def format_document_number(issuer_code: str, year: int | None, serial: int) -> str:
    """Write a document number in the canonical GB/T 9704 form, ``江府〔2017〕16号``."""
    return f"{issuer_code}〔{'' if year is None else year}〕{serial}号"
