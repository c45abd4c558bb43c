"""The body of a report as a plain tree: preamble, numbered sections, measures, closing.

This module owns the second and third stages of the parser: classifying body lines (heading of
level 1-4, paragraph, signature) and building a plain, mutable tree of headings, paragraphs and
``N是`` measures from them, following ``docs/conventions.md``. It knows nothing of metrics,
citations or delegated powers; `pipeline` extracts those per holder afterwards.

Post-conditions of `build_outline`: every section has a non-blank title and is numbered
1..n under its parent; every measure has a non-blank title and text and is numbered 1..n in its
list; paragraphs are non-blank; top-level sections carry a kind and subsections their parent's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from lawgov._model import SectionKind
from lawgov._model.numerals import ENUMERATOR, ordinal
from lawgov._parse.header import Line, scripted

__all__ = [
    "MeasureNode",
    "Outline",
    "SectionNode",
    "build_outline",
    "classify_heading",
    "section_kind",
    "split_measures",
]

# --- headings ------------------------------------------------------------------------------

_CN = "一二三四五六七八九十"
_HEADINGS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^(?P<num>[{_CN}]{{1,3}})\s*[、．.](?P<space>\s*)(?P<rest>.*)$")),
    # The opening bracket is sometimes left out (一）, 1）): the closing one still marks the level.
    (2, re.compile(rf"^[（(]?\s*(?P<num>[{_CN}]{{1,3}})\s*[）)](?P<space>\s*)(?P<rest>.*)$")),
    (
        3,
        # A digit right after 1. or 1．is a decimal or a date (2026.04.20); after 1、 it is not.
        re.compile(
            r"^(?P<num>[0-9０-９]{1,2})\s*(?P<sep>、|[．.](?![0-9０-９]))(?P<space>\s*)(?P<rest>.*)$"
        ),
    ),
    (4, re.compile(r"^[（(]?\s*(?P<num>[0-9０-９]{1,2})\s*[）)](?P<space>\s*)(?P<rest>.*)$")),
)
# A digit heading's title is short: longer text after a digit marker is a page marker's line.
_MAX_DIGIT_TITLE = 50
_LEADING_PUNCTUATION = "，,。.、；;：:！!？?）)》〉”’"
# Where a measure marker may stand inside a paragraph: after a sentence or clause end.
_MARKER_BOUNDARY = "。；：！？;:!?"
_COMMA = "，,"
_TITLE_TRAILER = "。：:"
_MEASURE_TITLE_END = re.compile(r"[。；，：;,:]")
# Measure lists nest at most this deep (a list, sub-lists, sub-sub-lists): real reports use
# two levels, and an unbounded run of restarts (。一是…。一是…) must not nest without end.
_MAX_MEASURE_DEPTH = 3
# Page markers peeled off one line at most (sites inject one; two leave room for a repeat).
_MAX_PEELED = 2
# Kind keywords are looked for in a title's head only: titles are short, run-on lines are not.
_KIND_SPAN = 120


@attrs.frozen(kw_only=True)
class Heading:
    """A heading line, split into its parts.

    Attributes:
        level: 1 (一、), 2 (（一）), 3 (1.), 4 (（1）).
        printed: The ordinal as printed, when readable.
        rest: The line after the marker, stripped.
        spaced: Whether spaces separate the marker from the rest (a sign of page markers).
        enumerated: Whether a level-3 marker is ``N、`` (the form page markers take), not ``N.``.
    """

    level: int
    printed: int | None
    rest: str
    spaced: bool
    enumerated: bool = False


# A number right after a 、 marker, then a counter or period word: 一、二季度, 1、2月份, 一、二级.
_NUMBER_PAIR = re.compile(
    rf"^(?P<next>[{_CN}]{{1,3}}|[0-9０-９]{{1,2}})\s*(?:季度|月份?|级|类|审|批|期|档|线|等|星|号|日)"
)


def _number_pair(marker: str, rest: str) -> bool:
    """Whether a marker and what follows are two consecutive numbers (一、二季度, 1、2月份)."""
    match = _NUMBER_PAIR.match(rest)
    if match is None:
        return False
    first, second = ordinal(marker), ordinal(match["next"])
    same_script = marker[0].isdigit() == match["next"][0].isdigit()
    return same_script and first is not None and second == first + 1


def classify_heading(text: str) -> Heading | None:
    """Recognise a GB/T 9704 heading marker at the start of a line.

    Args:
        text: One stripped line.

    Returns:
        The heading's parts, or None when the line does not start with a heading marker.
    """
    for level, pattern in _HEADINGS:
        match = pattern.match(text)
        if match is not None:
            if level in (1, 3) and _number_pair(match["num"], match["rest"]):
                # 一、二季度 / 1、2月份: two numbers joined by 、, not a heading.
                return None
            return Heading(
                level=level,
                printed=ordinal(match["num"]),
                rest=match["rest"].strip(),
                spaced=bool(match["space"]),
                enumerated=level == 3 and match["sep"] == "、",
            )
    return None


def _starts_with_marker(text: str) -> bool:
    """Whether text opens with a heading or measure marker (so a marker before it was injected)."""
    if classify_heading(text) is not None:
        return True
    match = ENUMERATOR.match(text)
    return match is not None and match.end() < len(text)


def _title_and_body(rest: str) -> tuple[str, str]:
    """Split a heading's text into title and run-in body at the first 。."""
    head, stop, body = rest.partition("。")
    if stop:
        return head.strip(), body.strip()
    return rest.strip(), ""


