"""core.proofread.list_counts: a count beside a plain list must be how many are listed."""

from __future__ import annotations

import pytest

from core.proofread.lexicon import Lexicon
from core.proofread.list_counts import counts_against_lists, counts_against_plain_lists


@pytest.mark.parametrize(
    ("text", "written", "counted"),
    [
        ("优化婚姻、殡葬、地名、慈善五项服务。", "五", "四"),
        ("严格落实基本医保、大病保险、医疗救助两重保障制度。", "两", "三"),
        ("打造党建引领城市基层治理、营商环境改革、共同缔造、平安建设三个示范区。", "三", "四"),
        # The verb that opens the clause rides on the first item: the count is still four.
        ("获批旅游度假区、生态文明建设示范区、养老服务模范县、食品安全示范县三块省级招牌。", "三", "四"),
        # A last item joined by 和 is two.
        ("我村成功发展了肉牛养殖、西瓜温棚种植和秸秆收储四大合作社。", "四", "三"),
        # With 等 the list may be open: only a count below the items listed is wrong.
        ("从壮大先进制造业、做优现代服务业、加速引建新项目等两个方面进行安排。", "两", "三"),
        # A closed list counted in figures; the clause's verb and what it did before the list.
        ("推进古寨、韩桥、凌桥、棉花5个卫生院整合。", "5", "四"),
        ("投资600余万元完成花田、前湖三个安置小区配套工程建设。", "三", "两"),
        # Items of the counted kind (局) fewer than the count, one of another kind beside them.
        ("撤并教育局、卫健局、民政局、财政局、档案馆三个局。", "三", "五"),
    ],
)
def test_a_count_that_is_not_how_many_are_listed(lexicon: Lexicon, text: str, written: str, counted: str) -> None:
    [hit] = counts_against_plain_lists(text, lexicon)
    assert text[hit.start : hit.end] == written
    assert hit.fix == counted
    assert f"列出了{counted}项" in hit.message


