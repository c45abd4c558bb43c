"""Report-file throughput: text, PDF and Word files read by ``lawgov.parse_file``, per format.

Run from the repository root (needs the dev extra: reportlab and python-docx write the files)::

    .venv/bin/python benchmarks/bench_files.py            # all four twins, 5 rounds
    .venv/bin/python benchmarks/bench_files.py --quick    # one twin, 1 round (CI)

The files are the PDF and Word twins of the text fixtures (``tests/file_fixtures.py``), written
once to a temporary folder. For each format it prints the best time to read every file (from
disk to report, parsing included), characters of report text per second, pages per second for
PDF, and the share of the time spent getting the text out (the rest is the text parser).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import file_fixtures as ff  # noqa: E402 -- the tests' folder is put on the path just above
import lawgov  # noqa: E402
from lawgov._parse import docx as _docx  # noqa: E402
from lawgov._parse import pdf as _pdf  # noqa: E402


def _best(function: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="one twin, one round (for CI)")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds (5)")
    args = parser.parse_args()
    names = ff.TWINS[:1] if args.quick else ff.TWINS
    rounds = 1 if args.quick else args.rounds
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        files: dict[str, list[Path]] = {"txt": [], "pdf": [], "docx": []}
        pages = 0
        chars = 0
        for index, name in enumerate(names):
            text = ff.fixture_text(name)
            chars += len(text)
            twin = ff.pdf_twin(text, page_numbers=ff.PAGE_NUMBER_STYLES[index])
            pages += twin.pages
            for kind, data in (
                ("txt", text.encode("utf-8")),
                ("pdf", twin.data),
                ("docx", ff.docx_twin(text, styles=index % 2 == 0)),
            ):
                path = folder / f"{name}.{kind}"
                path.write_bytes(data)
                files[kind].append(path)
        extractors: dict[str, Callable[[bytes], str]] = {
            "txt": lambda data: data.decode("utf-8"),
            "pdf": _pdf.pdf_text,
            "docx": _docx.docx_text,
        }
        print(f"{len(names)} report(s), {chars:,} characters, {pages} PDF pages, best of {rounds}")
        print(f"{'format':<6} {'seconds':>9} {'chars/s':>12} {'pages/s':>9} {'extract':>8}")
        for kind, paths in files.items():
            datas = [path.read_bytes() for path in paths]
            total = _best(lambda paths=paths: [lawgov.parse_file(p) for p in paths], rounds)
            extract = _best(
                lambda kind=kind, datas=datas: [extractors[kind](d) for d in datas], rounds
            )
            per_page = f"{pages / total:9.1f}" if kind == "pdf" else f"{'':>9}"
            print(
                f"{kind:<6} {total:9.4f} {chars / total:12,.0f} {per_page} {extract / total:8.0%}"
            )


if __name__ == "__main__":
    main()
