"""The office's library on its PostgreSQL server, as the clerk's app uses it: online when the
server answers, on a local copy when it does not.

:class:`OfficeLibrary` is a :class:`core.library.store.Library` over the server's index and
kept files (core.library.postgres), with two local companions in the cache folder:

- a local library (SQLite, the same code as the embedded one) holding every document this
  app added or downloaded — what it has seen. When the server cannot be reached the app
  says so once (:attr:`notice`) and searches that copy instead;
- a queue of documents added while offline (their originals and records, as the local
  library keeps them). Every call tries the server again after :data:`RETRY_S`; once it
  answers, the queue is sent, each document only if the server has no text with the same
  digest (core.library.records.text_digest), and the clerk is told how many went up.

Removing and correcting need the server: offline they are refused with a clear message.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from core.base.paths import data_dir
from core.draft.model import Report
from core.library.files import FolderFiles
from core.library.postgres.connection import ServerConnection, ServerSettings, Unreachable
from core.library.postgres.files import ServerFiles
from core.library.postgres.index import PostgresIndex
from core.library.postgres.library import connect_checked
from core.library.rebuild import Rebuilder, prepared_from_kept
from core.library.records import SOURCE_IMPORT, AddResult, DocumentInfo, LibraryError, _Prepared, text_digest
from core.library.search import SearchHit
from core.library.store import Library

T = TypeVar("T")

RETRY_S = 15.0  # how often, while offline, a call tries the server again
QUEUE_DIR_NAME = "to_send"
CACHE_DIR_NAME = "office_library"


def default_cache_folder(settings: ServerSettings) -> Path:
    """One cache per server, database and user, in the per-user data folder."""
    key = hashlib.sha256(settings.label().encode("utf-8")).hexdigest()[:12]
    return data_dir() / CACHE_DIR_NAME / key


def offline_notice(settings: ServerSettings) -> str:
    """Short enough for the status bar; the technical reason goes to the log."""
    return (
        f"办公室资料库服务器（{settings.host}）连不上，现在检索本机保存的副本；"
        "新收入的文档先存在本机，连上后自动送上去。"
    )


class OfficeLibrary(Library):
    def __init__(self, settings: ServerSettings, cache_folder: Path | str | None = None) -> None:
        self.settings = settings
        folder = Path(cache_folder) if cache_folder is not None else default_cache_folder(settings)
        self.cache = Library(folder / "copy")
        self.queue = FolderFiles(folder / QUEUE_DIR_NAME)
        self._last_try = 0.0
        self.online = False
        self._offline = False  # switched to the local copy (and told the clerk)
        # The window reads and writes from two threads: one of them switches, the other follows.
        self._switching = threading.RLock()
        self._server: ServerConnection | None = None
        super().__init__(folder, index=self.cache.index, files=self.cache.files)
        self.cache.index.notice = None
        try:
            self._go_online(connect_checked(settings))
        except Unreachable as exc:
            self._go_offline(exc)
        except BaseException:  # refused, or no library there: nothing stays open
            self.cache.close()
            raise

    # ------------------------------------------------------------------ online or not

    def _go_online(self, server: ServerConnection) -> None:
        self._server = server
        self.index = PostgresIndex(server)
        self.files = ServerFiles(server)
        self.online, self._offline = True, False
        sent = self.send_queued()
        if sent:
            self.index.notice = f"已连上办公室资料库服务器，离线时收入的 {sent} 份文档已送上服务器。"

    def _go_offline(self, exc: Unreachable) -> None:
        from core.base.crashlog import write_crash_log

        with self._switching:
            self._last_try = time.monotonic()
            if self._server is not None:
                self._server.close()
            self._server = None
            if self._offline:
                return  # the other thread switched already, and said so
            self.online, self._offline = False, True
            self.index = self.cache.index
            self.files = self.cache.files
            self.index.notice = offline_notice(self.settings)  # said once: take_notice clears it
        write_crash_log(exc)  # why, for the IT staff (best effort: never raises)

    def _retry(self) -> None:
        if self.online or time.monotonic() - self._last_try < RETRY_S:
            return
        with self._switching:
            if self.online or time.monotonic() - self._last_try < RETRY_S:
                return  # the other thread tried meanwhile
            self._last_try = time.monotonic()
            try:
                server = connect_checked(self.settings)
            except LibraryError:  # still away (or refusing): stay on the local copy
                return
            self._go_online(server)

    def _guarded(self, action: Callable[[], T]) -> T:
        """Run on the server; when it cannot be reached, switch to the local copy and run there."""
        self._retry()
        if self.online:
            try:
                return action()
            except Unreachable as exc:
                self._go_offline(exc)
        return action()

    def _online_only(self, action: Callable[[], T], what: str) -> T:
        self._retry()
        if self.online:
            try:
                return action()
            except Unreachable as exc:
                self._go_offline(exc)
        raise LibraryError(f"暂时连不上办公室资料库服务器，不能{what}。请连上服务器后再试。")

    # ------------------------------------------------------------------ adding

    def store_prepared(self, prepared: _Prepared, original: bytes) -> AddResult:
        self._retry()
        if self.online:
            try:
                result = super().store_prepared(prepared, original)
            except Unreachable as exc:
                self._go_offline(exc)
            else:
                self._remember(prepared, original)
                return result
        self.queue.keep(prepared, original)
        return self.cache.store_prepared(prepared, original)

    def add_reports(self, items: Iterable[tuple[Report, bytes, str]], source: str = SOURCE_IMPORT) -> int:
        return sum(
            1 for report, original, name in items
            if self.add_report(report, original=original, file_name=name, source=source).added
        )

    def _remember(self, prepared: _Prepared, original: bytes) -> None:
        """Keep what was sent in the local copy too, for searching offline."""
        with contextlib.suppress(LibraryError):
            self.cache.store_prepared(prepared, original)

    @contextlib.contextmanager
    def _queue_lock(self) -> Iterator[None]:
        """One sender at a time among this clerk's processes (two windows, the command line)."""
        self.queue.folder.mkdir(parents=True, exist_ok=True)
        with open(self.queue.folder / ".lock", "a+") as handle:
            if os.name == "nt":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
                try:
                    yield
                finally:
                    handle.seek(0)
                    msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
            else:
                import fcntl

                fcntl.flock(handle, fcntl.LOCK_EX)  # released when the file is closed
                yield

    def send_queued(self) -> int:
        """Send what was added offline; each document once (by text digest). Returns how many
        were new on the server; what could not be sent stays queued."""
        if not self.online or not self.queue.records():
            return 0
        sent = 0
        with self._queue_lock():
            known = set(self.index.text_digests())

            def send(prepared: _Prepared, original: bytes) -> None:
                nonlocal sent
                digest = text_digest(prepared.text)
                if digest not in known:
                    self.files.keep(prepared, original)
                    _info, added, _ = self.index.add(prepared)
                    sent += int(added)
                    known.add(digest)
                self.queue.forget(prepared.sha256)

            try:
                Rebuilder(self.queue).restore(send)
            except Unreachable as exc:
                self._go_offline(exc)
        return sent

    def queued(self) -> int:
        """How many documents wait to be sent."""
        return len(self.queue.records())

    # ------------------------------------------------------------------ moving whole libraries

    def upload(
        self, local: Library, progress: Callable[[int, int], None] | None = None, shared: bool = True
    ) -> tuple[int, int]:
        """Send every document of a local library to the server, with ``progress(done, total)``;
        returns (sent, already there) — the same text already on the server is not sent again.
        ``shared=False`` keeps them to the clerk's unit."""
        if not isinstance(local.files, FolderFiles):
            raise LibraryError("只能上传本机资料库。")
        known = set(self._online_only(self.index.text_digests, "上传资料库"))
        counts = [0, 0]

        def send(prepared: _Prepared, original: bytes) -> None:
            digest = text_digest(prepared.text)
            if digest in known:
                counts[1] += 1
                return
            if not shared:
                prepared.record["shared"] = False
            self.files.keep(prepared, original)
            _info, added, _ = self.index.add(prepared)
            self._remember(prepared, original)
            counts[0 if added else 1] += 1
            known.add(digest)

        restored = Rebuilder(local.files, progress).restore(send)
        if progress is not None:
            progress(restored.restored + restored.skipped, restored.restored + restored.skipped)
        return counts[0], counts[1]

    def download(self, into: Library, progress: Callable[[int, int], None] | None = None) -> int:
        """Copy every document this clerk may see on the server into ``into`` (a local library,
        or :attr:`cache`), with ``progress(done, total)``; returns how many were new there."""
        documents = self._online_only(self.index.documents, "下载资料库")
        have = set(into.text_digests())
        digests = {doc_id: digest for digest, doc_id in self.index.text_digests().items()}
        new = 0
        for done, doc in enumerate(documents):
            if progress is not None:
                progress(done, len(documents))
            if digests.get(doc.id) in have:
                continue
            prepared, original = prepared_from_kept(
                self.files.read(doc.sha256, ".json"), self.files.read(doc.sha256, "")
            )
            new += int(into.store_prepared(prepared, original).added)
        if progress is not None:
            progress(len(documents), len(documents))
        return new

    # ------------------------------------------------------------------ everything else: server, or the copy

    def remove(self, document_id: int) -> bool:
        def remove() -> bool:
            sha256 = self.index.sha256_of(document_id)
            removed = Library.remove(self, document_id)
            for doc_id in self._cached_ids([sha256]):
                with contextlib.suppress(LibraryError):
                    self.cache.remove(doc_id)
            return removed

        return self._online_only(remove, "删除文档")

    def update_metadata(self, document_ids: Sequence[int], changes: Mapping[str, object]) -> int:
        def update() -> int:
            shas = [self.index.sha256_of(int(i)) for i in document_ids]
            changed = Library.update_metadata(self, document_ids, changes)
            cached = self._cached_ids(shas)
            if cached:  # the local copy follows, so that an offline search finds it the same way
                with contextlib.suppress(LibraryError):
                    self.cache.update_metadata(cached, changes)
            return changed

        return self._online_only(update, "修改文档信息")

    def _cached_ids(self, shas: Iterable[str | None]) -> list[int]:
        wanted = {sha for sha in shas if sha}
        return [doc.id for doc in self.cache.documents() if doc.sha256 in wanted]

    def documents(self) -> list[DocumentInfo]:
        return self._guarded(super().documents)

    def document(self, document_id: int) -> DocumentInfo | None:
        return self._guarded(lambda: super(OfficeLibrary, self).document(document_id))

    def text_digests(self) -> dict[str, int]:
        return self._guarded(super().text_digests)

    def facets(self) -> dict[str, list[object]]:
        return self._guarded(super().facets)

    def search(self, query: str, **options: object) -> list[SearchHit]:  # type: ignore[override]
        return self._guarded(lambda: super(OfficeLibrary, self).search(query, **options))  # type: ignore[arg-type]

    def paragraph_count(self) -> int:
        return self._guarded(super().paragraph_count)

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        wanted = list(terms)
        return self._guarded(lambda: super(OfficeLibrary, self).document_frequencies(wanted))

    def related_paragraphs(self, terms: Sequence[str], **options: object) -> list[SearchHit]:  # type: ignore[override]
        return self._guarded(lambda: super(OfficeLibrary, self).related_paragraphs(terms, **options))  # type: ignore[arg-type]

    def report(self, document_id: int) -> Report:
        return self._guarded(lambda: super(OfficeLibrary, self).report(document_id))

    def original(self, document_id: int) -> bytes:
        return self._guarded(lambda: super(OfficeLibrary, self).original(document_id))

    def metadata_reasons(self, document_id: int) -> dict[str, str]:
        return self._guarded(lambda: super(OfficeLibrary, self).metadata_reasons(document_id))

    def check_integrity(self) -> bool:
        return self._guarded(super().check_integrity)

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
        self.cache.close()
