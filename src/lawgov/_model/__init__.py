"""The model layer: the report classes, their rules, and what they are built from.

``classes`` (the classes and their checks), ``rules`` (the rules' names and shared checks),
``docnumber`` (the document-number grammar), ``numerals`` (Chinese numerals), ``diff`` (path-based
differences) and ``construct`` (fast construction through twins). Nothing here imports the
formats, the parser or the command line.

The class names are re-exported so that ``lawgov._model.Report``, the name pickles made by lawgov
0.1.0 carry, still resolves.
"""

from lawgov._model.classes import (
    Agency,
    ChangeKind,
    Citation,
    DelegatedPower,
    Disclosure,
    DocumentNumber,
    Measure,
    Metric,
    PowerChange,
    PowerMode,
    Qualifier,
    Report,
    Section,
    SectionKind,
    check_node,
    tree_problems,
)

__all__ = [
    "Agency",
    "ChangeKind",
    "Citation",
    "DelegatedPower",
    "Disclosure",
    "DocumentNumber",
    "Measure",
    "Metric",
    "PowerChange",
    "PowerMode",
    "Qualifier",
    "Report",
    "Section",
    "SectionKind",
    "check_node",
    "tree_problems",
]
