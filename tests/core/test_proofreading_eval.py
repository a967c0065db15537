"""The 校对 evaluation pinned: recall on the held-back planted slips (held.txt, never used to
tune the rules), no false alarm on clean text, and on the real seed reports exactly the
findings a reader judged to be real errors of the published text."""

from __future__ import annotations

import re

import pytest

from core.checks.proofreading import PROOFREADING_CHECKS
from core.proofread import data
from core.text.textslots import slot_text
from tests.proofread_eval import (
    CLASSES,
    FIXTURES,
    clean_paragraphs,
    load_cases,
    paragraph_report,
    score_cases,
    text_findings,
)

# Minimum share caught on the held-back cases, per class (see benchmarks/bench_proofreading.py).
MIN_HELD_RECALL = {"typo": 0.80, "de": 0.90, "formulation": 0.90, "punct": 0.90, "doubled": 0.90}
MIN_HELD_OVERALL = 0.90
MAX_ALARMS_PER_10K = 1.0

# What the 校对 checks find in the five real seed reports: each was judged a real error of
# the published text (截止 + a date for 截至, a leader's name shortened, 的 for 地, 台帐).
SEED_FINDINGS = {
    "000": [("typo", "健强"), ("formulation", "党组织领导下的校长负责制")],  # 健强基层党组织: the set phrase is 建强基层党组织; 中小学党组织领导的校长负责制 is the name (中办 2022)
    # 四风八规: 中央 documents write “四风”; 重要批示指示: the central formulation is 重要指示批示
    "001": [("confusable", "截止"), ("formulation", "批示指示"), ("formulation", "四风")],
    "002": [],
    "003": [("formulation", "习总书记")],
    "004": [("particle", "的"), ("typo", "台帐")],
}


@pytest.fixture(scope="module")
def held():  # type: ignore[no-untyped-def]
    return score_cases(load_cases("held.txt"))


def test_held_back_slips_are_caught(held) -> None:  # type: ignore[no-untyped-def]
    for kind in CLASSES:
        score = held.classes[kind]
        assert score.planted >= 10
        missed = [case.wrong for case in score.missed]
        assert score.caught / score.planted >= MIN_HELD_RECALL[kind], (kind, missed)
    assert held.caught / held.planted >= MIN_HELD_OVERALL


def test_caught_slips_are_named_rightly(held) -> None:  # type: ignore[no-untyped-def]
    # A finding that overlaps the slip mostly also offers the exact correction as 一键修正.
    named = sum(c.named for c in held.classes.values())
    assert named / held.caught >= 0.9


def test_no_false_alarm_on_the_right_sentences_and_clean_text(held) -> None:  # type: ignore[no-untyped-def]
    assert held.control_alarms == []
    report = paragraph_report(clean_paragraphs())
    alarms = [f for f in text_findings(report) if f.check != "number_usage"]  # ○ as zero: a true note
    chars = sum(len(p) for p in clean_paragraphs())
    assert len(alarms) / chars * 10_000 <= MAX_ALARMS_PER_10K, [(f.check, f.text, f.message) for f in alarms]


# held2.txt was written before the work on slips the curated list lacks and never tuned on:
# 错别字 17/34 then, 25/34 after it; the other classes 30/30 before and after.
MIN_HELD2_RECALL = {"typo": 0.65, "de": 1.0, "formulation": 1.0, "punct": 1.0, "doubled": 1.0}


@pytest.mark.parametrize("name", ["held2.txt", "held3.txt"])
def test_later_held_back_sets(name: str) -> None:
    # held3.txt was written once the rules were done: 错别字 21/30, the other classes 16/16.
    held = score_cases(load_cases(name))
    for kind in CLASSES:
        score = held.classes[kind]
        assert score.caught / score.planted >= MIN_HELD2_RECALL[kind], (kind, [c.wrong for c in score.missed])
    assert held.control_alarms == []


def test_dev_cases_stay_caught() -> None:
    dev = score_cases(load_cases("dev.txt"))
    assert dev.caught / dev.planted >= 0.97, [c.wrong for s in dev.classes.values() for c in s.missed]
    dev2 = score_cases(load_cases("dev2.txt"))
    assert dev2.caught / dev2.planted >= 0.80, [c.wrong for s in dev2.classes.values() for c in s.missed]
    assert dev2.control_alarms == []


@pytest.mark.parametrize("key", sorted(SEED_FINDINGS))
def test_seed_reports_get_only_their_real_errors(key: str) -> None:
    from core.checks import run_checks
    from core.importing.importer import parse_text
    from tests.conftest import seed_path

    path = seed_path(key)
    report = parse_text(path.read_text(encoding="utf-8")).report
    found = [(f.check, f.text) for f in run_checks(report, only=PROOFREADING_CHECKS)]
    assert found == SEED_FINDINGS[key], [
        (f.check, (slot_text(report, f.section_id, f.field, f.index) or "")[max(0, f.start - 8) : f.end + 8])
        for f in run_checks(report, only=PROOFREADING_CHECKS)
    ]


def test_curated_lists_do_not_know_the_held_back_slips() -> None:
    # held.txt measures the general rules: none of its wrong forms may be written into the data.
    wrong = set(re.findall(r"\{(.*?)→", (FIXTURES / "held.txt").read_text(encoding="utf-8")))
    listed = {entry.wrong for entry in data.misspellings()}
    assert not {w for w in wrong if len(w) >= 2} & listed
    assert not {w for w in wrong if len(w) >= 2} & set(data.known_words())


@pytest.mark.parametrize("name", ["held4", "held5"])
def test_held_sets_are_the_sealed_ones(name: str) -> None:
    """held4.txt and held5.txt were written before the rules of their round and their digests
    committed first: the file measured is the file sealed."""
    import hashlib

    digest, sealed = (FIXTURES / f"{name}.sha256").read_text(encoding="utf-8").split()
    assert sealed == f"{name}.txt"
    assert hashlib.sha256((FIXTURES / f"{name}.txt").read_bytes()).hexdigest() == digest


def test_random_particle_slips_plant_one_particle_in_a_clean_sentence() -> None:
    from tests.proofread_eval import PARTICLE_SLIPS, random_particle_slips, text_sentences

    sentences = text_sentences(["我们要认真地落实各项政策。经济发展得很快，群众生活得更加幸福。打下坚实的基础，形成良好的氛围。"])
    planted = {name: random_particle_slips(sentences, 1, name, 5) for name in PARTICLE_SLIPS}
    for name, cases in planted.items():
        meant, written = PARTICLE_SLIPS[name]
        assert cases, name
        for case in cases:
            assert case.kind == "de"
            assert case.right[case.start] == meant and case.wrong[case.start] == written
            assert case.wrong[: case.start] + meant + case.wrong[case.end :] == case.right
    assert {c.right for c in planted["地→的（状语）"]} == {"我们要认真地落实各项政策。"}
