"""Build the one-folder app with PyInstaller: runs on a machine without Python.

    python scripts/build_bundle.py            # → dist/baogao/ (baogao, or baogao.exe on Windows)
    python scripts/build_bundle.py --check-server /usr/bin/baogao  # an installed app against a PostgreSQL server
    python scripts/build_bundle.py --startup  # also dist/bare/: a bare PySide6 window bundled the
                                              # same way; start-up to the window shown, both timed

Needs ``pip install -c constraints.txt -e ".[bundle]"``. The bundle carries the Qt platform plugins and Qt's zh_CN
translations, the report kinds and resources (templates/ and resources/ beside core/, where
core/base/resources.py looks), jieba's dictionary and its cache built here (so the first start
does not spend a second building it), and psycopg with its binary wheel's libpq (the office
library server, core.library.postgres: nothing to install on a clerk's PC); LibreOffice is used
if the machine has it. When initdb/pg_ctl are installed, the built app is checked against a
throw-away PostgreSQL server (`library server init`, `library add`, `library search` with
--dsn), so a bundle that lost psycopg or its libpq fails here. Qt modules the app does not use
are left out. Prints the bundle's size and
its start-up time beside the source run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
NAME = "baogao"
# PySide6-Essentials modules the app never imports (it uses QtCore, QtGui, QtWidgets, QtSvg).
UNUSED_QT = (
    "QtQml", "QtQuick", "QtQuickWidgets", "QtQuickControls2", "QtQuickTest", "QtDesigner", "QtHelp",
    "QtSql", "QtTest", "QtUiTools", "QtConcurrent", "QtDBus", "QtOpenGL", "QtOpenGLWidgets", "QtNetwork",
    "QtQmlFeatures", "QtLabsStyleKit", "QtPrintSupport",
)

# Pulled in by optional imports of our dependencies, never used by the app. pkg_resources
# (setuptools): jieba's _compat tries it and falls back to reading its files directly; once
# collected, PyInstaller's runtime hook imports it before main at every start, and it scans
# every bundled dist-info: 120–600 ms of a bundled start that a source run never spends (issue 28).
UNUSED_OTHERS = (
    "numpy", "yaml", "tkinter", "PIL", "pdfplumber", "pytest", "hypothesis", "pkg_resources", "setuptools",
    "multiprocessing",  # only jieba's enable_parallel (never called); its runtime hook imports it at start
)  # fmt: skip


# How both the app and its bare-window baseline are packaged. One folder, not one file: a
# one-file app unpacks itself to a temporary folder at every start. No archive: the modules stay
# .pyc files read by Python's own importer, as in a source run, instead of being inflated from
# PyInstaller's compressed archive (issue 28: CPU to the window shown 220 → 189 ms for the app,
# 143 → 134 ms for the bare window, medians of 9 interleaved starts).
PACKAGING = ("--onedir", "--debug", "noarchive", "--noconfirm")


def jieba_cache(into: Path) -> Path:
    """Make the compact dictionary (core.text.segmenter) the way the app names it, in a scratch user folder."""
    env = {**os.environ, "BAOGAO_HOME": tempfile.mkdtemp(prefix="baogao-build-")}
    code = "from core.text import language; language.ensure_loaded(); from core.base.paths import cache_dir; print(cache_dir())"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    built = next(Path(out.stdout.strip().splitlines()[-1]).glob("words-*.bin"))
    into.mkdir(parents=True, exist_ok=True)
    shutil.copy2(built, into / built.name)
    return into


def shipped_data(separator: str) -> list[str]:
    """PyInstaller arguments putting templates/ and resources/ at the bundle's root, beside the
    core package (where core/base/resources.py finds them, as in a checkout)."""
    return [arg for folder in ("templates", "resources") for arg in ("--add-data", f"{ROOT / folder}{separator}{folder}")]


def build() -> Path:
    work = Path(tempfile.mkdtemp(prefix="baogao-pyinstaller-"))
    cache = jieba_cache(work / "jieba_cache")
    separator = ";" if os.name == "nt" else ":"
    args = [
        sys.executable, "-m", "PyInstaller", str(ROOT / "main.py"), "--name", NAME, *PACKAGING, "--clean", "--windowed" if os.name == "nt" else "--console",
        "--distpath", str(DIST), "--workpath", str(work / "build"), "--specpath", str(work),
        *shipped_data(separator), "--collect-data", "jieba", "--collect-data", "docx",
        "--collect-data", "docxtpl", "--hidden-import", "PySide6.QtSvg",
        # The proofreading lexicon reads pypinyin's table from its folder without importing it
        # (core.proofread.lexicon), so PyInstaller would not see it: without these, 检查 failed.
        "--collect-data", "pypinyin", "--hidden-import", "pypinyin",
        "--collect-submodules", "core", "--collect-submodules", "gui", "--collect-submodules", "cli",
        # psycopg finds its C implementation by a guarded import at run time; name it, and
        # collect its modules and the libpq the wheel carries (psycopg_binary.libs).
        "--collect-submodules", "psycopg", "--hidden-import", "psycopg_binary",
        "--collect-submodules", "psycopg_binary", "--collect-binaries", "psycopg_binary",
        "--add-data", f"{cache}{separator}jieba_cache",
    ]
    for module in UNUSED_QT:
        args += ["--exclude-module", f"PySide6.{module}"]
    for module in UNUSED_OTHERS:
        args += ["--exclude-module", module]
    icon = ROOT / "packaging" / "windows" / "baogao.ico"
    if os.name == "nt" and icon.is_file():
        args += ["--icon", str(icon)]
    subprocess.run(args, cwd=ROOT, check=True)
    return DIST / NAME


BARE_WINDOW = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1200, 800)
window.show()
def shown():
    app.processEvents()  # the first paint
    print(f"SHOWN {time.time():.6f}", flush=True)
    window.close()
QTimer.singleShot(0, shown)
app.exec()
"""


