"""The golden seed report: the hand-written build(), its JSON and XML files, and its facts.

``tests/golden/seed_report.py`` is the reference; the files next to it are its serialisations.
These tests hold the three together (same report, same bytes) and pin the facts a careful
reader finds in the seed, so that a change to the model, the formats or the golden itself shows.
"""

from __future__ import annotations

import copy
import importlib.util
import json
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pendulum
import pytest

import lawgov
from lawgov import ChangeKind, PowerMode, Qualifier, SectionKind


def _load_seed_module() -> ModuleType:
    # By path, so the test does not depend on how pytest puts tests/ on sys.path.
    location = Path(__file__).parent / "golden" / "seed_report.py"
    spec = importlib.util.spec_from_file_location("lawgov_golden_seed_report", location)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


seed_report = _load_seed_module()
GOLDEN_JSON: Path = seed_report.GOLDEN_JSON
GOLDEN_XML: Path = seed_report.GOLDEN_XML


@pytest.fixture(scope="module")
def report() -> lawgov.Report:
    built: lawgov.Report = seed_report.build()
    return built


# --- the golden files ------------------------------------------------------------------------


def test_build_equals_the_golden_json_and_xml(report: lawgov.Report) -> None:
    assert lawgov.from_json(GOLDEN_JSON.read_bytes()) == report
    assert lawgov.from_xml(GOLDEN_XML.read_bytes()) == report


def test_to_json_reproduces_the_golden_file_byte_for_byte(report: lawgov.Report) -> None:
    assert lawgov.to_json(report).encode("utf-8") == GOLDEN_JSON.read_bytes()


def test_to_xml_reproduces_the_golden_file_byte_for_byte(report: lawgov.Report) -> None:
    assert lawgov.to_xml(report) == GOLDEN_XML.read_bytes()


def test_json_to_xml_to_json_is_byte_identical() -> None:
    document = GOLDEN_JSON.read_bytes()
    via_xml = lawgov.from_xml(lawgov.to_xml(lawgov.from_json(document)))
    assert lawgov.to_json(via_xml).encode("utf-8") == document


def test_xml_to_json_to_xml_is_byte_identical() -> None:
    document = GOLDEN_XML.read_bytes()
    via_json = lawgov.from_json(lawgov.to_json(lawgov.from_xml(document)))
    assert lawgov.to_xml(via_json) == document


def test_the_bundled_sample_is_the_golden_json() -> None:
    assert seed_report.SAMPLE_JSON.read_bytes() == GOLDEN_JSON.read_bytes()


def test_golden_files_are_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert seed_report.main([]) == 0
    assert capsys.readouterr().err == ""


def test_regeneration_writes_stale_files_and_then_finds_them_fresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = {
        name: tmp_path / f"{name}.out" for name in ("GOLDEN_JSON", "GOLDEN_XML", "SAMPLE_JSON")
    }
    for name, target in targets.items():
        monkeypatch.setattr(seed_report, name, target)
    targets["GOLDEN_XML"].write_bytes(b"<stale/>")
    assert seed_report.main([]) == 1
    assert capsys.readouterr().err.count("stale: ") == 3
    assert seed_report.main(["--write"]) == 0
    assert capsys.readouterr().out.count("wrote ") == 3
    assert seed_report.main([]) == 0
    assert targets["GOLDEN_JSON"].read_bytes() == GOLDEN_JSON.read_bytes()
    assert targets["GOLDEN_XML"].read_bytes() == GOLDEN_XML.read_bytes()
    assert seed_report.write() == []


def test_golden_json_is_readable_chinese() -> None:
    text = GOLDEN_JSON.read_text(encoding="utf-8")
    assert "区科技局2020年法治政府建设年度报告" in text
    assert "\\u" not in text


# --- the seed's facts ------------------------------------------------------------------------


def test_header(report: lawgov.Report) -> None:
    assert report.title == "区科技局2020年法治政府建设年度报告"
    assert report.issuer == lawgov.Agency(name="区科技局")
    assert report.year == 2020
    assert report.published == pendulum.datetime(2021, 2, 26, 16, 14, tz="Asia/Shanghai")
    assert report.published is not None
    assert report.published.utcoffset() == pendulum.duration(hours=8)
    assert report.source == "本网"
    assert report.views is None
    assert report.url is None
    assert report.disclosure is None
    assert report.preamble == ("根据有关要求，现将科技局法治政府建设工作情况汇报如下：",)
    assert report.closing == ()


_MEASURES = SectionKind.MEASURES_AND_RESULTS

#: Each section by its position (top level, then subsection): title, kind, own measures, children.
SECTIONS: list[tuple[tuple[int, ...], tuple[str, SectionKind, int, int]]] = [
    ((0,), ("推进法治政府建设工作", _MEASURES, 0, 2)),
    ((0, 0), ("加强组织领导，推进法治政府建设进程", _MEASURES, 2, 0)),
    ((0, 1), ("健全重大行政决策机制，严格决策制定程序", _MEASURES, 4, 0)),
    ((1,), ("加强推进科技防疫工作", _MEASURES, 5, 0)),
    ((2,), ("落实行政审批事项和管理职权目录", _MEASURES, 0, 0)),
    ((3,), ("下一步计划", SectionKind.NEXT_YEAR_PLAN, 3, 0)),
]


