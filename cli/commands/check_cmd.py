"""``python main.py check FILE [--year N] [--only NAME …]``: 公文 checks from the command line.

Prints one finding per line to stdout as ``位置<TAB>问题<TAB>建议`` (a 校对 finding's
suggestion ends with its authority, "（依据：…）") and a summary to stderr. Warnings the clerk
dismissed in the window (忽略, saved in the draft) are not listed; the summary counts them.
Exit code: 0 when nothing was found, 1 when there are findings, 2 when the file could not be
read (or the arguments are wrong).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

EXIT_CLEAN, EXIT_FINDINGS = 0, 1


def _check_names() -> list[str]:
    from core.checks import CHECKS

    return list(CHECKS)


def register(subparsers: argparse._SubParsersAction) -> None:
    names = _check_names()
    parser = subparsers.add_parser(
        "check",
        help="检查草稿或文档的公文规范问题（编号、占位符、标点、日期、长句等）并校对错别字、规范表述",
        description=(
            "检查草稿（.draft.json）或文档（.docx/.doc/.wps/.txt/.md）。"
            "每行输出一处问题：位置<TAB>问题<TAB>建议。"
            "退出码：0 未发现问题，1 发现问题，2 文件无法读取或参数有误。"
        ),
    )
    parser.add_argument("file", type=Path, help="要检查的草稿或文档")
    parser.add_argument("--year", type=int, help="报告年度（文档中识别不出年度时使用）")
    parser.add_argument(
        "--only",
        action="append",
        choices=names,
        metavar="检查项",
        help="只运行某项检查，可重复；可选：" + "、".join(names),
    )
    parser.set_defaults(handler=run)


def _one_line(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def run(args: argparse.Namespace) -> int:
    from core.checks import CHECKS, check_report, load_for_check

    report, is_draft = load_for_check(args.file)
    if args.year is not None:
        report.year = args.year
    checked = check_report(report, only=args.only, prefer_source_markers=not is_draft)
    findings = checked.findings
    dismissed = f"另有{len(checked.ignored)}处已在草稿中忽略。" if checked.ignored else ""
    for finding in findings:
        suggestion = finding.suggestion + (f"（依据：{finding.source}）" if finding.source else "")
        sys.stdout.write(
            f"{_one_line(finding.place)}\t{_one_line(finding.message)}\t{_one_line(suggestion)}\n"
        )
    if not findings:
        sys.stderr.write(f"“{args.file.name}”未发现问题。{dismissed}\n")
        return EXIT_CLEAN
    counts = Counter(f.check for f in findings)
    parts = "、".join(f"{CHECKS[name].label}{counts[name]}处" for name in CHECKS if counts[name])
    sys.stderr.write(f"“{args.file.name}”共发现{len(findings)}处问题：{parts}。{dismissed}\n")
    return EXIT_FINDINGS
