"""Corpora: many reports in one file, read and written as streams.

Two corpus formats:

- **JSON Lines** (``.jsonl``): one lawgov JSON report document per line, compact, UTF-8. Blank
  lines are ignored.
- **XML collection** (``.xml``): a ``<collection>`` root in the lawgov XML namespace
  (``urn:lawgov:report:1``) whose children are ``<report>`` elements exactly as a single-report
  XML document ([`lawgov.to_xml`][lawgov.to_xml]) has them.

Reading never holds more than one report: JSON Lines are read line by line, and the XML
collection with `lxml.etree.iterparse`, clearing each report element once it is built (and
with entities, DTDs and the network refused, as for single documents). Writing streams too, through
`atomic_open`, so a corpus file appears complete or not at all.
"""

from __future__ import annotations

import io
import json
import os
import typing
from collections.abc import Iterable, Iterator
from typing import IO, Any, Literal, overload

from lxml import etree

from lawgov._errors import FormatError, LawgovError
from lawgov._formats import convert as _convert
from lawgov._formats import json as _json
from lawgov._formats import xml as _xml
from lawgov._formats.atomic import atomic_open
from lawgov._formats.bounds import refuse_oversized
from lawgov._formats.regular import open_regular
from lawgov._formats.suffixes import CORPUS_FORMATS, CorpusFormat, suffix_of
from lawgov._model import Report

__all__ = [
    "COLLECTION_TAG",
    "CorpusFormat",
    "OnError",
    "is_collection",
    "is_collection_file",
    "iter_entries",
    "iter_reports",
    "iter_reports_from_stream",
    "write_reports",
    "write_reports_to",
]


#: The root element of an XML collection, in the namespace of lawgov's XML format.
COLLECTION_TAG = f"{{{_xml.NAMESPACE}}}collection"
_REPORT_TAG = f"{{{_xml.NAMESPACE}}}report"
_COLLECTION_START = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="'
    + _xml.NAMESPACE.encode("ascii")
    + b'">\n'
)
_COLLECTION_END = b"</collection>\n"


def _corpus_format(path: str | os.PathLike[str]) -> CorpusFormat:
    format = CORPUS_FORMATS.get(suffix_of(path))
    if format is not None:
        return format
    raise FormatError(
        "not a corpus file: expected .jsonl (JSON Lines) or .xml (an XML collection)",
        source=str(path),
    )


def _root_tag(source: IO[bytes]) -> str | None:
    try:
        for _, element in etree.iterparse(
            source,
            events=("start",),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        ):
            return str(element.tag)
    except etree.LxmlError:
        return None
    return None


def is_collection(data: bytes) -> bool:
    """Whether XML bytes are a collection document (by the root element alone)."""
    return _root_tag(io.BytesIO(data)) == COLLECTION_TAG


def is_collection_file(path: str | os.PathLike[str]) -> bool:
    """Whether an XML file is a collection document (reads only up to its root element)."""
    try:
        with open_regular(path) as handle:
            return _root_tag(handle) == COLLECTION_TAG
    except (OSError, FormatError):
        return False


# --- reading -----------------------------------------------------------------------------------


Entry = tuple[int, Report | LawgovError]


def _bounded_lines(handle: IO[bytes]) -> Iterator[bytes | None]:
    """The lines of a file, None for a line beyond the size limit (skipped, never held whole)."""
    limit = _json.MAX_INPUT_BYTES
    while line := handle.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        # An oversized record: read past it in bounded pieces, so memory stays flat.
        while (rest := handle.readline(limit)) and not rest.endswith(b"\n"):
            pass
        yield None


def _jsonl_entries(lines: Iterable[bytes | None], label: str) -> Iterator[Entry]:
    for number, line in enumerate(lines, start=1):
        if line is None:
            limit = _json.MAX_INPUT_BYTES
            yield number, FormatError(f"record exceeds {limit} bytes", source=f"{label}:{number}")
            continue
        if line.isspace():  # a blank line (isspace stops at the first other byte; strip copies)
            continue
        try:
            yield number, _json.from_json(line, source=f"{label}:{number}")
        except LawgovError as error:
            yield number, error


