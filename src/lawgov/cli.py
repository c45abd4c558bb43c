"""The ``lawgov`` command line: parse, convert, validate, show and mine reports and corpora.

Needs the ``cli`` extra (``pip install 'lawgov[cli]'``, which brings click and the parser). The
library never imports this module.

Conventions every command follows (docs/cli.md has the user's view):

- Data goes to stdout, diagnostics to stderr as ``FILE: path: message`` lines.
- Exit status 0 when everything succeeded, 1 when any input failed (invalid, unreadable, output
  exists), 2 for usage errors (click's own), 130 when interrupted.
- Outputs are written atomically (:mod:`lawgov._atomic`) and never overwrite without ``--force``;
  a destination that is also an input is refused even with ``--force``.
- Batches (directories, globs, several inputs) mirror the input tree into the output directory,
  run on ``-j`` worker processes, draw a progress bar only when stderr is a terminal, continue
  past bad files and end with a summary line.
"""

from __future__ import annotations

import collections
import contextlib
import csv
import enum
import glob
import io
import itertools
import json
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, NoReturn, TypeVar

import attrs
import click

import lawgov
from lawgov import _corpus
from lawgov._atomic import OutputExistsError, atomic_open
from lawgov._encoding import decode_text
from lawgov._errors import LawgovError, ValidationError
from lawgov._json import MAX_INPUT_BYTES
from lawgov._model import Measure, Metric, Report, Section

__all__ = ["cli", "main"]

_T = TypeVar("_T")

#: Exit status when the run was interrupted (SIGINT/SIGTERM), as shells report 128 + SIGINT.
EXIT_INTERRUPTED = 130

_REPORT_SUFFIXES = frozenset({".json", ".xml"})
_TEXT_SUFFIXES = frozenset({".txt"})
_CORPUS_SUFFIXES = frozenset({".jsonl"})

# Files handed to one worker at a time: large enough that inter-process traffic is a small share of
# the work, small enough that Ctrl-C waits only for a few files per worker and progress stays live.
_CHUNK = 16

# How much of stdin is read to tell JSON, XML, JSON Lines and XML collections apart.
_SNIFF_BYTES = 64 * 1024


class _Kind(str, enum.Enum):
    """What a file holds, decided by its suffix (and for XML by its root element)."""

    JSON = "json"
    XML = "xml"
    TEXT = "text"
    JSONL = "jsonl"
    COLLECTION = "collection"

    @property
    def is_corpus(self) -> bool:
        """Whether the file holds many reports."""
        return self in (_Kind.JSONL, _Kind.COLLECTION)


_FORMAT_SUFFIX = {
    _Kind.JSON: ".json",
    _Kind.XML: ".xml",
    _Kind.JSONL: ".jsonl",
    _Kind.COLLECTION: ".xml",
}


# --------------------------------------------------------------------------------------------
# Reading and writing single reports


def _kind_of(path: str, data: bytes | None = None) -> _Kind:
    """The kind of a file, by suffix; content decides for ``-`` and unknown suffixes."""
    suffix = Path(path).suffix.lower()
    if suffix == ".jsonl":
        return _Kind.JSONL
    if suffix == ".txt":
        return _Kind.TEXT
    if suffix == ".json":
        return _Kind.JSON
    if suffix == ".xml":
        if data is not None:
            return _Kind.COLLECTION if _corpus.is_collection(data) else _Kind.XML
        return _Kind.COLLECTION if _corpus.is_collection_file(path) else _Kind.XML
    if data is not None:
        head = data.lstrip()[:1]
        if head == b"<" or head.startswith(b"\xef\xbb\xbf<"):
            return _Kind.COLLECTION if _corpus.is_collection(data) else _Kind.XML
        if head in (b"{", b"["):
            return _Kind.JSONL if data.strip().count(b"\n") and _looks_jsonl(data) else _Kind.JSON
    return _Kind.TEXT


def _looks_jsonl(data: bytes) -> bool:
    # A JSON document spread over lines starts its second line inside the object; JSON Lines starts
    # every line with a new object.
    lines = [line for line in data.splitlines() if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith(b"{") for line in lines[:3])


