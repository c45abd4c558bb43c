"""Report files in every published form: one entry point, the reader picked by content.

Reports are published as pages and as attachments: plain text, HTML, PDF (exported or scanned),
Word (.docx, old .doc), WPS and OFD files. [`parse_file`][lawgov.parse_file] reads a file and
decides what it is by its first bytes, then by its suffix:

========================  ==========================================================
content                   reader
========================  ==========================================================
``%PDF-``                 ``pdf`` (the ``pdf`` extra)
zip with word/document    ``docx``
zip with OFD.xml          refused: OFD (convert it to PDF, e.g. with a 数科/福昕 OFD reader)
OLE2 (``D0 CF 11 E0``)    refused: an old Word (.doc) or WPS file (convert it with LibreOffice)
``{\\rtf``                refused: RTF (convert it with LibreOffice)
an HTML document          ``html`` (``parse_html``): metadata, disclosure block, article
anything else             text, decoded as the CLI decodes it (``encoding``)
========================  ==========================================================

A suffix that promises what the content is not (a ``.pdf`` without ``%PDF-``) is an error that
says so. Every error is a [`ParseError`][lawgov.ParseError] naming the file, never mojibake.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from lawgov._errors import ParseError
from lawgov._formats.json import MAX_INPUT_BYTES
from lawgov._model import Report
from lawgov._parse.encoding import decode_text

if TYPE_CHECKING:
    from lawgov._parse.pipeline import ParseResult

__all__ = [
    "FILE_SUFFIXES",
    "HTML_SUFFIXES",
    "kind_of",
    "parse_bytes",
    "parse_bytes_result",
    "parse_file",
    "parse_file_result",
]

#: Suffixes of web pages (read by the HTML reader).
HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".shtml", ".xhtml"})
#: Suffixes of every report file :func:`parse_file` reads or clearly refuses (besides ``.txt``).
FILE_SUFFIXES: Final = frozenset({".pdf", ".docx", ".doc", ".wps", ".ofd", *HTML_SUFFIXES})

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
# Where a PDF's header may sit: readers accept junk before it within the first kilobyte.
_PDF_WINDOW = 1024
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta")
_CONVERT = "soffice --headless --convert-to docx FILE"

_NEEDS_EXTRA = {"pdf": "reading PDF files needs the pdf extra: pip install 'lawgov[pdf]'"}


def kind_of(data: bytes, suffix: str) -> str:
    """What the bytes are: pdf, docx, ofd, ole2, rtf, zip, html or text (content first)."""
    if b"%PDF-" in data[:_PDF_WINDOW]:
        return "pdf"
    if data.startswith(_OLE2):
        return "ole2"
    if data.startswith(_ZIP):
        return _zip_kind(data)
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if _looks_html(data) or suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def _zip_kind(data: bytes) -> str:
    # Only the central directory is read here: nothing is inflated.
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.NameToInfo)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    return "ofd" if "OFD.xml" in names else "zip"


def _looks_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 pages: look at the ASCII bytes
        head = head[2:].replace(b"\x00", b"").lstrip()
    while head.startswith(b"<!--"):
        end = head.find(b"-->")
        if end < 0:
            return False
        head = head[end + 3 :].lstrip()
    if head.startswith(b"<?xml"):
        return b"<html" in head
    return head.startswith(_HTML_STARTS)


def _refusal(kind: str, suffix: str) -> str | None:
    """Why a file of this kind is not read, and what to do instead; None when it is read."""
    if kind == "ole2":
        name = "a WPS file (.wps)" if suffix == ".wps" else "an old Word document (.doc)"
        return (
            f"{name}, a binary format lawgov does not read; convert it to .docx first, e.g. "
            f"with LibreOffice: {_CONVERT}"
        )
    if kind == "ofd":
        return (
            "an OFD document (China's fixed-layout format), which lawgov does not read; export "
            "it to PDF with an OFD reader, then read the PDF"
        )
    if kind == "rtf":
        return (
            f"an RTF document, which lawgov does not read; convert it with LibreOffice: {_CONVERT}"
        )
    if kind == "zip":
        return "a zip archive that is not a Word (.docx) document; unpack it and read its files"
    if suffix == ".pdf" and kind != "pdf":
        return "named .pdf but not a PDF (no %PDF- header)"
    if suffix == ".docx" and kind != "docx":
        return "named .docx but not a Word document (no zip with word/document.xml)"
    return None


def _pdf_text(data: bytes, source: str | None) -> str:
    try:
        from lawgov._parse import pdf as _pdf  # noqa: PLC0415 -- the pdf extra, on first use
    except ImportError as error:
        if (error.name or "").startswith("pdfminer"):
            raise ParseError(_NEEDS_EXTRA["pdf"], source=source) from None
        raise
    return _pdf.pdf_text(data, source=source)


def _read(
    data: bytes,
    *,
    source: str | None,
    suffix: str,
    encoding: str | None,
    url: str | None,
    rich: bool,
) -> Any:
    kind = kind_of(data, suffix)
    refusal = _refusal(kind, suffix)
    if refusal is not None:
        raise ParseError(refusal, source=source)
    # The readers and the parser load on first use, so the CLI starts without them.
    if kind == "html":
        from lawgov._parse import html  # noqa: PLC0415

        page: str | bytes = (
            decode_text(data, encoding=encoding, source=source) if encoding else data
        )
        reader = html.parse_html_result if rich else html.parse_html
        return reader(page, source=source, url=url)
    from lawgov._parse import docx as _docx  # noqa: PLC0415
    from lawgov._parse.pipeline import parse, parse_text  # noqa: PLC0415

    if kind == "pdf":
        text = _pdf_text(data, source)
    elif kind == "docx":
        text = _docx.docx_text(data, source=source)
    elif suffix in (".doc", ".wps", ".ofd"):
        # Content first: a renamed text file is read; anything else names the format it lacks.
        try:
            text = decode_text(data, encoding=encoding, source=source)
        except ParseError:
            raise ParseError(
                f"named {suffix} but neither that format nor readable text", source=source
            ) from None
    else:
        text = decode_text(data, encoding=encoding, source=source)
    if rich:
        return parse(text, source=source, url=url)
    return parse_text(text, source=source, url=url)


def _check_bytes(data: object, suffix: object, source: str | None) -> None:
    if not isinstance(data, (bytes, bytearray)):
        raise ParseError(f"expected bytes, got {type(data).__name__}", source=source)
    if not isinstance(suffix, str):
        raise ParseError(f"expected a suffix string, got {type(suffix).__name__}", source=source)
    if len(data) > MAX_INPUT_BYTES:
        raise ParseError(f"the file exceeds {MAX_INPUT_BYTES} bytes", source=source)


def parse_bytes(
    data: bytes,
    *,
    source: str | None = None,
    suffix: str = "",
    encoding: str | None = None,
    url: str | None = None,
) -> Report:
    """Parse a report file's bytes: text, HTML, PDF or Word, told apart by content and suffix.

    What [`parse_file`][lawgov.parse_file] does once it has read the file, for bytes that come
    from elsewhere (standard input, an archive, a download).

    Args:
        data: The file's bytes, at most 32 MiB.
        source: Where they came from (a file name), named in error messages.
        suffix: The file's suffix (``".pdf"``), if it has one: content decides first, the suffix
            breaks ties and names the format of a refused file.
        encoding: The encoding of a text (or HTML) file, instead of detecting it.
        url: The page address, recorded as the report's ``url``.

    Returns:
        A valid report. Use [`parse_bytes_result`][lawgov.parse_bytes_result] for the text it was
        read from and the parser's warnings.

    Raises:
        ParseError: ``data`` is not bytes (or bytearray) or is too large, or cannot be read as
            a report (as for [`parse_file`][lawgov.parse_file]).
    """
    _check_bytes(data, suffix, source)
    report: Report = _read(
        data, source=source, suffix=suffix.lower(), encoding=encoding, url=url, rich=False
    )
    return report


def parse_bytes_result(
    data: bytes,
    *,
    source: str | None = None,
    suffix: str = "",
    encoding: str | None = None,
    url: str | None = None,
) -> ParseResult:
    """Parse a report file's bytes, keeping the text and the parser's warnings.

    As [`parse_bytes`][lawgov.parse_bytes] (same arguments and errors), returning a
    [`ParseResult`][lawgov.ParseResult] (an [`HtmlParseResult`][lawgov.HtmlParseResult] for a
    web page).
    """
    _check_bytes(data, suffix, source)
    result: ParseResult = _read(
        data, source=source, suffix=suffix.lower(), encoding=encoding, url=url, rich=True
    )
    return result


def _file_bytes(path: str | os.PathLike[str]) -> bytes:
    with open(path, "rb") as handle:
        data = handle.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise ParseError(f"the file exceeds {MAX_INPUT_BYTES} bytes", source=str(path))
    return data


def parse_file(
    path: str | os.PathLike[str], *, encoding: str | None = None, url: str | None = None
) -> Report:
    """Parse a report file: text, HTML, PDF or Word (.docx), told apart by content and suffix.

    Example:
        >>> report = lawgov.parse_file("attachments/report-2023.pdf")  # doctest: +SKIP

    Args:
        path: The file.
        encoding: The encoding of a text (or HTML) file, instead of detecting it.
        url: The page address, recorded as the report's ``url``.

    Returns:
        A valid report. Use [`parse_file_result`][lawgov.parse_file_result] for the text it was read
        from and the parser's warnings.

    Raises:
        ParseError: The file cannot be read as a report: a format lawgov refuses (old .doc,
            .wps, .ofd, RTF: the message says how to convert it), a scanned or encrypted PDF, a
            damaged or hostile file, a missing extra (the message names it), or text the parser
            cannot read. The error names the file.
        OSError: The file cannot be opened.
    """
    data = _file_bytes(path)
    return parse_bytes(data, source=str(path), suffix=Path(path).suffix, encoding=encoding, url=url)


def parse_file_result(
    path: str | os.PathLike[str], *, encoding: str | None = None, url: str | None = None
) -> ParseResult:
    """Parse a report file as [`parse_file`][lawgov.parse_file] does, keeping the text and every
    warning.

    Args:
        path: The file.
        encoding: The encoding of a text (or HTML) file, instead of detecting it.
        url: The page address, recorded as the report's ``url``.

    Returns:
        The report, the cleaned text it was read from (a PDF's or Word file's rejoined text,
        cleaned), the cleaner's result and the parser's warnings.

    Raises:
        ParseError: As [`parse_file`][lawgov.parse_file].
        OSError: The file cannot be opened.
    """
    data = _file_bytes(path)
    result: ParseResult = _read(
        data,
        source=str(path),
        suffix=Path(path).suffix.lower(),
        encoding=encoding,
        url=url,
        rich=True,
    )
    return result
