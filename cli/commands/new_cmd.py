"""``python main.py new --kind KIND [--from PRIOR] [--year YEAR] [--unit UNIT] -o DRAFT``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.draft.model import Report

MIN_YEAR, MAX_YEAR = 1949, 2200


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new",
        help="新建草稿：按报告类型的提纲，或沿用往年报告的提纲",
        description="新建草稿。给出 --from 时沿用往年报告的提纲：标题层级和写法保留，"
        "上年各部分的文字放在对应部分旁作参考，正文留给今年重写（与窗口中“沿用上年提纲”相同）。",
    )
    parser.add_argument(
        "--kind", help="报告类型（python main.py kinds 查看）；给出 --from 时可省略，自动判断"
    )
    parser.add_argument(
        "--from", dest="prior", type=Path, metavar="PRIOR", help="往年报告（.docx/.doc/.wps/.txt/.md）或草稿"
    )
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument(
        "--reference-only",
        action="store_true",
        help="不沿用往年提纲：用报告类型的提纲，往年各部分文字按标题相近程度放到对应部分旁作参考",
    )
    modes.add_argument(
        "--carry-text",
        action="store_true",
        help="沿用往年提纲和文字：年份顺延，数字、日期、占位符等标出待核实（与窗口中同名选项相同）",
    )
    modes.add_argument(
        "--from-plan",
        action="store_true",
        help="由今年工作要点生成上半年或年度工作总结：要点的每一部分成为“工作开展情况”下的一个小标题",
    )
    parser.add_argument("--year", type=int, help="报告年份（默认：往年报告的年份加一；否则按报告类型推断）")
    parser.add_argument("--unit", help="发文单位，用于标题和署名（默认沿用往年报告）")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="DRAFT",
        help="草稿文件，扩展名 .draft.json（未写时自动补上）",
    )
    parser.set_defaults(handler=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    from core.draft.draft_file import DRAFT_SUFFIX, is_draft_path, load_draft
    from core.draft.history import replace_draft
    from core.draft.kinds import get_kind, load_kinds
    from core.reuse.new_draft import (
        CARRY_OUTLINE,
        CARRY_TEXT,
        FROM_PLAN,
        REFERENCE_ONLY,
        drawn_from_plan,
        new_draft,
        starting_year,
    )

    parser: argparse.ArgumentParser = args.parser
    if not args.kind and not args.prior:
        parser.error("请用 --kind 指定报告类型（python main.py kinds 查看），或用 --from 指定往年报告。")
    if args.year is not None and not MIN_YEAR <= args.year <= MAX_YEAR:
        parser.error(f"年份 {args.year} 不在 {MIN_YEAR}–{MAX_YEAR} 之间。")
    for flag, chosen in (("--reference-only", args.reference_only), ("--carry-text", args.carry_text),
                         ("--from-plan", args.from_plan)):
        if chosen and not args.prior:
            parser.error(f"{flag} 需要与 --from 一起使用。")
    target: Path = args.output
    if not is_draft_path(target):
        target = target.with_name(target.name + DRAFT_SUFFIX)
    from core.base.output_paths import refuse_clobbering
    from core.draft.draft_file import backup_path, check_draft_target

    refuse_clobbering(target, [(args.prior, "往年报告")], backup=backup_path(target))
    check_draft_target(target)

    prior = None
    guessed, reason = "", ""
    if args.prior:
        if is_draft_path(args.prior):
            prior = load_draft(args.prior)
            guessed, reason = prior.kind, "沿用草稿的类型"
        else:
            from cli.progress import terminal_steps
            from core.importing.importer import import_document

            with terminal_steps() as progress:
                result = import_document(args.prior, progress=progress)
            prior, guessed, reason = result.report, result.kind, result.kind_reason
            for warning in result.warnings:
                sys.stderr.write(f"提示：{warning}\n")
    if args.from_plan and not (args.kind and drawn_from_plan(args.kind)):
        summaries = "、".join(f"{k.id}（{k.name}）" for k in load_kinds().values() if k.summary)
        parser.error(f"--from-plan 需要用 --kind 指定可由工作要点生成的类型：{summaries}。")
    kind = get_kind(args.kind or guessed)
    year = args.year or starting_year(kind.id, _prior_year(prior), from_plan=args.from_plan)
    mode = CARRY_OUTLINE
    if args.reference_only:
        mode = REFERENCE_ONLY
    elif args.carry_text:
        mode = CARRY_TEXT
    elif args.from_plan:
        mode = FROM_PLAN
    draft = new_draft(kind.id, year, args.unit or "", prior=prior, mode=mode)
    if args.prior:
        draft.report.prior_source = args.prior.name

    replaced = replace_draft(draft.report, target)  # a SaveFailed is printed by cli.main in Chinese
    sys.stdout.write(f"已新建草稿：{target}\n")
    sys.stdout.write(f"{year}年 · {kind.name} · {len(draft.report.walk())} 个标题。\n")
    for note in draft.notes:
        sys.stdout.write(note + "\n")
    if args.prior and not args.kind:
        sys.stderr.write(f"提示：按“{kind.name}”处理（{reason}），如不对请用 --kind 指定。\n")
    if replaced:
        sys.stderr.write(f"提示：{replaced}\n")
    return 0


def _prior_year(prior: Report | None) -> int | None:
    """The prior report's own year (its text may say it where the model does not)."""
    if prior is None:
        return None
    from core.reuse.carryover import infer_year

    return infer_year(prior)
