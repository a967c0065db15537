"""``python main.py recover [DRAFT -o OUT.draft.json]``: unsaved work left by a crash.

For when the window cannot start, or for the office's IT staff: list the drafts whose
window ended without closing (crash, kill, power cut) with edits not yet saved, and write
one of them, with every journaled edit replayed, to a new draft file. Exit code 1 when
there is nothing to recover.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.draft.session import Autosave

NOTHING = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "recover",
        help="列出或取回程序意外关闭时尚未保存的修改",
        description="不带参数：列出上次没有正常关闭的窗口留下的、尚未保存的草稿。"
        "给出 DRAFT 和 -o：把该草稿恢复后的完整内容写入新的草稿文件（原草稿文件不动）。"
        "没有可恢复的内容时退出码为 1。",
    )
    parser.add_argument(
        "draft", nargs="?", metavar="DRAFT", help="草稿文件路径，或列表中的序号（尚未保存过的新报告用序号）"
    )
    parser.add_argument("-o", "--output", type=Path, metavar="OUT", help="写入恢复内容的草稿文件（.draft.json）")
    parser.set_defaults(handler=run, parser=parser)


def _when(saved_at: str) -> str:
    return saved_at.replace("T", " ")[:19]


def _pick(found: list[Autosave], wanted: str) -> Autosave | None:
    if wanted.isdigit() and 1 <= int(wanted) <= len(found):
        return found[int(wanted) - 1]
    target = Path(wanted).expanduser().resolve()
    return next((a for a in found if a.draft_path and Path(a.draft_path).resolve() == target), None)


def _is_a_draft(path: Path) -> bool:
    from core.base.errors import ReportError
    from core.draft.draft_file import load_draft

    try:
        load_draft(path)
    except ReportError:
        return False
    return True


def run(args: argparse.Namespace) -> int:
    from core.draft.draft_file import DRAFT_SUFFIX, is_draft_path
    from core.draft.history import replace_draft
    from core.draft.session import find_recoverable

    parser: argparse.ArgumentParser = args.parser
    found = find_recoverable()
    if args.draft is None:
        if args.output is not None:
            parser.error("请同时给出要恢复的草稿（路径或序号）。先运行 python main.py recover 查看列表。")
        if not found:
            sys.stdout.write("没有需要恢复的草稿：上次的窗口都已正常关闭，或修改都已保存。\n")
            return NOTHING
        sys.stdout.write(f"以下 {len(found)} 份草稿有程序意外关闭时尚未保存的修改：\n")
        for number, autosave in enumerate(found, 1):
            where = autosave.draft_path or "（尚未保存过的新报告）"
            sys.stdout.write(f"{number}. {autosave.display_name}\t最后修改于 {_when(autosave.saved_at)}\t{where}\n")
        sys.stdout.write("取回其中一份：python main.py recover 序号或草稿路径 -o 新文件.draft.json\n")
        return 0
    if args.output is None:
        parser.error("请用 -o 指定写入恢复内容的新草稿文件，例如 -o 恢复的草稿.draft.json。")
    chosen = _pick(found, args.draft)
    if chosen is None:
        sys.stdout.write(f"“{args.draft}”没有需要恢复的修改。运行 python main.py recover 查看可恢复的草稿。\n")
        return NOTHING
    target: Path = args.output
    if not is_draft_path(target):
        target = target.with_name(target.name + DRAFT_SUFFIX)
    if target.exists() and not _is_a_draft(target):
        parser.error(f"“{target}”已存在且不是报告起草助手的草稿，不会覆盖它。请换一个文件名。")
    report, notes = chosen.load_with_notes()
    replaced = replace_draft(report, target)  # a SaveFailed is printed by cli.main in Chinese
    sys.stdout.write(f"已把“{chosen.display_name}”恢复后的内容写入：{target}\n")
    for note in notes:
        sys.stdout.write(f"提示：{note}\n")
    if replaced:
        sys.stderr.write(f"提示：{replaced}\n")
    sys.stdout.write("自动保存的内容仍然保留；在窗口中确认无误后，可在恢复提示中选择“丢弃”。\n")
    return 0
