"""The XML Schema (XSD 1.0) of lawgov XML documents, generated from the model.

`render_xsd` walks the same field specs as the converter and the XML writer, with the writer's
own element names (``xml.element_name``, ``xml.item_name``) and the patterns and limits the JSON
Schema states (``convert``, ``limits``), so the XSD and the JSON Schema describe one format. The
result is shipped as ``lawgov/schemas/report.xsd`` and served by
[`xml_schema`][lawgov.xml_schema]; a test checks that the shipped file equals a fresh generation,
and another that the two schemas accept and refuse the same documents. ``python -m
lawgov._formats.schemas`` regenerates both files.

Each model class is a complex type whose sequence holds one element per field, in field order;
an element is optional (``minOccurs="0"``) when its field may be None, is a tuple or has a
default, because the writer leaves those out. A tuple field's type is a wrapper holding any
number of item elements.
"""

from __future__ import annotations

import enum
import textwrap
from collections.abc import Iterator
from typing import Final

from lawgov._formats import convert as _convert
from lawgov._formats.convert import (
    DATE_PATTERN,
    DATETIME_PATTERN,
    DECIMAL_PATTERN,
    VERSION_PATTERN,
    FieldSpec,
    field_specs,
)
from lawgov._formats.xml import INTEGER_PATTERN, NAMESPACE, element_name, item_name
from lawgov._model import classes as _classes
from lawgov._model import limits

__all__ = ["render_xsd"]

# The simple type of each scalar kind (enums and classes are named after themselves).
_SCALAR_TYPES: Final = {
    "str": "Text",
    "int": "Integer",
    "decimal": "Decimal",
    "datetime": "DateTime",
    "date": "Date",
}
# The wrapper type of a tuple of texts, by its item element (tuples of objects: class name + s).
_TEXT_LISTS: Final = {"p": "Paragraphs", "note": "Notes"}

_VERSION: Final = _convert.FORMAT_VERSION
_HEADER: Final = f"""<?xml version="1.0" encoding="UTF-8"?>
<!--
  The XML Schema of lawgov report documents, format version {_VERSION} (lawgov.xml_schema()).
  Generated from the lawgov model, with the JSON Schema (do not edit by hand).

  One element per model field, in model field order; element names are the field names with "-"
  for "_". An optional field is left out when it is None; a tuple field is a wrapper holding one
  element per item, left out when empty. Values are written exactly as in the JSON format.
  Types here are the model's types; the validation rules (numbering, year range, ...) are checked
  by lawgov after this schema, and reported as lawgov.ValidationError with paths.
-->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns="{NAMESPACE}"
           targetNamespace="{NAMESPACE}"
           elementFormDefault="qualified"
           attributeFormDefault="unqualified">
"""


def _quote(value: object) -> str:
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return f'"{text}"'


def _restriction(
    name: str, base: str, facets: list[tuple[str, object]], comment: str = ""
) -> Iterator[str]:
    yield f"  <xs:simpleType name={_quote(name)}>"
    if comment:
        # Wrapped to the width of the code, continuation lines under the comment's first word.
        yield "    <!-- " + "\n         ".join(textwrap.wrap(comment, 87)) + " -->"
    yield f"    <xs:restriction base={_quote(base)}>"
    for facet, value in facets:
        yield f"      <xs:{facet} value={_quote(value)}/>"
    yield "    </xs:restriction>"
    yield "  </xs:simpleType>"
    yield ""


def _scalars() -> Iterator[str]:
    yield from _restriction("Version", "xs:string", [("pattern", VERSION_PATTERN)])
    bound = limits.MAX_INTEGER
    yield from _restriction(
        "Integer",
        "xs:integer",
        [("pattern", INTEGER_PATTERN), ("minInclusive", -bound), ("maxInclusive", bound)],
        'I-JSON safe integers: within ±(2**53-1), no sign but "-".',
    )
    yield from _restriction(
        "Decimal",
        "xs:string",
        [("maxLength", limits.MAX_DECIMAL_LENGTH), ("pattern", DECIMAL_PATTERN)],
        'str(Decimal): exact digits, trailing zeros and exponent kept ("1500", "99.60", '
        f'"1E+3"); at most {limits.MAX_DECIMAL_LENGTH} characters, an exponent of at most '
        f"{len(str(limits.MAX_DECIMAL_EXPONENT))} digits.",
    )
    yield from _restriction(
        "Text",
        "xs:string",
        [("maxLength", limits.MAX_TEXT_LENGTH)],
        f"Every text: at most {limits.MAX_TEXT_LENGTH:,} characters (below libxml2's limit for"
        " one text node).",
    )
    yield from _restriction(
        "DateTime",
        "xs:string",
        [("pattern", DATETIME_PATTERN)],
        "ISO 8601 with its UTC offset: 2021-02-26T16:14:00+08:00.",
    )
    # A pattern on a string, not xs:date: xs:date would let whitespace around the date through,
    # which the model refuses (the calendar is checked by lawgov, as for JSON).
    yield from _restriction(
        "Date", "xs:string", [("pattern", DATE_PATTERN)], "ISO 8601 calendar date: 2021-02-26."
    )


