"""Font schemes for 公文 output, and which fonts this machine actually has.

The same GB/T 9704 layout needs differently named fonts on different machines: the
classic GB2312 fonts installed by most 机关 IT departments, the fonts that ship with
every Windows 10+, and the 方正 GBK fonts of 信创 machines (统信 UOS, 麒麟). A scheme maps
each typographic *slot* (仿宋 for body text, 楷体, 黑体, 小标宋 for the title, 宋体 for page
numbers, a Latin face for digits) to one machine's font names.

The document is always written with the chosen names: Word/WPS on the leader's machine
may well have them even if the clerk's does not. We only warn, in Chinese.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.base.errors import ReportError

SLOTS = ("fangsong", "kaiti", "heiti", "title", "songti", "latin")


@dataclass(frozen=True)
class FontScheme:
    id: str
    label: str
    description: str
    fangsong: str  # body text, 1./（1） headings
    kaiti: str  # （一） headings, subtitle
    heiti: str  # 一、 headings
    title: str  # 2号 title (小标宋)
    songti: str  # page numbers "— 1 —"
    latin: str = "Times New Roman"  # digits and Latin letters everywhere but page numbers
    title_bold: bool = False  # a plain 宋体 title needs bold to read as a title
    # Names written although the machines the scheme is for may lack them: there Word prints
    # the font table's other name for them (WORD_STAND_INS, w:altName), which they do have.
    stand_in_accepted: tuple[str, ...] = ()

    def font(self, slot: str) -> str:
        if slot not in SLOTS:
            raise KeyError(slot)
        return str(getattr(self, slot))

    def names(self) -> list[str]:
        """Every distinct font name the scheme uses, in slot order."""
        return list(dict.fromkeys(self.font(slot) for slot in SLOTS))

    def needed(self) -> list[str]:
        """The fonts a machine needs for the scheme to print as meant: its names, with
        WORD_STAND_INS[name] for a name whose stand-in it accepts."""
        return list(dict.fromkeys(WORD_STAND_INS[n] if n in self.stand_in_accepted else n for n in self.names()))


# A font's other name (the font table's w:altName): what Word/WPS use where the exact name
# is absent, before substituting by the font's metrics.
WORD_STAND_INS = {
    "仿宋_GB2312": "仿宋",
    "楷体_GB2312": "楷体",
    "方正小标宋简体": "宋体",
    "方正仿宋_GBK": "仿宋",
    "方正楷体_GBK": "楷体",
    "方正黑体_GBK": "黑体",
    "方正小标宋_GBK": "宋体",
    "方正书宋_GBK": "宋体",
    "仿宋": "FangSong",
    "楷体": "KaiTi",
    "黑体": "SimHei",
    "宋体": "SimSun",
}

SCHEMES: dict[str, FontScheme] = {
    scheme.id: scheme
    for scheme in (
        FontScheme(
            id="gb2312",
            label="公文标准字体（GB2312）",
            description="仿宋_GB2312、楷体_GB2312、黑体、方正小标宋简体：多数机关电脑的标准配置",
            fangsong="仿宋_GB2312",
            kaiti="楷体_GB2312",
            heiti="黑体",
            title="方正小标宋简体",
            songti="宋体",
        ),
        # The title and 发文机关标志 are named 方正小标宋简体, as GB/T 9704 recommends, so that a
        # machine with it prints them right; Windows without it prints them in 宋体, the
        # font table's other name for it (w:altName, which Word tries before guessing).
        FontScheme(
            id="windows",
            label="Windows 自带字体",
            description="仿宋、楷体、黑体；标题为方正小标宋简体，未安装时以宋体印出：Windows 10 及以上无需另装字体",
            fangsong="仿宋",
            kaiti="楷体",
            heiti="黑体",
            title="方正小标宋简体",
            songti="宋体",
            stand_in_accepted=("方正小标宋简体",),
        ),
        FontScheme(
            id="xinchuang",
            label="信创字体（方正 GBK）",
            description="方正仿宋_GBK、方正楷体_GBK、方正黑体_GBK、方正小标宋_GBK：统信 UOS、麒麟等信创电脑",
            fangsong="方正仿宋_GBK",
            kaiti="方正楷体_GBK",
            heiti="方正黑体_GBK",
            title="方正小标宋_GBK",
            songti="方正书宋_GBK",
        ),
    )
}
DEFAULT_SCHEME = "gb2312"


class UnknownFontScheme(ReportError):
    def __init__(self, scheme_id: str) -> None:
        self.scheme_id = scheme_id
        choices = "、".join(f"{s.id}（{s.label}）" for s in SCHEMES.values())
        super().__init__(f"没有名为“{scheme_id}”的字体方案。可选：{choices}。")


def get_scheme(scheme_id: str) -> FontScheme:
    try:
        return SCHEMES[scheme_id]
    except KeyError:
        raise UnknownFontScheme(scheme_id) from None


# The same font under its Chinese and its English family name. Windows lists fonts in
# the registry under the English name (FangSong), Word and WPS show the Chinese one.
FONT_ALIASES: tuple[tuple[str, ...], ...] = (
    ("仿宋_GB2312", "FangSong_GB2312"),
    ("楷体_GB2312", "KaiTi_GB2312"),
    ("仿宋", "FangSong"),
    ("楷体", "KaiTi"),
    ("黑体", "SimHei"),
    ("宋体", "SimSun"),
    ("新宋体", "NSimSun"),
    ("华文中宋", "STZhongsong"),
    ("华文仿宋", "STFangsong"),
    ("华文楷体", "STKaiti"),
    ("方正小标宋简体", "FZXiaoBiaoSong-B05S"),
    ("方正小标宋_GBK", "FZXiaoBiaoSong-B05"),
    ("方正仿宋_GBK", "FZFangSong-Z02"),
    ("方正楷体_GBK", "FZKai-Z03"),
    ("方正黑体_GBK", "FZHei-B01"),
    ("方正书宋_GBK", "FZShuSong-Z01"),
)
# Latin faces for which a metric-compatible substitute is just as good (Linux ships them).
METRIC_COMPATIBLE = {"times new roman": ("liberation serif", "tinos", "nimbus roman", "tex gyre termes")}

_ALIAS_OF: dict[str, frozenset[str]] = {}
for _group in FONT_ALIASES:
    for _name in _group:
        _ALIAS_OF[_name.casefold()] = frozenset(n.casefold() for n in _group)


def _variants(name: str) -> frozenset[str]:
    key = name.casefold()
    return _ALIAS_OF.get(key, frozenset((key,))) | frozenset(METRIC_COMPATIBLE.get(key, ()))


# ── reading family names out of font files (Windows, and Linux without fontconfig) ──

_NAME_IDS = (1, 4, 16)  # family, full name, typographic family
_MAX_FONT_HEADER = 64 * 1024 * 1024


def font_file_families(path: Path | str) -> set[str]:
    """Family names stored in a TrueType/OpenType file or collection (.ttf .otf .ttc).

    Reads only the table directory and the ``name`` table. Localised names are included:
    a Chinese font lists both "FangSong" and "仿宋". Unreadable files give an empty set.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(12)
            if head[:4] == b"ttcf":
                count = struct.unpack(">I", head[8:12])[0]
                offsets = struct.unpack(f">{min(count, 64)}I", handle.read(4 * min(count, 64)))
            else:
                offsets = (0,)
            names: set[str] = set()
            for offset in offsets:
                names |= _families_at(handle, offset)
            return names
    except (OSError, struct.error, ValueError):
        return set()


