"""Parsing a published page: [`parse_html`][lawgov.parse_html] and
[`parse_html_result`][lawgov.parse_html_result].

The page is taken apart (`html_page`), rendered as the text the parser reads
best, and parsed by [`lawgov.parse`][lawgov.parse]; then the page's own structure fills what the
text
lacks: the publication date from ``PubDate`` or the disclosure block's 发布日期, the title from
``ArticleTitle``, the article heading or ``<title>`` (without the site's name), the address from
the caller or the ``Url`` metadata. Where each header field came from is recorded.
"""

from __future__ import annotations

import re
import unicodedata

import attrs
import pendulum

from lawgov._errors import ParseError
from lawgov._model import Report
from lawgov._model.han import is_basic_han
from lawgov._parse.html_page import Attachment, Page, read_page
from lawgov._parse.pipeline import ParseResult, ParseWarning, parse

__all__ = ["HtmlParseResult", "parse_html", "parse_html_result"]

_TIMEZONE = "Asia/Shanghai"
# A page whose article holds less prose than this, and links documents, is a notice about them.
_NOTICE_HAN = 300
_STRUCTURE = re.compile(r"^[一二三四五六七八九十]+[、.．]", re.M)


@attrs.frozen(kw_only=True)
class HtmlParseResult(ParseResult):
    """A report parsed from a published page, with what the page said.

    Attributes:
        page: The page taken apart: metadata, headings, disclosure block, byline, body.
        attachments: Documents linked from the article, with names and addresses.
    """

    page: Page = attrs.field(factory=Page)
    attachments: tuple[Attachment, ...] = ()


# The page's own origins in the vocabulary ParseResult.provenance uses (docs/parsing.md).
_SHARED_ORIGINS = (
    ("page metadata", "page metadata"),
    ("<title>", "page metadata"),
    ("article heading", "title line"),
    ("byline", "source line"),
    ("disclosure block", "disclosure block"),
    ("argument", "argument"),
)


def _shared_origin(origin: str) -> str | None:
    """``page metadata (PubDate)`` → ``page metadata``; None where the text parse knows better."""
    for prefix, shared in _SHARED_ORIGINS:
        if origin.startswith(prefix):
            return shared
    return None


def _key(text: str) -> str:
    return "".join(
        char
        for char in unicodedata.normalize("NFKC", text)
        if not unicodedata.category(char).startswith(("P", "Z"))
    )


def _title_origin(page: Page, title: str) -> str:
    key = _key(title)
    if _key(page.meta.get("ArticleTitle", "")) == key:
        return "page metadata (ArticleTitle)"
    if any(_key(heading) == key for heading in page.headings):
        return "article heading"
    if page.html_title and key and key in _key(page.html_title):
        return "<title>"
    return "text"


def _published_origin(page: Page, date: str) -> str:
    if any(date.replace("-", "") in re.sub(r"\D", "", line) for line in page.byline):
        return "byline"
    if page.meta.get("PubDate") and page.published == date:
        return "page metadata (PubDate)"
    if any(label == "发布日期" for label, _ in page.disclosure):
        return "disclosure block (发布日期)"
    return "text"


def _issuer_origin(page: Page, report: Report) -> str:
    name = report.issuer.name
    if name in report.title:
        return "title line"
    if any(label == "发布机构" and value == name for label, value in page.disclosure):
        return "disclosure block (发布机构)"
    if page.meta.get("ContentSource") == name:
        return "page metadata (ContentSource)"
    if any(name in line for line in page.byline):
        return "byline"
    return "text"


def _attachment_list(attachments: tuple[Attachment, ...]) -> str:
    return "; ".join(f"{item.name} ({item.url})" for item in attachments)


def _is_notice(page: Page) -> bool:
    body = "\n".join(page.body)
    han = sum(1 for char in body if is_basic_han(char))
    return bool(page.attachments) and han < _NOTICE_HAN and not _STRUCTURE.search(body)


