"""Text cleaning: a scraped copy of a report in, clean text and a record of every change out.

This module owns what "clean text" means (``docs/conventions.md``, section *Text*): simplified
script, no pinyin annotations, no HTML remnants, no mojibake, full-width punctuation in Chinese
context. [`clean`][lawgov.clean] returns the clean text with the list of changes and damaged spans,
each located by offsets into the *original* text; [`clean_text`][lawgov.clean_text] returns the text
alone.

The cleaner is a pipeline of small stages over a draft that remembers, for every character of the
current text, which span of the original it came from:

1. line breaks and invisible characters,
2. HTML entities, then tags and tag remnants,
3. damage: UTF-8 read as GBK repaired; mojibake ``?`` runs, U+FFFD, lone surrogates removed and
   reported,
4. pinyin annotations (one character's or a short word's), each verified with pypinyin,
5. script (traditional to simplified with OpenCC, guarded so simplified text never changes),
   then spelling (法制政府 -> 法治政府 in the genre's fixed phrases),
6. whitespace (trailing spaces, letter-spaced CJK),
7. punctuation (stray and doubled commas, ASCII to full width in Chinese context, quotes).

The pipeline is repeated until the text stops changing (a removal can bring together pieces that an
earlier stage would have handled), so cleaning is idempotent. Lines are never joined or split, and
each stage reads a line on its own, so the later rounds read only the lines the round before
changed: however deep the stacks, the total work is linear.
"""

from __future__ import annotations

import array
import bisect
import functools
import html
import importlib.util
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs

from lawgov._errors import ParseError
from lawgov._model.han import HAN as _HAN
from lawgov._model.han import is_han as _is_han
from lawgov._parse.encoding import is_common_han as _is_common_han

__all__ = ["CleanResult", "DamagedSpan", "TextChange", "TextChangeKind", "clean", "clean_text"]

#: What a :class:`TextChange` did.
TextChangeKind = Literal[
    "whitespace", "markup", "damage", "pinyin", "script", "spelling", "punctuation"
]


@attrs.frozen(kw_only=True)
class TextChange:
    """One edit the cleaner made, located in the original text.

    Attributes:
        kind: Which rule made it: ``"whitespace"``, ``"markup"``, ``"damage"``, ``"pinyin"``,
            ``"script"``, ``"spelling"`` or ``"punctuation"``.
        start: Offset of the first original character replaced (``original == text[start:end]``).
        end: Offset just past the last original character replaced.
        original: The original text of the span.
        replacement: What the rule put in its place (empty for a removal). When a later rule
            rewrites what an earlier one produced, both changes are listed, each with the
            original span it covers.
    """

    kind: str
    start: int
    end: int
    original: str
    replacement: str


@attrs.frozen(kw_only=True)
class DamagedSpan:
    """A run of the original text that was damaged beyond repair and removed from the clean text.

    Attributes:
        start: Offset of the run's first character in the original text.
        end: Offset just past its last character.
        text: The raw run as it stood in the original text (``text == original[start:end]``).
    """

    start: int
    end: int
    text: str


@attrs.frozen(kw_only=True)
class CleanResult:
    """The clean text, with every change and damaged span located in the original text.

    Attributes:
        text: The clean text (see ``docs/conventions.md``, section *Text*).
        changes: Every edit, ordered by its position in the original text.
        damaged: Every damaged run that was removed, ordered by position.
    """

    text: str
    changes: tuple[TextChange, ...] = ()
    damaged: tuple[DamagedSpan, ...] = ()


# --- character classes ----------------------------------------------------------------------

# Punctuation and forms that only occur in CJK typesetting: their neighbours are Chinese context.
_CJK_MARKS = "\u3000-\u303f\uff00-\uffef\u2014\u2026\u2018\u2019\u201c\u201d\u00b7"
_CJK = _HAN + _CJK_MARKS

_IS_HAN = re.compile(f"[{_HAN}]")
_IS_CJK = re.compile(f"[{_CJK}]")


def _is_cjk(char: str) -> bool:
    return bool(char) and _IS_CJK.match(char) is not None


# URLs are copied verbatim: no punctuation inside them is touched and no '?' is damage. A URL
# starts with a scheme or www., or is a bare domain with a common top-level domain (gov.cn/a?b=1).
_URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]"
_URL_END = r"(?<![.,;:!?)\]'])"
_TOP_LEVEL_DOMAINS = ("cn", "com", "net", "org", "gov", "edu")
_URL = re.compile(
    rf"(?:(?:https?|ftp)://|www\.|mailto:){_URL_CHARS}+{_URL_END}"
    rf"|(?<![A-Za-z0-9.@-])(?:[A-Za-z0-9-]+\.)+(?:{'|'.join(_TOP_LEVEL_DOMAINS)})"
    rf"(?![A-Za-z0-9-])(?:/{_URL_CHARS}*)?{_URL_END}"
)
_URL_HINTS = ("://", "www.", "mailto:", *(f".{tld}" for tld in _TOP_LEVEL_DOMAINS))


