"""The first thing the clerk sees: new report, open draft, recent drafts, drop a prior report."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gui import style
from gui.dialogs.file_dialogs import draft_display_name
from gui.icons import icon


def _describe(path: Path) -> str:
    """"name\nfolder · when" for the two-line list row."""
    try:
        stamp = time.localtime(path.stat().st_mtime)
        when = f"{stamp.tm_year}年{stamp.tm_mon}月{stamp.tm_mday}日 {stamp.tm_hour:02d}:{stamp.tm_min:02d}"
    except OSError:
        when = "文件不存在"
    return f"{draft_display_name(path)}\n{when}　·　{path.parent}"


class StartPage(QWidget):
    """Native widgets only, no painting in Python: the start page is on screen before PySide6
    has built Qt's enum namespace (about 50 ms), which the editor then builds when needed."""

    newRequested = Signal()
    openRequested = Signal()
    draftChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")

        title = style.accent(QLabel("报告起草助手"), scale=2.0)
        subtitle = QLabel(
            "选择报告类型，导入上年的报告作参考，逐节起草，\n导出符合 GB/T 9704-2012 格式的 Word 文档。"
        )
        style.hint(subtitle)
        style.bigger(subtitle, 1.1)

        self.new_button = QPushButton(icon("new_light"), "  新建报告…")
        self.new_button.setToolTip("选择报告类型；可以导入上年的报告作参考（Ctrl+N）")
        self.new_button.setDefault(True)
        style.accent_button(self.new_button)
        self.open_button = QPushButton(icon("open"), "  打开草稿…")
        self.open_button.setToolTip("继续编辑已经保存的草稿（Ctrl+O）")
        for button in (self.new_button, self.open_button):
            style.bigger(button, 1.15)
            button.setMinimumHeight(46)
        self.new_button.clicked.connect(self.newRequested.emit)
        self.open_button.clicked.connect(self.openRequested.emit)

        drop = style.hint(QLabel('<p align="center">把上年的报告（.docx、.txt、.md）<br>拖到窗口中，即可据此新建报告</p>'))
        drop.setFrameShape(QFrame.Shape.StyledPanel)
        drop.setMinimumHeight(90)

        left = QVBoxLayout()
        left.addWidget(title)
        left.addWidget(subtitle)
        left.addSpacing(16)
        left.addWidget(self.new_button)
        left.addWidget(self.open_button)
        left.addSpacing(16)
        left.addWidget(drop)
        left.addStretch(1)
        tip = style.hint(QLabel("输入的内容 1 秒内记入磁盘；万一程序意外关闭，下次启动时可以恢复。"))
        tip.setWordWrap(True)
        left.addWidget(tip)

        recent_title = style.caption(QLabel("最近的草稿"))
        self._recent_host = QWidget()
        self._recent_layout = QVBoxLayout(self._recent_host)
        self._recent_layout.setContentsMargins(0, 0, 0, 0)
        self._recent_layout.setSpacing(2)
        self.recent_scroll = QScrollArea()
        self.recent_scroll.setWidgetResizable(True)
        self.recent_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.recent_scroll.setWidget(self._recent_host)
        self.recent_buttons: list[QCommandLinkButton] = []
        self.empty_label = style.hint(QLabel("还没有草稿。新建的报告保存后会列在这里。"))
        right = QVBoxLayout()
        right.addWidget(recent_title)
        right.addWidget(self.empty_label)
        right.addWidget(self.recent_scroll, 1)

        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setAutoFillBackground(True)
        palette = card.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        card.setPalette(palette)
        inner = QHBoxLayout(card)
        inner.setContentsMargins(32, 24, 32, 24)
        inner.setSpacing(40)
        inner.addLayout(left, 4)
        inner.addLayout(right, 5)

        # The card grows with the window up to a comfortable size, then stays centred.
        card.setMaximumSize(1120, 680)
        card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 12)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.addStretch(1)
        outer.addLayout(row, 12)
        outer.addStretch(1)

    def set_recent(self, paths: list[str]) -> None:
        for button in self.recent_buttons:
            style.discard(button)
        self.recent_buttons = []
        while self._recent_layout.count():
            self._recent_layout.takeAt(0)
        for text in paths:
            name, details = _describe(Path(text)).split("\n", 1)
            button = QCommandLinkButton(name, details)
            button.setIcon(icon("draft"))
            style.bigger(button, 1.1)
            button.setToolTip(text)
            button.clicked.connect(lambda _=False, p=text: self.draftChosen.emit(p))
            self._recent_layout.addWidget(button)
            self.recent_buttons.append(button)
        self._recent_layout.addStretch(1)
        self.empty_label.setVisible(not paths)
