"""Assessments of a corpus: one row per report, the summary table, and a small SVG chart.

The summary is the table published surveys build by hand: how many reports, the share made public
on time, the share with each prescribed part, and the median publication date, for the whole
corpus and for each administrative level told from the issuer's name. Shares count only the
reports where the check could decide (passed or failed); unknowns are counted apart. Medians are
lower medians (an actual date of the corpus, never an average of two).

The chart is a self-contained SVG (no script, no external reference, no dependency): publication
dates by month, on time and late, and the parts present. Rows are written with the fact tables'
exporters (CSV, JSON Lines, Parquet: see docs/tables.md for the column types).
"""

from __future__ import annotations

import collections
import datetime
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, Final
from xml.sax.saxutils import escape

from lawgov._analysis.assess import ASSESSMENT_RULES, CHINA, Assessment, CheckStatus, local_date
from lawgov._analysis.columns import Column, ColumnType

__all__ = [
    "ASSESSMENT_COLUMNS",
    "LEVELS",
    "SUMMARY_COLUMNS",
    "assessment_chart_svg",
    "assessment_rows",
    "summarize_assessments",
]

#: The levels an issuer's name can tell, from the top down (docs/assess.md has the rule).
LEVELS: Final[tuple[str, ...]] = ("部", "省", "市", "县", "区", "镇", "街道")
#: Shares are written with this many decimal places, rounded half to even.
SHARE_PLACES: Final = Decimal("0.0001")

_RULES: Final = tuple(ASSESSMENT_RULES)
_PART_LABELS: Final[Mapping[str, str]] = {
    "published_by_april_1": "on time (by 1 April)",
    "part_measures_and_results": "(1) measures and results",
    "part_shortcomings": "(2) shortcomings",
    "part_leadership_duties": "(3) leaders' duties",
    "part_next_year_plan": "(4) next year's plan",
    "part_other_matters": "(5) other matters",
}


def _c(name: str, type: ColumnType, description: str, *, nullable: bool = True) -> Column:
    return Column(name=name, type=type, description=description, nullable=nullable)


#: The columns of the per-report table (``lawgov assess -o``).
ASSESSMENT_COLUMNS: Final[tuple[Column, ...]] = (
    _c("report", "integer", "Position of the report in the input, from 0.", nullable=False),
    _c("title", "string", "The report's title.", nullable=False),
    _c("issuer", "string", "The reporting agency's name.", nullable=False),
    _c("year", "integer", "The year reported on.", nullable=False),
    _c("published", "timestamp", "When the report was published (timezone-aware)."),
    _c("url", "string", "Where the report was found."),
    _c("level", "string", "The issuer's level told from its name (部 … 街道); null if not told."),
    _c("passed", "integer", "How many of the checks passed.", nullable=False),
    *(
        column
        for rule in _RULES
        for column in (
            _c(
                rule,
                "string",
                f"passed, failed or unknown: {ASSESSMENT_RULES[rule]}",
                nullable=False,
            ),
            _c(f"{rule}_evidence", "string", "The evidence (section paths and titles, or dates)."),
        )
    ),
)

#: The columns of the summary table (``lawgov assess --summary``).
SUMMARY_COLUMNS: Final[tuple[Column, ...]] = (
    _c(
        "group",
        "string",
        "all, or an issuer level (部, 省, 市, 县, 区, 镇, 街道, unknown).",
        nullable=False,
    ),
    _c("reports", "integer", "Reports in the group.", nullable=False),
    *(
        column
        for rule in _RULES
        for column in (
            _c(
                f"{rule}_share",
                "decimal",
                "passed / (passed + failed), 4 places; null if none decided.",
            ),
            _c(
                f"{rule}_unknown",
                "integer",
                "Reports where the check could not decide.",
                nullable=False,
            ),
        )
    ),
    _c("median_published", "date", "Lower median publication date (China time)."),
    _c(
        "median_days",
        "integer",
        "Lower median of days from 1 January of the following year to publication.",
    ),
)


def assessment_rows(assessments: Iterable[Assessment]) -> Iterator[dict[str, Any]]:
    """One row per assessment, keyed by ``ASSESSMENT_COLUMNS``, streamed."""
    for index, assessment in enumerate(assessments):
        row: dict[str, Any] = {
            "report": index,
            "title": assessment.title,
            "issuer": assessment.issuer,
            "year": assessment.year,
            "published": assessment.published,
            "url": assessment.url,
            "level": assessment.level,
            "passed": sum(check.status is CheckStatus.PASSED for check in assessment.checks),
        }
        for check in assessment.checks:
            row[check.rule] = check.status.value
            row[f"{check.rule}_evidence"] = "; ".join(check.evidence) or None
        yield row


