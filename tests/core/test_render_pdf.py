"""Each kind's sample opens in LibreOffice as an A4 document (where LibreOffice is installed)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from core.render import render_report
from tests.golden.regenerate import convert_to_pdf
from tests.golden.samples import SAMPLES

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="未安装 LibreOffice（soffice），跳过 PDF 检查"
)

A4_POINTS = (595.3, 841.9)


def _pages_and_size(pdf: Path) -> tuple[int, tuple[float, float]]:
    if shutil.which("pdfinfo"):
        info = subprocess.run(
            ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True, timeout=30
        ).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        width, height = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M).groups())
        return pages, (width, height)
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    width, height = map(float, re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data).groups())
    return pages, (width, height)


@pytest.mark.timeout(300)
def test_every_kind_converts_to_an_a4_pdf(tmp_path: Path) -> None:
    documents = []
    for kind_id, make in SAMPLES.items():
        path = tmp_path / f"{kind_id}.docx"
        render_report(make(), path)
        documents.append(path)
    for pdf in convert_to_pdf(documents, tmp_path):
        assert pdf.is_file(), pdf
        pages, (width, height) = _pages_and_size(pdf)
        assert 0 < pages <= 3, (pdf.name, pages)  # each sample is about two pages
        assert abs(width - A4_POINTS[0]) < 1 and abs(height - A4_POINTS[1]) < 1, (pdf.name, width, height)
