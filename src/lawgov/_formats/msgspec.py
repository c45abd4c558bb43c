"""The msgspec fast path of [`lawgov.from_json`][lawgov.from_json], used when msgspec is installed.

msgspec decodes the document in C into types generated from
`field_specs`: a `msgspec.Struct` mirror of the report with the
header, and below it attrs *twins* of the other model classes, plain classes with the same slots
(see `construct`). msgspec checks what these declare: the JSON itself (NaN,
Infinity, lone surrogates and invalid UTF-8 refused), every member present, and the exact type
of every value (strings, integers within ±(2**53-1) without bool or float, arrays, enum values,
the header). Generated Python then walks the twins and checks only what types cannot say: blank
text, canonical decimals, datetimes and dates, nesting depth, and the rules of
``convert._RULE_LINES`` and the numbering, shared with ``lawgov._formats.convert``. It
stores the converted decimals and dates into each twin and assigns the model class as its
``__class__``: the tree msgspec built becomes the model tree in place, with no object built
twice. A walk that fails part way leaves a tree nobody holds.

msgspec keeps the last of duplicate member names silently, which I-JSON forbids, and ignores
unknown members of the twins. Every field is required, so each object holds at least its class's
members, and exactly that many when no name repeats and none is unknown.
`member_bound` bounds the names in the text from above (its ``:`` less
those of the report's own texts); when that bound equals the members the types require, no name
was repeated or unknown. A colon inside a deeper string only makes the bound larger, and the
document then goes to the next reader.

Whatever this path does not accept returns None, and [`lawgov.from_json`][lawgov.from_json] reads
the document with the next reader (orjson, then the standard library), which gives the precise error
or accepts what this path left undecided: omitted optional members, a newer minor version,
colons in deeper texts, decimals in a plain spelling that is not ``str(Decimal)``'s.
"""

from __future__ import annotations

import gc
import operator
import typing
from typing import Any, Final

import attrs

from lawgov import _model
from lawgov._formats import convert as _convert
from lawgov._formats.codegen import run_generated
from lawgov._model import construct as _construct
from lawgov._model.limits import MAX_INTEGER, MAX_TEXT_LENGTH

_msgspec: Any
try:
    import msgspec as _msgspec
except ImportError:  # pragma: no cover - exercised by forcing _msgspec = None in the tests
    _msgspec = None

__all__ = ["available", "load"]

_SAFE: Final = MAX_INTEGER


def _annotation(spec: _convert.FieldSpec) -> str:
    kind = spec.kind
    if kind == "int":
        item = "INT"
    elif kind == "enum":
        item = f"E_{spec.target.__name__}"
    elif kind == "model":
        item = f"W_{spec.target.__name__}"
    elif kind == "decimal":
        item = "DECIMAL"
    elif kind == "str":
        item = "TEXT"
    else:  # datetimes and dates as the strings that spell them
        item = "str"
    if spec.many:
        return f"tuple[{item}, ...]"
    return f"{item} | None" if spec.optional else item


def _class_source(cls: type) -> str:
    """The root's Struct mirror (with the header) or, below it, a model class's attrs twin."""
    name = cls.__name__
    if cls is _model.Report:
        lines = [f"class M_{name}(Struct, forbid_unknown_fields=True, gc=False):"]
        lines.append("    format: FORMAT")
        lines.append("    version: VERSION")
    else:
        lines = ["@attrs.define(weakref_slot=False)", f"class W_{name}:"]
    # No defaults: a member left out fails here, and the counting argument needs every one.
    lines.extend(f"    {spec.name}: {_annotation(spec)}" for spec in _convert.field_specs(cls))
    return "\n".join(lines)


def _needs_depth(cls: type, seen: frozenset[type] = frozenset()) -> bool:
    # Sections and measures nest, and their depth counts together (as in lawgov._formats.convert):
    # every class that is or holds a nesting class passes the depth on.
    specs = _convert.field_specs(cls)
    if any(spec.target is cls for spec in specs):
        return True
    return any(
        _needs_depth(spec.target, seen | {cls})
        for spec in specs
        if spec.kind == "model" and spec.target not in seen
    )


