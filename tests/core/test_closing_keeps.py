"""The closing-block rule as one decision over (style id, text) pairs: the .docx and the preview follow it."""

from __future__ import annotations

from core.render.closing_block import ClosingKeeps, closing_keeps


def test_two_one_line_paragraphs_keep_with_the_signature() -> None:
    paragraphs = [
        ("Normal", "第一段。"),
        ("Normal", "第二段。"),
        ("Normal", "最后一段。"),
        ("Signature", "区委办"),
        ("DocDate", "2025年7月1日"),
    ]
    assert closing_keeps(paragraphs) == ClosingKeeps(frozenset({1, 2}), frozenset({2}))


def test_a_paragraph_of_two_lines_or_more_is_enough_and_the_attachment_note_opens_the_block() -> None:
    paragraphs = [
        ("Normal", "短。"),
        ("Normal", "国" * 60),  # 2 + 60 characters: three lines of 28
        ("Attachment", "附件：1.名单"),
        ("Signature", "某某单位"),
        ("DocDate", "2025年7月1日"),
    ]
    assert closing_keeps(paragraphs) == ClosingKeeps(frozenset({1}), frozenset({1}))


def test_empty_paragraphs_are_not_text_and_a_draft_without_a_closing_block_keeps_nothing() -> None:
    paragraphs = [("Normal", "甲。"), ("Normal", "乙。"), ("Normal", " "), ("Signature", "某某单位")]
    assert closing_keeps(paragraphs) == ClosingKeeps(frozenset({0, 1}), frozenset({1}))
    assert closing_keeps([("Normal", "甲。"), ("Level1Heading", "一、标题")]) == ClosingKeeps(
        frozenset(), frozenset()
    )
