"""Reviewed copies for the review tests: a rendered draft whose document.xml gets Word's own
revision markup (w:ins, w:del, w:moveFrom/w:moveTo, w:rPrChange, w:pPrChange) and a comments
part (comments.xml + commentsExtended.xml, wired up in the relationships and content types)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from core.draft.model import Point, Report, Section
from core.render import render_report

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DATE = "2025-07-12T09:30:00Z"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_EXTENDED_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
_ids = iter(range(1000, 10**6))


def sample_report() -> Report:
    return Report(
        kind="work_report",
        title="某某局2025年上半年工作总结",
        addressee="市委办公室",
        unit="某某局",
        date="2025-07-10",
        signature="某某局",
        opening=["今年以来，我局认真贯彻落实市委决策部署，各项工作稳步推进。"],
        sections=[
            Section(
                heading="主要工作成效",
                body=[
                    "一是抓好党建工作，全年召开党组会议12次。",
                    "二是推进项目建设，完成固定资产投资3亿元。",
                ],
                children=[
                    Section(heading="加强班子建设", run_in=True, body=["班子成员带头学习，开展专题研讨4次。"])
                ],
            ),
            Section(
                heading="存在的问题", points=[Point("基层基础仍然薄弱。"), Point("人才队伍结构不够优化。")]
            ),
            Section(heading="下半年工作打算", body=["围绕中心工作，抓好各项任务落实。"]),
        ],
        closing=["下半年，我们将继续努力，确保完成全年目标任务。"],
    )


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def ins(text: str, author: str = "李主任", date: str = DATE) -> str:
    return f'<w:ins w:id="{next(_ids)}" w:author="{author}" w:date="{date}">{run(text)}</w:ins>'


def dele(text: str, author: str = "李主任", date: str = DATE) -> str:
    return (
        f'<w:del w:id="{next(_ids)}" w:author="{author}" w:date="{date}">'
        f'<w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>'
    )


def move_from(text: str, name: str, author: str = "李主任") -> str:
    rid = next(_ids)
    return (
        f'<w:moveFromRangeStart w:id="{rid}" w:author="{author}" w:date="{DATE}" w:name="{name}"/>'
        f'<w:moveFrom w:id="{next(_ids)}" w:author="{author}" w:date="{DATE}">'
        f'<w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:moveFrom>'
        f'<w:moveFromRangeEnd w:id="{rid}"/>'
    )


def move_to(text: str, name: str, author: str = "李主任") -> str:
    rid = next(_ids)
    return (
        f'<w:moveToRangeStart w:id="{rid}" w:author="{author}" w:date="{DATE}" w:name="{name}"/>'
        f'<w:moveTo w:id="{next(_ids)}" w:author="{author}" w:date="{DATE}">{run(text)}</w:moveTo>'
        f'<w:moveToRangeEnd w:id="{rid}"/>'
    )


def bold_change(text: str, author: str = "王处长") -> str:
    """A run made bold with track changes on: the old properties sit in w:rPrChange."""
    return (
        f'<w:r><w:rPr><w:b/><w:rPrChange w:id="{next(_ids)}" w:author="{author}" w:date="{DATE}"><w:rPr/>'
        f'</w:rPrChange></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    )


def comment_start(cid: int) -> str:
    return f'<w:commentRangeStart w:id="{cid}"/>'


def comment_end(cid: int) -> str:
    return f'<w:commentRangeEnd w:id="{cid}"/><w:r><w:commentReference w:id="{cid}"/></w:r>'


@dataclass(frozen=True)
class CommentSpec:
    id: int
    author: str
    text: str
    parent: int | None = None  # a reply to comment ``parent``
    date: str = DATE


def render_draft(report: Report, path: Path) -> Path:
    render_report(report, path)
    return path


def document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode("utf-8")


# The properties of a table cell's paragraph as the export writes them.
_CELL_PARAGRAPH = '<w:pPr><w:pStyle w:val="TableText"/></w:pPr>'


def replace_runs(xml: str, text: str, markup: str) -> str:
    """Replace the plain run holding exactly ``text`` with ``markup`` (must occur once); a
    cell's text of several lines is its paragraphs, one run each, from the first run to the last."""
    target = ("</w:p><w:p>" + _CELL_PARAGRAPH).join(run(line) for line in text.split("\n"))
    assert xml.count(target) == 1, f"run not found once: {text}"
    return xml.replace(target, markup)


