"""The markers of headings and measures as reports print them (GB/T 9704): one writer.

`render_text` writes them, the Word reader restores the ones Word numbering leaves out, and the
command line shows them and names section paths by them; the parser reads the same markers back
(``structure`` and `lawgov._model.numerals.ordinal`).
"""

from __future__ import annotations

from typing import Final

from lawgov._model.numerals import chinese_ordinal

__all__ = ["HEADING_DEPTHS", "heading_marker", "measure_marker"]

#: How many heading levels have a marker of their own (一、 （一） 1. （1）); deeper headings
#: repeat the last.
HEADING_DEPTHS: Final = 4


def heading_marker(number: int, depth: int = 1, *, compact: bool = False) -> str:
    """The marker of a numbered heading: ``一、`` at depth 1, ``（一）`` at 2, ``1.`` at 3 and
    ``（1）`` at 4 and below (GB/T 9704).

    Args:
        number: The heading's ordinal (`lawgov.Section.number`).
        depth: Its level, 1 for a top-level section (a depth below 1 counts as 1).
        compact: Leave out the trailing 、 and . (``一``, ``（一）``, ``1``, ``（1）``): the form
            of section paths such as ``二/（一）/三是``.

    Returns:
        The marker; numbers beyond 99 are written in digits at every depth.
    """
    if depth <= 1:
        return chinese_ordinal(number) + ("" if compact else "、")
    if depth == 2:
        return f"（{chinese_ordinal(number)}）"
    if depth == 3:
        return str(number) if compact else f"{number}."
    return f"（{number}）"


def measure_marker(number: int) -> str:
    """The marker of a numbered measure: ``一是``, ``十二是`` (`lawgov.Measure.number`)."""
    return f"{chinese_ordinal(number)}是"
