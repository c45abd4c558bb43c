"""The JSON format: [`to_json`][lawgov.to_json] and [`from_json`][lawgov.from_json], held to I-JSON
(RFC 7493).

Writing is deterministic: members in model field order, two-space indentation, non-ASCII text
unescaped, a final newline. Reading goes through the standard library parser with hooks that
enforce I-JSON: duplicate member names, ``NaN``/``Infinity``, lone surrogates and numbers outside
the IEEE double range are refused, as are inputs over `MAX_INPUT_BYTES`. Everything that is
not a lawgov report document is a [`FormatError`][lawgov.FormatError]; a document with wrong values
is a [`ValidationError`][lawgov.ValidationError] listing every problem (see `convert`).

orjson and msgspec speed things up when they are installed (the ``lawgov[fast]`` extra), and
everything works the same without them. Writing: the standard library's encoder drops to pure
Python whenever it indents; orjson writes the identical bytes about ten times faster. Reading
tries msgspec first (`msgspec`: typed decoding in C, then only the rules in
Python), then orjson, then the standard library, each only for what the one before did not
accept. orjson enforces I-JSON except for duplicate member names, which they drop silently;
lawgov counts the ``:`` of the text against the members it reads, so a document with a
duplicate (or anything unusual) falls back to the standard library parser, whose hooks refuse
duplicates and say where.
"""

from __future__ import annotations

import json
import math
from typing import Any, Final

from lawgov import _model
from lawgov._errors import FormatError
from lawgov._formats import convert as _convert
from lawgov._formats import encode as _encode
from lawgov._formats import msgspec as _msgspec
from lawgov._formats.bounds import refuse_oversized, refuse_oversized_text
from lawgov._formats.members import strict_as_parsed
from lawgov._model.limits import MAX_DOCUMENT_BYTES, MAX_INTEGER

_orjson: Any
try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - exercised by forcing _orjson = None in the tests
    _orjson = None

__all__ = ["MAX_INPUT_BYTES", "MAX_SAFE_INTEGER", "from_json", "to_json", "to_json_bytes"]

#: The largest document [`from_json`][lawgov.from_json] and [`from_xml`][lawgov.from_xml] accept,
#: in bytes (or characters, for text); the writers refuse to write a larger one.
MAX_INPUT_BYTES: Final = MAX_DOCUMENT_BYTES
#: I-JSON integers lie within ±(2**53 - 1), the range every JSON implementation reads exactly
#: (the model's `MAX_INTEGER`, under the name JSON readers know it by).
MAX_SAFE_INTEGER: Final = MAX_INTEGER


