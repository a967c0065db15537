"""附件 pages (GB/T 9704 7.3.4, 8): what each attachment's page holds, in reading order.

Each attachment with text starts a new page: "附件1" (or "附件" when there is only one) at
the top left in 黑体, its name as a centred title, then its paragraphs. Names are the
附件说明 (``Report.attachments``); texts are ``Report.attachment_texts``, by index.
"""

from __future__ import annotations

from core.draft.model import Report
from core.draft.numbering import attachment_count, attachment_label

LABEL, TITLE, BODY = "label", "title", "body"


def attachment_pages(report: Report) -> list[tuple[str, str]]:
    """(LABEL / TITLE / BODY, text) for every attachment page, in order."""
    names = [n.strip() for n in report.attachments if n.strip()]
    count = attachment_count(report)
    out: list[tuple[str, str]] = []
    for index, text in enumerate(report.attachment_texts):
        lines = [line for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
        if not lines:
            continue
        out.append((LABEL, attachment_label(index, count)))
        if index < len(names):
            out.append((TITLE, names[index]))
        out += [(BODY, line) for line in lines]
    return out
