"""Carry-over: the year rolls forward where it means the report year; the rest is flagged."""

from __future__ import annotations

from core.draft.model import Point, Report, Section
from core.importing.importer import parse_text
from core.reuse.carryover import carry_over, infer_year
from core.reuse.flags import (
    FIGURE,
    MEETING,
    PAST_DATE,
    PLACEHOLDER,
    ROLLED_YEAR,
    STALE_YEAR,
    flags_for,
    flags_for_report_fields,
    flags_for_section,
    prune_verified_flags,
    set_flag_verified,
)
from core.text.detectors import find_dates, find_figures, find_meetings, find_placeholders, find_years
from core.text.textslots import slot_text
from tests.conftest import seed_path


def texts(hits: list) -> list[str]:
    return [h.text for h in hits]


# ---------------------------------------------------------------- detectors


def test_placeholders_found() -> None:
    text = "省第xx次党代会、XX届X中X会、××县、**市、＊＊镇、○○村、〇〇同志、XXX视察、{{ unit }}、{% if a %}"
    assert texts(find_placeholders(text)) == [
        "xx",
        "XX",
        "X",
        "X",
        "××",
        "**",
        "＊＊",
        "○○",
        "〇〇",
        "XXX",
        "{{ unit }}",
        "{% if a %}",
    ]


def test_latin_words_and_numbers_are_not_placeholders() -> None:
    text = "推动APP升级，HR俱乐部，Windows XP，Xbox，“3＋x”学习模式，X光机，红色领航12*365，3×4，二〇〇〇年"
    assert find_placeholders(text) == []


def test_placeholder_offsets_point_at_the_text() -> None:
    text = "举办XX余期培训班"
    [hit] = find_placeholders(text)
    assert (hit.start, hit.end) == (2, 4) and text[hit.start : hit.end] == "XX"


def test_figures_found() -> None:
    text = "讲话精神48次。目前38项任务已完成27项，100％覆盖，投资3.5亿元，3,000人次，第五批人才，四个乡镇，40多天，服务20年。"
    assert texts(find_figures(text)) == [
        "48次",
        "38项",
        "27项",
        "100％",
        "3.5亿元",
        "3,000人次",
        "第五批",
        "40多天",
        "20年",
    ]


def test_fixed_phrases_and_small_chinese_counts_are_wording_not_figures() -> None:
    # Seed 004's false flags: 四家班子, 两个体系, 六项行动, 四个乡镇 (issue 13).
    text = "由四家班子主要领导带队，完善两个体系、开展六项行动，覆盖四个乡镇，落实三会一课，推进“六个十大重点项目”。"
    assert texts(find_figures(text)) == []
    # Counts that change year to year still are figures: Arabic numerals, ten and over, 第N批.
    assert texts(find_figures("收集二十家企业需求，评选第六批人才，走访12家企业。")) == ["二十家", "第六批", "12家"]


def test_names_years_and_articles_are_not_figures() -> None:
    text = (
        "增强“四个意识”，做到两个维护，落实中央八项规定，开展一批活动，深化“10分钟为民服务圈”，"
        "2022年，开展一次培训，“万企兴万村”，园区二期项目，向第二个百年奋斗目标进军，《2019—2023年规划》"
    )
    assert find_figures(text) == []


def test_years_and_ranges() -> None:
    years = find_years("2019—2023年规划，2021年，二〇二二年，2022漆器大赛，2000人，做好 2022 年招聘")
    assert [(y.text, y.year, y.last_year) for y in years] == [
        ("2019—2023年", 2019, 2023),
        ("2021年", 2021, 2021),
        ("二〇二二年", 2022, 2022),
        ("2022", 2022, 2022),
        ("2022 年", 2022, 2022),
    ]


def test_dates_found() -> None:
    text = "截止7月26日，4月至8月，2022年1－7月完成产值，去年3月，去年X月，今年五月，上年度，每月一次，3个月"
    assert texts(find_dates(text)) == [
        "7月26日",
        "4月至8月",
        "2022年1－7月",
        "去年3月",
        "去年",
        "今年五月",
        "上年度",
    ]


