"""The lawgov pytest plugin, registered through the ``pytest11`` entry point.

It gives every test suite in an environment where lawgov is installed:

* the fixture ``lawgov_sample_report``: the bundled real report ``jianghai-kjj-2020``;
* the fixture ``lawgov_report_factory``: [`lawgov.testing.make_report`][lawgov.testing.make_report];
* a path-based explanation when ``assert a == b`` fails between two lawgov model objects
  (reports, sections, metrics, …), listing each differing path with both values.

pytest loads this module for everyone who has lawgov installed, with or without the ``testing``
extra, so it must not import Hypothesis: it uses only the factories and assertions of
[`lawgov.testing`][lawgov.testing], which work without it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest

from lawgov import samples
from lawgov._model import Report
from lawgov.testing._assertions import explain_difference
from lawgov.testing._factories import make_report

__all__ = ["lawgov_report_factory", "lawgov_sample_report", "pytest_assertrepr_compare"]

#: The sample that ``lawgov_sample_report`` loads.
SAMPLE_NAME = "jianghai-kjj-2020"


@pytest.fixture(scope="session")
def lawgov_sample_report() -> Report:
    """The bundled real sample report ``jianghai-kjj-2020`` (immutable, so shared per session).

    Returns:
        The report, as [`lawgov.samples.load`][lawgov.samples.load] gives it.
    """
    return samples.load(SAMPLE_NAME)


@pytest.fixture
def lawgov_report_factory() -> Callable[..., Report]:
    """[`lawgov.testing.make_report`][lawgov.testing.make_report]: call it with field overrides for
    a valid report.

    Returns:
        The factory.
    """
    return make_report


def _is_model(value: object) -> bool:
    # lawgov's own attrs classes (reports and their parts, and subclasses defined in lawgov).
    module = type(value).__module__
    return (module == "lawgov" or module.startswith("lawgov.")) and attrs.has(type(value))


def pytest_assertrepr_compare(
    config: pytest.Config, op: str, left: Any, right: Any
) -> list[str] | None:
    """Explain a failed ``==`` between two lawgov objects by the paths where they differ.

    Args:
        config: The pytest configuration (unused).
        op: The comparison operator.
        left: The left operand.
        right: The right operand.

    Returns:
        The explanation lines, or None to leave other comparisons to pytest.
    """
    if op != "==" or not (_is_model(left) and _is_model(right)):
        return None
    lines = explain_difference(left, right)
    return lines or None
