"""The report model: immutable, validated classes for a 法治政府建设年度报告.

Every class is frozen, slotted and keyword-only. Construction runs the checks at the end of this
module on the object's own fields (children were checked when they were built), so an invalid
object cannot exist and `attrs.evolve` stays safe. The checks dispatch by class and share
their vocabulary with ``rules``, which imports no model class. The classes have no
``__weakref__`` slot: the loaders build objects through twins of the same memory layout (see
``construct``).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import attrs
import pendulum

from lawgov._errors import MAX_PROBLEMS, Problem, ProblemList, ValidationError
from lawgov._model import limits, rules
from lawgov._model.docnumber import DOCUMENT_NUMBER, ISSUER_CODE, format_document_number

__all__ = [
    "Agency",
    "ChangeKind",
    "Citation",
    "DelegatedPower",
    "Disclosure",
    "DocumentNumber",
    "Measure",
    "Metric",
    "PowerChange",
    "PowerMode",
    "Qualifier",
    "Report",
    "Section",
    "SectionKind",
    "check_node",
    "tree_problems",
]


def _checked(self: Any) -> None:
    if rules.enabled():
        problems = check_node(self)
        if problems:
            raise ValidationError(problems, model=type(self).__name__)


def _tuple(value: Any) -> tuple[Any, ...]:
    # Lists and iterators become tuples (immutable, hashable). Anything else is left as it is for
    # the check to refuse: tuple("ab") would silently turn a string into ('a', 'b'), and
    # tuple(None) would raise a TypeError instead of a ValidationError.
    if isinstance(value, (list, Iterator)):
        return tuple(value)
    return value  # type: ignore[no-any-return]


def _datetime(value: dt.datetime | None) -> pendulum.DateTime | None:
    # A timezone-aware standard-library datetime is converted exactly (same instant, offset or
    # zone, and microsecond); a naive one, or anything else, passes through for the check to
    # refuse, as a naive time names no instant.
    if (
        isinstance(value, dt.datetime)
        and not isinstance(value, pendulum.DateTime)
        and value.utcoffset() is not None
    ):
        return pendulum.instance(value)
    return value  # type: ignore[return-value]


def _decimal(value: Decimal | int) -> Decimal:
    # ints are exact, so they are accepted as a convenience; floats are not (refused by the check).
    # The annotation is what type checkers hold callers to; at run time anything passes through
    # to the check, which refuses it with a ValidationError.
    return Decimal(value) if type(value) is int else value  # type: ignore[return-value]


class SectionKind(str, enum.Enum):
    """Which of the prescribed parts of the report a section is."""

    MEASURES_AND_RESULTS = "measures_and_results"
    """The year's main measures and results (主要举措和成效)."""
    SHORTCOMINGS = "shortcomings"
    """Shortcomings and their causes (存在的不足和原因)."""
    LEADERSHIP_DUTIES = "leadership_duties"
    """How the principal leaders fulfilled their duty (第一责任人职责)."""
    NEXT_YEAR_PLAN = "next_year_plan"
    """Next year's main arrangements (下一年度主要安排, 下一步计划)."""
    OTHER = "other"
    """Anything else (其他需要报告的情况, unrecognised headings)."""


class Qualifier(str, enum.Enum):
    """How a metric's value relates to the true quantity."""

    EXACT = "exact"
    """The value as stated (达, 达到, or no qualifier)."""
    AT_LEAST = "at_least"
    """A lower bound (至少, 以上, 超过, 逾, 不少于)."""
    AT_MOST = "at_most"
    """An upper bound (不超过, 以内, 以下)."""
    APPROXIMATELY = "approximately"
    """A round figure (约, 余, 近, 左右)."""
    INCREASE = "increase"
    """A change upwards (同比增长, 增加, 提高)."""
    DECREASE = "decrease"
    """A change downwards (同比下降, 减少, 降低)."""
    CUMULATIVE = "cumulative"
    """A running total (累计)."""


