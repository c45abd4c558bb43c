"""Main-content extraction on the fixture pages: which rule finds the article's paragraphs.

For every page in ``tests/fixtures/html`` the extracted body is compared with the page's
``.body.txt`` (the paragraphs the page was built from), paragraph by paragraph after width and
space normalisation: precision is the share of extracted paragraphs that are body paragraphs,
recall the share of body paragraphs extracted. Candidates: lawgov's rules (``auto``: content-system
container names checked by prose share, else density; ``cms`` alone; ``density`` alone; the
whole ``body``), and, when installed, trafilatura and readability-lxml. Run::

    python benchmarks/bench_html_extraction.py
"""

from __future__ import annotations

import json
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from lawgov._parse.html_decode import decode_page
from lawgov._parse.html_page import read_page
from lawgov._parse.html_tree import paragraphs, parse_tree, squash

PAGES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "html"


def _key(line: str) -> str:
    return "".join(unicodedata.normalize("NFKC", squash(line)).split())


def _lawgov(method: str) -> Callable[[str], list[str]]:
    def run(page: str) -> list[str]:
        return list(read_page(page, method=method).body)

    return run


def _trafilatura(page: str) -> list[str]:
    import trafilatura

    text = trafilatura.extract(page, include_tables=True, include_comments=False) or ""
    return [line for line in text.splitlines() if line.strip()]


def _readability(page: str) -> list[str]:
    from readability import Document

    summary = Document(page).summary(html_partial=True)
    return paragraphs(parse_tree(summary)) if summary.strip() else []


def _candidates() -> dict[str, Callable[[str], list[str]]]:
    found: dict[str, Callable[[str], list[str]]] = {
        f"lawgov {method}": _lawgov(method) for method in ("auto", "cms", "density", "body")
    }
    try:
        import trafilatura  # noqa: F401

        found["trafilatura"] = _trafilatura
    except ImportError:
        pass
    try:
        import readability  # noqa: F401

        found["readability-lxml"] = _readability
    except ImportError:
        pass
    return found


def main(verbose: bool = False) -> None:
    pages = sorted(PAGES.glob("*.html"))
    candidates = _candidates()
    print(f"{len(pages)} pages")
    print("| method | precision | recall | pages with chrome | pages missing body | ms/page |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, run in candidates.items():
        hits = matched_total = extracted = expected_total = chrome_pages = missing_pages = 0
        elapsed = 0.0
        for path in pages:
            page = decode_page(path.read_bytes())
            expected = {
                _key(line)
                for line in (path.with_suffix(".body.txt")).read_text("utf-8").splitlines()
                if line.strip()
            }
            expected_json = json.loads(
                Path(str(path)[: -len(".html")] + ".expected.json").read_text()
            )
            title = expected_json["title"]
            started = time.perf_counter()
            got = [_key(line) for line in run(page)]
            elapsed += time.perf_counter() - started
            # A repeated title line is neither body nor chrome.
            got = [line for line in got if line and line != _key(title)]
            matched = sum(1 for line in got if line in expected)
            hits += len(expected & set(got))
            matched_total += matched
            if verbose and matched < len(got):
                print(name, path.name, [line[:30] for line in got if line not in expected])
            if verbose and not expected <= set(got):
                print(name, path.name, "missing", [line[:30] for line in expected - set(got)])
            extracted += len(got)
            expected_total += len(expected)
            chrome_pages += matched < len(got)
            missing_pages += len(expected & set(got)) < len(expected)
        precision = matched_total / extracted if extracted else 0.0
        recall = hits / expected_total if expected_total else 0.0
        print(
            f"| {name} | {precision:.3f} | {recall:.3f} | {chrome_pages} | {missing_pages} | "
            f"{elapsed * 1000 / len(pages):.1f} |"
        )


if __name__ == "__main__":
    import sys

    main(verbose="-v" in sys.argv)  # --quick is accepted: ten small pages are already quick
