"""Real reports bundled with lawgov, so that a validated report is always at hand.

Each sample is a published report kept twice: the raw text as it was scraped (traditional script,
pinyin annotations, stray commas and all: the input a parser meets) and its reviewed lawgov JSON
document (the [`Report`][lawgov.Report] a careful reader writes down from that text)::

    >>> import lawgov.samples
    >>> lawgov.samples.names()
    ('jianghai-kjj-2020',)
    >>> report = lawgov.samples.load("jianghai-kjj-2020")
    >>> report.title
    '区科技局2020年法治政府建设年度报告'
    >>> next(report.iter_delegated_powers()).remaining
    20

The samples are ordinary package data, read with `importlib.resources`.
"""

from __future__ import annotations

import functools
import sys
from importlib import resources
from pathlib import Path
from typing import Literal

import lawgov
from lawgov._errors import SampleNotFoundError
from lawgov._model import Report

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # importlib.abc.Traversable is deprecated from 3.12 on
    from importlib.abc import Traversable

__all__ = ["SampleNotFoundError", "load", "names", "path", "text"]

#: The kinds of file kept for each sample: the reviewed JSON document and the raw text.
Kind = Literal["json", "txt"]
_KINDS: tuple[str, ...] = ("json", "txt")


def names() -> tuple[str, ...]:
    """The names of the bundled samples, sorted.

    Returns:
        Every name [`load`][lawgov.samples.load], [`text`][lawgov.samples.text] and
        [`path`][lawgov.samples.path] accept, e.g. ``jianghai-kjj-2020``.
    """
    return _names()


@functools.cache
def _names() -> tuple[str, ...]:
    # A sample is a reviewed JSON document; the listing is read from the package data so that
    # adding a sample is adding its two files.
    return tuple(
        sorted(
            entry.name.removesuffix(".json")
            for entry in resources.files(__name__).iterdir()
            if entry.name.endswith(".json") and entry.is_file()
        )
    )


def path(name: str, kind: Kind = "json") -> Path:
    """Where a sample's file lies on disk.

    Args:
        name: A sample name from [`names`][lawgov.samples.names].
        kind: ``"json"`` for the reviewed lawgov JSON document, ``"txt"`` for the raw text.

    Returns:
        The file's path, e.g. for [`lawgov.read`][lawgov.read] or to copy it elsewhere.

    Raises:
        SampleNotFoundError: ``name`` is not a bundled sample, ``kind`` is not a kind of
            sample file, or the package data is not on the file system (a zipped install;
            [`load`][lawgov.samples.load] and [`text`][lawgov.samples.text] still work there).
    """
    resource = _resource(name, kind)
    if not isinstance(resource, Path):
        raise SampleNotFoundError(
            f"sample {name!r} is packed inside an archive, not on the file system; "
            "use lawgov.samples.load() or lawgov.samples.text() to read it"
        )
    return resource


def load(name: str) -> Report:
    """Load a sample's reviewed report.

    Args:
        name: A sample name from [`names`][lawgov.samples.names].

    Returns:
        The validated report. Reports are immutable, so every call returns the same object.

    Raises:
        SampleNotFoundError: ``name`` is not a bundled sample.
    """
    _check_name(name)
    return _load(name)


@functools.cache
def _load(name: str) -> Report:
    # Looked up at call time: lawgov/__init__ imports this module before it is fully initialised.
    return lawgov.from_json(_resource(name, "json").read_bytes())


def text(name: str) -> str:
    """The raw published text of a sample, exactly as it was scraped.

    This is the input a text parser meets: traditional script with pinyin annotations, ASCII
    punctuation, stray commas and damaged runs, left untouched.

    Args:
        name: A sample name from [`names`][lawgov.samples.names].

    Returns:
        The text, decoded from UTF-8.

    Raises:
        SampleNotFoundError: ``name`` is not a bundled sample.
    """
    return _resource(name, "txt").read_text(encoding="utf-8")


def _check_name(name: object) -> None:
    if not isinstance(name, str) or name not in _names():
        available = ", ".join(_names()) or "none"
        raise SampleNotFoundError(f"no sample named {name!r}; available: {available}")


def _resource(name: str, kind: str) -> Traversable:
    _check_name(name)
    if kind not in _KINDS:
        raise SampleNotFoundError(
            f"no sample file of kind {kind!r}; kinds: {', '.join(repr(k) for k in _KINDS)}"
        )
    return resources.files(__name__) / f"{name}.{kind}"