class _Group:
    """Running counts of one summary group: a few integers and the dates (one per report)."""

    def __init__(self) -> None:
        self.reports = 0
        self.counts: dict[str, collections.Counter[CheckStatus]] = {
            rule: collections.Counter() for rule in _RULES
        }
        self.dates: list[datetime.date] = []
        self.days: list[int] = []

    def add(self, assessment: Assessment) -> None:
        self.reports += 1
        for check in assessment.checks:
            self.counts[check.rule][check.status] += 1
        if assessment.published is not None:
            day = local_date(assessment.published)
            self.dates.append(day)
            self.days.append((day - datetime.date(assessment.year + 1, 1, 1)).days)

    def row(self, name: str) -> dict[str, Any]:
        row: dict[str, Any] = {"group": name, "reports": self.reports}
        for rule in _RULES:
            counts = self.counts[rule]
            decided = counts[CheckStatus.PASSED] + counts[CheckStatus.FAILED]
            share = (
                (Decimal(counts[CheckStatus.PASSED]) / decided).quantize(
                    SHARE_PLACES, rounding=ROUND_HALF_EVEN
                )
                if decided
                else None
            )
            row[f"{rule}_share"] = share
            row[f"{rule}_unknown"] = counts[CheckStatus.UNKNOWN]
        row["median_published"] = _lower_median(self.dates)
        row["median_days"] = _lower_median(self.days)
        return row


def _lower_median(values: Sequence[Any]) -> Any:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


def summarize_assessments(assessments: Iterable[Assessment]) -> list[dict[str, Any]]:
    """The summary table: one row for the whole corpus (``all``), then one per level found.

    Args:
        assessments: [Assessment][lawgov.Assessment] objects, read once (memory: a few counters
            and one date per report).

    Returns:
        Rows keyed by the summary columns (docs/assess.md): shares as exact 4-place decimals,
        medians as a date and a day count.
    """
    total = _Group()
    groups: dict[str, _Group] = {}
    for assessment in assessments:
        total.add(assessment)
        groups.setdefault(assessment.level or "unknown", _Group()).add(assessment)
    order = [*LEVELS, "unknown"]
    rows = [total.row("all")]
    rows.extend(groups[name].row(name) for name in order if name in groups)
    return rows


# --- the chart ---------------------------------------------------------------------------------

_WIDTH: Final = 720
_COLOURS: Final[Mapping[str, str]] = {
    "passed": "#2e7d32",
    "failed": "#c62828",
    "unknown": "#9e9e9e",
}


def _text(x: float, y: float, text: str, *, size: int = 12, anchor: str = "start") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}">'
        f"{escape(text)}</text>"
    )


def _rect(x: float, y: float, width: float, height: float, *, colour: str, title: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" height="{height:.1f}" '
        f'fill="{colour}"><title>{escape(title)}</title></rect>'
    )


def assessment_chart_svg(assessments: Iterable[Assessment]) -> str:
    """A small self-contained SVG chart of a corpus's assessments.

    Top: reports by month of publication (China time), each bar split into on time and late.
    Bottom: for each check, the share of reports that passed, failed or could not be decided.
    The SVG has no script and no external reference; it opens in any browser.
    """
    months: collections.Counter[tuple[str, str]] = collections.Counter()
    statuses = {rule: collections.Counter[str]() for rule in _RULES}
    reports = 0
    for assessment in assessments:
        reports += 1
        for check in assessment.checks:
            statuses[check.rule][check.status.value] += 1
        if assessment.published is not None:
            month = assessment.published.in_timezone(CHINA).strftime("%Y-%m")
            timely = assessment.check("published_by_april_1").status.value
            months[(month, timely)] += 1
    labels = sorted({month for month, _ in months})
    parts: list[str] = []
    top, bar_area = 40.0, 160.0
    parts.append(_text(10, 20, f"Publication dates by month ({reports} reports)", size=14))
    if labels:
        most = max(sum(months[(m, s)] for s in ("passed", "failed")) for m in labels)
        slot = (_WIDTH - 60) / len(labels)
        for index, month in enumerate(labels):
            x = 40 + index * slot
            base = top + bar_area
            for status in ("passed", "failed"):
                count = months[(month, status)]
                height = bar_area * count / most
                base -= height
                label = f"{month}: {count} {'on time' if status == 'passed' else 'late'}"
                parts.append(
                    _rect(x + 2, base, slot - 4, height, colour=_COLOURS[status], title=label)
                )
            total = sum(months[(month, s)] for s in ("passed", "failed"))
            parts.append(_text(x + slot / 2, top + bar_area + 14, month, size=10, anchor="middle"))
            parts.append(_text(x + slot / 2, base - 3, str(total), size=10, anchor="middle"))
    else:
        parts.append(_text(40, top + 20, "no publication dates"))
    y = top + bar_area + 50
    parts.append(_text(10, y, "Checks: passed, failed, unknown", size=14))
    y += 14
    for rule in _RULES:
        counts = statuses[rule]
        parts.append(_text(10, y + 13, _PART_LABELS[rule], size=11))
        x = 200.0
        for status in ("passed", "failed", "unknown"):
            width = (_WIDTH - 220) * counts[status] / reports if reports else 0
            label = f"{_PART_LABELS[rule]}: {counts[status]} {status}"
            parts.append(_rect(x, y, width, 16, colour=_COLOURS[status], title=label))
            x += width
        y += 22
    legend = " ".join(
        f'<rect x="{10 + i * 90}" y="{y + 6}" width="10" height="10" fill="{colour}"/>'
        + _text(24 + i * 90, y + 15, name, size=11)
        for i, (name, colour) in enumerate(_COLOURS.items())
    )
    height = y + 30
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height:.0f}" '
        f'viewBox="0 0 {_WIDTH} {height:.0f}" font-family="sans-serif" role="img">'
        f"<title>lawgov assessment of {reports} reports</title>"
        f'<rect width="100%" height="100%" fill="#ffffff"/>' + "".join(parts) + legend + "</svg>\n"
    )
