"""A new report kind is a folder: 述职报告 (tests/fixtures/kinds/duty_report) is listed, guessed
on import, created and rendered by the app as it is, with no code knowing its id."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from core.draft.draft_file import load_draft
from core.draft.kinds import KINDS_PATH_ENV, builtin_kinds, get_kind, load_kinds
from core.importing.importer import import_document
from core.render import render_report_bytes
from core.reuse.new_draft import default_year, new_draft, plan_mode_available, starting_year
from tests.conftest import PROJECT_ROOT

FIXTURE_KINDS = PROJECT_ROOT / "tests" / "fixtures" / "kinds"
DUTY = "duty_report"
LAST_YEARS_REPORT = """2024年度述职报告

根据安排，现将本人2024年度履职情况报告如下：
一、履职情况和主要成效
（一）抓好班子建设
全年召开班子会议24次，研究重要事项61项。
（二）推进重点项目
一是完成道路改造3.2公里；二是新建便民服务站2个。
二、存在的不足
一是调查研究不够深入；二是创新办法不多。
三、下一步努力方向
坚持问题导向，补齐短板。
以上报告，请予审议。
"""


@pytest.fixture
def fifth_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KINDS_PATH_ENV, str(FIXTURE_KINDS))


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", **{KINDS_PATH_ENV: str(FIXTURE_KINDS)})
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False,
    )


def test_the_folder_is_listed_after_the_builtin_kinds(fifth_kind: None) -> None:
    kinds = load_kinds()
    assert list(kinds) == [*builtin_kinds(), DUTY]  # order = 5 puts it last
    assert kinds[DUTY].name == "述职报告"
    assert DUTY not in builtin_kinds()


def test_its_own_rules_decide_the_year_and_the_guess(
    fifth_kind: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # last_year_until_month = 3: a 述职报告 started in March is about last year.
    assert default_year(DUTY, dt.date(2025, 3, 10)) == 2024
    assert default_year(DUTY, dt.date(2025, 4, 1)) == 2025
    assert starting_year(DUTY, 2024, from_plan=False) == 2025
    assert not plan_mode_available(DUTY, DUTY)
    source = tmp_path / "述职.txt"
    source.write_text(LAST_YEARS_REPORT, encoding="utf-8")
    result = import_document(source)
    assert (result.kind, result.kind_reason) == (DUTY, "标题含“述职”")
    # Without the folder the same text is a 工作汇报 ("…报告"): the guess came from the folder.
    monkeypatch.delenv(KINDS_PATH_ENV)
    assert import_document(source).kind != DUTY


def test_created_from_its_skeleton_and_rendered(fifth_kind: None) -> None:
    report = new_draft(DUTY, 2025, "某某镇").report
    assert report.kind == DUTY and report.title == "2025年度述职报告"
    assert report.opening == ["根据安排，现将本人2025年度履职情况报告如下："]
    assert [s.heading for s in report.sections] == ["履职情况和主要成效", "存在的不足", "下一步努力方向"]
    assert get_kind(DUTY).template_path is None  # no template.docx: the generated default is used
    rendered = docx.Document(io.BytesIO(render_report_bytes(report).data))
    texts = [p.text for p in rendered.paragraphs if p.text.strip()]
    assert texts[:3] == ["2025年度述职报告", "根据安排，现将本人2025年度履职情况报告如下：", "一、履职情况和主要成效"]


def test_through_the_command_line_with_no_code_change(tmp_path: Path) -> None:
    listed = run("kinds")
    assert listed.returncode == 0, listed.stderr
    assert "述职报告" in listed.stdout and DUTY in listed.stdout
    prior = tmp_path / "2024年度述职报告.txt"
    prior.write_text(LAST_YEARS_REPORT, encoding="utf-8")
    draft = tmp_path / "述职.draft.json"
    created = run("new", "--from", prior, "--unit", "某某镇", "-o", draft)
    assert created.returncode == 0, created.stderr
    assert "2025年 · 述职报告" in created.stdout  # guessed from the title, the year after the prior's
    report = load_draft(draft)
    assert report.kind == DUTY and report.title == "2025年度述职报告"
    out = tmp_path / "述职.docx"
    rendered = run("render", draft, "-o", out)
    assert rendered.returncode == 0, rendered.stderr
    back = run("import", out, "-o", tmp_path / "back.draft.json")
    assert back.returncode == 0, back.stderr
    assert load_draft(tmp_path / "back.draft.json").kind == DUTY
