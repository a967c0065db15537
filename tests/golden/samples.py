"""Hand-written sample reports, one per kind, used by render tests, golden files and screenshots.

Content is written for these tests (names masked the way publishers mask them); every
layout the renderer knows appears somewhere: run-in headings at each level, standalone
headings, inline and paragraph points, a tail, a long title, a subtitle, a closing,
attachments, signature and date.
"""

from __future__ import annotations

from core.draft.kinds import get_kind
from core.draft.model import LAYOUT_JOINED, LAYOUT_PARAGRAPHS, Point, Report, Section


def keypoints_sample() -> Report:
    report = get_kind("annual_keypoints").new_report(2025, "中共XX区委组织部")
    report.opening = [
        "2025年是“十四五”规划收官之年，也是谋划“十五五”发展的关键之年。全区组织工作的总体要求是："
        "坚持以新时代中国特色社会主义思想为指导，全面落实新时代党的建设总要求和新时代党的组织路线，"
        "为全区高质量发展提供坚强组织保证。"
    ]
    report.sections = [
        Section(
            heading="突出政治建设，持续用党的创新理论凝心铸魂",
            children=[
                Section(
                    heading="夯实党的创新理论武装",
                    run_in=True,
                    body=[
                        "坚持把理论学习教育抓在经常、融入日常，组织党员干部多读原著、勤学原文、深悟原理。"
                        "全年举办专题读书班2期，开展集中轮训1200人次。"
                    ],
                ),
                Section(
                    heading="严格党内政治生活",
                    run_in=True,
                    body=[
                        "认真落实“三会一课”、主题党日、谈心谈话等制度，严格执行民主生活会和组织生活会制度。"
                    ],
                ),
            ],
        ),
        Section(
            heading="建强基层组织，推动基层党建全面进步全面过硬",
            children=[
                Section(
                    heading="深化党建引领基层治理",
                    run_in=True,
                    body=[
                        "健全“街道党工委—社区党组织—网格党支部—楼栋党小组”组织体系，"
                        "推动资源、服务、管理向网格下沉。"
                    ],
                ),
                Section(
                    heading="整顿软弱涣散基层党组织",
                    run_in=True,
                    body=["按照不低于5%的比例排查确定软弱涣散村（社区）党组织，逐个制定整顿方案。"],
                    children=[
                        Section(heading="摸底排查", run_in=True, body=["3月底前完成。"]),
                        Section(heading="集中整顿", run_in=True, body=["10月底前完成，年底组织验收。"]),
                    ],
                ),
            ],
        ),
        Section(
            heading="加强组织领导，确保各项任务落到实处",
            children=[
                Section(
                    heading="压实工作责任",
                    run_in=True,
                    body=["各级党组织书记要切实履行第一责任人职责，对重点任务亲自研究、亲自部署、亲自督办。"],
                ),
            ],
        ),
    ]
    report.date = "2025-01-15"
    return report


def half_year_sample() -> Report:
    report = get_kind("half_year_summary").new_report(2025, "中共XX市XX区委员会组织部")
    report.addressee = "区委"
    report.opening = [
        "2025年上半年，区委组织部认真贯彻落实全国组织工作会议精神，以“五基三化”攻坚年行动为牵引，"
        "全面加强干部队伍、基层组织和人才队伍建设，较好地完成了各项阶段性工作任务。现将有关情况总结如下。"
    ]
    first, second, third = (
        Section(run_in=True, points_layout=LAYOUT_JOINED) for _ in range(3)
    )
    first.heading = "践行新时代好干部标准，着力打造高素质干部队伍"
    first.body = ["注重在加强干部队伍建设上发力，抓紧干部“选育管用”全链条工作机制。"]
    first.points = [
        Point("强化政治理论学习。今年以来选派**名处级干部、**名科级干部参加上级部门组织的培训。"),
        Point("精心选优配强领导班子。通过谈话调研、民主测评等方式，调整充实乡镇领导班子成员12名。"),
        Point("从严从实管理监督干部。开展个人有关事项报告随机抽查，抽查比例达到10%。"),
    ]
    second.heading = "坚持大抓基层鲜明导向，全面提升基层党组织组织力"
    second.body = ["以提升组织力为重点，突出政治功能。"]
    second.points = [Point("深化“五基三化”攻坚行动。"), Point("规范发展党员工作，上半年发展党员36名。")]
    third.heading = "深入实施人才强区战略，聚天下英才而用之"
    third.points_layout = LAYOUT_PARAGRAPHS
    third.body = ["围绕产业发展需求，完善人才引育留用政策。"]
    third.points = [
        Point("引进急需紧缺人才45名。"),
        Point("建成人才驿站3个。\n驿站全年开放，提供政策咨询服务。"),
    ]
    report.sections[0].children = [first, second, third]
    problems = report.sections[1]
    problems.points = [
        Point("干部队伍结构还需进一步优化，年轻干部储备不足。"),
        Point("部分基层党组织政治功能发挥不够充分。"),
    ]
    problems.tail = ["对此，我们将在下半年工作中认真加以解决。"]
    plans = report.sections[2]
    plans.children[0].heading = "持续加强干部队伍建设"
    plans.children[0].body = ["统筹做好年轻干部培养选拔工作，建立优秀年轻干部储备库。"]
    plans.children[1].heading = "持续抓好基层党组织建设"
    plans.children[1].body = ["全面完成软弱涣散党组织整顿工作，巩固提升整顿成效。"]
    report.date = "2025-07-01"
    return report


