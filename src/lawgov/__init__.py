"""lawgov: one typed, validated representation of 法治政府建设年度报告.

The public surface is re-exported here; implementation modules are private.
"""

from lawgov import samples
from lawgov._assess import ASSESSMENT_RULES, Assessment, Check, CheckStatus, assess, issuer_level
from lawgov._assess_corpus import assessment_chart_svg, summarize_assessments
from lawgov._cattrs import cattrs_converter, register_cattrs_hooks
from lawgov._clean import CleanResult, DamagedSpan, TextChange, clean, clean_text
from lawgov._convert import FORMAT_VERSION, from_dict, to_dict
from lawgov._corpus import iter_reports, write_reports
from lawgov._diff import Difference, diff
from lawgov._errors import FormatError, LawgovError, ParseError, Problem, ValidationError
from lawgov._io import read, write
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
from lawgov._parse import ParseResult, ParseWarning, parse, parse_text
from lawgov._schemas import json_schema
from lawgov._validation import RULES
from lawgov._version import __version__
from lawgov._xml import from_xml, to_xml, xml_schema

__all__ = [
    "ASSESSMENT_RULES",
    "FORMAT_VERSION",
    "RULES",
    "Agency",
    "Assessment",
    "ChangeKind",
    "Check",
    "CheckStatus",
    "Citation",
    "CleanResult",
    "DamagedSpan",
    "DelegatedPower",
    "Difference",
    "Disclosure",
    "DocumentNumber",
    "FormatError",
    "LawgovError",
    "Measure",
    "Metric",
    "ParseError",
    "ParseResult",
    "ParseWarning",
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
    "assess",
    "assessment_chart_svg",
    "cattrs_converter",
    "clean",
    "clean_text",
    "diff",
    "from_dict",
    "from_json",
    "from_xml",
    "issuer_level",
    "iter_reports",
    "json_schema",
    "parse",
    "parse_text",
    "read",
    "register_cattrs_hooks",
    "samples",
    "summarize_assessments",
    "to_dict",
    "to_json",
    "to_xml",
    "write",
    "write_reports",
    "xml_schema",
]
