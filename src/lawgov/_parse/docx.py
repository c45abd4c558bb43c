"""Word (.docx) attachments to report text: the body's paragraphs, headings and tables, in order.

A .docx is a zip of XML parts. `docx_text` reads only the three it needs, straight from the
archive with lxml (chosen by measurement over python-docx: see docs/parsing.md):

- ``word/document.xml``: the body. Paragraphs in order; a table becomes one line per row
  (``| cell | cell |``, the form the text parser reads tables in) or, for a row with a single
  cell, that cell's paragraphs; deleted revisions, field codes, footnote and comment references
  are not text, and footnotes, comments, headers and footers live in other parts, never read.
- ``word/styles.xml``: which paragraph styles are headings (Heading 1-4, 标题 1-4, or any style
  with an outline level).
- ``word/numbering.xml``: the number Word prints before a numbered paragraph (``一、``,
  ``（一）``, ``1.``), which is not in the text: it is written back in, so that the text parser
  sees the heading or item as printed. A styled heading without a number gets the marker of its
  level (一、 / （一） / 1. / （1）) when it has none of its own.

Nothing outside the archive is ever fetched (relationships are not followed at all, external or
not), no DTD or entity is resolved (a part that declares one is refused), and the archive is
checked before any part is inflated: member count, declared sizes, compression ratio; each part
is then read with a cap. A bad or hostile file is a [`ParseError`][lawgov.ParseError].
"""

from __future__ import annotations

import io
import lzma
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any, Final

import attrs
from lxml import etree

from lawgov._errors import ParseError
from lawgov._formats.json import MAX_INPUT_BYTES

# The parser's own markers and numerals: a Word number reads back as the parser writes it.
from lawgov._model.markers import HEADING_DEPTHS, heading_marker
from lawgov._model.numerals import chinese_ordinal

__all__ = [
    "MAX_MEMBERS",
    "MAX_RATIO",
    "MAX_UNPACKED_BYTES",
    "docx_text",
    "is_docx",
]

#: Members an archive may hold (a long report with images has a few hundred).
MAX_MEMBERS: Final = 4000
#: Bytes all members may inflate to together, as declared and as read.
MAX_UNPACKED_BYTES: Final = 256 * 1024 * 1024
#: How many times larger than its compressed form a member may be (XML packs 5-20x).
MAX_RATIO: Final = 200
# Members under this size may have any ratio: a small part of repeated markup packs very tightly.
_RATIO_FLOOR = 1024 * 1024
#: Bytes one XML part may have (the body of a report is well under a megabyte).
MAX_PART_BYTES: Final = 64 * 1024 * 1024

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = re.compile(r"/officeDocument$")
_REFUSED = (b"<!DOCTYPE", b"<!ENTITY", b"<!ELEMENT", b"<!ATTLIST")
_MAIN = "word/document.xml"
# What zipfile raises on a damaged, encrypted or oddly compressed archive or member.
ZIP_ERRORS: Final = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    ValueError,
    OSError,
    EOFError,
    NotImplementedError,
    RuntimeError,  # an encrypted member
)


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


_P, _TBL, _TR, _TC, _R = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("r")
_T, _TAB, _BR, _CR = _w("t"), _w("tab"), _w("br"), _w("cr")
_VAL = _w("val")
# Containers whose text is not the printed body: deletions, moved-away text, field codes.
_SKIPPED = frozenset({_w("del"), _w("moveFrom"), _w("instrText"), _w("delInstrText")})
_SKIPPED_IN_PARAGRAPH = frozenset({_w("pPr"), _w("rPr"), *_SKIPPED})

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$")
_HAS_MARKER = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[）)]|\d+[.．、])"
)


def is_docx(data: bytes) -> bool:
    """Whether ``data`` is a zip archive with a Word body (``word/document.xml``)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _MAIN in archive.NameToInfo
    except ZIP_ERRORS:
        return False


# --- the archive: checked before anything is inflated ---------------------------------------


def _open(data: bytes, source: str | None) -> zipfile.ZipFile:
    if len(data) > MAX_INPUT_BYTES:
        raise ParseError(f"the .docx exceeds {MAX_INPUT_BYTES} bytes", source=source)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS as error:
        raise ParseError(f"not a readable .docx (zip) file: {error}", source=source) from None
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ParseError(f"the .docx has over {MAX_MEMBERS} members; refused", source=source)
    declared = sum(info.file_size for info in infos)
    if declared > MAX_UNPACKED_BYTES:
        raise ParseError(
            f"the .docx would unpack to {declared} bytes, over {MAX_UNPACKED_BYTES} "
            "(a zip bomb?); refused",
            source=source,
        )
    for info in infos:
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise ParseError(
                f"the .docx member {info.filename} packs {info.file_size} bytes into "
                f"{info.compress_size} (a zip bomb?); refused",
                source=source,
            )
    return archive


def _member(archive: zipfile.ZipFile, name: str, source: str | None) -> bytes | None:
    """A member's bytes, read with a cap (zipfile also stops at the declared size)."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise ParseError(f"the .docx part {name} exceeds {MAX_PART_BYTES} bytes", source=source)
    try:
        with archive.open(info) as handle:
            data = handle.read(MAX_PART_BYTES + 1)
    except ZIP_ERRORS as error:
        # Encrypted members, unknown compression, a CRC or size that does not match.
        raise ParseError(f"cannot unpack {name} from the .docx: {error}", source=source) from None
    if len(data) > MAX_PART_BYTES:
        raise ParseError(f"the .docx part {name} exceeds {MAX_PART_BYTES} bytes", source=source)
    return data


