"""A library corpus for tests: three hand-written reports plus reports generated from the seeds.

The hand-written reports carry every expectation the tests check; the generated ones
(sentences of the five seed reports, shuffled into new outlines) make the ranking and the
index face real 政务 prose. Without ../shared/seeds a small built-in vocabulary is used.
"""

from __future__ import annotations

import random
import re

from core.draft.model import Point, Report, Section
from tests.conftest import SEEDS_DIR

UNIT_A, UNIT_B, UNIT_C = "**区委组织部", "**县委宣传部", "**区委组织部机关党委"

TALENT_PARAGRAPH = (
    "深入实施人才强区战略，全年引进高层次人才27名，新建人才驿站3个。"
    "围绕主导产业需求，建立急需紧缺人才目录，完善人才评价激励机制，"
    "推动各类人才在基层一线建功立业，营造识才爱才敬才用才的良好环境。"
)
SELECTION_PARAGRAPH = "坚持把政治标准放在首位，大力发现培养选拔优秀年轻干部，全年选拔调整干部48人次。"
GUIDANCE_PARAGRAPH = "持续抓好基层党建，推动党建引领基层治理走深走实，落实河长制和林长制工作要求。"
SCATTERED_PARAGRAPH = "党建工作考核结果作为评优依据，发挥示范引领作用。"  # 党建 … 引领, not 党建引领
THEORY_PARAGRAPH = "严格落实第一议题制度，用好学习强国平台，推动理论学习走深走实。"
VOLUNTEER_PARAGRAPH = "深入推进新时代文明实践中心建设，常态化开展志愿服务活动。"
RURAL_PARAGRAPH = "推动乡村人才振兴，培养乡土人才，让个人才能在乡村振兴中充分施展。"
RIVER_PARAGRAPH = "全面推行河长制，河长制工作纳入年度考核，落实巡河护河责任，建设美丽河湖。"

HAND_WRITTEN = (
    TALENT_PARAGRAPH,
    SELECTION_PARAGRAPH,
    GUIDANCE_PARAGRAPH,
    SCATTERED_PARAGRAPH,
    THEORY_PARAGRAPH,
    VOLUNTEER_PARAGRAPH,
    RURAL_PARAGRAPH,
    RIVER_PARAGRAPH,
)


def report_a() -> Report:
    """Half-year summary, 2022, organisation department."""
    return Report(
        kind="half_year_summary",
        title="**区委组织部2022年上半年工作总结",
        unit=UNIT_A,
        year=2022,
        opening=["今年以来，区委组织部坚持以党建引领高质量发展，各项工作取得新成效。"],
        sections=[
            Section(
                heading="上半年工作开展情况",
                children=[
                    Section(heading="从严选拔管理", run_in=True, body=[SELECTION_PARAGRAPH]),
                    Section(heading="加强人才队伍建设", body=[TALENT_PARAGRAPH]),
                ],
            ),
            Section(
                heading="下半年工作计划",
                body=["下半年，我们将重点抓好以下工作。"],
                points=[Point(GUIDANCE_PARAGRAPH), Point(SCATTERED_PARAGRAPH)],
            ),
        ],
        closing=["以上报告，请审阅。"],
    )


def report_b() -> Report:
    """Annual key points, 2023, propaganda department."""
    return Report(
        kind="annual_keypoints",
        title="**县委宣传部2023年工作要点",
        unit=UNIT_B,
        year=2023,
        opening=["2023年是全面贯彻落实党的二十大精神的开局之年。"],
        sections=[
            Section(
                heading="加强理论武装", children=[Section(heading="落实学习制度", body=[THEORY_PARAGRAPH])]
            ),
            Section(heading="深化文明创建", body=[VOLUNTEER_PARAGRAPH, RURAL_PARAGRAPH]),
        ],
    )


def report_c() -> Report:
    """Work report, 2021, the department's party committee: the river-chief text lives here."""
    return Report(
        kind="work_report",
        title="机关党委2021年工作汇报",
        unit=UNIT_C,
        year=2021,
        sections=[Section(heading="推进生态文明建设", body=[RIVER_PARAGRAPH])],
        closing=["同志们，让我们共同努力。"],
    )


HAND_REPORTS = (("a.txt", report_a), ("b.txt", report_b), ("c.txt", report_c))

