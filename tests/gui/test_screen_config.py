"""GUI tests run on their own screen: offscreen, 1280×800, whatever the caller's shell exported."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication

from tests.conftest import PROJECT_ROOT


def test_the_screen_is_an_office_pcs(app: QApplication) -> None:
    screen = QApplication.primaryScreen()
    assert QApplication.platformName() == "offscreen"
    assert screen.geometry().size().toTuple() == (1280, 800)
    assert screen.devicePixelRatio() == 1.0 and round(screen.logicalDotsPerInch()) == 96


@pytest.mark.parametrize("exported", [{"QT_QPA_PLATFORM": "xcb"}, {"QT_QPA_PLATFORM": "offscreen"},
                                      {"QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}])
def test_whatever_the_caller_exported(exported: dict[str, str]) -> None:
    """The run of the test above, in a shell that exported another platform (xcb without a display
    would abort the run; plain offscreen is an 800×800 screen; a scale factor halves it)."""
    env = {**os.environ, **exported}
    env.pop("DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/gui/test_screen_config.py::test_the_screen_is_an_office_pcs"],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "1 passed" in done.stdout
