"""Build a report in code, walk it in document order and read metrics in their base units.

Run it with ``python examples/build_report.py``.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum

import lawgov
from lawgov import (
    Agency,
    ChangeKind,
    Citation,
    DelegatedPower,
    DocumentNumber,
    Measure,
    Metric,
    PowerChange,
    PowerMode,
    Qualifier,
    Report,
    Section,
    SectionKind,
)


def build() -> Report:
    """A small report in the shape of the bundled sample (区科技局, 2020)."""
    issuer = Agency(name="区科技局")
    basis = Citation(document_number=DocumentNumber.parse("江府〔2017〕16号"))
    return Report(
        title="区科技局2020年法治政府建设年度报告",
        issuer=issuer,
        year=2020,
        # A local time from a Chinese site is China time: always say so.
        published=pendulum.datetime(2021, 2, 26, 16, 14, tz="Asia/Shanghai"),
        source="本网",
        preamble=["2020年，区科技局深入推进法治政府建设，现将有关情况报告如下："],
        sections=[
            Section(
                number=1,
                title="主要举措和成效",
                kind=SectionKind.MEASURES_AND_RESULTS,
                measures=[
                    Measure(
                        number=1,
                        title="加强学法用法",
                        text="加强学法用法，组织学习《中华人民共和国民法典》。",
                        citations=[Citation(title="中华人民共和国民法典")],
                    ),
                    Measure(
                        number=2,
                        title="优化营商环境",
                        text="优化营商环境，为608家企业兑现扶持资金1500万元。",
                        metrics=[
                            Metric(value=608, unit="家", text="608家", name="受惠企业"),
                            Metric(value=1500, unit="万元", text="1500万元", name="扶持资金"),
                        ],
                        submeasures=[
                            Measure(
                                number=1,
                                title="落实减税降费",
                                text="落实减税降费，惠及4.27万户。",
                                metrics=[
                                    Metric(
                                        value=Decimal("4.27"),
                                        unit="万户",
                                        text="4.27万户",
                                        qualifier=Qualifier.APPROXIMATELY,
                                    )
                                ],
                            )
                        ],
                    ),
                ],
            ),
            Section(
                number=2,
                title="承接委托和下放权力",
                kind=SectionKind.MEASURES_AND_RESULTS,
                paragraphs=[
                    "根据江府〔2017〕16号，江门市科技局委托和下放管理职权共23项，"
                    "其中3项调整至区市场监管局，现承接20项。"
                ],
                metrics=[
                    Metric(value=23, unit="项", text="23项"),
                    Metric(value=3, unit="项", text="3项"),
                    Metric(value=20, unit="项", text="20项"),
                ],
                citations=[basis],
                delegated_powers=[
                    DelegatedPower(
                        grantor=Agency(name="江门市科技局"),
                        grantee=issuer,
                        mode=PowerMode.DELEGATED_AND_ENTRUSTED,
                        count=23,
                        basis=basis,
                        changes=[
                            PowerChange(
                                kind=ChangeKind.TRANSFERRED,
                                count=3,
                                recipient=Agency(name="区市场监管局"),
                            )
                        ],
                    )
                ],
            ),
            Section(number=3, title="存在的不足和原因", kind=SectionKind.SHORTCOMINGS),
        ],
    )


def main() -> None:
    """Build the report and print what its traversals find."""
    report = build()
    print(f"{report.title} ({report.year}), published {report.published}")

    print("\nsections:")
    for section in report.iter_sections():
        print(f"  {section.number}. {section.title} [{section.kind.value}]")

    print("\nmeasures:")
    for measure in report.iter_measures():
        print(f"  {measure.number}: {measure.title}")

    print("\nmetrics (as written -> in base units):")
    for metric in report.iter_metrics():
        print(
            f"  {metric.text}: {metric.value} {metric.unit} -> {metric.base_value} "
            f"{metric.base_unit} ({metric.qualifier.value})"
        )

    print("\ncitations:")
    for citation in report.iter_citations():
        print(f"  {citation}")

    print("\ndelegated powers:")
    for power in report.iter_delegated_powers():
        print(
            f"  {power.grantor} -> {power.grantee}: {power.count} {power.mode.value}, "
            f"{power.transferred} moved on, {power.remaining} remaining"
        )

    # Objects are immutable: attrs.evolve makes a changed copy and validates it again.
    fixed = attrs.evolve(report, source="江门市江海区人民政府网")
    print(f"\nevolved copy equal to the original: {fixed == report}")
    try:
        attrs.evolve(report, year=1900)
    except lawgov.ValidationError as error:
        print(f"evolve refused: {error.problems[0]}")


if __name__ == "__main__":
    main()
