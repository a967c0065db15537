"""No work in gui/ waits by turning the event loop itself (issue 25 point 6): long work is a
BackgroundTask (gui/workers.py). The few processEvents calls left are listed here by the
function that makes them, each with why; a new one fails this test."""

from __future__ import annotations

import ast
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "gui"

# (file under gui/, function) → why it may turn the loop
ALLOWED = {
    # The start-up measurement paints once and prints the time; no work waits on it.
    ("app.py", "started"): "the first paint before the SHOWN time is printed",
    # Called by screenshots and tests only, to finish the preview under way.
    ("panels/preview_pane.py", "wait_until_rendered"): "screenshots and tests wait for the preview",
}


class _Finder(ast.NodeVisitor):
    """Each processEvents call with the innermost function it is made in."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.functions: list[str] = []
        self.found: set[tuple[str, str]] = set()

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.functions.append(node.name)
        self.generic_visit(node)
        self.functions.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr == "processEvents":
            self.found.add((self.file, self.functions[-1] if self.functions else "<module>"))
        self.generic_visit(node)


def _process_events_calls() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in sorted(GUI.rglob("*.py")):
        file = path.relative_to(GUI).as_posix()
        if file == "screenshots.py":
            continue  # the screenshot tool drives the real window from outside, as a test does
        finder = _Finder(file)
        finder.visit(ast.parse(path.read_text(encoding="utf-8")))
        found |= finder.found
    return found


def test_only_the_listed_functions_turn_the_event_loop() -> None:
    assert _process_events_calls() == set(ALLOWED)


def test_the_polling_helper_is_gone() -> None:
    import gui.workers

    assert not hasattr(gui.workers, "run_in_background")
    assert "processEvents" not in (GUI / "workers.py").read_text(encoding="utf-8")
    assert "processEvents" not in (GUI / "review_import.py").read_text(encoding="utf-8")
