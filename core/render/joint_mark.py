"""The 发文机关标志 of a 联合行文 (GB/T 9704 7.2.4): the organs' names stacked, one a line,
each as wide as the longest, and "文件" on their right, as tall as the names' block and
centred on it, the whole centred on the page. Laid out as a borderless table of one row
(names | 文件) so that Word and LibreOffice put every piece at the same place (its XML:
core.render.header_grid; this module stays free of lxml, the preview imports it).

"文件" as tall as the names makes the 标志 one block on paper: its top is the first name's
top, its bottom the last name's bottom, and the 发文字号 goes two lines below that bottom
(7.2.5). The names are at most NAME_PT_MAX: a 标志 of two or three organs at the one-organ
size (36 pt) would fill half the page's first lines; they shrink further when the longest
name and "文件" would not fit the 156 mm line.

Positions come from how an exact line places its text in LibreOffice's PDF (and Word's):
the characters sit at the bottom, their em box ending EXACT_LINE_DESCENT of the font size
above the line's bottom.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.render.styles import ISSUER_MARK_BEFORE, ISSUER_MARK_LINE, ISSUER_MARK_PT, PAGE, TWIPS_PER_PT

WENJIAN = "文件"
NAME_PT_MAX = 20.0  # the names' size; "文件" is (organs - 1) × 1.25 + 1 times as large
NAME_PT_MIN = 10.0  # below this the names are unreadable: the export warns instead
LINE_FACTOR = 1.25  # each name's exact line: 1.25 × its size, as the one-line 标志's
EXACT_LINE_DESCENT = 0.216  # em: an exact line's bottom lies this far below the em box
EM_HEIGHT = 1.0 + EXACT_LINE_DESCENT  # em box plus what lies below it, to the line's bottom
# Em boxes aligned, a larger font's ink sits lower in its box than a smaller one's: measured
# on LibreOffice's PDF, "文件"'s ink centre lay this much of (文件 size - name size) below
# the names' ink centre (0.76 mm for two organs, 1.55 mm for three). "文件" is raised by it.
INK_DROP_PER_PT = 0.087
SLACK = 20  # twips a column holds past its text, so that rounding never wraps a line
# Where the one-line 标志's em box starts and ends, from the top of its paragraph: the joint
# block starts where it starts.
EM_TOP = ISSUER_MARK_BEFORE + ISSUER_MARK_LINE - round(EM_HEIGHT * ISSUER_MARK_PT * TWIPS_PER_PT)


@dataclass(frozen=True)
class JointMark:
    """Sizes of a joint 标志 (pt for fonts, twips for lengths)."""

    names: tuple[str, ...]
    wenjian: bool  # "文件" printed on the names' right
    name_pt: float
    wenjian_pt: float  # 0 without "文件"
    name_line: int

    @property
    def longest(self) -> int:
        return max(len(name) for name in self.names)

    @property
    def names_width(self) -> int:
        return round(self.longest * self.name_pt * TWIPS_PER_PT) + SLACK

    @property
    def wenjian_width(self) -> int:
        """The "文件" column: half a name character apart, then two characters."""
        if not self.wenjian:
            return 0
        return round((self.name_pt / 2 + 2 * self.wenjian_pt) * TWIPS_PER_PT) + SLACK

    @property
    def width(self) -> int:
        return self.names_width + self.wenjian_width

    @property
    def em_height(self) -> int:
        """From the first name's em box top to the last name's em box bottom."""
        return (len(self.names) - 1) * self.name_line + round(self.name_pt * TWIPS_PER_PT)

    @property
    def bottom_pt(self) -> float:
        """The size whose exact line ends the block: "文件" when there is one."""
        return self.wenjian_pt if self.wenjian else self.name_pt

    @property
    def height(self) -> int:
        """The row: from the table's top to the bottom of the lowest exact line."""
        return EM_TOP + self.em_height + round(EXACT_LINE_DESCENT * self.bottom_pt * TWIPS_PER_PT)

    def extra_height(self) -> int:
        """How much lower the 标志's bottom (em box) lies than a one-line 标志's."""
        return self.em_height - round(ISSUER_MARK_PT * TWIPS_PER_PT)

    def number_space_change(self) -> int:
        """Twips to add to the 发文字号's space above so that it lies as far below the
        block's em box as below a one-line 标志's (the rows end differently far below it)."""
        return -round(EXACT_LINE_DESCENT * (self.bottom_pt - ISSUER_MARK_PT) * TWIPS_PER_PT)


def organ_lines(mark: str) -> tuple[list[str], bool]:
    """The organs of a 标志 (one a line) and whether it ends in "文件" (on the last organ's
    line, or on a line of its own)."""
    lines = [line.strip() for line in mark.split("\n") if line.strip()]
    if lines and lines[-1] == WENJIAN:
        return lines[:-1], True
    if lines and lines[-1].endswith(WENJIAN) and len(lines[-1]) > len(WENJIAN):
        return [*lines[:-1], lines[-1].removesuffix(WENJIAN)], True
    return lines, False


def joint_mark(mark: str) -> JointMark | None:
    """The joint layout of ``mark``; None for one organ, or names too long to fit even at
    NAME_PT_MIN (the export warns, core.render.header)."""
    names, wenjian = organ_lines(mark)
    if len(names) < 2:
        return None
    size = NAME_PT_MAX
    while size >= NAME_PT_MIN:
        line = round(LINE_FACTOR * size * TWIPS_PER_PT)
        # "文件" as tall as the names' em boxes: (n - 1) lines and one name.
        wenjian_pt = _half_points(((len(names) - 1) * line + size * TWIPS_PER_PT) / TWIPS_PER_PT) if wenjian else 0.0
        laid = JointMark(tuple(names), wenjian, size, wenjian_pt, line)
        if laid.width <= PAGE.text_width:
            return laid
        size -= 0.5
    return None


def _half_points(pt: float) -> float:
    return round(pt * 2) / 2
