"""Detectors of what may be stale in carried-over text: placeholders, figures, years, dates,
meeting names — small regular expressions over plain text (no jieba), fast enough for every
pause in typing. core.reuse.flags turns their hits into 待核实 flags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.draft.ordinals import CN_DIGIT_CHARS, cn_digits_to_int


@dataclass(frozen=True)
class Hit:
    """A match in one string: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class YearHit(Hit):
    year: int
    last_year: int  # equals ``year`` unless a range such as 2019—2023年


# ---------------------------------------------------------------- placeholders

_PLACEHOLDER_RE = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{\{|\}\}|\{%|%\}"  # unrendered template syntax
    # x/X runs that are not part of a Latin word or acronym (APP, HR, Windows XP) and not
    # the X of "3+X" (a real name for curricula and models); X光/X射线 are real words.
    r"|(?<![A-Za-z0-9+＋])[xX]+(?![A-Za-z]|光|射线)"
    r"|[*＊]{2,}"
    r"|(?<![0-9０-９.])×+(?![0-9０-９])"  # × between digits is multiplication
    # ○ runs, except a ○ written for the zero of a year or number (二○二○年): that one is
    # a numeral, noted by the 数字用法 check (core.proofread.numbers_in_names.find_zero_circles).
    r"|(?<![〇零一二三四五六七八九十○])○+(?![〇零一二三四五六七八九十○])"
    r"|(?<![〇零一二三四五六七八九十])〇{2,}(?![〇零一二三四五六七八九十年])"  # 〇 is also zero (二〇〇〇年)
)


def find_placeholders(text: str) -> list[Hit]:
    """Masked or unfilled spots: xx, XX, X, XXX, ××, **, ○○, {{ }} and {% %}."""
    return [Hit(m.start(), m.end(), m.group()) for m in _PLACEHOLDER_RE.finditer(text)]


# ---------------------------------------------------------------- quoted names

_QUOTE_PAIRS = {"“": "”", "《": "》", "「": "」"}
_MAX_NAME_LENGTH = 30  # quoted text longer than this is a quotation, not a name


def short_quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of short “…” and 《…》 runs: names of campaigns and documents, not prose."""
    spans: list[tuple[int, int]] = []
    if not any(opener in text for opener in _QUOTE_PAIRS):
        return spans
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _QUOTE_PAIRS:
            stack.append((ch, i))
        elif stack and ch == _QUOTE_PAIRS[stack[-1][0]]:
            _, start = stack.pop()
            if i - start - 1 <= _MAX_NAME_LENGTH:
                spans.append((start, i + 1))
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


# ---------------------------------------------------------------- figures

_CN_NUMBER = "[零〇一二两三四五六七八九十百千万亿]+"
_AR_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_MASK = "[xX*＊]+"
# Longest first, so that 万元 wins over 元 and 人次 over 人.
# fmt: off
_UNITS_BOTH = (
    "个百分点", "百分点", "平方公里", "平方米", "人次", "亿元", "万元", "千元", "元", "公里", "小时", "个", "项", "次",
    "人", "名", "位", "家", "场", "篇", "条", "批", "户", "村", "件", "所", "座", "处", "支", "份", "套", "台", "辆", "亩", "吨", "倍", "天", "张",
)
# fmt: on
# 期 and 年 only after Arabic numerals: 二期项目 and 三年行动 are names, 12期 and 20年 counts.
_UNITS_ARABIC = (*_UNITS_BOTH, "期", "年", "%", "％", "‰")
_MAGNITUDE = "(?:多|余)?[十百千万亿]*(?:多|余)?"


def _alternation(units: tuple[str, ...]) -> str:
    return "|".join(re.escape(u) for u in units)


_FIGURE_RE = re.compile(
    rf"(?P<di>第)?(?:(?P<ar>(?<![\d.,]){_AR_NUMBER}(?:{_MASK})?)"
    rf"{_MAGNITUDE}(?:{_alternation(_UNITS_ARABIC)})"
    rf"|(?P<cn>{_CN_NUMBER}){_MAGNITUDE}(?:{_alternation(_UNITS_BOTH)}))"
)
# Fixed 政务 phrases that read like a count (四个意识, 四家班子) are names, not figures: the list
# is data (resources/fixed_phrases.txt), so a unit can add its own.
FIXED_PHRASES_FILE = "fixed_phrases.txt"
# Below this, a count in Chinese numerals (两个体系, 六项行动, 四个乡镇) belongs to the wording: GB/T
# 15835 writes statistics that change year to year in Arabic numerals.
SMALL_CHINESE_COUNT = 10


@lru_cache(maxsize=1)
def fixed_phrases() -> tuple[str, ...]:
    from core.text.language import RESOURCES_DIR

    try:
        lines = (RESOURCES_DIR / FIXED_PHRASES_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return ()
    return tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))
_YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d年")


def _small_chinese_count(cn: str) -> bool:
    from core.draft.ordinals import cn_to_int

    try:
        return cn_to_int(cn.replace("两", "二")) < SMALL_CHINESE_COUNT
    except ValueError:
        return False


@lru_cache(maxsize=1)
def _fixed_phrase_pattern() -> tuple[re.Pattern[str] | None, int]:
    """The fixed phrases as one pattern, longest first (at a place, the longest that occurs
    there is the one tried first), and the longest's length."""
    phrases = sorted(set(fixed_phrases()), key=len, reverse=True)
    if not phrases:
        return None, 0
    return re.compile("|".join(map(re.escape, phrases))), len(phrases[0])


