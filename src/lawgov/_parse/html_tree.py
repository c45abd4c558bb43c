"""A published page as a safe lxml tree, and the plain-text views of its elements.

This module owns the parser settings (no network, no DTD, no entities but HTML's own, bounded
size and depth), the removal of everything that is never text (scripts, styles, frames,
templates, comments, form controls), and the text walks the extractor builds on: paragraphs in
reading order, per-element counts of Chinese text and of link text, all in linear time and
without recursion (hostile pages nest deeply).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import lxml.html
from lxml import etree

from lawgov._errors import ParseError
from lawgov._formats.json import MAX_INPUT_BYTES
from lawgov._model.han import HAN_BMP, HAN_SPAN

__all__ = [
    "BLOCK_TAGS",
    "TextStats",
    "cjk_count",
    "paragraphs",
    "parse_tree",
    "squash",
    "text_stats",
    "tokens",
]

# Never text: executable or embedded content, styling, form controls, and the parts of a page a
# reader does not see. Their content (often Chinese: a script's strings, a no-script notice)
# would otherwise leak into the report.
_NEVER_TEXT = (
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "template",
    "noscript",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "canvas",
    "audio",
    "video",
    "select",
    "option",
    "button",
    "input",
    "textarea",
    "map",
)

#: Elements that start a new line when rendered (one paragraph each).
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)

_CJK = re.compile(f"[{HAN_BMP}]")
_CLAUSE = re.compile(r"[，。；、,;]")
_SPACE = re.compile(r"[ \t\r\n\f\v\xa0]+")
# A line break in the source between two Chinese characters is layout, not a space.
_WIDE = f"\u3000-\u303f{HAN_SPAN}\uff00-\uffef"
_WRAP = re.compile(rf"(?<=[{_WIDE}])[ \t\r\f\v]*\n\s*(?=[{_WIDE}])")
_TOKEN = re.compile(r"[\s_\-]+")


def cjk_count(text: str) -> int:
    """How many Han characters ``text`` holds."""
    return len(_CJK.findall(text))


def squash(text: str) -> str:
    """Text as a browser shows it on one line: layout breaks gone, runs of spaces as one."""
    return _SPACE.sub(" ", _WRAP.sub("", text)).strip(" \u3000")


def tokens(element: lxml.html.HtmlElement) -> frozenset[str]:
    """The lower-cased words of an element's ``class`` and ``id`` (``article-content`` too)."""
    words: set[str] = set()
    for name in ("class", "id"):
        value = element.get(name)
        if value:
            lowered = value.lower()
            words.update(lowered.split())
            words.update(part for part in _TOKEN.split(lowered) if part)
    return frozenset(words)


def parse_tree(page: str, *, source: str | None = None) -> lxml.html.HtmlElement:
    """The page's document element, with everything that is never text removed.

    Raises:
        ParseError: The page is larger than the input limit or holds no HTML element at all.
    """
    if len(page) > MAX_INPUT_BYTES:
        raise ParseError(f"the page exceeds {MAX_INPUT_BYTES} characters", source=source)
    # Bytes, not str: lxml refuses a str that carries an XML encoding declaration; NUL ends
    # libxml2's input early. libxml2's HTML parser never loads a DTD or resolves an external
    # entity, expands only HTML's own named references, and caps the depth of the tree.
    data = page.replace("\x00", "").encode("utf-8", errors="replace")
    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        default_doctype=False,
    )
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise ParseError(f"not an HTML page: {error}", source=source) from None
    etree.strip_elements(
        root, *_NEVER_TEXT, etree.Comment, etree.ProcessingInstruction, with_tail=False
    )
    return root


def _is_element(node: object) -> bool:
    return isinstance(node, lxml.html.HtmlElement) and isinstance(node.tag, str)


def paragraphs(root: lxml.html.HtmlElement, *, skip: Iterable[object] = ()) -> list[str]:
    """The text of ``root`` as a reader sees it: one entry per block, ``<br>`` breaks a line.

    Table cells are blocks, so a table reads cell by cell, row by row. Elements in ``skip`` (and
    what they contain) are left out, their tails kept.
    """
    skipped = set(skip)
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = squash("".join(buffer))
        buffer.clear()
        if text:
            lines.append(text)

    stack: list[tuple[lxml.html.HtmlElement, bool]] = [(root, False)]
    while stack:
        element, done = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if done:
            if tag in BLOCK_TAGS:
                flush()
            if element is not root and element.tail:
                buffer.append(element.tail)
            continue
        if not tag or element in skipped:
            if tag in BLOCK_TAGS:
                flush()
            if element is not root and element.tail:
                buffer.append(element.tail)
            continue
        if tag in BLOCK_TAGS or tag == "br":
            flush()
        if element.text:
            buffer.append(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    flush()
    return lines


class TextStats:
    """Per-element counts over each element's whole subtree, computed once, bottom-up.

    Attributes:
        han: Han characters in the element's text.
        link_han: Han characters inside links (``<a>``).
        clauses: Clause punctuation (，。；、): prose has many, menus and lists have none.
    """

    def __init__(self) -> None:
        # Keyed by the elements themselves: lxml's proxies keep their identity only while
        # referenced, so an id() key could be reused by another element.
        self.han: dict[lxml.html.HtmlElement, int] = {}
        self.link_han: dict[lxml.html.HtmlElement, int] = {}
        self.clauses: dict[lxml.html.HtmlElement, int] = {}
        self.own_han: dict[lxml.html.HtmlElement, int] = {}
        self.own_clauses: dict[lxml.html.HtmlElement, int] = {}

    def of(self, element: lxml.html.HtmlElement) -> tuple[int, int, int]:
        """The element's (Han, link Han, clause) counts."""
        return self.han.get(element, 0), self.link_han.get(element, 0), self.clauses.get(element, 0)


def _elements(root: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    for element in root.iter():
        if _is_element(element):
            yield element


def text_stats(root: lxml.html.HtmlElement) -> TextStats:
    """Han, link-Han and clause counts for every element under ``root`` (linear time)."""
    stats = TextStats()
    # Reversed document order visits every element after all of its descendants.
    for element in reversed(list(_elements(root))):
        own = element.text or ""
        children = [child for child in element if _is_element(child)]
        tails = "".join(child.tail or "" for child in element)
        own_han = cjk_count(own) + cjk_count(tails)
        own_clauses = len(_CLAUSE.findall(own)) + len(_CLAUSE.findall(tails))
        key = element
        han = own_han + sum(stats.han.get(child, 0) for child in children)
        stats.own_han[key] = own_han
        stats.own_clauses[key] = own_clauses
        stats.han[key] = han
        stats.clauses[key] = own_clauses + sum(stats.clauses.get(c, 0) for c in children)
        if element.tag == "a":
            stats.link_han[key] = han
        else:
            stats.link_han[key] = sum(stats.link_han.get(child, 0) for child in children)
    return stats
