"""``render -o X.pdf`` through LibreOffice, and a clear message where it is absent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cli.main import main
from core.base.errors import SaveFailed
from core.draft.draft_file import save_draft
from core.render import pdf as pdf_module
from core.render.pdf import NO_LIBREOFFICE, render_pdf
from tests.golden.samples import SAMPLES

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="未安装 LibreOffice（soffice）")


@needs_soffice
@pytest.mark.timeout(300)
def test_cli_renders_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "报告.draft.json"
    save_draft(SAMPLES["work_report"](), draft)
    out = tmp_path / "报告 终稿.pdf"
    assert main(["render", str(draft), "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert f"已生成：{out}" in capsys.readouterr().out
    # No temporary files left beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["报告.draft.json", "报告 终稿.pdf"])


def test_without_libreoffice_the_clerk_is_told_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("core.office.libreoffice.find_soffice", lambda: None)
    out = tmp_path / "报告.pdf"
    out.write_bytes(b"old")
    with pytest.raises(SaveFailed) as caught:
        render_pdf(SAMPLES["work_report"](), out)
    assert NO_LIBREOFFICE in str(caught.value)
    assert out.read_bytes() == b"old"
    draft = tmp_path / "报告.draft.json"
    save_draft(SAMPLES["work_report"](), draft)
    assert main(["render", str(draft), "-o", str(tmp_path / "新.pdf")]) == 2
    assert "导出 PDF 需要 LibreOffice" in capsys.readouterr().err
    assert not (tmp_path / "新.pdf").exists()


def test_a_conversion_that_hangs_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    def hang(*_args: object, **_kwargs: object) -> None:
        raise subprocess.TimeoutExpired("soffice", 1)

    monkeypatch.setattr("core.office.libreoffice.find_soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr("core.office.libreoffice.convert_with_soffice", hang)
    out = tmp_path / "报告.pdf"
    with pytest.raises(SaveFailed, match="秒内没有完成转换"):
        pdf_module.docx_to_pdf(b"PK", out, timeout=1)
    assert not out.exists()