def _load(data: bytes, kind: _Kind, *, source: str, encoding: str | None = None) -> Report:
    """One report from the bytes of a JSON, XML or text file."""
    if kind is _Kind.JSON:
        return lawgov.from_json(data, source=source)
    if kind is _Kind.XML:
        return lawgov.from_xml(data, source=source)
    if kind is _Kind.TEXT:
        text = decode_text(data, encoding=encoding, source=source)
        return lawgov.parse_text(text, source=source)
    raise click.UsageError(f"{source}: a corpus ({kind.value}) holds many reports, not one")


def _dump(report: Report, kind: _Kind) -> bytes:
    """The bytes of one report in JSON or XML."""
    if kind is _Kind.JSON:
        return _as_bytes(lawgov.to_json(report))
    return _as_bytes(lawgov.to_xml(report))


def _as_bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _read_input(path: str, *, head: bytes = b"") -> bytes:
    """The bytes of one input file (``-`` for stdin), refusing inputs beyond the size limit.

    Reading stops one byte past :data:`lawgov._json.MAX_INPUT_BYTES`, so a huge or endless
    input costs no more memory than the largest document lawgov would accept. ``head`` is what
    was already read from stdin.
    """
    limit = MAX_INPUT_BYTES
    if path == "-":
        data = head + sys.stdin.buffer.read(max(0, limit + 1 - len(head)))
    else:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    if len(data) > limit:
        raise lawgov.FormatError(f"input exceeds {limit} bytes", source=path)
    return data


class _Prefixed(io.RawIOBase):
    """A binary stream that returns ``head`` first, then the rest of ``rest`` (sniffed stdin)."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        """Always: this stream is for reading."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill ``buffer`` from the head while it lasts, then from the rest."""
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        read = getattr(self._rest, "read1", self._rest.read)
        data = read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _emit(data: bytes, output: str, *, force: bool) -> None:
    """Write one output: stdout for ``-``, otherwise an atomic file."""
    if output == "-":
        sys.stdout.buffer.write(data)
        if not data.endswith(b"\n"):
            sys.stdout.buffer.write(b"\n")
        sys.stdout.flush()
        return
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    with atomic_open(output, "wb", force=force) as handle:
        handle.write(data)


def _message(error: BaseException) -> str:
    """An error's message without the source prefix that LawgovError adds."""
    if isinstance(error, LawgovError):
        return str(error.args[0]) if error.args else type(error).__name__
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return f"{type(error).__name__}: {error}"


def _error_lines(label: str, error: BaseException) -> list[str]:
    """``FILE: path: message`` lines for an error, one per validation problem."""
    if isinstance(error, OutputExistsError):
        # The file at fault is the output, which the error names itself.
        return [str(error)]
    if isinstance(error, ValidationError) and error.problems:
        return [f"{label}: {problem}" for problem in error.problems]
    if isinstance(error, OSError) and error.filename is not None:
        # The file the system refused, which may be the output rather than the input.
        return [f"{error.filename}: {_message(error)}"]
    return [f"{label}: {_message(error)}"]


# --------------------------------------------------------------------------------------------
# Expanding inputs: files, directories, globs


@attrs.frozen
class _Input:
    """One input file and the directory its output path is mirrored from.

    Plain strings, not Paths: a batch holds one of these per file, and a Path costs several
    times the memory of its string.
    """

    path: str
    root: str

    @property
    def relative(self) -> str:
        """The path below its root: the part that is mirrored into the output directory."""
        return os.path.relpath(self.path, self.root)


def _is_glob(pattern: str) -> bool:
    return glob.has_magic(pattern)


