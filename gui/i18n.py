"""Qt's own Chinese translations, so standard buttons and dialogs read 确定/取消/保存.

PySide6-Essentials ships ``qtbase_zh_CN.qm`` in Qt's translations folder; a copy under
``resources/translations`` is used where a trimmed Qt install lacks it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from core.base.resources import resources_dir

PROJECT_TRANSLATIONS = resources_dir() / "translations"
QT_CATALOGUES = ("qtbase",)
LOCALE_NAME = "zh_CN"


# Strings Qt's own zh_CN catalogue lacks (Qt 6 added the accelerators to these labels,
# so the older translations no longer match): (context, source) → Chinese.
MISSING_QT_STRINGS = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
}


class MissingStrings(QTranslator):
    """Fills the few gaps of Qt's zh_CN catalogue, so no English shows in its dialogs."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return MISSING_QT_STRINGS.get((context, source), "")

    def isEmpty(self) -> bool:
        return False


def install_translations(app: QCoreApplication) -> list[str]:
    """Load the zh_CN catalogues; return the files loaded (empty when none was found)."""
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    loaded: list[str] = []
    gaps = MissingStrings(app)
    app.installTranslator(gaps)  # installed first, asked last: Qt's catalogue wins where it has a string
    for catalogue in QT_CATALOGUES:
        translator = QTranslator(app)
        for folder in (qt_folder, str(PROJECT_TRANSLATIONS)):
            if translator.load(f"{catalogue}_{LOCALE_NAME}", folder):
                app.installTranslator(translator)
                loaded.append(translator.filePath())
                break
    return loaded


def use_chinese_locale() -> None:
    """Dates, calendars and numbers in Qt's widgets in Chinese, whatever the system says.

    Called once the window is up: QLocale's tables are large, and the start page has no
    date or number widget that needs them.
    """
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
