"""Dates as clerks write and type them (core.text.dates): every form, and no day that does not exist."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.draft.ordinals import cn_digits, int_to_cn
from core.text.dates import date_words, gb_date, iso_date, read_date, written_date

JULY_FIRST = dt.date(2024, 7, 1)


@pytest.mark.parametrize(
    "typed",
    ["2024年7月1日", "2024年07月01日", "2024 年 7 月 1 日", "（2024年7月1日）", "二〇二四年七月一日",
     "２０２４年７月１日", "2024-7-1", "2024-07-01", "2024.7.1", "2024/7/1", "20240701", "2024．7．1",
     "2024／7／1", " 2024-7-1 "],
)
def test_every_form_a_clerk_types(typed: str) -> None:
    assert read_date(typed) == JULY_FIRST


@pytest.mark.parametrize(
    "text", ["", "2024年", "7月1日", "2024年2月30日", "2023-2-29", "20241301", "2024-7/1", "2024.7", "202471",
             "2024年7月1日召开", "二〇二四年十三月一日", "明天"],
)
def test_not_a_date(text: str) -> None:
    assert read_date(text) is None


def test_the_importer_takes_only_the_written_forms() -> None:
    # A line "2024.7.1" under a report is not taken for its 成文日期; "2024年7月1日" is.
    assert iso_date("2024年7月1日", typed_forms=False) == "2024-07-01"
    assert iso_date("2024.7.1", typed_forms=False) is None and iso_date("20240701", typed_forms=False) is None
    assert read_date("2024-2-29") == dt.date(2024, 2, 29)  # a leap day is a day


def _chinese_year(year: int) -> str:
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(year))


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_any_day_reads_back_in_every_form(day: dt.date) -> None:
    y, m, d = day.year, day.month, day.day
    forms = [f"{y}年{m}月{d}日", f"{y}-{m}-{d}", f"{y}.{m:02d}.{d:02d}", f"{y}/{m}/{d}", f"{y}{m:02d}{d:02d}",
             f"{_chinese_year(y)}年{int_to_cn(m)}月{int_to_cn(d)}日"]
    assert [read_date(form) for form in forms] == [day] * len(forms)


def test_a_stored_date_is_written_the_gb_way_in_one_place() -> None:
    assert written_date("2025-07-01") == gb_date("2025-07-01") == "2025年7月1日"
    assert written_date(" 2025-2-3 ") == "2025年2月3日"
    assert written_date("2025-02-30") is None and gb_date("2025-02-30") == "2025-02-30"  # shown, not made up
    assert date_words(None, 7, None) == "7月" and date_words("2024", 12, 31) == "2024年12月31日"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_written_dates_read_back(day: dt.date) -> None:
    assert read_date(written_date(day.isoformat()) or "") == day
    chinese = f"{cn_digits(day.year)}年{int_to_cn(day.month)}月{int_to_cn(day.day)}日"
    assert read_date(chinese) == day
