"""Where the 版记 goes, decided on LibreOffice's layout: under the text, or on a page of its own.

GB/T 9704 (7.4.1, 9.1): the 版记 stands at the bottom of the document's last page, and
that page is an even page (the back of the last sheet); the last 版记 line is the page's
last line. Read with 7.5 (a blank page before the 版记 page, and the 版记 page itself,
carry no page number only when a blank page precedes the 版记 page; directly after text the
版记 page is numbered like any other), that gives three cases once the text has ended on page T:

* T even, and the 版记 fits under the text: at the foot of page T (T keeps its number);
* T even, no room under the text: page T+1 stays blank and the 版记 is at the foot of
  page T+2, neither numbered (IMPRINT_OWN_PAGE);
* T odd: the 版记 is at the foot of page T+1, which follows text and is numbered
  (IMPRINT_NEXT_PAGE: the box of core.render.imprint_box on a new page).

Which page the text ends on only a layout engine knows. The document as
core.render.footer_notes builds it (the 版记 in the footer of a section that starts on the
next even page) is right in the second case whatever lays it out, and in the third but for
the page number. When LibreOffice is installed, the placement under the text
(core.render.imprint_box) is laid out once, with two bookmarks that LibreOffice's PDF places
on pages: the end of the text (page T) and the 版记. The own-page placement would end on
T+1 (T odd) or T+2 (T even), so the one under the text is used when it keeps the document
to an even number of pages two shorter — which happens exactly in the first case; an odd T
takes the next-page placement. Without LibreOffice, or if it fails, the own-page placement
stands: never misplaced, at worst a sheet longer or a page number short.

One LibreOffice start per export, begun before the rendering so that its start-up overlaps
it (issue 28: the export with a 版记 takes no longer than the one without plus one cold
conversion): both placements come from one rendering, only the under-text one is laid out
(a PDF export lays out both in that one start), and the clerk may cancel while LibreOffice
works.
"""

from __future__ import annotations

import copy
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from core.base.atomic import atomic_write_bytes
from core.base.progress import Progress, progress_or_none
from core.draft.model import Report
from core.office.pdf_pages import PDF_FOR_LAYOUT, destination_pages
from core.ooxml.names import qn
from core.render.engine import (
    FIXUPS_END,
    RenderedDocument,
    TemplateSource,
    package_bytes,
    render_document,
    render_unplaced,
)
from core.render.fonts import DEFAULT_SCHEME
from core.render.imprint_box import IMPRINT_MARK, TEXT_END_MARK, mark_for_layout
from core.render.imprint_placement import (
    IMPRINT_NEXT_PAGE,
    IMPRINT_OWN_PAGE,
    IMPRINT_UNDER_TEXT,
    PLACE_IMPRINT,
)
from core.render.package import read_zip, write_zip
from core.text.gongwen_layout import IMPRINT_FIELDS

if TYPE_CHECKING:
    from core.office.libreoffice import SofficeRun

FIT_TIMEOUT_S = 120.0
# Of an export with a 版记 laid out by LibreOffice: rendering; LibreOffice (which says nothing of
# how far it is: an unmeasured part, shown as busy) is the rest.
_RENDERING_SHARE = 0.5

def has_imprint(report: Report) -> bool:
    return any(getattr(report, name).strip() for name in IMPRINT_FIELDS)


def imprint_under_text_is_right(own_page_pages: int, under_text_pages: int) -> bool:
    """The 版记 under the text is right when the text ends on an even page with room: the
    document then ends there (even), two pages before the own-page placement ends."""
    return under_text_pages % 2 == 0 and own_page_pages == under_text_pages + 2


def own_page_pages(text_end_page: int) -> int:
    """Pages of the own-page placement: its 版记 section starts on the next even page."""
    return text_end_page + 1 if text_end_page % 2 else text_end_page + 2


def layout_probe(under_text: bytes) -> bytes | None:
    """The under-text .docx with the bookmarks of imprint_box.mark_for_layout; None if it has no box."""
    parts = read_zip(under_text)
    root = etree.fromstring(parts["word/document.xml"])
    body = root.find(qn("w:body"))
    if body is None or not mark_for_layout(body):
        return None
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return write_zip(parts.items())


