"""Finding statements of delegated administrative powers (下放, 委托, 赋予, 承接) in report text.

This module owns how a power statement becomes a [`DelegatedPower`][lawgov.DelegatedPower]. The
rules:

* Words inside ``《》`` titles and quoted names never trigger anything (the seed's basis document
  is titled ``…赋予各市（区）人民政府…``).
* A statement needs a trigger verb (下放, 委托, 赋予, 承接, or a pair such as 委托和下放), a
  power word in its sentence (职权, 权限, 权力, 事项, 审批, 许可, 处罚, 职能, 管理权, 执法权;
  a sentence ends at 。！？ or a line break) and a count in 项 (``23项``, ``十二项``,
  ``15个事项``, ``权限56个，``; spaced in PDF copies: ``18 项``) bound to the verb: in the
  verb's clause, or in the next clause when the verb's clause names no power and the next
  clause goes on about the powers (``受市局委托，行使…职权共计9项``: it opens with
  行使/实施/共/涉及 …, perhaps after the name of who exercises them: ``受市局委托，我局
  行使…``). The count must count powers: a power word follows it (``16项许可事项``), or the
  last power word before it is not followed by another head noun (``审批改革任务5项`` counts
  tasks), or its clause names no power right after a clause that states powers with a verb
  and a count (``…下放至各街道，将8项委托各街道实施``). Without such a count there
  is no statement: ``委托第三方研发`` is a contract (so is 委托 a 第三方/律师/会计师事务所 …
  even with a count), and in ``向基层下放审批权限，全年办理许可事项3600项`` the count is
  another fact.
* Count: a total introduced by 共/合计/总计/累计/计, else the first count after the verb, else the
  count before it in the same clause (``将12项事项下放``). Verbs that share a count are one
  statement (``承接市局下放的…12项``); a sentence may hold several statements.
* A verb that only qualifies a change is no statement: a change verb before it in its clause
  (``收回委托事项2项``) or after its count (``委托的3项已收回``, ``下放事项中有3项已收回``). A
  clause that names its grantor and counts the powers whole states them with their change
  (``市农业农村局委托我县的事项12项已全部取消``), unless an earlier statement has the same
  grantor and mode: then it is that statement's change.
* What remains (``现有下放事项27项``, also 尚有/仍有/剩余/保留) restates an earlier statement and
  is none of its own; with nothing stated before it, it is a statement.
* Mode: 委托和下放 and the like, or both 下放 and 委托 in one statement → both; 下放 →
  delegated; 委托 → entrusted; 赋予/承接 alone → granted (承接市局下放的 → delegated).
* A verb in a list that 承接 opened (``承接省级下放事项7项、市级下放事项23项``) takes its
  grantee from the subject of 承接.
* Grantor: the agency named before the verb in its clause (``江门市科技局委托和下放…``), after
  受 (``受市局委托``) or after 承接 (``承接市科技局下放的…``; in a horizontal move,
  ``县行政审批局承接我局划转的…``), also before the basis it acts on, in the verb's clause or
  in one of its own (``市教育局根据《…》，向我局下放…``). Vague references (上级, 有关部门,
  市级) are not agencies and give no grantor. Grantee: 我区/我局/我县/我市/本级/本局/全区 …
  → the issuer; else the body named after the verb (``下放至各镇（街道）``; not the start of
  a power's name: ``下放违法建设查处事项``, ``下放行政处罚事项``) or, for 承接/受…委托, the
  subject before it (or opening the next clause: ``受市局委托，县审批局行使…``); 承接 with no
  subject means the issuer. A verb with
  nothing but connectives before it in its clause (``市政府委托我县事项30项，下放我县事项20项``)
  takes the parties it leaves out from the statement before it in its sentence.
* Basis: the citation printed in the same sentence (the last one before the verb, else the first
  after it), else one in the previous sentence when that sentence opens with 根据/按照/依据.
  When the caller passes ``citations``, an equal citation (or one with the same title) from it
  is returned, so the power shares the object the holder lists.
* Splits: ``下放和委托…分别为20项和10项`` (or ``分别下放、委托…20项、10项``) gives one entry
  per verb, in the verbs' order. ``其中A项下放，B项委托`` gives one entry per mode when the
  parts have different modes and add up to the total (a verb with its own count before 其中
  is another statement: ``下放45项、委托10项，其中…``); ``其中X许可2项、Y许可3项`` (or
  ``共5项：X许可2项、Y许可3项``) names powers, one entry each, when their counts add up to
  the total; the total is then not a separate entry. The parts are read in order until their
  counts reach the total (a later ``C 1项已取消`` is a change, not a part); parts that do not
  add up are ignored and the total stands. Changes go to the part whose name they mention, or
  that does not mention the other mode (a change clause that names no mode takes the mode of
  the previous change in its sentence: ``委托事项中3项被取消，2项被收回``); each change goes
  to one part only (the first that may take it), and a change's clause never runs over a
  sentence end.
* Concentration: ``将…N项…划入县行政审批局`` (also 划转至/集中到 a 行政审批局, 审批服务局 or
  综合行政执法局) moves counted items sideways into one body: a statement of mode concentrated,
  the grantee that body, the grantor the departments named before the ``的`` that precedes the
  count (``将X局、Y局等9个部门的…38项``). Words that point back at powers stated before
  (其中, 上述, 已, 承接的 …) make the move their change instead.
* Changes: in the clauses after the count, up to the next statement, the end of the line, or
  three more sentences (and at most 600 characters): 调整至/划转/划入/移交/交由 X →
  transferred to X; 取消/撤销/废止 → cancelled; 收回/上收 → reclaimed; each with the count in
  its clause, or, with no count but 全部/均已 (``现已全部收回``), every power still held. The
  changes after the last statement of a sentence concern all its statements (and those of the
  sentence before, when no change came between): one that names the grantor of a single
  statement (``县发改局委托的5项已收回``), or a mode only one statement has
  (``委托事项中5项被取消``), goes to that statement; the last statement takes the rest. A
  change that would make the changes exceed the count is dropped (the model refuses such a
  power), so every returned object is valid.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from lawgov._model import Agency, ChangeKind, Citation, DelegatedPower, PowerChange, PowerMode
from lawgov._model.han import HAN_BASIC, is_basic_han
from lawgov._model.numerals import chinese_number
from lawgov._parse.citations import find_citation_spans, protected_spans

__all__ = ["find_delegated_powers"]

_MASK = "■"
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_CLAUSE_BREAK = "，；：,;:"
_TRIGGER = re.compile(
    r"(?P<both>委托(?:和|、|及|与|或|并)?下放|下放(?:和|、|及|与|或|并)?委托)"
    r"|(?P<delegated>下放)"
    # 委托第三方/律师/会计师事务所…: a service contract, not an entrusted power
    r"|(?P<entrusted>委托)(?![书人方]|第三方|律师|会计|中介|专业|专家|高校|科研|公司|企业|社会)"
    r"|(?P<granted>赋予|承接)"
)
_POWER_WORD = re.compile(r"职权|权限|权力|事项|审批|许可|处罚|职能|管理权|执法权|行政权")
# A clause after the verb's own clause carries its count only when it goes on about the powers
# (受市局委托，行使…职权共计9项), not when it states another action (…，办理审批事项3600项).
# The clause may first name who exercises them (受市局委托，我局行使…): the body entrusted.
_NEXT_CLAUSE_LEAD = re.compile(
    r"\s*(?P<subject>(?:我|本)[局区县市镇乡委办]"
    rf"|[{HAN_BASIC}（）()]{{1,14}}?(?:局|政府|委员会|中心|办公室|镇|乡|街道))?"
    r"(?:行使|实施|承担|承接|涉及|包括|共|合计|总计|计|其中|有|含)"
)
# Nouns that, after a power word, make the counted thing something else: 审批改革任务5项.
# (项目 is absent: 行政审批项目 are powers.)
_OTHER_HEAD = re.compile(r"任务|工程|活动|课题|试点|指标|问题|案件|工作|措施|举措|文件|会议")
# A count never starts inside a longer number (123456项 is no count of 23456).
_NUMBER = (
    r"(?<![0-9.])[0-9]{1,5}(?![0-9])"
    r"|(?<![零〇一二两三四五六七八九十百千])[一二两三四五六七八九十][零〇一二两三四五六七八九十百]*"
)
# PDF-derived copies space digits off the words around them (共计 23 项).
_GAP = r"[ \t\u3000]{0,2}"
_COUNT = re.compile(
    rf"(?P<number>{_NUMBER}){_GAP}(?:余|多)?"
    # 个 counts powers only before a power noun (15个事项) or closing a clause (事项15个，)
    r"(?:项(?!目)|个(?=(?:行政)?(?:审批|许可|处罚|服务|管理|执法)?(?:事项|职权|权限|权力)"
    r"|[，。；、）),;]|$))"
)
_TOTAL = re.compile(
    rf"(?:共计|合计|总计|累计|共|计)(?:有)?{_GAP}(?P<number>{_NUMBER}){_GAP}(?:余|多)?(?:项|个)"
)
_CHANGE = re.compile(
    r"(?P<transferred>调整至|调整到|调整给|调整为由|划转至|划转到|划转给|划转|划入|划归|移交至|"
    r"移交给|移交|交由|转至)"
    r"|(?P<cancelled>取消|撤销|废止)"
    r"|(?P<reclaimed>收回|上收|回收)"
)
# A list of parts: 其中…, or a colon right after a count (共5项：A 2项、B 3项).
_COUNTED_COLON = r"(?:(?<=[0-9零〇一二两三四五六七八九十百]项)|(?<=[0-9] 项))[：:]"
_SPLIT_INTRO = re.compile(rf"其中|包括|分别为|分别是|{_COUNTED_COLON}")
_SPLIT_AFTER_COUNT = re.compile(
    rf"[^，；。\n]{{0,12}}?[，；：:,;]?\s*(?:其中|包括|分别为|分别是)|{_COUNTED_COLON}"
)
_MODE_PART = re.compile(
    rf"(?P<number>{_NUMBER}){_GAP}项[^，；。0-9]{{0,6}}?(?P<verb>下放|委托|赋予)"
    rf"|(?P<verb2>下放|委托|赋予)[^，；。0-9]{{0,8}}?(?P<number2>{_NUMBER}){_GAP}项"
)
# Two counts that go with two verbs in turn (分别为20项和10项).
_RESPECTIVE = re.compile(
    rf"(?P<said>分别(?:为|是|有)?)?{_GAP}(?P<first>{_NUMBER}){_GAP}项{_GAP}[和、及与]"
    rf"{_GAP}(?P<second>{_NUMBER}){_GAP}项"
)
_NAMED_PART = re.compile(rf"(?P<name>[^，、；：。0-9]{{2,30}}?)(?P<number>{_NUMBER}){_GAP}项")
# 全区/全县 … name the reporting body's own area, as 我区 does.
_SELF = re.compile(
    r"^(?:我区|我局|我县|我市|我镇|我乡|我委|我办|我街道|我单位|本级|本局|本区|本县|本市|本单位|"
    r"全区|全县|全市|全镇|全乡)"
)
_AGENCY = re.compile(
    rf"[{HAN_BASIC}（）()]{{0,24}}?"
    r"(?:镇（街道）|人民政府|政府|委员会|管委会|办公室|办事处|部门|单位|机关|局|委|办|处|厅|部|中心|院|署|"
    r"站|所|队|镇|乡|街道|县|区|市|省)"
    # a bracketed qualifier after the name: 各县（市、区）, 各乡镇(街道)
    rf"(?:[（(][{HAN_BASIC}、]{{1,8}}[）)])?"
)
# Words that end an agency name, unless they are inside one (市场监督管理局, 县执行局).
_AGENCY_END = re.compile(
    r"的|后|由|并|和|及|进行|实施|办理|行使|负责|承接|具体|统一"
    r"|管理(?![局处委站所办科队中部厅署])|执行(?![局处])"
    # 委托各村便民服务站代办: what the body does with the powers
    r"|代办(?![中站点处所室])|代为|协助|配合"
    # 赋予乡镇县级管理权限: the level of the powers
    r"|[省市县区镇乡]级"
)
_LEADING_NOISE = re.compile(
    # 年/月/日 left of a date (2019年市农业农村局委托…) open no agency name
    r"^(?:年度|年底|年初|年|月底|月|日|目前|今年|去年|年内|近年来|此外|同时|另外|其中|已经|已|并|由|经|被|从|将|把|向|给|对|受|了)+"
)
_TRAILING_NOISE = re.compile(r"(?:将|把|已经|已|共|先后|陆续|依法|分别|正式|分批|均|都|也|还|又)+$")
_VAGUE = ("上级", "有关", "相关", "上述", "该", "各级", "市级", "省级", "县级", "区级")
_MEASURE_WORDS = "个家项名批类"
# Last characters of body names that also end verbs and nouns (查处, 场所, 车站, 团队).
_WEAK_ENDS = "处所站队院"
_GRANTEE_LEAD = re.compile(r"^(?:到|给|至|予|于|为|向|了)+")
# What a body taking powers on says of the one that handed them over (承接我局划转的).
_HANDED_OVER = re.compile(r"(?:划转|划入|移交|转交|交由)的")
# The subject may be followed by the basis it acts on (市教育局依据《…》委托我局…): the title
# is masked, so the run stops at the word that introduces it.
_HEAD_RUN = re.compile(
    rf"[{HAN_BASIC}（）()]+?"
    r"(?=将|把|已|共|先后|陆续|依法|分别|以|通过|依据|根据|按照|依照|$)"
)
# A clause that is only a subject and the basis it acts on (市教育局根据《…》（…），): the
# masked title and number end it.
_BASIS_CLAUSE = re.compile(
    rf"\s*(?P<subject>[{HAN_BASIC}（）()]{{2,20}}?)(?:依据|根据|按照|依照)[{_MASK}\s（）()]+"
)
# 将…N项…划入县行政审批局: departments' items moved sideways into one body (相对集中行政许可权).
_CONCENTRATION = re.compile(
    r"(?:将|把)(?P<span>[^，；。：:,;\n]{1,60}?)(?:统一|整体|全部|集中|成建制|一并)?"
    r"(?:划入|划转至|划转到|划转给|集中到|集中至)"
    rf"(?P<grantee>[{HAN_BASIC}]{{1,16}}?"
    r"(?:行政审批服务局|行政审批局|审批服务局|审批局|综合行政执法局|综合执法局|政务服务管理局))"
)
# Words before the verb that point back at powers stated before: the move is their change
# (其中1项已划入…, 将承接的5项划转至…), not a statement of its own.
_BACK_REFERENCE = re.compile(r"其中|中的|上述|以上|前述|这些|该|已|(?:承接|下放|委托|赋予)的")
# Who gave the items up: the words before the 的 that precedes the count (将区发展改革局等9个
# 部门的…38项…), when they end like agencies.
_OWNERS_END = re.compile(r"(?:部门|单位|局|委|办|厅|中心)$")
# A clause that counts what is left (现有下放事项27项), not what was granted.
_REMAINING = re.compile(r"现有|尚有|仍有|剩余|保留")
# Connectives that may open a clause whose verb leaves its subject out (，另下放…，同时委托…).
_ELIDED = re.compile(
    r"(?:另外|另|此外|同时|并且|并|还|又|再|以及|和|及|已|共|先后|分别)*"
    rf"(?:(?:将|把)(?:[{HAN_BASIC}]{{0,16}}?(?:事项|职权|权限|权力))?)?"
)
_BASIS_LEAD = re.compile(r"^\s*(?:根据|按照|依据|依照)")
_MAX_CHANGE_SENTENCES = 3
# Bounds that keep the work per trigger constant, so text without punctuation stays linear:
# a clause is read at most this far either side of a word, an agency name is at most this long,
# and a statement's splits and changes are looked for at most this far after its count.
_MAX_CLAUSE = 160
_MAX_NAME = 40
_REACH = 600


@attrs.frozen
class _Sentence:
    start: int
    end: int


@attrs.frozen
class _Statement:
    sentence: int
    clause: int  # where the statement's clause begins: the previous statement's changes stop here
    count_end: int
    power: DelegatedPower
    parts: tuple[DelegatedPower, ...]
    remaining: bool = False  # 现有下放事项27项: what is left of powers stated before
    changed: bool = False  # 市局委托的3项已收回: the clause states a change of its own count


def find_delegated_powers(
    text: str, *, issuer: Agency | None = None, citations: Sequence[Citation] = ()
) -> list[DelegatedPower]:
    """Find every statement of delegated or entrusted powers in ``text``.

    Args:
        text: Clean text: a paragraph, or a section's text (lines are kept apart).
        issuer: The report's issuer, the grantee when the text says 我区/我局/本级 ….
        citations: Citations already found for the holder; a basis equal to one of them (or
            with its title) is returned as that object.

    Returns:
        The power statements in order; each object is valid. Never raises on any string.
    """
    if not isinstance(text, str) or not text:
        return []
    masked = _mask(text)
    sentences = _sentences(masked)
    cited = find_citation_spans(text)
    starts = [start for _, start, _ in cited]  # sorted: citations come in text order
    statements: list[_Statement] = []
    for index in range(len(sentences)):
        statements.extend(
            _statements(
                masked,
                sentences=sentences,
                index=index,
                issuer=issuer,
                cited=cited,
                starts=starts,
                given=citations,
            )
        )
    statements = _without_restatements(statements)
    powers: list[DelegatedPower] = []
    first = 0
    while first < len(statements):
        last = first
        while last + 1 < len(statements) and _shares_changes(masked, sentences, statements, last):
            last += 1
        powers.extend(_group_powers(masked, sentences, statements, first, last))
        first = last + 1
    return powers


def _shares_changes(
    masked: str, sentences: list[_Sentence], statements: list[_Statement], position: int
) -> bool:
    """Whether the changes stated after the next statement may concern this one too: it is
    in the same sentence, or in the next with no change of this one's in between
    (市政府委托我县事项30项。市政府下放我县事项20项。委托事项中5项被取消…)."""
    statement, following = statements[position], statements[position + 1]
    if following.sentence == statement.sentence:
        return True
    if following.sentence != statement.sentence + 1:
        return False
    limit = _change_limit(masked, sentences, statements, position)
    return not _changes(masked, statement.count_end, limit)


def _group_powers(
    masked: str, sentences: list[_Sentence], statements: list[_Statement], first: int, last: int
) -> list[DelegatedPower]:
    """The powers of statements stated together (one sentence, or two in a row), with their
    changes.

    Each statement takes the changes between its count and the next statement. The changes
    after the sentence's last statement concern them all (委托我县事项30项，下放我县事项20项。
    委托事项中5项被取消，下放事项中3项调整至…): one that names the grantor or the mode of
    a single statement goes to it; the last statement takes the rest.
    """
    group = statements[first : last + 1]
    shared = _changes(
        masked, statements[last].count_end, _change_limit(masked, sentences, statements, last)
    )
    owners = [_owner(change, group) for change in shared]
    # Each change goes to one power: the parts of a split share the changes stated after
    # them, the first part that may take a change (by name or mode) takes it.
    taken: set[_Change] = set()
    result: list[DelegatedPower] = []
    for offset, statement in enumerate(group):
        position = first + offset
        own: list[_Change] = []
        if position < last:
            limit = _change_limit(masked, sentences, statements, position)
            own = _changes(masked, statement.count_end, limit)
        claimed = [
            change
            for change, owner in zip(shared, owners, strict=True)
            if owner == offset or (owner is None and position == last)
        ]
        for power in statement.parts or (statement.power,):
            result.append(_attach(power, own + claimed, taken))
    return result


def _owner(change: _Change, group: list[_Statement]) -> int | None:
    """The one statement of a sentence a later change names, by grantor or by mode."""
    named = {
        index
        for index, statement in enumerate(group)
        if statement.power.grantor is not None and statement.power.grantor.name in change.lead
    }
    grantors = {group[index].power.grantor for index in named}
    if len(named) == 1 and len(grantors) == 1:
        return named.pop()
    if len(change.modes) == 1:
        (word,) = change.modes
        holders = [
            index
            for index, statement in enumerate(group)
            if any(
                word in _MODE_WORDS[power.mode] for power in statement.parts or (statement.power,)
            )
        ]
        if len(holders) == 1:
            return holders[0]
    return None


def _mask(text: str) -> str:
    chars = list(text)
    for start, end in protected_spans(text):
        chars[start:end] = _MASK * (end - start)
    return "".join(chars)


def _sentences(masked: str) -> list[_Sentence]:
    sentences: list[_Sentence] = []
    start = 0
    for brk in _SENTENCE_END.finditer(masked):
        if brk.end() > start:
            sentences.append(_Sentence(start, brk.end()))
        start = brk.end()
    if start < len(masked):
        sentences.append(_Sentence(start, len(masked)))
    return sentences


def _clause_bounds(masked: str, lo: int, hi: int, at: int) -> tuple[int, int]:
    # Real clauses are short; the cap keeps text without punctuation linear to scan.
    floor = max(lo, at - _MAX_CLAUSE)
    ceiling = min(hi, at + _MAX_CLAUSE)
    begin = at
    while begin > floor and masked[begin - 1] not in _CLAUSE_BREAK:
        begin -= 1
    end = at
    while end < ceiling and masked[end] not in _CLAUSE_BREAK:
        end += 1
    return begin, end


def _count_value(number: str) -> int | None:
    value = chinese_number(number)
    if value is None or value != value.to_integral_value() or value < 1:
        return None
    return int(value)


def _statements(
    masked: str,
    *,
    sentences: list[_Sentence],
    index: int,
    issuer: Agency | None,
    cited: list[tuple[Citation, int, int]],
    starts: list[int],
    given: Sequence[Citation],
) -> list[_Statement]:
    sentence = sentences[index]
    lo, hi = sentence.start, sentence.end
    if _POWER_WORD.search(masked, lo, hi) is None:
        return []
    # Triggers that share a count are one statement (承接市局下放的…12项); a sentence may hold
    # several (承接下放的许可事项21项，承接委托的处罚事项9项).
    groups: dict[int, tuple[list[re.Match[str]], int, int]] = {}
    respective: dict[int, tuple[tuple[PowerMode, int], ...]] = {}  # by the verb's start
    split_from = hi
    for trigger in _TRIGGER.finditer(masked, lo, hi):
        if trigger.start() >= split_from or _in_change(masked, lo, hi, trigger, issuer):
            continue
        both = _respectively(masked, lo, hi, trigger)
        if both is not None:
            (first_mode, first_count), (second_mode, second_count), start, end = both
            respective[trigger.start()] = ((first_mode, first_count), (second_mode, second_count))
            groups[start] = ([trigger], first_count + second_count, end)
            continue
        split_at = _SPLIT_INTRO.search(masked, trigger.end(), min(hi, trigger.end() + _REACH))
        count_hi = split_at.start() if split_at is not None else hi
        count, count_start, count_end = _main_count(masked, lo, count_hi, trigger)
        if count is None or not _counts_powers(
            masked, lo, hi, trigger, count_start=count_start, count_end=count_end
        ):
            continue
        if count_start in groups:
            groups[count_start][0].append(trigger)
        else:
            groups[count_start] = ([trigger], count, count_end)
        if _splits_after(masked, count_end):
            split_from = count_end  # 其中14项下放，4项委托: the verbs there split this statement
    ordered = sorted(groups.values(), key=lambda group: group[0][0].start())
    statements: list[_Statement] = []
    for number, (triggers, count, count_end) in enumerate(ordered):
        first = triggers[0]
        begin, _ = _clause_bounds(masked, lo, hi, first.start())
        following = ordered[number + 1][0][0].start() if number + 1 < len(ordered) else hi
        part_hi = _clause_bounds(masked, lo, hi, following)[0] if following < hi else hi
        part_hi = min(part_hi, count_end + _REACH)
        grantor, grantee = _parties(masked, lo, hi, triggers, issuer)
        if statements and first.group() != "承接" and _names_no_subject(masked, begin, first):
            # 市政府委托我县事项30项，下放我县事项20项: the subject the second verb leaves out is
            # the one of the statement before it in the sentence
            earlier = statements[-1].power
            grantor = grantor or earlier.grantor
            grantee = grantee or earlier.grantee
        if grantor is None and first.group() == "赋予" and grantee not in {None, issuer}:
            # 赋予柘湾镇的35项…权限 with no one named before the verb: the issuer grants downward
            grantor = issuer
        basis = _basis(
            masked,
            sentences=sentences,
            index=index,
            trigger=first.start(),
            cited=cited,
            starts=starts,
            given=given,
        )
        power = DelegatedPower(
            grantor=grantor, grantee=grantee, mode=_mode(triggers), count=count, basis=basis
        )
        parts: tuple[DelegatedPower, ...] = ()
        split_at = _SPLIT_INTRO.search(masked, count_end, max(count_end, part_hi))
        if first.start() in respective:
            parts = tuple(
                attrs.evolve(power, mode=mode, count=value)
                for mode, value in respective[first.start()]
            )
        elif split_at is not None:
            parts = _split(masked, split_at.end(), part_hi, power)
        remaining = _REMAINING.search(masked, begin, first.start()) is not None
        _, clause_end = _clause_bounds(masked, lo, hi, count_end)
        changed = _CHANGE.search(masked, count_end, clause_end) is not None
        statements.append(
            _Statement(index, begin, count_end, power, parts, remaining=remaining, changed=changed)
        )
    concentrations = _concentrations(
        masked, sentences=sentences, index=index, cited=cited, starts=starts, given=given
    )
    if concentrations:
        statements = sorted(statements + concentrations, key=lambda statement: statement.clause)
    return statements


def _concentrations(
    masked: str,
    *,
    sentences: list[_Sentence],
    index: int,
    cited: list[tuple[Citation, int, int]],
    starts: list[int],
    given: Sequence[Citation],
) -> list[_Statement]:
    """The sentence's moves of counted items into one body (将…38项…划入区行政审批局).

    The count is the last one before the verb that counts powers; the grantor is who gave the
    items up, when the text names them (``X局、Y局等9个部门的``); the grantee is the body that
    takes them. A move that points back at powers stated before is their change instead.
    """
    sentence = sentences[index]
    lo, hi = sentence.start, sentence.end
    found: list[_Statement] = []
    for match in _CONCENTRATION.finditer(masked, lo, hi):
        span_start, span_end = match.span("span")
        if _BACK_REFERENCE.search(masked, span_start, span_end) is not None:
            continue
        if _POWER_WORD.search(masked, span_start, span_end) is None:
            continue
        counts = list(_COUNT.finditer(masked, span_start, span_end))
        if not counts:
            continue
        count = _count_value(counts[-1]["number"])
        if count is None or count <= 0:
            continue
        owner_end = masked.rfind("的", span_start, counts[-1].start())
        grantor = None
        if owner_end != -1:
            owner = masked[span_start:owner_end].strip()
            if 2 <= len(owner) <= _MAX_NAME and _OWNERS_END.search(owner) and _MASK not in owner:
                grantor = Agency(name=owner)
        basis = _basis(
            masked,
            sentences=sentences,
            index=index,
            trigger=match.start("grantee"),
            cited=cited,
            starts=starts,
            given=given,
        )
        power = DelegatedPower(
            grantor=grantor,
            grantee=Agency(name=match["grantee"]),
            mode=PowerMode.CONCENTRATED,
            count=count,
            basis=basis,
        )
        begin, _ = _clause_bounds(masked, lo, hi, match.start())
        found.append(_Statement(index, begin, match.end(), power, ()))
    return found


def _names_no_subject(masked: str, begin: int, trigger: re.Match[str]) -> bool:
    """Whether nothing but connectives, or 将 and the powers, stands before the verb in its
    clause (，另下放…, ，将8项委托…)."""
    before = masked[begin : trigger.start()][-_MAX_NAME:]
    before = _COUNT.sub("", before[before.rfind("、") + 1 :]).strip()
    return _ELIDED.fullmatch(before) is not None


def _respectively(
    masked: str, lo: int, hi: int, trigger: re.Match[str]
) -> tuple[tuple[PowerMode, int], tuple[PowerMode, int], int, int] | None:
    """下放和委托…分别为20项和10项 (or 分别下放、委托…20项、10项): one count per verb, in the
    verbs' order; with the span of the two counts."""
    if trigger.lastgroup != "both":
        return None
    _, end = _clause_bounds(masked, lo, hi, trigger.end())
    counts = _RESPECTIVE.search(masked, trigger.end(), end)
    if counts is None:
        return None
    if (
        counts["said"] is None
        and "分别" not in masked[max(lo, trigger.start() - 3) : trigger.start()]
    ):
        return None
    first = _count_value(counts["first"])
    second = _count_value(counts["second"])
    if first is None or second is None:
        return None
    order = (PowerMode.DELEGATED, PowerMode.ENTRUSTED)
    if trigger.group().startswith("委托"):
        order = (PowerMode.ENTRUSTED, PowerMode.DELEGATED)
    return (order[0], first), (order[1], second), counts.start("first"), counts.end()


