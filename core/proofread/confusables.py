"""易混词: words that are words either way and wrong only in a context (截止目前 → 截至目前).

The rules are data (confusables.toml, :class:`core.proofread.data.ContextRule`); this module
applies them, and reads one pattern no list can hold: 应X尽X and 能X则X (应收尽收, 能免则免)
written with a character of the same sound for 尽 or 则 (应公开禁公开, 能缓责缓). No dictionary
is needed, so they run before jieba has loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from core.proofread import data
from core.proofread.hits import Hit, drop_overlaps

CONTEXT_WINDOW = 20


def apply_rules(text: str, rules: Iterable[data.ContextRule]) -> list[Hit]:
    hits = []
    for rule in rules:
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
