"""PDF attachments: each PDF twin reads as its text fixture; scans, locks and bombs are refused.

The twins are generated here with reportlab (see ``file_fixtures.py``): wrapped paragraphs with
first-line indents, a centred title, running headers and footers, page numbers in every printed
style, headings that wrap, paragraphs that run over page breaks.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("pdfminer")
pytest.importorskip("reportlab")

import file_fixtures as ff
import lawgov
from lawgov._parse import pdf as _pdf
from lawgov._parse.pdf import PdfLine, drop_page_furniture, rejoin


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- twins --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "style"), list(zip(ff.TWINS, ff.PAGE_NUMBER_STYLES, strict=True)))
def test_a_pdf_twin_parses_to_the_same_report_as_its_text(
    tmp_path: Path, name: str, style: str
) -> None:
    text = ff.fixture_text(name)
    twin = ff.pdf_twin(text, page_numbers=style)
    assert twin.pages >= 2
    report = lawgov.parse_file(_write(tmp_path, f"{name}.pdf", twin.data))
    assert lawgov.diff(lawgov.parse_text(text), report) == []


def test_the_twins_wrap_headings_and_split_paragraphs_over_pages() -> None:
    # What the equality above proves is only as strong as the layouts it ran on.
    twins = [ff.pdf_twin(ff.fixture_text(name)) for name in ff.TWINS]
    assert sum(twin.wrapped_headings for twin in twins) >= 4
    assert sum(twin.split_paragraphs for twin in twins) >= 4


def test_the_rejoined_text_is_the_fixtures_lines() -> None:
    text = ff.fixture_text(ff.TWINS[1])
    got = _pdf.pdf_text(ff.pdf_twin(text, page_numbers="bare").data)
    assert got.splitlines() == [line.strip() for line in text.splitlines() if line.strip()]


def test_without_running_header_or_footer_or_numbers_nothing_is_lost() -> None:
    text = ff.fixture_text(ff.TWINS[2])
    twin = ff.pdf_twin(text, page_numbers="none", running_header=None, running_footer=None)
    assert lawgov.diff(lawgov.parse_text(text), lawgov.parse_text(_pdf.pdf_text(twin.data))) == []


def test_parse_file_result_keeps_the_rejoined_text(tmp_path: Path) -> None:
    text = ff.fixture_text(ff.TWINS[0])
    path = _write(tmp_path, "r.pdf", ff.pdf_twin(text).data)
    result = lawgov.parse_file_result(path, url="https://example.org/r.pdf")
    assert result.report.url == "https://example.org/r.pdf"
    assert "- 1 -" not in result.text
    assert "法治政府建设年度报告\n" not in result.text.split("\n", 1)[0]
    assert result.report == lawgov.parse_text(text, url="https://example.org/r.pdf")


# --- rejoining rules, on lines laid out by hand -------------------------------------------------


def _line(
    text: str, y: float, *, x0: float = 50, page: int = 0, width: float | None = None
) -> PdfLine:
    x1 = x0 + (12 * len(text) if width is None else width)
    return PdfLine(page, text, x0, x1, y + 12, y)


def test_geometry_a_full_line_continues_an_indented_line_starts_a_short_line_ends() -> None:
    lines = [
        _line("一、总体情况", 700, x0=74),
        _line("全年办理行政许可事项386件，按时办", 680, x0=74, width=300),
        _line("结率100%。一是推行告知承诺制；二是", 660, width=324),
        _line("实现“一网通办”。", 640),
        _line("二、存在问题", 620, x0=74),
    ]
    assert rejoin(lines) == [
        "一、总体情况",
        "全年办理行政许可事项386件，按时办结率100%。一是推行告知承诺制；二是实现“一网通办”。",
        "二、存在问题",
    ]


def test_a_paragraph_runs_over_a_page_break() -> None:
    lines = [
        _line("首段起头", 120, x0=74, width=300),
        _line("上一页末行写满了到右边", 100, width=324),
        _line("下一页接着写。", 700, page=1),
        _line("新段落。", 680, x0=74, page=1),
    ]
    assert rejoin(lines) == ["首段起头上一页末行写满了到右边下一页接着写。", "新段落。"]


def test_without_indents_the_text_conventions_decide() -> None:
    # Every line at the margin: a line ending a sentence, or followed by a heading or an
    # enumeration, ends its paragraph; a full line ending mid-sentence carries on.
    full = 324.0
    lines = [
        _line("全年召开党组会议研究法治工作", 700, width=full),
        _line("四次，组织学法六次。", 680, width=full),
        _line("一是调整充实法治建设领导小", 660, width=full),
        _line("组", 640, width=full),
        _line("二是制定年度工作要点", 620, width=full),
        _line("（一）依法全面履行职能", 600, width=full),
    ]
    assert rejoin(lines) == [
        "全年召开党组会议研究法治工作四次，组织学法六次。",
        "一是调整充实法治建设领导小组",
        "二是制定年度工作要点",
        "（一）依法全面履行职能",
    ]


def test_a_wider_gap_separates_blocks() -> None:
    lines = [_line("写满一整行的文字写满一整行的文字", 700 - 20 * n, width=324) for n in range(4)]
    lines.append(_line("隔了一行的落款单位写满一整行的字", 600, width=324))
    assert len(rejoin(lines)) == 2


def test_a_title_in_larger_type_printed_over_two_lines_is_one_line() -> None:
    title = [
        PdfLine(0, "某县农业农村局2022年度", 120, 300, 716, 700),
        PdfLine(0, "法治政府建设情况报告", 130, 290, 692, 676),
    ]
    body = [_line("正文写满一整行的文字正文写满一整行", 650 - 20 * n, width=324) for n in range(3)]
    assert rejoin([*title, *body])[0] == "某县农业农村局2022年度法治政府建设情况报告"


def test_a_space_is_kept_where_the_layout_printed_one_and_never_invented() -> None:
    lines = [
        _line("发布时间：2024-02-27 11:20　来源：某局", 700, width=324),
        _line("　浏览次数：-", 680),
        _line("《法治政府建设实施纲要（20", 660, x0=74, width=300),
        _line("21—2025年）》", 640),
    ]
    assert rejoin(lines) == [
        "发布时间：2024-02-27 11:20　来源：某局　浏览次数：-",
        "《法治政府建设实施纲要（2021—2025年）》",
    ]


@pytest.mark.parametrize(
    "number",
    [
        "- 3 -",
        "— 3 —",
        "－3－",
        "第3页 共12页",
        "第 3 页",
        "共12页 第3页",
        "3/12",
        "3",
        "Page 3 of 12",
    ],
)
def test_page_numbers_at_a_page_edge_are_dropped(number: str) -> None:
    pages = [
        [_line("正文第一行。", 700, page=p), _line("正文第二行。", 680, page=p)] for p in range(3)
    ]
    lines = [*pages[0], _line(number, 40, page=0), *pages[1], *pages[2]]
    assert [line.text for line in drop_page_furniture(lines)].count(number) == 0


def test_running_headers_go_but_a_repeated_phrase_in_the_body_stays() -> None:
    lines: list[PdfLine] = []
    for page in range(3):
        lines += [
            _line("某县人民政府文件", 780, page=page),
            _line(f"第{page}段开头。", 700, page=page),
            _line("一是加强组织领导。", 680, page=page),  # repeated, but mid-page
            _line(f"第{page}段中间。", 660, page=page),
            _line(f"第{page}段结尾。", 640, page=page),
            _line(f"内部资料 第{page + 1}页", 40, page=page),
        ]
    kept = [line.text for line in drop_page_furniture(lines)]
    assert "某县人民政府文件" not in kept
    assert not any(text.startswith("内部资料") for text in kept)
    assert kept.count("一是加强组织领导。") == 3


# --- refusals -------------------------------------------------------------------------------


def test_a_scanned_pdf_is_refused_as_needing_ocr(tmp_path: Path) -> None:
    path = _write(tmp_path, "scan.pdf", ff.scanned_pdf())
    with pytest.raises(lawgov.ParseError, match=r"scan.*OCR") as caught:
        lawgov.parse_file(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_an_encrypted_pdf_is_refused(tmp_path: Path, algorithm: str) -> None:
    data = ff.encrypted_pdf(ff.fixture_text(ff.TWINS[0]), algorithm=algorithm)
    path = _write(tmp_path, "locked.pdf", data)
    with pytest.raises(lawgov.ParseError, match="encrypted") as caught:
        lawgov.parse_file(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_the_empty_password_opens_is_read(tmp_path: Path, algorithm: str) -> None:
    # Owner-password-only PDFs (printing or copying restricted) are common among attachments.
    text = ff.fixture_text(ff.TWINS[0])
    path = _write(tmp_path, "r.pdf", ff.encrypted_pdf(text, user_password="", algorithm=algorithm))
    assert lawgov.diff(lawgov.parse_text(text), lawgov.parse_file(path)) == []


def test_glyphs_the_fonts_cannot_map_are_refused_never_mojibake() -> None:
    with pytest.raises(lawgov.ParseError, match=r"\(cid:NN\)"):
        _pdf.pdf_text(ff.garbled_font_pdf(ff.fixture_text(ff.TWINS[0])))


# --- hostile files: bounded, always a LawgovError ----------------------------------------------


def _raw_pdf(*objects: bytes) -> bytes:
    """A PDF of numbered objects (1 = catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _one_page(content: bytes, *, compressed: bool = False) -> bytes:
    stream_dict = b"<< /Length %d%s >>" % (
        len(content),
        b" /Filter /FlateDecode" if compressed else b"",
    )
    return _raw_pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        stream_dict + b"\nstream\n" + content + b"\nendstream",
    )


