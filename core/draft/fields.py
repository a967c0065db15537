"""Report-level fields as one table: each field a row, read by every step that handles it.

A field's row says what it is called (the one Chinese label the clerk sees everywhere), what
kind of value it holds, where it sits in reading order, whether flags and checks read it (it
is a *text slot*), how it carries over to next year's draft, which template paragraph it
renders through, and how the 报告信息 form edits it. The draft loader, the form, text slots
(flags, checks, find), the plain text (library, search offsets), the render context and
carry-over all loop over :data:`REPORT_FIELDS`; adding a field is adding a row here, an
attribute on :class:`core.draft.model.Report`, and (if it renders) a template style.
"""

from __future__ import annotations

from dataclasses import dataclass

# Kinds of value.
LINE = "line"  # one line of text (str)
LINES = "lines"  # a few lines in one str, separated by "\n" (副标题, two-line 署名)
PARAGRAPHS = "paragraphs"  # list[str], one paragraph each
YEAR = "year"  # int | None
DATE = "date"  # ISO "2025-07-01", or "" when not filled in
CHOICE = "choice"  # one of the row's ``choices`` (str)
TEXTS = "texts"  # list[str], one text of several paragraphs ("\n") per item (附件正文)

# 版头 (GB/T 9704 7.2): none, printed in red by the app, or left blank for paper whose
# 发文机关标志 and red line are pre-printed (套红纸).
HEADER_NONE, HEADER_ELECTRONIC, HEADER_PRETINTED = "", "electronic", "pretinted"
HEADER_MODES = ((HEADER_NONE, "不加版头"), (HEADER_ELECTRONIC, "电子红头"), (HEADER_PRETINTED, "套红纸（版头留空）"))

# Where the field sits in the document's reading order.
BEFORE_SECTIONS = "before"
AFTER_SECTIONS = "after"
METADATA = "metadata"  # not part of the text (发文单位, 年度)

# How a field carries over into next year's draft when only the outline is kept (沿用上年提纲).
# (沿用上年提纲和文字 copies every field and lets the flags point at what may be stale.)
CARRY_KEEP = "keep"  # last year's value, as it was
CARRY_CLEAR = "clear"  # starts empty
CARRY_ROLL_YEAR = "roll_year"  # last year's value with the report year moved on
CARRY_KIND_WORDING = "kind_wording"  # the kind's standard wording; last year's shown as reference
CARRY_SAME_UNIT = "same_unit"  # last year's value when the unit is unchanged, else the kind's
CARRY_GIVEN = "given"  # set from the new draft's own parameters (unit, year)
# The kind decides (kind.toml): 成文日期 today for kinds that end with one; for a choice,
# last year's choice when there was one, else the kind's default.
CARRY_KIND_DEFAULT = "kind_default"

# How a row's value becomes paragraphs in reading order (core/text/layout.py FIELD_LAYOUTS).
LAID_LINES = "lines"  # each line of each text its own paragraph
LAID_BLOCK = "block"  # a title block or a 署名: lines stripped, blank lines carry nothing on paper
LAID_ADDRESSEE = "addressee"  # one line ending with a full-width colon
LAID_ATTACHMENT_LIST = "attachment_list"  # 附件：1.… 2.…, the attachment parts' names included
LAID_ATTACHMENT_PAGES = "attachment_pages"  # 附件 pages after the 落款, then the attachment parts
LAID_DATE = "date"  # an ISO date written 年月日
LAID_ELEMENT = "element"  # a 公文 element of 版头 or 版记 (core/text/gongwen_layout.py)

# 落款 layouts (GB/T 9704 7.3.5).
# (the values are core.draft.model's SIGNATURE_SEALED/SIGNATURE_UNSEALED: model imports this
# module, so not the other way round)
SIGNATURE_CHOICES = (("sealed", "加盖印章"), ("unsealed", "不加盖印章"))


