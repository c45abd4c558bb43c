"""Catch a ValidationError and print every problem with its path.

Run it with ``python examples/validation_errors.py``. Three ways in: building one object in
code, building a report with several bad fields, and loading a JSON document that is broken in
several places (the loaders report every problem in the whole tree at once).
"""

from __future__ import annotations

import json
from decimal import Decimal

import pendulum

import lawgov


def show(title: str, error: lawgov.ValidationError) -> None:
    """Print each problem: its path, the broken rule and the message."""
    print(f"{title}: {len(error.problems)} problem(s)")
    for problem in error.problems:
        print(f"  {problem.path or '(the object itself)'}  [{problem.rule}]  {problem.message}")


def main() -> None:
    """Break the rules three ways and print what lawgov says."""
    # 1. One object: construction checks it at once, so an invalid object never exists.
    try:
        lawgov.Metric(value=Decimal(-3), unit="项", text="-3项")
    except lawgov.ValidationError as error:
        show("a negative metric", error)

    # 2. Several problems in one object are listed together, never just the first.
    try:
        lawgov.Report(
            title=" ",
            issuer=lawgov.Agency(name="区科技局"),
            year=1900,
            published=pendulum.naive(2021, 2, 26, 16, 14),
        )
    except lawgov.ValidationError as error:
        show("a report header", error)

    # 3. A whole document: every problem, at every depth, with its path from the root.
    good = lawgov.Report(
        title="区科技局2020年法治政府建设年度报告",
        issuer=lawgov.Agency(name="区科技局"),
        year=2020,
        sections=[
            lawgov.Section(
                number=1,
                title="主要举措和成效",
                measures=[
                    lawgov.Measure(
                        number=1,
                        title="优化营商环境",
                        text="优化营商环境，兑现扶持资金1500万元。",
                        metrics=[lawgov.Metric(value=1500, unit="万元", text="1500万元")],
                    )
                ],
                delegated_powers=[
                    lawgov.DelegatedPower(
                        count=23,
                        changes=[lawgov.PowerChange(kind=lawgov.ChangeKind.TRANSFERRED, count=3)],
                    )
                ],
            )
        ],
    )
    document = json.loads(lawgov.to_json(good))
    document["year"] = 1948
    document["published"] = "2021-02-26T16:14:00"  # no offset: a naive time
    section = document["sections"][0]
    section["number"] = 2
    section["measures"][0]["metrics"][0]["value"] = "-1500"
    section["delegated_powers"][0]["changes"][0]["count"] = 30
    section["measures"][0]["colour"] = "red"  # not a field of the format
    try:
        lawgov.from_json(json.dumps(document, ensure_ascii=False))
    except lawgov.ValidationError as error:
        show("a broken JSON document", error)
        # A ValidationError is a LawgovError and a ValueError: generic handlers catch it too.
        print(f"a LawgovError: {isinstance(error, lawgov.LawgovError)}")
        print(f"a ValueError: {isinstance(error, ValueError)}")


if __name__ == "__main__":
    main()
