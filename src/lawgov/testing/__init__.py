"""Test-fixture kit: Hypothesis strategies, factories and assertions for lawgov reports.

The strategies ([`reports`][lawgov.testing.reports],
[`invalid_reports`][lawgov.testing.invalid_reports], …) need the ``testing`` extra (``pip install
lawgov[testing]``), which brings Hypothesis. They are imported lazily, on first use of one of their
names: the pytest plugin lives in this package and pytest loads it for everyone who has lawgov
    installed, so importing [`lawgov.testing`][lawgov.testing] itself must never import
Hypothesis. The factories and [`assert_reports_equal`][lawgov.testing.assert_reports_equal] work
without it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from lawgov.testing import _register
from lawgov.testing._assertions import assert_reports_equal, explain_difference
from lawgov.testing._factories import (
    make_citation,
    make_delegated_power,
    make_document_number,
    make_measure,
    make_metric,
    make_report,
    make_section,
)

if TYPE_CHECKING:
    from lawgov.testing._invalid import INVALID_RULES, invalid_reports
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
    "INVALID_RULES",
    "TextStyle",
    "agencies",
    "assert_reports_equal",
    "citations",
    "decimals",
    "delegated_powers",
    "document_numbers",
    "explain_difference",
    "invalid_reports",
    "make_citation",
    "make_delegated_power",
    "make_document_number",
    "make_measure",
    "make_metric",
    "make_report",
    "make_section",
    "measures",
    "metrics",
    "reports",
    "sections",
]

# Names served from modules that import Hypothesis, loaded on first access (PEP 562).
_LAZY: dict[str, str] = {
    "INVALID_RULES": "lawgov.testing._invalid",
    "invalid_reports": "lawgov.testing._invalid",
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
        if (error.name or "").partition(".")[0] != "hypothesis":
            raise
        raise ImportError(
            f"lawgov.testing.{name} needs Hypothesis: pip install 'lawgov[testing]'"
        ) from error
    value = getattr(module, name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


# st.from_type(lawgov.Report) works once Hypothesis is imported, in either order (see _register).
_register.register_if_loaded()