_FALLBACK_SENTENCES = (
    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神",
    "扎实开展党史学习教育，推动学习教育走深走实",
    "持续深化基层党建三化建设，筑牢基层党建主阵地",
    "严格落实三会一课、主题党日等制度，提升组织生活质量",
    "整顿软弱涣散基层党组织，增强政治功能和组织功能",
    "加强干部队伍建设，树立正确选人用人导向",
    "落实全面从严治党主体责任，驰而不息纠治四风",
    "推进乡村振兴，发展壮大村级集体经济",
    "加强意识形态工作，牢牢掌握意识形态工作领导权",
    "推动党建工作与业务工作深度融合，以高质量党建引领高质量发展",
    "深化人才发展体制机制改革，加大人才引进培育力度，优化人才发展环境",
)


def seed_sentences(max_length: int = 120) -> list[str]:
    """Sentences of the seed reports (markers and 一是… stripped); built-in ones without seeds."""
    sentences: list[str] = []
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = re.sub(
                r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])", "", line
            )
            for sentence in re.split(r"[。！？；]", line):
                sentence = re.sub(r"^[一二三四五六七八九十]+是", "", sentence.strip())
                if 8 <= len(sentence) <= max_length:
                    sentences.append(sentence)
    return sentences or list(_FALLBACK_SENTENCES)


FILLER_KINDS = ("annual_keypoints", "half_year_summary", "annual_summary", "work_report")
FILLER_UNITS = ("**镇党委", "**街道党工委", "**市直机关工委")


def filler_reports(count: int, seed: int = 7) -> list[Report]:
    """``count`` reports of shuffled seed sentences, kinds 2019–2021, units not used by hand."""
    rng = random.Random(seed)
    sentences = seed_sentences()
    reports: list[Report] = []
    for index in range(count):
        chapters = []
        for _ in range(rng.randint(2, 4)):
            children = []
            for _ in range(rng.randint(1, 3)):
                body = [
                    "。".join(rng.sample(sentences, rng.randint(2, 4))) + "。"
                    for _ in range(rng.randint(1, 2))
                ]
                children.append(Section(heading=rng.choice(sentences)[:18], body=body))
            chapters.append(Section(heading=rng.choice(sentences)[:14], children=children))
        year = 2019 + index % 3
        reports.append(
            Report(
                kind=FILLER_KINDS[index % len(FILLER_KINDS)],
                title=f"{year}年工作材料{index}",
                unit=FILLER_UNITS[index % len(FILLER_UNITS)],
                year=year,
                opening=[rng.choice(sentences) + "。"],
                sections=chapters,
            )
        )
    return reports


# ---- reports of a real report's size, as many as wanted (the benchmark's 1,000, the size test's 50)

REPORT_BYTES = 12_000  # body text; with headings and points about 15 KB (5,000 characters) a report
KINDS = FILLER_KINDS
SIZED_UNITS = tuple(
    f"**{place}{office}"
    for place in ("区委", "县委", "市委", "镇党委")
    for office in ("组织部", "宣传部", "办公室", "政法委", "统战部")
)


def vary_figures(sentence: str, rng: random.Random) -> str:
    """Fresh numbers so no two reports are alike: 48次 → 17次."""
    return re.sub(r"\d+", lambda m: str(rng.randint(1, 300)) if len(m.group(0)) < 4 else m.group(0), sentence)


def sized_report(index: int, sentences: list[str], rng: random.Random) -> Report:
    """A report of about 15 KB of text: chapters of subsections with body and points."""
    year = 2015 + (index // len(KINDS)) % 10  # every kind in every year
    unit = SIZED_UNITS[index % len(SIZED_UNITS)]
    report = Report(
        kind=KINDS[index % len(KINDS)],
        title=f"{unit}{year}年工作材料（第{index}号）",
        unit=unit,
        year=year,
        opening=[vary_figures("。".join(rng.sample(sentences, 3)), rng) + "。"],
    )
    size = 0
    while size < REPORT_BYTES:
        chapter = Section(heading=rng.choice(sentences)[:16])
        for _ in range(rng.randint(2, 4)):
            child = Section(heading=rng.choice(sentences)[:20], run_in=rng.random() < 0.5)
            for _ in range(rng.randint(1, 2)):
                paragraph = "。".join(vary_figures(s, rng) for s in rng.sample(sentences, rng.randint(2, 5))) + "。"
                child.body.append(paragraph)
                size += len(paragraph.encode("utf-8"))
            if rng.random() < 0.4:
                child.points = [Point(vary_figures(rng.choice(sentences), rng) + "。") for _ in range(3)]
                size += sum(len(p.text.encode("utf-8")) for p in child.points)
            chapter.children.append(child)
        report.sections.append(chapter)
    return report


def sized_reports(count: int, seed: int = 2024) -> list[Report]:
    rng = random.Random(seed)
    sentences = seed_sentences(max_length=160)
    return [sized_report(i, sentences, rng) for i in range(count)]
