"""Reaching the office's PostgreSQL server: where it is, who we are, and one shared connection.

The settings hold the server's address, port, database and user — never a password. libpq
finds the password itself in ``~/.pgpass`` (``PGPASSFILE``); when the optional ``keyring``
package is installed, the system keyring is asked first (service :data:`KEYRING_SERVICE`,
the user name as the account). TLS is used when the server offers it (``sslmode=prefer``),
or required when the settings say so.

The library's SQL is written once with ``?`` placeholders (core.library.search); the
connection object here turns them into psycopg's ``%s`` and gives rows that are read by
name or position, as sqlite3.Row is.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar, TypeVar

from core.library.records import LibraryError

T = TypeVar("T")

SCHEMA = "baogao"  # every table of the library lives in this schema of the office's database
KEYRING_SERVICE = "baogao-library"
CONNECT_TIMEOUT_S = 5
APPLICATION_NAME = "baogao"


@dataclass(frozen=True)
class ServerSettings:
    """Where the office library is (资料库 ▸ 设置); no password here."""

    host: str = ""
    port: int = 5432
    database: str = ""
    user: str = ""
    sslmode: str = "prefer"  # TLS when the server offers it; "require" refuses a plain line

    @property
    def configured(self) -> bool:
        return bool(self.host and self.database and self.user)

    def label(self) -> str:
        """How the server is named to the clerk: "user@host:port/database"."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def conninfo(self) -> str:
        from psycopg.conninfo import make_conninfo

        return make_conninfo(
            host=self.host,
            port=str(self.port),
            dbname=self.database,
            user=self.user,
            sslmode=self.sslmode,
            connect_timeout=str(CONNECT_TIMEOUT_S),
            application_name=APPLICATION_NAME,
        )


