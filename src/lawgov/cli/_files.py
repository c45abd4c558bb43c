"""File kinds, reading inputs, writing outputs and error messages for the command line."""

from __future__ import annotations

import codecs
import enum
import io
import os
import sys
from pathlib import Path
from typing import IO, Any, TypeVar

import click

import lawgov
from lawgov import (
    MAX_INPUT_BYTES,
    LawgovError,
    OutputExistsError,
    Report,
    ValidationError,
    to_json_bytes,
)
from lawgov._formats import corpus as _corpus
from lawgov._formats.atomic import atomic_open, remove_stale_temporaries
from lawgov._formats.regular import open_regular
from lawgov._formats.suffixes import CORPUS_FORMATS, REPORT_FORMATS, suffix_of
from lawgov._parse import file as _files
from lawgov._parse.html_decode import looks_like_page

_T = TypeVar("_T")

#: Exit status when the run was interrupted (SIGINT/SIGTERM), as shells report 128 + SIGINT.
EXIT_INTERRUPTED = 130

_REPORT_SUFFIXES = frozenset(REPORT_FORMATS)
_TEXT_SUFFIXES = frozenset({".txt"})
# --- report files (issue 14): PDF, Word, HTML, and the formats refused with advice ---
_PARSE_SUFFIXES = _TEXT_SUFFIXES | _files.FILE_SUFFIXES
# --- end report files
# Corpus-only suffixes (an .xml file is a report or a collection, told by its root element).
_CORPUS_SUFFIXES = frozenset(CORPUS_FORMATS) - _REPORT_SUFFIXES

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


def _text_codec(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """The ``--encoding`` option's check: a codec that decodes bytes to text, or a usage error.

    ``rot13``, ``base64``, ``hex`` and ``zlib`` are codecs too, but not text encodings (their
    ``_is_text_encoding`` is false), and ``undefined`` refuses everything.
    """
    if value is None:
        return None
    try:
        info = codecs.lookup(value)
    except LookupError:
        raise click.BadParameter(
            f"unknown encoding {value!r} (e.g. utf-8, gb18030, utf-16)"
        ) from None
    if not getattr(info, "_is_text_encoding", True):
        raise click.BadParameter(
            f"{value!r} is not a text encoding (use one such as utf-8, gb18030, big5)"
        )
    try:
        # Not final: a multi-byte codec keeps the byte for later, and only "undefined" refuses.
        codecs.getincrementaldecoder(value)().decode(b"a", final=False)
    except (UnicodeError, LookupError):
        raise click.BadParameter(f"{value!r} decodes nothing (use one such as utf-8)") from None
    return value


# --------------------------------------------------------------------------------------------
# Reading and writing single reports


def _kind_of(path: str, data: bytes | None = None) -> _Kind:
    """The kind of a file, by suffix; content decides for ``-`` and unknown suffixes."""
    suffix = suffix_of(path)
    if CORPUS_FORMATS.get(suffix) == "jsonl":
        return _Kind.JSONL
    if suffix in _PARSE_SUFFIXES:  # report files are read as text
        return _Kind.TEXT
    if REPORT_FORMATS.get(suffix) == "json":
        return _Kind.JSON
    if REPORT_FORMATS.get(suffix) == "xml":
        if data is not None:
            return _Kind.COLLECTION if _corpus.is_collection(data) else _Kind.XML
        return _Kind.COLLECTION if _corpus.is_collection_file(path) else _Kind.XML
    if data is not None and looks_like_page(data):  # a published page on stdin
        return _Kind.TEXT
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
        # Text, PDF, Word or HTML, told apart by content, then by the suffix (issue 14).
        suffix = "" if source == "<stdin>" else Path(source).suffix
        return lawgov.parse_bytes(data, source=source, suffix=suffix, encoding=encoding)
    raise click.UsageError(f"{source}: a corpus ({kind.value}) holds many reports, not one")


def _dump(report: Report, kind: _Kind) -> bytes:
    """The bytes of one report in JSON or XML."""
    if kind is _Kind.JSON:
        return to_json_bytes(report)  # encoded once, not text then bytes
    return _as_bytes(lawgov.to_xml(report))


def _as_bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _read_input(path: str, *, head: bytes = b"") -> bytes:
    """The bytes of one input file (``-`` for stdin), refusing inputs beyond the size limit.

    Reading stops one byte past `MAX_INPUT_BYTES`, so a huge or endless
    input costs no more memory than the largest document lawgov would accept. ``head`` is what
    was already read from stdin.
    """
    limit = MAX_INPUT_BYTES
    if path == "-":
        data = head + sys.stdin.buffer.read(max(0, limit + 1 - len(head)))
    else:
        with open_regular(path) as handle:  # a FIFO or device is refused, never waited on
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
    remove_stale_temporaries(Path(output).parent)
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
        return [f"{_users_path(str(error.filename))}: {_message(error)}"]
    return [f"{label}: {_message(error)}"]


def _users_path(path: str) -> str:
    """The output the user named, for one of atomic_open's hidden temporary ``.part`` files."""
    directory, base = os.path.split(path)
    if base.startswith(".") and base.endswith(".part") and base.count(".") >= 3:
        return os.path.join(directory, base[1:].removesuffix(".part").rsplit(".", 1)[0])
    return path