def _glob_root(pattern: str) -> Path:
    # The longest leading run of components without wildcards: what the output mirrors below.
    parts = Path(pattern).parts
    fixed: list[str] = []
    for part in parts:
        if _is_glob(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path()


def _walk(directory: str, suffixes: frozenset[str]) -> Iterator[str]:
    # Sorted for reproducible order; hidden files and folders (our own .part files, .git) skipped.
    for current, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in suffixes:
                yield os.path.join(current, name)


def _expand(args: Sequence[str], suffixes: frozenset[str]) -> tuple[list[_Input], list[str]]:
    """Files named, found below directories, or matched by globs; and the arguments that matched
    nothing (each is a failure, not a usage error, so the rest of the batch still runs).
    """
    found: list[_Input] = []
    missing: list[str] = []
    # One directory or glob never yields a file twice; only overlapping arguments can.
    seen: set[str] | None = set() if len(args) > 1 else None

    def add(path: str, root: str) -> None:
        if seen is not None:
            key = os.path.realpath(path)
            if key in seen:
                return
            seen.add(key)
        found.append(_Input(path=path, root=root))

    for arg in args:
        if os.path.isdir(arg):
            for item in _walk(arg, suffixes):
                add(item, arg)
        elif os.path.isfile(arg):
            add(arg, os.path.dirname(arg) or ".")
        elif _is_glob(arg):
            root = str(_glob_root(arg))
            matches = sorted(glob.glob(arg, recursive=True))
            files = [m for m in matches if os.path.isfile(m)]
            for match in (m for m in matches if os.path.isdir(m)):
                files.extend(_walk(match, suffixes))
            chosen = [f for f in files if os.path.splitext(f)[1].lower() in suffixes]
            if not chosen:
                missing.append(arg)
            for item in chosen:
                add(item, root)
        else:
            missing.append(arg)
    return found, missing


# --------------------------------------------------------------------------------------------
# Batches: one job per file, run in-process or on a process pool


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


def _run_task(job: _Job, task: _Task) -> _Outcome:
    """Do one file's work, turning every failure into an outcome (never raising, but on Ctrl-C)."""
    label = task.source
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
        if destination.exists() and not job.force:
            return _Outcome(_Status.SKIPPED)
        data = _read_input(task.source)
        kind = _kind_of(task.source, data)
        if kind.is_corpus:
            return _Outcome(
                _Status.FAILED,
                (f"{label}: a corpus file; convert it on its own: lawgov convert IN OUT",),
            )
        report = _load(data, kind, source=label, encoding=job.encoding)
        target = job.to or (_Kind.JSON if job.command == "parse" else _other(kind))
        destination.parent.mkdir(parents=True, exist_ok=True)
        # No sync per file (milliseconds each); the batch syncs once when it ends.
        with atomic_open(destination, "wb", force=job.force, durable=False) as handle:
            handle.write(_dump(report, target))
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


def _ignore_interrupts() -> None:
    # Workers finish their current files when the user presses Ctrl-C; the parent cancels the rest.
    # (A terminal sends SIGINT to the whole process group, workers included.)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def _deferred_interrupts() -> Iterator[list[int]]:
    """Record SIGINT and SIGTERM instead of raising at once; yields the signals received."""
    received: list[int] = []

    def handler(signum: int, frame: object) -> None:
        received.append(signum)

    try:
        previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread (embedded use): signals stay as they are
        yield received
        return
    try:
        yield received
    finally:
        for sig, action in previous.items():
            signal.signal(sig, action)


def _chunks(items: Sequence[_T], size: int) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _pool_context() -> multiprocessing.context.BaseContext:
    # fork starts workers with lawgov already imported (a second's import saved per worker) and is
    # safe while this process has a single thread, as the command line does. Otherwise (embedded
    # in a threaded program) forkserver, preloaded with this module; spawn where neither exists.
    # (macOS offers fork too, but its system libraries are not fork-safe: Python avoids it there.)
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


def _outcomes(job: _Job, tasks: Sequence[_Task], jobs: int) -> Generator[_Outcome, None, None]:
    """Each task's outcome, in task order, computed here (``jobs == 1``) or on a process pool."""
    if jobs <= 1 or len(tasks) <= 1:
        # As in the workers, an interrupt lets the current file finish: its output then exists
        # and is counted, instead of being complete on disk but missing from the summary.
        with _deferred_interrupts() as received:
            for task in tasks:
                yield _run_task(job, task)
                if received:
                    raise KeyboardInterrupt
        return
    window = jobs * 4  # chunks in flight: keeps workers busy while bounding queued results
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=_pool_context(), initializer=_ignore_interrupts
    ) as executor:
        pending: collections.deque[Future[list[_Outcome]]] = collections.deque()
        chunks = _chunks(tasks, _CHUNK)

        def oldest() -> list[_Outcome]:
            # Removed from the window only once done: an interrupt during the wait keeps it there.
            results = pending[0].result()
            pending.popleft()
            return results

        try:
            for chunk in chunks:
                pending.append(executor.submit(_run_chunk, job, chunk))
                if len(pending) >= window:
                    yield from oldest()
            while pending:
                yield from oldest()
        except KeyboardInterrupt:
            # Drop queued chunks and let running ones finish their atomic writes, so that only
            # complete outputs remain; what they did still counts in the summary.
            executor.shutdown(wait=True, cancel_futures=True)
            for future in pending:
                if not future.cancelled() and future.exception() is None:
                    yield from future.result()
            raise
        except BaseException:
            # The consumer went away (an error while printing): stop as above, report nothing.
            executor.shutdown(wait=True, cancel_futures=True)
            raise


