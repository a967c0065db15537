"""A paragraph written in traditional characters (繁体字, pasted from a Hong Kong or Taiwan page
or typed with a traditional input method): one finding for the paragraph, where the sound and
shape rules would guess a 错别字 at every word (過去 → 过去, 堅持 → 坚持)."""

from __future__ import annotations

from functools import lru_cache

from core.proofread.hits import Hit

SOURCE = "《中华人民共和国国家通用语言文字法》第三条：国家推行规范汉字"
# A paragraph is in traditional script when this many of its Han characters are traditional
# forms, and at least this share of them: a proper name of one old form (朱鎔基 in a quotation)
# stays with the word rules.
MIN_TRADITIONAL = 5
MIN_SHARE = 0.2
# How many of its characters the message names.
NAMED = 5


@lru_cache(maxsize=4096)
def is_traditional(char: str) -> bool:
    """A Han character Big5 (the traditional set) has and GB 2312 (the simplified one) does not:
    過, 縣, 黨 — not 着 or 于, which both sets have."""
    if not "\u4e00" <= char <= "\u9fff":
        return False
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        try:
            char.encode("big5")
        except UnicodeEncodeError:
            return False
        return True
    return False


def traditional_paragraph(text: str) -> Hit | None:
    """One hit from the first traditional character of ``text`` to its last, when the paragraph
    is written in traditional script; else None."""
    han = [at for at, char in enumerate(text) if "\u4e00" <= char <= "\u9fff"]
    traditional = [at for at in han if is_traditional(text[at])]
    if len(traditional) < MIN_TRADITIONAL or len(traditional) < MIN_SHARE * len(han):
        return None
    distinct = list(dict.fromkeys(text[at] for at in traditional))
    shown = "、".join(distinct[:NAMED])
    more = "等" if len(distinct) > NAMED else ""
    return Hit(
        traditional[0],
        traditional[-1] + 1,
        None,
        f"这一段用的是繁体字（{shown}{more}，共{len(traditional)}个），公文应使用规范汉字（简体字）。",
        "可在 Word 或 WPS 的“审阅”中用“繁转简”把这一段转为简体，再核对专名。",
        SOURCE,
    )
