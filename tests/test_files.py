"""``parse_file`` and ``lawgov parse`` on report files: the reader picked by content, then suffix.

Text, PDF and Word files give the report their text gives; old .doc, .wps, .ofd and RTF files
are refused with what to do; HTML goes to the HTML reader when the build has one; every error
names the file, and no bytes at all give anything but a report or a LawgovError.
"""

from __future__ import annotations

import html
import io
import re
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

import file_fixtures as ff
import lawgov
import lawgov._parse
from lawgov._parse import file as _files
from lawgov.cli import cli

pytest.importorskip("pdfminer")
pytest.importorskip("reportlab")
pytest.importorskip("docx")

NAME = ff.TWINS[0]
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def text() -> str:
    return ff.fixture_text(NAME)


@pytest.fixture(scope="module")
def pdf(text: str) -> bytes:
    return ff.pdf_twin(text).data


@pytest.fixture(scope="module")
def docx(text: str) -> bytes:
    return ff.docx_twin(text, styles=True)


@pytest.fixture(scope="module")
def twins(pdf: bytes, docx: bytes) -> dict[str, bytes]:
    return {"pdf": pdf, "docx": docx}


# --- text files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_a_text_file_in_any_encoding_reads_as_the_cli_reads_it(
    tmp_path: Path, text: str, encoding: str
) -> None:
    path = _write(tmp_path, "r.txt", text.encode(encoding))
    assert lawgov.parse_file(path) == lawgov.parse_text(text)


def test_a_given_encoding_and_url_are_used(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, "r.txt", text.encode("gbk"))
    report = lawgov.parse_file(path, encoding="gbk", url="https://example.org/r")
    assert report == lawgov.parse_text(text, url="https://example.org/r")


def test_parse_bytes_reads_what_parse_file_reads(tmp_path: Path, text: str) -> None:
    data = text.encode("gb18030")
    path = _write(tmp_path, "r.txt", data)
    assert lawgov.parse_bytes(data, source="r.txt", suffix=".txt") == lawgov.parse_file(path)
    result = lawgov.parse_bytes_result(data, source="r.txt")
    assert result.report == lawgov.parse_file_result(path).report


@pytest.mark.parametrize("data", ["text, not bytes", None, 12])
def test_parse_bytes_refuses_what_is_not_bytes(data: object) -> None:
    for reader in (lawgov.parse_bytes, lawgov.parse_bytes_result):
        with pytest.raises(lawgov.ParseError, match="expected bytes") as info:
            reader(data, source="x")  # type: ignore[operator]
        assert info.value.source == "x"


def test_parse_bytes_refuses_a_suffix_that_is_not_a_string() -> None:
    with pytest.raises(lawgov.ParseError, match="suffix"):
        lawgov.parse_bytes(b"text", suffix=None)  # type: ignore[arg-type]


def test_parse_bytes_refuses_more_than_the_input_limit() -> None:
    too_big = b" " * (lawgov._formats.json.MAX_INPUT_BYTES + 1)
    with pytest.raises(lawgov.ParseError, match="exceeds"):
        lawgov.parse_bytes(too_big, source="big.txt")


def test_parse_file_result_is_parse_on_the_files_text(tmp_path: Path, text: str) -> None:
    result = lawgov.parse_file_result(_write(tmp_path, "r.txt", text.encode()))
    expected = lawgov.parse(text)
    assert (result.report, result.text, result.warnings) == (
        expected.report,
        expected.text,
        expected.warnings,
    )


# --- content first, suffix second -------------------------------------------------------------


