"""The agency a report's own sentences name when no title, signature or label does.

Real pages often print no title: the report starts with its opening sentence, whose grammatical
subject is the reporting agency (``2022年，在区委、区政府的坚强领导下，石桥街道深入…``), or with
the formula ``现将<agency>YYYY年…情况报告如下``. This module reads those, and as a last resort
guesses the agency a first-person opening (``我镇``) refers to from the names printed below.
Every function is linear in its input and reads at most a bounded prefix of the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import attrs

from lawgov._model.han import HAN_BASIC, is_basic_han
from lawgov._parse.header import _YEAR, scripted

__all__ = [
    "Found",
    "fits_first_person",
    "guess_agency",
    "is_salutation",
    "noted_title",
    "opening_agency",
]

# Suffixes that end an agency's (or a reporting place's) name, longest first.
_SUFFIX = (
    r"(?:人民政府|管理委员会|委员会|办公室|办事处|管委会|开发区|新区|政府|街道|局|厅|委|"
    r"中心|署|部|镇|乡|街|县|区|市|旗|州|盟|省)"
)
# Words that start a predicate right after the subject.
_VERB = (
    r"(?:在|坚持|认真|深入|全面|紧紧|始终|以|按照|围绕|高度|严格|着力|持续|切实|聚焦|紧扣|把|将|"
    r"扎实|积极|不断|牢牢|立足|锚定|全力|大力|统筹|贯彻|进一步|主动|紧密|通过|结合|坚定|坚决|"
    r"对标|强化|加强|深化|奋力|锐意|牢固|精心|注重|依法|推进|抓|于|共|各项|高举|聚力|践行|"
    r"笃学|笃行|狠抓|扛牢|落实|"
    # a first-person report names itself where it is honoured (青澜市交通运输局被评为…)
    r"被|荣获|获评|获得|入选)"
)
# The subject: a name (not a pronoun or a quantifier) ending in a suffix, optionally followed by
# the genre's words (中村乡法治政府建设工作在…), then the predicate's first word.
_SUBJECT = re.compile(
    scripted(
        # a year may lead the clause without a comma (2022年全岭县某局在…)
        rf"^(?:(?:{_YEAR})\s*年度?)?"
        r"(?P<agency>(?![我本各该其])(?!全[省市县区州旗镇乡街])"
        r"(?!根据|按照|依据|遵照|对照|为了|围绕|随着|经过|在)"
        rf"[{HAN_BASIC}（）()]{{1,30}}?" + _SUFFIX + ")"
        # its short form in brackets (青湾新区（以下简称“新区”）始终…)
        r"(?:[（(]以下简称[^（）()]{1,16}[）)])?"
        r"(?:的?(?:法治政府建设|法治建设|依法行政)(?:工作)?)?" + _VERB
    )
)
# A party committee and the government reporting together (山西省委、省政府坚持…): the pair
# as printed is the issuer.
_PAIR = re.compile(
    scripted(
        rf"^(?:中共)?(?P<agency>[{HAN_BASIC}]{{2,12}}?[省市县区旗州]委[、和与及]"
        rf"(?:[{HAN_BASIC}]{{2,12}}?)?[省市县区旗州](?:人民)?政府"
        # a street's or town's party working committee and its office (某街党工委、办事处)
        rf"|[{HAN_BASIC}]{{2,12}}?(?:党工委|党委)[、和与及](?:办事处|人民政府|政府))"
        r"(?:的?(?:法治政府建设|法治建设|依法行政)(?:工作)?)?"
    )
    + _VERB
)
# ``现将<agency>YYYY年…`` (the report's own announcement of itself).
_FORMULA = re.compile(
    # not a pronoun or a quantifier (我局, 全县), but a place may begin with 全 (全岭县)
    scripted(
        rf"现将(?P<agency>(?![我本各该其])(?!全[省市县区州旗镇乡街])[{HAN_BASIC}（）()]{{2,30}}?)"
    )
    + rf"(?:{_YEAR})\s*年"
)
# How far into its sentence the 现将… formula is looked for (long openings put it last).
_FORMULA_CHARS = 600
# Clauses that stand before the subject: time phrases, circumstances, authority and purpose.
_ADVERBIAL = re.compile(
    rf"^(?:(?:{_YEAR})\s*年度?(?:以来|来)?$|"
    # a framing clause about the year (2022年是…之年，也是…的一年，某局坚持…)
    rf"(?:{_YEAR})\s*年度?是|也是|"
    + scripted(
        r"(?:在|根据|按照|依据|遵照|对照|为了|为|围绕|随着|经过|自|近年来|一年来|今年以来|"
        r"过去一年|本年度|年内|当年)"
    )
    + ")"
)
# A line of recipients: agency names joined by 、 or ，, ending in a colon (市委、市政府：).
_SALUTATION = re.compile(rf"^[{HAN_BASIC}（）()、，, ]{{2,60}}[：:]$")
_SALUTATION_END = re.compile(scripted(_SUFFIX + r"[：:]$"))
# The passive and award verbs after a subject (青澜市交通运输局被评为…).
_HONOURED = re.compile(scripted(r"\s*(?:被|荣获|获评|获得|入选)"))
# A party body (乡党委, 区委, 党组): the subject of body sentences, never the report's issuer.
_PARTY_BODY = re.compile(scripted(r"(?:党委|党工委|党组|[省市县区州旗]委)$"))
# How many sentences of a paragraph, and clauses of a sentence, may stand before the subject.
_SENTENCES = 3
_CLAUSES = 5
# How many body lines the opening may be looked for in, and how far a guess reads.
_BODY_LINES = 8
_GUESS_CHARS = 4000
# Only places are guessed: an office's name (我委, 我局) cannot be told from its neighbours.
_FIRST_PERSON = re.compile(scripted(r"我(?P<suffix>街道|区|县|市|镇|乡|街|旗)"))
# An office speaking of itself (我局, 我委, 我厅): its name is only guessed from the documents
# it says it issued itself (印发《某市生态环境局2023年度重大行政决策事项目录》).
_OFFICE_PERSON = re.compile(scripted(r"我(?P<suffix>局|委|厅|办|署)"))
_OWN_DOCUMENT = re.compile(
    scripted(r"(?:印发|制定|出台|发布|修订|编制|审议通过|审议并通过|通过)了?")
    # a title's first words (关于开展…, 做好…) are no office's name
    + r"《(?!关于|开展|做好|加强|进一步|推进|落实|深化|印发|转发|建立|健全|完善)"
    + rf"(?P<name>[{HAN_BASIC}]{{2,24}}?(?:委员会|办公室|局|委|厅|署))"
    + rf"(?=[{HAN_BASIC}\d]{{2,}}[^《》]{{0,60}}》)"
)
# A stem that is a slogan's words (全面依法治区, 依法治县), not a place's name.
_SLOGAN_STEM = re.compile(scripted(r"依法治|法治|治理|建设"))
# The stem of a name that is no place (市委市政府 → 市委市): a party or government organ.
_GENERIC_STEM = re.compile(scripted(r"(?:委|政府|人大|政协|党组)$"))
# An office's name holds no party or government organ before its suffix (市委全面依法治市委).
_ORGAN_INSIDE = re.compile(scripted(r"委|党|政府"))
# Characters a name never contains, where a guessed name is cut (在下太镇 → 下太镇).
_NAME_STOP = set(
    "在的和与对了是为将把从向于及等我本全各该其个们中到也并、，。；：與對為將從於該個們並"
)


_PRONOUN = re.compile(scripted(r"我|本|同时|此外|另外|其中"))


@attrs.frozen(kw_only=True)
class Found:
    """An agency read from the text, with where it was read.

    Attributes:
        name: The agency's name as printed.
        where: ``opening sentence`` (the first paragraph) or ``body`` (further down).
    """

    name: str
    where: str


def is_salutation(text: str) -> bool:
    """Whether a line is a salutation to the report's recipients (中共某县委、某县人民政府：).

    Args:
        text: One stripped body line.

    Returns:
        True for a short line of names ending in a colon: it names the recipients, never the
        issuer.
    """
    return _SALUTATION.match(text) is not None and _SALUTATION_END.search(text) is not None


def _subject(sentence: str) -> str | None:
    """The agency a sentence names as its subject, after any adverbial clauses."""
    if (match := _FORMULA.search(sentence[:_FORMULA_CHARS])) is not None:
        return match["agency"]
    clauses = sentence.split("，", _CLAUSES)
    for raw in clauses[:_CLAUSES]:
        clause = raw.strip()
        match = _PAIR.match(clause) or _SUBJECT.match(clause)
        if match is not None:
            name = match["agency"]
            # 同时我局, 此外本委: a pronoun inside is not a name.
            return None if _PRONOUN.search(name) else name
        if _ADVERBIAL.match(clause) is None:
            return None
    return None


def opening_agency(lines: Sequence[str]) -> Found | None:
    """The agency the first paragraphs name as the subject of a sentence.

    The first paragraph's sentences are read first (``opening sentence``); then the first
    paragraphs below the first headings (``body``: 自治区人民政府把学习…), which name the agency
    when the opening only says 我区.

    Args:
        lines: The body lines, in order (headings included; they never match).

    Returns:
        The agency and where it was read, or None.
    """
    paragraphs = [line for line in lines[:_BODY_LINES] if not is_salutation(line)]
    for index, text in enumerate(paragraphs):
        for sentence in text.split("。", _SENTENCES)[:_SENTENCES]:
            name = _subject(sentence.strip())
            if name is None or len(name) < 2:
                continue
            if _PARTY_BODY.search(name) or (index > 0 and "、" in name):
                # 乡党委坚持…, 中共某区委高度重视…, 市委、市政府高度重视…: bodies that act in the
                # text; only the opening's subject may be a party committee and its government
                # reporting together
                continue
            after = sentence.find(name) + len(name)
            if _HONOURED.match(sentence, after) and not fits_first_person(name, lines):
                continue  # 我县…。县司法局被评为…: another body honoured, not the reporting one
            return Found(name=name, where="opening sentence" if index == 0 else "body")
    return None


def guess_agency(lines: Sequence[str]) -> Found | None:
    """A last-resort guess: the place a first-person opening (我镇) refers to, named below.

    The most frequent name ending in the first person's suffix (某某镇) in the first few
    thousand characters.

    Args:
        lines: The body lines.

    Returns:
        The guessed agency (``body``), or None when nothing fits.
    """
    text = "\n".join(lines)[:_GUESS_CHARS]
    suffix = _speaker(text)
    if suffix is None or _FIRST_PERSON.fullmatch("我" + suffix) is None:
        return _office_agency(text)
    counts: Counter[str] = Counter()
    for match in re.finditer(re.escape(suffix), text):
        start = match.start()
        name_start = start
        while name_start > 0 and start - name_start < 8:
            char = text[name_start - 1]
            if char in _NAME_STOP or not is_basic_han(char):
                break
            name_start -= 1
        if text.startswith("共", name_start) and text[name_start - 1 : name_start] == "中":
            name_start += 1  # 中共某区委 cut at 中 leaves 共某区: the place follows 中共
        stem = text[name_start:start]
        # 全面依法治区 cut at 全 leaves 面依法治区: a slogan's words, not a place
        if (
            start - name_start >= 2
            and _GENERIC_STEM.search(stem) is None
            and _SLOGAN_STEM.search(stem) is None
        ):
            counts[text[name_start : match.end()]] += 1
    if not counts:
        return None
    name, _ = counts.most_common(1)[0]
    return Found(name=name, where="body")


def _office_agency(text: str) -> Found | None:
    """The office a first-person report (我局, 我委) names as the issuer of its own documents.

    The most frequent name ending like the first person (局, 委/委员会, 厅) that opens a 《》
    title the text says it issued (印发《…局…》, 审议通过《…》).
    """
    suffix = _speaker(text)
    if suffix is None or _OFFICE_PERSON.fullmatch("我" + suffix) is None:
        return None
    counts: Counter[str] = Counter()
    for match in _OWN_DOCUMENT.finditer(text):
        name = match["name"]
        ends = name.endswith(suffix) or (suffix == "委" and name.endswith("委员会"))
        ends = ends or (suffix == "办" and name.endswith("办公室"))
        stem = re.sub(r"(?:委员会|办公室|.)$", "", name)
        if ends and _PRONOUN.search(name) is None and _ORGAN_INSIDE.search(stem) is None:
            counts[name] += 1
    if not counts:
        return None
    name, _ = counts.most_common(1)[0]
    return Found(name=name, where="body")


_ANY_PERSON = re.compile(scripted(r"我(?P<suffix>街道|局|委|厅|办|署|区|县|市|镇|乡|街|旗)"))
_ORGAN_END = re.compile(scripted(r"(?:人民政府|政府|办事处|管理委员会|管委会)$"))


def _speaker(text: str) -> str | None:
    """How the report speaks of itself: the suffix of its most frequent first person (我局 → 局;
    a 我局 report that mentions 我区 once, as its district, is by a 局), the first on a tie."""
    counts = Counter(match["suffix"] for match in _ANY_PERSON.finditer(text))
    if not counts:
        return None
    return max(counts, key=counts.__getitem__)  # the first of the most frequent


def fits_first_person(name: str, lines: Sequence[str]) -> bool:
    """Whether an agency name fits how the report speaks of itself (我局 → …局).

    A report that says 我局 is by a 局, one that says 我县 by a county (柘阳县, 柘阳县人民政府).
    Without a first person, any name fits.

    Args:
        name: A candidate agency name.
        lines: The body lines.

    Returns:
        False when the text's first person names another kind of body.
    """
    suffix = _speaker("\n".join(lines)[:_GUESS_CHARS])
    if suffix is None:
        return True
    if suffix == "委":
        return name.endswith(("委", "委员会"))
    if suffix == "办":
        return name.endswith(("办", "办公室"))
    return _ORGAN_END.sub("", name).endswith(suffix)


# A publishing note before the report (…要求，现将《某局2025年度法治政府建设情况报告》予以公布。).
_PUBLISHING_NOTE = re.compile(
    scripted(
        r"现将《(?P<title>[^《》]{6,80}?(?:报告|总结|情况))》(?:全文)?"
        r"(?:予以|向社会)?(?:公布|公开|发布|印发|报送|呈报|呈送)"
    )
)
_NOTE_CHARS = 300


def noted_title(lines: Sequence[str]) -> str | None:
    """The report's title as a publishing note before it names it (现将《…报告》予以公布).

    Args:
        lines: The body lines; only the first is read.

    Returns:
        The title in the note, or None.
    """
    if not lines:
        return None
    match = _PUBLISHING_NOTE.search(lines[0][:_NOTE_CHARS])
    return None if match is None else match["title"]
