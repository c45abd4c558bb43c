"""The rows the commands print: metrics of a report, and the heading markers of its paths."""

from __future__ import annotations

from collections.abc import Iterator

from lawgov import Measure, Metric, Report, Section, heading_marker, measure_marker
from lawgov._model.numerals import plain_decimal

_METRIC_COLUMNS = (
    "report",
    "title",
    "issuer",
    "year",
    "section",
    "name",
    "value",
    "unit",
    "base_value",
    "base_unit",
    "qualifier",
    "text",
)


def _measure_metrics(measure: Measure, path: str) -> Iterator[tuple[str, Metric]]:
    here = f"{path}/{measure_marker(measure.number)}" if path else measure_marker(measure.number)
    for metric in measure.metrics:
        yield here, metric
    for sub in measure.submeasures:
        yield from _measure_metrics(sub, here)


def _section_metrics(section: Section, path: str, depth: int) -> Iterator[tuple[str, Metric]]:
    marker = heading_marker(section.number, depth, compact=True)
    here = f"{path}/{marker}" if path else marker
    for metric in section.metrics:
        yield here, metric
    for measure in section.measures:
        yield from _measure_metrics(measure, here)
    for sub in section.subsections:
        yield from _section_metrics(sub, here, depth + 1)


def metric_rows(report: Report, label: str) -> Iterator[dict[str, str]]:
    """One row per metric of ``report``, in document order, with its section path.

    The section path names the headings by their compact markers, then the measures:
    ``二/（一）/三是`` is the third measure of the first subsection of section two; it is empty for
    metrics outside any section.

    Args:
        report: The report.
        label: What to put in the ``report`` column (usually its file name).

    Returns:
        An iterator of rows keyed by the column names (all values are strings).
    """

    def pairs() -> Iterator[tuple[str, Metric]]:
        for metric in report.metrics:
            yield "", metric
        for section in report.sections:
            yield from _section_metrics(section, "", 1)

    for path, metric in pairs():
        yield {
            "report": label,
            "title": report.title,
            "issuer": report.issuer.name,
            "year": str(report.year),
            "section": path,
            "name": metric.name or "",
            "value": plain_decimal(metric.value),
            "unit": metric.unit,
            "base_value": plain_decimal(metric.base_value),
            "base_unit": metric.base_unit,
            "qualifier": metric.qualifier.value,
            "text": metric.text,
        }