# A list that a run-in heading introduces with a colon: （一）加强组织领导：一是…；二是….
_COLON_LIST = re.compile(r"[：:]\s*(?=" + ENUMERATOR.pattern + ")")


def _run_in_split(rest: str) -> tuple[str, str]:
    """Split a heading's text into title and body: at the first 。, or before a list that a
    colon introduces ahead of it (``加强组织领导：一是…``)."""
    colon = _COLON_LIST.search(rest)
    if colon is not None and "。" not in rest[: colon.start()]:
        return rest[: colon.start()].strip(), rest[colon.end() :].strip()
    return _title_and_body(rest)


def _heading_like(rest: str) -> bool:
    title, _ = _title_and_body(rest)
    lead = _LEAD_CLAUSE_END.search(title)
    return (
        bool(title)
        and rest[0] not in _LEADING_PUNCTUATION
        and len(title) <= _MAX_DIGIT_TITLE
        and "；" not in title
        # A clause that opens what follows (现将…报告如下：) is a lead-in, not a title.
        and not title.endswith(("：", ":"))
        # A body sentence after a page marker: it opens like one (全年…, 2023年，…), or its
        # first clause, before more clauses, carries figures (全年开展评查2次，评查案卷160卷).
        and _SENTENCE_OPENER.match(rest) is None
        and not _YEAR_CLAUSE.match(rest)
        and (lead is None or _FIGURE.search(title, 0, lead.start()) is None)
    )


# A sentence that opens with its year (2023年，…): a body sentence, never a heading.
_YEAR_CLAUSE = re.compile(r"^(?:19|20)\d{2}\s*年(?:度)?\s*[，,以来]")


_LEAD_CLAUSE_END = re.compile(r"[，,。；;：:]")
# The lead clause of a run-in item (1.强化组织领导，…) is a short phrase.
_MAX_LEAD_CLAUSE = 30


def _run_in_item(rest: str) -> bool:
    """Whether text after a digit marker reads as a run-in item: a short lead clause first.

    ``1.强化组织领导，局党组…5次。`` is an item whose first sentence runs long; a page marker
    stands before arbitrary text, which rarely opens with a short phrase and a comma, and
    never with the digits of a date or figure.
    """
    if not rest or rest[0] in _LEADING_PUNCTUATION or rest[0].isdigit():
        return False
    title, _ = _title_and_body(rest)
    if title.endswith(("：", ":")) or _SENTENCE_OPENER.match(rest):
        # A salutation or lead-in (宁川市人民政府：, 现将…如下：), or a body sentence's opening.
        return False
    match = _LEAD_CLAUSE_END.search(rest)
    return (
        match is not None
        and 2 <= match.start() <= _MAX_LEAD_CLAUSE
        # A heading's lead phrase states an action; figures belong to the body.
        and _FIGURE.search(rest, 0, match.start()) is None
    )


# Words that open a body sentence, never an item's lead phrase.
_SENTENCE_OPENER = re.compile(
    scripted(
        r"^(?:全年|全镇|全县|全区|全市|全局|全乡|全省|同时|此外|另外|其中|截至|截止|今年|去年|目前|"
        r"当前|一年来|近年来|我局|我县|我区|我市|我镇|我乡|我委|我办|县政府|区政府|市政府|镇政府|"
        r"根据|按照|通过|经过|由于|但是|但|然而)"
    )
)
_FIGURE = re.compile(r"[0-9０-９%％]")


