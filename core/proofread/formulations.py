"""规范表述: fixed formulations, names of meetings and documents, and the numbers in them.

* a wrong form listed in formulations.toml (新时代中国特色社会主义思想 without 习近平,
  以习近平为核心的党中央);
* a near miss of a long canonical name — a character changed that sounds or looks like the
  right one (《中国共产党纪律处分条列》), or one or two dropped or added inside it (习近平新时代
  中国特色社会思想); a changed character unlike the right one makes another name (《…宪法》 and
  《…刑法》, 乡村治理体系和治理能力现代化, 中国特色社会主义法治体系), not a slip;
* a long name with its words in another order (从严全面治党, 牢记初心、不忘使命) or with a word
  of three or four characters left out inside it (习近平新时代中国特色思想);
* an abbreviation that is written in quotes (“三农”工作) standing without them — not a note's
  headword in brackets or defined by 即 ([双随机、一公开]即……);
* a theory named after 习近平 that is none of them (习近平军事思想): the one sharing most characters
  with it, from formulations.toml's canonical names;
* Arabic digits in a fixed name (党的20大, 十九届6中全会, “14五”, 3会1课), as
  :mod:`core.proofread.numbers_in_names` reads them;
* names of meetings and plans as :mod:`core.proofread.meetings` reads them (二十届二次全会,
  plenums out of order or with one skipped, a plan or congress the sentence's year contradicts);
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from core.proofread import data, official_counts
from core.proofread.adopted_by_meetings import adopted_by_meetings_slips
from core.proofread.confusables import apply_rules
from core.proofread.congress_terms import congress_before_its_terms
from core.proofread.dated_facts import dated_fact_slips
from core.proofread.fixed_phrases import fixed_phrase_slips
from core.proofread.hits import PUNCTUATION_STANDARD, Hit, drop_overlaps
from core.proofread.law_titles import law_title_slips
from core.proofread.list_counts import counts_against_lists
from core.proofread.meetings import meeting_slips
from core.proofread.numbered_names import (
    changed_words_in_families,
    changed_words_in_quoted_names,
    wrong_numbers_in_families,
    wrong_numbers_in_names,
)
from core.proofread.numbers_in_names import (
    digits_in_abbreviations,
    digits_in_names,
    ordinals_reversed,
    plan_kinds,
    quoted_digit_names,
    unquoted_code_names,
    unquoted_numbered_coinages,
)
from core.proofread.official_quotes import left_unquoted, quotation_depth, unquoted_official_names
from core.proofread.partial_series import partial_series_reordered
from core.proofread.series_orders import pairs_out_of_order, series_out_of_order
from core.proofread.shapes import shapes
from core.proofread.sounds import readings
from core.proofread.term_swaps import SOURCE as TERMS_SOURCE
from core.proofread.term_swaps import on_word_edges, term_swap_slips

MIN_FUZZY = 8  # shorter names differ from ordinary phrases by one character too easily
# A formulation this long is no other phrase with one word of it swapped for an unlike one.
MIN_SWAPPED = 9
_NUMERALS = frozenset("〇一二三四五六七八九十百千万两双第")
# A mark or a conjunction between the parts is the writer's to choose (…成果与乡村振兴有效衔接,
# 政治判断力、政治领悟力和政治执行力, 担使命、找差距).
_JOINERS = frozenset("、，,；;：:和与及同跟并或")
_ANCHOR = 4
# Marks a near miss may not add: a quotation mark inside a name (“稳字当头、稳中求进”工作总基调)
# is the writer's quoting, not a slip in the name.
_PUNCTUATION = re.compile(r"[，。；：！？、,.;:!?\s“”‘’《》（）]")


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (short strings only)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


_INITIAL = re.compile(r"^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])")


def _slip_like(a: str, b: str, same_initial: bool) -> bool:
    """Do the two characters sound alike (main reading, no tone; with ``same_initial`` also the
    same initial, as an input method's abbreviated pinyin offers 道路 and 道理 for "dl") or
    look alike?"""
    table = readings()
    ra, rb = table.plain(a), table.plain(b)
    if ra is not None and rb is not None:
        if ra == rb:
            return True
        initial_a, initial_b = _INITIAL.match(ra), _INITIAL.match(rb)
        if not same_initial:
            initial_a = None
        if initial_a and initial_b and initial_a.group() == initial_b.group():
            return True
    return b in shapes().alternatives(a)


def _occurrences(text: str, word: str) -> list[tuple[int, int]]:
    spans, at = [], text.find(word)
    while at != -1:
        spans.append((at, at + len(word)))
        at = text.find(word, at + 1)
    return spans


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _hit(start: int, end: int, wrong: str, item: data.Formulation, fix: str | None = None) -> Hit:
    note = item.note or f"规范写法是“{item.canonical}”。"
    fix = fix or item.canonical
    # Written with quotation marks of its own (“四个全面”战略部署): shown in 「」, as “““” is unreadable.
    shown = f"「{wrong}」" if set(wrong) & set("“”") else f"“{wrong}”"
    return Hit(start, end, fix, f"{shown}不规范：{note}", f"改为“{fix}”。", item.source)


_QUOTED_PART = re.compile(r"[“‘]([\u4e00-\u9fff]+)[”’]")


def _requoted(written: str, canonical: str) -> str:
    """The canonical form with the part the writer quoted quoted again (“立德树人”根本目标 →
    “立德树人”根本任务), when the canonical form holds that part."""
    plain = [(at, ch) for at, ch in enumerate(written) if ch not in "“”‘’"]
    if len(plain) == len(canonical) and not any(ch in "“”‘’" for ch in canonical):
        # The same length: the marks go back where they stood (“四位一体”总体布局 → “五位一体”…).
        marks: dict[int, str] = {}
        for index, (at, _) in enumerate(plain):
            marks[index] = written[(plain[index - 1][0] + 1 if index else 0) : at]
        tail = written[plain[-1][0] + 1 :] if plain else ""
        return "".join(marks[index] + ch for index, ch in enumerate(canonical)) + tail
    fixed = canonical
    for match in _QUOTED_PART.finditer(written):
        part = match.group(1)
        if part in fixed and match.group() not in fixed:
            fixed = fixed.replace(part, match.group(), 1)
    return fixed


_SPACES = re.compile(r"\s+")


def _preceded_by(text: str, start: int, pattern: re.Pattern[str] | None) -> bool:
    """Do the words before ``start`` match ``pattern``, with the stray spaces a copy from a PDF or
    a web page leaves inside them ignored (以习 近平新时代…)?"""
    return pattern is not None and bool(pattern.search(_SPACES.sub("", text[max(0, start - 12) : start])))


@cache
def _quoted_inside(word: str) -> re.Pattern[str]:
    """``word``, allowing a quotation mark between two of its Han characters: a writer quotes part
    of a formulation (“立德树人”根本目标) and the form is as wrong as without the marks."""
    pattern = re.escape(word[0]) if word else ""
    for previous, ch in itertools.pairwise(word):
        if _HAN.match(previous) and _HAN.match(ch):
            pattern += "[“”‘’]?"
        pattern += re.escape(ch)
    return re.compile(pattern)


def _quoted_occurrences(text: str, word: str) -> list[tuple[int, int]]:
    if not ("“" in text or "‘" in text) or not _HAN_ONLY.fullmatch(word):
        return _occurrences(text, word)  # a form with its own quotes is matched as it is
    spans = []
    for match in _quoted_inside(word).finditer(text):
        start, end = match.span()
        inside = match.group()
        # Take in the partner of a mark the match holds alone (“立德树人”根本目标), so that the fix
        # leaves no lone mark behind.
        if start and text[start - 1] in "“‘" and inside.count("”") + inside.count("’") > inside.count("“") + inside.count("‘"):
            start -= 1
        elif end < len(text) and text[end] in "”’" and inside.count("“") + inside.count("‘") > inside.count("”") + inside.count("’"):
            end += 1
        spans.append((start, end))
    return spans


def _wrong_forms(text: str, item: data.Formulation, exact: list[tuple[int, int]]) -> Iterator[Hit]:
    for wrong in item.wrong:
        for start, end in _quoted_occurrences(text, wrong):
            written = text[start:end]
            # The canonical form inside a longer wrong one (科学发展观|念) is no occurrence of its own.
            around = [(s, e) for s, e in exact if not (item.canonical in wrong and start <= s and e <= end)]
            if _overlaps(around, start, end) or written == item.canonical or written in item.accepted:
                continue  # “五位一体”总体布局: the quotes make the canonical form
            if written.replace("‘", "“").replace("’", "”") == item.canonical:
                continue  # “以‘三个代表’重要思想为指导”: inside a quotation, single marks quote the name
            if _preceded_by(text, start, item.not_before):
                continue
            if item.only_before is not None and not item.only_before.match(text, end):
                continue
            if _opens_longer_quote(text, start, end, item.canonical):
                continue  # “三个全面加强”: a name of its own that begins with the wrong form
            yield _hit(start, end, written, item, _requoted(written, item.canonical))


def _opens_longer_quote(text: str, start: int, end: int, canonical: str) -> bool:
    """Does a quotation open right at ``start`` (or just before it) and go on past ``end`` in Han
    characters, so that the span only begins what is quoted — and the canonical form with the rest
    makes no formulation either (“三个全面战略布局” is still “四个全面战略布局” mistyped)?"""
    opened = text[start : start + 1] in "“‘" or (start > 0 and text[start - 1] in "“‘")
    if not opened or "”" in text[start:end] or "’" in text[start:end] or _HAN.match(text, end) is None:
        return False
    close = text.find("”", end)
    rest = text[end : close if close != -1 else len(text)]
    whole = _QUOTE_MARKS.sub("", canonical) + rest
    return not any(whole in _QUOTE_MARKS.sub("", form) for form in data.formulation_forms())


# A series of at least this many items, none longer than this, is one of words.
_SERIES_ITEMS = 3
_SERIES_WORD = 4


@cache
def _series_pattern(canonical: str) -> re.Pattern[str]:
    return re.compile("[，、]".join(re.escape(word) for word in canonical.split("、")))


def _commas_in_series(text: str, item: data.Formulation) -> Iterator[Hit]:
    """A fixed series written with a 逗号 between its items (创新，协调，绿色，开放，共享, 法律，法规、
    规章): items of a series are words, and words in a series take 顿号 (GB/T 15834—2011 4.5.3.1)."""
    items = item.canonical.split("、")
    if len(items) < _SERIES_ITEMS or any(len(word) > _SERIES_WORD for word in items):
        return  # two items, or clauses (疫情要防住、经济要稳住): a comma may part them
    # Any of its 顿号 written as a comma (创新，协调、绿色、开放、共享), one or all.
    if "，" not in text:
        return
    for match in _series_pattern(item.canonical).finditer(text):
        start, end = match.span()
        if "，" not in match.group():
            continue
        yield Hit(
            start,
            end,
            item.canonical,
            f"“{text[start:end]}”的各项之间应用顿号：并列的词语之间用“、”。",
            f"改为“{item.canonical}”。",
            f"{PUNCTUATION_STANDARD}4.5.3.1",
        )


# Items of a series, as a pattern with one of them left open: the series with that item changed.
_ITEM_MARKS = "、，。；：！？\n"


@cache
def _series_with_open_item(series: str) -> tuple[tuple[int, str, re.Pattern[str]], ...]:
    """For each item of ``series`` (its items parted by 、, the last perhaps joined by 和): its
    index, the item, and the series with that item replaced by any run as long of other marks."""
    head, joiner, last = series.rpartition("和")
    joined = bool(joiner) and "、" in head and "、" not in last
    items = [*head.split("、"), last] if joined else series.split("、")
    marks = ["、"] * (len(items) - 2) + ["和" if joined else "、"]
    open_items = []
    for index, item in enumerate(items):
        parts = []
        for at, word in enumerate(items):
            parts.append(f"(?P<open>[^{_ITEM_MARKS}]{{{len(item)}}})" if at == index else re.escape(word))
            if at < len(marks):
                parts.append(re.escape(marks[at]))
        open_items.append((index, item, re.compile("".join(parts))))
    return tuple(open_items)


# Series this long name their items loosely no more: a word of a short item changed (共享 → 共赢)
# in one of four or more is the series remembered wrongly; in one of three, only a slip of sound
# or shape is (自治、法治、智治 may be another series).
_LOOSE_SERIES = 4
_LOOSE_ITEM = 2
# Items this long at least, each, hold their words fast: one word of two characters put for another
# inside one of them (获得感、幸福感、满足感) is the series remembered wrongly; so is one inside an item
# this long (党史、新中国史、改革发展史), or any character changed where all items are so long
# (国家安全、社会安定、人民安康).
_FAST_ITEM = 3
_LONG_ITEM = 4


# Two characters official text writes this often as a word are one (满足, 发展, 认识).
_WORD_SEEN = 20


def _a_word(two: str) -> bool:
    table = official_counts.counts()
    return table is not None and table.word(two) >= _WORD_SEEN


def _item_changed(text: str, item: data.Formulation, exact: list[tuple[int, int]]) -> Iterator[Hit]:
    """A fixed series with one character of one item changed (创新、协调、绿色、开发、共享; 产业兴旺、
    生态宜居、乡风文明、治理有效、生活富余): every other item as it is and in its place, the changed
    character sounding or looking like the right one, or the item short in a long series. A pair
    (不忘初心、牢记使命) only as a quoted name: “不忘初心、牢记责任”."""
    pair = item.canonical.count("、") == 1
    if item.canonical.count("、") < 1:
        return
    # Every item but the changed one is in the text: at most one is missing (one changed); with
    # none missing, the changed one is written elsewhere too (开放 … 开发). Most texts hold none.
    missing: list[int] = []
    for index, (_, word, _) in enumerate(_series_with_open_item(item.canonical)):
        if word not in text:
            missing.append(index)
            if len(missing) > 1:
                return
    head, _, last = item.canonical.rpartition("、")
    for form in (item.canonical, f"{head}和{last}"):
        open_items = _series_with_open_item(form)
        if len(open_items) < (2 if pair else 3) or (not missing and form in text):
            continue
        for index, word, pattern in open_items:
            if missing and index != missing[0]:
                continue
            for match in pattern.finditer(text):
                written = match["open"]
                at = [k for k, (a, b) in enumerate(zip(written, word, strict=True)) if a != b]
                start, end = match.span()
                if not at or _overlaps(exact, start, end) or not _HAN_ONLY.fullmatch(written):
                    continue
                if pair and not (text[start - 1 : start] == "“" and text[end : end + 1] == "”"):
                    continue  # a pair of phrases in running text may be the writer's own pairing
                if {*(written[k] for k in at), *(word[k] for k in at)} & (_NUMERALS | _JOINERS):
                    continue
                if text.startswith(word[at[0] :], end):
                    continue  # 社会主义宣传|教育: a word put before the item's end, which follows as it is
                shortest = min(len(other) for _, other, _ in open_items)
                # The first item often names the field or the place the series is said of (政治安全、
                # 社会安定、人民安宁; 法治山西、法治政府、法治社会): it may vary, the others may not.
                later = index > 0
                if len(at) == 2:
                    # a word of a later item swapped for another word: adjacent characters in a long
                    # item, or in one of long items (获得感、幸福感、满足感), the two written a word
                    if not later or at[1] != at[0] + 1 or (len(word) < _LONG_ITEM and shortest < _FAST_ITEM):
                        continue
                    if not _a_word(written[at[0] : at[1] + 1]):
                        continue  # 生态文明等体|制: the run reaches past the series
                elif len(at) != 1:
                    continue
                else:
                    loose = (len(open_items) >= _LOOSE_SERIES and len(word) <= _LOOSE_ITEM) or (later and shortest >= _LONG_ITEM)
                    if not loose and not _slip_like(written[at[0]], word[at[0]], same_initial=True):
                        continue
                piece = match.group()
                if any(piece in form for form in data.formulation_forms()) or piece in item.accepted:
                    continue  # another fixed series (政治建设、思想建设、…)
                fixed = _requoted(piece, form)
                yield Hit(
                    start,
                    end,
                    fixed,
                    f"“{piece}”中的“{written}”应为“{word}”：规范提法是“{form}”。",
                    f"改为“{fixed}”。",
                    item.source,
                )


# The kinds of document a title ends in: a central document's is part of its name, and one
# written for another (《中共中央关于全面深化改革若干重大问题的意见》 for 决定) names no document.
_DOCUMENT_KINDS = ("决定", "决议", "意见", "建议", "通知", "规定", "条例", "办法", "准则", "纲要", "方案")


def _kind_swapped(text: str, item: data.Formulation) -> Iterator[Hit]:
    """A title of formulations.toml with its kind of document written as another kind."""
    canonical = item.canonical
    if not (canonical.startswith("《") and canonical.endswith("》")):
        return
    name = canonical[1:-1]
    kind = next((k for k in _DOCUMENT_KINDS if name.endswith(k)), None)
    if kind is None or "《" + name[: -len(kind)] not in text:
        return
    for other in _DOCUMENT_KINDS:
        written = f"《{name[: -len(kind)]}{other}》"
        if other == kind or written in data.formulation_forms():
            continue
        for start, end in _occurrences(text, written):
            yield Hit(
                start,
                end,
                canonical,
                f"{written}的文种不对：这份文件是“{kind}”，全称是{canonical}。",
                f"改为{canonical}。",
                item.source,
            )


def _adds_a_word(piece: str, canonical: str) -> bool:
    """Is ``piece`` the name with a whole word put inside it (习近平新时代中国特色社会主义经济思想:
    经济)? That names another thing; a slip adds a stray or doubled character."""
    if len(piece) - len(canonical) < 2:
        return False
    head = 0
    while head < len(canonical) and piece[head] == canonical[head]:
        head += 1
    added = piece[head : head + len(piece) - len(canonical)]
    return piece[: head] + piece[head + len(added) :] == canonical and data.report_word_counts()(added) > 0


# 了, 着, 过 after the name's verb (全面建成了小康社会): the name used in a sentence about what was
# done; 的 between its attribute and its noun (稳中求进的工作总基调: published reports write it so
# once in twenty-five times).
# … or a conjunction between two of its verbs (防范和化解重大风险): the writer's phrasing too.
_PARTICLES = "了着过的和与及并"


def _adds_a_particle(piece: str, canonical: str) -> bool:
    """Is ``piece`` the name with one particle or conjunction put inside it? That is the writer's
    phrasing, no slip."""
    return len(piece) == len(canonical) + 1 and any(
        piece[at] in _PARTICLES and piece[:at] + piece[at + 1 :] == canonical for at in range(1, len(piece) - 1)
    )


def _near_misses(text: str, item: data.Formulation, exact: list[tuple[int, int]]) -> Iterator[Hit]:
    canonical = item.canonical
    size = len(canonical)
    if size < MIN_FUZZY:
        return
    title = canonical.startswith("《")
    # A title one character off may be another title (《…刑法》, 《…宪法》): one slip at most.
    allowed = 1 if size < 12 or title else 2
    head, tail = canonical[:_ANCHOR], canonical[-_ANCHOR:]
    windows: set[tuple[int, int]] = set()
    for start, _ in _occurrences(text, head):
        windows.update((start, start + length) for length in range(size - allowed, size + allowed + 1))
    for _, end in _occurrences(text, tail):
        windows.update((end - length, end) for length in range(size - allowed, size + allowed + 1))
    candidates = []
    for start, end in windows:
        if start < 0 or end > len(text) or _overlaps(exact, start, end):
            continue
        piece = text[start:end]
        if set(_PUNCTUATION.findall(piece)) - set(_PUNCTUATION.findall(canonical)):
            continue
        if title and not (piece.startswith("《") and piece.endswith("》")):
            continue
        if piece in data.formulation_forms():
            continue  # 《中国共产党组织工作条例》: another formulation's own name, however near
        distance = _distance(piece, canonical)
        if not 0 < distance <= allowed:
            continue
        if len(piece) == size:
            # A changed character that neither sounds nor looks like the right one is another
            # word, not a slip: 乡村治理体系和治理能力现代化, 中国特色社会主义法治体系 — unless one
            # character alone is swapped inside a long formulation, whose words the writer
            # remembered loosely (绿水青山也是金山银山, 第二个百年奋进目标), and it is no number
            # (第一个百年奋斗目标 is a goal of its own).
            changed = [(a, b) for a, b in zip(piece, canonical, strict=True) if a != b]
            first_change = next(at for at, (a, b) in enumerate(zip(piece, canonical, strict=True)) if a != b)
            inside = 0 < first_change < size - 1
            if first_change == size - 1 and end < len(text) and _HAN.match(text[end]):
                continue  # 现代化国际|瓷都: the last character changed begins a longer name of its own
            if not all(_slip_like(a, b, same_initial=not title) for a, b in changed) and not (
                len(changed) == 1
                and inside
                and size >= MIN_SWAPPED
                and not title
                and not set(changed[0]) & (_NUMERALS | _JOINERS)
            ):
                continue  # at an end, the swapped character makes a word with the text beside (价值体|系)
        elif distance != abs(len(piece) - size):
            continue  # characters dropped or added, and others changed too: another phrase
        elif piece[0] != canonical[0] or piece[-1] != canonical[-1]:
            # A name cut at an end is a shorter phrase of its own (乡村|治理体系和治理能力现代化,
            # 社会主义核心价值|体系); a slip drops characters inside the name.
            continue
        elif _adds_a_word(piece, canonical) or _adds_a_particle(piece, canonical):
            continue
        candidates.append((distance, abs(len(piece) - size), start, end))
    taken: list[tuple[int, int]] = []
    for _, _, start, end in sorted(candidates):
        if not _overlaps(taken, start, end):
            taken.append((start, end))
            yield _hit(start, end, text[start:end], item)


# A name this long (its Han characters) is no other phrase with its characters in another order;
# one this long is no common short form with a word of three or four characters left out inside
# it (供给侧|结构性|改革 of eight is written 供给侧改革 in published reports).
MIN_RESHAPED = 6
MIN_SHORTENED = 10
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


@cache
def _shape_of(canonical: str) -> tuple[int, str, str, int]:
    """A name's Han characters counted, its characters once each (a string: the index keeps one
    per form of every formulation, and a string is a seventh of a frozenset's memory), all its
    characters sorted, and the sum of their code points."""
    return len(_HAN.findall(canonical)), "".join(sorted(set(canonical))), "".join(sorted(canonical)), sum(map(ord, canonical))


class _WindowSums:
    """For a text: its characters, and where each window of a given length starts by the sum of
    its code points (worked out once per length, for all the names of that length)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.characters = frozenset(text)
        self.prefix = [0, *itertools.accumulate(map(ord, text))]
        self.by_length: dict[int, dict[int, list[int]]] = {}

    def starts(self, size: int, total: int) -> list[int]:
        found = self.by_length.get(size)
        if found is None:
            found = self.by_length[size] = {}
            prefix = self.prefix
            for start in range(len(self.text) - size + 1):
                found.setdefault(prefix[start + size] - prefix[start], []).append(start)
        return found.get(total, [])


def _reordered(
    text: str, item: data.Formulation, exact: list[tuple[int, int]], sums: _WindowSums, canonical: str = ""
) -> Iterator[Hit]:
    """The name's characters in another order (从严全面治党, 牢记初心、不忘使命, 创新、绿色、协调、
    开放、共享): words of a fixed formulation swapped, which no other phrase is. ``canonical``: the
    name as a series may also be written, its last item joined by 和 (获得感、幸福感和安全感)."""
    canonical = canonical or item.canonical
    size = len(canonical)
    han, characters, wanted, total = _shape_of(canonical)
    if han < MIN_RESHAPED or not sums.characters.issuperset(characters):
        return
    for start in sums.starts(size, total):  # only these can hold its characters
        piece = text[start : start + size]
        swapped = piece != canonical and "".join(sorted(piece)) == wanted
        if swapped and piece.replace("的", "") == canonical.replace("的", ""):
            continue  # “两个确立”决定性意义的领悟: only 的 moved, the name as it is
        if swapped and any(piece == canonical[k:] + canonical[k:k] + canonical[:k] for k in range(1, size)):
            continue  # 小康社会全面建成: the name's two halves swapped read as a sentence
        if swapped and _marks_at(piece) != _marks_at(canonical) and _items(piece) != _items(canonical):
            continue  # 党中央国务院、: a mark moved, not words or items swapped (…、省委省政府 follows)
        if swapped and not on_word_edges(text, start, start + size):
            continue  # 优|化法治营商环境: the piece begins inside a word of the text, no name reordered
        if swapped and "、" in canonical and "、" in (text[start - 1 : start] + text[start + size : start + size + 1]):
            continue  # 法治、清廉、务实、为民: a series inside a longer one is that one's, in its own order
        if swapped and not _overlaps(exact, start, start + size) and piece not in item.accepted:
            yield _hit(start, start + size, piece, item, canonical)


def _marks_at(piece: str) -> list[int]:
    return [at for at, ch in enumerate(piece) if not _HAN.match(ch)]


def _items(piece: str) -> list[str]:
    return sorted(re.split(r"[^\u4e00-\u9fff]+", piece))


def _shortened(text: str, item: data.Formulation, exact: list[tuple[int, int]]) -> Iterator[Hit]:
    """The name with a word of three or four characters left out inside it (习近平新时代中国特色
    思想), or a title with a word of two (《联合国气候框架公约》): it still starts and ends as the
    name does. One character (or two, outside a title) is the near misses'."""
    canonical = item.canonical
    if _shape_of(canonical)[0] < MIN_SHORTENED:
        return
    title = canonical.startswith("《")
    for start, _ in _occurrences(text, canonical[:2]):
        for dropped in (2, 3, 4) if title else (3, 4):
            end = start + len(canonical) - dropped
            piece = text[start:end]
            if end > len(text) or not piece.endswith(canonical[-2:]) or _overlaps(exact, start, end):
                continue
            # Not an item of a series with its 顿号 (稳增长、|调结构、惠民生): a shorter list is no slip.
            inside = [at for at in range(2, len(canonical) - dropped - 1) if "、" not in canonical[at : at + dropped]]
            if any(piece == canonical[:at] + canonical[at + dropped :] for at in inside) and not any(
                piece in form for form in item.accepted
            ) and piece not in data.formulation_forms():  # 《中国共产党组织工作条例》 is a title of its own
                yield _hit(start, end, piece, item)


def _title_lengthened(text: str, item: data.Formulation) -> Iterator[Hit]:
    """A title of formulations.toml with a word of two characters put inside it (《习近平关于“三农”
    工作重要论述摘编》): a title is cited as its issuer wrote it, word for word."""
    canonical = item.canonical
    if not canonical.startswith("《") or _shape_of(canonical)[0] < MIN_SHORTENED:
        return
    for start, _ in _occurrences(text, canonical[:2]):
        end = start + len(canonical) + 2
        piece = text[start:end]
        if end > len(text) or not piece.endswith("》") or set(piece[1:-1]) & set("，。；、《》"):
            continue
        inserted = any(piece[:at] + piece[at + 2 :] == canonical and _HAN_ONLY.fullmatch(piece[at : at + 2]) for at in range(2, len(piece) - 3))
        if inserted and piece not in item.accepted and piece not in data.formulation_forms():
            yield _hit(start, end, piece, item)


def _unquoted(text: str, item: data.Formulation, levels: list[int]) -> Iterator[Hit]:
    for start, end in _occurrences(text, item.canonical):
        if not left_unquoted(text, start, end, levels, _quoted_names(data.formulations())):
            continue
        if _preceded_by(text, start, item.not_before):
            continue  # 作为第一议题: the words in their plain sense, not the name
        if item.only_before is not None and not item.only_before.match(text, end):
            continue  # 三个代表县: the words counting, not the name
        yield Hit(
            start,
            end,
            f"“{item.canonical}”",
            f"“{item.canonical}”是简称，应加引号。",
            f"改为“{item.canonical}”（加引号）。",
            item.source,
        )


@cache  # keyed by the list, which the office's own files may change (data.forget)
def _quoted_names(formulations: tuple[data.Formulation, ...]) -> frozenset[str]:
    """The names formulations.toml has quoted (六稳, 六保): two of them side by side are two names."""
    return frozenset(item.canonical for item in formulations if item.quoted)


# The abstract nouns a formulation ends in, which a writer remembering it loosely exchanges
# (铸牢中华民族共同体意识 written …理念, 以人民为中心的发展思想 written …理念, 新发展理念 …观念).
_ABSTRACT_ENDINGS = ("思想", "理念", "理论", "观点", "观念", "意识")
# The part before the ending must name the formulation by itself (新发展 does; 发展 does not).
MIN_ABSTRACT_HEAD = 3


def _exchangeable_head(canonical: str) -> str | None:
    """The name before its abstract ending (思想, 理念 … or 观), when the head names it by itself."""
    view = canonical.endswith("观") and len(_HAN.findall(canonical)) > MIN_ABSTRACT_HEAD
    ending, head = ("观", canonical[:-1]) if view else (canonical[-2:], canonical[:-2])
    if ending not in (*_ABSTRACT_ENDINGS, "观") or len(_HAN.findall(head)) < MIN_ABSTRACT_HEAD:
        return None
    return head


def _ending_exchanged(
    text: str, item: data.Formulation, exact: list[tuple[int, int]], canonical_forms: frozenset[str]
) -> Iterator[Hit]:
    """The formulation with its abstract noun at the end exchanged for another of them, or for a
    view (以人民为中心的发展观), or a view (观) made a notion or another abstract noun (总体国家安全
    观念, 科学发展观点, 科学发展理念) — unless that is a formulation of its own (``canonical_forms``:
    every formulation's canonical and accepted forms)."""
    canonical = item.canonical
    head = _exchangeable_head(canonical)
    if head is None:
        return
    ending = canonical[len(head) :]
    # 科学发展观念, 科学发展观点: the view lengthened into a notion or a point; 以人民为中心的发展观:
    # a thought made a view
    others: tuple[str, ...] = ("观念", "观点", *_ABSTRACT_ENDINGS) if ending == "观" else (*_ABSTRACT_ENDINGS, "观")
    for other in dict.fromkeys(others):
        if other == ending:
            continue
        written = head + other
        if written in item.wrong or written in canonical_forms:
            continue  # a literal wrong form says it already; another formulation is no slip
        for start, end in _occurrences(text, written):
            if _preceded_by(text, start, item.not_before) or any(text.startswith(form, start) for form in item.wrong if len(form) > len(written)):
                continue  # 更新发展观(念): what keeps the literal wrong form keeps this one, the longer form says it
            if written.startswith(canonical) or not _overlaps(exact, start, end):  # 科学发展观点 holds 科学发展观
                yield _hit(start, end, written, item)


# 习近平, then a name of up to a dozen characters ending in 思想: one of the theories named after
# him. Not 习近平总书记关于……的重要思想, 习近平同志……, nor a list (习近平生态文明思想和法治思想).
_LEADER_THEORY = re.compile(r"习近平(?!总书记|同志|新时代中国特色社会主义)(?P<name>[\u4e00-\u9fff]{1,8}?)思想")
_NOT_IN_A_NAME = re.compile(r"关于|的|和|与|及|重要|总书记|同志")


def _leader_theories() -> dict[str, data.Formulation]:
    """The theories named after 习近平 in formulations.toml, by the word that tells them apart (强军)."""
    theories: dict[str, data.Formulation] = {}
    for item in data.formulations():
        named = item.canonical.startswith("习近平") and item.canonical.endswith("思想") and len(item.canonical) <= 9
        # the entry for a name altered (习近平强军理论), not the one for it shortened (强军思想)
        if named and (item.not_before is None or item.canonical[3:-2] not in theories):
            theories[item.canonical[3:-2]] = item
    return theories


_WHOLE_THOUGHT_NAME = "新时代中国特色社会主义"


def _whole_thought() -> data.Formulation | None:
    return next((item for item in data.formulations() if item.canonical == f"习近平{_WHOLE_THOUGHT_NAME}思想"), None)


def _shortened_from(name: str, whole: str) -> bool:
    """Is ``name`` ``whole`` with some of its characters left out, in their order (新时代, 中国特色)?"""
    rest = iter(whole)
    return len(name) < len(whole) and all(ch in rest for ch in name)


def leader_theory_slips(text: str) -> Iterator[Hit]:
    """A theory named after 习近平 that is none of them (习近平军事思想 for 习近平强军思想, 习近平新时代
    文化思想 for 习近平文化思想): the one that shares most characters with it is meant."""
    if "习近平" not in text:
        return
    theories = _leader_theories()
    for match in _LEADER_THEORY.finditer(text):
        name = match["name"]
        if name in theories or _NOT_IN_A_NAME.search(name) or not theories:
            continue
        whole = _whole_thought()
        if whole is not None and _shortened_from(name, _WHOLE_THOUGHT_NAME):
            yield _hit(match.start(), match.end(), match.group(), whole)  # 习近平新时代思想
            continue
        shared = {word: len(set(word) & set(name)) for word in theories}
        best = max(shared, key=lambda word: (shared[word], -abs(len(word) - len(name))))
        if shared[best] == 0 or list(shared.values()).count(shared[best]) > 1:
            continue  # no theory of his is meant, or no telling which
        item = theories[best]
        yield _hit(match.start(), match.end(), match.group(), item)


# The kinds a campaign of education is named by; one put for another is a slip of its name.
# (集中教育 is the kind of them all: 党纪集中教育 names no kind wrongly.)
_CAMPAIGN_KINDS = ("主题教育", "学习教育", "专题教育", "教育实践活动", "实践教育活动")


@cache
def _campaign_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """Keyed by the names, so the office's added campaigns make a new one."""
    if not names:
        return None
    longest_first = sorted(names, key=len, reverse=True)
    return re.compile(rf"(?P<name>“?(?:{'|'.join(map(re.escape, longest_first))})”?)(?P<kind>{'|'.join(_CAMPAIGN_KINDS)})")


def campaign_kind_slips(text: str) -> Iterator[Hit]:
    """“三严三实”主题教育 → 专题教育, 党史主题教育 → 党史学习教育: each campaign has its kind in its name."""
    if "教育" not in text:
        return
    kinds = {name.strip("“”"): kind for name, kind in data.campaigns().items()}
    pattern = _campaign_pattern(tuple(kinds))
    if pattern is None:
        return
    for match in pattern.finditer(text):
        name = match["name"].strip("“”")
        meant = kinds[name]
        if match["kind"] == meant:
            continue
        start = match.start("kind")
        yield Hit(
            start,
            match.end(),
            meant,
            f"这次集中教育的名称是{match['name']}{meant}，不是“{match['kind']}”。",
            f"改为“{meant}”。",
            "中共中央、中共中央办公厅开展各次集中教育的意见和通知",
        )


# Bodies of one level listed against their order of precedence, 党委、人大、政府、政协 (县政协、
# 县人大; 市政府和市人大): every report lists them in that order.
_BODIES_ORDER = ("党委", "人大", "政府", "政协")
_BODIES_OUT_OF_ORDER = re.compile(
    r"(?P<level>[省市县区乡镇州盟旗]?)(?P<first>政协|政府)(?P<join>、|和|及)(?P=level)(?P<second>人大|政府)"
)


def bodies_out_of_order(text: str) -> Iterator[Hit]:
    for match in _BODIES_OUT_OF_ORDER.finditer(text):
        first, second = match["first"], match["second"]
        if _BODIES_ORDER.index(first) <= _BODIES_ORDER.index(second):
            continue
        level, join = match["level"], match["join"]
        fixed = f"{level}{second}{join}{level}{first}"
        yield Hit(
            match.start(),
            match.end(),
            fixed,
            f"“{match.group()}”的次序不对：党委、人大、政府、政协依次排列。",
            f"改为“{fixed}”。",
            "党政机关排列次序的惯例（党委、人大、政府、政协）",
        )


# 全国、全省、全市 … listed with 顿号 from the widest down (贯彻全国、全省信访工作会议精神), as bodies
# are: a narrower one first (全省、全国) is out of order. With 和 or 乃至 a report climbs on purpose
# (领跑全省和全国, 全县乃至全省), so only 顿号 lists. 全区 may be a province's or a county's: left out.
_LEVEL_RANKS = {"国": 0, "省": 1, "市": 2, "州": 2, "县": 3, "乡": 4, "镇": 4}
_LEVELS_LISTED = re.compile(r"全[国省市州县乡镇](?:、全[国省市州县乡镇])+(?!乃至|甚至|直至|直到)")


def levels_out_of_order(text: str) -> Iterator[Hit]:
    for match in _LEVELS_LISTED.finditer(text):
        levels = match.group().split("、")
        ordered = sorted(levels, key=lambda level: _LEVEL_RANKS[level[1]])
        if ordered == levels:
            continue
        fixed = "、".join(ordered)
        yield Hit(
            match.start(),
            match.end(),
            fixed,
            f"“{match.group()}”的次序不对：全国、全省、全市、全县依次排列，从大到小。",
            f"改为“{fixed}”。",
            "党政公文排列层级的惯例（从上级到下级）",
        )


# The marks a formulation's parts may be set off by either way (从政治上着眼、/，从法治上着力).
_MARKS_BETWEEN = re.compile("[、，]")


_QUOTE_MARKS = re.compile("[“”‘’]")


def _reorder_sets(item: data.Formulation) -> tuple[str, ...]:
    """The characters of each form the item may be found reordered in, once each: all must be in
    the text."""
    head, _, last = item.canonical.rpartition("、")
    forms = (item.canonical, *item.accepted, f"{head}和{last}" if head else item.canonical)
    return tuple(_shape_of(form)[1] for form in forms)


_Indexed = tuple[data.Formulation, tuple[str, ...]]


@dataclass(frozen=True)
class _Gates:
    """What a text must hold for a finder to find one formulation at all, worked out once per
    formulation: a paragraph its anchors let through still skips the finders that cannot find it
    there (most of them). An empty string is in every text: that finder always runs."""

    near: tuple[str, str] | None  # a near miss (of a fuzzy name) keeps its first or last _ANCHOR characters
    shortened: str | None  # a shortened name keeps its first two characters
    series: str | None  # a series written with commas begins with its first item
    ending: str | None  # an exchanged abstract ending follows the name's head
    # Every finder but the reordering finds nothing in a text that holds none of these (as it
    # stands or with its quotation marks left out): the strings above, the wrong forms, the first
    # two items of a series (one changed item leaves the other) and a title's name before its kind.
    anchors: tuple[str, ...]

    @classmethod
    def open(cls) -> _Gates:
        """Gates that let every finder run (to show that the gates change nothing)."""
        return cls(("", ""), "", "", "", ("",))

    def anchored(self, text: str, plain: str) -> bool:
        return any(anchor in text or anchor in plain for anchor in self.anchors)


def _gates(item: data.Formulation) -> _Gates:
    canonical = item.canonical
    near = (canonical[:_ANCHOR], canonical[-_ANCHOR:]) if len(canonical) >= MIN_FUZZY else None
    shortened = canonical[:2] if _shape_of(canonical)[0] >= MIN_SHORTENED else None
    items = canonical.split("、")
    series = items[0] if len(items) >= _SERIES_ITEMS and all(len(word) <= _SERIES_WORD for word in items) else None
    ending = _exchangeable_head(canonical)
    if item.quoted:
        anchors = [canonical, *item.wrong]  # unquoted, or a wrong form
    else:
        anchors = [*item.wrong, *(near if item.fuzzy and near else ()), *(a for a in (shortened, series, ending) if a)]
        if "、" in canonical:
            anchors += [word for _, word, _ in _series_with_open_item(canonical)[:2]]
        kind = next((k for k in _DOCUMENT_KINDS if canonical.endswith(k + "》")), None)
        if canonical.startswith("《") and kind is not None:
            anchors.append(canonical[: -len(kind) - 1])  # _kind_swapped: 《 and the name before its kind
        if canonical.startswith("《") and shortened:
            anchors.append(shortened)  # _title_lengthened keeps the title's first two characters
    return _Gates(near, shortened, series, ending, tuple(dict.fromkeys(anchors)))


@dataclass(frozen=True)
class _FormulationIndex:
    """The formulations with their gates and reordering sets, and which of them a pair of
    characters or a character may let through: a paragraph asks only for those its own pairs and
    characters reach, not all the hundreds."""

    items: tuple[data.Formulation, ...]  # the tuple data.formulations() gave, kept so its id is not reused
    indexed: tuple[_Indexed, ...]
    gates: tuple[_Gates, ...]
    always: tuple[int, ...]  # an anchor with no two characters to file it by
    by_pair: dict[str, tuple[int, ...]]  # the first two characters of an anchor
    by_character: dict[str, tuple[int, ...]]  # an anchor of one character
    by_rarest: dict[str, tuple[int, ...]]  # the rarest character of each reordering set

    def reached(self, pairs: frozenset[str], characters: frozenset[str]) -> list[int]:
        """The items a text with these pairs and characters may hold, in their order: those with
        the beginning of an anchor in the text, or all the characters of one of their reorderings
        (most texts hold none of the hundreds of formulations: skipping them is most of the time)."""
        found = set(self.always)
        for pair in pairs:
            found.update(self.by_pair.get(pair, ()))
        for character in characters:
            found.update(self.by_character.get(character, ()))
            for at in self.by_rarest.get(character, ()):
                if at not in found and any(characters.issuperset(wanted) for wanted in self.indexed[at][1]):
                    found.add(at)
        return sorted(found)


# A new index when the office's file changes data.formulations()' tuple.
_index: _FormulationIndex | None = None


def _formulation_index(items: tuple[data.Formulation, ...]) -> _FormulationIndex:
    global _index
    if _index is None or _index.items is not items:
        indexed = tuple((item, _reorder_sets(item)) for item in items)
        gates = tuple(_gates(item) for item in items)
        by_pair: dict[str, list[int]] = {}
        by_character: dict[str, list[int]] = {}
        by_rarest: dict[str, list[int]] = {}
        always: list[int] = []
        for at, item_gates in enumerate(gates):
            for anchor in item_gates.anchors:
                # The pairs a paragraph is asked with are those of its text with the quotation
                # marks left out: an anchor in the text keeps its own pairs there.
                plain = _QUOTE_MARKS.sub("", anchor)
                if len(plain) >= 2:
                    by_pair.setdefault(plain[:2], []).append(at)
                elif plain:
                    by_character.setdefault(plain, []).append(at)
                else:
                    always.append(at)
        # A reordering set is filed under its character fewest sets hold: a paragraph holds most
        # of the common ones (发, 展), and each item filed under one is then tried in vain.
        held = Counter(character for _, reorder_sets in indexed for wanted in reorder_sets for character in wanted)
        for at, (item, reorder_sets) in enumerate(indexed):
            if item.quoted:
                continue  # a quoted abbreviation is never looked for reordered
            for wanted in reorder_sets:
                if wanted:
                    by_rarest.setdefault(min(wanted, key=lambda character: (held[character], character)), []).append(at)
                else:
                    always.append(at)  # no characters to want: any text holds them

        def frozen(filed: dict[str, list[int]]) -> dict[str, tuple[int, ...]]:
            return {key: tuple(dict.fromkeys(ats)) for key, ats in filed.items()}

        _index = _FormulationIndex(items, indexed, gates, tuple(dict.fromkeys(always)), frozen(by_pair), frozen(by_character), frozen(by_rarest))
    return _index


def _reorderings(text: str, item: data.Formulation, exact: list[tuple[int, int]], sums: _WindowSums) -> list[Hit]:
    """The item's forms found reordered: the canonical one, an accepted one with other marks, and a
    series with its last item joined by 和."""
    hits = list(_reordered(text, item, exact, sums))
    for form in item.accepted:
        if _MARKS_BETWEEN.sub("", form) == _MARKS_BETWEEN.sub("", item.canonical):
            hits += _reordered(text, item, exact, sums, form)  # 从法治上着眼，从政治上着力: its other marks
    if item.canonical.count("、") >= 2:
        # A series of three or more may join its last item with 和 (幸福感、获得感和安全感).
        head, _, last = item.canonical.rpartition("、")
        hits += _reordered(text, item, exact + _occurrences(text, f"{head}和{last}"), sums, f"{head}和{last}")
    return hits


@cache  # keyed by the lists, which the office's own files may change
def _series_among_core_terms(terms: frozenset[str], forms: frozenset[str]) -> tuple[data.Formulation, ...]:
    """The core terms that are series (简政放权、放管结合、优化服务; 大众创业、万众创新) and no
    formulation of their own: their items in another order are a slip, as a formulation's are."""
    return tuple(
        data.Formulation(term, (), f"规范提法的次序是“{term}”。", TERMS_SOURCE, fuzzy=False, quoted=False)
        for term in sorted(terms)
        if "、" in term and term not in forms
    )


def find_formulation_slips(text: str) -> list[Hit]:
    hits: list[Hit] = []
    sums = _WindowSums(text)
    levels: list[int] | None = None
    canonical_forms = data.formulation_forms()
    titled = "《" in text
    plain = _QUOTE_MARKS.sub("", text)
    pairs = frozenset(plain[at : at + 2] for at in range(len(plain) - 1))
    characters = sums.characters
    index = _formulation_index(data.formulations())
    for at in index.reached(pairs, characters):
        item = index.indexed[at][0]
        gates = index.gates[at]
        anchored = gates.anchored(text, plain)
        if item.quoted:
            if anchored:
                if item.canonical in text:
                    levels = levels or quotation_depth(text)
                    hits += _unquoted(text, item, levels)
                hits += _wrong_forms(text, item, [])  # “两个确定” for “两个确立”
            continue
        exact = _occurrences(text, item.canonical)
        for form in item.accepted:
            exact += _occurrences(text, form)
        if anchored:
            # A wrong form is in the text as it stands, or with quotation marks inside (“立德”树人).
            if any(wrong in text or wrong in plain for wrong in item.wrong) and (item.era is None or not item.era.search(text)):
                hits += _wrong_forms(text, item, exact)  # (党的十六大确定了全面建设小康社会的目标: the form of its day)
            if item.fuzzy and gates.near is not None and (gates.near[0] in text or gates.near[1] in text):
                hits += _near_misses(text, item, exact)
        hits += _reorderings(text, item, exact, sums)
        if not anchored:
            continue  # no other finder can find it here
        if gates.shortened is not None and gates.shortened in text:
            hits += _shortened(text, item, exact)
        if gates.series is not None and gates.series in text and "，" in text:
            hits += _commas_in_series(text, item)
        if "、" in item.canonical:
            hits += _item_changed(text, item, exact)  # (a pair only as a quoted name)
        if titled and item.canonical.startswith("《"):
            hits += _kind_swapped(text, item)
            hits += _title_lengthened(text, item)
        if gates.ending is not None and gates.ending in text:
            hits += _ending_exchanged(text, item, exact, canonical_forms)
    if "、" in text:
        for item in _series_among_core_terms(data.core_terms(), canonical_forms):
            hits += _reorderings(text, item, _occurrences(text, item.canonical), sums)
    hits += leader_theory_slips(text)
    hits += bodies_out_of_order(text)
    hits += levels_out_of_order(text)
    hits += partial_series_reordered(text)
    hits += series_out_of_order(text)
    hits += pairs_out_of_order(text)
    hits += campaign_kind_slips(text)
    hits += fixed_phrase_slips(text, lambda a, b: _slip_like(a, b, same_initial=False))
    hits += term_swap_slips(text)
    hits += ordinals_reversed(text)
    hits += digits_in_names(text)
    hits += unquoted_code_names(text)
    hits += unquoted_numbered_coinages(text)
    hits += unquoted_official_names(text)
    hits += quoted_digit_names(text)
    hits += digits_in_abbreviations(text)
    hits += law_title_slips(text)
    hits += wrong_numbers_in_names(text)
    hits += wrong_numbers_in_families(text)
    hits += changed_words_in_quoted_names(text)
    hits += changed_words_in_families(text)
    hits += plan_kinds(text)
    hits += counts_against_lists(text)
    hits += dated_fact_slips(text)  # first: a plenum held after the year says more than a gap in a list
    hits += congress_before_its_terms(text)
    hits += adopted_by_meetings_slips(text)
    hits += meeting_slips(text)
    hits += apply_rules(text, data.office_rules())
    return drop_overlaps(hits)
