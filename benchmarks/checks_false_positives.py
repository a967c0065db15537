"""False positives of the 公文 checks (and what carry-over flags) on the five real seeds.

The seeds are real reports that were published clean, except that names were masked with
xx/XX/X/** (those placeholder findings are true). Every other finding is printed in full
so a reader can judge it; the table gives the count per seed and check.

Also prints how long checking and flagging take beside importing the same text (a
baseline measured in the same run).

    python benchmarks/checks_false_positives.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.checks import CHECKS, run_checks  # noqa: E402
from core.importing.importer import parse_text  # noqa: E402
from core.reuse.carryover import carry_over  # noqa: E402
from core.reuse.flags import FLAG_KIND_LABELS, FLAG_KINDS  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
# Findings of these checks on the seeds are true by construction: the masks are
# placeholders, and a sentence over 150 characters is over 150 characters.
TRUE_BY_CONSTRUCTION = ("placeholder", "long_sentence")


def median_ms(function: Callable[[], object], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    paths = sorted(SEEDS.glob("0*.txt"))
    if not paths:
        print(f"种子文件不存在（需要 {SEEDS}），无法测量。")
        return 1
    names = list(CHECKS)
    table: dict[str, Counter[str]] = {}
    to_judge: list[str] = []
    flag_table: dict[str, Counter[str]] = {}
    timing: list[tuple[str, float, float, float]] = []
    for path in paths:
        key = path.name[:3]
        text = path.read_text(encoding="utf-8")
        report = parse_text(text).report
        findings = run_checks(report, prefer_source_markers=True)
        table[key] = Counter(f.check for f in findings)
        for f in findings:
            if f.check not in TRUE_BY_CONSTRUCTION:
                to_judge.append(f"  {key}  {f.check:<16} {f.place}  “{f.text[:20]}”  {f.message}")
        flag_table[key] = Counter(f.kind for f in carry_over(report, (report.year or 2022) + 1).flags)
        timing.append(
            (
                key,
                median_ms(lambda t=text: parse_text(t)),
                median_ms(lambda r=report: run_checks(r)),
                median_ms(lambda r=report: carry_over(r, 2023)),
            )
        )

    print("公文检查：各种子每项检查的发现数（占位符、长句按定义为真）")
    print("seed  " + "  ".join(f"{n[:14]:>14}" for n in names))
    for key, counts in table.items():
        print(f"{key}   " + "  ".join(f"{counts.get(n, 0):>14}" for n in names))
    judged = sum(sum(c.values()) - sum(c.get(n, 0) for n in TRUE_BY_CONSTRUCTION) for c in table.values())
    print(f"\n需逐条判断的发现：{judged} 处（五份种子合计）")
    print("\n".join(to_judge) if to_judge else "  （无）")

    print("\n结转到下一年时的待核实标记（每份种子，按类别）")
    print("seed  " + "  ".join(f"{FLAG_KIND_LABELS[k]:>6}" for k in FLAG_KINDS))
    for key, counts in flag_table.items():
        print(f"{key}   " + "  ".join(f"{counts.get(k, 0):>8}" for k in FLAG_KINDS))

    print("\n速度（中位数，毫秒；基线为导入同一文本）")
    print("seed    导入    检查  结转+标记  检查/导入")
    for key, parse_ms, check_ms, carry_ms in timing:
        print(f"{key}   {parse_ms:6.1f}  {check_ms:6.1f}  {carry_ms:9.1f}  {check_ms / parse_ms:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
