"""Regenerate the render golden files, and (``--screenshots``) one page per kind as PNG.

    python -m tests.golden.regenerate                # tests/golden/*.xml
    python -m tests.golden.regenerate --screenshots  # also docs/screenshots/render_<kind>.png

Golden files are the XML parts of a fixed sample rendered now, pretty-printed, with rsid
attributes removed (Word adds them on save; they carry no meaning). Review the diff
before committing: it shows exactly what changed in the output.

Screenshots go through LibreOffice (soffice → PDF → pdftoppm). The GB2312 fonts are not
free to ship, so for the pictures only, fontconfig maps them to Noto CJK faces of the
same kind (serif for 仿宋/小标宋, sans for 黑体); the documents still name the real fonts.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from core.draft.model import Report
from core.render import render_report, render_report_bytes
from core.render.package import read_zip
from tests.golden.samples import SAMPLES, half_year_sample

GOLDEN_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = GOLDEN_DIR.parent.parent
SCREENSHOT_DIR = PROJECT_ROOT / "docs" / "screenshots"
GOLDEN_PARTS = {
    "word/document.xml": "half_year_summary.document.xml",
    "word/styles.xml": "half_year_summary.styles.xml",
    "word/footer1.xml": "half_year_summary.footer_odd.xml",
    "word/footer2.xml": "half_year_summary.footer_even.xml",
    "word/settings.xml": "half_year_summary.settings.xml",
}


def golden_report() -> Report:
    report = half_year_sample()
    report.attachments = ["上半年重点工作完成情况表"]
    return report


def normalise(blob: bytes) -> str:
    root = etree.fromstring(blob)
    for element in root.iter():
        for name in [n for n in element.attrib if etree.QName(n).localname.startswith("rsid")]:
            del element.attrib[name]
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def golden_parts() -> dict[str, str]:
    """File name in tests/golden → normalised XML of the sample rendered now."""
    parts = read_zip(render_report_bytes(golden_report(), fonts="gb2312").data)
    return {file_name: normalise(parts[part]) for part, file_name in GOLDEN_PARTS.items()}


def write_golden() -> None:
    for file_name, text in golden_parts().items():
        (GOLDEN_DIR / file_name).write_text(text, encoding="utf-8")
        print(f"已写入 {GOLDEN_DIR / file_name}")


_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
{rules}
</fontconfig>
"""
_STAND_INS = {
    "仿宋_GB2312": ("Noto Serif CJK SC", None),
    "楷体_GB2312": ("Noto Serif CJK SC", "light"),
    "黑体": ("Noto Sans CJK SC", None),
    "方正小标宋简体": ("Noto Serif CJK SC", "bold"),
    "宋体": ("Noto Serif CJK SC", None),
}


def screenshot_fontconfig(folder: Path) -> Path:
    rules = []
    for family, (stand_in, weight) in _STAND_INS.items():
        weight_rule = f'<edit name="weight" mode="assign"><const>{weight}</const></edit>' if weight else ""
        rules.append(
            f'  <match target="pattern"><test name="family"><string>{family}</string></test>'
            f'<edit name="family" mode="assign" binding="strong"><string>{stand_in}</string></edit>'
            f"{weight_rule}</match>"
        )
    path = folder / "fonts.conf"
    path.write_text(_FONTCONFIG.format(rules="\n".join(rules)), encoding="utf-8")
    return path


def convert_to_pdf(
    documents: Sequence[Path],
    out_dir: Path,
    env: dict[str, str] | None = None,
    timeout: float = 240,
    convert_to: str = "pdf",
) -> list[Path]:
    """Convert with LibreOffice in a private profile (a running soffice cannot interfere).

    ``convert_to`` may carry export options ("pdf:writer_pdf_Export:{…}")."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise FileNotFoundError("soffice")
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                convert_to,
                "--outdir",
                str(out_dir),
                *map(str, documents),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
            env=env,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return [out_dir / (doc.stem + ".pdf") for doc in documents]


def write_screenshots(first_page_only: bool = True) -> list[Path]:
    import os

    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        documents = []
        for kind_id, make in SAMPLES.items():
            path = folder / f"render_{kind_id}.docx"
            render_report(make(), path)
            documents.append(path)
        env = dict(os.environ, FONTCONFIG_FILE=str(screenshot_fontconfig(folder)))
        for pdf in convert_to_pdf(documents, folder, env=env):
            target = SCREENSHOT_DIR / pdf.stem
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(target)],
                check=True,
                timeout=60,
            )
            written.append(target.with_suffix(".png"))
            print(f"已写入 {target.with_suffix('.png')}")
    return written


def write_page_screenshots() -> list[Path]:
    """docs/screenshots/render_<kind>_first.png and _last.png: the title page and the 落款."""
    import os
    import re

    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        documents = []
        for kind_id, make in SAMPLES.items():
            path = folder / f"render_{kind_id}.docx"
            render_report(make(), path)
            documents.append(path)
        env = dict(os.environ, FONTCONFIG_FILE=str(screenshot_fontconfig(folder)))
        for pdf in convert_to_pdf(documents, folder, env=env):
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True, timeout=60)
            pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))
            for suffix, page in (("first", 1), ("last", pages)):
                target = SCREENSHOT_DIR / f"{pdf.stem}_{suffix}"
                subprocess.run(
                    ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile",
                     str(pdf), str(target)],
                    check=True,
                    timeout=60,
                )  # fmt: skip
                written.append(target.with_suffix(".png"))
                print(f"已写入 {target.with_suffix('.png')}")
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.golden.regenerate", description=__doc__)
    parser.add_argument(
        "--screenshots", action="store_true", help="同时生成 docs/screenshots/render_<kind>.png"
    )
    parser.add_argument(
        "--pages", action="store_true", help="生成 docs/screenshots/render_<kind>_first.png 和 _last.png"
    )
    args = parser.parse_args(argv)
    write_golden()
    if args.screenshots:
        write_screenshots()
    if args.pages:
        write_page_screenshots()
    return 0


if __name__ == "__main__":
    sys.exit(main())
