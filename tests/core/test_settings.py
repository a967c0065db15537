from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from core.base.paths import config_dir
from core.base.settings import (
    Settings,
    existing,
    load_settings,
    push_recent,
    save_settings,
    settings_from_dict,
    settings_path,
)


def test_defaults_when_missing() -> None:
    assert load_settings() == Settings()


def test_round_trip_in_config_folder() -> None:
    settings = Settings(unit="某某区委办公室", last_kind="annual_keypoints", autosave_seconds=5.0)
    settings.recent_drafts = ["/tmp/a.draft.json"]
    save_settings(settings)
    assert settings_path().parent == config_dir()
    assert load_settings() == settings


def test_damaged_file_falls_back_to_defaults() -> None:
    settings_path().write_text("{not json", encoding="utf-8")
    assert load_settings() == Settings()
    settings_path().write_text("[1, 2]", encoding="utf-8")
    assert load_settings() == Settings()


def test_wrong_types_are_ignored_field_by_field() -> None:
    settings_path().write_text(
        '{"unit": 5, "font_scheme": "windows", "autosave_seconds": 0, "recent_drafts": ["a", 3, ""]}',
        encoding="utf-8",
    )
    loaded = load_settings()
    assert loaded.unit == ""
    assert loaded.font_scheme == "windows"
    assert loaded.autosave_seconds == 1.0  # clamped: autosave every 0 s would thrash the disk
    assert loaded.recent_drafts == ["a"]


def test_push_recent_dedupes_and_limits(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    recent = push_recent([], a)
    recent = push_recent(recent, b)
    recent = push_recent(recent, tmp_path / "x" / ".." / "a.txt")
    assert recent == [str(a.resolve()), str(b.resolve())]
    many: list[str] = []
    for i in range(15):
        many = push_recent(many, tmp_path / f"{i}.txt", limit=10)
    assert len(many) == 10 and many[0].endswith("14.txt")


def test_existing_filters_missing_files(tmp_path: Path) -> None:
    present = tmp_path / "here.draft.json"
    present.write_text("{}", encoding="utf-8")
    assert existing([str(present), str(tmp_path / "gone.draft.json")]) == [str(present)]


def test_each_number_keeps_its_own_range() -> None:
    # The bounds belong to the field (its metadata), not to every number in the file.
    assert settings_from_dict({"autosave_seconds": 9999}).autosave_seconds == 600.0
    assert settings_from_dict({"autosave_seconds": 7.5}).autosave_seconds == 7.5
    assert settings_from_dict({"autosave_seconds": float("nan")}).autosave_seconds == 3.0
    assert settings_from_dict({"autosave_seconds": float("inf")}).autosave_seconds == 3.0
    unbounded = [f.name for f in fields(Settings) if isinstance(f.default, float) and "range" not in f.metadata]
    assert unbounded == []  # a new number setting says its range where it is declared
