"""Older formats through LibreOffice: real .doc/.rtf/.odt files when soffice is installed,
and clear messages when it is missing, hangs, or fails."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from core.base.errors import ImportFailed
from core.importing.readers import read_paragraphs
from core.office import libreoffice
from tests.docx_builders import auto_numbered_from_typed, write_auto_numbered_docx

TYPED = [
    "关于2022年工作要点",
    "一、总体要求",
    "（一）加强党的建设。全面推进。",
    "1.持续推进",
    "2.提质增效",
    "二、主要任务",
    "正文段落。",
]


def handwritten_rtf(path: Path, paragraphs: list[str]) -> Path:
    """RTF as WPS/Word write it for Chinese: ASCII file, other characters as \\uN?."""

    def escape(text: str) -> str:
        out = []
        for char in text:
            code = ord(char)
            if char in "\\{}":
                out.append("\\" + char)
            elif code < 128:
                out.append(char)
            else:
                out.append(f"\\u{code if code < 32768 else code - 65536}?")
        return "".join(out)

    body = "".join(f"\\pard {escape(p)}\\par\n" for p in paragraphs)
    path.write_text(
        "{\\rtf1\\ansi\\ansicpg936\\uc1{\\fonttbl{\\f0 SimSun;}}\\f0\n" + body + "}", encoding="ascii"
    )
    return path


@pytest.fixture(scope="module")
def soffice() -> str:
    found = libreoffice.find_soffice()
    if found is None:
        pytest.skip("LibreOffice（soffice）未安装：无法生成和转换 .doc 文件")
    return found


@pytest.fixture(scope="module")
def legacy_files(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same report as .doc and .odt, each made by LibreOffice from a .docx with Word
    automatic numbering (so the numbers must survive the conversion both ways), and as
    an RTF written by hand with typed numbers (LibreOffice's RTF export garbles "、" in
    list labels, so its RTF output is no reference)."""
    folder = tmp_path_factory.mktemp("legacy")
    source = write_auto_numbered_docx(folder / "report.docx", auto_numbered_from_typed(TYPED))
    profile = (folder / "profile").as_uri()
    files = {"rtf": handwritten_rtf(folder / "report.rtf", TYPED)}
    for target in ("doc", "odt"):
        out = folder / target
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(out),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        files[target] = out / f"report.{target}"
        assert files[target].is_file()
    return files


@pytest.mark.timeout(180)
@pytest.mark.parametrize("kind", ["doc", "rtf", "odt"])
def test_converted_formats_read_like_the_original(legacy_files: dict[str, Path], kind: str) -> None:
    assert read_paragraphs(legacy_files[kind]) == TYPED


@pytest.mark.timeout(180)
def test_doc_with_chinese_name_and_wps_extension(legacy_files: dict[str, Path], tmp_path: Path) -> None:
    # WPS saves .wps in the same binary family; the copy in a private folder also keeps
    # Chinese names and spaces away from the soffice command line.
    renamed = tmp_path / "2022年 工作要点（定稿）.wps"
    renamed.write_bytes(legacy_files["doc"].read_bytes())
    assert read_paragraphs(renamed) == TYPED


@pytest.mark.timeout(180)
def test_old_doc_saved_under_a_docx_name_is_converted(legacy_files: dict[str, Path], tmp_path: Path) -> None:
    renamed = tmp_path / "报告.docx"
    renamed.write_bytes(legacy_files["doc"].read_bytes())
    assert read_paragraphs(renamed) == TYPED


@pytest.mark.timeout(180)
def test_damaged_doc_is_refused_after_conversion_fails(soffice: str, tmp_path: Path) -> None:
    broken = tmp_path / "损坏.doc"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)
    with pytest.raises(ImportFailed) as caught:
        read_paragraphs(broken)
    assert "损坏.doc" in str(caught.value)
    assert "另存为" in str(caught.value)


@pytest.mark.parametrize("name", ["旧报告.doc", "旧报告.wps", "旧报告.rtf", "旧报告.odt"])
def test_without_libreoffice_the_clerk_is_told_to_save_as_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: None)
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ImportFailed) as caught:
        read_paragraphs(path)
    message = str(caught.value)
    assert name in message
    assert "LibreOffice" in message and "另存为" in message and ".docx" in message


def _fake_soffice(tmp_path: Path, script: str) -> str:
    path = tmp_path / "fake-soffice"
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


@pytest.mark.skipif(sys.platform == "win32", reason="the fake soffice is a POSIX shell script")
def test_hanging_conversion_is_killed_with_its_children(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = tmp_path / "child.pid"
    fake = _fake_soffice(tmp_path, f"sleep 300 &\necho $! > '{pid_file}.part' && mv '{pid_file}.part' '{pid_file}'\nwait\n")
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: fake)
    monkeypatch.setattr(libreoffice, "CONVERT_TIMEOUT_S", 1.0)
    path = tmp_path / "卡住.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ImportFailed) as caught:
        read_paragraphs(path)  # the converter would sleep 300 s: only its time limit ends it
    assert "卡住.doc" in str(caught.value) and "超时" in str(caught.value)
    child = int(pid_file.read_text())
    # The grandchild (soffice.bin in real life) must be gone too, not left running: killed, it
    # is at most a zombie nobody has reaped yet. (Polled while the kernel finishes the kill:
    # up to a minute on a busy machine, a few milliseconds as a rule; not a measure of speed.)
    for _ in range(1200):
        if _gone(child):
            break
        time.sleep(0.05)
    else:
        os.kill(child, 9)
        pytest.fail("the converter's child process survived the timeout")


def _gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


@pytest.mark.skipif(sys.platform == "win32", reason="the fake soffice is a POSIX shell script")
def test_conversion_that_produces_nothing_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _fake_soffice(tmp_path, "exit 0\n")
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: fake)
    path = tmp_path / "空转换.rtf"
    path.write_text("{\\rtf1 hello}", encoding="ascii")
    with pytest.raises(ImportFailed) as caught:
        read_paragraphs(path)
    assert "空转换.rtf" in str(caught.value) and "RTF" in str(caught.value)


def test_find_soffice_prefers_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = _fake_soffice(tmp_path, "exit 0\n")
    link = tmp_path / "bin" / "soffice"
    link.parent.mkdir()
    shutil.copy(fake, link)
    link.chmod(0o755)
    monkeypatch.setenv("PATH", str(link.parent))
    assert libreoffice.find_soffice() == str(link)
