"""The copy an export replaces: whether someone reviewed it, and where it is kept.

A leader often returns the reviewed copy under the very name the clerk exported. Exporting
again over it keeps it as “NAME（上一版）.docx”, but a second export would then replace that
（上一版） with the clerk's own first export and the leader's edits would be gone. A （上一版）
that holds tracked changes or comments is therefore never replaced: the next copy goes to
“NAME（上一版2）.docx”, and so on. The window also says so before the clerk replaces it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

# Read at most this much of a part, in pieces: a marked copy shows its marks long before,
# and a hostile file cannot make us inflate more.
_SCAN_LIMIT = 64 * 1024 * 1024
_CHUNK = 1024 * 1024
_REVISION_TAGS = (b"<w:ins ", b"<w:ins>", b"<w:del ", b"<w:del>", b"<w:moveFrom ", b"<w:moveTo ")
_COMMENT_TAGS = (b"<w:comment ", b"<w:comment>")


def _part_has(archive: zipfile.ZipFile, name: str, tags: tuple[bytes, ...]) -> bool:
    try:
        member = archive.open(name)
    except KeyError:
        return False
    tail = b""
    read = 0
    with member:
        while read < _SCAN_LIMIT:
            chunk = member.read(_CHUNK)
            if not chunk:
                return False
            window = tail + chunk
            if any(tag in window for tag in tags):
                return True
            tail, read = window[-16:], read + len(chunk)
    return False


def review_marks(path: Path) -> str:
    """ "修订和批注", "修订", "批注" when the Word file at ``path`` holds them, else "" (also for
    anything that is not a readable .docx: then there is nothing to warn about)."""
    try:
        with zipfile.ZipFile(path) as archive:
            revisions = _part_has(archive, "word/document.xml", _REVISION_TAGS)
            comments = _part_has(archive, "word/comments.xml", _COMMENT_TAGS)
    except (OSError, zipfile.BadZipFile, RuntimeError, EOFError, ValueError):
        return ""
    return {(True, True): "修订和批注", (True, False): "修订", (False, True): "批注"}.get((revisions, comments), "")


def previous_copy_path(target: Path) -> Path:
    """Where the copy ``target`` replaces is kept: 报告.docx → 报告（上一版）.docx, unless that
    one holds someone's 修订 or 批注; then 报告（上一版2）.docx, 报告（上一版3）.docx …"""
    number = 1
    while True:
        label = "上一版" if number == 1 else f"上一版{number}"
        candidate = target.with_name(f"{target.stem}（{label}）{target.suffix}")
        if not candidate.exists() or not review_marks(candidate):
            return candidate
        number += 1
