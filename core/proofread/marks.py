"""Punctuation that clashes or is misused (GB/T 15834—2011 《标点符号用法》).

* two different pause or end marks in a row (：， ，。 、， ；。): one of them is a slip — the
  stronger is kept (。？！ over ； over ： over ， over 、); ？！ and ！？ are allowed;
* a 顿号 before a clause that 确保 or 进一步 opens (落实责任、确保如期完成);
* a 顿号 or 逗号 right before a closing bracket (个体工商户、）), and a full stop before a title's
  closing mark (《考核细则。》);
* a 顿号 after a bracketed number that opens a heading or an item (（四）、), and a comma after a
  bare Chinese numeral that orders what is said (一，依靠政策 → 一、: 4.5.3);
* a 顿号 after a word that opens a clause (其中、同时、, 对此、), and a question mark after a sentence
  that asks nothing (值得铭记？), or that says what is checked (审核……是否符合规定？); a full stop
  after a question that 吗 asks (能摸清情况吗。: 4.2.3.1);
* a 逗号 before a list its words begin (问题导向，目标导向、效果导向: items of one shape; short
  ones sharing one character when 等 closes the list, 进博会，糖酒会、津洽会等), or
  between the names of levels a count of levels follows (地，县两级), or between two subjects 各
  opens (各乡镇，各部门要);
* a semicolon after 是, 包括, 如下 or a clause's opening 其中, which introduce what follows (主要包括；1、): a colon (4.7);
* a 顿号 between two neighbouring numbers that give an estimate (三、四十名 → 三四十名; a list
  such as 五、六月份 or 一、二年级 keeps it, 4.5.3.5);
* an ellipsis with 等 (……等): either marks the list as open, not both (4.11.3.5);
* no comma between a percentage and the change that follows it (城镇化率达到56%提高9个百分点):
  two predicates, a pause between them (4.4.3);
* a colon after 经审查, 经研究 … that the sentence goes on from (经审查：立案236件);
* one semicolon among the commas of clauses of one mould, or one comma among their semicolons
  (向……要控制力，向……要战斗力；向……要公信力，…): the series takes one mark (4.6.3.1);
* a comma among levels listed in brackets (县（市，区）): 顿号.
Quotation marks and 书名号 are :mod:`core.proofread.quote_title_marks`'s; :func:`find_mark_slips`
runs its rules and these in one order, the better of two overlapping findings first. The marks
between a list's items that need jieba's words (……，代销等; 医患纠纷，交通事故纠纷、……; 、和) are
:mod:`core.proofread.list_marks`'s.
The same mark doubled (，，) is ``repeated_char``; half-width marks are ``halfwidth_punct``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from core.proofread.hits import CLAUSE_BETWEEN_MARKS, PUNCTUATION_STANDARD, Hit, common_ending, drop_overlaps
from core.proofread.lexicon import Lexicon
from core.proofread.loose_pairs import LEVELS
from core.proofread.quote_title_marks import (
    after_quotation,
    before_closing_quote,
    dunhao_in_mixed_quoted_list,
    kind_outside_title,
    names_in_title_marks,
    nested_marks,
    quoted_titles,
    single_closed_by_double,
    stop_inside_term,
    straight_quotes,
    unmarked_titles,
)

SOURCE = PUNCTUATION_STANDARD
_STRENGTH = {"。": 5, "？": 5, "！": 5, "；": 4, "：": 3, "，": 2, "、": 1}
_CLASH = re.compile(r"[，、；：。？！]{2}")
_ALLOWED_PAIRS = frozenset({"？！", "！？"})
# … and a full stop before a title's closing mark (《考核细则。》): a title is no sentence.
_BEFORE_CLOSER = re.compile(r"[，、；](?=[）)】》])|。(?=》)")
_CN_DIGITS = "一二三四五六七八九"
_ESTIMATE_DIGITS = "一两二三四五六七八九"
_ESTIMATE = re.compile(
    rf"(?<![{_ESTIMATE_DIGITS}十第])([{_ESTIMATE_DIGITS}])、([{_CN_DIGITS}])(?=[十百千万]?[多余]?"
    r"(?:个|名|人|次(?![会全])|天|年(?!级|度)|岁|项|件|条|家|户|所|场|篇|种|位|批|公里|米|元|万|倍|小时|分钟))"
)  # not 八、九次会议 (全会): the sessions, each held, listed
_ELLIPSIS_WITH_DENG = re.compile(r"(?:……|…)+等(?:等)?|等等?(?:……|…)+")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _clashes(text: str) -> Iterator[Hit]:
    for match in _CLASH.finditer(text):
        pair = match.group()
        first, second = pair
        if first == second or pair in _ALLOWED_PAIRS:
            continue
        keep = first if _STRENGTH[first] >= _STRENGTH[second] else second
        yield Hit(
            match.start(),
            match.end(),
            keep,
            f"标点“{first}”和“{second}”连用，只应保留一个。",
            f"保留“{keep}”。",
            SOURCE,
        )


def _before_closer(text: str) -> Iterator[Hit]:
    for match in _BEFORE_CLOSER.finditer(text):
        mark = match.group()
        yield Hit(
            match.start(),
            match.end(),
            "",
            f"括号或书名号前的“{mark}”多余。",
            f"删去“{mark}”。",
            SOURCE,
        )


# A note in brackets inside a sentence (投资5亿元（同比增长10%。）) ends with no full stop: only one
# after the sentence's own (……完成任务。（下同。）) closes a sentence of its own.
_STOP_BEFORE_BRACKET = re.compile(r"。(?=[）)])")
_SENTENCE_ENDS = frozenset("。！？…")


def _stop_inside_note(text: str) -> Iterator[Hit]:
    for match in _STOP_BEFORE_BRACKET.finditer(text):
        opening = max(text.rfind("（", 0, match.start()), text.rfind("(", 0, match.start()))
        if opening <= 0 or text[opening - 1] in _SENTENCE_ENDS or max(text.rfind("）", opening, match.start()), text.rfind(")", opening, match.start())) > 0:
            continue
        yield Hit(
            match.start(),
            match.end(),
            "",
            "句子中间括号里的注释，末尾不用句号。",
            "删去“。”。",
            SOURCE,
        )


# A paragraph of prose that ends on a comma or a 顿号 (……加快农业农村现代化、): its last sentence is
# left without its full stop.
_OPEN_END = re.compile(r"(?<=[\u4e00-\u9fff”’）》%0-9])[，、]$")
_OPEN_END_PROSE = 8


def _paragraph_left_open(text: str) -> Iterator[Hit]:
    match = _OPEN_END.search(text.rstrip())
    if match and len(_CJK.findall(text)) >= _OPEN_END_PROSE:
        yield Hit(
            match.start(),
            match.end(),
            "。",
            f"段落以“{match.group()}”结尾，最后一句没有结束。",
            "改为“。”，或补全这句话。",
            f"{SOURCE} 4.1.3.1",
        )


# Words that open a clause and are never an item of a list: a 顿号 after one is a comma's slip.
_CONNECTIVE_THEN_DUNHAO = re.compile(
    r"(?:^|(?<=[。！？；：，\n]))(其中|同时|此外|另外|因此|因而|所以|首先|其次|然而|但是|而且|并且|总之|对此|为此|据此|由此"
    # a time that opens the sentence (一年来、我们…): what follows is the clause, not a list
    r"|近年来|一年来|多年来|[一二三四五六七八九十两]年来|去年以来|今年以来|长期以来|最后|一方面|另一方面"
    # … or the year or the time it speaks of (2024年、我镇; 目前、各项目): not times listed (当前、今后; 2023年、2024年)
    r"|(?:这一年|过去的一年|过去一年|目前|当前|现在|(?:19|20)[0-9]{2}年(?:以来)?)(?=、(?![0-9一二三四五六七八九〇]|今|明年|去年|上半年|下半年|以后|将来|未来|长远))"
    # 第一、第二… as words that order what is said take a comma, as 首先 does; not 第一、第二产业, a list
    r"|第[一二三四五六七八九十]{1,3}(?=、(?!第|[一二三四五六七八九十]))"
    # 一是、二是… and 其一: the point follows them as a clause, with a comma or nothing between
    r"|[一二三四五六七八九十]是(?=、(?![一二三四五六七八九十]是))|其[一二三四五六七八九十])、"
)
# A bracketed number that opens a heading or an item already sets it off: no 顿号 after it
# (（四）、用心用情 → （四）用心用情). Not one of a list of such numbers (第（一）、（二）项).
_BRACKETED_NUMBER_THEN_DUNHAO = re.compile(
    r"(?:^|(?<=[。；：！？\n]))[（(](?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})[）)](、)(?![（(])"
)
# A bare Chinese numeral that opens a sentence or what a colon introduces orders the points: it
# takes a 顿号 (4.5.3: 一、二、), as 第一 takes a comma. Not a count or a list of numerals
# (一，二，三 counted aloud: another numeral follows).
_BARE_ORDINAL_THEN_COMMA = re.compile(
    r"(?:^|(?<=[。！？；：\n]))[ \u3000]*(?P<number>[一二三四五六七八九十]{1,3})(，)(?![一二三四五六七八九十])"
)
# A question asks with one of these (什么, 如何, 是否, 能否, A不A: 是不是); a sentence with none
# ending in ？ is a statement.
_INTERROGATIVE = re.compile(r"[吗呢吧么谁哪几何岂否啥]|怎|多少|难道|还是|有没有|(.{1,2})[不没]\1")  # 是不是, 安全不安全
_QUESTION = re.compile(r"[^。！？\n]+？")
# 是否 after a verb of checking asks nothing: the sentence says what is checked (审核规范性文件内容
# 是否合法、公开程序是否符合规定。) — published reports never end such a sentence with ？.
_CHECKED_WHETHER = re.compile(
    r"(?:审核|审查|检查|核实|核查|核对|判断|确认|评估|评价|了解|查看|研判|考察|审定|把关|论证|监测|检验|查验)"
    r"[^，。？！；\n]{0,30}(?:是否|能否|可否)"
)


# 等 closes a list, it is no item of it: no 顿号 before it (食品、等企业 → 食品等企业) — unless
# 等 begins a word of the next item (质量、等级) or is the verb "to wait" (想出来、等出来的).
_DUNHAO_BEFORE_DENG = re.compile(r"(?<=[\u4e00-\u9fff”》）)])、(?=等(?![级待同候价效高距额第次值量比身分速温压出来到着了不靠]))")


# 都, 均 after a list sum it up as the subject of what follows (国家不分大小、强弱、贫富，都应当一律
# 平等): they open the predicate, which a comma sets off, never an item (none of 2.85 million
# characters of published reports writes 、都 or 、均 so; 、也 and 、又 join parallel predicates: 能干事、
# 也能干成事).
_DUNHAO_BEFORE_SUMMING = re.compile(
    r"、(?=(?:都|均|全都|皆)(?:应当|应该|要|必须|能|可以|是|将|会|已|在|有|得到|实现|达到|不|没有|未|被|由|按|为))"
)


def _dunhao_before_summing(text: str) -> Iterator[Hit]:
    for match in _DUNHAO_BEFORE_SUMMING.finditer(text):
        word = text[match.end() : match.end() + 1]
        yield Hit(
            match.start(),
            match.end(),
            "，",
            f"“{word}”总括前面列举的各项，引出谓语，前面用逗号，不用顿号。",
            "把顿号改为逗号“，”。",
            f"{SOURCE} 4.5.3.1",
        )


# 是 introduces what follows (职责是：负责……): a semicolon after it parts nothing.
# A semicolon right after the word that introduces what follows (主要是；, 包括；1、, 如下；): that
# word's content follows, and a colon introduces it (4.7); a semicolon ends a part already said.
_SEMICOLON_AFTER_SHI = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:(?P<word>是)(?P<mark>；)(?=[\u4e00-\u9fff])|(?P<lead>包括|如下)(?P<lead_mark>；)(?=[\u4e00-\u9fff0-9０-９（(]))"
    # 其中 opening its clause (……15126人，其中；符合低保条件的1122户): not 参与其中； at a clause's end.
    r"|(?<=[，。；：])(?P<among>其中)(?P<among_mark>；)(?=[\u4e00-\u9fff0-9０-９（(])"
)


def _semicolon_after_shi(text: str) -> Iterator[Hit]:
    for match in _SEMICOLON_AFTER_SHI.finditer(text):
        # a figure after 是； may open the next clause (实事求是；2014年)
        mark = "mark" if match["word"] else "lead_mark" if match["lead"] else "among_mark"
        yield Hit(
            match.start(mark),
            match.end(mark),
            "：",
            f"“{match['word'] or match['lead'] or match['among']}”后面引出要说的内容，应用冒号，不用分号。",
            "改为“：”。",
            f"{SOURCE} 4.7",
        )


def _dunhao_before_deng(text: str) -> Iterator[Hit]:
    for match in _DUNHAO_BEFORE_DENG.finditer(text):
        yield Hit(
            match.start(),
            match.end(),
            "",
            "“等”前面不用顿号：顿号用在并列的各项之间，“等”不是其中一项。",
            "删去“、”。",
            f"{SOURCE} 4.5.3.1",
        )


def _connective_then_dunhao(text: str) -> Iterator[Hit]:
    for match in _CONNECTIVE_THEN_DUNHAO.finditer(text):
        word = match.group(1)
        yield Hit(
            match.end() - 1,
            match.end(),
            "，",
            f"“{word}、”中的顿号应为逗号：顿号只用在并列的词语之间，“{word}”引出的是一个分句。",
            "改为“，”。",
            SOURCE,
        )


def _bracketed_number_then_dunhao(text: str) -> Iterator[Hit]:
    for match in _BRACKETED_NUMBER_THEN_DUNHAO.finditer(text):
        number = match.group()[:-1]
        yield Hit(
            match.start(1),
            match.end(1),
            "",
            f"“{number}”后面不用顿号：带括号的序号本身已把各项分开。",
            "删去“、”。",
            SOURCE,
        )


def _bare_ordinal_then_comma(text: str) -> Iterator[Hit]:
    for match in _BARE_ORDINAL_THEN_COMMA.finditer(text):
        number = match["number"]
        yield Hit(
            match.start(2),
            match.end(2),
            "、",
            f"序号“{number}”后面用顿号，不用逗号。",
            "改为“、”。",
            f"{SOURCE} 4.5.3",
        )


# 吗 closes a question, rhetorical ones too (难道……吗？), and so does 呢 after a word that asks
# (这是否适当呢？): published reports end every such sentence with ？, never with 。 (4.2.3.1).
_QUESTION_STOPPED = re.compile(
    r"[\u4e00-\u9fff]吗(?P<stop>。)|(?:是否|是不是|能否|为什么|怎么|怎样|如何|什么|哪里|难道)[^。！？\n]{0,30}呢(?P<asked>。)"
)


def _question_stopped(text: str) -> Iterator[Hit]:
    for match in _QUESTION_STOPPED.finditer(text):
        group = "stop" if match["stop"] else "asked"
        yield Hit(
            match.start(group),
            match.end(group),
            "？",
            "以“吗”结尾的是问句（包括反问句），句末用问号。" if group == "stop" else "用“是否”“如何”等发问、以“呢”结尾的是问句，句末用问号。",
            "改为“？”。",
            f"{SOURCE} 4.2.3.1",
        )


# The years a plan runs, in brackets after its name (国土空间总体规划（2021—2035年）), written with a
# 顿号: two years listed are no span of time; a span takes the 连接号 (4.13.3).
# So do the years of a five-year plan's name (“十二五”（2011、2015年）时期).
_PLAN_YEARS_LISTED = re.compile(r"(?:规划|纲要|方案|计划|行动|工程|[一二三四五六七八九十]五)[》”]?[（(][0-9]{4}年?(、)[0-9]{4}年?[）)]")


def _plan_years_listed(text: str) -> Iterator[Hit]:
    for match in _PLAN_YEARS_LISTED.finditer(text):
        yield Hit(
            match.start(1),
            match.end(1),
            "—",
            "规划、纲要的起止年份之间用连接号（2021—2035年），顿号表示并列，不表示时间段。",
            "改为“—”。",
            f"{SOURCE} 4.13.3",
        )


# Figures that 分别 lists, a comma between two of them and the last joined by 和 or 及 (分别上升
# 68.1%，95.4%和90.3%): items of a list take 顿号 (4.5.3.1).
_FIGURES_LISTED = re.compile(
    r"分别[\u4e00-\u9fff]{0,4}[0-9][0-9.]*[%％]?(?:、[0-9][0-9.]*[%％]?)*(，)[0-9][0-9.]*[%％]?(?:、[0-9][0-9.]*[%％]?)*(?:和|及)[0-9]"
)


def _figures_listed_with_a_comma(text: str) -> Iterator[Hit]:
    for match in _FIGURES_LISTED.finditer(text):
        yield Hit(
            match.start(1),
            match.end(1),
            "、",
            "“分别”列举的几个数字之间用顿号，最后一项前用“和”。",
            "改为“、”。",
            f"{SOURCE} 4.5.3.1",
        )


# A percentage reached, then how it changed, written without a pause (达到56%提高9个百分点):
# published reports always put a comma there; only 由……提高到 (下降为) joins the figure to its verb.
_FIGURE_THEN_CHANGE = re.compile(r"(?<=[0-9０-９])[%％](?=(?:提高|增长|下降|增加|减少|上升|降低)(?![到至为]))")


# A comparison opening the clause makes the figure what is compared against, and the change its
# predicate (对比2014年所占比重29.5%增长了12.4%).
_COMPARED_AGAINST = ("对比", "相比", "比较", "与", "较")


def _figure_then_change(text: str) -> Iterator[Hit]:
    for match in _FIGURE_THEN_CHANGE.finditer(text):
        clause_start = max(text.rfind(mark, 0, match.start()) for mark in "，。；：！？\n") + 1
        opening = text[clause_start : match.start()]
        if opening.startswith(_COMPARED_AGAINST):
            continue
        sign = match.group()
        yield Hit(
            match.start(),
            match.end(),
            f"{sign}，",
            "百分数后面接着说升降变化，是另一个谓语，中间应有停顿，用逗号隔开。",
            f"在“{sign}”后面加逗号。",
            f"{SOURCE} 4.4.3",
        )


# A quoted series of like items, every one as long, all parted by 顿号 but the first or the last by a
# comma (“党委领导，政府主导、公安主力、部门主责”): one list, its marks alike (4.5.3.1). Not a series of
# pairs (“党委领导、政府负责，社会协同、公众参与”), where the comma parts halves.
_QUOTED_SERIES = re.compile(r"“([\u4e00-\u9fff]{2,6}(?:[、，][\u4e00-\u9fff]{2,6}){3,})”")
_LONGER_SIDE = 3


def _comma_in_quoted_series(text: str) -> Iterator[Hit]:
    for match in _QUOTED_SERIES.finditer(text):
        series = match.group(1)
        if series.count("，") != 1:
            continue
        items = re.split("[、，]", series)
        if len({len(item) for item in items}) != 1 or len(set(items)) < len(items):
            continue
        before, after = (part.count("、") + 1 for part in series.split("，"))
        if min(before, after) != 1 or max(before, after) < _LONGER_SIDE:
            continue
        at = match.start(1) + series.index("，")
        yield Hit(
            at,
            at + 1,
            "、",
            f"“{series}”是同一组并列的词语，中间的逗号应为顿号。",
            "把逗号改为顿号“、”。",
            f"{SOURCE} 4.5.3.1",
        )


# A colon right after a figure and its unit, before more words (增长了29.1%：贷款余额达到……): a colon
# introduces what follows a word that announces it (如下, 是, 为), never a figure's clause, which
# the next clause's figures go on from: a semicolon parts such clauses (4.5.4.1). The 400,000
# characters of published local reports we hold write no colon there.
_COLON_AFTER_FIGURE = re.compile(r"(?<=[0-9０-９])(?:[%％]|万元|亿元|万人|万户|元|人|户|个|项|家|件|次|吨|亩|公里|千米|平方米)(：)(?=[\u4e00-\u9fff])")


def _colon_after_figure(text: str) -> Iterator[Hit]:
    for match in _COLON_AFTER_FIGURE.finditer(text):
        yield Hit(
            match.start(1),
            match.end(1),
            "；",
            "数字后面的冒号用错了：冒号只用在提示下文的词语后面；两个并列的分句之间用分号（或逗号）。",
            "把冒号改为分号“；”。",
            f"{SOURCE} 4.5.4.1",
        )


# A question a verb of finding out or deciding takes as its object (研究如何解决这些问题, 着力解决
# 好怎样发展的问题): the sentence states what is studied, and ends with a full stop (4.1.3.1);
# not a question quoted after a colon (思考：如何……？) nor one ending in 吗, 呢, nor 什么 or 哪些,
# which ask of their own (要解决什么问题？).
_ASKED_WITHIN = re.compile(
    r"(?:研究|思考|探索|探讨|弄清|弄清楚|搞清|搞清楚|明确|了解|考虑|讨论|分析|回答好|回答了|说明|取决于|关系到|关键在于|解决好|解决了)"
    r"(?:[^，。；：！？“”\n]{0,12}?)(?:如何|怎样|为什么|为何)"
)
_ASKS_AT_END = re.compile(r"[吗呢吧么]？$")


# 几 that counts without asking: 前几年, 近几个月, 这几天, 好几次, 几乎, 几经, 几十年.
_INDEFINITE_JI = re.compile(r"(?<=[前近这那好头后])几|几(?=[乎经度十百千万])")


def _statement_asked(text: str) -> Iterator[Hit]:
    for match in _QUESTION.finditer(text):
        if text.count("“", 0, match.end()) > text.count("”", 0, match.end()):
            continue  # words quoted as said (“老前辈，身体可好？……”): the speaker asks as people speak
        indefinite = {found.start() for found in _INDEFINITE_JI.finditer(match.group())}
        asking = [found.group() for found in _INTERROGATIVE.finditer(match.group()) if found.start() not in indefinite]
        embedded = _CHECKED_WHETHER.search(match.group()) and set(asking) == {"否"}
        # A question studied is as much a statement: only the verb's object asks.
        embedded = embedded or (
            _ASKED_WITHIN.search(match.group()) is not None
            and not _ASKS_AT_END.search(match.group())
            and "：" not in match.group()
            and not match.group().lstrip().startswith(("如何", "怎样", "怎么", "为什么", "为何", "哪些", "什么"))
        )
        if asking and not embedded:
            continue
        yield Hit(
            match.end() - 1,
            match.end(),
            "。",
            "这句话没有疑问的意思，句末应用句号，不用问号。",
            "改为“。”。",
            SOURCE,
        )


def _estimates(text: str) -> Iterator[Hit]:
    for match in _ESTIMATE.finditer(text):
        a, b = match.group(1), match.group(2)
        if _CN_DIGITS.index(b) - _CN_DIGITS.index(a.replace("两", "二")) != 1:
            continue
        yield Hit(
            match.start(),
            match.end(),
            a + b,
            f"“{a}、{b}”是相邻两数连用表示概数，中间不用顿号。",
            f"改为“{a}{b}”。",
            f"{SOURCE} 4.5.3.5",
        )


# An ellipsis of Chinese text is six dots in two characters (……, 4.11.2): not three full stops of
# the Latin alphabet (...), nor one …, nor three or more of the middle dots an input method offers.
# Two of them (…………) leave out whole lines or paragraphs (4.11.3.6).
_WRONG_ELLIPSIS = re.compile(r"(?<![.…·])(?:\.{3,6}|…{5,}|…{3}|…|·{3,6})(?![.…·])")
_HAN_BESIDE = re.compile(r"[\u4e00-\u9fff，。、；：“”（）]")


def _wrong_ellipses(text: str) -> Iterator[Hit]:
    for match in _WRONG_ELLIPSIS.finditer(text):
        start, end = match.span()
        before, after = text[start - 1 : start], text[end : end + 1]
        if not (_HAN_BESIDE.match(before) or _HAN_BESIDE.match(after)):
            continue  # Latin text or figures (1...n, v2...): not ours to say
        yield Hit(start, end, "……", f"省略号“{match.group()}”写法不对：中文的省略号是“……”（占两个字的位置）。", "改为“……”。", f"{SOURCE} 4.11.2")


# A decimal point typed as a full stop (增长3。5%): the figure goes on after it, with its unit.
_STOP_AS_DECIMAL_POINT = re.compile(r"(?<=[0-9])。(?=[0-9]+(?:%|％|个百分点|[万亿]|倍))")


def _stop_as_decimal_point(text: str) -> Iterator[Hit]:
    for match in _STOP_AS_DECIMAL_POINT.finditer(text):
        yield Hit(match.start(), match.end(), ".", "数字中的小数点写成了句号“。”。", "改为小数点“.”。", "GB/T 15835—2011《出版物上数字用法》")


def _ellipsis_with_deng(text: str) -> Iterator[Hit]:
    for match in _ELLIPSIS_WITH_DENG.finditer(text):
        keep = "等等" if "等等" in match.group() else "等"
        yield Hit(
            match.start(),
            match.end(),
            keep,
            "省略号和“等”不能同时使用。",
            f"删去省略号，只用“{keep}”。",
            f"{SOURCE} 4.11.3.5",
        )


# X，Y、Z: items of one length sharing their last words (问题导向，目标导向、效果导向). Z is read
# to Y's length, whatever follows it (投产率均达到).
_COMMA_THEN_LIST = re.compile(r"([\u4e00-\u9fff]{2,})，([\u4e00-\u9fff]{2,5})、(?=([\u4e00-\u9fff]{2,5}))")
_SHARED_HEAD = 2
# A suffix that makes a noun of what it ends (开工率，入库率、投产率; 达人，能人、贤人), or a unit's
# name (安委办，森防办、防指办): short items
# sharing only it are one list too.
_NOUN_SUFFIXES = frozenset("率量度性人员者值额数办局委处所站观感力")
_SUFFIXED_ITEM = 3
# What follows the third item when 等 closes the list (、津洽会等, 等).
_CLOSED_BY_ETC = re.compile(r"(?:、[\u4e00-\u9fff]{2,3})*等")


def _comma_before_list(text: str) -> Iterator[Hit]:
    """A comma before items that a 顿号 goes on to list, where the words before the comma end in
    an item of the same shape (问题导向，目标导向、效果导向): the three are one list of words, which
    takes 顿号 throughout (4.5.3.1)."""
    for match in _COMMA_THEN_LIST.finditer(text):
        before, second, third = match.groups()
        third = third[: len(second)]
        first = before[-len(second) :]
        shared = min(common_ending(second, third), common_ending(first, second))
        suffixed = len(second) <= _SUFFIXED_ITEM and second[-1] in _NOUN_SUFFIXES
        # Short items closed by 等 that share a character at either end are one list too
        # (进博会，糖酒会、津洽会等; 稳就业，稳企业、稳市场等), not a phrase before the comma.
        closed = len(second) <= _SUFFIXED_ITEM and _CLOSED_BY_ETC.match(text, match.end(2) + 1 + len(third)) is not None
        one_mould = shared or first[0] == second[0] == third[0]
        if (
            len(second) == len(third)
            and len(before) >= len(second)
            and len({first, second, third}) == 3
            and (shared >= _SHARED_HEAD or (shared and suffixed) or (one_mould and closed))
        ):
            at = match.start(2) - 1
            yield Hit(
                at,
                at + 1,
                "、",
                f"“{first}，{second}、{third}”是并列的词语，“{first}”后的逗号应为顿号。",
                "把逗号改为顿号“、”。",
                f"{SOURCE}4.5.3.1",
            )


# 地，县两级: a comma between the one-character names of levels that a count of levels follows
# (市、县两级, 省、市、县三级); published reports write 、 there (9 times, the comma never).
_COMMA_BETWEEN_LEVELS = re.compile(r"(?<=[省市县区乡镇村地州])，(?=(?:[省市县区乡镇村州]、?){1,3}[两二三四五]级)")


# 以排，访、评三步工作法: single characters listed before a count of them (三步, 四个字) take 顿号
# throughout; the first stands after a preposition or a mark.
_COMMA_AMONG_CHARACTERS = re.compile(
    r"(?<=[以按用经由，：“（])[\u4e00-\u9fff](，)[\u4e00-\u9fff]、[\u4e00-\u9fff](?=[一二三四五六七八九十两][步个项字招法])"
)


def _comma_among_characters(text: str) -> Iterator[Hit]:
    for match in _COMMA_AMONG_CHARACTERS.finditer(text):
        yield Hit(
            match.start(1),
            match.end(1),
            "、",
            f"“{match.group()}”是并列的单字，中间用顿号。",
            "把逗号改为顿号“、”。",
            f"{SOURCE} 4.5.3.1",
        )


# 各乡镇，各部门要……: a clause that is only 各 and a noun, then another 各 …: the two are the
# subject of one predicate, items of a list, which takes 顿号 (4.5.3.1); 1.15 million characters
# of published reports never write the comma there.
_EACH_THEN_EACH = re.compile(r"(?:^|(?<=[。！？；：\n]))(?P<first>各[\u4e00-\u9fff]{1,5})(?P<comma>，)(?=各[\u4e00-\u9fff])")


def _comma_between_each(text: str) -> Iterator[Hit]:
    for match in _EACH_THEN_EACH.finditer(text):
        yield Hit(
            match.start("comma"),
            match.end("comma"),
            "、",
            f"“{match['first']}”和后面“各……”是同一句的并列主语，中间用顿号。",
            "把逗号改为顿号“、”。",
            f"{SOURCE} 4.5.3.1",
        )


def _comma_between_levels(text: str) -> Iterator[Hit]:
    for match in _COMMA_BETWEEN_LEVELS.finditer(text):
        yield Hit(
            match.start(),
            match.end(),
            "、",
            f"“{text[match.start() - 1 : match.end() + 1]}”是并列的层级，中间用顿号。",
            "把逗号改为顿号“、”。",
            f"{SOURCE} 4.5.3.1",
        )


# X、Y，Z、W: a comma among words of two characters (or three: 稳就业、稳企业，稳市场、稳预期) that
# 顿号 list on both sides of it.
_COMMA_INSIDE_LIST = re.compile(
    "|".join(
        rf"(?P<x{n}>[\u4e00-\u9fff]{{{n}}})、(?P<y{n}>[\u4e00-\u9fff]{{{n}}})，(?P<z{n}>[\u4e00-\u9fff]{{{n}}})、(?P<w{n}>[\u4e00-\u9fff]{{{n}}})(?=[、，。；等和及“”＂\"])"
        for n in (2, 3)
    )
)


def _shared(one: str, other: str) -> str:
    return one[0] if one[0] == other[0] else one[-1] if one[-1] == other[-1] else ""


# Groups this long on both sides of a comma, as many items in each, are groups of their own.
_GROUP_ITEMS = 3
_GROUP_ENDS = "，。；：！？\n"


def _items_in_group(text: str, comma: int, direction: int) -> int:
    """How many items, separated by 顿号, the group before (-1) or after (1) the comma at
    ``comma`` holds, to the next mark that ends it."""
    at, items = comma + direction, 1
    while 0 <= at < len(text) and text[at] not in _GROUP_ENDS:
        items += text[at] == "、"
        at += direction
    return items


def _comma_inside_list(text: str) -> Iterator[Hit]:
    """创新、宜居，美丽、韧性: one list of words with a comma in it, which takes 顿号 throughout
    (4.5.3.1). Not two lists of their own kinds side by side (绿化、美化、亮化、净化，改路、改水)."""
    for match in _COMMA_INSIDE_LIST.finditer(text):
        n = 2 if match["x2"] else 3
        x, y, z, w = (match[f"{name}{n}"] for name in "xyzw")
        before, after = _shared(x, y), _shared(z, w)
        if before and after and before != after:
            continue
        if n == 3 and not (before and before == after):
            continue  # three characters: only items of one mould (稳就业、稳企业), not phrases
        at = match.start(f"z{n}") - 1
        if _items_in_group(text, at, -1) == _items_in_group(text, at, 1) >= _GROUP_ITEMS:
            continue  # 富强、民主、文明、和谐，自由、平等、公正、法治: groups of a list, as many in each
        yield Hit(
            at,
            at + 1,
            "、",
            f"“{y}，{z}”在顿号列举的词语中间，逗号应为顿号。",
            "把逗号改为顿号“、”。",
            f"{SOURCE}4.5.3.1",
        )


# Units of government listed by one character each (中央、省、市、县), a comma put among them: one list
# (中央，市、区关于…; 省、市，县相关文件). Not a place's own name before it (全县，乡、村).
_UNIT_JOINERS = "、和及"


def _comma_among_units(text: str) -> Iterator[Hit]:
    for at in (match.start() for match in re.finditer("，", text)):
        left, right = text[max(0, at - 3) : at], text[at + 1 : at + 3]
        unit_left = len(left) >= 2 and left[-1] in LEVELS and left[-2] in _UNIT_JOINERS
        if not (left.endswith("中央") or unit_left) or len(right) < 2 or right[0] not in LEVELS:
            continue
        if right[1] not in _UNIT_JOINERS and not (unit_left and len(left) == 3 and left[0] in LEVELS):
            continue  # 中央，市政府: a unit's own office, not the next item
        yield Hit(
            at,
            at + 1,
            "、",
            "并列的“省、市、县”等层级之间用顿号，不用逗号。",
            "把逗号改为顿号“、”。",
            f"{SOURCE} 4.5.3.1",
        )


# Words that only ever open a clause (其中 "of whom", 因此, 但是): never an item of a list, and
# never one of two phrases qualifying a noun either (16.5%、其中跨省务工的农民 → ，其中).
_ONLY_CLAUSE_OPENERS = ("其中", "此外", "因此", "因而", "所以", "然而", "但是")
# Words that open a clause of purpose or consequence (落实工作责任、确保各项任务如期完成): a 顿号
# joins words or phrases of a list, not a clause to the one before it, which takes a comma
# (4.5.3.1). Only where the clause holds no other 顿号 (no list) and the word is no item's start
# too (守住确保粮食安全、确保不发生规模性返贫): published reports write neither such 顿号 once in
# 1.5 million characters. 力争, 努力 are not among them: 增长5%左右、力争更好结果 is their usage.
_CLAUSE_OPENERS = ("确保", "进一步", "从而", "进而", "以便", "并且", "而且", "并", *_ONLY_CLAUSE_OPENERS)
# 并 beginning a word, not joining a clause (兼并、并购; 发电、并网).
_WORDS_OF_BING = frozenset("购网联轨行重入列案发用举存肩进蒂")


def _dunhao_before_clause(text: str) -> Iterator[Hit]:
    for clause in CLAUSE_BETWEEN_MARKS.finditer(text):
        part = clause.group()
        if part.count("、") != 1:
            continue
        before, after = part.split("、")
        opener = next((word for word in _CLAUSE_OPENERS if after.startswith(word)), None)
        if opener is None or opener in before or len(_CJK.findall(before)) < 4:
            continue
        if opener == "并" and after[1:2] in _WORDS_OF_BING:
            continue
        if "的" in after and opener not in _ONLY_CLAUSE_OPENERS:
            continue  # 贯彻全会精神、进一步深化改革的关键一年: two phrases qualifying one noun
        if before.count("“") > before.count("”"):
            continue  # inside a quotation: a slogan's own list (“跑出加速度、确保高质量”)
        at = clause.start() + len(before)
        yield Hit(
            at,
            at + 1,
            "，",
            f"“{opener}”引出的是另一个分句，前面应用逗号，不用顿号。",
            "把顿号改为逗号“，”。",
            f"{SOURCE} 4.5.3.1",
        )


# A 顿号 where a clause begins: before the writer's own subject (面对下行挑战、我们迎难而上) and
# between a figure and how it changed (社会消费品零售总额50.8亿元、同比增长1.2%). A 顿号 lists
# words or phrases; a clause after another takes a comma (4.5.3.1). (After the time a sentence
# opens with, 过去的一年、我们, it is _connective_then_dunhao's.)
_DUNHAO_BEFORE_OUR_SUBJECT = re.compile(r"(?<![我你他她它们])、(?=(?:我们|我县|我市|我区|我镇|我乡|我局|我委|我办|我院|我所|我校|我街道|全县上下|全市上下|全区上下|全镇上下))")
_DUNHAO_BEFORE_CHANGE = re.compile(
    r"(?<=[0-9])(?:%|％|亿元|万元|元|亿|万|万人|人次|人|个|家|户|项|吨|亩|公里|平方米)(、)(?=同比|比上年|较上年|比去年|较去年|环比)"
)


def _dunhao_opening_clause(text: str) -> Iterator[Hit]:
    for pattern in (_DUNHAO_BEFORE_OUR_SUBJECT, _DUNHAO_BEFORE_CHANGE):
        for match in pattern.finditer(text):
            at = match.start(1) if pattern.groups else match.start()
            yield Hit(
                at,
                at + 1,
                "，",
                "顿号只用于并列的词语之间；这里后面是另一个分句，应用逗号。",
                "把顿号改为逗号“，”。",
                f"{SOURCE} 4.5.3.1",
            )


# A phrase that opens the sentence and says where, when or by what the rest is done (在市委的坚强
# 领导下, 按照省委的部署要求): the clause follows it after a comma; a 顿号 there lists nothing
# (4.5.3.1). Not a list of such phrases (在思想上、政治上; 按照中央要求、省委部署).
_OPENING_PHRASE_THEN_DUNHAO = re.compile(
    r"(?:^|(?<=[。；：！？\n]))(?P<phrase>在[^，。；：、！？\n]{4,30}?(?:领导下|带领下|支持下|帮助下|指导下|推动下|基础上|过程中|情况下|背景下|形势下|新征程上)"
    r"|(?:按照|根据|依据|围绕|对照|遵照)[^，。；：、！？\n]{3,30}?(?:要求|部署|精神|目标|原则|安排|规定|任务|指示|思路|方针|批示|意见)"
    # 通过, 为 before a list of means or ends (通过加强监管、完善制度; 为A、B作出贡献): only an effort
    r"|(?:通过|经过)[^，。；：、！？\n]{3,30}?努力)"
    r"(?P<mark>、)(?P<next>[^，。；：！？\n]*)"
)
_OPENING_PHRASE_ENDS = ("下", "上", "中", "要求", "部署", "精神", "目标", "原则", "安排", "规定", "任务", "指示", "思路", "方针", "批示", "意见", "努力")


def _opening_phrase_then_dunhao(text: str) -> Iterator[Hit]:
    for match in _OPENING_PHRASE_THEN_DUNHAO.finditer(text):
        following = re.split(r"[、和及与]", match["next"])[0]
        if following.endswith(_OPENING_PHRASE_ENDS):
            continue  # the phrase is the first of a list (按照中央要求、省委部署，…)
        at = match.start("mark")
        yield Hit(
            at,
            at + 1,
            "，",
            f"“{match['phrase']}”是句首的状语，后面接的是句子的主干，应用逗号，不用顿号。",
            "把顿号改为逗号“，”。",
            f"{SOURCE} 4.5.3.1",
        )


# 经审查，…: the phrase says how the finding came about and the sentence goes on; a colon there
# announces nothing (published text writes the comma 211 times, the colon never).
_COLON_AFTER_HOW = re.compile(r"(?<![\u4e00-\u9fff])经(?:审查|研究|调查|核查|审核|审议|核实|评估|测算|统计|认定)(：)")


# A span of years opening the sentence (五年来), then its subject: the sentence goes on, so a comma
# (published reports: 年来，我们 253 times, 年来： never). 今年以来： may lead a list as a heading does.
_COLON_AFTER_TIME = re.compile(
    r"(?:^|(?<=[。！？；\n]))(?:过去|近)?(?:[一二三四五六七八九十两几]+|[0-9]+)年(?:来|以来)(：)"
    r"(?=我们|全[县市区省镇乡州盟旗]|我[县市区省镇乡州]|在)"
)


# 截至年底, 截止目前: the date a figure is counted to, then the figure; a colon there announces
# nothing — unless a list follows it (截至目前：一是…; 1.…).
_COLON_AFTER_DATE_COUNTED_TO = re.compile(
    r"(?:^|(?<=[。！？；，\n]))(?:截至|截止)到?[^，。；：！？、\n]{1,12}?(?:底|末|目前|现在|日|月|止|前)(：)"
    r"(?![一二三四五六七八九十]是|[一二三四五六七八九十]、|[0-9０-９]+[.．、]|[（(，。；：、]|\n|$)"
)


def _colon_after_time(text: str) -> Iterator[Hit]:
    for match in (*_COLON_AFTER_TIME.finditer(text), *_COLON_AFTER_DATE_COUNTED_TO.finditer(text)):
        yield Hit(
            match.start(1),
            match.end(1),
            "，",
            f"“{match.group()[:-1]}”是句首的时间状语，句子接着往下说，用逗号，不用冒号。",
            "把冒号改为逗号“，”。",
            f"{SOURCE} 4.7",
        )


def _colon_after_how(text: str) -> Iterator[Hit]:
    for match in _COLON_AFTER_HOW.finditer(text):
        yield Hit(
            match.start(1),
            match.end(1),
            "，",
            f"“{match.group()[:-1]}”后句子还要接着说，不是提示下文，用逗号，不用冒号。",
            "把冒号改为逗号“，”。",
            f"{SOURCE} 4.7",
        )


# A sentence that is only the time of what follows (普查工作启动后。先后派……): the sentence goes
# on after it, so a comma (4.5.1: 句号 ends a sentence said in full).
_TIME_CLAUSE_STOPPED = re.compile(
    r"(?:^|(?<=[。！？]))(?P<clause>[^，。；：！？、“”（）\n]{3,20}?(?:之后|以后|后))(?P<stop>。)(?=[\u4e00-\u9fff])"
)


def time_clause_stopped(text: str, lexicon: Lexicon) -> list[Hit]:
    """A full stop after a clause of time ending in 后 that jieba reads as its own word (启动|后),
    not the end of a word (工作滞后, 最后, 今后)."""
    hits = []
    for match in _TIME_CLAUSE_STOPPED.finditer(text):
        clause = match["clause"]
        if lexicon.words(clause)[-1] not in ("后", "之后", "以后"):
            continue
        hits.append(
            Hit(
                match.start("stop"),
                match.end("stop"),
                "，",
                f"“{clause}”只说了时间，句子还没说完，应用逗号，不用句号。",
                "把句号改为逗号“，”。",
                f"{SOURCE} 4.5.1",
            )
        )
    return hits


# The mark before each item of an enumeration (一是……；二是……；三是……) within one sentence:
# items are set off alike, so a comma among semicolons (or a semicolon among commas) is a slip.
# Published reports never mix them (2.3 million characters: 15 such sentences, each uniform).
_ENUMERATED_ITEM = re.compile(r"([，；])(?=[二三四五六七八九十]是|第[二三四五六七八九十][，、是]|其[二三四五六七八九十][，、是])")
_FIRST_ITEM = re.compile(r"一是|第一[，、是]|其一[，、是]")
_SENTENCE_OF_ITEMS = re.compile(r"[^。！？\n]+")


def _enumeration_marks_mixed(text: str) -> Iterator[Hit]:
    for sentence in _SENTENCE_OF_ITEMS.finditer(text):
        if not _FIRST_ITEM.search(sentence.group()):
            continue
        marks = [(sentence.start() + m.start(), m.group(1)) for m in _ENUMERATED_ITEM.finditer(sentence.group())]
        semicolons = sum(mark == "；" for _, mark in marks)
        if marks and semicolons == 0:
            yield from _items_holding_commas(text, sentence.start() + _FIRST_ITEM.search(sentence.group()).start(), marks)
            continue
        if not marks or semicolons == len(marks):
            continue
        # The odd one out; with as many of each, the comma (semicolons part items that hold commas).
        odd = "，" if semicolons >= len(marks) - semicolons else "；"
        usual = "；" if odd == "，" else "，"
        for at, mark in marks:
            if mark == odd:
                yield Hit(
                    at,
                    at + 1,
                    usual,
                    f"列举的各项（一是……二是……）之间的标点应当一致：这里其他各项之间用“{usual}”。",
                    f"改为“{usual}”。",
                    f"{SOURCE} 4.6.3",
                )


def _items_holding_commas(text: str, first: int, marks: list[tuple[int, str]]) -> Iterator[Hit]:
    """Items set off by commas where an item holds commas of its own (一是……，推动……，二是……):
    the items are the sentence's first level, and are set off by semicolons (4.6.3)."""
    starts = [first] + [at + 1 for at, _ in marks[:-1]]  # each item up to the mark after it
    ends = [at for at, _ in marks]
    if not any("，" in text[start:end] for start, end in zip(starts, ends, strict=True)):
        return
    for at, _ in marks:
        yield Hit(
            at,
            at + 1,
            "；",
            "列举的各项（一是……二是……）中已有逗号，各项之间应用分号隔开。",
            "改为“；”。",
            f"{SOURCE} 4.6.3",
        )


