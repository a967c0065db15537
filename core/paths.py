"""Per-user folders (config, data, cache, logs), via platformdirs.

``BAOGAO_HOME`` redirects all of them below one folder: tests and portable installs use it.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "baogao-qicao"
APP_AUTHOR = "baogao"


def _home_override() -> Path | None:
    value = os.environ.get("BAOGAO_HOME")
    return Path(value) if value else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    home = _home_override()
    if home:
        return _ensure(home / "config")
    import platformdirs

    return _ensure(Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)))


def data_dir() -> Path:
    home = _home_override()
    if home:
        return _ensure(home / "data")
    import platformdirs

    return _ensure(Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)))


def cache_dir() -> Path:
    home = _home_override()
    if home:
        return _ensure(home / "cache")
    import platformdirs

    return _ensure(Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)))


def log_dir() -> Path:
    return _ensure(data_dir() / "logs")
