"""Writing rows of typed columns to CSV, JSON Lines, Arrow, Parquet and pandas.

This module owns how each logical column type (``columns.ColumnType``) is written:

========= ==================== ============ ==================== =========================
type      CSV                  JSON Lines   Arrow / Parquet      pandas
========= ==================== ============ ==================== =========================
string    text                 string       string               str
integer   digits               number       int64                Int64 (nullable)
decimal   exact string         string       decimal128(38, 6)    Decimal objects
timestamp ISO 8601 with offset string       timestamp[us, +08]   datetime64[us, UTC+08:00]
date      YYYY-MM-DD           string       date32               datetime.date objects
========= ==================== ============ ==================== =========================

None is an empty CSV cell and JSON null. Decimals are never floats: CSV and JSON Lines write
``str(Decimal)`` exactly as lawgov JSON does, and Arrow holds them as decimal128 with 6 places
(a value that does not fit exactly is refused, never rounded) or, on request, as their strings.
Timestamps keep their instant; Arrow holds one zone per column, China time (+08:00).

CSV and JSON Lines need nothing beyond the standard library; Arrow, Parquet and pandas need the
``tables`` extra (pyarrow, pandas), imported only when used. Every writer streams its rows.
"""

from __future__ import annotations

import csv
import datetime
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import IO, Any, Final, Literal

from lawgov._analysis.tables import Column, Row, TableError
from lawgov._formats.suffixes import TABLE_FORMATS, suffix_of

__all__ = [
    "ARROW_TIMEZONE",
    "DECIMAL_PRECISION",
    "DECIMAL_SCALE",
    "DecimalMode",
    "arrow_schema_of",
    "csv_cell",
    "format_of",
    "json_value",
    "rows_to_arrow",
    "rows_to_pandas",
    "write_rows",
    "write_rows_csv",
    "write_rows_jsonl",
    "write_rows_parquet",
]

#: How decimals are held in Arrow, Parquet and pandas: exact decimal128, or their exact strings.
DecimalMode = Literal["decimal", "string"]
#: decimal128 precision and scale: 32 digits before the point, 6 after (report figures have 4).
DECIMAL_PRECISION: Final = 38
DECIMAL_SCALE: Final = 6
#: The zone of Arrow timestamp columns (one per column): China time, where the reports come from.
ARROW_TIMEZONE: Final = "+08:00"
#: Rows per Arrow record batch (and Parquet row group slice) while streaming.
BATCH_ROWS: Final = 8192

Target = str | os.PathLike[str] | IO[str]


def _missing_extra(error: ImportError) -> ImportError:
    return ImportError(
        f"{error.name or 'pyarrow'} is needed for Arrow, Parquet and pandas output: "
        "pip install 'lawgov[tables]'"
    )


def _pyarrow() -> Any:
    try:
        import pyarrow  # noqa: PLC0415 -- an optional extra, loaded on first use
    except ImportError as error:
        raise _missing_extra(error) from error
    return pyarrow


def _iso(value: datetime.date) -> str:
    return value.isoformat()


def csv_cell(value: object) -> str:
    """How one value is written in a CSV cell (None → empty, decimals exact, dates ISO 8601)."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return _iso(value)
    return str(value)


def json_value(value: object) -> object:
    """How one value is written in JSON Lines (ints as numbers, decimals as exact strings)."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return _iso(value)
    return value


class _Opened:
    """A text target: a path opened for writing (closed after), or a handle lent by the caller."""

    def __init__(self, target: Target, *, encoding: str) -> None:
        self._own = not hasattr(target, "write")
        if self._own:
            path = os.fspath(target)  # type: ignore[arg-type]
            self.handle: IO[str] = open(path, "w", encoding=encoding, newline="")  # noqa: SIM115
        else:
            self.handle = target  # type: ignore[assignment]

    def __enter__(self) -> IO[str]:
        return self.handle

    def __exit__(self, *exc: object) -> None:
        if self._own:
            self.handle.close()


def write_rows_csv(
    columns: Sequence[Column], rows: Iterable[Row], target: Target, *, excel: bool = False
) -> int:
    """Write rows as CSV with a header line; returns how many rows were written.

    ``excel`` starts the file with a UTF-8 byte-order mark, which Excel needs to read UTF-8.
    """
    names = [column.name for column in columns]
    count = 0
    with _Opened(target, encoding="utf-8") as handle:
        if excel:
            handle.write("\ufeff")
        writer = csv.writer(handle, lineterminator="\r\n" if excel else "\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow([csv_cell(row[name]) for name in names])
            count += 1
    return count


def write_rows_jsonl(columns: Sequence[Column], rows: Iterable[Row], target: Target) -> int:
    """Write rows as JSON Lines, one object per row in column order; returns the row count."""
    names = [column.name for column in columns]
    count = 0
    with _Opened(target, encoding="utf-8") as handle:
        for row in rows:
            record = {name: json_value(row[name]) for name in names}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def _arrow_type(pa: Any, column: Column, decimals: DecimalMode) -> Any:
    if column.type == "integer":
        return pa.int64()
    if column.type == "decimal":
        if decimals == "string":
            return pa.string()
        return pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE)
    if column.type == "timestamp":
        return pa.timestamp("us", tz=ARROW_TIMEZONE)
    if column.type == "date":
        return pa.date32()
    return pa.string()