def _parser() -> etree.XMLParser:
    # A fresh parser per call: lxml parsers must not be shared between threads.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def _xml(data: bytes, name: str, source: str | None) -> Any:
    # UTF-16 parts (allowed by OOXML) are checked in their own encoding.
    probe = data
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        probe = data.decode("utf-16", errors="replace").encode("utf-8")
    for construct in _REFUSED if b"!" in probe else ():
        if construct in probe:
            raise ParseError(
                f"the .docx part {name} declares {construct.decode('ascii')[2:]} (DTDs and "
                "entities are refused)",
                source=source,
            )
    try:
        root = etree.fromstring(data, _parser())
    except (etree.XMLSyntaxError, ValueError, etree.LxmlError) as error:
        raise ParseError(
            f"the .docx part {name} is not well-formed XML: {error}", source=source
        ) from None
    if root is None:
        raise ParseError(f"the .docx part {name} is empty", source=source)
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise ParseError(f"the .docx part {name} has a DTD (refused)", source=source)
    return root


def _main_part(archive: zipfile.ZipFile, source: str | None) -> str:
    """The body part the package's relationships name (never an external target)."""
    data = _member(archive, "_rels/.rels", source)
    if data is not None:
        for rel in _xml(data, "_rels/.rels", source).iter(f"{{{_REL}}}Relationship"):
            if _OFFICE_DOCUMENT.search(rel.get("Type", "")) and rel.get("TargetMode") is None:
                target = str(rel.get("Target", "")).lstrip("/")
                if target in archive.NameToInfo:
                    return target
    return _MAIN


# --- styles and numbering -------------------------------------------------------------------


@attrs.frozen
class _Style:
    name: str
    outline: int | None  # 0-based outline level, as Word stores it
    based_on: str | None
    num_id: str | None


def _styles(root: Any | None) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    if root is None:
        return styles
    for style in root.iter(_w("style")):
        if style.get(_w("type")) != "paragraph":
            continue
        name = style.find(_w("name"))
        outline = style.find(f"{_w('pPr')}/{_w('outlineLvl')}")
        based = style.find(_w("basedOn"))
        num = style.find(f"{_w('pPr')}/{_w('numPr')}/{_w('numId')}")
        styles[style.get(_w("styleId"), "")] = _Style(
            name="" if name is None else (name.get(_VAL) or "").strip().lower(),
            outline=_int(outline.get(_VAL)) if outline is not None else None,
            based_on=None if based is None else based.get(_VAL),
            num_id=None if num is None else num.get(_VAL),
        )
    return styles


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _heading_level(style_id: str | None, styles: dict[str, _Style]) -> int | None:
    """The 1-based heading level of a paragraph style (following basedOn a few steps)."""
    for _ in range(8):  # basedOn chains are short; a cycle must not loop
        style = styles.get(style_id or "")
        if style is None:
            return None
        match = _HEADING_STYLE.match(style.name)
        if match:
            return int(match[1])
        if style.outline is not None and 0 <= style.outline < 9:
            return style.outline + 1
        style_id = style.based_on
    return None


@attrs.frozen
class _Level:
    format: str
    text: str
    start: int


class _Numbering:
    """Word's list definitions and the counters that say what each numbered paragraph prints."""

    def __init__(self, root: Any | None) -> None:
        abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, dict[int, _Level]] = {}
        self._counters: dict[str, list[int]] = {}
        if root is None:
            return
        for definition in root.iter(_w("abstractNum")):
            levels: dict[int, _Level] = {}
            for level in definition.iter(_w("lvl")):
                index = _int(level.get(_w("ilvl")))
                if index is None or not 0 <= index < 9:
                    continue
                fmt = level.find(_w("numFmt"))
                text = level.find(_w("lvlText"))
                start = level.find(_w("start"))
                levels[index] = _Level(
                    format="decimal" if fmt is None else fmt.get(_VAL, "decimal"),
                    text="" if text is None else text.get(_VAL, ""),
                    start=(_int(start.get(_VAL)) or 1) if start is not None else 1,
                )
            abstract[definition.get(_w("abstractNumId"), "")] = levels
        for num in root.iter(_w("num")):
            ref = num.find(_w("abstractNumId"))
            if ref is not None:
                self._nums[num.get(_w("numId"), "")] = abstract.get(ref.get(_VAL, ""), {})

    def marker(self, num_id: str, level: int) -> str:
        """The number printed before the next paragraph of list ``num_id`` at ``level``."""
        levels = self._nums.get(num_id)
        if not levels or level not in levels:
            return ""
        counters = self._counters.setdefault(num_id, [0] * 9)
        counters[level] += 1
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        text = levels[level].text
        if levels[level].format in ("bullet", "none"):
            return ""  # a bullet is not a number the parser reads; the item stays as written

        def number(match: re.Match[str]) -> str:
            index = int(match[1]) - 1
            spec = levels.get(index)
            if spec is None:
                return ""
            return _formatted(spec.start - 1 + max(counters[index], 1), spec.format)

        return re.sub(r"%([1-9])", number, text)


