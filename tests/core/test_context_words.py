"""Rule 12's counts (context_pairs.marisa) and how scripts/build_context_pairs.py makes them."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from core.proofread import context_words, official_counts
from core.proofread.lexicon import Lexicon

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import build_context_pairs


def test_the_shipped_counts_tell_a_word_from_its_slip() -> None:
    counts = official_counts.counts()
    assert counts is not None and counts.total > 10_000_000
    assert counts.pair("各项", "事业") > 100 and counts.pair("各项", "失业") == 0
    assert counts.pair("坚定", "拥护") > counts.pair("鉴定", "拥护") == 0
    assert counts.fit("事业", "各项", "") - counts.fit("失业", "各项", "") > context_words.MIN_GAIN


def test_variants_are_one_character_away_by_sound_in_any_tone_or_by_shape(lexicon: Lexicon) -> None:
    found = set(context_words.variants(lexicon, "失业"))
    assert {"事业", "实业"} <= found  # shì, shí: the tone differs from shī
    assert "前列" in set(context_words.variants(lexicon, "前例"))  # 例/列 look alike
    assert "失业" not in found and all(len(word) == 2 for word in found)


def test_words_used_alike_are_listed() -> None:
    alike = context_words.interchangeable()
    assert frozenset(("督查", "督察")) in alike
    assert frozenset(("事业", "失业")) not in alike
    assert frozenset(("察看", "查看")) in alike  # kept by hand: both right, used alike
    assert frozenset(("检察", "检查")) not in alike  # shares neighbours, yet a clerk's slip


def test_words_clerks_confuse_are_judged_by_their_neighbours(lexicon: Lexicon) -> None:
    [hit] = context_words.words_out_of_context("全年开展执法检察、视察调研60余次。", lexicon)
    assert (hit.fix, hit.start, hit.end) == ("检查", 6, 8)
    [hit] = context_words.words_out_of_context("党政主要负责人认真旅行好第一责任人职责。", lexicon)
    assert hit.fix == "履行"
    assert context_words.words_out_of_context("组织干部职工外出旅行。", lexicon) == []
    for right in ("全年开展执法检查、视察调研60余次。", "县人民检察院依法开展检察监督工作。", "推进检察机关法律监督工作。"):
        assert context_words.words_out_of_context(right, lexicon) == []
    # More pairs of the kind: 了解 after 及时, 常住 before 人口 (the statistics' term).
    for wrong, meant in (("镇里经常组织例会，及时了结我们的工作和生活。", "了解"), ("城镇常驻人口达到5万人。", "常住")):
        [hit] = context_words.words_out_of_context(wrong, lexicon)
        assert hit.fix == meant
    assert context_words.words_out_of_context("双方协商了结这起纠纷，驻京办常驻人员返岗。", lexicon) == []
    # Pairs whose neighbours mislead on published text stay used alike (协同高校, 实地察看).
    assert context_words.words_out_of_context("协同高校建立科技发展平台。", lexicon) == []
    assert context_words.words_out_of_context("视察组实地察看了食品生产经营单位。", lexicon) == []


def test_a_compound_cut_whole_counts_as_its_two_words(lexicon: Lexicon, tmp_path: Path) -> None:
    assert lexicon.words("各项事业") == ["各项事业"]
    law = tmp_path / "law.md"
    law.write_text("# 总则\n推动各项事业发展。\n", encoding="utf-8")
    words, pairs = build_context_pairs._count([law])
    assert pairs["各项", "事业"] == 1 and pairs["推动", "各项"] == 1 and pairs["事业", "发展"] == 1
    assert pairs["推动", "各项事业"] == 1 and words["总则"] == 1


def test_two_words_sharing_their_neighbours_are_used_alike() -> None:
    neighbours = ["开展", "综合", "加强", "专项", "联合", "环保"]
    pairs: Counter[tuple[str, str]] = Counter()
    for word in ("督查", "督察"):
        pairs.update({(neighbour, word): 3 for neighbour in neighbours})
    pairs.update({(neighbour, "事业"): 3 for neighbour in ("各项", "公益", "社会", "文化", "体育")})
    pairs.update({(neighbour, "失业"): 3 for neighbour in ("登记", "城镇", "下岗", "摩擦", "长期")})
    words = Counter({"督查": 18, "督察": 18, "事业": 15, "失业": 15})
    assert build_context_pairs.interchangeable_pairs(words, pairs) == [("督察", "督查")]


def test_without_the_counts_file_rule_12_stays_silent(monkeypatch: pytest.MonkeyPatch, lexicon: Lexicon) -> None:
    assert context_words.words_out_of_context("推动全县各项失业蓬勃发展。", lexicon)
    monkeypatch.setattr(official_counts, "counts", lambda: None)
    assert context_words.words_out_of_context("推动全县各项失业蓬勃发展。", lexicon) == []


def test_a_word_official_text_never_writes_needs_less_evidence(lexicon: Lexicon) -> None:
    # 审察 is in jieba's dictionary but in none of the 18 million characters; 合同|审查 is
    # written 4 times, under the 7 a written word needs against it.
    [hit] = context_words.words_out_of_context("全年完成重大合同审察3件。", lexicon)
    assert hit.fix == "审查"
    # Two loose characters still need the full evidence (市|暨 of 依法治市暨法治政府建设: no 市级).
    assert context_words.words_out_of_context("举办“兰州市推进依法治市暨法治政府建设”专题培训班。", lexicon) == []
    # A pattern with its first character repeated two on is coined (优机优补: 有机 is no fix).
    assert context_words.words_out_of_context("推进优机优补，农作物耕种收综合机械化率稳定在99%。", lexicon) == []


def test_a_neighbour_that_goes_with_anything_vouches_for_no_word(lexicon: Lexicon) -> None:
    """The word meant must be written beside a neighbour it goes with, far above chance (弱势 群体),
    not beside one that goes with any word (可以 上诉, 部门 及时, 各级 检察): fresh published pages."""
    for right in (
        "团风农民画的起源可以上溯到魏晋南北朝。",
        "如果污染源不得到有效治理，水务部门即使再增加人力物力财力的投入，水环境质量也很难有质的飞跃。",
        "一年来保洁中心坚持各级检查考核制度。",
    ):
        assert context_words.words_out_of_context(right, lexicon) == [], right
    [hit] = context_words.words_out_of_context("横向涉及各主要弱视群体，我市法律援助纵横相连。", lexicon)
    assert hit.fix == "弱势"
