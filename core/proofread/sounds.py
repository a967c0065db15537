"""Sounds and shapes of words as compact indexes: what the slip rules look words up by.

* :class:`Readings` — each basic-block Han character's main reading, from pypinyin's table
  (read from its data file, so that the package and its 2 MB phrase table are never imported);
* sound keys — a word's toneless syllables packed in one int (:func:`sound_key`), and the
  blurred key (:func:`near_key`) that also forgets what pinyin input with fuzzy sounds treats
  as one: front and back nasals n/ng, flat and retroflex z/zh c/ch s/sh, l and n (下城 → 下沉, 专相 → 专项, 娘食 → 粮食);
* :class:`SoundIndex` — sound key → the most frequent word with that sound, as sorted arrays;
* the near index — blurred key → the few commonest words with it (:func:`keep_near`);
* idiom masks — every four-character idiom with one character hidden (:func:`mask_key`): an
  idiom typed with one wrong character (实事救是) is found whatever the wrong character is.

Syllables are numbered in the order first met in this process; a saved index is usable only
when the numbering so far is the start of the one it was made with (:func:`adopt_numbering`).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import marisa_trie

from core.base.errors import ReportError
from core.proofread.hits import HAN_RUN

SYLLABLE_BITS = 9  # 417 toneless syllables fit in 9 bits


class PinyinTableError(ReportError):
    """pypinyin's reading table is missing or unreadable."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"无法加载校对用的拼音表：{reason}请重新安装本程序。")


@dataclass(frozen=True)
class Reading:
    plain: str  # toneless: "jun"
    toned: str  # "jùn"


_HAN_FIRST, _HAN_LAST = 0x4E00, 0x9FFF  # the basic block: every character a report uses


class Readings:
    """Each basic-block Han character's main reading, in two lists indexed by code point whose
    syllables are shared strings: no string or dict entry kept per character; and the second
    reading of a character that has more (长 zhǎng, cháng), toneless, in a third."""

    def __init__(self, toned: list[str | None], second: list[str | None] | None = None) -> None:
        """``toned``: the reading of each basic-block character by code point, from U+4E00;
        ``second``: its second reading, toned, or None."""
        size = _HAN_LAST - _HAN_FIRST + 1
        if len(toned) != size or (second is not None and len(second) != size):
            raise ValueError("one reading (or None) per basic-block character")
        self._toned = toned
        self._plain: list[str | None] = [None if reading is None else plain_syllable(reading) for reading in toned]
        self._second: list[str | None] = (
            [None if reading is None else plain_syllable(reading) for reading in second] if second else [None] * size
        )
        self._count = sum(reading is not None for reading in toned)
        # Each character's syllable number in sound keys and near keys, as first asked for (0: no
        # reading): the keys are made for tens of thousands of spans a page.
        self.syllable_numbers: dict[str, int] = {}
        self.near_numbers: dict[str, int] = {}

    @staticmethod
    def _at(ch: str) -> int:
        code = ord(ch) - _HAN_FIRST if len(ch) == 1 else -1
        return code if 0 <= code <= _HAN_LAST - _HAN_FIRST else -1

    def get(self, ch: str) -> Reading | None:
        at = self._at(ch)
        toned = self._toned[at] if at >= 0 else None
        return None if toned is None else Reading(self._plain[at] or "", toned)

    def plain(self, ch: str) -> str | None:
        at = self._at(ch)
        return self._plain[at] if at >= 0 else None

    def toned(self, ch: str) -> str | None:
        at = self._at(ch)
        return self._toned[at] if at >= 0 else None

    def plain_readings(self, ch: str) -> tuple[str, ...]:
        """The main and the second reading, toneless (长: zhang, chang)."""
        at = self._at(ch)
        if at < 0 or self._plain[at] is None:
            return ()
        second = self._second[at]
        return (self._plain[at] or "",) if second is None or second == self._plain[at] else (self._plain[at] or "", second)

    def __len__(self) -> int:
        return self._count


