"""Import speed: a 20,000-character .docx and a 300-page text file.

Prints our times beside baselines measured in the same run (python-docx opening the same
file and listing its paragraphs; reading the same text file and splitting lines), the two
alternating run by run (benchmarks/interleave.py), medians compared, so the ratios mean
something on a shared, noisy machine. Target: the .docx imports in < 100 ms (median).

    python benchmarks/bench_import.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.interleave import interleaved, median, record, spread  # noqa: E402
from core.importing.importer import import_document  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
FALLBACK = "一、加强党的建设\n1.强化理论武装。坚持第一议题制度，全年开展学习48次，覆盖党员干部1200人次。\n"


def seed_text() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("0*.txt"))]
    return "\n".join(texts) if texts else FALLBACK * 200


def make_docx(path: Path, chars: int) -> int:
    import docx

    document = docx.Document()
    total = 0
    lines = [ln for ln in seed_text().splitlines() if ln.strip()]
    i = 0
    while total < chars:
        document.add_paragraph(lines[i % len(lines)])
        total += len(lines[i % len(lines)])
        i += 1
    document.save(str(path))
    return total


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docx_path = folder / "report.docx"
        size = make_docx(docx_path, 20_000)

        def python_docx_baseline() -> None:
            import docx

            [p.text for p in docx.Document(str(docx_path)).paragraphs]

        times = interleaved({"本程序": lambda: import_document(docx_path), "python-docx": python_docx_baseline}, 7)
        ours, base = median(times["本程序"]), median(times["python-docx"])
        print(f".docx {size} 字：导入 中位数 {ours * 1000:.1f} ms（中间一半 {spread(times['本程序'])}）")
        print(f"  基线 python-docx 仅读段落：中位数 {base * 1000:.1f} ms（比值 {ours / base:.2f}，7 轮交替）")
        print(f"  目标 < 100 ms：{'达到' if ours < 0.1 else '未达到'}")
        record("import 20,000-char .docx (vs python-docx reading paragraphs)", ours * 1000, base * 1000, "ms", "< 100 ms")

        # 300 pages × 22 lines × 28 characters ≈ 185,000 characters.
        text = seed_text()
        body = (text + "\n") * (185_000 // len(text) + 1)
        txt_path = folder / "long.txt"
        txt_path.write_text(body, encoding="utf-8")
        times = interleaved(
            {
                "本程序": lambda: import_document(txt_path),
                "读文件并分行": lambda: txt_path.read_text(encoding="utf-8").splitlines(),
            },
            5,
        )
        ours, base = median(times["本程序"]), median(times["读文件并分行"])
        print(f"300 页文本（{len(body)} 字）：导入 中位数 {ours * 1000:.0f} ms（中间一半 {spread(times['本程序'])}）")
        print(f"  基线 读文件并分行：中位数 {base * 1000:.1f} ms（比值 {ours / base:.0f}，5 轮交替）")
        record("import 300-page .txt (vs reading and splitting the file)", ours * 1000, base * 1000, "ms")


if __name__ == "__main__":
    main()
