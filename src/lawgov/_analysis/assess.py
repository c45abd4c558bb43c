"""A compliance check of one report against the rule that requires it.

《法治政府建设与责任落实督察工作规定》 (厅字〔2019〕28号), article 24, requires each report to
state (1) the year's main measures and results, (2) shortcomings and their causes, (3) how the
principal leaders fulfilled their duty as first responsible persons, (4) next year's main
arrangements and (5) other matters that need reporting, and to be made public by 1 April of
the following year. [`assess`][lawgov.assess] turns each requirement into a [`Check`][lawgov.Check]
with a documented rule id ([`ASSESSMENT_RULES`][lawgov.ASSESSMENT_RULES]), a status and its
evidence.

The check never guesses. It reads the section kinds the parser (or whoever made the report)
recorded, plus the part's keywords in section titles where parts are merged
(``工作情况及存在的问题``). A part it cannot find is ``failed`` only when every top-level section
is classified; when some section's kind could not be told (``other`` without 其他 in its title) or
the report has no sections, the part is ``unknown``. A report without a publication date is
``unknown`` for timeliness.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Iterator, Mapping
from typing import Final

import attrs
import pendulum

from lawgov._model import Report, Section, SectionKind

__all__ = [
    "ASSESSMENT_RULES",
    "CHINA",
    "Assessment",
    "Check",
    "CheckStatus",
    "assess",
    "deadline",
    "issuer_level",
    "local_date",
]

#: The zone publication dates are read in: the reports are Chinese pages.
CHINA: Final = pendulum.FixedTimezone(8 * 3600)


class CheckStatus(str, enum.Enum):
    """The outcome of one check."""

    PASSED = "passed"
    """The report meets the requirement; the evidence says where."""
    FAILED = "failed"
    """The report does not meet it, and nothing in the report leaves that in doubt."""
    UNKNOWN = "unknown"
    """The report does not say enough to decide (no date, sections of unknown kind)."""


#: Every rule :func:`assess` applies: id → what it requires (docs/assess.md has the details).
ASSESSMENT_RULES: Final[Mapping[str, str]] = {
    "published_by_april_1": (
        "Made public by 1 April of the year after the year reported on (article 24; the "
        "publication date read in China time, 1 April itself on time)."
    ),
    "part_measures_and_results": "States the year's main measures and results (article 24 (1)).",
    "part_shortcomings": "States the shortcomings and their causes (article 24 (2)).",
    "part_leadership_duties": (
        "States how the principal leaders fulfilled their first-responsibility duty for the rule "
        "of law (article 24 (3))."
    ),
    "part_next_year_plan": "States the next year's main arrangements (article 24 (4)).",
    "part_other_matters": "States other matters that need reporting (article 24 (5)).",
}

# The parts, their rule ids, and the title words that show a part merged into another's heading.
_PARTS: Final[tuple[tuple[str, SectionKind | None, re.Pattern[str]], ...]] = (
    ("part_measures_and_results", SectionKind.MEASURES_AND_RESULTS, re.compile(r"举措|成效")),
    (
        "part_shortcomings",
        SectionKind.SHORTCOMINGS,
        re.compile(r"不足|差距|短板|弱项|存在的问题|存在问题"),
    ),
    ("part_leadership_duties", SectionKind.LEADERSHIP_DUTIES, re.compile(r"第一责任人|主要负责人")),
    (
        "part_next_year_plan",
        SectionKind.NEXT_YEAR_PLAN,
        re.compile(
            r"(?:下一年度|下一年|下一步|下阶段|明年|今后).{0,12}(?:安排|计划|打算|思路|重点)"
        ),
    ),
    ("part_other_matters", None, re.compile(r"其他|其它")),
)
_OTHER_MATTERS = re.compile(r"其他|其它")


@attrs.frozen(kw_only=True)
class Check:
    """One requirement checked against one report.

    Attributes:
        rule: The rule id, a key of [ASSESSMENT_RULES][lawgov.ASSESSMENT_RULES].
        status: passed, failed or unknown.
        evidence: Where the report shows it: section paths with their titles, or the date.
        reason: One sentence on why the status is what it is.
    """

    rule: str
    status: CheckStatus
    evidence: tuple[str, ...] = ()
    reason: str = ""


@attrs.frozen(kw_only=True)
class Assessment:
    """A report checked against article 24 of 厅字〔2019〕28号.

    Attributes:
        title: The report's title.
        issuer: The reporting agency's name.
        year: The year reported on.
        published: When it was published (None when the report does not say).
        url: Where it was found.
        level: The issuer's administrative level told from its name (部, 省, 市, 县, 区, 镇,
            街道), or None when the name does not tell.
        checks: One check per rule, in the order of
            [ASSESSMENT_RULES][lawgov.ASSESSMENT_RULES].
    """

    title: str
    issuer: str
    year: int
    published: pendulum.DateTime | None
    url: str | None
    level: str | None
    checks: tuple[Check, ...]

    def check(self, rule: str) -> Check:
        """The check of one rule.

        Raises:
            KeyError: ``rule`` is not one of [ASSESSMENT_RULES][lawgov.ASSESSMENT_RULES].
        """
        for check in self.checks:
            if check.rule == rule:
                return check
        raise KeyError(rule)

    @property
    def passed(self) -> bool:
        """Whether every check passed."""
        return all(check.status is CheckStatus.PASSED for check in self.checks)


def deadline(year: int) -> datetime.date:
    """The last day a report on ``year`` may be made public: 1 April of the following year."""
    return datetime.date(year + 1, 4, 1)


def local_date(moment: pendulum.DateTime) -> datetime.date:
    """The calendar day of ``moment`` in China time, as a plain date."""
    local = moment.in_timezone(CHINA)
    return datetime.date(local.year, local.month, local.day)


def _timeliness(report: Report) -> Check:
    rule = "published_by_april_1"
    due = deadline(report.year)
    if report.published is None:
        return Check(rule=rule, status=CheckStatus.UNKNOWN, reason="no publication date")
    day = local_date(report.published)
    evidence = (f"published {day.isoformat()}", f"deadline {due.isoformat()}")
    if day <= due:
        return Check(rule=rule, status=CheckStatus.PASSED, evidence=evidence, reason="on time")
    late = (day - due).days
    return Check(
        rule=rule, status=CheckStatus.FAILED, evidence=evidence, reason=f"{late} days late"
    )


def _sections(sections: tuple[Section, ...], prefix: str = "") -> Iterator[tuple[str, Section]]:
    for index, section in enumerate(sections):
        path = f"{prefix}.subsections[{index}]" if prefix else f"sections[{index}]"
        yield path, section
        yield from _sections(section.subsections, path)


def _unclassified(report: Report) -> list[str]:
    """Top-level sections of a kind the parser could not tell (other, with no 其他 in the title)."""
    return [
        f"sections[{index}]"
        for index, section in enumerate(report.sections)
        if section.kind is SectionKind.OTHER and not _OTHER_MATTERS.search(section.title)
    ]


def _part(report: Report, rule: str, kind: SectionKind | None, words: re.Pattern[str]) -> Check:
    by_kind: list[str] = []
    by_title: list[str] = []
    paths: list[str] = []
    for path, section in _sections(report.sections):
        is_other_matters = section.kind is SectionKind.OTHER and bool(
            _OTHER_MATTERS.search(section.title)
        )
        if (kind is not None and section.kind is kind) or (kind is None and is_other_matters):
            # Subsections inherit their parent's kind: the top-most section is the evidence.
            if not any(path.startswith(f"{found}.") for found in paths):
                paths.append(path)
                by_kind.append(f"{path}: {section.title}")
        elif "." not in path and words.search(section.title):
            by_title.append(f"{path}: {section.title} (title)")
    if by_kind:
        return Check(
            rule=rule,
            status=CheckStatus.PASSED,
            evidence=tuple(by_kind),
            reason="a section of this kind",
        )
    if by_title:
        return Check(
            rule=rule,
            status=CheckStatus.PASSED,
            evidence=tuple(by_title),
            reason="merged into another part: a section title names it",
        )
    if not report.sections:
        return Check(rule=rule, status=CheckStatus.UNKNOWN, reason="the report has no sections")
    unclassified = _unclassified(report)
    if unclassified:
        return Check(
            rule=rule,
            status=CheckStatus.UNKNOWN,
            evidence=tuple(unclassified),
            reason="not found, but some sections are of unknown kind",
        )
    return Check(
        rule=rule,
        status=CheckStatus.FAILED,
        reason="no section of this kind, and every section is classified",
    )


# The issuer's level: the lowest administrative unit its name names. Words that contain a level
# character without naming a level are removed first (市场监管局 is no city, 社区 no district).
_NOT_LEVELS: Final = re.compile(
    r"市场|社区|城乡|乡村|自治区|城镇|部门|城区|辖区|园区|景区|开发区|新区"
)
_LEVELS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("街道", re.compile(r"街道")),
    ("镇", re.compile(r"[镇乡]")),
    ("县", re.compile(r"县|旗")),
    ("区", re.compile(r"区")),
    ("市", re.compile(r"市|州|盟")),
    ("省", re.compile(r"省|自治区|厅$")),
    ("部", re.compile(r"^(?:国家|国务院|中华人民共和国)|[部委]$|总局$|总署$")),
)


def issuer_level(issuer: str) -> str | None:
    """The administrative level an issuer's name tells: 部, 省, 市, 县, 区, 镇 or 街道; else None.

    The lowest unit the name names wins (``梧岭区南屏街道办事处`` → 街道, ``江门市科技局`` → 市).
    Words that hold a level character without naming a level are ignored (``市场``, ``社区``,
    ``开发区``, ``部门``); 自治区 and a name ending in 厅 are provinces; a name starting with
    国家/国务院 or ending in 部, 委, 总局 or 总署 is a central ministry (部). A name without any
    of these (``科技局`` alone) tells nothing.
    """
    plain = _NOT_LEVELS.sub("", issuer)
    for level, pattern in _LEVELS:
        if pattern.search(issuer if level in ("省", "部") else plain):
            return level
    return None


def assess(report: Report) -> Assessment:
    """Check a report against article 24 of 《法治政府建设与责任落实督察工作规定》.

    Args:
        report: A [Report][lawgov.Report], parsed or loaded.

    Returns:
        Its [Assessment][lawgov.Assessment]: one [Check][lawgov.Check] per rule of
        [ASSESSMENT_RULES][lawgov.ASSESSMENT_RULES], each passed, failed or unknown with its
        evidence.
    """
    checks = [_timeliness(report)]
    checks.extend(_part(report, rule, kind, words) for rule, kind, words in _PARTS)
    return Assessment(
        title=report.title,
        issuer=report.issuer.name,
        year=report.year,
        published=report.published,
        url=report.url,
        level=issuer_level(report.issuer.name),
        checks=tuple(checks),
    )
