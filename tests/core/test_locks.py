"""One writer per draft: atomic lock taking, stale locks, and changes on disk."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

from core.draft import session as session_mod
from core.draft.draft_file import save_draft
from core.draft.locks import lock_file_for, read_lock
from core.draft.model import Report
from core.draft.session import Session


def _race(draft: str, home: str, barrier: multiprocessing.synchronize.Barrier, results: multiprocessing.Queue) -> None:
    os.environ["BAOGAO_HOME"] = home
    session = Session()
    barrier.wait()
    holder = session.lock(draft)
    results.put((session.id, None if holder is None else holder.session_id))
    barrier.wait()  # stay alive until everyone has tried


def test_processes_racing_for_one_draft_exactly_one_wins(tmp_path: Path) -> None:
    draft = tmp_path / "a.draft.json"
    save_draft(Report(title="x"), draft)
    ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    count = 8
    barrier = ctx.Barrier(count)
    results = ctx.Queue()
    procs = [ctx.Process(target=_race, args=(str(draft), os.environ["BAOGAO_HOME"], barrier, results))
             for _ in range(count)]
    for proc in procs:
        proc.start()
    outcomes = [results.get(timeout=60) for _ in range(count)]
    for proc in procs:
        proc.join(timeout=60)
    winners = [sid for sid, holder in outcomes if holder is None]
    assert len(winners) == 1
    # Every loser was told who has it: the winner.
    assert {holder for _, holder in outcomes if holder is not None} == {winners[0]}


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    draft = tmp_path / "a.draft.json"
    first = Session()
    assert first.lock(draft) is None
    file = lock_file_for(draft.resolve())
    payload = json.loads(file.read_text(encoding="utf-8"))
    payload["pid"] = _dead_pid()
    file.write_text(json.dumps(payload), encoding="utf-8")
    second = Session()
    assert second.lock(draft) is None
    assert read_lock(draft).session_id == second.id
    assert [p.name for p in file.parent.iterdir()] == [file.name]  # nothing set aside is left


def test_live_holder_is_reported_and_keeps_the_lock(tmp_path: Path) -> None:
    draft = tmp_path / "a.draft.json"
    first, second = Session(), Session()
    assert first.lock(draft) is None
    holder = second.lock(draft)
    assert holder is not None and holder.session_id == first.id and holder.pid == os.getpid()
    assert second.locked_draft is None
    second.unlock()  # must not remove the other session's lock
    assert read_lock(draft).session_id == first.id
    first.close()  # a clean close releases it
    assert second.lock(draft) is None


def test_lock_of_a_closed_session_in_this_process_is_stale(tmp_path: Path) -> None:
    draft = tmp_path / "a.draft.json"
    first = Session()
    first.lock(draft)
    session_mod._LIVE_SESSIONS.discard(first.id)  # its window died without closing
    assert Session().lock(draft) is None


def test_changed_on_disk_compares_with_what_the_session_read(tmp_path: Path) -> None:
    draft = tmp_path / "a.draft.json"
    session = Session()
    session.remember_disk(draft, save_draft(Report(title="读入时"), draft))
    assert not session.changed_on_disk(draft)
    save_draft(Report(title="别的窗口保存的"), draft)
    assert session.changed_on_disk(draft)
    assert not session.changed_on_disk(tmp_path / "another.draft.json")
    draft.unlink()
    assert not session.changed_on_disk(draft)  # nothing there to overwrite
