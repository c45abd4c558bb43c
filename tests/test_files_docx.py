"""Word attachments: each .docx twin reads as its text fixture; hostile packages are refused.

Twins are written here with python-docx (see ``file_fixtures.py``), with and without heading
styles, with headings Word numbers itself, a real table, a reviewer's comment and a page header
and footer; the rest are packages assembled part by part.
"""

from __future__ import annotations

import io
import socket
import time
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("docx")

import file_fixtures as ff
import lawgov
from file_fixtures import R_NAMESPACE, W_NAMESPACE, minimal_docx, paragraph_xml
from lawgov._parse import docx as _docx
from lawgov._parse.docx import docx_text

TABLE_FIXTURE = "h-district-market-table-2023"


@pytest.mark.parametrize("name", [*ff.TWINS, TABLE_FIXTURE])
@pytest.mark.parametrize(
    ("styles", "numbered"),
    [(False, False), (True, False), (True, True)],
    ids=["plain", "styled", "numbered"],
)
def test_a_docx_twin_parses_to_the_same_report_as_its_text(
    tmp_path: Path, name: str, styles: bool, numbered: bool
) -> None:
    text = ff.fixture_text(name)
    path = tmp_path / f"{name}.docx"
    path.write_bytes(ff.docx_twin(text, styles=styles, numbered=numbered))
    assert lawgov.diff(lawgov.parse_text(text), lawgov.parse_file(path)) == []


def test_the_numbered_twin_really_left_its_markers_to_word() -> None:
    text = ff.fixture_text(ff.TWINS[1])
    data = ff.docx_twin(text, styles=True, numbered=True)
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert "一、2022年度推进" not in document
    assert "一、2022年度推进" in docx_text(data)


def test_comments_headers_and_footers_are_not_body_text() -> None:
    text = ff.fixture_text(ff.TWINS[0])
    data = ff.docx_twin(text, styles=False, header="页眉文字", footer="页脚文字")
    assert "comments.xml" in " ".join(zipfile.ZipFile(io.BytesIO(data)).namelist())
    got = docx_text(data)
    assert "请核实数据" not in got
    assert "页眉文字" not in got
    assert "页脚文字" not in got


def test_a_table_row_reads_as_a_table_line_and_a_one_cell_row_as_its_paragraphs() -> None:
    body = (
        "<w:tbl>"
        "<w:tr><w:tc>"
        + paragraph_xml("索引号")
        + "</w:tc><w:tc>"
        + paragraph_xml("001/2024")
        + "</w:tc></w:tr>"
        "<w:tr><w:tc>"
        + paragraph_xml("第一段。")
        + paragraph_xml("第二段。")
        + "</w:tc><w:tc/></w:tr>"
        "</w:tbl>"
    )
    assert docx_text(minimal_docx(body)).splitlines() == [
        "| 索引号 | 001/2024 |",
        "第一段。",
        "第二段。",
    ]


def test_footnotes_deletions_and_field_codes_are_not_text_insertions_are() -> None:
    body = (
        "<w:p><w:r><w:t>依据条例</w:t></w:r>"
        '<w:r><w:footnoteReference w:id="1"/></w:r>'
        "<w:del><w:r><w:delText>删去的字</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>补入的字</w:t></w:r></w:ins>"
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        "<w:r><w:t>。</w:t></w:r></w:p>"
    )
    footnotes = (
        f'<w:footnotes xmlns:w="{W_NAMESPACE}"><w:footnote w:id="1">'
        f"{paragraph_xml('脚注文字')}</w:footnote></w:footnotes>"
    )
    data = minimal_docx(body, members={"word/footnotes.xml": footnotes.encode()})
    assert docx_text(data) == "依据条例补入的字。"


_STYLES = (
    f'<w:styles xmlns:w="{W_NAMESPACE}">'
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="BT2"><w:name w:val="标题 2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="My Heading"/>'
    '<w:basedOn w:val="1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="Custom"/>'
    '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/>'
    '<w:basedOn w:val="Loop"/></w:style>'
    "</w:styles>"
)


def test_heading_styles_give_their_levels_markers_when_the_text_has_none() -> None:
    body = "".join(
        [
            paragraph_xml("总体情况", style="1"),
            paragraph_xml("组织领导", style="BT2"),
            paragraph_xml("制度建设", style="Outline"),
            paragraph_xml("二、已有编号", style="Mine"),
            paragraph_xml("存在问题", style="Mine"),
            paragraph_xml("正文。", style="Loop"),
        ]
    )
    assert docx_text(minimal_docx(body, styles=_STYLES)).splitlines() == [
        "一、总体情况",
        "（一）组织领导",
        "（二）制度建设",
        "二、已有编号",
        "三、存在问题",
        "正文。",
    ]


_NUMBERING = (
    f'<w:numbering xmlns:w="{W_NAMESPACE}">'
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%3."/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl>'
    "</w:abstractNum>"
    '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>'
    "</w:numbering>"
)


