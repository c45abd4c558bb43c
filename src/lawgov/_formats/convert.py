"""The one converter between the model and plain data, shared by the JSON and XML formats.

It owns:

* the *field specs*: what each attrs field of the model holds (text, integer, exact decimal,
  datetime, date, enum, nested class, tuple of either), read once from the attrs fields and type
  hints; `schemas` and `xml` walk the same specs;
* [`to_dict`][lawgov.to_dict], per-class unstructure functions generated from the specs (the dict is
  the JSON
  shape: decimals and dates as strings, enums as values, tuples as lists);
* [`from_dict`][lawgov.from_dict] (and `load_pairs` for the JSON parser's output), strict loading in
  two passes. The fast pass runs generated per-class functions that check every type exactly (no
  coercion at all) and every validation rule inline, and build the frozen objects through their
  slots; it gives up at the first doubt. Only then the slow pass walks the data again, collects
  every type problem with its path, builds the tree with checks off and adds every rule problem
  from `tree_problems`, so one [`ValidationError`][lawgov.ValidationError] lists
  them all (in document order) and no half-built object ever reaches the caller.

Stock cattrs structuring is not used for loading: its default hooks coerce (``None`` → ``'None'``,
``3.7`` → 3, ``"ab"`` → ``['a', 'b']``) and it is slower than the generated functions here.
"""

from __future__ import annotations

import contextlib
import enum
import gc
import re
import time
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any, Final

import attrs
import pendulum

from lawgov import _model
from lawgov._errors import MAX_PROBLEMS, FormatError, Problem, ProblemList, ValidationError
from lawgov._formats.codegen import run_generated
from lawgov._model import classes as _classes
from lawgov._model import construct as _construct
from lawgov._model import limits, rules
from lawgov._model.docnumber import ISSUER_CODE

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_DECIMAL_LENGTH",
    "MAX_DEPTH",
    "ROOT_TEXTS",
    "FieldSpec",
    "check_header",
    "collect",
    "fast_names",
    "field_specs",
    "from_dict",
    "gc_paused",
    "join_path",
    "json_kind",
    "load_body",
    "load_counted",
    "load_pairs",
    "member_bound",
    "merge_problems",
    "parse_decimal",
    "parse_iso_date",
    "parse_iso_datetime",
    "to_dict",
]

#: The value of the ``format`` member that marks a lawgov report document.
FORMAT_NAME: Final = "lawgov-report"
#: The format version lawgov writes: ``major.minor``. See :func:`check_header` for the rule.
FORMAT_VERSION: Final = "1.0"
_MAJOR, _MINOR = (int(part) for part in FORMAT_VERSION.split("."))

#: Sections inside sections (and measures inside measures) nest at most this deep.
MAX_DEPTH: Final = limits.MAX_DEPTH
#: A decimal is written in at most this many characters (sign, digits, point, exponent).
MAX_DECIMAL_LENGTH: Final = limits.MAX_DECIMAL_LENGTH

# Exactly what str(Decimal) writes for finite values: exact digits, trailing zeros and exponent
# kept, so Decimal(text) gives back the identical Decimal (same digits, same exponent). The
# exponent has at most three digits (limits.MAX_DECIMAL_EXPONENT), so Decimal() never overflows.
DECIMAL_PATTERN: Final = r"-?(0|[1-9][0-9]*)(\.[0-9]+)?(E[+-][0-9]{1,3})?"
_DECIMAL = re.compile(DECIMAL_PATTERN)
# Any length and exponent: a number, but beyond the decimal limits (the decimal_range rule).
_ANY_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?(E[+-][0-9]+)?")
# An exponent of four digits or more, in a text that str(Decimal) wrote.
_BIG_EXPONENT = re.compile(r"E[+-][0-9]{4}")
DATE_PATTERN: Final = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# ISO 8601 extended form as datetime.isoformat() writes it; the offset is optional on input only
# so that a naive time is reported by the naive_datetime rule rather than as a syntax error.
DATETIME_PATTERN: Final = (
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?([+-][0-9]{2}:[0-9]{2}|Z)"
)
_DATETIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,6}))?"
    r"(?:([+-])([0-9]{2}):([0-9]{2})|(Z))?"
)
#: A format version as documents write it, ``major.minor`` (the XSD's ``Version`` type).
VERSION_PATTERN: Final = r"([0-9]{1,4})\.([0-9]{1,4})"
_VERSION = re.compile(VERSION_PATTERN)


class _InvalidError(Exception):
    """Raised by the fast pass at the first problem; the slow pass then says what and where."""


_INVALID: Final = _InvalidError()


#: What a fast pass raises when it gives up on a document (the slow pass then decides).
FAST_PASS_GAVE_UP: Final = (
    _InvalidError,
    KeyError,
    TypeError,
    ValueError,
    ArithmeticError,
    RecursionError,
)


def forget(error: BaseException) -> None:
    """Drop a caught exception's traceback.

    The fast passes raise one shared `_INVALID`; the traceback it keeps would hold the
    frames of the last failed load, and with them its input and any objects half built from it.
    """
    error.__traceback__ = None


