"""Take the screenshots in docs/screenshots from the running app: ``python -m gui.screenshots``.

Runs offscreen (or under Xvfb) in a throw-away user folder, so the clerk's own settings
and recent files are never touched. Needs the seeds in ../shared/seeds and CJK fonts.

Shots: start page, 新建报告 dialog, main window (seed 004, 沿用上年提纲), 待核实 flags in the
editor (seed 001, 沿用上年提纲和文字), the 资料库 panel searching 人才 in the five seeds, and
the 检查 panel on a draft with planted slips (and its 一键修正 menu), the export pre-flight,
查找和替换 after 全部替换, the 成文日期 calendar, and the 使用指南.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QApplication, QWidget

    from gui.main_window import MainWindow

PROJECT_ROOT = Path(__file__).resolve().parent.parent
OUT = PROJECT_ROOT / "docs" / "screenshots"
SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"
SEED_001 = SEEDS / "001_762d5df38829f727.txt"
SEED_004 = SEEDS / "004_742d758d5c42f273.txt"
SIZE = (1280, 800)  # a common office PC screen: what the clerk sees
UNIT = "某某区委组织部"


def settle(app: QApplication, condition: Callable[[], bool] | None = None, seconds: float = 0.6,
           timeout: float = 60.0) -> None:
    """Let timers, workers and painting catch up: until ``condition`` holds (or ``timeout``),
    or for ``seconds`` when there is no condition."""
    started = time.monotonic()
    while True:
        app.processEvents()
        elapsed = time.monotonic() - started
        if condition is None and elapsed >= seconds:
            break
        if condition is not None and (condition() or elapsed >= timeout):
            break
        time.sleep(0.05)
    app.processEvents()


def create(window: MainWindow, request: object) -> None:
    """新建报告 with ``request``, waiting until the report is made and shown (it is made in a
    background task: gui/workers.py)."""
    from PySide6.QtWidgets import QApplication

    made: list[bool] = []
    window.documents.creationFinished.connect(made.append)
    window.documents.create_report(request)
    settle(QApplication.instance(), lambda: bool(made))  # type: ignore[arg-type]
    assert made == [True], "新建报告 failed"


def leave_quietly(window: MainWindow) -> None:
    """Close a window whose draft was only for a picture, without the unsaved-changes question."""
    window.autosave.watch(None)
    window.session.close()
    window.library.shutdown()
    window.hide()


def widen_tabbed_panels(window: MainWindow, width: int) -> None:
    from PySide6.QtCore import Qt

    window.resizeDocks([window.panel_host.docks["reference"]], [width], Qt.Orientation.Horizontal)


def shoot_flags(app: QApplication) -> None:
    """Seed 001 carried over with its text: flags painted in a point and listed in 待核实."""
    from core.base.settings import Settings
    from core.importing.importer import import_document
    from core.reuse.new_draft import CARRY_TEXT
    from gui.dialogs.new_report_dialog import NewReportRequest
    from gui.main_window import MainWindow

    window = MainWindow(Settings(unit=UNIT))
    window.resize(*SIZE)
    window.show()
    request = NewReportRequest("half_year_summary", 2023, UNIT, SEED_001, import_document(SEED_001), CARRY_TEXT)
    create(window, request)
    settle(app)
    widen_tabbed_panels(window, 430)
    panel = window.panel_host.flags
    assert panel is not None
    # One figure already checked, to show what 已核实 looks like.
    checked = next(f for f in panel.flags if f.text == "38项")
    window.doc.set_flag_verified(checked.id)  # type: ignore[union-attr]
    flag = next(f for f in panel.flags if f.text == "40多天")
    item = panel.item_for(flag.id)
    assert item is not None
    panel.tree.setCurrentItem(item)
    window.jump_to(flag.address)
    editor = window.editor
    assert editor is not None
    # Enough of the point on show: the selected point's text is what carries the marks.
    editor.section_form.splitter.setSizes([120, 700])
    settle(app)
    item = panel.item_for(flag.id)  # the list was rebuilt meanwhile
    assert item is not None
    panel.tree.setCurrentItem(item)
    panel.tree.scrollToItem(item)
    app.processEvents()
    window.grab().save(str(OUT / "flags_in_editor.png"))
    leave_quietly(window)


def shoot_library(app: QApplication) -> None:
    """The five seeds in the library, searched for 人才 while writing the 人才 section."""
    from core.base.paths import data_dir
    from core.base.settings import Settings
    from core.importing.importer import import_document
    from core.library import Library
    from gui.dialogs.new_report_dialog import NewReportRequest
    from gui.main_window import MainWindow

    with Library(data_dir()) as library:
        for path in sorted(SEEDS.glob("0*.txt")):
            library.add_file(path)
    window = MainWindow(Settings(unit=UNIT))
    window.resize(*SIZE)
    window.show()
    create(window, NewReportRequest("half_year_summary", 2023, UNIT, SEED_004, import_document(SEED_004),
                                          "carry"))
    editor, panel = window.editor, window.panel_host.library
    assert editor is not None and panel is not None and window.doc is not None
    settle(app, lambda: window.language.is_ready and window.library.is_open)
    widen_tabbed_panels(window, 520)
    section = window.doc.report.sections[0].children[2]
    editor.outline.select_section(section.id)
    window.search_library()
    panel.search_for("人才")
    settle(app, lambda: bool(panel.results.cards) and panel.status_label.text().startswith("找到"))
    panel.insert(panel.hits[0])  # one paragraph already taken into the section
    settle(app)
    window.grab().save(str(OUT / "library_panel.png"))
    leave_quietly(window)


# Two prior reports of our own, as units publish them: a 要点 under its 印发通知, and a 街道's
# summary that names its unit only in its title and its first sentence.
_NOTICE_KEYPOINTS = (
    "某某区科学技术协会关于印发\n《2024年工作要点》的通知\n各街道科协，各学会：\n"
    "现将《2024年工作要点》印发给你们，请结合实际认真贯彻落实。\n某某区科学技术协会\n2024年2月26日\n"
    "2024年工作要点\n2024年，区科协工作的总体要求是：坚持稳中求进，服务科技工作者。\n"
    "一、强化思想政治引领\n1.深化理论学习。坚持每月集中学习。\n2.抓好专题培训。举办专题班两期。\n"
    "二、服务创新发展\n3.搭建交流平台。举办学术年会。\n4.推进科普工作。开展科普日活动。\n"
)
_STREET_SUMMARY = (
    "某某街道2023年工作总结和2024年工作思路\n一、2023年工作回顾\n"
    "2023年，某某街道坚持以人民为中心，在区委区政府的坚强领导下，各项工作取得新成效。\n"
    "（一）抓党建。建强社区党组织。\n（二）抓治理。完成老旧小区改造4个。\n二、2024年工作思路\n（一）抓落实。\n"
)


def shoot_library_manager(app: QApplication) -> None:
    """资料库 ▸ 管理资料库 with the seeds and two reports as units publish them: each kind, year,
    unit and title as guessed on import (the reasons in each cell's tooltip)."""
    from core.base.paths import data_dir
    from core.base.settings import Settings
    from core.library import Library
    from gui.dialogs.library_dialogs import LibraryManager
    from gui.main_window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="baogao-shots-reports-"))
    with Library(data_dir()) as library:
        for name, text in (("科协2024年工作要点（印发稿）.txt", _NOTICE_KEYPOINTS), ("街道2023年总结.txt", _STREET_SUMMARY)):
            (folder / name).write_text(text, encoding="utf-8")
            library.add_file(folder / name)
    window = MainWindow(Settings(unit=UNIT))
    window.resize(*SIZE)
    window.show()
    settle(app, lambda: window.library.is_open)
    dialog = LibraryManager(window.library, window)
    dialog.resize(1100, 420)
    dialog.show()
    settle(app, lambda: dialog.table.rowCount() >= 7)
    dialog.grab().save(str(OUT / "library_manager.png"))
    dialog.close()
    leave_quietly(window)


