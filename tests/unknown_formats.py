"""Files of formats we do not open, as a clerk might pick them under 所有文件 (shared by the
CLI and GUI tests), with the message each gets after “无法导入“NAME”：” — written out by hand."""

from __future__ import annotations

import zipfile
from pathlib import Path

SUPPORTED = "可以导入的格式：.docx、.doc、.wps、.rtf、.odt、.txt、.md、.html、.mhtml。"
PDF_HINT = (
    "这是 PDF 文件，无法直接导入。请在 PDF 阅读器中全选并复制正文，粘贴到记事本，保存为 .txt 文件后再导入；"
    "如有原始 Word 文件，请直接导入 Word 文件。"
)
EXCEL_HINT = "这是 Excel 表格文件，不是 Word 文档。请选择报告的 Word 文件（.docx）。"

REASONS = {
    "年报.pdf": PDF_HINT + SUPPORTED,
    "统计表.xlsx": EXCEL_HINT + SUPPORTED,
    "合影.png": "不支持“.png”格式的文件。" + SUPPORTED,
    "材料.zip": "不支持“.zip”格式的文件。" + SUPPORTED,
}


def write_unknown_formats(folder: Path) -> list[Path]:
    """One real-looking file of each format in :data:`REASONS`."""
    pdf = folder / "年报.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    xlsx = folder / "统计表.xlsx"
    with zipfile.ZipFile(xlsx, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<workbook/>")
    png = folder / "合影.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    archive = folder / "材料.zip"
    with zipfile.ZipFile(archive, "w") as package:
        package.writestr("说明.txt", "某某区2024年工作总结")
    return [pdf, xlsx, png, archive]
