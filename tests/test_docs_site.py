"""The docs site as a reader meets it: built with mkdocs, checked page by page.

The site is built once per run into a temporary folder (``mkdocs build --strict``, as CI does), and
the tests read the rendered text of its pages: what a browser shows, not the Markdown sources.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

import lawgov
import lawgov.samples
import lawgov.testing

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

pytest.importorskip("mkdocs")
pytest.importorskip("mkdocstrings_handlers.python")

#: A Sphinx role as a Markdown renderer leaves it: ``:class:~lawgov.Report`` or ``:func:`load```.
ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|mod|data|exc|obj|const):`?~?[\w.]+")

#: A private module or name of lawgov (``lawgov._model``, ``_model.Report``); dunders are public.
PRIVATE = re.compile(r"\blawgov\._(?!_)\w*|(?<![\w.])_(?:model|formats|parse)\.\w+")

#: Pages written for contributors, about the private layers by name.
CONTRIBUTOR_PAGES = frozenset({"architecture/index.html"})


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(directory)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return directory


def page_text(path: Path) -> str:
    """The text of a built page as a browser shows it (no markup, scripts or styles)."""
    markup = re.sub(r"<(script|style)\b.*?</\1>", "", path.read_text("utf-8"), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def pages(site: Path) -> dict[str, str]:
    return {
        str(path.relative_to(site)): page_text(path)
        for path in sorted(site.rglob("*.html"))
        if path.name != "404.html"
    }


def findings(site: Path, pattern: re.Pattern[str], skip: frozenset[str] = frozenset()) -> list:
    return [
        (page, match)
        for page, text in pages(site).items()
        if page not in skip
        for match in pattern.findall(text)
    ]


def test_no_sphinx_role_is_left_in_the_site(site: Path) -> None:
    assert findings(site, ROLE) == []


def test_no_private_name_is_shown_to_users(site: Path) -> None:
    # Signatures included: annotations are rendered by their public names (Report, not
    # _model.Report).
    assert findings(site, PRIVATE, CONTRIBUTOR_PAGES) == []


def test_signatures_name_public_classes(site: Path) -> None:
    api = page_text(site / "api" / "index.html")
    assert "-> Report" in re.sub(r"\s+", " ", api)


@pytest.mark.parametrize("module", [lawgov, lawgov.samples, lawgov.testing])
def test_every_public_name_has_a_reference_entry(site: Path, module: object) -> None:
    anchors: set[str] = set()
    for path in site.rglob("*.html"):
        anchors.update(re.findall(r'id="(lawgov[\w.]*)"', path.read_text("utf-8")))
    name = module.__name__  # type: ignore[attr-defined]
    public = {f"{name}.{member}" for member in module.__all__}  # type: ignore[attr-defined]
    assert public - anchors == set()


def test_the_testing_kit_is_counted() -> None:
    # The count: the kit's reference must cover all of these, helpers and strategies.
    assert len(lawgov.testing.__all__) == 21
    assert {"explain_difference", "TextStyle"} <= set(lawgov.testing.__all__)


def test_wide_code_wraps_on_narrow_pages(site: Path) -> None:
    css = (site / "stylesheets" / "extra.css").read_text("utf-8")
    assert re.search(r"pre > code\s*\{[^}]*white-space:\s*pre-wrap", css)
    assert "stylesheets/extra.css" in (site / "index.html").read_text("utf-8")


# --------------------------------------------------------------------------------------------
# The home page and the README say the same thing


def fenced_commands(markdown: str, language: str = "sh") -> list[str]:
    return [block.strip() for block in re.findall(rf"```{language}\n(.*?)```", markdown, re.S)]


def quick_start(markdown: str) -> str:
    match = re.search(r"^## Quick start\n(.*?)(?=^## )", markdown, re.S | re.M)
    assert match, "no Quick start section"
    return match.group(1)


def test_readme_and_home_page_give_the_same_quick_start() -> None:
    readme = fenced_commands(quick_start((ROOT / "README.md").read_text("utf-8")))
    home = fenced_commands(quick_start((DOCS / "index.md").read_text("utf-8")))
    assert readme
    assert readme == home


def test_the_home_page_installs_from_a_clone_and_names_the_repository(site: Path) -> None:
    home = page_text(site / "index.html")
    assert "git clone" in home
    assert "pip install" in home
    assert "pip install lawgov " not in home  # not on any index users have
    assert "Repository" in home


def test_the_home_page_example_is_short_and_runs() -> None:
    markdown = (DOCS / "index.md").read_text("utf-8")
    example = re.search(r"```python\n(.*?)```", quick_start(markdown), re.S)
    assert example
    code = example.group(1)
    assert len(code.strip().splitlines()) <= 10
    pytest.importorskip("pypinyin")
    namespace: dict[str, object] = {}
    exec(compile(code, "docs/index.md", "exec"), namespace)
    assert isinstance(namespace["report"], lawgov.Report)


def test_readme_and_home_page_give_the_same_example() -> None:
    readme = fenced_commands(quick_start((ROOT / "README.md").read_text("utf-8")), "python")
    home = fenced_commands(quick_start((DOCS / "index.md").read_text("utf-8")), "python")
    assert readme
    assert readme == home


# --------------------------------------------------------------------------------------------
# Screenshots in headless Chromium (Debian's package; .ci/run installs it when missing)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def png_rows(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the raw (still filtered) scanlines of a PNG, with no imaging library."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, width, height, depth, colour = 8, b"", 0, 0, 8, 6
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    stride = 1 + width * channels * depth // 8
    pixels = zlib.decompress(idat)
    return width, height, [pixels[i : i + stride] for i in range(0, len(pixels), stride)]


@pytest.mark.skipif(CHROMIUM is None, reason="needs chromium (apt-get install chromium)")
@pytest.mark.parametrize("page", ["index.html", "getting-started/index.html", "api/index.html"])
@pytest.mark.parametrize("size", [(390, 844), (1280, 900)])
def test_pages_render_in_a_browser(
    site: Path, tmp_path: Path, page: str, size: tuple[int, int]
) -> None:
    shot = tmp_path / "shot.png"
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={shot}",
        f"--window-size={size[0]},{size[1]}",
        (site / page).as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=False)
    width, height, rows = png_rows(shot.read_bytes())
    assert (width, height) == size
    # A blank (or single-colour) page has one distinct scanline; text, headings and code blocks
    # make hundreds.
    assert len(set(rows)) > 50
