"""Every change the leader made comes back: reviewed copies of the seeds, counted change by change.

    python benchmarks/bench_review.py [--seeds 5] [--per-kind 4] [--runs 5] [--no-libreoffice]
    python benchmarks/bench_review.py --corpus DIR   (real files: benchmarks/review_corpus.py)

Each seed (/work/shared/seeds) is imported as ``main.py import`` reads it, given a 抄送 line,
saved and exported as the clerk exports (core.render.export: the sent version kept, the
.docx naming it). Then, for each kind of edit below and several paragraphs of the seed, one
reviewed copy holds that one edit, made the way Word, WPS or LibreOffice writes it; its
expected draft is the sent draft with the same edit made on the model. The copy is read
(core.review.merge.review_copy) and every applicable change accepted (core.review.apply):

* applied right — the accepted draft is the expected one, paragraph for paragraph;
* wrong — it changed, but not into the expected one;
* listed — it did not change, and the copy's change is listed as 不再适用 or 冲突;
* silent — it did not change and nothing says why.

Kinds: tracked replacement (Word's runs with rsids and proofing marks), untracked
replacement, untracked edit beside a comment, two insertions at one point by two reviewers,
a struck-out paragraph, a tracked new paragraph, an untracked new paragraph, a paragraph
split with Enter, two paragraphs joined, the 版记's 抄送 edited, a clerk's own edit made after
the export in another paragraph (which must stay), the copy saved by WPS (its own custom
property beside ours), and the copy re-saved by LibreOffice (its own XML throughout).

Then the time of ``review`` against ``review --table`` on a copy of seed 000 rewritten
throughout with tracking on (a replacement every six characters of every 正文 paragraph:
about five hundred changes), interleaved run by run (benchmarks/interleave.py), medians.
Targets (issue 22): ≥ 98 % applied right, 0 wrong, 0 silent; --table under 2× review.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.interleave import interleaved, median, spread  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
W_DATE = "2025-07-12T09:30:00Z"
_ids = iter(range(5000, 10**7))


def _escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text)


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{_escape(text)}</w:t></w:r>'


def word_runs(text: str) -> str:
    """Word's way: a paragraph typed in sittings is several runs, each with an rsid."""
    cut = max(1, len(text) // 2)
    return (
        f'<w:r w:rsidR="00B{next(_ids):05d}"><w:t xml:space="preserve">{_escape(text[:cut])}</w:t></w:r>'
        '<w:proofErr w:type="spellStart"/>'
        f'<w:r w:rsidR="00B{next(_ids):05d}"><w:t xml:space="preserve">{_escape(text[cut:])}</w:t></w:r>'
        '<w:proofErr w:type="spellEnd"/>'
    ) if text else ""


def ins(text: str, author: str = "李主任", date: str = W_DATE) -> str:
    return f'<w:ins w:id="{next(_ids)}" w:author="{author}" w:date="{date}">{run(text)}</w:ins>'


def dele(text: str, author: str = "李主任") -> str:
    return (
        f'<w:del w:id="{next(_ids)}" w:author="{author}" w:date="{W_DATE}">'
        f'<w:r><w:delText xml:space="preserve">{_escape(text)}</w:delText></w:r></w:del>'
    )


def mark(kind: str) -> str:
    return f'<w:pPr><w:rPr><w:{kind} w:id="{next(_ids)}" w:author="李主任" w:date="{W_DATE}"/></w:rPr></w:pPr>'


@dataclass
class Copy:
    """One reviewed copy: its document.xml (and maybe other parts), and the edit on the model."""

    kind: str
    parts: dict[str, str]
    expected: Callable[[object], None]  # makes the leader's edit on a copy of the sent Report
    clerk: Callable[[object], None] | None = None  # the clerk's own edit after the export
    comments: bool = False


def _word(text: str) -> tuple[int, int] | None:
    """A two-to-four character run of Chinese in the middle of ``text`` (a word to change)."""
    import re

    found = [m for m in re.finditer(r"[\u4e00-\u9fff]{2,4}", text) if 4 < m.start() < len(text) - 6]
    if not found:
        return None
    middle = found[len(found) // 2]
    return middle.start(), middle.end()


def _set_slot(
    section_id: str, field: str, index: int, text: str | None, insert_after: str | None = None, split: bool = False
):
    """The leader's edit made on the model: a 正文 paragraph or a point changed, removed (None)
    or followed by a new one (after the last point without an ordinal: the closing paragraphs;
    the rest of a point ``split`` with Enter: the next point)."""
    from core.draft.model import Point

    def edit(report) -> None:
        section = report.find(section_id)
        items = section.body if field == "body" else section.points
        if text is None:
            del items[index]
        elif field == "body":
            items[index] = text
        else:
            items[index].text = text
        if insert_after is not None:
            if field == "points" and not split and index == len(items) - 1 and not insert_after.startswith(("一是", "二是")):
                section.tail.insert(0, insert_after)
            elif field == "points":
                items.insert(index + 1, Point(insert_after))
            else:
                items.insert(index + 1, insert_after)

    return edit


@dataclass
class Target:
    """A paragraph of the export that shows one 正文 paragraph or one point (after its marker)."""

    section_id: str
    field: str
    index: int
    paragraph: str  # as exported, marker included
    lead: int  # where the slot's text starts in it
    following: Target | None = None  # the next paragraph, when it is the same list's next item


def _targets(report, xml: str) -> list[Target]:
    """Runs of the export that end a paragraph with one 正文 paragraph or one point (marker
    and a run-in heading may stand before it), each found once."""
    from core.review.match import draft_paragraphs

    out: list[Target] = []
    previous: Target | None = None
    for paragraph in draft_paragraphs(report):
        found = None
        for piece in paragraph.pieces:
            if piece.field not in ("body", "points") or piece.para_end != len(paragraph.text):
                continue
            # The run may start with the marker, never with another slot's text.
            earliest = max((p.para_end for p in paragraph.pieces if p.para_end <= piece.para_start), default=0)
            for begin in range(earliest, piece.para_start + 1):
                text = paragraph.text[begin:]
                if xml.count(run(text)) == 1 and len(text) - (piece.para_start - begin) >= 20:
                    found = Target(piece.section_id, piece.field, piece.index, text, piece.para_start - begin)
                    break
        if found is None:
            previous = None
            continue
        if previous is not None and (previous.section_id, previous.field, previous.index + 1) == (
            found.section_id, found.field, found.index
        ):
            previous.following = found
        out.append(found)
        previous = found
    return [t for t in out if _word(t.paragraph[t.lead :]) is not None]


def _with_mark(paragraph: str, kind: str) -> str:
    """The <w:p> with its paragraph mark a tracked insertion or deletion."""
    change = f'<w:{kind} w:id="{next(_ids)}" w:author="李主任" w:date="{W_DATE}"/>'
    if paragraph.startswith("<w:p><w:pPr>"):
        properties = paragraph[: paragraph.index("</w:pPr>")]
        if "<w:rPr>" in properties:  # the mark's own run properties: the change goes in them
            return paragraph.replace("<w:rPr>", "<w:rPr>" + change, 1)
        return paragraph.replace("</w:pPr>", f"<w:rPr>{change}</w:rPr></w:pPr>", 1)
    head_end = paragraph.index(">") + 1
    return paragraph[:head_end] + f"<w:pPr><w:rPr>{change}</w:rPr></w:pPr>" + paragraph[head_end:]


def copies_for(report, xml: str, per_kind: int, rng: random.Random) -> list[Copy]:
    """The reviewed copies of one exported seed, ``per_kind`` of each kind."""
    targets = _targets(report, xml)
    rng.shuffle(targets)
    out: list[Copy] = []

    def paragraph_of(text: str) -> tuple[int, int]:
        at = xml.index(run(text))
        opening = max(xml.rfind("<w:p>", 0, at), xml.rfind("<w:p ", 0, at))  # not <w:pPr>, <w:pgSz> …
        return opening, xml.index("</w:p>", at) + len("</w:p>")

    for number, target in enumerate(targets[: per_kind * 3]):
        text, lead = target.paragraph, target.lead
        slot = text[lead:]
        start, end = _word(slot)
        start, end = start + lead, end + lead
        word = text[start:end]
        new_word = "切实" + word[::-1]
        replaced = text[:start] + new_word + text[end:]
        where = (target.section_id, target.field, target.index)
        old_run = run(text)
        turn = number % 3
        if turn == 0:
            # tracked replacement, Word's runs
            markup = word_runs(text[:start]) + dele(word) + ins(new_word) + word_runs(text[end:])
            out.append(Copy("修订·替换（Word 的 rsid 与拼写标记）", {"doc": xml.replace(old_run, markup)},
                            _set_slot(*where, replaced[lead:])))
            # the same, and a clerk's own edit elsewhere after the export
            others = [t for t in targets if t is not target]
            if others:
                other = others[0]
                clerk_text = other.paragraph[other.lead :] + "（拟稿人补记）"
                out.append(Copy(
                    "修订·替换，导出后拟稿人另改一段", {"doc": xml.replace(old_run, markup)},
                    _set_slot(*where, replaced[lead:]),
                    clerk=_set_slot(other.section_id, other.field, other.index, clerk_text),
                ))
            # two reviewers inserting at one point
            both = run(text[:start]) + ins("进一步", "李主任") + ins("扎实", "王处长", "2025-07-13T08:00:00Z") + run(text[start:])
            out.append(Copy("两人在同一处插入", {"doc": xml.replace(old_run, both)},
                            _set_slot(*where, (text[:start] + "进一步扎实" + text[start:])[lead:])))
        elif turn == 1:
            out.append(Copy("未标修订·替换", {"doc": xml.replace(old_run, run(replaced))},
                            _set_slot(*where, replaced[lead:])))
            commented = (
                f'<w:commentRangeStart w:id="{number}"/>' + run(replaced)
                + f'<w:commentRangeEnd w:id="{number}"/><w:r><w:commentReference w:id="{number}"/></w:r>'
            )
            out.append(Copy("未标修订·替换，旁加批注", {"doc": xml.replace(old_run, commented)},
                            _set_slot(*where, replaced[lead:]), comments=True))
            out.append(Copy("修订·整段删去", {"doc": xml.replace(old_run, dele(text))}, _set_slot(*where, None)))
        else:
            p_start, p_end = paragraph_of(text)
            added = "同时，要认真总结经验，查找差距不足。"
            tracked_new = f"<w:p>{mark('ins')}{ins(added)}</w:p>"
            out.append(Copy("修订·新增段落", {"doc": xml[:p_end] + tracked_new + xml[p_end:]},
                            _set_slot(*where, slot, insert_after=added)))
            out.append(Copy("未标修订·新增段落", {"doc": xml[:p_end] + f"<w:p>{run(added)}</w:p>" + xml[p_end:]},
                            _set_slot(*where, slot, insert_after=added)))
            whole = xml[p_start:p_end]
            if "<w:sectPr" in whole:  # the paragraph that ends a page section: not split here
                continue
            properties = whole[whole.index("<w:pPr>") : whole.index("</w:pPr>") + 8] if whole.startswith("<w:p><w:pPr>") else ""
            first, rest = whole.split(old_run)
            split = _with_mark(first + run(text[:start]) + "</w:p>", "ins") + f"<w:p>{properties}{run(text[start:])}" + rest
            out.append(Copy("修订·回车拆段", {"doc": xml[:p_start] + split + xml[p_end:]},
                            _set_slot(*where, text[lead:start], insert_after=text[start:], split=True)))
        if target.following is not None and number < per_kind * 2:
            p_start, p_end = paragraph_of(text)
            joined = _with_mark(xml[p_start:p_end], "del")
            rest = target.following.paragraph[target.following.lead :]

            def join(report, where=where, rest=rest) -> None:
                section = report.find(where[0])
                items = section.body if where[1] == "body" else section.points
                if where[1] == "body":
                    items[where[2]] += rest
                else:
                    items[where[2]].text += rest
                del items[where[2] + 1]

            out.append(Copy("修订·删去段落标记合段", {"doc": xml[:p_start] + joined + xml[p_end:]}, join))
    return out


def _imprint_copies(report, exported: Path) -> list[Copy]:
    """The 版记's 抄送 edited, wherever the export put it (a text box, or a footer)."""
    with zipfile.ZipFile(exported) as package:
        for name in package.namelist():
            text = package.read(name).decode("utf-8", "replace") if name.endswith(".xml") else ""
            line = f"抄送：{report.copy_to}。"
            if run(line) in text:
                edited = run(f"抄送：{report.copy_to}") + ins("，市财政局") + run("。")

                def expected(target) -> None:
                    target.copy_to += "，市财政局"

                return [Copy("版记·抄送修订", {name: text.replace(run(line), edited)}, expected)]
    return []


def write_copy(exported: Path, out: Path, copy: Copy, wps: bool = False) -> Path:
    with zipfile.ZipFile(exported) as package:
        members = {info.filename: package.read(info) for info in package.infolist()}
    for name, text in copy.parts.items():
        members["word/document.xml" if name == "doc" else name] = text.encode("utf-8")
    if copy.comments:
        members["word/comments.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments '
            'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            + "".join(
                f'<w:comment w:id="{k}" w:author="王处长" w:date="{W_DATE}"><w:p>{run("请再斟酌。")}</w:p></w:comment>'
                for k in range(200)
            ) + "</w:comments>"
        ).encode("utf-8")
        rels = members["word/_rels/document.xml.rels"].decode("utf-8").replace(
            "</Relationships>",
            '<Relationship Id="rIdBenchComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/comments" Target="comments.xml"/></Relationships>',
        )
        members["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    if wps:
        custom = members["docProps/custom.xml"].decode("utf-8")
        members["docProps/custom.xml"] = custom.replace(
            "<property ",
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer">'
            "<vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property><property ", 1,
        ).replace('pid="2" name="BaogaoSentVersion"', 'pid="3" name="BaogaoSentVersion"')
        members["docProps/app.xml"] = b'<?xml version="1.0"?><Properties><Application>WPS Office_12.1.0</Application></Properties>'
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return out


def outcome(report, copy: Copy, path: Path) -> str:
    import copy as copying

    from core.review.apply import apply_changes
    from core.review.merge import review_copy
    from core.review.revisions import read_reviewed
    from core.text.plaintext import report_paragraphs

    draft = copying.deepcopy(report)
    if copy.clerk is not None:
        copy.clerk(draft)
    expected = copying.deepcopy(draft)
    copy.expected(expected)
    result = review_copy(draft, read_reviewed(path))
    after = apply_changes(draft, result.changes).report
    if report_paragraphs(after) == report_paragraphs(expected) and after.copy_to == expected.copy_to:
        return "right"
    if report_paragraphs(after) != report_paragraphs(draft) or after.copy_to != draft.copy_to:
        return "wrong"
    return "listed" if any(not c.applicable for c in result.changes if not c.is_comment) else "silent"


def seed_report(path: Path):
    from core.importing.importer import import_document

    report = import_document(path).report
    report.copy_to = "市委办公室，市政府办公室"
    report.printer = "区委组织部办公室"
    report.print_date = "2022-07-10"
    return report


def convert_with_libreoffice(paths: list[Path], out_dir: Path, profile: Path) -> dict[Path, Path]:
    """Re-save copies as LibreOffice does (one start for all): docx → docx in its own XML."""
    from core.office.libreoffice import find_soffice

    soffice = find_soffice()
    if soffice is None or not paths:
        return {}
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         "docx:MS Word 2007 XML", "--outdir", str(out_dir), *map(str, paths)],
        check=False, capture_output=True, timeout=900,
    )
    return {path: out_dir / path.name for path in paths if (out_dir / path.name).is_file()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--per-kind", type=int, default=4)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-libreoffice", action="store_true")
    parser.add_argument("--corpus", type=Path, help="a folder of real tracked-change .docx files (see review_corpus.py)")
    parser.add_argument("--refresh", action="store_true", help="with --corpus: ask LibreOffice again")
    parser.add_argument("--show", type=int, default=20, help="with --corpus: files with differences to show")
    args = parser.parse_args()
    if args.corpus is not None:
        from benchmarks.review_corpus import run_corpus

        return run_corpus(args.corpus, args.refresh, args.show)
    home = tempfile.mkdtemp(prefix="bench-review-home-")
    os.environ["BAOGAO_HOME"] = home  # the kept sent versions go to a folder of our own
    from core.draft.draft_file import save_draft
    from core.render.export import export_report

    rng = random.Random(22)
    counts: dict[str, Counter[str]] = {}
    failures: list[str] = []
    work = Path(tempfile.mkdtemp(prefix="bench-review-"))
    seeds = sorted(SEEDS.glob("*.txt"))[: args.seeds]
    for seed in seeds:
        report = seed_report(seed)
        folder = work / seed.stem
        folder.mkdir()
        draft_path = folder / "草稿.draft.json"
        save_draft(report, draft_path)
        exported = folder / "报告.docx"
        with contextlib.redirect_stderr(io.StringIO()):
            export_report(report, exported, draft_path)
        with zipfile.ZipFile(exported) as package:
            xml = package.read("word/document.xml").decode("utf-8")
        copies = copies_for(report, xml, args.per_kind, rng) + _imprint_copies(report, exported)
        written: list[tuple[Copy, Path]] = []
        for number, copy in enumerate(copies):
            written.append((copy, write_copy(exported, folder / f"c{number}.docx", copy)))
        # The same copies as WPS saves them, and as LibreOffice re-saves them.
        for number, copy in enumerate(copies[: args.per_kind * 2]):
            wps = Copy(f"WPS 保存·{copy.kind}", copy.parts, copy.expected, copy.clerk, copy.comments)
            written.append((wps, write_copy(exported, folder / f"w{number}.docx", copy, wps=True)))
        if not args.no_libreoffice:
            plain = [(copy, path) for copy, path in written[: len(copies)] if not copy.comments]
            converted = convert_with_libreoffice([path for _, path in plain], folder / "lo", folder / "profile")
            for copy, path in plain:
                if path in converted:
                    lo = Copy(f"LibreOffice 另存·{copy.kind}", copy.parts, copy.expected, copy.clerk)
                    written.append((lo, converted[path]))
        for copy, path in written:
            result = outcome(report, copy, path)
            counts.setdefault(copy.kind, Counter())[result] += 1
            if result in ("wrong", "silent"):
                failures.append(f"{seed.stem} {copy.kind} {path.name}: {result}")
    total: Counter[str] = Counter()
    print(f"{'改动方式':<34} 对  错  列出  无声")
    for kind, counter in counts.items():
        total.update(counter)
        print(f"{kind:<34} {counter['right']:>3} {counter['wrong']:>3} {counter['listed']:>4} {counter['silent']:>4}")
    changes = sum(total.values())
    print(f"中文审阅稿 {len(seeds)} 份种子、{changes} 处改动：applied right {total['right']} "
          f"({total['right'] / max(1, changes):.1%}), wrong {total['wrong']}, listed {total['listed']}, "
          f"silent {total['silent']}")
    for line in failures[:20]:
        print("  " + line)

    # review against review --table on a copy with about five hundred tracked changes.
    from cli.main import main as cli_main

    report = seed_report(seeds[0])
    folder = work / "timing"
    folder.mkdir()
    draft_path = folder / "草稿.draft.json"
    save_draft(report, draft_path)
    exported = folder / "报告.docx"
    with contextlib.redirect_stderr(io.StringIO()):
        export_report(report, exported, draft_path)
    with zipfile.ZipFile(exported) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    changed = 0
    for _, section in report.walk():
        for text in section.body:
            if xml.count(run(text)) != 1:
                continue
            # Every six characters two struck out and two put in: a leader who rewrote it all.
            markup = ""
            for start in range(0, len(text), 6):
                chunk = text[start : start + 6]
                if len(chunk) < 6:
                    markup += run(chunk)
                    continue
                markup += dele(chunk[:2]) + ins("切实") + run(chunk[2:])
                changed += 1
            xml = xml.replace(run(text), markup)
    many = write_copy(exported, folder / "审阅.docx", Copy("timing", {"doc": xml}, lambda _r: None))
    table = folder / "对照表.docx"

    def review(*extra: str) -> None:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            cli_main(["review", str(draft_path), str(many), *extra])

    times = interleaved({"review": lambda: review(), "review --table": lambda: review("--table", str(table))}, args.runs)
    base, with_table = median(times["review"]), median(times["review --table"])
    print(f"review（{changed} 处修订）: median {base:.2f} s ({spread(times['review'])}); "
          f"review --table: median {with_table:.2f} s ({spread(times['review --table'])}); "
          f"ratio {with_table / base:.2f} (target < 2.00)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