# Items numbered 一、二、 inside a sentence (报告分两个部分：一、工作回顾；二、今年安排): they are set
# off by semicolons (4.6.3), where a comma before 二、 runs them into one clause. Not a list of
# ranks (一等奖1个，二、三等奖各2个: a numeral follows 二、), nor a heading's 一、 at the paragraph's start.
_INLINE_FIRST_ITEM = re.compile(r"[：:]一、(?![一二三四五六七八九十])")
_COMMA_BEFORE_ITEM = re.compile(r"，(?=[二三四五六七八九十]、(?![一二三四五六七八九十]))")


def _comma_between_numbered_items(text: str) -> Iterator[Hit]:
    for sentence in _SENTENCE_OF_ITEMS.finditer(text):
        first = _INLINE_FIRST_ITEM.search(sentence.group())
        if first is None:
            continue
        for comma in _COMMA_BEFORE_ITEM.finditer(sentence.group(), first.end()):
            at = sentence.start() + comma.start()
            yield Hit(
                at,
                at + 1,
                "；",
                "句中分项列举的各项（一、……二、……）之间用分号。",
                "改为“；”。",
                f"{SOURCE} 4.6.3",
            )


# 以 A、B 为重点: the items of the frame 以……为 are listed with 顿号; a comma there cuts the frame
# in two (以毕业回村学生，青年致富能手为重点). Not two frames (以项目为支撑，以市场为取向).
_COMMA_INSIDE_YI_WEI = re.compile(
    r"(?<![\u4e00-\u9fff])以(?P<first>[^，。；：！？、以为\n]{2,12})(?P<mark>，)(?P<second>[^，。；：！？以为\n]{2,12})为"
    r"(?:重点|主体|核心|主线|抓手|载体|依托|突破口|切入点|龙头|主攻方向|对象)"
)


