"""Convert and analyse a corpus with Dask bag: the same code runs on a laptop and on a cluster.

Two jobs, both built from lawgov's own functions:

1. A folder tree of JSON reports converted to a mirrored tree of XML reports, one task per file
   (what ``lawgov convert DIR OUT --to xml`` does on one machine).
2. A JSON Lines corpus read as a bag of reports and summarised: metrics per unit, in base units.
3. The same corpus rewritten as XML collections, one file per partition, with
   :func:`lawgov.write_reports` (streaming and atomic, like ``lawgov convert c.jsonl c.xml``).

Run it as it is to use a small generated corpus (a few seconds)::

    python examples/dask_corpus.py

or point it at your own data (a folder of .json reports, and optionally a .jsonl corpus)::

    python examples/dask_corpus.py reports/ xml-out/ --jsonl 'corpora/*.jsonl'

On a cluster, create a ``dask.distributed.Client`` first (see docs/cluster.md); the bags then run
on its workers, which need lawgov installed and the paths on a shared filesystem.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from decimal import Decimal
from pathlib import Path

import attrs
import dask
import dask.bag as db

import lawgov
import lawgov.samples


def convert_file(path: str, source_root: str, output_root: str) -> tuple[str, str | None]:
    """Convert one JSON report to XML below ``output_root``; returns (path, error or None).

    Errors are returned, not raised, so that one bad file does not fail the whole bag.
    Existing outputs are kept (a rerun resumes), and lawgov.write is atomic, so a killed worker
    never leaves a half-written file.
    """
    source = Path(path)
    target = Path(output_root) / source.relative_to(source_root).with_suffix(".xml")
    if target.exists():
        return path, None
    try:
        report = lawgov.read(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        lawgov.write(report, target)
    except (lawgov.LawgovError, OSError) as error:
        return path, str(error)
    return path, None


def metric_facts(report: lawgov.Report) -> list[tuple[str, Decimal]]:
    """(base unit, value in that unit) for every metric of a report."""
    return [(metric.base_unit, metric.base_value) for metric in report.iter_metrics()]


def convert_tree(source_root: Path, output_root: Path) -> tuple[int, list[tuple[str, str]]]:
    """Convert every .json below ``source_root``; returns the count and the failures."""
    paths = sorted(str(p) for p in source_root.rglob("*.json"))
    bag = db.from_sequence(paths, partition_size=50)
    results = bag.map(convert_file, str(source_root), str(output_root)).compute()
    failures = [(path, error) for path, error in results if error is not None]
    return len(results) - len(failures), failures


def summarise(jsonl_glob: str) -> dict[str, Decimal]:
    """Total value per base unit over every report of the JSON Lines corpora."""
    reports = db.read_text(jsonl_glob).filter(str.strip).map(lawgov.from_json)
    totals = (
        reports.map(metric_facts)
        .flatten()
        .foldby(
            lambda fact: fact[0],
            lambda total, fact: total + fact[1],
            Decimal(0),
            lambda left, right: left + right,
            Decimal(0),
        )
    )
    return dict(sorted(totals.compute()))


def write_collections(jsonl_glob: str, output_root: Path) -> list[int]:
    """Rewrite JSON Lines corpora as XML collections, one per partition; returns their sizes."""
    reports = db.read_text(jsonl_glob, blocksize="256KiB").filter(str.strip).map(lawgov.from_json)
    output_root.mkdir(parents=True, exist_ok=True)
    writes = [
        dask.delayed(lawgov.write_reports)(part, output_root / f"part-{index:05d}.xml")
        for index, part in enumerate(reports.to_delayed())
    ]
    return list(dask.compute(*writes))


def make_sample_corpus(root: Path, count: int) -> tuple[Path, str]:
    """A tree of ``count`` JSON reports (one of them invalid) and a JSON Lines corpus."""
    base = lawgov.samples.load("jianghai-kjj-2020")
    tree = root / "reports"
    with open(root / "corpus.jsonl", "w", encoding="utf-8") as corpus:
        for index in range(count):
            report = attrs.evolve(base, title=f"{base.title}（{index}）")
            folder = tree / f"batch{index // 10}"
            folder.mkdir(parents=True, exist_ok=True)
            lawgov.write(report, folder / f"report{index:03d}.json")
            corpus.write(json.dumps(lawgov.to_dict(report), ensure_ascii=False) + "\n")
    broken = json.loads((tree / "batch0" / "report000.json").read_text(encoding="utf-8"))
    broken["year"] = 1800
    (tree / "batch0" / "broken.json").write_text(json.dumps(broken), encoding="utf-8")
    return tree, str(root / "corpus.jsonl")


def main() -> None:
    """Run both jobs on the given data or on a generated corpus."""
    parser = argparse.ArgumentParser(description="lawgov corpora with Dask bag")
    parser.add_argument("source", nargs="?", help="folder of JSON reports (default: generated)")
    parser.add_argument("output", nargs="?", help="folder for the XML reports")
    parser.add_argument("--jsonl", help="glob of JSON Lines corpora to summarise")
    parser.add_argument("--scheduler", default="processes", help="threads, processes, sync")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch, dask.config.set(scheduler=args.scheduler):
        if args.source is None:
            source, jsonl = make_sample_corpus(Path(scratch), 40)
            output = Path(scratch) / "xml"
        else:
            source, jsonl = Path(args.source), args.jsonl
            output = Path(args.output or f"{args.source.rstrip('/')}-xml")
        converted, failures = convert_tree(source, output)
        print(f"converted {converted}, failed {len(failures)}")
        for path, error in failures:
            print(f"  {Path(path).relative_to(source)}: {error.splitlines()[-1].strip()}")
        if jsonl:
            for unit, total in summarise(jsonl).items():
                print(f"total {unit}: {total}")
            sizes = write_collections(jsonl, output / "collections")
            print(f"wrote {sum(sizes)} reports into {len(sizes)} XML collection(s)")


if __name__ == "__main__":
    main()
