"""The validation rules, one function per model class, and the walk that applies them to a tree.

Each ``_check_*`` looks only at its object's own fields (and the numbers of its direct children),
so construction checks each object once, bottom up. :func:`tree_problems` applies the same rules
to a whole tree built with checks switched off (:func:`unchecked`), giving every problem with its
full path in one pass: that is how the loaders report all problems at once.

The rule names are part of the public contract (``Problem.rule``); ``RULES`` documents them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from decimal import Decimal
from typing import Any, Final

import attrs
import pendulum

from lawgov import _model
from lawgov._docnumber import ISSUER_CODE
from lawgov._errors import Problem

__all__ = [
    "RULES",
    "UNWRITABLE",
    "check_node",
    "enabled",
    "tree_problems",
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
}

#: Characters that JSON or XML cannot carry (the unwritable_character rule): XML 1.0 refuses the
#: C0 controls but tab, newline and carriage return, and U+FFFE and U+FFFF; UTF-8, and so both
#: formats, refuses lone surrogates.
UNWRITABLE: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# A percentage, as printed in either width.
_PERCENT = frozenset({"%", "％"})

_checking: ContextVar[bool] = ContextVar("lawgov_checking", default=True)


def enabled() -> bool:
    """Whether construction runs the checks (off only inside :func:`unchecked`)."""
    return _checking.get()


@contextlib.contextmanager
def unchecked() -> Iterator[None]:
    """Build objects without checks; the caller must run :func:`tree_problems` afterwards."""
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


def _max_year() -> int:
    # The stdlib clock: pendulum.now() costs tens of microseconds, paid for every year checked.
    return dt.datetime.now(_CHINA).year + 1


def _is_int(value: object) -> bool:
    return type(value) is int


def _text(problems: list[Problem], path: str, value: object, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str):
        expected = "a string or null" if optional else "a string"
        problems.append(
            Problem(path=path, message=f"expected {expected}, got {_kind(value)}", rule="type")
        )
    elif not value.strip():
        problems.append(Problem(path=path, message="must not be empty", rule="empty_text"))
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


def _instance(
    problems: list[Problem], path: str, value: object, cls: type, *, optional: bool = False
) -> bool:
    if value is None and optional:
        return False
    if isinstance(value, cls):
        return True
    expected = f"{cls.__name__} or null" if optional else cls.__name__
    problems.append(
        Problem(path=path, message=f"expected {expected}, got {_kind(value)}", rule="type")
    )
    return False


def _items(problems: list[Problem], path: str, value: object, cls: type) -> Sequence[Any]:
    if not isinstance(value, tuple):
        problems.append(
            Problem(path=path, message=f"expected a tuple, got {_kind(value)}", rule="type")
        )
        return ()
    good = True
    for index, item in enumerate(value):
        good &= _instance(problems, f"{path}[{index}]", item, cls)
    return value if good else ()


def _numbering(problems: list[Problem], path: str, children: Sequence[Any]) -> None:
    for index, child in enumerate(children, start=1):
        number = child.number
        if number != index:
            message = f"expected {index} (numbering runs 1..n at each level), got {number!r}"
            problems.append(
                Problem(path=f"{path}[{index - 1}].number", message=message, rule="numbering")
            )


def _year(problems: list[Problem], path: str, value: object) -> None:
    if not _is_int(value):
        problems.append(
            Problem(path=path, message=f"expected an integer, got {_kind(value)}", rule="type")
        )
        return
    assert isinstance(value, int)
    top = _max_year()
    if not 1949 <= value <= top:
        message = f"year {value} is outside 1949..{top}"
        problems.append(Problem(path=path, message=message, rule="year_range"))


def _count(problems: list[Problem], path: str, value: object) -> bool:
    if not _is_int(value):
        problems.append(
            Problem(path=path, message=f"expected an integer, got {_kind(value)}", rule="type")
        )
        return False
    assert isinstance(value, int)
    if value < 1:
        problems.append(
            Problem(path=path, message=f"must be at least 1, got {value}", rule="count_range")
        )
        return False
    return True


def _kind(value: object) -> str:
    if value is None:
        return "null"
    return type(value).__name__


def _check_agency(node: Any) -> list[Problem]:
    problems: list[Problem] = []
    _text(problems, "name", node.name)
    return problems


def _check_document_number(node: Any) -> list[Problem]:
    problems: list[Problem] = []
    code = node.issuer_code
    if not isinstance(code, str):
        problems.append(
            Problem(
                path="issuer_code", message=f"expected a string, got {_kind(code)}", rule="type"
            )
        )
    elif ISSUER_CODE.fullmatch(code) is None:
        message = f"issuer code must be 1-8 CJK characters (江府, 国办发), got {code!r}"
        problems.append(Problem(path="issuer_code", message=message, rule="document_number"))
    if node.year is not None:
        _year(problems, "year", node.year)
    serial = node.serial
    if not _is_int(serial):
        problems.append(
            Problem(path="serial", message=f"expected an integer, got {_kind(serial)}", rule="type")
        )
    elif serial < 1:
        message = f"serial must be at least 1, got {serial}"
        problems.append(Problem(path="serial", message=message, rule="document_number"))
    return problems


def _check_citation(node: Any) -> list[Problem]:

    problems: list[Problem] = []
    _text(problems, "title", node.title, optional=True)
    _instance(
        problems, "document_number", node.document_number, _model.DocumentNumber, optional=True
    )
    if node.title is None and node.document_number is None:
        message = "a citation needs a title, a document number, or both"
        problems.append(Problem(path="", message=message, rule="empty_citation"))
    return problems


def _check_metric(node: Any) -> list[Problem]:

    problems: list[Problem] = []
    value = node.value
    if type(value) is not Decimal:
        message = f"expected an exact Decimal, got {_kind(value)}"
        problems.append(Problem(path="value", message=message, rule="type"))
    elif not value.is_finite():
        problems.append(
            Problem(path="value", message=f"must be finite, got {value}", rule="non_finite")
        )
    elif value < 0:
        message = f"must not be negative, got {value} (state a decrease with the qualifier)"
        problems.append(Problem(path="value", message=message, rule="negative_value"))
    elif (
        type(node.unit) is str
        and node.unit in _PERCENT
        and value > 100
        and node.qualifier not in (_model.Qualifier.INCREASE, _model.Qualifier.DECREASE)
    ):
        message = f"a percentage must lie in 0..100 unless it states a change, got {value}%"
        problems.append(Problem(path="value", message=message, rule="percentage_range"))
    _text(problems, "unit", node.unit)
    _text(problems, "text", node.text)
    _text(problems, "name", node.name, optional=True)
    _instance(problems, "qualifier", node.qualifier, _model.Qualifier)
    return problems


def _check_power_change(node: Any) -> list[Problem]:

    problems: list[Problem] = []
    _instance(problems, "kind", node.kind, _model.ChangeKind)
    _count(problems, "count", node.count)
    _instance(problems, "recipient", node.recipient, _model.Agency, optional=True)
    return problems


def _check_delegated_power(node: Any) -> list[Problem]:

    problems: list[Problem] = []
    _text(problems, "name", node.name, optional=True)
    _instance(problems, "grantor", node.grantor, _model.Agency, optional=True)
    _instance(problems, "grantee", node.grantee, _model.Agency, optional=True)
    _instance(problems, "mode", node.mode, _model.PowerMode)
    counted = _count(problems, "count", node.count)
    _instance(problems, "basis", node.basis, _model.Citation, optional=True)
    changes = _items(problems, "changes", node.changes, _model.PowerChange)
    if counted and changes and all(_is_int(c.count) for c in changes):
        moved = sum(c.count for c in changes)
        if moved > node.count:
            message = f"changes add up to {moved}, more than the {node.count} powers delegated"
            problems.append(Problem(path="changes", message=message, rule="changes_exceed_count"))
    return problems


def _check_measure(node: Any) -> list[Problem]:

    problems: list[Problem] = []
    if not _is_int(node.number):
        problems.append(
            Problem(
                path="number", message=f"expected an integer, got {_kind(node.number)}", rule="type"
            )
        )
    _text(problems, "title", node.title)
    _text(problems, "text", node.text)
    _numbering(
        problems, "submeasures", _items(problems, "submeasures", node.submeasures, _model.Measure)
    )
    _items(problems, "metrics", node.metrics, _model.Metric)
    _items(problems, "citations", node.citations, _model.Citation)
    return problems


def _check_paragraphs(problems: list[Problem], path: str, value: object) -> None:
    if not isinstance(value, tuple):
        problems.append(
            Problem(path=path, message=f"expected a tuple, got {_kind(value)}", rule="type")
        )
        return
    for index, item in enumerate(value):
        _text(problems, f"{path}[{index}]", item)


def _check_section(node: Any) -> list[Problem]:

    problems: list[Problem] = []
    if not _is_int(node.number):
        problems.append(
            Problem(
                path="number", message=f"expected an integer, got {_kind(node.number)}", rule="type"
            )
        )
    _text(problems, "title", node.title)
    _instance(problems, "kind", node.kind, _model.SectionKind)
    _check_paragraphs(problems, "paragraphs", node.paragraphs)
    _numbering(problems, "measures", _items(problems, "measures", node.measures, _model.Measure))
    _numbering(
        problems, "subsections", _items(problems, "subsections", node.subsections, _model.Section)
    )
    _items(problems, "delegated_powers", node.delegated_powers, _model.DelegatedPower)
    _items(problems, "metrics", node.metrics, _model.Metric)
    _items(problems, "citations", node.citations, _model.Citation)
    return problems


def _check_disclosure(node: Any) -> list[Problem]:

    problems: list[Problem] = []
    _text(problems, "index_number", node.index_number, optional=True)
    _instance(
        problems, "document_number", node.document_number, _model.DocumentNumber, optional=True
    )
    _instance(problems, "publisher", node.publisher, _model.Agency, optional=True)
    written = node.written
    if written is not None and (
        not isinstance(written, pendulum.Date) or isinstance(written, dt.datetime)
    ):
        message = f"expected a pendulum Date or null, got {_kind(written)}"
        problems.append(Problem(path="written", message=message, rule="type"))
    elif written is not None:
        _year(problems, "written", written.year)
    _text(problems, "topic", node.topic, optional=True)
    _text(problems, "genre", node.genre, optional=True)
    _text(problems, "validity", node.validity, optional=True)
    return problems


def _check_report(node: Any) -> list[Problem]:

    problems: list[Problem] = []
    _text(problems, "title", node.title)
    _instance(problems, "issuer", node.issuer, _model.Agency)
    _year(problems, "year", node.year)
    published = node.published
    if published is not None:
        if not isinstance(published, pendulum.DateTime):
            message = f"expected a pendulum DateTime or null, got {_kind(published)}"
            problems.append(Problem(path="published", message=message, rule="type"))
        elif published.tzinfo is None or published.utcoffset() is None:
            message = "must carry a timezone (a local time from a Chinese source is Asia/Shanghai)"
            problems.append(Problem(path="published", message=message, rule="naive_datetime"))
        elif (
            _is_int(node.year)
            and dt.MINYEAR <= node.year <= dt.MAXYEAR
            # The year begins in China time, and aware datetimes compare as instants: one instant
            # is valid or not whatever zone it is written in (2020-01-01 00:30+08:00 is
            # 2019-12-31 16:30 UTC). Comparing, unlike converting, cannot overflow at year 9999.
            and published < year_start(node.year)
        ):
            day = published.to_date_string()
            message = f"published {day}, before the reported year {node.year} began"
            problems.append(
                Problem(path="published", message=message, rule="published_before_year")
            )
    _text(problems, "source", node.source, optional=True)
    _text(problems, "url", node.url, optional=True)
    views = node.views
    if views is not None:
        if not _is_int(views):
            problems.append(
                Problem(
                    path="views",
                    message=f"expected an integer or null, got {_kind(views)}",
                    rule="type",
                )
            )
        elif views < 0:
            problems.append(
                Problem(
                    path="views",
                    message=f"must not be negative, got {views}",
                    rule="negative_value",
                )
            )
    _instance(problems, "disclosure", node.disclosure, _model.Disclosure, optional=True)
    _check_paragraphs(problems, "preamble", node.preamble)
    _numbering(problems, "sections", _items(problems, "sections", node.sections, _model.Section))
    _check_paragraphs(problems, "closing", node.closing)
    _items(problems, "delegated_powers", node.delegated_powers, _model.DelegatedPower)
    _items(problems, "metrics", node.metrics, _model.Metric)
    _items(problems, "citations", node.citations, _model.Citation)
    _check_paragraphs(problems, "notes", node.notes)
    return problems


_CHECKS: dict[str, Callable[[Any], list[Problem]]] = {
    "Agency": _check_agency,
    "DocumentNumber": _check_document_number,
    "Citation": _check_citation,
    "Metric": _check_metric,
    "PowerChange": _check_power_change,
    "DelegatedPower": _check_delegated_power,
    "Measure": _check_measure,
    "Section": _check_section,
    "Disclosure": _check_disclosure,
    "Report": _check_report,
}


def _checker(node: object) -> Callable[[Any], list[Problem]] | None:
    # By name, because the model imports this module; along the MRO, so that a user's subclass of
    # a model class is checked as its base is (rather than failing with a KeyError); and only for
    # the model's own classes, not for a stranger that shares a name.
    cls = type(node)
    check = _CHECKS.get(cls.__name__)
    if check is not None and cls.__module__ == "lawgov._model":
        return check
    for base in cls.__mro__[1:]:
        check = _CHECKS.get(base.__name__)
        if check is not None and base.__module__ == "lawgov._model":
            return check
    return None


def check_node(node: object) -> list[Problem]:
    """The problems of one object's own fields, with paths relative to it."""
    check = _checker(node)
    return [] if check is None else check(node)


def tree_problems(node: object, path: str = "") -> list[Problem]:
    """Every problem in ``node`` and everything below it, with full paths, in document order."""
    problems = [p.under(path) for p in check_node(node)]
    for field in attrs.fields(type(node)):  # type: ignore[arg-type]
        value = getattr(node, field.name)
        if _checker(value) is not None:
            problems.extend(tree_problems(value, f"{path}.{field.name}" if path else field.name))
        elif type(value) is tuple:
            for index, item in enumerate(value):
                if _checker(item) is not None:
                    where = f"{path}.{field.name}[{index}]" if path else f"{field.name}[{index}]"
                    problems.extend(tree_problems(item, where))
    return problems