def arrow_schema_of(columns: Sequence[Column], *, decimals: DecimalMode = "decimal") -> Any:
    """The ``pyarrow.Schema`` of these columns, each field's description in its metadata."""
    pa = _pyarrow()
    return pa.schema(
        [
            pa.field(
                column.name,
                _arrow_type(pa, column, decimals),
                nullable=column.nullable,
                metadata={"description": column.description},
            )
            for column in columns
        ]
    )


def _fits(value: Decimal) -> bool:
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        return False
    return exponent >= -DECIMAL_SCALE and value.adjusted() < DECIMAL_PRECISION - DECIMAL_SCALE


def _arrow_value(column: Column, value: object, decimals: DecimalMode, row: Row) -> object:
    if value is None or column.type != "decimal":
        return value
    assert isinstance(value, Decimal)
    if decimals == "string":
        return str(value)
    if not _fits(value):
        raise TableError(
            f"{row.get('path', '')}: {column.name} {value} does not fit decimal128"
            f"({DECIMAL_PRECISION}, {DECIMAL_SCALE}) exactly; write decimals as strings instead"
        )
    return value


def _batches(
    columns: Sequence[Column], rows: Iterable[Row], schema: Any, decimals: DecimalMode
) -> Iterator[Any]:
    pa = _pyarrow()
    data: dict[str, list[object]] = {column.name: [] for column in columns}
    filled = 0
    for row in rows:
        for column in columns:
            data[column.name].append(_arrow_value(column, row[column.name], decimals, row))
        filled += 1
        if filled == BATCH_ROWS:
            yield pa.RecordBatch.from_pydict(data, schema=schema)
            data = {column.name: [] for column in columns}
            filled = 0
    if filled:
        yield pa.RecordBatch.from_pydict(data, schema=schema)


def rows_to_arrow(
    columns: Sequence[Column], rows: Iterable[Row], *, decimals: DecimalMode = "decimal"
) -> Any:
    """A ``pyarrow.Table`` of the rows, typed by the columns (see the module docstring)."""
    pa = _pyarrow()
    schema = arrow_schema_of(columns, decimals=decimals)
    return pa.Table.from_batches(list(_batches(columns, rows, schema, decimals)), schema=schema)


def rows_to_pandas(
    columns: Sequence[Column], rows: Iterable[Row], *, decimals: DecimalMode = "decimal"
) -> Any:
    """A ``pandas.DataFrame`` of the rows: nullable Int64 integers, Decimal objects, zoned times."""
    table = rows_to_arrow(columns, rows, decimals=decimals)
    try:
        import pandas  # noqa: PLC0415 -- an optional extra, loaded on first use
    except ImportError as error:
        raise _missing_extra(error) from error
    pa = _pyarrow()
    mapping = {pa.int64(): pandas.Int64Dtype()}
    return table.to_pandas(types_mapper=mapping.get)


def write_rows_parquet(
    columns: Sequence[Column],
    rows: Iterable[Row],
    target: str | os.PathLike[str] | IO[bytes],
    *,
    decimals: DecimalMode = "decimal",
) -> int:
    """Write rows to a Parquet file, streamed batch by batch; returns the row count."""
    _pyarrow()
    import pyarrow.parquet as pq  # noqa: PLC0415 -- an optional extra, loaded on first use

    schema = arrow_schema_of(columns, decimals=decimals)
    count = 0
    sink = target if hasattr(target, "write") else os.fspath(target)
    with pq.ParquetWriter(sink, schema) as writer:
        for batch in _batches(columns, rows, schema, decimals):
            writer.write_batch(batch)
            count += batch.num_rows
    return count


def format_of(path: str | os.PathLike[str]) -> str:
    """The export format named by a file's suffix: ``csv``, ``jsonl`` or ``parquet``.

    Raises:
        TableError: Any other suffix.
    """
    suffix = suffix_of(path)
    if suffix not in TABLE_FORMATS:
        raise TableError(
            f"{os.fspath(path)}: unknown table format {suffix or '(no suffix)'!r} "
            "(expected .csv, .jsonl or .parquet)"
        )
    return TABLE_FORMATS[suffix]


def write_rows(
    columns: Sequence[Column],
    rows: Iterable[Row],
    path: str | os.PathLike[str],
    *,
    excel: bool = False,
    decimals: DecimalMode = "decimal",
) -> int:
    """Write rows to a file in the format its suffix names (.csv, .jsonl, .parquet)."""
    fmt = format_of(path)
    if fmt == "parquet":
        return write_rows_parquet(columns, rows, path, decimals=decimals)
    if fmt == "jsonl":
        return write_rows_jsonl(columns, rows, path)
    return write_rows_csv(columns, rows, path, excel=excel)
