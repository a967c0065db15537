"""The command-line interface behind ``python main.py SUBCOMMAND``.

Errors are printed to stderr in plain Chinese with a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import pkgutil
import sys
from collections.abc import Sequence

import cli.commands
from cli.output import quiet_closed_stdout
from core.base.errors import ReportError

EXIT_USER_ERROR = 2
EXIT_INTERNAL = 70


class _ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        return super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)


class _ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with its own headings and help option in Chinese, for clerks."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _ChineseHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"参数有误：{message}\n使用 --help 查看用法。\n")
        raise SystemExit(EXIT_USER_ERROR)


def build_parser() -> argparse.ArgumentParser:
    parser = _ChineseArgumentParser(
        prog="python main.py",
        description="报告起草助手。不带参数运行时打开窗口；以下子命令用于命令行。",
    )
    from core.base.version import app_version

    parser.add_argument("--version", action="version", version=f"报告起草助手 {app_version()}", help="显示版本号并退出")
    subparsers = parser.add_subparsers(dest="command", metavar="子命令", parser_class=_ChineseArgumentParser)
    for info in sorted(pkgutil.iter_modules(cli.commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"cli.commands.{info.name}")
        module.register(subparsers)
    return parser


def _configure_streams() -> None:
    # A Windows console may default to a legacy code page; Chinese must still print.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _configure_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USER_ERROR
    try:
        return int(handler(args) or 0)
    except ReportError as exc:
        sys.stderr.write(f"错误：{exc}\n")
        return EXIT_USER_ERROR
    except BrokenPipeError:
        # The reader of our output went away (``… | head -1``): nothing more to say to it.
        quiet_closed_stdout()
        return 0
    except KeyboardInterrupt:
        sys.stderr.write("已取消。\n")
        return 130
    except MemoryError:
        sys.stderr.write("错误：内存不足，文件可能过大。请拆分文件后重试。\n")
        return EXIT_INTERNAL
    except Exception as exc:  # last resort: never show a traceback to a clerk
        from core.base.crashlog import write_crash_log

        log = write_crash_log(exc)
        sys.stderr.write(f"错误：程序内部出错（{type(exc).__name__}）。详细信息已写入日志：{log}\n")
        return EXIT_INTERNAL