@pytest.mark.parametrize(
    "text",
    [
        "优化婚姻、殡葬、地名、慈善四项服务。",
        "我村成功发展了肉牛养殖、西瓜温棚种植和秸秆收储三大合作社。",
        "从壮大先进制造业、做优现代服务业、加速引建新项目等四个方面进行安排。",  # 等: may be more
        "完善区、镇、村三级联动机制。",
        "严格落实基本医保、大病保险、医疗救助三重保障制度。",
        # The number is part of a word (铁人三项, 三大球, 两位数) or counts what a verb takes.
        "办好国际乒联混合团体世界杯、铁人三项世界杯。",
        "办好花样滑冰大奖赛、全国青少年三大球运动会。",
        "工业投资、高技术产业投资、基础设施投资均保持两位数增长。",
        "在行政复议前端、中端、后端共提出十二项举措。",
        "在屯留区、潞城区和武乡县布置了7个试验点。",  # a verb with its aspect takes the count
        # Figures and counts inside the items: statistics, not a list of names.
        "新增博士点57个、硕士点106个，三个学科入选。",
        "落实三项制度、两个责任三个方面要求。",
        # Items not alike: the list does not start where the clause does.
        "全面学习、全面把握、全面落实党的二十大精神。",
        # A 顿号 inside one item among items that share their ending (政府信息公开年度报告).
        "本报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
        "政府信息公开行政复议、行政诉讼情况、存在的问题及改进情况、其他需要报告的事项六个部分。",
        # After 和 the count may be the last item's own (残疾人的两项补贴); 等 inside the last
        # item ends the list, a quotation inside an item is part of it.
        "提高低保、特困人员、孤儿基本生活与残疾人两项补贴标准。",
        "全国首创“守护好一江碧水”委员工作室、“聆诵四种精神”实景导读委员读书活动、改善生态环境专项"
        "民主监督和助力文旅融合高质量发展等岳阳政协五大特色工作品牌越来越响亮。",
        # A quoted slogan heads what 大 counts (counts_against_lists reads quoted lists).
        "实施“改作风、提效能、促发展、护稳定”八大行动。",
        # A list in brackets is masked: 县（市、区） names kinds.
        "全市14个县（市、区）和两个新区。",
        # Figures after an open list count more than are named; 级 in figures is a grade.
        "新增古寨、韩桥等5个卫生院，推进古寨、韩桥、凌桥、棉花4个卫生院整合。",
        "投资600余万元完成花田、前湖两个安置小区配套工程建设。",
        # The list qualifies what is counted (…进程的八项主张), an amount (5个以上), verbs sharing
        # their object, characters counted.
        "坚持发展两岸关系、推进祖国和平统一进程的八项主张。",
        "推出进一步扩大内需、促进经济增长的十项措施。",
        "培育、引进新品种5个以上。",
        "新增农业、林业项目三个左右。",
        # 2021–2025 county reports: 直至 joins the last two items; a slogan in straight quotes; 级
        # counting the levels inside an item; 以…为 grouping the list; a quotation naming several.
        "构建项目策划、项目论证、项目生成、手续办理、开工建设、投资纳统、竣工投产、升规纳统直至履约监管9个关键环节的机制。",
        '我们认真落实市委、市政府"四个坚决"要求。',
        "深入开展农村人居环境整治提升五年行动、省市县美丽乡村示范村三级联创。",
        "以服务首都、联动雄安和推进城市转型、产业转型齐头并进为两个抓手。",
        "“7”是指“医车电数游”、被动式超低能耗建筑和都市农业7个重点产业。",
        "完成中医院、县医院三级医院创建。",  # 三级: the hospitals' grade
        # 顿号 parting clauses: the count is one clause's own (fresh pages of 2023).
        "顺利完成工作目标、道路交通事故四项指数均下降、涉黑涉恶案件侦办战果位居全省前列。",
        # A template's placeholders stand for the names: 和 still joins two of them.
        "正在进行xx大道、xx路和xx北路3条道路的市政和景观方案深化。",
        # A masked item may hide a list of its own; the count takes only the items of its kind
        # (股 and 室, not 工会) (fresh pages).
        "我县紧紧围绕市委、市政府五句话发展思路和**六个县奋斗目标，坚持把招商引资作为压倒一切的经济工作。",
        "内设办公室、技术推广股、生产股、渔政股、企业股、工会 5个职能股（室），定编14名。",
    ],
)
def test_near_misses(lexicon: Lexicon, text: str) -> None:
    assert list(counts_against_plain_lists(text, lexicon)) == []


@pytest.mark.parametrize(
    ("text", "written", "counted"),
    [
        ("深入实施“工业提升年”“乡村振兴增效年”“作风强化年”四个年活动。", "四", "三"),
        ("开展“三个一”和“五个好”三项活动。", "三", "两"),
    ],
)
def test_quoted_names_side_by_side_then_a_count(text: str, written: str, counted: str) -> None:
    [hit] = counts_against_lists(text)
    assert (text[hit.start : hit.end], hit.fix) == (written, counted)


@pytest.mark.parametrize(
    "text",
    [
        "深入实施“工业提升年”“乡村振兴增效年”“作风强化年”三个年活动。",
        "以“项目攻坚突破”和“全域争先进位”三大行动为牵引。",  # 大 may count what the names head
        "围绕三农、“四上”“五好”两项工作。",  # the quoted names end a plain list
        "在“巩固、增强、提升、畅通”八个字上下功夫。",  # the characters are counted
        # The last of quoted items joined by 和 holds a list of its own (fresh pages).
        "深入开展“审判质量年”、“执行年”和“争创人民满意的好法院、争当人民满意的好法官”三项活动。",
    ],
)
def test_quoted_names_near_misses(text: str) -> None:
    assert list(counts_against_lists(text)) == []
