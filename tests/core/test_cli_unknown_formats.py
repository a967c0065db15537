"""A file of a format we do not read (.pdf, .xlsx, .png, .zip) given to every CLI command that
takes a report: a clear refusal naming the file and the formats that can be imported, exit code 2 (input
it cannot use), nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.test_cli_import import run
from tests.unknown_formats import REASONS, write_unknown_formats


@pytest.mark.parametrize(
    "command",
    [
        ("import", "{file}", "-o", "{out}.draft.json"),
        ("check", "{file}"),
        ("render", "{file}", "-o", "{out}.docx"),
        ("new", "--from", "{file}", "-o", "{out}.draft.json"),
    ],
    ids=["import", "check", "render", "new"],
)
def test_every_command_refuses_a_format_it_does_not_read(tmp_path: Path, command: tuple[str, ...]) -> None:
    for path in write_unknown_formats(tmp_path):
        out = tmp_path / "输出"
        result = run(*(part.format(file=path, out=out) for part in command))
        assert result.returncode == 2, result.stderr  # the CLI's code for input it cannot use
        assert result.stderr.strip() == f"错误：无法导入“{path.name}”：{REASONS[path.name]}"
        assert "Traceback" not in result.stderr and result.stdout == ""
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(REASONS)  # nothing written