# --- kinds ---------------------------------------------------------------------------------

_KIND_WORDS: tuple[tuple[SectionKind, re.Pattern[str]], ...] = (
    (SectionKind.LEADERSHIP_DUTIES, re.compile(scripted(r"第一责任人|主要负责人"))),
    (SectionKind.SHORTCOMINGS, re.compile(scripted(r"不足|问题|差距|困难|短板|弱项"))),
    (SectionKind.MEASURES_AND_RESULTS, re.compile(scripted(r"举措|成效|主要工作|工作情况"))),
    (SectionKind.OTHER, re.compile(scripted(r"其他|其它"))),
)
_PLAN_TIME = scripted(r"下一年度|下一年|下一步|下一阶段|下阶段|下步|今后|明年|下年度")
_PLAN_WORD = scripted(r"安排|计划|打算|思路|部署|设想|目标|方向|重点|任务")
_PLAN_BARE = re.compile(scripted(r"下一年度|下一步|明年"))


def section_kind(title: str, year: int | None, *, after_prescribed: bool) -> SectionKind:
    """The kind of a top-level section, from the keyword that comes first in its title.

    Args:
        title: The section title.
        year: The year reported on (the next year's number marks a plan section).
        after_prescribed: Whether a shortcomings, duties or plan section came before this one.

    Returns:
        The kind; without a keyword, measures_and_results until a shortcomings, duties or plan
        section has been seen, other after that.
    """
    title = title[:_KIND_SPAN]
    found: list[tuple[int, SectionKind]] = []
    times = [_PLAN_TIME]
    if year is not None:
        times.append(rf"{year + 1}\s*年")
    plan = re.search(rf"(?:{'|'.join(times)}).*?(?:{_PLAN_WORD})", title)
    if plan is not None:
        found.append((plan.start(), SectionKind.NEXT_YEAR_PLAN))
    else:
        bare = _PLAN_BARE.search(title)
        if bare is not None:
            found.append((bare.start(), SectionKind.NEXT_YEAR_PLAN))
    for kind, pattern in _KIND_WORDS:
        match = pattern.search(title)
        if match is not None:
            found.append((match.start(), kind))
    if found:
        return min(found, key=lambda item: item[0])[1]
    return SectionKind.OTHER if after_prescribed else SectionKind.MEASURES_AND_RESULTS


# --- the plain tree ------------------------------------------------------------------------


@attrs.define(kw_only=True, eq=False)
class MeasureNode:
    """A measure while it is being built.

    Attributes:
        parts: Its own text after the marker, one entry per paragraph it spans.
        line: The line it starts on.
        absorbs: Whether it began a paragraph, and so keeps following unmarked paragraphs.
        submeasures: Its sub-list.
    """

    parts: list[str]
    line: int
    absorbs: bool
    submeasures: list[MeasureNode] = attrs.Factory(list)

    @property
    def text(self) -> str:
        """Its own text, paragraphs joined by newlines."""
        return "\n".join(self.parts)

    @property
    def title(self) -> str:
        """The text up to the first 。；，or ：; the text itself when that would be blank."""
        text = self.text
        head = _MEASURE_TITLE_END.split(text, maxsplit=1)[0].strip()
        if head:
            return head
        rest = text.lstrip(_LEADING_PUNCTUATION + " \t\u3000")
        head = _MEASURE_TITLE_END.split(rest, maxsplit=1)[0].strip()
        return head or text.strip()


@attrs.define(kw_only=True, eq=False)
class SectionNode:
    """A section while it is being built.

    Attributes:
        level: The heading level (1-4).
        title: The heading text without marker (up to the first 。 when run-in).
        line: The heading's line number.
        kind: Its kind (set for top-level sections, inherited below).
        texts: Its own lines (run-in body first), before measures are split out.
        paragraphs: Its own text outside measures.
        measures: Its measures.
        children: Its subsections.
    """

    level: int
    title: str
    line: int
    kind: SectionKind = SectionKind.OTHER
    texts: list[Line] = attrs.Factory(list)
    paragraphs: list[str] = attrs.Factory(list)
    measures: list[MeasureNode] = attrs.Factory(list)
    children: list[SectionNode] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class Outline:
    """The body of a report as a plain tree.

    Attributes:
        preamble: Paragraphs before the first heading.
        sections: Top-level sections.
        closing: The signature block and closing formula after the last section.
        signature: The first agency line of the signature block, if there is one.
        notes: What the builder dropped or repaired, with line numbers.
    """

    preamble: tuple[str, ...]
    sections: tuple[SectionNode, ...]
    closing: tuple[str, ...]
    signature: str | None
    notes: tuple[str, ...]


