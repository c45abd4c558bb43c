"""Finding citations in report text: ``《…》`` titles and document numbers (发文字号).

This module owns how cited laws and documents are recognised:

* A title is the text between an outer ``《`` and its ``》`` on one line. One level of nested
  ``《》`` is allowed inside (sloppy copies write ``《关于印发《X》的通知》``); nested ``〈〉`` and
  ASCII ``<>`` are ordinary characters and stay as printed. A ``《`` closed with an ASCII ``>``
  on its line (``《行政处罚法>``, ``《关于印发<X>的通知>``) is a title: the closing bracket was
  mistyped (an HTML tag's end, ``/span>``, closes nothing). Any other broken pair (``《A``
  without its ``》``) yields nothing for the broken part; blank titles are skipped. Doubled
  brackets (``《《行政处罚法》》``) wrap one title.
* A document number is an issuer code, a year in brackets (〔〕 ﹝﹞ () （） [] ［］ 【】, or no
  year: ``〔〕33号``), an optional 第, a serial and 号. ``国务院令第711号`` and
  ``公告2026年第25号`` have no bracketed year and are not document numbers; nor are the numbers
  of minutes (``县政府常务会议纪要〔2022〕7号``: the meeting, not an issuer code, before the
  year). A year and serial with no code before them (``《实施方案》（〔2022〕5号）``) cannot be
  a [`DocumentNumber`][lawgov.DocumentNumber] (its code is required): the title stands without it.
* The issuer code is the run of CJK characters right before the bracket, cut after the last
  lead word or particle inside it, because running text glues the code to the words before it:
  ``根据江府〔2017〕16号`` → ``江府``; ``市政府印发的粤府办〔2020〕3号`` → ``粤府办``. Lead
  words are verbs and nouns that introduce a document or act on it (根据, 按照, 依据, 印发,
  转发, 执行, 落实, 贯彻, 文件, 通知, 报送, 废止, 下达 …); particles are characters that never
  occur in an issuer code (的, 和, 及, 与, 在 …).
  A body name no code contains (人民政府, 政府, 办公室, 办公厅, 委员会) ends the run before the
  code at any length (``省政府粤府函〔2020〕12号`` → ``粤府函``), and what follows it must be no
  longer than the usual six characters. A run still longer than eight characters is cut after
  the issuing body's name when one ends it (``国务院办公厅国办发〔2019〕5号`` → ``国办发``);
  otherwise the number is not trusted and skipped. A department's name of three characters or
  more ending in 局/厅/部/处/委 before a code of two to six, in a run longer than six, is cut off
  too (``市司法局岚司发`` →
  ``岚司发``), as is the last character of a name a lead word opened (``市委宣传部岚宣通`` →
  ``岚宣通``). An office's name inside a department (two characters or more ending in 处, 科,
  室 or 股) before a code of two to six is cut off at any length (``法规处岚法`` → ``岚法``),
  and so is a body named with its level (``县委编办栖编`` → ``栖编``, ``县教委栖教`` → ``栖教``,
  ``市卫健委岚卫发`` → ``岚卫发``); 常委会 is a body name
  like 委员会 (``县人大常委会栖人发`` → ``栖人发``).
* Serials listed after a number share its code and year: ``岚府发〔2021〕12号、13号`` (or
  ``第13号``) and ``岚府发〔2021〕12、13号`` are two numbers; ``…12号、〔2022〕3号`` takes the
  code before it.
* A document number in parentheses right after a title (``《…》（江府〔2017〕16号）``, ASCII
  parentheses too, ``16号文`` too, or first in a list: ``（江府〔2017〕16号，以下简称…）``) belongs
  to that title; any other document number stands alone as a citation without a title.
  Document numbers printed inside a title are part of the title.

`protected_spans` also lives here: the spans of titles, quoted names and document numbers,
inside which `metrics` finds no metrics.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

from lawgov._errors import ValidationError
from lawgov._model import Citation, DocumentNumber
from lawgov._model.docnumber import (
    CLOSE_BRACKETS,
    MAX_CODE_LENGTH,
    MAX_SERIAL_DIGITS,
    OPEN_BRACKETS,
)
from lawgov._model.han import HAN_BASIC, HAN_SPAN

__all__ = [
    "TITLE",
    "find_citation_spans",
    "find_citations",
    "find_document_numbers",
    "protected_spans",
]

#: A ``《…》`` title on one line, one nested ``《》`` level allowed; group ``title`` is the inside.
#: The two branches start with different characters, so matching is linear.
TITLE: Final[re.Pattern[str]] = re.compile(r"《(?P<title>(?:[^《》\n]|《[^《》\n]*》)*)》")

# A title whose closing bracket was typed as ASCII ``>`` (``《行政处罚法>``): the ``《`` opens
# no whole title, and a ``>`` closes it on its line before any other title bracket; ASCII
# ``<…>`` pairs inside stay (``《关于印发<X>的通知>``). A ``>`` after ASCII letters or a slash
# ends an HTML tag left in a raw copy (``《行政处罚法/span>``), not a title.
_ASCII_CLOSED = re.compile(
    r"《(?P<title>[^《》<>\n]*(?:<[^《》<>\n]*>[^《》<>\n]*)*)(?<![A-Za-z/\"'])>"
)

_QUOTED = re.compile(r"“[^“”\"\n]*[”\"]|\"[^\"\n“”]*\"|「[^「」\n]*」|『[^『』\n]*』")

# The bracketed year, serial and 号 of a document number (the grammar of DocumentNumber.parse,
# with spaces that never cross a line); the issuer code is read backwards from it. No two space
# runs are adjacent, so a long run of spaces cannot be split every possible way (quadratic).
_DOCNO_TAIL = re.compile(
    rf"[{re.escape(OPEN_BRACKETS)}][ \t\u3000]*(?:(?P<year>[0-9０-９]{{4}})[ \t\u3000]*)?"
    rf"[{re.escape(CLOSE_BRACKETS)}]"
    rf"[ \t\u3000]*(?:第[ \t\u3000]*)?(?P<serial>[0-9０-９]{{1,{MAX_SERIAL_DIGITS}}})"
    rf"(?P<more>(?:[ \t\u3000]*、[ \t\u3000]*[0-9０-９]{{1,{MAX_SERIAL_DIGITS}}}){{0,20}})"
    r"[ \t\u3000]*号"
)
# One serial of a list before a shared 号 (the ``、13`` of ``12、13号``).
_LISTED_SERIAL = re.compile(rf"、[ \t\u3000]*(?P<serial>[0-9０-９]{{1,{MAX_SERIAL_DIGITS}}})")
# A further serial with its own 号 right after a number (the ``、13号`` of ``12号、13号``).
_MORE_SERIAL = re.compile(
    r"[ \t\u3000]*[、和及][ \t\u3000]*(?:第[ \t\u3000]*)?"
    rf"(?P<serial>[0-9０-９]{{1,{MAX_SERIAL_DIGITS}}})[ \t\u3000]*号"
)
# What stands between a number and a further one with its own year (12号、〔2022〕3号).
_LISTED_AFTER = re.compile(r"[ \t\u3000]*[、和及][ \t\u3000]*")
_USUAL_CODE = 6  # the longest codes seen in practice (津政办发, 岚法办发, 高新组通 are four)
# Last characters of body names (宣传部, 法规处) that a lead word inside the name leaves behind.
_BODY_TAIL = "部处科室局"
# A department's name (three characters or more, ending in 局/厅/部/处/委) before a code of two
# to six, in a run longer than codes are: 市司法局岚司发, 农业农村部农法发. Shorter heads are
# part of real codes (人社部发, 工信部联规).
_NAMED_BODY = re.compile(rf"[{HAN_SPAN}]{{3,}}[局厅部处委](?=[{HAN_SPAN}]{{2,{_USUAL_CODE}}}$)")
# An office inside a department (处, 科, 室, 股: 法规处, 审批科) before a code of two to six:
# codes never hold these after two characters of their own (国科发 and 粤科高字 keep theirs).
# 科 that opens 科教/科技 is a code's department (国卫办科教发), not an office's end.
_SECTION_NAME = re.compile(
    rf"[{HAN_SPAN}]{{2,}}(?:[处室股]|科(?![教技研学]))(?=[{HAN_SPAN}]{{2,{_USUAL_CODE}}}$)"
)
# A body named with its level (县委编办, 市委办, 区委组织部, 县教委, 市卫健委, 市司法局) before a
# code of two to six: codes abbreviate the place (栖编, 江委发, 岚卫发), they do not spell
# 县委/市委 or a level and a whole body's name out.
_LEVEL_BODY = re.compile(
    rf"[省市县区](?:委[{HAN_BASIC}]{{0,4}}?[办部]|[{HAN_BASIC}]{{1,6}}?[委局厅部])"
    rf"(?=[{HAN_BASIC}]{{2,{_USUAL_CODE}}}$)"
)
# Minutes are numbered by their meeting (县政府常务会议纪要〔2022〕7号): that is no issuer code,
# and the number is no 发文字号.
_MINUTES = ("纪要",)
_CJK = re.compile(f"[{HAN_SPAN}]")
_MAX_RUN = 30  # how far back the issuer code is looked for; longer runs are running text

# Words that introduce a document; the issuer code starts after the last of them (the longest
# one at a place: 落实好, not 落实).
_LEAD_WORDS: Final[tuple[str, ...]] = (
    "根据",
    "按照",
    "依据",
    "依照",
    "遵照",
    "参照",
    "对照",
    "印发",
    "转发",
    "下发",
    "制发",
    "出台",
    "执行",
    "落实",
    "贯彻",
    "结合",
    "通过",
    "发布",
    "文件",
    "精神",
    "要求",
    "通知",
    "关于",
    "规定",
    "以及",
    "详见",
    "参见",
    "修订",
    "修改",
    "制定",
    "起草",
    "审核",
    "审查",
    "清理",
    "备案",
    "学习",
    "宣传",
    "实施",
    "引用",
    # verbs that act on a document: report, repeal, issue, review it
    "报送",
    "报请",
    "上报",
    "呈报",
    "提请",
    "废止",
    "废除",
    "撤销",
    "下达",
    "签发",
    "批复",
    "批转",
    "审议",
    "解读",
    "宣贯",
    "会同",
    "对标",
    "落实好",
    "执行好",
    "贯彻好",
)
# Characters that never occur in an issuer code; the code starts after the last of them.
_PARTICLES: Final[str] = "的和及与或按据依即以在由将对从号是为了等并见年月日"
_LEAD = re.compile("|".join(sorted(_LEAD_WORDS, key=len, reverse=True)) + f"|[{_PARTICLES}]")
# Names of issuing bodies that end a run too long to be a code (国务院办公厅国办发).
_ISSUING_BODY = re.compile(r"人民政府|办公室|办公厅|委员会|常委会|政府|局|厅")
# Body names no issuer code contains, at any length (省政府粤府函, 市委市政府江委发): the code
# starts after the last of them. (局 and 厅 alone may open a code: 厅字.)
_BODY_NAME = re.compile(r"人民政府|办公室|办公厅|委员会|常委会|政府")
# After a title: optional spaces, an opening parenthesis, the number, then its end.
_AFTER_TITLE_OPEN = re.compile(r"[ \t]*[（(][ \t]*")
_AFTER_NUMBER_CLOSE = re.compile(r"(?:文件|文)?[ \t]*[）)，,；;、]")


def find_document_numbers(text: str) -> list[tuple[DocumentNumber, int, int]]:
    """Find every document number in ``text``, with its span.

    Serials listed after a number share its issuer code and year: ``岚府发〔2021〕12号、13号``
    and ``岚府发〔2021〕12、13号`` are two numbers each, and ``岚府发〔2021〕12号、〔2022〕3号``
    takes the code of the number before it.

    Args:
        text: Any text; cleaned text gives the best results.

    Returns:
        ``(number, start, end)`` triples in order, where ``text[start:end]`` is the number as
        printed, issuer code included; a listed serial spans from its digits to its 号. Never
        raises on any string.
    """
    if not isinstance(text, str):
        return []
    found: list[tuple[DocumentNumber, int, int]] = []
    for tail in _DOCNO_TAIL.finditer(text):
        located = _issuer_code(text, tail.start())
        if located is None and found and _LISTED_AFTER.fullmatch(text, found[-1][2], tail.start()):
            # 12号、〔2022〕3号: a further number of the issuer named just before it
            located = found[-1][0].issuer_code, tail.start()
        if located is None:
            continue
        code, start = located
        year = None if tail["year"] is None else int(tail["year"])
        first = _number(code, year, tail["serial"])
        if first is None:
            continue  # serial 0 or a year no document can have: not a document number
        found.append((first, start, tail.end()))
        # 12、13号: the serials listed before the one 号
        for listed in _LISTED_SERIAL.finditer(text, tail.start("more"), tail.end("more")):
            number = _number(code, year, listed["serial"])
            if number is not None:
                found.append((number, listed.start("serial"), tail.end()))
        # 12号、13号: further serials, each with its own 号
        end = tail.end()
        while (more := _MORE_SERIAL.match(text, end)) is not None:
            number = _number(code, year, more["serial"])
            if number is None:
                break
            found.append((number, more.start("serial"), more.end()))
            end = more.end()
    return found


def _number(code: str, year: int | None, serial: str) -> DocumentNumber | None:
    try:
        return DocumentNumber(issuer_code=code, year=year, serial=int(serial))
    except ValidationError:
        return None


def _issuer_code(text: str, tail_start: int) -> tuple[str, int] | None:
    """The issuer code printed before a bracketed year at ``tail_start``, and where it starts.

    None when there is no code, or when the run before the bracket is too long to trust.
    """
    code_end = tail_start
    while code_end > 0 and text[code_end - 1] in " \t\u3000":
        code_end -= 1
    code_start = code_end
    limit = max(0, code_end - _MAX_RUN)
    while code_start > limit and _CJK.match(text, code_start - 1):
        code_start -= 1
    run = text[code_start:code_end]
    cut = 0
    for lead in _LEAD.finditer(run):
        cut = lead.end()
    if cut and len(run) - cut > 2 and run[cut] in _BODY_TAIL:
        # 市委宣传部岚宣通〔〕33号: the lead word (宣传) opened a body's name; its last
        # character is no part of the code
        cut += 1
    code = run[cut:]
    body_end = 0
    for body in _BODY_NAME.finditer(code):
        # Codes are at least two characters: a single one after a body's name is part of it.
        if body.end() <= len(code) - 2:
            body_end = body.end()
    if body_end:
        cut += body_end
        code = run[cut:]
        if len(code) > _USUAL_CODE:
            return None  # a body's name, then no code: 区人民政府办公室行政审批服务科〔…〕
    party = _LEVEL_BODY.match(code)
    if party is not None:
        # 县委编办栖编〔…〕, 县教委栖教〔…〕: a body printed with its level before its code
        cut += party.end()
        code = run[cut:]
    named = _NAMED_BODY.match(code) if len(code) > _USUAL_CODE else None
    if named is not None:
        # 岚江市卫健委岚卫发〔…〕: a department's name printed before its code, longer than
        # codes are
        cut += named.end()
        code = run[cut:]
    section = _SECTION_NAME.match(code)
    if section is not None:
        # 法规处岚法〔…〕: an office inside a department, printed before the department's code
        cut += section.end()
        code = run[cut:]
    if len(code) > MAX_CODE_LENGTH:
        # 国务院办公厅国办发〔…〕: the issuing body printed before its own code, which is then
        # held to the usual length of codes (GB/T 9704 practice: at most six characters)
        body_end = 0
        for body in _ISSUING_BODY.finditer(code):
            if 2 <= len(code) - body.end() <= _USUAL_CODE:
                body_end = body.end()
        cut += body_end
        code = run[cut:]
    if not code or len(code) > MAX_CODE_LENGTH or code.endswith(_MINUTES):
        return None
    return code, code_start + cut


def find_citation_spans(text: str) -> list[tuple[Citation, int, int]]:
    """Find every citation with its span (the title's brackets and any number after it).

    Args:
        text: Any text; cleaned text gives the best results.

    Returns:
        ``(citation, start, end)`` triples in order of appearance, not deduplicated.
    """
    if not isinstance(text, str) or not text:
        return []
    numbers = find_document_numbers(text)
    by_start = {start: (number, end) for number, start, end in numbers}
    number_starts = [start for _, start, _ in numbers]
    used: set[int] = set()
    titled: list[tuple[Citation, int, int]] = []
    for raw, start, title_end in _titles(text):
        title = raw.strip()
        if title.startswith("《") and title.endswith("》") and title.count("《") == 1:
            title = title[1:-1].strip()  # 《《行政处罚法》》: a doubled bracket, one title
        end = title_end
        document_number: DocumentNumber | None = None
        opening = _AFTER_TITLE_OPEN.match(text, end)
        if opening is not None and opening.end() in by_start:
            number, number_end = by_start[opening.end()]
            closing = _AFTER_NUMBER_CLOSE.match(text, number_end)
            if closing is not None:
                document_number = number
                used.add(opening.end())
                # the span takes the closing parenthesis, not a following separator
                end = closing.end() if closing.group()[-1] in "）)" else number_end
        # a number printed inside a title is part of the title
        inner = bisect.bisect_right(number_starts, start)
        while inner < len(number_starts) and number_starts[inner] < title_end:
            used.add(number_starts[inner])
            inner += 1
        if title:
            citation = Citation(title=title, document_number=document_number)
            titled.append((citation, start, end))
        elif document_number is not None:
            titled.append((Citation(document_number=document_number), start, end))
    alone = [
        (Citation(document_number=number), start, end)
        for number, start, end in numbers
        if start not in used
    ]
    return sorted(titled + alone, key=lambda item: item[1])


def _titles(text: str) -> list[tuple[str, int, int]]:
    """Every title's inside with the span of its brackets, in order.

    A ``《`` that opens no whole title may still be closed by an ASCII ``>`` (``《行政处罚法>``).
    """
    found = [(m["title"], m.start(), m.end()) for m in TITLE.finditer(text)]
    if ">" not in text:
        return found
    recovered: list[tuple[str, int, int]] = []
    covered = 0  # the end of the last title before the current ``《``
    index = 0
    at = text.find("《")
    while at != -1:
        while index < len(found) and found[index][1] <= at:
            covered = max(covered, found[index][2])
            index += 1
        if at >= covered:
            match = _ASCII_CLOSED.match(text, at)
            if match is not None:
                recovered.append((match["title"], at, match.end()))
                covered = match.end()
        at = text.find("《", max(at + 1, covered))
    if not recovered:
        return found
    return sorted(found + recovered, key=lambda item: item[1])


def find_citations(text: str) -> list[Citation]:
    """Find every citation in ``text``: each ``《…》`` title and each document number alone.

    Args:
        text: Any text; cleaned text gives the best results.

    Returns:
        The citations in order of appearance, not deduplicated (the caller keeps one of each per
        holder). Never raises on any string.
    """
    return [citation for citation, _, _ in find_citation_spans(text)]


def protected_spans(text: str) -> list[tuple[int, int]]:
    """The spans of titles, quoted names and document numbers in ``text``, sorted and merged.

    Numbers inside these spans are part of a name, not facts (``《在庆祝改革开放40周年大会上…》``,
    ``“科技助力经济2020”``, ``江府〔2017〕16号``).
    """
    if not isinstance(text, str) or not text:
        return []
    spans = [(start, end) for _, start, end in _titles(text)]
    spans.extend(m.span() for m in _QUOTED.finditer(text))
    spans.extend((start, end) for _, start, end in find_document_numbers(text))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