def _in_fixed_phrase(text: str, start: int, end: int) -> bool:
    """The figure at start–end begins a fixed phrase or lies within one (十大重点项目).

    Only the places a phrase covering ``start`` can begin are tried, one match each: a long
    report has tens of thousands of figures, and trying every phrase at each took seconds."""
    pattern, longest = _fixed_phrase_pattern()
    if pattern is None:
        return False
    for at in range(max(0, start - longest + 1), start + 1):
        found = pattern.match(text, at)
        if found is not None and (at == start or found.end() >= end):
            return True
    return False


def find_figures(text: str) -> list[Hit]:
    """Number + measure word (48次, 27项, 100％, 3.5亿元, 四个乡镇) and 第N批/第N次 ordinals.

    Not figures: years (2022年), a bare 一 (一批 means "a batch"), small counts in Chinese
    numerals (两个体系, 四家班子), names in short quotes or 书名号 (“10分钟为民服务圈”), and
    the fixed phrases in resources/fixed_phrases.txt.
    """
    names = short_quoted_spans(text)
    hits: list[Hit] = []
    for m in _FIGURE_RE.finditer(text):
        start, end, found = m.start(), m.end(), m.group()
        if m.group("ar") is not None and _YEAR_LIKE.fullmatch(found.removeprefix("第")):
            continue
        cn = m.group("cn")
        if cn is not None:
            if cn == "一" and not m.group("di"):
                continue  # 一批, 一次: "a batch", "once" — an article, not a count to check
            if set(cn) <= set("万亿百千零〇"):
                continue  # 万村 in 万企兴万村 is a slogan, not a number
            if not m.group("di") and _small_chinese_count(cn):
                continue  # 两个体系, 六项行动: part of the wording (第五批 still changes yearly)
        if _in_fixed_phrase(text, start, end):
            continue
        if _inside(names, start, end):
            continue
        hits.append(Hit(start, end, found))
    return hits


# ---------------------------------------------------------------- years and dates

_CN_DIGITS = CN_DIGIT_CHARS
# A bare 2022 is a year unless a measure word follows (2000人, 1850平方米).
_NOT_AFTER_BARE_YEAR = "".join(sorted({u[0] for u in _UNITS_ARABIC if u != "年"} | set("万亿千百余多")))
_YEAR_RE = re.compile(
    r"(?<![\d.,])(?P<y>(?:1[89]|20)\d\d)(?:\s*[—–\-－~～至到]\s*(?P<y2>(?:1[89]|20)\d\d))?"
    rf"(?:\s?年|(?![\d.]|\s?[{re.escape(_NOT_AFTER_BARE_YEAR)}]))"
    rf"|(?<![{_CN_DIGITS}])(?P<cy>[{_CN_DIGITS}]{{4}})年"
)


def find_years(text: str) -> list[YearHit]:
    """Years 1800–2099 written 2022年, 2022, 2019—2023年 or 二〇二二年."""
    hits: list[YearHit] = []
    for m in _YEAR_RE.finditer(text):
        if m.group("cy"):
            year = cn_digits_to_int(m.group("cy"))
            if not 1800 <= year <= 2099:
                continue
            hits.append(YearHit(m.start(), m.end(), m.group(), year, year))
            continue
        year = int(m.group("y"))
        last = int(m.group("y2")) if m.group("y2") else year
        hits.append(YearHit(m.start(), m.end(), m.group(), year, last))
    return hits


_DAY = r"(?:\d{1,2}|[xX*＊]+)日"
_MONTH_DAY = rf"(?<![\d.])\d{{1,2}}(?:[－\-—~～至到]\d{{1,2}})?月(?:份|{_DAY})?"
_RELATIVE = "今年|去年|上年|前年"
_CN_MONTH = "(?:十[一二]?|[一二三四五六七八九])"
_DATE_RE = re.compile(
    rf"(?:(?:{_RELATIVE})|(?:1[89]|20)\d\d年)?{_MONTH_DAY}(?:[至到－—~～]{_MONTH_DAY})?"
    rf"|(?:{_RELATIVE}){_CN_MONTH}月(?:份|[一二三]?十?[一二三四五六七八九十]日)?"
    r"|去年(?:同期|底|初|以来)?|上年度?|前年"
)
_DATE_YEAR = re.compile(r"((?:1[89]|20)\d\d)年")


def find_dates(text: str) -> list[Hit]:
    """Month/day dates (7月26日, 4月至8月, 1－7月, 2022年5月) and 去年/上年/前年."""
    return [Hit(m.start(), m.end(), m.group()) for m in _DATE_RE.finditer(text)]


def date_year(hit: Hit) -> int | None:
    """The explicit year of a date hit, if it names one."""
    m = _DATE_YEAR.match(hit.text)
    return int(m.group(1)) if m else None


# ---------------------------------------------------------------- meetings

_ORD = r"[一二三四五六七八九十\dxX*＊]+"
_MEETING_RE = re.compile(
    rf"(?:党的)?{_ORD}届(?:{_ORD}中全会|历次全会|{_ORD}次全会|{_ORD}中{_ORD}会|[省市区县]委)"
    rf"|(?:[省市区县])?第?{_ORD}次(?:党代会|党员代表大会|代表大会)"
    rf"|党的{_ORD}大"
    r"|(?<![一二三四五六七八九十])(?:十[五六七八九]|二十[一二三]?)大(?![学厦道街楼桥型量力])"
    rf"|(?:建党|建团|建军|建国|新中国成立|改革开放|建区|建市|建县)?{_ORD}周年"
)


def find_meetings(text: str) -> list[Hit]:
    """Time-bound names: 第x次党代会, 十九届六中全会, 党的二十大, 十三届省委, 建团100周年."""
    return [Hit(m.start(), m.end(), m.group()) for m in _MEETING_RE.finditer(text)]