def _bomb(size: int) -> bytes:
    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    return b"".join(packer.compress(chunk) for _ in range(size >> 20)) + packer.flush()


def test_a_compressed_stream_bomb_is_refused_quickly_within_the_default_limit() -> None:
    data = _one_page(_bomb(_pdf.MAX_DECOMPRESSED_BYTES + (16 << 20)), compressed=True)
    assert len(data) < 1_000_000
    started = time.perf_counter()
    with pytest.raises(lawgov.ParseError, match="bomb"):
        _pdf.pdf_text(data)
    assert time.perf_counter() - started < 10


def test_many_small_bombs_count_together(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_pdf, "MAX_DECOMPRESSED_BYTES", 4 << 20)
    streams = [b"<< /Length 9 >>\nstream\n" + _bomb(1 << 20) + b"\nendstream" for _ in range(6)]
    data = _raw_pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>", *streams
    )
    with pytest.raises(lawgov.ParseError, match="inflate beyond"):
        _pdf.pdf_text(data)


def test_a_stream_whose_length_lies_is_still_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    # /Length says 9 bytes; the count runs to the end of the compressed data all the same.
    monkeypatch.setattr(_pdf, "MAX_DECOMPRESSED_BYTES", 4 << 20)
    stream = b"<< /Length 9 /Filter /FlateDecode >>\nstream\n" + _bomb(8 << 20) + b"\nendstream"
    data = _raw_pdf(
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>", stream
    )
    with pytest.raises(lawgov.ParseError, match="inflate beyond"):
        _pdf.pdf_text(data)


