"""File suffixes and the formats they name: one table for the readers, the writers and the CLI.

A single report is ``.json`` (lawgov JSON) or ``.xml`` (lawgov XML); a corpus is ``.jsonl``
(JSON Lines) or ``.xml`` (an XML collection, told from a single report by its root element); a
table of facts is ``.csv``, ``.jsonl`` (JSON Lines) or ``.parquet``.
Suffixes are compared in lower case (``REPORT.JSON`` is JSON).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Final, Literal

__all__ = [
    "CORPUS_FORMATS",
    "REPORT_FORMATS",
    "TABLE_FORMATS",
    "CorpusFormat",
    "ReportFormat",
    "TableFormat",
    "suffix_of",
]

ReportFormat = Literal["json", "xml"]
CorpusFormat = Literal["jsonl", "collection"]
TableFormat = Literal["csv", "jsonl", "parquet"]

#: The format of a one-report file, by suffix.
REPORT_FORMATS: Final[Mapping[str, ReportFormat]] = MappingProxyType(
    {".json": "json", ".xml": "xml"}
)
#: The format of a corpus file (many reports), by suffix.
CORPUS_FORMATS: Final[Mapping[str, CorpusFormat]] = MappingProxyType(
    {".jsonl": "jsonl", ".xml": "collection"}
)

#: The format of a table file (rows of facts: lawgov.tables, the metrics and table commands).
TABLE_FORMATS: Final[Mapping[str, TableFormat]] = MappingProxyType(
    {".csv": "csv", ".jsonl": "jsonl", ".parquet": "parquet"}
)


def suffix_of(path: str | os.PathLike[str]) -> str:
    """A path's suffix in lower case (``""`` when it has none), as the tables above key it."""
    return Path(path).suffix.lower()
