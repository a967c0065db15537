"""Chinese ordinals, both directions, over the whole range."""

from __future__ import annotations

import pytest

from core.draft.ordinals import (
    CHAPTER,
    ITEM,
    SECTION,
    SUBITEM,
    cn_digits_to_int,
    cn_to_int,
    format_ordinal,
    int_to_cn,
    parse_di,
    parse_marker,
    parse_point,
    point_ordinal,
)

HAND_WRITTEN = {
    1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十",
    11: "十一", 12: "十二", 19: "十九", 20: "二十", 21: "二十一", 30: "三十", 45: "四十五",
    70: "七十", 88: "八十八", 99: "九十九",
}


@pytest.mark.parametrize(("number", "text"), sorted(HAND_WRITTEN.items()))
def test_int_to_cn_matches_hand_written_forms(number: int, text: str) -> None:
    assert int_to_cn(number) == text
    assert cn_to_int(text) == number


def test_every_ordinal_round_trips() -> None:
    seen = set()
    for n in range(1, 100):
        text = int_to_cn(n)
        assert cn_to_int(text) == n
        seen.add(text)
    assert len(seen) == 99


@pytest.mark.parametrize("bad", ["", "零", "十十", "一百", "二二", "十零", "百", "一十一十", "abc", "〇"])
def test_cn_to_int_rejects_non_ordinals(bad: str) -> None:
    with pytest.raises(ValueError):
        cn_to_int(bad)


def test_cn_to_int_accepts_yi_shi_and_liang() -> None:
    assert cn_to_int("一十") == 10
    assert cn_to_int("两") == 2


BEYOND_NINETY_NINE = {
    100: "一百", 101: "一百零一", 110: "一百一十", 115: "一百一十五", 120: "一百二十", 200: "二百",
    999: "九百九十九", 1000: "一千", 1001: "一千零一", 1010: "一千零一十", 1100: "一千一百",
    2005: "二千零五", 9999: "九千九百九十九",
}


@pytest.mark.parametrize(("number", "text"), sorted(BEYOND_NINETY_NINE.items()))
def test_int_to_cn_goes_past_ninety_nine(number: int, text: str) -> None:
    assert int_to_cn(number) == text


@pytest.mark.parametrize("bad", [0, -1, 10000, 10**9])
def test_int_to_cn_range(bad: int) -> None:
    with pytest.raises(ValueError):
        int_to_cn(bad)


def test_year_digits() -> None:
    assert cn_digits_to_int("二〇二二") == 2022
    assert cn_digits_to_int("二零二五") == 2025
    with pytest.raises(ValueError):
        cn_digits_to_int("二〇二X")


@pytest.mark.parametrize(
    ("fmt", "n", "expected"),
    [
        ("{cn}、", 1, "一、"),
        ("{cn}、", 12, "十二、"),
        ("（{cn}）", 3, "（三）"),
        ("({cn})", 3, "(三)"),
        ("{n}.", 33, "33."),
        ("{n}．", 7, "7．"),
        ("{n}、", 2, "2、"),
        ("（{n}）", 4, "（4）"),
        ("({n})", 4, "(4)"),
        ("{cn}是", 11, "十一是"),
        ("第{cn}", 2, "第二"),
    ],
)
def test_format_ordinal(fmt: str, n: int, expected: str) -> None:
    assert format_ordinal(fmt, n) == expected


@pytest.mark.parametrize(
    ("text", "family", "number", "raw", "fmt"),
    [
        ("一、总体要求", CHAPTER, 1, "一、", "{cn}、"),
        ("十二、其他", CHAPTER, 12, "十二、", "{cn}、"),
        ("三．加强", CHAPTER, 3, "三．", "{cn}．"),
        ("（一）加强思想引领", SECTION, 1, "（一）", "（{cn}）"),
        ("(二)半角括号", SECTION, 2, "(二)", "({cn})"),
        ("（三)混合括号", SECTION, 3, "（三)", "（{cn})"),
        ("1.持续推进", ITEM, 1, "1.", "{n}."),
        ("33.主动服务", ITEM, 33, "33.", "{n}."),
        ("2．全角点", ITEM, 2, "2．", "{n}．"),
        ("3、顿号", ITEM, 3, "3、", "{n}、"),
        ("（1）全角", SUBITEM, 1, "（1）", "（{n}）"),
        ("(12)半角", SUBITEM, 12, "(12)", "({n})"),
    ],
)
def test_parse_marker(text: str, family: str, number: int, raw: str, fmt: str) -> None:
    marker = parse_marker(text)
    assert marker is not None
    assert (marker.family, marker.number, marker.raw, marker.fmt) == (family, number, raw, fmt)
    assert format_ordinal(marker.fmt, marker.number) == marker.raw


@pytest.mark.parametrize(
    "text",
    ["1.5万人次参加", "2022年是", "一是加强", "一般来说", "十分重要", "（注：说明）", "(a)", "0.整", "100.", "统一、规范"],
)
def test_parse_marker_rejects_non_headings(text: str) -> None:
    assert parse_marker(text) is None


def test_all_ordinals_parse_back_in_every_heading_format() -> None:
    for fmt in ("{cn}、", "（{cn}）", "({cn})", "{n}.", "{n}．", "{n}、", "（{n}）", "({n})"):
        for n in range(1, 100):
            marker = parse_marker(format_ordinal(fmt, n) + "标题")
            assert marker is not None and marker.number == n and marker.fmt == fmt, (fmt, n)


def test_points() -> None:
    for n in range(1, 100):
        assert parse_point(point_ordinal(n) + "加强学习") == (n, point_ordinal(n))
    assert parse_point("第三是加强") == (3, "第三是")
    assert parse_point("是加强") is None
    assert parse_point("统一是") is None


def test_di() -> None:
    assert [parse_di(f"第{int_to_cn(n)}") for n in range(1, 100)] == list(range(1, 100))
    assert parse_di("第") is None
    assert parse_di("一") is None
    assert parse_di("第x") is None


def test_strip_ordinal_drops_the_texts_own_number() -> None:
    from core.draft.ordinals import strip_ordinal

    assert strip_ordinal("二是加强学习。") == "加强学习。"
    assert strip_ordinal("1.持续推进基层党建。") == "持续推进基层党建。"
    assert strip_ordinal("（三）做好宣传。") == "做好宣传。"
    assert strip_ordinal("十二、其他") == "其他"
    assert strip_ordinal("加强学习。") == "加强学习。"
    assert strip_ordinal("2022年是关键之年") == "2022年是关键之年"  # a year is no ordinal
    assert strip_ordinal("一是加强学习；二是…", points=False) == "一是加强学习；二是…"


def test_years_digit_by_digit() -> None:
    from core.draft.ordinals import cn_digits, cn_digits_to_int

    assert cn_digits(2022) == "二〇二二" and cn_digits(1990) == "一九九〇"
    assert cn_digits_to_int("二零二二") == cn_digits_to_int("二〇二二") == 2022
