"""The editor's side panels as data: one row a panel (``PANELS``) — its name, its title in 视图,
the factory that makes its widget from the window's services, and where it docks.
:class:`gui.panels.panel_host.PanelHost` builds the docks from the table, lists each in 视图,
hands every panel that is :class:`~gui.panels.panel_base.DocumentBound` the open draft, and
remembers the layout. Adding a panel is one row (docs/ARCHITECTURE.md; the recipe is tried by
tests/gui/test_window_tables.py).

The factories import their panel when called: the start page shows without any of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from core.base.settings import Settings
    from gui.panels.library_service import LanguageWatcher, LibraryService

# Where a panel docks: a column of its own on the right; split beside another panel (to its
# right); or a tab in another panel's place.
RIGHT, BESIDE, TAB = "right", "beside", "tab"


@dataclass(frozen=True)
class PanelServices:
    """What a panel's factory may use: the window's settings, library and dictionary."""

    settings: Settings
    library: LibraryService
    language: LanguageWatcher


@dataclass(frozen=True)
class PanelRow:
    name: str
    title: str  # as listed in 视图 and on the dock's tab
    factory: Callable[[PanelServices], QWidget]
    dock: str = TAB
    of: str = ""  # the panel it docks beside or tabs with


def _reference(_services: PanelServices) -> QWidget:
    from gui.panels.reference_pane import ReferencePane

    return ReferencePane()


def _preview(services: PanelServices) -> QWidget:
    from gui.panels.preview_pane import PreviewPane

    return PreviewPane(services.settings.font_scheme)


def _flags(_services: PanelServices) -> QWidget:
    from gui.panels.flags_panel import FlagsPanel

    return FlagsPanel()


def _library(services: PanelServices) -> QWidget:
    from gui.panels.library_panel import LibraryPanel

    return LibraryPanel(services.library, services.language)


def _checks(_services: PanelServices) -> QWidget:
    from gui.panels.checks_panel import ChecksPanel

    return ChecksPanel()


def _review(_services: PanelServices) -> QWidget:
    from gui.panels.review_panel import ReviewPanel

    return ReviewPanel()  # filled by gui.review_import when a reviewed copy comes in


PANELS: tuple[PanelRow, ...] = (
    PanelRow("reference", "上年参考", _reference, RIGHT),
    PanelRow("preview", "预览（A4）", _preview, BESIDE, "reference"),
    # The review panels share the reference pane's place, as tabs beside it.
    PanelRow("flags", "待核实", _flags, TAB, "reference"),
    PanelRow("library", "资料库", _library, TAB, "reference"),
    PanelRow("checks", "检查", _checks, TAB, "reference"),
    PanelRow("review", "审阅", _review, TAB, "reference"),
)
