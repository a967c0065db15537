"""Golden files: the exact XML of a fixed sample, and the committed templates.

Regenerate with ``python -m tests.golden.regenerate`` (and
``python -m core.render.build_templates``) after an intended change, then review the diff.
"""

from __future__ import annotations

import pytest

from core.draft.kinds import BUILTIN_KINDS_DIR, builtin_kinds
from core.render.build_templates import expected_templates
from core.render.ooxml import template_bytes
from core.render.package import read_zip
from tests.golden.regenerate import GOLDEN_DIR, GOLDEN_PARTS, golden_parts, normalise


@pytest.mark.parametrize("file_name", sorted(GOLDEN_PARTS.values()))
def test_rendered_parts_match_golden_files(file_name: str) -> None:
    expected = (GOLDEN_DIR / file_name).read_text(encoding="utf-8")
    assert golden_parts()[file_name] == expected, (
        f"{file_name} 与金标准不同；如属有意修改请重新生成并审阅差异"
    )


def test_golden_document_reads_as_a_gbt9704_report() -> None:
    # A few hand-checked facts, so a wrongly regenerated golden file cannot pass silently.
    document = (GOLDEN_DIR / "half_year_summary.document.xml").read_text(encoding="utf-8")
    assert "中共XX市XX区委员会组织部</w:t>\n        <w:br/>" in document  # title broken after 组织部
    assert '<w:rStyle w:val="Level2HeadingChar"/>' in document
    assert "附件：上半年重点工作完成情况表" in document
    assert "2025年7月1日" in document
    assert '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"' in document
    footer = (GOLDEN_DIR / "half_year_summary.footer_even.xml").read_text(encoding="utf-8")
    assert "PAGE" in footer and "PageNumberEven" in footer


def test_normalise_drops_rsids_only() -> None:
    raw = (
        b'<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        b'w:rsidR="00AB12CD" w:rsidRDefault="00AB12CD"><w:r w:rsidR="1"><w:t>x</w:t></w:r></w:p>'
    )
    assert "rsid" not in normalise(raw) and "<w:t>x</w:t>" in normalise(raw)


def test_committed_templates_match_the_generator() -> None:
    templates = expected_templates()
    folders = sorted(p.name for p in BUILTIN_KINDS_DIR.iterdir() if (p / "kind.toml").is_file())
    assert sorted(path.parent.name for path in templates) == folders == sorted(builtin_kinds())
    for path, data in templates.items():
        assert path.is_file(), f"{path} 缺失：请运行 python -m core.render.build_templates"
        assert path.read_bytes() == data, f"{path} 已过期：请运行 python -m core.render.build_templates"


def test_generator_is_deterministic_and_uses_no_theme() -> None:
    first, second = template_bytes("年度工作要点"), template_bytes("年度工作要点")
    assert first == second
    parts = read_zip(first)
    assert sorted(parts) == sorted(
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/core.xml",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "word/settings.xml",
            "word/fontTable.xml",
            "word/footer1.xml",
            "word/footer2.xml",
        ]
    )
    styles = parts["word/styles.xml"].decode()
    assert "Theme" not in styles and "theme" not in styles
    assert "年度工作要点模板" in parts["docProps/core.xml"].decode()