def parse_html_result(
    page: str | bytes, *, url: str | None = None, source: str | None = None
) -> HtmlParseResult:
    """Parse a published report page, keeping the page, the text, warnings and provenance.

    Args:
        page: The page as fetched (bytes in any charset: UTF-8, GBK, GB2312, GB18030, declared
            or not) or already decoded.
        url: The page's address: recorded as the report's ``url`` and used to make attachment
            links absolute. Defaults to the page's ``Url`` metadata.
        source: Where the page came from (a file name), named in error messages.

    Returns:
        The report, the text it was read from, the warnings, the page, where each header field
        came from, and the attachments.

    Raises:
        ParseError: The bytes decode to no text, the page is beyond the size limit, or its text
            is not a report (for a notice page, the message names its attachments).
    """
    taken = read_page(page, url=url, source=source)
    text = taken.to_text()
    notice = _is_notice(taken)
    try:
        result = parse(text, source=source, url=taken.url)
    except ParseError as error:
        if taken.attachments:
            raise ParseError(
                f"the page is not a report itself; the report is in its attachment(s): "
                f"{_attachment_list(taken.attachments)} ({error})",
                source=source,
            ) from error
        raise
    report = result.report
    warnings = list(result.warnings)
    # The text parser's provenance, refined where the page itself says more.
    provenance: dict[str, str] = dict(result.provenance)
    found: dict[str, str] = {}
    changes: dict[str, object] = {}

    page_title = taken.title
    derived = result.provenance.get("title") == "derived"
    if page_title and _key(page_title) != _key(report.title) and ("报告" in page_title or derived):
        warnings.append(
            ParseWarning(
                stage="page",
                message=f"the text's title {report.title!r} differs from the page's; took "
                f"{page_title!r}",
            )
        )
        changes["title"] = page_title
        found["title"] = _title_origin(taken, page_title)
    else:
        found["title"] = _title_origin(taken, report.title)

    if report.published is None and taken.published:
        year, month, day = (int(part) for part in taken.published.split("-"))
        if year >= report.year:
            changes["published"] = pendulum.datetime(year, month, day, tz=_TIMEZONE)
            found["published"] = (
                "page metadata (PubDate)"
                if taken.meta.get("PubDate")
                else "disclosure block (发布日期)"
            )
    elif report.published is not None:
        date = report.published.to_date_string()
        found["published"] = _published_origin(taken, date)
        if taken.published and taken.published != date:
            warnings.append(
                ParseWarning(
                    stage="page",
                    message=f"the printed date {date} differs from the page metadata's "
                    f"{taken.published}; kept the printed one",
                )
            )
    found["url"] = "argument" if url else ("page metadata (Url)" if taken.url else "none")
    found["issuer"] = _issuer_origin(taken, report)
    for field, origin in found.items():
        shared = _shared_origin(origin)
        if shared is not None and not (field == "title" and derived and "title" not in changes):
            provenance[field] = shared

    if notice:
        warnings.append(
            ParseWarning(
                stage="page",
                message="the page is a short notice; the report is in the attachment(s): "
                + _attachment_list(taken.attachments),
            )
        )
    if changes:
        report = attrs.evolve(report, **changes)  # type: ignore[arg-type]
    return HtmlParseResult(
        report=report,
        text=result.text,
        cleaning=result.cleaning,
        warnings=tuple(warnings),
        page=taken,
        provenance=provenance,
        attachments=taken.attachments,
    )


def parse_html(page: str | bytes, *, url: str | None = None, source: str | None = None) -> Report:
    """Parse a published report page (HTML as fetched) into a report.

    Example:
        >>> import lawgov
        >>> html = (
        ...     "<html><head><meta name='PubDate' content='2021-03-02'></head><body>"
        ...     "<h1>岚山县司法局2020年法治政府建设年度报告</h1><div id='zoom'>"
        ...     "<p>2020年，岚山县司法局坚持依法行政，全面推进法治政府建设。</p>"
        ...     "</div></body></html>"
        ... )
        >>> report = lawgov.parse_html(html)
        >>> report.issuer.name, report.year, report.published.to_date_string()
        ('岚山县司法局', 2020, '2021-03-02')

    Args:
        page: The page as fetched (bytes in any charset) or already decoded.
        url: The page's address (else its ``Url`` metadata), recorded as the report's ``url``.
        source: Where the page came from (a file name), named in error messages.

    Returns:
        A valid report. Use [`parse_html_result`][lawgov.parse_html_result] for the text, warnings
        and provenance.

    Raises:
        ParseError: The page cannot be decoded or read, or its text is not a report.
    """
    return parse_html_result(page, url=url, source=source).report