def _splits_after(masked: str, count_end: int) -> bool:
    """Whether a list of parts follows the count, with no other statement (a verb and its
    count: 下放事项45项、委托10项，其中…) on the way."""
    split = _SPLIT_AFTER_COUNT.match(masked, count_end)
    if split is None:
        return False
    between = masked[count_end : split.end()]
    verb = _TRIGGER.search(between)
    return verb is None or _COUNT.search(between, verb.end()) is None


def _without_restatements(statements: list[_Statement]) -> list[_Statement]:
    """Drop the statements that speak again of powers stated before them.

    现有…N项 counts what is left of an earlier statement; a clause with its own change
    (市局委托的3项已收回) by the grantor and mode of an earlier statement is that statement's
    change. Either one, with nothing stated before it, is a statement of its own.
    """
    kept: list[_Statement] = []
    for statement in statements:
        power = statement.power
        if kept and statement.remaining:
            continue
        if statement.changed and any(
            (earlier.power.grantor, earlier.power.mode) == (power.grantor, power.mode)
            for earlier in kept
        ):
            continue
        kept.append(statement)
    return kept


def _in_change(
    masked: str, lo: int, hi: int, trigger: re.Match[str], issuer: Agency | None
) -> bool:
    """Whether a trigger word only qualifies a change (收回委托事项2项, 委托的3项已收回).

    A clause that names who granted the powers, and counts them whole (no 其中/中 before the
    count), states them together with their change (市局委托我县的事项12项已全部取消).
    """
    begin, end = _clause_bounds(masked, lo, hi, trigger.start())
    if _CHANGE.search(masked, begin, trigger.start()) is not None:
        return True
    count = _COUNT.search(masked, trigger.end(), end)
    if count is None or _CHANGE.search(masked, count.end(), end) is None:
        return False
    if "中" in masked[begin : count.start()]:
        return True  # 下放事项中有3项已收回: a part of powers stated before
    grantor, _ = _parties(masked, lo, hi, [trigger], issuer)
    return grantor is None