class _Draft:
    """The text being cleaned, with the original span behind each of its characters."""

    __slots__ = ("changes", "damaged", "ends", "record", "source", "starts", "text")

    def __init__(self, source: str, *, record: bool = True) -> None:
        self.source = source
        # clean_text() wants the text alone: without a record, no change is kept.
        self.record = record
        self.text = source
        # The original span behind each character, kept only with a record: two machine
        # integers a character, not two Python ints (clean_text() needs neither).
        self.starts = array.array("q", range(len(source)) if record else ())
        self.ends = array.array("q", range(1, len(source) + 1) if record else ())
        # (kind, start, end, replacement) and (start, end), made into attrs objects at the end.
        self.changes: list[tuple[str, int, int, str]] = []
        self.damaged: list[tuple[int, int]] = []

    def apply(
        self, kind: str, edits: Iterable[tuple[int, int, str]], *, damage: bool = False
    ) -> bool:
        """Replace each ``text[s:e]`` by its replacement; edits are sorted and disjoint."""
        text, starts, ends = self.text, self.starts, self.ends
        effective = [
            edit for edit in edits if edit[0] < edit[1] and text[edit[0] : edit[1]] != edit[2]
        ]
        if not effective:
            return False
        if self.record:
            self.changes += [(kind, starts[s], ends[e - 1], new) for s, e, new in effective]
            if damage:
                self.damaged += [(starts[s], ends[e - 1]) for s, e, _ in effective]
        pieces: list[str] = []
        pos = 0
        for s, e, replacement in effective:
            pieces.append(text[pos:s])
            pieces.append(replacement)
            pos = e
        pieces.append(text[pos:])
        self.text = "".join(pieces)
        if not self.record or all(e - s == len(new) for s, e, new in effective):
            # Character for character: each new character stands for the one it replaced.
            return True
        new_starts = array.array("q")
        new_ends = array.array("q")
        pos = 0
        for s, e, replacement in effective:
            new_starts += starts[pos:s]
            new_ends += ends[pos:s]
            new_starts += array.array("q", (starts[s],)) * len(replacement)
            new_ends += array.array("q", (ends[e - 1],)) * len(replacement)
            pos = e
        new_starts += starts[pos:]
        new_ends += ends[pos:]
        self.starts = new_starts
        self.ends = new_ends
        return True

    def lines(self, numbers: Sequence[int]) -> _Draft:
        """A draft of some of the lines, joined by "\\n", that records into this one."""
        part = _Draft("", record=self.record)
        part.source, part.changes, part.damaged = self.source, self.changes, self.damaged
        spans = _line_spans(self.text)
        part.text = "\n".join(self.text[spans[n][0] : spans[n][1]] for n in numbers)
        if self.record:
            for index, number in enumerate(numbers):
                start, end = spans[number]
                # The "\n" between two selected lines stands for the one after the first.
                end = end + 1 if index + 1 < len(numbers) else end
                part.starts += self.starts[start:end]
                part.ends += self.ends[start:end]
        return part

    def merge(self, part: _Draft, numbers: Sequence[int]) -> list[int]:
        """Put back the lines of ``part`` (made by `lines`); the numbers of those changed."""
        spans = _line_spans(self.text)
        new_lines = part.text.split("\n")
        if len(new_lines) != len(numbers):  # pragma: no cover - no stage joins or splits lines
            raise AssertionError("a cleaning stage joined or split a line")
        old_lines = [self.text[start:end] for start, end in spans]
        changed = [n for n, line in zip(numbers, new_lines, strict=True) if old_lines[n] != line]
        if not changed:
            return []
        part_spans = _line_spans(part.text)
        if self.record:
            replaced = dict(zip(numbers, part_spans, strict=True))
            starts, ends = array.array("q"), array.array("q")
            for number, (start, end) in enumerate(spans):
                source = part if number in replaced else self
                low, high = replaced.get(number, (start, end))
                starts += source.starts[low:high]
                ends += source.ends[low:high]
                if number + 1 < len(spans):  # the line break after it
                    starts.append(self.starts[end])
                    ends.append(self.ends[end])
            self.starts, self.ends = starts, ends
        for number, line in zip(numbers, new_lines, strict=True):
            old_lines[number] = line
        self.text = "\n".join(old_lines)
        return changed

    def result(self) -> CleanResult:
        """The clean text with its changes and damaged spans, in original order."""
        source = self.source
        changes = sorted(self.changes, key=lambda change: (change[1], change[2]))
        return CleanResult(
            text=self.text,
            changes=tuple(
                TextChange(
                    kind=kind, start=start, end=end, original=source[start:end], replacement=new
                )
                for kind, start, end, new in changes
            ),
            damaged=tuple(
                # A repaired run reports each of its lost characters as the whole run: once.
                DamagedSpan(start=start, end=end, text=source[start:end])
                for start, end in sorted(set(self.damaged))
            ),
        )


def _line_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each "\\n"-separated line of ``text``, without its line break."""
    spans = []
    start = 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _subs(
    pattern: re.Pattern[str], text: str, replace: Callable[[re.Match[str]], str | None]
) -> Iterator[tuple[int, int, str]]:
    """Edits for every match of ``pattern`` whose ``replace`` is not None."""
    for match in pattern.finditer(text):
        replacement = replace(match)
        if replacement is not None:
            yield match.start(), match.end(), replacement


# --- 1. line breaks and invisible characters -------------------------------------------------

# Every separator str.splitlines() knows becomes "\n", so lines split the same way before and after.
_LINE_BREAK = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0e-\x1b\x1f\x7f\x80-\x84\x86-\x9f\u00ad\u200b-\u200d\u2060\ufeff\ufffe\uffff]+|\u00a0"
)


_LINE_BREAK_OR_INVISIBLE = re.compile(f"(?P<brk>{_LINE_BREAK.pattern})|{_INVISIBLE.pattern}")


def _invisible_edit(match: re.Match[str]) -> str:
    if match.lastgroup == "brk":
        return "\n"
    return " " if match[0] == "\u00a0" else ""


def _invisible(draft: _Draft) -> None:
    draft.apply("whitespace", _subs(_LINE_BREAK_OR_INVISIBLE, draft.text, _invisible_edit))


# --- 2. markup --------------------------------------------------------------------------------

# An entity escaped again and again (&amp;amp;nbsp;) is decoded whole: its "amp;" layers go.
_ENTITY = re.compile(
    r"&(?P<layers>(?:amp;)*)"
    r"(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};|nbsp(?![A-Za-z0-9]))"
)
_TAG_NAMES = (
    "a|abbr|b|big|blockquote|body|br|center|code|col|colgroup|dd|del|div|dl|dt|em|font|form|"
    "h[1-6]|head|hr|html|i|img|input|ins|label|li|link|meta|ol|p|pre|s|script|section|small|span|"
    "strike|strong|style|sub|sup|table|tbody|td|tfoot|th|thead|title|tr|tt|u|ul|[a-z][a-z0-9]*:[a-z]+"
)
# Tags common enough in scraped pages that "span>" with both "<" and "/" lost is still a tag.
_BLOCK_TAGS = "div|font|li|p|span|strong|table|tbody|td|th|tr|ul"
# Spaces, not \s: a tag is removed line by line, so that no two lines are ever joined.
_VALUE = r"""[ \t]*=[ \t]*(?:"[^"<>\n]{0,500}"|'[^'<>\n]{0,500}'|[^\s"'<>]+)"""
_ATTRIBUTE = rf"[ \t]+[A-Za-z_:@][-\w:.@]*(?:{_VALUE})?"
_ATTRIBUTE_NAMES = "align|border|class|color|face|height|href|id|lang|size|src|style|target|width"
_MARKUP = re.compile(
    r"<!--[^\n]{0,200}?-->"
    rf"|</?(?:{_TAG_NAMES})(?![A-Za-z0-9])(?:{_ATTRIBUTE})*[ \t]*/?(?:>|(?=\n|\Z))"
    r"|<![A-Za-z][^<>\n]{0,200}>"
    # A closing tag that lost its "<" when the page was cut up: "/span>".
    rf"|(?<![<A-Za-z])/(?:{_TAG_NAMES})>"
    # ... or lost "</" as well, after Chinese text or at a line start: "span>", "p>".
    # Stacked ones go together (span>span>): each would only follow Chinese once the last went.
    rf"|(?:(?<=[{_CJK}\n])|^)(?:(?:{_BLOCK_TAGS})>)+"
    # A non-breaking space entity that lost its "&": "nbsp;".
    r"|(?<![&A-Za-z])nbsp;"
    # Word's conditional comments, whole (<![if !supportLists]>, <![endif]-->) or as the bare
    # brackets a converter left of them ([if !supportLists]1.[endif]).
    r"|<!\[(?:if [^\]\n]{1,60}|endif)\]-{0,2}>"
    r"|\[(?:if !?(?:support[A-Za-z]{1,30}|vml|gte (?:mso|vml) \d{1,2}|mso [^\]\n]{1,30})|endif)\]"
    # The attributes of a tag whose name was on the line before: 'class="x">' at a line start.
    rf"|(?m:^)[ \t]*(?:{_ATTRIBUTE_NAMES}){_VALUE}(?:{_ATTRIBUTE})*[ \t]*/?>",
    re.IGNORECASE,
)


