"""A window tested by random clerks: hypothesis drives the real MainWindow offscreen.

A clerk starts a report from a real prior report (every seed, each 新建报告 mode), then does
what a day of drafting does, in any order: clicks sections in the outline, rows in 待核实,
检查, 查找 and 审阅; types into headings, 正文, 要点 and 报告信息 on the keyboard, through the
input method and in pinyin composition; adds, deletes, moves, promotes and demotes headings
and points; ticks 作为附件 and 已核实; replaces all; applies 一键修正; accepts and rejects a
reviewer's changes; undoes and redoes; saves, closes and reopens; restores a saved version.

Beside the window the machine keeps a shadow: a plain copy of the draft to which each action
is applied as the clerk meant it (tests/gui/clerk_shadow.py), never through a widget. After
every step:
- the draft equals the shadow (and the undo stack holds one step per change the shadow made);
- the form shows the draft (what the clerk sees is what is stored);
- what recovery would load — the autosave or the draft file, with the edit journal replayed —
  equals the draft;
and a rule undoes everything back to the start (byte for byte) and redoes it all; another
saves, closes and reopens and finds the same draft.

tests/gui/test_random_clerk.py runs a few examples from every start state;
benchmarks/bench_random_clerk.py runs thousands of steps and prints the first failing
sequence, shrunk. Use: ``with Harness(folder, seeds) as harness:`` then hypothesis's
``run_state_machine_as_test(clerk_machine(harness), settings=...)``.
"""

from __future__ import annotations

import copy
import functools
import itertools
import json
import re
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from PySide6.QtCore import QEvent, QEventLoop, QModelIndex, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent, QTextBlock, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from core.draft.model import Point, Report, Section, report_from_dict
from core.reuse.new_draft import CARRY_OUTLINE, CARRY_TEXT, REFERENCE_ONLY
from tests.gui import clerk_shadow as shadow_rules
from tests.gui.clerk_review import Marked, Wish
from tests.gui.clerk_shadow import BACKSPACE, DELETE, ENTER, PASTE, TEXT, Keys, clone, snapshot
from tests.gui.conftest import created, ended_by

SEED_KEYS = ("000", "001", "002", "003", "004")
MODES = (CARRY_OUTLINE, CARRY_TEXT, REFERENCE_ONLY)
START_STATES = tuple(itertools.product(SEED_KEYS, MODES))

KEYBOARD = "abcxyz0123456789,.;:()%"
# 𬍛: a rare character of a name, beyond the BMP (two UTF-16 units to Qt, one character to Python).
CHINESE = "工作推进落实组织干部党建学习年月日一二三四五六七八九十万个次项，。；：、“”（）《》𬍛"
DIGITS = "0123456789"
PINYIN = "gongzuo"  # what the preedit shows while a phrase is being composed

# Report-level fields the clerk types into, by the kind of editor the 报告信息 form gives them.
REPORT_LINE_FIELDS = ("title", "addressee")
REPORT_TEXT_FIELDS = ("subtitle", "signature")
REPORT_PARAGRAPH_FIELDS = ("opening", "closing", "attachments")

SECTION_TAB, REPORT_TAB = 0, 1
PAUSE = 10.0  # fake seconds between two actions: longer than an undo step's merge window
QUICK = 0.5  # "and then straight on": inside the merge window

keys_strategy = st.one_of(
    st.builds(Keys, st.just(TEXT), st.text(KEYBOARD, min_size=1, max_size=6), st.just("keys")),
    st.builds(Keys, st.just(TEXT), st.text(CHINESE + DIGITS, min_size=1, max_size=8),
              st.sampled_from(["ime", "compose", "compose_slowly"])),
    st.just(Keys(ENTER)),
    st.builds(Keys, st.sampled_from([BACKSPACE, DELETE]), count=st.integers(1, 3)),
    # Copied from a Word document: lines, some indented with 全角 spaces, blank lines between.
    st.builds(Keys, st.just(PASTE), st.lists(
        st.tuples(st.sampled_from(["", "　　", "  ", "\t"]), st.text(CHINESE + DIGITS + "ab", max_size=6)),
        min_size=1, max_size=4).map(lambda lines: "\n".join(indent + text for indent, text in lines))),
)
text_keys = st.builds(
    Keys, st.just(TEXT), st.text(CHINESE + DIGITS, min_size=1, max_size=8), st.sampled_from(["keys", "ime", "compose"])
).map(lambda k: Keys(TEXT, k.text, "ime") if k.via == "keys" else k)
anywhere = st.integers(0, 10**6)  # an index, taken modulo what there is (shrinks towards the first)


# ---- the surroundings: dialogs answered, a folder, a clock ------------------------------------------


@dataclass
class Harness:
    """What a run of the machine needs around the window: a folder to save in, every modal
    dialog answered (an unexpected one fails the step), and a fake clock for the undo stack's
    "typing within 2 s is one step" (so that steps do not depend on the machine's speed)."""

    folder: Path
    seeds: dict[str, Path]
    start_states: tuple[tuple[str, str], ...] = START_STATES
    clock: float = 1000.0
    steps: int = 0  # actions taken
    edits: int = 0  # of which changed the draft
    log: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    save_paths: list[Path] = field(default_factory=list)
    open_paths: list[Path] = field(default_factory=list)
    history_row: int = 0
    prior: Path | None = None
    mode: str = CARRY_OUTLINE
    _names: Iterator[int] = field(default_factory=itertools.count)
    _undo: list[Callable[[], None]] = field(default_factory=list)

    def fresh_path(self, stem: str, suffix: str) -> Path:
        return self.folder / f"{stem}{next(self._names)}{suffix}"

    def _set(self, owner: object, name: str, value: object) -> None:
        old = owner.__dict__[name] if isinstance(owner, type) and name in owner.__dict__ else getattr(owner, name)
        setattr(owner, name, value)
        self._undo.append(lambda: setattr(owner, name, old))

    def __enter__(self) -> Harness:
        import gui.commands
        from gui.dialogs import prompts
        from gui.dialogs.history_dialog import HistoryDialog
        from gui.dialogs.new_report_dialog import NewReportDialog
        from tests.gui.conftest import fill_new_report_dialog

        def unexpected(name: str) -> Callable[..., Any]:
            def fail(*args: object, **_kwargs: object) -> Any:
                raise AssertionError(f"没想到的对话框：{name} {args[1:]}")

            return fail

        def record(kind: str) -> Callable[..., None]:
            return lambda _parent, *args: self.asked.append(f"{kind}：{' '.join(str(a) for a in args)}")

        self._set(prompts, "ask_save_changes", lambda _parent, _name: prompts.DISCARD)
        for name in ("ask_open_locked", "ask_overwrite", "ask_save_elsewhere", "ask_changed_on_disk", "tell_locked"):
            self._set(prompts, name, unexpected(name))
        self._set(prompts, "warn", record("warn"))
        self._set(prompts, "ask_delete_section", lambda _parent, _heading, _chars: True)  # 删除 a part with text
        self._set(prompts, "inform", record("inform"))
        self._set(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(self.save_paths.pop(0)), "")))
        self._set(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(self.open_paths.pop(0)), "")))
        for name in ("warning", "information", "critical", "question"):
            self._set(QMessageBox, name, staticmethod(unexpected(f"QMessageBox.{name}")))

        def fill(dialog: NewReportDialog) -> int:
            return fill_new_report_dialog(dialog, self.prior, mode=self.mode)

        def restore(dialog: HistoryDialog) -> int:
            dialog.list.setCurrentRow(self.history_row)
            dialog.restore_selected()
            return dialog.result()

        self._set(NewReportDialog, "exec", fill)
        self._set(HistoryDialog, "exec", restore)
        self._set(gui.commands, "time", types.SimpleNamespace(monotonic=lambda: self.clock))
        return self

    def __exit__(self, *_exc: object) -> None:
        while self._undo:
            self._undo.pop()()


# ---- the clerk's hands ---------------------------------------------------------------------------------


def settle() -> None:
    """Let the window finish what it deferred to the event loop (a tick of a box, a refresh,
    widgets it let go with deleteLater, which the app's event loop deletes on its next turn)."""
    from gui.workers import running_for

    # Work the window started in the background (a review copy read again on reopening) ends
    # first: meanwhile the window holds the clerk's keys off.
    while any(running_for(window) for window in QApplication.topLevelWidgets()):
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    for _ in range(2):
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def utf16(text: str) -> int:
    """Qt counts positions in UTF-16 units."""
    return len(text.encode("utf-16-le")) // 2


