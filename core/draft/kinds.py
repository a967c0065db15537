"""Finding report kinds: the built-in ones, a unit's own, and those named by the environment.

Folders are looked up, later ones overriding earlier ones with the same id:

1. the built-in kinds shipped in ``templates/`` (beside ``core/``);
2. ``<per-user data folder>/kinds/`` (a unit's own kinds or restyled templates);
3. every folder in the ``BAOGAO_KINDS_PATH`` environment variable (``os.pathsep``-separated);
4. ``extra_dirs`` passed by the caller.

A kind is defined in core/draft/kind.py and read from its folder by core/draft/kind_file.py.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from core.draft.kind import (
    BUILTIN_KINDS_DIR,
    KIND_FILE,
    KINDS_PATH_ENV,
    TEMPLATE_FILE,
    Kind,
    KindError,
    SkeletonSection,
    UnknownKind,
)
from core.draft.kind_file import load_kind
from core.draft.model import SIGNATURE_SEALED, SIGNATURE_UNSEALED, Report


def kind_dirs(extra_dirs: Sequence[Path | str] | None = None) -> list[Path]:
    """Folders searched for kinds, lowest priority first."""
    from core.base.paths import data_dir

    dirs = [BUILTIN_KINDS_DIR, data_dir() / "kinds"]
    dirs += [Path(p) for p in os.environ.get(KINDS_PATH_ENV, "").split(os.pathsep) if p.strip()]
    dirs += [Path(p) for p in extra_dirs or ()]
    return dirs


def load_kinds_with_errors(
    extra_dirs: Sequence[Path | str] | None = None,
) -> tuple[dict[str, Kind], list[str]]:
    """All kinds by id (in display order) and a message per unusable folder.

    A broken built-in kind is a bug and raises; a broken kind a unit added is skipped so
    that the rest of the app keeps working.
    """
    found, failures = _scan_kinds(extra_dirs)
    return found, [str(exc) for exc in failures.values()]


def _scan_kinds(extra_dirs: Sequence[Path | str] | None) -> tuple[dict[str, Kind], dict[str, KindError]]:
    found: dict[str, Kind] = {}
    failures: dict[str, KindError] = {}
    for directory in kind_dirs(extra_dirs):
        builtin = directory == BUILTIN_KINDS_DIR
        if not directory.is_dir():
            continue
        for folder in sorted(p for p in directory.iterdir() if (p / KIND_FILE).is_file()):
            try:
                kind = load_kind(folder, builtin=builtin)
            except KindError as exc:
                if builtin:
                    raise
                failures[folder.name] = exc
                continue
            found[kind.id] = kind
    ordered = sorted(found.values(), key=lambda k: (k.order, k.id))
    return {k.id: k for k in ordered}, failures


def check_kind_folders(folder: Path | str) -> list[tuple[Path, Kind | KindError]]:
    """Every kind in ``folder`` checked as the app reads it (core.draft.kind_file): the folder
    itself when it holds a kind.toml, else each subfolder that does. For someone writing a
    new kind (``python main.py kinds --check FOLDER``)."""
    folder = Path(folder)
    if (folder / KIND_FILE).is_file():
        candidates = [folder]
    elif folder.is_dir():
        candidates = sorted(p for p in folder.iterdir() if (p / KIND_FILE).is_file())
    else:
        candidates = []
    results: list[tuple[Path, Kind | KindError]] = []
    for candidate in candidates:
        try:
            results.append((candidate, load_kind(candidate)))
        except KindError as exc:
            results.append((candidate, exc))
    return results


def load_kinds(extra_dirs: Sequence[Path | str] | None = None) -> dict[str, Kind]:
    return load_kinds_with_errors(extra_dirs)[0]


def builtin_kinds() -> dict[str, Kind]:
    kinds = (
        load_kind(p, builtin=True) for p in sorted(BUILTIN_KINDS_DIR.iterdir()) if (p / KIND_FILE).is_file()
    )
    return {k.id: k for k in sorted(kinds, key=lambda k: (k.order, k.id))}


def get_kind(kind_id: str, extra_dirs: Sequence[Path | str] | None = None) -> Kind:
    """The kind with this id; a kind whose definition is broken is named with the reason."""
    kinds, failures = _scan_kinds(extra_dirs)
    if kind_id in kinds:
        return kinds[kind_id]
    if kind_id in failures:
        raise KindError(failures[kind_id].path, f"{failures[kind_id].reason}该类型已停用，其他类型不受影响。")
    raise UnknownKind(kind_id, kinds)


__all__ = [
    "BUILTIN_KINDS_DIR",
    "KINDS_PATH_ENV",
    "KIND_FILE",
    "TEMPLATE_FILE",
    "Kind",
    "KindError",
    "SkeletonSection",
    "UnknownKind",
    "builtin_kinds",
    "check_kind_folders",
    "get_kind",
    "kind_dirs",
    "load_kind",
    "load_kinds",
    "load_kinds_with_errors",
]


def signature_layout_for(report: Report) -> str:
    """The report's 落款 layout; a draft saved before it could be chosen gets its kind's default.

    Here, not in core.render: the editor shows it without loading python-docx."""
    if report.signature_layout in (SIGNATURE_SEALED, SIGNATURE_UNSEALED):
        return report.signature_layout
    kind = load_kinds().get(report.kind)
    return kind.signature_layout if kind is not None else SIGNATURE_SEALED
