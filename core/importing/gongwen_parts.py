"""The 公文 elements of an imported document: 版头 lines at its top, 附件 pages at its end.

A 报告 sent as a 公文 opens with 份号 / 密级 / 紧急程度, the 发文机关标志 and the 发文字号
(with 签发人), and may end with attachment pages ("附件1", a title, its text). These are
taken off the lines before the outline parser sees them (it would read "000001" as the
title) and returned as report fields. The 版记 sits in a page footer, which the readers do
not read; a 版记 typed as ordinary paragraphs at the very end is taken too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from core.draft.fields import HEADER_ELECTRONIC, HEADER_PRETINTED
from core.importing.attachment_note import note_lines_end, note_names
from core.importing.end_fields import end_rows
from core.text.doc_number import parse_doc_number

_COPY_NUMBER = re.compile(r"^[0-9０-９]{6}$")
_SECRECY = re.compile(r"^(绝密|机密|秘密)(★.*)?$")
_URGENCY = re.compile(r"^(特急|加急)$")
_SIGNERS = re.compile(r"签发人[:：]\s*(?P<names>.+)$")
_MARK_MAX = 30
_SENTENCE_MARKS = "。；！？：:，,"
_CN_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_PRINTED = re.compile(r"^(?P<printer>.*?)\s*(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日印发$")
_COPY_TO = re.compile(r"^抄送[:：]\s*(?P<to>.+?)。?$")
_LABEL = re.compile(r"^附件(?P<n>[0-9]*)$")
_HEADER_LOOKAHEAD = 8


def _doc_number_line(line: str) -> tuple[str, str] | None:
    """(发文字号, 签发人) if ``line`` is a 发文字号 line, else None."""
    number, _, rest = line.partition("\t")
    signers = _SIGNERS.search(line)
    if signers and not rest:
        number = line[: signers.start()].strip()
    if parse_doc_number(number.strip()) is None or len(number.strip()) > 30:
        return None
    names = " ".join(signers.group("names").split()) if signers else ""
    return number.strip(), names


def _looks_like_mark(lines: list[str], in_header: bool) -> bool:
    """Organ names above a 发文字号: short, no sentence or title wording ("关于…", 《…》), and
    either "…文件" or inside a 版头 already recognised (份号/密级 above, 签发人 beside) —
    a title with a document number under it is not a 版头."""
    if not lines:
        return True
    plain = all(
        len(t) <= _MARK_MAX and not any(m in t for m in _SENTENCE_MARKS) and "关于" not in t and "《" not in t
        for t in lines
    )
    return plain and (in_header or lines[-1].endswith("文件"))


def _take_header(lines: list[str], fields: dict[str, Any]) -> list[str]:
    texts = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    position = 0
    for name, pattern in (("copy_number", _COPY_NUMBER), ("secrecy", _SECRECY), ("urgency", _URGENCY)):
        if position < len(texts) and pattern.match(texts[position][1]):
            fields[name] = texts[position][1]
            position += 1
    for ahead in range(position, min(len(texts), position + _HEADER_LOOKAHEAD)):
        found = _doc_number_line(texts[ahead][1])
        if found is None:
            continue
        mark = [text for _, text in texts[position:ahead]]
        if _looks_like_mark(mark, bool(position) or bool(found[1])):
            fields["doc_number"], signers = found
            if signers:
                fields["signers"] = signers
            if mark:
                fields["issuer_mark"] = "\n".join(mark)
            # A 发文字号 with no 发文机关标志 above it: paper with the mark pre-printed (套红纸).
            fields["header_mode"] = HEADER_ELECTRONIC if mark else HEADER_PRETINTED
            return lines[texts[ahead][0] + 1 :]
        break
    if position and position < len(texts):
        return lines[texts[position][0] :]
    return lines if not fields else []


def _last_text(lines: list[str]) -> int:
    """How many lines are left once the blank ones at the end are dropped."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    return end


def _take_printed(lines: list[str], fields: dict[str, Any]) -> list[str]:
    """印发机关 and 印发日期: the 版记's last line, "…办公室\t2024年12月21日印发"."""
    end = _last_text(lines)
    if end and (printed := _PRINTED.match(lines[end - 1].strip().replace("\t", " "))):
        fields["printer"] = printed.group("printer").strip()
        fields["print_date"] = f"{int(printed['y']):04d}-{int(printed['m']):02d}-{int(printed['d']):02d}"
        return lines[: end - 1]
    return lines


def _take_copy_to(lines: list[str], fields: dict[str, Any]) -> list[str]:
    """抄送机关: "抄送：…。" above the 印发 line."""
    end = _last_text(lines)
    if end and (copy_to := _COPY_TO.match(lines[end - 1].strip())):
        fields["copy_to"] = copy_to.group("to").strip()
        return lines[: end - 1]
    return lines


def _pages_start(lines: list[str]) -> int | None:
    """Where the attachment pages begin: a "附件N" line right after the 落款's date, or after
    the 附件说明 (and a 署名 without a date) when the title under it is one the 附件说明 names."""
    ends = [i + 1 for i, line in enumerate(lines) if _CN_DATE.match(line.strip())]
    ends += [end for i in range(len(lines)) if (end := note_lines_end(lines, i)) is not None]
    if not ends:
        return None
    after = max(ends)
    start = next((i for i in range(after, len(lines)) if _LABEL.match(lines[i].strip())), None)
    if start is None:
        return None
    if not any(lines[i].strip() for i in range(after, start)):
        return start
    title = next((line.strip() for line in lines[start + 1 :] if line.strip()), "")
    return start if title and title in note_names(lines[:start]) else None


def _take_attachment_pages(lines: list[str], fields: dict[str, Any]) -> list[str]:
    """Attachment pages after the 落款 or the 附件说明: 附件N, a title, the text."""
    start = _pages_start(lines)
    if start is None:
        return lines
    pages: list[list[str]] = []
    labels: list[int] = []
    for index in range(start, len(lines)):
        text = lines[index].strip()
        if _LABEL.match(text):
            pages.append([])
            labels.append(index)
        elif text:
            pages[-1].append(text)
    fields["attachment_texts"] = ["\n".join(page[1:]) for page in pages]
    fields["attachment_titles"] = [page[0] if page else "" for page in pages]
    # Where each page's "附件N" line stands among the lines read, and where the pages end:
    # a Word file's tables and heading hints follow their page (core.importing.importer).
    fields["attachment_labels"] = [*labels, len(lines)]
    return lines[:start]


# A row's ``reader`` (core.draft.fields) → how it is taken off the raw lines' end, before the
# outline parser reads the rest (core/importing/end_fields.py: the order, the other readers).
LINE_READERS: dict[str, Callable[[list[str], dict[str, Any]], list[str]]] = {
    "printed": _take_printed,
    "copy_to": _take_copy_to,
    "attachment_pages": _take_attachment_pages,
}


def take_gongwen_parts(lines: list[str]) -> tuple[dict[str, Any], list[str]]:
    """The 公文 element fields found, and the lines left for the outline parser."""
    fields: dict[str, Any] = {}
    rest = _take_header(lines, fields)
    if not rest:
        return {}, lines
    done: set[str] = set()
    for spec in end_rows():  # the last row first
        if spec.reader in LINE_READERS and spec.reader not in done:
            done.add(spec.reader)  # 印发机关 and 印发日期 share one line, one reader
            rest = LINE_READERS[spec.reader](rest, fields)
    return fields, rest
