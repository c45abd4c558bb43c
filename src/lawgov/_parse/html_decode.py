"""Decoding the bytes of a published page: declared, sniffed or wrongly declared, never mojibake.

Government pages arrive as UTF-8, GBK, GB2312 or GB18030, declared by a byte-order mark, a
``<meta charset>``, an ``http-equiv="Content-Type"`` meta, an XML declaration, or not at all, and
some declare one encoding while their bytes are in another. `decode_page` reads them as a
browser does, and more carefully:

1. A byte-order mark decides.
2. Valid UTF-8 that contains non-ASCII bytes is UTF-8, whatever the page declares (GBK bytes are
   practically never valid UTF-8; a page declared GBK whose bytes are UTF-8 was re-saved), unless
   only the declared legacy reading looks like Chinese.
3. The declared encoding, when it decodes without error; GB2312 and GBK declarations are read as
   GB18030 (their superset), as browsers do.
4. Otherwise GB18030 (the undeclared or wrongly declared legacy page), then UTF-16 recognised by
   its NUL bytes, then UTF-8 or GB18030 with a few damaged bytes.

Every legacy reading must also look like Chinese (see `_encoding`); anything else is
a [`ParseError`][lawgov.ParseError] that says what was tried.
"""

from __future__ import annotations

import codecs
import re

from lawgov._errors import ParseError
from lawgov._parse import encoding as _encoding

__all__ = ["PAGE_SUFFIXES", "declared_encoding", "decode_page", "looks_like_page"]

# Browsers look for the declaration in the first 1024 bytes; real CMS templates put a long
# comment or script first often enough that a wider window is worth it.
_PRESCAN = 4096

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)

# Labels that browsers (the WHATWG Encoding standard) read as GB18030's subset, GBK.
_GB_LABELS = frozenset(
    {
        "gb2312",
        "gb_2312",
        "gb_2312-80",
        "gbk",
        "x-gbk",
        "cp936",
        "ms936",
        "windows-936",
        "csgb2312",
        "chinese",
        "euc-cn",
        "iso-ir-58",
        "csiso58gb231280",
        "gb18030",
    }
)
# Declarations that say nothing about Chinese text: templates copied from Western defaults.
_SINGLE_BYTE = frozenset({"ascii", "latin_1", "iso8859-1", "cp1252", "us-ascii", "iso-8859-1"})
_MAX_DAMAGED = 4
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def declared_encoding(data: bytes) -> str | None:
    """The Python codec a page declares (BOM aside), normalised as browsers do; None if none.

    GB2312 and GBK labels become ``gb18030``; an unknown label counts as no declaration.
    """
    head = data[:_PRESCAN]
    found = _XML_DECLARATION.search(head) or _META_CHARSET.search(head)
    if found is None:
        return None
    label = found.group(1).decode("ascii", "replace").strip().lower()
    if label in _GB_LABELS:
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _chinese(text: str) -> bool:
    return _encoding._looks_chinese(text)[0]


def _marked(text: str) -> str:
    """A GB18030 reading with its private-use characters marked as damage (U+FFFD).

    GB18030 maps its user-defined areas to the private-use plane, which no report uses; they
    appear where a byte was lost and the reading slipped out of step, and cleaning removes and
    reports U+FFFD as damage instead of keeping the slip silently.
    """
    return _PRIVATE_USE.sub("\ufffd", text)


def _damaged(data: bytes, encoding: str) -> str | None:
    """A reading with a handful of bad bytes (a page cut off mid-character), if that is all."""
    text = data.decode(encoding, errors="replace")
    spots = text.count("\ufffd")
    if spots > max(_MAX_DAMAGED, len(text) // 1000):
        return None
    return text if _chinese(text.replace("\ufffd", "")) else None


def decode_page(data: bytes, *, source: str | None = None) -> str:
    """Decode the bytes of an HTML page.

    Args:
        data: The page as fetched.
        source: Where it came from (a file name or URL), for error messages.

    Returns:
        The page as text, without a BOM.

    Raises:
        ParseError: No encoding reads the bytes as text (binary data, or a legacy encoding whose
            reading is not Chinese).
    """
    for bom, encoding in _encoding._BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding)
            if text is None:
                raise ParseError(
                    f"the page starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding}",
                    source=source,
                )
            return text
    declared = declared_encoding(data)
    utf8 = _strict(data, "utf-8")
    if utf8 is not None and (utf8.isascii() or declared in (None, "utf-8")):
        return utf8
    if utf8 is not None:
        # Valid UTF-8 with Chinese in it, declared otherwise: UTF-8, unless only the declared
        # reading is Chinese (a short GBK page can be valid UTF-8 by accident).
        legacy = _strict(data, declared) if declared else None
        if legacy is not None and _chinese(legacy) and not _chinese(utf8):
            return legacy
        return utf8
    if declared is not None and declared not in ("utf-8", *_SINGLE_BYTE):
        text = _strict(data, declared)
        if text is not None and (declared != "gb18030" or _chinese(text)):
            return _marked(text) if declared == "gb18030" else text
    text = _strict(data, "gb18030")
    if text is not None and _chinese(text):
        return _marked(text)
    utf16 = _encoding._utf16_reading(data)
    if utf16 is not None:
        return utf16[1]
    for encoding in ("utf-8", "gb18030"):
        damaged = _damaged(data, encoding)
        if damaged is not None:
            return damaged
    if declared in _SINGLE_BYTE:
        text = _strict(data, declared or "ascii")
        if text is not None:
            return text
    said = f"declared {declared}" if declared else "no declared encoding"
    raise ParseError(
        f"cannot decode the page ({said}): not valid UTF-8, and not readable as GB18030/GBK or "
        "UTF-16 either; pass the page as text decoded with its real encoding",
        source=source,
    )


#: File suffixes of published pages (``lawgov parse`` reads them with :func:`lawgov.parse_html`).
PAGE_SUFFIXES = frozenset({".html", ".htm", ".shtml"})
_PAGE_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
    re.I | re.S,
)
_SNIFF = 4096


def looks_like_page(data: bytes) -> bool:
    """Whether bytes start as an HTML document does (``<!DOCTYPE html``, ``<html``)."""
    return bool(_PAGE_START.match(data[:_SNIFF]))
