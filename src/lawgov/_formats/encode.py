"""The JSON writer's fast path: generated code that hands orjson the report almost as it is.

`to_dict` builds plain data that any JSON encoder takes: lists,
enum values, a function call per object. orjson writes tuples itself, so the code generated
here leaves them as they are, reads each enum's plain ``_value_``, skips the comprehension of
an empty tuple, and inlines the objects of every class that cannot nest (metrics, citations,
...) into the expression of their parent: only reports, sections and measures have functions,
and even these are inlined once (a report's sections and their measures, a section's measures),
called only where they nest, since a call costs more than the dict it returns.
Only decimals, datetimes and dates are converted, and ``format`` and ``version`` lead the root
object. orjson then writes the bytes [`lawgov.to_json`][lawgov.to_json] gives, newline included, in
one call; `to_json_bytes` keeps them as bytes for files and the command line, which would
otherwise encode the text again.

(msgspec encoding the attrs objects directly would be faster still, but it writes the fields of
a slotted class in the order CPython lays out their slots, sorted by name, not in field order.)

The generated source is registered with `linecache` (as attrs does for its generated
methods), so a traceback through it shows the line. It is compiled on the first call, which
keeps it out of ``import lawgov``. Without orjson (the ``fast`` extra) `to_json_bytes`
returns None and the caller writes with the standard library, byte for byte the same.
"""

from __future__ import annotations

import linecache
from typing import Any, Final

from lawgov import _model
from lawgov._formats import convert as _convert

__all__ = ["available", "to_json_bytes"]

_orjson: Any
try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - exercised by forcing _orjson = None in the tests
    _orjson = None

_FILENAME: Final = "<lawgov._formats.encode generated>"


def _leaf(cls: type, seen: frozenset[type] = frozenset()) -> bool:
    """Whether ``cls`` cannot hold itself, however deep: its dicts are then inlined."""
    return cls is not _model.Report and all(
        spec.target not in seen | {cls} and _leaf(spec.target, seen | {cls})
        for spec in _convert.field_specs(cls)
        if spec.kind == "model"
    )


def _value(spec: _convert.FieldSpec, var: str, inlined: frozenset[type]) -> str:
    """The expression for one value ``var`` (never None) of a field."""
    kind = spec.kind
    if kind == "decimal":
        return f"str({var})"
    if kind in ("datetime", "date"):
        return f"{var}.isoformat()"
    if kind == "model":
        return _object(spec.target, var, inlined)
    if kind == "enum":
        # The member's plain attribute: orjson would look up ``value``, a slower descriptor.
        return f"{var}._value_"
    return var  # str and int


def _object(cls: type, var: str, inlined: frozenset[type]) -> str:
    """The expression for one object ``var`` of ``cls``: a dict display, or a call.

    A class that can nest is inlined once on each path from a function (a report's sections,
    their measures), and called where it nests (subsections, submeasures): a call per object
    costs more than the object's own display, and nested items are rare.
    """
    if cls in inlined:
        return f"u_{cls.__name__}({var})"
    inner = inlined if _leaf(cls) else inlined | {cls}
    members = (_member(spec, f"{var}.{spec.name}", inner) for spec in _specs(cls))
    return "{" + ", ".join(members) + "}"


def _specs(cls: type) -> tuple[_convert.FieldSpec, ...]:
    return _convert.field_specs(cls)


def _member(spec: _convert.FieldSpec, attr: str, inlined: frozenset[type]) -> str:
    if spec.many and spec.kind in ("str", "int"):
        expr = attr  # a tuple of plain values: orjson writes it as an array
    elif spec.many:
        # A called item gets its own name: the inlined item of the same class may be in scope.
        item = f"{'n' if spec.target in inlined else 'i'}_{spec.target.__name__}"
        expr = f"[{_value(spec, item, inlined)} for {item} in {attr}] if {attr} else ()"
    elif spec.optional and spec.kind not in ("str", "int"):
        expr = f"None if {attr} is None else {_value(spec, attr, inlined)}"
    else:
        expr = _value(spec, attr, inlined)
    return f"{spec.name!r}: {expr}"


def _function_source(cls: type) -> str:
    lines = [f"def u_{cls.__name__}(o):", "    return {"]
    if cls is _model.Report:
        lines.append(f"        'format': {_convert.FORMAT_NAME!r},")
        lines.append(f"        'version': {_convert.FORMAT_VERSION!r},")
    inlined = frozenset({cls})
    lines.extend(f"        {_member(spec, f'o.{spec.name}', inlined)}," for spec in _specs(cls))
    lines.append("    }")
    return "\n".join(lines)


def source() -> str:
    """The generated module: a function per class that can nest, and the report's."""
    return "\n\n".join(_function_source(cls) for cls in _convert.model_classes() if not _leaf(cls))


def _compile() -> Any:
    text = source() + "\n"
    linecache.cache[_FILENAME] = (len(text), None, text.splitlines(keepends=True), _FILENAME)
    namespace: dict[str, Any] = {"__name__": __name__}
    exec(compile(text, _FILENAME, "exec"), namespace)
    return namespace["u_Report"]


_DATA: list[Any] = []
_OPTIONS: Final = (
    0
    if _orjson is None
    else _orjson.OPT_INDENT_2 | _orjson.OPT_STRICT_INTEGER | _orjson.OPT_APPEND_NEWLINE
)


def available() -> bool:
    """Whether orjson is installed (and this path in use)."""
    return _orjson is not None


def to_json_bytes(report: _model.Report) -> bytes | None:
    """The UTF-8 bytes of [`lawgov.to_json`][lawgov.to_json], or None without orjson.

    Raises:
        orjson.JSONEncodeError: A string holds a lone surrogate or an integer lies outside
            ±(2**53-1); the caller turns it into a [`FormatError`][lawgov.FormatError].
    """
    if _orjson is None:
        return None
    if not _DATA:
        _DATA.append(_compile())
    encoded: bytes = _orjson.dumps(_DATA[0](report), option=_OPTIONS)
    return encoded
