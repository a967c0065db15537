"""An export (Word or PDF) as the clerk makes it: the draft kept as sent, then the file written.

The kept copy is the base of the three-way review merge (core.review.changes); the .docx
names it (core.render.sent_mark). A PDF cannot carry the property Word reads back, but its
version is kept all the same (the 历史 of what went out).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from core.base.errors import SaveFailed
from core.base.progress import Progress
from core.draft.history import forget_sent, record_sent
from core.draft.model import Report
from core.render import render_report
from core.render.engine import TemplateSource
from core.render.fonts import DEFAULT_SCHEME


def export_report(
    report: Report,
    out_path: Path | str,
    draft_path: Path | str | None,
    fonts: str | None = DEFAULT_SCHEME,
    template: TemplateSource = None,
    cancelled: Callable[[], bool] | None = None,
    progress: Progress | None = None,
) -> list[str]:
    """Write ``report`` to ``out_path`` (.docx, or .pdf through LibreOffice); Chinese warnings.
    ``progress`` hears how far it is; its 取消, or ``cancelled()`` turning true, stops it with
    nothing written (Cancelled).

    A version that cannot be kept does not stop the export: the file is written without the
    property, and the review of its copy falls back to matching by text (it says so)."""
    target = Path(out_path)
    warnings: list[str] = []
    try:
        sent_id: str | None = record_sent(report, draft_path)
    except SaveFailed as exc:
        sent_id = None
        warnings.append(f"未能记下发出的版本（{exc}），审阅稿回来时只能按文字比对。")
    try:
        if target.suffix.lower() == ".pdf":
            from core.render.pdf import render_pdf

            warnings = render_pdf(
                report, target, fonts=fonts, template=template, cancelled=cancelled, progress=progress
            ) + warnings
        else:
            warnings = render_report(
                report, target, fonts=fonts, template=template, cancelled=cancelled, sent_id=sent_id,
                progress=progress,
            ) + warnings
    except BaseException:
        if sent_id:
            forget_sent(sent_id)
        raise
    return warnings
