"""lawgov JSON as a namespace, in msgspec's style: ``lawgov.json.encode``, ``decode``, ``schema``.

The same functions as [to_json][lawgov.to_json], [from_json][lawgov.from_json] and
[json_schema][lawgov.json_schema], for code that reads better with the format named once::

    import lawgov.json

    text = lawgov.json.encode(report)
    assert lawgov.json.decode(text) == report
"""

from __future__ import annotations

from lawgov._formats.json import from_json as decode
from lawgov._formats.json import to_json as encode
from lawgov._formats.schemas import json_schema as schema

__all__ = ["decode", "encode", "schema"]
