"""The 印发通知 that issues a 工作要点: "关于印发《……》的通知", generated from the report.

A 工作要点 goes out wrapped in a notice: its title, the 主送机关, one paragraph
("现将《…》印发给你们，请结合实际认真贯彻落实。"), the 落款 and the date; the 要点 follows on
a new page under its own title. The notice is stored in the report's ``cover`` field (one
paragraph a line), where the clerk edits it like any other text; the renderer sets its
title, 主送机关, 落款 and date in their styles (core/render/context.py ``_cover``).
Whether a kind offers the notice is its kind.toml ``notice = true``.
"""

from __future__ import annotations

import datetime as _dt

from core.draft.model import Report
from core.text.dates import gb_date
from core.text.layout import addressee_line

NOTICE_TITLE = "关于印发《{title}》的通知"
NOTICE_TEXT = "现将《{title}》印发给你们，请结合实际认真贯彻落实。"
DEFAULT_ADDRESSEE = "各有关单位"


def notice_paragraphs(report: Report, today: _dt.date | None = None) -> list[str]:
    """The notice's paragraphs: title, 主送机关, text, 落款 (when known) and date.

    The date is the report's 成文日期, or ``today`` (default: today) while it is not filled in.
    """
    title = "".join(report.title.split("\n")).strip()
    date = gb_date(report.date) if report.date.strip() else gb_date((today or _dt.date.today()).isoformat())
    issuer = (report.signature.strip().split("\n")[0] if report.signature.strip() else "") or report.unit.strip()
    paragraphs = [
        NOTICE_TITLE.format(title=title),
        addressee_line(DEFAULT_ADDRESSEE),
        NOTICE_TEXT.format(title=title),
    ]
    if issuer:
        paragraphs.append(issuer)
    paragraphs.append(date)
    return paragraphs
