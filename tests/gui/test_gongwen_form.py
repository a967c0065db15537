"""公文 elements in the 报告信息 form: rows the kind offers, the 版头 choice, 生成印发通知 (undoable)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.gui.conftest import ended_by, export_and_wait, type_chinese


def _visible(window: Any, name: str) -> bool:
    form = window.editor.report_form
    return form.editors[name].isVisibleTo(form)


def test_an_upward_report_offers_the_header_and_imprint_rows(make_window: Any, new_report: Any) -> None:
    window = make_window()
    new_report(window, None, kind="half_year_summary")
    window.window_actions["report_info"].trigger()
    form = window.editor.report_form
    for name in ("header_mode", "issuer_mark", "doc_number", "signers", "copy_to", "printer", "print_date"):
        assert _visible(window, name), name
    assert not form.notice_button.isVisibleTo(form)
    assert form.editors["issuer_mark"].toPlainText() == "某某区委组织部文件"  # the kind's default

    box = form.editors["header_mode"]
    box.setCurrentIndex(box.findData("electronic"))
    assert window.doc.report.header_mode == "electronic"
    assert window.window_actions["undo"].text().endswith("修改版头")
    edit = form.editors["signers"]
    edit.setFocus()
    type_chinese(edit, "张三")
    assert window.doc.report.signers == "张三"
    window.window_actions["undo"].trigger()
    window.window_actions["undo"].trigger()
    assert window.doc.report.header_mode == ""
    assert box.currentData() == ""


def test_a_speech_offers_none_of_them(make_window: Any, new_report: Any) -> None:
    window = make_window()
    new_report(window, None, kind="work_report")
    window.window_actions["report_info"].trigger()
    assert not _visible(window, "doc_number")
    assert not _visible(window, "header_mode")
    assert _visible(window, "title")


def test_generate_notice_for_keypoints_and_undo(make_window: Any, new_report: Any) -> None:
    window = make_window()
    new_report(window, None, kind="annual_keypoints")
    window.window_actions["report_info"].trigger()
    form = window.editor.report_form
    assert form.notice_button.isVisibleTo(form)
    assert not _visible(window, "signers")  # a 工作要点 is issued downward
    form.notice_button.click()
    cover = window.doc.report.cover
    title = window.doc.report.title
    assert cover[:3] == [f"关于印发《{title}》的通知", "各有关单位：", f"现将《{title}》印发给你们，请结合实际认真贯彻落实。"]
    assert cover[3] == "某某区委组织部"
    assert window.window_actions["undo"].text().endswith("修改印发通知")
    window.window_actions["undo"].trigger()
    assert window.doc.report.cover == []


def test_attachment_text_is_written_per_attachment_and_undone(make_window: Any, new_report: Any) -> None:
    window = make_window()
    new_report(window, None, kind="half_year_summary")
    window.window_actions["report_info"].trigger()
    form = window.editor.report_form
    window.doc.set_report_field("attachments", ["完成情况表", "培训计划"])
    editor = form.editors["attachment_texts"]
    assert [editor.picker.itemText(i) for i in range(editor.picker.count())] == ["附件1：完成情况表", "附件2：培训计划"]
    editor.picker.setCurrentIndex(1)
    editor.text.setFocus()
    type_chinese(editor.text, "全年培训干部500人次。")
    assert window.doc.report.attachment_texts == ["", "全年培训干部500人次。"]
    assert window.window_actions["undo"].text().endswith("修改附件正文")
    editor.picker.setCurrentIndex(0)
    assert editor.text.toPlainText() == ""
    window.window_actions["undo"].trigger()
    assert window.doc.report.attachment_texts == []


def test_an_attachment_is_taken_from_a_word_file_as_a_part_in_one_undo_step(
    make_window: Any, new_report: Any, answers: Any, tmp_path: Path
) -> None:
    import docx

    source = tmp_path / "附件.docx"
    document = docx.Document()
    for line in ("附件2", "2024年重点任务分解表", "一、强化政治引领。", "二、建强基层组织。"):
        document.add_paragraph(line)
    document.save(str(source))
    window = make_window()
    new_report(window, None, kind="half_year_summary")
    window.window_actions["report_info"].trigger()
    window.doc.set_report_field("attachments", ["完成情况表"])
    form = window.editor.report_form
    editor = form.editors["attachment_texts"]
    report = window.doc.report
    count = len(report.sections)
    answers.open_paths.append(str(source))
    assert ended_by(form.attachmentFinished, editor.import_button.click) is True  # read in the background
    part = report.sections[-1]
    assert len(report.sections) == count + 1
    # Its numbered lines are its headings, numbered afresh on paper (not body text with typed numbers).
    assert (part.heading, part.attachment, part.body) == ("2024年重点任务分解表", True, [])
    assert [child.heading for child in part.children] == ["强化政治引领。", "建强基层组织。"]
    assert window.doc.outline.marker(part.children[0].id) == "一、"
    assert window.window_actions["undo"].text() == "撤销 从文件导入附件“附件.docx”"
    # Shown at once in 本节内容, as the second attachment after the one typed in 附件说明.
    assert window.editor.section_form.section_id == part.id
    assert window.editor.section_form.marker_label.text() == "附件2："
    # The same file again: the clerk is asked before the part (and what they changed in it) is
    # replaced; 取消 leaves it as it is.
    answers.replace_attachment = False
    answers.open_paths.append(str(source))
    assert ended_by(form.attachmentFinished, editor.import_button.click) is False
    assert answers.asked[-1] == ("replace_attachment", "2024年重点任务分解表 附件.docx")
    assert report.sections[-1] is part and len(report.sections) == count + 1
    answers.replace_attachment = True
    answers.open_paths.append(str(source))
    assert ended_by(form.attachmentFinished, editor.import_button.click) is True
    assert len(report.sections) == count + 1  # refreshed, not doubled
    assert report.sections[-1] is not part and report.sections[-1].heading == part.heading
    window.window_actions["undo"].trigger()
    window.window_actions["undo"].trigger()  # the part goes, in one step
    assert len(report.sections) == count and report.attachment_texts == []
    # A file that cannot be read is refused in plain Chinese, and nothing changes.
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"not a zip")
    answers.open_paths.append(str(broken))
    assert ended_by(form.attachmentFinished, editor.import_button.click) is False
    assert answers.asked[-1][0] == "warn" and "坏.docx" in answers.asked[-1][1]
    assert len(report.sections) == count


def test_preview_shows_the_issuer_mark_in_red(app: Any) -> None:
    from core.render.context import build_context
    from core.render.fonts import get_scheme
    from gui.panels.preview_fonts import map_scheme
    from gui.panels.preview_pane import build_layout
    from tests.core.gongwen_samples import UNIT, upward_report

    scheme = get_scheme("gb2312")
    paragraphs = build_context(upward_report()).paragraphs
    layout = build_layout(paragraphs, scheme, map_scheme(scheme))
    index = next(i for i, p in enumerate(paragraphs) if p["style"] == "issuer_mark")
    block = layout.paragraphs[index].document.firstBlock()
    assert block.text() == f"{UNIT}文件"
    colour = block.begin().fragment().charFormat().foreground().color().name()
    assert colour == "#ff0000"


def test_a_part_made_an_attachment_is_edited_in_the_section_form_and_exported(
    make_window: Any, new_report: Any, answers: Any, tmp_path: Path
) -> None:
    import docx

    from tests.gui.conftest import append_chinese

    window = make_window()
    new_report(window, None, kind="half_year_summary")
    report = window.doc.report
    part = report.find(window.doc.add_section_after(report.sections[-1].id, "重点任务分解表"))
    assert part is not None
    window.editor.outline.select_section(part.id)
    form = window.editor.section_form
    assert form.attachment_box.isVisible() and not form.attachment_box.isChecked()
    assert form.marker_label.text() == "四、"
    form.attachment_box.click()
    assert part.attachment and window.window_actions["undo"].text() == "撤销 修改附件设置"
    assert form.marker_label.text() == "附件："  # the only attachment
    model = window.doc.outline
    assert model.marker(report.sections[0].id) == "一、"
    append_chinese(form.body_edit, "按任务逐项分解如下。")
    assert part.body == ["按任务逐项分解如下。"]
    child = window.doc.add_child_section(part.id, "政治建设")
    assert model.marker(child) == "一、"  # numbered afresh inside the attachment
    window.doc.set_section_field(child, "body", ["落实第一议题制度。"])

    target = tmp_path / "带附件.docx"
    answers.save_paths.append(str(target))
    assert export_and_wait(window) == target
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(target)).paragraphs]
    label = paragraphs.index(("附件标识（附件1）", "附件"))
    assert paragraphs[label + 1][1].replace("\n", "") == "重点任务分解表"
    assert paragraphs[label + 2][1] == "按任务逐项分解如下。"
    assert paragraphs[label + 3][1] == "一、政治建设"
    assert ("附件说明", "附件：重点任务分解表") in paragraphs

    window.window_actions["undo"].trigger()  # the child's text
    window.window_actions["undo"].trigger()  # the child
    window.window_actions["undo"].trigger()  # the body
    window.window_actions["undo"].trigger()  # 作为附件
    assert not part.attachment and form.marker_label.text() == "四、"
    # Only a top-level part can be an attachment.
    window.editor.outline.select_section(report.sections[0].children[0].id)
    assert not form.attachment_box.isVisible()