class PowerMode(str, enum.Enum):
    """How administrative powers were handed down (or, concentrated, moved sideways)."""

    DELEGATED = "delegated"
    """下放: the power now belongs to the grantee."""
    ENTRUSTED = "entrusted"
    """委托: the grantee exercises it in the grantor's name."""
    DELEGATED_AND_ENTRUSTED = "delegated_and_entrusted"
    """A stated total that mixes both (委托和下放)."""
    GRANTED = "granted"
    """赋予 / 承接: conferred or taken on, without saying which of the two."""
    CONCENTRATED = "concentrated"
    """划入: moved sideways into one body that exercises them together (相对集中行政许可权,
    departments' permit items into a 行政审批局)."""


class ChangeKind(str, enum.Enum):
    """What later happened to some of the delegated powers."""

    TRANSFERRED = "transferred"
    """调整至, 划转, 划入: moved to another body."""
    CANCELLED = "cancelled"
    """取消: abolished."""
    RECLAIMED = "reclaimed"
    """收回: taken back by the grantor."""


# Magnitude words that stay in a unit as written (1500万元) and scale it to its base (元), as
# powers of ten.
_MAGNITUDES: tuple[tuple[str, int], ...] = (("百万", 6), ("亿", 8), ("万", 4), ("千", 3))


def _shift(value: Decimal, places: int) -> Decimal:
    # value * 10**places without a decimal context: multiplication rounds to 28 digits, this
    # cannot. The result is written plainly (42700, not 42700.00 or 4.27E+4) when that is short.
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):  # NaN or infinity (only inside unchecked())
        return value
    exponent += places
    if 0 < exponent <= 40:
        digits, exponent = digits + (0,) * exponent, 0
    while exponent < 0 and len(digits) > 1 and digits[-1] == 0:
        digits, exponent = digits[:-1], exponent + 1
    return Decimal((sign, digits, exponent))


@attrs.frozen(kw_only=True, weakref_slot=False)
class Agency:
    """A government body, named as the report names it (区科技局, 江门市科技局).

    Attributes:
        name: The agency's name as printed.
    """

    name: str

    def __attrs_post_init__(self) -> None:
        _checked(self)

    def __str__(self) -> str:
        return self.name


@attrs.frozen(kw_only=True, weakref_slot=False)
class DocumentNumber:
    """A document number (发文字号) such as ``江府〔2017〕16号``.

    Attributes:
        issuer_code: The issuing organ's code, e.g. ``江府`` or ``国办发``.
        year: The year in the brackets; None for the rare copies that leave it out (``〔〕33号``).
        serial: The serial number, without 第 or leading zeros.
    """

    issuer_code: str
    year: int | None
    serial: int

    def __attrs_post_init__(self) -> None:
        _checked(self)

    @classmethod
    def parse(cls, text: str) -> DocumentNumber:
        """Read a document number in the GB/T 9704 form or a common variant.

        Accepts the brackets 〔〕, ﹝﹞, (), （）, [], ［］ and 【】 around the year, spaces, a
        leading 第 before the serial and leading zeros.

        Raises:
            ValidationError: ``text`` is not a document number, or its parts are invalid.
        """
        if not isinstance(text, str):
            raise ValidationError([Problem(path="", message="expected a string", rule="type")])
        match = DOCUMENT_NUMBER.fullmatch(text.strip())
        if match is None:
            raise ValidationError(
                [
                    Problem(
                        path="",
                        message=f"not a document number (expected e.g. 江府〔2017〕16号): {text!r}",
                        rule="document_number",
                    )
                ]
            )
        year = match["year"]
        return cls(
            issuer_code=match["code"],
            year=None if year is None else int(year),
            serial=int(match["serial"]),
        )

    def __str__(self) -> str:
        return format_document_number(self.issuer_code, self.year, self.serial)


