"""Assertions that say exactly where two reports differ, for any test runner.

Needs neither Hypothesis nor pytest: the message is built from [`lawgov.diff`][lawgov.diff], one
line per differing path with both values.
"""

from __future__ import annotations

from lawgov._model.diff import diff, render_differences

__all__ = ["assert_reports_equal", "explain_difference"]


def explain_difference(a: object, b: object, *, limit: int = 50) -> list[str]:
    """Lines that explain how two lawgov objects differ, headed by a count of differing paths.

    Args:
        a: The first (left) object.
        b: The second (right) object.
        limit: At most this many difference lines; the rest are counted.

    Returns:
        The lines; empty when the objects are equal.
    """
    differences = diff(a, b)
    if not differences:
        return []
    count = len(differences)
    names = f"{type(a).__name__}s" if type(a) is type(b) else "objects"
    head = f"{names} differ at {count} path{'s' if count != 1 else ''} (left -> right):"
    return [head, *(f"  {line}" for line in render_differences(differences, limit=limit))]


def assert_reports_equal(a: object, b: object, *, limit: int = 50) -> None:
    """Assert that two reports (or other lawgov objects) are equal, naming every differing path.

    Args:
        a: The first (left, usually actual) object.
        b: The second (right, usually expected) object.
        limit: At most this many difference lines in the message; the rest are counted.

    Raises:
        AssertionError: The objects differ. The message reads, for example::

            Reports differ at 1 path (left -> right):
              sections[0].measures[1].metrics[2].value: 450 -> 500
    """
    __tracebackhide__ = True  # pytest shows the caller's line, not this helper's
    if a == b:
        return
    raise AssertionError("\n".join(explain_difference(a, b, limit=limit)))