# --- closing -------------------------------------------------------------------------------

_SIGNATURE_DATE = re.compile(
    r"^(?:(?:(?:19|20)\d{2}|[二〇○零一两三四五六七八九]{4})\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月"
    r"(?:\s*[0-9一二三四五六七八九十]{1,3}\s*日)?)$"
)
# A date in digits (2024.03.08, 2024-3-8, 2024/03/08): a signature's date only right under an
# agency line; alone it is a sharing site's stamp.
_NUMERIC_DATE = re.compile(r"^(?:19|20)\d{2}\s*([.．/-])\s*\d{1,2}\s*\1\s*\d{1,2}$")
# An agency and its date on one line: 青澜市民政局　2023年2月10日.
_AGENCY_AND_DATE = re.compile(
    r"^(?P<agency>\S.{0,29}?)\s+(?P<date>(?:(?:19|20)\d{2}|[二〇○零一两三四五六七八九]{4})\s*年.*)$"
)
# Lines printed below a signature: an attachment list or a contact note.
_TRAILER = re.compile(scripted(r"^[（(]?\s*(?:附件|联系人|联系电话|此件)"))
_MAX_TRAILER = 3
_AGENCY_END = re.compile(
    scripted(
        r"(?:局|政府|委员会|委|办公室|办|厅|部|院|所|中心|站|队|镇|乡|街道|办事处|党组|管委会|"
        r"署|处|科|会|室)$"
    )
)
_CLOSING_FORMULA = re.compile(scripted(r"^特此(?:报告|报送|汇报)?[。！]?$"))
# Formula, two agency lines and a date at most.
_MAX_CLOSING = 4
_SIGNATURE_PUNCTUATION = re.compile(r"[。，；：！？,;:!?、“”《》]")


_LONE_MARKER = re.compile(r"^[0-9０-９]{1,3}\s*[、．.]$")
_DIGIT_PAGE_MARKER = re.compile(r"^[0-9０-９]{1,3}\s*、\s*")


def _without_page_marker(text: str) -> str:
    """A line without the ``N、`` page marker a sharing site may have put before it."""
    match = _DIGIT_PAGE_MARKER.match(text)
    return text[match.end() :] if match and match.end() < len(text) else text


def _closing_block(lines: Sequence[Line]) -> tuple[int, list[str]]:
    """Where the closing block (formula, agency lines, date line) begins, and its agencies.

    Read backwards from the end: optional attachment or contact lines (附件：…, （联系人：…）)
    when a dated signature stands above them, an optional signature date (年月日 or 年月; a
    date in digits such as 2026.04.20 only right under an agency line, else it is a sharing
    site's stamp), or an agency and its date
    on one line, then up to two agency lines (a joint
    report signs with two), then an optional 特此报告 formula.
    """
    end = len(lines)
    while (
        end > 0
        and len(lines) - end < _MAX_TRAILER
        and _TRAILER.match(_without_page_marker(lines[end - 1].text))
    ):
        end -= 1
    if end < len(lines):
        # Attachment or contact lines close the report only below a dated signature.
        start, agencies, dated = _signature(lines[:end])
        if dated:
            return start, agencies
    start, agencies, _ = _signature(lines)
    return start, agencies


def _signature(lines: Sequence[Line]) -> tuple[int, list[str], bool]:
    """Where the signature block ending ``lines`` begins, its agencies and whether it is dated."""
    index = len(lines)
    seen_date = False
    agencies: list[str] = []
    while index > 0 and len(lines) - index < _MAX_CLOSING:
        text = _without_page_marker(lines[index - 1].text)
        joint = _AGENCY_AND_DATE.match(text)
        if (
            joint is not None
            and not seen_date
            and not agencies
            and _SIGNATURE_DATE.match(joint["date"])
            and _AGENCY_END.search(joint["agency"])
            and not _SIGNATURE_PUNCTUATION.search(joint["agency"])
        ):
            seen_date = True
            agencies.insert(0, joint["agency"])
        elif not seen_date and not agencies and _signature_date(lines, index - 1):
            seen_date = True
        elif (
            len(agencies) < 2
            and len(text) <= 30
            and not _SIGNATURE_PUNCTUATION.search(text)
            and classify_heading(text) is None
            and not _SIGNATURE_DATE.match(text)
            and not _NUMERIC_DATE.match(text)
            and ((seen_date and not agencies) or _AGENCY_END.search(text))
        ):
            agencies.insert(0, text)
        elif _CLOSING_FORMULA.match(text):
            index -= 1
            break
        else:
            break
        index -= 1
    return index, agencies, seen_date


