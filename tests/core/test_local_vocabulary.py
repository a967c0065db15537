"""scripts/build_local_vocabulary.py: the 机关 words a guessed correction may be, counted by document."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import build_local_vocabulary


def test_a_word_counts_once_per_document_and_only_dictionary_words_count(tmp_path: Path) -> None:
    reports = [
        "所有申请均已按时答复，答复率100%。馆藏档案增加。",
        "依申请公开均按时答复。",
        "群众来信全部答复办结，馆藏增加。",
    ]
    paths = []
    for number, text in enumerate(reports):
        path = tmp_path / f"r{number}.txt"
        path.write_text(text, encoding="gb18030" if number == 1 else "utf-8")  # either encoding is read
        paths.append(path)
    counts = build_local_vocabulary.document_counts(paths)
    assert counts["答复"] == 3  # three documents, though one writes it twice
    assert counts["馆藏"] == 2
    assert "答复率" not in counts and "100" not in counts  # no dictionary word of two to four Han characters


def test_the_shipped_vocabulary_holds_words_no_official_count_has() -> None:
    vocabulary = build_local_vocabulary.TARGET.read_text(encoding="utf-8")
    words = {word for line in vocabulary.splitlines() if not line.startswith("#") for word in line.split()}
    known = build_local_vocabulary.listed_words(build_local_vocabulary.RESOURCES / "report_vocabulary.txt")
    assert {"答复", "迁建", "必修课"} <= words and not words & known
