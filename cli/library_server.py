"""``python main.py library server init|member``: setting up the office's library server (IT staff)."""

from __future__ import annotations

import argparse
import sys


def register_server(actions: argparse._SubParsersAction) -> None:
    server = actions.add_parser(
        "server",
        help="（信息科）设置办公室资料库服务器",
        description="在办公室的 PostgreSQL 服务器上建立资料库、角色和权限规则。以数据库管理员账户运行。",
    )
    steps = server.add_subparsers(dest="server_command", metavar="操作")
    server.set_defaults(handler=lambda _args: (server.print_help(sys.stderr), 2)[1])

    init = steps.add_parser(
        "init",
        help="建立或升级资料库（可重复运行）",
        description="建立资料库的表、全文索引、角色 baogao_clerk 和按单位的行级权限；已是最新时不作改动。",
    )
    init.add_argument("--dsn", required=True, metavar="DSN", help="管理员连接，如 postgresql://postgres@服务器/office")
    init.set_defaults(handler=run_init)

    member = steps.add_parser(
        "member",
        help="让一个数据库账户以某单位的身份使用资料库",
        description="账户不存在时新建（不设密码：请用 ALTER ROLE … PASSWORD 设置）；加入 baogao_clerk，登记所属单位。",
    )
    member.add_argument("--dsn", required=True, metavar="DSN", help="管理员连接")
    member.add_argument("role", metavar="ACCOUNT", help="数据库账户名，如 zhangsan")
    member.add_argument("unit", metavar="UNIT", help="所属单位，如 **区委组织部")
    member.add_argument("--section", default="", help="所属科室（可选）")
    member.set_defaults(handler=run_member)


def register_moving(actions: argparse._SubParsersAction) -> None:
    upload = actions.add_parser(
        "upload",
        help="把本机资料库整个上传到办公室服务器",
        description="把本机资料库的每份文档送上服务器（显示进度）；服务器上已有相同正文的不重复上传。",
    )
    upload.add_argument("--dsn", required=True, metavar="DSN", help="办公室资料库服务器（您自己的账户）")
    upload.add_argument("--private", action="store_true", help="上传的文档只给本单位看")
    upload.set_defaults(handler=run_upload)
    download = actions.add_parser(
        "download",
        help="把办公室服务器上能看到的文档下载到本机资料库",
        description="把服务器上您能看到的每份文档收入本机资料库（显示进度）；本机已有相同正文的跳过。",
    )
    download.add_argument("--dsn", required=True, metavar="DSN", help="办公室资料库服务器（您自己的账户）")
    download.set_defaults(handler=run_download)


def run_upload(args: argparse.Namespace) -> int:
    from cli.progress import terminal_progress
    from core.library import Library
    from core.library.office import OfficeLibrary
    from core.library.postgres import settings_from_dsn

    with (
        Library() as local,
        OfficeLibrary(settings_from_dsn(args.dsn)) as office,
        terminal_progress("正在上传资料库") as progress,
    ):
        sent, present = office.upload(local, progress, shared=not args.private)
    sys.stdout.write(f"已上传 {sent} 份文档；{present} 份服务器上已有，未重复上传。\n")
    return 0


def run_download(args: argparse.Namespace) -> int:
    from cli.progress import terminal_progress
    from core.library import Library
    from core.library.office import OfficeLibrary
    from core.library.postgres import settings_from_dsn

    with (
        Library() as local,
        OfficeLibrary(settings_from_dsn(args.dsn)) as office,
        terminal_progress("正在下载资料库") as progress,
    ):
        new = office.download(local, progress)
    sys.stdout.write(f"已下载 {new} 份文档到本机资料库。\n")
    return 0


def _admin(dsn: str):  # type: ignore[no-untyped-def]
    from core.library.postgres import ServerConnection, settings_from_dsn

    server = ServerConnection(settings_from_dsn(dsn))
    server.connect()
    return server


def run_init(args: argparse.Namespace) -> int:
    from core.library.postgres.migrations import LATEST, init_server

    server = _admin(args.dsn)
    try:
        done = init_server(server)
    finally:
        server.close()
    if not done:
        sys.stdout.write(f"资料库已是最新（第 {LATEST} 版），未作改动。\n")
    for step in done:
        sys.stdout.write(f"已完成：{step}\n")
    return 0


def run_member(args: argparse.Namespace) -> int:
    from core.base.errors import ReportError
    from core.library.postgres.migrations import add_member

    if not args.unit.strip():
        raise ReportError("请填写所属单位。")
    server = _admin(args.dsn)
    try:
        add_member(server, args.role, args.unit, args.section)
    finally:
        server.close()
    sys.stdout.write(f"已登记：账户 {args.role} 属于“{args.unit.strip()}”，可以使用办公室资料库。\n")
    return 0