@pytest.mark.parametrize(("path", "expected"), SECTIONS)
def test_sections(
    report: lawgov.Report, path: tuple[int, ...], expected: tuple[str, SectionKind, int, int]
) -> None:
    section = report.sections[path[0]]
    for index in path[1:]:
        section = section.subsections[index]
    assert section.number == path[-1] + 1
    assert (section.title, section.kind, len(section.measures), len(section.subsections)) == (
        expected
    )


def test_four_sections_six_in_all(report: lawgov.Report) -> None:
    assert len(report.sections) == 4
    assert [s.title for s in report.iter_sections()][1:3] == [
        "加强组织领导，推进法治政府建设进程",
        "健全重大行政决策机制，严格决策制定程序",
    ]
    assert sum(1 for _ in report.iter_sections()) == 6


def test_section_two_third_measure_has_three_submeasures(report: lawgov.Report) -> None:
    measures = report.sections[1].measures
    assert len(measures) == 5
    third = measures[2]
    assert third.title == "进一步为各类科技企业提供便利化服务"
    assert third.text == (
        "进一步为各类科技企业提供便利化服务。在疫情期间，我区科技工作相关会议通知和申报工作均在线上实施。"
    )
    assert [sub.number for sub in third.submeasures] == [1, 2, 3]
    assert [sub.title for sub in third.submeasures] == [
        "通知企业参加省生产力中心联合华转、省技术市场协会在2月25日举办的"
        "“疫情期间技术合同认定登记实务”线上直播课程",
        "积极发动企业做好技术合同登记工作",
        "做好省市级科技创新卷申报工作",
    ]
    assert third.submeasures[2].text.endswith("帮助企业减轻负担，推动科技创新。")


def test_measure_order_and_titles(report: lawgov.Report) -> None:
    assert [(m.number, m.title) for m in report.iter_measures()] == [
        (1, "落实法治政府建设第一责任人制度"),
        (2, "落实领导干部学法制度"),
        (1, "推进依法科学民主决策"),
        (2, "建立健全依法决策程序"),
        (3, "严格执行“三重一大”集体决策制度"),
        (4, "法律顾问制度常态化"),
        (1, "提前谋划火炬统计工作"),
        (2, "加强疫情防控科研攻关"),
        (3, "进一步为各类科技企业提供便利化服务"),
        (
            1,
            "通知企业参加省生产力中心联合华转、省技术市场协会在2月25日举办的"
            "“疫情期间技术合同认定登记实务”线上直播课程",
        ),
        (2, "积极发动企业做好技术合同登记工作"),
        (3, "做好省市级科技创新卷申报工作"),
        (4, "深化科技金融服务"),
        (5, "开展科技暖企活动"),
        (1, "加强干部学法用法培训教育"),
        (2, "加强科技政策法规宣传"),
        (3, "加强发挥法律顾问作用"),
    ]


def test_measure_texts_start_with_their_titles(report: lawgov.Report) -> None:
    for measure in report.iter_measures():
        assert measure.text.startswith(measure.title)
        assert measure.text[len(measure.title)] in "。；，："
        assert measure.text[-1] in "。；"


def test_cleaned_text_has_no_scraping_noise(report: lawgov.Report) -> None:
    texts = [report.title, *report.preamble]
    for section in report.iter_sections():
        texts.extend([section.title, *section.paragraphs])
    texts.extend(m.text for m in report.iter_measures())
    joined = "".join(texts)
    for noise in ("?", "/span>", ",", ";", ":", "(", ")", '"', "區", "設"):
        assert noise not in joined
    assert (
        "第一责任人制度，法治政府建设领导小组" in report.sections[0].subsections[0].measures[0].text
    )
    assert "实施“一企一策”帮扶" in report.sections[1].measures[4].text
    assert "关于做好党组（党委）工作规则规范性报备的通知" in joined
    assert "各市（区）人民政府" in joined


def test_section_four_lead_in_is_a_paragraph(report: lawgov.Report) -> None:
    plan = report.sections[3]
    assert plan.paragraphs == (
        "在推进法治政府建设的过程中，我局严格按照要求执行并完成了大量工作，"
        "但也存在不足，对此，将采取以下措施：",
    )
    assert [m.text[-1] for m in plan.measures] == ["；", "；", "。"]


def test_metrics_in_document_order(report: lawgov.Report) -> None:
    assert [(m.value, m.unit, m.text, m.qualifier) for m in report.iter_metrics()] == [
        (Decimal(1), "次", "1次", Qualifier.AT_LEAST),
        (Decimal(7), "家", "7家", Qualifier.EXACT),
        (Decimal(11), "家", "11家", Qualifier.EXACT),
        (Decimal(608), "家", "608家", Qualifier.EXACT),
        (Decimal(96), "家", "96家", Qualifier.EXACT),
        (Decimal(1500), "万元", "1500万元", Qualifier.EXACT),
        (Decimal(122), "个", "122个", Qualifier.EXACT),
        (Decimal(23), "项", "23项", Qualifier.EXACT),
        (Decimal(3), "项", "3项", Qualifier.EXACT),
        (Decimal(20), "项", "20项", Qualifier.EXACT),
    ]
    # What is counted, where the text puts it next to the number (see seed_report.py).
    assert [m.name for m in report.iter_metrics()] == [
        "法治专题学习", "企业", "企业", "企业", None, None, "企业项目", None, None, None,
    ]  # fmt: skip


