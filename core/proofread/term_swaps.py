"""A word of a fixed term put for a like one (乡村复兴战略 for 乡村振兴战略, 整体国家安全观, 新型
生产力, 长江经济圈, 亲清 written 清亲), one of the 规范表述 rules of :mod:`core.proofread.formulations`.

The terms: formulations.toml's ``core_terms`` and the office's (strategies, regions, programmes
whose every word is fixed: 乡村振兴战略, 新质生产力, 西部大开发) — not every canonical formulation,
for many are patterns the reports fill on purpose (公共文化/卫生服务体系). Each is cut into the
dictionary's words of one to three characters (:func:`_words`); a span of the draft that is the term
but for one word is flagged when the word written

* is the right one reversed (清亲政商关系), or the right one with one character changed (复兴/振兴,
  整体/总体, 经济圈/经济带: a writer recalling the term loosely keeps the rest of the word), or
  stands inside a term whose other words are seven characters or more (一体化保护和综合治理: so much
  fixed around it leaves no other reading) — not at its ends, where another word makes another
  phrase as often (党风廉政建设和反腐败工作, 统筹高质量发展和高水平保护);
* is a word of the dictionary, of as many characters, and no change of number (三个/四个) or of
  administrative level (省委/市委), which make other names, nor one place's name for another
  (长江|经济带: 珠江—西江 or 雅江经济带 is another; jieba tags everyday words such as 公正 as names too);
* the span begins and ends on the draft's own word edges (国家级|高新技术企业 is no 国家级新区);
* and the span is no formulation of its own.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from core.proofread import data
from core.proofread.hits import HAN_RUN, Hit
from core.proofread.loose_pairs import WIDE_LEVELS

# Other words of the term this long (Han characters) fix the one between them whatever it is (six
# leave 社会主义|历史|阶段 of the 1970s reports, no slip of 社会主义初级阶段).
MIN_FIXED_AROUND = 7
# Other words of the term at least this long: fewer fix nothing (新质|生产力 leaves 3).
MIN_REST = 3
_NUMBERS_AND_LEVELS = frozenset("〇一二三四五六七八九十百千万两双第") | WIDE_LEVELS
# Characters no word of a term is swapped for: a particle or a joiner makes a phrase, not a slip.
_FUNCTION = frozenset("的了地得着之和与及或等在是为于以也都还又并而其")
SOURCE = "党的二十大报告、历年政府工作报告中的固定提法"
# Battles a campaign is spoken of as (打响乡村振兴战役): a figure of speech put for the term's head.
_BATTLES = frozenset({"战斗", "战役", "硬仗", "攻坚战", "保卫战", "阻击战", "总体战", "持久战"})


@dataclass(frozen=True)
class Slot:
    """One word of a term: the term, the word's place in it, and what stands before and after."""

    term: str
    start: int
    end: int

    @property
    def word(self) -> str:
        return self.term[self.start : self.end]

    @property
    def before(self) -> str:
        return self.term[: self.start]

    @property
    def after(self) -> str:
        return self.term[self.end :]

    @property
    def inside(self) -> bool:
        return self.start > 0 and self.end < len(self.term)


# Words of a term as the slots are cut: no longer, or a term kept whole in our dictionary (乡村振兴
# 战略) would be one slot.
_LONGEST_WORD = 3


def _words(term: str) -> list[tuple[int, int]]:
    """The spans of the term's words: the most probable cut into dictionary words of one to three
    characters, with characters left alone side by side joined (新|质 → 新质, 亲|清 → 亲清: a word
    the dictionary lacks)."""
    from core.text import language

    dictionary = language.dictionary()
    total = dictionary.total
    best: list[tuple[float, int]] = [(0.0, 0)] + [(-math.inf, 0)] * len(term)
    for end in range(1, len(term) + 1):
        for size in range(1, min(_LONGEST_WORD, end) + 1):
            seen = dictionary.frequency(term[end - size : end])
            if size > 1 and not seen:
                continue
            score = best[end - size][0] + math.log((seen + 1) / total)
            if score > best[end][0]:
                best[end] = (score, end - size)
    cuts: list[tuple[int, int]] = []
    end = len(term)
    while end > 0:
        start = best[end][1]
        cuts.append((start, end))
        end = start
    cuts.reverse()
    spans: list[tuple[int, int]] = []
    for start, end in cuts:
        if spans and end - start == 1 and spans[-1][1] - spans[-1][0] == 1 and HAN_RUN.fullmatch(term[start:end] + term[spans[-1][0]]):
            spans[-1] = (spans[-1][0], end)  # 新|质: joined, once
        else:
            spans.append((start, end))
    return spans


def slots() -> tuple[Slot, ...]:
    """Every swappable word of every term, the shipped ones and the office's, as now read."""
    return _slots_of(data.core_terms())