# --- field specs ------------------------------------------------------------------------------


@attrs.frozen
class FieldSpec:
    """What one model field holds, as the formats need to know it.

    Attributes:
        name: The attribute name (also the JSON member name).
        kind: One of ``str``, ``int``, ``decimal``, ``datetime``, ``date``, ``enum``, ``model``.
        optional: Whether None is allowed.
        many: Whether the field is a tuple of ``kind`` items.
        target: The enum class (``enum``) or attrs class (``model``), else None.
        required: Whether the field has no default (must be present when loading).
        default: The default value when not required.
    """

    name: str
    kind: str
    optional: bool
    many: bool
    target: Any
    required: bool
    default: Any


_SCALARS: dict[Any, str] = {
    str: "str",
    int: "int",
    Decimal: "decimal",
    pendulum.DateTime: "datetime",
    pendulum.Date: "date",
}

_SPECS: dict[type, tuple[FieldSpec, ...]] = {}


def _classify(hint: Any) -> tuple[str, bool, bool, Any]:
    optional = False
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        rest = [arg for arg in args if arg is not type(None)]
        optional = len(rest) < len(args)
        if len(rest) != 1:
            raise TypeError(f"unsupported union {hint!r}")
        hint = rest[0]
    many = False
    if typing.get_origin(hint) is tuple:
        many = True
        hint = typing.get_args(hint)[0]
    if hint in _SCALARS:
        return _SCALARS[hint], optional, many, None
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "enum", optional, many, hint
    if attrs.has(hint):
        return "model", optional, many, hint
    raise TypeError(f"unsupported field type {hint!r}")


def field_specs(cls: type) -> tuple[FieldSpec, ...]:
    """The specs of a model class's fields, in declaration order (cached)."""
    specs = _SPECS.get(cls)
    if specs is None:
        hints = typing.get_type_hints(cls, vars(_classes))
        built = []
        for field in attrs.fields(cls):
            kind, optional, many, target = _classify(hints[field.name])
            required = field.default is attrs.NOTHING
            built.append(
                FieldSpec(
                    name=field.name,
                    kind=kind,
                    optional=optional,
                    many=many,
                    target=target,
                    required=required,
                    default=None if required else field.default,
                )
            )
        specs = _SPECS[cls] = tuple(built)
    return specs


def model_classes() -> list[type]:
    """Every model class reachable from [`Report`][lawgov.Report], Report first."""
    seen: list[type] = []
    pending: list[type] = [_model.Report]
    while pending:
        cls = pending.pop(0)
        if cls in seen:
            continue
        seen.append(cls)
        pending.extend(spec.target for spec in field_specs(cls) if spec.kind == "model")
    return seen


# --- scalar parsing -------------------------------------------------------------------------

_ZONES: dict[int, pendulum.FixedTimezone] = {}


def _zone(seconds: int) -> pendulum.FixedTimezone:
    zone = _ZONES.get(seconds)
    if zone is None:
        zone = _ZONES[seconds] = pendulum.FixedTimezone(seconds)
    return zone


def parse_decimal(text: str) -> Decimal | None:
    """The exact Decimal written as ``text``, or None when it is not a plain decimal string."""
    if len(text) > MAX_DECIMAL_LENGTH or _DECIMAL.fullmatch(text) is None:
        return None
    return Decimal(text)


def parse_iso_datetime(text: str) -> pendulum.DateTime | None:
    """The datetime written in ISO 8601 extended form (offset kept, naive if none), or None.

    The formats' reader: the whole of ``text`` must be ``YYYY-MM-DDTHH:MM:SS[.ffffff][±HH:MM|Z]``,
    as lawgov JSON and XML write it. The parser's reader of dates printed in report text
    (``2021年2月26日``, China time, anywhere in a line) is ``lawgov._parse.header.parse_datetime``.
    """
    match = _DATETIME.fullmatch(text)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, sign, oh, om, zulu = match.groups()
    tz: pendulum.FixedTimezone | None = None
    if sign is not None:
        hours, minutes = int(oh), int(om)
        if hours > 23 or minutes > 59:
            return None
        offset = hours * 3600 + minutes * 60
        tz = _zone(-offset if sign == "-" else offset)
    elif zulu is not None:
        tz = _zone(0)
    try:
        return pendulum.DateTime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second),
            int(fraction.ljust(6, "0")) if fraction else 0,
            tzinfo=tz,
        )
    except ValueError:
        return None


