"""``iter_reports`` over JSON Lines: MB/s against the orjson floor and msgspec, and flat memory.

A corpus of the bundled sample (each record with its own title) is written as JSON Lines with
``lawgov.write_reports``; then, interleaved round by round (best CPU time of each):

* floor: the lines read and each given to orjson, the Decimal and datetime values converted
  (what ``bench_formats`` calls the JSON floor), nothing kept;
* lawgov: ``for report in lawgov.iter_reports(path)`` (decode and validate every record);
* msgspec: each line decoded into the msgspec peer classes of ``_peers``.

Memory: the peak traced allocation while iterating the corpus and a corpus four times larger;
flat means the two peaks are about the same (one record at a time).

Usage::

    .venv/bin/python benchmarks/bench_corpus.py            # 2,000 records
    .venv/bin/python benchmarks/bench_corpus.py --quick    # 50
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import attrs
import msgspec

sys.path.insert(0, str(Path(__file__).parent))

import _peers
from bench_formats import floor_json_decode

import lawgov
import lawgov.samples


def make_corpus(path: Path, count: int) -> int:
    """``count`` records of the sample as JSON Lines; returns the file's size in bytes."""
    report = lawgov.samples.load("jianghai-kjj-2020")
    lawgov.write_reports(
        (attrs.evolve(report, title=f"{report.title}（{index}）") for index in range(count)), path
    )
    return path.stat().st_size


def _floor(path: Path) -> None:
    with path.open("rb") as handle:
        for line in handle:
            floor_json_decode(line)


def _lawgov(path: Path) -> None:
    for _ in lawgov.iter_reports(path):
        pass


def _msgspec(path: Path) -> None:
    decoder = msgspec.json.Decoder(_peers.MsReport)
    with path.open("rb") as handle:
        for line in handle:
            decoder.decode(line)


def _best(cases: list[tuple[str, Callable[[], None]]], rounds: int) -> list[float]:
    best = [float("inf")] * len(cases)
    for _ in range(rounds):
        for index, (_, run) in enumerate(cases):
            started = time.process_time()
            run()
            best[index] = min(best[index], time.process_time() - started)
    return best


def _peak(path: Path) -> int:
    tracemalloc.start()
    try:
        _lawgov(path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="50 records, 2 rounds")
    parser.add_argument("--records", type=int, default=None, help="records (2000)")
    args = parser.parse_args()
    count = args.records or (50 if args.quick else 2000)
    rounds = 2 if args.quick else 5
    with tempfile.TemporaryDirectory(prefix="lawgov-corpus-") as work:
        path = Path(work, "corpus.jsonl")
        size = make_corpus(path, count)
        _lawgov(path)  # warm: the generated code compiles on first use
        cases = [("floor (orjson + conversions)", lambda: _floor(path))]
        cases += [("lawgov iter_reports", lambda: _lawgov(path))]
        cases += [("msgspec", lambda: _msgspec(path))]
        seconds = _best(cases, rounds)
        print(f"iter_reports (JSON Lines): {count:,} records, {size / 1e6:.1f} MB")
        print(f"{'task':<22}{'library':<32}{'MB/s':>10}{'x floor':>10}")
        for (library, _), spent in zip(cases, seconds, strict=True):
            print(
                f"{'iter_reports (JSONL)':<22}{library:<32}{size / spent / 1e6:>10.0f}"
                f"{spent / seconds[0]:>10.2f}"
            )
        larger = Path(work, "larger.jsonl")
        make_corpus(larger, count * 4)
        small, large = _peak(path), _peak(larger)
        print(
            f"{'iter_reports memory':<22}{'peak traced, 1x and 4x records':<32}"
            f"{small / 1e6:>9.1f}M{large / 1e6:>9.1f}M  (4x/1x = {large / small:.2f})"
        )


if __name__ == "__main__":
    main()