@cache
def _slots_of(terms: frozenset[str]) -> tuple[Slot, ...]:
    found: list[Slot] = []
    for term in sorted(terms):
        if not re.fullmatch(r"[\u4e00-\u9fff、]{4,40}", term):
            continue  # titles, quoted names, numbers: other rules read them
        for start, end in _words(term):
            slot = Slot(term, start, end)
            rest = len("".join(HAN_RUN.findall(slot.before + slot.after)))
            # A word of three beside two fixed characters (长江|经济带) counts: a slip there changes
            # one of its characters only (term_swap_slips).
            enough = rest >= MIN_REST or (rest >= 2 and end - start == 3)
            if 2 <= end - start <= 3 and HAN_RUN.fullmatch(slot.word) and not set(slot.word) & _FUNCTION and enough:
                found.append(slot)
    return tuple(found)


@cache
def _anchored(terms: frozenset[str]) -> tuple[tuple[str, Slot, int, bool], ...]:
    """Each slot with what a paragraph must hold for it (the term before the word, or after it at
    the term's start), its fixed characters around and whether it sits inside a long term: worked
    out once, as every paragraph asks all the slots."""
    anchored = []
    for slot in _slots_of(terms):
        anchor = slot.before or slot.after
        if len(anchor) < 2:
            continue
        fixed_around = len("".join(HAN_RUN.findall(slot.before + slot.after)))
        anchored.append((anchor, slot, fixed_around, slot.inside and fixed_around >= MIN_FIXED_AROUND))
    return tuple(anchored)


def _like(written: str, word: str, inside_long: bool) -> bool:
    """Is ``written`` a slip for ``word`` (see the module): reversed, one character changed, or
    anything where the term fixes it all around (``inside_long``)?"""
    if written == word[::-1]:
        return True  # 清亲 for 亲清: the two characters typed the other way round
    if set(written) & _FUNCTION:
        return False
    changed = [(a, b) for a, b in zip(written, word, strict=True) if a != b]
    if all(a in _NUMBERS_AND_LEVELS and b in _NUMBERS_AND_LEVELS for a, b in changed):
        return False  # 三个/四个, 省委/市委: another name
    # One character of the word changed (复兴/振兴, 整体/总体, 经济圈/经济带): the writer kept the
    # rest of it. Two parts of a word both changed (体制 for 制度) make another thing.
    return len(changed) == 1 or inside_long


# Characters of the draft either side of a span cut with it to see where its words end.
_CONTEXT = 8


def on_word_edges(text: str, start: int, end: int) -> bool:
    """Do words of the draft (jieba's cut of the span and a few characters either side) begin at
    ``start`` and end at ``end``?"""
    from core.text import language

    at = max(0, start - _CONTEXT)
    edges = {at}
    for word in language.cut(text[at : end + _CONTEXT], hmm=False):
        at += len(word)
        edges.add(at)
    return start in edges and end in edges


def term_swap_slips(text: str) -> Iterator[Hit]:
    """Spans of ``text`` that are a fixed term but for one word written for a like one."""
    from core.proofread.lexicon import get_lexicon
    from core.text import language

    terms, forms = data.core_terms(), data.formulation_forms()
    dictionary = language.dictionary()
    lexicon = get_lexicon()
    names = lexicon.names if lexicon is not None else frozenset()
    exact: dict[str, list[tuple[int, int]]] = {}
    for anchor, slot, fixed_around, inside_long in _anchored(terms):
        if anchor not in text:
            continue
        size = len(slot.word)
        for match in re.finditer(re.escape(anchor), text):
            if slot.before:
                start = match.start()
                written = text[match.end() : match.end() + size]
                end = match.end() + size + len(slot.after)
            else:
                end = match.end()
                written = text[match.start() - size : match.start()]
                start = match.start() - size
            if start < 0 or end > len(text) or written == slot.word or text[start:end] in terms or text[start:end] in forms:
                continue
            if text[start:end] != slot.before + written + slot.after:
                continue  # what follows the word is not the rest of the term
            if not HAN_RUN.fullmatch(written) or (dictionary.frequency(written) == 0 and written != slot.word[::-1]):
                continue
            if written in _BATTLES:
                continue  # 乡村振兴战斗全面打响: a campaign spoken of as a battle, no slip of 战略
            if not _like(written, slot.word, inside_long):
                continue
            if slot.word in names and (written in names or written[-1] == slot.word[-1]):
                continue  # 长江|经济带: a place's name, where other places' stand as rightly (珠江—西江, 雅江经济带)
            if fixed_around < MIN_REST and sum(a != b for a, b in zip(written, slot.word, strict=True)) != 1:
                continue  # 长江|经济圈: beside so little, one character changed only
            if not on_word_edges(text, start, end):
                continue  # 国家级|高新技术|企业: the span ends inside a word of the draft
            spans = exact.setdefault(slot.term, [(m.start(), m.end()) for m in re.finditer(re.escape(slot.term), text)])
            if any(s < end and start < e for s, e in spans):
                continue
            yield Hit(
                start,
                end,
                slot.term,
                f"“{text[start:end]}”与固定提法“{slot.term}”差一个词（“{written}”应为“{slot.word}”），可能写错了。",
                f"改为“{slot.term}”。",
                SOURCE,
            )
