"""Errors whose message is shown to the clerk as-is, so it is always plain Chinese."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


class ReportError(Exception):
    """Base class: ``str(error)`` is a complete Chinese sentence telling what to do."""


class ImportFailed(ReportError):
    """A document could not be read; the message names the file and the remedy."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"无法导入“{self.path.name}”：{reason}")


class DraftFileError(ReportError):
    """A draft file is unreadable, from a newer version, or not a draft at all."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"无法打开草稿“{self.path.name}”：{reason}")


class SaveFailed(ReportError):
    """A file could not be written; nothing was replaced."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"无法保存“{self.path.name}”：{reason}")


class Cancelled(Exception):
    """The clerk stopped the work; nothing was written. Not a ReportError: no error to show."""

    def __init__(self) -> None:
        super().__init__("已取消，没有写入任何文件。")


def stop_if_cancelled(cancelled: Callable[[], bool] | None) -> None:
    """Between steps of slow work: raise Cancelled once the clerk has asked to stop."""
    if cancelled is not None and cancelled():
        raise Cancelled()
