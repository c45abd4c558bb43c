"""Hypothesis strategies that generate valid lawgov objects, built with the public constructors.

Every strategy here yields objects that pass every rule in [`lawgov.RULES`][lawgov.RULES]: numbering
runs 1..n at each level, years lie in 1949..next year, publication times carry a timezone and do not
precede the reported year, metric values are finite, non-negative, plain-notation Decimals
(percentages within 0..100 unless they state a change), power changes never exceed their count,
document numbers have a CJK issuer code and a serial >= 1, and no text is blank.

Shrinking is part of the design: every choice is ordered so that its simplest value comes first
(no optional value, the first realistic phrase, the smallest count), and lists are drawn with
`hypothesis.strategies.lists`, so a failing example shrinks to a small, readable report.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Literal, TypeVar

import attrs
import pendulum
from hypothesis import strategies as st

from lawgov._model import (
    Agency,
    ChangeKind,
    Citation,
    DelegatedPower,
    Disclosure,
    DocumentNumber,
    Measure,
    Metric,
    PowerChange,
    PowerMode,
    Qualifier,
    Report,
    Section,
    SectionKind,
)
from lawgov._model.limits import MIN_YEAR

__all__ = [
    "TextStyle",
    "agencies",
    "citations",
    "decimals",
    "delegated_powers",
    "document_numbers",
    "measures",
    "metrics",
    "reports",
    "sections",
]

T = TypeVar("T")

TextStyle = Literal["chinese", "ascii"]
"""Which script generated text is written in: ``"chinese"`` (Chinese report wording, with XML's
special characters ``<>&`` mixed in) or ``"ascii"`` (ASCII-only text, for code that cannot store
CJK text)."""

# How many metrics, citations, power statements and paragraphs one holder gets at most. The
# breadth knobs cover the lists that multiply (sections, measures); these stay small on purpose.
_MAX_FACTS = 3
_MAX_PARAGRAPHS = 2
_MAX_SERIAL = 999_999  # document-number serials are read back with at most six digits

_CHINESE_PHRASES = (
    "强化组织领导",
    "规范行政决策",
    "严格规范公正文明执法",
    "加强行政执法监督",
    "深入开展普法宣传",
    "推进政务公开",
    "完善依法行政制度体系",
    "优化法治化营商环境",
    "化解社会矛盾纠纷",
    "提升干部法治素养",
)
_CHINESE_CHARS = (
    "法治政府建设年度报告工作推进依法行政决策执法监督科技局区县市人民管理服务制度规范审查"
    "合法性培训学习宣传普及开展完善加强落实责任主要举措成效存在不足原因下一步计划安排领导干部"
    "组织实施全面深化改革营商环境公开透明化解纠纷复议诉讼应诉权力清单事项办理群众企业"
    "㐀𠮷"  # CJK extension A and an astral extension-B character: storage must keep them
    "，。；：、“”《》（）0123456789<>&"
)
_ASCII_PHRASES = (
    "Strengthen leadership",
    "Regulate administrative decisions",
    "Enforce the law fairly",
    "Supervise law enforcement",
    "Publicise the law",
    "Open government affairs",
)
_ASCII_CHARS = string.ascii_letters + string.digits + " .,;:-()<>&'\"/%"

_CHINESE_UNITS = (
    "项",
    "次",
    "%",
    "个",
    "件",
    "家",
    "名",
    "场",
    "人次",
    "份",
    "万元",
    "亿元",
    "万人次",
)
_ASCII_UNITS = ("items", "times", "%", "cases", "people", "yuan")

_PLACES = ("江海区", "江门市", "岚川市溪桥区", "蓬江区", "青山县", "临港镇")
_BODIES = ("科学技术局", "人民政府", "司法局", "市场监督管理局", "生态环境局", "教育局")
_ASCII_PLACES = ("Jianghai District", "Jiangmen City", "Qingshan County")
_ASCII_BODIES = ("Science and Technology Bureau", "People's Government", "Justice Bureau")

_LAW_TITLES = (
    "中华人民共和国行政处罚法",
    "法治政府建设实施纲要（2021—2025年）",
    "重大行政决策程序暂行条例",
    "关于印发〈江门市行政执法公示办法〉的通知",
    "中华人民共和国政府信息公开条例",
)
_ASCII_LAW_TITLES = ("Administrative Penalty Law", "Regulation on Open Government Information")
_ISSUER_CODES = ("江府", "国办发", "津政办发", "厅字", "江科", "粤府办")
# The issuer-code rule accepts CJK unified ideographs U+3400..U+9FFF (extension A and the basic
# block); astral characters are outside it.
_ISSUER_CODE_CHARS = st.characters(min_codepoint=0x3400, max_codepoint=0x9FFF)
_VIEWS = st.integers(0, 1_000_000)


@attrs.frozen(kw_only=True)
class _Knobs:
    """The user's choices, carried down the composite strategies."""

    max_depth: int = 3
    max_sections: int = 3
    max_measures: int = 3
    text: TextStyle = "chinese"
    optional_fields: bool = True

    def __attrs_post_init__(self) -> None:
        if self.text not in ("chinese", "ascii"):
            raise ValueError(f'text must be "chinese" or "ascii", got {self.text!r}')
        for name in ("max_depth", "max_sections", "max_measures"):
            value = getattr(self, name)
            if type(value) is not int or value < 0:
                raise ValueError(f"{name} must be a non-negative integer, got {value!r}")

    @property
    def chinese(self) -> bool:
        return self.text == "chinese"


