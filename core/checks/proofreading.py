"""校对 checks: 错别字, 易混词, 的地得, 规范表述, 数字用法, 标点误用, 重复词语.

Thin over :mod:`core.proofread`: each check runs one class of rules over every text slot,
through the per-paragraph cache, and turns the hits into findings with the likely correct
text as 一键修正 and the rule's authority as ``source``. All are warnings: they never block
an export. The fixes of the guessing rules (a likely word, a 的 that may be 地) are applied one
by one, never in bulk; those of 标点误用 and 数字用法 are mechanical and may be. The command line and the pre-flight proofread on their own thread (waiting for the
dictionary); the window only reads the cache and leaves the rest to the background worker
(:mod:`core.proofread.cache`), then checks again (:class:`core.checks.base.CheckContext`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from core.checks.base import CheckContext, Finding, register
from core.proofread import cache, named_spans, plausibility
from core.proofread import data as proofread_data
from core.proofread.body_lists import comma_between_bodies
from core.proofread.confusables import find_confusables
from core.proofread.context_words import SOURCE as CONTEXT_SOURCE
from core.proofread.dated_facts import dated_fact_slips
from core.proofread.doubling import find_doubling
from core.proofread.formulations import find_formulation_slips
from core.proofread.hits import Hit, drop_overlaps
from core.proofread.lexicon import Lexicon, get_lexicon
from core.proofread.list_counts import counts_against_plain_lists
from core.proofread.list_marks import (
    comma_after_first_item,
    comma_among_assessments,
    comma_before_closed_list,
    comma_before_last_item,
    comma_before_like_items,
    comma_between_paired_attributes,
    comma_between_suffixed_words,
    comma_inside_a_list,
    conjunction_after_dunhao,
    dunhao_before_adverbial,
)
from core.proofread.marks import find_mark_slips, time_clause_stopped
from core.proofread.numbers_in_names import find_number_slips
from core.proofread.particles import find_particle_slips
from core.proofread.phrase_windows import SOURCE as PHRASE_SOURCE
from core.proofread.series_orders import characters_swapped
from core.proofread.slips import GUESSED_SOURCE, find_slips
from core.proofread.stated_years import latest_year_written
from core.proofread.traditional_script import traditional_paragraph

# A paragraph longer than this is no prose (GB/T 9704 fits 616 characters on a page): it is
# not proofread, so a hostile million-character paragraph costs nothing. Of one paragraph's
# slips of one kind, this many are listed.
MAX_PARAGRAPH = 20_000
MAX_HITS = 100
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
    ctx: CheckContext, check: str, rule: Callable[[str], list[Hit]], key: str | None = None
) -> Iterator[Finding]:
    """``rule`` over every slot, through the cache (under ``key``, the check's name unless the rule
    reads more than the text); without waiting (the window), a paragraph not read yet is queued
    for the background worker and the check is marked pending."""
    for slot in ctx.slots:
        if not slot.text or len(slot.text) > MAX_PARAGRAPH:
            continue
        if ctx.wait_for_words:
            hits: tuple[Hit, ...] | None = cache.cached(key or check, slot.text, rule)
        else:
            hits = cache.lookup_or_queue(key or check, slot.text, rule)
        if hits is None:
            ctx.pending.add(check)
            continue
        for hit in hits[:MAX_HITS]:
            yield ctx.finding(
                check, slot, hit.start, hit.end, hit.message, hit.suggestion, fix=hit.fix, source=hit.source
            )


def _with_words(rule: Callable[[str, Lexicon], list[Hit]]) -> Callable[[str], list[Hit]]:
    """``rule`` given the dictionary, loaded (or waited for) on the thread that runs it."""
    return lambda text: rule(text, get_lexicon())


@register("typo", "错别字", bulk_fix=False)
def check_typos(ctx: CheckContext) -> Iterator[Finding]:
    """峻工 → 竣工, 按步就班 → 按部就班: the curated list, then sound and shape — not the
    guesses a report would not have meant (:mod:`core.proofread.plausibility`)."""
    findings = list(_findings(ctx, "typo", _with_words(_plausible_slips)))
    # Guesses, by sound and shape or by the words or runs around (法治三乡 → 三项): one the draft writes
    # twice is a term of its own.
    guessing = (GUESSED_SOURCE, CONTEXT_SOURCE, PHRASE_SOURCE)
    guessed = {f.text for f in findings if f.source in guessing}
    fixes = {f.text: f.fix for f in findings if f.source in guessing and f.fix}
    # Guesses exist only once the dictionary is built: asking for it never waits here.
    words = get_lexicon(wait=False) if guessed else None
    texts = [slot.text for slot in ctx.slots]
    coined = plausibility.repeated_spans(texts, guessed, words, fixes)
    # ... and one that reaches into a person the report names after a title elsewhere (秦迎|军对).
    names = named_spans.names_introduced(texts) if guessed else set()
    if names:
        whole = ["\n".join(texts)]
        coined |= {span for span in guessed - coined if named_spans.inside_a_name(span, names, whole)}
    yield from (f for f in findings if not (f.source in guessing and f.text in coined))


def _plausible_slips(text: str, lexicon: Lexicon | None) -> list[Hit]:
    if whole := traditional_paragraph(text):
        return [whole]  # one finding for a paragraph in 繁体字, not a guess at each of its words
    # A word the confusable check puts right (签定 → 签订, 截止目前 → 截至目前) is its finding, not a
    # second one here over any of its characters; its hits are the ones that check caches under its
    # name, read or computed once.
    confused = [(hit.start, hit.end) for hit in cache.cached("confusable", text, find_confusables)]
    return [
        hit
        for hit in plausibility.plausible_slips(text, find_slips(text, lexicon), lexicon)
        if not any(start < hit.end and hit.start < end for start, end in confused)
    ]


def _plausible_doubling(text: str, lexicon: Lexicon) -> list[Hit]:
    return plausibility.plausible_doubling(text, find_doubling(text, lexicon), lexicon)


@register("confusable", "易混词", bulk_fix=False)
def check_confusables(ctx: CheckContext) -> Iterator[Finding]:
    """截止目前 → 截至目前, 健全权利运行 → 权力: words either way, wrong in this context."""
    yield from _findings(ctx, "confusable", find_confusables)


@register("particle", "的地得", bulk_fix=False)
def check_particles(ctx: CheckContext) -> Iterator[Finding]:
    """认真的落实 → 认真地落实, 开展的有声有色 → 开展得有声有色."""
    yield from _findings(ctx, "particle", _with_words(find_particle_slips))


@register("formulation", "规范表述", bulk_fix=False)
def check_formulations(ctx: CheckContext) -> Iterator[Finding]:
    """Fixed formulations and names in their canonical form, their numbers in Chinese numerals;
    the count of a list as many as are listed."""
    year = ctx.report.year
    # A report of a year before a formulation was set wrote the form of its day (全面建设小康社会 in 2007).
    # A draft of no year is dated by the latest year it writes, as a report of the year after (1997年
    # … 2002年: 全面建设小康社会 as the 十六大 said); one that writes none is read as of today.
    written = latest_year_written(slot.text for slot in ctx.slots) if year is None else None
    dated_by = year if year is not None else (written + 1 if written is not None else None)
    since = proofread_data.formulations_since() if dated_by is not None else {}
    yield from (
        f for f in _findings(ctx, "formulation", _with_words(_formulation_slips)) if dated_by is None or since.get(f.text, 0) <= dated_by
    )
    if year is not None:
        # 今年, 去年 read as the years they are in this report: cached apart from the text alone.
        yield from _findings(ctx, "formulation", partial(_report_year_slips, this_year=year), f"formulation@{year}")


def _formulation_slips(text: str, lexicon: Lexicon) -> list[Hit]:
    return drop_overlaps([*find_formulation_slips(text), *counts_against_plain_lists(text, lexicon), *characters_swapped(text, lexicon)])


def _report_year_slips(text: str, this_year: int) -> list[Hit]:
    """What the report's year adds to the dated facts: 今年是“十四五”收官之年 copied into a
    2026 report from last year's."""
    without_year = set(dated_fact_slips(text))
    return [hit for hit in dated_fact_slips(text, this_year) if hit not in without_year]


