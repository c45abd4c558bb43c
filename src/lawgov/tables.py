"""Tables of every fact in a report or a corpus: metrics, delegated powers, citations, sections.

Each row carries its report's identity (``report``, ``title``, ``issuer``, ``year``,
``published``, ``url``) and the fact's ``path`` in the syntax validation problems use
(``sections[1].measures[0].metrics[2]``), so rows from different tables join on
``(report, path)`` prefixes. The columns of each table are documented in `SCHEMAS` and in
docs/tables.md. Rows are produced lazily: a corpus streams through in flat memory.

    >>> import lawgov, lawgov.samples, lawgov.tables
    >>> report = lawgov.samples.load("jianghai-kjj-2020")
    >>> row = next(lawgov.tables.rows("metrics", report))
    >>> row["path"], row["value"], row["unit"]
    ('sections[0].subsections[0].measures[1].metrics[0]', Decimal('1'), '次')

CSV and JSON Lines need nothing more; Arrow tables, Parquet files and pandas DataFrames need the
``tables`` extra (``pip install 'lawgov[tables]'``: pyarrow and pandas). Decimals stay exact in
every format (strings, or Arrow decimal128), timestamps keep their time zone.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import IO, Any

from lawgov._analysis.tables import (
    SCHEMAS,
    TABLES,
    Column,
    ColumnType,
    TableError,
    TableName,
    check_table,
    citation_rows,
    metric_rows,
    power_rows,
    rows,
    section_rows,
)
from lawgov._analysis.tables_export import (
    DecimalMode,
    arrow_schema_of,
    rows_to_arrow,
    rows_to_pandas,
    write_rows,
    write_rows_csv,
    write_rows_jsonl,
    write_rows_parquet,
)
from lawgov._model import Report

__all__ = [
    "SCHEMAS",
    "TABLES",
    "Column",
    "ColumnType",
    "DecimalMode",
    "TableError",
    "TableName",
    "arrow_schema",
    "citation_rows",
    "metric_rows",
    "power_rows",
    "rows",
    "section_rows",
    "to_arrow",
    "to_pandas",
    "write",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]

Reports = Report | Iterable[Report]


def write_csv(
    table: TableName,
    reports: Reports,
    target: str | os.PathLike[str] | IO[str],
    *,
    excel: bool = False,
) -> int:
    """Write a table as CSV (header line, decimals exact, None as an empty cell).

    Args:
        table: ``metrics``, ``powers``, ``citations`` or ``sections``.
        reports: A [Report][lawgov.Report] or an iterable of them (read lazily).
        target: A file path, or a text handle opened with ``newline=""``.
        excel: Start with a UTF-8 byte-order mark (and end lines with CRLF), as Excel expects.

    Returns:
        The number of rows written.

    Raises:
        TableError: ``table`` is not one of [TABLES][lawgov.tables.TABLES].
    """
    return write_rows_csv(SCHEMAS[check_table(table)], rows(table, reports), target, excel=excel)


def write_jsonl(
    table: TableName, reports: Reports, target: str | os.PathLike[str] | IO[str]
) -> int:
    """Write a table as JSON Lines: integers as numbers, decimals as exact strings, None as null.

    Returns:
        The number of rows written.
    """
    return write_rows_jsonl(SCHEMAS[check_table(table)], rows(table, reports), target)


def arrow_schema(table: TableName, *, decimals: DecimalMode = "decimal") -> Any:
    """The ``pyarrow.Schema`` of a table (needs the ``tables`` extra).

    Args:
        table: The table's name.
        decimals: ``"decimal"`` for decimal128(38, 6) columns, ``"string"`` for exact strings.
    """
    return arrow_schema_of(SCHEMAS[check_table(table)], decimals=decimals)


def to_arrow(table: TableName, reports: Reports, *, decimals: DecimalMode = "decimal") -> Any:
    """A table as a ``pyarrow.Table`` typed by [arrow_schema][lawgov.tables.arrow_schema].

    Raises:
        TableError: A decimal does not fit decimal128(38, 6) exactly (use ``decimals="string"``).
    """
    return rows_to_arrow(SCHEMAS[check_table(table)], rows(table, reports), decimals=decimals)


def to_pandas(table: TableName, reports: Reports, *, decimals: DecimalMode = "decimal") -> Any:
    """A table as a ``pandas.DataFrame``: Int64 integers, Decimal objects, zoned timestamps."""
    return rows_to_pandas(SCHEMAS[check_table(table)], rows(table, reports), decimals=decimals)


def write_parquet(
    table: TableName,
    reports: Reports,
    target: str | os.PathLike[str] | IO[bytes],
    *,
    decimals: DecimalMode = "decimal",
) -> int:
    """Write a table to a Parquet file, streamed in batches (needs the ``tables`` extra).

    Returns:
        The number of rows written.
    """
    columns = SCHEMAS[check_table(table)]
    return write_rows_parquet(columns, rows(table, reports), target, decimals=decimals)


def write(
    table: TableName,
    reports: Reports,
    path: str | os.PathLike[str],
    *,
    excel: bool = False,
    decimals: DecimalMode = "decimal",
) -> int:
    """Write a table to a file in the format its suffix names: .csv, .jsonl or .parquet.

    Returns:
        The number of rows written.

    Raises:
        TableError: An unknown table or suffix.
    """
    columns = SCHEMAS[check_table(table)]
    return write_rows(columns, rows(table, reports), path, excel=excel, decimals=decimals)
