"""The 版记 placement decided from ONE LibreOffice layout is the one that laying out both
placements gives (the rule before issue 28), on texts that end all over their pages."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.draft.model import Report
from core.office.pdf_pages import PDF_FOR_LAYOUT, pdf_page_count
from core.render.engine import render_document
from core.render.imprint_fit import imprint_under_text_is_right, layout_probe, under_text_from_layout
from tests.core.gongwen_samples import attached_report, imprinted_report
from tests.golden.regenerate import convert_to_pdf, screenshot_fontconfig

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="未安装 LibreOffice（soffice），跳过排版检查")

LINE = "下半年继续加强干部教育培训工作，推动各项任务落实。"  # two lines of 3号 text


def _variants() -> Iterator[tuple[str, Report]]:
    # Texts ending around the foot of page 2 (room for the 版记 or not) and of page 3 (odd),
    # with and without a 成文日期: without one the 署名, kept with what follows, ends the text.
    for dated, counts in ((False, (11, 12, 13, 14, 34, 35, 36, 37, 38, 39, 40)), (True, (10, 11, 12, 33, 34, 37, 38))):
        for count in counts:
            report = imprinted_report()
            report.date = "2024-07-01" if dated else ""
            report.sections[-1].body = [LINE] * count
            yield f"{'dated' if dated else 'undated'}{count}", report
    for count in (0, 1, 14, 15):  # the last of two attachments ends on page 3 or runs onto page 4
        report = attached_report()
        report.attachment_texts[-1] = "\n".join(["全年培训干部500人次，覆盖全部基层单位。"] * count)
        yield f"attached{count}", report


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, int, bool | None]]:
    """Per variant: pages of the own-page and of the under-text document, and the one-layout decision."""
    folder = tmp_path_factory.mktemp("imprint_fit")
    env = dict(os.environ, FONTCONFIG_FILE=str(screenshot_fontconfig(folder)))
    documents: list[Path] = []
    names = []
    for name, report in _variants():
        under = render_document(report, imprint_under_text=True).data
        for suffix, data in (("own", render_document(report).data), ("under", under), ("probe", layout_probe(under))):
            path = folder / f"{name}_{suffix}.docx"
            path.write_bytes(data)
            documents.append(path)
        names.append(name)
    pdfs: list[Path] = []
    for start in range(0, len(documents), 24):  # LibreOffice tires of very long batches
        pdfs += convert_to_pdf(documents[start : start + 24], folder, env=env, convert_to=PDF_FOR_LAYOUT)
    out = {}
    for index, name in enumerate(names):
        own, under, probe = (pdf.read_bytes() for pdf in pdfs[3 * index : 3 * index + 3])
        out[name] = (pdf_page_count(own), pdf_page_count(under), under_text_from_layout(probe))
    return out


@pytest.mark.timeout(600)
def test_one_layout_decides_as_laying_out_both_placements(laid_out: dict[str, tuple[int, int, bool | None]]) -> None:
    decided = {name: decision for name, (_, _, decision) in laid_out.items()}
    expected = {name: imprint_under_text_is_right(own, under) for name, (own, under, _) in laid_out.items()}
    assert decided == expected
    # The sweep met every case: under the text; an even page without room; an odd last page
    # whose box was pushed to the next page (where the 署名 would have followed it).
    cases = {own - under for own, under, _ in laid_out.values()}
    assert {2, 1, 0} <= cases, laid_out


@pytest.mark.timeout(300)
def test_an_export_with_a_imprint_starts_libreoffice_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.office import libreoffice, offline
    from core.render import render_report
    from core.render.pdf import render_pdf

    starts: list[list[str]] = []
    start = libreoffice.start_soffice

    def counted(soffice: str, sources: list[Path], *args: object, **kwargs: object) -> object:
        starts.append([source.name for source in sources])
        return start(soffice, sources, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(libreoffice, "start_soffice", counted)
    monkeypatch.setenv("FONTCONFIG_FILE", str(screenshot_fontconfig(tmp_path)))
    under_text = imprinted_report()  # the text ends early on page 2: the 版记 under it
    under_text.date = "2024-07-01"
    own_page = imprinted_report()  # the text fills page 2: the 版记 on page 4
    own_page.date = "2024-07-01"
    own_page.sections[-1].body = ["下半年继续加强干部教育培训工作。"] * 18
    offline.forget_warm_profile()
    for name, report, pages in (("under", under_text, 2), ("own", own_page, 4)):
        starts.clear()
        render_report(report, tmp_path / f"{name}.docx")
        assert starts == [["probe.docx"]]  # the under-text placement alone is laid out
        render_pdf(report, tmp_path / f"{name}.pdf")
        assert starts == [["probe.docx"], ["probe.docx", "own.docx", "next.docx"]]  # all placements, one start
        assert pdf_page_count((tmp_path / f"{name}.pdf").read_bytes()) == pages
    assert offline._warm_profile is not None  # the exports left a set-up profile for the next one
    offline.forget_warm_profile()


@pytest.mark.timeout(300)
def test_libreoffice_come_to_its_file_before_it_is_written_converts_it_once_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LibreOffice is started before the rendering; on a machine where it starts faster than
    the report renders it finds no file, and the file is laid out once more when it is there."""
    from core.office import libreoffice
    from core.render import imprint_fit, render_report

    monkeypatch.setenv("FONTCONFIG_FILE", str(screenshot_fontconfig(tmp_path)))
    report = imprinted_report()  # the text ends early on page 2: the 版记 under it
    report.date = "2024-07-01"
    render_report(report, tmp_path / "expected.docx")
    runs: list[libreoffice.SofficeRun] = []
    start = libreoffice.start_soffice

    def recorded(*args: object, **kwargs: object) -> libreoffice.SofficeRun:
        runs.append(start(*args, **kwargs))  # type: ignore[arg-type]
        return runs[-1]

    made_placer = imprint_fit.placer

    def slow_placer(*args: object, **kwargs: object) -> object:
        place = made_placer(*args, **kwargs)  # type: ignore[arg-type]

        def place_after_libreoffice_ended(placement: str, for_layout: bool = False) -> object:
            if for_layout:  # the probe: packaged only once LibreOffice has given up on it
                runs[0].process.wait(timeout=120)
            return place(placement, for_layout)

        return place_after_libreoffice_ended

    monkeypatch.setattr(libreoffice, "start_soffice", recorded)
    monkeypatch.setattr(imprint_fit, "placer", slow_placer)
    render_report(report, tmp_path / "报告.docx")
    assert len(runs) == 2 and all(run.process.returncode is not None for run in runs)
    assert (tmp_path / "报告.docx").read_bytes() == (tmp_path / "expected.docx").read_bytes()
    assert not libreoffice._RUNNING
