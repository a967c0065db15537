"""A clerk's install: the wheel, installed outside the source tree, finds every kind and template."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT


def _run(args: list[str], cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PYTHONNOUSERSITE"] = "1"
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, **kwargs)  # type: ignore[call-overload]


def running_site_packages() -> list[str]:
    """Where the interpreter running the tests finds its packages (a venv's own, when it runs in
    one), without the source tree: the wheel's dependencies, already installed and tested."""
    paths = [sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()]
    return [
        path for path in dict.fromkeys(paths)
        if Path(path).is_dir() and not Path(path).resolve().is_relative_to(PROJECT_ROOT)
    ]  # fmt: skip


def _source_copy(where: Path) -> Path:
    """The files git knows (committed or not, ignored ones left out) copied to ``where``: the
    wheel is built from them, never from a build/ folder an earlier build left in the tree."""
    import shutil

    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=PROJECT_ROOT, capture_output=True, check=True)
    for name in filter(None, listed.stdout.decode("utf-8").split("\0")):
        source = PROJECT_ROOT / name
        if source.is_file():
            (where / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, where / name)
    return where


def _build_wheel(where: Path) -> Path:
    wheels = where / "wheels"
    source = _source_copy(where / "source")
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                  str(wheels), str(source)], cwd=where)
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = wheels.glob("baogao_qicao-*.whl")
    return wheel


def _shipped_files() -> list[str]:
    """templates/ and resources/ as the source tree holds them (git's list: no caches)."""
    listed = subprocess.run(["git", "ls-files", "templates", "resources"], cwd=PROJECT_ROOT, capture_output=True,
                            text=True, check=True)
    return sorted(listed.stdout.split())


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_wheel(tmp_path_factory.mktemp("wheel"))


def test_the_wheel_carries_templates_and_resources(wheel: Path) -> None:
    import zipfile

    shipped = _shipped_files()
    assert "templates/work_report/kind.toml" in shipped and "resources/icons/app.svg" in shipped
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    # Installed beside core/, under baogao_data/ (setup.py): every file, none left out.
    assert [name for name in shipped if f"baogao_data/{name}" not in names] == []
    assert "core/base/resources.py" in names
    assert not any(name.startswith(("templates/", "resources/")) for name in names)  # no top-level names taken


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv with the built wheel; its dependencies are those of the environment running the
    tests, named in a .pth file (not the base interpreter's, which a venv may not have)."""
    where = tmp_path_factory.mktemp("clerk")
    wheel = _build_wheel(where)
    env_dir = where / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    own = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=where)
    assert own.returncode == 0, own.stderr
    # Plain paths in a .pth file: the directories are searched after the venv's own, and the
    # .pth files inside them (an editable install pointing at the source tree) are not run.
    (Path(own.stdout.strip()) / "test_environment.pth").write_text(
        "".join(f"{path}\n" for path in running_site_packages()), encoding="utf-8"
    )
    installed = _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
                      str(wheel)], cwd=where)
    if installed.returncode != 0 and "no such option: --python" in installed.stderr:
        pytest.skip("this pip cannot install into another interpreter (needs pip 22.3 or newer)")
    assert installed.returncode == 0, installed.stderr[-2000:]
    return env_dir


def _script(env_dir: Path, name: str) -> str:
    return str(env_dir / ("Scripts" if os.name == "nt" else "bin") / name)


