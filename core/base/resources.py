"""Where the shipped data is: the ``baogao_data`` package, found through importlib.resources,
so a source checkout, an installed wheel and a bundled app all find the same files."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

DATA_PACKAGE = "baogao_data"


@cache
def data_dir() -> Path:
    # Installed as ordinary files (wheel, editable, PyInstaller one-folder): a real path.
    return Path(str(files(DATA_PACKAGE)))


def templates_dir() -> Path:
    """The built-in report kinds, one folder each."""
    return data_dir() / "templates"


def resources_dir() -> Path:
    """Icons, translations, the jieba user dictionary, word lists, the user guide."""
    return data_dir() / "resources"
