"""Quotation marks and 书名号 misused (GB/T 15834—2011 《标点符号用法》 4.8, 4.15).

* an end mark after a quotation that already ends with one (。”。), a quoted term that ends a
  sentence with the stop inside its quotes (荣登“抗疫英雄榜。”), and a stop inside a quotation
  the sentence goes on to qualify (“…为人民。”的宗旨);
* a pause mark inside a closing quote (“日清日结，”确保 → “日清日结”，确保);
* straight quotes "…" around Chinese text or around a figure named in it ("19365"改革), where
  Chinese text uses “…”;
* a quotation inside a quotation in double quotes again (“弘扬“四敢精神”…”): the inner one
  takes single quotes (4.8.3); an inner single quote closed with a double one (“…‘百佳小区””);
  a title inside a title in 《》 again (4.15.3.2);
* a 顿号 between quoted or titled items in a list that sets others side by side without one
  (“三大”、“五化”“四个农业”: 4.5.3.5);
* a document's title in quotation marks (出台“某某县关于…的若干意见”), or with none after the verb
  that issues it (印发了县政府关于……的通知) or before a notice's 现印发给你们, or with its kind left outside its marks (《民族区域
  自治》法): titles of documents take 书名号, whole (4.15.1);
* a five-year plan's short name, an event or a numbered slogan in 书名号 (《十四五》, 《冬奥会》,
  《六场硬仗》): none is a title.
Each rule yields its findings; :func:`core.proofread.marks.find_mark_slips` orders them with the
other punctuation rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from core.proofread.hits import PUNCTUATION_STANDARD, TITLE_SPAN, Hit

SOURCE = PUNCTUATION_STANDARD
_CJK = re.compile(r"[\u4e00-\u9fff]")
_AFTER_QUOTE = re.compile(r"(?<=[。？！])([”’」』]+)([。，；])")


# A pause mark inside the closing quote of a phrase (“日清日结，”确保): published reports never
# write it (none in 1.35 million characters); the mark, if any, follows the quote.
_BEFORE_CLOSING_QUOTE = re.compile(r"([，、；：])([”’]+)")


_STRAIGHT_QUOTES = re.compile(r'"([^"\n]{1,80}?)"')


# A quoted name that is a document's title: long, ending in the document's kind, and saying what
# it is about (关于…, …的…) — not a slogan or a short name (“最多跑一次”, “六稳”).
_QUOTED_TITLE = re.compile(
    r"“(?P<title>[^“”《》，。；！？]{6,60}?(?:关于|的)[^“”《》，。；！？]{1,40}?"
    r"(?:意见|通知|决定|办法|方案|规定|条例|细则|规划|纲要|实施意见|指导意见|工作要点|报告))”"
    # … or opening with the year it is for (“2023年度郏县领导干部学法计划”).
    r"|“(?P<dated>20[0-9]{2}年度?[^“”《》，。；！？、]{4,40}?(?:工作要点|工作计划|学法计划|实施方案|工作方案|计划|方案|要点))”"
    # … or a report a congress hears by its name (“政府工作报告”, “区人民法院工作报告”).
    r"|“(?P<report>[^“”《》，。；！？、]{0,12}?(?:政府|法院|检察院|常委会|常务委员会)工作报告)”"
    # … or a publication by its kind (“统计年鉴”, “××白皮书”, “××日报”).
    r"|“(?P<publication>[^“”《》，。；！？、]{1,12}?(?:年鉴|杂志|期刊|日报|晚报|丛书|画册|白皮书))”"
    # … or a law or regulation named with the state or the place that made it (“河北省统计条例”).
    r"|“(?P<law>(?:中华人民共和国|[\u4e00-\u9fff]{2,7}(?:省|市|自治区|自治州|县))[^“”《》，。；！？、]{2,30}?"
    r"(?:法|条例|办法|实施细则))”"
)


def after_quotation(text: str) -> Iterator[Hit]:
    for match in _AFTER_QUOTE.finditer(text):
        closer, mark = match.group(1), match.group(2)
        yield Hit(
            match.start(),
            match.end(),
            closer,
            f"引文末尾已有句末点号，引号后的“{mark}”多余。",
            f"删去引号后的“{mark}”。",
            SOURCE,
        )


# A quoted name or term, not introduced by a colon, that ends with the sentence's full stop
# inside its quotes (荣登“抗疫英雄榜。”, 申报“首批全国…示范地区。”): the quotation is part of the
# sentence, so the stop goes after it (4.1.3.1). 1.4 million characters of published reports write
# “…”。 thousands of times, “…。” never.
# Its items may be listed with 顿号 (深化“送考下乡、送检下乡。”), and it may be the last of quoted
# terms side by side (“妈妈岗”“公益岗。”).
_STOP_INSIDE_TERM = re.compile(r"(?<=[\u4e00-\u9fff”])“(?P<term>[^“”‘’，。；：！？、\n][^“”‘’，。；：！？\n]{0,39})(?P<stop>。)”")
# A quotation the sentence goes on to qualify (牢记“人民选我当代表，我当代表为人民。”的宗旨): it is
# a part of the sentence, which has not ended, so no stop stands inside it.
_STOP_BEFORE_QUALIFIED = re.compile(r"(?<=[\u4e00-\u9fff])“(?P<term>[^“”‘’。；：！？\n]{1,60})(?P<stop>。)”(?=的|等)")


def stop_inside_term(text: str) -> Iterator[Hit]:
    for match in _STOP_INSIDE_TERM.finditer(text):
        term = match["term"]
        yield Hit(
            match.start("stop"),
            match.end(),
            "”。",
            f"“{term}”是句子的一部分，句号应放在引号外：“{term}”。",
            "把句号移到引号后面。",
            f"{SOURCE} 4.1.3.1",
        )
    for match in _STOP_BEFORE_QUALIFIED.finditer(text):
        yield Hit(
            match.start("stop"),
            match.end(),
            "”",
            "引号里的话是句子的一部分，句子没有结束，引号内不用句号。",
            "删去引号内的句号。",
            f"{SOURCE} 4.1.3.1",
        )


def before_closing_quote(text: str) -> Iterator[Hit]:
    for match in _BEFORE_CLOSING_QUOTE.finditer(text):
        mark, quotes = match.group(1), match.group(2)
        following = text[match.end() : match.end() + 1]
        # Before more text the mark moves outside; before a mark of its own it is stray.
        moved = _CJK.match(following) is not None
        fix = quotes + mark if moved else quotes
        yield Hit(
            match.start(),
            match.end(),
            fix,
            f"后引号前的“{mark}”位置不对：句中点号应在引号外面。",
            f"改为“{fix}”。" if moved else f"删去“{mark}”。",
            SOURCE,
        )


def straight_quotes(text: str) -> Iterator[Hit]:
    for match in _STRAIGHT_QUOTES.finditer(text):
        inner = match.group(1)
        outside = text[match.start() - 1 : match.start()] + text[match.end() : match.end() + 1]
        if not _CJK.search(inner) and not (inner.isdigit() and _CJK.search(outside)):
            continue  # English text quoted; but a number named in Chinese text ("19365"改革) is Chinese
        yield Hit(
            match.start(),
            match.end(),
            f"“{inner}”",
            "中文里使用了英文直引号。",
            f"改为中文引号：“{inner}”。",
            SOURCE,
        )


def quoted_titles(text: str) -> Iterator[Hit]:
    for match in _QUOTED_TITLE.finditer(text):
        title = match.group("title") or match.group("dated") or match.group("report") or match.group("publication") or match.group("law")
        yield Hit(
            match.start(),
            match.end(),
            f"《{title}》",
            "书刊、文件的名称应使用书名号，不用引号。" if match.group("publication") else "文件名称应使用书名号，不用引号。",
            f"改为《{title}》。",
            f"{SOURCE} 4.15.1",
        )


# A law's or a document's kind left outside its title's marks (《民族区域自治》法，): the kind is part
# of the title (4.15.1). Only before a mark or a word that joins it to the sentence, where the
# character after 》 begins no word of its own (《条例》法定程序, 《办法》规定的).
_KIND_OUTSIDE_TITLE = re.compile(r"《(?P<title>[^《》\n]{2,40})》(?P<kind>法|条例|办法|细则|纲要)(?=[，。；、：！？和与及])")


def kind_outside_title(text: str) -> Iterator[Hit]:
    for match in _KIND_OUTSIDE_TITLE.finditer(text):
        title, kind = match["title"], match["kind"]
        yield Hit(
            match.start(),
            match.end(),
            f"《{title}{kind}》",
            f"“{kind}”是文件名称的一部分，应在书名号里面。",
            f"改为《{title}{kind}》。",
            f"{SOURCE} 4.15.1",
        )


# A quotation in single quotes inside double ones, closed with a double quote, right before the
# outer closing one (“基层治理‘百佳示范小区””): that first ” is the missing ’ (4.8.3).
# ‘…” then, before any other quotation mark, the ” that closes the outer quotation.
_SINGLE_CLOSED_BY_DOUBLE = re.compile(r"‘(?P<inner>[^‘’“”\n]{1,40})”(?=[^‘’“”\n]{0,40}”)")


def single_quotes_closed_by_double(text: str) -> list[re.Match[str]]:
    """Each ‘…” inside a double quotation that closes the inner quotation with a double quote
    (“首批‘百佳示范小区””, “蒙城县‘5+N”矛盾化解机制”; the 符号不成对 check reads that ” as ’,
    so the clerk gets this one finding)."""
    return [
        match
        for match in _SINGLE_CLOSED_BY_DOUBLE.finditer(text)
        if text.rfind("“", 0, match.start()) > text.rfind("”", 0, match.start())
    ]


def single_closed_by_double(text: str) -> Iterator[Hit]:
    for match in single_quotes_closed_by_double(text):
        inner = match["inner"]
        yield Hit(
            match.end() - 1,
            match.end(),
            "’",
            f"‘{inner}” 前后不配对：里层引号用单引号，收尾应为“’”。",
            f"改为‘{inner}’。",
            f"{SOURCE} 4.8.3",
        )


def nested_double_quotes(text: str) -> list[tuple[int, int]]:
    """Where a quotation inside a quotation is written with double quotes again (开展“弘扬“四敢
    精神”、勇当先锋”活动): (opening, closing) of each inner one. Empty unless every double quote
    of ``text`` pairs up as a proper nesting (an unclosed one is the 符号不成对 check's)."""
    return _nested_pairs(text, "“", "”")


def _nested_pairs(text: str, opening: str, closing: str) -> list[tuple[int, int]]:
    """(opening, closing) of each pair of ``opening``/``closing`` inside another of the same
    marks; empty unless they all pair up as a proper nesting."""
    opened: list[int] = []
    nested: list[tuple[int, int]] = []
    for at, ch in enumerate(text):
        if ch == opening:
            opened.append(at)
        elif ch == closing:
            if not opened:
                return []
            start = opened.pop()
            if opened:
                nested.append((start, at))
    return [] if opened else nested


# The double marks that may not hold a pair of themselves, and what the inner pair takes instead:
# quotes (4.8.3: 开展“弘扬‘四敢精神’”活动) and titles (4.15.3.2: 《落实〈……办法〉工作清单》).
_INNER_MARKS = (("“", "”", "‘", "’", "引号", "4.8.3"), ("《", "》", "〈", "〉", "书名号", "4.15.3.2"))


def nested_marks(text: str) -> Iterator[Hit]:
    """A quotation or a title inside one of its kind takes the single marks."""
    for opening, closing, inner_opening, inner_closing, name, section in _INNER_MARKS:
        for start, end in _nested_pairs(text, opening, closing):
            inner = f"{inner_opening}{text[start + 1 : end]}{inner_closing}"
            yield Hit(
                start,
                end + 1,
                inner,
                f"{name}里面又用了双{name}：里面一层应用单{name}。",
                f"改为{inner}。",
                f"{SOURCE} {section}",
            )


# A document's title right after the verb that reads or issues it, with no 书名号 (宣读了县政府关于
# 表彰……的决定): a title takes 书名号 (4.15.1).
_UNMARKED_TITLE = re.compile(
    r"(?:宣读了?|印发了?|下发了?|出台了?|转发了?)(?P<title>[\u4e00-\u9fff0-9]{0,20}?关于[^，。；：“”《》\n]{2,50}?的"
    r"(?:决定|通知|意见|实施意见|办法|规定|方案|实施方案|细则|通报|批复|决议))"
)


# A white or blue paper, or a memorandum named at length, published or signed (发布重庆检察公益诉讼
# 五周年白皮书, 会签涉台文物和文化遗产保护合作备忘录): a document's title too; a short one is the kind of
# paper only (发布白皮书, 签署战略合作备忘录).
_UNMARKED_PAPER = re.compile(
    r"(?:发布了?|公布了?|编制了?|编印了?|会签了?|签署了?|签订了?)"
    r"(?P<title>(?:[^，。；：“”《》\n]{6,30}?(?:白皮书|蓝皮书)|[^，。；：“”《》\n]{10,30}?备忘录))"
)


# A plan issued under the name of its campaign (出台解忧暖心行动实施方案, 印发……三年行动方案): the name
# of a document; a plan named by its subject only (出台疫情防控工作意见) is left as written.
_UNMARKED_PLAN = re.compile(
    r"(?:出台了?|印发了?|下发了?|制定了?|制发了?)(?P<title>[^，。；：“”《》、\n]{2,20}?(?:行动|工程|专项|三年|五年)"
    r"[^，。；：“”《》、\n]{0,6}?(?:实施方案|工作方案|行动方案|实施意见|实施细则|管理办法))"
)


# The document a notice issues, named as its first words (新乡市……三年行动计划（2023—2025年）已经市
# 政府同意，现印发给你们): the title of what is issued.
_UNMARKED_ISSUED = re.compile(
    r"(?:^|(?<=[。\n]))(?P<title>[^，。；：“”《》\n]{8,60})(?<!已)(?:已经|已|经)[^，。；\n]{2,24}?(?:同意|审议通过|研究通过|通过)，现(?:予)?(?:印发|下达)"
)


def unmarked_titles(text: str) -> Iterator[Hit]:
    titled = [match.span() for match in TITLE_SPAN.finditer(text)]
    found = (_UNMARKED_TITLE, _UNMARKED_PAPER, _UNMARKED_PLAN, _UNMARKED_ISSUED)
    for match in (match for pattern in found for match in pattern.finditer(text)):
        title = match["title"]
        if any(start < match.start("title") and match.end("title") < end for start, end in titled):
            continue  # 《……转发部局关于……的通知》: the title a document forwards is part of its own
        yield Hit(
            match.start("title"),
            match.end("title"),
            f"《{title}》",
            f"“{title}”是文件的标题，应加书名号。",
            f"改为《{title}》。",
            f"{SOURCE}4.15.1",
        )


# Quoted or titled items side by side (“三大”、“五化”“四个农业”): 4.5.3.5 sets no 顿号 between them;
# many reports write one all the same, so only a list that does both is told which way it chose.
_QUOTED_ITEMS = re.compile(r"(?:“[^“”]{1,15}”|《[^《》]{1,25}》)(?:、?(?:“[^“”]{1,15}”|《[^《》]{1,25}》))+")


def dunhao_in_mixed_quoted_list(text: str) -> Iterator[Hit]:
    for match in _QUOTED_ITEMS.finditer(text):
        run = match.group()
        if not re.search("[”》][“《]", run):
            continue
        for dunhao in re.finditer("(?<=[”》])、(?=[“《])", run):
            at = match.start() + dunhao.start()
            yield Hit(
                at,
                at + 1,
                "",
                "带引号或书名号的并列词语之间通常不用顿号，这组列举其他地方也没有用，应统一删去。",
                "删去顿号。",
                f"{SOURCE}4.5.3.5",
            )


@dataclass(frozen=True)
class _NotATitle:
    """A kind of name that 书名号 wrongly mark: ``pattern`` finds it in its marks, group ``name``;
    the fix writes the name quoted or bare; ``message`` is formatted with ``marked`` (as written)
    and ``fixed``."""

    pattern: re.Pattern[str]
    quoted: bool
    message: str
    clause: str


_NOT_TITLES = (
    # A five-year plan's short name (《十四五》规划 → “十四五”规划): a short name is quoted.
    _NotATitle(
        re.compile(r"《(?P<name>(?:十[一二三四五六七八九]?|[一二三四五六七八九])五)》"),
        True,
        "“{marked}”不是书名：五年规划的简称加引号，写作{fixed}。",
        "4.8.3",
    ),
    # A games or a fair (统筹推进《冬奥会》 → 冬奥会): the standard's annex A puts meetings and
    # events among the names that take no 书名号.
    _NotATitle(
        re.compile(r"《(?P<name>[\u4e00-\u9fff]{1,6}(?:运会|奥会|博会|交会|贸会))》"),
        False,
        "“{fixed}”是一项活动，不是书名、篇名，不加书名号。",
        "附录A",
    ),
    # A numbered slogan (《六场硬仗》, 《三大行动》): a coined name, quoted.
    _NotATitle(
        re.compile(r"《(?P<name>[一二三四五六七八九十两]{1,2}[个场大项条张][\u4e00-\u9fff]{1,6})》"),
        True,
        "“{marked}”不是书名、篇名：用数字概括的名称加引号，写作{fixed}。",
        "4.9.3、4.8.3",
    ),
)


def names_in_title_marks(text: str) -> Iterator[Hit]:
    """A name that is no title in 书名号: each kind of :data:`_NOT_TITLES` in turn."""
    for kind in _NOT_TITLES:
        for match in kind.pattern.finditer(text):
            fixed = f"“{match['name']}”" if kind.quoted else match["name"]
            yield Hit(
                match.start(),
                match.end(),
                fixed,
                kind.message.format(marked=match.group(), fixed=fixed),
                f"改为{fixed if kind.quoted else f'“{fixed}”'}。",
                f"{SOURCE} {kind.clause}",
            )