def _comma_inside_yi_wei(text: str) -> Iterator[Hit]:
    for match in _COMMA_INSIDE_YI_WEI.finditer(text):
        yield Hit(
            match.start("mark"),
            match.end("mark"),
            "、",
            f"“以{match['first']}，{match['second']}为……”中，“以……为”之间是并列的几项，用顿号，不用逗号。",
            "把逗号改为顿号“、”。",
            f"{SOURCE} 4.5.3.1",
        )


# Clauses of one mould, one after another (向……要控制力，向……要战斗力，……; 增强了……，增强了……):
# they open with the same two characters, or the same one and end with the same one. Parted by
# commas but for one semicolon, or by semicolons but for one comma, the odd mark is a slip: the
# series takes one mark throughout (4.6.3.1).
_CLAUSE_SEPARATORS = re.compile(r"[，；]")
_SERIES_CLAUSES = 4  # three marks between them: two of one kind show the series' mark


def _moulded_clauses(one: str, other: str) -> bool:
    opening, ending = common_ending(one[::-1], other[::-1]), common_ending(one, other)
    opening = next((at for at in range(opening) if not _CJK.match(one[at])), opening)
    ending = next((at for at in range(ending) if not _CJK.match(one[-1 - at])), ending)
    return opening >= 2 or (opening >= 1 and ending >= 1)


