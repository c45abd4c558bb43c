"""Time each JSON reader of ``lawgov.from_json`` alone, on the documents each one is there for.

Run: ``.venv/bin/python benchmarks/bench_readers.py`` (``--quick`` for one tiny round).

``from_json`` tries the msgspec reader, then the orjson one, then the standard library's (see
docs/architecture.md, "Readers and rules"). Each row times one reader by itself on one kind of
document, and says whether that reader accepts it; the ratio is to ``from_json`` on the same
document in the same run. The kinds: as lawgov writes it ("plain"), with an escaped quotation
mark (msgspec leaves every escape to the next reader), the same without a publication time, and
with the members that have defaults left out (as a hand-written document may). The cases run
interleaved, round by round, and each figure is the best round in this process's CPU time, so
that a shared machine's load spreads over all of them alike.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).parent))

from bench_formats import golden_report, large_report

import lawgov
from lawgov._formats import convert as _convert
from lawgov._formats import json as _json
from lawgov._formats import msgspec as _msgspec


def documents(report: lawgov.Report) -> dict[str, bytes]:
    """The kinds of document, each as UTF-8 bytes."""
    first = report.sections[0]
    quoted = attrs.evolve(
        report, sections=(attrs.evolve(first, title=first.title + '"引号"'), *report.sections[1:])
    )
    omitted = json.loads(lawgov.to_json(report))
    for name in ("views", "url"):
        omitted.pop(name)
    return {
        "plain": _json.to_json_bytes(report),
        "escape": _json.to_json_bytes(quoted),
        "escape, no time": _json.to_json_bytes(attrs.evolve(quoted, published=None)),
        "omitted": json.dumps(omitted, ensure_ascii=False, indent=2).encode(),
    }


def stdlib_pairs(data: bytes) -> lawgov.Report | None:
    """The standard library reader: parse to pairs, then the generated fast pass."""
    text = _json._text(data, None)
    with _convert.gc_paused():
        return _convert.load_pairs(_json._parse(text, _json._pairs_decoder, None))


def readers(data: bytes) -> dict[str, Callable[[], object]]:
    return {
        "from_json": lambda: lawgov.from_json(data),
        "msgspec reader": lambda: _msgspec.load(data),
        "orjson reader": lambda: _json._load_orjson(data, None),
        "stdlib reader": lambda: stdlib_pairs(data),
    }


def best(cases: dict[str, Callable[[], object]], rounds: int, quick: bool) -> dict[str, float]:
    """Best seconds per call of each case, interleaved round by round (CPU time)."""
    result = dict.fromkeys(cases, float("inf"))
    for _ in range(rounds):
        for name, func in cases.items():
            calls, started = 0, time.process_time()
            while True:
                func()
                calls += 1
                spent = time.process_time() - started
                if quick or spent > 0.05:
                    break
            result[name] = min(result[name], spent / calls)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="one tiny round of every case")
    args = parser.parse_args()
    _msgspec.available()  # compiled before timing
    sized = [golden_report(), ("large", large_report(20 if args.quick else 200))]
    print(f"{'report':8} {'document':16} {'reader':15} {'accepts':8} {'ms':>9} {'ratio':>6}")
    for label, report in sized:
        for kind, data in documents(report).items():
            cases = readers(data)
            accepts = {name: func() is not None for name, func in cases.items()}
            times = best(cases, 1 if args.quick else 7, args.quick)
            for name, seconds in times.items():
                ratio = seconds / times["from_json"]
                print(
                    f"{label:8} {kind:16} {name:15} {accepts[name]!s:8} "
                    f"{seconds * 1e3:9.3f} {ratio:6.2f}"
                )


if __name__ == "__main__":
    main()
