"""What the word-level rules need: jieba's dictionary with our 政务 words, pinyin, word classes.

Built once, after jieba has loaded (:mod:`core.text.language`), in about a second:

* ``sound_index`` — every frequent dictionary word under the key of its characters' main
  readings without tones (pypinyin's table, read from its data file so that the package and
  its 2 MB phrase table are never imported): a span that is no word but sounds like one is
  found in one look-up;
* names of places, people and organisations (应城) are in neither index: never what a slip meant;
* ``near_index`` — the common words under a key that also forgets the differences pinyin input
  blurs (front and back nasals n/ng, flat and retroflex z/zh c/ch s/sh): 下城 → 下沉, 专相 → 专项,
  the three most frequent words of each key;
* ``idiom_masks`` — every four-character idiom with one character hidden: an idiom typed with
  one wrong character (实事救是) is found whatever the wrong character is;
* ``tags`` — the word classes jieba's dictionary gives (verbs, idioms) for the words the
  rules ask about;
* the shape table and our word lists (:mod:`core.proofread.data`).

Nothing here runs at import time. :func:`start_background_build` builds it in a daemon
thread; :func:`get_lexicon` returns it, waiting for the build only when asked to — the
window's checks never wait (they skip the word-level rules until it is ready and run again).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import math
import re
import sys
import threading
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Callable, Container
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import marisa_trie

from core.base.errors import ReportError
from core.base.memory import release_free_memory
from core.proofread import data
from core.text.segmenter import WordDictionary

log = logging.getLogger(__name__)

# A word enters the sound index when jieba saw it this often (idioms, rarer in its corpus, from
# a lower count): below that a "correction" is as likely to be the slip as the text.
MIN_TARGET_FREQ = 20
MIN_IDIOM_FREQ = 5
MAX_WORD = 7
# Verbs and idioms the rules ask about, from jieba's dictionary: those it saw this often.
MIN_TAGGED_FREQ = 5
# Frequency given to our own 政务 words and the office's words.
KNOWN_WORD_FREQ = 2000
_CJK_WORD = re.compile(rf"[\u4e00-\u9fff]{{2,{MAX_WORD}}}")
_SYLLABLE_BITS = 9  # 417 toneless syllables fit in 9 bits


class LexiconError(ReportError):
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
    syllables are shared strings: no string or dict entry kept per character."""

    def __init__(self, table: dict[str, str]) -> None:
        size = _HAN_LAST - _HAN_FIRST + 1
        self._toned: list[str | None] = [None] * size
        self._plain: list[str | None] = [None] * size
        self._count = 0
        for ch, toned in table.items():
            at = self._at(ch)
            if at >= 0:
                self._toned[at], self._plain[at] = toned, _plain_syllable(toned)
                self._count += 1

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


@dataclass
class Lexicon:
    freq: WordDictionary  # jieba's word frequencies (core.text.language's compact copy, shared)
    total: int
    known: frozenset[str]  # our 政务 words and the office's
    readings: Readings  # character → main reading
    sound_index: SoundIndex  # sound key → the most frequent word with that sound
    near_index: dict[int, tuple[str, ...]]  # blurred sound key → its most frequent words
    idiom_masks: dict[int, str | tuple[str, ...]]  # 实事?是 (as :func:`mask_key`) → 实事求是
    # Word sets of 8,000–17,000 words each, as marisa tries (``in`` only): a few hundred KB
    # instead of tens of thousands of strings kept for as long as the app runs.
    verbs: Container[str]
    nominal_verbs: Container[str]  # verbs jieba also tags as nouns (监督, 宣传): 有效的监督机制
    idioms: Container[str]
    shapes: data.ShapeTable
    segment: Callable[[str], list[str]]

    def idioms_like(self, four: str, hidden: int) -> tuple[str, ...]:
        """The idioms that are ``four`` but for the character at ``hidden``."""
        found = self.idiom_masks.get(mask_key(four, hidden), ())
        return (found,) if isinstance(found, str) else found

    def frequency(self, word: str) -> int:
        if word in self.known:
            return max(KNOWN_WORD_FREQ, self.freq.get(word, 0))
        return self.freq.get(word, 0)

    def log_probability(self, word: str) -> float:
        return math.log(max(self.frequency(word), 1) / self.total)

    def sound_key(self, text: str) -> int | None:
        key = 0
        for ch in text:
            plain = self.readings.plain(ch)
            if plain is None:
                return None
            key = (key << _SYLLABLE_BITS) | _SYLLABLES.setdefault(plain, len(_SYLLABLES) + 1)
        return key

    def sounds_alike(self, a: str, b: str, tone: bool) -> bool:
        table = self.readings.toned if tone else self.readings.plain
        ra = table(a)
        return ra is not None and ra == table(b)

    def words(self, text: str) -> list[str]:
        """jieba's cut without its guesser for unknown words: an unknown span stays in pieces."""
        return self.segment(text)

    def near_key(self, text: str) -> int | None:
        """:meth:`sound_key` with n/ng and z/zh, c/ch, s/sh made one."""
        key = 0
        for ch in text:
            plain = self.readings.plain(ch)
            if plain is None:
                return None
            key = (key << _SYLLABLE_BITS) | _NEAR_SYLLABLES.setdefault(_blurred(plain), len(_NEAR_SYLLABLES) + 1)
        return key

    def begins_word(self, text: str) -> bool:
        """Does some dictionary word start with ``text`` (or is it one)?"""
        return next(self.freq.trie.iterkeys(text), None) is not None

    def sounds_near(self, a: str, b: str, tone: bool = False) -> bool:
        """Same syllable once n/ng and z/zh, c/ch, s/sh are made one; with ``tone``, in the same
        tone too (a slip picks a character that sounds the same; two loose characters that
        happen to sound like a word mostly differ in tone)."""
        ra, rb = self.readings.plain(a), self.readings.plain(b)
        if ra is None or rb is None or _blurred(ra) != _blurred(rb):
            return False
        return not tone or _tone(self.readings.toned(a) or "") == _tone(self.readings.toned(b) or "")