def _families_at(handle, offset: int) -> set[str]:  # type: ignore[no-untyped-def]
    handle.seek(offset)
    version, num_tables = struct.unpack(">IH", handle.read(6))
    if version not in (0x00010000, 0x4F54544F, 0x74727565):  # 1.0, "OTTO", "true"
        return set()
    handle.seek(offset + 12)
    directory = handle.read(16 * num_tables)
    for i in range(num_tables):
        tag, _checksum, table_offset, length = struct.unpack(">4sIII", directory[16 * i : 16 * i + 16])
        if tag == b"name":
            if length > _MAX_FONT_HEADER:
                return set()
            handle.seek(table_offset)
            return _parse_name_table(handle.read(length))
    return set()


def _parse_name_table(table: bytes) -> set[str]:
    _format, count, string_offset = struct.unpack(">HHH", table[:6])
    names: set[str] = set()
    for i in range(count):
        start = 6 + 12 * i
        platform, encoding, _language, name_id, length, offset = struct.unpack(
            ">HHHHHH", table[start : start + 12]
        )
        if name_id not in _NAME_IDS:
            continue
        raw = table[string_offset + offset : string_offset + offset + length]
        if platform in (0, 3):  # Unicode, Windows: UTF-16BE
            text = raw.decode("utf-16-be", errors="ignore")
        elif platform == 1 and encoding == 0:  # Macintosh Roman
            text = raw.decode("mac_roman", errors="ignore")
        elif platform == 1 and encoding == 25:  # Macintosh Simplified Chinese
            text = raw.decode("gb18030", errors="ignore")
        else:
            continue
        text = text.strip("\x00 ")
        if text:
            names.add(text)
    return names


