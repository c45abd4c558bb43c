"""The XML format: [`to_xml`][lawgov.to_xml] and [`from_xml`][lawgov.from_xml], in the namespace
``urn:lawgov:report:1``.

Element names are the model's field names with ``-`` for ``_``; a tuple field is a wrapper element
holding one element per item (``<sections><section>…``, ``<preamble><p>…``), left out when the
tuple is empty; an optional field is left out when it is None, so None (no element) and an empty
string (an empty element) stay distinct. Scalars are written exactly as in JSON (decimals with
their exact digits, datetimes with their offset), so JSON → XML → JSON gives identical bytes.

Reading is safe against hostile input: the text must be UTF-8 and at most
`MAX_INPUT_BYTES`; any DOCTYPE or entity declaration is refused before
parsing; the parser resolves no entities, loads no DTD, touches no network and keeps libxml2's
depth and size limits (no ``huge_tree``). A well-formed document is validated against the shipped
XSD ([`lawgov.xml_schema`][lawgov.xml_schema]); the objects of a valid document are built straight
from its elements by generated per-class functions, and only when something is wrong a second pass
collects every problem with its path.
"""

from __future__ import annotations

import re
import threading
import typing
from importlib import resources
from typing import Any, Final

from lxml import etree

from lawgov import _model
from lawgov._errors import FormatError, Problem, ProblemList, ValidationError
from lawgov._formats import convert as _convert
from lawgov._formats.bounds import refuse_oversized
from lawgov._formats.codegen import run_generated
from lawgov._formats.convert import FieldSpec, field_specs, model_classes
from lawgov._formats.json import MAX_INPUT_BYTES
from lawgov._model import construct as _construct

__all__ = ["NAMESPACE", "from_xml", "to_xml", "xml_schema"]

#: The namespace of every lawgov report element; its last part is the format's major version.
NAMESPACE: Final = "urn:lawgov:report:1"
_NS: Final = "{" + NAMESPACE + "}"
_ROOT: Final = _NS + "report"

# The element of each item of a tuple field, by field name (a new tuple field gets <item>).
_ITEMS: Final = {
    "preamble": "p",
    "paragraphs": "p",
    "closing": "p",
    "notes": "note",
    "sections": "section",
    "subsections": "section",
    "measures": "measure",
    "submeasures": "measure",
    "metrics": "metric",
    "citations": "citation",
    "delegated_powers": "delegated-power",
    "changes": "change",
}


def element_name(field: str) -> str:
    """The element that holds a field (``delegated_powers`` → ``delegated-powers``)."""
    return field.replace("_", "-")


def item_name(field: str) -> str:
    """The element of one item of a tuple field (``sections`` → ``section``)."""
    return _ITEMS.get(field, "item")


def _text(element: Any) -> str:
    text: str | None = element.text
    return "" if text is None else text


# --- code generation: writer and fast reader -------------------------------------------------
#
# The writer builds the text directly (escaping &, <, > and the carriage return, which XML would
# otherwise normalise away); it writes what lxml's serializer would, several times faster. The fast
# reader builds the objects straight from an XSD-valid tree, with the checks of the converter's fast
# pass (the same generated lines and rule lines), so both formats accept exactly alike.


# Characters XML 1.0 cannot carry: C0 controls but tab, newline and return; U+FFFE, U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(text: str) -> str:
    """Escape text for element content (``&``, ``<``, ``>``, carriage returns), checking it.

    Raises:
        FormatError: A character XML 1.0 cannot carry.
    """
    # Most texts hold none of the four characters: a test each is cheaper than four replaces.
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    # Every character XML cannot carry is non-printing, as are the line break, the tab and the
    # carriage return: isprintable() clears almost every text, and only the rest is searched.
    if not text.isprintable():
        bad = _NOT_XML.search(text)
        if bad is not None:
            raise FormatError(
                f"cannot write the report as XML: character U+{ord(bad[0]):04X} is not allowed"
                " in XML"
            )
        text = text.replace("\r", "&#13;")
    return text


