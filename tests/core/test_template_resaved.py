"""A unit's template re-saved by an office suite still gets fonts and 落款 placed.

LibreOffice renames style IDs when it saves (DocTitle → Style19) but keeps the names;
python-docx keeps IDs. Both copies are rendered through the command line with
``--fonts windows`` and checked for the scheme's fonts and the 落款 indents.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from lxml import etree

from cli.main import main
from core.base.resources import templates_dir
from core.draft.draft_file import save_draft
from core.render.package import read_zip
from core.render.style_names import our_style_ids
from tests.golden.samples import SAMPLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEMPLATE = templates_dir() / "half_year_summary" / "template.docx"


def _resave_with_libreoffice(source: Path, folder: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("未安装 LibreOffice（soffice），跳过另存模板测试")
    profile = folder / "lo-profile"
    out = folder / "lo"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         "docx:MS Word 2007 XML", "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    return out / source.name


def _edit_with_python_docx(source: Path, folder: Path) -> Path:
    document = docx.Document(str(source))
    document.styles["发文机关署名"].font.underline = False  # any edit; python-docx saves it all
    target = folder / "edited.docx"
    document.save(str(target))
    return target


def _render(template: Path, folder: Path) -> tuple[etree._Element, etree._Element]:
    report = SAMPLES["half_year_summary"]()  # 署名 wider than the date; 不加盖印章
    draft = folder / "报告.draft.json"
    save_draft(report, draft)
    out = folder / f"{template.stem}-out.docx"
    assert main(["render", str(draft), "-o", str(out), "--template", str(template), "--fonts", "windows"]) == 0
    parts = read_zip(out.read_bytes())
    return etree.fromstring(parts["word/styles.xml"]), etree.fromstring(parts["word/document.xml"])


def _style(styles: etree._Element, our_id: str) -> etree._Element:
    ids = {ours: theirs for theirs, ours in our_style_ids(styles).items()}
    return styles.find(f"{W}style[@{W}styleId='{ids[our_id]}']")


def _check(styles: etree._Element, document: etree._Element) -> None:
    title = _style(styles, "DocTitle").find(f"{W}rPr/{W}rFonts")
    assert title.get(f"{W}eastAsia") == "方正小标宋简体"  # the windows scheme's title font (宋体 its altName)
    body = _style(styles, "Normal").find(f"{W}rPr/{W}rFonts")
    assert body.get(f"{W}eastAsia") == "仿宋"
    date_id = _style(styles, "DocDate").get(f"{W}styleId")
    [date] = [
        p for p in document.iter(f"{W}p")
        if (s := p.find(f"{W}pPr/{W}pStyle")) is not None and s.get(f"{W}val") == date_id
    ]  # fmt: skip
    # 不加盖印章: the date starts two characters right of the 署名 ("中共XX市XX区委员会组织部",
    # 4046 twips as printed), which ends 右空二字: left indent 8845 - 640 - 4046 + 640.
    ind = date.find(f"{W}pPr/{W}ind")
    assert (ind.get(f"{W}left"), ind.get(f"{W}right")) == ("4799", "0")
    assert date.find(f"{W}pPr/{W}jc").get(f"{W}val") == "left"


@pytest.mark.timeout(300)
def test_template_resaved_by_libreoffice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    resaved = _resave_with_libreoffice(TEMPLATE, tmp_path)
    styles = etree.fromstring(read_zip(resaved.read_bytes())["word/styles.xml"])
    assert "DocTitle" not in {s.get(f"{W}styleId") for s in styles.iter(f"{W}style")}  # IDs renamed
    _check(*_render(resaved, tmp_path))


def test_template_edited_with_python_docx(tmp_path: Path) -> None:
    _check(*_render(_edit_with_python_docx(TEMPLATE, tmp_path), tmp_path))
