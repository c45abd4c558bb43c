"""The one set of limits every report obeys: at construction, in every reader and every writer.

A limit is here so that what lawgov accepts it can also write, and what it writes it can read
back: the model refuses at construction whatever a format could not carry (a tree nested deeper
than the readers follow, a decimal longer than its written form may be, an integer beyond
I-JSON's exact range, a text longer than libxml2 keeps in one node), and the readers and
writers check the same numbers. The shipped JSON Schema and XSD state them too, and
docs/validation.md lists them in one table.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final

from lawgov._errors import MAX_PROBLEMS

__all__ = [
    "MAX_DECIMAL_EXPONENT",
    "MAX_DECIMAL_LENGTH",
    "MAX_DEPTH",
    "MAX_DOCUMENT_BYTES",
    "MAX_INTEGER",
    "MAX_PROBLEMS",
    "MAX_TEXT_LENGTH",
    "MIN_YEAR",
    "decimal_fault",
    "nesting_height",
]

#: Sections and measures (counted together along a path) nest at most this deep.
MAX_DEPTH: Final = 32
#: A decimal is written in at most this many characters (sign, digits, point, exponent).
MAX_DECIMAL_LENGTH: Final = 100
#: The exponent a decimal is written with (``1.5E+7``: 7) lies within ±this: three digits at
#: most, so that base values and plain (unscientific) output stay short.
MAX_DECIMAL_EXPONENT: Final = 999
#: Integers lie within ±(2**53 - 1), the range every JSON implementation reads exactly (I-JSON).
MAX_INTEGER: Final = 2**53 - 1
#: A text holds at most this many characters: at most 8,000,000 bytes of UTF-8, below the
#: 10,000,000 bytes libxml2 keeps in one text node (without its unsafe ``huge_tree`` option).
MAX_TEXT_LENGTH: Final = 2_000_000
#: Years (of a report, a date, a document number) lie from this one, the founding of the
#: People's Republic, to next year.
MIN_YEAR: Final = 1949
#: A document (JSON or XML, read or written) holds at most this many bytes.
MAX_DOCUMENT_BYTES: Final = 32 * 1024 * 1024


def decimal_fault(value: Decimal) -> str | None:
    """Why a finite Decimal is beyond the decimal limits, or None when it is within them.

    ``str(value)`` is exactly what both formats write; its exponent, when it has one, is the
    adjusted exponent (the place of the leading digit), so checking that is checking the text.
    """
    adjusted = value.adjusted()
    if not -MAX_DECIMAL_EXPONENT <= adjusted <= MAX_DECIMAL_EXPONENT:
        return f"its exponent {adjusted} lies outside ±{MAX_DECIMAL_EXPONENT}"
    length = len(str(value))
    if length > MAX_DECIMAL_LENGTH:
        return f"it is written in {length} characters, more than {MAX_DECIMAL_LENGTH}"
    return None


def nesting_height(node: Any, recursive: tuple[type, ...]) -> int:
    """How many ``recursive`` objects (sections, measures) the longest path down from ``node``
    passes, ``node`` included; iterative, so it cannot overflow the stack.

    Only the fields of those classes that hold more of them are followed (``subsections``,
    ``measures``, ``submeasures``).
    """
    height = 0
    pending: list[tuple[Any, int]] = [(node, 1)]
    while pending:
        item, level = pending.pop()
        height = max(height, level)
        for name in ("subsections", "measures", "submeasures"):
            children = getattr(item, name, ())
            if type(children) is tuple:
                pending.extend(
                    (child, level + 1) for child in children if isinstance(child, recursive)
                )
    return height
