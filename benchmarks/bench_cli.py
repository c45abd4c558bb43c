"""Batch conversion with the ``lawgov`` command line: files per second and peak memory.

Generates a corpus of full-size reports (the bundled sample, each with its own title) as JSON
files in nested folders, then times ``lawgov convert CORPUS OUT --to xml -j N`` for each N, every
run in a fresh process tree. Peak memory is the largest resident set of any process of the run
(the parent or one worker), from ``getrusage(RUSAGE_CHILDREN)`` in a wrapper process, as is the
CPU time of all of them (user + system): on a busy machine wall-clock speed-up says little, while
files per CPU-second still shows what each process costs. Running a smaller corpus too shows
whether memory grows with the corpus (it should not).

Beside it, in the same run: the reference, a plain ``multiprocessing.Pool`` script over the
public API with as many processes (``target.write_bytes(lawgov.to_xml(lawgov.from_json(...)))``
per file: no atomic write, no sync, no error handling, so it is the floor of a batch);
``lawgov parse`` of generated report texts at each -j; and the cost of one atomic write
(``lawgov.write``: a temporary file, then a rename) against a plain ``open().write()`` of the
same bytes.

Usage::

    .venv/bin/python benchmarks/bench_cli.py                  # 10,000 files, -j 1 and -j 2
    .venv/bin/python benchmarks/bench_cli.py --files 2000 --jobs 1 2 4
    .venv/bin/python benchmarks/bench_cli.py --quick          # 100 files, a few of each
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

import lawgov
import lawgov.samples
from lawgov._formats.atomic import atomic_write

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


# The reference: the same conversion as a plain Pool script over the public API.
_POOL_SCRIPT = """
import multiprocessing, sys
from pathlib import Path
import lawgov

def one(pair):
    # The plainest public-API conversion: no atomic write, no sync, no error handling.
    source, target = pair
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(lawgov.to_xml(lawgov.from_json(source.read_bytes())))

if __name__ == "__main__":
    corpus, out, jobs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    pairs = [(path, out / path.relative_to(corpus).with_suffix(".xml"))
             for path in sorted(corpus.rglob("*.json"))]
    with multiprocessing.Pool(jobs) as pool:
        for _ in pool.imap_unordered(one, pairs, chunksize=64):
            pass