def _formatted(value: int, fmt: str) -> str:
    if fmt in ("bullet", "none"):
        return ""
    if fmt.startswith(("chinese", "ideograph", "japanese", "taiwanese")) and 0 < value < 100:
        return chinese_ordinal(value)
    if fmt == "decimalEnclosedCircle" and 0 < value <= 20:
        return chr(0x245F + value)
    if fmt in ("lowerLetter", "upperLetter") and 0 < value <= 26:
        return chr((0x60 if fmt == "lowerLetter" else 0x40) + value)
    return str(value)


# --- the body ---------------------------------------------------------------------------------


def _paragraph_text(paragraph: Any) -> str:
    pieces: list[str] = []
    stack = [iter(paragraph)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED_IN_PARAGRAPH:
            continue
        if tag == _T:
            pieces.append(child.text or "")
        elif tag == _TAB:
            pieces.append("\t")
        elif tag in (_BR, _CR):
            pieces.append("\n")
        elif tag != _P:  # runs, hyperlinks, insertions, smart tags: their text counts
            stack.append(iter(child))
    return "".join(pieces)


class _Body:
    """The body's paragraphs, walked in order, with headings and numbers as printed."""

    def __init__(self, styles: dict[str, _Style], numbering: _Numbering) -> None:
        self._styles = styles
        self._numbering = numbering
        self._heading_counts = [0] * HEADING_DEPTHS

    def paragraph(self, element: Any) -> str:
        text = _paragraph_text(element).strip()
        properties = element.find(_w("pPr"))
        style_id = None
        num_id = None
        level = 0
        if properties is not None:
            style = properties.find(_w("pStyle"))
            style_id = None if style is None else style.get(_VAL)
            numbering = properties.find(_w("numPr"))
            if numbering is not None:
                num = numbering.find(_w("numId"))
                ilvl = numbering.find(_w("ilvl"))
                num_id = None if num is None else num.get(_VAL)
                level = (_int(ilvl.get(_VAL)) or 0) if ilvl is not None else 0
        if num_id is None and style_id in self._styles:
            num_id = self._styles[style_id].num_id
        if not text:
            return ""
        marker = self._numbering.marker(num_id, level) if num_id and num_id != "0" else ""
        heading = _heading_level(style_id, self._styles)
        if heading is not None and heading <= len(self._heading_counts):
            self._heading_counts[heading - 1] += 1
            for deeper in range(heading, len(self._heading_counts)):
                self._heading_counts[deeper] = 0
            if not marker and not _HAS_MARKER.match(text):
                marker = heading_marker(self._heading_counts[heading - 1], heading)
        if marker and not text.startswith(marker.strip()):
            return f"{marker}{text}"
        return text

    def blocks(self, container: Any) -> Iterator[str]:
        """Paragraph texts of the body or a table cell, tables flattened in reading order."""
        for child in container:
            if child.tag == _P:
                text = self.paragraph(child)
                if text:
                    yield text
            elif child.tag == _TBL:
                yield from self.table(child)
            elif child.tag in (_w("sdt"), _w("customXml"), _w("sdtContent"), _w("ins")):
                yield from self.blocks(child)  # content controls and tracked insertions

    def table(self, table: Any) -> Iterator[str]:
        for row in table.iter(_TR):
            if row.getparent() is not table:
                continue  # a nested table's rows come with its cell
            cells = [list(self.blocks(cell)) for cell in row.iter(_TC) if cell.getparent() is row]
            filled = [cell for cell in cells if cell]
            if len(filled) == 1:
                yield from filled[0]
            elif filled:
                yield "| " + " | ".join(" ".join(cell) for cell in cells) + " |"


def docx_text(data: bytes, *, source: str | None = None) -> str:
    """The text of a .docx report, one paragraph per line, for the text parser.

    Args:
        data: The file's bytes.
        source: The file name, for error messages.

    Raises:
        ParseError: Not a readable .docx, over a limit (members, sizes, ratio), a part with a
            DTD or entity declaration, or no body.
    """
    with _open(data, source) as archive:
        main = _main_part(archive, source)
        body_data = _member(archive, main, source)
        if body_data is None:
            raise ParseError("the .docx has no document body (word/document.xml)", source=source)
        styles_data = _member(archive, "word/styles.xml", source)
        numbering_data = _member(archive, "word/numbering.xml", source)
        root = _xml(body_data, main, source)
        styles = _styles(None if styles_data is None else _xml(styles_data, "styles", source))
        numbering = _Numbering(
            None if numbering_data is None else _xml(numbering_data, "numbering", source)
        )
    body = root.find(_w("body"))
    if body is None:
        raise ParseError("the .docx document has no body", source=source)
    return "\n".join(_Body(styles, numbering).blocks(body))
