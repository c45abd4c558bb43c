"""The ``metrics`` command and its rows: one line per metric of every report."""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import click

from lawgov import LawgovError, Report
from lawgov._formats import corpus as _corpus
from lawgov._formats.atomic import atomic_open, remove_stale_temporaries
from lawgov._formats.suffixes import TABLE_FORMATS
from lawgov.cli._app import _encoding_option, _force_option, _jobs_option, _quiet_option, cli
from lawgov.cli._batch import _default_jobs, _fail, _outcomes, _report_missing
from lawgov.cli._files import (
    _CHUNK,
    _CORPUS_SUFFIXES,
    _REPORT_SUFFIXES,
    _TEXT_SUFFIXES,
    _error_lines,
    _kind_of,
    _load,
    _read_input,
)
from lawgov.cli._inputs import _expand, _Input
from lawgov.cli._rows import _METRIC_COLUMNS, metric_rows
from lawgov.cli._tasks import _Job, _Status, _Task

# --------------------------------------------------------------------------------------------
# metrics


def _labelled_reports(
    source: Path, encoding: str | None
) -> Iterator[tuple[str, Report | BaseException]]:
    """Each report in a file with its label (``file`` or ``file:line``), or the error instead."""
    label = str(source)
    try:
        kind = _kind_of(label)
        if kind.is_corpus:
            for line, entry in _corpus.iter_entries(source):
                yield f"{label}:{line}", entry
            return
        data = _read_input(label)
        kind = _kind_of(label, data)
        if kind.is_corpus:
            for line, entry in _corpus.iter_entries(source):
                yield f"{label}:{line}", entry
            return
        yield label, _load(data, kind, source=label, encoding=encoding)
    except (LawgovError, OSError) as error:
        yield label, error


@cli.command(
    epilog="""\b
Examples:
  lawgov metrics report.json                    # CSV on stdout
  lawgov metrics corpus/ -o metrics.csv
  lawgov metrics corpus.jsonl scraped/ -o metrics.jsonl
"""
)
@click.argument("inputs", nargs=-1, required=True, metavar="FILE_OR_DIR...")
@click.option(
    "-o",
    "--output",
    default="-",
    metavar="OUT",
    help="Output file: .csv or .jsonl by suffix, or - for stdout (default).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["csv", "jsonl"]),
    default=None,
    help="Output format (default: from the output's suffix, else CSV); must match the suffix.",
)
@click.option(
    "--excel",
    is_flag=True,
    help="CSV for spreadsheet programs: UTF-8 with a byte-order mark, so Chinese text opens right.",
)
@_encoding_option
@_force_option
@_jobs_option
@_quiet_option
def metrics(
    *,
    inputs: tuple[str, ...],
    output: str,
    output_format: str | None,
    excel: bool,
    encoding: str | None,
    force: bool,
    jobs: int | None,
    quiet: bool,
) -> None:
    """One row per metric across reports and corpora, for analysts.

    Reads JSON, XML, JSON Lines and XML collections, and raw text (.txt, parsed first). Columns:
    report, title, issuer, year, section (e.g. 二/（一）/三是), name, value, unit, base_value,
    base_unit (1500 万元 → 15000000 元), qualifier, text (the source wording). In JSON Lines
    the year is a number, values are exact decimal strings (as in lawgov JSON) and a missing name
    or section is null.
    """
    fmt = _output_format(output, output_format)
    if excel and fmt != "csv":
        raise click.UsageError("--excel applies to CSV output only")
    found, missing = _expand(inputs, _REPORT_SUFFIXES | _CORPUS_SUFFIXES | _TEXT_SUFFIXES)
    if output != "-":
        _refuse_inputs_as_output(found, output)
    failed = _report_missing(missing)
    rows = reports = 0

    def write(handle: IO[str]) -> None:
        nonlocal failed, rows, reports
        writer = csv.DictWriter(handle, _METRIC_COLUMNS, lineterminator="\n")
        if fmt == "csv":
            if excel:
                handle.write("\ufeff")
            writer.writeheader()

        def emit(row: dict[str, str]) -> None:
            nonlocal rows
            rows += 1
            if fmt == "csv":
                writer.writerow(row)
            else:
                handle.write(json.dumps(_typed(row), ensure_ascii=False) + "\n")

        # Single reports go to the workers in runs (parsing text is the slow part); corpus files
        # are streamed here, record by record, so their rows never pile up in memory.
        for is_corpus, run in itertools.groupby(found, key=lambda i: _kind_of(i.path).is_corpus):
            if is_corpus:
                for item in run:
                    for label, entry in _labelled_reports(Path(item.path), encoding):
                        if isinstance(entry, BaseException):
                            failed += 1
                            for line in _error_lines(label, entry):
                                click.echo(line, err=True)
                            continue
                        reports += 1
                        for row in metric_rows(entry, label):
                            emit(row)
                continue
            tasks = [_Task(item.path) for item in run]
            workers = jobs or (_default_jobs() if len(tasks) > _CHUNK else 1)
            for outcome in _outcomes(_Job("metrics", encoding=encoding), tasks, workers):
                if outcome.status is _Status.FAILED:
                    failed += 1
                    for line in outcome.lines:
                        click.echo(line, err=True)
                    continue
                reports += 1
                for row in outcome.records:
                    emit(row)

    try:
        if output == "-":
            # surrogateescape: a file name that is not UTF-8 comes out as its own bytes.
            stdout = io.TextIOWrapper(
                sys.stdout.buffer, encoding="utf-8", errors="surrogateescape", newline=""
            )
            try:
                write(stdout)
            finally:
                stdout.flush()
                stdout.detach()
        else:
            remove_stale_temporaries(os.path.dirname(output) or ".")  # a killed run's leftovers
            with atomic_open(output, "w", force=force, errors="surrogateescape") as handle:
                write(handle)
    except (LawgovError, OSError) as error:
        _fail(_error_lines(output, error))
    if not quiet:
        click.echo(
            f"metrics {rows} from {reports} report{'' if reports == 1 else 's'}, failed {failed}",
            err=True,
        )
    sys.exit(1 if failed else 0)


def _refuse_inputs_as_output(found: Iterable[_Input], output: str) -> None:
    target = os.path.realpath(output)
    if any(os.path.realpath(item.path) == target for item in found):
        raise click.UsageError("the output is one of the inputs; lawgov never modifies its inputs")


# What metrics can write, by the output's suffix; no suffix (or stdout) is CSV unless --format.
_SUFFIX_FORMATS = {suffix: fmt for suffix, fmt in TABLE_FORMATS.items() if fmt in ("csv", "jsonl")}


def _output_format(output: str, chosen: str | None) -> str:
    """The output format: a suffix metrics cannot write is a usage error, whatever --format says."""
    suffix = Path(output).suffix.lower() if output != "-" else ""
    if suffix and suffix not in _SUFFIX_FORMATS:
        raise click.UsageError(f"{output}: metrics writes .csv or .jsonl, not {suffix}")
    by_suffix = _SUFFIX_FORMATS.get(suffix)
    if chosen is not None and by_suffix is not None and chosen != by_suffix:
        raise click.UsageError(f"{output}: --format {chosen} does not match the suffix {suffix}")
    return chosen or by_suffix or "csv"


def _typed(row: dict[str, str]) -> dict[str, object]:
    """A metric row for JSON: the year a number, decimals exact strings, empty optionals null."""
    typed: dict[str, object] = dict(row)
    if row["year"].isdigit():
        typed["year"] = int(row["year"])
    for column in ("name", "section"):
        if row[column] == "":
            typed[column] = None
    return typed