def shoot_checks(app: QApplication) -> None:
    """Seed 004's outline with two sections written, with slips a check catches."""
    from core.base.settings import Settings
    from core.importing.importer import import_document
    from gui.dialogs.new_report_dialog import NewReportRequest
    from gui.main_window import MainWindow

    window = MainWindow(Settings(unit=UNIT))
    window.resize(*SIZE)
    window.show()
    create(window, NewReportRequest("half_year_summary", 2023, UNIT, SEED_004, import_document(SEED_004),
                                          "carry"))
    doc, editor, panel = window.doc, window.editor, window.panel_host.checks
    assert doc is not None and editor is not None and panel is not None
    first, second = doc.report.sections[0].children[:2]
    doc.set_section_field(first.id, "body", [
        "上半年，我们坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实全国组织工作会议精神,"
        "扎实推进干部队伍建设。",
        "组织开展“年轻干部能力提升培训班2期，培训干部的的能力素质明显提升。",
        "组织学习《中华人民共和国全国人民代表大会和地方人民代表大会代表法》，开展专项检察1次。",
        "面对新形势新任务、我们凸出政治建设，抓好六稳六保工作。",
    ])
    doc.set_section_field(second.id, "body", ["2021年以来，全区新建党群服务中心12个（截至2023.6.30），"
                                               "软弱涣散党组织整顿工作扎实推进。"])
    doc.add_point(second.id, None, "推深做实抓党建促乡村振兴。")
    doc.add_point(second.id, None, "持续整顿软弱涣散基层党组织。")
    doc.add_point(second.id, None, "")
    doc.remove_point(second.id, 2)
    window.run_checks()
    settle(app, lambda: not panel.pending)  # the 校对 checks read in the background
    widen_tabbed_panels(window, 480)
    finding = next(f for f in panel.findings if f.check == "repeated_char")
    item = panel.item_for(finding.id)
    assert item is not None
    panel.tree.setCurrentItem(item)
    window.jump_to(finding.address)
    settle(app)
    item = panel.item_for(finding.id)
    if item is not None:
        panel.tree.setCurrentItem(item)
        panel.tree.scrollToItem(item)
    app.processEvents()
    window.grab().save(str(OUT / "checks_panel.png"))
    leave_quietly(window)


