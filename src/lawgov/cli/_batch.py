"""The batch engine: tasks run in worker processes, with progress, interrupts and a tally."""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, NoReturn

import attrs
import click

from lawgov._formats.atomic import remove_stale_temporaries
from lawgov.cli._files import _CHUNK, _T, EXIT_INTERRUPTED
from lawgov.cli._inputs import _Input
from lawgov.cli._tasks import _Job, _Outcome, _run_chunk, _run_task, _Status, _Task

# --------------------------------------------------------------------------------------------
# Batches: one job per file, run in-process or on a process pool


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
        if len(received) > 1:
            raise KeyboardInterrupt  # a second signal interrupts the file in progress too

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


@contextlib.contextmanager
def _second_signal_stops(executor: ProcessPoolExecutor) -> Iterator[None]:
    """While waiting for the workers after an interrupt, a further SIGINT or SIGTERM kills them."""

    def handler(signum: int, frame: object) -> None:
        # The pool keeps its processes in a private mapping; without it there is nothing to stop.
        for process in list(getattr(executor, "_processes", {}).values()):
            with contextlib.suppress(OSError, AttributeError):
                process.kill()

    try:
        previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
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
            # complete outputs remain; what they did still counts in the summary. A second
            # signal stops the workers at once (one may be stuck on a slow file).
            with _second_signal_stops(executor):
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
    pre_done: int = 0,
    failed_word: str = "failed",
    on_outcome: Callable[[_Outcome], None] | None = None,
) -> NoReturn:
    """Run a batch, print errors and the summary, and exit with the batch's status."""
    tasks = _with_clashes(tasks)
    for directory in sorted({os.path.dirname(t.destination) for t in tasks if t.destination}):
        remove_stale_temporaries(directory or ".")
    tally = _Tally(done=pre_done, failed=pre_failed)
    show_bar = not quiet and sys.stderr.isatty() and len(tasks) > 1
    bar: Any = (
        click.progressbar(
            length=len(tasks),
            label=verb.capitalize(),
            file=sys.stderr,
            show_pos=True,  # done / total
            show_percent=True,
            item_show_func=lambda _: f"failed {tally.failed}" if tally.failed else None,
        )
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


def _with_clashes(tasks: Sequence[_Task]) -> list[_Task]:
    """The tasks, each whose destination another task also has marked with that other input.

    ``x.json`` and ``x.xml`` converted ``--to xml``, or ``y.txt`` and ``y.TXT`` parsed, map to
    one output: writing both would keep one silently (or report it skipped), so both fail.
    """
    by_destination: dict[str, list[int]] = collections.defaultdict(list)
    for index, task in enumerate(tasks):
        if task.destination is not None:
            key = os.path.normcase(os.path.abspath(task.destination))
            by_destination[key].append(index)
    marked = list(tasks)
    for indices in by_destination.values():
        if len(indices) > 1:
            for index in indices:
                other = next(tasks[i].source for i in indices if i != index)
                marked[index] = attrs.evolve(tasks[index], shared=other)
    return marked


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
