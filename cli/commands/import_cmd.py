"""``python main.py import FILE [--outline | --json | -o DRAFT]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.draft.draft_file import DRAFT_SUFFIX, check_draft_target, dumps, is_draft_path, save_draft


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="导入往年报告（.docx/.doc/.wps/.txt/.md），输出提纲或保存为草稿",
        description="导入往年报告，识别标题、开头、各级标题、一是/二是要点和结尾。",
    )
    parser.add_argument("file", type=Path, help="要导入的文件")
    parser.add_argument("--outline", action="store_true", help="打印提纲（制表符分隔）")
    parser.add_argument("--json", action="store_true", help="以 JSON 打印草稿")
    parser.add_argument(
        "-o", "--output", type=Path, help="保存为草稿文件（.draft.json；不以此结尾时自动加上）"
    )
    parser.add_argument("--kind", help="指定报告类型，不自动判断")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cli.progress import terminal_steps
    from core.base.output_paths import refuse_clobbering
    from core.draft.draft_file import backup_path
    from core.importing.importer import import_document
    from core.importing.outline_text import dropped_lines, outline_lines

    output: Path | None = args.output
    if output is not None:
        # Only draft files are written: "-o 笔记.md" becomes 笔记.md.draft.json.
        if not is_draft_path(output):
            output = output.with_name(output.name + DRAFT_SUFFIX)
        refuse_clobbering(output, [(args.file, "要导入的文件")], backup=backup_path(output))
        check_draft_target(output)
    with terminal_steps() as progress:
        result = import_document(args.file, kind=args.kind, progress=progress)
    for warning in result.warnings:
        sys.stderr.write(f"提示：{warning}\n")
    if output is not None:
        save_draft(result.report, output)
        sys.stderr.write(f"已保存草稿：{output}（类型：{result.kind}，依据：{result.kind_reason}）\n")
    if args.json:
        sys.stdout.write(dumps(result.report))
    if args.outline or not (args.output or args.json):
        lines = outline_lines(result.report, show_how=True) + dropped_lines(result.dropped)
        sys.stdout.write("\n".join(lines) + "\n")
    return 0
