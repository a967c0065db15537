"""File-type filters and drag-and-drop helpers shared by the window and dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData

# core.draft.draft_file.DRAFT_SUFFIX and core.office.formats' suffixes, repeated so
# the start page need not load the draft format or the readers (a test keeps them equal): a
# file the importer reads is imported when opened, never taken for a damaged draft.
DRAFT_SUFFIX = ".draft.json"
_DOCUMENT_SUFFIXES = (
    ".docx", ".docm", ".dotx", ".dotm", ".doc", ".dot", ".wps", ".wpt", ".rtf", ".odt", ".txt", ".md", ".markdown",
)
_WEB_SUFFIXES = (".html", ".htm", ".xhtml", ".mhtml", ".mht")
PRIOR_SUFFIXES = _DOCUMENT_SUFFIXES + _WEB_SUFFIXES
_DOCUMENTS = " ".join(f"*{suffix}" for suffix in _DOCUMENT_SUFFIXES)
_WEB_PAGES = " ".join(f"*{suffix}" for suffix in _WEB_SUFFIXES)
PRIOR_FILTER = f"报告文档 ({_DOCUMENTS});;保存的网页 ({_WEB_PAGES});;所有文件 (*)"
DRAFT_FILTER = "报告草稿 (*.draft.json);;所有文件 (*)"
OPEN_FILTER = f"报告草稿 (*.draft.json);;上年报告 ({_DOCUMENTS} {_WEB_PAGES});;所有文件 (*)"
WORD_FILTER = "Word 文档 (*.docx)"
PDF_FILTER = "PDF 文档 (*.pdf)"


def local_paths(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def is_draft(path: Path) -> bool:
    return str(path).lower().endswith(DRAFT_SUFFIX)


def draft_display_name(path: Path) -> str:
    """"2023年工作要点.draft.json" → "2023年工作要点"."""
    return path.name[: -len(DRAFT_SUFFIX)] if is_draft(path) else path.name


def is_importable(path: Path) -> bool:
    return path.suffix.lower() in PRIOR_SUFFIXES and not is_draft(path)


def with_suffix(path: str, suffix: str) -> Path:
    """Add ``suffix`` when the clerk typed a bare name ("报告" → "报告.docx")."""
    target = Path(path)
    return target if target.name.lower().endswith(suffix) else target.with_name(target.name + suffix)


def safe_file_name(text: str, fallback: str) -> str:
    """A title as a file name: characters Windows forbids are dropped."""
    cleaned = "".join(ch for ch in text if ch not in '<>:"/\\|?*\n\r\t').strip().rstrip(".")
    return cleaned[:80] or fallback
