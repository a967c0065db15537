"""易混词: words that are words either way and wrong only in a context (截止目前 → 截至目前).

The rules are data (confusables.toml, :class:`core.proofread.data.ContextRule`); this module
applies them, and reads one pattern no list can hold: 应X尽X and 能X则X (应收尽收, 能免则免)
written with a character of the same sound for 尽 or 则 (应公开禁公开, 能缓责缓). No dictionary
is needed, so they run before jieba has loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.proofread import data
from core.proofread.hits import Hit, drop_overlaps

CONTEXT_WINDOW = 20


_REGEX_SPECIAL = frozenset(".^$*+?{}[]\\|()")


def required_literal(pattern: str) -> str:
    """The characters every match of ``pattern`` begins with: its leading plain characters, none
    made optional by a quantifier after it, and "" when the pattern alternates at its top level
    or begins with anything else (a group, a class, a lookbehind)."""
    depth, in_class, escaped = 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return ""
    run = ""
    for ch in pattern:
        if ch in _REGEX_SPECIAL:
            break
        run += ch
    if run and pattern[len(run) : len(run) + 1] in ("?", "*", "{"):
        run = run[:-1]  # 截止?: the last character may be missing
    return run


class _RuleIndex:
    """A tuple of rules by the first character of what their matches begin with: a paragraph asks
    only for the rules its own characters reach (a few dozen of hundreds), and those that begin
    with nothing certain."""

    def __init__(self, rules: tuple[data.ContextRule, ...]) -> None:
        self.rules = rules
        # What every match of each rule begins with ("" if nothing is certain): a text without it
        # is not searched.
        self.needles = [required_literal(rule.pattern.pattern) for rule in rules]
        self.always: list[int] = []
        self.by_first: dict[str, list[int]] = {}
        for at, needle in enumerate(self.needles):
            if needle:
                self.by_first.setdefault(needle[0], []).append(at)
            else:
                self.always.append(at)

    def reached(self, text: str) -> list[data.ContextRule]:
        """The rules that may match in ``text``, in their order (a hit's place among overlapping
        ones follows it)."""
        found = list(self.always)
        for character in set(text) & self.by_first.keys():
            found += (at for at in self.by_first[character] if self.needles[at] in text)
        return [self.rules[at] for at in sorted(found)]


# The index of each tuple of rules asked for (shipped, office), kept with the tuple it was made from;
# an office file read again brings new tuples, and the old indexes are let go.
_indexes: dict[int, _RuleIndex] = {}
_KEPT_INDEXES = 4


def _index_of(rules: tuple[data.ContextRule, ...]) -> _RuleIndex:
    index = _indexes.get(id(rules))
    if index is None or index.rules is not rules:
        if len(_indexes) >= _KEPT_INDEXES:
            _indexes.clear()
        index = _indexes[id(rules)] = _RuleIndex(rules)
    return index


def apply_rules(text: str, rules: tuple[data.ContextRule, ...]) -> list[Hit]:
    hits = []
    for rule in _index_of(rules).reached(text):
        for match in rule.pattern.finditer(text):
            if not match.group():
                continue
            before = text[max(0, match.start() - CONTEXT_WINDOW) : match.start()]
            if rule.before is not None and not rule.before.search(before):
                continue
            if rule.not_before is not None and rule.not_before.search(before):
                continue
            wrong = match.group()
            fix = _expanded(match, rule.fix)
            hits.append(
                Hit(
                    match.start(),
                    match.end(),
                    fix,
                    f"{_what_is_wrong(wrong, fix)}：{rule.note}",
                    f"改为{fix}。" if fix[:1] in "“《" else f"改为“{fix}”。",  # a fix that adds its marks shows them
                    rule.source,
                )
            )
    return drop_overlaps(hits)


def _expanded(match: re.Match[str], fix: str) -> str:
    """The fix with what the pattern found put in (“\\g<0>”); an office's fix that names a group the
    pattern lacks stays as written."""
    try:
        return match.expand(fix)
    except (re.error, IndexError):
        return fix


def _what_is_wrong(wrong: str, fix: str) -> str:
    """The finding's heading: a part left out (政协……届|常务委员会 → 委员会常务委员会) or the same
    words in another order are said as such; anything else is a word used wrongly."""
    if len(fix) > len(wrong) and fix.endswith(wrong):
        return f"“{wrong}”前面少了“{fix[: -len(wrong)]}”"
    if len(fix) > len(wrong) and fix.startswith(wrong):
        return f"“{wrong}”后面少了“{fix[len(wrong) :]}”"
    if wrong != fix and sorted(wrong) == sorted(fix) and "、" in wrong:
        return f"“{wrong}”的次序不对"
    if fix in (f"“{wrong}”", f"《{wrong}》"):
        return f"“{wrong}”没有加{'引号' if fix[0] == '“' else '书名号'}"
    return f"“{wrong}”用错了"


# 应X尽X, 能X则X with the same X twice: what the pattern's 尽 or 则 was typed as by sound.
_SET_PATTERN = re.compile(r"(?P<head>[应能])(?P<x>[\u4e00-\u9fff]{1,3})(?P<link>[进近禁劲紧晋浸责择泽仄])(?P=x)")
_LINKS = {"应": ("尽", "进近禁劲紧晋浸"), "能": ("则", "责择泽仄")}
SET_PATTERN_SOURCE = "固定格式“应×尽×”“能×则×”（应收尽收、能免则免）"


def _set_patterns(text: str) -> Iterator[Hit]:
    for match in _SET_PATTERN.finditer(text):
        link, sounds = _LINKS[match["head"]]
        if match["link"] not in sounds:
            continue
        at = match.start("link")
        written = match.group()
        fixed = written[: at - match.start()] + link + written[at - match.start() + 1 :]
        yield Hit(
            at,
            at + 1,
            link,
            f"“{written}”是固定格式“{match['head']}×{link}×”，“{match['link']}”应为“{link}”。",
            f"改为“{fixed}”。",
            SET_PATTERN_SOURCE,
        )


def find_confusables(text: str) -> list[Hit]:
    return drop_overlaps([*apply_rules(text, data.confusable_rules()), *_set_patterns(text)])