@register("number_usage", "数字用法")
def check_number_usage(ctx: CheckContext) -> Iterator[Finding]:
    """二○二○年: the circle ○ used as the numeral 〇; 20几家; 10-20%."""
    yield from _findings(ctx, "number_usage", find_number_slips)


@register("punct_misuse", "标点误用")
def check_punctuation(ctx: CheckContext) -> Iterator[Finding]:
    """：， and 。” 。 clashes, 三、四十名, ……等, straight quotes, 、和."""
    yield from _findings(ctx, "punct_misuse", _with_words(_mark_slips))


def _mark_slips(text: str, lexicon: Lexicon) -> list[Hit]:
    return drop_overlaps(
        [
            *find_mark_slips(text),
            *conjunction_after_dunhao(text, lexicon),
            *comma_before_last_item(text, lexicon),
            *comma_before_like_items(text, lexicon),
            *comma_before_closed_list(text, lexicon),
            *comma_after_first_item(text, lexicon),
            *comma_between_suffixed_words(text, lexicon),
            *comma_among_assessments(text, lexicon),
            *comma_between_paired_attributes(text, lexicon),
            *comma_inside_a_list(text, lexicon),
            *comma_between_bodies(text, lexicon),
            *time_clause_stopped(text, lexicon),
            *dunhao_before_adverbial(text, lexicon),
        ]
    )


@register("doubled_word", "重复词语", bulk_fix=False)
def check_doubling(ctx: CheckContext) -> Iterator[Finding]:
    """制度制度, 各项项, 全全面 — not 研究研究, 常常, 一个个."""
    yield from _findings(ctx, "doubled_word", _with_words(_plausible_doubling))
