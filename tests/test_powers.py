"""Finding delegated-power statements: counts, parties, basis, splits and later changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lawgov
import lawgov.samples
from lawgov import (
    Agency,
    ChangeKind,
    Citation,
    DelegatedPower,
    DocumentNumber,
    PowerChange,
    PowerMode,
)
from lawgov._model import tree_problems
from lawgov._parse.citations import find_citations
from lawgov._parse.powers import find_delegated_powers

# The shared fixtures sit beside the repository clone; the seed is bundled as lawgov.samples.
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = Path(lawgov.samples.__file__).parent / "jianghai-kjj-2020.txt"
ISSUER = Agency(name="区科技局")

SEED_STATEMENT = (
    "根据《江门市人民政府关于印发〈江门市人民政府赋予各市（区）人民政府行使市级经济管理相关的"
    "行政审批和管理职权目录（第二批）〉的通知》（江府〔2017〕16号），江门市科技局委托和下放到我区"
    "科技线的管理职权共23项，我局已根据23项事项内容，按我局各股室职责，将23项事项落实到各股室具体"
    "负责，目前，因机构改革，已有3项事项调整至区市场监管局。针对现有20项事项，负责股室严格根据"
    "上级来文，组织企业办理相关申报。"
)
SEED_BASIS = Citation(
    title=(
        "江门市人民政府关于印发〈江门市人民政府赋予各市（区）人民政府行使市级经济管理相关的"
        "行政审批和管理职权目录（第二批）〉的通知"
    ),
    document_number=DocumentNumber(issuer_code="江府", year=2017, serial=16),
)
SEED_POWER = DelegatedPower(
    name=None,
    grantor=Agency(name="江门市科技局"),
    grantee=ISSUER,
    mode=PowerMode.DELEGATED_AND_ENTRUSTED,
    count=23,
    basis=SEED_BASIS,
    changes=(
        PowerChange(kind=ChangeKind.TRANSFERRED, count=3, recipient=Agency(name="区市场监管局")),
    ),
)


def _power(
    count: int,
    mode: PowerMode,
    *,
    grantor: str | None = None,
    grantee: Agency | None = ISSUER,
    name: str | None = None,
    basis: Citation | None = None,
    changes: tuple[PowerChange, ...] = (),
) -> DelegatedPower:
    return DelegatedPower(
        name=name,
        grantor=None if grantor is None else Agency(name=grantor),
        grantee=grantee,
        mode=mode,
        count=count,
        basis=basis,
        changes=changes,
    )


def _moved(count: int, recipient: str | None = None) -> PowerChange:
    to = None if recipient is None else Agency(name=recipient)
    return PowerChange(kind=ChangeKind.TRANSFERRED, count=count, recipient=to)


def _concentrated(
    count: int, grantor: str, grantee: str, *, changes: tuple[PowerChange, ...] = ()
) -> DelegatedPower:
    """A concentration: items moved sideways into one body (划入县行政审批局)."""
    return _power(
        count,
        PowerMode.CONCENTRATED,
        grantor=grantor,
        grantee=Agency(name=grantee),
        changes=changes,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "将区发展改革局、区住房城乡建设局等9个部门的行政许可事项38项划入区行政审批局集中办理。",
            [_concentrated(38, "区发展改革局、区住房城乡建设局等9个部门", "区行政审批局")],
            id="departments-items-into-the-approval-bureau",
        ),
        pytest.param(
            "按照“应划尽划”的原则，将全县27个部门单位的278项行政许可事项统一划入县行政审批局。",
            [_concentrated(278, "全县27个部门单位", "县行政审批局")],
            id="counted-departments-and-a-count-before-the-items",
        ),
        pytest.param(
            "将区市场监管局的食品经营许可等12项许可事项划转至区行政审批服务局。其中2项已取消。",
            [
                _concentrated(
                    12,
                    "区市场监管局",
                    "区行政审批服务局",
                    changes=(PowerChange(kind=ChangeKind.CANCELLED, count=2),),
                )
            ],
            id="a-concentration-with-a-later-change",
        ),
        pytest.param(
            "承接市级下放事项12项，将其中3项划入区行政审批局。",
            [
                _power(
                    12,
                    PowerMode.DELEGATED,
                    changes=(
                        PowerChange(
                            kind=ChangeKind.TRANSFERRED,
                            count=3,
                            recipient=Agency(name="区行政审批局"),
                        ),
                    ),
                )
            ],
            id="a-move-that-points-back-is-a-change",
        ),
        pytest.param("将承接的5项事项划转至区行政审批局。", [], id="a-move-of-earlier-powers"),
        pytest.param("将档案38卷划入区档案馆。", [], id="not-powers-not-an-approval-bureau"),
    ],
)
def test_concentrations(text: str, expected: list[DelegatedPower]) -> None:
    assert find_delegated_powers(text, issuer=ISSUER) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(SEED_STATEMENT, [SEED_POWER], id="seed"),
        pytest.param(
            "我局共承接市级下放的行政许可事项18项，其中14项为下放，4项为委托。",
            [_power(14, PowerMode.DELEGATED), _power(4, PowerMode.ENTRUSTED)],
            id="split-by-mode",
        ),
        pytest.param(
            "市政府赋予我县县级管理权限56项，其中5项已被收回，2项已取消。",
            [
                _power(
                    56,
                    PowerMode.GRANTED,
                    grantor="市政府",
                    changes=(
                        PowerChange(kind=ChangeKind.RECLAIMED, count=5),
                        PowerChange(kind=ChangeKind.CANCELLED, count=2),
                    ),
                )
            ],
            id="granted-reclaimed-cancelled",
        ),
        pytest.param(
            "我局承接市科技局下放的行政审批事项十二项，已有2项划入县行政审批局。",
            [
                _power(
                    12,
                    PowerMode.DELEGATED,
                    grantor="市科技局",
                    changes=(_moved(2, "县行政审批局"),),
                )
            ],
            id="taken-on-chinese-count",
        ),
        pytest.param(
            "按照《关于向乡镇（街道）下放部分县级行政权力事项的通知》（柘政发〔2021〕8号），"
            "县住建局将12项行政处罚事项下放至各镇（街道）实施。",
            [
                _power(
                    12,
                    PowerMode.DELEGATED,
                    grantor="县住建局",
                    grantee=Agency(name="各镇（街道）"),
                    basis=Citation(
                        title="关于向乡镇（街道）下放部分县级行政权力事项的通知",
                        document_number=DocumentNumber(issuer_code="柘政发", year=2021, serial=8),
                    ),
                )
            ],
            id="handed-down-to-towns",
        ),
        pytest.param(
            "市政府下放我区行政许可事项共5项，其中建设工程规划许可2项、林木采伐许可3项。",
            [
                _power(2, PowerMode.DELEGATED, grantor="市政府", name="建设工程规划许可"),
                _power(3, PowerMode.DELEGATED, grantor="市政府", name="林木采伐许可"),
            ],
            id="named-powers",
        ),
        pytest.param(
            "我局受市生态环境局委托，行使环境行政处罚权等职权共计9项。",
            [_power(9, PowerMode.ENTRUSTED, grantor="市生态环境局")],
            id="entrusted-by",
        ),
        pytest.param(
            "2019年，省政府向我市下放省级行政职权事项32项。机构改革后，其中6项调整至市行政审批局，"
            "3项由省政府收回。目前我市实际承接23项。",
            [
                _power(
                    32,
                    PowerMode.DELEGATED,
                    grantor="省政府",
                    changes=(
                        _moved(6, "市行政审批局"),
                        PowerChange(kind=ChangeKind.RECLAIMED, count=3),
                    ),
                )
            ],
            id="changes-in-later-sentences",
        ),
        pytest.param(
            "区政府委托和下放给街道办事处的职权共三十项。",
            [
                _power(
                    30,
                    PowerMode.DELEGATED_AND_ENTRUSTED,
                    grantor="区政府",
                    grantee=Agency(name="街道办事处"),
                )
            ],
            id="both-to-a-named-body",
        ),
        pytest.param(
            "市局委托我局实施行政处罚事项5项，其中3项调整至区综合执法局，4项已取消。",
            [
                _power(
                    5,
                    PowerMode.ENTRUSTED,
                    grantor="市局",
                    changes=(_moved(3, "区综合执法局"),),
                )
            ],
            id="inconsistent-change-dropped",
        ),
        pytest.param(
            "县政府共向各乡镇（街道）下放行政执法事项126项，其中委托96项、下放30项。",
            [
                _power(
                    96, PowerMode.ENTRUSTED, grantor="县政府", grantee=Agency(name="各乡镇（街道）")
                ),
                _power(
                    30, PowerMode.DELEGATED, grantor="县政府", grantee=Agency(name="各乡镇（街道）")
                ),
            ],
            id="split-verb-first",
        ),
        pytest.param(
            "2021年，我局承接省、市下放的行政许可事项21项，承接委托的行政处罚事项9项。",
            [_power(21, PowerMode.DELEGATED), _power(9, PowerMode.ENTRUSTED)],
            id="two-statements-in-one-sentence",
        ),
        pytest.param(
            "区行政审批局承接从区发改局等12个部门划转的行政许可事项156项。",
            [_power(156, PowerMode.GRANTED, grantee=Agency(name="区行政审批局"))],
            id="horizontal-move-into-approval-bureau",
        ),
        pytest.param(
            "共承接上级下放权力事项89项，其中行政许可32项、行政处罚41项、其他16项。",
            [
                _power(32, PowerMode.DELEGATED, name="行政许可"),
                _power(41, PowerMode.DELEGATED, name="行政处罚"),
                _power(16, PowerMode.DELEGATED, name="其他"),
            ],
            id="named-kinds",
        ),
        pytest.param(
            "市局下放我局管理事项共10项，其中市级下放5项、省级下放3项。",
            [_power(10, PowerMode.DELEGATED, grantor="市局")],
            id="parts-not-adding-up-keep-the-total",
        ),
        pytest.param(
            "市住建局委托我局实施的行政处罚事项18项，现已全部收回。",
            [
                _power(
                    18,
                    PowerMode.ENTRUSTED,
                    grantor="市住建局",
                    changes=(PowerChange(kind=ChangeKind.RECLAIMED, count=18),),
                )
            ],
            id="all-reclaimed-without-a-count",
        ),
        pytest.param(
            "全区依法承接省级下放事项7项、市级下放事项23项。",
            [_power(7, PowerMode.DELEGATED), _power(23, PowerMode.DELEGATED)],
            id="cheng-jie-list-whole-district",
        ),
        pytest.param(
            "市生态环境局委托我区执法事项共12项，其中环评审批5项、排污许可4项、危废许可3项，"
            "由区分局实施；危废许可1项已被取消。",
            [
                _power(5, PowerMode.ENTRUSTED, grantor="市生态环境局", name="环评审批"),
                _power(4, PowerMode.ENTRUSTED, grantor="市生态环境局", name="排污许可"),
                _power(
                    3,
                    PowerMode.ENTRUSTED,
                    grantor="市生态环境局",
                    name="危废许可",
                    changes=(PowerChange(kind=ChangeKind.CANCELLED, count=1),),
                ),
            ],
            id="named-parts-end-at-the-total",
        ),
        pytest.param(
            "市政府以市政府令形式向我区下放行政许可事项22项。",
            [_power(22, PowerMode.DELEGATED, grantor="市政府")],
            id="grantor-opens-the-words-before-xiang",
        ),
        pytest.param(
            "市政府向我区下放和委托事项共30项，其中下放22项，委托8项。目前已有2项划转至区行政审批局。",
            [
                _power(
                    22,
                    PowerMode.DELEGATED,
                    grantor="市政府",
                    changes=(_moved(2, "区行政审批局"),),
                ),
                _power(8, PowerMode.ENTRUSTED, grantor="市政府"),
            ],
            id="a-change-naming-no-part-goes-to-one-part-with-its-own-count",
        ),
        pytest.param(
            "市政府向我区下放行政审批项目12项。",
            [_power(12, PowerMode.DELEGATED, grantor="市政府")],
            id="approval-items-called-xiangmu",
        ),
        pytest.param(
            "县住建局将12项事项下放至各镇。",
            [_power(12, PowerMode.DELEGATED, grantor="县住建局", grantee=Agency(name="各镇"))],
            id="count-before-the-verb",
        ),
        pytest.param(
            "受市局委托，行使行政处罚职权共计9项。",
            [_power(9, PowerMode.ENTRUSTED, grantor="市局")],
            id="count-in-the-next-clause",
        ),
        pytest.param(
            "省发展改革委等8个部门下放我区经济管理权限61项。",
            [_power(61, PowerMode.DELEGATED)],
            id="words-after-a-count-are-no-grantor",
        ),
        pytest.param(
            "我区承接了市下放的改革事项12项。",
            [_power(12, PowerMode.DELEGATED)],
            id="le-is-no-part-of-a-name",
        ),
        pytest.param(
            "市政府赋予我区管理权限56个，涉及部门12个。",
            [_power(56, PowerMode.GRANTED, grantor="市政府")],
            id="count-in-ge-closing-the-clause",
        ),
        pytest.param(
            "省政府向我市下放事项32项，其中下放20项，委托12项。下放事项中已有4项调整至市行政"
            "审批局；委托事项中有3项被取消，2项被收回。",
            [
                _power(
                    20, PowerMode.DELEGATED, grantor="省政府", changes=(_moved(4, "市行政审批局"),)
                ),
                _power(
                    12,
                    PowerMode.ENTRUSTED,
                    grantor="省政府",
                    changes=(
                        PowerChange(kind=ChangeKind.CANCELLED, count=3),
                        PowerChange(kind=ChangeKind.RECLAIMED, count=2),
                    ),
                ),
            ],
            id="a-change-without-a-mode-word-takes-the-previous-changes-mode",
        ),
        pytest.param(
            "市政府下放我区事项30项。现有下放事项27项，3项已收回。",
            [
                _power(
                    30,
                    PowerMode.DELEGATED,
                    grantor="市政府",
                    changes=(PowerChange(kind=ChangeKind.RECLAIMED, count=3),),
                )
            ],
            id="what-remains-is-no-new-statement",
        ),
        pytest.param(
            "现有市级委托事项12项。",
            [_power(12, PowerMode.ENTRUSTED, grantee=None)],
            id="what-remains-alone-is-a-statement",
        ),
        pytest.param(
            "2019年市农业农村局委托我区实施的行政许可事项12项已全部取消。",
            [
                _power(
                    12,
                    PowerMode.ENTRUSTED,
                    grantor="市农业农村局",
                    changes=(PowerChange(kind=ChangeKind.CANCELLED, count=12),),
                )
            ],
            id="a-statement-with-its-own-change",
        ),
        pytest.param(
            "市局委托我区行政许可事项10项。市局委托的3项已收回。",
            [
                _power(
                    10,
                    PowerMode.ENTRUSTED,
                    grantor="市局",
                    changes=(PowerChange(kind=ChangeKind.RECLAIMED, count=3),),
                )
            ],
            id="a-change-of-an-earlier-statement-by-the-same-grantor",
        ),
        pytest.param(
            "市政府下放我区事项9项，其中4项已划入区市场监督管理局。",
            [
                _power(
                    9,
                    PowerMode.DELEGATED,
                    grantor="市政府",
                    changes=(_moved(4, "区市场监督管理局"),),
                )
            ],
            id="guan-li-inside-an-agency-name",
        ),
        pytest.param(
            "市住建局委托我区行政处罚权共5项：燃气经营监督检查2项、城市排水监督检查3项。",
            [
                _power(2, PowerMode.ENTRUSTED, grantor="市住建局", name="燃气经营监督检查"),
                _power(3, PowerMode.ENTRUSTED, grantor="市住建局", name="城市排水监督检查"),
            ],
            id="named-parts-after-a-colon",
        ),
        pytest.param(
            "市政府委托我县事项30项，下放我县事项20项。"
            "委托事项中5项被取消，下放事项中3项调整至县市场监管局。",
            [
                _power(
                    30,
                    PowerMode.ENTRUSTED,
                    grantor="市政府",
                    changes=(PowerChange(kind=ChangeKind.CANCELLED, count=5),),
                ),
                _power(
                    20,
                    PowerMode.DELEGATED,
                    grantor="市政府",
                    changes=(_moved(3, "县市场监管局"),),
                ),
            ],
            id="changes-after-two-statements-split-by-mode",
        ),
        pytest.param(
            "县政府向各乡镇下放事项20项，同时委托事项10项，委托事项中2项已收回。",
            [
                _power(20, PowerMode.DELEGATED, grantor="县政府", grantee=Agency(name="各乡镇")),
                _power(
                    10,
                    PowerMode.ENTRUSTED,
                    grantor="县政府",
                    grantee=Agency(name="各乡镇"),
                    changes=(PowerChange(kind=ChangeKind.RECLAIMED, count=2),),
                ),
            ],
            id="a-second-verb-without-subject-takes-the-parties-before-it",
        ),
        pytest.param(
            "市政府委托我县事项30项，县发改局下放我县事项20项。下放事项中3项已取消。",
            [
                _power(30, PowerMode.ENTRUSTED, grantor="市政府"),
                _power(
                    20,
                    PowerMode.DELEGATED,
                    grantor="县发改局",
                    changes=(PowerChange(kind=ChangeKind.CANCELLED, count=3),),
                ),
            ],
            id="a-second-statement-with-its-own-subject",
        ),
        pytest.param(
            "我局承接省级下放事项7项、市级下放事项23项。下放事项中3项已取消。",
            [
                _power(7, PowerMode.DELEGATED),
                _power(
                    23,
                    PowerMode.DELEGATED,
                    changes=(PowerChange(kind=ChangeKind.CANCELLED, count=3),),
                ),
            ],
            id="a-change-naming-a-mode-two-statements-share-goes-to-the-last",
        ),
        pytest.param(
            "受市市场监管局委托，我局行使特种设备现场核查等职权共计7项，其中2项已收回。",
            [
                _power(
                    7,
                    PowerMode.ENTRUSTED,
                    grantor="市市场监管局",
                    changes=(PowerChange(kind=ChangeKind.RECLAIMED, count=2),),
                )
            ],
            id="entrusted-then-a-clause-naming-who-exercises-them",
        ),
        pytest.param(
            "受市局委托，县行政审批局行使审批职权共计9项。",
            [_power(9, PowerMode.ENTRUSTED, grantor="市局", grantee=Agency(name="县行政审批局"))],
            id="the-body-entrusted-opens-the-next-clause",
        ),
        pytest.param(
            "县政府下放违法建设查处事项3项，下放行政处罚事项6项，委托县局行政处罚事项5项。",
            [
                _power(3, PowerMode.DELEGATED, grantor="县政府", grantee=None),
                _power(6, PowerMode.DELEGATED, grantor="县政府", grantee=None),
                _power(5, PowerMode.ENTRUSTED, grantor="县政府", grantee=Agency(name="县局")),
            ],
            id="a-power-name-after-the-verb-is-no-grantee",
        ),
        pytest.param(
            "县行政审批局承接我局划转的食品经营许可等行政许可事项9项。",
            [
                _power(
                    9, PowerMode.GRANTED, grantor=ISSUER.name, grantee=Agency(name="县行政审批局")
                )
            ],
            id="a-horizontal-move-handed-over-by-the-issuer",
        ),
        pytest.param(
            "县行政审批局承接县住建局划转的行政许可事项14项。",
            [
                _power(
                    14, PowerMode.GRANTED, grantor="县住建局", grantee=Agency(name="县行政审批局")
                )
            ],
            id="a-horizontal-move-handed-over-by-a-named-body",
        ),
        pytest.param(
            "我镇将社会救助申请受理等12项公共服务事项委托各村（社区）便民服务站代办。",
            [
                _power(
                    12,
                    PowerMode.ENTRUSTED,
                    grantor=ISSUER.name,
                    grantee=Agency(name="各村（社区）便民服务站"),
                )
            ],
            id="the-issuer-entrusts-downwards",
        ),
        pytest.param(
            "县政府向各乡镇下放行政执法事项45项、委托10项，其中下放事项中6项已收回。",
            [
                _power(
                    45,
                    PowerMode.DELEGATED,
                    grantor="县政府",
                    grantee=Agency(name="各乡镇"),
                    changes=(PowerChange(kind=ChangeKind.RECLAIMED, count=6),),
                ),
                _power(10, PowerMode.ENTRUSTED, grantor="县政府", grantee=Agency(name="各乡镇")),
            ],
            id="a-second-verb-before-qi-zhong-is-no-split",
        ),
        pytest.param(
            "区政府将62项行政执法事项下放至各街道，将8项委托各街道实施。",
            [
                _power(62, PowerMode.DELEGATED, grantor="区政府", grantee=Agency(name="各街道")),
                _power(8, PowerMode.ENTRUSTED, grantor="区政府", grantee=Agency(name="各街道")),
            ],
            id="a-parallel-clause-counts-the-same-powers",
        ),
        pytest.param(
            "市住建局委托我区行政处罚权共 5 项：燃气经营监督检查 2 项、城市排水监督检查 3 项，"
            "城市排水监督检查 1 项已收回。",
            [
                _power(2, PowerMode.ENTRUSTED, grantor="市住建局", name="燃气经营监督检查"),
                _power(
                    3,
                    PowerMode.ENTRUSTED,
                    grantor="市住建局",
                    name="城市排水监督检查",
                    changes=(PowerChange(kind=ChangeKind.RECLAIMED, count=1),),
                ),
            ],
            id="pdf-spaced-counts",
        ),
        pytest.param(
            "县发改局委托我区事项20项，市政府委托我区事项30项。县发改局委托的5项已收回。",
            [
                _power(
                    20,
                    PowerMode.ENTRUSTED,
                    grantor="县发改局",
                    changes=(PowerChange(kind=ChangeKind.RECLAIMED, count=5),),
                ),
                _power(30, PowerMode.ENTRUSTED, grantor="市政府"),
            ],
            id="a-later-change-naming-the-grantor-of-one-statement",
        ),
        pytest.param(
            "市政府下放和委托我区事项30项，县发改局下放我区事项20项。其中委托事项2项已取消。",
            [
                _power(
                    30,
                    PowerMode.DELEGATED_AND_ENTRUSTED,
                    grantor="市政府",
                    changes=(PowerChange(kind=ChangeKind.CANCELLED, count=2),),
                ),
                _power(20, PowerMode.DELEGATED, grantor="县发改局"),
            ],
            id="a-later-change-naming-the-mode-only-a-mixed-statement-has",
        ),
        pytest.param(
            "县政府赋予各镇（街道）县级行政权力事项86项。",
            [_power(86, PowerMode.GRANTED, grantor="县政府", grantee=Agency(name="各镇（街道）"))],
            id="the-level-of-the-powers-ends-the-grantee",
        ),
        pytest.param(
            "市政府委托和下放我区事项分别为20项、10项。下放事项中2项已收回。",
            [
                _power(20, PowerMode.ENTRUSTED, grantor="市政府"),
                _power(
                    10,
                    PowerMode.DELEGATED,
                    grantor="市政府",
                    changes=(PowerChange(kind=ChangeKind.RECLAIMED, count=2),),
                ),
            ],
            id="respectively-in-the-verbs-order",
        ),
        pytest.param(
            "市政府分别下放、委托我区事项20项和10项。",
            [
                _power(20, PowerMode.DELEGATED, grantor="市政府"),
                _power(10, PowerMode.ENTRUSTED, grantor="市政府"),
            ],
            id="respectively-before-the-verbs",
        ),
        pytest.param(
            "市政府委托我区事项30项，县政府下放各乡镇事项20项。其中委托事项5项调整至县政府。",
            [
                _power(30, PowerMode.ENTRUSTED, grantor="市政府", changes=(_moved(5, "县政府"),)),
                _power(20, PowerMode.DELEGATED, grantor="县政府", grantee=Agency(name="各乡镇")),
            ],
            id="a-grantor-named-as-recipient-does-not-claim-the-change",
        ),
        pytest.param(
            "市政府委托我区事项30项。市政府下放我区事项20项。委托事项中5项被取消。",
            [
                _power(
                    30,
                    PowerMode.ENTRUSTED,
                    grantor="市政府",
                    changes=(PowerChange(kind=ChangeKind.CANCELLED, count=5),),
                ),
                _power(20, PowerMode.DELEGATED, grantor="市政府"),
            ],
            id="changes-after-two-statements-in-a-row",
        ),
    ],
)
def test_statements(text: str, expected: list[DelegatedPower]) -> None:
    assert find_delegated_powers(text, issuer=ISSUER) == expected


@pytest.mark.parametrize(
    "text",
    [
        # 委托 as a contract, with no power and no count
        "委托第三方研发高新区科技业务综合管理系统，监控企业基础数据变动。",
        "委托中国高新区研究中心组织开展《江门高新区企业创新能力评估研究》。",
        # trigger words inside a title or a quoted name do not count
        "学习《关于赋予乡镇部分县级管理权限的决定》，梳理事项23项。",
        "开展“下放权力、优化服务”活动，梳理事项23项。",
        # no count
        "按要求做好下放审批权限的承接工作。",
        # the count belongs to another fact
        "持续推进简政放权，向基层下放审批权限，全年办理行政许可事项3600项。",
        # no count: part of a longer number, or not whole
        "市局下放我局事项123456项。",
        "市局下放我局事项1.5项。",
        # a change without a statement
        "保留行政许可事项246项，取消和调整18项。",
        # 委托 a service provider: a contract, even with a power word and a count
        "委托第三方评估行政许可事项12项。",
        "委托会计师事务所对12个审批事项开展绩效评价。",
        # the next clause states another action, not the verb's count
        "赋予群众更多获得感，办理审批事项3600项。",
        # the count counts tasks, not powers
        "承接国家级试点任务3项，涉及行政审批事项。",
        "积极承接上级部署的各项审批改革任务5项。",
        "",
    ],
)
def test_not_statements(text: str) -> None:
    assert find_delegated_powers(text, issuer=ISSUER) == []


def test_without_an_issuer_the_self_reference_has_no_agency() -> None:
    (power,) = find_delegated_powers(SEED_STATEMENT)
    assert power.grantee is None
    assert power.grantor == Agency(name="江门市科技局")


def test_basis_is_the_callers_citation_object() -> None:
    citations = find_citations(SEED_STATEMENT)
    (power,) = find_delegated_powers(SEED_STATEMENT, issuer=ISSUER, citations=citations)
    assert power.basis is citations[0]


def test_basis_from_a_preceding_sentence_opening_with_gen_ju() -> None:
    text = "根据《关于下放部分管理权限的通知》（江府〔2019〕3号）。市科技局委托我局管理事项8项。"
    (power,) = find_delegated_powers(text, issuer=ISSUER)
    assert power.basis == Citation(
        title="关于下放部分管理权限的通知",
        document_number=DocumentNumber(issuer_code="江府", year=2019, serial=3),
    )
    assert power.count == 8
    assert power.mode is PowerMode.ENTRUSTED


def test_seed_report_has_exactly_one_statement() -> None:
    raw = SEED.read_text(encoding="utf-8")
    text = lawgov.clean_text(raw)
    assert find_delegated_powers(text, issuer=ISSUER) == [SEED_POWER]
    assert SEED_POWER.remaining == 20


@pytest.mark.parametrize(
    "name",
    ["a-district-science-2021", "b-county-government-2022", "g-citations-justice-bureau-2021"],
)
def test_fixtures_have_no_statements(name: str) -> None:
    text = lawgov.clean_text((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    assert find_delegated_powers(text, issuer=ISSUER) == []


_WORDS = st.sampled_from(
    [
        "下放",
        "委托",
        "赋予",
        "承接",
        "委托和下放",
        "调整至",
        "划入",
        "取消",
        "收回",
        "其中",
        "共",
        "事项",
        "职权",
        "我区",
        "市科技局",
        "区市场监管局",
        "受",
        "向",
        "到",
        "的",
        "3项",
        "23项",
        "0项",
        "十二项",
        "99999项",
        "，",
        "。",
        "；",
        "\n",
        "《",
        "》",
        "（江府〔2017〕16号）",
    ]
)


@given(st.lists(_WORDS, max_size=40).map("".join))
def test_only_valid_powers_on_statement_soup(text: str) -> None:
    for power in find_delegated_powers(text, issuer=ISSUER):
        assert tree_problems(power) == []
        assert power.count >= 1
        assert power.transferred <= power.count


@given(st.text())
def test_never_crash(text: str) -> None:
    for power in find_delegated_powers(text, issuer=ISSUER):
        assert tree_problems(power) == []


@pytest.mark.parametrize(
    "unit", ["下放事项", "委托事项共3项其中", "调整至区局3项，", "根据《A》。"]
)
def test_linear_time_on_repetitive_text(unit: str, growth: Callable[..., float]) -> None:
    # eight times the text: about 8 times as long when linear (more with allocation), 64 when
    # quadratic
    ratio = growth(lambda n: find_delegated_powers(unit * n, issuer=ISSUER), 500, 4000)
    assert ratio < 32


@pytest.mark.parametrize(
    ("text", "grantee"),
    [
        ("市政府向各县（市、区）下放市级行政权力事项86项。", "各县（市、区）"),
        ("县政府向各乡镇(街道)下放行政权力事项20项。", "各乡镇(街道)"),
    ],
)
def test_a_grantee_with_a_bracketed_qualifier_keeps_it(text: str, grantee: str) -> None:
    (power,) = find_delegated_powers(text, issuer=ISSUER)
    assert power.grantor is not None
    assert power.grantor.name == text.split("向", maxsplit=1)[0]
    assert power.grantee == lawgov.Agency(name=grantee)


@pytest.mark.parametrize(
    "text",
    [
        "市教育局依据《云州市教育局关于委托实施部分行政执法事项的决定》（云教发〔2021〕15号）"
        "委托我局实施教育行政处罚事项12项。",
        "市教育局根据《关于下放部分行政许可事项的通知》向我局下放行政许可事项12项。",
        "市教育局按照《决定》将行政许可事项12项下放我局。",
        # the basis closes a clause of its own: the grantor is that clause's subject
        "市教育局根据《关于下放部分行政许可事项的通知》（云教发〔2021〕3号），"
        "向我局下放行政许可事项12项。",
        "市教育局依照《决定》，委托我局实施行政处罚事项12项。",
    ],
)
def test_a_grantor_before_the_basis_it_acts_on_is_the_grantor(text: str) -> None:
    # the subject opens the clause and the cited basis stands between it and the verb
    (power,) = find_delegated_powers(text, issuer=ISSUER)
    assert power.grantor == lawgov.Agency(name="市教育局")
    assert power.grantee == ISSUER
    assert power.count == 12


def test_a_basis_clause_without_a_subject_gives_no_grantor() -> None:
    (power,) = find_delegated_powers("按照《决定》，向我局下放行政许可事项12项。", issuer=ISSUER)
    assert power.grantor is None
    assert power.grantee == ISSUER