def _decoded_entity(match: re.Match[str]) -> str | None:
    decoded = html.unescape("&" + match[0][len(match["layers"]) + 1 :])
    if decoded == match[0]:
        return None
    # A decoded entity must not break a line or hide a control character.
    return "".join(" " if not (char.isprintable() or char == " ") else char for char in decoded)


def _markup(draft: _Draft) -> None:
    text = draft.text
    if (
        "&" not in text
        and ">" not in text
        and "<" not in text
        and "nbsp;" not in text
        and "[endif]" not in text
    ):
        return
    draft.apply("markup", _subs(_ENTITY, draft.text, _decoded_entity))
    draft.apply("markup", _subs(_MARKUP, draft.text, lambda _m: ""))


# --- 3. damage --------------------------------------------------------------------------------

# A cluster: '?' or U+FFFD marks separated by at most three CJK characters, as left behind by GBK
# bytes decoded one byte off (invalid pairs become '?', valid ones random characters).
_CLUSTER = re.compile(
    rf"[?\ufffd](?:[{_HAN}]{{0,3}}[?\ufffd])*|[\ud800-\udfff]+"
    # The signatures of replacement characters and uninitialised memory read as GBK: never text.
    r"|(?P<signature>(?:锟斤拷)+|烫{3,}|屯{3,})"
)
# After these (or at a line start) a real question mark cannot stand.
_CLAUSE_OPENERS = frozenset(",，、;；:：(（“《〈\n")
_QUESTION_PARTICLES = frozenset("吗呢么吧")
# Generous on purpose (何 also matches 任何): a real question mark wrongly removed costs more than
# a lost character wrongly kept as "？".
_QUESTION_WORDS = re.compile(
    "[吗呢么谁哪几岂何怎嗎麼誰幾]|多少|是否|能否|可否|是不是|有没有|有沒有|难道|難道"
)
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


def _asks(text: str, index: int) -> bool:
    """Whether the sentence ending at ``text[index]`` contains a question word."""
    start = max(0, index - 120)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, index)]
    sentence = text[ends[-1] if ends else start : index]
    return _QUESTION_WORDS.search(sentence) is not None


def _is_damage(text: str, match: re.Match[str], urls: list[tuple[int, int]]) -> bool:
    chunk = match[0]
    start, end = match.span()
    if match.lastgroup == "signature" or "\ufffd" in chunk or "\ud800" <= chunk[0] <= "\udfff":
        return True
    if _inside(urls, start):
        return False
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    marks = chunk.count("?")
    if marks >= 2:
        if not (_is_cjk(before) or _is_cjk(after) or _IS_HAN.search(chunk)):
            return False
        # "是吗?对吗?": each mark closes a question, none of them is damage.
        return "??" in chunk or not all(
            (chunk[i - 1] if i else before) in _QUESTION_PARTICLES
            for i, char in enumerate(chunk)
            if char == "?"
        )
    # A single '?' right before a comma never closes a question: "12件?,同比".
    if after in ",，、;；" and (_is_cjk(before) or before.isdigit()) and not _asks(text, start):
        return True
    # A single '?' inside a run of CJK text (or between a number and its unit, "12?件"): a lost
    # character unless a question ends there.
    if not _is_han(after):
        return False
    if before in _CLAUSE_OPENERS:
        return True
    return (_is_han(before) or before in "0123456789") and not _asks(text, start)


def _inside(spans: list[tuple[int, int]], index: int) -> bool:
    position = bisect.bisect_right(spans, (index, 1 << 62)) - 1
    return position >= 0 and spans[position][0] <= index < spans[position][1]


def _damage(draft: _Draft) -> None:
    text = draft.text
    if (
        "?" not in text
        and "\ufffd" not in text
        and "锟斤拷" not in text
        and "烫烫烫" not in text
        and "屯屯屯" not in text
        and not _SURROGATE.search(text)
    ):
        return
    urls = _urls(text)
    draft.apply(
        "damage",
        _subs(_CLUSTER, text, lambda m: "" if _is_damage(text, m, urls) else None),
        damage=True,
    )


_SURROGATE = re.compile(r"[\ud800-\udfff]")


# --- 3. damage: UTF-8 read as GBK ----------------------------------------------------------

