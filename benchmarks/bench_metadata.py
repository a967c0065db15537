"""How often the importer's guesses of kind, year, unit and title are right, on real reports.

    python benchmarks/bench_metadata.py FOLDER ANSWERS

``ANSWERS`` is a tab-separated table written by hand, with a header line
``file  kind  year  unit  title`` (further columns are ignored): the right values for each
file in ``FOLDER`` (an empty year, unit or title means the document states none). Each file
is imported as 资料库 ▸ 添加文件 would (core.importing.importer.import_document) and its
guesses (core.importing.metadata_guess) compared field by field. Prints each miss with the
reason the guess gave, then the accuracy of each field, and exits 1 when a field is under
the target (95 %, ``--target`` to change). Third-party texts stay outside the repository.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.base.errors import ReportError
from core.importing.importer import import_document
from core.importing.metadata_guess import FIELDS


def read_answers(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    missing = [name for name in ("file", *FIELDS) if rows and name not in rows[0]]
    if not rows or missing:
        raise SystemExit(f"{path}: 需要表头 file kind year unit title（缺 {', '.join(missing) or '全部行'}）")
    return {row["file"]: {name: (row[name] or "").strip() for name in FIELDS} for row in rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("answers", type=Path)
    parser.add_argument("--target", type=float, default=0.95)
    args = parser.parse_args(argv)
    answers = read_answers(args.answers)
    right = dict.fromkeys(FIELDS, 0)
    checked = 0
    for name, expected in sorted(answers.items()):
        path = args.folder / name
        try:
            result = import_document(path)
        except (ReportError, OSError) as exc:
            print(f"{name}: 无法导入（{exc}）")
            continue
        checked += 1
        report = result.report
        guessed = {"kind": report.kind, "year": str(report.year or ""), "unit": report.unit, "title": report.title}
        for field in FIELDS:
            if guessed[field] == expected[field]:
                right[field] += 1
            else:
                reason = result.guess_reasons.get(field, "")
                print(f"{name}  {field}: 猜 {guessed[field]!r}，应为 {expected[field]!r}（{reason}）")
    if not checked:
        print("没有可比较的文件。")
        return 1
    print(f"\n{checked} 份报告")
    failed = False
    for field in FIELDS:
        share = right[field] / checked
        failed |= share < args.target
        print(f"{field:6s} {right[field]:3d}/{checked}  {share:6.1%}" + ("" if share >= args.target else "  < 目标"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
