"""Icons from ``resources/icons`` (SVG, drawn for this app), loaded once each."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from core.base.resources import resources_dir

ICON_DIR = resources_dir() / "icons"


@cache
def icon(name: str) -> QIcon:
    path = ICON_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()
