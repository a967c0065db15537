"""Render a 200,000-character report (about 300 pages) and compare with pandoc in the same run.

    python benchmarks/bench_render.py [--chars 200000] [--repeat 5] [--pages]

Ours: Report → .docx file, in-process (context, docxtpl, fix-ups, zip, atomic save).
Baseline: pandoc converting the same paragraphs, written as Markdown, to .docx (the
process start is part of what a user waits for, so it is included). The two alternate run
by run (benchmarks/interleave.py) and medians are compared. Targets: ours at most pandoc's
time, and under 1 s. ``--pages`` also counts the real pages through LibreOffice.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.interleave import interleaved, record, spread
from core.draft.model import Report, Section, new_id
from core.importing.importer import parse_text
from core.render import render_report
from core.render.context import build_context

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
TARGET_SECONDS = 1.0


def _source_reports() -> list[Report]:
    seeds = sorted(SEEDS.glob("*.txt"))
    if seeds:
        return [parse_text(path.read_text(encoding="utf-8")).report for path in seeds]
    from tests.golden.samples import SAMPLES  # seeds absent: the hand-written samples

    return [make() for make in SAMPLES.values()]


def big_report(chars: int) -> Report:
    """Chapters 一、二、… each holding a copy of every source report's sections."""
    sources = _source_reports()
    report = copy.deepcopy(sources[0])
    report.title = "XX区2025年度工作报告汇编"
    report.sections = []
    while report.char_count() < chars:
        chapter = Section(heading=f"第{len(report.sections) + 1}部分工作情况")
        report.sections.append(chapter)
        for source in sources:
            for section in source.sections:
                if report.char_count() >= chars:
                    break
                clone = copy.deepcopy(section)
                for _, node in clone.walk():
                    node.id = new_id()
                chapter.children.append(clone)
    return report


def markdown_of(report: Report) -> str:
    """The same paragraphs as Markdown: headings by level, run-in heading parts in bold."""
    marks = {"h1": "#", "h2": "##", "h3": "###", "h4": "####"}
    blocks = []
    for paragraph in build_context(report).paragraphs:
        style, lead, text = paragraph["style"], paragraph["lead"], paragraph["text"]
        if style.startswith("title"):
            blocks.append("% " + text.replace("\n", ""))
        elif style in marks:
            blocks.append(f"{marks[style]} {text}")
        elif lead:
            blocks.append(f"**{lead}**{text}")
        else:
            blocks.append(text)
    return "\n\n".join(blocks) + "\n"


def count_pages(docx: Path, folder: Path) -> int | None:
    if not shutil.which("soffice") or not shutil.which("pdfinfo"):
        return None
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(folder / 'lo').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    info = subprocess.run(
        ["pdfinfo", str(folder / (docx.stem + ".pdf"))], capture_output=True, text=True, check=True
    ).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pages", action="store_true", help="count pages through LibreOffice")
    args = parser.parse_args()

    report = big_report(args.chars)
    paragraphs = len(build_context(report).paragraphs)
    print(f"报告：{report.char_count():,} 字，{len(report.walk())} 个标题，{paragraphs} 段")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours_path = folder / "ours.docx"
        render_report(report, ours_path)  # warm-up: imports, template parsing, font lookup
        actions = {"本程序": lambda: render_report(report, ours_path, keep_backup=False)}
        pandoc = shutil.which("pandoc")
        if pandoc:
            markdown = folder / "same.md"
            markdown.write_text(markdown_of(report), encoding="utf-8")
            out = folder / "pandoc.docx"
            command = [pandoc, "-f", "markdown", "-t", "docx", "-o", str(out), str(markdown)]
            actions["pandoc"] = lambda: subprocess.run(command, check=True, timeout=600)
        times = interleaved(actions, args.repeat)
        ours = times["本程序"]
        print(
            f"本程序（进程内）：中位数 {statistics.median(ours):.3f} s（中间一半 {spread(ours)}），"
            f"文件 {ours_path.stat().st_size / 1024:.0f} KB"
        )
        if args.pages:
            print(f"LibreOffice 排版页数：{count_pages(ours_path, folder)}")
        ratio = None
        if pandoc:
            theirs = times["pandoc"]
            ratio = statistics.median(ours) / statistics.median(theirs)
            print(
                f"pandoc（Markdown → docx，同一内容）：中位数 {statistics.median(theirs):.3f} s"
                f"（中间一半 {spread(theirs)}）"
            )
            print(f"耗时比（本程序 / pandoc，中位数，{args.repeat} 轮交替）：{ratio:.2f}")
            record(f"render a {report.char_count():,}-char report to .docx (vs pandoc, same content)", statistics.median(ours),
                   statistics.median(theirs), "s", "≤ pandoc")  # fmt: skip
        else:
            print("pandoc：未安装，跳过对比")
            record(f"render a {report.char_count():,}-char report to .docx (pandoc not installed)", statistics.median(ours), None, "s")

    ok = statistics.median(ours) < TARGET_SECONDS and (ratio is None or ratio <= 1.0)
    print(f"目标（< {TARGET_SECONDS:.0f} s，且不慢于 pandoc）：{'达到' if ok else '未达到'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
