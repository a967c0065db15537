"""``python main.py import`` as a clerk's script would run it: real processes, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from core.draft.draft_file import load_draft
from tests.conftest import PROJECT_ROOT, seed_path
from tests.core.test_seed_outlines import SEED_004_EXPECTED


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=60, check=False,
    )


def test_outline_of_seed_004() -> None:
    result = run("import", seed_path("004"), "--outline")
    assert result.returncode == 0, result.stderr
    # The CLI adds a column saying how each heading was recognised: here all by ordinal.
    expected = [line + "\tmarker" if line.startswith("H\t") else line for line in SEED_004_EXPECTED]
    assert result.stdout.splitlines() == expected


def test_write_draft_and_print_json(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.draft.json"
    result = run("import", seed_path("003"), "-o", draft)
    assert result.returncode == 0, result.stderr
    assert "已保存草稿" in result.stderr
    report = load_draft(draft)
    assert report.kind == "work_report" and len(report.sections) == 4
    printed = run("import", seed_path("003"), "--json")
    assert json.loads(printed.stdout)["report"]["closing"][0].startswith("同志们")


def test_errors_are_chinese_without_traceback(tmp_path: Path) -> None:
    missing = run("import", tmp_path / "没有这个文件.docx")
    assert missing.returncode != 0
    assert "没有这个文件.docx" in missing.stderr and "Traceback" not in missing.stderr
    bad = tmp_path / "坏文件.docx"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    result = run("import", bad)
    assert result.returncode != 0 and "坏文件.docx" in result.stderr and "Traceback" not in result.stderr
    usage = run("import")
    assert usage.returncode == 2 and "参数有误" in usage.stderr
