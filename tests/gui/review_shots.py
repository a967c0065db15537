"""The 审阅 screenshots: ``python -m tests.gui.review_shots`` (offscreen, throw-away user folder).

docs/screenshots/review_panel.png — the window at 1280×800 with a reviewed copy in the 审阅
panel (one change accepted, one rejected, a comment 已处理) and the section editor marking a
pending insertion; docs/screenshots/review_editor.png — a section with a pending deletion and
a new paragraph marked, and two comments kept as notes (one 已处理); docs/screenshots/review_table.png —
the 修改对照表 as LibreOffice prints it (soffice → PDF → pdftoppm).
"""

from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt

from gui.screenshots import OUT, SIZE, leave_quietly, offscreen_home, settle


def main() -> int:
    home = offscreen_home("baogao-review-shots-")

    from core.base.settings import Settings
    from core.draft.draft_file import load_draft
    from core.office.libreoffice import find_soffice
    from core.review.changes import review_changes
    from core.review.revisions import read_reviewed
    from core.review.table import write_change_table
    from gui.app import create_application
    from gui.main_window import MainWindow
    from tests.core.review_builders import reviewed_copy

    app = create_application([])
    draft, reviewed = reviewed_copy(home, "上半年工作总结", "上半年工作总结（李主任审阅）.docx")
    report = load_draft(draft)

    window = MainWindow(Settings(unit="某某局"))
    window.resize(*SIZE)
    window.show()
    assert window.documents.open_draft(draft)
    imported: list[bool] = []
    window.review.finished.connect(imported.append)
    assert window.review.import_review(reviewed)
    settle(app, lambda: bool(imported))
    assert imported == [True]
    window.resizeDocks([window.panel_host.docks["review"]], [520], Qt.Orientation.Horizontal)
    panel = window.review.panel
    items = panel._items()
    for start, accept in (("修改：12 → 15", True), ("删除：固定资产", False)):
        item = next(i for i in items if i.text(0).startswith(start))
        panel.tree.clearSelection()
        item.setSelected(True)
        (panel.accept_button if accept else panel.reject_button).click()
    next(i for i in panel._items() if i.text(0).startswith("批注：“3亿元”")).setCheckState(
        0, Qt.CheckState.Checked
    )
    target = next(i for i in panel._items() if i.text(0).startswith("插入：→ 率先垂范"))
    panel.tree.clearSelection()
    target.setSelected(True)
    sections = {s.heading: s for _, s in window.doc.report.walk()}
    window.editor.outline.select_section(sections["加强班子建设"].id)
    settle(app)
    window.grab().save(str(OUT / "review_panel.png"))

    # 三、下半年工作打算: a deletion and a new paragraph pending, both comments kept as notes.
    comments = [i for i in panel._items() if i.text(0).startswith("批注：“") and "3亿元" not in i.text(0)]
    panel.tree.clearSelection()
    for item in comments:
        item.setSelected(True)
    panel.accept_button.click()
    comments[0].setCheckState(0, Qt.CheckState.Checked)
    window.editor.outline.select_section(sections["下半年工作打算"].id)
    settle(app)
    window.grab().save(str(OUT / "review_editor.png"))
    leave_quietly(window)

    table = home / "修改对照表.docx"
    write_change_table(review_changes(report, read_reviewed(reviewed)).changes, table)
    soffice = find_soffice()
    if soffice is None:
        print("没有 LibreOffice，未生成 review_table.png")
        return 0
    profile = home / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(home),
            str(table),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-singlefile",
            str(home / "修改对照表.pdf"),
            str(OUT / "review_table"),
        ],
        check=True,
        timeout=120,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
