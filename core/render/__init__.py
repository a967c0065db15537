"""Word output: a Report rendered through a kind's Jinja template into a GB/T 9704 .docx.

Pipeline (each step its own module):
``context`` (Report → paragraphs with computed ordinals) → ``engine`` (docxtpl, strict
sandboxed Jinja) → ``fixups`` (font scheme, signature placement, nothing-lost check) →
``package`` (deterministic zip) → :func:`core.base.atomic.atomic_write_bytes`.
The shipped templates come from ``styles`` via ``build_templates``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.base.atomic import TEMP_SUFFIX, atomic_keep_copy, atomic_write_bytes, temp_prefix
from core.base.errors import SaveFailed
from core.base.progress import Progress, progress_or_none
from core.draft.model import Report
from core.render.fonts import DEFAULT_SCHEME
from core.render.sent_mark import mark_sent, without_sent_mark
from core.text.textslots import text_digest

if TYPE_CHECKING:
    from core.render.engine import RenderedDocument, TemplateInvalid, TemplateSource

# The engine (python-docx, docxtpl, Jinja: about 20 MB) loads on the first export, not
# with the package: the editor and the preview only need core.render's light modules.
_FROM_ENGINE = ("RenderedDocument", "TemplateInvalid", "TemplateSource")


def __getattr__(name: str) -> Any:
    if name in _FROM_ENGINE:
        from core.render import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_RENDER_SHARE = 0.95  # of an export: everything but writing the file


def backup_path(path: Path) -> Path:
    """Where the previous version of an output document is kept: 报告.docx → 报告（上一版）.docx,
    or （上一版2）… when that one holds a reviewer's marks (core.render.previous_copy)."""
    from core.render.previous_copy import previous_copy_path

    return previous_copy_path(path)


def render_report_bytes(
    report: Report, fonts: str | None = DEFAULT_SCHEME, template: TemplateSource = None
) -> RenderedDocument:
    """The .docx as bytes plus warnings (for previews and tests); nothing is written."""
    from core.render.engine import render_document

    return render_document(report, fonts=fonts, template=template)


def render_report(
    report: Report,
    out_path: Path | str,
    fonts: str | None = DEFAULT_SCHEME,
    template: TemplateSource = None,
    keep_backup: bool = True,
    cancelled: Callable[[], bool] | None = None,
    sent_id: str | None = None,
    progress: Progress | None = None,
) -> list[str]:
    """Render and save atomically; return Chinese warnings (missing fonts, untitled sections).

    If ``out_path`` exists with different content — perhaps edited by hand in Word since
    the last export — it is kept as “NAME（上一版）.docx” first. A file open in Word/WPS or
    not writable raises :class:`core.base.errors.SaveFailed` and leaves no partial file.
    With a 版记 and LibreOffice installed, the document is laid out first to place the 版记
    (core.render.imprint_fit): one LibreOffice conversion longer. Until the file is written,
    ``cancelled()`` turning true (or ``progress``'s 取消) stops the work with Cancelled and
    nothing written; ``progress`` hears how far it is.
    ``sent_id`` names the recorded version of the draft this file is (core.render.sent_mark).
    """
    target = Path(out_path)
    if target.suffix.lower() != ".docx":
        raise SaveFailed(target, "Word 文档的文件名应以 .docx 结尾。")
    from core.render.imprint_fit import render_fitted

    # The 版记 where LibreOffice finds it right.
    steps = progress_or_none(progress, cancelled)
    rendered, _ = render_fitted(report, fonts=fonts, template=template, progress=steps.part(0.0, _RENDER_SHARE))
    # The last moment to stop (part() checks): from here on the write runs to its end.
    writing = steps.part(_RENDER_SHARE, 1.0, f"正在写入“{target.name}”…")
    data = mark_sent(rendered.data, sent_id or "", text_digest(report))
    backup = backup_path(target)
    pending: Path | None = None
    if keep_backup and target.is_file():
        try:
            if without_sent_mark(target.read_bytes()) != rendered.data:
                # Set the old file aside (complete, by link or atomic copy); it becomes the
                # （上一版） only once the new one is written, so a failure keeps both old copies.
                pending = target.with_name(f"{temp_prefix(target)}prev{TEMP_SUFFIX}")
                atomic_keep_copy(target, pending)
        except (OSError, SaveFailed):
            pending = None  # a missing backup must not stop the save; the save reports errors
    try:
        atomic_write_bytes(target, data)
    except SaveFailed:
        if pending is not None:
            pending.unlink(missing_ok=True)
        raise
    if pending is not None:
        try:
            os.replace(pending, backup)
        except OSError:
            pending.unlink(missing_ok=True)
    writing.finished()
    return rendered.warnings


__all__ = [
    "RenderedDocument",
    "TemplateInvalid",
    "backup_path",
    "render_report",
    "render_report_bytes",
]