def _max_year() -> int:
    # The same bound the validation uses: next year, in China time.
    return pendulum.now("Asia/Shanghai").year + 1


# Every builder below is cached on its (hashable) arguments: constructing and validating
# Hypothesis strategies costs far more than drawing from them, and the composites draw the same
# few shapes thousands of times.
_cached = functools.cache


@_cached
def _optional(knobs: _Knobs, strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    # None first, so shrinking drops optional values.
    if not knobs.optional_fields:
        return st.none()
    return st.one_of(st.none(), strategy)


@_cached
def _free_text(alphabet: str, max_size: int) -> st.SearchStrategy[str]:
    # Free text exercises escaping and odd characters; stripped so it is never blank and has no
    # surrounding spaces (cleaned report text never does, see docs/conventions.md).
    return st.text(alphabet=alphabet, min_size=1, max_size=max_size).map(str.strip).filter(bool)


@_cached
def _phrases(knobs: _Knobs) -> st.SearchStrategy[str]:
    """A short non-blank text: a realistic phrase first (for shrinking), or free text."""
    if knobs.chinese:
        return st.one_of(st.sampled_from(_CHINESE_PHRASES), _free_text(_CHINESE_CHARS, 20))
    return st.one_of(st.sampled_from(_ASCII_PHRASES), _free_text(_ASCII_CHARS, 30))


def _punctuation(knobs: _Knobs) -> tuple[str, str]:
    """The clause separator and the full stop of the knobs' script."""
    return ("，", "。") if knobs.chinese else (", ", ".")


@_cached
def _paragraphs(knobs: _Knobs) -> st.SearchStrategy[str]:
    """A sentence of one to three phrases, ending as the script ends sentences."""
    comma, stop = _punctuation(knobs)
    return st.lists(_phrases(knobs), min_size=1, max_size=3).map(
        lambda parts: comma.join(parts) + stop
    )


@_cached
def _paragraph_lists(knobs: _Knobs, max_size: int = _MAX_PARAGRAPHS) -> st.SearchStrategy[Any]:
    return st.lists(_paragraphs(knobs), max_size=max_size).map(tuple)


@_cached
def _agencies(knobs: _Knobs) -> st.SearchStrategy[Agency]:
    # One choice among whole realistic names (not a place and a body drawn apart), so that
    # shrinking lands on 江海区科学技术局 rather than on a one-character free-text name.
    if knobs.chinese:
        realistic = [place + body for place in _PLACES for body in _BODIES]
        free = _free_text(_CHINESE_CHARS, 12)
    else:
        realistic = [f"{place} {body}" for place in _ASCII_PLACES for body in _ASCII_BODIES]
        free = _free_text(_ASCII_CHARS, 30)
    return st.builds(Agency, name=st.one_of(st.sampled_from(realistic), free))


@_cached
def _years() -> st.SearchStrategy[int]:
    # Recent years first: a failing example shrinks to 2016 rather than 1949.
    top = _max_year()
    return st.one_of(st.integers(2016, min(2025, top)), st.integers(MIN_YEAR, top))


@_cached
def _document_numbers(knobs: _Knobs) -> st.SearchStrategy[DocumentNumber]:
    years: st.SearchStrategy[int | None] = _years()
    if knobs.optional_fields:
        years = st.one_of(_years(), st.none())
    return st.builds(
        DocumentNumber,
        issuer_code=st.one_of(
            st.sampled_from(_ISSUER_CODES),
            st.text(alphabet=_ISSUER_CODE_CHARS, min_size=1, max_size=8),
        ),
        year=years,
        serial=st.integers(1, _MAX_SERIAL),
    )


@_cached
def _citations(knobs: _Knobs) -> st.SearchStrategy[Citation]:
    if knobs.chinese:
        titles = st.one_of(st.sampled_from(_LAW_TITLES), _free_text(_CHINESE_CHARS, 30))
    else:
        titles = st.one_of(st.sampled_from(_ASCII_LAW_TITLES), _free_text(_ASCII_CHARS, 40))
    title_only = st.builds(Citation, title=titles)
    if not knobs.optional_fields:
        return title_only
    return st.one_of(
        title_only,
        st.builds(Citation, title=titles, document_number=_document_numbers(knobs)),
        st.builds(Citation, document_number=_document_numbers(knobs)),
    )


@st.composite
def _draw_decimal(draw: st.DrawFn, maximum: int | None) -> Decimal:
    places = draw(st.integers(0, 4))
    top = 10**12 if maximum is None else maximum * 10**places
    # An integer scaled by a power of ten: plain notation (1500, 0.50), never an exponent.
    return Decimal(draw(st.integers(0, top))).scaleb(-places)


@_cached
def decimals(*, maximum: int | None = None) -> st.SearchStrategy[Decimal]:
    """Finite, non-negative Decimals in plain notation, as numbers are written in reports.

    Values are an integer scaled by 10**-k for k in 0..4 (``0``, ``1500``, ``0.5``, ``3.60``),
    so ``str(value)`` never uses an exponent and ``Decimal(str(value))`` gives back the very same
    Decimal, trailing zeros included. Exponent forms such as ``1E+3`` are never generated: they
    compare equal to ``1000`` but are not how a report writes a number.

    Args:
        maximum: The largest value allowed, if any.

    Returns:
        A strategy for Decimals.
    """
    return _draw_decimal(maximum)


@st.composite
def _draw_metric(draw: st.DrawFn, knobs: _Knobs) -> Metric:
    unit = draw(st.sampled_from(_CHINESE_UNITS if knobs.chinese else _ASCII_UNITS))
    qualifier = draw(st.sampled_from(Qualifier))
    is_change = qualifier in (Qualifier.INCREASE, Qualifier.DECREASE)
    value = draw(decimals(maximum=100 if unit == "%" and not is_change else None))
    space = "" if knobs.chinese or unit == "%" else " "
    return Metric(
        value=value,
        unit=unit,
        text=f"{value}{space}{unit}",
        name=draw(_optional(knobs, _phrases(knobs))),
        qualifier=qualifier,
    )


@_cached
def _metrics(knobs: _Knobs) -> st.SearchStrategy[Metric]:
    return _draw_metric(knobs)


@st.composite
def _draw_delegated_power(draw: st.DrawFn, knobs: _Knobs) -> DelegatedPower:
    count = draw(st.integers(1, 60))
    changes: list[PowerChange] = []
    budget = count
    # The changes share the count between them, so they can never add up to more than it.
    for _ in range(draw(st.integers(0, min(3, count)))):
        if budget < 1:
            break
        kind = draw(st.sampled_from(ChangeKind))
        moved = draw(st.integers(1, budget))
        budget -= moved
        recipient = (
            draw(_optional(knobs, _agencies(knobs))) if kind is ChangeKind.TRANSFERRED else None
        )
        changes.append(PowerChange(kind=kind, count=moved, recipient=recipient))
    return DelegatedPower(
        name=draw(_optional(knobs, _phrases(knobs))),
        grantor=draw(_optional(knobs, _agencies(knobs))),
        grantee=draw(_optional(knobs, _agencies(knobs))),
        mode=draw(st.sampled_from(PowerMode)),
        count=count,
        basis=draw(_optional(knobs, _citations(knobs))),
        changes=tuple(changes),
    )


@_cached
def _delegated_powers(knobs: _Knobs) -> st.SearchStrategy[DelegatedPower]:
    return _draw_delegated_power(knobs)


@_cached
def _facts(strategy: st.SearchStrategy[T], max_size: int = _MAX_FACTS) -> st.SearchStrategy[Any]:
    return st.lists(strategy, max_size=max_size).map(tuple)


@_cached
def _numbered(
    build: Callable[..., T], parts: st.SearchStrategy[dict[str, Any]], max_size: int
) -> st.SearchStrategy[tuple[T, ...]]:
    # Children are drawn without numbers and numbered 1..n here, so numbering is always valid
    # and shrinking (which deletes list items) keeps it valid.
    return st.lists(parts, max_size=max_size).map(
        lambda items: tuple(build(number=index, **item) for index, item in enumerate(items, 1))
    )


@_cached
def _rests(knobs: _Knobs) -> st.SearchStrategy[str]:
    return st.one_of(st.just(""), _paragraphs(knobs))


@st.composite
def _draw_measure_fields(draw: st.DrawFn, knobs: _Knobs, depth: int) -> dict[str, Any]:
    title = draw(_phrases(knobs))
    rest = draw(_rests(knobs))
    comma, stop = _punctuation(knobs)
    # The headline is the text up to the first clause break (docs/conventions.md).
    text = f"{title}{comma}{rest}" if rest else f"{title}{stop}"
    submeasures: tuple[Measure, ...] = ()
    if depth < knobs.max_depth:
        submeasures = draw(
            _numbered(Measure, _measure_fields(knobs, depth + 1), knobs.max_measures)
        )
    return {
        "title": title,
        "text": text,
        "submeasures": submeasures,
        "metrics": draw(_facts(_metrics(knobs))),
        "citations": draw(_facts(_citations(knobs), 2)),
    }


@_cached
def _measure_fields(knobs: _Knobs, depth: int) -> st.SearchStrategy[dict[str, Any]]:
    return _draw_measure_fields(knobs, depth)


@st.composite
def _draw_section_fields(
    draw: st.DrawFn, knobs: _Knobs, depth: int, kind: SectionKind | None
) -> dict[str, Any]:
    # Subsections take their parent's kind (docs/conventions.md); top-level sections draw one.
    own_kind = draw(st.sampled_from(SectionKind)) if kind is None else kind
    subsections: tuple[Section, ...] = ()
    if depth < knobs.max_depth:
        subsections = draw(
            _numbered(Section, _section_fields(knobs, depth + 1, own_kind), knobs.max_sections)
        )
    return {
        "title": draw(_phrases(knobs)),
        "kind": own_kind,
        "paragraphs": draw(_paragraph_lists(knobs)),
        "measures": draw(_numbered(Measure, _measure_fields(knobs, 1), knobs.max_measures)),
        "subsections": subsections,
        "delegated_powers": draw(_facts(_delegated_powers(knobs), 2)),
        "metrics": draw(_facts(_metrics(knobs))),
        "citations": draw(_facts(_citations(knobs), 2)),
    }


@_cached
def _section_fields(
    knobs: _Knobs, depth: int, kind: SectionKind | None
) -> st.SearchStrategy[dict[str, Any]]:
    return _draw_section_fields(knobs, depth, kind)


@st.composite
def _draw_datetime(draw: st.DrawFn, year: int) -> pendulum.DateTime:
    # Published in the reported year or the next (most reports appear by 1 April of year + 1).
    published_year = year + draw(st.integers(0, 1))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, pendulum.date(published_year, month, 1).days_in_month))
    hour = draw(st.integers(0, 23))
    minute = draw(st.integers(0, 59))
    second = draw(st.integers(0, 59))
    tz = draw(st.sampled_from(("Asia/Shanghai", "UTC")))
    return pendulum.datetime(published_year, month, day, hour, minute, second, tz=tz)


