"""报告起草助手 — entry point.

``python main.py`` opens the window; ``python main.py SUBCOMMAND …`` runs the CLI
(``python main.py --help`` lists the subcommands).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        from gui.app import run_app

        return run_app()
    from cli.main import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