def with_popup(window: QWidget, popup: QWidget) -> QPixmap:
    """The window with a popup (a menu, a calendar) drawn where it shows: grab() leaves it out."""
    from PySide6.QtGui import QPainter

    picture = window.grab()
    painter = QPainter(picture)
    painter.drawPixmap(popup.mapToGlobal(popup.rect().topLeft()) - window.mapToGlobal(window.rect().topLeft()),
                       popup.grab())
    painter.end()
    return picture


def shoot_fix_menu_and_date(app: QApplication) -> None:
    """The 检查 panel's 一键修正 menu over planted slips, and the 成文日期 calendar (zh_CN)."""
    from PySide6.QtCore import QDate, Qt
    from PySide6.QtGui import QKeyEvent

    from core.base.settings import Settings
    from gui.dialogs.new_report_dialog import NewReportRequest
    from gui.main_window import MainWindow

    window = MainWindow(Settings(unit=UNIT))
    window.resize(*SIZE)
    window.show()
    create(window, NewReportRequest("half_year_summary", 2024, UNIT, None, None, "carry"))
    doc, editor, panel = window.doc, window.editor, window.panel_host.checks
    assert doc is not None and editor is not None and panel is not None
    first = doc.report.sections[0].children[0]
    doc.set_section_field(first.id, "body", ["全年新建党群服务中心13 个;完成(二期)改造,群众满意.",
                                             "组织开展培训班2期,培训干部的的能力素质明显提升。"])
    editor.outline.select_section(first.id)
    window.run_checks()
    settle(app)
    widen_tabbed_panels(window, 480)
    finding = next(f for f in panel.findings if f.check == "halfwidth_punct")
    item = panel.item_for(finding.id)
    assert item is not None
    panel.tree.setCurrentItem(item)
    app.processEvents()
    panel.fix_menu.popup(panel.fix_button.mapToGlobal(panel.fix_button.rect().bottomLeft()))
    settle(app)
    with_popup(window, panel.fix_menu).save(str(OUT / "checks_fix_menu.png"))
    panel.fix_menu.close()

    editor.show_report_form()
    row = editor.report_form.date_row
    row.box.setChecked(True)
    row.edit.setDate(QDate(2024, 7, 1))
    row.edit.setFocus()
    app.processEvents()
    app.sendEvent(row.edit, QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier))
    settle(app)
    calendar = row.edit.calendarWidget().window()  # the popup that holds the calendar
    calendar.move(row.edit.mapToGlobal(row.edit.rect().bottomLeft()))  # offscreen puts it at 0, 0
    app.processEvents()
    with_popup(window, calendar).save(str(OUT / "date_calendar.png"))
    calendar.close()
    leave_quietly(window)