def test_the_wheel_carries_the_kinds_and_runs_from_anywhere(installed: Path, tmp_path: Path) -> None:
    python = _script(installed, "python")
    where = _run([python, "-c", "import core; from core.base.resources import data_dir, templates_dir; "
                  "print(core.__file__); print(data_dir()); print(templates_dir())"], cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    for line in where.stdout.splitlines():
        assert str(installed) in line and str(PROJECT_ROOT) not in line  # the wheel's copy, not the source

    kinds = _run([_script(installed, "baogao"), "kinds"], cwd=tmp_path)
    assert kinds.returncode == 0, kinds.stderr
    assert [line.split("\t")[0] for line in kinds.stdout.splitlines()] == [
        "annual_keypoints", "half_year_summary", "annual_summary", "work_report"
    ]

    sample = tmp_path / "上半年.txt"
    sample.write_text("某某区委组织部2024年上半年工作总结\n一、主要工作\n选派干部参加培训。\n", encoding="utf-8")
    out = tmp_path / "上半年.docx"
    rendered = _run([_script(installed, "baogao"), "render", str(sample), "-o", str(out)], cwd=tmp_path)
    assert rendered.returncode == 0, rendered.stderr
    assert out.is_file() and "通用公文模板" not in rendered.stderr  # the kind's own template, no fallback

    version = _run([_script(installed, "baogao"), "--version"], cwd=tmp_path)
    assert version.stdout.strip().startswith("报告起草助手 ") and "未知" not in version.stdout
    assert (installed / ("Scripts" if os.name == "nt" else "bin") / "baogao-gui").exists()


def test_ci_runs_the_readme_test_command() -> None:
    import re

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## 安装测试依赖并运行测试") :]
    command = re.search(r"```bash\n(.+?)\n```", section, re.S).group(1).strip()  # type: ignore[union-attr]
    ci_lines = [line.strip() for line in (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert command in ci_lines
    assert command.startswith("bash scripts/install_system_deps.sh && ")  # system packages are part of it


def _lay_out(root: Path, data_under: str) -> Path:
    """The resource finder alone, laid out as an install puts it: core/ at ``root``, the data
    at ``root / data_under``."""
    for module in ("core/__init__.py", "core/base/__init__.py", "core/base/resources.py"):
        (root / module).parent.mkdir(parents=True, exist_ok=True)
        (root / module).write_bytes((PROJECT_ROOT / module).read_bytes())
    (root / data_under / "templates" / "work_report").mkdir(parents=True)
    (root / data_under / "templates" / "work_report" / "kind.toml").write_text("", encoding="utf-8")
    (root / data_under / "resources" / "icons").mkdir(parents=True)
    (root / data_under / "resources" / "icons" / "app.svg").write_text("<svg/>", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("layout", "data_under"),
    [("checkout or PyInstaller bundle (_internal/)", "."), ("installed wheel (site-packages)", "baogao_data")],
)
def test_the_data_is_found_beside_core_in_every_layout(tmp_path: Path, layout: str, data_under: str) -> None:
    root = _lay_out(tmp_path / "app", data_under)
    code = "from core.base.resources import templates_dir, resources_dir; print(templates_dir()); print(resources_dir())"
    found = _run([sys.executable, "-S", "-c", f"import sys; sys.path.insert(0, {str(root)!r}); {code}"], cwd=tmp_path)
    assert found.returncode == 0, (layout, found.stderr)
    expected = (root / data_under).resolve()
    assert found.stdout.splitlines() == [str(expected / "templates"), str(expected / "resources")], layout


def test_no_data_found_names_the_folder_in_chinese(tmp_path: Path) -> None:
    root = _lay_out(tmp_path / "app", "elsewhere")
    code = (
        "from core.base.resources import templates_dir\n"
        "try:\n    templates_dir()\nexcept FileNotFoundError as e:\n    print(e)"
    )
    found = _run([sys.executable, "-S", "-c", f"import sys; sys.path.insert(0, {str(root)!r})\n{code}"],
                 cwd=tmp_path)
    assert found.returncode == 0, found.stderr
    assert "请重新安装本程序" in found.stdout and str(root.resolve()) in found.stdout


def test_the_bundle_puts_the_data_where_the_finder_looks() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_bundle", PROJECT_ROOT / "scripts" / "build_bundle.py")
    assert spec is not None and spec.loader is not None
    build_bundle = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_bundle)
    assert build_bundle.shipped_data(":") == [
        "--add-data", f"{PROJECT_ROOT / 'templates'}:templates", "--add-data", f"{PROJECT_ROOT / 'resources'}:resources",
    ]
    deb = (PROJECT_ROOT / "scripts" / "build_deb.sh").read_text(encoding="utf-8")
    assert "cp resources/icons/app.svg" in deb and (PROJECT_ROOT / "resources" / "icons" / "app.svg").is_file()


@pytest.mark.postgres
@pytest.mark.timeout(300)
def test_the_bundle_check_speaks_to_a_real_server_and_fails_without_psycopg() -> None:
    """scripts/build_bundle.py's server check (run on the built app and by smoke_deb.sh) on the
    source app: it passes with psycopg's binary wheel, and fails when psycopg cannot be imported."""
    from tests.pg_server import why_not

    if (reason := why_not()) is not None:
        pytest.skip(reason)
    sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
    try:
        import build_bundle
    finally:
        sys.path.remove(str(PROJECT_ROOT / "scripts"))
    app = [sys.executable, str(PROJECT_ROOT / "main.py")]
    assert build_bundle.check_server_library(app) is True
    # The same app with psycopg gone, as a bundle that lost it would be.
    hidden = [sys.executable, "-c", "import sys; sys.modules['psycopg'] = sys.modules['psycopg_binary'] = None; "
              f"sys.path.insert(0, {str(PROJECT_ROOT)!r}); import main; sys.exit(main.main())"]
    assert build_bundle.check_server_library(hidden) is False
