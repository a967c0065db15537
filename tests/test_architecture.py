"""Rules of the code base that a reviewer would otherwise have to remember."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
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


def _module_graph() -> dict[str, set[str]]:
    """Project module → project modules it imports (anywhere in the file, typing included)."""
    paths: dict[str, Path] = {}
    for package in ("core", "gui", "cli"):
        for path in (PROJECT_ROOT / package).rglob("*.py"):
            parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            paths[name] = path
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                submodules = {f"{node.module}.{a.name}" for a in node.names} & paths.keys()
                # "from pkg import submodule" needs the submodule, not the package's own code.
                deps |= submodules or ({node.module} & paths.keys())
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names} & paths.keys()
        # A package's own submodules importing it (for a shared name) is not a cycle of design.
        graph[name] = {d for d in deps if d != name and not name.startswith(d + ".")}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for dep in graph.get(node, ()):
            if dep not in index:
                visit(dep)
                low[node] = min(low[node], low[dep])
            elif dep in stack:
                low[node] = min(low[node], index[dep])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles() -> None:
    assert _cycles(_module_graph()) == []


def test_cycle_check_can_fail() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]



# The layers of core/, lowest first: a package may import its own modules and those of lower
# layers, never of its own layer's other packages or of a higher one — imports inside
# functions included (they are found by walking the whole tree of each module).
CORE_LAYERS: tuple[tuple[str, ...], ...] = (
    ("base",),
    ("ooxml", "office"),
    ("draft",),
    ("text",),
    ("importing", "proofread"),
    ("library",),
    ("reuse",),
    ("checks",),
    ("render",),
    ("review",),
)
# Imports that still climb, each with what it waits for. The list only shrinks.
CLIMBING_ALLOWED: set[tuple[str, str]] = set()


def _layer_of(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "core" or len(parts) < 2:
        return None
    return next((i for i, layer in enumerate(CORE_LAYERS) if parts[1] in layer), None)


def _climbing(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    """(module, import) pairs that reach a higher layer or a sibling package of the same layer."""
    found = []
    for module, deps in sorted(graph.items()):
        own = _layer_of(module)
        if own is None:
            continue
        for dep in sorted(deps):
            layer = _layer_of(dep)
            if layer is None or dep.split(".")[1] == module.split(".")[1]:
                continue
            if layer >= own:
                found.append((module, dep))
    return found


def test_every_core_package_has_its_layer() -> None:
    packages = sorted(p.name for p in (PROJECT_ROOT / "core").iterdir() if (p / "__init__.py").is_file())
    assert packages == sorted(name for layer in CORE_LAYERS for name in layer)


def test_core_imports_only_downward() -> None:
    climbing = [pair for pair in _climbing(_module_graph()) if pair not in CLIMBING_ALLOWED]
    assert climbing == []
    # An allowance no longer needed is taken off the list.
    assert set(_climbing(_module_graph())) >= CLIMBING_ALLOWED


def test_layer_check_sees_imports_inside_functions(tmp_path: Path) -> None:
    source = "def late():\n    from core.render.context import build_context\n    return build_context\n"
    tree = ast.parse(source)
    found = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert found == {"core.render.context"}  # _module_graph walks the same way
    graph = {"core.draft.model": {"core.render.context", "core.base.errors"}, "core.text.layout": {"core.draft.model"}}
    assert _climbing(graph) == [("core.draft.model", "core.render.context")]
    assert _climbing({"core.importing.x": {"core.proofread.y"}}) == [("core.importing.x", "core.proofread.y")]


def test_architecture_page_names_only_modules_that_exist() -> None:
    # docs/ARCHITECTURE.md is the map a maintainer trusts: every path it names must exist.
    import re

    text = (PROJECT_ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"\b((?:core|gui|cli|templates|resources|scripts|tests)/[\w/]*\w(?:\.py|\.md)?/?)", text))
    assert len(named) > 30
    missing = sorted(n for n in named if "<" not in n and not (PROJECT_ROOT / n.rstrip("/")).exists())
    assert missing == []


def test_every_package_says_its_part_of_the_flow() -> None:
    for init in sorted([*(PROJECT_ROOT / "core").rglob("__init__.py"), *(PROJECT_ROOT / "cli").rglob("__init__.py")]):
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring, f"{init.relative_to(PROJECT_ROOT)} has no docstring"


def test_the_window_changes_a_draft_only_through_edits() -> None:
    # gui/document.py applies core.draft.edits; no widget or panel assigns into the Report.
    # (A new draft is given its prior file's name before any window holds it.)
    import re

    mutation = re.compile(
        r"(\breport|\bsection|\bpoint)\.[a-z_]+(\[[^\]]*\])? = (?!=)"
        r"|\b(report|section)\.(body|points|sections|children|notes|handled_notes|verified_flags|reviews|tables"
        r"|attachments|opening|closing|tail)\.(append|insert|remove|pop|extend|clear)\("
    )
    allowed = {
        ("gui/document_controller.py", "draft.report.prior_source = request.prior_path.name"),
        # on a copy of the draft, from which the edits are then worked out
        ("gui/review_session.py",
         "section.handled_notes = [n for n in section.handled_notes if n != note] + ([note] if handled else [])"),
    }
    offenders = []
    for path in sorted((PROJECT_ROOT / "gui").rglob("*.py")):
        name = str(path.relative_to(PROJECT_ROOT))
        if name == "gui/screenshots.py":  # builds its pictures' drafts before showing them
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if mutation.search(line) and (name, line.strip()) not in allowed:
                offenders.append(f"{name}: {line.strip()}")
    assert offenders == []


def test_the_editor_and_the_preview_do_not_load_the_word_writer() -> None:
    # Issue 28: python-docx, docxtpl and Jinja (about 20 MB) load on the first export, not
    # when a report is opened: the window, the preview's context and the 落款 default need none.
    # Nor lxml and email (5 and 2 MB: Word and web pages only) or ssl (nothing: no network).
    code = (
        "import sys\n"
        "import gui.main_window, gui.panels.preview_pane, gui.editor.report_form, gui.editor.table_editor\n"
        "import core.render, core.render.context, core.render.fonts, core.draft.kinds, core.importing.importer\n"
        "heavy = ('docx', 'docxtpl', 'jinja2', 'core.render.engine', 'lxml.etree', 'email.message', 'ssl')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_office_and_ooxml_layers_lie_under_every_reader_and_writer() -> None:
    # Import, render and review all read or write Word parts and start LibreOffice: what they
    # share lies below all three, so none of them reaches into another for it.
    order = [name for layer in CORE_LAYERS for name in layer]
    for shared in ("ooxml", "office"):
        assert all(order.index(shared) < order.index(user) for user in ("draft", "importing", "render", "review"))
    graph = _module_graph()
    importers = {module.split(".")[1] for module, deps in graph.items()
                 if module.startswith("core.") and any(d.startswith(("core.ooxml", "core.office")) for d in deps)}
    assert {"importing", "render", "review"} <= importers


# Where the readers' modules may be imported from: the package `core.importing.readers`
# (read_document, check_suffix, SUPPORTED_SUFFIXES) is their face; its modules are its own.
def _reaching_into_readers(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    inside = "core.importing."
    return sorted(
        (module, dep)
        for module, deps in graph.items()
        if not module.startswith(inside)
        for dep in deps
        if dep.startswith("core.importing.readers.")
    )


def test_nothing_outside_the_importer_imports_a_reader_module() -> None:
    assert _reaching_into_readers(_module_graph()) == []
    assert _reaching_into_readers({"core.review.revisions": {"core.importing.readers.guards"}}) == [
        ("core.review.revisions", "core.importing.readers.guards")
    ]


# Processes started by core, each with why it is not LibreOffice (which core/office starts).
PROCESS_STARTS_ALLOWED = {
    "core/render/fonts.py",  # fc-list: the fonts fontconfig knows, for the font scheme
}
_PROCESS_CALLS = {
    ("subprocess", "Popen"), ("subprocess", "run"), ("subprocess", "call"), ("subprocess", "check_call"),
    ("subprocess", "check_output"), ("os", "system"), ("os", "popen"), ("os", "execv"), ("os", "execvp"),
    ("os", "spawnv"), ("os", "posix_spawn"),
}


def _starts_processes(source: str) -> bool:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Name) and (owner.id, node.func.attr) in _PROCESS_CALLS:
                return True
    return False


def test_only_core_office_starts_libreoffice() -> None:
    starting = sorted(
        str(path.relative_to(PROJECT_ROOT))
        for path in (PROJECT_ROOT / "core").rglob("*.py")
        if _starts_processes(path.read_text(encoding="utf-8"))
    )
    outside = [name for name in starting if not name.startswith("core/office/")]
    assert outside == sorted(PROCESS_STARTS_ALLOWED)
    assert "core/office/libreoffice.py" in starting
    assert _starts_processes("import subprocess\ndef f():\n    subprocess.Popen(['soffice'])\n")
    assert not _starts_processes("import subprocess\nerror = subprocess.TimeoutExpired\n")