def add_paragraph_after(xml: str, text: str, new_paragraph: str) -> str:
    """Insert a whole ``<w:p>`` after the paragraph whose run holds ``text``."""
    at = xml.index(run(text))
    end = xml.index("</w:p>", at) + len("</w:p>")
    return xml[:end] + new_paragraph + xml[end:]


def inserted_paragraph(text: str, author: str = "李主任") -> str:
    mark = f'<w:pPr><w:rPr><w:ins w:id="{next(_ids)}" w:author="{author}" w:date="{DATE}"/></w:rPr></w:pPr>'
    return f"<w:p>{mark}{ins(text, author)}</w:p>"


def write_reviewed(source: Path, out: Path, xml: str, comments: list[CommentSpec] = ()) -> Path:  # type: ignore[assignment]
    """Copy ``source`` with ``xml`` as its document.xml and the given comments."""
    with zipfile.ZipFile(source) as package:
        members = {info.filename: package.read(info) for info in package.infolist()}
    members["word/document.xml"] = xml.encode("utf-8")
    if comments:
        members["word/comments.xml"] = _comments_xml(comments).encode("utf-8")
        members["word/commentsExtended.xml"] = _extended_xml(comments).encode("utf-8")
        rels = members["word/_rels/document.xml.rels"].decode("utf-8")
        rels = rels.replace(
            "</Relationships>",
            f'<Relationship Id="rIdReviewComments" Type="{_REL}/comments" Target="comments.xml"/>'
            '<Relationship Id="rIdReviewCommentsEx" '
            'Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" '
            'Target="commentsExtended.xml"/></Relationships>',
        )
        members["word/_rels/document.xml.rels"] = rels.encode("utf-8")
        types = members["[Content_Types].xml"].decode("utf-8")
        types = types.replace(
            "</Types>",
            f'<Override PartName="/word/comments.xml" ContentType="{_COMMENTS_TYPE}"/>'
            f'<Override PartName="/word/commentsExtended.xml" ContentType="{_EXTENDED_TYPE}"/></Types>',
        )
        members["[Content_Types].xml"] = types.encode("utf-8")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return out


def _para_id(cid: int) -> str:
    return f"{0x10000000 + cid:08X}"


def _comments_xml(comments: list[CommentSpec]) -> str:
    body = "".join(
        f'<w:comment w:id="{c.id}" w:author="{c.author}" w:date="{c.date}" w:initials="{c.author[:1]}">'
        f'<w:p w14:paraId="{_para_id(c.id)}"><w:r><w:t xml:space="preserve">{escape(c.text)}</w:t></w:r></w:p></w:comment>'
        for c in comments
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="{W_NS}" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">' + body + "</w:comments>"
    )


def _extended_xml(comments: list[CommentSpec]) -> str:
    entries = "".join(
        f'<w15:commentEx w15:paraId="{_para_id(c.id)}"'
        + (f' w15:paraIdParent="{_para_id(c.parent)}"' if c.parent is not None else "")
        + ' w15:done="0"/>'
        for c in comments
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx '
        'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">' + entries + "</w15:commentsEx>"
    )


# The leader's review of sample_report(): every kind of markup, two reviewers, a reply.
LEADER_COMMENTS = [
    CommentSpec(1, "王处长", "请核实投资数据。"),
    CommentSpec(2, "李主任", "这句删去，太空泛。"),
    CommentSpec(3, "李主任", "要写具体措施。"),
    CommentSpec(4, "王处长", "已按意见补充。", parent=3),
]