def _collection_entries(
    source: Any, label: str, *, shift: int = 0, fault: list[tuple[int, int]] | None = None
) -> Iterator[Entry]:
    # shift: added to every line number (a stream restarted mid-file); fault: where a markup
    # error stopped the parser, (line, column), for the caller to restart after it.
    context = etree.iterparse(
        source,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    root: Any = None
    depth = 0
    try:
        for event, element in context:
            if event == "start":
                depth += 1
                if root is None:
                    root = element
                    if element.tag != COLLECTION_TAG:
                        got = etree.QName(element).localname
                        raise FormatError(
                            f"expected a <collection> in {_xml.NAMESPACE}, got <{got}>",
                            source=label,
                        )
                    if element.getroottree().docinfo.doctype:
                        raise FormatError("DTDs are refused", source=label)
                continue
            depth -= 1
            if depth != 1:
                continue
            line = (element.sourceline or 0) + shift
            if element.tag != _REPORT_TAG:
                yield (
                    line,
                    FormatError(
                        f"expected a <report>, got <{etree.QName(element).localname}>",
                        source=f"{label}:{line}",
                    ),
                )
            else:
                # The element goes through from_xml whole, so a record gets exactly the checks
                # of a single document (XSD, strict values, every problem with its path).
                record = etree.tostring(element, encoding="UTF-8")
                try:
                    yield line, _xml.from_xml(record, source=f"{label}:{line}")
                except LawgovError as error:
                    yield line, error
            # Memory stays flat: drop the built report's elements and any already-seen siblings.
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del root[0]
    except etree.XMLSyntaxError as error:
        if fault is not None:
            fault.append(((error.lineno or 1) + shift, max(error.position[1], 1)))
        line = (error.lineno or 0) + shift
        yield line, FormatError(f"not well-formed XML: {error.msg}", source=f"{label}:{line}")


def iter_entries(path: str | os.PathLike[str]) -> Iterator[Entry]:
    """Each record of a corpus file with its line number: the report, or the error it raised.

    Unlike [`iter_reports`][lawgov.iter_reports] this goes on past invalid records (a syntax error
    in an XML collection still ends the stream, as nothing after it can be read).
    """
    label = str(path)
    corpus_format = _corpus_format(path)
    with open_regular(path) as handle:
        if corpus_format == "jsonl":
            yield from _jsonl_entries(_bounded_lines(handle), label)
        else:
            yield from _resyncing_entries(handle, label)


class _Restarted(io.RawIOBase):
    """A collection's opening tag, then the rest of a file from an offset (see below)."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        """Always: this stream is for reading."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill ``buffer`` from the head while it lasts, then from the file."""
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _offset_of(handle: IO[bytes], line: int, column: int) -> int:
    """The byte offset of ``line`` (1-based), ``column`` bytes in, counted in bounded reads."""
    handle.seek(0)
    offset, seen = 0, 1
    while seen < line:
        chunk = handle.read(1 << 20)
        if not chunk:
            return offset
        start = 0
        while seen < line:
            found = chunk.find(b"\n", start)
            if found < 0:
                break
            seen += 1
            start = found + 1
        offset += start if seen == line else len(chunk)
        if seen == line:
            break
    return offset + column


_NEXT_REPORT = b"<report"


def _resyncing_entries(file: IO[bytes], label: str) -> Iterator[Entry]:
    """The entries of a collection file, restarting after a markup fault at the next record.

    libxml2 cannot go on after a fault in the markup (such as a text node over its size limit),
    so the file is read again from the first ``<report`` after the fault, under a fresh
    ``<collection>`` tag: one bad record does not end the stream. Texts cannot hold ``<``
    (it is escaped), so that is the next record's start tag. Each restart begins further on.
    """
    stream: IO[bytes] = file
    shift, start = 0, 0
    while True:
        fault: list[tuple[int, int]] = []
        yield from _collection_entries(stream, label, shift=shift, fault=fault)
        if not fault:
            return
        line, column = fault[0]
        # Past the fault, and always past the last restart: each restart begins further on.
        after = max(_offset_of(file, line, column), start + 1)
        file.seek(after)
        found, position, tail = -1, after, b""
        while found < 0:
            chunk = file.read(1 << 20)
            if not chunk:
                return
            window = tail + chunk
            found = window.find(_NEXT_REPORT)
            if found < 0:
                tail = window[-len(_NEXT_REPORT) :]
                position += len(chunk)
        start = position - len(tail) + found
        # Line numbers of the restarted stream: the file's line of ``start``, less the two
        # lines of the collection's opening tag put before it.
        file.seek(0)
        shift = _count_lines(file, start) - 2
        file.seek(start)
        stream = io.BufferedReader(_Restarted(_COLLECTION_START, file))


def _count_lines(handle: IO[bytes], end: int) -> int:
    """How many line breaks the first ``end`` bytes of the file hold."""
    count, left = 0, end
    while left > 0:
        chunk = handle.read(min(left, 1 << 20))
        if not chunk:
            break
        count += chunk.count(b"\n")
        left -= len(chunk)
    return count


#: What :func:`iter_reports` does with a bad record: raise it, skip it, or yield it.
OnError = Literal["raise", "skip", "collect"]


def _handled(entries: Iterable[Entry], errors: OnError) -> Iterator[Report | LawgovError]:
    if errors not in ("raise", "skip", "collect"):
        raise ValueError(f"errors must be 'raise', 'skip' or 'collect', not {errors!r}")
    for _, entry in entries:
        if isinstance(entry, LawgovError):
            if errors == "raise":
                raise entry
            if errors == "skip":
                continue
        yield entry


@overload
def iter_reports(
    path: str | os.PathLike[str], *, errors: Literal["raise", "skip"] = "raise"
) -> Iterator[Report]: ...
@overload
def iter_reports(
    path: str | os.PathLike[str], *, errors: Literal["collect"]
) -> Iterator[Report | LawgovError]: ...
def iter_reports(
    path: str | os.PathLike[str], *, errors: OnError = "raise"
) -> Iterator[Report] | Iterator[Report | LawgovError]:
    """Read the reports of a corpus file one at a time, in file order, in constant memory.

    Args:
        path: A ``.jsonl`` file (one lawgov JSON report per line) or an ``.xml`` collection
            (a ``<collection>`` of ``<report>`` elements in the lawgov namespace). It must be a
            regular file (not a FIFO or a device): reading one could block or never end.
        errors: What a bad record does. ``"raise"`` (the default) raises its error and ends the
            stream; ``"skip"`` leaves it out and goes on; ``"collect"`` yields its error (a
            [`LawgovError`][lawgov.LawgovError] whose ``source`` is ``path:line``) in its place and
            goes on. One bad record never ends the stream unless it is raised, except a fault
            in an XML collection's markup after which nothing can be read reliably (lawgov
            never writes one).

    Yields:
        Each report, fully validated (and with ``"collect"`` each bad record's error).

    Raises:
        FormatError: The file is not a corpus, or (``errors="raise"``) a record is not a
            lawgov report (the error's ``source`` is ``path:line``).
        ValidationError: (``errors="raise"``) A record breaks the rules (``source`` is
            ``path:line``).
        OSError: The file cannot be read.
        ValueError: ``errors`` is none of the three.
    """
    return _handled(iter_entries(path), errors)


def iter_reports_from_stream(
    stream: IO[bytes], format: CorpusFormat, *, source: str = "<stdin>"
) -> Iterator[Report]:
    """Like [`iter_reports`][lawgov.iter_reports], for a corpus read from an open binary stream
    (stdin)."""
    if format == "jsonl":
        return typing.cast(
            Iterator[Report], _handled(_jsonl_entries(_bounded_lines(stream), source), "raise")
        )
    return typing.cast(Iterator[Report], _handled(_collection_entries(stream, source), "raise"))


# --- writing -----------------------------------------------------------------------------------


def _jsonl_line(report: Report) -> bytes:
    # One compact document per line; json escapes newlines inside strings, so a record never
    # spans lines.
    text = json.dumps(_convert.to_dict(report), ensure_ascii=False, separators=(",", ":"))
    try:
        line = text.encode("utf-8") + b"\n"
    except UnicodeEncodeError:
        raise FormatError("cannot write the report as UTF-8: lone surrogate") from None
    refuse_oversized(len(line), "a JSON Lines record")
    return line


def write_reports_to(reports: Iterable[Report], handle: IO[bytes], format: CorpusFormat) -> int:
    """Stream reports into an open binary file as JSON Lines or an XML collection.

    Returns:
        How many reports were written.
    """
    count = 0
    if format == "jsonl":
        for report in reports:
            handle.write(_jsonl_line(report))
            count += 1
        handle.flush()
        return count
    handle.write(_COLLECTION_START)
    for report in reports:
        document = _xml.to_xml(report)
        # The report element as to_xml writes it, without its XML declaration; its own xmlns
        # repeats the collection's, which changes nothing for a namespace-aware reader.
        handle.write(document[document.index(b"?>") + 2 :].lstrip())
        count += 1
    handle.write(_COLLECTION_END)
    handle.flush()
    return count


def write_reports(
    reports: Iterable[Report],
    path: str | os.PathLike[str],
    *,
    format: CorpusFormat | None = None,
    force: bool = False,
) -> int:
    """Write reports to a corpus file, streaming, atomically.

    The reports are consumed one at a time (pass a generator, such as
    [`iter_reports`][lawgov.iter_reports] of another corpus, to convert corpora of any size in
    constant memory). If anything fails (a report that cannot be written, an exception in the
    generator, Ctrl-C) no file is left.

    Args:
        reports: The reports, in the order to write them.
        path: The destination: ``.jsonl`` for JSON Lines, ``.xml`` for an XML collection.
        format: ``"jsonl"`` or ``"collection"`` to override the suffix.
        force: Replace an existing file instead of refusing.

    Returns:
        How many reports were written.

    Raises:
        FormatError: The suffix names no corpus format, or a report cannot be written.
        OutputExistsError: ``path`` exists and ``force`` is false.
        OSError: The directory is missing or not writable.
    """
    chosen = format or _corpus_format(path)
    with atomic_open(path, "wb", force=force) as handle:
        return write_reports_to(reports, handle, chosen)