def _main_count(
    masked: str, lo: int, hi: int, trigger: re.Match[str]
) -> tuple[int | None, int, int]:
    # The count stands in the verb's clause, or in the next one when the verb's clause names no
    # power (受市局委托，行使…职权共计9项); a count further on belongs to another fact
    # (向基层下放审批权限，全年办理许可事项3600项 states no count of powers).
    begin, end = _clause_bounds(masked, lo, hi, trigger.start())
    own_end = end
    if (
        end < hi
        and _POWER_WORD.search(masked, trigger.end(), end) is None
        and _NEXT_CLAUSE_LEAD.match(masked, end + 1)
    ):
        _, end = _clause_bounds(masked, lo, hi, end + 1)
    window_end = min(end, hi)
    total = _TOTAL.search(masked, begin, window_end)
    if total is not None:
        value = _count_value(total["number"])
        if value is not None:
            return value, total.start(), total.end()
    for count in _COUNT.finditer(masked, trigger.end(), window_end):
        if count.start() > own_end and _CHANGE.search(
            masked, *_clause_bounds(masked, lo, hi, count.start())
        ):
            break  # the next clause states a change, not the count of this statement
        value = _count_value(count["number"])
        if value is not None:
            return value, count.start(), count.end()
    before = list(_COUNT.finditer(masked, begin, trigger.start()))
    if before:
        value = _count_value(before[-1]["number"])
        if value is not None:
            return value, before[-1].start(), trigger.start()
    return None, trigger.start(), trigger.start()


