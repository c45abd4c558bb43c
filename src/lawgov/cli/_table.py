"""The ``lawgov table`` command: one fact table across reports and corpora, as CSV, JSON Lines or
Parquet.

Importing this module registers the command on the ``lawgov`` click group (`lawgov.cli`
imports it). It reuses the group's input handling (files, directories, globs, corpora, raw text
parsed first) and streams: one report is in memory at a time.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import click

from lawgov import LawgovError, Report, tables
from lawgov._analysis.tables_export import format_of
from lawgov._formats.atomic import atomic_open
from lawgov.cli._app import _encoding_option, _force_option, _quiet_option, cli
from lawgov.cli._batch import _fail, _report_missing
from lawgov.cli._files import _CORPUS_SUFFIXES, _REPORT_SUFFIXES, _TEXT_SUFFIXES, _error_lines
from lawgov.cli._inputs import _expand
from lawgov.cli._metrics import _labelled_reports, _refuse_inputs_as_output
from lawgov.tables import TableError

__all__ = ["ReportStream", "open_output", "output_format", "table"]

_INPUT_SUFFIXES = _REPORT_SUFFIXES | _CORPUS_SUFFIXES | _TEXT_SUFFIXES


class ReportStream:
    """The reports of the command's inputs, read lazily; failures are printed and counted."""

    def __init__(self, inputs: Sequence[str], encoding: str | None, output: str) -> None:
        found, missing = _expand(inputs, _INPUT_SUFFIXES)
        if output != "-":
            _refuse_inputs_as_output(found, output)
        self._found = found
        self._encoding = encoding
        self.failed = _report_missing(missing)
        self.reports = 0

    def __iter__(self) -> Iterator[Report]:
        for item in self._found:
            for label, entry in _labelled_reports(Path(item.path), self._encoding):
                if isinstance(entry, BaseException):
                    self.failed += 1
                    for line in _error_lines(label, entry):
                        click.echo(line, err=True)
                    continue
                self.reports += 1
                yield entry


def output_format(output: str) -> str:
    """``csv``, ``jsonl`` or ``parquet`` from the output's suffix (CSV for stdout).

    Raises:
        click.UsageError: Any other suffix (exit status 2).
    """
    if output == "-":
        return "csv"
    try:
        return format_of(output)
    except TableError as error:
        raise click.UsageError(str(error.args[0])) from None


def open_output(output: str, fmt: str, *, force: bool, write: Callable[[Any], int]) -> int:
    """Run ``write`` on the output (stdout, or an atomic file), returning its row count."""
    if output == "-":
        stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
        try:
            return write(stdout)
        finally:
            stdout.flush()
            stdout.detach()
    if os.path.dirname(output):
        Path(output).parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        with atomic_open(output, "wb", force=force) as binary:
            return write(binary)
    with atomic_open(output, "w", force=force) as text:
        return write(text)


def _run(
    stream: ReportStream, output: str, fmt: str, *, force: bool, write: Callable[[Any], int]
) -> int:
    try:
        return open_output(output, fmt, force=force, write=write)
    except (LawgovError, OSError) as error:
        _fail(_error_lines(output, error))


@cli.command(
    "table",
    epilog="""\b
Examples:
  lawgov table metrics corpus.jsonl -o metrics.parquet
  lawgov table powers reports/ -o powers.csv --excel
  lawgov table sections report.json               # CSV on stdout
  lawgov table citations 'corpus/**/*.json' -o citations.jsonl
""",
)
@click.argument(
    "which", metavar="{metrics,powers,citations,sections}", type=click.Choice(tables.TABLES)
)
@click.argument("inputs", nargs=-1, required=True, metavar="FILE_OR_DIR...")
@click.option(
    "-o",
    "--output",
    default="-",
    metavar="OUT",
    help="Output file: .csv, .jsonl or .parquet by suffix, or - for CSV on stdout (default).",
)
@click.option("--excel", is_flag=True, help="CSV for Excel: a UTF-8 byte-order mark, CRLF lines.")
@click.option(
    "--decimals",
    type=click.Choice(["decimal", "string"]),
    default="decimal",
    help="Parquet decimal columns: decimal128(38, 6) (default) or exact strings.",
)
@_encoding_option
@_force_option
@_quiet_option
def table(
    *,
    which: tables.TableName,
    inputs: tuple[str, ...],
    output: str,
    excel: bool,
    decimals: tables.DecimalMode,
    encoding: str | None,
    force: bool,
    quiet: bool,
) -> None:
    """One row per fact (metric, delegated power, citation or section) across reports.

    Reads JSON, XML, JSON Lines and XML collections, and raw text (.txt, parsed first). Every row
    carries its report's title, issuer, year, published and url, and the fact's path; the
    columns of each table are listed in the documentation (docs/tables.md).
    """
    fmt = output_format(output)
    stream = ReportStream(inputs, encoding, output)

    def write(handle: IO[Any]) -> int:
        reports: Iterable[Report] = stream
        if fmt == "parquet":
            return tables.write_parquet(which, reports, handle, decimals=decimals)
        if fmt == "jsonl":
            return tables.write_jsonl(which, reports, handle)
        return tables.write_csv(which, reports, handle, excel=excel)

    rows = _run(stream, output, fmt, force=force, write=write)
    if not quiet:
        click.echo(
            f"{which} {rows} from {stream.reports} reports, failed {stream.failed}", err=True
        )
    sys.exit(1 if stream.failed else 0)
