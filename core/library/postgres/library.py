"""Opening the office library on its server as a :class:`core.library.store.Library`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.library.postgres.connection import ServerConnection, ServerSettings
from core.library.postgres.files import ServerFiles
from core.library.postgres.index import PostgresIndex
from core.library.postgres.migrations import LATEST, applied_version
from core.library.records import LibraryError

if TYPE_CHECKING:
    from core.library.store import Library


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
    return server


def open_server_library(cls: type[Library], settings: ServerSettings, cache_folder: Path | str | None) -> Library:
    server = connect_checked(settings)
    return cls(cache_folder, index=PostgresIndex(server), files=ServerFiles(server))
