"""资料库: search past reports as you type, and suggestions for the section being written.

Searching runs in the library service's worker thread and never waits for jieba: until
the dictionary has loaded the library answers from a scan for the literal text, and the
search is run again, ranked, once it has. Each result shows the paragraph with the match
highlighted, the document and the section it came from; 加入正文 (or a double-click)
appends the whole paragraph to the current section's body, as one undoable edit, its
half-width punctuation made full-width on the way in (core.checks.fixes.as_taken_into_draft:
the rule the 检查 holds typed text to — a web copy's "13 个;" must not reach paper).
"""

from __future__ import annotations

import copy
import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.checks.fixes import as_taken_into_draft
from core.library import SearchHit
from core.library.records import MAX_QUERY_CHARS
from gui import style
from gui.document import DraftDocument
from gui.flow_layout import FlowLayout
from gui.panels.library_service import LanguageWatcher, LibraryService
from gui.panels.panel_base import Connections, Debounce, DocumentBound
from gui.panels.result_cards import CardList

if TYPE_CHECKING:
    from core.draft.model import Section

SEARCH_DELAY_MS = 250  # after the last keystroke
SUGGEST_DELAY_MS = 500
RESULT_LIMIT = 30
EMPTY_LIBRARY = "资料库中还没有文档。导入的上年报告和导出的 Word 文档会自动存入这里。"


@functools.lru_cache(maxsize=256)  # the cards' texts, asked again after every edit
def _as_inserted(text: str) -> tuple[str, int]:
    """A paragraph as 加入正文 puts it into the body, and how many marks that fixed."""
    return as_taken_into_draft(text.strip())