def placement_from_layout(probe_pdf: bytes) -> str | None:
    """From the probe's PDF: where the 版记 goes (IMPRINT_*); None if the PDF says nothing."""
    read = destination_pages(probe_pdf)
    if read is None:
        return None
    pages, marks = read
    text_end, imprint = marks.get(TEXT_END_MARK), marks.get(IMPRINT_MARK)
    if text_end is None or imprint != pages:
        return None
    if imprint_under_text_is_right(own_page_pages(text_end), pages):
        return IMPRINT_UNDER_TEXT
    return IMPRINT_NEXT_PAGE if text_end % 2 else IMPRINT_OWN_PAGE


def under_text_from_layout(probe_pdf: bytes) -> bool | None:
    """From the probe's PDF: whether the 版记 goes under the text; None if the PDF says nothing."""
    placement = placement_from_layout(probe_pdf)
    return None if placement is None else placement == IMPRINT_UNDER_TEXT


def render_placements(
    report: Report, fonts: str | None = DEFAULT_SCHEME, template: TemplateSource = None,
    progress: Progress | None = None,
) -> dict[str, RenderedDocument]:
    """One rendering, packaged once per 版记 placement (the same bytes as ``render_document``
    gives for each)."""
    place = placer(report, fonts=fonts, template=template, progress=progress)
    return {placement: place(placement) for placement in (IMPRINT_UNDER_TEXT, IMPRINT_NEXT_PAGE, IMPRINT_OWN_PAGE)}


def placer(
    report: Report, fonts: str | None = DEFAULT_SCHEME, template: TemplateSource = None,
    progress: Progress | None = None,
) -> Callable[[str], RenderedDocument]:
    """Render once; the function returned packages the document with its 版记 in a given
    placement (IMPRINT_*), as ``render_document`` would, when asked (render_fitted below
    packages the others while LibreOffice lays out the first). ``progress`` hears of the
    rendering and of the first packaging (the others are made while something else is told)."""
    steps = progress_or_none(progress)
    document, warnings = render_unplaced(report, fonts, template, steps)
    untouched = copy.deepcopy(document.element.body)
    packaging = steps.part(FIXUPS_END, 1.0, "正在打包 Word 文档…")
    first = True

    def place(placement: str, for_layout: bool = False) -> RenderedDocument:
        """``for_layout``: with the bookmarks of :func:`layout_probe` (as it would give for the
        document packaged without them), made before packaging; empty data when it has no box."""
        nonlocal first
        current = document.element.body
        current.getparent().replace(current, copy.deepcopy(untouched))
        PLACE_IMPRINT[placement](document)
        if for_layout and not mark_for_layout(document.element.body):
            return RenderedDocument(data=b"", warnings=list(warnings))
        data = package_bytes(document)
        if first:
            packaging.finished()
            first = False
        return RenderedDocument(data=data, warnings=list(warnings))

    return place


class _Layout:
    """The LibreOffice run that lays out an export's placements, in a temporary folder.

    It is started before the rendering, so LibreOffice's start-up (most of a cold
    conversion) overlaps the rendering; each document is written atomically, so LibreOffice
    finds it whole or not at all. If it came to a file before the file was there, that file
    is laid out once more when the first run has ended."""

    def __init__(self, soffice: str, folder: Path, names: tuple[str, ...]) -> None:
        self._soffice = soffice
        self._folder = folder
        self._names = names
        self._run: SofficeRun | None = None

    def start(self, names: tuple[str, ...] | None = None) -> bool:
        """Start laying out ``names`` (all by default); False when LibreOffice cannot start."""
        from core.office import libreoffice  # looked up when used: tests stand in for it

        sources = [self._folder / f"{name}.docx" for name in names or self._names]
        try:
            self._run = libreoffice.start_soffice(
                self._soffice, sources, self._folder, self._folder / "profile", PDF_FOR_LAYOUT, warm=True
            )
        except OSError:
            self._run = None
        return self._run is not None

    def write(self, name: str, data: bytes) -> None:
        # Read by LibreOffice at once and deleted after: no flush to disk on the export's path.
        atomic_write_bytes(self._folder / f"{name}.docx", data, durable=False)

    def pdf(self, name: str) -> bytes | None:
        path = self._folder / f"{name}.pdf"
        return path.read_bytes() if path.is_file() else None

    def finish(self, cancelled: Callable[[], bool]) -> bool:
        """Wait for the layout (Cancelled on the clerk's 取消); False if it ran out of time or
        LibreOffice could not start again for a file it came to too early."""
        if self._run is None:
            return False
        deadline = time.monotonic() + FIT_TIMEOUT_S  # for both runs together
        try:
            self._wait(deadline, cancelled)
            missing = tuple(name for name in self._names if not (self._folder / f"{name}.pdf").is_file())
            if missing and all((self._folder / f"{name}.docx").is_file() for name in missing):
                if not self.start(missing):
                    return False
                self._wait(deadline, cancelled)
        except subprocess.TimeoutExpired:
            return False
        return True

    def stop(self) -> None:
        """No LibreOffice outlives the export it was started for."""
        from core.office import libreoffice

        if self._run is not None:
            libreoffice.stop_soffice(self._run)

    def _wait(self, deadline: float, cancelled: Callable[[], bool]) -> None:
        from core.office import libreoffice

        assert self._run is not None
        libreoffice.finish_soffice(self._run, max(deadline - time.monotonic(), 0.0), cancelled)


