"""Limits for running a Word template: shared between units, it is untrusted input.

Jinja's sandbox keeps a template away from Python internals, but not from asking for a
billion of something. Here every way a template can ask for size or time is bounded:

- ``range()``, ``'x' * n``, ``n ** m`` and any number passed to a filter or method
  (``center(10**9)``) draw on one budget of items per render;
- the rendered XML may not exceed ``MAX_OUTPUT_CHARS``, nor the run ``MAX_SECONDS``, each
  with an allowance per paragraph of the report: a template loops over the paragraphs, so
  a report of the promised size (core.draft.scale) needs more of both than a short one;
- a line tracer on the template's own compiled code checks a deadline and the size of
  the template's variables (``{% set s = s ~ s %}`` doubling in a loop) as it runs;
- ``include``/``import``/``extends`` are refused: a template reads no files;
- the only globals are ``range`` (counted), ``namespace`` and ``dict``: Jinja's ``lipsum``,
  ``cycler`` and ``joiner`` make text or state no report template needs;
- the .docx itself is checked on its zip directory before anything is inflated.
"""

from __future__ import annotations

import functools
import io
import re
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from jinja2 import BaseLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from jinja2.utils import Namespace

MAX_ITEMS = 300_000  # range() lengths, repeated strings, numeric arguments, per render
MAX_VALUE_CHARS = 5_000_000  # one string or list held by the template
MAX_OUTPUT_CHARS = 100_000_000  # the rendered document.xml
MAX_SECONDS = 4.0  # a real report renders in well under a second
# Per paragraph of the report: our templates write about 400 characters of XML for one and
# take some 30 µs on it; a clerk's restyled template may write several times more.
OUTPUT_CHARS_PER_PARAGRAPH = 4_000
SECONDS_PER_PARAGRAPH = 0.000_5
MAX_POWER_BITS = 64
# The template .docx, judged by its zip directory before reading any member.
MAX_TEMPLATE_UNZIPPED = 200 * 1024 * 1024
MAX_TEMPLATE_MEMBERS = 2_000
TEMPLATE_CODE_NAME = "<template>"


class TemplateLimitExceeded(SecurityError):
    """A limit was hit; ``reason`` is the Chinese sentence for the clerk."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.template_line: int | None = None  # where it is known without a traceback


TOO_MUCH = "模板要求生成的内容过多（如很大的 range() 或重复次数），已停止。请检查模板中的循环和数字。"
TOO_SLOW = "模板运行超过 {seconds:.0f} 秒仍未完成（可能有过多的循环），已停止。请检查模板中的循环。"
TOO_BIG = "模板生成的文档过大，已停止。请检查模板中的循环。"
NO_FILES = "模板不能引用其他文件（include、import、extends）。请把需要的内容直接写在模板中。"


class _NoFiles(BaseLoader):
    def get_source(self, environment: Any, template: str) -> Any:
        raise TemplateLimitExceeded(NO_FILES)


class LimitedEnvironment(SandboxedEnvironment):
    """A sandbox that also counts what the template asks for (see module docstring)."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, paragraphs: int = 0, **options: Any) -> None:
        options.setdefault("undefined", StrictUndefined)
        super().__init__(loader=_NoFiles(), **options)
        self.items_left = MAX_ITEMS
        self.max_output_chars = MAX_OUTPUT_CHARS + paragraphs * OUTPUT_CHARS_PER_PARAGRAPH
        self.max_seconds = MAX_SECONDS + paragraphs * SECONDS_PER_PARAGRAPH
        # Only what a report template can use; lipsum(n=10**5) alone is seconds of made-up text.
        self.globals = {"range": self._range, "namespace": Namespace, "dict": dict}
        self.filters = {name: _checked_filter(self, f) for name, f in self.filters.items()}

    def charge(self, amount: int) -> None:
        self.items_left -= max(0, amount)
        if self.items_left < 0:
            raise TemplateLimitExceeded(TOO_MUCH)

    def charge_arguments(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool):
                self.charge(abs(value) if abs(value) < 1 << 62 else MAX_ITEMS + 1)

    def _range(self, *args: int) -> range:
        try:
            numbers = range(*args)
        except (TypeError, ValueError, OverflowError) as exc:
            raise TemplateLimitExceeded(TOO_MUCH) from exc
        self.charge(len(numbers) if numbers.stop - numbers.start < 1 << 62 else MAX_ITEMS + 1)
        return numbers

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
                    self.charge(len(seq) * max(0, times))
        elif operator == "%" and isinstance(left, str):
            _check_format_string(left)
        elif (
            operator == "**"
            and isinstance(left, int)
            and isinstance(right, int)
            and right > 0
            and abs(left) > 1
            and right * abs(left).bit_length() > MAX_POWER_BITS
        ):
            raise TemplateLimitExceeded(TOO_MUCH)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if __obj is not __self._range:
            __self.charge_arguments(args, kwargs)
        # The sandbox hands out str.format wrapped; the string is on the wrapped method.
        method = getattr(__obj, "__wrapped__", __obj)
        if getattr(method, "__name__", "") in ("format", "format_map") and isinstance(
            getattr(method, "__self__", None), str
        ):
            _check_format_string(method.__self__)
        return super().call(__context, __obj, *args, **kwargs)

    def concat(self, pieces: Iterator[str]) -> str:  # type: ignore[override]
        """Jinja runs a template by joining its output; the watch covers exactly that run
        (not docxtpl's and python-docx's own work around it, which would only pay for it)."""
        total = 0
        out: list[str] = []
        with watched(self.max_seconds):
            for piece in pieces:
                total += len(piece)
                if total > self.max_output_chars:
                    exc = TemplateLimitExceeded(TOO_BIG)
                    exc.template_line = _line_of(getattr(pieces, "gi_frame", None))
                    raise exc
                out.append(piece)
        return "".join(out)


