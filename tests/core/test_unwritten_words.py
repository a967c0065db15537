"""Rule 14: a dictionary word official text never writes, put right by its sound alone."""

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
