"""A fixed series cited in part, its items in another order (基层首诊、急慢分治、双向转诊 for the
分级诊疗 series 基层首诊、双向转诊、急慢分治、上下联动).

:mod:`core.proofread.formulations` finds a whole series reordered (its characters, all of them,
in another order). A report often cites three items of a longer series, or runs on past it; the
order of those it cites is still the series'. A run of three items or more joined by 顿号 is
flagged when they are items of one series of our formulations and no series that holds them all
lists them in the order written: an item shared by series of other orders (教育、卫生) never
decides alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from core.proofread import data
from core.proofread.hits import Hit

# Items joined by 顿号, three at least; the first may end and the last begin a longer run of text.
_RUN = re.compile(r"[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+){2,}")
_ITEM = re.compile(r"[\u4e00-\u9fff]{2,}")
SHORTEST_CITATION = 3


@cache
def _series() -> tuple[tuple[tuple[str, ...], ...], dict[str, tuple[int, ...]], tuple[data.Formulation, ...]]:
    """The series of three items or more, each item's series, and the formulation of each."""
    series: list[tuple[str, ...]] = []
    owners: list[data.Formulation] = []
    holding: dict[str, list[int]] = {}
    for item in data.formulations():
        # The forms official documents write too are series of their own (稳增长、调结构、促改革……).
        for form in (item.canonical, *item.accepted):
            parts = tuple(form.split("、"))
            if len(parts) < SHORTEST_CITATION or not all(_ITEM.fullmatch(part) for part in parts) or len(set(parts)) < len(parts):
                continue
            for part in parts:
                holding.setdefault(part, []).append(len(series))
            series.append(parts)
            owners.append(item)
    return tuple(series), {part: tuple(found) for part, found in holding.items()}, tuple(owners)


def _cited_item(piece: str, at: int, last: int, holding: dict[str, tuple[int, ...]]) -> tuple[str, int, int] | None:
    """The series item ``piece`` is, with where it starts and ends in the piece: the first piece
    may end with it (形成了|基层首诊), the last begin with it (双向转诊|的分级诊疗格局)."""
    if piece in holding:
        return piece, 0, len(piece)
    for size in range(len(piece) - 1, 1, -1):
        if at == 0 and piece[-size:] in holding:
            return piece[-size:], len(piece) - size, len(piece)
        if at == last and piece[:size] in holding:
            return piece[:size], 0, size
    return None


def partial_series_reordered(text: str) -> Iterator[Hit]:
    if "、" not in text:
        return
    series, holding, owners = _series()
    for run in _RUN.finditer(text):
        pieces = run.group().split("、")
        starts = [run.start()]
        for piece in pieces[:-1]:
            starts.append(starts[-1] + len(piece) + 1)
        cited = [_cited_item(piece, at, len(pieces) - 1, holding) for at, piece in enumerate(pieces)]
        # Each stretch of pieces that are all items of series, side by side.
        at = 0
        while at < len(cited):
            end = at
            while end < len(cited) and cited[end] is not None:
                end += 1
            stretch = [found for found in cited[at:end] if found is not None]
            if len(stretch) >= SHORTEST_CITATION:
                yield from _misordered(stretch, starts[at:end], series, holding, owners)
            at = end + 1


def _misordered(
    stretch: list[tuple[str, int, int]],
    starts: list[int],
    series: tuple[tuple[str, ...], ...],
    holding: dict[str, tuple[int, ...]],
    owners: tuple[data.Formulation, ...],
) -> Iterator[Hit]:
    items = [item for item, _, _ in stretch]
    if len(set(items)) < len(items):
        return
    shared = set(holding[items[0]]).intersection(*(holding[item] for item in items[1:]))
    if not shared:
        return
    if any([series[number].index(item) for item in items] == sorted(series[number].index(item) for item in items) for number in shared):
        return  # in the order of a series that holds them all
    number = min(shared)  # a canonical form comes before the forms accepted beside it
    ordered = sorted(items, key=series[number].index)
    start, end = starts[0] + stretch[0][1], starts[-1] + stretch[-1][2]
    owner = owners[number]
    note = owner.note or f"规范写法是“{owner.canonical}”。"
    fix = "、".join(ordered)
    yield Hit(start, end, fix, f"“{'、'.join(items)}”的次序不对：{note}", f"改为“{fix}”。", owner.source)