def test_the_content_decides_over_the_suffix(
    tmp_path: Path, text: str, pdf: bytes, docx: bytes
) -> None:
    expected = lawgov.parse_text(text)
    assert lawgov.parse_file(_write(tmp_path, "really-a-pdf.txt", pdf)) == expected
    assert lawgov.parse_file(_write(tmp_path, "download.bin", docx)) == expected
    assert lawgov.parse_file(_write(tmp_path, "no-suffix", pdf)) == expected


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("old.doc", OLE2 + b"\0" * 600, r"old Word document \(\.doc\).*soffice --headless"),
        ("old.wps", OLE2 + b"\0" * 600, r"WPS file \(\.wps\).*soffice --headless"),
        ("mislabelled.docx", OLE2 + b"\0" * 600, r"old Word document"),
        ("form.ofd", b"", r"OFD document.*PDF"),
        ("letter.rtf", b"{\\rtf1\\ansi hello}", r"RTF.*soffice"),
        ("bundle.zip", b"", r"zip archive that is not a Word"),
        ("fake.pdf", "不是PDF文件的正文。".encode(), r"named \.pdf but not a PDF"),
        ("fake.docx", "不是Word文件的正文。".encode(), r"named \.docx but not a Word"),
        ("other.wps", bytes(range(256)) * 4, r"named \.wps but neither that format nor"),
    ],
)
def test_formats_lawgov_does_not_read_are_refused_with_what_to_do(
    tmp_path: Path, name: str, data: bytes, says: str
) -> None:
    if name.endswith(".ofd"):
        data = _zip({"OFD.xml": b"<ofd:OFD/>", "Doc_0/Document.xml": b"<x/>"})
    elif name.endswith(".zip"):
        data = _zip({"readme.txt": b"hello"})
    path = _write(tmp_path, name, data)
    with pytest.raises(lawgov.ParseError, match=says) as caught:
        lawgov.parse_file(path)
    assert str(caught.value).startswith(f"{path}: ")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_text_file_named_doc_is_read_as_text(tmp_path: Path, text: str) -> None:
    path = _write(tmp_path, "renamed.doc", text.encode("gb18030"))
    assert lawgov.parse_file(path) == lawgov.parse_text(text)


