"""One file's work in a batch: the task, its outcome, and what each command does with a file."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import click

import lawgov
from lawgov import LawgovError, OutputExistsError, ValidationError
from lawgov._formats import corpus as _corpus
from lawgov._formats.atomic import atomic_open
from lawgov._formats.regular import NOT_REGULAR, is_regular
from lawgov.cli._files import _dump, _error_lines, _Kind, _kind_of, _load, _message, _read_input
from lawgov.cli._rows import metric_rows
from lawgov.cli._warnings import parse_file, warning_lines


class _Status(str, enum.Enum):
    """What became of one file in a batch."""

    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"


@attrs.frozen
class _Task:
    """One file of a batch and where its output goes (None for validate)."""

    source: str
    destination: str | None = None
    clash: bool = False  # the destination is one of the batch's inputs: refused, even forced
    shared: str | None = None  # another input of the batch maps to the same destination


@attrs.frozen
class _Outcome:
    """The result of one task: its status, lines to print, and records (problems, metric rows)."""

    status: _Status
    lines: tuple[str, ...] = ()
    records: tuple[dict[str, Any], ...] = ()


@attrs.frozen
class _Job:
    """What to do with each file of a batch: the command's options, picklable for workers."""

    command: str
    to: _Kind | None = None
    force: bool = False
    encoding: str | None = None
    verbosity: int = 1  # parse warnings: 0 none, 1 a count per file, 2 each


def _other(kind: _Kind) -> _Kind:
    return {_Kind.JSON: _Kind.XML, _Kind.XML: _Kind.JSON, _Kind.JSONL: _Kind.COLLECTION}.get(
        kind, _Kind.JSONL
    )


def _run_task(job: _Job, task: _Task) -> _Outcome:
    """Do one file's work, turning every failure into an outcome (never raising, but on Ctrl-C)."""
    label = task.source
    if not is_regular(task.source):
        # A FIFO or device found in an input folder: reading it could block or never end. A
        # writing command skips it; for validate and metrics it is no valid report.
        status = _Status.FAILED if job.command in ("validate", "metrics") else _Status.SKIPPED
        return _Outcome(status, (f"{label}: skipped: {NOT_REGULAR}",))
    try:
        if job.command == "validate":
            return _validate_file(task.source)
        if job.command == "metrics":
            data = _read_input(task.source)
            report = _load(data, _kind_of(task.source, data), source=label, encoding=job.encoding)
            return _Outcome(_Status.DONE, records=tuple(metric_rows(report, label)))
        assert task.destination is not None
        destination = Path(task.destination)
        if task.clash:
            return _Outcome(_Status.FAILED, (f"{label}: output {destination} is an input file",))
        if task.shared is not None:
            message = f"{label}: output {destination} would also be written from {task.shared}"
            return _Outcome(_Status.FAILED, (f"{message}; rename one of them",))
        if destination.exists() and not job.force:
            return _Outcome(_Status.SKIPPED)
        data = _read_input(task.source)
        kind = _kind_of(task.source, data)
        if kind.is_corpus:
            return _Outcome(
                _Status.FAILED,
                (f"{label}: a corpus file; convert it on its own: lawgov convert IN OUT",),
            )
        notes: list[str] = []
        if job.command == "parse" and kind is _Kind.TEXT:
            report, warnings = parse_file(data, source=label, encoding=job.encoding)
            notes = warning_lines(label, warnings, verbosity=job.verbosity)
        else:
            report = _load(data, kind, source=label, encoding=job.encoding)
        target = job.to or (_Kind.JSON if job.command == "parse" else _other(kind))
        destination.parent.mkdir(parents=True, exist_ok=True)
        # No sync per file (milliseconds each); the batch syncs once when it ends.
        with atomic_open(destination, "wb", force=job.force, durable=False) as handle:
            handle.write(_dump(report, target))
        if notes:
            return _Outcome(_Status.DONE, tuple(notes))
    except OutputExistsError:
        # Appeared between the check and the commit: another writer got there first.
        return _Outcome(_Status.SKIPPED)
    except (LawgovError, OSError, click.UsageError) as error:
        if isinstance(error, click.UsageError):
            return _Outcome(_Status.FAILED, (f"{label}: {error.message}",))
        return _Outcome(_Status.FAILED, tuple(_error_lines(label, error)))
    except Exception as error:  # a bug met on one file must not end the whole batch
        return _Outcome(_Status.FAILED, (f"{label}: internal error: {_message(error)}",))
    return _Outcome(_Status.DONE)


def _run_chunk(job: _Job, tasks: Sequence[_Task]) -> list[_Outcome]:
    return [_run_task(job, task) for task in tasks]


def _problem_record(record: int | None, path: str, message: str, rule: str) -> dict[str, Any]:
    return {"line": record, "path": path, "rule": rule, "message": message}


def _validation_records(error: BaseException, line: int | None) -> list[dict[str, Any]]:
    if isinstance(error, ValidationError) and error.problems:
        return [_problem_record(line, p.path, p.message, p.rule) for p in error.problems]
    rule = "format" if isinstance(error, lawgov.FormatError) else "read"
    return [_problem_record(line, "", _message(error), rule)]


def _validate_file(source: str) -> _Outcome:
    """Every problem of a JSON/XML report or corpus, as lines and as JSON records."""
    records: list[dict[str, Any]] = []
    try:
        kind = _kind_of(source)
        if kind.is_corpus:
            for line, entry in _corpus.iter_entries(source):
                if isinstance(entry, BaseException):
                    records.extend(_validation_records(entry, line))
        else:
            data = _read_input(source)
            kind = _kind_of(source, data)
            if kind is _Kind.TEXT:
                raise lawgov.FormatError("not a JSON or XML report")
            _load(data, kind, source=source)
    except (LawgovError, OSError) as error:
        records.extend(_validation_records(error, None))
    lines = tuple(
        f"{source}{'' if r['line'] is None else ':' + str(r['line'])}: "
        + (f"{r['path']}: {r['message']}" if r["path"] else r["message"])
        for r in records
    )
    status = _Status.FAILED if records else _Status.DONE
    return _Outcome(status, lines, tuple(records))
