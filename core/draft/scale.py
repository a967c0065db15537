"""The largest document the app promises to handle, and the refusal past it.

One promise for import, 资料库 and export: up to ``MAX_CHARS`` characters of text and
``MAX_PARAGRAPHS`` paragraphs — about 8,500 pages at the 586 characters of a printed 公文 page,
far beyond any report. benchmarks/bench_scale.py measures that every step stays linear up to
it. Past it each step refuses before its heavy work, naming the size and the limit, rather
than running for minutes with no end in sight.
"""

from __future__ import annotations

from core.draft.model import Report

MAX_CHARS = 5_000_000
MAX_PARAGRAPHS = 200_000
CHARS_PER_PAGE = 586


def report_size(report: Report) -> tuple[int, int]:
    """(characters without whitespace, paragraphs) of a report: cheap, one pass."""
    paragraphs = len(report.opening) + len(report.closing)
    for _, section in report.walk():
        paragraphs += 1 + len(section.body) + len(section.points) + len(section.tail)
        paragraphs += sum(len(table.rows) for table in section.tables)
    return report.char_count(), paragraphs


def size_refusal(chars: int, paragraphs: int) -> str | None:
    """None within the promise; otherwise the sentence naming the size and the limit."""
    if chars <= MAX_CHARS and paragraphs <= MAX_PARAGRAPHS:
        return None
    return (
        f"文档有 {chars:,} 字、{paragraphs:,} 段（约 {chars // CHARS_PER_PAGE:,} 页），超过本软件能处理的上限"
        f"（{MAX_CHARS // 10_000} 万字、{MAX_PARAGRAPHS // 10_000} 万段，约 {MAX_CHARS // CHARS_PER_PAGE:,} 页）。"
        "请确认选对了文件；确需处理的，请拆成几份分别处理。"
    )
