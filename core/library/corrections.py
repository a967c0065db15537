"""Correcting what a document is filed under: kind, year, unit and title (管理资料库 ▸ 修改信息…).

What may be typed, checked here once for every index. :meth:`core.library.store.Library.update_metadata`
then changes, in one transaction, the documents' rows, the index's filter tokens and the kept
records (so that a rebuild keeps the correction): all of them, or none.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.library.records import METADATA_FIELDS, LibraryError

MAX_METADATA_CHARS = 200
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _year_value(year: object) -> int | None:
    """A year as given (a number, or the text typed: "2023", "２０２３", "" for none)."""
    if isinstance(year, str):
        typed = year.strip().translate(_FULL_WIDTH_DIGITS).removesuffix("年").strip()
        if not typed:
            return None
        year = int(typed) if typed.isascii() and typed.isdigit() else typed
    if year is None:
        return None
    if not isinstance(year, int) or isinstance(year, bool) or not 1949 <= year <= 2100:
        raise LibraryError(f"年度“{year}”不对：请填写 1949 到 2100 之间的四位年份（如 2023），或留空。")
    return year


def validate_changes(changes: Mapping[str, object]) -> dict[str, object]:
    """The corrections as stored values; LibraryError names the field that is wrong."""
    from core.draft.kinds import load_kinds

    unknown = [name for name in changes if name not in METADATA_FIELDS]
    if unknown:
        raise LibraryError(f"无法修改“{unknown[0]}”：只能修改类型、年度、单位和标题。")
    values: dict[str, object] = {}
    if "kind" in changes:
        kind = str(changes["kind"] or "")
        if kind not in load_kinds():
            raise LibraryError(f"类型“{kind}”不是已有的报告类型。请从列表中选择。")
        values["kind"] = kind
    if "year" in changes:
        values["year"] = _year_value(changes["year"])
    for name, label in (("unit", "单位"), ("title", "标题")):
        if name in changes:
            text = " ".join(str(changes[name] or "").split())
            if len(text) > MAX_METADATA_CHARS:
                raise LibraryError(f"{label}太长（{len(text)} 字），最多 {MAX_METADATA_CHARS} 字。")
            values[name] = text
    return values
