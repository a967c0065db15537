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

import contextlib
import hashlib
import importlib.util
import json
import logging
import marshal
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

from core.base.atomic import atomic_write_bytes
from core.base.errors import ReportError, SaveFailed
from core.base.memory import release_free_memory
from core.base.paths import cache_dir
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

    def __init__(self, toned: list[str | None]) -> None:
        """``toned``: the reading of each basic-block character by code point, from U+4E00."""
        if len(toned) != _HAN_LAST - _HAN_FIRST + 1:
            raise ValueError("one reading (or None) per basic-block character")
        self._toned = toned
        self._plain: list[str | None] = [None if reading is None else _plain_syllable(reading) for reading in toned]
        self._count = sum(reading is not None for reading in toned)

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
    """Each Han character's main reading (pypinyin lists the usual reading first).

    Reading the table makes some 80,000 short-lived strings. The syllables kept are made only
    after all of them are gone: one made in between would keep a whole block of the heap from
    being given back (8 MB where the table needs 0.4)."""
    path = _pinyin_table_path()
    try:
        raw: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LexiconError(f"读取“{path.name}”失败（{exc}）。") from exc
    size = _HAN_LAST - _HAN_FIRST + 1
    numbers: dict[str, int] = {}  # toned syllable → its number, from 1
    syllable_of = array("H", bytes(2 * size))  # code point → number (0: none)
    for code, value in raw.items():
        at = int(code) - _HAN_FIRST
        if 0 <= at < size:
            syllable_of[at] = numbers.setdefault(value.split(",", 1)[0], len(numbers) + 1)
    packed = "\n".join(numbers)
    del raw, numbers
    syllables: list[str | None] = [None, *packed.split("\n")]  # now: the strings kept
    return Readings([syllables[number] for number in syllable_of])


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


def _lexicon_with(
    dictionary: WordDictionary, verbs: marisa_trie.Trie, nominal_verbs: marisa_trie.Trie, idioms: marisa_trie.Trie
) -> Lexicon:
    """A lexicon over ``dictionary`` with empty indexes (filled by :func:`build` or the file)."""
    from core.text import language

    return Lexicon(
        freq=dictionary,
        total=dictionary.total,
        known=data.known_words(),
        readings=readings(),
        sound_index=SoundIndex({}, str),
        near_index={},
        idiom_masks={},
        verbs=verbs,
        nominal_verbs=nominal_verbs,
        idioms=idioms,
        shapes=data.shapes(),
        segment=lambda text: language.cut(text, hmm=False),
    )


