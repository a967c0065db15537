"""A dialog shown once and then gone.

A modal dialog made with the window as its parent lives as long as the window unless it is
deleted: each 导出 would leave its 导出前检查 behind, with every row of its list, for the rest
of the sitting (bench_soak saw them pile up). The caller reads the dialog's answer inside the
``with``; Qt deletes it when control is back in the event loop.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


@contextmanager
def used_once(dialog: D) -> Iterator[D]:
    try:
        yield dialog
    finally:
        dialog.deleteLater()