def shoot_find_and_guide(app: QApplication) -> None:
    """查找和替换 right after 全部替换 (seed 004, 沿用上年提纲和文字), then the 使用指南."""
    from core.base.settings import Settings
    from core.importing.importer import import_document
    from gui.dialogs.help_dialog import HelpDialog, guide_markdown
    from gui.dialogs.new_report_dialog import NewReportRequest
    from gui.main_window import MainWindow

    window = MainWindow(Settings(unit=UNIT))
    window.resize(*SIZE)
    window.show()
    create(window, NewReportRequest("half_year_summary", 2023, UNIT, SEED_004, import_document(SEED_004),
                                          "carry_text"))
    settle(app)
    window.show_find(True)
    dialog = window.find_dialog
    assert dialog is not None
    dialog.find_edit.setText("2022年")
    dialog.replace_edit.setText("2023年")
    dialog.replace_everything()
    settle(app)
    dialog.grab().save(str(OUT / "find_replace.png"))
    dialog.close()
    guide = HelpDialog("使用指南", guide_markdown(), window)
    guide.show()
    settle(app)
    guide.grab().save(str(OUT / "guide.png"))
    guide.close()
    leave_quietly(window)


def shoot_preflight(app: QApplication) -> None:
    """The export pre-flight on seed 001 carried over with its text (沿用上年提纲和文字)."""
    from core.base.settings import Settings
    from core.checks.preflight import preflight
    from core.importing.importer import import_document
    from gui.dialogs.new_report_dialog import NewReportRequest
    from gui.dialogs.preflight_dialog import PreflightDialog
    from gui.main_window import MainWindow

    window = MainWindow(Settings(unit=UNIT))
    window.resize(*SIZE)
    window.show()
    create(window, NewReportRequest("half_year_summary", 2023, UNIT, SEED_001, import_document(SEED_001),
                                          "carry_text"))
    assert window.doc is not None
    dialog = PreflightDialog(preflight(window.doc.report), window)
    dialog.resize(760, 420)
    dialog.show()
    settle(app)
    dialog.grab().save(str(OUT / "export_preflight.png"))
    dialog.close()
    leave_quietly(window)


def offscreen_home(prefix: str) -> Path:
    """A throw-away user folder, and an offscreen screen of SIZE so the window is laid out for it."""
    home = Path(tempfile.mkdtemp(prefix=prefix))
    screen = home / "screen.json"
    screen.write_text(
        '{"synthesizedscreens": false, "screens": [{"name": "shots", "x": 0, "y": 0, '
        f'"width": {SIZE[0]}, "height": {SIZE[1]}, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}}]}}',
        encoding="utf-8",
    )
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={screen}")
    os.environ["BAOGAO_HOME"] = str(home)
    return home


def main() -> int:
    home = offscreen_home("baogao-shots-")
    if not SEED_004.is_file():
        sys.stderr.write(f"找不到种子文件：{SEED_004}\n")
        return 1

    from core.base.settings import Settings
    from core.draft.draft_file import save_draft
    from core.importing.importer import import_document
    from core.reuse.new_draft import new_draft
    from gui.app import create_application
    from gui.dialogs.new_report_dialog import NewReportDialog, NewReportRequest
    from gui.main_window import MainWindow

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
    dialog = NewReportDialog(settings, SEED_004, window)  # sized by the dialog itself, to fit the screen
    read: list[bool] = []
    dialog.priorRead.connect(read.append)  # the file is read in a background task
    dialog.show()
    settle(app, lambda: bool(read))
    dialog.grab().save(str(OUT / "new_report_dialog.png"))
    dialog.close()

    # The main window: seed 004 carried over, section （一） being written from last year's text.
    prior = import_document(SEED_004)
    create(window, NewReportRequest("half_year_summary", 2023, "某某区委组织部", SEED_004, prior, "carry"))
    doc = window.doc
    assert doc is not None and window.panel_host.reference is not None and window.editor is not None
    first = doc.report.sections[0].children[0]
    window.editor.outline.select_section(first.id)
    app.processEvents()
    cards = window.panel_host.reference.cards
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
    window.panel_host.preview.wait_until_rendered()  # type: ignore[union-attr]
    window.panel_host.preview.show_section(first.id)  # type: ignore[union-attr]
    app.processEvents()
    window.grab().save(str(OUT / "main_window.png"))
    leave_quietly(window)

    if not SEED_001.is_file():
        sys.stderr.write(f"找不到种子文件：{SEED_001}\n")
        return 1
    shoot_flags(app)
    shoot_library(app)
    shoot_library_manager(app)
    shoot_checks(app)
    shoot_fix_menu_and_date(app)
    shoot_find_and_guide(app)
    shoot_preflight(app)
    print(f"已保存截图到 {OUT}")
    return 0


if __name__ == "__main__":
    status = main()
    # The files are written. PySide6 6.x can abort while tearing down the many windows and
    # dialogs made here (a refcount error during the interpreter's final garbage collection,
    # not seen when the app itself quits): leave without that teardown.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