class SoundIndex:
    """Sound key → the most frequent word with that sound, as two sorted arrays of numbers
    (keys, and the words' ids in the compact dictionary): about 1 MB for 66,000 words where a
    dict of strings took 10. Words outside the dictionary (our 政务 words, the office's) sit
    in a small dict beside them."""

    def __init__(self, entries: dict[int, tuple[int, int | str]], restore: Callable[[int], str]) -> None:
        in_dictionary = sorted((key, ref) for key, (_, ref) in entries.items() if isinstance(ref, int))
        self._keys = array("Q", (key for key, _ in in_dictionary))
        self._ids = array("I", (ref for _, ref in in_dictionary))
        self._restore = restore
        self._others = {key: ref for key, (_, ref) in entries.items() if isinstance(ref, str)}

    @classmethod
    def from_arrays(cls, keys: bytes, ids: bytes, others: dict[int, str], restore: Callable[[int], str]) -> SoundIndex:
        """The index as :meth:`arrays` gave it (the lexicon file)."""
        index = cls({}, restore)
        index._keys.frombytes(keys)
        index._ids.frombytes(ids)
        if len(index._keys) != len(index._ids):
            raise ValueError("sound index arrays of different lengths")
        index._others = dict(others)
        return index

    def arrays(self) -> tuple[bytes, bytes, dict[int, str]]:
        return self._keys.tobytes(), self._ids.tobytes(), dict(self._others)

    def get(self, key: int) -> str | None:
        found = self._others.get(key)
        if found is not None:
            return found
        at = bisect_left(self._keys, key)
        if at < len(self._keys) and self._keys[at] == key:
            return self._restore(self._ids[at])
        return None

    def __contains__(self, key: int) -> bool:
        return self.get(key) is not None

    def add(self, key: int, word: str) -> None:
        """A word for a sound that has none yet (the office's word list grew)."""
        if key not in self:
            self._others[key] = word

    def __len__(self) -> int:
        return len(self._keys) + len(self._others)



@cache
def plain_syllable(toned: str) -> str:
    """ "jùn" → "jun", "lǜ" → "lv" (one shared string per syllable)."""
    return sys.intern(
        "".join(c for c in unicodedata.normalize("NFD", toned) if not unicodedata.combining(c)).replace(
            "ü", "v"
        )
    )


def pinyin_table_path() -> Path:
    spec = importlib.util.find_spec("pypinyin")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise PinyinTableError("缺少 pypinyin 组件。")
    return Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"


@cache
def readings() -> Readings:
    """:func:`read_readings`, once: the rules that need sounds but not words use it before jieba."""
    return read_readings()


def read_readings() -> Readings:
    """Each Han character's main reading (pypinyin lists the usual reading first).

    Reading the table makes some 80,000 short-lived strings. The syllables kept are made only
    after all of them are gone: one made in between would keep a whole block of the heap from
    being given back (8 MB where the table needs 0.4)."""
    path = pinyin_table_path()
    try:
        raw: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PinyinTableError(f"读取“{path.name}”失败（{exc}）。") from exc
    size = _HAN_LAST - _HAN_FIRST + 1
    numbers: dict[str, int] = {}  # toned syllable → its number, from 1
    syllable_of = array("H", bytes(2 * size))  # code point → number (0: none)
    second_of = array("H", bytes(2 * size))
    for code, value in raw.items():
        at = int(code) - _HAN_FIRST
        if 0 <= at < size:
            listed = value.split(",", 2)
            syllable_of[at] = numbers.setdefault(listed[0], len(numbers) + 1)
            if len(listed) > 1:
                second_of[at] = numbers.setdefault(listed[1], len(numbers) + 1)
    packed = "\n".join(numbers)
    del raw, numbers
    syllables: list[str | None] = [None, *packed.split("\n")]  # now: the strings kept
    return Readings([syllables[number] for number in syllable_of], [syllables[number] for number in second_of])


_SYLLABLES: dict[str, int] = {}  # toneless syllable → its number in sound keys, from 1
_NEAR_SYLLABLES: dict[str, int] = {}  # blurred syllable → its number in near keys
NEAR_WORDS = 3  # words kept under each blurred sound key
NEAR_MIN_FREQ = 500  # only common words: the rules that use the blurred index want no other
_RETROFLEX = re.compile(r"^([zcs])h")
_BACK_NASAL = re.compile(r"([aei])ng$")
_LATERAL = re.compile(r"^l(?!$)")  # l/n: the other fuzzy sound pinyin input offers (粮/娘)


