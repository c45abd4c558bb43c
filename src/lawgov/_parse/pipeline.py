"""The text parser: raw scraped report text in, a valid [Report][lawgov.Report] out.

This module owns the pipeline and its public entry points, [parse_text][lawgov.parse_text] and
the richer [parse][lawgov.parse]. The stages run in one line, each stating what it guarantees to
the next:

1. clean (``clean``): simplified script, no pinyin, markup or mojibake, full-width punctuation in
   Chinese context;
2. header (``header``): title once, 来源/date/views, disclosure block, chrome gone;
3. identity, the year (``identity``): the year reported on, from the title, the body's first
   years or the publication date (the structure needs it to tell next year's plan section);
4. structure (``structure``): a plain tree of sections, paragraphs and measures, and the
   signature;
5. identity, the issuer (``identity``): the agency, from the title, 发布机构, signature, 来源 or
   the preamble's opening sentence;
6. facts: metrics, citations and delegated powers found in each holder's own text, identical
   ones recorded once per holder;
7. build: model objects, each validated as it is constructed.

Any input gives a valid report or a [ParseError][lawgov.ParseError] that says which line lacked
what; nothing else escapes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TypeVar

import attrs
import pendulum

from lawgov._errors import ParseError, ValidationError
from lawgov._model import (
    Agency,
    Citation,
    DelegatedPower,
    Measure,
    Metric,
    Report,
    Section,
)
from lawgov._model.han import HAN_BASIC
from lawgov._model.markers import heading_marker, measure_marker
from lawgov._parse import citations as _citations
from lawgov._parse import clean as _clean
from lawgov._parse import genre as _genre
from lawgov._parse import metrics as _metrics
from lawgov._parse import opening as _opening
from lawgov._parse import powers as _powers
from lawgov._parse.header import (
    Header,
    Line,
    find_genre_title,
    read_header,
)
from lawgov._parse.identity import (
    cited_year,
    find_issuer,
    heading_agency,
    report_year,
    text_year,
    url_date,
)
from lawgov._parse.structure import MeasureNode, Outline, SectionNode, build_outline

__all__ = ["ParseResult", "ParseWarning", "parse", "parse_text", "render_text"]

T = TypeVar("T")

# The name a report is held under when nothing in the text names its agency.
UNNAMED_AGENCY = "（未署名机关）"


@attrs.frozen(kw_only=True)
class ParseWarning:
    """Something the parser repaired, dropped or could not read, located by line.

    Attributes:
        stage: The pipeline stage that noticed it: ``clean``, ``header``, ``structure`` or
            ``facts``.
        message: What happened, with the line number of the cleaned text when known.
    """

    stage: str
    message: str

    def __str__(self) -> str:
        return f"{self.stage}: {self.message}"


@attrs.frozen(kw_only=True)
class ParseResult:
    """A parsed report with what the parser did to get it.

    Attributes:
        report: The report.
        text: The cleaned text the report was read from (line numbers in warnings refer to it).
        cleaning: The cleaner's own result (what it changed and where, damaged spans).
        warnings: Repairs and guesses, in pipeline order.
        provenance: Where each header field was read: field name (``title``, ``issuer``,
            ``year``, ``published``, ``source``, ``url``) to one of ``title line``,
            ``disclosure block``, ``source line``, ``signature``, ``opening sentence``,
            ``page metadata``, ``url``, ``derived`` or ``body`` (see ``docs/parsing.md``).
    """

    report: Report
    text: str
    cleaning: _clean.CleanResult
    warnings: tuple[ParseWarning, ...] = ()
    provenance: Mapping[str, str] = attrs.field(factory=lambda: MappingProxyType({}))


# A copy that lost its line breaks runs headings into one long line, each after a space that
# follows a sentence's end (…成效。 (一)强化组织引领…): such a line is split before them.
_FLATTENED = 60
_RUN_IN_HEADING = re.compile(
    r"(?<=[。！？；：:!?;])[ \t\u3000]+(?=[一二三四五六七八九十]{1,3}[、．])"
    # a bracketed marker also after a heading's own title (一、主要成效 （一）强化…)
    rf"|(?<=[。！？；：:!?;{HAN_BASIC}])[ \t\u3000]+(?=[（(][一二三四五六七八九十]{{1,3}}[）)])"
)


def _lines(text: str) -> list[Line]:
    """The non-blank lines, stripped; a long line that runs headings in is split before them."""
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        if len(stripped) < _FLATTENED:
            lines.append(Line(number=number, text=stripped))
            continue
        lines.extend(
            Line(number=number, text=piece.strip())
            for piece in _RUN_IN_HEADING.split(stripped)
            if piece.strip()
        )
    return lines


def _unique(items: Iterable[T]) -> list[T]:
    """Identical facts once, at their first occurrence."""
    return list(dict.fromkeys(items))


class _Facts:
    """Runs the fact finders on each holder's own text, with the report's issuer."""

    def __init__(
        self, issuer: Agency, warnings: list[ParseWarning], *, keep_script: bool = False
    ) -> None:
        self.issuer = issuer
        self.warnings = warnings
        # Text kept in traditional script is searched through its simplified shadow.
        self.keep_script = keep_script

    def _safe(self, finder: Callable[[], list[T]], what: str, line: int | None) -> list[T]:
        # The finders construct validated objects; a rule one of them breaks on odd input
        # costs that holder its facts of that kind, never the whole parse.
        try:
            return list(finder())
        except ValidationError as error:
            where = f"line {line}: " if line else ""
            self.warnings.append(
                ParseWarning(stage="facts", message=f"{where}{what} skipped: {error.message}")
            )
            return []

    def metrics(self, text: str, line: int | None) -> tuple[Metric, ...]:
        if not text:
            return ()
        printed = _Printed(text, shadowed=self.keep_script)
        found = self._safe(
            lambda: [printed.metric(m) for m in _metrics.find_metrics(printed.shadow)],
            "metrics",
            line,
        )
        return tuple(_unique(found))

    def citations(self, text: str, line: int | None) -> tuple[Citation, ...]:
        if not text:
            return ()
        printed = _Printed(text, shadowed=self.keep_script)
        found = self._safe(
            lambda: [printed.citation(c) for c in _citations.find_citations(printed.shadow)],
            "citations",
            line,
        )
        return tuple(_unique(found))

    def powers(
        self, text: str, citations: Sequence[Citation], line: int | None
    ) -> tuple[DelegatedPower, ...]:
        if not text:
            return ()
        printed = _Printed(text, shadowed=self.keep_script)
        # The finder matches its basis against the citations of the same (shadow) text.
        shadow_citations = (
            list(citations) if printed.shadow is text else _citations.find_citations(printed.shadow)
        )
        found = self._safe(
            lambda: [
                printed.power(power)
                for power in _powers.find_delegated_powers(
                    printed.shadow, issuer=self.issuer, citations=shadow_citations
                )
            ],
            "delegated powers",
            line,
        )
        return tuple(_unique(found))


class _Printed:
    """A holder's text and its simplified shadow (the same text unless kept in traditional
    script): facts are found in the shadow and their strings read back from the text."""

    __slots__ = ("shadow", "text")

    def __init__(self, text: str, *, shadowed: bool) -> None:
        self.text = text
        self.shadow = _clean.simplified_shadow(text) if shadowed else text

    def string(self, value: str) -> str:
        if self.shadow is self.text or value in self.text:
            return value
        index = self.shadow.find(value)
        return self.text[index : index + len(value)] if index >= 0 else value

    def metric(self, metric: Metric) -> Metric:
        if self.shadow is self.text:
            return metric
        name = None if metric.name is None else self.string(metric.name)
        return attrs.evolve(metric, text=self.string(metric.text), name=name)

    def citation(self, citation: Citation) -> Citation:
        if self.shadow is self.text:
            return citation
        number = citation.document_number
        return attrs.evolve(
            citation,
            title=None if citation.title is None else self.string(citation.title),
            document_number=None
            if number is None
            else attrs.evolve(number, issuer_code=self.string(number.issuer_code)),
        )

    def agency(self, agency: Agency | None) -> Agency | None:
        if agency is None or self.shadow is self.text:
            return agency
        return attrs.evolve(agency, name=self.string(agency.name))

    def power(self, power: DelegatedPower) -> DelegatedPower:
        if self.shadow is self.text:
            return power
        return attrs.evolve(
            power,
            name=None if power.name is None else self.string(power.name),
            grantor=self.agency(power.grantor),
            grantee=self.agency(power.grantee),
            basis=None if power.basis is None else self.citation(power.basis),
            changes=tuple(
                attrs.evolve(change, recipient=self.agency(change.recipient))
                for change in power.changes
            ),
        )


def _measure_texts(nodes: Sequence[MeasureNode]) -> Iterable[str]:
    for node in nodes:
        yield node.text
        yield from _measure_texts(node.submeasures)


def _measure_citations(measures: Sequence[Measure]) -> Iterable[Citation]:
    for measure in measures:
        for item in measure.iter_measures():
            yield from item.citations


def _measure(node: MeasureNode, number: int, facts: _Facts) -> Measure:
    return Measure(
        number=number,
        title=node.title,
        text=node.text,
        submeasures=[
            _measure(sub, index, facts) for index, sub in enumerate(node.submeasures, start=1)
        ],
        metrics=facts.metrics(node.text, node.line),
        citations=facts.citations(node.text, node.line),
    )


def _section(node: SectionNode, number: int, facts: _Facts) -> Section:
    # A heading's own words (a cited law in a title) are the section's, like its paragraphs.
    own = "\n".join([node.title, *node.paragraphs])
    measures = [_measure(item, index, facts) for index, item in enumerate(node.measures, start=1)]
    citations = facts.citations(own, node.line)
    statement = "\n".join([own, *_measure_texts(node.measures)])
    known = _unique([*citations, *_measure_citations(measures)])
    return Section(
        number=number,
        title=node.title,
        kind=node.kind,
        paragraphs=node.paragraphs,
        measures=measures,
        subsections=[
            _section(child, index, facts) for index, child in enumerate(node.children, start=1)
        ],
        delegated_powers=facts.powers(statement, known, node.line),
        metrics=facts.metrics(own, node.line),
        citations=citations,
    )


def _printed_title(header: Header) -> tuple[str | None, list[Line]]:
    """The title at the top, else a genre title line elsewhere (printed below a salutation).

    Returns the title (None when the page prints none) and the body without it.
    """
    if header.title is not None:
        return header.title, list(header.body)
    found = find_genre_title(header.body)
    if found is None:
        return None, list(header.body)
    index, spread, title = found
    body = list(header.body)
    del body[index : index + spread]
    return title, body


def _year(
    title: str | None,
    texts: Sequence[str],
    published: pendulum.DateTime | None,
    known: dict[str, str],
    warnings: list[ParseWarning],
    *,
    crumb_year: int | None = None,
    url: str | None = None,
) -> int | None:
    """The year reported on, with where it was read recorded in ``known``.

    In order: the title, the opening sentence, the body, a breadcrumb's ``> 2021年度``, the
    publication date, the date in the page's address, a year in a cited title; all but the
    first two with a warning.
    """
    if title is not None and (year := report_year(title, (), None)) is not None:
        known["year"] = "title line"
        return year
    if texts and (year := text_year(texts[:1], published)) is not None:
        known["year"] = "opening sentence"
        return year
    year = text_year(texts, published)
    if year is not None:
        known["year"] = "body"
        note = f"the year {year} is the first one the text prints"
    elif crumb_year is not None and report_year(f"{crumb_year}年", (), published) is not None:
        year = crumb_year
        known["year"] = "derived"
        note = f"no year printed; {year} read from the page's breadcrumb"
    else:
        year = report_year(None, (), published)
        addressed = url_date(url)
        if year is not None:
            known["year"] = "derived"
            note = f"no year printed; {year} derived from the publication date"
        elif addressed is not None and (
            year := report_year(None, (), pendulum.datetime(*addressed.timetuple()[:3]))
        ):
            known["year"] = "url"
            note = f"no year printed; {year} derived from the date in the page address"
        elif (year := cited_year(texts, published)) is not None:
            known["year"] = "body"
            note = f"no year printed; {year} is the year of a document the text cites"
        else:
            return None
    warnings.append(ParseWarning(stage="header", message=note))
    return year


def _issuer(
    title: str | None,
    *,
    publisher: str | None,
    signature: str | None,
    source: str | None,
    texts: Sequence[str],
    known: dict[str, str],
    warnings: list[ParseWarning],
    heading: str | None = None,
    banner: str | None = None,
    byline: str | None = None,
) -> str:
    """The issuer, with its provenance in ``known``; weak evidence adds a warning.

    ``heading`` is an agency the page prints alone where the title stands: it names the issuer
    unless the title does. ``banner`` is an agency printed alone above the title: it names the
    issuer only when nothing else does.
    """
    found = find_issuer(title, publisher=publisher, signature=signature, source=source, body=texts)
    if heading is not None and (found is None or found[1] != "title line"):
        found = (heading, "page heading")
    elif byline is not None and (found is None or found[1] != "title line"):
        # The agency printed alone under a title that names none (2023年…报告 / 青澜市民政局).
        found = (byline, "page heading")
        warnings.append(
            ParseWarning(stage="header", message=f"issuer {byline!r} read from the byline")
        )
    if found is None and banner is not None and _opening.fits_first_person(banner, texts):
        # An agency alone on the line above a title that names none (青澜市民政局 / 2022年…报告).
        found = (banner, "page heading")
        warnings.append(
            ParseWarning(stage="header", message=f"issuer {banner!r} read from above the title")
        )
    if found is None:
        guess = _opening.guess_agency(texts)
        found = (guess.name, "body") if guess is not None else (UNNAMED_AGENCY, "derived")
        warnings.append(
            ParseWarning(stage="header", message=f"no agency named; guessed {found[0]!r}")
        )
    elif found[1] in {"source line", "body"}:
        warnings.append(
            ParseWarning(stage="header", message=f"issuer {found[0]!r} read from the {found[1]}")
        )
    name, where = found
    known["issuer"] = where
    return name


def _derived_title(issuer: str, year: int, *, traditional: bool = False) -> str:
    """The title a report is held under when the page prints none (marked ``derived``).

    In the text's script: traditional when the text is kept in traditional script.
    """
    genre = "法治政府建設情況報告" if traditional else "法治政府建设情况报告"
    return f"{issuer}{year}年{genre}"


def _header_provenance(
    header: Header,
    published: pendulum.DateTime | None,
    url: str | None,
    known: dict[str, str],
) -> None:
    if published is not None:
        known["published"] = header.published_from or "source line"
    if header.source is not None:
        known["source"] = header.source_from or "source line"
    if url is not None:
        known["url"] = "page metadata"


def parse(
    text: str,
    *,
    source: str | None = None,
    url: str | None = None,
    keep_script: bool = False,
) -> ParseResult:
    """Parse raw report text into a report, keeping the cleaned text and every warning.

    Args:
        text: The report as scraped or copied: any script, any noise.
        source: Where the text came from (a file name), named in error messages.
        url: The page address, recorded as the report's ``url``.
        keep_script: Keep traditional characters instead of converting to simplified.

    Returns:
        The report, the cleaned text, the cleaner's result and the parser's warnings.

    Raises:
        ParseError: The text names no year or no issuer anywhere (the error gives the line and
            what was expected), or is not a string.
    """
    _check_text(text, source)
    cleaning = _clean.clean(text, keep_script=keep_script)
    warnings = [
        ParseWarning(
            stage="clean",
            message=f"removed damaged text {span.text!r} at offsets {span.start}-{span.end}",
        )
        for span in cleaning.damaged
    ]
    provenance: dict[str, str] = {}
    report = _read(
        cleaning.text,
        warnings,
        source=source,
        url=url,
        keep_script=keep_script,
        provenance=provenance,
    )
    return ParseResult(
        report=report,
        text=cleaning.text,
        cleaning=cleaning,
        warnings=tuple(warnings),
        provenance=MappingProxyType(provenance),
    )


def _check_text(text: object, source: str | None) -> None:
    if not isinstance(text, str):
        raise ParseError(f"expected report text as a str, got {type(text).__name__}", source=source)


def _read(
    cleaned: str,
    warnings: list[ParseWarning],
    *,
    source: str | None,
    url: str | None,
    keep_script: bool = False,
    provenance: dict[str, str] | None = None,
) -> Report:
    """Stages 2-5 on cleaned text; warnings are appended to ``warnings``.

    ``provenance``, when given, receives where each header field was read (see
    ``docs/parsing.md``, "Real published pages").
    """
    lines = _lines(cleaned)
    if not lines:
        raise ParseError(
            "expected a report (a title such as 区科技局2020年法治政府建设年度报告, then its "
            "text), got no text",
            source=source,
            line=1,
        )
    header = read_header(lines)
    warnings.extend(ParseWarning(stage="header", message=note) for note in header.notes)
    where = header.title_line or lines[0].number
    title, body = _printed_title(header)
    heading = heading_agency(title) if title is not None else None
    if heading is not None:
        # The page heads the report with its agency alone (杭州市某某局 / 时间：… 来源：…): the
        # agency is the issuer, and the title is the genre's line below, if one is printed.
        warnings.append(
            ParseWarning(stage="header", message=f"{heading!r} heads the page; it is not a title")
        )
        found = find_genre_title(body)
        title = None if found is None else found[2]
        if found is not None:
            del body[found[0] : found[0] + found[1]]
    texts = [line.text for line in body]
    if title is None and not body:
        raise ParseError(
            "expected a report title or text below the header, got only page metadata",
            source=source,
            line=lines[0].number,
        )
    # An agency heading stands for the title here: a court heads its own reports.
    reason = _genre.not_a_report(title if title is not None else heading, texts)
    if reason is not None:
        raise ParseError(
            f"expected a 法治政府建设 report, got another kind of text: {reason}",
            source=source,
            line=where,
        )
    known = provenance if provenance is not None else {}
    if title is None and (noted := _opening.noted_title(texts)) is not None:
        # Only the publishing note above the report prints its title (现将《…报告》予以公布).
        title = noted
        known["title"] = "opening sentence"
    elif title is not None:
        known["title"] = "title line"
        if _genre.weak_genre(title):
            warnings.append(
                ParseWarning(
                    stage="header",
                    message=f"title {title[:30]!r} does not read as a 法治政府建设 report's",
                )
            )
    published = header.published
    titled_year = report_year(title, (), None)
    if titled_year is not None and published is not None and published.year < titled_year:
        warnings.append(
            ParseWarning(
                stage="header",
                message=f"publication date {published.to_date_string()} precedes the reported "
                f"year {titled_year}; dropped",
            )
        )
        published = None
    year = _year(title, texts, published, known, warnings, crumb_year=header.crumb_year, url=url)
    if year is None:
        raise ParseError(
            "expected the year reported on: a title such as 区科技局2020年法治政府建设年度报告, "
            "a 20XX年 in the text, or a 发布时间 date",
            source=source,
            line=where,
        )
    outline = build_outline(body, year=year, page_marker=header.page_marker)
    warnings.extend(ParseWarning(stage="structure", message=note) for note in outline.notes)
    disclosure = header.disclosure
    publisher = disclosure.publisher.name if disclosure and disclosure.publisher else None
    issuer_name = _issuer(
        title,
        heading=heading,
        banner=next(filter(None, map(heading_agency, header.banners)), None),
        byline=heading_agency(header.byline) if header.byline is not None else None,
        publisher=publisher,
        signature=outline.signature,
        source=header.source,
        texts=texts,
        known=known,
        warnings=warnings,
    )
    if title is None:
        traditional = keep_script and any(
            _clean.simplified_shadow(text) != text for text in texts[:1]
        )
        title = _derived_title(issuer_name, year, traditional=traditional)
        known["title"] = "derived"
        warnings.append(
            ParseWarning(stage="header", message=f"no title printed; derived {title!r}")
        )
    _header_provenance(header, published, url, known)
    try:
        report = _build(
            outline,
            title=title,
            year=year,
            issuer=Agency(name=issuer_name),
            header=header,
            published=published,
            url=url,
            warnings=warnings,
            keep_script=keep_script,
        )
    except ValidationError as error:
        raise ParseError(
            f"the text gives an invalid report: {error.message} (at {error.path or 'report'})",
            source=source,
            line=where,
        ) from error
    return report


def _build(
    outline: Outline,
    *,
    title: str,
    year: int,
    issuer: Agency,
    header: Header,
    published: pendulum.DateTime | None,
    url: str | None,
    warnings: list[ParseWarning],
    keep_script: bool = False,
) -> Report:
    facts = _Facts(issuer, warnings, keep_script=keep_script)
    outside = "\n".join([*outline.preamble, *outline.closing])
    citations = facts.citations(outside, None)
    return Report(
        title=title,
        issuer=issuer,
        year=year,
        published=published,
        source=header.source,
        url=url,
        views=header.views,
        disclosure=header.disclosure,
        preamble=outline.preamble,
        sections=[_section(node, index, facts) for index, node in enumerate(outline.sections, 1)],
        closing=outline.closing,
        delegated_powers=facts.powers(outside, citations, None),
        metrics=facts.metrics(outside, None),
        citations=citations,
    )


def parse_text(
    text: str,
    *,
    source: str | None = None,
    url: str | None = None,
    keep_script: bool = False,
) -> Report:
    """Parse raw report text (scraped, damaged, traditional or simplified) into a report.

    Example:
        >>> import lawgov
        >>> report = lawgov.parse_text(lawgov.samples.text("jianghai-kjj-2020"))
        >>> report.issuer.name, report.year
        ('区科技局', 2020)

    Args:
        text: The report as scraped or copied.
        source: Where the text came from (a file name), named in error messages.
        url: The page address, recorded as the report's ``url``.
        keep_script: Keep traditional characters instead of converting to simplified.

    Returns:
        A valid report. Use [`parse`][lawgov.parse] for the cleaned text and the parser's warnings.

    Raises:
        ParseError: The text names no year or no issuer anywhere, or is not a string.
    """
    # The cleaner's fast path: the same text, without the record of changes parse() keeps.
    _check_text(text, source)
    cleaned = _clean.clean_text(text, keep_script=keep_script)
    return _read(cleaned, [], source=source, url=url, keep_script=keep_script)


# --- the reverse: a report as published text ------------------------------------------------


def _render_measure(measure: Measure) -> str:
    marker = measure_marker(measure.number)
    return marker + measure.text + "".join(_render_measure(sub) for sub in measure.submeasures)


def _render_section(section: Section, depth: int, out: list[str]) -> None:
    marker = heading_marker(section.number, depth + 1)
    out.append(marker + section.title)
    out.extend(section.paragraphs)
    out.extend(_render_measure(measure) for measure in section.measures)
    for child in section.subsections:
        _render_section(child, depth + 1, out)


def render_text(report: Report) -> str:
    """Write a report as plain text in the published layout that [`parse_text`][lawgov.parse_text]
    reads.

    The title, a 来源/发布时间/浏览次数 line, the disclosure block as ``label：value`` lines,
    the preamble, each section as a GB/T 9704 heading (一、/（一）/1./（1）) followed by its
    paragraphs and its measures (one ``N是`` paragraph each, sub-measures run in), then the
    closing. Reports that follow ``docs/conventions.md`` parse back to an equal report; this is
    what the parser's round-trip tests and benchmarks use.

    Args:
        report: Any valid report.

    Returns:
        The text, lines separated by newlines.
    """
    out = [report.title]
    meta = []
    if report.source is not None:
        meta.append(f"来源：{report.source}")
    if report.published is not None:
        moment = report.published.in_timezone("Asia/Shanghai")
        meta.append(f"发布时间：{moment.format('YYYY-MM-DD HH:mm:ss')}")
    if report.views is not None:
        meta.append(f"浏览次数：{report.views}")
    if meta:
        out.append("　".join(meta))
    disclosure = report.disclosure
    if disclosure is not None:
        rows = [
            ("索引号", disclosure.index_number),
            (
                "发文字号",
                None if disclosure.document_number is None else str(disclosure.document_number),
            ),
            ("发布机构", None if disclosure.publisher is None else disclosure.publisher.name),
            (
                "成文日期",
                None if disclosure.written is None else disclosure.written.to_date_string(),
            ),
            ("主题分类", disclosure.topic),
            ("体裁分类", disclosure.genre),
            ("有效性", disclosure.validity),
        ]
        # One line, so that an empty value cannot take the next line for its own.
        out.append(" ".join(f"[ {label} ] {value or ''}" for label, value in rows).strip())
    out.extend(report.preamble)
    for section in report.sections:
        _render_section(section, 0, out)
    out.extend(report.closing)
    return "\n".join(out) + "\n"
