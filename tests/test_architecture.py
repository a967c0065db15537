"""Rules of the code base that a reviewer would otherwise have to remember."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import PROJECT_ROOT

QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6", "qtpy")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_never_imports_qt() -> None:
    offenders = []
    files = sorted((PROJECT_ROOT / "core").rglob("*.py"))
    assert files, "core/ has no modules"
    for path in files:
        for name in _imports(path):
            if name.split(".")[0] in QT_MODULES:
                offenders.append(f"{path.relative_to(PROJECT_ROOT)} imports {name}")
    assert offenders == []


def test_core_never_imports_gui() -> None:
    for path in sorted((PROJECT_ROOT / "core").rglob("*.py")):
        assert not any(n.split(".")[0] == "gui" for n in _imports(path)), path


def test_architecture_check_catches_qt_import(tmp_path: Path) -> None:
    # The rule above must be able to fail: a module importing Qt is detected.
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\n", encoding="utf-8")
    assert "PySide6.QtWidgets" in _imports(bad)


def test_core_never_imports_the_command_line() -> None:
    # cli/ is presentation over core/, like gui/: core must work without it.
    offenders = [
        str(path.relative_to(PROJECT_ROOT))
        for path in sorted((PROJECT_ROOT / "core").rglob("*.py"))
        if any(n.split(".")[0] == "cli" for n in _imports(path))
    ]
    assert offenders == []


def test_core_has_no_loose_modules() -> None:
    # The folders under core/ show the data flow; a new module goes into one of them.
    loose = sorted(p.name for p in (PROJECT_ROOT / "core").glob("*.py") if p.name != "__init__.py")
    assert loose == []