def test_meetings_found() -> None:
    text = "学习十九届六中全会精神，迎接党的二十大，省第十四次党代会，十三届省委，建团100周年，喜迎二十大"
    assert texts(find_meetings(text)) == [
        "十九届六中全会",
        "党的二十大",
        "省第十四次党代会",
        "十三届省委",
        "建团100周年",
        "二十大",
    ]


def test_five_year_plans_and_words_are_not_meetings() -> None:
    assert find_meetings("“十四五”规划，二十大型企业，十九大街") == []


# ---------------------------------------------------------------- flags_for


def _report(*body: str, year: int = 2023) -> tuple[Report, Section]:
    """A section whose text was carried over: last year's text is its reference."""
    section = Section(heading="开展情况", body=list(body), source_marker="一、", reference="\n".join(body))
    return Report(year=year, sections=[section], opening=["今年以来，各项工作稳步推进。"]), section


def test_flags_for_kinds_and_positions() -> None:
    report, section = _report("2021年召开XX会议48次，学习党的二十大精神，截止7月26日完成2019—2023年规划。")
    flags = flags_for(report)
    assert [(f.kind, f.text) for f in flags] == [
        (STALE_YEAR, "2021年"),
        (PLACEHOLDER, "XX"),
        (FIGURE, "48次"),
        (MEETING, "党的二十大"),
        (PAST_DATE, "7月26日"),
    ]
    for flag in flags:
        assert flag.section_id == section.id and flag.field == "body" and flag.index == 0
        assert section.body[0][flag.start : flag.end] == flag.text
        assert flag.message and flag.suggestion and not flag.verified


def test_placeholder_hides_overlapping_figure_and_meeting() -> None:
    report, _ = _report("贯彻省第xx次党代会精神，举办XX余期培训班，完成12**场活动。")
    assert [(f.kind, f.text) for f in flags_for(report)] == [
        (PLACEHOLDER, "xx"),
        (PLACEHOLDER, "XX"),
        (PLACEHOLDER, "**"),
    ]


def test_current_and_future_years_are_not_stale() -> None:
    report, _ = _report("2023年工作，到2025年，2022—2024年规划。")
    assert [f for f in flags_for(report) if f.kind == STALE_YEAR] == []


def test_no_stale_years_while_the_year_is_unknown() -> None:
    report, _ = _report("2021年召开会议。")
    report.year = None
    assert flags_for(report) == []


def test_clean_text_has_no_flags() -> None:
    report, _ = _report("今年以来，我们坚持以人民为中心，增强“四个意识”，开展一批活动。")
    assert flags_for(report) == []


def test_report_level_flags_name_the_field() -> None:
    report, _ = _report()
    report.opening = ["2021年是关键之年。"]
    [flag] = flags_for(report)
    assert (flag.section_id, flag.field, flag.owner, flag.index) == ("", "opening", "opening", 0)
    assert flag.id == "opening:stale_year:2021年#0"


def test_flag_ids_are_stable_across_edits_and_sessions() -> None:
    report, section = _report("完成48次培训。又完成48次。")
    first = [f.id for f in flags_for(report)]
    assert first == [f"{section.id}:figure:48次#0", f"{section.id}:figure:48次#1"]
    section.body.insert(0, "新增一段没有数字的话。")  # offsets and paragraph index change
    assert [f.id for f in flags_for(report)] == first


def test_section_flags_match_the_report_flags() -> None:
    report, section = _report("完成48次培训，覆盖27个村。")
    other = Section(heading="下一步", body=["再完成48次。"], reference="再完成48次。")
    report.sections.append(other)
    everything = flags_for(report)
    assert flags_for_section(report, other.id) == [f for f in everything if f.section_id == other.id]
    assert [f.text for f in flags_for_section(report, section.id)] == ["48次", "27个"]
    assert flags_for_section(report, "no-such-section") == []


def test_verified_flags_are_marked_and_can_be_hidden() -> None:
    report, _ = _report("完成48次培训，覆盖27个村。")
    fig48, fig27 = flags_for(report)
    set_flag_verified(report, fig48.id)
    set_flag_verified(report, fig48.id)  # twice is once
    assert report.verified_flags == [fig48.id]
    marked = flags_for(report)
    assert [f.verified for f in marked] == [True, False]
    assert [f.id for f in flags_for(report, include_verified=False)] == [fig27.id]
    set_flag_verified(report, fig48.id, verified=False)
    assert report.verified_flags == []


