"""Whether a document parsed by a lenient parser can be loaded as it is, without parsing again.

orjson keeps the last of duplicate member names and reads integers beyond I-JSON's range; the
strict standard library parser refuses both. When the fast pass gives up on an orjson result
(an unknown member, a wrong value), parsing the same text twice more only to learn that it held
no duplicate is wasted: `strict_as_parsed` says so from the parsed tree itself, and the
caller then collects the problems from it.
"""

from __future__ import annotations

from typing import Any

from lawgov._formats import convert as _convert
from lawgov._model.limits import MAX_INTEGER

__all__ = ["strict_as_parsed"]


def strict_as_parsed(root: object, data: str | bytes) -> bool:
    """Whether ``root`` (parsed from ``data``) is what the strict parser would have given.

    True when the objects hold every member name the text has (see
    `member_bound`: no duplicate was dropped) and every number is
    one the strict parser keeps (integers within ±(2**53-1), finite floats). False means: parse
    again strictly, which says precisely what is wrong.
    """
    if type(root) is not dict:
        return False
    members = 0
    pending: list[Any] = [root]
    while pending:
        item = pending.pop()
        kind = type(item)
        if kind is dict:
            members += len(item)
            pending.extend(item.values())
        elif kind is list:
            # Comprehensions, not one step per item: a list may hold millions of numbers.
            pending.extend([x for x in item if type(x) is dict or type(x) is list])
            ints = [x for x in item if type(x) is int]
            if ints and (max(ints) > MAX_INTEGER or min(ints) < -MAX_INTEGER):
                return False
            floats = [x for x in item if type(x) is float]
            if floats and any(x - x != 0.0 for x in floats):  # inf or nan
                return False
        elif kind is int:
            if not -MAX_INTEGER <= item <= MAX_INTEGER:
                return False
        elif kind is float and item - item != 0.0:
            return False
    bound = _convert.member_bound(data, [root.get(name) for name in _convert.ROOT_TEXTS])
    return bound == members
