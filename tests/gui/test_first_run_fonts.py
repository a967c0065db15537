"""First start: a machine without the chosen scheme's fonts is offered the scheme that fits, once."""

from __future__ import annotations

from typing import Any

import pytest

from core.base.settings import Settings, load_settings
from core.render.fonts import SCHEMES, scheme_for_this_machine
from gui.window_tools import check_fonts_once

WINDOWS_FONTS = frozenset({"仿宋", "楷体", "黑体", "宋体", "times new roman", "fangsong", "kaiti", "simhei", "simsun"})
UOS_FONTS = frozenset({"方正仿宋_gbk", "方正楷体_gbk", "方正黑体_gbk", "方正小标宋_gbk", "方正书宋_gbk", "times new roman"})


def test_the_scheme_that_fits_this_machine() -> None:
    assert scheme_for_this_machine("gb2312", WINDOWS_FONTS) == "windows"
    assert scheme_for_this_machine("gb2312", UOS_FONTS) == "xinchuang"
    complete = frozenset(n.lower() for n in SCHEMES["gb2312"].names()) | {"times new roman"}
    assert scheme_for_this_machine("gb2312", complete) is None  # nothing missing: no question
    assert scheme_for_this_machine("gb2312", frozenset()) is None  # nothing fits better


@pytest.mark.parametrize("answer", [True, False])
def test_asked_once_and_the_answer_kept(make_window: Any, monkeypatch: pytest.MonkeyPatch, answer: bool) -> None:
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr("core.render.fonts.installed_fonts", lambda: WINDOWS_FONTS)
    monkeypatch.setattr(
        "gui.dialogs.prompts.ask_switch_font_scheme", lambda parent, cur, new: asked.append((cur, new)) or answer
    )
    window = make_window(Settings())
    check_fonts_once(window, window.settings, window.documents.store_settings)
    assert asked == [(SCHEMES["gb2312"].label, SCHEMES["windows"].label)]
    assert window.settings.font_scheme == ("windows" if answer else "gb2312")
    assert load_settings().font_scheme_checked
    check_fonts_once(window, window.settings, window.documents.store_settings)
    assert len(asked) == 1  # once, not at every start