def test_prune_forgets_marks_of_edited_away_flags() -> None:
    report, section = _report("完成48次培训。")
    [flag] = flags_for(report)
    set_flag_verified(report, flag.id)
    report.verified_flags.append("gone:figure:9次#0")
    assert prune_verified_flags(report) == 1
    assert report.verified_flags == [flag.id]
    section.body[0] = "完成培训。"
    assert prune_verified_flags(report) == 1 and report.verified_flags == []


def test_point_text_is_flagged_with_point_index() -> None:
    section = Section(
        heading="加强学习", points=[Point("加强理论学习。"), Point("学习讲话精神48次。", reference="学习讲话精神48次。")]
    )
    report = Report(year=2023, sections=[section])
    [flag] = flags_for(report)
    assert (flag.field, flag.index, flag.text) == ("points", 1, "48次")
    assert slot_text(report, section.id, "points", 1)[flag.start : flag.end] == "48次"


def test_figures_typed_fresh_this_year_are_not_flagged() -> None:
    section = Section(
        heading="开展情况",
        body=["今年开展培训52次，覆盖27个村，已完成38项任务。"],
        reference="去年开展培训48次，覆盖27个村。",
    )
    report = Report(year=2023, sections=[section])
    # 27个 is in last year's text (copied, to check); 52次 and 38项 are this year's own.
    assert [(f.kind, f.text) for f in flags_for(report)] == [(FIGURE, "27个")]


def test_a_figure_is_copied_only_when_the_same_figure_was_there() -> None:
    # 8次 is not 48次: matching whole figures, not substrings.
    section = Section(heading="开展情况", body=["开展培训8次。"], reference="开展培训48次。")
    assert flags_for(Report(year=2023, sections=[section])) == []


def test_without_last_years_text_figures_and_meetings_are_spared() -> None:
    # The clerk's own "学习党的二十大精神" is this year's wording, not a copied 届次.
    section = Section(heading="开展情况", body=["2021年召开XX会议48次，学习党的二十大精神，截止7月26日完成。"])
    report = Report(year=2023, sections=[section])
    assert [(f.kind, f.text) for f in flags_for(report)] == [
        (STALE_YEAR, "2021年"),
        (PLACEHOLDER, "XX"),
        (PAST_DATE, "7月26日"),
    ]


def test_a_meeting_name_is_flagged_only_where_last_years_text_had_it() -> None:
    section = Section(
        heading="开展情况",
        body=["深入学习党的二十大精神，贯彻十九届六中全会精神。", "再学党的二十大精神。"],
        reference="学习贯彻十九届六中全会精神。",
    )
    flags = flags_for(Report(year=2023, sections=[section]))
    assert [(f.kind, f.text, f.index) for f in flags] == [(MEETING, "十九届六中全会", 0)]


def test_a_meeting_name_not_copied_still_hides_the_numbers_inside_it() -> None:
    # "第3次" was in last year's text as a figure; inside this year's own meeting name it is not one.
    section = Section(heading="开展情况", body=["贯彻市第3次党代会精神。"], reference="开展督查第3次。")
    assert flags_for(Report(year=2023, sections=[section])) == []


def test_report_level_figures_are_judged_against_last_years_opening_and_closing() -> None:
    report = Report(
        year=2023,
        opening=["全年召开会议12次，新建支部5个。"],
        closing=["再接再厉完成3项任务。"],
        reference_opening="全年召开会议12次。",
        reference_closing="完成3项任务。",
    )
    assert [(f.field, f.text) for f in flags_for(report)] == [("opening", "12次"), ("closing", "3项")]
    assert [f.text for f in flags_for_report_fields(report)] == ["12次", "3项"]


def test_point_references_count_as_last_years_text() -> None:
    section = Section(heading="加强学习", points=[Point("学习讲话精神48次。", reference="学习讲话精神48次。")])
    report = Report(year=2023, sections=[section])
    assert [f.text for f in flags_for_section(report, section.id)] == ["48次"]


# ---------------------------------------------------------------- carry_over