def settings_from_dsn(dsn: str) -> ServerSettings:
    """``postgresql://user@host:5432/db`` or ``host=… dbname=… user=…`` → settings.

    A password written in the DSN is refused: it would end up in the shell's history and
    in our settings; put it in ``~/.pgpass`` or the keyring instead."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        values = conninfo_to_dict(dsn)
    except Exception as exc:  # psycopg.ProgrammingError: a DSN that cannot be parsed
        raise LibraryError(f"服务器地址“{dsn}”写法不对：{exc}。示例：postgresql://用户名@服务器:5432/数据库") from exc
    if values.get("password"):
        raise LibraryError("请不要把密码写在服务器地址里：请把密码存入系统钥匙串或 ~/.pgpass 文件（见 README 的“办公室资料库服务器”一节）。")
    try:
        port = int(str(values.get("port") or 5432))
    except ValueError as exc:
        raise LibraryError(f"服务器端口“{values.get('port')}”不对：请填写数字，如 5432。") from exc
    settings = ServerSettings(
        host=str(values.get("host") or "localhost"),
        port=port,
        database=str(values.get("dbname") or values.get("user") or ""),
        user=str(values.get("user") or ""),
        sslmode=str(values.get("sslmode") or "prefer"),
    )
    if not settings.user:
        import getpass

        settings = replace(settings, user=getpass.getuser())
    if not settings.database:
        settings = replace(settings, database=settings.user)
    return settings


def server_settings(host: str, port: str | int, database: str, user: str, require_tls: bool) -> ServerSettings | None:
    """The server as typed in 资料库 ▸ 设置; None for an empty address (the local library).
    LibraryError names the field that is wrong."""
    host, database, user = host.strip(), database.strip(), user.strip()
    if not host:
        return None
    typed = str(port).strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if not typed.isascii() or not typed.isdigit() or not 1 <= int(typed) <= 65535:
        raise LibraryError(f"端口“{port}”不对：请填写 1 到 65535 之间的数字（PostgreSQL 通常是 5432）。")
    if not database:
        raise LibraryError("请填写数据库名（信息科建立资料库时所用的数据库，如 office）。")
    if not user:
        raise LibraryError("请填写您的数据库账户名（由信息科开通）。")
    if any(c.isspace() for c in host + database + user):
        raise LibraryError("服务器地址、数据库名和账户名中不能有空格。")
    return ServerSettings(host, int(typed), database, user, "require" if require_tls else "prefer")


def keyring_password(settings: ServerSettings) -> str | None:
    """The password kept in the system keyring, when the ``keyring`` package is there."""
    try:
        import keyring  # optional: libpq reads ~/.pgpass on its own
    except ImportError:
        return None
    with contextlib.suppress(Exception):  # no keyring backend on this desktop
        found = keyring.get_password(KEYRING_SERVICE, f"{settings.user}@{settings.host}:{settings.port}")
        return found or None
    return None


class Unreachable(LibraryError):
    """The server cannot be reached (down, no network, wrong address)."""


def unreachable_message(settings: ServerSettings, reason: object) -> str:
    return (
        f"无法连接办公室资料库服务器（{settings.host}:{settings.port}）：{str(reason).strip() or '没有回应'}。"
        "请检查网络，或请信息科确认服务器已启动、账户和密码（钥匙串或 ~/.pgpass）无误。"
    )


class PgRow(tuple):  # type: ignore[type-arg]
    """A row read by name or by position, as sqlite3.Row."""

    names: ClassVar[dict[str, int]] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return super().__getitem__(self.names[key])
        return super().__getitem__(key)

    def keys(self) -> list[str]:
        return list(self.names)


def _row_factory(cursor: Any) -> Callable[[Sequence[Any]], PgRow]:
    names = {column.name: index for index, column in enumerate(cursor.description or ())}
    row_type = type("Row", (PgRow,), {"names": names})
    return row_type


def placeholders(sql: str) -> str:
    """``?`` placeholders (the library's shared SQL) as psycopg's ``%s``."""
    return sql.replace("%", "%%").replace("?", "%s")


class ServerConnection:
    """One connection to the server, shared by the index and the kept files; calls are
    serialised by a lock. ``execute`` takes the shared SQL with ``?`` placeholders."""

    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings
        self._lock = threading.RLock()
        self._conn: Any = None

    def connect(self) -> None:
        import psycopg

        password = keyring_password(self.settings)
        extra = {"password": password} if password else {}
        try:
            conn = psycopg.connect(
                self.settings.conninfo(),
                autocommit=True,
                row_factory=_row_factory,
                options=f"-c search_path={SCHEMA}",
                **extra,
            )
        except psycopg.OperationalError as exc:
            if getattr(exc, "sqlstate", None) or "password" in str(exc):
                # The server answered and refused (no such database, wrong account or
                # password): not a network trouble to wait out.
                raise LibraryError(
                    f"办公室资料库服务器（{self.settings.label()}）拒绝连接：{_first_line(exc)}。"
                    "请检查数据库名和账户名，并把密码存入系统钥匙串或 ~/.pgpass（不要写在设置里）。"
                ) from exc
            raise Unreachable(unreachable_message(self.settings, _first_line(exc))) from exc
        with self._lock:
            self._conn = conn

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed

    def execute(self, sql: str, parameters: Sequence[object] = ()) -> Any:
        if not parameters:  # as written: a script of several statements (the migrations) too
            return self._raw().execute(sql)
        return self._raw().execute(placeholders(sql), tuple(parameters))

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        with self._raw().cursor() as cursor:
            cursor.executemany(placeholders(sql), rows)

    def _raw(self) -> Any:
        if self._conn is None or self._conn.closed:
            raise Unreachable(unreachable_message(self.settings, "连接已断开"))
        return self._conn

    def run(self, action: Callable[[ServerConnection], T]) -> T:
        """Run ``action`` under the lock; a lost connection becomes :class:`Unreachable`, any
        other server error a LibraryError in Chinese."""
        import psycopg

        with self._lock:
            try:
                return action(self)
            except psycopg.OperationalError as exc:
                self._drop()
                raise Unreachable(unreachable_message(self.settings, _first_line(exc))) from exc
            except psycopg.errors.InsufficientPrivilege as exc:
                raise LibraryError(
                    f"服务器拒绝了这项操作（{_first_line(exc)}）：您的账户没有权限。请联系信息科开通。"
                ) from exc
            except psycopg.Error as exc:
                if self._conn is not None and self._conn.closed:
                    self._drop()
                    raise Unreachable(unreachable_message(self.settings, _first_line(exc))) from exc
                raise LibraryError(f"资料库服务器操作失败：{_first_line(exc)}。请稍后重试。") from exc

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock, self._raw().transaction():
            yield

    def _drop(self) -> None:
        with contextlib.suppress(Exception):
            self._conn.close()
        self._conn = None

    def close(self) -> None:
        with self._lock:
            self._drop()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