@_cached
def _datetimes(year: int) -> st.SearchStrategy[pendulum.DateTime]:
    return _draw_datetime(year)


@st.composite
def _draw_date(draw: st.DrawFn, year: int) -> pendulum.Date:
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, pendulum.date(year, month, 1).days_in_month))
    return pendulum.date(year, month, day)


@_cached
def _dates(year: int) -> st.SearchStrategy[pendulum.Date]:
    return _draw_date(year)


@_cached
def _disclosures(knobs: _Knobs, year: int) -> st.SearchStrategy[Disclosure]:
    index_numbers = st.builds(
        lambda code, serial: f"{code}/{year}-{serial:05d}",
        st.sampled_from(("11440700MB2D12345X", "006939748")),
        st.integers(1, 99_999),
    )
    words = ("工作报告", "政府信息公开", "有效") if knobs.chinese else ("report", "valid")
    labels = st.one_of(st.sampled_from(words), _phrases(knobs))
    return st.builds(
        Disclosure,
        index_number=_optional(knobs, index_numbers),
        document_number=_optional(knobs, _document_numbers(knobs)),
        publisher=_optional(knobs, _agencies(knobs)),
        written=_optional(knobs, _dates(year)),
        topic=_optional(knobs, labels),
        genre=_optional(knobs, labels),
        validity=_optional(knobs, labels),
    )


