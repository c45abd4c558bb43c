"""The report's identity: the year it reports on and the agency that issues it.

This stage runs after the header and the structure, because its evidence is spread over both:
the title, the 发布机构, the signature, the 来源 line and the preamble's opening sentence.
Post-conditions: `report_year` gives a plausible year (1949..next year, not after the
publication date) or None; `report_issuer` gives a trimmed agency name or None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pendulum

from lawgov._model.han import HAN_BASIC
from lawgov._model.limits import MIN_YEAR
from lawgov._model.numerals import YEAR_DIGITS, year_number
from lawgov._parse import opening as _opening
from lawgov._parse.header import (
    _ABOUT,
    _ABOUT_FIRST,
    _AGENCY_END_WORD,
    _GENRE_WORDS,
    _ISSUER_TRIM,
    _YEAR,
    _YEAR_IN_TITLE,
    TIMEZONE,
    _genre_head,
    scripted,
    simplified_key,
)

__all__ = [
    "cited_year",
    "find_issuer",
    "heading_agency",
    "report_issuer",
    "report_year",
    "text_year",
    "title_issuer",
    "url_date",
]

_ANY_YEAR = re.compile(rf"(?<![\d{YEAR_DIGITS}])(?P<year>{_YEAR})\s*年(?!\d)")
_NOT_AN_AGENCY = frozenset({"本网", "本站", "原创", "网站", "本网站"})
# A news headline's verb after the agency (某部发布2023年…报告): not part of the name.
_ISSUED_END = re.compile(scripted("(?:发布|印发|公布)$"))


def _valid_year(year: int, published: pendulum.DateTime | None) -> bool:
    top = pendulum.now(TIMEZONE).year + 1
    return MIN_YEAR <= year <= top and (published is None or published.year >= year)


def report_year(
    title: str | None, texts: Iterable[str], published: pendulum.DateTime | None
) -> int | None:
    """The year reported on: the title's ``20XX年``, else the first in the text, else the date's.

    A year is only taken when it is valid for the report (between 1949 and next year, and not
    after the publication year). Without any printed year, a report published in the first
    half of a year is taken to be on the year before (the genre's deadline is 1 April), one
    published later on that same year.

    Args:
        title: The report title, if found.
        texts: The body lines, searched in order when the title names no year.
        published: The publication time, if printed.

    Returns:
        The year, or None when nothing gives one.
    """
    if title is not None:
        for match in [*_YEAR_IN_TITLE.finditer(title), *_BARE_YEAR.finditer(title)]:
            year = year_number(match["year"])
            if _valid_year(year, published):
                return year
    printed = text_year(texts, published)
    if printed is not None:
        return printed
    if published is not None:
        year = published.year - 1 if published.month <= 6 else published.year
        if _valid_year(year, published):
            return year
    return None


def text_year(texts: Iterable[str], published: pendulum.DateTime | None) -> int | None:
    """The first valid ``20XX年`` the texts print, in order.

    Args:
        texts: Lines to search.
        published: The publication time, if printed (no year after it is valid).

    Returns:
        The year, or None.
    """
    for text in texts:
        # A year in a cited title (《…纲要（2021—2025年）》) or closing a range is not the
        # year the text reports on.
        masked = _CITED.sub(lambda cited: " " * len(cited[0]), text)
        for match in _ANY_YEAR.finditer(masked):
            if masked[max(0, match.start() - 1) : match.start()] in _RANGE_DASHES:
                continue
            year = year_number(match["year"])
            if _valid_year(year, published):
                return year
    return None


_CITED = re.compile(r"《[^《》]{0,200}(?:《[^《》]{0,200}》[^《》]{0,200})*》")
# The dates content systems put in an article's address: /202301/t20230111_123.html,
# /html/2022-09/12/…, /2015/0306/…, /2021/03/05/….
_URL_DATES = (
    re.compile(r"/t(?P<y>20\d{2})(?P<m>\d{2})(?P<d>\d{2})_"),
    re.compile(r"/(?P<y>20\d{2})-(?P<m>\d{2})/(?P<d>\d{2})/"),
    re.compile(r"/(?P<y>20\d{2})/(?P<m>\d{2})(?P<d>\d{2})/"),
    re.compile(r"/(?P<y>20\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})/"),
    re.compile(r"/(?P<y>20\d{2})(?P<m>\d{2})(?:/|$)"),
)
_MAX_URL = 2048


def url_date(url: str | None) -> pendulum.Date | None:
    """The date a content system wrote into an article's address, if it wrote one.

    Args:
        url: The page address.

    Returns:
        The date (the first of the month when the address gives only a month), or None.
    """
    if not url:
        return None
    path = url[:_MAX_URL].split("?", 1)[0]
    for pattern in _URL_DATES:
        match = pattern.search(path)
        if match is None:
            continue
        day = int(match.groupdict().get("d") or 1)
        try:
            return pendulum.date(int(match["y"]), int(match["m"]), day)
        except ValueError:
            continue
    return None


def cited_year(texts: Iterable[str], published: pendulum.DateTime | None) -> int | None:
    """The first valid ``20XX年度`` inside a cited title (《2022年度…学习计划》): the year of a
    plan or list the text carries out, the weakest evidence of the year reported on.

    Args:
        texts: Lines to search.
        published: The publication time, if printed (no year after it is valid).

    Returns:
        The year, or None.
    """
    for text in texts:
        for cited in _CITED.finditer(text):
            for match in _ANY_YEAR.finditer(cited[0]):
                if cited[0][max(0, match.start() - 1) : match.start()] in _RANGE_DASHES:
                    continue
                end = match.end()
                if cited[0][end : end + 1] in _RANGE_DASHES:
                    continue  # 《…纲要（2021—2025年）》 names a span, not a year
                year = year_number(match["year"])
                if _valid_year(year, published):
                    return year
    return None


_RANGE_DASHES = frozenset("—–-－~～至")


def _agency(text: str | None) -> str | None:
    if text is None:
        return None
    name = text.strip().strip(_ISSUER_TRIM).strip()
    known = simplified_key(name) in _NOT_AN_AGENCY
    # An agency is named in Chinese: digits or marks alone (a page marker's 1、) are not one.
    named = _CJK.search(name) is not None
    return name if name and named and not known and len(name) <= 40 else None


_CJK = re.compile(f"[{HAN_BASIC}]")


def report_issuer(
    title: str | None,
    *,
    publisher: str | None = None,
    signature: str | None = None,
    source: str | None = None,
    preamble: Sequence[str] = (),
) -> str | None:
    """The reporting agency: the title's text before its year (minus 关于), else a fallback.

    Args:
        title: The report title, if found.
        publisher: The disclosure block's 发布机构 (after the signature: it may be the site's
            office rather than the reporting agency).
        signature: The agency line of the signature block.
        source: The header's 来源 (never when it names the site: 本网, 本站).
        preamble: The paragraphs before the first heading: their subject (2024年，南屏街道办事处
            在…) names the agency when nothing else does.

    Returns:
        The agency name, or None when nothing names one.
    """
    found = find_issuer(
        title, publisher=publisher, signature=signature, source=source, body=preamble
    )
    return None if found is None else found[0]


def find_issuer(
    title: str | None,
    *,
    publisher: str | None = None,
    signature: str | None = None,
    source: str | None = None,
    body: Sequence[str] = (),
) -> tuple[str, str] | None:
    """The reporting agency and where it was read (a provenance word of ``docs/parsing.md``).

    A printed title names it first (``title line``). Without one, the opening sentence's
    subject comes first (``opening sentence``), then the signature, the 发布机构
    (``disclosure block``) and the 来源 (``source line``); the first paragraphs below the
    headings (``body``) last. With a title that names no agency, the labelled fields come
    before the opening sentence.

    Args:
        title: The printed title, or None when the page prints none (a derived title is never
            read for its agency).
        publisher: The disclosure block's 发布机构.
        signature: The agency line of the signature block.
        source: The header's 来源.
        body: The body lines (or the preamble), in order.

    Returns:
        The agency name and its provenance, or None when nothing names one.
    """
    if title is not None:
        name = title_issuer(title)
        if name is not None:
            return name, "title line"
    opening = _opening.opening_agency(body)
    signed, published_by = _agency(signature), _agency(publisher)
    if published_by is not None and not _opening.fits_first_person(published_by, body):
        # The office that runs the site (县政府办公室) publishing a report that says 我局.
        published_by = None
    if title is None and opening is not None and opening.where == "opening sentence":
        for full, where in ((signed, "signature"), (published_by, "disclosure block")):
            if full is not None and full != opening.name and full.startswith(opening.name):
                # The opening's short name (柘湾镇) of the agency a label names in full.
                return full, where
        return opening.name, opening.where
    if signed is not None and published_by is not None and _short_form(signed, published_by):
        # The same agency, signed in short (某县政府 for 某县人民政府): the full name.
        return published_by, "disclosure block"
    # The signature names the reporting agency; the 发布机构 may be the office that runs the
    # site (区政府办公室 publishing a street office's report).
    for name, where in (
        (signed, "signature"),
        (published_by, "disclosure block"),
        # A 来源 names the issuer only when it reads as an agency (not 网友投稿, 本网).
        (
            _agency(source)
            if source
            and _agency_head(source.strip())
            and _opening.fits_first_person(source.strip(), body)
            else None,
            "source line",
        ),
    ):
        if name is not None:
            return name, where
    if opening is not None:
        name = _agency(opening.name)
        if name is not None:
            return name, opening.where
    return None


# A head ending in a place name: the reporting place stands for its government in a title
# (2020年东湖区法治政府建设情况报告).
_PLACE_END = re.compile(scripted(r"(?:区|县|市|省|旗|州|盟|镇|乡|街道|街|开发区|新区)$"))
# Digits of a year printed without 年 before the genre's words (石桥街道2024法治政府建设…).
_BARE_YEAR = re.compile(
    rf"(?<![\d{YEAR_DIGITS}])(?P<year>(?:19|20)\d{{2}})(?=\s*(?:年度|法治|法制|依法))"
)


def _agency_head(text: str) -> bool:
    return _AGENCY_END_WORD.search(text) is not None or _PLACE_END.search(text) is not None


def title_issuer(title: str) -> str | None:
    """The agency a printed title names: the text before its year, or before its genre words.

    Args:
        title: A printed title (never a derived one).

    Returns:
        The agency name, or None when the title names none.
    """
    match = _YEAR_IN_TITLE.search(title) or _BARE_YEAR.search(title)
    if match is not None:
        prefix = title[: match.start()].strip(_ISSUER_TRIM)
        prefix = _ABOUT.sub("", prefix).strip(_ISSUER_TRIM)
        prefix = _ISSUED_END.sub("", prefix).strip(_ISSUER_TRIM)
        # 关于XX区2021年… puts 关于 first; XX局法治政府建设2021年度报告 puts the year last.
        prefix = _ABOUT_FIRST.sub("", prefix).strip(_ISSUER_TRIM)
        if not _agency_head(prefix):
            # Not an agency as it stands (…局法治政府建设): the name ends before the genre's
            # words; an agency named with them (…依法治市委员会办公室) is kept whole.
            prefix = _GENRE_WORDS.split(prefix, maxsplit=1)[0].strip(_ISSUER_TRIM)
        name = _agency(prefix)
        if name is not None:
            return name
        if not prefix:
            # The year first: 2022年度青澜市民政局法治政府建设年度报告, 2020年东湖区法治…
            after = _ABOUT_FIRST.sub("", title[match.end() :].removeprefix("年").removeprefix("度"))
            head = _GENRE_WORDS.split(after, maxsplit=1)[0].strip(_ISSUER_TRIM)
            if _agency_head(head):
                return _agency(head)
        return None
    # No year in the title: the agency before the genre's words (青澜市民政局法治政府建设年度报告).
    name = _agency(_genre_head(title))
    if name is not None:
        return name
    return _agency(_place_head(title))


def heading_agency(title: str) -> str | None:
    """The agency a page prints alone where the title stands (杭州市某某局), or None.

    Such a heading names the issuer; it is not the report's title (it has no genre words).

    Args:
        title: The line the header read as the title.

    Returns:
        The agency name, or None when the line is a title (or anything but an agency name).
    """
    name = title.strip()
    if (
        len(name) > _MAX_HEADING
        or _GENRE_WORDS.search(name) is not None
        or _REPORT_WORDS.search(name) is not None
        or _HEADING_MARKS.search(name) is not None
        or _AGENCY_END_WORD.search(name) is None
        or _YEAR_IN_TITLE.search(name) is not None
    ):
        return None
    return _agency(name)


_MAX_HEADING = 30
_REPORT_WORDS = re.compile(scripted(r"报告|总结|情况|汇报|通知|方案|意见|要点|计划|公告|解读"))
_HEADING_MARKS = re.compile(r"[。，,；;：:！!？?、“”《》\s]")


def _place_head(title: str) -> str | None:
    """A place name before a title's genre words (东湖区法治政府建设年度报告)."""
    head = _GENRE_WORDS.split(_ABOUT_FIRST.sub("", title), maxsplit=1)[0].strip(_ISSUER_TRIM)
    return head if head != title and _PLACE_END.search(head) else None


def _short_form(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` with characters left out (某县政府, 某县人民政府)."""
    rest = iter(full)
    return all(char in rest for char in short)