def commit(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def press(widget: QWidget, keys: Keys) -> None:
    """What the clerk's fingers do, delivered as Qt delivers it."""
    if keys.kind == TEXT and keys.via == "keys":
        QTest.keyClicks(widget, keys.text)
    elif keys.kind == TEXT and keys.via == "ime":
        for start in range(0, len(keys.text), 4):  # an input method commits a phrase at a time
            commit(widget, keys.text[start : start + 4])
    elif keys.kind == TEXT:
        for start in range(0, len(keys.text), 2):
            for length in range(1, len(PINYIN) + 1, 3):  # the preedit grows as pinyin is typed
                QApplication.sendEvent(widget, QInputMethodEvent(PINYIN[:length], []))
            if keys.via == "compose_slowly":
                QTest.qWait(450)  # choosing among the candidates while the window's timers run
            commit(widget, keys.text[start : start + 2])
    elif keys.kind == PASTE:
        QApplication.clipboard().setText(keys.text)
        QTest.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    else:
        key = {ENTER: Qt.Key.Key_Return, BACKSPACE: Qt.Key.Key_Backspace, DELETE: Qt.Key.Key_Delete}[keys.kind]
        for _ in range(keys.count):
            QTest.keyClick(widget, key)


def blocks(edit: QPlainTextEdit) -> list[QTextBlock]:
    out, block = [], edit.document().firstBlock()
    while block.isValid():
        out.append(block)
        block = block.next()
    return out


def click_in_paragraph(edit: QPlainTextEdit, index: int, at: int) -> tuple[bool, bool]:
    """Put the cursor at character ``at`` of the ``index``-th paragraph the field shows (its
    ``index``-th non-blank line); returns whether a blank line shows before / after it."""
    lines = [b for b in blocks(edit) if b.text().strip()]
    cursor = edit.textCursor()
    if not lines:
        cursor.setPosition(0)
        edit.setTextCursor(cursor)
        return False, False
    block = lines[index]
    text = block.text()
    lead = utf16(text) - utf16(text.lstrip())
    cursor.setPosition(block.position() + lead + utf16(text.strip()[:at]))
    edit.setTextCursor(cursor)
    previous, following = block.previous(), block.next()
    return (previous.isValid() and not previous.text().strip(), following.isValid() and not following.text().strip())


def click_in_text(edit: QPlainTextEdit | QLineEdit, at: int) -> None:
    """Put the cursor at character ``at`` of the field's value (its text without the blank
    space around it, which is what the draft keeps)."""
    text = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
    position = utf16(text) - utf16(text.lstrip()) + utf16(text.strip()[:at])
    if isinstance(edit, QLineEdit):
        edit.deselect()
        edit.setCursorPosition(position)
        return
    cursor = edit.textCursor()
    cursor.setPosition(position)
    edit.setTextCursor(cursor)


def click_row(view: Any, index: QModelIndex) -> None:
    """A mouse click on a row of a list or tree, scrolled into view first: on the row's text
    where the view shows it (a narrow outline shows only the start of each heading)."""
    view.scrollTo(index)
    rect = view.visualRect(index)
    x = min(rect.center().x(), max(rect.left() + 4, view.viewport().width() - 4))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(x, rect.center().y()))


