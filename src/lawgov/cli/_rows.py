"""The rows the commands print: metrics of a report, and the heading markers of its paths."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from lawgov import Measure, Metric, Report, Section, heading_marker, measure_marker
from lawgov._model.limits import MAX_DECIMAL_EXPONENT, MAX_DECIMAL_LENGTH

# Plain digits up to this many characters (any metric value within the decimal limits fits);
# beyond, the exponent form, so that a base value scaled by a long run of magnitude words
# (万万万…元) never makes the output grow faster than its input.
_PLAIN_LENGTH = MAX_DECIMAL_EXPONENT + MAX_DECIMAL_LENGTH + 1


def _plain(value: Decimal) -> str:
    # No scientific notation (Decimal('1.5E+7')) in output meant for people and spreadsheets,
    # as long as the plain form stays short.
    if not value.is_finite():
        return str(value)
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    length = len(digits) + abs(exponent) + 2
    return format(value, "f") if length <= _PLAIN_LENGTH else str(value)


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
            "value": _plain(metric.value),
            "unit": metric.unit,
            "base_value": _plain(metric.base_value),
            "base_unit": metric.base_unit,
            "qualifier": metric.qualifier.value,
            "text": metric.text,
        }