def test_deep_nesting_is_a_parse_error_in_bounded_time() -> None:
    depth = 200_000
    nested = b"[" * depth + b"]" * depth
    for data in (
        _one_page(b"BT /F1 12 Tf " + nested + b" TJ ET"),
        _raw_pdf(
            b"<< /Type /Catalog /Pages 2 0 R /Deep " + nested + b" >>",
            b"<< /Type /Pages /Kids [] /Count 0 >>",
        ),
        _raw_pdf(b"<< /Type /Catalog /Pages 2 0 R >>", b"<< " * 50_000 + b">>" * 50_000),
    ):
        started = time.perf_counter()
        with pytest.raises(lawgov.LawgovError):
            _pdf.pdf_text(data)
        assert time.perf_counter() - started < 20


def test_too_many_pages_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_pdf, "MAX_PAGES", 2)
    twin = ff.pdf_twin(ff.fixture_text(ff.TWINS[0]))
    assert twin.pages > 2
    with pytest.raises(lawgov.ParseError, match="over 2 pages"):
        _pdf.pdf_text(twin.data)


def test_too_many_characters_are_refused_while_extracting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_pdf, "MAX_CHARACTERS", 300)
    with pytest.raises(lawgov.ParseError, match="over 300 characters"):
        _pdf.pdf_text(ff.pdf_twin(ff.fixture_text(ff.TWINS[0])).data)


def test_too_many_characters_on_one_page_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_pdf, "MAX_PAGE_CHARACTERS", 100)
    with pytest.raises(lawgov.ParseError, match="a page of the PDF holds over 100"):
        _pdf.pdf_text(ff.pdf_twin(ff.fixture_text(ff.TWINS[0])).data)


_TOKENS = [b"stream\n", b"/LZWDecode stream\n", b"stream\nx\x9c"]


@pytest.mark.parametrize("token", _TOKENS)
def test_a_file_of_stream_keywords_is_refused_in_bounded_time(token: bytes) -> None:
    data = b"%PDF-1.4\n" + token * (1_000_000 // len(token))
    started = time.perf_counter()
    with pytest.raises(lawgov.ParseError):
        _pdf.pdf_text(data)
    assert time.perf_counter() - started < 30


@pytest.mark.parametrize("token", _TOKENS)
def test_scanning_stream_keywords_grows_linearly(
    token: bytes, growth: Callable[..., float]
) -> None:
    # Each keyword starts a scan; none may cost more than the bytes it reads.
    def run(count: int) -> None:
        _pdf.check_streams(b"%PDF-1.4\n" + token * count, _pdf._Limits(None))

    assert growth(run, 10_000, 80_000) < 20


def test_the_time_limit_is_enforced_while_extracting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_pdf, "MAX_SECONDS", -1.0)
    with pytest.raises(lawgov.ParseError, match="took over"):
        _pdf.pdf_text(ff.pdf_twin(ff.fixture_text(ff.TWINS[0])).data)


def test_an_oversized_pdf_is_refused_before_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_pdf, "MAX_INPUT_BYTES", 1000)
    with pytest.raises(lawgov.ParseError, match="exceeds 1000 bytes"):
        _pdf.pdf_text(ff.pdf_twin(ff.fixture_text(ff.TWINS[0])).data)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n",
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF",
        b"%PDF-" + bytes(range(256)) * 20,
    ],
)
def test_damaged_pdfs_are_parse_errors(data: bytes) -> None:
    with pytest.raises(lawgov.ParseError):
        _pdf.pdf_text(data)


def test_a_truncated_twin_gives_text_or_a_parse_error() -> None:
    data = ff.pdf_twin(ff.fixture_text(ff.TWINS[1])).data
    outcomes: list[str] = []
    for cut in [*range(0, len(data), max(1, len(data) // 25)), len(data)]:
        try:
            outcomes.append("text" if _pdf.pdf_text(data[:cut]) else "empty")
        except lawgov.ParseError:
            outcomes.append("error")
    assert outcomes[0] == "error"
    assert outcomes[-1] == "text"
