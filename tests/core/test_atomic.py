"""Atomic writes: the old file survives any failure, and read-only targets are refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.base.atomic import atomic_write_bytes, atomic_write_text
from core.base.errors import SaveFailed


def test_replaces_content(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    atomic_write_text(path, "旧")
    atomic_write_text(path, "新")
    assert path.read_text(encoding="utf-8") == "新"


def test_read_only_target_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "只读.docx"
    path.write_bytes(b"old")
    os.chmod(path, 0o444)
    with pytest.raises(SaveFailed) as info:
        atomic_write_bytes(path, b"new")
    assert "只读.docx" in str(info.value)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["只读.docx"]


def test_missing_folder_gives_chinese_error(tmp_path: Path) -> None:
    with pytest.raises(SaveFailed, match="保存位置不存在"):
        atomic_write_bytes(tmp_path / "无此目录" / "a.docx", b"x")


def test_failure_during_replace_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("旧内容", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise PermissionError(13, "locked")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(SaveFailed, match="正被"):
        atomic_write_text(path, "新内容")
    assert path.read_text(encoding="utf-8") == "旧内容"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
