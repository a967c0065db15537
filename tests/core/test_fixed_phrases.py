"""A figure inside a fixed phrase (四个意识, 十大重点项目) is wording, not a figure to check:
the one-pattern lookup agrees with the plain definition on any text, and finds them at the
same cost per figure however many phrases there are."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.text.detectors import _in_fixed_phrase, find_figures, fixed_phrases


def _plainly_in_a_phrase(text: str, start: int, end: int) -> bool:
    """Some phrase begins at the figure, or an occurrence of it covers the figure."""
    for phrase in fixed_phrases():
        at = text.find(phrase)
        while at != -1:
            if at == start or (at <= start and end <= at + len(phrase)):
                return True
            at = text.find(phrase, at + 1)
    return False


pieces = st.sampled_from(
    [*fixed_phrases(), "48次", "四个", "十大", "项目", "第一个", "百年", "二十", "，", "3个", "两个", "十"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=12), st.data())
def test_the_pattern_agrees_with_the_plain_definition(parts: list[str], data: st.DataObject) -> None:
    text = "".join(parts)
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assert _in_fixed_phrase(text, start, end) == _plainly_in_a_phrase(text, start, end)


def test_figures_in_phrases_are_left_out_and_others_kept() -> None:
    assert [h.text for h in find_figures("实现第一个百年目标，完成48次检查，实施十大重点项目中的3个。")] == ["48次", "3个"]
    assert [h.text for h in find_figures("实现第一个目标，完成48次检查")] == ["第一个", "48次"]  # no phrase: a figure
