"""What the library asks of an index, whichever holds it: the embedded SQLite file
(core.library.sqlite_index) or the office's PostgreSQL server (core.library.postgres).

:class:`core.library.store.Library` is composed of one index, the kept files
(core.library.files) and, for a local library, the rebuilder (core.library.rebuild); it
plans queries, validates corrections and shapes nothing itself that an index could get
wrong, so both indexes answer the same API the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol

from core.library.query import PlannedQuery
from core.library.records import DocumentInfo, _Prepared
from core.library.search import Filters, SearchHit


class IndexBackend(Protocol):
    notice: str | None  # something the clerk should be told once (a rebuild, working offline)

    def add(self, prepared: _Prepared) -> tuple[DocumentInfo, bool, list[str]]:
        """(its row, whether it is new, SHA-256 of earlier exports it replaced)."""
        ...

    def add_many(self, batch: Sequence[_Prepared]) -> int: ...

    def remove(self, document_id: int) -> str | None: ...

    def update_metadata(
        self, document_ids: Sequence[int], values: Mapping[str, object], correct: Callable[[str], object]
    ) -> int: ...

    def documents(self) -> list[DocumentInfo]: ...

    def document(self, document_id: int) -> DocumentInfo | None: ...

    def sha256_of(self, document_id: int) -> str | None: ...

    def text_digests(self) -> dict[str, int]: ...

    def facets(self) -> dict[str, list[object]]: ...

    def ranked(self, plan: PlannedQuery, filters: Filters, limit: int) -> list[SearchHit]: ...

    def literal(self, plan: PlannedQuery, filters: Filters, limit: int, newest_first: bool) -> list[SearchHit]: ...

    def related(
        self,
        plan: PlannedQuery,
        terms: Sequence[str],
        heading_weight: float,
        kind: str | None,
        exclude_document: int | None,
        limit: int,
    ) -> list[SearchHit]: ...

    def paragraph_count(self) -> int: ...

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]: ...

    def check_integrity(self) -> bool: ...

    def close(self) -> None: ...
