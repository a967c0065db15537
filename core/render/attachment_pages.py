"""附件 pages as template paragraphs: "附件1" opens a new page, the name is a title, the text body."""

from __future__ import annotations

from core.draft.model import Report
from core.render.title import organisation_names, title_lines
from core.text.attachment_layout import LABEL, TITLE, attachment_pages
from core.text.layout import LaidParagraph


def _paragraph(style: str, text: str) -> dict[str, str]:
    return {"style": style, "lead": "", "text": text, "part": "attachment_texts", "section": ""}


def attachment_page_paragraphs(
    laid: list[LaidParagraph], report: Report, wait: bool, warnings: list[str]
) -> list[dict[str, str]]:
    out = []
    for kind, text in attachment_pages(report):  # the same pages ``laid`` was made from
        if kind == LABEL:
            out.append(_paragraph("attachment_label", text))
        elif kind == TITLE:
            out.append(_paragraph("title", "\n".join(title_lines(text, wait_for_words=wait, names=organisation_names(report)))))
        else:
            out.append(_paragraph("body", text))
    return out