def _enumeration(cls: type[enum.Enum]) -> Iterator[str]:
    yield from _restriction(cls.__name__, "xs:string", [("enumeration", m.value) for m in cls])


def _value_type(spec: FieldSpec) -> str:
    if spec.kind in ("enum", "model"):
        return str(spec.target.__name__)
    return _SCALAR_TYPES[spec.kind]


def _list_type(spec: FieldSpec) -> str:
    if spec.kind == "model":
        return f"{spec.target.__name__}s"
    item = item_name(spec.name)
    if spec.kind != "str" or item not in _TEXT_LISTS:
        raise TypeError(f"no XSD wrapper type for the tuple field {spec.name!r}")
    return _TEXT_LISTS[item]


def _complex(name: str, elements: list[str], extra: tuple[str, ...] = ()) -> Iterator[str]:
    yield f"  <xs:complexType name={_quote(name)}>"
    yield "    <xs:sequence>"
    yield from (f"      {element}" for element in elements)
    yield "    </xs:sequence>"
    yield from (f"    {line}" for line in extra)
    yield "  </xs:complexType>"
    yield ""


def _element(spec: FieldSpec) -> str:
    kind = _list_type(spec) if spec.many else _value_type(spec)
    optional = spec.optional or spec.many or not spec.required
    occurs = ' minOccurs="0"' if optional else ""
    return f"<xs:element name={_quote(element_name(spec.name))} type={_quote(kind)}{occurs}/>"


# The root's attributes.
_ROOT_ATTRIBUTES: Final = (
    '<xs:attribute name="version" type="Version" use="required"/>',
    "<!-- xml:lang (zh-CN) and any other xml: attribute. -->",
    '<xs:anyAttribute namespace="http://www.w3.org/XML/1998/namespace" processContents="skip"/>',
)


def _defined(items: list[type]) -> list[type]:
    """``items`` in the order the model module defines them (small classes before large)."""
    order = list(vars(_classes).values())
    return sorted(items, key=order.index)


def render_xsd() -> str:
    """The XSD of the current format version, as the text of the shipped file.

    Enumerations and classes come in the model's order (the report first); tuple wrappers in
    the order the classes first use them.
    """
    report, *others = _convert.model_classes()
    classes = [report, *_defined(others)]
    enums: list[type] = []
    lists: dict[str, tuple[str, str]] = {}
    for cls in classes:
        for spec in field_specs(cls):
            if spec.kind == "enum" and spec.target not in enums:
                enums.append(spec.target)
            if spec.many:
                item = (item_name(spec.name), _value_type(spec))
                if lists.setdefault(_list_type(spec), item) != item:
                    raise TypeError(f"two item elements for the wrapper {_list_type(spec)!r}")
    lines = [_HEADER, '  <xs:element name="report" type="Report"/>', "", "  <!-- Scalars -->", ""]
    lines += _scalars()
    for enum_cls in _defined(enums):
        lines += _enumeration(enum_cls)
    lines += ["  <!-- The report -->", ""]
    lines += _complex("Report", [_element(s) for s in field_specs(report)], _ROOT_ATTRIBUTES)
    for cls in classes[1:]:
        lines += _complex(cls.__name__, [_element(spec) for spec in field_specs(cls)])
    lines += ["  <!-- Tuple fields: a wrapper with one element per item -->", ""]
    for name, (tag, kind) in lists.items():
        many = f"<xs:element name={_quote(tag)} type={_quote(kind)}"
        lines += _complex(name, [f'{many} minOccurs="0" maxOccurs="unbounded"/>'])
    lines.append("</xs:schema>")
    return "\n".join(lines) + "\n"
