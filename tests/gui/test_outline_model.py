"""The outline model is a correct QAbstractItemModel, and every edit through it is undoable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QSignalSpy

from core.draft.model import Point, Report, Section, to_dict
from gui.document import DraftDocument
from gui.editor.outline_model import COL_CHARS, COL_HEADING, COL_STATUS, SECTION_MIME
from tests.gui.conftest import SETTLE_MS


def _report() -> Report:
    return Report(
        sections=[
            Section(
                heading="抓党建",
                id="a",
                body=["全年开展活动5次。"],
                children=[Section(heading="理论学习", id="a1"), Section(heading="组织建设", id="a2", done=True)],
            ),
            Section(heading="抓人才", id="b"),
            Section(heading="", id="c"),
        ]
    )


def _labels(model: Any, parent: QModelIndex = QModelIndex()) -> list[str]:  # noqa: B008
    out = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, COL_HEADING, parent)
        out.append(model.data(index))
        out.extend("  " + label for label in _labels(model, index))
    return out


def test_model_passes_qt_model_tester_through_edits(qtmodeltester: Any) -> None:
    doc = DraftDocument(_report())
    qtmodeltester.check(doc.outline)
    doc.add_child_section("b", "新下级")
    doc.move_section_up("b")
    doc.demote_section("c")
    doc.delete_section("a1")
    doc.undo_stack.undo()
    qtmodeltester.check(doc.outline)


def test_display_ordinals_status_and_counts() -> None:
    doc = DraftDocument(_report())
    model = doc.outline
    assert _labels(model) == ["一、抓党建", "  （一）理论学习", "  （二）组织建设", "二、抓人才", "三、（未填标题）"]
    a = model.index(0, 0)
    assert model.data(model.index(0, COL_STATUS)) == "草稿"
    assert model.data(model.index(1, COL_STATUS, a)) == "已完成"
    assert model.data(model.index(1, COL_STATUS)) == "空"
    assert model.data(model.index(0, COL_CHARS)) == str(3 + 9 + 4 + 4)  # heading+body, children's headings
    assert model.parent(model.index(1, 0, a)) == a


def test_a_chapter_without_own_text_shows_its_sub_sections_progress() -> None:
    report = Report(
        sections=[
            Section(heading="工作开展情况", id="p", children=[Section(heading="甲", id="x", body=["写了。"], done=True),
                                                             Section(heading="乙", id="y")]),
        ]
    )
    doc = DraftDocument(report)
    model = doc.outline
    assert model.data(model.index_for("p", COL_STATUS)) == "草稿"
    doc.set_section_field("y", "done", True)
    assert model.data(model.index_for("p", COL_STATUS)) == "已完成"
    doc.undo_stack.undo()
    doc.set_section_field("x", "body", [])
    doc.set_section_field("x", "done", False)
    assert model.data(model.index_for("p", COL_STATUS)) == "空"


def test_structural_edits_renumber_and_undo_restores_exactly() -> None:
    doc = DraftDocument(_report())
    original = to_dict(doc.report)
    model = doc.outline
    focus = QSignalSpy(doc.focusRequested)
    new_id = doc.add_section_after("a", "抓作风")
    assert _labels(model)[3] == "二、抓作风"
    assert _labels(model)[4] == "三、抓人才"
    assert focus.at(focus.count() - 1) == [new_id]
    assert doc.promote_section("a2")
    assert _labels(model)[:4] == ["一、抓党建", "  （一）理论学习", "二、组织建设", "三、抓作风"]
    assert doc.demote_section("b")  # under 抓作风
    assert not doc.promote_section("a")  # already at the top: nothing pushed
    assert doc.move_section_down("a")
    assert _labels(model)[0] == "一、组织建设"
    doc.delete_section("a")
    assert "抓党建" not in " ".join(_labels(model))
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert to_dict(doc.report) == original
    while doc.undo_stack.canRedo():
        doc.undo_stack.redo()
    assert [s.heading for s in doc.report.sections] == ["组织建设", "抓作风", ""]
    assert [s.heading for s in doc.report.sections[1].children] == ["抓人才"]


def test_text_edits_refresh_the_row_and_its_ancestors(qtbot: Any) -> None:
    doc = DraftDocument(_report())
    model = doc.outline
    with qtbot.waitSignal(model.dataChanged, timeout=SETTLE_MS) as blocker:
        doc.set_section_field("a1", "body", ["学习十次。"])
    assert blocker.args[0] == model.index_for("a1")
    assert model.data(model.index_for("a1", COL_STATUS)) == "草稿"
    assert model.data(model.index_for("a", COL_CHARS)) == str(3 + 9 + 4 + 5 + 4)


def test_drop_asks_the_document_to_move(qtbot: Any) -> None:
    doc = DraftDocument(_report())
    model = doc.outline
    mime = model.mimeData([model.index_for("b")])
    assert bytes(mime.data(SECTION_MIME).data()) == b"b"
    # Dropping 抓人才 onto 抓党建 makes it 抓党建's last child.
    target = model.index_for("a")
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, target)
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, target)
    assert [c.id for c in doc.report.find("a").children] == ["a1", "a2", "b"]
    assert doc.undo_stack.undoText() == "拖动标题"
    # A section cannot be dropped into its own sub-section.
    into_child = model.mimeData([model.index_for("a")])
    assert not model.canDropMimeData(into_child, Qt.DropAction.MoveAction, 0, 0, model.index_for("a1"))
    doc.undo_stack.undo()
    assert [s.id for s in doc.report.sections] == ["a", "b", "c"]


def test_typing_merges_into_one_undo_step_but_a_pause_does_not(monkeypatch: Any) -> None:
    import gui.commands as commands

    doc = DraftDocument(_report())
    clock = [100.0]
    monkeypatch.setattr(commands.time, "monotonic", lambda: clock[0])
    for text in ("学", "学习", "学习十"):
        doc.set_section_field("b", "body", [text])
        clock[0] += 0.3
    assert doc.undo_stack.count() == 1
    clock[0] += commands.MERGE_SECONDS + 1
    doc.set_section_field("b", "body", ["学习十次"])
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert doc.report.find("b").body == ["学习十"]
    doc.undo_stack.undo()
    assert doc.report.find("b").body == []


def test_merged_typing_keeps_no_commands_alive(monkeypatch: Any) -> None:
    # PySide6 6.11 never frees a Python command that Qt's mergeWith merges away; each would
    # keep a copy of the field for the rest of the sitting (seen in bench_soak as steady growth).
    import gc
    import weakref

    import gui.commands as commands

    made: weakref.WeakSet[commands.EditCommand] = weakref.WeakSet()
    make = commands.EditCommand.__init__

    def tracked(command: commands.EditCommand, *args: Any, **kwargs: Any) -> None:
        make(command, *args, **kwargs)
        made.add(command)

    monkeypatch.setattr(commands.EditCommand, "__init__", tracked)
    doc = DraftDocument(_report())
    clock = [100.0]
    monkeypatch.setattr(commands.time, "monotonic", lambda: clock[0])
    typed = ""
    for character in "坚持以人民为中心的发展思想推动高质量发展":
        typed += character
        doc.set_section_field("b", "body", [typed])
        clock[0] += 0.3
    # The young generations only: this test's own objects. A full collection also finalises
    # what hundreds of earlier tests' windows left behind, and once crashed the whole run there
    # (a binding wrapper of a C++ object already gone).
    gc.collect(1)
    assert len(made) == 1 and doc.undo_stack.count() == 1  # 20 keys typed, one command kept
    doc.undo_stack.undo()
    assert doc.report.find("b").body == []


def test_a_saved_draft_reads_as_changed_after_more_typing(monkeypatch: Any) -> None:
    import gui.commands as commands

    doc = DraftDocument(_report())
    clock = [100.0]
    monkeypatch.setattr(commands.time, "monotonic", lambda: clock[0])
    doc.set_section_field("b", "body", ["学"])
    doc.undo_stack.setClean()  # saved
    clock[0] += 0.3
    doc.set_section_field("b", "body", ["学习"])  # within the typing pause, but after the save
    assert doc.is_modified()
    doc.undo_stack.undo()
    assert doc.report.find("b").body == ["学"] and not doc.is_modified()


def test_typing_then_deleting_leaves_no_undo_step() -> None:
    doc = DraftDocument(_report())
    doc.set_section_field("b", "heading", "抓人才工作")
    doc.set_section_field("b", "heading", "抓人才")
    assert doc.undo_stack.count() == 0


def test_point_edits_and_their_undo() -> None:
    doc = DraftDocument(_report())
    spy = QSignalSpy(doc.pointsChanged)
    row = doc.add_point("b", text="引进人才。")
    doc.add_point("b", 0, "培养人才。")
    doc.set_point_text("b", 1, "引进高层次人才。")
    assert doc.move_point("b", 1, 0)
    assert not doc.move_point("b", 0, 5)
    assert [p.text for p in doc.report.find("b").points] == ["引进高层次人才。", "培养人才。"]
    assert row == 0 and spy.count() == 4
    doc.remove_point("b", 0)
    assert doc.report.find("b").points == [Point("培养人才。")]
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert doc.report.find("b").points == []