# A width or precision of six digits or more in "%1000000000s" or "{:>1000000000}".
_HUGE_FORMAT_WIDTH = re.compile(r"%[-#0 +]*\d{6,}|%[-#0 +]*\d*\.\d{6,}|\{[^{}]*:[^{}]*\d{6,}[^{}]*\}")


def _check_format_string(text: str) -> None:
    if _HUGE_FORMAT_WIDTH.search(text):
        raise TemplateLimitExceeded(TOO_MUCH)


def _checked_filter(env: LimitedEnvironment, func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def checked(*args: Any, **kwargs: Any) -> Any:
        env.charge_arguments(args[1:], kwargs)  # args[0]: the value or a passed context
        for value in args[:2]:
            if isinstance(value, str):
                _check_format_string(value)
        return func(*args, **kwargs)

    return checked


def _too_large(value: Any) -> bool:
    if isinstance(value, (str, list, tuple, dict)):
        return len(value) > MAX_VALUE_CHARS
    if isinstance(value, Namespace):
        return any(_too_large(v) for v in value._Namespace__attrs.values())  # type: ignore[attr-defined]
    return False


@contextmanager
def watched(seconds: float | None = None) -> Iterator[None]:
    """Trace the template's compiled code: stop it past the deadline or when it hoards."""
    allowed = MAX_SECONDS if seconds is None else seconds
    deadline = time.monotonic() + allowed

    lines = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal lines
        lines += 1
        # Every few lines: a string doubling each loop grows at most 2**4 times in between.
        if lines % 4 == 0:
            if time.monotonic() > deadline:
                raise TemplateLimitExceeded(TOO_SLOW.format(seconds=allowed))
            if any(_too_large(v) for v in frame.f_locals.values()):
                raise TemplateLimitExceeded(TOO_BIG)
        return local

    def global_trace(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename == TEMPLATE_CODE_NAME else None

    previous = sys.gettrace()
    if previous is global_trace or getattr(previous, "baogao_template_watch", False):
        yield  # already watched: a macro's output joined inside the template's own run
        return
    global_trace.baogao_template_watch = True  # type: ignore[attr-defined]
    sys.settrace(global_trace)
    try:
        yield
    finally:
        sys.settrace(previous)


def template_line(exc: BaseException) -> int | None:
    """The template line ``exc`` was raised at, or None.

    A syntax error carries it; Jinja rewrites any error raised while the template runs so
    that the template's frame in the traceback stands at the template's own line; the
    output cap is hit outside that frame, at the line the template last wrote from.
    """
    lineno = getattr(exc, "lineno", None)
    if isinstance(lineno, int):
        return lineno
    found: int | None = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == TEMPLATE_CODE_NAME:
            found = tb.tb_lineno
        tb = tb.tb_next
    return found if found is not None else getattr(exc, "template_line", None)


def _line_of(frame: FrameType | None) -> int | None:
    """The template line a frame of the compiled template stands at."""
    template = frame.f_globals.get("__jinja_template__") if frame is not None else None
    if template is None or frame is None:
        return None
    return template.get_corresponding_lineno(frame.f_lineno)


def check_template_package(data: bytes) -> str | None:
    """A reason to refuse the template's zip before inflating anything, or None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None  # python-docx reports a damaged file in its own words
    if len(infos) > MAX_TEMPLATE_MEMBERS:
        return f"文件中有 {len(infos)} 个部件，远多于正常的 Word 模板，为安全起见已拒绝。"
    unzipped = sum(info.file_size for info in infos)
    if unzipped > MAX_TEMPLATE_UNZIPPED:
        biggest = max(infos, key=lambda info: info.file_size)
        return (
            f"解压后有 {unzipped / 1024 / 1024:.0f} MB（其中“{biggest.filename}”"
            f"{biggest.file_size / 1024 / 1024:.0f} MB），远大于正常的 Word 模板，为安全起见已拒绝。"
            "如模板中有大图片，请压缩图片后重新保存模板。"
        )
    return None


__all__ = [
    "MAX_ITEMS",
    "LimitedEnvironment",
    "TemplateLimitExceeded",
    "check_template_package",
    "template_line",
    "watched",
]
