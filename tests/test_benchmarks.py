"""Every benchmark runs at a tiny size (``--quick``) and prints its rows, so none can rot.

No figure is asserted: timings on a shared machine say nothing about correctness. Each runs in
its own process, as ``benchmarks/run_all.py`` runs them.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

# Each benchmark with rows its output must hold.
_ROWS = {
    "bench_formats.py": [
        "JSON decode+validate  floor",
        "JSON decode+validate  pydantic v2",
        "JSON encode           lawgov to_json (str)",
        "JSON encode           msgspec",
        "XML decode+validate   floor",
        "XML encode            lawgov",
        "XML round trip        xsdata",
    ],
    "bench_readers.py": ["golden   plain            msgspec reader  True", "orjson reader"],
    "bench_corpus.py": ["floor (orjson", "lawgov iter_reports", "msgspec", "iter_reports memory"],
    "bench_parse.py": ["parse_text best", "generated:", "linearity"],
    "bench_startup.py": ["import lawgov", "first parse_text (less the import)"],
    "bench_cli.py": [
        "| lawgov convert | 100 | 2 |",
        "| Pool script (public API) | 100 | 2 |",
        "| lawgov parse | 20 | 2 |",
        "| atomic write, µs CPU |",
    ],
    "bench_files.py": ["format   seconds", "txt ", "pdf ", "docx "],
    "bench_html_extraction.py": ["| lawgov auto |", "| lawgov density |"],
    "bench_memory.py": ["clean_text peak", "parse_text peak"],
    "bench_pdf_libraries.py": ["pdfminer.six  fidelity", "pypdf ", "pdfplumber "],
    "bench_dask.py": [
        "docs/cluster.md convert            1",
        "docs/cluster.md convert            2",
    ],
}
_NEEDS = {"bench_dask.py": ("distributed",)}
_ALWAYS = ("msgspec", "orjson", "pydantic", "pydantic_xml", "xsdata")


def test_every_benchmark_is_listed_here_and_in_run_all() -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import run_all
    finally:
        sys.path.remove(str(BENCHMARKS))
    files = sorted(path.name for path in BENCHMARKS.glob("bench_*.py"))
    assert sorted(_ROWS) == files
    assert sorted(run_all.BENCHMARKS) == files


@pytest.mark.parametrize("name", sorted(_ROWS))
def test_benchmark_runs_quick_and_prints_its_rows(name: str) -> None:
    for module in (*_ALWAYS, *_NEEDS.get(name, ())):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed (the bench extra)")
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / name), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    for row in _ROWS[name]:
        assert row in done.stdout, (row, done.stdout[-2000:])
