"""Decoding report text files: every encoding users meet is read, a wrong one is a clear error."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lawgov
from lawgov import ParseError
from lawgov._parse.encoding import decode_text, read_text

# A fictional report in the common style: headings, measures, figures, a citation, ASCII dates.
SIMPLIFIED = """\
溪桥区科技局2021年法治政府建设年度报告
文章来源：本网　更新时间：2022-03-08 10:20　浏览数：-
一、推进法治政府建设的主要举措和成效
（一）加强组织领导。一是落实第一责任人制度，全年召开专题会议4次；二是组织学习《中华人民共和国行政许可法》。
（二）深化放管服改革。全年办理审批事项1,250件，办结率100%，为企业减少费用约15.6万元。
二、存在的不足和下一步工作计划
执法人员培训仍需加强，我局将进一步规范行政执法行为，提升依法行政水平。
"""

# The same in traditional script, as some sites publish it (not in GB2312, but in Big5 level 1).
TRADITIONAL = """\
溪橋區科技局2021年法治政府建設年度報告
一、推進法治政府建設的主要舉措和成效
（一）加強組織領導。一是落實第一責任人制度，全年召開專題會議4次；二是組織學習行政許可法。
二、存在的不足和下一步工作計劃
執法人員培訓仍需加強，我局將進一步規範行政執法行為，提升依法行政水準。
"""


@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL], ids=["simplified", "traditional"])
@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("gb18030", b""),
        ("gbk", b""),
    ],
)
def test_detects_the_encoding(text: str, encoding: str, prefix: bytes) -> None:
    assert decode_text(prefix + text.encode(encoding)) == text


@pytest.mark.parametrize(
    ("encoding", "given_name"),
    [
        ("gbk", "gbk"),
        ("gb18030", "GB18030"),
        ("gbk", "cp936"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8"),
        ("big5", "big5"),
    ],
)
def test_an_explicit_encoding_is_used(encoding: str, given_name: str) -> None:
    text = TRADITIONAL if encoding == "big5" else SIMPLIFIED
    assert decode_text(text.encode(encoding), encoding=given_name) == text


@pytest.mark.parametrize(
    ("actual", "given_name"),
    [
        ("utf-8", "gbk"),  # decodes without a byte error, into mojibake: caught by plausibility
        ("utf-8", "gb18030"),
        ("utf-8", "utf-16-le"),
        ("utf-8", "big5"),
        ("gbk", "utf-8"),  # invalid UTF-8 bytes
        ("gbk", "utf-16-le"),
        ("utf-16-le", "gbk"),
        ("utf-16-le", "utf-8"),
        ("gb18030", "latin-1"),
    ],
)
def test_a_wrong_explicit_encoding_is_a_clear_error(actual: str, given_name: str) -> None:
    data = SIMPLIFIED.encode(actual)
    with pytest.raises(ParseError, match="encoding") as info:
        decode_text(data, encoding=given_name, source="r.txt")
    assert info.value.source == "r.txt"
    assert str(info.value).startswith("r.txt: ")


def test_undecodable_bytes_are_a_clear_error() -> None:
    # Not UTF-8, no NUL pattern of UTF-16, and 0xFF is never valid in GB18030.
    data = b"\xff\xfe\xfd" * 10 + SIMPLIFIED.encode("gbk")[1:]
    with pytest.raises(ParseError, match="not valid UTF-8, UTF-16 or GB18030"):
        decode_text(data[1:])


_UTF8 = SIMPLIFIED.encode("utf-8")


@pytest.mark.parametrize(
    "data",
    [
        _UTF8.rstrip()[:-1],  # cut off inside the last character
        _UTF8[:10] + b"\xff" + _UTF8[10:],  # a stray byte inside a character
        _UTF8[:100] + b"\x80" + _UTF8[100:300] + b"\xc3" + _UTF8[300:],
    ],
)
def test_utf8_with_a_few_bad_bytes_is_damaged_utf8(data: bytes) -> None:
    text = decode_text(data)
    assert text == data.decode("utf-8", errors="replace")
    assert 1 <= text.count("\ufffd") <= 8
    # Cleaning then removes the damage and reports it.
    result = lawgov.clean(text)
    assert "\ufffd" not in result.text
    assert result.damaged


def test_a_short_gbk_text_is_not_taken_for_damaged_utf8() -> None:
    assert decode_text("abc 中文 123".encode("gbk")) == "abc 中文 123"


def test_a_legacy_guess_that_is_not_chinese_is_refused() -> None:
    # Valid GB18030 byte pairs, but rare characters only: what a binary or a wrong file gives.
    rare = "".join(chr(c) for c in range(0x9F80, 0x9FA0)) * 3
    with pytest.raises(ParseError, match="not readable Chinese"):
        decode_text(rare.encode("gb18030"))


def test_unknown_encoding_name() -> None:
    with pytest.raises(ParseError, match="unknown encoding 'no-such-codec'"):
        decode_text(b"abc", encoding="no-such-codec")


def test_read_text_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(SIMPLIFIED.encode("gbk"))
    assert read_text(path) == SIMPLIFIED
    assert read_text(path, encoding="gbk") == SIMPLIFIED
    with pytest.raises(ParseError) as info:
        read_text(path, encoding="utf-8")
    assert info.value.source == str(path)


_PROSE = st.text(
    alphabet=st.sampled_from(
        list(
            "法治政府建设年度报告推进依法行政工作规范执法监督一二三四是，。；：（）《》、0123456789%"
        )
    ),
    min_size=1,
    max_size=300,
)


@given(text=_PROSE, encoding=st.sampled_from(["utf-8", "utf-16", "gb18030", "gbk"]))
def test_report_prose_round_trips_in_every_supported_encoding(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding)) == text


@given(data=st.binary(max_size=400))
def test_any_bytes_decode_or_raise_parse_error(data: bytes) -> None:
    try:
        result = decode_text(data)
    except ParseError:
        return
    assert isinstance(result, str)
