"""The ``invalid_reports()`` strategy: report documents that break exactly one validation rule.

Each example is a ``(data, rule)`` pair. ``data`` is a plain dict in the shape of
[`lawgov.to_dict`][lawgov.to_dict] (what [`lawgov.from_dict`][lawgov.from_dict] loads), made by
generating a valid report, converting it, and breaking one spot of it; ``rule`` is the name, from
[`lawgov.RULES`][lawgov.RULES], of the one rule broken. Loading ``data`` raises
[`lawgov.ValidationError`][lawgov.ValidationError] whose problems all carry ``rule``. Together the
cases cover every rule in [`lawgov.RULES`][lawgov.RULES].

The spot is chosen at random among every place in the report where the rule can be broken (any
section's numbering, any metric, any document number, …), so the error paths users see are as
varied as real ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs
from hypothesis import strategies as st

from lawgov._formats.convert import to_dict
from lawgov._model import (
    Agency,
    Citation,
    DelegatedPower,
    Disclosure,
    DocumentNumber,
    Measure,
    Metric,
    PowerChange,
    Report,
    Section,
)
from lawgov._model.limits import MAX_DECIMAL_LENGTH, MAX_DEPTH, MAX_INTEGER, MAX_TEXT_LENGTH
from lawgov._model.rules import RULES
from lawgov.testing._strategies import (
    TextStyle,
    _max_year,
    citations,
    decimals,
    delegated_powers,
    metrics,
    reports,
    sections,
)

__all__ = ["INVALID_RULES", "invalid_reports"]

# The node kinds of a report document, by the key that holds them in their parent.
_KIND_OF_KEY: dict[str, str] = {
    "sections": "section",
    "subsections": "section",
    "measures": "measure",
    "submeasures": "measure",
    "metrics": "metric",
    "citations": "citation",
    "basis": "citation",
    "document_number": "document_number",
    "delegated_powers": "power",
    "changes": "change",
    "issuer": "agency",
    "grantor": "agency",
    "grantee": "agency",
    "publisher": "agency",
    "recipient": "agency",
    "disclosure": "disclosure",
}
_CLASS_OF_KIND: dict[str, type] = {
    "report": Report,
    "section": Section,
    "measure": Measure,
    "metric": Metric,
    "citation": Citation,
    "document_number": DocumentNumber,
    "power": DelegatedPower,
    "change": PowerChange,
    "agency": Agency,
    "disclosure": Disclosure,
}
# Fields that hold free text (the empty_text rule), by node kind. Not enum values, decimals or
# dates, which are strings in a document too, and not issuer codes (the document_number rule).
_TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "report": ("title", "source", "url"),
    "section": ("title",),
    "measure": ("title", "text"),
    "metric": ("unit", "text", "name"),
    "citation": ("title",),
    "power": ("name",),
    "agency": ("name",),
    "disclosure": ("index_number", "topic", "genre", "validity"),
}
_PARAGRAPH_FIELDS: dict[str, tuple[str, ...]] = {
    "report": ("preamble", "closing", "notes"),
    "section": ("paragraphs",),
}
_NUMBERED_LISTS = ("sections", "subsections", "measures", "submeasures")
_BLANKS = ("", " ", "\u3000", "\t \n")
# Characters a text must not hold (the unwritable_character rule), each one JSON can still
# write as an escape (lone surrogates it cannot, so they are a format error there, not a rule).
_UNWRITABLE = ("\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\ufffe", "\uffff")


@attrs.frozen
class _Node:
    """One object of a report document: its kind, the dict, and the key and list holding it."""

    kind: str
    data: dict[str, Any]


def _nodes(document: dict[str, Any]) -> list[_Node]:
    """Every object of the document, in document order."""
    found: list[_Node] = []
    stack: list[tuple[str, Any]] = [("report", document)]
    while stack:
        kind, data = stack.pop()
        if type(data) is not dict:
            continue
        found.append(_Node(kind, data))
        children: list[tuple[str, Any]] = []
        for key, value in data.items():
            child_kind = _KIND_OF_KEY.get(key)
            if child_kind is None:
                continue
            if type(value) is list:
                children.extend((child_kind, item) for item in value)
            else:
                children.append((child_kind, value))
        stack.extend(reversed(children))
    return found


def _of_kind(document: dict[str, Any], *kinds: str) -> list[_Node]:
    return [node for node in _nodes(document) if node.kind in kinds]


# ---- the breakers: each breaks its rule at one spot drawn from the document --------------------

_Breaker = Callable[[st.DrawFn, dict[str, Any]], None]


def _break_type(draw: st.DrawFn, document: dict[str, Any]) -> None:
    choices: list[tuple[dict[str, Any], str, object]] = [
        (document, "year", str(document["year"])),  # "2020" is not the integer 2020
        (document, "preamble", "a paragraph instead of a list"),
    ]
    for node in _nodes(document):
        for field in _TEXT_FIELDS.get(node.kind, ()):
            if field in node.data:
                choices.append((node.data, field, 7))
        if node.kind == "metric":
            choices.append((node.data, "value", float(node.data["value"])))
    target, key, value = draw(st.sampled_from(choices))
    target[key] = value


def _break_missing_field(draw: st.DrawFn, document: dict[str, Any]) -> None:
    choices: list[tuple[dict[str, Any], str]] = []
    for node in _nodes(document):
        for field in attrs.fields(_CLASS_OF_KIND[node.kind]):
            if field.default is attrs.NOTHING and field.name in node.data:
                choices.append((node.data, field.name))
    target, key = draw(st.sampled_from(choices))
    del target[key]


def _break_unknown_field(draw: st.DrawFn, document: dict[str, Any]) -> None:
    target = draw(st.sampled_from(_nodes(document))).data
    key = draw(st.sampled_from(("colour", "remark", "备注", "numbr")))
    target[key] = draw(st.sampled_from((None, 1, "x")))


def _break_empty_text(draw: st.DrawFn, document: dict[str, Any]) -> None:
    choices: list[tuple[Any, Any]] = []
    for node in _nodes(document):
        choices.extend((node.data, field) for field in _TEXT_FIELDS.get(node.kind, ()))
        for field in _PARAGRAPH_FIELDS.get(node.kind, ()):
            paragraphs = node.data[field]
            choices.extend((paragraphs, index) for index in range(len(paragraphs)))
    target, key = draw(st.sampled_from(choices))
    target[key] = draw(st.sampled_from(_BLANKS))


def _break_unwritable_character(draw: st.DrawFn, document: dict[str, Any]) -> None:
    choices: list[tuple[Any, Any]] = []
    for node in _nodes(document):
        choices.extend(
            (node.data, field)
            for field in _TEXT_FIELDS.get(node.kind, ())
            if node.data.get(field) is not None
        )
        for field in _PARAGRAPH_FIELDS.get(node.kind, ()):
            paragraphs = node.data[field]
            choices.extend((paragraphs, index) for index in range(len(paragraphs)))
    target, key = draw(st.sampled_from(choices))
    text = target[key]
    at = draw(st.integers(min_value=0, max_value=len(text)))
    target[key] = text[:at] + draw(st.sampled_from(_UNWRITABLE)) + text[at:]


def _break_numbering(draw: st.DrawFn, document: dict[str, Any]) -> None:
    choices = [
        (item, index + 1)
        for node in _nodes(document)
        for key in _NUMBERED_LISTS
        for index, item in enumerate(node.data.get(key, ()))
    ]
    item, expected = draw(st.sampled_from(choices))
    item["number"] = draw(st.integers(0, 30).filter(lambda number: number != expected))


def _break_year_range(draw: st.DrawFn, document: dict[str, Any]) -> None:
    numbers = _of_kind(document, "document_number")
    # A report year after the range would also put its publication before the year, so only
    # the early side is used for the report; document numbers may go wrong either way.
    early = st.integers(1, 1948)
    on_number = draw(st.booleans())
    if numbers and on_number:
        target = draw(st.sampled_from(numbers)).data
        target["year"] = draw(st.one_of(early, st.integers(_max_year() + 1, 9999)))
    else:
        document["year"] = draw(early)


def _moment(draw: st.DrawFn, year: int) -> str:
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00"


def _break_naive_datetime(draw: st.DrawFn, document: dict[str, Any]) -> None:
    document["published"] = _moment(draw, document["year"] + 1)


def _break_published_before_year(draw: st.DrawFn, document: dict[str, Any]) -> None:
    year = document["year"] - draw(st.integers(1, 3))
    document["published"] = _moment(draw, year) + draw(st.sampled_from(("+08:00", "Z")))


def _metric_node(draw: st.DrawFn, document: dict[str, Any]) -> dict[str, Any]:
    return draw(st.sampled_from(_of_kind(document, "metric"))).data


def _break_non_finite(draw: st.DrawFn, document: dict[str, Any]) -> None:
    # The decimal strings of the non-finite Decimals: numbers, so not a type problem.
    _metric_node(draw, document)["value"] = draw(st.sampled_from(("NaN", "Infinity", "-Infinity")))


def _break_negative_value(draw: st.DrawFn, document: dict[str, Any]) -> None:
    if draw(st.booleans()):
        document["views"] = draw(st.integers(-1_000_000, -1))
        return
    magnitude = draw(decimals().filter(lambda value: value > 0))
    _metric_node(draw, document)["value"] = str(-magnitude)


def _break_percentage_range(draw: st.DrawFn, document: dict[str, Any]) -> None:
    metric = _metric_node(draw, document)
    value = draw(decimals(maximum=100_000).filter(lambda value: value > 100))
    metric["value"] = str(value)
    metric["unit"] = "%"
    metric["text"] = f"{value}%"
    if metric["qualifier"] in ("increase", "decrease"):
        metric["qualifier"] = "exact"  # a change may exceed 100%; a share may not


def _break_count_range(draw: st.DrawFn, document: dict[str, Any]) -> None:
    target = draw(st.sampled_from(_of_kind(document, "power", "change"))).data
    # A power counted below 1 is not checked against its changes, and a change below 1 only
    # lowers their sum: either way count_range is the one rule broken.
    target["count"] = draw(st.integers(-5, 0))


def _break_changes_exceed_count(draw: st.DrawFn, document: dict[str, Any]) -> None:
    powers = [node.data for node in _of_kind(document, "power") if node.data["changes"]]
    power = draw(st.sampled_from(powers))
    changes = power["changes"]
    index = draw(st.integers(0, len(changes) - 1))
    others = sum(change["count"] for i, change in enumerate(changes) if i != index)
    # At least 2, since the others leave at least 1 of the count: never a count_range problem.
    changes[index]["count"] = power["count"] - others + draw(st.integers(1, 50))


def _break_document_number(draw: st.DrawFn, document: dict[str, Any]) -> None:
    target = draw(st.sampled_from(_of_kind(document, "document_number"))).data
    if draw(st.booleans()):
        target["serial"] = draw(st.integers(-99, 0))
    else:
        # Not 1-8 CJK characters: empty, too long, ASCII, or with a digit inside.
        target["issuer_code"] = draw(st.sampled_from(("", "江府办发文件字第号", "JF", "江府1")))


def _break_empty_citation(draw: st.DrawFn, document: dict[str, Any]) -> None:
    target = draw(st.sampled_from(_of_kind(document, "citation"))).data
    target["title"] = None
    target["document_number"] = None


def _break_nesting_depth(draw: st.DrawFn, document: dict[str, Any]) -> None:
    # A chain of 32 subsections below a top-level section: 33 levels, one too many.
    top = draw(st.sampled_from(document["sections"]))
    chain: dict[str, Any] = {"number": 1, "title": "深"}
    for _ in range(MAX_DEPTH - 1):
        chain = {"number": 1, "title": "深", "subsections": [chain]}
    top["subsections"] = [chain]


def _break_decimal_range(draw: st.DrawFn, document: dict[str, Any]) -> None:
    metric = _metric_node(draw, document)
    metric["value"] = draw(
        st.sampled_from(
            ("1E+1000", "1E+1000000000000000000", "5E-1000", "1" * (MAX_DECIMAL_LENGTH + 1))
        )
    )


def _break_integer_range(draw: st.DrawFn, document: dict[str, Any]) -> None:
    beyond = st.integers(MAX_INTEGER + 1, 10**30)
    powers = _of_kind(document, "power")
    on_power = draw(st.booleans())
    if powers and on_power:
        # A count beyond the range is not summed against its changes: one rule broken.
        draw(st.sampled_from(powers)).data["count"] = draw(beyond)
    else:
        document["views"] = draw(beyond)


def _break_text_size(draw: st.DrawFn, document: dict[str, Any]) -> None:
    choices = [(node.data, "title") for node in _of_kind(document, "report", "section")]
    target, key = draw(st.sampled_from(choices))
    target[key] = "法" * (MAX_TEXT_LENGTH + draw(st.integers(1, 3)))


_BREAKERS: dict[str, _Breaker] = {
    "type": _break_type,
    "missing_field": _break_missing_field,
    "unknown_field": _break_unknown_field,
    "empty_text": _break_empty_text,
    "unwritable_character": _break_unwritable_character,
    "numbering": _break_numbering,
    "year_range": _break_year_range,
    "naive_datetime": _break_naive_datetime,
    "published_before_year": _break_published_before_year,
    "non_finite": _break_non_finite,
    "negative_value": _break_negative_value,
    "percentage_range": _break_percentage_range,
    "count_range": _break_count_range,
    "changes_exceed_count": _break_changes_exceed_count,
    "document_number": _break_document_number,
    "empty_citation": _break_empty_citation,
    "nesting_depth": _break_nesting_depth,
    "decimal_range": _break_decimal_range,
    "integer_range": _break_integer_range,
    "text_size": _break_text_size,
}

INVALID_RULES: tuple[str, ...] = tuple(rule for rule in RULES if rule in _BREAKERS)
"""The rules [`invalid_reports`][lawgov.testing.invalid_reports] can break: every rule in
[`lawgov.RULES`][lawgov.RULES]."""


def _with_material(draw: st.DrawFn, report: Report, text: TextStyle) -> Report:
    """The report, given what every breaker needs at least one of when it has none: a section,
    a metric, a delegated power with changes, a citation with a document number."""
    extra: dict[str, Any] = {}
    if not report.sections:
        extra["sections"] = (draw(sections(max_depth=1, text=text)),)
    if not any(True for _ in report.iter_metrics()):
        extra["metrics"] = (*report.metrics, draw(metrics(text=text)))
    if not any(power.changes for power in report.iter_delegated_powers()):
        changed = delegated_powers(text=text).filter(lambda power: bool(power.changes))
        extra["delegated_powers"] = (*report.delegated_powers, draw(changed))
    if extra:
        report = attrs.evolve(report, **extra)
    if not any(citation.document_number for citation in report.iter_citations()):
        numbered = citations(text=text).filter(lambda c: c.document_number is not None)
        report = attrs.evolve(report, citations=(*report.citations, draw(numbered)))
    return report


@st.composite
def _draw_invalid(
    draw: st.DrawFn, rules: tuple[str, ...], valid: st.SearchStrategy[Report], text: TextStyle
) -> tuple[dict[str, Any], str]:
    rule = draw(st.sampled_from(rules))
    document = to_dict(_with_material(draw, draw(valid), text))
    _BREAKERS[rule](draw, document)
    return document, rule


def invalid_reports(
    *,
    rules: Iterable[str] | None = None,
    max_depth: int = 2,
    max_sections: int = 2,
    max_measures: int = 2,
    text: TextStyle = "chinese",
) -> st.SearchStrategy[tuple[dict[str, Any], str]]:
    """``(data, rule)`` pairs: a report document that breaks exactly one rule, and its name.

    ``lawgov.from_dict(data)`` raises [`lawgov.ValidationError`][lawgov.ValidationError] with at
    least one problem, and every problem carries ``rule``. Shrinks towards the first rule of
    [`lawgov.RULES`][lawgov.RULES] and a small report.

    Args:
        rules: Only break these rules (names from [`lawgov.RULES`][lawgov.RULES]); all of them if
            None.
        max_depth: Passed to [`reports`][lawgov.testing.reports] for the valid report that is then
            broken.
        max_sections: Passed to [`reports`][lawgov.testing.reports].
        max_measures: Passed to [`reports`][lawgov.testing.reports].
        text: Passed to [`reports`][lawgov.testing.reports].

    Returns:
        A strategy for ``(data, rule)`` pairs.

    Raises:
        ValueError: ``rules`` is empty or names a rule that does not exist.
    """
    chosen = INVALID_RULES if rules is None else tuple(rules)
    unknown = sorted(set(chosen) - set(INVALID_RULES))
    if unknown or not chosen:
        raise ValueError(
            f"rules must be a non-empty selection of {', '.join(INVALID_RULES)}; got {unknown}"
        )
    valid = reports(
        max_depth=max_depth, max_sections=max_sections, max_measures=max_measures, text=text
    )
    return _draw_invalid(tuple(dict.fromkeys(chosen)), valid, text)
