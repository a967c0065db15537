"""Rule 14: a dictionary word official text never writes, put right by its sound alone; or one it
seldom writes, put right by its sound and the runs around it."""

from __future__ import annotations

import dataclasses
from collections.abc import Container

import pytest

from core.proofread import unwritten_words
from core.proofread.lexicon import Lexicon


def test_a_word_official_text_never_writes_is_put_right_by_its_sound_alone(lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch) -> None:
    # 功业 and 会意 are dictionary words no law or report writes; 工业 and 会议 sound exactly alike
    # and are written thousands of times — with no neighbour to judge by (一个|功业, 会意|。).
    hits = unwritten_words.unwritten_words("打造一个功业强县，召开区委人才工作会意。", lexicon)
    assert [(hit.fix, hit.start) for hit in hits] == [("工业", 4), ("会议", 17)]
    # Words official text writes are left to the neighbours' rule; a function word (总之), a word
    # whose like word differs in tone (富于 fùyú, 富裕 fùyù) and a name stand for no slip.
    assert unwritten_words.unwritten_words("总之，要富于创造性地推进工业发展，召开会议。", lexicon) == []
    monkeypatch.setattr(unwritten_words, "counts", lambda: None)
    assert unwritten_words.unwritten_words("打造一个功业强县。", lexicon) == []


def test_what_a_word_stands_for_is_looked_up_again_for_another_lexicon(lexicon: Lexicon) -> None:
    # The lookups are kept for the lexicon last used only: one that names 功业 (a firm, say) must
    # not be answered from the shipped lexicon's lookups, nor the other way round.
    assert [hit.fix for hit in unwritten_words.unwritten_words("打造一个功业强县。", lexicon)] == ["工业"]
    naming = dataclasses.replace(lexicon, names=NamesWith("功业", lexicon.names))
    assert unwritten_words.unwritten_words("打造一个功业强县。", naming) == []
    assert [hit.fix for hit in unwritten_words.unwritten_words("打造一个功业强县。", lexicon)] == ["工业"]


class NamesWith:
    """The lexicon's names and one more."""

    def __init__(self, name: str, names: Container[str]) -> None:
        self.name, self.names = name, names

    def __contains__(self, word: object) -> bool:
        return word == self.name or word in self.names


def test_a_word_official_text_seldom_writes_is_put_right_where_the_runs_around_choose_the_like_word(
    lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 凸出, 乘员 and 液态 are words of laws and standards; here the runs around them are written with
    # 突出, 成员 and 业态, which official text writes far more often.
    text = "凸出政治建设，对乘员单位进行增补，提升新领域新液态党建工作。"
    hits = unwritten_words.seldom_written_words(text, lexicon)
    assert [(text[hit.start : hit.end], hit.fix) for hit in hits] == [("凸出", "突出"), ("乘员", "成员"), ("液态", "业态")]
    assert hits[0].message == "“凸出”在公文里很少出现，读音相同的“突出”常用，公文也常这样写它前后的字，“凸出”可能是“突出”之误。"
    # The same words where the runs around are written with them, and a name (智利).
    # … nor a window of a particle and the like word alone (的机动: 机动车 is written often).
    right = "做好结核病防治工作，保障车辆乘员安全，液态奶价格回升，与智利开展经贸合作，群众内心的激动溢于言表。"
    assert unwritten_words.seldom_written_words(right, lexicon) == []
    # A name, or a word official text writes a twentieth as often as the like one, on runs that
    # overwhelm alone: 提供智力支持, 构建“亲”“清”政商关系.
    strong = "为高质量发展提供智利支持，持续构件亲清政商关系。"
    assert [hit.fix for hit in unwritten_words.seldom_written_words(strong, lexicon)] == ["智力", "构建"]
    assert unwritten_words.seldom_written_words("升级加利、提质增效，机械构件加工。", lexicon) == []
    monkeypatch.setattr(unwritten_words, "phrase_counts", lambda: None)
    assert unwritten_words.seldom_written_words(text, lexicon) == []
