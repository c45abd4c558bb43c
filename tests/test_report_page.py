"""lawgov.report_html and ``lawgov show --html``: escaping, marks, warnings, provenance, no
network, and the sample page rendered in headless Chromium (skipped only when it is absent)."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import lawgov
import lawgov.samples
from lawgov.cli import cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def result() -> lawgov.ParseResult:
    return lawgov.parse(lawgov.samples.text("jianghai-kjj-2020"))


@pytest.fixture(scope="module")
def page(result: lawgov.ParseResult) -> str:
    return lawgov.report_html(result)


def test_every_metric_citation_and_power_is_in_the_tree_and_marked_in_the_text(
    result: lawgov.ParseResult, page: str
) -> None:
    report = result.report
    facts = (
        sum(1 for _ in report.iter_metrics())
        + sum(1 for _ in report.iter_citations())
        + sum(1 for _ in report.iter_delegated_powers())
        + sum(1 for p in report.iter_delegated_powers() if p.basis is not None)
    )
    tree = re.findall(r'<a class="fact (metric|citation|power)" id="t(\d+)" href="#m\2"', page)
    marks = re.findall(r'<mark class="fact (metric|citation|power)" id="m(\d+)">', page)
    assert len(tree) == facts == len(marks)
    assert {kind for kind, _ in tree} == {"metric", "citation", "power"}
    for metric in report.iter_metrics():
        assert f'">{metric.text}</a></mark>' in page


def test_a_mark_sits_where_its_wording_is(result: lawgov.ParseResult, page: str) -> None:
    source = page.split('<pre class="source">', 1)[1].split("</pre>", 1)[0]
    plain = re.sub(r"<[^>]+>", "", source)
    assert (
        plain.replace("&quot;", '"')
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        == result.text
    )
    assert re.search(
        r'<mark class="fact metric" id="m\d+"><a class="fact" href="#t\d+">608家', source
    )


def test_report_text_is_escaped_everywhere() -> None:
    report = lawgov.samples.load("jianghai-kjj-2020")
    hostile = attrs.evolve(report, title="<script>alert(1)</script>&\"'")
    page = lawgov.report_html(hostile)
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#x27;" in page
    assert page.count("<script>") == 1  # our own, allowed by its hash only


def test_warnings_are_listed(result: lawgov.ParseResult, page: str) -> None:
    assert result.warnings
    assert f"Parser warnings ({len(result.warnings)})" in page
    for warning in result.warnings:
        assert f"<li>{lawgov._analysis.page._e(warning)}</li>" in page


def test_provenance_is_shown_when_the_result_has_it(result: lawgov.ParseResult) -> None:
    @attrs.frozen
    class WithProvenance:
        report: lawgov.Report
        text: str
        warnings: tuple[lawgov.ParseWarning, ...]
        provenance: dict[str, str]

    rich = WithProvenance(
        result.report, result.text, result.warnings, {"published": "byline <更新时间>"}
    )
    page = lawgov.report_html(rich)  # type: ignore[arg-type]
    assert "from byline &lt;更新时间&gt;" in page
    assert "from the parsed text" in page  # the fields without a recorded origin


def test_a_report_alone_has_the_tree_but_no_text_pane() -> None:
    page = lawgov.report_html(lawgov.samples.load("jianghai-kjj-2020"))
    assert "from the document" in page
    assert '<pre class="source">' not in page
    assert "<mark" not in page
    assert 'class="fact metric"' in page


def test_the_page_fetches_nothing(page: str) -> None:
    assert not re.search(r"""\b(src|href|action|srcset)\s*=\s*(?!["']?#)""", page)
    assert not re.search(r"""=\s*["']?(https?:)?//""", page)
    assert "url(" not in page
    assert "@import" not in page
    assert "default-src 'none'" in page


def test_show_html_writes_the_page_for_text_and_for_json(tmp_path: Path) -> None:
    text = tmp_path / "report.txt"
    text.write_text(lawgov.samples.text("jianghai-kjj-2020"), encoding="utf-8")
    out = tmp_path / "page.html"
    run = CliRunner().invoke(cli, ["show", str(text), "--html", "-o", str(out)])
    assert run.exit_code == 0, run.output
    assert '<pre class="source">' in out.read_text(encoding="utf-8")
    run = CliRunner().invoke(cli, ["show", str(lawgov.samples.path("jianghai-kjj-2020")), "--html"])
    assert run.exit_code == 0, run.output
    assert run.output.startswith("<!DOCTYPE html>")
    assert '<pre class="source">' not in run.output


def test_show_output_without_html_is_a_usage_error(tmp_path: Path) -> None:
    source = str(lawgov.samples.path("jianghai-kjj-2020"))
    run = CliRunner().invoke(cli, ["show", source, "-o", str(tmp_path / "x.html")])
    assert run.exit_code == 2
    assert "goes with --html" in run.output
    assert not (tmp_path / "x.html").exists()


def _non_white_share(png: bytes) -> float:
    """The share of pixels that are not white, read from an 8-bit RGB(A) PNG with zlib."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at, idat, width, height, colour = 8, b"", 0, 0, 0
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, body = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8
            assert colour in (2, 6)
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    coloured = 0
    for row in range(height):
        start = row * (stride + 1)
        kind_, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            if kind_ == 1:
                line[i] = (line[i] + left) & 255
            elif kind_ == 2:
                line[i] = (line[i] + up) & 255
            elif kind_ == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind_ == 4:
                corner = previous[i - channels] if i >= channels else 0
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 255
        coloured += sum(1 for x in range(0, stride, channels) if min(line[x : x + 3]) < 240)
        previous = line
    return coloured / (width * height)


def _chromium(page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--enable-logging=stderr",
                "--v=0",
                *args,
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
@pytest.mark.parametrize("size", ["1280,900", "390,844"], ids=["desktop", "phone"])
def test_the_sample_page_renders_in_chromium(page: str, tmp_path: Path, size: str) -> None:
    html = tmp_path / "page.html"
    html.write_text(page, encoding="utf-8")
    shot = tmp_path / "out.png"
    run = _chromium(html, f"--screenshot={shot}", f"--window-size={size}")
    assert shot.is_file(), run.stderr
    assert _non_white_share(shot.read_bytes()) > 0.02
    assert "Uncaught" not in run.stderr
    assert "Content Security Policy" not in run.stderr
    assert not re.search(r"CONSOLE\(\d+\)|:CONSOLE", run.stderr), run.stderr


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_the_inline_script_runs_without_error(page: str, tmp_path: Path) -> None:
    html = tmp_path / "page.html"
    html.write_text(page, encoding="utf-8")
    run = _chromium(html, "--dump-dom")
    assert 'data-lawgov-page="ready"' in run.stdout, run.stderr
    assert "29 facts, 29 marked in the text" in run.stdout
    assert "Uncaught" not in run.stderr
