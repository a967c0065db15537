"""The reviewed-copy reader on any mix of plain, inserted and deleted text and inserted or
deleted paragraph marks (hypothesis): what it reads back is what the markup says."""

from __future__ import annotations

import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.review.model import INSERT, JOIN, SPLIT
from core.review.revisions import read_reviewed
from tests.core.review_builders import W_NS, dele, ins, run

_TEXT = st.text(alphabet="抓好党建工作全年召开会议次。，12ab ", min_size=1, max_size=6)
_SEGMENT = st.tuples(st.sampled_from(["plain", "ins", "del"]), _TEXT)
# A paragraph: its segments, and its mark: kept, inserted (Enter typed: the next one is its
# rest) or deleted (joined with the next).
_PARAGRAPH = st.tuples(st.lists(_SEGMENT, min_size=1, max_size=5), st.sampled_from(["", "ins", "del"]))

_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def _docx(path: Path, paragraphs: list[tuple[list[tuple[str, str]], str]]) -> Path:
    body = ""
    for segments, mark in paragraphs:
        properties = (
            f'<w:pPr><w:rPr><w:{mark} w:id="9" w:author="李主任" w:date="2025-07-12T09:30:00Z"/></w:rPr></w:pPr>'
            if mark else ""
        )
        content = "".join(run(t) if kind == "plain" else ins(t) if kind == "ins" else dele(t) for kind, t in segments)
        body += f"<w:p>{properties}{content}</w:p>"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", _TYPES)
        package.writestr("_rels/.rels", _RELS)
        package.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
    return path


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_PARAGRAPH, min_size=1, max_size=6))
def test_original_and_accepted_texts_follow_the_markup(tmp_path: Path, paragraphs: list) -> None:
    document = read_reviewed(_docx(tmp_path / "审阅.docx", paragraphs))
    # Expected by hand from the markup: a paragraph whose mark was inserted and that has text
    # of the original runs on into the next (one paragraph of the original).
    expected: list[tuple[str, str, int, int]] = []  # original, accepted, splits, joins
    pending = False
    for segments, mark in paragraphs:
        original = "".join(t for kind, t in segments if kind != "ins")
        accepted = "".join(t for kind, t in segments if kind != "del")
        joins = 1 if mark == "del" and original and accepted else 0
        if pending:
            first_original, first_accepted, splits, earlier_joins = expected[-1]
            expected[-1] = (first_original + original, first_accepted + accepted, splits + 1, earlier_joins + joins)
        else:
            expected.append((original, accepted, 0, joins))
        pending = mark == "ins" and bool(original)
    read = [
        (p.original, p.accepted, sum(r.kind == SPLIT for r in p.revisions), sum(r.kind == JOIN for r in p.revisions))
        for p in document.paragraphs
    ]
    assert read == expected
    for paragraph in document.paragraphs:
        for revision in paragraph.revisions:
            assert 0 <= revision.start <= revision.end <= len(paragraph.original)
            if revision.kind == INSERT:
                assert revision.start == revision.end
            elif revision.kind not in (SPLIT, JOIN):
                assert paragraph.original[revision.start : revision.end] == revision.text