class _RefusedError(Exception):
    """Raised inside the parser hooks; turned into a FormatError with the reason."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RefusedError(f"duplicate member name {key!r} (I-JSON forbids them)")
            seen.add(key)
    return result


def _constant(name: str) -> Any:
    raise _RefusedError(f"{name} is not a JSON number (I-JSON forbids NaN and Infinity)")


def _integer(text: str) -> int:
    # Checking the length first keeps int() away from absurd digit strings.
    value = int(text) if len(text) <= 17 else MAX_SAFE_INTEGER + 1
    if abs(value) > MAX_SAFE_INTEGER:
        raise _RefusedError(
            f"integer {text[:20]}{'…' if len(text) > 20 else ''} is outside ±(2**53-1)"
        )
    return value


def _float(text: str) -> float:
    value = float(text) if len(text) <= 400 else math.inf
    if math.isinf(value):
        raise _RefusedError(f"number {text[:20]}{'…' if len(text) > 20 else ''} is out of range")
    return value


_decoder = json.JSONDecoder(
    object_pairs_hook=_pairs, parse_constant=_constant, parse_int=_integer, parse_float=_float
)
# The fast parse: objects stay tuples of pairs (a C-level hook), checked for duplicates later.
_pairs_decoder = json.JSONDecoder(
    object_pairs_hook=tuple, parse_constant=_constant, parse_int=_integer, parse_float=_float
)


def _lone_surrogate(data: Any) -> bool:
    # Iterative, so that a document nested as deep as the parser allows cannot overflow the stack.
    pending = [data]
    while pending:
        item = pending.pop()
        if type(item) is str:
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif type(item) is dict:
            pending.extend(item)
            pending.extend(item.values())
        elif type(item) is list or type(item) is tuple:
            pending.extend(item)
    return False


def _text(data: str | bytes, source: str | None) -> str:
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        if len(raw) > MAX_INPUT_BYTES:
            raise FormatError(f"input exceeds {MAX_INPUT_BYTES} bytes", source=source)
        try:
            # A UTF-8 byte-order mark is tolerated (RFC 8259 §8.1); every other encoding is not.
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FormatError(
                f"expected UTF-8 JSON, got an invalid byte at offset {error.start}", source=source
            ) from None
    if isinstance(data, str):
        if len(data) > MAX_INPUT_BYTES:
            raise FormatError(f"input exceeds {MAX_INPUT_BYTES} characters", source=source)
        try:
            data.encode("utf-8")
        except UnicodeEncodeError:
            raise FormatError(
                "expected Unicode text, got a lone surrogate", source=source
            ) from None
        return data
    raise FormatError(f"expected JSON as str or bytes, got {type(data).__name__}", source=source)


def _parse(text: str, decoder: json.JSONDecoder, source: str | None) -> Any:
    try:
        value = decoder.decode(text)
    except _RefusedError as error:
        raise FormatError(str(error), source=source) from None
    except json.JSONDecodeError as error:
        raise FormatError(
            f"expected JSON, {error.msg[0].lower()}{error.msg[1:]} - at line {error.lineno} "
            f"column {error.colno}",
            source=source,
        ) from None
    except RecursionError:
        raise FormatError("expected JSON, got nesting too deep to read", source=source) from None
    except ValueError as error:  # int() limits and other parser refusals
        raise FormatError(f"expected JSON, got {error}", source=source) from None
    # Only escapes (\ud800) can smuggle a lone surrogate past the strict decoding above.
    if "\\u" in text and _lone_surrogate(value):
        raise FormatError("lone surrogate in a string (I-JSON forbids them)", source=source)
    return value


def _decode(data: str | bytes, source: str | None) -> Any:
    return _parse(_text(data, source), _decoder, source)


def _load_orjson(data: str | bytes, source: str | None) -> _model.Report | None:
    # orjson refuses NaN, Infinity, lone surrogates, invalid UTF-8, overflowing numbers and deep
    # nesting itself, but keeps the last of duplicate names: load_counted detects those by
    # counting. Whatever this path does not accept is read again by the strict parser, which
    # also gives the precise error.
    try:
        with _convert.gc_paused():
            root = _orjson.loads(data)
            report = _convert.load_counted(root, data)
            if report is None and strict_as_parsed(root, data):
                # Parsed completely and strictly already: the problems come from this tree, not
                # from two more parses of the same text (limits: parse once per reader).
                return _convert.from_dict(root, source=source)
            return report
    except _orjson.JSONDecodeError:
        return None


def from_json(data: str | bytes, *, source: str | None = None) -> _model.Report:
    """Read a report from a lawgov JSON document.

    Args:
        data: The document, as text or UTF-8 bytes.
        source: Where it came from (a path or URL), carried by any error.

    Returns:
        The report, fully validated.

    Raises:
        FormatError: Not JSON, not I-JSON, too large, not a lawgov report or an unsupported
            version.
        ValidationError: Every wrong value, each with its path.
    """
    if isinstance(data, (str, bytes)) and len(data) <= MAX_INPUT_BYTES:
        if _msgspec.available():
            report = _msgspec.load(data)
            if report is not None:
                return report
        if _orjson is not None:
            report = _load_orjson(data, source)
            if report is not None:
                return report
    text = _text(data, source)
    with _convert.gc_paused():
        report = _convert.load_pairs(_parse(text, _pairs_decoder, source), source=source)
    if report is not None:
        return report
    # Duplicates, a newer minor version or a problem: parse strictly, then find every problem.
    return _convert.from_dict(_parse(text, _decoder, source), source=source)


def _unsafe_integer(data: Any) -> bool:
    pending = [data]
    while pending:
        item = pending.pop()
        if type(item) is int:
            if abs(item) > MAX_SAFE_INTEGER:
                return True
        elif type(item) is dict:
            pending.extend(item.values())
        elif type(item) is list:
            pending.extend(item)
    return False


def to_json_bytes(report: _model.Report) -> bytes:
    """Write a report as the UTF-8 bytes of [`to_json`][lawgov.to_json], encoded once.

    For a file, a socket or an HTTP body: the same document as ``to_json(report).encode()``,
    without the text in between (with orjson installed, the bytes are what it writes).

    Raises:
        FormatError: As [`to_json`][lawgov.to_json].
        TypeError: As [`to_json`][lawgov.to_json].
    """
    if not isinstance(report, _model.Report):
        raise TypeError(f"expected a lawgov Report, got {type(report).__name__}")
    if _orjson is not None:
        try:
            encoded = _encode.to_json_bytes(report)
        except _orjson.JSONEncodeError as error:
            raise FormatError(f"cannot write the report as I-JSON: {error}") from None
        if encoded is not None:
            refuse_oversized(len(encoded), "JSON")  # limits: what readers refuse is not written
            return encoded
    return _standard_text(report).encode("utf-8")


def _standard_text(report: _model.Report) -> str:
    # The same text as orjson's, from the standard library (pure Python when it indents).
    data = _convert.to_dict(report)
    if _unsafe_integer(data):
        raise FormatError("cannot write the report as I-JSON: integer outside ±(2**53-1)")
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise FormatError("cannot write the report as I-JSON: lone surrogate") from None
    refuse_oversized_text(text, "JSON")  # limits: what readers refuse is not written
    return text


def to_json(report: _model.Report) -> str:
    """Write a report as a lawgov JSON document (deterministic: same report, same text).

    The text is UTF-8 ready, indented by two spaces, with members in model field order and a
    final newline; non-ASCII characters are written as they are, control characters escaped.

    Raises:
        FormatError: A string holds a lone surrogate (UTF-8 cannot carry it), an integer lies
            outside ±(2**53-1) (I-JSON readers cannot read it exactly), or the document would
            exceed `MAX_INPUT_BYTES`, which no reader accepts.
        TypeError: ``report`` is not a [`Report`][lawgov.Report].
    """
    if _orjson is None or not _encode.available():
        if not isinstance(report, _model.Report):
            raise TypeError(f"expected a lawgov Report, got {type(report).__name__}")
        return _standard_text(report)
    return to_json_bytes(report).decode("utf-8")
