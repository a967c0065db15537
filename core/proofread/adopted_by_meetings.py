"""规范表述 of what a meeting adopted or put forward, which no year of the sentence is needed for:

* a plenum and the plan it proposed (党的十五届五中全会 … 第十个五年计划的建议; 对未来五年经济社会
  发展作出……);
* a plenum and the decision it adopted (十八届三中全会通过的《中共中央关于全面深化改革若干重大问题的
  决定》);
* a congress and a formulation it put forward (党的二十大开启了以中国式现代化全面推进中华民族伟大复兴
  的新征程).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.draft.ordinals import int_to_cn
from core.proofread.dated_facts import CONGRESS_NUMBER
from core.proofread.five_year_plans import DATES_SOURCE, QUOTED_PLAN, plan_name, plan_number
from core.proofread.hits import Hit
from core.proofread.meetings import CN_NUMBER, SENTENCE, ordinal_value


def adopted_by_meetings_slips(text: str) -> Iterator[Hit]:
    for sentence_match in SENTENCE.finditer(text):
        sentence, offset = sentence_match.group(), sentence_match.start()
        yield from _plenum_and_plan(sentence, offset)
        yield from _plenum_and_decision(sentence, offset)
        yield from _congress_and_formulation(sentence, offset)
        yield from _congress_and_its_well_off_goal(sentence, offset)


# The plenum of the Central Committee that proposed each five-year plan (the 建议 on it).
_PLAN_PROPOSED_BY = {
    8: "十三届七中全会",
    9: "十四届五中全会",
    10: "十五届五中全会",
    11: "十六届五中全会",
    12: "十七届五中全会",
    13: "十八届五中全会",
    14: "十九届五中全会",
    15: "二十届四中全会",
}
_PROPOSERS = frozenset(_PLAN_PROPOSED_BY.values())
# A plenum of the Central Committee (not 省委十届五次全会, nor 省委十一届五中全会 written wrongly).
_CENTRAL_PLENUM = re.compile(r"(?<![省市县区州盟旗委])(?P<plenum>(?:十[一二三四五六七八九]|二十)届[一二三四五六七八九]中全会)")
# A five-year plan's proposal: 第十个五年计划的建议, “十五五”规划《建议》, “九五”计划和2010年远景目标的建议.
_PLAN_PROPOSAL = re.compile(
    rf"(?:第(?P<n>{CN_NUMBER})个五年|{QUOTED_PLAN})(?:计划|规划)[^。；，、]{{0,16}}?建议"
)
# The plenum adopted the document (十六届五中全会通过的《……建议》): nothing else between.
_ADOPTED = re.compile(r"(?:上)?(?:审议)?(?:通过|作出)(?:了)?的?《")


# The plenum that proposed a plan, by its committee's term (二十 → 二十届四中全会).
_PROPOSER_OF_TERM = {plenum.split("届")[0]: plenum for plenum in _PROPOSERS}
# What only the plenum proposing a plan does: plan the next five years (对未来五年经济社会发展作出……).
_NEXT_FIVE_YEARS = re.compile(r"(?:对|就|为)?(?:未来|今后)五年(?:我国|全国)?(?:经济社会)?发展")


def _plenum_and_plan(sentence: str, offset: int) -> Iterator[Hit]:
    """A plenum and a plan's proposal in one sentence (根据党的十五届五中全会精神和省委《关于制定……
    第十个五年计划的建议》): the plenum that proposed that plan. Only a plenum that proposed a plan is
    read so (the 三中全会 beside a plan is another plenum's), unless the sentence says it adopted it.
    A plenum that plans the next five years (对未来五年经济社会发展作出……) is its term's proposer."""
    plenums = list(_CENTRAL_PLENUM.finditer(sentence))
    if len(plenums) != 1:
        return
    (plenum,) = plenums
    proposer = _PROPOSER_OF_TERM.get(plenum["plenum"].split("届")[0])
    if proposer and proposer != plenum["plenum"] and _NEXT_FIVE_YEARS.match(sentence, plenum.end()):
        yield Hit(
            offset + plenum.start(),
            offset + plenum.end(),
            proposer,
            f"对未来五年经济社会发展作出部署的是党的{proposer}（提出五年规划的建议），不是{plenum['plenum']}。",
            f"改为“{proposer}”。",
            DATES_SOURCE,
        )
        return
    for proposal in _PLAN_PROPOSAL.finditer(sentence, plenum.end()):
        number = ordinal_value(proposal["n"]) if proposal["n"] else plan_number(proposal["name"])
        right = _PLAN_PROPOSED_BY.get(number or 0)
        adopted = bool(_ADOPTED.match(sentence, plenum.end())) and "》" not in sentence[plenum.end() : proposal.start()]
        if right is None or right == plenum["plenum"] or not (plenum["plenum"] in _PROPOSERS or adopted):
            continue
        yield Hit(
            offset + plenum.start(),
            offset + plenum.end(),
            right,
            f"“{plan_name(number)}”{'计划' if number <= 10 else '规划'}的建议是党的{right}提出的，不是{plenum['plenum']}。",
            f"改为“{right}”；如规划写错了，请改规划。",
            DATES_SOURCE,
        )
        return


# The decisions that plenums adopted, by the words of their titles.
_PLENUM_DECISIONS = {
    "经济体制改革的决定": "十二届三中全会",
    "建立社会主义市场经济体制若干问题的决定": "十四届三中全会",
    "农业和农村工作若干重大问题的决定": "十五届三中全会",
    "完善社会主义市场经济体制若干问题的决定": "十六届三中全会",
    "加强党的执政能力建设的决定": "十六届四中全会",
    "构建社会主义和谐社会若干重大问题的决定": "十六届六中全会",
    "推进农村改革发展若干重大问题的决定": "十七届三中全会",
    "全面深化改革若干重大问题的决定": "十八届三中全会",
    "全面推进依法治国若干重大问题的决定": "十八届四中全会",
    "深化党和国家机构改革的决定": "十九届三中全会",
    "推进国家治理体系和治理能力现代化若干重大问题的决定": "十九届四中全会",
    "党的百年奋斗重大成就和历史经验的决议": "十九届六中全会",
    "进一步全面深化改革、推进中国式现代化的决定": "二十届三中全会",
}
_DECISION_TITLE = re.compile(r"《(?:中共中央)?关于(?P<title>[^》]{4,60})》")


def _plenum_and_decision(sentence: str, offset: int) -> Iterator[Hit]:
    """A plenum and the decision it adopted (十八届三中全会通过的《中共中央关于全面深化改革若干重大
    问题的决定》): the plenum that adopted that decision."""
    for plenum in _CENTRAL_PLENUM.finditer(sentence):
        if not _ADOPTED.match(sentence, plenum.end()):
            continue
        title = _DECISION_TITLE.match(sentence, sentence.index("《", plenum.end()))
        if title is None:
            continue
        right = next((by for words, by in _PLENUM_DECISIONS.items() if title["title"].endswith(words)), None)
        if right is None or right == plenum["plenum"]:
            continue
        yield Hit(
            offset + plenum.start(),
            offset + plenum.end(),
            right,
            f"{title.group()}是党的{right}通过的，不是{plenum['plenum']}。",
            f"改为“{right}”；如文件名写错了，请改文件名。",
            DATES_SOURCE,
        )


# Formulations a party congress put forward, and which congress: 中国特色社会主义进入新时代 is the
# 十九大's political judgement, 以中国式现代化全面推进中华民族伟大复兴 the 二十大's central task.
_CONGRESS_FORMULATIONS = {
    "以中国式现代化全面推进": 20,
    "中国特色社会主义进入新时代": 19,
    "中国特色社会主义进入了新时代": 19,
    "社会主要矛盾已经转化为": 19,
}
# The congress, then what it did with the formulation, in the same clause (党的十九大作出……的重大
# 政治论断; 党的二十大，开启了……): not 以来 or 以后, which speak of a time.
_CONGRESS_PUT_FORWARD = re.compile(
    rf"党的(?P<n>{CONGRESS_NUMBER})大(?:报告)?[，,]?(?:明确|郑重|首次)?(?:提出|作出|开启|确立|擘画|宣告|宣布|指出|描绘|部署)了?"
    r"[^。；，“”]{0,8}?(?P<said>" + "|".join(_CONGRESS_FORMULATIONS) + ")"
)


def _congress_and_formulation(sentence: str, offset: int) -> Iterator[Hit]:
    for match in _CONGRESS_PUT_FORWARD.finditer(sentence):
        right = _CONGRESS_FORMULATIONS[match["said"]]
        if ordinal_value(match["n"]) == right:
            continue
        fixed = int_to_cn(right)
        yield Hit(
            offset + match.start("n"),
            offset + match.end("n"),
            fixed,
            f"“{match['said']}……”是党的{fixed}大提出的，不是党的{match['n']}大。",
            f"改为“{fixed}”。",
            DATES_SOURCE,
        )


# The goal of a moderately prosperous society as each congress put it: 全面建设小康社会 at the 16th
# and 17th, 全面建成小康社会 from the 18th on.
_WELL_OFF_GOAL = re.compile(
    rf"党的(?P<n>{CONGRESS_NUMBER})大(?:报告)?[，,]?(?:明确|郑重|首次)?(?:提出|确定|确立|作出|描绘|部署|制定)了?"
    r"[^。；“”]{0,12}?全面(?P<verb>建设|建成)小康社会"
)
_FIRST_WELL_OFF_CONGRESS = 16
_FIRST_BUILT_CONGRESS = 18


def _congress_and_its_well_off_goal(sentence: str, offset: int) -> Iterator[Hit]:
    """党的十六大确定了全面建成小康社会的目标 → 全面建设: the goal in the words of the congress named."""
    for match in _WELL_OFF_GOAL.finditer(sentence):
        congress = ordinal_value(match["n"])
        if congress is None or congress < _FIRST_WELL_OFF_CONGRESS:
            continue
        right = "建成" if congress >= _FIRST_BUILT_CONGRESS else "建设"
        if match["verb"] == right:
            continue
        yield Hit(
            offset + match.start("verb"),
            offset + match.end("verb"),
            right,
            f"党的{match['n']}大提出的是“全面{right}小康社会”（十六大、十七大为“全面建设”，十八大起为“全面建成”）。",
            f"改为“全面{right}小康社会”。",
            DATES_SOURCE,
        )
