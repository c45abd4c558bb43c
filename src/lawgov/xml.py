"""lawgov XML as a namespace, in msgspec's style: ``lawgov.xml.encode``, ``decode``, ``schema``.

The same functions as [to_xml][lawgov.to_xml], [from_xml][lawgov.from_xml] and
[xml_schema][lawgov.xml_schema], for code that reads better with the format named once::

    import lawgov.xml

    document = lawgov.xml.encode(report)
    assert lawgov.xml.decode(document) == report
"""

from __future__ import annotations

from lawgov._formats.xml import from_xml as decode
from lawgov._formats.xml import to_xml as encode
from lawgov._formats.xml import xml_schema as schema

__all__ = ["decode", "encode", "schema"]
