"""An export the clerk cancels stops LibreOffice at once and writes nothing; no soffice is
left behind, not even when the app ends mid-conversion; the profile an export leaves for
the next one keeps the offline settings."""

from __future__ import annotations

import os
import re
import stat
import sys
import time
from pathlib import Path

import psutil
import pytest

from core.base.errors import Cancelled
from core.office import libreoffice, offline
from core.render import render_report
from core.render.pdf import render_pdf
from tests.core.gongwen_samples import imprinted_report

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the fake soffice is a POSIX shell script")


def _hanging_soffice(tmp_path: Path) -> tuple[str, Path]:
    """A stand-in for soffice that starts a child (soffice.bin in real life) and waits for it."""
    pid_file = tmp_path / "child.pid"
    path = tmp_path / "fake-soffice"
    path.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > '{pid_file}.part' && mv '{pid_file}.part' '{pid_file}'\nwait\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path), pid_file


def _gone(pid: int) -> bool:
    """Killed: at most a zombie nobody has reaped yet. (Polled while the kernel finishes the
    kill: up to a minute on a busy machine, milliseconds as a rule; not a measure of speed.)"""
    for _ in range(1200):
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.05)
    os.kill(pid, 9)
    return False


@posix_only
@pytest.mark.parametrize("export", [render_report, render_pdf], ids=["word", "pdf"])
def test_cancelling_stops_libreoffice_and_leaves_the_old_file_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, export: object
) -> None:
    fake, pid_file = _hanging_soffice(tmp_path)
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: fake)
    folder = tmp_path / "导出"
    folder.mkdir()
    target = folder / ("报告.docx" if export is render_report else "报告.pdf")
    target.write_bytes(b"the clerk's earlier export")
    def cancelled() -> bool:  # the clerk clicks 取消 once LibreOffice is running
        return pid_file.exists()

    with pytest.raises(Cancelled):  # (the stand-in would take 300 s: only the cancel ends it)
        export(imprinted_report(), target, cancelled=cancelled)  # type: ignore[operator]
    assert _gone(int(pid_file.read_text())), "LibreOffice's child survived the cancel"
    assert target.read_bytes() == b"the clerk's earlier export"
    assert sorted(p.name for p in folder.iterdir()) == [target.name]  # no temp file, no （上一版）
    assert not libreoffice._RUNNING


@posix_only
def test_a_conversion_still_running_when_the_app_ends_is_killed(tmp_path: Path) -> None:
    fake, pid_file = _hanging_soffice(tmp_path)
    run = libreoffice.start_soffice(fake, [tmp_path / "a.docx"], tmp_path, tmp_path / "profile", "pdf")
    for _ in range(3000):  # until the stand-in has started its child
        if pid_file.exists():
            break
        time.sleep(0.02)
    libreoffice._stop_running_conversions()  # what atexit runs
    assert run.process.returncode is not None
    assert _gone(int(pid_file.read_text()))
    libreoffice.stop_soffice(run)
    assert not libreoffice._RUNNING


def _as_libreoffice_rewrites_it(profile: Path, tampered: bool = False) -> None:
    """The registry as LibreOffice writes it back after a run: no types, its own entries
    too, and none for parts this LibreOffice lacks (here: the update check)."""
    items = [
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop></item>'
        for path, name, _, value in offline._SETTINGS
        if name != "AutoCheckEnabled"
    ]
    items.append('<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse">'
                 "<value>false</value></prop></item>")
    text = '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items>\n' + "\n".join(items) + "\n</oor:items>\n"
    if tampered:
        text = text.replace(">3</value>", ">0</value>").replace("DisableMacrosExecution\" oor:op=\"fuse\"><value>true",
                                                               "DisableMacrosExecution\" oor:op=\"fuse\"><value>false")
    (profile / "user" / "registrymodifications.xcu").write_text(text, encoding="utf-8")
    (profile / "user" / "extensions").mkdir(exist_ok=True)  # something LibreOffice set up


