"""The validation rules' vocabulary: their names, the shared field checks, and the checking switch.

The rules themselves are applied by each model class's check (``lawgov._model.classes``); this
module holds what those checks share and imports no model class, so the model depends on it and
never the other way round. `unchecked` switches construction checks off for loaders that
build a whole tree first and then collect every problem with its path in one pass.

The rule names are part of the public contract (``Problem.rule``); ``RULES`` documents them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from typing import Any, Final

from lawgov._errors import Problem
from lawgov._model import limits

__all__ = [
    "PERCENT",
    "RULES",
    "UNWRITABLE",
    "check_count",
    "check_instance",
    "check_integer_range",
    "check_items",
    "check_numbering",
    "check_text",
    "check_year",
    "enabled",
    "is_int",
    "is_text",
    "kind_of",
    "max_year",
    "unchecked",
    "year_start",
]

#: Every rule a report can break, by name, with what it requires.
RULES: dict[str, str] = {
    "type": "each field holds a value of its declared type (no silent coercion)",
    "missing_field": "every required field is present",
    "unknown_field": "no field beyond the model's, unless the document declares a newer format",
    "empty_text": "titles, names, units and source texts are not empty or blank",
    "unwritable_character": (
        "texts hold only characters both formats carry: no control character but tab, newline "
        "and carriage return, no lone surrogate, no U+FFFE or U+FFFF"
    ),
    "numbering": "sections, subsections, measures and sub-measures are numbered 1..n at each level",
    "year_range": "years lie between 1949 and next year",
    "naive_datetime": "the publication time carries a timezone",
    "published_before_year": "a report is not published before the year it reports on begins",
    "non_finite": "metric values are finite numbers",
    "negative_value": "metric values and view counts are not negative",
    "percentage_range": "a percentage lies in 0..100 unless it states an increase or decrease",
    "count_range": "delegated-power counts and change counts are at least 1",
    "changes_exceed_count": "the changes to delegated powers add up to no more than their count",
    "document_number": "a document number has a 1-8 character CJK issuer code and a serial >= 1",
    "empty_citation": "a citation has a title, a document number, or both",
    "nesting_depth": "sections and measures, counted together, nest at most 32 levels deep",
    "decimal_range": (
        "a metric value is written in at most 100 characters, with an exponent within ±999"
    ),
    "integer_range": "integers lie within ±(2**53-1), the range I-JSON readers keep exactly",
    "text_size": "a text holds at most 2,000,000 characters",
}

#: Characters that JSON or XML cannot carry (the unwritable_character rule): XML 1.0 refuses the
#: C0 controls but tab, newline and carriage return, and U+FFFE and U+FFFF; UTF-8, and so both
#: formats, refuses lone surrogates.
UNWRITABLE: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# A percentage, as printed in either width.
PERCENT = frozenset({"%", "％"})

_checking: ContextVar[bool] = ContextVar("lawgov_checking", default=True)


def enabled() -> bool:
    """Whether construction runs the checks (off only inside `unchecked`)."""
    return _checking.get()


@contextlib.contextmanager
def unchecked() -> Iterator[None]:
    """Build objects without checks; the caller must run `tree_problems` afterwards."""
    token = _checking.set(False)
    try:
        yield
    finally:
        _checking.reset(token)


# China time: +08:00 every year since 1949 (its summer times never reached January 1st). The
# standard library's fixed offset compares twice as fast as pendulum's Asia/Shanghai zone.
_CHINA = dt.timezone(dt.timedelta(hours=8))


@functools.lru_cache(maxsize=256)
def year_start(year: int) -> dt.datetime:
    """The instant a year begins in China (the published_before_year rule)."""
    return dt.datetime(year, 1, 1, tzinfo=_CHINA)


def max_year() -> int:
    # The stdlib clock: pendulum.now() costs tens of microseconds, paid for every year checked.
    return dt.datetime.now(_CHINA).year + 1


def is_int(value: object) -> bool:
    return type(value) is int


def check_text(
    problems: list[Problem], path: str, value: object, *, optional: bool = False
) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str):
        expected = "a string or null" if optional else "a string"
        problems.append(
            Problem(path=path, message=f"expected {expected}, got {kind_of(value)}", rule="type")
        )
    elif not value.strip():
        problems.append(Problem(path=path, message="must not be empty", rule="empty_text"))
    elif len(value) > limits.MAX_TEXT_LENGTH:
        message = f"holds {len(value)} characters, more than {limits.MAX_TEXT_LENGTH}"
        problems.append(Problem(path=path, message=message, rule="text_size"))
    else:
        bad = UNWRITABLE.search(value)
        if bad is not None:
            problems.append(
                Problem(
                    path=path,
                    message=f"holds U+{ord(bad.group()):04X} at offset {bad.start()}, a character "
                    "JSON or XML cannot carry",
                    rule="unwritable_character",
                )
            )


def is_text(value: object) -> bool:
    """Whether ``value`` passes `check_text` (without building its problem)."""
    return (
        isinstance(value, str)
        and bool(value.strip())
        and len(value) <= limits.MAX_TEXT_LENGTH
        and UNWRITABLE.search(value) is None
    )


def check_instance(
    problems: list[Problem], path: str, value: object, cls: type, *, optional: bool = False
) -> bool:
    if value is None and optional:
        return False
    if isinstance(value, cls):
        return True
    expected = f"{cls.__name__} or null" if optional else cls.__name__
    problems.append(
        Problem(path=path, message=f"expected {expected}, got {kind_of(value)}", rule="type")
    )
    return False


def check_items(problems: list[Problem], path: str, value: object, cls: type) -> Sequence[Any]:
    if not isinstance(value, tuple):
        problems.append(
            Problem(path=path, message=f"expected a tuple, got {kind_of(value)}", rule="type")
        )
        return ()
    good = True
    for index, item in enumerate(value):
        good &= check_instance(problems, f"{path}[{index}]", item, cls)
    return value if good else ()


def check_numbering(problems: list[Problem], path: str, children: Sequence[Any]) -> None:
    for index, child in enumerate(children, start=1):
        number = child.number
        if is_int(number) and not -limits.MAX_INTEGER <= number <= limits.MAX_INTEGER:
            continue  # the child's own integer_range problem (too long to write out here)
        if number != index:
            message = f"expected {index} (numbering runs 1..n at each level), got {number!r}"
            problems.append(
                Problem(path=f"{path}[{index - 1}].number", message=message, rule="numbering")
            )


def check_year(problems: list[Problem], path: str, value: object) -> None:
    if not is_int(value):
        problems.append(
            Problem(path=path, message=f"expected an integer, got {kind_of(value)}", rule="type")
        )
        return
    assert isinstance(value, int)
    if not check_integer_range(problems, path, value):
        return
    top = max_year()
    if not limits.MIN_YEAR <= value <= top:
        message = f"year {value} is outside {limits.MIN_YEAR}..{top}"
        problems.append(Problem(path=path, message=message, rule="year_range"))


def check_integer_range(problems: list[Problem], path: str, value: int) -> bool:
    """Whether an integer lies within ±(2**53-1); if not, the integer_range problem."""
    if -limits.MAX_INTEGER <= value <= limits.MAX_INTEGER:
        return True
    # An integer of thousands of digits cannot even be written out (int_max_str_digits).
    size = f"{value.bit_length()}-bit"
    message = f"a {size} integer is outside ±(2**53-1)"
    problems.append(Problem(path=path, message=message, rule="integer_range"))
    return False


def check_count(problems: list[Problem], path: str, value: object) -> bool:
    if not is_int(value):
        problems.append(
            Problem(path=path, message=f"expected an integer, got {kind_of(value)}", rule="type")
        )
        return False
    assert isinstance(value, int)
    if not check_integer_range(problems, path, value):
        return False
    if value < 1:
        problems.append(
            Problem(path=path, message=f"must be at least 1, got {value}", rule="count_range")
        )
        return False
    return True


def kind_of(value: object) -> str:
    if value is None:
        return "null"
    return type(value).__name__
