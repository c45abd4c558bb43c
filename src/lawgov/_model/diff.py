"""Structural, path-based comparison of two reports (or any two lawgov model objects).

[`diff`][lawgov.diff] walks both trees together, field by field in declaration order and list items
by position, and reports every leaf that differs with its path (``sections[1].measures[0].metrics[2]
.value``) and both values. Its verdict agrees with ``==``: ``diff(a, b) == []`` exactly when
``a == b``. Lists are compared position by position, without trying to match moved items: that
keeps the result predictable and cheap, and a reordered list shows up as differences at each
position whose content changed.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Literal, cast

import attrs

__all__ = ["Difference", "DifferenceKind", "diff", "render_differences"]

#: Whether a value changed, or a list item exists only on the right (added) or left (removed).
DifferenceKind = Literal["changed", "added", "removed"]

# A value summary longer than this is cut, so one difference stays one readable line.
_MAX_SHOWN = 100


@attrs.frozen(kw_only=True)
class Difference:
    """One place where two reports differ.

    Attributes:
        path: Where, in the notation of validation problems: ``sections[1].measures[0].title``;
            empty for the objects themselves (when their classes differ).
        left: The value in the first object; None for an added list item.
        right: The value in the second object; None for a removed list item.
        kind: ``"changed"`` for a value present on both sides, ``"added"`` for a list item only
            the second object has, ``"removed"`` for one only the first object has. It tells a
            removed item apart from an item that is None.
    """

    path: str
    left: object
    right: object
    kind: DifferenceKind = "changed"

    def __str__(self) -> str:
        where = self.path or "<root>"
        if self.kind == "added":
            return f"{where}: added {_show(self.right)}"
        if self.kind == "removed":
            return f"{where}: removed {_show(self.left)}"
        if type(self.left) is str and type(self.right) is str:  # not the str-valued enums
            left, right = _show_texts(self.left, self.right)
            return f"{where}: {left} -> {right}"
        return f"{where}: {_show(self.left)} -> {_show(self.right)}"


def diff(a: object, b: object) -> list[Difference]:
    """Every difference between two reports, with its path and both values, in document order.

    Works for any two lawgov model objects (a [`Report`][lawgov.Report], a
    [`Section`][lawgov.Section], …), e.g. one agency's reports from two years. Objects of the same
    class are compared field by field; tuples item by item by position, with extra items on one
    side reported as ``added`` or ``removed``; anything else (text, numbers, dates, enums, None
    against a value, objects of different classes) is compared with ``==`` and reported whole.
    The result is empty exactly when ``a == b``.

    Reordered lists are not matched up: if sections 2 and 3 swap places, the differences are at
    ``sections[1]…`` and ``sections[2]…``, for each field whose value differs between the
    section now at that position and the one before (their numbers stay 2 and 3, since
    numbering follows position).

    Args:
        a: The first ("left") object.
        b: The second ("right") object.

    Returns:
        The differences, in document order (fields in declaration order, depth first).
    """
    found: list[Difference] = []
    # An explicit stack rather than recursion, so deep trees never hit the recursion limit.
    # Entries marked "added"/"removed" are list items present on one side only; "compare"
    # entries are walked. Children are pushed in reverse so they pop in document order.
    stack: list[tuple[str, object, object, str]] = [("", a, b, "compare")]
    while stack:
        path, left, right, mode = stack.pop()
        if mode == "added":
            found.append(Difference(path=path, left=None, right=right, kind="added"))
        elif mode == "removed":
            found.append(Difference(path=path, left=left, right=None, kind="removed"))
        elif left is right:
            # Shared subtrees (attrs.evolve keeps them) are equal without a walk; tuples and
            # attrs' __eq__ treat identity the same way.
            continue
        elif type(left) is type(right) and attrs.has(type(left)):
            children = [
                (_join(path, field.name), getattr(left, field.name), getattr(right, field.name))
                for field in _fields(left)
            ]
            stack.extend((where, x, y, "compare") for where, x, y in reversed(children))
        elif isinstance(left, tuple) and isinstance(right, tuple):
            shared = min(len(left), len(right))
            items = [(f"{path}[{i}]", left[i], right[i], "compare") for i in range(shared)]
            items += [(f"{path}[{i}]", left[i], None, "removed") for i in range(shared, len(left))]
            items += [(f"{path}[{i}]", None, right[i], "added") for i in range(shared, len(right))]
            stack.extend(reversed(items))
        elif left != right:
            # Only leaves meet ==: containers are walked, so a deep tree never recurses.
            found.append(Difference(path=path, left=left, right=right))
    return found


def _fields(value: object) -> tuple[attrs.Attribute[Any], ...]:
    found: tuple[attrs.Attribute[Any], ...] = attrs.fields(
        cast("type[attrs.AttrsInstance]", type(value))
    )
    return found


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _show(value: object) -> str:
    """A short, one-line, unambiguous rendering of a value for a difference line."""
    text = _render(value)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


# When long texts are cut: characters of common text kept before the first difference, and
# characters shown in all (CJK characters are two columns wide, so two windows fit a line).
_CONTEXT = 10
_WINDOW = 30


def _show_texts(left: str, right: str) -> tuple[str, str]:
    """Two long texts cut to the same window around where they start to differ."""
    if len(repr(left)) <= _MAX_SHOWN and len(repr(right)) <= _MAX_SHOWN:
        return repr(left), repr(right)
    # Report texts are long paragraphs that differ in a few characters: start the window just
    # before the first difference, or the change would be cut off the end of the line.
    first = next(
        (i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b),
        min(len(left), len(right)),
    )
    start = max(0, first - _CONTEXT)

    def cut(text: str) -> str:
        shown = repr(text[start : start + _WINDOW])
        head = "…" if start else ""
        tail = "…" if start + _WINDOW < len(text) else ""
        return f"{head}{shown}{tail}"

    return cut(left), cut(right)


def _render(value: object) -> str:
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):  # dates and datetimes, pendulum's included
        return value.isoformat()
    if isinstance(value, tuple):
        return f"[{len(value)} item{'' if len(value) == 1 else 's'}]"
    if attrs.has(type(value)):
        # Scalar fields only: a nested report would not fit on a line.
        parts = []
        for field in _fields(value):
            item = getattr(value, field.name)
            if not isinstance(item, tuple) and not attrs.has(type(item)):
                parts.append(f"{field.name}={_render(item)}")
        return f"{type(value).__name__}({', '.join(parts)})"
    return repr(value)


def render_differences(differences: Iterable[Difference], *, limit: int = 50) -> list[str]:
    """The differences as text lines, one each, at most ``limit`` of them plus a count of the rest.

    Args:
        differences: What [`diff`][lawgov.diff] returned.
        limit: How many lines to show before summarising.

    Returns:
        The lines, without a trailing newline.
    """
    items = list(differences)
    lines = [str(item) for item in items[:limit]]
    if len(items) > limit:
        lines.append(f"... and {len(items) - limit} more")
    return lines
