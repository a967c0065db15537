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


def _user_dir(kind: str) -> Path:
    """``kind`` is "config", "data" or "cache": BAOGAO_HOME/kind, else platformdirs' folder."""
    home = _home_override()
    if home:
        return _ensure(home / kind)
    import platformdirs

    locate = {
        "config": platformdirs.user_config_dir,
        "data": platformdirs.user_data_dir,
        "cache": platformdirs.user_cache_dir,
    }[kind]
    return _ensure(Path(locate(APP_NAME, APP_AUTHOR)))


def config_dir() -> Path:
    return _user_dir("config")


def data_dir() -> Path:
    return _user_dir("data")


def cache_dir() -> Path:
    return _user_dir("cache")


def log_dir() -> Path:
    return _ensure(data_dir() / "logs")
