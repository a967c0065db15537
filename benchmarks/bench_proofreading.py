"""校对 (proofreading): recall on planted slips, false alarms on clean text, speed and memory.

    python benchmarks/bench_proofreading.py [--list] [FOLDER | PLANTED.txt ...]

1. Recall per class of slip on our planted cases (tests/fixtures/proofread: dev.txt and
   dev2.txt, which the rules were tuned on, held.txt to held5.txt, which they were not), and
   how often the 一键修正 gives exactly the right sentence.
   1b. Recall on slips planted at random the way pinyin input makes them (one character of a
   common word in the seeds' sentences put for a common character of the same syllable,
   making no word): not hand-picked, so a measure of how the sound rules generalise.
   1c. Recall on real words put at random for real words of the same sound (攻关 → 公关), and
   false alarms on the same sentences put right.
   1d. Recall on 的/地/得 put wrong at random in the sentences of each FOLDER given (the seeds'
   sentences when none is): 地 after an adverbial written 的, 得 before a complement written 的
   or 地, 的 before a noun written 地 — real sentences, slips no one chose.
2. False alarms per 10,000 characters of clean text: the right sentences of the cases, our
   clean paragraphs, the hand-written samples and the five real seed reports (../shared/seeds).
   ``--list`` prints every finding there so a reader can judge it; those judged to be real
   errors of the published text are listed in JUDGED_TRUE with the reason. FOLDER: more
   published report text to count on, every ``*.txt`` in it (UTF-8 or GB 18030), imported as
   a clerk would import it and reported on its own line; each folder also gets its own total
   (one folder the rules were calibrated on, another they were not). Third-party text stays
   out of the repository: it is an evaluation corpus the reader gathers (see the issue note).
   PLANTED.txt: a planted set of the fixtures' format written from such text, scored in step 1
   as a column of its own, its right sentences counted as clean text in step 2.
3. Speed of the 校对 checks: the first pass over a long draft (the seeds, each once: about 46
   pages, and no paragraph twice, for the cache reads a paragraph it has read already for
   nothing) and a second pass after one paragraph changed, against importing the same text (a
   baseline measured in the same run, interleaved); medians of 5.
4. Memory: what building the proofreading dictionary (with the counts from published reports
   the slip rules read) adds once jieba has loaded.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.interleave import record  # noqa: E402
from core.text.textslots import slot_text  # noqa: E402
from tests.proofread_eval import (  # noqa: E402
    CLASSES,
    PARTICLE_SLIPS,
    SEEDS,
    clean_reports,
    load_cases,
    random_homophone_words,
    random_ime_slips,
    random_particle_slips,
    report_chars,
    score_cases,
    seed_sentences,
    text_findings,
    text_sentences,
)

PAGE_CHARS = 616  # GB/T 9704: 22 lines × 28 characters
# Findings on the clean texts that a reader judged to be real errors of the published text (or
# of our own sample), with the reason; every other finding there counts as a false alarm.
JUDGED_TRUE = {
    ("seed:000", "健强基层党组织"): "应为“建强基层党组织”（“建强”是建设使之强，“健强”不成词；同音别字）",
    ("seed:001", "截止7月26日"): "“截止”后直接带时间，应为“截至”（现汉）",
    ("seed:001", "包含四风八规"): "“四风”是简称，中央文件都加引号（纠治“四风”）",
    ("seed:001", "重要批示指示"): "中央的提法是“重要指示批示”（新闻联播和政府工作报告写了1,029次，“批示指示”11次）",
    ("seed:003", "好干部“。"): "前引号打成了后引号（原有的“符号不成对”检查）",
    ("seed:003", "落实习总书记"): "领导同志姓名不用简称",
    ("seed:004", "有序的开展工作"): "状语“有序”修饰动词，应为“有序地开展”",
    ("seed:004", "人人建台帐"): "“台帐”应为“台账”（现汉）",
    ("seed:000", "党组织领导下的校长负责制"): "中小学的制度名称是“党组织领导的校长负责制”（中办2022年《关于建立中小学校党组织领导的校长负责制的意见（试行）》）",
    ("sample:annual_keypoints", "坚持以新时代中国特色"): "我们的样例省去了“习近平”，指导思想应用全称",
    # The evaluation corpus gathered for issue 29 (/work/corpus, outside the repository).
    ("corpus:乡村振兴战略意见", "提挡升级"): "“提挡”应为“提档”（提高档次；中央文件写作“提档升级”）",
    ("corpus:2018_中共中央国务院关于实施乡村振兴战略的意见", "提挡升级"): "“提挡”应为“提档”（提高档次；中央文件写作“提档升级”）",
    ("corpus:2020年政府工作报告", "中国政府网）"): "半角前括号配全角后括号（原有的“符号不成对”检查）",
    ("corpus:2010年国务院政府工作报告", '"三河三湖"'): "维基文库的转录用了英文直引号，应为“”（GB/T 15834）",
    # The 2026 provincial reports (/work/corpus/fa_dev): marks the published page really has.
    ("corpus:2026_北京市", "新增长点;推动"): "中文句中用了半角分号，应为全角“；”（GB/T 15834）",
    ("corpus:2026_江西省", "时序节奏,推动"): "中文句中用了半角逗号，应为全角“，”（GB/T 15834）",
    ("corpus:2026_江西省", "新型研发机构,增强"): "中文句中用了半角逗号，应为全角“，”（GB/T 15834）",
    ("corpus:2026_江西省", "枫桥经验”,深化"): "中文句中用了半角逗号，应为全角“，”（GB/T 15834）",
    ("corpus:2026_云南省", "三）改革开放"): "小标题“（三）”缺了前括号（网页原文如此）",
    ("corpus:2026_云南省", "》点击图片"): "网页导航残留“》》点击图片进入专题《《”，书名号确不成对",
    ("corpus:2026_云南省", "进入专题《"): "网页导航残留“》》点击图片进入专题《《”，书名号确不成对",
    # The local corpora fa26–fa29 (/work/scratch, gathered by helpers): slips the published page has.
    ("corpus:m042", "始终坚持坚持以"): "“坚持”打了两遍",
    ("corpus:m094", "2024年是是中华"): "“是”打了两遍",
    ("corpus:m024", "较好的完成了"): "状语“较好”修饰动词“完成”，应为“较好地完成”",
    ("corpus:m084", "工作做出批示"): "作批示这类抽象的事用“作出”（《党政机关公文处理工作条例》的用法）",
    ("corpus:m054", "实施纲要2021-2025年）"): "后括号前缺了前括号：应为“（2021—2025年）”",
    ("corpus:m102", "委员会第2次会议"): "固定名称中的数字用汉字：“委员会第二次会议”（GB/T 15835）",
    ("corpus:m018", "委员会第17次会议"): "固定名称中的数字用汉字：“委员会第十七次会议”（GB/T 15835）",
    ("corpus:m021", "更好的发挥政府"): "状语“更好”修饰带宾语的动词“发挥”，应为“更好地发挥”",
    ("corpus:m076", "有效的保障依法"): "状语“有效”修饰带宾语的动词“保障”，应为“有效地保障”",
    ("corpus:m043", "带头学法尊法守法用法"): "规范提法的次序是“尊法学法守法用法”",
    ("corpus:m009", "确实保障公众"): "把工作落到实处用“切实保障”；收集这篇的助手也把它记为原文的错",
    ("corpus:m018", "十九大和历届全会"): "中央全会按“次”计：应为“历次全会”",
}
# The 数字用法 note on ○ used as a zero (二○二二年) is the intended output, not an alarm.
INTENDED = ("number_usage",)


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 1e6


def memory() -> None:
    from core.proofread import context_words, lexicon, official_counts
    from core.text import language

    language.ensure_loaded()
    before = _rss_mb()
    start = time.perf_counter()
    lexicon.get_lexicon(wait=True)
    # Rule 12's counts are memory-mapped: only the pages a check touches are read in.
    official_counts.counts(), context_words.interchangeable()
    seconds = time.perf_counter() - start
    print(
        f"4. 内存：jieba 载入后，校对词典再占 {_rss_mb() - before:.1f} MB，建立用时 {seconds:.2f} 秒（后台线程）\n"
    )


# dev, dev2: the rules were tuned on them; held, held2, held3: written apart and never tuned
# on (held2 was written before the work on generic slips began and scored then: 错别字 17/34;
# held3 after it was done); held4: 52 错别字 written before round 4, sealed by its digest
# (held4.sha256) and run once at its end: 34/52 on the rules then merged, 33/52 with round 4's;
# held5: 106 cases (66 错别字 and 易混词) planted in sentences of the 2017–2025 reports, sealed
# (held5.sha256) before round 5 changed any rule and run once at its end.
SETS = ("dev", "held", "dev2", "held2", "held3", "held4", "held5")


def recall(extra: list[Path]) -> None:
    """``extra``: planted sets of the same format outside the repository (one the reader gathered
    and wrote, never shown to the rules), each a column of its own."""
    print("1. 植入错误的检出（检出/植入；“改对”= 一键修正后与正确句子完全一致）")
    names = [*SETS, *(path.stem for path in extra)]
    print(f"{'类别':<14}" + "".join(f"{name:>10}" for name in names) + f"{'改对(全部)':>12}")
    scores = {name: score_cases(load_cases(f"{name}.txt")) for name in SETS}
    scores.update({path.stem: score_cases(load_cases(path)) for path in extra})
    for kind, label in CLASSES.items():
        per_set = [scores[name].classes[kind] for name in names]
        named = sum(c.named for c in per_set)
        caught = sum(c.caught for c in per_set)
        cells = "".join(f"{c.caught:>5}/{c.planted:<4}" for c in per_set)
        print(f"{label:<12}{cells}{named:>7}/{caught:<4}")
    for name, score in scores.items():
        print(f"合计（{name}）：{score.caught}/{score.planted} = {score.caught / score.planted:.0%}")
    for name, score in scores.items():
        for cls in score.classes.values():
            for case in cls.missed:
                print(f"  漏检 {name}:{case.line} {case.wrong}")
    print()
    return scores  # type: ignore[return-value]


# Random slips: three draws of the same syllable and tone, one of the same syllable in any tone.
RANDOM_DRAWS = ((7, True), (11, True), (13, True), (5, False))
RANDOM_COUNT = 240


def random_recall() -> None:
    if not SEEDS.is_dir():
        print(f"1b. 随机同音别字：没有种子报告（{SEEDS}），跳过\n")
        return
    print(f"1b. 随机同音别字（种子报告的句子里，常用词的一个字随机换成输入法同音候选里的常用字，不成词；每次 {RANDOM_COUNT} 例）")
    for seed, same_tone in RANDOM_DRAWS:
        cases = random_ime_slips(seed, RANDOM_COUNT, same_tone)
        score = score_cases(cases).classes["typo"]
        tone = "同音同调" if same_tone else "同音不同调也算"
        print(f"  随机种子 {seed:>2}（{tone}）：{score.caught}/{score.planted} = {score.caught / max(score.planted, 1):.0%}，改对 {score.named}")
    print()


# Random real words put for real words of the same sound (1c): two draws.
HOMOPHONE_DRAWS = (3, 9)
HOMOPHONE_COUNT = 200


def homophone_recall() -> None:
    if not SEEDS.is_dir():
        print(f"1c. 随机同音实词：没有种子报告（{SEEDS}），跳过\n")
        return
    print(
        "1c. 随机同音实词（种子报告的句子里，公文常用的二字词随机换成同音同调、也是词、但公文不用的词，"
        f"如 攻关→公关；每次至多 {HOMOPHONE_COUNT} 例）"
    )
    for seed in HOMOPHONE_DRAWS:
        score = score_cases(random_homophone_words(seed, HOMOPHONE_COUNT))
        found = score.classes["typo"]
        print(
            f"  随机种子 {seed:>2}：{found.caught}/{found.planted} = {found.caught / max(found.planted, 1):.0%}，"
            f"改对 {found.named}；改回正确句子后的误报 {len(score.control_alarms)} 处"
        )
    print()


# Random 的/地/得 slips (1d): one draw of each kind, in the sentences of each folder given (the
# seeds' sentences hold too few: two adverbial 地 and no complement 得 a draw can use).
PARTICLE_SEED = 1
PARTICLE_COUNT = 150


def particle_recall(folders: list[Path]) -> None:
    sources = [(str(folder), text_sentences(_read_any(p) for p in sorted(folder.glob("*.txt")))) for folder in folders]
    if not sources:
        sources = [("种子报告", seed_sentences())]
    print(
        "1d. 随机的地得（已发布报告的句子里，本身没有的地得提示的句子，随机把一个用对的“的/地/得”换错；"
        f"每类至多 {PARTICLE_COUNT} 例，随机种子 {PARTICLE_SEED}）"
    )
    for name, sentences in sources:
        scores = []
        for kind in PARTICLE_SLIPS:
            score = score_cases(random_particle_slips(sentences, PARTICLE_SEED, kind, PARTICLE_COUNT)).classes["de"]
            scores.append(f"{kind} {score.caught}/{score.planted}")
        print(f"  {name}：" + "；".join(scores))
    print()


def _read_any(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SystemExit(f"“{path}”既不是 UTF-8 也不是 GB 18030 文本，请转换后再试。")


def corpus_reports(folder: Path) -> list[tuple[str, object]]:
    """(name, report) of every ``*.txt`` in ``folder``, imported as the clerk's import does."""
    from core.importing.importer import parse_text

    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise SystemExit(f"文件夹“{folder}”里没有 .txt 文件。")
    return [(f"corpus:{p.stem}", parse_text(_read_any(p)).report) for p in paths]


