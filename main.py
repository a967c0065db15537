"""报告起草助手 — entry point.

``python main.py`` opens the window; ``python main.py 草稿.draft.json`` opens the window with
that draft (what a double-click on a draft does); ``python main.py SUBCOMMAND …`` runs the
CLI (``python main.py --help`` lists the subcommands).
"""

from __future__ import annotations

import sys
from pathlib import Path


def _opens_in_window(args: list[str]) -> bool:
    """One argument that is a file (not a subcommand): the file manager asked us to open it."""
    return len(args) == 1 and not args[0].startswith("-") and Path(args[0]).is_file()


def gui_main(argv: list[str] | None = None) -> int:
    """The window, optionally opening a draft or a prior report given as the one argument."""
    args = sys.argv[1:] if argv is None else argv
    from gui.app import run_app

    if args and Path(args[0]).is_file():
        path = Path(args[0])
        return run_app(on_started=lambda window: window.open_draft(path))
    return run_app()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or _opens_in_window(args):
        return gui_main(args)
    from cli.main import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