@attrs.define
class _Tally:
    """Counts of a batch, for the summary line."""

    done: int = 0
    failed: int = 0
    skipped: int = 0

    def add(self, status: _Status) -> None:
        if status is _Status.DONE:
            self.done += 1
        elif status is _Status.FAILED:
            self.failed += 1
        else:
            self.skipped += 1

    def summary(self, verb: str, *, failed: str = "failed") -> str:
        # Only writing commands skip anything (outputs that exist without --force).
        text = f"{verb} {self.done}, {failed} {self.failed}"
        return text if verb == "valid" else f"{text}, skipped {self.skipped}"


def _default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    # `kill PID` and CI timeouts send SIGTERM: treat it like Ctrl-C so temporary files are removed.
    def handler(signum: int, frame: object) -> NoReturn:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (embedded use): leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run_batch(
    job: _Job,
    tasks: Sequence[_Task],
    *,
    jobs: int,
    verb: str,
    quiet: bool,
    pre_failed: int = 0,
    failed_word: str = "failed",
    on_outcome: Callable[[_Outcome], None] | None = None,
) -> NoReturn:
    """Run a batch, print errors and the summary, and exit with the batch's status."""
    tally = _Tally(failed=pre_failed)
    show_bar = not quiet and sys.stderr.isatty() and len(tasks) > 1
    bar: Any = (
        click.progressbar(length=len(tasks), label=verb.capitalize(), file=sys.stderr)
        if show_bar
        else contextlib.nullcontext()
    )

    def handle(outcome: _Outcome) -> None:
        tally.add(outcome.status)
        if on_outcome is not None:
            on_outcome(outcome)
        else:
            for line in outcome.lines:
                click.echo(line, err=True)
        if show_bar:
            bar.update(1)

    interrupted = False
    with _sigterm_as_interrupt():
        outcomes = _outcomes(job, tasks, jobs)
        try:
            with bar:
                for outcome in outcomes:
                    handle(outcome)
        except KeyboardInterrupt:
            interrupted = True
            # Interrupted here rather than inside the generator: hand it the interrupt, so that
            # it stops the pool and still reports the files its workers completed.
            with contextlib.suppress(KeyboardInterrupt, StopIteration):
                handle(outcomes.throw(KeyboardInterrupt()))
                for outcome in outcomes:
                    handle(outcome)
        finally:
            outcomes.close()
    if tally.done and job.command != "validate" and hasattr(os, "sync"):
        os.sync()  # the batch's outputs reach the disk before we report success
    if interrupted:
        click.echo(f"interrupted: {tally.summary(verb, failed=failed_word)}", err=True)
        sys.exit(EXIT_INTERRUPTED)
    if not quiet:
        click.echo(tally.summary(verb, failed=failed_word), err=True)
    sys.exit(1 if tally.failed else 0)


def _other(kind: _Kind) -> _Kind:
    return {_Kind.JSON: _Kind.XML, _Kind.XML: _Kind.JSON, _Kind.JSONL: _Kind.COLLECTION}.get(
        kind, _Kind.JSONL
    )


def _mirrored(item: _Input, output: Path, suffix: str) -> str:
    return os.path.splitext(os.path.join(output, item.relative))[0] + suffix


def _report_missing(missing: Iterable[str]) -> int:
    count = 0
    for arg in missing:
        click.echo(f"{arg}: no such file, directory or matching file", err=True)
        count += 1
    return count


def _fail(lines: Iterable[str], status: int = 1) -> NoReturn:
    for line in lines:
        click.echo(line, err=True)
    sys.exit(status)


# --------------------------------------------------------------------------------------------
# The click application

_JOBS_HELP = (
    "Worker processes for directories and globs (default: the CPUs available to this process; "
    "1 runs in-process)."
)

