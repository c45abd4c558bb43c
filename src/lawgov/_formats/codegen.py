"""Compiling generated source so that tracebacks and ``inspect.getsource`` can show it.

The converter, the msgspec path and the XML readers generate Python for each model class. As
attrs does for its generated methods, the source is registered with `linecache` under a
unique file name before it is executed, so a traceback through generated code shows the
generated line instead of ``<lawgov generated> line 1038`` and nothing else.
"""

from __future__ import annotations

import itertools
import linecache
from typing import Any

__all__ = ["run_generated"]

_serial = itertools.count(1)


def run_generated(source: str, owner: str, namespace: dict[str, Any]) -> str:
    """Execute generated ``source`` in ``namespace``, registered with linecache.

    Args:
        source: The generated module text.
        owner: The module that generated it (``lawgov._formats.convert``), named in the file name.
        namespace: The globals the code runs in; its definitions land there.

    Returns:
        The file name the code was registered under.
    """
    filename = f"<lawgov generated {owner} #{next(_serial)}>"
    # The mtime of None keeps linecache.checkcache from dropping the entry (attrs does the same).
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)
    return filename