# Chinese saved as UTF-8 and read as GBK turns every three bytes into one and a half characters
# of rare Han and symbols (法治政府 -> 娉曟不鏀垮簻). The bytes survive, so the run is repaired: the
# text's GB18030 bytes are searched for UTF-8 sequences of Chinese (a lead E2-E9 or EF and two
# continuation bytes), and a run that decodes to common Chinese, where the original characters
# were not common, is replaced by its decoding. Byte pairs that GBK could not read became '?':
# the characters they held are lost, and the stray bytes around them are dropped.
_UTF8_CHAR = rb"[\xe2-\xe9\xef][\x80-\xbf]{2}"
# A lost stretch: '?' marks, with the partial characters before, between and after them; after
# the last mark only the rest of a character whose first bytes were lost, and only when more
# garbled text follows (the GBK bytes of a real character that follows look the same).
_UTF8_LOST = (
    rb"(?:[\xe2-\xe9\xef][\x80-\xbf]?)?\?+(?:[\x80-\xbf\xe2-\xe9\xef]{1,4}\?+)*"
    rb"(?:[\x80-\xbf]{1,2}(?=[\xe2-\xe9\xef][\x80-\xbf]{2}))?"
)
_UTF8_PIECES = rf"(?:{_UTF8_CHAR.decode()}|{_UTF8_LOST.decode()})+".encode("latin-1")
# Pieces with ASCII between them (digits, letters) are one run: "执法检查36次" garbled.
_UTF8_RUN = re.compile(rb"%s(?:[\x20-\x3e\x40-\x7e]+%s)*" % (_UTF8_PIECES, _UTF8_PIECES))
_UTF8_TOKEN = re.compile(rb"(?P<char>%s)|(?P<lost>\?+)|(?P<ascii>[\x20-\x7e]+)" % _UTF8_CHAR)
_MIN_COMMON_SHARE = 0.8


@functools.lru_cache(maxsize=1)
def _utf8_lead_chars() -> re.Pattern[str]:
    """The GBK characters made of a UTF-8 lead byte and a continuation byte.

    A garbled run starts where the UTF-8 text started, so its first character is one of these:
    text without any (nearly all text, a few hundred rare characters) needs no byte search.
    """
    chars: list[str] = []
    for lead in (*range(0xE2, 0xEA), 0xEF):
        for trail in range(0x80, 0xC0):
            try:
                chars.append(bytes((lead, trail)).decode("gbk"))
            except UnicodeDecodeError:
                continue
    return re.compile(f"[{re.escape(''.join(chars))}]")


def _mojibake_edits(text: str) -> Iterator[tuple[int, int, str]]:
    done = 0
    for lead in _utf8_lead_chars().finditer(text):
        start = lead.start()
        if start < done:
            continue
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        end, edit = _garbled_run(text, start, line_end)
        if edit is not None:
            yield edit
        # A run is repaired whole or left whole: read again from one of its later characters,
        # it would give half a repair and half new garbage, and take quadratic time.
        done = end


def _garbled_run(text: str, start: int, line_end: int) -> tuple[int, tuple[int, int, str] | None]:
    """Where the byte run starting at ``text[start]`` ends, with its repair if it is one."""
    size = 64
    while True:
        # A window of the line, widened while the run reaches its end: most lines are long.
        end = min(line_end, start + size)
        encoded = _gbk_bytes(text[start:end])
        run = _UTF8_RUN.match(encoded)
        if run is None:
            return start + 1, None
        if end == line_end or run.end() < len(encoded) - 4:
            break
        size *= 4
    # The characters the run's bytes fall in (the last may hold a byte of a lost neighbour).
    position = 0
    last = start
    while position + (size := len(_gbk_bytes(text[last : last + 256]))) < run.end():
        position += size  # whole chunks first: a run can be a whole long line
        last += 256
    while position < run.end():
        position += len(_gbk_bytes(text[last]))
        last += 1
    decoded = _decoded(run[0])
    if not _reads_as_chinese(decoded) or not _rarer(text[start:last], decoded):
        return last, None
    return last, (start, last, decoded)


def _gbk_bytes(text: str) -> bytes:
    """The bytes GBK read ``text`` from; U+FFFD (bytes GBK could not read) is a lost '?'."""
    return text.replace("\ufffd", "?").encode("gb18030", errors="replace")


def _decoded(run: bytes) -> str:
    """The UTF-8 reading of a run, '?' for each lost stretch, stray partial bytes dropped."""
    pieces: list[str] = []
    for token in _UTF8_TOKEN.finditer(run):
        if token["char"] is not None:
            pieces.append(token["char"].decode("utf-8"))
        elif token["lost"] is not None:
            pieces.append("?")
        else:
            pieces.append(token[0].decode("ascii"))
    return "".join(pieces)


def _common_share(text: str) -> float:
    hans = [char for char in text if _is_han(char)]
    return sum(1 for char in hans if _is_common_han(char)) / len(hans) if hans else 1.0


def _reads_as_chinese(decoded: str) -> bool:
    """Whether a run's UTF-8 reading is Chinese: two Han characters or more, mostly common."""
    if sum(1 for char in decoded if _is_han(char)) < 2:
        return False
    if not all(_is_cjk(char) or char.isascii() for char in decoded):
        return False
    return _common_share(decoded) >= _MIN_COMMON_SHARE


def _rarer(original: str, decoded: str) -> bool:
    # Real text is as common as its own reading: only a run rarer than its decoding is garbled.
    return _common_share(original) < _common_share(decoded)


def _gap(text: str, index: int) -> str:
    # A lost character between digits or letters (2023?2?15) must not join them into one word.
    before, after = _at(text, index - 1), _at(text, index + 1)
    return " " if (before + after).isascii() and before.isalnum() and after.isalnum() else ""


def _mojibake(draft: _Draft) -> None:
    if draft.text.isascii():
        return
    edits = list(_mojibake_edits(draft.text))
    if not edits:
        return
    draft.apply("damage", edits)
    # The '?' that stand for lost characters are removed and reported as damage; each maps to
    # its whole repaired run in the original text.
    lost: list[tuple[int, int, str]] = []
    shift = 0
    for start, end, replacement in edits:
        base = start + shift
        lost += [
            (base + i, base + i + 1, _gap(replacement, i))
            for i, char in enumerate(replacement)
            if char == "?"
        ]
        shift += len(replacement) - (end - start)
    draft.apply("damage", lost, damage=True)


