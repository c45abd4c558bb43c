"""The rows of lawgov's four fact tables (metrics, powers, citations, sections) and their schemas.

This module owns what a row holds: one row per fact, carrying the identity of its report and the
fact's path in the same syntax validation problems use (``sections[1].measures[0].metrics[2]``).
Rows are plain dicts of Python values (str, int, `Decimal`, datetimes, dates or
None) keyed by the column names of the table's schema, in schema order. Everything is a
generator: a corpus is read one report at a time and memory stays flat.

Only the public model API is used (attributes and properties of [`lawgov.Report`][lawgov.Report] and
its parts), so the tables do not depend on how the model is laid out inside the package.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final, Literal

from lawgov._analysis.columns import Column, ColumnType
from lawgov._errors import LawgovError
from lawgov._model import Citation, DelegatedPower, Measure, Metric, Report, Section

__all__ = [
    "SCHEMAS",
    "TABLES",
    "Column",
    "ColumnType",
    "TableError",
    "TableName",
    "check_table",
    "citation_rows",
    "iter_reports_of",
    "metric_rows",
    "power_rows",
    "rows",
    "section_rows",
]

#: The names of the four tables.
TableName = Literal["metrics", "powers", "citations", "sections"]
TABLES: Final[tuple[TableName, ...]] = ("metrics", "powers", "citations", "sections")


Row = dict[str, Any]


class TableError(LawgovError, ValueError):
    """A table cannot be built or written as asked (unknown table, a value a format cannot hold)."""


def _col(name: str, type: ColumnType, description: str, *, nullable: bool = True) -> Column:
    return Column(name=name, type=type, description=description, nullable=nullable)


_IDENTITY: Final[tuple[Column, ...]] = (
    _col("report", "integer", "Position of the report in the input, from 0.", nullable=False),
    _col("title", "string", "The report's title.", nullable=False),
    _col("issuer", "string", "The reporting agency's name.", nullable=False),
    _col("year", "integer", "The year reported on.", nullable=False),
    _col("published", "timestamp", "When the report was published (timezone-aware)."),
    _col("url", "string", "Where the report was found."),
    _col(
        "path",
        "string",
        "The fact's path in the report, as in validation problems.",
        nullable=False,
    ),
)
_SECTION: Final[tuple[Column, ...]] = (
    _col("section", "string", "Path of the innermost section holding the fact; null outside any."),
    _col("kind", "string", "That section's kind (SectionKind value); null outside any section."),
)

#: The columns of each table, in order: the report's identity and the fact's path, then its own.
SCHEMAS: Final[Mapping[TableName, tuple[Column, ...]]] = {
    "metrics": (
        *_IDENTITY,
        *_SECTION,
        _col("name", "string", "What is counted, when the report says so."),
        _col(
            "value",
            "decimal",
            "The number as written (Chinese numerals converted).",
            nullable=False,
        ),
        _col(
            "unit", "string", "The unit as written, magnitude word included (万元).", nullable=False
        ),
        _col(
            "base_value",
            "decimal",
            "The value in base_unit (1500 万元 → 15000000).",
            nullable=False,
        ),
        _col("base_unit", "string", "The unit without magnitude words (元).", nullable=False),
        _col(
            "qualifier",
            "string",
            "How the value relates to the truth (Qualifier value).",
            nullable=False,
        ),
        _col("text", "string", "The exact source wording.", nullable=False),
    ),
    "powers": (
        *_IDENTITY,
        *_SECTION,
        _col("name", "string", "The power's name; null for a counted batch."),
        _col("grantor", "string", "The body that handed the powers down."),
        _col("grantee", "string", "The body that received them."),
        _col(
            "mode",
            "string",
            "delegated, entrusted, delegated_and_entrusted or granted.",
            nullable=False,
        ),
        _col("count", "integer", "How many powers were handed down.", nullable=False),
        _col("moved", "integer", "How many were later moved to another body.", nullable=False),
        _col("cancelled", "integer", "How many were later cancelled.", nullable=False),
        _col("reclaimed", "integer", "How many were later taken back.", nullable=False),
        _col(
            "transferred",
            "integer",
            "All later changes: moved + cancelled + reclaimed.",
            nullable=False,
        ),
        _col(
            "remaining",
            "integer",
            "How many the grantee still exercises (count - transferred).",
            nullable=False,
        ),
        _col("recipients", "string", "Bodies that received moved powers, joined by '; '."),
        _col("changes", "string", "Every change in order, e.g. 'transferred 3 to X; cancelled 1'."),
        _col("basis_title", "string", "Title of the document the hand-over rests on."),
        _col("basis_document_number", "string", "Its document number (江府〔2017〕16号)."),
    ),
    "citations": (
        *_IDENTITY,
        *_SECTION,
        _col(
            "citation_title", "string", "The title inside 《》; null when only a number is cited."
        ),
        _col("document_number", "string", "The document number as lawgov writes it."),
        _col("issuer_code", "string", "Its issuer code (江府, 国办发)."),
        _col("document_year", "integer", "The year in its brackets; null when left out."),
        _col("serial", "integer", "Its serial number."),
    ),
    "sections": (
        *_IDENTITY,
        _col(
            "depth", "integer", "1 for top-level sections, 2 below them, and so on.", nullable=False
        ),
        _col("number", "integer", "The heading's ordinal (一、/（一）/1. → 1).", nullable=False),
        _col("section_title", "string", "The heading's title.", nullable=False),
        _col("kind", "string", "Which prescribed part it is (SectionKind value).", nullable=False),
        _col("paragraphs", "integer", "Its own paragraphs.", nullable=False),
        _col(
            "measures",
            "integer",
            "Measures in its own text, sub-measures included.",
            nullable=False,
        ),
        _col("subsections", "integer", "Headings directly below it.", nullable=False),
        _col(
            "metrics",
            "integer",
            "Metrics in its own text (paragraphs and measures).",
            nullable=False,
        ),
        _col(
            "citations",
            "integer",
            "Citations in its own text (paragraphs and measures).",
            nullable=False,
        ),
        _col("delegated_powers", "integer", "Power statements in its own text.", nullable=False),
    ),
}


def iter_reports_of(reports: Report | Iterable[Report]) -> Iterator[Report]:
    """One report, or each of an iterable of them, lazily."""
    if isinstance(reports, Report):
        yield reports
        return
    for report in reports:
        if not isinstance(report, Report):
            raise TableError(f"expected lawgov.Report objects, got {type(report).__name__}")
        yield report


def _identity(index: int, report: Report) -> Row:
    return {
        "report": index,
        "title": report.title,
        "issuer": report.issuer.name,
        "year": report.year,
        "published": report.published,
        "url": report.url,
    }


def _sections(
    sections: Iterable[Section], prefix: str = "", depth: int = 1
) -> Iterator[tuple[str, int, Section]]:
    """Every section with its path and depth, depth first in document order."""
    for index, section in enumerate(sections):
        path = f"{prefix}.subsections[{index}]" if prefix else f"sections[{index}]"
        yield path, depth, section
        yield from _sections(section.subsections, path, depth + 1)


def _measures(measures: Iterable[Measure], prefix: str, name: str) -> Iterator[tuple[str, Measure]]:
    for index, measure in enumerate(measures):
        path = f"{prefix}.{name}[{index}]"
        yield path, measure
        yield from _measures(measure.submeasures, path, "submeasures")


_Where = tuple[str | None, str | None]  # (section path, section kind)


def _located(
    report: Report, facts: Callable[[Report | Section | Measure], Iterable[Any]], field: str
) -> Iterator[tuple[str, _Where, Any]]:
    """Each fact (a metric, citation or power) with its path and its section, in document order.

    ``facts`` gives a holder's own facts of the kind stored under ``field``. Measures hold no
    delegated powers: ``facts`` returns nothing for them.
    """
    for index, fact in enumerate(facts(report)):
        yield f"{field}[{index}]", (None, None), fact
    for path, _, section in _sections(report.sections):
        where: _Where = (path, section.kind.value)
        for index, fact in enumerate(facts(section)):
            yield f"{path}.{field}[{index}]", where, fact
        for measure_path, measure in _measures(section.measures, path, "measures"):
            for index, fact in enumerate(facts(measure)):
                yield f"{measure_path}.{field}[{index}]", where, fact


def _metrics_of(holder: Report | Section | Measure) -> tuple[Metric, ...]:
    return holder.metrics


def _citations_of(holder: Report | Section | Measure) -> tuple[Citation, ...]:
    return holder.citations


def _powers_of(holder: Report | Section | Measure) -> tuple[DelegatedPower, ...]:
    return () if isinstance(holder, Measure) else holder.delegated_powers


def metric_rows(reports: Report | Iterable[Report]) -> Iterator[Row]:
    """One row per metric, in document order (columns: ``SCHEMAS["metrics"]``).

    Args:
        reports: A [Report][lawgov.Report] or an iterable of them (read lazily).

    Yields:
        Dicts keyed by the column names, values as Python objects (Decimal for decimals).
    """
    for index, report in enumerate(iter_reports_of(reports)):
        identity = _identity(index, report)
        for path, (section, kind), metric in _located(report, _metrics_of, "metrics"):
            yield {
                **identity,
                "path": path,
                "section": section,
                "kind": kind,
                "name": metric.name,
                "value": metric.value,
                "unit": metric.unit,
                "base_value": metric.base_value,
                "base_unit": metric.base_unit,
                "qualifier": metric.qualifier.value,
                "text": metric.text,
            }


def _change_text(power: DelegatedPower) -> str | None:
    parts = []
    for change in power.changes:
        to = f" to {change.recipient.name}" if change.recipient is not None else ""
        parts.append(f"{change.kind.value} {change.count}{to}")
    return "; ".join(parts) or None


def power_rows(reports: Report | Iterable[Report]) -> Iterator[Row]:
    """One row per delegated-power statement, with its changes and what remains.

    Args:
        reports: A [Report][lawgov.Report] or an iterable of them (read lazily).

    Yields:
        Dicts keyed by the columns of ``SCHEMAS["powers"]``.
    """
    for index, report in enumerate(iter_reports_of(reports)):
        identity = _identity(index, report)
        for path, (section, kind), power in _located(report, _powers_of, "delegated_powers"):
            counts = {"transferred": 0, "cancelled": 0, "reclaimed": 0}
            for change in power.changes:
                counts[change.kind.value] += change.count
            recipients = [c.recipient.name for c in power.changes if c.recipient is not None]
            basis = power.basis
            number = None if basis is None else basis.document_number
            yield {
                **identity,
                "path": path,
                "section": section,
                "kind": kind,
                "name": power.name,
                "grantor": None if power.grantor is None else power.grantor.name,
                "grantee": None if power.grantee is None else power.grantee.name,
                "mode": power.mode.value,
                "count": power.count,
                "moved": counts["transferred"],
                "cancelled": counts["cancelled"],
                "reclaimed": counts["reclaimed"],
                "transferred": power.transferred,
                "remaining": power.remaining,
                "recipients": "; ".join(dict.fromkeys(recipients)) or None,
                "changes": _change_text(power),
                "basis_title": None if basis is None else basis.title,
                "basis_document_number": None if number is None else str(number),
            }


def citation_rows(reports: Report | Iterable[Report]) -> Iterator[Row]:
    """One row per citation (a title, a document number or both), in document order.

    Args:
        reports: A [Report][lawgov.Report] or an iterable of them (read lazily).

    Yields:
        Dicts keyed by the columns of ``SCHEMAS["citations"]``.
    """
    for index, report in enumerate(iter_reports_of(reports)):
        identity = _identity(index, report)
        for path, (section, kind), citation in _located(report, _citations_of, "citations"):
            number = citation.document_number
            yield {
                **identity,
                "path": path,
                "section": section,
                "kind": kind,
                "citation_title": citation.title,
                "document_number": None if number is None else str(number),
                "issuer_code": None if number is None else number.issuer_code,
                "document_year": None if number is None else number.year,
                "serial": None if number is None else number.serial,
            }


def _own_measures(section: Section) -> Iterator[Measure]:
    for measure in section.measures:
        yield from measure.iter_measures()


def section_rows(reports: Report | Iterable[Report]) -> Iterator[Row]:
    """One row per section at every level, depth first, with counts of its own facts.

    Args:
        reports: A [Report][lawgov.Report] or an iterable of them (read lazily).

    Yields:
        Dicts keyed by the columns of ``SCHEMAS["sections"]``.
    """
    for index, report in enumerate(iter_reports_of(reports)):
        identity = _identity(index, report)
        for path, depth, section in _sections(report.sections):
            measures = list(_own_measures(section))
            yield {
                **identity,
                "path": path,
                "depth": depth,
                "number": section.number,
                "section_title": section.title,
                "kind": section.kind.value,
                "paragraphs": len(section.paragraphs),
                "measures": len(measures),
                "subsections": len(section.subsections),
                "metrics": len(section.metrics) + sum(len(m.metrics) for m in measures),
                "citations": len(section.citations) + sum(len(m.citations) for m in measures),
                "delegated_powers": len(section.delegated_powers),
            }


_ROWS: Final[Mapping[TableName, Callable[[Report | Iterable[Report]], Iterator[Row]]]] = {
    "metrics": metric_rows,
    "powers": power_rows,
    "citations": citation_rows,
    "sections": section_rows,
}


def rows(table: TableName, reports: Report | Iterable[Report]) -> Iterator[Row]:
    """The rows of one of the four tables (``metrics``, ``powers``, ``citations``, ``sections``).

    Raises:
        TableError: ``table`` is not one of `TABLES`.
    """
    return _ROWS[check_table(table)](reports)


def check_table(table: str) -> TableName:
    """``table`` itself when it names a table, else a [TableError][lawgov.tables.TableError]."""
    for name in TABLES:
        if table == name:
            return name
    raise TableError(f"unknown table {table!r} (expected one of: {', '.join(TABLES)})")
