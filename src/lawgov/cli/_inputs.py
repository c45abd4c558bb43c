"""Input expansion: files, directories and globs to the list of inputs a command reads."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs

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
    # Links to directories are not followed (os.walk's default), and links to files outside the
    # tree are left out the same way: a walk reads what lies in the tree it was given.
    inside = os.path.join(os.path.realpath(directory), "")
    for current, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in suffixes:
                path = os.path.join(current, name)
                if os.path.islink(path) and not os.path.realpath(path).startswith(inside):
                    continue
                yield path


def _outside_output(found: Sequence[_Input], output: str | os.PathLike[str]) -> list[_Input]:
    """The inputs not below ``output`` when ``output`` lies inside the tree they came from.

    Otherwise each rerun would convert the last run's outputs, one level deeper each time.
    """
    out = os.path.realpath(output)
    below = os.path.join(out, "")
    kept = []
    for item in found:
        root = os.path.realpath(item.root)
        inner = out != root and out.startswith(os.path.join(root, ""))
        if inner and os.path.realpath(item.path).startswith(below):
            continue
        kept.append(item)
    return kept


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
        elif os.path.exists(arg):  # a file, or a FIFO or device that the task then refuses
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