def _prior() -> Report:
    return Report(
        kind="annual_keypoints",
        title="xx区2022年工作要点",
        year=2022,
        date="2022-02-10",
        opening=["2022年是党的二十大召开之年。今年以来，各项工作稳步推进。"],
        sections=[
            Section(
                heading="持续推进基层党建",
                source_marker="一、",
                body=[
                    "制定2022年度基层党建重点项目工作清单。力争2022年底完成。",
                    "制定出台2022年服务企业用工补贴政策，落实《2022年人才工作要点》和2019—2022年规划。",
                ],
                points=[Point("2022年以来，开展培训48次。")],
                done=True,
            ),
        ],
        verified_flags=["old:figure:1次#0"],
    )


def test_year_rolls_where_it_means_the_report_year() -> None:
    result = carry_over(_prior(), 2023)
    draft = result.report
    section = draft.sections[0]
    assert draft.title == "xx区2023年工作要点"
    assert draft.opening == ["2023年是党的二十大召开之年。今年以来，各项工作稳步推进。"]
    assert section.body[0] == "制定2023年度基层党建重点项目工作清单。力争2023年底完成。"
    assert section.points[0].text == "2023年以来，开展培训48次。"
    # A policy of that year, a named document and a range are left alone (and flagged).
    assert (
        section.body[1] == "制定出台2022年服务企业用工补贴政策，落实《2022年人才工作要点》和2019—2022年规划。"
    )
    stale = [f.text for f in result.flags if f.kind == STALE_YEAR]
    assert stale == ["2022年", "2022年", "2019—2022年"]
    assert len(result.rolled) == 5
    assert {(r.old, r.new) for r in result.rolled} == {("2022", "2023")}
    for rolled in result.rolled:
        assert (
            slot_text(draft, rolled.section_id, rolled.field, rolled.index)[rolled.start : rolled.end]
            == "2023"
        )


def test_carry_over_prepares_a_fresh_draft_and_leaves_the_prior_alone() -> None:
    prior = _prior()
    result = carry_over(prior, 2023)
    draft = result.report
    assert (draft.year, draft.date, draft.verified_flags) == (2023, "", [])
    assert draft.sections[0].id == prior.sections[0].id
    assert draft.sections[0].reference == (
        "制定2022年度基层党建重点项目工作清单。力争2022年底完成。\n"
        "制定出台2022年服务企业用工补贴政策，落实《2022年人才工作要点》和2019—2022年规划。\n"
        "一是2022年以来，开展培训48次。"
    )
    assert draft.sections[0].points[0].reference == "2022年以来，开展培训48次。"
    assert draft.reference_opening == "2022年是党的二十大召开之年。今年以来，各项工作稳步推进。"
    assert draft.sections[0].done is False
    assert prior.title == "xx区2022年工作要点" and prior.year == 2022
    assert prior.verified_flags == ["old:figure:1次#0"]
    assert "2023年" in result.summary() and "往年数字1处" in result.summary()


def test_next_year_of_a_summary_rolls_too() -> None:
    prior = Report(
        kind="annual_summary",
        title="2022年工作总结和2023年工作打算",
        year=2022,
        opening=["现将2022年工作总结和2023年工作打算报告如下。"],
        sections=[
            Section(heading="2022年工作开展情况"),
            Section(heading="2023年工作打算", body=["2023年，要持续发力。"]),
        ],
    )
    result = carry_over(prior, 2023)
    draft = result.report
    assert draft.title == "2023年工作总结和2024年工作打算"
    assert draft.opening == ["现将2023年工作总结和2024年工作打算报告如下。"]
    assert [s.heading for s in draft.sections] == ["2023年工作开展情况", "2024年工作打算"]
    assert draft.sections[1].body == ["2024年，要持续发力。"]
    assert sorted((r.old, r.new) for r in result.rolled) == [("2022", "2023")] * 3 + [("2023", "2024")] * 4


def test_chinese_digit_year_in_title_rolls_in_chinese_digits() -> None:
    prior = Report(title="二〇二二年工作要点", year=2022)
    assert carry_over(prior, 2023).report.title == "二〇二三年工作要点"


