"""A fixed name's own number (formulations.toml): 三好农村路, 三个一百年, 五讲五美 — a name no other
number makes a name of, written with another (``one_number_names``); 三去一减一补 — such a name long
enough to be fixed in every character; 增强“三个意识”、坚定“四个自信” — a name listed beside others of
its family with another number (``name_families``), though that number alone makes a name elsewhere;
“两个毫不犹豫” — a quoted name with a listed one's numbers and one word of it changed; 增强“四个意识”、
坚定“四个自信”、做到“两个确保” — a quoted name beside its family, their number and another word.
How the numbers in names are written (digits or Chinese numerals) is :mod:`core.proofread.numbers_in_names`'s.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from functools import cache

from core.proofread import data
from core.proofread.hits import Hit
from core.proofread.numbers_in_names import CHINESE_NUMERALS


def _shape(name: str) -> str:
    """``name`` with each run of Chinese numerals as #: 五讲四美 and 五讲五美 share 五#讲#美's shape."""
    return re.sub(f"[{CHINESE_NUMERALS}]+", "#", name)


@cache
def _shapes(names: Collection[str]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One pattern for ``names`` with any numerals in their numerals' places (三好农村路, 五讲五美,
    三去一减一补 would not match: 减 is no numeral), and each shape's name."""
    by_shape = {_shape(name): name for name in sorted(names)}
    if not by_shape:
        return None, by_shape
    alternatives = (
        "".join(f"(?<![{CHINESE_NUMERALS}])[{CHINESE_NUMERALS}]{{1,2}}" if part == "#" else re.escape(part) for part in re.split("(#)", shape) if part)
        for shape in sorted(by_shape, key=len, reverse=True)
    )
    return re.compile("|".join(alternatives)), by_shape


def _numbers_as_long(written: str, canonical: str) -> bool:
    """Are the numbers of ``written`` as many characters as ``canonical``'s? One numeral typed for
    another is a slip (三好农村路); a count of another length (“十二个凡是” for 两个凡是) is another,
    coined name."""
    numbers = f"[{CHINESE_NUMERALS}]+"
    return [len(n) for n in re.findall(numbers, written)] == [len(n) for n in re.findall(numbers, canonical)]


def _number_changed(start: int, end: int, written: str, canonical: str, why: str) -> Hit:
    # A name listed with its quotation marks (“三个代表”: 一个代表 is a phrase) is shown in one pair.
    shown, shown_written = canonical.strip("“”"), written.strip("“”")
    return Hit(
        start,
        end,
        canonical,
        f"“{shown_written}”的数字不对：{why}“{shown}”。",
        f"改为“{shown}”。",
        "中央文件的写法",
    )


def wrong_numbers_in_names(text: str) -> Iterator[Hit]:
    """三好农村路, 三个一百年, 五讲五美: a numbered name with another number (formulations.toml
    ``one_number_names``: no other number makes a name of them; 三位一体, 三个意识, 八大攻坚战 are
    names too, so those are read only beside their family, :func:`wrong_numbers_in_families`)."""
    pattern, by_shape = _shapes(data.one_number_names())
    if pattern is None:
        return
    for match in pattern.finditer(text):
        canonical = by_shape[_shape(match.group())]
        if match.group() != canonical and match.group() not in data.numbered_names() and _numbers_as_long(match.group(), canonical):
            yield _number_changed(match.start(), match.end(), match.group(), canonical, "这一固定名称是")
    words, by_slip = _one_word_changed(data.one_number_names())
    if words is not None:
        for match in words.finditer(text):
            canonical = by_slip[match.lastgroup or ""]
            yield Hit(
                match.start(),
                match.end(),
                canonical,
                f"“{match.group()}”与固定名称“{canonical}”差一个字，可能写错了。",
                f"改为“{canonical}”。",
                "中央文件的写法",
            )


# A numbered name this long, with numerals in two places or more, is fixed in every character
# (三去一减一补, 两不愁三保证); a shorter one may be another name (三会一课, 两个一百天).
_FIXED_LENGTH = 6