def build() -> Lexicon:
    """Load jieba (waiting for a load under way) and build the lexicon. Takes about a second."""
    import jieba

    from core.text import language

    dictionary = language.dictionary()
    known = data.known_words()
    lists = data.wordlists()
    verbs, nominal_verbs, idioms, names = _dictionary_tags(jieba.dt)
    all_idioms = idioms | frozenset(w for w in known if len(w) >= 4)
    lexicon = _lexicon_with(
        dictionary,
        marisa_trie.Trie(verbs | lists.get("verbs", frozenset())),
        marisa_trie.Trie(nominal_verbs),
        marisa_trie.Trie(all_idioms),
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


# --------------------------------------------------------------------------- the lexicon file

# Bump when build() or the file's layout changes: a file of another version is never read.
FILE_FORMAT = 1
_FILE_PREFIX = "lexicon-"


def file_name(dictionary: WordDictionary) -> str | None:
    """The lexicon file's name: a digest of everything :func:`build` reads (the dictionary, our
    and the office's words, the word lists, pypinyin's table). None when the dictionary does
    not say what it was made from."""
    if not dictionary.stamp:
        return None
    table = _pinyin_table_path().stat()
    digest = hashlib.sha256(f"{FILE_FORMAT}\n{marshal.version}\n{dictionary.stamp}\n".encode())
    # The build's own limits: changing one makes another lexicon even without a format bump.
    limits = (MIN_TARGET_FREQ, MIN_IDIOM_FREQ, MAX_WORD, MIN_TAGGED_FREQ, KNOWN_WORD_FREQ, NEAR_WORDS, NEAR_MIN_FREQ)
    digest.update(repr(limits).encode())
    digest.update(f"{table.st_size} {table.st_mtime_ns}\n".encode())
    digest.update("\n".join(sorted(data.known_words())).encode())
    for name, words in sorted(data.wordlists().items()):
        digest.update(f"\n[{name}]\n".encode() + "\n".join(sorted(words)).encode())
    return f"{_FILE_PREFIX}{digest.hexdigest()[:16]}.bin"


def lexicon_bytes(lexicon: Lexicon) -> bytes:
    """What :func:`build` worked out, as plain values (marshal: no code runs when it is read)."""
    tries = (lexicon.verbs, lexicon.nominal_verbs, lexicon.idioms)
    return marshal.dumps(
        (
            FILE_FORMAT,
            tuple(_SYLLABLES.items()),
            tuple(_NEAR_SYLLABLES.items()),
            lexicon.sound_index.arrays(),
            lexicon.near_index,
            lexicon.idiom_masks,
            tuple(trie.tobytes() for trie in tries if isinstance(trie, marisa_trie.Trie)),
        )
    )


def _numbering_extends(table: dict[str, int], saved: tuple[tuple[str, int], ...]) -> bool:
    """Sound keys number syllables in the order they were first met: the file's keys hold only
    if the numbers given so far in this process are the start of the file's."""
    return tuple(table.items()) == saved[: len(table)]


def lexicon_from_bytes(blob: bytes, dictionary: WordDictionary) -> Lexicon | None:
    """The lexicon :func:`lexicon_bytes` wrote; None when it cannot be used here (then built).
    Raises ValueError (or EOFError, TypeError, RuntimeError) for a damaged file."""
    version, syllables, near_syllables, sound, near_index, idiom_masks, tries = marshal.loads(blob)
    if version != FILE_FORMAT or len(tries) != 3:
        return None
    if not (_numbering_extends(_SYLLABLES, syllables) and _numbering_extends(_NEAR_SYLLABLES, near_syllables)):
        return None
    verbs, nominal_verbs, idioms = (marisa_trie.Trie().frombytes(part) for part in tries)
    lexicon = _lexicon_with(dictionary, verbs, nominal_verbs, idioms)
    lexicon.sound_index = SoundIndex.from_arrays(*sound, restore=dictionary.trie.restore_key)
    lexicon.near_index, lexicon.idiom_masks = near_index, idiom_masks
    _SYLLABLES.update(syllables)
    _NEAR_SYLLABLES.update(near_syllables)
    return lexicon


def load_or_build() -> Lexicon:
    """The lexicon from the cache folder when a file made from the same words is there (a
    tenth of the time, and compact: building leaves its scraps scattered over the heap, about
    15 MB the process never gives back); else built, and the file written for next time."""
    from core.text import language

    dictionary = language.dictionary()
    name = file_name(dictionary)
    folder = cache_dir()
    if name is not None:
        # A damaged file (marisa reports bad bytes as RuntimeError) is built again and replaced.
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError, RuntimeError):
            loaded = lexicon_from_bytes((folder / name).read_bytes(), dictionary)
            if loaded is not None:
                return loaded
    built = build()
    if name is not None:
        with contextlib.suppress(OSError, SaveFailed):  # a read-only profile: built again next start
            atomic_write_bytes(folder / name, lexicon_bytes(built))
            for old in folder.glob(f"{_FILE_PREFIX}*.bin"):
                if old.name != name:
                    old.unlink(missing_ok=True)
    return built


def _build_once() -> Lexicon:
    global _lexicon, _error
    with _build_lock:
        if _lexicon is None:
            try:
                built = load_or_build()
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
