"""Document numbers (发文字号): bracket variants, the issuer-code boundary, and lookalikes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawgov import DocumentNumber, ValidationError
from lawgov._parse.citations import find_document_numbers


def _docno(code: str, year: int | None, serial: int) -> DocumentNumber:
    return DocumentNumber(issuer_code=code, year=year, serial=serial)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("江府〔2017〕16号", _docno("江府", 2017, 16)),
        ("江府﹝2017﹞16号", _docno("江府", 2017, 16)),
        ("江府(2017)16号", _docno("江府", 2017, 16)),
        ("江府（2017）16号", _docno("江府", 2017, 16)),
        ("江府[2017]16号", _docno("江府", 2017, 16)),
        ("江府［2017］16号", _docno("江府", 2017, 16)),
        ("江府【2017】16号", _docno("江府", 2017, 16)),
        ("江府 〔2017〕 16 号", _docno("江府", 2017, 16)),
        ("江府〔2017〕第16号", _docno("江府", 2017, 16)),
        ("江府〔2017〕016号", _docno("江府", 2017, 16)),
        ("江府〔〕33号", _docno("江府", None, 33)),
        ("津政办发〔2020〕5号", _docno("津政办发", 2020, 5)),
        ("国办发〔2019〕5号", _docno("国办发", 2019, 5)),
        ("厅字〔2019〕28号", _docno("厅字", 2019, 28)),
        ("岚法办发(2020)4号", _docno("岚法办发", 2020, 4)),
    ],
)
def test_variants(text: str, expected: DocumentNumber) -> None:
    ((number, start, end),) = find_document_numbers(text)
    assert number == expected
    assert (start, end) == (0, len(text))
    assert DocumentNumber.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "code", "printed"),
    [
        # the code starts after a delimiter
        ("（江府〔2017〕16号）", "江府", "江府〔2017〕16号"),
        ("，江府〔2017〕16号，", "江府", "江府〔2017〕16号"),
        ("2021年江府〔2017〕16号", "江府", "江府〔2017〕16号"),
        # or after a lead word
        ("根据江府〔2017〕16号", "江府", "江府〔2017〕16号"),
        ("按照国办发〔2019〕5号要求", "国办发", "国办发〔2019〕5号"),
        ("依据粤府〔2020〕3号", "粤府", "粤府〔2020〕3号"),
        ("市政府印发粤府办〔2020〕3号", "粤府办", "粤府办〔2020〕3号"),
        ("转发国办发〔2019〕5号", "国办发", "国办发〔2019〕5号"),
        ("认真执行厅字〔2019〕28号", "厅字", "厅字〔2019〕28号"),
        ("贯彻落实中发〔2021〕10号", "中发", "中发〔2021〕10号"),
        # or after a particle that never occurs in a code
        ("市政府办公室印发的粤府办〔2020〕3号", "粤府办", "粤府办〔2020〕3号"),
        ("江府〔2017〕16号和江府〔2018〕2号", "江府", "江府〔2018〕2号"),
        ("省经信委和粤经信〔2019〕7号", "粤经信", "粤经信〔2019〕7号"),
        # or after the issuing body's name when the run is too long to be a code
        ("国务院办公厅国办发〔2019〕5号", "国办发", "国办发〔2019〕5号"),
        ("江门市人民政府办公室江府办〔2020〕3号", "江府办", "江府办〔2020〕3号"),
        # a body name inside a short run is never part of the code
        ("根据省政府粤府函〔2020〕12号", "粤府函", "粤府函〔2020〕12号"),
        ("市委市政府江委发〔2021〕12号", "江委发", "江委发〔2021〕12号"),
        ("市政府办公室江府办〔2020〕12号", "江府办", "江府办〔2020〕12号"),
        # more verbs that introduce a document
        ("修订区府〔2021〕1号", "区府", "区府〔2021〕1号"),
        ("清理江府规〔2019〕2号", "江府规", "江府规〔2019〕2号"),
        ("报送岚府报〔2021〕3号", "岚府报", "岚府报〔2021〕3号"),
        ("废止岚府〔2015〕8号", "岚府", "岚府〔2015〕8号"),
        ("下达岚财预〔2023〕5号", "岚财预", "岚财预〔2023〕5号"),
        ("认真落实好岚府发〔2021〕12号", "岚府发", "岚府发〔2021〕12号"),
        ("会同岚司发〔2021〕12号", "岚司发", "岚司发〔2021〕12号"),
    ],
)
def test_issuer_code_boundary(text: str, code: str, printed: str) -> None:
    number, start, end = find_document_numbers(text)[-1]
    assert number.issuer_code == code
    assert text[start:end] == printed


@pytest.mark.parametrize(
    "text",
    [
        "国务院令第711号",
        "公告2026年第25号",
        "2021年第3号",
        "（2021—2025年）",
        "〔2017〕16号",  # no issuer code
        "根据〔2017〕16号",
        "江府〔2017〕0号",  # serial 0
        "江府〔1234〕5号",  # no document carries that year
        "江府〔17〕16号",  # a two-digit year is not GB/T 9704
        "第（一）号",
        "区人民政府办公室行政审批服务科〔2017〕16号",  # a code longer than eight characters
    ],
)
def test_not_document_numbers(text: str) -> None:
    assert find_document_numbers(text) == []


def test_several_in_order() -> None:
    text = "柘委发〔2021〕11号、宁政发〔2022〕3号及岚司发[2021]3号"
    assert [str(n) for n, _, _ in find_document_numbers(text)] == [
        "柘委发〔2021〕11号",
        "宁政发〔2022〕3号",
        "岚司发〔2021〕3号",
    ]


@pytest.mark.parametrize("text", ["江府2017号", "", "江府〔2017〕号", "abc〔2017〕1号"])
def test_parse_refuses(text: str) -> None:
    with pytest.raises(ValidationError):
        DocumentNumber.parse(text)


_CODE_CHARS = "江府政办发委粤津国厅字中高新组通岚法司柘宁"
_BRACKETS = [
    ("〔", "〕"),
    ("﹝", "﹞"),
    ("(", ")"),
    ("（", "）"),
    ("[", "]"),
    ("［", "］"),
    ("【", "】"),
]


@given(
    # Codes abbreviate their body (府, 办), never spell 政府 out: a spelled-out body name before
    # the bracket is read as the issuer printed before its code (省政府粤府函〔…〕 → 粤府函).
    code=st.text(st.sampled_from(_CODE_CHARS), min_size=1, max_size=6).filter(
        lambda code: "政府" not in code
    ),
    year=st.one_of(st.none(), st.integers(min_value=1949, max_value=2025)),
    serial=st.integers(min_value=1, max_value=999_999),
    brackets=st.sampled_from(_BRACKETS),
    lead=st.sampled_from(["", "根据", "按照", "，", "（", "印发的", " "]),
)
def test_found_in_running_text(
    code: str, year: int | None, serial: int, brackets: tuple[str, str], lead: str
) -> None:
    printed = f"{code}{brackets[0]}{'' if year is None else year}{brackets[1]}{serial}号"
    text = f"{lead}{printed}要求"
    ((number, start, end),) = find_document_numbers(text)
    assert number == _docno(code, year, serial)
    assert text[start:end] == printed
    assert DocumentNumber.parse(str(number)) == number


@given(st.text())
def test_never_crash(text: str) -> None:
    for number, start, end in find_document_numbers(text):
        assert isinstance(number, DocumentNumber)
        assert text[start:end].endswith("号")


def test_linear_time_on_many_numbers(growth: Callable[..., float]) -> None:
    # eight times the text: about 8 times as long when linear (more with allocation), 64 when
    # quadratic
    ratio = growth(lambda n: find_document_numbers("根据江府〔2017〕16号，" * n), 200, 1600)
    assert ratio < 32


def test_long_space_runs_stay_linear() -> None:
    import time

    started = time.perf_counter()
    for text in ("江府〔" + " " * 50_000 + "x", "江府〔2017〕" + " " * 50_000 + "x", " " * 50_000):
        assert find_document_numbers(text) == []
    assert time.perf_counter() - started < 1.0


def test_full_width_digits_and_ideographic_spaces() -> None:
    ((number, _, _),) = find_document_numbers("根据江府〔２０１７〕\u3000１６号")
    assert number == _docno("江府", 2017, 16)