@cache
def _one_word_changed(names: frozenset[str]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One pattern for the long numbered names of ``names`` (see _FIXED_LENGTH) with one
    character that is no numeral changed, and each alternative's name."""
    alternatives, by_slip = [], {}
    for name in sorted(names):
        if len(name) < _FIXED_LENGTH or len(re.findall(f"[{CHINESE_NUMERALS}]+", name)) < 2:
            continue
        for at, character in enumerate(name):
            if character in CHINESE_NUMERALS or not re.fullmatch(r"[\u4e00-\u9fff]", character):
                continue
            group = f"slip{len(by_slip)}"
            by_slip[group] = name
            changed = f"(?!{character})[\u4e00-\u9fff]"
            alternatives.append(f"(?P<{group}>{re.escape(name[:at])}{changed}{re.escape(name[at + 1 :])})")
    return (re.compile("|".join(alternatives)) if alternatives else None), by_slip


# Names of a family stand this close when written together: 增强“四个意识”、坚定“四个自信” (5),
# 统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局 (11).
_FAMILY_REACH = 12


def _listed_together(text: str, one: re.Match[str], other: re.Match[str]) -> bool:
    """Are the two names items of one list: close, with a 顿号 between them and no other mark of
    a pause (坚定“四个自信”，开展“三个意识”教育 are two clauses)?"""
    gap = text[min(one.end(), other.end()) : max(one.start(), other.start())]
    return len(gap) <= _FAMILY_REACH and "、" in gap and not re.search("[，。；：！？]", gap)


def wrong_numbers_in_families(text: str) -> Iterator[Hit]:
    """增强“三个意识”、坚定“四个自信”: right beside a name of its family (formulations.toml
    ``name_families``), a numbered name with another number is a slip, though the number alone
    makes a name elsewhere (the 三个意识 of 宗教 work)."""
    for family in data.name_families():
        pattern, by_shape = _shapes(family)
        if pattern is None:
            continue
        found = list(pattern.finditer(text))
        written = [match for match in found if match.group() in family]
        for match in found:
            canonical = by_shape[_shape(match.group())]
            if match.group() == canonical or match.group() in family:
                continue
            if any(other.group() != canonical and _listed_together(text, match, other) for other in written):
                yield _number_changed(match.start(), match.end(), match.group(), canonical, "与它并提的名称中是")


# A quoted name of a listed one's length, with its numbers in their places, and the characters of
# one word of it changed: at most this many, side by side.
_CHANGED_AT_MOST = 2
# Characters other than numerals left as the listed name has them: fewer (两个|责任 for 两个|清单)
# leave another name of the same mould, not the listed one misremembered.
_KEPT_AT_LEAST = 3
_QUOTED = re.compile(r"“([^“”\n]{4,12})”")
# A quoted name followed by its parts in brackets, listed with 顿号: a name the text defines itself.
_ITEMS_SPELLED_OUT = re.compile(r"[（(][^（）()]*、[^（）()]*[）)]")


def _changed_word(written: str, name: str) -> bool:
    """Is ``written`` the name with the characters of one word changed (see above)?"""
    if len(written) != len(name):
        return False
    changed = [at for at, (a, b) in enumerate(zip(written, name, strict=True)) if a != b]
    if not changed or len(changed) > _CHANGED_AT_MOST or changed[-1] - changed[0] >= len(changed):
        return False
    if any(written[at] in CHINESE_NUMERALS or name[at] in CHINESE_NUMERALS for at in changed):
        return False  # a number changed: wrong_numbers_in_names's, or another name
    if not re.fullmatch(r"[\u4e00-\u9fff]+", written):
        return False
    kept = sum(1 for at, ch in enumerate(name) if at not in changed and ch not in CHINESE_NUMERALS)
    return kept >= _KEPT_AT_LEAST and any(ch in CHINESE_NUMERALS for ch in name)


def changed_words_in_quoted_names(text: str) -> Iterator[Hit]:
    """“两个毫不犹豫”, “五个必经之路”: quotes mark a set name, and one with a listed numbered name's
    numbers and all but one word of its characters is that name misremembered. Only quoted: in
    running text the same words are often a phrase of their own."""
    names = data.numbered_names() | data.one_number_names()
    in_order = sorted(names)
    for match in _QUOTED.finditer(text):
        written = match.group(1)
        if written in names or _ITEMS_SPELLED_OUT.match(text, match.end()):
            continue  # 实施“五大发展战略”（大开放、大集镇、……）: the text names its own parts, its own name
        for name in in_order:
            if _changed_word(written, name):
                yield Hit(
                    match.start(1),
                    match.end(1),
                    name,
                    f"“{written}”与固定名称“{name}”只差一个词，可能写错了。",
                    f"改为“{name}”。",
                    "中央文件的写法",
                )
                break


# The gap between two quoted names of a family listed in one sentence: verbs and marks of a list.
_FAMILY_SENTENCE_GAP = 12


def changed_words_in_families(text: str) -> Iterator[Hit]:
    """增强“四个意识”、坚定“四个自信”、做到“两个确保”: a quoted name listed beside a name of its family
    (``name_families``), with a member's number and length but another word, is that member
    misremembered — the member of that number the list does not name already."""
    for family in data.name_families():
        for match in _QUOTED.finditer(text):
            written = match.group(1)
            if written in family:
                continue
            like = sorted(name for name in family if len(name) == len(written) and _number_part(name) == _number_part(written))
            if not like or not _beside_family(text, match, family):
                continue
            sentence = _sentence_around(text, match.start(), match.end())
            missing = [name for name in like if name not in sentence and _in_its_place(text, match, family, name)]
            if not missing:
                continue
            if len(missing) > 1:
                missing = [name for name in missing if _VERB_OF.get(name, "") and text[: match.start()].endswith(_VERB_OF[name])] or missing
            fix = missing[0] if len(missing) == 1 else None
            meant = "”或“".join(missing)
            yield Hit(
                match.start(1),
                match.end(1),
                fix,
                f"“{written}”与并提的名称不合：同一组提法中应是“{meant}”。",
                f"改为“{meant}”。",
                "中央文件的写法",
            )


# The verb each of two like names takes (深刻领悟“两个确立”, 坚决做到“两个维护”): which one a
# misremembered name stood for, where both are missing from its list.
_VERB_OF = {"两个确立": "领悟", "两个维护": "做到", "四个意识": "增强", "四个自信": "坚定"}


def _number_part(name: str) -> str:
    """The numeral and the measure word a numbered name begins with (两个, 四个, 五位; 六 of 六稳)."""
    found = re.match(f"[{CHINESE_NUMERALS}]+[个位项大条]?", name)
    return found.group() if found else ""


def _in_its_place(text: str, match: re.Match[str], family: tuple[str, ...], name: str) -> bool:
    """Does ``match`` stand where ``name`` belongs in its family's order: after the members listed
    before it, before those listed after (“两个维护”，模范践行“四个特别”: 四个特别 follows the last
    member, where 四个自信 never stands)?"""
    rank = family.index(name)
    sentence_start = text.rfind("。", 0, match.start()) + 1
    for other in _QUOTED.finditer(text, sentence_start):
        if other.group(1) in family and other.start() != match.start():
            if "。" in text[match.end() : other.start()]:
                break
            if (family.index(other.group(1)) < rank) != (other.start() < match.start()):
                return False
    return True


def _beside_family(text: str, match: re.Match[str], family: tuple[str, ...]) -> bool:
    """Is another quoted name of ``family`` within a few characters of ``match``, in its sentence?"""
    for other in _QUOTED.finditer(text):
        if other.group(1) not in family or other.start() == match.start():
            continue
        gap = text[min(match.end(), other.end()) : max(match.start(), other.start())]
        if len(gap) <= _FAMILY_SENTENCE_GAP and not re.search("[。；！？]", gap):
            return True
    return False


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(mark, 0, start) for mark in "。；！？\n")
    rights = [at for at in (text.find(mark, end) for mark in "。；！？\n") if at != -1]
    return text[left + 1 : min(rights) if rights else len(text)]