@attrs.frozen(kw_only=True, weakref_slot=False)
class Citation:
    """A cited law, regulation or document.

    Attributes:
        title: The title inside 《》, with nested 〈〉 kept; None when only a document number is
            cited.
        document_number: The document number given with it, if any.
    """

    title: str | None = None
    document_number: DocumentNumber | None = None

    def __attrs_post_init__(self) -> None:
        _checked(self)

    def __str__(self) -> str:
        parts = [f"《{self.title}》"] if self.title is not None else []
        if self.document_number is not None:
            parts.append(f"（{self.document_number}）" if parts else str(self.document_number))
        return "".join(parts)


@attrs.frozen(kw_only=True, weakref_slot=False)
class Metric:
    """A quantitative fact stated in the report, such as ``1500万元``.

    Attributes:
        value: The number as written (Chinese numerals converted), exact.
        unit: The unit as written, magnitude word included (家, 项, %, 万元, 万人次).
        text: The exact source wording, e.g. ``1500万元`` or ``20余次``.
        name: What is counted, when the report says so.
        qualifier: How the value relates to the true quantity.
    """

    value: Decimal = attrs.field(converter=_decimal)
    unit: str
    text: str
    name: str | None = None
    qualifier: Qualifier = Qualifier.EXACT

    def __attrs_post_init__(self) -> None:
        _checked(self)

    def _split_unit(self) -> tuple[int, str]:
        # Magnitude words compound (万亿元 = 10^12 元, 千万元 = 10^7 元), so strip them one by
        # one; a bare magnitude word (万) is kept as the unit, having nothing left to scale.
        # An index, not slices: a unit of a million 万 must not be copied a million times.
        places, start, unit = 0, 0, self.unit
        stripped = True
        while stripped:
            stripped = False
            for word, power in _MAGNITUDES:
                if unit.startswith(word, start) and len(unit) > start + len(word):
                    places, start, stripped = places + power, start + len(word), True
                    break
        return places, unit[start:]

    @property
    def base_unit(self) -> str:
        """The unit without its magnitude words (万元 → 元, 万亿元 → 元); else the unit itself."""
        return self._split_unit()[1]

    @property
    def base_value(self) -> Decimal:
        """The value in `base_unit` (1500 万元 → 15000000 元, 4.27 万户 → 42700 户), exact.

        A unit without a magnitude word gives `value` itself.
        """
        places = self._split_unit()[0]
        return _shift(self.value, places) if places else self.value


@attrs.frozen(kw_only=True, weakref_slot=False)
class PowerChange:
    """A later change to some delegated powers: moved, cancelled or taken back.

    Attributes:
        kind: What happened.
        count: How many powers it concerned.
        recipient: The body that received them, for transfers.
    """

    kind: ChangeKind
    count: int
    recipient: Agency | None = None

    def __attrs_post_init__(self) -> None:
        _checked(self)


