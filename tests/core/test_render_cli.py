"""``new``, ``render`` and ``kinds`` on the command line: exit codes, files, Chinese messages."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from cli.main import main
from core.draft.draft_file import load_draft, save_draft
from tests.conftest import seed_path
from tests.golden.samples import half_year_sample


def test_kinds_lists_the_four_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kinds"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [r[:2] for r in rows] == [
        ["annual_keypoints", "年度工作要点"],
        ["half_year_summary", "上半年工作总结"],
        ["annual_summary", "年度工作总结"],
        ["work_report", "工作汇报/讲话"],
    ]


def test_new_from_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "new",
            "--kind",
            "annual_keypoints",
            "--year",
            "2026",
            "--unit",
            "XX局",
            "-o",
            str(tmp_path / "要点"),
        ]
    )
    assert code == 0
    draft = load_draft(tmp_path / "要点.draft.json")
    assert (draft.kind, draft.year, draft.title) == ("annual_keypoints", 2026, "XX局2026年工作要点")
    assert "已新建草稿" in capsys.readouterr().out


def test_new_from_prior_report_carries_the_outline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "2023.draft.json"
    assert main(["new", "--from", str(seed_path("000")), "-o", str(out)]) == 0
    draft = load_draft(out)
    assert draft.kind == "annual_keypoints" and draft.year == 2023
    assert len(draft.sections) == 7 and sum(len(s.children) for s in draft.sections) == 33
    assert draft.sections[0].children[0].reference.startswith("坚持推行党建工作项目化")
    assert all(not s.body and not s.points for _, s in draft.walk())
    assert draft.prior_source == seed_path("000").name
    assert "已沿用上年提纲" in capsys.readouterr().out


def test_new_needs_a_kind_or_a_prior(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["new", "-o", str(tmp_path / "x")])
    assert info.value.code == 2
    assert "请用 --kind 指定报告类型" in capsys.readouterr().err
    assert main(["new", "--kind", "nope", "-o", str(tmp_path / "x")]) == 2
    assert "没有名为“nope”的报告类型" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_render_a_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "总结.draft.json"
    save_draft(half_year_sample(), draft)
    out = tmp_path / "总结.docx"
    assert main(["render", str(draft), "-o", str(out), "--fonts", "windows"]) == 0
    document = docx.Document(io.BytesIO(out.read_bytes()))
    assert document.paragraphs[0].text == "中共XX市XX区委员会组织部\n2025年上半年工作总结"
    assert (
        document.styles["Normal"].element.rPr.rFonts.get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
        )
        == "仿宋"
    )
    assert f"已生成：{out}" in capsys.readouterr().out


def test_render_imports_a_document_on_the_fly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "seed.docx"
    assert main(["render", str(seed_path("003")), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "按“工作汇报/讲话”排版" in err
    # The seed is a body without its title: one is built from the kind's pattern and the
    # year read from the text, and the clerk is told.
    assert "已按报告类型生成标题“党工委2021年工作情况汇报”" in err
    paragraphs = docx.Document(str(out)).paragraphs
    assert paragraphs[0].text == "党工委2021年工作情况汇报"  # the unit from "受党工委委托"
    assert paragraphs[1].text.startswith("受党工委委托")
    assert main(["render", str(seed_path("003")), "-o", str(out), "--kind", "annual_summary"]) == 0
    assert "按“" not in capsys.readouterr().err


def test_render_errors_are_chinese_and_leave_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "a.draft.json"
    save_draft(half_year_sample(), draft)
    assert main(["render", str(draft), "-o", str(tmp_path / "a.docx"), "--fonts", "mac"]) == 2
    assert "没有名为“mac”的字体方案" in capsys.readouterr().err
    assert main(["render", str(draft), "-o", str(tmp_path / "a.docx"), "--template", str(draft)]) == 2
    assert "不是有效的 Word 文档" in capsys.readouterr().err
    assert main(["render", str(tmp_path / "absent.txt"), "-o", str(tmp_path / "a.docx")]) == 2
    assert "错误：" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.draft.json"]


def test_render_refuses_to_overwrite_its_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "原文.docx"
    assert main(["render", str(seed_path("004")), "-o", str(source)]) == 0
    before = source.read_bytes()
    assert main(["render", str(source), "-o", str(source)]) == 2
    assert "输出文件就是输入文件“原文.docx”" in capsys.readouterr().err
    assert source.read_bytes() == before


def test_new_reference_only_keeps_the_kind_skeleton(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ref.draft.json"
    code = main(
        [
            "new",
            "--from",
            str(seed_path("004")),
            "--reference-only",
            "--kind",
            "half_year_summary",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    draft = load_draft(out)
    assert [s.heading for s in draft.sections] == ["上半年工作开展情况", "存在的问题", "下半年工作计划"]
    assert draft.year == 2023
    assert draft.sections[0].reference  # last year's 一、上半年工作开展情况 beside it
    assert "找到上年对应内容" in capsys.readouterr().out


def test_many_placeholders_are_counted_not_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cli.main import main

    source = tmp_path / "要点.txt"
    body = "；".join(f"第{i}项工作由XX负责" for i in range(15))
    source.write_text(f"某某区2024年工作要点\n一、重点工作\n{body}。\n", encoding="utf-8")
    assert main(["render", str(source), "-o", str(tmp_path / "要点.docx")]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("警告：[占位符]")]
    assert len(lines) == 11 and lines[-1] == "警告：[占位符] 另有 5 处未列出（python main.py check 可逐条列出）。"
