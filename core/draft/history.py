"""Version history of each draft: a timestamped copy at every save.

Copies live in ``data_dir()/history/<draft key>/`` (the key is the draft's full path, see
:func:`core.draft.locks.draft_key`), named ``YYYYMMDD-HHMMSS-ffffff.draft.json`` so the
name is the time. Kept: the last :data:`KEEP_LAST` saves, and the newest save of each of
the last :data:`KEEP_DAYS` days. Each copy is written atomically (complete or absent), and is
a real copy, not a hard link: another program editing the draft in place (Notepad does)
must not change a version in the history.

Every export also keeps the draft exactly as sent, in ``sent/<identifier>.draft.json`` of
the same folder; the exported .docx names the identifier (core.render.sent_mark), and the
review merges against it. Kept per draft: the newest :data:`KEEP_SENT` exports, and every
export a reviewed copy the draft has taken in was made from (its review record names it:
that copy may be imported again months later); older ones go at the next export.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import json
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from core.base.atomic import atomic_write_bytes, atomic_write_text
from core.base.errors import ReportError
from core.base.paths import data_dir
from core.draft.draft_file import DRAFT_SUFFIX, dumps, load_draft
from core.draft.locks import draft_key
from core.draft.model import Report, Section
from core.draft.reviews import ReviewRecord, review_events

KEEP_LAST = 20
KEEP_DAYS = 30
KEEP_SENT = 30
_STAMP = "%Y%m%d-%H%M%S-%f"
_ABOUT = "draft.json"  # which draft a folder belongs to, for people looking at the folder


@dataclass(frozen=True)
class Version:
    file: Path
    saved_at: dt.datetime

    @property
    def label(self) -> str:
        t = self.saved_at
        return f"{t.year}年{t.month}月{t.day}日 {t:%H:%M:%S}"

    def load(self) -> Report:
        return load_draft(self.file)


def history_dir(draft_path: Path | str) -> Path:
    return data_dir() / "history" / draft_key(draft_path)


def _parse_stamp(file: Path) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(file.name[: -len(DRAFT_SUFFIX)], _STAMP)
    except ValueError:
        return None


def list_versions(draft_path: Path | str) -> list[Version]:
    """Saved versions of a draft, newest first."""
    folder = history_dir(draft_path)
    if not folder.is_dir():
        return []
    versions = []
    for file in folder.glob(f"*{DRAFT_SUFFIX}"):
        stamp = _parse_stamp(file)
        if stamp is not None:
            versions.append(Version(file, stamp))
    return sorted(versions, key=lambda v: v.saved_at, reverse=True)


def versions_to_keep(versions: list[Version], now: dt.datetime) -> set[Path]:
    """The last KEEP_LAST saves, plus the newest save of each of the last KEEP_DAYS days."""
    newest_first = sorted(versions, key=lambda v: v.saved_at, reverse=True)
    keep = {v.file for v in newest_first[:KEEP_LAST]}
    first_day = (now - dt.timedelta(days=KEEP_DAYS - 1)).date()
    seen_days: set[dt.date] = set()
    for version in newest_first:
        day = version.saved_at.date()
        if day >= first_day and day not in seen_days:
            seen_days.add(day)
            keep.add(version.file)
    return keep


def record_version(draft_path: Path | str, now: dt.datetime | None = None) -> Version:
    """Keep a copy of the draft as just saved, and prune old copies. Raises SaveFailed."""
    now = now or dt.datetime.now()
    folder = history_dir(draft_path)
    folder.mkdir(parents=True, exist_ok=True)
    about = folder / _ABOUT
    if not about.exists():
        atomic_write_text(about, json.dumps({"draft_path": str(Path(draft_path).resolve())}, ensure_ascii=False))
    target = folder / f"{now.strftime(_STAMP)}{DRAFT_SUFFIX}"
    try:
        data = Path(draft_path).read_bytes()
    except OSError as exc:
        from core.base.errors import SaveFailed

        raise SaveFailed(draft_path, f"读取失败（{exc.strerror or exc}）。") from exc
    atomic_write_bytes(target, data)
    versions = list_versions(draft_path)
    keep = versions_to_keep(versions, now)
    for version in versions:
        if version.file not in keep:
            with contextlib.suppress(OSError):
                version.file.unlink()
    return Version(target, now)


SENT_FOLDER = "sent"
_UNSAVED = "unsaved"  # drafts exported before they were ever saved
_SENT_ID = re.compile(r"[0-9a-f]{32}")


def record_sent(report: Report, draft_path: Path | str | None) -> str:
    """Keep ``report`` as it is being exported; return the identifier the export carries.
    The same draft exported again unchanged keeps the identifier it had (and so the same
    file). Older exports beyond what :func:`sent_to_keep` keeps are removed. Raises
    SaveFailed when the copy cannot be written."""
    owner = history_dir(draft_path) if draft_path else data_dir() / "history" / _UNSAVED
    folder = owner / SENT_FOLDER
    text = dumps(report)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        kept = _sent_newest_first(folder)
        if kept and kept[0].read_text(encoding="utf-8") == text:
            return kept[0].name[: -len(DRAFT_SUFFIX)]
    except OSError as exc:
        from core.base.errors import SaveFailed

        raise SaveFailed(folder, f"无法读写导出记录（{exc.strerror or exc}）。") from exc
    # The time first, so that exports made within the file system's time resolution still
    # sort in the order made; the rest random, so that no two machines make the same one.
    sent_id = f"{time.time_ns():016x}{uuid.uuid4().hex[:16]}"
    atomic_write_text(folder / f"{sent_id}{DRAFT_SUFFIX}", text)
    files = [folder / f"{sent_id}{DRAFT_SUFFIX}", *kept]
    keep = sent_to_keep(files, {record.sent_id for record in report.reviews if record.sent_id})
    for file in files:
        if file not in keep:
            with contextlib.suppress(OSError):
                file.unlink()
    return sent_id


def _sent_newest_first(folder: Path) -> list[Path]:
    """The kept exports of one draft, newest first (by time written, then by identifier)."""
    stamped = []
    for file in folder.glob(f"*{DRAFT_SUFFIX}"):
        with contextlib.suppress(OSError):  # gone meanwhile
            stamped.append((file.stat().st_mtime_ns, file.name, file))
    return [file for *_key, file in sorted(stamped, reverse=True)]


def sent_to_keep(newest_first: list[Path], named: set[str]) -> set[Path]:
    """The newest KEEP_SENT exports, and those a review record names (``named``)."""
    keep = set(newest_first[:KEEP_SENT])
    return keep | {file for file in newest_first if file.name[: -len(DRAFT_SUFFIX)] in named}


def sent_file(sent_id: str) -> Path | None:
    """The kept copy of the draft an export with this identifier was made from, if any."""
    if not _SENT_ID.fullmatch(sent_id):  # the identifier comes from a file: never a path
        return None
    return next((data_dir() / "history").glob(f"*/{SENT_FOLDER}/{sent_id}{DRAFT_SUFFIX}"), None)


def load_sent(sent_id: str) -> Report | None:
    """The draft as it was exported under ``sent_id``; None when unknown or unreadable."""
    file = sent_file(sent_id)
    if file is None:
        return None
    try:
        return load_draft(file)
    except ReportError:
        return None


def forget_sent(sent_id: str) -> None:
    """Drop a kept copy whose export failed (nothing was sent)."""
    file = sent_file(sent_id)
    if file is not None:
        with contextlib.suppress(OSError):
            file.unlink()


def version_events(versions: list[Version]) -> dict[Path, list[str]]:
    """What each saved version (newest first) records that the one before it did not:
    "审阅稿（李主任，7月12日）已处理". A version that cannot be read says nothing."""
    records: list[list[ReviewRecord] | None] = []
    for version in versions:
        try:
            records.append(version.load().reviews)
        except ReportError:
            records.append(None)
    events: dict[Path, list[str]] = {}
    for position, version in enumerate(versions):
        newer = records[position]
        older = next((r for r in records[position + 1 :] if r is not None), [])
        events[version.file] = review_events(older, newer) if newer is not None else []
    return events


# ---- comparing a version with the current draft ---------------------------------------------


@dataclass(frozen=True)
class Change:
    """One part of the report that differs: what it is called, and its lines old → new."""

    title: str
    kind: str  # "added" | "removed" | "changed"
    lines: list[str]  # "- old line" / "+ new line" / "  same line"


def _section_text(section: Section) -> list[str]:
    lines = [f"标题：{section.heading}"] if section.heading else []
    lines += section.body
    lines += [f"要点{i}：{p.text}" for i, p in enumerate(section.points, 1)]
    lines += section.tail
    lines += [f"审阅批注：{n}" + ("（已处理）" if n in section.handled_notes else "") for n in section.notes]
    return lines


def _report_text(report: Report) -> list[str]:
    pairs = [("标题", report.title), ("副标题", report.subtitle), ("发文单位", report.unit),
             ("年度", str(report.year or "")), ("成文日期", report.date), ("署名", report.signature)]
    lines = [f"{name}：{value}" for name, value in pairs if value]
    lines += [f"开头：{p}" for p in report.opening]
    lines += [f"结尾：{p}" for p in report.closing]
    lines += [record.label for record in report.reviews]
    return lines


def _diff(old: list[str], new: list[str]) -> list[str]:
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            out += [f"  {line}" for line in old[i1:i2]]
        else:
            out += [f"- {line}" for line in old[i1:i2]]
            out += [f"+ {line}" for line in new[j1:j2]]
    return out


def compare(old: Report, new: Report) -> list[Change]:
    """What changed from ``old`` (a version) to ``new`` (the current draft), part by part,
    in the current draft's reading order; sections are matched by their identity, so a
    renamed heading is a change of that section, not a removal and an addition."""
    changes: list[Change] = []
    if _report_text(old) != _report_text(new):
        changes.append(Change("报告信息", "changed", _diff(_report_text(old), _report_text(new))))
    old_sections = {s.id: s for _, s in old.walk()}
    new_ids = set()
    for _, section in new.walk():
        new_ids.add(section.id)
        name = section.heading or "（无标题的部分）"
        before = old_sections.get(section.id)
        if before is None:
            changes.append(Change(name, "added", [f"+ {line}" for line in _section_text(section)]))
        elif _section_text(before) != _section_text(section):
            changes.append(Change(name, "changed", _diff(_section_text(before), _section_text(section))))
    for _, section in old.walk():
        if section.id not in new_ids:
            name = section.heading or "（无标题的部分）"
            changes.append(Change(name, "removed", [f"- {line}" for line in _section_text(section)]))
    return changes


__all__ = ["KEEP_DAYS", "KEEP_LAST", "KEEP_SENT", "Change", "Version", "compare", "forget_sent", "history_dir",
           "list_versions", "load_sent", "record_sent", "record_version", "replace_draft", "save_and_keep", "sent_file",
           "sent_to_keep", "versions_to_keep"]


def replace_draft(report: Report, path: Path | str) -> str:
    """Save ``report`` as the draft at ``path``, which may hold another draft: that one goes
    into the history first, because ``.bak`` keeps only one version and a second replace
    (the same command run again) would lose it. Returns what to tell the clerk ("" when
    nothing was replaced); raises SaveFailed as :func:`save_and_keep` does."""
    from core.base.errors import SaveFailed
    from core.draft.draft_file import check_draft_target

    path = Path(path)
    check_draft_target(path)  # never a non-draft into the history, nor over it
    existed, kept = path.is_file(), False
    if existed:
        with contextlib.suppress(SaveFailed, OSError):
            record_version(path)
            kept = True
    _sha, note = save_and_keep(report, path)
    if not existed:
        return note
    where = "，并记入它的历史版本（在窗口中打开它，选“文件 ▸ 历史版本…”）" if kept else ""
    return f"原有同名草稿已备份为 {path.name}.bak{where}。{note}"


def save_and_keep(report: Report, path: Path | str) -> tuple[str, str]:
    """Save the draft (atomically, keeping ``.bak``) and add the saved file to its history.

    Returns the SHA-256 of what was written and a note for the clerk ("" when all went
    well); raises SaveFailed when the draft itself could not be saved (nothing replaced).
    """
    from core.base.errors import SaveFailed
    from core.draft.draft_file import save_draft

    sha = save_draft(report, path)
    try:
        record_version(path)
    except (SaveFailed, OSError) as exc:
        return sha, f"草稿已保存，但未能记入历史版本（{exc}）。"
    return sha, ""