@_cached
def _urls(year: int) -> st.SearchStrategy[str]:
    return st.builds(
        lambda host, page: f"https://{host}/zwgk/{year}/{page}.html",
        st.sampled_from(("www.jianghai.gov.cn", "www.example.gov.cn")),
        st.integers(1, 99_999),
    )


@_cached
def _sources(knobs: _Knobs) -> st.SearchStrategy[str]:
    return st.one_of(st.just("本网" if knobs.chinese else "this site"), _phrases(knobs))


@st.composite
def _draw_report(draw: st.DrawFn, knobs: _Knobs) -> Report:
    issuer = draw(_agencies(knobs))
    year = draw(_years())
    if knobs.chinese:
        template = f"{issuer.name}{year}年法治政府建设年度报告"
        title = draw(st.one_of(st.just(template), _free_text(_CHINESE_CHARS, 40)))
    else:
        template = f"{issuer.name} {year} annual report on law-based government"
        title = draw(st.one_of(st.just(template), _free_text(_ASCII_CHARS, 60)))
    return Report(
        title=title,
        issuer=issuer,
        year=year,
        published=draw(_optional(knobs, _datetimes(year))),
        source=draw(_optional(knobs, _sources(knobs))),
        url=draw(_optional(knobs, _urls(year))),
        views=draw(_optional(knobs, _VIEWS)),
        disclosure=draw(_optional(knobs, _disclosures(knobs, year))),
        preamble=draw(_paragraph_lists(knobs)),
        sections=draw(_numbered(Section, _section_fields(knobs, 1, None), knobs.max_sections)),
        closing=draw(_paragraph_lists(knobs)),
        delegated_powers=draw(_facts(_delegated_powers(knobs), 2)),
        metrics=draw(_facts(_metrics(knobs))),
        citations=draw(_facts(_citations(knobs), 2)),
        notes=draw(_paragraph_lists(knobs, 1)),
    )