@dataclass(frozen=True)
class ReportField:
    name: str  # attribute of Report, key in the draft file
    label: str  # the one Chinese name shown in forms, flags, checks, undo steps and places
    value: str  # LINE / LINES / PARAGRAPHS / YEAR / DATE
    placement: str  # BEFORE_SECTIONS / AFTER_SECTIONS / METADATA
    carry: str  # one of the CARRY_* rules
    slot: bool = True  # flags, checks, find and the library read its text
    render: str | None = None  # template paragraph kind its lines use (core.render.variants.VARIANTS)
    form_hint: str = ""  # placeholder text in the 报告信息 form
    form_order: int = 0  # position in the form (reading order is the table's order)
    # A 公文 element (版头, 版记): the form shows it only where the report's kind offers it
    # (kind.toml ``[elements]``) or it already holds a value.
    element: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) for CHOICE fields
    laid: str = LAID_LINES  # how its value becomes paragraphs (LAID_*)
    # How the render context styles its paragraphs (a key of core/render/context.py
    # FIELD_BUILDERS); "" sets each in the ``render`` paragraph kind.
    built: str = ""
    # Left out when a dated 印发通知 carries the 落款 (the notice's own 署名 and date).
    notice_carries: bool = False
    # How an imported document gives it back, for the rows after the sections (peeled off
    # the end, last row first: core/importing/end_fields.py PARAGRAPH_READERS and
    # core/importing/gongwen_parts.py LINE_READERS). Rows before the sections are read by
    # the title block and 版头 readers (core/importing/outline_parser.py, gongwen_parts.py).
    reader: str = ""

    @property
    def is_list(self) -> bool:
        return self.value in (PARAGRAPHS, TEXTS)

    @property
    def undo_label(self) -> str:
        return f"修改{self.label}"


REPORT_FIELDS: tuple[ReportField, ...] = (
    # Reading order: the table's order within each placement.
    # 版头 (GB/T 9704 7.2), printed only when 版头 is not “不加版头” (core/text/gongwen_layout.py).
    ReportField(
        "copy_number", "份号", LINE, BEFORE_SECTIONS, CARRY_CLEAR, render="header_top",
        form_hint="涉密公文的份数序号，如：000001", form_order=97, element=True, laid=LAID_ELEMENT, built="header_top",
    ),
    ReportField(
        "secrecy", "密级和保密期限", LINE, BEFORE_SECTIONS, CARRY_KEEP, render="header_top",
        form_hint="如：秘密★1年（不涉密不填）", form_order=98, element=True, laid=LAID_ELEMENT, built="header_top",
    ),
    ReportField(
        "urgency", "紧急程度", LINE, BEFORE_SECTIONS, CARRY_CLEAR, render="header_top",
        form_hint="特急或加急（可不填）", form_order=99, element=True, laid=LAID_ELEMENT, built="header_top",
    ),
    ReportField(
        "issuer_mark", "发文机关标志", LINES, BEFORE_SECTIONS, CARRY_KEEP, render="issuer_mark",
        form_hint="如：中共某某区委组织部文件；联合行文每行一个机关", form_order=100, element=True, laid=LAID_ELEMENT, built="issuer_mark",
    ),
    ReportField(
        "doc_number", "发文字号", LINE, BEFORE_SECTIONS, CARRY_KEEP, render="doc_number",
        form_hint="如：某组发〔2024〕5号", form_order=101, element=True, laid=LAID_ELEMENT, built="doc_number",
    ),
    ReportField(
        "signers", "签发人", LINE, BEFORE_SECTIONS, CARRY_KEEP, render="doc_number",
        form_hint="上报的报告填写，如：张三（多人用空格分开）", form_order=102, element=True, laid=LAID_ELEMENT, built="signers",
    ),
    ReportField(
        "cover",
        "印发通知",
        PARAGRAPHS,
        BEFORE_SECTIONS,
        CARRY_CLEAR,
        render="cover",
        form_hint="印发通知的各段（可不填）：标题、主送、正文，每行一段",
        form_order=90, built="cover",
    ),
    ReportField(
        "title", "标题", LINE, BEFORE_SECTIONS, CARRY_ROLL_YEAR, render="title",
        form_hint="如：2023年上半年工作总结", form_order=10, laid=LAID_BLOCK, built="title",
    ),
    ReportField(
        "subtitle", "副标题", LINES, BEFORE_SECTIONS, CARRY_KEEP, render="subtitle",
        form_hint="副标题（可不填），每行一行", form_order=15, laid=LAID_BLOCK, built="subtitle",
    ),
    ReportField(
        "addressee", "主送机关", LINE, BEFORE_SECTIONS, CARRY_KEEP, render="addressee",
        form_hint="上报时填写，如：区委（结尾的全角冒号自动加上）", form_order=20, laid=LAID_ADDRESSEE,
    ),
    ReportField(
        "opening", "开头", PARAGRAPHS, BEFORE_SECTIONS, CARRY_KIND_WORDING, render="body",
        form_hint="开头段落，每行一段（如：今年以来，在……的坚强领导下……）", form_order=50, built="opening",
    ),
    ReportField(
        "closing", "结尾", PARAGRAPHS, AFTER_SECTIONS, CARRY_KIND_WORDING, render="body",
        form_hint="结尾段落，每行一段（可不填）", form_order=60, reader="closing",
    ),
    ReportField(
        "attachments", "附件说明", PARAGRAPHS, AFTER_SECTIONS, CARRY_CLEAR, render="attachment",
        form_hint="附件名称，每行一个（可不填）；要在本文档里写附件，可把提纲中的一部分勾选为“作为附件”",
        form_order=70, laid=LAID_ATTACHMENT_LIST, built="first_and_more", reader="attachment_note",
    ),
    ReportField(
        "signature", "署名", LINES, AFTER_SECTIONS, CARRY_SAME_UNIT, render="signature",
        form_hint="发文机关署名（可不填），联合行文每行一个", form_order=80, laid=LAID_BLOCK, built="first_and_more", notice_carries=True, reader="signature",
    ),
    ReportField(
        "date", "成文日期", DATE, AFTER_SECTIONS, CARRY_KIND_DEFAULT, slot=False, render="date", form_order=40, laid=LAID_DATE, built="date", notice_carries=True, reader="date",
    ),
    ReportField(
        "signature_layout", "落款格式", CHOICE, METADATA, CARRY_KIND_DEFAULT, slot=False, form_order=81,
        choices=SIGNATURE_CHOICES,
    ),
    ReportField(
        "unit", "发文单位", LINE, METADATA, CARRY_GIVEN, slot=False,
        form_hint="如：中共某某区委组织部", form_order=25,
    ),
    # 附件 pages after the 落款 (7.3.4, 8): each starts a page, "附件1" and its own title.
    ReportField(
        "attachment_texts", "附件正文", TEXTS, AFTER_SECTIONS, CARRY_CLEAR, render="attachment_page",
        form_hint="选择附件，写入它的正文（每行一段）；附件名称在“附件说明”中填写", form_order=75, laid=LAID_ATTACHMENT_PAGES, built="attachment_pages", reader="attachment_pages",
    ),
    # 版记 (GB/T 9704 7.4), at the foot of the last page.
    ReportField(
        "copy_to", "抄送机关", LINE, AFTER_SECTIONS, CARRY_KEEP, render="imprint",
        form_hint="如：区委办公室，区政府办公室（可不填）", form_order=110, element=True, laid=LAID_ELEMENT, built="copy_to", reader="copy_to",
    ),
    ReportField(
        "printer", "印发机关", LINE, AFTER_SECTIONS, CARRY_KEEP, render="imprint",
        form_hint="如：中共某某区委组织部办公室", form_order=111, element=True, laid=LAID_ELEMENT, built="printer", reader="printed",
    ),
    ReportField(
        "print_date", "印发日期", DATE, AFTER_SECTIONS, CARRY_CLEAR, slot=False, render="imprint",
        form_order=112, element=True, laid=LAID_ELEMENT, reader="printed",
    ),
    ReportField("year", "年度", YEAR, METADATA, CARRY_GIVEN, slot=False, form_order=30),
    ReportField(
        "header_mode", "版头", CHOICE, METADATA, CARRY_KEEP, slot=False, form_order=96, element=True,
        choices=HEADER_MODES,
    ),
)

