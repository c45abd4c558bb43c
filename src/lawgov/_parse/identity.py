"""The report's identity: the year it reports on and the agency that issues it.

This stage runs after the header and the structure, because its evidence is spread over both:
the title, the 发布机构, the signature, the 来源 line and the preamble's opening sentence.
Post-conditions: :func:`report_year` gives a plausible year (1949..next year, not after the
publication date) or None; :func:`report_issuer` gives a trimmed agency name or None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pendulum

from lawgov._parse.header import (
    _ABOUT,
    _ABOUT_FIRST,
    _AGENCY_END_WORD,
    _GENRE_WORDS,
    _ISSUER_TRIM,
    _YEAR,
    _YEAR_DIGITS,
    _YEAR_IN_TITLE,
    TIMEZONE,
    _genre_head,
    _year_value,
    scripted,
    simplified_key,
)

__all__ = ["report_issuer", "report_year"]

_ANY_YEAR = re.compile(rf"(?<![\d{_YEAR_DIGITS}])(?P<year>{_YEAR})\s*年(?!\d)")
_NOT_AN_AGENCY = frozenset({"本网", "本站", "原创", "网站", "本网站"})


def _valid_year(year: int, published: pendulum.DateTime | None) -> bool:
    top = pendulum.now(TIMEZONE).year + 1
    return 1949 <= year <= top and (published is None or published.year >= year)


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
        for match in _YEAR_IN_TITLE.finditer(title):
            year = _year_value(match["year"])
            if _valid_year(year, published):
                return year
    for text in texts:
        for match in _ANY_YEAR.finditer(text):
            year = _year_value(match["year"])
            if _valid_year(year, published):
                return year
    if published is not None:
        year = published.year - 1 if published.month <= 6 else published.year
        if _valid_year(year, published):
            return year
    return None


def _agency(text: str | None) -> str | None:
    if text is None:
        return None
    name = text.strip().strip(_ISSUER_TRIM).strip()
    known = simplified_key(name) in _NOT_AN_AGENCY
    # An agency is named in Chinese: digits or marks alone (a page marker's 1、) are not one.
    named = _CJK.search(name) is not None
    return name if name and named and not known and len(name) <= 40 else None


_CJK = re.compile(r"[\u4e00-\u9fff]")


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
    if title is not None:
        match = _YEAR_IN_TITLE.search(title)
        if match is not None:
            prefix = title[: match.start()].strip(_ISSUER_TRIM)
            prefix = _ABOUT.sub("", prefix).strip(_ISSUER_TRIM)
            # 关于XX区2021年… puts 关于 first; XX局法治政府建设2021年度报告 puts the year last.
            prefix = _ABOUT_FIRST.sub("", prefix).strip(_ISSUER_TRIM)
            if _AGENCY_END_WORD.search(prefix) is None:
                # Not an agency as it stands (…局法治政府建设): the name ends before the genre's
                # words; an agency named with them (…依法治市委员会办公室) is kept whole.
                prefix = _GENRE_WORDS.split(prefix, maxsplit=1)[0].strip(_ISSUER_TRIM)
            name = _agency(prefix)
            if name is not None:
                return name
            if not prefix:
                # The year first: 2022年度青澜市民政局法治政府建设年度报告.
                after = _ABOUT_FIRST.sub("", title[match.end() :].removeprefix("度"))
                head = _GENRE_WORDS.split(after, maxsplit=1)[0].strip(_ISSUER_TRIM)
                if _AGENCY_END_WORD.search(head):
                    name = _agency(head)
                    if name is not None:
                        return name
        else:
            # No year in the title: the agency before the genre's words
            # (青澜市民政局法治政府建设年度报告).
            name = _agency(_genre_head(title))
            if name is not None:
                return name
    signed, published_by = _agency(signature), _agency(publisher)
    if signed is not None and published_by is not None and _short_form(signed, published_by):
        # The same agency, signed in short (某县政府 for 某县人民政府): the full name.
        return published_by
    # The signature names the reporting agency; the 发布机构 may be the office that runs the
    # site (区政府办公室 publishing a street office's report).
    for name in (signed, published_by, _agency(source)):
        if name is not None:
            return name
    return _preamble_agency(preamble)


# The subject of a preamble's opening sentence: an agency, after an optional time phrase and
# before the verb or preposition that starts its predicate (2024年，南屏街道办事处在区委…).
_PREAMBLE_SUBJECT = re.compile(
    rf"^(?:(?:{_YEAR})\s*年度?(?:以来)?\s*[，,]\s*)?"
    + scripted(
        r"(?P<agency>(?![我本全各])[\u4e00-\u9fff（）()]{2,30}?"
        r"(?:局|人民政府|政府|委员会|办公室|厅|中心|办事处|管委会|署))"
        r"(?:在|坚持|认真|深入|全面|紧紧|始终|以|按照|围绕|高度|严格|着力|持续|切实|聚焦|紧扣)"
    )
)
# A salutation or two may stand before the opening sentence, and a sentence or two on the
# place before the one naming the agency.
_PREAMBLE_LOOKAHEAD = 3


def _preamble_agency(preamble: Sequence[str]) -> str | None:
    """The agency an opening sentence of the preamble names as its subject, if any."""
    for text in preamble[:_PREAMBLE_LOOKAHEAD]:
        # The subject may open the second sentence, after one on the place (南屏街道位于…。).
        for sentence in text.split("。", _PREAMBLE_LOOKAHEAD)[:_PREAMBLE_LOOKAHEAD]:
            match = _PREAMBLE_SUBJECT.match(sentence.strip())
            if match is not None:
                return _agency(match["agency"])
    return None


def _short_form(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` with characters left out (某县政府, 某县人民政府)."""
    rest = iter(full)
    return all(char in rest for char in short)