def _signature_date(lines: Sequence[Line], index: int) -> bool:
    """Whether line ``index`` is a signature's date: 年月日, or digits under an agency line."""
    text = _without_page_marker(lines[index].text)
    if _SIGNATURE_DATE.match(text):
        return True
    return (
        _NUMERIC_DATE.match(text) is not None
        and index >= 1
        and _agency_line(_without_page_marker(lines[index - 1].text))
    )


def _agency_line(text: str) -> bool:
    """Whether a line reads as a signing agency (柘溪县林业局): short, unpunctuated, no heading."""
    return (
        len(text) <= 30
        and _AGENCY_END.search(text) is not None
        and not _SIGNATURE_PUNCTUATION.search(text)
        and classify_heading(text) is None
    )


# --- building ------------------------------------------------------------------------------

_JOIN_CONNECTIVE = re.compile(scripted(r"[的和与及、在对之以为并]$"))
_JOIN_ENDING = re.compile(
    scripted(
        r"(?:情况|工作|成效|举措|安排|计划|打算|不足|原因|问题|职责|思路|建设|机制|体系|水平|能力)$"
    )
)


# A line that opens with a connective goes on with the line above (存在的不足 / 和原因).
_JOIN_OPENING = re.compile(scripted(r"^[和与及并]"))
# The rest of a wrapped heading is a short remainder (…第一责任人 / 职责情况); a longer
# unpunctuated line under a complete title is a body sentence or a lead phrase.
_MAX_REMAINDER = 10
# Words that close a heading: a title ending in one is complete (存在的问题 / 执法力量不足的问题
# is a title and its body line).
_TITLE_CLOSED = re.compile(scripted(r"(?:情况|成效|不足|原因|问题|安排|计划|打算|思路|职责|报告)$"))


def _continues_heading(title: str, text: str) -> bool:
    """Whether ``text`` is the rest of a heading title printed over two lines.

    It is when the title stops on a connective (…建设的 / 主要举措), or the line opens with one
    (和原因), or the line is a short remainder that ends like a title (职责情况) under a title
    that is not closed yet and reads like no body sentence (全年…, figures).
    """
    if (
        len(text) > 30
        or _SIGNATURE_PUNCTUATION.search(text)
        or _starts_with_marker(text)
        or len(title) + len(text) > 60
    ):
        return False
    if _JOIN_CONNECTIVE.search(title) is not None or _JOIN_OPENING.match(text) is not None:
        return True
    return (
        _JOIN_ENDING.search(text) is not None
        and len(text) <= _MAX_REMAINDER
        and _TITLE_CLOSED.search(title) is None
        and _SENTENCE_OPENER.match(text) is None
        and _FIGURE.search(text) is None
    )


# A paragraph cut off by a page break: it stops on a comma or an opening mark, or runs long
# (longer than any heading or lead sentence) and stops without a closing mark.
_CUT_OFF_MARK = "，,、（(“《〈"
_SENTENCE_CLOSE = "。；：！？;:!?）)”》…"
_MIN_CUT_OFF = 50


def _cut_off(text: str, *, run_in: bool = False) -> bool:
    """Whether a body line stops mid-sentence, so that the next line goes on with it.

    A heading's run-in body is a sentence, so it is cut off whenever it stops unclosed.
    """
    last = text[-1]
    long = run_in or len(text) > _MIN_CUT_OFF
    return last in _CUT_OFF_MARK or (long and last not in _SENTENCE_CLOSE)


