"""Check reports against article 24 of 厅字〔2019〕28号, then summarise a small corpus.

Run: python examples/assess_corpus.py
The corpus is the bundled sample and three invented reports (fictional agencies and dates).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pendulum

import lawgov
import lawgov.samples
from lawgov import Agency, Report, Section, SectionKind

CHINA = pendulum.FixedTimezone(8 * 3600)
PARTS = (
    ("主要举措和成效", SectionKind.MEASURES_AND_RESULTS),
    ("存在的不足和原因", SectionKind.SHORTCOMINGS),
    ("主要负责人履行第一责任人职责情况", SectionKind.LEADERSHIP_DUTIES),
    ("2024年工作安排", SectionKind.NEXT_YEAR_PLAN),
)


def invented(issuer: str, published: pendulum.DateTime | None, parts: int) -> Report:
    sections = [
        Section(number=n, title=title, kind=kind)
        for n, (title, kind) in enumerate(PARTS[:parts], start=1)
    ]
    return Report(
        title=f"{issuer}2023年法治政府建设年度报告",
        issuer=Agency(name=issuer),
        year=2023,
        published=published,
        sections=sections,
    )


sample = lawgov.samples.load("jianghai-kjj-2020")
assessment = lawgov.assess(sample)
print(f"{assessment.issuer} ({assessment.level}), {assessment.year}:")
for check in assessment.checks:
    evidence = "; ".join(check.evidence[:1]) or check.reason
    print(f"  {check.rule}: {check.status.value} ({evidence})")

corpus = [
    sample,
    invented("青石县司法局", pendulum.datetime(2024, 2, 20, 10, 0, tz=CHINA), 4),
    invented("青石县文旅局", pendulum.datetime(2024, 4, 15, 9, 0, tz=CHINA), 3),
    invented("白鹭市审计局", None, 4),
]
assessments = [lawgov.assess(report) for report in corpus]
for row in lawgov.summarize_assessments(assessments):
    print(
        f"{row['group']}: {row['reports']} reports, on time {row['published_by_april_1_share']}, "
        f"with leaders' duties {row['part_leadership_duties_share']}, "
        f"median published {row['median_published']}"
    )

with tempfile.TemporaryDirectory() as folder:
    chart = Path(folder) / "assessment.svg"
    chart.write_text(lawgov.assessment_chart_svg(assessments), encoding="utf-8")
    print(f"chart: an SVG of {chart.stat().st_size} bytes, starts {chart.read_text('utf-8')[:4]!r}")