class LibraryPanel(DocumentBound, QWidget):
    """The 资料库 dock: search tab and 本节建议 tab."""

    def __init__(self, service: LibraryService, language: LanguageWatcher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.language = language
        self._doc: DraftDocument | None = None
        self.section_id = ""
        self._search_serial = 0
        self._suggest_serial = 0
        self._suggest_for = ""  # the section the suggestions shown are for
        self.hits: list[SearchHit] = []
        self._empty_library = False

        self.notice_label = QLabel()
        self.notice_label.setObjectName("libraryNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setVisible(False)
        style.accent(self.notice_label, bold=False)

        # ---- search tab
        self.query_edit = QLineEdit()
        self.query_edit.setObjectName("libraryQuery")
        self.query_edit.setPlaceholderText("输入词语，搜索往年报告（如：人才　“党建引领”）")
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setMaxLength(MAX_QUERY_CHARS)
        self.query_edit.textChanged.connect(lambda _t: self._search_timer.schedule())
        self.query_edit.returnPressed.connect(self.search_now)
        self.kind_combo = QComboBox()
        self.year_combo = QComboBox()
        self.unit_combo = QComboBox()
        for combo, name in ((self.kind_combo, "kindFilter"), (self.year_combo, "yearFilter"),
                            (self.unit_combo, "unitFilter")):
            combo.setObjectName(name)
            # Elided in a narrow dock instead of widening it to the longest unit's name.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(3)
            combo.activated.connect(lambda _i: self.search_now())
        filters = QHBoxLayout()
        filters.addWidget(self.kind_combo, 2)
        filters.addWidget(self.year_combo, 1)
        filters.addWidget(self.unit_combo, 2)
        self.status_label = style.hint(QLabel())
        self.status_label.setObjectName("libraryStatus")
        self.status_label.setWordWrap(True)
        self.set_facets({})
        self.results = CardList()
        self.results.insertRequested.connect(self.insert)
        search_tab = QWidget()
        search_layout = QVBoxLayout(search_tab)
        search_layout.setContentsMargins(0, 6, 0, 0)
        search_layout.addWidget(self.query_edit)
        search_layout.addLayout(filters)
        search_layout.addWidget(self.status_label)
        search_layout.addWidget(self.results, 1)

        # ---- suggestions tab
        self.suggest_caption = style.caption(QLabel())
        self.suggest_caption.setWordWrap(True)
        self.keywords_host = QWidget()
        self.keywords_layout = FlowLayout(self.keywords_host)
        self.keywords_layout.addWidget(style.hint(QLabel("关键词：")))
        self.keywords_host.setVisible(False)
        self._keyword_buttons_made: list[QPushButton] = []
        self.keyword_buttons: list[QPushButton] = []  # those showing a word, in order
        self.suggest_status = style.hint(QLabel())
        self.suggest_status.setWordWrap(True)
        self.suggestions = CardList()
        self.suggestions.insertRequested.connect(self.insert)
        suggest_tab = QWidget()
        suggest_layout = QVBoxLayout(suggest_tab)
        suggest_layout.setContentsMargins(0, 6, 0, 0)
        suggest_layout.addWidget(self.suggest_caption)
        suggest_layout.addWidget(self.keywords_host)
        suggest_layout.addWidget(self.suggest_status)
        suggest_layout.addWidget(self.suggestions, 1)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(search_tab, "搜索")
        self.tabs.addTab(suggest_tab, "本节建议")
        self.tabs.currentChanged.connect(lambda _i: self._suggest_timer.schedule())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.tabs, 1)

        self._search_timer = Debounce(self, SEARCH_DELAY_MS, self.search_now)
        self._suggest_timer = Debounce(self, SUGGEST_DELAY_MS, self.suggest_now)

        service.opened.connect(self._opened)
        service.failed.connect(self._failed)
        service.rebuilding.connect(self._rebuilding)
        service.searched.connect(self._searched)
        service.suggested.connect(self._suggested)
        service.facetsChanged.connect(self.set_facets)
        language.ready.connect(self._language_ready)
        if service.is_open:
            # The app opens the library at start, before this panel exists: the filters and
            # the document count it sent then never reached us.
            service.request_facets()
        self._update_status()
        self._show_suggestions_state()

    # ---- binding --------------------------------------------------------------------------

    def document_connections(self, doc: DraftDocument) -> Connections:
        return [(doc.changed, self._mark_used)]

    def document_set(self) -> None:
        self.set_section("")

    def set_section(self, section_id: str) -> None:
        """The section results are inserted into ("" when the report form is in front)."""
        self.section_id = section_id
        can = self._section() is not None
        for card in [*self.results.cards, *self.suggestions.cards]:
            card.set_can_insert(can)
        self._mark_used()
        if section_id != self._suggest_for:
            self._suggest_timer.schedule()

    def _section(self) -> Section | None:
        if self._doc is None or not self.section_id:
            return None
        return self._doc.outline.find(self.section_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.service.open()
        self._suggest_timer.schedule()

    # ---- library state --------------------------------------------------------------------

    def _opened(self, notice: str) -> None:
        if notice:
            self.show_notice(notice)
        self._update_status()
        if self.query_edit.text().strip():
            self.search_now()
        self._suggest_timer.schedule()

    def _rebuilding(self, done: int, total: int) -> None:
        if not self.service.is_open:
            self.status_label.setText(f"正在整理资料库（升级或修复），已完成 {done}/{total} 份，请稍候…")

    def _failed(self, message: str) -> None:
        self.show_notice(message)
        self._update_status()

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def _language_ready(self) -> None:
        # Results found by the literal scan are now ranked properly: search again.
        if self.query_edit.text().strip():
            self.search_now()
        self._suggest_timer.schedule()

    def set_facets(self, facets: object) -> None:
        from gui.kind_names import kind_display_name

        values = facets if isinstance(facets, dict) else {}
        if "documents" in values:  # not known yet is not empty
            self._empty_library = not values["documents"][0]
        for combo, key, everything, label in (
            (self.kind_combo, "kind", "全部类型", kind_display_name),
            (self.year_combo, "year", "全部年份", lambda y: f"{y}年"),
            (self.unit_combo, "unit", "全部单位", str),
        ):
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(everything, None)
            for value in values.get(key, []):
                combo.addItem(label(value), value)
            at = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(at, 0))
        self._update_status()

    def _update_status(self, found: int | None = None) -> None:
        if self.service.error:
            text = "资料库不可用。"
        elif not self.service.is_open:
            text = "正在打开资料库…"
        elif found:  # results prove the library is not empty, whatever the count said before
            text = f"显示最相关的 {found} 段" if found >= RESULT_LIMIT else f"找到 {found} 段"
            if not self.language.is_ready:
                text += "（分词词典正在加载，暂按原文查找，稍后自动按相关度排序）"
        elif self._empty_library:
            text = EMPTY_LIBRARY
        elif not self.query_edit.text().strip():
            text = "输入词语即可搜索；多个词用空格分开，整句用引号。"
        elif found is None:
            text = "正在搜索…"
        else:
            text = "没有找到。试试更短的词，或去掉筛选条件。"
        self.status_label.setText(text)

    # ---- searching --------------------------------------------------------------------------

    def search_now(self) -> None:
        self._search_timer.done()
        query = self.query_edit.text().strip()
        if not query:
            self._search_serial += 1  # results still on their way are no longer wanted
            self.hits = []
            self.results.show_hits([], False)
            self._update_status()
            return
        self.service.open()
        self._search_serial = self.service.search(
            query,
            kind=self.kind_combo.currentData(),
            year=self.year_combo.currentData(),
            unit=self.unit_combo.currentData(),
            limit=RESULT_LIMIT,
        )
        self._update_status(found=None)

    def focus_search(self) -> None:
        """Put the cursor in the search box, ready to type (菜单 搜索资料库…)."""
        self.tabs.setCurrentIndex(0)
        self.query_edit.setFocus()
        self.query_edit.selectAll()

    def search_for(self, query: str) -> None:
        """Search for ``query`` now, as if typed (keyword buttons, tests)."""
        self.tabs.setCurrentIndex(0)
        self.query_edit.setText(query)
        self.search_now()

    def _searched(self, serial: int, hits: object) -> None:
        if serial != self._search_serial:
            return  # an older query's answer
        self.hits = list(hits) if isinstance(hits, list) else []
        self.results.show_hits(self.hits, self._section() is not None)
        self._mark_used()
        self._update_status(found=len(self.hits))

    # ---- inserting --------------------------------------------------------------------------

    def insert(self, hit: object) -> bool:
        """Append the hit's paragraph to the current section's body (undoable)."""
        section = self._section()
        if section is None or self._doc is None or not isinstance(hit, SearchHit):
            return False
        text, fixed = _as_inserted(hit.text)
        self._doc.take_from_library(section.id, text)
        self.show_notice(f"已加入正文，其中 {fixed} 处半角标点已改为全角。" if fixed else "")
        return True

    def _mark_used(self) -> None:
        section = self._section()
        present = set(section.body) if section is not None else set()
        for card in [*self.results.cards, *self.suggestions.cards]:
            card.set_used(card.hit is not None and _as_inserted(card.hit.text)[0] in present)

    # ---- suggestions ------------------------------------------------------------------------

    def suggest_now(self) -> None:
        self._suggest_timer.done()
        if not self.isVisible() or self.tabs.currentIndex() != 1:
            return  # computed when the tab is looked at (showing it restarts the timer)
        section = self._section()
        if section is None or self._doc is None:
            self._suggest_for = ""
            self._show_suggestions_state()
            return
        if not self.language.is_ready or not self.service.is_open:
            self._show_suggestions_state()
            return
        from core.draft.model import Report

        report = self._doc.report
        # Copies: the worker reads them while the clerk types on.
        stub = Report(kind=report.kind, numbering=copy.deepcopy(report.numbering))
        self._suggest_serial = self.service.suggest(stub, copy.deepcopy(section))
        self._suggest_for = section.id
        self.suggest_status.setText("正在查找…")

    def _show_suggestions_state(self) -> None:
        section = self._section()
        if section is None:
            self.suggest_caption.setText("在左侧提纲中选择一节，这里会列出往年报告中相近的段落。")
        else:
            self.suggest_caption.setText(f"“{section.heading or '本节'}”")
        if self.service.error:
            self.suggest_status.setText("资料库不可用。")
        elif section is not None and not self.language.is_ready:
            self.suggest_status.setText("分词词典正在加载，稍后自动显示建议…")
        elif section is not None and not self.service.is_open:
            self.suggest_status.setText("正在打开资料库…")
        else:
            self.suggest_status.setText("")
        self._set_keywords([])
        self.suggestions.show_hits([], False)

    def _set_keywords(self, words: list[str]) -> None:
        """Buttons are filled again for the next section's words, never made anew (as the
        result cards, see CardList)."""
        while len(self._keyword_buttons_made) < len(words):
            button = QPushButton()
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, b=button: self.search_for(b.text()))
            self.keywords_layout.addWidget(button)
            self._keyword_buttons_made.append(button)
        for button, word in zip(self._keyword_buttons_made, words, strict=False):
            button.setText(word)
            button.setToolTip(f"在资料库中搜索“{word}”")
            button.setVisible(True)
        for button in self._keyword_buttons_made[len(words) :]:
            button.setVisible(False)
        self.keyword_buttons = self._keyword_buttons_made[: len(words)]
        self.keywords_host.setVisible(bool(words))

    def _suggested(self, serial: int, suggestions: object) -> None:
        if serial != self._suggest_serial:
            return
        section = self._section()
        self.suggest_caption.setText(f"“{section.heading or '本节'}”" if section is not None else "")
        keywords = [k.word for k in getattr(suggestions, "keywords", [])]
        paragraphs = list(getattr(suggestions, "paragraphs", []))
        self._set_keywords(keywords)
        self.suggestions.show_hits(paragraphs, self._section() is not None)
        self._mark_used()
        if paragraphs:
            self.suggest_status.setText("往年报告中标题相近的段落：")
        elif self._empty_library:
            self.suggest_status.setText(EMPTY_LIBRARY)
        else:
            self.suggest_status.setText("往年报告中没有找到标题相近的段落。")