# --- 4. pinyin annotations --------------------------------------------------------------------

_TONE_LETTERS = "a-zāáǎàēéěèêếềīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ\u0300-\u036f"
# One syllable (區(qū)), or one per character of a short word (區域(qūyù), 區域(qū yù)); capitals
# and a space before the parenthesis occur in some copies (區 (Qū)).
_ANNOTATION_BODY = rf"[ ]?[(（]((?:[{_TONE_LETTERS}]{{1,8}}[1-5]?[ ]?){{1,4}})[)）]"
_ANNOTATION = re.compile(rf"(?<=[{_HAN}]){_ANNOTATION_BODY}", re.IGNORECASE)
# Another annotation right after one (設(shè)(shè)): it annotates the same character.
_NEXT_ANNOTATION = re.compile(_ANNOTATION_BODY, re.IGNORECASE)
_MAX_WORD = 4  # the longest word annotated as a whole


def _toneless(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c) and not c.isdigit())
    return bare.replace("v", "u")


# --- speed (issue 12): pypinyin's single-character table read directly ---
# ``import pypinyin`` costs about 130 ms: its modules load the phrase tables and rebuild the
# character table key by key. A character's readings are the comma-separated entry of that
# table, pinyin_dict.json, keyed by the decimal code point: reading the file takes about 10 ms.
# (pypinyin's own NORMAL style adds nothing: its forms have the toneless form added below.)


@functools.lru_cache(maxsize=1)
def _pinyin_table() -> dict[str, str]:
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("cleaning needs pypinyin: pip install 'lawgov[parse]'")
    path = Path(next(iter(spec.submodule_search_locations)), "pinyin_dict.json")
    table: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return table


@functools.lru_cache(maxsize=8192)
def _readings(char: str) -> frozenset[str]:
    """Every reading of ``char`` pypinyin knows, with tone marks and without."""
    readings: set[str] = set()
    entry = _pinyin_table().get(str(ord(char))) if len(char) == 1 else None
    for reading in entry.split(",") if entry else ():
        readings.add(unicodedata.normalize("NFC", reading))
        readings.add(_toneless(reading))
    readings.discard(char)
    return frozenset(readings)


# --- end speed ---


@functools.lru_cache(maxsize=8192)
def _is_reading(char: str, annotation: str) -> bool:
    readings = _readings(char)
    return unicodedata.normalize("NFC", annotation) in readings or _toneless(annotation) in readings


def _is_word_reading(word: str, annotation: str) -> bool:
    """Whether ``annotation`` reads ``word`` syllable by syllable (區域, qūyù or qū yù)."""
    if not word:
        return not annotation
    first = word[0]
    for size in range(min(len(annotation), 8), 0, -1):
        syllable = annotation[:size]
        if _is_reading(first, syllable) and _is_word_reading(word[1:], annotation[size:].lstrip()):
            return True
    return False


def _annotated(text: str, start: int, annotation: str) -> bool:
    letters = [c for c in annotation if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return False  # an acronym (区(QU)), never pinyin; a capital starts a syllable at most
    annotation = annotation.strip().lower()
    if _is_reading(text[start - 1], annotation):
        return True
    # A short word before the parenthesis, annotated as a whole (區域(qūyù)).
    for size in range(2, _MAX_WORD + 1):
        word = text[max(0, start - size) : start]
        if len(word) < size or not _IS_HAN.fullmatch(word[0]):
            break
        if _is_word_reading(word, annotation):
            return True
    return False


def _pinyin(draft: _Draft) -> None:
    text = draft.text
    if "(" not in text and "（" not in text:
        return
    draft.apply("pinyin", list(_annotations(text)))


def _annotations(text: str) -> Iterator[tuple[int, int, str]]:
    """Removals of the pinyin annotations, a stack of them on one character at once."""
    # The annotated character is the one before the match (a lookbehind, so that the character
    # stays out of the removed span).
    position = 0
    while (match := _ANNOTATION.search(text, position)) is not None:
        start, end = match.span()
        position = end
        if not _annotated(text, start, match[1]):
            continue
        while (following := _NEXT_ANNOTATION.match(text, end)) is not None and _annotated(
            text, start, following[1]
        ):
            end = following.end()
        yield start, end, ""
        position = end


# --- 5. script --------------------------------------------------------------------------------

_HAN_RUN = re.compile(f"[{_HAN}]+")
# In GB2312 (the simplified character set) although OpenCC t2s changes them: the character is
# legitimately simplified in some words (乾坤, 於 as a surname), so it alone does not make a run
# traditional. 後 is the exception: GB2312 has it, simplified text never uses it.
_SIMPLIFIED_EXCEPTIONS = frozenset("後")


@functools.lru_cache(maxsize=1)
def _opencc() -> Any:
    try:
        import opencc  # noqa: PLC0415 -- an optional extra, loaded on first use
    except ImportError as error:  # pragma: no cover - the extra is installed in development
        raise ImportError("cleaning needs opencc: pip install 'lawgov[parse]'") from error
    return opencc.OpenCC("t2s")


def _han_conversions() -> Iterator[tuple[str, str]]:
    """Every Han character with what OpenCC t2s makes of it alone."""
    converter = _opencc()
    chars = [
        chr(code)
        for low, high in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x31350))
        for code in range(low, high)
    ]
    # One call for all of them; "\n" keeps OpenCC from reading neighbours as a phrase.
    converted = converter.convert("\n".join(chars)).split("\n")
    return zip(chars, converted, strict=True)


@functools.lru_cache(maxsize=1)
def _script_tables() -> tuple[frozenset[str], dict[int, str]]:
    """The characters only traditional script uses, and every character t2s simplifies to one
    character with its simplified form (see `_traditional` and `_one_for_one`)."""
    traditional: set[str] = set()
    table: dict[int, str] = {}
    for char, simplified in _han_conversions():
        if char == simplified:
            continue
        if char in _SIMPLIFIED_EXCEPTIONS or not _in_gb2312(char):
            traditional.add(char)
        if len(simplified) == 1:
            table[ord(char)] = simplified
    return frozenset(traditional), table


