"""The 版头 (GB/T 9704 7.2) as template paragraphs: what core.render.context renders the
版头 fields through.

The 版头 keeps the same height whatever it holds, so that the 发文机关标志 sits 35 mm below
the text block's top: three lines for 份号, 密级 and 紧急程度 (empty ones kept), the
发文机关标志, the 发文字号 line (with 签发人 when there is one) and the separator line.
In 套红纸 mode the 发文机关标志 and the line are left blank — the paper has them printed —
and everything a clerk fills in per document is printed in its place.
"""

from __future__ import annotations

from core.draft.fields import HEADER_PRETINTED
from core.draft.model import Report
from core.render.joint_mark import NAME_PT_MIN, joint_mark, organ_lines
from core.render.styles import (
    BODY_PT,
    CHAR,
    HEADER_TOP_LINES,
    ISSUER_MARK_PT,
    PAGE,
    TWIPS_PER_PT,
)
from core.text.gongwen_layout import SIGNERS_LABEL, signer_rows
from core.text.layout import LaidParagraph

# Characters of the 发文机关标志 that fit on one line of the text block at its size.
ISSUER_MARK_FITS = int(PAGE.text_width / TWIPS_PER_PT // ISSUER_MARK_PT)


def _paragraph(style: str, text: str, part: str, lead: str = "") -> dict[str, str]:
    return {"style": style, "lead": lead, "text": text, "part": part, "section": ""}


def _width_in_chars(text: str) -> float:
    """How many 3号 characters wide ``text`` is: Latin letters and digits take half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def signer_tab_stops(rows: list[str]) -> tuple[int, int]:
    """(“签发人：”, names) left tab stops in twips for several 签发人 lines: the widest line of
    names ends one character in from the right (7.2.6), whatever the names' lengths."""
    widest = max((_width_in_chars(row) for row in rows), default=0.0)
    printed = round(widest * (CHAR + PAGE.char_spacing(BODY_PT)))  # the style's character spacing
    names_at = PAGE.text_width - round(CHAR) - printed
    return names_at - round(4 * CHAR), names_at


def _top_lines(report: Report) -> int:
    return sum(1 for name in ("copy_number", "secrecy", "urgency") if getattr(report, name).strip())


def header_top(laid: list[LaidParagraph], report: Report, wait: bool, warnings: list[str]) -> list[dict[str, str]]:
    """份号, 密级和保密期限, 紧急程度: one line each, top left."""
    return [_paragraph("header_top", p.text, p.part) for p in laid]


def issuer_mark(laid: list[LaidParagraph], report: Report, wait: bool, warnings: list[str]) -> list[dict[str, str]]:
    """Blank lines up to three top lines, then the 发文机关标志: one organ a line (联合行文)."""
    fill = [_paragraph("header_top", "", "issuer_mark") for _ in range(HEADER_TOP_LINES - _top_lines(report))]
    lines = [p.text for p in laid]
    if report.header_mode == HEADER_PRETINTED:
        lines = [""] * len(lines)
    elif not any(lines):
        warnings.append("已选择电子红头，但“发文机关标志”未填写，版头中只留出了它的位置。")
    organs, _ = organ_lines("\n".join(lines))
    if len(organs) > 1:  # 联合行文: the names shrink to fit (core.render.joint_mark)
        if joint_mark("\n".join(lines)) is None:
            warnings.append(
                f"联合行文的发文机关标志中，“{max(organs, key=len)}”等机关名称过长，字号缩到 {NAME_PT_MIN:g} 磅仍排不下："
                "请改用规范化简称。"
            )
        return [*fill, _paragraph("issuer_mark", "\n".join(lines), "issuer_mark")]
    long = [line for line in lines if len(line) > ISSUER_MARK_FITS]
    if long:
        warnings.append(
            f"发文机关标志“{long[0]}”超过 {ISSUER_MARK_FITS} 个字，一行排不下：可改用规范化简称，"
            "或在模板中调小“发文机关标志”样式的字号。"
        )
    return [*fill, _paragraph("issuer_mark", "\n".join(lines), "issuer_mark")]


def doc_number(laid: list[LaidParagraph], report: Report, wait: bool, warnings: list[str]) -> list[dict[str, str]]:
    """The 发文字号 line — with 签发人 on its right for a report sent upward — and the line below."""
    number = laid[0].text if laid else ""
    rows = signer_rows(report.signers)
    if len(rows) > 1:
        # 发文字号 on the last 签发人 line (7.2.6); every line's names start at the second tab.
        # A long 发文字号 already reaches past the label's tab stop: one tab takes it to the names.
        past_label = 1 + _width_in_chars(number) >= signer_tab_stops(rows)[0] / CHAR
        leads = [f"\t{SIGNERS_LABEL}", *["\t\t"] * (len(rows) - 2), number + ("\t" if past_label else "\t\t")]
        styles = ["doc_number_signers_first"] + ["doc_number_signers_more"] * (len(rows) - 1)
        lines = [_paragraph(style, row, "doc_number", lead=lead) for style, row, lead in zip(styles, rows, leads, strict=True)]
    elif rows:
        lines = [_paragraph("doc_number_signed", rows[0], "doc_number", lead=f"{number}\t{SIGNERS_LABEL}")]
    else:
        lines = [_paragraph("doc_number", number, "doc_number")]
    rule = "header_rule_blank" if report.header_mode == HEADER_PRETINTED else "header_rule"
    return [*lines, _paragraph(rule, "", "doc_number")]


def signers(laid: list[LaidParagraph], report: Report, wait: bool, warnings: list[str]) -> list[dict[str, str]]:
    """签发人 is printed on the 发文字号's line (see :func:`doc_number`)."""
    return []
