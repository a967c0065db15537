"""Which template paragraph each kind of rendered paragraph uses (``p.style`` in the render
context, core/render/context.py), with the fallback a template made before it existed uses."""

from __future__ import annotations

from dataclasses import dataclass

from core.render.styles import STYLE_BY_ID


@dataclass(frozen=True)
class Variant:
    """One paragraph of the template: what a rendered paragraph with ``p.style == key`` looks like."""

    key: str
    paragraph_style: str
    lead_style: str | None = None  # character style of the run-in heading part (``p.lead``)
    page_break_after: bool = False
    # What a template made before this variant existed uses instead (its own fallback, or
    # at last the body paragraph): a unit's restyled template keeps working.
    fallback: str | None = None


VARIANTS: tuple[Variant, ...] = (
    Variant("title", "DocTitle"),
    Variant("title_tight", "DocTitleTight"),
    Variant("subtitle", "DocSubtitle"),
    Variant("subtitle_tight", "DocSubtitleTight"),
    Variant("body", "Normal"),
    Variant("salutation", "Salutation"),
    Variant("addressee", "Addressee", fallback="salutation"),
    Variant("cover_last", "Normal", page_break_after=True),  # 印发通知 ends; the report starts a page
    Variant("h1", "Level1Heading"),
    Variant("h2", "Level2Heading"),
    Variant("h3", "Level3Heading"),
    Variant("h4", "Level4Heading"),
    Variant("h1_run_in", "Normal", "Level1HeadingChar"),
    Variant("h2_run_in", "Normal", "Level2HeadingChar"),
    Variant("h3_run_in", "Normal", "Level3HeadingChar"),
    Variant("h4_run_in", "Normal", "Level4HeadingChar"),
    Variant("attachment", "Attachment"),
    Variant("attachment_more", "AttachmentMore"),
    Variant("signature", "Signature"),
    Variant("signature_more", "SignatureMore"),
    Variant("date", "DocDate"),
    Variant("date_first", "DocDateFirst"),
    # A 印发通知's date: the report starts on a new page after it.
    Variant("cover_date", "DocDate", page_break_after=True, fallback="cover_last"),
    Variant("header_top", "HeaderTop", fallback="addressee"),
    Variant("issuer_mark", "IssuerMark", fallback="title"),
    Variant("doc_number", "DocNumber", fallback="subtitle"),
    # The lead (发文字号 + tab + "签发人：") keeps its run in a template that predates this.
    Variant("doc_number_signed", "DocNumberSigned", "SignerLabelChar", fallback="h4_run_in"),
    Variant("doc_number_signers_first", "DocNumberSignersFirst", "SignerLabelChar", fallback="doc_number_signed"),
    Variant("doc_number_signers_more", "DocNumberSignersMore", "SignerLabelChar", fallback="doc_number_signed"),
    Variant("header_rule", "HeaderRule"),
    Variant("header_rule_blank", "HeaderRuleBlank", fallback="header_rule"),
    Variant("imprint_rule_thick", "ImprintRuleThick"),
    Variant("imprint_rule_thin", "ImprintRuleThin", fallback="imprint_rule_thick"),
    Variant("imprint_copy_to", "ImprintCopyTo", fallback="addressee"),
    Variant("imprint_printer", "ImprintPrinter", fallback="addressee"),
    Variant("attachment_label", "AttachmentLabel", fallback="h1"),
)
VARIANT_BY_KEY = {v.key: v for v in VARIANTS}


def variant_label(key: str) -> str:
    """The Chinese name of the style a paragraph kind uses, for messages ("主送机关")."""
    variant = VARIANT_BY_KEY.get(key)
    if variant is None:
        return key
    style = STYLE_BY_ID.get(variant.lead_style or variant.paragraph_style)
    return style.name if style is not None and style.id != "Normal" else "正文"
