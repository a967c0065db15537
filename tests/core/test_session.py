from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from core.draft import session as session_mod
from core.draft.model import Report, Section
from core.draft.session import Session, find_recoverable, pid_alive, read_lock


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _orphan(file: Path) -> None:
    """Make an autosave look like it was written by a process that has since died."""
    payload = json.loads(file.read_text(encoding="utf-8"))
    payload["pid"] = _dead_pid()
    file.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")


def test_pid_alive() -> None:
    import os

    assert pid_alive(os.getpid())
    assert not pid_alive(_dead_pid())
    assert not pid_alive(0)


def test_live_session_autosave_is_not_offered_for_recovery(tmp_path: Path) -> None:
    session = Session()
    session.autosave(Report(title="进行中"), tmp_path / "a.draft.json")
    assert find_recoverable() == []
    session.close()
    assert not session.autosave_file.exists()


def test_autosave_of_dead_process_is_recovered_with_its_last_state(tmp_path: Path) -> None:
    session = Session()
    report = Report(title="2023年工作要点", sections=[Section(heading="抓好党建", body=["第一稿"])])
    session.autosave(report, None)
    report.sections[0].body = ["最后一次修改"]
    session.autosave(report, tmp_path / "x.draft.json")
    _orphan(session.autosave_file)

    found = find_recoverable()
    assert len(found) == 1
    assert found[0].draft_path == str(tmp_path / "x.draft.json")
    assert found[0].display_name == "x.draft.json"
    restored = found[0].load()
    assert restored.sections[0].body == ["最后一次修改"]
    assert restored.title == "2023年工作要点"

    session_mod.discard_autosave(found[0])
    assert find_recoverable() == []


def test_orphan_of_this_process_is_recoverable() -> None:
    session = Session()
    session.autosave(Report(title="孤儿"), None)
    session_mod._LIVE_SESSIONS.discard(session.id)  # what a window that never closed leaves
    assert [a.title for a in find_recoverable()] == ["孤儿"]


def test_damaged_autosave_is_skipped() -> None:
    (session_mod.autosave_dir() / f"bad{session_mod.AUTOSAVE_SUFFIX}").write_text("{", encoding="utf-8")
    assert find_recoverable() == []


def test_lock_seen_by_other_session_and_released(tmp_path: Path) -> None:
    draft = tmp_path / "报告.draft.json"
    first, second = Session(), Session()
    first.lock(draft)
    assert read_lock(draft).session_id == first.id
    holder = second.lock_holder(draft)
    assert holder is not None and holder.session_id == first.id
    assert first.lock_holder(draft) is None  # our own lock is no obstacle
    first.close()
    assert second.lock_holder(draft) is None
    assert read_lock(draft) is None


def test_lock_of_dead_process_is_stale(tmp_path: Path) -> None:
    draft = tmp_path / "报告.draft.json"
    first = Session()
    first.lock(draft)
    lock_file = session_mod.lock_file_for(draft)
    payload = json.loads(lock_file.read_text(encoding="utf-8"))
    payload["pid"] = _dead_pid()
    lock_file.write_text(json.dumps(payload), encoding="utf-8")
    assert Session().lock_holder(draft) is None


def test_locking_another_draft_releases_the_first(tmp_path: Path) -> None:
    a, b = tmp_path / "a.draft.json", tmp_path / "b.draft.json"
    session = Session()
    session.lock(a)
    session.lock(b)
    assert read_lock(a) is None
    assert read_lock(b).session_id == session.id


def test_lock_from_other_host_counts_as_held(tmp_path: Path) -> None:
    draft = tmp_path / "a.draft.json"
    first = Session()
    first.lock(draft)
    lock_file = session_mod.lock_file_for(draft)
    payload = json.loads(lock_file.read_text(encoding="utf-8"))
    payload["host"], payload["pid"] = "another-machine", _dead_pid()
    lock_file.write_text(json.dumps(payload), encoding="utf-8")
    assert Session().lock_holder(draft) is not None
