"""What official text quotes and the order it lists things in (phrase_counts.marisa): a name it
quotes written bare (core.proofread.official_quotes), a series it writes in one order written in
another (core.proofread.series_orders), and how scripts/build_phrase_counts.py counts both."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from core.proofread.formulations import find_formulation_slips
from core.proofread.lexicon import Lexicon
from core.proofread.official_quotes import unquoted_official_names
from core.proofread.series_orders import (
    characters_swapped,
    pairs,
    pairs_out_of_order,
    series_lists,
    series_out_of_order,
    windows,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import build_phrase_counts


def _found(hits: list, text: str) -> list[tuple[str, str | None]]:
    return [(text[hit.start : hit.end], hit.fix) for hit in hits]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("深入开展人居环境整治村庄清洁行动，围绕五清一改重点内容集中整治。", "五清一改"),  # quoted each time official text writes it
        ("全面深化五水共治，河道水质持续改善。", "五水共治"),
        ("全市召开五经普工作推进会，部署清查登记。", "五经普"),
        ("全面落实三六八九工作，推动发展。", "三六八九"),  # numerals only, but no month and day
        ("全面落实乙类乙管各项措施。", "乙类乙管"),  # plain words, but quoted 165 of 166 times
        ("落实领导干部包抓五上企业机制。", "五上"),
        ("《五清一改实施方案》已经印发。", "五清一改"),  # a name is quoted inside a title too
    ],
)
def test_a_name_official_text_quotes_written_bare_is_flagged(text: str, name: str) -> None:
    assert _found(list(unquoted_official_names(text)), text) == [(name, f"“{name}”")]
    assert _found(find_formulation_slips(text), text) == [(name, f"“{name}”")]  # once, through the formulation checks


@pytest.mark.parametrize(
    "text",
    [
        "做好“三农”工作，围绕“五清一改”重点内容。",  # quoted
        "二十五期间，合格率达100%。",  # 十五 read out of a longer number
        "作为全国三个代表县之一。",  # a name formulations.toml lists: its own rule and contexts decide
        "第三农场的职工收入增长。",  # 三农 before 场: not the name
        "这五上五下的过程，反复了多次。",  # “五上” is seldom quoted before 五, and often written bare there
        "《“五清一改”实施方案》已经印发。",  # quoted inside a title
        "“建设五清一改示范村”活动顺利开展。",  # inside a longer quotation
        "［3］五清一改：清理农村生活垃圾……",  # a note's headword, defined
        "全面推行河长制，落实河长责任。",  # 河长制: official text writes it bare as often as quoted
        "进一步明确履职清单，常态化开展回头看工作。",  # quoted coinages of plain words, no numbered name
        "在新年和六一儿童节，两次组织捐款。",  # a date's name in numerals: written bare by GB/T 15835
        # Quoted the few times official text writes it before 提 (5 of 5), but bare most times in all.
        "推进森林四化提质升效。",
    ],
)
def test_a_name_quoted_already_or_no_name_at_all_is_left_alone(text: str) -> None:
    assert list(unquoted_official_names(text)) == []


@pytest.mark.parametrize(
    ("text", "written", "usual"),
    [
        ("不断提高政治领悟力、政治判断力、政治执行力。", "政治领悟力、政治判断力、政治执行力", "政治判断力、政治领悟力、政治执行力"),
        ("树立务实、为民、清廉的政府形象。", "务实、为民、清廉", "为民、务实、清廉"),
        ("全面增强人民群众的幸福感、获得感、安全感。", "幸福感、获得感、安全感", "获得感、幸福感、安全感"),
        ("坚定不移贯彻创新、绿色、协调、开放、共享的新发展理念。", "创新、绿色、协调", "创新、协调、绿色"),  # the first three of five
    ],
)
def test_a_series_official_text_writes_in_one_order_written_in_another_is_flagged(text: str, written: str, usual: str) -> None:
    assert _found(list(series_out_of_order(text)), text) == [(written, usual)]


@pytest.mark.parametrize(
    "text",
    [
        "不断提高政治判断力、政治领悟力、政治执行力。",  # the usual order
        "着力解决教育、养老、医疗等民生问题。",  # an ordinary list: official text writes it in several orders
        "统筹做好稳增长、调结构、促改革工作。",  # an order official text writes too (122 times against 572)
        "加强产品、服务、质量管理。",  # a list official text never writes at all
        "加强农业、农村、农民、农业工作。",  # an item twice
        "坚持“法治、清廉、务实、为民”的企业精神。",  # three of a series in a list of its own (法治、清廉 no series holds)
    ],
)
def test_a_series_in_its_usual_order_or_no_fixed_order_is_left_alone(text: str) -> None:
    assert list(series_out_of_order(text)) == []


@pytest.mark.parametrize(
    ("text", "written", "usual"),
    [
        ("开展“牢记使命、不忘初心”主题教育。", "牢记使命、不忘初心", "不忘初心、牢记使命"),
        ("以中国式现代化全面推进民族复兴、强国建设伟业。", "民族复兴、强国建设", "强国建设、民族复兴"),
        # two whole items of unlike length in a longer list: the titles in the order of the party's and the state's
        ("1月12日，国家主席、中共中央总书记、中央军委主席习近平主持召开座谈会。", "国家主席、中共中央总书记", "中共中央总书记、国家主席"),
    ],
)
def test_two_items_official_text_writes_in_one_order_written_in_the_other_are_flagged(text: str, written: str, usual: str) -> None:
    assert _found(list(pairs_out_of_order(text)), text) == [(written, usual)]


@pytest.mark.parametrize(
    "text",
    [
        "开展“不忘初心、牢记使命”主题教育。",  # the usual order
        "各单位、各部门要紧紧围绕发展大局，事业单位、机关干部下沉社区。",  # habits of two short items: no formulation
        "推动全省、全国工作。",  # both orders written often enough
        "坚持牢记使命、不忘初心、砥砺前行。",  # three items: the series' rule reads them
        "1月12日，中共中央总书记、国家主席、中央军委主席习近平主持召开座谈会。",  # the usual order
        "加强教育事业、卫生健康事业、文化体育事业建设。",  # items of unlike length official text sets in no one order
    ],
)
def test_two_items_in_their_usual_order_or_of_no_fixed_order_are_left_alone(text: str) -> None:
    assert list(pairs_out_of_order(text)) == []


@pytest.mark.parametrize(
    ("text", "written", "usual"),
    [
        ("健全德智美体劳全面培养体系。", "德智美体", "德智体美"),  # two side by side
        ("加大山水田林湖草生命共同体的保护与修复。", "山水田林", "山水林田"),
        ("今年新增国家级精专特新小巨人企业12家。", "精专特新", "专精特新"),  # shown as official text writes it, not 家级精专
        ("推动形成共治共建共享的良好局面。", "共治共建", "共建共治"),  # one apart; 共建共享 loses, the whole gains
    ],
)
def test_two_characters_of_a_series_written_without_marks_swapped_are_flagged(lexicon: Lexicon, text: str, written: str, usual: str) -> None:
    assert _found(list(characters_swapped(text, lexicon)), text) == [(written, usual)]


@pytest.mark.parametrize(
    "text",
    [
        "健全德智体美劳全面培养体系。",  # the usual order
        "进一步理清工作思路。",  # 理清 is a word of its own, not 清理 swapped
        "全国政协十三届一次会议在京开幕。",  # numerals: another session, no slip
        "建成产地市场8处。",  # 产地 a word
        "中村乡全面贯彻落实条例。",  # a place's name: 乡村 is commoner, but not by enough
        "狠抓落地落实，高质优效完成普查任务。",  # a report's own pair of words (优质高效 reordered on purpose)
    ],
)
def test_characters_in_an_order_of_their_own_are_left_alone(lexicon: Lexicon, text: str) -> None:
    assert list(characters_swapped(text, lexicon)) == []


def test_a_swapped_series_is_a_formulation_finding_with_one_click_fix() -> None:
    from core.checks import run_checks
    from tests.proofread_eval import paragraph_report

    report = paragraph_report(["健全德智美体劳全面培养体系。"])
    found = [f for f in run_checks(report) if f.check == "formulation"]
    assert [(f.text, f.fix) for f in found] == [("德智美体", "德智体美")]
    assert "公文写作“德智体美”" in found[0].message


def test_two_items_are_read_at_each_length_both_sides_have() -> None:
    text = "推进民族复兴、强国建设伟业，加强党建。"
    assert [(start, first, second) for start, first, second in pairs(text)] == [
        (2, "民族复兴", "强国建设"),
        (1, "进民族复兴", "强国建设伟"),
        (0, "推进民族复兴", "强国建设伟业"),
    ]
    assert list(pairs("推进教育、卫生、文化工作。")) == []  # two marks: a list of three, read as such


def test_a_list_is_read_as_items_as_long_as_its_inner_ones_and_counted_three_by_three() -> None:
    text = "全面增强获得感、幸福感、安全感、认同感，提升水平、能力。"
    assert [(text[start:], items) for start, items in series_lists(text)] == [
        ("获得感、幸福感、安全感、认同感，提升水平、能力。", ("获得感", "幸福感", "安全感", "认同感")),
    ]
    assert windows(("获得感", "幸福感", "安全感", "认同感")) == [("获得感", "幸福感", "安全感"), ("幸福感", "安全感", "认同感")]
    assert list(series_lists("推进教育、卫生事业、文化、体育发展。")) == []  # inner items of two lengths: not read


def test_the_script_counts_quoted_names_by_their_followers_and_lists_in_threes(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(
        "做好“三农”工作。\n" * 6 + "三农工作。\n" + "第三农场。\n" + "“三农”。\n" + "增强获得感、幸福感、安全感。\n" * 25 + "增强幸福感、获得感、安全感。\n"
        + "坚持不忘初心、牢记使命。\n" * 50
        + "会上，中共中央总书记、国家主席、中央军委主席习近平讲话。\n" * 3,
        encoding="utf-8",
    )
    counts = build_phrase_counts.count_all([tmp_path / "report.txt"])
    assert counts["“三农”工"] == 6 and counts["“三农”。"] == 1
    # A run that is the quoted name is no bare one, nor an ordinal's numerals (第三农场).
    assert counts["三农 工"] == 1 and counts["三农 场"] == 0 and counts["三农 "] == 1
    assert counts["获得感、幸福感、安全感"] == 25 and counts["幸福感、获得感、安全感"] == 1
    records = dict(build_phrase_counts.records(counts))
    assert records["“三农”工"] == (6,) and records["三农 工"] == (1,)
    assert "“三农”。" not in records  # quoted before a mark once: under what is kept
    assert records["“三农"] == (7,) and records["三农 "] == (1,)  # the name's totals, all followers
    assert records["获得感、幸福感、安全感"] == (25,) and records["幸福感、获得感、安全感"] == (1,)
    assert "三农工作" not in records  # runs written fewer than KEPT times
    assert counts["不忘初心、牢记使命"] == 50 and counts["初心、牢记"] == 0  # a pair, four characters a side or more
    assert records["不忘初心、牢记使命"] == (50,) and "牢记使命、不忘初心" not in records  # never written so
    # Two whole items of unlike length in a longer list; not the last, which runs on into the name.
    assert counts["中共中央总书记、国家主席"] == 3 and counts["国家主席、中央军委主席习近平讲话"] == 0
