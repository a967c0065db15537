"""``python main.py new`` with the carry-over modes of the 新建报告 dialog: --carry-text, --from-plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main
from core.draft.draft_file import load_draft
from core.reuse.flags import FIGURE, flags_for
from tests.conftest import seed_path


def test_carry_text_keeps_last_years_text_with_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "2023.draft.json"
    assert main(["new", "--from", str(seed_path("001")), "--carry-text", "--year", "2023", "-o", str(out)]) == 0
    draft = load_draft(out)
    assert draft.year == 2023 and draft.prior_source == seed_path("001").name
    first = draft.sections[0].children[0]
    assert first.points and first.reference  # the text stays, and beside it as reference
    assert {"48次", "38项", "27项"} <= {f.text for f in flags_for(draft) if f.kind == FIGURE}
    printed = capsys.readouterr().out
    assert "已沿用上年提纲和文字" in printed and "待核实" in printed


def test_from_plan_makes_a_summary_of_the_plans_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "总结.draft.json"
    code = main(["new", "--from", str(seed_path("002")), "--from-plan", "--kind", "half_year_summary", "-o", str(out)])
    assert code == 0
    draft = load_draft(out)
    assert (draft.kind, draft.year) == ("half_year_summary", 2022)  # the plan's own year
    assert len(draft.sections[0].children) == 5
    assert draft.sections[0].children[0].reference.startswith("一、突出政治建设")
    assert "工作要点的 5 个部分" in capsys.readouterr().out


def test_from_plan_needs_a_summary_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["new", "--from", str(seed_path("002")), "--from-plan", "-o", str(tmp_path / "x")])
    assert info.value.code == 2
    assert "--from-plan 需要用 --kind 指定" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_modes_need_a_prior_and_exclude_each_other(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["new", "--kind", "annual_keypoints", "--carry-text", "-o", str(tmp_path / "x")])
    assert info.value.code == 2
    assert "--carry-text 需要与 --from 一起使用" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["new", "--from", str(seed_path("001")), "--carry-text", "--reference-only", "-o", str(tmp_path / "x")])
    assert info.value.code == 2
    assert list(tmp_path.iterdir()) == []


def test_new_twice_over_a_written_draft_keeps_it_in_the_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The same command run again from the shell's history: .bak alone would then hold the
    # first blank draft, and the clerk's text would be gone.
    from core.draft.draft_file import save_draft
    from core.draft.history import list_versions
    from core.draft.model import Report, Section

    target = tmp_path / "work.draft.json"
    save_draft(Report(title="旧稿", sections=[Section(heading="开展情况", body=["践行新时代好干部标准。"])]), target)
    for _ in range(2):
        assert main(["new", "--kind", "half_year_summary", "--year", "2023", "-o", str(target)]) == 0
        assert "并记入它的历史版本" in capsys.readouterr().err
    kept = [load_draft(v.file) for v in list_versions(target)]
    assert any(r.sections and r.sections[0].body == ["践行新时代好干部标准。"] for r in kept)
    assert load_draft(target).title != "旧稿"


def test_new_never_puts_a_file_that_is_not_a_draft_into_the_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from core.draft.history import list_versions

    target = tmp_path / "notes.draft.json"
    target.write_text("会议记录，不是草稿。", encoding="utf-8")
    assert main(["new", "--kind", "half_year_summary", "--year", "2023", "-o", str(target)]) == 2
    assert "不是报告起草助手的草稿" in capsys.readouterr().err
    assert list_versions(target) == [] and target.read_text(encoding="utf-8") == "会议记录，不是草稿。"
