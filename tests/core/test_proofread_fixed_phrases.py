"""Set phrases written one character off: the edit found, the edits reports make let be."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from core.proofread import fixed_phrases
from core.proofread.fixed_phrases import Edit, build_index, fixed_phrase_slips, one_edit_spans
from core.proofread.formulations import find_formulation_slips

ROOT = Path(__file__).resolve().parents[2]


def alike(a: str, b: str) -> bool:
    return {a, b} in ({"珊", "山"}, {"委", "未"})


@pytest.fixture
def table(monkeypatch: pytest.MonkeyPatch) -> None:
    index = build_index(
        {
            "“两个确立”": frozenset(),
            "“一村一品”": frozenset(),
            "“专精特新”": frozenset(),
            "全国人大常委会审议": frozenset(),
            "绿水青山就是金山银山": frozenset({"s4"}),  # reports write 绿水青山也是金山银山
        }
    )
    monkeypatch.setattr(fixed_phrases, "phrases", lambda: index)


def fixes(text: str) -> list[tuple[str, str]]:
    return [(text[h.start : h.end], h.fix or "") for h in fixed_phrase_slips(text, alike)]


def test_each_kind_of_edit_is_told_apart() -> None:
    index = build_index({"“两个确立”": frozenset()})
    found = {
        text: [edit for *_, edit in one_edit_spans(text, index)]
        for text in ("坚决捍卫“两个树立”。", "坚决捍卫“两确立”。", "坚决捍卫“两个确确立”。", "坚决捍卫“两确个立”。", "坚决捍卫“两个确立”。")
    }
    assert found == {
        "坚决捍卫“两个树立”。": [Edit("s", 3)],
        "坚决捍卫“两确立”。": [Edit("d", 2)],
        "坚决捍卫“两个确确立”。": [Edit("i", 4)],
        "坚决捍卫“两确个立”。": [Edit("x", 2, 3)],
        "坚决捍卫“两个确立”。": [],
    }


def test_a_quoted_name_one_edit_off_is_flagged(table: None) -> None:
    assert fixes("坚决捍卫“两个树立”，做到“两个维护”。") == [("“两个树立”", "“两个确立”")]
    assert fixes("坚决捍卫“两确立”。") == [("“两确立”", "“两个确立”")]


def test_running_text_only_by_sound_or_shape(table: None) -> None:
    # 未/委 sound alike (the test's own table of likeness); 务/委 do not: a synonym as often as a slip.
    assert fixes("提请全国人大常未会审议。") == [("全国人大常未会审议", "全国人大常委会审议")]
    assert fixes("提请全国人大常务会审议。") == []


@pytest.mark.parametrize(
    "clean",
    [
        "践行绿水青山也是金山银山理念。",  # an edit the reports themselves make
        "落实“一村一警”，发展“一村一品”。",  # a slogan's mould filled with another word
        "践行绿水青山就是金山银珊。",  # the last character of a run: often a word cut there (creative|性)
        "提请全国人大常委会的审议。",  # a function word put in
        "坚决捍卫两个树立。",  # a quoted name is matched with its marks
        "选用“专精特”干部。",  # a name cut or grown at its edge is another coinage
    ],
)
def test_near_misses(table: None, clean: str) -> None:
    assert fixes(clean) == []


def test_the_shipped_table_reaches_the_formulation_check() -> None:
    hits = find_formulation_slips("深入学习党的二十大精神，全面贯彻“五篇大文张”部署。")
    assert [(h.fix, h.source) for h in hits] == [("“五篇大文章”", fixed_phrases.SOURCE)]


def test_the_build_keeps_counts_and_the_reports_edits(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_fixed_phrases", ROOT / "scripts" / "build_fixed_phrases.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    sys.modules["build_fixed_phrases"] = build
    spec.loader.exec_module(build)
    reports = tmp_path / "reports"
    reports.mkdir()
    for k in range(build.MIN_DOCUMENTS):
        text = "坚持稳中求进工作总基调。" * 3 + "落实“四个不摘”要求。" * 2
        if k == 0:
            text += "坚持稳中有进工作总基调。"  # an edit one report makes: a slot, not a slip
        (reports / f"{k}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "fixed_phrases.txt"
    build.main_with([reports], out, "测试")
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert rows == [["“四个不摘”", "20", ""], ["坚持稳中求进工作总基调", "30", "s4"]]


def test_the_message_says_how_the_span_differs(table: None) -> None:
    messages = [h.message for text in ("坚决捍卫“两确立”。", "坚决捍卫“两立确个”。", "坚决捍卫“两个树立”。") for h in fixed_phrase_slips(text, alike)]
    assert messages[0] == "“两确立”与公文里固定的说法“两个确立”少了一个字，可能写错了。"
    assert messages[-1] == "“两个树立”与公文里固定的说法“两个确立”差一个字，可能写错了。"


def test_a_moulds_words_the_other_way_round_are_a_slip(monkeypatch: pytest.MonkeyPatch) -> None:
    index = build_index({"“一带一路”": frozenset()})
    monkeypatch.setattr(fixed_phrases, "phrases", lambda: index)
    assert fixes("共建“一路一带”。") == [("“一路一带”", "“一带一路”")]


def test_a_moulds_character_put_for_one_like_it_is_a_slip(monkeypatch: pytest.MonkeyPatch) -> None:
    # 珊/山 alike in this test's table; 一村一警 fills the mould with another word on purpose.
    index = build_index({"“一山一品”": frozenset(), "“一村一品”": frozenset()})
    monkeypatch.setattr(fixed_phrases, "phrases", lambda: index)
    assert fixes("发展“一珊一品”，落实“一村一警”。") == [("“一珊一品”", "“一山一品”")]


def test_a_quoted_formulation_the_reports_seldom_quote_is_checked_for_an_exchange(monkeypatch: pytest.MonkeyPatch) -> None:
    # “三高四新” (formulations.toml, one province's) is in no counted table here; two of its characters
    # exchanged are a slip. A character changed in such a name makes another of its mould (“一国两府”).
    monkeypatch.setattr(fixed_phrases, "phrases", lambda: build_index({}))
    assert fixes("锚定“三新四高”美好蓝图。") == [("“三新四高”", "“三高四新”")]
    assert fixes("反对“一国两府”。") == []
