"""lawgov.diff: structural, path-based differences between two reports, tested on known pairs."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum
from hypothesis import given
from hypothesis import strategies as st

import lawgov
from lawgov import Difference, diff, testing
from lawgov._model import rules


def _metric(value: str, unit: str = "项") -> lawgov.Metric:
    return lawgov.Metric(value=Decimal(value), unit=unit, text=f"{value}{unit}")


def _section(number: int, title: str, *measures: lawgov.Measure) -> lawgov.Section:
    return lawgov.Section(number=number, title=title, measures=measures)


def _measure(number: int, title: str, *metrics: lawgov.Metric) -> lawgov.Measure:
    return lawgov.Measure(number=number, title=title, text=f"{title}。", metrics=metrics)


BASE = lawgov.Report(
    title="江海区科学技术局2020年法治政府建设年度报告",
    issuer=lawgov.Agency(name="江海区科学技术局"),
    year=2020,
    published=pendulum.datetime(2021, 2, 26, 16, 14, tz="Asia/Shanghai"),
    sections=(
        _section(
            1,
            "主要举措和成效",
            _measure(1, "强化组织领导", _metric("4", "次")),
            _measure(2, "规范行政决策", _metric("21"), _metric("100", "%"), _metric("450", "万元")),
        ),
        _section(2, "存在的不足和原因"),
        _section(3, "下一步计划"),
    ),
)


def test_equal_reports_have_no_differences() -> None:
    assert diff(BASE, BASE) == []
    assert diff(BASE, attrs.evolve(BASE)) == []


def test_a_changed_metric_value_is_reported_at_its_full_path_with_both_values() -> None:
    measure = BASE.sections[0].measures[1]
    changed = attrs.evolve(
        measure, metrics=(*measure.metrics[:2], attrs.evolve(measure.metrics[2], value=500))
    )
    section = attrs.evolve(BASE.sections[0], measures=(BASE.sections[0].measures[0], changed))
    other = attrs.evolve(BASE, sections=(section, *BASE.sections[1:]))
    assert diff(BASE, other) == [
        Difference(
            path="sections[0].measures[1].metrics[2].value",
            left=Decimal("450"),
            right=Decimal("500"),
        )
    ]
    assert str(diff(BASE, other)[0]) == "sections[0].measures[1].metrics[2].value: 450 -> 500"


def test_reordered_sections_show_every_position_whose_content_changed() -> None:
    first, second, third = BASE.sections
    swapped = attrs.evolve(
        BASE,
        sections=(first, attrs.evolve(third, number=2), attrs.evolve(second, number=3)),
    )
    # Positions are compared, not matched: the numbers follow position and stay equal.
    assert [(d.path, d.left, d.right) for d in diff(BASE, swapped)] == [
        ("sections[1].title", "存在的不足和原因", "下一步计划"),
        ("sections[2].title", "下一步计划", "存在的不足和原因"),
    ]


def test_added_and_removed_items_are_told_apart_from_none() -> None:
    fewer = attrs.evolve(BASE, sections=BASE.sections[:1])
    removed = diff(BASE, fewer)
    assert [(d.path, d.kind, d.right) for d in removed] == [
        ("sections[1]", "removed", None),
        ("sections[2]", "removed", None),
    ]
    assert removed[0].left == BASE.sections[1]
    added = diff(fewer, BASE)
    assert [(d.path, d.kind, d.left) for d in added] == [
        ("sections[1]", "added", None),
        ("sections[2]", "added", None),
    ]
    assert str(added[0]) == (
        "sections[1]: added Section(number=2, title='存在的不足和原因', kind=SectionKind.OTHER)"
    )


def test_none_against_a_value_is_one_difference_with_both_values() -> None:
    unpublished = attrs.evolve(BASE, published=None, url="https://www.jianghai.gov.cn/1.html")
    found = diff(BASE, unpublished)
    assert [(d.path, d.kind) for d in found] == [("published", "changed"), ("url", "changed")]
    assert found[0].left == BASE.published
    assert found[0].right is None
    assert str(found[0]) == "published: 2021-02-26T16:14:00+08:00 -> None"
    assert str(found[1]) == "url: None -> 'https://www.jianghai.gov.cn/1.html'"


def test_two_years_of_one_agency_differ_in_document_order() -> None:
    next_year = attrs.evolve(
        BASE,
        title="江海区科学技术局2021年法治政府建设年度报告",
        year=2021,
        published=pendulum.datetime(2022, 3, 1, 9, 0, tz="Asia/Shanghai"),
        sections=(
            attrs.evolve(BASE.sections[0], kind=lawgov.SectionKind.MEASURES_AND_RESULTS),
            *BASE.sections[1:],
        ),
    )
    assert [d.path for d in diff(BASE, next_year)] == [
        "title",
        "year",
        "published",
        "sections[0].kind",
    ]
    assert str(diff(BASE, next_year)[3]) == (
        "sections[0].kind: SectionKind.OTHER -> SectionKind.MEASURES_AND_RESULTS"
    )


def test_objects_of_different_classes_differ_at_the_root() -> None:
    section = BASE.sections[0]
    found = diff(BASE, section)
    assert found == [Difference(path="", left=BASE, right=section)]
    assert str(found[0]).startswith("<root>: Report(title=")


def test_equal_decimals_written_differently_are_not_a_difference() -> None:
    # diff agrees with ==, and Decimal("1.0") == Decimal("1") (the model compares values).
    assert diff(_metric("1.0"), attrs.evolve(_metric("1.0"), value=Decimal("1"))) == []


def test_long_values_are_cut_to_one_readable_line() -> None:
    long_title = "很长的标题" * 50
    found = diff(BASE, attrs.evolve(BASE, title=long_title))
    line = str(found[0])
    assert "\n" not in line
    assert line.endswith("…")
    assert len(line) < 250


def test_deep_trees_do_not_hit_the_recursion_limit() -> None:
    # The model refuses trees deeper than 32 (nesting_depth); diff must still cope with one
    # built without checks.
    def chain(depth: int, title: str) -> lawgov.Measure:
        with rules.unchecked():
            measure = lawgov.Measure(number=1, title=title, text=title)
            for _ in range(depth):
                measure = lawgov.Measure(
                    number=1, title="上级", text="上级", submeasures=(measure,)
                )
        return measure

    found = diff(chain(3000, "甲"), chain(3000, "乙"))
    assert [d.right for d in found] == ["乙", "乙"]
    assert found[0].path.count("submeasures[0]") == 3000


@given(testing.reports(max_depth=2), testing.reports(max_depth=2))
def test_diff_is_empty_exactly_when_reports_are_equal(a: lawgov.Report, b: lawgov.Report) -> None:
    assert (diff(a, b) == []) == (a == b)
    assert diff(a, a) == []


@given(testing.reports(max_depth=2), st.data())
def test_every_difference_path_leads_to_its_values(a: lawgov.Report, data: st.DataObject) -> None:
    b = data.draw(testing.reports(max_depth=2))
    for difference in diff(a, b):
        if difference.kind != "added":
            assert _resolve(a, difference.path) == difference.left
        if difference.kind != "removed":
            assert _resolve(b, difference.path) == difference.right


def _resolve(root: object, path: str) -> object:
    """Follow a path such as ``sections[0].measures[1].title`` from ``root``."""
    node = root
    for part in path.replace("[", ".[").split("."):
        if not part:
            continue
        node = node[int(part[1:-1])] if part.startswith("[") else getattr(node, part)  # type: ignore[index]
    return node


def test_long_texts_are_shown_around_their_first_difference() -> None:
    text = (
        "深入学习宪法和中国特色社会主义法律体系，" * 6
        + "确保我局法治政府建设工作有组织、有步骤地推进。"
    )
    measure = lawgov.Measure(number=1, title="学法", text=text)
    changed = attrs.evolve(measure, text=text.replace("确保我局", "确保本局"))
    (difference,) = diff(measure, changed)
    left, right = str(difference).removeprefix("text: ").split(" -> ")
    # Ten characters of context, a window of thirty, and marks where the text goes on.
    assert left == "…'会主义法律体系，确保我局法治政府建设工作有组织、有步骤地推进'…"
    assert right == "…'会主义法律体系，确保本局法治政府建设工作有组织、有步骤地推进'…"
    longer = attrs.evolve(measure, text=text + "补充。")
    assert str(diff(measure, longer)[0]) == (
        "text: …'组织、有步骤地推进。' -> …'组织、有步骤地推进。补充。'"
    )