# ── what is installed ──

FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")


def _windows_font_dirs() -> list[Path]:
    windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
    dirs = [windir / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def _unix_font_dirs() -> list[Path]:
    home = Path.home()
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
        Path("/System/Library/Fonts"),
        Path("/Library/Fonts"),
        home / "Library" / "Fonts",
    ]


def _windows_registry_names() -> set[str]:
    """Names under ...\\CurrentVersion\\Fonts, e.g. "SimSun & NSimSun (TrueType)"."""
    if sys.platform != "win32":
        return set()
    import winreg

    names: set[str] = set()
    key_path = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"
    for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            with winreg.OpenKey(hive, key_path) as key:
                index = 0
                while True:
                    try:
                        value_name = winreg.EnumValue(key, index)[0]
                    except OSError:
                        break
                    index += 1
                    base = value_name.split(" (")[0]
                    names.update(part.strip() for part in base.split("&") if part.strip())
        except OSError:
            continue
    return names


def _fc_list_names() -> set[str] | None:
    """Family names from fontconfig, or None where fc-list is absent or fails."""
    exe = shutil.which("fc-list")
    if not exe:
        return None
    try:
        done = subprocess.run([exe, ":", "family"], capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    names: set[str] = set()
    for line in done.stdout.decode("utf-8", errors="replace").splitlines():
        for part in line.replace("\\-", "-").replace("\\,", "\0").split(","):
            part = part.replace("\0", ",").strip()
            if part:
                names.add(part)
    return names


def _scan_dirs(dirs: Iterable[Path]) -> set[str]:
    """Families of every font file below ``dirs``, with a disk cache keyed by file and mtime."""
    from core.base.paths import cache_dir

    cache_file = cache_dir() / "font_families.json"
    try:
        cache: dict[str, list] = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    fresh: dict[str, list] = {}
    names: set[str] = set()
    for folder in dirs:
        if not folder.is_dir():
            continue
        for root, _subdirs, files in os.walk(folder):
            for file_name in files:
                if not file_name.lower().endswith(FONT_SUFFIXES):
                    continue
                path = os.path.join(root, file_name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                stamp = [stat.st_size, stat.st_mtime_ns]
                cached = cache.get(path)
                families = cached[1] if cached and cached[0] == stamp else sorted(font_file_families(path))
                fresh[path] = [stamp, families]
                names.update(families)
    if fresh != cache:
        from core.base.atomic import atomic_write_text
        from core.base.errors import SaveFailed

        with contextlib.suppress(SaveFailed):  # a cache we cannot write only costs time next run
            atomic_write_text(cache_file, json.dumps(fresh, ensure_ascii=False))
    return names


def detect_installed_fonts() -> frozenset[str]:
    """Family names installed on this machine (uncached; see :func:`installed_fonts`)."""
    if sys.platform == "win32":
        names = _windows_registry_names() | _scan_dirs(_windows_font_dirs())
    else:
        found = _fc_list_names()
        names = found if found is not None else _scan_dirs(_unix_font_dirs())
    return frozenset(names)


@lru_cache(maxsize=1)
def installed_fonts() -> frozenset[str]:
    """Installed family names, looked up once per process (casefolded)."""
    return frozenset(name.casefold() for name in detect_installed_fonts())


def is_installed(name: str, installed: Iterable[str] | None = None) -> bool:
    pool = frozenset(n.casefold() for n in installed) if installed is not None else installed_fonts()
    return any(variant in pool for variant in _variants(name))


def missing_fonts(names: Iterable[str], installed: Iterable[str] | None = None) -> list[str]:
    """The names (in the given order, without repeats) that this machine lacks."""
    pool = list(installed) if installed is not None else None
    return [name for name in dict.fromkeys(names) if name and not is_installed(name, pool)]


def font_warnings(
    names: Iterable[str], installed: Iterable[str] | None = None, stand_in_accepted: Iterable[str] = ()
) -> list[str]:
    """A Chinese warning naming the missing fonts, with a scheme that would work here. A
    name in ``stand_in_accepted`` is not missing when its stand-in (WORD_STAND_INS) is here."""
    pool = list(installed) if installed is not None else None
    accepted = set(stand_in_accepted)
    missing = [
        name
        for name in missing_fonts(names, pool)
        if not (name in accepted and name in WORD_STAND_INS and is_installed(WORD_STAND_INS[name], pool))
    ]
    if not missing:
        return []
    message = (
        f"本机未安装字体：{'、'.join(missing)}。文档仍按这些字体写入，在装有这些字体的电脑上显示正确；"
        "在本机打开时，Word/WPS 会用相近字体临时代替。"
    )
    usable = [s for s in SCHEMES.values() if not missing_fonts(s.needed(), pool)]
    if usable:
        message += f"如需在本机按实际字体排版，可改用“{usable[0].label}”方案（{usable[0].id}）。"
    else:
        message += "如需在本机按实际字体排版，请安装上述字体。"
    return [message]


def scheme_warnings(scheme: FontScheme | str, installed: Iterable[str] | None = None) -> list[str]:
    chosen = get_scheme(scheme) if isinstance(scheme, str) else scheme
    return font_warnings(chosen.names(), installed, chosen.stand_in_accepted)


__all__ = [
    "DEFAULT_SCHEME",
    "SCHEMES",
    "SLOTS",
    "WORD_STAND_INS",
    "FontScheme",
    "UnknownFontScheme",
    "detect_installed_fonts",
    "font_file_families",
    "font_warnings",
    "get_scheme",
    "installed_fonts",
    "is_installed",
    "missing_fonts",
    "scheme_warnings",
]


def scheme_for_this_machine(current: str, installed: Iterable[str] | None = None) -> str | None:
    """A scheme whose fonts this machine has all of, when ``current``'s are not all here.

    Windows fonts on Windows, the 方正 GBK fonts on 统信 UOS/麒麟; None when ``current`` is
    complete here, or when no scheme is (then there is nothing better to offer).
    """
    fonts = frozenset(installed) if installed is not None else installed_fonts()
    if not missing_fonts(get_scheme(current).needed() if current in SCHEMES else [current], fonts):
        return None
    complete = [sid for sid, scheme in SCHEMES.items() if not missing_fonts(scheme.needed(), fonts)]
    return complete[0] if complete else None
