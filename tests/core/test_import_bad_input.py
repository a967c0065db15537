"""Bad input through the whole import (read + parse): a clear error naming the file, or a
correct parse, within 5 s of CPU — never a traceback or a hang."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from core.base.errors import ImportFailed
from core.importing.importer import ImportResult, import_document
from tests.cpu_budget import cpu_budget

LIMIT_CPU_SECONDS = 5.0


def timed_import(path: Path) -> ImportResult:
    with cpu_budget(LIMIT_CPU_SECONDS, f"importing {path.name}"):
        return import_document(path)


def make_zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b"a" * 300_000_000 + b">")
    return path


REFUSED = {
    "empty.txt": b"",
    "whitespace.txt": " \n\t\n\u3000\n".encode(),
    "binary.txt": bytes(range(256)) * 50,
    "png.docx": b"\x89PNG\r\n\x1a\n" + b"\x00\x01" * 500,
    "truncated.docx": None,  # built below
    "doctype.docx": None,
    "encrypted.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000,
    "unknown.xyz": "一、总体要求".encode(),
}


def build(name: str, tmp_path: Path) -> Path:
    path = tmp_path / name
    if name == "truncated.docx":
        from tests.docx_builders import write_typed_docx

        full = write_typed_docx(tmp_path / "full.docx", ["一、总体要求"] * 50).read_bytes()
        path.write_bytes(full[: len(full) // 2])
    elif name == "doctype.docx":
        laughs = '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", laughs + "<d>&b;</d>")
    else:
        path.write_bytes(REFUSED[name])
    return path


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_clear_error(name: str, tmp_path: Path) -> None:
    path = build(name, tmp_path)
    with pytest.raises(ImportFailed) as info:
        timed_import(path)
    assert path.name in str(info.value)


def test_zip_bomb(tmp_path: Path) -> None:
    path = make_zip_bomb(tmp_path / "bomb.docx")
    with pytest.raises(ImportFailed, match=r"bomb\.docx"):
        timed_import(path)


def test_ten_megabytes_of_text_parses(tmp_path: Path) -> None:
    body = "坚持以习近平新时代中国特色社会主义思想为指导，全面落实党建工作责任制，推动各项工作取得新成效。" * 6
    block = f"一、总体要求\n（一）加强学习。一是学理论；二是学业务。\n{body}\n1.落实责任。{body}\n"
    path = tmp_path / "big.txt"
    path.write_text(block * (10_000_000 // len(block.encode())), encoding="utf-8")
    report = timed_import(path).report
    assert len(report.sections) == 10_000_000 // len(block.encode())


def test_five_thousand_headings(tmp_path: Path) -> None:
    path = tmp_path / "headings.txt"
    path.write_text("\n".join(f"{i % 99 + 1}.标题{i}。正文。" for i in range(5000)), encoding="utf-8")
    assert len(timed_import(path).report.walk()) == 5000


def test_control_characters_and_lone_surrogates(tmp_path: Path) -> None:
    path = tmp_path / "ctrl.txt"
    path.write_bytes("一、总\x01体要求\n正\x07文。\n".encode() + "\ud800".encode("utf-16-le", "surrogatepass"))
    try:
        report = timed_import(path).report
    except ImportFailed as error:  # refusing is fine too, as long as it is clear
        assert "ctrl.txt" in str(error)
    else:
        assert report.sections[0].heading == "总体要求"


def test_mixed_encodings(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("一、总体要求\n".encode() + "（一）加强党建\n".encode("gbk"))
    report = timed_import(path).report
    assert [s.heading for _, s in report.walk()] == ["总体要求", "加强党建"]
