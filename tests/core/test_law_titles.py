"""core.proofread.law_titles: a cited title one slip away from a published law's is that law's."""

from __future__ import annotations

import pytest

from core.proofread.law_titles import law_title_slips


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # A word dropped inside the name.
        (
            "学习了《中华人民共和国全国人民代表大会和地方人民代表大会代表法》。",
            "中华人民共和国全国人民代表大会和地方各级人民代表大会代表法",
        ),
        ("深入贯彻落实《北京市接诉即办条例》，持续深化改革。", "北京市接诉即办工作条例"),
        # A character for one that sounds alike, with the edition after the name; the short title.
        ("依据《中华人民共和国行政复义法》（2023年修订）办理。", "中华人民共和国行政复议法"),
        ("严格执行《安全生产发》和《行政许可法》。", None),  # 发 ends no kind of title: not read
        ("严格执行《安全生产法》和《行政处法罚》。", None),
        ("落实《优化营商环境条列》。", None),
        ("落实《优化营商环竟条例》。", "优化营商环境条例"),
        # Two characters swapped.
        ("落实《保障中小企业款项付支条例》。", "保障中小企业款项支付条例"),
        # Two words swapped.
        ("推动修订《山东省营商环境优化条例》。", "山东省优化营商环境条例"),
        # A national law cited without its last 法.
        ("《中华人民共和国立法》赋予设区的市立法权。", "中华人民共和国立法法"),
        ("贯彻《中华人民共和国环境保护》。", "中华人民共和国环境保护法"),
        # ... or with a regulation's kind for its 法.
        ("学习了《中华人民共和国民族区域自治条例》。", "中华人民共和国民族区域自治法"),
        # A word added inside a national law's name, before the word that ends it.
        ("认真学习《退役军人权益保障法》。", "退役军人保障法"),
        ("宣传《中华人民共和国残疾人权益保障法》。", "中华人民共和国残疾人保障法"),
    ],
)
def test_a_title_one_slip_from_a_published_one(text: str, fixed: str | None) -> None:
    hits = list(law_title_slips(text))
    if fixed is None:
        assert hits == []
        return
    [hit] = hits
    assert hit.fix == fixed
    assert text[hit.start : hit.end] + "》" in text and hit.fix in hit.message


@pytest.mark.parametrize(
    "text",
    [
        # Published titles, whole or without 中华人民共和国, with an edition in brackets.
        "贯彻《中华人民共和国政府信息公开条例》《行政处罚法》《法治政府建设实施纲要（2021—2025年）》。",
        "依据《中华人民共和国行政复议法》（2023年修订）办理。",
        # Older and other laws: a word more (执业医师法, 婚姻登记管理条例), or one less at the start.
        "2019年依据《中华人民共和国执业医师法》《婚姻登记管理条例》和《中华人民共和国合同法》。",
        # Documents that are no law, and a regulation of a province the list does not hold.
        "印发《关于加强村级财务管理的实施意见》，执行《湖南省村务公开条例》。",
        "学习《中华人民共和国民法典》和《中华人民共和国宪法修正案》。",  # a code and an amendment
        "执行《中华人民共和国土地管理法实施条例》。",  # a law's own regulation, published
        # A word added to a local regulation (other provinces' differ so), or before 法 only.
        "执行《湖南省农村村务公开管理条例》，学习《中华人民共和国劳动合同法》《妇女权益保障法》。",
        "全体党员齐唱《中华人民共和国国歌》，学习《中华人民共和国国歌法》。",  # the anthem is a title of its own
    ],
)
def test_near_misses(text: str) -> None:
    assert list(law_title_slips(text)) == []
