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