"""


def _timed_run(command: list[str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command], capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout)
    if result["status"] != 0:
        raise SystemExit(f"{command[:4]} failed ({result['status']}): {result['stderr']}")
    return result  # type: ignore[no-any-return]


def convert(corpus: Path, out: Path, jobs: int) -> dict[str, float]:
    """Time one batch conversion; returns seconds, CPU seconds and peak memory."""
    command = [sys.executable, "-m", "lawgov", "convert", str(corpus), str(out)]
    return _timed_run([*command, "--to", "xml", "-j", str(jobs), "-q"])


def pool_script(corpus: Path, out: Path, jobs: int) -> dict[str, float]:
    """Time the plain Pool script on the same corpus."""
    return _timed_run([sys.executable, "-c", _POOL_SCRIPT, str(corpus), str(out), str(jobs)])


def make_texts(root: Path, count: int) -> None:
    """``count`` report texts (the bundled sample text, each with its own title line)."""
    text = lawgov.samples.text("jianghai-kjj-2020")
    first, _, rest = text.partition("\n")
    for index in range(count):
        folder = root / f"batch{index // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"text{index:05d}.txt").write_text(
            f"{first}（{index}）\n{rest}", encoding="utf-8"
        )


def parse(texts: Path, out: Path, jobs: int) -> dict[str, float]:
    """Time ``lawgov parse`` of a tree of texts."""
    command = [sys.executable, "-m", "lawgov", "parse", str(texts), "-o", str(out)]
    return _timed_run([*command, "-j", str(jobs), "-q"])


def atomic_write_cost(work: Path, repeat: int) -> tuple[float, float, float]:
    """CPU seconds per write of one report's JSON bytes: atomic (as a batch writes each file,
    synced once at the end), plain ``open().write()``, and atomic and durable (synced per file,
    as ``lawgov.write`` does)."""
    data = lawgov.to_json(lawgov.samples.load("jianghai-kjj-2020")).encode("utf-8")

    def write_plain() -> None:
        with open(work / "plain.json", "wb") as handle:
            handle.write(data)

    def write_atomic() -> None:
        atomic_write(work / "atomic.json", data, force=True, durable=False)

    def write_durable() -> None:
        atomic_write(work / "durable.json", data, force=True)

    best = [float("inf")] * 3
    for _ in range(5):  # interleaved rounds, best of each
        for index, write in enumerate((write_atomic, write_plain, write_durable)):
            timer = timeit.Timer(write, timer=time.process_time)
            count = repeat if index < 2 else max(1, repeat // 10)
            best[index] = min(best[index], timer.timeit(number=count) / count)
    return best[0], best[1], best[2]


def main() -> None:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument("--small", type=int, default=1_000, help="smaller corpus for memory")
    parser.add_argument("--texts", type=int, default=1_000, help="texts for lawgov parse (1000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="-j values")
    parser.add_argument("--quick", action="store_true", help="100 files, 20 texts")
    args = parser.parse_args()
    if args.quick:
        args.files, args.small, args.texts = 100, 50, 20

    work = Path(tempfile.mkdtemp(prefix="lawgov-bench-"))
    try:
        rows: list[tuple[str, int, int, float, float, float, float]] = []

        def record(what: str, size: int, jobs: int, result: dict[str, float]) -> None:
            rate = size / result["seconds"]
            rows.append(
                (
                    what,
                    size,
                    jobs,
                    result["seconds"],
                    rate,
                    size / result["cpu"],
                    result["peak_kib"] / 1024,
                )
            )
            print(f"  {what} -j {jobs}: {result['seconds']:.1f} s, {rate:.0f} files/s", flush=True)

        for size in sorted({args.small, args.files}):
            corpus = work / f"corpus{size}"
            started = time.perf_counter()
            make_corpus(corpus, size)
            print(f"generated {size} files in {time.perf_counter() - started:.1f} s", flush=True)
            for jobs in args.jobs:
                # Interleaved: lawgov convert, then the Pool script, at each -j.
                out = work / f"out{size}-{jobs}"
                result = convert(corpus, out, jobs)
                produced = sum(1 for _ in out.rglob("*.xml"))
                assert produced == size, f"expected {size} outputs, found {produced}"
                record("lawgov convert", size, jobs, result)
                shutil.rmtree(out)
                if size == args.files:
                    result = pool_script(corpus, out, jobs)
                    assert sum(1 for _ in out.rglob("*.xml")) == size
                    record("Pool script (public API)", size, jobs, result)
                    shutil.rmtree(out)
            shutil.rmtree(corpus)
        texts = work / "texts"
        make_texts(texts, args.texts)
        for jobs in args.jobs:
            out = work / f"parsed-{jobs}"
            result = parse(texts, out, jobs)
            assert sum(1 for _ in out.rglob("*.json")) == args.texts
            record("lawgov parse", args.texts, jobs, result)
            shutil.rmtree(out)
        atomic, plain, durable = atomic_write_cost(work, 20 if args.quick else 500)
        print()
        print("| task | files | -j | seconds | files/s | speed-up | files/CPU-s | peak RSS (MiB) |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for what, size, jobs, seconds, rate, per_cpu, peak in rows:
            base = next(r[4] for r in rows if r[:2] == (what, size) and r[2] == min(args.jobs))
            print(
                f"| {what} | {size} | {jobs} | {seconds:.1f} | {rate:.0f} | {rate / base:.2f} "
                f"| {per_cpu:.0f} | {peak:.0f} |"
            )
        for jobs in args.jobs:
            ours = next(r for r in rows if r[:3] == ("lawgov convert", args.files, jobs))
            pool = next(r for r in rows if r[:3] == ("Pool script (public API)", args.files, jobs))
            ratio = ours[4] / pool[4]
            print(f"| convert / Pool script, files/s at -j {jobs} | | | | | {ratio:.2f} | | |")
        print(f"| plain write, µs CPU | | | {plain * 1e6:.0f} | | 1.00 | | |")
        print(f"| atomic write, µs CPU | | | {atomic * 1e6:.0f} | | {atomic / plain:.2f} | | |")
        print(f"| atomic + fsync, µs CPU | | | {durable * 1e6:.0f} | | {durable / plain:.2f} | | |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
