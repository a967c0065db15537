"""Window geometry, dock layout and splitter positions, kept apart from user settings.

They live in ``config_dir()/window.ini`` (QSettings), so resetting the layout — deleting
that one file — never loses the clerk's unit, font scheme or recent files.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtWidgets import QWidget

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


PREFERRED_SIZE = (1440, 900)
# Room kept for the window's title bar and frame, which resize() does not count.
FRAME_ALLOWANCE = (16, 48)


def fit_to_screen(window: QWidget) -> bool:
    """Make the window no larger than the screen's free area and put it fully on it.

    Office PCs often have 1366×768 or 1280×800 screens: a first start, a layout saved on a
    bigger monitor, or a panel that grew must never leave part of the window off-screen.
    Returns True when the window had to be changed.
    """
    screen = window.screen()
    if screen is None or window.isMaximized() or window.isFullScreen():
        return False
    free = screen.availableGeometry()
    width = min(window.width(), free.width() - FRAME_ALLOWANCE[0])
    height = min(window.height(), free.height() - FRAME_ALLOWANCE[1])
    changed = (width, height) != (window.width(), window.height())
    if changed:
        window.resize(max(width, 1), max(height, 1))
    frame = window.frameGeometry()
    x = min(max(frame.x(), free.x()), free.right() - frame.width() + 1)
    y = min(max(frame.y(), free.y()), free.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, free.x()), max(y, free.y()))
        changed = True
    return changed


def initial_size(window: QWidget) -> QSize:
    """The first window size: the preferred size, or the screen's free area if smaller."""
    screen = window.screen()
    if screen is None:
        return QSize(*PREFERRED_SIZE)
    free = screen.availableGeometry()
    return QSize(
        min(PREFERRED_SIZE[0], free.width() - FRAME_ALLOWANCE[0]),
        min(PREFERRED_SIZE[1], free.height() - FRAME_ALLOWANCE[1]),
    )


def free_area(widget: QWidget) -> QSize | None:
    """The room a window of ``widget``'s screen may take: the free area (without the taskbar)
    less the title bar and frame the window manager adds; None without a screen."""
    screen = widget.screen()
    if screen is None:
        return None
    free = screen.availableGeometry()
    return QSize(free.width() - FRAME_ALLOWANCE[0], free.height() - FRAME_ALLOWANCE[1])


def fit_dialog(dialog: QWidget, width: int, height: int | None = None) -> None:
    """Give a dialog its preferred size — ``height`` defaults to what its layout asks for — but
    never more than :func:`free_area`, so its buttons are never under a 1280×800 screen's
    taskbar. (Dialogs keep their minimum size below that: tests/gui/test_fits_the_screen.py.)"""
    wanted = QSize(width, height if height is not None else dialog.sizeHint().height())
    room = free_area(dialog)
    if room is not None:
        wanted = wanted.boundedTo(room)
    dialog.resize(wanted)
