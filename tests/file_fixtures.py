"""PDF and Word twins of the text fixtures, generated on the fly (reportlab, python-docx).

Each twin lays out the lines of a ``tests/fixtures/*.txt`` report the way published attachments
are laid out: a centred title, body paragraphs wrapped to the page with a first-line indent,
running headers and footers, page numbers in one of the printed styles. Reading a twin back must
give the same report as parsing its text, which is what the tests hold the readers to.

Used by the tests and by ``benchmarks/bench_files.py``; nothing here is shipped.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import attrs

FIXTURES = Path(__file__).resolve().parent / "fixtures"

#: The text fixtures that get PDF and Word twins: plain headers, four heading levels, long
#: headings that wrap, figures and citations in the body.
TWINS = (
    "w-city-emergency-2023",
    "v-district-education-2022",
    "x-metrics-city-taxation-2024",
    "y-province-transport-2023",
)

#: How each twin prints its page numbers (one style per twin, all styles covered).
PAGE_NUMBER_STYLES = ("dash", "of", "slash", "emdash")

_FONT = "STSong-Light"
_PAGE = (420.0, 595.0)  # A5: small pages, so every twin spans pages and wraps its headings
_MARGIN = 54.0
_SIZE = 12.0
_LEADING = 20.0
_TITLE_SIZE = 16.0
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．]|（\d+）)"
)


def fixture_text(name: str) -> str:
    """The text of fixture ``name``."""
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_FONT))


def _wrap(text: str, width: float, first_indent: float, size: float) -> list[str]:
    """``text`` cut into lines no wider than ``width`` (the first narrower by its indent)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    current = ""
    room = width - first_indent
    for char in text:
        if current and stringWidth(current + char, _FONT, size) > room:
            lines.append(current)
            current = ""
            room = width
        current += char
    if current or not lines:
        lines.append(current)
    return lines


@attrs.frozen
class PdfTwin:
    """A generated PDF and what its layout did to the text (for the tests to check)."""

    data: bytes
    pages: int
    wrapped_headings: int  # headings that took two lines or more
    split_paragraphs: int  # paragraphs that run on over a page break


def _page_number(style: str, page: int, total: int) -> str:
    return {
        "dash": f"- {page} -",
        "emdash": f"— {page} —",
        "of": f"第{page}页 共{total}页",
        "slash": f"{page}/{total}",
        "bare": str(page),
    }[style]


def _is_title(line: str) -> bool:
    return "报告" in line and "年" in line and ">" not in line and len(line) < 60


