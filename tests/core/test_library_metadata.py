"""Correcting a stored document's kind, year, unit and title (Library.update_metadata): the
search filters follow at once, the reasons are kept, a rebuild keeps the correction, and a
failed write leaves everything as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.base.errors import SaveFailed
from core.draft.model import Report, Section
from core.library import DB_NAME, FILES_DIR_NAME, Library, LibraryError
from core.library import files as library_corrections
from core.text.plaintext import report_text

_REASONS = {"kind": "标题含“要点”", "year": "标题写“2023年”", "unit": "落款“区科协”", "title": "取自文首的标题行"}


def _report(title: str, body: str) -> Report:
    return Report(
        kind="work_report", year=2021, unit="市", title=title, sections=[Section(heading="人才工作", body=[body])]
    )


def _filled(folder: Path, library: Library | None = None) -> tuple[Library, int, int]:
    library = library if library is not None else Library(folder)
    first = _report("各市属学会,各区科协:", "引进高层次人才四十名，建成人才驿站两个。")
    second = _report("二〇二三年工作要点", "开展人才培训三期，培训骨干一百人。")
    one = library.add_report(first, original=report_text(first).encode(), file_name="甲.txt", reasons=_REASONS)
    two = library.add_report(second, original=report_text(second).encode(), file_name="乙.txt")
    return library, one.document.id, two.document.id


def _found(library: Library, **filters: object) -> set[str]:
    return {hit.file_name for hit in library.search("人才", **filters)}  # type: ignore[arg-type]


def test_an_edit_reaches_the_search_filters_at_once(tmp_path: Path, backend_library: Library) -> None:
    library, one, _two = _filled(tmp_path, backend_library)
    with library:
        assert _found(library, kind="annual_keypoints") == set()
        assert library.update_metadata([one], {"kind": "annual_keypoints", "year": "２０２３年", "unit": "区科协"}) == 1
        assert _found(library, kind="annual_keypoints") == {"甲.txt"}
        assert _found(library, year=2023) == {"甲.txt"}
        assert _found(library, year=2021) == {"乙.txt"}  # the old value no longer finds it
        assert _found(library, unit="科协") == {"甲.txt"}
        assert _found(library, kind="work_report") == {"乙.txt"}
        info = library.document(one)
        assert info is not None and (info.kind, info.year, info.unit) == ("annual_keypoints", 2023, "区科协")
        assert library.facets()["unit"] == ["区科协", "市"]


def test_a_selection_is_edited_together_and_the_title_too(tmp_path: Path, backend_library: Library) -> None:
    library, one, two = _filled(tmp_path, backend_library)
    with library:
        assert library.update_metadata([one, two], {"year": 2022, "title": "  区科协  2022年工作要点 "}) == 2
        assert {d.title for d in library.documents()} == {"区科协 2022年工作要点"}
        assert _found(library, year=2022) == {"甲.txt", "乙.txt"}
        # A year cleared: found without a year filter, no longer under 2022.
        library.update_metadata([two], {"year": ""})
        assert _found(library, year=2022) == {"甲.txt"} and "乙.txt" in _found(library)


def test_reasons_are_kept_and_an_edit_says_so(tmp_path: Path, backend_library: Library) -> None:
    library, one, two = _filled(tmp_path, backend_library)
    with library:
        assert library.metadata_reasons(one) == _REASONS
        assert library.metadata_reasons(two) == {}
        library.update_metadata([one], {"unit": "区科协"})
        reasons = library.metadata_reasons(one)
        assert reasons["unit"].endswith("在“管理资料库”中手工修改")
        assert reasons["kind"] == "标题含“要点”"


def test_a_rebuilt_library_keeps_the_correction(tmp_path: Path) -> None:
    library, one, _ = _filled(tmp_path)
    with library:
        library.update_metadata([one], {"kind": "annual_keypoints", "year": 2023, "unit": "区科协", "title": "要点"})
    (tmp_path / DB_NAME).unlink()
    with Library(tmp_path) as rebuilt:
        assert rebuilt.notice is not None
        by_name = {d.file_name: d for d in rebuilt.documents()}
        assert (by_name["甲.txt"].kind, by_name["甲.txt"].year, by_name["甲.txt"].unit, by_name["甲.txt"].title) == (
            "annual_keypoints", 2023, "区科协", "要点"
        )
        assert _found(rebuilt, kind="annual_keypoints", year=2023) == {"甲.txt"}


def test_bad_values_are_refused_in_chinese_and_change_nothing(tmp_path: Path, backend_library: Library) -> None:
    library, one, _ = _filled(tmp_path, backend_library)
    with library:
        for changes, words in (
            ({"year": 3000}, "1949 到 2100"),
            ({"year": "二〇二三"}, "年度“二〇二三”不对"),
            ({"kind": "no_such_kind"}, "不是已有的报告类型"),
            ({"unit": "单" * 201}, "单位太长"),
            ({"sha256": "x"}, "只能修改类型、年度、单位和标题"),
        ):
            with pytest.raises(LibraryError, match=words):
                library.update_metadata([one], changes)
        with pytest.raises(LibraryError, match="已不在资料库中"):
            library.update_metadata([one, 999], {"year": 2020})
        assert library.document(one).year == 2021  # type: ignore[union-attr]


def test_a_failed_record_write_rolls_everything_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library, one, two = _filled(tmp_path)
    records = sorted((tmp_path / FILES_DIR_NAME).glob("*.json"))
    before = {path: path.read_text(encoding="utf-8") for path in records}
    real_write = library_corrections.atomic_write_text
    calls: list[Path] = []

    def failing_second(path: Path, text: str, *args: object, **kwargs: object) -> None:
        calls.append(Path(path))
        if len(calls) == 2:
            raise SaveFailed(Path(path), "磁盘已满。")
        real_write(path, text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library_corrections, "atomic_write_text", failing_second)
    with library:
        with pytest.raises(LibraryError, match="资料库未作改动"):
            library.update_metadata([one, two], {"kind": "annual_summary", "year": 2020})
        monkeypatch.setattr(library_corrections, "atomic_write_text", real_write)
        assert {(d.kind, d.year) for d in library.documents()} == {("work_report", 2021)}
        assert _found(library, kind="annual_summary") == set()
        assert _found(library, kind="work_report", year=2021) == {"甲.txt", "乙.txt"}
    assert {path: path.read_text(encoding="utf-8") for path in records} == before
    assert all(json.loads(text)["kind"] == "work_report" for text in before.values())
