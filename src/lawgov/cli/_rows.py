"""The rows the commands print: metrics of a report, and the heading markers of its paths."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawgov import Report, heading_marker, measure_marker, tables
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


# One holder step of a fact's path (sections[1], .subsections[0], .measures[2], .submeasures[0]).
_STEP = re.compile(r"(sections|subsections|measures|submeasures)\[(\d+)\]")


def _marker_path(path: str) -> str:
    """A metric's path as heading and measure markers: ``二/（一）/三是`` for
    ``sections[1].subsections[0].measures[2].metrics[0]`` (empty outside any section).

    The markers print each holder's place, which is its number (the numbering rule).
    """
    markers = []
    depth = 0
    for holder, index in _STEP.findall(path):
        number = int(index) + 1
        if holder in ("sections", "subsections"):
            depth += 1
            markers.append(heading_marker(number, depth, compact=True))
        else:
            markers.append(measure_marker(number))
    return "/".join(markers)


def metric_rows(report: Report, label: str) -> Iterator[dict[str, str]]:
    """One row per metric of ``report``, in document order, with its section path, as text.

    The rows of [`lawgov.tables.metric_rows`][lawgov.tables.metric_rows], printed for people and
    spreadsheets: the section path names the headings by their compact markers, then the
    measures (``二/（一）/三是`` is the third measure of the first subsection of section two; it
    is empty for metrics outside any section), and decimals are plain digits.

    Args:
        report: The report.
        label: What to put in the ``report`` column (usually its file name).

    Returns:
        An iterator of rows keyed by the column names (all values are strings).
    """
    for row in tables.metric_rows(report):
        yield {
            "report": label,
            "title": row["title"],
            "issuer": row["issuer"],
            "year": str(row["year"]),
            "section": _marker_path(row["path"]),
            "name": row["name"] or "",
            "value": plain_decimal(row["value"]),
            "unit": row["unit"],
            "base_value": plain_decimal(row["base_value"]),
            "base_unit": row["base_unit"],
            "qualifier": row["qualifier"],
            "text": row["text"],
        }