@cache
def tone(toned: str) -> int:
    """1–4 from the diacritic of a toned syllable ("jùn" → 4), 0 for the neutral tone."""
    for ch in unicodedata.normalize("NFD", toned):
        mark = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}.get(ch)
        if mark:
            return mark
    return 0


@cache
def blurred(plain: str) -> str:
    """ "zheng" → "zen", "xiang" → "xian", "liang" → "nian": what pinyin input with fuzzy sounds
    treats as one (n/ng, z/zh, c/ch, s/sh, l/n)."""
    return _BACK_NASAL.sub(r"\1n", _RETROFLEX.sub(r"\1", _LATERAL.sub("n", plain)))



def _number(numbers: dict[str, int], table: Readings, ch: str, near: bool) -> int:
    """``ch``'s syllable number (blurred with ``near``), 0 when it has no reading; kept in ``numbers``.
    A number once given never changes (:func:`adopt_numbering` only extends), so keeping it is safe."""
    plain = table.plain(ch)
    if plain is None:
        number = 0
    elif near:
        number = _NEAR_SYLLABLES.setdefault(blurred(plain), len(_NEAR_SYLLABLES) + 1)
    else:
        number = _SYLLABLES.setdefault(plain, len(_SYLLABLES) + 1)
    numbers[ch] = number
    return number


def sound_key(table: Readings, text: str) -> int | None:
    """``text``'s toneless syllables as one int; None when a character has no reading."""
    numbers = table.syllable_numbers
    key = 0
    for ch in text:
        number = numbers.get(ch)
        if number is None:
            number = _number(numbers, table, ch, near=False)
        if not number:
            return None
        key = (key << SYLLABLE_BITS) | number
    return key


# A span with more polyphonic characters than this is keyed by its main readings only.
MAX_SECOND_READINGS = 2


def sound_keys(table: Readings, text: str) -> list[int]:
    """:func:`sound_key` of ``text`` with each polyphonic character read either way (长态化 as
    zhang… and as chang…, the reading of 常态化); the main readings' key first."""
    keys = [0]
    polyphonic = 0
    for ch in text:
        readings = table.plain_readings(ch)
        if not readings:
            return []
        if len(readings) > 1:
            polyphonic += 1
            if polyphonic > MAX_SECOND_READINGS:
                readings = readings[:1]
        keys = [
            (key << SYLLABLE_BITS) | _SYLLABLES.setdefault(plain, len(_SYLLABLES) + 1) for key in keys for plain in readings
        ]
    return keys


def near_key(table: Readings, text: str) -> int | None:
    """:func:`sound_key` with n/ng, l/n and z/zh, c/ch, s/sh made one."""
    numbers = table.near_numbers
    key = 0
    for ch in text:
        number = numbers.get(ch)
        if number is None:
            number = _number(numbers, table, ch, near=True)
        if not number:
            return None
        key = (key << SYLLABLE_BITS) | number
    return key


def numbering() -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]:
    """The syllable numbers given so far (sound keys, near keys): saved with an index."""
    return tuple(_SYLLABLES.items()), tuple(_NEAR_SYLLABLES.items())


def _extends(table: dict[str, int], saved: tuple[tuple[str, int], ...]) -> bool:
    return tuple(table.items()) == saved[: len(table)]


def adopt_numbering(syllables: tuple[tuple[str, int], ...], near: tuple[tuple[str, int], ...]) -> bool:
    """Take a saved index's numbering; False (nothing changed) when the numbers given so far in
    this process are not the start of it — the saved keys would then mean other sounds."""
    if not (_extends(_SYLLABLES, syllables) and _extends(_NEAR_SYLLABLES, near)):
        return False
    _SYLLABLES.update(syllables)
    _NEAR_SYLLABLES.update(near)
    return True


