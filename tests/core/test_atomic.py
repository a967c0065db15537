"""Atomic writes: the old file survives any failure, and read-only targets are refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.base import atomic
from core.base.atomic import atomic_write_bytes, atomic_write_many, atomic_write_text
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


@pytest.mark.parametrize("flush_all", [True, False], ids=["syncfs", "fsync each"])
def test_many_files_written_together(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flush_all: bool) -> None:
    if not flush_all:
        monkeypatch.setattr(atomic, "_syncfs", lambda: None)
    (tmp_path / "b.json").write_text("old", encoding="utf-8")
    files = [(tmp_path / "a", b"\x00original"), (tmp_path / "b.json", b"{}"), (tmp_path / "c", b"")]
    atomic_write_many(files)
    assert [path.read_bytes() for path, _ in files] == [b"\x00original", b"{}", b""]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b.json", "c"]  # no temp file left


def test_many_files_a_refused_one_writes_none(tmp_path: Path) -> None:
    locked = tmp_path / "b.json"
    locked.write_text("kept", encoding="utf-8")
    locked.chmod(0o444)
    with pytest.raises(SaveFailed) as raised:
        atomic_write_many([(tmp_path / "a", b"1"), (locked, b"2"), (tmp_path / "c", b"3")])
    assert raised.value.path == locked
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json"]  # nothing else, no temp file
    assert locked.read_text(encoding="utf-8") == "kept"


def test_a_file_not_made_durable_is_whole_and_never_flushed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """For a temporary file another process reads at once (the 版记 layout's probe)."""
    flushed: list[int] = []
    monkeypatch.setattr(os, "fsync", flushed.append)
    target = tmp_path / "probe.docx"
    atomic_write_bytes(target, b"old")
    assert flushed  # durable by default
    flushed.clear()
    atomic_write_bytes(target, b"new", durable=False)
    assert target.read_bytes() == b"new" and flushed == []
    assert [p.name for p in tmp_path.iterdir()] == ["probe.docx"]