def _odd_mark_in_series(text: str) -> Iterator[Hit]:
    for sentence in re.finditer(r"[^。！？\n]+", text):
        marks = list(_CLAUSE_SEPARATORS.finditer(sentence.group()))
        bounds = [0, *(mark.end() for mark in marks)]
        clauses = [sentence.group()[start : (marks[k].start() if k < len(marks) else None)] for k, start in enumerate(bounds)]
        first = 0
        while first < len(clauses):
            last = first + 1
            while last < len(clauses) and _moulded_clauses(clauses[first], clauses[last]):
                last += 1
            between = marks[first : last - 1]
            counted = Counter(mark.group() for mark in between)
            if last - first >= _SERIES_CLAUSES and len(counted) == 2 and min(counted.values()) == 1:
                odd = min(counted, key=lambda mark: counted[mark])
                usual = max(counted, key=lambda mark: counted[mark])
                # Not the first or the last: a series may open or close with a clause of its own
                # weight (……；进一步加大投入力度，进一步促进医院发展，为……).
                for mark in between[1:-1]:
                    if mark.group() == odd:
                        at = sentence.start() + mark.start()
                        yield Hit(
                            at,
                            at + 1,
                            usual,
                            f"这几个分句结构相同、一气排列，其间都用“{usual}”，这里的“{odd}”与它们不一致。",
                            f"把“{odd}”改为“{usual}”。",
                            f"{SOURCE} 4.6.3.1",
                        )
            first = max(last, first + 1)


