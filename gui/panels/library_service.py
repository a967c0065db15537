"""The library of past reports and the word segmenter, kept off the GUI thread.

:class:`LanguageWatcher` starts loading jieba in a background thread (only once the main
window is on screen) and says when it is ready. :class:`LibraryService` opens the library
in a worker thread (a damaged file may need rebuilding, which takes a while), runs
searches and suggestions in a second one (a search never waits behind a write), and stores
imported and exported documents in the first. Results come back as Qt signals, delivered
on the GUI thread. Failures of background work are written to the log and reported by a
signal for the status bar, never as a crash dialog.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from gui.panels.panel_base import ObjectLife

if TYPE_CHECKING:
    from core.draft.model import Report, Section
    from core.library import Library
    from core.library.postgres import ServerSettings

LANGUAGE_POLL_MS = 100


class LanguageWatcher(QObject):
    """Loads the jieba dictionary in a background thread; ``ready`` when it can be used."""

    ready = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._errors: list[BaseException] = []
        self._started = False
        self._timer = QTimer(self)
        self._timer.setInterval(LANGUAGE_POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def is_ready(self) -> bool:
        from core.text import language

        return language.is_loaded()

    def start(self) -> None:
        """Begin loading (once); ``ready`` follows even if the load was already done."""
        if self._started:
            return
        self._started = True
        from core.text import language

        if not language.is_loaded():
            # The loader thread only records the outcome; the poll below reports it here.
            language.start_background_load(lambda error: self._errors.append(error) if error else None)
        self._timer.start()
        self._poll()

    def _poll(self) -> None:
        from core.text import language

        if language.is_loaded():
            self._timer.stop()
            self.ready.emit()
        elif self._errors:
            self._timer.stop()
            self.failed.emit(str(self._errors[0]))


# Seconds after opening before the library's integrity check: start-up (the dictionary, the
# first search) is over by then and does not share the two cores with it.
INTEGRITY_CHECK_DELAY_S = 8.0


class LibraryService(QObject):
    """The per-user library, used from worker threads; every method returns at once."""

    opened = Signal(str)  # the rebuild notice ("" when none): the library can be searched
    rebuilding = Signal(int, int)  # documents re-indexed so far, of how many (upgrade or repair)
    failed = Signal(str)  # the library could not be opened (Chinese message)
    searched = Signal(int, object)  # request number, list[SearchHit]
    suggested = Signal(int, object)  # request number, core.reuse.suggest.Suggestions
    facetsChanged = Signal(object)  # {"kind": [...], "year": [...], "unit": [...]}
    stored = Signal(str, str)  # file name, "" or the Chinese message of a failure
    noticed = Signal(str)  # something to tell once: the server went away, or came back

    def __init__(self, folder: Path, parent: QObject | None = None, server: ServerSettings | None = None) -> None:
        super().__init__(parent)
        # The folder and the server are fixed now, on the GUI thread: the workers never read settings.
        self.folder = folder
        self.server = server  # None: the local library in ``folder``
        self.library: Library | None = None
        self.error = ""
        self._writes = ThreadPoolExecutor(1, thread_name_prefix="baogao-library-write")
        self._reads = ThreadPoolExecutor(1, thread_name_prefix="baogao-library-read")
        self._opening: Future[Library | None] | None = None
        self._pending_lock = threading.Lock()
        self._pending: dict[str, tuple[int, Callable[[Library], Any], Signal]] = {}
        self._serial = 0
        self._closed = False
        # Workers emit under the lock that ``destroyed`` takes first: never while Qt deletes us.
        self._life = ObjectLife()
        self.destroyed.connect(self._life.end)

    # ---- plumbing -------------------------------------------------------------------------

    def _emit(self, signal_name: str, *args: object) -> None:
        """Emit from a worker thread; Qt queues it to the GUI thread. Nothing once closed or
        deleted (checked and emitted under the lock the deletion waits for)."""
        if not self._closed:
            self._life.emit(getattr(self, signal_name), *args)

    def open(self) -> None:
        """Open the library in the background (once); ``opened`` or ``failed`` follows."""
        if self._opening is None and not self._closed:
            self._opening = self._writes.submit(self._open)

    @property
    def is_open(self) -> bool:
        return self.library is not None

    def _open(self) -> Library | None:
        from core.base.crashlog import write_crash_log
        from core.base.errors import ReportError
        from core.library import Library

        try:
            if self.server is not None:
                from core.library.office import OfficeLibrary

                library: Library = OfficeLibrary(self.server)
            else:
                library = Library(self.folder, progress=lambda done, total: self._emit("rebuilding", done, total))
        except ReportError as exc:
            self.error = str(exc)
            self._emit("failed", self.error)
            return None
        except Exception as exc:  # logged, and the app goes on without a library
            write_crash_log(exc)
            self.error = f"无法打开资料库（{exc}）。详细情况已写入日志。"
            self._emit("failed", self.error)
            return None
        self.library = library
        self._emit("opened", library.take_notice() or "")
        self._emit_facets(library)
        self._check_later(library)
        return library

    def reconfigure(self, server: ServerSettings | None) -> None:
        """Use another library (资料库 ▸ 设置): the office server, or the local one for None.
        What is being stored is finished first; ``opened`` or ``failed`` follows."""
        previous = self._opening

        def switch() -> Library | None:
            if previous is not None:
                previous.result()
            if self.library is not None:
                self.library.close()
                self.library = None
            self.server, self.error = server, ""
            return self._open()

        self._opening = self._writes.submit(switch)

    def _tell(self, library: Library) -> None:
        """Pass on what the library has to say once (offline, back online)."""
        notice = library.take_notice()
        if notice:
            self._emit("noticed", notice)

    def _check_later(self, library: Library) -> None:
        """The whole-database check (PRAGMA quick_check: about two seconds for 10,000 reports)
        once start-up is over, in a thread of its own: searches go on meanwhile (its own
        connection), closing the window does not wait for it. Damage found is repaired and
        told as at opening."""

        def check() -> None:
            from core.base.crashlog import write_crash_log
            from core.base.errors import ReportError

            if self._closed:
                return
            try:
                sound = library.check_integrity()
            except ReportError as exc:
                self._emit("failed", str(exc))
                return
            except Exception as exc:  # logged; the library goes on as it is
                write_crash_log(exc)
                return
            if not sound and not self._closed:
                self._emit("opened", library.take_notice() or "")
                self._emit_facets(library)

        timer = threading.Timer(INTEGRITY_CHECK_DELAY_S, check)
        timer.name, timer.daemon = "baogao-library-check", True
        timer.start()

    def request_facets(self) -> None:
        """Send ``facetsChanged`` again, read on the read thread (for a panel made later)."""
        self.open()

        def job() -> None:
            library = self._wait_open()
            if library is not None:
                self._emit_facets(library)

        self._reads.submit(job)

    def _emit_facets(self, library: Library) -> None:
        try:
            self._emit("facetsChanged", library.facets())
        except Exception as exc:
            from core.base.crashlog import write_crash_log

            write_crash_log(exc)

    def _wait_open(self) -> Library | None:
        self.open()
        return self._opening.result() if self._opening is not None else None

    def _latest(self, key: str, serial: int, job: Callable[[Library], Any], signal_name: str) -> None:
        """Queue ``job`` on the read thread; only the newest job of each ``key`` runs."""
        with self._pending_lock:
            self._pending[key] = (serial, job, signal_name)  # type: ignore[assignment]
        self._reads.submit(self._run_latest, key)

    def _run_latest(self, key: str) -> None:
        with self._pending_lock:
            taken = self._pending.pop(key, None)
        if taken is None or self._closed:
            return  # a newer request already ran, or the window is closing
        serial, job, signal_name = taken
        library = self._wait_open()
        if library is None:
            return
        try:
            result = job(library)
        except Exception as exc:
            from core.base.crashlog import write_crash_log

            write_crash_log(exc)
            result = []
        self._tell(library)
        self._emit(str(signal_name), serial, result)

    # ---- searching --------------------------------------------------------------------------

    def search(
        self, query: str, *, kind: str | None = None, year: int | None = None, unit: str | None = None,
        limit: int = 30,
    ) -> int:
        """Search in the background (never waiting for jieba); ``searched(number, hits)`` follows."""
        self._serial += 1

        def job(library: Library) -> object:
            return library.search(query, kind=kind, year=year, unit=unit, limit=limit, wait=False)

        self._latest("search", self._serial, job, "searched")
        return self._serial

    def suggest(self, report: Report, section: Section) -> int:
        """Keywords and similar past paragraphs for ``section`` (pass copies: the worker reads
        them while the clerk types on); ``suggested(number, suggestions)`` follows."""
        self._serial += 1

        def job(library: Library) -> object:
            from core.reuse.suggest import suggest_for_section

            return suggest_for_section(report, section, library)

        self._latest("suggest", self._serial, job, "suggested")
        return self._serial

    # ---- storing ----------------------------------------------------------------------------

    def add_document(self, report: Report, path: Path, source: str) -> Future[None]:
        """Store an imported or exported document in the background; ``stored`` follows."""
        self.open()
        return self._writes.submit(self._add, report, path, source)

    def _add(self, report: Report, path: Path, source: str) -> None:
        from core.base.crashlog import write_crash_log
        from core.base.errors import ReportError

        library = self._wait_open()
        if library is None:
            self._emit("stored", path.name, self.error or "资料库无法打开。")
            return
        try:
            library.add_document(report, path, source=source)
        except ReportError as exc:
            write_crash_log(exc)
            self._emit("stored", path.name, str(exc))
            return
        except Exception as exc:  # logged; the clerk's work is not affected
            write_crash_log(exc)
            self._emit("stored", path.name, f"未能存入资料库（{exc}）。详细情况已写入日志。")
            return
        self._tell(library)
        self._emit("stored", path.name, "")
        self._emit_facets(library)

    def add_files(self, paths: list[Path], progress: Any, cancel: threading.Event) -> Future[Any]:
        """Import and store many files on the write thread (core.library.bulk); ``progress``
        is called from that thread with (done, total, name); ``cancel`` stops between files."""
        self.open()

        def job() -> Any:
            from core.library.bulk import BulkResult, add_files

            library = self._wait_open()
            if library is None:
                return BulkResult(failed=[("资料库", self.error or "资料库无法打开。")])
            result = add_files(library, paths, progress=progress, cancelled=cancel.is_set)
            self._tell(library)
            self._emit_facets(library)
            return result

        return self._writes.submit(job)

    def remove_document(self, document_id: int) -> Future[bool]:
        """Take a document out of the library (its kept original too)."""
        self.open()

        def job() -> bool:
            library = self._wait_open()
            if library is None:
                return False
            removed = library.remove(document_id)
            self._emit_facets(library)
            return removed

        return self._writes.submit(job)

    def update_metadata(self, document_ids: list[int], changes: dict[str, object]) -> Future[int]:
        """Correct kind/year/unit/title of documents on the write thread (raises LibraryError
        through the future); the filters' values follow by ``facetsChanged``."""
        self.open()

        def job() -> int:
            from core.library import LibraryError

            library = self._wait_open()
            if library is None:
                raise LibraryError(self.error or "资料库无法打开。")
            changed = library.update_metadata(document_ids, changes)
            self._emit_facets(library)
            return changed

        return self._writes.submit(job)

    def metadata_reasons(self, document_id: int) -> Future[dict[str, str]]:
        """Why a document's kind, year, unit and title are what they are, read on the read thread."""
        self.open()

        def job() -> dict[str, str]:
            library = self._wait_open()
            return library.metadata_reasons(document_id) if library is not None else {}

        return self._reads.submit(job)

    def documents(self) -> Future[Any]:
        """Every stored document (DocumentInfo list), read on the read thread."""
        self.open()
        return self._reads.submit(lambda: (self._wait_open() and self._wait_open().documents()) or [])

    # ---- closing ----------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Finish what is being stored, drop pending searches, close the database."""
        if self._closed:
            return
        with self._pending_lock:
            self._pending.clear()
        self._reads.shutdown(wait=True, cancel_futures=True)
        self._writes.shutdown(wait=True)  # documents being stored are finished, not lost
        self._closed = True
        if self.library is not None:
            self.library.close()
            self.library = None