@functools.lru_cache(maxsize=1)
def _traditional() -> frozenset[str]:
    """The characters that only traditional script uses."""
    # A set, not a regex class: a class of thousands of characters makes re scan slowly.
    return _script_tables()[0]


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


# --- speed (issue 12): traditional characters found without the whole-script tables ---
# Whether a character is traditional-only, for the characters met so far (see _traditional_of).
_TRADITIONAL_VERDICTS: dict[str, bool] = {}


def _traditional_of(text: str) -> frozenset[str]:
    """The characters of ``text`` that only traditional script uses: ``_traditional() & text``.

    Building `_traditional` converts every Han character with OpenCC (about 80 ms, on the
    first traditional text of a process); this converts only the text's candidates, Han
    characters outside GB2312 or in the exceptions (see `_script_tables`), once each per
    process.
    """
    # Only Han characters are remembered: at most the ~98,000 the tables cover.
    chars = set("".join(_HAN_RUN.findall(text)))
    candidates = []
    for char in chars:
        if char in _TRADITIONAL_VERDICTS:
            continue
        if char in _SIMPLIFIED_EXCEPTIONS or not _in_gb2312(char):
            candidates.append(char)
        else:
            _TRADITIONAL_VERDICTS[char] = False
    if candidates:
        # One call; "\n" keeps OpenCC from reading neighbours as a phrase.
        converted = _opencc().convert("\n".join(candidates)).split("\n")
        if len(converted) != len(candidates):  # pragma: no cover - OpenCC keeps line breaks
            converted = [_opencc().convert(char) for char in candidates]
        for char, simplified in zip(candidates, converted, strict=True):
            _TRADITIONAL_VERDICTS[char] = simplified != char
    return frozenset(char for char in chars if _TRADITIONAL_VERDICTS[char])


# --- end speed ---


def _script_edits(text: str) -> Iterator[tuple[int, int, str]]:
    traditional = _traditional_of(text)
    if not traditional:
        return
    # Only lines with a traditional-only character are converted: t2s also rewrites some
    # simplified words (乾 -> 干), which would change clean simplified text. On such a line every
    # run is converted, so that a clause whose traditional characters are all also in GB2312
    # (於是, 徵收, 瞭解) is not left behind.
    runs: list[re.Match[str]] = []
    line_start = 0
    while line_start <= len(text):
        line_end = text.find("\n", line_start)
        if line_end == -1:
            line_end = len(text)
        if not traditional.isdisjoint(text[line_start:line_end]):
            runs.extend(_HAN_RUN.finditer(text, line_start, line_end))
        line_start = line_end + 1
    if not runs:
        return
    # One call for all runs; "\n" keeps OpenCC from reading across two runs as one phrase.
    converted = _opencc().convert("\n".join(run[0] for run in runs)).split("\n")
    if len(converted) != len(runs):  # pragma: no cover - OpenCC keeps line breaks
        converted = [_opencc().convert(run[0]) for run in runs]
    for run, simplified in zip(runs, converted, strict=True):
        start = run.start()
        if len(simplified) != len(run[0]):
            yield start, run.end(), simplified
            continue
        # Same length: report each changed stretch on its own, so offsets stay precise.
        low = high = -1
        for i, (old, new) in enumerate(zip(run[0], simplified, strict=True)):
            if old == new:
                continue
            if i != high:
                if low >= 0:
                    yield start + low, start + high, simplified[low:high]
                low = i
            high = i + 1
        if low >= 0:
            yield start + low, start + high, simplified[low:high]


def _script(draft: _Draft) -> None:
    draft.apply("script", _script_edits(draft.text))


@functools.lru_cache(maxsize=1)
def _one_for_one() -> tuple[frozenset[str], dict[int, str]]:
    """Every character OpenCC t2s simplifies to one character, with its simplified form.

    Unlike `_traditional` this includes characters GB2312 also has (於 in 不少於): the
    shadow only serves to find facts, never becomes text.
    """
    table = _script_tables()[1]
    return frozenset(map(chr, table)), table


def simplified_shadow(text: str) -> str:
    """``text`` with each traditional character simplified, one character for one.

    Text kept in traditional script (``keep_script=True``) is searched for facts through its
    shadow: the fact finders' vocabulary (units, 号, 不少于) is simplified, and every offset into
    the shadow is an offset into ``text``, so what was found can be read back as printed.
    Returns ``text`` itself when nothing changes.
    """
    chars, table = _one_for_one()
    if chars.isdisjoint(text):
        return text
    return text.translate(table)


# --- 5a. spelling -----------------------------------------------------------------------------

# 法制 (the legal system) for 法治 (rule of law) in the genre's fixed phrases: 法治政府 is the name
# of the report itself. 法制 alone is a word of its own (法制审核, 法制宣传), so only the fixed
# phrases are corrected; traditional forms count too (keep_script).
# Every alternative starts with the literal 法制, so that the scan is fast; what comes before is
# checked by a lookbehind that spans the match.
_MISSPELT = re.compile(
    "法制(?:(?=政府)|(?=思想)(?<=[习習]近平法制)|(?=[国國](?![家有内內]))(?<=依法制))"
)


def _spelling(draft: _Draft) -> None:
    if "法制" not in draft.text:
        return
    draft.apply(
        "spelling",
        [
            (m.start() + 1, m.start() + 2, "治")  # 制 -> 治
            for m in _MISSPELT.finditer(draft.text)
        ],
    )


# --- 6. whitespace ----------------------------------------------------------------------------

# Each run of spaces is matched from its first character only, and whole (possessive): tried
# from every character of a run that ends in a letter, a pattern would take quadratic time.
# The four are sources, compiled once as the alternatives of _SPACES (speed: each CJK class
# costs about a millisecond to compile).
_TRAILING = r"(?<![ \t\u3000])[ \t\u3000]++(?=\n|\Z)"
# Letter-spaced CJK from PDF copies: three or more single characters one or two spaces apart.
_LETTER_SPACED = (
    rf"(?<![{_HAN}])[{_HAN}](?:[ \u3000]{{1,2}}[{_HAN}](?![{_HAN}])){{2,}}"
    # A spaced two-character label before a colon: "日 期：", "来  源:".
    rf"|(?<!\S)[{_HAN}][ \u3000]{{1,3}}[{_HAN}](?=[ \u3000]*[:：])"
)
_SPACE_BEFORE_MARK = rf"(?<=[{_CJK}])(?<![ \t\u3000])[ \u3000]++(?=[，。、；：？！）》”〕】])"
# Not after 、 or ：, where a space is a signal: "2、 正文" is a page marker injected by a sharing
# site (the parser peels it off), "来源： 本网" a header label.
_SPACE_AFTER_MARK = rf"(?<=[（《“〔【，；])[ \u3000]++(?=[{_CJK}])"