# Levels listed in brackets after the first (县（市、区）, 乡（镇、街道）): a fixed way of naming
# them all, with 顿号 between (4.5.3.1); a comma there is a slip.
_LEVEL = r"(?:[省市县区乡镇村旗州盟]|街道|社区|自治区|自治州|自治县)"
_LEVELS_IN_BRACKETS = re.compile(rf"(?<=[（(]){_LEVEL}(?:[、，]{_LEVEL})+(?=[）)])")


def _comma_among_levels_in_brackets(text: str) -> Iterator[Hit]:
    for match in _LEVELS_IN_BRACKETS.finditer(text):
        for comma in re.finditer("，", match.group()):
            at = match.start() + comma.start()
            yield Hit(
                at,
                at + 1,
                "、",
                f"括号里并列的各级（{match.group()}）之间用顿号。",
                "把逗号改为顿号“、”。",
                f"{SOURCE} 4.5.3.1",
            )


def find_mark_slips(text: str) -> list[Hit]:
    hits = [
        *_colon_after_how(text),
        *_colon_after_time(text),
        *_comma_inside_yi_wei(text),
        *dunhao_in_mixed_quoted_list(text),
        *unmarked_titles(text),
        *_comma_inside_list(text),
        *_comma_before_list(text),
        *_comma_between_levels(text),
        *_comma_among_units(text),
        *_comma_between_each(text),
        *_comma_among_characters(text),
        *quoted_titles(text),
        *names_in_title_marks(text),
        *_enumeration_marks_mixed(text),
        *_comma_between_numbered_items(text),
        *kind_outside_title(text),
        *nested_marks(text),
        *single_closed_by_double(text),
        *after_quotation(text),
        *stop_inside_term(text),
        *_dunhao_before_clause(text),
        *_opening_phrase_then_dunhao(text),
        *_dunhao_opening_clause(text),
        *_ellipsis_with_deng(text),
        *_wrong_ellipses(text),
        *_stop_as_decimal_point(text),
        *_estimates(text),
        *straight_quotes(text),
        *_before_closer(text),
        *_stop_inside_note(text),
        *_paragraph_left_open(text),
        *before_closing_quote(text),
        *_connective_then_dunhao(text),
        *_dunhao_before_deng(text),
        *_semicolon_after_shi(text),
        *_dunhao_before_summing(text),
        *_bracketed_number_then_dunhao(text),
        *_bare_ordinal_then_comma(text),
        *_statement_asked(text),
        *_question_stopped(text),
        *_figure_then_change(text),
        *_plan_years_listed(text),
        *_figures_listed_with_a_comma(text),
        *_colon_after_figure(text),
        *_comma_in_quoted_series(text),
        *_odd_mark_in_series(text),
        *_comma_among_levels_in_brackets(text),
        *_clashes(text),
    ]
    return drop_overlaps(hits)