def _write_text(spec: FieldSpec, var: str) -> str:
    kind = spec.kind
    if kind == "str":
        return f"esc({var})"
    if kind in ("int", "decimal"):
        return f"{var}!s"
    if kind in ("datetime", "date"):
        return f"{var}.isoformat()"
    return f"{var}.value"


def _always_written(spec: FieldSpec) -> bool:
    """Whether a field's element is in every document (neither None nor a tuple, maybe empty)."""
    return not spec.optional and not spec.many


def _write_element(spec: FieldSpec, var: str, tag: str, indent: str) -> list[str]:
    """Lines that append one element holding ``var``, at the indentation held by ``indent``."""
    if spec.kind != "model":
        # An f-string builds the line in one step, where + would build three strings.
        return [f"out.append(f'{{{indent}}}<{tag}>{{{_write_text(spec, var)}}}</{tag}>\\n')"]
    call = f"w_{spec.target.__name__}({var}, out, {indent} + '  ')"
    if any(_always_written(field) for field in field_specs(spec.target)):
        return [
            f"out.append({indent} + '<{tag}>\\n')",
            call,
            f"out.append({indent} + '</{tag}>\\n')",
        ]
    # A nested object whose fields are all absent is an empty element, as lxml writes it.
    return [
        "mark = len(out)",
        f"out.append({indent} + '<{tag}>\\n')",
        call,
        "if len(out) == mark + 1:",
        f"    out[mark] = {indent} + '<{tag}/>\\n'",
        "else:",
        f"    out.append({indent} + '</{tag}>\\n')",
    ]


def _writer_source(cls: type) -> str:
    name = cls.__name__
    lines = [f"def w_{name}(o, out, ind):"]
    for spec in field_specs(cls):
        tag = element_name(spec.name)
        attr = f"o.{spec.name}"
        if spec.many:
            lines.append(f"    if {attr}:")
            lines.append(f"        out.append(ind + '<{tag}>\\n')")
            lines.append("        inner = ind + '  '")
            lines.append(f"        for i in {attr}:")
            body = _write_element(spec, "i", item_name(spec.name), "inner")
            lines.extend(f"            {line}" for line in body)
            lines.append(f"        out.append(ind + '</{tag}>\\n')")
        elif spec.optional:
            lines.append(f"    if {attr} is not None:")
            lines.extend(f"        {line}" for line in _write_element(spec, attr, tag, "ind"))
        else:
            lines.extend(f"    {line}" for line in _write_element(spec, attr, tag, "ind"))
    return "\n".join(lines)


def _reader_source(cls: type, namespace: dict[str, Any]) -> str:
    """``x_<class>``, which builds one object from an XSD-valid element, or raises INVALID.

    The XSD has fixed the children: the fields' elements in field order, each at most once,
    every required one present (the XSD is generated from these field specs, see ``xsd``). So
    the reader takes them in turn and reads a tag only where an element may be absent. Each value
    gets the very checks of the JSON fast pass (lawgov._formats.convert), then the rules that span
    fields, and the object is built through its twin; no intermediate dict is made.
    """
    name = cls.__name__
    specs = field_specs(cls)
    lines = [f"def x_{name}(el, depth):"]
    if any(spec.target is cls for spec in specs):
        lines += ["    depth += 1", f"    if depth > {_convert.MAX_DEPTH}: raise INVALID"]
    lines += ["    it = iter(el)", "    c = next(it, None)"]
    for spec in specs:
        var = f"v_{spec.name}"
        read: list[str] = []
        if spec.many:
            if spec.kind == "str":
                read.append(f"{var} = [i.text for i in c]")
                read.append(f"for i in {var}:")
                read.append(f"    {_convert._TEXT_CHECK.format(var='i')}")
                read.append(f"{var} = tuple({var})")
            else:
                read.append(f"{var} = tuple([x_{spec.target.__name__}(i, depth) for i in c])")
                if spec.name in _convert._NUMBERED:
                    read.append(f"for n, i in enumerate({var}, 1):")
                    read.append("    if i.number != n: raise INVALID")
        else:
            if spec.kind == "int":
                read.append(f"{var} = int(c.text)")
            elif spec.kind == "model":
                read.append(f"{var} = c")
            else:
                read.append(f"{var} = c.text")
            _convert._fast_value(spec, var, read, "", "x")
        read.append("c = next(it, None)")
        if spec.optional or spec.many or not spec.required:
            # An absent element: None, the empty tuple or the default, valid as they are.
            absent = "()" if spec.many else "None" if spec.optional else f"D_{name}_{spec.name}"
            lines.append(f"    if c is not None and c.tag == T_{name}_{spec.name}:")
            lines += [f"        {line}" for line in read]
            lines += ["    else:", f"        {var} = {absent}"]
        else:
            lines += [f"    {line}" for line in read]
    lines.append("    if c is not None: raise INVALID")
    lines += [f"    {line}" for line in _convert._RULE_LINES.get(name, ())]
    fields = [spec.name for spec in specs]
    lines += [f"    {line}" for line in _construct.construction(cls, fields, "o", namespace)]
    lines.append("    return o")
    return "\n".join(lines)


