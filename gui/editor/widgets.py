"""Small editing widgets shared by the forms.

Text fields in the editor leave Ctrl+Z / Ctrl+Y to the window, so one undo history covers
typing and structural edits alike (a QLineEdit would otherwise keep its own history and
swallow the shortcut).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QTextCursor, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDateEdit,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from core.text.dates import may_become_date, read_date
from core.text.lines import one_line

_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


def _is_undo_key(event: QKeyEvent) -> bool:
    if any(event.matches(key) for key in _UNDO_KEYS):
        return True
    combo = event.keyCombination()
    return combo.key() == Qt.Key.Key_Y and combo.keyboardModifiers() == Qt.KeyboardModifier.ControlModifier


TextField = QLineEdit | QPlainTextEdit | QAbstractSpinBox


def _window_action(widget: QWidget, name: str) -> QAction | None:
    """The main window's action of that row (gui/window_actions.py names each ``action_<row>``),
    found from a field in the window or in a dialog it owns (查找和替换)."""
    window: QWidget | None = widget.window()
    while window is not None:
        action = window.findChild(QAction, f"action_{name}", Qt.FindChildOption.FindDirectChildrenOnly)
        if action is not None:
            return action
        parent = window.parentWidget()
        window = parent.window() if parent is not None else None
    return None


def context_menu_with_window_undo(widget: TextField) -> QMenu:
    """The field's right-click menu, its own 撤销/重做 (a history it does not keep) replaced by
    the window's, which say what they undo and show the window's keys, Ctrl+Z / Ctrl+Y."""
    source = widget.findChild(QLineEdit) if isinstance(widget, QAbstractSpinBox) else widget
    menu = source.createStandardContextMenu() if source is not None else QMenu(widget)
    replacements = {"edit-undo": _window_action(widget, "undo"), "edit-redo": _window_action(widget, "redo")}
    for action in list(menu.actions()):
        replacement = replacements.get(action.objectName())
        if action.objectName() in replacements:
            if replacement is not None:
                # Qt's own entries carry their key in their text, on every platform; ours must
                # show theirs too, even where the platform hides shortcuts in context menus.
                replacement.setShortcutVisibleInContextMenu(True)
                menu.insertAction(action, replacement)
            menu.removeAction(action)
    return menu


def _field_of(watched: QObject) -> TextField | None:
    """The text field a context-menu event is for: a multi-line field gets it on its viewport."""
    if isinstance(watched, (QLineEdit, QPlainTextEdit, QAbstractSpinBox)):
        return watched
    parent = watched.parent()
    if isinstance(parent, QPlainTextEdit) and watched is parent.viewport():
        return parent
    return None


class _UndoKeysToWindow(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu and (field := _field_of(watched)) is not None:
            menu = context_menu_with_window_undo(field)
            menu.exec(event.globalPos())  # type: ignore[attr-defined]
            menu.deleteLater()
            return True
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and _is_undo_key(event):  # type: ignore[arg-type]
            # Not accepted: the window's 撤销/重做 actions get the shortcut.
            # A key press that still arrives (nothing to undo) must not reach the
            # widget's own history either.
            event.ignore()
            return True
        return False


_FILTER: _UndoKeysToWindow | None = None


def route_undo_keys(widget: QWidget) -> None:
    """Ctrl+Z / Ctrl+Y and the right-click menu's 撤销/重做 of ``widget`` go to the window."""
    global _FILTER
    if _FILTER is None:
        _FILTER = _UndoKeysToWindow()
    widget.installEventFilter(_FILTER)
    if isinstance(widget, QPlainTextEdit):
        widget.viewport().installEventFilter(_FILTER)  # where its right-clicks arrive


