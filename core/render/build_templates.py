"""Generate each kind's ``template.docx`` from the one style definition.

    python -m core.render.build_templates          # rewrite templates/<kind>/template.docx
    python -m core.render.build_templates --check  # exit 1 if a committed template is stale

The output is deterministic (fixed zip timestamps, stored parts), so regenerating gives
identical bytes and a test can compare the committed files with the generator.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from core.render.ooxml import template_bytes

TEMPLATE_FILE = "template.docx"


def expected_templates() -> dict[Path, bytes]:
    """Every built-in kind's template path → the bytes the generator produces now."""
    from core.draft.kinds import builtin_kinds

    return {kind.folder / TEMPLATE_FILE: template_bytes(kind.name) for kind in builtin_kinds().values()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core.render.build_templates", description=__doc__)
    parser.add_argument("--check", action="store_true", help="只检查，不写入；模板过期时返回 1")
    args = parser.parse_args(argv)
    stale = []
    for path, data in expected_templates().items():
        current = path.read_bytes() if path.exists() else b""
        if current == data:
            continue
        stale.append(path)
        if not args.check:
            from core.base.atomic import atomic_write_bytes

            atomic_write_bytes(path, data)
            print(f"已生成 {path}")
    if args.check and stale:
        for path in stale:
            print(f"模板已过期：{path}（请运行 python -m core.render.build_templates）", file=sys.stderr)
        return 1
    if not stale:
        print("模板均为最新。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
