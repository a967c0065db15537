"""The digest of a draft's words (core.text.textslots.text_digest) the export writes into the .docx:
equal exactly when a review could not tell two states of the draft apart."""

from __future__ import annotations

import copy
import uuid

from core.draft.model import Report
from core.draft.tables import Table
from core.text.textslots import iter_slots, set_slot_text, text_digest
from tests.core.review_builders import sample_report


def with_table() -> Report:
    report = sample_report()
    report.sections[0].tables = [Table(rows=[["项目", "完成"], ["培训", "4期"]], merges=[])]
    return report


def test_the_same_words_under_new_section_ids_give_the_same_digest() -> None:
    report = with_table()
    renamed = copy.deepcopy(report)
    for _, section in renamed.walk():
        section.id = uuid.uuid4().hex
    assert text_digest(renamed) == text_digest(report)
    assert text_digest(copy.deepcopy(report)) == text_digest(report)


def test_one_character_changed_anywhere_changes_the_digest() -> None:
    report = with_table()
    before = text_digest(report)
    slots = list(iter_slots(report, cells=True))
    assert any(slot.field == "cells" for slot in slots) and len(slots) > 10
    for slot in slots:
        changed = copy.deepcopy(report)
        set_slot_text(changed, slot.section_id, slot.field, slot.index, slot.text + "。")
        assert text_digest(changed) != before, (slot.section_id, slot.field, slot.index)


def test_a_section_moved_under_another_or_a_merge_changes_the_digest() -> None:
    report = with_table()
    moved = copy.deepcopy(report)
    last = moved.sections.pop()
    moved.sections[-1].children.append(last)  # the same words, one level down
    assert text_digest(moved) != text_digest(report)
    merged = copy.deepcopy(report)
    merged.sections[0].tables[0].merges = [[1, 0, 2]]
    assert text_digest(merged) != text_digest(report)
