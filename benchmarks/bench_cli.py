"""Batch conversion with the ``lawgov`` command line: files per second and peak memory.

Generates a corpus of full-size reports (the bundled sample, each with its own title) as JSON
files in nested folders, then times ``lawgov convert CORPUS OUT --to xml -j N`` for each N, every
run in a fresh process tree. Peak memory is the largest resident set of any process of the run
(the parent or one worker), from ``getrusage(RUSAGE_CHILDREN)`` in a wrapper process, as is the
CPU time of all of them (user + system): on a busy machine wall-clock speed-up says little, while
files per CPU-second still shows what each process costs. Running a smaller corpus too shows
whether memory grows with the corpus (it should not).

Usage::

    .venv/bin/python benchmarks/bench_cli.py                  # 10,000 files, -j 1 and -j 2
    .venv/bin/python benchmarks/bench_cli.py --files 2000 --jobs 1 2 4
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import lawgov
import lawgov.samples

# Runs one conversion as a child and reports its wall time and peak RSS (KiB on Linux): a wrapper
# per run, so that RUSAGE_CHILDREN covers that run's processes only.
_WRAPPER = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"status": done.returncode, "seconds": elapsed, "peak_kib": usage.ru_maxrss,
                  "cpu": usage.ru_utime + usage.ru_stime, "stderr": done.stderr[-500:]}))
"""


def make_corpus(root: Path, count: int) -> None:
    """``count`` JSON reports, 100 per folder: the sample with a distinct title each."""
    report = lawgov.samples.load("jianghai-kjj-2020")
    template = lawgov.to_json(report)
    quoted = json.dumps(report.title, ensure_ascii=False)
    for index in range(count):
        folder = root / f"batch{index // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        title = json.dumps(f"{report.title}（{index}）", ensure_ascii=False)
        text = template.replace(quoted, title)
        (folder / f"report{index:05d}.json").write_text(text, encoding="utf-8")


def convert(corpus: Path, out: Path, jobs: int) -> dict[str, float]:
    """Time one batch conversion; returns seconds, files per second and peak memory."""
    command = [sys.executable, "-m", "lawgov", "convert", str(corpus), str(out)]
    command += ["--to", "xml", "-j", str(jobs), "-q"]
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command], capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout)
    if result["status"] != 0:
        raise SystemExit(f"lawgov convert failed ({result['status']}): {result['stderr']}")
    return result  # type: ignore[no-any-return]


def main() -> None:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument("--small", type=int, default=1_000, help="smaller corpus for memory")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="-j values")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="lawgov-bench-"))
    try:
        rows: list[tuple[int, int, float, float, float, float]] = []
        for size in sorted({args.small, args.files}):
            corpus = work / f"corpus{size}"
            started = time.perf_counter()
            make_corpus(corpus, size)
            print(f"generated {size} files in {time.perf_counter() - started:.1f} s", flush=True)
            for jobs in args.jobs:
                out = work / f"out{size}-{jobs}"
                result = convert(corpus, out, jobs)
                produced = sum(1 for _ in out.rglob("*.xml"))
                assert produced == size, f"expected {size} outputs, found {produced}"
                rate = size / result["seconds"]
                per_cpu = size / result["cpu"]
                peak = result["peak_kib"] / 1024
                rows.append((size, jobs, result["seconds"], rate, per_cpu, peak))
                print(f"  -j {jobs}: {result['seconds']:.1f} s, {rate:.0f} files/s", flush=True)
                shutil.rmtree(out)
            shutil.rmtree(corpus)
        print()
        print("| files | -j | seconds | files/s | speed-up | files/CPU-s | peak RSS (MiB) |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for size, jobs, seconds, rate, per_cpu, peak in rows:
            base = next(r[3] for r in rows if r[0] == size and r[1] == min(args.jobs))
            print(
                f"| {size} | {jobs} | {seconds:.1f} | {rate:.0f} | {rate / base:.2f} "
                f"| {per_cpu:.0f} | {peak:.0f} |"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
