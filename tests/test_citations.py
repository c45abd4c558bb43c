"""Finding citations: ``《…》`` titles with the document number after them, and numbers alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lawgov
import lawgov.samples
from lawgov import Citation, DocumentNumber
from lawgov._model import tree_problems
from lawgov._parse.citations import (
    find_citation_spans,
    find_citations,
    find_document_numbers,
    protected_spans,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = Path(lawgov.samples.__file__).parent / "jianghai-kjj-2020.txt"
REFERENCE = [
    "a-district-science-2021",
    "b-county-government-2022",
    "g-citations-justice-bureau-2021",
]


def _docno(code: str, year: int | None, serial: int) -> DocumentNumber:
    return DocumentNumber(issuer_code=code, year=year, serial=serial)


def _cite(title: str | None, number: DocumentNumber | None = None) -> Citation:
    return Citation(title=title, document_number=number)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("学习《中华人民共和国行政处罚法》", [_cite("中华人民共和国行政处罚法")]),
        # adjacent titles, and titles separated by 、/和/及
        (
            "依据《行政处罚法》《岚川市行政执法监督办法》",
            [_cite("行政处罚法"), _cite("岚川市行政执法监督办法")],
        ),
        ("贯彻《行政复议法》、《行政诉讼法》", [_cite("行政复议法"), _cite("行政诉讼法")]),
        ("学习《A法》和《B条例》及《C规定》", [_cite("A法"), _cite("B条例"), _cite("C规定")]),
        # nested 〈〉 and ASCII <> stay as printed; the number after the title belongs to it
        (
            "印发《关于印发〈管理办法〉的通知》（岚府办〔2021〕12号）",
            [_cite("关于印发〈管理办法〉的通知", _docno("岚府办", 2021, 12))],
        ),
        (
            "印发《关于印发<事项目录(2021年)>的通知》(岚府〔2021〕30号)",
            [_cite("关于印发<事项目录(2021年)>的通知", _docno("岚府", 2021, 30))],
        ),
        # a nested 《》 level in sloppy copies: the outer title keeps it
        ("转发《关于印发《实施方案》的通知》", [_cite("关于印发《实施方案》的通知")]),
        # year ranges inside titles are part of the title
        ("《法治政府建设实施纲要（2021—2025年）》", [_cite("法治政府建设实施纲要（2021—2025年）")]),
        # the number after the title, in several bracket styles and parenthesis widths
        ("《通知》(岚法办发(2020)4号)的要求", [_cite("通知", _docno("岚法办发", 2020, 4))]),
        ("《意见》（岚司发[2021]3号）", [_cite("意见", _docno("岚司发", 2021, 3))]),
        ("《意见》（岚司发〔2021〕3号文）", [_cite("意见", _docno("岚司发", 2021, 3))]),
        (
            "《通知》（高新组通〔2019〕24号）、《条例》",
            [_cite("通知", _docno("高新组通", 2019, 24)), _cite("条例")],
        ),
        (
            "《通知》（江府〔2017〕16号，以下简称《通知》）",
            [_cite("通知", _docno("江府", 2017, 16)), _cite("通知")],
        ),
        # a number not in parentheses right after a title stands alone
        (
            "《通知》要求，按照江府〔2017〕16号执行",
            [_cite("通知"), _cite(None, _docno("江府", 2017, 16))],
        ),
        ("根据国办发〔2019〕5号文件精神", [_cite(None, _docno("国办发", 2019, 5))]),
        # short forms, books and newspapers are all kept
        (
            "《中华人民共和国民法典》(以下简称《民法典》)",
            [_cite("中华人民共和国民法典"), _cite("民法典")],
        ),
        ("在《岚川日报》开设专栏", [_cite("岚川日报")]),
        # broken pairs: the broken part yields nothing, the rest is found
        ("学习《行政处罚法，和《行政复议法》", [_cite("行政复议法")]),
        ("学习行政处罚法》和《行政复议法》", [_cite("行政复议法")]),
        ("学习《行政处罚法", []),
        # a title closed with an ASCII > is recovered, ASCII <…> inside it kept
        (
            "学习《行政处罚法>和《行政许可法》",
            [_cite("行政处罚法"), _cite("行政许可法")],
        ),
        (
            "印发《关于印发<事项目录>的通知>（岚府〔2021〕3号）",
            [_cite("关于印发<事项目录>的通知", _docno("岚府", 2021, 3))],
        ),
        ("学习《关于印发<事项目录>的通知", []),
        ("学习《行政处罚法/span>和《行政许可法》", [_cite("行政许可法")]),
        # a number without an issuer code cannot be held: the title stands without it
        ("印发《实施方案》（〔2022〕5号），", [_cite("实施方案")]),
        # minutes are numbered by their meeting: no document number
        ("按照县政府常务会议纪要〔2022〕7号要求", []),
        ("根据《县政府常务会议纪要》（〔2022〕7号）", [_cite("县政府常务会议纪要")]),
        ("《》和《 》", []),
        # a title never spans lines
        ("《第一行\n第二行》", []),
        # doubled brackets wrap one title
        ("学习《《行政处罚法》》", [_cite("行政处罚法")]),
        # numbers inside a title are part of the title, not citations of their own
        ("《关于转发国办发〔2019〕5号文件的通知》", [_cite("关于转发国办发〔2019〕5号文件的通知")]),
    ],
)
def test_find_citations(text: str, expected: list[Citation]) -> None:
    assert find_citations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # serials listed after a number share its issuer code and year
        ("根据岚府发〔2021〕12号、13号文件", [("岚府发", 2021, 12), ("岚府发", 2021, 13)]),
        ("根据岚府发〔2021〕12、13号文件", [("岚府发", 2021, 12), ("岚府发", 2021, 13)]),
        ("根据岚府发〔2021〕第12号、第13号", [("岚府发", 2021, 12), ("岚府发", 2021, 13)]),
        (
            "根据岚府发〔2021〕12号、〔2022〕3号和5号",
            [("岚府发", 2021, 12), ("岚府发", 2022, 3), ("岚府发", 2022, 5)],
        ),
        # a count after a number is no serial
        ("根据岚府发〔2021〕12号、13个部门", [("岚府发", 2021, 12)]),
        # a department's name before its code is no part of it, nor the tail of a name that a
        # lead word (宣传) opened
        ("依据市司法局岚司发〔2021〕3号", [("岚司发", 2021, 3)]),
        ("按照市委宣传部岚宣通〔〕33号", [("岚宣通", None, 33)]),
        ("农业农村部农法发〔2020〕1号", [("农法发", 2020, 1)]),
        # so is an office's name inside a department (处, 科, 室, 股), at any length
        ("依据法规处岚法〔2020〕1号", [("岚法", 2020, 1)]),
        # a party committee's office, a people's congress standing committee
        ("根据县委组织部、县委编办栖编〔2022〕3号", [("栖编", 2022, 3)]),
        (
            "县委办栖委办发〔2022〕3号和市委办发〔2022〕4号",
            [("栖委办发", 2022, 3), ("市委办发", 2022, 4)],
        ),
        ("根据县人大常委会栖人发〔2022〕3号", [("栖人发", 2022, 3)]),
        ("按照县教委栖教〔2021〕3号", [("栖教", 2021, 3)]),
        ("根据市卫健委岚卫发〔2024〕2号", [("岚卫发", 2024, 2)]),
        ("根据岚江市卫健委岚卫发〔2024〕2号", [("岚卫发", 2024, 2)]),
        ("县政办发〔2021〕1号、区府〔2021〕2号", [("县政办发", 2021, 1), ("区府", 2021, 2)]),
        ("市审批局审批科岚审〔2021〕3号", [("岚审", 2021, 3)]),
        ("依据县司法局法规股岚司发〔2021〕3号", [("岚司发", 2021, 3)]),
        (
            "根据粤科高字〔2020〕3号和国科发〔2020〕4号",
            [("粤科高字", 2020, 3), ("国科发", 2020, 4)],
        ),
        # short heads are parts of real codes
        ("根据人社部发〔2020〕5号", [("人社部发", 2020, 5)]),
        ("根据国卫办科教发〔2019〕3号", [("国卫办科教发", 2019, 3)]),
        ("根据工信部联规〔2020〕5号", [("工信部联规", 2020, 5)]),
        ("根据厅字〔2019〕28号", [("厅字", 2019, 28)]),
        # not document numbers
        ("国务院令第711号、712号", []),
        ("财政部公告2023年第25号", []),
        ("县政府常务会议纪要〔2022〕7号", []),
        ("依据中华人民共和国主席令第81号", []),
    ],
)
def test_find_document_numbers(text: str, expected: list[tuple[str, int | None, int]]) -> None:
    found = find_document_numbers(text)
    assert [(n.issuer_code, n.year, n.serial) for n, _, _ in found] == expected


def test_listed_serials_span_their_digits() -> None:
    text = "根据岚府发〔2021〕12号、13号和岚府发〔2021〕14、15号"
    spans = [text[start:end] for _, start, end in find_document_numbers(text)]
    assert spans == ["岚府发〔2021〕12号", "13号", "岚府发〔2021〕14、15号", "15号"]


def test_spans_cover_title_and_number() -> None:
    text = "根据《通知》（江府〔2017〕16号），以及粤府〔2020〕3号。"
    spans = find_citation_spans(text)
    assert [text[start:end] for _, start, end in spans] == [
        "《通知》（江府〔2017〕16号）",
        "粤府〔2020〕3号",
    ]


def test_a_title_closed_with_ascii_gt_is_protected() -> None:
    text = "《条例2021>规定12项"
    assert protected_spans(text) == [(0, 8)]


def test_protected_spans_are_sorted_and_merged() -> None:
    text = "《A“B”》和“C”及江府〔2017〕16号"
    assert protected_spans(text) == [(0, 6), (7, 10), (11, len(text))]


def test_seed_citations() -> None:
    raw = SEED.read_text(encoding="utf-8")
    found = [c for line in lawgov.clean_text(raw).splitlines() for c in find_citations(line)]
    numbered = [(c.title, str(c.document_number)) for c in found if c.document_number]
    assert numbered == [
        ("关于做好党组（党委）工作规则规范性报备的通知", "高新组通〔2019〕24号"),
        (
            "江门市人民政府关于印发〈江门市人民政府赋予各市（区）人民政府行使市级经济管理"
            "相关的行政审批和管理职权目录（第二批）〉的通知",
            "江府〔2017〕16号",
        ),
    ]
    assert len(found) == 17
    assert found[2].title == "在庆祝改革开放40周年大会上重要讲话和重要指示批示"


def _width_blind(title: str) -> str:
    # fixtures compare titles without width differences (raw ASCII parentheses vs cleaned)
    return title.replace("(", "（").replace(")", "）")


@pytest.mark.parametrize("name", REFERENCE)
def test_fixture_laws_and_document_numbers(name: str) -> None:
    text = lawgov.clean_text((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text("utf-8"))
    # the report's own 发文字号 in the disclosure block is metadata, not a citation
    body = [line for line in text.splitlines() if "发文字号" not in line]
    found = [c for line in body for c in find_citations(line)]
    titles = list(dict.fromkeys(_width_blind(c.title) for c in found if c.title is not None))
    assert titles == [_width_blind(title) for title in expected["laws"]]
    numbers = list(dict.fromkeys(c.document_number for c in found if c.document_number))
    assert numbers == [
        _docno(n["issuer_code"], n["year"], n["serial"]) for n in expected["document_numbers"]
    ]


@given(st.text())
def test_never_crash_and_only_valid_citations(text: str) -> None:
    for citation, start, end in find_citation_spans(text):
        assert tree_problems(citation) == []
        assert 0 <= start < end <= len(text)


_ALPHABET = st.sampled_from(
    list("《》〈〉<>（）()〔〕[]【】﹝﹞号第0123456789江府国办发根据的，、 \n")
)


@given(st.text(_ALPHABET, max_size=80))
def test_bracket_soup(text: str) -> None:
    for citation in find_citations(text):
        assert citation.title is None or citation.title.strip()
        assert citation.title is not None or citation.document_number is not None
        if citation.title is not None:
            assert "\n" not in citation.title


def test_linear_time_on_unclosed_titles() -> None:
    import time

    text = "《未闭合的标题" * 20_000 + "《A》（江府〔2017〕16号）"
    started = time.perf_counter()
    found = find_citations(text)
    assert time.perf_counter() - started < 2.0
    assert found[-1] == _cite("A", _docno("江府", 2017, 16))