class WordsByKey:
    """Number → the few words kept under it (the near index, the idiom masks), as two sorted
    arrays — a key per word, and the word's id in a trie of the words — instead of a dict of
    tuples of strings: a tenth of the memory (3 MB for the idiom masks as a dict). A key's
    words keep the order they were given in."""

    def __init__(self, pairs: Iterable[tuple[int, str]] = ()) -> None:
        ordered = sorted(pairs, key=lambda pair: pair[0])  # stable: each key's words keep their order
        self._words = marisa_trie.Trie(word for _, word in ordered)
        self._keys = array("Q", (key for key, _ in ordered))
        self._ids = array("I", (self._words[word] for _, word in ordered))

    @classmethod
    def from_arrays(cls, keys: bytes, ids: bytes, words: bytes) -> WordsByKey:
        """The index as :meth:`arrays` gave it (the lexicon file); ValueError or RuntimeError
        (marisa) for damaged parts."""
        index = cls()
        index._words = marisa_trie.Trie().frombytes(words)
        index._keys.frombytes(keys)
        index._ids.frombytes(ids)
        if len(index._keys) != len(index._ids) or any(word_id >= len(index._words) for word_id in index._ids):
            raise ValueError("word index arrays that do not fit together")
        return index

    def arrays(self) -> tuple[bytes, bytes, bytes]:
        return self._keys.tobytes(), self._ids.tobytes(), self._words.tobytes()

    def get(self, key: int, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        start = bisect_left(self._keys, key)
        end = bisect_right(self._keys, key, start)
        if start == end:
            return default
        restore = self._words.restore_key
        return tuple(restore(self._ids[at]) for at in range(start, end))

    def __getitem__(self, key: int) -> tuple[str, ...]:
        found = self.get(key)
        if not found:
            raise KeyError(key)
        return found

    def replaced(self, changed: dict[int, tuple[str, ...]]) -> WordsByKey:
        """A copy with the words of the keys in ``changed`` replaced (the office's words came in)."""
        kept = ((key, word) for key, words in self.items() if key not in changed for word in words)
        return WordsByKey([*kept, *((key, word) for key, words in changed.items() for word in words)])

    def items(self) -> list[tuple[int, tuple[str, ...]]]:
        """(key, its words) in key order."""
        return [(key, self.get(key)) for key in sorted(set(self._keys))]

    def __len__(self) -> int:
        """How many keys."""
        return len(set(self._keys))


def keep_near(
    index: dict[int, tuple[str, ...]], key: int, word: str, count: int, frequency: Callable[[str], int]
) -> None:
    """Offer ``word`` (seen ``count`` times) to the near index under ``key`` (as a dict while it
    is built; :class:`WordsByKey` once done): the :data:`NEAR_WORDS` commonest words of each
    key stay."""
    held = index.get(key, ())
    if word in held:
        return
    if len(held) < NEAR_WORDS or frequency(held[-1]) < count:
        index[key] = tuple(sorted([*held, word], key=lambda w: -frequency(w))[:NEAR_WORDS])


def near_words(index: dict[int, tuple[str, ...]]) -> WordsByKey:
    """The near index :func:`keep_near` built, made compact."""
    return WordsByKey((key, word) for key, words in index.items() for word in words)


def mask_key(four: str, hidden: int) -> int:
    """Four characters with the one at ``hidden`` left out, as one small int (three basic-block
    Han characters of 16 bits and the place): cheaper to keep than a string per mask."""
    key = hidden
    for position, ch in enumerate(four):
        if position != hidden:
            key = (key << 16) | (ord(ch) & 0xFFFF)
    return key


def idiom_masks(idioms: Iterable[str]) -> WordsByKey:
    """Every four-character idiom under its four masks."""
    return WordsByKey(
        (mask_key(idiom, position), idiom)
        for idiom in idioms
        if len(idiom) == 4 and HAN_RUN.fullmatch(idiom)
        for position in range(4)
    )


def idioms_like(masks: WordsByKey, four: str, hidden: int) -> tuple[str, ...]:
    """The idioms that are ``four`` but for the character at ``hidden``."""
    return masks.get(mask_key(four, hidden))
