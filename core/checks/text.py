"""Checks of the wording: placeholders, punctuation, pairs, doubled characters, long sentences, emoji,
and characters an import could not read."""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.checks.base import SEVERITY_ERROR, CheckContext, Finding, register
from core.proofread.quote_title_marks import nested_double_quotes, single_quotes_closed_by_double
from core.reuse.flags import FLAG_KIND_LABELS, PLACEHOLDER
from core.text.detectors import find_placeholders
from core.text.textslots import Slot

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"


@register("placeholder", FLAG_KIND_LABELS[PLACEHOLDER], SEVERITY_ERROR)  # the same rule as the 待核实 flag
def check_placeholders(ctx: CheckContext) -> Iterator[Finding]:
    """xx, XX, X, ××, **, ○○ left in the text, and unrendered {{ }} / {% %}."""
    for slot in ctx.slots:
        for hit in find_placeholders(slot.text):
            if hit.text[0] in "{}%":
                message = f"未替换的模板标记“{hit.text}”。"
                suggestion = "删去模板标记，填入实际内容。"
            else:
                message = f"残留占位符“{hit.text}”。"
                suggestion = "填写实际的名称、数字或日期，或删去。"
            yield ctx.finding("placeholder", slot, hit.start, hit.end, message, suggestion)


_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
_ZH_LEFT = f"{_CJK}”’）》」】"  # Chinese text, or a Chinese mark that closes something
_ZH_RIGHT = f"{_CJK}“‘（《「【"
_ALNUM = "A-Za-z0-9%％"
# A half-width mark with Chinese on at least one side: "学习,提升", "完成100项,提升",
# "时间:2023年", "问题?" at the end. Not inside numbers or Latin text ("3,000", "a, b",
# "Windows: XP"); at the end of a paragraph, after Chinese or a percentage ("完成13 个;",
# "群众满意.", "同比增长6%.").
# Inside a paragraph the full stop needs Chinese on both sides: "." also ends abbreviations
# and sits in numbers (2.0版).
_HALF_PUNCT_RE = re.compile(
    rf"(?<=[{_ZH_LEFT}])[,;:?!](?=\s?[{_ZH_RIGHT}{_ALNUM}])"
    rf"|(?<=[{_ALNUM}])[,;:?!](?=\s?[{_ZH_RIGHT}])"
    rf"|(?<=[{_ZH_LEFT}%％])[,;:?!.](?=\s*$)"
    rf"|(?<=[{_CJK}])\.(?=[{_CJK}])"
)
_HALF_PAREN_RE = re.compile(rf"\(([^()]*[{_CJK}][^()]*)\)")
# Brackets around Latin letters or figures alone (QFLP, R&D), full-width and, after Chinese, half-width.
_FULL_LATIN_PAREN = re.compile(r"（[A-Za-z0-9&+\-./ ]+）")
_HALF_LATIN_PAREN = re.compile(rf"(?<=[{_CJK}])\(([A-Za-z0-9&+\-./ ]+)\)")
# A pair typed half in half-width, half in full-width: 模具(三期）, 的"助推器”.
_MIXED_PAIRS = (
    (re.compile(rf"\(([^()（）\n]*[{_CJK}][^()（）\n]*)）"), "（", "）", "括号"),
    (re.compile(rf"（([^()（）\n]*[{_CJK}][^()（）\n]*)\)"), "（", "）", "括号"),
    (re.compile(rf'"([^"“”\n]*[{_CJK}][^"“”\n]*)”'), "“", "”", "引号"),
    (re.compile(rf'“([^"“”\n]*[{_CJK}][^"“”\n]*)"'), "“", "”", "引号"),
)


def _mixed_pairs(text: str) -> Iterator[tuple[re.Match[str], str, str, str]]:
    for pattern, opener, closer, name in _MIXED_PAIRS:
        for match in pattern.finditer(text):
            yield match, opener, closer, name


