"""Cleaning: claims that hold for every string, checked with Hypothesis."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lawgov
from lawgov import clean, clean_text
from lawgov._model.han import HAN

# Pieces of the noise found in scraped reports, mixed with clean text, so that generated strings
# exercise every rule (random text alone rarely forms an annotation or a tag).
_PIECES = [
    *"區國報設時數法治政府建设乾著後于云吗何的是",
    *["(qū)", "(guó)", "(bào)", "(qu)", "（qū）", "(第二批)", "(一)", "(2021—2025年)"],
    *["(", ")", "（", "）", ",", ",,", ":", ";", "!", "?", "??", "\ufffd", "、", "。", "；", "："],
    *["“", "”", '"', " ", "\u3000", "\t", "\xa0", "\u200b", "\n", "\r\n", "\r", "\u2028"],
    *["<span>", "</span>", "/span>", '<p class="a">', "<!-- x -->", '<b x="'],
    *["&nbsp;", "&amp;", "&amp;nbsp;", "&#12290;", "&lt;", "&gt;", "&#0;", "&#10;", "&#x2029;"],
    *["1", "2021", "16:14", "1,500", "3.6", "%", "％", "http://x.cn/a?b=1,2", "www.gov.cn"],
    *["a", "Hello", "为什么", "一是", "一,、", " 法 治 政 府 ", "萍季", "\ud800"],
    # UTF-8 read as GBK (法治政府建设, 依法行政 garbled), and a misspelt fixed phrase
    *["娉曟不鏀垮簻", "寤鸿??", "渚濇硶琛屾斂", "鍚勯」", "36娆", "法制政府", "依法制国"],
]
_NOISY = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=40).map(
    "".join
)
TEXTS = st.one_of(st.text(), _NOISY)

_HAN = re.compile(f"[{HAN}]")


def _gb2312_han() -> list[str]:
    # Every simplified character of GB2312 (rows 16-87 are the hanzi), except 後: GB2312 has it,
    # but simplified text writes 后, so the cleaner converts it (docs/cleaning.md).
    chars = []
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return [char for char in chars if char != "後"]


# Runs of 烫, 屯 and 锟斤拷 are the fill patterns of broken encodings, removed as damage by design.
_FILL_SIGNATURE = re.compile("烫{3,}|屯{3,}|锟斤拷")
SIMPLIFIED = st.text(alphabet=st.sampled_from(_gb2312_han()), min_size=1, max_size=30).filter(
    lambda text: _FILL_SIGNATURE.search(text) is None
)


def _line_breaks(text: str) -> int:
    # The number of line breaks str.splitlines() sees ("\r\n" is one).
    return len((text + "x").splitlines()) - 1


@given(TEXTS)
def test_never_crashes_and_returns_a_string(text: str) -> None:
    result = clean(text)
    assert type(result.text) is str
    assert clean_text(text) == result.text


@given(TEXTS)
def test_idempotent(text: str) -> None:
    once = clean(text)
    twice = clean(once.text)
    assert twice.text == once.text
    assert twice.changes == ()
    assert twice.damaged == ()


@given(TEXTS)
def test_idempotent_keeping_the_script(text: str) -> None:
    once = clean_text(text, keep_script=True)
    assert clean_text(once, keep_script=True) == once


@given(TEXTS)
def test_offsets_point_into_the_original(text: str) -> None:
    result = clean(text)
    for change in result.changes:
        assert 0 <= change.start <= change.end <= len(text)
        assert change.original == text[change.start : change.end]
        assert change.kind in {
            "whitespace",
            "markup",
            "damage",
            "pinyin",
            "script",
            "spelling",
            "punctuation",
        }
    for span in result.damaged:
        assert 0 <= span.start < span.end <= len(text)
        assert span.text == text[span.start : span.end]
    starts = [change.start for change in result.changes]
    assert starts == sorted(starts)


@given(TEXTS)
def test_lines_are_never_joined_or_split(text: str) -> None:
    result = clean_text(text)
    assert result.count("\n") == _line_breaks(text)
    assert _line_breaks(result) == _line_breaks(text)


@given(TEXTS.filter(lambda t: "&" not in t))
def test_keep_script_never_changes_script(text: str) -> None:
    # Without entities (which may decode to any character) no Han character can appear that was
    # not in the input, but for a repaired run (UTF-8 read as GBK) or a corrected spelling; and
    # none is rewritten.
    kept = clean(text, keep_script=True)
    repaired = {
        char
        for change in kept.changes
        if change.kind in ("damage", "spelling")
        for char in change.replacement
    }
    assert set(_HAN.findall(kept.text)) <= set(_HAN.findall(text)) | repaired
    assert all(change.kind != "script" for change in kept.changes)


@given(SIMPLIFIED)
def test_simplified_text_passes_through(text: str) -> None:
    assert clean_text(text) == text


@given(TEXTS)
def test_result_is_simplified(text: str) -> None:
    import opencc

    result = clean_text(text)
    converter = opencc.OpenCC("t2s")
    # Whatever t2s would still change is a character that is also simplified (乾坤, 著名).
    for char in set(_HAN.findall(result)):
        if converter.convert(char) != char:
            char.encode("gb2312")


# --- noise in, the clean text back out -------------------------------------------------------

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The three reference fixtures (styles described in fixtures/README.md).
REFERENCE = (
    "a-district-science-2021",
    "b-county-government-2022",
    "g-citations-justice-bureau-2021",
)
_CLEAN_TEXTS = [
    clean_text(path.read_text(encoding="utf-8"))
    for path in [
        *(
            FIXTURES / f"{name}.txt"
            for name in (
                "a-district-science-2021",
                "b-county-government-2022",
                "g-citations-justice-bureau-2021",
            )
        ),
        Path(lawgov.samples.__file__).parent / "jianghai-kjj-2020.txt",
    ]
]
_MOJIBAKE = ["??萍季?", "??", "\ufffd", "?季?", "锟斤拷"]
_FOLD = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?"}


def _noisy(text: str, rnd: random.Random) -> str:
    """Add the noise of scraped copies (docs/cleaning.md) to clean text, at random places."""
    import opencc
    from pypinyin import Style, pinyin

    if rnd.random() < 0.7:
        text = str(opencc.OpenCC("s2t").convert(text))
    fold, annotate, double, tag, damage = (rnd.random() < 0.6 for _ in range(5))
    out: list[str] = []
    last = -10
    for i, char in enumerate(text):
        following = text[i + 1] if i + 1 < len(text) else ""
        han = _HAN.match(char) is not None
        if tag and han and rnd.random() < 0.02:
            out.append(rnd.choice(["<span>", '<span style="font-family:宋体">', "<b>"]))
        printed = _FOLD[char] if fold and char in _FOLD else char
        out.append(",," if printed in ",，" and double and rnd.random() < 0.3 else printed)
        if annotate and han and following not in "(（" and rnd.random() < 0.15:
            out.append(f"({pinyin(char, style=Style.TONE)[0][0]})")
        if tag and han and rnd.random() < 0.02:
            out.append(rnd.choice(["</span>", "/span>", "</b>"]))
        # Runs closer than four characters would be read as one run (docs/cleaning.md).
        if damage and han and _HAN.match(following) and i > last + 8 and rnd.random() < 0.01:
            out.append(rnd.choice(_MOJIBAKE))
            last = i
        if double and following and following in "、。" and rnd.random() < 0.2:
            out.append(",")
        if following == "\n" and rnd.random() < 0.3:
            out.append(rnd.choice([" ", "\u3000", "\t", "&nbsp;"]))
    noisy = "".join(out)
    return noisy.replace("\n", "\r\n") if rnd.random() < 0.3 else noisy


@given(st.sampled_from(_CLEAN_TEXTS), st.integers(min_value=0, max_value=2**32))
def test_cleaning_noisy_copies_gives_the_clean_text_back(text: str, seed: int) -> None:
    # A seeded generator, not st.randoms(): thousands of draws per example are too many for
    # Hypothesis to shrink; a failing seed reproduces the noisy copy exactly.
    noisy = _noisy(text, random.Random(seed))
    result = clean(noisy)
    assert result.text == text
    assert "".join(span.text for span in result.damaged) == "".join(
        run for run in re.findall(r"\?\?萍季\?|\?\?|\ufffd|\?季\?|(?:锟斤拷)+", noisy)
    )


# --- noise in, the same facts out -------------------------------------------------------------

_FIXTURE_TEXTS = {
    path.stem: clean_text(path.read_text(encoding="utf-8"))
    for path in [
        *(
            FIXTURES / f"{name}.txt"
            for name in (
                "a-district-science-2021",
                "b-county-government-2022",
                "g-citations-justice-bureau-2021",
            )
        ),
        *sorted((Path(__file__).resolve().parent / "fixtures").glob("*.txt")),
    ]
}
# Characters the seed always annotates with their reading (a site's fixed set).
_ANNOTATED = "區項進學設實報規據導務創關習強術時對領責統會發機動負計產權級數識監構嚴"
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．]|（\d+）)"
)


def _traditional(text: str) -> str:
    import opencc

    return str(opencc.OpenCC("s2t").convert(text))


def _annotated(text: str) -> str:
    from pypinyin import Style, pinyin

    return "".join(
        f"{char}({pinyin(char, style=Style.TONE)[0][0]})" if char in _ANNOTATED else char
        for char in _traditional(text)
    )


def _garbled(text: str) -> str:
    """A clause without facts in each body line saved as UTF-8 and read as GBK."""

    def garble(match: re.Match[str]) -> str:
        clause = match[0]
        if re.search(r"[0-9一二三四五六七八九十两]|是|《|“|号", clause):
            return clause
        return clause.encode("utf-8").decode("gbk", errors="replace").replace("\ufffd", "?")

    return "\n".join(
        line if _HEADING.match(line) else re.sub(r"(?<=，)[\u4e00-\u9fff]{4,}(?=，)", garble, line)
        for line in text.split("\n")
    )


def _html(text: str) -> str:
    lines = [
        f'<p style="text-indent:2em;">{line}</p>' if line else line for line in text.split("\n")
    ]
    entities = {"“": "&ldquo;", "”": "&rdquo;", "、": "&#12289;", "—": "&mdash;"}
    return "".join(entities.get(char, char) for char in "\n".join(lines)).replace(
        "。", "/span>。", 5
    )


_FOLDED = str.maketrans(dict(zip("，：；（）！？％", ",:;()!?%", strict=True)))
_COPY_NOISE = {
    "traditional": _traditional,
    "traditional with pinyin": _annotated,
    "ASCII punctuation, stray commas": lambda text: (
        re.sub(
            r"^([一二三四五六七八九十]+)、", r"\1,、", text.translate(_FOLDED), flags=re.MULTILINE
        )
        .replace("、", ",、")
        .replace("。", ",。")
        .replace(",", ",,")
    ),
    "HTML remnants and entities": _html,
    "UTF-8 read as GBK": _garbled,
    "法制 for 法治": lambda text: text.replace("法治政府", "法制政府"),
}


def _facts(report: lawgov.Report, script: Callable[[str], str] = str) -> tuple[object, ...]:
    """What a parse found, its strings read through ``script``."""

    def sections(items: tuple[lawgov.Section, ...]) -> list[object]:
        return [
            (s.number, script(s.title), len(s.measures), sections(s.subsections)) for s in items
        ]

    return (
        script(report.title),
        script(report.issuer.name),
        report.year,
        sections(report.sections),
        sorted({(m.value, m.unit, m.qualifier) for m in report.iter_metrics()}),
        sorted({script(f"{c.title} {c.document_number}") for c in report.iter_citations()}),
        [(p.count, p.transferred) for p in report.iter_delegated_powers()],
    )


@pytest.mark.parametrize("noise", sorted(_COPY_NOISE))
@pytest.mark.parametrize("name", sorted(_FIXTURE_TEXTS))
def test_noisy_copies_give_the_same_facts(name: str, noise: str) -> None:
    text = _FIXTURE_TEXTS[name]
    assert _facts(lawgov.parse_text(_COPY_NOISE[noise](text))) == _facts(lawgov.parse_text(text))


@pytest.mark.parametrize("name", sorted(_FIXTURE_TEXTS))
def test_facts_are_found_in_text_kept_in_traditional_script(name: str) -> None:
    import opencc

    text = _FIXTURE_TEXTS[name]
    annotated = _annotated(text)
    kept = lawgov.parse_text(annotated, keep_script=True)
    # Facts found in the traditional text, read back in simplified script, are the same.
    assert _facts(kept, opencc.OpenCC("t2s").convert) == _facts(lawgov.parse_text(text))
    printed = clean_text(annotated, keep_script=True)
    for metric in kept.iter_metrics():
        assert metric.text in printed