def _params(cls: type) -> list[str]:
    # Only what a class's function uses.
    params = ["o"]
    if _needs_depth(cls):
        params.append("depth")
    if any(spec.kind == "model" for spec in _convert.field_specs(cls)):
        params.append("cnt")
    return params


def _call(target: type, var: str) -> str:
    return f"w_{target.__name__}({', '.join([var, *_params(target)[1:]])})"


def _value_lines(spec: _convert.FieldSpec, var: str, indent: str, root: bool) -> list[str]:
    """Lines that check ``var`` (one item, type already checked by msgspec) and convert it.

    Below the root a converted value is also stored back into the twin.
    """
    kind = spec.kind
    store = "" if root else f"o.{spec.name} = "
    if kind == "str":
        # msgspec has refused the empty string (TEXT); a blank one is refused here.
        return [f"{indent}if {var}.isspace(): raise INVALID"]
    if kind == "decimal":
        # Only the canonical spelling (what str() gives back) passes; the strict path reads the
        # other plain spellings (0.00000001 for 1E-8) and refuses the rest with a message.
        return [
            f"{indent}x = DEC({var})",
            f"{indent}if str(x) != {var} or not x.is_finite(): raise INVALID",
            f"{indent}if 'E' in {var} and BIG_EXPONENT({var}): raise INVALID",  # limits
            f"{indent}{var} = {store}x",
        ]
    if kind in ("datetime", "date"):
        return [
            f"{indent}{var} = {store}parse_iso_{kind}({var})",
            f"{indent}if {var} is None: raise INVALID",
        ]
    if kind == "model":
        target = spec.target.__name__
        return [f"{indent}cnt[0] += F_{target}", f"{indent}{_call(spec.target, var)}"]
    return []  # int and enum: msgspec has checked the value completely


def _walk_source(cls: type, namespace: dict[str, Any]) -> str:
    """``m_Report``, which builds the report from its mirror, or ``w_<class>``, which checks a
    twin in place and makes it a model object."""
    name = cls.__name__
    root = cls is _model.Report
    specs = _convert.field_specs(cls)
    lines = [f"def {'m' if root else 'w'}_{name}({', '.join(_params(cls))}):"]
    if any(spec.target is cls for spec in specs):
        lines += ["    depth += 1", f"    if depth > {_convert.MAX_DEPTH}: raise INVALID"]
    for spec in specs:
        var = f"v_{spec.name}"
        lines.append(f"    {var} = o.{spec.name}")
        if spec.many:
            if spec.kind == "str":
                # map() tests every item without a loop here.
                lines.append(f"    if {var} and any(map(ISSPACE, {var})): raise INVALID")
            elif spec.kind == "model":
                target = spec.target.__name__
                lines.append(f"    if {var}:")
                lines.append(f"        cnt[0] += F_{target} * len({var})")
                lines.append(f"        for i in {var}: {_call(spec.target, 'i')}")
                if spec.name in _convert._NUMBERED:
                    lines.append(f"        for n, i in enumerate({var}, 1):")
                    lines.append("            if i.number != n: raise INVALID")
            else:
                raise TypeError(f"unsupported tuple field {name}.{spec.name}")
            continue
        checks = _value_lines(spec, var, "        " if spec.optional else "    ", root)
        if checks and spec.optional:
            lines.append(f"    if {var} is not None:")
        lines += checks
    lines.extend(f"    {line}" for line in _convert._RULE_LINES.get(name, ()))
    if root:
        # The mirror's tuples hold the twins, which are model objects by now.
        fields = [spec.name for spec in specs]
        lines.extend(f"    {line}" for line in _construct.construction(cls, fields, "r", namespace))
        lines.append("    return r")
    else:
        lines.append(f"    o.__class__ = C_{name}")
    return "\n".join(lines)


