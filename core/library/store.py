"""The library of past reports: one API over an index, the kept files and a rebuilder.

- The index (core.library.backend.IndexBackend) holds the rows and answers searches: an
  SQLite file in the per-user data folder by default (core.library.sqlite_index), or the
  office's PostgreSQL server (core.library.postgres, core.library.office).
- The kept files (core.library.files) hold each document's original and its JSON record.
- The rebuilder (core.library.rebuild) makes a local index again from the kept files.

This class plans queries, validates corrections and cuts documents into words (the slow
part, before anything is written); it holds no SQL of its own.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from core.base.errors import SaveFailed
from core.base.paths import data_dir
from core.draft.model import Report, report_from_dict
from core.library.backend import IndexBackend
from core.library.corrections import validate_changes
from core.library.files import ORIGINAL, RECORD, FolderFiles, KeptFiles, record_reasons
from core.library.query import PlannedQuery, QueryPart, plan_literal, plan_query
from core.library.rebuild import Rebuilder
from core.library.records import (
    DB_NAME,
    FILES_DIR_NAME,
    MAX_QUERY_CHARS,
    SOURCE_EXPORT,
    SOURCE_IMPORT,
    AddResult,
    DocumentInfo,
    LibraryError,
    StepProgress,
    _prepare,
    _Prepared,
)
from core.library.search import Filters, SearchHit
from core.library.sqlite_index import SqliteIndex
from core.text import language

__all__ = [
    "DB_NAME",
    "FILES_DIR_NAME",
    "SOURCE_EXPORT",
    "SOURCE_IMPORT",
    "AddResult",
    "DocumentInfo",
    "Library",
    "LibraryError",
]


class Library:
    """Open with ``Library()`` (per-user data folder) or ``Library(folder)``; close when done.

    core.library.office.OfficeLibrary is the office's server library: the same methods, the
    same answers. One object may be shared between threads: each index serialises its calls.
    """

    def __init__(
        self,
        folder: Path | str | None = None,
        progress: Callable[[int, int], None] | None = None,
        *,
        index: IndexBackend | None = None,
        files: KeptFiles | None = None,
    ) -> None:
        """Open (or create) the local library; rebuild it first if the file is damaged.

        A rebuild re-indexes every kept original and can take a minute for a large
        library: open it off the GUI thread. ``progress(done, total)`` reports a rebuild.
        ``index`` and ``files`` given: a library over them (core.library.office).
        """
        self.folder = Path(folder) if folder is not None else data_dir()
        self.path = self.folder / DB_NAME
        self.files_dir = self.folder / FILES_DIR_NAME
        if index is not None and files is not None:
            self.index, self.files = index, files
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        folder_files = FolderFiles(self.files_dir)
        self.files = folder_files
        self.rebuilder = Rebuilder(folder_files, progress)
        self.index = SqliteIndex(self.folder, self.rebuilder)

    # ------------------------------------------------------------------ state

    @property
    def notice(self) -> str | None:
        """Set when the library had to be rebuilt (or works offline); show it once."""
        return self.index.notice

    def take_notice(self) -> str | None:
        """The notice, once: the caller shows it and it is cleared."""
        notice, self.index.notice = self.index.notice, None
        return notice

    def check_integrity(self) -> bool:
        """Check the whole index; True when sound. A damaged local database is rebuilt from
        the kept files, as at opening, and :attr:`notice` says so."""
        return self.index.check_integrity()

    def close(self) -> None:
        self.index.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ------------------------------------------------------------------ adding

    def add_report(
        self,
        report: Report,
        *,
        original: bytes,
        file_name: str,
        source: str = SOURCE_IMPORT,
        progress: StepProgress | None = None,
        cancelled: Callable[[], bool] | None = None,
        reasons: Mapping[str, str] | None = None,
        shared: bool = True,
    ) -> AddResult:
        """Store a document: its original bytes, outline and paragraphs.

        The same file (same bytes) is stored once. An export (``source="export"``) replaces
        an earlier export with the same file name: the clerk re-exported the same report.
        ``progress`` hears (units cut, units in all) while the text is cut into words, the
        long part; ``cancelled()`` turning true then raises Cancelled with nothing written.
        ``reasons`` says why its kind, year, unit and title are what they are (the importer's
        ``guess_reasons``); :meth:`metadata_reasons` reads them back. ``shared=False`` keeps
        it to the clerk's unit on the office server (a local library is the clerk's own).
        """
        prepared = _prepare(report, original, file_name, source, progress, cancelled, reasons)
        if not shared:
            prepared.record["shared"] = False
        return self.store_prepared(prepared, original)

    def store_prepared(self, prepared: _Prepared, original: bytes) -> AddResult:
        """Store a document already cut into words (:meth:`add_report`, a rebuild, an upload)."""
        self.files.keep(prepared, original)
        info, added, replaced = self.index.add(prepared)
        for sha256 in replaced:
            self.files.forget(sha256)
        return AddResult(info, added=added)

    def add_reports(self, items: Iterable[tuple[Report, bytes, str]], source: str = SOURCE_IMPORT) -> int:
        """Bulk add (report, original bytes, file name) in one transaction; returns how many were new."""
        batch = [(_prepare(report, original, file_name, source), original) for report, original, file_name in items]
        self.files.keep_many(batch)
        return self.index.add_many([prepared for prepared, _ in batch])

    def add_document(self, report: Report, path: Path | str, *, source: str = SOURCE_IMPORT) -> AddResult:
        """Store a report together with the file it was imported from or exported to."""
        path = Path(path)
        try:
            original = path.read_bytes()
        except OSError as exc:
            raise LibraryError(
                f"无法把“{path.name}”存入资料库：读取文件失败（{exc.strerror or exc}）。"
            ) from exc
        return self.add_report(report, original=original, file_name=path.name, source=source)

    def add_file(
        self,
        path: Path | str,
        *,
        kind: str | None = None,
        source: str = SOURCE_IMPORT,
        progress: StepProgress | None = None,
        shared: bool = True,
    ) -> AddResult:
        """Import a .docx/.txt/… file (raises ImportFailed in Chinese) and store it;
        ``progress`` and ``shared`` as for :meth:`add_report`."""
        from core.base.errors import ImportFailed
        from core.importing.importer import import_document

        path = Path(path)
        result = import_document(path, kind=kind)
        try:
            original = path.read_bytes()
        except OSError as exc:
            raise ImportFailed(path, f"无法读取文件（{exc.strerror or exc}）。") from exc
        return self.add_report(
            result.report, original=original, file_name=path.name, source=source, progress=progress,
            reasons=result.guess_reasons, shared=shared,
        )

    # ------------------------------------------------------------------ removing and correcting

    def remove(self, document_id: int) -> bool:
        """Remove a document and its kept files; False if there was no such document."""
        # Removing cuts the text into words again (core.library.index): wait for the
        # dictionary here, not while holding the lock that searches need.
        language.ensure_loaded()
        sha256 = self.index.remove(document_id)
        if sha256 is None:
            return False
        self.files.forget(sha256)
        return True

    def update_metadata(self, document_ids: Sequence[int], changes: Mapping[str, object]) -> int:
        """Set kind, year, unit and/or title (the keys of ``changes``) of these documents.

        One transaction: every document changes or none does. The index's filter tokens
        follow at once (a changed kind or year is searched under its new value), and each
        kept record is rewritten atomically, so a rebuild keeps the correction. Returns how
        many documents were changed; raises LibraryError with a Chinese message.
        """
        values = validate_changes(changes)
        ids = list(dict.fromkeys(int(i) for i in document_ids))
        if not values or not ids:
            return 0
        if "kind" in values or "year" in values:
            language.ensure_loaded()  # the index's rows are cut again (core.library.index)
        written: list[tuple[str, str]] = []  # kept records as they were, put back on failure

        def put_back() -> None:
            for sha256, old in written:
                self.files.put_back(sha256, old)
            written.clear()

        try:
            return self.index.update_metadata(ids, values, lambda sha256: written.append(self.files.correct(sha256, values)))
        except LibraryError:
            put_back()
            raise
        except (OSError, SaveFailed) as exc:
            put_back()
            reason = str(getattr(exc, "reason", None) or getattr(exc, "strerror", None) or exc).rstrip("。")
            raise LibraryError(f"无法保存修改（{reason}），资料库未作改动。请检查磁盘空间和权限后重试。") from exc
        except BaseException:
            put_back()
            raise

    def metadata_reasons(self, document_id: int) -> dict[str, str]:
        """Why the document's kind, year, unit and title are what they are ({} when not recorded)."""
        try:
            return record_reasons(self._kept_file(document_id, RECORD))
        except LibraryError:
            return {}

    # ------------------------------------------------------------------ reading

    def documents(self) -> list[DocumentInfo]:
        """Every stored document, newest year first."""
        return self.index.documents()

    def document(self, document_id: int) -> DocumentInfo | None:
        return self.index.document(document_id)

    def text_digests(self) -> dict[str, int]:
        """Digest of each stored document's normalised text → its id (see core.library.bulk)."""
        return self.index.text_digests()

    def _kept_file(self, document_id: int, suffix: str) -> bytes:
        sha256 = self.index.sha256_of(document_id)
        if sha256 is None:
            raise LibraryError("资料库中没有这份文档，可能已被删除。")
        return self.files.read(sha256, suffix)

    def report(self, document_id: int) -> Report:
        """The stored outline as a Report (e.g. to open a past report beside the draft)."""
        try:
            return report_from_dict(json.loads(self._kept_file(document_id, RECORD))["outline"])
        except (ValueError, KeyError, TypeError) as exc:
            raise LibraryError("资料库保存的这份文档的记录已损坏。请在“管理资料库”中删除它后重新添加。") from exc

    def original(self, document_id: int) -> bytes:
        return self._kept_file(document_id, ORIGINAL)

    def facets(self) -> dict[str, list[object]]:
        """Values present for the filters: {"kind": [...], "year": [...], "unit": [...]}, and
        ``"documents": [count]`` — a library whose documents have no year or unit is not empty."""
        return self.index.facets()

    def search(
        self,
        query: str,
        *,
        kind: str | None = None,
        year: int | None = None,
        unit: str | None = None,
        limit: int = 20,
        wait: bool = True,
    ) -> list[SearchHit]:
        """Paragraphs matching ``query``, best first (see :mod:`core.library.query` for the syntax).

        Ranked over jieba words (BM25 locally, ts_rank_cd on the server). Until the
        dictionary has loaded, ``wait=False`` answers at once from a scan for the literal text
        (the newest paragraphs holding it) instead of waiting; ``wait=True`` waits for the
        load already under way (about a second after start-up) and no longer.
        """
        if not query.strip() or limit <= 0:
            return []
        if len(query) > MAX_QUERY_CHARS:
            raise LibraryError(
                f"检索词太长（{len(query)} 字）。最多 {MAX_QUERY_CHARS} 字：请输入几个关键词，而不是整段文字。"
            )
        filters = Filters(kind=kind or None, year=year, unit=unit or None)
        if not wait and not language.is_loaded():
            return self.index.literal(plan_literal(query), filters, limit, True)
        plan = plan_query(query)
        if plan.expression is None:
            return self.index.literal(plan, filters, limit, False)
        return self.index.ranked(plan, filters, limit)

    # ------------------------------------------------------------------ for suggestions

    def paragraph_count(self) -> int:
        return self.index.paragraph_count()

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """How many paragraphs contain each term (as an index token of the body)."""
        return self.index.document_frequencies(terms)

    def related_paragraphs(
        self,
        terms: Sequence[str],
        *,
        heading_weight: float = 3.0,
        kind: str | None = None,
        exclude_document: int | None = None,
        limit: int = 5,
    ) -> list[SearchHit]:
        """Body paragraphs matching any of ``terms`` in their text or section headings.

        Matches in the headings count ``heading_weight`` times: a paragraph under a heading
        like the clerk's is what they are looking for. Ranked among the newest matches
        (:data:`core.library.search.CANDIDATES`), as a search is.
        """
        unique = list(dict.fromkeys(t for t in terms if t))
        if not unique:
            return []
        plan = PlannedQuery(
            parts=tuple(QueryPart(t, False) for t in unique),
            expression=None,
            literal=(),
            highlights=tuple((t, (t,)) for t in unique),
        )
        return self.index.related(plan, unique, heading_weight, kind, exclude_document, limit)

