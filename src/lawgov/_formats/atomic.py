"""Atomic file output: a file appears complete under its name, or not at all.

Everything lawgov writes to disk (the CLI's outputs, [`lawgov.write`][lawgov.write], corpus writers)
goes through `atomic_open`: the data is written to a temporary file in the destination's own
directory, flushed (and by default synced to disk), and only then renamed into place. A failure
or an interrupt (Ctrl-C, SIGTERM turned into an exception) at any point removes the temporary
file, so a reader never sees a half-written output and an existing file is never left truncated.

Without ``force`` an existing destination is refused, and the final step is a hard link rather than
a rename, so a file that appears between the check and the commit is not clobbered either.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Final, Literal, cast, overload

from lawgov._errors import OutputExistsError

__all__ = ["OutputExistsError", "atomic_open", "atomic_write", "remove_stale_temporaries"]

StrPath = str | os.PathLike[str]


# --- speed (issue 12): the temporary file without tempfile.mkstemp ---
_TEMP_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
)


def _create_temp(path: Path, directory: Path, file_mode: int | None) -> tuple[int, Path]:
    """A new temporary file beside ``path`` (created exclusively), open for writing.

    A new output is created with mode 0o666 less the umask, as ``open()`` creates files, so it
    needs no ``chmod`` (nor reading the umask); one that replaces a file starts private (0o600)
    and gets the old file's mode before the commit. ``tempfile.mkstemp`` would cost as much as
    the write itself.
    """
    for _ in range(100):
        temp = directory / f"{_temp_prefix(path)}{os.urandom(6).hex()}{_TEMP_SUFFIX}"
        try:
            fd = os.open(temp, _TEMP_FLAGS, 0o666 if file_mode is None else 0o600)
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
        return fd, temp
    raise FileExistsError(f"no free temporary name beside {path}")  # pragma: no cover


# --- end speed ---


def _sync_directory(directory: Path) -> None:
    # Makes the rename itself durable; some platforms and filesystems cannot open directories.
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _commit(temp: Path, target: Path, *, force: bool) -> None:
    if force:
        os.replace(temp, target)
        return
    try:
        # link() fails if the target exists: no window in which another writer's file is replaced.
        os.link(temp, target)
    except FileExistsError:
        raise OutputExistsError(
            "output exists (use --force / force=True to overwrite)", source=str(target)
        ) from None
    except OSError:
        # Filesystems without hard links (some network and FAT mounts): check, then rename.
        if target.exists():
            raise OutputExistsError(
                "output exists (use --force / force=True to overwrite)", source=str(target)
            ) from None
        os.replace(temp, target)
        return
    temp.unlink()


@overload
def atomic_open(
    path: StrPath,
    mode: Literal["wb"] = "wb",
    *,
    force: bool = False,
    encoding: None = None,
    durable: bool = True,
) -> contextlib.AbstractContextManager[IO[bytes]]: ...
@overload
def atomic_open(
    path: StrPath,
    mode: Literal["w"],
    *,
    force: bool = False,
    encoding: str = "utf-8",
    durable: bool = True,
    errors: str = "strict",
) -> contextlib.AbstractContextManager[IO[str]]: ...
def atomic_open(
    path: StrPath,
    mode: Literal["w", "wb"] = "wb",
    *,
    force: bool = False,
    encoding: str | None = None,
    durable: bool = True,
    errors: str = "strict",
) -> contextlib.AbstractContextManager[IO[bytes]] | contextlib.AbstractContextManager[IO[str]]:
    """Open ``path`` for writing so that it only ever appears complete.

    Use it as a context manager; the file is committed when the block ends normally and discarded
    when it raises (any exception, ``KeyboardInterrupt`` included)::

        with atomic_open("out/report.xml", force=False) as f:
            f.write(data)

    Args:
        path: The destination. Its directory must exist.
        mode: ``"wb"`` for bytes or ``"w"`` for text.
        force: Replace an existing destination instead of refusing.
        encoding: The text encoding for ``"w"`` (default UTF-8); must be None for ``"wb"``.
        durable: Sync the file and its directory to disk before returning, so the output also
            survives a power cut. Atomicity does not depend on it; batch writers that sync once at
            the end (`os.sync`) pass False, as a sync per file costs milliseconds.
        errors: The encoding error handler for ``"w"`` (``"surrogateescape"`` writes file names
            that are not UTF-8 back as their own bytes).

    Returns:
        A context manager yielding the open temporary file.

    Raises:
        OutputExistsError: ``path`` exists and ``force`` is false (checked before anything is
            written, and again at the commit).
        OSError: The directory is missing or not writable.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"mode must be 'w' or 'wb', not {mode!r}")
    # The overloads give callers IO[bytes] for "wb" and IO[str] for "w".
    return cast(
        "contextlib.AbstractContextManager[IO[bytes]]",
        _atomic(Path(path), mode, force=force, encoding=encoding, durable=durable, errors=errors),
    )


