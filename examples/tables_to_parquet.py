"""Fact tables from reports: rows in Python, then Parquet and CSV read back with pandas.

Run: python examples/tables_to_parquet.py  (needs the ``tables`` extra: pyarrow, pandas)
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import pandas as pd

import lawgov
import lawgov.samples
import lawgov.tables

report = lawgov.samples.load("jianghai-kjj-2020")
parsed = lawgov.parse_text(lawgov.samples.text("jianghai-kjj-2020"))  # the same report, from text

# Rows are plain dicts; a corpus is any iterable of reports, read one at a time.
for table in lawgov.tables.TABLES:
    count = sum(1 for _ in lawgov.tables.rows(table, [report, parsed]))
    print(f"{table}: {count} rows")

power = next(lawgov.tables.power_rows(report))
print(f"{power['path']}: {power['count']} handed down, {power['remaining']} remain")

with tempfile.TemporaryDirectory() as folder:
    parquet = Path(folder) / "metrics.parquet"
    written = lawgov.tables.write("metrics", [report, parsed], parquet)
    frame = pd.read_parquet(parquet)
    print(f"parquet rows read back: {len(frame)} of {written}")
    print(f"value is exact: {isinstance(frame['value'][0], Decimal)}")
    print(f"published keeps its zone: {frame['published'][0].isoformat()}")
    money = frame[frame["base_unit"] == "元"]
    total = sum(money["base_value"], Decimal(0)).normalize()
    print(f"money stated: {total:f} 元 in {len(money)} metrics")

    csv_path = Path(folder) / "powers.csv"
    lawgov.tables.write_csv("powers", report, csv_path, excel=True)  # with a BOM, for Excel
    powers = pd.read_csv(csv_path, encoding="utf-8-sig")
    print(
        f"csv: {powers['grantor'][0]} -> {powers['grantee'][0]}, remaining {powers['remaining'][0]}"
    )
