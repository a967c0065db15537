"""The edit journal: exact replay, torn records after a kill, and its place beside the autosave."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.draft import session as session_mod
from core.draft.draft_file import load_draft, save_draft
from core.draft.journal import (
    JournalWriter,
    frame,
    full_record,
    read_records,
    replay,
    report_record,
    section_record,
)
from core.draft.model import Point, Report, Section, to_dict
from core.draft.session import Session, discard_autosave, find_recoverable


def _report() -> Report:
    child = Section(heading="（一）党建工作", body=["原有正文。"], points=[Point("一是原有要点")])
    return Report(title="2024年工作总结", year=2024, unit="某局",
                  sections=[Section(heading="一、主要工作", body=["总述。"], children=[child]),
                            Section(heading="二、下步打算", body=[])])


def _crash(session: Session) -> None:
    """What a SIGKILL leaves: the files stay, the session is no longer alive."""
    session_mod._LIVE_SESSIONS.discard(session.id)


def test_section_edits_replay_exactly_over_the_autosave() -> None:
    report = _report()
    session = Session()
    session.start_journal(None, report.title)
    session.autosave(report, None)
    child = report.sections[0].children[0]
    for text in ("原有正文。新", "原有正文。新增", "原有正文。新增一句。"):
        child.body[0] = text
        session.journal([section_record(child)])
    report.title = "2024年度工作总结"
    child.points[0].text = "一是改过的要点"
    session.journal([report_record(report), section_record(child)])
    _crash(session)

    [found] = find_recoverable()
    assert found.journal == session.journal_file
    assert to_dict(found.load()) == to_dict(report)


def test_structural_edit_is_a_full_record_and_later_sections_apply_to_it() -> None:
    report = _report()
    session = Session()
    session.start_journal(None, report.title)
    session.autosave(report, None)
    added = Section(heading="三、其他", body=["新部分。"])
    report.sections.append(added)
    session.journal([full_record(report)])
    added.body = ["新部分。补充。"]
    session.journal([section_record(added)])
    _crash(session)
    assert to_dict(find_recoverable()[0].load()) == to_dict(report)


def test_records_already_in_the_autosave_are_skipped() -> None:
    # Killed after the autosave was written but before the journal was emptied.
    report = _report()
    session = Session()
    session.start_journal(None, report.title)
    session.autosave(report, None)
    report.sections[1].body = ["先写的。"]
    session.journal([section_record(report.sections[1])])
    stale_journal = session.journal_file.read_bytes()
    report.sections[1].body = ["先写的。后来又删改过。"]
    session.journal([section_record(report.sections[1])])
    session.autosave(report, None)  # contains both edits, empties the journal
    session.journal_file.write_bytes(stale_journal)  # as if emptying had not happened
    _crash(session)
    assert find_recoverable()[0].load().sections[1].body == ["先写的。后来又删改过。"]


def test_journal_without_autosave_replays_over_the_draft_file(tmp_path: Path) -> None:
    draft = tmp_path / "a.draft.json"
    report = _report()
    sha = save_draft(report, draft)
    session = Session()
    session.remember_disk(draft, sha)
    session.start_journal(draft, report.title)
    report.sections[1].body = ["打开后输入的。"]
    session.journal([section_record(report.sections[1])])
    _crash(session)
    [found] = find_recoverable()
    assert not found.file.exists()
    recovered, notes = found.load_with_notes()
    assert recovered.sections[1].body == ["打开后输入的。"]
    assert notes == []

    # The draft file changed after the crash: the edit is still put back, with a warning.
    other = load_draft(draft)
    other.title = "别处改过"
    save_draft(other, draft)
    recovered, notes = found.load_with_notes()
    assert recovered.title == "别处改过"
    assert recovered.sections[1].body == ["打开后输入的。"]
    assert notes == ["草稿文件在程序意外关闭后又被修改过；未保存的修改已按各部分补回，请仔细核对。"]

    # ...and if the edited part was deleted there, the clerk is told that edit is missing.
    save_draft(_report(), draft)
    recovered, notes = found.load_with_notes()
    assert notes[-1] == "有 1 处修改所在的部分已不存在，未能补回。"


def test_opened_but_never_edited_is_not_offered(tmp_path: Path) -> None:
    session = Session()
    session.start_journal(tmp_path / "a.draft.json", "x")
    session.journal([])  # nothing to write: no journal file
    _crash(session)
    assert find_recoverable() == []


def test_clean_close_and_discard_remove_the_journal() -> None:
    report = _report()
    session = Session()
    session.start_journal(None, report.title)
    session.autosave(report, None)
    session.journal([section_record(report.sections[0])])
    assert session.journal_file.exists()
    session.close()
    assert not session.journal_file.exists() and not session.autosave_file.exists()

    crashed = Session()
    crashed.start_journal(None, report.title)
    crashed.autosave(report, None)
    crashed.journal([section_record(report.sections[0])])
    _crash(crashed)
    [found] = find_recoverable()
    discard_autosave(found)
    assert find_recoverable() == []
    assert not crashed.journal_file.exists()


def test_a_damaged_line_ends_the_replay_without_error(tmp_path: Path) -> None:
    path = tmp_path / "j.journal"
    lines = [frame({"seq": i, "op": "report", "fields": {"title": f"第{i}版"}}) for i in range(1, 4)]
    damaged = bytearray(lines[1])
    damaged[15] ^= 0x01  # one flipped bit inside the second record
    path.write_bytes(lines[0] + bytes(damaged) + lines[2])
    assert [r["seq"] for r in read_records(path)] == [1]


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(min_value=0, max_value=10_000))
def test_any_torn_tail_replays_to_a_prefix_of_the_edits(cut: int) -> None:
    # A kill can stop the last write anywhere: what is read back is always the state
    # after some whole number of edits, never an error or a half edit.
    import tempfile

    folder = Path(tempfile.mkdtemp())
    report = _report()
    writer = JournalWriter(folder / "j.journal", {"session": "s"}, background_sync=False)
    states = [to_dict(report)]
    for i in range(8):
        report.sections[0].body = [f"第{i}次修改，" + "字" * (i * 37)]
        writer.append([section_record(report.sections[0])])
        states.append(to_dict(report))
    writer.close(delete=False)
    data = (folder / "j.journal").read_bytes()
    (folder / "j.journal").write_bytes(data[: cut % (len(data) + 1)])
    result = replay(states[0], read_records(folder / "j.journal"))
    assert result.report in states


def test_fsync_happens_in_the_background_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Typing never waits for the disk: the GUI thread writes, another thread fsyncs.
    synced = threading.Event()
    threads: list[str] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        threads.append(threading.current_thread().name)
        real_fsync(fd)
        synced.set()

    monkeypatch.setattr(os, "fsync", spy)
    writer = JournalWriter(tmp_path / "j.journal", {"session": "s"})
    writer.append([{"op": "report", "fields": {"title": "x"}}])
    assert synced.wait(60)  # ends at the first fsync (the sync thread runs every second)
    writer.close(delete=True)
    assert threads[0] == "journal-fsync"


def test_autosave_notes_which_journal_records_it_contains() -> None:
    session = Session()
    report = _report()
    session.start_journal(None, report.title)
    session.journal([section_record(report.sections[0])])
    session.autosave(report, None)
    payload = json.loads(session.autosave_file.read_text(encoding="utf-8"))
    assert payload["journal_seq"] == 2  # the header is record 1
    assert not session.journal_file.exists()
    session.close()