class _Builder:
    """Classifies lines and nests headings by level."""

    def __init__(self, year: int | None) -> None:
        self.year = year
        self.root: list[SectionNode] = []
        self.stack: list[SectionNode] = []
        self.preamble: list[Line] = []
        self.notes: list[str] = []
        self.after_prescribed = False
        # The last printed number of a level-3 heading, per parent and anywhere.
        self.last_digit: dict[int, int] = {}
        self.last_digit_anywhere = 0
        # The number of the last page marker dropped, and the marker forms (N、 or N.) of the
        # level-3 headings kept: page markers count on by themselves, in the N、 form.
        self.last_page = 0
        self.digit_forms: set[bool] = set()
        # Whether the last body line stopped mid-sentence (a page break cut it off).
        self.cut_off = False

    def add_text(self, line: Line) -> None:
        self.cut_off = _cut_off(line.text)
        if self.stack:
            self.stack[-1].texts.append(line)
        else:
            self.preamble.append(line)

    def add_heading(self, level: int, title: str, line: Line) -> SectionNode:
        self.cut_off = False
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        # A trailing 。 ends the heading, a trailing colon introduces the list below it: neither
        # is part of the title.
        title = title.strip().rstrip(_TITLE_TRAILER).strip() or title.strip()
        node = SectionNode(level=level, title=title, line=line.number)
        if self.stack:
            parent = self.stack[-1]
            node.kind = parent.kind
            parent.children.append(node)
        else:
            node.kind = section_kind(node.title, self.year, after_prescribed=self.after_prescribed)
            if node.kind in (
                SectionKind.SHORTCOMINGS,
                SectionKind.LEADERSHIP_DUTIES,
                SectionKind.NEXT_YEAR_PLAN,
            ):
                self.after_prescribed = True
            self.root.append(node)
        self.stack.append(node)
        return node

    def _digit_parent(self) -> SectionNode | None:
        """The section a level-3 heading would nest under."""
        for node in reversed(self.stack):
            if node.level < 3:
                return node
        return None

    def digit_fits(self, printed: int | None) -> bool:
        """Whether a level-3 number fits the numbering: the next under its parent, the next
        overall (numbering that continues across parents), or a repeat of the last."""
        key = id(self._digit_parent())
        last = self.last_digit.get(key, 0)
        return printed is not None and printed in (
            last + 1,
            last or 1,
            self.last_digit_anywhere + 1,
        )

    def note_digit(self, heading: Heading) -> None:
        """Remember the number and form of the level-3 heading just added."""
        self.digit_forms.add(heading.enumerated)
        if heading.printed is None:
            return
        self.last_digit[id(self._digit_parent())] = heading.printed
        self.last_digit_anywhere = heading.printed

    def note_page(self, heading: Heading) -> None:
        """Remember the number of a page marker just dropped."""
        if heading.level == 3 and heading.printed is not None:
            self.last_page = heading.printed

    def continues_pages(self, heading: Heading) -> bool:
        """Whether an ``N、`` marker that reads as a heading is rather the next page marker.

        It is when it goes on from the page markers already dropped and, as a heading, would
        fit only by numbering on across parents, or would take a form (``N、``) that the
        report's level-3 headings do not use (they use ``N.``).
        """
        printed = heading.printed
        if not heading.enumerated or not self.last_page or printed != self.last_page + 1:
            return False
        last = self.last_digit.get(id(self._digit_parent()), 0)
        return printed not in (last + 1, last or 1) or self.digit_forms == {False}