def render_fitted(
    report: Report,
    fonts: str | None = DEFAULT_SCHEME,
    template: TemplateSource = None,
    cancelled: Callable[[], bool] | None = None,
    with_pdf: bool = False,
    progress: Progress | None = None,
) -> tuple[RenderedDocument, bytes | None]:
    """The rendered document with its 版记 placed as above, and its PDF when one was made
    (``with_pdf``: always, when LibreOffice works). ``progress`` hears how far it is; its 取消
    (or ``cancelled()`` turning true) stops the work, LibreOffice at once (Cancelled)."""
    from core.office.libreoffice import find_soffice

    steps = progress_or_none(progress, cancelled)
    steps.check()
    soffice = find_soffice()
    if soffice is None or not has_imprint(report):
        return render_document(report, fonts=fonts, template=template, progress=steps), None
    # The other placements laid out in the same LibreOffice start when a PDF is wanted.
    names = (_PROBE, _OWN, _NEXT) if with_pdf else (_PROBE,)
    with tempfile.TemporaryDirectory(prefix="baogao-fit-") as folder:
        layout = _Layout(soffice, Path(folder), names)
        try:
            layout.start()
            return _fit(report, fonts, template, with_pdf, steps, layout)
        finally:
            layout.stop()


_PROBE, _OWN, _NEXT = "probe", "own", "next"


def _fit(
    report: Report, fonts: str | None, template: TemplateSource, with_pdf: bool, steps: Progress,
    layout: _Layout,
) -> tuple[RenderedDocument, bytes | None]:
    place = placer(report, fonts=fonts, template=template, progress=steps.part(0.0, _RENDERING_SHARE))
    # The probe is packaged first and straight from the rendering: LibreOffice, started
    # already, comes to it while the placements are packaged.
    probe = place(IMPRINT_UNDER_TEXT, for_layout=True).data
    if not probe:
        return place(IMPRINT_OWN_PAGE), None
    layout.write(_PROBE, probe)
    steps.check()
    laying_out = steps.part(_RENDERING_SHARE, 1.0, "正在用 LibreOffice 排版（定版记的位置）…", measured=False)
    # Packaged in the order render_placements uses (under the text, next page, then own page):
    # the own-page placement changes more of the document than its body.
    placed = {placement: place(placement) for placement in (IMPRINT_UNDER_TEXT, IMPRINT_NEXT_PAGE, IMPRINT_OWN_PAGE)}
    if with_pdf:
        layout.write(_OWN, placed[IMPRINT_OWN_PAGE].data)
        layout.write(_NEXT, placed[IMPRINT_NEXT_PAGE].data)
    if not layout.finish(laying_out.cancelled):
        return placed[IMPRINT_OWN_PAGE], None
    probe_pdf = layout.pdf(_PROBE)
    if probe_pdf is None:
        return placed[IMPRINT_OWN_PAGE], None
    placement = placement_from_layout(probe_pdf) or IMPRINT_OWN_PAGE
    if placement == IMPRINT_UNDER_TEXT:
        return placed[IMPRINT_UNDER_TEXT], probe_pdf  # laid out as exported (the bookmarks aside)
    return placed[placement], layout.pdf(_NEXT if placement == IMPRINT_NEXT_PAGE else _OWN)


__all__ = [
    "has_imprint",
    "imprint_under_text_is_right",
    "layout_probe",
    "placement_from_layout",
    "placer",
    "render_fitted",
    "render_placements",
    "under_text_from_layout",
]
