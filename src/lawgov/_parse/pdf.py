"""PDF attachments to report text: lines with their geometry in, paragraphs out.

A published PDF holds lines, not paragraphs: text breaks wherever the page edge fell, each page
carries its number and often a running header or footer, and a heading or a paragraph may run
over a line or a page break. `pdf_text` gives the text parser what it reads well:

1. extract (pdfminer.six, chosen by measurement: see docs/parsing.md) every text line with its
   page, extent and size, within limits on input size, pages, decompressed stream bytes,
   characters and time, each enforced while extracting;
2. drop page numbers (``- 3 -``, ``— 3 —``, ``第3页 共12页``, ``3/12``, a bare number) and running
   headers and footers (the same line at the top or bottom of most pages);
3. rejoin lines into paragraphs: by geometry (a first-line indent or a short last line ends a
   paragraph, a wider gap separates blocks, a centred title continues), by the text conventions
   where the layout has no indents (a line ending in 。；：！？ ends a paragraph, a heading or an
   enumeration starts one), across page breaks too.

A PDF without text (a scan) or with text the fonts cannot map to Unicode, an encrypted PDF the
empty password does not open, and anything over a limit are a [`ParseError`][lawgov.ParseError];
whatever pdfminer raises on a damaged file becomes one too. Needs the ``pdf`` extra (pdfminer.six).
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import statistics
import time
import warnings
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any, Final

import attrs
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTContainer, LTImage, LTTextContainer, LTTextLine
from pdfminer.lzw import LZWDecoder
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

from lawgov._errors import ParseError
from lawgov._formats.json import MAX_INPUT_BYTES

__all__ = [
    "MAX_CHARACTERS",
    "MAX_DECOMPRESSED_BYTES",
    "MAX_PAGES",
    "MAX_PAGE_CHARACTERS",
    "MAX_SECONDS",
    "PdfLine",
    "check_streams",
    "drop_page_furniture",
    "pdf_lines",
    "pdf_text",
    "rejoin",
]

#: Pages read at most (the longest annual reports run to a few hundred).
MAX_PAGES: Final = 2000
#: Bytes all compressed streams may inflate to, together (a bomb inflates a thousandfold).
MAX_DECOMPRESSED_BYTES: Final = 256 * 1024 * 1024
#: Characters of text at most (a report is tens of thousands).
MAX_CHARACTERS: Final = 4_000_000
#: Characters one page may hold (a dense page of small type holds about 5,000).
MAX_PAGE_CHARACTERS: Final = 20_000
#: Seconds extraction may take (pdfminer reads a typical report page in milliseconds).
MAX_SECONDS: Final = 60.0

_CHUNK = 1 << 20
# A stream's data starts after the keyword and its end of line ("endstream" is not a start).
_STREAM_START = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_LZW = re.compile(rb"/LZW(?:Decode)?\b")
_UNMAPPED = re.compile(r"\(cid:\d+\)")

_SENTENCE_END = frozenset("。；：！？;:!?")
_OPENS_BLOCK = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、，,.．]"
    r"|[（(][一二三四五六七八九十百]+[）)]"
    r"|\d{1,2}[.．、](?!\d)"
    r"|[（(]\d{1,2}[）)]"
    r"|[一二三四五六七八九十]+是)"
)
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~～_·\s]*\d{1,4}[-—–－~～_·\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|Page|PAGE)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$"
)
# pdfminer logs every repair it makes to a damaged file; with no handler configured Python would
# print them to stderr. The repairs are not the caller's concern: an application that configures
# logging still receives them.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

# Lines at each end of a page where page numbers and running headers and footers sit.
_EDGE_LINES = 2


@attrs.frozen
class PdfLine:
    """One printed line and where it sits (PDF units: points, y growing upwards).

    Attributes:
        page: The 0-based page index.
        text: The line's text, as extracted (spaces at either end kept).
        x0: Where the line starts.
        x1: Where it ends.
        top: The top of its glyphs.
        bottom: The bottom of its glyphs.
    """

    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def size(self) -> float:
        """The line's height, about its font size."""
        return self.top - self.bottom


# --- limits enforced before and during extraction --------------------------------------------


