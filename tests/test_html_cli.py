"""``lawgov parse`` on published pages: ``.html``/``.htm``/``.shtml`` files, folders, stdin."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawgov.cli import cli

PAGES = Path(__file__).resolve().parent / "fixtures" / "html"


def _run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("suffix", [".html", ".htm", ".shtml"])
def test_parse_a_page_file(tmp_path: Path, suffix: str) -> None:
    page = tmp_path / f"report{suffix}"
    shutil.copy(PAGES / "meta-absent-gbk.html", page)
    code, out, err = _run("parse", str(page))
    assert code == 0, err
    report = json.loads(out)
    assert report["title"] == "青禾县生态环境分局2022年度法治政府建设工作报告"
    assert report["published"].startswith("2023-03-02")


def test_parse_a_page_from_stdin_by_its_content() -> None:
    code, out, err = _run("parse", "-", stdin=(PAGES / "wrongly-declared.html").read_bytes())
    assert code == 0, err
    assert json.loads(out)["issuer"]["name"] == "澄溪县市场监督管理局"


def test_parse_a_folder_of_pages_and_texts(tmp_path: Path) -> None:
    source = tmp_path / "in"
    (source / "sub").mkdir(parents=True)
    shutil.copy(PAGES / "disclosure-dl-undeclared.html", source / "a.html")
    shutil.copy(PAGES / "two-titles-density.html", source / "sub" / "b.shtml")
    (source / "c.txt").write_text(
        "岚山县司法局2023年法治政府建设年度报告\n2023年，我局全面推进依法行政。\n", encoding="utf-8"
    )
    (source / "style.css").write_text("p { color: red }", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = _run("parse", str(source), "-o", str(out))
    assert code == 0, err
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == ["a.json", "c.json", "sub/b.json"]
    assert json.loads((out / "a.json").read_text("utf-8"))["issuer"]["name"] == "柘溪县林业局"


def test_page_that_is_no_report_fails_with_a_message(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_bytes(b"<html><body><script>var x = 1;</script></body></html>")
    code, _, err = _run("parse", str(page))
    assert code != 0
    assert "empty.html" in err
