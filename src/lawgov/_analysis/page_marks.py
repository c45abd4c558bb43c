"""Where each fact of a report stands in the cleaned text it was parsed from.

The parser does not store offsets; they are *found* here, after the fact: each holder (the report,
a section, a measure) is located in the cleaned text by a forward search from the previous
holder, then each of its facts by a forward search from the holder's place. A fact whose wording
is not found (a repaired text, a fact written down by hand) is simply left unmarked. Marks never
overlap, and the whole search is linear in the text for a report in document order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import attrs

from lawgov._model import Citation, DelegatedPower, Measure, Metric, Report, Section
from lawgov._model.numerals import plain_decimal

# Words that open a power statement, tried when the statement names no body.
_POWER_WORDS = ("下放", "委托", "赋予", "承接")
# How much of a holder's text is enough to find it.
_ANCHOR_CHARS = 16


@attrs.frozen
class Fact:
    """One fact of the report, in document order.

    Attributes:
        ident: The fact's number, unique in the page.
        kind: ``metric``, ``citation`` or ``power``.
        path: Where it sits in the report (``sections[0].measures[1].metrics[0]``).
        label: What the tree shows for it (the fact's wording).
        detail: What it says, read (``608 家, 企业``).
        keys: The wordings to look for in the text, best first.
    """

    ident: int
    kind: str
    path: str
    label: str
    detail: str
    keys: tuple[str, ...]


@attrs.frozen
class Holder:
    """A report part that holds facts, with the texts that locate it."""

    anchors: tuple[str, ...]
    facts: tuple[Fact, ...]


# How a holder and its facts are recorded while walking the report.
_Add = Callable[[str, tuple[str, ...], list[Fact]], None]


def citation_keys(citation: Citation) -> tuple[str, ...]:
    """The wordings a citation is found by: its 《title》, else its document number."""
    keys = []
    if citation.title is not None:
        keys.append(f"《{citation.title}》")
    if citation.document_number is not None:
        keys.append(str(citation.document_number))
    return tuple(keys)


def power_keys(power: DelegatedPower) -> tuple[str, ...]:
    """The wordings a power statement is found by: its name, the bodies, then its verb."""
    keys = [power.name] if power.name else []
    keys += [agency.name for agency in (power.grantor, power.grantee) if agency is not None]
    return (*keys, *_POWER_WORDS)


def _anchor(texts: Sequence[str]) -> tuple[str, ...]:
    return tuple(text[:_ANCHOR_CHARS] for text in texts if text.strip())


def mark_spans(text: str, holders: Sequence[Holder]) -> dict[int, tuple[int, int]]:
    """Each located fact's ``(start, end)`` in ``text``, by its ident.

    Args:
        text: The cleaned text the report was parsed from.
        holders: The report's holders in document order.

    Returns:
        The spans found; facts not found are absent. Spans never overlap.
    """
    spans: dict[int, tuple[int, int]] = {}
    taken: list[tuple[int, int]] = []
    cursor = 0
    for holder in holders:
        start = _find_anchor(text, holder.anchors, cursor)
        if start is None:
            start = cursor
        else:
            cursor = start
        local = start
        for fact in holder.facts:
            found = _find_fact(text, fact.keys, local, taken)
            if found is None and local > 0:
                found = _find_fact(text, fact.keys, 0, taken)  # out of order: anywhere
            if found is not None:
                spans[fact.ident] = found
                taken.append(found)
                local = max(found[0], local)
    return spans


def _find_anchor(text: str, anchors: Sequence[str], cursor: int) -> int | None:
    for anchor in anchors:
        at = text.find(anchor, cursor)
        if at >= 0:
            return at
    return None


def _find_fact(
    text: str, keys: Sequence[str], start: int, taken: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    for key in keys:
        if not key:
            continue
        at = text.find(key, start)
        while at >= 0:
            span = (at, at + len(key))
            if not any(span[0] < end and begin < span[1] for begin, end in taken):
                return span
            at = text.find(key, at + 1)
    return None


class _Collector:
    """Numbers the report's facts in document order, one holder at a time."""

    def __init__(self) -> None:
        self.holders: list[Holder] = []
        self.count = 0

    def fact(self, kind: str, path: str, label: str, detail: str, keys: tuple[str, ...]) -> Fact:
        self.count += 1
        return Fact(self.count, kind, path, label, detail, keys)

    def metrics(self, metrics: Sequence[Metric], path: str) -> list[Fact]:
        return [
            self.fact(
                "metric",
                f"{path}metrics[{index}]",
                metric.text,
                _metric_detail(metric),
                (metric.text,),
            )
            for index, metric in enumerate(metrics)
        ]

    def citations(self, citations: Sequence[Citation], path: str) -> list[Fact]:
        return [
            self.fact(
                "citation",
                f"{path}citations[{index}]",
                str(citation),
                "",
                citation_keys(citation),
            )
            for index, citation in enumerate(citations)
        ]

    def powers(self, powers: Sequence[DelegatedPower], path: str) -> list[Fact]:
        facts = []
        for index, power in enumerate(powers):
            facts.append(
                self.fact(
                    "power",
                    f"{path}delegated_powers[{index}]",
                    _power_label(power),
                    "delegated power",
                    power_keys(power),
                )
            )
            if power.basis is not None:
                facts += self.citations([power.basis], f"{path}delegated_powers[{index}].basis.")
        return facts


def _metric_detail(metric: Metric) -> str:
    detail = f"{plain_decimal(metric.value, trim=True)} {metric.unit}"
    if metric.base_unit != metric.unit:
        detail += f" = {plain_decimal(metric.base_value, trim=True)} {metric.base_unit}"
    if metric.qualifier.value != "exact":
        detail += f", {metric.qualifier.value}"
    if metric.name:
        detail += f", {metric.name}"
    return detail


def _power_label(power: DelegatedPower) -> str:
    grantor = power.grantor.name if power.grantor else "?"
    grantee = power.grantee.name if power.grantee else "?"
    label = f"{grantor} → {grantee}, {power.mode.value}, {power.count}"
    if power.name:
        label += f" {power.name}"
    if power.changes:
        label += f" (remaining {power.remaining})"
    return label


def holders_of(report: Report) -> tuple[list[Holder], dict[str, list[Fact]]]:
    """The report's holders in document order, and each holder path's facts for the tree.

    The tree looks facts up by their holder's path (``""`` for the report, ``sections[0].`` for
    a section, ``sections[0].measures[1].`` for a measure).
    """
    collector = _Collector()
    by_path: dict[str, list[Fact]] = {}

    def add(path: str, anchors: tuple[str, ...], facts: list[Fact]) -> None:
        by_path[path] = facts
        collector.holders.append(Holder(anchors, tuple(facts)))

    top = collector.metrics(report.metrics, "")
    top += collector.citations(report.citations, "")
    top += collector.powers(report.delegated_powers, "")
    add("", _anchor(report.preamble), top)
    for index, section in enumerate(report.sections):
        _section(collector, add, section, f"sections[{index}].")
    return collector.holders, by_path


def _section(collector: _Collector, add: _Add, section: Section, path: str) -> None:
    facts = collector.metrics(section.metrics, path)
    facts += collector.citations(section.citations, path)
    facts += collector.powers(section.delegated_powers, path)
    add(path, _anchor((section.title, *section.paragraphs)), facts)
    for index, measure in enumerate(section.measures):
        _measure(collector, add, measure, f"{path}measures[{index}].")
    for index, sub in enumerate(section.subsections):
        _section(collector, add, sub, f"{path}subsections[{index}].")


def _measure(collector: _Collector, add: _Add, measure: Measure, path: str) -> None:
    facts = collector.metrics(measure.metrics, path)
    facts += collector.citations(measure.citations, path)
    add(path, _anchor((measure.text, measure.title)), facts)
    for index, sub in enumerate(measure.submeasures):
        _measure(collector, add, sub, f"{path}submeasures[{index}].")


def iter_facts(holders: Sequence[Holder]) -> Iterator[Fact]:
    """Every fact of the holders, in order."""
    for holder in holders:
        yield from holder.facts
