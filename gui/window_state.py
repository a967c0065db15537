"""Window geometry, dock layout and splitter positions, kept apart from user settings.

They live in ``config_dir()/window.ini`` (QSettings), so resetting the layout — deleting
that one file — never loses the clerk's unit, font scheme or recent files.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from core.base.paths import config_dir

WINDOW_STATE_FILE = "window.ini"


def window_settings() -> QSettings:
    return QSettings(str(config_dir() / WINDOW_STATE_FILE), QSettings.Format.IniFormat)


def save_state(values: dict[str, QByteArray]) -> None:
    store = window_settings()
    for key, value in values.items():
        store.setValue(key, value)
    store.sync()


def load_state(key: str) -> QByteArray | None:
    value = window_settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None
