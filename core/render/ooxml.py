"""WordprocessingML parts of the shipped template, generated from :mod:`core.render.styles`.

Plain string building on purpose: the output is small, fixed and reviewed as a golden
file, and element order follows the schema (Word refuses some out-of-order parts).
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from core.ooxml.names import PACKAGE_RELS_NS, R_NS, W_NS
from core.render.fonts import DEFAULT_SCHEME, SCHEMES, WORD_STAND_INS, FontScheme, get_scheme
from core.render.package import write_zip
from core.render.styles import (
    BODY_PT,
    CHARACTER_STYLES,
    FOOTER_STYLES,
    LINE,
    PAGE,
    PARAGRAPH_STYLES,
    TWIPS_PER_PT,
    CharacterStyle,
    Indent,
    ParagraphStyle,
)
from core.render.tables import table_style_xml
from core.render.variants import VARIANTS, Variant

REL_NS, DOC_REL = PACKAGE_RELS_NS, R_NS
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
NS_DECL = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'

FOOTER_ODD_PART = "word/footer1.xml"
FOOTER_EVEN_PART = "word/footer2.xml"
FOOTER_RELS = {"odd": "rIdFooterOdd", "even": "rIdFooterEven"}


def _attr(value: str | int) -> str:
    return quoteattr(str(value))


def rfonts_xml(scheme: FontScheme, slot: str) -> str:
    """East Asian font from the slot; digits and Latin letters in the scheme's Latin face.

    Page numbers are the exception: GB/T 9704 asks for 半角宋体 digits there. ``w:hint``
    makes Word set shared punctuation (“” — …) in the Chinese font.
    """
    east = scheme.font(slot)
    latin = east if slot == "songti" else scheme.latin
    return (
        f"<w:rFonts w:ascii={_attr(latin)} w:hAnsi={_attr(latin)} w:eastAsia={_attr(east)}"
        f' w:cs={_attr(latin)} w:hint="eastAsia"/>'
    )


def _half_points(size_pt: float) -> int:
    return round(size_pt * 2)


def _ind_xml(indent: Indent, size_pt: float) -> str:
    """Indents in characters, with the twip equivalent for applications without char units."""
    char = size_pt * TWIPS_PER_PT
    parts = [
        f'w:left="{round(indent.left * char)}" w:leftChars="{round(indent.left * 100)}"',
        f'w:right="{round(indent.right * char)}" w:rightChars="{round(indent.right * 100)}"',
    ]
    if indent.hanging:
        parts.append(
            f'w:hanging="{round(indent.hanging * char)}" w:hangingChars="{round(indent.hanging * 100)}"'
        )
    else:
        parts.append(
            f'w:firstLine="{round(indent.first_line * char)}" '
            f'w:firstLineChars="{round(indent.first_line * 100)}"'
        )
    return f"<w:ind {' '.join(parts)}/>"


def _borders_xml(style: ParagraphStyle) -> str:
    """Lines drawn as paragraph borders (版头分隔线, 版记 lines), full width between the indents."""
    if not style.rules:
        return ""
    sides = {rule.side: rule for rule in style.rules}
    parts = [
        f'<w:{side} w:val="single" w:sz="{rule.size}" w:space="{rule.space}" w:color={_attr(rule.color)}/>'
        for side in ("top", "bottom")
        if (rule := sides.get(side)) is not None
    ]
    return f"<w:pBdr>{''.join(parts)}</w:pBdr>"


def _tabs_xml(style: ParagraphStyle) -> str:
    if not style.tabs:
        return ""
    stops = "".join(f'<w:tab w:val={_attr(t.align)} w:pos="{t.position}"/>' for t in style.tabs)
    return f"<w:tabs>{stops}</w:tabs>"


def paragraph_style_xml(style: ParagraphStyle, scheme: FontScheme) -> str:
    out = ['<w:style w:type="paragraph"']
    if style.default:
        out.append(' w:default="1"')
    out.append(f" w:styleId={_attr(style.id)}><w:name w:val={_attr(style.name)}/>")
    if style.based_on:
        out.append(f"<w:basedOn w:val={_attr(style.based_on)}/>")
    out.append("<w:qFormat/><w:pPr>")
    if style.keep_next:
        out.append("<w:keepNext/>")
    if style.page_break_before:
        out.append("<w:pageBreakBefore/>")
    # Chinese documents keep exactly 22 lines a page: no widow/orphan shuffling. No extra
    # space between Chinese and digits/Latin, no grid-driven right indent: 28 characters
    # a line whatever the text holds.
    out.append('<w:widowControl w:val="0"/>')
    out.append(_borders_xml(style) + _tabs_xml(style))
    out.append('<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:adjustRightInd w:val="0"/>')
    # Lines are fixed by the exact line spacing below, not by snapping to the grid.
    out.append('<w:snapToGrid w:val="0"/>')
    if style.line == "exact":
        line = f'w:line="{style.line_twips or LINE}" w:lineRule="exact"'
    else:
        line = 'w:line="240" w:lineRule="auto"'
    out.append(
        f'<w:spacing w:before="{round(style.before_lines * LINE)}" w:after="{round(style.after_lines * LINE)}" {line}/>'
    )
    out.append(_ind_xml(style.indent, style.size_pt))
    out.append(f"<w:jc w:val={_attr(style.align)}/>")
    if style.outline_level is not None:
        out.append(f'<w:outlineLvl w:val="{style.outline_level}"/>')
    out.append("</w:pPr><w:rPr>")
    out.append(rfonts_xml(scheme, style.slot))
    bold = style.bold or (style.slot == "title" and scheme.title_bold)
    out.append("<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>')
    if style.color:
        out.append(f"<w:color w:val={_attr(style.color)}/>")
    if style.size_pt == BODY_PT:
        out.append(f'<w:spacing w:val="{PAGE.char_spacing(BODY_PT)}"/>')  # 28 characters a line
    size = _half_points(style.size_pt)
    out.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>')
    return "".join(out)


def character_style_xml(style: CharacterStyle, scheme: FontScheme) -> str:
    bold = "<w:b/><w:bCs/>" if style.bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    return (
        f'<w:style w:type="character" w:styleId={_attr(style.id)}><w:name w:val={_attr(style.name)}/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>'
        f"<w:rPr>{rfonts_xml(scheme, style.slot)}{bold}</w:rPr></w:style>"
    )


_BUILTIN_STYLES = (
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>'
    "</w:style>"
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
)


def styles_xml(scheme: FontScheme) -> str:
    """``word/styles.xml``: explicit docDefaults (no theme fonts anywhere) and every named style."""
    body_size = _half_points(PARAGRAPH_STYLES[0].size_pt)
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f"{rfonts_xml(scheme, 'fangsong')}"
        f'<w:kern w:val="2"/><w:sz w:val="{body_size}"/><w:szCs w:val="{body_size}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>"
    )
    styles = [paragraph_style_xml(s, scheme) for s in PARAGRAPH_STYLES]
    styles += [character_style_xml(s, scheme) for s in CHARACTER_STYLES]
    styles.append(table_style_xml(rfonts_xml(scheme, "fangsong")))
    return f"{XML_HEAD}<w:styles {NS_DECL}>{defaults}{''.join(styles)}{_BUILTIN_STYLES}</w:styles>"


# ── document body: the Jinja loop over paragraphs, one template paragraph per variant ──

TEMPLATE_NOTE = (
    "本模板由报告起草助手生成。要改字体、字号、缩进，请在“样式”中修改对应的命名样式"
    "（如“公文标题”“一级标题（一、）”）；下面带花括号标记的段落请勿删除或改写。"
)


def _text_run(text: str, style: str | None = None) -> str:
    props = f"<w:rPr><w:rStyle w:val={_attr(style)}/></w:rPr>" if style else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _tag_paragraph(tag: str) -> str:
    return f"<w:p>{_text_run(tag)}</w:p>"


def variant_paragraph_xml(variant: Variant) -> str:
    props = (
        ""
        if variant.paragraph_style == "Normal"
        else (f"<w:pPr><w:pStyle w:val={_attr(variant.paragraph_style)}/></w:pPr>")
    )
    runs = ""
    if variant.lead_style:
        runs += _text_run("{{ p.lead }}", variant.lead_style)
    runs += _text_run("{{ p.text }}")
    if variant.page_break_after:
        runs += '<w:r><w:br w:type="page"/></w:r>'
    return f"<w:p>{props}{runs}</w:p>"


def section_properties_xml() -> str:
    page = PAGE
    return (
        "<w:sectPr>"
        f'<w:footerReference w:type="default" r:id="{FOOTER_RELS["odd"]}"/>'
        f'<w:footerReference w:type="even" r:id="{FOOTER_RELS["even"]}"/>'
        f'<w:pgSz w:w="{page.width}" w:h="{page.height}"/>'
        f'<w:pgMar w:top="{page.top}" w:right="{page.right}" w:bottom="{page.bottom}" w:left="{page.left}"'
        f' w:header="{page.header}" w:footer="{page.footer}" w:gutter="0"/>'
        '<w:cols w:space="425"/>'
        f'<w:docGrid w:type="lines" w:linePitch="{LINE}"/>'
        "</w:sectPr>"
    )


def document_xml() -> str:
    """``word/document.xml`` of the template: a docxtpl loop over ``paragraphs``."""
    body = [
        f"<w:p>{_text_run('{#p ' + TEMPLATE_NOTE + ' #}')}</w:p>",
        _tag_paragraph("{%p for p in paragraphs %}"),
    ]
    for index, variant in enumerate(VARIANTS):
        keyword = "if" if index == 0 else "elif"
        body.append(_tag_paragraph(f"{{%p {keyword} p.style == '{variant.key}' %}}"))
        body.append(variant_paragraph_xml(variant))
    body.append(_tag_paragraph("{%p endif %}"))
    body.append(_tag_paragraph("{%p endfor %}"))
    body.append(section_properties_xml())
    return f"{XML_HEAD}<w:document {NS_DECL}><w:body>{''.join(body)}</w:body></w:document>"


def footer_xml(parity: str) -> str:
    """A real PAGE field between 一字线: "— 1 —"."""
    style = FOOTER_STYLES[parity]
    return (
        f"{XML_HEAD}<w:ftr {NS_DECL}><w:p><w:pPr><w:pStyle w:val={_attr(style)}/></w:pPr>"
        '<w:r><w:t xml:space="preserve">— </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> —</w:t></w:r>'
        "</w:p></w:ftr>"
    )


def settings_xml() -> str:
    # Element order follows CT_Settings. evenAndOddHeaders gives even pages their own footer.
    return (
        f"{XML_HEAD}<w:settings {NS_DECL}>"
        '<w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="420"/>'
        "<w:evenAndOddHeaders/>"
        # Full-width punctuation keeps its width, so every line holds the same 28 characters.
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"'
        ' w:val="15"/></w:compat>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
        "</w:settings>"
    )




def font_table_xml() -> str:
    names: list[str] = []
    for scheme in SCHEMES.values():
        names.extend(scheme.names())
    fonts = []
    for name in dict.fromkeys(names):
        alt = WORD_STAND_INS.get(name)
        alt_xml = f"<w:altName w:val={_attr(alt)}/>" if alt else ""
        if name == "Times New Roman":
            info = '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/>'
        else:
            info = '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/>'
        fonts.append(f"<w:font w:name={_attr(name)}>{alt_xml}{info}</w:font>")
    return f"{XML_HEAD}<w:fonts {NS_DECL}>{''.join(fonts)}</w:fonts>"


def content_types_xml() -> str:
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    overrides = [
        ("/word/document.xml", f"{main}.document.main+xml"),
        ("/word/styles.xml", f"{main}.styles+xml"),
        ("/word/settings.xml", f"{main}.settings+xml"),
        ("/word/fontTable.xml", f"{main}.fontTable+xml"),
        (f"/{FOOTER_ODD_PART}", f"{main}.footer+xml"),
        (f"/{FOOTER_EVEN_PART}", f"{main}.footer+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    ]
    items = "".join(f"<Override PartName={_attr(p)} ContentType={_attr(t)}/>" for p, t in overrides)
    return (
        f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{items}</Types>"
    )


def _relationships(items: list[tuple[str, str, str]]) -> str:
    rels = "".join(f"<Relationship Id={_attr(i)} Type={_attr(t)} Target={_attr(g)}/>" for i, t, g in items)
    return f'{XML_HEAD}<Relationships xmlns="{REL_NS}">{rels}</Relationships>'


def package_rels_xml() -> str:
    return _relationships(
        [
            ("rId1", f"{DOC_REL}/officeDocument", "word/document.xml"),
            (
                "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml",
            ),
        ]
    )


def document_rels_xml() -> str:
    return _relationships(
        [
            ("rIdStyles", f"{DOC_REL}/styles", "styles.xml"),
            ("rIdSettings", f"{DOC_REL}/settings", "settings.xml"),
            ("rIdFontTable", f"{DOC_REL}/fontTable", "fontTable.xml"),
            (FOOTER_RELS["odd"], f"{DOC_REL}/footer", FOOTER_ODD_PART.removeprefix("word/")),
            (FOOTER_RELS["even"], f"{DOC_REL}/footer", FOOTER_EVEN_PART.removeprefix("word/")),
        ]
    )


def core_properties_xml(description: str) -> str:
    return (
        f"{XML_HEAD}<cp:coreProperties"
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title></dc:title><dc:description>{escape(description)}</dc:description>"
        "</cp:coreProperties>"
    )


def template_parts(scheme: FontScheme, description: str) -> list[tuple[str, bytes]]:
    """Every part of a template package, in a fixed order (content types first)."""
    parts = [
        ("[Content_Types].xml", content_types_xml()),
        ("_rels/.rels", package_rels_xml()),
        ("docProps/core.xml", core_properties_xml(description)),
        ("word/document.xml", document_xml()),
        ("word/_rels/document.xml.rels", document_rels_xml()),
        ("word/styles.xml", styles_xml(scheme)),
        ("word/settings.xml", settings_xml()),
        ("word/fontTable.xml", font_table_xml()),
        (FOOTER_ODD_PART, footer_xml("odd")),
        (FOOTER_EVEN_PART, footer_xml("even")),
    ]
    return [(name, text.encode("utf-8")) for name, text in parts]


def template_bytes(kind_name: str = "", scheme_id: str = DEFAULT_SCHEME) -> bytes:
    """A kind's template package (its display name goes into the file's description).

    Stored uncompressed with fixed timestamps: regenerating gives identical bytes.
    """
    label = f"{kind_name}模板" if kind_name else "公文模板"
    description = f"报告起草助手 · {label}（GB/T 9704-2012）"
    return write_zip(template_parts(get_scheme(scheme_id), description), compress=False)
