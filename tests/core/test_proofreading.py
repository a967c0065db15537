"""Each 校对 rule: a case that must fire (with the fix it must offer) and a near miss that must not."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.base.errors import ReportError
from core.proofread import data, office
from core.proofread.confusables import find_confusables
from core.proofread.dated_facts import dated_fact_slips
from core.proofread.doubling import find_doubling
from core.proofread.formulations import find_formulation_slips
from core.proofread.hits import Hit
from core.proofread.lexicon import Lexicon, get_lexicon
from core.proofread.list_marks import comma_before_last_item, conjunction_after_dunhao
from core.proofread.marks import find_mark_slips
from core.proofread.numbers_in_names import find_number_slips, find_zero_circles
from core.proofread.particles import find_particle_slips
from core.proofread.shapes import shapes
from core.proofread.slips import find_slips, listed_misspellings
from core.proofread.sounds import PinyinTableError, read_readings


def fixed(text: str, hits: list[Hit]) -> str:
    """``text`` with every hit's fix applied (from the end, so offsets stay valid)."""
    for hit in sorted(hits, key=lambda h: -h.start):
        assert hit.fix is not None
        text = text[: hit.start] + hit.fix + text[hit.end :]
    return text


# ---------------------------------------------------------------- 错别字


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("项目已全面峻工。", "项目已全面竣工。"),  # the curated list
        ("以考核到逼责任落实，医保征交15342人。", "以考核倒逼责任落实，医保征缴15342人。"),  # the curated list
        ("做到初心如盘，推进撤筒并点，开展撩荒地整治。", "做到初心如磐，推进撤桶并点，开展撂荒地整治。"),
        ("克尽职守，提升威摄力，工作不担误，开设账篷课堂，加强沟通衔结，极不循常的一年。", "恪尽职守，提升威慑力，工作不耽误，开设帐篷课堂，加强沟通衔接，极不寻常的一年。"),
        ("要防微杜惭。", "要防微杜渐。"),
        ("扎实推进乡村震兴工作。", "扎实推进乡村振兴工作。"),
        ("加强生态环镜保护。", "加强生态环境保护。"),  # sound + shape (镜/境), not listed
        ("做好汛期前的防洪演炼。", "做好汛期前的防洪演练。"),
        ("真是一愁莫展。", "真是一筹莫展。"),
        ("坚持实是求是。", "坚持实事求是。"),
        ("兢兢业业、竞竞业业", "兢兢业业、兢兢业业"),  # the same change twice
        ("教育引导干部在己经取得成绩的基础上再出发。", "教育引导干部在已经取得成绩的基础上再出发。"),
        # Not listed: loose characters where a common word sounds the same, in the same tone.
        ("全年财正收入稳步增加。", "全年财政收入稳步增加。"),
        ("打赢脱贫攻间战。", "打赢脱贫攻坚战。"),
        ("做到群策群立。", "做到群策群力。"),  # an idiom with one character that sounds the same
        ("及时了解请况。", "及时了解情况。"),  # a look-alike of the same series (青) that sounds near
        ("坚持实事救是。", "坚持实事求是。"),  # an idiom, a look-alike (求/救)
        # 公文's set phrases jieba hardly knows (words.txt): one character changed by sound.
        ("各界守望相注，共克时艰。", "各界守望相助，共克时艰。"),
        ("干部群众夙夜在功，连续作战。", "干部群众夙夜在公，连续作战。"),
        ("老工业区加快腾龙换鸟，传统产业凤凰涅盘。", "老工业区加快腾笼换鸟，传统产业凤凰涅槃。"),
        ("着力打造永续发展的不揭之源。", "着力打造永续发展的不竭之源。"),
        ("隐患整改做到日清日洁，项目审批能快则块。", "隐患整改做到日清日结，项目审批能快则快。"),
        ("提升页岩汽勘探开发力度，落实混和所有制改革。", "提升页岩气勘探开发力度，落实混合所有制改革。"),
        # A term of ours cut by jieba into loose characters (新|长|态), one of them slipped.
        ("主动适应经济发展新长态。", "主动适应经济发展新常态。"),
        ("保值保量完成任务，实现救助的无逢隙全覆盖。", "保质保量完成任务，实现救助的无缝隙全覆盖。"),
        # Words reports write that the published counts miss (report_vocabulary.txt), and
        # look-alikes of one component (shape_similar.txt): each character a word when loose.
        ("坚持党委统缆全局、协调各方。", "坚持党委统揽全局、协调各方。"),
        ("12栋住宅楼已封项。", "12栋住宅楼已封顶。"),
        ("深入开展城乡环境清沽行动。", "深入开展城乡环境清洁行动。"),
        # Rule 7: a bound morpheme (磋, 韧) loose beside a character one sound or shape away.
        ("继续推动中美经贸磋伤。", "继续推动中美经贸磋商。"),
        ("中国经济有潜力、有韧形。", "中国经济有潜力、有韧性。"),
        # Between words, a word reports write sounds the same in another tone (rule 7: 空 and
        # 控 of one series).
        ("加强房地产市场分类调空。", "加强房地产市场分类调控。"),
        # A rare idiom (筚路蓝缕, jieba saw it 7 times); an idiom named by its rare character (锲).
        ("广大干部群众筚路篮缕、千辛万苦。", "广大干部群众筚路蓝缕、千辛万苦。"),
        ("以锲而不合的精神解难题。", "以锲而不舍的精神解难题。"),
        ("依法及时解决群众合理速求。", "依法及时解决群众合理诉求。"),
        ("货币政策要豹持稳健中性。", "货币政策要保持稳健中性。"),  # a function word before: fine
        ("实施积极应堆人口老龄化国家战略。", "实施积极应对人口老龄化国家战略。"),  # 对: reports' 应对
        ("推动成渝抵区双城经济圈建设。", "推动成渝地区双城经济圈建设。"),
        ("促进冒易和投资自由化便利化。", "促进贸易和投资自由化便利化。"),  # a conjunction after
        ("严各执行财经纪律。", "严格执行财经纪律。"),  # 各: a function word typed for 格
        # Loose characters where 新力 starts a word: still a slip, for 标新立异 is a set phrase.
        ("这种做法可谓标新力异。", "这种做法可谓标新立异。"),
        # An idiom one character of like sound away, though the changed one makes a word with
        # its neighbour (朝头, 不宜).
        ("迎难而上、勇立朝头，成绩殊为不宜。", "迎难而上、勇立潮头，成绩殊为不易。"),
        # Two loose characters no report writes side by side, one seldom a word alone (造),
        # the other sounding alike in another tone (该/改): 改造 is very common.
        ("推进棚户区该造工程。", "推进棚户区改造工程。"),
        # 统筹 is middling in jieba's counts (470) but common in reports (report_words.txt).
        ("加强统愁协调。", "加强统筹协调。"),
        # Rule 6: the correction makes a pair reports write (就业 创业, report_collocations.txt).
        ("支持大学生就叶创业。", "支持大学生就业创业。"),
        # ... or one official text at large writes beside a neighbour of two characters (逐项|梳理).
        ("对照履职清单遂项梳理年度任务。", "对照履职清单逐项梳理年度任务。"),
        # Idioms jieba's dictionary tags as person names (明察秋毫 nr) are idioms all the same.
        ("工作中要明察秋豪。", "工作中要明察秋毫。"),
        # A second reading counts in a long phrase: 长 is zhǎng first, cháng second.
        ("两地友谊源远流常。", "两地友谊源远流长。"),
        # Variants the 异形词 table does not recommend (GF 1001—2001), from the curated list.
        ("坚决杜绝推委扯皮，采取折衷方案。", "坚决杜绝推诿扯皮，采取折中方案。"),
        ("企业实现赢余500万元，凝炼工作经验。", "企业实现盈余500万元，凝练工作经验。"),
        # Look-alikes of a phonetic series not in the hand-made table (shape_series.txt: 支, 粦).
        ("强化科枝创新引领作用。", "强化科技创新引领作用。"),
        ("公开磷选一批优秀年轻干部。", "公开遴选一批优秀年轻干部。"),
        # A parallel pattern is no excuse where the reports write the correction beside its neighbour (失职 渎职).
        ("严肃查处失职读职行为。", "严肃查处失职渎职行为。"),
        # Our 政务 word 乡村建设 shares only the characters kept: the slip in 美力 stands.
        ("打造一批美力乡村建设样板。", "打造一批美丽乡村建设样板。"),
        # Two loose characters sounding exactly like a common word, the same tone (rule 9).
        ("鼓励西引青年人才到基层创业。", "鼓励吸引青年人才到基层创业。"),  # 西引荆 (seen twice) vouches for nothing
        ("鼓励我区国友人力资源公司做大做强。", "鼓励我区国有人力资源公司做大做强。"),  # loose on both sides
        ("持续推进城是居民小区建设。", "持续推进城市居民小区建设。"),  # 是 typed: reports write 城市 often
        ("各镇街道要及石收集社情民意。", "各镇街道要及时收集社情民意。"),  # 及 kept: 及时 is far likelier
        ("切实强化各即党组织管理责任。", "切实强化各级党组织管理责任。"),
        # Words jieba tags as names (城市 ns, 廉政 nr) that reports write are words a slip meant.
        ("完善干部连政档案。", "完善干部廉政档案。"),
        # Two words meeting across a comma make no parallel pattern (问题，题供).
        ("反映相关问题，题供人才住房保障。", "反映相关问题，提供人才住房保障。"),
        # The input method's other candidates of a syllable, not only the commonest word of the
        # sound (集具: 机具 is the commonest jiju, 聚 is listed under jù).
        ("推动创新要素加快集具。", "推动创新要素加快集聚。"),
        # Of corrections the rules accept: the same sound and phonetic series beats a commoner
        # word (记律 → 纪律, not 记录); one reports write beside its neighbour beats a commoner
        # (专相|行动 → 专项, not 专线).
        ("严格遵守工作记律。", "严格遵守工作纪律。"),
        ("开展专相行动。", "开展专项行动。"),
        # A set phrase jieba saw misspelt a few times, where the same sound makes the phrase.
        ("坚持集思广议，做到家谕户晓。", "坚持集思广益，做到家喻户晓。"),
        # Rule 10: a real word the reports never write, where its homophone is what they write
        # beside the neighbour (核心技术 攻关, 关心 关爱).
        ("加强关键核心技术公关。", "加强关键核心技术攻关。"),
        ("持续关心关隘基层干部。", "持续关心关爱基层干部。"),
        # Rule 12: a real word its neighbours rule out, where a word one character away is what
        # official text writes beside them (全省 前列, 坚定 拥护, 各项 事业, 政府 职能).
        ("主要经济指标位居全省前例。", "主要经济指标位居全省前列。"),
        ("干部群众鉴定拥护党的领导。", "干部群众坚定拥护党的领导。"),
        ("推动全县各项失业蓬勃发展。", "推动全县各项事业蓬勃发展。"),
        # A word typed the other way round, which official text never writes there (民生实事).
        ("今年要办好十件民生事实。", "今年要办好十件民生实事。"),
        ("深化机构改革，转变政府智能。", "深化机构改革，转变政府职能。"),
        # ... a word of the same two syllables, both characters changed, on far more evidence
        # (目标 任务, 法律 赋予).
        ("完成年初目标人物的102%。", "完成年初目标任务的102%。"),
        ("认真履行宪法和法律富于的神圣职责。", "认真履行宪法和法律赋予的神圣职责。"),
        # Written beside both neighbours a few times, where the word meant is written fifty times as often.
        ("坚决遏止耕地“非农化”。", "坚决遏制耕地“非农化”。"),
        # ... and two lone characters official text never writes side by side (很|抓 before 工作,
        # 请|式 before 报告), where the word one character away is what it writes there.
        ("各部门要很抓工作落实。", "各部门要狠抓工作落实。"),
        ("严格执行请式报告制度。", "严格执行请示报告制度。"),
        ("成功引进一批国内知明企业。", "成功引进一批国内知名企业。"),  # 知明: a "word" jieba saw 3 times
        ("就业扶贫激发内升动力。", "就业扶贫激发内生动力。"),  # 内 升: side by side in laws 8 times only
        # Characters drawn nearly alike (shape_glyphs.txt), whatever their sound: 贵/责, 干/于.
        ("压实安全生产主体贵任。", "压实安全生产主体责任。"),
        ("印发《关干加强基层治理的意见》。", "印发《关于加强基层治理的意见》。"),
        # A rare character drawn like a common one (shape_rare.txt): 釆 for 采, 箅 for 算.
        ("规范政府釆购行为，严禁私自开釆砂石，完善异地就医结箅。", "规范政府采购行为，严禁私自开采砂石，完善异地就医结算。"),
        # One word of the same pattern nearby makes no series (推动 beside 推晋).
        ("全面推晋党建工作，推动高质量发展。", "全面推进党建工作，推动高质量发展。"),
        # Three loose characters whose written pair only starts a rare word (真对 in 真对不起),
        # where the correction is a word reports write.
        ("增强帮扶工作的真对性。", "增强帮扶工作的针对性。"),
        # Two loose characters that begin only a rare variant idiom (涣发大号, seen 3 times) are
        # no pair that belongs together.
        ("传统产业涣发新活力。", "传统产业焕发新活力。"),
        # Policy words jieba's dictionary lacks or barely knows (words.txt).
        ("大力发展普慧金融。", "大力发展普惠金融。"),
        # Words 机关 reports write that the counts miss (report_vocabulary.txt); 覆/履 alike.
        ("街道工委党校揭慕暨开班仪式。", "街道工委党校揭幕暨开班仪式。"),
        ("切实覆行组织青年、引导青年的职责。", "切实履行组织青年、引导青年的职责。"),
        ("晴隆县如期实现脱贫摘冒。", "晴隆县如期实现脱贫摘帽。"),
        # Look-alikes of one component (早/旱, 蓄/畜: shape_similar.txt).
        ("今年我市遭受干早灾害。", "今年我市遭受干旱灾害。"),
        ("共排查全镇蓄禽养殖户。", "共排查全镇畜禽养殖户。"),
        # Rule 11: a function word typed for a character of a common word, no one sign strong
        # enough for rules 5–9, several together (the learned score).
        ("严格落实干部考和制度。", "严格落实干部考核制度。"),
        ("明确岗位职则，压实工作责任。", "明确岗位职责，压实工作责任。"),
        ("迈出新步发，取得新成效。", "迈出新步伐，取得新成效。"),
        # A polyphonic character read its other way (长: cháng), three characters.
        ("长态化开展安全巡查。", "常态化开展安全巡查。"),
        # l/n blurred, the other fuzzy sound pinyin input offers.
        ("抓好春季娘食生产。", "抓好春季粮食生产。"),
        # n/ng and c/ch blurred to a word reports write often though jieba counts it seldom.
        ("坚持金准施策，统凑推进各项工作。", "坚持精准施策，统筹推进各项工作。"),
        # An everyday word as the correction, though the reports we counted happen not to use it.
        ("不断提高执正能力和领导水平。", "不断提高执政能力和领导水平。"),
        # A correction 机关 reports write though 政府工作报告 seldom do (report_vocabulary.txt).
        ("严格党原发展程序。", "严格党员发展程序。"),
        ("认真开展民主侧评。", "认真开展民主测评。"),
        # ... or that several local 机关 reports write (local_report_words.txt: 答复, 迁建, 必修课).
        ("所有申请均在法定期限内答付。", "所有申请均在法定期限内答复。"),
        ("推进急救站迁健工程，把理论学习作为干部的必休课。", "推进急救站迁建工程，把理论学习作为干部的必修课。"),
        # A set phrase of the dictionary, however rare, one character off by sound and series.
        ("在窗口单位开展创先争忧竞赛。", "在窗口单位开展创先争优竞赛。"),
        # A numeral put in, where reports write the word very often.
        ("坚持统以规划、分步实施。", "坚持统一规划、分步实施。"),
        # Rule 13: a look-alike of 已 or 未, alone before a verb.
        ("办公用房己完成主体建筑，全市末发生生产安全亡人事故。", "办公用房已完成主体建筑，全市未发生生产安全亡人事故。"),
        ("因灾死亡1人，末发生洪涝等其他灾害。", "因灾死亡1人，未发生洪涝等其他灾害。"),  # 末 opening a clause
        # Look-alikes of different sound (shape_similar.txt): 宜/宣, 休/体, 因/固.
        ("落实宜传工作要点，召开第四次全休会议，实施饮水安全巩因提升工程。", "落实宣传工作要点，召开第四次全体会议，实施饮水安全巩固提升工程。"),
        # A character of the slip's also opens the clause before, across a comma: no parallel.
        ("办公室设在县统计局，统愁部署全县经济普查工作。", "办公室设在县统计局，统筹部署全县经济普查工作。"),
        # A set phrase jieba holds as its slip at its floor count, against the phrase drawn alike.
        ("展示干部克已奉公的良好形象。", "展示干部克己奉公的良好形象。"),
        # A dictionary word of a rare spelling right after a quotation is no coinage on the name.
        ("“产业村长”幅射带动周边农户。", "“产业村长”辐射带动周边农户。"),
        # A polyphonic character read as the word reads it (调 in 协调: tiáo, like 条).
        ("统筹协条，补齐短板。", "统筹协调，补齐短板。"),
        # Classic look-alikes of another sound (shape_similar.txt): 簿/薄, 汁/计, 罝/置.
        ("瞄准簿弱环节，配合县审汁局安装预警装罝。", "瞄准薄弱环节，配合县审计局安装预警装置。"),
        # A word reports seldom write, of the very same sound and phonetic series (珠/株, 润/闰).
        ("发展淡水珍株养殖产业，企业净利闰增长12%。", "发展淡水珍珠养殖产业，企业净利润增长12%。"),
        # One of our 政务 words (质效) the law-text counts hardly know: no fit judged against it.
        ("推进党建与民政业务深度融合，提升工作质校。", "推进党建与民政业务深度融合，提升工作质效。"),
        # Words official text writes though the reports counted word by word do not (转载, 栽培).
        ("每周至少集中转栽1次重大改革举措信息。", "每周至少集中转载1次重大改革举措信息。"),
        ("作物裁培、饲草饲料基地入选示范基地。", "作物栽培、饲草饲料基地入选示范基地。"),
        ("强化校地和作，联合和作媒体开展系列宣传。", "强化校地合作，联合合作媒体开展系列宣传。"),  # a conjunction typed first
        # Common words sharing a character elsewhere in the sentence are no series (严守, 严格).
        ("秉持严瑾细致的态度，严守保密底线，每月严格按照要求整改。", "秉持严谨细致的态度，严守保密底线，每月严格按照要求整改。"),
        # The first item of a list of everyday words (图书馆) is no name.
        ("全文电子化达100%，挡案馆、图书馆送达率100%。", "全文电子化达100%，档案馆、图书馆送达率100%。"),
        # A word official text writes far more than jieba's counts know (锚定: 3 there, 300 in laws and reports).
        ("描定建设国家中心城市总目标，以乡村振兴为统览。", "锚定建设国家中心城市总目标，以乡村振兴为统揽。"),
        ("平均为每个项目节约审查时线10天以上。", "平均为每个项目节约审查时限10天以上。"),  # 10天: a count, no model number
        # Look-alikes shape_similar.txt lists by hand (幻/幼, 宄/究, 疔/疗, 誊/誉, 乘/秉).
        ("新增婴幻儿托位325个，深入研宄法治建设重大事项。", "新增婴幼儿托位325个，深入研究法治建设重大事项。"),
        ("做好治疔服务，获评示范区荣誊称号，继续乘持绿色发展理念。", "做好治疗服务，获评示范区荣誉称号，继续秉持绿色发展理念。"),
        # A common word and a lone character official text never writes after it, where the
        # character in the same tone makes a word of three it writes often (网格化, 毕业生).
        ("推动社区网格话管理全覆盖，做好高校毕业声就业工作。", "推动社区网格化管理全覆盖，做好高校毕业生就业工作。"),
        # A pattern around one of our words (企稳, 延链) where the span is written nowhere is the
        # pattern the word belongs to, not a coinage.
        ("推动全市经济启稳向好、稳中有进。", "推动全市经济企稳向好、稳中有进。"),
        ("全面完成年度续效考核任务。", "全面完成年度绩效考核任务。"),  # 续/绩, drawn alike
        # Listed misspellings (not words, whatever their neighbours).
        ("完成摸低清查，组织逐村观磨，负重拼博，审议《玉树臧族自治州条例》。", "完成摸底清查，组织逐村观摩，负重拼搏，审议《玉树藏族自治州条例》。"),
        ("直至绳之于法，做到百废具兴。", "直至绳之以法，做到百废俱兴。"),
        ("防止产能委缩，做好汛期排捞和河道清瘀，发展蓄牧业，尊循市场规律，由付市长牵头，报省总公会。", "防止产能萎缩，做好汛期排涝和河道清淤，发展畜牧业，遵循市场规律，由副市长牵头，报省总工会。"),
        ("做好河道疏竣和安全度讯，严厉打击电信炸骗，发挥交通枢钮作用，破解城市拥赌，不能敷演塞责。", "做好河道疏浚和安全度汛，严厉打击电信诈骗，发挥交通枢纽作用，破解城市拥堵，不能敷衍塞责。"),
        ("实施重点产业强链、骨干产业廷链、新兴产业补链行动。", "实施重点产业强链、骨干产业延链、新兴产业补链行动。"),
        # Two bound characters between words, exactly the sound of a common word reports seldom
        # write (轨迹).
        ("透射出向新而行的清晰轨际。", "透射出向新而行的清晰轨迹。"),
        # A rare look-alike before a function word (祟|尚); a word reports write far more than
        # jieba's counts know, misspelt by sound (棚户区: 13 in jieba, 28 in reports).
        ("坚持过紧日子，祟尚简朴、厉行节约。", "坚持过紧日子，崇尚简朴、厉行节约。"),
        ("几千万人居住在条件简陋的蓬户区。", "几千万人居住在条件简陋的棚户区。"),
        # A lone character of a word's phonetic series in another tone (产业|连); our 政务 word cut
        # by the counts (获得|敢 → 获得感).
        ("推动加工贸易向产业连两端延伸，增强人民群众的获得敢、幸福感。", "推动加工贸易向产业链两端延伸，增强人民群众的获得感、幸福感。"),
        # A rare dictionary word (赋于: 3) that reports never write, beside a common one of its
        # syllables in another tone that they do (赋予: 2,186, in reports 46).
        ("赋于更多具备条件的企业对外经营权。", "赋予更多具备条件的企业对外经营权。"),
        # An idiom with a slipped character that jieba reads into another word (工作桌, a desk).
        ("财税工作桌有成效，服务保障能力明显增强。", "财税工作卓有成效，服务保障能力明显增强。"),
        # An idiom of five characters cut into five; three loose characters that read exactly as a
        # word of three.
        ("受多种因素影响，产业转型升级任重而到远。", "受多种因素影响，产业转型升级任重而道远。"),
        ("不能进位，还有退位和被边源化的危险。", "不能进位，还有退位和被边缘化的危险。"),
        # Terms of the last ten years jieba's dictionary lacks (区块链, 老旧小区, 涉险滩), and words
        # reports use far more than its counts say (降至, 渐趋, 底子薄).
        ("超前布局区快链、量子通信等未来产业，持续抓好老久小区改造。", "超前布局区块链、量子通信等未来产业，持续抓好老旧小区改造。"),
        ("全省PM2.5平均浓度降致36.8微克/立方米，国际金融市场渐驱稳定。", "全省PM2.5平均浓度降至36.8微克/立方米，国际金融市场渐趋稳定。"),
        # An idiom reading a character one way (度 duó) typed by its other reading (dù), in its series.
        ("我们应当审时渡势，积极做好工作。", "我们应当审时度势，积极做好工作。"),
        # A localizer closing a phrase after a word (会议|上) ends a word as the word would.
        ("在全市工作会议上获息，我市经营主体总量增长。", "在全市工作会议上获悉，我市经营主体总量增长。"),
        # Rule 15: 第 of an ordinal and 元 of an amount typed as another character of their sound.
        ("县第十五届人民代表大会地五次会议开幕。地一部分是工作回顾。", "县第十五届人民代表大会第五次会议开幕。第一部分是工作回顾。"),
        ("收入400.07亿援，同比增长13%；投资28.36亿原。", "收入400.07亿元，同比增长13%；投资28.36亿元。"),
        # Two loose characters before a function word, by a clear margin of the pair model's score.
        ("为发展作初了应有贡献。", "为发展作出了应有贡献。"),
        # A quoted title of ordinary words: the correction is written beside its neighbour in it.
        ("连续第四年被评为“福建省精济实力十强县”。", "连续第四年被评为“福建省经济实力十强县”。"),
        # Idioms and set phrases of the curated list (立德竖人, 群贤必至, 鲜花竟放, 挨门遂户).
        ("坚持立德竖人，主席台前鲜花竟放，群贤必至，通过挨门遂户走访。", "坚持立德树人，主席台前鲜花竞放，群贤毕至，通过挨门逐户走访。"),
        # Rule 16: one of the commonest words a slip away, wherever jieba cut it (大功|作, 上工|夜).
        ("区人大功作联络处副主任，规上工夜总产值540亿元。", "区人大工作联络处副主任，规上工业总产值540亿元。"),
        # The debris of a slip before 的 or 了, which follow a whole word (恐|荒|的, 杜|决|了).
        ("疫情造成了恐荒的局面，杜决了违法超审限案件。", "疫情造成了恐慌的局面，杜绝了违法超审限案件。"),
        # 分 before a count after a bound character is a slip's debris (纠|分|4起), not the verb of 分两次.
        ("化解涉台纠分4起。", "化解涉台纠纷4起。"),
        # Two loose characters, one of them bound, exactly the sound of a dictionary word reports
        # seldom write (触角 282, 函授 90 in jieba's counts).
        ("延伸民政服务触脚，组织职工进行涵授。", "延伸民政服务触角，组织职工进行函授。"),
        # A slipped character left loose before a word's second that jieba read with its complement.
        ("陶瓷产业基地被任定为国家级基地，踊现出一批先进典型。", "陶瓷产业基地被认定为国家级基地，涌现出一批先进典型。"),
        # A slip right after an office's abbreviated name, whose last character stands loose.
        ("县妇儿工委办请视县委同意。", "县妇儿工委办请示县委同意。"),
        # A slip's debris before a localizer of time or 各 that opens the next phrase.
        ("调解员获息后主动上门，工作组赶付各受灾乡镇。", "调解员获悉后主动上门，工作组赶赴各受灾乡镇。"),
        # Listed slips of archives, weather radar, crop protection, fishing seasons.
        ("档案立券归档，建设风阔线雷达，推进统防统制，落实伏季修渔，确保不松筋。", "档案立卷归档，建设风廓线雷达，推进统防统治，落实伏季休渔，确保不松劲。"),
    ],
)
def test_slip_is_found_with_the_right_word(lexicon: Lexicon, wrong: str, right: str) -> None:
    assert fixed(wrong, find_slips(wrong, lexicon)) == right


def test_a_rare_character_stands_for_a_common_one_never_the_reverse() -> None:
    table = shapes()
    assert "库" in table.alternatives("厍") and "采" in table.alternatives("釆")
    assert table.looks_alike("箅", "算") and not table.looks_alike("算", "箅")
    assert "厍" not in table.alternatives("库") and "釆" not in table.alternatives("采")


@pytest.mark.parametrize(
    "clean",
    [
        "推动城市基层党建提质聚力，工作台账实行销号管理。",  # 提质, 台账: not 实质, 台长
        "严格落实领导职数规定，引才引智成效明显，主题民宿等新业态不断涌现。",
        "提高职业资格、技能培训机构教学质量。",  # a rare four-character word is left alone
        "发挥二是、三是的作用，确保党管干部原则落到实处。",
        "构建亲清政商关系，筑牢安全防线。",
        # A common word and a character that is a word of its own, however they sound together.
        "不得以任何理由拒收材料，履行负责任的义务。",
        "我们有坚定的意志，各族群众像一家人一样相处。",
        "加强对集体经济的审计监督。",
        "银行不得随意抽贷、断贷，共克时艰，落实宪制责任。",  # rare words seen often enough
        "二是加强领导，三是细化实化工作措施，完善述学、评学制度。",  # numerals; parallel coinages
        "用好抗疫特别国债，坚持因城施策。",  # would cut one of our 政务 words
        "他们的话语中更多的是期待。",  # no slip where the meant word differs in tone
        "有效化解矛盾纠纷，促进社会平安祥和。",  # the listed 安祥 lies across 平安|祥和
        "坚持谨慎密切合作，下属托儿所正常运行。",  # 慎密 across 谨慎|密切合作, 属托 across 下属|托儿所
        "加快形成合理的收入分配格局。",  # 合理 is a very common word, not a slip of 形成合力
        "继续支持居民自住性住房消费。",  # 自住 starts a word (自住房): not 自主性
        "要在发展基础上多办利民实事。",  # 多|办: reports write the pair (report_bigrams.txt)
        "集众智汇众力，拉长长板、锻造新板。",  # parallel: 众 three apart, 板 across a 、
        "推进该项改革，建造一批保障房。",  # 该项 and 建造 are words: no loose pair
        # A common word judged by one neighbour needs strong evidence (推动|事业 15 times only).
        "推动失业和就业困难人员再就业，传统企业实现升级。",
        "就叶片质量作出说明。",  # 就|叶片: no loose pair; and 就业 would not fit 说明
        "一季度就业形势平稳，三批次就业招聘会。",  # numerals are typed on purpose
        "交出一份厚重提气的成绩单。",  # 提起的: 的 goes with anything, no neighbour to vouch
        "工作做到逼真细致，开展特征交叉分析。",  # 到逼, 征交 across two words
        "要尊重客观事实，把握基本事实，依法查明事实。",  # 事实 where reports write it, not 实事
        "治理污染是可以做到的，是可持续的。",  # 是 is no slip of 不 (不可)
        # Two loose characters that begin a longer dictionary word go together (无房户, 可降解).
        "将符合条件的新就业无房职工纳入保障范围，缴费比例各地可降至16%。",
        "要磋商解决，发扬坚韧不拔的精神。",  # bound morphemes inside their words
        # A rare character in a place's name, before what names the place (埕 is no slip of 堤).
        "抓好三都澳、沙埕港水质提升，推进上岙村、厍店镇环境整治。",
        "按绩效付酬，城郊结合。",
        # Terse coinages read as loose characters throughout (F28): no slip among them.
        "工业企业利润由降转升，新设152个跨境电商综试区。",
        "在新中国历史上极不平凡。",
        "以锲而不舍的精神、筚路蓝缕的干劲，不合时宜的做法要改。",
        "加快发展新质生产力，降本提效。",  # 新|质: not the same syllable as 性质; 提效 no sound
        "财政部副部长王东伟介绍，形成人人尽展其才的良好局面。",  # a given name; loose all round
        "统筹疫后恢复，推动医类院校建设。",  # 以后/一类: a function word or numeral put in
        "这项工作我们就也不再提了，重担在肩。",  # a function word kept as written (在|肩)
        "开展作风建设提升年暨“五基三化”攻坚行动。",  # 暨 replaced only for a word reports write often
        "枝繁叶茂的行道树，纯粹的理想信念，读书班和读书会。",  # series members in their own words
        # Variants that would lie across two words are not listed (定单, 股分, 希有, 笔划).
        "确定单位名单，按股分红，希有关单位按时报送，一笔划拨资金。",
        # A correction must be a word reports write: 开元, 产销 and 提及 are not (2026 reports).
        "上海天文馆建成开园，推动产消对接，开展提级管理。",
        # Names a local report writes between words (the withdrawn rule 8 read 驻海 as 珠海).
        "向驻海部队、武警官兵致以敬意。",
        # Rule 10's near misses: 危机 公关 is no pair of 攻关; 检察 is too common to be a slip.
        "组织开展危机公关培训，做好行政检察衔接。",
        # Rule 12's near misses: words official text uses alike (督察/督查), a name (渠县), a
        # word its neighbours go with (失业 保险, 高校 毕业生, 师范 专业).
        "开展综合督察和专项督查，渠县人民政府办公室牵头。",
        "落实失业保险稳岗返还政策，城镇登记失业率控制在4.5%以内。",
        "强化高校毕业生就业服务，加强学校师范专业建设。",
        "报名截止后逾期不再受理。",  # 逾期|不 (逾期不缴纳) vouches for 逾期 before 不再
        # What laws or reports write as it stands, as a word or the same two pieces (预可|研,
        # 两站, 盒马鲜生, 医者仁心), is no slip, however a common word sounds like it.
        "宁马城际铁路启动预可研编制，推进“一房两站”建设，引进盒马鲜生首店，用医者仁心筑起防线。",
        # A run of abbreviations (南|钒|钛, 同|央|企): a bound character beside the span is a name's.
        "实施红格南钒钛磁铁矿项目，同央企京企联手。",
        # A count: a numeral, then a measure word (15个新项目, 十个新优势: not 革新).
        "推进15个新项目，塑造十个新优势。",
        "党校举办各类培训班140余期，制作节目20多期。",  # 余, 多 after a number: a count, not 逾期
        # Look-alikes only (no sound in common) beside a function word or between common words.
        "答好群众持续增收之问，深化社会民生改革。",
        # One function word for another (已|至: no 以至), an adverb (仍|大: no 人大), 援疆.
        "高质量发展其时已至，稳增长压力仍大，深化产业援疆。",
        # A listed wrong form inside one of our words is meant (the river 九洲江).
        "推进九洲江流域综合治理。",
        # 的 read dì is no 第 (党的二十届 is not 党第二十届).
        "按照党的二十届四中全会部署，做好各项工作。",
        # Two common words side by side, though jieba's dictionary holds a slip that sounds alike.
        "这是全县干部群众团结拼搏的结果。",
        # One of a series the sentence writes (前端、中端、后端), not a slip of 终端.
        "推进食品前端研发培育、中端生产加工、后端冷链物流。",
        # ... of coined words ending items of a list, however rare (联点、联建、联帮).
        "实施班子成员联点、业务科室联建、中心之间联帮的“三联机制”。",
        # A term of our words (事业人员), not 失业 by its neighbours.
        "引导新录用公务员、事业人员参加行政执法资格考试。",
        "聚焦改革攻坚咨政建言，全国人大官网推介，举办同乡恳亲大会，通过延期回售化解债务。",
        # A loose character that goes with the word before (情况|下); 镇村 (towns and villages).
        "确保在需要情况下能立即调用，召开全镇镇村干部警示教育大会。",
        "商务经济对经济发展有很强的支撑作用。",  # a degree word goes with its adjective (有|很|强)
        # A word the verb two before takes (形成合力), with an attribute between them.
        "注重统筹协调，形成部门合力，切实抓好各项改革措施落实。",
        # The set phrases words.txt adds, and phrases one character away from them.
        "以滚石上山、爬坡过坎的韧劲，抢抓机遇，兜牢底线，守住底线，守望相助，因时因势调整。",
        "攻城拔寨，负重前行，赓续前行，连续作战，追求卓越，幸福安康，产城融合，城乡融合。",
        # Same two syllables beside a neighbour official text seldom pairs it with (权限 is no
        # correction of 全县 before a year); of two words official text uses alike, the one a
        # report meant, whatever older laws wrote there (法制工作).
        "按照全县2017年度脱贫计划，多次听取法治工作汇报，全省同类开发区排名第四。",
        # A look-alike of a common word needs as much more evidence as two loose characters.
        "要求各地各部门抓好贯彻落实，认真落实人大会议形成的决议。",
        # A report's set opening (受…委托，现向大会报告) and 权责相适 (words.txt).
        "受市政府委托，现向大会报告计划执行情况，形成权责相适的体系。",
        # Terms and set phrases of local reports (words.txt): 区防指, 初显成效, 雏形初现, 百年未遇.
        "区防指启动应急响应，对接海南初显成效，基金集群雏形初现，应对百年未遇的汛情，同心勠力战“疫”。",
        "黄梅挑花获奖，水稻繁种面积2万亩，每周述学，年终结硬账，赓续奋进，锦望府顺利竣备。",
        # A pattern's slot filled on purpose (应建尽建 is no 应检尽检 misspelt twice); 水稳层 (words.txt).
        "符合条件的非公企业应建尽建，完成路基和水稳层建设。",
        # 镇街 (towns and streets), 经责 (经济责任) and 荣誉加身: words.txt.
        "建成6个镇街级政务服务示范样板，聚焦巡视、经责审计反馈问题整改，6个国字号荣誉加身。",
        # 己 "oneself" (悦己, 一己之力), 末 "the end" after a time, in a name, opening a run.
        "发展悦己消费，凝聚一己之力，汛末台风频发，“十四五”末增长一倍，李末村建设加快。",
        # A coined four-character phrase a character unlike the idiom's away (勠力同心).
        "汇聚万众一心、勠力同进的磅礴力量。",
        # A count begins after the span (两大, not 联网); a street before its house number.
        "培育以数字贸易和智能物联两大产业链为核心的数字经济。地址：西海岸新区大公岛路5号。",
        # A doubled character (节节, not 姐姐); a phrase reports write (奋楫前行, not 奋楫笃行
        # misspelt); a listed wrong form across two words (开展|转诊 holds 展转).
        "人民美好生活节节攀高，在攻坚克难中奋楫前行，在全国率先开展转诊中心试点。",
        # Loose characters that fit the words beside them far better than the correction would.
        "精准施策化风险，深查彻改各行业领域风险隐患，向博览会亲致贺信。",
        # Such a word only between words: not in a name's loose characters (姚河塬 is no 河源),
        # nor with a function word (以房票形式 is no 以防).
        "争取姚河塬国家考古遗址公园立项，以房票形式出具给被征收人。",
        # A loose character at the edge that official text writes with the one beside it (惠 企).
        "梳理发布惠企政策兑现清单24项，生产绿电超2000亿度。",
        # A word and a lone character in another tone or a function word: two words (报告书, 有利于
        # sound alike, not alike enough).
        "法定传染病报告数下降，深知肩负的责任之重，既积极进取，又利于引导预期。",
        # Four characters one off an idiom, but each a word with its neighbour (失业|人员, 办实|事),
        # or the idiom too rare to be meant (再进一步).
        "帮助失业人员再就业，为民办实事，在进一步做好工作的同时抓好落实。",
        # A listed wrong form across a word of one character and a longer one (多|做|为民造福).
        "解决好两难、多难问题，多做为民造福的实事。",
        # The procuratorate's own terms (检察监督, 公益诉讼检察: words.txt) after 进行.
        "依法进行检察监督，推进刑事检察、民事检察、行政检察、公益诉讼检察全面协调充分发展。",
        # A degree word before its adjective looks like the adjective: 太大 is no 大大 misspelt.
        "困难太大，压力太大了，差距大大缩小。",
        # A listed wrong form inside a longer word, neither beginning nor ending it (认真|对待).
        "我们要认真对待群众来信。",
        # A coinage (含智量) or a word of laws (禁入) sounding like a very common word has no company of it.
        "提升产业含新量、含智量、含绿量，凡法律法规未明确禁入的行业和领域都要开放。",
        # "Nearly" before a figure; a localizer closing 在's phrase; a suffix ending the word before;
        # a level of government before what it runs (近5000亩, 做特中, 外向度方面, 有县苗圃); a term of industry.
        "实施楠竹低改近5000亩，在做精做特中，提升外向度方面，林业局有县苗圃，建设液化烃罐区。",
        "一是3月和9月分两次组织人力督导。",  # a verb that takes a count, not 月份
        "已向地市上报调整该项目请示。",  # 调整|该: a listed wrong form (整该) across a word and "this"
        # 地 ending a word before a count, 元's sounds going on into a word of their own.
        "落地一批重大项目，基地一期建成，打造“三地一区”，全区10万员工，建成3万园区。",
        # 现 "now" before its verb (not 现代, 现有); places outside the league (盟外), a lift (提气).
        "已通过公示期，现待正式批复，现由县委负责，引进盟外资金，报告很提气。",
        "要求各地落实，举办党建带妇建研讨会。",  # a word this common is no look-alike's slip (落地落实)
        # Words of published reports read as slips on fresh pages: a direction (从上往下), the time of
        # a games (赛时安保), founding a city among tasks (治乱、建城), every session (各次会议).
        "鼓励从上往下调剂编制，做好赛时安保，统筹推进治乱、治痛、建城，落实大会各次会议的决议。",
        # Words before their complement (评定为, 任命为); loose characters of a terse coinage.
        "他被任命为局长，被评定为优秀，推动企业上市融资。",
        # A listed wrong form across a word and a character that begins a word with the next (认真|对|标).
        "会议要求，要认真对标对表全国“两会”精神，引企入园10户，实施苹果复剪。",
        # Words of reports: each school, a project of 工程建设, a co-operative's firm, 城管委, a motto.
        "严格核查了各校学生转入转出手续，工建项目审批承诺办，社有企业助农，在市城管委的指导下，敢做善为。",
        # A township heading a news item, a village's group, a verb and "to" where it reaches, two
        # quoted terms set against each other, a word of tax work, a colloquial word as common as
        # the one it sounds like.
        "会议以视频形式开至各镇。促进河长制工作从“有名”向“有实”转变，强化依法管税观念，人人出主意。",
        # A noun's last character, then a joiner opening the next phrase (区|于, 会|暨, 站|同, 户|及).
        "江津区于今年4月启动执法检查，召开启动视频会暨责任书签署仪式，妇幼保健站同妇产科合署办公，向零售户及消费者宣传。",
        # A phrase built on 的 (有的 "some", 喜的是……忧的是): no 有的是.
        "有的事议成了，钱也能收上来。喜的是任务完成，忧的是事故总量上升。",
        # A loose character that makes a word with the one after it (为|来|年: 来年), no 未来.
        "加强农田水利建设，为来年丰收上一道保险。",
    ],
)
def test_real_words_are_not_slips(lexicon: Lexicon, clean: str) -> None:
    assert find_slips(clean, lexicon) == []


def test_a_guess_never_suggests_a_listed_wrong_form(lexicon: Lexicon) -> None:
    """jieba counts the old variant 影象 above 影像: a guess built on its counts must not put back
    what the curated list (异形词) calls wrong, while the list still finds the wrong form."""
    assert find_slips("该所通过影像判读、卫星定位等多种技术手段发现疑似耕地变化。", lexicon) == []
    [hit] = find_slips("该所通过影象判读、卫星定位等多种技术手段发现疑似耕地变化。", lexicon)
    assert hit.fix == "影像"


def test_curated_list_works_without_the_dictionary() -> None:
    [hit] = listed_misspellings("召开年度工作布署会")
    assert (hit.fix, hit.source) == ("部署", "《现代汉语词典》（第7版）")
    assert find_slips("召开年度工作布署会", None) == [hit]


@contextlib.contextmanager
def office_files(home: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> Iterator[Path]:
    """The office's own proofreading files under a fresh BAOGAO_HOME, read while the block runs and
    forgotten after it."""
    monkeypatch.setenv("BAOGAO_HOME", str(home))
    folder = home / "config" / data.OFFICE_FOLDER
    if files:  # else left to the app to make (add_office_word)
        folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    office.reload()
    try:
        yield folder
    finally:
        monkeypatch.delenv("BAOGAO_HOME")
        office.reload()


def test_office_words_are_right_everywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lexicon: Lexicon
) -> None:
    with office_files(tmp_path, monkeypatch, {}):
        text = "峻工村党支部开展主题党日活动，扶恤站点建设进展顺利。"
        assert [h.fix for h in find_slips(text, lexicon)] == ["竣工", "抚恤"]
        path = office.add_office_word("峻工村")
        assert path.parent.name == "proofread" and "峻工村" in path.read_text(encoding="utf-8")
        assert [h.fix for h in find_slips(text, lexicon)] == ["抚恤"]
        office.add_office_word("峻工村")  # a second time changes nothing
        assert path.read_text(encoding="utf-8").count("峻工村") == 1
        with pytest.raises(ReportError, match="不含空格"):
            office.add_office_word("两个 词")


def test_damaged_office_file_is_skipped_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = {data.OFFICE_MISSPELLINGS: "只有一列\n", data.OFFICE_FORMULATIONS: "[[formulation]\n"}
    with office_files(tmp_path, monkeypatch, damaged):
        assert data.misspellings()  # the shipped list still works
        assert data.formulations()
        problems = data.problems()
        assert any(data.OFFICE_MISSPELLINGS in p and "错误写法<Tab>正确写法" in p for p in problems)
        assert any(data.OFFICE_FORMULATIONS in p and "格式有误" in p for p in problems)


def test_office_name_families_fix_each_others_numbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "打造“四个示范”、实施“五大行动”。开展四个示范创建。"
    with office_files(tmp_path, monkeypatch, {data.OFFICE_FORMULATIONS: 'name_families = """\n三个示范 五大行动\n"""\n'}):
        [hit] = find_formulation_slips(text)
        assert (text[hit.start : hit.end], hit.fix) == ("四个示范", "三个示范")
    assert find_formulation_slips(text) == []  # the office's file is read no more


def test_office_formulations_take_their_quoted_names_from_the_counted_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "围绕五清一改重点内容集中整治。"
    office = '[[formulation]]\ncanonical = "五清一改"\nquoted = true\nonly_before = "行动"\nnote = "本单位写法"\nsource = "本单位"\n'
    with office_files(tmp_path, monkeypatch, {data.OFFICE_FORMULATIONS: office}):
        assert find_formulation_slips(text) == []  # the office's context: only before 行动
    assert [(text[hit.start : hit.end], hit.fix) for hit in find_formulation_slips(text)] == [("五清一改", "“五清一改”")]


def test_office_campaigns_name_their_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "开展“三比三争”主题教育和党史主题教育。"
    with office_files(tmp_path, monkeypatch, {data.OFFICE_FORMULATIONS: 'campaigns = """\n“三比三争” 专题教育\n"""\n'}):
        assert [(text[hit.start : hit.end], hit.fix) for hit in find_formulation_slips(text)] == [("主题教育", "专题教育"), ("主题教育", "学习教育")]
    assert [hit.fix for hit in find_formulation_slips(text)] == ["学习教育"]  # the office's file is read no more


def test_second_readings_are_kept_toneless() -> None:
    table = read_readings()
    assert table.plain_readings("长") == ("zhang", "chang")
    assert table.plain_readings("常") == ("chang",)
    assert table.plain_readings("a") == ()


def test_a_polyphonic_character_sounds_as_the_word_reads_it(lexicon: Lexicon) -> None:
    assert data.word_readings()("协调") == ("xié", "tiáo")
    assert lexicon.reading_in("协调", 1) == "tiáo" and lexicon.readings.toned("调") == "diào"
    assert lexicon.sounds_alike_in("条", "协调", 1, tone=True)
    assert not lexicon.sounds_alike_in("掉", "协调", 1, tone=True)
    # A word the file does not list is read by its characters' readings, second ones too.
    assert lexicon.sounds_alike_in("帅", "以上率下", 2, tone=False)


def test_missing_pinyin_table_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(PinyinTableError, match="缺少 pypinyin 组件。请重新安装本程序"):
        read_readings()


# ---------------------------------------------------------------- 易混词


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("截止目前，全县共有党员5600名。", "截至目前，全县共有党员5600名。"),
        ("使财政资金花的其所、用得安全。", "使财政资金花得其所、用得安全。"),
        ("克服新冠疫情不力影响。", "克服新冠疫情不利影响。"),
        ("苏宁易购等品牌企业相继入住。", "苏宁易购等品牌企业相继入驻。"),
        ("通过数据核查、核算筛查加大排查力度。", "通过数据核查、核酸筛查加大排查力度。"),
        ("加快推进服务业全面回复，尽快回复生产。", "加快推进服务业全面恢复，尽快恢复生产。"),
        ("新建公厕20所，现以全部完工。", "新建公厕20所，现已全部完工。"),
        ("率先再全省启动筛查工作。", "率先在全省启动筛查工作。"),
        ("完成镇政府住地整治项目。", "完成镇政府驻地整治项目。"),
        ("积极履行基本社会服务指责。", "积极履行基本社会服务职责。"),
        ("深入转变政府智能。", "深入转变政府职能。"),
        ("帮助企业解难题、度难关。", "帮助企业解难题、渡难关。"),
        ("全市自然灾害形式相对平稳。", "全市自然灾害形势相对平稳。"),
        ("即要抓好发展，又要守住底线。", "既要抓好发展，又要守住底线。"),
        ("严格执行力行节约各项规定。", "严格执行厉行节约各项规定。"),
        ("严防泄漏国家秘密。", "严防泄露国家秘密。"),
        ("防止个人信息泄漏，规范非盈利组织登记。", "防止个人信息泄露，规范非营利组织登记。"),  # what leaks before it; 非营利 without 性
        ("把各项工作坐实坐细。", "把各项工作做实做细。"),
        ("有效扼制违法犯罪高发势头。", "有效遏制违法犯罪高发势头。"),
        # Classic pairs of 公文 (our sentences).
        ("现在向大会报告工作，请于审议。", "现在向大会报告工作，请予审议。"),
        ("深入贯彻总书记来川考查重要讲话精神。", "深入贯彻总书记来川考察重要讲话精神。"),
        ("深入实时乡村振兴战略。", "深入实施乡村振兴战略。"),
        ("全民贯彻新发展理念。", "全面贯彻新发展理念。"),
        ("广泛开战群众性文化活动。", "广泛开展群众性文化活动。"),
        ("及时起动防汛应急响应。", "及时启动防汛应急响应。"),
        ("提供优质高校的政务服务。", "提供优质高效的政务服务。"),
        ("全镇上下再镇党委的坚强领导下团结奋进。", "全镇上下在镇党委的坚强领导下团结奋进。"),
        ("面对复杂严峻的发展形式、繁重的改革任务。", "面对复杂严峻的发展形势、繁重的改革任务。"),
        ("污水处理厂项目以完成主体工程，", "污水处理厂项目已完成主体工程，"),
        ("开展违建专项政治行动。", "开展违建专项整治行动。"),
        ("推进诚实更新，提升城市品质。", "推进城市更新，提升城市品质。"),
        ("截止2023年底，已完成改造。", "截至2023年底，已完成改造。"),
        ("必需把纪律挺在前面。", "必须把纪律挺在前面。"),
        ("健全权利运行制约和监督体系。", "健全权力运行制约和监督体系。"),
        ("如实反应基层困难。", "如实反映基层困难。"),
        ("群众可登陆政务服务网办理。", "群众可登录政务服务网办理。"),
        ("招聘工作人员启示", "招聘工作人员启事"),
        ("推动全面从严治党向纵身发展", "推动全面从严治党向纵深发展"),
        ("即要抓发展，又要抓安全。", "既要抓发展，又要抓安全。"),
        ("党委做出重大部署。", "党委作出重大部署。"),
        ("确定考查对象12名。", "确定考察对象12名。"),
        ("大胆启用年轻干部。", "大胆起用年轻干部。"),
        # Round 5: each a case that must fire; its near miss is in the list below.
        ("报名截至时间为5月10日。", "报名截止时间为5月10日。"),
        ("依法维护职工合法权力。", "依法维护职工合法权利。"),
        ("坚持把权利关进制度的笼子。", "坚持把权力关进制度的笼子。"),
        ("规范行政权利运行。", "规范行政权力运行。"),
        ("切实作好防汛备汛工作。", "切实做好防汛备汛工作。"),
        ("既使困难再多，也要按期完成。", "即使困难再多，也要按期完成。"),
        ("新办公楼既将投入使用。", "新办公楼即将投入使用。"),
        ("即然定了目标，就要抓好落实。", "既然定了目标，就要抓好落实。"),
        ("我们即要看到成绩，更要看到不足。", "我们既要看到成绩，更要看到不足。"),
        ("这项工作以经取得阶段性成效。", "这项工作已经取得阶段性成效。"),
        ("全县常住人口以达52万人。", "全县常住人口已达52万人。"),
        ("提前做好准备，已免临时被动。", "提前做好准备，以免临时被动。"),
        ("全县粮食生产在获丰收。", "全县粮食生产再获丰收。"),
        ("外贸进出口总额在创新高。", "外贸进出口总额再创新高。"),
        ("领导干部要发挥戴头作用。", "领导干部要发挥带头作用。"),
        ("深受群众爱带。", "深受群众爱戴。"),
        ("认真落实上级决策部属。", "认真落实上级决策部署。"),
        ("会上部属了下一步重点工作。", "会上部署了下一步重点工作。"),
        ("推进光扶项目和提防加固，抗稳防汛责任。", "推进光伏项目和堤防加固，扛稳防汛责任。"),
        ("即时传达会议精神，完成公式38台，健全长效机智。", "及时传达会议精神，完成公示38台，健全长效机制。"),
        ("研判意识形态领域形式，受到信息公开申请5件。", "研判意识形态领域形势，收到信息公开申请5件。"),
        ("发挥法治督查作用，疏理事项清单，加强对工作的领到和保障。", "发挥法治督察作用，梳理事项清单，加强对工作的领导和保障。"),
        ("受理举报申述件，通过窗口纪录等便捷途经收集意见。", "受理举报申诉件，通过窗口记录等便捷途径收集意见。"),
        ("把法治建设溶入到日常工作中，带队招商考查，批注地方性法规2件。", "把法治建设融入到日常工作中，带队招商考察，批准地方性法规2件。"),
        ("整合纠纷调节资源，做好防返贫检测，凸出做好就业工作。", "整合纠纷调解资源，做好防返贫监测，突出做好就业工作。"),
        ("提供了有利的组织保障，抽掉3人到创建办，铸牢廉政防线。", "提供了有力的组织保障，抽调3人到创建办，筑牢廉政防线。"),
        ("距村委会住地1公里，突破千亿大观，极具考研的一年，贡献平价第一，淡薄名利。", "距村委会驻地1公里，突破千亿大关，极具考验的一年，贡献评价第一，淡泊名利。"),
        ("园区入住企业赴外地考查，党员回社区报道。", "园区入驻企业赴外地考察，党员回社区报到。"),
        ("打赢疫情防控狙击战，开展技能雷台比武，推动党建业务互溶共进。", "打赢疫情防控阻击战，开展技能擂台比武，推动党建业务互融共进。"),
        ("配合市委巡查组开展工作。", "配合市委巡察组开展工作。"),
        ("新招录人员按时报道。", "新招录人员按时报到。"),
        ("组织骨干赴外地考查学习。", "组织骨干赴外地考察学习。"),
        ("专项整治取得明显时效。", "专项整治取得明显实效。"),
        ("着力解决凸出问题。", "着力解决突出问题。"),
        ("巩固提升农村引水安全水平。", "巩固提升农村饮水安全水平。"),
        ("大力精减审批事项。", "大力精简审批事项。"),
        ("加强宣称引导。", "加强宣传引导。"),
        ("与三家企业签定合作协议。", "与三家企业签订合作协议。"),
        ("教体局与各校签定了教学质量目标责任状，发放《家庭防火需知》，调解结案13起，调节率超过81%。", "教体局与各校签订了教学质量目标责任状，发放《家庭防火须知》，调解结案13起，调解率超过81%。"),
        ("“四好农村路”累积完成投资4.93亿元，优良天数累积125天，累积经验。", "“四好农村路”累计完成投资4.93亿元，优良天数累计125天，累积经验。"),
        ("某期货公司登录科创板，起诉非法吸取公众存款案件3件。", "某期货公司登陆科创板，起诉非法吸收公众存款案件3件。"),
        ("帮助企业回复了生产，这是有利鞭策；指标稳步回声。", "帮助企业恢复了生产，这是有力鞭策；指标稳步回升。"),
        ("对各项工作再疏理，签定安全生产和消防工作目标管理责任书。", "对各项工作再梳理，签订安全生产和消防工作目标管理责任书。"),
        ("全年累积帮扶困难群众560户，累积走访企业200家。", "全年累计帮扶困难群众560户，累计走访企业200家。"),
        ("组织开展科技公关，实施公关项目12个。", "组织开展科技攻关，实施攻关项目12个。"),
        ("公关“卡脖子”核心技术14项，确保法律使用标准的统一。", "攻关“卡脖子”核心技术14项，确保法律适用标准的统一。"),
        ("坚决维护国家海洋权宜。", "坚决维护国家海洋权益。"),
        ("传达学习会意精神。", "传达学习会议精神。"),
        ("对群众反映的问题做到即时回应。", "对群众反映的问题做到及时回应。"),
        ("加大创业担保货款贴息力度。", "加大创业担保贷款贴息力度。"),
        ("加快建设法制政府，推进法制化营商环境。", "加快建设法治政府，推进法治化营商环境。"),
        ("推进湖长治、林长治落地见效。", "推进湖长制、林长制落地见效。"),
        ("建立健全常态长效机智。", "建立健全常态长效机制。"),
        ("深入打好大气污染防止攻坚战。", "深入打好大气污染防治攻坚战。"),
        ("竖立正确的选人用人导向。", "树立正确的选人用人导向。"),
        ("拟提拔人选进行公式，公式期满无异议后任职。", "拟提拔人选进行公示，公示期满无异议后任职。"),
        ("当前形式下，安全生产形式依然严峻。", "当前形势下，安全生产形势依然严峻。"),
        ("防范山洪爆发，防止金融危机暴发。", "防范山洪暴发，防止金融危机爆发。"),
        ("这是及其重要的工作，要确实加强领导，进一部深化改革。", "这是极其重要的工作，要切实加强领导，进一步深化改革。"),
        ("请其它列席人员提出意见。", "请其他列席人员提出意见。"),
        ("发表宣传报到60余篇，央视直播报到种业做法。", "发表宣传报道60余篇，央视直播报道种业做法。"),
        ("贫困发生率下降8.62个百分比，产品已开展临床实验。", "贫困发生率下降8.62个百分点，产品已开展临床试验。"),
        # Words the input method offers under the same pinyin, each in a context that rules it out.
        ("成功创建师范县，到县民政局调研知道民政工作。", "成功创建示范县，到县民政局调研指导民政工作。"),
        ("县委书记张三出息并讲话，实到代表88人，附和法定人数。", "县委书记张三出席并讲话，实到代表88人，符合法定人数。"),
        ("认真履新宪法法律赋予的职责，在主席团的鉴证下宣誓。", "认真履行宪法法律赋予的职责，在主席团的见证下宣誓。"),
        ("要正式问题，强化红线意思，及时对付惠企资金。", "要正视问题，强化红线意识，及时兑付惠企资金。"),
        ("坚持党的前面领导，不但增进民生福祉。", "坚持党的全面领导，不断增进民生福祉。"),
        ("创五年来最好记录。将接收省厅考核评估。", "创五年来最好纪录。将接受省厅考核评估。"),
        ("会上查办了不足，在不力形势下，大会审议并批注预算。", "会上查摆了不足，在不利形势下，大会审议并批准预算。"),
        ("为工作指名了方向，检查结果出路。不在同步开展专项督察。", "为工作指明了方向，检查结果出炉。不再同步开展专项督察。"),
        ("经初步核实，全年实现地区生产总值86亿元。表彰优生单位。", "经初步核算，全年实现地区生产总值86亿元。表彰优胜单位。"),
        ("这一时期，我们即有加快发展的广阔空间，又面临着严峻挑战。", "这一时期，我们既有加快发展的广阔空间，又面临着严峻挑战。"),
        ("由视点先行向纵深推进，达成合作意象，高校统筹发展和安全。", "由试点先行向纵深推进，达成合作意向，高效统筹发展和安全。"),
        ("会议由主任李四主治。推进自愿共享，谐调市局办理指标。", "会议由主任李四主持。推进资源共享，协调市局办理指标。"),
        ("进一步认清形式、明确定位，研究当前经济形式，安排部署工作。", "进一步认清形势、明确定位，研究当前经济形势，安排部署工作。"),
        ("做好与情监测，把它作为重要把手，局长王五主办会议。", "做好舆情监测，把它作为重要抓手，局长王五主持会议。"),
        ("凝结全镇人民的智慧和力量，抒写美丽乡村新画卷。", "凝聚全镇人民的智慧和力量，书写美丽乡村新画卷。"),
        ("百名博士结队帮扶，收货满满，极不平反的一年，实现十六连峰。", "百名博士结对帮扶，收获满满，极不平凡的一年，实现十六连丰。"),
        ("将防火工作至于首位，完成即定目标，排出安全隐患，全面清除劣Ⅴ类。", "将防火工作置于首位，完成既定目标，排除安全隐患，全面消除劣Ⅴ类。"),
        ("对现奖补资金，由局长王五支持召开会议，开展前妻工作。", "兑现奖补资金，由局长王五主持召开会议，开展前期工作。"),
        ("会议只在贯彻落实上级精神，不负人民重拖，营造浓厚范围，落实学习制定。", "会议旨在贯彻落实上级精神，不负人民重托，营造浓厚氛围，落实学习制度。"),
        ("年初以来，以累计发放资金3亿元，行程工作合力。", "年初以来，已累计发放资金3亿元，形成工作合力。"),
        ("履行第一责任人指责，做到凸出工作重点，主持并至开幕词，不负殷勤重托。", "履行第一责任人职责，做到突出工作重点，主持并致开幕词，不负殷切重托。"),
        ("充分考虑国内外经济形式和政策变化。", "充分考虑国内外经济形势和政策变化。"),
        ("起用新印章，主要包涵三方面内容。", "启用新印章，主要包含三方面内容。"),
        # Words of reports one character or one sound apart, by the words they go with.
        ("资金到位有利助推了项目实施，提供坚强有利的保障。", "资金到位有力助推了项目实施，提供坚强有力的保障。"),
        ("会议期间共受到代表建议18件，认真吸取政府工作报告。", "会议期间共收到代表建议18件，认真听取政府工作报告。"),
        ("抓好指标的检测和调度，代表团认真审理政府工作报告。", "抓好指标的监测和调度，代表团认真审议政府工作报告。"),
        ("搭配了县人社局与企业之间的沟通桥梁，加大项目谋划争跑程度。", "搭建了县人社局与企业之间的沟通桥梁，加大项目谋划争跑力度。"),
        ("齐聚一堂，共赏发展，各项指标符合预计。", "齐聚一堂，共商发展，各项指标符合预期。"),
        ("代表们围绕报告展现热烈讨论，为与会人员明显了工作方向。", "代表们围绕报告展开热烈讨论，为与会人员明确了工作方向。"),
        ("挖掘独特内含，压实主题责任，推进主题工程。", "挖掘独特内涵，压实主体责任，推进主体工程。"),
        ("强化东西部劳务写作，保持稳中向好的发展事态。", "强化东西部劳务协作，保持稳中向好的发展态势。"),
        ("准确把关青年工作规律，代表们相机领取代表证。", "准确把握青年工作规律，代表们相继领取代表证。"),
        ("破解效率地下难题，拉进了群众与档案的距离。", "破解效率低下难题，拉近了群众与档案的距离。"),
        ("始终高度注视档案工作，向他们至以新春的问候。", "始终高度重视档案工作，向他们致以新春的问候。"),
        ("安排部属全年任务，对工作进行调研知道。", "安排部署全年任务，对工作进行调研指导。"),
        ("传达市总工会四界八次全委会议精神。", "传达市总工会四届八次全委会议精神。"),
        ("导致这些古民居的不到应有的维护。", "导致这些古民居得不到应有的维护。"),
        ("各部门作了详细回报，审查了《2019年财政结算（草案）的报告》。", "各部门作了详细汇报，审查了《2019年财政决算（草案）的报告》。"),
        ("发放普惠小微企业货款7582.7万元，货款余额增长8%。", "发放普惠小微企业贷款7582.7万元，贷款余额增长8%。"),
        ("2024年是实现“十四五”计划目标任务的关键一年。", "2024年是实现“十四五”规划目标任务的关键一年。"),
        # 逾 "more than" before a quantity; 愈 "the more" (愈加) and "healed" (痊愈) stay.
        ("总投资愈300亿元，吸引愈万人参加。", "总投资逾300亿元，吸引逾万人参加。"),
        ("提出复议、诉讼和申述的情况，上线人数突破千人大观。", "提出复议、诉讼和申诉的情况，上线人数突破千人大关。"),
        ("就经济形式运行情况作汇报，查处损坏国家和公民利益的行为。", "就经济形势运行情况作汇报，查处损害国家和公民利益的行为。"),
        ("茶马古道途径我镇黄泥等四个村。", "茶马古道途经我镇黄泥等四个村。"),
        ("每年开展1次专项检察，开展检察考评工作。", "每年开展1次专项检查，开展检查考评工作。"),
        # The set patterns 应X尽X and 能X则X with 尽 or 则 typed by sound.
        ("落实“能免则免、能缓责缓”政策，主动公开内容应公开禁公开。", "落实“能免则免、能缓则缓”政策，主动公开内容应公开尽公开。"),
        # 没 for its look-alike 设 after a verb it makes no word with; 付 for 副 in a title after
        # an organ; 其间 after a time; 复合 before a requirement; 前例 after 位居.
        ("加快项目开工建没，新增没停车位。", "加快项目开工建设，新增设停车位。"),
        ("县人大常委会付主任带队调研，春节其间客流量大增。", "县人大常委会副主任带队调研，春节期间客流量大增。"),
        ("出席代表复合法定人数，经济总量位居全省前例。", "出席代表符合法定人数，经济总量位居全省前列。"),
        ("取得新近展，开展专题辅道，召开总结既部署会，建成楼宇3憧。", "取得新进展，开展专题辅导，召开总结暨部署会，建成楼宇3幢。"),
        # 即 heading one of two parallel clauses the same verb opens; 渡过 a period of time; 公式
        # after 依法; 收益 as the verb after a count of people.
        ("加大民生力度，即解决“有没有”的问题，更解决“好不好”的问题。", "加大民生力度，既解决“有没有”的问题，更解决“好不好”的问题。"),
        ("财政收支平衡，即无外债，又无内债；以更全面反应就业状况。", "财政收支平衡，既无外债，又无内债；以更全面反映就业状况。"),
        ("新结队国际友好城市4对，钉紧总投资38.8亿元的17个项目。", "新结对国际友好城市4对，盯紧总投资38.8亿元的17个项目。"),
        ("完善终生学习体系，把握政策界线，竖立正确政绩观，暴发新实力，促进国有资产保值增殖。", "完善终身学习体系，把握政策界限，树立正确政绩观，爆发新实力，促进国有资产保值增值。"),
        ("健全应急物质保障体系，广泛听取群众的异见，智力于抓改革。", "健全应急物资保障体系，广泛听取群众的意见，致力于抓改革。"),
        ("平安渡过森林防火、防汛抗旱敏感时期，依法公式、联合惩戒，6600多万纳税人收益。", "平安度过森林防火、防汛抗旱敏感时期，依法公示、联合惩戒，6600多万纳税人受益。"),
        # An adverb cannot end a clause (一直); a process after 的; a shock to society; a target set
        # beforehand; strong measures; fair law enforcement; disputes, not the writer; laws are 制定;
        # 乱检查; 反映 the laws of production.
        ("全国各族人民团结一直，加快现代化建设的进城，没有引起社会振动。", "全国各族人民团结一致，加快现代化建设的进程，没有引起社会震动。"),
        ("向着预订的目标前进，采取有利措施，促进执法公证。", "向着预定的目标前进，采取有力措施，促进执法公正。"),
        ("推进茅盾调解，制订民营经济促进条例，整治乱收费、乱检察，反应现代社会化生产规律。", "推进矛盾调解，制定民营经济促进条例，整治乱收费、乱检查，反映现代社会化生产规律。"),
        ("只顾权力不顾义务，打破部门、地区和所有制的界线。", "只顾权利不顾义务，打破部门、地区和所有制的界限。"),
        ("落实省经济工作会议部署，召开县经济工作会议。", "落实省委经济工作会议部署，召开县委经济工作会议。"),  # a party committee's meeting
        ("设置过度期，实现平稳过度，防止过渡开发。", "设置过渡期，实现平稳过渡，防止过度开发。"),
        ("科技发展的形式逼人，综观世纪之交的形式，我们面临机遇。", "科技发展的形势逼人，综观世纪之交的形势，我们面临机遇。"),
        ("政府不给补贴，银行不给货款，并且拔出专项资金用于调整。", "政府不给补贴，银行不给贷款，并且拨出专项资金用于调整。"),
        ("这就反应了政府过去对于物资储备的重视，充分反应出群众的期盼。", "这就反映了政府过去对于物资储备的重视，充分反映出群众的期盼。"),
        ("由县人力资源与社会保障局牵头，省住房与城乡建设厅指导。", "由县人力资源和社会保障局牵头，省住房和城乡建设厅指导。"),
        # Money kept back, a wrong road, a step-by-step process, vigour renewed, an aim, a package
        # of policies, things left to drift, a flood area put into use.
        ("挪用、截流国家收入，走上斜路，渐近式改革，城乡换发新气象。", "挪用、截留国家收入，走上邪路，渐进式改革，城乡焕发新气象。"),
        ("宏观调控，指在保持经济平稳，出台一篮子政策，不能放任自留，及时起用蓄滞洪区。", "宏观调控，旨在保持经济平稳，出台一揽子政策，不能放任自流，及时启用蓄滞洪区。"),
        ("社会治安形式进一步好转，城市品味不高，提高质量和效应。", "社会治安形势进一步好转，城市品位不高，提高质量和效益。"),
        ("清新认识到差距，壁画发展蓝图，压减财政赤子，这是不容质疑的，共商国事。", "清醒认识到差距，擘画发展蓝图，压减财政赤字，这是不容置疑的，共商国是。"),
        ("疫情爆发以来，山洪爆发，推进体质改革。", "疫情暴发以来，山洪暴发，推进体制改革。"),
        ("发布招聘启示，大桥合拢通车，分辩是非。", "发布招聘启事，大桥合龙通车，分辨是非。"),
        ("对3起案件立案侦察，完善终生学习体系，不能遗误时机。", "对3起案件立案侦查，完善终身学习体系，不能贻误时机。"),
        ("建设人民满意的服务性政府，建设学习性社会。", "建设人民满意的服务型政府，建设学习型社会。"),  # a type: 型
        ("扎实推进乡村复兴。", "扎实推进乡村振兴。"),
        ("自觉接受人大民主监督、工作监督，自觉接受政协的法律监督。", "自觉接受人大法律监督、工作监督，自觉接受政协的民主监督。"),  # whose supervision
        ("认真办理人大委员建议和政协代表提案。", "认真办理人大代表建议和政协委员提案。"),  # 人大代表, 政协委员
        ("请予审议，并请县政协委员和列席会议的同志审议。", "请予审议，并请县政协委员和列席会议的同志提出意见。"),
        # A cause, a right, a dispute settled; a situation graver than ever.
        ("支持人民的正义失业，保障群体发展权力和机会，积极调节国际争端，今年是发展形式空前严峻的一年。", "支持人民的正义事业，保障群体发展权利和机会，积极调解国际争端，今年是发展形势空前严峻的一年。"),
        # Effects obtained, titles awarded, the point where two meet, loans added.
        ("面对复杂多变的经济形式，调解工作取得了良好的社会效果。", "面对复杂多变的经济形势，调解工作取得了良好的社会效果。"),
        ("获评省级文明单位等称呼，找准党建与业务的接合点，新增工业货款8000万元。", "获评省级文明单位等称号，找准党建与业务的结合点，新增工业贷款8000万元。"),
        ("让劳动者收到尊重，保障人民的各项权力，惩戒不良行为纪录者。", "让劳动者受到尊重，保障人民的各项权利，惩戒不良行为记录者。"),
        ("全部安装脱硫实施，五年计划其间建成，亲临青海考查，具有里程碑异议，使用国外货款。", "全部安装脱硫设施，五年计划期间建成，亲临青海考察，具有里程碑意义，使用国外贷款。"),
        ("中央政治局常务会议研究部署抗震救灾。", "中央政治局常委会会议研究部署抗震救灾。"),
        ("监督不严，以至问题尚未解决；整改中央生态环保督查问题，发展盈利性服务业。", "监督不严，以致问题尚未解决；整改中央生态环保督察问题，发展营利性服务业。"),
        ("加强调节仲裁，保证必须物资供应，让农民获得更多受益，提请全国政协常委会审议法律议案。", "加强调解仲裁，保证必需物资供应，让农民获得更多收益，提请全国人大常委会审议法律议案。"),
        ("当前正处于全面建成小康社会的决战阶段。", "当前正处于全面建成小康社会的决胜阶段。"),
        # 请予 before what is asked; cases of a disease; the State Council's 督查激励.
        ("以上报告，请与审议。完成临床病历入组，获得督察激励。", "以上报告，请予审议。完成临床病例入组，获得督查激励。"),
        ("全县有职业医师120人，办理律师职业证书30件。", "全县有执业医师120人，办理律师执业证书30件。"),  # practising by licence
        ("对两部法律的贯彻实施情况进行了检察。", "对两部法律的贯彻实施情况进行了检查。"),
        # The committee a party committee sets up is named by its level.
        ("召开区委全面依法治理委员会第七次会议。", "召开区委全面依法治区委员会第七次会议。"),
        ("据区财政部门决算草案反应，收入增长；推进生态创建及复合评估。", "据区财政部门决算草案反映，收入增长；推进生态创建及复核评估。"),
        ("县委全面依法治县办公室专职副主任1名。", "县委全面依法治县委员会办公室专职副主任1名。"),
        ("基建项目等钢性支出增加，添补了全市在此项评比中的历史空白。", "基建项目等刚性支出增加，填补了全市在此项评比中的历史空白。"),
        ("审议了商务区规划涉及方案，对商户经营场所内外环境进行全面巡察。", "审议了商务区规划设计方案，对商户经营场所内外环境进行全面巡查。"),
        ("坚持加强和改进党对妇女工作的领导。", "坚持加强和改善党对妇女工作的领导。"),
        # Land's 三权分置; the goal a 小康 society was; a 政协 standing committee's full name; the
        # order of 早发现、早诊断、早治疗.
        ("推进农村承包地“三权分离”改革。", "推进农村承包地“三权分置”改革。"),
        # Doubling is 翻一番; the party's 群众路线; the new development philosophy's five.
        ("市场主体较上年翻了一翻，践行党的群众线路，树立“创新、协调、绿色、共享”的发展理念。", "市场主体较上年翻了一番，践行党的群众路线，树立“创新、协调、绿色、开放、共享”的发展理念。"),
        # Crops' 长势, the law's 社区矫正, a medical term, 焕发 a few words before what shows.
        ("植株健壮、涨势喜人，开展社区校正工作，克服“节后综合症”，不断换发工会组织的生机活力。", "植株健壮、长势喜人，开展社区矫正工作，克服“节后综合征”，不断焕发工会组织的生机活力。"),
        ("2020年是实现第二个百年奋斗目标，全面建成小康社会的收官之年。", "2020年是实现第一个百年奋斗目标，全面建成小康社会的收官之年。"),
        ("审议《政协竹山县第七届常务委员会工作报告》，做到早发现、早治疗、早诊断。", "审议《政协竹山县第七届委员会常务委员会工作报告》，做到早发现、早诊断、早治疗。"),
        # 形势 and 形式 each where the other belongs; 试验区; 批评指正; the rights one exercises; 依法治县;
        # a cadre is 考察ed; 勘察设计; problems are 发现ed; 作出 a decision named in 书名号; 国家副主席; 全国总工会.
        ("是服务职工的一种重要形势，在新形式下奋发图强，列为农村改革综合实验区，敬请批评指证。", "是服务职工的一种重要形式，在新形势下奋发图强，列为农村改革综合试验区，敬请批评指正。"),
        ("行使民主管理权力，推进依法制县，对干部进行全面考查，坚持勘查设计先行，发觉问题及时整改。", "行使民主管理权利，推进依法治县，对干部进行全面考察，坚持勘察设计先行，发现问题及时整改。"),
        ("依法做出了《关于批准预算的决议》，原国务院副主席出席，被全国工会授予称号，提升办学品味。", "依法作出了《关于批准预算的决议》，原国家副主席出席，被全国总工会授予称号，提升办学品位。"),
        # 堵点 among 断点 and 难点, or after 打通; 不辍 "without stopping"; 反映 what a state of things is.
        ("全力打通工作赌点、衔接服务断点，一个个躬耕不缀的园丁，准确地反应全县经济运行态势。", "全力打通工作堵点、衔接服务断点，一个个躬耕不辍的园丁，准确地反映全县经济运行态势。"),
        # A record broken is a 纪录; the crimes' names write 妨害.
        ("刷新全省旱地玉米高产记录，严厉打击妨碍疫情防控违法犯罪。", "刷新全省旱地玉米高产纪录，严厉打击妨害疫情防控违法犯罪。"),
        # A festival named by its date in quotes; 总书记 in the Party's reports; the report as a document.
        ("纪念三八国际妇女节，习近平主席在党的二十大报告中指出，完成政府工作报告确定的任务。", "纪念“三八”国际妇女节，习近平总书记在党的二十大报告中指出，完成《政府工作报告》确定的任务。"),
        # 以……的形式; 即 before a colon; a dam's 截流; 阻击 an epidemic; 载入 history.
        ("以民主选举的形势，组织选举了书记，格局既：立足全域旅游，实现大坝截留围堰。", "以民主选举的形式，组织选举了书记，格局即：立足全域旅游，实现大坝截流围堰。"),
        ("坚决有力狙击了疫情输入，必将再入全县人民的奋斗史。", "坚决有力阻击了疫情输入，必将载入全县人民的奋斗史。"),
        # 效益 raised; 各界 of society; an industrial park's 园.
        ("有效提高农民种养经济效应，团结各族各届人士，创建省级茶叶现代农业产业圆。", "有效提高农民种养经济效益，团结各族各界人士，创建省级茶叶现代农业产业园。"),
        # 即 before a verb done and 也 after it (既……也); drawing strength is 汲取; 永葆 one's colour.
        ("报告即列出了成绩，也没有回避问题，从中及取了力量，永保党员政治本色。", "报告既列出了成绩，也没有回避问题，从中汲取了力量，永葆党员政治本色。"),
        # A record set; agreement gathered; land's 流转; a room for settling disputes; a laurel won; a centre.
        ("粮食生产再创两项全国记录，凝聚发展共事，流传土地1.5万亩。", "粮食生产再创两项全国纪录，凝聚发展共识，流转土地1.5万亩。"),
        ("设立社区调节室，首次摘得此项挂冠，新建配送中新9家。", "设立社区调解室，首次摘得此项桂冠，新建配送中心9家。"),
        # 途径 as a noun, 飞跃 of a change of quality, 内涵 as content, 复核 checked again, a receiving
        # set, a narrow space.
        ("最有效的途经。实现质的飞越，注入新的内含。", "最有效的途径。实现质的飞跃，注入新的内涵。"),
        ("逐笔逐项复合，整治地面接受设施，空间狭隘。", "逐笔逐项复核，整治地面接收设施，空间狭窄。"),
        # A census named as the State Council names it; a province's office; a document number's year.
        ("按照全国第三次文物普查方案，省政府办公室印发（威政办发[2012]35号）。", "按照第三次全国文物普查方案，省政府办公厅印发（威政办发〔2012〕35号）。"),
        # A group's visit; 只是 ending a clause; the level a school's culture is raised to; work started.
        ("理事长一行来宜考查残疾人工作，普及消防安全只是。", "理事长一行来宜考察残疾人工作，普及消防安全知识。"),
        ("提高了校园文化建设的品味，正常起动文化站惠民功能。", "提高了校园文化建设的品位，正常启动文化站惠民功能。"),
        ("公务用车实行单车合算制，加强成本合算。", "公务用车实行单车核算制，加强成本核算。"),
        ("县人民检察院检查长出席会议。", "县人民检察院检察长出席会议。"),  # the chief, not 长效
        # The third batch: 排除 resistance, forbidding is 严禁, a notary's work is 公证.
        ("为改革发展排出阻力，严谨公车私用，办理公正总数3万件。", "为改革发展排除阻力，严禁公车私用，办理公证总数3万件。"),
        ("坚持把发展作为履职的第一任务。", "坚持把发展作为履职的第一要务。"),
    ],
)
def test_confusable_in_its_wrong_context(wrong: str, right: str) -> None:
    assert fixed(wrong, find_confusables(wrong)) == right


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("政协某某县第八届常务委员会。", "“常务委员会”前面少了“委员会”："),  # a part left out
        ("做到早发现、早治疗、早诊断。", "“早发现、早治疗、早诊断”的次序不对："),  # the items in another order
        ("截止目前，全县已完成。", "“截止”用错了："),  # a word in the wrong place
        ("纪念五四青年节。", "“五四”没有加引号："),
        ("完成政府工作报告确定的任务。", "“政府工作报告”没有加书名号："),
    ],
)
def test_a_confusable_finding_says_what_kind_of_slip_it_is(text: str, heading: str) -> None:
    [hit] = find_confusables(text)
    assert hit.message.startswith(heading)


@pytest.mark.parametrize(
    "clean",
    [
        "报名截止日期为6月30日，6月30日截止；资格审查截止到7月10日。",
        "庆祝“五一”国际劳动节，习近平主席在会见外宾时指出，市政府工作报告确定的任务，按照《政府工作报告》提出的要求。",
        "刷新了工作台账，及时记录，做好会议记录；不得妨碍疫情防控工作。",
        "当前形势严峻，组织形式多样，监督权力运行，依法制定办法，开展矿产勘查，加强对学生的考查，没有发觉问题。",
        "平潭综合实验区人民检察院，与实验区人大工委会签备忘录。",  # a name
        "依法查处赌点5个，点缀不缀。",
        "保障生活必需品供应，这些经费是必需的。",
        "依法保障群众合法权利，行使权力要受监督。",
        "群众反应强烈的问题要优先解决，应急处置要反应迅速。",
        "舰艇登陆演练圆满完成。",
        "这次活动给我们很多启示。",
        "党的纪律检查机关同监察机关合署办公。",
        "车间做出样品三件，期末考查合格，启用新印章和人才公寓。",
        # Published reports write 做出 before 贡献 and 努力 one time in five: not flagged.
        "为全县经济社会发展做出了积极贡献，做出了不懈努力。",
        # Round 5 near misses, one for each rule above.
        "申报截至6月30日，逾期不再受理。",
        "监督权力运行，保障公民权利，行使权力要依法。",
        "依法维护公民权利和合法权益，权利和义务相统一。",
        "工作好不好，群众说了算；合作好、运作好各类平台。",
        "即使困难再多，既要抓发展又要保安全，既将任务分解又将责任压实。",
        "既然定了目标，即要求各单位按期完成。",
        "坚持以经济建设为中心，以经验交流促进工作。",
        "用以达到目的，可以达到100万人，人口已达52万人。",
        "以便于查阅，已免除相关费用。",
        "在创新高地建设中，在获得感提升上下功夫，在上级指导下。",
        "这只是权宜之计，心领神会意味深长；即时通信、即时结算；按时支付货款，清理拖欠企业货款。",
        "立即有效处置，又及时上报；随即有关部门到场，也进行了处置。",  # 立即, 随即 are words of their own
        "发挥带头作用，戴好安全帽，带头执行。",
        "干部群众爱戴，带好队伍。",
        "领导和部属要团结协作，认真落实决策部署。",
        "媒体报道了这一做法，新生按时报到。",
        "期末考查合格，组织考察学习。",
        "提高诉讼时效的认识，取得明显实效，增强时效性。",
        "突出问题，凸出的岩石。",
        "南水北调引水工程，农村饮水安全。",
        "精减机构编制，精简审批事项。",
        "他宣称已完成任务，加强宣传引导。",
        "签订合作协议。",
        # Near misses of the 法治, 河长制, 机制, 防治, 树立, 公示 and 形势 rules.
        "健全社会主义法制，加强法制建设；实现长治久安，河长治理河道。",
        "他处事机智；防止发生安全事故，在路口竖立标牌，用数学公式计算。",
        "创新宣传形式，采取多种形式，发展多种经济形式和灵活就业形式。",
        "警惕暴发户心态，激发创新潜能的爆发力。",
        "保护野生动物及其重要栖息地，这一措施确实可行，问题确实解决了，引进一部影片。",
        "清理废旧设备和其它杂物。",  # 其它 of things is a word of its own
        # The other word of each pair where it is right.
        "实时监测水质，开展全民健身，向贫困开战，车辆起动平稳，知名高校的毕业生。",
        "再次在县委的领导下召开会议，努力再创佳绩，在市委领导下再上新台阶。",
        "丰富组织形式、活动内容，考查学生的学业。",
        "以完成全年目标任务为重点，加强管理以完成任务；讲政治，加强政治建设；诚实守信。",
        # The same words in their own sense: 入住率 of a home, 拎包入住, 核算结果, 回复群众, 智能化.
        "提升养老机构入住率，打造企业“拎包入住”新体验，发布GEP核算结果。",
        "及时回复群众来信，推进政务服务智能化，工作不力的要问责。",
        # 即 as 就是 or 立刻; 身体力行; a gas leak.
        "立行立改、即知即改，领导干部身体力行，及时处置燃气泄漏，即要求各单位立即整改。",
        "证据坐实了违纪事实。",  # 坐实: to confirm
        # 报到 of new staff, a share in per cent, a clinical laboratory.
        "新生按时报到，新兵报到3天后开训，优良率的百分比逐年提高，建成临床实验室。",
        # The other word of each input-method pair where it is right.
        "创建师范学院附属学校，他很有出息，不要随声附和，新任县长履新，正式印发方案。",
        "表达了这个意思，对付困难有办法，前面的工作，不但要做而且要做好，记录在案。",
        "接收物资，查办案件，工作不力，作批注，指名道姓，找出路，人不在岗，核实情况。",
        "企业与高校协同创新，高新区和高校联动发展，主治医师，自愿参加，声音谐调。",
        "与情况相符，门的把手，主办单位，水汽凝结，抒写情怀，过上更好的生活。",
        "对现有资金统筹使用，至于其他问题，立即定期检查，排出废水，清除垃圾，支持召开的会议。",
        "只在周末开放，扩大覆盖范围，研究制定方案，学习制定办法。",
        "群众的指责，山石凸出，此至彼，殷勤接待，多种经济形式并存。",
        "敬请包涵，起用一批优秀干部。",
        # The same words in their own senses.
        "创造有利条件，有利于发展，做到“依法公开，真实公正，注重实效，有利监督”。",
        "受到表彰，受到群众好评，吸取教训，吸取经验，开展核酸检测，做好质量检测。",
        "依法审理案件，营养搭配合理，程度较轻，加大投入，共赏美景，预计全年增长，达到预计目标。",
        "展现风采，成效明显，明显提升，文化内涵丰富，内含三个方面，开展主题教育，建设主题公园。",
        "开展写作培训，防止事态扩大，严格把关，相机行事，地下管网，拉进仓库，注视着前方，至今已有。",
        "教育部属高校，调研后知道了情况，提高投资回报，回报社会，做好财政结算工作。",
        "河长办巡查河道，驻鲁部属高校开展合作。",
        "安置群众入住新居，认真考查学生学业。",
        "发展即时零售和即时配送，运用数学公式，刷新全国纪录，群众安全意识淡薄，逆周期调节，检验检测中心，常住地登记户口。",
        "社会各界人士，科技界一次盛会，文艺界人大代表。",
        "收入的不到一半，占比的不到10%，工作的不到位之处。",  # 不到 before a figure, 不到位

        # Money for goods (paid, owed); the tenth five-year plan was still a 计划.
        "及时支付中小企业货款，清理拖欠企业货款，“十五”计划时期，编制“十四五”规划和年度计划。",
        "病人痊愈100人，矛盾愈加突出，总投资逾300亿元。",
        "开展申述答辩，蔚为大观，采取多种形式，损坏公共设施的予以赔偿，拓宽增收途径，途径县域经济。",
        "县人民检察院开展公益诉讼检察，专项检察监督取得实效，全面检察履职。",  # the procuratorate's own work
        "应收尽收、应保尽保，能进能出，能免则免。",
        "房子建没建好，建没多久就完工；付主任同志，其间，史无前例；答复合法性审核，功能复合利用；新近展出，辅道建设，既要又要。",
        # 惟有 and 唯有 are both written (the table of variants lists only 唯一/惟一).
        "征途漫漫，惟有奋斗。",
        # 得其所 only after a verb: 公司的其所属单位.
        "资金用得其所，公司的其所属单位。",
        # 即 "namely" or 即将; 渡过 a difficulty; 收益 as a noun; a formula.
        "实行“两步走”，即到2020年基本实现，到2035年全面实现。即将开工，也将投产。",
        "实行总承包，即总承包商除承担设计任务外，还要承担运营。",  # 即 "namely", 还 not 又
        "游客成群结队，志愿者结队巡逻，青年结队而行。",
        "奋斗终生，行政区域界线，竖立旗杆，暴发山洪，细胞增殖，物质生活，精神和物质。",
        "帮助企业渡过难关，增加农民收益，人均收益增长8%，运用数学公式。",
        # 一直 before its verb; 进城 务工; a machine's 振动; 预订 tickets; 有利于; a notary's 公证; 茅盾 the
        # writer; 制订 a plan; the procuratorate's 检察.
        "我们一直坚持，农民工进城务工，设备振动超标，预订机票，创造有利条件，有利于发展，办理公证，纪念茅盾，制订工作计划，检察机关。",
        "规范权力运行，打破行政区域界线，压实权力和责任。",
        "落实中央、省、市经济工作会议精神，召开全省经济工作会议、市委经济工作会议。",
        "防止过度包装，做好过渡期安排，过渡到新体制。",
        "社会主义改造所采取的各种复杂的形式，是工人阶级同资产阶级斗争的形式。",
        "银行向企业支付货款，拔出萝卜带出泥。",
        "推动文化与旅游深度融合，县文化广电和旅游局、发展与改革的关系。",  # no department's name
        # 截流 of a river, 渐近线, 换发 a licence, 是指在, 一篮子货币, 自留地, 起用 a cadre, a form's
        # 变化, 品味 as tasting, 示范效应, 清新 air, a mural, 海外赤子, 质疑 raised, 国事 visits,
        # a war breaking out, a body's 体质.
        "实现大江截流，求出渐近线，换发营业执照，本办法所称应急是指在突发事件中，纳入一篮子货币，保留自留地，大胆起用年轻干部。",
        "组织形式的变化，品味历史文化，发挥示范效应，空气清新，敦煌壁画艺术，海外赤子，代表提出质疑，国事访问，爆发战争，增强学生体质。",
        # Hard times got through, a lesson drawn, arms folded, a plea made, a military scout, a life's work.
        "帮助企业度过疫情难关，从中得到启示，双手合拢，不容分辩，战场侦察，奋斗终生。",  # 度过难关 is written too
        "发展服务性行业，提高工作的创新性、学习的主动性。",  # a quality: 性
        "全国政协代表团访问法国，邀请政协代表性人士座谈，市人大常委会委员视察。",
        "请各位代表审议，并请政协委员提出意见。提请政协常委会会议审议通过。",
        # Jobs lost; power to develop; supply adjusted; a form richer than ever.
        "减少下岗失业，下放发展权力，调节市场供求，形式空前丰富。",
        "工作一再拖延，以至于影响了工程进度。",  # 以至于 leads to a result too (现汉 以至 ②); 以致于 is no word
        "受到了群众好评，受到疫情影响，支付货款2000万元，管道接合点和焊接接合点，对老同志的称呼。",
        "收到群众来信，人民赋予的权力，打破世界纪录，认真实施方案，其间经历了困难，对结果有异议，国务院常务会议，到学校考查学生。",
        "以至今后若干年内，开展国务院大督查，调节收入分配，必须加强，群众受益，全国政协常委会会议协商。",
        # 就坐 is the dictionary's other form of 就座 (在主席台前排就坐: published 政协 reports).
        "请与我们联系，领导在主席台前排就坐，规范病历书写，打赢脱贫攻坚的决战阶段。",
        "加强律师职业道德建设，拓宽大学生职业发展通道。",
        "抓好巡视巡察整改，开展巡察工作，涉及方案调整的事项及时报告。",  # the party's 巡察; 涉及 "concerning"
        # Powers parted in other states; a 政协 standing committee named short; 早干预 another series.
        "西方的立法、司法、行政三权分离，区政协第七届常委会第三次会议，实现早发现、早干预、早治疗。",
        "猪肉价格涨势强劲，换发营业执照激发了市场活力。",  # prices rise; licences renewed
        "把资料翻了一翻，公交群众线路调整，坚持创新、协调、绿色、开放、共享的新发展理念。",
        # 形势 judged (从当前的形势看); funds 截留; 各届人大; an effect that spreads (示范效应); 圆满, 团圆.
        "从当前的形势看，严禁截留资金，各届人大代表出席，产生了良好的示范效应，圆满完成，阖家团圆。",
        # 即 "at once" before a verb, no 也 after; 以及取得, 涉及取水; keeping safe (永保平安) is no colour kept.
        "会后即召开了专题会议。以及取得的成绩，涉及取水许可，永保平安。",
        # Working together; a room's temperature set; leaving office; China and Singapore; 其中新收.
        "我们共事多年，调节室温，挂冠而去，中新合作，其中新收案件84件，保持了无火灾发生记录。",
        # 再次 before 中级; a procuratorate's 专项检察活动; an official name with 改革创新实验区.
        "我院再次被评为全省中级法院先进单位，开展专项检察活动，推动改革创新实验区建设。",
        # A common character at a window's edge belongs to the word beside (省|农科, 从|大项目); a short
        # quotation names a thing coined on purpose (“邻距离”).
        "省农科院专家到村指导，打造“邻距离”便民超市，从大项目看投资增长较快。",
        # Short forms of the courts' names that published court reports write (最高法院, 中级法院).
        "经验做法被最高法院、省高院推介，在最高法院的有力指导下。",
        # The situation one weighs is 形势 after 工作 too; 途经 a place; 内含 with what it holds;
        # 复合型; a city's 政府办公室; 接受 of what one accepts.
        "研判当前水利工作形势，分析安全生产工作形势。途经三个乡镇，内含有害物质，培养复合型人才。",
        "通报了全镇综治维稳暨平安建设工作形势，为适应当时的宣传形势，文化馆合并。",
        "市政府办公室印发通知，接受群众监督，第七次全国人口普查。",
        # A reaction named as a thing (动物异常反应); the state's political power (fresh pages of 2017).
        "及时掌握动物异常反应情况，发放《地震前动物的异常反应特点》。政府凭借国家政治权力筹集收入。",
        "这不只是，更是。品味生活，维修汽车起动机，测量起动电流。",  # 只是 after 不; 起动 of a machine
        "持续深化执法检查长效机制建设。",  # 检查 before 长效, no 检察长 (fresh pages)
        "这样做比较合算，经济上很合算。",  # 合算: worth it
        "企业设立公关部，做好危机公关，在实践中不断累积经验。",  # public relations; 累积 gathered
        "严格依法使用资金，加强法律法规使用者培训。",  # 使用 of money; the users of laws
        "未回复已整改案件督促其尽快回复。",  # 尽快回复: a reply, as often as a restoring
        "登录政务服务网办理，及时回复群众来信，创造有利条件，疏浚河道。",
        "广泛开展检察开放日、检察长接待日活动，开展检察宣传周活动。",  # the procuratorate's open day
        "通过悬挂标语、广播等途径对此次村容整洁工作进行宣传。",  # 途径 before 对, no place passed
        "作风严谨细致，公正处理各类纠纷，坚持做公正案件，及时排出污水。",  # 严谨, 公正 and 排出 in their own senses
        "当前的第一任务是抗洪抢险，人才是第一资源。",  # no 发展 taken as the first task
    ],
)
def test_confusable_in_its_right_context(clean: str) -> None:
    assert find_confusables(clean) == []


# ---------------------------------------------------------------- 的/地/得


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("各级党组织要认真的落实主体责任。", "各级党组织要认真地落实主体责任。"),
        # 得 before a verb with its aspect particle; a verb in 得 split at 的; 得 before a quoted
        # noun or a noun phrase to the clause's end after a phrase.
        ("较好得完成了年初确定的主要目标任务。", "较好地完成了年初确定的主要目标任务。"),
        ("各项工作取的了新突破。", "各项工作取得了新突破。"),
        ("书写了一份优异得“抗疫答卷”。", "书写了一份优异的“抗疫答卷”。"),
        ("也是发展史上极为难忘得一年。", "也是发展史上极为难忘的一年。"),
        # A degree word and a word of three characters make a phrase (极|不平凡); 之年 is a head;
        # 所 + a verb + 的; 较好 + 的 + a verb with its object.
        ("过去的2022年，是极不平凡得一年。", "过去的2022年，是极不平凡的一年。"),
        ("也是新一届政府履职施政得开局之年。", "也是新一届政府履职施政的开局之年。"),
        ("充分肯定过去一年所做得工作。", "充分肯定过去一年所做的工作。"),
        ("较好的完成各项重点工作。", "较好地完成各项重点工作。"),
        # 地 after a word that is no adverbial, no verb after it, a noun head ending the clause.
        ("建立了上下贯通、左右联动地战时指挥体系。", "建立了上下贯通、左右联动的战时指挥体系。"),
        ("2023年是全面贯彻党的二十大精神地开局之年。", "2023年是全面贯彻党的二十大精神的开局之年。"),
        # Past an adverbial too, when a noun phrase follows to the end: its head may end a longer word.
        ("全县逐步建成分级分类地社会救助保障体系。", "全县逐步建成分级分类的社会救助保障体系。"),
        ("两年来有效的化解了一批信访积案。", "两年来有效地化解了一批信访积案。"),
        ("要切实的把思想统一起来。", "要切实地把思想统一起来。"),
        ("要扎扎实实的推进改革。", "要扎扎实实地推进改革。"),
        ("今年以来各项工作开展的有声有色。", "今年以来各项工作开展得有声有色。"),
        ("指导群众生产，忙的不亦乐乎，大家听的津津有味。", "指导群众生产，忙得不亦乐乎，大家听得津津有味。"),
        ("整改工作推进的还不够扎实。", "整改工作推进得还不够扎实。"),
        ("要全面的、辩证地看待问题。", "要全面地、辩证地看待问题。"),
        ("依法的及时解决群众合理诉求。", "依法地及时解决群众合理诉求。"),  # two adverbials
        ("财政资金要花的其所、用得安全。", "财政资金要花得其所、用得安全。"),  # parallel complements
        # ... in either order, of any length, with an object after the complement.
        ("确保群众搬得出、稳的住。", "确保群众搬得出、稳得住。"),
        ("让广大农民住得舒心、过的顺心。", "让广大农民住得舒心、过得顺心。"),
        ("让乡村留的住乡韵、记得住乡愁。", "让乡村留得住乡韵、记得住乡愁。"),
        # A complement of degree with 一些 after it, two side by side, or a parallel 得 after it.
        ("把工作做的更扎实一些，就一定能抓住机遇。", "把工作做得更扎实一些，就一定能抓住机遇。"),
        ("努力把政府工作做的更实更好。", "努力把政府工作做得更实更好。"),
        ("五年来，我们转的很艰辛、走得很坚定。", "五年来，我们转得很艰辛、走得很坚定。"),
        # A verb whose object is the clause after it, ending its own clause.
        ("我们也清醒的看到，发展中还存在不少困难。", "我们也清醒地看到，发展中还存在不少困难。"),
        ("回顾过去五年，我们欣喜的看到：发展思路更加清晰。", "回顾过去五年，我们欣喜地看到：发展思路更加清晰。"),
        # 得 between a verb or an adjective and a noun: no complement is a noun.
        ("汇报了工作进展和存在得问题。", "汇报了工作进展和存在的问题。"),
        ("功能齐全得水果供应链基地建成投产。", "功能齐全的水果供应链基地建成投产。"),
        # An adverbial + 的 + a verb with its object after it, opening the clause's predicate.
        ("最大限度的发挥路网在经济建设中的作用。", "最大限度地发挥路网在经济建设中的作用。"),
        ("要切实有效的提高广大党员的法治意识。", "要切实有效地提高广大党员的法治意识。"),
        ("让发展成果实实在在的惠及人民群众。", "让发展成果实实在在地惠及人民群众。"),
        ("县政府将一如既往的支持民营经济发展。", "县政府将一如既往地支持民营经济发展。"),
        ("将创新势能源源不断的转化为产业动能。", "将创新势能源源不断地转化为产业动能。"),  # an idiom written before 地
        ("完善城区管网，最大限度的实现雨污分流。", "完善城区管网，最大限度地实现雨污分流。"),  # an object cut up
        # A verb in 得 before a pronoun or a word opening its object (值得大家学习, 赢得更多信任).
        ("涌现出一批值的大家学习的先进典型。", "涌现出一批值得大家学习的先进典型。"),
        ("为政府赢的更多信任和支持。", "为政府赢得更多信任和支持。"),
        ("要审慎的评估风险，因地制宜的推进乡村建设。", "要审慎地评估风险，因地制宜地推进乡村建设。"),
        ("今年的整改工作做的扎实有效。", "今年的整改工作做得扎实有效。"),  # two complements side by side
        # A verb jieba keeps whole with its object (推进改革, 履行职责) ends the clause as a verb.
        ("我们深入的推进改革，切实的履行职责。", "我们深入地推进改革，切实地履行职责。"),
        # 地 before a noun: an attribute takes 的.
        ("建立有效地机制，形成良好地氛围。", "建立有效的机制，形成良好的氛围。"),
        # An adjective jieba tags so before a noun it tags so, never written after 地 (掌声, 饲草料).
        ("热烈地掌声不时响起，要构建完整地饲草料体系。", "热烈的掌声不时响起，要构建完整的饲草料体系。"),
        # Two adverbials before one verb: 认真 is no predicate of a clause qualifying a noun.
        ("社区工作者细致认真的做好防疫工作。", "社区工作者细致认真地做好防疫工作。"),
        # An adjective with 着 after it is a predicate, so the word before it its adverbial.
        ("几位社区工作者正紧张的忙碌着。", "几位社区工作者正紧张地忙碌着。"),
        ("小区治理等妙招的到大家一致好评，资产的到账和转移同步办理。", "小区治理等妙招得到大家一致好评，资产的到账和转移同步办理。"),
        ("大会主席团步入会场，热烈得掌声经久不息。", "大会主席团步入会场，热烈的掌声经久不息。"),
        ("各项工作均取得了较好地成绩，取得丰硕地成果。", "各项工作均取得了较好的成绩，取得丰硕的成果。"),
        # ... where official text writes 的 between the two words, counted (强大 的 动力, 最大 的
        # 民生; 宣传 a verb used as a noun).
        ("为高质量发展提供强大地动力。", "为高质量发展提供强大的动力。"),
        ("始终把就业作为最大地民生。", "始终把就业作为最大的民生。"),
        ("开展形式多样化地宣传活动。", "开展形式多样化的宣传活动。"),
        # A word jieba tags a verb that official text never writes after 地 is a noun (使命).
        ("践行守护一方平安地使命。", "践行守护一方平安的使命。"),
        # A one-character verb and a potential complement (顶得上, 招得来).
        ("关键时刻顶的上，危难时刻冲在前。", "关键时刻顶得上，危难时刻冲在前。"),
        ("确保人才引的来、留得住。", "确保人才引得来、留得住。"),
        # A verb in 得 cut by a slip (取得: official text writes it far more than 取 alone before
        # 的), and 的 opening a clause (得到).
        ("今年各项工作取的重大突破。", "今年各项工作取得重大突破。"),
        ("做好这项工作显的尤为重要。", "做好这项工作显得尤为重要。"),
        ("研究解决改革中得重大问题。", "研究解决改革中的重大问题。"),
        ("积极争取省直部门地支持。", "积极争取省直部门的支持。"),
        ("紧锣密鼓的推进项目建设。", "紧锣密鼓地推进项目建设。"),
        ("坚定不移的守好安全底线。", "坚定不移地守好安全底线。"),
        ("这项工作落实的怎么样？", "这项工作落实得怎么样？"),
        ("主要负责同志是抓落实得第一责任人。", "主要负责同志是抓落实的第一责任人。"),
        ("以更加坚定地信心、务实的作风推进改革。", "以更加坚定的信心、务实的作风推进改革。"),
        ("该模式成为全省样板，的到了上级领导的肯定。", "该模式成为全省样板，得到了上级领导的肯定。"),
        ("水利基础设施的到新改善，群众诉求的到了有效解决。", "水利基础设施得到新改善，群众诉求得到了有效解决。"),
        ("全区上下要更加紧密的团结在党中央周围，我们也清醒的认识到困难。", "全区上下要更加紧密地团结在党中央周围，我们也清醒地认识到困难。"),
        ("代表们真切的感受到了总书记的关怀。", "代表们真切地感受到了总书记的关怀。"),
        ("对大家作出地努力和付出地心血表示感谢。", "对大家作出的努力和付出的心血表示感谢。"),  # 地 right after a verb
        # 得 right before a number: a complement never begins with one.
        ("完成上级下达得2025年目标任务，总量是上年得1.4倍。", "完成上级下达的2025年目标任务，总量是上年的1.4倍。"),
        ("财政收入58.7亿元，为调整预算地98.4%。", "财政收入58.7亿元，为调整预算的98.4%。"),
        ("刚刚过去地2022年，是极为不易的一年。", "刚刚过去的2022年，是极为不易的一年。"),
        ("在这小小地十几亩土地上建起了示范园。", "在这小小的十几亩土地上建起了示范园。"),  # a count in Chinese numerals
        # A complement of degree with 越来越, or a set phrase of four that says how (无微不至).
        ("这两年发展的越来越好，群众照顾的无微不至。", "这两年发展得越来越好，群众照顾得无微不至。"),
        # A verb + 的 + a degree word and an adjective to the clause's end: a complement.
        ("今年的路走的更稳健。", "今年的路走得更稳健。"),
        # X的V了: a verb with an aspect particle is a predicate, whatever X is.
        ("全镇上下齐心协力，出色的完成了全年任务。", "全镇上下齐心协力，出色地完成了全年任务。"),
        ("全县党代会如期的召开了。", "全县党代会如期地召开了。"),
        # 地 or 得 in a verb's object, before a noun phrase to the clause's end.
        ("为全乡发展提供了坚强地组织保障。", "为全乡发展提供了坚强的组织保障。"),
        # A four-character phrase + 地 + a noun phrase with no verb to the clause's end: no
        # adverbial (our words, the class of the sixth blind set's misses).
        ("全乡迈出了开拓进取地坚实步伐。", "全乡迈出了开拓进取的坚实步伐。"),
        ("这是攻坚克难、砥砺奋进地一年。", "这是攻坚克难、砥砺奋进的一年。"),
        # ... or after attributes listed with 顿号, the last of two characters (洁净美满、祥和).
        ("让群众过一个欢乐喜庆、安宁地春节。", "让群众过一个欢乐喜庆、安宁的春节。"),
        ("在全局营造风清气正地良好氛围。", "在全局营造风清气正的良好氛围。"),
        ("为来访群众提供了舒适得接待环境。", "为来访群众提供了舒适的接待环境。"),
        # A word jieba tags a noun that official text writes before 了 (总结) is a verb there.
        ("报告客观全面的总结了一年来的工作。", "报告客观全面地总结了一年来的工作。"),
        # An adjective + 得 + a word of no class jieba names, then a noun: one noun phrase.
        ("为全镇发展筑牢坚实得自然资源根基。", "为全镇发展筑牢坚实的自然资源根基。"),
        # 值|的 before a verb: the verb 值得 split (值得肯定); 增加值的增长 has a noun.
        ("这些做法值的肯定。", "这些做法值得肯定。"),
        # Complements listed with 顿号; a clause opening with 的 + a word that begins with 得;
        # a set phrase jieba cut into loose characters before 地 and a noun.
        ("要把安全生产工作抓的更深入、更全面。", "要把安全生产工作抓得更深入、更全面。"),
        ("成绩的取得，的益于全镇干部群众的努力。", "成绩的取得，得益于全镇干部群众的努力。"),
        ("这是一次民主团结、凝心聚力地大会。", "这是一次民主团结、凝心聚力的大会。"),
        # 有|针对性 (jieba's cut) is one adverbial; 更好 before a verb and its object is one.
        ("有针对性的做好应对准备，更好的服务发展大局。", "有针对性地做好应对准备，更好地服务发展大局。"),
        ("要更加充分的发挥人大制度优势。", "要更加充分地发挥人大制度优势。"),  # a modal before 更加
        ("希望大家一如既往的支持和监督政府各项工作。", "希望大家一如既往地支持和监督政府各项工作。"),  # an idiom used as an adverbial
        ("积极主动的投身到各项具体工作实践中去。", "积极主动地投身到各项具体工作实践中去。"),  # 投身 a verb
        ("再接再厉的做好XX年的劳动保障工作。", "再接再厉地做好XX年的劳动保障工作。"),  # an object a template masks
        # 的 before the rest of a word with 得 anywhere; 地 before the object of 进行, 给予;
        # a degree word and one character before 得 and a noun.
        ("全县发展成绩的益于县政协的支持。", "全县发展成绩得益于县政协的支持。"),
        ("由于工作扎实，措施的力，处置的当、成效明显。", "由于工作扎实，措施得力，处置得当、成效明显。"),  # an adjective of 得 ending its clause
        ("对运营情况进行了全方位地考核，给予大力地支持。", "对运营情况进行了全方位的考核，给予大力的支持。"),
        ("规划具有很强得指导性和操作性。", "规划具有很强的指导性和操作性。"),
        # 地 or 得 before noun phrases joined by 和 to the clause's end: one object.
        ("增强能耗统计得紧迫感和责任感。", "增强能耗统计的紧迫感和责任感。"),
        ("为全村发展提供了坚强地组织保证。", "为全村发展提供了坚强的组织保证。"),  # 保证 heading a noun phrase
        # jieba's 地|方式 is no 地方 read across the cut; a share before 地 is an attribute.
        ("会议以举手表决地方式，选举产生了新一届班子。", "会议以举手表决的方式，选举产生了新一届班子。"),
        ("对合作企业给予50%地补助。", "对合作企业给予50%的补助。"),
        # 地 after a closing quote before a noun phrase (jieba reads 地理|念 across it).
        ("秉持“人民至上、生命至上”地理念，呈现“稳中有进”地良好态势。", "秉持“人民至上、生命至上”的理念，呈现“稳中有进”的良好态势。"),
        ("按照“一核两翼”地工作思路推进。", "按照“一核两翼”的工作思路推进。"),  # the idea in one word
        # jieba keeps a verb and its object whole and tags it a noun (总结经验): a verb still.
        ("要求干部职工认真的总结经验，及时的解决问题。", "要求干部职工认真地总结经验，及时地解决问题。"),
        # A word official text writes after 地 is a verb whatever jieba's tag (惠及).
        ("让发展成果更多更公平的惠及全体人民。", "让发展成果更多更公平地惠及全体人民。"),
        ("要积极的申请3个项目。", "要积极地申请3个项目。"),  # a count and what it counts: the object
        # 地 between two nouns; 得 before an adjective and a noun that end the clause.
        ("坚持把党地领导贯穿全过程，增强干部职工地法治意识。", "坚持把党的领导贯穿全过程，增强干部职工的法治意识。"),
        # A noun the counts write before 地 now and then (措施|地方) but before 的 fifty times as often; a
        # compound they lack, judged by its head (指标, 政府); 到 a verb's complement, no place's.
        ("狠抓各项措施地落实，通报主要经济指标地完成情况。", "狠抓各项措施的落实，通报主要经济指标的完成情况。"),
        ("让困难群众感受到党和政府地关爱。", "让困难群众感受到党和政府的关爱。"),
        # After 把 and its object (whatever jieba tags the verb), or a verb of one character, adjectives
        # to the clause's end are the complement.
        ("把会场布置的庄严隆重，把我乡建设的更加富裕文明、美丽和谐。", "把会场布置得庄严隆重，把我乡建设得更加富裕文明、美丽和谐。"),
        ("会议开的务实热烈、富有成效。", "会议开得务实热烈、富有成效。"),
        ("过去执行存案多、压的久，但现在得到逆转。", "过去执行存案多、压得久，但现在得到逆转。"),  # one adjective after a verb of one character
        # 作了, 做了 make what follows their object, as 作出 does; after 并 or 也 adjectives say how.
        ("刘市长代表市委、市政府作了很好地报告，团区委做了详细地要求。", "刘市长代表市委、市政府作了很好的报告，团区委做了详细的要求。"),
        ("让孩子们感受到温暖，并健康快乐的成长，大家也积极的参与了活动。", "让孩子们感受到温暖，并健康快乐地成长，大家也积极地参与了活动。"),
        # After a time or persons 地 says no how: what follows names a thing they qualify.
        ("今后地路程更长，代表们地投票是信任。", "今后的路程更长，代表们的投票是信任。"),
        # An adjective jieba tags a verb (可靠), in the object of a verb of giving.
        ("为全县发展提供了可靠地用水保障。", "为全县发展提供了可靠的用水保障。"),
        # ... and before two verbs that are one noun phrase, the object of a verb before the noun.
        ("实现了经济社会地协调发展，推进城乡地融合发展。", "实现了经济社会的协调发展，推进城乡的融合发展。"),
        # After a phrase of place or time; a governed noun before the verb heading the object; inside
        # a phrase 在 opens and 下/上 closes.
        ("查办国企中地贪污案件，肯定了法院一年来地工作。", "查办国企中的贪污案件，肯定了法院一年来的工作。"),
        ("充分肯定法院2020年地工作，截至6月地统计数据显示。", "充分肯定法院2020年的工作，截至6月的统计数据显示。"),
        # A noun never written before 地, its attributes between it and the verb whose object it heads.
        ("助推了县委重大决策地实施和各项工作的开展。", "助推了县委重大决策的实施和各项工作的开展。"),
        ("要强化职能作用地发挥，通过数字地对比、亮点工作的陈述。", "要强化职能作用的发挥，通过数字的对比、亮点工作的陈述。"),
        ("在县委地直接领导下，在随后召开地座谈会上。", "在县委的直接领导下，在随后召开的座谈会上。"),
        ("始终将法治建设摆在政府建设得重要位置。", "始终将法治建设摆在政府建设的重要位置。"),
        # Adverbials listed right after a modal, then a verb: the list qualifies the verb.
        ("确保信息能够及时、准确、安全的发布，必须公开、公正的处理群众诉求。", "确保信息能够及时、准确、安全地发布，必须公开、公正地处理群众诉求。"),
        # ... after 确保 or 做到 (a verb phrase is their object), after the clause's subject, or
        # opening the clause before a verb that is only a verb.
        ("确保稳妥、有序的推进改革，做到公开、透明的处理。", "确保稳妥、有序地推进改革，做到公开、透明地处理。"),
        ("全县各项工作稳步、有序的开展。", "全县各项工作稳步、有序地开展。"),
        # One adverbial after the subject of a clause 确保 takes, before a verb that ends it.
        ("确保干部积极的参与、群众广泛知晓。", "确保干部积极地参与、群众广泛知晓。"),
        ("自觉、主动的贯彻到各项工作中。", "自觉、主动地贯彻到各项工作中。"),
        # On stronger counts: a one-character adjective jieba leaves loose (新|地), a verb before
        # 得 and a noun that no complement is (工作|得|进展), any loose character on the strongest.
        ("面对新地挑战，又有新得进展。", "面对新的挑战，又有新的进展。"),
        ("及时通报各项工作得进展情况。", "及时通报各项工作的进展情况。"),
        ("自觉用党得创新理论武装头脑。", "自觉用党的创新理论武装头脑。"),
        # 境地, 台地 are words, but official text writes 环境 and 平台 before 的 and never 地.
        ("出台改善投资环境地实施方案，发挥信息平台地作用。", "出台改善投资环境的实施方案，发挥信息平台的作用。"),
        # A plain noun written before 的 and never before 地 qualifies what follows: an adjective
        # and its noun after 在 (市委地坚强领导), a noun after a subject the modals' list holds (全县).
        ("在市委地坚强领导下，全县人民地期盼变成了现实。", "在市委的坚强领导下，全县人民的期盼变成了现实。"),
        # A degree word before the first of listed adjectives qualifies them all (更加整洁、美丽);
        # 过 (日子过得) is a verb jieba does not tag so.
        ("把村子建设的更加整洁、美丽、宜居。", "把村子建设得更加整洁、美丽、宜居。"),
        ("群众日子过的越来越红火。", "群众日子过得越来越红火。"),
        # 地 before a quoted name whose last word is a noun: an attribute's 的.
        ("使科技创新成为产业升级地“助推器”。", "使科技创新成为产业升级的“助推器”。"),
        # ... or before a quotation a noun follows, with quotations listed after it.
        ("实现市委确定地“三个提升”目标，整治突出地“套路贷”“校园贷”等问题。", "实现市委确定的“三个提升”目标，整治突出的“套路贷”“校园贷”等问题。"),
        # 有计划、有步骤 as jieba cuts them (有|计划); step by step before a verb that names nothing;
        # 端的 (an old word) before a degree word and a one-character adjective; an idiom ending in a
        # character that makes a place with 地 (上地) before a noun phrase.
        ("陡坡耕地要有计划、有步骤的退耕还林还草。", "陡坡耕地要有计划、有步骤地退耕还林还草。"),
        ("不能跟在别人后面一步一步的爬行。", "不能跟在别人后面一步一步地爬行。"),
        ("共同把饭碗端的更牢。", "共同把饭碗端得更牢。"),
        ("展现出生机勃勃、蒸蒸日上地美好图景。", "展现出生机勃勃、蒸蒸日上的美好图景。"),
        # A complement of one character (擦得更亮), of a verb of feeling (玩得更安心), of 有 and a
        # noun (更有尊严); 毫不放松 an adverbial (synthetic slips in 2010–2026 reports).
        ("让“金字招牌”擦的更亮。", "让“金字招牌”擦得更亮。"),
        ("让游客玩的更安心、更舒心。", "让游客玩得更安心、更舒心。"),
        ("方向把握的牢，制度笼子扎的紧，纪律管的严。", "方向把握得牢，制度笼子扎得紧，纪律管得严。"),
        ("让人民生活的更加幸福、更有尊严。", "让人民生活得更加幸福、更有尊严。"),
        ("制度笼子扎的更紧更牢，每一步走的都很不容易。", "制度笼子扎得更紧更牢，每一步走得都很不容易。"),
        ("工作干的好不好要看实际效果，抓的实不实群众最有发言权。", "工作干得好不好要看实际效果，抓得实不实群众最有发言权。"),
        ("就是毫不放松的搞好物价调控。", "就是毫不放松地搞好物价调控。"),
        # A verb whose object is quoted ends the clause before the quotation mark.
        ("更要毫不松懈的抓好“三农”工作，深入的推进“放管服”改革。", "更要毫不松懈地抓好“三农”工作，深入地推进“放管服”改革。"),
        # Adverbials listed after a degree word, each with its own, before a verb that is only a
        # verb and its object; 卓有成效 an adverbial.
        ("更加自觉、更加主动、更加紧密的推进全方位对接。", "更加自觉、更加主动、更加紧密地推进全方位对接。"),
        ("更加兢兢业业、扎扎实实的做好各项工作，卓有成效的推进体制改革。", "更加兢兢业业、扎扎实实地做好各项工作，卓有成效地推进体制改革。"),
        # Two verbs joined by 和 share the object; 必将 a modal and 极大 an adverbial; 更|多 an item
        # of listed adverbials that jieba cut in two (synthetic slips, seed 11).
        ("最大限度的预防和减少安全事故。", "最大限度地预防和减少安全事故。"),
        ("必将极大的激发我省经济社会发展的内生动力。", "必将极大地激发我省经济社会发展的内生动力。"),
        ("让群众更多、更好的共享改革发展成果。", "让群众更多、更好地共享改革发展成果。"),
        ("必须清醒地看到和认真的解决好这些问题。", "必须清醒地看到和认真地解决好这些问题。"),  # two predicates said how
        ("要及时的检查、修正和补充原定的计划。", "要及时地检查、修正和补充原定的计划。"),  # listed verbs, one object
        ("补齐短板，有针对性的进行规划部署。", "补齐短板，有针对性地进行规划部署。"),  # a light verb's object, a plan too
        ("始终不懈的把饭碗端牢，积极的把政策落实到位。", "始终不懈地把饭碗端牢，积极地把政策落实到位。"),  # 把 opens the predicate
        ("并早早的把活动室打扫干净。", "并早早地把活动室打扫干净。"),  # a doubled character says how
        ("推动生产相互协调的向前发展，扎扎实实的向前推进。", "推动生产相互协调地向前发展，扎扎实实地向前推进。"),  # 向前 directs the verb
        ("涌现出一批办的比较好的企业，表彰做的更加扎实的单位。", "涌现出一批办得比较好的企业，表彰做得更加扎实的单位。"),  # a lone verb's complement
        # A complement listed with a clause of its own (动作快, 生活更舒心); 严而又严; 叫得响.
        ("我区抓的早、动作快，把品牌叫的更响。", "我区抓得早、动作快，把品牌叫得更响。"),
        ("让群众住的更满意、生活更舒心，食品安全必须管的严而又严。", "让群众住得更满意、生活更舒心，食品安全必须管得严而又严。"),
        ("制度笼子扎的更紧更牢、权力运行更加规范高效。", "制度笼子扎得更紧更牢、权力运行更加规范高效。"),
        # 地 written for 得 between a verb and its complement, alone or beside a parallel 得.
        ("努力把各项工作做地更好，让全县人民生活地更有品质、更加幸福。", "努力把各项工作做得更好，让全县人民生活得更有品质、更加幸福。"),
        ("让群众离地更近、贴得更实，让老百姓吃地更放心、用得更安心。", "让群众离得更近、贴得更实，让老百姓吃得更放心、用得更安心。"),
        # ... and a potential complement beside a parallel one, though the verb makes a word with 地.
        ("要让基层接地住、管得好，让人才进得来、留地下。", "要让基层接得住、管得好，让人才进得来、留得下。"),
        # The older reports' forms: a comparison (比过去扎实), 过大, a negated complement inside an
        # attribute (办得不好的企业), adverbials side by side with 地 first, 尽可能, 有重点.
        ("合资经营做的比过去扎实，人民吃的比过去好了，把投资规模搞的过大。", "合资经营做得比过去扎实，人民吃得比过去好了，把投资规模搞得过大。"),
        ("许多办的不好的企业，要积极地、主动的开辟渠道，尽可能的进行加工，有重点的给予支持。", "许多办得不好的企业，要积极地、主动地开辟渠道，尽可能地进行加工，有重点地给予支持。"),
        # Before a verb with 到 or said twice; a degree word jieba keeps whole with the adverbial;
        # 决定 taking a verb phrase; 始终不渝.
        ("我们高兴的看到伊朗和伊拉克实现了停火，我还简单的谈谈留学生的问题。", "我们高兴地看到伊朗和伊拉克实现了停火，我还简单地谈谈留学生的问题。"),
        ("就能比较顺利的实现目标，将始终不渝的坚持这一立场，决定积极的加以整顿。", "就能比较顺利地实现目标，将始终不渝地坚持这一立场，决定积极地加以整顿。"),
        ("就是尽心竭力的保障和改善民生，确保规划定了就做地到。", "就是尽心竭力地保障和改善民生，确保规划定了就做得到。"),
        # After a modal an adjective says how; 需要 taking a verb phrase; a complement with 了,
        # 尽善尽美.
        ("又应该适当的照顾私营工业，更需要有计划的引进先进技术。", "又应该适当地照顾私营工业，更需要有计划地引进先进技术。"),
        ("工作做的好了，不可能一下子就设计的尽善尽美。", "工作做得好了，不可能一下子就设计得尽善尽美。"),
        # A complement of excess or manner, to the clause's end or inside an attribute; adverbs that
        # qualify only verbs (逐渐).
        ("不要搞的这样紧张，管的过多过细过死的模式，它将逐渐的转入正常的状态。", "不要搞得这样紧张，管得过多过细过死的模式，它将逐渐地转入正常的状态。"),
        # 是 after an ordinal heads a point (三是), no copula; 大量 only qualifies a noun.
        ("三是毫不放松的抓好“三农”工作。", "三是毫不放松地抓好“三农”工作。"),
        ("感谢为改善大气质量做得大量工作的同志。", "感谢为改善大气质量做的大量工作的同志。"),
        # A subject noun, a degree word, then X的V: X is the verb's; a verb with its result (做好)
        # takes an adverbial, whatever jieba tags the word before (周密: a name too).
        ("让人民群众更加全面的了解政府工作，更加周密的做好各项准备。", "让人民群众更加全面地了解政府工作，更加周密地做好各项准备。"),
        # An adverb (jieba's tag) or a word said twice that jieba keeps whole with 的, before a verb
        # and its object.
        ("就将大大的提高我国工业的生产力，必须随时的保持充分的警惕。", "就将大大地提高我国工业的生产力，必须随时地保持充分的警惕。"),
        # An adjective jieba tags adverbial (正确); an adverb after its subject noun, or one that
        # qualifies verbs only after anything (以, 开始).
        ("要正确的处理人民内部矛盾，把竞争机制恰当的引入高等学校。", "要正确地处理人民内部矛盾，把竞争机制恰当地引入高等学校。"),
        ("以逐步的满足人民的需要，工业开始成批的转为公私合营工业。", "以逐步地满足人民的需要，工业开始成批地转为公私合营工业。"),
        ("有利于更加科学合理的编制预算。", "有利于更加科学合理地编制预算。"),  # 有利于 takes what a verb phrase brings about
        ("国家机关才能够正确的为社会主义建设事业服务。", "国家机关才能够正确地为社会主义建设事业服务。"),  # before a preposition
        # Parallel to the start of the next item, which goes on to qualify a noun.
        ("培养用得上、留的住的人才，改变统的过多、管得过死的体制。", "培养用得上、留得住的人才，改变统得过多、管得过死的体制。"),
        # A verb jieba reads alone, whatever word it makes with the one before (资金|花); a complement
        # said twice with its own 的.
        ("使财政资金花的其所、用得安全，让孩子们长得壮壮的，练的棒棒的。", "使财政资金花得其所、用得安全，让孩子们长得壮壮的，练得棒棒的。"),
        # An adjective and 一些; a complement, its 了 and 一些; two with one degree word each, or two
        # joined after one; excess to the end of a list item.
        ("计划订的稳妥一些，营业额增加的快了一些。", "计划订得稳妥一些，营业额增加得快了一些。"),
        ("不能提高的太多太快，民主监督进行的更加经常和有效。", "不能提高得太多太快，民主监督进行得更加经常和有效。"),
        ("反对管的过多过死、束缚地方积极性的倾向。", "反对管得过多过死、束缚地方积极性的倾向。"),
        # No listed adverbial, but official text writes the word before 地 and the verb after 地
        # far more often than beside 的.
        ("积极研究和制定方案，分期分批的推进这项改革。", "积极研究和制定方案，分期分批地推进这项改革。"),
        # An adjective opening its clause before a verb that is only a verb, with its object.
        ("毛主席及时戳穿了他们的阴谋，尖锐的指出江青有野心。", "毛主席及时戳穿了他们的阴谋，尖锐地指出江青有野心。"),
        ("推出叫的响的农产品品牌，锻造打的赢的队伍。", "推出叫得响的农产品品牌，锻造打得赢的队伍。"),
        # 起 with its object after it; items sharing a degree word, the last joined by 和.
        ("让更多的人买的起房，把工作做的更加扎实和细致。", "让更多的人买得起房，把工作做得更加扎实和细致。"),
        # A strong degree word and an adjective between two 的: a complement inside an attribute.
        ("这是一伙隐藏的很深的反革命分子，把生活提的很高的想法是错误的。", "这是一伙隐藏得很深的反革命分子，把生活提得很高的想法是错误的。"),
        # A degree word and an adjective of one character that jieba keeps whole (太久) or apart.
        ("结果将使工程建设的时间拖的太久，由于工作进行的较粗较急。", "结果将使工程建设的时间拖得太久，由于工作进行得较粗较急。"),
        # Before a preposition that opens no noun; before a verb jieba keeps whole with its object.
        ("更加自觉的把党的领导贯穿政府工作各方面全过程。", "更加自觉地把党的领导贯穿政府工作各方面全过程。"),
        ("抓好资源对接资本，最大限度的发挥优势、挖掘潜力。", "抓好资源对接资本，最大限度地发挥优势、挖掘潜力。"),
        ("把战争的危险如实的告诉人民，以提高警惕。", "把战争的危险如实地告诉人民，以提高警惕。"),
        # After an adverb that stands only in a predicate (也); a verb with a directional complement;
        # a 顿号 far back in the subject or after a numbered heading lists no attributes of X.
        ("企业和工会所举办的福利和文化设施也不断的增加。", "企业和工会所举办的福利和文化设施也不断地增加。"),
        # The clause's subject, then X的V ending it: V is the predicate (no verb before to take a
        # noun phrase), whatever the verb jieba tags the subject's noun (工作).
        ("各项工作有条不紊的推进，党的建设全面的加强，全县经济平稳的运行。", "各项工作有条不紊地推进，党的建设全面地加强，全县经济平稳地运行。"),
        ("围绕热点、难点问题有序的开展协商。", "围绕热点、难点问题有序地开展协商。"),  # the list closed by 问题
        # The same inside the clause 确保 or 推动 takes, an adverbial before the last perhaps.
        ("确保各项工作顺利的开展。保证工作扎实有序的进行，", "确保各项工作顺利地开展。保证工作扎实有序地进行，"),
        ("推动全县经济更好的发展。", "推动全县经济更好地发展。"),
        ("取得了可喜成绩，但还应清醒的看到不足。", "取得了可喜成绩，但还应清醒地看到不足。"),  # a modal, then a verb taking its object
        # After a phrase that 在 opens, or the object that 把 puts first, the predicate follows;
        # a document's kind that is an item of a list (计划、投资体制) names no document.
        ("乡镇企业要在整顿的基础上逐步的发展，把已经推广的良种认真的管好和用好。", "乡镇企业要在整顿的基础上逐步地发展，把已经推广的良种认真地管好和用好。"),
        ("要积极稳妥的深化计划、财税体制改革。", "要积极稳妥地深化计划、财税体制改革。"),
        ("将增产节约、增收节支运动扎扎实实的开展起来，", "将增产节约、增收节支运动扎扎实实地开展起来，"),
        ("一、认真地有步骤的改革城市经济中的弊端。", "一、认真地有步骤地改革城市经济中的弊端。"),
        # Two adverbials side by side; one parallel to an adverbial with 地, before a verb.
        ("必须积极的有计划地把宜于耕种的土地开垦起来。", "必须积极地有计划地把宜于耕种的土地开垦起来。"),
        ("通过有秩序地、自上而下的进行政治体制改革。", "通过有秩序地、自上而下地进行政治体制改革。"),
        # Adverbials of the older reports (相应, 片面, 定期); an adjective jieba tags a verb (周到, 保守).
        ("国家也就必须相应的增加消费资料的供应，不能片面的追求产值。", "国家也就必须相应地增加消费资料的供应，不能片面地追求产值。"),
        ("谨慎从事，做的更加稳妥和周到。有些企业的计划定的过于保守。", "谨慎从事，做得更加稳妥和周到。有些企业的计划定得过于保守。"),
        # A degree word and an adjective jieba keeps as one word, with 一些 after; what a thing
        # was made like (像……一样) after a verb.
        ("要在学习上来一个比赛，学的更好一些。让日子过的像金柚一样又甜又美。", "要在学习上来一个比赛，学得更好一些。让日子过得像金柚一样又甜又美。"),
        # Two adverbials side by side before a verb whose object is quoted; a noun used as an
        # adjective after a degree word, before a noun.
        ("持续深入的开展“我为群众办实事”实践活动。", "持续深入地开展“我为群众办实事”实践活动。"),
        ("解决群众最关心最直接最现实地利益问题。", "解决群众最关心最直接最现实的利益问题。"),
        ("以更坚定地信心、更务实的举措推动发展。", "以更坚定的信心、更务实的举措推动发展。"),  # a degree word is no verb listed
        ("违法行为得到了有效地遏制，受到了群众热烈地欢迎。", "违法行为得到了有效的遏制，受到了群众热烈的欢迎。"),  # an action as the object
        ("要把工作得重点放在基层。", "要把工作的重点放在基层。"),  # 得 inside 把's object, a verb after it
        # 可 as a modal before an idiom; 来 between the adverbial and its verb; two adverbials, or
        # 更加 and one, opening the clause before a verb that is only a verb.
        ("各地可因地制宜的制定具体政策，也应该有步骤的来进行整编。", "各地可因地制宜地制定具体政策，也应该有步骤地来进行整编。"),
        ("合理有效的使用外汇，更加扎扎实实的做好各方面的工作。", "合理有效地使用外汇，更加扎扎实实地做好各方面的工作。"),
        # Adverbials listed with 顿号 before a verb that is only a verb; idioms of the older reports.
        ("重点是有计划、有步骤的解决能源价格偏低的问题。", "重点是有计划、有步骤地解决能源价格偏低的问题。"),
        # 有 and any noun, alone or listed, before a verb and its object say how, as 有计划 does.
        ("全县有部署、有检查的贯彻落实上级决策，有特色的打造乡村品牌。", "全县有部署、有检查地贯彻落实上级决策，有特色地打造乡村品牌。"),
        # Adverbials listed, the first a word our lists lack, before a verb with its result.
        ("真实、准确、完整的做好主动公开工作。", "真实、准确、完整地做好主动公开工作。"),
        # a verb with its result and its object after a list: a predicate, no noun phrase
        ("与广大党员、干部一道创造性的贯彻落实好党中央各项决策部署。", "与广大党员、干部一道创造性地贯彻落实好党中央各项决策部署。"),
        ("必须多快好省的建设社会主义，自上而下的提倡勤俭朴素作风。", "必须多快好省地建设社会主义，自上而下地提倡勤俭朴素作风。"),
        # An adverbial jieba cut in two (最大|限度); a verb jieba tags a noun (关心); 向前 before the verb.
        ("最大限度的节约资源，始终如一的关心和支持国防建设，改革正在积极稳妥的向前推进。", "最大限度地节约资源，始终如一地关心和支持国防建设，改革正在积极稳妥地向前推进。"),
        # An adjective and 地 jieba keeps as one word, before a noun.
        ("积累了可贵地经验，培养大批熟练地劳动者。", "积累了可贵的经验，培养大批熟练的劳动者。"),
        # An idiom before a verb used as a noun and a compound's head (工作作风), the clause's end.
        ("以求真务实地工作作风，践行初心。", "以求真务实的工作作风，践行初心。"),
        # One character of an adjective before 地 and a noun phrase in a verb's object; a degree
        # word between the verb and the attribute.
        ("培育一批前景好地龙头企业，实施更加有力地帮扶措施。", "培育一批前景好的龙头企业，实施更加有力的帮扶措施。"),
        # The last of three items that qualify nouns with 的, its head a verb also a noun.
        ("让乡亲们住上更好的房子、更鼓的钱包、更幸福地生活。", "让乡亲们住上更好的房子、更鼓的钱包、更幸福的生活。"),
        # 展开 takes an action as its object; a verb of saying ends the clause after a set phrase.
        ("代表们展开了热烈地讨论和交流。王先生满心欢喜的说：“日子越过越好。”", "代表们展开了热烈的讨论和交流。王先生满心欢喜地说：“日子越过越好。”"),
        # A verb that makes no document's name with its kind (完成计划); an adjective after 如果; a verb
        # of perceiving that ends its clause; a degree word before an adjective jieba tags a verb,
        # before a verb with its result; a verb with its aspect (过).
        ("降低造价，更好的完成计划。如果适当的压缩库存，就能减少积压。", "降低造价，更好地完成计划。如果适当地压缩库存，就能减少积压。"),
        ("我们满意的看到，合作不断深化。更加突出的抓好科技和教育。", "我们满意地看到，合作不断深化。更加突出地抓好科技和教育。"),
        ("我们已经多次的进行过增产节约运动。", "我们已经多次地进行过增产节约运动。"),
        ("对我县地农民培训情况进行深入调查。", "对我县的农民培训情况进行深入调查。"),  # 我|县: no pronoun's predicate
        # An adverb's word before a plain noun qualifies it (主要指标); a long name of a body is a noun.
        ("今年政府工作地主要指标已经明确，执行人民代表大会地决定。", "今年政府工作的主要指标已经明确，执行人民代表大会的决定。"),
        # A verb jieba keeps apart from 地 (暴露|地: 露地 is rarer than 暴露); a state said twice.
        ("问题已经暴露地比较明显，不能把计划定的低低的。", "问题已经暴露得比较明显，不能把计划定得低低的。"),
        # 地 before a count of things (基地3个 is the place); a manner of speaking before 讲.
        ("围绕“1+4”文件地4大板块，坦白的讲，任务很重。", "围绕“1+4”文件的4大板块，坦白地讲，任务很重。"),
        # The object of 把 or 以 before a verb: 地 before its noun is 的; so in 在……上 before the verb.
        ("始终把党地政治建设摆在首位，以饱满地热情投入工作。", "始终把党的政治建设摆在首位，以饱满的热情投入工作。"),
        ("在红枣地贮藏和深加工上做文章。", "在红枣的贮藏和深加工上做文章。"),
        # 对 opens such an object too; a verb used as a noun then its noun, the verb in the next
        # clause, after the 以 that opens it (whatever word stands before 地).
        ("对脏乱差地背街小巷进行集中整治，以更加有力有效地工作举措，推动任务落实。", "对脏乱差的背街小巷进行集中整治，以更加有力有效的工作举措，推动任务落实。"),
        # 为 takes a noun phrase that a verb of giving follows; a year ending the clause is a noun;
        # an idiom official text never writes before 地 names a thing inside 在……上.
        ("为物质文明地发展提供动力，为县域经济地发展和社会稳定作出贡献。", "为物质文明的发展提供动力，为县域经济的发展和社会稳定作出贡献。"),
        ("这是发展任务十分繁重地一年，在脱贫致富地道路上迈出了一步。", "这是发展任务十分繁重的一年，在脱贫致富的道路上迈出了一步。"),
        ("当好示范员，身体力行的把各自工作做好。", "当好示范员，身体力行地把各自工作做好。"),
        # Nouns only after 地 to the clause's end, after a word of a class or size (百亿级); a noun
        # that starts with an adjective's characters (突出成绩) after a verb.
        ("成为全市首个超百亿级地制造业企业，五年来取得地突出成绩。", "成为全市首个超百亿级的制造业企业，五年来取得的突出成绩。"),
        # 在……下 closed right after a verb of support: that verb heads the phrase, even after an
        # adverbial's word (在坚持不懈的努力下, 在上级部门的大力支持下).
        ("在全县干部群众坚持不懈地努力下，在上级部门大力地支持下，任务圆满完成。", "在全县干部群众坚持不懈的努力下，在上级部门大力的支持下，任务圆满完成。"),
        # A verb before 地 and 作用: an attribute of the role (组织 is no place here).
        ("开展宣传活动，发挥社区价格监督组织地作用。", "开展宣传活动，发挥社区价格监督组织的作用。"),
        # A comparative before the noun a verb of getting or giving takes.
        ("我们付出了更多得努力，提供更多得便利，带来更多地发展机遇。", "我们付出了更多的努力，提供更多的便利，带来更多的发展机遇。"),
        # 地 before a document's name that ends the clause: what it is about, an attribute.
        ("服务保障新福州建设地实施意见，关于做好防汛工作地通知。", "服务保障新福州建设的实施意见，关于做好防汛工作的通知。"),
        # A complement never begins with 是: what stands before 得 is a 的 phrase.
        ("最直观得就是各项指标，最重要得是抓落实。", "最直观的就是各项指标，最重要的是抓落实。"),
        # After 得到, a degree and an adjective of one character qualify the action named (较好的保护);
        # a count before the attribute makes what the quotation names a thing (一份优异的“抗疫答卷”).
        ("水源得到了较好地保护，书写了一份优异地“抗疫答卷”。", "水源得到了较好的保护，书写了一份优异的“抗疫答卷”。"),
        # An adverb between the subject and a verb ending the clause says how (远远地超过).
        ("各项指标全面达标，有些还远远的超过，经济慢慢的恢复。", "各项指标全面达标，有些还远远地超过，经济慢慢地恢复。"),
        # A frame's noun (的同时, 的基础上) and a span of time ending the clause (的一年, 的决胜阶段)
        # have an attribute before them, whatever it is.
        ("在稳定粮食生产地同时，在全覆盖地基础上，我们度过了充满挑战地一年。", "在稳定粮食生产的同时，在全覆盖的基础上，我们度过了充满挑战的一年。"),
        ("这是全面建成小康社会地决胜阶段，也是步入较快地发展时期。", "这是全面建成小康社会的决胜阶段，也是步入较快的发展时期。"),
        # 所 and its verb, a quantity, a phrase of leadership closed by 下, a loose one-character
        # adjective before a noun, and 党 (written before 的 632 times, before 地 never).
        ("院长所作地工作报告，修建长4.8公里地水泥路，实现由一千亿到两千亿地跨越。", "院长所作的工作报告，修建长4.8公里的水泥路，实现由一千亿到两千亿的跨越。"),
        ("建立党建引领下地社区自治组织，在新地起点上加强党地创新理论武装。", "建立党建引领下的社区自治组织，在新的起点上加强党的创新理论武装。"),
        ("为服务地方经济发展作出新地更大贡献。", "为服务地方经济发展作出新的更大贡献。"),
        # Nouns listed after 地 (思想自觉、政治自觉), or 之 and its noun ending the clause.
        ("切实增强贯彻落实地思想自觉、政治自觉和行动自觉，实现工作地机制化、信息化。", "切实增强贯彻落实的思想自觉、政治自觉和行动自觉，实现工作的机制化、信息化。"),
        ("面对来势汹汹地新冠肺炎疫情和复杂形势，走出一段充满挑战地奋斗之路。", "面对来势汹汹的新冠肺炎疫情和复杂形势，走出一段充满挑战的奋斗之路。"),
        # 地 before a document's kind that closes a title (which the clerk cites, but no issuer
        # writes so), or after 关于 before a kind that is a verb too (报告, 决定).
        ("印发《关于加强和改进妇女儿童工作地意见》，审查关于财政预算草案地报告。", "印发《关于加强和改进妇女儿童工作的意见》，审查关于财政预算草案的报告。"),
        # A plain noun official text writes before 的 again and again and never before 地, whatever follows.
        ("扎实推进法律法规地实施，通过各方面地努力，成绩显著。", "扎实推进法律法规的实施，通过各方面的努力，成绩显著。"),
        # A word that only qualifies a noun after 地 (一批, 主要); a meeting and 上; leadership 下 closes.
        ("事关全局地一批重要立法项目，推进建设地主要举措，在大会上地重要讲话。", "事关全局的一批重要立法项目，推进建设的主要举措，在大会上的重要讲话。"),
        ("在省委地坚强领导下，在社会各界地关心支持下，为群众提供最温馨地帮助。", "在省委的坚强领导下，在社会各界的关心支持下，为群众提供最温馨的帮助。"),
        # A span of time jieba keeps whole; a count of things and an adjective; 新; a noun of feeling.
        ("总结五年以来地工作，提出了一些很好地修改意见，形成新地集聚效应，实实在在地获得感。", "总结五年以来的工作，提出了一些很好的修改意见，形成新的集聚效应，实实在在的获得感。"),
        # 得 after a comparative before its verb.
        ("使委员和群众更多得了解提案办理程序。", "使委员和群众更多地了解提案办理程序。"),
        # After a closing quote, a verb and the idea it names; a one-character adjective and a noun;
        # a compound noun jieba tags nothing; a noun of a measure (重要性); 而 joining two verbs.
        ("奉行“建设绿水青山”地发展理念，保持发展地好形势，建成高产高效地高标准农田。", "奉行“建设绿水青山”的发展理念，保持发展的好形势，建成高产高效的高标准农田。"),
        ("不难看出功能区之于重庆地重要性，要主动的顺势而动。", "不难看出功能区之于重庆的重要性，要主动地顺势而动。"),
        # 不可 and a verb make one adjective before the noun the verb governs.
        ("具有不可替代地作用。", "具有不可替代的作用。"),
        # What came about, its attribute, then the verb's object noun (变化, 趋势).
        ("城乡面貌发生了日新月异地变化，呈现出一体化发展得良好趋势。", "城乡面貌发生了日新月异的变化，呈现出一体化发展的良好趋势。"),
    ],
)
def test_particle_slip(lexicon: Lexicon, wrong: str, right: str) -> None:
    assert fixed(wrong, find_particle_slips(wrong, lexicon)) == right


def test_listed_adverbials_opening_the_clause_are_quoted_once(lexicon: Lexicon) -> None:
    [hit] = find_particle_slips("稳步、有序的开展各项工作。", lexicon)
    assert hit.message == "“稳步、有序的开展”中“的”应为“地”：并列的状语修饰动词用“地”。"


def test_names_after_a_title_and_townships_in_a_list_are_no_slips(lexicon: Lexicon) -> None:
    from tests.proofread_eval import paragraph_report, text_findings

    # A rarer surname right after the title (检察长应勇, 市领导文建中, 主席施业盛); a township listed among
    # others, whatever its first characters sound like (虹星桥镇).
    for clean in (
        "最高人民检察院检察长应勇作工作报告。市领导文建中、匡伯彪参加会议。县政协主席施业盛出席。",
        "会议还参观了吕山乡、虹星桥镇、夹浦镇三个乡镇的水利建设现场。",
        "支持阜合现代产业园区和颍上经开区电子信息产业集群发展。",  # a name before its park
    ):
        assert not [f for f in text_findings(paragraph_report([clean])) if f.check == "typo"]
    # Not a name where no title stands before: the slip is still read.
    assert [f.fix for f in text_findings(paragraph_report(["全年财正收入稳步增加。"]))] == ["财政收入"]


def test_slips_in_set_phrases_and_lists_of_everyday_words_are_found() -> None:
    from tests.proofread_eval import paragraph_report, text_findings

    for wrong, fix in (
        ("严厉打击敌对势力的渗透、颠复、破坏活动。", "颠覆"),  # 破坏活动: an everyday word at its edge
        ("大力开展改水改侧和卫生镇创建活动。", "改水改厕"),
        ("以踏石留印、抓铁有恨的作风抓落实。", "抓铁有痕"),  # (永不懈殆 is now in the curated list)
        ("受到群众的一至好评。", "一致好评"),
    ):
        assert [f.fix for f in text_findings(paragraph_report([wrong])) if f.check == "typo"] == [fix], wrong


def test_marks_of_lists_closed_or_bracketed() -> None:
    from tests.proofread_eval import paragraph_report, text_findings

    for wrong in (
        "全省各县（市，区）均已建立工作机制。",  # levels listed in brackets
        "坚持安全、质量，进度并重的原则。",  # 并重 closes the list as 等 does
        "制定了《实施方案》、和《考核办法》。",  # 、和 between titles
    ):
        assert [f.check for f in text_findings(paragraph_report([wrong]))] == ["punct_misuse"], wrong
    for clean in ("全省各县（市、区）均已建立工作机制。", "坚持一手抓发展，一手抓稳定，两手并重。"):
        assert text_findings(paragraph_report([clean])) == [], clean


def test_a_word_typed_again_at_the_head_of_a_known_term_is_doubled() -> None:
    from tests.proofread_eval import paragraph_report, text_findings

    # 基层|基层治理|体系: the term our list knows does not hide the copy before it.
    for wrong in ("完善基层基层治理体系。", "开展主题主题党日活动。", "实施城市城市更新行动。"):
        assert [f.check for f in text_findings(paragraph_report([wrong]))] == ["doubled_word"], wrong
    # A term of one level said of another is no slip of it (整县推进 known, 整乡推进 written).
    assert text_findings(paragraph_report(["已完成80个贫困乡镇的整乡推进。"])) == []


def test_right_sentences_of_published_reports_get_no_finding() -> None:
    from tests.proofread_eval import paragraph_report, text_findings

    for clean in (
        "院长钱远晏，副院长弓民、李俊、李义凡出席会议。",  # a rarer surname after a title
        "认真贯彻县委十一届八、九次会议精神。",  # two sessions held, listed; no estimate
        "我们积极发扬广大团员青年关心公益的优良作风。",  # 广大 qualifies what follows: no 发扬光大
        "通过资源整合和结构调整，大力发展矿产、建材、木材加工等产业。",  # 大力发展: a predicate
        "开展爱国主义、集体主义、社会主义宣传教育。",  # a word put before the item's end
        "县委书记要求：一是进一步统一思想，提高认识。",  # the numerals are characters of words
        "推行“全面数字化+泛在在线化+耦合智能化”建设。",  # 泛在 + 在线化
        "立足于教学质量的提高、教学目标的达成、教师的专业发展。",  # verbs named as things, listed
        "抓好任务的推进，家居改造的实施，文体工作的深入。",
        "深入贯彻重要讲话精神，弘扬伟大建党精神和苏区精神、长征精神。",  # 弘扬 opens a clause
        "题为“以‘三个代表’重要思想为指导，促进事业发展”的报告。",  # single marks inside a quotation
        "主要来源为光伏电站、房屋租金、公司入股、农业资源出租等。",
        "副局长、一级巡视员竺园主持会议。",  # a rarer surname after a rank
        "按照意见中明确提出的到2015年实现改革目标的要求。",  # 到 a year is "by"
        "对检察工作给与肯定。推进制播分离改革。",  # a variant the dictionary lists; a broadcaster's term
    ):
        assert text_findings(paragraph_report([clean])) == [], clean


def test_the_message_names_the_whole_adverbial(lexicon: Lexicon) -> None:
    # jieba cuts 较|好: the message quotes 较好, as the clerk wrote it.
    [hit] = find_particle_slips("较好得完成了年初确定的任务。", lexicon)
    assert hit.message.startswith("“较好得完成”中“得”应为“地”")


@pytest.mark.parametrize(
    "clean",
    [
        "对存在的问题进行深入的研究。",  # 进行 makes it a noun phrase
        "他就提升教育质量问题做了一个很好的动员和强调。",  # a count of things opens a noun phrase, 很 aside
        "榆林等地有关领导带队检查，连续降雨造成多地各类地质灾害频发。",  # 地 the places
        "让孩子们健康地成长，我认为一切得从头开始。",  # persons, then their predicate; 得 děi "must"
        "此次会议更是一次很好的学习培训会。",  # a count of events opens a noun phrase too
        "在推进改革中积极地支持下放审批权限，在工作中主动地帮助下岗职工。",  # 下 of a word after a verb of support
        "他们提供的更多、更好的服务，取得的成绩更大、群众更满意。",  # 更多、更好的 + a noun; 的 after 取得
        "极大的热情和更多的支持。",  # 极大, 更多 before nouns
        "群众更加满意的服务，张明的做好工作经验。",  # a noun after X的; a person before 做好 as a noun phrase
        "推进土地平整、落地见效，推动经济持续地更好发展，承接大项目落地不够多。",  # 地 of a word; an adverbial before a verb
        "为了公正合理地政治解决地区冲突，准则必须得到遵守；使企业处于平等竞争地位，统一所得税。",  # 地区, 地位
        "他说的比唱的好听，农产品的比价不合理，取得的不少的成绩，在尽可能的范围内，有重点的项目，他们认真地和我们的同志交流。",
        "他说的像是真的，工作干的像样，所学的更多是理论，塑造的像章很精美。",  # 像是, 像样, 像章: words of their own
        "比较顺利的局面，十分认真的态度，令人高兴的变化，简单的重复。",  # before nouns
        "将始终不渝地信守这两个联合声明，被压迫民族争取自由、独立的斗争。",  # a verb jieba tags a noun; 争取 + a list of nouns
        "需要更多的支持和帮助，应该有适当的照顾，我们取得的多了。",
        "过于保守的计划，这样紧张的局面，逐步的过程，随着改革发展的不断深入，加剧了原材料供应的紧张。",
        "转型步履维艰的攻关时刻，院校对基础教育的纵向帮扶，增加义务教育的转移支付，生产资料的需要骤然增大。",
        "中央八项规定精神得到了认真的落实。",
        "建立有效的监督机制，开展广泛的宣传活动。",
        "点点滴滴的变化，群众看在眼里。",
        "形成来源渠道广泛的合理结构。",
        "取得的成绩还只是初步的。",
        "他们比过去积极得多。",
        # 地 the noun: a place named with the word before (先行地), a word it begins (地市); a
        # verb made a noun by its suffix (知晓度).
        "加快建设共同富裕先行地时代样板，作为全省地市司法局唯一代表。",
        "健全央地合作长效机制，坚持兵地城镇建设一体规划。",  # 地 of a pair of parties (央地, 兵地)
        # A share before 地 and a verb: an adverbial (百分之百地完成).
        "全年任务100%地完成，重点项目100%地落实。",
        "在工业园区、人流密集地布点，人民群众对政务公开的知晓度明显提升。",
        # A complement of degree after 得; a potential complement (跑得了); 所 of 研究所 before 的.
        "我们必须把形势估计得严峻一些，把困难考虑得充分一些。",
        "这件事做得了主，研究所的了解更深。",
        # 地 before a verb, whatever the word before it (分类分批地推进, 历史性地解决了).
        "分类分批地推进试点工作，历史性地解决了许多问题，有计划地组织干部培训。",
        # 所取得的, 群众所想得到的 (得到 a word); 更好的服务 and 较好的发展态势 (nouns).
        "巩固所取得的成绩，办好群众所想得到的事，提供更好的服务，保持较好的发展态势，工作做得很不容易。",
        # A verb qualifying 作用 or 效果: a noun phrase (起到了很好的提升作用).
        "对扫黑除恶的知晓率起到了很好的提升作用，发挥积极的带动效应。",
        "着力解决不充分的发展带来的问题。",  # a negated attribute
        "缩小协调的发展之间的差距。",  # a localizer after the verb
        "以更明确的目标、更有力的举措、更加集中的支持，推进工作。",  # noun phrases of a list
        "经济运行比预想的好，主要指标好于预期。",  # a comparison: 预想的 is what is compared against
        "感谢大家一如既往的关心和支持。",  # the same idiom before a noun phrase the sentence ends with
        "希望能够一如既往地关心、支持平湖供销工作。",  # 关心 a verb, whatever jieba's tag
        # A noun phrase a verb governs past its complement (建立|起); 地州 (prefectures).
        "建立起高效的应急处置机制，为建设新疆实践的典范地州贡献力量。",
        # 地 the place after 进行 or 开展: 土地, 实地, 央地, a place before a noun (便利地示范区).
        "进行土地流转，进行现场实地踏勘，开展央地互访，开展双循环便利地示范区创建。",
        "这些做法很好地解决了问题，发展得很好，凝聚的人心。",
        "加快构建便捷、安全、高效的综合运输体系。",  # the object of 构建, past more attributes
        "通过艰苦细致的工作和坚持不懈的努力，解决了一批难题。",
        "坚持实施就业优先战略和更加积极的就业政策。",  # joined by 和 to a noun phrase
        "合理的收入分配制度是社会公平正义的重要体现。",  # the subject of 是
        "使更加公平、更加充分的就业成为我国发展的突出亮点。",  # the subject of 成为
        "这是创新发展的最大“富矿”。",  # 最大 modifies the quoted noun: no complement
        "这是我们做的扎实有效的工作。",  # two complements that go on to a noun: attributes
        "形成广泛的及时信息。",  # two attributes before a noun, no verb after them
        # Listed attributes before a noun or a verb that names a thing (管理, 服务), or the
        # subject of 是: 的 stands.
        "提供及时、准确的信息，实行统一、规范的管理，确保优质、高效的服务。",
        "确保群众满意的服务，确保组织统一的领导。",  # 满意 no adverbial; 领导 a verb that is a noun too
        "全方位、多层次的综合效应显现，公开、透明的运行是基本要求。",
        "逐步形成公正合理的收入。",  # jieba keeps 逐步形成 whole: still the verb that governs
        "取得了全方位的发展成就，走出高质量的发展道路。",  # 取得|了 governs; 发展成就 is one noun
        "把发展的成果、干得好的经验总结起来。",  # 的 before a noun, not a parallel complement
        "巩固发展的成果、干得出色。",  # 发展 is one word: 展 is no verb of its own
        # 2026 provincial reports: the object of 以; 可 + a verb.
        "以扎实有效的工作确保开好局，形成稳定可持续的增收致富模式。",
        # Two verbs that are also nouns make a noun (监督管理); 地 in words and before a verb.
        "实施有效的监督管理，认真地工作，加强土地管理，开展实地考察，做好属地管理工作。",
        # The counts' near misses: 地 before a verb that is no noun (严格地执行, however often
        # 严格的 is written), 地 the noun (林地), 得 before its complement, 地 before an adverbial.
        "要严格地执行请示报告制度，大力发展山林地经济，各项工作开展得有声有色。",
        "依法地及时解决群众合理诉求。",
        # A verb with its aspect or its object after 地 is a predicate, whatever the counts say of
        # the word before (official text writes 严厉的 and never 严厉地).
        "严厉地打击了各种犯罪活动，很快地改变了落后面貌，坚决地破坏他们的阴谋。",
        "有的上级部门要求，这是我们的上级，他说的来龙去脉。",  # 上级, 来龙去脉: words, no complement
        "获得2项国家专利，取得3.5亿元收益，值得一提。",  # 获得, 取得, 值得: words
        "这次活动组织得十分周密。",  # a Chinese numeral begins a word after a complement's 得
        "盘活低效用地17亩，流转山林地1000余亩，交地75.73亩。",  # land counted in 亩, not a share
        "随着春天的到来，资金的到位情况良好，货物运至合同规定的到站。",  # 到来, 到位, 到站
        "较好地完成了任务，很好地发挥作用。",  # 较|好 before a verb: an adverbial
        "成绩是平凡而努力的人们在日夜拼搏中取得的。",  # 人们 never follows 地: a noun before 在
        "采取的措施有力。的确如此。",  # 采取 is a word of its own; 的确 is a word
        # The last of a list of attributes, or a short clause qualifying a noun (a verb, an
        # adjective or a degree word before X): 的 before a noun phrase.
        "建立规范透明、约束有力的预算制度。",
        "加快建设支撑有力的现代化城市，牢固树立科学的执政理念。",
        "构筑更加牢固的防止返贫防线，完善统一规范的执法数据标准。",
        "对相对集中的堆放点开展治理。",
        # 地 and 得 before a noun phrase that is no object of a verb before them: a noun
        # (留用地), a complement, an adverbial after a modal or a subject.
        "做好集体留用地建设开发等工作，重点项目推进得比较顺利。",
        "要认真地组织实施，我们积极地参与社区治理。",
        # 最 + a noun after 的 is an attribute (需求的最前线), and a noun after a degree word too.
        "奔波在群众需求的最前线，取得的更大成绩。",
        # A noun or a pronoun before 的 and a verb with 了 after it: a subject and its verb.
        "群众的生活改善了，我们的任务完成了。",
        # 地 the place (首倡地, 消费地), 地 of 天…地…, 地 before a verb (源源不断地转化为).
        "扛牢首倡地政治责任，带动产地和消费地以骨干企业为平台。",
        "建设天蓝地绿水秀的美丽家园，将创新势能源源不断地转化为产业动能。",
        # After a four-character phrase, 地 before a verb, a word that is also a verb or an
        # adjective, a noun with 地 in it, or a phrase ending in a word of one character.
        "干部兢兢业业地工作，大家坚持不懈地努力，一步一个脚印地前进。",
        "打造红色旅游目的地，扛牢首倡地政治责任。",
        # Words jieba tags nouns that official text writes after 地 (履行, 面向), or that go on to
        # 到 (体会到): verbs here.
        "应当客观、公正地履行职责，有针对性地面向社会宣传，我们深刻地体会到责任重大。",
        # A title is cited as written; a verb and the kind of document it names is a document.
        "贯彻《全面推进政务公开的实施意见》，印发政务公开的实施意见。",
        # 地 the place before a frame (各地同时, 当地情况下), going to the fields (下地), land
        # counted (3亩地); 同时 before a verb is the adverb; a kind of document that is a verb too
        # after an adverbial (及时地报告); 所 of a word (派出所, 所辖地区).
        "全省各地同时行动，结合当地情况下达任务，农民下地劳动，种了3亩地。",
        "全面地同时推进各项改革，发现问题及时地报告，派出所地处城区，所辖地区稳定。",
        # Verbs listed after 地 (学习、宣传和贯彻), a word listed with a verb (代表和维护), adverbials
        # listed, an adverbial of two pieces (最大|限度地), a count said twice (一批一批地).
        "认真地学习、宣传和贯彻，最大限度地代表和维护群众利益，全面地、系统地推进，再一批一批地整顿下去。",
        # 地 the place after 实践 (最佳实践地); a count of things before an adjective and 的 (一个高质量的报告).
        "打造全过程人民民主最佳实践地重点任务清单，起草好一个高质量的报告。",
        # A noun before 了 ending the clause; an adjective + 得 + a verb's complement.
        "这是全年最重要的工作了。会场气氛热烈得自然而然。",
        "完成嘉得5G项目主体部分。",  # 5G is a term, not a number after a complement's 得
        "让群众过上更好的生活，为企业提供更好的服务。",  # 更好 before a noun
        "全面打造天蓝地绿水清环境。",  # 天 and 地 of a four-character pattern: the earth
        # A verb with its aspect particle after 地; a question of how after 得.
        "报告实事求是地总结了过去五年成绩，年初既定的工作任务完成得怎样？",
        # An idiom official text never writes before 地 qualifies a noun.
        "营造既生机勃勃又井然有序的社会发展环境，出台与政府履行职责密切相关的法律文件。",
        # Two adjectives stacked before 的 qualify a noun (便捷有效的申请途径).
        "我乡设立便捷有效的申请途径，提供高效便捷的服务。",
        # What went before 的 names a thing: 的是; a clear understanding as a noun phrase.
        "最让我们欣喜的是，文化旅游区成功创建，大家对形势有清楚的认识。",
        # 得 the verb "to get" after a noun; 得 before a complement.
        "让群众得实惠，工作开展得有声有色，任务完成得很好。",
        # A verb used as a noun before a light verb (规范做出了规定).
        "对信息公开的规范做出了规定和要求。",
        # 有组织 is one adverbial though jieba cuts 有 off; 地灾 is 地质灾害.
        "我们有组织地制订农产品生产规程，做好汛期地灾防治工作。",
        # An attribute and a noun phrase that opens with a verb, as the object of a verb or after
        # another attribute or a noun it compounds with.
        "形成稳定可持续的增收致富模式，构筑更加牢固的防止返贫致贫防线。",
        "严格执行政务公开的相关规定，构建公平公正、服务高效的治理体系。",
        # Items that end in 的 + a noun beside a 得 (取得 is a word), a noun owning its 的.
        "各项工作取得成效、群众的认可，实现目的、值得关注。",
        "增加值的增长，双赢的局面，为实现更多的发展。",
        # After a quote: 地 before a verb, 地 opening a word, 得 the verb "to get".
        "不搞“一刀切”地处理问题，巩固“压舱石”地位，打造“一县一品”地方特色，“国家级”地理标志，“最多跑一次”得民心。",
        # 总结 is tagged a noun but written before 了: a verb, and 地 before it is right; a set
        # phrase of four after 得 is its complement (无微不至), no noun.
        "要求干部职工认真地总结经验教训，及时地解决问题。",
        "我局收到政府信息公开的申请0条。",  # a count ends the clause: the verb is a noun counted
        "对工作队的生活一直照顾得无微不至，各项工作推进得热火朝天。",
        # 地 ending a noun before a count or a year (基地, 落地, 本地).
        "建成实践基地20个，项目落地110个，本地2023年新增就业1.2万人。",
        # 地 the locality (军地, 兵地); a complement of two adjectives (干净彻底).
        "深化军地合作，推进兵地融合发展，把问题解决得干净彻底。",
        # After a verb the listed words qualify its object (提供及时、准确的信息).
        "要提供及时、准确的信息，要建立统一、规范的管理制度。",
        # Complements after a loose adjective or a verb; 得 the verb "to get"; 新地标 a word.
        "困难比预想的大得多，工作推进得很快，让群众得实惠，打造城市新地标。",
        "发展山林地经济，盘活农用地资源，建设湿地公园。",  # 地 the land of a noun
        "经过的地方，走过的路越来越宽。",  # 过 of 经过, 走过: no verb of its own
        "建设的、美丽，过的、",  # a list mark right after 的: no complement, and no crash
        # Before a quotation: an adverbial's 地, a quoted verb phrase, 地 ending a noun (耕地, 基地).
        "主动地“亮剑”，创造性地“走出去”，坚决遏制耕地“非农化”，建设研究基地“四大阵地”。",
        # 一步一步的 before a noun or a verb that names a thing; 有的, 目的 before a degree word.
        "这是一步一步的过程，实现一步一步的发展。",
        "有的更加重视，目的更加明确。",
        # 共赢 before 的 (no 赢得); a verb of winning with 得 before what it won, counted; step by step
        # in a measure of two characters.
        "坚定奉行互利共赢的开放战略，我省体育健儿分别摘得2金2银1铜。",
        "一微克一微克地治理，一天一天地争取。",
        "项目已经部分地投入生产，可以部分地投入使用。",  # after a modal 部分地 says how much
        "要积极地“走出去”开拓市场，坚决地“打虎”“拍蝇”。",  # a quoted verb phrase, then its object
        "我们清醒地认识到和平的发展环境来之不易。",  # 和平 a word, not 和 joining two predicates
        "实现有效的监督、管理和服务工作，进行全面的检查、修正和补充原定的计划。",  # a compound noun; after 进行 a noun phrase
        "这样做风险较小，成功的把握较大，搞“两个中国”的把戏。",  # 把握, 把戏 words; 较大 said of the noun
        "推动经济向前发展的动力，向前发展的势头。",
        # 把's verb (装点, which jieba tags a noun) and its complement; 与 that 相关 closes; places
        # before a quotation (三地); an adjective before a compound noun (工作基础).
        "把会场布置得庄严隆重，把校园装点得新颖别致。",
        "我们要实事求是地工作，求真务实地学习。要认真地工作，作风要扎实。",
        "实实在在地一件件办好，扎实地一个个解决，全镇林地十几亩，认真地两手抓。",  # a doubled measure; 地 the land
        "要毫无保留地公开与群众利益密切相关的事项，坚持三地“一盘棋”思想，全县具备较好的工作基础。",
        "反映的比较集中的问题，创造的更加公平的环境，提的比较多的意见。",  # two attributes of a noun
        "2023年地方财政收入增长，2024年地区生产总值增长5%。",  # 地 of 地方, 地区 after a year
        # A degree word before listed attributes of a noun, or of a verb that names a thing.
        "实行更加公开、透明的管理，营造更加公开、透明的发展环境，形成更加公平、更加充分的就业格局。",
        # 特别 is a degree word, but here it begins a name of nouns: no complement.
        "维护宪法和基本法确定的特别行政区宪制秩序。",
        # 好不好用 asks of 好用, what was chosen: a 的-phrase, no complement.
        "选出的好不好用，这样的好不好？",
        # 的 right before a quoted name qualifies it.
        "取得了显著的“双提升”，打造有特色的“一县一品”。",
        # 有的 is "some", 一些 after 的 a quantity; 远远地 kept whole by jieba is right as it stands.
        "有的多一些，有的少一些，提出的一些建议。",
        "经过不断的努力，取得不断的进步，这是长期的发展过程，作出正确的判断。",
        "有利于形成良好的营商环境，有利于更好的服务，便于群众的查询。",
        # 地 before a verb with its object, itself a noun with an attribute; before a verb with 了
        # (though jieba tags it a noun too); after a modal.
        "不能迅速地发挥投资的效果，正确地分析了经济形势，必须定期地检查预算执行情况。",
        "使得建设标准远远地脱离我国现在经济发展的水平，让人民群众得到更多看得见、摸得着的实惠。",
        # The counts favour 地, but the word before is a noun (阵营, 积极性), or the phrase is the
        # object of a verb before it (起……作用, 有……认识).
        "巩固社会主义阵营的团结，有利于人民积极性的发挥，起了极大的推动作用，对问题有清醒的认识。",
        "才能从根本上克服农业生产的不足。",  # 不足 a noun, no degree word and adjective
        "对的就坚持，不足的加以完善。",  # 不足的: what is lacking, the subject of 加以
        # An adjective opening a clause that ends in a noun of effect the verb begins.
        "发挥重要的示范作用，强大的牵引带动作用日益显现。",
        # A degree word shared by attributes of a noun, 和 between them; 关于 opens a noun phrase.
        "取得的更大成绩和进步，制定更加详细的关于安全生产的规定。",
        # 比较 and 更加 qualify nouns too; a verb with 得 in it; 很多 a quantity.
        "群众反映的比较集中的问题，为群众创造的更加公平的环境，我们取得的很大的成就，群众关心的很多问题。",
        # 地 after an idiom or a measure of extent before a verb; 地 the place after 在 (2010, 2011
        # 河北 and 2020 国务院 reports).
        "一定能够在新的征程中昂首阔步地前进，有利于我们更大范围地利用国际资本，实行农民工在就业地平等享受就业服务政策。",
        # A list of attributes right before X; a verb with 起来 that qualifies a noun; 胜利 before a
        # noun; after a negated modal, a noun phrase.
        "统一、权威、全面的咨询答问库，建立起来的制度，这是一个一定要胜利的斗争，不能忽视群众的意见。",
        "采取相应的措施，作出相应的调整，定期的体检，片面的观点。",
        "形成稳定可持续的增收致富模式，行之有效的增产经验，更加科学的执政理念。",
        "由于李承晚集团的蛮横无理的破坏政策，这是自上而下的改革。",
        "必须系统地全面地研究生产和需要的情况，更加积极地创造性地参加国家建设，远远地落后于需要。",
        "使科学的普及和技术的推广有了内在的动力，做好耐心细致的宣传教育工作，要始终如一地关心和支持国防建设，再一批一批地整顿下去。",
        "住上更好的房子、更幸福地生活。",  # two items only: 幸福地生活 may say how one lives
        # After 在……上 or 把 the phrase is a noun phrase when a noun, not a verb, ends it; a document named.
        "在全面的基础上突出重点，把群众的利益放在首位，在此基础上形成稳定的预期，制定积极稳妥的实施意见。",
        # A subject, then X的V: V the object of a verb in the clause, or X a noun (the people's support).
        "营商环境得到明显的改善，财政收入实现了较快的增长，人民群众的支持，人民群众幸福的生活。",
        "要历史地看待问题，全面地协调发展各项事业。",  # a noun as an adverbial, with no verb before it
        # Nouns official text puts before 地 as adverbials; a verb phrase inside 在……中; a list closed by a noun.
        "要系统地推进改革，在积极稳妥地推进改革中，围绕热点、难点问题有序地开展协商。",
        # Words of scale say how before a verb and qualify a noun before 的: both particles stand;
        # a verb and a document's kind it names (制定更好的实施方案); 落地 whole.
        "高水平地建设美丽乡村，形成全方位、多层次、宽领域的开放格局，建成一批大规模的现代化的骨干企业。",
        "制定更好的实施方案，这是更好的发展计划，项目落地不够多。",
        "这正是人民群众的说法，正如他所说的。",  # 说 is no verb ending the clause here
        # A verb with its preposition (致力于, 投向) or its result (解决好) after 地, whatever jieba's tag.
        "引导社会资金更多地投向农业农村，将一如既往地致力于人民生活的改善，认真地解决好这些问题。",
        "对于新生事物，要扶植它们健康地成长。",  # a pronoun, then its predicate
        # 以 "so as to" before a verb; 将 "will"; a verb's own 得 before 是 (取得, 算得).
        "以更好地服务群众，把工作扎实地推进下去，这就算得是好成绩。",
        # How a notice is given; 属地 the land; 以 + how + a verb alone in its clause.
        "请及时地通知各单位，严格执行属地管理规定，以扎实地工作，回报社会。",
        "获得更多得多，引导群众更多地参与，做得更多更好。",  # a comparison; more taking part; a complement
        # 地 the place before 中 (实践地), and of a word jieba cut (祖|地) after 以.
        "在打造新质生产力重要实践地中迈出新步伐，鼓励以祖地文化为纽带举办活动。",
        "取得了不断的发展，这是最近的发展。",  # a verb used as a noun after an adverb's 的
        # A verb listed with another after 和 (代表和维护); 反对, a verb jieba tags an adverb.
        "最大限度地代表和维护职工的政治民主权利，旗帜鲜明地反对资产阶级自由化。",
        "完成饮用水保护地4家养殖户拆迁工作。",  # a place word ending in 地 before a count
        # A noun after a word of extent says how (分阶段, 不同程度), and so do a few nouns alone (机械地).
        "要防止机械地照搬经验，分阶段地推进改革，不同程度地存在问题，跨部门地协同联动。",
        # A count opening the subject before an adverbial; a count said twice; 感受 no noun of feeling.
        "一些地方积极地探索，一个一个地解决问题，深刻地感受到幸福感，要更多得到群众支持，变得更多得多。",
        "在大家的支持下；新地方新气象。",
        # A verb jieba tags a noun with an object of its own; a verb and a date or a phrase as object;
        # a count said twice before the attribute; a verb and a noun written together (工作报告).
        "更加坚定自觉地牢记党的初心使命，实事求是地总结2008年的工作，全面透彻地分析存在的问题。",
        "一个个切实的变化，这么务实的工作报告。",
        # 而 joins the verb after 地 to the next; a verb and a noun compound after 地 (面向社会).
        "主动地顺势而动，有针对性地面向社会宣传，不搞“一刀切”地处理问题。",
        # Two verbs jieba keeps as one piece after 地; a compound noun, then verbs a noun closes.
        "持续响鼓重锤地抓紧抓好。（三）工作机制、制度规范的建设及落实情况。",
        "要不可动摇地坚持和发展。",  # 不可 before the verb qualified, no object
        # A degree word alone is no subject (更扎实的工作 is a noun phrase of a list); what a verb of
        # writing turns out (撰写出高质量的调研报告); 取得 with its object, no parallel complement.
        "以更高的标准，更有力的措施，更扎实的工作，切实抓到实处。撰写出高质量的调研报告。",
        "以刀刃向内的决心，推进专项整治工作取得实效。",
        # Two adverbials, then a verb and its object (开展……工作); a preposition inside a subject that
        # an adverb's predicate follows; a noun's progress named as a thing (fresh pages).
        "深入持久地开展森林防火宣传教育工作。",
        "一张覆盖广泛、运行高效的为农服务网络正在广袤乡村大地铺展。",
        "全面推动社区各项工作的向前发展。",
        "全县发生了深刻变化，呈现出各地成效明显、亮点纷呈的局面。",  # no particle; 各地 the places
        # A second adverbial after 地, then its verb and object (fresh pages).
        "查隐患、抓整改、严督促，有条不紊地扎实开展防汛准备工作。",
        # The noun phrase 对 opens, before the clause's verb (fresh pages).
        "首先对各基层多年来卓有成效的工作予以充分肯定，同时对全局性的工作提出建议。",
        "走访慰问要做到“静悄悄”地上门，先问再送。",  # a quoted word said twice says how
        "要跨部门地协同联动，分批次地推进整改。",  # a range before 地 says how (跨, 分)
        "我们地处东南沿海，今后地方财政要量入为出。",  # 地处, 地方: words of 地
        "群众在户籍地派出所即可办理。",  # 地 the place, after a preposition of place
        "让孩子们并健康快乐地成长，作了大量的工作，也是重要的任务，并取得了良好的效果。",  # 并 before adjectives and a verb
        # One word after 的 is what it qualifies; 作为 is the 把 clause's verb; a set phrase naming a thing.
        "经过几年来的努力，守护舌尖上的安全，把加快工业发展作为经济工作的重心，讲清楚事情的来龙去脉。",
        "全市的大、中型企业，他的新，我的旧。",  # 的 after a noun or a pronoun, before an item or a contrast
        # 有 and a noun before 的 name those who have it: a noun follows, or what is done with them.
        "全市有条件的学校开展试点，有问题的整改到位，有特色的发展道路越走越宽。",
        # A verb also a noun, before a noun official text never writes after it: its object.
        "长期不懈地宣传野生动物保护工作。",
        "推进西屏山公园地掷球场改建。",  # 地 before characters jieba could not cut: a name (地掷球)
        "坚定不移地全面推进改革。",  # a second adverbial jieba tags a noun, then the verb
        "邀请华清安地建筑设计公司踏勘。",  # 地 inside a firm's name
        "提供真实、准确、完整的资料，形成政治、经济、文化的全面发展。",  # attributes listed before a noun
    ],
)
def test_particle_near_misses(lexicon: Lexicon, clean: str) -> None:
    assert find_particle_slips(clean, lexicon) == []


# ---------------------------------------------------------------- 规范表述


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("深入学习贯彻党的20大精神。", "深入学习贯彻党的二十大精神。"),
        ("贯彻落实省15次党代会、市十四次党代会精神。", "贯彻落实省十五次党代会、市十四次党代会精神。"),
        # Central formulations with a word swapped or their series out of order.
        ("坚持稳中求进工作主基调，完整准确全面落实新发展理念。", "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。"),
        ("以习近平生态文明理念为指导，实施“藏粮于田、藏粮于技”战略。", "以习近平生态文明思想为指导，实施“藏粮于地、藏粮于技”战略。"),
        ("深入学习习近平文化精神，自觉运用习近平法治精神。", "深入学习习近平文化思想，自觉运用习近平法治思想。"),
        ("今年是全面建设小康社会的收官之年。", "今年是全面建成小康社会的收官之年。"),
        ("全面落实决策、执行、管理、服务、结果五公开。", "全面落实决策、执行、管理、服务、结果“五公开”。"),
        ("坚持法无授权不可违，深化吹哨报道改革，感悟思想的真理威力。", "坚持法无授权不可为，深化吹哨报到改革，感悟思想的真理伟力。"),
        ("增强政治领悟力、政治判断力、政治执行力。", "增强政治判断力、政治领悟力、政治执行力。"),
        ("增强群众的幸福感、获得感、安全感。", "增强群众的获得感、幸福感、安全感。"),
        ("践行“空间均衡、节水优先、系统治理、两手发力”治水思路。", "践行“节水优先、空间均衡、系统治理、两手发力”治水思路。"),
        ("打好蓝天、碧水、净土四大保卫战。", "打好蓝天、碧水、净土三大保卫战。"),
        ("直面百年未遇之大变局。", "直面百年未有之大变局。"),
        ("坚持以发展为第一动力，推进山水田林湖草沙一体化保护。", "坚持以发展为第一要务，推进山水林田湖草沙一体化保护。"),
        ("实现碳中和碳达峰目标，坚持稳中求进、稳字当头。", "实现碳达峰碳中和目标，坚持稳字当头、稳中求进。"),
        ("加强思想建设、政治建设、组织建设、作风建设、纪律建设。", "加强政治建设、思想建设、组织建设、作风建设、纪律建设。"),
        ("学习运用千万工程经验，深化放管服改革，建设四好农村路，践行三高四新战略。", "学习运用“千万工程”经验，深化“放管服”改革，建设“四好农村路”，践行“三高四新”战略。"),
        ("做到学懂做实弄通，坚持为国育才、为党育人，健全法治、自治、德治相结合的乡村治理体系。", "做到学懂弄通做实，坚持为党育人、为国育才，健全自治、法治、德治相结合的乡村治理体系。"),
        ("学习十九届6中全会精神。", "学习十九届六中全会精神。"),
        ("贯彻党的二十届3中、4中全会精神。", "贯彻党的二十届三中、四中全会精神。"),
        ("落实党的十九大和19届历次全会精神，县18届人大常委会。", "落实党的十九大和十九届历次全会精神，县十八届人大常委会。"),
        # Names central documents always quote, also at the very end of the text.
        ("持续纠治四风，扎实开展四下基层", "持续纠治“四风”，扎实开展“四下基层”"),
        ("回顾十一五、十二五时期，坚持一国两制、港人治港、澳人治澳，深化最多跑一次改革。", "回顾“十一五”、“十二五”时期，坚持“一国两制”、“港人治港”、“澳人治澳”，深化“最多跑一次”改革。"),
        ("运用监督执纪四种形态，落实第一议题制度。", "运用监督执纪“四种形态”，落实“第一议题”制度。"),
        ("落实两个责任，推进高效办成一件事，新增四上企业3家。", "落实“两个责任”，推进“高效办成一件事”，新增“四上”企业3家。"),
        # Formulations of the 二十大 report and of central meetings, a word changed or swapped.
        ("要统筹高水平发展和高质量安全，推动经济实现量的有效提升和质的合理增长。", "要统筹高质量发展和高水平安全，推动经济实现质的有效提升和量的合理增长。"),
        ("全体干部深刻领悟“两个确立”的重大意义，坚持稳字当头、稳中有进。", "全体干部深刻领悟“两个确立”的决定性意义，坚持稳字当头、稳中求进。"),
        ("落实依法治疆、团结稳疆、文化兴疆、富民兴疆、长期建疆方略。", "落实依法治疆、团结稳疆、文化润疆、富民兴疆、长期建疆方略。"),
        ("健全四级书记抓乡村振兴机制，推进全面从紧治党，落实两会一课制度。", "健全五级书记抓乡村振兴机制，推进全面从严治党，落实三会一课制度。"),
        ("确保党的领导全面、系统、整体的落实到政府工作各方面全过程。", "确保党的领导全面、系统、整体地落实到政府工作各方面全过程。"),
        ("深入学习贯彻习近平依法治国思想，推进区域治理体系和治理水平现代化。", "深入学习贯彻习近平法治思想，推进区域治理体系和治理能力现代化。"),
        ("贯彻十四届全国人大1次会议精神。", "贯彻十四届全国人大一次会议精神。"),
        ("编制“14五”规划。", "编制“十四五”规划。"),
        # A name whose numeral is a row of digits read one by one, not a number.
        ("是“88战略”实施20周年。", "是“八八战略”实施20周年。"),
        # Formulations with a word changed or their words reordered (data: formulations.toml).
        ("坚持稳中有进工作总基调。", "坚持稳中求进工作总基调。"),
        (
            "主要领导对重大问题亲自过问、重要工作亲自部署、重点环节亲自协调。",
            "主要领导对重要工作亲自部署、重大问题亲自过问、重点环节亲自协调。",
        ),
        ("促进乡村宜居宜业、农业高质高效、农民富裕富足。", "促进农业高质高效、乡村宜居宜业、农民富裕富足。"),
        # Items named by ordinals go in their order.
        ("从事第三产业和第二产业活动的法人单位。", "从事第二产业和第三产业活动的法人单位。"),
        # One word of a long formulation swapped for an unlike one: remembered loosely.
        ("推动绿水青山也是金山银山实践创新。", "推动绿水青山就是金山银山实践创新。"),
        ("向第二个百年奋进目标进军。", "向第二个百年奋斗目标进军。"),
        # The abstract noun a formulation ends in exchanged for another of them.
        ("牢牢把握铸牢中华民族共同体理念这条主线。", "牢牢把握铸牢中华民族共同体意识这条主线。"),
        ("完整准确全面贯彻新发展观念。", "完整准确全面贯彻新发展理念。"),
        ("落实“立德树人”根本目标。", "落实“立德树人”根本任务。"),  # a wrong form with part of it quoted
        ("将习近平法制思想纳入学习计划。", "将习近平法治思想纳入学习计划。"),  # wrong wherever it stands
        ("毫不动摇支持、鼓励、引导民营经济发展。", "毫不动摇鼓励、支持、引导民营经济发展。"),
        ("推进惠农强农富农政策，实现乡村人才、产业、文化、生态、组织振兴。", "推进强农惠农富农政策，实现乡村产业、人才、文化、生态、组织振兴。"),
        ("统筹推进“四位一体”总体布局，坚持农业农村率先发展。", "统筹推进“五位一体”总体布局，坚持农业农村优先发展。"),
        ("2025年是“十三五”规划目标任务的收官之年。", "2025年是“十四五”规划目标任务的收官之年。"),
        ("超额完成了第三个五年计划，第五个五年计划一九七五年也将胜利完成。", "超额完成了第三个五年计划，第四个五年计划一九七五年也将胜利完成。"),
        ("我国的第二个五年计划的期间是从一九五三年到一九五七年。", "我国的第一个五年计划的期间是从一九五三年到一九五七年。"),
        # Names of principles and lines of their time; the start of reform and opening.
        ("坚持一个中国政策和“九二共识”，坚持四项基本方针。", "坚持一个中国原则和“九二共识”，坚持四项基本原则。"),
        ("执行多、好、快、省的方针。党的十一届六中全会以来，党和政府作出极大的努力。", "执行多、快、好、省的方针。党的十一届三中全会以来，党和政府作出极大的努力。"),
        ("县十五届人大常委会举行第44次会议。", "县十五届人大常委会举行第四十四次会议。"),
        ("召开依法治县委员会第5次会议、领导小组第2次会议。", "召开依法治县委员会第五次会议、领导小组第二次会议。"),
        # A local committee's plenum counted with 次; a term before its series of plenums or a
        # session; a plan's number before 开局.
        ("市委十二届3次全会上提出六个趋势。", "市委十二届三次全会上提出六个趋势。"),
        ("以党的十九大及19届系列全会精神为指引。", "以党的十九大及十九届系列全会精神为指引。"),
        ("已经盟人大工作委员会14届五次会议审议通过。", "已经盟人大工作委员会十四届五次会议审议通过。"),
        ("2021年是14五开局之年。", "2021年是十四五开局之年。"),
        ("建设“三好农村路”，实现“三个一百年”奋斗目标。", "建设“四好农村路”，实现“两个一百年”奋斗目标。"),
        ("坚持“三个凡是”。", "坚持“两个凡是”。"),
        # A series among the core terms in another order; a series written with 顿号 that the
        # canonical form writes without.
        ("持续深化放管结合、简政放权、优化服务。", "持续深化简政放权、放管结合、优化服务。"),
        ("坚持贴近生活、贴近实际、贴近群众。", "坚持贴近实际、贴近生活、贴近群众。"),
        ("营造了尊法、守法、学法、用法的浓厚氛围。", "营造了尊法、学法、守法、用法的浓厚氛围。"),
        # Names and phrases put right (held83's classes): a body renamed, a law replaced, a series of
        # two reversed, a word of a fixed phrase.
        ("联合街道平安办、工商所等部门开展宣传。", "联合街道平安办、市场监督管理所等部门开展宣传。"),
        ("宣讲食品卫生法等法律知识。", "宣讲食品安全法等法律知识。"),
        ("贯彻“预防为主、安全第一”的方针。", "贯彻“安全第一、预防为主”的方针。"),
        ("高举中国特色社会主义伟大红旗，向第三个百年奋斗目标进军。", "高举中国特色社会主义伟大旗帜，向第二个百年奋斗目标进军。"),
        ("以建设群众满意的服务型政府为目标。", "以建设人民满意的服务型政府为目标。"),
        # From the fourth batch: a central document's title, a body's name after the 2023 reform.
        ("落实《数字中国整体布局规划》要求。", "落实《数字中国建设整体布局规划》要求。"),
        ("2012年度，国家审计署对我县合作医疗进行审计。", "2012年度，审计署对我县合作医疗进行审计。"),
        ("坚持“四个至上”，守住不发生系统性返贫底线。", "坚持“两个至上”，守住不发生规模性返贫底线。"),
        # A numbered name's number beside the names written with it; a long name's numbers in
        # every place, and its other characters.
        ("增强“三个意识”、坚定“四个自信”、做到“两个维护”。", "增强“四个意识”、坚定“四个自信”、做到“两个维护”。"),
        ("开展五讲五美活动，抓好“三去一减一补”。", "开展五讲四美活动，抓好“三去一降一补”。"),
        # A name listed with its quotes is read in quotes; a quoted name with one word changed.
        ("实践“四个代表”重要思想，坚持“两个有利于”标准。", "实践“三个代表”重要思想，坚持“三个有利于”标准。"),
        # Formulations of the 20th congress and the party's centenary, a strategy's name.
        ("践行全方位人民民主，坚持以人民为主体的发展思想，弘扬伟大建国精神。", "践行全过程人民民主，坚持以人民为中心的发展思想，弘扬伟大建党精神。"),
        ("坚持“两个毫不犹豫”，走好“五个必经之路”，落实中央九项规定。", "坚持“两个毫不动摇”，走好“五个必由之路”，落实中央八项规定。"),
        # A national five-year plan: 计划 to the tenth, 规划 from the eleventh.
        ("第一个五年规划的方针已经知道。实施“十四五”计划。", "第一个五年计划的方针已经知道。实施“十四五”规划。"),
        # Slogans and formulations of their time, in their order and words.
        ("深入开展工业学大寨、农业学大庆的群众运动，坚持立党为民、执政为公。", "深入开展工业学大庆、农业学大寨的群众运动，坚持立党为公、执政为民。"),
        ("推进“三学一做”，抢抓京津冀协作发展机遇，全面实施“双随机双公开”监管。", "推进“两学一做”，抢抓京津冀协同发展机遇，全面实施“双随机、一公开”监管。"),
        ("坚持“绿色办奥、开放办奥、共享办奥、廉洁办奥”，发展新时代“枫桥精神”。", "坚持“绿色办奥、共享办奥、开放办奥、廉洁办奥”，发展新时代“枫桥经验”。"),
        ("推进供给侧结构性变革，打好污染防控攻坚战，坚持民族区域自主制度。", "推进供给侧结构性改革，打好污染防治攻坚战，坚持民族区域自治制度。"),
        # A number against the items listed beside it: quoted before it, or in brackets after.
        ("推动医共体“责任、管理、服务、利益”三个共同体建设。", "推动医共体“责任、管理、服务、利益”四个共同体建设。"),
        ("严格执行“五不放行”（不扫码登记、不接受检查、不收缴火种、不接受宣传教育不放行）制度。", "严格执行“四不放行”（不扫码登记、不接受检查、不收缴火种、不接受宣传教育不放行）制度。"),
        ("完善四个环节（任务安排、精细服务和经费结算）。", "完善三个环节（任务安排、精细服务和经费结算）。"),
        ("培育“五型”（政治型、思路型、学习型、能力型、服务型、务实型）领导班子。", "培育“六型”（政治型、思路型、学习型、能力型、服务型、务实型）领导班子。"),
        ("抓好中央生态环境保护督查反馈问题整改，动用预算稳定调解基金。", "抓好中央生态环境保护督察反馈问题整改，动用预算稳定调节基金。"),
        ("完成异地扶贫搬迁，发展“晋江经营”。", "完成易地扶贫搬迁，发展“晋江经验”。"),
        ("开展“四不三直”检查，打造“二好一满意”医院。", "开展“四不两直”检查，打造“三好一满意”医院。"),
        ("坚持稳中求胜工作总基调，开展“三下基层”活动。", "坚持稳中求进工作总基调，开展“四下基层”活动。"),
        ("国务院、党中央高度重视。", "党中央、国务院高度重视。"),
        ("在市政府、市委的正确领导下，县政府和县委高度重视。", "在市委、市政府的正确领导下，县委、县政府高度重视。"),
        ("坚持预防为主、安全第一、综合治理，建设宜业宜居和美乡村。", "坚持安全第一、预防为主、综合治理，建设宜居宜业和美乡村。"),
        ("推进巩固拓展脱贫攻坚成果同乡村振兴有机衔接。", "推进巩固拓展脱贫攻坚成果同乡村振兴有效衔接。"),
        # One sentence naming a session of one term with two numbers: the later is the stale one.
        ("通过了市四届人大四次会议主席团名单和市四届人大三次会议议程。", "通过了市四届人大四次会议主席团名单和市四届人大四次会议议程。"),
        ("根据县第十九届人民代表大会常务委员会第七次会议决定，县第十八届人民代表大会第二次会议召开。", "根据县第十九届人民代表大会常务委员会第七次会议决定，县第十九届人民代表大会第二次会议召开。"),
        ("全面、准确、完整贯彻新发展理念。", "完整、准确、全面贯彻新发展理念。"),
        # A series whose last item is joined by 和; more central series and names.
        ("不断提升老年人幸福感、获得感和安全感。", "不断提升老年人获得感、幸福感和安全感。"),
        ("履行好“为国守史、为党管档、为民服务”的职责，发挥“资政、存史、育人”作用。", "履行好“为党管档、为国守史、为民服务”的职责，发挥“存史、资政、育人”作用。"),
        ("落实“三个坚持、三个转变”新理念，踔厉奋发、勇敢前行。", "落实“两个坚持、三个转变”新理念，踔厉奋发、勇毅前行。"),
        ("解决群众最直接、最关心、最现实的问题，做到干净、忠诚、担当。", "解决群众最关心、最直接、最现实的问题，做到忠诚、干净、担当。"),
        ("引导产业工人跟党走、听党话，推动全面从严管党主体责任落实。", "引导产业工人听党话、跟党走，推动全面从严治党主体责任落实。"),
        ("一体推进“四不腐”，落实四个不摘要求，这是社会稳定和长治久安总方针的举措。", "一体推进“三不腐”，落实“四个不摘”要求，这是社会稳定和长治久安总目标的举措。"),
        ("中国共产党乌审旗第16届委员会第十一次全体会议召开。", "中国共产党乌审旗第十六届委员会第十一次全体会议召开。"),
        # A term in figures before the body it names (政协第11届全国委员会, 旗第15届人民政府).
        ("代表政协第11届全国委员会常务委员会，代表旗第15届人民政府。", "代表政协第十一届全国委员会常务委员会，代表旗第十五届人民政府。"),
        ("全面推进政治、经济、文化、社会、生态文明建设，学习习近平法治理念。", "全面推进经济、政治、文化、社会、生态文明建设，学习习近平法治思想。"),
        # The Nth party congress elects the Nth committee: a plenum of another term named with it.
        ("落实市第十四次党代会、市委十三届二次全会部署。", "落实市第十四次党代会、市委十四届二次全会部署。"),
        ("落实中央八条规定精神。", "落实中央八项规定精神。"),
        # Abbreviations published reports quote (nearly) everywhere: 三品一标, 两新 (and 两新组织 is
        # another name), 三保 (and 三保障 another).
        ("推进三品一标建设，落实两新政策，兜牢三保底线。", "推进“三品一标”建设，落实“两新”政策，兜牢“三保”底线。"),
        # National strategies and campaigns with words swapped or changed; the thought without 思想.
        (
            "坚持以习近平新时代中国特色社会主义为指导，开行西部海陆新通道班列，常态化开展除恶扫黑斗争，落实党政共责，推进海南自由贸易区建设。",
            "坚持以习近平新时代中国特色社会主义思想为指导，开行西部陆海新通道班列，常态化开展扫黑除恶斗争，落实党政同责，推进海南自由贸易港建设。",
        ),
        # Fixed names of the rule of law: 第一责任人, 一规划两纲要; the 普法 plans in Chinese numerals.
        (
            "履行推进法治建设第一负责人职责，完成“一规划一纲要”中期评估，通过“8五”普法验收，胸怀“两个全局”。",
            "履行推进法治建设第一责任人职责，完成“一规划两纲要”中期评估，通过“八五”普法验收，胸怀“两个大局”。",
        ),
        ("扎实推进中国特色现代化。", "扎实推进中国式现代化。"),
        ("坚决做到“2个维护”，严格落实3会1课制度。", "坚决做到“两个维护”，严格落实三会一课制度。"),
        ("学习《习近平谈治国理政》第4卷。", "学习《习近平谈治国理政》第四卷。"),
        ("扎实做好三农工作。", "扎实做好“三农”工作。"),
        ("坚持以新时代中国特色社会主义思想为指导。", "坚持以习近平新时代中国特色社会主义思想为指导。"),
        ("坚持以新时代社会主义思想为指导。", "坚持以习近平新时代中国特色社会主义思想为指导。"),
        ("编制第15个五年规划，深刻领会“10个明确”。", "编制第十五个五年规划，深刻领会“十个明确”。"),
        ("坚决做到“两个确定”，增强“四种意识”，推进从严全面治党。", "坚决做到“两个确立”，增强“四个意识”，推进全面从严治党。"),
        ("坚持以人民为核心的发展思想。", "坚持以人民为中心的发展思想。"),
        # Fixed series in their order; a name's words swapped.
        ("增强道路自信、制度自信、理论自信、文化自信。", "增强道路自信、理论自信、制度自信、文化自信。"),
        ("一体推进不敢腐、不想腐、不能腐。", "一体推进不敢腐、不能腐、不想腐。"),
        ("坚持国家总体安全观，统筹安全和发展。", "坚持总体国家安全观，统筹发展和安全。"),
        ("紧密团结在以习近平为核心的党中央周围。", "紧密团结在以习近平同志为核心的党中央周围。"),
        ("用习近平新时代中国特色社会思想武装头脑。", "用习近平新时代中国特色社会主义思想武装头脑。"),
        ("执行《中国共产党纪律处分条列》。", "执行《中国共产党纪律处分条例》。"),
        ("持续筑牢中华民族共同体意识。", "持续铸牢中华民族共同体意识。"),
        ("开展“不忘初心，牢记使命”主题教育。", "开展“不忘初心、牢记使命”主题教育。"),
        ("坚定不移走中国特色社会主义道理。", "坚定不移走中国特色社会主义道路。"),  # 简拼 dl
        ("深入学习贯彻生态文明思想，建设美丽家园。", "深入学习贯彻习近平生态文明思想，建设美丽家园。"),
        ("坚持以法治思想为指导。", "坚持以习近平法治思想为指导。"),
        ("严格落实中央八项规定及其实施细责精神。", "严格落实中央八项规定及其实施细则精神。"),
        # Shortened or altered full names of common formulations (data, formulations.toml).
        ("坚持以供给侧结构改革为主线。", "坚持以供给侧结构性改革为主线。"),
        # 稳中求进总基调 is a short form published reports write (accepted).
        ("坚持稳中求进工作主基调。", "坚持稳中求进工作总基调。"),
        ("深入实施创新驱动展战略。", "深入实施创新驱动发展战略。"),
        ("一体推进不敢腐、不能腐、不愿腐。", "一体推进不敢腐、不能腐、不想腐。"),
        # Words of a formulation swapped, or a word of three or four left out inside a long name.
        ("推动从严全面治党向纵深发展。", "推动全面从严治党向纵深发展。"),
        ("始终牢记初心、不忘使命。", "始终不忘初心、牢记使命。"),
        ("深入学习贯彻习近平新时代中国特色思想。", "深入学习贯彻习近平新时代中国特色社会主义思想。"),
        ("开启全面建设现代化国家新征程。", "开启全面建设社会主义现代化国家新征程。"),
        # A fixed series in another order: found by its characters, no wrong form listed.
        ("坚持生命至上、人民至上。", "坚持人民至上、生命至上。"),
        ("提升防灾救灾减灾能力。", "提升防灾减灾救灾能力。"),
        ("培养德智美体劳全面发展的建设者。", "培养德智体美劳全面发展的建设者。"),
        ("坚持学原文、读原著、悟原理。", "坚持读原著、学原文、悟原理。"),
        ("打好疫情防控人民战争、阻击战、总体战。", "打好疫情防控人民战争、总体战、阻击战。"),
        # Swapped terms of one pair; a word of a formulation replaced.
        ("坚持“外防输入、内防反弹”总方针。", "坚持“外防输入、内防反弹”总策略。"),
        ("扎实做好“六保”工作。", "扎实做好“六稳”工作。"),
        ("坚持稳中求进工作总要求。", "坚持稳中求进工作总基调。"),
        ("深入贯彻习近平法制思想。", "深入贯彻习近平法治思想。"),
        ("严格落实“一岗两责”。", "严格落实“一岗双责”。"),
        ("新增“专特精新”企业2家。", "新增“专精特新”企业2家。"),
        # Terms of central formulations replaced; a plenum named after the congress.
        ("扎实推进“五位一体”战略布局。", "扎实推进“五位一体”总体布局。"),
        ("严格落实“三个不摘”要求。", "严格落实“四个不摘”要求。"),
        ("深刻领悟“两个确立”的重要意义。", "深刻领悟“两个确立”的决定性意义。"),
        ("贯彻党的二十大和二十大二中全会精神。", "贯彻党的二十大和二十届二中全会精神。"),
        ("坚持团结稳疆、依法治疆、文化润疆、富民兴疆、长期建疆。", "坚持依法治疆、团结稳疆、文化润疆、富民兴疆、长期建疆。"),
        # A series of words written with commas.
        ("坚持创新，协调，绿色，开放，共享的发展理念。", "坚持创新、协调、绿色、开放、共享的发展理念。"),
        ("坚持创新，协调、绿色、开放、共享的发展理念，梳理法律，法规、规章。", "坚持创新、协调、绿色、开放、共享的发展理念，梳理法律、法规、规章。"),  # one comma
        # The Central Committee's plenum is a 中全会; a people's congress holds a 会议.
        ("贯彻党的二十大、二十届二次全会精神。", "贯彻党的二十大、二十届二中全会精神。"),
        ("学习贯彻党的二十届第三次全会精神。", "学习贯彻党的二十届三中全会精神。"),  # by its count
        ("完成县第十七届人民代表大会第五次全会确定的任务。", "完成县第十七届人民代表大会第五次会议确定的任务。"),
        # A local committee's plenum is a 次全会, never a 中全会.
        ("落实省委十二届四中全会部署。", "落实省委十二届四次全会部署。"),
        ("学习自治区党委十一届八中全会精神。", "学习自治区党委十一届八次全会精神。"),
        # Each number of a list of a body's meetings.
        ("召开全面依法治市委员会第3、第4次会议。", "召开全面依法治市委员会第三、第四次会议。"),
        # A plenum of a commission for discipline inspection and a national census, in figures.
        ("围绕十九届中央纪委5次全会重点任务。", "围绕十九届中央纪委五次全会重点任务。"),
        ("高度重视第5次全国经济普查，运用第3次全国国土调查成果。", "高度重视第五次全国经济普查，运用第三次全国国土调查成果。"),
        # 二十 with its digits swapped; a congress's spirit named by its Central Committee's term.
        ("切实把思想和行动统一到党的十二大精神上来。", "切实把思想和行动统一到党的二十大精神上来。"),
        ("2023年是全面贯彻落实党的二十届精神的开局之年。", "2023年是全面贯彻落实党的二十大精神的开局之年。"),
        # Digits naming a strategy or a plan are quoted, as published reports write every one.
        ("紧紧围绕532发展战略，深入实施工业强市6543计划。", "紧紧围绕“532”发展战略，深入实施工业强市“6543”计划。"),
        # ... and a quoted slogan of a count and a short word takes a Chinese numeral.
        ("加快“5个中心”建设，打造“3大高地”，实现“2个确保”。", "加快“五个中心”建设，打造“三大高地”，实现“两个确保”。"),
        # ... and a run of years quoted as a name.
        ("全市粮食生产实现“6连丰”。", "全市粮食生产实现“六连丰”。"),
        # The ninth batch: a holiday's numbers, a state policy, a campaign's and an assault's names.
        ("对即将来临的38妇女节系列活动提出意见，加大男女平等基本政策的宣传。", "对即将来临的三八妇女节系列活动提出意见，加大男女平等基本国策的宣传。"),
        ("夺取扫黑除恶专项行动全面胜利，推动出台深入打赢污染防治攻坚战的意见。", "夺取扫黑除恶专项斗争全面胜利，推动出台深入打好污染防治攻坚战的意见。"),
        ("坚决做到“两个确立”，将党的领导贯穿全过程。", "坚决做到“两个维护”，将党的领导贯穿全过程。"),
        ("这是构建和谐社会主义社会的要求。", "这是构建社会主义和谐社会的要求。"),
        ("我代表政协第10届杭州市委员会常务委员会向大会报告工作。", "我代表政协第十届杭州市委员会常务委员会向大会报告工作。"),
        ("这是把握新发展理念、新发展阶段、新发展格局的创新之年。", "这是把握新发展阶段、新发展理念、新发展格局的创新之年。"),
        # ... and the digits among an abbreviation's characters, quoted or not.
        ("开展3清5改村庄清洁行动，推进“5水共治”。", "开展三清五改村庄清洁行动，推进“五水共治”。"),
        ("全面推行“4议2公开”工作法。", "全面推行“四议两公开”工作法。"),
        # The country's name; names and formulations with their usual slips.
        ("2024年是中国人民共和国成立75周年。", "2024年是中华人民共和国成立75周年。"),
        ("培育国家级专精特新小巨人企业2家。", "培育国家级专精特新“小巨人”企业2家。"),
        ("听取审议一府两院工作报告18个。", "听取审议“一府两院”工作报告18个。"),
        ("坚决守住不发生规模化返贫底线。", "坚决守住不发生规模性返贫底线。"),
        ("推动高质量发展，创造高质量生活，实现高效能治理。", "推动高质量发展，创造高品质生活，实现高效能治理。"),
        ("实现“有备必审、有件必备、有错必纠”。", "实现“有件必备、有备必审、有错必纠”。"),
        ("高质量承接北京非首都职能疏解，锚定“走在前、开新篇”。", "高质量承接北京非首都功能疏解，锚定“走在前、开新局”。"),
        ("学习《中华人民共和国全国人民代表大会和地方人民代表大会代表法》。", "学习《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》。"),
        ("坚持和发展新时期枫桥经验，强化群众“四个认同”。", "坚持和发展新时代“枫桥经验”，强化群众“五个认同”。"),
        ("也是第10届盘龙区政协履职关键之年，积极融入成渝双城经济圈建设。", "也是第十届盘龙区政协履职关键之年，积极融入成渝地区双城经济圈建设。"),
        ("坚持以“公开为原则、不公开为例外”原则，执行《宁夏自治区政府信息公开申请办理规范》。", "坚持以“公开为常态、不公开为例外”原则，执行《宁夏回族自治区政府信息公开申请办理规范》。"),
        ("以百千万工程为抓手。", "以“百千万工程”为抓手。"),  # not the 千万工程 inside it
        # Names of documents and bodies, and formulations another one's words crept into.
        ("对照《党政主要负责人履行推进法治建设第一责任人职责条例》述法。", "对照《党政主要负责人履行推进法治建设第一责任人职责规定》述法。"),
        ("贯彻《法治政府建设实施方案（2021—2025年）》。", "贯彻《法治政府建设实施纲要（2021—2025年）》。"),
        ("主动接受“一府两委两院”的监督。", "主动接受“一府一委两院”的监督。"),
        ("增强中华民族命运共同体意识。", "增强中华民族共同体意识。"),
        ("领悟“两个维护”的决定性意义。", "领悟“两个确立”的决定性意义。"),
        ("推动县域经济高质发展。", "推动县域经济高质量发展。"),
        ("围绕团结和民主三大主题，坚持建言献策和凝聚共识双向发力。", "围绕团结和民主两大主题，坚持建言资政和凝聚共识双向发力。"),
        ("推行党组织领导下的校长负责制，落实全面从严治党主要责任。", "推行党组织领导的校长负责制，落实全面从严治党主体责任。"),
        ("统筹推进“四大振兴”。", "统筹推进“五大振兴”。"),
        ("深入开展扫黄打非专项行动，增进五个认同。", "深入开展“扫黄打非”专项行动，增进“五个认同”。"),
        # A word replaced in a central formulation, a numbered name with another number, a
        # fixed series out of order.
        ("坚持稳中求进工作总方针。", "坚持稳中求进工作总基调。"),
        ("认真落实中央八项规定及其实施办法精神。", "认真落实中央八项规定及其实施细则精神。"),
        ("增强“四个意识”，做到“四个维护”。", "增强“四个意识”，做到“两个维护”。"),
        ("在决胜全面建设小康社会进程中取得决定性成就。", "在决胜全面建成小康社会进程中取得决定性成就。"),
        ("高举习近平新时代中国特色社会主义理论伟大旗帜。", "高举习近平新时代中国特色社会主义思想伟大旗帜。"),
        ("推动形成共治共建共享的基层治理格局。", "推动形成共建共治共享的基层治理格局。"),
        ("坚持科学治污、精准治污、依法治污。", "坚持精准治污、科学治污、依法治污。"),
        ("严格按照“一岗双责、党政同责”要求，落实立德树人根本目标。", "严格按照“党政同责、一岗双责”要求，落实立德树人根本任务。"),
        # Plenums listed out of the order they were held; a congress and another term's plenums.
        ("贯彻党的十九大和十九届二中、四中、三中全会精神。", "贯彻党的十九大和十九届二中、三中、四中全会精神。"),
        ("以党的十九大和十八届历次全会精神为指导。", "以党的十九大和十九届历次全会精神为指导。"),
        # A plan or a congress the sentence's own year contradicts: last year's report copied.
        ("2025年是“十三五”收官之年、“十五五”谋划之年。", "2025年是“十四五”收官之年、“十五五”谋划之年。"),
        ("2021年是建党100周年，也是“十三五”开局之年。", "2021年是建党100周年，也是“十四五”开局之年。"),
        ("刚刚过去的2023年，是贯彻党的十九大精神的开局之年。", "刚刚过去的2023年，是贯彻党的二十大精神的开局之年。"),
        ("2017年是党的十八大胜利召开之年。", "2017年是党的十九大胜利召开之年。"),
        ("2024年，全县深入贯彻党的十九大精神。", "2024年，全县深入贯彻党的二十大精神。"),
        # A numeral changed in a numbered name, a word swapped in a central formulation.
        ("锚定“四高四新”蓝图，把握“三新两高”导向，适逢“三个大局”交织。", "锚定“三高四新”蓝图，把握“三新一高”导向，适逢“两个大局”交织。"),
        ("做好“六稳”“五保”工作，以推动高质量发展为主线。", "做好“六稳”“六保”工作，以推动高质量发展为主题。"),
        ("抓好六稳六保工作。", "抓好“六稳”“六保”工作。"),  # two quoted names side by side, each bare
        # 两个维护 names 习近平总书记, 两个确立 习近平同志: each written with the other's.
        ("坚决维护习近平同志党中央的核心、全党的核心地位。", "坚决维护习近平总书记党中央的核心、全党的核心地位。"),
        ("确立习近平总书记党中央的核心、全党的核心地位。", "确立习近平同志党中央的核心、全党的核心地位。"),
        ("坚持稳中有进的工作总基调和以人民为中心的发展理念。", "坚持稳中求进工作总基调和以人民为中心的发展思想。"),
        ("围绕“建好、护好、管好、运营好”四个方面。", "围绕“建好、管好、护好、运营好”四个方面。"),
        ("坚定“三个自信”，按照“五个全面”战略布局，统筹发展和稳定。", "坚定“四个自信”，按照“四个全面”战略布局，统筹发展和安全。"),
        ("围绕目标，促改革、稳增长、调结构、惠民生、防风险。", "围绕目标，稳增长、促改革、调结构、惠民生、防风险。"),
        # A wrong form is mended within the name, whatever follows it.
        ("巩固扩大脱贫攻坚成果同乡村振兴有效衔接。", "巩固拓展脱贫攻坚成果同乡村振兴有效衔接。"),
        ("落实京津冀一体化发展战略，做到疫情要防住、经济要稳定、发展要安全。", "落实京津冀协同发展战略，做到疫情要防住、经济要稳住、发展要安全。"),
        # 政务公开 and 普法 phrases; quotes on the abbreviation only; a congress counted by 次.
        ("坚持“以公开为常态、不公开为特例”原则，获评全国八五普法先进单位。", "坚持“以公开为常态、不公开为例外”原则，获评全国“八五”普法先进单位。"),
        ("实施“十四五规划”，贯彻党的第二十大和二十届历届全会精神。", "实施“十四五”规划，贯彻党的二十大和二十届历次全会精神。"),
        ("发挥管大局、把方向、保落实作用，带头学法尊法守法用法。", "发挥把方向、管大局、保落实作用，带头尊法学法守法用法。"),
        # A congress's session in figures (GB/T 15835—2011 4.2.3).
        ("县第十八届人民代表大会第3次会议开幕，县政协十届第2次会议召开。", "县第十八届人民代表大会第三次会议开幕，县政协十届第二次会议召开。"),
        # A theory named after 习近平 that is none of them: the one sharing most characters; the
        # party's guiding ideologies by their names; a five-year plan's and 九二共识's numbers.
        ("贯彻习近平军事思想，获批习近平新时代文化思想研究中心。", "贯彻习近平强军思想，获批习近平文化思想研究中心。"),
        ("坚持毛泽东思想、邓小平思想。", "坚持毛泽东思想、邓小平理论。"),
        ("一九九一年是第8个五年计划的头一年，认同“92共识”。", "一九九一年是第八个五年计划的头一年，认同“九二共识”。"),
        # Names a clerk misremembers: of the guiding ideology, a congress's committee, a meeting,
        # a slogan, a strategy, a zone's kind, public power.
        ("落实科学发展理论，坚决捍卫“两个树立”，提请全国人大常务会审议。", "落实科学发展观，坚决捍卫“两个确立”，提请全国人大常委会审议。"),
        ("领会全国经济工作会议精神，坚持房子是用来住的、不是用来炒作的定位，推进军民融汇。", "领会中央经济工作会议精神，坚持房子是用来住的、不是用来炒的定位，推进军民融合。"),
        ("推动自贸实验区优化布局，让权利在阳光下运行。", "推动自贸试验区优化布局，让权力在阳光下运行。"),
        ("加快推进农村农业现代化。", "加快推进农业农村现代化。"),  # two characters of a set phrase exchanged
        # Meetings, systems and bodies by their names.
        ("学习中央农业工作会议和全国教育工作大会精神，推动新老动能转换。", "学习中央农村工作会议和全国教育大会精神，推动新旧动能转换。"),
        ("参加新农村合作医疗，实施公路生命安全防护工程，团中央秘书处。", "参加新型农村合作医疗，实施公路安全生命防护工程，团中央书记处。"),
        ("成立村务监察委员会，树立社会主义荣耻观，推进非物资文化遗产保护。", "成立村务监督委员会，树立社会主义荣辱观，推进非物质文化遗产保护。"),
        ("深入实施科技兴国战略，推进京津冀协调发展，落实中央经济会议部署。", "深入实施科教兴国战略，推进京津冀协同发展，落实中央经济工作会议部署。"),
        ("打好蓝天、净土、碧水保卫战。", "打好蓝天、碧水、净土保卫战。"),
        ("统筹推进社会建设和生态建设，坚持人民城市为人民，人民城市人民建。", "统筹推进社会建设和生态文明建设，坚持人民城市人民建、人民城市为人民。"),
        # Lists of the core values, of 三去一降一补, of 有理想 … in their order; names always quoted.
        ("践行富强、文明、民主、和谐，推进去库存、去产能、去杠杆、降成本、补短板。", "践行富强、民主、文明、和谐，推进去产能、去库存、去杠杆、降成本、补短板。"),
        ("做有理想、有担当、有本领的青年，坚持九二共识，反对一中一台，推进县管校聘。", "做有理想、有本领、有担当的青年，坚持“九二共识”，反对“一中一台”，推进“县管校聘”。"),
        # The lines and programmes of earlier years in their order and words.
        ("进行国民经济的调整、整顿、改革、提高，提出了整顿经济环境、治理经济秩序的方针。", "进行国民经济的调整、改革、整顿、提高，提出了治理经济环境、整顿经济秩序的方针。"),
        ("执行党在社会主义初步阶段的基本路线，在和平共处五条原则的基础上发展关系。", "执行党在社会主义初级阶段的基本路线，在和平共处五项原则的基础上发展关系。"),
        ("实现经济又快又好发展。", "实现经济又好又快发展。"),  # the order of 2006 on
        # A wrong form that holds the canonical one; a term of the Central Committee with no plenum.
        ("坚持以科学发展观念统领经济社会发展全局。", "坚持以科学发展观统领经济社会发展全局。"),
        ("认真学习贯彻党的十七届精神。", "认真学习贯彻党的十七大精神。"),
        ("2020年是全面建成小康社会、实现第二个百年奋斗目标的关键之年。", "2020年是全面建成小康社会、实现第一个百年奋斗目标的关键之年。"),
        ("继续做好“五稳”、“六保”工作，始终遵循“巩固、提升、增强、畅通”八字方针。", "继续做好“六稳”、“六保”工作，始终遵循“巩固、增强、提升、畅通”八字方针。"),
        ("坚持以群众为中心，实行“港人自治”，推动构建人类发展共同体，港澳珠大桥通车。", "坚持以人民为中心，实行“港人治港”，推动构建人类命运共同体，港珠澳大桥通车。"),
        # A year called a year of an early five-year plan, in full-width digits too.
        ("１９５６年是我国发展国民经济的第二个五年计划的第四年。", "１９５６年是我国发展国民经济的第一个五年计划的第四年。"),
        ("1983年是第七个五年计划的第三年，２０２５年是“十三五”收官之年。", "1983年是第六个五年计划的第三年，２０２５年是“十四五”收官之年。"),
        # Carrying out one plan and drawing up another: the next one.
        ("2010年是实施“十一五”规划、谋划“十三五”规划的关键一年。", "2010年是实施“十一五”规划、谋划“十二五”规划的关键一年。"),
        # A year called a stage inside a plan: the plan it falls in.
        ("2025年是“十三五”决胜之年，也是“十五五”规划编制之年。", "2025年是“十四五”决胜之年，也是“十五五”规划编制之年。"),
        ("2023年是实施\"十三五\"规划承上启下的关键一年。", "2023年是实施\"十四五\"规划承上启下的关键一年。"),
        # A plan period and the congress it reached; a plenum and the plan it proposed or the
        # decision it adopted; a congress and the formulation it put forward.
        ("“十五”时期特别是党的十七大以来的实践，深化了认识。", "“十五”时期特别是党的十六大以来的实践，深化了认识。"),
        (
            "根据党的十六届五中全会精神和中共河北省委《关于制定国民经济和社会发展第十个五年计划的建议》，",
            "根据党的十五届五中全会精神和中共河北省委《关于制定国民经济和社会发展第十个五年计划的建议》，",
        ),
        (
            "二十届三中全会审议通过的《中共中央关于制定国民经济和社会发展第十五个五年规划的建议》",
            "二十届四中全会审议通过的《中共中央关于制定国民经济和社会发展第十五个五年规划的建议》",
        ),
        (
            "党的十九届三中全会通过的《中共中央关于全面深化改革若干重大问题的决定》",
            "党的十八届三中全会通过的《中共中央关于全面深化改革若干重大问题的决定》",
        ),
        ("党的十九大，开启了以中国式现代化全面推进中华民族伟大复兴的新征程。", "党的二十大，开启了以中国式现代化全面推进中华民族伟大复兴的新征程。"),
        ("党的十八大作出中国特色社会主义进入新时代的重大政治论断。", "党的十九大作出中国特色社会主义进入新时代的重大政治论断。"),
        # The year of a congress's spirit and of a plan, with no year written; the plenum that
        # plans the next five years; the demand side named for the supply side.
        ("今年是全面贯彻党的十五大精神的第一年，是实施“十五”计划的关键一年。", "今年是全面贯彻党的十六大精神的第一年，是实施“十五”计划的关键一年。"),
        ("党的二十届三中全会对未来五年我国经济社会发展作出顶层设计。", "党的二十届四中全会对未来五年我国经济社会发展作出顶层设计。"),
        ("（二）深化需求侧结构性改革，推动制造业高质量发展。", "（二）深化供给侧结构性改革，推动制造业高质量发展。"),
        # An anniversary counted from the year it is (新中国 1949, the party 1921, 改革开放 1978).
        ("2019年是新中国成立60周年，2021年是中国共产党成立一百零一周年。", "2019年是新中国成立70周年，2021年是中国共产党成立一百周年。"),
        ("1999年，我们将隆重庆祝新中国成立四十周年。", "1999年，我们将隆重庆祝新中国成立五十周年。"),
        ("一九九九年是新中国成立四十周年，二〇二五年是“十三五”收官之年。", "一九九九年是新中国成立五十周年，二〇二五年是“十四五”收官之年。"),
        # The plans' roles said as verbs, two things the year does.
        ("2025年是“十三五”规划冲刺收官、“十六五”规划谋篇布局的关键之年。", "2025年是“十四五”规划冲刺收官、“十五五”规划谋篇布局的关键之年。"),
        # Formulations of the 1980s to the 2010s, their words and order.
        ("坚持以邻为善、与邻为伴的方针，发展团结、平等、互助的民族关系。", "坚持与邻为善、以邻为伴的方针，发展平等、团结、互助的民族关系。"),
        ("坚持质量第一、效率优先，作为联合国安全委员会常任理事国。", "坚持质量第一、效益优先，作为联合国安全理事会常任理事国。"),
        ("完善“米袋子”市长负责制，贯彻计划经济为辅、市场调节为辅的原则。", "完善“米袋子”省长负责制，贯彻计划经济为主、市场调节为辅的原则。"),
        # Series of the 十七大 to the 二十大 out of their order.
        ("打好防范化解重大风险、污染防治、精准脱贫三大攻坚战，坚持党委领导、政府负责、公众参与、社会协同。", "打好防范化解重大风险、精准脱贫、污染防治三大攻坚战，坚持党委领导、政府负责、社会协同、公众参与。"),
        # Names no other number makes a name of.
        ("坚持和平共处四项原则，按照“三严两实”要求。", "坚持和平共处五项原则，按照“三严三实”要求。"),
        # A plan named of the economy, as the older reports did: 计划 up to the tenth.
        ("这是发展国民经济的第六个五年规划。", "这是发展国民经济的第六个五年计划。"),
        # Series of central documents out of their order.
        ("推进政策沟通、贸易畅通、设施联通、资金融通、民心相通。", "推进政策沟通、设施联通、贸易畅通、资金融通、民心相通。"),
        ("坚持集体领导、民主集中、会议决定、个别酝酿的原则。", "坚持集体领导、民主集中、个别酝酿、会议决定的原则。"),
        # Guidelines and slogans of every period, their order and their words.
        ("贯彻调整、充实、巩固、提高的方针，同民主党派长期共存、相互监督。", "贯彻调整、巩固、充实、提高的方针，同民主党派长期共存、互相监督。"),
        ("坚持以粮为纲，全面发展，提倡晚育晚婚，少生优生。", "坚持以粮为纲，全面发展，提倡晚婚晚育，少生优生。"),
        ("贯彻以工业为基础，以工业为主导的总方针。", "贯彻以农业为基础，以工业为主导的总方针。"),
        ("始终代表中国先进文化的发展方向，坚持效率优先、兼顾公平。", "始终代表中国先进文化的前进方向，坚持效率优先、兼顾公平。"),
        ("推动中国制造向中国创造转变、中国速度向中国质量转变、中国产品向品牌转变。", "推动中国制造向中国创造转变、中国速度向中国质量转变、中国产品向中国品牌转变。"),
        ("坚持依法治国、依法行政、依法执政共同推进，实现学有所教、劳有所得、老有所养、病有所医、住有所居。", "坚持依法治国、依法执政、依法行政共同推进，实现学有所教、劳有所得、病有所医、老有所养、住有所居。"),
        ("坚持公有制为主导、多种所有制经济共同发展，贯彻安全第一、预防为主、综合管理的方针。", "坚持公有制为主体、多种所有制经济共同发展，贯彻安全第一、预防为主、综合治理的方针。"),
        ("培育爱国、诚信、敬业、友善的公民，落实“七个精准”，统筹“两新一重”。", "培育爱国、敬业、诚信、友善的公民，落实“六个精准”，统筹“两新一重”。"),
        # One item of a fixed series changed: a slip of sound or shape, or a short item of a long series.
        ("贯彻创新、协调、绿色、开发、共享的新发展理念。", "贯彻创新、协调、绿色、开放、共享的新发展理念。"),
        ("贯彻创新、协调、绿色、开放、共赢的新发展理念。", "贯彻创新、协调、绿色、开放、共享的新发展理念。"),
        ("做到早发现、早报告、早格离、早治疗。", "做到早发现、早报告、早隔离、早治疗。"),
        ("不断增强人民群众的获得感、幸福感和安权感。", "不断增强人民群众的获得感、幸福感和安全感。"),
        # The national congress's full name; a standing committee's name half full, half short.
        ("学习中国共产党第二十次代表大会精神，向全国人民代表大会常委会报告。", "学习中国共产党第二十次全国代表大会精神，向全国人民代表大会常务委员会报告。"),
        # Short names published reports write in quotes, before the words they name.
        ("推进两重建设，践行两山理念，打好三北工程攻坚战，遏制两高项目，实施人工智能+行动。", "推进“两重”建设，践行“两山”理念，打好“三北”工程攻坚战，遏制“两高”项目，实施“人工智能+”行动。"),
        ("深化双招双引，促进三医协同发展和治理。", "深化“双招双引”，促进“三医”协同发展和治理。"),
        # A word of a long formulation of the 二十大 put for a like one.
        ("构建以国内大循环为主体、国内国际双循环相互推动的新发展格局，以中国式现代化全面推动中华民族伟大复兴。", "构建以国内大循环为主体、国内国际双循环相互促进的新发展格局，以中国式现代化全面推进中华民族伟大复兴。"),
        # Names of bodies and of the courts' and 政协's formulations; a congress quoted or called a
        # 代表大会 without 全国; a plenum called a 会议; bodies out of their order of precedence.
        ("在“一府二院”支持下，紧扣公正与效率主题，为人民司法、为大局服务。", "在“一府两院”支持下，紧扣“公正与效率”主题，为大局服务、为人民司法。"),
        ("庆祝中国人民政治协商委员会成立75周年，履行民主监督、政治协商、参政议政职能。", "庆祝中国人民政治协商会议成立75周年，履行政治协商、民主监督、参政议政职能。"),
        ("落实最高人民法院部署，是决战全面建成小康社会之年，结合党的群众路线实践教育活动。", "落实最高人民法院部署，是决胜全面建成小康社会之年，结合党的群众路线教育实践活动。"),
        ("贯彻党的“十八大”和二十届三中会议精神，学习党的第二十次代表大会精神。", "贯彻党的十八大和二十届三中全会精神，学习党的第二十次全国代表大会精神。"),
        ("在县政协、县人大的监督支持下，贯彻总体国家安全观念。", "在县人大、县政协的监督支持下，贯彻总体国家安全观。"),
        # Levels listed with 顿号 from the widest down; with 和 or 乃至 a report climbs on purpose.
        ("贯彻落实全省、全国信访工作会议精神，领跑全省和全国同类城市，在全县、全市乃至全省领先。", "贯彻落实全国、全省信访工作会议精神，领跑全省和全国同类城市，在全县、全市乃至全省领先。"),
        # A short name at the paragraph's very start; a coined name of numbered parts.
        ("十二五时期，围绕一城三线四业五区创业富民战略。", "“十二五”时期，围绕“一城三线四业五区”创业富民战略。"),
        ("九五期间和十五计划时期。", "“九五”期间和“十五”计划时期。"),
        ("“6五”计划超额完成，落实新时代党的治藏方针。", "“六五”计划超额完成，落实新时代党的治藏方略。"),
        ("建设4个现代化，守正创新、先破后立，推动两新18条措施，坚持权力平等、机会平等、规则平等。", "建设四个现代化，守正创新、先立后破，推动“两新”18条措施，坚持权利平等、机会平等、规则平等。"),
        ("中国共产党第十三届全国代表大会确定了战略。", "中国共产党第十三次全国代表大会确定了战略。"),
        ("根据互相尊重主权和领土完整、互不干涉内政、互不侵犯、平等互利、和平共处五项原则。", "根据互相尊重主权和领土完整、互不侵犯、互不干涉内政、平等互利、和平共处五项原则。"),
        ("现在，我代表县人大常委会，向大会报告工作请予审议。", "现在，我代表县人大常委会，向大会报告工作，请予审议。"),
        ("让人民群众在每一个司法案件中感觉到公平正义，依法行使立法权、决定权、监督权、任免权。", "让人民群众在每一个司法案件中感受到公平正义，依法行使立法权、监督权、决定权、任免权。"),
        ("推动四大检察全面协调充分发展。", "推动“四大检察”全面协调充分发展。"),
        # A session with the body after it; the national congress called an X次大会.
        ("区九届二次人大会议闭幕后，认真贯彻党的十九次大会精神。", "区九届人大二次会议闭幕后，认真贯彻党的十九大精神。"),
        # A congress's session called like a plenum; the last plenum of a list written like a local one's.
        ("完成县十五届人大四中会议确定的任务，贯彻十九届二中、三中、四次全会精神。", "完成县十五届人大四次会议确定的任务，贯彻十九届二中、三中、四中全会精神。"),
        ("贯彻党的十九大和十九届二中三中四中全会精神。", "贯彻党的十九大和十九届二中、三中、四中全会精神。"),  # run together
        # The Central Committee's plenum called a session; a congress's session called a plenum; a
        # meeting's number in figures after its term.
        ("学习党的十八届三次会议精神，完成县十三届人民代表大会四中全会和区委十二届3次会议确定的任务。", "学习党的十八届三中全会精神，完成县十三届人民代表大会四次会议和区委十二届三次会议确定的任务。"),
        # A session numbered before the term; a plenum after the congress; a local people's congress
        # numbered by 次; a term's 精神 with no plenum.
        ("贯彻县委九次三届全体（扩大）会议和市委第十二次六届全会精神。", "贯彻县委九届三次全体（扩大）会议和市委第十二届六次全会精神。"),
        ("学习党的十六大五中全会精神，县第十四次人民代表大会第一次会议以来。", "学习党的十六届五中全会精神，县第十四届人民代表大会第一次会议以来。"),
        ("把中国妇女十一届精神作为一项重要任务。", "把中国妇女十一大精神作为一项重要任务。"),
        # 届 and 次 swapped around 人大; the Party's congress called short with 第.
        ("完成了镇三次人大二届会议确定的目标任务。", "完成了镇三届人大二次会议确定的目标任务。"),
        ("中共第十六大提出，发展是执政兴国的第一要务。", "中共十六大提出，发展是执政兴国的第一要务。"),
        # Names of the Party's line and of policies shortened or reworded; fixed series reordered.
        ("以经济发展为中心，抓好精确扶贫。", "以经济建设为中心，抓好精准扶贫。"),
        ("弘扬“博爱、人道、奉献”的红十字精神和劳动精神、劳模精神、工匠精神。", "弘扬“人道、博爱、奉献”的红十字精神和劳模精神、劳动精神、工匠精神。"),
        # The order of 建设者和接班人 and of 最关心最直接最现实.
        ("培养社会主义接班人和建设者，解决群众最直接最关心最现实的利益问题。", "培养社会主义建设者和接班人，解决群众最关心最直接最现实的利益问题。"),
        ("根据《共青团章程》和《工会章程》。", "根据《中国共产主义青年团章程》和《中国工会章程》。"),  # a charter's full title in 书名号
        # A campaign of education named with another campaign's kind.
        ("开展“不忘初心、牢记使命”专题教育、“三严三实”主题教育和党史主题教育。", "开展“不忘初心、牢记使命”主题教育、“三严三实”专题教育和党史学习教育。"),
        # A view made a point or a notion, a thought made a view, the guiding thought cut short.
        ("以科学发展观点统领全局，坚持以人民为中心的发展观。", "以科学发展观统领全局，坚持以人民为中心的发展思想。"),
        ("用习近平新时代思想武装头脑，践行科学发展理念。", "用习近平新时代中国特色社会主义思想武装头脑，践行科学发展观。"),
        # A central document's title with another kind of document at its end.
        ("审议通过了《中共中央关于全面深化改革若干重大问题的意见》。", "审议通过了《中共中央关于全面深化改革若干重大问题的决定》。"),
        # The verbs the central documents pair with the quoted names; a fixed requirement's verb.
        ("增强“四个意识”、坚持“四个自信”、坚持“两个维护”，在学懂弄通落实上下功夫。", "增强“四个意识”、坚定“四个自信”、做到“两个维护”，在学懂弄通做实上下功夫。"),
        # Two characters of a quoted formulation exchanged, though the reports seldom quote it; a word
        # of a fixed triple swapped for a kindred one; the constitution's order broken.
        ("锚定“三新四高”美好蓝图，坚持党的领导、人民当家作主和依法执政有机统一。", "锚定“三高四新”美好蓝图，坚持党的领导、人民当家作主、依法治国有机统一。"),
        ("政府由人大产生、受人大监督、对人大负责。", "政府由人大产生、对人大负责、受人大监督。"),
        # A word of a long item swapped; one character of items all four long; the main contradiction.
        ("学习党史、新中国史、改革发展史、社会主义发展史，增强获得感、幸福感、满足感。", "学习党史、新中国史、改革开放史、社会主义发展史，增强获得感、幸福感、安全感。"),
        ("维护国家安全、社会安定、人民安康，满足人民日益增长的美好生活需求。", "维护国家安全、社会安定、人民安宁，满足人民日益增长的美好生活需要。"),
        ("用党的二十大精神统一思想、统一认识、统一行动，学习《中国共产党纪律处罚条例》。", "用党的二十大精神统一思想、统一意志、统一行动，学习《中国共产党纪律处分条例》。"),
        ("开展“不忘初心、牢记责任”主题教育。", "开展“不忘初心、牢记使命”主题教育。"),  # a pair, quoted as a name
        # A quoted name beside its family, their number and another word; the verb tells which.
        ("增强“四个意识”、坚定“四个自信”、做到“两个确保”。", "增强“四个意识”、坚定“四个自信”、做到“两个维护”。"),
        ("树立“四个意识”，坚定“四个理念”，做到“两个维护”。", "树立“四个意识”，坚定“四个自信”，做到“两个维护”。"),
        # A term's word jieba tags as a name (公正 nr) is swapped like any other.
        ("坚持严格规范公平文明执法，全心全意为群众服务。", "坚持严格规范公正文明执法，全心全意为人民服务。"),
        # A quoted name's parts exchanged, or its own numbers; a formulation's other way of writing it.
        ("审议“两院一府”工作报告，实施“千百万工程”。", "审议“一府两院”工作报告，实施“百千万工程”。"),
        ("坚持从法治上着眼，从政治上着力，贯彻“三个代表”主要思想。", "坚持从政治上着眼，从法治上着力，贯彻“三个代表”重要思想。"),
        ("学习习近平总书记系列讲话，发挥专业协商机构作用。", "学习习近平总书记系列重要讲话，发挥专门协商机构作用。"),
        ("抓好菜篮子工程，落实三线一单管控要求。", "抓好“菜篮子”工程，落实“三线一单”管控要求。"),
        # Formulations of the organs a report speaks for: a 政协 member's, a procuratorate's, the 三保.
        ("做到懂政协、善协商、会议政、守纪律、讲规矩、重品行。", "做到懂政协、会协商、善议政、守纪律、讲规矩、重品行。"),
        ("掌握意识形态工作管理权、领导权、话语权，深入开展双学双比活动。", "掌握意识形态工作领导权、管理权、话语权，深入开展“双学双比”活动。"),
        ("推进“春送岗位、夏送清凉、金秋助学、冬送关爱”品牌化建设。", "推进“春送岗位、夏送清凉、金秋助学、冬送温暖”品牌化建设。"),
        ("坚持在监督中办案、在办案中监督，有权必有责、用权受监督、失职必问责、违法要追究。", "坚持在办案中监督、在监督中办案，有权必有责、用权受监督、失职要问责、违法要追究。"),
        # Names of bodies, honours and campaigns, and of a land system; a saying of the leader's.
        ("中国青少年基金会实施希望工程，公司被授予全国工人先锋岗。", "中国青少年发展基金会实施希望工程，公司被授予全国工人先锋号。"),
        ("开展“保卫母亲河”行动，完善耕地占用平衡制度，挽起袖子加油干。", "开展“保护母亲河”行动，完善耕地占补平衡制度，撸起袖子加油干。"),
        ("坚持人民至上、生命第一，实现“最多跑一回”全覆盖。", "坚持人民至上、生命至上，实现“最多跑一次”全覆盖。"),
        # 为核心, never 为首; 法治理念; the title of 2020's plan for assessing education in full.
        ("以习近平同志为首的中共中央，坚持社会主义法制理念，落实《深化教育评价改革总体方案》。", "以习近平同志为核心的中共中央，坚持社会主义法治理念，落实《深化新时代教育评价改革总体方案》。"),
        # A plenum listed as a session before the last (二次、三中); a county's congress by 届.
        ("贯彻党的十九届二次、三中全会精神，完成县十五届党代会确定的目标任务。", "贯彻党的十九届二中、三中全会精神，完成县第十五次党代会确定的目标任务。"),
        ("以习近平总书记提出的四个机关建设为目标。", "以习近平总书记提出的“四个机关”建设为目标。"),
        # The national congress before its term; a title with a word of two left out, or put in.
        ("全国人大十一届四次会议主席团审议。", "十一届全国人大四次会议主席团审议。"),
        ("推动《联合国气候框架公约》缔约方大会取得成功。", "推动《联合国气候变化框架公约》缔约方大会取得成功。"),
        # The Yellow River's two halves in their order.
        ("共同抓好大治理，协同推进大保护。", "共同抓好大保护，协同推进大治理。"),
        ("把《习近平关于“三农”工作重要论述摘编》作为学习材料。", "把《习近平关于“三农”工作论述摘编》作为学习材料。"),
        # A national 总局 named without 总; an organ's words swapped; the mission of 不忘初心.
        ("上报国家体育局，设立国有资产管理监督委员会。", "上报国家体育总局，设立国有资产监督管理委员会。"),
        ("将不忘初心、牢记宗旨，锐意进取。", "将不忘初心、牢记使命，锐意进取。"),
        ("十九届中央政治局第25次集体学习。", "十九届中央政治局第二十五次集体学习。"),
        # Figures in a congress's or a term's number with no 第 before or another congress after.
        ("传达学习了市第5次妇代会精神，双河镇召开了19届人民代表大会第二次会议。", "传达学习了市第五次妇代会精神，双河镇召开了十九届人民代表大会第二次会议。"),
        # A committee counted by 次, a people's organisation's congress by 届.
        ("政协开化县第九次委员会第三次会议开幕，丹棱县工会第九届代表大会举行。", "政协开化县第九届委员会第三次会议开幕，丹棱县工会第九次代表大会举行。"),
        ("中国共产党第十九次中央委员会第六次全体会议召开。", "中国共产党第十九届中央委员会第六次全体会议召开。"),
        # A congress's spirit as the guide beside a thought named at the next congress; a year's
        # plan of legal education.
        ("要以党的十八大精神为指导，高举习近平新时代中国特色社会主义思想伟大旗帜。", "要以党的十九大精神为指导，高举习近平新时代中国特色社会主义思想伟大旗帜。"),
        ("2021年是“十四五”开局之年，也是“七五”普法起步之年。", "2021年是“十四五”开局之年，也是“八五”普法起步之年。"),
        # A plan's short name is quoted inside a title too.
        ("印发《永嘉县应急管理十四五规划》。", "印发《永嘉县应急管理“十四五”规划》。"),
    ],
)
def test_formulation_slip(wrong: str, right: str) -> None:
    assert fixed(wrong, find_formulation_slips(wrong)) == right


def test_remembered_variants_follow_the_office_words(lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rule 12 remembers each word's variants; a word the office adds is a variant at once."""
    from core.proofread.context_words import variants

    assert "事叶" not in variants(lexicon, "失叶")
    assert variants(lexicon, "失叶") == variants(lexicon, "失叶")
    monkeypatch.setattr(lexicon, "known", lexicon.known | {"事叶"})
    assert "事叶" in variants(lexicon, "失叶")


def test_skipping_formulations_a_text_cannot_hold_finds_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """The finder skips a formulation none of whose anchors (nor all of whose characters, for a
    reordering) the text holds; without the skipping it finds the same."""
    from core.proofread import formulations
    from tests.proofread_eval import load_cases

    texts = [text for case in load_cases("dev.txt") for text in (case.wrong, case.right)]
    skipping = [find_formulation_slips(text) for text in texts]
    index = formulations._formulation_index(data.formulations())
    unskipped = formulations._FormulationIndex(
        index.items,
        index.indexed,
        tuple(formulations._Gates.open() for _ in index.items),
        tuple(range(len(index.indexed))),
        {},
        {},
        {},
    )
    monkeypatch.setattr(formulations, "_formulation_index", lambda items: unskipped)
    assert [find_formulation_slips(text) for text in texts] == skipping
    assert any(skipping)


@pytest.mark.parametrize(
    ("pattern", "needle"),
    [
        ("截止(?=目前|今年)", "截止"),
        ("截止?目前", "截"),  # the last character made optional
        ("办+公", "办"),
        ("权力|权利", ""),  # alternatives at the top level
        ("(?<=质量和)效应", ""),  # a lookbehind first
        ("[截载]止", ""),
        (r"X\dY", "X"),
    ],
)
def test_what_every_match_of_a_rule_begins_with(pattern: str, needle: str) -> None:
    from core.proofread import confusables

    assert confusables.required_literal(pattern) == needle


def test_skipping_rules_whose_beginning_a_text_lacks_finds_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """A confusable rule is not searched in a text without what its matches begin with; searched
    anyway, it finds nothing more on the planted cases and the clean controls."""
    from tests.proofread_eval import FIXTURES, load_cases

    texts = [text for name in ("dev.txt", "dev2.txt") for case in load_cases(name) for text in (case.wrong, case.right)]
    texts += [line for line in (FIXTURES / "clean.txt").read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    from core.proofread import confusables

    skipping = [find_confusables(text) for text in texts]
    monkeypatch.setattr(confusables, "required_literal", lambda pattern: "")  # every rule searched
    monkeypatch.setattr(confusables, "_indexes", {})
    assert [find_confusables(text) for text in texts] == skipping
    assert sum(map(len, skipping)) >= 10


def test_gating_formulation_finders_finds_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """A finder a formulation's gates skip (the text lacks what its hit would keep) would have found
    nothing: with every gate open, the same findings on the planted cases and the clean controls."""
    from core.proofread import formulations
    from tests.proofread_eval import FIXTURES, load_cases

    texts = [text for name in ("dev.txt", "dev2.txt") for case in load_cases(name) for text in (case.wrong, case.right)]
    texts += [line for line in (FIXTURES / "clean.txt").read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    gated = [find_formulation_slips(text) for text in texts]
    index = formulations._formulation_index(data.formulations())
    opened = dataclasses.replace(index, gates=tuple(formulations._Gates.open() for _ in index.items))
    monkeypatch.setattr(formulations, "_formulation_index", lambda items: opened)
    assert [find_formulation_slips(text) for text in texts] == gated
    assert sum(map(len, gated)) >= 10


@pytest.mark.parametrize(
    "clean",
    [
        "深入学习贯彻习近平新时代中国特色社会主义思想和党的二十大精神。",
        "坚持以XX新时代中国特色社会主义思想为指导。",  # the name masked by the publisher
        "扎实做好“三农”工作，坚定“四个自信”，落实《中国共产党纪律处分条例》。",
        "全年开展4个方面、6项行动，全市18大重点项目全部开工。",
        "执行《中华人民共和国刑法》和《中华人民共和国宪法》。",  # a different title, not a slip
        "国务院第12次常务会议和区委常委会第5次会议研究部署。",  # a standing body's meetings: figures
        "统筹推进稳增长、促改革、惠民生、防风险，坚持稳增长、调结构、惠民生、防风险。",  # a shorter list
        "学习贯彻党的十九届六中全会和十四届全国人大一次会议精神。",
        # Another name, not a slip: a word changed, or the name cut at an end.
        "推进城市治理体系和治理能力现代化，建设中国特色社会主义法治体系。",
        "坚持社会主义核心价值体系。",
        "会议的主题是：不忘初心，牢记使命，继续前进。",  # the sentence's own commas
        "贯彻新时代党的强军思想，树立生态文明思想观念，增强法治思想意识。",
        # The names these thoughts had first, and a form official documents write too.
        "以习近平新时代中国特色社会主义经济思想为指导。",
        "贯彻习近平新时代中国特色社会主义外交思想。",
        "严格落实中央八项规定及实施细则精神。",
        "推进供给侧改革，实施区域协调发展战略，为实现第二个百年奋斗目标而奋斗。",  # written so
        "为实现中华民族伟大复兴中国梦而奋斗。",  # the form the 19th Congress report also writes
        # The name twice over, each in its order; a name's common short form.
        "坚持不忘初心、牢记使命，不忘初心、牢记使命永远在路上，推进供给侧改革。",
        # Shorter forms that are formulations of their own (2026 provincial reports).
        "做好政府工作，必须坚持党的全面领导。",
        "在党中央集中统一领导下，推动各项工作落实。",
        "奋力开创新时代社会主义现代化强省建设新局面。",
        "更好统筹发展与安全，增强道路自信、理论自信、制度自信、文化自信。",
        # Forms central documents write themselves (二十大报告, 政府工作报告, 中央文件).
        "坚持加强党的全面领导，为实现中华民族的伟大复兴而奋斗。",
        "推动重大风险防范化解取得明显进展，推进长三角区域一体化发展。",
        "在中国特色社会主义新时代，落实党政同责、一岗双责。",
        # 学习 + 总书记: no 习总书记; numerals that read as a number, not digit by digit.
        "深入学习总书记关于党的建设的重要思想，坚持“八八战略”，稳中有进、稳中提质。",
        # A local committee's plenum is a 次全会; a name used with 了 in a sentence of what was done.
        "认真贯彻省委十二届二次全会和市委十三届五次全会精神，全面建成了小康社会，坚持稳中求进的工作总基调。",
        # A province's own plan of the kind carries its name; the Central Committee's plenum is a 中全会.
        "落实《四川省法治政府建设实施方案（2021—2025年）》和党的二十届三中全会精神，增强中华民族共同体意识。",
        "党的二十届中央委员会第三次全体会议审议通过了《决定》，市委十届第五次全会作出部署。",  # the full name; a local one
        # The name's halves swapped read as a sentence; a word ending before the name (更新).
        "小康社会全面建成，“十三五”圆满收官；要持续更新发展观念。",
        # Only 的 moved in a formulation: the name as it is (决定性意义的领悟).
        "深化对“两个确立”决定性意义的领悟。",
        # 第一议题 as the first item of a meeting, not the system's name.
        "把学习党的二十大精神作为第一议题。",
        # Clauses of a fixed series may be parted by commas.
        "做到疫情要防住，经济要稳住，发展要安全。",
        # The series in its own order.
        "坚持人民至上、生命至上，提升防灾减灾救灾能力，促进德智体美劳全面发展。",
        # A conjunction or a mark between a formulation's parts is the writer's to choose.
        "推进巩固拓展脱贫攻坚成果与乡村振兴有效衔接，提高政治判断力、政治领悟力和政治执行力。",
        # Ordinals in their order, or compared.
        "从事第二产业和第三产业活动，第三季度比第二季度增长5%。",
        # A number changed names another goal; a short formulation's words differ in other phrases.
        "实现第一个百年奋斗目标，推进全面从严治党。",
        # 全面建设小康社会 was the formulation of the 16th and 17th congresses.
        "党的十六大提出全面建设小康社会的奋斗目标，打造共建共治共享的社会治理格局。",
        # A stray space a copy from a PDF leaves inside the name before it (习 近平).
        "嵩市镇坚持以习 近平新时代中国特色社会主义思想为指导。",
        "深入学习贯彻党的二十大和二十届二中、三中全会精神，落实党政同责、一岗双责、齐抓共管、失职追责。",
        "打好蓝天、碧水、净土保卫战，增强群众获得感、幸福感，提升幸福感和安全感。",
        "牢牢把握“稳字当头、稳中求进”工作总基调。",  # the writer's quotes inside the name
        "统筹山水林田湖草系统治理，加强思想建设、组织建设，坚持发展第一要务，以创新为第一动力，人才是第一资源。",
        "开展“学习‘千万工程’经验”活动，深化“放管服”改革。",  # quoted, in single quotes inside double ones
        "第四上诉庭审结案件，三个四上半年完成。",  # 四上 of no enterprise: no count of units
        "坚持严管厚爱结合、激励约束并重。",  # the short form central documents also write
        "为全面建设社会主义现代化国际瓷都提供法治保障。",  # 国际 begins a city's name, no 国家 misspelt
        # Plans, congresses and plenums of the sentence's own year; another time named after it.
        "2025年是“十四五”收官之年、“十五五”谋划之年，2023年是全面贯彻党的二十大精神的开局之年。",
        "2022年是党的二十大胜利召开之年。2020年，深入学习贯彻党的十九大和十九届二中、三中、四中、五中全会精神。",
        "2022年，全县深入贯彻党的十九大精神，迎接党的二十大。2019年以来，贯彻十九届五中全会精神。",
        "2019年，全县GDP增长6%，今年将深入贯彻十九届五中全会精神。",
        # Other numbers make other names here; a government's standing meetings go in figures.
        "坚持“三个赋予一个有利于”，打好七大攻坚战，坚持三位一体，召开县政府第35次常务会议。",
        # Counts that agree with their lists; a last item that is one word with 和 in it (社会和谐);
        # quoted groups counted (three quotations, 三个本领); 八大 after a list names eight others.
        "抓好四个重点（项目建设、旅游开发、城市建设与管理、社会和谐），落实“两个坚持、三个转变”。",
        "强化“聚焦聚力、借势借力”“联合联动、创新创优”“量化细化、抓紧抓实”三个本领。",
        "围绕“改作风、提效能、促发展、护稳定”八大行动，完善三个环节（任务安排、精细服务和经费结算）。",
        # Items with figures are ranks; a character the items do not end with counts nothing.
        "两项指标均居全省前三位(个数第2位、投资总额第3位)，推进三化工程（城区、集镇）。",
        "作为全国三个代表县（市、区）之一，学习“三个代表”重要思想。",  # kinds in brackets; the words counting
        "县十八届人大三次会议以来，落实县十八届人大三次会议决议。十六届四次党代会。十七届一次党代会。",
        # The first session's work, then the next one convened: two sessions of one term.
        "完成区十九届人大一次会议确定的各项任务，并成功召开区十九届人大二次会议。",
        "省委十一届五次全会召开，贯彻十九届二中、三中、四中全会精神，县政协九届三次会议。",
        "经济运行“稳中有进、进中向好”的态势更加巩固。",  # a local reports' form of 稳中有进、稳中向好
        # A region's congress beside a city's plenum; a district's plenum before its congress.
        "落实自治区第十三次党代会和市第五次党代会部署，市委五届四次全会提出新要求。",
        "按照区委十五届四次全会和区第十五次党代会部署，落实自治区第十次党代会、区委十五届四次全会精神。",
        "全面落实党中央国务院、省委省政府决策部署。",  # a mark moved, no words swapped
        "深入贯彻习近平生态文明思想和法治思想。",  # 习近平 heads both names
        "市委常委会第一议题传达重要讲话，区城指中心接诉即办。",  # a meeting's first item; a centre's name
        "学习习近平新时代中国特色社会主义思想和习近平新时代中国特色社会主义经济思想。",  # 思想 there
        "增强人民群众获得感、幸福感和安全感。",  # the series in its order, its last item joined by 和
        "坚持全面从严管党治党。[24]四个不摘：是指摘帽不摘责任。〔43〕六稳：指的是稳就业。",  # a note's defined term
        "建好全市两新组织，推动“三首两新”应用，实现“两不愁三保障”，工作队翻过两山到达村部。",  # other names, other words
        # Another formulation of its own, not the first with its ending exchanged; a short head.
        "坚持以人民为中心的发展思想，贯彻新发展理念，树立正确的发展观念。",
        "切实提高广大党员的法治意识和法治思想。",  # a person's qualities, not the thought's name
        # The 十二大 told of as history; a 届 of another event; a census in Chinese numerals.
        "党的十一届三中全会以来，党的十二大提出建设有中国特色的社会主义。",
        "荣获第十七届精神文明建设“五个一工程”奖，完成第七次全国人口普查。",
        # A quoted code name, a year, and digits counting a quantity of work.
        "实施“3815战略”，锚定2035远景目标，完成1200工程量，“双一流196”工程稳步推进。",
        "第10届全运会在此举办，西藏自治区、内蒙古自治区代表团参赛。",  # a sports meeting's term; full names
        # “三个意识” is a formulation of its own (Tibet's 国家意识、公民意识、法治意识); an office's own
        # four listed in quotes before 四种意识.
        "常态化开展“三个意识”教育，切实增强“责任、为民、标准、效率”四种意识。",
        # Alone, or far from its family's names, another number makes another name.
        "坚定“四个自信”，常态化开展宗教界“三个意识”教育。打好四大攻坚战，坚持三位一体，落实“五位一体”。",
        "开展“五讲四美三热爱”活动，推进“三去一降一补”，实现“两不愁三保障”。",
        # The 普法 plans are named otherwise; a plan counted from another start.
        "编制“七五”普法规划，实施法治宣传教育第八个五年规划。“十四五”是新征程的第一个五年规划，完成“十五”计划。",
        # Theories of 习近平 named whole, listed sharing his name, or his thought on a subject.
        "学习习近平新时代中国特色社会主义思想、习近平强军思想，学习习近平生态文明思想和法治思想。",
        "学习习近平总书记关于党的建设的重要思想。",
        # A digit code already inside a quoted name; a note's headword in brackets or defined by 即.
        "实施“五个1000行动”，获评“深入实施1530工程先进单位”。",
        "[双随机、一公开]即在监管过程中随机抽取检查对象。六保，即保居民就业、保基本民生。",
        "又多又快又好又省地发展各项建设事业。",  # 多快好省, of 1956
        "打好扶贫攻坚战，深入实施新时代人才强军战略。",  # the names of their years and of the army
        # A term with its plenums, its Central Committee, all its plenums, or plenums of two terms.
        "党的十七届三中全会，党的十九届中央委员会，党的十八届历次全会，党的十八届、十九届历次全会。",
        "完成“十三五”规划目标任务，科学编制“十四五”规划；实施“十四五”规划，谋划“十四五”重大项目。",
        "1960年是第二个五年计划的第三年，1964年是国民经济调整的第二年。",
        # A plan prepared for or drawn up in the year; the stage of the plan it falls in.
        "2025年是决胜“十四五”、谋划“十五五”的关键之年。2005年是为“十一五”打好基础的关键一年。",
        "2025年是“十四五”收官和“十五五”谋划承上启下之年，2023年是实施“十四五”规划承上启下的关键一年。",
        "2025年是“十四五”规划圆满收官、“十五五”规划谋篇布局的关键之年。2025年，“十四五”规划圆满收官、主要目标全面完成。",
        # The congress of the plan's years; the plenum that proposed the plan; another plenum
        # beside a plan's proposal; two plenums named; a congress spoken of as a time.
        "“十二五”时期特别是党的十八大以来，我们深化了认识。",
        "贯彻党的十九届五中全会精神，按照省委《关于制定第十四个五年规划和二〇三五年远景目标的建议》编制纲要。",
        "贯彻党的二十届三中全会精神，根据省委关于“十五五”规划的建议，编制纲要。",
        "党的十九大以来，以中国式现代化全面推进中华民族伟大复兴，党的二十大开启了以中国式现代化全面推进中华民族伟大复兴新征程。",
        "今年是全面贯彻党的二十大精神的开局之年，是实施“十四五”规划承上启下的关键一年。",
        "党的二十届四中全会对未来五年我国经济社会发展作出顶层设计，二十届三中全会对进一步全面深化改革作出部署。",
        "坚持扩大内需战略，加强需求侧管理，深化供给侧结构性改革。",
        "2024年是中华人民共和国成立75周年，2018年是改革开放40周年。2009年，以优异成绩迎接新中国成立60周年。",
        "在庆祝新中国成立70周年之际，2020年是全面建成小康社会之年。",  # no year said of the anniversary
        "到1985年完成第六个五年计划，1957年超额完成第一个五年计划，提前一年完成第十个五年计划。",  # within its years
        "县委高度重视，县政府认真落实，省政府、市委大力支持，县委县政府出台意见。",  # levels apart
        "第一个五年计划从1953年到1957年，大庆、大寨两面红旗，各地要多、快地完成任务，好、省兼顾。",
        # A listed name's shape in running text (一个代表性, 三个赋予一个有利于); quoted names of
        # another mould, or with fewer characters kept (“两个清单”, “两个责任”).
        "选择一个代表性园区开展试点，坚持“三个赋予一个有利于”总要求，落实“两个清单”“两个责任”。",
        # The series as official text also writes them: without marks, or in another wording of its year;
        # the same words of another series (稳定、改革和发展 of 1989), or of a sentence of its own.
        "正确处理改革发展稳定的关系，走以人为本、四化同步、优化布局、生态文明、传承文化的新型城镇化道路。",
        "必须把稳定、改革和发展统一起来；实现祖国完全统一是全体中国人民的根本利益所在。",
        "大庆、大寨两面红旗，坚持“法治、清廉、务实、为民”，建设一个现代化的重工业企业。",
        # A series of the same shape whose changed item is another word, not a slip: the older five
        # of the Party's building, 智治 beside 自治 and 法治, a word of two characters changed.
        "加强思想建设、组织建设、作风建设、制度建设，推进自治、法治、智治融合，坚持创新、协调、绿色、开放、安全。",
        "中国共产党浙江省第十五次代表大会，中国共产党第二十次全国代表大会，市人大常委会。",  # a local congress; the names right
        "兴办三资企业，两高工作报告，两重性，三北地区的防护林。",  # the same characters naming other things
        "［9］三医联动一张网：指……",  # a note's headword after its number
        # Bodies in their order; counts and idioms of numerals; a name of mixed parts; a headword.
        "主动接受人大和政协监督，县政府和县政协，十年或五十年一遇，一心一意一以贯之，三年两次一评估，建设一委一办一平台，［21］一委一办：",
        "出台“13条政策”，落实“7个专项行动”，开通“12345”热线。",  # counts of a document's items, a number
        "树立正确的发展观，践行社会主义核心价值观，坚持科学发展观，树立新发展理念。",
        "开展党的群众路线教育实践活动、“两学一做”学习教育、党纪学习教育和党史教育。",
        "建成十五个项目，六五计划期间完成。",  # a count; the 1980s reports wrote their plans bare
        "牢固树立“四个意识”，增强“四个自信”，坚决做到“两个维护”。",  # verbs official text writes too
        "政府由人大产生，对人大负责，受人大监督；锚定“三高四新”美好蓝图，推进“两个确立”。",
        "全面从严管党治院，全面从严管党治党。",  # 管党 paired with 治院, 治党: a court's, a party's charge
        "要不忘初心、牢记责任，担当作为。",  # a pair in running text is the writer's own
        # A series' first item names its field or place; a quoted name of the same mould; the older
        # wording of the people's needs; a series reaching into the words after it.
        "确保政治安全、社会安定、人民安宁，一体推进法治湖南、法治政府、法治社会建设。",
        "主要菜篮子产品北京市场份额超过四成。",  # goods of the kind, not the 工程's name
        # A numbered name after its family's last member is one of its own (“四个特别”政治要求).
        "坚定拥护“两个确立”、坚决做到“两个维护”，模范践行“四个特别”政治要求。",
        # A term's last word: another makes another phrase as often.
        "深入推进党风廉政建设和反腐败工作，更好统筹高质量发展和高水平保护。",
        "反对“一国两府”，锚定“两个确保”，满足人民日益增长的需要，经济、政治、文化、社会、生态文明等体制改革全面推进。",
        "县十四届人大三次会议、市人大十七届五次会议、县政协十届二次会议期间，镇第十次党代会召开。",
        "第十四届全国人民代表大会第三次会议，中国共产党第二十届中央委员会，中共第八届全国代表大会第二次会议。",
        # The courts' and procuratorates' own “三个至上” (党的事业、人民利益、宪法法律), beside “两个至上”.
        "我院坚持“三个至上”的指导思想，坚持“两个至上”抓好疫情防控。",
        # A session of a term's congress held yearly; the committee the congress elects.
        "县十五届党代会第二次会议召开，县委十五届二次全会召开，建设“四个机关”。",
        # The term before the national body; the title as it was published.
        "十一届全国人大四次会议，全国政协十三届二次会议，《联合国气候变化框架公约》，《习近平关于“三农”工作论述摘编》。",
        # Sessions of one term listed one after another, or one as the time since which.
        "其中七届二次会议受理提案195件；七届三次会议受理提案183件；七届四次会议受理提案199件。",
        "听取市政协常委会关于九届二次会议以来提案工作情况的报告，审议通过市政协九届三次会议决议。",
        # A premier of the years before 2013 reporting: the form of its day.
        "温家宝说，中国在全面建设小康社会道路上迈出了新的坚实步伐。",
        # Fresh pages: a local government's series (融入新发展格局); a city's position (区域性国际中心
        # 城市); 打黑除恶 in a year that named it so.
        "立足新发展阶段、贯彻新发展理念、融入新发展格局。推进区域性国际中心城市建设。2012年，组织开展打黑除恶行动。",
        # A name of its own that begins with a wrong form (“三个全面加强”); a phrase's mould filled
        # twice on purpose; 下半篇 for 后半篇; a campaign called by the kind of them all.
        "提出“三个全面加强”。秀山“县之大者”“民之大者”，做好整改“下半篇文章”，进行党风党纪集中教育。",
        "坚决防范和化解重大风险。",  # a conjunction between the formulation's two verbs
        "涉及三优三保、城市更新等多种类型。",  # one part of a coined name of numbered parts
        "全区共青团深入学习XJP新时代中国特色社会主义思想。",  # the name masked by its initials
        "深入实施创新驱动战略。",  # the strategy's short name, as published reports write it
        # A party congress by 次, a local plenum by 届 then 次, a term with its plenum, the delegates of a congress.
        "县第十四次党代会以来，区委十二届三次全会、党的十七届三中全会精神，第十四次人民代表大会代表选举。",
        "中共第十六次全国代表大会提出，党的第一大任务是发展，县第三次人大会议召开。",  # the full name; 第一 of a list
        "优化营商环境与融入全国统一大市场建设，二者一体两面、互为表里。",  # 二者 "the two", no numbered name
        # Regulations of their own, not another regulation with words left out.
        "学习《中国共产党组织工作条例》《中国共产党农村工作条例》《中国共产党宣传工作条例》。",
        # A count of another length than a numbered name's (两个凡是): another, coined name (fresh pages).
        "牢记“十二个凡是”工作要求。",
        # A province's own name for the reform beside its pair (published page, held83); 五大发展理念
        # in a paragraph of the 13th plan's years.
        "落实“一趟不用跑”和“最多跑一趟”要求。“十三五”时期，坚持五大发展理念。",
        # The series in their order, with or without 顿号; 工商 before 所得税.
        "坚持简政放权、放管结合、优化服务，营造尊法、学法、守法、用法的氛围，征收工商所得税。",
        "印发优化法治营商环境十二条举措。",  # 优化 + 法治营商环境: no name reordered across a word's edge
        # A quoted name the text spells out in brackets after it: its own name, not a central one.
        "实施“五大发展战略”（大开放、大集镇、大民生、大旅游、大稳定）。",
        # Short forms published reports write: a court's, the keynote's, the government the people want.
        "我代表省高级法院报告工作。坚持稳中求进总基调。着力建设让人民满意的政府。",
        # 又快又好 in a report of 2006, before 又好又快; 985工程 written bare.
        "2006年，促进全省经济又快又好发展。已被985工程重点大学录取。",
        # The short form 构建和谐社会; 深刻领悟“两个确立”.
        "努力构建和谐社会，深刻领悟“两个确立”的决定性意义，坚决做到“两个维护”。",
        # Digits before units count (5户5人, 1月7日); a figure of two digits is no abbreviation's number.
        "全年查处案件5件6人，帮扶5户5人，1月7日召开会议。打造“90后”“10+1”服务品牌。",
        "党员在“8小时”外开展服务，打造“5公里”服务圈。",  # a digit before a unit of two characters counts
        # Congresses that hold sessions by 届 (a people's congress, a workers' or a union's with its
        # session after); a council's numbered meeting in figures; a sports meeting's 届 in figures.
        "市第十五届人民代表大会第二次会议、第三届职工代表大会第二次会议和县工会第九届代表大会第二次会议先后召开。",
        "国务院第12次常务会议审议通过，第3届运动会开幕，召开县委第五次常委会会议。",
        "印发《关于做好“三农”工作的意见》和《“十四五”国家应急体系规划》。",  # quoted inside the titles
        # Congresses the sentence spans, or dates from; the plan of legal education the year opens.
        "学习贯彻党的十八大、十九大精神和习近平新时代中国特色社会主义思想。党的十八大以来，乡村振兴战略深入实施。",
        "2021年是“八五”普法开局之年，2020年是“七五”普法收官之年。",
    ],
)
def test_formulation_near_misses(clean: str) -> None:
    assert find_formulation_slips(clean) == []


def test_this_year_in_a_report_of_2026_is_read_as_2026() -> None:
    """Last year's sentence kept in this year's report: 今年 is the report's year."""
    stale = "今年是“十四五”规划收官之年。"
    (hit,) = dated_fact_slips(stale, this_year=2026)
    assert hit.fix is None and stale[hit.start : hit.end] == "“十四五”规划收官之年"
    assert hit.message == "2026年不是哪个五年规划的收官之年：“十四五”是2021—2025年，2026年是“十五五”（2026—2030年）的第一年。"
    assert list(dated_fact_slips(stale)) == []  # with no year known, nothing to go on
    (copied,) = dated_fact_slips("今年是贯彻党的十九大精神的开局之年。", this_year=2023)
    assert copied.fix == "二十"
    (anniversary,) = dated_fact_slips("今年是中国共产党成立104周年。", this_year=2026)
    assert anniversary.fix == "105"
    # A role said as a verb is named in the message as the year it makes (冲刺收官 → 收官之年).
    closing, drawing_up = dated_fact_slips("今年是“十四五”规划冲刺收官、“十五五”规划谋篇布局的关键之年。", this_year=2024)
    assert closing.message == "2024年不是哪个五年规划的收官之年：“十四五”是2021—2025年，2024年是“十四五”（2021—2025年）的第四年。"
    assert drawing_up.message.startswith("2024年不是哪个五年规划的谋划之年")
    current = "今年是“十五五”开局之年。过去一年，是“十四五”收官之年。去年是“十四五”的收官之年。今年，全县深入贯彻党的二十大精神。"
    assert list(dated_fact_slips(current, this_year=2026)) == []


def test_the_year_looked_back_on_is_not_read_from_the_report_year() -> None:
    """过去的一年 is the report's own year in a 2025年工作总结 and the year before in a 2026年工作要点:
    the report's year cannot tell which, so no dated fact is checked against it."""
    looked_back = "刚刚过去的一年是“十四五”规划收官之年。过去的一年，是全面贯彻党的二十大精神的关键之年。"
    assert list(dated_fact_slips(looked_back, this_year=2025)) == []
    assert list(dated_fact_slips(looked_back, this_year=2026)) == []
    (stale,) = dated_fact_slips("去年是“十四五”规划收官之年。", this_year=2025)  # 去年 is always the year before
    assert stale.message.startswith("2024年不是哪个五年规划的收官之年")


def test_a_congress_spirit_opens_and_a_plan_opens_in_their_own_years() -> None:
    (closing,) = dated_fact_slips("2023年是全面贯彻党的二十大精神收官之年。")
    assert closing.fix == "开局之年"
    (opened,) = dated_fact_slips("2021年，顺利实现“十三五”良好开局。")
    assert opened.fix == "十四五"
    right = "2021年，顺利实现“十四五”良好开局。2022年，巩固“十四五”良好开局。2017年，实现了“十三五”良好开局的目标。"
    assert list(dated_fact_slips(right)) == []  # a year no plan opens in may look back


def test_a_formulation_in_a_year_it_was_not_yet_or_no_longer_written() -> None:
    (core,) = dated_fact_slips("2013年，最高人民法院在以习近平同志为核心的党中央坚强领导下开展工作。")
    assert core.fix == "以习近平同志为总书记的党中央"
    (general_secretary,) = dated_fact_slips("2018年，在以习近平同志为总书记的党中央坚强领导下，全县经济稳步增长。")
    assert general_secretary.fix == "以习近平同志为核心的党中央"
    (built,) = dated_fact_slips("2008年，推动全面建成小康社会进程。")
    assert built.fix == "全面建设小康社会"
    (by_report,) = dated_fact_slips("在以习近平同志为核心的党中央坚强领导下，全县经济稳步增长。", this_year=2014)
    assert by_report.fix == "以习近平同志为总书记的党中央"
    # Years it may have been written either way, and sentences that say no year.
    either = "2016年，在以习近平同志为核心的党中央坚强领导下。2012年，全面建成小康社会的目标提出。在以习近平同志为核心的党中央坚强领导下。"
    assert list(dated_fact_slips(either)) == []


def test_a_draft_of_no_year_is_dated_by_the_years_it_writes() -> None:
    from core.checks import run_checks
    from core.draft.model import Report, Section

    def findings(first: str) -> list[str | None]:
        report = Report(kind="work_report", title="", year=None)
        report.sections = [Section(heading="", body=[first, "全省进入了全面建设小康社会的新阶段。"])]
        return [f.text for f in run_checks(report, only=["formulation"])]

    assert findings("2003年，认真贯彻党的十六大精神。") == []  # the years it writes are of that time
    assert findings("2024年，认真贯彻党的二十大精神。") == ["全面建设小康社会"]
    assert findings("认真贯彻党的二十大精神。") == ["全面建设小康社会"]  # no year written: as before


def test_the_formulation_check_reads_this_year_by_the_reports_year() -> None:
    from core.checks import run_checks
    from core.draft.model import Report, Section

    def findings(year: int | None) -> list[tuple[int, str | None]]:
        report = Report(kind="work_report", title="", year=year)
        report.sections = [Section(heading="", body=["今年是“十四五”规划收官之年。", "今年是“十四五”开局之年。"])]
        return [(f.index, f.fix) for f in run_checks(report, only=["formulation"])]

    assert findings(2021) == [(0, None)]
    assert findings(2025) == [(1, None)]
    assert findings(None) == []


def test_a_report_of_a_year_before_a_formulation_was_set_keeps_the_form_of_its_day() -> None:
    from core.checks import run_checks
    from core.draft.model import Report, Section

    def flagged(year: int | None) -> list[str]:
        report = Report(kind="work_report", title="", year=year)
        report.sections = [Section(heading="", body=["为全面建设小康社会而奋斗，推动经济又快又好发展。"])]
        return [f.text for f in run_checks(report, only=["formulation"])]

    assert flagged(2005) == []  # both were the forms of the day
    assert flagged(2007) == ["又快又好"]  # 又好又快 from the end of 2006
    assert flagged(2013) == flagged(None) == ["全面建设小康社会", "又快又好"]  # after the 18th congress, or no year known


def test_the_well_off_goal_is_written_as_the_congress_named_wrote_it() -> None:
    # 十六大、十七大: 全面建设小康社会, the form of its day, also wherever the paragraph names them;
    # 十八大 on: 全面建成.
    assert [(h.fix) for h in find_formulation_slips("党的十六大确定了全面建成小康社会的宏伟目标。党的十八大提出了全面建设小康社会的目标。")] == ["建设", "建成"]
    assert find_formulation_slips("党的十七大以来，我们紧紧围绕全面建设小康社会、构建和谐社会的目标。") == []
    assert [h.fix for h in find_formulation_slips("今年是全面建设小康社会的收官之年。")] == ["全面建成小康社会"]
    # The order of 2013 and 2014 (先“调结构”) is a form of its day; another order is not.
    assert find_formulation_slips("统筹推进稳增长、调结构、促改革、惠民生、防风险等工作。") == []
    assert len(find_formulation_slips("统筹推进稳增长、惠民生、促改革、调结构、防风险等工作。")) == 1


def test_a_department_renamed_in_2018_is_named_anew_from_the_next_years_reports() -> None:
    from core.checks import run_checks
    from core.draft.model import Report, Section

    def flagged(year: int | None) -> list[tuple[str, str | None]]:
        report = Report(kind="work_report", title="", year=year)
        report.sections = [
            Section(heading="", body=["按照国家农业部行业标准认定，获环保部、国家安监总局通报表扬。", "经原农业部认定，加强农业部门协调，做好春季农业部署。"])
        ]
        return [(f.text, f.fix) for f in run_checks(report, only=["formulation"])]

    renamed = [("国家农业部", "农业农村部"), ("环保部", "生态环境部"), ("国家安监总局", "应急管理部")]
    assert flagged(2018) == []  # the names of the day
    assert flagged(2020) == flagged(None) == renamed  # 原农业部 recalls the past; 农业部门, 农业部署 are no names
    # A year before the reform named in the paragraph: the name of that day.
    assert find_formulation_slips("2015年，我县被农业部、国家安监总局授予全国平安农机示范县称号。") == []


def test_a_wrong_form_of_a_quoted_name_says_what_the_name_is_not_to_add_quotes() -> None:
    text = "全面落实“两不愁四保障”，做到“三个维护”。"
    first, second = find_formulation_slips(text)
    assert first.message == "“两不愁四保障”不规范：应为“两不愁三保障”（不愁吃、不愁穿，义务教育、基本医疗、住房安全有保障）。"
    assert second.fix == "两个维护" and "引号" not in second.message


def test_every_note_on_a_wrong_form_is_about_the_form() -> None:
    # A note is shown only with a wrong form or a near miss; the quoting rule writes its own.
    for item in data.formulations():
        if item.wrong:
            assert not item.note.endswith("应加引号。"), item.canonical


def test_a_plenum_skipped_in_a_list_is_named() -> None:
    text = "全面贯彻落实党的十九大、十九届二中、三中、五中全会精神。"
    (hit,) = find_formulation_slips(text)
    assert text[hit.start : hit.end] == "五中" and hit.fix is None and "缺了四中全会" in hit.message
    # Listed without a gap, or two only (which may name the two it means).
    assert find_formulation_slips("贯彻十九届二中、三中、四中、五中全会和十八届三中、五中全会精神。") == []


def test_a_plenum_held_after_the_sentence_s_year_is_named() -> None:
    text = "2019年，深入学习贯彻党的十九大和十九届二中、三中、五中全会精神。"
    (hit,) = find_formulation_slips(text)
    assert text[hit.start : hit.end] == "五中" and hit.fix is None
    assert hit.message == "十九届五中全会2020年才召开，写2019年的工作不会贯彻它：请核对全会的届次或年份。"


def test_circle_as_zero_is_a_number_note_not_a_placeholder() -> None:
    from core.text.detectors import find_placeholders

    text = "二○二○年全县工作要点"
    assert find_placeholders(text) == []
    [hit] = find_zero_circles(text)
    assert (text[hit.start : hit.end], hit.fix) == ("二○二○", "二〇二〇")
    assert [h.text for h in find_placeholders("○○镇○年○月")] == ["○○", "○", "○"]
    assert find_zero_circles("○○镇○年○月") == []


def test_figures_against_the_standard_on_numbers() -> None:
    text = "全县共有20几家企业，增长10-20%，提高15～30%。"
    assert fixed(text, find_number_slips(text)) == "全县共有二十几家企业，增长10%～20%，提高15%～30%。"
    assert find_number_slips("增长15%～30%，二十几家，3～5年，20.5万。") == []
    # Two before a measure word is 两: 二个维护, the courts of “一府两院” quoted alone.
    text = "坚决做到二个维护，审议法检“二院”报告。"
    assert fixed(text, find_number_slips(text)) == "坚决做到两个维护，审议法检“两院”报告。"
    assert find_number_slips("实现第二个百年奋斗目标，建成十二个项目，兰大二院挂牌。") == []


# ---------------------------------------------------------------- 标点


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("主要做法如下：，一是强化领导。", "主要做法如下：一是强化领导。"),
        ("全年举办培训12期，。", "全年举办培训12期。"),
        ("他强调：“要抓好落实。”。", "他强调：“要抓好落实。”"),
        ("各类主体（包括企业、个体户、）稳定增长。", "各类主体（包括企业、个体户）稳定增长。"),
        # A pause mark inside a closing quote goes outside it, or is stray before a mark of its own.
        ("坚持“日清日结，”确保问题及时解决，开展“四下基层、”。", "坚持“日清日结”，确保问题及时解决，开展“四下基层”。"),
        # A 顿号 after a word that opens a clause; a question mark after a sentence asking nothing.
        ("其中、一产增长4.9%，同时、加快建设。", "其中，一产增长4.9%，同时，加快建设。"),
        ("对此、我们高度重视。（四）、用心用情办好民生实事。", "对此，我们高度重视。（四）用心用情办好民生实事。"),
        ("刚刚过去的2024年意义非凡，值得铭记？", "刚刚过去的2024年意义非凡，值得铭记。"),
        ("难道这是做不到的吗。我们能够同意这种说法吗。", "难道这是做不到的吗？我们能够同意这种说法吗？"),  # 4.2.3.1
        ("投资占较小的比重，这是否适当呢。近年来、我们积极发展旅游事业。", "投资占较小的比重，这是否适当呢？近年来，我们积极发展旅游事业。"),
        ("常住人口城镇化率达到56%提高9个百分点。", "常住人口城镇化率达到56%，提高9个百分点。"),  # two predicates
        ("全年新发展党员三、四十名。", "全年新发展党员三四十名。"),
        ("讲两个问题：一，依靠政策和科学。二，加快农业发展。", "讲两个问题：一、依靠政策和科学。二、加快农业发展。"),  # 4.5.3.3
        ("配备两、三名网格员。", "配备两三名网格员。"),
        ("开展读书班、专题党课……等活动。", "开展读书班、专题党课等活动。"),
        ('开展"我为群众办实事"实践活动。', "开展“我为群众办实事”实践活动。"),
        ('推进"19365"政务服务改革。', "推进“19365”政务服务改革。"),  # a figure named in Chinese text
        # A document's title in quotation marks takes 书名号 (GB/T 15834 4.15.1).
        ("印发“关于加强村级财务管理的实施意见”。", "印发《关于加强村级财务管理的实施意见》。"),
        ("印发“2024年度全县干部学法计划”，推动落实。", "印发《2024年度全县干部学法计划》，推动落实。"),  # a title opening with its year
        ("出台“某某县支持民营经济发展的若干意见”，推动落实。", "出台《某某县支持民营经济发展的若干意见》，推动落实。"),
        # A quotation inside a quotation takes single quotes (4.8.3).
        ("开展“学习“千万工程”经验”主题活动。", "开展“学习‘千万工程’经验”主题活动。"),
        # A short quoted term at the end of a sentence: the stop goes after the quotes (4.1.3.1).
        ("党员荣登全省文旅系统“抗疫英雄榜。”", "党员荣登全省文旅系统“抗疫英雄榜”。"),
        ("以多种形式，深化“送考下乡、送检下乡。”", "以多种形式，深化“送考下乡、送检下乡”。"),  # items with 顿号
        ("小区被评为“首批‘百佳示范小区””。", "小区被评为“首批‘百佳示范小区’”。"),
        ("“蒙城县‘5+N”矛盾化解机制”获评。", "“蒙城县‘5+N’矛盾化解机制”获评。"),  # closed early
        # A comma before a list its words begin, items of one shape (4.5.3.1).
        ("坚持问题导向，目标导向、效果导向。", "坚持问题导向、目标导向、效果导向。"),
        ("坚持问题导向，目标导向、效果导向相统一。", "坚持问题导向、目标导向、效果导向相统一。"),  # more after the list
        # Short items sharing only a suffix that makes nouns (率, 量, 人).
        ("开工率，入库率、投产率均达到100%。", "开工率、入库率、投产率均达到100%。"),
        ("将一批社区达人，能人、贤人团结起来。", "将一批社区达人、能人、贤人团结起来。"),
        ("聚焦创新、宜居，美丽、韧性、文明的城市。", "聚焦创新、宜居、美丽、韧性、文明的城市。"),  # a comma inside a list
        # What is checked is said, not asked; levels a count follows are listed with 、.
        ("审核规范性文件内容是否合法、公开程序是否符合规定？", "审核规范性文件内容是否合法、公开程序是否符合规定。"),
        ("推动地，县两级成立行政复议咨询委员会，建立省，市、县三级联动机制。", "推动地、县两级成立行政复议咨询委员会，建立省、市、县三级联动机制。"),
        # A stop inside a quotation the sentence qualifies, or inside a long quoted name.
        ("牢记“人民选我当代表，我当代表为人民。”的宗旨。", "牢记“人民选我当代表，我当代表为人民”的宗旨。"),
        ("被推荐申报“首批全国社会主义法治文化建设工作示范地区。”", "被推荐申报“首批全国社会主义法治文化建设工作示范地区”。"),
        # A clause that 确保 or 进一步 opens follows a comma (4.5.3.1).
        ("压实各级责任、确保整改按期到位，完善考核办法、进一步激发干劲。", "压实各级责任，确保整改按期到位，完善考核办法，进一步激发干劲。"),
        ("经审查：立案236件，经研究：同意。", "经审查，立案236件，经研究，同意。"),  # the sentence goes on: a comma
        ("助力天香乳业、好嘉食品、等企业发展，发展农业、工业、等等。", "助力天香乳业、好嘉食品等企业发展，发展农业、工业等等。"),  # 等 is no item
        ("五年来：我们倾心尽力办实事。过去三年以来：全县上下齐心协力。", "五年来，我们倾心尽力办实事。过去三年以来，全县上下齐心协力。"),  # years opening the sentence
        # 都, 均 sum up the list before them and open the predicate: a comma, not a 顿号; 也 may
        # join a parallel predicate.
        ("国家不分大小、强弱、贫富、都应当一律平等，各乡镇、均已完成。", "国家不分大小、强弱、贫富，都应当一律平等，各乡镇，均已完成。"),
        ("要认真贯彻执行《民族区域自治》法，落实《信访》条例。", "要认真贯彻执行《民族区域自治法》，落实《信访条例》。"),  # the kind inside the marks
        ("2021年是《十四五》规划开局之年，回顾《七五》时期。", "2021年是“十四五”规划开局之年，回顾“七五”时期。"),  # a plan's short name is quoted
        ("第三、从严治政，统筹推进《冬奥会》、冬残奥会筹办。", "第三，从严治政，统筹推进冬奥会、冬残奥会筹办。"),  # an ordinal word; an event
        ("一是、强化责任；其二、推进改革。", "一是，强化责任；其二，推进改革。"),  # 一是, 其二 open a clause
        # An ellipsis is …… (4.11.2); a decimal point typed as a full stop.
        ("全面加强党的建设...推动各项工作，接待游客…万人次，收入···元。", "全面加强党的建设……推动各项工作，接待游客……万人次，收入……元。"),
        ("增长3。5%，达到12。3万亿元。", "增长3.5%，达到12.3万亿元。"),
        # Items of an enumeration set off alike; a numbered slogan is quoted, not titled.
        ("一是抓学习强思想，二是抓落实促发展；三是抓作风树形象。", "一是抓学习强思想；二是抓落实促发展；三是抓作风树形象。"),
        # Items that hold commas of their own are set off by semicolons.
        ("工作意见：一是以服务大局为第一追求，推动跨越发展，二是以执法办案为第一要务。", "工作意见：一是以服务大局为第一追求，推动跨越发展；二是以执法办案为第一要务。"),
        ("着力稳就业、稳企业，稳市场、稳预期。", "着力稳就业、稳企业、稳市场、稳预期。"),  # items of three characters, of one mould
        # The first item of a list of one mould closed by 等, set off by a comma; a 顿号 in a list
        # of quoted items that has none elsewhere.
        ("依托进博会，糖酒会、津洽会等展会，统筹推进“三大”、“五化”“四个农业”。", "依托进博会、糖酒会、津洽会等展会，统筹推进“三大”“五化”“四个农业”。"),
        # Items sharing a suffix that makes a noun (观, 感, 力).
        ("树立正确的世界观，人生观、价值观，增强凝聚力，战斗力、创造力。", "树立正确的世界观、人生观、价值观，增强凝聚力、战斗力、创造力。"),
        # A document's title read or issued with no 书名号.
        ("会上宣读了县政府关于表彰先进集体的决定。", "会上宣读了《县政府关于表彰先进集体的决定》。"),
        # A white paper or a memorandum named at length, published or signed.
        ("发布重庆检察公益诉讼五周年白皮书，会签涉台文物和文化遗产保护合作备忘录。", "发布《重庆检察公益诉讼五周年白皮书》，会签《涉台文物和文化遗产保护合作备忘录》。"),
        ("2020年全区国民经济和社会发展计划已经区人大审议通过，现予下达。", "《2020年全区国民经济和社会发展计划》已经区人大审议通过，现予下达。"),
        ("出台解忧暖心传恩行动实施方案，印发农村人居环境整治三年行动方案。", "出台《解忧暖心传恩行动实施方案》，印发《农村人居环境整治三年行动方案》。"),
        ("打好《三场硬仗》，实施《五大行动》。", "打好“三场硬仗”，实施“五大行动”。"),
        ("我们要认真研究如何解决这些问题？", "我们要认真研究如何解决这些问题。"),  # a question studied is no question asked
        ("物价上涨过快，是前几年困扰经济发展的难题？", "物价上涨过快，是前几年困扰经济发展的难题。"),  # 几 that counts asks nothing
        # A phrase opening the sentence (在……领导下, 按照……要求, 通过……努力), then its clause.
        ("在市委的坚强领导下、全县上下团结奋斗。按照省委的部署要求、我们扎实推进。", "在市委的坚强领导下，全县上下团结奋斗。按照省委的部署要求，我们扎实推进。"),
        # Numbered items inside a sentence are set off by semicolons; a plan's years are a span.
        ("报告分两个部分：一、工作回顾，二、今年安排。", "报告分两个部分：一、工作回顾；二、今年安排。"),
        ("编制《国土空间总体规划（2021、2035年）》。", "编制《国土空间总体规划（2021—2035年）》。"),
        ("“十二五”（2011、2015年）时期是关键时期。", "“十二五”（2011—2015年）时期是关键时期。"),  # a five-year plan's years
        ("受理案件同比分别上升68.1%，95.4%和90.3%。", "受理案件同比分别上升68.1%、95.4%和90.3%。"),  # figures 分别 lists
        # A title inside a title takes single title marks; unit names listed share their ending.
        ("出台《落实《实施办法》工作责任清单》。", "出台《落实〈实施办法〉工作责任清单》。"),
        ("以安委办，森防办、防指办等议事协调机构牵头。", "以安委办、森防办、防指办等议事协调机构牵头。"),
        ("代表们认为，“政府工作报告”鼓舞人心。", "代表们认为，《政府工作报告》鼓舞人心。"),  # a report heard by its name
        ("编印本地区“统计年鉴”或其他综合统计资料。", "编印本地区《统计年鉴》或其他综合统计资料。"),  # a publication
        ("以排，访、评三步工作法，对辖区开展排查。", "以排、访、评三步工作法，对辖区开展排查。"),  # single characters before their count
        ("违反“河北省统计条例”第十二条。", "违反《河北省统计条例》第十二条。"),  # a regulation by its place
        ("制定了《考核细则。》。", "制定了《考核细则》。"),  # a full stop inside a title
        # 并 opening a clause after a 顿号; the stop inside the last of quoted terms side by side;
        # a semicolon after 是, which introduces what follows.
        ("做到及时清理、并责任到人。", "做到及时清理，并责任到人。"),
        ("推出一批“妈妈岗”“公益岗。”", "推出一批“妈妈岗”“公益岗”。"),
        ("主要职能职责是；负责全县扶贫开发工作。", "主要职能职责是：负责全县扶贫开发工作。"),
        ("检查重点主要包括；1、开学条件保障。主要措施如下；（一）加强领导。", "检查重点主要包括：1、开学条件保障。主要措施如下：（一）加强领导。"),
        ("已救助9574户15126人，其中；符合低保条件的1122户。", "已救助9574户15126人，其中：符合低保条件的1122户。"),
        ("各乡镇，各部门要充分认清形势。依托各乡镇，各部门积极配合。", "各乡镇、各部门要充分认清形势。依托各乡镇，各部门积极配合。"),  # subjects of one predicate
        # 其中 opens a clause even before a 的; the items of 以……为; the date a figure is counted to.
        ("占全省总人口的16.5%、其中跨省务工的农民超过500万人。", "占全省总人口的16.5%，其中跨省务工的农民超过500万人。"),
        ("以毕业回村学生，青年致富能手为重点，建立后备人才库。", "以毕业回村学生、青年致富能手为重点，建立后备人才库。"),
        ("截至年底：项目预计完成投资5.8亿元。", "截至年底，项目预计完成投资5.8亿元。"),
        # A full stop ending a note in brackets inside a sentence; a paragraph left open on a comma
        # or a 顿号.
        ("完成投资5亿元（同比增长10%。），超额完成任务。", "完成投资5亿元（同比增长10%），超额完成任务。"),
        ("全面推进乡村振兴，加快农业农村现代化、", "全面推进乡村振兴，加快农业农村现代化。"),
        # A 顿号 where a clause begins: before the writer's own subject, after the time a sentence
        # opens with, between a figure and how it changed.
        ("面对下行挑战、我们迎难而上。过去的一年、全县上下团结奋斗。", "面对下行挑战，我们迎难而上。过去的一年，全县上下团结奋斗。"),
        ("目前、各项目均已开工。2024年、我镇完善学法制度。", "目前，各项目均已开工。2024年，我镇完善学法制度。"),
        ("最后、严格考核。一方面、加强领导；另一方面、强化督导。", "最后，严格考核。一方面，加强领导；另一方面，强化督导。"),
        ("社会消费品零售总额50.8亿元、同比增长1.2%。", "社会消费品零售总额50.8亿元，同比增长1.2%。"),
        # Units of government listed, a comma among them; a list of words before a quoted name.
        ("落实中央，市、区部署，执行省、市，县相关文件。", "落实中央、市、区部署，执行省、市、县相关文件。"),
        ("推进决策、执行、管理，服务、结果“五公开”。", "推进决策、执行、管理、服务、结果“五公开”。"),
    ],
)
def test_punctuation_misuse(wrong: str, right: str) -> None:
    assert fixed(wrong, find_mark_slips(wrong)) == right


@pytest.mark.parametrize(
    "clean",
    [
        "五、六月份是防汛关键期，一、二年级课后服务全覆盖。",  # a list of two, GB/T 15834 4.5.3.5
        "这是为什么？！要深刻反思。",
        "鼓励群众积极参与其中；同时做好宣传。",  # 其中 ending its clause
        "对比2014年所占比重29.5%增长了12.4%。",  # the figure compared against, the change the predicate
        "他说：“要抓好落实。”大家一致赞同。",
        "第一、二批项目已开工。",
        'Windows "Server" 版本',
        # Quoted slogans and names that are no document's title.
        "深化“最多跑一次”改革，争当“人民满意的公务员”，打造“让群众满意的政务服务”品牌。",
        # Quotations side by side, single quotes inside, and an unclosed one (the 符号不成对 check's).
        "开展“三个一”“五个好”活动。他说：“我们要‘撸起袖子’干。”“一是“二是”",
        # A quotation introduced by a colon, or a whole sentence quoted, keeps its stop inside.
        "他说：“好。”群众说“我们满意，放心。”",
        "做到“件件有着落、事事有回音”，群众说“我们满意，放心！”",  # marks inside, but no pause mark last
        "立足当前、着眼长远。这是为什么？是不是这样？如何破解？能否做到？有没有落实？",  # real questions
        # A clause before a list of another shape, or items of another length.
        "打造美丽乡村，让珍视乡村、回归乡村成为风尚。坚持问题导向，精准施策、靶向发力。",
        # Phrases sharing a last character that is no noun suffix (线, 实): clauses, not words.
        "筑牢思想防线，牢记底线、不踩红线。做到文风朴实，内容充实、数据详实。",
        "清垃圾，绿化、美化、亮化、净化，改路、改水、改厕。",  # two lists of their own kinds
        'The "2024" plan was reviewed.',  # English text quotes as English does
        # GB/T 15834 4.5.3.5 would drop a 顿号 between titles or quotations side by side, but
        # published reports write it: “…”、“…” 175 times in 1.4 million characters, 》、《 in
        # four of five of the last local corpora (twice in 80,000 characters): not flagged.
        "贯彻《条例》、《办法》、《实施方案》要求，开展“三个一”、“五个好”活动。",
        # 确保 as an item of a list or of a slogan; 力争 after a target.
        "守住确保粮食安全、确保不发生规模性返贫两条底线，落实“跑出加速度、确保高质量”要求。",
        "地区生产总值增长5%左右、力争更好结果，深化改革、进一步扩大开放、优化服务。",
        "2025年是贯彻全会精神、进一步全面深化改革的关键一年。",  # two phrases before one noun
        # A quotation ending a sentence of its own, then the next one.
        "群众说“我们满意，放心。”大家一致赞同。",
        "这样做是否合适？审核是否合规，你知道吗？覆盖市、县两级，在本市，县里两级干部到场。",
        # Bracketed numbers listed (第（一）、（二）项) keep their 顿号.
        "按照第（一）、（二）项规定执行，（一）、（二）两项已完成。",
        # Phases listed, not estimated (一、二、三期).
        "整车项目一、二、三期全部投产，加快二、三期工程建设。",
        "提升质量、等级和效益，不是想出来、等出来的。",  # 等 opening a word, or the verb "to wait"
        "践行富强、民主、文明、和谐，自由、平等、公正、法治，爱国、敬业、诚信、友善。",  # groups, as many in each
        "过去五年：一是经济持续发展。",  # a colon before the points it lists
        "口令是：一，二，三！倒数：三，二，一。第一，抓落实；其一，稳增长。",  # counted aloud; ordinal words
        "研发投入强度由1.2%提高到2.1%，比重从30%上升至35%。",  # 由……提高到: one predicate
        "这件事还早着呢。多年来的经验、教训值得总结。",  # 呢 that asks nothing; 多年来 qualifying a noun
        "正处在一个能干事、也能干成事的好时期，建设国际化大都市、都市圈。",  # parallel predicates; 都 of a word
        "依照《条例》法定程序，按《办法》规定执行。",  # 法定, 规定: words of their own after the title
        "发展第一、第二产业，壮大第一、二产业，学习《奥运会组织工作条例》。",  # lists of ordinals; a title
        "一是、二是、三是三个层次。一是，强化责任；二是推进改革。",  # the labels listed; a comma or none
        "一是抓学习，二是抓落实，三是抓督查。一是抓学习，提高认识；二是抓落实；三是抓督查。阅读《十万个为什么》。",
        # Ellipses of one and of two (lines left out); figures with a Latin ellipsis; a sentence
        # ending in a figure, the next opening with one.
        "接待游客……万人次。…………。步骤1...n，全年增长8%。5年来，我们坚持不懈。增长5%，100家企业上规。",
        # Such phrases listed; means or ends listed after 通过, 为.
        "按照中央要求、省委部署，在思想上、政治上、行动上保持一致。在党中央的坚强领导下、在省委的正确指导下，我们前进。",
        "通过加强监管、完善制度，取得成效。为全面完成目标任务、推动高质量发展作出贡献。",
        "我们思考：如何解决这些问题？如何破解？要研究解决什么问题？大家知道为什么吗？",  # questions asked
        "这几年一共办了几件实事？近几年发展得怎么样？",  # 几 that asks, beside one that counts
        # Ranks listed (二、三等奖) after a comma; two years listed outside a plan's brackets.
        "获一等奖1个，二、三等奖各2个。评出：一、二、三等奖若干。2021、2022年连续获评。",
        "见到他们，我们问：“老前辈，身体可好？你们来了？”",  # words quoted as said ask as people speak
        # A phrase may end before the comma (教育，医疗、养老等); quoted items all with 顿号, or none.
        "推进教育，医疗、养老等民生事业。落实“四个不摘”、“八个不变”要求，推进“三大”“五化”建设。",
        "印发了《关于加强管理的通知》，会议宣读了表彰决定。",
        "会上发布白皮书，与企业签署战略合作备忘录。",  # the kind of paper only, no title
        "《新乡市三年行动计划》已经市政府同意，现印发给你们。该方案经市政府同意后实施。",  # titled; no notice's words
        "出台服务保障疫情防控工作意见，制定实施方案，印发行动方案。",  # a plan named by its subject, or by its kind only
        "会议宣读了“决定”，提出“依法治省”。（会议通过了决议。）",  # short quotes; a sentence in brackets
        "最高潮位可能会达到多少？渔民在海上安全不安全？",  # 安全不安全 asks, as 是不是 does
        # 并 beginning a word listed after a 顿号; a semicolon after a clause that ends in 是.
        "推进企业兼并、并购重组，实现风电、并网运行。这是成绩，也是考验；那是过去。",
        # The title a document forwards is part of its own title (fresh pages).
        "按照《四川省公安厅交通管理局转发部局关于进一步加强重特大道路交通事故预防工作的通知》要求执行。",
        # Two frames of 以……为; a list after the date counted to; a colon doubled is another slip.
        "以项目为支撑，以市场为取向，以资源为基础。截至目前：一是完成投资5亿元；二是开工3个。截至6月底：1.完成投资。",
        # A sentence of its own in brackets after the stop; a heading's ordinal; a short lead-in.
        # Years joined by a hyphen are left alone: the copies of published reports write the
        # 纲要（2021-2025年） so as often as with the 一字线.
        "全年完成任务。（数据来源：县统计局。）落实《法治政府建设实施纲要（2021-2025年）》。",
        "一、",
        "主要做法，",
        # Subjects listed, years listed, changes listed.
        "你们、我们、他们都是主人。2023年、2024年连续获评先进。收入增长8%、支出下降3%。",
        "当前、今后一个时期，要抓好落实。",  # times listed
        "县委，县政府高度重视。报中央，市委同意后实施。",  # a unit's own office after the comma
    ],
)
def test_punctuation_near_misses(clean: str) -> None:
    assert find_mark_slips(clean) == []


def test_a_dunhao_before_the_adverbial_of_the_predicate_is_a_comma(lexicon: Lexicon) -> None:
    from core.proofread.list_marks import dunhao_before_adverbial

    wrong = "通过查资料、访群众、找差距的方式、有力地促进了工作进展。"
    assert fixed(wrong, dunhao_before_adverbial(wrong, lexicon)) == "通过查资料、访群众、找差距的方式，有力地促进了工作进展。"
    # Adverbials of one list; land (用地), no particle.
    for clean in ("确保按时、高质、高效地完成这项工作。", "要积极、主动地开展工作。", "认真细致、扎实有效地推进各项工作。", "加强基本农田、建设用地审批管理。"):
        assert dunhao_before_adverbial(clean, lexicon) == []


def test_a_comma_before_items_that_end_as_the_words_before_it_is_a_dunhao(lexicon: Lexicon) -> None:
    from core.proofread.list_marks import comma_before_like_items

    for wrong, right in (
        ("全县已建立了医患纠纷，交通事故纠纷、诉前调解纠纷等专业调委会。", "全县已建立了医患纠纷、交通事故纠纷、诉前调解纠纷等专业调委会。"),
        ("人民银行邛崃支行，工商银行邛崃支行、农业银行邛崃支行等12家金融机构参加。", "人民银行邛崃支行、工商银行邛崃支行、农业银行邛崃支行等12家金融机构参加。"),
        ("先后到万张街道退役军人服务站，卧龙山街道退役军人服务站、县退役军人服务中心等站点查看。", "先后到万张街道退役军人服务站、卧龙山街道退役军人服务站、县退役军人服务中心等站点查看。"),
        ("普查的范围为种植业，林业、畜牧业、渔业及农林牧渔服务业。", "普查的范围为种植业、林业、畜牧业、渔业及农林牧渔服务业。"),
    ):
        assert fixed(wrong, comma_before_like_items(wrong, lexicon)) == right
    # The message names the whole first item, back to the verb or particle before it.
    for wrong, items in (
        ("检查了县第一人民医院住院部，县中医院住院部、县妇幼保健院住院部等科室。", "“县第一人民医院住院部，县中医院住院部、县妇幼保健院住院部”"),
        ("先后到城关镇大寨村文明实践站，城关镇小寨村文明实践站、县文明实践中心等站点查看。", "“城关镇大寨村文明实践站，城关镇小寨村文明实践站、县文明实践中心”"),
    ):
        [hit] = comma_before_like_items(wrong, lexicon)
        assert hit.message.startswith(items)
    # Two predicates; an adverb or 还是 opening the next phrase; the list the subject of the next clause.
    for clean in (
        "加强党的建设，推进思想建设、组织建设、作风建设。",
        "压紧压实校园安全工作责任，切实把属地责任、监管责任和主体责任压紧压实。",
        "无论是形成高质量的提案，还是遴选重点提案、督促办理重点提案，都具有优势。",
        "组建机器人协同创新中心，国家机器人检测与评定中心、质量监督检验中心获批并建设。",
        "全县共有卫生院12个，村卫生室、社区服务站等120个。",
        "组织开展了“三日一网”活动，每月开展党员活动日活动、党员志愿服务日活动。",  # how often: a clause
    ):
        assert comma_before_like_items(clean, lexicon) == []


def test_a_comma_among_the_items_of_one_list_is_a_dunhao(lexicon: Lexicon) -> None:
    from core.proofread.list_marks import comma_inside_a_list

    for wrong, right in (
        # A mould filled in turn; like items before their predicate, the clause nothing but them.
        ("扎实开展“提高效率，提升效能、提增效益”行动。", "扎实开展“提高效率、提升效能、提增效益”行动。"),
        # The mould's first item ending a longer clause.
        ("着力提高政治判断力，政治领悟力、政治执行力。", "着力提高政治判断力、政治领悟力、政治执行力。"),
        ("村庄美化、亮化，绿化已完成95%。", "村庄美化、亮化、绿化已完成95%。"),
        # A sentence opening with a name, the rest of the list closed by 等.
        (
            "东部华侨城，京基喜来登酒店、大梅沙湾游艇会、奥特莱斯购物村等一批设施建成运营。",
            "东部华侨城、京基喜来登酒店、大梅沙湾游艇会、奥特莱斯购物村等一批设施建成运营。",
        ),
    ):
        assert fixed(wrong, comma_inside_a_list(wrong, lexicon)) == right
    for clean in (
        "完成美化、亮化，绿化正在推进。",  # a verb's object, then a clause of its own
        "加强党的建设，推进思想建设、组织建设。坚持问题导向，精准施策、靶向发力。",  # items of other lengths
        "清垃圾，绿化、美化、亮化、净化，改路、改水、改厕。",  # two lists of their own kinds
        "一是抓学习、强素质，二是抓管理、促规范。",
        "坚持党建引领，党建带群建、党建促发展。深入开展调查研究，研究问题、研究对策。",  # no mould
        "严格按照时间节点，稳步推进兵役登记、体格检查、政治审查等工作。其中，张三、李四等人获奖。",
    ):
        assert comma_inside_a_list(clean, lexicon) == []


def test_a_comma_after_the_first_item_of_a_list_is_a_dunhao(lexicon: Lexicon) -> None:
    from core.proofread.list_marks import comma_after_first_item

    for wrong, right in (
        # A verb takes the whole list; the items alike, the second joined to one more by 和.
        ("集中开展危险化学品，建筑施工和特种设备、消防安全等专项整治。", "集中开展危险化学品、建筑施工和特种设备、消防安全等专项整治。"),
        ("重点扶持茶叶，蔬菜、中药材等特色产业。", "重点扶持茶叶、蔬菜、中药材等特色产业。"),
        # Administrative levels; bare names opening the clause.
        ("逐级落实县，乡、村三级网格责任。", "逐级落实县、乡、村三级网格责任。"),
        ("县委，县政府、县人大、县政协领导出席了会议。", "县委、县政府、县人大、县政协领导出席了会议。"),
        # A count after the list that counts the first item too.
        ("重点发展食品，纺织和机械三大主导产业。", "重点发展食品、纺织和机械三大主导产业。"),
        # Items that share their last words, after a preposition the predicate follows.
        ("将全县的年度考核指标，季度考核指标、月考核指标层层分解。", "将全县的年度考核指标、季度考核指标、月考核指标层层分解。"),
        # A verb also used as a noun opening three items or more that 等 closes is an item.
        ("外事，改革、档案、信息、保密等各项工作都得到了推进。", "外事、改革、档案、信息、保密等各项工作都得到了推进。"),
    ):
        assert fixed(wrong, comma_after_first_item(wrong, lexicon)) == right
    for clean in (
        "全面完成年度目标任务，经济实力、群众收入明显提高。",  # the next clause's subject and its predicate
        "以文明创建为契机，全方位、多层次改善人居环境。",  # adverbials of the next clause
        "统筹发展和安全，稳增长、防风险。",  # verbs' phrases
        "认真梳理问题清单，按类别、时限分类整改。",  # a preposition opens the next clause
        "每天都在产生垃圾，废纸、塑料、果皮等等。",  # what the words before are
        "连日来，镇党委、政府高度重视防汛工作。",  # a time opens the clause
        "以新理念引领文化建设，艺术创作、公共文化等工作亮点纷呈。",  # a predicate after 等's kind
        "重点发展茶叶，蔬菜和水果两大产业初具规模。",  # the count is the items after the comma
    ):
        assert comma_after_first_item(clean, lexicon) == []


def test_a_comma_between_two_words_of_one_suffix_is_a_dunhao(lexicon: Lexicon) -> None:
    from core.proofread.list_marks import comma_between_suffixed_words

    for wrong, right in (
        ("推动蔬菜产业集约化，品牌化经营。", "推动蔬菜产业集约化、品牌化经营。"),
        ("这些措施具有针对性，可操作性。", "这些措施具有针对性、可操作性。"),
        ("既当好主题教育的组织者，推动者，也要成为参与者。", "既当好主题教育的组织者、推动者，也要成为参与者。"),
    ):
        assert fixed(wrong, comma_between_suffixed_words(wrong, lexicon)) == right
    for clean in (
        "加快推进农业产业化，市场化水平逐步提高。",  # the second word opens a clause with its predicate
        "全面实现信息化，优化政务服务。",  # a verb of two characters
        "推进传统产业高新技术化，强化制造业主体地位。",  # the suffix ends a longer word
        "作为管理者，领导者要带头遵守。",  # the second opens a clause with its predicate
    ):
        assert comma_between_suffixed_words(clean, lexicon) == []


def test_a_comma_among_short_assessments_is_a_dunhao(lexicon: Lexicon) -> None:
    from core.proofread.list_marks import comma_among_assessments

    for wrong, right in (
        ("今年的任务时间紧，任务重、压力大。", "今年的任务时间紧、任务重、压力大。"),
        ("专家组认为该局台账规范，制度健全、措施有力，值得推广。", "专家组认为该局台账规范、制度健全、措施有力，值得推广。"),
    ):
        assert fixed(wrong, comma_among_assessments(wrong, lexicon)) == right
    for clean in (
        "针对农民致富心情迫切，但信息不灵、技术有限的实际情况，开展培训。",  # 但 opens a clause
        "加强队伍建设，提高素质、改进作风。",  # verbs' phrases, no assessments
    ):
        assert comma_among_assessments(clean, lexicon) == []


def test_a_comma_between_two_moulded_attributes_is_a_dunhao(lexicon: Lexicon) -> None:
    from core.proofread.list_marks import comma_between_paired_attributes

    for wrong, right in (
        ("实行每月调度，每月通报的工作机制。", "实行每月调度、每月通报的工作机制。"),
        ("坚持日清日结，即收即办的原则。", "坚持日清日结、即收即办的原则。"),
    ):
        assert fixed(wrong, comma_between_paired_attributes(wrong, lexicon)) == right
    for clean in (
        "坚持统筹兼顾，突出重点的原则。",  # no mould
        "上下联动，左右协同，形成合力。",  # no noun they qualify
        "要教育职工，提高职工的事业心和责任心。",  # 职工的事业心: what the verb takes
    ):
        assert comma_between_paired_attributes(clean, lexicon) == []


def test_a_comma_before_the_rest_of_a_list_that_deng_closes_is_a_dunhao(lexicon: Lexicon) -> None:
    from core.proofread.list_marks import comma_before_closed_list

    for wrong, right in (
        # The first item a preposition's or a verb's object, the rest closed by 等 and their kind.
        ("重点对商场，宾馆、农贸市场等场所，开展安全检查。", "重点对商场、宾馆、农贸市场等场所，开展安全检查。"),
        ("通过宣传栏，广播、微信群等渠道，把政策送到群众身边。", "通过宣传栏、广播、微信群等渠道，把政策送到群众身边。"),
        ("慰问了敬老院，福利院、儿童之家等机构。", "慰问了敬老院、福利院、儿童之家等机构。"),
        # 顿号 on both sides of the comma.
        ("聚焦就业、教育、医疗，养老、住房等领域。", "聚焦就业、教育、医疗、养老、住房等领域。"),
    ):
        assert fixed(wrong, comma_before_closed_list(wrong, lexicon)) == right
    for clean in (
        "维护国家政治安全，严厉打击渗透颠覆破坏、暴力恐怖等犯罪。",  # a clause with its own verb
        "通过夯实责任、强化措施，综合运用法律、政策、经济等手段。",  # a verb and its object after the comma
        "发展新型工业化，壮大了煤炭、电力、建材等产业。",
        "截至目前，张村、李村等5个村。在此基础上，教育、卫生等部门。",  # a time, a ground
        "深入实施地下水超采综合治理，通过水源置换、生态补水等措施，压减开采量。",  # a clause's object, longer
        "在上级的支持下，道路、饮水等项目顺利实施。",  # a clause of its own after 等
    ):
        assert comma_before_closed_list(clean, lexicon) == []


def test_a_series_cited_in_part_keeps_its_order() -> None:
    from core.proofread.partial_series import partial_series_reordered

    wrong = "全县初步形成了基层首诊、急慢分治、双向转诊的就医格局。"
    assert fixed(wrong, list(partial_series_reordered(wrong))) == "全县初步形成了基层首诊、双向转诊、急慢分治的就医格局。"
    for clean in (
        "全县初步形成了基层首诊、双向转诊、急慢分治的就医格局。",  # in the series' order
        "统筹推进稳增长、调结构、促改革等工作。",  # the order of a form the documents also write
        "基层首诊、急慢分治两项工作。",  # two items only
    ):
        assert list(partial_series_reordered(clean)) == []


def test_one_odd_mark_among_clauses_of_one_mould() -> None:
    from core.proofread.marks import find_mark_slips

    wrong = "着力抓学习，着力抓创新；着力抓服务，着力抓作风。"
    assert fixed(wrong, find_mark_slips(wrong)) == "着力抓学习，着力抓创新，着力抓服务，着力抓作风。"
    wrong = "提高了发展质量；提高了服务水平，提高了群众满意度；提高了队伍素质。"
    assert fixed(wrong, find_mark_slips(wrong)) == "提高了发展质量；提高了服务水平；提高了群众满意度；提高了队伍素质。"
    last = "进一步加强队伍建设；进一步推动科研发展；进一步加大投入力度，进一步促进医院发展，为群众服务。"
    assert find_mark_slips(last) == []  # the last clause of the series may be its aim
    for clean in (
        "着力抓学习，着力抓创新，着力抓服务。",  # one mark throughout
        "全年着力抓学习，着力抓创新；着力抓服务。",  # two marks: neither is the series' mark
        "2019年，全县脱贫；2020年，全面小康，2021年起步。",  # figures open them, not words
        "坚持抓学习，狠抓制度落实；全面改进作风，深化改革。",  # clauses that share no opening
    ):
        assert find_mark_slips(clean) == []


def test_a_comma_in_a_quoted_series_of_like_items_is_a_dunhao() -> None:
    from core.proofread.marks import find_mark_slips

    wrong = "构建“村委主导，村民主体、乡贤参与、社会协同”的治理格局。"
    assert fixed(wrong, find_mark_slips(wrong)) == "构建“村委主导、村民主体、乡贤参与、社会协同”的治理格局。"
    # Pairs parted by the comma; items of other lengths.
    assert find_mark_slips("坚持“抓党建、促脱贫，抓产业、促增收”和“强化引领，优化服务、完善机制、提升群众满意度”。") == []


def test_a_colon_after_a_figure_is_a_semicolon() -> None:
    from core.proofread.marks import find_mark_slips

    wrong = "存款余额增长了29.1%：贷款余额达到60.1亿元：增长31.2%。"
    assert fixed(wrong, find_mark_slips(wrong)) == "存款余额增长了29.1%；贷款余额达到60.1亿元；增长31.2%。"
    # A time and a ratio; a colon after a word that announces what follows.
    assert find_mark_slips("会议10：30开始，比例为3：2，主要做法是：加强领导。") == []


def test_a_sentence_that_is_only_a_time_goes_on_after_a_comma(lexicon: Lexicon) -> None:
    from core.proofread.marks import time_clause_stopped

    wrong = "普查工作启动后。先后派专业人员参加了培训。"
    assert fixed(wrong, time_clause_stopped(wrong, lexicon)) == "普查工作启动后，先后派专业人员参加了培训。"
    # 后 ending a word (滞后, 最后, 今后) ends a sentence as any word does.
    assert time_clause_stopped("我县工作相对滞后。下一步加快进度。排在最后。今后。", lexicon) == []


def test_no_dunhao_before_the_conjunction_that_joins_the_last_item(lexicon: Lexicon) -> None:
    wrong = "加强药物、疫苗、和检测试剂研发，开展咨询、远程会诊、及远程治疗。"
    right = "加强药物、疫苗和检测试剂研发，开展咨询、远程会诊及远程治疗。"
    assert fixed(wrong, conjunction_after_dunhao(wrong, lexicon)) == right
    # Names and words that begin with 和; 与 opening a parallel predicate.
    clean = "绘就各美其美、和美共荣的画卷，新设和康、和安县，为政治服务、与生产劳动相结合。"
    assert conjunction_after_dunhao(clean, lexicon) == []



def test_a_comma_before_the_item_that_closes_a_list(lexicon: Lexicon) -> None:
    # Our own sentences, one slip each: the list the 顿号 began, or two items of one shape, closed by 等 or 和.
    wrong = (
        "开展内销、外销，直销等活动；培育食品、纺织，建材等产业；添置电冰箱，电烤箱等设备；"
        "建设生态强县、旅游强县，工业强县和教育强县。"
        # Three items of one length before the comma, the item as long; jieba reads 和约 of 和约见.
        "开展执法检查、代表视察、工作评议，专题询问和约见。"
        # Three items of one shape and no 顿号 at all.
        "树立正确的价值观，人生观和世界观。"
    )
    right = (
        "开展内销、外销、直销等活动；培育食品、纺织、建材等产业；添置电冰箱、电烤箱等设备；"
        "建设生态强县、旅游强县、工业强县和教育强县。"
        "开展执法检查、代表视察、工作评议、专题询问和约见。"
        "树立正确的价值观、人生观和世界观。"
    )
    assert fixed(wrong, comma_before_last_item(wrong, lexicon)) == right
    clean = (
        "支持教育、文化，平等参与；加快发展高端装备、新材料，推动医药等产业集聚；"  # 等 of a word; a verb opens the clause
        "扩大招生、招工，在县城和乡镇设点；完善教育、医疗，以及养老等服务；"  # 在, 以及 open clauses
        "抓好项目、招商，企业和群众满意；建好公园、绿地，社区和单位同步绿化。"  # 和 joining other words
        "推进文化、教育、卫生，世界和平发展；强化监督、审查、调查，纪委和监委协同。"  # 和平; items of another length
        "提高工作效率，服务质量和管理水平；加强党性观，人生观和我们相关。"  # items of no one shape
    )
    assert comma_before_last_item(clean, lexicon) == []


def test_the_list_rule_leaves_the_shared_cut_as_it_was(lexicon: Lexicon) -> None:
    # The cut of a run is shared by every rule that reads it: one that changed it broke the next.
    text = "开展内销、外销，直销等活动。"
    run = text[text.index("直销") : text.index("直销") + 7]
    cut = list(lexicon.words(run))
    assert comma_before_last_item(text, lexicon)
    assert lexicon.words(run) == cut


# ---------------------------------------------------------------- 重复


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("健全议事决策制度制度。", "健全议事决策制度。"),
        # Two characters jieba cut loose, typed twice; a word's end typed again as the next
        # word's start, where the dictionary holds the whole name; a character that jieba reads
        # into the next word (合|法定人数), not two words meeting (合法).
        ("召开第八批援疆援疆工作总结大会。", "召开第八批援疆工作总结大会。"),
        ("镇第二十届人民代表代表大会第五次会议召开。", "镇第二十届人民代表大会第五次会议召开。"),
        # A word of two typed again at the seam of two long words the dictionary keeps apart.
        ("完善最低生活保障保障制度，健全基本公共服务服务体系。", "完善最低生活保障制度，健全基本公共服务体系。"),
        ("出席代表124名，符合合法定人数。", "出席代表124名，符合法定人数。"),
        ("市总工会召开务虚会会，总结全年工作。", "市总工会召开务虚会，总结全年工作。"),  # 会 ending its run is no modal
        ("统筹推进各项项工作。", "统筹推进各项工作。"),
        ("办案数居全市法院第第一位。", "办案数居全市法院第一位。"),  # 第 of an ordinal, after a word
        ("全全面推进乡村振兴。", "全面推进乡村振兴。"),
        ("进一步步加强党的建设。", "进一步加强党的建设。"),
        ("全面推进乡村振兴振兴。", "全面推进乡村振兴。"),
        ("完善基层基层治理体系。", "完善基层治理体系。"),
        # Between words the loose half is a slip, though it stands by a loose character elsewhere.
        ("要全面面推进改革，加强制度度建设。", "要全面推进改革，加强制度建设。"),
        # 等等 before what sums the list up: 等 introduces it.
        ("人均公共文化财政支出等等5项指标实现程度提高。", "人均公共文化财政支出等5项指标实现程度提高。"),
        # 区 before 、 is an item of a list (区、市), not a suffix making 完成区 a word.
        ("总产量达5.64万吨，超额完成完成区、市目标任务。", "总产量达5.64万吨，超额完成区、市目标任务。"),
        # 县县 is a word (县县通), but before an organ's name the unit is doubled.
        ("办公室设在县县统计局。", "办公室设在县统计局。"),
        ("传达学习学习了县第十五次党代会精神。", "传达学习了县第十五次党代会精神。"),  # a verb reduplicated takes no 了
        # ... nor is it the object of a light verb (作了|交流发言, 进行研究).
        ("代表们作了交流交流发言，对问题进行研究研究。", "代表们作了交流发言，对问题进行研究。"),
        # A character typed twice inside a word: the word before and what follows the copy make
        # a known word (规律性, 积极性) that the copy's own word (律性, 极性) is not, nor one reports use.
        ("增强工作的规律律性，调动群众的积极极性。", "增强工作的规律性，调动群众的积极性。"),
        # A word jieba cut in two (参保|率), typed twice.
        ("贫困人口参保率参保率和财政资助率实现了两个100%。", "贫困人口参保率和财政资助率实现了两个100%。"),
        # A measure typed twice after a count or an ordinal (only 一次次 means one after another).
        ("县第十五届人民代表大会第五次次会议开幕，新建三个个项目。", "县第十五届人民代表大会第五次会议开幕，新建三个项目。"),
        # A unit after a figure, doubled (62万: no surname 万 before a doubled given name).
        ("2月26日日，全县总人口62万人人，流转100亩亩农田。", "2月26日，全县总人口62万人，流转100亩农田。"),
        # Three characters or more typed again at once, whatever jieba made of the copy.
        ("结合中心组中心组成员的实际，鼓舞了鼓舞了士气。", "结合中心组成员的实际，鼓舞了士气。"),
        # 多 and 新 before a word of their own (多次, 新增) typed twice; 中 no verb before a part of the body.
        ("办公会多多次专题部署，贷款新新增20户，推进文体中中心建设。", "办公会多次专题部署，贷款新增20户，推进文体中心建设。"),
        # A character typed twice inside a word makes a word of its own (阵阵) between loose ends.
        ("牢牢守住意识形态主阵阵地。", "牢牢守住意识形态主阵地。"),
        # A word typed twice, though the second makes a compound with the next (基层基础).
        ("不断夯实应急管理基层基层基础。", "不断夯实应急管理基层基础。"),
        # 一 and a word jieba keeps whole with it that is no measure: an adverb doubled (一定|定).
        ("我们一定定要把工作做好。", "我们一定要把工作做好。"),
        # A level doubled where no other level follows it.
        ("组织全镇镇干部进行培训。", "组织全镇干部进行培训。"),
        # A place that ends in 地 typed twice; a level doubled before an office that is no organ of it.
        ("帮助当地地群众解决困难。", "帮助当地群众解决困难。"),
        ("加强全县县统计局建设。", "加强全县统计局建设。"),
    ],
)
def test_doubling(lexicon: Lexicon, wrong: str, right: str) -> None:
    assert fixed(wrong, find_doubling(wrong, lexicon)) == right


@pytest.mark.parametrize(
    "clean",
    [
        "对这件事要研究研究，常常听取意见，一个个落实。",
        "会上大家议论议论，作了交流发言，进行了研究。",  # reduplicated after no light verb
        "利用钉钉系统召开镇村干部会议20余次。",  # the office platform's name
        "实实在在、扎扎实实，家家户户都满意。",
        "为了了解情况，学习习近平总书记重要讲话，转变工作作风。",
        "铁路路网密度居西部第一，散居孤儿（含艾滋病病毒感染儿童），北京大学学生会。",  # two words meet
        "确保日日有上稿、月月有活动、季季有头条。",
        "全面提升基层党组织组织力，召开党组织组织生活会。",
        "构建共建共治共享的社会治理格局，推动城乡电网同网同价。",  # items of a series; a pattern of one-character words
        "我们一件一件抓落实，一步步推进，人人有责。",
        "对这个问题要商量商量、看一看想一想，走一走看一看。",  # a verb said twice, whole or with 一
        "二○二二年，全县有有利条件。",
        "开展查查问题、治治病的活动。",  # a one-character verb doubled before its object
        "目标踮踮脚够得着，做到人人都是宣传员、科科都有自媒体。",  # before a part of the body; every section
        "三百六十行行行出人才。",
        "中国科学家屠呦呦获得诺贝尔生理学或医学奖。",  # a rare character doubled: a name
        "我部部署专项工作，我区区委书记带队，我县县城建设，我委委员参加。",  # 我部 + 部署
        "7家企业入选国家重点产业链链主企业。",  # 产业链 + 链主: two words meet where jieba cut 链|链主
        # A name, then one of our 政务 words (市本级); 任 "serves as" after a title.
        "印发《遂宁市市本级财政性资金管理决策程序规定》，由办公室副主任任负责人。",
        # A word, then a terse name of loose characters starting with its last one, or such a
        # name ending with the first character of a word (2026 provincial reports).
        "太湖湖体平均水质30年来最好，中国国新等央企落户。",  # 湖|体, 国|新
        "举办徽学学术大会，推进中煤煤炭深加工项目。",  # 徽|学, 中|煤
        "及时遏制无心向学学生外出。",  # 向学 + 学生
        "生产总值近3年年均增长6%，积极发展铁水、水水联运。",  # a count in figures; one of our words
        "加强教育、卫生、文化等等，这个问题可以再等等看。",  # 等等 closing a list; wait a while
        "公开县城出厂水水质检测报告。",  # official text writes 出厂水: 出厂水 + 水质 meet
        "一次次冲锋，一个个落实，扶持三个个体户，实施五项项目，引进两名名师。",  # 一 doubled on purpose; a measure, then a word
        "3户户通工程全部完工，5日日均客流1万人次，2019年年中召开会商会。",  # 户户通, 日均 words; 年 after a date left alone
        "一个环节一个环节抓落实，当选第三届工会委员会委员。",  # 一 and a measure said twice; 会委员 across words
        "实现县县通高速，村村通公路，县县有产业园区。",  # 县县 and 村村 words of their own
        # A doubled character among loose ones is a name (贝贝小南瓜, 道道全, 支支串飞, 宜荆荆恩,
        # 何珊珊); 常务会|会前学法.
        "以贝贝小南瓜为主导产业，道道全总部落地，打造“支支串飞”线路，县政府常务会会前学法2次。",
        "带动宜荆荆恩城市群一体化发展，宁都籍运动员何珊珊获一银一铜。",
        # 2025 provincial and county reports: one pattern repeated in parallel items, an adjective
        # doubled before 的, a verb before its potential complement, a line between two places,
        # 一 + a doubled measure word.
        "全天候提供“歇歇脚、喝喝水、热热饭、充充电、避避暑、取取暖”服务。",
        "拿出真招实招，具体抓抓具体、深入抓抓深入。",
        "让孩子们跑起来，长得壮壮的，练得棒棒的。",
        "办成了一批多年想干干不成的大事，荆荆高铁建成运营，龙龙铁路全线开工，组建一支支硬核队伍。",
        # A degree word and an adjective said twice to end a clause, for stress.
        "粮食生产必须抓得很紧很紧。",
        "会场响起阵阵掌声，做到人人有责，节节攀升，层层落实。",
        # A town named with its unit's character (乌镇), then the unit.
        "2017年1月9日在乌镇镇第十七届人民代表大会第一次会议上。",
        # 一 and any measure jieba keeps whole with it, then the measure again (fresh pages).
        "烟农们把一筐筐金色的烟叶送进验级区，一股股鲜红的血液汇入“爱的海洋”。",
        # The unit, then the first of the levels it lists (fresh pages).
        "组织全镇镇、村干部培训，全县县乡级河长巡河670次，全县县乡村换届之后召开三级干部会。",
        # A set phrase ending in 地, then the particle; an area, then its unit's organ (fresh pages).
        "大家脚踏实地地干事，设身处地地为群众着想。",
        "辖区区人大代表深入选民开展调研，城区区政府牵头落实。",
        "各班班主任为成员，各组组长参加，每村村医到位。",  # each unit, then a word of it
    ],
)
def test_real_reduplication_is_left_alone(lexicon: Lexicon, clean: str) -> None:
    assert find_doubling(clean, lexicon) == []


# ---------------------------------------------------------------- pre-flight and command line


def test_the_note_while_proofreading_is_still_running_says_so_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import core.checks
    from core.checks import CheckRun
    from core.checks.preflight import proofreading_note
    from tests.proofread_eval import paragraph_report

    report = paragraph_report(["全区项目已全面峻工。"])
    found = [f for f in core.checks.run_checks(report) if f.check == "typo"]
    assert found  # the slip: counted below, and the note says the count is not final yet
    monkeypatch.setattr(core.checks, "check_report", lambda *_a, **_k: CheckRun([], frozenset({"typo"})))
    assert proofreading_note(report, wait=False) == "校对尚未完成，可稍后在“检查”中查看。"
    monkeypatch.setattr(core.checks, "check_report", lambda *_a, **_k: CheckRun(found, frozenset({"typo"})))
    assert proofreading_note(report, wait=False) == (
        "另有校对提示 1 处（错别字1处）（校对尚未全部完成），可在“检查”中逐条查看；不影响导出。"
    )


def test_preflight_counts_proofreading_but_never_blocks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cli.main import main as cli_main
    from core.checks.preflight import preflight, proofreading_note
    from tests.proofread_eval import paragraph_report

    report = paragraph_report(["全区项目已全面峻工，截止目前运行良好。"])
    report.title = "关于项目建设情况的报告"
    assert [item for item in preflight(report) if item.kind == "check"] == []
    assert proofreading_note(report) == (
        "另有校对提示 2 处（错别字1处、易混词1处），可在“检查”中逐条查看；不影响导出。"
    )
    assert proofreading_note(paragraph_report(["全区项目已全面竣工。"])) == ""

    source = tmp_path / "报告.txt"
    source.write_text("关于项目建设情况的报告\n一、基本情况\n全区项目已全面峻工。\n", encoding="utf-8")
    assert cli_main(["render", str(source), "-o", str(tmp_path / "报告.docx"), "--strict"]) == 0
    assert "提示：另有校对提示 1 处（错别字1处）" in capsys.readouterr().err


def test_a_word_the_confusable_check_puts_right_is_one_finding() -> None:
    """签定 is in the curated misspellings and among the confusables: the clerk sees it once."""
    from tests.proofread_eval import paragraph_report, text_findings

    findings = text_findings(paragraph_report(["以政府和部门签定的目标管理责任书为抓手。"]))
    assert [(f.rule, f.text) for f in findings] == [("confusable", "签定")]


def test_check_command_names_the_fix_and_its_authority(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cli.main import main as cli_main

    source = tmp_path / "报告.txt"
    source.write_text("关于工作情况的报告\n一、基本情况\n深入学习贯彻党的20大精神。\n", encoding="utf-8")
    assert cli_main(["check", str(source), "--only", "formulation"]) == 1
    [line] = capsys.readouterr().out.splitlines()
    assert line.split("\t") == [
        "一、基本情况 正文第1段第7字",
        "固定名称中的数字应使用汉字：“党的20大”应写作“党的二十大”。",
        "改为“党的二十大”。（依据：GB/T 15835—2011《出版物上数字用法》4.2.3）",
    ]


def test_huge_paragraphs_and_runs_are_not_proofread(
    monkeypatch: pytest.MonkeyPatch, lexicon: Lexicon
) -> None:
    # A hostile paragraph must cost nothing: the word-level rules never segment it.
    from core.checks import run_checks
    from core.checks.proofreading import MAX_PARAGRAPH, PROOFREADING_CHECKS
    from core.proofread import cache
    from tests.proofread_eval import paragraph_report

    calls: list[int] = []
    segment = lexicon.segment
    monkeypatch.setattr(lexicon, "segment", lambda text: calls.append(len(text)) or segment(text))
    cache.clear()
    report = paragraph_report(["峻工" * (MAX_PARAGRAPH // 2 + 1), "加" * 5_000 + "。"])
    assert run_checks(report, only=PROOFREADING_CHECKS) == []
    assert calls == []  # the first is too long to read, the second one run without a mark
    assert [h.fix for h in find_slips("加" * 5_000 + "，全面峻工。", lexicon)] == ["竣工"]


# ---------------------------------------------------------------- rule 11: the learned score


def test_pair_model_is_trained_on_the_features_the_code_computes() -> None:
    from core.proofread import pair_model

    trained = pair_model.model()
    assert trained is not None, "resources/proofread/pair_model.toml is missing or stale"
    assert len(trained.weights) == len(pair_model.FEATURE_NAMES) + 1
    assert len(trained.means) == len(trained.scales) == len(pair_model.FEATURE_NAMES)


@pytest.mark.parametrize(
    "clean",
    [
        "形成人人尽展其才的良好局面。",  # before a loose function word: a set pattern
        "统筹疫后恢复，推动医类院校建设。",  # a function word put in (以后) only where reports write it often
        "这项工作重担在肩，举办XX余期培训班。",  # a function word or a numeral kept as written
    ],
)
def test_loose_pair_the_weighed_signs_leave_alone(lexicon: Lexicon, clean: str) -> None:
    assert find_slips(clean, lexicon) == []


def test_without_the_model_file_rule_11_stays_silent(monkeypatch: pytest.MonkeyPatch, lexicon: Lexicon) -> None:
    from core.proofread import official_counts, pair_model

    monkeypatch.setattr(pair_model, "model", lambda: None)
    monkeypatch.setattr(official_counts, "counts", lambda: None)  # rule 12 finds 考和 too (考核 制度)
    assert find_slips("严格落实干部考和制度。", lexicon) == []


def test_a_word_the_draft_writes_twice_is_its_own_term_for_rule_12_too() -> None:
    from core.checks import run_checks
    from core.checks.proofreading import PROOFREADING_CHECKS
    from tests.proofread_eval import paragraph_report

    once = paragraph_report(["牢牢抓住法治三乡建设这一重要契机。"])
    assert [(f.check, f.text, f.fix) for f in run_checks(once, only=PROOFREADING_CHECKS)] == [("typo", "三乡", "三项")]
    twice = paragraph_report(["牢牢抓住法治三乡建设这一重要契机。", "扎实有力推进法治三乡建设进程。"])
    assert run_checks(twice, only=PROOFREADING_CHECKS) == []


def test_list_items_of_one_shape_keep_their_own_particles() -> None:
    """地 → 的 only where the item's head and its sibling's are nouns: an adverbial beside an
    attribute (认真地学习、深入的研究) is left alone, as a verb after the list is."""
    from core.proofread.particles import find_particle_slips

    lexicon = get_lexicon()
    assert lexicon is not None
    for sentence in ("既要认真地学习、深入的研究。", "坚持积极的态度、务实地推进工作。", "以昂扬的斗志、饱满地投入工作。"):
        assert find_particle_slips(sentence, lexicon) == [], sentence


def test_a_word_official_text_never_writes_before_di_qualifies_a_noun() -> None:
    """公开 is written before 的 hundreds of times in official text and never before 地: 信息公开的
    深度 is the depth of the disclosure (found on fa28 and fa27), while 认真的落实 is still 地."""
    from core.proofread.particles import find_particle_slips

    lexicon = get_lexicon()
    assert lexicon is not None
    for sentence in (
        "部分领域信息公开的深度有待提升。",
        "不断拓展信息公开的覆盖范围。",
        "明确公开的组织机构。",
        "在工作中得到锻炼，他在比赛中得第一名。",
        "争取群众积极地支持改革，解决的如何是关键。",
    ):
        assert find_particle_slips(sentence, lexicon) == [], sentence
    [hit] = find_particle_slips("要认真的落实各项政策。", lexicon)
    assert hit.fix == "地"



def test_di_before_a_verb_ending_its_clause_says_how(lexicon: Lexicon) -> None:
    """对脱贫户全覆盖地帮扶: a verb that is no noun ends the clause after X地 — X says how it is done;
    成立了相应的组织机构: after a verb done, X的 opens its object, a noun phrase to the clause's end."""
    assert find_particle_slips("对脱贫户全覆盖地帮扶，做到不漏一户。", lexicon) == []
    assert find_particle_slips("各村成立了相应的组织机构，明确了专人负责。", lexicon) == []
    # Near misses: a verb used as a noun after a verb's attribute; an adverbial before a verb with 了.
    assert [h.fix for h in find_particle_slips("开展多样化地宣传，营造浓厚氛围。", lexicon)] == ["的"]
    assert [h.fix for h in find_particle_slips("我们认真的研究了各项任务。", lexicon)] == ["地"]


def test_de_read_by_what_follows_the_phrase(lexicon: Lexicon) -> None:
    """A 的 phrase opening its clause before its predicate (正常的开支|靠……维持); 地 before verbs that
    share an object (有效地防范和处置各类事件); the object of 按照 (按照规范的处理流程); a complement
    to the end of its list item (总结得比较深入、问题找得比较准)."""
    for clean in (
        "全系统亏损780万元，正常的开支靠拆借资金维持。",
        "切实有效地防范和处置各类突发公共事件。",
        "按照规范的处理流程开展工作。",
        "前期工作总结得比较深入、问题找得比较准。",
    ):
        assert find_particle_slips(clean, lexicon) == [], clean
    # Near misses: an adverbial before a verb with its object; 的 before a complement of a verb
    # jieba tags a noun (总结).
    assert [h.fix for h in find_particle_slips("要坚定的实现雨污分流。", lexicon)] == ["地"]
    assert [h.fix for h in find_particle_slips("前期工作总结的比较深入、问题找得比较准。", lexicon)] == ["得"]


def test_de_where_the_phrase_is_an_object_or_the_saying_a_predicate(lexicon: Lexicon) -> None:
    """What was given closing the clause (提供了有力地依据); a compound noun beside an item with 的,
    joined by 和 (饱满地工作热情和务实的工作作风); what the subject is, after 是 (是了不起地奋斗者);
    a saying after a modal (可以自豪的说)."""
    for wrong, fix in (
        ("为安全工作的开展提供了有力地依据。", "的"),
        ("用饱满地工作热情和务实的工作作风，敲响战鼓。", "的"),
        ("每个人都是了不起地奋斗者。", "的"),
        ("回顾一年来的工作，可以自豪的说，我们取得了显著成绩。", "地"),
    ):
        assert [h.fix for h in find_particle_slips(wrong, lexicon)] == [fix], wrong
    for clean in (
        "这是实实在在地干出来的。",
        "认真地学习和深入地研究。",
        "我们的说法是这样。",
        "提供了有力的依据。",
        # An office named with 所 (站所); a noun ending in a word jieba also calls an adjective.
        "实时收集更新各部门、各站所的政务动态。",
        "坚持以饱满的政治热情、强烈的使命担当投入工作。",
    ):
        assert find_particle_slips(clean, lexicon) == [], clean


@pytest.mark.parametrize(
    "clean",
    [
        # Terms of a trade jieba lacks (words.txt): agriculture, policing, education.
        "适期播种，加强定殖菌株研究，组建机防队20支，每亩有效穗数18万，较对照品种增产8.2%。",
        "开展全警实战大练兵，严防复吸，做好幼小衔接工作，被评为中小学艺体工作先进学校。",
        # A figure's unit, then a range to the next figure; a word of 现汉 and a booster shot.
        "对新村付52栋至54栋进行整治，开展实地查勘，加快推进加强针的接种。",
    ],
)
def test_trade_terms_are_no_slips(clean: str) -> None:
    from tests.proofread_eval import paragraph_report, text_findings

    assert [f for f in text_findings(paragraph_report([clean])) if f.check == "typo"] == []


def test_every_formulation_fix_marks_a_title_once() -> None:
    """A wrong title matched by its closing mark only (乡村振兴法》) is put right inside whatever opens
    it (《中华人民共和国…): no fix of formulations.toml doubles a 书名号."""
    for item in data.formulations():
        for wrong in item.wrong:
            text = ("学习《" if wrong.endswith("》") and not wrong.startswith("《") else "学习") + wrong + "。"
            fixed_text = text
            for hit in sorted(find_formulation_slips(text), key=lambda h: -h.start):
                fixed_text = fixed_text[: hit.start] + (hit.fix or "") + fixed_text[hit.end :]
            assert "《《" not in fixed_text and "》》" not in fixed_text, (wrong, fixed_text)

