"""Parser throughput: characters per second on the seed and on 1,000 generated report texts.

Run from the repository root::

    .venv/bin/python benchmarks/bench_parse.py

It prints, for the seed (the scraped traditional-script page): the best and median time of one
``parse_text`` and its throughput, with the share spent cleaning; for a corpus of 1,000 report
texts generated from the model and rendered with ``render_text`` (a seeded random, so every run
parses the same corpus; half of them with ASCII-folded punctuation as scraped copies have it):
the total time and throughput; and, to show the parser is linear, the throughput on the seed's
body repeated 1, 4 and 16 times.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pendulum

import lawgov
from lawgov._parse.pipeline import render_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_d4caa6dbc77ce380.txt"
BUNDLED = ROOT / "src" / "lawgov" / "samples" / "jianghai-kjj-2020.txt"
FIXTURES = ROOT.parent / "shared" / "fixtures"

_AGENCIES = ("区科技局", "某县人民政府", "岚川市司法局", "临港镇人民政府", "青山县生态环境局")
_ASCII_FOLD = str.maketrans("，：；（）！？", ",:;()!?")


def _timed(function: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def _pools(texts: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Section titles, paragraphs and measure texts of real reports, to compose new ones from."""
    titles, paragraphs, measures = [], [], []
    for text in texts:
        report = lawgov.parse_text(text)
        for section in report.iter_sections():
            titles.append(section.title)
            paragraphs.extend(section.paragraphs)
        measures.extend(
            measure.text for measure in report.iter_measures() if "\n" not in measure.text
        )
    return titles, paragraphs or ["全年办理行政复议案件12件。"], measures


def _measures(rng: random.Random, pool: list[str], depth: int) -> list[lawgov.Measure]:
    items = []
    for number in range(1, rng.randint(0, 5) + 1):
        text = rng.choice(pool)
        title = text.split("。")[0].split("，")[0].split("；")[0] or text
        subs = _measures(rng, pool, depth - 1) if depth > 1 and rng.random() < 0.2 else []
        items.append(lawgov.Measure(number=number, title=title, text=text, submeasures=subs))
    return items


def _sections(
    rng: random.Random, pools: tuple[list[str], list[str], list[str]], depth: int
) -> list[lawgov.Section]:
    titles, paragraphs, measures = pools
    count = rng.randint(2, 5) if depth == 1 else rng.randint(0, 3)
    return [
        lawgov.Section(
            number=number,
            title=rng.choice(titles),
            paragraphs=rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(0, 2))),
            measures=_measures(rng, measures, 2),
            subsections=_sections(rng, pools, depth + 1) if depth < 3 else [],
        )
        for number in range(1, count + 1)
    ]


def generate(count: int, pools: tuple[list[str], list[str], list[str]], seed: int) -> list[str]:
    """Render ``count`` reports composed at random from real reports' titles and texts."""
    rng = random.Random(seed)
    texts = []
    for index in range(count):
        issuer = rng.choice(_AGENCIES)
        year = rng.randint(2016, 2024)
        report = lawgov.Report(
            title=f"{issuer}{year}年法治政府建设年度报告",
            issuer=lawgov.Agency(name=issuer),
            year=year,
            published=pendulum.datetime(
                year + 1, rng.randint(1, 3), rng.randint(1, 28), tz="Asia/Shanghai"
            ),
            source="本网",
            preamble=rng.sample(pools[1], k=1),
            sections=_sections(rng, pools, 1),
            closing=[issuer, f"{year + 1}年1月5日"],
        )
        text = render_text(report)
        texts.append(text.translate(_ASCII_FOLD) if index % 2 else text)
    return texts


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=1000, help="generated reports (1000)")
    parser.add_argument("--repeat", type=int, default=50, help="timed runs on the seed (50)")
    parser.add_argument(
        "--quick", action="store_true", help="20 reports, 3 runs, the bundled text only"
    )
    args = parser.parse_args()
    if args.quick:
        args.count, args.repeat = 20, 3

    # --quick reads nothing outside the repository (the test suite runs it).
    seed = SEED if SEED.is_file() and not args.quick else BUNDLED
    seed_text = seed.read_text(encoding="utf-8")
    lawgov.parse_text(seed_text)  # warm up: OpenCC and pypinyin load lazily
    times = _timed(lambda: lawgov.parse_text(seed_text), args.repeat)
    cleaning = _timed(lambda: lawgov.clean_text(seed_text), args.repeat)
    best, median = min(times), statistics.median(times)
    print(f"seed: {len(seed_text):,} chars")
    print(
        f"  parse_text best {best * 1000:.1f} ms, median {median * 1000:.1f} ms "
        f"({len(seed_text) / median:,.0f} chars/s)"
    )
    print(
        f"  of which clean_text best {min(cleaning) * 1000:.1f} ms, "
        f"median {statistics.median(cleaning) * 1000:.1f} ms"
    )

    sources = [seed_text]
    if FIXTURES.is_dir() and not args.quick:
        sources += [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]
    corpus = generate(args.count, _pools(sources), seed=2026)
    chars = sum(map(len, corpus))
    start = time.perf_counter()
    for text in corpus:
        lawgov.parse_text(text)
    elapsed = time.perf_counter() - start
    print(f"generated: {len(corpus):,} reports, {chars:,} chars")
    print(
        f"  total {elapsed:.2f} s, {elapsed / len(corpus) * 1000:.1f} ms per report "
        f"({chars / elapsed:,.0f} chars/s)"
    )

    head, _, body = seed_text.partition("\n")
    print("linearity (seed body repeated):")
    for factor in (1, 4) if args.quick else (1, 4, 16):
        text = head + "\n" + "\n".join([body] * factor)
        run = statistics.median(_timed(lambda text=text: lawgov.parse_text(text), 5))
        print(
            f"  x{factor:<3} {len(text):>9,} chars  {run * 1000:8.1f} ms  "
            f"{len(text) / run:>12,.0f} chars/s"
        )


if __name__ == "__main__":
    main()
