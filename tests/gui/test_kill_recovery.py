"""A real app process is killed (SIGKILL) a few seconds after an edit; the next start recovers it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from core.draft.draft_file import load_draft, save_draft
from core.draft.model import Report, Section
from core.draft.session import find_recoverable, read_lock
from gui.dialogs.recovery_dialog import RECOVER, RecoveryDialog
from tests.conftest import PROJECT_ROOT

# Runs the real startup path (gui.app.run_app); once the window is up it opens the draft
# and types into the first section's body like an input method would.
APP_SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication
from gui.app import run_app

def edit(window):
    assert window.documents.open_draft(Path({draft!r}))
    body = window.editor.section_form.body_edit
    body.moveCursor(QTextCursor.MoveOperation.End)
    event = QInputMethodEvent("", [])
    event.setCommitString({text!r})
    QApplication.sendEvent(body, event)
    print("EDITED", flush=True)

sys.exit(run_app(on_started=edit))
"""

EDIT = "被强制结束前刚输入的一句话。"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL 仅在 Linux/macOS 上可用")
@pytest.mark.timeout(180)
def test_sigkill_after_edit_then_next_start_recovers(
    make_window: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    home = Path(os.environ["BAOGAO_HOME"])
    draft = tmp_path / "上半年总结.draft.json"
    save_draft(Report(title="2023年上半年工作总结", sections=[Section(heading="工作开展情况", body=["已有一段。"])]), draft)
    script = tmp_path / "app_then_edit.py"
    script.write_text(APP_SCRIPT.format(root=str(PROJECT_ROOT), draft=str(draft), text=EDIT), encoding="utf-8")
    env = {**os.environ, "BAOGAO_HOME": str(home)}  # the tests' own screen (tests/conftest.py)
    proc = subprocess.Popen(
        [sys.executable, str(script)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "EDITED", proc.stderr.read() if proc.stderr else ""
        autosaves = home / "data" / "autosave"
        saved = False
        for _ in range(300):  # the app autosaves 3 s after the edit; polled for up to a minute
            saved = any(EDIT in f.read_text(encoding="utf-8") for f in autosaves.glob("*.autosave.json"))
            if saved:
                break
            time.sleep(0.2)
        assert saved, "the running app never autosaved the edit"
        assert find_recoverable() == []  # the app is still running: nothing to recover yet
        assert read_lock(draft) is not None
        time.sleep(2)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL

    # The next start: the autosave of the dead process is offered and restores the edit.
    monkeypatch.setattr(RecoveryDialog, "ask", staticmethod(lambda _p, found: (RECOVER, found[0])))
    window = make_window()
    assert window.documents.offer_recovery()
    assert window.doc.path == draft
    assert window.doc.report.sections[0].body == ["已有一段。" + EDIT]
    assert load_draft(draft).sections[0].body == ["已有一段。"]
    # The killed process's lock is stale and now ours.
    assert read_lock(draft).session_id == window.session.id
