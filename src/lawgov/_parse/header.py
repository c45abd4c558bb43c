"""The page header of a scraped report: title, 来源/date/views line, disclosure block and chrome.

This module owns everything above a report's body and the two facts derived from it, the
year reported on and the issuer. It works on cleaned lines (see `clean`) and
never looks below the first body line, so a sentence in the body that happens to contain
``来源：`` is never read as metadata.

Post-conditions of `read_header`: every returned body line is non-empty and stripped,
page chrome (breadcrumbs, ``今天是…``, font-size and print links) is gone from the whole text,
the title (when found) is printed once, and every date is a timezone-aware Asia/Shanghai
`pendulum.DateTime` or a `pendulum.Date`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
import pendulum

from lawgov._errors import ValidationError
from lawgov._model import Agency, Disclosure, DocumentNumber
from lawgov._model.docnumber import CLOSE_BRACKETS, OPEN_BRACKETS
from lawgov._model.han import HAN_BASIC
from lawgov._model.numerals import YEAR_DIGITS

__all__ = [
    "TIMEZONE",
    "Header",
    "Line",
    "find_genre_title",
    "is_chrome",
    "parse_date",
    "parse_datetime",
    "read_header",
    "scripted",
    "simplified_key",
    "title_key",
]

#: Local time of every Chinese government site.
TIMEZONE = "Asia/Shanghai"


@attrs.frozen(kw_only=True)
class Line:
    """One non-empty line of cleaned text.

    Attributes:
        number: Its 1-based line number in the cleaned text (for error messages).
        text: The line, stripped of surrounding spaces.
    """

    number: int
    text: str


@attrs.frozen(kw_only=True)
class Header:
    """What the page header says, and the body lines below it.

    Attributes:
        title: The report title as printed (once), or None when no line looks like one.
        title_line: The line number of the title.
        source: The 来源 value.
        published: 发布时间 / 发布日期 / 更新时间 / 时间 / 日期, in China time.
        views: The view counter, when it is a number.
        disclosure: The disclosure block, when the page has one (even with empty values).
        body: The lines after the header, chrome removed.
        notes: What was dropped or could not be read, for the parse result's warnings.
        page_marker: The number of the last ``N、`` page marker on the header's lines (a sharing
            site's 1、 before the title), so that the body's markers count on from it.
        published_from: Where ``published`` was read: ``disclosure block`` or ``source line``.
        source_from: Where ``source`` was read, in the same words.
        banners: The lines dropped above the title, which may name the agency alone (a page
            heading such as 青澜市民政局); the caller decides whether one does.
        byline: The agency printed alone under the title (with or without a date under it).
        crumb_year: The year a breadcrumb's last step names (法治政府建设年度报告 > 2021年度),
            the last resort for the year reported on.
    """

    title: str | None
    title_line: int | None
    source: str | None
    published: pendulum.DateTime | None
    views: int | None
    disclosure: Disclosure | None
    body: tuple[Line, ...]
    notes: tuple[str, ...] = ()
    page_marker: int | None = None
    published_from: str | None = None
    source_from: str | None = None
    banners: tuple[str, ...] = ()
    byline: str | None = None
    crumb_year: int | None = None


# --- script -------------------------------------------------------------------------------

# The traditional forms of the characters in the parser's keywords (labels, title and kind
# words, chrome), so that text kept in traditional script (``keep_script=True``) is read alike.
_TRADITIONAL: dict[str, str] = {
    "号": "號", "发": "發", "布": "佈", "机": "機", "关": "關", "时": "時", "间": "間",
    "题": "題", "词": "詞", "体": "體", "类": "類", "来": "來", "浏": "瀏", "览": "覽",
    "数": "數", "点": "點", "击": "擊", "阅": "閱", "读": "讀", "访": "訪", "问": "問",
    "责": "責", "编": "編", "辑": "輯", "闭": "閉", "单": "單", "网": "網", "报": "報",
    "总": "總", "结": "結", "况": "況", "举": "舉", "负": "負", "计": "計", "划": "劃",
    "队": "隊", "镇": "鎮", "乡": "鄉", "党": "黨", "组": "組", "会": "會", "处": "處",
    "页": "頁", "当": "當", "办": "辦", "厅": "廳", "员": "員", "于": "於", "职": "職",
    "设": "設", "标": "標", "汇": "匯", "扫": "掃", "开": "開", "视": "視", "护": "護",
    "纠": "糾", "错": "錯", "顶": "頂", "认": "認", "现": "現", "与": "與", "对": "對",
    "为": "為", "并": "並", "务": "務", "资": "資", "讯": "訊", "门": "門", "户": "戶",
    "无": "無", "碍": "礙", "简": "簡",
    # The words of the rules for real published pages (opening subjects, genres, chrome).
    "区": "區", "县": "縣", "将": "將", "坚": "堅", "紧": "緊", "终": "終", "围": "圍",
    "严": "嚴", "续": "續", "实": "實", "积": "積", "断": "斷", "锚": "錨", "统": "統",
    "贯": "貫", "进": "進", "动": "動", "过": "過", "决": "決", "强": "強", "奋": "奮",
    "锐": "銳", "项": "項", "据": "據", "随": "隨", "经": "經", "内": "內", "适": "適",
    "怀": "懷", "长": "長", "请": "請", "众": "衆", "个": "個", "签": "簽", "构": "構",
    "业": "業", "属": "屬", "备": "備", "注": "註", "头": "頭", "规": "規", "则": "則",
    "讲": "講", "话": "話", "辞": "辭", "录": "錄", "鉴": "鑑", "审": "審", "议": "議",
    "听": "聽", "评": "評", "谈": "談", "调": "調", "顺": "順", "们": "們", "论": "論",
    "综": "綜", "扎": "紮",
    # Browser notices, own documents (修订, 出台) and organs (政协) of the issuer rules.
    "换": "換", "级": "級", "订": "訂", "台": "臺", "协": "協", "见": "見",
}  # fmt: skip
_SIMPLIFY = str.maketrans({trad: simp for simp, trad in _TRADITIONAL.items()})


def scripted(pattern: str) -> str:
    """Rewrite a regular expression so that its CJK keywords match in either script.

    Each character with a traditional form becomes a class of both (``报告`` → ``[报報][告]``);
    inside an existing class the traditional form is added to it.

    Args:
        pattern: A regular expression written with simplified characters.

    Returns:
        The same expression, tolerant of traditional script.
    """
    out: list[str] = []
    in_class = escaped = False
    for char in pattern:
        variant = _TRADITIONAL.get(char, "")
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif in_class:
            in_class = char != "]"
            out.append(char + variant)
        elif char == "[":
            in_class = True
            out.append(char)
        else:
            out.append(f"[{char}{variant}]" if variant else char)
    return "".join(out)


def simplified_key(text: str) -> str:
    """A keyword as matched, in simplified script (發佈時間 → 发布时间), for table look-ups.

    Args:
        text: A label or keyword matched by a `scripted` pattern.

    Returns:
        Its simplified form.
    """
    return text.translate(_SIMPLIFY)


# The words an agency's name ends in (青澜市民政局, 柘阳县人民政府, 石门镇, 某街道办事处).
_AGENCY_ENDINGS = "局|政府|委员会|委|办公室|办|厅|部|院|中心|镇|乡|街道|办事处|管委会|署|处|科"

# --- labels --------------------------------------------------------------------------------

# Label as printed -> the field it fills. Labels may be printed with inner spaces (索 引 号).
_LABELS: dict[str, str] = {
    "索引号": "index_number",
    "信息索引号": "index_number",
    "发文字号": "document_number",
    "文号": "document_number",
    "发布机构": "publisher",
    "发文机关": "publisher",
    "发布单位": "publisher",
    "成文日期": "written",
    "成文时间": "written",
    "主题分类": "topic",
    "主题词": "ignored",
    "标题": "title",
    "名称": "title",
    "体裁分类": "genre",
    "有效性": "validity",
    "时效性": "validity",
    "发布日期": "published",
    "发布时间": "published",
    "更新时间": "updated",
    "更新日期": "updated",
    "时间": "time",
    "日期": "time",
    "文章来源": "source",
    "稿件来源": "source",
    "信息提供日期": "published",
    "提供日期": "published",
    "信息来源": "source",
    "来源": "source",
    "来自": "source",
    "浏览数": "views",
    "浏览次数": "views",
    "浏览量": "views",
    "点击数": "views",
    "点击量": "views",
    "阅读数": "views",
    "阅读次数": "views",
    "访问量": "views",
    "作者": "ignored",
    "责任编辑": "ignored",
    "编辑": "ignored",
    # Less common disclosure and article labels.
    "发稿时间": "published",
    "公开日期": "published",
    "公开时间": "published",
    "发文日期": "written",
    "发文时间": "written",
    "印发日期": "written",
    "生成日期": "written",
    "文件编号": "document_number",
    "所属机构": "publisher",
    "发文单位": "publisher",
    "公开责任部门": "publisher",
    "信息名称": "title",
    "信息分类": "topic",
    "组配分类": "genre",
    "公开方式": "ignored",
    "公开范围": "ignored",
    "公开形式": "ignored",
    "关键词": "ignored",
    "关键字": "ignored",
    "内容概述": "ignored",
    "发布人": "ignored",
    "审核人": "ignored",
    "校对": "ignored",
    "浏览": "views",
    "点击": "views",
    "阅读": "views",
    "访问次数": "views",
    "浏览人次": "views",
    # Disclosure labels of other content systems (bulleted, piped or one per line).
    "机构分类": "ignored",
    "行业分类": "ignored",
    "公文类型": "ignored",
    "公开目录": "ignored",
    "内容分类": "ignored",
    "文件分类": "ignored",
    "所属主题": "ignored",
    "备注/文号": "document_number",
    "公文生成日期": "written",
    "制发机构": "publisher",
    "有效性/截止日期": "validity",
    "截止日期": "ignored",
    "签发人": "ignored",
    # A page's column name printed beside its date (栏目：政策文件　发布时间：…).
    "栏目": "ignored",
    "所属栏目": "ignored",
    "栏目名称": "ignored",
    "公开时限": "ignored",
    "统一登记号": "ignored",
    "登记号": "ignored",
    "责任部门": "ignored",
    "责任科室": "ignored",
    "责任处室": "ignored",
    "公开属性": "ignored",
    "公开类别": "ignored",
    # Chrome that shares a line with metadata: its "value" is dropped, and it ends the
    # previous value (发布时间：2021-02-26 字号：大 中 小).
    "字号": "chrome",
    "字体": "chrome",
    "打印": "chrome",
    "关闭": "chrome",
    "分享": "chrome",
    "分享到": "chrome",
}

_DISCLOSURE_FIELDS = frozenset(
    {"index_number", "document_number", "publisher", "written", "topic", "genre", "validity"}
)
# The order in which a header's dates are preferred as the publication time.
_PUBLISHED_ORDER = ("published", "updated", "time")


def _label_pattern(label: str) -> str:
    return r"\s*".join(re.escape(char) for char in label)


_LABEL_ALTERNATION = scripted(
    "|".join(_label_pattern(label) for label in sorted(_LABELS, key=len, reverse=True))
)
_LABEL = re.compile(
    rf"(?P<open>[\[［【]\s*)?(?P<label>{_LABEL_ALTERNATION})\s*(?P<close>[\]］】])?\s*"
    r"(?P<colon>[:：])?"
)
_DECORATION = " \t\u3000|｜[]［］【】"
_EMPTY_VALUES = frozenset({"", "-", "--", "—", "——", "无", "暂无", "/"})

# --- chrome --------------------------------------------------------------------------------

_BREADCRUMB_START = re.compile(
    scripted(
        r"^(?:首页|主页|网站首页|当前位置|您的位置|您现在的位置|您当前的位置|您现在所在的位置|"
        r"当前的位置|位置)\s*"
        r"(?:[>＞›»→:：]|[/／\-—]\s*\S)"
    )
)
_BREADCRUMB_SEPARATOR = re.compile(r"\s[>＞›»→/／]\s|[>＞›»→]{1,2}")
# A breadcrumb is short: section names between separators, no sentence punctuation.
_MAX_BREADCRUMB = 120
_SHORT_BREADCRUMB = 40
_TODAY = re.compile(scripted(r"^(?:今天是|上一篇|下一篇)"))
# A date with its weekday alone on a line: the site's template date (今天是… without its
# words), not the publication date.
_TODAY_DATE = re.compile(
    scripted(
        r"^(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*"
        r"(?:星期|周|礼拜)[一二三四五六日天]$"
    )
)
_CHROME_TOKENS = re.compile(
    scripted(
        r"字体|字号|[大中小]|默认|打印本页|打印此页|打印整页|打印内容|打印全文|打印正文|打印|关闭窗口|关闭本页|关闭|收藏|分享到|分享|"
        r"扫一扫在手机打开当前页|扫一扫|返回顶部|视力保护色|背景色|保存本页|纠错|微信|微博|"
        r"无障碍浏览|无障碍阅读|无障碍|繁体版|简体版|繁体|简体|适老版|关怀版|长者版|设为首页|"
        r"个人中心|网站支持IPv6|IPv6|返回首页|登录|注册|加入收藏|QQ空间|QQ|[TtAa+＋]|"
        r"朗读|语音播报|听全文|"
        r"[\s:：\[\]［］【】|｜/、，,.。·•>＞-]"
    )
)
# A page number left by a PDF or a print view: "- 3 -", "—3—", "第3页", "第 3 页 共 9 页".
_PAGE_NUMBER = re.compile(
    scripted(
        r"^(?:[-—–－\s]*\d{1,3}[-—–－\s]*|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?)$"
    )
)
# A site footer line (主办单位：…　网站标识码：…　…ICP备…号): never report content.
_SITE_FOOTER = re.compile(
    scripted(
        r"^(?:(?:主办|承办|技术支持|版权所有)(?:单位)?\s*[:：]|网站地图|联系我们|Copyright|©)|"
        r"ICP备|公网安备|网站标识码"
    ),
    re.IGNORECASE,
)
_CHROME_KEYWORD = re.compile(
    scripted(
        r"字体|字号|打印|关闭|分享|扫一扫|返回顶部|视力保护色|无障碍|繁体|简体|收藏|登录|适老版|"
        r"关怀版|长者版|设为首页|IPv6|朗读|语音播报|听全文"
    )
)
# A site's notice on an old browser (当前浏览器版本过低…请升级): never report content.
_BROWSER_NOTICE = re.compile(
    scripted(
        r"^(?:更换或升级浏览器|当前浏览器版本过低|若您当前使用的浏览器|建议您升级|您的浏览器版本)"
    )
)
# "扫一扫在手机上查看当前页面" and its variants: a QR-code caption.
_SCAN = re.compile(scripted(r"^扫一扫[^。，,]{0,20}$"))
_MAX_BROWSER_NOTICE = 80


# A site's template date after its name (某市人民政府 2019年12月3日星期二).
_SITE_DATE = re.compile(
    scripted(
        r"^[^\d，。]{0,30}?\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*"
        r"(?:星期|周|礼拜)[一二三四五六日天]"
    )
)
# Lines of page furniture: a bare address, a lone 首页, a breadcrumb that starts with its
# separator, a table's separator row, a page-header label, widgets and prompts.
_FURNITURE = re.compile(
    scripted(
        r"^(?:(?:https?://|www\.)\S+|首页|[>＞›»]\s*\S.*[>＞›»].*|"
        r"头部\s*[-—－].{0,30}|EN|English|适老版|关怀版|长者版|无障碍阅读|政府信息公开|"
        r"搜索位置.{0,30}|匹配度.{0,30}|排序.{0,30}|请点击右上角.{0,30}|.{0,10}微信公众号.{0,10}|"
        r"我要纠错|纠错)$"
    )
)


# A markdown table's separator row (---|---|---).
_SEPARATOR_ROW = re.compile(r"^[\s|｜:：\-—]+$")


def is_chrome(text: str) -> bool:
    """Whether a line is page chrome: breadcrumb, ``今天是…``, links, page number, site footer.

    Args:
        text: One stripped line.

    Returns:
        True for lines that are never report content.
    """
    if _TODAY.match(text) or _BREADCRUMB_START.match(text) or _PAGE_NUMBER.match(text):
        return True
    if _FURNITURE.match(text) or (len(text) <= 60 and _SITE_DATE.match(text)):
        return True
    if "---" in text and _SEPARATOR_ROW.match(text):
        return True
    if _TODAY_DATE.match(text):
        return True
    if _SITE_FOOTER.search(text) is not None and len(text) <= 120 and "。" not in text:
        return True
    if _SCAN.match(text) or (_BROWSER_NOTICE.match(text) and len(text) <= _MAX_BROWSER_NOTICE):
        return True
    if (
        len(_BREADCRUMB_SEPARATOR.findall(text))
        >= (1 if len(text) <= _SHORT_BREADCRUMB and "，" not in text else 2)
        and len(text) <= _MAX_BREADCRUMB
        and "。" not in text
        and any(word in simplified_key(text) for word in ("首页", "公开", "政务"))
    ):
        return True
    return (
        _CHROME_KEYWORD.search(text) is not None
        and len(text) <= 80
        and not _CHROME_TOKENS.sub("", text)
    )


# --- dates ---------------------------------------------------------------------------------

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{2})\s*分?(?:\s*[:：]\s*(?P<S>\d{2}))?)?"
)


def parse_datetime(text: str) -> pendulum.DateTime | None:
    """Read the first date (and time, if printed) in ``text`` as China time.

    Accepts ``YYYY-MM-DD[ HH:MM[:SS]]``, ``YYYY/MM/DD HH:MM:SS``, ``YYYY.MM.DD`` and
    ``YYYY年M月D日``, zero-padded or not.
    (The formats read their exact ISO 8601 form with ``_formats.convert.parse_iso_datetime``.)

    Args:
        text: A header value such as ``2021-02-26 16:14``.

    Returns:
        The moment in Asia/Shanghai, or None when there is no valid date.
    """
    match = _DATE.search(text)
    if match is None:
        return None
    try:
        return pendulum.datetime(
            int(match["y"]),
            int(match["m"]),
            int(match["d"]),
            int(match["H"] or 0),
            int(match["M"] or 0),
            int(match["S"] or 0),
            tz=TIMEZONE,
        )
    except ValueError:
        return None


def parse_date(text: str) -> pendulum.Date | None:
    """Read the first calendar date in ``text`` (any format of `parse_datetime`).

    Args:
        text: A header value such as ``2023-02-20`` or ``2023年2月20日``.

    Returns:
        The date, or None when there is no valid date.
    """
    moment = parse_datetime(text)
    return None if moment is None else moment.date()


# --- titles --------------------------------------------------------------------------------

_TITLE_END = re.compile(scripted(r"(?:报告|总结|情况)$"))
_TITLE_WORD = re.compile(scripted(r"报告|总结|法治|法制|依法行政|年度"))
# A year in digits or in Chinese digits (二〇二一年).
_YEAR = rf"(?:19|20)\d{{2}}|[一二][{YEAR_DIGITS}]{{3}}"
_YEAR_IN_TITLE = re.compile(rf"(?P<year>{_YEAR})\s*年")


_HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十]+\s*[、．.]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|"
    r"\d{1,2}\s*[、．.](?!\d))"
)
_PUNCT = re.compile(r"[\s\u3000，,。.、；;：:！!？?“”\"'‘’《》〈〉<>（）()\[\]【】「」—\-–·]")


def title_key(text: str) -> str:
    """A title reduced for comparison: no punctuation, spacing or width differences.

    Args:
        text: A title as printed.

    Returns:
        The title with full-width letters and digits folded to ASCII and punctuation removed.
    """
    folded = "".join(chr(ord(char) - 0xFEE0) if "！" <= char <= "～" else char for char in text)
    return _PUNCT.sub("", folded)


def _title_like(text: str) -> bool:
    return (
        2 <= len(text) <= 80
        and "。" not in text
        and "；" not in text
        and not text.endswith(("：", ":", "，", ","))
        and _HEADING_START.match(text) is None
    )


def _continues_title(first: str, second: str) -> bool:
    """Whether ``second`` is the rest of a title printed over two lines."""
    if _TITLE_END.search(first) or not _title_like(second) or len(first) + len(second) > 80:
        return False
    if _BULLET.match(first) or _BULLET.match(second):
        return False  # items of a list (a disclosure block's bare values), never a title
    if not _TITLE_END.search(second):
        return False
    if _own_issuer(second):
        # A complete title with its own agency: the line above is a site name or a repeat
        # of the agency, not the title's first half.
        return False
    if _GENRE_TITLE.search(second) and _TITLE_HEAD_END.search(first) is None:
        # A complete title (2018年青澜市…的报告) takes only an agency or 关于 from the line
        # above; a site's slogan or a menu word there is chrome.
        return False
    # The second half carries the genre words, the first the agency and/or the year.
    return second.startswith("关于") or _TITLE_WORD.search(second) is not None


# How the first line of a title printed over two ends when the second is complete on its own.
_TITLE_HEAD_END = re.compile(
    scripted(rf"(?:{_AGENCY_ENDINGS}|[省市县区旗州盟]|关于|党委|党工委|党组)$")
)
# Lines a title may be printed over (agency / 关于…年度… / …情况的报告).
_MAX_TITLE_LINES = 3


def _title_lines(lines: Sequence[Line], index: int, first: str | None = None) -> int:
    """How many lines from ``index`` the title is printed over (1 when it is on one line).

    A title is continued while it lacks its genre ending (报告/总结/情况): the next lines are
    joined when, together, they end it and each is title-like (``柘阳县人民政府`` /
    ``关于2022年度法治政府建设`` / ``工作情况的报告``). ``first`` is the first line as read
    (without its page marker), when the caller has read it.
    """
    following = lines[index + 1].text if index + 1 < len(lines) else None
    if first is None:
        first = _unmarked(lines[index].text, following)
    if _meta_pairs(first) is not None:
        # A disclosure row (| 文号 : | |||) is never a title's first line.
        return 1
    if _continues_title(first, _fragment(following) if following is not None else ""):
        return 2
    if _TITLE_END.search(first) or index + 2 >= len(lines):
        return 1
    middle = _fragment(lines[index + 1].text)
    if _TITLE_END.search(middle) or _meta_pairs(middle) is not None or is_chrome(middle):
        return 1
    joined = first + middle
    if _title_like(middle) and _continues_title(joined, _fragment(lines[index + 2].text)):
        return _MAX_TITLE_LINES
    return 1


def _fragment(text: str) -> str:
    """A line that may continue a title, without a page marker (no heading sits in a title)."""
    match = _PAGE_MARKER.match(text)
    return text[match.end() :] if match is not None and match.end() < len(text) else text


def _own_issuer(text: str) -> bool:
    """Whether a genre title names an agency before its year (青澜市民政局2022年…报告)."""
    if _GENRE_TITLE.search(text) is None:
        # Without a year: an agency before the genre's words (青澜市民政局法治政府建设年度报告).
        return _GENRE_WORDS_TITLE.search(text) is not None and _genre_head(text) is not None
    match = _YEAR_IN_TITLE.search(text)
    if match is None:
        return False
    prefix = _ABOUT_FIRST.sub("", text[: match.start()].strip(_ISSUER_TRIM))
    return bool(_ABOUT.sub("", prefix).strip(_ISSUER_TRIM))


def _once(text: str) -> str:
    """A title printed twice on one line (``X X``, perhaps with a table's ``|`` after it) as
    printed once."""
    text = text.rstrip(" \t\u3000|｜")
    key = title_key(text)
    half = len(key) // 2
    if not half or len(key) % 2 or key[:half] != key[half:]:
        return text
    for cut in range(1, len(text)):
        if title_key(text[:cut]) == key[:half] and title_key(text[cut:]) == key[half:]:
            return text[:cut].rstrip(_DECORATION)
    return text


_GENRE_TITLE = re.compile(
    rf"(?:{_YEAR})\s*年?.*" + scripted(r"(?:法治|法制|依法行政|依法治).*(?:报告|总结|情况)$")
)


_GENRE_WORDS_TITLE = re.compile(scripted(r"(?:法治|法制|依法行政|依法治).*(?:报告|总结)"))


def _genre_rank(text: str) -> int:
    """How surely a line is this genre's title: 2 with a year, 1 without, 0 not at all."""
    if _GENRE_TITLE.search(text) is not None:
        return 2
    return 1 if _GENRE_WORDS_TITLE.search(text) is not None else 0


def find_genre_title(lines: Sequence[Line]) -> tuple[int, int, str] | None:
    """Find a line anywhere that reads as this genre's title (…2020年法治政府建设年度报告).

    Used when the top of the text gives no title (a copy whose lines were reordered or whose
    header was cut off, or a title printed only below a salutation). The title may be printed
    over two or three lines there too (…关于2023年度法治政府建设 / 情况的报告).

    Args:
        lines: The body lines.

    Returns:
        The index of the first such line, how many lines the title is printed over, and the
        title it prints (without an injected page marker), or None.
    """
    for index, line in enumerate(lines):
        text = _unmarked(line.text)
        if not _title_like(text) or _BULLET.match(text):
            continue
        if _GENRE_TITLE.search(text):
            return index, 1, text
        spread = _title_lines(lines, index, text)
        if spread > 1:
            printed = text + "".join(
                _fragment(item.text) for item in lines[index + 1 : index + spread]
            )
            if _GENRE_TITLE.search(printed):
                return index, spread, printed
    return None


_SUBTITLE = re.compile(r"^(?:[（(][^（）()。，,]{1,28}[）)]|[—－-]{1,2}[^。，,]{1,28})$")
_LONE_PAGE_MARKER = re.compile(r"^[0-9０-９]{1,3}\s*[、.．]$")
# A digit right after 1. or 1．is a decimal or a date; after 1、 it is the text (1、2023年度…).
# Two at most: a copy of a copy carries its own marker and the one it was copied with.
_PAGE_MARKER = re.compile(r"^(?:[0-9０-９]{1,3}\s*(?:、|[.．](?![0-9０-９]))\s*){1,2}")


def _unmarked(text: str, following: str | None = None) -> str:
    """A header line without the page marker a sharing site put before it (1、区科技局…报告).

    ``following`` is the next line: a marked line whose rest begins a title continued there
    (1、青澜市民政局 / 2022年法治政府建设年度报告) loses its marker too.
    """
    match = _PAGE_MARKER.match(text)
    if match is None:
        return text
    rest = text[match.end() :]
    if not rest:
        return text
    if (_title_like(rest) and _GENRE_TITLE.search(rest)) or is_chrome(rest) or _dated(rest):
        return rest
    if following is not None and _continues_title(rest, _unmarked(following)):
        return rest
    return rest if _meta_pairs(rest) is not None else text


def _value_line(field: str, text: str) -> str | None:
    """The value a line gives to a label printed alone above it, page marker dropped."""
    if _lone_value(field, text):
        return text
    match = _PAGE_MARKER.match(text)
    if match is not None and match.end() < len(text) and _lone_value(field, text[match.end() :]):
        return text[match.end() :]
    return None


# --- the header ----------------------------------------------------------------------------


def _label_spans(text: str) -> list[tuple[re.Match[str], str]]:
    """The labels in a header line, each with the field it fills."""
    spans: list[tuple[re.Match[str], str]] = []
    # Whether a label of this line was set off by spaces alone: a table row, whose short
    # labels (来源 厅法制处) are set off the same way.
    spaced_row = False
    lead = len(text) - len(text.lstrip(_DECORATION))
    for match in _LABEL.finditer(text):
        start = match.start()
        before = text[start - 1] if start else ""
        # A label glued to a date's last digit (日期:2022-03-29来源:…) starts a new field.
        at_boundary = (
            not before or before in _DECORATION or (before.isdigit() and match["colon"] is not None)
        )
        # Table layouts separate a label from its value by a cell border or a tab or spaces
        # instead of a colon (| 索引号 | 123 |, 索引号\t123); only at a boundary.
        separated = (
            at_boundary
            and (
                text[match.end() : match.end() + 1] in {"|", "｜"}
                or "\t" in text[match.start() : match.end()]
                # a space alone separates only labels too long to be a sentence's first word
                or (
                    text[match.end() - 1 : match.end()].isspace()
                    and (len(re.sub(r"\s+", "", match["label"])) >= 3 or spaced_row)
                )
            )
        )
        if separated and match["colon"] is None and text[match.end() - 1].isspace():
            spaced_row = True
        bracketed = match["open"] is not None and match["close"] is not None
        label = simplified_key(re.sub(r"\s+", "", match["label"]))
        marked = (
            match["colon"] is not None
            or bracketed
            or match.end() == len(text)
            or separated
            or (start == lead and _glued(text, match, _LABELS[label]))
        )
        # A long label followed by a colon is a label even where the page lost the space
        # before it (本网更新时间：…); short ones (时间, 日期) need a boundary. A bracketed label
        # is its own boundary (【发布机构】市农业农村局【发布日期】2023-02-10).
        if marked and (
            at_boundary or bracketed or (match["colon"] is not None and len(label) >= 3)
        ):
            spans.append((match, _LABELS[label]))
    return spans


def _glued(text: str, match: re.Match[str], field: str) -> bool:
    """Whether a label that opens a short line runs straight into its value (发布日期2026-01-27).

    Only a label of three or more characters, on a line without sentence punctuation; a date
    label's value must be a date.
    """
    if match["colon"] is not None or match["close"] is not None or match.end() == len(text):
        return False
    if len(re.sub(r"\s+", "", match["label"])) < 3 or text[match.end()].isspace():
        return False
    if field in _DATE_FIELDS:
        date = _DATE.match(text, match.end())
        return date is not None and parse_datetime(date[0]) is not None
    return len(text) <= _MAX_GLUED and _SENTENCE_MARK.search(text) is None


_MAX_GLUED = 60


def _meta_pairs(text: str) -> list[tuple[str, str]] | None:
    """Split a metadata line into (field, value) pairs; None when it is not a metadata line."""
    text = _BULLET.sub("", text)
    stripped = text.lstrip(_DECORATION)
    offset = len(text) - len(stripped)
    spans = _label_spans(text)
    if not spans or spans[0][0].start() > offset + 1:
        return None
    pairs: list[tuple[str, str]] = []
    for index, (match, field) in enumerate(spans):
        end = spans[index + 1][0].start() if index + 1 < len(spans) else len(text)
        value = _tidy(text[match.end() : end])
        if field == "views" and value in _COUNT_UNITS:
            # A counter the page never filled in (点击数: 人次): no count.
            value = ""
        if field == "views" and value not in _EMPTY_VALUES and _COUNT.match(value) is None:
            # A counter label run into the text (访问次数:2024年,…): not a metadata line.
            return None
        dated = _TRAILING_DATE.search(value) if field not in _DATE_FIELDS else None
        if dated is not None and parse_datetime(dated["date"]) is not None:
            # A date printed after a value without its own label (来源：市民政局　2023年2月15日).
            pairs.append((field, _tidy(value[: dated.start()])))
            pairs.append(("time", dated["date"]))
        else:
            pairs.append((field, value))
    return pairs


def _empty_cells(text: str) -> bool:
    """Whether a table row prints its last label's cell empty (| 文号 : | |||): no value below."""
    spans = _label_spans(text)
    return bool(spans) and len(re.findall(r"[|｜]", text[spans[-1][0].end() :])) >= 2


_DATE_FIELDS = frozenset({"published", "updated", "time", "written"})
# A bullet before a label (• 索引号：…, - 发布机构: …).
_BULLET = re.compile(r"^\s*[•·▪●◆*\-]\s+")
# A view counter's label before text that is no count (访问次数:2024年，…).
_COUNTER_LEAD = re.compile(
    scripted(r"^(?:访问次数|浏览次数|浏览量|点击数|点击量|阅读数|阅读次数|访问量)\s*[:：]\s*")
    + r"(?=\S{6,})(?!\d[\d,，]*\s*次?$)"
)
# A view count as printed (1,234 次).
_COUNT = re.compile(r"^\d[\d,，]{0,14}\s*次?$")
_COUNT_UNITS = frozenset({"次", "人次", "人"})


_TRAILING_DATE = re.compile(r"\s+(?P<date>" + _DATE.pattern.replace("(?P<", "(?P<t_") + r")$")
_LEADING_DATE = re.compile(
    r"^(?P<before>[^\d\s，,。；;：:]{0,20}?)\s*(?P<date>"
    + _DATE.pattern.replace("(?P<", "(?P<d_")
    + r")(?![\d.])"
)


def _dated(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """A header line that is a date without a label, with any metadata printed after it.

    The date may follow a short name without punctuation (``青澜市民政局　2023年02月15日``,
    an agency byline); whatever follows the date must be metadata labels or nothing.
    Returns the date text and the metadata pairs after it.
    """
    # A byline date in parentheses under the title (（2023年2月15日）), or after a bullet.
    text = _PARENTHESISED.sub(r"\1", _BULLET.sub("", text))
    site = _SITE_PREFIX.match(text)
    if site is not None:
        # The site's name and address before the date (某县人民政府网 www.… 2023-02-10 来源：…).
        text = text[site.end() :]
    match = _LEADING_DATE.match(text)
    if match is None or parse_datetime(match["date"]) is None:
        return None
    before = match["before"].strip(_DECORATION)
    if before and _AGENCY_END_WORD.search(before) is None:
        return None
    rest = text[match.end() :].strip(_DECORATION)
    if not rest:
        return match["date"], []
    if _SITE_AFTER_DATE.match(rest):
        # The site or agency that printed the date after it (2025-04-27 10:14 青澜省人民政府网);
        # an agency, set off by spaces or a bar (2026-01-20 17:01 | 某市水务局), is the 来源.
        agency = not before and not _SITE_NAME_END.search(rest)
        return match["date"], [("source", rest)] if agency else []
    if _COUNT.match(rest) is not None and text[match.end() : match.end() + 1].isspace():
        # A view count printed after the date without its label (2019-05-22　1325).
        return match["date"], [("views", rest)]
    pairs = _meta_pairs(rest)
    return None if pairs is None else (match["date"], pairs)


_SITE_NAME_END = re.compile(scripted(r"(?:门户网站|网站|网)$"))


_SITE_PREFIX = re.compile(
    rf"^[{HAN_BASIC}]{{2,24}}\s+(?:(?:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/?|"
    + scripted(r"地址\s*[:：]\s*[^\s:：]{2,40}")
    + r")\s+(?=(?:19|20)\d{2}\s*[-/.年])"
)
_PARENTHESISED = re.compile(r"^[（(]\s*([^（）()]*?)\s*[）)]$")
# A 索引号 printed without its label: an organisation code, the year and a serial.
_BARE_INDEX = re.compile(r"^[0-9A-Za-z]{4,40}\s*/\s*(?:19|20)\d{2}\s*[-－]\s*[0-9]{1,12}$")
_SITE_AFTER_DATE = re.compile(
    scripted(rf"^[{HAN_BASIC}]{{2,24}}(?:门户网站|网站|网|{_AGENCY_ENDINGS})$")
)


def _byline(text: str, title: str | None) -> bool:
    """Whether a line under the title is an agency byline (the issuer's name on its own)."""
    return (
        title is not None
        and len(text) <= _MAX_BYLINE
        and _AGENCY_END_WORD.search(text) is not None
        and _SENTENCE_MARK.search(text) is None
        and _HEADING_START.match(text) is None
        and not _TITLE_END.search(text)
    )


_MAX_BYLINE = 30
_SENTENCE_MARK = re.compile(r"[。，,；;：:！!？?、“”《》]")
_AGENCY_END_WORD = re.compile(scripted(rf"(?:{_AGENCY_ENDINGS})$"))


def _lone_value(field: str, text: str) -> bool:
    """Whether a line can be the value of a label printed alone on the line above it."""
    if field == "views":
        # before the chrome test: a count alone on its line (356) reads as a page number
        return text.isdigit() or text in _EMPTY_VALUES
    if _meta_pairs(text) is not None or is_chrome(text):
        return False
    if field in _DATE_FIELDS:
        return parse_datetime(text) is not None
    if field == "title":
        return _title_like(text)
    return (
        _HEADING_START.match(text) is None
        and len(text) <= 40
        and "。" not in text
        and not text.endswith(("：", ":"))  # a salutation (市委、市政府：), not a value
        and not _TITLE_END.search(text)
    )


_EDGE_DECORATION = re.compile(r"^[\s|｜\[\]［］【】]+|[\s|｜\[\]［］【】]+$")


def _tidy(value: str) -> str:
    """A value without surrounding spaces (any Unicode space) and table or bracket marks."""
    return _EDGE_DECORATION.sub("", value)


class _Fields:
    """The values gathered from a header, first value of each field wins.

    A date field printed twice (a disclosure block's 发布日期 and a 发布时间 line) keeps the
    first, unless a later one gives the same day to the minute: ``published`` is as precise
    as the page prints it.
    """

    def __init__(self) -> None:
        self.values: dict[str, str] = {}
        self.origins: dict[str, str] = {}
        self.disclosure_seen = False
        # Where the values being added are printed (a provenance word of docs/parsing.md).
        self.origin = "source line"

    def add(self, field: str, value: str) -> None:
        if field in _DISCLOSURE_FIELDS:
            self.disclosure_seen = True
        if field in {"ignored", "chrome"}:
            return
        value = _tidy(value)
        if value in _EMPTY_VALUES:
            value = ""
        known = self.values.get(field, "")
        if not known or (field in _PUBLISHED_ORDER and _more_precise(value, known)):
            self.values[field] = value
            self.origins[field] = self.origin

    def get(self, field: str) -> str | None:
        return self.values.get(field) or None


def _more_precise(new: str, old: str) -> bool:
    """Whether ``new`` is the same day as ``old`` with a time that ``old`` lacks."""
    new_match, old_match = _DATE.search(new), _DATE.search(old)
    if new_match is None or old_match is None or old_match["H"] or not new_match["H"]:
        return False
    new_day, old_day = parse_date(new), parse_date(old)
    return new_day is not None and new_day == old_day


def _views(value: str | None) -> int | None:
    if value is None:
        return None
    digits = value.replace(",", "").replace("，", "").strip()
    match = re.match(r"\d{1,12}", digits)
    return int(match[0]) if match else None


def _document_number(value: str | None) -> DocumentNumber | None:
    if value is None:
        return None
    try:
        # 號 in text kept in traditional script: the number's own word, read as 号.
        return DocumentNumber.parse(value.replace("號", "号"))
    except ValidationError:
        return None


def _disclosure(fields: _Fields) -> Disclosure | None:
    if not fields.disclosure_seen:
        return None
    publisher = fields.get("publisher")
    written = fields.get("written")
    return Disclosure(
        index_number=fields.get("index_number"),
        document_number=_document_number(fields.get("document_number")),
        publisher=Agency(name=publisher) if publisher else None,
        written=parse_date(written) if written else None,
        topic=fields.get("topic"),
        genre=fields.get("genre"),
        validity=fields.get("validity"),
    )


def _published(fields: _Fields) -> pendulum.DateTime | None:
    """The preferred date field; its time of day from another date field of the same day."""
    found = _published_with_origin(fields)
    return None if found is None else found[0]


def _published_with_origin(fields: _Fields) -> tuple[pendulum.DateTime, str] | None:
    values = [
        (value, fields.origins.get(field, "source line"))
        for field in _PUBLISHED_ORDER
        if (value := fields.get(field)) is not None
    ]
    for index, (value, origin) in enumerate(values):
        moment = parse_datetime(value)
        if moment is not None:
            for other, other_origin in values[index + 1 :]:
                if _more_precise(other, value) and (precise := parse_datetime(other)):
                    return precise, other_origin
            return moment, origin
    return None


# A document number alone on a line, bracketed or not (某交发〔2019〕31号, （青府字〔2025〕79号）).
# The brackets are the document-number grammar's; the line rule is stricter than the grammar
# (a year, at most four serial digits), since a line must be only the number.
_NUMBER_BODY = (
    rf"(?P<number>[{HAN_BASIC}]{{1,12}}\s*[{re.escape(OPEN_BRACKETS)}]\s*"
    rf"(?:19|20)\d{{2}}\s*[{re.escape(CLOSE_BRACKETS)}]\s*第?\s*\d{{1,5}}\s*[号號])"
)
_OWN_NUMBER = re.compile(rf"^[（(]?\s*{_NUMBER_BODY}\s*[）)]?$")
# A delivery note under a title: （2024年3月1日在县人民代表大会常务委员会第九次会议上）.
_DELIVERY = re.compile(
    r"^[（(]\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*在[^（）()]{2,60}"
    + scripted(r"(?:会议|会|大会)上")
    + r"[^（）()]{0,12}[）)]$"
)
_TITLE_TAG = re.compile(r"^【?[^【】]{1,12}】\s*")
_TITLE_DOCUMENT_NUMBER = re.compile(
    # the opening bracket may be gone: a table cell's value loses its edge marks
    r"^[\[［【（(]?\s*(?P<number>[^\[\]［］【】（）()]{1,20}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]"
    r"\s*第?\s*\d{1,5}\s*号)\s*[\]］】）)]\s*"
)
# A site's watermark run into the title: text ending in a domain name before the agency.
_WATERMARK = re.compile(
    r"^.{0,40}?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org)\s*"
)
_TITLE_THEN_LABELS = re.compile(
    scripted(r"^(?P<title>.{6,80}?(?:报告|总结|情况))[ \t\u3000]+(?P<labels>\S{2,8}\s*[:：].*)$")
)
# The same number in brackets at the end of the title line (…报告（青自然资字〔2025〕79号）).
_TITLE_TRAILING_NUMBER = re.compile(rf"\s*[（(]\s*{_NUMBER_BODY}\s*[）)]$")
_TITLE_DATE = re.compile(r"\s*[（(]\s*(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2})\s*[）)]$")
# The lines among which the genre's title is looked for above everything else.
_TITLE_WINDOW = 20
# A body paragraph: the header is over when one is reached.
_PARAGRAPH = re.compile(r"。.{20,}|^.{61,}。")
# A title run into the opening sentence on one line (…情况的报告2023年，省政府坚持…).
_RUN_IN_TITLE = re.compile(
    r"^(?P<title>.{6,80}?(?:报告|总结|情况))\s*"
    # the recipients may stand between (…的报告 中共青澜市委、青澜市人民政府: 2024年，…)
    rf"(?:(?P<to>(?:中共)?[{HAN_BASIC}（）()、，,]{{2,60}}[：:])\s*)?"
    r"(?P<rest>(?:19|20)\d{2}\s*年\s*[，,].+)$"
)
# How far down a title run into the opening sentence is looked for: below a file name or a
# site banner that a copy printed first (青澜街2020年…情况.docx / 青澜街2020年…报告 2020年，…).
_RUN_IN_WINDOW = 3


def _title_start(lines: Sequence[Line]) -> int:
    """The index of the genre's title among the first lines, 0 when none stands below line 1.

    The lines above it are chrome or metadata however they read (a site banner, a column
    name, a toolbar): the genre's title is the title wherever it stands among the first lines.
    """
    window: list[Line] = []
    for line in lines[:_TITLE_WINDOW]:
        if _PARAGRAPH.search(line.text):
            break
        window.append(line)
    found = find_genre_title(window)
    if found is None:
        return 0
    start = found[0]
    for back in range(1, _MAX_TITLE_LINES):
        # The title's first half above it (1、青澜市民政局 / 2022年…报告), page marker and all.
        if start - back >= 0 and _title_lines(window, start - back) > back:
            return start - back
    return start


def _split_run_in_title(lines: Sequence[Line]) -> Sequence[Line]:
    """A line among the first that runs the title into the opening sentence, as two lines.

    Only a line that goes on as a sentence after the title is split (``…报告 2020年，在…``);
    the lines above it are then chrome above the title (see `_title_start`). The search ends
    at the first line that reads as a body paragraph.
    """
    for index, line in enumerate(lines[:_RUN_IN_WINDOW]):
        text = _WATERMARK.sub("", line.text) if _WATERMARK.match(line.text) else line.text
        match = _RUN_IN_TITLE.match(text)
        if match is None or _genre_rank(match["title"]) == 0 or len(match["rest"]) < 12:
            if _PARAGRAPH.search(line.text):
                return lines  # the body has begun: no title is run into it
            continue
        split = [Line(number=line.number, text=match["title"])]
        if match["to"]:
            split.append(Line(number=line.number, text=match["to"]))
        split.append(Line(number=line.number, text=match["rest"]))
        return [*lines[:index], *split, *lines[index + 1 :]]
    return lines


def _decorated_title(title: str, fields: _Fields, notes: list[str], number: int) -> str:
    """A title without a leading 【tag】, document number or site watermark, and without a
    trailing (date), and without a table's bars around it (| 某街道2025年度…报告 |)."""
    title = title.strip(" \t\u3000|｜")
    numbered = _TITLE_DOCUMENT_NUMBER.match(title)
    if numbered is not None and len(title) > numbered.end() + 4:
        # [青政发〔2026〕7号]青澜市人民政府关于…的报告: the report's own 发文字号, metadata
        notes.append(
            f"line {number}: read the document number {numbered['number']!r} before the title"
        )
        fields.add("document_number", numbered["number"])
        title = title[numbered.end() :]
    tag = _TITLE_TAG.match(title)
    if tag is not None and len(title) > tag.end() + 4:
        notes.append(f"line {number}: dropped the tag {tag[0].strip()!r} before the title")
        title = title[tag.end() :]
    mark = _WATERMARK.match(title)
    if mark is not None and _CJK_START.match(title[mark.end() :]):
        notes.append(f"line {number}: dropped the watermark {mark[0][:30]!r} before the title")
        title = title[mark.end() :]
    labelled = _TITLE_THEN_LABELS.match(title)
    if labelled is not None and _meta_pairs(labelled["labels"]) is not None:
        # …情况报告 信息来源： 发布时间：2024-01-02: the page's metadata printed after the title
        for field, value in _meta_pairs(labelled["labels"]) or ():
            fields.add(field, value)
        notes.append(f"line {number}: read the metadata printed after the title")
        title = labelled["title"]
    trailing = _TITLE_TRAILING_NUMBER.search(title)
    if trailing is not None and trailing.start() > 4:
        # …工作报告（青自然资字〔2025〕79号）: the report's own 发文字号, metadata
        notes.append(
            f"line {number}: read the document number {trailing['number']!r} after the title"
        )
        fields.add("document_number", trailing["number"])
        title = title[: trailing.start()]
    dated = _TITLE_DATE.search(title)
    if dated is not None and parse_datetime(dated["date"]) is not None:
        fields.origin = "title line"
        fields.add("published", dated["date"])
        title = title[: dated.start()]
    return title


_CJK_START = re.compile(f"^[{HAN_BASIC}]")


def _dated_watermark(text: str, notes: list[str], number: int) -> str:
    """The metadata after a site's name and domain (某区门户网站 www.x.gov.cn 发布时间：…).

    The line is the page's date line, not a watermark to drop whole: its labels are read.
    """
    mark = _WATERMARK.match(text)
    if mark is None or mark.end() == len(text):
        return text
    rest = text[mark.end() :]
    if _meta_pairs(rest) is None:
        return text
    notes.append(f"line {number}: dropped the site name {text[: mark.end()].strip()[:30]!r}")
    return rest


def read_header(lines: Sequence[Line]) -> Header:
    """Read the header block at the top of a report and drop page chrome everywhere.

    The header is the run of lines at the top that are chrome, metadata (来源, dates, views,
    disclosure labels in any of their layouts) or the title (also a repeat of it, or a title
    printed over two lines). It ends at the first line that is none of these.

    Args:
        lines: The non-empty stripped lines of the cleaned text, in order.

    Returns:
        The header's values and the body lines below it.
    """
    fields = _Fields()
    notes: list[str] = []
    title: str | None = None
    title_line: int | None = None
    lines = _split_run_in_title(lines)
    index = 0
    count = len(lines)
    start = _title_start(lines)
    # Whether the metadata lines being read belong to a disclosure block.
    in_block = False
    # The lines above the genre's title that are neither chrome nor metadata.
    banners: list[str] = []
    crumb_year: int | None = None
    byline: str | None = None
    while index < count:
        line = lines[index]
        text = _unmarked(line.text, lines[index + 1].text if index + 1 < count else None)
        rest = _fragment(text)
        if (
            text == line.text
            and rest != text
            and _title_like(rest)
            and (title is None or _title_lines(lines, index, rest) > 1)
        ):
            # A marked line that reads as a title: a candidate when nothing above is the title
            # yet (1、青澜市人民政府门户网站), or the first of the lines a title is printed over.
            text = rest
        text = _dated_watermark(text, notes, line.number)
        if is_chrome(text):
            crumb = _CRUMB_YEAR.search(text)
            if crumb is not None and crumb_year is None:
                crumb_year = int(crumb["year"])
            notes.append(f"line {line.number}: dropped page chrome {text[:40]!r}")
            index += 1
            continue
        if _LONE_PAGE_MARKER.match(text):
            # A sharing site's page marker alone on its line (2、) inside the header.
            notes.append(f"line {line.number}: dropped page marker {text!r}")
            index += 1
            continue
        pairs = _meta_pairs(text)
        if pairs is not None:
            if any(field in _DISCLOSURE_FIELDS for field, _ in pairs):
                in_block = True
            fields.origin = "disclosure block" if in_block else "source line"
            for field, value in pairs:
                fields.add(field, value)
            last_field, last_value = pairs[-1]
            below = (
                _value_line(last_field, lines[index + 1].text)
                if len(pairs) == 1
                and not last_value
                and index + 1 < count
                and not _empty_cells(_BULLET.sub("", text))
                else None
            )
            if below is not None:
                # Label and value on separate lines.
                fields.add(last_field, below)
                index += 1
            labelled = fields.get("title")
            if title is None and labelled is not None and _title_like(labelled):
                # A 标题 row in the disclosure block: a copy printed below is a repeat.
                title = _decorated_title(labelled, fields, notes, line.number)
                title_line = line.number
            index += 1
            continue
        in_block = False
        own = _OWN_NUMBER.match(text)
        if own is not None and _document_number(own["number"]) is not None:
            # The report's own 发文字号 alone on a line (above or under the title): metadata.
            fields.origin = "disclosure block"
            fields.add("document_number", own["number"])
            notes.append(f"line {line.number}: {own['number']!r} is the report's own number")
            index += 1
            continue
        if _BARE_INDEX.match(_BULLET.sub("", text)) and (title is not None or index < start):
            # A disclosure block printed as bare values under the title (3701…/2025-6637169,
            # then the publishing agency and the date): the 索引号, then the 发布机构.
            fields.origin = "disclosure block"
            fields.add("index_number", _BULLET.sub("", text))
            notes.append(f"line {line.number}: {text!r} is the page's 索引号")
            index += 1
            if index + 1 < count and _byline(lines[index].text, title):
                fields.add("publisher", lines[index].text)
                index += 1
            continue
        if title is not None and _DELIVERY.match(text):
            # Where and when a report was delivered (（2024年3月1日在…会议上）): not the title.
            notes.append(f"line {line.number}: delivery note {text[:30]!r} is not the title")
            index += 1
            continue
        moment = _dated(text) if index < start else None
        if moment is not None:
            # A date line above the title (2026-01-20 17:01 | 某市水务局): the page's date.
            fields.origin = "source line"
            fields.add("time", moment[0])
            for field, value in moment[1]:
                fields.add(field, value)
            index += 1
            continue
        if index < start:
            # Above the genre's title: page chrome whatever it looks like.
            banners.append(text)
            notes.append(f"line {line.number}: dropped page chrome {text[:40]!r}")
            index += 1
            continue
        # The first title-like line is the title, unless it is not this genre's title and a
        # later header line is (a site name printed above the report's title).
        if _title_like(text):
            spread = _title_lines(lines, index, text)
            printed = _once(
                text + "".join(_fragment(item.text) for item in lines[index + 1 : index + spread])
            )
            printed = _decorated_title(printed, fields, notes, line.number)
            replaces = title is not None and _genre_rank(printed) > _genre_rank(title)
            if title is None or replaces:
                if title is not None:
                    notes.append(f"line {title_line}: {title[:20]!r} is not the title; dropped")
                title, title_line = printed, line.number
                index += spread
                continue
        if (
            title is not None
            and _byline(text, title)
            and index + 1 < count
            and not _own_issuer(title)
            and title_key(_fragment(lines[index + 1].text)) == title_key(title)
        ):
            # The agency alone above a repeat of a title that lacks it (某县司法局 / 2022年…报告):
            # the title as printed the second time, over two lines.
            title = text + title
            index += 2
            continue
        # Undated bylines and unlabelled dates are header lines only with text below them:
        # at the end of the text they are the signature block.
        if _byline(text, title) and index + 2 < count and _dated(lines[index + 1].text):
            # An agency byline with a date under it (青澜市民政局 / 2023年2月15日).
            notes.append(f"line {line.number}: byline {text[:20]!r} is not content")
            byline = byline or text
            index += 1
            continue
        if (
            _byline(text, title)
            and index + 2 < count
            and _meta_pairs(lines[index + 1].text) is None
            and not _byline(lines[index + 1].text, title)
        ):
            # An agency alone under the title, above the text (2023年…报告 / 青澜市民政局 / 2023年，
            # 我局…): the byline, not a paragraph.
            notes.append(f"line {line.number}: byline {text[:20]!r} is not content")
            byline = byline or text
            index += 1
            continue
        moment = _dated(text) if index + 1 < count else None
        if moment is not None:
            # A date printed without a label (2023-02-15 10:20 来源：…): the page's date.
            dated, after = moment
            fields.add("time", dated)
            for field, value in after:
                fields.add(field, value)
            index += 1
            continue
        if title is not None and title_key(_TITLE_DOCUMENT_NUMBER.sub("", text, 1)) == title_key(
            title
        ):
            # A repeat of the title (with the report's own number before it, as printed).
            index += 1
            continue
        if (
            title is not None
            and title_line == lines[index - 1].number
            and _SUBTITLE.match(text)
            and _HEADING_START.match(text) is None
        ):
            # A subtitle right under the title (（2022年度）, ——2022年法治政府建设情况).
            title += text
            index += 1
            continue
        if (
            title is not None
            and index + 1 < count
            and title_key(text + lines[index + 1].text) == title_key(title)
        ):
            index += 2
            continue
        break
    body = [line for line in lines[index:] if not is_chrome(_fragment(line.text))]
    if body and (counter := _COUNTER_LEAD.match(body[0].text)) is not None:
        # A view counter's label run into the first paragraph (访问次数:2024年，…): the label
        # is page chrome, the rest is the report's text.
        notes.append(f"line {body[0].number}: dropped the counter label {counter[0]!r}")
        body[0] = Line(number=body[0].number, text=body[0].text[counter.end() :])
    # Metadata printed below the report (责任编辑：…, 来源：…) is page footer, not content; its
    # 来源 and 发布日期 stand for the page's when the header gives none (a table below).
    footer = _Fields()
    while body and (pairs := _meta_pairs(body[-1].text)) is not None:
        notes.append(f"line {body[-1].number}: dropped page footer {body[-1].text[:40]!r}")
        for field, value in pairs:
            footer.add(field, value)
        body.pop()
    published = _published_with_origin(fields) or _published_with_origin(footer)
    source_fields = fields if fields.get("source") else footer
    return Header(
        title=title,
        title_line=title_line,
        source=fields.get("source") or footer.get("source"),
        published=None if published is None else published[0],
        published_from=None if published is None else published[1],
        source_from=source_fields.origins.get("source"),
        views=_views(fields.get("views")),
        disclosure=_disclosure(fields),
        body=tuple(body),
        notes=tuple(notes),
        page_marker=_last_page_marker(lines[:index]),
        banners=tuple(banners),
        byline=byline,
        crumb_year=crumb_year,
    )


# A breadcrumb that ends in a year (… > 法治政府建设年度报告 > 2021年度).
_CRUMB_YEAR = re.compile(r"[>＞›»→]\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*$")


# A page marker in the form sharing sites inject (N、) at a header line's start: no heading
# stands in a header, so every such number is one.
_HEADER_PAGE_MARKER = re.compile(r"^(?P<number>[0-9０-９]{1,3})\s*、")


def _last_page_marker(lines: Sequence[Line]) -> int | None:
    """The number of the last ``N、`` page marker on the header's lines, if any."""
    for line in reversed(lines):
        match = _HEADER_PAGE_MARKER.match(line.text)
        if match is not None:
            return int(match["number"])
    return None


# --- shared with the identity stage: where an agency's name ends in a title ------------

_ISSUER_TRIM = ' \t\u3000：:，,、。“”"《》（）()【】[]'
_ABOUT = re.compile(scripted("关于$"))
_ABOUT_FIRST = re.compile(scripted("^关于"))
# Where the agency's name ends in a title: the genre's words.
_GENRE_WORDS = re.compile(scripted(r"法治|法制|依法行政|依法治|关于"))


def _genre_head(title: str) -> str | None:
    """The longest text before one of a title's genre words that ends like an agency."""
    text = _ABOUT_FIRST.sub("", title)
    for match in reversed(list(_GENRE_WORDS.finditer(text))):
        head = _ABOUT.sub("", text[: match.start()].strip(_ISSUER_TRIM)).strip(_ISSUER_TRIM)
        if _AGENCY_END_WORD.search(head):
            return head
    return None