def _counts_powers(
    masked: str, lo: int, hi: int, trigger: re.Match[str], *, count_start: int, count_end: int
) -> bool:
    """Whether the count counts powers: a power word follows it (16项许可事项), or the last power
    word before it is not followed by another head noun (审批改革任务5项 counts tasks)."""
    number = _COUNT.match(masked, count_start)  # a count before its verb: 将12项事项下放
    if number is not None:
        count_end = number.end()
    _, clause_end = _clause_bounds(masked, lo, hi, count_end)
    after = _POWER_WORD.search(masked, count_end, min(clause_end, count_end + 8))
    if after is not None and _OTHER_HEAD.search(masked, after.end(), clause_end) is None:
        return True
    begin, _ = _clause_bounds(masked, lo, hi, min(trigger.start(), count_start))
    last: re.Match[str] | None = None
    for word in _POWER_WORD.finditer(masked, begin, count_start):
        last = word
    if last is None:
        return after is not None or _parallel(masked, lo, begin)
    return _OTHER_HEAD.search(masked, last.end(), count_start) is None


def _parallel(masked: str, lo: int, begin: int) -> bool:
    """Whether the clause before ``begin`` states powers with a verb and a count, so that a
    clause naming no power counts the same kind (下放至各街道，将8项委托各街道实施)."""
    if begin <= lo:
        return False
    previous, _ = _clause_bounds(masked, lo, begin - 1, begin - 1)
    return (
        _TRIGGER.search(masked, previous, begin) is not None
        and _POWER_WORD.search(masked, previous, begin) is not None
        and _COUNT.search(masked, previous, begin) is not None
    )


