"""What ``lawgov parse`` says about the parser's warnings on stderr.

A single file prints a count of its warnings, or each of them with ``--verbose``; a batch
prints one count line per file that has warnings, or each warning with ``--verbose``;
``--quiet`` prints none.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import lawgov
from lawgov import Report

__all__ = ["parse_file", "warning_lines"]


def parse_file(
    data: bytes, *, source: str, encoding: str | None = None
) -> tuple[Report, tuple[str, ...]]:
    """The report in a report file's bytes (text, HTML, PDF, Word) and the parser's warnings.

    Args:
        data: The file's bytes.
        source: Its name, for error messages.
        encoding: The codec, when the user gave one.

    Returns:
        The report and each warning as printed (``stage: message``).
    """
    suffix = "" if source == "<stdin>" else Path(source).suffix
    result = lawgov.parse_bytes_result(data, source=source, suffix=suffix, encoding=encoding)
    return result.report, tuple(str(warning) for warning in result.warnings)


def warning_lines(label: str, warnings: Sequence[str], *, verbosity: int) -> list[str]:
    """The stderr lines for one file's warnings.

    Args:
        label: The file's name as the user gave it.
        warnings: Its warnings.
        verbosity: 0 for ``--quiet`` (nothing), 1 for a count, 2 for ``--verbose`` (each).

    Returns:
        The lines to print (none without warnings).
    """
    if not warnings or verbosity <= 0:
        return []
    if verbosity >= 2:
        return [f"{label}: warning: {warning}" for warning in warnings]
    plural = "" if len(warnings) == 1 else "s"
    return [f"{label}: {len(warnings)} warning{plural} (--verbose shows them)"]
