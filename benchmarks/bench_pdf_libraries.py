"""The PDF library measurement behind lawgov's choice of pdfminer.six (docs/parsing.md).

Run from the repository root, with the bench extra (pypdf, pdfplumber) installed::

    .venv/bin/pip install -e '.[dev,bench]'
    .venv/bin/python benchmarks/bench_pdf_libraries.py            # 150 mutated files
    .venv/bin/python benchmarks/bench_pdf_libraries.py --quick    # 20

For each library it prints text fidelity on the PDF twins of the text fixtures (the share of the
fixture's characters, whitespace aside, found in order in the extracted text: the matching
blocks of a sequence alignment), throughput (characters and pages per second, best of three),
and robustness: how many of a set of mutated twins (bytes flipped, cut, spliced; a fixed seed)
and deeply nested files each reads, raises on, or hangs on (5 s alarm, POSIX only).
"""

from __future__ import annotations

import argparse
import collections
import difflib
import io
import logging
import random
import signal
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import file_fixtures as ff  # noqa: E402 -- the tests' folder is put on the path just above


def _pdfminer(data: bytes) -> str:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    out = []
    for page in extract_pages(io.BytesIO(data)):
        out.extend(
            line.get_text() for box in page if isinstance(box, LTTextContainer) for line in box
        )
    return "".join(out)


def _pypdf(data: bytes) -> str:
    import pypdf

    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def _pdfplumber(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(line["text"] for page in pdf.pages for line in page.extract_text_lines())


LIBRARIES: dict[str, Callable[[bytes], str]] = {
    "pdfminer.six": _pdfminer,
    "pypdf": _pypdf,
    "pdfplumber": _pdfplumber,
}


def _bare(text: str) -> str:
    return "".join(char for char in text if not char.isspace())


def _fidelity(source: str, got: str) -> float:
    matcher = difflib.SequenceMatcher(None, _bare(source), _bare(got), autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(_bare(source))


def _mutants(base: bytes, count: int) -> list[bytes]:
    rng = random.Random(7)
    out = []
    for _ in range(count):
        data = bytearray(base)
        kind = rng.choice(["flip", "cut", "splice"])
        if kind == "flip":
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif kind == "cut":
            del data[rng.randrange(len(data)) :]
        else:
            at, source = rng.randrange(len(data)), rng.randrange(len(data))
            data[at : at + 50] = base[source : source + 50]
        out.append(bytes(data))
    depth = 100_000
    out.append(b"%PDF-1.4\n1 0 obj\n" + b"[" * depth + b"]" * depth + b"\nendobj\n%%EOF")
    out.append(b"%PDF-1.4\n1 0 obj\n" + b"<< /A " * depth + b">>" * depth + b"\nendobj\n%%EOF")
    return out


class _HangError(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _HangError


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="20 mutated files instead of 150")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    twins = []
    for index, name in enumerate(ff.TWINS):
        text = ff.fixture_text(name)
        twins.append((text, ff.pdf_twin(text, page_numbers=ff.PAGE_NUMBER_STYLES[index])))
    chars = sum(len(_bare(text)) for text, _ in twins)
    pages = sum(twin.pages for _, twin in twins)
    mutants = _mutants(twins[1][1].data, 20 if args.quick else 150)
    signal.signal(signal.SIGALRM, _alarm)
    print(f"{len(twins)} twins, {chars:,} characters, {pages} pages; {len(mutants)} hostile files")
    for name, extract in LIBRARIES.items():
        fidelity = min(_fidelity(text, extract(twin.data)) for text, twin in twins)
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            for _, twin in twins:
                extract(twin.data)
            best = min(best, time.perf_counter() - started)
        outcomes: collections.Counter[str] = collections.Counter()
        for data in mutants:
            signal.alarm(5)
            try:
                extract(data)
                outcomes["read"] += 1
            except _HangError:
                outcomes["hang"] += 1
            except Exception as error:
                outcomes[type(error).__name__] += 1
            finally:
                signal.alarm(0)
        raised = {k: v for k, v in outcomes.items() if k not in ("read", "hang")}
        print(
            f"{name:<13} fidelity {fidelity:.4f}  {chars / best:9,.0f} chars/s "
            f"{pages / best:6.1f} pages/s  read {outcomes['read']}, hang {outcomes['hang']}, "
            f"raised {sum(raised.values())} ({len(raised)} exception types)"
        )


if __name__ == "__main__":
    main()
