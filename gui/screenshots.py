"""Take the screenshots in docs/screenshots from the running app: ``python -m gui.screenshots``.

Runs offscreen (or under Xvfb) in a throw-away user folder, so the clerk's own settings
and recent files are never touched. Needs the seeds in ../shared/seeds and CJK fonts.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
OUT = PROJECT_ROOT / "docs" / "screenshots"
SEED_004 = PROJECT_ROOT.parent / "shared" / "seeds" / "004_742d758d5c42f273.txt"
SIZE = (1600, 960)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="baogao-shots-"))
    os.environ["BAOGAO_HOME"] = str(home)
    if not SEED_004.is_file():
        sys.stderr.write(f"找不到种子文件：{SEED_004}\n")
        return 1

    from core.draft_file import save_draft
    from core.importer import import_document
    from core.new_draft import new_draft
    from core.settings import Settings
    from gui.app import create_application
    from gui.main_window import MainWindow
    from gui.new_report_dialog import NewReportDialog, NewReportRequest

    app = create_application([])
    OUT.mkdir(parents=True, exist_ok=True)

    # Start page, with a few drafts in the recent list as a clerk would have them.
    folder = home / "公文草稿"
    folder.mkdir()
    recent = []
    for name, kind, year in (
        ("2023年上半年工作总结", "half_year_summary", 2023),
        ("2023年组织工作要点", "annual_keypoints", 2023),
        ("2022年度工作总结", "annual_summary", 2022),
    ):
        path = folder / f"{name}.draft.json"
        save_draft(new_draft(kind, year, "某某区委组织部").report, path)
        recent.append(str(path))
    settings = Settings(unit="某某区委组织部", recent_drafts=recent, last_kind="half_year_summary")
    window = MainWindow(settings)
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    window.grab().save(str(OUT / "start_page.png"))

    # The 新建报告 dialog with last year's report chosen.
    dialog = NewReportDialog(settings, SEED_004, window)
    dialog.resize(680, dialog.sizeHint().height())
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(OUT / "new_report_dialog.png"))
    dialog.close()

    # The main window: seed 004 carried over, section （一） being written from last year's text.
    prior = import_document(SEED_004)
    window.create_report(NewReportRequest("half_year_summary", 2023, "某某区委组织部", SEED_004, prior, "carry"))
    doc = window.doc
    assert doc is not None and window.reference is not None and window.editor is not None
    first = doc.report.sections[0].children[0]
    window.editor.outline.select_section(first.id)
    app.processEvents()
    cards = window.reference.cards
    cards[0].buttons[0].click()  # 加入正文
    for card in cards[1:4]:
        card.buttons[1].click()  # 加入要点
    doc.set_point_text(first.id, 0, doc.report.find(first.id).points[0].text.replace("2022", "2023"))
    doc.set_section_field(first.id, "done", True)
    window.editor.outline.select_section(first.id)
    window.editor.section_form.points.list.setCurrentRow(1)
    app.processEvents()
    for _ in range(5):  # let the debounced counters and preview catch up
        app.processEvents()
        time.sleep(0.1)
    window.preview.render_now()  # type: ignore[union-attr]
    window.preview.show_section(first.id)  # type: ignore[union-attr]
    app.processEvents()
    window.grab().save(str(OUT / "main_window.png"))
    # Leave without the unsaved-changes question: this draft was only for the picture.
    window.autosave.watch(None)
    window.session.close()
    window.hide()
    print(f"已保存截图到 {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
