"""The ``show`` command: a report as a tree in the terminal."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import click

from lawgov._errors import LawgovError
from lawgov._model import Measure, Metric, Report, Section
from lawgov.cli._app import _encoding_option, cli
from lawgov.cli._batch import _fail
from lawgov.cli._files import _error_lines, _Kind, _kind_of, _load, _read_input
from lawgov.cli._rows import _measure_marker, _plain, _section_marker

# --------------------------------------------------------------------------------------------
# show


@attrs.frozen
class _Node:
    """One line of the rendered tree and the lines under it."""

    label: str
    children: tuple[_Node, ...] = ()


def _render_tree(nodes: Sequence[_Node], prefix: str = "") -> Iterator[str]:
    for index, node in enumerate(nodes):
        last = index == len(nodes) - 1
        yield f"{prefix}{'└── ' if last else '├── '}{node.label}"
        yield from _render_tree(node.children, prefix + ("    " if last else "│   "))


def _metric_node(metric: Metric) -> _Node:
    detail = f"{_plain(metric.value)} {metric.unit}"
    if metric.base_unit != metric.unit:
        detail += f" = {_plain(metric.base_value)} {metric.base_unit}"
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
    label = f"{click.style(_measure_marker(measure.number), bold=True)} {measure.title}"
    return _Node(label, tuple(children))


def _section_node(section: Section, depth: int, *, full: bool) -> _Node:
    children = _paragraph_nodes(section.paragraphs, full=full)
    children += [_metric_node(m) for m in section.metrics]
    children += _citation_nodes(section.citations)
    children += _power_nodes(section.delegated_powers)
    children += [_measure_node(m, full=full) for m in section.measures]
    children += [_section_node(s, depth + 1, full=full) for s in section.subsections]
    label = click.style(
        _section_marker(section.number, depth, printed=True) + section.title, bold=True
    )
    if depth == 1:
        label += click.style(f"  [{section.kind.value}]", fg="green")
    return _Node(label, tuple(children))


def _show_lines(report: Report, *, full: bool) -> Iterator[str]:
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
    nodes = _paragraph_nodes(report.preamble, full=full, name="preamble")
    nodes += [_metric_node(m) for m in report.metrics]
    nodes += _citation_nodes(report.citations)
    nodes += _power_nodes(report.delegated_powers)
    nodes += [_section_node(s, 1, full=full) for s in report.sections]
    nodes += _paragraph_nodes(report.closing, full=full, name="closing")
    nodes += [_Node(click.style(f"note: {note}", dim=True)) for note in report.notes]
    yield from _render_tree(nodes)
    total = sum(1 for _ in report.iter_metrics())
    measures = sum(1 for _ in report.iter_measures())
    citations = sum(1 for _ in report.iter_citations())
    sections = sum(1 for _ in report.iter_sections())
    yield click.style(
        f"{sections} sections, {measures} measures, {total} metrics, {citations} citations",
        dim=True,
    )


@cli.command(
    epilog="""\b
Examples:
  lawgov show report.json
  lawgov show report.xml --full | less -R
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
    encoding: str | None,
    as_html: bool = False,
    output: str | None = None,
) -> None:
    """Show a report as a readable tree: sections, measures, metrics highlighted, citations.

    FILE is a JSON or XML report, or raw text (.txt), which is parsed first; - reads stdin.
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
    for line in _show_lines(report, full=full):
        click.echo(line, color=color)


# --- show --html (issue 15 §4)
def _show_html(
    data: bytes, kind: _Kind, *, label: str, encoding: str | None, output: str | None
) -> None:
    """The report's page: parsed with its text and warnings when FILE is a report file."""
    import lawgov  # noqa: PLC0415

    subject: Any
    if kind is _Kind.TEXT:
        from lawgov._parse import file as _parse_file  # noqa: PLC0415

        suffix = "" if label == "<stdin>" else Path(label).suffix.lower()
        subject = _parse_file._read(
            data, source=label, suffix=suffix, encoding=encoding, url=None, rich=True
        )
    else:
        subject = _load(data, kind, source=label, encoding=encoding)
    page = lawgov.report_html(subject)
    if output is None:
        click.echo(page, nl=False)
    else:
        Path(output).write_text(page, encoding="utf-8")


# --- end show --html
