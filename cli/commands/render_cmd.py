"""``python main.py render INPUT -o OUT.docx [--fonts SCHEME] [--template FILE] [--kind KIND] [--attach FILE]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.render.fonts import DEFAULT_SCHEME, SCHEMES

EXIT_NOT_READY = 1  # --strict and something is still open


# A carried draft can hold dozens of placeholders: the first few of each kind, then a count.
MAX_WARNINGS_PER_KIND = 10


def register(subparsers: argparse._SubParsersAction) -> None:
    schemes = "；".join(f"{s.id}：{s.description}" for s in SCHEMES.values())
    parser = subparsers.add_parser(
        "render",
        help="生成符合 GB/T 9704-2012 的 Word 文档",
        description="把草稿（.draft.json）或任意可导入的文档排成公文格式的 Word 文档（.docx）。",
    )
    parser.add_argument(
        "input", type=Path, metavar="INPUT", help="草稿（.draft.json）或 .docx/.doc/.wps/.txt/.md 文档"
    )
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT.docx",
        help="输出的 Word 文档；以 .pdf 结尾时经 LibreOffice 转为 PDF（需安装 LibreOffice）"
    )
    parser.add_argument(
        "--fonts",
        metavar="SCHEME",
        help=f"字体方案（默认 {DEFAULT_SCHEME}；用 --template 时默认沿用模板字体）。{schemes}",
    )
    parser.add_argument(
        "--template",
        type=Path,
        metavar="FILE",
        help="本单位修改过样式的模板（.docx），代替报告类型自带的模板",
    )
    parser.add_argument("--kind", help="报告类型（python main.py kinds 查看）；不写时按草稿或自动判断")
    parser.add_argument(
        "--attach",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="作为附件排在正文之后的文档（每个附件另起一页；可写多次）",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="导出前检查：还有占位符、待核实内容、空白部分、缺少标题/署名/成文日期或检查出的错误时不生成文档，退出码 1",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cli.progress import terminal_steps
    from core.base.output_paths import refuse_clobbering
    from core.draft.draft_file import is_draft_path, load_draft
    from core.draft.kinds import get_kind
    from core.render import backup_path, render_report
    from core.render.fonts import get_scheme

    source: Path = args.input
    out: Path = args.output
    if args.fonts:
        get_scheme(args.fonts)  # an unknown scheme fails before any work is done
    kind = get_kind(args.kind) if args.kind else None
    inputs = [(source, "输入文件"), (args.template, "模板"), *((a, "附件") for a in args.attach)]
    refuse_clobbering(out, inputs, backup=backup_path(out))

    if is_draft_path(source):
        report = load_draft(source)
    else:
        from core.importing.importer import import_document

        with terminal_steps() as progress:
            result = import_document(source, kind=kind.id if kind else None, progress=progress)
        report = result.report
        if kind is None:
            sys.stderr.write(
                f"提示：按“{_kind_name(result.kind)}”排版（{result.kind_reason}）；如不对请用 --kind 指定。\n"
            )
    if kind is not None:
        report.kind = kind.id
    if args.attach:
        from core.importing.attachments import attach_document

        for attachment in args.attach:
            attach_document(report, attachment)

    from core.checks.preflight import preflight, proofreading_note, summary

    open_items = preflight(report)
    shown: dict[str, int] = {}
    for item in open_items:
        shown[item.kind] = shown.get(item.kind, 0) + 1
        if shown[item.kind] <= MAX_WARNINGS_PER_KIND:
            sys.stderr.write(f"警告：{item.line()}\n")
    for item_kind, count in shown.items():
        if count > MAX_WARNINGS_PER_KIND:
            label = next(i.label for i in open_items if i.kind == item_kind)
            sys.stderr.write(
                f"警告：[{label}] 另有 {count - MAX_WARNINGS_PER_KIND} 处未列出（python main.py check 可逐条列出）。\n"
            )
    if open_items and args.strict:
        sys.stderr.write(f"{summary(open_items)}未生成文档（--strict）。处理完这些问题后再导出，或去掉 --strict。\n")
        return EXIT_NOT_READY
    if open_items:
        sys.stderr.write(f"{summary(open_items)}文档照常生成，请处理后再发出。\n")

    fonts = args.fonts or (None if args.template else DEFAULT_SCHEME)
    with terminal_steps() as progress:
        if is_draft_path(source):
            from core.render.export import export_report

            # The draft as sent is kept, so that its reviewed copy merges three ways.
            warnings = export_report(report, out, source, fonts=fonts, template=args.template, progress=progress)
        elif out.suffix.lower() == ".pdf":
            from core.render.pdf import render_pdf

            warnings = render_pdf(report, out, fonts=fonts, template=args.template, progress=progress)
        else:
            warnings = render_report(report, out, fonts=fonts, template=args.template, progress=progress)
    for message in warnings:
        sys.stderr.write(f"提示：{message}\n")
    # After the document is written: a refused one need not wait for the 校对 dictionary.
    note = proofreading_note(report)
    if note:
        sys.stderr.write(f"提示：{note.replace('“检查”', '“python main.py check”')}\n")
    sys.stdout.write(f"已生成：{out}\n")
    return 0


def _kind_name(kind_id: str) -> str:
    from core.draft.kinds import load_kinds

    kind = load_kinds().get(kind_id)
    return kind.name if kind else kind_id
