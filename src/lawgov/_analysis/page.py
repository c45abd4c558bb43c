"""lawgov.report_html: one report as a single self-contained HTML page.

The page needs nothing but itself: inline CSS, one small inline script, no fonts, images or
addresses to fetch, and a Content-Security-Policy that forbids fetching anything (the script and
style run by their hashes). Every piece of report text is escaped: a report is untrusted input.

It shows the header fields with where they came from, the parser's warnings, the report as a tree
with its metrics, citations and delegated powers highlighted, and, for a parse result, the cleaned
text beside the tree with each fact marked at its place (see `page_marks`
for how the places are found). Side by side on a wide screen, one above the other on a phone,
both in full on paper.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

import attrs

from lawgov._analysis.page_marks import Fact, holders_of, iter_facts, mark_spans
from lawgov._model import Measure, Report, Section

if TYPE_CHECKING:
    from lawgov._parse.pipeline import ParseResult

_STYLE = """
:root{--ink:#1b1f24;--dim:#5b6570;--line:#d5dae0;--metric:#fff1b8;--citation:#d7ecff;
--power:#f3dcff;--warn:#fff4e5;font-family:system-ui,-apple-system,"Segoe UI","PingFang SC",
"Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:#fff}
*{box-sizing:border-box}
body{margin:0;padding:1rem;line-height:1.6;font-size:16px}
h1{font-size:1.4rem;margin:.2rem 0 .8rem;overflow-wrap:anywhere}
h2{font-size:1.1rem;margin:1.2rem 0 .4rem;border-bottom:1px solid var(--line)}
table.header{border-collapse:collapse;width:100%;font-size:.92rem}
table.header th,table.header td{text-align:left;vertical-align:top;padding:.25rem .5rem;
border-bottom:1px solid var(--line);overflow-wrap:anywhere}
table.header th{white-space:nowrap;width:1%}
.from{color:var(--dim);font-size:.8rem;line-height:1.3}
ul.warnings{background:var(--warn);padding:.5rem .5rem .5rem 1.6rem;border-radius:4px;
font-size:.9rem}
.layout{display:grid;grid-template-columns:minmax(0,1fr);gap:1rem}
.layout.with-text{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}
.pane{min-width:0}
.with-text .pane{max-height:85vh;overflow:auto;border:1px solid var(--line);border-radius:4px;
padding:0 .75rem}
ul.tree,ul.tree ul{list-style:none;margin:0;padding-left:1rem;border-left:1px solid var(--line)}
ul.tree{padding-left:.25rem;border-left:0}
ul.tree li{margin:.15rem 0}
.node{font-weight:600}
.kind{font-weight:400;font-size:.8rem;color:#1a7f37;margin-left:.4rem}
.para{color:var(--dim);font-size:.9rem}
.fact{border-radius:3px;padding:0 .2rem;text-decoration:none;color:inherit}
.metric{background:var(--metric)}
.citation{background:var(--citation)}
.power{background:var(--power)}
.fact .detail{color:var(--dim);font-size:.85rem;margin-left:.3rem}
.legend{display:flex;flex-wrap:wrap;gap:.3rem .6rem;align-items:center}
pre.source{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;font-size:.95rem;margin:.5rem 0}
mark{color:inherit}
:target{outline:2px solid #d9480f;outline-offset:1px}
.counts{color:var(--dim);font-size:.85rem}
@media (max-width:760px){
body{padding:.6rem;font-size:15px}
.layout.with-text{grid-template-columns:minmax(0,1fr)}
.with-text .pane{max-height:none;overflow:visible}
}
@media print{
body{padding:0;font-size:11pt}
.layout.with-text{grid-template-columns:minmax(0,1fr)}
.with-text .pane{max-height:none;overflow:visible;border:0;padding:0}
a.fact{color:inherit}
:target{outline:0}
.fact,mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""

# Marks the page as rendered (a browser test reads the marker) and counts the marks it shows.
_SCRIPT = """
(function(){var m=document.querySelectorAll("mark.fact").length;
var f=document.querySelectorAll("li .fact").length;var c=document.getElementById("counts");
if(c){c.textContent=f+" facts, "+m+" marked in the text";}
document.documentElement.setAttribute("data-lawgov-page","ready");})();
"""


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


_POLICY = (
    f"default-src 'none'; style-src {_hash(_STYLE)}; script-src {_hash(_SCRIPT)}; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def report_html(subject: Report | ParseResult) -> str:
    """One report as a single self-contained HTML page.

    Example:
        >>> import lawgov
        >>> page = lawgov.report_html(lawgov.parse(lawgov.samples.text("jianghai-kjj-2020")))
        >>> page.startswith("<!DOCTYPE html>")
        True

    Args:
        subject: A report (the tree and header only) or a parse result
            ([`lawgov.parse`][lawgov.parse], [`lawgov.parse_file_result`][lawgov.parse_file_result],
            [`lawgov.parse_html_result`][lawgov.parse_html_result]), whose cleaned text, warnings
            and header provenance the page shows too.

    Returns:
        The page: UTF-8 HTML with inline CSS and script, fetching nothing.
    """
    text: str | None = None
    warnings: tuple[str, ...] = ()
    provenance: dict[str, str] = {}
    if isinstance(subject, Report):
        report = subject
    else:
        report = subject.report
        text = subject.text
        warnings = tuple(str(warning) for warning in subject.warnings)
        provenance = dict(getattr(subject, "provenance", None) or {})
    holders, by_path = holders_of(report)
    spans = mark_spans(text, holders) if text is not None else {}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
        f"<title>{_e(report.title)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{_e(report.title)}</h1>",
        _header(report, provenance, parsed=text is not None),
        _warnings(warnings, parsed=text is not None),
        '<p class="legend"><span class="fact metric">metric</span>'
        '<span class="fact citation">citation</span><span class="fact power">delegated power</span>'
        '<span class="counts" id="counts"></span></p>',
        f'<div class="layout{" with-text" if text is not None else ""}">',
        '<section class="pane" aria-label="report tree"><h2>Report</h2>',
        _tree(report, by_path, spans),
        "</section>",
    ]
    if text is not None:
        facts = {fact.ident: fact for fact in iter_facts(holders)}
        parts += [
            '<section class="pane" aria-label="cleaned text"><h2>Cleaned text</h2>',
            f'<pre class="source">{_marked(text, spans, facts)}</pre>',
            "</section>",
        ]
    parts += ["</div>", f"<script>{_SCRIPT}</script>", "</body></html>", ""]
    return "\n".join(parts)


def _header(report: Report, provenance: Mapping[str, str], *, parsed: bool) -> str:
    rows: list[tuple[str, object]] = [
        ("title", report.title),
        ("issuer", report.issuer.name),
        ("year", report.year),
        ("published", report.published.isoformat() if report.published else None),
        ("source", report.source),
        ("url", report.url),
        ("views", report.views),
    ]
    if report.disclosure is not None:
        for name, value in attrs.asdict(report.disclosure, recurse=False).items():
            if value is not None:
                shown = (
                    value.name if hasattr(value, "name") and not isinstance(value, str) else value
                )
                rows.append((f"disclosure.{name}", shown))
    default = "the parsed text" if parsed else "the document"
    body = []
    for name, value in rows:
        if value is None:
            continue
        origin = provenance.get(name, default)
        body.append(
            f'<tr><th scope="row">{_e(name)}</th><td>{_e(value)}'
            f'<div class="from">from {_e(origin)}</div></td></tr>'
        )
    return '<table class="header"><tbody>' + "".join(body) + "</tbody></table>"


def _warnings(warnings: Sequence[str], *, parsed: bool) -> str:
    if not parsed:
        return ""
    if not warnings:
        return "<h2>Parser warnings</h2><p>None.</p>"
    items = "".join(f"<li>{_e(warning)}</li>" for warning in warnings)
    return (
        f'<h2>Parser warnings ({len(warnings)})</h2><ul class="warnings" id="warnings">{items}</ul>'
    )


def _fact_items(facts: Sequence[Fact], spans: Mapping[int, tuple[int, int]]) -> list[str]:
    items = []
    for fact in facts:
        target = f' href="#m{fact.ident}"' if fact.ident in spans else ""
        tag = "a" if target else "span"
        detail = f'<span class="detail">{_e(fact.detail)}</span>' if fact.detail else ""
        items.append(
            f'<li><{tag} class="fact {fact.kind}" id="t{fact.ident}"{target} '
            f'data-path="{_e(fact.path)}">{_e(fact.label)}'
            f"{detail}</{tag}></li>"
        )
    return items


def _paragraphs(paragraphs: Sequence[str], name: str) -> list[str]:
    return [f'<li class="para">{_e(name)}: {_e(text)}</li>' for text in paragraphs]


def _tree(report: Report, by_path: Mapping[str, list[Fact]], spans: Mapping[int, Any]) -> str:
    items = _paragraphs(report.preamble, "preamble")
    items += _fact_items(by_path.get("", []), spans)
    items += [
        _section(s, f"sections[{i}].", str(s.number), by_path, spans)
        for i, s in enumerate(report.sections)
    ]
    items += _paragraphs(report.closing, "closing")
    items += [f'<li class="para">note: {_e(note)}</li>' for note in report.notes]
    return '<ul class="tree">' + "".join(items) + "</ul>"


def _section(
    section: Section,
    path: str,
    number: str,
    by_path: Mapping[str, list[Fact]],
    spans: Mapping[int, Any],
) -> str:
    top = "." not in number
    kind = f'<span class="kind">{_e(section.kind.value)}</span>' if top else ""
    items = _paragraphs(section.paragraphs, "text")
    items += _fact_items(by_path.get(path, []), spans)
    items += [
        _measure(m, f"{path}measures[{i}].", by_path, spans) for i, m in enumerate(section.measures)
    ]
    items += [
        _section(s, f"{path}subsections[{i}].", f"{number}.{s.number}", by_path, spans)
        for i, s in enumerate(section.subsections)
    ]
    return (
        f'<li><span class="node">{_e(number)}{"." if top else ""} {_e(section.title)}</span>{kind}'
        f"<ul>{''.join(items)}</ul></li>"
    )


def _measure(
    measure: Measure, path: str, by_path: Mapping[str, list[Fact]], spans: Mapping[int, Any]
) -> str:
    items = _fact_items(by_path.get(path, []), spans)
    items += [
        _measure(m, f"{path}submeasures[{i}].", by_path, spans)
        for i, m in enumerate(measure.submeasures)
    ]
    inner = f"<ul>{''.join(items)}</ul>" if items else ""
    return f'<li><span class="node">({measure.number}) {_e(measure.title)}</span>{inner}</li>'


def _marked(text: str, spans: Mapping[int, tuple[int, int]], facts: Mapping[int, Fact]) -> str:
    out = []
    at = 0
    for ident, (start, end) in sorted(spans.items(), key=lambda item: item[1]):
        fact = facts[ident]
        out.append(_e(text[at:start]))
        out.append(
            f'<mark class="fact {fact.kind}" id="m{ident}">'
            f'<a class="fact" href="#t{ident}">{_e(text[start:end])}</a></mark>'
        )
        at = end
    out.append(_e(text[at:]))
    return "".join(out)
