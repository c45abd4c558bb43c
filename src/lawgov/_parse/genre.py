"""The genre gate: is this text a 法治政府建设 report at all?

A crawler that collects 法治政府建设年度报告 also collects their neighbours: the 政策解读 of a
report, the 通知 that issues a 实施方案 or 工作要点, a 政府信息公开工作年度报告, a news item on the
meeting that reviewed the report, a speech, a catalogue. None of these is a report, and each
must be refused (a [`ParseError`][lawgov.ParseError]) or flagged, never accepted silently. The gate
reads only the title and a bounded prefix of the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lawgov._model.han import HAN_BASIC
from lawgov._parse.header import scripted

__all__ = ["not_a_report", "weak_genre"]

# Text in 《》 is what a document is about, not what it is (…《…报告》的政策解读).
_QUOTED = re.compile(r"《[^《》]*(?:《[^《》]*》[^《》]*)*》")
# Genres a title can name that are not a report on the year's work.
_OTHER_GENRE = re.compile(
    scripted(
        r"解读|实施方案|工作方案|工作要点|工作安排|工作计划$|实施意见|规则|讲话|致辞|"
        r"信息公开.{0,6}目录|事项目录|年鉴"
    )
)
# The head noun of a main title that is another genre whatever it mentions.
_HEAD_GENRE = re.compile(scripted(r"(?:研究|指标体系|考评办法|评估办法|论文|综述)$"))
# A 政府信息公开工作年度报告 is a report on another duty, whatever else its title says
# (…信息公开工作2021年度报告, …信息公开年度工作报告说明, …信息公开工作情况报告).
_DISCLOSURE_REPORT = re.compile(scripted(r"信息公开[^，。；《》>＞]{0,12}(?:报告|年报)"))
# A government's work report to its people's congress (政府工作报告——在…人民代表大会上).
_GOVERNMENT_WORK_REPORT = re.compile(scripted(r"(?<!法治)(?<!法制)政府工作报告"))
# A court or procuratorate reports on trials, not on 法治政府建设.
_COURT = re.compile(scripted(r"(?:人民法院|人民检察院|中级法院)$"))
# Words of a report on the year's work, outside quotes.
_SUMMARY = re.compile(scripted(r"报告|总结"))
# A notice (通知) is a report only when what it issues is one (印发《…年度报告》的通知).
_NOTICE = re.compile(scripted(r"通知$|的通知"))
_REPORT_QUOTED = re.compile(
    scripted(r"《[^《》]*(?:法治|法制|依法行政)[^《》]*(?:报告|总结|情况)》")
)
# A news headline on the report: a meeting that reviews, hears or discusses it.
_NEWS_TITLE = re.compile(scripted(r"召开|审议|听取|评议会?|座谈|调研|通报会|顺利完成|考核"))
# The first words of a news item (6月25日，…; 8月20日下午，…; 近日，…) or of a speech (同志们：).
_NEWS_LEAD = re.compile(
    r"^\s*\d{1,2}\s*月\s*\d{1,2}\s*日|"
    + scripted(r"^\s*(?:近日|日前|近期|昨日|昨天|今日|本周)[，,]")
)
_SPEECH = re.compile(scripted(r"同志们[：:，,！!]"))
# The genre's words: a report on 法治政府 names them near the top.
_GENRE_WORDS = re.compile(scripted(r"法治|法制|依法行政|依法治"))
_REPORT_WORDS = re.compile(scripted(r"(?:报告|总结|情况|汇报)"))
_TOP_CHARS = 3000
# A text that says what it is in its opening: …，制定本方案。
_OWN_GENRE = re.compile(
    scripted(r"制定本(?P<kind>方案|办法|规定|规则|细则|意见|要点|计划|制度|指标体系)")
)
_OPENING_CHARS = 400
# Another genre's title among the lines before the first heading (…的实施意见, …工作安排的通知),
# when the page prints no title of this genre: the document's own title.
_OTHER_TITLE = re.compile(
    scripted(r"(?:解读|实施方案|工作方案|工作要点|工作安排|实施意见|规则)(?:的通知)?$|的通知$")
)
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])"
)
_PREAMBLE_LINES = 8
_MAX_TITLE = 60
# What a 政府信息公开工作年度报告 says in its first lines, printed title or not.
_DISCLOSURE_OPENING = re.compile(
    scripted(
        r"信息公开[^，。；《》>＞]{0,12}(?:报告|年报)|本(?:年度)?报告(?:根据|依据)《中华人民共和国政府信息公开条例》|"
        r"收到和处理政府信息公开申请|主动公开政府信息情况"
    )
)
# An article about the genre, not one of its reports (本文将对…进行解析).
_ARTICLE = re.compile(scripted(r"本文(?:将|对|从|以|旨在|拟|通过|结合)"))
# A salutation to subordinate bodies (各乡镇人民政府，县政府各部门：): a notice or directive;
# a report is addressed to the bodies above its issuer (市委、市政府：).
_DIRECTIVE_SALUTATION = re.compile(r"^[^。；]{0,40}各(?!位)[^。；]{1,60}[：:]$")
# A line that announces what follows (…各项工作，…现将我局…情况报告如下：) is no salutation.
_ANNOUNCES = re.compile(scripted(r"如下|现将|现就|报告"))
# A news relay's lead (本站讯, 本报讯 近日，…).
_NEWS_RELAY = re.compile(
    scripted(
        r"^\s*(?:本站|本报|本网|本刊)讯|"
        rf"^[{HAN_BASIC}/／]{{0,20}}讯\s*(?:[（(]?\s*记者|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)"
    )
)
_OPENING_LINES = 3
# An opening that says what it reports on (现就2020年政务公开工作情况报告如下): a report on
# disclosure work is another genre, however it mentions 法治 later.
_REPORTS_ON = re.compile(scripted(r"现(?:就|将)(?P<what>[^。；;]{0,40}?)(?:报告|汇报)如下"))
_DISCLOSURE_WORK = re.compile(scripted(r"政务公开|信息公开"))


def not_a_report(title: str | None, body: Sequence[str]) -> str | None:
    """Why a text is not a 法治政府建设 report, or None when nothing says it is not.

    Args:
        title: The printed title, or None when the page prints none.
        body: The body lines.

    Returns:
        A short reason (``a 政策解读``), naming what the text is instead.
    """
    if title is not None:
        outer = _QUOTED.sub("", title)
        disclosure = _DISCLOSURE_REPORT.search(outer)
        if disclosure is not None:
            return f"the title names a {disclosure[0]}"
        if _GOVERNMENT_WORK_REPORT.search(outer) is not None:
            return "the title names a 政府工作报告"
        if _COURT.search(outer.strip()) is not None:
            return "the title names a court or procuratorate"
        head = _HEAD_GENRE.search(outer.split("——")[0].strip())
        if head is not None:
            # What the main title is (…报告制度实证研究——以…为例): a study, not a report.
            return f"the title names a {head[0]}"
        other = _OTHER_GENRE.search(outer)
        # A title that reports (…工作总结及2023年工作要点) is a report whatever else it names.
        if other is not None and _SUMMARY.search(outer) is None:
            return f"the title names a {other[0]}"
        if _NOTICE.search(outer) and _REPORT_QUOTED.search(title) is None:
            return "the title names a 通知"
        news = _NEWS_TITLE.search(outer)
        genre = _GENRE_WORDS.search(outer)
        if news is not None and (genre is None or news.start() < genre.start()):
            # A meeting that reviews the report (…召开会议审议2019年度法治政府建设情况报告),
            # not a report that mentions a review after its genre words (…报告（提请审议）).
            return "the title is a news headline"
    top = "\n".join(body)[:_TOP_CHARS]
    opening = _QUOTED.sub("", "\n".join(body[:_OPENING_LINES]))[:_OPENING_CHARS]
    own = _OWN_GENRE.search(opening)
    if own is not None:
        return f"it declares itself a {own['kind']} ({own[0]})"
    if title is None or weak_genre(title):
        reason = _preamble_reason(body)
        if reason is not None:
            return reason
        raw_opening = "\n".join(body[:_OPENING_LINES])[:_OPENING_CHARS]
        disclosure_opening = _DISCLOSURE_OPENING.search(raw_opening)
        if disclosure_opening is not None:
            return f"it opens as a 政府信息公开工作年度报告 ({disclosure_opening[0]})"
    if _ARTICLE.search(opening) is not None:
        return "it is an article (本文…)"
    if title is None:
        first = body[0] if body else ""
        said = _REPORTS_ON.search(first[:_OPENING_CHARS])
        if (
            said is not None
            and _DISCLOSURE_WORK.search(said["what"]) is not None
            and _GENRE_WORDS.search(said["what"]) is None
        ):
            return f"its opening reports on {said['what'].strip()} (a 政府信息公开工作年度报告)"
        if _NEWS_LEAD.match(first):
            return "it opens like a news item (a date or 近日, then what happened)"
        if _SPEECH.search(first[:200]):
            return "it is a speech"
    if _GENRE_WORDS.search(title or "") is None and _GENRE_WORDS.search(top) is None:
        return "neither its title nor its first paragraphs mention 法治政府, 依法行政 or 法治建设"
    return None


def _preamble_reason(body: Sequence[str]) -> str | None:
    """Why the lines above the first heading show another document, or None.

    A title of another genre printed there (…的实施意见), a salutation to subordinate bodies, or
    a news relay's lead.
    """
    for line in body[:_PREAMBLE_LINES]:
        if _HEADING.match(line):
            break
        if _NEWS_RELAY.match(line):
            return "it is a news item (本站讯…)"
        if _SPEECH.match(line):
            return "it is a speech"
        if (
            _DIRECTIVE_SALUTATION.match(line)
            and "。" not in line
            and _ANNOUNCES.search(line) is None
        ):
            return "it is addressed to subordinate bodies (各…：), as a notice is"
        if len(line) <= _MAX_TITLE and not re.search(r"[。，,；;]", line):
            outer = _QUOTED.sub("", line)
            other = _OTHER_TITLE.search(outer)
            if other is not None and _SUMMARY.search(outer) is None:
                return f"a title of another genre stands above its text ({other[0]})"
            disclosure = _DISCLOSURE_REPORT.search(outer)
            if disclosure is not None:
                return f"a title of another genre stands above its text ({disclosure[0]})"
    return None


def weak_genre(title: str) -> bool:
    """Whether a printed title does not read as this genre's (no 报告/总结/情况 and no 法治).

    Args:
        title: The printed title.

    Returns:
        True when the title may be a line of chrome or another document's title.
    """
    return _REPORT_WORDS.search(title) is None or _GENRE_WORDS.search(title) is None