FIELD_BY_NAME: dict[str, ReportField] = {f.name: f for f in REPORT_FIELDS}

# A section's own fields, with the one label each is shown and undone under.
SECTION_FIELD_LABELS = {
    "heading": "标题",
    "body": "正文",
    "points": "要点",
    "tail": "正文（要点之后）",
    "done": "完成状态",
    "run_in": "标题排法",
    "points_layout": "要点排法",
    "tables": "表格",
    "attachment": "附件设置",
}


def fields_at(placement: str) -> tuple[ReportField, ...]:
    return tuple(f for f in REPORT_FIELDS if f.placement == placement)


def slot_fields(placement: str) -> tuple[ReportField, ...]:
    """Text fields that flags, checks, find and the library read, in reading order."""
    return tuple(f for f in fields_at(placement) if f.slot)


def form_fields() -> tuple[ReportField, ...]:
    return tuple(sorted(REPORT_FIELDS, key=lambda f: f.form_order))


def field_label(name: str, default: str = "") -> str:
    found = FIELD_BY_NAME.get(name)
    return found.label if found else (default or name)


def offered_fields(offered: set[str] | frozenset[str], report: object) -> tuple[ReportField, ...]:
    """The form's rows for a report: every plain field, and each 公文 element the kind
    offers (``offered``: field names from kind.toml ``[elements]``) or that holds a value."""
    return tuple(
        f for f in form_fields() if not f.element or f.name in offered or getattr(report, f.name, None)
    )


def empty_value(spec: ReportField) -> object:
    if spec.is_list:
        return []
    if spec.value == YEAR:
        return None
    return ""


def field_lines(value: object) -> list[str]:
    """A field's text as lines: list items, or a str split at line breaks."""
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, str):
        return value.split("\n") if value else []
    return []
