"""Safe saves: the backup is never a partial copy, a full disk keeps every good copy, and
temp files of a killed process are cleaned at the next start."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.base.atomic import remove_stale_temp_files, temp_prefix
from core.base.errors import SaveFailed
from core.draft.draft_file import backup_path, load_draft, read_draft, save_draft
from core.draft.history import list_versions, save_and_keep
from core.draft.model import Report, Section
from core.draft.session import clean_stale_files, file_sha256


def _report(title: str, body_chars: int = 10) -> Report:
    return Report(title=title, sections=[Section(heading="一、工作", body=["字" * body_chars])])


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_backup_is_the_previous_version_complete(tmp_path: Path) -> None:
    draft = tmp_path / "a.draft.json"
    save_draft(_report("第一版"), draft)
    first = draft.read_bytes()
    save_draft(_report("第二版"), draft)
    assert backup_path(draft).read_bytes() == first
    # The backup is its own file: the next save does not change it in place.
    assert os.stat(backup_path(draft)).st_ino != os.stat(draft).st_ino
    save_draft(_report("第三版"), draft)
    assert load_draft(backup_path(draft)).title == "第二版"
    assert load_draft(draft).title == "第三版"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_unchanged_save_keeps_the_older_backup(tmp_path: Path) -> None:
    draft = tmp_path / "a.draft.json"
    save_draft(_report("第一版"), draft)
    second = _report("第二版")
    save_draft(second, draft)
    save_draft(second, draft)
    assert load_draft(backup_path(draft)).title == "第一版"


def test_save_returns_the_hash_that_reading_sees(tmp_path: Path) -> None:
    draft = tmp_path / "a.draft.json"
    sha = save_draft(_report("第一版"), draft)
    assert read_draft(draft)[1] == sha == file_sha256(draft)


def test_backup_without_hard_links_is_an_atomic_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(*_args: object) -> None:
        raise OSError(errno.EPERM, "links not supported")

    draft = tmp_path / "a.draft.json"
    save_draft(_report("第一版"), draft)
    first = draft.read_bytes()
    monkeypatch.setattr(os, "link", no_links)
    save_draft(_report("第二版"), draft)
    assert backup_path(draft).read_bytes() == first
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@contextlib.contextmanager
def _small_filesystem(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs (root on Linux); skipped with the reason elsewhere."""
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("需要 Linux 上的 root 权限才能挂载小容量 tmpfs；磁盘已满的模拟测试见下一个用例")
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"无法挂载 tmpfs：{done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_full_disk_keeps_draft_backup_and_history_and_says_so(tmp_path: Path) -> None:
    with _small_filesystem(tmp_path) as disk:
        draft = disk / "报告.draft.json"
        save_and_keep(_report("第一版"), draft)  # history goes to BAOGAO_HOME, elsewhere
        save_and_keep(_report("第二版"), draft)
        before = {p.name: p.read_bytes() for p in disk.iterdir()}
        versions_before = [v.file.read_bytes() for v in list_versions(draft)]
        with pytest.raises(SaveFailed) as caught:
            save_and_keep(_report("第三版太长", body_chars=2_000_000), draft)  # ~6 MB on a 1 MB disk
        assert "磁盘已满" in str(caught.value)
        assert {p.name: p.read_bytes() for p in disk.iterdir()} == before  # nothing replaced, no temp left
        assert [v.file.read_bytes() for v in list_versions(draft)] == versions_before
        assert load_draft(draft).title == "第二版"
        assert load_draft(backup_path(draft)).title == "第一版"


def test_full_disk_simulated_keeps_every_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same promise where no small filesystem can be mounted: ENOSPC from the write.
    draft = tmp_path / "报告.draft.json"
    save_draft(_report("第一版"), draft)
    save_draft(_report("第二版"), draft)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SaveFailed) as caught:
        save_draft(_report("第三版"), draft)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert "磁盘已满" in str(caught.value)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_temp_files_of_dead_processes_are_removed_at_start(tmp_path: Path) -> None:
    target = tmp_path / "a.draft.json"
    dead = tmp_path / f"{temp_prefix(target).replace(str(os.getpid()), str(_dead_pid()))}abcd.tmp"
    live = tmp_path / f"{temp_prefix(target)}efgh.tmp"  # a save of this process in progress
    foreign = tmp_path / ".a.draft.json.~zzzzzz-1.ijkl.tmp"  # another machine's, on a shared folder
    clerks = tmp_path / "备忘.tmp"  # not ours at all
    for path in (dead, live, foreign, clerks):
        path.write_bytes(b"x" * 100)
    assert remove_stale_temp_files(tmp_path) == [dead]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (live, foreign, clerks))


def test_start_cleans_the_app_folders_and_recent_draft_folders(tmp_path: Path) -> None:
    from core.base.paths import data_dir
    from core.draft.session import autosave_dir

    pid = str(_dead_pid())
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    left = [
        drafts / temp_prefix(drafts / "a.draft.json").replace(str(os.getpid()), pid),
        autosave_dir() / temp_prefix(autosave_dir() / "s.autosave.json").replace(str(os.getpid()), pid),
        data_dir() / "history" / "k" / temp_prefix(Path("x.draft.json")).replace(str(os.getpid()), pid),
    ]
    for path in left:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.with_name(path.name + "0000.tmp").write_bytes(b"x")
    removed = clean_stale_files([drafts])
    assert len(removed) == 3
    assert not any(p.name.endswith(".tmp") for p in (*drafts.iterdir(), *data_dir().rglob("*")))


def test_failed_export_keeps_the_export_and_its_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.render import backup_path as export_backup
    from core.render import render_report

    out = tmp_path / "报告.docx"
    render_report(_report("第一版"), out)
    render_report(_report("第二版"), out)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert sorted(before) == ["报告.docx", export_backup(out).name]

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SaveFailed, match="磁盘已满"):
        render_report(_report("第三版"), out)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
