"""The ``lawgov assess`` command: reports checked against article 24 of 厅字〔2019〕28号.

Importing this module registers the command on the ``lawgov`` click group (`lawgov.cli`
imports it). One row per report goes to ``-o`` (CSV, JSON Lines or Parquet by suffix); the
corpus summary goes to ``--summary`` (a table file, or ``-`` for an aligned text table on
stderr) and the chart to ``--chart`` (a self-contained SVG).
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click

import lawgov
from lawgov import Assessment, LawgovError
from lawgov._analysis.assess_corpus import ASSESSMENT_COLUMNS, SUMMARY_COLUMNS, assessment_rows
from lawgov._analysis.tables_export import (
    csv_cell,
    write_rows_csv,
    write_rows_jsonl,
    write_rows_parquet,
)
from lawgov._formats.atomic import atomic_open
from lawgov.cli._app import _encoding_option, _force_option, _quiet_option, cli
from lawgov.cli._batch import _fail
from lawgov.cli._files import _error_lines
from lawgov.cli._table import ReportStream, open_output, output_format

__all__ = ["assess", "summary_text"]


def summary_text(rows: list[dict[str, Any]]) -> str:
    """The summary as an aligned text table: one line per group, shares as percentages."""
    header = [
        "group",
        "reports",
        "on time",
        "(1)",
        "(2)",
        "(3)",
        "(4)",
        "(5)",
        "median date",
        "days",
    ]
    rules = [
        "published_by_april_1",
        "part_measures_and_results",
        "part_shortcomings",
        "part_leadership_duties",
        "part_next_year_plan",
        "part_other_matters",
    ]
    lines = [header]
    for row in rows:
        shares = [row[f"{rule}_share"] for rule in rules]
        cells = ["-" if share is None else f"{share * 100:.0f}%" for share in shares]
        lines.append(
            [
                row["group"],
                str(row["reports"]),
                *cells,
                csv_cell(row["median_published"]) or "-",
                csv_cell(row["median_days"]) or "-",
            ]
        )
    widths = [max(_width(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(
            cell + " " * (width - _width(cell)) for cell, width in zip(line, widths, strict=True)
        ).rstrip()
        for line in lines
    )


def _width(text: str) -> int:
    # Chinese characters take two columns in a terminal.
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _write_table(columns: Any, rows: Any, handle: IO[Any], fmt: str) -> int:
    if fmt == "parquet":
        return write_rows_parquet(columns, rows, handle)
    if fmt == "jsonl":
        return write_rows_jsonl(columns, rows, handle)
    return write_rows_csv(columns, rows, handle)


@cli.command(
    "assess",
    epilog="""\b
Examples:
  lawgov assess corpus.jsonl -o assessments.csv --summary - --chart chart.svg
  lawgov assess reports/ -o assessments.parquet --summary summary.csv
  lawgov assess report.txt                       # one CSV row on stdout
""",
)
@click.argument("inputs", nargs=-1, required=True, metavar="FILE_OR_DIR...")
@click.option(
    "-o",
    "--output",
    default="-",
    metavar="OUT",
    help="One row per report: .csv, .jsonl or .parquet by suffix, or - for CSV on stdout.",
)
@click.option(
    "--summary",
    default=None,
    metavar="OUT",
    help="The corpus summary: .csv, .jsonl or .parquet, or - for a text table on stderr.",
)
@click.option(
    "--chart",
    default=None,
    metavar="OUT.svg|OUT.html",
    help="A chart of the corpus: an SVG image, or a self-contained HTML page holding it.",
)
@_encoding_option
@_force_option
@_quiet_option
def assess(
    *,
    inputs: tuple[str, ...],
    output: str,
    summary: str | None,
    chart: str | None,
    encoding: str | None,
    force: bool,
    quiet: bool,
) -> None:
    """Check reports against article 24 of 《法治政府建设与责任落实督察工作规定》.

    Each report gets one check per rule (published by 1 April of the next year; the five
    prescribed parts), each passed, failed or unknown with its evidence. Reads JSON, XML, JSON
    Lines and XML collections, and raw text (.txt, parsed first). The rules are documented in
    docs/assess.md.
    """
    fmt = output_format(output)
    summary_fmt = output_format(summary) if summary not in (None, "-") else None
    if chart is not None and Path(chart).suffix.lower() not in (".svg", ".html", ".htm"):
        raise click.UsageError(f"{chart}: the chart is an SVG image (.svg) or an HTML page (.html)")
    stream = ReportStream(inputs, encoding, output)
    kept: list[Assessment] = []  # a few fields per report, for the summary and the chart

    def assessments() -> Iterator[Assessment]:
        for report in stream:
            assessment = lawgov.assess(report)
            if summary is not None or chart is not None:
                kept.append(assessment)
            yield assessment

    def write(handle: IO[Any]) -> int:
        return _write_table(ASSESSMENT_COLUMNS, assessment_rows(assessments()), handle, fmt)

    try:
        rows = open_output(output, fmt, force=force, write=write)
        if summary is not None:
            table = lawgov.summarize_assessments(kept)
            if summary == "-":
                click.echo(summary_text(table), err=True)
            else:
                assert summary_fmt is not None
                mode = "wb" if summary_fmt == "parquet" else "w"
                with atomic_open(summary, mode, force=force) as handle:  # type: ignore[call-overload]
                    _write_table(SUMMARY_COLUMNS, table, handle, summary_fmt)
        if chart is not None:
            svg = lawgov.assessment_chart_svg(kept)
            if Path(chart).suffix.lower() != ".svg":
                svg = _chart_page(svg)
            with atomic_open(chart, "w", force=force) as text:
                text.write(svg)
    except (LawgovError, OSError) as error:
        _fail(_error_lines(output, error))
    if not quiet:
        click.echo(f"assessed {rows} reports, failed {stream.failed}", err=True)
    sys.exit(1 if stream.failed else 0)


def _chart_page(svg: str) -> str:
    """The chart as a page of its own: no script, no style sheet, nothing fetched."""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>lawgov assess: the corpus</title></head>"
        f'<body style="margin:1rem;font-family:sans-serif">{svg}</body></html>\n'
    )
