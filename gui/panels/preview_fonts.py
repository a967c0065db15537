"""Which installed font the preview uses for each font slot of a scheme.

The .docx always names the scheme's fonts; the preview can only draw with what this
machine has. Each slot falls back through fonts of the same style (another 仿宋, then a
serif CJK face …), and the pane says which ones are stand-ins.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFontDatabase

from core.render.fonts import FONT_ALIASES, SLOTS, WORD_STAND_INS, FontScheme

# Same-style stand-ins, best first, after the scheme's own font.
FALLBACKS: dict[str, tuple[str, ...]] = {
    "fangsong": ("仿宋_GB2312", "仿宋", "方正仿宋_GBK", "华文仿宋", "Noto Serif CJK SC", "Source Han Serif SC",
                 "宋体", "AR PL UMing CN"),
    "kaiti": ("楷体_GB2312", "楷体", "方正楷体_GBK", "华文楷体", "AR PL UKai CN", "Noto Serif CJK SC",
              "Source Han Serif SC", "宋体"),
    "heiti": ("黑体", "方正黑体_GBK", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
              "Microsoft YaHei"),
    "title": ("方正小标宋简体", "方正小标宋_GBK", "华文中宋", "Noto Serif CJK SC", "Source Han Serif SC", "宋体"),
    "songti": ("宋体", "方正书宋_GBK", "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN"),
    "latin": ("Times New Roman", "Liberation Serif", "Tinos", "Nimbus Roman", "TeX Gyre Termes", "DejaVu Serif"),
}
# A stand-in for 小标宋 needs weight to read as a title.
BOLD_TITLE_STAND_INS = {"noto serif cjk sc", "source han serif sc", "宋体", "simsun", "华文中宋", "stzhongsong"}

_ALIASES: dict[str, tuple[str, ...]] = {name.casefold(): group for group in FONT_ALIASES for name in group}


@dataclass(frozen=True)
class SlotFont:
    wanted: str  # the scheme's font name
    family: str  # the installed family drawn with ("" when nothing fits: Qt's default)
    exact: bool

    @property
    def bold_stand_in(self) -> bool:
        return not self.exact and self.family.casefold() in BOLD_TITLE_STAND_INS


def _lookup(installed: dict[str, str], name: str) -> str:
    for candidate in _ALIASES.get(name.casefold(), (name,)):
        family = installed.get(candidate.casefold())
        if family:
            return family
    return ""


def map_scheme(scheme: FontScheme, families: list[str] | None = None) -> dict[str, SlotFont]:
    installed = {f.casefold(): f for f in (families if families is not None else QFontDatabase.families())}
    mapping: dict[str, SlotFont] = {}
    for slot in SLOTS:
        wanted = scheme.font(slot)
        exact = _lookup(installed, wanted)
        if exact:
            mapping[slot] = SlotFont(wanted, exact, True)
            continue
        if wanted in scheme.stand_in_accepted and (printed := _lookup(installed, WORD_STAND_INS[wanted])):
            mapping[slot] = SlotFont(wanted, printed, True)  # what Word prints too (w:altName)
            continue
        family = next((found for name in FALLBACKS[slot] if (found := _lookup(installed, name))), "")
        mapping[slot] = SlotFont(wanted, family, False)
    return mapping


def stand_in_note(mapping: dict[str, SlotFont]) -> str:
    """One line saying that stand-ins are used ("" when every font is installed)."""
    missing = [f for slot, f in mapping.items() if not f.exact and slot != "latin"]
    if not missing:
        return ""
    used = "、".join(dict.fromkeys(f.family or "系统默认字体" for f in missing))
    return f"本机缺少方案中的 {len(missing)} 种字体，预览暂用 {used} 代替；导出的文档不受影响。"
