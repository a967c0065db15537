"""Output paths that could destroy an input: refused before any work is done.

A clerk types ``-o`` by hand (or picks a file in a dialog); one slip must not replace the
report being imported, the unit's template, or a document the app did not write.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from core.base.errors import SaveFailed


def same_file(a: Path, b: Path) -> bool:
    """True when two paths name one file (links and letter case included where they count)."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    left, right = str(a.resolve()), str(b.resolve())
    if sys.platform == "win32":
        left, right = left.lower(), right.lower()
    return left == right


def refuse_clobbering(output: Path, inputs: Iterable[tuple[Path | None, str]], backup: Path | None = None) -> None:
    """Raise SaveFailed when ``output`` (or the ``backup`` copy it would make) is an input.

    ``inputs`` pairs each path with what the clerk calls it ("输入文件", "模板").
    """
    for source, role in inputs:
        if source is None:
            continue
        if same_file(output, source):
            raise SaveFailed(output, f"输出文件就是{role}“{source.name}”，保存会覆盖它。请另选输出文件名。")
        if backup is not None and same_file(backup, source):
            raise SaveFailed(
                output, f"保存时旧文件会备份为“{backup.name}”，而它正是{role}，会被覆盖。请另选输出文件名。"
            )


__all__ = ["refuse_clobbering", "same_file"]