def _settings(profile: Path) -> dict[str, str]:
    registry = (profile / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    found = re.findall(r'<prop oor:name="(\w+)" oor:op="fuse"[^>]*><value>([^<]*)</value>', registry)
    return {name: value for name, value in found if name != "FirstRun"}


def test_a_warm_profile_is_a_copy_with_the_offline_settings_written_back(tmp_path: Path) -> None:
    wanted = {name: value for _, name, _, value in offline._SETTINGS}
    offline.forget_warm_profile()
    try:
        first = tmp_path / "first"
        offline.prepare_profile(first, warm=True)  # nothing kept yet: the seeded settings alone
        assert sorted(p.name for p in (first / "user").iterdir()) == ["registrymodifications.xcu"]
        _as_libreoffice_rewrites_it(first)
        offline.keep_warm_profile(first)
        kept = offline._warm_profile
        assert kept is not None and not first.exists()  # taken over, not copied

        second = tmp_path / "second"
        offline.prepare_profile(second, warm=True)
        assert (second / "user" / "extensions").is_dir()  # a copy of the set-up profile
        assert _settings(second) == wanted  # the update check's setting back in, each once
        offline.prepare_profile(tmp_path / "import", warm=False)  # imports always start from nothing
        assert not (tmp_path / "import" / "user" / "extensions").exists()

        _as_libreoffice_rewrites_it(kept, tampered=True)  # macros allowed in the kept profile
        third = tmp_path / "third"
        offline.prepare_profile(third, warm=True)
        assert _settings(third) == wanted
        (kept / "user" / "registrymodifications.xcu").unlink()  # unreadable: never used
        fourth = tmp_path / "fourth"
        offline.prepare_profile(fourth, warm=True)
        assert not (fourth / "user" / "extensions").exists()
        assert (fourth / "user" / "registrymodifications.xcu").read_text(encoding="utf-8") == (
            offline.registry_modifications()
        )
    finally:
        offline.forget_warm_profile()
    assert not kept.parent.exists()


def test_the_next_sitting_starts_from_the_cached_profile_with_the_offline_settings(tmp_path: Path) -> None:
    """The first kept profile is also copied to the per-user cache (BAOGAO_HOME here): the
    first export of the next sitting starts from it, settings written back; the first ever
    (nothing cached) and a cache without a registry start from nothing."""
    wanted = {name: value for _, name, _, value in offline._SETTINGS}
    offline.forget_warm_profile(across_sittings=True)
    try:
        first = tmp_path / "first"
        offline.prepare_profile(first, warm=True)
        assert sorted(p.name for p in (first / "user").iterdir()) == ["registrymodifications.xcu"]  # first ever
        _as_libreoffice_rewrites_it(first)
        offline.keep_warm_profile(first)
        cached = offline._cached_profile()
        assert (cached / "user" / "extensions").is_dir()  # a copy in the cache, whole
        assert [p.name for p in cached.parent.iterdir()] == ["profile"]  # no partial copy left beside it

        offline.forget_warm_profile()  # the app started anew: a new sitting
        _as_libreoffice_rewrites_it(cached, tampered=True)  # macros allowed in the cached profile
        second = tmp_path / "second"
        offline.prepare_profile(second, warm=True)
        assert (second / "user" / "extensions").is_dir()  # from the cache
        assert _settings(second) == wanted
        offline.prepare_profile(tmp_path / "import", warm=False)  # imports always start from nothing
        assert not (tmp_path / "import" / "user" / "extensions").exists()

        (cached / "user" / "registrymodifications.xcu").unlink()  # unusable: never used
        third = tmp_path / "third"
        offline.prepare_profile(third, warm=True)
        assert not (third / "user" / "extensions").exists()

        offline.forget_warm_profile(across_sittings=True)  # the first export ever, again
        assert not cached.exists()
    finally:
        offline.forget_warm_profile(across_sittings=True)


@posix_only
@pytest.mark.parametrize("exit_code", [0, 1])
def test_a_conversion_failing_on_its_own_drops_the_cached_profile(tmp_path: Path, exit_code: int) -> None:
    """LibreOffice ending in an error from a copy of a kept profile may be the profile's
    fault: the cache is dropped, so the next sitting starts from nothing. Ending well keeps it."""
    offline.forget_warm_profile(across_sittings=True)
    try:
        set_up = tmp_path / "set-up"
        offline.prepare_profile(set_up, warm=True)
        _as_libreoffice_rewrites_it(set_up)
        offline.keep_warm_profile(set_up)
        offline.forget_warm_profile()  # a new sitting: the cached profile is the only one kept
        fake = tmp_path / "fake-soffice"
        fake.write_text(f"#!/bin/sh\nexit {exit_code}\n", encoding="utf-8")
        fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
        run = libreoffice.start_soffice(str(fake), [tmp_path / "a.docx"], tmp_path, tmp_path / "run", "pdf", warm=True)
        assert (tmp_path / "run" / "user" / "extensions").is_dir()  # started from the cached copy
        libreoffice.finish_soffice(run, 60)
        assert offline._cached_profile().is_dir() == (exit_code == 0)
    finally:
        offline.forget_warm_profile(across_sittings=True)