@contextlib.contextmanager
def _atomic(
    path: Path, mode: str, *, force: bool, encoding: str | None, durable: bool, errors: str
) -> Iterator[Any]:
    # --- speed (issue 12): one stat, and one open that gives a new file its final mode ---
    try:
        file_mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        file_mode = None  # a new file: the mode open() would give it
    if not force and file_mode is not None:
        raise OutputExistsError(
            "output exists (use --force / force=True to overwrite)", source=str(path)
        )
    directory = path.parent if str(path.parent) else Path()
    try:
        fd, temp = _create_temp(path, directory, file_mode)
    except OSError as error:
        error.filename = str(path)  # the output at fault, not its hidden temporary file
        raise
    name = str(temp)
    # --- end speed ---
    try:
        handle: Any
        if mode == "w":
            handle = open(  # noqa: SIM115 - closed below, before the commit
                fd, "w", encoding=encoding or "utf-8", errors=errors, newline=""
            )
        else:
            handle = open(fd, "wb")  # noqa: SIM115 - closed below, before the commit
        with handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if file_mode is not None:  # keep the replaced file's mode
            os.chmod(temp, file_mode)
        _commit(temp, path, force=force)
    except BaseException as error:
        # Also on KeyboardInterrupt: the temporary file is the only trace, so remove it.
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        if isinstance(error, OSError) and error.filename in (None, name):
            error.filename = str(path)  # a full disk names the output, not the temporary
        raise
    if durable:
        _sync_directory(directory)


# Temporary files are named .<output>.lawgov-<pid>-<random>.part: recognisably lawgov's, and
# with the process that made them, so that a later run removes those of a process that is gone
# (killed outright) and never those of one still writing.
_TEMP_SUFFIX: Final = ".part"
_TEMP_NAME: Final = re.compile(r"\..+\.lawgov-(\d+)-[^.]+\.part")


def _temp_prefix(path: Path) -> str:
    return f".{path.name}.lawgov-{os.getpid()}-"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or a number that is no process id: leave it
    return True


def remove_stale_temporaries(directory: StrPath) -> list[Path]:
    """Remove the temporary files lawgov left in ``directory`` when its process was killed.

    Only files named as `atomic_open` names them, and only those whose process no longer
    runs: another lawgov writing there keeps its own. Returns the files removed.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.fullmatch(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        if _alive(int(match[1])):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


def atomic_write(
    path: StrPath, data: bytes | str, *, force: bool = False, durable: bool = True
) -> None:
    """Write ``data`` to ``path`` atomically (text is encoded as UTF-8).

    Args:
        path: The destination. Its directory must exist.
        data: The complete content.
        force: Replace an existing destination instead of refusing.
        durable: Sync to disk before returning (see `atomic_open`).

    Raises:
        OutputExistsError: ``path`` exists and ``force`` is false.
        OSError: The directory is missing or not writable.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_open(path, "wb", force=force, durable=durable) as handle:
        handle.write(payload)