def reports(
    *,
    max_depth: int = 3,
    max_sections: int = 3,
    max_measures: int = 3,
    text: TextStyle = "chinese",
    optional_fields: bool = True,
) -> st.SearchStrategy[Report]:
    """Valid reports: every rule in [`lawgov.RULES`][lawgov.RULES] holds.

    Args:
        max_depth: The deepest nesting level of sections (1 = top-level sections only) and,
            separately, of measures (1 = no sub-measures).
        max_sections: At most this many sections at each level.
        max_measures: At most this many measures in one list (a section's, or a measure's
            sub-measures).
        text: ``"chinese"`` for realistic Chinese text (with some extension-A and astral
            characters and ``<>&``), ``"ascii"`` for ASCII-only text. Document-number issuer
            codes are CJK either way, as the rules require.
        optional_fields: When False, every field that may be None is None (a minimal report);
            when True, each is None or filled at random.

    Returns:
        A strategy for [`lawgov.Report`][lawgov.Report].

    Raises:
        ValueError: A knob has an impossible value.
    """
    return _draw_report(
        _Knobs(
            max_depth=max_depth,
            max_sections=max_sections,
            max_measures=max_measures,
            text=text,
            optional_fields=optional_fields,
        )
    )


def sections(
    *,
    max_depth: int = 2,
    max_sections: int = 3,
    max_measures: int = 3,
    text: TextStyle = "chinese",
    optional_fields: bool = True,
) -> st.SearchStrategy[Section]:
    """Valid sections numbered 1, with subsections numbered 1..n below them.

    Args:
        max_depth: The deepest nesting level below and including this section, and of measures.
        max_sections: At most this many subsections at each level.
        max_measures: At most this many measures in one list.
        text: ``"chinese"`` or ``"ascii"`` (see [`reports`][lawgov.testing.reports]).
        optional_fields: Whether fields that may be None are sometimes filled.

    Returns:
        A strategy for [`lawgov.Section`][lawgov.Section].
    """
    knobs = _Knobs(
        max_depth=max_depth,
        max_sections=max_sections,
        max_measures=max_measures,
        text=text,
        optional_fields=optional_fields,
    )
    return _section_fields(knobs, 1, None).map(lambda fields: Section(number=1, **fields))


