"""How the app scales to a thousand-page report: import, add to 资料库 and render at 10k, 100k,
1M and 5M characters, each beside the floor set by the library underneath it.

    python benchmarks/bench_scale.py [--sizes 10k,100k,1M,5M] [--runs 3] [--steps import,library,render]

Steps and their floors (the same paragraphs, measured in the same run):

- import: ``import_document`` of a .docx  vs  python-docx opening it and reading every
  paragraph's text;
- library: ``Library.add_report`` of the imported report (indexing; the import is the step
  above)  vs  jieba cutting the same text, paragraph by paragraph, with the same dictionary;
- render: ``render_document`` of the report  vs  python-docx writing the same paragraphs with
  the same paragraph and character styles into the same template and saving it.

Every measurement runs in a child process of its own, so memory is measured cleanly: time is
the CPU seconds of the step alone (all steps are single-threaded; on a machine shared with
other work, CPU time is what the load disturbs least), with its wall-clock seconds beside it;
memory is the step's peak (the process's RSS high-water mark, set back to the RSS just before the
step, less that RSS). The steps of a size alternate run by run, the order
turning (benchmarks/interleave.py's way), so load from elsewhere falls on all alike; figures
are medians. The growth exponent between two sizes is log(t2/t1)/log(s2/s1): 1 is linear.

The input is the seeds' sentences (../shared/seeds) over and over, one paragraph each, as a
.docx written directly (a compilation of reports: numbering restarts with each one).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000, "5M": 5_000_000}
STEPS = ("import", "library", "render")
TARGET_RATIO = 1.5


def seed_lines() -> list[str]:
    from tests.conftest import SEED_NAMES, SEEDS_DIR

    lines: list[str] = []
    for name in SEED_NAMES.values():
        path = SEEDS_DIR / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                # A sentence a paragraph: about 40 characters, so 5M characters make some
                # 125,000 paragraphs, near the promised 200,000 (the per-paragraph cost counts).
                lines += [sentence + "。" for sentence in line.strip().split("。") if sentence]
    if not lines:
        from core.text.plaintext import report_text
        from tests.core.written_corpus import written_report

        lines = [line for line in report_text(written_report(0)).splitlines() if line.strip()]
    return lines


def paragraphs_of(chars: int) -> list[str]:
    lines = seed_lines()
    out: list[str] = []
    total = 0
    while True:  # up to ``chars`` and not past it: 5M is the promised limit itself
        line = lines[len(out) % len(lines)]
        if total + len(line) > chars:
            return out
        out.append(line)
        total += len(line)


def write_input(folder: Path, chars: int) -> Path:
    from tests.docx_builders import paragraph_xml, write_docx_xml

    path = folder / f"input-{chars}.docx"
    if not path.exists():
        body = "".join(paragraph_xml(escape(text)) for text in paragraphs_of(chars))
        write_docx_xml(path, body)
    return path


def draft_of(folder: Path, docx: Path) -> Path:
    from core.draft.draft_file import save_draft
    from core.importing.importer import import_document

    path = docx.with_suffix(".draft.json")
    if not path.exists():
        save_draft(import_document(docx).report, path, keep_backup=False)
    return path


# ── one measurement, in a child process ──


def _status_bytes(field: str) -> int | None:
    """A size from /proc/self/status (Linux), in bytes; None elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _start_peak() -> int:
    """The RSS now, with the high-water mark set back to it where the system allows (Linux:
    clear_refs 5), so the peak read after the step is the step's own. Without that, what the
    set-up touched (the draft loaded, modules imported) hid the step: ru_maxrss only grows."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
    now = _status_bytes("VmRSS")
    if now is not None:
        return now
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _peak_bytes() -> int:
    peak = _status_bytes("VmHWM")
    if peak is not None:
        return peak
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def child(step: str, which: str, docx: Path, draft: Path, work: Path) -> dict[str, float]:
    """Set up untimed, then time ``step`` (``ours`` or ``floor``) once."""
    action = _prepare(step, which, docx, draft, work)
    before = _start_peak()
    started, cpu_started = time.perf_counter(), time.process_time()
    action()
    cpu = time.process_time() - cpu_started
    seconds = time.perf_counter() - started
    return {"seconds": cpu, "wall": seconds, "peak_mb": max(0, _peak_bytes() - before) / 1024 / 1024}


def _prepare(step: str, which: str, docx: Path, draft: Path, work: Path) -> Any:
    if step == "import":
        if which == "ours":
            from core.importing.importer import import_document

            return lambda: import_document(docx)
        import docx as python_docx

        return lambda: [paragraph.text for paragraph in python_docx.Document(str(docx)).paragraphs]

    from core.draft.draft_file import load_draft

    report = load_draft(draft)
    if step == "library":
        from core.text import language

        language.ensure_loaded()
        if which == "ours":
            from core.library.store import Library

            library = Library(work / "library")
            original = docx.read_bytes()
            return lambda: library.add_report(report, original=original, file_name=docx.name)
        import jieba

        from core.render.context import build_context

        texts = [p["lead"] + p["text"] for p in build_context(report).paragraphs]
        return lambda: [list(jieba.dt.cut(text)) for text in texts]

    from core.render.context import build_context
    from core.render.engine import default_template, render_document

    if which == "ours":
        return lambda: render_document(report)
    import docx as python_docx
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph

    from core.render.variants import VARIANT_BY_KEY

    template = default_template(report.kind)
    paragraphs = build_context(report).paragraphs

    def write() -> bytes:
        document = python_docx.Document(io.BytesIO(template))
        body = document.element.body
        section = body.sectPr
        for element in list(body):
            body.remove(element)
        styles = {style.style_id: style for style in document.styles}
        # python-docx's add_paragraph looks for w:sectPr past every paragraph (quadratic);
        # its Paragraph API on paragraphs appended in order is the library's own linear cost.
        for paragraph in paragraphs:
            variant = VARIANT_BY_KEY[paragraph["style"]]
            element = OxmlElement("w:p")
            body.append(element)
            written = Paragraph(element, document._body)
            written.style = styles[variant.paragraph_style]
            if paragraph["lead"]:
                written.add_run(paragraph["lead"], style=styles[variant.lead_style or "Normal"])
            written.add_run(paragraph["text"])
        if section is not None:
            body.append(section)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    return write


def measure(step: str, which: str, docx: Path, draft: Path, work: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory(dir=work) as scratch:
        result = subprocess.run(
            [sys.executable, __file__, "--child", step, which, str(docx), str(draft), scratch],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONPATH": str(ROOT), "BAOGAO_HOME": scratch},
        )
    if result.returncode != 0:
        raise SystemExit(f"{step}/{which} failed on {docx.name}:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def exponent(small: float, large: float, size_ratio: float) -> float:
    return math.log(max(large, 1e-9) / max(small, 1e-9)) / math.log(size_ratio)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10k,100k,1M,5M")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--steps", default=",".join(STEPS))
    parser.add_argument("--folder", type=Path, default=None, help="keep the generated inputs here")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        step, which, docx, draft, work = args.child
        print(json.dumps(child(step, which, Path(docx), Path(draft), Path(work))))
        return 0

    sizes = [(label, SIZES[label]) for label in args.sizes.split(",")]
    steps = args.steps.split(",")
    folder = args.folder or Path(tempfile.mkdtemp(prefix="bench_scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    medians: dict[tuple[str, str, str], tuple[float, float]] = {}
    worst = 0.0
    print("size\tstep\tours CPU s\tfloor CPU s\tratio\t(wall s: ours/floor)\tours MB\tfloor MB\tparagraphs")
    for label, chars in sizes:
        docx = write_input(folder, chars)
        draft = draft_of(folder, docx)
        names = [(step, which) for step in steps for which in ("ours", "floor")]
        results: dict[tuple[str, str], list[dict[str, float]]] = {name: [] for name in names}
        for run in range(args.runs):
            turn = run % len(names)
            for name in names[turn:] + names[:turn]:
                results[name].append(measure(*name, docx, draft, folder))
        paragraph_count = len(paragraphs_of(chars))
        for step in steps:
            figures = {}
            walls = {}
            for which in ("ours", "floor"):
                walls[which] = statistics.median(r["wall"] for r in results[(step, which)])
                seconds = statistics.median(r["seconds"] for r in results[(step, which)])
                peak = statistics.median(r["peak_mb"] for r in results[(step, which)])
                figures[which] = (seconds, peak)
                medians[(label, step, which)] = (seconds, peak)
            ratio = figures["ours"][0] / figures["floor"][0]
            if chars >= 1_000_000:
                worst = max(worst, ratio)
            print(
                f"{label}\t{step}\t{figures['ours'][0]:.3f}\t{figures['floor'][0]:.3f}\t{ratio:.2f}"
                f"\t{walls['ours']:.3f}/{walls['floor']:.3f}"
                f"\t{figures['ours'][1]:.0f}\t{figures['floor'][1]:.0f}\t{paragraph_count}",
                flush=True,
            )
    print("\ngrowth exponent of CPU time (1 = linear), from one size to the next")
    print("step\tfrom→to\tours\tfloor")
    for step in steps:
        for (small_label, small), (large_label, large) in itertools.pairwise(sizes):
            ours = exponent(medians[(small_label, step, "ours")][0], medians[(large_label, step, "ours")][0], large / small)
            floor = exponent(
                medians[(small_label, step, "floor")][0], medians[(large_label, step, "floor")][0], large / small
            )
            print(f"{step}\t{small_label}→{large_label}\t{ours:.2f}\t{floor:.2f}")
    print(f"\nworst ratio at 1M characters and more: {worst:.2f} (target ≤ {TARGET_RATIO})")
    return 0 if worst <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
