"""Decoding report text files: UTF-8 by default, UTF-16 and GBK/GB18030 detected, never mojibake.

Scraped reports arrive as UTF-8 (most), UTF-8 with a BOM (Windows tools), UTF-16 (Windows
"Unicode" saves) and GBK/GB18030 (older Chinese sites and tools). `decode_text` accepts all
of them:

1. A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE).
2. Otherwise strict UTF-8: valid UTF-8 is practically never another encoding (for the rare short
   GBK text that is valid UTF-8 too, the reading that is Chinese wins).
3. Otherwise UTF-16 without a BOM, recognised by its NUL bytes, in the byte order that reads.
4. Otherwise UTF-8 with a few invalid bytes (a copy cut off inside a character): each becomes
   U+FFFD, which cleaning removes and reports as damage.
5. Otherwise GB18030 (a superset of GBK and GB2312).

A legacy decoding that merely succeeds proves little (almost any byte string is valid GB18030,
and UTF-8 read as GBK decodes without error into nonsense), so every decoding that is not UTF-8
must also *look like Chinese*: the Han characters must be mostly common ones and the rest mostly
ordinary punctuation, letters and digits. A wrong ``encoding=`` or a wrong guess is therefore a
[`ParseError`][lawgov.ParseError] that says what to try, never a report full of mojibake.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from pathlib import Path

from lawgov._errors import ParseError
from lawgov._formats.json import MAX_INPUT_BYTES
from lawgov._model.han import is_bmp_han as _is_han

__all__ = ["decode_text", "is_common_han", "read_text"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Thresholds of the plausibility test, measured on real reports and on mojibake: in Chinese prose
# over 90% of Han characters are among the 3,755 most common (GB2312 level 1); in UTF-8 read as
# GBK, or bytes read as UTF-16, a fifth or less are, and many characters fall outside the scripts
# a report uses at all.
_MIN_HAN_SAMPLE = 8
_MIN_COMMON_HAN = 0.6
_MIN_FAMILIAR = 0.9
# UTF-8 with at most this many damaged spots (or one per thousand characters) is damaged UTF-8.
_MAX_DAMAGED_UTF8 = 4
_REPLACEMENT_RUN = re.compile("\ufffd+")


# Beyond ASCII, the Latin letters and signs a report uses: pinyin with tone marks (some sites print
# pinyin annotations), measurement signs. Other Latin-1 letters are what GBK read as Latin-1 gives.
_FAMILIAR_LATIN = frozenset("\t\n\r\f\v\xa0·×÷°±§µāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ")


def is_common_han(char: str) -> bool:
    """Whether ``char`` is a common Han character (GB2312 level 1 or Big5 level 1)."""
    # Table-free and exact: GB2312 level 1 (3,755 common simplified characters) occupies lead
    # bytes 0xB0-0xD7; Big5 level 1 (5,401 common traditional characters) runs 0xA440-0xC67E.
    # Both count, because reports are published in traditional script too.
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        pass
    else:
        if 0xB0 <= encoded[0] <= 0xD7:
            return True
    try:
        encoded = char.encode("big5")
    except UnicodeEncodeError:
        return False
    return 0xA440 <= int.from_bytes(encoded[:2], "big") <= 0xC67E


def _is_familiar(char: str) -> bool:
    # Scripts and symbols a Chinese government report is written in.
    code = ord(char)
    if char in _FAMILIAR_LATIN or 0x20 <= code < 0x7F:
        return True
    if (
        0x2000 <= code <= 0x2BFF  # general punctuation, symbols, arrows, circled numbers
        or 0x3000 <= code <= 0x303F  # CJK punctuation
        or code == 0x30FB  # katakana middle dot, used between foreign names
        or 0x3200 <= code <= 0x33FF  # enclosed CJK, CJK compatibility (㎡)
        or 0xFE30 <= code <= 0xFE4F  # CJK compatibility forms (﹝﹞)
        or 0xFF01 <= code <= 0xFF60  # full-width ASCII (half-width katakana are not familiar)
        or 0xFFE0 <= code <= 0xFFE6  # full-width ￥ ￡ ￠
    ):
        return True
    return _is_han(char) or unicodedata.category(char) == "Nd"


def _looks_chinese(text: str) -> tuple[bool, str]:
    """Whether ``text`` reads as Chinese prose, with the reason when it does not."""
    if not text:
        return True, ""
    if "\x00" in text:
        return False, "it contains NUL characters"
    familiar = sum(1 for char in text if _is_familiar(char))
    if familiar / len(text) < _MIN_FAMILIAR:
        return False, f"only {familiar * 100 // len(text)}% of its characters are ordinary text"
    hans = [char for char in text if _is_han(char)]
    if len(hans) >= _MIN_HAN_SAMPLE:
        common = sum(1 for char in hans if is_common_han(char))
        if common / len(hans) < _MIN_COMMON_HAN:
            return False, f"only {common * 100 // len(hans)}% of its Chinese characters are common"
    return True, ""


def _utf16_reading(data: bytes) -> tuple[str, str] | None:
    """The UTF-16 byte order whose reading is Chinese prose, if one is.

    UTF-8 and GB18030 text never contains NUL bytes, while UTF-16 has one in every ASCII
    character (digits, line breaks) and in some Han characters (U+4E00 一): NULs mean UTF-16, and
    the byte order is the one that reads as text, the other giving nonsense.
    """
    if b"\x00" not in data or len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_chinese(text)[0]:
            return encoding, text
    return None


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few invalid bytes (a copy cut off inside a character, a stray byte), if so.

    Each invalid byte becomes U+FFFD, which cleaning removes and reports as damage. A legacy
    encoding read as UTF-8 is invalid nearly everywhere, so a handful of bad bytes in Chinese
    that otherwise reads as UTF-8 means damage, not another encoding.
    """
    text = data.decode("utf-8", errors="replace")
    # A damaged spot is a run of U+FFFD: one stray byte inside a character spoils the whole.
    spots = len(_REPLACEMENT_RUN.findall(text))
    if spots > max(_MAX_DAMAGED_UTF8, len(text) // 1000):
        return None
    # The valid part must prove itself UTF-8: many Chinese characters for each damaged spot.
    valid = text.replace("\ufffd", "")
    if sum(1 for char in valid if _is_han(char)) < max(_MIN_HAN_SAMPLE, 8 * spots):
        return None
    return text if _looks_chinese(valid)[0] else None


def _canonical(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise ParseError(f"unknown encoding {encoding!r}") from None


def _decode(data: bytes, encoding: str, source: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ParseError(
            f"cannot decode as {encoding}: invalid bytes at offset {error.start} "
            f"({data[error.start : error.start + 4].hex(' ')}); "
            "pass the file's real encoding (--encoding / encoding=)",
            source=source,
        ) from None


def _checked(text: str, encoding: str, source: str | None, *, guessed: bool) -> str:
    plausible, reason = _looks_chinese(text)
    if plausible:
        return text
    how = "guessed" if guessed else "given"
    raise ParseError(
        f"decoded as {encoding} ({how}) the text is not readable Chinese: {reason}; "
        "pass the file's real encoding (--encoding / encoding=), e.g. utf-8, gb18030 or utf-16",
        source=source,
    )


def decode_text(data: bytes, *, encoding: str | None = None, source: str | None = None) -> str:
    """Decode the bytes of a report text file.

    Args:
        data: The file's content.
        encoding: The encoding to use instead of detecting one (any Python codec name: ``utf-8``,
            ``gbk``, ``gb18030``, ``utf-16``). A BOM in the data is removed either way.
        source: The file name, for error messages.

    Returns:
        The text, without a BOM. Line breaks are left as they are.

    Raises:
        ParseError: The bytes are not valid in the given or detected encoding, the result is not
            readable Chinese (a wrong encoding), or ``encoding`` is unknown.
    """
    if encoding is not None:
        name = _canonical(encoding)
        # Python's "utf-16"/"utf-32" codecs consume a BOM; the fixed-endian ones leave U+FEFF.
        text = _decode(data, name, source).removeprefix("\ufeff")
        if name in ("utf-8", "utf-8-sig"):
            return text
        return _checked(text, name, source, guessed=False)
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], bom_encoding, source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Valid UTF-8 is nearly always meant as UTF-8, but short GBK texts can be valid UTF-8 too
        # (一 is D2 BB, Cyrillic һ in UTF-8): then the reading that is Chinese wins.
        if _looks_chinese(text)[0]:
            return text
        try:
            legacy = data.decode("gb18030")
        except UnicodeDecodeError:
            return text
        return legacy if _looks_chinese(legacy)[0] else text
    utf16 = _utf16_reading(data)
    if utf16 is not None:
        return utf16[1]
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    if b"\x00" in data:
        raise ParseError(
            "binary data, not a text file (NUL bytes, and not readable as UTF-16)",
            source=source,
        )
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise ParseError(
            "not valid UTF-8, UTF-16 or GB18030/GBK; pass the file's real encoding "
            "(--encoding / encoding=)",
            source=source,
        ) from None
    return _checked(text, "gb18030", source, guessed=True)


def read_text(path: str | os.PathLike[str], *, encoding: str | None = None) -> str:
    """Read a report text file, detecting its encoding as `decode_text` does.

    Args:
        path: The file.
        encoding: The encoding to use instead of detecting one.

    Returns:
        The decoded text.

    Raises:
        ParseError: The content cannot be decoded as readable text, or the file is larger than
            the formats' input limit (32 MiB; the command line's limit too).
        OSError: The file cannot be read.
    """
    limit = MAX_INPUT_BYTES
    with Path(path).open("rb") as handle:
        # One byte past the limit tells an oversized file without reading all of it.
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ParseError(f"input exceeds {limit} bytes", source=str(path))
    return decode_text(data, encoding=encoding, source=str(path))
