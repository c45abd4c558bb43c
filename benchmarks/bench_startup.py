"""Cold start: ``import lawgov`` and the first ``parse_text`` in fresh processes (medians).

Each figure is the median over fresh interpreters of the CPU time one statement takes, measured
inside the child with ``time.process_time`` (so the interpreter's own start-up is not counted,
as in ``python -X importtime``, and on a shared machine the time other processes hold the CPU
is not counted either). Bytecode is cached the way an installed package has it: the
children write and read ``.pyc`` files under a temporary ``PYTHONPYCACHEPREFIX`` (a warm-up
child fills it), whatever ``PYTHONDONTWRITEBYTECODE`` says, and the repository stays clean.

Rows: ``import lawgov``; ``import lawgov`` then the first ``lawgov.parse_text`` of the bundled
sample text (the parser loads on that call); the same ``parse_text`` run again in the same
process (warm), for scale.

Usage::

    .venv/bin/python benchmarks/bench_startup.py            # 10 fresh processes per row
    .venv/bin/python benchmarks/bench_startup.py --quick    # 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

_CHILD = """
import json, sys, time
started = time.process_time()
import lawgov
imported = time.process_time()
import lawgov.samples
text = lawgov.samples.text(lawgov.samples.names()[0])
before = time.process_time()
lawgov.parse_text(text)
first = time.process_time()
lawgov.parse_text(text)
warm = time.process_time()
print(json.dumps({"import": imported - started, "first_parse": first - before,
                  "warm_parse": warm - first}))
"""

_CHILD_IMPORT_ONLY = """
import json, time
started = time.process_time()
import lawgov
print(json.dumps({"import": time.process_time() - started}))
"""


def _run(code: str, cache: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPYCACHEPREFIX": cache}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return result


def measure(runs: int) -> list[tuple[str, float, str]]:
    """The rows: (what, median milliseconds, target)."""
    with tempfile.TemporaryDirectory(prefix="lawgov-pyc-") as cache:
        _run(_CHILD, cache)  # fills the bytecode cache
        imports, firsts, warms = [], [], []
        for _ in range(runs):
            # Interleaved: an import-only child, then one that also parses.
            imports.append(_run(_CHILD_IMPORT_ONLY, cache)["import"])
            parsed = _run(_CHILD, cache)
            firsts.append(parsed["import"] + parsed["first_parse"])
            warms.append(parsed["warm_parse"])
    return [
        ("import lawgov", statistics.median(imports) * 1000, "<= 80 ms"),
        ("import + first parse_text", statistics.median(firsts) * 1000, "-"),
        (
            "first parse_text (less the import)",
            (statistics.median(firsts) - statistics.median(imports)) * 1000,
            "<= 60 ms",
        ),
        ("warm parse_text", statistics.median(warms) * 1000, "-"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="3 processes per row, not 10")
    parser.add_argument("--runs", type=int, default=None, help="fresh processes per row")
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 10)
    print(f"cold start, median of {runs} fresh processes (bytecode cached)")
    print(f"{'task':<40}{'ms':>10}  target")
    for what, milliseconds, target in measure(runs):
        print(f"{what:<40}{milliseconds:>10.1f}  {target}")


if __name__ == "__main__":
    main()