def _mode(triggers: list[re.Match[str]]) -> PowerMode:
    kinds = {t.lastgroup for t in triggers}
    if "both" in kinds or {"delegated", "entrusted"} <= kinds:
        return PowerMode.DELEGATED_AND_ENTRUSTED
    if "delegated" in kinds:
        return PowerMode.DELEGATED
    if "entrusted" in kinds:
        return PowerMode.ENTRUSTED
    return PowerMode.GRANTED


def _agency(raw: str, issuer: Agency | None) -> tuple[bool, Agency | None]:
    """Read an agency name; the flag says whether the text named a party at all."""
    name = _LEADING_NOISE.sub("", raw.strip())
    name = _TRAILING_NOISE.sub("", name)
    if not name:
        return False, None
    if _SELF.match(name):
        return True, issuer
    match = _AGENCY.fullmatch(name)
    if match is None or len(name) < 2 or name.startswith(_VAGUE) or name[0] in _MEASURE_WORDS:
        return False, None  # 8个部门: the words after a count are no name
    return True, Agency(name=name)


def _name_after(masked: str, at: int, hi: int, issuer: Agency | None) -> Agency | None:
    _, end = _clause_bounds(masked, at, hi, at)
    tail = _GRANTEE_LEAD.sub("", masked[at:end])[:_MAX_NAME]
    if _SELF.match(tail):
        return issuer
    stop = _AGENCY_END.search(tail)
    if stop is not None:
        tail = tail[: stop.start()]
    best: str | None = None
    # the longest prefix of the tail that ends like an agency name
    for cut in range(len(tail), 0, -1):
        if _AGENCY.fullmatch(tail, 0, cut) and not _names_a_power(tail, cut):
            best = tail[:cut]
            break
    if best is None or len(best) < 2 or best.startswith(_VAGUE) or _MASK in best:
        return None
    return Agency(name=best)


