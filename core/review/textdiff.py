"""Word-level differences: a changed phrase is one change, not scattered characters.

Both texts are cut by jieba (:func:`core.text.language.segments`, which keeps punctuation and
spaces so offsets map back), and the word sequences are compared.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from core.text.language import segments


def word_diff(old: str, new: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) in ``old`` for each changed run of jieba words."""
    if old == new:
        return []
    a, b = segments(old), segments(new)
    starts_a = _offsets(a)
    starts_b = _offsets(b)
    out: list[tuple[int, int, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            out.append((starts_a[i1], starts_a[i2], new[starts_b[j1] : starts_b[j2]]))
    return out


def _offsets(tokens: list[str]) -> list[int]:
    offsets = [0]
    for token in tokens:
        offsets.append(offsets[-1] + len(token))
    return offsets