def annual_summary_sample() -> Report:
    report = get_kind("annual_summary").new_report(2024, "XX县人力资源和社会保障局")
    report.opening = [
        "2024年，县人社局在县委、县政府的坚强领导下，紧紧围绕稳就业、保民生、促和谐的工作目标，"
        "各项工作取得新进展。"
    ]
    work = report.sections[0].children
    work[0].heading = "就业形势保持总体稳定"
    work[0].body = ["全年城镇新增就业3860人，完成目标任务的112%。"]
    work[0].points = [
        Point("落实援企稳岗政策，发放稳岗返还资金580万元。"),
        Point("开展“春风行动”等招聘活动24场。"),
    ]
    work[1].heading = "社会保障体系不断完善"
    work[1].body = ["企业职工基本养老保险参保人数达到5.6万人。"]
    work[2].heading = "劳动关系和谐稳定"
    work[2].body = ["全年受理劳动人事争议案件136件，结案率98.5%。"]
    report.sections[1].points = [Point("就业结构性矛盾依然突出。"), Point("基层公共服务能力有待提升。")]
    plans = report.sections[2].children
    plans[0].heading = "千方百计稳定和扩大就业"
    plans[0].body = ["把高校毕业生等青年就业作为重中之重，全年新增城镇就业3500人以上。"]
    plans[1].heading = "持续完善社会保障体系"
    plans[1].body = ["深入推进全民参保计划，扩大社会保险覆盖面。"]
    report.attachments = ["2024年就业工作主要指标完成情况表", "2025年重点民生实事项目清单"]
    report.date = "2024-12-20"
    return report


def work_report_sample() -> Report:
    report = get_kind("work_report").new_report(2024, "新区党工委")
    report.title = "在新区2025年党建工作会议上的讲话"
    report.subtitle = "（2025年2月10日）"
    report.opening = [
        "同志们：",
        "受党工委委托，下面，由我汇报2024年新区党建工作情况，并对2025年相关工作进行部署。",
    ]
    review = report.sections[0]
    review.children[0].heading = "稳步推进“八大党建工程”，新区基层党建更加提质聚力"
    review.children[0].points = [
        Point("实施“四力”建设工程，全年邀请专家讲授前沿课题X次。"),
        Point("实施“红色阵地”示范工程，打造党建示范点X个。"),
        Point("实施“两新”组织扩面提质工程。"),
    ]
    review.children[1].heading = "扎实开展党史学习教育，学史力行取得实效"
    review.children[1].points = [Point("坚持领导带头学。"), Point("坚持创新方式学。")]
    report.sections[1].points = [
        Point("思想认识不够到位。"),
        Point("工作推进不够平衡。"),
        Point("创新意识还需增强。"),
    ]
    tasks = report.sections[2]
    tasks.body = ["2025年新区党建工作的总体思路是：围绕一个目标，突出两个重点，抓好三项工作。"]
    tasks.children[0].heading = "聚焦政治建设，筑牢思想根基"
    tasks.children[0].points = [Point("持续深化理论武装。"), Point("严肃党内政治生活。")]
    tasks.children[1].heading = "聚焦基层基础，夯实战斗堡垒"
    tasks.children[1].points = [Point("推进基层党组织标准化规范化建设。"), Point("加强党员队伍建设。")]
    report.closing = [
        "同志们，新的一年，让我们以更加饱满的热情、更加务实的作风，奋力开创新区党建工作新局面！"
    ]
    return report


SAMPLES = {
    "annual_keypoints": keypoints_sample,
    "half_year_summary": half_year_sample,
    "annual_summary": annual_summary_sample,
    "work_report": work_report_sample,
}


def sample(kind_id: str) -> Report:
    return SAMPLES[kind_id]()