def paragraphs_of(text: str) -> list[str]:
    """One paragraph per line; blank lines and surrounding spaces are not paragraphs."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def _set_text_keeping_cursor(edit: QPlainTextEdit, text: str) -> None:
    """Replace the text and put the cursor where the old and new text first differ."""
    old = edit.toPlainText()
    common = 0
    for a, b in zip(old, text, strict=False):
        if a != b:
            break
        common += 1
    edit.setPlainText(text)
    cursor = edit.textCursor()
    cursor.setPosition(utf16_length(text[:common]), QTextCursor.MoveMode.MoveAnchor)
    edit.setTextCursor(cursor)


def utf16_length(text: str) -> int:
    """Qt counts UTF-16 units: a character beyond the BMP (a rare character of a name) is two."""
    return len(text.encode("utf-16-le")) // 2


def index_at(text: str, position: int) -> int:
    """The character of ``text`` at Qt position ``position`` (UTF-16 units; a position inside a
    character beyond the BMP counts as the character after it)."""
    units = 0
    for index, character in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(character) > 0xFFFF else 1
    return len(text)


def span_in(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Characters ``start``–``end`` of ``text`` after its leading spaces (``end`` -1: to the
    end) as Qt positions in ``text``; None when the span is no longer inside it (the text was
    edited after the finding that points there was made)."""
    lead = leading_space(text)
    shown = text[lead:]
    end = len(shown) if end < 0 else end
    if not 0 <= start <= end <= len(shown):
        return None
    return qt_positions(text, lead + start, lead + end)


def qt_positions(text: str, start: int, end: int) -> tuple[int, int]:
    """Characters ``start``–``end`` of ``text`` as Qt positions: Qt counts UTF-16 units, so a
    character beyond the BMP before the span (a rare character of a name, 𬍛) counts two."""
    return utf16_length(text[:start]), utf16_length(text[:end])


def _select(edit: QPlainTextEdit, start: int, end: int) -> None:
    """Select document positions ``start``–``end``, scroll to them and take the focus."""
    cursor = edit.textCursor()
    cursor.setPosition(start, QTextCursor.MoveMode.MoveAnchor)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()
    edit.setFocus(Qt.FocusReason.OtherFocusReason)


def select_in_line(edit: QLineEdit, start: int, end: int) -> bool:
    """Focus a one-line field and select characters ``start``–``end`` of its text (after its
    leading spaces); False when they are no longer there."""
    span = span_in(edit.text(), start, end)
    if span is None:
        return False
    edit.setFocus(Qt.FocusReason.OtherFocusReason)
    edit.setSelection(span[0], span[1] - span[0])
    return True


def leading_space(text: str) -> int:
    return len(text) - len(text.lstrip())


class OneLineValidator(QValidator):
    """Whatever is typed, pasted or dropped into a one-line field stays one line: line breaks
    are joined as a title's wrapped lines are (core.text.lines.one_line). Without it a
    QLineEdit keeps a pasted line break, and the heading would split in every plain-text copy."""

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        # Qt's position counts UTF-16 units, as the cursor does: a rare character of a name (𬍛)
        # is two, so measuring it in characters would put the cursor back one place.
        joined = one_line(text)
        if joined != text:
            position = utf16_length(one_line(text[: index_at(text, position)]))
        return QValidator.State.Acceptable, joined, min(position, utf16_length(joined))


class FieldLineEdit(QLineEdit):
    """A one-line field whose edits go to the document's undo stack."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        route_undo_keys(self)
        self.setValidator(OneLineValidator(self))
        self.textEdited.connect(self.edited.emit)

    def show_value(self, text: str) -> None:
        if self.text() != text:
            position = self.cursorPosition()
            self.setText(text)
            self.setCursorPosition(min(position, utf16_length(text)))


class ParagraphsEdit(QPlainTextEdit):
    """Several paragraphs, one per line, edited as a list of strings."""

    edited = Signal(list)

    def __init__(self, parent: QWidget | None = None, min_lines: int = 3) -> None:
        super().__init__(parent)
        route_undo_keys(self)
        self.setUndoRedoEnabled(False)  # the window's stack is the only history
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        line = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(line * min_lines + 12)
        self._showing = False
        # What the widget last showed or reported: only a change of it is an edit. Qt also
        # says textChanged when only the look changes (a highlighter's rehighlight), and
        # that must never write into the draft.
        self._value: list[str] = []
        self.textChanged.connect(self._on_text_changed)

    def paragraphs(self) -> list[str]:
        return paragraphs_of(self.toPlainText())

    def show_value(self, paragraphs: list[str]) -> None:
        """Show the model's value unless the widget already says the same thing."""
        self._value = list(paragraphs)
        if self.paragraphs() == paragraphs:
            return
        self._showing = True
        try:
            _set_text_keeping_cursor(self, "\n".join(paragraphs))
        finally:
            self._showing = False

    def _on_text_changed(self) -> None:
        if self._showing:
            return
        paragraphs = self.paragraphs()
        if paragraphs != self._value:
            self._value = paragraphs
            self.edited.emit(paragraphs)

    def paragraph_block(self, index: int) -> int:
        """The block number showing paragraph ``index`` (blank lines are not paragraphs); -1 if none."""
        seen = 0
        block = self.document().firstBlock()
        while block.isValid():
            if block.text().strip():
                if seen == index:
                    return block.blockNumber()
                seen += 1
            block = block.next()
        return -1

    def select_span(self, index: int, start: int, end: int) -> bool:
        """Select characters ``start``–``end`` of paragraph ``index`` (as in :meth:`paragraphs`)."""
        number = self.paragraph_block(index)
        if number < 0:
            return False
        block = self.document().findBlockByNumber(number)
        span = span_in(block.text(), start, end)
        if span is None:
            return False
        _select(self, block.position() + span[0], block.position() + span[1])
        return True


