"""The ``parse``, ``convert`` and ``validate`` commands."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

import click

import lawgov
from lawgov import LawgovError, Report
from lawgov._formats import corpus as _corpus
from lawgov._formats.suffixes import CORPUS_FORMATS, REPORT_FORMATS, suffix_of
from lawgov._parse import file as _parse_file
from lawgov.cli._app import (
    _batch_requested,
    _encoding_option,
    _force_option,
    _jobs_option,
    _output_directory,
    _quiet_option,
    _to_option,
    cli,
)
from lawgov.cli._batch import _default_jobs, _fail, _mirrored, _report_missing, _run_batch
from lawgov.cli._files import (
    _CHUNK,
    _CORPUS_SUFFIXES,
    _FORMAT_SUFFIX,
    _PARSE_SUFFIXES,
    _REPORT_SUFFIXES,
    _SNIFF_BYTES,
    _dump,
    _emit,
    _error_lines,
    _Kind,
    _kind_of,
    _load,
    _Prefixed,
    _read_input,
)
from lawgov.cli._inputs import _expand, _Input, _outside_output
from lawgov.cli._tasks import (
    _Job,
    _other,
    _Outcome,
    _problem_record,
    _Status,
    _Task,
    _validation_records,
)
from lawgov.cli._warnings import parse_file, warning_lines


@cli.command(
    epilog="""\b
Examples:
  lawgov parse report.txt                  # JSON on stdout
  lawgov parse report.txt -o report.xml    # format from the suffix
  lawgov parse gbk-report.txt --encoding gb18030 --to xml
  lawgov parse scraped/ -o parsed/ -j 4    # mirror a tree of .txt, .pdf, .docx, .html files
  lawgov parse attachment.pdf              # PDF needs: pip install 'lawgov[pdf]'
"""
)
@click.argument("inputs", nargs=-1, required=True, metavar="REPORT...")
@click.option(
    "-o",
    "--output",
    default=None,
    metavar="OUT",
    help="Output file (.json/.xml), directory for several inputs, or - for stdout (default).",
)
@_to_option
@_encoding_option
@_force_option
@_jobs_option
@_quiet_option
@click.option("-v", "--verbose", is_flag=True, help="Print each parser warning on stderr.")
def parse(
    *,
    inputs: tuple[str, ...],
    output: str | None,
    to: str | None,
    encoding: str | None,
    force: bool,
    jobs: int | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Parse raw report text (a scraped page), or a PDF, Word or HTML file, into a report.

    Text files may be UTF-8, UTF-16 or GB18030/GBK; the encoding is detected unless given.
    PDF (.pdf) and Word (.docx) files are told apart by their content; old .doc, .wps and .ofd
    files, and scanned PDFs, are refused with what to do instead.
    The parser's warnings go to stderr: a count per file, each with --verbose, none with
    --quiet.
    """
    target = _Kind(to) if to else None
    verbosity = 0 if quiet else 2 if verbose else 1
    if _batch_requested(inputs, output):
        directory = _output_directory(output)
        found, missing = _expand(inputs, _PARSE_SUFFIXES)
        found = _outside_output(found, directory)
        suffix = _FORMAT_SUFFIX[target or _Kind.JSON]
        tasks = _guarded(found, [_mirrored(i, directory, suffix) for i in found], directory)
        job = _Job("parse", to=target, force=force, encoding=encoding, verbosity=verbosity)
        _run_batch(
            job,
            tasks,
            jobs=jobs or _default_jobs(),
            verb="parsed",
            quiet=quiet,
            pre_failed=_report_missing(missing),
        )
    source = inputs[0]
    destination = output or "-"
    _refuse_suffix(destination, tuple(REPORT_FORMATS), "parse")
    if target is None:
        target = _Kind(REPORT_FORMATS.get(suffix_of(destination), "json"))
    label = "<stdin>" if source == "-" else source
    try:
        _refuse_missing(source)
        _refuse_input_as_output(source, destination)
        data = _read_input(source)
        suffix = "" if source == "-" else Path(source).suffix
        if source != "-" and _parse_file.kind_of(data, suffix) == "text":
            # A text file is read as Python users read one: lawgov.read_text, then the parser.
            result = lawgov.parse(lawgov.read_text(source, encoding=encoding), source=label)
            report, warnings = result.report, tuple(str(w) for w in result.warnings)
        else:  # stdin, pages, PDF and Word files: told apart by content
            report, warnings = parse_file(data, source=label, encoding=encoding)
        _emit(_dump(report, target), destination, force=force)
        for line in warning_lines(label, warnings, verbosity=verbosity):
            click.echo(line, err=True)
    except (LawgovError, OSError) as error:
        _fail(_error_lines(label, error))


