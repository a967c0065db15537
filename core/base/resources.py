"""Where the shipped data is: ``templates/`` (a folder per report kind) and ``resources/``.

They lie beside ``core/`` in a source checkout (and an editable install, which runs from it)
and in the PyInstaller bundle (scripts/build_bundle.py adds them there); an installed wheel
puts them in ``baogao_data/`` beside ``core/`` in site-packages (setup.py, pyproject.toml's
package-dir). Both are found from this file's own place, with no import: a checkout never
reads the data of another copy installed in the same environment.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

# The folder holding core/ (a checkout's root, site-packages, the bundle's _internal).
_CODE_ROOT = Path(__file__).resolve().parents[2]
INSTALLED_DATA = "baogao_data"  # the wheel's folder for the two (setup.py)


def _holds_the_data(folder: Path) -> bool:
    # Both folders, with a file only ours has: a stray "templates" in site-packages is not ours.
    return (folder / "templates").is_dir() and (folder / "resources" / "icons" / "app.svg").is_file()


@cache
def data_dir() -> Path:
    """The folder holding ``templates/`` and ``resources/``."""
    for folder in (_CODE_ROOT, _CODE_ROOT / INSTALLED_DATA):
        if _holds_the_data(folder):
            return folder
    raise FileNotFoundError(f"找不到程序自带的数据（templates/、resources/），应在 {_CODE_ROOT} 中。请重新安装本程序。")


def templates_dir() -> Path:
    """The built-in report kinds, one folder each."""
    return data_dir() / "templates"


def resources_dir() -> Path:
    """Icons, translations, the jieba user dictionary, word lists, the user guide."""
    return data_dir() / "resources"
