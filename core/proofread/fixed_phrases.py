"""Set phrases of published reports written one character off (全国人大常务会 for 全国人大常委会,
“两个树立” for “两个确立”, 不是用来炒作的 for 不是用来炒的).

``fixed_phrases.txt`` (made by scripts/build_fixed_phrases.py from published 政府工作报告) holds
the phrases reports write alike again and again: runs of seven to twelve characters, and quoted
names of four to ten. Beside each it lists the edits published text itself makes to it — a
character put for another at some place, one left out or put in — for there the phrase has
a slot (中央经济工作会议, 全省经济工作会议: its first characters vary), not a fixed form. The
quoted names of formulations.toml (and the office's) of four characters or more are checked for
two characters or the name's two parts exchanged (“两院一府”), quoted: one province's slogan (“三高四新”) is quoted too seldom in the
reports counted (a character changed there is as often another name: “一国两府”, “两个确保”).

A span of the draft that is such a phrase but for one edit the reports never make — one
character changed, left out or put in, or two exchanged — is flagged, unless the change is
one of numbers (三个/四个) or of administrative levels (全省/全市), which make other names.
Found by anchoring on the phrase's first or last three characters, which one edit leaves
whole: a dictionary look-up per character of the draft; two characters exchanged in a short
quoted name may break both ends (“三新四高”), so quoted spans are also looked up by their
characters, sorted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from core.proofread import data
from core.proofread.hits import HAN_RUN, Hit
from core.proofread.loose_pairs import WIDE_LEVELS

FILE_NAME = "fixed_phrases.txt"
ANCHOR = 3  # characters at either end that one edit leaves whole, as phrases are six or longer
SOURCE = "公文固定说法（据已发布的政府工作报告统计）"

# Characters whose exchange makes another name, not a slip: numbers and levels of government.
_NUMBERS = frozenset("〇一二三四五六七八九十百千万两0123456789")
_OPENERS = "“"
_QUOTED = re.compile(r"“[^“”\n]{2,12}”")
# Function words reports put in or leave out of a phrase freely (在省委的坚强领导下, 增长了百分之…).
# Characters that say the same in a set phrase's place (“下半篇文章” is “后半篇文章”, 上半年 前半年).
_SAME_SENSE = frozenset({frozenset("下后"), frozenset("上前")})
_FUNCTION = frozenset("的了地得着和与及或等之第在是为于以也都还仍又并而其更级")


# How the written span differs from the phrase, as the clerk reads it.
_HOW_IT_DIFFERS = {"s": "差一个字", "d": "少了一个字", "i": "多了一个字", "x": "有两个字前后颠倒", "r": "前后两部分颠倒"}


@dataclass(frozen=True)
class Edit:
    """One edit turning the phrase into the written span: ``kind`` s (a character put for
    another), d (one left out), i (one put in before ``at``), x (the characters at ``at`` and
    ``other`` exchanged), r (a quoted name's two parts exchanged: “两院一府”)."""

    kind: str
    at: int
    other: int = -1

    @property
    def code(self) -> str:
        return f"{self.kind}{self.at}" + (f"-{self.other}" if self.kind == "x" else "")


@dataclass(frozen=True)
class Phrases:
    by_start: dict[str, tuple[str, ...]]  # first ANCHOR characters → phrases
    by_end: dict[str, tuple[str, ...]]  # last ANCHOR characters → phrases
    attested: dict[str, frozenset[str]]  # phrase → edit codes published text makes to it
    # A quoted name's characters, sorted → the names: two exchanged in a short name (“三新四高”)
    # may leave neither end whole.
    by_letters: dict[str, tuple[str, ...]]


def build_index(lines: dict[str, frozenset[str]]) -> Phrases:
    by_start: dict[str, list[str]] = {}
    by_end: dict[str, list[str]] = {}
    by_letters: dict[str, list[str]] = {}
    for phrase in lines:
        by_start.setdefault(phrase[:ANCHOR], []).append(phrase)
        by_end.setdefault(phrase[-ANCHOR:], []).append(phrase)
        if phrase.startswith(_OPENERS):
            by_letters.setdefault("".join(sorted(phrase)), []).append(phrase)
    return Phrases(
        {k: tuple(v) for k, v in by_start.items()},
        {k: tuple(v) for k, v in by_end.items()},
        dict(lines),
        {k: tuple(v) for k, v in by_letters.items()},
    )


@cache
def phrases() -> Phrases:
    """The shipped table: phrase, how often reports write it, and the edits they make to it."""
    path = data.shipped_dir() / FILE_NAME
    table: dict[str, frozenset[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        phrase, _count, *edits = line.split("\t")
        table[phrase] = frozenset(edits[0].split()) if edits else frozenset()
    return build_index(table)


# A quoted formulation this long at least (“三高四新”) is checked as the reports' quoted names are.
_SHORTEST_QUOTED_FORMULATION = 4


# The quoted formulations' index, with the names it was built from: data.quoted_names keeps its
# tuple until the office's files are read again, so one look at its identity serves each paragraph.
_quoted_index: tuple[tuple[str, ...], Phrases] | None = None


def _quoted_formulations() -> Phrases:
    """formulations.toml's quoted names (the office's too) that the reports write too seldom to be
    counted (“三高四新” is one province's): checked the same way, quoted."""
    global _quoted_index
    names = data.quoted_names()
    if _quoted_index is None or _quoted_index[0] is not names:
        long_enough = (f"“{name}”" for name in names if len(name) >= _SHORTEST_QUOTED_FORMULATION)
        _quoted_index = (names, build_index(dict.fromkeys(long_enough, frozenset())))
    return _quoted_index[1]


def _edit_between(written: str, phrase: str) -> Edit | None:
    """The one edit that turns ``phrase`` into ``written`` (which differ), or None."""
    if len(written) == len(phrase):
        diffs = [k for k, (a, b) in enumerate(zip(written, phrase, strict=True)) if a != b]
        if len(diffs) == 1:
            return Edit("s", diffs[0])
        if len(diffs) == 2 and written[diffs[0]] == phrase[diffs[1]] and written[diffs[1]] == phrase[diffs[0]]:
            return Edit("x", diffs[0], diffs[1])
        inner, name = written.strip("“”"), phrase.strip("“”")
        if len(name) == len(inner) and phrase.startswith(_OPENERS) and any(
            inner == name[k:] + name[:k] for k in range(2, len(name) - 1)
        ):
            return Edit("r", diffs[0])  # “两院一府” for “一府两院”: the name's two parts exchanged
        return None
    if len(written) == len(phrase) - 1:
        at = next((k for k, (a, b) in enumerate(zip(written, phrase, strict=False)) if a != b), len(written))
        return Edit("d", at) if written[at:] == phrase[at + 1 :] else None
    if len(written) == len(phrase) + 1:
        at = next((k for k, (a, b) in enumerate(zip(written, phrase, strict=False)) if a != b), len(phrase))
        return Edit("i", at) if written[at + 1 :] == phrase[at:] else None
    return None


def _not_a_slip(written: str, phrase: str, edit: Edit, alike: Callable[[str, str], bool]) -> bool:
    """Is the edit one that says another thing on purpose: a number or a level of government for
    another, a function word put in, left out or exchanged (在省委的坚强领导下), a mark where the
    phrase has a character — or one at either end of an unquoted phrase, where a run counted in
    the reports is often cut in the middle of a word (积极性和创造|性 against 积极性和创造精神)?"""
    quoted = phrase.startswith(_OPENERS)
    if not quoted and edit.at in (0, len(phrase) - 1 if edit.kind != "i" else len(phrase)):
        return True
    if (edit.kind == "i" and edit.at in (1, len(phrase) - 1)) or (edit.kind == "d" and edit.at in (1, len(phrase) - 2)):
        return True  # 落|实积极的财政政策, 国家|级, “五个一工程奖”, “专精特”: a name grown or cut at its edge
    if quoted and len(set(phrase)) < len(phrase):
        # “一村一品”, “双招双引”: a mould that slogans fill with other words (“一村一警”) — but
        # not with the same words the other way round (“一路一带”), nor with a character that
        # sounds or looks like the one it stands for (“一老一少”)
        return not (edit.kind == "x" or (edit.kind == "s" and alike(written[edit.at], phrase[edit.at])))
    if edit.kind == "s":
        pair = {written[edit.at], phrase[edit.at]}
        return (
            pair <= _NUMBERS
            or pair <= WIDE_LEVELS
            or bool(pair & _FUNCTION)
            or frozenset(pair) in _SAME_SENSE
            or not HAN_RUN.fullmatch(written[edit.at])
        )
    if edit.kind == "i":
        return not HAN_RUN.fullmatch(written[edit.at]) or written[edit.at] in _NUMBERS | _FUNCTION | WIDE_LEVELS
    if edit.kind == "d":
        return phrase[edit.at] in _NUMBERS | _FUNCTION | WIDE_LEVELS
    if edit.kind == "r":
        return False
    exchanged = {written[edit.at], written[edit.other]}
    if quoted and exchanged <= _NUMBERS:
        return False  # “千百万工程”: the name's own numbers in another order, no other name
    return bool(exchanged & (_NUMBERS | _FUNCTION))


# Two quoted terms side by side: at most this many characters between them (“县之大者”、“民之大者”).
_BESIDE = 2


def _mould_filled_beside(text: str, start: int, end: int, phrase: str, at: int) -> bool:
    """Does another quoted term stand right before or after ``text[start:end]`` that is ``phrase``
    but perhaps for the character at ``at`` too? Then the writer plays on the phrase's mould."""
    size = end - start
    for other_start in (start - size - k for k in range(_BESIDE + 1)):
        if other_start >= 0 and _same_mould(text[other_start : other_start + size], phrase, at):
            return True
    for other_start in (end + k for k in range(_BESIDE + 1)):
        if _same_mould(text[other_start : other_start + size], phrase, at):
            return True
    return False


def _same_mould(other: str, phrase: str, at: int) -> bool:
    return (
        len(other) == len(phrase)
        and other.startswith(_OPENERS)
        and other.endswith("”")
        and all(a == b for k, (a, b) in enumerate(zip(other, phrase, strict=True)) if k != at)
    )


def one_edit_spans(text: str, table: Phrases) -> Iterator[tuple[int, int, str, Edit]]:
    """Every span of ``text`` that is a phrase of ``table`` but for one edit (start, end, the
    phrase, the edit), whether published text makes that edit or not."""
    seen: set[tuple[int, int, str]] = set()
    for at in range(len(text) - ANCHOR + 1):
        for phrase in table.by_start.get(text[at : at + ANCHOR], ()):
            for size in (len(phrase) - 1, len(phrase), len(phrase) + 1):
                found = _check(text, at, at + size, phrase, seen)
                if found is not None:
                    yield found
        end = at + ANCHOR
        for phrase in table.by_end.get(text[at:end], ()):
            for size in (len(phrase) - 1, len(phrase), len(phrase) + 1):
                found = _check(text, end - size, end, phrase, seen)
                if found is not None:
                    yield found
    for quoted in _QUOTED.finditer(text):
        for phrase in table.by_letters.get("".join(sorted(quoted.group())), ()):
            found = _check(text, quoted.start(), quoted.end(), phrase, seen)
            if found is not None:
                yield found


def _check(text: str, start: int, end: int, phrase: str, seen: set[tuple[int, int, str]]) -> tuple[int, int, str, Edit] | None:
    if start < 0 or end > len(text) or (start, end, phrase) in seen:
        return None
    seen.add((start, end, phrase))
    written = text[start:end]
    if written == phrase or phrase in text[max(0, start - 1) : end + 1]:
        return None  # the phrase itself, perhaps with a character more beside it
    edit = _edit_between(written, phrase)
    return None if edit is None else (start, end, phrase, edit)


def fixed_phrase_slips(text: str, alike: Callable[[str, str], bool]) -> Iterator[Hit]:
    """Spans one edit away from a set phrase, an edit published text never makes to it. In a
    quoted name any such edit (“两个树立”, “四不摘”); in running text only a character put for
    one that sounds or looks ``alike``, or two exchanged (农村农业现代化) — elsewhere the reports'
    own words vary too freely (打好/打赢, 深入/深化学习), so such a change is a synonym as often as
    a slip."""
    counted = phrases()
    yield from _slips_of(text, counted, alike)
    # formulations.toml's quoted names: only two characters exchanged (“三新四高”); a character
    # changed there is as often another name of the same mould (“一国两府”, “两个确保”). Those
    # the reports quote often enough to be counted are checked above.
    for hit in _slips_of(text, _quoted_formulations(), alike, kinds="xr"):
        if hit.fix not in counted.attested:
            yield hit


def _slips_of(text: str, table: Phrases, alike: Callable[[str, str], bool], kinds: str = "sdixr") -> Iterator[Hit]:
    for start, end, phrase, edit in one_edit_spans(text, table):
        if edit.kind not in kinds:
            continue
        written = text[start:end]
        if edit.code in table.attested[phrase] or written in table.attested or _not_a_slip(written, phrase, edit, alike):
            continue
        if phrase.startswith(_OPENERS):
            if not (written.startswith(_OPENERS) and written.endswith("”")):
                continue  # a quoted name is matched with its marks
            if edit.kind == "s" and _mould_filled_beside(text, start, end, phrase, edit.at):
                continue  # “县之大者”“民之大者”: the phrase's mould filled twice on purpose
        elif not (edit.kind == "x" or (edit.kind == "s" and alike(written[edit.at], phrase[edit.at]))):
            continue
        shown = phrase.strip("“”")
        yield Hit(
            start,
            end,
            phrase,
            f"“{written.strip('“”')}”与公文里固定的说法“{shown}”{_HOW_IT_DIFFERS[edit.kind]}，可能写错了。",
            f"如是“{shown}”，改为“{shown}”。",
            SOURCE,
        )
