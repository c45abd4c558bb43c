"""Files: [`read`][lawgov.read] and [`write`][lawgov.write] choose the format by the file's suffix.

``.json`` is the JSON format, ``.xml`` the XML format (see ``lawgov._formats.json`` and
``lawgov._formats.xml``). Writing is atomic (a temporary file in the same directory, then a
rename), so a reader never sees half a report; every error names the file in its ``source``.
"""

from __future__ import annotations

import os
from pathlib import Path

from lawgov import _model
from lawgov._errors import FormatError
from lawgov._formats import json as _json
from lawgov._formats import xml as _xml
from lawgov._formats.atomic import atomic_write
from lawgov._formats.regular import open_regular
from lawgov._formats.suffixes import REPORT_FORMATS, ReportFormat, suffix_of

__all__ = ["read", "write"]


def _format(path: Path) -> ReportFormat:
    format = REPORT_FORMATS.get(suffix_of(path))
    if format is None:
        raise FormatError(
            f"expected a file name ending in .json or .xml, got {path.name!r}", source=str(path)
        )
    return format


def read(path: str | os.PathLike[str]) -> _model.Report:
    """Read a report from a ``.json`` or ``.xml`` file.

    Raises:
        FormatError: The suffix is neither, the file is too large or not a regular file (a FIFO,
            a device), or its content is not a lawgov document (``source`` is the path).
        ValidationError: The document's values break rules (``source`` is the path).
        OSError: The file cannot be read.
    """
    file = Path(path)
    format = _format(file)
    source = str(file)
    # A FIFO or device is refused, not waited on or read without end.
    with open_regular(file) as handle:
        # Reading one byte past the limit tells an oversized file without reading all of it.
        data = handle.read(_json.MAX_INPUT_BYTES + 1)
    if len(data) > _json.MAX_INPUT_BYTES:
        raise FormatError(f"input exceeds {_json.MAX_INPUT_BYTES} bytes", source=source)
    if format == "json":
        return _json.from_json(data, source=source)
    return _xml.from_xml(data, source=source)


def write(report: _model.Report, path: str | os.PathLike[str], *, force: bool = False) -> None:
    """Write a report to a ``.json`` or ``.xml`` file, atomically.

    An existing file is refused unless ``force`` is true: the same policy, and the same
    parameter, as [`write_reports`][lawgov.write_reports] and the command line's ``--force``.

    Args:
        report: The report to write.
        path: The destination; its suffix chooses the format.
        force: Replace an existing file instead of refusing.

    Raises:
        FormatError: The suffix is neither, or the report holds text the format cannot carry
            (``source`` is the path).
        OutputExistsError: ``path`` exists and ``force`` is false.
        OSError: The file cannot be written.
    """
    file = Path(path)
    format = _format(file)
    try:
        data = _json.to_json_bytes(report) if format == "json" else _xml.to_xml(report)
    except FormatError as error:
        error.source = str(file)
        raise
    atomic_write(file, data, force=force)
