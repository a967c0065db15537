"""易混词: words that are words either way and wrong only in a context (截止目前 → 截至目前).

The rules are data (confusables.toml, :class:`core.proofread.data.ContextRule`); this module
only applies them. No dictionary is needed, so they run before jieba has loaded.
"""

from __future__ import annotations

from collections.abc import Iterable

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
            hits.append(
                Hit(
                    match.start(),
                    match.end(),
                    rule.fix,
                    f"“{wrong}”用错了：{rule.note}",
                    f"改为“{rule.fix}”。",
                    rule.source,
                )
            )
    return drop_overlaps(hits)


def find_confusables(text: str) -> list[Hit]:
    return apply_rules(text, data.confusable_rules())