def _layout(text: str) -> list[tuple[str, float, float, bool]]:
    """Every printed line: (text, x, font size, starts a paragraph); a blank line is ``""``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = _PAGE[0] - 2 * _MARGIN
    out: list[tuple[str, float, float, bool]] = []
    raw = [line.strip() for line in text.splitlines()]
    titled = False
    for line in raw:
        if not line:
            out.append(("", 0.0, _SIZE, True))
            continue
        if not titled and _is_title(line):
            titled = True
            for piece in _wrap(line, width, 0.0, _TITLE_SIZE):
                x = _MARGIN + (width - stringWidth(piece, _FONT, _TITLE_SIZE)) / 2
                out.append((piece, x, _TITLE_SIZE, True))
            continue
        indent = 2 * _SIZE
        for index, piece in enumerate(_wrap(line, width, indent, _SIZE)):
            x = _MARGIN + (indent if index == 0 else 0.0)
            out.append((piece, x, _SIZE, index == 0))
    return out


def pdf_twin(
    text: str,
    *,
    page_numbers: str = "dash",
    running_header: str | None = "法治政府建设年度报告",
    running_footer: str | None = "内部资料 注意保存",
) -> PdfTwin:
    """Lay ``text`` out as a PDF, one text line per paragraph.

    Args:
        text: A report text (a fixture's).
        page_numbers: ``dash`` (- 3 -), ``emdash`` (— 3 —), ``of`` (第3页 共12页), ``slash``
            (3/12), ``bare`` (3) or ``none``.
        running_header: A line printed at the top of every page, or None.
        running_footer: A line printed at the bottom of every page, or None.
    """
    from reportlab.pdfgen import canvas

    _register_font()
    printed = _layout(text)
    top = _PAGE[1] - _MARGIN - 24.0
    bottom = _MARGIN + 24.0
    per_page = int((top - bottom) // _LEADING) + 1
    pages: list[list[tuple[str, float, float, bool]]] = [
        printed[start : start + per_page] for start in range(0, len(printed), per_page)
    ]
    split = sum(
        1
        for page in pages[1:]
        if page and page[0][0] and not page[0][3]  # a page that opens inside a paragraph
    )
    wrapped = 0
    for index, (line, _, _, starts) in enumerate(printed):
        nxt = printed[index + 1] if index + 1 < len(printed) else None
        if starts and _HEADING.match(line) and nxt is not None and nxt[0] and not nxt[3]:
            wrapped += 1
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=_PAGE, invariant=True)
    for number, page in enumerate(pages, start=1):
        if running_header:
            pdf.setFont(_FONT, 9)
            pdf.drawCentredString(_PAGE[0] / 2, _PAGE[1] - _MARGIN + 12, running_header)
        y = top
        for line, x, size, _ in page:
            if line:
                pdf.setFont(_FONT, size)
                pdf.drawString(x, y, line)
            y -= _LEADING
        pdf.setFont(_FONT, 9)
        if running_footer:
            pdf.drawString(_MARGIN, _MARGIN - 6, running_footer)
        if page_numbers != "none":
            label = _page_number(page_numbers, number, len(pages))
            pdf.drawCentredString(_PAGE[0] / 2, _MARGIN - 20, label)
        pdf.showPage()
    pdf.save()
    return PdfTwin(buffer.getvalue(), len(pages), wrapped, split)


def scanned_pdf() -> bytes:
    """A two-page PDF holding only images (a scan): no text at all."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=_PAGE, invariant=True)
    for page in range(2):
        image = Image.new("L", (200, 280), 255)
        draw = ImageDraw.Draw(image)
        for row in range(20, 260, 12):
            draw.line((20, row, 180 - 10 * page, row), fill=0, width=3)
        pdf.drawImage(ImageReader(image), 0, 0, width=_PAGE[0], height=_PAGE[1])
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def encrypted_pdf(text: str, *, user_password: str = "secret", algorithm: str = "AES-128") -> bytes:
    """The PDF twin of ``text`` encrypted by pypdf (``user_password=""``: opens freely)."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf_twin(text).data))
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.encrypt(user_password=user_password, owner_password="owner-only", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def garbled_font_pdf(text: str) -> bytes:
    """A PDF whose CJK font cannot be mapped to Unicode: text the reader must refuse.

    reportlab's own encryption leaves the strings inside the CID font's inline dictionaries
    (``/Registry (Adobe)``, ``/Ordering (GB1)``) unencrypted, so a reader that decrypts them,
    as it must, gets nonsense for the font's character collection, and its glyphs stay codes.
    """
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    _register_font()
    buffer = io.BytesIO()
    lock = pdfencrypt.StandardEncryption("", ownerPassword="owner-only", strength=128)
    pdf = canvas.Canvas(buffer, pagesize=_PAGE, invariant=True, encrypt=lock)
    y = _PAGE[1] - _MARGIN
    for line, x, size, _ in _layout(text)[:25]:
        if line:
            pdf.setFont(_FONT, size)
            pdf.drawString(x, y, line)
        y -= _LEADING
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# --- Word --------------------------------------------------------------------------------------

_DOCX_HEADING_LEVELS = (
    (re.compile(r"^[一二三四五六七八九十]+、"), 1),
    (re.compile(r"^（[一二三四五六七八九十]+）"), 2),
    (re.compile(r"^\d+[.．]"), 3),
    (re.compile(r"^（\d+）"), 4),
)


def _heading_level(line: str) -> int | None:
    for pattern, level in _DOCX_HEADING_LEVELS:
        if pattern.match(line) and len(line) <= 40 and not line.endswith("。"):
            return level
    return None


def _cells(line: str) -> list[str] | None:
    """The cells of a ``| a | b |`` line (the text fixtures' form of a table row), else None."""
    if not (line.startswith("|") and line.endswith("|")) or len(line) < 3:
        return None
    return [cell.strip() for cell in line[1:-1].split("|")]


def docx_twin(
    text: str,
    *,
    styles: bool,
    numbered: bool = False,
    comment: bool = True,
    header: str = "法治政府建设年度报告",
    footer: str = "第 1 页",
) -> bytes:
    """Write ``text`` as a .docx, one paragraph per line, ``| a | b |`` lines as a real table.

    Args:
        text: A report text.
        styles: Give headings Word's Heading 1-4 styles (and the title the Title style);
            otherwise every paragraph is Normal and only the text says what is a heading.
        numbered: With ``styles``, leave the heading markers (一、, （一）) out of the text, as
            a document whose headings Word numbers (the reader must put them back).
        comment: Attach a reviewer's comment (not body text) to the first long paragraph.
        header: The page header (not body text).
        footer: The page footer (not body text).
    """
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = footer
    titled = False
    commented = not comment
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            table = document.add_table(rows=len(rows), cols=max(map(len, rows)))
            for row, cells in zip(table.rows, rows, strict=True):
                for cell, value in zip(row.cells, cells, strict=False):
                    cell.text = value
            rows.clear()

    for raw in text.splitlines():
        line = raw.strip()
        cells = _cells(line)
        if cells is not None:
            rows.append(cells)
            continue
        flush()
        if not line:
            continue
        if styles and not titled and _is_title(line):
            titled = True
            document.add_paragraph(line, style="Title")
        elif styles and (level := _heading_level(line)) is not None:
            shown = _HEADING.sub("", line) if numbered else line
            document.add_heading(shown, level=level)
        else:
            paragraph = document.add_paragraph(line)
            if not commented and len(line) > 40:
                document.add_comment(paragraph.runs, text="请核实数据。", author="审核人")
                commented = True
    flush()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- hand-made Word packages: the parts a test needs, nothing else ------------------------------

W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>'
)


def paragraph_xml(
    text: str, *, style: str | None = None, num: tuple[int, int] | None = None
) -> str:
    """One ``w:p`` with ``text`` (XML-escaped), a style id and a (numId, ilvl) list number."""
    from xml.sax.saxutils import escape

    properties = ""
    if style is not None:
        properties += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        properties += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr = f"<w:pPr>{properties}</w:pPr>" if properties else ""
    return f"<w:p>{ppr}<w:r><w:t>{escape(text)}</w:t></w:r></w:p>"


def minimal_docx(
    body: str,
    *,
    styles: str | None = None,
    numbering: str | None = None,
    document_rels: str | None = None,
    members: dict[str, bytes] | None = None,
    prologue: str = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
) -> bytes:
    """A .docx whose body is ``body`` (``w:p``/``w:tbl`` elements), with optional parts."""
    import zipfile

    document = (
        f'{prologue}<w:document xmlns:w="{W_NAMESPACE}" xmlns:r="{R_NAMESPACE}">'
        f"<w:body>{body}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELS)
        archive.writestr("word/document.xml", document)
        if styles is not None:
            archive.writestr("word/styles.xml", styles)
        if numbering is not None:
            archive.writestr("word/numbering.xml", numbering)
        if document_rels is not None:
            archive.writestr("word/_rels/document.xml.rels", document_rels)
        for name, data in (members or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()
