"""Every report-level field row reads as it writes: a draft with any of the rows filled is
rendered, imported back and rendered again, and the two documents are the same.

The rows come from core/draft/fields.py itself, so a field added there without a reader on
the import side fails here (a sample value must be given for it below, or the test says so)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from core.draft.fields import HEADER_ELECTRONIC, HEADER_PRETINTED, REPORT_FIELDS
from core.draft.kinds import get_kind
from core.draft.model import SIGNATURE_SEALED, SIGNATURE_UNSEALED, Report, Section
from core.importing.importer import import_document
from core.render import render_report_bytes

UNIT = "中共某某区委组织部"

# Sample values for every row, a few each, written by hand as a clerk would fill them in.
SAMPLES: dict[str, list[Any]] = {
    "copy_number": ["000001", "000125"],
    "secrecy": ["秘密★1年", "机密"],
    "urgency": ["特急", "加急"],
    # The draft's own unit (the 发文单位 is read from the mark when nothing else names it); a joint
    # mark over several lines is being reworked with the 版头 grid and is not sampled here.
    "issuer_mark": ["中共某某区委组织部文件"],
    "doc_number": ["某组发〔2024〕5号", "某组〔2024〕12号"],
    "signers": ["张三", "张三 李四"],
    # A 印发通知 is read by the 《title》 it issues: it names the draft's own title.
    "cover": [
        [
            "关于印发《{title}》的通知",
            "各党（工）委，区直各单位党组织：",
            "现将《{title}》印发给你们，请结合实际认真贯彻落实。",
        ]
    ],
    "title": ["中共某某区委组织部2024年工作总结", "关于2024年组织工作情况的报告"],
    "subtitle": ["（2024年12月20日）", "——在全区组织工作会议上的报告"],
    "addressee": ["区委", "市委组织部"],
    "opening": [["2024年，我部坚持稳中求进工作总基调，现将有关情况报告如下："]],
    "closing": [["特此报告。"], ["以上报告，请审议。"]],
    "attachments": [["2024年工作台账"], ["重点任务清单", "考核结果汇总表"]],
    "signature": [UNIT, "中共某某区委组织部\n某某区人力资源和社会保障局"],
    "date": ["2024-12-20", "2025-01-06"],
    "signature_layout": [SIGNATURE_SEALED, SIGNATURE_UNSEALED],
    "unit": [UNIT],
    "attachment_texts": [["附件正文第一段。\n附件正文第二段。"]],
    "copy_to": ["区委办公室，区政府办公室。", "市委组织部"],
    "printer": ["中共某某区委组织部办公室"],
    "print_date": ["2024-12-23"],
    "year": [2024],
    "header_mode": [HEADER_ELECTRONIC, HEADER_PRETINTED],
}
# Rows that mean something only with others: 版头 elements are printed under a 版头, and a
# 版头 has its 发文机关标志 and 发文字号 (GB/T 9704 7.2: what marks a 版头 on import); an
# attachment's text belongs to a named attachment; 印发机关 and 印发日期 share one line.
# 套红纸 leaves the 发文机关标志 to the paper: a pretinted draft's mark is not in the document.
HEADER = ("header_mode", "issuer_mark", "doc_number")
NEEDS: dict[str, tuple[str, ...]] = {
    "header_mode": HEADER,
    "copy_number": HEADER,
    "secrecy": HEADER,
    "urgency": HEADER,
    "issuer_mark": HEADER,
    "doc_number": HEADER,
    "signers": HEADER,
    "attachment_texts": ("attachments",),
    "printer": ("print_date",),
    "print_date": ("printer",),
    "date": ("signature",),
}


def test_every_row_has_samples() -> None:
    assert sorted(SAMPLES) == sorted(spec.name for spec in REPORT_FIELDS)


def _draft(chosen: dict[str, Any]) -> Report:
    report = get_kind("annual_summary").new_report(2024, UNIT)
    report.sections = [
        Section(heading="主要工作和成效", body=["全年完成各项任务，基层组织建设全面进步。"]),
        Section(heading="存在的问题", body=["调查研究还不够深入。"]),
    ]
    for spec in REPORT_FIELDS:
        if spec.name not in ("unit", "year", "title", "signature_layout"):
            setattr(report, spec.name, [] if isinstance(getattr(report, spec.name), list) else "")
    for name, value in chosen.items():
        setattr(report, name, value)
    report.cover = [line.format(title=report.title) for line in report.cover]
    return report


@st.composite
def drafts(draw: st.DrawFn) -> Report:
    rows = draw(st.sets(st.sampled_from(sorted(SAMPLES))))
    wanted = set(rows)
    for name in rows:
        wanted.update(NEEDS.get(name, ()))
    chosen = {name: draw(st.sampled_from(SAMPLES[name])) for name in sorted(wanted)}
    if "attachment_texts" in chosen:
        chosen["attachment_texts"] = chosen["attachment_texts"] * len(chosen["attachments"])
    if chosen.get("header_mode") == HEADER_PRETINTED:
        chosen["issuer_mark"] = ""
    note(f"rows filled: {chosen}")
    return _draft(chosen)


def _document_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name.startswith("word/")}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_render_import_render_gives_the_same_document(tmp_path_factory: Any, report: Report) -> None:
    first = render_report_bytes(report).data
    path = tmp_path_factory.mktemp("rt") / "报告.docx"
    path.write_bytes(first)
    again = import_document(path).report
    second = render_report_bytes(again).data
    assert _document_parts(second) == _document_parts(first)


def test_every_row_after_the_sections_has_its_reader() -> None:
    from core.importing.end_fields import PARAGRAPH_READERS, end_rows
    from core.importing.gongwen_parts import LINE_READERS

    rows = end_rows()
    assert [spec.name for spec in rows][:2] == ["print_date", "printer"]  # the last row first
    missing = [spec.name for spec in rows if spec.reader not in PARAGRAPH_READERS and spec.reader not in LINE_READERS]
    assert missing == []


def test_the_end_is_peeled_in_the_tables_order_read_backwards(monkeypatch: Any) -> None:
    from core.importing import end_fields
    from core.importing.importer import parse_text

    read: list[str] = []
    for key, reader in list(end_fields.PARAGRAPH_READERS.items()):
        def recording(at: Any, spec: Any, reader: Any = reader) -> None:
            read.append(spec.name)
            reader(at, spec)

        monkeypatch.setitem(end_fields.PARAGRAPH_READERS, key, recording)
    result = parse_text(
        "2024年工作总结\n一、主要工作\n全年完成各项任务。\n特此报告。\n附件：工作台账\n中共某某区委组织部\n2024年12月20日\n"
    ).report
    assert read == ["date", "signature", "attachments", "closing"]
    assert (result.closing, result.attachments, result.signature, result.date) == (
        ["特此报告。"], ["工作台账"], "中共某某区委组织部", "2024-12-20"
    )
    assert result.sections[0].body == ["全年完成各项任务。"]
