"""The office's own 校对 word list: 加入本单位词表, and taking edited office files in."""

from __future__ import annotations

from pathlib import Path

from core.base.errors import ReportError
from core.proofread import cache, data, lexicon


def add_office_word(word: str) -> Path:
    """加入本单位词表: ``word`` is right everywhere from now on. Returns the file written."""
    from core.base.atomic import atomic_write_text

    word = word.strip()
    if not word or any(ch.isspace() for ch in word) or len(word) > 40:
        raise ReportError("本单位词表只收不含空格的词语（不超过40个字）。")
    path = data.office_dir() / data.OFFICE_WORDS
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        old = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        old = "# 本单位词表：一行一个词（地名、人名、项目名、本单位的简称），校对时一律按正确处理。\n"
    if word not in {line.strip() for line in old.splitlines()}:
        atomic_write_text(path, old.rstrip("\n") + f"\n{word}\n")
    reload()
    return path


def reload() -> None:
    """Read the office files again and drop the results made with the old ones."""
    data.forget()
    lexicon.refresh_known_words()
    cache.clear()
