"""``python main.py kinds``: list the report kinds (built-in and added folders);
``kinds --check FOLDER`` checks kind definitions being written, as the app will read them."""

from __future__ import annotations

import argparse
import sys

EXIT_INVALID = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "kinds",
        help="列出可用的报告类型",
        description="列出报告类型：编号、名称和说明（每行一个，制表符分隔）。"
        "新增类型：复制 templates/ 下的一个文件夹、改名并修改其中的 kind.toml。",
    )
    parser.add_argument(
        "--check",
        metavar="文件夹",
        help="检查一个报告类型文件夹（含 kind.toml）或其上级文件夹中每个类型的定义，逐个说明是否可用",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.check is not None:
        return check(args.check)
    from core.draft.kinds import load_kinds_with_errors

    kinds, errors = load_kinds_with_errors()
    for kind in kinds.values():
        sys.stdout.write(f"{kind.id}\t{kind.name}\t{kind.description}\n")
    for message in errors:
        sys.stderr.write(f"提示：已跳过一个报告类型。{message}\n")
    return 0


def check(folder: str) -> int:
    from core.draft.kinds import KindError, check_kind_folders

    results = check_kind_folders(folder)
    if not results:
        sys.stderr.write(f"错误：“{folder}”中没有找到 kind.toml。请指定报告类型文件夹（其中有 kind.toml）或它的上级文件夹。\n")
        return EXIT_INVALID
    for path, outcome in results:
        if isinstance(outcome, KindError):
            sys.stderr.write(f"错误：{outcome}\n")
        else:
            sys.stdout.write(f"可用：{path}（{outcome.name}，{len(outcome.levels)} 级编号）\n")
    return EXIT_INVALID if any(isinstance(outcome, KindError) for _, outcome in results) else 0