def _names_a_power(tail: str, cut: int) -> bool:
    """Whether a name read after a verb is the start of a power's name, not a body.

    A power word runs across its end (下放行政处罚事项: 行政处 is no body), or it ends like a
    verb or place does (查处, 场所) right before a power word (下放违法建设查处事项).
    """
    for word in _POWER_WORD.finditer(tail, max(0, cut - 3), min(len(tail), cut + 3)):
        if word.start() < cut < word.end():
            return True
    return tail[cut - 1] in _WEAK_ENDS and _POWER_WORD.match(tail, cut) is not None


def _tail_run(text: str) -> str:
    """The trailing run of CJK characters and brackets: the words right before the verb.

    A 、 inside brackets belongs to the run (向各县（市、区）下放); outside them it ends it.
    """
    end = len(text)
    start = end
    depth = 0
    while start > 0:
        char = text[start - 1]
        if char in "）)":
            depth += 1
        elif char in "（(":
            depth -= 1
        elif not (is_basic_han(char) or (char == "、" and depth > 0)):
            break
        start -= 1
    return text[start:end]


def _parties(
    masked: str, lo: int, hi: int, triggers: list[re.Match[str]], issuer: Agency | None
) -> tuple[Agency | None, Agency | None]:
    first = triggers[0]
    begin, end = _clause_bounds(masked, lo, hi, first.start())
    before = _tail_run(masked[begin : first.start()])
    grantor: Agency | None = None
    grantee: Agency | None = None
    taker = masked.rfind("承接", begin, first.start())
    if first.group() != "承接" and taker != -1:
        # 承接省级下放事项7项、市级下放事项23项: a later item of the list 承接 opened takes
        # its grantee from the subject of 承接 and its grantor from the words before its verb
        _, grantee = _agency(_tail_run(masked[begin:taker]), issuer)
        if grantee is None:
            grantee = issuer
        _, grantor = _agency(before, issuer)
        return grantor, grantee
    if first.group() == "承接":
        named, grantee = _agency(before, issuer)
        if not named:
            grantee = issuer  # 承接 without a subject: the reporting body takes the powers on
        later = [t.start() for t in triggers[1:] if t.start() < end]
        if not later:
            # 县行政审批局承接我局划转的…事项9项: the body whose items moved hands them over
            moved = _HANDED_OVER.search(masked, first.end(), end)
            if moved is not None:
                later = [moved.start()]
        if later:
            _, grantor = _agency(_tail_run(masked[first.end() : later[0]]), issuer)
        return grantor, grantee
    if "受" in before:
        cut = before.rindex("受")
        named, grantee = _agency(before[:cut], issuer)
        if not named and end < hi:
            # 受市局委托，县审批局行使…: the body entrusted opens the next clause
            lead = _NEXT_CLAUSE_LEAD.match(masked, end + 1)
            if lead is not None and lead["subject"]:
                named, grantee = _agency(lead["subject"], issuer)
        if not named:
            grantee = issuer
        _, grantor = _agency(before[cut + 1 :], issuer)
        return grantor, grantee
    for word in ("向", "给", "对"):
        if word in before:
            cut = before.rindex(word)
            _, grantor = _agency(before[:cut], issuer)
            if grantor is None:
                # 市政府以市政府令形式向我县下放: the subject opens the clause; the words before
                # 向 may run over a masked basis (市局根据《…》向我县下放), so read the clause
                head = _HEAD_RUN.match(masked, begin, first.start() - len(before) + cut)
                if head is not None:
                    _, grantor = _agency(head.group(), issuer)
            named, grantee = _agency(before[cut + 1 :], issuer)
            if named:
                return grantor or _subject_before_basis(masked, lo, begin, issuer), grantee
    _, grantor = _agency(before, issuer)
    if grantor is None:
        # 县住建局将12项事项下放…: the subject opens the clause, the object stands before the verb
        head = _HEAD_RUN.match(masked, begin, first.start())
        if head is not None:
            _, grantor = _agency(head.group(), issuer)
    grantee = _name_after(masked, first.end(), hi, issuer)
    if grantee is None and _SELF.match(_GRANTEE_LEAD.sub("", masked[first.end() : end])):
        grantee = issuer
    return grantor or _subject_before_basis(masked, lo, begin, issuer), grantee


