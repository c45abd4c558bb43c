"""The ``show`` command: a report as a tree in the terminal."""

from __future__ import annotations

import re
import shutil
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import click

from lawgov import (
    LawgovError,
    Measure,
    Metric,
    Report,
    Section,
    heading_marker,
    measure_marker,
)
from lawgov._model.numerals import plain_decimal
from lawgov.cli._app import _encoding_option, cli
from lawgov.cli._batch import _fail
from lawgov.cli._files import _error_lines, _Kind, _kind_of, _load, _read_input

# --------------------------------------------------------------------------------------------
# show


@attrs.frozen
class _Node:
    """One line of the rendered tree and the lines under it."""

    label: str
    children: tuple[_Node, ...] = ()


def _render_tree(nodes: Sequence[_Node], prefix: str = "") -> Iterator[tuple[str, str]]:
    """Each line of the tree with the indent its wrapped continuation lines take."""
    for index, node in enumerate(nodes):
        last = index == len(nodes) - 1
        below = prefix + ("    " if last else "│   ")
        yield f"{prefix}{'└── ' if last else '├── '}{node.label}", below
        yield from _render_tree(node.children, below)


def _metric_node(metric: Metric) -> _Node:
    detail = f"{plain_decimal(metric.value)} {metric.unit}"
    if metric.base_unit != metric.unit:
        detail += f" = {plain_decimal(metric.base_value)} {metric.base_unit}"
    if metric.qualifier.value != "exact":
        detail += f", {metric.qualifier.value}"
    if metric.name:
        detail += f", {metric.name}"
    return _Node(f"{click.style(metric.text, fg='yellow', bold=True)}  ({detail})")


def _citation_nodes(citations: Iterable[Any]) -> list[_Node]:
    return [_Node(click.style(f"cites {citation}", fg="cyan")) for citation in citations]


def _power_nodes(powers: Iterable[Any]) -> list[_Node]:
    nodes = []
    for power in powers:
        parts = [f"{power.grantor or '?'} → {power.grantee or '?'}", power.mode.value]
        if power.name:
            parts.append(power.name)
        parts.append(f"{power.count} (remaining {power.remaining})")
        children = [
            _Node(
                f"{change.kind.value} {change.count}"
                + (f" → {change.recipient}" if change.recipient else "")
            )
            for change in power.changes
        ]
        if power.basis is not None:
            children.insert(0, _Node(click.style(f"basis {power.basis}", fg="cyan")))
        nodes.append(
            _Node(click.style("powers ", fg="magenta") + ", ".join(parts), tuple(children))
        )
    return nodes


def _paragraph_nodes(paragraphs: Sequence[str], *, full: bool, name: str = "text") -> list[_Node]:
    if not paragraphs:
        return []
    if full:
        return [_Node(click.style(p, dim=True)) for p in paragraphs]
    count = len(paragraphs)
    return [_Node(click.style(f"{name}: {count} paragraph{'s' if count != 1 else ''}", dim=True))]


def _measure_node(measure: Measure, *, full: bool) -> _Node:
    children = [_metric_node(m) for m in measure.metrics]
    children += _citation_nodes(measure.citations)
    children += [_measure_node(sub, full=full) for sub in measure.submeasures]
    if full:
        children.insert(0, _Node(click.style(measure.text, dim=True)))
    label = f"{click.style(measure_marker(measure.number), bold=True)} {measure.title}"
    return _Node(label, tuple(children))


def _section_node(section: Section, depth: int, *, full: bool) -> _Node:
    children = _paragraph_nodes(section.paragraphs, full=full)
    children += [_metric_node(m) for m in section.metrics]
    children += _citation_nodes(section.citations)
    children += _power_nodes(section.delegated_powers)
    children += [_measure_node(m, full=full) for m in section.measures]
    children += [_section_node(s, depth + 1, full=full) for s in section.subsections]
    label = click.style(heading_marker(section.number, depth) + section.title, bold=True)
    if depth == 1:
        label += click.style(f"  [{section.kind.value}]", fg="green")
    return _Node(label, tuple(children))


def _show_lines(report: Report, *, full: bool) -> Iterator[tuple[str, str]]:
    """The lines of the view, each with its hanging indent (see `_wrap`)."""
    for line in _header_lines(report):
        yield line, _HANGING
    yield from _render_tree(_top_nodes(report, full=full))
    total = sum(1 for _ in report.iter_metrics())
    measures = sum(1 for _ in report.iter_measures())
    citations = sum(1 for _ in report.iter_citations())
    sections = sum(1 for _ in report.iter_sections())
    summary = f"{_count(sections, 'section')}, {_count(measures, 'measure')}, "
    summary += f"{_count(total, 'metric')}, {_count(citations, 'citation')}"
    yield click.style(summary, dim=True), ""


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _header_lines(report: Report) -> Iterator[str]:
    yield click.style(report.title, bold=True, underline=True)
    facts = [f"issuer {report.issuer}", f"year {report.year}"]
    if report.published is not None:
        facts.append(f"published {report.published.isoformat()}")
    if report.source:
        facts.append(f"source {report.source}")
    if report.views is not None:
        facts.append(f"views {report.views}")
    yield " · ".join(facts)
    if report.url:
        yield f"url {report.url}"
    if report.disclosure is not None:
        fields = attrs.asdict(report.disclosure, recurse=False)
        shown = [f"{k} {v}" for k, v in fields.items() if v is not None]
        if shown:
            yield "disclosure " + " · ".join(shown)


