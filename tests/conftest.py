"""Shared fixtures. Every test gets its own per-user folders (BAOGAO_HOME)."""

from __future__ import annotations

import gc
import os
import threading
from collections import Counter
from collections.abc import Generator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from core.base.memory import collect_when_due

# Hypothesis fails an example that takes over 200 ms by default: a wall-clock limit that a busy
# machine trips by chance. No example is timed here; speed is benchmarks/' business.
hypothesis_settings.register_profile("baogao", deadline=None)
hypothesis_settings.load_profile("baogao")

# Offscreen, on a screen the size of a common office PC's (1280×800), so that GUI tests see
# what a clerk's screen allows — whatever the caller's shell exported (xcb, plain offscreen,
# a scale factor): a test of what fits on the screen must not depend on who runs it.
OFFSCREEN_1280X800 = f"offscreen:configfile={Path(__file__).resolve().parent / 'offscreen_1280x800.json'}"
os.environ["QT_QPA_PLATFORM"] = OFFSCREEN_1280X800
for _scaling in ("QT_SCALE_FACTOR", "QT_SCREEN_SCALE_FACTORS", "QT_FONT_DPI", "QT_AUTO_SCREEN_SCALE_FACTOR",
                 "QT_ENABLE_HIGHDPI_SCALING", "QT_USE_PHYSICAL_DPI", "QT_SCALE_FACTOR_ROUNDING_POLICY"):
    os.environ.pop(_scaling, None)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT.parent / "shared" / "seeds"
SEED_NAMES = {
    "000": "000_aac6eec4675da5c4.txt",
    "001": "001_762d5df38829f727.txt",
    "002": "002_f943a519de895b49.txt",
    "003": "003_65ef935a338d4aee.txt",
    "004": "004_742d758d5c42f273.txt",
}


@pytest.fixture(scope="session")
def pg_server() -> Generator[object, None, None]:
    """A real PostgreSQL server in a temporary folder for the whole run (tests/pg_server.py);
    the test is skipped, with the reason, only where none can be started here."""
    from tests import pg_server as servers

    reason = servers.why_not()
    if reason is not None:
        pytest.skip(reason)
    with servers.running_server() as server:
        yield server


# Parametrise a fixture over both library backends: the postgres one carries the marker,
# so `pytest -m postgres` selects it and `-m "not postgres"` leaves it out.
LIBRARY_BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def open_test_library(request: pytest.FixtureRequest, backend: str, folder: Path) -> object:
    """A new empty library of ``backend``: SQLite in ``folder``, or a new database on the test
    server opened as a clerk (``folder`` then holds its local cache)."""
    from core.library import Library

    if backend == "sqlite":
        return Library(folder)
    from tests.pg_server import clerk_library

    return clerk_library(request.getfixturevalue("pg_server"), folder)


@pytest.fixture(params=LIBRARY_BACKENDS)
def backend_library(request: pytest.FixtureRequest, tmp_path: Path) -> Generator[object, None, None]:
    """An empty library of each backend in turn (closed after the test)."""
    library = open_test_library(request, request.param, tmp_path / "library")
    yield library
    library.close()  # type: ignore[attr-defined]


# Set when a GUI test left Python's automatic garbage collection off (tests/gui/conftest.py).
AUTOMATIC_COLLECTION_OWED = threading.Event()


@pytest.fixture(autouse=True)
def _collection_after_the_window() -> None:
    """Once a window has run, automatic collection stays off for the session: the workers it left
    (the proofreading cache's, the panels') may still check a draft, and pytest-qt processes Qt
    events in every test's teardown, so a collection on a worker would free Qt objects off the
    GUI thread — the deadlock gui/collector.py describes (seen in CI: a teardown laying out a
    preview hung). Each test then collects what is due on the main thread, as the window's
    collector does."""
    if AUTOMATIC_COLLECTION_OWED.is_set():
        collect_when_due(gc.get_threshold())


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOGAO_HOME", str(tmp_path_factory.mktemp("baogao_home")))


SEEDS_MISSING = f"种子文件不存在（需要 {SEEDS_DIR}）"


def seed_path(key: str) -> Path:
    """Path of a seed report; skips the test where ../shared/seeds is absent."""
    path = SEEDS_DIR / SEED_NAMES[key]
    if not path.exists():
        pytest.skip(SEEDS_MISSING)
    return path


def require_seeds() -> None:
    """Skips the test where the seed reports are absent (a clone with nothing beside it)."""
    if not all((SEEDS_DIR / name).is_file() for name in SEED_NAMES.values()):
        pytest.skip(SEEDS_MISSING)


@pytest.fixture
def seeds() -> dict[str, Path]:
    return {key: seed_path(key) for key in SEED_NAMES}


# The fonts layout on paper is measured with (LibreOffice's PDF, the preview's lines): Debian's
# fonts-noto-cjk, which scripts/install_system_deps.sh installs when it can.
LAYOUT_FONTS = ("Noto Serif CJK SC", "Noto Sans CJK SC")


@pytest.fixture(scope="session")
def layout_fonts() -> None:
    """Skips a test that measures Chinese text on paper where the fonts it is measured with are
    missing (a machine where the system step could not install them): other fonts, other widths."""
    from core.render.fonts import detect_installed_fonts, missing_fonts

    missing = missing_fonts(LAYOUT_FONTS, detect_installed_fonts())
    if missing:
        pytest.skip(f"未安装中文字体 {'、'.join(missing)}（Debian：fonts-noto-cjk），无法按中文字宽测量版式")


def skip_reason(report: pytest.TestReport) -> str:
    """The reason a test was skipped, as its skip call or marker gave it."""
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    return reason.removeprefix("Skipped: ")


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> Generator[None, None, None]:
    """Ends every run with the skips counted by reason: what this machine lacks (the seeds beside
    the clone, LibreOffice, fonts, root for tmpfs) at a glance, whatever setup ran the tests.
    The outermost wrapper, so it comes after pytest's own short summary."""
    yield
    reasons = Counter(skip_reason(report) for report in terminalreporter.stats.get("skipped", []))
    total = sum(reasons.values())
    terminalreporter.section(f"跳过的测试：{total} 个，按原因计数" if total else "跳过的测试：0 个")
    for reason, count in sorted(reasons.items(), key=lambda item: (-item[1], item[0])):
        terminalreporter.write_line(f"{count:6d}  {reason}")