def test_metrics_sit_at_their_holders(report: lawgov.Report) -> None:
    two = report.sections[1]
    assert [m.text for m in two.measures[0].metrics] == ["7家", "11家", "608家"]
    assert [m.text for m in two.measures[3].metrics] == ["1500万元", "122个"]
    # Section 三 states 23项 three times, outside any measure: recorded once, on the section.
    assert [m.text for m in report.sections[2].metrics] == ["23项", "3项", "20项"]
    assert report.metrics == ()


def test_money_in_its_base_unit(report: lawgov.Report) -> None:
    fund = report.sections[1].measures[3].metrics[0]
    assert (fund.base_value, fund.base_unit) == (Decimal(15_000_000), "元")


def test_citations_in_document_order(report: lawgov.Report) -> None:
    citations = list(report.iter_citations())
    assert len(citations) == 17
    assert [c.title for c in citations[:4]] == [
        "习近平总书记视察广东重要讲话精神",
        "深刻领会习近平新时代中国特色社会主义思想的核心要义和创新观点",
        "在庆祝改革开放40周年大会上重要讲话和重要指示批示",
        "习近平总书记视察广东重要讲话精神奋力开创新时代广东改革开放新局面的决定",
    ]
    assert [c.title for c in citations[11:15]] == [
        "关于做好党组（党委）工作规则规范性报备的通知",
        "中国共产党党组工作条例",
        "江海区科技局党组工作规则",
        "关于在全区街道和部门普遍建立政府法律顾问制度的实施方案",
    ]
    assert citations[15].title == "江门高新区企业创新能力评估研究"
    assert citations[16].title is not None
    assert citations[16].title.startswith("江门市人民政府关于印发〈江门市人民政府赋予各市（区）")
    assert citations[16].title.endswith("管理职权目录（第二批）〉的通知")


def test_document_numbers(report: lawgov.Report) -> None:
    numbers = [c.document_number for c in report.iter_citations() if c.document_number]
    assert [str(n) for n in numbers] == ["高新组通〔2019〕24号", "江府〔2017〕16号"]
    assert numbers == [
        lawgov.DocumentNumber(issuer_code="高新组通", year=2019, serial=24),
        lawgov.DocumentNumber.parse("江府〔2017〕16号"),
    ]


def test_the_delegated_power(report: lawgov.Report) -> None:
    (power,) = report.iter_delegated_powers()
    assert power.name is None
    assert power.grantor == lawgov.Agency(name="江门市科技局")
    assert power.grantee == report.issuer
    assert power.mode is PowerMode.DELEGATED_AND_ENTRUSTED
    assert power.count == 23
    assert power.basis == report.sections[2].citations[0]
    assert power.basis is not None
    assert str(power.basis.document_number) == "江府〔2017〕16号"
    assert [(c.kind, c.count, c.recipient) for c in power.changes] == [
        (ChangeKind.TRANSFERRED, 3, lawgov.Agency(name="区市场监管局"))
    ]
    assert (power.transferred, power.remaining) == (3, 20)
    assert report.sections[2].delegated_powers == (power,)


# --- a deliberately broken golden ------------------------------------------------------------


def _broken_golden() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(GOLDEN_JSON.read_text(encoding="utf-8"))
    broken = copy.deepcopy(document)
    broken["year"] = 1800
    broken["sections"][1]["measures"][0]["metrics"][0]["value"] = "-7"
    broken["sections"][2]["number"] = 5
    broken["published"] = "2021-02-26T16:14:00"
    broken["sections"][2]["delegated_powers"][0]["changes"][0]["count"] = 30
    return broken


def test_broken_golden_lists_every_problem_with_its_path() -> None:
    with pytest.raises(lawgov.ValidationError) as caught:
        lawgov.from_dict(_broken_golden())
    found = {(p.path, p.rule) for p in caught.value.problems}
    assert found == {
        ("year", "year_range"),
        ("published", "naive_datetime"),
        ("sections[1].measures[0].metrics[0].value", "negative_value"),
        ("sections[2].number", "numbering"),
        ("sections[2].delegated_powers[0].changes", "changes_exceed_count"),
    }
    assert len(caught.value.problems) == 5
    message = str(caught.value)
    assert message.startswith("5 validation problems")
    for path, _ in found:
        assert path in message


def test_broken_golden_as_json_gives_the_same_problems() -> None:
    document = json.dumps(_broken_golden(), ensure_ascii=False)
    with pytest.raises(lawgov.ValidationError) as caught:
        lawgov.from_json(document)
    assert len(caught.value.problems) == 5