def _compile() -> tuple[Any, Any]:
    namespace: dict[str, Any] = {**_convert.fast_names(), "esc": escape}
    sources = []
    for cls in model_classes():
        name = cls.__name__
        for spec in field_specs(cls):
            namespace[f"T_{name}_{spec.name}"] = _NS + element_name(spec.name)
        sources.append(_writer_source(cls))
        sources.append(_reader_source(cls, namespace))
    run_generated("\n\n".join(sources), "lawgov._formats.xml", namespace)
    return namespace["w_Report"], namespace["x_Report"]


# --- compiled on first use (keeps the compile out of ``import lawgov``) ---
_COMPILED: list[tuple[Any, Any]] = []


def _write_report(report: _model.Report, out: list[str], indent: str) -> None:
    if not _COMPILED:
        _COMPILED.append(_compile())
    _COMPILED[0][0](report, out, indent)


def _read_report(root: Any, depth: int) -> Any:
    if not _COMPILED:
        _COMPILED.append(_compile())
    return _COMPILED[0][1](root, depth)


# --- end compiled on first use ---
_GAVE_UP: Final = (*_convert.FAST_PASS_GAVE_UP, AttributeError)


# --- writing ---------------------------------------------------------------------------------

_HEAD: Final = (
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    f'<report xmlns="{NAMESPACE}" version="{_convert.FORMAT_VERSION}" xml:lang="zh-CN">\n'
)


def to_xml(report: _model.Report) -> bytes:
    """Write a report as a lawgov XML document: UTF-8, with declaration, two-space indentation.

    The output is deterministic and always valid against [`xml_schema`][lawgov.xml_schema].

    Raises:
        FormatError: A string holds a character XML 1.0 cannot carry (a control character other
            than tab, newline and carriage return, or a lone surrogate), or the document would
            exceed `MAX_INPUT_BYTES`, which no reader accepts.
        TypeError: ``report`` is not a [`Report`][lawgov.Report].
    """
    if not isinstance(report, _model.Report):
        raise TypeError(f"expected a lawgov Report, got {type(report).__name__}")
    out = [_HEAD]
    _write_report(report, out, "  ")
    out.append("</report>\n")
    # Texts were checked as they were escaped (the markup around them is plain ASCII).
    try:
        document = "".join(out).encode("utf-8")
    except UnicodeEncodeError:
        raise FormatError("cannot write the report as XML: lone surrogate") from None
    refuse_oversized(len(document), "XML")  # limits: what readers refuse is not written
    return document


# --- reading ---------------------------------------------------------------------------------

_DECLARATION = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_REFUSED = (b"<!DOCTYPE", b"<!ENTITY", b"<!ELEMENT", b"<!ATTLIST")
_STR_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


