"""The runs official text writes (phrase_counts.marisa): rule 17 of the slip checks, the 的地得
rule by runs, and how scripts/build_phrase_counts.py makes the counts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from core.proofread import phrase_counts
from core.proofread.lexicon import Lexicon
from core.proofread.particle_runs import particle_slips_by_runs
from core.proofread.particles import find_particle_slips
from core.proofread.phrase_windows import phrase_slips
from core.proofread.slips import find_slips

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import build_phrase_counts


def _found(hits: list, text: str) -> list[tuple[str, str | None]]:
    return [(text[hit.start : hit.end], hit.fix) for hit in hits]


def test_the_shipped_counts_know_the_set_runs_of_reports() -> None:
    counts = phrase_counts.phrase_counts()
    assert counts is not None
    assert counts.count("切实可行") > 50 and counts.count("确实可行") == 0
    assert counts.count("常住人口") > 1000 and counts.count("常驻人口") == 0
    assert counts.fills("常驻人口", 1) == ["住"]  # 常?人口: only 住 is written there often
    assert counts.count("实") > 100_000 and counts.count("實") < 200  # a traditional character is rare
    assert counts.gain("城镇常驻人口", 3, "住") is not None
    assert counts.gain("城镇常住人口", 3, "驻") is None  # written as it stands more often


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("城镇常驻人口达到5万人。", "常驻人口", "常住人口"),  # 驻/住: the same syllable
        ("全面提高自然灾害防制能力。", "灾害防制", "灾害防治"),  # 防制 is a rare word, 防治 the set one
        ("加快推进产业集聚区提挡升级。", "提挡升级", "提档升级"),  # 挡/档: drawn alike and the same sound
        ("发挥产业积聚效应，壮大县域经济。", "产业积聚", "产业集聚"),  # a real word the run rules out
        ("推进县城经济持续平稳较快发展。", "县城经济", "县域经济"),  # a very common word, overwhelmed by the run
    ],
)
def test_a_character_the_runs_around_it_rule_out(lexicon: Lexicon, text: str, span: str, fix: str) -> None:
    assert _found(phrase_slips(text, lexicon), text) == [(span, fix)]


@pytest.mark.parametrize(
    "text",
    [
        "城镇常住人口达到5万人，发挥产业集聚效应。",  # as official text writes them
        "向大会做政府工作报告。",  # 做 and 作 are both published before 报告
        "共同推进其它地区的工作。",  # 其它 and 其他 are used alike
        "要认真研究当前的形式和任务。",  # 形式 is among the commonest words: chosen, not slipped
        "新时代中國特色社會主義思想。",  # traditional characters are the copy's, not slips
        "组织开展“智慧悦湖”建设，“智慧悦湖”平台上线。",  # a coined run the paragraph writes twice
        "开展检察开放日活动，畅通群众有序参与和监督检察工作渠道。",  # 检察 is this paragraph's own word
        "全年完成第二十三次会议各项议程。",  # numerals are typed on purpose
    ],
)
def test_runs_meant_as_written_are_left_alone(lexicon: Lexicon, text: str) -> None:
    assert phrase_slips(text, lexicon) == []


def test_rule_17_runs_among_the_slip_rules_after_the_word_rules(lexicon: Lexicon) -> None:
    text = "加强安全生产监督检察工作。"
    [hit] = phrase_slips(text, lexicon)
    assert (text[hit.start : hit.end], hit.fix) == ("监督检察", "监督检查")
    assert hit in find_slips(text, lexicon)
    # where a word rule finds the slip too, its finding is the one kept (城镇常驻人口: rule 12's 常住)
    text = "城镇常驻人口达到5万人。"
    assert [(text[hit.start : hit.end], hit.fix) for hit in find_slips(text, lexicon)] == [("常驻", "常住")]


@pytest.mark.parametrize(
    ("text", "shown", "fix"),
    [
        ("全镇上下凝心聚力，形成了安定团结地良好局面。", "地", "的"),  # jieba tags 团结 a verb: the word rules miss it
        ("营造风清气正地良好氛围。", "地", "的"),
        ("要更加清醒的认识到肩负的责任。", "的", "地"),
        ("全镇较好的完成了各项任务。", "的", "地"),
    ],
)
def test_a_particle_the_runs_around_it_write_otherwise(lexicon: Lexicon, text: str, shown: str, fix: str) -> None:
    [hit] = particle_slips_by_runs(text, lexicon)
    assert (text[hit.start : hit.end], hit.fix) == (shown, fix)
    assert (hit.start, hit.fix) in {(found.start, found.fix) for found in find_particle_slips(text, lexicon)}


@pytest.mark.parametrize(
    "text",
    [
        "住上更好的房子、更幸福地生活。",  # 幸福的生活 is commoner, but 生活 is done here: a verb after 地
        "要跨部门地协同联动。",  # official text writes 地 before 协同
        "必须系统地全面地研究生产和需要的情况。",  # a chain of adverbials
        "战略上谋划得科学，战略上赢得主动。",  # a short complement closes the clause
        "我觉得工作报告实事求是。",  # 觉得 is a word, not a particle
        "其他地区地市返回人员。",  # 地市 is a word
        "以更加清醒的认识、更加奋发的状态投入工作。",  # one word closes the list item after 的: a noun
        "对问题有清醒的认识。",
        "形成了安定团结的良好局面，更加清醒地认识到肩负的责任。",
    ],
)
def test_particles_the_runs_leave_alone(lexicon: Lexicon, text: str) -> None:
    assert particle_slips_by_runs(text, lexicon) == []


def test_without_the_counts_file_both_rules_stay_silent(monkeypatch: pytest.MonkeyPatch, lexicon: Lexicon) -> None:
    import core.proofread.particle_runs as particle_runs
    import core.proofread.phrase_windows as phrase_windows

    monkeypatch.setattr(phrase_windows, "phrase_counts", lambda: None)
    monkeypatch.setattr(particle_runs, "phrase_counts", lambda: None)
    assert phrase_slips("城镇常驻人口达到5万人。", lexicon) == []
    assert particle_slips_by_runs("营造风清气正地良好氛围。", lexicon) == []


def test_the_script_counts_runs_and_hides_each_character_of_the_frequent_ones(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text("方案切实可行。\n" * 120 + "确保安全。\n" * 3, encoding="utf-8")
    counts = build_phrase_counts._count([tmp_path / "report.txt"])
    assert counts["切实可行"] == 120 and counts["方案切"] == 120 and counts["案切实可"] == 120 and counts["切"] == 120
    assert "。" not in "".join(counts)  # runs never cross a mark
    records = dict(build_phrase_counts.records(counts))
    assert records["切实可行"] == (120,) and records["切?可行"] == (ord("实"),)
    assert "确保安全" not in records  # written 3 times: under what is kept
    assert "方案切实" in records and "方?切实" in records  # 120 ≥ MASKED