_SYLLABLES: dict[str, int] = {}
_build_lock = threading.Lock()
_built = threading.Event()
_lexicon: Lexicon | None = None
_error: BaseException | None = None
_thread: threading.Thread | None = None
_thread_lock = threading.Lock()


@cache
def _plain_syllable(toned: str) -> str:
    """ "jùn" → "jun", "lǜ" → "lv" (one shared string per syllable)."""
    return sys.intern(
        "".join(c for c in unicodedata.normalize("NFD", toned) if not unicodedata.combining(c)).replace(
            "ü", "v"
        )
    )


def _pinyin_table_path() -> Path:
    spec = importlib.util.find_spec("pypinyin")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise LexiconError("缺少 pypinyin 组件。")
    return Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"


@cache
def readings() -> Readings:
    """:func:`read_readings`, once: the rules that need sounds but not words use it before jieba."""
    return read_readings()


def read_readings() -> Readings:
    """Each Han character's main reading (pypinyin lists the usual reading first)."""
    path = _pinyin_table_path()
    try:
        raw: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LexiconError(f"读取“{path.name}”失败（{exc}）。") from exc
    table = {}
    for code, value in raw.items():
        ch = chr(int(code))
        if "\u4e00" <= ch <= "\u9fff":  # the basic block: every character a report uses
            table[ch] = sys.intern(value.split(",", 1)[0])
    return Readings(table)


_NEAR_SYLLABLES: dict[str, int] = {}
NEAR_WORDS = 3  # words kept under each blurred sound key
NEAR_MIN_FREQ = 500  # only common words: the rules that use the blurred index want no other
_RETROFLEX = re.compile(r"^([zcs])h")
_BACK_NASAL = re.compile(r"([aei])ng$")


@cache
def _tone(toned: str) -> int:
    """1–4 from the diacritic of a toned syllable ("jùn" → 4), 0 for the neutral tone."""
    for ch in unicodedata.normalize("NFD", toned):
        mark = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}.get(ch)
        if mark:
            return mark
    return 0


@cache
def _blurred(plain: str) -> str:
    """ "zheng" → "zen", "xiang" → "xian": what pinyin input with fuzzy sounds treats as one."""
    return _BACK_NASAL.sub(r"\1n", _RETROFLEX.sub(r"\1", plain))