def test_word_list_numbers_are_written_back_into_the_text() -> None:
    body = "".join(
        [
            paragraph_xml("总体情况", num=(5, 0)),
            paragraph_xml("组织领导", num=(5, 1)),
            paragraph_xml("落实制度。", num=(5, 2)),
            paragraph_xml("开展培训。", num=(5, 2)),
            paragraph_xml("规范执法", num=(5, 1)),
            paragraph_xml("要点", num=(5, 3)),
            paragraph_xml("存在问题", num=(5, 0)),
            paragraph_xml("未定义的列表", num=(9, 0)),
        ]
    )
    assert docx_text(minimal_docx(body, numbering=_NUMBERING)).splitlines() == [
        "一、总体情况",
        "（一）组织领导",
        "1.落实制度。",
        "2.开展培训。",
        "（二）规范执法",
        "要点",
        "二、存在问题",
        "未定义的列表",
    ]


# --- hostile packages -------------------------------------------------------------------------


def _zip(members: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _base_members() -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(minimal_docx(paragraph_xml("正文。"))))
    return {name: archive.read(name) for name in archive.namelist()}


def test_a_zip_bomb_is_refused_by_its_declared_size_before_inflating() -> None:
    members = _base_members()
    members["word/media/image1.png"] = b"\0" * (_docx.MAX_UNPACKED_BYTES + 1024)
    data = _zip(members)
    assert len(data) < 1_000_000
    started = time.perf_counter()
    with pytest.raises(lawgov.ParseError, match="zip bomb"):
        docx_text(data)
    assert time.perf_counter() - started < 2


def test_a_part_packed_too_tightly_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    members = _base_members()
    members["word/media/image1.png"] = b"\0" * (4 << 20)
    with pytest.raises(lawgov.ParseError, match=r"packs .* \(a zip bomb"):
        docx_text(_zip(members))


def test_too_many_members_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_docx, "MAX_MEMBERS", 10)
    members = _base_members()
    members.update({f"word/media/{n}.bin": b"x" for n in range(20)})
    with pytest.raises(lawgov.ParseError, match="over 10 members"):
        docx_text(_zip(members))


def test_a_member_whose_declared_size_lies_is_refused() -> None:
    # Halve word/document.xml's declared size in the central directory: the read stops short
    # and the checksum fails, which is an error, never a silent partial read.
    data = bytearray(minimal_docx(paragraph_xml("正文。" * 200)))
    size = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml").file_size
    entry = data.find(b"PK\x01\x02")
    while entry >= 0:
        name_length = int.from_bytes(data[entry + 28 : entry + 30], "little")
        if data[entry + 46 : entry + 46 + name_length] == b"word/document.xml":
            data[entry + 24 : entry + 28] = (size // 2).to_bytes(4, "little")
            break
        entry = data.find(b"PK\x01\x02", entry + 4)
    assert entry >= 0
    with pytest.raises(lawgov.ParseError, match="cannot unpack"):
        docx_text(bytes(data))


def test_external_relationships_are_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader opened a network connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId9" TargetMode="External" Target="http://127.0.0.1:9/x.png" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>'
        '<Relationship Id="rId8" TargetMode="External" Target="file:///etc/passwd" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"/>'
        "</Relationships>"
    )
    body = (
        paragraph_xml("正文。")
        + '<w:altChunk r:id="rId8"/>'
        + f'<w:p><w:r><w:drawing><a:blip xmlns:a="urn:a" r:embed="rId9" xmlns:r="{R_NAMESPACE}"/>'
        "</w:drawing></w:r></w:p>"
    )
    assert docx_text(minimal_docx(body, document_rels=rels)) == "正文。"


@pytest.mark.parametrize(
    "prologue",
    [
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x "正文">]>',
        '<?xml version="1.0"?><!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/evil.dtd">',
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    ],
)
def test_dtds_and_entities_inside_parts_are_refused(prologue: str) -> None:
    with pytest.raises(lawgov.ParseError, match=r"DTD|DOCTYPE|ENTITY"):
        docx_text(minimal_docx(paragraph_xml("正文。"), prologue=prologue))


def test_a_dtd_in_a_utf16_part_is_refused() -> None:
    document = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document [<!ENTITY x "y">]>'
        f'<w:document xmlns:w="{W_NAMESPACE}">'
        f"<w:body>{paragraph_xml('正文。')}</w:body></w:document>"
    ).encode("utf-16")
    members = _base_members()
    members["word/document.xml"] = document
    with pytest.raises(lawgov.ParseError, match=r"DOCTYPE|DTD"):
        docx_text(_zip(members))


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04" + b"\0" * 100,
        _zip({"word/document.xml": b"<not xml"}),
        _zip({"word/document.xml": b'<w:document xmlns:w="urn:x"/>'}),
        _zip({"[Content_Types].xml": b"<Types/>"}),
    ],
)
def test_damaged_packages_are_parse_errors(data: bytes) -> None:
    with pytest.raises(lawgov.ParseError):
        docx_text(data)
