"""The seed report, written by hand: the reference the formats and the text parser must reproduce.

``build()`` constructs, with the model's own constructors, the :class:`lawgov.Report` that the
scraped page ``jianghai-kjj-2020.txt`` (区科技局2020年法治政府建设年度报告, the project's seed)
describes, following ``docs/conventions.md``. Every string was read off the published text and
typed here; no parser was run to produce it. The text is cleaned as the conventions require:
simplified script, the pinyin annotations (``區(qū)``) dropped while real parentheses stay
(``党组（党委）``, ``各市（区）``), full-width punctuation in Chinese context, doubled and stray
ASCII commas removed (``,,`` ``,、`` ``,。`` ``,;``), the mojibake run ``??萍季?`` and the HTML
remnant ``/span>`` removed, and the unpaired ``“一企一策"`` closed as ``“一企一策”``.

Readings chosen where the conventions leave room (each is the careful reader's reading):

* Sections 一, 二 and 三 have no kind keyword in their titles (推进法治政府建设工作,
  加强推进科技防疫工作, 落实行政审批事项和管理职权目录) and no shortcomings, duties or plan
  section precedes them, so all three are ``measures_and_results``; 四、下一步计划 is
  ``next_year_plan``. The subsections of 一 take their parent's kind.
* The third measure of section 二 restarts at 一是 inline: its own ``text`` is its headline
  sentence plus the sentence before the sub-list (``进一步为…服务。在疫情期间，…线上实施。``),
  and its three sub-measures share the rest of that paragraph. The following paragraph opens
  with 四是, which continues the outer list.
* A measure's ``title`` stops before the first 。；，or ：, which is not part of it.
* In section 四 the lead-in before the inline list (``…将采取以下措施：``) is a paragraph,
  colon kept; its three measures keep their final ``；``/``。``.
* Metric qualifiers: ``每月至少进行1次`` is ``at_least`` (至少 before the number); ``已达96家``
  is exact (达 states the value) and the earlier ``省级以上`` follows no number, so it qualifies
  nothing; ``共23项``, ``已有3项`` and ``现有20项`` are exact.
* Metric names (what is counted), where the text puts the counted thing next to the number:
  ``1次法治专题学习``, ``新增7家质量较好的企业`` and ``质量较差的11家企业`` (企业, the noun
  after the description), ``608家企业``, ``122个企业项目申报`` (企业项目). The others are left
  without a name as lawgov's conservative naming rule leaves them: the counted thing is there
  but apart from the number (``省级以上创新平台已达96家``, ``1500万元科技信贷风险准备金``,
  ``…的管理职权共23项``), or is the bare word 事项 (``3项事项``, ``20项事项``).
* Not metrics: ``2月25日`` (a date), ``2020年`` (a year), ``40周年`` (inside 《》), ``2020`` in
  ``“科技助力经济2020”`` (inside quotes), ``第一责任人``, ``十九大``, ``十九届``, ``二中、三中、
  四中全会`` (ordinals), ``四个意识``, ``三重一大``, ``一企一策`` (slogans, quoted).
* The delegated power is the one statement of section 三: 江门市科技局 handed 23 powers to
  ``我区科技线`` (the issuer, 区科技局) by 委托和下放, under the citation stated in the same
  sentence; 3 were later moved (调整至) to 区市场监管局, leaving the 20 the text states. The
  citation is also kept in the section's own ``citations`` (where it is stated).
* ``source`` is 本网; the view counter ``-`` is not a number, so ``views`` is None; the page
  carries no URL and no disclosure block.

Regenerate the golden files (after a deliberate change to ``build()`` or to the formats) from
the repository root with::

    .venv/bin/python -m tests.golden.seed_report --write

which writes ``tests/golden/jianghai-kjj-2020.json`` and ``.xml`` and the bundled sample
``src/lawgov/samples/jianghai-kjj-2020.json`` with :func:`lawgov.to_json` and
:func:`lawgov.to_xml`; without ``--write`` it only reports whether the files are up to date.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

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

__all__ = ["GOLDEN_JSON", "GOLDEN_XML", "NAME", "SAMPLE_JSON", "build", "main", "render", "write"]

#: The sample's name in :mod:`lawgov.samples`.
NAME = "jianghai-kjj-2020"

_HERE = Path(__file__).resolve().parent
#: The golden JSON document, ``to_json(build())``.
GOLDEN_JSON = _HERE / f"{NAME}.json"
#: The golden XML document, ``to_xml(build())``.
GOLDEN_XML = _HERE / f"{NAME}.xml"
#: The copy of the golden JSON bundled with the package as ``lawgov.samples``.
SAMPLE_JSON = _HERE.parents[1] / "src" / "lawgov" / "samples" / f"{NAME}.json"

_EXACT = Qualifier.EXACT
_MEASURES = SectionKind.MEASURES_AND_RESULTS


def _metric(
    text: str, value: str, unit: str, qualifier: Qualifier = _EXACT, *, name: str | None = None
) -> Metric:
    return Metric(value=Decimal(value), unit=unit, text=text, qualifier=qualifier, name=name)


def _law(title: str) -> Citation:
    return Citation(title=title)


def _section_one() -> Section:
    leadership = Section(
        number=1,
        title="加强组织领导，推进法治政府建设进程",
        kind=_MEASURES,
        measures=[
            Measure(
                number=1,
                title="落实法治政府建设第一责任人制度",
                text=(
                    "落实法治政府建设第一责任人制度，法治政府建设领导小组由局长任组长、"
                    "分管领导任副组长，各科室负责人为小组成员，领导小组办公室设在局办公室，"
                    "负责法治政府建设的具体任务和措施，形成主要领导总负责，分管领导具体抓，"
                    "干部职工配合抓的齐抓共管工作格局，确保我局法治政府建设工作有组织、"
                    "有步骤地推进。科技局主要负责人黎翔同志在区委区政府的正确领导下，"
                    "强化法治政府建设意识，加强法制宣传教育，规范行政权力行使，"
                    "为全面推动科技创新工作营造良好法制氛围。"
                ),
            ),
            Measure(
                number=2,
                title="落实领导干部学法制度",
                text=(
                    "落实领导干部学法制度。进一步完善学法制度，明确每月至少进行1次法治专题学习，"
                    "将学法、用法与依法行政，廉政勤政、反腐倡廉建设有机结合起来。"
                    "组织全局干部职工学习《习近平总书记视察广东重要讲话精神》"
                    "《深刻领会习近平新时代中国特色社会主义思想的核心要义和创新观点》"
                    "《在庆祝改革开放40周年大会上重要讲话和重要指示批示》"
                    "《习近平总书记视察广东重要讲话精神奋力开创新时代广东改革开放新局面的决定》；"
                    "深入学习党的十九大精神和十九届二中、三中、四中全会精神及"
                    "习近平总书记全面依法治国新理念新思想新战略，"
                    "把总书记对广东工作的重要批示精神与实际工作紧密结合，"
                    "牢固树立“四个意识”，自觉在思想上政治上行动上"
                    "同以习近平同志为核心的党中央保持高度一致；"
                    "坚持不懈用习近平总书记系列重要讲话精神和新理念新思想新战略来统一思想、"
                    "武装头脑、指导工作，在工作和生活中，严格遵循法律法规，"
                    "时刻牢记人民授权和职权法定，自觉坚持依法行政和依法办事；"
                    "结合本单位实际工作，同时开展学习了《科学技术普及法》《促进科技成果转化法》"
                    "《科技进步法》《中国监察法》等法律法规；学习了《中国共产党章程》"
                    "《中国共产党纪律处分条例》《中国共产党廉洁自律准则》"
                    "等反腐倡廉法律法规和党纪条例；深入学习宪法和中国特色社会主义法律体系，"
                    "进一步学习国家宪法和基本法律制度、规范政府行为的行政法律法规，"
                    "将“法定职责必须为、法无授权不可为”的意识深植于心。"
                ),
                metrics=[_metric("1次", "1", "次", Qualifier.AT_LEAST, name="法治专题学习")],
                citations=[
                    _law("习近平总书记视察广东重要讲话精神"),
                    _law("深刻领会习近平新时代中国特色社会主义思想的核心要义和创新观点"),
                    _law("在庆祝改革开放40周年大会上重要讲话和重要指示批示"),
                    _law("习近平总书记视察广东重要讲话精神奋力开创新时代广东改革开放新局面的决定"),
                    _law("科学技术普及法"),
                    _law("促进科技成果转化法"),
                    _law("科技进步法"),
                    _law("中国监察法"),
                    _law("中国共产党章程"),
                    _law("中国共产党纪律处分条例"),
                    _law("中国共产党廉洁自律准则"),
                ],
            ),
        ],
    )
    decisions = Section(
        number=2,
        title="健全重大行政决策机制，严格决策制定程序",
        kind=_MEASURES,
        measures=[
            Measure(
                number=1,
                title="推进依法科学民主决策",
                text=(
                    "推进依法科学民主决策。根据《关于做好党组（党委）工作规则规范性报备的通知》"
                    "（高新组通〔2019〕24号）、《中国共产党党组工作条例》，"
                    "我局进一步完善《江海区科技局党组工作规则》，"
                    "根据决策事项的类型、重要程度等因素，对重大行政决策的事项进行合理确定，"
                    "全面规范议事规则和决策程序，努力做到依法决策、科学决策、民主决策。"
                ),
                citations=[
                    Citation(
                        title="关于做好党组（党委）工作规则规范性报备的通知",
                        document_number=DocumentNumber(
                            issuer_code="高新组通", year=2019, serial=24
                        ),
                    ),
                    _law("中国共产党党组工作条例"),
                    _law("江海区科技局党组工作规则"),
                ],
            ),
            Measure(
                number=2,
                title="建立健全依法决策程序",
                text=(
                    "建立健全依法决策程序，凡是涉及群众和企业切身利益的重大决策，"
                    "广泛征询管理对象以及有关专家意见，及时上报区司法局，履行法律审查程序。"
                    "如省、市级科技计划项目立项等业务，按项目申报文件规定做好材料初审工作。"
                ),
            ),
            Measure(
                number=3,
                title="严格执行“三重一大”集体决策制度",
                text=(
                    "严格执行“三重一大”集体决策制度。集体决策工作中，"
                    "凡属职责范围内的“三重一大”事项，始终坚持集体领导、民主集中、个别酝酿、"
                    "会议决定的原则，切实做到广泛讨论、集体决策、依纪依法，自觉接受各方监督，"
                    "并专人做好会议记录，存为档案作为依据保存。"
                ),
            ),
            Measure(
                number=4,
                title="法律顾问制度常态化",
                text=(
                    "法律顾问制度常态化。根据江海区"
                    "《关于在全区街道和部门普遍建立政府法律顾问制度的实施方案》，"
                    "我局聘请专职律师担任常年法律顾问，法律顾问参与科技工作已形成常态，"
                    "为管理决策和依法行政提供强有力的法律保障，从而提前防范和化解法律风险。"
                ),
                citations=[_law("关于在全区街道和部门普遍建立政府法律顾问制度的实施方案")],
            ),
        ],
    )
    return Section(
        number=1,
        title="推进法治政府建设工作",
        kind=_MEASURES,
        subsections=[leadership, decisions],
    )


def _section_two() -> Section:
    online_services = Measure(
        number=3,
        title="进一步为各类科技企业提供便利化服务",
        text=(
            "进一步为各类科技企业提供便利化服务。"
            "在疫情期间，我区科技工作相关会议通知和申报工作均在线上实施。"
        ),
        submeasures=[
            Measure(
                number=1,
                title="通知企业参加省生产力中心联合华转、省技术市场协会在2月25日举办的"
                "“疫情期间技术合同认定登记实务”线上直播课程",
                text=(
                    "通知企业参加省生产力中心联合华转、省技术市场协会在2月25日举办的"
                    "“疫情期间技术合同认定登记实务”线上直播课程。"
                ),
            ),
            Measure(
                number=2,
                title="积极发动企业做好技术合同登记工作",
                text=(
                    "积极发动企业做好技术合同登记工作。疫情防控期间，"
                    "我区技术合同登记实行“无纸化”认定登记，"
                    "可登陆“全国技术合同网上登记系统”在线认定登记技术合同，提交并审定文本后，"
                    "技术合同认定登记可由申请人通过邮寄方式提交纸质材料，"
                    "登记证明也实行邮寄方式，避免和减少接触。"
                ),
            ),
            Measure(
                number=3,
                title="做好省市级科技创新卷申报工作",
                text=(
                    "做好省市级科技创新卷申报工作。今年起服务机构入库工作常态化开展，"
                    "常年接受服务机构入库申请。我区加强宣传，"
                    "积极发动科技企业线上注册申领创新券及服务机构线上申请入库，"
                    "帮助企业减轻负担，推动科技创新。"
                ),
            ),
        ],
    )
    return Section(
        number=2,
        title="加强推进科技防疫工作",
        kind=_MEASURES,
        measures=[
            Measure(
                number=1,
                title="提前谋划火炬统计工作",
                text=(
                    "提前谋划火炬统计工作。委托第三方研发高新区科技业务综合管理系统，"
                    "监控企业历年的财务、科研投入、人员学历等基础数据变动，"
                    "及时了解企业最新情况，为争先进位做好理论和数据支撑；"
                    "委托中国高新区研究中心组织开展《江门高新区企业创新能力评估研究》，"
                    "该项研究为提升江门高新区企业创新能力、揭示重点企业创新发展问题、"
                    "指导江门高新区制定企业创新扶持政策提供了科学的依据。"
                    "提早建立科技企业数据库。通过详实的分类分析，制定了入统企业清单，"
                    "新增7家质量较好的企业，撤销质量较差的11家企业。"
                    "加强统计的指导、分析和审核工作。疫情期间，我区充分利用各种线上平台，"
                    "召开统计年报培训会，线上辅导企业填报数据，按时完成统计任务，"
                    "纳统的608家企业全部按时完成上报。"
                ),
                metrics=[
                    _metric("7家", "7", "家", name="企业"),
                    _metric("11家", "11", "家", name="企业"),
                    _metric("608家", "608", "家", name="企业"),
                ],
                citations=[_law("江门高新区企业创新能力评估研究")],
            ),
            Measure(
                number=2,
                title="加强疫情防控科研攻关",
                text=(
                    "加强疫情防控科研攻关。在疫情期间，"
                    "我局积极组织对疫情防控做出贡献的企业申报“科技助力经济2020”省重点专项，"
                    "并发动这些企业申报建设省级工程技术研究中心支撑疫情防控，"
                    "其中“铁金刚机械”获公示，目前我区省级以上创新平台已达96家。"
                ),
                metrics=[_metric("96家", "96", "家")],
            ),
            online_services,
            Measure(
                number=4,
                title="深化科技金融服务",
                text=(
                    "深化科技金融服务。主动协调对接银行等金融机构，"
                    "根据金融服务需要提供关于高新技术企业、科技型中小企业的研发立项、"
                    "成果和能力评价等相关信息，"
                    "帮助初创型科技企业和科技型中小企业快速获得优惠贷款。"
                    "全面推进科技金融结合示范区建设，设立1500万元科技信贷风险准备金。"
                    "大力开展贷款贴息申报工作，截至目前，"
                    "我区已组织“南大机器人”等122个企业项目"
                    "申报2020年科技金融扶持资金贷款贴息项目备案，申报数量创历年之最。"
                ),
                metrics=[
                    _metric("1500万元", "1500", "万元"),
                    _metric("122个", "122", "个", name="企业项目"),
                ],
            ),
            Measure(
                number=5,
                title="开展科技暖企活动",
                text=(
                    "开展科技暖企活动。组建科技暖企志愿者服务队，赴企业开展上门服务，"
                    "宣讲疫情防控知识，对疫情防控科技攻关取得的成果、技术和产品，"
                    "指导企业率先应用。加强疫情对科技企业影响的统计和监测，"
                    "对受疫情影响较大的企业，实施“一企一策”帮扶，"
                    "帮助企业对接在复工复产中所需的专家指导、技术服务。"
                ),
            ),
        ],
    )


def _section_three() -> Section:
    basis = Citation(
        title=(
            "江门市人民政府关于印发〈江门市人民政府赋予各市（区）人民政府"
            "行使市级经济管理相关的行政审批和管理职权目录（第二批）〉的通知"
        ),
        document_number=DocumentNumber(issuer_code="江府", year=2017, serial=16),
    )
    return Section(
        number=3,
        title="落实行政审批事项和管理职权目录",
        kind=_MEASURES,
        paragraphs=[
            "根据《江门市人民政府关于印发〈江门市人民政府赋予各市（区）人民政府"
            "行使市级经济管理相关的行政审批和管理职权目录（第二批）〉的通知》"
            "（江府〔2017〕16号），江门市科技局委托和下放到我区科技线的管理职权共23项，"
            "我局已根据23项事项内容，按我局各股室职责，将23项事项落实到各股室具体负责，"
            "目前，因机构改革，已有3项事项调整至区市场监管局。针对现有20项事项，"
            "负责股室严格根据上级来文，组织企业办理相关申报。"
        ],
        delegated_powers=[
            DelegatedPower(
                grantor=Agency(name="江门市科技局"),
                grantee=Agency(name="区科技局"),
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
        metrics=[
            _metric("23项", "23", "项"),
            _metric("3项", "3", "项"),
            _metric("20项", "20", "项"),
        ],
        citations=[basis],
    )


def _section_four() -> Section:
    return Section(
        number=4,
        title="下一步计划",
        kind=SectionKind.NEXT_YEAR_PLAN,
        paragraphs=[
            "在推进法治政府建设的过程中，我局严格按照要求执行并完成了大量工作，"
            "但也存在不足，对此，将采取以下措施："
        ],
        measures=[
            Measure(
                number=1,
                title="加强干部学法用法培训教育",
                text=(
                    "加强干部学法用法培训教育，落实干部职工学法用法制度，"
                    "加强反腐倡廉法制建设，不断提高干部职工学法用法遵纪守法意识；"
                ),
            ),
            Measure(
                number=2,
                title="加强科技政策法规宣传",
                text=(
                    "加强科技政策法规宣传，科技局将根据每年发展的实际情况及时调整方案，"
                    "及时组织辖区内企业开展政策法规培训和宣讲，"
                    "使科研院所、大专院校和企业等创新主体能及时并深入的了解有关政策法规内容；"
                ),
            ),
            Measure(
                number=3,
                title="加强发挥法律顾问作用",
                text=(
                    "加强发挥法律顾问作用，在重大行政决策、重要行政行为、科技立法、"
                    "对外重大合作协议签订等方面，进一步加大法律顾问的参与度，"
                    "确保将重大决策法治化落到实处、落出效果。"
                ),
            ),
        ],
    )


def build() -> Report:
    """Return the seed's report, as a careful reader writes it down.

    Returns:
        The validated report of 区科技局2020年法治政府建设年度报告.
    """
    return Report(
        title="区科技局2020年法治政府建设年度报告",
        issuer=Agency(name="区科技局"),
        year=2020,
        published=pendulum.datetime(2021, 2, 26, 16, 14, tz="Asia/Shanghai"),
        source="本网",
        preamble=["根据有关要求，现将科技局法治政府建设工作情况汇报如下："],
        sections=[_section_one(), _section_two(), _section_three(), _section_four()],
    )


def render() -> dict[Path, bytes]:
    """Serialise :func:`build` into the bytes each golden file must hold.

    Returns:
        Each golden path (the JSON, the XML and the bundled sample JSON) with its content.
    """
    report = build()
    document = lawgov.to_json(report).encode("utf-8")
    return {GOLDEN_JSON: document, GOLDEN_XML: lawgov.to_xml(report), SAMPLE_JSON: document}


def write() -> list[Path]:
    """Rewrite every golden file whose content differs from :func:`render`.

    Returns:
        The paths that were rewritten.
    """
    changed = []
    for path, content in render().items():
        if not path.exists() or path.read_bytes() != content:
            path.write_bytes(content)
            changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    """Check the golden files, or rewrite them with ``--write``.

    Args:
        argv: Command-line arguments (default: ``sys.argv[1:]``).

    Returns:
        0 when the files are (now) up to date, 1 when a check found stale files.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--write", action="store_true", help="rewrite stale golden files")
    args = parser.parse_args(argv)
    if args.write:
        for path in write():
            print(f"wrote {path}")
        return 0
    stale = [
        path
        for path, content in render().items()
        if not path.exists() or path.read_bytes() != content
    ]
    for path in stale:
        print(f"stale: {path}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
