"""``python main.py library add|search|list|check|remove``: the library of past reports."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from core.base.errors import ReportError

if TYPE_CHECKING:
    from core.library import Library


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "library",
        help="资料库：收录往年报告，按词语检索段落",
        description="资料库保存导入和导出过的每份报告，可按词语、短语检索往年的写法。",
    )
    parser.set_defaults(handler=lambda _args: _usage(parser))
    actions = parser.add_subparsers(dest="library_command", metavar="操作")
    # Every action can speak to the office's server instead of the local library.
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument(
        "--dsn",
        metavar="DSN",
        help="办公室资料库服务器，如 postgresql://用户名@服务器:5432/数据库（密码放在钥匙串或 ~/.pgpass，不要写在这里）",
    )

    add = actions.add_parser(
        "add", parents=[where], help="把文件收入资料库", description="把一份或多份报告收入资料库。"
    )
    add.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="报告文件（.docx/.doc/.wps/.txt/.md）"
    )
    add.add_argument("--kind", help="指定报告类型（类型编号或中文名称），不自动判断")
    add.add_argument("--private", action="store_true", help="（服务器）只给本单位看，不与全办公室共享")
    add.set_defaults(handler=run_add)

    search = actions.add_parser(
        "search",
        parents=[where],
        help="检索段落",
        description="检索资料库中的段落。多个词用空格分开，都须出现；用引号括起的短语须原样出现。"
        "每行一条结果：得分、文档、章节位置、摘录（命中处用【】标出）。",
    )
    search.add_argument("query", nargs="+", metavar="WORDS", help="检索词，如 人才 或 “党建引领”；几个词都须出现")
    search.add_argument("--kind", help="只看某类报告（类型编号或中文名称）")
    search.add_argument("--year", type=int, help="只看某一年的报告")
    search.add_argument("--unit", help="只看某单位的报告（单位名称的一部分即可）")
    search.add_argument("--limit", type=int, default=20, help="最多显示几条（默认 20）")
    search.set_defaults(handler=run_search)

    listing = actions.add_parser(
        "list", parents=[where], help="列出资料库中的文档", description="列出资料库中的文档。"
    )
    listing.set_defaults(handler=run_list)

    check = actions.add_parser(
        "check",
        parents=[where],
        help="检查资料库是否完好",
        description="逐页检查资料库文件（一万份报告约需几秒）；如有损坏，根据保存的原始文件重建。",
    )
    check.set_defaults(handler=run_check)

    remove = actions.add_parser(
        "remove", parents=[where], help="从资料库删除文档", description="按编号删除文档（编号见 list）。"
    )
    remove.add_argument("ids", nargs="+", type=int, metavar="ID", help="文档编号")
    remove.set_defaults(handler=run_remove)

    from cli.library_server import register_moving, register_server

    register_server(actions)
    register_moving(actions)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _kind_names() -> dict[str, str]:
    """Kind id → Chinese name, from the kind definitions; ids alone if they cannot be read."""
    try:
        from core.draft.kinds import load_kinds

        return {kind_id: kind.name for kind_id, kind in load_kinds().items()}
    except (ReportError, OSError, ImportError):
        return {}


def _kind_id(value: str | None) -> str | None:
    """Accept a kind id or its Chinese name (年度工作要点)."""
    if not value:
        return None
    for kind_id, name in _kind_names().items():
        if value in (kind_id, name):
            return kind_id
    return value


def _open(args: argparse.Namespace) -> Library:
    """The local library, or the office's server library with --dsn."""
    from core.library import Library

    dsn = getattr(args, "dsn", None)
    if dsn:
        from core.library.office import OfficeLibrary
        from core.library.postgres import settings_from_dsn

        library = OfficeLibrary(settings_from_dsn(dsn))
    else:
        library = Library()
    notice = library.take_notice()
    if notice:
        sys.stderr.write(f"提示：{notice}\n")
    return library


def run_add(args: argparse.Namespace) -> int:
    from cli.progress import terminal_progress

    names = _kind_names()
    failed = 0
    with _open(args) as library:
        for path in args.files:
            try:
                with terminal_progress(f"正在收入资料库：{path.name}") as progress:
                    result = library.add_file(
                        path, kind=_kind_id(args.kind), progress=progress, shared=not args.private
                    )
            except ReportError as exc:
                sys.stderr.write(f"错误：{exc}\n")
                failed += 1
                continue
            doc = result.document
            facts = [names.get(doc.kind, doc.kind)]
            if doc.year:
                facts.append(f"{doc.year}年")
            if doc.unit:
                facts.append(doc.unit)
            facts.append(f"{doc.paragraphs} 段")
            verb = "已收入" if result.added else "资料库中已有"
            sys.stdout.write(f"{verb}：{path.name}（{'，'.join(facts)}），编号 {doc.id}\n")
    return 2 if failed else 0


def _one_line(text: str) -> str:
    return " ".join(text.split())


def run_search(args: argparse.Namespace) -> int:
    from core.text import language

    query = " ".join(args.query)
    if args.limit <= 0:
        raise ReportError("--limit 须为正整数。")
    language.start_background_load()  # overlaps loading the dictionary with opening the database
    with _open(args) as library:
        hits = library.search(
            query, kind=_kind_id(args.kind), year=args.year, unit=args.unit, limit=args.limit
        )
    if not hits:
        sys.stderr.write(f"没有找到与“{query}”相关的段落。\n")
        return 0
    for hit in hits:
        fields = [f"{hit.score:.2f}", hit.document, hit.section_path, hit.marked_snippet()]
        sys.stdout.write("\t".join(_one_line(f) for f in fields) + "\n")
    return 0


def run_check(args: argparse.Namespace) -> int:
    with _open(args) as library:
        if library.check_integrity():
            sys.stdout.write(f"资料库完好（{len(library.documents())} 份文档）。\n")
            return 0
        sys.stdout.write(f"{library.take_notice()}\n")
    return 0


def run_list(args: argparse.Namespace) -> int:
    names = _kind_names()
    with _open(args) as library:
        documents = library.documents()
    if not documents:
        sys.stderr.write("资料库是空的。用 python main.py library add 文件 收入报告。\n")
        return 0
    for doc in documents:
        fields = [
            str(doc.id),
            names.get(doc.kind, doc.kind),
            str(doc.year or ""),
            doc.unit,
            doc.label,
            doc.file_name,
        ]
        sys.stdout.write("\t".join(_one_line(f) for f in fields) + "\n")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    missing = 0
    with _open(args) as library:
        for doc_id in args.ids:
            if library.remove(doc_id):
                sys.stdout.write(f"已删除：编号 {doc_id}\n")
            else:
                sys.stderr.write(f"错误：资料库中没有编号为 {doc_id} 的文档。用 list 查看编号。\n")
                missing += 1
    return 2 if missing else 0