def false_alarms(scores: dict, listing: bool, folders: list[Path]) -> None:  # type: ignore[type-arg]
    print("2. 干净文本上的误报（每万字）")
    rows = []
    judged: list[str] = []
    for name, score in scores.items():
        rows.append((f"对照句（{name}）", score.control_chars, len(score.control_alarms)))
        judged += [
            f"  {name}  {f.check:<13} “{f.text}” {f.message}  ← {text}" for text, f in score.control_alarms
        ]
    true_count = intended = 0
    by_check: Counter[str] = Counter(f.check for score in scores.values() for _, f in score.control_alarms)
    corpora = [(folder, corpus_reports(folder)) for folder in folders]
    # Folders may hold files of the same names (g001.txt …): each folder's rows are its own.
    per_folder: dict[Path, list[int]] = {folder: [0, 0] for folder in folders}
    owned = [(None, item) for item in clean_reports()] + [(f, item) for f, reports in corpora for item in reports]
    for owner, (name, report) in owned:
        findings = []
        for f in text_findings(report):
            around = slot_text(report, f.section_id, f.field, f.index) or ""
            around = around[max(0, f.start - 8) : f.end + 8]
            reason = next(
                (r for (c, snippet), r in JUDGED_TRUE.items() if c == name and snippet in around), None
            )
            if f.check in INTENDED:
                intended += 1
            elif reason is not None:
                true_count += 1
                judged.append(f"  （判为真）{name:<16}{f.check:<13} “{f.text}” {reason}")
            else:
                findings.append(f)
        rows.append((name, report_chars(report), len(findings)))
        if owner is not None:
            per_folder[owner][0] += report_chars(report)
            per_folder[owner][1] += len(findings)
        by_check.update(f.check for f in findings)
        judged += [f"  {name:<22}{f.check:<13} {f.place} “{f.text}” {f.message}" for f in findings]
    total_chars = sum(chars for _, chars, _ in rows)
    total = sum(alarms for _, _, alarms in rows)
    seeds = [(c, a) for n, c, a in rows if n.startswith("seed:")]
    for name, chars, alarms in rows:
        print(f"  {name:<22}{chars:>7} 字 {alarms:>4} 处  {alarms / max(chars, 1) * 1e4:5.2f}/万字")
    print(f"  {'合计':<22}{total_chars:>7} 字 {total:>4} 处  {total / total_chars * 1e4:5.2f}/万字")
    if seeds:
        chars, alarms = sum(c for c, _ in seeds), sum(a for _, a in seeds)
        print(f"  {'其中真实报告（种子）':<16}{chars:>7} 字 {alarms:>4} 处  {alarms / chars * 1e4:5.2f}/万字")
    corpus = [(c, a) for n, c, a in rows if n.startswith("corpus:")]
    if corpus:
        chars, alarms = sum(c for c, _ in corpus), sum(a for _, a in corpus)
        print(f"  {'其中评测语料（文件夹）':<15}{chars:>7} 字 {alarms:>4} 处  {alarms / chars * 1e4:5.2f}/万字")
    if len(corpora) > 1:
        for folder, (chars, alarms) in per_folder.items():
            print(f"    {folder}：{chars} 字 {alarms} 处  {alarms / max(chars, 1) * 1e4:.2f}/万字")
    print("  误报按检查项：" + ("、".join(f"{k} {v}" for k, v in by_check.most_common()) or "无"))
    print(
        f"  另有经判断属实的发现 {true_count} 处（原文确有错误），○ 作零的数字用法提示 {intended} 处（预期输出）"
    )
    raw = total + true_count + intended
    print(f"  不经判断的原始发现：{raw} 处，{raw / total_chars * 1e4:.2f}/万字")
    if listing:
        print("\n".join(judged))
    print()