def parse_iso_date(text: str) -> pendulum.Date | None:
    """The calendar date written as ``YYYY-MM-DD`` (the whole of ``text``), or None."""
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    try:
        return pendulum.Date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def json_kind(value: object) -> str:
    """How a value reads in JSON terms, for messages ("got string")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


# --- header ---------------------------------------------------------------------------------


def check_header(format_name: object, version: object, *, where: str = "") -> bool:
    """Check a document's format marker and version; return whether unknown fields are allowed.

    The version rule: a higher *major* version than [`FORMAT_VERSION`][lawgov.FORMAT_VERSION] is
    refused (its meaning may have changed); a higher *minor* version of the same major is read, and
    fields this version does not know are ignored (minor versions only add optional fields);
    anything else must match exactly, and unknown fields are errors.

    Raises:
        FormatError: Not a lawgov report, or a version this lawgov cannot read.
    """
    if format_name != FORMAT_NAME:
        got = "no format field" if format_name is None else f"format {format_name!r}"
        raise FormatError(
            f"expected a lawgov report document (format {FORMAT_NAME!r}), got {got}{where}"
        )
    match = _VERSION.fullmatch(version) if isinstance(version, str) else None
    if match is None:
        raise FormatError(f"expected a format version such as {FORMAT_VERSION!r}, got {version!r}")
    major, minor = int(match[1]), int(match[2])
    if major != _MAJOR:
        raise FormatError(
            f"format version {version} is not supported (this lawgov reads {_MAJOR}.x, "
            f"up to {FORMAT_VERSION} in full)"
        )
    return minor > _MINOR


# --- unstructure (model -> dict) --------------------------------------------------------------


def _value_expr(spec: FieldSpec, var: str) -> str:
    kind = spec.kind
    if kind in ("str", "int"):
        return var
    if kind == "decimal":
        return f"str({var})"
    if kind in ("datetime", "date"):
        return f"{var}.isoformat()"
    if kind == "enum":
        return f"{var}.value"
    return f"u_{spec.target.__name__}({var})"


def _unstructure_source(cls: type) -> str:
    lines = [f"def u_{cls.__name__}(o):", "    return {"]
    for spec in field_specs(cls):
        attr = f"o.{spec.name}"
        if spec.many and spec.kind == "str":
            expr = f"list({attr})"
        elif spec.many:
            expr = f"[{_value_expr(spec, 'i')} for i in {attr}]"
        elif spec.optional and spec.kind not in ("str", "int"):
            expr = f"None if {attr} is None else {_value_expr(spec, attr)}"
        else:
            expr = _value_expr(spec, attr)
        lines.append(f"        {spec.name!r}: {expr},")
    lines.append("    }")
    return "\n".join(lines)


# --- fast structure (dict -> model, first problem stops) ---------------------------------------
#
# The fast pass must never accept what the validation rules refuse. It checks each rule of
# lawgov._model.rules.RULES inline (the generated code below and _RULE_LINES), builds the frozen
# objects directly through their slots (skipping __init__, whose checks it has just done), and
# gives up at the first doubt: the slow pass then decides with the rules themselves. The tests
# hold the two passes to the same verdict on generated documents, and fail when RULES changes.

#: The rules the fast pass checks inline; a rule added to RULES must be added here too.
FAST_RULES: Final = frozenset(
    {
        "type",
        "missing_field",
        "unknown_field",
        "empty_text",
        "unwritable_character",
        "numbering",
        "year_range",
        "naive_datetime",
        "published_before_year",
        "non_finite",
        "negative_value",
        "percentage_range",
        "count_range",
        "changes_exceed_count",
        "document_number",
        "empty_citation",
        "nesting_depth",
        "decimal_range",
        "integer_range",
        "text_size",
    }
)

_NUMBERED: Final = frozenset({"sections", "subsections", "measures", "submeasures"})

# Rules that span fields, per class, run after the fields are read (v_<field> holds each value).
_RULE_LINES: Final = {
    "Report": [
        "if not MIN_YEAR <= v_year <= MAX_YEAR[0]: raise INVALID",
        "if v_published is not None:",
        "    if v_published.tzinfo is None: raise INVALID",
        "    if v_published < year_start(v_year): raise INVALID",
        "if v_views is not None and v_views < 0: raise INVALID",
    ],
    "DocumentNumber": [
        "if ISSUER_CODE(v_issuer_code) is None: raise INVALID",
        "if v_year is not None and not MIN_YEAR <= v_year <= MAX_YEAR[0]: raise INVALID",
        "if v_serial < 1: raise INVALID",
    ],
    "Citation": ["if v_title is None and v_document_number is None: raise INVALID"],
    "Metric": [
        "if v_value < 0: raise INVALID",
        "if v_unit in PERCENT and v_value > 100 and v_qualifier not in CHANGES: raise INVALID",
    ],
    "PowerChange": ["if v_count < 1: raise INVALID"],
    "DelegatedPower": [
        "if v_count < 1: raise INVALID",
        "if v_changes and sum([c.count for c in v_changes]) > v_count: raise INVALID",
    ],
    "Disclosure": [
        "if v_written is not None and not MIN_YEAR <= v_written.year <= MAX_YEAR[0]:",
        "    raise INVALID",
    ],
}


# A text: a non-blank string (isspace() finds a blank one without building a stripped copy)
# without a character JSON or XML cannot carry (isprintable() clears almost every text in one
# pass; the search then decides for the few, such as those with a tab or a line break).
_TEXT_CHECK: Final = (
    "if type({var}) is not str or not {var} or {var}.isspace() or len({var}) > MAX_TEXT "
    "or not {var}.isprintable() and UNWRITABLE({var}): raise INVALID"
)


def _fast_value(spec: FieldSpec, var: str, out: list[str], indent: str, prefix: str) -> None:
    """Append lines that check ``var`` (one item) and rebind it to the model value."""
    kind = spec.kind
    if kind == "str":
        out.append(f"{indent}{_TEXT_CHECK.format(var=var)}")
    elif kind == "int":
        # Within ±(2**53-1) (I-JSON); parsers that do not enforce it are caught here.
        out.append(
            f"{indent}if type({var}) is not int or not -SAFE <= {var} <= SAFE: raise INVALID"
        )
    elif kind == "decimal":
        # str() of a finite Decimal always has the canonical form, so a string that comes back
        # unchanged is one (and keeps its exact digits); any other (0.00000001 for 1E-8) is left
        # to the slow pass, which reads every canonical form.
        out.append(
            f"{indent}if type({var}) is not str or len({var}) > {MAX_DECIMAL_LENGTH}: raise INVALID"
        )
        out.append(f"{indent}x = DEC({var})")
        out.append(
            f"{indent}if not x.is_finite() or str(x) != {var} "
            f"or 'E' in {var} and BIG_EXPONENT({var}): raise INVALID"
        )
        out.append(f"{indent}{var} = x")
    elif kind in ("datetime", "date"):
        out.append(f"{indent}if type({var}) is not str: raise INVALID")
        out.append(f"{indent}{var} = parse_iso_{kind}({var})")
        out.append(f"{indent}if {var} is None: raise INVALID")
    elif kind == "enum":
        enum_map = f"E_{spec.target.__name__}"
        out.append(f"{indent}{var} = {enum_map}.get({var}) if type({var}) is str else None")
        out.append(f"{indent}if {var} is None: raise INVALID")
    else:
        out.append(f"{indent}{var} = {prefix}_{spec.target.__name__}({var}, {_args(prefix)})")


def _args(prefix: str) -> str:
    # c_ functions also count the members they see (see load_counted).
    return "depth, cnt" if prefix == "c" else "depth"


def _structure_source(cls: type, prefix: str, namespace: dict[str, Any]) -> str:
    name = cls.__name__
    specs = field_specs(cls)
    recursive = any(spec.target is cls for spec in specs)
    reads: list[str] = []
    checks: list[str] = []
    for spec in specs:
        var = f"v_{spec.name}"
        if spec.many:
            reads.append(f"{var} = d.get({spec.name!r}, EMPTY)")
            checks.append(f"if type({var}) is not list: raise INVALID")
            if spec.kind == "str":
                checks.append(f"for i in {var}:")
                checks.append(f"    {_TEXT_CHECK.format(var='i')}")
                checks.append(f"{var} = tuple({var})")
            elif spec.kind == "model":
                call = f"{prefix}_{spec.target.__name__}"
                checks.append(f"{var} = tuple([{call}(i, {_args(prefix)}) for i in {var}])")
                if spec.name in _NUMBERED:
                    checks.append(f"for n, i in enumerate({var}, 1):")
                    checks.append("    if i.number != n: raise INVALID")
            else:
                raise TypeError(f"unsupported tuple field {name}.{spec.name}")
            continue
        indent = ""
        if spec.required:
            if prefix == "p":
                reads.append(f"{var} = d.get({spec.name!r}, MISSING)")
                reads.append(f"if {var} is MISSING: raise INVALID")
            else:
                # A missing member raises KeyError, which every caller treats as INVALID.
                reads.append(f"{var} = d[{spec.name!r}]")
            if spec.optional:
                checks.append(f"if {var} is not None:")
                indent = "    "
        else:
            reads.append(f"{var} = d.get({spec.name!r}, D_{name}_{spec.name})")
            # Defaults are valid values already; only what came from the data needs checks.
            guard = "None" if spec.optional else f"D_{name}_{spec.name}"
            checks.append(f"if {var} is not {guard}:")
            indent = "    "
        _fast_value(spec, var, checks, indent, prefix)
    lines = [f"def {prefix}_{name}(d, {_args(prefix)}):"]
    if prefix == "p":
        # An object as the JSON parser's (name, value) pairs. Documents lawgov wrote list every
        # member in field order: one tuple comparison then proves the names (no duplicates, no
        # unknown or missing field). Any other order goes through a dict, where duplicate names
        # show as a shorter dict.
        values = ", ".join(f"v_{spec.name}" for spec in specs)
        lines += [
            "    if type(d) is not tuple: raise INVALID",
            f"    if len(d) == {len(specs)}:",
            "        names, values = zip(*d)",
            f"        if names == N_{name}:",
            f"            {values}{',' if len(specs) == 1 else ''} = values",
            "        else:",
            f"            d = pairs_dict(d, K_{name})",
        ]
        lines += [f"            {line}" for line in reads]
        lines += ["    else:", f"        d = pairs_dict(d, K_{name})"]
        lines += [f"        {line}" for line in reads]
    else:
        lines.append("    if type(d) is not dict: raise INVALID")
        if prefix in ("s", "c"):
            lines.append(f"    if not d.keys() <= K_{name}: raise INVALID")
        if prefix == "c":
            lines.append("    cnt[0] += len(d)")
        lines += [f"    {line}" for line in reads]
    if recursive:
        lines.append("    depth += 1")
        lines.append(f"    if depth > {MAX_DEPTH}: raise INVALID")
    lines += [f"    {line}" for line in checks]
    lines.extend(f"    {line}" for line in _RULE_LINES.get(name, ()))
    fields = [spec.name for spec in specs]
    lines.extend(f"    {line}" for line in _construct.construction(cls, fields, "o", namespace))
    lines.append("    return o")
    return "\n".join(lines)


def _pairs_dict(pairs: tuple[tuple[str, Any], ...], names: frozenset[str]) -> dict[str, Any]:
    """The members of a pairs tuple as a dict; INVALID on duplicate or unknown names."""
    data = dict(pairs)
    if len(data) != len(pairs) or not data.keys() <= names:
        raise _INVALID
    return data


# --- code generation ------------------------------------------------------------------------

_MISSING: Final = object()
# How str() writes the non-finite Decimals; the fast pass refuses them, the slow pass reads them.
_NON_FINITE: Final = frozenset({"NaN", "Infinity", "-Infinity"})
# The latest valid year (next year in China) and when it was read: refreshed by each load at
# most once a minute, since reading the clock in a time zone costs more than a small report.
_MAX_YEAR: list[int] = [rules.max_year()]
_MAX_YEAR_READ: list[float] = [time.monotonic()]


def _refresh_max_year() -> None:
    now = time.monotonic()
    if now - _MAX_YEAR_READ[0] > 60.0:
        _MAX_YEAR[0] = rules.max_year()
        _MAX_YEAR_READ[0] = now


def fast_names(*, twins: bool = True) -> dict[str, Any]:
    """The names the fast pass's generated lines use (`_fast_value`, `_RULE_LINES`,
    `construction`), for a namespace of generated code.

    ``lawgov._formats.xml`` builds its own readers on them, so both formats check alike.
    """
    namespace: dict[str, Any] = {
        **_construct.names(model_classes(), twins=twins),
        "INVALID": _INVALID,
        "MISSING": _MISSING,
        "parse_iso_datetime": parse_iso_datetime,
        "parse_iso_date": parse_iso_date,
        "EMPTY": [],
        "UNWRITABLE": rules.UNWRITABLE.search,
        "MIN_YEAR": limits.MIN_YEAR,
        "MAX_YEAR": _MAX_YEAR,
        "ISSUER_CODE": ISSUER_CODE.fullmatch,
        "CHANGES": (_model.Qualifier.INCREASE, _model.Qualifier.DECREASE),
        "PERCENT": rules.PERCENT,
        "year_start": rules.year_start,
        "pairs_dict": _pairs_dict,
        "DEC": Decimal,
        "SAFE": limits.MAX_INTEGER,
        "MAX_TEXT": limits.MAX_TEXT_LENGTH,
        "BIG_EXPONENT": _BIG_EXPONENT.search,
    }
    for cls in model_classes():
        name = cls.__name__
        namespace[f"K_{name}"] = frozenset(spec.name for spec in field_specs(cls))
        namespace[f"N_{name}"] = tuple(spec.name for spec in field_specs(cls))
        for spec in field_specs(cls):
            if not spec.required:
                namespace[f"D_{name}_{spec.name}"] = spec.default
            if spec.kind == "enum":
                namespace[f"E_{spec.target.__name__}"] = {
                    member.value: member for member in spec.target
                }
    return namespace


def _compile(*, twins: bool = True) -> tuple[dict[str, Callable[..., Any]], ...]:
    namespace = fast_names(twins=twins)
    sources = []
    for cls in model_classes():
        sources.append(_unstructure_source(cls))
        # s_ refuses unknown fields; l_ ignores them (a document of a newer minor version);
        # p_ reads objects as lists of pairs straight from the JSON parser (see load_pairs);
        # c_ counts the members it reads (see load_counted).
        sources.append(_structure_source(cls, "s", namespace))
        sources.append(_structure_source(cls, "l", namespace))
        sources.append(_structure_source(cls, "p", namespace))
        sources.append(_structure_source(cls, "c", namespace))
    run_generated("\n\n".join(sources), "lawgov._formats.convert", namespace)
    return tuple(
        {cls.__name__: namespace[f"{prefix}_{cls.__name__}"] for cls in model_classes()}
        for prefix in ("u", "s", "l", "p", "c")
    )


# --- compiled on first use (keeps the compile out of ``import lawgov``) ---


class _Generated(dict[str, Callable[..., Any]]):
    """One prefix's generated functions by class name; the first lookup compiles all of them."""

    def __missing__(self, key: str) -> Callable[..., Any]:
        if self:
            raise KeyError(key)
        for table, functions in zip(_TABLES, _compile(), strict=True):
            table.update(functions)
        return self[key]


