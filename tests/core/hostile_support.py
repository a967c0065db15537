"""Shared tools of the hostile-input suite: run the real CLI, watch the folder, build files.

Every case runs the command line as a clerk would (in-process through ``cli.main.main``, or
in a subprocess under an address-space limit where memory is the point) and checks that
it ends in a correct result or a clear Chinese error: exit 0 or 2 (never 70, the internal
error), no traceback, and no file changed in the folder except the named output.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import PROJECT_ROOT

# Bounds of the issue: each case within 5 s of CPU and 1 GB of address space.
CPU_SECONDS = 5.0
MEMORY_BYTES = 1024 * 1024 * 1024
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class CliResult:
    code: int
    out: str
    err: str
    cpu_seconds: float


def run_cli(*args: str | Path) -> CliResult:
    """``python main.py ARGS`` in this process, with its output captured."""
    from cli.main import main

    out, err = io.StringIO(), io.StringIO()
    # This thread's CPU: the command runs in it, and threads other tests left behind do not count.
    started = time.thread_time()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse refusals
            code = int(exc.code or 0)
    return CliResult(code, out.getvalue(), err.getvalue(), time.thread_time() - started)


def run_cli_limited(tmp: Path, *args: str | Path, env: dict[str, str] | None = None) -> CliResult:
    """``python main.py ARGS`` in a child limited to 1 GB of address space and 12 s of CPU, so a
    blow-up ends the child, not the test run; ``cpu_seconds`` is the child's CPU, start-up
    included."""
    limits = (
        "import resource, runpy, sys;"
        f"resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_BYTES}, {MEMORY_BYTES}));"
        "resource.setrlimit(resource.RLIMIT_CPU, (12, 12));"
        f"sys.argv = ['main.py', *{[str(a) for a in args]!r}];"
        f"runpy.run_path({str(PROJECT_ROOT / 'main.py')!r}, run_name='__main__')"
    )
    before = _children_cpu()
    child = subprocess.run(
        [sys.executable, "-c", limits],
        cwd=tmp,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT), **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return CliResult(child.returncode, child.stdout, child.stderr, _children_cpu() - before)


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (user + system): the child's own cost,
    start-up included, however busy the machine is."""
    import resource  # POSIX, like the limits the child sets itself

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def assert_clear_refusal(result: CliResult, *words: str) -> None:
    """Exit 2 with a Chinese message containing ``words``, within the CPU bound."""
    assert result.code == 2, (result.code, result.err[-2000:])
    assert "Traceback" not in result.err and "程序内部出错" not in result.err, result.err[-2000:]
    assert _CJK.search(result.err), result.err
    for word in words:
        assert word in result.err, (word, result.err)
    assert result.cpu_seconds < CPU_SECONDS, result.cpu_seconds


def assert_success(result: CliResult) -> None:
    assert result.code == 0, (result.code, result.err[-2000:])
    assert result.cpu_seconds < CPU_SECONDS, result.cpu_seconds


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its content."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def changed_files(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


# ── files the cases build ──


def draft_text(report: Any, *, version: Any = 1) -> str:
    return json.dumps({"format": "baogao-draft", "version": version, "report": report}, ensure_ascii=False)


def write_draft(path: Path, report: Any) -> Path:
    path.write_text(draft_text(report), encoding="utf-8")
    return path


def good_report() -> dict[str, Any]:
    return {
        "kind": "work_report",
        "title": "某局2025年工作汇报",
        "unit": "某局",
        "year": 2025,
        "opening": ["今年以来，我局认真贯彻落实上级部署。"],
        "sections": [
            {"heading": "主要工作", "body": ["一是抓学习。二是抓落实。"], "children": [{"heading": "党建工作"}]},
            {"heading": "下步打算", "points": [{"text": "加强队伍建设。"}]},
        ],
    }


def template_with(jinja: str, *, extra_members: dict[str, bytes] | None = None, rels: str = "") -> bytes:
    """The shipped default template with one more paragraph holding ``jinja`` (XML-escaped
    by the caller where needed), optional extra members and document relationships."""
    from core.render.engine import default_template

    source = zipfile.ZipFile(io.BytesIO(default_template()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(
                    b"<w:body>", f'<w:body><w:p><w:r><w:t xml:space="preserve">{jinja}</w:t></w:r></w:p>'.encode(), 1
                )
            elif info.filename == "word/_rels/document.xml.rels" and rels:
                data = data.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
            out.writestr(info.filename, data)
        for name, data in (extra_members or {}).items():
            out.writestr(name, data)
    return buffer.getvalue()