def test_year_inferred_when_not_set() -> None:
    prior = Report(opening=["今年以来，召开2022年工作会议。"], sections=[Section(heading="2022年以来工作")])
    assert infer_year(prior) == 2022
    draft = carry_over(prior, 2023).report
    assert draft.sections[0].heading == "2023年以来工作"
    assert draft.opening == ["今年以来，召开2022年工作会议。"]


# ---------------------------------------------------------------- seeds


def _seed_report(key: str) -> Report:
    return parse_text(seed_path(key).read_text(encoding="utf-8")).report


def test_seed_000_rolls_forward_and_flags_placeholders() -> None:
    result = carry_over(_seed_report("000"), 2023)
    assert result.report.opening[0].startswith("2023年是党的二十大召开之年，")
    placeholders = {f.text for f in result.flags if f.kind == PLACEHOLDER}
    assert {"xx", "XX", "X", "XXX", "x"} <= placeholders
    assert any(f.kind == MEETING and f.text == "党的二十大" and f.field == "opening" for f in result.flags)


def test_seed_001_flags_copied_figures() -> None:
    result = carry_over(_seed_report("001"), 2023)
    figures = [f for f in result.flags if f.kind == FIGURE]
    assert "48次" in {f.text for f in figures}
    same_place = {}
    for f in figures:
        same_place.setdefault((f.section_id, f.field, f.index), []).append(f.text)
    assert any(t[t.index("38项") :][:2] == ["38项", "27项"] for t in same_place.values() if "38项" in t)
    for f in figures:
        assert slot_text(result.report, f.section_id, f.field, f.index)[f.start : f.end] == f.text


def test_a_rolled_year_is_flagged_until_its_sentence_is_rewritten() -> None:
    # "2022年是党的二十大召开之年" rolled to 2023 states a falsehood: the 20th Congress met in 2022.
    result = carry_over(_seed_report("000"), 2023)
    [opening_flag] = [f for f in result.flags if f.kind == ROLLED_YEAR and f.field == "opening"]
    assert opening_flag.text == "2023年" and "顺延" in opening_flag.message
    assert result.report.opening[0].startswith("2023年是党的二十大召开之年")
    assert len([f for f in result.flags if f.kind == ROLLED_YEAR]) == len(result.rolled) == 4
    result.report.opening[0] = "2023年是全面贯彻落实党的二十大精神的开局之年" + result.report.opening[0][15:]
    assert not [f for f in flags_for(result.report) if f.kind == ROLLED_YEAR and f.field == "opening"]


def test_a_year_the_clerk_types_is_not_a_rolled_year() -> None:
    section = Section(heading="开展情况", body=["2023年以来，新建支部5个。"], reference="2022年以来，召开会议3次。")
    assert [f.kind for f in flags_for(Report(year=2023, sections=[section]))] == []
    section.body = ["2023年以来，召开会议3次。"]  # last year's sentence with only its year moved
    assert [f.kind for f in flags_for(Report(year=2023, sections=[section]))] == [ROLLED_YEAR, FIGURE]


def test_the_flags_of_each_section_and_of_the_report_fields_are_the_whole_reports() -> None:
    # The editor asks for one section's flags and the report-level ones as the clerk types
    # (without walking every section): together they are flags_for's, ids included.
    for key in ("000", "001"):
        report = carry_over(_seed_report(key), 2023).report
        whole = flags_for(report)
        assert whole
        parts = list(flags_for_report_fields(report))
        for _, section in report.walk():
            parts += flags_for_section(report, section.id)
        assert sorted(parts, key=lambda f: f.id) == sorted(whole, key=lambda f: f.id)
        assert report.find(report.walk()[-1][1].id) is report.walk()[-1][1]
        assert report.find("no such id") is None


def test_flags_follow_each_edit_of_a_paragraph() -> None:
    # Each string's hits are kept between runs (the 待核实 panel after every pause): an edit
    # is a new string and finds its own hits; going back finds the first ones again.
    report, section = _report("全年召开会议12次。")
    first = flags_for(report)
    section.body = ["2019年以来全年召开会议12次。"]
    assert [f.text for f in flags_for(report) if f.kind == STALE_YEAR] == ["2019年"]
    section.body = ["全年召开会议12次。"]
    assert flags_for(report) == first
