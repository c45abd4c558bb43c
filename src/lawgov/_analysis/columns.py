"""The typed columns of lawgov's tables (fact tables, assessments), shared by every export.

Kept apart from the tables themselves so that modules the package imports at start-up
(the assessments) can declare columns without importing the fact tables.
"""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = ["Column", "ColumnType"]

#: The logical types of columns (how each export writes them: see docs/tables.md).
ColumnType = Literal["string", "integer", "decimal", "timestamp", "date"]


@attrs.frozen(kw_only=True)
class Column:
    """One column of a fact table.

    Attributes:
        name: The column's name in every export.
        type: Its logical type: ``string``, ``integer``, ``decimal`` (exact), ``timestamp``
            (timezone-aware) or ``date``.
        description: What it holds.
        nullable: Whether it may be empty (None, an empty CSV cell, JSON null).
    """

    name: str
    type: ColumnType
    description: str
    nullable: bool = True
