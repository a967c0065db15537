"""Report kinds are data: folders with kind.toml, loaded without code changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.draft.kinds import (
    BUILTIN_KINDS_DIR,
    KINDS_PATH_ENV,
    KindError,
    UnknownKind,
    builtin_kinds,
    check_kind_folders,
    get_kind,
    load_kind,
    load_kinds,
    load_kinds_with_errors,
)
from core.draft.model import LAYOUT_INLINE
from core.draft.numbering import section_markers
from core.importing.importer import parse_text
from core.render import render_report_bytes
from core.reuse.outline_carry import carry_outline
from core.text.plaintext import section_text_paragraphs
from tests.conftest import seed_path

# Every folder of templates/ is a kind: the number of kinds is whatever is shipped.
BUILTIN_IDS = list(builtin_kinds())
# The kinds the product was specified with, in display order.
SHIPPED = {
    "annual_keypoints": "年度工作要点",
    "half_year_summary": "上半年工作总结",
    "annual_summary": "年度工作总结",
    "work_report": "工作汇报/讲话",
}


def test_builtin_kinds_are_the_folders_in_display_order() -> None:
    kinds = builtin_kinds()
    folders = sorted(p.name for p in BUILTIN_KINDS_DIR.iterdir() if (p / "kind.toml").is_file())
    assert sorted(kinds) == folders
    assert [(k.order, k.id) for k in kinds.values()] == sorted((k.order, k.id) for k in kinds.values())
    shipped = [kind for kind in kinds.values() if kind.id in SHIPPED]
    assert {k.id: k.name for k in shipped} == SHIPPED
    assert [k.id for k in shipped] == list(SHIPPED)
    for kind in kinds.values():
        assert kind.description and len(kind.description) < 60
        assert kind.template_path == BUILTIN_KINDS_DIR / kind.id / "template.docx"


def test_keypoints_skeleton_numbers_items_continuously() -> None:
    report = get_kind("annual_keypoints").new_report(2025, "XX区委组织部")
    assert report.title == "XX区委组织部2025年工作要点"
    assert report.opening == ["2025年工作的总体要求是："]
    assert report.signature == "XX区委组织部"
    assert report.numbering.level(1).fmt == "{cn}、"
    assert report.numbering.level(2).fmt == "{n}."
    assert report.numbering.level(2).continuous
    markers = section_markers(report)
    items = [markers[s.id] for depth, s in report.walk() if depth == 2]
    assert items == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert all(s.run_in for depth, s in report.walk() if depth == 2)
    assert all(s.hint for _, s in report.walk())


def test_half_year_skeleton() -> None:
    report = get_kind("half_year_summary").new_report(2025)
    assert report.title == "2025年上半年工作总结"
    assert report.opening == ["2025年上半年，"]
    assert [s.heading for s in report.sections] == ["上半年工作开展情况", "存在的问题", "下半年工作计划"]
    assert len(report.sections[0].children) == 3
    assert report.sections[1].points_layout == LAYOUT_INLINE
    markers = section_markers(report)
    assert [markers[c.id] for c in report.sections[2].children] == ["（一）", "（二）"]


def test_year_placeholders_in_headings() -> None:
    summary = get_kind("annual_summary").new_report(2024, "XX县人社局")
    assert [s.heading for s in summary.sections] == [
        "2024年工作开展情况",
        "存在的问题和不足",
        "2025年工作打算",
    ]
    speech = get_kind("work_report").new_report(2024, "党工委")
    assert speech.opening == ["受党工委委托，下面，由我汇报2024年工作情况，并对2025年工作进行部署。"]
    assert speech.closing == ["同志们，"]
    assert speech.signature == ""


def _copy_kind(source: str, target_dir: Path, new_id: str, name: str) -> Path:
    folder = target_dir / new_id
    shutil.copytree(BUILTIN_KINDS_DIR / source, folder)
    toml = folder / "kind.toml"
    text = toml.read_text(encoding="utf-8").replace('name = "上半年工作总结"', f'name = "{name}"')
    toml.write_text(text.replace("order = 2", "order = 5"), encoding="utf-8")
    return folder


def test_fifth_kind_by_copying_a_folder(tmp_path: Path) -> None:
    _copy_kind("half_year_summary", tmp_path, "quarter_summary", "季度工作总结")
    kinds = load_kinds(extra_dirs=[tmp_path])
    assert list(kinds) == [*BUILTIN_IDS, "quarter_summary"]
    kind = get_kind("quarter_summary", extra_dirs=[tmp_path])
    assert kind.name == "季度工作总结"
    report = kind.new_report(2025, "XX局")
    assert report.kind == "quarter_summary"
    assert kind.template_path == tmp_path / "quarter_summary" / "template.docx"
    assert render_report_bytes(report).data[:2] == b"PK"


def test_fifth_kind_from_environment_and_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cli.main import main

    _copy_kind("half_year_summary", tmp_path, "quarter_summary", "季度工作总结")
    monkeypatch.setenv(KINDS_PATH_ENV, str(tmp_path))
    assert "quarter_summary" in load_kinds()
    assert main(["kinds"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].startswith("quarter_summary\t季度工作总结\t")
    assert main(["new", "--kind", "quarter_summary", "--year", "2025", "-o", str(tmp_path / "q")]) == 0
    assert (tmp_path / "q.draft.json").exists()


def test_kind_without_template_uses_the_generated_default(tmp_path: Path) -> None:
    folder = _copy_kind("half_year_summary", tmp_path, "bare", "简版总结")
    (folder / "template.docx").unlink()
    kind = get_kind("bare", extra_dirs=[tmp_path])
    assert kind.template_path is None
    assert render_report_bytes(kind.new_report(2025)).data[:2] == b"PK"


def test_unit_folder_overrides_builtin_kind(tmp_path: Path) -> None:
    _copy_kind("half_year_summary", tmp_path, "half_year_summary", "上半年工作总结（本单位）")
    assert get_kind("half_year_summary", extra_dirs=[tmp_path]).name == "上半年工作总结（本单位）"
    assert get_kind("half_year_summary").name == "上半年工作总结"


@pytest.mark.parametrize(
    ("toml", "reason"),
    [
        ('description = "x"\n[[levels]]\nformat = "{cn}、"\n', "缺少显示名称"),
        ('name = "x"\n', "缺少编号方式"),
        ('name = "x"\n[[levels]]\nformat = "第一"\n', "{cn}"),
        ('name = "x"\ntitle = "{unit}{foo}年"\n[[levels]]\nformat = "{cn}、"\n', "“{foo}”无法识别"),
        ('name = "x"\ntitle = "{year"\n[[levels]]\nformat = "{cn}、"\n', "花括号不成对"),
        (
            'name = "x"\n[[levels]]\nformat = "{cn}、"\n[[sections]]\npoints_layout = "table"\n',
            "points_layout",
        ),
        ('name = "x"\n[[levels]\n', "格式错误"),
        ('name = "x"\nnext_year_from_month = 13\n[[levels]]\nformat = "{cn}、"\n', "1 到 12 之间的月份"),
        ('name = "x"\n[[levels]]\nformat = "{cn}、"\n[[guess]]\nshape = "tone"\n', "shape“tone”无法识别"),
        ('name = "x"\n[[levels]]\nformat = "{cn}、"\n[[guess]]\nrank = 5\n', "须恰好写一种判断方式"),
        (
            'name = "x"\n[[levels]]\nformat = "{cn}、"\n[[guess]]\ntitle_has = ["述职"]\nshape = "salutation"\n',
            "须恰好写一种判断方式",
        ),
        ('name = "x"\n[[levels]]\nformat = "{cn}、"\n[[guess]]\ntitle_has = [""]\n', "空的文字"),
        ('name = "x"\n[[levels]]\nformat = "{cn}、"\n[[guess]]\notherwise = true\n', "须写 reason"),
        ('name = "x"\n[[levels]]\nformat = "{cn}、"\n[[guess]]\ntitle_hass = ["a"]\n', "无法识别的键“title_hass”"),
    ],
)
def test_broken_kind_file_gives_chinese_reason(tmp_path: Path, toml: str, reason: str) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "kind.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(KindError) as info:
        load_kind(folder)
    assert reason in str(info.value)
    assert str(info.value).startswith("报告类型定义")


def test_broken_added_kind_is_skipped_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "kind.toml").write_text('name = "坏"\n', encoding="utf-8")
    kinds, errors = load_kinds_with_errors(extra_dirs=[tmp_path])
    assert list(kinds) == BUILTIN_IDS
    assert len(errors) == 1 and "缺少编号方式" in errors[0]


def test_unknown_kind_lists_the_choices() -> None:
    with pytest.raises(UnknownKind) as info:
        get_kind("quarterly")
    assert "没有名为“quarterly”的报告类型" in str(info.value)
    assert "half_year_summary" in str(info.value)


def test_carry_over_keeps_outline_and_moves_text_to_reference() -> None:
    prior = parse_text(seed_path("004").read_text(encoding="utf-8")).report
    assert prior.year == 2022
    draft = carry_outline(get_kind("half_year_summary"), prior)
    assert draft.year == 2023
    assert draft.opening == ["2023年上半年，"]
    assert draft.reference_opening == "\n".join(prior.opening)
    old = prior.walk()
    new = draft.walk()
    assert [(d, s.heading, s.run_in) for d, s in new] == [(d, s.heading, s.run_in) for d, s in old]
    for (_, before), (_, after) in zip(old, new, strict=True):
        assert after.body == [] and after.points == [] and after.tail == []
        assert after.reference == "\n".join(section_text_paragraphs(prior, before))
    # 二、下半年工作计划 ends with three points 一是/二是/三是: they survive as reference text.
    assert new[-1][1].reference.splitlines()[-3].startswith("一是")


def test_carry_over_rolls_the_title_year_and_respects_a_new_unit() -> None:
    prior = get_kind("annual_keypoints").new_report(2024, "XX区委组织部")
    prior.title = "XX区委组织部2024年组织工作要点"
    draft = carry_outline(get_kind("annual_keypoints"), prior, unit="YY区委组织部")
    assert draft.year == 2025
    assert draft.title == "XX区委组织部2025年组织工作要点"
    assert draft.signature == "YY区委组织部"
    kept = carry_outline(get_kind("annual_keypoints"), prior, year=2030)
    assert kept.signature == "XX区委组织部" and kept.year == 2030


# ── kind.toml against its schema: each error names the file, the key and what is wrong ──

_LEVEL = '[[levels]]\nformat = "{cn}、"\n'
SCHEMA_VIOLATIONS = [
    ('name = "x"\npoints = "{cn}{cn}{cn}是{"\n' + _LEVEL, "points 中的花括号不成对：“{cn}{cn}{cn}是{”"),
    ('name = "x"\npoints = "{cn}{cn}是"\n' + _LEVEL, "points（“{cn}{cn}是”）须恰好含一个 {cn}（汉字序号）或 {n}（阿拉伯数字），现在有 2 个"),
    ('name = "x"\n[[levels]]\nformat = "{cn}}、"\n', "levels[1].format 中的花括号不成对：“{cn}}、”"),
    ('name = "x"\n' + _LEVEL + '[[levels]]\nformat = "{{n}}."\n', "levels[2].format 中的花括号不成对"),
    ('name = "x"\n' + _LEVEL + '[[levels]]\nformat = "{year}."\n', "levels[2].format 中的“{year}”无法识别，只能使用 {cn}、{n}"),
    ('name = "x"\n' + _LEVEL + '[[levels]]\ncontinuous = true\n', "levels[2] 缺少 format"),
    ('name = "x"\n' + _LEVEL + '[[levels]]\nformat = "{n}."\ncontinuous = "yes"\n', "levels[2].continuous 应为 true 或 false，现在是 文字"),
    ('name = "x"\n' + _LEVEL + '[[levels]]\nformat = "{n}."\nfromat = 1\n', "levels[2] 中无法识别的键“fromat”"),
    ('name = "x"\ntitel = "{unit}报告"\n' + _LEVEL, "无法识别的键“titel”（可能拼写有误）"),
    ('name = "x"\ntitle = "{{year}}年"\n' + _LEVEL, "title 中的花括号不成对"),
    ('name = "x"\nopening = ["好", 3]\n' + _LEVEL, "opening[2] 应为文字（用英文双引号括起），现在是 整数"),
    ('name = "x"\norder = "1"\n' + _LEVEL, "order 应为整数，现在是 文字"),
    ('name = "x"\norder = true\n' + _LEVEL, "order 应为整数，现在是 true/false"),
    ('name = "x"\ndescription = 3.5\n' + _LEVEL, "description 应为文字（用英文双引号括起），现在是 小数"),
    ('name = "x"\nupward = 1\n' + _LEVEL, "upward 应为 true 或 false，现在是 整数"),
    ('name = "x"\n' + _LEVEL + '[[sections]]\nheading = "甲"\n  [[sections.children]]\n  hint = "{unit"\n',
     "sections[1].children[1].hint 中的花括号不成对"),
    ('name = "x"\n' + _LEVEL + '[[sections]]\nrun_in = "true"\n', "sections[1].run_in 应为 true 或 false"),
    ('name = "x"\n' + _LEVEL + '[[sections]]\nheadline = "甲"\n', "sections[1] 中无法识别的键“headline”"),
    ('name = "x"\n' + _LEVEL + '[elements]\ndoc_number = "{unit}〔{year:>9}〕号"\n', "elements.doc_number 中的占位符只能写成 {unit} 这样，不能带格式"),
    ('name = "x"\nsections = "一、"\n' + _LEVEL, "“sections”应为 [[sections]] 表列表"),
    # A key written after [[levels]] belongs to that level in TOML: said so, not ignored.
    ('name = "x"\n' + _LEVEL + 'title = "{unit}"\n', "levels[1] 中无法识别的键“title”"),
]


@pytest.mark.parametrize(("toml", "message"), SCHEMA_VIOLATIONS)
def test_kind_schema_violation_names_file_key_and_fault(tmp_path: Path, toml: str, message: str) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "kind.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(KindError) as info:
        load_kind(folder)
    assert str(info.value).startswith(f"报告类型定义“{folder / 'kind.toml'}”有误：")
    assert message in str(info.value)


def test_kinds_check_cli_reports_each_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cli.main import main

    shutil.copytree(BUILTIN_KINDS_DIR / "work_report", tmp_path / "good")
    (tmp_path / "bad").mkdir()
    source = (BUILTIN_KINDS_DIR / "work_report" / "kind.toml").read_text(encoding="utf-8")
    (tmp_path / "bad" / "kind.toml").write_text(source.replace('points = "{cn}是"', 'points = "{cn}{cn}{cn}是{"'), encoding="utf-8")
    assert main(["kinds", "--check", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == f"可用：{tmp_path / 'good'}（工作汇报/讲话，4 级编号）\n"
    assert err == (
        f"错误：报告类型定义“{tmp_path / 'bad' / 'kind.toml'}”有误：points 中的花括号不成对：“{{cn}}{{cn}}{{cn}}是{{”。"
        "花括号只能用来写占位符，如 {cn}。\n"
    )
    assert main(["kinds", "--check", str(tmp_path / "good")]) == 0
    assert main(["kinds", "--check", str(tmp_path / "nowhere")]) == 2
    assert "没有找到 kind.toml" in capsys.readouterr().err


def test_every_builtin_kind_passes_the_check() -> None:
    results = check_kind_folders(BUILTIN_KINDS_DIR)
    assert [path.name for path, _ in results] == sorted(BUILTIN_IDS)
    assert all(not isinstance(outcome, KindError) for _, outcome in results)


@given(st.text(alphabet="{}cnyearuit、（）.是一", max_size=12))
@settings(max_examples=300, deadline=None)
def test_an_accepted_ordinal_format_never_prints_a_brace(fmt: str) -> None:
    from core.draft.kind_file import _ordinal_format
    from core.draft.ordinals import format_ordinal

    try:
        accepted = _ordinal_format(Path("kind.toml"), "levels[1].format", fmt)
    except KindError:
        return
    for n in (1, 12, 345):
        assert "{" not in format_ordinal(accepted, n) and "}" not in format_ordinal(accepted, n)


@given(st.text(alphabet="{}unityear_nextprv:!年度", max_size=16))
@settings(max_examples=300, deadline=None)
def test_an_accepted_wording_fills_without_error_or_brace(text: str) -> None:
    from core.draft.kind_file import _check_wording

    try:
        accepted = _check_wording(Path("kind.toml"), "title", text)
    except KindError:
        return
    filled = get_kind("work_report").fill(accepted, 2025, "某单位")
    assert "{" not in filled and "}" not in filled


def test_every_guess_shape_a_kind_may_name_is_worked_out() -> None:
    from core.draft.kind import GUESS_SHAPES
    from core.importing.kind_guess import SHAPES

    assert set(SHAPES) == set(GUESS_SHAPES)
