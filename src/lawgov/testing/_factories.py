"""Factories: realistic, valid model objects in one call, with any field overridden.

Each ``make_*`` builds its object with the public constructors from defaults modelled on a real
district science-and-technology bureau's report (江海区科学技术局, 2020), so every default is a
value a real report holds. Keyword overrides replace fields; defaults that are derived from other
fields follow the overrides (a report's title and publication time follow its ``year``, a
metric's ``text`` follows its value and unit), so overriding one field keeps the object valid.

Conveniences: an agency may be given as its name, a document number as its text
(``"江府〔2017〕16号"``), a metric value as a string or int (``"3.6"``), and any tuple field as a
list. Pass ``check=False`` to build an object that breaks the rules on purpose (construction
checks are switched off, see `unchecked`), e.g. to test how your code
handles a bad report.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pendulum

from lawgov._errors import Problem, ValidationError
from lawgov._model import (
    Agency,
    ChangeKind,
    Citation,
    DelegatedPower,
    DocumentNumber,
    Measure,
    Metric,
    PowerChange,
    PowerMode,
    Report,
    Section,
    SectionKind,
)
from lawgov._model.rules import unchecked

__all__ = [
    "make_citation",
    "make_delegated_power",
    "make_document_number",
    "make_measure",
    "make_metric",
    "make_report",
    "make_section",
]

_ISSUER = "江海区科学技术局"


@contextlib.contextmanager
def _checks(check: bool) -> Iterator[None]:
    if check:
        yield
    else:
        with unchecked():
            yield


def _agency(value: Any) -> Any:
    return Agency(name=value) if isinstance(value, str) else value


def _document_number(value: Any) -> Any:
    return DocumentNumber.parse(value) if isinstance(value, str) else value


def make_document_number(*, check: bool = True, **overrides: Any) -> DocumentNumber:
    """A document number, by default ``江府〔2017〕16号``.

    Args:
        check: Whether construction checks run (False builds invalid objects on purpose).
        **overrides: Fields to replace: ``issuer_code``, ``year``, ``serial``.

    Returns:
        The document number.

    Raises:
        ValidationError: An override breaks a rule (unless ``check`` is False).
    """
    fields: dict[str, Any] = {"issuer_code": "江府", "year": 2017, "serial": 16}
    fields.update(overrides)
    with _checks(check):
        return DocumentNumber(**fields)


def make_citation(*, check: bool = True, **overrides: Any) -> Citation:
    """A citation, by default 《中华人民共和国行政处罚法》 without a document number.

    Args:
        check: Whether construction checks run (False builds invalid objects on purpose).
        **overrides: Fields to replace: ``title``, ``document_number`` (a
            [`DocumentNumber`][lawgov.DocumentNumber] or its text, e.g. ``"江府〔2017〕16号"``).

    Returns:
        The citation.

    Raises:
        ValidationError: An override breaks a rule (unless ``check`` is False).
    """
    with _checks(check):
        fields: dict[str, Any] = {"title": "中华人民共和国行政处罚法", "document_number": None}
        fields.update(overrides)
        fields["document_number"] = _document_number(fields["document_number"])
        return Citation(**fields)


def make_metric(*, check: bool = True, **overrides: Any) -> Metric:
    """A metric, by default ``1500万元`` (value 1500, unit 万元).

    ``text`` defaults to the value followed by the unit, so ``make_metric(value="3.6",
    unit="亿元")`` reads ``3.6亿元``.

    Args:
        check: Whether construction checks run (False builds invalid objects on purpose).
        **overrides: Fields to replace: ``value`` (Decimal, int or decimal string), ``unit``,
            ``text``, ``name``, ``qualifier``.

    Returns:
        The metric.

    Raises:
        ValidationError: An override breaks a rule (unless ``check`` is False), or ``value`` is
            a string that is not a decimal number.
    """
    fields: dict[str, Any] = {"value": Decimal("1500"), "unit": "万元"}
    fields.update(overrides)
    if isinstance(fields["value"], str):
        # A decimal string as a report writes it; anything else is the type rule's business.
        try:
            fields["value"] = Decimal(fields["value"])
        except ArithmeticError:
            message = f"expected a decimal number such as '1500' or '3.6', got {fields['value']!r}"
            raise ValidationError([Problem(path="value", message=message, rule="type")]) from None
    fields.setdefault("text", f"{fields['value']}{fields['unit']}")
    with _checks(check):
        return Metric(**fields)


def make_measure(*, check: bool = True, **overrides: Any) -> Measure:
    """A measure, by default 一是强化组织领导 with one metric (``4次``) stated in its text.

    ``text`` defaults to the title followed by a sentence that states the metrics' texts.

    Args:
        check: Whether construction checks run (False builds invalid objects on purpose).
        **overrides: Fields to replace: ``number``, ``title``, ``text``, ``submeasures``,
            ``metrics``, ``citations``.

    Returns:
        The measure.

    Raises:
        ValidationError: An override breaks a rule (unless ``check`` is False).
    """
    with _checks(check):
        fields: dict[str, Any] = {
            "number": 1,
            "title": "强化组织领导",
            "metrics": (make_metric(value=4, unit="次", check=check),),
            "citations": (),
        }
        fields.update(overrides)
        if "text" not in fields:
            stated = "、".join(getattr(m, "text", "") for m in fields["metrics"])
            body = f"全年召开专题会议{stated}" if stated else "压实法治建设责任"
            fields["text"] = f"{fields['title']}，{body}。"
        return Measure(**fields)


def make_delegated_power(*, check: bool = True, **overrides: Any) -> DelegatedPower:
    """A delegated-power statement, by default the 23 powers 江门市科技局 delegated and entrusted
    to 江海区科学技术局 under 江府〔2017〕16号, 3 of which were later transferred.

    Args:
        check: Whether construction checks run (False builds invalid objects on purpose).
        **overrides: Fields to replace: ``name``, ``grantor`` and ``grantee`` (an
            [`Agency`][lawgov.Agency] or a name), ``mode``, ``count``, ``basis``, ``changes``.

    Returns:
        The statement.

    Raises:
        ValidationError: An override breaks a rule (unless ``check`` is False).
    """
    with _checks(check):
        fields: dict[str, Any] = {
            "name": None,
            "grantor": "江门市科技局",
            "grantee": _ISSUER,
            "mode": PowerMode.DELEGATED_AND_ENTRUSTED,
            "count": 23,
            "basis": make_citation(
                title="江门市人民政府关于调整一批市级行政职权事项的决定",
                document_number="江府〔2017〕16号",
                check=check,
            ),
            "changes": (
                PowerChange(
                    kind=ChangeKind.TRANSFERRED,
                    count=3,
                    recipient=Agency(name="江海区市场监督管理局"),
                ),
            ),
        }
        fields.update(overrides)
        fields["grantor"] = _agency(fields["grantor"])
        fields["grantee"] = _agency(fields["grantee"])
        return DelegatedPower(**fields)


def make_section(*, check: bool = True, **overrides: Any) -> Section:
    """A section, by default 一、主要举措和成效 with two measures.

    Args:
        check: Whether construction checks run (False builds invalid objects on purpose).
        **overrides: Fields to replace: ``number``, ``title``, ``kind``, ``paragraphs``,
            ``measures``, ``subsections``, ``delegated_powers``, ``metrics``, ``citations``.

    Returns:
        The section.

    Raises:
        ValidationError: An override breaks a rule (unless ``check`` is False).
    """
    with _checks(check):
        fields: dict[str, Any] = {
            "number": 1,
            "title": "推进法治政府建设的主要举措和成效",
            "kind": SectionKind.MEASURES_AND_RESULTS,
            "measures": (
                make_measure(number=1, check=check),
                make_measure(
                    number=2,
                    title="规范行政决策",
                    metrics=(make_metric(value=100, unit="%", check=check),),
                    citations=(make_citation(title="重大行政决策程序暂行条例", check=check),),
                    check=check,
                ),
            ),
        }
        fields.update(overrides)
        return Section(**fields)


def _default_sections(check: bool) -> tuple[Section, ...]:
    # The five prescribed parts (docs/conventions.md), as a small real report writes them.
    return (
        make_section(delegated_powers=(make_delegated_power(check=check),), check=check),
        make_section(
            number=2,
            title="存在的不足和原因",
            kind=SectionKind.SHORTCOMINGS,
            paragraphs=("法治宣传教育形式较为单一，执法人员业务能力有待提升。",),
            measures=(),
            check=check,
        ),
        make_section(
            number=3,
            title="党政主要负责人履行推进法治建设第一责任人职责情况",
            kind=SectionKind.LEADERSHIP_DUTIES,
            paragraphs=("局主要负责人带头学法用法，亲自部署法治政府建设重要工作。",),
            measures=(),
            check=check,
        ),
        make_section(
            number=4,
            title="下一步计划",
            kind=SectionKind.NEXT_YEAR_PLAN,
            measures=(
                make_measure(number=1, title="加强法治宣传", metrics=(), check=check),
                make_measure(number=2, title="规范执法行为", metrics=(), check=check),
            ),
            check=check,
        ),
    )


def make_report(*, check: bool = True, **overrides: Any) -> Report:
    """A complete, realistic report: 江海区科学技术局's 2020 report with four sections.

    Defaults derived from other fields follow the overrides: ``title`` is
    ``{issuer}{year}年法治政府建设年度报告`` and ``published`` is 26 February of the year after
    ``year`` at 16:14 China time, so ``make_report(year=2023)`` is valid as it stands.

    Args:
        check: Whether construction checks run (False builds invalid objects on purpose, e.g.
            ``make_report(year=1800, check=False)``).
        **overrides: Fields to replace, any of [`Report`][lawgov.Report]'s (``issuer`` may be a
            name).

    Returns:
        The report.

    Raises:
        ValidationError: An override breaks a rule (unless ``check`` is False).
    """
    with _checks(check):
        fields: dict[str, Any] = {"issuer": _ISSUER, "year": 2020}
        fields.update(overrides)
        fields["issuer"] = _agency(fields["issuer"])
        year = fields["year"]
        name = getattr(fields["issuer"], "name", _ISSUER)
        fields.setdefault("title", f"{name}{year}年法治政府建设年度报告")
        if "published" not in fields and isinstance(year, int):
            fields["published"] = pendulum.datetime(year + 1, 2, 26, 16, 14, tz="Asia/Shanghai")
        fields.setdefault("source", "本网")
        fields.setdefault("preamble", (f"现将{name}{year}年法治政府建设工作情况报告如下：",))
        if "sections" not in fields:
            fields["sections"] = _default_sections(check)
        return Report(**fields)