def _subject_before_basis(masked: str, lo: int, begin: int, issuer: Agency | None) -> Agency | None:
    """The subject of a clause that only states the basis of the next one.

    ``市教育局根据《…》，向我局下放…``: the grantor stands in the clause before the verb's.
    """
    if begin <= lo:
        return None
    start, _ = _clause_bounds(masked, lo, begin - 1, begin - 1)
    lead = _BASIS_CLAUSE.fullmatch(masked, start, begin - 1)
    if lead is None:
        return None
    return _agency(lead["subject"], issuer)[1]


def _basis(
    masked: str,
    *,
    sentences: list[_Sentence],
    index: int,
    trigger: int,
    cited: list[tuple[Citation, int, int]],
    starts: list[int],
    given: Sequence[Citation],
) -> Citation | None:
    sentence = sentences[index]
    first = bisect.bisect_left(starts, sentence.start)
    at_trigger = bisect.bisect_left(starts, trigger)
    after = bisect.bisect_left(starts, sentence.end)
    chosen: Citation | None = None
    if at_trigger > first:
        chosen = cited[at_trigger - 1][0]
    elif after > first:
        chosen = cited[first][0]
    elif index > 0:
        previous = sentences[index - 1]
        if _BASIS_LEAD.match(masked, previous.start):
            earlier = bisect.bisect_left(starts, previous.start)
            if first > earlier:
                chosen = cited[first - 1][0]
    if chosen is None:
        return None
    for citation in given:
        if citation == chosen:
            return citation
    for citation in given:
        if citation.title is not None and citation.title == chosen.title:
            return citation
    return chosen