@register("halfwidth_punct", "半角标点")
def check_halfwidth_punctuation(ctx: CheckContext) -> Iterator[Finding]:
    """, ; : ? ! . and ( ) inside Chinese text, where 公文 uses full-width marks."""
    for slot in ctx.slots:
        for m in _HALF_PUNCT_RE.finditer(slot.text):
            mark = m.group()
            yield ctx.finding(
                "halfwidth_punct",
                slot,
                m.start(),
                m.end(),
                f"中文中使用了半角标点“{mark}”。",
                f"改为全角“{_FULL_WIDTH[mark]}”。",
                fix=_FULL_WIDTH[mark],
            )
        for m in _HALF_PAREN_RE.finditer(slot.text):
            yield ctx.finding(
                "halfwidth_punct",
                slot,
                m.start(),
                m.end(),
                "中文中使用了半角括号“( )”。",
                f"改为全角括号：“（{m.group(1)}）”。",
                fix=f"（{m.group(1)}）",
            )
        if _FULL_LATIN_PAREN.search(slot.text):
            # (R&D) after Chinese is common in published text, but not beside （QDLP） in one paragraph
            for m in _HALF_LATIN_PAREN.finditer(slot.text):
                yield ctx.finding(
                    "halfwidth_punct",
                    slot,
                    m.start(),
                    m.end(),
                    "同一段里别处用的是全角括号，这对半角括号“( )”前后不一致。",
                    f"改为全角括号：“（{m.group(1)}）”。",
                    fix=f"（{m.group(1)}）",
                )
        for m, opener, closer, name in _mixed_pairs(slot.text):
            fixed = f"{opener}{m.group(1)}{closer}"
            yield ctx.finding(
                "halfwidth_punct",
                slot,
                m.start(),
                m.end(),
                f"这对{name}一个是半角、一个是全角。",
                f"改为全角{name}：{fixed}。",
                fix=fixed,
            )


_PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "【": "】"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
_QUOTES = {"“", "‘"}  # quotes of one kind do not nest; a second “ is a mistyped ”
_PAIR_NAMES = {"“": "引号", "‘": "单引号", "（": "括号", "《": "书名号", "【": "方括号"}


_HALF_PAIR = re.compile(r"\(([^()\n]*)\)")
# A closing bracket alone after an item's number at an item's start (1）, a）, 十）): a list marker.
_ITEM_NUMBER = re.compile(r"(?:^|(?<=[：:；;。\s]))(?:[0-9]{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})）$")
_CJK_CHARACTER = re.compile(f"[{_CJK}]")


def _lone_half_brackets(text: str) -> str:
    """``text`` with a half-width bracket that has no partner turned full-width where it opens
    or closes Chinese (“(一围绕……” lacks its closing one): half-width pairs, (2005年价) or (R&D),
    are the 半角标点 check's, and a closing one after a figure numbers a list (1) 2))."""
    masked = text
    while True:  # blank out the pairs, innermost first, keeping every offset
        unpaired = _HALF_PAIR.sub(lambda m: f" {m.group(1)} ", masked)
        if unpaired == masked:
            break
        masked = unpaired
    characters = list(text)
    for at, mark in enumerate(masked):
        if mark == "(" and _CJK_CHARACTER.match(text, at + 1):
            characters[at] = "（"
        elif mark == ")" and at > 0 and _CJK_CHARACTER.match(text, at - 1):
            characters[at] = "）"
    return "".join(characters)


