"""Version history: a copy per save, what is kept, and a readable comparison."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from core.draft.draft_file import load_draft, save_draft
from core.draft.history import (
    KEEP_LAST,
    Change,
    Version,
    compare,
    history_dir,
    list_versions,
    load_sent,
    record_sent,
    record_version,
    save_and_keep,
    versions_to_keep,
)
from core.draft.model import Point, Report, Section


def test_every_save_adds_a_version_newest_first(tmp_path: Path) -> None:
    draft = tmp_path / "总结.draft.json"
    report = Report(title="第一版")
    for title in ("第一版", "第二版", "第三版"):
        report.title = title
        save_and_keep(report, draft)
    versions = list_versions(draft)
    assert [v.load().title for v in versions] == ["第三版", "第二版", "第一版"]
    assert all(v.file.parent == history_dir(draft) for v in versions)
    # Each version is its own complete file: the next save does not change it.
    assert versions[1].file.read_bytes() != draft.read_bytes()


def test_history_follows_the_draft_file_not_its_title(tmp_path: Path) -> None:
    a, b = tmp_path / "a.draft.json", tmp_path / "b.draft.json"
    save_and_keep(Report(title="同名"), a)
    save_and_keep(Report(title="同名"), b)
    assert len(list_versions(a)) == 1 and len(list_versions(b)) == 1
    assert history_dir(a) != history_dir(b)


def _versions(times: list[dt.datetime]) -> list[Version]:
    return [Version(Path(f"{t:%Y%m%d-%H%M%S}.draft.json"), t) for t in times]


def test_keeps_last_20_saves_and_one_per_day_for_30_days() -> None:
    now = dt.datetime(2026, 11, 22, 18, 0)
    # 40 days, three saves each (9:00, 12:00, 17:00), plus 25 saves today.
    times = [dt.datetime(2026, 10, 14 + d, h) if 14 + d <= 31 else dt.datetime(2026, 11, 14 + d - 31, h)
             for d in range(39) for h in (9, 12, 17)]
    times += [dt.datetime(2026, 11, 22, 17, m) for m in range(25)]
    versions = _versions(times)
    kept = versions_to_keep(versions, now)
    by_file = {v.file: v.saved_at for v in versions}
    kept_times = sorted(by_file[f] for f in kept)
    # The 20 newest are all today's.
    assert sorted(times)[-KEEP_LAST:] == [t for t in kept_times if t.date() == now.date()]
    # One per earlier day, the day's last save, back to 29 days ago; nothing older.
    earlier = [t for t in kept_times if t.date() != now.date()]
    assert earlier == [dt.datetime.combine(now.date() - dt.timedelta(days=d), dt.time(17)) for d in range(29, 0, -1)]


def test_old_versions_are_pruned_on_save(tmp_path: Path) -> None:
    draft = tmp_path / "a.draft.json"
    save_draft(Report(title="x"), draft)
    start = dt.datetime(2026, 11, 1, 9, 0)
    for i in range(30):
        record_version(draft, now=start + dt.timedelta(minutes=i))
    assert len(list_versions(draft)) == KEEP_LAST


def test_compare_names_each_changed_part_in_reading_order() -> None:
    keep = Section(heading="一、主要工作", body=["原来的总述。"])
    renamed = Section(heading="二、存在问题", body=["问题一。"])
    dropped = Section(heading="三、旧的一节", body=["将被删除。"])
    old = Report(title="2024年工作总结", sections=[keep, renamed, dropped])
    new = load_draft_copy(old)
    new.title = "2024年度工作总结"
    new.sections[0].body = ["原来的总述。", "新加的一段。"]
    new.sections[1].heading = "二、问题与不足"
    new.sections[1].points = [Point("人手紧张")]
    del new.sections[2]
    new.sections.append(Section(heading="三、下步打算", body=["继续努力。"]))
    assert compare(old, new) == [
        Change("报告信息", "changed", ["- 标题：2024年工作总结", "+ 标题：2024年度工作总结"]),
        Change("一、主要工作", "changed", ["  标题：一、主要工作", "  原来的总述。", "+ 新加的一段。"]),
        Change("二、问题与不足", "changed",
               ["- 标题：二、存在问题", "+ 标题：二、问题与不足", "  问题一。", "+ 要点1：人手紧张"]),
        Change("三、下步打算", "added", ["+ 标题：三、下步打算", "+ 继续努力。"]),
        Change("三、旧的一节", "removed", ["- 标题：三、旧的一节", "- 将被删除。"]),
    ]
    assert compare(old, load_draft_copy(old)) == []


def load_draft_copy(report: Report) -> Report:
    from core.draft.model import report_from_dict, to_dict

    return report_from_dict(to_dict(report))


def test_a_version_is_readable_after_the_draft_is_deleted(tmp_path: Path) -> None:
    draft = tmp_path / "a.draft.json"
    save_and_keep(Report(title="留底"), draft)
    draft.unlink()
    [version] = list_versions(draft)
    assert load_draft(version.file).title == "留底"


def test_sent_versions_keep_the_newest_and_those_a_review_names(tmp_path: Path, monkeypatch: Any) -> None:
    """Five exports with KEEP_SENT 3: the two oldest go, except the first, which a reviewed
    copy the draft has taken in was made from. The same draft exported again unchanged adds
    nothing."""
    import core.draft.history as history
    from core.draft.reviews import ReviewRecord, record_from_dict, record_to_dict

    monkeypatch.setattr(history, "KEEP_SENT", 3)
    draft = tmp_path / "报告.draft.json"
    report = Report(title="某某局2025年工作总结")
    save_draft(report, draft)
    ids = []
    for k in range(5):
        report.opening = [f"第{k}稿。"]
        ids.append(record_sent(report, draft))
        if k == 0:
            report.reviews = [ReviewRecord("审阅稿.docx", "ab" * 32, sent_id=ids[0])]
    assert record_sent(report, draft) == ids[-1]
    assert ids == sorted(ids) and len(set(ids)) == 5  # the identifiers sort in the order made
    folder = history.history_dir(draft) / history.SENT_FOLDER
    assert sorted(f.name for f in folder.iterdir()) == sorted(f"{i}.draft.json" for i in (ids[0], *ids[2:]))
    assert load_sent(ids[1]) is None
    assert load_sent(ids[0]).opening == ["第0稿。"]  # type: ignore[union-attr]
    assert [load_sent(i).opening for i in ids[2:]] == [["第2稿。"], ["第3稿。"], ["第4稿。"]]  # type: ignore[union-attr]
    # The record keeps the identifier in the draft file (older files without it read as "").
    record = report.reviews[0]
    assert record_from_dict(record_to_dict(record)) == record
    assert "sent_id" not in record_to_dict(ReviewRecord("a.docx", "cd" * 32))


def test_a_reviewed_copy_imported_three_ways_names_its_export(tmp_path: Path) -> None:
    from core.review.merge import review_copy
    from core.review.progress import start_record
    from core.review.revisions import read_reviewed
    from tests.core.review_builders import (
        document_xml,
        edit_run,
        exported_draft,
        sample_report,
        write_reviewed,
    )

    report = sample_report()
    _draft, exported = exported_draft(report, tmp_path)
    xml = edit_run(document_xml(exported), "市委办公室：", "市政府办公室：")
    document = read_reviewed(write_reviewed(exported, tmp_path / "审阅.docx", xml))
    result = review_copy(report, document)
    assert result.three_way and result.sent_id == document.sent_id != ""
    assert start_record(report, result, "审阅.docx", "ef" * 32).sent_id == document.sent_id