def build_bare() -> Path:
    """A bare PySide6 window bundled as the app is (the baseline of issue 28's ≤ 1.5×)."""
    work = Path(tempfile.mkdtemp(prefix="baogao-pyinstaller-bare-"))
    script = work / "bare.py"
    script.write_text(BARE_WINDOW, encoding="utf-8")
    args = [
        sys.executable, "-m", "PyInstaller", str(script), "--name", "bare", *PACKAGING, "--clean",
        "--windowed" if os.name == "nt" else "--console",
        "--distpath", str(DIST), "--workpath", str(work / "build"), "--specpath", str(work),
    ]
    for module in UNUSED_QT:
        args += ["--exclude-module", f"PySide6.{module}"]
    for module in UNUSED_OTHERS:
        args += ["--exclude-module", module]
    subprocess.run(args, cwd=work, check=True)
    return DIST / "bare"


def shown_after(executable: Path, home: Path) -> float:
    """Seconds from spawning ``executable`` to its window painted (it prints SHOWN and quits)."""
    env = {**os.environ, "BAOGAO_HOME": str(home), "BAOGAO_EXIT_WHEN_SHOWN": "1"}
    if os.name != "nt" and not os.environ.get("DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.time()
    done = subprocess.run([str(executable)], env=env, capture_output=True, text=True, timeout=120, check=True)
    line = next(line for line in done.stdout.splitlines() if line.startswith("SHOWN "))
    return float(line.split()[1]) - started


def startup_ratio(app: Path, bare: Path, runs: int = 7) -> None:
    """Bundled app against the bundled bare window, run by run in turn; medians compared."""
    import statistics

    with tempfile.TemporaryDirectory(prefix="baogao-bundle-start-") as home:
        for executable in (bare, app):  # warm the disk cache for both
            shown_after(executable, Path(home))
        times: dict[Path, list[float]] = {bare: [], app: []}
        for _ in range(runs):
            for executable in (bare, app):
                times[executable].append(shown_after(executable, Path(home)))
    ours, baseline = statistics.median(times[app]), statistics.median(times[bare])
    verdict = "达到" if ours <= 1.5 * baseline else "未达到"
    print(f"打包版启动到窗口显示（{runs} 轮交替，中位数）：本程序 {ours * 1000:.0f} ms，空白窗口 {baseline * 1000:.0f} ms，"
          f"比值 {ours / baseline:.2f}（目标 ≤ 1.5：{verdict}）")


def folder_size(folder: Path) -> int:
    """Bytes on disk, each file once (the bundle links some libraries under two names)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def timed(args: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, cwd=tempfile.gettempdir(), capture_output=True, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def check_server_library(command: list[str]) -> bool | None:
    """The bundled app speaks to a real PostgreSQL server: set it up, add a seed, find it.
    True when it did, False when it failed (printed), None when no server can run here."""
    sys.path.insert(0, str(ROOT))
    from tests.pg_server import running_server, why_not

    reason = why_not()
    if reason is not None:
        print(f"未检查打包版连接资料库服务器：{reason}")
        return None
    with running_server() as server, tempfile.TemporaryDirectory(prefix="baogao-bundle-pg-") as home:
        # A report of its own, so the check needs no seeds beside the checkout.
        seed = Path(home) / "某某区委组织部2023年工作总结.txt"
        seed.write_text(
            "某某区委组织部2023年工作总结\n一、主要工作\n全面加强基层党建工作，推动党建引领基层治理。\n", encoding="utf-8"
        )
        env = {**os.environ, "BAOGAO_HOME": home}
        env.pop("PYTHONPATH", None)
        env["PSYCOPG_IMPL"] = "binary"  # the wheel's libpq, never a system one it could fall back to
        admin = server.dsn()
        steps = [
            ["library", "server", "init", "--dsn", admin],
            ["library", "server", "member", "--dsn", admin, "clerk_bundle", "**区委组织部"],
            ["library", "add", "--dsn", server.dsn(user="clerk_bundle"), str(seed)],
            ["library", "search", "--dsn", server.dsn(user="clerk_bundle"), "党建"],
        ]
        for step in steps:
            done = subprocess.run([*command, *step], env=env, cwd=home, capture_output=True, text=True, timeout=300)
            if done.returncode != 0:
                print(f"打包版连接资料库服务器失败：baogao {' '.join(step[:2])}\n{done.stdout}{done.stderr}")
                return False
        if seed.stem not in done.stdout:  # the hit shows its title, the file name without .txt
            print(f"打包版在服务器上搜索“党建”没有找到刚收入的 {seed.name}：\n{done.stdout}")
            return False
    print(f"打包版连接 PostgreSQL 服务器：建库、登记科员、收入 {seed.name}、搜索到它，均正常（psycopg 与其 libpq 已打包）")
    return True


def main() -> int:
    if sys.argv[1:2] == ["--check-server"]:  # an installed app, e.g. the .deb's /usr/bin/baogao
        return 1 if check_server_library(sys.argv[2:3]) is False else 0
    bundle = build()
    suffix = ".exe" if os.name == "nt" else ""
    if "--startup" in sys.argv[1:]:
        startup_ratio(bundle / (NAME + suffix), build_bare() / ("bare" + suffix))
    executable = bundle / (NAME + (".exe" if os.name == "nt" else ""))
    size = folder_size(bundle) / 2**20
    bundled = timed([str(executable), "kinds"])
    source = timed([sys.executable, str(ROOT / "main.py"), "kinds"])
    print(f"包：{bundle}（{size:.0f} MB）")
    print(f"启动到列出报告类型：打包版 {bundled:.2f} s，源码运行 {source:.2f} s（比值 {bundled / source:.2f}）")
    return 1 if check_server_library([str(executable)]) is False else 0


if __name__ == "__main__":
    sys.exit(main())
