"""The app's version, from one place: the installed package's metadata (pyproject.toml)."""

from __future__ import annotations

from importlib import metadata

DISTRIBUTION = "baogao-qicao"
UNKNOWN = "未知版本"


def app_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a source folder that was never installed
        return UNKNOWN
