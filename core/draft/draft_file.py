"""Draft files: human-readable, versioned JSON (extension ``.draft.json``).

The top-level object is ``{"format": "baogao-draft", "version": N, "report": {...}}``.
Saves are atomic and the previous version is kept as ``NAME.draft.json.bak``. The backup
is a hard link to the old file (or an atomic copy) made *before* the new file replaces it
and moved into place only *after*, so a kill at any moment or a full disk leaves the
draft, the old backup and the new backup each complete.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from core.base.atomic import TEMP_SUFFIX, atomic_keep_copy, atomic_write_bytes, temp_prefix
from core.base.errors import DraftFileError, ReportError, SaveFailed
from core.draft.model import Report, new_id, report_from_dict, to_dict
from core.draft.validate import DraftInvalid, check_json_depth, validate_report

DRAFT_SUFFIX = ".draft.json"
FORMAT_NAME = "baogao-draft"
# 2: a section's points layout is one setting (paragraphs / inline / joined), replacing
#    format 1's points_layout + points_joined pair; report field 主送机关 (addressee).
# Older versions are read and upgraded on load (tests/fixtures/drafts keeps a sample of each).
# 3: a section may hold tables (``Section.tables``, see core.draft.tables); format 2
#    drafts load unchanged (no tables).
# 4: the warnings the clerk dismissed (``Report.ignored_findings``, 忽略); format 3 drafts load
#    unchanged (nothing dismissed).
# 5: a merged table cell's text stored once, in its first cell, and merges that span rows
#    ([row, column, columns, rows]); format 3 and 4 drafts repeated the text in every column
#    a merge covered: kept once on load (core.draft.tables.table_from_dict).
FORMAT_VERSION = 5
MAX_DRAFT_BYTES = 50 * 1024 * 1024
_TRY_BACKUP = "可尝试打开同目录下的 .bak 备份。"


def is_draft_path(path: Path | str) -> bool:
    return str(path).lower().endswith(DRAFT_SUFFIX)


def dumps(report: Report) -> str:
    payload = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "report": to_dict(report)}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def loads(text: str, path: Path | str = "草稿") -> Report:
    """A validated Report; any problem is a DraftFileError naming the wrong field."""
    if len(text) > MAX_DRAFT_BYTES:
        raise DraftFileError(path, "内容过大（超过 50 MB），不像是草稿文件。")
    try:
        check_json_depth(text)
        payload: Any = json.loads(text)
    except DraftInvalid as exc:
        raise DraftFileError(path, f"{exc}{_TRY_BACKUP}") from exc
    except json.JSONDecodeError as exc:
        raise DraftFileError(path, f"文件内容已损坏（第 {exc.lineno} 行）。{_TRY_BACKUP}") from exc
    except (ValueError, RecursionError) as exc:  # e.g. a number with 5,000 digits
        raise DraftFileError(path, f"文件内容已损坏（含有无法识别的数值）。{_TRY_BACKUP}") from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        raise DraftFileError(path, "这不是报告起草助手的草稿文件。如需导入往年报告，请使用“导入”。")
    version = payload.get("version")
    if not isinstance(version, int) or version < 1:
        raise DraftFileError(path, "草稿文件缺少有效的版本号，无法识别。")
    if version > FORMAT_VERSION:
        raise DraftFileError(
            path, f"该草稿由更新版本的报告起草助手保存（格式版本 {version}），请升级本软件后再打开。"
        )
    try:
        validate_report(payload.get("report", {}))
    except DraftInvalid as exc:
        raise DraftFileError(path, f"草稿中{exc}{_TRY_BACKUP}") from exc
    try:
        report = report_from_dict(payload.get("report", {}))
    except (TypeError, ValueError, AttributeError) as exc:
        raise DraftFileError(path, f"草稿内容不完整或格式不对。{_TRY_BACKUP}") from exc
    _make_ids_unique(report)
    return report


def _make_ids_unique(report: Report) -> None:
    """Section ids are internal handles: a copied or blank one gets a fresh id."""
    seen: set[str] = set()
    for _, section in report.walk():
        if not section.id or section.id in seen:
            section.id = new_id()
        seen.add(section.id)


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def save_draft(report: Report, path: Path | str, keep_backup: bool = True) -> str:
    """Write atomically, keeping the version being replaced as ``.bak``; returns the
    SHA-256 of what was written. Raises SaveFailed (nothing replaced)."""
    target = Path(path)
    data = dumps(report).encode("utf-8")
    pending_backup: Path | None = None
    if keep_backup and target.exists():
        try:
            if target.read_bytes() != data:
                # Set aside now (the old file is complete), put in place once the save worked.
                pending_backup = target.with_name(f"{temp_prefix(target)}bak{TEMP_SUFFIX}")
                with contextlib.suppress(FileNotFoundError):
                    pending_backup.unlink()
                atomic_keep_copy(target, pending_backup)
        except (OSError, ReportError):
            pending_backup = None  # a missing backup must not stop the save itself
    try:
        atomic_write_bytes(target, data)
    except BaseException:
        if pending_backup is not None:
            with contextlib.suppress(OSError):
                pending_backup.unlink()
        raise
    if pending_backup is not None:
        with contextlib.suppress(OSError):
            os.replace(pending_backup, backup_path(target))
    return hashlib.sha256(data).hexdigest()


def check_draft_target(path: Path | str) -> None:
    """Refuse to save a draft over a file that is not a draft (notes, a report, a folder)."""
    target = Path(path)
    if target.is_dir():
        raise SaveFailed(target, "这是一个文件夹。请在文件夹中另起一个草稿文件名。")
    if not target.exists():
        return
    try:
        with target.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise SaveFailed(target, f"无法读取已有的同名文件（{exc.strerror or exc}）。请另选文件名。") from exc
    if not (head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and f'"{FORMAT_NAME}"'.encode() in head):
        raise SaveFailed(target, "已有同名文件，但它不是报告起草助手的草稿，不能覆盖。请另选文件名。")


def load_draft(path: Path | str) -> Report:
    return read_draft(path)[0]


def read_draft(path: Path | str) -> tuple[Report, str]:
    """The draft and the SHA-256 of the bytes it was read from (to notice later changes)."""
    source = Path(path)
    try:
        if source.stat().st_size > MAX_DRAFT_BYTES:
            raise DraftFileError(source, "文件过大（超过 50 MB），不像是草稿文件。")
        raw = source.read_bytes()
    except FileNotFoundError as exc:
        raise DraftFileError(source, "文件不存在，可能已被移动或删除。") from exc
    except OSError as exc:
        raise DraftFileError(source, f"读取失败（{exc.strerror or exc}）。") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DraftFileError(source, "文件不是 UTF-8 文本，不像是草稿文件。") from exc
    return loads(text, source), hashlib.sha256(raw).hexdigest()


def draft_name_for(path: Path | str) -> Path:
    """Suggested draft path beside a document: 报告.docx → 报告.draft.json."""
    p = Path(path)
    stem = p.name[: -len(DRAFT_SUFFIX)] if is_draft_path(p) else p.stem
    return p.with_name(stem + DRAFT_SUFFIX)


__all__ = [
    "DRAFT_SUFFIX",
    "FORMAT_VERSION",
    "check_draft_target",
    "draft_name_for",
    "dumps",
    "is_draft_path",
    "load_draft",
    "loads",
    "read_draft",
    "save_draft",
]
