"""Application start: Qt setup, Chinese translations, style, error handling, recovery.

Only what the start page needs is imported here; the editor, the importer, the renderer
and jieba load when first used, so the window appears about as fast as an empty one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from gui.main_window import MainWindow

MIN_UI_POINT_SIZE = 10  # Chinese text below 10 pt strains the eyes
# jieba and the library load in background threads this long after the first paint, so the
# first clicks (or the recovery question) are not slowed by their share of the interpreter.
BACKGROUND_WORK_DELAY_MS = 200
# Set to a .png path: the app saves a picture of its window once it is up, then quits (used by
# scripts/smoke_bundle.sh and scripts/smoke_deb.sh to check a bundle really opens its window).
SMOKE_SCREENSHOT_ENV = "BAOGAO_SMOKE_SCREENSHOT"
# Set (to anything): once the window is painted the app prints "SHOWN <epoch seconds>" and quits
# (scripts/build_bundle.py times the bundled app's start against a bundled bare window).
SHOWN_EXIT_ENV = "BAOGAO_EXIT_WHEN_SHOWN"



GUI_SWITCH_INTERVAL = 0.0005


def forget_sources_read_by_pyside() -> bool:
    """Stop PySide6 keeping the source of every module imported after it (about 12 MB).

    To know whether a module may use ``from __feature__ import …``, PySide6 reads its whole
    source with ``inspect.getsource`` on import, and that fills ``linecache`` with every line
    of all ~300 modules the app imports, for as long as it runs (issue 28's memory). The
    check still runs; only the cached lines it leaves behind are dropped. A frozen bundle
    ships no sources, so there it changes nothing. True when PySide6's hook was found.
    """
    import linecache

    feature = sys.modules.get("shibokensupport.feature")
    uses_pyside = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or uses_pyside is None or getattr(uses_pyside, "forgets_sources", False):
        return False

    def without_cached_lines(module: object) -> bool:
        filename = getattr(module, "__file__", None)
        cached_before = filename in linecache.cache
        try:
            return bool(uses_pyside(module))
        finally:
            if filename and not cached_before:
                linecache.cache.pop(filename, None)

    without_cached_lines.forgets_sources = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = without_cached_lines
    return True


forget_sources_read_by_pyside()  # here: gui.app is the first module to import PySide6


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with translations, font and style (reused if one exists)."""
    from gui.collector import collect_on_gui_thread
    from gui.i18n import install_translations

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("baogao-qicao")
    app.setOrganizationName("baogao")
    # Worker threads (preview context, flags, checks, jieba) share the interpreter lock with
    # the GUI thread, which would wait up to 5 ms (the default) each time it needs it back
    # while handling a key; 0.5 ms keeps typing within a frame.
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)
    collect_on_gui_thread(app)  # no Qt object freed on a worker thread (gui/collector.py)
    install_translations(app)
    # The system's own UI font (微软雅黑 on Chinese Windows, the fontconfig default with
    # its CJK fallback on Linux): naming families here costs a font lookup per name at start.
    font = QFont(app.font())
    if 0 < font.pointSizeF() < MIN_UI_POINT_SIZE:
        font.setPointSizeF(MIN_UI_POINT_SIZE)
        app.setFont(font)
    return app


def install_error_handler(window: MainWindow) -> None:
    """Unexpected exceptions go to gui.dialogs.error_dialog, which is loaded on the first one."""
    handler: list[Callable[..., None]] = []

    def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not handler:
            from gui.dialogs.error_dialog import ErrorHandler

            handler.append(ErrorHandler(window.documents.emergency_autosave, lambda: window))
        handler[0](exc_type, exc, tb)

    sys.excepthook = excepthook


def create_main_window() -> MainWindow:
    """The main window with the global error handler pointing at it."""
    from gui.main_window import MainWindow

    window = MainWindow()
    install_error_handler(window)
    return window


def run_app(on_started: Callable[[MainWindow], None] | None = None) -> int:
    """Open the window and run until it closes.

    Once the window is on screen, ``on_started`` runs (tests, benchmarks), then the app
    offers to recover drafts a crash left behind, and jieba and the library of past reports
    start loading in background threads (never before the window is shown).
    """
    from gui.i18n import use_chinese_locale
    from gui.window_tools import check_fonts_once

    app = create_application()
    window = create_main_window()
    window.show()

    def started() -> None:
        if on_started is not None:
            on_started(window)
        if os.environ.get(SHOWN_EXIT_ENV):
            import time

            QApplication.processEvents()  # the first paint
            print(f"SHOWN {time.time():.6f}", flush=True)
            QTimer.singleShot(0, window.close)
            return
        smoke = os.environ.get(SMOKE_SCREENSHOT_ENV)
        if smoke:  # packagers' smoke test: the window came up; keep a picture of it and quit
            QTimer.singleShot(1500, lambda: (window.grab().save(smoke), window.close()))
        QTimer.singleShot(0, window.documents.offer_recovery)
        QTimer.singleShot(0, lambda: check_fonts_once(window, window.settings, window.documents.store_settings))
        QTimer.singleShot(0, use_chinese_locale)
        QTimer.singleShot(BACKGROUND_WORK_DELAY_MS, window.start_background_work)

    QTimer.singleShot(0, started)
    return app.exec()