class PlainTextEdit(QPlainTextEdit):
    """Free text (a point may hold several lines) edited as one string."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None, min_lines: int = 3) -> None:
        super().__init__(parent)
        route_undo_keys(self)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * min_lines + 12)
        self._showing = False
        self._value = ""  # as in ParagraphsEdit: only a change of the value is an edit
        self.textChanged.connect(self._on_text_changed)

    def value(self) -> str:
        return self.toPlainText().strip()

    def show_value(self, text: str) -> None:
        self._value = text
        if self.value() == text:
            return
        self._showing = True
        try:
            _set_text_keeping_cursor(self, text)
        finally:
            self._showing = False

    def _on_text_changed(self) -> None:
        if self._showing:
            return
        value = self.value()
        if value != self._value:
            self._value = value
            self.edited.emit(value)

    def select_span(self, start: int, end: int) -> bool:
        """Select characters ``start``–``end`` of :meth:`value`; False when they are gone."""
        text = self.toPlainText()
        span = span_in(text[: len(text.rstrip())], start, end)
        if span is None:
            return False
        _select(self, *span)
        return True


CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


class DateField(QDateEdit):
    """A date shown as 2024年7月1日 with a Chinese calendar, that also takes what a clerk types:
    2024年7月1日, 2024-7-1, 2024.7.1, 2024/7/1, 20240701 (read by core.text.dates).

    The locale is set here, not inherited: the window was made before the app switched Qt
    to Chinese (gui.i18n.use_chinese_locale), and its children would keep English month and
    day names.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(CHINESE)
        self.setDisplayFormat("yyyy年M月d日")
        self.setCalendarPopup(True)
        calendar = self.calendarWidget()
        calendar.setLocale(CHINESE)
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        route_undo_keys(self)

    def validate(self, text: str, pos: int) -> object:
        if read_date(text) is not None:
            return QValidator.State.Acceptable, text, pos
        state = QValidator.State.Intermediate if may_become_date(text) else QValidator.State.Invalid
        return state, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:
        day = read_date(text)
        if day is None:
            return self.dateTime()
        return QDateTime(QDate(day.year, day.month, day.day), self.time())


def commit_open_editors(root: QWidget) -> int:
    """Hand the text of an item editor still open in ``root``'s window (a table cell, a 要点,
    a heading typed in the outline) to its model, as leaving the cell would; the editor stays
    open, so the clerk types on. Called before every save, export, autosave and close: a
    toolbar click or Ctrl+S leaves the focus in the editor, whose text would otherwise be lost.
    Returns how many editors handed in their text."""
    from PySide6.QtWidgets import QAbstractItemView

    focus = root.window().focusWidget()  # also while the window is not active
    committed = 0
    while focus is not None and not focus.isWindow():
        holder = focus.parentWidget()
        view = holder.parentWidget() if holder is not None else None
        if isinstance(view, QAbstractItemView) and holder is view.viewport() and (
            view.state() == QAbstractItemView.State.EditingState
        ):
            # The delegate's own signal: the view writes the editor's value through the delegate
            # that made it (setModelData), exactly as when the cell is left.
            view.itemDelegate().commitData.emit(focus)
            committed += 1
        focus = holder
    return committed
