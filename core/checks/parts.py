"""Checks that the report has the parts every 公文 needs (a title, a body)."""

from __future__ import annotations

from collections.abc import Iterator

from core.checks.base import SEVERITY_ERROR, CheckContext, Finding, register
from core.text.textslots import Slot


@register("missing_title", "缺少标题", SEVERITY_ERROR)
def check_missing_title(ctx: CheckContext) -> Iterator[Finding]:
    """A report without a title: GB/T 9704 puts one above every 公文."""
    if not ctx.report.title.strip():
        yield ctx.finding(
            "missing_title",
            Slot("", "title", 0, ""),
            0,
            0,
            "报告没有标题。",
            "在“报告信息”中填写标题，如“某某区委组织部2025年上半年工作总结”。",
        )


@register("no_body", "没有正文部分", SEVERITY_ERROR)
def check_no_body(ctx: CheckContext) -> Iterator[Finding]:
    """A report whose outline has no part at all: only title, 开头 and 结尾 would be printed."""
    if not ctx.report.sections:
        yield ctx.finding(
            "no_body",
            Slot("", "title", 0, ctx.report.title),
            0,
            0,
            "报告还没有正文部分，导出后只有标题、开头和结尾。",
            "在左侧“提纲”中点右键选“添加同级标题”（Ctrl+Enter），再填写这一部分的内容。",
        )
