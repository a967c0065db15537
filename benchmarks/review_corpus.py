"""Real tracked-change Word files, read and merged, against what LibreOffice makes of them.

    python benchmarks/bench_review.py --corpus DIR [--refresh] [--show 20]

DIR holds .docx files with tracked changes gathered from public repositories' test suites
(kept outside this repository, with a manifest of where each came from). For each file,
LibreOffice — not our code — says what it means: "accept all changes" and "reject all
changes" (Writer's own commands, run by a Basic macro in a profile of our own), each saved
as plain text, one paragraph a line. Cached in DIR/expected (``--refresh`` makes them again).

Two figures:

* reading — each paragraph of the body (table cells included) that carries a tracked change,
  as core.review.revisions reads it: its accepted text and its rejected text, each right when
  it stands in LibreOffice's text at the same place (the two texts aligned line by line);
* merging — the original is the file with every change rejected, made a draft (its paragraphs
  as they read, its tables as tables); the file is reviewed against it
  (core.review.changes.review_changes: no sent version, matched by text) and every
  applicable change accepted (core.review.apply). Each difference LibreOffice's rejected and
  accepted texts have (a run of lines) is then applied right (the result has the accepted
  lines there), listed (still the rejected lines, and a change of the file is listed as not
  applicable there), silent (still the rejected lines, nothing said) or wrong (anything else).

A file our reader refuses counts every one of its differences as listed when the refusal is
a clear message (that is what the clerk sees), and is named.

LibreOffice's reading is taken of a copy rewritten into plain equivalents where its own
reading differs from ECMA-376's (for_libreoffice: moves as deletions and insertions, text both
added and removed dropped, DATE/TIME fields as their cached result, content controls as their
content; the output says how many of each). The cache's names carry that rewriting's version.

Measured 2026-11-23 on /work/corpus-review (119 files from 11 repositories, see its
README.md): reading 1334 of 1370 (97.4 %); merging 167 of 167 differences applied right
(100 %), 0 wrong, 0 listed, 0 silent. Before the rewriting, LibreOffice's own reading made
four of them look wrong: a DATE field it shows as today, a table whose rows are struck out
(w:trPr/w:del) with their text moved away that it keeps, and moves inside a content control
it turns the wrong way round. In two SuperDoc files LibreOffice resolves a del+ins pair
neither way (its accepted and rejected texts are the same), so those two changes are not
counted (the reading figure shows them).
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.draft.model import Report
    from core.review.model import ReviewedDocument, ReviewedParagraph

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Writer's accept-all / reject-all, then the document saved as .docx again (with no tracked
# changes left), for each line of a list "source<TAB>target<TAB>accept|reject". A file
# LibreOffice cannot open is skipped.
_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub ResolveAll(listFile As String)
  Dim n As Integer, entry As String
  n = FreeFile()
  Open listFile For Input As #n
  Do While Not EOF(n)
    Line Input #n, entry
    If Len(entry) &gt; 0 Then ResolveOne(entry)
  Loop
  Close #n
End Sub

Sub ResolveOne(entry As String)
  Dim parts, doc As Object, frame As Object, helper As Object
  parts = Split(entry, Chr(9))
  Dim opening(0) As New com.sun.star.beans.PropertyValue
  opening(0).Name = "Hidden"
  opening(0).Value = True
  On Error Goto Failed
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(parts(0)), "_blank", 0, opening())
  If IsNull(doc) Then Exit Sub
  frame = doc.getCurrentController().getFrame()
  helper = createUnoService("com.sun.star.frame.DispatchHelper")
  If parts(2) = "accept" Then
    helper.executeDispatch(frame, ".uno:AcceptAllTrackedChanges", "", 0, Array())
  Else
    helper.executeDispatch(frame, ".uno:RejectAllTrackedChanges", "", 0, Array())
  End If
  Dim saving(1) As New com.sun.star.beans.PropertyValue
  saving(0).Name = "FilterName"
  saving(0).Value = "MS Word 2007 XML"
  saving(1).Name = "Overwrite"
  saving(1).Value = True
  doc.storeToURL(ConvertToURL(parts(1)), saving())
  doc.close(True)
  Exit Sub
Failed:
  On Error Resume Next
  If Not IsNull(doc) Then doc.close(True)
End Sub
</script:module>
"""

