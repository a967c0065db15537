"""PDF output: the rendered .docx converted by LibreOffice, when it is installed.

Clerks publish PDFs. LibreOffice runs headless with a throw-away profile (a LibreOffice
the clerk has open cannot interfere) and a time limit; the PDF is written atomically, so
an existing file is replaced only by a complete one.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from core.base.atomic import atomic_write_bytes
from core.base.errors import SaveFailed
from core.base.progress import Progress, progress_or_none
from core.draft.model import Report
from core.office.pdf_pages import PDF_KEEPING_BLANK_PAGES
from core.render.engine import TemplateSource
from core.render.fonts import DEFAULT_SCHEME
from core.render.imprint_fit import render_fitted

PDF_TIMEOUT_S = 120.0
# Of a PDF export: rendering the .docx; LibreOffice's conversion (which says nothing of how
# far it is: an unmeasured part, shown as busy) and the write are the rest.
_RENDER_SHARE = 0.4
NO_LIBREOFFICE = (
    "导出 PDF 需要 LibreOffice，本机没有找到。请安装 LibreOffice（信创系统可在软件商店搜索），"
    "或先导出 Word 文档，再在 Word/WPS 中“另存为 PDF”。"
)


def pdf_available() -> bool:
    from core.office.libreoffice import find_soffice

    return find_soffice() is not None


def docx_to_pdf(
    data: bytes,
    target: Path | str,
    timeout: float = PDF_TIMEOUT_S,
    cancelled: Callable[[], bool] | None = None,
    progress: Progress | None = None,
) -> None:
    """Convert .docx bytes to a PDF at ``target``; SaveFailed with a Chinese reason on failure,
    Cancelled (nothing written, LibreOffice killed) when ``cancelled()`` turns true or on
    ``progress``'s 取消."""
    from core.office.libreoffice import convert_with_soffice, find_soffice

    steps = progress_or_none(progress, cancelled)
    target = Path(target)
    soffice = find_soffice()
    if soffice is None:
        raise SaveFailed(target, NO_LIBREOFFICE)
    with tempfile.TemporaryDirectory(prefix="baogao-pdf-") as folder:
        work = Path(folder)
        source = work / "report.docx"  # an ASCII name: no quoting trouble on any system
        source.write_bytes(data)
        out_dir = work / "out"
        out_dir.mkdir()
        converting = steps.part(0.0, 0.95, "正在用 LibreOffice 转换为 PDF…", measured=False)
        try:
            convert_with_soffice(
                soffice, source, out_dir, work / "profile", PDF_KEEPING_BLANK_PAGES, timeout, converting.cancelled,
                warm=True,
            )
        except OSError as exc:
            raise SaveFailed(target, f"无法启动 LibreOffice（{exc.strerror or exc}）。") from exc
        except subprocess.TimeoutExpired as exc:
            raise SaveFailed(
                target, f"LibreOffice 在 {round(timeout)} 秒内没有完成转换，已停止。请稍后重试，或先导出 Word 文档。"
            ) from exc
        converted = out_dir / "report.pdf"
        if not converted.is_file() or converted.stat().st_size == 0:
            raise SaveFailed(target, "LibreOffice 没有生成 PDF。请先导出 Word 文档，再在 Word/WPS 中“另存为 PDF”。")
        writing = steps.part(0.95, 1.0, f"正在写入“{target.name}”…")
        atomic_write_bytes(target, converted.read_bytes())
        writing.finished()


def render_pdf(
    report: Report,
    out_path: Path | str,
    fonts: str | None = DEFAULT_SCHEME,
    template: TemplateSource = None,
    cancelled: Callable[[], bool] | None = None,
    progress: Progress | None = None,
) -> list[str]:
    """Render the report and save it as PDF; returns the rendering's Chinese warnings.
    Cancelled, with nothing written, when ``cancelled()`` turns true (or on ``progress``'s
    取消) before the write; ``progress`` hears how far it is."""
    target = Path(out_path)
    if target.suffix.lower() != ".pdf":
        raise SaveFailed(target, "PDF 文件名应以 .pdf 结尾。")
    if not pdf_available():
        raise SaveFailed(target, NO_LIBREOFFICE)
    steps = progress_or_none(progress, cancelled)
    rendered, pdf = render_fitted(
        report, fonts=fonts, template=template, with_pdf=True, progress=steps.part(0.0, _RENDER_SHARE)
    )
    if pdf is not None:  # laid out already, while placing the 版记
        writing = steps.part(0.95, 1.0, f"正在写入“{target.name}”…")
        atomic_write_bytes(target, pdf)
        writing.finished()
    else:
        docx_to_pdf(rendered.data, target, progress=steps.part(_RENDER_SHARE, 1.0))
    return rendered.warnings
