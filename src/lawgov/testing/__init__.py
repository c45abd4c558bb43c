"""Test-fixture kit: Hypothesis strategies, factories and assertions for lawgov reports.

The strategies (:func:`reports`, :func:`invalid_reports`, …) need the ``testing`` extra
(``pip install lawgov[testing]``), which brings Hypothesis. They are imported lazily, on first
use of one of their names: the pytest plugin lives in this package and pytest loads it for
everyone who has lawgov installed, so importing :mod:`lawgov.testing` itself must never import
Hypothesis. The factories and :func:`assert_reports_equal` work without it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lawgov.testing._strategies import (
        TextStyle,
        agencies,
        citations,
        decimals,
        delegated_powers,
        document_numbers,
        measures,
        metrics,
        reports,
        sections,
    )

__all__ = [
    "TextStyle",
    "agencies",
    "citations",
    "decimals",
    "delegated_powers",
    "document_numbers",
    "measures",
    "metrics",
    "reports",
    "sections",
]

# Names served from modules that import Hypothesis, loaded on first access (PEP 562).
_LAZY: dict[str, str] = {
    "TextStyle": "lawgov.testing._strategies",
    "agencies": "lawgov.testing._strategies",
    "citations": "lawgov.testing._strategies",
    "decimals": "lawgov.testing._strategies",
    "delegated_powers": "lawgov.testing._strategies",
    "document_numbers": "lawgov.testing._strategies",
    "measures": "lawgov.testing._strategies",
    "metrics": "lawgov.testing._strategies",
    "reports": "lawgov.testing._strategies",
    "sections": "lawgov.testing._strategies",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != "hypothesis":
            raise
        raise ImportError(
            f"lawgov.testing.{name} needs Hypothesis: pip install 'lawgov[testing]'"
        ) from error
    value = getattr(module, name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