_to_option = click.option(
    "--to",
    "to",
    type=click.Choice(["json", "xml"]),
    default=None,
    help="Output format (default: from the output's suffix, else the other format / JSON).",
)
_force_option = click.option(
    "-f", "--force", is_flag=True, help="Overwrite existing outputs (never an input)."
)
_jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None, help=_JOBS_HELP
)
_quiet_option = click.option(
    "-q", "--quiet", is_flag=True, help="No progress bar and no summary line."
)
_encoding_option = click.option(
    "--encoding",
    default=None,
    metavar="CODEC",
    help="Encoding of text inputs (default: detect UTF-8, UTF-16 or GB18030/GBK).",
)


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="""\b
Examples:
  lawgov parse report.txt -o report.json
  lawgov convert reports/ xml-out/ --to xml -j 2
  lawgov validate 'corpus/**/*.json'
  lawgov show report.xml
  lawgov metrics corpus/ -o metrics.csv

Exit status: 0 success, 1 some input failed, 2 usage error, 130 interrupted.
Shell completion (bash): eval "$(_LAWGOV_COMPLETE=bash_source lawgov)"
""",
)
@click.version_option(lawgov.__version__, "-V", "--version", prog_name="lawgov")
def cli() -> None:
    """Parse, convert, validate and inspect 法治政府建设年度报告 and whole corpora of them."""


def _batch_requested(inputs: Sequence[str], output: str | None) -> bool:
    if len(inputs) != 1:
        return True
    only = inputs[0]
    if only != "-" and (Path(only).is_dir() or (_is_glob(only) and not Path(only).exists())):
        return True
    return output is not None and output != "-" and (Path(output).is_dir() or output.endswith("/"))


def _output_directory(output: str | None) -> Path:
    if output is None or output == "-":
        raise click.UsageError(
            "several inputs need an output directory (convert: OUT, parse: -o DIR)"
        )
    directory = Path(output)
    if directory.exists() and not directory.is_dir():
        raise click.UsageError(f"{output}: not a directory (several inputs write a tree)")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@cli.command(
    epilog="""\b
Examples:
  lawgov parse report.txt                  # JSON on stdout
  lawgov parse report.txt -o report.xml    # format from the suffix
  lawgov parse gbk-report.txt --encoding gb18030 --to xml
  lawgov parse scraped/ -o parsed/ -j 4    # mirror a tree of .txt files
"""
)
@click.argument("inputs", nargs=-1, required=True, metavar="REPORT.txt...")
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
def parse(
    *,
    inputs: tuple[str, ...],
    output: str | None,
    to: str | None,
    encoding: str | None,
    force: bool,
    jobs: int | None,
    quiet: bool,
) -> None:
    """Parse raw report text (a scraped page) into a report.

    Text files may be UTF-8, UTF-16 or GB18030/GBK; the encoding is detected unless given.
    """
    target = _Kind(to) if to else None
    if _batch_requested(inputs, output):
        directory = _output_directory(output)
        found, missing = _expand(inputs, _TEXT_SUFFIXES)
        suffix = _FORMAT_SUFFIX[target or _Kind.JSON]
        tasks = _guarded(found, [_mirrored(i, directory, suffix) for i in found], directory)
        job = _Job("parse", to=target, force=force, encoding=encoding)
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
    if target is None:
        target = _Kind.XML if Path(destination).suffix.lower() == ".xml" else _Kind.JSON
    label = "<stdin>" if source == "-" else source
    try:
        _refuse_input_as_output(source, destination)
        report = _load(_read_input(source), _Kind.TEXT, source=label, encoding=encoding)
        _emit(_dump(report, target), destination, force=force)
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
@_jobs_option
@_quiet_option
def convert(
    *,
    inputs: tuple[str, ...],
    output: str,
    to: str | None,
    force: bool,
    jobs: int | None,
    quiet: bool,
) -> None:
    """Convert reports between JSON and XML (JSON Lines and XML collections for corpora).

    With one input file, OUT is a file (or - for stdout). With several inputs, a directory or a
    glob, OUT is a directory that mirrors the input tree; existing outputs are skipped unless
    --force, so an interrupted batch resumes where it stopped.
    """
    target = _Kind(to) if to else None
    if _batch_requested(inputs, output):
        directory = _output_directory(output)
        found, missing = _expand(inputs, _REPORT_SUFFIXES)
        destinations = []
        for item in found:
            kind = _Kind.JSON if item.path.lower().endswith(".json") else _Kind.XML
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
    _convert_one(inputs[0], output, target, force=force)


def _convert_one(source: str, output: str, target: _Kind | None, *, force: bool) -> None:
    label = "<stdin>" if source == "-" else source
    try:
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
            reports = (
                _corpus.iter_reports(source)
                if stream is None
                else _corpus.iter_reports_from_stream(stream, _corpus_format(kind), source=label)
            )
            if output == "-":
                _corpus.write_reports_to(reports, sys.stdout.buffer, _corpus_format(out_kind))
            else:
                _corpus.write_reports(reports, output, format=_corpus_format(out_kind), force=force)
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