ACCEPT, REJECT = "accept", "reject"
# In the cache's names: the expected texts are LibreOffice's reading of the copy as rewritten
# by for_libreoffice() (version 1 of that rewriting); older caches are not used.
REWRITTEN = "n2"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MOVES, BOTH_WAYS, DATE_FIELDS, CONTROLS = "moves", "added and removed", "DATE/TIME fields", "content controls"
_ADDED_TAGS = (f"{{{W_NS}}}ins", f"{{{W_NS}}}moveTo")
_REMOVED_TAGS = (f"{{{W_NS}}}del", f"{{{W_NS}}}moveFrom")
_MOVE_RANGES = {f"{{{W_NS}}}{name}" for name in (
    "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart", "customXmlMoveToRangeEnd",
)}
_NOW_FIELDS = ("DATE", "TIME")  # fields whose value is the moment they are shown (§17.16.5.14, §17.16.5.68)


def for_libreoffice(source: Path, out: Path) -> Counter[str]:
    """Write the copy handed to LibreOffice: the same document, with three things LibreOffice
    reads its own way rewritten into what they mean for accept-all and reject-all under
    ECMA-376 Part 1 §17.13 (returned: how many of each were rewritten).

    * Moves (w:moveFrom, w:moveTo, §17.13.5.22–26) as deletions and insertions: accepted, the
      moved-away text goes and the moved-to text stays; rejected, the other way round, which is
      what w:del and w:ins mean. The range marks go. (LibreOffice keeps the table rows struck
      out with w:trPr/w:del whose text is moved away, and resolves moves inside content
      controls the wrong way round.)
    * Text both added and removed in review (w:ins inside w:del or w:moveFrom, w:del inside
      w:ins or w:moveTo): rejected, the insertion goes; accepted, the deletion goes; it is in
      neither version, so it is dropped.
    * DATE and TIME fields as their cached result (the runs between w:fldChar separate and end,
      or a w:fldSimple's runs): what the file carries. LibreOffice shows the day it is run.
    * Content controls (w:sdt, §17.5.2) as their content: a wrapper with no text of its own.
      LibreOffice turns the tracked changes inside a block-level one the wrong way round
      (accepted, the deleted paragraph is back and the inserted one gone).
    """
    from lxml import etree

    w = W
    counts: Counter[str] = Counter()
    with zipfile.ZipFile(source) as package:
        members = {info.filename: package.read(info) for info in package.infolist()}
    root = etree.fromstring(members["word/document.xml"])

    def inside(element: etree._Element, tags: tuple[str, ...]) -> bool:
        return any(ancestor.tag in tags for ancestor in element.iterancestors())

    for element in list(root.iter(*_ADDED_TAGS, *_REMOVED_TAGS)):
        own = _ADDED_TAGS if element.tag in _REMOVED_TAGS else _REMOVED_TAGS
        if element.getparent() is not None and element.getparent().tag != f"{w}rPr" and inside(element, own):
            element.getparent().remove(element)
            counts[BOTH_WAYS] += 1
    for element in list(root.iter()):
        if element.tag in _MOVE_RANGES:
            element.getparent().remove(element)
        elif element.tag in (f"{w}moveFrom", f"{w}moveTo"):
            counts[MOVES] += 1
            removed = element.tag == f"{w}moveFrom"
            element.tag = f"{w}del" if removed else f"{w}ins"
            if removed:  # deleted text is w:delText, as Word writes it
                for text in element.iter(f"{w}t", f"{w}instrText"):
                    text.tag = f"{w}delText" if text.tag == f"{w}t" else f"{w}delInstrText"
    for control in list(root.iter(f"{w}sdt")):
        content = control.find(f"{w}sdtContent")
        parent = control.getparent()
        at = parent.index(control)
        for child in reversed(list(content) if content is not None else []):
            parent.insert(at, child)
        parent.remove(control)
        counts[CONTROLS] += 1
    for simple in list(root.iter(f"{w}fldSimple")):
        if (simple.get(f"{w}instr") or "").split()[:1] in ([name] for name in _NOW_FIELDS):
            parent = simple.getparent()
            at = parent.index(simple)
            for child in reversed(list(simple)):
                parent.insert(at, child)
            parent.remove(simple)
            counts[DATE_FIELDS] += 1
    # Complex fields: begin, instruction, separate, result, end (nested fields kept apart).
    stack: list[tuple[list[etree._Element], list[str], bool]] = []
    for element in list(root.iter(f"{w}fldChar", f"{w}instrText", f"{w}delInstrText")):
        kind = element.get(f"{w}fldCharType")
        if element.tag != f"{w}fldChar":
            if stack and not stack[-1][2]:
                stack[-1][0].append(element)
                stack[-1][1].append(element.text or "")
        elif kind == "begin":
            stack.append(([element], [], False))
        elif kind == "separate" and stack:
            parts, words, _ = stack.pop()
            stack.append(([*parts, element], words, True))
        elif kind == "end" and stack:
            parts, words, _ = stack.pop()
            if "".join(words).split()[:1] in ([name] for name in _NOW_FIELDS):
                for part in [*parts, element]:
                    part.getparent().remove(part)
                counts[DATE_FIELDS] += 1
    members["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return counts


def resolve_with_libreoffice(
    files: list[Path], cache: Path, refresh: bool = False
) -> tuple[dict[Path, dict[str, Path]], Counter[str]]:
    """Each file's accepted and rejected text as LibreOffice saves them (one start for all),
    from the copy for_libreoffice() writes; and what was rewritten over all files."""
    from core.office.libreoffice import find_soffice

    cache.mkdir(parents=True, exist_ok=True)

    def target(file: Path, mode: str) -> Path:
        return cache / f"{file.stem}.{REWRITTEN}.{mode}.docx"

    rewritten: Counter[str] = Counter()
    inputs: dict[Path, Path] = {}
    for file in files:
        inputs[file] = cache / f"{file.stem}.{REWRITTEN}.input.docx"
        try:
            rewritten.update(for_libreoffice(file, inputs[file]))
        except (OSError, KeyError, ValueError, SyntaxError, zipfile.BadZipFile):
            inputs[file] = file  # a package the rewriting cannot read goes to LibreOffice as it is
    wanted = [(f, m) for f in files for m in (ACCEPT, REJECT) if refresh or not target(f, m).is_file()]
    soffice = find_soffice()
    if wanted and soffice is not None:
        profile = cache / "profile"
        env = f"-env:UserInstallation={profile.as_uri()}"
        module = profile / "user" / "basic" / "Standard" / "Module1.xba"
        if not module.parent.is_dir():  # the profile is made on the first start
            subprocess.run([soffice, env, "--headless", "--terminate_after_init"], capture_output=True, timeout=300,
                           check=False)
        module.write_text(_MACRO, encoding="utf-8")
        listing = cache / "list.tsv"
        for f, m in wanted:
            target(f, m).unlink(missing_ok=True)
        listing.write_text("".join(f"{inputs[f].resolve()}\t{target(f, m).resolve()}\t{m}\n" for f, m in wanted),
                           encoding="utf-8")
        subprocess.run([soffice, env, "--headless", f'macro:///Standard.Module1.ResolveAll("{listing.resolve()}")'],
                       capture_output=True, timeout=60 + 20 * len(wanted), check=False)
    found = {
        f: {m: target(f, m) for m in (ACCEPT, REJECT)}
        for f in files
        if target(f, ACCEPT).is_file() and target(f, REJECT).is_file()
    }
    return found, rewritten


_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_BREAKS = re.compile(r"[\n\r\u2028\u000b\f]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")


def lines_of(texts: Iterable[str]) -> list[str]:
    """Paragraph texts as comparable lines: split at line breaks, blanks collapsed, empty
    lines dropped (LibreOffice writes a manual line break as a new line)."""
    out: list[str] = []
    for text in texts:
        for line in _BREAKS.split(_INVISIBLE.sub("", text)):
            line = _SPACES.sub(" ", line).strip()
            if line:
                out.append(line)
    return out


W = f"{{{W_NS}}}"


def read_lines(path: Path) -> list[str]:
    """The paragraphs of a .docx without tracked changes (LibreOffice's result), in reading
    order, tables cell by cell: read here with nothing but the XML, so that what is expected
    owes nothing to core.review's reader. Text boxes, footnotes and headers are left out (the
    review reads the body's paragraphs and table cells for this comparison)."""
    from lxml import etree

    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    texts: list[str] = []

    def paragraph_text(p: etree._Element) -> str:
        out = []
        for node in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen"):
            if any(a.tag in (f"{W}txbxContent", f"{W}pict", f"{W}drawing") for a in node.iterancestors()):
                continue
            if node.tag == f"{W}t":
                out.append(node.text or "")
            elif node.tag == f"{W}tab":
                out.append("\t")
            elif node.tag == f"{W}noBreakHyphen":
                out.append("-")
            else:
                out.append("\n")
        return "".join(out)

    def walk(container: etree._Element) -> None:
        for child in container:
            if child.tag == f"{W}p":
                texts.append(paragraph_text(child))
            elif child.tag in (f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
                walk(child)

    body = root.find(f"{W}body")
    if body is not None:
        walk(body)
    return lines_of(texts)


def aligned_right(ours: list[str], theirs: list[str]) -> set[int]:
    """Indices of ``ours`` that stand in ``theirs`` at the same place (equal runs of the two
    sequences aligned)."""
    right: set[int] = set()
    for tag, i1, i2, _j1, _j2 in SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes():
        if tag == "equal":
            right.update(range(i1, i2))
    return right


@dataclass
class FileOutcome:
    name: str
    read_total: int = 0
    read_right: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    refused: str = ""
    notes: list[str] = field(default_factory=list)


def body_paragraphs(document: ReviewedDocument) -> list[ReviewedParagraph]:
    """The paragraphs LibreOffice's text has: the body's and its tables' (not text boxes or footers)."""
    return [p for p in document.paragraphs if not p.where]


def accepted_texts(paragraphs: list[ReviewedParagraph]) -> list[tuple[str, int]]:
    """(text, index of the paragraph it starts in) of the paragraphs with every change the
    reader found made: insertions in, deletions and moved-away text out, an inserted
    paragraph mark a new line, a deleted one joining the next paragraph on."""
    from core.review.model import DELETE, FORMAT, INSERT, JOIN, MOVE_FROM, MOVE_TO, SPLIT

    out: list[tuple[str, int]] = []
    joining = False
    for k, paragraph in enumerate(paragraphs):
        text = paragraph.original
        # Right to left; insertions at one point in the order made (the later one further right).
        ordered = sorted(enumerate(paragraph.revisions), key=lambda e: (e[1].start, e[1].end, e[0]), reverse=True)
        for _n, revision in ordered:
            if revision.kind in (INSERT, MOVE_TO):
                text = text[: revision.start] + revision.text + text[revision.start :]
            elif revision.kind in (DELETE, MOVE_FROM):
                text = text[: revision.start] + text[revision.end :]
            elif revision.kind == SPLIT:
                text = text[: revision.start] + "\n" + text[revision.start :]
            elif revision.kind not in (JOIN, FORMAT):
                raise ValueError(revision.kind)
        if joining and out:
            out[-1] = (out[-1][0] + text, out[-1][1])
        else:
            out.append((text, k))
        joining = any(r.kind == JOIN for r in paragraph.revisions)
    return out


def reading_outcome(
    document: ReviewedDocument, accepted: list[str], rejected: list[str], outcome: FileOutcome
) -> None:
    """Each changed paragraph's accepted and rejected text, as the reader's revisions make
    them, against LibreOffice's."""
    paragraphs = body_paragraphs(document)
    changed = {k for k, p in enumerate(paragraphs) if p.revisions or p.inserted}
    views = (
        ("accepted", accepted, accepted_texts(paragraphs)),
        ("original", rejected, [(p.original, k) for k, p in enumerate(paragraphs)]),
    )
    for view, theirs, texts in views:
        ours: list[str] = []
        owner: list[int] = []
        for text, k in texts:
            for line in lines_of([text]):
                ours.append(line)
                owner.append(k)
        right = aligned_right(ours, theirs)
        for k in sorted(changed):
            own = [i for i, o in enumerate(owner) if o == k]
            outcome.read_total += 1
            if all(i in right for i in own):
                outcome.read_right += 1
            elif len(outcome.notes) < 3:
                outcome.notes.append(f"{view}: {' / '.join(ours[i] for i in own)[:80]!r}")


def draft_from(document: ReviewedDocument) -> Report:
    """The original as a draft: the file's paragraphs with every change rejected, the body
    as a part's 正文 (as report-level 开头 when there are no tables) and its tables as tables."""
    from core.draft.model import Report, Section
    from core.draft.tables import Table

    body: list[str] = []
    grids: dict[int, dict[tuple[int, int], list[str]]] = {}
    after: dict[int, int] = {}
    pending = ""
    for paragraph in body_paragraphs(document):
        text = pending + paragraph.original
        pending = ""
        if paragraph.cell is not None:
            table, row, column = paragraph.cell
            grids.setdefault(table, {}).setdefault((row, column), []).append(text)
            after.setdefault(table, len(body))
        elif paragraph.inserted and text.strip():
            pending = text  # its mark is an insertion: with every change rejected it runs on
        elif text.strip():
            body.append(text)
    if pending.strip():
        body.append(pending)
    if not grids:
        return Report(opening=body)
    tables = []
    for number, cells in sorted(grids.items()):
        rows = max(r for r, _ in cells) + 1
        columns = max(c for _, c in cells) + 1
        grid = [["\n".join(cells.get((r, c), [])) for c in range(columns)] for r in range(rows)]
        tables.append(Table(rows=grid, header_rows=0, after_body=after[number]))
    return Report(sections=[Section(heading="", body=body, tables=tables)])


def draft_lines(report: Report) -> list[str]:
    """The draft's text in reading order: paragraphs, tables cell by cell where they stand."""
    if not report.sections:
        return lines_of(report.opening)
    section = report.sections[0]

    def cells(before: int) -> list[str]:  # the tables standing after ``before`` body paragraphs
        return [cell for t in section.tables if min(t.after_body or 0, len(section.body)) == before
                for row in t.rows for cell in row]

    texts = cells(0)
    for k, text in enumerate(section.body):
        texts += [text, *cells(k + 1)]
    return lines_of(texts)


def merging_outcome(
    document: ReviewedDocument, accepted: list[str], rejected: list[str], outcome: FileOutcome
) -> None:
    from core.review.apply import apply_changes
    from core.review.changes import review_changes

    draft = draft_from(document)
    result = review_changes(draft, document)
    got = draft_lines(apply_changes(draft, result.changes).report)
    listed = [c for c in result.changes if not c.applicable and not c.is_comment]
    anchors = {i: j for i, j, size in SequenceMatcher(None, rejected, got, autojunk=False).get_matching_blocks()
               for i, j in zip(range(i, i + size), range(j, j + size), strict=True)}
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, rejected, accepted, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        left = max((anchors[i] for i in anchors if i < i1), default=-1)
        right = min((anchors[i] for i in anchors if i >= i2), default=len(got))
        there = got[left + 1 : right]
        if there == accepted[j1:j2]:
            kind = "right"
        elif there == rejected[i1:i2]:
            words = " ".join(rejected[i1:i2] + accepted[j1:j2])
            said = any((c.old.strip() and c.old.strip() in words) or (c.new.strip() and c.new.strip() in words)
                       for c in listed)
            kind = "listed" if said else "silent"
        else:
            kind = "wrong"
        outcome.counts[kind] += 1
        if kind != "right" and len(outcome.notes) < 6:
            outcome.notes.append(f"{kind}: {' / '.join(rejected[i1:i2])[:60]!r} → expected "
                                 f"{' / '.join(accepted[j1:j2])[:60]!r}, got {' / '.join(there)[:60]!r}")


def run_corpus(folder: Path, refresh: bool = False, show: int = 20) -> int:
    from core.base.errors import ReportError
    from core.review.revisions import read_reviewed

    cache = folder / "expected"
    files = sorted(f for f in folder.rglob("*.docx") if cache not in f.parents)
    if not files:
        print(f"“{folder}”里没有 .docx 文件。")
        return 2
    expected, rewritten = resolve_with_libreoffice(files, cache, refresh)
    outcomes: list[FileOutcome] = []
    without = [f.name for f in files if f not in expected]
    for file in files:
        if file not in expected:
            continue
        accepted, rejected = read_lines(expected[file][ACCEPT]), read_lines(expected[file][REJECT])
        outcome = FileOutcome(file.name)
        outcomes.append(outcome)
        try:
            document = read_reviewed(file)
        except ReportError as exc:
            outcome.refused = str(exc)
            differences = sum(1 for op in SequenceMatcher(None, rejected, accepted, autojunk=False).get_opcodes()
                              if op[0] != "equal")
            outcome.counts["listed"] += differences
            continue
        reading_outcome(document, accepted, rejected, outcome)
        merging_outcome(document, accepted, rejected, outcome)

    read_total = sum(o.read_total for o in outcomes)
    read_right = sum(o.read_right for o in outcomes)
    merged: Counter[str] = Counter()
    for o in outcomes:
        merged.update(o.counts)
    changes = sum(merged.values())
    print(f"语料：{len(outcomes)} 个带修订的 .docx（LibreOffice 打不开、未计入：{len(without)} 个）")
    print("参照：LibreOffice 的全部接受/全部拒绝，交给它的是按 ECMA-376 改写为同义写法的副本（for_libreoffice）："
          f"移动改为删除+插入 {rewritten[MOVES]} 处，既增又删的文字去掉 {rewritten[BOTH_WAYS]} 处，"
          f"DATE/TIME 域取文件中的结果 {rewritten[DATE_FIELDS]} 处，内容控件（w:sdt）拆为其内容 {rewritten[CONTROLS]} 个")
    print(f"读取：{read_right} / {read_total} 处（段落×接受/拒绝两种文字）与 LibreOffice 一致 "
          f"({read_right / max(1, read_total):.1%})")
    print(f"合并：{changes} 处差异：applied right {merged['right']} ({merged['right'] / max(1, changes):.1%}), "
          f"wrong {merged['wrong']}, listed {merged['listed']}, silent {merged['silent']}")
    refused = [o for o in outcomes if o.refused]
    if refused:
        print(f"拒绝读取 {len(refused)} 个：" + "；".join(f"{o.name}（{o.refused[:40]}）" for o in refused[:5]))
    shown = 0
    for o in outcomes:
        if o.notes and shown < show:
            shown += 1
            print(f"  {o.name}: read {o.read_right}/{o.read_total}, {dict(o.counts)}")
            for note in o.notes:
                print(f"      {note}")
    return 0