def _zlib_size(data: memoryview, start: int, budget: int, limits: _Limits) -> int:
    """How many bytes the zlib stream at ``start`` inflates to, counting past ``budget`` never.

    Reads ``data`` through a memoryview, so a stream that is not zlib costs a few bytes' work,
    and one that is costs its own compressed bytes, not a copy of the rest of the file.
    """
    inflater = zlib.decompressobj()
    total = 0
    position = start
    # A small first piece: zlib's cost per call grows with the input handed to it, even when
    # the first two bytes already say the data is not zlib (most stream keywords in a bomb).
    step = 512
    try:
        while position < len(data) and not inflater.eof:
            pending: bytes | memoryview = data[position : position + step]
            position += step
            step = min(step * 8, _CHUNK)
            while pending and total <= budget:
                total += len(inflater.decompress(pending, budget + 1 - total))
                pending = inflater.unconsumed_tail  # left over when the output was capped
                limits.check_time()
            if total > budget:
                return total
    except zlib.error:
        return total
    return total


class _View:
    """A read-only file over a memoryview (LZWDecoder reads its input byte by byte)."""

    def __init__(self, data: memoryview, start: int) -> None:
        self._data = data
        self._position = start

    def read(self, size: int = -1) -> bytes:
        end = len(self._data) if size < 0 else self._position + size
        chunk = bytes(self._data[self._position : end])
        self._position += len(chunk)
        return chunk


def _lzw_size(data: memoryview, start: int, budget: int, limits: _Limits) -> int:
    """How many bytes the LZW stream at ``start`` decodes to, counting past ``budget`` never."""
    total = 0
    try:
        for chunk in LZWDecoder(_View(data, start)).run():  # type: ignore[arg-type]
            total += len(chunk)
            if total > budget:
                break
            limits.check_time()
    except ParseError:
        raise
    except Exception:  # a damaged stream decodes to what it decodes to, and stops
        return total
    return total


class _Limits:
    """The character and time budget of one extraction, checked as pdfminer renders glyphs."""

    def __init__(self, source: str | None) -> None:
        self.source = source
        self.characters = 0
        self.on_page = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def count(self) -> None:
        self.characters += 1
        self.on_page += 1
        if self.characters > MAX_CHARACTERS:
            raise ParseError(f"the PDF holds over {MAX_CHARACTERS} characters", source=self.source)
        if self.on_page > MAX_PAGE_CHARACTERS:
            # Layout analysis grows faster than linearly in a page's glyphs: bound them.
            raise ParseError(
                f"a page of the PDF holds over {MAX_PAGE_CHARACTERS} characters", source=self.source
            )
        if self.characters % 512 == 0:
            self.check_time()

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise ParseError(
                f"reading the PDF took over {MAX_SECONDS:.0f} seconds; refused", source=self.source
            )


def check_streams(data: bytes, limits: _Limits) -> None:
    """Refuse a PDF whose compressed streams inflate beyond `MAX_DECOMPRESSED_BYTES`.

    Every stream is inflated once here, in bounded chunks and counting only, from its start to
    the end of its compressed data (not to its ``endstream``, which a forged length may hide).
    Every byte counted comes off one budget, and the time limit runs from here, so neither many
    streams nor one bomb can cost more than the budget's work and one chunk of memory.
    """
    budget = MAX_DECOMPRESSED_BYTES
    view = memoryview(data)
    for match in _STREAM_START.finditer(data):
        start = match.end()
        size = _zlib_size(view, start, budget, limits)
        if size == 0 and _LZW.search(data, max(0, match.start() - 512), match.start()):
            size = _lzw_size(view, start, budget, limits)
        budget -= size
        if budget < 0:
            raise ParseError(
                f"the PDF's compressed streams inflate beyond {MAX_DECOMPRESSED_BYTES} bytes "
                "(a decompression bomb?); refused",
                source=limits.source,
            )


# --- extraction ---------------------------------------------------------------------------------


def _layout_lines(layout: Any, page: int) -> Iterator[PdfLine]:
    stack = [layout]
    while stack:
        item = stack.pop()
        if isinstance(item, LTTextLine):
            text = item.get_text().rstrip("\n")
            if text.strip():
                yield PdfLine(page, text, item.x0, item.x1, item.y1, item.y0)
        elif isinstance(item, LTTextContainer) or item is layout:
            stack.extend(reversed(list(item)))