def _corpus_format(kind: _Kind) -> _corpus.CorpusFormat:
    return "jsonl" if kind is _Kind.JSONL else "collection"


def _output_kind(output: str, target: _Kind | None, kind: _Kind) -> _Kind:
    suffix = Path(output).suffix.lower() if output != "-" else ""
    if kind.is_corpus:
        if target is _Kind.JSON or (target is None and suffix == ".json"):
            raise click.UsageError("a corpus converts to JSON Lines (.jsonl), not one JSON file")
        if target is _Kind.XML or suffix == ".xml":
            return _Kind.COLLECTION
        if suffix == ".jsonl":
            return _Kind.JSONL
        return _other(kind)
    if suffix == ".jsonl" and target is None:
        return _Kind.JSONL
    if target is not None:
        return target
    if suffix in (".json", ".xml"):
        return _Kind.JSON if suffix == ".json" else _Kind.XML
    if output == "-":
        return _other(kind)
    raise click.UsageError(f"{output}: cannot tell the output format; use --to json|xml")


# --------------------------------------------------------------------------------------------
# validate


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
    tasks = [_Task(item.path) for item in found]
    as_json = output_format == "json"

    def report(outcome: _Outcome, source: str) -> None:
        if as_json:
            record = {"file": source, "valid": outcome.status is _Status.DONE}
            record["problems"] = list(outcome.records)
            click.echo(json.dumps(record, ensure_ascii=False))
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
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(f"{arg}: {message}", err=True)
    _run_batch(
        _Job("validate"),
        tasks,
        jobs=jobs or (_default_jobs() if len(tasks) > _CHUNK else 1),
        verb="valid",
        failed_word="invalid",
        quiet=quiet,
        pre_failed=len(missing),
        on_outcome=on_outcome,
    )


# --------------------------------------------------------------------------------------------
# show

_DIGITS = "零一二三四五六七八九"