def _guarded(found: Sequence[_Input], destinations: Sequence[str], output: Path) -> list[_Task]:
    """Tasks for inputs and their destinations, marking destinations that are inputs themselves.

    Checked here, once, rather than in the workers: shipping the set of every input path with
    each chunk of work would cost more than the work. Only inputs inside the output directory
    can be hit, so only those are remembered.
    """
    inside = os.path.join(os.path.realpath(output), "")
    exposed = {real for i in found if (real := os.path.realpath(i.path)).startswith(inside)}
    return [
        _Task(
            item.path,
            destination,
            clash=bool(exposed) and os.path.realpath(destination) in exposed,
        )
        for item, destination in zip(found, destinations, strict=True)
    ]


def _refuse_suffix(output: str, suffixes: Sequence[str], command: str) -> None:
    """A suffix the command cannot write is a usage error, with or without --to."""
    suffix = suffix_of(output) if output != "-" else ""
    if suffix and suffix not in suffixes:
        allowed = ", ".join(suffixes[:-1]) + f" or {suffixes[-1]}"
        raise click.UsageError(f"{output}: {command} writes {allowed}, not {suffix}")


def _refuse_missing(source: str) -> None:
    """A missing input fails in the words batches use, not the system's ("No such file …")."""
    if source != "-" and not os.path.exists(source):
        _fail([f"{source}: no such file, directory or matching file"])


def _refuse_input_as_output(source: str, destination: str) -> None:
    if (
        source != "-"
        and destination != "-"
        and Path(source).resolve() == Path(destination).resolve()
    ):
        raise click.UsageError("the output is the input; lawgov never modifies its inputs")


@cli.command(
    epilog="""\b
Examples:
  lawgov convert report.json report.xml      # by suffix
  lawgov convert report.xml - --to json      # to stdout
  cat report.json | lawgov convert - out.xml
  lawgov convert corpus.jsonl corpus.xml     # a corpus, streamed
  lawgov convert json-dir/ xml-dir/ --to xml -j 2
  lawgov convert 'in/**/*.xml' out/ --force
"""
)
@click.argument("inputs", nargs=-1, required=True, metavar="IN...")
@click.argument("output", metavar="OUT")
@_to_option
@_force_option
@click.option(
    "--skip-invalid",
    is_flag=True,
    help="Corpora: write the valid records and leave out the invalid ones (still exit 1).",
)
@_jobs_option
@_quiet_option
def convert(
    *,
    inputs: tuple[str, ...],
    output: str,
    to: str | None,
    force: bool,
    skip_invalid: bool,
    jobs: int | None,
    quiet: bool,
) -> None:
    """Convert reports between JSON and XML (JSON Lines and XML collections for corpora).

    With one input file, OUT is a file (or - for stdout). With several inputs, a directory or a
    glob, OUT is a directory that mirrors the input tree; existing outputs are skipped unless
    --force, so an interrupted batch resumes where it stopped.

    A corpus (JSON Lines or an XML collection) is converted record by record; every invalid
    record is reported as FILE:LINE: path: message, and nothing is written unless
    --skip-invalid, which writes the valid records (the exit status is 1 either way).
    """
    target = _Kind(to) if to else None
    if _batch_requested(inputs, output):
        directory = _output_directory(output)
        found, missing = _expand(inputs, _REPORT_SUFFIXES)
        found = _outside_output(found, directory)
        destinations = []
        for item in found:
            kind = _Kind(REPORT_FORMATS[suffix_of(item.path)])
            suffix = _FORMAT_SUFFIX[target or _other(kind)]
            destinations.append(_mirrored(item, directory, suffix))
        tasks = _guarded(found, destinations, directory)
        job = _Job("convert", to=target, force=force)
        _run_batch(
            job,
            tasks,
            jobs=jobs or _default_jobs(),
            verb="converted",
            quiet=quiet,
            pre_failed=_report_missing(missing),
        )
    _convert_one(inputs[0], output, target, force=force, skip_invalid=skip_invalid)