def _has_images(layout: Any) -> bool:
    stack = [layout]
    while stack:
        item = stack.pop()
        if isinstance(item, LTImage):
            return True
        if isinstance(item, LTContainer):
            stack.extend(item)
    return False


def _same_row(a: PdfLine, b: PdfLine) -> bool:
    overlap = min(a.top, b.top) - max(a.bottom, b.bottom)
    return overlap > 0.5 * min(a.size, b.size)


def _reading_order(lines: list[PdfLine]) -> list[PdfLine]:
    """Lines top to bottom; the pieces of one printed row joined left to right."""
    lines.sort(key=lambda line: (-line.top, line.x0))
    rows: list[PdfLine] = []
    for line in lines:
        if rows and _same_row(rows[-1], line) and line.x0 >= rows[-1].x1 - 1:
            last = rows[-1]
            rows[-1] = PdfLine(
                last.page,
                f"{last.text.rstrip()} {line.text.lstrip()}",
                last.x0,
                line.x1,
                max(last.top, line.top),
                min(last.bottom, line.bottom),
            )
        else:
            rows.append(line)
    return rows


def pdf_lines(data: bytes, *, source: str | None = None) -> list[PdfLine]:
    """Every text line of a PDF in reading order, within the limits.

    Raises:
        ParseError: The PDF is over a limit, encrypted, damaged, a scan (images, no text), has
            text that cannot be mapped to Unicode, or pdfminer.six is not installed.
    """
    if len(data) > MAX_INPUT_BYTES:
        raise ParseError(f"the PDF exceeds {MAX_INPUT_BYTES} bytes", source=source)
    limits = _Limits(source)
    check_streams(data, limits)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            lines, pages, images = _extract(data, limits)
    except ParseError:
        raise
    except Exception as error:
        name = type(error).__name__
        if "Password" in name or "Encryption" in name:
            raise ParseError(
                "the PDF is encrypted and does not open without a password; save an unprotected "
                "copy (print to PDF) and read that",
                source=source,
            ) from None
        raise ParseError(f"cannot read the PDF: {name}: {error}", source=source) from None
    if not lines:
        if images:
            raise ParseError(
                f"the PDF is a scan: {pages} page(s) of images and no text; it needs OCR first "
                "(e.g. ocrmypdf -l chi_sim in.pdf out.pdf), then read the OCRed copy",
                source=source,
            )
        raise ParseError("the PDF has no text", source=source)
    unmapped = sum(len(found) for line in lines for found in _UNMAPPED.findall(line.text))
    total = sum(len(line.text) for line in lines)
    if unmapped * 4 > total:
        raise ParseError(
            "the PDF's fonts do not map its glyphs to characters (its text would be "
            "(cid:NN) codes); convert it with OCR, or export it again with embedded Unicode fonts",
            source=source,
        )
    return lines


def _extract(data: bytes, limits: _Limits) -> tuple[list[PdfLine], int, bool]:
    """pdfminer's layout analysis, page by page, counting glyphs and time as it goes."""

    class Device(PDFPageAggregator):
        def render_char(self, *args: Any, **kwargs: Any) -> float:
            limits.count()
            return super().render_char(*args, **kwargs)

    manager = PDFResourceManager(caching=True)
    # boxes_flow=None: no hierarchical grouping of text boxes (quadratic in boxes); the lines are
    # put in reading order here instead.
    device = Device(manager, laparams=LAParams(detect_vertical=False, boxes_flow=None))
    interpreter = PDFPageInterpreter(manager, device)
    lines: list[PdfLine] = []
    images = False
    pages = 0
    for index, page in enumerate(PDFPage.get_pages(io.BytesIO(data), password="")):
        if index >= MAX_PAGES:
            raise ParseError(f"the PDF has over {MAX_PAGES} pages", source=limits.source)
        limits.check_time()
        limits.on_page = 0
        interpreter.process_page(page)
        layout = device.get_result()
        found = list(_layout_lines(layout, index))
        if not found and not images:
            images = _has_images(layout)
        lines.extend(_reading_order(found))
        pages = index + 1
    return lines, pages, images


# --- from lines to paragraphs -------------------------------------------------------------------


def _key(text: str) -> str:
    # Running headers and footers differ from page to page only in their numbers.
    return re.sub(r"\d+", "#", "".join(text.split()))


