"""Checks of the 公文 elements (GB/T 9704 7.2 版头, 7.4 版记): 发文字号, 签发人, 密级,
紧急程度, and the order of 成文日期 and 印发日期.

The 版头 checks run only while the report has a 版头 (电子红头 or 套红纸): a field the
clerk filled in but does not print is nobody's concern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.checks.base import CheckContext, Finding, register
from core.draft.fields import HEADER_NONE
from core.text.doc_number import doc_number_problems
from core.text.textslots import Slot

SECRECY_LEVELS = ("绝密", "机密", "秘密")
URGENCY_LEVELS = ("特急", "加急")
# 密级 (7.2.2): 绝密/机密/秘密, optionally ★ and the 保密期限 (1年, 6个月, 长期).
_SECRECY = re.compile(r"^(绝密|机密|秘密)(?:★(?:\d+年|\d+个月|长期))?$")
_STAR_LOOKALIKES = re.compile(r"[☆*＊·•]")


def _slot(ctx: CheckContext, field: str) -> Slot:
    found = next((s for s in ctx.slots if s.field == field and not s.section_id), None)
    return found or Slot("", field, 0, getattr(ctx.report, field))


def _has_header(ctx: CheckContext) -> bool:
    return ctx.report.header_mode != HEADER_NONE


@register("doc_number_form", "发文字号格式")
def check_doc_number(ctx: CheckContext) -> Iterator[Finding]:
    """〔〕 around the year (not []/【】/()), no leading zeros, no "第" (7.2.5)."""
    if not _has_header(ctx):
        return
    slot = _slot(ctx, "doc_number")
    for problem in doc_number_problems(slot.text):
        yield ctx.finding(
            "doc_number_form", slot, problem.start, problem.end, problem.message, problem.suggestion, fix=problem.fix
        )


@register("signers_upward", "上报缺签发人")
def check_signers(ctx: CheckContext) -> Iterator[Finding]:
    """A report sent upward (the kind says so) names its 签发人 in the 版头 (7.2.6)."""
    from core.draft.kinds import load_kinds

    kind = load_kinds().get(ctx.report.kind)
    if kind is None or not kind.upward or not _has_header(ctx) or ctx.report.signers.strip():
        return
    slot = _slot(ctx, "signers")
    yield ctx.finding(
        "signers_upward",
        slot,
        0,
        0,
        "上报的报告应在版头标注签发人。",
        "在“报告信息”的“签发人”中填写签发领导的姓名。",
    )


@register("secrecy_form", "密级和紧急程度格式")
def check_secrecy(ctx: CheckContext) -> Iterator[Finding]:
    """密级和保密期限 as "秘密★1年" (7.2.2); 紧急程度 特急 or 加急 (7.2.3); 份号 on 涉密公文 (7.2.1)."""
    if not _has_header(ctx):
        return
    slot = _slot(ctx, "secrecy")
    text = slot.text.strip()
    if text and not _SECRECY.match(text.replace(" ", "").replace("\u3000", "")):
        star = _STAR_LOOKALIKES.search(text)
        if star:
            message = f"密级和保密期限之间应用“★”隔开，不用“{star.group()}”。"
        elif not text.startswith(SECRECY_LEVELS):
            message = f"密级“{text}”不规范：只能是绝密、机密或秘密。"
        else:
            message = f"“{text}”写法不规范：保密期限写在“★”之后，如“秘密★1年”“机密★6个月”。"
        yield ctx.finding("secrecy_form", slot, 0, len(slot.text), message, "按“秘密★1年”的格式填写。")
    if text and not ctx.report.copy_number.strip():
        yield ctx.finding(
            "secrecy_form", slot, 0, len(slot.text), "涉密公文应当标注份号。", "在“份号”中填写份数序号，如 000001。"
        )
    urgency = _slot(ctx, "urgency")
    if urgency.text.strip() and urgency.text.strip() not in URGENCY_LEVELS:
        yield ctx.finding(
            "secrecy_form",
            urgency,
            0,
            len(urgency.text),
            f"紧急程度“{urgency.text.strip()}”不规范：只能是特急或加急。",
            "改为“特急”或“加急”。",
        )


@register("print_date_order", "印发日期早于成文日期")
def check_print_date(ctx: CheckContext) -> Iterator[Finding]:
    """The 印发日期 in the 版记 is not before the 成文日期 (7.4.3): a document is printed
    and sent after it is signed."""
    written, printed = ctx.report.date.strip(), ctx.report.print_date.strip()
    if not written or not printed or printed >= written:
        return
    slot = Slot("", "print_date", 0, printed)
    yield ctx.finding(
        "print_date_order",
        slot,
        0,
        len(printed),
        f"印发日期（{printed}）早于成文日期（{written}）。",
        "印发日期应在成文日期当天或之后，请核对两个日期。",
    )