def _prepare(data: str | bytes, source: str | None) -> bytes:
    if isinstance(data, str):
        if len(data) > MAX_INPUT_BYTES:
            raise FormatError(f"input exceeds {MAX_INPUT_BYTES} characters", source=source)
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError:
            raise FormatError(
                "expected Unicode text, got a lone surrogate", source=source
            ) from None
    elif isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
    else:
        raise FormatError(f"expected XML as str or bytes, got {type(data).__name__}", source=source)
    if len(raw) > MAX_INPUT_BYTES:
        raise FormatError(f"input exceeds {MAX_INPUT_BYTES} bytes", source=source)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        raise FormatError("expected UTF-8 XML, got UTF-16", source=source)
    declared = _DECLARATION.match(raw.lstrip(b"\xef\xbb\xbf"))
    if declared is not None and declared[1].lower() not in (b"utf-8", b"utf8"):
        encoding = declared[1].decode("ascii")
        raise FormatError(f"expected UTF-8 XML, got encoding {encoding!r}", source=source)
    # Each refused construct holds a "!", which a lawgov document rarely does (Chinese text has
    # the full-width "！"): one byte search clears most documents before the four slower ones.
    for construct in _REFUSED if b"!" in raw else ():
        if construct in raw:
            name = construct.decode("ascii")
            raise FormatError(
                f"expected a lawgov XML document, got {name} (DTDs and entity declarations are"
                " refused)",
                source=source,
            )
    return raw