def _compile() -> tuple[Any, Any]:
    """The decoder and the function that makes its result a report; Nones where the
    interpreter cannot turn twins into model objects."""
    classes = _convert.model_classes()
    # The names the rule lines share with the fast pass, then this path's own.
    namespace: dict[str, Any] = {
        **_convert.fast_names(),
        "__name__": __name__,
        "attrs": attrs,
        "Struct": _msgspec.Struct,
        "INT": typing.Annotated[int, _msgspec.Meta(ge=-_SAFE, le=_SAFE)],
        "DECIMAL": typing.Annotated[str, _msgspec.Meta(max_length=_convert.MAX_DECIMAL_LENGTH)],
        "TEXT": typing.Annotated[str, _msgspec.Meta(min_length=1, max_length=MAX_TEXT_LENGTH)],
        "FORMAT": typing.Literal[_convert.FORMAT_NAME],
        "VERSION": typing.Literal[_convert.FORMAT_VERSION],
        "ISSPACE": str.isspace,
    }
    # Twins and the mirror refer to each other (and sections and measures to themselves), so
    # their annotations stay strings until the decoder is built, when all of them exist.
    sources = ["from __future__ import annotations"]
    for cls in reversed(classes):
        specs = _convert.field_specs(cls)
        namespace[f"F_{cls.__name__}"] = len(specs)
        for spec in specs:
            if spec.kind == "enum":
                namespace[f"E_{spec.target.__name__}"] = spec.target
        sources.append(_class_source(cls))
        sources.append(_walk_source(cls, namespace))
    run_generated("\n\n".join(sources), "lawgov._formats.msgspec", namespace)
    if not all(
        _construct.becomes(namespace[f"W_{cls.__name__}"], cls)
        for cls in classes
        if cls is not _model.Report
    ):
        return None, None  # pragma: no cover - CPython accepts every twin
    # msgspec resolves the string annotations through their module's globals (the generated
    # classes carry this module's name): the types they name are placed there.
    globals().update(
        (key, value)
        for key, value in namespace.items()
        if key in ("INT", "DECIMAL", "TEXT", "FORMAT", "VERSION")
        or key.startswith(("M_", "W_", "E_"))
    )
    decoder = _msgspec.json.Decoder(namespace["M_Report"])
    return decoder, namespace["m_Report"]


# Compiled on the first load (not at import): the decoder, and the function that makes its
# result a report; [] before.
_COMPILED: list[tuple[Any, Any]] = []

# The values of the report's own text fields, read from its mirror in one call.
_ROOT_TEXTS: Final = operator.attrgetter(*_convert.ROOT_TEXTS)

# The root object's members: the header's two and the report's fields.
_REPORT_MEMBERS: Final = 2 + len(_convert.field_specs(_model.Report))


def available() -> bool:
    """Whether msgspec is installed (and this path in use); compiles the path on first call."""
    if _msgspec is None:
        return False
    if not _COMPILED:
        _COMPILED.append(_compile())
    return _COMPILED[0][0] is not None


def load(data: str | bytes) -> _model.Report | None:
    """The report in a JSON document, or None when this fast path does not accept it.

    The caller must have bounded the input size. None means: read the document through the
    strict path, which refuses it with the precise error or accepts it.
    """
    if not available():
        return None
    decoder, convert_report = _COMPILED[0]
    # The walk checks texts for blanks only. JSON refuses raw control characters, so a text can
    # hold a character the model refuses (unwritable_character) only through an escape or as
    # U+FFFE or U+FFFF written out: such documents go to the next reader, which checks each text.
    # A search for one character in text runs at memory speed, while a search for the three
    # bytes that spell U+FFFE in UTF-8 crawls over CJK text (whose bytes keep matching the last
    # one): bytes are decoded once (which also checks their UTF-8) and searched as text.
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        return None  # the next reader says where
    if "\\" in text or "\ufffe" in text or "\uffff" in text:
        return None
    # The cyclic collector is paused, as in lawgov._formats.convert.gc_paused (without its overhead,
    # which shows on small documents).
    enabled = gc.isenabled()
    gc.disable()
    try:
        mirror = decoder.decode(data)
        # The header's two members and the report's; the conversion adds every nested object's.
        cnt = [_REPORT_MEMBERS]
        _convert._refresh_max_year()
        report = convert_report(mirror, 0, cnt)
    except (
        _msgspec.MsgspecError,
        _convert._InvalidError,
        ValueError,  # also UnicodeError: invalid UTF-8 bytes, a lone surrogate in a str
        ArithmeticError,
        RecursionError,
    ) as error:
        _convert.forget(error)
        return None
    finally:
        if enabled:
            gc.enable()
    bound = _convert.member_bound(text, _ROOT_TEXTS(mirror))
    return typing.cast(_model.Report, report) if cnt[0] == bound else None