def _body_lines(lines: Sequence[Line], builder: _Builder) -> None:
    index = 0
    count = len(lines)
    # The text of the current line after an injected page marker was dropped from it, and how
    # many were dropped (a site injects one; a line of nothing but markers is not peeled
    # forever, which would be quadratic).
    pending: str | None = None
    peeled = 0
    while index < count:
        line = lines[index]
        if pending is None:
            peeled = 0
        text = line.text if pending is None else pending
        pending = None
        if text != line.text:
            line = Line(number=line.number, text=text)
        heading = classify_heading(text)
        if heading is None:
            builder.add_text(line)
            index += 1
            continue
        rest = heading.rest
        if (
            rest
            and peeled < _MAX_PEELED
            and _starts_with_marker(rest)
            and (heading.level == 3 or heading.spaced)
        ):
            # A page marker injected before a real heading or measure (1、 一是…).
            builder.notes.append(f"line {line.number}: dropped page marker before {rest[:12]!r}")
            builder.note_page(heading)
            pending = rest
            peeled += 1
            continue
        if heading.level == 3:
            if not rest:
                builder.notes.append(f"line {line.number}: dropped page marker {text!r}")
                builder.note_page(heading)
                index += 1
                continue
            item = _heading_like(rest) or (not heading.spaced and _run_in_item(rest))
            if (
                not item
                or not builder.digit_fits(heading.printed)
                or builder.continues_pages(heading)
                # The line goes on with a paragraph that a page break cut off.
                or builder.cut_off
            ):
                # A page marker injected by a sharing site (cleaning closes up the space after
                # it, so only the text and the numbering tell it from a heading): the rest of
                # the line is a paragraph.
                builder.notes.append(f"line {line.number}: dropped page marker {text[:4]!r}")
                builder.note_page(heading)
                builder.add_text(Line(number=line.number, text=rest))
                index += 1
                continue
        if not rest:
            # A marker alone on its line: the title is on the next line.
            if index + 1 < count and not _starts_with_marker(lines[index + 1].text):
                rest = lines[index + 1].text
                index += 1
            else:
                builder.notes.append(f"line {line.number}: dropped a heading with no title")
                index += 1
                continue
        title, body = _run_in_split(rest)
        if not title:
            builder.add_text(line)
            index += 1
            continue
        if (
            not body
            and "。" not in rest
            and index + 1 < count
            and _continues_heading(title, lines[index + 1].text)
        ):
            title += lines[index + 1].text
            index += 1
        node = builder.add_heading(heading.level, title, line)
        if heading.level == 3:
            builder.note_digit(heading)
        if body:
            node.texts.append(Line(number=line.number, text=body))
            builder.cut_off = _cut_off(body, run_in=True)
        index += 1


def _markers(text: str) -> list[re.Match[str]]:
    """The ``N是`` markers of a paragraph that stand where a measure may start.

    After a clause end (。；：！？) a marker always may; after a comma only within a run that
    counts on from 一是 (在依法决策方面，一是…；二是…), so that a lone 一是 in prose stays prose.
    """
    candidates: list[tuple[re.Match[str], bool]] = []
    content_end = len(text.rstrip())
    for match in ENUMERATOR.finditer(text):
        # The character before the marker, spaces skipped (a walk, not a slice: linear).
        before = match.start() - 1
        while before >= 0 and text[before].isspace():
            before -= 1
        if match.end() >= content_end:
            continue
        if before < 0 or text[before] in _MARKER_BOUNDARY:
            candidates.append((match, True))
        elif text[before] in _COMMA:
            candidates.append((match, False))
    found: list[re.Match[str]] = []
    for position, (match, at_boundary) in enumerate(candidates):
        number = ordinal(match["numeral"])
        if at_boundary or _comma_marker_in_run(number, candidates[position + 1 :], found):
            found.append(match)
    return found


def _comma_marker_in_run(
    number: int | None,
    following: Sequence[tuple[re.Match[str], bool]],
    found: Sequence[re.Match[str]],
) -> bool:
    """Whether a marker after a comma is in a run: 一是 with 二是 next, or the next number."""
    if number == 1:
        return bool(following) and ordinal(following[0][0]["numeral"]) == 2
    return bool(found) and number is not None and ordinal(found[-1]["numeral"]) == number - 1


@attrs.define(kw_only=True, eq=False)
class _OpenList:
    """A measure list still open while a holder's lines are split.

    Attributes:
        items: Its measures (a holder's top list, or a measure's submeasures).
        owner: The measure whose sub-list it is (None for the top list).
        started: The paragraph index it started inline in (None when paragraph-initial).
        last: The printed number of its last item: a second list in one holder (the plans
            after the shortcomings) numbers from 一 again, so its count is no guide.
    """

    items: list[MeasureNode]
    owner: MeasureNode | None
    started: int | None
    last: int = 0


# A paragraph that turns to what comes next and announces a list (下一步，我局将…：): it
# opens the holder's next list and is no part of the measure before it.
_NEXT_LIST_LEAD_IN = re.compile(
    scripted(
        r"^(?:下一步|下步|下一阶段|下阶段|今后|明年|下一年度?|新的一年|(?:19|20)\d{2}\s*年|针对)"
    )
)


def _next_list_lead_in(text: str, following: Line | None) -> bool:
    """Whether an unmarked paragraph introduces a new list that starts on the next line."""
    if following is None or not text.endswith(("：", ":")) or not _NEXT_LIST_LEAD_IN.match(text):
        return False
    match = ENUMERATOR.match(following.text)
    return match is not None and ordinal(match["numeral"]) == 1


