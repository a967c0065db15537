"""The same seeds in other shapes import to the same outline: hard-wrapped PDF text,
GB18030 text files, and .docx with typed or Word-generated numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.importing.cleanup import display_width
from core.importing.importer import import_document, parse_text
from core.importing.outline_text import outline_lines
from core.text.plaintext import report_paragraphs
from tests.conftest import SEED_NAMES, seed_path

KEYS = sorted(SEED_NAMES)


def wrap(paragraph: str, width: float, indent: bool) -> list[str]:
    """Hard-wrap like a PDF copy: fixed display width, optional 2-space paragraph indent."""
    lines: list[str] = []
    current = "\u3000\u3000" if indent else ""
    for ch in paragraph:
        if display_width(current + ch) > width:
            lines.append(current)
            current = ""
        current += ch
    lines.append(current)
    return lines


def reference(key: str) -> tuple[list[str], list[str]]:
    report = parse_text(seed_path(key).read_text(encoding="utf-8")).report
    return outline_lines(report), report_paragraphs(report)


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize(("width", "indent"), [(30, False), (33, True), (26, True)])
def test_hard_wrapped_seed_has_same_outline(key: str, width: int, indent: bool) -> None:
    expected_outline, _ = reference(key)
    paragraphs = [p for p in seed_path(key).read_text(encoding="utf-8").splitlines() if p.strip()]
    lines = [line for p in paragraphs for line in wrap(p.strip(), width, indent)]
    assert len(lines) > 2 * len(paragraphs)  # the wrapping really happened
    assert outline_lines(parse_text("\n".join(lines)).report) == expected_outline


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_seed_in_other_encodings(key: str, encoding: str, tmp_path: Path) -> None:
    expected_outline, expected_paragraphs = reference(key)
    path = tmp_path / f"{key}.txt"
    path.write_bytes(seed_path(key).read_text(encoding="utf-8").encode(encoding))
    report = import_document(path).report
    assert outline_lines(report) == expected_outline
    assert report_paragraphs(report) == expected_paragraphs


@pytest.mark.parametrize("key", KEYS)
def test_seed_as_docx_with_typed_numbers(key: str, tmp_path: Path) -> None:
    from tests.docx_builders import write_typed_docx

    expected_outline, expected_paragraphs = reference(key)
    lines = [p for p in seed_path(key).read_text(encoding="utf-8").splitlines() if p.strip()]
    report = import_document(write_typed_docx(tmp_path / f"{key}.docx", lines)).report
    assert outline_lines(report) == expected_outline
    assert report_paragraphs(report) == expected_paragraphs


@pytest.mark.parametrize("key", KEYS)
def test_seed_as_docx_with_word_automatic_numbering(key: str, tmp_path: Path) -> None:
    from tests.docx_builders import auto_numbered_from_typed, write_auto_numbered_docx

    expected_outline, expected_paragraphs = reference(key)
    lines = [p for p in seed_path(key).read_text(encoding="utf-8").splitlines() if p.strip()]
    entries = auto_numbered_from_typed(lines)
    assert any(family for family, *_ in entries)  # headings really lost their typed markers
    path = write_auto_numbered_docx(tmp_path / f"{key}.docx", entries, continuous=("item",))
    report = import_document(path).report
    assert outline_lines(report) == expected_outline
    assert report_paragraphs(report) == expected_paragraphs
