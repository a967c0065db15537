"""Typed user settings, kept as JSON in the per-user config folder.

These are the clerk's choices (unit, font scheme, recent files …). Window geometry and
splitter positions are not settings: the GUI keeps them apart, so resetting the window
layout never loses a choice and vice versa. A damaged or foreign settings file falls back
to defaults; it never stops the app from starting.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from core.base.paths import config_dir

SETTINGS_FILE = "settings.json"
MAX_RECENT = 10
MIN_AUTOSAVE_SECONDS, MAX_AUTOSAVE_SECONDS = 1.0, 600.0


@dataclass
class Settings:
    unit: str = ""  # 发文单位, remembered for the next new report
    last_kind: str = ""
    font_scheme: str = "gb2312"
    font_scheme_checked: bool = False  # the first start compared the scheme with this machine's fonts
    autosave_seconds: float = field(default=3.0, metadata={"range": (MIN_AUTOSAVE_SECONDS, MAX_AUTOSAVE_SECONDS)})
    recent_drafts: list[str] = field(default_factory=list)
    recent_documents: list[str] = field(default_factory=list)  # prior reports imported
    last_folder: str = ""  # where file dialogs open
    # The office's library server (资料库 ▸ 设置); empty host: the local library. Never a
    # password: that stays in the system keyring or ~/.pgpass (core.library.postgres).
    library_server_host: str = ""
    library_server_port: str = "5432"
    library_server_database: str = ""
    library_server_user: str = ""
    library_server_require_tls: bool = False


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def _clean_paths(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, str) and v][:MAX_RECENT]


def settings_from_dict(data: Any) -> Settings:
    """Take each known field whose type fits; anything else keeps its default."""
    result = Settings()
    if not isinstance(data, dict):
        return result
    for spec in fields(Settings):
        if spec.name not in data:
            continue
        value = data[spec.name]
        default = getattr(result, spec.name)
        if isinstance(default, list):
            setattr(result, spec.name, _clean_paths(value))
        elif isinstance(default, float) and isinstance(value, (int, float)) and not isinstance(value, bool):
            if math.isfinite(value):  # NaN or infinity in a hand-edited file: keep the default
                low, high = spec.metadata.get("range", (-math.inf, math.inf))
                setattr(result, spec.name, min(max(float(value), low), high))
        elif (isinstance(default, str) and isinstance(value, str)) or (isinstance(default, bool) and isinstance(value, bool)):
            setattr(result, spec.name, value)
    return result


def load_settings() -> Settings:
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    return settings_from_dict(data)


def save_settings(settings: Settings) -> None:
    """Raises core.base.errors.SaveFailed when the config folder is not writable."""
    from core.base.atomic import atomic_write_text  # loaded on first save, not at start

    payload = {spec.name: getattr(settings, spec.name) for spec in fields(Settings)}
    atomic_write_text(settings_path(), json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def push_recent(paths: list[str], path: Path | str, limit: int = MAX_RECENT) -> list[str]:
    """``path`` first, without duplicates (same file spelled differently counts once)."""
    new = str(Path(path).resolve())
    rest = [p for p in paths if not _same_file(p, new)]
    return [new, *rest][:limit]


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return a == b


def existing(paths: list[str]) -> list[str]:
    """The recent paths that still exist, for menus and the start page."""
    return [p for p in paths if Path(p).is_file()]