def measures(
    *,
    max_depth: int = 2,
    max_measures: int = 3,
    text: TextStyle = "chinese",
    optional_fields: bool = True,
) -> st.SearchStrategy[Measure]:
    """Valid measures numbered 1, with sub-measures numbered 1..n below them.

    Args:
        max_depth: The deepest nesting level of sub-measures (1 = none).
        max_measures: At most this many sub-measures in one list.
        text: ``"chinese"`` or ``"ascii"`` (see [`reports`][lawgov.testing.reports]).
        optional_fields: Whether fields that may be None are sometimes filled.

    Returns:
        A strategy for [`lawgov.Measure`][lawgov.Measure].
    """
    knobs = _Knobs(
        max_depth=max_depth, max_measures=max_measures, text=text, optional_fields=optional_fields
    )
    return _measure_fields(knobs, 1).map(lambda fields: Measure(number=1, **fields))


def metrics(
    *, text: TextStyle = "chinese", optional_fields: bool = True
) -> st.SearchStrategy[Metric]:
    """Valid metrics: plain-notation values (see [`decimals`][lawgov.testing.decimals]), percentages
    within 0..100 unless the qualifier states an increase or decrease, and ``text`` written from
    value and unit.

    Args:
        text: ``"chinese"`` for Chinese units (项, 万元, %), ``"ascii"`` for ASCII ones.
        optional_fields: Whether ``name`` is sometimes filled.

    Returns:
        A strategy for [`lawgov.Metric`][lawgov.Metric].
    """
    return _metrics(_Knobs(text=text, optional_fields=optional_fields))


def delegated_powers(
    *, text: TextStyle = "chinese", optional_fields: bool = True
) -> st.SearchStrategy[DelegatedPower]:
    """Valid delegated-power statements whose later changes never exceed their count.

    Args:
        text: ``"chinese"`` or ``"ascii"`` (see [`reports`][lawgov.testing.reports]).
        optional_fields: Whether name, grantor, grantee, basis and recipients are sometimes
            filled.

    Returns:
        A strategy for [`lawgov.DelegatedPower`][lawgov.DelegatedPower].
    """
    return _delegated_powers(_Knobs(text=text, optional_fields=optional_fields))


def citations(
    *, text: TextStyle = "chinese", optional_fields: bool = True
) -> st.SearchStrategy[Citation]:
    """Valid citations: a title, a document number, or both.

    Args:
        text: ``"chinese"`` or ``"ascii"`` titles.
        optional_fields: When False, every citation has a title and no document number.

    Returns:
        A strategy for [`lawgov.Citation`][lawgov.Citation].
    """
    return _citations(_Knobs(text=text, optional_fields=optional_fields))


def document_numbers(*, optional_fields: bool = True) -> st.SearchStrategy[DocumentNumber]:
    """Valid document numbers: a 1-8 character CJK issuer code, a year or None, a serial >= 1.

    Serials stay within six digits so that ``DocumentNumber.parse(str(number))`` reads them back.

    Args:
        optional_fields: When False, the year is always given.

    Returns:
        A strategy for [`lawgov.DocumentNumber`][lawgov.DocumentNumber].
    """
    return _document_numbers(_Knobs(optional_fields=optional_fields))


def agencies(*, text: TextStyle = "chinese") -> st.SearchStrategy[Agency]:
    """Valid agencies: realistic names (江海区科学技术局) or free non-blank text.

    Args:
        text: ``"chinese"`` or ``"ascii"`` names.

    Returns:
        A strategy for [`lawgov.Agency`][lawgov.Agency].
    """
    return _agencies(_Knobs(text=text))


# st.from_type(lawgov.Report), and st.builds() of a user's class with lawgov-typed fields, give
# valid objects too: Hypothesis would otherwise infer them from the type hints, and its guesses
# break the rules. Registered when the strategies are first imported.
for _cls, _strategy in (
    (Report, reports()),
    (Section, sections()),
    (Measure, measures()),
    (Metric, metrics()),
    (DelegatedPower, delegated_powers()),
    (Citation, citations()),
    (DocumentNumber, document_numbers()),
    (Agency, agencies()),
):
    st.register_type_strategy(_cls, _strategy)
