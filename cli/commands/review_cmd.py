"""``python main.py review DRAFT REVIEWED.docx [--accept-all -o OUT.draft.json] [--table OUT.docx] [--force]
[--conflicts draft|reviewer|both] [--conflict N=draft|reviewer|both ...]``.

Lists the reviewer's changes one a line: 位置<TAB>类型<TAB>审阅人<TAB>内容. Exit 0 when there
are changes, 1 when there are none, 2 for bad input. A conflict (both changed the same words
since the export) is never taken by --accept-all unless a side is chosen for it: for all of
them (--conflicts) or by its number in the list (--conflict N=…), settled as the 审阅 panel
settles it (core.review.apply.settled).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_NONE = 1
# The sides of a conflict as the CLI names them: the draft's words, the reviewer's, both.
SIDES = ("draft", "reviewer", "both")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "review",
        help="读入领导的审阅稿，列出修订和批注，可全部接受",
        description="把审阅稿（含修订、批注的 Word 文档）与草稿对照，逐条列出改动：位置、类型、审阅人、内容。",
    )
    parser.add_argument("draft", type=Path, metavar="DRAFT", help="草稿（.draft.json）")
    parser.add_argument(
        "reviewed", type=Path, metavar="REVIEWED.docx", help="审阅稿（.docx；.doc/.wps 需装有 LibreOffice）"
    )
    parser.add_argument(
        "--accept-all", action="store_true", help="接受全部可用的改动，批注作为备注记在所在部分"
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="OUT.draft.json", help="接受改动后的草稿保存到此文件"
    )
    parser.add_argument("--table", type=Path, metavar="OUT.docx", help="另存修改对照表（Word 表格）")
    parser.add_argument("--force", action="store_true", help="审阅稿与草稿对不上时也照样写出")
    parser.add_argument(
        "--conflicts", choices=tuple(SIDES),
        help="与 --accept-all 一起用：所有冲突一律 draft 保留拟稿人的、reviewer 采用审阅人的、both 两者都保留",
    )
    parser.add_argument(
        "--conflict", action="append", default=[], metavar="N=draft|reviewer|both",
        help="与 --accept-all 一起用：单独选定列表中第 N 条冲突（可多次给出，优先于 --conflicts）",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cli.output import quiet_closed_stdout
    from core.base.errors import SaveFailed
    from core.draft.draft_file import is_draft_path, load_draft, save_draft
    from core.review.apply import KEEP_BOTH, TAKE_CLERK, TAKE_LEADER, apply_changes, settled
    from core.review.change import ReviewChange
    from core.review.changes import MIN_MATCH
    from core.review.merge import review_copy
    from core.review.progress import file_digest, record_accepted, start_record
    from core.review.revisions import read_reviewed
    from core.review.table import DECISION_NOTES, write_change_table

    if args.accept_all and args.output is None:
        sys.stderr.write("参数有误：--accept-all 需要用 -o 指定接受改动后的草稿保存到哪个文件。\n")
        return 2
    if (args.conflicts or args.conflict) and not args.accept_all:
        sys.stderr.write("参数有误：--conflicts、--conflict 选定冲突后要写出草稿，需与 --accept-all -o 一起用。\n")
        return 2
    chosen: dict[int, str] = {}
    for given in args.conflict:
        number, _, side = given.partition("=")
        if not number.strip().isdigit() or side.strip() not in SIDES:
            sys.stderr.write(f"参数有误：--conflict “{given}”应写成 序号=draft、序号=reviewer 或 序号=both，如 --conflict 3=reviewer。\n")
            return 2
        chosen[int(number)] = side.strip()
    if not is_draft_path(args.draft):
        sys.stderr.write(
            f"错误：“{args.draft.name}”不是草稿文件（.draft.json）。请先用 import 或窗口把报告存为草稿。\n"
        )
        return 2
    for out in (args.output, args.table):
        if (
            out is not None
            and out.exists()
            and out.resolve() in (args.draft.resolve(), args.reviewed.resolve())
        ):
            raise SaveFailed(out, "输出文件与输入文件是同一个文件。请另选输出文件名，以免覆盖原文件。")
    report = load_draft(args.draft)
    document = read_reviewed(args.reviewed)
    result = review_copy(report, document)
    numbered = dict(enumerate(result.changes, 1))
    wrong = [n for n in chosen if n not in numbered or not numbered[n].conflict]
    if wrong:
        sys.stderr.write(f"参数有误：--conflict 给出的第 {wrong[0]} 条不是冲突（冲突在列表中注有“第N条冲突”）。\n")
        return 2
    # Decisions the clerk already made on this very file in the window (kept in the draft).
    record = start_record(report, result, args.reviewed.name, file_digest(args.reviewed))
    decisions = record.decisions
    percent = round(result.rate * 100)
    listing = True  # until the reader of the list goes away (``| head -1``); the rest still runs
    for number, change in enumerate(result.changes, 1):
        content = change.content.replace("\t", " ").replace("\n", " ")
        if change.id in decisions:
            content += DECISION_NOTES[decisions[change.id]]
        elif not change.applicable:
            content += f"【{change.reason}】"
        if change.conflict and change.id not in decisions:
            content += f"【第{number}条冲突：可用 --conflict {number}=draft|reviewer|both 选定】"
        if listing:
            try:
                sys.stdout.write(f"{change.place}\t{change.kind}\t{change.author or '（未署名）'}\t{content}\n")
                sys.stdout.flush()
            except BrokenPipeError:
                quiet_closed_stdout()
                listing = False
    stale = sum(1 for c in result.changes if not c.applicable and not c.conflict)
    conflicts = sum(1 for c in result.changes if c.conflict)
    against = "导出时的版本" if result.three_way else "草稿"
    sys.stderr.write(
        f"共 {len(result.changes)} 条改动和批注（{stale} 条不再适用，{conflicts} 处冲突）；"
        f"审阅稿有 {percent}% 的段落与{against}对应。\n"
    )
    if result.note:
        sys.stderr.write(f"提示：{result.note}\n")
    mismatch = result.rate < MIN_MATCH
    if mismatch:
        sys.stderr.write(
            f"提示：“{args.reviewed.name}”只有 {percent}% 的段落能在草稿中找到，可能不是这份草稿的审阅稿。\n"
        )
    if args.accept_all:
        if mismatch and not args.force:
            sys.stderr.write(
                f"错误：审阅稿“{args.reviewed.name}”与草稿“{args.draft.name}”只有 {percent}% 的段落对应，"
                "不像是这份草稿的审阅稿，未写出任何文件。确认无误请加 --force。\n"
            )
            return 2
        core_side = {"draft": TAKE_CLERK, "reviewer": TAKE_LEADER, "both": KEEP_BOTH}
        undecided: list[ReviewChange] = []
        kept_clerks: list[str] = []  # conflicts settled by keeping the draft's words: rejected
        for number, change in numbered.items():
            if change.id in decisions:
                continue
            side = chosen.get(number, args.conflicts) if change.conflict else None
            made = settled(change, core_side[side]) if side else change
            if made is None:
                kept_clerks.append(change.id)
            else:
                undecided.append(made)
        applied = apply_changes(report, undecided)
        record_accepted(applied.report, record, applied.applied, kept_clerks)
        save_draft(applied.report, args.output)
        sys.stderr.write(
            f"已接受 {len(applied.applied)} 条，跳过 {len(applied.skipped)} 条；已保存：{args.output}\n"
        )
    if args.table is not None:
        write_change_table(result.changes, args.table, decisions=decisions)
        sys.stderr.write(f"已生成修改对照表：{args.table}\n")
    return 0 if result.changes else EXIT_NONE