def _median_ms(function, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def speed() -> None:
    from core.checks import run_checks
    from core.checks.proofreading import PROOFREADING_CHECKS
    from core.importing.importer import parse_text
    from core.proofread import cache, context_words, lexicon

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("0*.txt"))]
    if not texts:
        print("3. 速度：种子文件不存在，跳过。")
        return
    # Once: a second copy of a paragraph comes from the cache and would halve the figure.
    text = "\n".join(texts)
    report = parse_text(text).report
    chars = report_chars(report)
    run_checks(report)  # dictionary loaded, code warm

    def first_pass() -> None:
        cache.clear()
        context_words.forget_remembered(lexicon.get_lexicon())  # as on a first pass in a new session
        run_checks(report, only=PROOFREADING_CHECKS)

    edited = {"n": 0}

    def after_edit() -> None:
        section = next(s for _, s in report.walk() if s.body)
        edited["n"] += 1
        section.body[0] = section.body[0] + f"（第{edited['n']}次修改）"
        run_checks(report, only=PROOFREADING_CHECKS)

    base, first, again = [], [], []
    for _ in range(5):  # interleaved, so drift hits all three alike
        base.append(_median_ms(lambda: parse_text(text), 1))
        first.append(_median_ms(first_pass, 1))
        again.append(_median_ms(after_edit, 1))
    b, f, a = statistics.median(base), statistics.median(first), statistics.median(again)
    print(f"3. 速度（{chars} 字 ≈ {chars / PAGE_CHARS:.0f} 页；中位数，毫秒；基线为导入同一文本）")
    print(f"  导入（基线）{b:8.1f}")
    print(f"  首次全文校对 {f:8.1f}   校对/导入 {f / b:5.2f}   折合50页 {f * 50 * PAGE_CHARS / chars:8.1f}")
    print(f"  改一段后再校 {a:8.1f}   再校/导入 {a / b:5.2f}")
    print()
    pages = round(chars / PAGE_CHARS)
    record(f"proofreading, first pass over {pages} pages (vs importing the same text)", f, b, "ms", "< 2 s at 50 pages")
    record(f"proofreading, again after one paragraph is edited, {pages} pages (vs importing the same text)", a, b, "ms")


def main() -> int:
    listing = "--list" in sys.argv[1:]
    paths = [Path(a) for a in sys.argv[1:] if not a.startswith("--")]
    planted = [p for p in paths if p.is_file() and p.suffix == ".txt"]
    folders = [p for p in paths if p not in planted]
    for folder in folders:
        if not folder.is_dir():
            raise SystemExit(
                f"“{folder}”不是文件夹，也不是植入错误的 .txt 文件。"
                "用法：python benchmarks/bench_proofreading.py [--list] [文件夹或植入集.txt ...]"
            )
    memory()
    scores = recall(planted)
    random_recall()
    homophone_recall()
    particle_recall(folders)
    false_alarms(scores, listing, folders)
    speed()
    return 0


if __name__ == "__main__":
    sys.exit(main())
