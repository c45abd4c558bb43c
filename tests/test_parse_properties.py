"""Universal claims about the parser, checked with Hypothesis.

* Never crash: any string gives a valid report or a deliberate :class:`lawgov.ParseError`
  (random text, only noise, truncated and shuffled real reports); nothing else escapes.
* Cleaning first changes nothing: ``parse_text(clean_text(t)) == parse_text(t)``.
* Structure survives a round trip: a report rendered as text parses back to the same tree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pendulum
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import lawgov
from lawgov._model import tree_problems
from lawgov._parse.pipeline import render_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The three reference fixtures (styles described in fixtures/README.md).
REFERENCE = (
    "a-district-science-2021",
    "b-county-government-2022",
    "g-citations-justice-bureau-2021",
)


def _corpus() -> list[str]:
    paths = [
        Path(lawgov.samples.__file__).parent / "jianghai-kjj-2020.txt",
        *(
            FIXTURES / f"{name}.txt"
            for name in (
                "a-district-science-2021",
                "b-county-government-2022",
                "g-citations-justice-bureau-2021",
            )
        ),
    ]
    missing = [str(path) for path in paths if not path.is_file()]
    if missing or len(paths) < 2:
        pytest.fail(f"the seed and fixtures are missing: {missing}")
    return [path.read_text(encoding="utf-8") for path in paths]


CORPUS = _corpus()
CORPUS_LINES = sorted({line for text in CORPUS for line in text.splitlines()})

# Fragments that exercise every stage: markers, brackets, labels, dates, pinyin, mojibake.
NOISE = [
    "一、",
    "（一）",
    "(二)",
    "1.",
    "2、",
    "（1）",
    "一是",
    "二是",
    "十一是",
    "。",
    "；",
    "：",
    "，",
    ",,",
    ",、",
    "《",
    "》",
    "〈",
    "〉",
    "〔2019〕",
    "24号",
    "江府",
    "来源：",
    "发布时间：",
    "2021-02-26 16:14",
    "2020年",
    "浏览数：-",
    "[ 索引号 ]",
    "| 发布机构: |",
    "首页 > ",
    "今天是",
    "區(qū)",
    "報(bào)",
    "??萍季?",
    "\ufffd",
    "</span>",
    "&nbsp;",
    "委托",
    "下放",
    "23项",
    "调整至",
    "区市场监管局",
    "1500万元",
    "100%",
    "年",
    "月",
    "日",
    " ",
    "\u3000",
    "\n",
    "\n\n",
    "\r\n",
    "“",
    "”",
    '"',
    "法治政府建设年度报告",
    "区科技局",
    "特此报告。",
    "\xa0",
    "\u2028",
    "\u200b",
    "\x0b",
    "\t",
    # Pathological shapes (issue 11): space runs, deep brackets, mojibake, stacked remnants.
    " " * 200,
    "\u3000" * 200,
    "\t \u3000" * 50,
    "(" * 100,
    ")" * 100,
    "（" * 100,
    "【" * 50,
    "《" * 50,
    "★法治★".encode().decode("gbk"),
    "法治政府建设年度报告".encode().decode("gbk", errors="replace"),
    "(shè)" * 8,
    "span>" * 8,
    "&amp;amp;amp;amp;amp;nbsp;",
    "&amp;amp;lt;span&amp;gt;",
]


def _check(text: str) -> lawgov.Report | None:
    """Parse ``text``; return the report (checked valid) or None for a deliberate ParseError."""
    failure: lawgov.ParseError | None = None
    try:
        report = lawgov.parse_text(text)
    except lawgov.ParseError as error:
        failure = error
    if failure is not None:
        # A ParseError raised because the built report broke a rule carries that rule's
        # ValidationError as its cause: that is a parser bug, not a verdict on the input.
        assert failure.__cause__ is None, f"internal failure surfaced as ParseError: {failure}"
        return None
    assert isinstance(report, lawgov.Report)
    assert tree_problems(report) == []
    return report


noise_texts = st.lists(st.sampled_from(NOISE), max_size=60).map("".join)
line_soups = st.lists(st.sampled_from(CORPUS_LINES), max_size=40).map("\n".join)
truncated = st.sampled_from(CORPUS).flatmap(
    lambda text: st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(
        lambda cut: text[min(cut) : max(cut)]
    )
)
shuffled = st.sampled_from(CORPUS).flatmap(
    lambda text: st.permutations(text.splitlines()).map("\n".join)
)
mixed = st.lists(
    st.one_of(st.sampled_from(CORPUS_LINES), noise_texts, st.text(max_size=30)), max_size=30
).map("\n".join)
any_text = st.one_of(st.text(), noise_texts, line_soups, truncated, shuffled, mixed)


@given(any_text)
@example("")
@example("一、")
@example("区科技局2020年法治政府建设年度报告\n一是")
@example("区科技局2020年法治政府建设年度报告\n一、\n（一）\n1、\n（1）")
@example("区科技局9999年法治政府建设年度报告")
@example("区科技局2020年法治政府建设年度报告\n发布时间：2019-01-01\n一、工作\n一是。二是；")
def test_any_text_gives_a_valid_report_or_a_parse_error(text: str) -> None:
    _check(text)


@given(any_text)
def test_cleaning_first_changes_nothing(text: str) -> None:
    try:
        expected = lawgov.parse_text(text)
    except lawgov.ParseError:
        with pytest.raises(lawgov.ParseError):
            lawgov.parse_text(lawgov.clean_text(text))
        return
    assert lawgov.parse_text(lawgov.clean_text(text)) == expected


@pytest.mark.parametrize("index", range(len(CORPUS)))
def test_every_corpus_text_parses_and_keeps_its_year(index: int) -> None:
    report = _check(CORPUS[index])
    assert report is not None
    assert str(report.year) in report.title


# --- round trip: a report generated with lawgov's model, rendered as text, parsed back -------

_TITLES = [
    "加强组织领导",
    "健全决策机制",
    "规范行政执法",
    "强化权力监督",
    "深化普法宣传",
    "优化营商环境",
]
_SENTENCES = [
    "全年办理行政复议案件12件。",
    "依据《中华人民共和国行政处罚法》开展执法检查。",
    "组织专题学习，参学人数较多。",
    "按时完成各项工作任务。",
]
_AGENCIES = ["区科技局", "某县人民政府", "岚川市司法局", "临港镇人民政府"]


@st.composite
def _measures(draw: st.DrawFn, depth: int) -> list[lawgov.Measure]:
    items = []
    for number in range(1, draw(st.integers(0, 3)) + 1):
        title = draw(st.sampled_from(_TITLES))
        text = title + "。" + "".join(draw(st.lists(st.sampled_from(_SENTENCES), max_size=2)))
        subs = draw(_measures(depth - 1)) if depth > 1 else []
        items.append(lawgov.Measure(number=number, title=title, text=text, submeasures=subs))
    return items


@st.composite
def _sections(draw: st.DrawFn, depth: int) -> list[lawgov.Section]:
    items = []
    for number in range(1, draw(st.integers(0 if depth > 1 else 1, 3)) + 1):
        items.append(
            lawgov.Section(
                number=number,
                title=draw(st.sampled_from(_TITLES)),
                paragraphs=draw(st.lists(st.sampled_from(_SENTENCES), max_size=2)),
                measures=draw(_measures(2)),
                subsections=draw(_sections(depth - 1)) if depth > 1 else [],
            )
        )
    return items


@st.composite
def _generated_reports(draw: st.DrawFn) -> lawgov.Report:
    issuer = draw(st.sampled_from(_AGENCIES))
    year = draw(st.integers(2016, 2024))
    published = draw(
        st.none()
        | st.builds(
            lambda day, minute: pendulum.datetime(year + 1, 1, 1, tz="Asia/Shanghai").add(
                days=day, minutes=minute
            ),
            st.integers(0, 300),
            st.integers(0, 1439),
        )
    )
    signed = draw(st.booleans())
    return lawgov.Report(
        title=f"{issuer}{year}年法治政府建设年度报告",
        issuer=lawgov.Agency(name=issuer),
        year=year,
        published=published,
        source=draw(st.none() | st.sampled_from(["本网", issuer])),
        views=draw(st.none() | st.integers(0, 100_000)),
        preamble=draw(st.lists(st.sampled_from(_SENTENCES), max_size=2)),
        sections=draw(_sections(4)),
        closing=[issuer, f"{year + 1}年1月5日"] if signed else [],
    )


def _shape(sections: tuple[lawgov.Section, ...]) -> list[Any]:
    def measures(items: tuple[lawgov.Measure, ...]) -> list[Any]:
        return [(m.number, m.title, m.text, measures(m.submeasures)) for m in items]

    return [
        (s.number, s.title, s.paragraphs, measures(s.measures), _shape(s.subsections))
        for s in sections
    ]


@given(_generated_reports())
def test_a_rendered_report_parses_back_to_the_same_structure(report: lawgov.Report) -> None:
    parsed = lawgov.parse_text(render_text(report))
    assert _shape(parsed.sections) == _shape(report.sections)
    assert (parsed.title, parsed.issuer, parsed.year, parsed.published) == (
        report.title,
        report.issuer,
        report.year,
        report.published,
    )
    assert (parsed.source, parsed.views) == (report.source, report.views)
    assert (parsed.preamble, parsed.closing) == (report.preamble, report.closing)


@pytest.mark.parametrize("index", range(len(CORPUS)))
def test_corpus_reports_survive_render_and_parse(index: int) -> None:
    report = lawgov.parse_text(CORPUS[index])
    assert lawgov.parse_text(render_text(report)) == report


@given(any_text)
def test_parse_and_parse_text_agree(text: str) -> None:
    # parse_text takes the cleaner's fast path; parse keeps the record of changes.
    message: str | None = None
    try:
        expected = lawgov.parse_text(text)
    except lawgov.ParseError as error:
        message = str(error)
    if message is not None:
        with pytest.raises(lawgov.ParseError) as caught:
            lawgov.parse(text)
        assert str(caught.value) == message
        return
    result = lawgov.parse(text)
    assert result.report == expected
    assert result.text == lawgov.clean_text(text)


# --- metamorphic: the noise of real copies does not change the report -----------------------

_ASCII_FOLD = str.maketrans("，：；（）！？", ",:;()!?")


def _page_markers(text: str, step: int, offset: int) -> str:
    """Inject 1、 2、 … at every ``step``-th line, as document-sharing sites do."""
    lines = text.split("\n")
    marked = [index for index in range(len(lines)) if index % step == offset]
    numbers = {index: number for number, index in enumerate(marked, start=1)}
    return "\n".join(
        f"{numbers[index]}、{line}" if index in numbers else line
        for index, line in enumerate(lines)
    )


def _to_traditional(text: str) -> str:
    import opencc

    converted: str = opencc.OpenCC("s2t").convert(text)
    return converted


NOISES = {
    "ascii punctuation": lambda text: text.translate(_ASCII_FOLD),
    "CRLF": lambda text: text.replace("\n", "\r\n"),
    "traditional script": _to_traditional,
    "blank lines": lambda text: text.replace("\n", "\n\n"),
    "indented": lambda text: "\n".join("\u3000\u3000" + line for line in text.split("\n")),
    "page chrome": lambda text: (
        "首页 > 政务公开 > 法治政府建设\n今天是2026年3月1日 星期日\n【字体：大 中 小】\n"
        + text
        + "\n【打印本页】【关闭窗口】\n- 1 -\n"
    ),
    **{
        f"page markers every {step} from {offset}": (
            lambda text, step=step, offset=offset: _page_markers(text, step, offset)
        )
        for step in (3, 5, 8)
        for offset in (0, 1, 2)
    },
}


@pytest.mark.parametrize("noise", sorted(NOISES))
@pytest.mark.parametrize("index", range(len(CORPUS)))
def test_noise_of_real_copies_does_not_change_the_report(index: int, noise: str) -> None:
    text = CORPUS[index]
    assert lawgov.parse_text(NOISES[noise](text)) == lawgov.parse_text(text)
