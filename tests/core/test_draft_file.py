"""The draft file: versioned JSON, load(save(x)) == x, clear errors, backups."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.base.errors import DraftFileError
from core.draft.draft_file import FORMAT_VERSION, draft_name_for, dumps, load_draft, loads, save_draft
from core.draft.model import LAYOUT_JOINED, LevelFormat, Numbering, Point, Report, Section, to_dict


def sample_report() -> Report:
    child = Section(heading="加强思想引领", run_in=True, body=["坚持学习。"],
                    points=[Point("加强理论学习。", reference="去年：学习48次。"), Point("狠抓责任制。")],
                    points_layout=LAYOUT_JOINED, reference="上年（一）正文")
    chapter = Section(heading="开展情况", children=[child], done=True, source_marker="一、")
    return Report(
        kind="half_year_summary", title="xx区2023年上半年工作总结", addressee="区委", unit="xx区委组织部", year=2023,
        date="2023-07-01", opening=["2023年上半年，……"], sections=[chapter, Section(heading="存在问题")],
        closing=["同志们，……"], signature="xx区委组织部",
        numbering=Numbering(levels=[LevelFormat("{cn}、"), LevelFormat("{n}.", continuous=True)]),
        verified_flags=["abc"],
    )


def test_round_trip_is_identical(tmp_path: Path) -> None:
    report = sample_report()
    path = tmp_path / "报告.draft.json"
    save_draft(report, path)
    assert load_draft(path) == report


def test_file_is_readable_json_with_version(tmp_path: Path) -> None:
    path = tmp_path / "a.draft.json"
    save_draft(sample_report(), path)
    text = path.read_text(encoding="utf-8")
    assert "上半年工作总结" in text  # Chinese is stored as is, not as \\u escapes
    payload = json.loads(text)
    assert payload["format"] == "baogao-draft"
    assert payload["version"] == FORMAT_VERSION
    assert payload["report"]["sections"][0]["children"][0]["points"][0]["text"] == "加强理论学习。"


def test_newer_version_is_refused_clearly(tmp_path: Path) -> None:
    payload = json.loads(dumps(sample_report()))
    payload["version"] = FORMAT_VERSION + 1
    path = tmp_path / "新版.draft.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(DraftFileError) as info:
        load_draft(path)
    assert "新版.draft.json" in str(info.value)
    assert "升级" in str(info.value)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{", "损坏"),
        ('{"format": "other", "version": 1}', "不是报告起草助手的草稿"),
        ('{"format": "baogao-draft"}', "版本"),
        ('{"format": "baogao-draft", "version": "1"}', "版本"),
        ('{"format": "baogao-draft", "version": 1, "report": {"sections": 5}}', "“各部分”应为列表"),
        ("[]", "不是报告起草助手的草稿"),
    ],
)
def test_bad_drafts_give_clear_errors(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "坏.draft.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DraftFileError) as info:
        load_draft(path)
    assert words in str(info.value) and "坏.draft.json" in str(info.value)


def test_missing_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(DraftFileError, match="不存在"):
        load_draft(tmp_path / "无.draft.json")
    binary = tmp_path / "b.draft.json"
    binary.write_bytes(b"\xff\xfe\x00\x81" * 10)
    with pytest.raises(DraftFileError, match="UTF-8"):
        load_draft(binary)


def test_unknown_fields_are_ignored_for_forward_compatibility() -> None:
    report = sample_report()
    payload = json.loads(dumps(report))
    payload["report"]["future_field"] = 1
    payload["report"]["sections"][0]["another"] = "x"
    assert loads(json.dumps(payload)) == report


def test_save_keeps_previous_version_as_backup(tmp_path: Path) -> None:
    path = tmp_path / "a.draft.json"
    first = sample_report()
    save_draft(first, path)
    second = sample_report()
    second.title = "改过的标题"
    save_draft(second, path)
    assert load_draft(path).title == "改过的标题"
    assert loads(path.with_name("a.draft.json.bak").read_text(encoding="utf-8")).title == first.title


def test_save_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "a.draft.json"
    report = sample_report()
    for _ in range(3):
        save_draft(report, path)  # unchanged content: no backup needed either
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.draft.json"]


def test_draft_name_for() -> None:
    assert draft_name_for(Path("/x/报告.docx")) == Path("/x/报告.draft.json")
    assert draft_name_for(Path("/x/a.draft.json")) == Path("/x/a.draft.json")


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "drafts"


def test_format_1_draft_is_upgraded_on_load() -> None:
    # Written by format 1: points_layout "inline" + points_joined true, no 主送机关.
    report = load_draft(FIXTURES / "format1_half_year.draft.json")
    expected = sample_report()
    expected.addressee = ""
    assert _without_ids(to_dict(report)) == _without_ids(to_dict(expected))


def test_format_3_draft_loads_with_nothing_dismissed_and_saves_in_the_current_format(tmp_path: Path) -> None:
    # Written by format 3 (before 忽略 was remembered): no ignored_findings field.
    raw = (FIXTURES / "format3_half_year.draft.json").read_text(encoding="utf-8")
    assert '"version": 3' in raw and "ignored_findings" not in raw
    report = load_draft(FIXTURES / "format3_half_year.draft.json")
    assert report.ignored_findings == []
    assert _without_ids(to_dict(report)) == _without_ids(to_dict(sample_report()))
    report.ignored_findings = ["typo|峻工|0|0123456789abcdef"]
    path = tmp_path / "a.draft.json"
    save_draft(report, path)
    payload = json.loads(path.read_text(encoding="utf-8"))
    assert payload["version"] == FORMAT_VERSION
    assert payload["report"]["ignored_findings"] == ["typo|峻工|0|0123456789abcdef"]
    assert load_draft(path).ignored_findings == ["typo|峻工|0|0123456789abcdef"]


def test_a_damaged_ignore_list_is_named() -> None:
    text = '{"format": "baogao-draft", "version": 4, "report": {"ignored_findings": "typo"}}'
    with pytest.raises(DraftFileError, match="已忽略的检查结果"):
        loads(text)


def _without_ids(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def test_saving_writes_the_current_format(tmp_path: Path) -> None:
    path = tmp_path / "a.draft.json"
    save_draft(load_draft(FIXTURES / "format1_half_year.draft.json"), path)
    payload = json.loads(path.read_text(encoding="utf-8"))
    assert payload["version"] == FORMAT_VERSION == 5
    section = payload["report"]["sections"][0]["children"][0]
    assert section["points_layout"] == "joined" and "points_joined" not in section


def test_a_snapshot_is_equal_and_shares_no_list_or_section_with_the_draft() -> None:
    from core.draft.model import Point, Report, Section, snapshot

    report = Report(title="标题", opening=["开头。"], sections=[
        Section(heading="一", body=["正文。"], points=[Point("要点")], children=[Section(heading="子", tail=["尾。"])])])
    copy = snapshot(report)
    assert copy == report
    report.opening.append("又一段。")
    report.sections[0].body.append("后加的。")
    report.sections[0].points[0].text = "改了"
    report.sections[0].children.append(Section(heading="新"))
    report.sections[0].children[0].tail.clear()
    assert copy.opening == ["开头。"] and copy.sections[0].body == ["正文。"]
    assert copy.sections[0].points[0].text == "要点"
    assert [c.heading for c in copy.sections[0].children] == ["子"] and copy.sections[0].children[0].tail == ["尾。"]
