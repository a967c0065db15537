"""Hostile suite: a full disk. On a small tmpfs filled to the last byte, every save says
the disk is full (not "close other programs"), and what was there before stays intact."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.hostile_support import (
    assert_clear_refusal,
    assert_success,
    changed_files,
    good_report,
    run_cli,
    snapshot,
    write_draft,
)
from tests.docx_builders import write_typed_docx


def _mount_tmpfs(folder: Path, size: str) -> str | None:
    """Mount a tmpfs at ``folder``; the reason it cannot be done, or None."""
    if sys.platform != "linux":
        return "小容量临时文件系统只能在 Linux 上挂载"
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return "挂载 tmpfs 需要 root 权限和 mount 命令"
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True, text=True, check=False,
    )
    return None if done.returncode == 0 else f"无法挂载 tmpfs：{done.stderr.strip()}"


def _fill(folder: Path) -> None:
    """Write a filler until the file system has no byte left."""
    chunk = b"\0" * 4096
    with (folder / ".filler").open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(chunk)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    with (folder / ".filler-tail").open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0")
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "小盘"
    reason = _mount_tmpfs(mount, "1m")
    if reason is not None:
        pytest.skip(reason)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _without_filler(files: dict[str, str]) -> dict[str, str]:
    return {name: digest for name, digest in files.items() if ".filler" not in name}


def test_render_to_a_full_disk_says_so_and_keeps_the_old_export(tmp_path: Path, small_disk: Path) -> None:
    draft = write_draft(tmp_path / "报告.draft.json", good_report())
    out = small_disk / "报告.docx"
    out.write_bytes(b"last week's export")
    (small_disk / "报告（上一版）.docx").write_bytes(b"the export before that")
    _fill(small_disk)
    before = _without_filler(snapshot(small_disk))
    result = run_cli("render", draft, "-o", out)
    assert_clear_refusal(result, "磁盘已满")
    assert "关闭" not in result.err
    assert out.read_bytes() == b"last week's export"
    assert changed_files(before, _without_filler(snapshot(small_disk))) == set()


def test_import_to_a_full_disk_keeps_the_existing_draft(tmp_path: Path, small_disk: Path) -> None:
    source = write_typed_docx(tmp_path / "去年.docx", ["某局2024年工作总结", "一、主要工作"] + ["抓学习，促落实。" * 40] * 30)
    draft = write_draft(small_disk / "草稿.draft.json", good_report())
    old = draft.read_bytes()
    _fill(small_disk)
    result = run_cli("import", source, "-o", draft)
    assert_clear_refusal(result, "磁盘已满")
    assert draft.read_bytes() == old
    assert not [p for p in small_disk.iterdir() if p.name.endswith(".tmp")]


def test_library_on_a_full_disk_says_the_disk_is_full(
    tmp_path: Path, small_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BAOGAO_HOME", str(small_disk / "home"))
    source = write_typed_docx(tmp_path / "去年.docx", ["某局2024年工作总结", "一、主要工作", "抓学习，促落实。"])
    _fill(small_disk)
    result = run_cli("library", "add", source)
    assert_clear_refusal(result, "磁盘")
    assert "满" in result.err or "空间不足" in result.err
    assert "关闭其他" not in result.err


def test_conversion_copy_on_a_full_temp_disk_says_so(
    tmp_path: Path, small_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from core.office import libreoffice

    monkeypatch.setattr(libreoffice, "find_soffice", lambda: "/nonexistent/soffice")
    monkeypatch.setattr(tempfile, "tempdir", str(small_disk))
    source = tmp_path / "旧.doc"
    source.write_bytes(b"<html><body><p>" + "一、总体情况".encode() * 2000 + b"</p></body></html>")
    _fill(small_disk)
    result = run_cli("import", source, "--outline")
    assert_clear_refusal(result, "旧.doc", "磁盘已满")
    assert "独占" not in result.err


def test_a_successful_save_after_space_is_freed(tmp_path: Path, small_disk: Path) -> None:
    draft = write_draft(tmp_path / "报告.draft.json", good_report())
    _fill(small_disk)
    assert run_cli("render", draft, "-o", small_disk / "报告.docx").code == 2
    (small_disk / ".filler").unlink()
    assert_success(run_cli("render", draft, "-o", small_disk / "报告.docx"))
