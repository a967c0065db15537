"""Report → .docx bytes: context → docxtpl with a strict, sandboxed Jinja → fix-ups → zip.

Jinja is configured the way a shared template demands: output is XML-escaped, an
undefined variable is an error rather than a blank, and templates run in a sandbox
(units pass templates around; a template must not reach into Python).
"""

from __future__ import annotations

import dataclasses
import html
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from lxml import etree
from markupsafe import Markup, escape

from core.base.errors import ReportError
from core.base.progress import Progress, progress_or_none
from core.draft.kinds import signature_layout_for
from core.draft.model import Report
from core.draft.scale import report_size, size_refusal
from core.render.context import build_context, clean_text
from core.render.external_links import strip_external_relationships
from core.render.fixups import apply_font_scheme, missing_paragraphs
from core.render.fonts import DEFAULT_SCHEME, font_warnings, get_scheme
from core.render.header_grid import keep_header_on_grid
from core.render.imprint_placement import IMPRINT_OWN_PAGE, IMPRINT_UNDER_TEXT, PLACE_IMPRINT
from core.render.ooxml import template_bytes
from core.render.package import content_types_xml, write_zip
from core.render.punctuation import keep_chinese_punctuation
from core.render.signature import keep_closing_with_text, place_signature
from core.render.signer_tabs import place_signer_tabs
from core.render.style_names import our_style_ids
from core.render.tables import build_tables, table_style_id
from core.render.template_limits import (
    LimitedEnvironment,
    TemplateLimitExceeded,
    check_template_package,
    template_line,
)
from core.render.title import title_for_untitled
from core.render.variants import VARIANT_BY_KEY, variant_label

if TYPE_CHECKING:
    from core.draft.kinds import Kind

MAX_TEMPLATE_BYTES = 50 * 1024 * 1024
TemplateSource = Path | str | bytes | None


class TemplateInvalid(ReportError):
    """A Word template that cannot be rendered; the message says what to do."""

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason
        super().__init__(f"模板“{name}”无法使用：{reason}")


@dataclass
class RenderedDocument:
    data: bytes
    warnings: list[str] = field(default_factory=list)


def _finalize(value: Any) -> Markup:
    """Every ``{{ … }}`` output: XML-safe, escaped, and inert.

    Braces are written as character references so that text such as "{{ x }}" or
    "{_{" is printed literally: docxtpl post-processes the rendered XML and would
    otherwise turn "{_{" into "{{". ``str()`` of an undefined value raises (strict).
    """
    if isinstance(value, Markup):
        return value
    text = str(escape(clean_text(str(value))))
    return Markup(text.replace("{", "&#123;").replace("}", "&#125;"))


def make_environment(paragraphs: int = 0) -> SandboxedEnvironment:
    """A fresh sandbox per render: its limits (template_limits) count for one document of
    ``paragraphs`` paragraphs."""
    return LimitedEnvironment(paragraphs, autoescape=True, undefined=StrictUndefined, finalize=_finalize)


_STYLE_TEST = re.compile(r"""p\.style\s*==\s*['"‘’](\w+)['"‘’]""")


class _CheckedTemplate(DocxTemplate):
    """docxtpl, refusing a template whose body has no loop over ``paragraphs``."""

    def __init__(self, data: bytes, name: str) -> None:
        super().__init__(io.BytesIO(data))
        self.display_name = name
        self.failed_at = ""  # where in the template the last render failed, for the message

    def render_xml_part(self, src_xml: str, part: Any, context: dict[str, Any], jinja_env: Any = None) -> str:
        try:
            return super().render_xml_part(src_xml, part, context, jinja_env)
        except Exception as exc:
            self.failed_at = _place_in_template(exc, src_xml, part)
            raise

    def paragraph_kinds(self) -> set[str]:
        """The paragraph kinds (``p.style == '…'``) the template has a paragraph for."""
        return set(_STYLE_TEST.findall(self.patch_xml(self.get_xml())))

    def build_xml(self, context: dict[str, Any], jinja_env: Any = None) -> str:
        xml = self.patch_xml(self.get_xml())
        if "paragraphs" not in xml:
            raise TemplateInvalid(
                self.display_name,
                "正文中没有报告内容的循环标记（{%p for p in paragraphs %}）。请在软件自带模板的基础上修改样式。",
            )
        return self.render_xml_part(xml, self.docx._part, context, jinja_env)


_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_XML_TAG = re.compile(r"<[^>]+>")


