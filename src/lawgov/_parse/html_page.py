"""What a published government page says, told apart by its structure: `Page`.

A page from a government content system (TRS, Hanweb, Ucap, ...) carries the standard page
metadata of 《政府网站发展指引》 (``<meta name="ArticleTitle">``, ``PubDate``,
``ContentSource`` ...), a ``<title>`` that usually ends in the site's name, the article's
heading, a byline near it (来源：… 发布时间：…), often a disclosure-attribute block (索引号,
发文字号, 发布机构 … as a table, a list or a definition list), the article container,
attachment links, and chrome around all of it (navigation, breadcrumbs, accessibility bars,
share bars, footers). `read_page` takes each apart; `Page.to_text` renders what the
text parser reads best.

The article container is found (`html_container`) by the content systems' own
container names, checked by the amount of prose they hold, and otherwise by a text-density rule
(see ``docs/parsing.md`` for the measurement behind the choice).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import urljoin, urlsplit

import attrs
import lxml.html

from lawgov._errors import ParseError
from lawgov._parse.header import _DATE, parse_date
from lawgov._parse.html_container import chrome_elements, find_container, is_chrome
from lawgov._parse.html_decode import decode_page
from lawgov._parse.html_tree import (
    TextStats,
    cjk_count,
    paragraphs,
    parse_tree,
    squash,
    text_stats,
    tokens,
)

__all__ = ["Attachment", "Page", "iso_date", "read_page", "strip_site_name"]

# --- metadata ------------------------------------------------------------------------------

# The page metadata of 《政府网站发展指引》 (国办发〔2017〕47号), by its canonical spelling.
_META_NAMES = (
    "SiteName",
    "SiteDomain",
    "SiteIDCode",
    "ColumnName",
    "ColumnDescription",
    "ColumnKeywords",
    "ColumnType",
    "ArticleTitle",
    "PubDate",
    "ContentSource",
    "Keywords",
    "Author",
    "Description",
    "Image",
    "Url",
)
_META_BY_LOWER = {name.lower(): name for name in _META_NAMES}
# Open Graph and Dublin Core spellings some systems use instead.
_META_BY_LOWER.update(
    {
        "og:title": "ArticleTitle",
        "og:url": "Url",
        "og:site_name": "SiteName",
        "dc.title": "ArticleTitle",
        "dc.date": "PubDate",
        "article:published_time": "PubDate",
        "publishdate": "PubDate",
        "pubdate": "PubDate",
    }
)

# --- the disclosure-attribute block ----------------------------------------------------------

# Label as printed (inner spaces removed) -> the label rendered for the text parser.
_DISCLOSURE_LABELS = {
    "索引号": "索引号",
    "信息索引号": "索引号",
    "发文字号": "发文字号",
    "文号": "发文字号",
    "文件编号": "发文字号",
    "发布机构": "发布机构",
    "发文机关": "发布机构",
    "发文单位": "发布机构",
    "发布单位": "发布机构",
    "公开责任部门": "发布机构",
    "所属机构": "发布机构",
    "成文日期": "成文日期",
    "成文时间": "成文日期",
    "发文日期": "成文日期",
    "生成日期": "成文日期",
    "发布日期": "发布日期",
    "发布时间": "发布日期",
    "公开日期": "发布日期",
    "公开时间": "发布日期",
    "主题分类": "主题分类",
    "信息分类": "主题分类",
    "体裁分类": "体裁分类",
    "组配分类": "体裁分类",
    "有效性": "有效性",
    "时效性": "有效性",
    "信息名称": "信息名称",
    "标题": "信息名称",
    "名称": "信息名称",
    "公开方式": "公开方式",
    "公开范围": "公开范围",
    "主题词": "主题词",
    "关键词": "主题词",
}
# Fields the text parser reads from a disclosure block; the others stay page data only.
_RENDERED_LABELS = (
    "索引号",
    "发文字号",
    "发布机构",
    "成文日期",
    "发布日期",
    "主题分类",
    "体裁分类",
    "有效性",
)
_LABEL_SPLIT = re.compile(
    r"^[\[［【]?\s*(?P<label>"
    + "|".join(
        r"\s*".join(map(re.escape, label))
        for label in sorted(_DISCLOSURE_LABELS, key=len, reverse=True)
    )
    + r")\s*[\]］】]?\s*[:：]?\s*(?P<value>.*)$"
)
_MIN_DISCLOSURE_LABELS = 3
_MAX_DISCLOSURE_HAN = 1500

# --- chrome lines -------------------------------------------------------------------------

# A short line with one of these is page furniture, not report text.
_CHROME_LINE = re.compile(
    r"字号|字体|打印本页|打印此页|关闭窗口|【\s*打印\s*】|【\s*关闭\s*】|无障碍|适老化|长者模式|关怀模式"
    r"|纠错|我要纠错|分享到|扫一扫|请点击右上角|微信公众号|当前位置|您现在的位置|您的位置|主办单位|承办单位"
    r"|主办[:：]|备案号|ICP备|网站标识码|公网安备|技术支持|联系我们|网站地图|版权所有|上一篇|下一篇"
    r"|返回顶部|加入收藏|设为首页|相关链接|相关文章|搜索|简体版|繁體版|English"
)
_MAX_CHROME_LINE = 80
_SENTENCE_END = re.compile(r"[。；]")

# --- bylines, titles, attachments -------------------------------------------------------------

_BYLINE = re.compile(
    r"(?<!成文)(?<!印发)(来源|信息来源|文章来源|发布时间|发布日期|更新时间|时间|日期)\s*[:：]"
)
_MAX_BYLINE = 160
# Bylines are looked for among the container's first lines (a title may come first).
_BYLINE_REACH = 4
# ... and above the container among this many preceding elements, this many levels up.
_BYLINE_SIBLINGS = 6
_BYLINE_LEVELS = 3
_LISTS = ("ul", "ol")
_TITLE_TOKENS = frozenset(
    {"title", "tit", "bt", "articletitle", "article-title", "news_title", "xxgk_title", "headline"}
)
_MAX_TITLE = 120
_GENRE = re.compile(r"报告|情况|工作")
_GENRE_WORD = re.compile(r"报告|法治|建设")
# The last separator of a <title> and what follows it, when that names a site: no digits (a
# separator inside 2021—2025年 is no site suffix), no genre word, a site word at its end.
_SITE_SUFFIX = re.compile(r"\s*(?:——|[_\-|｜—–])\s*(?P<site>[^_\-|｜—–\d]{2,40})$")
_SITE_WORD = re.compile(r"(?:网站|门户|政府网|人民政府|政府|网|平台|官网|首页)$")
_ATTACHMENT_SUFFIXES = (
    ".pdf",
    ".doc",
    ".docx",
    ".wps",
    ".ofd",
    ".xls",
    ".xlsx",
    ".et",
    ".zip",
    ".rar",
    ".7z",
)


@attrs.frozen(kw_only=True)
class Attachment:
    """A document linked from the article (the report itself, often).

    Attributes:
        name: The link text (else the file name).
        url: The address, absolute when the page's address or ``<base>`` is known.
    """

    name: str
    url: str


@attrs.frozen(kw_only=True)
class Page:
    """A published page taken apart.

    Attributes:
        meta: The standard page metadata present (``ArticleTitle``, ``PubDate``, ...).
        html_title: The ``<title>``.
        headings: Article heading candidates (``h1``-``h3``, elements named ``title``), in order.
        disclosure: The disclosure block's fields as ``(label, value)``, labels normalised.
        byline: The source/date lines printed near the title (来源：… 发布时间：…).
        body: The article's paragraphs in reading order, chrome removed.
        attachments: Documents linked from the article.
        url: The page's address (given, or the metadata's ``Url``).
        method: The rule that found the container: ``cms``, ``density`` or ``body``.
    """

    meta: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    html_title: str | None = None
    headings: tuple[str, ...] = ()
    disclosure: tuple[tuple[str, str], ...] = ()
    byline: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    url: str | None = None
    method: str = "body"

    @property
    def title(self) -> str | None:
        """The article's title: the metadata's, else a heading, else ``<title>`` less the site."""
        return page_title(self)

    @property
    def published(self) -> str | None:
        """The publication date ``YYYY-MM-DD`` from the metadata or the disclosure block."""
        candidates = [self.meta.get("PubDate", "")]
        candidates += [value for label, value in self.disclosure if label == "发布日期"]
        for candidate in candidates:
            date = iso_date(candidate)
            if date:
                return date
        return None

    def to_text(self) -> str:
        """The page as the text parser reads it best.

        The title line, a ``来源：X 发布时间：YYYY-MM-DD`` line (the printed byline, else one
        built from the metadata), the disclosure lines, then the body, one paragraph per line.
        """
        lines: list[str] = []
        title = self.title
        # A title that does not name the genre (a bare <title>, a column name) is rendered only
        # when the article prints no genre title of its own near its top: otherwise it is chrome.
        if title and (_GENRE.search(title) or not any(_GENRE.search(b) for b in self.body[:8])):
            lines.append(title)
        if self.byline:
            lines.extend(self.byline)
        else:
            built = []
            if self.meta.get("ContentSource"):
                built.append(f"来源：{self.meta['ContentSource']}")
            date = iso_date(self.meta.get("PubDate", ""))
            if date:
                built.append(f"发布时间：{date}")
            if built:
                lines.append("　".join(built))
        lines.extend(
            f"{label}：{value}"
            for label, value in self.disclosure
            if value and label in _RENDERED_LABELS
        )
        lines.extend(self.body)
        return "\n".join(lines) + "\n"


def iso_date(text: str) -> str | None:
    """The first date in ``text`` as ``YYYY-MM-DD`` (a real calendar date), or None.

    The date is read as the parser reads every printed date (``header.parse_date``).
    """
    date = parse_date(text)
    return None if date is None else date.isoformat()


def strip_site_name(title: str, site: str | None = None) -> str:
    """A ``<title>`` without the site name it ends with (``…报告_岚山县人民政府网站``)."""
    if site:
        for sep in ("——", "_", "-", "|", "｜", "—", " "):
            suffix = f"{sep}{site}"
            if title.endswith(suffix) and len(title) > len(suffix):
                return title[: -len(suffix)].strip()
    stripped = title
    while (match := _SITE_SUFFIX.search(stripped)) is not None:
        site_name = match["site"].strip()
        if not _SITE_WORD.search(site_name) or _GENRE_WORD.search(site_name):
            break
        stripped = stripped[: match.start()].strip()
    return stripped or title


def page_title(page: Page) -> str | None:
    """The best title a page offers (see `Page.title`)."""
    meta = page.meta.get("ArticleTitle", "").strip()
    site = page.meta.get("SiteName")
    if meta:
        return strip_site_name(meta, site)
    genre = [h for h in page.headings if _GENRE.search(h) and h != site]
    if genre:
        return genre[0]
    if page.html_title:
        stripped = strip_site_name(page.html_title, site)
        if _GENRE.search(stripped):
            return stripped
    others = [h for h in page.headings if h != site and cjk_count(h) >= 6]
    if others:
        return others[0]
    return strip_site_name(page.html_title, site) if page.html_title else None


# --- reading --------------------------------------------------------------------------------


def _meta(root: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in root.iter("meta"):
        name = (element.get("name") or element.get("property") or "").strip().lower()
        canonical = _META_BY_LOWER.get(name)
        content = squash(element.get("content") or "")
        if canonical and content and canonical not in found:
            found[canonical] = content
    return found


def _html_title(root: lxml.html.HtmlElement) -> str | None:
    for element in root.iter("title"):
        text = squash(element.text_content())
        if text:
            return text
    return None


def _disclosure_units(element: lxml.html.HtmlElement) -> list[str]:
    if element.tag == "table":
        return [squash(c.text_content()) for c in element.iter("td", "th")]
    if element.tag == "dl":
        return [squash(c.text_content()) for c in element.iter("dt", "dd")]
    return [squash(c.text_content()) for c in element.iter("li")]


def _label(unit: str) -> tuple[str, str] | None:
    match = _LABEL_SPLIT.match(unit)
    if match is None:
        return None
    label = re.sub(r"\s+", "", match["label"])
    return _DISCLOSURE_LABELS[label], match["value"].strip()


def _read_disclosure(element: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    units = [u for u in _disclosure_units(element) if u]
    fields: list[tuple[str, str]] = []
    index = 0
    while index < len(units):
        labelled = _label(units[index])
        index += 1
        if labelled is None:
            continue
        label, value = labelled
        if not value and index < len(units) and _label(units[index]) is None:
            value = units[index]
            index += 1
        fields.append((label, value))
    return fields


def _disclosure_block(
    root: lxml.html.HtmlElement, stats: TextStats
) -> tuple[lxml.html.HtmlElement | None, list[tuple[str, str]]]:
    """The innermost table, list or definition list that holds several disclosure labels."""
    best: tuple[lxml.html.HtmlElement | None, list[tuple[str, str]]] = (None, [])
    for element in root.iter("table", "ul", "ol", "dl"):
        # A disclosure block is small; reading every large layout table would cost the
        # page's size once per level of nesting.
        if stats.of(element)[0] > _MAX_DISCLOSURE_HAN:
            continue
        fields = _read_disclosure(element)
        distinct = len({label for label, _ in fields})
        # Later (inner) blocks of the same fields replace the outer layout tables.
        inner = best[0] is None or any(a is best[0] for a in element.iterancestors())
        if distinct >= _MIN_DISCLOSURE_LABELS and inner:
            best = (element, fields)
    return best


def _headings(root: lxml.html.HtmlElement, stats: TextStats) -> list[str]:
    found: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or stats.of(element)[0] > _MAX_TITLE:
            continue
        named = element.tag in ("h1", "h2", "h3") or not tokens(element).isdisjoint(_TITLE_TOKENS)
        if not named or is_chrome(element):
            continue
        text = squash(element.text_content())
        if 4 <= len(text) <= _MAX_TITLE and cjk_count(text) >= 4 and text not in found:
            found.append(text)
    return found


def _is_chrome_line(line: str) -> bool:
    if len(line) > _MAX_CHROME_LINE or _SENTENCE_END.search(line):
        return False
    return bool(_CHROME_LINE.search(line)) or (cjk_count(line) == 0 and len(line) <= 3)


def _is_byline(line: str) -> bool:
    return (
        len(line) <= _MAX_BYLINE and bool(_BYLINE.search(line)) and not _SENTENCE_END.search(line)
    )


def _base_url(root: lxml.html.HtmlElement, url: str | None) -> str | None:
    for element in root.iter("base"):
        href = (element.get("href") or "").strip()
        if href:
            return urljoin(url, href) if url else href
    return url


def _attachments(roots: Iterable[lxml.html.HtmlElement], base: str | None) -> list[Attachment]:
    found: dict[str, Attachment] = {}
    for root in roots:
        for link in root.iter("a"):
            href = (link.get("href") or "").strip()
            name = squash(link.text_content())
            path = urlsplit(href).path.lower() if href else ""
            if not href or href.lower().startswith(("javascript:", "mailto:", "#")):
                continue
            if not path.endswith(_ATTACHMENT_SUFFIXES) and not name.lower().endswith(
                _ATTACHMENT_SUFFIXES
            ):
                continue
            absolute = urljoin(base, href) if base else href
            if absolute not in found:
                filename = path.rsplit("/", 1)[-1]
                found[absolute] = Attachment(name=name or filename or absolute, url=absolute)
    return list(found.values())


def read_page(
    page: str | bytes, *, url: str | None = None, source: str | None = None, method: str = "auto"
) -> Page:
    """Take a published page apart (see `Page`).

    Args:
        page: The page, as fetched (bytes in any charset) or decoded.
        url: The page's address, for absolute attachment links and the report's ``url``.
        source: Where it came from, for error messages.
        method: The container rule (see `find_container`); ``auto`` unless measuring.

    Raises:
        ParseError: Bytes that decode to no text, a page beyond the size limit, or no HTML.
    """
    if isinstance(page, (bytearray, memoryview)):
        page = bytes(page)
    if not isinstance(page, (str, bytes)):
        raise ParseError(
            f"expected a page as str or bytes, got {type(page).__name__}", source=source
        )
    text = decode_page(page, source=source) if isinstance(page, bytes) else page
    root = parse_tree(text, source=source)
    meta = _meta(root)
    html_title = _html_title(root)
    url = url or meta.get("Url") or None
    body_element = root.find("body")
    body = body_element if body_element is not None else root
    stats = text_stats(body)
    block, disclosure = _disclosure_block(body, stats)
    container, found_by = find_container(body, stats, method)
    skip: list[object] = chrome_elements(container, container)
    if block is not None:
        skip.append(block)
    headings = _headings(body, stats)
    lines = [line for line in paragraphs(container, skip=skip) if not _is_chrome_line(line)]
    # Bylines printed inside the container's first lines move to the byline.
    byline = [line for line in lines[:_BYLINE_REACH] if _is_byline(line)]
    lines = [
        line for index, line in enumerate(lines) if index >= _BYLINE_REACH or line not in byline
    ]
    if not byline:
        byline = _outer_bylines(body, container, skip)
    return Page(
        meta=meta,
        html_title=html_title,
        headings=tuple(headings),
        disclosure=tuple(disclosure),
        byline=tuple(byline),
        body=tuple(lines),
        attachments=tuple(_attachments([container, body], _base_url(root, url))),
        url=url,
        method=found_by,
    )


def _outer_bylines(
    body: lxml.html.HtmlElement, container: lxml.html.HtmlElement, skip: list[object]
) -> list[str]:
    """The source/date line printed just above the container (under the title).

    Looked for in the elements before the container, nearest first, a few levels up, outside
    lists: a date line further away or in a list (a sidebar's, the site banner) is another
    article's or the site's.
    """
    branch = container
    for _ in range(_BYLINE_LEVELS):
        if branch is body:
            break
        for sibling in list(branch.itersiblings(preceding=True))[:_BYLINE_SIBLINGS]:
            if not isinstance(sibling.tag, str) or sibling.tag in _LISTS or is_chrome(sibling):
                continue
            # A list of dated links (other articles) is no byline.
            lists = list(sibling.iter(*_LISTS))
            lines = paragraphs(sibling, skip=[*chrome_elements(sibling, sibling), *lists, *skip])
            for line in reversed(lines):
                if _is_byline(line) and _DATE.search(line):
                    return [line]
        parent = branch.getparent()
        if parent is None:
            break
        branch = parent
    return []
