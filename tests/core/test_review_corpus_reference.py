"""The copy the corpus benchmark hands to LibreOffice (benchmarks/review_corpus.for_libreoffice):
each rewriting keeps what accept-all and reject-all mean under ECMA-376, written out by hand."""

from __future__ import annotations

import zipfile
from pathlib import Path

from benchmarks.review_corpus import BOTH_WAYS, CONTROLS, DATE_FIELDS, MOVES, W_NS, for_libreoffice

WHO = 'w:id="1" w:author="A" w:date="2017-03-25T22:21:00Z"'


def _docx(path: Path, body: str) -> Path:
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>'
                f"{body}</w:body></w:document>")
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", document)
    return path


def _body(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    return xml[xml.index("<w:body>") + len("<w:body>") : xml.index("</w:body>")]


def test_moves_become_deletions_and_insertions_their_ranges_dropped(tmp_path: Path) -> None:
    body = (f'<w:p><w:moveFromRangeStart {WHO} w:name="m"/><w:moveFrom {WHO}><w:r><w:t>moved</w:t></w:r></w:moveFrom>'
            '<w:moveFromRangeEnd w:id="1"/></w:p>'
            f'<w:p><w:pPr><w:rPr><w:moveTo {WHO}/></w:rPr></w:pPr><w:moveToRangeStart {WHO} w:name="m"/>'
            f'<w:moveTo {WHO}><w:r><w:t>moved</w:t></w:r></w:moveTo><w:moveToRangeEnd w:id="1"/></w:p>')
    counts = for_libreoffice(_docx(tmp_path / "in.docx", body), tmp_path / "out.docx")
    assert _body(tmp_path / "out.docx") == (
        f'<w:p><w:del {WHO}><w:r><w:delText>moved</w:delText></w:r></w:del></w:p>'
        f'<w:p><w:pPr><w:rPr><w:ins {WHO}/></w:rPr></w:pPr><w:ins {WHO}><w:r><w:t>moved</w:t></w:r></w:ins></w:p>'
    )
    assert counts == {MOVES: 3}


def test_text_added_and_removed_is_in_neither_version(tmp_path: Path) -> None:
    body = (f'<w:p><w:ins {WHO}><w:r><w:t>Hello </w:t></w:r><w:del {WHO}><w:r><w:delText>gone</w:delText></w:r></w:del>'
            f'</w:ins><w:moveFrom {WHO}><w:ins {WHO}><w:r><w:t>b</w:t></w:r></w:ins></w:moveFrom></w:p>')
    counts = for_libreoffice(_docx(tmp_path / "in.docx", body), tmp_path / "out.docx")
    assert _body(tmp_path / "out.docx") == f'<w:p><w:ins {WHO}><w:r><w:t>Hello </w:t></w:r></w:ins><w:del {WHO}/></w:p>'
    assert counts == {BOTH_WAYS: 2, MOVES: 1}


def test_date_fields_keep_their_cached_result_and_content_controls_their_content(tmp_path: Path) -> None:
    body = (f'<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:p><w:ins {WHO}>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE </w:instrText></w:r>'
            '</w:ins><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:ins {WHO}><w:r><w:t>3/25/2017</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:ins>'
            '<w:fldSimple w:instr=" TIME \\@ &quot;HH:mm&quot; "><w:r><w:t>22:21</w:t></w:r></w:fldSimple>'
            '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:sdtContent></w:sdt>')
    counts = for_libreoffice(_docx(tmp_path / "in.docx", body), tmp_path / "out.docx")
    assert _body(tmp_path / "out.docx") == (
        f'<w:p><w:ins {WHO}><w:r/><w:r/></w:ins><w:r/><w:ins {WHO}><w:r><w:t>3/25/2017</w:t></w:r><w:r/></w:ins>'
        '<w:r><w:t>22:21</w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>'
    )
    assert counts == {DATE_FIELDS: 2, CONTROLS: 1}
