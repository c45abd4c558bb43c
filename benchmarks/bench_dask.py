"""The docs/cluster.md conversion on a local dask.distributed cluster: one worker against two.

The task is ``convert_file`` of ``examples/dask_corpus.py`` (the code docs/cluster.md shows),
one task per file in partitions of 50, over a generated tree of JSON reports (the bundled
sample, each with its own title). Each cluster is a ``LocalCluster`` of worker *processes* with
one thread each, started and warmed (lawgov imported, its generated code compiled on every
worker) before the clock starts; rounds alternate one and two workers, and the best wall time of
each counts.

Usage::

    .venv/bin/python benchmarks/bench_dask.py             # 10,000 reports, 3 rounds
    .venv/bin/python benchmarks/bench_dask.py --quick     # 40 reports, 1 round, threads
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))
sys.path.insert(0, str(Path(__file__).parent))

from bench_cli import make_corpus
from dask_corpus import convert_file


def _warm(client: Client, corpus: Path, work: Path) -> None:
    # One file per worker, so that imports and compiles are not timed.
    sample = sorted(str(path) for path in corpus.rglob("*.json"))[:8]
    db.from_sequence(sample, npartitions=len(sample)).map(
        convert_file, str(corpus), str(work / "warm")
    ).compute()


def run(client: Client, corpus: Path, out: Path) -> float:
    """Wall seconds to convert the corpus into ``out`` (which must not exist)."""
    paths = sorted(str(path) for path in corpus.rglob("*.json"))
    started = time.perf_counter()
    results = (
        db.from_sequence(paths, partition_size=50)
        .map(convert_file, str(corpus), str(out))
        .compute()
    )
    elapsed = time.perf_counter() - started
    failures = [error for _, error in results if error is not None]
    assert not failures, failures[:3]
    assert sum(1 for _ in out.rglob("*.xml")) == len(paths)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="40 reports, 1 round")
    parser.add_argument("--reports", type=int, default=None, help="reports (10000)")
    parser.add_argument("--rounds", type=int, default=None, help="rounds (3)")
    args = parser.parse_args()
    count = args.reports or (40 if args.quick else 10_000)
    rounds = args.rounds or (1 if args.quick else 3)
    work = Path(tempfile.mkdtemp(prefix="lawgov-dask-"))
    try:
        corpus = work / "corpus"
        make_corpus(corpus, count)
        best: dict[int, float] = {}
        clusters = {}
        for workers in (1, 2):
            # --quick is a smoke test (the test suite runs it): threads in this process, which
            # talk in memory, not over sockets.
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=not args.quick,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            clusters[workers] = (cluster, Client(cluster))
            _warm(clusters[workers][1], corpus, work)
        try:
            for round_ in range(rounds):
                for workers, (_, client) in clusters.items():
                    out = work / f"out-{workers}-{round_}"
                    seconds = run(client, corpus, out)
                    best[workers] = min(best.get(workers, float("inf")), seconds)
                    shutil.rmtree(out)
        finally:
            for cluster, client in clusters.values():
                client.close()
                cluster.close()
        print(f"dask.distributed LocalCluster, {count:,} reports, best of {rounds} round(s)")
        print(f"{'task':<28}{'workers':>8}{'seconds':>10}{'reports/s':>12}{'speed-up':>10}")
        for workers, seconds in best.items():
            print(
                f"{'docs/cluster.md convert':<28}{workers:>8}{seconds:>10.2f}"
                f"{count / seconds:>12.0f}{best[1] / seconds:>10.2f}"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
