"""lawgov: one typed, validated representation of 法治政府建设年度报告.

The public surface is re-exported here; implementation modules are private.
"""

from lawgov._clean import CleanResult, DamagedSpan, TextChange, clean, clean_text
from lawgov._convert import FORMAT_VERSION, from_dict, to_dict
from lawgov._errors import FormatError, LawgovError, ParseError, Problem, ValidationError
from lawgov._json import from_json, to_json
from lawgov._model import (
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
)
from lawgov._validation import RULES
from lawgov._version import __version__

__all__ = [
    "FORMAT_VERSION",
    "RULES",
    "Agency",
    "ChangeKind",
    "Citation",
    "CleanResult",
    "DamagedSpan",
    "DelegatedPower",
    "Disclosure",
    "DocumentNumber",
    "FormatError",
    "LawgovError",
    "Measure",
    "Metric",
    "ParseError",
    "PowerChange",
    "PowerMode",
    "Problem",
    "Qualifier",
    "Report",
    "Section",
    "SectionKind",
    "TextChange",
    "ValidationError",
    "__version__",
    "clean",
    "clean_text",
    "from_dict",
    "from_json",
    "to_dict",
    "to_json",
]