def _dictionary_tags(
    tokenizer: object,
) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(verbs, verbs also used as nouns, idioms, names) from jieba's dictionary file, whose
    third column is the word class."""
    verbs, nominal, idioms, names = set(), set(), set(), set()
    handle = tokenizer.get_dict_file()  # type: ignore[attr-defined]
    with handle:
        for raw in handle:
            parts = raw.decode("utf-8").split()
            if len(parts) < 3 or len(parts[0]) > 8:
                continue
            word, tag = parts[0], parts[2]
            if int(parts[1]) < MIN_TAGGED_FREQ:
                continue
            if tag in ("v", "vn", "vd", "vi") and len(word) <= 4:
                verbs.add(word)
                if tag == "vn":
                    nominal.add(word)
            elif tag in ("i", "l") and len(word) >= 4:
                idioms.add(word)
            elif tag in ("nr", "ns", "nt", "nz", "nrt", "nrfg"):
                names.add(word)
    return frozenset(verbs), frozenset(nominal), frozenset(idioms), frozenset(names)


def build() -> Lexicon:
    """Load jieba (waiting for a load under way) and build the lexicon. Takes about a second."""
    import jieba

    from core.text import language

    dictionary = language.dictionary()
    known = data.known_words()
    lists = data.wordlists()
    verbs, nominal_verbs, idioms, names = _dictionary_tags(jieba.dt)
    all_idioms = idioms | frozenset(w for w in known if len(w) >= 4)
    lexicon = Lexicon(
        freq=dictionary,
        total=dictionary.total,
        known=known,
        readings=readings(),
        sound_index=SoundIndex({}, str),
        near_index={},
        idiom_masks={},
        verbs=marisa_trie.Trie(verbs | lists.get("verbs", frozenset())),
        nominal_verbs=marisa_trie.Trie(nominal_verbs),
        idioms=marisa_trie.Trie(all_idioms),
        shapes=data.shapes(),
        segment=lambda text: language.cut(text, hmm=False),
    )
    # sound key → (frequency, the word as its dictionary id, or itself when not in the dictionary)
    best: dict[int, tuple[int, int | str]] = {}

    def offer(word: str, count: int, ref: int | str) -> None:
        if not _CJK_WORD.fullmatch(word):
            return
        key = lexicon.sound_key(word)
        if key is None:
            return
        held = best.get(key)
        if held is None or held[0] < count:  # equal: the first met stays, in jieba's order
            best[key] = (lexicon.frequency(word), ref)
        if len(word) <= 4 and count >= NEAR_MIN_FREQ:
            _keep_near(lexicon, word, count)

    counts, restore = dictionary.counts, dictionary.trie.restore_key
    for word_id in dictionary.order:
        count = counts[word_id]
        if count < MIN_IDIOM_FREQ:
            continue
        word = restore(word_id)
        if (count >= MIN_TARGET_FREQ or len(word) >= 4) and 2 <= len(word) <= MAX_WORD and word not in names:
            offer(word, count, word_id)
    for word in known:
        word_id = dictionary.trie.get(word)
        offer(word, KNOWN_WORD_FREQ, word if word_id is None else word_id)
    lexicon.sound_index = SoundIndex(best, restore)
    masks = lexicon.idiom_masks  # one idiom (most masks) as itself, more as a tuple: compact
    for idiom in all_idioms:
        if len(idiom) == 4 and _CJK_WORD.fullmatch(idiom):
            for position in range(4):
                key = mask_key(idiom, position)
                held = masks.get(key)
                masks[key] = idiom if held is None else (*((held,) if isinstance(held, str) else held), idiom)
    return lexicon


def mask_key(four: str, hidden: int) -> int:
    """Four characters with the one at ``hidden`` left out, as one small int (three basic-block
    Han characters of 16 bits and the place): cheaper to keep than a string per mask."""
    key = hidden
    for position, ch in enumerate(four):
        if position != hidden:
            key = (key << 16) | (ord(ch) & 0xFFFF)
    return key


def _keep_near(lexicon: Lexicon, word: str, count: int) -> None:
    key = lexicon.near_key(word)
    if key is None:
        return
    held = lexicon.near_index.get(key, ())
    if word in held:
        return
    if len(held) < NEAR_WORDS or lexicon.frequency(held[-1]) < count:
        ranked = sorted([*held, word], key=lambda w: -lexicon.frequency(w))[:NEAR_WORDS]
        lexicon.near_index[key] = tuple(ranked)


def _build_once() -> Lexicon:
    global _lexicon, _error
    with _build_lock:
        if _lexicon is None:
            try:
                built = build()
                release_free_memory()  # the build's short-lived objects, before it is seen ready
                _lexicon = built
                _error = None
            except Exception as exc:
                _error = exc
                raise
            finally:
                _built.set()
        return _lexicon


def is_ready() -> bool:
    return _lexicon is not None


def start_background_build() -> threading.Thread:
    """Build in a daemon thread (once); jieba loads first if it has not yet."""
    global _thread
    with _thread_lock:
        if _thread is None or (not _thread.is_alive() and _lexicon is None):

            def run() -> None:
                try:
                    _build_once()
                except Exception:  # reported again, as a clear error, by the next caller that waits
                    log.exception("proofreading lexicon could not be built")

            _thread = threading.Thread(target=run, name="proofread-lexicon", daemon=True)
            _thread.start()
        return _thread


def get_lexicon(wait: bool = True) -> Lexicon | None:
    """The lexicon; None when it is not built yet and ``wait`` is False (a build is then started)."""
    if _lexicon is not None:
        return _lexicon
    if not wait:
        start_background_build()
        return None
    return _build_once()


def refresh_known_words() -> None:
    """The office's word list changed (加入本单位词表): take its words in, without a rebuild."""
    lexicon = _lexicon
    if lexicon is None:
        return
    lexicon.known = data.known_words()
    for word in lexicon.known:
        key = lexicon.sound_key(word) if _CJK_WORD.fullmatch(word) else None
        if key is not None:
            lexicon.sound_index.add(key, word)
        if key is not None and len(word) <= 4 and KNOWN_WORD_FREQ >= NEAR_MIN_FREQ:
            _keep_near(lexicon, word, KNOWN_WORD_FREQ)


def reset_for_tests() -> None:
    """Forget the built lexicon (tests that change the office word list)."""
    global _lexicon
    with _build_lock:
        _lexicon = None
        _built.clear()