# A space inside an enumerator at the start of a line or a sentence ("一 是", "二　是"): the
# marker is split by PDF spacing, and the parser would not see it.
_SPLIT_ENUMERATOR = re.compile("[一二三四五六七八九十]{1,3}([ \u3000]+)是")
_SENTENCE_STARTS = frozenset("\n。；：！？")


_SPACES = re.compile(
    f"(?P<spaced>{_LETTER_SPACED})|{_TRAILING}|{_SPACE_BEFORE_MARK}|{_SPACE_AFTER_MARK}"
)


def _space_edit(match: re.Match[str]) -> str:
    if match.lastgroup == "spaced":
        return match[0].replace(" ", "").replace("\u3000", "")
    return ""


def _split_enumerators(text: str) -> Iterator[tuple[int, int, str]]:
    for match in _SPLIT_ENUMERATOR.finditer(text):
        # Only indentation may stand between the marker and a line or sentence start.
        before = text[max(0, match.start() - 40) : match.start()].rstrip(" \u3000")
        if not before or before[-1] in _SENTENCE_STARTS:
            yield match.start(1), match.end(1), ""


def _whitespace(draft: _Draft) -> None:
    if " " in draft.text or "\t" in draft.text or "\u3000" in draft.text:
        draft.apply("whitespace", _subs(_SPACES, draft.text, _space_edit))
        draft.apply("whitespace", _split_enumerators(draft.text))


# --- 7. punctuation ---------------------------------------------------------------------------

_STRAY_COMMAS = re.compile(
    rf"(?<=[、。；：])[,，]+|(?<=[{_CJK}][;:]),+|[,，]+(?=[、。；：])|(?<=[{_CJK}]),+(?=[;:])|[,，]{{2,}}"
)
_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_ASCII_TOKEN = re.compile(rf"[^\s{_CJK}]+")
_ASCII_MARK = re.compile(r"[,:;!?]")
_THOUSANDS = re.compile(r"\d{3}(?!\d)")


def _stray_comma(match: re.Match[str]) -> str:
    following = match.string[match.end()] if match.end() < len(match.string) else ""
    preceding = match.string[match.start() - 1] if match.start() > 0 else ""
    if preceding and preceding in "、。；：;:":
        return ""  # 研究;,部署, 要求。,下一步: a comma right after a stop is noise too
    if following and following in "、。；：;:":
        return ""
    return "，" if "，" in match[0] else ","