def _convert_one(
    source: str, output: str, target: _Kind | None, *, force: bool, skip_invalid: bool
) -> None:
    label = "<stdin>" if source == "-" else source
    try:
        _refuse_missing(source)
        _refuse_input_as_output(source, output)
        stream: IO[bytes] | None = None
        if source == "-":
            # Enough of stdin to tell what it is; a corpus is then streamed, never read whole.
            head = sys.stdin.buffer.read(_SNIFF_BYTES)
            kind = _kind_of(source, head)
            stream = io.BufferedReader(_Prefixed(head, sys.stdin.buffer))
            data = b"" if kind.is_corpus else _read_input(source, head=head)
        elif _kind_of(source).is_corpus:
            kind = _kind_of(source)
            data = b""
        else:
            data = _read_input(source)
            kind = _kind_of(source, data)
        if kind is _Kind.TEXT:
            raise click.UsageError(f"{label}: not JSON or XML (use `lawgov parse` for text)")
        out_kind = _output_kind(output, target, kind)
        if kind.is_corpus:
            _convert_corpus(
                _corpus_entries(source, stream, kind, label),
                output,
                _corpus_format(out_kind),
                force=force,
                skip_invalid=skip_invalid,
            )
            return
        report = _load(data, kind, source=label)
        if out_kind.is_corpus:
            if output == "-":
                _corpus.write_reports_to([report], sys.stdout.buffer, _corpus_format(out_kind))
            else:
                _corpus.write_reports(
                    [report], output, format=_corpus_format(out_kind), force=force
                )
            return
        _emit(_dump(report, out_kind), output, force=force)
    except (LawgovError, OSError) as error:
        _fail(_error_lines(label, error))


