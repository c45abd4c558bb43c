"""mypy must accept this: the model used as documented, with the types users rely on."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal

import attrs
import pendulum

import lawgov

report = lawgov.Report(
    title="区科技局2020年法治政府建设年度报告",
    issuer=lawgov.Agency(name="区科技局"),
    year=2020,
    published=pendulum.datetime(2021, 2, 26, 16, 14, tz="Asia/Shanghai"),
    sections=[
        lawgov.Section(
            number=1,
            title="主要举措和成效",
            kind=lawgov.SectionKind.MEASURES_AND_RESULTS,
            measures=[
                lawgov.Measure(
                    number=1,
                    title="扶持企业",
                    text="扶持企业，拨付资金1500万元。",
                    metrics=[lawgov.Metric(value=Decimal(1500), unit="万元", text="1500万元")],
                )
            ],
        )
    ],
)

measures: Iterator[lawgov.Measure] = report.iter_measures()
base: Decimal = next(report.iter_metrics()).base_value
unit: str = next(report.iter_metrics()).base_unit
title: str = report.sections[0].title
published: pendulum.DateTime | None = report.published
count: int = lawgov.DelegatedPower(count=23).remaining
number: lawgov.DocumentNumber = lawgov.DocumentNumber.parse("江府〔2017〕16号")
year: int | None = number.year
later: lawgov.Report = attrs.evolve(report, year=2021)
problems: tuple[lawgov.Problem, ...] = lawgov.ValidationError([]).problems
error: lawgov.LawgovError = lawgov.ValidationError([])
value_error: ValueError = lawgov.ValidationError([])
exact = lawgov.Metric(value=3, unit="次", text="3次")
as_json: str = lawgov.to_json(report)
as_xml: bytes = lawgov.to_xml(report)
from_json: lawgov.Report = lawgov.from_json(as_json.encode())
from_xml: lawgov.Report = lawgov.from_xml(as_xml)
rules: dict[str, str] = dict(lawgov.RULES)
# An aware standard-library datetime is accepted (and converted to pendulum).
aware = datetime.datetime(2021, 2, 26, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
stdlib_published: pendulum.DateTime | None = attrs.evolve(report, published=aware).published
