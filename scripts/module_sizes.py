"""Modules that have grown long: a question to ask before stopping, never a failing check.

    python scripts/module_sizes.py [--over N]

Lists every module of core/, gui/ and cli/ longer than N lines (400 unless told), longest
first. A long module may be one responsibility (then it stays one); the list is there so that
someone asks.
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "gui", "cli")


def long_modules(over: int) -> list[tuple[int, str]]:
    found = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > over:
                found.append((lines, path.relative_to(ROOT).as_posix()))
    return sorted(found, reverse=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--over", type=int, default=400, help="lines above which a module is listed")
    over = parser.parse_args().over
    found = long_modules(over)
    for lines, name in found:
        print(f"warning: {name} has {lines} lines (over {over}): one responsibility, or two?")
    if not found:
        print(f"no module over {over} lines")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
