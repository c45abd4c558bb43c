"""lawgov: one typed, validated representation of 法治政府建设年度报告.

The public surface is re-exported here; implementation modules are private. Public classes and
functions say ``__module__ == "lawgov"``, so reprs, pickles and tracebacks name ``lawgov.Report``
whichever private module defines it. The parser (``parse``, ``parse_text``, ``clean``,
``read_text`` …), the cattrs hooks and the samples load on first use (PEP 562), so
``import lawgov`` stays cheap for JSON and XML users.
"""

from __future__ import annotations

import importlib as _importlib
import inspect as _inspect
import typing as _typing
from typing import TYPE_CHECKING, Any

import attrs as _attrs

from lawgov import json, xml
from lawgov._errors import (
    FormatError,
    LawgovError,
    OutputExistsError,
    ParseError,
    Problem,
    SampleNotFoundError,
    ValidationError,
)
from lawgov._formats.convert import FORMAT_VERSION, from_dict, to_dict
from lawgov._formats.corpus import iter_reports, write_reports
from lawgov._formats.files import read, write
from lawgov._formats.json import MAX_INPUT_BYTES, from_json, to_json, to_json_bytes
from lawgov._formats.schemas import json_schema
from lawgov._formats.xml import from_xml, to_xml, xml_schema
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
from lawgov._model.diff import Difference, diff
from lawgov._model.markers import heading_marker, measure_marker
from lawgov._model.rules import RULES
from lawgov._version import __version__

if TYPE_CHECKING:
    from lawgov import samples
    from lawgov._analysis.assess import (
        ASSESSMENT_RULES,
        Assessment,
        Check,
        CheckStatus,
        assess,
        issuer_level,
    )
    from lawgov._analysis.assess_corpus import assessment_chart_svg, summarize_assessments
    from lawgov._analysis.page import report_html
    from lawgov._formats.cattrs import cattrs_converter, register_cattrs_hooks
    from lawgov._parse.clean import CleanResult, DamagedSpan, TextChange, clean, clean_text
    from lawgov._parse.encoding import read_text
    from lawgov._parse.file import parse_bytes, parse_bytes_result, parse_file, parse_file_result
    from lawgov._parse.html import HtmlParseResult, parse_html, parse_html_result
    from lawgov._parse.pipeline import ParseResult, ParseWarning, parse, parse_text

__all__ = [
    "ASSESSMENT_RULES",
    "FORMAT_VERSION",
    "MAX_INPUT_BYTES",
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
    "HtmlParseResult",
    "LawgovError",
    "Measure",
    "Metric",
    "OutputExistsError",
    "ParseError",
    "ParseResult",
    "ParseWarning",
    "PowerChange",
    "PowerMode",
    "Problem",
    "Qualifier",
    "Report",
    "SampleNotFoundError",
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
    "heading_marker",
    "issuer_level",
    "iter_reports",
    "json",
    "json_schema",
    "measure_marker",
    "parse",
    "parse_bytes",
    "parse_bytes_result",
    "parse_file",
    "parse_file_result",
    "parse_html",
    "parse_html_result",
    "parse_text",
    "read",
    "read_text",
    "register_cattrs_hooks",
    "report_html",  # --- report page (issue 15 §4)
    "samples",
    "summarize_assessments",
    "to_dict",
    "to_json",
    "to_json_bytes",
    "to_xml",
    "write",
    "write_reports",
    "xml",
    "xml_schema",
]

# The parser's names, served from their modules on first access.
_LAZY: dict[str, str] = {
    # The analysis layer: tables, checks and the page (xml.sax and friends) load on first use.
    "ASSESSMENT_RULES": "lawgov._analysis.assess",
    "Assessment": "lawgov._analysis.assess",
    "Check": "lawgov._analysis.assess",
    "CheckStatus": "lawgov._analysis.assess",
    "assess": "lawgov._analysis.assess",
    "issuer_level": "lawgov._analysis.assess",
    "assessment_chart_svg": "lawgov._analysis.assess_corpus",
    "summarize_assessments": "lawgov._analysis.assess_corpus",
    "report_html": "lawgov._analysis.page",
    "CleanResult": "lawgov._parse.clean",
    "DamagedSpan": "lawgov._parse.clean",
    "TextChange": "lawgov._parse.clean",
    "clean": "lawgov._parse.clean",
    "clean_text": "lawgov._parse.clean",
    "ParseResult": "lawgov._parse.pipeline",
    "ParseWarning": "lawgov._parse.pipeline",
    "parse": "lawgov._parse.pipeline",
    "parse_text": "lawgov._parse.pipeline",
    "HtmlParseResult": "lawgov._parse.html",
    "parse_html": "lawgov._parse.html",
    "parse_html_result": "lawgov._parse.html",
    "parse_file": "lawgov._parse.file",
    "parse_file_result": "lawgov._parse.file",
    "parse_bytes": "lawgov._parse.file",
    "parse_bytes_result": "lawgov._parse.file",
    # Not the parser, but not needed by JSON and XML users either: cattrs (25 ms to import)
    # and the samples (importlib.resources) load on first access too.
    "cattrs_converter": "lawgov._formats.cattrs",
    "register_cattrs_hooks": "lawgov._formats.cattrs",
    "samples": "lawgov.samples",
    "read_text": "lawgov._parse.encoding",
}


def _publish(value: Any) -> Any:
    # Public classes and functions name the package, not the private module that defines them.
    module = getattr(value, "__module__", "") or ""
    if not (callable(value) and module.startswith("lawgov._")):
        return value
    if isinstance(value, type):
        # String annotations are resolved in the namespace __module__ names: resolve them while
        # it still names the defining module, so typing.get_type_hints, attrs and cattrs keep
        # working on lawgov.Report.
        own = _inspect.get_annotations(value)
        if own:
            hints = _typing.get_type_hints(value)
            value.__annotations__ = {name: hints[name] for name in own}
        if _attrs.has(value):
            _attrs.resolve_types(value)
    value.__module__ = "lawgov"
    return value


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = _importlib.import_module(module_name)
    # A submodule (samples) is the value itself.
    value = module if module_name == f"{__name__}.{name}" else _publish(getattr(module, name))
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


for _name in __all__:
    if _name not in _LAZY:
        _publish(globals()[_name])
del _name