@attrs.frozen(kw_only=True, weakref_slot=False)
class DelegatedPower:
    """Administrative powers a higher authority delegated or entrusted to a lower one.

    One object stands for one power statement: a single named power, or a counted batch
    (``江门市科技局委托和下放…管理职权共23项``) when the report only gives a number.

    Attributes:
        name: The power's name, or None when the report only gives a count.
        grantor: The body that handed the powers down.
        grantee: The body that received them (usually the report's issuer).
        mode: Delegated (下放), entrusted (委托), both, granted, or concentrated (划入).
        count: How many powers were handed down.
        basis: The document the hand-over rests on.
        changes: What later happened to some of them, in the order stated.
    """

    name: str | None = None
    grantor: Agency | None = None
    grantee: Agency | None = None
    mode: PowerMode = PowerMode.DELEGATED
    count: int = 1
    basis: Citation | None = None
    changes: tuple[PowerChange, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        _checked(self)

    @property
    def remaining(self) -> int:
        """How many of the powers the grantee still exercises (count less all changes)."""
        return self.count - sum(change.count for change in self.changes)

    @property
    def transferred(self) -> int:
        """How many have been moved, cancelled or taken back since."""
        return sum(change.count for change in self.changes)


@attrs.frozen(kw_only=True, weakref_slot=False)
class Measure:
    """One enumerated action (一是…, 二是…).

    Attributes:
        number: Its ordinal in its list (一是 → 1).
        title: Its headline clause, the text up to the first 。；，or ：.
        text: Its own full text after the marker, headline included, sub-measures excluded.
        submeasures: A list that restarts at 一是 inside this measure.
        metrics: Quantities stated in its own text.
        citations: Laws and documents cited in its own text.
    """

    number: int
    title: str
    text: str
    submeasures: tuple[Measure, ...] = attrs.field(default=(), converter=_tuple)
    metrics: tuple[Metric, ...] = attrs.field(default=(), converter=_tuple)
    citations: tuple[Citation, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        _checked(self)

    def iter_measures(self) -> Iterator[Measure]:
        """This measure, then its sub-measures, depth first."""
        yield self
        for sub in self.submeasures:
            yield from sub.iter_measures()


@attrs.frozen(kw_only=True, weakref_slot=False)
class Section:
    """A numbered heading and everything under it (一、, （一）, 1., （1）).

    Attributes:
        number: The heading's ordinal (一、/（一）/1./（1） → 1).
        title: The heading line, or the text up to the first 。 of a run-in heading.
        kind: Which prescribed part of the report it is.
        paragraphs: Its own text outside measures and subsections.
        measures: The 一是…二是… items in its own text.
        subsections: Headings one level down.
        delegated_powers: Power statements in its own text.
        metrics: Quantities stated in its own paragraphs (not in measures).
        citations: Citations in its own paragraphs (not in measures).
    """

    number: int
    title: str
    kind: SectionKind = SectionKind.OTHER
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    measures: tuple[Measure, ...] = attrs.field(default=(), converter=_tuple)
    subsections: tuple[Section, ...] = attrs.field(default=(), converter=_tuple)
    delegated_powers: tuple[DelegatedPower, ...] = attrs.field(default=(), converter=_tuple)
    metrics: tuple[Metric, ...] = attrs.field(default=(), converter=_tuple)
    citations: tuple[Citation, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        _checked(self)

    def iter_sections(self) -> Iterator[Section]:
        """This section, then its subsections, depth first."""
        yield self
        for sub in self.subsections:
            yield from sub.iter_sections()

    def iter_measures(self) -> Iterator[Measure]:
        """Every measure in this section and below, in document order."""
        for section in self.iter_sections():
            for measure in section.measures:
                yield from measure.iter_measures()

    def iter_metrics(self) -> Iterator[Metric]:
        """Every metric in this section and below: own paragraphs first, then measures."""
        for section in self.iter_sections():
            yield from section.metrics
            for measure in section.measures:
                for item in measure.iter_measures():
                    yield from item.metrics

    def iter_citations(self) -> Iterator[Citation]:
        """Every citation in this section and below: own paragraphs first, then measures."""
        for section in self.iter_sections():
            yield from section.citations
            for measure in section.measures:
                for item in measure.iter_measures():
                    yield from item.citations

    def iter_delegated_powers(self) -> Iterator[DelegatedPower]:
        """Every delegated-power statement in this section and below."""
        for section in self.iter_sections():
            yield from section.delegated_powers


@attrs.frozen(kw_only=True, weakref_slot=False)
class Disclosure:
    """The information-disclosure block (政府信息公开) that many sites print above a report.

    Every field is optional: such blocks often leave values empty, and None stands for both an
    absent label and an empty value.

    Attributes:
        index_number: 索引号, e.g. ``11511234MB1A23456K/2023-00017``.
        document_number: 发文字号 of the report itself (usually empty).
        publisher: 发布机构.
        written: 成文日期, the date the report was signed.
        topic: 主题分类.
        genre: 体裁分类.
        validity: 有效性.
    """

    index_number: str | None = None
    document_number: DocumentNumber | None = None
    publisher: Agency | None = None
    written: pendulum.Date | None = None
    topic: str | None = None
    genre: str | None = None
    validity: str | None = None

    def __attrs_post_init__(self) -> None:
        _checked(self)


@attrs.frozen(kw_only=True, weakref_slot=False)
class Report:
    """A law-based government annual report (法治政府建设年度报告).

    Attributes:
        title: The title as printed.
        issuer: The agency that reports.
        year: The year reported on (not the year of publication).
        published: When the page was published, timezone-aware (China time for Chinese sources).
        source: The page's 来源 line (本网, a site or agency name).
        url: Where the report was found.
        views: The page's view counter, when it shows a number.
        disclosure: The information-disclosure block, when the page has one.
        preamble: Paragraphs before the first heading.
        sections: The top-level numbered sections.
        closing: Paragraphs after the last section (signature, date).
        delegated_powers: Power statements outside any section.
        metrics: Quantities stated outside any section (preamble, closing text).
        citations: Citations outside any section.
        notes: Free remarks by whoever made the record (not part of the published text).
    """

    title: str
    issuer: Agency
    year: int
    published: pendulum.DateTime | None = attrs.field(default=None, converter=_datetime)
    source: str | None = None
    url: str | None = None
    views: int | None = None
    disclosure: Disclosure | None = None
    preamble: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    sections: tuple[Section, ...] = attrs.field(default=(), converter=_tuple)
    closing: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    delegated_powers: tuple[DelegatedPower, ...] = attrs.field(default=(), converter=_tuple)
    metrics: tuple[Metric, ...] = attrs.field(default=(), converter=_tuple)
    citations: tuple[Citation, ...] = attrs.field(default=(), converter=_tuple)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        _checked(self)

    def iter_sections(self) -> Iterator[Section]:
        """Every section at every level, depth first in document order."""
        for section in self.sections:
            yield from section.iter_sections()

    def iter_measures(self) -> Iterator[Measure]:
        """Every measure and sub-measure, in document order."""
        for section in self.sections:
            yield from section.iter_measures()

    def iter_metrics(self) -> Iterator[Metric]:
        """Every metric: the report's own, then each section's (own paragraphs, then measures)."""
        yield from self.metrics
        for section in self.sections:
            yield from section.iter_metrics()

    def iter_citations(self) -> Iterator[Citation]:
        """Every citation in document order (a power's basis is also cited where it is stated)."""
        yield from self.citations
        for section in self.sections:
            yield from section.iter_citations()

    def iter_delegated_powers(self) -> Iterator[DelegatedPower]:
        """Every delegated-power statement, the report's own first."""
        yield from self.delegated_powers
        for section in self.sections:
            yield from section.iter_delegated_powers()


# The checks: each looks only at its object's own fields (and the numbers of its direct children),
# so construction checks each object once, bottom up; tree_problems applies them to a whole tree.


def _check_agency(node: Any) -> list[Problem]:
    problems: list[Problem] = ProblemList()
    rules.check_text(problems, "name", node.name)
    return problems


def _check_document_number(node: Any) -> list[Problem]:
    problems: list[Problem] = ProblemList()
    code = node.issuer_code
    if not isinstance(code, str):
        problems.append(
            Problem(
                path="issuer_code",
                message=f"expected a string, got {rules.kind_of(code)}",
                rule="type",
            )
        )
    elif ISSUER_CODE.fullmatch(code) is None:
        message = f"issuer code must be 1-8 CJK characters (江府, 国办发), got {code!r}"
        problems.append(Problem(path="issuer_code", message=message, rule="document_number"))
    if node.year is not None:
        rules.check_year(problems, "year", node.year)
    serial = node.serial
    if not rules.is_int(serial):
        problems.append(
            Problem(
                path="serial",
                message=f"expected an integer, got {rules.kind_of(serial)}",
                rule="type",
            )
        )
    elif not rules.check_integer_range(problems, "serial", serial):
        pass
    elif serial < 1:
        message = f"serial must be at least 1, got {serial}"
        problems.append(Problem(path="serial", message=message, rule="document_number"))
    return problems


def _check_citation(node: Any) -> list[Problem]:

    problems: list[Problem] = ProblemList()
    rules.check_text(problems, "title", node.title, optional=True)
    rules.check_instance(
        problems, "document_number", node.document_number, DocumentNumber, optional=True
    )
    if node.title is None and node.document_number is None:
        message = "a citation needs a title, a document number, or both"
        problems.append(Problem(path="", message=message, rule="empty_citation"))
    return problems


def _check_metric(node: Any) -> list[Problem]:

    problems: list[Problem] = ProblemList()
    value = node.value
    if type(value) is not Decimal:
        message = f"expected an exact Decimal, got {rules.kind_of(value)}"
        problems.append(Problem(path="value", message=message, rule="type"))
    elif not value.is_finite():
        problems.append(
            Problem(path="value", message=f"must be finite, got {value}", rule="non_finite")
        )
    elif (fault := limits.decimal_fault(value)) is not None:
        message = f"must be written in at most {limits.MAX_DECIMAL_LENGTH} characters with an "
        message += f"exponent within ±{limits.MAX_DECIMAL_EXPONENT}, but {fault}"
        problems.append(Problem(path="value", message=message, rule="decimal_range"))
    elif value < 0:
        message = f"must not be negative, got {value} (state a decrease with the qualifier)"
        problems.append(Problem(path="value", message=message, rule="negative_value"))
    elif (
        type(node.unit) is str
        and node.unit in rules.PERCENT
        and value > 100
        and node.qualifier not in (Qualifier.INCREASE, Qualifier.DECREASE)
    ):
        message = f"a percentage must lie in 0..100 unless it states a change, got {value}%"
        problems.append(Problem(path="value", message=message, rule="percentage_range"))
    rules.check_text(problems, "unit", node.unit)
    rules.check_text(problems, "text", node.text)
    rules.check_text(problems, "name", node.name, optional=True)
    rules.check_instance(problems, "qualifier", node.qualifier, Qualifier)
    return problems


def _check_power_change(node: Any) -> list[Problem]:

    problems: list[Problem] = ProblemList()
    rules.check_instance(problems, "kind", node.kind, ChangeKind)
    rules.check_count(problems, "count", node.count)
    rules.check_instance(problems, "recipient", node.recipient, Agency, optional=True)
    return problems


def _check_delegated_power(node: Any) -> list[Problem]:

    problems: list[Problem] = ProblemList()
    rules.check_text(problems, "name", node.name, optional=True)
    rules.check_instance(problems, "grantor", node.grantor, Agency, optional=True)
    rules.check_instance(problems, "grantee", node.grantee, Agency, optional=True)
    rules.check_instance(problems, "mode", node.mode, PowerMode)
    counted = rules.check_count(problems, "count", node.count)
    rules.check_instance(problems, "basis", node.basis, Citation, optional=True)
    changes = rules.check_items(problems, "changes", node.changes, PowerChange)
    if counted and changes and all(rules.is_int(c.count) for c in changes):
        moved = sum(c.count for c in changes)
        if moved > node.count:
            message = f"changes add up to {moved}, more than the {node.count} powers delegated"
            problems.append(Problem(path="changes", message=message, rule="changes_exceed_count"))
    return problems


def _check_number(problems: list[Problem], node: Any) -> None:
    if not rules.is_int(node.number):
        problems.append(
            Problem(
                path="number",
                message=f"expected an integer, got {rules.kind_of(node.number)}",
                rule="type",
            )
        )
    else:
        rules.check_integer_range(problems, "number", node.number)


def _check_nesting(problems: list[Problem], node: Any) -> None:
    # Each child was checked when it was built, so only this node can be one level too deep;
    # refusing it here keeps every tree shallow enough for hash, repr, the walks and the formats.
    height = limits.nesting_height(node, (Section, Measure))
    if height > limits.MAX_DEPTH:
        message = (
            f"sections and measures nest {height} levels deep here, more than {limits.MAX_DEPTH}"
        )
        problems.append(Problem(path="", message=message, rule="nesting_depth"))


def _check_measure(node: Any) -> list[Problem]:

    problems: list[Problem] = ProblemList()
    _check_number(problems, node)
    rules.check_text(problems, "title", node.title)
    rules.check_text(problems, "text", node.text)
    rules.check_numbering(
        problems,
        "submeasures",
        rules.check_items(problems, "submeasures", node.submeasures, Measure),
    )
    rules.check_items(problems, "metrics", node.metrics, Metric)
    rules.check_items(problems, "citations", node.citations, Citation)
    _check_nesting(problems, node)
    return problems


def _check_paragraphs(problems: list[Problem], path: str, value: object) -> None:
    if not isinstance(value, tuple):
        problems.append(
            Problem(path=path, message=f"expected a tuple, got {rules.kind_of(value)}", rule="type")
        )
        return
    for index, item in enumerate(value):
        if len(problems) >= MAX_PROBLEMS and isinstance(problems, ProblemList):
            # Full: the rest are only counted (millions of bad paragraphs, no Problem each).
            rest = value[index:]
            texts = [text for text in rest if type(text) is str]
            bad = len(rest) - len(texts) + sum(1 for text in texts if not rules.is_text(text))
            problems.omitted += bad
            return
        rules.check_text(problems, f"{path}[{index}]", item)


def _check_section(node: Any) -> list[Problem]:

    problems: list[Problem] = ProblemList()
    _check_number(problems, node)
    rules.check_text(problems, "title", node.title)
    rules.check_instance(problems, "kind", node.kind, SectionKind)
    _check_paragraphs(problems, "paragraphs", node.paragraphs)
    rules.check_numbering(
        problems, "measures", rules.check_items(problems, "measures", node.measures, Measure)
    )
    rules.check_numbering(
        problems,
        "subsections",
        rules.check_items(problems, "subsections", node.subsections, Section),
    )
    rules.check_items(problems, "delegated_powers", node.delegated_powers, DelegatedPower)
    rules.check_items(problems, "metrics", node.metrics, Metric)
    rules.check_items(problems, "citations", node.citations, Citation)
    _check_nesting(problems, node)
    return problems


def _check_disclosure(node: Any) -> list[Problem]:

    problems: list[Problem] = ProblemList()
    rules.check_text(problems, "index_number", node.index_number, optional=True)
    rules.check_instance(
        problems, "document_number", node.document_number, DocumentNumber, optional=True
    )
    rules.check_instance(problems, "publisher", node.publisher, Agency, optional=True)
    written = node.written
    if written is not None and (
        not isinstance(written, pendulum.Date) or isinstance(written, dt.datetime)
    ):
        message = f"expected a pendulum Date or null, got {rules.kind_of(written)}"
        problems.append(Problem(path="written", message=message, rule="type"))
    elif written is not None:
        rules.check_year(problems, "written", written.year)
    rules.check_text(problems, "topic", node.topic, optional=True)
    rules.check_text(problems, "genre", node.genre, optional=True)
    rules.check_text(problems, "validity", node.validity, optional=True)
    return problems


def _check_report(node: Any) -> list[Problem]:

    problems: list[Problem] = ProblemList()
    rules.check_text(problems, "title", node.title)
    rules.check_instance(problems, "issuer", node.issuer, Agency)
    rules.check_year(problems, "year", node.year)
    published = node.published
    if published is not None:
        if not isinstance(published, dt.datetime):
            message = f"expected a timezone-aware datetime or null, got {rules.kind_of(published)}"
            problems.append(Problem(path="published", message=message, rule="type"))
        elif published.tzinfo is None or published.utcoffset() is None:
            message = "must carry a timezone (a local time from a Chinese source is Asia/Shanghai)"
            problems.append(Problem(path="published", message=message, rule="naive_datetime"))
        elif not isinstance(published, pendulum.DateTime):
            # Only reachable with checks bypassing construction: the converter makes pendulum.
            message = "expected a pendulum DateTime (build the report to convert a datetime)"
            problems.append(Problem(path="published", message=message, rule="type"))
        elif (
            rules.is_int(node.year)
            and dt.MINYEAR <= node.year <= dt.MAXYEAR
            # The year begins in China time, and aware datetimes compare as instants: one instant
            # is valid or not whatever zone it is written in (2020-01-01 00:30+08:00 is
            # 2019-12-31 16:30 UTC). Comparing, unlike converting, cannot overflow at year 9999.
            and published < rules.year_start(node.year)
        ):
            day = published.to_date_string()
            message = f"published {day}, before the reported year {node.year} began"
            problems.append(
                Problem(path="published", message=message, rule="published_before_year")
            )
    rules.check_text(problems, "source", node.source, optional=True)
    rules.check_text(problems, "url", node.url, optional=True)
    views = node.views
    if views is not None:
        if not rules.is_int(views):
            problems.append(
                Problem(
                    path="views",
                    message=f"expected an integer or null, got {rules.kind_of(views)}",
                    rule="type",
                )
            )
        elif not rules.check_integer_range(problems, "views", views):
            pass
        elif views < 0:
            problems.append(
                Problem(
                    path="views",
                    message=f"must not be negative, got {views}",
                    rule="negative_value",
                )
            )
    rules.check_instance(problems, "disclosure", node.disclosure, Disclosure, optional=True)
    _check_paragraphs(problems, "preamble", node.preamble)
    rules.check_numbering(
        problems, "sections", rules.check_items(problems, "sections", node.sections, Section)
    )
    _check_paragraphs(problems, "closing", node.closing)
    rules.check_items(problems, "delegated_powers", node.delegated_powers, DelegatedPower)
    rules.check_items(problems, "metrics", node.metrics, Metric)
    rules.check_items(problems, "citations", node.citations, Citation)
    _check_paragraphs(problems, "notes", node.notes)
    return problems


_CHECKS: dict[type, Callable[[Any], list[Problem]]] = {
    Agency: _check_agency,
    DocumentNumber: _check_document_number,
    Citation: _check_citation,
    Metric: _check_metric,
    PowerChange: _check_power_change,
    DelegatedPower: _check_delegated_power,
    Measure: _check_measure,
    Section: _check_section,
    Disclosure: _check_disclosure,
    Report: _check_report,
}


def _checker(node: object) -> Callable[[Any], list[Problem]] | None:
    # Along the MRO, so that a user's subclass of a model class is checked as its base is; by
    # class, so that a stranger that merely shares a name is not.
    for cls in type(node).__mro__:
        check = _CHECKS.get(cls)
        if check is not None:
            return check
    return None


# What a tuple of texts (paragraphs) holds, or what a bad document put there: never checked as
# a model object, so tree_problems need not look them up.
_PLAIN: frozenset[type] = frozenset({str, int, float, bool, type(None), dict, list})


def check_node(node: object) -> list[Problem]:
    """The problems of one object's own fields, with paths relative to it."""
    check = _checker(node)
    return [] if check is None else check(node)


def tree_problems(node: object, path: str = "") -> list[Problem]:
    """Every problem in ``node`` and everything below it, with full paths, in document order."""
    # Capped (ProblemList): fifteen million bad paragraphs must not become as many problems.
    problems = ProblemList()
    own = check_node(node)
    problems.extend([p.under(path) for p in own])
    problems.omitted += getattr(own, "omitted", 0)
    for field in attrs.fields(type(node)):  # type: ignore[arg-type]
        value = getattr(node, field.name)
        if _checker(value) is not None:
            problems.extend(tree_problems(value, f"{path}.{field.name}" if path else field.name))
        elif type(value) is tuple:
            for index, item in enumerate(value):
                if type(item) not in _PLAIN and _checker(item) is not None:
                    where = f"{path}.{field.name}[{index}]" if path else f"{field.name}[{index}]"
                    problems.extend(tree_problems(item, where))
    return problems
