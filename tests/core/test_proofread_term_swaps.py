"""A word of a fixed term swapped for a like one: found in the shipped terms, let be where the term
is a pattern or the words around it make another phrase."""

from __future__ import annotations

import pytest

from core.proofread import data, term_swaps
from core.proofread.formulations import find_formulation_slips
from core.proofread.term_swaps import term_swap_slips


def swaps(text: str) -> list[tuple[str, str]]:
    return [(text[h.start : h.end], h.fix or "") for h in term_swap_slips(text)]


@pytest.mark.parametrize(
    ("text", "written", "term"),
    [
        ("深入实施乡村复兴战略，推动农业全面升级。", "乡村复兴战略", "乡村振兴战略"),  # one character of a word
        ("因地制宜发展新型生产力。", "新型生产力", "新质生产力"),  # a word the dictionary lacks (新质)
        ("对接长江经济圈发展。", "长江经济圈", "长江经济带"),  # a word of three beside two fixed characters
        ("构建清亲政商关系。", "清亲政商关系", "亲清政商关系"),  # a word typed the other way round
        # seven fixed characters around: any word
        ("推进山水林田湖草沙一体化保护和综合治理。", "山水林田湖草沙一体化保护和综合治理", "山水林田湖草沙一体化保护和系统治理"),
        ("雄安新区这一千秋大计、国家大事落户保定。", "千秋大计、国家大事", "千年大计、国家大事"),
    ],
)
def test_a_swapped_word_is_found(text: str, written: str, term: str) -> None:
    assert swaps(text) == [(written, term)]


@pytest.mark.parametrize(
    "clean",
    [
        "深入实施乡村振兴战略，因地制宜发展新质生产力。",  # the terms themselves
        "加快珠江—西江经济带开发开放，着力构建雅江经济带。",  # a place's name, where other places' stand
        "支持国家级高新技术企业发展。",  # the span would end inside a word of the draft (高新技术)
        "发展新的生产力，实施乡村发展战略。",  # a particle; both characters of a word changed
        "落实四个意识，建设省委经济工作会议。",  # no term here, numbers and levels aside
        "在整个社会主义历史阶段，必须坚持不懈。",  # six fixed characters leave another phrase
        "乡村振兴战斗全面打响。",  # a campaign spoken of as a battle (fresh pages)
    ],
)
def test_near_misses(clean: str) -> None:
    assert swaps(clean) == []


def test_the_office_can_add_a_term(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data, "core_terms", lambda: frozenset({"清廉机关建设"}))
    assert swaps("推进清廉机构建设。") == [("清廉机构建设", "清廉机关建设")]


def test_the_finding_reaches_the_formulation_check() -> None:
    [hit] = find_formulation_slips("全面贯彻整体国家安全观。")
    assert (hit.fix, hit.message) == (
        "总体国家安全观",
        "“整体国家安全观”与固定提法“总体国家安全观”差一个词（“整体”应为“总体”），可能写错了。",
    )


def test_every_shipped_term_has_a_word_to_check() -> None:
    # A term too short to leave three fixed characters around any word of it checks nothing.
    terms = data.core_terms()
    assert terms - {slot.term for slot in term_swaps._slots_of(terms)} == set()
