"""The recipes of docs/ARCHITECTURE.md ("Where a change goes") tried as written: a new check is
one registered function, a new CLI subcommand one module. (A new report kind: test_fifth_kind.py;
a new report-level field: test_field_roundtrip.py.)"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.draft.model import Report, Section


@pytest.fixture
def demo_check() -> Iterator[str]:
    from core.checks import base

    name = "recipe_demo"

    @base.register(name, "示例检查")
    def find_placeholder_word(ctx: base.CheckContext) -> list[base.Finding]:
        return [
            ctx.finding(name, slot, at, at + 2, "这里还写着“示例”。", "换成实际内容。")
            for slot in ctx.slots
            for at in [slot.text.find("示例")]
            if at >= 0
        ]

    yield name
    base.CHECKS.pop(name)
    base.RULE_LABELS.pop(name, None)


def test_a_new_check_is_one_registered_function(demo_check: str) -> None:
    from core.checks import CHECKS, run_checks

    report = Report(title="某区2024年工作总结", sections=[Section(heading="主要工作", body=["这是示例文字。"])])
    assert CHECKS[demo_check].label == "示例检查"
    [finding] = run_checks(report, only=[demo_check])
    section = report.sections[0]
    assert (finding.section_id, finding.field, finding.index, finding.start, finding.end) == (section.id, "body", 0, 2, 4)
    assert demo_check in [f.rule for f in run_checks(report)]  # and it runs with all the others


def test_a_new_subcommand_is_one_module_found_by_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import cli.commands
    from cli.main import main

    (tmp_path / "recipe_demo_cmd.py").write_text(
        "import argparse\n\n\n"
        "def register(subparsers: argparse._SubParsersAction) -> None:\n"
        "    parser = subparsers.add_parser('recipe-demo', help='示例子命令')\n"
        "    parser.set_defaults(handler=lambda args: print('示例子命令已运行') or 0)\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(cli.commands, "__path__", [*cli.commands.__path__, str(tmp_path)])
    try:
        assert main(["recipe-demo"]) == 0
    finally:
        sys.modules.pop("cli.commands.recipe_demo_cmd", None)
    assert capsys.readouterr().out == "示例子命令已运行\n"
