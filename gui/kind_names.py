"""Display names of report kinds, for labels (kinds are data: see core.draft.kinds)."""

from __future__ import annotations

from functools import cache


@cache
def _names() -> dict[str, str]:
    from core.draft.kinds import load_kinds

    return {kind.id: kind.name for kind in load_kinds().values()}


def kind_display_name(kind_id: str) -> str:
    return _names().get(kind_id, kind_id or "未指定")
