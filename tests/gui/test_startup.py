"""The real startup path (gui.app.run_app, as `python main.py` runs it) in a fresh process.

Speed itself is measured by benchmarks/bench_startup.py; this checks what keeps it fast:
nothing heavy is loaded before the window is painted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from core.base.settings import Settings, save_settings
from core.draft.draft_file import save_draft
from core.draft.model import Report, Section
from tests.conftest import PROJECT_ROOT

PROBE = """
import json, os, sys, traceback
sys.path.insert(0, {root!r})
import PySide6.QtCore as QtCore
from gui.app import run_app

HEAVY = ["core.draft.model", "core.draft.draft_file", "core.importing.importer", "core.render", "jieba", "docx", "jinja2",
         "gui.editor.editor_view", "gui.panels.preview_pane", "gui.dialogs.error_dialog"]

def shown(window):
    try:
        from PySide6.QtWidgets import QApplication, QDialogButtonBox
        QApplication.processEvents()  # the first paint
        facts = {{
            "qt_namespace_built": "Qt" in vars(QtCore),
            "loaded": [name for name in HEAVY if name in sys.modules],
            "title": window.windowTitle(),
            "recent": [button.text() for button in window.start_page.recent_buttons],
        }}
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        facts["ok_button"] = box.buttons()[0].text()
        print(json.dumps(facts, ensure_ascii=False), flush=True)
    except BaseException:
        traceback.print_exc()
        os._exit(3)
    window.close()

sys.exit(run_app(on_started=shown))
"""


def test_start_page_paints_before_anything_heavy_is_loaded(tmp_path: Path) -> None:
    draft = tmp_path / "2023年工作要点.draft.json"
    save_draft(Report(title="2023年工作要点", sections=[Section(heading="抓党建")]), draft)
    save_settings(Settings(recent_drafts=[str(draft)]))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(root=str(PROJECT_ROOT))],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["title"] == "报告起草助手"
    assert report["recent"] == ["2023年工作要点"]
    assert report["loaded"] == []  # the draft format, importer, renderer, editor: all on first use
    assert report["qt_namespace_built"] is False  # ~50 ms of enum building, after the first paint
    assert report["ok_button"] == "确定"  # Qt's own zh_CN translations are installed


SOURCES_PROBE = """
import linecache, sys
sys.path.insert(0, {root!r})
import gui.app
from core.render.sent_mark import mark_sent  # imported after PySide6, as the app's modules are
from gui.flow_layout import FlowLayout
checked = sys.modules["shibokensupport.feature"].pyside_feature_dict
print(checked.get("core.render.sent_mark"), checked.get("gui.flow_layout"))  # -1: no PySide6 in it, 0: uses it
print(sorted(name for name in linecache.cache if name.endswith(("flow_layout.py", "sent_mark.py"))))
print(sorted(name for name in ("ssl", "urllib.request", "http.client") if name in sys.modules))
"""


def test_pyside_still_checks_each_module_but_keeps_no_copy_of_its_source() -> None:
    # Issue 28's memory: PySide6 reads every module's source on import (does it use
    # __feature__?) and linecache kept all of it, about 12 MB; and the sent mark's escaping
    # no longer loads urllib, http and ssl.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SOURCES_PROBE.format(root=str(PROJECT_ROOT))],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["-1 0", "[]", "[]"]