def _top_nodes(report: Report, *, full: bool) -> list[_Node]:
    nodes = _paragraph_nodes(report.preamble, full=full, name="preamble")
    nodes += [_metric_node(m) for m in report.metrics]
    nodes += _citation_nodes(report.citations)
    nodes += _power_nodes(report.delegated_powers)
    nodes += [_section_node(s, 1, full=full) for s in report.sections]
    nodes += _paragraph_nodes(report.closing, full=full, name="closing")
    nodes += [_Node(click.style(f"note: {note}", dim=True)) for note in report.notes]
    return nodes


# --------------------------------------------------------------------------------------------
# Fitting the terminal: wrapping with a hanging indent, and paging

_HANGING = "    "
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_RESET = "\x1b[0m"
# Below this many columns for the text itself, wrapping would only make the tree harder to read.
_MIN_TEXT_COLUMNS = 16


def _cells(char: str) -> int:
    """Terminal columns a character takes: two for wide (CJK) characters."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _width(text: str) -> int:
    return sum(_cells(char) for char in _ANSI.sub("", text))


def _wrap(line: str, indent: str, width: int) -> list[str]:
    """``line`` cut into pieces of at most ``width`` columns, continuations under ``indent``.

    Styles (ANSI colours) are closed at each cut and reopened after the indent, so the tree's
    guide lines never take a text's colour. Reports are mostly Chinese, which breaks between any
    two characters, so lines are cut at the column rather than at spaces.
    """
    hanging = _width(indent)
    if width - hanging < _MIN_TEXT_COLUMNS or _width(line) <= width:
        return [line]
    pieces: list[str] = []
    current, column, active = "", 0, ""
    for token in re.split(f"({_ANSI.pattern})", line):
        if _ANSI.fullmatch(token):
            current += token
            active = "" if token == _RESET else active + token
            continue
        for char in token:
            cells = _cells(char)
            if column + cells > width and column > hanging:
                pieces.append(current + (_RESET if active else ""))
                current, column = indent + active, hanging
            current += char
            column += cells
    pieces.append(current)
    return pieces


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


@cli.command(
    epilog="""\b
Examples:
  lawgov show report.json
  lawgov show report.xml --full --no-pager
  lawgov show scraped.txt            # parses the text first
"""
)
@click.argument("source", metavar="FILE")
@click.option("--full", is_flag=True, help="Show paragraph and measure texts too.")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colours (default: only when stdout is a terminal).",
)
@click.option(
    "--pager/--no-pager",
    default=True,
    help="Page output longer than the terminal (only when stdout is a terminal).",
)
@_encoding_option
# --- show --html (issue 15 §4): the option and its branch; the page is lawgov.report_html
@click.option("--html", "as_html", is_flag=True, help="Write a self-contained HTML page instead.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="With --html: the page file (else stdout).",
)
# --- end show --html
def show(
    *,
    source: str,
    full: bool,
    color: bool | None,
    pager: bool,
    encoding: str | None,
    as_html: bool = False,
    output: str | None = None,
) -> None:
    """Show a report as a readable tree: sections, measures, metrics highlighted, citations.

    FILE is a JSON or XML report, or raw text (.txt), which is parsed first; - reads stdin.
    Long lines wrap to the terminal's width under their tree guides, and output longer than the
    terminal goes through a pager ($PAGER, else less) when stdout is a terminal.
    """
    label = "<stdin>" if source == "-" else source
    try:
        data = _read_input(source)
        kind = _kind_of(source, data)
        if kind.is_corpus:
            raise click.UsageError(f"{label}: a corpus; show one report (lawgov show REPORT)")
        # --- show --html (issue 15 §4)
        if output is not None and not as_html:
            raise click.UsageError("-o/--output goes with --html")
        if as_html:
            _show_html(data, kind, label=label, encoding=encoding, output=output)
            return
        # --- end show --html
        report = _load(data, kind, source=label, encoding=encoding)
    except (LawgovError, OSError) as error:
        _fail(_error_lines(label, error))
    size = shutil.get_terminal_size()
    lines = [
        piece
        for line, indent in _show_lines(report, full=full)
        for piece in _wrap(line, indent, size.columns)
    ]
    if pager and _stdout_is_terminal() and len(lines) >= size.lines:
        click.echo_via_pager("\n".join(lines) + "\n", color=color)
        return
    for line in lines:
        click.echo(line, color=color)


# --- show --html (issue 15 §4)
def _show_html(
    data: bytes, kind: _Kind, *, label: str, encoding: str | None, output: str | None
) -> None:
    """The report's page: parsed with its text and warnings when FILE is a report file."""
    import lawgov  # noqa: PLC0415

    subject: Any
    if kind is _Kind.TEXT:
        suffix = "" if label == "<stdin>" else Path(label).suffix
        subject = lawgov.parse_bytes_result(data, source=label, suffix=suffix, encoding=encoding)
    else:
        subject = _load(data, kind, source=label, encoding=encoding)
    page = lawgov.report_html(subject)
    if output is None:
        click.echo(page, nl=False)
    else:
        Path(output).write_text(page, encoding="utf-8")


# --- end show --html