_TABLES: Final = tuple(_Generated() for _ in range(5))
_UNSTRUCTURE, _STRUCTURE, _STRUCTURE_LENIENT, _STRUCTURE_PAIRS, _STRUCTURE_COUNTED = _TABLES
# --- end compiled on first use ---


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a document is loaded.

    Loading allocates tens of thousands of acyclic objects (parsed data, then the report), which
    would otherwise trigger full collections that find nothing to collect: about a fifth of the
    load time on large reports. Reference counting still frees everything at once; the previous
    state is restored afterwards, also on errors.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def to_dict(report: _model.Report) -> dict[str, Any]:
    """The report as plain JSON-ready data, ``format`` and ``version`` first.

    Raises:
        TypeError: ``report`` is not a [`Report`][lawgov.Report].
    """
    if not isinstance(report, _model.Report):
        raise TypeError(f"expected a lawgov Report, got {type(report).__name__}")
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, **_UNSTRUCTURE["Report"](report)}


# --- slow structure (collect every problem) ----------------------------------------------------


def join_path(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _type_problem(problems: list[Problem], path: str, expected: str, value: object) -> None:
    problems.append(
        Problem(path=path, message=f"expected {expected}, got {json_kind(value)}", rule="type")
    )


_EXPECTED = {
    "str": "a string",
    "int": "an integer",
    "decimal": 'a decimal string such as "1500" or "99.6"',
    "datetime": 'an ISO 8601 datetime string such as "2021-02-26T16:14:00+08:00"',
    "date": 'a date string such as "2021-02-26"',
    "model": "an object",
}


@attrs.define
class _Collector:
    """What the slow pass carries down: the problems so far and whether unknown fields pass."""

    problems: list[Problem]
    lenient: bool


def _slow_scalar(spec: FieldSpec, value: object, path: str, walk: _Collector, depth: int) -> Any:
    problems = walk.problems
    kind = spec.kind
    if kind == "model":
        return _slow_object(spec.target, value, path, walk, depth)
    if kind == "enum":
        choices = {member.value: member for member in spec.target}
        if type(value) is str and value in choices:
            return choices[value]
        allowed = ", ".join(repr(choice) for choice in choices)
        shown = repr(value) if type(value) is str else json_kind(value)
        problems.append(
            Problem(path=path, message=f"expected one of {allowed}, got {shown}", rule="type")
        )
        return value
    if kind == "str":
        if type(value) is not str:
            _type_problem(problems, path, "a string", value)
        return value
    if kind == "int":
        if type(value) is not int:
            _type_problem(problems, path, "an integer", value)
        return value
    parser = {"decimal": parse_decimal, "datetime": parse_iso_datetime, "date": parse_iso_date}[
        kind
    ]
    if type(value) is not str:
        _type_problem(problems, path, _EXPECTED[kind], value)
        return value
    parsed = parser(value)
    if parsed is None and kind == "decimal" and value in _NON_FINITE:
        # A decimal string, just not a finite one: the non_finite rule says so by name.
        return Decimal(value)
    if parsed is None and kind == "decimal" and _ANY_DECIMAL.fullmatch(value) is not None:
        shown = value if len(value) <= 40 else value[:40] + "…"
        message = (
            f"a decimal is written in at most {MAX_DECIMAL_LENGTH} characters with an exponent "
            f"of at most three digits, got {shown!r}"
        )
        problems.append(Problem(path=path, message=message, rule="decimal_range"))
        return value
    if parsed is None:
        shown = value if len(value) <= 40 else value[:40] + "…"
        message = f"expected {_EXPECTED[kind]}, got {shown!r}"
        problems.append(Problem(path=path, message=message, rule="type"))
        return value
    return parsed


def _slow_items(
    spec: FieldSpec, value: list[Any], where: str, walk: _Collector, depth: int
) -> tuple[Any, ...]:
    problems = walk.problems
    if spec.kind == "str" and all(type(item) is str for item in value):
        return tuple(value)  # the rules check the texts themselves (tree_problems)
    items = []
    for index, item in enumerate(value):
        if spec.kind == "str" and len(problems) >= MAX_PROBLEMS:
            # Full: a text of the wrong type is only counted (the model check counts it too).
            items.extend(value[index:])
            break
        items.append(_slow_scalar(spec, item, f"{where}[{index}]", walk, depth))
    return tuple(items)


def _slow_object(cls: type, data: object, path: str, walk: _Collector, depth: int) -> Any:
    problems = walk.problems
    if type(data) is not dict:
        _type_problem(problems, path, "an object", data)
        return data
    specs = field_specs(cls)
    if any(spec.target is cls for spec in specs):
        depth += 1
        if depth > MAX_DEPTH:
            # The nesting_depth rule of the model; what lies deeper is not read at all.
            message = f"nesting deeper than {MAX_DEPTH} levels of sections and measures"
            problems.append(Problem(path=path, message=message, rule="nesting_depth"))
            return data
    names = {spec.name for spec in specs}
    if not walk.lenient:
        for key in data:
            if key not in names:
                where = join_path(path, key) if type(key) is str else path
                problems.append(Problem(path=where, message="unknown field", rule="unknown_field"))
    kwargs: dict[str, Any] = {}
    for spec in specs:
        where = join_path(path, spec.name)
        if spec.name not in data:
            if spec.required:
                message = "missing required field"
                problems.append(Problem(path=where, message=message, rule="missing_field"))
                kwargs[spec.name] = None
            continue
        value = data[spec.name]
        if spec.many:
            if type(value) is not list:
                _type_problem(problems, where, "an array", value)
                # An empty tuple keeps the tuple converters from splitting a string into letters.
                kwargs[spec.name] = ()
                continue
            kwargs[spec.name] = _slow_items(spec, value, where, walk, depth)
        elif value is None:
            if not spec.optional:
                _type_problem(problems, where, _EXPECTED.get(spec.kind, "a value"), value)
            kwargs[spec.name] = None
        else:
            kwargs[spec.name] = _slow_scalar(spec, value, where, walk, depth)
    with rules.unchecked():
        return cls(**kwargs)


_SEGMENT = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")


def _document_order(problem: Problem) -> tuple[tuple[int, int], ...]:
    # A path's position in the document: each name by its field's place in the model (unknown
    # names after the known ones), each index by its value.
    key: list[tuple[int, int]] = []
    cls: Any = _model.Report
    for index, name in _SEGMENT.findall(problem.path):
        if index:
            key.append((1, int(index)))
            continue
        specs = field_specs(cls) if cls is not None else ()
        position = next((i for i, spec in enumerate(specs) if spec.name == name), len(specs))
        key.append((0, position))
        cls = specs[position].target if position < len(specs) else None
        if cls is not None and not attrs.has(cls):
            cls = None
    return tuple(key)


def merge_problems(first: list[Problem], then: list[Problem]) -> list[Problem]:
    """``first`` plus those of ``then`` not at or below a path ``first`` already reports.

    The result is in document order (a problem of a field before those of the fields after it).
    """
    taken = {problem.path for problem in first}
    merged = list(first)
    # Both lists are capped; what they left out may overlap, so the larger count is the bound.
    omitted = max(getattr(first, "omitted", 0), getattr(then, "omitted", 0))
    for problem in then:
        path = problem.path
        covered = path in taken
        if not covered:
            for cut in (i for i, char in enumerate(path) if char in ".["):
                if path[:cut] in taken:
                    covered = True
                    break
        if not covered:
            merged.append(problem)
    result = ProblemList()
    result.extend(sorted(merged, key=_document_order))
    result.omitted += omitted
    return result


def collect(data: object, lenient: bool) -> list[Problem]:
    """Every type and rule problem of report data (without its header), with paths."""
    _refresh_max_year()
    walk = _Collector(problems=ProblemList(), lenient=lenient)
    report = _slow_object(_model.Report, data, "", walk, 0)
    if isinstance(report, _model.Report):
        return merge_problems(walk.problems, _model.tree_problems(report))
    return walk.problems


def load_part(cls: type, data: object) -> Any:
    """Load one model object (not a whole report) from plain data, strictly, with every problem.

    Used where a lawgov object travels without a report around it (the cattrs hooks).

    Raises:
        FormatError: The data nests deeper than `MAX_DEPTH`.
        ValidationError: Every type and rule problem, each with its path below the object.
    """
    _refresh_max_year()
    walk = _Collector(problems=ProblemList(), lenient=False)
    try:
        part = _slow_object(cls, data, "", walk, 0)
    except RecursionError:
        raise FormatError("nesting too deep") from None
    problems = walk.problems
    if isinstance(part, cls):
        problems = merge_problems(problems, _model.tree_problems(part))
    if problems:
        raise ValidationError(problems, model=cls.__name__)
    return part


def unstructure_part(part: object) -> dict[str, Any]:
    """One model object as plain JSON-ready data (a report without its header)."""
    return typing.cast(dict[str, Any], _UNSTRUCTURE[type(part).__name__](part))


_HEADER = ("format", "version")


def from_dict(data: object, *, source: str | None = None) -> _model.Report:
    """Load a report from plain data in the JSON shape, strictly.

    Args:
        data: A dict such as [`to_dict`][lawgov.to_dict] returns (or ``json.loads`` gives).
        source: Where the data came from, for error messages.

    Raises:
        FormatError: ``data`` is not a lawgov report document, or its version is unsupported.
        ValidationError: Every type and rule problem, each with its path.
    """
    if type(data) is not dict:
        raise FormatError(f"expected an object at the root, got {json_kind(data)}", source=source)
    try:
        lenient = check_header(data.get("format"), data.get("version"))
    except FormatError as error:
        error.source = source
        raise
    body = {key: value for key, value in data.items() if key not in _HEADER}
    with gc_paused():
        return load_body(body, lenient=lenient, source=source)


def load_pairs(root: object, *, source: str | None = None) -> _model.Report | None:
    """The fast pass over JSON parsed with ``object_pairs_hook=tuple``; None when it gives up.

    Objects arrive as tuples of (name, value) pairs, so duplicate member names (refused by
    I-JSON) are seen without a Python hook per object, which halves the parser's cost. Anything
    this pass does not accept (duplicates, a newer minor version, any problem) returns None, and
    the caller parses again strictly and loads through [`from_dict`][lawgov.from_dict].

    Raises:
        FormatError: Not a lawgov report document, or an unsupported version.
    """
    if type(root) is not tuple:
        return None
    try:
        data = dict(root)
    except (TypeError, ValueError):
        return None
    if len(data) != len(root):
        return None
    try:
        if check_header(data.pop("format", None), data.pop("version", None)):
            return None
    except FormatError as error:
        error.source = source
        raise
    _refresh_max_year()
    try:
        return typing.cast(_model.Report, _STRUCTURE_PAIRS["Report"](tuple(data.items()), 0))
    except FAST_PASS_GAVE_UP as error:
        forget(error)
        return None


#: The report's own text fields (datetimes and dates are written as text too).
ROOT_TEXTS: Final = tuple(
    spec.name for spec in field_specs(_model.Report) if spec.kind in ("str", "datetime", "date")
)


def member_bound(data: str | bytes, root_texts: Iterable[object]) -> int | None:
    """At least as many as the member names of a report document; None if that cannot be said.

    Every member name is followed by exactly one structural ``:``, and a ``:`` elsewhere lies
    inside a string, so the text's count of ``:`` less those inside the report's own text
    fields (``root_texts``: the values of `ROOT_TEXTS`, each a string, a list of strings
    or None) is at least the number of names: equal when no deeper string holds a colon, larger
    (never smaller) when one does. Whitespace around the colons does not matter. A colon
    written as an escape (``\\u003a``, the only escape that spells one) is not in the count, so
    a document holding such an escape and a colon in a root text gives None. (Other escapes,
    such as a quotation mark written ``\\"``, change no count: a report with a publication time,
    whose ``:`` are in a root text, and an escaped quotation mark somewhere is still counted.)
    """
    inside = 0
    for value in root_texts:
        if type(value) is str:
            inside += value.count(":")
        elif isinstance(value, (list, tuple)):
            inside += sum([item.count(":") for item in value if type(item) is str])
    if isinstance(data, bytes):
        if inside and b"\\" in data and (b"u003a" in data or b"u003A" in data):
            return None
        return data.count(b":") - inside
    if inside and "\\" in data and ("u003a" in data or "u003A" in data):
        return None
    return data.count(":") - inside


def load_counted(root: object, data: str | bytes) -> _model.Report | None:
    """The fast pass over JSON from a parser that keeps the last of duplicate member names.

    ``data`` is the text ``root`` was parsed from. Every object of a valid document is read, so
    when the objects read hold as many members as `member_bound` allows, no name was
    dropped as a duplicate: a duplicate makes the objects hold fewer, and a colon inside a
    deeper string only makes the bound larger (either way this pass gives up). Anything this
    pass does not accept returns None, and the caller parses again strictly.
    """
    if type(root) is not dict:
        return None
    try:
        if check_header(root.get("format"), root.get("version")):
            return None
    except FormatError:
        return None  # the strict parse says why, duplicates included
    body = {key: value for key, value in root.items() if key not in _HEADER}
    # The header members; the generated functions add the members of every object they read.
    seen = [len(root) - len(body)]
    _refresh_max_year()
    try:
        report = _STRUCTURE_COUNTED["Report"](body, 0, seen)
    except FAST_PASS_GAVE_UP as error:
        forget(error)
        return None
    bound = member_bound(data, [root.get(name) for name in ROOT_TEXTS])
    return typing.cast(_model.Report, report) if seen[0] == bound else None


def load_body(body: object, *, lenient: bool, source: str | None) -> _model.Report:
    """Load report data without its header: the fast pass, then the slow one if it fails.

    Raises:
        FormatError: Sections or measures nest deeper than `MAX_DEPTH`.
        ValidationError: Every type and rule problem, each with its path.
    """
    _refresh_max_year()
    structure = (_STRUCTURE_LENIENT if lenient else _STRUCTURE)["Report"]
    try:
        return typing.cast(_model.Report, structure(body, 0))
    except FAST_PASS_GAVE_UP as error:
        forget(error)
    walk = _Collector(problems=ProblemList(), lenient=lenient)
    try:
        report = _slow_object(_model.Report, body, "", walk, 0)
        problems = walk.problems
        if isinstance(report, _model.Report):
            problems = merge_problems(problems, _model.tree_problems(report))
    except FormatError as error:
        error.source = source
        raise
    except RecursionError:
        raise FormatError("nesting too deep", source=source) from None
    if problems:
        raise ValidationError(problems, source=source, model="Report")
    # The fast pass gave up on a document the rules accept (an edge it does not decide itself):
    # the tree the slow pass built without checks has just passed every rule.
    return typing.cast(_model.Report, report)