def _place_in_template(exc: BaseException, src_xml: str, part: Any) -> str:
    """"第 N 行（正文：“…”）" for the line of ``src_xml`` where ``exc`` happened, or "".

    docxtpl starts every paragraph on a line of its own before Jinja reads the XML, so a
    template line is one Word paragraph; its text is what the clerk can find in Word.
    """
    line = template_line(exc)
    if line is None:
        return ""
    lines = _PARAGRAPH_START.sub(r"\n<w:p\1", src_xml).splitlines()
    text = html.unescape(_XML_TAG.sub("", lines[line - 1])).strip() if 0 < line <= len(lines) else ""
    if len(text) > 40:
        text = text[:40] + "…"
    partname = str(getattr(part, "partname", ""))
    where = "页眉" if "header" in partname else "页脚" if "footer" in partname else "正文"
    return f"出错位置：模板{where}第 {line} 行" + (f"“{text}”" if text else "") + "。"


@lru_cache(maxsize=8)
def default_template(kind_name: str = "") -> bytes:
    return template_bytes(kind_name)


def _read_template(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise TemplateInvalid(path.name, "文件超过 50 MB，不像是 Word 模板。")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise TemplateInvalid(path.name, "文件不存在，可能已被移动或删除。") from exc
    except OSError as exc:
        raise TemplateInvalid(path.name, f"读取失败（{exc.strerror or exc}）。") from exc


def resolve_template(kind: Kind | None, kind_id: str, template: TemplateSource) -> tuple[bytes, str, list[str]]:
    """The template's bytes, a name for messages, and warnings.

    ``template`` (a path or raw bytes) wins; otherwise the kind's own template, or the
    generated default where the kind has none or is not installed here.
    """
    if isinstance(template, bytes):
        return template, "自定义模板", []
    if template is not None:
        path = Path(template)
        return _read_template(path), path.name, []
    if kind is None:
        warning = f"未找到报告类型“{kind_id}”，已使用通用公文模板。"
        return default_template(), "通用公文模板", [warning]
    if kind.template_path is None:
        return default_template(kind.name), f"{kind.name}模板", []
    return _read_template(kind.template_path), f"{kind.name}模板（{kind.template_path}）", []


def _open_template(data: bytes, name: str) -> _CheckedTemplate:
    refusal = check_template_package(data)
    if refusal is not None:
        raise TemplateInvalid(name, refusal)
    template = _CheckedTemplate(data, name)
    try:
        template.init_docx()
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise TemplateInvalid(
            name, "不是有效的 Word 文档（.docx）。请用 Word/WPS 另存为 .docx 后再选。"
        ) from exc
    except ValueError as exc:  # python-docx: a .dotx/.docm content type
        raise TemplateInvalid(
            name, "不是普通 Word 文档。请用 Word/WPS 另存为“Word 文档（.docx）”后再选。"
        ) from exc
    return template


def fall_back_to_known_kinds(paragraphs: list[dict[str, str]], known: set[str]) -> list[str]:
    """Paragraph kinds the template predates are rendered through their fallback (at
    last as body text), with a warning naming each; a template that tests no kinds at
    all is left to render everything its own way."""
    if not known:
        return []
    replaced: dict[str, str] = {}
    for paragraph in paragraphs:
        wanted = paragraph["style"]
        style = wanted
        while style not in known:
            variant = VARIANT_BY_KEY.get(style)
            style = variant.fallback if variant is not None and variant.fallback else "body"
            if style == "body":
                break
        if style != wanted:
            paragraph["style"] = style
            replaced.setdefault(wanted, style)
    return [
        f"模板中没有“{variant_label(wanted)}”段落，已按“{variant_label(used)}”的样式输出。"
        "如需单独设置格式，可改用软件自带模板，或在模板中加入这一段落。"
        for wanted, used in replaced.items()
    ]


class _TellingParagraphs(list):  # type: ignore[type-arg]
    """The template's ``paragraphs``: as the template's loop goes through them, ``progress``
    hears how many it has written (the loop is most of a long document's template work)."""

    def __init__(self, paragraphs: list[dict[str, str]], progress: Progress) -> None:
        super().__init__(paragraphs)
        self._progress = progress

    def __iter__(self) -> Iterator[dict[str, str]]:
        total = len(self)
        for index, paragraph in enumerate(super().__iter__()):
            if index % _PARAGRAPHS_PER_UPDATE == 0:
                self._progress.update(index, total)
            yield paragraph


_PARAGRAPHS_PER_UPDATE = 256
# Shares of one rendering, measured on bench_scale's 1M characters (CPU time): the context a
# tenth, the template half (its loop over the paragraphs two thirds of that), the fix-ups
# (fonts, punctuation, 落款, tables) a quarter, packaging the rest.
_CONTEXT_END, _TEMPLATE_END, FIXUPS_END = 0.1, 0.6, 0.85
_LOOP_SHARE = 0.7  # of the template's share: its loop; docxtpl's own passes are the rest


def _render(template: _CheckedTemplate, context: dict[str, Any], name: str, progress: Progress | None = None) -> None:
    if progress is not None:
        context = {**context, "paragraphs": _TellingParagraphs(context["paragraphs"], progress.part(0.0, _LOOP_SHARE))}
    try:
        _render_or_raise(template, context, name)
    except TemplateInvalid as exc:
        if template.failed_at:
            raise TemplateInvalid(name, f"{exc.reason}{template.failed_at}") from exc
        raise


def _render_or_raise(template: _CheckedTemplate, context: dict[str, Any], name: str) -> None:
    try:
        paragraphs = len(context.get("paragraphs", ()))
        template.render(context, jinja_env=make_environment(paragraphs), autoescape=True)
    except TemplateLimitExceeded as exc:
        raise TemplateInvalid(name, exc.reason) from exc
    except RecursionError as exc:
        raise TemplateInvalid(name, "模板中的宏调用自身没有尽头（无限递归），已停止。请检查模板中的 macro。") from exc
    except TemplateSyntaxError as exc:
        raise TemplateInvalid(
            name, f"花括号标记写法有误（{exc.message}）。请检查模板中的 {{% %}} 标记。"
        ) from exc
    except UndefinedError as exc:
        raise TemplateInvalid(
            name,
            f"模板用到了不存在的内容（{exc.message}）。可用的是 paragraphs 和 report（title、unit、year、date 等）。",
        ) from exc
    except SecurityError as exc:
        raise TemplateInvalid(name, "模板中有不允许的操作，出于安全考虑已拒绝。") from exc
    except TemplateError as exc:
        raise TemplateInvalid(name, f"模板处理出错（{exc}）。") from exc
    except (TypeError, ValueError, ArithmeticError, LookupError) as exc:  # e.g. {{ 1/0 }}, {{ "a" - 1 }}
        raise TemplateInvalid(name, f"模板中的计算无法进行（{exc}）。请检查模板中的花括号标记。") from exc
    except etree.XMLSyntaxError as exc:
        raise TemplateInvalid(name, "模板生成的文档结构有误，请改用软件自带模板。") from exc


# Word (and lxml reading the rendered XML) will not take a text run over 10 MB; a real
# paragraph is a few hundred characters. Said here, before the template is blamed.
MAX_PARAGRAPH_CHARS = 1_000_000


class ParagraphTooLong(ReportError):
    def __init__(self, index: int, text: str) -> None:
        super().__init__(
            f"第 {index} 段文字过长（{len(text) // 10_000} 万字，上限 {MAX_PARAGRAPH_CHARS // 10_000} 万字），"
            f"Word 无法处理这样长的段落。请把“{text[:15]}…”这一段拆成几段后再生成。"
        )


def _refuse_overlong_paragraphs(paragraphs: list[dict[str, str]]) -> None:
    for index, paragraph in enumerate(paragraphs, start=1):
        text = paragraph.get("lead", "") + paragraph.get("text", "")
        if len(text) > MAX_PARAGRAPH_CHARS:
            raise ParagraphTooLong(index, text)


def fonts_in_styles(styles_root: etree._Element) -> list[str]:
    from core.ooxml.names import qn

    names: list[str] = []
    for fonts in styles_root.iter(qn("w:rFonts")):
        for attr in ("eastAsia", "ascii"):
            value = fonts.get(qn(f"w:{attr}"))
            if value:
                names.append(value)
    return list(dict.fromkeys(names))


def package_bytes(document: Any) -> bytes:
    """The python-docx package as a deterministic zip (no timestamps)."""
    package = document.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    members = [
        ("[Content_Types].xml", content_types_xml(parts)),
        ("_rels/.rels", package.rels.xml),
    ]
    for part in parts:
        members.append((part.partname.membername, part.blob))
        if len(part.rels):
            members.append((part.partname.rels_uri.membername, part.rels.xml))
    return write_zip(members)


def render_document(
    report: Report,
    fonts: str | None = DEFAULT_SCHEME,
    template: TemplateSource = None,
    imprint_under_text: bool = False,
    imprint_placement: str = IMPRINT_OWN_PAGE,
    progress: Progress | None = None,
) -> RenderedDocument:
    """Render ``report`` to .docx bytes, with Chinese warnings (missing fonts, gaps).

    ``fonts`` is a scheme id (core.render.fonts.SCHEMES), or None to keep the template's own
    fonts (a clerk's restyled template). ``template`` is a path, raw bytes, or None
    for the report kind's template. ``imprint_placement`` is where the 版记 goes
    (core.render.imprint_placement: IMPRINT_*);
    ``imprint_under_text`` is short for IMPRINT_UNDER_TEXT. ``progress`` hears how far it is
    (and carries 取消).
    """
    steps = progress_or_none(progress)
    document, warnings = render_unplaced(report, fonts, template, steps)
    PLACE_IMPRINT[IMPRINT_UNDER_TEXT if imprint_under_text else imprint_placement](document)
    packaging = steps.part(FIXUPS_END, 1.0, "正在打包 Word 文档…")
    data = package_bytes(document)
    packaging.finished()
    return RenderedDocument(data=data, warnings=warnings)


def render_unplaced(report: Report, fonts: str | None, template: TemplateSource, steps: Progress) -> tuple[Any, list[str]]:
    """The rendered python-docx Document, all but the 版记's place, and the warnings;
    ``steps`` hears of the context, the template's paragraphs, the fix-ups."""
    from core.draft.kinds import load_kinds

    steps.part(0.0, _CONTEXT_END, "正在准备报告内容…")
    refusal = size_refusal(*report_size(report))  # before any template work
    if refusal is not None:
        raise ReportError(f"无法生成 Word 文档：{refusal}")
    scheme = get_scheme(fonts) if fonts is not None else None
    kind = load_kinds().get(report.kind)
    data, name, warnings = resolve_template(kind, report.kind, template)
    if not report.title.strip():
        title, warning = title_for_untitled(report)
        report = dataclasses.replace(report, title=title)
        warnings = [*warnings, warning]
    prepared = build_context(report, kind.name if kind else "")
    _refuse_overlong_paragraphs(prepared.paragraphs)
    document_template = _open_template(data, name)
    warnings += fall_back_to_known_kinds(prepared.paragraphs, document_template.paragraph_kinds())
    _render(document_template, prepared.context, name, steps.part(_CONTEXT_END, _TEMPLATE_END, "正在套用模板写出各段…"))
    steps.part(_TEMPLATE_END, FIXUPS_END, "正在排版（字体、标点、落款、表格）…")

    document = document_template.docx
    styles_root = document.styles.element
    if scheme is not None:
        apply_font_scheme(styles_root, scheme)
    body = document.element.body
    layout = signature_layout_for(report)
    ours = our_style_ids(styles_root)  # an office suite may have renamed the IDs
    keep_closing_with_text(body, ours)
    keep_chinese_punctuation(body, styles_root)
    missing = missing_paragraphs(body, prepared.expected_texts())
    if missing:
        sample = missing[0][:20] or "（空段落）"
        raise TemplateInvalid(
            name,
            f"模板缺少某些段落类型，有 {len(missing)} 段内容无法写入（如“{sample}”）。"
            "请改用软件自带模板，或在自带模板上修改样式而不要删除带花括号的段落。",
        )
    # After the nothing-lost check: a 署名 too wide for its place gets line breaks.
    place_signature(body, layout, ours)
    place_signer_tabs(body, ours)
    keep_header_on_grid(body, styles_root, ours)
    # After the nothing-lost check: the rows, proven present as paragraphs, become tables.
    cell_style = next((ours_id for ours_id, our in ours.items() if our == "TableText"), None)
    for table in build_tables(body, prepared.expected_texts(), prepared.tables, table_style_id(styles_root), cell_style):
        keep_chinese_punctuation(table, styles_root)
    # Word's document properties hold at most 255 characters; the page keeps the whole title.
    document.core_properties.title = clean_text(report.title).replace("\n", "")[:255]
    if strip_external_relationships(document.part.package):
        warnings.append("模板中有指向外部的链接（如网络图片、超链接、附加模板），已从生成的文档中去掉，以免打开时联网。")
    warnings += prepared.warnings
    warnings += font_warnings(fonts_in_styles(styles_root), stand_in_accepted=scheme.stand_in_accepted if scheme else ())
    # After the nothing-lost check the caller moves the 版记 into a footer or a box at the page foot.
    return document, warnings
