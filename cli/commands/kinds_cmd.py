"""``python main.py kinds``: list the report kinds (built-in and added folders)."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "kinds",
        help="列出可用的报告类型",
        description="列出报告类型：编号、名称和说明（每行一个，制表符分隔）。"
        "新增类型：复制 templates/ 下的一个文件夹、改名并修改其中的 kind.toml。",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from core.draft.kinds import load_kinds_with_errors

    kinds, errors = load_kinds_with_errors()
    for kind in kinds.values():
        sys.stdout.write(f"{kind.id}\t{kind.name}\t{kind.description}\n")
    for message in errors:
        sys.stderr.write(f"提示：已跳过一个报告类型。{message}\n")
    return 0
