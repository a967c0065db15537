"""Property tests: the parser never raises or hangs, and loses no character."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core.draft.ordinals import format_ordinal, int_to_cn
from core.importing.cleanup import clean_paragraph, is_furniture, to_paragraphs
from core.importing.importer import parse_text
from core.importing.notice_cover import notice_paragraphs, report_start
from core.text.plaintext import report_paragraphs

WORDS = ["加强", "党建", "工作", "推进", "人才", "干部", "基层", "学习", "落实", "全面", "创新", "发展", "xx", "48次"]
PUNCT = ["，", "、", "“", "”", "《", "》", "（", "）", "；"]


def sentence() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS + PUNCT), min_size=1, max_size=8).map(
        lambda parts: "".join(parts).lstrip("，、；）”》") or "工作"
    ).map(lambda s: s + "。")


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    text = "".join(draw(st.lists(sentence(), min_size=1, max_size=4)))
    if draw(st.booleans()):
        count = draw(st.integers(2, 4))
        text += "".join(f"{int_to_cn(i)}是{draw(sentence())}" for i in range(1, count + 1))
    return text


@st.composite
def document(draw: st.DrawFn) -> str:
    lines = [draw(paragraph())]
    item = 0
    for chapter in range(1, draw(st.integers(1, 4)) + 1):
        lines.append(format_ordinal("{cn}、", chapter) + draw(sentence()).rstrip("。"))
        lines.extend(draw(st.lists(paragraph(), max_size=2)))
        for _ in range(draw(st.integers(0, 3))):
            item += 1
            head = format_ordinal("{n}.", item) + draw(sentence())
            lines.append(head + (draw(paragraph()) if draw(st.booleans()) else ""))
            lines.extend(draw(st.lists(paragraph(), max_size=2)))
    if draw(st.booleans()):
        lines.append("同志们，" + draw(paragraph()))
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_generated_documents_survive_paragraph_for_paragraph(text: str) -> None:
    report = parse_text(text).report
    assert report_paragraphs(report, source_markers=True) == to_paragraphs(text.splitlines())


def visible(text: str) -> str:
    return "".join(clean_paragraph(ch) for ch in text if not ch.isspace())


ARBITRARY = st.lists(
    st.sampled_from(
        list("一二三四五六七八九十是（）()、.．。，；：“”《》第页—-123456789年月日同志们xX *\n\t\u3000") + WORDS
    ),
    max_size=200,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(ARBITRARY)
@example("一、。一")  # an empty run-in heading lost its 。
def test_arbitrary_text_never_raises_and_keeps_every_character(text: str) -> None:
    report = parse_text(text).report
    kept = [line for line in text.splitlines() if not is_furniture(line)]
    expected = visible("".join(kept))
    got = visible("".join(report_paragraphs(report, source_markers=True)))
    assert got == expected


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_parses(text: str) -> None:
    parse_text(text)


_NOTICE_PIECES = [
    "某某局关于印发", "《2024年工作要点》", "2024年工作要点", "的通知", "现将", "印发给你们", "各科室：", "某某局",
    "2024年2月1日", "现予印发", "〈", "〉", "《", "》", "一、总体要求", "抓落实。", "2024年", "",
]


@given(st.lists(st.lists(st.sampled_from(_NOTICE_PIECES), max_size=5).map("".join), max_size=14))
@example(["某某局关于印发", "2024年工作要点的通知", "各科室：", "现将《2024年工作要点》印发给你们", "某某局", "2024年2月1日", "2024年工作要点", "一、总体要求"])
def test_a_notice_cover_keeps_every_paragraph(paras: list[str]) -> None:
    """Whatever opens the text, the cover is a head of it, and joining a notice's wrapped title
    drops no character (core.importing.notice_cover)."""
    start = report_start(paras)
    assert 0 <= start < max(1, len(paras))
    cover = notice_paragraphs(paras[:start])
    assert "".join(line.strip() for line in cover) == "".join(line.strip() for line in paras[:start])
