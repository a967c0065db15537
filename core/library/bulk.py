"""Filling the library from files and folders: ten years of reports in one go.

Each file is imported (core.importing), its text compared with what the library holds —
the same report saved as .doc, .docx and .txt is one document, kept once — and stored.
Progress is reported within each file (reading it is the first tenth of its share, cutting
its text into words the rest) and the clerk can cancel at any step: the file under way is then
not stored at all. A file that cannot be read is listed with its reason and the rest go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from core.base.errors import Cancelled, ReportError
from core.library.records import text_digest
from core.library.store import SOURCE_IMPORT, Library
from core.office import formats
from core.text.plaintext import report_text

MAX_FILES = 5000  # a folder bigger than this is not a folder of reports

Progress = Callable[[float, int, str], None]  # files done (a fraction within one), total, file name
READING_SHARE = 0.1  # of one file's progress: reading it; cutting its words is the rest


@dataclass
class BulkResult:
    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # same text as a document already stored
    failed: list[tuple[str, str]] = field(default_factory=list)  # file name, reason in Chinese
    cancelled: bool = False

    def summary(self) -> str:
        parts = [f"新增 {len(self.added)} 份"]
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} 份与已有文档相同，未重复收入")
        if self.failed:
            parts.append(f"{len(self.failed)} 份无法读取")
        text = "，".join(parts) + "。"
        return ("已取消；" + text) if self.cancelled else text


def report_files(folder: Path | str) -> list[Path]:
    """Files in ``folder`` and below that the importer reads, in name order (temp files of
    Word such as ~$报告.docx and hidden files left out)."""
    found: list[Path] = []
    for path in sorted(Path(folder).rglob("*")):
        if len(found) >= MAX_FILES:
            break
        if path.is_file() and path.suffix.lower() in formats.SUPPORTED_SUFFIXES and not path.name.startswith(("~$", ".")):
            found.append(path)
    return found


def add_files(
    library: Library,
    paths: Iterable[Path | str],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BulkResult:
    """Import and store each file; same text as a stored document (or an earlier file of
    this batch) counts as a duplicate and is not stored again."""
    from core.importing.importer import import_document

    files = [Path(p) for p in paths]
    seen = set(library.text_digests())
    result = BulkResult()
    for done, path in enumerate(files):
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        if progress is not None:
            progress(done, len(files), path.name)
        def step(cut: int, units: int, done: int = done, name: str = path.name) -> None:
            if progress is not None:
                progress(done + READING_SHARE + (1 - READING_SHARE) * cut / max(units, 1), len(files), name)

        try:
            imported = import_document(path, cancelled=cancelled)
            digest = text_digest(report_text(imported.report))
            if digest in seen:
                result.duplicates.append(path.name)
                continue
            library.add_report(
                imported.report,
                original=path.read_bytes(),
                file_name=path.name,
                source=SOURCE_IMPORT,
                progress=step,
                cancelled=cancelled,
                reasons=imported.guess_reasons,
            )
        except Cancelled:
            result.cancelled = True
            break
        except ReportError as exc:
            result.failed.append((path.name, str(exc)))
            continue
        except OSError as exc:
            result.failed.append((path.name, f"无法读取文件（{exc.strerror or exc}）。"))
            continue
        seen.add(digest)
        result.added.append(path.name)
    if progress is not None and not result.cancelled:
        progress(len(files), len(files), "")
    return result