def _json_line(record: dict[str, object]) -> str:
    """A JSON line; a file name that is not UTF-8 stays recoverable as ``\\udcxx`` escapes."""
    text = json.dumps(record, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(record)  # json.loads and os.fsencode give the name's bytes back
    return text


class _InvalidRecordsError(Exception):
    """Raised at the end of a corpus with invalid records, so that nothing is committed."""


def _corpus_entries(
    source: str, stream: IO[bytes] | None, kind: _Kind, label: str
) -> Iterator[_corpus.Entry]:
    """Every record of a corpus file or stdin with its line: the report, or its error."""
    if stream is None:
        return _corpus.iter_entries(source)
    if kind is _Kind.JSONL:
        return _corpus._jsonl_entries(_corpus._bounded_lines(stream), label)
    return _corpus._collection_entries(stream, label)


def _convert_corpus(
    entries: Iterator[_corpus.Entry],
    output: str,
    format: _corpus.CorpusFormat,
    *,
    force: bool,
    skip_invalid: bool,
) -> None:
    """Convert a corpus record by record, reporting every invalid record with its line.

    Reading goes on past invalid records so that each is reported; unless ``skip_invalid``, the
    output is then discarded (an atomic file is never committed; stdout has had the valid
    records). Exits 1 when any record was invalid.
    """
    invalid = 0

    def valid() -> Iterator[Report]:
        nonlocal invalid
        for _, entry in entries:
            if isinstance(entry, LawgovError):
                invalid += 1
                # The error's source is FILE:LINE already.
                for line in _error_lines(entry.source or "", entry):
                    click.echo(line, err=True)
                continue
            yield entry
        if invalid and not skip_invalid:
            raise _InvalidRecordsError

    try:
        if output == "-":
            _corpus.write_reports_to(valid(), sys.stdout.buffer, format)
        else:
            _corpus.write_reports(valid(), output, format=format, force=force)
    except _InvalidRecordsError:
        pass
    if invalid:
        plural = "" if invalid == 1 else "s"
        what = "left out" if skip_invalid or output == "-" else "nothing written"
        _fail([f"{invalid} invalid record{plural}; {what}"])


def _corpus_format(kind: _Kind) -> _corpus.CorpusFormat:
    return "jsonl" if kind is _Kind.JSONL else "collection"


def _output_kind(output: str, target: _Kind | None, kind: _Kind) -> _Kind:
    _refuse_suffix(output, tuple(dict.fromkeys([*REPORT_FORMATS, *CORPUS_FORMATS])), "convert")
    suffix = suffix_of(output) if output != "-" else ""
    single, corpus = REPORT_FORMATS.get(suffix), CORPUS_FORMATS.get(suffix)
    if kind.is_corpus:
        if target is _Kind.JSON or (target is None and single == "json"):
            raise click.UsageError("a corpus converts to JSON Lines (.jsonl), not one JSON file")
        if target is _Kind.XML or corpus == "collection":
            return _Kind.COLLECTION
        if corpus == "jsonl":
            return _Kind.JSONL
        return _other(kind)
    if corpus == "jsonl" and target is None:
        return _Kind.JSONL
    if target is not None:
        return target
    if single is not None:
        return _Kind(single)
    if output == "-":
        return _other(kind)
    raise click.UsageError(f"{output}: cannot tell the output format; use --to json|xml")


# --------------------------------------------------------------------------------------------
# validate


@cli.command(
    epilog="""\b
Examples:
  lawgov validate report.json report.xml
  lawgov validate corpus/ -j 2             # every .json/.xml/.jsonl below
  lawgov validate 'out/**/*.xml' --format json | jq .
"""
)
@click.argument("inputs", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    help="text: `FILE: path: message` lines on stderr; json: one JSON object per file on stdout.",
)
@_jobs_option
@_quiet_option
def validate(*, inputs: tuple[str, ...], output_format: str, jobs: int | None, quiet: bool) -> None:
    """Check JSON and XML reports (and .jsonl / XML collection corpora) against every rule.

    Prints every problem, not just the first, each with the path of the bad value. Exits 1 when any
    file is invalid.
    """
    found, missing = _expand(inputs, _REPORT_SUFFIXES | _CORPUS_SUFFIXES)
    # Corpora are read here, record by record, so that the summary counts records, not files.
    corpora = [item.path for item in found if _kind_of(item.path).is_corpus]
    tasks = [_Task(item.path) for item in found if not _kind_of(item.path).is_corpus]
    as_json = output_format == "json"

    def report(outcome: _Outcome, source: str) -> None:
        if as_json:
            record = {"file": source, "valid": outcome.status is _Status.DONE}
            record["problems"] = list(outcome.records)
            click.echo(_json_line(record))
        else:
            for line in outcome.lines:
                click.echo(line, err=True)

    sources = iter(tasks)

    def on_outcome(outcome: _Outcome) -> None:
        report(outcome, next(sources).source)

    for arg in missing:
        message = "no such file, directory or matching file"
        if as_json:
            problem = _problem_record(None, "", message, "read")
            record = {"file": arg, "valid": False, "problems": [problem]}
            click.echo(_json_line(record))
        else:
            click.echo(f"{arg}: {message}", err=True)
    valid_records = invalid_records = 0
    for corpus in corpora:
        valid, invalid = _validate_corpus(corpus, as_json=as_json)
        valid_records += valid
        invalid_records += invalid
    _run_batch(
        _Job("validate"),
        tasks,
        jobs=jobs or (_default_jobs() if len(tasks) > _CHUNK else 1),
        verb="valid",
        failed_word="invalid",
        quiet=quiet,
        pre_failed=len(missing) + invalid_records,
        pre_done=valid_records,
        on_outcome=on_outcome,
    )


def _validate_corpus(path: str, *, as_json: bool) -> tuple[int, int]:
    """Check every record of a corpus, printing each invalid one; the valid and invalid counts.

    Text lines are ``FILE:LINE: path: message``; JSON is one object per file, as for reports,
    each problem carrying its ``line``.
    """
    valid = invalid = 0
    records: list[dict[str, object]] = []
    try:
        for line, entry in _corpus.iter_entries(path):
            if not isinstance(entry, LawgovError):
                valid += 1
                continue
            invalid += 1
            if as_json:
                records.extend(_validation_records(entry, line))
            else:
                for text in _error_lines(f"{path}:{line}", entry):
                    click.echo(text, err=True)
    except (LawgovError, OSError) as error:
        invalid += 1
        if as_json:
            records.extend(_validation_records(error, None))
        else:
            for text in _error_lines(path, error):
                click.echo(text, err=True)
    if as_json:
        record = {"file": path, "valid": not records, "problems": records}
        click.echo(json.dumps(record, ensure_ascii=False))
    return valid, invalid