def leader_markup(xml: str) -> str:
    xml = replace_runs(
        xml,
        "一是抓好党建工作，全年召开党组会议12次。",
        run("一是抓好党建工作，全年召开党组会议") + dele("12") + ins("15") + run("次。"),
    )
    xml = replace_runs(
        xml,
        "二是推进项目建设，完成固定资产投资3亿元。",
        run("二是推进项目建设，完成")
        + dele("固定资产", "王处长")
        + run("投资")
        + comment_start(1)
        + run("3亿元")
        + comment_end(1)
        + run("。"),
    )
    xml = replace_runs(
        xml,
        "班子成员带头学习，开展专题研讨4次。",
        run("班子成员") + ins("率先垂范、", "王处长") + run("带头学习，开展专题研讨4次。"),
    )
    xml = replace_runs(xml, "二、存在的问题", bold_change("二、存在的问题"))
    xml = replace_runs(
        xml,
        "二是人才队伍结构不够优化。",
        run("二是人才队伍结构") + dele("不够优化", "王处长") + ins("有待优化", "王处长") + run("。"),
    )
    xml = add_paragraph_after(
        xml, "围绕中心工作，抓好各项任务落实。", inserted_paragraph("同时，认真谋划明年工作。")
    )
    # Comment 2 sits on a passage the leader deleted.
    xml = replace_runs(
        xml,
        "围绕中心工作，抓好各项任务落实。",
        comment_start(2)
        + dele("围绕中心工作，")
        + comment_end(2)
        + comment_start(3)
        + run("抓好各项任务落实")
        + comment_end(3)
        + run("。"),
    )
    return replace_runs(
        xml,
        "下半年，我们将继续努力，确保完成全年目标任务。",
        run("下半年，我们将")
        + move_from("继续努力，", "move1")
        + run("确保")
        + move_to("继续努力，", "move1")
        + run("完成全年目标任务。"),
    )


def reviewed_copy(folder: Path, stem: str = "报告", reviewed_name: str = "报告（审阅稿）.docx") -> tuple[Path, Path]:
    """The sample draft saved in ``folder`` and the leader's reviewed copy of its export."""
    from core.draft.draft_file import save_draft

    report = sample_report()
    draft = folder / f"{stem}.draft.json"
    save_draft(report, draft)
    exported = render_draft(report, folder / f"{stem}.docx")
    reviewed = write_reviewed(
        exported, folder / reviewed_name, leader_markup(document_xml(exported)), LEADER_COMMENTS
    )
    return draft, reviewed


def exported_draft(report: Report, folder: Path, stem: str = "报告") -> tuple[Path, Path]:
    """The draft saved in ``folder`` and exported as the clerk does (the sent version kept,
    the .docx naming it)."""
    from core.draft.draft_file import save_draft
    from core.render.export import export_report

    draft = folder / f"{stem}.draft.json"
    save_draft(report, draft)
    exported = folder / f"{stem}.docx"
    export_report(report, exported, draft)
    return draft, exported


def edit_run(xml: str, text: str, new_text: str) -> str:
    """An edit made with track changes off: the plain run's text simply changed."""
    return replace_runs(xml, text, run(new_text))


def plain_paragraph(text: str) -> str:
    """A paragraph typed in with track changes off."""
    return f"<w:p>{run(text)}</w:p>"


def remove_paragraph(xml: str, text: str) -> str:
    """The paragraph whose run holds ``text`` deleted with track changes off."""
    at = xml.index(run(text))
    start = xml.rindex("<w:p>", 0, at) if "<w:p>" in xml[:at] else -1
    start = max(start, xml.rindex("<w:p ", 0, at) if "<w:p " in xml[:at] else -1)
    end = xml.index("</w:p>", at) + len("</w:p>")
    return xml[:start] + xml[end:]


def word_style_runs(text: str, pieces: int = 3) -> str:
    """``text`` split over several runs as Word saves a paragraph typed in sittings: each run
    with its own rsid, a proofing mark in between."""
    step = max(1, len(text) // pieces)
    parts = [text[k : k + step] for k in range(0, len(text), step)]
    out = []
    for number, part in enumerate(parts):
        out.append(f'<w:r w:rsidR="00A1{number:04d}"><w:t xml:space="preserve">{escape(part)}</w:t></w:r>')
        if number == 0:
            out.append('<w:proofErr w:type="gramStart"/>')
    out.append('<w:proofErr w:type="gramEnd"/>')
    return "".join(out)


def saved_by_libreoffice(exported: Path, xml: str, folder: Path) -> Path:
    """The reviewed copy (``exported`` with ``xml``) saved again by LibreOffice as .docx: its
    own runs, revision ids and custom.xml throughout. Needs soffice (callers skip without)."""
    import subprocess

    from core.office.libreoffice import find_soffice

    (folder / "word").mkdir()
    reviewed = write_reviewed(exported, folder / "word" / "审阅.docx", xml)
    soffice = find_soffice()
    assert soffice is not None
    subprocess.run(
        [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder / "lo"), str(reviewed)],
        check=True, capture_output=True, timeout=240,
    )
    return folder / "lo" / "审阅.docx"