def when(condition: Callable[[Any], bool]) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """A rule that does nothing unless ``condition`` holds of the machine. Not a hypothesis
    precondition: with one, which rule runs next is drawn from the rules enabled *now*, and
    what is enabled here can depend on timing (whether a check had finished before the clerk
    clicked its list), so replaying a sequence drew differently (FlakyStrategyDefinition)."""

    def wrap(method: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(method)
        def guarded(self: Any, *args: Any, **kwargs: Any) -> None:
            if condition(self):
                method(self, *args, **kwargs)

        return guarded

    return wrap


def pick(items: list[Any], which: int) -> Any:
    """The ``which``-th item, going round; None when there is none."""
    return items[which % len(items)] if items else None


# ---- the machine ---------------------------------------------------------------------------------------


@dataclass
class LastTyping:
    """The previous typing, for "and then straight on" (it merges into the same undo step)."""

    key: tuple[object, ...]
    at: float
    depth: int  # undo steps at that moment
    again: Callable[[int, Keys], None]  # type again into the same field, at a character


class RandomClerk(RuleBasedStateMachine):
    """See the module docstring. ``harness`` is set by :func:`clerk_machine`."""

    harness: Harness

    def __init__(self) -> None:
        super().__init__()
        self.window: Any = None
        self.shadow = Report()
        self.past: list[Report] = []  # the shadow before each undo step, oldest first
        self.future: list[Report] = []  # what redo brings back, next last
        self.past_steps: list[str] = []  # what made each of those steps (for failure messages)
        self.future_steps: list[str] = []
        self.start_state = Report()
        self.saved: list[str] = []  # snapshots of each save of the current file, oldest first
        self.clean_depth = -1  # undo steps at the last save (no typing merges across a save)
        self.last_typing: LastTyping | None = None
        self.marks: dict[str, Marked] = {}  # the review's change ids → what the leader marked
        self.marks_digest = ""  # … of the copy with this digest (ids count from 1 in every copy)
        self.review_record: Any = None  # the draft's record of the copy as imported
        self.harness.log = []

    # ---- what the clerk sees ------------------------------------------------------------------------

    @property
    def doc(self) -> Any:
        return self.window.doc

    @property
    def editor(self) -> Any:
        return self.window.editor

    @property
    def form(self) -> Any:
        return self.window.editor.section_form

    def _begin(self, what: str, pause: float = PAUSE) -> None:
        """A new action: the clerk paused before it (so it starts an undo step of its own)."""
        self.last_typing = None
        self.harness.clock += pause
        self.harness.steps += 1
        self.harness.log.append(what)

    def _name(self, section_id: str) -> str:
        heading = shadow_rules.find_section(self.shadow, section_id).heading
        return f"“{heading[:12]}”" if heading else f"（无标题 {section_id[:4]}）"

    def _sections(self) -> list[str]:
        return [s.id for s in shadow_rules.sections_in_order(self.shadow)]

    def _to_front(self) -> None:
        """The clerk clicks into the main window: it becomes the active one (the 查找 dialog,
        a separate window, may have been in front)."""
        settle()  # an activation still on its way (the dialog's) comes first
        if QApplication.activeWindow() is not self.window:
            self.window.activateWindow()
            QTest.qWaitForWindowActive(self.window, 1000)
            settle()
        assert QApplication.activeWindow() is self.window, f"主窗口没能到前台：{QApplication.activeWindow()}"

    def _click_section(self, section_id: str) -> None:
        """Click the heading in the outline (and the 本节内容 tab, if 报告信息 is in front)."""
        self._to_front()
        tree = self.editor.outline.tree
        index = self.doc.outline.index_for(section_id)
        parent = index.parent()
        while parent.isValid():
            tree.expand(parent)
            parent = parent.parent()
        click_row(tree, index)
        if self.editor.tabs.currentIndex() != SECTION_TAB:
            self.editor.tabs.setCurrentIndex(SECTION_TAB)
        assert self.form.section_id == section_id, f"点了提纲中的{self._name(section_id)}，表单显示的却是 {self.form.section_id}"

    def _click_point(self, row: int) -> None:
        points = self.form.points
        click_row(points.list, points.list.model().index(row, 0))
        assert points.list.currentRow() == row

    # ---- bookkeeping of steps -------------------------------------------------------------------------

    def _changed(self, before: Report, key: tuple[object, ...] | None = None, always: bool = False) -> bool:
        """The shadow now holds what the clerk meant; ``before`` is what it held. An edit of the
        same field within the merge window joins the previous undo step (and vanishes if it
        brings the field back); any other change is a step of its own. True when the step on
        top of the undo stack is now this edit's."""
        if before == self.shadow and not always:
            return False
        self.harness.edits += 1
        last = self.last_typing
        merging = (
            key is not None
            and last is not None
            and last.key == key
            and self.harness.clock - last.at <= 2.0
            and last.depth == len(self.past)
            and self.clean_depth != len(self.past)
        )
        on_top = True
        if merging:
            if self.past and self.past[-1] == self.shadow:
                self.past.pop()  # typed and taken back: nothing left to undo
                self.past_steps.pop()
                on_top = False
        else:
            self.past.append(before)
            self.past_steps.append(self.harness.log[-1] if self.harness.log else "")
        self.future.clear()
        self.future_steps.clear()
        return on_top

    def _typed(self, key: tuple[object, ...], before: Report, again: Callable[[int, Keys], None]) -> None:
        """After typing into one field: the next typing there may join this undo step."""
        last = self.last_typing
        if self._changed(before, key):
            self.last_typing = LastTyping(key, self.harness.clock, len(self.past), again)
        elif last is not None and before == self.shadow:
            self.last_typing = last  # nothing typed: the step on top is still the previous typing's
        else:
            self.last_typing = None

    # ---- start ----------------------------------------------------------------------------------------------

    @initialize(state=st.integers(0, len(START_STATES) - 1))
    def start(self, state: int) -> None:
        from core.base.paths import config_dir
        from core.base.settings import Settings
        from gui.main_window import MainWindow
        from gui.window_state import WINDOW_STATE_FILE

        seed, mode = pick(list(self.harness.start_states), state)
        self._begin(f"新建报告：种子 {seed}，{mode}")
        (config_dir() / WINDOW_STATE_FILE).unlink(missing_ok=True)  # every example starts on a first run's layout
        window = MainWindow(Settings(autosave_seconds=1.0))
        window.autosave._timer.setInterval(200)
        window.resize(1400, 900)
        window.show()
        QTest.qWaitForWindowExposed(window)
        self.window = window
        self.harness.prior, self.harness.mode = self.harness.seeds[seed], mode
        assert created(window)
        settle()
        assert self.doc.undo_stack.count() == 0, "新建报告留下了撤销步骤"
        self.shadow = clone(self.doc.report)
        self.start_state = clone(self.shadow)

    def teardown(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the window really goes
            settle()
            self.window = None

    # ---- looking around (changes nothing) ------------------------------------------------------------

    @rule(which=anywhere)
    def click_outline(self, which: int) -> None:
        section_id = pick(self._sections(), which)
        if section_id is None:
            return  # every heading deleted
        self._begin(f"点提纲中的{self._name(section_id)}")
        self._click_section(section_id)

    @rule(which=anywhere, row=anywhere)
    def click_point(self, which: int, row: int) -> None:
        with_points = [s.id for s in shadow_rules.sections_in_order(self.shadow) if s.points] or self._sections()
        section_id = pick(with_points, which)
        if section_id is None:
            return  # every heading deleted
        self._begin(f"点{self._name(section_id)}的要点列表")
        self._click_section(section_id)
        count = self.form.points.list.count()
        if count:
            self._click_point(row % count)

    @rule()
    def show_report_form(self) -> None:
        self._begin("打开“报告信息”")
        self.editor.tabs.setCurrentIndex(REPORT_TAB)

    def _flag_rows(self) -> list[Any]:
        self.window.show_panel("flags")
        self.window.panel_host.flags.refresh()  # the list caught up with the last edit
        return self.window.panel_host.flags.tree.finding_items()

    def _check_rows(self) -> list[Any]:
        self.window.run_checks()
        return self.window.panel_host.checks.tree.finding_items()

    @rule(which=anywhere, fresh=st.booleans())
    def click_flag(self, which: int, fresh: bool) -> None:
        """A 待核实 row; ``fresh=False``: the list as it was (it follows edits a moment later)."""
        self._begin(f"点待核实第 {which} 行" + ("" if fresh else "（列表尚未刷新）"))
        self.window.show_panel("flags")
        tree = self.window.panel_host.flags.tree
        rows = self._flag_rows() if fresh else tree.finding_items()
        if rows:
            click_row(tree, tree.indexFromItem(pick(rows, which), 0))

    @rule(which=anywhere)
    def click_check(self, which: int) -> None:
        self._begin(f"检查，点第 {which} 行")
        rows = self._check_rows()
        if rows:
            tree = self.window.panel_host.checks.tree
            click_row(tree, tree.indexFromItem(pick(rows, which), 0))

    def _finder(self, query: str, replace: bool = False) -> Any:
        self.window.show_find(replace)
        finder = self.window.find_dialog
        finder.find_edit.selectAll()
        commit(finder.find_edit, query)
        assert finder.find_edit.text() == query
        return finder

    def _some_text(self, which: int, start: int, length: int) -> str | None:
        """Part of some text of the draft (``length`` 0: all of it); None when there is none."""
        texts = [t for *_address, t in shadow_rules.every_text(self.shadow) if t.strip()]
        text = pick(texts, which)
        if text is None:
            return None
        if length == 0:
            from core.text.find import MAX_QUERY_LENGTH

            return text[:MAX_QUERY_LENGTH]  # as much as the 查找 box takes
        begin = start % len(text)
        return text[begin : begin + length]

    @rule(which=anywhere, start=anywhere, length=st.integers(1, 4), steps=st.integers(1, 4))
    def find_and_step(self, which: int, start: int, length: int, steps: int) -> None:
        query = self._some_text(which, start, length)
        if query is None:
            return
        self._begin(f"查找“{query}”，下一个 {steps} 次")
        finder = self._finder(query)
        for _ in range(steps):
            finder.next_button.click()

    # ---- typing ------------------------------------------------------------------------------------------

    def _type_paragraphs(self, edit: QPlainTextEdit, paragraphs: list[str], index: int, at: int,
                         keys: Keys) -> list[str]:
        i = index % len(paragraphs) if paragraphs else 0
        c = at % (len(paragraphs[i]) + 1) if paragraphs else 0
        blank_before, blank_after = click_in_paragraph(edit, i, c)
        press(edit, keys)
        return shadow_rules.typed_into_paragraphs(paragraphs, i, c, keys, blank_before, blank_after)

    def _type_text(self, edit: QPlainTextEdit | QLineEdit, value: str, at: int, keys: Keys) -> str:
        c = at % (len(value) + 1)
        click_in_text(edit, c)
        press(edit, keys)
        typed = shadow_rules.typed_into_line if isinstance(edit, QLineEdit) else shadow_rules.typed_into_text
        return typed(value, c, keys)

    def _type_in_body(self, section_id: str, paragraph: int, at: int, keys: Keys) -> None:
        before = clone(self.shadow)
        section = shadow_rules.find_section(self.shadow, section_id)
        section.body = self._type_paragraphs(self.form.body_edit, section.body, paragraph, at, keys)
        self._typed(("section", section_id, "body"), before,
                    lambda a, k: self._type_in_body(section_id, paragraph, a, k))

    @rule(which=anywhere, paragraph=anywhere, at=anywhere, keys=keys_strategy)
    def type_in_body(self, which: int, paragraph: int, at: int, keys: Keys) -> None:
        section_id = pick(self._sections(), which)
        if section_id is None:
            return  # every heading deleted
        self._begin(f"在{self._name(section_id)}正文第 {paragraph} 段第 {at} 字处{keys}")
        self._click_section(section_id)
        self._type_in_body(section_id, paragraph, at, keys)

    @rule(which=anywhere, keys=text_keys)
    def new_paragraph_in_body(self, which: int, keys: Keys) -> None:
        section_id = pick(self._sections(), which)
        if section_id is None:
            return  # every heading deleted
        self._begin(f"在{self._name(section_id)}正文末尾另起一段，{keys}")
        self._click_section(section_id)
        before = clone(self.shadow)
        edit = self.form.body_edit
        edit.moveCursor(QTextCursor.MoveOperation.End)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        press(edit, keys)
        section = shadow_rules.find_section(self.shadow, section_id)
        section.body = shadow_rules.new_paragraph(section.body, keys.text)
        self._typed(("section", section_id, "body"), before,
                    lambda a, k: self._type_in_body(section_id, 10**6, a, k))

    def _type_in_heading(self, section_id: str, at: int, keys: Keys) -> None:
        before = clone(self.shadow)
        section = shadow_rules.find_section(self.shadow, section_id)
        section.heading = self._type_text(self.form.heading_edit, section.heading, at, keys)
        self._typed(("section", section_id, "heading"), before, lambda a, k: self._type_in_heading(section_id, a, k))

    @rule(which=anywhere, at=anywhere, keys=keys_strategy)
    def type_in_heading(self, which: int, at: int, keys: Keys) -> None:
        section_id = pick(self._sections(), which)
        if section_id is None:
            return  # every heading deleted
        self._begin(f"在{self._name(section_id)}的标题第 {at} 字处{keys}")
        self._click_section(section_id)
        self._type_in_heading(section_id, at, keys)

    def _type_in_point(self, section_id: str, row: int, at: int, keys: Keys) -> None:
        before = clone(self.shadow)
        point = shadow_rules.find_section(self.shadow, section_id).points[row]
        point.text = self._type_text(self.form.points.editor, point.text, at, keys)
        self._typed(("point", section_id, row), before, lambda a, k: self._type_in_point(section_id, row, a, k))

    @rule(which=anywhere, row=anywhere, at=anywhere, keys=keys_strategy)
    def type_in_point(self, which: int, row: int, at: int, keys: Keys) -> None:
        with_points = [s for s in shadow_rules.sections_in_order(self.shadow) if s.points]
        if not with_points:
            return
        section = pick(with_points, which)
        row %= len(section.points)
        self._begin(f"在{self._name(section.id)}要点 {row + 1} 第 {at} 字处{keys}")
        self._click_section(section.id)
        self._click_point(row)
        self._type_in_point(section.id, row, at, keys)

    def _report_editor(self, name: str) -> Any:
        return self.editor.report_form.editors[name]

    def _type_in_report(self, name: str, index: int, at: int, keys: Keys) -> None:
        before = clone(self.shadow)
        edit = self._report_editor(name)
        value = getattr(self.shadow, name)
        if name in REPORT_PARAGRAPH_FIELDS:
            setattr(self.shadow, name, self._type_paragraphs(edit, value, index, at, keys))
        else:
            setattr(self.shadow, name, self._type_text(edit, value, at, keys))
        self._typed(("report", name), before, lambda a, k: self._type_in_report(name, index, a, k))

    @rule(name=st.sampled_from(REPORT_LINE_FIELDS + REPORT_TEXT_FIELDS + REPORT_PARAGRAPH_FIELDS),
          index=anywhere, at=anywhere, keys=keys_strategy)
    def type_in_report_field(self, name: str, index: int, at: int, keys: Keys) -> None:
        self._begin(f"在报告信息“{name}”第 {index} 段第 {at} 字处{keys}")
        self._to_front()
        self.window.show_report_form()
        self._type_in_report(name, index, at, keys)

    @rule(at=anywhere, keys=keys_strategy)
    @when(lambda self: self.last_typing is not None)
    def type_on_straight_away(self, at: int, keys: Keys) -> None:
        """Typing on in the same field within the merge window: still the same undo step."""
        again = self.last_typing
        assert again is not None
        self._begin(f"紧接着在同一处第 {at} 字{keys}", pause=QUICK)
        self.last_typing = again
        again.again(at, keys)

    # ---- typing over what a jump selected ---------------------------------------------------------------

    def _type_over_selection(self, section_id: str, field: str, index: int, start: int, end: int, text: str) -> None:
        """After a jump from 待核实, 检查 or 查找 the text is selected; the clerk types over it."""
        from gui.editor.widgets import ParagraphsEdit

        value = shadow_rules.slot_value(self.shadow, section_id, field, index)
        assert value is not None
        before = clone(self.shadow)
        if section_id:
            edit = {"heading": self.form.heading_edit, "body": self.form.body_edit,
                    "points": self.form.points.editor, "tail": self.form.tail_edit}[field]
            key: tuple[object, ...] = ("point", section_id, index) if field == "points" else ("section", section_id, field)
        else:
            edit = self._report_editor(field)
            key = ("report", field)
        commit(edit, text)
        new = shadow_rules.replaced_span(value, start, end, text).strip()
        owner: Any = shadow_rules.find_section(self.shadow, section_id) if section_id else self.shadow
        if isinstance(edit, ParagraphsEdit) and not new:
            del getattr(owner, field)[index]  # a line left blank is no paragraph
        else:
            shadow_rules.set_slot_value(self.shadow, section_id, field, index, new)
        self._changed(before, key)
        self.last_typing = None

    def _typeable(self, section_id: str, field: str) -> bool:
        if section_id:
            return field in ("heading", "body", "points") or (field == "tail" and self.form.tail_edit.isVisible())
        editor = self.editor.report_form.editors.get(field)
        return field in self.editor.report_form.text_editors() and editor is not None and editor.isVisible()

    def _jump_and_type(self, finding: Any, text: str) -> None:
        value = shadow_rules.slot_value(self.shadow, finding.section_id, finding.field, finding.index)
        assert value is not None and value[finding.start : finding.end] == finding.text, (
            f"列表中的“{finding.text}”不在它所指的位置：{value!r}"
        )
        if self._typeable(finding.section_id, finding.field):
            self._type_over_selection(finding.section_id, finding.field, finding.index, finding.start, finding.end, text)

    @rule(which=anywhere, keys=text_keys)
    def flag_and_type(self, which: int, keys: Keys) -> None:
        rows = self._flag_rows()
        if not rows:
            return
        panel = self.window.panel_host.flags
        flag = panel.tree.finding_of(pick(rows, which))
        self._begin(f"点待核实“{flag.text}”，改为“{keys.text}”")
        click_row(panel.tree, panel.tree.indexFromItem(pick(rows, which), 0))
        self._jump_and_type(flag, keys.text)

    @rule(which=anywhere, keys=text_keys)
    def check_and_type(self, which: int, keys: Keys) -> None:
        rows = self._check_rows()
        if not rows:
            return
        tree = self.window.panel_host.checks.tree
        finding = tree.finding_of(pick(rows, which))
        self._begin(f"点检查结果“{finding.text}”，改为“{keys.text}”")
        click_row(tree, tree.indexFromItem(pick(rows, which), 0))
        self._jump_and_type(finding, keys.text)

    @rule(which=anywhere, start=anywhere, length=st.integers(1, 4), steps=st.integers(1, 3), keys=text_keys)
    def find_and_type(self, which: int, start: int, length: int, steps: int, keys: Keys) -> None:
        query = self._some_text(which, start, length)
        if query is None:
            return
        self._begin(f"查找“{query}”，下一个 {steps} 次，改为“{keys.text}”")
        finder = self._finder(query)
        for _ in range(steps):
            finder.next_button.click()
        match = finder.matches[finder.current]
        self._jump_and_type(match, keys.text)

    @rule(which=anywhere, start=anywhere, length=st.integers(1, 4),
          replacement=st.text(CHINESE + DIGITS, min_size=1, max_size=4), around=st.sampled_from(["", "前", "后"]),
          presses=st.integers(1, 4))
    def replace_one_by_one(self, which: int, start: int, length: int, replacement: str, around: str,
                           presses: int) -> None:
        """替换, pressed again and again: the first press goes to the first match; each further
        press replaces the selected match and goes on to the next one after it (round to the
        first after the last), never into the text it has just put in."""
        query = self._some_text(which, start, length)
        if query is None:
            return
        # 前/后: the replacement keeps the text found, with more before or after it ("区" → "区委").
        replacement = {"": replacement, "前": replacement + query, "后": query + replacement}[around]
        self._begin(f"查找“{query}”，替换为“{replacement}”，按“替换” {presses} 次")
        finder = self._finder(query, replace=True)
        finder.replace_edit.selectAll()
        commit(finder.replace_edit, replacement)
        selected: tuple[int, tuple[str, str, int], int] | None = None  # the selected match
        for _press in range(presses):
            before = clone(self.shadow)
            finder.replace_button.click()
            settle()
            found = shadow_rules.occurrences_in_order(self.shadow, query)
            if selected is None:
                selected = found[0] if found else None
                if selected is None:
                    break
                continue
            order, address, at = selected
            text = shadow_rules.slot_value(self.shadow, *address)
            assert text is not None and text[at : at + len(query)] == query, f"按“替换”时选中的不是“{query}”"
            shadow_rules.set_texts(self.shadow, {address: text[:at] + replacement + text[at + len(query) :]})
            self._changed(before)
            found = shadow_rules.occurrences_in_order(self.shadow, query)
            after = [f for f in found if (f[0], f[2]) >= (order, at + len(replacement))]
            selected = after[0] if after else (found[0] if found else None)
            if selected is None:
                break
        self.last_typing = None

    # ---- the outline -----------------------------------------------------------------------------------

    @rule(which=anywhere, how=st.sampled_from(["add_sibling", "add_child", "delete", "up", "down", "promote", "demote"]))
    def outline_action(self, which: int, how: str) -> None:
        section_id = pick(self._sections(), which)
        if section_id is None and how != "add_sibling":
            return  # every heading deleted: only 添加同级标题 is offered
        self._begin(f"选中{self._name(section_id)}，{how}" if section_id else "提纲是空的，添加同级标题")
        if section_id is not None:
            self._click_section(section_id)
        outline = self.editor.outline
        action = {"add_sibling": outline.add_sibling_action, "add_child": outline.add_child_action,
                  "delete": outline.delete_action, "up": outline.up_action, "down": outline.down_action,
                  "promote": outline.promote_action, "demote": outline.demote_action}[how]
        if how in ("up", "down", "promote", "demote"):
            offered = shadow_rules.can_move(self.shadow, section_id, how)
            assert action.isEnabled() == offered, f"“{action.text()}”应{'可用' if offered else '不可用'}"
        before = clone(self.shadow)
        known = set(self._sections())
        action.trigger()
        settle()
        if how in ("add_sibling", "add_child"):
            added = [s.id for _depth, s in self.doc.report.walk() if s.id not in known]
            if added:
                assert len(added) == 1
                if section_id is None:
                    self.shadow.sections.append(Section(id=added[0]))
                else:
                    add = shadow_rules.add_sibling if how == "add_sibling" else shadow_rules.add_child
                    assert add(self.shadow, section_id, added[0]), "草稿的限制应拒绝这次添加"
        elif how == "delete":
            shadow_rules.delete(self.shadow, section_id)
        else:
            assert section_id is not None
            shadow_rules.move(self.shadow, section_id, how)
        self._changed(before)

    @rule(which=anywhere, how=st.sampled_from(["add_sibling", "add_child", "delete", "up", "down", "promote", "demote"]),
          in_tree=st.booleans())
    def outline_keys(self, which: int, how: str, in_tree: bool) -> None:
        """The outline's keys (Ctrl+Enter, Ctrl+Shift+Enter, Ctrl+Del, Alt+arrows): in the outline
        they do what its actions do; with the cursor at the end of the section's 正文 they are
        the text box's, and the outline stays as it is (Ctrl+Del there deletes the next word:
        at the end of the text, nothing)."""
        section_id = pick(self._sections(), which)
        if section_id is None:
            return
        control, shift, alt = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                               Qt.KeyboardModifier.AltModifier)
        key, modifiers = {
            "add_sibling": (Qt.Key.Key_Return, control),
            "add_child": (Qt.Key.Key_Return, control | shift),
            "delete": (Qt.Key.Key_Delete, control),
            "up": (Qt.Key.Key_Up, alt),
            "down": (Qt.Key.Key_Down, alt),
            "promote": (Qt.Key.Key_Left, alt),
            "demote": (Qt.Key.Key_Right, alt),
        }[how]
        self._begin(f"在{self._name(section_id)}的{'提纲' if in_tree else '正文'}里按 {how} 的快捷键")
        self._click_section(section_id)
        if in_tree:
            target: QWidget = self.editor.outline.tree
            target.setFocus()
        else:
            body = self.form.body_edit
            body.setFocus()
            body.moveCursor(QTextCursor.MoveOperation.End)
            target = body
        before = clone(self.shadow)
        known = set(self._sections())
        QTest.keyClick(target, key, modifiers)
        settle()
        if in_tree:
            if how in ("add_sibling", "add_child"):
                added = [s.id for _depth, s in self.doc.report.walk() if s.id not in known]
                if added:
                    add = shadow_rules.add_sibling if how == "add_sibling" else shadow_rules.add_child
                    assert add(self.shadow, section_id, added[0]), "草稿的限制应拒绝这次添加"
            elif how == "delete":
                shadow_rules.delete(self.shadow, section_id)
            else:
                shadow_rules.move(self.shadow, section_id, how)
        self._changed(before)

    @rule(which=anywhere, onto=anywhere, row=st.integers(-1, 12))
    def drag_heading(self, which: int, onto: int, row: int) -> None:
        """A heading dragged in the outline and dropped before row ``row`` of another heading's
        sub-headings (or of the top level), or onto a heading (row -1: its last sub-heading)."""
        sections = self._sections()
        section_id = pick(sections, which)
        if section_id is None:
            return
        parent_id = pick([None, *sections], onto)
        self._begin(f"把{self._name(section_id)}拖到" + (f"{self._name(parent_id)}" if parent_id else "顶层")
                    + ("上" if row < 0 else f"的第 {row} 行前"))
        model = self.doc.outline
        mime = model.mimeData([model.index_for(section_id)])
        target = model.index_for(parent_id) if parent_id else QModelIndex()
        before = clone(self.shadow)
        if model.canDropMimeData(mime, Qt.DropAction.MoveAction, row, 0, target):
            model.dropMimeData(mime, Qt.DropAction.MoveAction, row, 0, target)
        settle()
        shadow_rules.drop(self.shadow, section_id, parent_id, row)
        self._changed(before)

    @rule(which=anywhere, note=anywhere)
    def tick_note_handled(self, which: int, note: int) -> None:
        """A reviewer's comment kept beside its section, ticked 已处理 (or unticked)."""
        with_notes = [s for s in shadow_rules.sections_in_order(self.shadow) if s.notes]
        section = pick(with_notes, which)
        if section is None:
            return
        row = note % len(section.notes)
        self._begin(f"在{self._name(section.id)}旁勾选/取消批注 {row + 1} 已处理")
        self._click_section(section.id)
        notes = self.form.review_box.notes
        item = notes.item(row)
        before = clone(self.shadow)
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)  # as a click on its box
        settle()
        toggled = section.notes[row]
        was = set(section.handled_notes)
        section.handled_notes = [n for n in section.notes if (n in was) != (n == toggled)]
        self._changed(before)

    @rule(which=anywhere, at=anywhere, keys=keys_strategy)
    @when(lambda self: bool(self.marks))
    def edit_near_the_leaders_change(self, which: int, at: int, keys: Keys) -> None:
        """Typing in a paragraph the leader changed, or next to it (Enter splits it, Backspace
        at its start joins it to the one before): the change must still be found to accept."""
        mark = pick(list(self.marks.values()), which)
        section = next((s for s in shadow_rules.sections_in_order(self.shadow) if s.id == mark.section_id), None)
        if section is None or mark.comment:
            return
        texts = [p.text for p in section.points] if mark.field == "points" else section.body
        rows = [i for i, text in enumerate(texts) if mark.old in text]
        if not rows:
            return
        self._begin(f"在领导改过的{self._name(section.id)}{mark.field}第 {rows[0] + 1} 段第 {at} 字处{keys}")
        self._click_section(section.id)
        if mark.field == "points":
            self._click_point(rows[0])
            self._type_in_point(section.id, rows[0], at, keys)
        else:
            self._type_in_body(section.id, rows[0], at, keys)

    @rule(which=anywhere, row=anywhere, button=st.sampled_from(["add", "remove", "up", "down"]))
    def point_button(self, which: int, row: int, button: str) -> None:
        """添加要点 / 删除 / 上移 / 下移 beside the points list, mostly where there are points
        (every other section only when ``which`` is odd)."""
        with_points = [s.id for s in shadow_rules.sections_in_order(self.shadow) if s.points]
        section_id = pick(with_points if with_points and which % 2 == 0 else self._sections(), which // 2)
        if section_id is None:
            return  # every heading deleted
        self._begin(f"在{self._name(section_id)}的要点列表中点“{button}”")
        self._click_section(section_id)
        points = self.form.points
        section = shadow_rules.find_section(self.shadow, section_id)
        current = -1
        if section.points:
            current = row % len(section.points)
            self._click_point(current)
        before = clone(self.shadow)
        widget = {"add": points.add_button, "remove": points.remove_button,
                  "up": points.up_button, "down": points.down_button}[button]
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        settle()
        moved = False
        if button == "add":
            shadow_rules.add_point(section, current)
        elif button == "remove" and current >= 0:
            del section.points[current]
        elif button in ("up", "down") and current >= 0:
            moved = shadow_rules.move_point(section, current, -1 if button == "up" else 1)
        self._changed(before, always=moved)  # two points alike swapped: a step all the same

    @rule(which=anywhere, box=st.sampled_from(["attachment", "done", "run_in"]))
    def tick_box(self, which: int, box: str) -> None:
        section_id = pick(self._sections(), which)
        if section_id is None:
            return  # every heading deleted
        self._begin(f"在{self._name(section_id)}勾选/取消“{box}”")
        self._click_section(section_id)
        widget = {"attachment": self.form.attachment_box, "done": self.form.done_box, "run_in": self.form.run_in_box}[box]
        if not widget.isVisible():
            return  # not offered here (作为附件: top-level parts only; 同段: not for an attachment)
        before = clone(self.shadow)
        widget.click()
        settle()
        section = shadow_rules.find_section(self.shadow, section_id)
        setattr(section, box, not getattr(section, box))
        self._changed(before, ("section", section_id, box))
        self.last_typing = None

    # ---- whole-draft tools ------------------------------------------------------------------------------

    @rule(which=anywhere, start=anywhere, length=st.integers(0, 4),
          replacement=st.text(CHINESE + DIGITS, max_size=4), around=st.sampled_from(["", "前", "后"]),
          keep_open=st.booleans())
    def replace_all(self, which: int, start: int, length: int, replacement: str, around: str,
                    keep_open: bool) -> None:
        query = self._some_text(which, start, length)
        if query is None:
            return
        replacement = {"": replacement, "前": replacement + query, "后": query + replacement}[around]
        self._begin(f"全部替换“{query}”为“{replacement}”")
        finder = self._finder(query, replace=True)
        finder.replace_edit.selectAll()
        if replacement:
            commit(finder.replace_edit, replacement)
        else:
            QTest.keyClick(finder.replace_edit, Qt.Key.Key_Backspace)
        assert finder.replace_edit.text() == replacement
        before = clone(self.shadow)
        finder.replace_all_button.click()
        count = shadow_rules.replace_everywhere(self.shadow, query, replacement)
        assert f"已替换 {count} 处" in finder.count_label.text(), finder.count_label.text()
        if not keep_open:
            finder.close()
        self._changed(before)

    @rule(which=anywhere)
    def fix_one(self, which: int) -> None:
        rows = [r for r in self._check_rows() if self.window.panel_host.checks.tree.finding_of(r).fix is not None]
        if not rows:
            return
        panel = self.window.panel_host.checks
        item = pick(rows, which)
        finding = panel.tree.finding_of(item)
        self._begin(f"一键修正“{finding.text}”→“{finding.fix}”")
        click_row(panel.tree, panel.tree.indexFromItem(item, 0))
        assert panel.fix_button.isEnabled()
        before = clone(self.shadow)
        value = shadow_rules.slot_value(self.shadow, finding.section_id, finding.field, finding.index)
        assert value is not None and value[finding.start : finding.end] == finding.text
        QTest.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
        address = (finding.section_id, finding.field, finding.index)
        shadow_rules.set_texts(self.shadow, {address: shadow_rules.replaced_span(value, finding.start, finding.end, finding.fix)})
        self._changed(before)

    @rule(which=anywhere, everything=st.booleans())
    def fix_many(self, which: int, everything: bool) -> None:
        """一键修正 ▸ 修正本类全部 (the kind of a finding the clerk selected) or 修正全部: one undo
        step, after which no such finding is left, and only text those findings were in changed."""
        from core.checks import run_checks
        from core.checks.fixes import fixable

        panel = self.window.panel_host.checks
        rows = [r for r in self._check_rows() if panel.tree.finding_of(r).fix is not None]
        if not rows:
            return
        item = pick(rows, which)
        kind = None if everything else panel.tree.finding_of(item).rule
        self._begin("一键修正：" + ("修正全部可自动修正的问题" if everything else f"修正本类全部（{kind}）"))
        click_row(panel.tree, panel.tree.indexFromItem(item, 0))
        before = clone(self.shadow)
        owners = {(f.section_id, f.field) for f in fixable(run_checks(before), kind)}
        action = panel.fix_all_action if everything else panel.fix_kind_action
        if not action.isEnabled():
            return
        action.trigger()
        settle()
        after = self.doc.report
        assert not fixable(run_checks(after), kind), "修正之后还有可以一键修正的同类问题"
        for section_id, name, index, text in shadow_rules.every_text(before):
            if (section_id, name) not in owners:
                assert shadow_rules.slot_value(after, section_id, name, index) == text, f"没有问题的 {name} 也变了"
        self.shadow = clone(after)  # the fixes themselves are core.checks.fixes' rules
        self._changed(before)

    @rule(which=anywhere)
    def tick_verified(self, which: int) -> None:
        rows = self._flag_rows()
        if not rows:
            return
        panel = self.window.panel_host.flags
        flag = panel.tree.finding_of(pick(rows, which))
        self._begin(("取消" if flag.verified else "勾选") + f"已核实“{flag.text}”")
        before = clone(self.shadow)
        assert panel.set_verified(flag.id, not flag.verified)
        settle()
        if flag.verified:
            self.shadow.verified_flags.remove(flag.id)
        else:
            self.shadow.verified_flags.append(flag.id)
        self._changed(before)

    # ---- tables in a section ------------------------------------------------------------------------------

    def _choose_table(self, section_id: str, which: int) -> Any:
        """The section's table the clerk picks in the 表格 chooser (None when it has none)."""
        tables = shadow_rules.find_section(self.shadow, section_id).tables
        if not tables:
            return None
        editor = self.form.tables
        index = which % len(tables)
        if editor.chooser.currentIndex() != index:
            editor.chooser.setCurrentIndex(index)
        return tables[index]

    @rule(which=anywhere)
    def new_table(self, which: int) -> None:
        from core.draft.tables import Table

        section_id = pick(self._sections(), which)

        if section_id is None:

            return  # every heading deleted
        self._begin(f"在{self._name(section_id)}点“新建表格”")
        self._click_section(section_id)
        before = clone(self.shadow)
        QTest.mouseClick(self.form.tables.buttons["new"], Qt.MouseButton.LeftButton)
        settle()
        shadow_rules.find_section(self.shadow, section_id).tables.append(
            Table(rows=[["", "", ""], ["", "", ""]], header_rows=1, after_body=None)
        )
        self._changed(before)

    @rule(which=anywhere, table=anywhere, row=anywhere, column=anywhere, keys=text_keys,
          commit_by=st.sampled_from(["enter", "tab", "outline", "tab_and_type"]))
    def type_in_cell(self, which: int, table: int, row: int, column: int, keys: Keys, commit_by: str) -> None:
        """Double-click a cell, type over it, and finish with Enter, Tab, or a click elsewhere
        (or Tab, then type the same into the next cell and press Enter, as in a spreadsheet)."""
        with_tables = [s.id for s in shadow_rules.sections_in_order(self.shadow) if s.tables] or self._sections()
        section_id = pick(with_tables, which)
        if section_id is None:
            return  # every heading deleted
        self._begin(f"在{self._name(section_id)}的表格第 {row} 行第 {column} 列{keys}，以 {commit_by} 结束")
        self._click_section(section_id)
        chosen = self._choose_table(section_id, table)
        if chosen is None or not chosen.rows:
            return
        grid = self.form.tables.grid
        # A merged cell shows as one (a span): the clerk clicks it where it starts.
        r, c = chosen.holder(row % len(chosen.rows), column % chosen.column_count)
        before = clone(self.shadow)
        item = grid.item(r, c)
        grid.setCurrentItem(item)
        grid.editItem(item)
        settle()
        editors = [e for e in grid.viewport().findChildren(QLineEdit) if e.isVisible()]
        assert len(editors) == 1, (
            f"双击单元格没有出现编辑框：{editors} 表格可见 {grid.isVisible()} 状态 {grid.state()} "
            f"{grid.rowCount()}×{grid.columnCount()} 单元格 {item} 表格 {self.form.tables.chooser.currentIndex()} "
            f"大小 {grid.size()} 视口 {grid.viewport().size()} 单元格位置 {grid.visualItemRect(item)} "
            f"全部编辑框 {[(e.isVisible(), e.geometry()) for e in grid.viewport().findChildren(QLineEdit)]}"
        )
        editor = editors[0]
        editor.selectAll()
        press(editor, keys)
        if commit_by == "outline":
            others = [s for s in self._sections() if s != section_id]
            if others:
                self._click_section(others[0])
            else:
                QTest.keyClick(editor, Qt.Key.Key_Return)
        else:
            QTest.keyClick(editor, Qt.Key.Key_Return if commit_by == "enter" else Qt.Key.Key_Tab)
        settle()
        cells = [(r, c)]
        if commit_by == "tab_and_type":
            after = c + max(1, chosen.merge_at(r, c))  # Tab leaves a merged cell past its last column
            following = chosen.holder(*((r, after) if after < chosen.column_count else (r + 1, 0)))
            if following[0] < len(chosen.rows):  # Tab in the last cell goes nowhere
                cells.append(following)
                target = QApplication.focusWidget() or grid
                press(target if isinstance(target, QLineEdit) else grid, keys)
                active = QApplication.focusWidget()
                QTest.keyClick(active if isinstance(active, QLineEdit) else grid, Qt.Key.Key_Return)
                settle()
        for cell_row, cell_column in cells:  # each cell its own undo step
            rows = chosen.grid()
            holder_row, holder_column = chosen.holder(cell_row, cell_column)  # a merged cell: its first cell
            rows[holder_row][holder_column] = keys.text
            chosen.rows = rows
            self._changed(before)
            before = clone(self.shadow)

    @rule(which=anywhere, table=anywhere,
          button=st.sampled_from(["add_row", "remove_row", "add_column", "remove_column", "delete", "header"]))
    def table_button(self, which: int, table: int, button: str) -> None:
        with_tables = [s.id for s in shadow_rules.sections_in_order(self.shadow) if s.tables] or self._sections()
        section_id = pick(with_tables, which)
        if section_id is None:
            return  # every heading deleted
        self._begin(f"在{self._name(section_id)}的表格点“{button}”")
        self._click_section(section_id)
        chosen = self._choose_table(section_id, table)
        if chosen is None:
            return
        editor = self.form.tables
        before = clone(self.shadow)
        if button == "header":
            QTest.mouseClick(editor.header_box, Qt.MouseButton.LeftButton)
        else:
            QTest.mouseClick(editor.buttons[button], Qt.MouseButton.LeftButton)
        settle()
        section = shadow_rules.find_section(self.shadow, section_id)
        rows, columns = chosen.grid(), chosen.column_count
        if button == "delete":
            section.tables.remove(chosen)
        elif button == "header":
            chosen.header_rows = 0 if chosen.header_rows else 1
        else:
            if button == "add_row":
                rows.append([""] * columns)
            elif button == "remove_row" and len(rows) > 1:
                rows.pop()  # 删末行 keeps at least one row
            columns = max(1, columns + {"add_column": 1, "remove_column": -1}.get(button, 0))
            chosen.rows = [(row + [""] * columns)[:columns] for row in rows]
            chosen.merges = [m for m, (r, c, width, height) in zip(chosen.merges, chosen.spans(), strict=True)
                             if r + height <= len(chosen.rows) and c + width <= columns]
            kept = (chosen.column_widths + [0.0] * columns)[:columns]  # a new column is sized from its text
            chosen.column_widths = kept if any(kept) else []
        self._changed(before)

    # ---- last year's text beside the section -------------------------------------------------------------

    @rule(which=anywhere, card=anywhere, into=st.sampled_from(["加入正文", "加入要点"]))
    def copy_reference(self, which: int, card: int, into: str) -> None:
        """A paragraph of last year's text taken into the section with one click."""
        from core.draft.ordinals import strip_ordinal

        with_reference = [s.id for s in shadow_rules.sections_in_order(self.shadow) if s.reference.strip()]
        if not with_reference:
            return
        section_id = pick(with_reference, which)
        if section_id is None:
            return  # every heading deleted
        self._begin(f"在{self._name(section_id)}的上年参考中点“{into}”")
        self._click_section(section_id)
        self.window.show_panel("reference")
        cards = self.window.panel_host.reference.cards
        if not cards:
            return
        chosen = pick(cards, card)
        button = next(b for b in chosen.buttons if b.text() == into)
        before = clone(self.shadow)
        enabled = button.isEnabled()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        settle()
        section = shadow_rules.find_section(self.shadow, section_id)
        if enabled and into == "加入正文":
            section.body = shadow_rules.new_paragraph(section.body, strip_ordinal(chosen.text, points=False))
        elif enabled:
            section.points.append(Point(strip_ordinal(chosen.text)))
        self._changed(before)

    @rule(card=anywhere)
    def copy_report_reference(self, card: int) -> None:
        """With 报告信息 in front, last year's 开头 and 结尾 are beside it: 加入开头 / 加入结尾."""
        self._begin(f"在报告信息旁的上年开头、结尾中点第 {card} 张的按钮")
        self._to_front()
        self.window.show_report_form()
        self.window.show_panel("reference")
        settle()
        cards = self.window.panel_host.reference.cards
        if not cards:
            return
        chosen = pick(cards, card)
        button = chosen.buttons[0]
        before = clone(self.shadow)
        enabled = button.isEnabled()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        settle()
        if enabled:
            paragraph = re.sub(r"^【[^】]*】", "", chosen.text)  # the card's tag says where it came from
            name = "opening" if button.text() == "加入开头" else "closing"
            setattr(self.shadow, name, [*getattr(self.shadow, name), paragraph])
        self._changed(before)

    @rule()
    def generate_notice(self) -> None:
        """工作要点: 生成印发通知 fills 印发通知 from the title and unit."""
        from core.reuse.notice import notice_paragraphs

        self._begin("生成印发通知")
        self._to_front()
        self.window.show_report_form()
        button = self.editor.report_form.notice_button
        if not button.isVisible():
            return  # only a kind issued with a notice offers it
        before = clone(self.shadow)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        settle()
        self.shadow.cover = notice_paragraphs(self.shadow)
        self._changed(before, ("report", "cover"))
        self.last_typing = None

    @rule(which=anywhere, steps=st.integers(-2, 2))
    def choose_points_layout(self, which: int, steps: int) -> None:
        """要点排法, chosen with the arrow keys in its box (each key a choice)."""
        from core.draft.model import POINTS_LAYOUTS

        section_id = pick(self._sections(), which)
        if section_id is None:
            return
        self._begin(f"在{self._name(section_id)}把要点排法往{'下' if steps > 0 else '上'}选 {abs(steps)} 格")
        self._click_section(section_id)
        combo = self.form.layout_combo
        combo.setFocus()
        before = clone(self.shadow)
        for _ in range(abs(steps)):
            QTest.keyClick(combo, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up)
        settle()
        section = shadow_rules.find_section(self.shadow, section_id)
        shown = POINTS_LAYOUTS.index(section.points_layout) if section.points_layout in POINTS_LAYOUTS else 0
        chosen = max(0, min(len(POINTS_LAYOUTS) - 1, shown + steps))
        if chosen != shown:
            section.points_layout = POINTS_LAYOUTS[chosen]
        self._changed(before, ("section", section_id, "points_layout"))
        self.last_typing = None

    @rule(name=st.sampled_from(["date", "print_date"]))
    def tick_date(self, name: str) -> None:
        """填写成文日期 (or 印发日期) ticked or unticked: the date the box shows, or none."""
        self._begin(f"勾选/取消“填写{'成文日期' if name == 'date' else '印发日期'}”")
        self._to_front()
        self.window.show_report_form()
        row = self._report_editor(name)
        if not row.isVisible():
            return
        before = clone(self.shadow)
        QTest.mouseClick(row.box, Qt.MouseButton.LeftButton)
        settle()
        setattr(self.shadow, name, row.edit.date().toString("yyyy-MM-dd") if row.box.isChecked() else "")
        self._changed(before, ("report", name))
        self.last_typing = None

    @rule(which=anywhere, card=anywhere, word=anywhere)
    def insert_from_library(self, which: int, card: int, word: int) -> None:
        """资料库: search for two characters of last year's text and 加入正文 a paragraph found."""
        with_reference = [s for s in shadow_rules.sections_in_order(self.shadow) if len(s.reference.strip()) >= 2]
        section = pick(with_reference, which)
        if section is None:
            return
        start = word % (len(section.reference.strip()) - 1)
        query = section.reference.strip()[start : start + 2]
        if not query.strip():
            return
        self._begin(f"在{self._name(section.id)}搜索资料库“{query}”，加入第 {card} 条")
        self._click_section(section.id)
        self.window.search_library()
        panel = self.window.panel_host.library
        shown = panel.results.cards
        panel.query_edit.selectAll()
        commit(panel.query_edit, query)
        for _ in range(100):  # the search runs in the background
            QTest.qWait(50)
            if panel.results.cards is not shown:
                break
        QTest.qWait(300)  # the clerk reads the results: they have stopped changing
        found = [c for c in panel.results.cards if c.insert_button.isEnabled() and c.isVisible()]
        if not found:
            return
        chosen = pick(found, card)
        assert chosen is not None and chosen.hit is not None
        # What the card shows when it is clicked: the results are searched again once the draft
        # has changed, and the card may then show another paragraph, or none.
        clicked = chosen.hit.text
        before = clone(self.shadow)
        QTest.mouseClick(chosen.insert_button, Qt.MouseButton.LeftButton)
        settle()
        # On its way in, the paragraph's half-width punctuation becomes full-width (the rule of
        # text taken into the draft from elsewhere, core.checks.fixes).
        from core.checks.fixes import as_taken_into_draft

        taken = as_taken_into_draft(clicked.strip())[0]
        section.body = [*section.body, taken]
        if taken not in section.library_texts:  # noted as last years' text: its figures are 待核实
            section.library_texts = [*section.library_texts, taken]
        self._changed(before)

    # ---- 附件正文 and 年度 in 报告信息 -------------------------------------------------------------------------

    def _type_in_attachment_text(self, index: int, at: int, keys: Keys) -> None:
        editor = self._report_editor("attachment_texts")
        editor.picker.setCurrentIndex(index)
        texts = list(self.shadow.attachment_texts)
        value = texts[index] if index < len(texts) else ""
        before = clone(self.shadow)
        typed = self._type_text(editor.text, value, at, keys)
        if typed != value:
            texts += [""] * (index + 1 - len(texts))
            texts[index] = typed
            while texts and not texts[-1].strip():
                texts.pop()  # an attachment without text keeps no entry at the end
            self.shadow.attachment_texts = texts
        self._typed(("report", "attachment_texts"), before, lambda a, k: self._type_in_attachment_text(index, a, k))

    @rule(which=anywhere, at=anywhere, keys=keys_strategy)
    def type_in_attachment_text(self, which: int, at: int, keys: Keys) -> None:
        """附件正文: pick an attachment named in 附件说明, then type into its text."""
        names = [n for n in self.shadow.attachments if n.strip()]
        if not names:
            return
        index = which % len(names)
        self._begin(f"附件正文：选附件{index + 1}，第 {at} 字处{keys}")
        self._to_front()
        self.window.show_report_form()
        self._type_in_attachment_text(index, at, keys)

    @rule(year=st.integers(1990, 2110) | st.none())
    def type_year(self, year: int | None) -> None:
        """年度: select what the box shows and type a year (or clear it to 未填)."""
        from gui.editor.report_form import NO_YEAR

        self._begin(f"年度改为 {year or '未填'}")
        self._to_front()
        self.window.show_report_form()
        spin = self._report_editor("year")
        spin.setFocus()
        spin.selectAll()
        before = clone(self.shadow)
        if year is None:
            QTest.keyClick(spin, Qt.Key.Key_Delete)
            spin.setValue(NO_YEAR)  # 未填 is the box's lowest value: the clerk scrolls down to it
        else:
            QTest.keyClicks(spin, str(year))
        QTest.keyClick(spin, Qt.Key.Key_Tab)
        settle()
        lowest, highest = spin.minimum(), spin.maximum()
        if year is None or year == lowest:
            self.shadow.year = None  # the box's lowest value is the one that reads 未填
        elif lowest < year <= highest:
            self.shadow.year = year
        self._changed(before, ("report", "year"))
        self.last_typing = None

    # ---- the leader's reviewed copy ---------------------------------------------------------------------

    @property
    def review_session(self) -> Any:
        panel = self.window.review.panel
        return panel.session if panel is not None else None

    @rule(wishes=st.lists(st.builds(Wish, anywhere, anywhere, st.text(CHINESE, min_size=1, max_size=3), st.booleans()),
                          min_size=1, max_size=4))
    def import_review(self, wishes: list[Wish]) -> None:
        """文件 ▸ 导入审阅稿… with a copy the leader marked up (track changes, comments)."""
        from tests.gui.clerk_review import reviewed_copy_of

        self._begin("导入审阅稿")
        exported = self.harness.fresh_path("导出", ".docx")
        reviewed = self.harness.fresh_path("审阅稿", ".docx")
        marks = reviewed_copy_of(self.doc.report, exported, reviewed, wishes)
        self.harness.log.append("    领导的修改：" + "；".join(str(m) for m in marks))
        self.harness.open_paths.append(reviewed)
        before = clone(self.shadow)
        self._to_front()
        assert ended_by(self.window.review.finished, self.window.window_actions["import_review"].trigger)
        settle()
        session = self.review_session
        assert session is not None and session.path == reviewed, self.harness.asked
        self.marks, self.marks_digest = {}, session.digest
        for change in session.result.changes:
            mine = [m for m in marks if m.old == change.old and m.new == change.new and m.comment == change.is_comment]
            if mine:
                self.marks[change.id] = mine[0]
        for mark in marks:
            assert mark in self.marks.values(), f"审阅稿中的修改没有列出：{mark}；列出的：{[c.content for c in session.result.changes]}"
        self.shadow.reviews = copy.deepcopy(self.doc.report.reviews)  # what the draft records of the copy
        self.review_record = next(r for r in self.shadow.reviews if r.digest == session.digest)
        self._changed(before)

    def _leader_edit(self, mark: Marked) -> bool:
        """Accepting the leader's change of a word: it is made where the leader's words still
        stand (the word with the text either side of it, as in the copy), in the paragraphs of
        the same section and field, wherever they have moved; False when they no longer do."""
        section = next((s for s in shadow_rules.sections_in_order(self.shadow) if s.id == mark.section_id), None)
        if section is None:
            return False
        texts = [p.text for p in section.points] if mark.field == "points" else getattr(section, mark.field)
        end = mark.start + len(mark.old)
        before, after = mark.paragraph[max(0, mark.start - 8) : mark.start], mark.paragraph[end : end + 8]
        for probe, lead in ((before + mark.old + after, len(before)), (before + mark.old, len(before)),
                            (mark.old + after, 0)):
            count = sum(text.count(probe) for text in texts)
            # Twice over (the clerk took the same paragraph again from the 资料库): the one still
            # at the leader's paragraph is the one the copy descends from, as the three-way merge
            # reads it (the sent version's paragraph, not the clerk's addition).
            at_place = mark.index < len(texts) and texts[mark.index].count(probe) == 1
            if count == 1 or (count > 1 and at_place):
                row = mark.index if count > 1 else next(i for i, text in enumerate(texts) if probe in text)
                at = texts[row].index(probe) + lead
                new = texts[row][:at] + mark.new + texts[row][at + len(mark.old) :]
                if mark.field == "points":
                    section.points[row].text = new
                elif new.strip():
                    section.body[row] = new
                else:
                    del section.body[row]
                return True
        return False

    def _leader_comment(self, mark: Marked) -> None:
        sections = shadow_rules.sections_in_order(self.shadow)
        section = next((s for s in sections if s.id == mark.section_id), sections[0] if sections else None)
        if section is not None and mark.note not in section.notes:
            section.notes.append(mark.note)

    def _record_decisions(self, decisions: dict[str, str]) -> None:
        """The draft's record of the copy gets the decisions (started again if an undo took it away)."""
        digest = self.review_session.digest
        if not any(r.digest == digest for r in self.shadow.reviews):
            self.shadow.reviews = [*self.shadow.reviews, self.review_record]
        self.shadow.reviews = [r.with_decisions(decisions) if r.digest == digest else r for r in self.shadow.reviews]

    def _marks_of(self, session: Any) -> dict[str, Marked]:
        """What the machine marked in the copy ``session`` shows: a copy restored with its draft
        on opening may be an earlier one, whose changes were numbered from 1 too."""
        return self.marks if session.digest == self.marks_digest else {}

    def _pending_items(self) -> list[Any]:
        session, panel = self.review_session, self.window.review.panel
        return [panel.item_for(c.id) for c in session.pending()]

    @rule(which=anywhere, accept=st.booleans())
    @when(lambda self: self.window is not None and self.review_session is not None)
    def decide_review_change(self, which: int, accept: bool) -> None:
        from core.draft.reviews import ACCEPTED, REJECTED

        session, panel = self.review_session, self.window.review.panel
        pending = session.pending()
        if not pending or not self._marks_of(session):
            return  # (a copy restored on opening that this machine did not mark: nothing to expect)
        change = pick(pending, which)
        mark = self._marks_of(session).get(change.id)
        self._begin(f"审阅：{'接受' if accept else '拒绝'}“{change.content}”")
        self.window.show_panel("review")
        click_row(panel.tree, panel.tree.indexFromItem(panel.item_for(change.id), 0))
        button = panel.accept_button if accept else panel.reject_button
        assert button.isEnabled(), "选中了待定的修改，按钮却不可用"
        before = clone(self.shadow)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        settle()
        if not accept:
            self._record_decisions({change.id: REJECTED})
        elif mark is not None and mark.comment:
            self._leader_comment(mark)
            self._record_decisions({change.id: ACCEPTED})
        elif mark is not None and self._leader_edit(mark):
            self._record_decisions({change.id: ACCEPTED})
        elif mark is None:
            return  # not a change this machine made: nothing to expect of it (the invariant will say)
        self._changed(before)

    @rule()
    @when(lambda self: self.window is not None and self.review_session is not None)
    def accept_all_review_changes(self) -> None:
        from core.draft.reviews import ACCEPTED

        session, panel = self.review_session, self.window.review.panel
        pending = session.pending()
        marks = self._marks_of(session)
        if not pending or any(c.id not in marks for c in pending):
            return
        self._begin("审阅：全部接受")
        self.window.show_panel("review")
        before = clone(self.shadow)
        QTest.mouseClick(panel.accept_all_button, Qt.MouseButton.LeftButton)
        settle()
        accepted = {}
        for change in pending:
            mark = marks[change.id]
            if mark.comment:
                self._leader_comment(mark)
            elif not self._leader_edit(mark):
                continue
            accepted[change.id] = ACCEPTED
        if accepted:
            self._record_decisions(accepted)
        self._changed(before)

    @rule(which=anywhere)
    @when(lambda self: self.window is not None and self.review_session is not None)
    def click_review_row(self, which: int) -> None:
        panel = self.window.review.panel
        items = panel._items()
        if not items:
            return
        self._begin(f"审阅：点第 {which} 行")
        self.window.show_panel("review")
        click_row(panel.tree, panel.tree.indexFromItem(pick(items, which), 0))

    # ---- the clerk pauses ---------------------------------------------------------------------------------

    @rule(milliseconds=st.sampled_from([60, 300, 900]))
    def pause(self, milliseconds: int) -> None:
        """Time passes: the window's timers fire (autosave, the edit journal, the 待核实 and
        检查 lists following the draft, the preview)."""
        self._begin(f"停 {milliseconds} 毫秒")
        QTest.qWait(milliseconds)

    # ---- undo, redo ---------------------------------------------------------------------------------------

    def _undo_key(self, redo: bool) -> None:
        """Ctrl+Z / Ctrl+Y pressed in the section's 正文 field."""
        edit = self.form.body_edit if self.form.isEnabled() else self.editor.outline.tree
        self._to_front()
        edit.setFocus()
        if redo:
            QTest.keyClick(edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
        else:
            QTest.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    @rule(times=st.integers(1, 3), by_key=st.booleans())
    def undo(self, times: int, by_key: bool) -> None:
        self._begin(f"撤销 {times} 次" + ("（Ctrl+Z）" if by_key else "（按钮）"))
        for _ in range(times):
            if by_key:
                self._undo_key(redo=False)
            else:
                self.window.window_actions["undo"].trigger()
            settle()
            if self.past:
                self.future.append(self.shadow)
                self.shadow = self.past.pop()
                self.future_steps.append(self.past_steps.pop())
        self.last_typing = None

    @rule(times=st.integers(1, 3), by_key=st.booleans())
    def redo(self, times: int, by_key: bool) -> None:
        self._begin(f"重做 {times} 次" + ("（Ctrl+Y）" if by_key else "（按钮）"))
        for _ in range(times):
            if by_key:
                self._undo_key(redo=True)
            else:
                self.window.window_actions["redo"].trigger()
            settle()
            if self.future:
                self.past.append(self.shadow)
                self.shadow = self.future.pop()
                self.past_steps.append(self.future_steps.pop())
        self.last_typing = None

    @rule()
    def undo_everything_and_redo(self) -> None:
        """Back to how the draft was opened, byte for byte; then forward to where it was."""
        self._begin("一直撤销到开头，再一直重做")
        stack = self.doc.undo_stack
        undone = stack.index()
        while stack.canUndo():
            self.window.window_actions["undo"].trigger()
        settle()
        assert snapshot(self.doc.report) == snapshot(self.start_state), "撤销到底没有回到开始时的草稿：" + \
            shadow_rules.first_difference(self.start_state, self.doc.report)
        for _ in range(undone):
            self.window.window_actions["redo"].trigger()
        settle()
        assert self.doc.report == self.shadow, "重做到底没有回到撤销前的草稿：" + \
            shadow_rules.first_difference(self.shadow, self.doc.report)

    # ---- files -----------------------------------------------------------------------------------------

    def _save(self) -> Path:
        from core.draft.draft_file import read_draft

        if self.doc.path is None:
            self.harness.save_paths.append(self.harness.fresh_path("草稿", ".draft.json"))
            self.saved = []
        assert self.window.documents.save()
        path = self.doc.path
        on_disk, _sha = read_draft(path)
        assert snapshot(on_disk) == snapshot(self.doc.report), "保存的文件与草稿不同"
        self.saved.append(snapshot(self.shadow))
        self.clean_depth = len(self.past)
        self.last_typing = None
        return Path(path)

    @rule()
    def save(self) -> None:
        self._begin("保存")
        self._save()

    @rule()
    def save_close_reopen(self) -> None:
        self._begin("保存，关闭，重新打开")
        path = self._save()
        assert self.window.documents.close_document()
        settle()
        assert self.window.documents.open_draft(path)
        settle()
        assert snapshot(self.doc.report) == snapshot(self.shadow), "重新打开的草稿与保存前不同：" + \
            shadow_rules.first_difference(self.shadow, self.doc.report)
        self.past, self.future, self.past_steps, self.future_steps = [], [], [], []
        self.start_state = clone(self.shadow)
        self.clean_depth = 0

    @rule(which=anywhere)
    @when(lambda self: bool(self.saved))
    def restore_version(self, which: int) -> None:
        from core.draft.history import KEEP_LAST, list_versions

        versions = list_versions(self.doc.path)
        kept = self.saved[-KEEP_LAST:]
        assert len(versions) == len(kept), f"历史版本 {len(versions)} 个，保存了 {len(kept)} 次"
        row = which % len(versions)
        self._begin(f"历史版本：恢复倒数第 {row + 1} 次保存的版本")
        self.harness.history_row = row
        before = clone(self.shadow)
        assert self.window.documents.show_history()
        settle()
        self.shadow = report_from_dict(json.loads(kept[-1 - row]))
        self._changed(before, always=True)

    # ---- what must hold after every step ---------------------------------------------------------------

    def _shown(self) -> str:
        """What the section form shows, for a failure message."""
        form = self.form
        return (f"\n表单：{form.section_id} 标题 {form.heading_edit.text()!r} 正文 {form.body_edit.toPlainText()!r} "
                f"要点 {form.points.editor.toPlainText()!r}；前台窗口 {QApplication.activeWindow()}")

    @invariant()
    def draft_is_what_the_clerk_meant(self) -> None:
        if self.window is None:
            return
        assert self.doc.report == self.shadow, shadow_rules.first_difference(self.shadow, self.doc.report) + \
            self._shown()

    @invariant()
    def one_undo_step_per_change(self) -> None:
        if self.window is None:
            return
        stack = self.doc.undo_stack
        steps = [stack.text(i) for i in range(stack.count())]
        assert stack.index() == len(self.past), (
            f"撤销步骤：应有 {len(self.past)} 步 {self.past_steps}，实有 {stack.index()} 步 {steps[: stack.index()]}"
        )
        assert stack.count() == len(self.past) + len(self.future), f"可重做的步骤不对：{steps}"

    @invariant()
    def form_shows_the_draft(self) -> None:
        if self.window is None:
            return
        form, report = self.form, self.doc.report
        section = report.find(form.section_id) if form.section_id else None
        if section is not None:
            assert form.heading_edit.text().strip() == section.heading, "标题框与草稿不同"
            assert form.body_edit.paragraphs() == section.body, "正文框与草稿不同"
            assert form.points.list.count() == len(section.points), "要点列表与草稿不同"
            row = form.points.list.currentRow()
            if 0 <= row < len(section.points):
                assert form.points.editor.value() == section.points[row].text, "要点框与草稿不同"
        editors = self.editor.report_form.editors
        for name in REPORT_LINE_FIELDS:
            assert editors[name].text().strip() == getattr(report, name), f"报告信息“{name}”与草稿不同"
        for name in REPORT_TEXT_FIELDS:
            assert editors[name].value() == getattr(report, name), f"报告信息“{name}”与草稿不同"
        for name in REPORT_PARAGRAPH_FIELDS:
            assert editors[name].paragraphs() == getattr(report, name), f"报告信息“{name}”与草稿不同"

    @invariant()
    def recovery_gives_the_draft(self) -> None:
        """What the next start would recover if the app died now: the autosave (or the saved
        file) with the journal replayed over it."""
        if self.window is None:
            return
        on_disk = recover_now(self.window, write_journal=False)
        if (on_disk is None and self.window.documents.needs_save()) or (on_disk is not None and on_disk != self.doc.report):
            # Not on disk yet: then it is on its way, within the journal's quarter second.
            assert self.window.autosave._journal_timer.isActive(), "草稿有改动，日志却没有在一秒内写下它的安排"
        recovered = recover_now(self.window)
        if recovered is None:
            assert not self.window.documents.needs_save(), "有未保存的修改，却没有可恢复的自动保存"
            return
        assert recovered == self.doc.report, "恢复出的草稿与当前不同：" + \
            shadow_rules.first_difference(self.doc.report, recovered)

    @invariant()
    def nothing_unexpected_was_said(self) -> None:
        assert not self.harness.asked, self.harness.asked


def recover_now(window: Any, write_journal: bool = True) -> Report | None:
    """Write the journal as its timer would (unless told not to), then load what recovery
    would offer for this window's session (None when there is nothing to recover)."""
    from core.draft import session as session_module

    if write_journal:
        window.autosave.write_journal()
    session_id = window.session.id
    session_module._LIVE_SESSIONS.discard(session_id)  # as if the window had died
    try:
        found = [a for a in session_module.find_recoverable() if a.session_id == session_id]
    finally:
        session_module._LIVE_SESSIONS.add(session_id)
    if not found:
        return None
    report, _notes = found[0].load_with_notes()
    return report


def clerk_machine(harness: Harness) -> type[RandomClerk]:
    """The machine class bound to one harness (hypothesis makes a fresh instance per example)."""
    return type("RandomClerk", (RandomClerk,), {"harness": harness})

