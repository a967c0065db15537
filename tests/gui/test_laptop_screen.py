"""An office laptop: 1366×768 at 125 % (1093×614 logical pixels). With a report open and every
panel in its place, the window is no wider or taller than the screen and the 提纲 shows the
words of a chapter's heading (walkthrough F23). Run in a process of its own: the screen is
chosen when Qt starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT, SEED_NAMES, SEEDS_DIR

_WINDOW_ON_THE_LAPTOP = r"""
import sys
from gui.app import create_application
from gui.screenshots import create, settle
from core.base.settings import Settings
from core.importing.importer import import_document
from core.reuse.new_draft import CARRY_TEXT
from gui.dialogs.new_report_dialog import NewReportRequest
from gui.editor.outline_model import COL_HEADING
from gui.main_window import MainWindow
from PySide6.QtWidgets import QApplication

app = create_application()
from pathlib import Path
seed = Path(sys.argv[1])
window = MainWindow(Settings(unit="某某区委组织部"))
window.show()
create(window, NewReportRequest("half_year_summary", 2023, "某某区委组织部", seed, import_document(seed), CARRY_TEXT))
settle(app, seconds=1.0)
room = QApplication.primaryScreen().availableGeometry()
tree = window.editor.outline.tree
first = window.doc.report.sections[0]
shown = tree.visualRect(tree.model().index_for(first.id, COL_HEADING)).width()
print(json.dumps({"room": [room.width(), room.height()], "window": [window.frameGeometry().width(),
      window.frameGeometry().height()], "heading_px": shown, "char_px": tree.fontMetrics().horizontalAdvance("一")}))
"""


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="the seeds (../shared/seeds) are not beside the checkout")
def test_the_window_fits_a_laptop_at_125_percent(tmp_path: Path) -> None:
    screen = tmp_path / "laptop.json"
    screen.write_text(json.dumps({"synthesizedscreens": False, "screens": [
        {"name": "Laptop1366", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 120, "logicalBaseDpi": 96, "dpr": 1.25}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", "BAOGAO_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", "import json\n" + _WINDOW_ON_THE_LAPTOP, str(SEEDS_DIR / SEED_NAMES["004"])],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    room_width, room_height = seen["room"]
    assert room_width < 1200, seen  # the screen really is scaled: 1366 / 1.25
    assert seen["window"][0] <= room_width and seen["window"][1] <= room_height, seen
    assert seen["heading_px"] >= 6 * seen["char_px"], seen  # "一、上半年工作" at least