def drop_page_furniture(lines: Sequence[PdfLine]) -> list[PdfLine]:
    """``lines`` without page numbers and running headers and footers.

    Only the first and last lines of each page are candidates: a number or a repeated phrase in
    the body is text. A line is a running header or footer when the same line (numbers aside)
    opens or closes at least half the pages, and at least two.
    """
    pages: dict[int, list[PdfLine]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)

    def edges(page: list[PdfLine]) -> list[PdfLine]:
        if len(page) <= 2 * _EDGE_LINES:
            return list(page)
        return [*page[:_EDGE_LINES], *page[-_EDGE_LINES:]]

    seen: Counter[str] = Counter()
    for page in pages.values():
        seen.update({_key(line.text) for line in edges(page)})
    needed = max(2, (len(pages) + 1) // 2)
    repeated = {key for key, count in seen.items() if count >= needed}
    dropped: set[int] = set()
    for page in pages.values():
        for line in edges(page):
            text = line.text.strip()
            if _PAGE_NUMBER.match(text) or _key(text) in repeated:
                dropped.add(id(line))
    return [line for line in lines if id(line) not in dropped]


@attrs.frozen
class _Frame:
    """The body's measurements: where lines start and end, how tall they are, how far apart."""

    left: float
    right: float
    size: float
    gap: float
    indented: bool


def _frame(lines: Sequence[PdfLine]) -> _Frame:
    starts = Counter(round(line.x0) for line in lines)
    repeated = [x for x, count in starts.items() if count > 1]
    left = float(min(repeated or starts))
    right = max(line.x1 for line in lines)
    size = statistics.median(line.size for line in lines)
    gaps = [
        a.bottom - b.top
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and a.bottom > b.top
    ]
    gap = statistics.median(gaps) if gaps else size
    # A layout with first-line indents: most lines after a short line start indented.
    after_short = [b for a, b in itertools.pairwise(lines) if a.x1 < right - 2 * size]
    indented = sum(1 for b in after_short if b.x0 > left + size / 2) * 2 > len(after_short)
    return _Frame(left, right, size, gap, indented)


def _continues(a: PdfLine, b: PdfLine, frame: _Frame) -> bool:
    """Whether line ``b`` carries on the paragraph that line ``a`` is in."""
    big = frame.size * 1.15
    if a.size > big and abs(a.size - b.size) < 1 and a.text.strip()[-1:] not in _SENTENCE_END:
        return True  # a title (larger type) printed over two lines
    if a.page == b.page and a.bottom - b.top > frame.gap * 1.8 + 1:
        return False  # a blank line or block spacing
    if b.x0 > frame.left + frame.size / 2:
        return False  # indented or centred: a new paragraph (or the next title line)
    if a.x1 < frame.right - 1.5 * frame.size:
        return False  # a short line ends its paragraph
    if frame.indented:
        return True  # a full line, then one at the margin: the paragraph wraps
    return a.text.strip()[-1:] not in _SENTENCE_END and not _OPENS_BLOCK.match(b.text.strip())


def _joined(a: str, b: str) -> str:
    """Two pieces of one paragraph, with the space the layout printed between them, if any.

    No space is invented: a line break inside Chinese text, or inside a number that wrapped
    (``20`` / ``21``), joins without one.
    """
    head, tail = a.rstrip(), b.lstrip()
    space = a[len(head) :] + b[: len(b) - len(tail)]
    return head + space[:1] + tail


def rejoin(lines: Sequence[PdfLine]) -> list[str]:
    """Paragraphs from printed lines (page furniture already dropped), in order."""
    if not lines:
        return []
    frame = _frame(lines)
    paragraphs: list[str] = [lines[0].text.strip()]
    for a, b in itertools.pairwise(lines):
        if _continues(a, b, frame):
            paragraphs[-1] = _joined(paragraphs[-1], b.text)
        else:
            paragraphs.append(b.text.strip())
    return paragraphs


def pdf_text(data: bytes, *, source: str | None = None) -> str:
    """The text of a PDF report, one paragraph per line, for the text parser.

    Args:
        data: The PDF file's bytes.
        source: The file name, for error messages.

    Raises:
        ParseError: As `pdf_lines`.
    """
    return "\n".join(rejoin(drop_page_furniture(pdf_lines(data, source=source))))