def _parentheses(text: str, urls: list[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    """Pair parentheses on each line; ASCII ones in Chinese context become full width."""
    edits: list[tuple[int, int, str]] = []
    for line in re.finditer(r"[^\n]+", text):
        stack: list[int] = []
        # The last Han character seen, found segment by segment between parentheses: a pair
        # holds Han text when it comes after the opening (one scan, however deep the nesting).
        last_han = previous = line.start() - 1
        for paren in re.finditer(r"[()（）]", line[0]):
            index = line.start() + paren.start()
            if _IS_HAN.search(text, previous + 1, index) is not None:
                last_han = index - 1
            previous = index
            if _inside(urls, index):
                continue
            if paren[0] in "(（":
                stack.append(index)
                continue
            if not stack:
                if _is_han(_at(text, index - 1)) or _is_han(_at(text, index + 1)):
                    edits.append((index, index + 1, "）"))
                continue
            opening = stack.pop()
            pair = text[opening] + text[index]
            if pair == "（）":
                continue
            chinese = (
                "（" in pair
                or "）" in pair
                or _is_cjk(_at(text, opening - 1))
                or _is_cjk(_at(text, index + 1))
                or last_han > opening
            )
            if chinese:
                if text[opening] == "(":
                    edits.append((opening, opening + 1, "（"))
                if text[index] == ")":
                    edits.append((index, index + 1, "）"))
        for opening in stack:
            if text[opening] == "(" and (
                _is_han(_at(text, opening - 1)) or _is_han(_at(text, opening + 1))
            ):
                edits.append((opening, opening + 1, "（"))
    edits.sort()
    return iter(edits)


def _at(text: str, index: int) -> str:
    return text[index] if 0 <= index < len(text) else ""


def _marks(text: str, urls: list[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    """ASCII , : ; ! ? in Chinese context become full width; times, numbers and URLs stay."""
    for token in _ASCII_TOKEN.finditer(text):
        word = token[0]
        if not _ASCII_MARK.search(word):
            continue
        start, end = token.span()
        # The token hangs off Chinese text ("增长5%;", "来源:本网"): all of its marks are Chinese.
        anchored = _is_cjk(_at(text, start - 1))
        for mark in _ASCII_MARK.finditer(word):
            index = start + mark.start()
            char = mark[0]
            if not (anchored or (index == end - 1 and _is_cjk(_at(text, end)))):
                continue
            before, after = _at(text, index - 1), _at(text, index + 1)
            if char == ":" and before.isdigit() and after.isdigit():
                continue  # a time or a ratio: 16:14, 1:1000
            if char == "," and before.isdigit() and _THOUSANDS.match(text, index + 1) is not None:
                continue  # a thousands separator: 1,500
            if _inside(urls, index):
                continue
            yield index, index + 1, _FULL_WIDTH[char]


def _quotes(text: str) -> Iterator[tuple[int, int, str]]:
    """Straight quotes pairing with curly ones, or with each other around Chinese, turn curly;
    curly quotes printed the wrong way round (“A“, ”A”) are turned to pair."""
    if '"' not in text and "“" not in text and "”" not in text:
        return
    lines: list[list[int]] = [[]]
    for mark in _QUOTE_OR_BREAK.finditer(text):
        if mark[0] == "\n":
            lines.append([])
        else:
            lines[-1].append(mark.start())
    for quotes in lines:
        yield from _line_quotes(text, quotes)


def _line_quotes(text: str, quotes: list[int]) -> Iterator[tuple[int, int, str]]:
    opened = False
    i = 0
    while i < len(quotes):
        index = quotes[i]
        char = text[index]
        following = text[quotes[i + 1]] if i + 1 < len(quotes) else None
        if char == "“":
            if opened and following != "”":
                yield index, index + 1, "”"  # “放管服“改革: the second one closes
                opened = False
            else:
                opened = True
        elif char == "”":
            if not opened and following == "”":
                yield index, index + 1, "“"  # ”放管服”改革: the first one opens
                opened = True
            elif not opened and following == "“" and i + 2 == len(quotes):
                yield index, index + 1, "“"  # ”放管服“改革: a pair printed back to front
                yield quotes[i + 1], quotes[i + 1] + 1, "”"
                i += 1
            else:
                opened = False
        elif opened:
            yield index, index + 1, "”"
            opened = False
        elif i + 1 < len(quotes):
            closing = quotes[i + 1]
            if text[closing] == "”":
                yield index, index + 1, "“"
                opened = True
            elif text[closing] == '"' and (
                _IS_HAN.search(text, index + 1, closing) is not None
                or _is_cjk(_at(text, index - 1))
                or _is_cjk(_at(text, closing + 1))
            ):
                yield index, index + 1, "“"
                yield closing, closing + 1, "”"
                i += 1
            elif text[closing] == "“" and i + 2 == len(quotes):
                yield index, index + 1, "“"  # "放管服“改革: a pair, both printed as openers
                yield closing, closing + 1, "”"
                i += 1
        i += 1


_QUOTE_OR_BREAK = re.compile(r'["“”\n]')
_FULL_WIDTH_PERCENT = re.compile(r"(?<=\d)％")


def _urls(text: str) -> list[tuple[int, int]]:
    if not any(hint in text for hint in _URL_HINTS):
        return []
    return [m.span() for m in _URL.finditer(text)]


# A comma after a heading marker at a line start, "(一),加强学习" as "一,、" is before its 、.
_MARKER_COMMA = re.compile(
    r"(?m)(?<=^)(?P<marker>[ \u3000]*[（(][一二三四五六七八九十]{1,3}[）)])[,，]+"
)


def _punctuation(draft: _Draft) -> None:
    if "," in draft.text or "，" in draft.text:
        draft.apply("punctuation", _subs(_STRAY_COMMAS, draft.text, _stray_comma))
        draft.apply("punctuation", _subs(_MARKER_COMMA, draft.text, lambda m: m["marker"]))
    urls = _urls(draft.text)
    if ("(" in draft.text or ")" in draft.text) and draft.apply(
        "punctuation", _parentheses(draft.text, urls)
    ):
        urls = _urls(draft.text)
    draft.apply("punctuation", _marks(draft.text, urls))
    draft.apply("punctuation", _quotes(draft.text))
    if "％" in draft.text:
        draft.apply("punctuation", _subs(_FULL_WIDTH_PERCENT, draft.text, lambda _m: "%"))


# --- the pipeline -----------------------------------------------------------------------------

# A safety net, never reached in practice: every stage removes a stack of what it removes
# (pinyin on pinyin, span>span>, &amp;amp;) in one pass, so two or three rounds reach the fixed
# point; the rounds after the second read only the lines the round before changed.
_MAX_ROUNDS = 32


def clean(text: str, *, keep_script: bool = False) -> CleanResult:
    """Clean a scraped report text, and say what changed where.

    Args:
        text: The raw text, as scraped or copied (any ``str``).
        keep_script: Keep traditional characters instead of converting them to simplified
            script (pinyin annotations are still removed).

    Returns:
        The clean text with every change and every removed damaged run, located by offsets
        into ``text``.

    Raises:
        ParseError: ``text`` is not a ``str``.
    """
    return _run(text, keep_script=keep_script, record=True).result()


def clean_text(text: str, *, keep_script: bool = False) -> str:
    """Return the clean text of a scraped report (``clean(text).text``).

    Args:
        text: The raw text, as scraped or copied.
        keep_script: Keep traditional characters instead of converting them to simplified.

    Returns:
        The clean text: simplified script, no pinyin annotations, no HTML remnants, no damaged
        runs, full-width punctuation in Chinese context, lines as in ``text``.

    Raises:
        ParseError: ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise ParseError(f"cleaning needs a str, got {type(text).__name__}")
    if len(text) <= _BLOCK:
        return _run(text, keep_script=keep_script, record=False).text
    # Each stage reads a line on its own: a long text is cleaned a block of lines at a time,
    # so that what a stage holds while it works (matches, edits, pieces) stays small.
    return "".join(
        _run(block, keep_script=keep_script, record=False).text for block in _blocks(text)
    )


# Characters in a block of lines that clean_text() cleans at once (a longer line is one block).
_BLOCK = 1 << 16


def _blocks(text: str) -> Iterator[str]:
    """``text`` in blocks of whole lines, each ending with its "\\n" (so "\\r\\n" stays whole)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + _BLOCK)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def _run(text: str, *, keep_script: bool, record: bool) -> _Draft:
    if not isinstance(text, str):
        raise ParseError(f"cleaning needs a str, got {type(text).__name__}")
    draft = _Draft(text, record=record)
    stages: list[Callable[[_Draft], None]] = [_invisible, _markup, _mojibake, _damage, _pinyin]
    if not keep_script:
        stages.append(_script)
    stages += [_spelling, _whitespace, _punctuation]
    for stage in stages:
        stage(draft)
    if draft.text == text:
        return draft
    # After the first round every line break is "\n" and no stage joins or splits a line, and
    # what a stage does to a line depends on that line alone: only a line the last round
    # changed can change again. So the total work stays linear, however deep the stacks.
    numbers: list[int] | None = None  # None: every line
    for _ in range(_MAX_ROUNDS):
        if numbers is None:
            before = draft.text.split("\n")
            for stage in stages:
                stage(draft)
            after = draft.text.split("\n")
            numbers = [n for n, line in enumerate(after) if line != before[n]]
        else:
            part = draft.lines(numbers)
            for stage in stages:
                stage(part)
            numbers = draft.merge(part, numbers)
        if not numbers:
            break
    return draft
