"""The office's library on a PostgreSQL server (≥ 13, no extensions): see
core.library.postgres.migrations for the schema, roles and row-level security, and
core.library.postgres.index for how it searches."""

from core.library.postgres.connection import ServerConnection, ServerSettings, Unreachable, settings_from_dsn

__all__ = ["ServerConnection", "ServerSettings", "Unreachable", "settings_from_dsn"]