def test_a_missing_pdf_extra_says_which_extra_to_install(
    tmp_path: Path, pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As if pdfminer.six were not installed: importing it (and so lawgov._parse.pdf) fails.
    for module in [name for name in sys.modules if name.split(".")[0] == "pdfminer"]:
        monkeypatch.setitem(sys.modules, module, None)
    monkeypatch.delitem(sys.modules, "lawgov._parse.pdf", raising=False)
    monkeypatch.delattr(lawgov._parse, "pdf", raising=False)
    path = _write(tmp_path, "r.pdf", pdf)
    with pytest.raises(lawgov.ParseError, match=r"pip install 'lawgov\[pdf\]'") as caught:
        lawgov.parse_file(path)
    assert str(path) in str(caught.value)


# --- HTML: one dispatch point -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.shtml", "page.txt"])
def test_html_goes_to_the_html_reader(tmp_path: Path, name: str, text: str) -> None:
    # Content first: a page named .txt is still a page; its structure gives the title.
    lines = "\n".join(f"<p>{line}</p>" for line in text.splitlines())
    page = f"<!DOCTYPE html><html><body>\n{lines}\n</body></html>".encode()
    path = _write(tmp_path, name, page)
    expected = lawgov.parse_html(page, source=str(path), url="https://example.org/p")
    report = lawgov.parse_file(path, url="https://example.org/p")
    assert report == expected
    assert report.url == "https://example.org/p"
    assert report.title == lawgov.parse_text(text).title


def test_text_that_merely_contains_markup_is_text(tmp_path: Path) -> None:
    assert _files.kind_of(b"<p>\xe6\xad\xa3\xe6\x96\x87</p>", ".txt") == "text"
    assert _files.kind_of(b"\xef\xbb\xbf  <!-- x --><html>", "") == "html"
    assert _files.kind_of("<!DOCTYPE html>".encode("utf-16"), "") == "html"


# --- any bytes ----------------------------------------------------------------------------------


def _outcome(tmp_path: Path, name: str, data: bytes) -> tuple[Path, object]:
    path = _write(tmp_path, name, data)
    try:
        return path, lawgov.parse_file(path)
    except lawgov.LawgovError as error:
        return path, error


def _is_report_or_error_naming(path: Path, result: object) -> bool:
    if isinstance(result, lawgov.LawgovError):
        return str(path) in str(result)
    return isinstance(result, lawgov.Report)


@settings(max_examples=40)
@given(data=st.binary(max_size=2048), suffix=st.sampled_from([".txt", ".pdf", ".docx", ".doc", ""]))
def test_any_bytes_give_a_report_or_a_lawgov_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    assert _is_report_or_error_naming(*_outcome(tmp_path_factory.mktemp("any"), f"f{suffix}", data))


@settings(max_examples=25)
@given(
    which=st.sampled_from(["pdf", "docx"]),
    edits=st.lists(
        st.tuples(st.integers(min_value=0), st.binary(min_size=1, max_size=8)), max_size=6
    ),
    cut=st.integers(min_value=0),
)
def test_mutated_pdf_and_word_files_give_a_report_or_a_lawgov_error(
    tmp_path_factory: pytest.TempPathFactory,
    twins: dict[str, bytes],
    which: str,
    edits: list[tuple[int, bytes]],
    cut: int,
) -> None:
    data = bytearray(twins[which])
    for offset, patch in edits:
        at = offset % len(data)
        data[at : at + len(patch)] = patch
    if cut % 3 == 0:
        del data[cut % len(data) :]
    folder = tmp_path_factory.mktemp("mutated")
    assert _is_report_or_error_naming(*_outcome(folder, f"f.{which}", bytes(data)))


# --- the command line ------------------------------------------------------------------------


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def _page_twin(text: str) -> bytes:
    """The text as a GBK page of a government site: chrome and a byline around an article.

    The lines above the title (breadcrumb, byline, widgets, salutation) are the page's chrome;
    the byline stays, as a byline, and the article holds the title and the body.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if re.search(r"\d{4}年.*法治.*报告$", line))
    byline = next((line for line in lines[:start] if "发布时间" in line), "")
    article = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[start:])
    return (
        '<!DOCTYPE html><html><head><meta charset="gbk"><title>政务公开</title></head><body>'
        '<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>'
        f'<div class="info">{html.escape(byline)}</div>'
        f'<div class="TRS_Editor">{article}</div>'
        '<div class="footer">主办单位：栖霞市人民政府办公室</div></body></html>'
    ).encode("gbk")


def test_lawgov_parse_turns_a_mixed_folder_into_reports_equal_to_their_text_twins(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "attachments"
    (folder / "word").mkdir(parents=True)
    for index, name in enumerate(ff.TWINS[:3]):
        text = ff.fixture_text(name)
        _write(folder, f"{name}.txt", text.encode("gb18030"))
        _write(
            folder,
            f"{name}-pdf.pdf",
            ff.pdf_twin(text, page_numbers=ff.PAGE_NUMBER_STYLES[index]).data,
        )
        _write(folder / "word", f"{name}-docx.docx", ff.docx_twin(text, styles=index % 2 == 0))
        _write(folder, f"{name}-page.html", _page_twin(text))
    _write(folder, "old.doc", OLE2 + b"\0" * 600)
    _write(folder, "scan.pdf", ff.scanned_pdf())
    result = run("parse", folder, "-o", tmp_path / "out", "-j", "1")
    assert result.exit_code == 1
    assert "old.doc: an old Word document (.doc)" in result.output
    assert "scan.pdf: the PDF is a scan" in result.output
    assert "parsed 12, failed 2" in result.output
    for name in ff.TWINS[:3]:
        expected = lawgov.read(tmp_path / "out" / f"{name}.json")
        assert lawgov.read(tmp_path / "out" / f"{name}-pdf.json") == expected
        assert lawgov.read(tmp_path / "out" / "word" / f"{name}-docx.json") == expected
        assert lawgov.read(tmp_path / "out" / f"{name}-page.json") == expected
        assert expected == lawgov.parse_text(ff.fixture_text(name))


def test_lawgov_parse_reads_one_pdf_to_stdout(tmp_path: Path, text: str, pdf: bytes) -> None:
    result = run("parse", _write(tmp_path, "r.pdf", pdf))
    assert result.exit_code == 0
    assert lawgov.from_json(result.stdout) == lawgov.parse_text(text)


def test_the_file_benchmark_runs_quickly_for_ci() -> None:
    import subprocess

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_files.py"
    out = subprocess.run(
        [sys.executable, str(script), "--quick"], capture_output=True, text=True, check=True
    )
    rows = {line.split()[0] for line in out.stdout.splitlines()[2:]}
    assert rows == {"txt", "pdf", "docx"}
