"""Font schemes, reading family names out of font files, and missing-font warnings."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from core.render import fonts
from core.render.fonts import (
    SCHEMES,
    UnknownFontScheme,
    font_file_families,
    font_warnings,
    get_scheme,
    is_installed,
    missing_fonts,
    scheme_warnings,
)


def _name_table(records: list[tuple[int, int, int, int, str]]) -> bytes:
    """A 'name' table: records are (platform, encoding, language, name id, text)."""
    strings = b""
    entries = b""
    for platform, encoding, language, name_id, text in records:
        data = text.encode("utf-16-be") if platform in (0, 3) else text.encode("mac_roman")
        entries += struct.pack(">HHHHHH", platform, encoding, language, name_id, len(data), len(strings))
        strings += data
    return struct.pack(">HHH", 0, len(records), 6 + len(entries)) + entries + strings


def _sfnt(name_table: bytes, base: int = 0) -> bytes:
    """A minimal TrueType font: offset table, one table record, the name table."""
    header = struct.pack(">IHHHH", 0x00010000, 1, 16, 0, 0)
    record = struct.pack(">4sIII", b"name", 0, base + 12 + 16, len(name_table))
    return header + record + name_table


def fake_font(path: Path, *families: str) -> Path:
    records = [(3, 1, 0x0409, 1, families[0])]
    records += [(3, 1, 0x0804, 1, name) for name in families[1:]]
    records.append((1, 0, 0, 4, families[0] + " Regular"))
    path.write_bytes(_sfnt(_name_table(records)))
    return path


def fake_collection(path: Path, first: tuple[str, ...], second: tuple[str, ...]) -> Path:
    tables = [_name_table([(3, 1, 0x0409, 1, name) for name in names]) for names in (first, second)]
    header_size = 12 + 8
    first_font = _sfnt(tables[0], base=header_size)
    second_offset = header_size + len(first_font)
    second_font = _sfnt(tables[1], base=second_offset)
    header = b"ttcf" + struct.pack(">II", 0x00010000, 2) + struct.pack(">II", header_size, second_offset)
    path.write_bytes(header + first_font + second_font)
    return path


def test_three_schemes_name_every_slot() -> None:
    assert list(SCHEMES) == ["gb2312", "windows", "xinchuang"]
    gb = get_scheme("gb2312")
    assert (gb.fangsong, gb.kaiti, gb.heiti, gb.title) == (
        "仿宋_GB2312",
        "楷体_GB2312",
        "黑体",
        "方正小标宋简体",
    )
    windows = get_scheme("windows")
    # The title named 方正小标宋简体 (GB/T 9704's 小标宋); a Windows without it prints 宋体.
    assert (windows.fangsong, windows.kaiti, windows.title, windows.title_bold) == (
        "仿宋",
        "楷体",
        "方正小标宋简体",
        False,
    )
    assert windows.needed() == ["仿宋", "楷体", "黑体", "宋体", "Times New Roman"]
    xc = get_scheme("xinchuang")
    assert xc.names()[:4] == ["方正仿宋_GBK", "方正楷体_GBK", "方正黑体_GBK", "方正小标宋_GBK"]
    for scheme in SCHEMES.values():
        assert scheme.latin == "Times New Roman"


def test_unknown_scheme_is_a_chinese_error() -> None:
    with pytest.raises(UnknownFontScheme) as info:
        get_scheme("mac")
    assert "没有名为“mac”的字体方案" in str(info.value) and "xinchuang" in str(info.value)


def test_family_names_read_from_a_font_file(tmp_path: Path) -> None:
    font = fake_font(tmp_path / "fs.ttf", "FangSong_GB2312", "仿宋_GB2312")
    assert font_file_families(font) == {"FangSong_GB2312", "仿宋_GB2312", "FangSong_GB2312 Regular"}


def test_family_names_read_from_a_collection(tmp_path: Path) -> None:
    font = fake_collection(tmp_path / "song.ttc", ("SimSun", "宋体"), ("NSimSun", "新宋体"))
    assert font_file_families(font) == {"SimSun", "宋体", "NSimSun", "新宋体"}


def test_garbage_font_file_gives_no_names(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"\x00\x01\x00\x00\xff\xff" + b"x" * 20)
    assert font_file_families(bad) == set()
    assert font_file_families(tmp_path / "absent.ttf") == set()


def test_missing_fonts_with_aliases_and_metric_substitutes() -> None:
    installed = ["FangSong", "SimHei", "Liberation Serif", "宋体"]
    assert is_installed("仿宋", installed)  # the registry lists the English name
    assert is_installed("Times New Roman", installed)  # Liberation Serif has its metrics
    assert not is_installed("仿宋_GB2312", installed)
    assert missing_fonts(["仿宋", "楷体", "黑体", "楷体"], installed) == ["楷体"]


def test_warning_names_missing_fonts_and_suggests_a_scheme() -> None:
    installed = ["仿宋", "楷体", "黑体", "宋体", "Times New Roman"]
    warnings = scheme_warnings("gb2312", installed)
    assert len(warnings) == 1
    assert "仿宋_GB2312、楷体_GB2312、方正小标宋简体" in warnings[0]
    assert "文档仍按这些字体写入" in warnings[0]
    assert "Windows 自带字体" in warnings[0] and "（windows）" in warnings[0]
    assert scheme_warnings("windows", installed) == []
    # Without 宋体 the windows scheme's title has no stand-in either: both are named.
    missing_songti = scheme_warnings("windows", ["仿宋", "楷体", "黑体", "Times New Roman"])
    assert "本机未安装字体：方正小标宋简体、宋体。" in missing_songti[0]
    # The gb2312 scheme accepts no stand-in: its missing 小标宋 is named although 宋体 is here.
    assert "方正小标宋简体" in font_warnings(["方正小标宋简体"], installed)[0]
    assert "请安装上述字体" in font_warnings(["方正小标宋_GBK"], [])[0]


def test_detection_without_fontconfig_scans_font_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fonts_dir = tmp_path / "fonts" / "chinese"
    fonts_dir.mkdir(parents=True)
    fake_font(fonts_dir / "kai.ttf", "KaiTi_GB2312", "楷体_GB2312")
    monkeypatch.setattr(fonts.sys, "platform", "linux")
    monkeypatch.setattr(fonts, "_fc_list_names", lambda: None)
    monkeypatch.setattr(fonts, "_unix_font_dirs", lambda: [tmp_path / "fonts", tmp_path / "absent"])
    assert "楷体_GB2312" in fonts.detect_installed_fonts()

    # The second scan reads the cache instead of the file.
    calls: list[str] = []
    monkeypatch.setattr(fonts, "font_file_families", lambda path: calls.append(str(path)) or set())
    assert "楷体_GB2312" in fonts.detect_installed_fonts()
    assert calls == []


def test_fc_list_output_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    class Done:
        returncode = 0
        stdout = "Noto Serif CJK SC,Noto Serif CJK SC Bold\n仿宋_GB2312,FangSong_GB2312\nA\\-B\n".encode()

    monkeypatch.setattr(fonts.shutil, "which", lambda name: "/usr/bin/fc-list")
    monkeypatch.setattr(fonts.subprocess, "run", lambda *a, **k: Done())
    assert fonts._fc_list_names() == {
        "Noto Serif CJK SC",
        "Noto Serif CJK SC Bold",
        "仿宋_GB2312",
        "FangSong_GB2312",
        "A-B",
    }