def split_measures(texts: Sequence[Line]) -> tuple[list[str], list[MeasureNode], list[str]]:
    """Split a holder's own lines into paragraphs and a tree of ``N是`` measures.

    Args:
        texts: The section's own lines, in order (a run-in heading's body first).

    Returns:
        The paragraphs outside measures, the measures, and notes on repairs (renumbering).
    """
    paragraphs: list[str] = []
    top: list[MeasureNode] = []
    notes: list[str] = []
    # Open lists, outermost first.
    lists: list[_OpenList] = [_OpenList(items=top, owner=None, started=None)]
    current: MeasureNode | None = None
    for index, line in enumerate(texts):
        text = line.text
        markers = _markers(text)
        if not markers:
            following = texts[index + 1] if index + 1 < len(texts) else None
            if current is not None and current.absorbs and not _next_list_lead_in(text, following):
                current.parts.append(text)
            else:
                paragraphs.append(text)
                current = None
            continue
        prefix = text[: markers[0].start()].strip()
        if prefix:
            # The paragraph carries a marker, so the previous measure does not keep it.
            paragraphs.append(prefix)
            current = None
            del lists[1:]
        for position, match in enumerate(markers):
            end = markers[position + 1].start() if position + 1 < len(markers) else len(text)
            segment = text[match.end() : end].strip()
            number = ordinal(match["numeral"]) or 0
            inline = position > 0 or bool(prefix)
            item = MeasureNode(parts=[segment], line=line.number, absorbs=not inline)
            if number == 1 and current is not None and len(lists) < _MAX_MEASURE_DEPTH:
                lists.append(
                    _OpenList(
                        items=current.submeasures,
                        owner=current,
                        started=index if inline else None,
                    )
                )
            elif number == 1 and current is not None:
                # Lists nest no deeper than _MAX_MEASURE_DEPTH: a restart there numbers on.
                notes.append(f"line {line.number}: a list nested too deep numbered on")
            elif number == 1:
                del lists[1:]
                if top:
                    notes.append(f"line {line.number}: a second list numbered on from the first")
            else:
                depth = len(lists) - 1
                while depth > 0 and lists[depth].last + 1 != number:
                    depth -= 1
                if lists[depth].last + 1 != number:
                    depth = len(lists) - 1
                    notes.append(f"line {line.number}: measure {number} renumbered in its list")
                del lists[depth + 1 :]
            lists[-1].items.append(item)
            lists[-1].last = number
            current = item
        # Sub-lists that started inside this paragraph end with it; their owner goes on.
        while len(lists) > 1 and lists[-1].started == index:
            current = lists.pop().owner
        if current is not None and not current.absorbs:
            current = None
    return paragraphs, top, notes


def _finish(node: SectionNode, notes: list[str]) -> None:
    paragraphs, measures, more = split_measures(node.texts)
    node.paragraphs = paragraphs
    node.measures = measures
    notes.extend(more)
    for child in node.children:
        _finish(child, notes)


def build_outline(
    lines: Sequence[Line], *, year: int | None, page_marker: int | None = None
) -> Outline:
    """Build the plain tree of a report body.

    Args:
        lines: The body lines (after the header), non-empty and stripped.
        year: The year reported on, used to recognise the next year's plan section.
        page_marker: The number of the last page marker dropped in the header (1、 before the
            title): the body's page markers count on from it.

    Returns:
        The preamble, the section tree with measures split out, and the closing block.
    """
    # A lone page marker (2、) is no content anywhere, and must not hide a signature block; in
    # the body it still goes through the builder, which counts page markers on from it.
    kept = [line for line in lines if not _LONE_MARKER.match(line.text)]
    start, agencies = _closing_block(kept)
    closing = tuple(_without_page_marker(line.text) for line in kept[start:])
    first_closing = kept[start].number if start < len(kept) else None
    body = [line for line in lines if first_closing is None or line.number < first_closing]
    notes = [
        f"line {line.number}: dropped page marker {line.text!r}"
        for line in lines[len(body) :]
        if _LONE_MARKER.match(line.text)
    ]
    builder = _Builder(year)
    builder.last_page = page_marker or 0
    _body_lines(body, builder)
    notes[:0] = builder.notes
    for node in builder.root:
        _finish(node, notes)
    return Outline(
        preamble=tuple(line.text for line in builder.preamble),
        sections=tuple(builder.root),
        closing=closing,
        signature=agencies[0] if agencies else None,
        notes=tuple(notes),
    )
