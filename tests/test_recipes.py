"""The recipes of docs/ARCHITECTURE.md ("Where a change goes") tried as written: a new check is
one registered function, a new CLI subcommand one module, a new import format one reader row and
its suffix. (A new report kind: test_fifth_kind.py;
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


def test_every_accepted_suffix_has_a_reader() -> None:
    from core.importing import readers
    from core.office import formats

    assert set(formats.SUPPORTED_SUFFIXES) == set(readers.NAMED_READERS) | set(formats.DOCX_SUFFIXES)


def test_a_new_import_format_is_one_reader_row_and_its_suffix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A made-up ".gwx" format: lines of "段:" records. Listed and given a reader, it is accepted,
    read, judged for noise like every format and imported into an outline."""
    from core.base.errors import ImportFailed
    from core.importing import readers
    from core.importing.importer import import_document
    from core.importing.readers.source import ORIGIN_TEXT, SourceDocument
    from core.office import formats

    def read_gwx(path: Path, _progress: object) -> SourceDocument:
        lines = path.read_text(encoding="utf-8").splitlines()
        return SourceDocument([line.removeprefix("段:") for line in lines if line.startswith("段:")], ORIGIN_TEXT)

    sample = tmp_path / "2023年工作总结.gwx"
    sample.write_text("段:某区2023年工作总结\n段:一、主要工作\n段:全年完成培训12期。\n段:二、下步打算\n段:继续抓好培训。\n",
                      encoding="utf-8")
    with pytest.raises(ImportFailed, match="gwx"):
        readers.check_suffix(sample)  # not yet a format we read
    monkeypatch.setattr(formats, "SUPPORTED_SUFFIXES", (*formats.SUPPORTED_SUFFIXES, ".gwx"))
    monkeypatch.setitem(readers.NAMED_READERS, ".gwx", read_gwx)
    readers.check_suffix(sample)
    assert readers.read_paragraphs(sample) == ["某区2023年工作总结", "一、主要工作", "全年完成培训12期。", "二、下步打算", "继续抓好培训。"]
    imported = import_document(sample)
    assert [s.heading for s in imported.report.sections] == ["主要工作", "下步打算"]
    assert imported.report.sections[0].body == ["全年完成培训12期。"]
    noise = tmp_path / "乱码.gwx"
    # What a converter makes of random bytes: Hangul and private-use characters, not office text.
    noise.write_text("".join(f"段:{chr(0xAC00 + (i * 7919) % 11000)}{chr(0xE000 + i % 6000)}\n" for i in range(400)),
                     encoding="utf-8")
    with pytest.raises(ImportFailed):
        readers.read_document(noise)  # judged like every reader's result