def _parser() -> etree.XMLParser:
    # A fresh parser per call: lxml parsers must not be shared between threads.
    return etree.XMLParser(
        encoding="utf-8",
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


# One compiled schema per thread: a validator keeps its error log on itself, so threads must
# not share one. Compiling takes a few milliseconds, once per thread.
_local = threading.local()


def _xsd() -> etree.XMLSchema:
    schema: etree.XMLSchema | None = getattr(_local, "schema", None)
    if schema is None:
        schema = _local.schema = etree.XMLSchema(etree.fromstring(xml_schema(), _parser()))
    return schema


def xml_schema() -> bytes:
    """The XML Schema (XSD 1.0) of lawgov XML documents, as shipped in the package."""
    return (resources.files("lawgov") / "schemas" / "report.xsd").read_bytes()


def _parse(raw: bytes, source: str | None) -> Any:
    try:
        root = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as error:
        line = f" - at line {error.lineno}" if error.lineno else ""
        message = str(error.msg).split(", line ")[0]
        raise FormatError(
            f"expected well-formed XML, got: {message}{line}", source=source
        ) from None
    except (ValueError, etree.LxmlError) as error:
        raise FormatError(f"expected well-formed XML, got: {error}", source=source) from None
    if root is None:
        raise FormatError("expected an XML document, got nothing", source=source)
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise FormatError("expected a lawgov XML document, got a DTD", source=source)
    return root


# --- slow reading: element tree -> JSON-shaped data, every problem collected ---------------

#: An integer as an element holds it (the XSD's ``Integer`` type; the range is checked apart).
INTEGER_PATTERN: Final = r"-?[0-9]{1,17}"
_INTEGER = re.compile(INTEGER_PATTERN)


def _slow_object(
    cls: type, element: Any, path: str, problems: list[Problem], lenient: bool
) -> dict[str, Any]:
    specs = {element_name(spec.name): spec for spec in field_specs(cls)}
    data: dict[str, Any] = {
        spec.name: None for spec in field_specs(cls) if spec.optional and spec.required
    }
    seen: set[str] = set()
    for child in element:
        tag = child.tag
        local = tag[len(_NS) :] if isinstance(tag, str) and tag.startswith(_NS) else None
        spec = specs.get(local) if local is not None else None
        where = _convert.join_path(path, local or str(etree.QName(child).localname))
        if spec is None:
            if not lenient:
                message = f"unknown element <{etree.QName(child).localname}>"
                problems.append(Problem(path=where, message=message, rule="unknown_field"))
            continue
        if spec.name in seen:
            message = f"element <{local}> given more than once"
            problems.append(Problem(path=where, message=message, rule="type"))
            continue
        seen.add(spec.name)
        if spec.many:
            items = []
            expected = _NS + item_name(spec.name)
            for index, item in enumerate(child):
                if item.tag != expected:
                    message = (
                        f"expected <{item_name(spec.name)}>, got <{etree.QName(item).localname}>"
                    )
                    problems.append(Problem(path=f"{where}[{index}]", message=message, rule="type"))
                    continue
                items.append(_slow_value(spec, item, f"{where}[{index}]", problems, lenient))
            data[spec.name] = items
        else:
            data[spec.name] = _slow_value(spec, child, where, problems, lenient)
    return data


def _slow_value(
    spec: FieldSpec, element: Any, path: str, problems: list[Problem], lenient: bool
) -> Any:
    if spec.kind == "model":
        return _slow_object(spec.target, element, path, problems, lenient)
    if len(element):
        problems.append(Problem(path=path, message="expected text, got elements", rule="type"))
        return None
    text = _text(element)
    if spec.kind == "int":
        # xs:integer collapses whitespace, and so does the reader.
        if _INTEGER.fullmatch(text.strip()) is None:
            shown = text if len(text) <= 40 else text[:40] + "…"
            message = f"expected an integer, got {shown!r}"
            problems.append(Problem(path=path, message=message, rule="type"))
            return text
        return int(text)
    return text


def _schema_error(schema: etree.XMLSchema) -> str:
    entry = schema.error_log.last_error
    if entry is None:
        return "the document does not match the lawgov XML schema"
    return f"{entry.message} - at line {entry.line}"


def from_xml(data: str | bytes, *, source: str | None = None) -> _model.Report:
    """Read a report from a lawgov XML document.

    Args:
        data: The document, as UTF-8 bytes or as text (which may carry its own XML declaration,
            as long as it says UTF-8).
        source: Where it came from (a path or URL), carried by any error.

    Returns:
        The report, fully validated.

    Raises:
        FormatError: Not well-formed, not UTF-8, a DTD or entity declaration, too large, a wrong
            root element or namespace, an unsupported version, or a structure the XSD refuses.
        ValidationError: Every wrong value, each with its path.
    """
    with _convert.gc_paused():
        return _from_xml(data, source)


def _from_xml(data: str | bytes, source: str | None) -> _model.Report:
    root = _parse(_prepare(data, source), source)
    if root.tag != _ROOT:
        qname = etree.QName(root)
        got = f"<{qname.localname}>" + (
            f" in namespace {qname.namespace!r}" if qname.namespace else " in no namespace"
        )
        raise FormatError(
            f"expected a <report> root element in namespace {NAMESPACE!r}, got {got}", source=source
        )
    try:
        lenient = _convert.check_header(_convert.FORMAT_NAME, root.get("version"))
    except FormatError as error:
        error.source = source
        raise
    schema = _xsd()
    # A newer minor version may hold elements this XSD does not know; they are skipped.
    valid = not lenient and schema.validate(root)
    if valid:
        _convert._refresh_max_year()
        try:
            return typing.cast(_model.Report, _read_report(root, 0))
        except _GAVE_UP as error:
            # A value the fast checks doubt: the slow reader below decides. (AttributeError only
            # in case an element the XSD requires were missing after all: c.text on None.)
            _convert.forget(error)
    problems: list[Problem] = ProblemList()
    try:
        body = _slow_object(_model.Report, root, "", problems, lenient)
        if problems:
            problems = _convert.merge_problems(problems, _convert.collect(body, lenient))
    except FormatError as error:
        error.source = source
        raise
    except RecursionError:
        raise FormatError("nesting too deep", source=source) from None
    if problems:
        raise ValidationError(problems, source=source, model="Report")
    # Every element and text is readable: the values decide (ValidationError), and a document
    # the XSD refused although its values are fine has a structural fault (order, attributes).
    report = _convert.load_body(body, lenient=lenient, source=source)
    if lenient or valid:
        return report
    raise FormatError(f"expected a lawgov XML document: {_schema_error(schema)}", source=source)
