"""The JSON Schema (draft 2020-12) of lawgov JSON documents, generated from the model, and the
command that regenerates both shipped schemas.

`generate_json_schema` walks the same field specs as the converter (attrs fields and type
hints, see ``convert``), so the schema cannot describe a different shape than the one
[`lawgov.to_json`][lawgov.to_json] writes. The result is shipped as
``lawgov/schemas/report.schema.json`` and served by [`json_schema`][lawgov.json_schema]; a test
checks that the shipped file equals a fresh generation. ``python -m lawgov._formats.schemas``
regenerates it and the XSD (``xsd``, generated from the same specs) in ``lawgov/schemas/``, or in
the directory given as its argument.

Field descriptions come from the ``Attributes:`` sections of the model's docstrings.
"""

from __future__ import annotations

import enum
import json
import re
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from lawgov._formats import convert as _convert
from lawgov._formats.convert import DATE_PATTERN, DATETIME_PATTERN, DECIMAL_PATTERN, FieldSpec
from lawgov._formats.convert import field_specs as _field_specs
from lawgov._formats.xsd import render_xsd
from lawgov._model import limits

__all__ = ["generate_json_schema", "json_schema"]

_SCHEMA_ID = "urn:lawgov:report:1:schema.json"
_ATTRIBUTE = re.compile(r"^ {8}(\w+): (.*(?:\n {12}.*)*)", re.MULTILINE)


def _descriptions(cls: type) -> dict[str, str]:
    doc = cls.__doc__ or ""
    if "Attributes:" not in doc:
        return {}
    block = doc.split("Attributes:", 1)[1]
    found = {}
    for match in _ATTRIBUTE.finditer(block):
        found[match[1]] = " ".join(part.strip() for part in match[2].splitlines())
    return found


def _summary(cls: type) -> str:
    return (cls.__doc__ or cls.__name__).strip().splitlines()[0]


def _json_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _scalar(spec: FieldSpec) -> dict[str, Any]:
    kind = spec.kind
    if kind == "str":
        return {"type": "string", "maxLength": limits.MAX_TEXT_LENGTH}
    if kind == "int":
        return {"type": "integer", "minimum": -limits.MAX_INTEGER, "maximum": limits.MAX_INTEGER}
    if kind == "decimal":
        return {
            "type": "string",
            "format": "decimal",
            "pattern": f"^{DECIMAL_PATTERN}$",
            "maxLength": _convert.MAX_DECIMAL_LENGTH,
        }
    if kind == "datetime":
        return {"type": "string", "format": "date-time", "pattern": f"^{DATETIME_PATTERN}$"}
    if kind == "date":
        return {"type": "string", "format": "date", "pattern": f"^{DATE_PATTERN}$"}
    if kind == "enum":
        return {"$ref": f"#/$defs/{spec.target.__name__}"}
    return {"$ref": f"#/$defs/{spec.target.__name__}"}


def _property(spec: FieldSpec, description: str | None) -> dict[str, Any]:
    schema = _scalar(spec)
    if spec.many:
        schema = {"type": "array", "items": schema}
    elif spec.optional:
        schema = {"anyOf": [schema, {"type": "null"}]}
    if not spec.required and not spec.optional:
        schema["default"] = _json_value(spec.default)
    if description:
        schema = {"description": description, **schema}
    return schema


def _object(cls: type) -> dict[str, Any]:
    specs = _field_specs(cls)
    described = _descriptions(cls)
    return {
        "type": "object",
        "description": _summary(cls),
        "properties": {spec.name: _property(spec, described.get(spec.name)) for spec in specs},
        "required": [spec.name for spec in specs if spec.required],
        "additionalProperties": False,
    }


def generate_json_schema() -> dict[str, Any]:
    """Build the JSON Schema of the current format version from the model classes."""
    classes = _convert.model_classes()
    defs: dict[str, Any] = {}
    enums: dict[str, Any] = {}
    for cls in classes:
        defs[cls.__name__] = _object(cls)
        for spec in _field_specs(cls):
            if spec.kind == "enum":
                enum_cls = spec.target
                enums[enum_cls.__name__] = {
                    "type": "string",
                    "description": _summary(enum_cls),
                    "enum": [member.value for member in enum_cls],
                }
    report = defs.pop("Report")
    header = {
        "format": {"const": _convert.FORMAT_NAME, "description": "Marks a lawgov report."},
        "version": {
            "const": _convert.FORMAT_VERSION,
            "description": "The format version, major.minor.",
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _SCHEMA_ID,
        "title": "lawgov report",
        "description": f"A lawgov report document, format version {_convert.FORMAT_VERSION}. "
        + report["description"],
        "type": "object",
        "properties": {**header, **report["properties"]},
        "required": ["format", "version", *report["required"]],
        "additionalProperties": False,
        "$defs": {**dict(sorted(defs.items())), **dict(sorted(enums.items()))},
    }


def render_json_schema() -> str:
    """The generated schema as the text of the shipped file (two-space indentation)."""
    return json.dumps(generate_json_schema(), ensure_ascii=False, indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of lawgov JSON documents, as shipped in the package.

    Returns:
        A fresh dict each call (mutating it does not affect later calls).
    """
    text = (resources.files("lawgov") / "schemas" / "report.schema.json").read_text("utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


def _main(argv: list[str]) -> int:
    directory = Path(argv[0]) if argv else Path(__file__).parents[1] / "schemas"
    for name, text in (("report.schema.json", render_json_schema()), ("report.xsd", render_xsd())):
        target = directory / name
        target.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
