"""Opening the office library on its server: a connection to a library this app can use."""

from __future__ import annotations

from core.library.postgres.connection import ServerConnection, ServerSettings
from core.library.postgres.migrations import LATEST, applied_version
from core.library.records import LibraryError


def connect_checked(settings: ServerSettings) -> ServerConnection:
    """A connection to a server whose library is set up in a version this app knows."""
    server = ServerConnection(settings)
    server.connect()
    version = server.run(applied_version)
    if version == 0:
        server.close()
        raise LibraryError(
            f"服务器 {settings.host} 的数据库“{settings.database}”中还没有资料库。"
            "请信息科先运行：python main.py library server init --dsn …（见 README）。"
        )
    if version > LATEST:
        server.close()
        raise LibraryError("服务器上的资料库由更新版本的报告起草助手建立，本版本无法使用。请升级程序。")
    if version < LATEST:  # this version writes what an older schema has no room for (e.g. partitions, version 6)
        server.close()
        raise LibraryError(
            f"服务器 {settings.host} 上的资料库是第 {version} 版，本程序需要第 {LATEST} 版。"
            "请信息科运行：python main.py library server init --dsn …（见 README），资料库内容会保留。"
        )
    return server

