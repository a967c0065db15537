"""The title of a law or regulation cited in 书名号, against the titles published
(law_titles.txt: laws, administrative regulations, rules, judicial interpretations, local
regulations of several provinces; scripts/build_law_titles.py).

A title that is not published but one slip away from one that is was meant to be that one:

* a word dropped inside it (《中华人民共和国全国人民代表大会和地方人民代表大会代表法》 for
  地方各级; 《北京市接诉即办条例》 for 接诉即办工作条例);
* a character for another that sounds or looks alike (《中华人民共和国行政复义法》);
* two characters side by side swapped, or two words (《山东省营商环境优化条例》 for 优化营商环境).

* a word added inside a national law's name, the word before 法 kept (《退役军人权益保障法》 for
  退役军人保障法): the national laws are few, and their older names differ otherwise.

Not a word added to another title, nor one dropped where the name begins: older laws and other
ones differ from a published one so (执业医师法 before 医师法, 合同法 beside 劳动合同法, 婚姻登记管理
条例 before 婚姻登记条例), and citing one of them is no slip. A national title may leave out its 中华人民共和国
(《行政处罚法》), as reports do; an edition in brackets after the name (（2021年修订）) is not
part of it. On 954 titles cited in 1.8 million characters of published reports, none is read as a
slip.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from core.proofread import data
from core.proofread.hits import Hit
from core.proofread.shapes import shapes
from core.proofread.sounds import readings

TITLES_FILE = "law_titles.txt"
SOURCE = "国家法律法规数据库（flk.npc.gov.cn）公布的法律法规名称"
NATION = "中华人民共和国"
_TITLE = re.compile(r"《(?P<name>[^《》\n]{5,60}?)(?P<edition>[（(][^（）()《》\n]{1,20}[）)])?》")
_KINDS = ("法", "条例", "规定", "办法", "细则", "规则", "决定", "解释")
# A dropped word is this long at most, and this much of the name comes before it.
_MAX_DROPPED = 4
_MIN_KEPT_HEAD = 2
_MIN_ADDED = 2  # a word added inside a national law's title (权益 in 退役军人权益保障法)
_MIN_KEPT_TAIL = 3  # ... before the word and 法 it ends with (保障法)
_MIN_NAME = 5
_MIN_SWAPPED_WORD = 2


@cache
def _published() -> object:
    """The published titles without their 中华人民共和国, as a compact trie."""
    import marisa_trie

    names = (line[len(NATION) :] if line.startswith(NATION) else line for line in data.shipped_lines(TITLES_FILE))
    return marisa_trie.Trie(names)


def _alike(written: str, meant: str) -> bool:
    table, drawn_alike = readings(), shapes()
    sound = table.plain(written)
    return (sound is not None and sound == table.plain(meant)) or meant in drawn_alike.similar.get(written, ()) or (
        meant in drawn_alike.look_alike.get(written, ())
    )


@cache
def _national_laws() -> frozenset[str]:
    """The published national laws, without their 中华人民共和国 (退役军人保障法)."""
    return frozenset(line[len(NATION) :] for line in data.shipped_lines(TITLES_FILE) if line.startswith(NATION) and line.endswith("法"))


def _word_added_to_national_law(name: str, meant: str) -> bool:
    """Is ``name`` the national law ``meant`` with a word of two to four characters added inside
    (退役军人权益保障法 for 退役军人保障法)? The national laws are few and their older names
    differ at the start (执业医师法) or in a word changed, not by a word put inside."""
    if meant not in _national_laws() or not _MIN_ADDED <= len(name) - len(meant) <= _MAX_DROPPED:
        return False
    added = len(name) - len(meant)
    # The word before 法 is kept whole (保障法): 劳动合同法 beside 劳动法 is another law.
    return any(name[:head] + name[head + added :] == meant for head in range(_MIN_KEPT_HEAD, len(meant) - _MIN_KEPT_TAIL + 1))


def _one_slip(name: str, meant: str) -> bool:
    """Is ``name`` ``meant`` with one word dropped inside, one character changed for one alike,
    or two characters or two words side by side swapped?"""
    head = 0
    while head < min(len(name), len(meant)) and name[head] == meant[head]:
        head += 1
    tail = 0
    while tail < min(len(name), len(meant)) - head and name[-1 - tail] == meant[-1 - tail]:
        tail += 1
    written, wanted = name[head : len(name) - tail], meant[head : len(meant) - tail]
    if not written:
        return 1 <= len(wanted) <= _MAX_DROPPED and head >= _MIN_KEPT_HEAD and tail >= 1
    if len(written) == len(wanted) == 1:
        return _alike(written, wanted)
    if len(written) == len(wanted) == 2:
        return written == wanted[::-1]
    # Two words side by side swapped (营商环境优化 for 优化营商环境), each of two characters or more.
    return len(written) == len(wanted) >= 2 * _MIN_SWAPPED_WORD and any(
        written == wanted[k:] + wanted[:k] for k in range(_MIN_SWAPPED_WORD, len(wanted) - _MIN_SWAPPED_WORD + 1)
    )


# The state's symbols, titled with its name as works of their own (齐唱《中华人民共和国国歌》): no law
# cited without its 法, though 国歌法 and 国旗法 are laws.
_STATE_SYMBOLS = frozenset({"国歌", "国旗", "国徽"})
# A national law cited with a regulation's kind (《中华人民共和国民族区域自治条例》 for 自治法).
_REGULATION_KINDS = ("条例", "办法", "规定", "细则")


def _law_without_its_kind(name: str) -> str | None:
    """The published law ``name`` and 法 make — or ``name`` with its regulation's kind put for 法 —
    when ``name`` is no published title itself."""
    published = _published()
    if not name or name in published:  # type: ignore[operator]
        return None
    if name + "法" in published:  # type: ignore[operator]
        return name + "法"
    for kind in _REGULATION_KINDS:
        if name.endswith(kind) and name[: -len(kind)] + "法" in published:  # type: ignore[operator]
            return name[: -len(kind)] + "法"
    return None


@lru_cache(maxsize=4096)  # a draft cites the same titles again and again
def _meant(name: str) -> str | None:
    published = _published()
    if name in published:  # type: ignore[operator]
        return None
    for meant in published.keys(name[:_MIN_KEPT_HEAD]):  # type: ignore[attr-defined]
        if len(name) <= len(meant) <= len(name) + _MAX_DROPPED and meant[-1] == name[-1] and _one_slip(name, meant):
            return str(meant)
        if len(meant) < len(name) and _word_added_to_national_law(name, str(meant)):
            return str(meant)
    return None


def law_title_slips(text: str) -> Iterator[Hit]:
    if "《" not in text:
        return
    for match in _TITLE.finditer(text):
        cited = match["name"]
        national = cited.startswith(NATION)
        name = cited[len(NATION) :] if national else cited
        # 《中华人民共和国立法》: a national law cited without its last 法 (立法法, 环境保护法), or
        # with a regulation's kind for it (民族区域自治条例).
        meant = _law_without_its_kind(name) if national and name not in _STATE_SYMBOLS else None
        if meant is None and (len(name) < _MIN_NAME or not name.endswith(_KINDS)):
            continue
        meant = meant or _meant(name)
        if meant is None:
            continue
        fixed = NATION + meant if national else meant
        yield Hit(
            match.start("name"),
            match.end("name"),
            fixed,
            f"《{cited}》不是已公布的法律法规名称，应为《{fixed}》。",
            f"改为《{fixed}》；如引用的是别的文件，请核对它的名称。",
            SOURCE,
        )
