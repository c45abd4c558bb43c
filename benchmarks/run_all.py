"""Every benchmark of lawgov's speed targets (issue 12), one after the other, in one command.

Run from the repository root::

    .venv/bin/python benchmarks/run_all.py            # the full sizes (about 15 minutes)
    .venv/bin/python benchmarks/run_all.py --quick    # every row at a tiny size (seconds)

Each benchmark runs in its own process and prints its rows with the floor and the peers of
each task:

* ``bench_formats.py``: JSON decode+validate and encode, XML decode, encode and round trip, on
  the golden sample and a large report, with their floors, pydantic v2, msgspec,
  pydantic-xml and xsdata;
* ``bench_corpus.py``: ``iter_reports`` over JSON Lines against the orjson floor and msgspec,
  and its peak memory at 1x and 4x the records;
* ``bench_parse.py``: ``parse_text`` throughput on the sample, generated texts and linearity;
* ``bench_startup.py``: ``import lawgov`` and the first ``parse_text`` in fresh processes;
* ``bench_cli.py``: ``lawgov convert`` at -j 1 and 2 against a plain ``multiprocessing.Pool``
  script, ``lawgov parse`` at -j 1 and 2, and an atomic write against a plain one;
* ``bench_dask.py``: the ``docs/cluster.md`` conversion on a local dask.distributed cluster with
  one and two workers (skipped when ``distributed`` is not installed).

``--quick`` is passed on to every benchmark: the test suite runs this so that the benchmarks
cannot rot (it checks that each one runs and prints its rows, never its figures).
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent

#: The benchmarks, in the order they run; each takes ``--quick``.
BENCHMARKS = (
    "bench_formats.py",
    "bench_readers.py",
    "bench_corpus.py",
    "bench_parse.py",
    "bench_startup.py",
    "bench_cli.py",
    "bench_dask.py",
    "bench_files.py",
    "bench_html_extraction.py",
    "bench_memory.py",
    "bench_pdf_libraries.py",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="every benchmark at a tiny size")
    parser.add_argument("only", nargs="*", help="run only these (e.g. bench_formats.py)")
    args = parser.parse_args()
    failed = []
    for name in args.only or BENCHMARKS:
        if name == "bench_dask.py" and importlib.util.find_spec("distributed") is None:
            print(f"\n=== {name}: skipped (pip install 'dask[distributed]')", flush=True)
            continue
        print(f"\n=== {name}{' --quick' if args.quick else ''}", flush=True)
        started = time.perf_counter()
        command = [sys.executable, str(HERE / name), *(["--quick"] if args.quick else [])]
        done = subprocess.run(command, check=False)
        print(f"=== {name}: {time.perf_counter() - started:.1f} s", flush=True)
        if done.returncode:
            failed.append(name)
    if failed:
        raise SystemExit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
