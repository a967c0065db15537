"""管理资料库 ▸ 修改信息…: the kind, year, unit and title of one document or of a selection.

A field the clerk leaves as it was is not changed; with several documents selected, a field
whose values differ starts empty ("多个值") and changes only if the clerk fills it. The values
are checked and written by core.library (Library.update_metadata), in one transaction.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gui import style
from gui.window_state import fit_dialog

MIXED = "（多个值，不修改）"


def _common(values: list[Any]) -> Any:
    """The value all documents share, or None when they differ."""
    return values[0] if values and all(v == values[0] for v in values) else None


class MetadataDialog(QDialog):
    """Pick new values; :meth:`changes` says which fields the clerk changed, as core expects them."""

    def __init__(self, documents: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from core.draft.kinds import load_kinds

        self.setWindowTitle("修改信息")
        count = len(documents)
        label = f"“{documents[0].label}”" if count == 1 else f"选中的 {count} 份文档"
        heading = QLabel(f"修改{label}的类型、年度、单位和标题。修改后，资料库检索的筛选立即按新值查找。")
        heading.setWordWrap(True)

        self.kind_combo = QComboBox()
        kind = _common([d.kind for d in documents])
        if kind is None:
            self.kind_combo.addItem(MIXED, None)
        for kind_id, spec in load_kinds().items():
            self.kind_combo.addItem(spec.name, kind_id)
        if kind is not None and self.kind_combo.findData(kind) < 0:
            self.kind_combo.insertItem(0, kind or "未指定", kind)  # a kind no longer installed
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0) if kind is not None else 0)
        self._initial_kind = self.kind_combo.currentData()

        self.year_edit = self._line([str(d.year or "") for d in documents], "如 2023；留空表示未知")
        self.unit_edit = self._line([d.unit for d in documents], "如 区委组织部")
        self.title_edit = self._line([d.title for d in documents], "报告的标题")

        form = QFormLayout()
        form.addRow("类型：", self.kind_combo)
        form.addRow("年度：", self.year_edit)
        form.addRow("单位：", self.unit_edit)
        form.addRow("标题：", self.title_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(style.caption(QLabel("单位不要只写“市”“区”等层级，请写全称，如“市科协”。")))
        layout.addWidget(buttons)
        fit_dialog(self, 520)

    @staticmethod
    def _line(values: list[str], hint: str) -> QLineEdit:
        edit = QLineEdit()
        common = _common(values)
        edit.setText(common or "")
        edit.setPlaceholderText(MIXED if common is None else hint)
        edit.setProperty("initial", common or "")
        return edit

    def changes(self) -> dict[str, object]:
        """The fields the clerk changed: {"kind": id, "year": text, "unit": text, "title": text}."""
        out: dict[str, object] = {}
        if self.kind_combo.currentData() is not None and self.kind_combo.currentData() != self._initial_kind:
            out["kind"] = self.kind_combo.currentData()
        for name, edit in (("year", self.year_edit), ("unit", self.unit_edit), ("title", self.title_edit)):
            if edit.text().strip() != str(edit.property("initial")).strip():
                out[name] = edit.text()
        return out
