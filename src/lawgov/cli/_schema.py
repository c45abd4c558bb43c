"""The ``schema`` command: the shipped JSON Schema or XSD."""

from __future__ import annotations

import json
from typing import Any

import click

import lawgov
from lawgov import LawgovError
from lawgov.cli._app import _force_option, cli
from lawgov.cli._batch import _fail
from lawgov.cli._files import _as_bytes, _emit, _error_lines

# --------------------------------------------------------------------------------------------
# schema


@cli.command(
    epilog="""\b
Examples:
  lawgov schema json > lawgov.schema.json
  lawgov schema xsd -o lawgov.xsd
"""
)
@click.argument("which", type=click.Choice(["json", "xsd"]))
@click.option("-o", "--output", default="-", metavar="OUT", help="Output file, or - for stdout.")
@_force_option
def schema(*, which: str, output: str, force: bool) -> None:
    """Print the shipped JSON Schema (2020-12) or XML Schema (XSD) of the report formats."""
    document: Any = lawgov.json_schema() if which == "json" else lawgov.xml_schema()
    if isinstance(document, dict):
        data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        data = _as_bytes(document)
    try:
        _emit(data, output, force=force)
    except (LawgovError, OSError) as error:
        _fail(_error_lines(output, error))