def _chinese_numeral(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; plain digits beyond."""
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def _section_marker(number: int, depth: int, *, printed: bool) -> str:
    """The heading marker of a section at ``depth`` (1-based), as GB/T 9704 prints it.

    ``printed`` gives the full marker (一、 （一） 1. （1）); otherwise the compact form used in
    section paths (一 （一） 1 （1）).
    """
    if depth == 1:
        return _chinese_numeral(number) + ("、" if printed else "")
    if depth == 2:
        return f"（{_chinese_numeral(number)}）"
    if depth == 3:
        return f"{number}." if printed else str(number)
    return f"（{number}）"


def _measure_marker(number: int) -> str:
    return f"{_chinese_numeral(number)}是"


@attrs.frozen
class _Node:
    """One line of the rendered tree and the lines under it."""

    label: str
    children: tuple[_Node, ...] = ()


def _render_tree(nodes: Sequence[_Node], prefix: str = "") -> Iterator[str]:
    for index, node in enumerate(nodes):
        last = index == len(nodes) - 1
        yield f"{prefix}{'└── ' if last else '├── '}{node.label}"
        yield from _render_tree(node.children, prefix + ("    " if last else "│   "))


def _plain(value: Decimal) -> str:
    # Never scientific notation (Decimal('1.5E+7')) in output meant for people and spreadsheets.
    return format(value, "f")


def _metric_node(metric: Metric) -> _Node:
    detail = f"{_plain(metric.value)} {metric.unit}"
    if metric.base_unit != metric.unit:
        detail += f" = {_plain(metric.base_value)} {metric.base_unit}"
    if metric.qualifier.value != "exact":
        detail += f", {metric.qualifier.value}"
    if metric.name:
        detail += f", {metric.name}"
    return _Node(f"{click.style(metric.text, fg='yellow', bold=True)}  ({detail})")


def _citation_nodes(citations: Iterable[Any]) -> list[_Node]:
    return [_Node(click.style(f"cites {citation}", fg="cyan")) for citation in citations]


def _power_nodes(powers: Iterable[Any]) -> list[_Node]:
    nodes = []
    for power in powers:
        parts = [f"{power.grantor or '?'} → {power.grantee or '?'}", power.mode.value]
        if power.name:
            parts.append(power.name)
        parts.append(f"{power.count} (remaining {power.remaining})")
        children = [
            _Node(
                f"{change.kind.value} {change.count}"
                + (f" → {change.recipient}" if change.recipient else "")
            )
            for change in power.changes
        ]
        if power.basis is not None:
            children.insert(0, _Node(click.style(f"basis {power.basis}", fg="cyan")))
        nodes.append(
            _Node(click.style("powers ", fg="magenta") + ", ".join(parts), tuple(children))
        )
    return nodes


def _paragraph_nodes(paragraphs: Sequence[str], *, full: bool, name: str = "text") -> list[_Node]:
    if not paragraphs:
        return []
    if full:
        return [_Node(click.style(p, dim=True)) for p in paragraphs]
    count = len(paragraphs)
    return [_Node(click.style(f"{name}: {count} paragraph{'s' if count != 1 else ''}", dim=True))]


def _measure_node(measure: Measure, *, full: bool) -> _Node:
    children = [_metric_node(m) for m in measure.metrics]
    children += _citation_nodes(measure.citations)
    children += [_measure_node(sub, full=full) for sub in measure.submeasures]
    if full:
        children.insert(0, _Node(click.style(measure.text, dim=True)))
    label = f"{click.style(_measure_marker(measure.number), bold=True)} {measure.title}"
    return _Node(label, tuple(children))


def _section_node(section: Section, depth: int, *, full: bool) -> _Node:
    children = _paragraph_nodes(section.paragraphs, full=full)
    children += [_metric_node(m) for m in section.metrics]
    children += _citation_nodes(section.citations)
    children += _power_nodes(section.delegated_powers)
    children += [_measure_node(m, full=full) for m in section.measures]
    children += [_section_node(s, depth + 1, full=full) for s in section.subsections]
    label = click.style(
        _section_marker(section.number, depth, printed=True) + section.title, bold=True
    )
    if depth == 1:
        label += click.style(f"  [{section.kind.value}]", fg="green")
    return _Node(label, tuple(children))


def _show_lines(report: Report, *, full: bool) -> Iterator[str]:
    yield click.style(report.title, bold=True, underline=True)
    facts = [f"issuer {report.issuer}", f"year {report.year}"]
    if report.published is not None:
        facts.append(f"published {report.published.isoformat()}")
    if report.source:
        facts.append(f"source {report.source}")
    if report.views is not None:
        facts.append(f"views {report.views}")
    yield " · ".join(facts)
    if report.url:
        yield f"url {report.url}"
    if report.disclosure is not None:
        fields = attrs.asdict(report.disclosure, recurse=False)
        shown = [f"{k} {v}" for k, v in fields.items() if v is not None]
        if shown:
            yield "disclosure " + " · ".join(shown)
    nodes = _paragraph_nodes(report.preamble, full=full, name="preamble")
    nodes += [_metric_node(m) for m in report.metrics]
    nodes += _citation_nodes(report.citations)
    nodes += _power_nodes(report.delegated_powers)
    nodes += [_section_node(s, 1, full=full) for s in report.sections]
    nodes += _paragraph_nodes(report.closing, full=full, name="closing")
    nodes += [_Node(click.style(f"note: {note}", dim=True)) for note in report.notes]
    yield from _render_tree(nodes)
    total = sum(1 for _ in report.iter_metrics())
    measures = sum(1 for _ in report.iter_measures())
    citations = sum(1 for _ in report.iter_citations())
    sections = sum(1 for _ in report.iter_sections())
    yield click.style(
        f"{sections} sections, {measures} measures, {total} metrics, {citations} citations",
        dim=True,
    )


@cli.command(
    epilog="""\b
Examples:
  lawgov show report.json
  lawgov show report.xml --full | less -R
  lawgov show scraped.txt            # parses the text first
"""
)
@click.argument("source", metavar="FILE")
@click.option("--full", is_flag=True, help="Show paragraph and measure texts too.")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colours (default: only when stdout is a terminal).",
)
@_encoding_option
def show(*, source: str, full: bool, color: bool | None, encoding: str | None) -> None:
    """Show a report as a readable tree: sections, measures, metrics highlighted, citations.

    FILE is a JSON or XML report, or raw text (.txt), which is parsed first; - reads stdin.
    """
    label = "<stdin>" if source == "-" else source
    try:
        data = _read_input(source)
        kind = _kind_of(source, data)
        if kind.is_corpus:
            raise click.UsageError(f"{label}: a corpus; show one report (lawgov show REPORT)")
        report = _load(data, kind, source=label, encoding=encoding)
    except (LawgovError, OSError) as error:
        _fail(_error_lines(label, error))
    for line in _show_lines(report, full=full):
        click.echo(line, color=color)


# --------------------------------------------------------------------------------------------
# metrics

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
    here = f"{path}/{_measure_marker(measure.number)}" if path else _measure_marker(measure.number)
    for metric in measure.metrics:
        yield here, metric
    for sub in measure.submeasures:
        yield from _measure_metrics(sub, here)


def _section_metrics(section: Section, path: str, depth: int) -> Iterator[tuple[str, Metric]]:
    marker = _section_marker(section.number, depth, printed=False)
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
    help="Output format (default: from the output's suffix, else CSV).",
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
    encoding: str | None,
    force: bool,
    jobs: int | None,
    quiet: bool,
) -> None:
    """One row per metric across reports and corpora, for analysts.

    Reads JSON, XML, JSON Lines and XML collections, and raw text (.txt, parsed first). Columns:
    report, title, issuer, year, section (e.g. 二/（一）/三是), name, value, unit, base_value,
    base_unit (1500 万元 → 15000000 元), qualifier, text (the source wording).
    """
    suffix = Path(output).suffix.lower() if output != "-" else ""
    fmt = output_format or ("jsonl" if suffix in (".jsonl", ".json") else "csv")
    found, missing = _expand(inputs, _REPORT_SUFFIXES | _CORPUS_SUFFIXES | _TEXT_SUFFIXES)
    if output != "-":
        _refuse_inputs_as_output(found, output)
    failed = _report_missing(missing)
    rows = reports = 0

    def write(handle: IO[str]) -> None:
        nonlocal failed, rows, reports
        writer = csv.DictWriter(handle, _METRIC_COLUMNS, lineterminator="\n")
        if fmt == "csv":
            writer.writeheader()

        def emit(row: dict[str, str]) -> None:
            nonlocal rows
            rows += 1
            if fmt == "csv":
                writer.writerow(row)
            else:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")

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
            stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
            try:
                write(stdout)
            finally:
                stdout.flush()
                stdout.detach()
        else:
            with atomic_open(output, "w", force=force) as handle:
                write(handle)
    except (LawgovError, OSError) as error:
        _fail(_error_lines(output, error))
    if not quiet:
        click.echo(f"metrics {rows} from {reports} reports, failed {failed}", err=True)
    sys.exit(1 if failed else 0)


def _refuse_inputs_as_output(found: Iterable[_Input], output: str) -> None:
    target = os.path.realpath(output)
    if any(os.path.realpath(item.path) == target for item in found):
        raise click.UsageError("the output is one of the inputs; lawgov never modifies its inputs")


# --------------------------------------------------------------------------------------------
# schema


@cli.command(
    epilog="""\b
Examples:
  lawgov schema json > lawgov.schema.json
  lawgov schema xsd -o lawgov.xsd
"""
)
@click.argument("which", type=click.Choice(["json", "xsd"]))
@click.option("-o", "--output", default="-", metavar="OUT", help="Output file, or - for stdout.")
@_force_option
def schema(*, which: str, output: str, force: bool) -> None:
    """Print the shipped JSON Schema (2020-12) or XML Schema (XSD) of the report formats."""
    document: Any = lawgov.json_schema() if which == "json" else lawgov.xml_schema()
    if isinstance(document, dict):
        data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        data = _as_bytes(document)
    try:
        _emit(data, output, force=force)
    except (LawgovError, OSError) as error:
        _fail(_error_lines(output, error))


# --------------------------------------------------------------------------------------------
# Commands in their own modules: importing one registers it on the group (it uses the helpers
# above, so it comes after them).

import lawgov._cli_assess  # noqa: E402
import lawgov._cli_table  # noqa: E402

# --------------------------------------------------------------------------------------------
# Entry point


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Run the ``lawgov`` command line (the console script and ``python -m lawgov``).

    Args:
        argv: The arguments, without the program name (default: ``sys.argv[1:]``).
    """
    try:
        status = cli.main(args=argv, prog_name="lawgov", standalone_mode=False)
    except click.exceptions.Abort:
        # Ctrl-C outside a batch: whatever was being written was discarded by atomic_open.
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except BrokenPipeError:
        # `lawgov show big.json | head`: the reader left; stop quietly like other tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    sys.exit(status if isinstance(status, int) else 0)
