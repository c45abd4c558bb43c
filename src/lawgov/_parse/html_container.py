"""Finding the article container of a published page, and the page furniture around it.

Two rules, measured against each other on the fixture pages (``docs/parsing.md``): the container
names of the common government content systems, accepted only when the named element holds most
of the page's prose (a generic ``.content`` wrapper can hold the navigation too), and a
readability-style text-density rule for unnamed containers. Elements named as furniture
(navigation, breadcrumbs, footers, share and search bars) are never the container.
"""

from __future__ import annotations

import lxml.html

from lawgov._parse.html_tree import TextStats, tokens

__all__ = ["METHODS", "chrome_elements", "find_container", "is_chrome"]

# class/id words of page furniture: an element so named is never the article.
_CHROME_TOKENS = frozenset(
    {
        "nav",
        "navbar",
        "menu",
        "breadcrumb",
        "breadcrumbs",
        "crumb",
        "crumbs",
        "footer",
        "foot",
        "copyright",
        "share",
        "bdshare",
        "bdsharebuttonbox",
        "sidebar",
        "toolbar",
        "search",
        "searchbox",
        "wza",
        "jiucuo",
        "friendlink",
        "yqlj",
        "dqwz",
        "location",
        "position",
        "fontsize",
        "zihao",
    }
)
_CHROME_TAGS = frozenset({"nav", "footer", "aside"})

# --- the article container -------------------------------------------------------------------

# Container names of the common content systems, as found in public crawlers of government
# sites: TRS (TRS_Editor, TRS_UEDITOR, trs_editor_view, #zoom), Ucap (#UCAP-CONTENT), Hanweb
# (#zoom, .bt_content), gov.cn (.pages_content), and the generic ones.
_CONTAINER_IDS = frozenset(
    {
        "zoom",
        "ucap-content",
        "fontzoom",
        "content",
        "maintext",
        "contenttext",
        "div_zhengwen",
        "vsb_newscontent",
        "articlecnt",
        "detail",
        "article",
        "zw",
        "ftcg",
    }
)
_CONTAINER_CLASSES = frozenset(
    {
        "trs_editor",
        "trs_ueditor",
        "trs_editor_view",
        "pages_content",
        "article-content",
        "article_content",
        "articlecontent",
        "xxgk_content",
        "xxgk_detail_content",
        "xl_content",
        "main-txt",
        "content",
        "content-text",
        "detail-content",
        "detailcontent",
        "news_content",
        "news_content_text",
        "view",
        "zoom",
        "bt_content",
        "nrtxt",
        "article",
        "conttxt",
        "wz_content",
        "zw",
        "easysite-news-text",
    }
)
#: The container rules :func:`find_container` knows (``auto`` is the one :func:`read_page` uses).
METHODS = ("auto", "cms", "density", "body")
# A named container must hold this share of the page's prose, else density decides.
_MIN_CONTAINER_SHARE = 0.4
# A nested container that keeps this share of its parent's prose is the tighter, better one.
_TIGHTER = 0.9


def is_chrome(element: lxml.html.HtmlElement) -> bool:
    """Whether an element is page furniture by its tag or its class/id words."""
    return element.tag in _CHROME_TAGS or not tokens(element).isdisjoint(_CHROME_TOKENS)


def chrome_elements(root: lxml.html.HtmlElement, keep: lxml.html.HtmlElement) -> list[object]:
    """Named furniture under ``root``, never ``keep`` or an element that holds it."""
    holders = {*keep.iterancestors(), keep}
    return [
        element
        for element in root.iter()
        if isinstance(element.tag, str) and element not in holders and is_chrome(element)
    ]


def _is_candidate(element: lxml.html.HtmlElement) -> bool:
    words = tokens(element)
    element_id = (element.get("id") or "").lower()
    if element_id in _CONTAINER_IDS:
        return True
    classes = set((element.get("class") or "").lower().split()) | words
    return not classes.isdisjoint(_CONTAINER_CLASSES) and not is_chrome(element)


def _prose(stats: TextStats, element: lxml.html.HtmlElement) -> int:
    han, link_han, _ = stats.of(element)
    return han - link_han


def _cms_container(body: lxml.html.HtmlElement, stats: TextStats) -> lxml.html.HtmlElement | None:
    total = max(_prose(stats, body), 1)
    candidates = [e for e in body.iter() if isinstance(e.tag, str) and _is_candidate(e)]
    candidates = [e for e in candidates if _prose(stats, e) >= _MIN_CONTAINER_SHARE * total]
    if not candidates:
        return None
    best = max(candidates, key=lambda e: _prose(stats, e))
    # The tightest named container that still holds nearly all of the best one's prose.
    inner = [
        e
        for e in candidates
        if _prose(stats, e) >= _TIGHTER * _prose(stats, best)
        and any(a is best for a in e.iterancestors())
    ]
    while inner:
        best = inner[0]
        inner = [e for e in inner[1:] if any(a is best for a in e.iterancestors())]
    return best


def _density_container(body: lxml.html.HtmlElement, stats: TextStats) -> lxml.html.HtmlElement:
    """The readability rule: paragraphs vote for their parent (and half for the grandparent)."""
    scores: dict[int, float] = {}
    elements: dict[int, lxml.html.HtmlElement] = {}
    for element in body.iter():
        if not isinstance(element.tag, str) or is_chrome(element):
            continue
        own = stats.own_han.get(element, 0)
        if own < 10 or element.tag == "a":
            continue
        vote = 1 + stats.own_clauses.get(element, 0) + min(own / 100, 3)
        parent = element.getparent()
        grand = parent.getparent() if parent is not None else None
        for share, holder in ((1.0, element), (1.0, parent), (0.5, grand)):
            if holder is None:
                continue
            elements[id(holder)] = holder
            scores[id(holder)] = scores.get(id(holder), 0.0) + share * vote
    if not scores:
        return body

    def final(key: int) -> float:
        han, link_han, _ = stats.of(elements[key])
        return scores[key] * (1 - link_han / max(han, 1))

    return elements[max(scores, key=final)]


def find_container(
    body: lxml.html.HtmlElement, stats: TextStats, method: str = "auto"
) -> tuple[lxml.html.HtmlElement, str]:
    """The element holding the article, and the rule that found it.

    ``cms``: the content systems' container names only; ``density``: the text-density rule only;
    ``body``: the whole ``<body>``; ``auto``: a named container when one holds most of the
    page's prose, else the density rule.
    """
    if method == "body":
        return body, "body"
    if method in ("auto", "cms"):
        found = _cms_container(body, stats)
        if found is not None:
            return found, "cms"
        if method == "cms":
            return body, "body"
    return _density_container(body, stats), "density"
