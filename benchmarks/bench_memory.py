"""Parser memory: peak bytes held per input character by ``clean_text`` and ``parse_text``.

Run from the repository root::

    .venv/bin/python benchmarks/bench_memory.py            # the sample repeated to ~4 MB
    .venv/bin/python benchmarks/bench_memory.py --quick    # ~1 MB, for CI

The input is the bundled sample's body repeated (its title once, so that it parses as one long
report). The peak is measured with tracemalloc above what was allocated before the call, the
input text itself excluded; it is divided by the input's length in characters. The goal (issue
11) is under 30 bytes per character for ``parse_text``. ``--profile`` prints the ten places that
held the most memory at the peak.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import lawgov

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "src" / "lawgov" / "samples" / "jianghai-kjj-2020.txt"


def _text(size: int) -> str:
    title, _, body = BUNDLED.read_text(encoding="utf-8").partition("\n")
    copies = max(1, size // len(body))
    return title + "\n" + body * copies


def _peak(function: Callable[[str], object], text: str, *, profile: bool) -> int:
    """The peak memory ``function(text)`` allocates, in bytes."""
    gc.collect()
    tracemalloc.start(25 if profile else 1)
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    result = function(text)
    peak = tracemalloc.get_traced_memory()[1] - base
    if profile:
        snapshot = tracemalloc.take_snapshot()
        print("  held by the result (top 10):")
        for stat in snapshot.statistics("lineno")[:10]:
            print(f"    {stat.size / len(text):6.1f} B/char  {stat.traceback[0]}")
    tracemalloc.stop()
    del result
    return peak


def main() -> None:
    """Print bytes per character for clean_text and parse_text."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="a ~1 MB input instead of ~4 MB")
    parser.add_argument("--profile", action="store_true", help="show what holds the memory")
    args = parser.parse_args()
    text = _text(1_000_000 if args.quick else 4_000_000)
    lawgov.parse_text(text[:20_000])  # load the parser's tables before measuring
    print(f"input: {len(text):,} characters ({len(text.encode()) / 1e6:.1f} MB as UTF-8)")
    results = {}
    for name, function in (
        ("clean_text", lawgov.clean_text),
        ("clean", lawgov.clean),
        ("parse_text", lawgov.parse_text),
    ):
        peak = _peak(function, text, profile=args.profile)
        results[name] = peak / len(text)
        print(f"  {name:10} peak {peak / 1e6:8.1f} MB  {results[name]:6.1f} bytes/char")
    if results["parse_text"] >= 30:
        print("  parse_text is over the goal of 30 bytes/char", file=sys.stderr)


if __name__ == "__main__":
    main()
