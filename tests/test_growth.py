"""Every cleaning and parsing stage is linear in its input, even on pathological text.

Each case runs one stage on a hostile shape at two sizes, eight times apart, with the shared
``growth`` meter (tests/conftest.py): about 8 when linear, 64 when quadratic; 32 is the limit.
The shapes are the ones that once made a stage quadratic (long runs of spaces, one huge line of
mojibake, deep brackets, stacked remnants) and the ones each stage's patterns are most exposed to
(many markers, many openers without closers, many digits, dates, headings, power words).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import lawgov
from lawgov._model import Agency
from lawgov._parse import clean as _clean
from lawgov._parse.citations import find_citations
from lawgov._parse.header import Line, read_header
from lawgov._parse.metrics import find_metrics
from lawgov._parse.powers import find_delegated_powers
from lawgov._parse.structure import build_outline

Growth = Callable[[Callable[[int], object], int, int], float]

_LIMIT = 32
_TITLE = "区科技局2020年法治政府建设年度报告\n"
_ISSUER = Agency(name="区科技局")
_STAR = "★法治★".encode().decode("gbk")
_GARBLED = "推进法治政府建设，执法检查36次。".encode().decode("gbk", errors="replace")

# name -> n -> text; n is the number of repetitions of the shape's unit.
SHAPES: dict[str, Callable[[int], str]] = {
    "space run": lambda n: "推进" + " " * n + "工作",
    "ideographic space run": lambda n: "推进" + "\u3000" * n + "工作",
    "tab run": lambda n: "推进" + "\t" * n + "工作",
    "mixed space run": lambda n: "推进" + " \u3000\t" * n + "。",
    "spaces before a mark": lambda n: "推进" + "\u3000" * n + "，",
    "letter spacing": lambda n: "法 " * n,
    "one huge line": lambda n: "推进依法行政，加强法治政府建设。" * n,
    "mojibake stars": lambda n: _STAR * n,
    "mojibake prose": lambda n: _GARBLED * n,
    "question marks": lambda n: "?法" * n,
    "nested parentheses": lambda n: "(" * n + "法" + ")" * n,
    "nested full-width parentheses": lambda n: "（" * n + "法" + "）" * n,
    "open parentheses": lambda n: "推(" * n,
    "lenticular brackets": lambda n: "【" * n + "法" + "】" * n,
    "book titles unclosed": lambda n: "根据《" * n,
    "pinyin stacked": lambda n: "區" + "(qū)" * n,
    "pinyin annotations": lambda n: "區(qū)域" * n,
    "tag remnants": lambda n: "span>" * n,
    "tags": lambda n: "<span class=a>法" * n,
    "entity nest": lambda n: "&" + "amp;" * n + "nbsp;",
    "entities": lambda n: "&amp;法" * n,
    "straight quotes": lambda n: '法"' * n,
    "commas": lambda n: "法" + "," * n,
    "enumerators": lambda n: "一是加强。" * n,
    "split enumerators": lambda n: "一 是" * n,
    "digits and units": lambda n: "增长12.5万元，" * n,
    "digit run": lambda n: "1" * (10 * n),
    "heading lines": lambda n: "一、加强\n（一）推进\n1.落实\n（1）完善\n" * n,
    "date lines": lambda n: "发布时间：2021-02-26 16:14\n2021年1月5日\n" * n,
    "power words": lambda n: "委托区市场监管局实施行政处罚事项3项，下放" * n,
    "law names": lambda n: "依据《中华人民共和国行政处罚法》（江府〔2017〕16号）" * n,
}

# The cases known to be quadratic once are measured small, so that a regression fails quickly.
_SMALL = {
    "space run": 1000,
    "ideographic space run": 1000,
    "tab run": 1000,
    "mixed space run": 300,
    "spaces before a mark": 1000,
    "mojibake stars": 200,
    "nested parentheses": 500,
    "nested full-width parentheses": 500,
    "lenticular brackets": 500,
}


def _size(shape: str, base: int) -> int:
    return _SMALL.get(shape, base)


_CLEAN_STAGES: dict[str, Callable[[_clean._Draft], None]] = {
    "invisible": _clean._invisible,
    "markup": _clean._markup,
    "mojibake": _clean._mojibake,
    "damage": _clean._damage,
    "pinyin": _clean._pinyin,
    "script": _clean._script,
    "spelling": _clean._spelling,
    "whitespace": _clean._whitespace,
    "punctuation": _clean._punctuation,
}


def _lines(text: str) -> list[Line]:
    return [
        Line(number=number, text=line.strip())
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip()
    ]


def _parse(text: str) -> object:
    try:
        return lawgov.parse_text(_TITLE + text)
    except lawgov.ParseError as error:
        return error


_PARSE_STAGES: dict[str, Callable[[str], object]] = {
    "clean": lawgov.clean_text,
    "clean with record": _clean.clean,
    "header": lambda text: read_header(_lines(text)),
    "structure": lambda text: build_outline(_lines(text), year=2020),
    "metrics": find_metrics,
    "citations": find_citations,
    "powers": lambda text: find_delegated_powers(text, issuer=_ISSUER),
    "parse_text": _parse,
}


def _stage_run(
    stage: Callable[[_clean._Draft], None], shape: str, sizes: tuple[int, ...]
) -> Callable[[int], object]:
    texts = {n: SHAPES[shape](n) for n in sizes}

    def run(n: int) -> object:
        draft = _clean._Draft(texts[n], record=False)
        stage(draft)
        return draft.text

    return run


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("stage", sorted(_CLEAN_STAGES))
def test_each_cleaning_pass_is_linear(stage: str, shape: str, growth: Growth) -> None:
    small = _size(shape, 400)
    run = _stage_run(_CLEAN_STAGES[stage], shape, (small, 8 * small))
    ratio = growth(run, small, 8 * small)
    assert ratio < _LIMIT


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("stage", sorted(_PARSE_STAGES))
def test_each_parsing_stage_is_linear(stage: str, shape: str, growth: Growth) -> None:
    build, run = SHAPES[shape], _PARSE_STAGES[stage]
    small = _size(shape, 200)
    # The stages after cleaning read cleaned text, as parse_text gives it to them.
    raw = stage.startswith(("clean", "parse"))
    texts = {n: build(n) if raw else lawgov.clean_text(build(n)) for n in (small, 8 * small)}
    ratio = growth(lambda n: run(texts[n]), small, 8 * small)
    assert ratio < _LIMIT