def _split(masked: str, lo: int, hi: int, total: DelegatedPower) -> tuple[DelegatedPower, ...]:
    modes: list[tuple[PowerMode, int]] = []
    for part in _MODE_PART.finditer(masked, lo, hi):
        verb = part["verb"] or part["verb2"]
        value = _count_value(part["number"] or part["number2"])
        if value is None:
            return ()
        mode = {"下放": PowerMode.DELEGATED, "委托": PowerMode.ENTRUSTED}.get(
            verb, PowerMode.GRANTED
        )
        modes.append((mode, value))
        if sum(v for _, v in modes) >= total.count:
            break  # the parts end where they reach the total; later counts are other facts
    distinct = len({mode for mode, _ in modes}) == len(modes)
    if len(modes) >= 2 and distinct and sum(v for _, v in modes) == total.count:
        return tuple(attrs.evolve(total, mode=mode, count=value) for mode, value in modes)
    if modes:
        return ()
    named: list[tuple[str, int]] = []
    for part in _NAMED_PART.finditer(masked, lo, hi):
        name = part["name"].strip("：:，、；的 ")
        name = re.sub(r"^(?:其中|包括|分别为|分别是|为|是|有)+", "", name)
        name = re.sub(r"(?:事项|共|计|等|类|为|有)+$", "", name)
        value = _count_value(part["number"])
        if value is None or not name or _MASK in name:
            return ()
        named.append((name, value))
        if sum(v for _, v in named) >= total.count:
            break  # 其中A 5项、B 4项、C 3项，…；C 1项已取消: the list ends at the total
    if named and sum(v for _, v in named) == total.count:
        return tuple(attrs.evolve(total, name=name, count=value) for name, value in named)
    return ()


def _change_limit(
    masked: str, sentences: list[_Sentence], statements: list[_Statement], position: int
) -> int:
    statement = statements[position]
    last = min(len(sentences) - 1, statement.sentence + _MAX_CHANGE_SENTENCES)
    limit = sentences[last].end
    if position + 1 < len(statements):
        limit = min(limit, statements[position + 1].clause)
    limit = min(limit, statement.count_end + _REACH)
    newline = masked.find("\n", statement.count_end, limit)
    if newline != -1:
        limit = min(limit, newline)
    return limit


_MODE_WORD = re.compile(r"下放|委托")
# The mode words a change may name to speak of a power of each mode.
_MODE_WORDS = {
    PowerMode.DELEGATED: frozenset({"下放"}),
    PowerMode.ENTRUSTED: frozenset({"委托"}),
    PowerMode.DELEGATED_AND_ENTRUSTED: frozenset({"下放", "委托"}),
    PowerMode.GRANTED: frozenset[str](),
}
# A change with no count of its own that covers every power (现已全部收回, 均已取消).
_ALL = re.compile(r"全部|全数|悉数|均已|均")


@attrs.frozen
class _Change:
    kind: ChangeKind
    count: int | None  # None: all the powers still held (现已全部收回)
    recipient: Agency | None
    clause: str
    # 下放/委托 named in the clause, else in the previous change's clause of the same sentence
    # (委托事项中有3项被取消，2项被收回: both are entrusted powers)
    modes: frozenset[str]
    sentence: int
    start: int  # where the change's verb stands: two equal clauses are still two changes
    lead: str  # the clause before the verb: who held the powers (县发改局委托的5项已收回)


def _changes(masked: str, lo: int, hi: int) -> list[_Change]:
    changes: list[_Change] = []
    seen_clauses: set[int] = set()
    for verb in _CHANGE.finditer(masked, lo, hi):
        begin, end = _clause_bounds(masked, lo, hi, verb.start())
        # a clause never runs over the end of a sentence: 委托8项。目前已有2项划转 counts 2
        stop = _SENTENCE_END.search(masked, verb.end(), end)
        if stop is not None:
            end = stop.start()
        for stop in _SENTENCE_END.finditer(masked, begin, verb.start()):
            begin = stop.end()
        if begin in seen_clauses:
            continue
        count = _COUNT.search(masked, begin, end)
        value: int | None = None
        if count is not None:
            value = _count_value(count["number"])
            if value is None:
                continue
        elif _ALL.search(masked, begin, verb.start()) is None:
            continue
        seen_clauses.add(begin)
        kind = ChangeKind(verb.lastgroup) if verb.lastgroup else ChangeKind.TRANSFERRED
        recipient = None
        if kind is ChangeKind.TRANSFERRED:
            recipient = _name_after(masked, verb.end(), end, None)
        sentence = _sentence_start(masked, lo, begin)
        modes = frozenset(_MODE_WORD.findall(masked, begin, end))
        if not modes and changes and changes[-1].sentence == sentence:
            modes = changes[-1].modes
        changes.append(
            _Change(
                kind,
                value,
                recipient,
                masked[begin:end],
                modes,
                sentence,
                verb.start(),
                masked[begin : verb.start()],
            )
        )
    return changes


def _sentence_start(masked: str, lo: int, at: int) -> int:
    start = lo
    for stop in _SENTENCE_END.finditer(masked, lo, at):
        start = stop.end()
    return start


def _attach(power: DelegatedPower, changes: list[_Change], taken: set[_Change]) -> DelegatedPower:
    kept: list[PowerChange] = []
    moved = 0
    for change in changes:
        if change in taken:
            continue
        clause = change.clause
        if power.name is not None and power.name not in clause:
            continue  # a named power takes only the changes that name it
        if power.mode in (PowerMode.DELEGATED, PowerMode.ENTRUSTED):
            other = "委托" if power.mode is PowerMode.DELEGATED else "下放"
            if other in change.modes:
                continue  # the change concerns the other part of a split
        count = power.count - moved if change.count is None else change.count
        if count < 1 or moved + count > power.count:
            continue  # nothing left, or more than were delegated: inconsistent, dropped
        kept.append(PowerChange(kind=change.kind, count=count, recipient=change.recipient))
        taken.add(change)
        moved += count
    return attrs.evolve(power, changes=tuple(kept))
