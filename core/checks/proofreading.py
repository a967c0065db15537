"""校对 checks: 错别字, 易混词, 的地得, 规范表述, 数字用法, 标点误用, 重复词语.

Thin over :mod:`core.proofread`: each check runs one class of rules over every text slot,
through the per-paragraph cache, and turns the hits into findings with the likely correct
text as 一键修正 and the rule's authority as ``source``. All are warnings: they never block
an export. The word-level rules wait for the dictionary only when the caller lets them
(:class:`core.checks.base.CheckContext`); otherwise they run again once it has loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from core.checks.base import CheckContext, Finding, register
from core.proofread import cache
from core.proofread.confusables import find_confusables
from core.proofread.doubling import find_doubling
from core.proofread.formulations import find_formulation_slips, find_zero_circles
from core.proofread.hits import Hit
from core.proofread.lexicon import Lexicon
from core.proofread.marks import find_mark_slips
from core.proofread.particles import find_particle_slips
from core.proofread.slips import find_slips, listed_misspellings

# The checks of this module, for the panel's and the pre-flight's 校对 count.
PROOFREADING_CHECKS = (
    "typo",
    "confusable",
    "particle",
    "formulation",
    "number_usage",
    "punct_misuse",
    "doubled_word",
)


def _findings(
    ctx: CheckContext, check: str, rule: Callable[[str], list[Hit]], complete: bool = True
) -> Iterator[Finding]:
    for slot in ctx.slots:
        if not slot.text:
            continue
        for hit in cache.cached(check, slot.text, rule, keep=complete):
            yield ctx.finding(
                check, slot, hit.start, hit.end, hit.message, hit.suggestion, fix=hit.fix, source=hit.source
            )


def _with_words(
    ctx: CheckContext, check: str, rule: Callable[[str, Lexicon], list[Hit]]
) -> Iterator[Finding]:
    lexicon = ctx.lexicon(check)
    if lexicon is not None:
        yield from _findings(ctx, check, lambda text: rule(text, lexicon))


@register("typo", "错别字")
def check_typos(ctx: CheckContext) -> Iterator[Finding]:
    """峻工 → 竣工, 按步就班 → 按部就班: the curated list always, sound and shape once loaded."""
    lexicon = ctx.lexicon("typo")
    if lexicon is None:
        yield from _findings(ctx, "typo", listed_misspellings, complete=False)
    else:
        yield from _findings(ctx, "typo", lambda text: find_slips(text, lexicon))


@register("confusable", "易混词")
def check_confusables(ctx: CheckContext) -> Iterator[Finding]:
    """截止目前 → 截至目前, 健全权利运行 → 权力: words either way, wrong in this context."""
    yield from _findings(ctx, "confusable", find_confusables)


@register("particle", "的地得")
def check_particles(ctx: CheckContext) -> Iterator[Finding]:
    """认真的落实 → 认真地落实, 开展的有声有色 → 开展得有声有色."""
    yield from _with_words(ctx, "particle", find_particle_slips)


@register("formulation", "规范表述")
def check_formulations(ctx: CheckContext) -> Iterator[Finding]:
    """Fixed formulations and names in their canonical form, their numbers in Chinese numerals."""
    yield from _findings(ctx, "formulation", find_formulation_slips)


@register("number_usage", "数字用法")
def check_number_usage(ctx: CheckContext) -> Iterator[Finding]:
    """二○二○年: the circle ○ used as the numeral 〇."""
    yield from _findings(ctx, "number_usage", find_zero_circles)


@register("punct_misuse", "标点误用")
def check_punctuation(ctx: CheckContext) -> Iterator[Finding]:
    """：， and 。” 。 clashes, 三、四十名, ……等, straight quotes."""
    yield from _findings(ctx, "punct_misuse", find_mark_slips)


@register("doubled_word", "重复词语")
def check_doubling(ctx: CheckContext) -> Iterator[Finding]:
    """制度制度, 各项项, 全全面 — not 研究研究, 常常, 一个个."""
    yield from _with_words(ctx, "doubled_word", find_doubling)