def _unpaired(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, mark, problem) for marks without their partner; problem is open, close,
    twice (a second opening quote where the closing one belongs) or unclosed (an opening quote
    whose closing one is missing before the next quotation, marked from it to that quotation)."""
    # A pair typed half in half-width counts as its full-width pair here (the 半角标点 check
    # names it); properly nested double quotes pair like brackets (marks names the inner ones).
    for match, opener, closer, _ in _mixed_pairs(text):
        text = f"{text[: match.start()]}{opener}{match.group(1)}{closer}{text[match.end() :]}"
    for match in single_quotes_closed_by_double(text):  # marks names it: ‘…” read as ‘…’
        text = f"{text[: match.end() - 1]}’{text[match.end() :]}"
    text = _lone_half_brackets(text)
    nesting = bool(nested_double_quotes(text))
    stacks: dict[str, list[int]] = {open_: [] for open_ in _PAIRS}
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            if ch in _QUOTES and stacks[ch] and not (nesting and ch == "“"):
                closer = text.find(_PAIRS[ch], i + 1)
                following = text.find(ch, i + 1)
                if closer != -1 and (following == -1 or closer < following):
                    # “三大改造企业43家，上市“新四板”: the second quotation closes, so the
                    # first lacks its closing quote somewhere before it.
                    first = stacks[ch].pop()
                    yield first, i, ch, "unclosed"
                    stacks[ch].append(i)
                else:
                    yield i, i + 1, ch, "twice"
                    stacks[ch].pop()  # read it as the missing closing quote
            else:
                stacks[ch].append(i)
        elif ch in _CLOSERS:
            opener = _CLOSERS[ch]
            if stacks[opener]:
                stacks[opener].pop()
            elif ch == "）" and _ITEM_NUMBER.search(text, 0, i + 1):
                continue  # ：1）运用……: the closing half alone numbers an item, as 1) does
            else:
                yield _missing_opener_from(text, i), i + 1, ch, "close"
    for opener, positions in stacks.items():
        for i in positions:
            yield i, _missing_closer_by(text, i, opener), opener, "open"


# Where the closing mark of a title or a quotation is missing at the latest: the next mark that ends
# a phrase or closes an outer pair (《…反对浪费的决定，“三公”…: before the comma). A bracket's note
# often runs on past commas (（微信公众号公布457条，政府网站公布4条）): its closing mark is
# missing before the sentence ends at the latest.
_PHRASE_END = re.compile("[，。；：！？》）”]")
_SENTENCE_END = re.compile("[。；！？》”]")
# Half of a quoted couplet: three to eight Han characters (民之所盼, 划分收支).
_COUPLET_HALF = re.compile(r"[\u4e00-\u9fff]{3,8}")
# Where the opening mark of a lone closing one is missing at the earliest: right after the last
# mark that ends a phrase or an item, or opens or closes another pair (审议了……报告》: after the
# comma before 审议).
_PHRASE_BOUNDARY = re.compile("[，。；：！？、“”《》（）]")


def _missing_closer_by(text: str, start: int, opener: str) -> int:
    """The end of the stretch to mark for an opening mark left open: through the mark its closing
    one should have come before — for a bracket or a 书名号 at the latest, for a quotation most
    likely (one may span commas, but the terms a report quotes seldom do)."""
    ends = _SENTENCE_END if opener in ("（", "【") else _PHRASE_END
    found = ends.search(text, start + 1)
    while found is not None and found.group() in _CLOSERS and _opened_between(text, start + 1, found.start(), _CLOSERS[found.group()]):
        found = ends.search(text, found.end())  # 《…纲要（草案），: the bracket inside the title closes itself
    if found is None:
        return len(text)
    if opener in _QUOTES and found.group() == "，":
        # A couplet quoted whole (“民之所盼，政之所向”的理念): a second phrase as long as the
        # first, then 的 or a mark, is the rest of the quotation.
        first = text[start + 1 : found.start()]
        second_end = found.end() + len(first)
        if (
            _COUPLET_HALF.fullmatch(first)
            and _COUPLET_HALF.fullmatch(text[found.end() : second_end])
            and (second_end == len(text) or text[second_end] == "的" or _PHRASE_END.match(text, second_end))
        ):
            return second_end
    return found.end()


def _opened_between(text: str, start: int, end: int, opener: str) -> bool:
    """Is a pair opened in ``text[start:end]`` still open at ``end`` (its closing mark comes next)?"""
    stretch = text[start:end]
    return stretch.count(opener) > stretch.count(_PAIRS[opener])


def _missing_opener_from(text: str, closer_at: int) -> int:
    """The start of the stretch to mark for a closing mark without its opening one: the stretch
    where the opening mark belongs, back to the last phrase boundary (the clerk sees where to put it)."""
    boundaries = [m.end() for m in _PHRASE_BOUNDARY.finditer(text, 0, closer_at)]
    return boundaries[-1] if boundaries else 0


# A paragraph that stops without one of these stops mid-sentence: the text was broken into lines.
_PARAGRAPH_ENDS = tuple("。！？；：…”’）》」』")


def _continued(slots: list[Slot], unpaired: list[list[tuple[int, int, int, str, str]]]) -> set[tuple[int, int]]:
    """(slot, offset) of the marks whose pair is in the next paragraph: a quotation over several
    paragraphs opens each and closes the last (GB/T 15834 4.8.3), and a sentence broken into lines
    (“强基础、提能力、优服 | 务、促发展”) closes on the next line what it opened."""
    skipped: set[tuple[int, int]] = set()
    for k in range(len(slots) - 1):
        this, following = slots[k], slots[k + 1]
        if (this.section_id, this.field, this.cell, this.index + 1) != (following.section_id, following.field, following.cell, following.index):
            continue
        opened = [(offset, mark) for _, offset, _, mark, problem in unpaired[k] if problem == "open"]
        if not opened:
            continue
        offset, mark = opened[-1]
        if mark == "“" and following.text.startswith("“"):
            skipped.add((k, offset))  # the next paragraph of the same quotation opens again
            continue
        closed = [(at, closer) for _, at, end, closer, problem in unpaired[k + 1] if problem == "close"]
        if closed and closed[0][1] == _PAIRS[mark] and not this.text.rstrip().endswith(_PARAGRAPH_ENDS):
            skipped |= {(k, offset), (k + 1, closed[0][0])}
    return skipped


@register("unpaired", "符号不成对", SEVERITY_ERROR)
def check_unpaired(ctx: CheckContext) -> Iterator[Finding]:
    """“ without ”, （ without ）, 《 without 》 … within one paragraph, or the next one where the
    paragraph stops mid-sentence or a quotation runs on."""
    slots = list(ctx.slots)
    unpaired = [
        [(line_start, line_start + offset, end, mark, problem) for line_start, line in _lines(slot.text) for offset, end, mark, problem in sorted(_unpaired(line))]
        for slot in slots
    ]
    skipped = _continued(slots, unpaired)
    for k, slot in enumerate(slots):
        lines = dict(_lines(slot.text))
        for line_start, at, end, mark, problem in unpaired[k]:
            if (k, at) in skipped:
                continue
            line, offset = lines[line_start], at - line_start
            name = _PAIR_NAMES.get(mark) or _PAIR_NAMES[_CLOSERS[mark]]
            written = line[end - 1] if problem == "close" else line[offset]  # ( read as （
            if problem == "twice":
                message = f"连续两个前{name}“{mark}”，后一个可能应为“{_PAIRS[mark]}”。"
                suggestion = f"把这个“{mark}”改为“{_PAIRS[mark]}”。"
            elif problem == "unclosed":
                message = f"前{name}「{mark}」后面直到下一处{name}都没有后{name}「{_PAIRS[mark]}」。"
                suggestion = f"在这段里{name}内容结束处补上后{name}「{_PAIRS[mark]}」。"
            elif problem == "open":
                # The marks go in 「」, not “”: “““” or （（） would be unreadable.
                message = f"有前{name}「{written}」而没有后{name}「{_PAIRS[mark]}」。"
                if end - offset > 1:
                    where = f"「{line[end - 1]}」之前" if _PHRASE_END.match(line[end - 1]) else "标出的这段末尾"
                    message = f"前{name}「{written}」后面没有后{name}「{_PAIRS[mark]}」，应在{where}补上。"
                    if mark in _QUOTES:
                        message = f"前{name}「{mark}」后面没有后{name}「{_PAIRS[mark]}」，应在引用的内容结束处（多在{where}）补上。"
                suggestion = f"在{name}内容结束处补上后{name}「{_PAIRS[mark]}」，或删去多余的前{name}。"
            else:
                opener = _CLOSERS[mark]
                message = f"有后{name}「{written}」而前面没有前{name}「{opener}」。"
                if end - offset > 1:
                    message = f"后{name}「{written}」前面没有前{name}「{opener}」，应在标出的这段里{name}内容开始处补上。"
                suggestion = f"补上前{name}「{opener}」，或删去多余的后{name}。"
            yield ctx.finding("unpaired", slot, at, line_start + end, message, suggestion)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


# Function words that are never doubled in correct prose, with the neighbours that make a
# doubled pair legitimate: 目的的 (目的 + 的), 的的确确, 为了了解 (了解), 不了了之, 现在在, 在在线 (在 + 在线),
# 实实在在, 温和和, 和和美美, 以及及时.
_DOUBLED_OK: dict[str, tuple[str, str]] = {
    "的": ("目标", "确士"),
    "了": ("", "解然结却断如之事"),
    "在": ("现存所实自潜内外旨志泛", "线"),
    "和": ("平温柔缓祥谐饱暖随调附总共讲求保", "美气睦谐平善蔼煦声约解"),
    "与": ("参给赋授施干相", "否会其"),
    "及": ("以涉普危波顾提不来触遍惠可未难企", "时格早第"),
}
# ... unless the character before belongs to a word of its own: 目标的的 is 目标 + 的的, not
# 标的 + 的 (合同标的的金额); 项目的的 is 项目 + 的的, not 目的 + 的.
_WORDS_ENDING_IN = {"标": "目指坐商路锦达夺竞投招中", "目": "项题科节栏条书数盲名剧曲醒瞩注夺耳面"}
_DOUBLED_RE = re.compile("(" + "|".join(_DOUBLED_OK) + r")\1")
_DOUBLED_PUNCT_RE = re.compile(r"([，。、；：！？])\1+")


@register("repeated_char", "重复字词")
def check_repeated(ctx: CheckContext) -> Iterator[Finding]:
    """的的, 了了, ，， — but not 的的确确, 为了了解, 不了了之, 实实在在, 常常, 人人."""
    for slot in ctx.slots:
        text = slot.text
        for m in _DOUBLED_RE.finditer(text):
            char = m.group(1)
            ok_before, ok_after = _DOUBLED_OK[char]
            before = text[m.start() - 1] if m.start() > 0 else ""
            after = text[m.end()] if m.end() < len(text) else ""
            earlier = text[m.start() - 2] if m.start() > 1 else ""
            taken = bool(earlier) and earlier in _WORDS_ENDING_IN.get(before, "")
            if (before and before in ok_before and not taken) or (after and after in ok_after):
                continue
            yield ctx.finding(
                "repeated_char", slot, m.start(), m.end(), f"“{char}”字重复。", f"删去一个“{char}”。", fix=char
            )
        for m in _DOUBLED_PUNCT_RE.finditer(text):
            mark = m.group(1)
            yield ctx.finding(
                "repeated_char", slot, m.start(), m.end(), f"标点“{mark}”重复。", f"只保留一个“{mark}”。", fix=mark
            )


MAX_SENTENCE = 150
_SENTENCE_END_RE = re.compile(r"[。！？；!?;]+[”’）》」]*|\n")


@register("long_sentence", "句子过长")
def check_long_sentences(ctx: CheckContext) -> Iterator[Finding]:
    """Sentences (up to 。！？ or ；) longer than 150 characters, spaces not counted."""
    for slot in ctx.slots:
        start = 0
        text = slot.text
        ends = [m.end() for m in _SENTENCE_END_RE.finditer(text)]
        for end in [*ends, len(text)]:
            sentence = text[start:end]
            length = len("".join(sentence.split()))
            if length > MAX_SENTENCE:
                lead = len(sentence) - len(sentence.lstrip())
                yield ctx.finding(
                    "long_sentence",
                    slot,
                    start + lead,
                    end,
                    f"句子过长（{length}字），不易读懂。",
                    f"在适当处断句，拆成几个短句（每句不超过{MAX_SENTENCE}字）。",
                )
            start = end


# Pictographs (U+1F000–1FAFF: emoji, flags, skin tones) and the older symbols that only a
# following VS16 turns into emoji (☀️, ✈️), with keycaps and ZWJ sequences as one hit. ★, ✓
# and ① without VS16 are ordinary text symbols and stay.
_PICTOGRAPH = "[\U0001F000-\U0001FAFF]|[\u2600-\u27BF]\uFE0F"
_EMOJI_RE = re.compile(
    rf"(?:{_PICTOGRAPH}|[0-9#*]\uFE0F?\u20E3)(?:[\uFE0F\U0001F3FB-\U0001F3FF]|\u200D(?:{_PICTOGRAPH}|[\u2600-\u27BF]))*"
)


@register("emoji", "表情符号")
def check_emoji(ctx: CheckContext) -> Iterator[Finding]:
    """Emoji pasted from a chat: a 公文 has none, and Word or WPS may print them as boxes."""
    for slot in ctx.slots:
        for m in _EMOJI_RE.finditer(slot.text):
            yield ctx.finding(
                "emoji",
                slot,
                m.start(),
                m.end(),
                f"“{m.group()}”是表情符号，公文中不使用，打印时可能显示为方框。",
                "删去表情符号，需要时改用文字表述。",
                fix="",
            )


@register("unreadable_char", "无法识别的字符", SEVERITY_ERROR)
def check_unreadable_characters(ctx: CheckContext) -> Iterator[Finding]:
    """U+FFFD where an imported file had damaged bytes (core.importing.readers.text)."""
    for slot in ctx.slots:
        for m in re.finditer("\ufffd+", slot.text):
            yield ctx.finding(
                "unreadable_char",
                slot,
                m.start(),
                m.end(),
                "这里有导入时无法识别的字符“�”（原文件此处的字节已损坏）。",
                "对照原文件补上这里的文字，再删去“�”。",
            )
