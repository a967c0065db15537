"""The window's wiring read as it is written: the document controller never reaches back into
the window (it tells it by signal)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

GUI = Path(__file__).resolve().parents[2] / "gui"
CONTROLLER = GUI / "document_controller.py"


def _controller_tree() -> ast.Module:
    return ast.parse(CONTROLLER.read_text(encoding="utf-8"))


def test_controller_never_imports_the_window() -> None:
    imported: list[str] = []
    for node in ast.walk(_controller_tree()):  # imports inside functions included
        if isinstance(node, ast.Import):
            imported += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            imported += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
    window_modules = [name for name in imported if name.startswith(("gui.main_window", "gui.window_"))]
    assert window_modules == []


def test_controller_only_parents_dialogs_on_the_window() -> None:
    """``self._dialog_parent`` (the window) is handed to dialogs as their parent and nothing
    else: no attribute of it is read, no method of it called."""
    reached: list[str] = []
    handed_on = 0
    for node in ast.walk(_controller_tree()):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute):
            inner = node.value
            if isinstance(inner.value, ast.Name) and inner.value.id == "self" and inner.attr == "_dialog_parent":
                reached.append(f"line {node.lineno}: self._dialog_parent.{node.attr}")
        if isinstance(node, ast.Call):
            for argument in [*node.args, *(k.value for k in node.keywords)]:
                if isinstance(argument, ast.Attribute) and argument.attr == "_dialog_parent":
                    handed_on += 1
    assert reached == []
    assert handed_on > 10  # the walk does see the dialogs it is given to


def test_controller_has_no_host_to_call() -> None:
    """Nothing named like the window (a host, a window, a main window) is kept or called."""
    names = {
        node.attr for node in ast.walk(_controller_tree())
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"
    }
    assert not {name for name in names if "window" in name or "host" in name}


def test_a_new_report_reaches_the_window_by_signal(make_window: Any, new_report: Any) -> None:
    """新建报告: the controller sends the window the draft to show, and that is what it shows."""
    window = make_window()
    shown: list[object] = []
    window.documents.documentReady.connect(shown.append)
    new_report(window, None)
    assert window.doc is not None
    assert shown == [window.doc]
    assert window.documents.doc is window.doc
    assert window.documents.close_document()
    assert shown == [shown[0], None] and window.doc is None and window.documents.doc is None
